//! Raw-export import at a size far beyond one clinic's year: a 1,000,000-row MIS visits CSV and a
//! 300,000-row CRM leads CSV read and joined, and a 100,000-row visits .xlsx read. Target: the
//! million rows in a few seconds on a 2-core machine.
//!
//! `cargo bench --no-default-features --bench raw_import`

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use medfunnel::import::raw::{self, ColumnMap, RawInputs};
use medfunnel::model::{Channel, Direction, Project, Tier};

const DIRS: [&str; 5] = ["Стоматология", "Гинекология", "УЗИ", "Неврология", "Косметология"];
const SOURCES: [&str; 6] = ["yandex", "Яндекс.Директ", "google", "2gis", "Сарафан", "instagram"];
const PATIENTS: u64 = 300_000;

/// A phone of patient `i` in one of the spellings MISs and CRMs use.
fn phone(i: u64, style: u64) -> String {
    let n = 9_160_000_000 + i * 7;
    let d = n.to_string();
    match style % 4 {
        0 => format!("+7 ({}) {}-{}-{}", &d[..3], &d[3..6], &d[6..8], &d[8..]),
        1 => format!("8 {} {} {} {}", &d[..3], &d[3..6], &d[6..8], &d[8..]),
        2 => d,
        _ => format!("7{d}"),
    }
}

fn write_visits_csv(path: &Path, rows: u64) {
    let mut s = String::with_capacity(rows as usize * 90);
    s.push_str("Дата приёма;Пациент;Телефон;Отделение;Врач;Сумма\n");
    let first = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default();
    for i in 0..rows {
        let day = first + chrono::Days::new(i * 1095 / rows);
        let patient = (i * 7919) % PATIENTS;
        let amount = if i % 5 == 0 { String::new() } else { format!("{} {:03},00 ₽", 1 + i % 9, i % 1000) };
        let _ = writeln!(
            s,
            "{};\"Пациент {}\";{};{};Врач {};{}",
            day.format("%d.%m.%Y"),
            patient,
            phone(patient, i),
            DIRS[(patient % 5) as usize],
            i % 30,
            amount
        );
    }
    std::fs::write(path, s).unwrap_or_else(|e| panic!("{e}"));
}

fn write_leads_csv(path: &Path, rows: u64) {
    let mut s = String::with_capacity(rows as usize * 80);
    s.push_str("Дата создания;ФИО;Телефон;Источник;Статус;Направление\n");
    let first = chrono::NaiveDate::from_ymd_opt(2021, 12, 20).unwrap_or_default();
    for i in 0..rows {
        let day = first + chrono::Days::new(i * 1095 / rows);
        let patient = (i * 104_729) % PATIENTS;
        let _ = writeln!(
            s,
            "{} {:02}:{:02};Клиент {};{};{};{};",
            day.format("%d.%m.%Y"),
            8 + i % 10,
            i % 60,
            patient,
            phone(patient, i + 1),
            SOURCES[(i % 6) as usize],
            if i % 3 == 0 { "Записан" } else { "Новый" }
        );
    }
    std::fs::write(path, s).unwrap_or_else(|e| panic!("{e}"));
}

fn write_visits_xlsx(path: &Path, rows: u32) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let head = ["Дата приёма", "Пациент", "Телефон", "Отделение", "Врач", "Сумма"];
    for (c, h) in head.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap_or_else(|e| panic!("{e}"));
    }
    let fmt = rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy");
    for i in 1..=rows {
        let date = rust_xlsxwriter::ExcelDateTime::from_serial_datetime(44_562.0 + f64::from(i % 1095))
            .unwrap_or_else(|e| panic!("{e}"));
        let patient = u64::from(i) * 7919 % PATIENTS;
        ws.write_datetime_with_format(i, 0, &date, &fmt).unwrap_or_else(|e| panic!("{e}"));
        ws.write_string(i, 1, format!("Пациент {patient}")).unwrap_or_else(|e| panic!("{e}"));
        ws.write_number(i, 2, (79_160_000_000 + patient * 7) as f64).unwrap_or_else(|e| panic!("{e}"));
        ws.write_string(i, 3, DIRS[(patient % 5) as usize]).unwrap_or_else(|e| panic!("{e}"));
        ws.write_string(i, 4, format!("Врач {}", i % 30)).unwrap_or_else(|e| panic!("{e}"));
        ws.write_number(i, 5, f64::from(i % 5000)).unwrap_or_else(|e| panic!("{e}"));
    }
    wb.save(path).unwrap_or_else(|e| panic!("{e}"));
}

fn clinic() -> Project {
    let mut p = Project::new();
    p.directions =
        DIRS.iter().map(|d| Direction { name: d.to_string(), margin: 0.4, visits_per_patient: None }).collect();
    p.channels = vec![
        Channel {
            name: "Яндекс".into(),
            tier: Tier::Proven,
            sources: vec!["yandex".into(), "Яндекс.Директ".into()],
            ..Default::default()
        },
        Channel { name: "Сарафан".into(), tier: Tier::Scaling, ..Default::default() },
    ];
    p
}

fn raw_import(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let visits = dir.path().join("visits.csv");
    let leads = dir.path().join("leads.csv");
    let xlsx = dir.path().join("visits.xlsx");
    write_visits_csv(&visits, 1_000_000);
    write_leads_csv(&leads, 300_000);
    write_visits_xlsx(&xlsx, 100_000);

    let mut g = c.benchmark_group("raw_import");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(20));
    g.bench_function("read 1M-row visits CSV", |b| {
        b.iter(|| black_box(raw::read_visits(&visits, &ColumnMap::new()).map(|(e, _)| e.rows.len())))
    });
    g.bench_function("read 300k-row leads CSV", |b| {
        b.iter(|| black_box(raw::read_leads(&leads, &ColumnMap::new()).map(|(e, _)| e.rows.len())))
    });
    let inputs = RawInputs {
        leads: Some(leads.clone()),
        visits: Some(visits.clone()),
        key: Some(raw::PatientKey::from_bytes([7; 32])),
        ..RawInputs::default()
    };
    let base = clinic();
    g.bench_function("read + join 1M visits and 300k leads", |b| {
        b.iter(|| {
            let mut p = base.clone();
            black_box(raw::import_raw(&mut p, &inputs).map(|(r, _)| r.matched_visits))
        })
    });
    g.bench_function("read 100k-row visits xlsx", |b| {
        b.iter(|| black_box(raw::read_visits(&xlsx, &ColumnMap::new()).map(|(e, _)| e.rows.len())))
    });
    g.finish();
}

criterion_group!(benches, raw_import);
criterion_main!(benches);
