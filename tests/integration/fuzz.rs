//! A corpus-driven mutation fuzzer on stable Rust (no cargo-fuzz, no nightly).
//!
//! Seeds are written here: a template workbook, CRM/MIS/ad-cabinet CSV exports holding patients'
//! names and phones, and a project file. Each round takes a seed, mutates it (bytes flipped,
//! inserted, cut and repeated; quotes, separators and zero bytes; other encodings; inside a
//! workbook's XML: cells moved to `XFD1048576`, huge counts, absurd numbers; inside a project's
//! JSON: impossible values) and checks what the user would see:
//! - no panic (in-process: every call under `catch_unwind`; child mode: no "panicked", no signal,
//!   exit status 0, 1 or 2 — 70 is our own last-resort panic message, so it fails too);
//! - no patient's name or phone from the seeds in any message, JSON, saved project or report;
//! - no temp file left beside an output.
//!
//! `cargo test` runs [`fuzz_in_process`] for a few seconds with a fixed seed; the long mode is
//! `cargo run --release --example fuzz -- --minutes 30`, which includes this file and runs the
//! built binary as a child process for every mutant.

use std::io::{Cursor, Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use medfunnel::import::raw::{self, ColumnMap, RawInputs};
use medfunnel::model::Project;

/// The kinds of input the fuzzer mutates. A kind is a seed family and a way to feed it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A template workbook (.xlsx).
    Workbook,
    /// A CRM leads export (.csv).
    Leads,
    /// An MIS visits export (.csv).
    Visits,
    /// An ad-cabinet spend export (.csv).
    Spend,
    /// A telephony call journal (.csv).
    Calls,
    /// A project file (.medfunnel).
    Project,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 6] = [Kind::Workbook, Kind::Leads, Kind::Visits, Kind::Spend, Kind::Calls, Kind::Project];

    /// The kind named on the command line (`workbook`, `leads`, `visits`, `spend`, `calls`, `project`).
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Workbook => "workbook",
            Kind::Leads => "leads",
            Kind::Visits => "visits",
            Kind::Spend => "spend",
            Kind::Calls => "calls",
            Kind::Project => "project",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Kind::Workbook => "xlsx",
            Kind::Project => "medfunnel",
            _ => "csv",
        }
    }
}

/// Patients in the seeds: none of these may ever come out.
pub const SECRETS: &[&str] = &[
    "Иванова Мария",
    "Петров Пётр",
    "Сидорова Анна",
    "+7 916 123-45-67",
    "8 (903) 765-43-21",
    "9161234567",
    "9037654321",
    "123-45-67",
    "765-43-21",
    "1234567",
    "7654321",
];

/// A small xorshift generator: fixed seeds make a failure reproducible.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is moved off the fixed point).
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

fn leads_seed() -> String {
    let mut t = String::from("Дата создания;ФИО;Телефон;Источник;Направление;Статус;Дата записи\n");
    let people =
        [("Иванова Мария", "+7 916 123-45-67"), ("Петров Пётр", "8 (903) 765-43-21"), ("Сидорова Анна", "9161234567")];
    for i in 0..40 {
        let (name, phone) = people[i % 3];
        let source = ["yandex", "Сайт", "\"ВК, реклама\""][i % 3];
        t.push_str(&format!("{:02}.03.2025 1{}:05;{name};{phone};{source};УЗИ;записан;\n", i % 28 + 1, i % 10));
    }
    t
}

fn calls_seed() -> String {
    // A journal with the patient's number as caller and the employee's full name: both kinds of
    // personal data a telephony export holds.
    let mut t =
        String::from("Дата и время;Тип;Кто звонил;Кому звонили;Статус;Ожидание;Длительность;Сотрудник;Источник\n");
    let callers = ["+7 916 123-45-67", "8 (903) 765-43-21", "9161234567"];
    for i in 0..40 {
        let caller = callers[i % 3];
        let (status, who) = if i % 4 == 0 { ("Нет ответа", "") } else { ("Принят", "Анна") };
        let kind = if i % 7 == 6 { "Исходящий" } else { "Входящий" };
        t.push_str(&format!(
            "{:02}.03.2025 1{}:0{}:00;{kind};{caller};+7 495 000-00-00;{status};0:00:1{};0:02:00;{who};yandex\n",
            i % 28 + 1,
            i % 10,
            i % 6,
            i % 10
        ));
    }
    t
}

