//! Good / watch / bad against domain.md's references, one rule per KPI, shared by the app's cards
//! and the report's Summary so both colour a number the same way. The in-between "watch" bands are
//! our choice (docs/decisions.md).

/// How a KPI compares with its reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// At or better than the reference.
    Good,
    /// Near it.
    Watch,
    /// Clearly worse.
    Bad,
}

use Status::{Bad, Good, Watch};

/// Plan completion (also leads against their plan, a forecast against the plan):
/// ≥ 100 % good, ≥ 90 % watch.
pub fn completion(x: f64) -> Status {
    if x >= 1.0 {
        Good
    } else if x >= 0.9 {
        Watch
    } else {
        Bad
    }
}

/// Budget execution: within ±10 % of the plan good, within ±20 % watch.
pub fn execution(x: f64) -> Status {
    let off = (x - 1.0).abs();
    if off <= 0.1 {
        Good
    } else if off <= 0.2 {
        Watch
    } else {
        Bad
    }
}

/// Marketing share of revenue: 4–10 % good; 2–4 % (insured, loyal patients) or 10–12 % watch.
pub fn marketing_share(x: f64) -> Status {
    if (0.04..=0.10).contains(&x) {
        Good
    } else if (0.02..=0.12).contains(&x) {
        Watch
    } else {
        Bad
    }
}

/// ROAS: ≥ 3 good, ≥ 2 watch.
pub fn roas(x: f64) -> Status {
    if x >= 3.0 {
        Good
    } else if x >= 2.0 {
        Watch
    } else {
        Bad
    }
}

/// ROMI: ≥ 0 (break-even) good, down to −10 % watch.
pub fn romi(x: f64) -> Status {
    if x >= 0.0 {
        Good
    } else if x >= -0.1 {
        Watch
    } else {
        Bad
    }
}

/// LTV:CAC: ≥ 3 good, ≥ 1 watch (a patient at least pays back what it cost).
pub fn ltv_to_cac(x: f64) -> Status {
    if x >= 3.0 {
        Good
    } else if x >= 1.0 {
        Watch
    } else {
        Bad
    }
}

/// NPS: at or above the Moscow average (25) good, 0..25 watch, negative bad.
pub fn nps(x: f64) -> Status {
    if x >= 25.0 {
        Good
    } else if x >= 0.0 {
        Watch
    } else {
        Bad
    }
}

/// A tier's share of spend against its reference (80/15/5): within 5 points good, 10 watch.
pub fn tier_share(x: f64, reference: f64) -> Status {
    let off = (x - reference).abs();
    if off <= 0.05 + 1e-12 {
        Good
    } else if off <= 0.10 + 1e-12 {
        Watch
    } else {
        Bad
    }
}
