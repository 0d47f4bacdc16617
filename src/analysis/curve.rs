//! Response curves leads(s) = a·s^b per channel, and the per-channel monthly economics the
//! allocator and the levers' curve costing rest on (domain.md, "Budget allocation").
//!
//! Everything here is per month: `s` is one month's spend, `leads(s)` one month's leads.

use std::collections::BTreeMap;

use serde::Serialize;

use super::notice::Notice;
use crate::metrics::{self, Filter};
use crate::model::{Month, Project, Tier};

/// A fitted response curve leads(s) = a·s^b, 0 < b ≤ 1 (monthly spend → monthly leads).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Curve {
    /// Scale: leads from one unit of money per month.
    pub a: f64,
    /// Elasticity of leads to spend (1 = constant CPL, below 1 = diminishing returns).
    pub b: f64,
}

impl Curve {
    /// Monthly leads bought with monthly spend `s` (0 for no spend).
    pub fn leads(&self, s: f64) -> f64 {
        if s <= 0.0 { 0.0 } else { self.a * s.powf(self.b) }
    }

    /// The monthly spend that buys `leads` a month: (leads / a)^(1/b); `None` when a is 0.
    pub fn spend_for(&self, leads: f64) -> Option<f64> {
        if self.a <= 0.0 {
            return None;
        }
        if leads <= 0.0 {
            return Some(0.0);
        }
        Some((leads / self.a).powf(1.0 / self.b))
    }
}

/// How a channel's curve was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CurveFit {
    /// Least squares on ln(leads) vs ln(spend) gave 0 < b ≤ 1.
    Fitted,
    /// Too few months or b outside (0, 1]: b = 1, a = leads / spend over the period.
    Linear,
    /// No spend in the period: no curve.
    None,
}

/// One channel's economics over the period, per month where it matters.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChannelEconomics {
    /// Channel name.
    pub channel: String,
    /// Budget tier.
    pub tier: Tier,
    /// The response curve; `None` when the channel spent nothing in the period.
    pub curve: Option<Curve>,
    /// How the curve was obtained.
    pub fit: CurveFit,
    /// Months the curve rests on: the fitted points, or the months with spend for a linear curve.
    pub months_used: usize,
    /// Months of the period in which the channel had spend above zero.
    pub months_with_spend: usize,
    /// Spend over the period.
    pub spend: f64,
    /// Leads over the period (all directions).
    pub leads: f64,
    /// Attributed revenue over the period.
    pub attributed_revenue: f64,
    /// Average monthly spend over the months with spend; `None` without spend.
    pub spend_today: Option<f64>,
    /// The largest monthly spend the channel ever had (all months of the project, not only the
    /// period): the reference for the extrapolation warning.
    pub max_monthly_spend: f64,
    /// Attributed gross profit / leads over the period.
    pub value_per_lead: Option<f64>,
    /// visits / leads (= booking_rate × show_rate).
    pub visits_per_lead: Option<f64>,
    /// paid / leads.
    pub paid_per_lead: Option<f64>,
    /// attributed revenue / leads.
    pub revenue_per_lead: Option<f64>,
}

/// Least-squares fit of ln(leads) = ln(a) + b·ln(spend) over `points` (spend, leads), all > 0.
/// Returns `None` with fewer than 3 points, no spread in spend, or b outside (0, 1].
pub fn fit_power(points: &[(f64, f64)]) -> Option<Curve> {
    if points.len() < 3 {
        return None;
    }
    let n = points.len() as f64;
    let xs: Vec<f64> = points.iter().map(|p| p.0.ln()).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.1.ln()).collect();
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let sxx: f64 = xs.iter().map(|x| (x - mx) * (x - mx)).sum();
    let sxy: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    // Relative test: months whose spend differs only by rounding give no slope to speak of.
    if sxx <= 1e-12 * n * mx.abs().max(1.0) {
        return None;
    }
    let b = sxy / sxx;
    let a = (my - b * mx).exp();
    (b > 0.0 && b <= 1.0 && a.is_finite() && a > 0.0).then_some(Curve { a, b })
}