fn visits_seed() -> String {
    let mut t = String::from("Дата приёма;Пациент;Телефон;Врач;Отделение;Сумма\n");
    let people = [("Иванова Мария", "+7 916 123-45-67"), ("Петров Пётр", "8 (903) 765-43-21")];
    for i in 0..30 {
        let (name, phone) = people[i % 2];
        t.push_str(&format!("2025-03-{:02};{name};{phone};Смирнов;УЗИ;{}\n", i % 28 + 1, 1000 + i * 10));
    }
    t
}

fn spend_seed() -> String {
    "Месяц;Источник;Расход\n2025-03;yandex;10000\n2025-03;Сайт;5 000,50\n2025-04;yandex;-3\n".to_string()
}

fn workbook_seed() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let d = wb.add_worksheet().set_name("Направления").unwrap();
    d.write_row(0, 0, ["Направление", "Маржинальность"]).unwrap();
    d.write_string(1, 0, "УЗИ").unwrap();
    d.write_number(1, 1, 0.4).unwrap();
    let f = wb.add_worksheet().set_name("Воронка").unwrap();
    f.write_row(0, 0, ["Месяц", "Канал", "Направление", "Лиды", "Записи", "Явки", "Оплаты", "Выручка"]).unwrap();
    for i in 0..20u32 {
        f.write_string(i + 1, 0, format!("2025-{:02}", i % 12 + 1)).unwrap();
        f.write_string(i + 1, 1, ["Яндекс", "Сайт"][(i % 2) as usize]).unwrap();
        f.write_string(i + 1, 2, "УЗИ").unwrap();
        f.write_row(i + 1, 3, [40.0, 20.0, 15.0, 10.0, 50_000.0 + f64::from(i)]).unwrap();
    }
    let p = wb.add_worksheet().set_name("План").unwrap();
    p.write_row(0, 0, ["Месяц", "План выручки", "План лидов"]).unwrap();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 3, 1).unwrap();
    let fmt = rust_xlsxwriter::Format::new().set_num_format("mm.yyyy");
    p.write_datetime_with_format(1, 0, &date, &fmt).unwrap();
    p.write_number(1, 1, 1_000_000.0).unwrap();
    p.write_number(1, 2, 400.0).unwrap();
    let n = wb.add_worksheet().set_name("NPS").unwrap();
    n.write_row(0, 0, ["Период", "Оценка", "Количество"]).unwrap();
    n.write_row(1, 0, [2025.0, 9.0, 12.0]).unwrap();
    wb.save_to_buffer().unwrap()
}

fn project_seed() -> Vec<u8> {
    let mut p = medfunnel::demo::demo_project();
    p.funnel.truncate(30);
    p.revenue.truncate(30);
    p.doctors.truncate(10);
    serde_json::to_vec_pretty(&p).unwrap()
}

/// The seed of a kind.
pub fn seed(kind: Kind) -> Vec<u8> {
    match kind {
        Kind::Workbook => workbook_seed(),
        Kind::Leads => leads_seed().into_bytes(),
        Kind::Visits => visits_seed().into_bytes(),
        Kind::Spend => spend_seed().into_bytes(),
        Kind::Calls => calls_seed().into_bytes(),
        Kind::Project => project_seed(),
    }
}

