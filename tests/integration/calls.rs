//! The call journal (domain.md, "Calls"): reading real-looking exports (Windows-1251 with `;`,
//! UTF-8 with tabs, a workbook with date and time cells), located errors, an export that fails as a
//! whole, the Calls sheet's round trip, `--calls` on the command line, and the privacy guarantee.

use std::path::{Path, PathBuf};
use std::process::Command;

use medfunnel::import::raw::{self, ColumnMap, RawInputs, read_calls};
use medfunnel::import::{Problem, import_workbook};
use medfunnel::metrics::{Filter, compute};
use medfunnel::model::{CallRow, Channel, ContactOutcome, Month, Project, Tier};

/// Fragments of the journal's phones: none may appear in anything the program writes.
const PHONE_PARTS: [&str; 6] = ["9161112233", "111-22-33", "9034445566", "444 55 66", "9037778899", "777 88 99"];

const JOURNAL: &str = "\
Дата и время;Тип;Номер клиента;Кому звонили;Статус;Ожидание;Длительность;Сотрудник;Источник
03.03.2025 10:00;Входящий;+7 916 111-22-33;+7 495 000-00-00;Пропущен;0:00:25;0:00:00;;yandex
03.03.2025 10:10;Исходящий;+7 495 000-00-00;+7 916 111-22-33;Принят;0:00:05;0:02:00;Анна;
03.03.2025 11:00;Входящий;8 903 444 55 66;+7 495 000-00-00;Принят;0:00:15;0:03:00;Анна;Сарафан
03.03.2025 12:00;Входящий;8 903 777 88 99;+7 495 000-00-00;Нет ответа;0:00:40;;;yandex.direct
04.03.2025 13:00;Входящий;8 903 777 88 99;+7 495 000-00-00;Занято;0:00:10;;;yandex
";

fn clinic() -> Project {
    let mut p = Project::new();
    p.channels = vec![
        Channel {
            name: "Яндекс".into(),
            tier: Tier::Proven,
            kind: "context".into(),
            sources: vec!["yandex".into(), "yandex.direct".into()],
        },
        Channel { name: "Сарафан".into(), tier: Tier::Scaling, kind: "referral".into(), sources: vec![] },
    ];
    p
}

fn write_bytes(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn cp1251(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn import(project: &mut Project, path: PathBuf) -> Vec<Problem> {
    let inputs = RawInputs {
        calls: Some(path),
        key: Some(medfunnel::import::raw::PatientKey::from_bytes([7; 32])),
        ..RawInputs::default()
    };
    raw::import_raw(project, &inputs).unwrap().1
}

fn row<'a>(p: &'a Project, channel: Option<&str>, employee: Option<&str>) -> &'a CallRow {
    p.calls
        .iter()
        .find(|r| r.channel.as_deref() == channel && r.employee.as_deref() == employee)
        .unwrap_or_else(|| panic!("no row {channel:?} {employee:?} in {:?}", p.calls))
}

fn assert_no_phone(what: &str, text: &str) {
    for part in PHONE_PARTS {
        assert!(!text.contains(part), "{what} discloses «{part}»");
    }
}