/// Per channel (in the order of the metrics' channel list) its curve and monthly economics over
/// the filter's period. Only `from`/`to` of the filter are used: curves are clinic-level. Returns
/// the channels and notices (linear fallbacks, channels without spend).
pub fn channel_economics(project: &Project, filter: &Filter) -> (Vec<ChannelEconomics>, Vec<Notice>) {
    // A branch's curves come from its own rows and its share of the chain's shared spend.
    let project = &*metrics::scoped(project, filter);
    let period = Filter { from: filter.from, to: filter.to, direction: None, channel: None, branch: None };
    let kpis = metrics::compute(project, &period);
    let mut notices = Vec::new();

    // Channel-month spend and leads in the period; all-time monthly spend for the warning.
    let mut spend_cm: BTreeMap<(&str, Month), f64> = BTreeMap::new();
    let mut leads_cm: BTreeMap<(&str, Month), f64> = BTreeMap::new();
    let mut spend_ever: BTreeMap<(&str, Month), f64> = BTreeMap::new();
    for r in &project.budget {
        let s = r.spend.unwrap_or(0.0);
        *spend_ever.entry((r.channel.as_str(), r.month)).or_default() += s;
        if period.has_month(r.month) {
            *spend_cm.entry((r.channel.as_str(), r.month)).or_default() += s;
        }
    }
    for r in project.funnel.iter().filter(|r| period.has_month(r.month)) {
        *leads_cm.entry((r.channel.as_str(), r.month)).or_default() += r.leads.unwrap_or(0.0);
    }

    let mut out = Vec::with_capacity(kpis.channels.len());
    for ck in &kpis.channels {
        let name = ck.channel.as_str();
        let spend = ck.spend.unwrap_or(0.0);
        let leads = ck.leads.unwrap_or(0.0);
        let months: Vec<(Month, f64)> = spend_cm
            .range((name, Month { year: i32::MIN, month: 1 })..)
            .take_while(|((c, _), _)| *c == name)
            .map(|((_, m), s)| (*m, *s))
            .collect();
        let months_with_spend = months.iter().filter(|(_, s)| *s > 0.0).count();
        let points: Vec<(f64, f64)> = months
            .iter()
            .filter(|(_, s)| *s > 0.0)
            .filter_map(|(m, s)| leads_cm.get(&(name, *m)).filter(|l| **l > 0.0).map(|l| (*s, *l)))
            .collect();
        let max_monthly_spend = spend_ever
            .range((name, Month { year: i32::MIN, month: 1 })..)
            .take_while(|((c, _), _)| *c == name)
            .map(|(_, s)| *s)
            .fold(0.0, f64::max);
        let (curve, fit, months_used) = if spend <= 0.0 || months_with_spend == 0 {
            notices.push(Notice::NoSpend { channel: name.to_string() });
            (None, CurveFit::None, 0)
        } else if let Some(c) = fit_power(&points) {
            (Some(c), CurveFit::Fitted, points.len())
        } else {
            let few_months = (points.len() < 3).then_some(points.len());
            notices.push(Notice::Linear { channel: name.to_string(), few_months });
            (Some(Curve { a: leads / spend, b: 1.0 }), CurveFit::Linear, months_with_spend)
        };
        let per_lead = |x: Option<f64>| x.filter(|_| leads > 0.0).map(|x| x / leads).filter(|v| v.is_finite());
        out.push(ChannelEconomics {
            channel: ck.channel.clone(),
            tier: ck.tier,
            curve,
            fit,
            months_used,
            months_with_spend,
            spend,
            leads,
            attributed_revenue: ck.attributed_revenue.unwrap_or(0.0),
            spend_today: (months_with_spend > 0).then(|| spend / months_with_spend as f64),
            max_monthly_spend,
            value_per_lead: per_lead(ck.attributed_gross_profit),
            visits_per_lead: per_lead(ck.visits),
            paid_per_lead: per_lead(ck.paid),
            revenue_per_lead: per_lead(ck.attributed_revenue),
        });
    }
    (out, notices)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_power_law_is_recovered() {
        // leads = 2·s^0.5 at s = 100, 400, 900 → 20, 40, 60.
        let c = fit_power(&[(100.0, 20.0), (400.0, 40.0), (900.0, 60.0)]).unwrap();
        assert!((c.a - 2.0).abs() < 1e-12 && (c.b - 0.5).abs() < 1e-12, "{c:?}");
        assert!((c.leads(1600.0) - 80.0).abs() < 1e-9);
        assert!((c.spend_for(80.0).unwrap() - 1600.0).abs() < 1e-7);
    }

    #[test]
    fn fit_rejects_short_flat_or_convex_data() {
        assert!(fit_power(&[(100.0, 20.0), (400.0, 40.0)]).is_none());
        assert!(fit_power(&[(100.0, 20.0), (100.0, 30.0), (100.0, 25.0)]).is_none());
        // leads = s^2: b = 2 is outside (0, 1].
        assert!(fit_power(&[(1.0, 1.0), (2.0, 4.0), (3.0, 9.0)]).is_none());
        // Falling leads: b < 0.
        assert!(fit_power(&[(1.0, 9.0), (2.0, 4.0), (3.0, 1.0)]).is_none());
    }
}
