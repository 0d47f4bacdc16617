//! Full KPI recompute on a clinic far larger than any real one: 1,000,000 Funnel rows and
//! 100,000 Revenue days. Target: under 50 ms on a 2-core machine; an edit of one Funnel cell with
//! every KPI updated from the bucket sums the app keeps: within a frame (16 ms).

mod support;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use medfunnel::metrics::buckets::FunnelBuckets;
use medfunnel::metrics::{Filter, SheetSums, compute, compute_with_sums};
use medfunnel::model::*;

fn big_clinic() -> Project {
    let mut p = Project::new();
    let dirs = ["Стоматология", "Гинекология", "УЗИ", "Неврология", "Косметология"];
    p.directions = dirs
        .iter()
        .enumerate()
        .map(|(i, d)| Direction { name: d.to_string(), margin: 0.3 + 0.05 * i as f64, visits_per_patient: None })
        .collect();
    let channels: Vec<String> = (0..20).map(|i| format!("Канал {i}")).collect();
    p.channels = channels
        .iter()
        .enumerate()
        .map(|(i, c)| Channel { name: c.clone(), tier: Tier::ALL[i % 3], ..Default::default() })
        .collect();
    let start = Month::new(2020, 1).unwrap();
    let months: Vec<Month> = (0..60).map(|i| start.shift(i)).collect();
    // 60 months × 20 channels × 6 direction slots × 139 rows ≈ 1,000,000 funnel rows, in the
    // order a marketer's sheet has them (grouped by month and channel).
    let per = 1_000_000 / (months.len() * channels.len() * 6) + 1;
    let mut n = 0u64;
    'outer: for m in &months {
        for c in &channels {
            p.budget.push(support::budget_row(None, *m, c));
            for d in 0..6 {
                for _ in 0..per {
                    n += 1;
                    p.funnel.push(support::funnel_row(None, *m, c, dirs.get(d).copied(), n));
                    if p.funnel.len() == 1_000_000 {
                        break 'outer;
                    }
                }
            }
        }
    }
    let first = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    for i in 0..100_000u64 {
        let day = first + chrono::Days::new(i / 55);
        p.revenue.push(RevenueRow {
            branch: None,
            month_row: false,
            date: day,
            direction: Some(dirs[(i % 5) as usize].to_string()),
            revenue: 50_000.0 + (i % 1000) as f64,
            checks: Some(20.0),
            new_patients: Some(5.0),
            repeat_patients: Some(15.0),
        });
    }
    for m in &months {
        p.plan.push(PlanRow {
            branch: None,
            month: *m,
            direction: None,
            revenue_plan: 80_000_000.0,
            leads_plan: Some(40_000.0),
            booking_rate_plan: Some(0.6),
            show_rate_plan: Some(0.7),
            paid_rate_plan: Some(0.8),
            revenue_per_paid_plan: Some(20_000.0),
        });
    }
    p
}

/// A million visits over the clinic's five years, 300,000 patients (one shared key each, as the
/// raw join gives them).
fn visits(p: &Project) -> Visits {
    let keys: Vec<std::sync::Arc<str>> = (0..300_000).map(|i| format!("{i:064x}").into()).collect();
    let dirs: Vec<std::sync::Arc<str>> = p.directions.iter().map(|d| d.name.as_str().into()).collect();
    let first = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let records = (0..1_000_000u64)
        .map(|i| VisitRecord {
            date: first + chrono::Days::new(i * 1826 / 1_000_000),
            patient: Some(std::sync::Arc::clone(&keys[(i * 7_919 % 300_000) as usize])),
            direction: Some(std::sync::Arc::clone(&dirs[(i % 5) as usize])),
            doctor: None,
            amount: 2_000.0 + (i % 7) as f64 * 500.0,
            branch: None,
        })
        .collect();
    Visits::new(records)
}

/// Types the next number into a Funnel cell, as the app does: the buckets follow the row, and every
/// KPI is computed from the sums.
fn edit_funnel_cell(p: &mut Project, sums: &mut SheetSums, n: &mut f64) -> medfunnel::metrics::Kpis {
    *n += 1.0;
    let before = p.funnel[500_000].clone();
    p.funnel[500_000].leads = Some(*n);
    assert!(sums.update_funnel(&[before], std::slice::from_ref(&p.funnel[500_000])));
    compute_with_sums(p, &Filter::default(), sums)
}

fn recompute(c: &mut Criterion) {
    let p = big_clinic();
    assert_eq!(p.funnel.len(), 1_000_000);
    let mut g = c.benchmark_group("recompute");
    g.sample_size(20);
    g.bench_function("compute 1M funnel rows + 100k revenue days", |b| {
        b.iter(|| black_box(compute(black_box(&p), &Filter::default())))
    });
    let filter = Filter { from: Month::new(2022, 1), to: Month::new(2022, 12), ..Default::default() };
    g.bench_function("compute, one year filtered", |b| b.iter(|| black_box(compute(black_box(&p), &filter))));
    let mut p = p;
    let mut sums = SheetSums::new(&p);
    let mut n = 0.0;
    g.bench_function("edit one Funnel cell, every KPI updated (bucket sums)", |b| {
        b.iter(|| black_box(edit_funnel_cell(&mut p, &mut sums, &mut n)))
    });
    g.bench_function("sum 1M Funnel rows into buckets (a rebuild)", |b| {
        b.iter(|| black_box(FunnelBuckets::new(&p.funnel)))
    });
    // The same edit in a clinic that also imported a million visits of 300,000 patients: their
    // LTV and cohorts are kept with the sums, not worked out again per keystroke.
    p.visits = Some(visits(&p));
    let mut sums = SheetSums::new(&p);
    g.bench_function("edit one Funnel cell with 1M imported visits", |b| {
        b.iter(|| black_box(edit_funnel_cell(&mut p, &mut sums, &mut n)))
    });
    g.finish();
}

criterion_group!(benches, recompute);
criterion_main!(benches);
