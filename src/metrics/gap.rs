//! The revenue-gap breakdown: which funnel stage (and whose job) lost the money, by additive LMDI.

use serde::Serialize;

use crate::model::Month;

/// The five factors of attributed revenue, in funnel order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    /// Leads.
    Leads,
    /// bookings / leads.
    BookingRate,
    /// visits / bookings.
    ShowRate,
    /// paid / visits.
    PaidRate,
    /// attributed revenue / paid.
    RevenuePerPaid,
}

impl Factor {
    /// All factors, in funnel order.
    pub const ALL: [Factor; 5] =
        [Factor::Leads, Factor::BookingRate, Factor::ShowRate, Factor::PaidRate, Factor::RevenuePerPaid];

    /// The JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Factor::Leads => "leads",
            Factor::BookingRate => "booking_rate",
            Factor::ShowRate => "show_rate",
            Factor::PaidRate => "paid_rate",
            Factor::RevenuePerPaid => "revenue_per_paid",
        }
    }

    /// Who owns this stage (the responsibility map).
    pub fn owner(self) -> Owner {
        match self {
            Factor::Leads => Owner::Marketer,
            Factor::BookingRate | Factor::ShowRate => Owner::Administrators,
            Factor::PaidRate | Factor::RevenuePerPaid => Owner::Doctors,
        }
    }
}

/// Whose job a stage is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    /// Reach, traffic, leads.
    Marketer,
    /// Call centre and administrators: booking and show rates.
    Administrators,
    /// Conversion to payment, check size, repeat visits.
    Doctors,
    /// Margin, fixed costs, profit.
    Management,
}

impl Owner {
    /// The JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Owner::Marketer => "marketer",
            Owner::Administrators => "administrators",
            Owner::Doctors => "doctors",
            Owner::Management => "management",
        }
    }
}

/// Contributions of the five factors, in money.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Contributions {
    /// Contribution of the number of leads.
    pub leads: Option<f64>,
    /// Contribution of the booking rate.
    pub booking_rate: Option<f64>,
    /// Contribution of the show rate.
    pub show_rate: Option<f64>,
    /// Contribution of the paid rate.
    pub paid_rate: Option<f64>,
    /// Contribution of revenue per paying patient.
    pub revenue_per_paid: Option<f64>,
}

impl Contributions {
    /// The contribution of one factor.
    pub fn get(&self, f: Factor) -> Option<f64> {
        match f {
            Factor::Leads => self.leads,
            Factor::BookingRate => self.booking_rate,
            Factor::ShowRate => self.show_rate,
            Factor::PaidRate => self.paid_rate,
            Factor::RevenuePerPaid => self.revenue_per_paid,
        }
    }

    fn set(&mut self, f: Factor, v: f64) {
        let slot = match f {
            Factor::Leads => &mut self.leads,
            Factor::BookingRate => &mut self.booking_rate,
            Factor::ShowRate => &mut self.show_rate,
            Factor::PaidRate => &mut self.paid_rate,
            Factor::RevenuePerPaid => &mut self.revenue_per_paid,
        };
        *slot = Some(v);
    }
}

/// One month's revenue gap.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gap {
    /// The month.
    pub month: Month,
    /// R_plan: the product of the five factor plans.
    pub plan: Option<f64>,
    /// R_fact: the month's attributed revenue.
    pub fact: Option<f64>,
    /// How much each factor added (negative: lost).
    pub contributions: Contributions,
    /// The factor with the most negative contribution, if any is negative.
    pub bottleneck: Option<Factor>,
    /// The bottleneck's owner.
    pub owner: Option<Owner>,
}

/// The logarithmic mean L(a, b) = (a − b) / (ln a − ln b), L(a, a) = a.
pub fn log_mean(a: f64, b: f64) -> f64 {
    if a == b { a } else { (a - b) / (a.ln() - b.ln()) }
}

