//! Allocations solved on paper, and properties of the solver.

use proptest::prelude::*;

use super::*;
use crate::model::*;

/// `a` equals `b` to 1e-9 relative (shared with the lever tests).
pub(crate) fn close(a: f64, b: f64) {
    assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "expected {b}, got {a}");
}

fn it(k: f64, b: f64, lo: f64, hi: f64) -> Item {
    Item { k, b, lo, hi }
}

#[test]
fn two_concave_channels_on_paper() {
    // A: k = value·a = 100·2 = 200, B: k = 100·3 = 300, both b = 0.5, budget 13 000.
    // Marginals k·b/√s equal λ: s_A = (100/λ)², s_B = (150/λ)², s_A + s_B = 32 500/λ² = 13 000
    // → λ² = 2.5, s_A = 4 000, s_B = 9 000.
    // Objective: 200·√4 000 + 300·√9 000 − 13 000 = 4 000√10 + 9 000√10 − 13 000 = 13 000√10 − 13 000.
    let items = [it(200.0, 0.5, 0.0, f64::INFINITY), it(300.0, 0.5, 0.0, f64::INFINITY)];
    let (s, lam) = solve(&items, 13_000.0, "budget").unwrap();
    close(s[0], 4_000.0);
    close(s[1], 9_000.0);
    close(lam.unwrap(), 2.5_f64.sqrt());
    close(objective(&items, &s), 13_000.0 * 10f64.sqrt() - 13_000.0);
}

#[test]
fn linear_channel_takes_the_rest_at_its_marginal() {
    // A linear (b = 1) with k = 2, B concave with k = 300, b = 0.5, budget 10 000.
    // B alone at 10 000 has marginal 150/100 = 1.5 < 2, so λ = 2: s_B = (150/2)² = 5 625,
    // A takes 4 375. Objective 2·4 375 + 300·75 − 10 000 = 21 250.
    let items = [it(2.0, 1.0, 0.0, f64::INFINITY), it(300.0, 0.5, 0.0, f64::INFINITY)];
    let (s, lam) = solve(&items, 10_000.0, "budget").unwrap();
    close(s[0], 4_375.0);
    close(s[1], 5_625.0);
    close(lam.unwrap(), 2.0);
    close(objective(&items, &s), 21_250.0);
    // With B capped at 3 000 (marginal there 2.74 > 2) A takes 7 000.
    let items = [it(2.0, 1.0, 0.0, f64::INFINITY), it(300.0, 0.5, 0.0, 3_000.0)];
    let (s, _) = solve(&items, 10_000.0, "budget").unwrap();
    close(s[0], 7_000.0);
    close(s[1], 3_000.0);
}

#[test]
fn linear_channels_bang_bang_and_budget_always_spent() {
    // Best k first up to its max, then the next; the unproductive one only past both maxima.
    let items = [it(1.5, 1.0, 0.0, 100.0), it(3.0, 1.0, 10.0, 50.0), it(0.0, 1.0, 0.0, f64::INFINITY)];
    let (s, _) = solve(&items, 120.0, "budget").unwrap();
    assert_eq!(s, vec![70.0, 50.0, 0.0]);
    let (s, lam) = solve(&items, 400.0, "budget").unwrap();
    assert_eq!(s, vec![100.0, 50.0, 250.0]);
    assert_eq!(lam, None);
    // Marginal returns below 1 (k·b·s^(b−1) < 1): the budget is still spent.
    let items = [it(10.0, 0.5, 0.0, f64::INFINITY)];
    let (s, lam) = solve(&items, 1e6, "budget").unwrap();
    close(s[0], 1e6);
    assert!(lam.unwrap() < 1.0);
}

#[test]
fn infeasible_bounds_are_errors() {
    let items = [it(1.0, 0.5, 60.0, 100.0), it(1.0, 0.5, 50.0, 100.0)];
    assert!(matches!(solve(&items, 100.0, "budget"), Err(AllocError::MinAboveBudget { .. })));
    assert!(matches!(solve(&items, 300.0, "budget"), Err(AllocError::MaxBelowBudget { .. })));
    let (s, _) = solve(&items, 110.0, "budget").unwrap();
    assert_eq!(s, vec![60.0, 50.0]);
}

