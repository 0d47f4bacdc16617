//! What the recompute benches share: the synthetic Budget and Funnel rows they fill big projects with.

use medfunnel::model::{BudgetRow, FunnelRow, Month, Name};

/// A Budget row of 100 000 planned and 95 000 spent.
pub fn budget_row(branch: Option<&String>, month: Month, channel: &str) -> BudgetRow {
    BudgetRow {
        branch: branch.cloned(),
        month,
        channel: channel.to_string(),
        budget_plan: Some(100_000.0),
        spend: Some(95_000.0),
    }
}

/// The `n`-th synthetic Funnel row: counts and revenue vary with `n % 97`, so sums are not trivial.
pub fn funnel_row(branch: Option<&String>, month: Month, channel: &str, direction: Option<&str>, n: u64) -> FunnelRow {
    let x = (n % 97) as f64;
    FunnelRow {
        branch: branch.map(Name::from),
        month,
        channel: channel.into(),
        direction: direction.map(Name::from),
        leads: Some(10.0 + x),
        bookings: Some(6.0 + x / 2.0),
        visits: Some(4.0 + x / 3.0),
        paid: Some(3.0 + x / 4.0),
        revenue: Some(15_000.0 * (1.0 + x / 10.0)),
        returning_leads: None,
    }
}