/// The journal's contacts, checked by hand: P1 missed at 10:00, called back at 10:10 (≤ 20 min);
/// P2 answered by Анна (wait 15 s, talk 180 s); P3 missed on the 3rd and on the 4th (25 h later,
/// and unanswered): two lost contacts. Sources: yandex and yandex.direct are Яндекс.
fn check_march(p: &Project) {
    let y = row(p, Some("Яндекс"), None);
    assert_eq!(
        (y.contacts, y.answered, y.lost, y.callbacks_20m, y.calls_in),
        (Some(3.0), Some(0.0), Some(2.0), Some(1.0), Some(3.0))
    );
    let s = row(p, Some("Сарафан"), Some("Анна"));
    assert_eq!(
        (s.contacts, s.answered, s.wait_seconds, s.talk_seconds),
        (Some(1.0), Some(1.0), Some(15.0), Some(180.0))
    );
    assert_eq!(p.calls.len(), 2);
    let contacts = p.contacts.as_ref().unwrap();
    assert_eq!(contacts.len(), 4);
    assert_eq!(contacts.iter().filter(|c| c.outcome == ContactOutcome::Lost).count(), 2);

    let k = compute(p, &Filter::default());
    let t = &k.total.kpis;
    // 4 contacts, 1 answered → 0.25; 2 lost → 0.5; missed 3, 1 within 20 min → 1/3; wait 15 / 1.
    assert_eq!((t.contacts, t.answered, t.answer_rate), (Some(4.0), Some(1.0), Some(0.25)));
    assert_eq!((t.lost, t.lost_rate), (Some(2.0), Some(0.5)));
    assert_eq!(t.callback_20m_rate, Some(1.0 / 3.0));
    assert_eq!(t.avg_wait, Some(15.0));
    assert_eq!(k.employees.len(), 1);
    assert_eq!((k.employees[0].answered, k.employees[0].avg_talk), (Some(1.0), Some(180.0)));
}

#[test]
fn windows_1251_with_semicolons() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = clinic();
    let problems = import(&mut p, write_bytes(dir.path(), "звонки.csv", &cp1251(JOURNAL)));
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
    check_march(&p);
    assert!(problems.iter().any(|p| p.message.to_string().contains("Calls (Звонки)")));
    for pr in &problems {
        assert_no_phone("a message", &pr.to_string());
    }
    assert_no_phone("the project file", &serde_json::to_string(&p).unwrap());
}

#[test]
fn utf8_with_tabs_english_words_and_one_number_column() {
    // One client-number column: it is the patient's phone whatever the direction.
    let text = "\u{feff}calldate\tcall_type\tcontact_phone_number\tdisposition\twaittime\tbillsec\tagent\tutm_source\n\
        2025-03-03T10:00:00\tin\t79161112233\tNO ANSWER\t25\t0\t\tyandex\n\
        2025-03-03T10:10:00\tout\t79161112233\tANSWERED\t5\t120\tАнна\t\n\
        2025-03-03T11:00:00\tincoming\t89034445566\tanswered\t15\t180\tАнна\tСарафан\n\
        2025-03-03T12:00:00\t\t89037778899\tbusy\t40\t\t\tyandex.direct\n\
        2025-03-04T13:00:00\tin\t89037778899\tmissed\t10\t\t\tyandex\n";
    let dir = tempfile::tempdir().unwrap();
    let mut p = clinic();
    let problems = import(&mut p, write_bytes(dir.path(), "calls.tsv", text.as_bytes()));
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
    check_march(&p);
}

/// started, direction, subscriber, destination, result, wait and talk seconds, who took it, channel.
type JournalRow<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, f64, f64, &'a str, &'a str);

#[test]
fn a_workbook_with_date_and_time_cells() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("журнал.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let heads = [
        "Начало",
        "Направление",
        "Абонент",
        "Номер назначения",
        "Результат",
        "Время ожидания",
        "Разговор",
        "Принял",
        "Канал",
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let when = Format::new().set_num_format("dd.mm.yyyy hh:mm");
    let dur = Format::new().set_num_format("[h]:mm:ss");
    let rows: [JournalRow; 5] = [
        (
            "2025-03-03T10:00:00",
            "входящий звонок",
            "+7 916 111-22-33",
            "74950000000",
            "пропущенный",
            25.0,
            0.0,
            "",
            "yandex",
        ),
        (
            "2025-03-03T10:10:00",
            "исходящий звонок",
            "74950000000",
            "+7 916 111-22-33",
            "успешный",
            5.0,
            120.0,
            "Анна",
            "",
        ),
        (
            "2025-03-03T11:00:00",
            "входящий",
            "8 903 444 55 66",
            "74950000000",
            "отвечен",
            15.0,
            180.0,
            "Анна",
            "Сарафан",
        ),
        (
            "2025-03-03T12:00:00",
            "входящий",
            "8 903 777 88 99",
            "74950000000",
            "не принят",
            40.0,
            0.0,
            "",
            "yandex.direct",
        ),
        ("2025-03-04T13:00:00", "входящий", "8 903 777 88 99", "74950000000", "потерян", 10.0, 0.0, "", "yandex"),
    ];
    for (i, r) in rows.iter().enumerate() {
        let i = i as u32 + 1;
        ws.write_datetime_with_format(i, 0, ExcelDateTime::parse_from_str(r.0).unwrap(), &when).unwrap();
        ws.write_string(i, 1, r.1).unwrap();
        ws.write_string(i, 2, r.2).unwrap();
        ws.write_string(i, 3, r.3).unwrap();
        ws.write_string(i, 4, r.4).unwrap();
        ws.write_number_with_format(i, 5, r.5 / 86_400.0, &dur).unwrap();
        ws.write_number_with_format(i, 6, r.6 / 86_400.0, &dur).unwrap();
        ws.write_string(i, 7, r.7).unwrap();
        ws.write_string(i, 8, r.8).unwrap();
    }
    wb.save(&path).unwrap();
    let mut p = clinic();
    let problems = import(&mut p, path);
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
    check_march(&p);
}