/// Three channels on paper (see each comment), for the project-level API.
/// - Ads: spend 100, 400, 900 with 20, 40, 60 leads: exactly 2·s^0.5 (a = 2, b = 0.5, 3 months);
///   revenue 200 a lead in Dent (margin 0.5): value 100 a lead; 30 % of leads come, 10 % pay.
/// - Vk: two months of 1 000 with 10 and 30 leads: linear, a = 40/2 000 = 0.02; revenue 4 000 in
///   Dent → value 2 000/40 = 50 a lead, so k = value·a = 1.
/// - Seo: leads but no spend: no curve.
fn project() -> Project {
    let mut p = Project::new();
    p.directions = vec![Direction { name: "Dent".into(), margin: 0.5, visits_per_patient: None }];
    p.channels = vec![
        Channel { name: "Ads".into(), tier: Tier::Proven, ..Default::default() },
        Channel { name: "Vk".into(), tier: Tier::Scaling, ..Default::default() },
        Channel { name: "Seo".into(), tier: Tier::Experiment, ..Default::default() },
    ];
    let months = [Month::new(2025, 1).unwrap(), Month::new(2025, 2).unwrap(), Month::new(2025, 3).unwrap()];
    let row = |m: Month, c: &str, l: f64, rev: f64| FunnelRow {
        branch: None,
        month: m,
        channel: c.into(),
        direction: Some("Dent".into()),
        leads: Some(l),
        bookings: Some(l * 0.5),
        visits: Some(l * 0.3),
        paid: Some(l * 0.1),
        revenue: Some(rev),
        returning_leads: None,
    };
    for (m, (s, l)) in months.iter().zip([(100.0, 20.0), (400.0, 40.0), (900.0, 60.0)]) {
        p.budget.push(BudgetRow { branch: None, month: *m, channel: "Ads".into(), budget_plan: None, spend: Some(s) });
        p.funnel.push(row(*m, "Ads", l, l * 200.0));
    }
    for (m, l) in months.iter().zip([10.0, 30.0]) {
        p.budget.push(BudgetRow {
            branch: None,
            month: *m,
            channel: "Vk".into(),
            budget_plan: None,
            spend: Some(1_000.0),
        });
        p.funnel.push(row(*m, "Vk", l, l * 100.0));
    }
    p.funnel.push(row(months[0], "Seo", 10.0, 1_000.0));
    p.revenue.push(RevenueRow {
        branch: None,
        month_row: false,
        date: "2025-01-15".parse().unwrap(),
        direction: Some("Dent".into()),
        revenue: 100_000.0,
        checks: None,
        new_patients: None,
        repeat_patients: None,
    });
    p
}