const INSERTS: &[&[u8]] = &[
    b"\"",
    b";",
    b",",
    b"\t",
    b"\n",
    b"\r",
    b"\0",
    b"\"\"",
    b"-5",
    b"1e308",
    b"99999999999999999999",
    b"XFD1048576",
    b"\xff\xfe",
    b"\xd0",
    b"\xc1\xc2\xc3",
    "Итого".as_bytes(),
    "+7 916 123-45-67".as_bytes(),
];

/// Byte-level mutations, one to four of them.
fn mutate_bytes(rng: &mut Rng, mut data: Vec<u8>) -> Vec<u8> {
    for _ in 0..=rng.below(4) {
        let len = data.len().max(1);
        match rng.below(9) {
            0 => {
                let i = rng.below(len).min(data.len().saturating_sub(1));
                if let Some(b) = data.get_mut(i) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 | 2 => {
                let i = rng.below(data.len() + 1);
                let ins = INSERTS[rng.below(INSERTS.len())];
                data.splice(i..i, ins.iter().copied());
            }
            3 => {
                let i = rng.below(data.len() + 1);
                let j = (i + rng.below(64)).min(data.len());
                data.drain(i..j);
            }
            4 => {
                let i = rng.below(data.len() + 1);
                let j = (i + rng.below(200)).min(data.len());
                let chunk: Vec<u8> = data[i..j].to_vec();
                for _ in 0..rng.below(50) {
                    data.splice(j..j, chunk.iter().copied());
                }
            }
            5 => data.truncate(rng.below(data.len() + 1)),
            6 => {
                // A line or field separator swapped for another.
                for b in data.iter_mut().filter(|b| **b == b';') {
                    if rng.below(8) == 0 {
                        *b = b',';
                    }
                }
            }
            7 => {
                let text = String::from_utf8_lossy(&data).into_owned();
                data = match rng.below(3) {
                    0 => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
                    1 => encoding_rs::KOI8_R.encode(&text).0.into_owned(),
                    _ => encoding_rs::WINDOWS_1251.encode(&text).0.into_owned(),
                };
            }
            _ => {
                let i = rng.below(data.len() + 1);
                let n = rng.below(100_000);
                data.splice(i..i, std::iter::repeat_n(b'7', n));
            }
        }
    }
    data
}

/// Mutations of a workbook's XML parts, then the package rezipped.
fn mutate_workbook(rng: &mut Rng, data: &[u8]) -> Vec<u8> {
    if rng.below(4) == 0 {
        return mutate_bytes(rng, data.to_vec());
    }
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(data.to_vec())) else {
        return mutate_bytes(rng, data.to_vec());
    };
    let target = rng.below(zip.len());
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let Ok(mut f) = zip.by_index(i) else { continue };
        let name = f.name().map(|n| n.to_string()).unwrap_or_default();
        let mut body = Vec::new();
        let _ = f.read_to_end(&mut body);
        if i == target || (name.contains("worksheets/sheet") && rng.below(3) == 0) {
            body = mutate_xml(rng, body);
        }
        if out.start_file(name.as_str(), opts).is_err() {
            continue;
        }
        let _ = out.write_all(&body);
    }
    out.finish().map(|c| c.into_inner()).unwrap_or_else(|_| data.to_vec())
}

fn mutate_xml(rng: &mut Rng, body: Vec<u8>) -> Vec<u8> {
    let text = String::from_utf8_lossy(&body).into_owned();
    let swaps: &[(&str, &str)] = &[
        ("r=\"A2\"", "r=\"XFD1048576\""),
        ("r=\"B3\"", "r=\"CV1048576\""),
        ("<v>40</v>", "<v>1e308</v>"),
        ("<v>40</v>", "<v>-40</v>"),
        ("<v>10</v>", "<v>99</v>"),
        ("uniqueCount=\"", "uniqueCount=\"99999999999"),
        ("count=\"", "count=\"18446744073709551615"),
        ("ref=\"A1:", "ref=\"A1:XFD1048576\" x=\""),
        ("t=\"s\"", "t=\"str\""),
        ("</row>", "</row><row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>"),
    ];
    let (from, to) = swaps[rng.below(swaps.len())];
    let text = if rng.below(5) == 0 { text.replace(from, to) } else { text.replacen(from, to, 1) };
    mutate_bytes_maybe(rng, text.into_bytes())
}