#[test]
fn a_bad_cell_is_an_error_naming_file_row_column_and_value() {
    let text = JOURNAL.replace(
        "03.03.2025 11:00;Входящий;8 903 444 55 66;+7 495 000-00-00;Принят",
        "03.03.2025 11:00;Входящий;8 903 444 55 66;+7 495 000-00-00;Переведён",
    );
    let text = text.replace("0:00:40", "сорок");
    let dir = tempfile::tempdir().unwrap();
    let (ex, problems) = read_calls(&write_bytes(dir.path(), "calls.csv", text.as_bytes()), &ColumnMap::new()).unwrap();
    let errors: Vec<&Problem> = problems.iter().filter(|p| p.is_error()).collect();
    assert_eq!(errors.len(), 2, "{problems:?}");
    let status = errors.iter().find(|e| e.column.as_deref() == Some("status (статус)")).unwrap();
    assert_eq!((status.file.as_str(), status.row, status.value.as_deref()), ("calls.csv", Some(4), Some("Переведён")));
    assert!(status.message.to_string().contains("not a call status"), "{}", status.message);
    let wait = errors.iter().find(|e| e.column.as_deref() == Some("wait (ожидание)")).unwrap();
    assert_eq!((wait.row, wait.value.as_deref()), (Some(5), Some("сорок")));
    // The two bad rows are left out; the other three load.
    assert_eq!(ex.unwrap().rows.len(), 3);
}

#[test]
fn a_phone_in_the_source_or_employee_column_never_becomes_a_name() {
    // Found by the long fuzz run: the callee's number shifted into the source column became a
    // channel, and an employee glued to a phone reached `employees` in the JSON.
    let text = JOURNAL
        .replace(
            "03.03.2025 11:00;Входящий;8 903 444 55 66;+7 495 000-00-00;Принят;0:00:15;0:03:00;Анна;Сарафан",
            "03.03.2025 11:00;Входящий;8 903 444 55 66;+7 495 000-00-00;Принят;0:00:15;0:03:00;Анн3) 765-43-21;Сарафан",
        )
        .replace(
            "03.03.2025 12:00;Входящий;8 903 777 88 99;+7 495 000-00-00;Нет ответа;0:00:40;;;yandex.direct",
            "03.03.2025 12:00;Входящий;8 903 777 88 99;+7 495 000-00-00;Нет ответа;0:00:40;;;+7 495 000-00-00",
        );
    let dir = tempfile::tempdir().unwrap();
    let mut p = clinic();
    let problems = import(&mut p, write_bytes(dir.path(), "calls.csv", text.as_bytes()));
    let errors = problems.iter().filter(|p| p.is_error()).count();
    assert_eq!(errors, 2, "{problems:?}");
    let json = serde_json::to_string(&medfunnel::metrics::compute(&p, &medfunnel::metrics::Filter::default())).unwrap();
    for shown in [&json, &serde_json::to_string(&p).unwrap(), &format!("{problems:?}")] {
        assert!(!shown.contains("765-43-21") && !shown.contains("495 000"), "{shown}");
    }
    assert!(p.channels.iter().all(|c| !c.name.contains("495")));
}

