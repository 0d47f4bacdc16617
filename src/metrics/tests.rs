//! Hand-checked values for every formula of domain.md, on a small clinic computed on paper. The row
//! builders are shared with the analysis tests.

use super::*;
use crate::model::*;

pub(crate) fn m(y: i32, mo: u32) -> Month {
    Month::new(y, mo).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub(crate) fn close(a: Option<f64>, b: f64) {
    let a = a.unwrap_or_else(|| panic!("expected {b}, got None"));
    assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "expected {b}, got {a}");
}

pub(crate) fn funnel(month: Month, channel: &str, dir: Option<&str>, v: [f64; 5]) -> FunnelRow {
    FunnelRow {
        branch: None,
        month,
        channel: channel.into(),
        direction: dir.map(Name::from),
        leads: Some(v[0]),
        bookings: Some(v[1]),
        visits: Some(v[2]),
        paid: Some(v[3]),
        revenue: Some(v[4]),
        returning_leads: None,
    }
}

fn revenue(date: &str, dir: Option<&str>, rev: f64, checks: f64, new: f64) -> RevenueRow {
    RevenueRow {
        branch: None,
        month_row: false,
        date: day(date),
        direction: dir.map(str::to_string),
        revenue: rev,
        checks: Some(checks),
        new_patients: Some(new),
        repeat_patients: None,
    }
}

fn plan(month: Month, dir: Option<&str>, revenue_plan: f64, factors: Option<[f64; 5]>) -> PlanRow {
    PlanRow {
        branch: None,
        month,
        direction: dir.map(str::to_string),
        revenue_plan,
        leads_plan: factors.map(|f| f[0]),
        booking_rate_plan: factors.map(|f| f[1]),
        show_rate_plan: factors.map(|f| f[2]),
        paid_rate_plan: factors.map(|f| f[3]),
        revenue_per_paid_plan: factors.map(|f| f[4]),
    }
}

fn budget(month: Month, channel: &str, plan: Option<f64>, spend: f64) -> BudgetRow {
    BudgetRow { branch: None, month, channel: channel.into(), budget_plan: plan, spend: Some(spend) }
}

fn doctor(month: Month, dir: &str, v: [f64; 8]) -> DoctorRow {
    DoctorRow {
        branch: None,
        month,
        doctor: "Иванова А.А.".into(),
        direction: Some(dir.into()),
        primary_patients: Some(v[0]),
        repeat_patients: Some(v[1]),
        revenue: Some(v[2]),
        hours_available: Some(v[3]),
        hours_booked: Some(v[4]),
        recommended: Some(v[5]),
        agreed: Some(v[6]),
        performed: Some(v[7]),
    }
}

fn nps_row(period: NpsPeriod, dir: Option<&str>, score: u8, count: f64) -> NpsRow {
    NpsRow { branch: None, period, direction: dir.map(str::to_string), score, count }
}

