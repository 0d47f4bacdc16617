//! A chain far larger than any real one: 50 branches × 5 years × 20 channels × 6 direction slots,
//! about 10,000,000 Funnel rows, 456,000 Revenue days, a Budget with every branch's own rows and the
//! chain's shared campaigns. Times `metrics::compute` for the whole chain (with the `branches`
//! comparison and the shared-spend split) and under `--branch` (the branch's view, then its KPIs):
//! the one-shot path of the CLI, which sums the Funnel rows into buckets first. Then the app's path:
//! summing the rows into buckets once, recomputing from the buckets (whole chain and one branch),
//! and an edit of one Funnel cell (the buckets follow, every KPI recomputed; for the chain and
//! under `--branch`), of one Revenue and one Budget cell (their sums follow). And the chain in its
//! project file (a 10 M-row Funnel cannot live in an xlsx): saved whole, opened, one edit written.

mod support;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use medfunnel::metrics::buckets::FunnelBuckets;
use medfunnel::metrics::{Filter, SheetSums, compute, compute_with_sums};
use medfunnel::model::*;
use medfunnel::store::{self, Change, ProjectFile};

const BRANCHES: usize = 50;
const CHANNELS: usize = 20;
const MONTHS: i32 = 60;
/// Rows per branch, month, channel and direction slot (sub-campaigns): 50 × 60 × 20 × 6 × 28 ≈ 10 M.
const ROWS_PER_CELL: usize = 28;

fn big_chain() -> Project {
    let mut p = Project::new();
    let dirs = ["Стоматология", "Гинекология", "УЗИ", "Неврология", "Косметология"];
    p.directions = dirs
        .iter()
        .enumerate()
        .map(|(i, d)| Direction { name: d.to_string(), margin: 0.3 + 0.05 * i as f64, visits_per_patient: None })
        .collect();
    let channels: Vec<String> = (0..CHANNELS).map(|i| format!("Канал {i}")).collect();
    p.channels = channels
        .iter()
        .enumerate()
        .map(|(i, c)| Channel { name: c.clone(), tier: Tier::ALL[i % 3], ..Default::default() })
        .collect();
    let branches: Vec<String> = (0..BRANCHES).map(|i| format!("Филиал {i:02}")).collect();
    let start = Month::new(2020, 1).unwrap();
    let months: Vec<Month> = (0..MONTHS).map(|i| start.shift(i)).collect();
    p.funnel.reserve(BRANCHES * MONTHS as usize * CHANNELS * 6 * ROWS_PER_CELL);
    let mut n = 0u64;
    for m in &months {
        for (ci, c) in channels.iter().enumerate() {
            // The first four channels are the chain's shared campaigns.
            if ci < 4 {
                p.budget.push(BudgetRow {
                    branch: None,
                    month: *m,
                    channel: c.clone(),
                    budget_plan: Some(5_000_000.0),
                    spend: Some(4_800_000.0),
                });
            }
        }
        for b in &branches {
            for c in &channels {
                p.budget.push(support::budget_row(Some(b), *m, c));
                for d in 0..6 {
                    for _ in 0..ROWS_PER_CELL {
                        n += 1;
                        p.funnel.push(support::funnel_row(Some(b), *m, c, dirs.get(d).copied(), n));
                    }
                }
            }
            p.plan.push(PlanRow {
                branch: Some(b.clone()),
                month: *m,
                direction: None,
                revenue_plan: 8_000_000.0,
                leads_plan: Some(4_000.0),
                booking_rate_plan: Some(0.6),
                show_rate_plan: Some(0.7),
                paid_rate_plan: Some(0.8),
                revenue_per_paid_plan: Some(20_000.0),
            });
        }
    }
    let first = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let last = start.shift(MONTHS - 1).last_day();
    let mut day = first;
    while day <= last {
        for b in &branches {
            for (i, d) in dirs.iter().enumerate() {
                p.revenue.push(RevenueRow {
                    branch: Some(b.clone()),
                    month_row: false,
                    date: day,
                    direction: Some(d.to_string()),
                    revenue: 50_000.0 + i as f64,
                    checks: Some(20.0),
                    new_patients: Some(5.0),
                    repeat_patients: Some(15.0),
                });
            }
        }
        day = day.succ_opt().unwrap();
    }
    p
}

