//! The project file at scale: opening a project of 1,000,000 patient visits (target ≤ 0.5 s) and
//! writing one edit into it as a transaction of the changed row (target ≤ 10 ms).
//!
//! `cargo bench --no-default-features --bench store`

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use medfunnel::model::{Sheet, VisitRecord};
use medfunnel::store::{self, Change, ProjectFile, Table};

fn big_project() -> medfunnel::model::Project {
    let mut p = medfunnel::demo::demo_project();
    let dirs = ["Стоматология", "Гинекология", "УЗИ", "Неврология", "Косметология"];
    let first = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default();
    let key = medfunnel::import::raw::PatientKey::from_bytes([7; 32]);
    let visits = (0..1_000_000u64)
        .map(|i| {
            let patient = (i * 7919) % 300_000;
            VisitRecord {
                date: first + chrono::Days::new(i * 1095 / 1_000_000),
                patient: Some(key.patient(&format!("7916{patient:07}")).into()),
                direction: Some(dirs[(patient % 5) as usize].into()),
                doctor: Some(format!("Врач {}", i % 30).into()),
                amount: if i % 5 == 0 { 0.0 } else { 1000.0 + (i % 1000) as f64 },
                branch: None,
            }
        })
        .collect();
    p.visits = Some(visits);
    p
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("big.medfunnel");
    let mut p = big_project();
    store::save_project(&p, &path).unwrap_or_else(|e| panic!("{e}"));
    let mut g = c.benchmark_group("store");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    // Until the project is in memory: freeing the previous one (a million visits' strings) is not
    // part of opening.
    g.bench_function("open 1M visits", |b| b.iter_with_large_drop(|| black_box(store::load_project(&path))));
    let mut file = ProjectFile::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut n = 0.0;
    g.bench_function("write one edit", |b| {
        b.iter(|| {
            n += 1.0;
            p.funnel[7].leads = Some(n);
            file.write_changes(&p, &[Change::Rows { table: Table::Sheet(Sheet::Funnel), rows: 7..8 }])
        })
    });
    g.bench_function("save 1M visits whole", |b| b.iter(|| store::save_project(&p, &path)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
