//! "As of, and plan to date" and Revenue month rows, end to end: workbooks the tests write, read by
//! the importer, measured by the metrics the way `kpi --json` prints them.

use chrono::NaiveDate;
use medfunnel::metrics::{Filter, MonthState, compute};
use medfunnel::model::Month;

use super::import_template::{C, import, n, notices, t, write_book};

fn plan_rows(months: &[&str], plan: f64) -> Vec<Vec<C>> {
    let mut rows = vec![vec![t("Месяц"), t("План выручки")]];
    rows.extend(months.iter().map(|m| vec![t(m), n(plan)]));
    rows
}

#[test]
fn a_monthly_only_revenue_sheet_has_no_month_in_progress() {
    let dir = tempfile::tempdir().unwrap();
    // A marketer who keeps monthly takings only, written as months.
    let revenue =
        vec![vec![t("Дата"), t("Выручка")], vec![t("январь 2026"), n(900_000.0)], vec![t("2026-02"), n(950_000.0)]];
    let path = write_book(
        dir.path(),
        "monthly.xlsx",
        &[("Выручка", revenue), ("План", plan_rows(&["2026-01", "2026-02", "2026-03"], 1_000_000.0))],
    );
    let imported = import(&path);
    assert!(imported.project.revenue.iter().all(|r| r.month_row));
    let k = compute(&imported.project, &Filter::default());
    // D = the last day of the last month with a month row.
    assert_eq!(k.total.as_of, NaiveDate::from_ymd_opt(2026, 2, 28));
    let states: Vec<_> = k.months.iter().map(|m| m.state).collect();
    assert_eq!(states, [Some(MonthState::Complete), Some(MonthState::Complete), Some(MonthState::Future)]);
    assert!(k.months.iter().all(|m| m.forecast.is_none() && m.required_pace.is_none()));
    assert!(k.progress.is_none());
    // Plan to date: January and February in full, March (future) nothing: 2 000 000.
    assert_eq!(k.total.kpis.plan_to_date, Some(2_000_000.0));
    // Completion to date: 1 850 000 / 2 000 000 = 0.925; of the whole period's plan 1 850 000 / 3 000 000.
    assert_eq!(k.total.kpis.completion_to_date, Some(0.925));
    assert!((k.total.kpis.plan_completion.unwrap() - 1_850_000.0 / 3_000_000.0).abs() < 1e-12);
}

#[test]
fn monthly_totals_typed_as_dates_on_the_1st_are_month_rows() {
    let dir = tempfile::tempdir().unwrap();
    // The issue's case: totals typed on the 1st of each month; the last one must not be "in
    // progress" with a forecast of 31 × the month.
    let revenue =
        vec![vec![t("Дата"), t("Выручка")], vec![C::D(2026, 1, 1), n(900_000.0)], vec![C::D(2026, 2, 1), n(950_000.0)]];
    let path = write_book(
        dir.path(),
        "firsts.xlsx",
        &[("Выручка", revenue), ("План", plan_rows(&["2026-01", "2026-02"], 1e6))],
    );
    let imported = import(&path);
    assert!(imported.project.revenue.iter().all(|r| r.month_row));
    assert!(notices(&imported).iter().any(|n| n.contains("1st")), "{:?}", notices(&imported));
    let k = compute(&imported.project, &Filter::default());
    assert!(k.progress.is_none());
    assert_eq!(
        k.months.last().map(|m| (m.month, m.state, m.forecast)),
        Some((Month::new(2026, 2).unwrap(), Some(MonthState::Complete), None))
    );
}

#[test]
fn day_rows_and_a_month_row_of_one_month_are_summed_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let revenue = vec![
        vec![t("Дата"), t("Выручка")],
        vec![t("2026-01"), n(500_000.0)],
        vec![C::D(2026, 1, 14), n(20_000.0)],
        vec![C::D(2026, 2, 10), n(30_000.0)],
    ];
    let path = write_book(dir.path(), "mixed.xlsx", &[("Выручка", revenue)]);
    let imported = import(&path);
    assert!(notices(&imported).iter().any(|n| n.contains("2026-01")), "{:?}", notices(&imported));
    let k = compute(&imported.project, &Filter::default());
    assert_eq!(k.months[0].revenue, Some(520_000.0));
    // January is complete (it has a month row); February is in progress as of the 10th.
    assert_eq!(k.months[0].state, Some(MonthState::Complete));
    assert_eq!(k.months[1].state, Some(MonthState::InProgress));
    assert_eq!(k.total.as_of, NaiveDate::from_ymd_opt(2026, 2, 10));
    // The template export writes the month row back as a month, so the round trip keeps it.
    let out = dir.path().join("again.xlsx");
    medfunnel::report::template::write_template(&imported.project, &out).unwrap();
    let again = import(&out);
    assert_eq!(again.project.revenue, imported.project.revenue);
}