/// The paper clinic: two directions (Dent 50 %, US 30 %; average 40 %), three channels.
fn clinic() -> Project {
    let (jan, feb) = (m(2025, 1), m(2025, 2));
    let mut p = Project::new();
    p.directions = vec![
        Direction { name: "Dent".into(), margin: 0.5, visits_per_patient: Some(3.0) },
        Direction { name: "US".into(), margin: 0.3, visits_per_patient: None },
    ];
    p.channels = vec![
        Channel { name: "Yandex".into(), tier: Tier::Proven, ..Default::default() },
        Channel { name: "VK".into(), tier: Tier::Scaling, ..Default::default() },
        Channel { name: "Expo".into(), tier: Tier::Experiment, ..Default::default() },
    ];
    p.plan = vec![
        plan(jan, None, 1_000_000.0, Some([100.0, 0.5, 0.8, 0.5, 20_000.0])),
        plan(jan, Some("Dent"), 600_000.0, None),
        plan(jan, Some("US"), 300_000.0, None),
        plan(feb, Some("Dent"), 500_000.0, None),
        plan(feb, Some("US"), 250_000.0, None),
    ];
    p.budget = vec![
        budget(jan, "Yandex", Some(100_000.0), 120_000.0),
        budget(jan, "VK", Some(50_000.0), 30_000.0),
        budget(jan, "Expo", None, 10_000.0),
        budget(feb, "Yandex", Some(100_000.0), 80_000.0),
    ];
    p.funnel = vec![
        funnel(jan, "Yandex", Some("Dent"), [60.0, 30.0, 24.0, 12.0, 240_000.0]),
        funnel(jan, "Yandex", Some("US"), [20.0, 10.0, 8.0, 4.0, 40_000.0]),
        funnel(jan, "Yandex", None, [20.0, 10.0, 5.0, 2.0, 20_000.0]),
        funnel(jan, "VK", Some("Dent"), [30.0, 12.0, 6.0, 3.0, 45_000.0]),
        funnel(feb, "Yandex", Some("Dent"), [50.0, 20.0, 10.0, 5.0, 100_000.0]),
    ];
    p.revenue = vec![
        revenue("2025-01-10", Some("Dent"), 500_000.0, 50.0, 20.0),
        revenue("2025-01-11", Some("US"), 200_000.0, 40.0, 10.0),
        revenue("2025-01-12", None, 100_000.0, 10.0, 0.0),
        revenue("2025-02-03", Some("Dent"), 300_000.0, 30.0, 10.0),
    ];
    p.doctors = vec![
        doctor(jan, "Dent", [20.0, 12.0, 300_000.0, 160.0, 120.0, 20.0, 15.0, 5.0]),
        doctor(feb, "US", [10.0, 3.0, 100_000.0, 40.0, 40.0, 0.0, 0.0, 0.0]),
    ];
    let jan_p = NpsPeriod::Month(jan);
    p.nps = vec![
        nps_row(jan_p, Some("Dent"), 10, 5.0),
        nps_row(jan_p, Some("Dent"), 9, 3.0),
        nps_row(jan_p, Some("Dent"), 7, 4.0),
        nps_row(jan_p, Some("Dent"), 3, 2.0),
        nps_row(jan_p, Some("US"), 6, 1.0),
        nps_row(jan_p, Some("US"), 9, 1.0),
        nps_row(NpsPeriod::Year(2025), None, 10, 2.0),
    ];
    p
}

#[test]
fn month_kpis_by_hand() {
    let k = compute(&clinic(), &Filter::default());
    assert_eq!(k.months.len(), 2);
    let j = &k.months[0];
    close(j.revenue, 800_000.0);
    // The whole-clinic row wins over the direction rows.
    close(j.revenue_plan, 1_000_000.0);
    close(j.plan_completion, 0.8);
    close(j.budget_plan, 150_000.0);
    close(j.spend, 160_000.0);
    close(j.budget_execution, 160.0 / 150.0);
    close(j.marketing_share, 0.2);
    close(j.leads, 130.0);
    close(j.bookings, 62.0);
    close(j.visits, 43.0);
    close(j.paid, 21.0);
    close(j.attributed_revenue, 345_000.0);
    close(j.booking_rate, 62.0 / 130.0);
    close(j.show_rate, 43.0 / 62.0);
    close(j.paid_rate, 21.0 / 43.0);
    close(j.cpl, 160_000.0 / 130.0);
    close(j.cac, 160_000.0 / 43.0);
    close(j.revenue_per_paid, 345_000.0 / 21.0);
    close(j.avg_check, 8_000.0);
    // 500k × .5 + 200k × .3 + 100k (blank) × .4 average
    close(j.gross_profit, 350_000.0);
    // 240k × .5 + 40k × .3 + 20k × .4 + 45k × .5
    close(j.attributed_gross_profit, 162_500.0);
    close(j.roas, 345_000.0 / 160_000.0);
    close(j.romi, 0.015625);
    assert_eq!((j.forecast, j.required_pace), (None, None));

    let f = &k.months[1];
    // No whole-clinic row: the direction rows add up.
    close(f.revenue_plan, 750_000.0);
    close(f.plan_completion, 0.4);
    close(f.romi, -0.375);
    assert!(k.notices.iter().any(|n| matches!(n, crate::metrics::KpiNotice::AverageMargin(_))));
}