#[test]
fn curves_and_allocation_of_a_project() {
    let p = project();
    let (econ, notices) = super::super::curve::channel_economics(&p, &Filter::default());
    close(econ[0].curve.unwrap().a, 2.0);
    close(econ[0].curve.unwrap().b, 0.5);
    assert_eq!(econ[0].months_used, 3);
    close(econ[1].curve.unwrap().a, 0.02);
    assert_eq!(econ[1].curve.unwrap().b, 1.0);
    assert_eq!(econ[1].months_used, 2);
    assert!(econ[2].curve.is_none());
    assert_eq!(notices.len(), 2, "{notices:?}");

    // 5 000: Ads' marginal 100/√5 000 = 1.41 > Vk's 1, so all of it goes to Ads.
    // Objective 200·√5 000 − 5 000.
    let a =
        allocate(&p, &Filter::default(), &AllocOptions { budget: 5_000.0, free: true, ..Default::default() }).unwrap();
    close(a.channels[0].spend, 5_000.0);
    close(a.channels[1].spend, 0.0);
    close(a.objective, 200.0 * 5_000f64.sqrt() - 5_000.0);
    let ads = &a.channels[0];
    close(ads.leads.unwrap(), 2.0 * 5_000f64.sqrt());
    close(ads.visits.unwrap(), 0.3 * ads.leads.unwrap());
    close(ads.paid.unwrap(), 0.1 * ads.leads.unwrap());
    close(ads.revenue.unwrap(), 200.0 * ads.leads.unwrap());
    close(ads.gross_profit.unwrap(), 100.0 * ads.leads.unwrap());
    close(ads.romi.unwrap(), (ads.gross_profit.unwrap() - 5_000.0) / 5_000.0);
    close(ads.spend_today.unwrap(), 1_400.0 / 3.0);
    // 5 000 > 2 × 900: extrapolation.
    assert!(a.warnings.iter().any(|w| w.to_string().starts_with("Ads")), "{:?}", a.warnings);
    assert!(a.channels[2].leads.is_none() && a.channels[2].a.is_none());

    // 20 000: Ads' marginal at 20 000 is 0.71 < 1, so λ = 1: Ads (100/1)² = 10 000, Vk 10 000.
    // Objective 200·100 + 1·10 000 − 20 000 = 10 000.
    let a =
        allocate(&p, &Filter::default(), &AllocOptions { budget: 20_000.0, free: true, ..Default::default() }).unwrap();
    close(a.channels[0].spend, 10_000.0);
    close(a.channels[1].spend, 10_000.0);
    close(a.objective, 10_000.0);

    // Seo has no curve: money only through --min (and it counts −s in the objective).
    let mut opts = AllocOptions { budget: 5_000.0, free: true, ..Default::default() };
    opts.min.insert("Seo".into(), 500.0);
    let a = allocate(&p, &Filter::default(), &opts).unwrap();
    close(a.channels[2].spend, 500.0);
    close(a.channels[0].spend, 4_500.0);
    close(a.objective, 200.0 * 4_500f64.sqrt() - 5_000.0);

    let json = serde_json::to_value(&a).unwrap();
    for k in [
        "channel",
        "a",
        "b",
        "months_used",
        "spend_today",
        "spend",
        "leads",
        "visits",
        "paid",
        "revenue",
        "gross_profit",
        "romi",
    ] {
        assert!(json["channels"][0].get(k).is_some(), "{k}");
    }
    assert!(json["objective"].is_number());
    assert!(json["channels"][2]["a"].is_null());

    let mut opts = AllocOptions { budget: 5_000.0, free: true, ..Default::default() };
    opts.max.insert("Nope".into(), 1.0);
    assert_eq!(allocate(&p, &Filter::default(), &opts), Err(AllocError::UnknownChannel("Nope".into())));
    let mut opts = AllocOptions { budget: 5_000.0, free: true, ..Default::default() };
    opts.max.insert("Ads".into(), 1_000.0);
    opts.max.insert("Vk".into(), 1_000.0);
    assert!(matches!(allocate(&p, &Filter::default(), &opts), Err(AllocError::MaxBelowBudget { .. })));
}

#[test]
fn tier_split_fixes_each_tier_total() {
    let p = project();
    // Proven (Ads) 80 % = 8 000, scaling (Vk) 15 % = 1 500; experiment (Seo, no curve) cannot
    // take its 5 % without --min ≥ 500.
    let mut opts = AllocOptions { budget: 10_000.0, tiers: Some([0.8, 0.15, 0.05]), free: true, ..Default::default() };
    assert!(matches!(allocate(&p, &Filter::default(), &opts), Err(AllocError::MaxBelowBudget { .. })));
    opts.min.insert("Seo".into(), 500.0);
    let a = allocate(&p, &Filter::default(), &opts).unwrap();
    close(a.channels[0].spend, 8_000.0);
    close(a.channels[1].spend, 1_500.0);
    close(a.channels[2].spend, 500.0);
    assert_eq!(a.marginal_return.len(), 3);
}

#[test]
fn default_bounds_keep_channels_within_half_and_twice_today() {
    let p = project();
    // Today: Ads 1 400 / 3 = 466.67 a month (bounds 233.33–933.33), Vk 1 000 (500–2 000).
    // Budget 2 000: Ads' marginal 100/√s stays above Vk's 1 up to s = 10 000, so Ads goes to its
    // max 933.33 and Vk takes the rest, 1 066.67, between its bounds.
    let a = allocate(&p, &Filter::default(), &AllocOptions { budget: 2_000.0, ..Default::default() }).unwrap();
    let today_ads = 1_400.0 / 3.0;
    close(a.channels[0].min, 0.5 * today_ads);
    close(a.channels[0].max.unwrap(), 2.0 * today_ads);
    close(a.channels[0].spend, 2.0 * today_ads);
    close(a.channels[1].spend, 2_000.0 - 2.0 * today_ads);
    assert_eq!(a.channels[0].why, Why::AtMax);
    assert_eq!(a.channels[1].why, Why::HigherReturn);
    // Seo has no curve: no default bounds, nothing.
    assert_eq!((a.channels[2].min, a.channels[2].max, a.channels[2].spend), (0.0, Some(0.0), 0.0));
    assert_eq!(a.channels[2].why, Why::NoCurve);
    // --free: Ads takes all of it (as in the free test above).
    let a =
        allocate(&p, &Filter::default(), &AllocOptions { budget: 2_000.0, free: true, ..Default::default() }).unwrap();
    close(a.channels[0].spend, 2_000.0);
    assert_eq!(a.channels[0].max, None);
    assert_eq!(a.channels[0].why, Why::HigherReturn);
}

