//! Levers ranked by headroom: "what your clinic has already shown it can do" (domain.md, "Levers and
//! scenarios").
//!
//! +10 % on every conversion rate earns the same in a multiplicative funnel, so this ranking asks
//! instead how far each factor is below its own best 3-month window of the last 12 complete months,
//! and what closing that gap would earn a month, for the clinic and for each direction.

use serde::Serialize;

use super::notice::Notice;
use crate::metrics::asof::AsOf;
use crate::metrics::{self, Factor, Filter, Owner};
use crate::model::{Lever, Month, Project};

/// Months in a window.
const WINDOW: i32 = 3;
/// How far back candidate windows reach: the last 12 complete months.
const LOOKBACK: i32 = 12;

/// One (scope, factor) of the ranking. Money is per month.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeadroomEntry {
    /// The direction, `null` for the whole clinic.
    pub direction: Option<String>,
    /// The funnel lever.
    pub lever: Lever,
    /// Who owns it (responsibility map).
    pub owner: Owner,
    /// Its value in the current window (leads: per month).
    pub current: f64,
    /// Its best value over the candidate windows.
    pub target: f64,
    /// First month of the window the target came from.
    pub window_first: Month,
    /// Last month of that window.
    pub window_last: Month,
    /// R × (target / current − 1): attributed revenue gained a month.
    pub revenue_gain: f64,
    /// revenue_gain × margin − extra spend a month.
    pub profit_gain: f64,
}

/// The ranking with what the user should know about it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Headroom {
    /// Entries with profit_gain > 0, best first.
    pub entries: Vec<HeadroomEntry>,
    /// The current window (first and last month), `None` when there is no ranking.
    pub current_window: Option<(Month, Month)>,
    /// Why there is no ranking, or what to read with care.
    pub notices: Vec<Notice>,
}

/// A factor's value as text in its own unit: leads a month as a count, revenue per paid as money,
/// the rates as percents.
pub fn factor_text(lever: Lever, x: f64, loc: impl Into<crate::format::Locale>) -> String {
    let loc = loc.into();
    let lang = loc.lang;
    use crate::format;
    match lever {
        Lever::Leads => format::number(x, 0, lang),
        Lever::RevenuePerPaid => format::money(Some(x), loc),
        _ => format::percent(Some(x), lang),
    }
}

/// The complete months the windows are taken from: `(first, last)`, `last` being the last complete
/// month. With D, a month is complete by "As of"; when the Funnel came from a raw leads export (its
/// rows carry `returning_leads`), also only once its last day + attribution_days ≤ D, so its leads
/// have had time to come. Without D, the months with Funnel rows stand in for complete months.
/// `first` is the later of the first month with Funnel rows and 11 months before `last`.
fn complete_months(project: &Project) -> Option<(Month, Month)> {
    let first_data = project.funnel.iter().map(|r| r.month).min()?;
    let asof = AsOf::of(project);
    let last = match asof.day {
        Some(d) => {
            let mut last = asof.last_complete_month()?;
            if project.funnel.iter().any(|r| r.returning_leads.is_some()) {
                let wait = chrono::Days::new(u64::from(project.settings.attribution_days));
                while last.last_day().checked_add_days(wait).is_none_or(|end| end > d) {
                    if last <= first_data {
                        return None;
                    }
                    last = last.shift(-1);
                }
            }
            last
        }
        None => project.funnel.iter().map(|r| r.month).max()?,
    };
    let first = first_data.max(last.shift(1 - LOOKBACK));
    (first <= last).then_some((first, last))
}

/// The five factors of a window from its sums [leads, bookings, visits, paid, revenue]: leads per
/// month and the four ratios of the sums; `None` where a denominator is 0.
fn factors(s: [f64; 5]) -> [Option<f64>; 5] {
    let ratio = |n: f64, d: f64| (d != 0.0).then(|| n / d).filter(|r| r.is_finite());
    [Some(s[0] / f64::from(WINDOW)), ratio(s[1], s[0]), ratio(s[2], s[1]), ratio(s[3], s[2]), ratio(s[4], s[3])]
}