#[test]
fn month_in_progress_forecast_and_pace() {
    let k = compute(&clinic(), &Filter::default());
    let f = &k.months[1];
    // Feb 2025 starts on a Saturday: days 1..3 weigh .5 + 0 + 1 = 1.5; the month weighs 22.
    close(f.forecast, 300_000.0 * 22.0 / 1.5);
    close(f.required_pace, 450_000.0 / 20.5);
    let p = k.progress.unwrap();
    assert_eq!(p.month, m(2025, 2));
    // The month in progress ignores the period filter; outside the period it is not in `months`.
    let k = compute(&clinic(), &Filter { to: Some(m(2025, 1)), ..Default::default() });
    assert_eq!(k.months.len(), 1);
    assert_eq!(k.progress.unwrap().month, m(2025, 2));
}

#[test]
fn total_and_tier_share() {
    let k = compute(&clinic(), &Filter::default());
    let t = &k.total.kpis;
    close(t.revenue, 1_100_000.0);
    close(t.revenue_plan, 1_750_000.0);
    close(t.spend, 240_000.0);
    close(t.budget_plan, 250_000.0);
    close(t.leads, 180.0);
    close(t.gross_profit, 500_000.0);
    close(t.attributed_gross_profit, 212_500.0);
    close(t.romi, (212_500.0 - 240_000.0) / 240_000.0);
    close(k.total.tier_share.proven, 200_000.0 / 240_000.0);
    close(k.total.tier_share.scaling, 0.125);
    close(k.total.tier_share.experiment, 10_000.0 / 240_000.0);
    let json = serde_json::to_value(&k).unwrap();
    let total = json["total"].as_object().unwrap();
    assert!(!total.contains_key("month") && !total.contains_key("forecast"));
    assert!(total["required_pace"].is_null());
    assert!(total["tier_share"]["proven"].is_number());
}

#[test]
fn channels_by_hand() {
    let k = compute(&clinic(), &Filter::default());
    let names: Vec<&str> = k.channels.iter().map(|c| c.channel.as_str()).collect();
    assert_eq!(names, ["Yandex", "VK", "Expo"]);
    let y = &k.channels[0];
    close(y.spend, 200_000.0);
    close(y.leads, 150.0);
    close(y.attributed_gross_profit, 190_000.0);
    close(y.cpl, 200_000.0 / 150.0);
    close(y.romi, -0.05);
    close(k.channels[1].romi, -0.25);
    let e = &k.channels[2];
    assert_eq!((e.cpl, e.cac, e.booking_rate), (None, None, None));
    close(e.romi, -1.0);
    close(e.returning_leads, 0.0);
}

#[test]
fn a_channel_only_in_the_data_is_an_experiment() {
    let mut p = clinic();
    p.budget.push(budget(m(2025, 1), "Листовки", None, 5_000.0));
    let k = compute(&p, &Filter::default());
    let c = k.channels.last().unwrap();
    assert_eq!((c.channel.as_str(), c.tier), ("Листовки", Tier::Experiment));
    // A channel with no Funnel rows and spend: leads 0, so cpl is undefined.
    assert_eq!(c.cpl, None);
    assert!(
        k.notices
            .iter()
            .any(|n| matches!(n, crate::metrics::KpiNotice::Untiered(c) if c.contains(&"Листовки".to_string())))
    );
}

#[test]
fn directions_with_allocated_spend_and_ltv() {
    let k = compute(&clinic(), &Filter::default());
    let d = &k.directions[0];
    assert_eq!(d.direction, "Dent");
    // Jan Yandex 120k by leads 60/20/20 → 72k; VK 30k all Dent; Feb Yandex 80k → 182k.
    close(d.spend, 182_000.0);
    close(d.visits, 40.0);
    close(d.cac, 4_550.0);
    close(d.avg_check, 10_000.0);
    // visits_per_patient 3 from the sheet: 10 000 × 3 × 0.5
    close(d.ltv, 15_000.0);
    close(d.ltv_to_cac, 15_000.0 / 4_550.0);
    close(d.revenue_plan, 1_100_000.0);
    close(d.plan_completion, 800.0 / 1100.0);
    close(d.leads, 140.0);
    close(d.attributed_revenue, 385_000.0);
    let u = &k.directions[1];
    close(u.spend, 24_000.0);
    // No visits_per_patient: checks / new_patients = 40 / 10 = 4 → 5 000 × 4 × 0.3.
    close(u.ltv, 6_000.0);
    close(u.ltv_to_cac, 2.0);
}