#[test]
fn budgets_outside_the_default_bounds_scale_them() {
    let p = project();
    let today_ads = 1_400.0 / 3.0;
    // Σ min = 233.33 + 500 = 733.33 > 600: each gets min × 600 / 733.33.
    let a = allocate(&p, &Filter::default(), &AllocOptions { budget: 600.0, ..Default::default() }).unwrap();
    let sum_min = 0.5 * today_ads + 500.0;
    close(a.channels[0].spend, 0.5 * today_ads * 600.0 / sum_min);
    close(a.channels[1].spend, 500.0 * 600.0 / sum_min);
    assert_eq!(a.channels[0].why, Why::ScaledDown);
    assert!(
        a.notices.iter().any(|n| n.to_string().contains("below the sum") && n.to_string().contains("Ads, Vk")),
        "{:?}",
        a.notices
    );
    // Σ max = 933.33 + 2 000 = 2 933.33 < 5 000: each gets max × 5 000 / 2 933.33.
    let a = allocate(&p, &Filter::default(), &AllocOptions { budget: 5_000.0, ..Default::default() }).unwrap();
    let sum_max = 2.0 * today_ads + 2_000.0;
    close(a.channels[0].spend, 2.0 * today_ads * 5_000.0 / sum_max);
    close(a.channels[1].spend, 2_000.0 * 5_000.0 / sum_max);
    assert_eq!(a.channels[1].why, Why::ScaledUp);
    // A bound the user set stays; the default ones share the rest: Vk --max 1 000 → Ads gets 4 000.
    let mut opts = AllocOptions { budget: 5_000.0, ..Default::default() };
    opts.max.insert("Vk".into(), 1_000.0);
    let a = allocate(&p, &Filter::default(), &opts).unwrap();
    close(a.channels[1].spend, 1_000.0);
    close(a.channels[0].spend, 4_000.0);
    // Bounds the user set that cannot be met are an error saying so.
    opts.max.insert("Ads".into(), 1_000.0);
    let err = allocate(&p, &Filter::default(), &opts).unwrap_err();
    assert!(matches!(err, AllocError::MaxBelowBudget { .. }));
    assert!(err.to_string().contains("the maximums you set (--max)"), "{err}");
    let mut opts = AllocOptions { budget: 1_000.0, ..Default::default() };
    opts.min.insert("Vk".into(), 1_500.0);
    let err = allocate(&p, &Filter::default(), &opts).unwrap_err();
    assert!(err.to_string().contains("the minimums you set (--min) add up to 1500"), "{err}");
}

#[test]
fn the_tier_split_wins_over_default_bounds_with_a_notice() {
    let p = project();
    // 10 000 with 80/15/5 and Seo --min 500: proven Ads must take 8 000, far above its max 933.33;
    // scaling Vk takes 1 500, inside 500–2 000.
    let mut opts = AllocOptions { budget: 10_000.0, tiers: Some([0.8, 0.15, 0.05]), ..Default::default() };
    opts.min.insert("Seo".into(), 500.0);
    let a = allocate(&p, &Filter::default(), &opts).unwrap();
    close(a.channels[0].spend, 8_000.0);
    close(a.channels[1].spend, 1_500.0);
    assert_eq!(a.channels[0].why, Why::TierSplit);
    assert!(a.notices.iter().any(|n| n.to_string().contains("the split wins, and Ads go past")), "{:?}", a.notices);
}

