//! Importing a 100,000-row template workbook (the Funnel sheet of a big network of clinics).
//! Target: under 1 s on a 2-core machine.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use medfunnel::import::import_workbook;
use rust_xlsxwriter::Workbook;

fn write_workbook(path: &std::path::Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Воронка").expect("sheet name");
    let header = ["Месяц", "Канал", "Направление", "Лиды", "Записи", "Явки", "Оплаты", "Выручка"];
    ws.write_row(0, 0, header).expect("header");
    let dirs = ["Стоматология", "Гинекология", "УЗИ", "Неврология", "Косметология"];
    for i in 0..100_000u32 {
        let r = i + 1;
        // Every row has keys of its own (96 months × 1 042 channels): repeated keys would be
        // merged into one row with a notice, which is not what this measures.
        let m = i % 96;
        let month = format!("{}-{:02}", 2020 + m / 12, m % 12 + 1);
        ws.write_string(r, 0, month).expect("cell");
        ws.write_string(r, 1, format!("Канал {}", i / 96)).expect("cell");
        ws.write_string(r, 2, dirs[(i % 5) as usize]).expect("cell");
        for c in 0..4u16 {
            ws.write_number(r, 3 + c, f64::from(40 - 8 * c as u32 + i % 7)).expect("cell");
        }
        ws.write_number(r, 7, 15_000.0 + f64::from(i % 1000)).expect("cell");
    }
    wb.save(path).expect("save");
}

fn import(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.xlsx");
    write_workbook(&path);
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    // The yardstick: calamine's own read of every cell of the same sheet (what the streamed,
    // capped reader is compared with).
    g.bench_function("calamine worksheet_range, every cell", |b| {
        b.iter(|| {
            use calamine::Reader;
            let mut book: calamine::Xlsx<_> = calamine::open_workbook(black_box(&path)).expect("open");
            let range = book.worksheet_range("Воронка").expect("sheet");
            assert_eq!(range.height(), 100_001);
            range
        })
    });
    g.bench_function("template workbook, 100k Funnel rows", |b| {
        b.iter(|| {
            let imported = import_workbook(black_box(&path)).expect("import");
            assert_eq!(imported.project.funnel.len(), 100_000);
            imported
        })
    });
    g.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