#[test]
fn gap_of_january() {
    let k = compute(&clinic(), &Filter::default());
    // February has no whole-clinic factor plan.
    assert_eq!(k.gaps.len(), 1);
    let g = &k.gaps[0];
    close(g.plan, 400_000.0);
    close(g.fact, 345_000.0);
    let c = &g.contributions;
    let sum: f64 = Factor::ALL.iter().map(|f| c.get(*f).unwrap()).sum();
    assert!((sum + 55_000.0).abs() < 1e-6);
    // ln ratios: leads +.262, booking −.047, show −.143, paid −.024, revenue per paid −.197.
    assert_eq!(g.bottleneck, Some(Factor::RevenuePerPaid));
    assert_eq!(g.owner, Some(Owner::Doctors));
    let json = serde_json::to_value(g).unwrap();
    assert_eq!(json["bottleneck"], "revenue_per_paid");
    assert_eq!(json["owner"], "doctors");
}

#[test]
fn doctors_sum_months_and_plan_funnel() {
    let k = compute(&clinic(), &Filter::default());
    let d = &k.doctors[0];
    assert_eq!(d.direction.as_deref(), Some("Dent"));
    close(d.primary_patients, 30.0);
    close(d.doctor_conversion, 0.5);
    close(d.utilization, 160.0 / 200.0);
    // domain.md's example: 20 recommended, 15 agreed, 5 performed.
    close(d.plan_agreed_rate, 0.75);
    close(d.plan_performed_rate, 1.0 / 3.0);
    close(d.plan_total_rate, 0.25);
    let feb = compute(&clinic(), &Filter { from: Some(m(2025, 2)), ..Default::default() });
    assert_eq!(feb.doctors[0].direction.as_deref(), Some("US"));
    assert_eq!(feb.doctors[0].plan_agreed_rate, None);
}

#[test]
fn nps_on_both_scales() {
    let k = compute(&clinic(), &Filter::default());
    let rows: Vec<(&str, Option<&str>)> = k.nps.iter().map(|r| (r.period.as_str(), r.direction.as_deref())).collect();
    assert_eq!(rows, [("2025", None), ("2025-01", None), ("2025-01", Some("Dent")), ("2025-01", Some("US"))]);
    close(k.nps[0].nps, 100.0);
    let all = &k.nps[1];
    assert_eq!((all.respondents, all.promoters, all.passives, all.detractors), (16.0, 9.0, 4.0, 3.0));
    close(all.nps, 37.5);
    close(k.nps[2].nps, 600.0 / 14.0);
    close(k.nps[3].nps, 0.0);

    let mut p = clinic();
    p.settings.nps_scale = NpsScale::TenSmiles;
    let k = compute(&p, &Filter::default());
    // On ten smiles a 6 is passive: US has 1 promoter, 1 passive → +50.
    close(k.nps[3].nps, 50.0);
    // A year period is kept when it overlaps the range; a month outside is not.
    let k = compute(&clinic(), &Filter { from: Some(m(2025, 2)), ..Default::default() });
    assert_eq!(k.nps.len(), 1);
    assert_eq!(k.nps[0].period, "2025");
}

#[test]
fn period_filter_applies_everywhere() {
    let k = compute(&clinic(), &Filter { from: Some(m(2025, 2)), to: Some(m(2025, 2)), ..Default::default() });
    assert_eq!(k.months.len(), 1);
    close(k.total.kpis.revenue, 300_000.0);
    close(k.channels[0].spend, 80_000.0);
    close(k.channels[1].spend, 0.0);
    close(k.directions[0].spend, 80_000.0);
    assert!(k.gaps.is_empty());
}

