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

/// LTV:CAC at which a channel pays back well (domain.md: 3).
pub const LTV_TO_CAC_GOOD: f64 = 3.0;
/// The Moscow private clinics' average NPS (domain.md).
pub const NPS_MOSCOW_AVERAGE: f64 = 25.0;
/// The best Moscow private clinics' NPS (domain.md).
pub const NPS_BEST: f64 = 71.0;
/// Doctor conversion (repeat / primary patients) a doctor should be above (domain.md: 0.5).
pub const DOCTOR_CONVERSION: f64 = 0.5;
/// ROMI at which marketing breaks even.
pub const ROMI_BREAK_EVEN: f64 = 0.0;

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
    if x >= ROMI_BREAK_EVEN {
        Good
    } else if x >= -0.1 {
        Watch
    } else {
        Bad
    }
}

/// LTV:CAC: ≥ 3 good, ≥ 1 watch (a patient at least pays back what it cost).
pub fn ltv_to_cac(x: f64) -> Status {
    if x >= LTV_TO_CAC_GOOD {
        Good
    } else if x >= 1.0 {
        Watch
    } else {
        Bad
    }
}

/// NPS: at or above the Moscow average (25) good, 0..25 watch, negative bad.
pub fn nps(x: f64) -> Status {
    if x >= NPS_MOSCOW_AVERAGE {
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

/// Doctor conversion: above [`DOCTOR_CONVERSION`] good, else bad (domain.md gives no band).
pub fn doctor_conversion(x: f64) -> Status {
    if x >= DOCTOR_CONVERSION { Good } else { Bad }
}

/// Lost contacts as a share of contacts: up to 5 % good, up to 10 % watch, more bad.
pub fn lost_contacts(x: f64) -> Status {
    if x <= 0.05 {
        Good
    } else if x <= 0.10 {
        Watch
    } else {
        Bad
    }
}

/// The proven tier's share of spend on the Dashboard's card: within 10 points of its reference
/// (80 %) good, else watch (the split is a rule of thumb, never "bad").
pub fn proven_share(x: f64) -> Status {
    if (x - crate::model::Tier::Proven.reference_share()).abs() <= 0.1 + 1e-12 { Good } else { Watch }
}

/// A pace needed against the pace there is (the month's required day against today's average, a
/// week's plan to date against its fact): needed ≤ have good, up to 10 % more watch, beyond that
/// (or nothing coming in) bad. Nothing needed (the plan is made) is good; no need known, `None`.
pub fn pace(needed: Option<f64>, have: Option<f64>) -> Option<Status> {
    match (needed, have) {
        (Some(n), _) if n <= 0.0 => Some(Good),
        (Some(n), Some(h)) if n <= h => Some(Good),
        (Some(n), Some(h)) if h > 0.0 && n <= h * 1.1 => Some(Watch),
        (Some(_), _) => Some(Bad),
        (None, _) => None,
    }
}

/// The reference rule a table colours `figure` by, where it has one (the same rule the app's
/// cards and the report's Summary use for that KPI).
fn rule(figure: super::figure::Figure) -> Option<fn(f64) -> Status> {
    use super::figure::Figure as F;
    match figure {
        F::PlanCompletion | F::CompletionToDate => Some(completion),
        F::BudgetExecution => Some(execution),
        F::MarketingShare => Some(marketing_share),
        F::Roas => Some(roas),
        F::Romi => Some(romi),
        F::LtvToCac => Some(ltv_to_cac),
        F::Nps => Some(nps),
        _ => None,
    }
}

/// `x` judged by `rule`: `None` when `x` is undefined (an undefined ratio has no colour).
pub fn rated(x: Option<f64>, rule: fn(f64) -> Status) -> Option<Status> {
    x.filter(|v| v.is_finite()).map(rule)
}

/// `x` of `figure` against its reference: `None` when the figure has no rule or `x` is undefined.
pub fn status_of(figure: super::figure::Figure, x: Option<f64>) -> Option<Status> {
    rule(figure).and_then(|rule| rated(x, rule))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_take_their_own_rule() {
        use crate::metrics::figure::Figure;
        // ROMI −5 % is within 10 points of break-even: watch; ROAS 3.5 ≥ 3: good.
        assert_eq!(status_of(Figure::Romi, Some(-0.05)), Some(Watch));
        assert_eq!(status_of(Figure::Roas, Some(3.5)), Some(Good));
        assert_eq!(status_of(Figure::CompletionToDate, Some(0.89)), Some(Bad));
        // No reference for leads; an undefined ROMI has no colour.
        assert_eq!(status_of(Figure::Leads, Some(300.0)), None);
        assert_eq!(status_of(Figure::Romi, None), None);
    }

    #[test]
    fn pace_bands() {
        // Needed 100 a day, 100 coming in: on track; 105 ≤ 100 × 1.1 = 110: watch; 120 > 110: bad.
        assert_eq!(pace(Some(100.0), Some(100.0)), Some(Good));
        assert_eq!(pace(Some(105.0), Some(100.0)), Some(Watch));
        assert_eq!(pace(Some(120.0), Some(100.0)), Some(Bad));
        // Nothing coming in yet, or no average at all: bad.
        assert_eq!(pace(Some(10.0), Some(0.0)), Some(Bad));
        assert_eq!(pace(Some(10.0), None), Some(Bad));
        // The plan is already made: good whatever comes in.
        assert_eq!(pace(Some(-5.0), Some(1.0)), Some(Good));
        assert_eq!(pace(None, Some(1.0)), None);
    }

    #[test]
    fn lost_contacts_bands() {
        // 5 of 100 lost: good; 8 of 100: watch; 11 of 100: bad.
        assert_eq!(lost_contacts(0.05), Good);
        assert_eq!(lost_contacts(0.08), Watch);
        assert_eq!(lost_contacts(0.11), Bad);
    }

    #[test]
    fn proven_share_is_within_ten_points_of_eighty() {
        // 0.70 and 0.90 are exactly 10 points off 0.80: good; 0.65 is 15 off: watch.
        assert_eq!(proven_share(0.70), Good);
        assert_eq!(proven_share(0.90), Good);
        assert_eq!(proven_share(0.65), Watch);
    }

    #[test]
    fn doctor_conversion_against_one_half() {
        // 6 repeat of 12 primary = 0.5: at the reference; 5 of 12 ≈ 0.42: below.
        assert_eq!(doctor_conversion(6.0 / 12.0), Good);
        assert_eq!(doctor_conversion(5.0 / 12.0), Bad);
    }
}