#[test]
fn an_export_that_fails_as_a_whole_replaces_nothing() {
    let mut p = clinic();
    let kept = CallRow {
        month: Month::new(2025, 3).unwrap(),
        channel: None,
        employee: None,
        contacts: Some(10.0),
        answered: Some(9.0),
        lost: None,
        callbacks_20m: None,
        callbacks: None,
        recalled: None,
        calls_in: None,
        wait_seconds: None,
        talk_seconds: None,
        branch: None,
    };
    p.calls.push(kept.clone());
    let dir = tempfile::tempdir().unwrap();
    let no_status = "Дата и время;Номер клиента\n03.03.2025 10:00;+7 916 111-22-33\n";
    let problems = import(&mut p, write_bytes(dir.path(), "calls.csv", no_status.as_bytes()));
    assert!(problems.iter().any(|e| e.is_error() && e.message.to_string().contains("status (статус)")), "{problems:?}");
    assert_eq!(p.calls, vec![kept]);
    assert!(p.contacts.is_none());
}

#[test]
fn a_journal_replaces_only_its_own_months() {
    let mut p = clinic();
    let row = |m: u32| CallRow {
        month: Month::new(2025, m).unwrap(),
        channel: None,
        employee: None,
        contacts: Some(10.0),
        answered: Some(9.0),
        lost: None,
        callbacks_20m: None,
        callbacks: None,
        recalled: None,
        calls_in: None,
        wait_seconds: None,
        talk_seconds: None,
        branch: None,
    };
    p.calls = vec![row(2), row(3), row(4)];
    let dir = tempfile::tempdir().unwrap();
    import(&mut p, write_bytes(dir.path(), "calls.csv", JOURNAL.as_bytes()));
    let months: Vec<String> = p.calls.iter().map(|r| r.month.to_string()).collect();
    assert_eq!(months, ["2025-02", "2025-03", "2025-03", "2025-04"]);
}

#[test]
fn the_calls_sheet_and_target_round_trip_through_the_template() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = clinic();
    import(&mut p, write_bytes(dir.path(), "calls.csv", JOURNAL.as_bytes()));
    p.settings.answer_rate_target = 0.85;
    let path = dir.path().join("шаблон.xlsx");
    medfunnel::report::write_template(&p, &path).unwrap();
    let back = import_workbook(&path).unwrap().project;
    assert_eq!(back.calls, p.calls);
    assert_eq!(back.settings.answer_rate_target, 0.85);
    // The template never holds contacts (patient keys).
    assert!(back.contacts.is_none());
}

#[test]
fn a_hand_typed_calls_sheet_in_russian() {
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("клиника.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Звонки").unwrap();
    for (c, h) in ["Месяц", "Канал", "Администратор", "Обращения", "Принято"].iter().enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "март 2025").unwrap();
    ws.write_string(1, 1, "Яндекс").unwrap();
    ws.write_string(1, 2, "Анна").unwrap();
    ws.write_number(1, 3, 120.0).unwrap();
    ws.write_number(1, 4, 96.0).unwrap();
    let settings = wb.add_worksheet().set_name("Настройки").unwrap();
    settings.write_string(0, 0, "Ключ").unwrap();
    settings.write_string(0, 1, "Значение").unwrap();
    settings.write_string(1, 0, "Цель по ответам").unwrap();
    settings.write_string(1, 1, "95%").unwrap();
    wb.save(&path).unwrap();
    let p = import_workbook(&path).unwrap().project;
    assert_eq!(p.settings.answer_rate_target, 0.95);
    assert_eq!(p.calls.len(), 1);
    let k = compute(&p, &Filter::default());
    // 96 / 120 = 0.8; the empty counts are 0.
    assert_eq!(k.months[0].answer_rate, Some(0.8));
    assert_eq!(k.months[0].lost, Some(0.0));
}