#[test]
fn direction_filter_sees_allocated_spend() {
    let f = Filter { direction: Some("US".into()), ..Default::default() };
    let k = compute(&clinic(), &f);
    close(k.total.kpis.spend, 24_000.0);
    close(k.total.kpis.revenue, 200_000.0);
    close(k.months[0].revenue_plan, 300_000.0);
    assert_eq!(k.directions.len(), 1);
}

#[test]
fn empty_project_is_all_zero_or_undefined() {
    let k = compute(&Project::new(), &Filter::default());
    assert!(k.months.is_empty() && k.channels.is_empty() && k.gaps.is_empty());
    close(k.total.kpis.revenue, 0.0);
    assert_eq!(k.total.kpis.plan_completion, None);
    assert_eq!(k.total.tier_share.proven, None);
    assert!(serde_json::to_value(&k).unwrap().get("cohorts").is_none());
}

#[test]
fn huge_values_become_null_with_a_notice() {
    let mut p = clinic();
    p.revenue.push(revenue("2025-01-20", Some("Dent"), f64::MAX, 1.0, 1.0));
    p.revenue.push(revenue("2025-01-21", Some("Dent"), f64::MAX, 1.0, 1.0));
    let k = compute(&p, &Filter::default());
    assert_eq!(k.months[0].revenue, None);
    assert_eq!(k.months[0].plan_completion, None);
    assert!(k.notices.contains(&crate::metrics::KpiNotice::Overflow));
    let text = serde_json::to_string(&k).unwrap();
    assert!(!text.contains("inf") && !text.contains("NaN"));
}

/// An imported visit of `patient` (the key's text) in direction `dir`.
fn visit(date: &str, patient: &str, dir: &str, amount: f64) -> VisitRecord {
    VisitRecord {
        date: day(date),
        patient: Some(patient.into()),
        direction: Some(dir.into()),
        doctor: None,
        amount,
        branch: None,
    }
}

#[test]
fn cohorts_and_first_year_ltv_when_visits_are_imported() {
    let mut p = clinic();
    p.visits = Some(
        vec![
            visit("2024-01-15", "a", "Dent", 10_000.0),
            visit("2024-06-01", "a", "US", 5_000.0),
            visit("2025-02-01", "b", "US", 1_000.0),
        ]
        .into(),
    );
    let k = compute(&p, &Filter::default());
    // a: first visit 2024-01-15, last export day 2025-02-01 is > 365 days later:
    // 10 000 × .5 + 5 000 × .3 = 6 500.
    close(k.directions[0].ltv, 6_500.0);
    // US: b is too recent → no LTV.
    assert_eq!(k.directions[1].ltv, None);
    let c = k.cohorts.as_ref().unwrap();
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].retained.len(), 14);
    assert!(serde_json::to_value(&k).unwrap()["cohorts"].is_array());
}

#[test]
fn the_visits_ltv_kept_between_edits_follows_margins_period_and_visits() {
    let mut p = clinic();
    p.visits = Some(vec![visit("2024-01-15", "a", "Dent", 10_000.0), visit("2025-02-01", "a", "US", 1_000.0)].into());
    let sums = SheetSums::new(&p);
    let fresh = |p: &Project, f: &Filter| {
        let k = compute(p, f);
        (k.directions[0].ltv, k.cohorts)
    };
    let kept = |p: &Project, f: &Filter| {
        let k = compute_with_sums(p, f, &sums);
        (k.directions[0].ltv, k.cohorts)
    };
    let all = Filter::default();
    // 10 000 × .5 (Dent's margin).
    close(kept(&p, &all).0, 5_000.0);
    // A margin edited, the period narrowed, a visit changed: worked out again, as a fresh compute.
    p.directions[0].margin = 0.8;
    close(kept(&p, &all).0, 8_000.0);
    assert_eq!(kept(&p, &all), fresh(&p, &all));
    let from_2025 = Filter { from: Month::new(2025, 1), ..Filter::default() };
    assert_eq!(kept(&p, &from_2025), fresh(&p, &from_2025));
    p.visits.as_mut().unwrap().records_mut()[0].amount = 20_000.0;
    close(kept(&p, &all).0, 16_000.0);
    assert_eq!(kept(&p, &all), fresh(&p, &all));
}

