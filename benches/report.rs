//! The analyst report of a 36-month clinic (2024-01..2026-12: the demo clinic plus its first
//! complete months copied one and two years back), laid out and serialised to xlsx bytes.
//! Target: under 1 s on a 2-core machine.

use std::hint::black_box;

use chrono::Months;
use criterion::{Criterion, criterion_group, criterion_main};
use medfunnel::demo::demo_project;
use medfunnel::format::Lang;
use medfunnel::metrics::Filter;
use medfunnel::model::{Month, Project};
use medfunnel::report::report_workbook;

/// Copies the rows of months `from..=to` `years` years back.
fn copy_back(p: &mut Project, src: &Project, from: Month, to: Month, years: u32) {
    let keep = |m: Month| m >= from && m <= to;
    let shift = |m: Month| m.shift(-12 * years as i32);
    for r in src.plan.iter().filter(|r| keep(r.month)) {
        p.plan.push(medfunnel::model::PlanRow { month: shift(r.month), ..r.clone() });
    }
    for r in src.budget.iter().filter(|r| keep(r.month)) {
        p.budget.push(medfunnel::model::BudgetRow { month: shift(r.month), ..r.clone() });
    }
    for r in src.funnel.iter().filter(|r| keep(r.month)) {
        p.funnel.push(medfunnel::model::FunnelRow { month: shift(r.month), ..r.clone() });
    }
    for r in src.doctors.iter().filter(|r| keep(r.month)) {
        p.doctors.push(medfunnel::model::DoctorRow { month: shift(r.month), ..r.clone() });
    }
    for r in src.revenue.iter().filter(|r| keep(Month::of(r.date))) {
        if let Some(date) = r.date.checked_sub_months(Months::new(12 * years)) {
            p.revenue.push(medfunnel::model::RevenueRow { date, ..r.clone() });
        }
    }
}

fn clinic_36_months() -> Project {
    let demo = demo_project();
    let mut p = demo.clone();
    let m = |y, mo| Month::new(y, mo).expect("valid month");
    // 2025-09..2026-08 one year back → 2024-09..2025-08; 2026-01..2026-08 two years back → 2024-01..2024-08.
    copy_back(&mut p, &demo, m(2025, 9), m(2026, 8), 1);
    copy_back(&mut p, &demo, m(2026, 1), m(2026, 8), 2);
    p
}

fn report(c: &mut Criterion) {
    let p = clinic_36_months();
    let months = medfunnel::metrics::compute(&p, &Filter::default()).months.len();
    assert_eq!(months, 36);
    let mut g = c.benchmark_group("report");
    g.sample_size(10);
    g.bench_function("analyst report of a 36-month clinic (build + xlsx bytes)", |b| {
        b.iter(|| {
            let mut wb = report_workbook(black_box(&p), &Filter::default(), Lang::Ru).expect("report");
            black_box(wb.save_to_buffer().expect("bytes"))
        })
    });
    g.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