#[test]
fn kpi_and_report_take_calls_and_never_print_a_phone() {
    let dir = tempfile::tempdir().unwrap();
    let journal = write_bytes(dir.path(), "calls.csv", &cp1251(JOURNAL));
    let journal = journal.to_str().unwrap();
    let out =
        Command::new(env!("CARGO_BIN_EXE_medfunnel")).args(["kpi", "--calls", journal, "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_no_phone("kpi's JSON", &stdout);
    assert_no_phone("kpi's messages", &String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["total"]["contacts"], 4.0);
    assert_eq!(v["total"]["answer_rate"], 0.25);
    assert_eq!(v["months"][0]["lost"], 2.0);
    assert_eq!(v["employees"][0]["employee"], "Анна");
    assert_eq!(v["employees"][0]["avg_wait"], 15.0);

    let report = dir.path().join("report.xlsx");
    let out = Command::new(env!("CARGO_BIN_EXE_medfunnel"))
        .args(["report", "--calls", journal, "-o", report.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&report).unwrap()).unwrap();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut text = String::new();
        if std::io::Read::read_to_string(&mut f, &mut text).is_ok() {
            assert_no_phone("the report", &text);
        }
    }

    let project = dir.path().join("clinic.medfunnel");
    let out = Command::new(env!("CARGO_BIN_EXE_medfunnel"))
        .args(["import", "--calls", journal, "-o", project.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&project).unwrap();
    assert_no_phone("the project file", &String::from_utf8_lossy(&bytes));
}

#[test]
fn the_report_has_the_calls_sheet_its_chart_and_summary_cards() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    use medfunnel::format::Lang;
    use medfunnel::metrics::calls::call_months;

    let dir = tempfile::tempdir().unwrap();
    let project = medfunnel::demo::demo_project();
    let path = dir.path().join("отчёт.xlsx");
    medfunnel::report::write_report(&project, &Filter::default(), Lang::Ru, &path).unwrap();
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let sheet = book.worksheet_range("Итоги звонков").unwrap();
    let cell = |r: usize, c: usize| sheet.get((r, c)).cloned().unwrap_or(Data::Empty);
    // Header in row 4 (index 3), then one row per month with calls, then the Total row.
    assert_eq!(cell(3, 0), Data::String("Месяц".into()));
    assert_eq!(cell(3, 1), Data::String("Обращения".into()));
    let months = call_months(&project, &Filter::default());
    assert_eq!(cell(4, 0), Data::String(months[0].month.to_string()));
    assert_eq!(cell(4, 1), Data::Float(months[0].sums.contacts));
    assert_eq!(cell(4, 3), Data::Float(months[0].answer_rate.unwrap()));
    let total = 4 + months.len();
    assert_eq!(cell(total, 0), Data::String("Итого".into()));
    let k = compute(&project, &Filter::default());
    assert_eq!(cell(total, 15), Data::Float(k.total.kpis.lost_revenue.unwrap()));
    // The administrators' table under it names every employee.
    let texts: Vec<String> = sheet.rows().filter_map(|r| r.first().map(|c| c.to_string())).collect();
    for e in &k.employees {
        assert!(texts.contains(&e.employee), "{}", e.employee);
    }
    // The Summary names the lost contacts and their money.
    let summary = book.worksheet_range("Сводка").unwrap();
    let row = |label: &str| {
        summary.rows().find(|r| r.first().is_some_and(|c| *c == Data::String(label.to_string()))).map(<[Data]>::to_vec)
    };
    let lost = row("Потерянные обращения").expect("lost contacts card");
    assert_eq!(lost[1], Data::Float(k.total.kpis.lost.unwrap()));
    let money = row("Деньги, оставшиеся в телефоне").expect("money card");
    assert_eq!(money[1], Data::Float(k.total.kpis.lost_revenue.unwrap()));

    // A native line chart of the answer rate against the target.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut found = false;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().starts_with("xl/charts/chart") {
            let mut x = String::new();
            std::io::Read::read_to_string(&mut f, &mut x).unwrap();
            found |= x.contains("<c:lineChart>") && x.contains("Итоги звонков");
        }
    }
    assert!(found, "no answer-rate line chart on the calls sheet");
}