/// Every number of two KPI results equal up to the rounding of the order of additions.
fn assert_same_kpis(a: &Kpis, b: &Kpis) {
    fn walk(a: &serde_json::Value, b: &serde_json::Value, at: &str) {
        use serde_json::Value as V;
        match (a, b) {
            (V::Number(x), V::Number(y)) => {
                let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
                assert!((x - y).abs() <= 1e-9 * x.abs().max(1.0), "{at}: {x} vs {y}");
            }
            (V::Array(x), V::Array(y)) => {
                assert_eq!(x.len(), y.len(), "{at}");
                x.iter().zip(y).enumerate().for_each(|(i, (x, y))| walk(x, y, &format!("{at}[{i}]")));
            }
            (V::Object(x), V::Object(y)) => {
                assert_eq!(x.len(), y.len(), "{at}");
                x.iter().for_each(|(k, v)| walk(v, &y[k], &format!("{at}.{k}")));
            }
            _ => assert_eq!(a, b, "{at}"),
        }
    }
    walk(&serde_json::to_value(a).unwrap(), &serde_json::to_value(b).unwrap(), "kpis");
}

#[test]
fn the_kpis_from_bucket_sums_are_those_from_the_rows_before_and_after_edits() {
    let mut p = crate::demo::demo_project();
    let filters = [
        Filter::default(),
        Filter { from: Some(m(2025, 11)), to: Some(m(2026, 2)), ..Default::default() },
        Filter { direction: Some("УЗИ".into()), ..Default::default() },
        Filter { channel: Some(p.channels[1].name.clone()), ..Default::default() },
    ];
    let mut b = SheetSums::new(&p);
    for f in &filters {
        assert_same_kpis(&compute_with_sums(&p, f, &b), &compute(&p, f));
    }
    // Edit a few rows in place (numbers and a blank cell) and follow with the buckets.
    for i in [0, 7, p.funnel.len() - 1] {
        let before = p.funnel[i].clone();
        p.funnel[i].leads = Some(before.leads.unwrap_or(0.0) + 17.0);
        p.funnel[i].revenue = None;
        assert!(b.update_funnel(&[before], std::slice::from_ref(&p.funnel[i])));
    }
    for f in &filters {
        assert_same_kpis(&compute_with_sums(&p, f, &b), &compute(&p, f));
    }
    // A Revenue and a Budget edit move their sums.
    let before = p.revenue[3].clone();
    p.revenue[3].revenue += 12_345.0;
    assert!(b.revenue.update(&[before], std::slice::from_ref(&p.revenue[3])));
    let before = p.budget[2].clone();
    p.budget[2].spend = None;
    assert!(b.budget.update(&[before], std::slice::from_ref(&p.budget[2])));
    for f in &filters {
        assert_same_kpis(&compute_with_sums(&p, f, &b), &compute(&p, f));
    }
}

/// The KPIs read off the Funnel sheet's rows, not its buckets, whatever its size.
fn from_rows(p: &Project, f: &Filter) -> Kpis {
    let (revenue, budget) = (RevenueSums::of(&p.revenue), BudgetSums::of(&p.budget));
    finish(p, f, Sheets { funnel: buckets::Funnel::Rows(&p.funnel), revenue: &revenue, budget: &budget, visits: None })
}

#[test]
fn a_chains_kpis_from_bucket_sums_are_those_from_the_rows_under_every_branch_filter() {
    let p = crate::demo::demo_chain();
    let b = SheetSums::new(&p);
    let names = branches::branch_names(&p);
    assert_eq!(names.len(), 3);
    let mut filters =
        vec![Filter::default(), Filter { from: Some(m(2025, 11)), to: Some(m(2026, 2)), ..Default::default() }];
    for n in &names {
        // The branch's view takes its rows' buckets, and its share of the shared spend from the
        // buckets' leads.
        filters.push(Filter { branch: Some(n.to_uppercase()), ..Default::default() });
        filters.push(Filter {
            branch: Some(n.clone()),
            from: Some(m(2025, 11)),
            to: Some(m(2026, 2)),
            ..Default::default()
        });
    }
    for f in &filters {
        assert_same_kpis(&compute_with_sums(&p, f, &b), &compute(&p, f));
    }
}