fn branches(c: &mut Criterion) {
    let p = big_chain();
    eprintln!(
        "chain: {} funnel, {} revenue, {} budget, {} plan rows",
        p.funnel.len(),
        p.revenue.len(),
        p.budget.len(),
        p.plan.len()
    );
    let mut g = c.benchmark_group("branches");
    g.sample_size(10);
    g.bench_function("compute the whole chain (50 branches, ~10M funnel rows)", |b| {
        b.iter(|| black_box(compute(black_box(&p), &Filter::default())))
    });
    let one = Filter { branch: Some("филиал 07".into()), ..Default::default() };
    g.bench_function("compute one branch (--branch)", |b| b.iter(|| black_box(compute(black_box(&p), &one))));
    g.bench_function("sum the funnel rows into buckets", |b| b.iter(|| black_box(FunnelBuckets::new(&p.funnel))));
    let mut sums = SheetSums::new(&p);
    eprintln!("chain: {} buckets", sums.funnel().len());
    g.bench_function("compute the whole chain from buckets", |b| {
        b.iter(|| black_box(compute_with_sums(&p, &Filter::default(), &sums)))
    });
    g.bench_function("compute one branch from buckets", |b| b.iter(|| black_box(compute_with_sums(&p, &one, &sums))));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("chain.medfunnel");
    g.bench_function("save the chain's project file whole", |b| {
        b.iter(|| store::save_project(black_box(&p), &path).unwrap_or_else(|e| panic!("{e}")))
    });
    // The file's edits are written from the chain itself (a copy would be another 3 GB), whose cell
    // is put back afterwards so that the buckets still match it.
    let mut project = p;
    // A filter that skips the save skips the cases that need its file.
    if path.exists() {
        eprintln!("chain: project file of {} MB", std::fs::metadata(&path).map_or(0, |m| m.len()) >> 20);
        // The chain's file for `benches/cold_start.sh` and a look at the app: kept where asked.
        if let Some(keep) = std::env::var_os("MEDFUNNEL_KEEP_CHAIN") {
            std::fs::copy(&path, keep).unwrap_or_else(|e| panic!("{e}"));
        }
        g.bench_function("open the chain's project file", |b| {
            b.iter_with_large_drop(|| store::load_project(black_box(&path)).unwrap_or_else(|e| panic!("{e}")))
        });
        g.bench_function("open the chain's project file as the CLI does (its values checked)", |b| {
            b.iter_with_large_drop(|| store::open(black_box(&path)).unwrap_or_else(|e| panic!("{e}")))
        });
        let mut file = ProjectFile::open(&path).unwrap_or_else(|e| panic!("{e}"));
        let kept = project.funnel[12_345].leads;
        let mut n = 0.0;
        g.bench_function("write one funnel edit into the chain's project file", |b| {
            b.iter(|| {
                n += 1.0;
                project.funnel[12_345].leads = Some(n);
                file.write_changes(&project, &[Change::Rows { table: Sheet::Funnel.into(), rows: 12_345..12_346 }])
                    .unwrap_or_else(|e| panic!("{e}"))
            })
        });
        project.funnel[12_345].leads = kept;
    }
    // The last case edits the chain itself too.
    let mut edited = project;
    let mut n = 0.0;
    for (case, filter) in [
        ("edit one funnel cell: buckets follow, every KPI recomputed", &Filter::default()),
        ("edit one funnel cell under --branch: buckets follow, every KPI recomputed", &one),
    ] {
        g.bench_function(case, |b| {
            b.iter(|| {
                n += 1.0;
                let before = edited.funnel[12_345].clone();
                edited.funnel[12_345].leads = Some(n);
                let followed =
                    sums.update_funnel(std::slice::from_ref(&before), std::slice::from_ref(&edited.funnel[12_345]));
                assert!(followed);
                black_box(compute_with_sums(&edited, filter, &sums))
            })
        });
    }
    g.bench_function("edit one revenue cell: its sums follow, every KPI recomputed", |b| {
        b.iter(|| {
            n += 1.0;
            let before = edited.revenue[4_321].clone();
            edited.revenue[4_321].revenue = n;
            sums.update_revenue(&edited, &[before], std::slice::from_ref(&edited.revenue[4_321]));
            black_box(compute_with_sums(&edited, &Filter::default(), &sums))
        })
    });
    g.bench_function("edit one budget cell: its sums follow, every KPI recomputed", |b| {
        b.iter(|| {
            n += 1.0;
            let before = edited.budget[4_321].clone();
            edited.budget[4_321].spend = Some(n);
            sums.update_budget(&edited, &[before], std::slice::from_ref(&edited.budget[4_321]));
            black_box(compute_with_sums(&edited, &Filter::default(), &sums))
        })
    });
    g.finish();
}

criterion_group!(benches, branches);
criterion_main!(benches);