/// The ranking by headroom over the whole data (the period filter does not apply: the windows are
/// set by the as-of day), for the branch when one is given.
pub fn headroom(project: &Project, branch: Option<&str>) -> Headroom {
    let mut out = Headroom::default();
    let Some((first, last)) = complete_months(project).filter(|(f, l)| f.months_until(*l) + 1 >= WINDOW) else {
        out.notices.push(Notice::TooFewMonths { window: WINDOW });
        return out;
    };
    let current_first = last.shift(1 - WINDOW);
    out.current_window = Some((current_first, last));
    let average_margin = metrics::average_margin(project);
    let scopes = std::iter::once(None).chain(project.directions.iter().map(|d| Some(d.name.clone())));
    for scope in scopes {
        let filter = |from: Month| Filter {
            from: Some(from),
            to: Some(last),
            direction: scope.clone(),
            channel: None,
            branch: branch.map(str::to_string),
        };
        let all = metrics::compute(project, &filter(first));
        let sums_of = |from: Month| {
            let mut s = [0.0; 5];
            for m in all.months.iter().filter(|m| m.month >= from && m.month <= from.shift(WINDOW - 1)) {
                let v = [m.leads, m.bookings, m.visits, m.paid, m.attributed_revenue];
                for (acc, x) in s.iter_mut().zip(v) {
                    *acc += x.unwrap_or(0.0);
                }
            }
            s
        };
        // Targets: the best value of each factor over the windows, the latest on ties.
        let mut best: [Option<(f64, Month)>; 5] = [None; 5];
        let mut start = first;
        while start <= current_first {
            for (b, v) in best.iter_mut().zip(factors(sums_of(start))) {
                if let Some(v) = v
                    && b.is_none_or(|(x, _)| v >= x)
                {
                    *b = Some((v, start));
                }
            }
            start = start.next();
        }
        let sums = sums_of(current_first);
        let current = factors(sums);
        let now = metrics::compute(project, &filter(current_first));
        let t = &now.total.kpis;
        let margin = t
            .attributed_gross_profit
            .zip(t.attributed_revenue)
            .and_then(|(g, r)| (r != 0.0).then(|| g / r))
            .filter(|m| m.is_finite())
            .or(average_margin);
        let bought: f64 = now.channels.iter().filter(|c| c.spend.unwrap_or(0.0) > 0.0).filter_map(|c| c.leads).sum();
        let cpl = t.spend.filter(|_| bought > 0.0).map(|s| s / bought).filter(|c| c.is_finite());
        // R = the product of the five factors = the window's attributed revenue a month.
        let revenue = sums[4] / f64::from(WINDOW);
        for (i, factor) in Factor::ALL.into_iter().enumerate() {
            let (Some(cur), Some((target, from))) = (current[i], best[i]) else { continue };
            let Some(margin) = margin else { continue };
            if cur <= 0.0 {
                continue;
            }
            let revenue_gain = revenue * (target / cur - 1.0);
            let extra_spend = match factor {
                Factor::Leads => match cpl {
                    Some(c) => (target - cur) * c,
                    None => continue,
                },
                _ => 0.0,
            };
            let profit_gain = revenue_gain * margin - extra_spend;
            if profit_gain > 0.0 && profit_gain.is_finite() {
                out.entries.push(HeadroomEntry {
                    direction: scope.clone(),
                    lever: factor.into(),
                    owner: factor.owner(),
                    current: cur,
                    target,
                    window_first: from,
                    window_last: from.shift(WINDOW - 1),
                    revenue_gain,
                    profit_gain,
                });
            }
        }
    }
    let order = |l: Lever| Lever::FUNNEL.iter().position(|x| *x == l);
    out.entries.sort_by(|a, b| {
        b.profit_gain
            .total_cmp(&a.profit_gain)
            .then(a.direction.is_some().cmp(&b.direction.is_some()))
            .then(order(a.lever).cmp(&order(b.lever)))
            .then(a.direction.cmp(&b.direction))
    });
    out
}

#[cfg(test)]
mod tests;