#[test]
fn a_big_funnel_is_computed_from_its_buckets_with_the_same_figures() {
    let mut p = crate::demo::demo_chain();
    let rows = p.funnel.clone();
    while p.funnel.len() < BUCKETS_FROM_ROWS {
        p.funnel.extend(rows.iter().cloned());
    }
    let branch = branches::branch_names(&p).remove(0);
    for f in [Filter::default(), Filter { branch: Some(branch), ..Default::default() }] {
        assert_same_kpis(&compute(&p, &f), &from_rows(&p, &f));
    }
}

#[test]
fn a_generated_chain_from_its_buckets_splits_shared_spend_by_hand_checked_shares() {
    let jan = m(2025, 1);
    let mut p = Project::new();
    p.channels = vec![Channel { name: "Общий".into(), tier: Tier::Proven, ..Default::default() }];
    let row = |branch: &str, leads: f64| FunnelRow {
        branch: Some(branch.into()),
        ..funnel(jan, "Общий", None, [leads, 0.0, 0.0, 0.0, 0.0])
    };
    // 200,000 rows (the bucket path): A 80,000 × 1 lead, B 40,000 × 2, C 80,000 × 0.5, interleaved
    // in runs so that buckets recur across the ranges the cores sum.
    for _ in 0..2_000 {
        p.funnel.extend((0..40).map(|_| row("A", 1.0)));
        p.funnel.extend((0..20).map(|_| row("B", 2.0)));
        p.funnel.extend((0..40).map(|_| row("C", 0.5)));
    }
    assert!(p.funnel.len() >= BUCKETS_FROM_ROWS);
    p.budget = vec![BudgetRow {
        branch: None,
        month: jan,
        channel: "Общий".into(),
        budget_plan: None,
        spend: Some(100_000.0),
    }];
    let k = compute(&p, &Filter::default());
    let [a, b, c] = &k.branches[..] else { panic!("three branches: {:?}", k.branches) };
    // Leads 80,000 / 80,000 / 40,000 of 200,000: shares 0.4 / 0.4 / 0.2 of the 100,000 shared.
    assert_eq!((a.leads, b.leads, c.leads), (Some(80_000.0), Some(80_000.0), Some(40_000.0)));
    close(a.spend, 40_000.0);
    close(b.spend, 40_000.0);
    close(c.spend, 20_000.0);
    // CPL 40,000 / 80,000 = 0.5 for A; the chain's 100,000 / 200,000 = 0.5.
    close(a.cpl, 0.5);
    close(k.total.kpis.cpl, 0.5);
    assert_eq!(k.total.kpis.leads, Some(200_000.0));
    for f in [Filter::default(), Filter { branch: Some("b".into()), ..Default::default() }] {
        assert_same_kpis(&compute(&p, &f), &from_rows(&p, &f));
    }
}

#[test]
fn a_generated_chains_buckets_follow_a_sequence_of_edits() {
    let mut p = crate::demo::demo_chain();
    let rows = p.funnel.clone();
    while p.funnel.len() < BUCKETS_FROM_ROWS {
        p.funnel.extend(rows.iter().cloned());
    }
    let mut b = SheetSums::new(&p);
    let branch = branches::branch_names(&p).remove(0);
    let last = p.funnel.len() - 1;
    // Three edits in turn (a doubled count plus the step, a blanked revenue), each followed by the
    // buckets and checked against the rows read one by one, for the chain and for one branch.
    for (step, i) in [3, 70_000, last].into_iter().enumerate() {
        let before = p.funnel[i].clone();
        p.funnel[i].leads = Some(before.leads.unwrap_or(0.0) * 2.0 + step as f64);
        p.funnel[i].revenue = None;
        assert!(b.update_funnel(&[before], std::slice::from_ref(&p.funnel[i])));
        for f in [Filter::default(), Filter { branch: Some(branch.clone()), ..Default::default() }] {
            let rows = from_rows(&p, &f);
            assert_same_kpis(&compute_with_sums(&p, &f, &b), &rows);
        }
    }
}