fn mutate_bytes_maybe(rng: &mut Rng, data: Vec<u8>) -> Vec<u8> {
    if rng.below(3) == 0 { mutate_bytes(rng, data) } else { data }
}

/// Mutations of a project's JSON: impossible values and missing parts.
fn mutate_project(rng: &mut Rng, data: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(data).into_owned();
    let swaps: &[(&str, &str)] = &[
        ("\"margin\": 0.", "\"margin\": 5"),
        ("\"score\": 9", "\"score\": 11"),
        ("\"leads\": ", "\"leads\": -"),
        ("\"spend\": ", "\"spend\": -"),
        ("\"format_version\": 1", "\"format_version\": 4294967296"),
        ("\"month\": \"2025-", "\"month\": \"2025-13"),
        ("\"paid\": ", "\"paid\": 9999"),
    ];
    let out = match rng.below(6) {
        0 => "{}".to_string(),
        1 | 2 => {
            let (from, to) = swaps[rng.below(swaps.len())];
            text.replacen(from, to, 1 + rng.below(3))
        }
        _ => text,
    };
    mutate_bytes_maybe(rng, out.into_bytes())
}

/// One mutant of `kind`'s seed.
pub fn mutant(rng: &mut Rng, kind: Kind, seed: &[u8]) -> Vec<u8> {
    match kind {
        Kind::Workbook => mutate_workbook(rng, seed),
        Kind::Project => mutate_project(rng, seed),
        _ => mutate_bytes(rng, seed.to_vec()),
    }
}

/// The secrets found in `text`.
pub fn leaks(text: &str) -> Vec<&'static str> {
    SECRETS.iter().copied().filter(|s| text.contains(s)).collect()
}

/// The temp files of ours in `dir`.
pub fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(medfunnel::store::TEMP_PREFIX))
                .collect()
        })
        .unwrap_or_default()
}

/// Feeds one mutant to the library in this process; `Err` says what went wrong.
pub fn check_in_process(kind: Kind, path: &Path, out_dir: &Path) -> Result<(), String> {
    let key = raw::PatientKey::from_bytes([3; 32]);
    let result = catch_unwind(AssertUnwindSafe(|| -> String {
        let mut seen = String::new();
        let mut project = Project::new();
        match kind {
            Kind::Workbook | Kind::Project => match medfunnel::store::open(path) {
                Ok(imported) => {
                    for p in &imported.problems {
                        seen.push_str(&format!("{p}\n"));
                    }
                    project = imported.project;
                }
                Err(e) => seen.push_str(&e.to_string()),
            },
            Kind::Leads | Kind::Visits | Kind::Spend | Kind::Calls => {
                let inputs = RawInputs {
                    leads: (kind == Kind::Leads).then(|| path.to_path_buf()),
                    visits: (kind == Kind::Visits).then(|| path.to_path_buf()),
                    spend: (kind == Kind::Spend).then(|| path.to_path_buf()),
                    calls: (kind == Kind::Calls).then(|| path.to_path_buf()),
                    key: Some(key.clone()),
                    ..RawInputs::default()
                };
                let _ = raw::preview_rows(path, raw_kind(kind), &ColumnMap::new(), 5).map(|rows| {
                    for r in rows {
                        seen.push_str(&format!("{r:?}\n"));
                    }
                });
                match raw::import_raw(&mut project, &inputs) {
                    Ok((_, problems)) => {
                        for p in &problems {
                            seen.push_str(&format!("{p}\n{:?}\n", p.value));
                        }
                    }
                    Err(e) => seen.push_str(&e.to_string()),
                }
            }
        }
        let kpis = medfunnel::metrics::compute(&project, &medfunnel::metrics::Filter::default());
        seen.push_str(&serde_json::to_string(&kpis).unwrap_or_default());
        seen.push_str(&serde_json::to_string(&project).unwrap_or_default());
        let _ = medfunnel::store::save_project(&project, &out_dir.join("out.medfunnel"));
        seen
    }));
    let seen = result.map_err(|_| "panicked".to_string())?;
    let leaked = leaks(&seen);
    // Workbooks and projects hold no patients: only exports are checked for leaks.
    if !leaked.is_empty() && !matches!(kind, Kind::Workbook | Kind::Project) {
        return Err(format!("leaked {leaked:?}"));
    }
    let left = temp_files(out_dir);
    if !left.is_empty() {
        return Err(format!("left temp files {left:?}"));
    }
    Ok(())
}

