//! Call journal import at a size far beyond one clinic's year: a 1,000,000-call CSV journal (300,000
//! patients, misses, callbacks and next-day calls) read, folded into contacts and classified.
//! Target: the million calls in about a second on a 2-core machine.
//!
//! `cargo bench --no-default-features --bench calls`

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use medfunnel::import::raw::{self, ColumnMap, RawInputs};
use medfunnel::model::{Channel, Project, Tier};

const PATIENTS: u64 = 300_000;
const SOURCES: [&str; 5] = ["yandex", "Яндекс.Директ", "site", "", "Сарафан"];

fn write_journal(path: &Path, rows: u64) {
    let mut s = String::with_capacity(rows as usize * 110);
    s.push_str("Дата и время;Тип;Номер клиента;Кому звонили;Статус;Ожидание;Длительность;Сотрудник;Источник\n");
    let first = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    for i in 0..rows {
        // Calls in time order over two years; a patient calls about three times.
        let day = first + chrono::Days::new(i * 730 / rows);
        let secs = 8 * 3600 + (i * 7 % 43_200);
        let patient = (i * 104_729) % PATIENTS;
        let phone = format!("+7 (916) {:03}-{:02}-{:02}", patient / 10_000 % 1000, patient / 100 % 100, patient % 100);
        let outgoing = i % 9 == 0;
        let answered = i % 5 != 0;
        let (caller, callee, kind) = if outgoing {
            ("+7 (495) 000-00-00".to_string(), phone, "Исходящий")
        } else {
            (phone, "+7 (495) 000-00-00".to_string(), "Входящий")
        };
        let _ = writeln!(
            s,
            "{} {:02}:{:02}:{:02};{kind};{caller};{callee};{};0:00:{:02};0:{:02}:{:02};{};{}",
            day.format("%d.%m.%Y"),
            secs / 3600,
            secs / 60 % 60,
            secs % 60,
            if answered { "Принят" } else { "Пропущен" },
            i % 60,
            i % 10,
            i % 60,
            if answered { ["Иванова", "Смирнова", "Козлова"][(i % 3) as usize] } else { "" },
            SOURCES[(i % 5) as usize]
        );
    }
    std::fs::write(path, s).unwrap_or_else(|e| panic!("{e}"));
}

fn clinic() -> Project {
    let mut p = Project::new();
    p.channels = vec![
        Channel {
            name: "Яндекс".into(),
            tier: Tier::Proven,
            sources: vec!["yandex".into(), "Яндекс.Директ".into()],
            ..Default::default()
        },
        Channel { name: "Сайт".into(), tier: Tier::Proven, sources: vec!["site".into()], ..Default::default() },
        Channel { name: "Сарафан".into(), tier: Tier::Scaling, ..Default::default() },
    ];
    p
}

fn calls(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let journal = dir.path().join("calls.csv");
    write_journal(&journal, 1_000_000);

    let mut g = c.benchmark_group("calls");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(20));
    g.bench_function("read 1M-call journal CSV", |b| {
        b.iter(|| black_box(raw::read_calls(&journal, &ColumnMap::new()).map(|(e, _)| e.map(|e| e.rows.len()))))
    });
    let inputs = RawInputs {
        calls: Some(journal.clone()),
        key: Some(raw::PatientKey::from_bytes([7; 32])),
        ..RawInputs::default()
    };
    let base = clinic();
    g.bench_function("read + fold + classify 1M calls", |b| {
        b.iter(|| {
            let mut p = base.clone();
            black_box(raw::import_raw(&mut p, &inputs).map(|(r, _)| r.contacts))
        })
    });
    g.finish();
}

criterion_group!(benches, calls);
criterion_main!(benches);