/// Splits `fact_revenue − plan` over the five factors. `fact` and `plan` hold the factor values in
/// [`Factor::ALL`] order; any missing, zero or negative factor makes the breakdown undefined.
pub fn breakdown(month: Month, fact_revenue: Option<f64>, fact: [Option<f64>; 5], plan: [f64; 5]) -> Gap {
    let r_plan: f64 = plan.iter().product();
    let mut gap = Gap {
        month,
        plan: r_plan.is_finite().then_some(r_plan),
        fact: fact_revenue,
        contributions: Contributions::default(),
        bottleneck: None,
        owner: None,
    };
    let Some(fact) = fact.into_iter().collect::<Option<Vec<f64>>>() else { return gap };
    if fact.iter().chain(&plan).any(|x| !(*x > 0.0 && x.is_finite())) {
        return gap;
    }
    let r_fact: f64 = fact.iter().product();
    let l = log_mean(r_fact, r_plan);
    if !l.is_finite() {
        return gap;
    }
    let mut worst: Option<(Factor, f64)> = None;
    for (i, f) in Factor::ALL.into_iter().enumerate() {
        let c = l * (fact[i] / plan[i]).ln();
        gap.contributions.set(f, c);
        if c < 0.0 && worst.is_none_or(|(_, w)| c < w) {
            worst = Some((f, c));
        }
    }
    gap.bottleneck = worst.map(|(f, _)| f);
    gap.owner = gap.bottleneck.map(Factor::owner);
    gap
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_mean_values() {
        assert_eq!(log_mean(5.0, 5.0), 5.0);
        // L(e², e) = (e² − e) / (2 − 1)
        let e = std::f64::consts::E;
        assert!((log_mean(e * e, e) - (e * e - e)).abs() < 1e-12);
    }

    #[test]
    fn contributions_sum_to_the_gap_and_name_the_bottleneck() {
        let m = Month::new(2025, 3).unwrap();
        // Plan: 400 leads × 0.5 × 0.8 × 0.5 × 20 000 = 1 600 000.
        // Fact: 500 leads, 200 bookings, 100 visits, 50 paid, 1 100 000 revenue:
        // 500 × 0.4 × 0.5 × 0.5 × 22 000 = 1 100 000.
        let g = breakdown(
            m,
            Some(1_100_000.0),
            [Some(500.0), Some(0.4), Some(0.5), Some(0.5), Some(22_000.0)],
            [400.0, 0.5, 0.8, 0.5, 20_000.0],
        );
        assert_eq!(g.plan, Some(1_600_000.0));
        let c = &g.contributions;
        let sum: f64 = Factor::ALL.iter().map(|f| c.get(*f).unwrap()).sum();
        assert!((sum - (1_100_000.0 - 1_600_000.0)).abs() < 1e-6, "{sum}");
        // L = 500 000 / ln(16/11) = 1 334 491.0…; show rate: L × ln(0.5/0.8) = −627 224.…
        let l = 500_000.0 / (16.0f64 / 11.0).ln();
        assert!((c.show_rate.unwrap() - l * (0.625f64).ln()).abs() < 1e-6);
        assert!((c.leads.unwrap() - l * 1.25f64.ln()).abs() < 1e-6);
        assert!(c.paid_rate.unwrap().abs() < 1e-9);
        assert_eq!(g.bottleneck, Some(Factor::ShowRate));
        assert_eq!(g.owner, Some(Owner::Administrators));
    }

    #[test]
    fn undefined_when_a_factor_is_zero_or_missing() {
        let m = Month::new(2025, 3).unwrap();
        let g = breakdown(m, Some(0.0), [Some(10.0), Some(0.5), Some(0.0), None, None], [1.0; 5]);
        assert_eq!(g.contributions, Contributions::default());
        assert_eq!((g.bottleneck, g.owner, g.plan), (None, None, Some(1.0)));
        let g = breakdown(m, Some(1.0), [Some(1.0); 5], [1.0, 1.0, 0.0, 1.0, 1.0]);
        assert_eq!(g.contributions.leads, None);
    }

    #[test]
    fn no_bottleneck_when_every_factor_beats_plan() {
        let m = Month::new(2025, 3).unwrap();
        let g = breakdown(m, Some(32.0), [Some(2.0); 5], [1.0; 5]);
        assert_eq!(g.bottleneck, None);
        assert!((g.contributions.leads.unwrap() - 31.0 / 5.0).abs() < 1e-9);
    }
}