fn raw_kind(kind: Kind) -> raw::ExportKind {
    match kind {
        Kind::Visits => raw::ExportKind::Visits,
        Kind::Spend => raw::ExportKind::Spend,
        Kind::Calls => raw::ExportKind::Calls,
        _ => raw::ExportKind::Leads,
    }
}

/// Runs the binary on one mutant as a user would (`kpi --json`, `import -o`, `report -o`) with
/// `timeout` per run; `Err` says what went wrong.
pub fn check_cli(
    bin: &Path,
    key_dir: &Path,
    kind: Kind,
    path: &Path,
    out_dir: &Path,
    timeout: Duration,
) -> Result<(), String> {
    let p = path.to_string_lossy().into_owned();
    let out_project = out_dir.join("out.medfunnel").to_string_lossy().into_owned();
    let out_report = out_dir.join("out.xlsx").to_string_lossy().into_owned();
    let input: Vec<String> = match kind {
        Kind::Workbook | Kind::Project => vec![p],
        Kind::Leads => vec!["--leads".into(), p],
        Kind::Visits => vec!["--visits".into(), p],
        Kind::Spend => vec!["--spend".into(), p],
        Kind::Calls => vec!["--calls".into(), p],
    };
    let runs: [Vec<String>; 3] = [
        [vec!["kpi".to_string(), "--json".to_string()], input.clone()].concat(),
        [vec!["import".to_string()], input.clone(), vec!["-o".to_string(), out_project.clone()]].concat(),
        [vec!["report".to_string()], input, vec!["-o".to_string(), out_report.clone()]].concat(),
    ];
    for args in runs {
        if args[0] == "import" && matches!(kind, Kind::Workbook | Kind::Project) {
            continue;
        }
        let mut child = Command::new(bin)
            .args(&args)
            .env(raw::key::KEY_DIR_ENV, key_dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
        let started = Instant::now();
        let mut stdout = child.stdout.take();
        let mut stderr = child.stderr.take();
        let out_thread = std::thread::spawn(move || {
            let mut s = String::new();
            if let Some(o) = stdout.as_mut() {
                let _ = o.read_to_string(&mut s);
            }
            s
        });
        let err_thread = std::thread::spawn(move || {
            let mut s = String::new();
            if let Some(e) = stderr.as_mut() {
                let _ = e.read_to_string(&mut s);
            }
            s
        });
        let status = loop {
            if let Ok(Some(status)) = child.try_wait() {
                break status;
            }
            if started.elapsed() > timeout {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("hung over {timeout:?}: {args:?}"));
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let out = out_thread.join().unwrap_or_default();
        let err = err_thread.join().unwrap_or_default();
        match status.code() {
            Some(0..=2) => {}
            Some(c) => return Err(format!("exit status {c} for {args:?}: {err}")),
            None => return Err(format!("killed by a signal (an abort?) for {args:?}: {err}")),
        }
        if err.contains("panicked") {
            return Err(format!("a panic reached the user for {args:?}: {err}"));
        }
        let mut seen = format!("{out}\n{err}");
        seen.push_str(&std::fs::read_to_string(&out_project).unwrap_or_default());
        seen.push_str(&report_text(Path::new(&out_report)));
        let leaked = leaks(&seen);
        if !leaked.is_empty() && !matches!(kind, Kind::Workbook | Kind::Project) {
            return Err(format!("leaked {leaked:?} for {args:?}"));
        }
    }
    let left = temp_files(out_dir);
    if !left.is_empty() {
        return Err(format!("left temp files {left:?}"));
    }
    Ok(())
}

/// All the XML text of a report workbook (empty when there is none).
fn report_text(path: &Path) -> String {
    let mut text = String::new();
    let Ok(file) = std::fs::File::open(path) else { return text };
    let Ok(mut zip) = zip::ZipArchive::new(file) else { return text };
    for i in 0..zip.len() {
        if let Ok(mut f) = zip.by_index(i) {
            let _ = f.read_to_string(&mut text);
        }
    }
    text
}

/// What a fuzzing run found.
#[derive(Debug, Default)]
pub struct Findings {
    /// Mutants tried.
    pub tried: usize,
    /// Failures: the kind, the mutant's file (kept for reproduction) and what went wrong.
    pub failures: Vec<(Kind, PathBuf, String)>,
}

/// Mutants every run tries, however short its deadline.
const MIN_TRIES: usize = 20;

/// Runs mutants of `kinds` until `deadline` (and at least [`MIN_TRIES`]), in process or through the
/// binary `bin`. Failing mutants are kept in `keep_dir` for reproduction.
pub fn run(kinds: &[Kind], seed: u64, deadline: Instant, bin: Option<(&Path, &Path)>, keep_dir: &Path) -> Findings {
    let seeds: Vec<(Kind, Vec<u8>)> = kinds.iter().map(|k| (*k, self::seed(*k))).collect();
    let mut rng = Rng::new(seed);
    let mut findings = Findings::default();
    let work = tempfile::tempdir().expect("a temp folder");
    // At least MIN_TRIES mutants whatever the deadline, so a loaded machine still runs the fixed-seed
    // mutants the test relies on rather than failing on time.
    while (Instant::now() < deadline || findings.tried < MIN_TRIES) && findings.failures.len() < 20 {
        let (kind, base) = &seeds[rng.below(seeds.len())];
        let data = mutant(&mut rng, *kind, base);
        let path = work.path().join(format!("mutant.{}", kind.extension()));
        if std::fs::write(&path, &data).is_err() {
            continue;
        }
        let out_dir = work.path().join("out");
        let _ = std::fs::remove_dir_all(&out_dir);
        let _ = std::fs::create_dir_all(&out_dir);
        let result = match bin {
            Some((bin, key_dir)) => check_cli(bin, key_dir, *kind, &path, &out_dir, Duration::from_secs(60)),
            None => check_in_process(*kind, &path, &out_dir),
        };
        findings.tried += 1;
        if let Err(what) = result {
            let kept =
                keep_dir.join(format!("failure-{}-{}.{}", findings.failures.len(), kind.name(), kind.extension()));
            let _ = std::fs::create_dir_all(keep_dir);
            let _ = std::fs::write(&kept, &data);
            findings.failures.push((*kind, kept, what));
        }
    }
    findings
}

#[test]
fn fuzz_in_process() {
    // MEDFUNNEL_FUZZ_KINDS=leads,visits narrows the run while working on one reader.
    let kinds: Vec<Kind> = std::env::var("MEDFUNNEL_FUZZ_KINDS")
        .map(|list| list.split(',').filter_map(Kind::parse).collect())
        .unwrap_or_else(|_| Kind::ALL.to_vec());
    let keep = std::env::temp_dir().join("medfunnel-fuzz-failures");
    let findings = run(&kinds, 0x5EED_2026, Instant::now() + Duration::from_secs(4), None, &keep);
    assert!(findings.failures.is_empty(), "{:#?}", findings.failures);
}