#[test]
fn budget_reaching_a_revenue_target() {
    let p = project();
    // Revenue not explained by Ads and Vk: 100 000 − 24 000 − 4 000 over 3 months = 24 000 a month.
    // With Vk capped at 0, Ads alone must bring R − 24 000 = 200·2·√s: for R = 64 000, √s = 100.
    let mut opts = AllocOptions { free: true, ..AllocOptions::default() };
    opts.max.insert("Vk".into(), 0.0);
    let r = budget_for_revenue(&p, &Filter::default(), 64_000.0, &opts).unwrap();
    close(r.other_revenue, 24_000.0);
    assert!(r.reachable);
    let b = r.budget.unwrap();
    assert!((b - 10_000.0).abs() < 1e-5, "{b}");
    assert!(r.revenue >= 64_000.0 - 1e-6);
    // With every channel capped the target is out of reach.
    opts.max.insert("Ads".into(), 100.0);
    let r = budget_for_revenue(&p, &Filter::default(), 64_000.0, &opts).unwrap();
    assert!(!r.reachable && r.budget.is_none() && r.message.is_some());
}

/// A random feasible split: minimums first, then the rest poured in random order and amounts.
fn random_split(items: &[Item], budget: f64, weights: &[f64]) -> Vec<f64> {
    let mut s: Vec<f64> = items.iter().map(|i| i.lo).collect();
    let mut rest = budget - s.iter().sum::<f64>();
    let wsum: f64 = weights.iter().sum::<f64>().max(1e-12);
    for (i, w) in weights.iter().enumerate() {
        let add = (rest * w / wsum).min(items[i].hi - s[i]).max(0.0);
        s[i] += add;
        rest -= add;
    }
    for i in 0..items.len() {
        let add = rest.min(items[i].hi - s[i]).max(0.0);
        s[i] += add;
        rest -= add;
    }
    s
}

fn arb_item() -> impl Strategy<Value = Item> {
    (
        0.0..200.0f64,
        prop_oneof![Just(1.0), 0.05..1.0f64],
        prop_oneof![Just(0.0), 0.0..500.0f64],
        prop_oneof![Just(f64::INFINITY), 0.0..5_000.0f64],
        any::<bool>(),
    )
        .prop_map(|(k, b, lo, room, zero)| Item { k: if zero { 0.0 } else { k }, b, lo, hi: lo + room })
}

proptest! {
    #[test]
    fn allocator_respects_constraints_spends_all_and_is_optimal(
        items in prop::collection::vec(arb_item(), 1..6),
        frac in 0.0..1.0f64,
        extra in 0.0..20_000.0f64,
        weights in prop::collection::vec(0.0..1.0f64, 6),
    ) {
        let lo: f64 = items.iter().map(|i| i.lo).sum();
        let hi: f64 = items.iter().map(|i| i.hi).sum();
        let budget = if hi.is_finite() { lo + frac * (hi - lo) } else { lo + extra };
        let (s, _) = solve(&items, budget, "budget").unwrap();
        let total: f64 = s.iter().sum();
        prop_assert!((total - budget).abs() <= 1e-9 * budget.max(1.0), "spent {total} of {budget}");
        for (x, i) in s.iter().zip(&items) {
            prop_assert!(*x >= i.lo - 1e-9 * i.lo.max(1.0) && *x <= i.hi + 1e-9 * budget.max(1.0), "{x} outside [{}, {}]", i.lo, i.hi);
        }
        let best = objective(&items, &s);
        let other = random_split(&items, budget, &weights[..items.len()]);
        let alt = objective(&items, &other);
        prop_assert!(best >= alt - 1e-9 * best.abs().max(alt.abs()).max(1.0), "{best} < {alt} ({s:?} vs {other:?})");
    }
}

#[test]
fn extra_leads_along_the_curve() {
    use crate::analysis::levers::{Base, LeadCost};
    // Ads: 120 leads over 3 months with spend, L̄ = 40 a month on 2·√s; +10 % → 44 a month:
    // (44/2)² − (40/2)² = 84 a month, 252 over the period. Vk (linear, a = 0.02): 4 more leads
    // cost 4/0.02 = 200. Seo has no curve and no spend: free, as at its CPL of 0.
    let b = Base::new(&project(), &Filter::default());
    let ch = [LeverChange { lever: Lever::Leads, change: 0.1, channel: None, direction: None }];
    let o = b.apply(&ch, LeadCost::Curve).unwrap();
    close(o.after.spend.unwrap() - o.before.spend.unwrap(), 452.0);
    // At the CPL: 10 % of 3 400.
    let o = b.apply(&ch, LeadCost::Cpl).unwrap();
    close(o.after.spend.unwrap() - o.before.spend.unwrap(), 340.0);
}
