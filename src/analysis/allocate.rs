//! The budget allocator: split one month's budget over channels to maximise
//! Σ value·leads(s) − s under per-channel minimum and maximum spend, optionally holding the tier
//! split (domain.md, "Budget allocation"), and the inverse question: which monthly budget reaches
//! a revenue target.
//!
//! Since Σ s equals the budget, maximising Σ value·a·s^b − s is maximising Σ k·s^b with
//! k = value·a, a concave problem whose optimum equalises marginal returns k·b·s^(b−1) = λ over
//! the channels strictly between their bounds. The solver bisects on λ (in log space, to the
//! last bit) with the closed form s(λ) = clamp((k·b/λ)^(1/(1−b)), min, max) for b < 1; channels with
//! b = 1 have a constant marginal k and take all (k > λ) or nothing above their minimum (k < λ),
//! the channel(s) with k = λ taking the rest. The whole budget is always spent: when every
//! productive channel is at its maximum, the rest goes to the others (λ may be below 1: money
//! that earns less than it costs is still spent, as the contract says).

use std::collections::BTreeMap;

use serde::Serialize;
use thiserror::Error;

use super::curve::{ChannelEconomics, Curve, channel_economics};
use super::notice::Notice;
use crate::metrics::{self, Filter};
use crate::model::{Project, Tier};

/// Why an allocation cannot be made.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum AllocError {
    /// The budget is negative or not a number.
    #[error("the budget must be a number of at least 0, got {0}")]
    BadBudget(f64),
    /// A minimum or maximum is negative, not a number, or the minimum exceeds the maximum.
    #[error("channel {channel}: invalid bounds (min {min}, max {max})")]
    BadBounds {
        /// The channel.
        channel: String,
        /// Its minimum.
        min: f64,
        /// Its maximum.
        max: f64,
    },
    /// --min/--max names a channel the project does not have.
    #[error("unknown channel «{0}» in --min/--max")]
    UnknownChannel(String),
    /// The minimums the user set add up to more than the budget.
    #[error("{scope}: the minimums you set (--min) add up to {min_total}, more than the budget {budget}")]
    MinAboveBudget {
        /// "budget" or the tier.
        scope: String,
        /// Σ min.
        min_total: f64,
        /// The budget (or the tier's part of it).
        budget: f64,
    },
    /// The maximums add up to less than the budget (a channel without a curve can take no more
    /// than its --min).
    #[error(
        "{scope}: the maximums you set (--max) let the channels take at most {max_total} (a channel with no spend in the period takes only its --min), less than the budget {budget}"
    )]
    MaxBelowBudget {
        /// "budget" or the tier.
        scope: String,
        /// Σ max.
        max_total: f64,
        /// The budget (or the tier's part of it).
        budget: f64,
    },
    /// The tier split is not three non-negative shares adding up to 1.
    #[error("the tier split must be three shares adding up to 100 %, got {0:?}")]
    BadTiers([f64; 3]),
    /// A tier has its share of the budget but no channels at all, and no other tier can take it.
    #[error("no channels to spend the budget on")]
    NoChannels,
}

/// What to allocate and under which constraints (all money per month).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AllocOptions {
    /// The total monthly budget to split.
    pub budget: f64,
    /// Per-channel minimum monthly spend, set by the user (default: 0.5 × spend_today).
    pub min: BTreeMap<String, f64>,
    /// Per-channel maximum monthly spend, set by the user (default: 2 × spend_today).
    pub max: BTreeMap<String, f64>,
    /// Drop the default bounds: a channel's bounds are only what `min` and `max` set (0, unlimited).
    pub free: bool,
    /// Hold the tier split: shares of proven, scaling, experiment adding up to 1 (e.g. 0.80 / 0.15 /
    /// 0.05); each tier's total is fixed to share × budget and allocated within the tier.
    pub tiers: Option<[f64; 3]>,
}

/// One channel of an allocation. Money, leads and patients are per month.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChannelAllocation {
    /// Channel name.
    pub channel: String,
    /// Budget tier.
    pub tier: Tier,
    /// Curve scale a (`null` without a curve).
    pub a: Option<f64>,
    /// Curve elasticity b (`null` without a curve).
    pub b: Option<f64>,
    /// Months the curve rests on (0 without a curve).
    pub months_used: usize,
    /// Whether the curve was fitted, or is the linear fallback, or absent.
    pub fit: super::curve::CurveFit,
    /// Gross profit of one lead (attributed gross profit / leads over the period).
    pub value_per_lead: Option<f64>,
    /// Today's average monthly spend (over the period's months with spend).
    pub spend_today: Option<f64>,
    /// The lower bound the channel had: --min, else 0.5 × spend_today (0 with --free or without a
    /// curve). A bound scaled to fit the budget is in `why`, not here.
    pub min: f64,
    /// The upper bound: --max, else 2 × spend_today; `null` for none.
    pub max: Option<f64>,
    /// The proposed monthly spend.
    pub spend: f64,
    /// Why the proposal is what it is.
    pub why: Why,
    /// Expected leads at the proposal: a·spend^b.
    pub leads: Option<f64>,
    /// Expected new patients: leads × booking_rate × show_rate.
    pub visits: Option<f64>,
    /// Expected paying new patients: visits × paid_rate.
    pub paid: Option<f64>,
    /// Expected attributed revenue: paid × revenue_per_paid.
    pub revenue: Option<f64>,
    /// Expected attributed gross profit: leads × value_per_lead.
    pub gross_profit: Option<f64>,
    /// (gross_profit − spend) / spend.
    pub romi: Option<f64>,
    /// Leads the curve gives at today's spend (for the before/after comparison).
    pub leads_today: Option<f64>,
    /// Attributed revenue at today's spend, by the same curve.
    pub revenue_today: Option<f64>,
    /// Gross profit at today's spend, by the same curve.
    pub gross_profit_today: Option<f64>,
    /// ROMI at today's spend, by the same curve.
    pub romi_today: Option<f64>,
    /// Whether the proposal is above twice the largest monthly spend the channel ever had (its
    /// curve is extrapolated); the app words this itself, in the user's language.
    #[serde(skip)]
    pub extrapolated: bool,
}

/// The allocator's answer: `{"channels": [...], "objective": ..., ...}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Allocation {
    /// The monthly budget split.
    pub budget: f64,
    /// The tier split held, if any.
    pub tiers: Option<[f64; 3]>,
    /// Per channel, in the metrics' channel order.
    pub channels: Vec<ChannelAllocation>,
    /// Σ value·leads(s) − s at the proposal (per month; a channel without a curve counts −s).
    pub objective: f64,
    /// The same objective at today's spend (channels with a curve), for comparison.
    pub objective_today: f64,
    /// λ: the marginal gross profit of one more unit of money at the optimum (the Lagrange
    /// multiplier; below 1 the last money earns less than it costs). One entry, or one per tier
    /// (proven, scaling, experiment) when the tier split is held; `null` where no channel is
    /// between its bounds.
    pub marginal_return: Vec<Option<f64>>,
    /// How the curves were obtained (linear fallbacks, channels with no spend).
    pub notices: Vec<Notice>,
    /// Extrapolation: proposals above twice the largest monthly spend a channel ever had.
    pub warnings: Vec<Notice>,
    /// Whether a tier with a share had no channels (its share went to the others): the app words
    /// this itself, in the user's language.
    #[serde(skip)]
    pub tier_without_channels: bool,
}

/// One channel as the solver sees it: maximise k·s^b over lo ≤ s ≤ hi.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    /// value × a (0 when either is missing).
    pub k: f64,
    /// Elasticity, 0 < b ≤ 1.
    pub b: f64,
    /// Minimum spend.
    pub lo: f64,
    /// Maximum spend (may be infinite).
    pub hi: f64,
}

impl Item {
    /// k·s^b: the gross profit the channel's leads bring at spend s.
    pub fn gain(&self, s: f64) -> f64 {
        if s <= 0.0 || self.k == 0.0 { 0.0 } else { self.k * s.powf(self.b) }
    }

    fn productive(&self) -> bool {
        self.k > 0.0 && self.hi > self.lo
    }

    /// Spend at marginal return λ.
    fn spend_at(&self, lam: f64) -> f64 {
        if !self.productive() {
            return self.lo;
        }
        if self.b < 1.0 {
            let s = (self.k * self.b / lam).powf(1.0 / (1.0 - self.b));
            if s.is_nan() { self.lo } else { s.clamp(self.lo, self.hi) }
        } else if self.k > lam {
            self.hi
        } else {
            self.lo
        }
    }

    fn marginal(&self, s: f64) -> f64 {
        if self.b >= 1.0 { self.k } else { self.k * self.b * s.powf(self.b - 1.0) }
    }
}

/// Σ k·s^b − s over the items: the allocator's objective.
pub fn objective(items: &[Item], spend: &[f64]) -> f64 {
    items.iter().zip(spend).map(|(it, s)| it.gain(*s) - s).sum()
}

/// The optimal split of `budget` over `items` (see the module doc), with the marginal return λ at
/// the optimum (`None` when no productive channel is between its bounds). `scope` names the budget
/// in errors ("budget", "tier proven").
pub fn solve(items: &[Item], budget: f64, scope: &str) -> Result<(Vec<f64>, Option<f64>), AllocError> {
    let lo_total: f64 = items.iter().map(|i| i.lo).sum();
    let hi_total: f64 = items.iter().map(|i| i.hi).sum();
    let tol = 1e-12 * budget.abs().max(1.0);
    if lo_total > budget + tol {
        return Err(AllocError::MinAboveBudget { scope: scope.into(), min_total: lo_total, budget });
    }
    if hi_total < budget - tol {
        return Err(AllocError::MaxBelowBudget { scope: scope.into(), max_total: hi_total, budget });
    }
    let mut s: Vec<f64> = items.iter().map(|i| i.lo).collect();
    if budget <= lo_total {
        return Ok((s, None));
    }
    let total = |lam: f64| items.iter().map(|i| i.spend_at(lam)).sum::<f64>();
    // What the productive channels can absorb with everything else at its minimum.
    let cap: f64 = items.iter().map(|i| if i.productive() { i.hi } else { i.lo }).sum();
    let mut lambda = None;
    if cap > budget {
        // Bracket λ: S(λ) is non-increasing, S(∞) = Σ lo < budget, S(0+) = cap > budget.
        let (mut lam_lo, mut lam_hi) = (1.0_f64, 1.0_f64);
        for _ in 0..4000 {
            if total(lam_hi) <= budget {
                break;
            }
            lam_hi *= 2.0;
        }
        for _ in 0..4000 {
            if total(lam_lo) >= budget || lam_lo == 0.0 {
                break;
            }
            lam_lo /= 2.0;
        }
        if lam_lo > lam_hi {
            std::mem::swap(&mut lam_lo, &mut lam_hi);
        }
        // Bisection until the bracket is two adjacent floats (geometric midpoint while both > 0).
        for _ in 0..2000 {
            let mid = if lam_lo > 0.0 { (lam_lo * lam_hi).sqrt() } else { lam_hi / 2.0 };
            let mid = if mid <= lam_lo || mid >= lam_hi { lam_lo + (lam_hi - lam_lo) / 2.0 } else { mid };
            if mid <= lam_lo || mid >= lam_hi {
                break;
            }
            if total(mid) >= budget {
                lam_lo = mid;
            } else {
                lam_hi = mid;
            }
        }
        for (si, it) in s.iter_mut().zip(items) {
            *si = it.spend_at(lam_hi);
        }
        lambda = Some(lam_hi);
        // What S(λ_hi) leaves over goes first to linear channels at the margin (k within the
        // bracket, best first), then, as float dust, to the concave ones with room.
        let mut gap = budget - s.iter().sum::<f64>();
        let mut order: Vec<usize> = (0..items.len()).filter(|&i| items[i].productive()).collect();
        order.sort_by(|&i, &j| {
            let lin = |x: usize| items[x].b >= 1.0 && items[x].k >= lam_lo;
            lin(j).cmp(&lin(i)).then(items[j].marginal(s[j]).total_cmp(&items[i].marginal(s[i])))
        });
        for &i in &order {
            if gap <= 0.0 {
                break;
            }
            let add = (items[i].hi - s[i]).min(gap).max(0.0);
            s[i] += add;
            gap -= add;
        }
    } else {
        for (si, it) in s.iter_mut().zip(items) {
            if it.productive() {
                *si = it.hi;
            }
        }
    }
    // Whatever is left (all productive channels full) goes to the rest, least harmful first:
    // higher k first, and to one channel at a time (with b < 1 and k ≤ 0 spreading costs more).
    let mut gap = budget - s.iter().sum::<f64>();
    if gap > 0.0 {
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by(|&i, &j| items[j].k.total_cmp(&items[i].k));
        for &i in &order {
            if gap <= 0.0 {
                break;
            }
            let add = (items[i].hi - s[i]).min(gap).max(0.0);
            s[i] += add;
            gap -= add;
        }
    }
    Ok((s, lambda))
}

/// Reads `NAME=amount` bounds into a per-channel map, checking every name is a channel.
fn bound(map: &BTreeMap<String, f64>, econ: &[ChannelEconomics]) -> Result<(), AllocError> {
    match map.keys().find(|k| !econ.iter().any(|e| &e.channel == *k)) {
        Some(k) => Err(AllocError::UnknownChannel(k.clone())),
        None => Ok(()),
    }
}

/// Why a channel's proposal is what it is, for the one sentence the app says about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// No spend in the period, so no curve: it gets only its --min.
    NoCurve,
    /// Its lower bound scaled down with the others: the budget is below the bounds' sum.
    ScaledDown,
    /// Its upper bound scaled up with the others: the budget is above the bounds' sum.
    ScaledUp,
    /// Pushed past a default bound by the held tier split.
    TierSplit,
    /// Held at its lower bound (its return per rouble is the lowest at this budget).
    AtMin,
    /// Held at its upper bound (its return per rouble is the highest at this budget).
    AtMax,
    /// More than today: a higher return per rouble than the others at this budget.
    HigherReturn,
    /// Less than today: a lower return per rouble than the others at this budget.
    LowerReturn,
    /// As today.
    Unchanged,
}

/// A channel's default bounds (domain.md): 0.5× and 2× its spend_today, for a channel with a curve
/// and spend_today > 0; `None` otherwise (such a channel has no default bounds).
pub fn default_bounds(e: &ChannelEconomics) -> Option<(f64, f64)> {
    let today = e.spend_today.filter(|t| *t > 0.0 && t.is_finite() && e.curve.is_some())?;
    Some((0.5 * today, 2.0 * today))
}

/// Whether each bound of a channel is a default one (which [`fit_bounds`] may scale) or set.
type DefaultBounds = [bool; 2];

/// The solver's items for the channels: k = value·a, and the bounds (domain.md): --min/--max where
/// given, else for a channel with spend_today > 0 (and without `free`) 0.5× and 2× spend_today; a
/// default bound gives way to a set bound on the other side (a --max below half of today's spend
/// is also the minimum). A channel with no curve gets money only through --min (hi = lo).
fn items(econ: &[ChannelEconomics], opts: &AllocOptions) -> Result<(Vec<Item>, Vec<DefaultBounds>), AllocError> {
    bound(&opts.min, econ)?;
    bound(&opts.max, econ)?;
    econ.iter()
        .map(|e| {
            let set_lo = opts.min.get(&e.channel).copied();
            let set_hi = opts.max.get(&e.channel).copied();
            let (lo, hi) = (set_lo.unwrap_or(0.0), set_hi.unwrap_or(f64::INFINITY));
            if !(lo >= 0.0 && lo.is_finite() && hi >= lo) {
                return Err(AllocError::BadBounds { channel: e.channel.clone(), min: lo, max: hi });
            }
            let Some(c) = e.curve else { return Ok((Item { k: 0.0, b: 1.0, lo, hi: lo }, [false, false])) };
            let default = default_bounds(e).filter(|_| !opts.free);
            let lo = set_lo.or(default.map(|d| d.0.min(hi))).unwrap_or(0.0);
            let hi = set_hi.or(default.map(|d| d.1.max(lo))).unwrap_or(f64::INFINITY);
            let k = c.a * e.value_per_lead.unwrap_or(0.0);
            Ok((
                Item { k, b: c.b, lo, hi },
                [set_lo.is_none() && default.is_some(), set_hi.is_none() && default.is_some()],
            ))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(|v| v.into_iter().unzip())
}

/// Which way [`fit_bounds`] scaled the default bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scaled {
    Down,
    Up,
}

/// The solver's items after [`fit_bounds`]: which channels it scaled, and which way.
type Fitted = (Vec<Item>, Vec<usize>, Option<Scaled>);

/// Default bounds the budget cannot meet are scaled to it (domain.md): below Σ min every channel
/// gets its min × budget / Σ min, above Σ max (when every productive channel has a max) its
/// max × budget / Σ max. Bounds the user set stay as they are, the default ones share what is left;
/// when the set bounds alone cannot be met, that is an error saying so. Returns the items with the
/// scaled channels fixed at their scaled bound, and which channels were scaled.
fn fit_bounds(items: &[Item], default: &[DefaultBounds], budget: f64, scope: &str) -> Result<Fitted, AllocError> {
    let mut out = items.to_vec();
    let tol = 1e-12 * budget.abs().max(1.0);
    let lo_total: f64 = items.iter().map(|i| i.lo).sum();
    if lo_total > budget + tol {
        let scaled: Vec<usize> = (0..items.len()).filter(|&i| default[i][0] && items[i].lo > 0.0).collect();
        let movable: f64 = scaled.iter().map(|&i| items[i].lo).sum();
        let set = lo_total - movable;
        if scaled.is_empty() || set > budget + tol {
            return Err(AllocError::MinAboveBudget { scope: scope.into(), min_total: set, budget });
        }
        let f = (budget - set).max(0.0) / movable;
        for &i in &scaled {
            out[i].lo *= f;
            out[i].hi = out[i].lo;
        }
        return Ok((out, scaled, Some(Scaled::Down)));
    }
    let hi_total: f64 = items.iter().map(|i| i.hi).sum();
    if hi_total < budget - tol {
        let scaled: Vec<usize> = (0..items.len()).filter(|&i| default[i][1] && items[i].hi > 0.0).collect();
        let movable: f64 = scaled.iter().map(|&i| items[i].hi).sum();
        if scaled.is_empty() {
            return Err(AllocError::MaxBelowBudget { scope: scope.into(), max_total: hi_total, budget });
        }
        let f = (budget - (hi_total - movable)) / movable;
        for &i in &scaled {
            out[i].hi *= f;
            out[i].lo = out[i].hi;
        }
        return Ok((out, scaled, Some(Scaled::Up)));
    }
    Ok((out, Vec::new(), None))
}

/// Tier budgets: share × budget, a tier without channels giving its part to the others in
/// proportion to their shares (the plan builder's rule).
fn tier_budgets(econ: &[ChannelEconomics], budget: f64, shares: [f64; 3]) -> Result<[f64; 3], AllocError> {
    if shares.iter().any(|s| !(s.is_finite() && *s >= 0.0)) || (shares.iter().sum::<f64>() - 1.0).abs() > 1e-9 {
        return Err(AllocError::BadTiers(shares));
    }
    let present: Vec<bool> = Tier::ALL.iter().map(|t| econ.iter().any(|e| e.tier == *t)).collect();
    let kept: f64 = (0..3).filter(|&i| present[i]).map(|i| shares[i]).sum();
    if kept <= 0.0 {
        return Err(AllocError::NoChannels);
    }
    Ok([0, 1, 2].map(|i| if present[i] { budget * shares[i] / kept } else { 0.0 }))
}

/// Splits the monthly budget over the project's channels (curves fitted over the filter's
/// period; see [`channel_economics`]).
pub fn allocate(project: &Project, filter: &Filter, opts: &AllocOptions) -> Result<Allocation, AllocError> {
    let (econ, notices) = channel_economics(project, filter);
    allocate_channels(&econ, opts, notices)
}

/// Splits the monthly budget over channels whose economics are already known.
pub fn allocate_channels(
    econ: &[ChannelEconomics],
    opts: &AllocOptions,
    mut notices: Vec<Notice>,
) -> Result<Allocation, AllocError> {
    if !(opts.budget.is_finite() && opts.budget >= 0.0) {
        return Err(AllocError::BadBudget(opts.budget));
    }
    let (items, default) = items(econ, opts)?;
    let mut spend = vec![0.0; econ.len()];
    let mut marginal_return = Vec::new();
    // Per channel: how fit_bounds moved its bound, if it did.
    let mut moved: Vec<Option<Why>> = vec![None; econ.len()];
    let names = |idx: &[usize]| idx.iter().map(|&i| econ[i].channel.clone()).collect::<Vec<_>>();
    let mut tier_without_channels = false;
    match opts.tiers {
        None => {
            let (fitted, scaled, how) = fit_bounds(&items, &default, opts.budget, "budget")?;
            if let Some(how) = how {
                let (why, notice) = match how {
                    Scaled::Down => (Why::ScaledDown, Notice::BudgetBelowBounds(names(&scaled))),
                    Scaled::Up => (Why::ScaledUp, Notice::BudgetAboveBounds(names(&scaled))),
                };
                notices.push(notice);
                for &i in &scaled {
                    moved[i] = Some(why);
                }
            }
            let (s, lam) = solve(&fitted, opts.budget, "budget")?;
            spend = s;
            marginal_return.push(lam);
        }
        Some(shares) => {
            let budgets = tier_budgets(econ, opts.budget, shares)?;
            let mut pushed = Vec::new();
            for (t, tier) in Tier::ALL.iter().enumerate() {
                let idx: Vec<usize> = (0..econ.len()).filter(|&i| econ[i].tier == *tier).collect();
                let sub: Vec<Item> = idx.iter().map(|&i| items[i]).collect();
                let sub_default: Vec<DefaultBounds> = idx.iter().map(|&i| default[i]).collect();
                let scope = format!("tier {}", tier.key());
                let (fitted, scaled, _) = fit_bounds(&sub, &sub_default, budgets[t], &scope)?;
                for &k in &scaled {
                    moved[idx[k]] = Some(Why::TierSplit);
                    pushed.push(idx[k]);
                }
                let (s, lam) = solve(&fitted, budgets[t], &scope)?;
                for (k, &i) in idx.iter().enumerate() {
                    spend[i] = s[k];
                }
                marginal_return.push(lam);
            }
            if !pushed.is_empty() {
                notices.push(Notice::SplitWins(names(&pushed)));
            }
            tier_without_channels = shares.iter().zip(&budgets).any(|(s, b)| *s > 0.0 && *b == 0.0);
            if tier_without_channels {
                notices.push(Notice::TierWithoutChannels);
            }
        }
    }
    let mut warnings = Vec::new();
    let mut channels = Vec::with_capacity(econ.len());
    for (i, (e, s)) in econ.iter().zip(&spend).enumerate() {
        let extrapolated = *s > 2.0 * e.max_monthly_spend;
        if extrapolated {
            warnings.push(Notice::Extrapolated {
                channel: e.channel.clone(),
                proposal: *s,
                max_spend: e.max_monthly_spend,
            });
        }
        let at = |s: f64| Outlook::of(e, e.curve.as_ref(), s);
        let now = e.spend_today.map(at);
        let new = at(*s);
        channels.push(ChannelAllocation {
            channel: e.channel.clone(),
            tier: e.tier,
            a: e.curve.map(|c| c.a),
            b: e.curve.map(|c| c.b),
            months_used: e.months_used,
            fit: e.fit,
            value_per_lead: e.value_per_lead,
            spend_today: e.spend_today,
            min: items[i].lo,
            max: Some(items[i].hi).filter(|h| h.is_finite()),
            spend: *s,
            why: moved[i].unwrap_or_else(|| why(e, &items[i], *s)),
            leads: new.leads,
            visits: new.visits,
            paid: new.paid,
            revenue: new.revenue,
            gross_profit: new.gross_profit,
            romi: new.romi,
            leads_today: now.as_ref().and_then(|o| o.leads),
            revenue_today: now.as_ref().and_then(|o| o.revenue),
            gross_profit_today: now.as_ref().and_then(|o| o.gross_profit),
            romi_today: now.as_ref().and_then(|o| o.romi),
            extrapolated,
        });
    }
    let today: Vec<f64> =
        econ.iter().map(|e| if e.curve.is_some() { e.spend_today.unwrap_or(0.0) } else { 0.0 }).collect();
    Ok(Allocation {
        budget: opts.budget,
        tiers: opts.tiers,
        objective: objective(&items, &spend),
        objective_today: objective(&items, &today),
        channels,
        marginal_return,
        notices,
        warnings,
        tier_without_channels,
    })
}

/// Why an unscaled channel got `s`: no curve, at a bound, or above or below today's spend.
fn why(e: &ChannelEconomics, item: &Item, s: f64) -> Why {
    let same = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    let today = e.spend_today.unwrap_or(0.0);
    if e.curve.is_none() {
        Why::NoCurve
    } else if same(s, today) {
        Why::Unchanged
    } else if item.lo > 0.0 && same(s, item.lo) {
        Why::AtMin
    } else if item.hi.is_finite() && same(s, item.hi) {
        Why::AtMax
    } else if s > today {
        Why::HigherReturn
    } else {
        Why::LowerReturn
    }
}

/// What one channel brings at a monthly spend, by its curve.
struct Outlook {
    leads: Option<f64>,
    visits: Option<f64>,
    paid: Option<f64>,
    revenue: Option<f64>,
    gross_profit: Option<f64>,
    romi: Option<f64>,
}

impl Outlook {
    fn of(e: &ChannelEconomics, curve: Option<&Curve>, s: f64) -> Self {
        let leads = curve.map(|c| c.leads(s));
        let per = |x: Option<f64>| leads.zip(x).map(|(l, x)| l * x);
        let gross_profit = per(e.value_per_lead);
        Outlook {
            leads,
            visits: per(e.visits_per_lead),
            paid: per(e.paid_per_lead),
            revenue: per(e.revenue_per_lead),
            gross_profit,
            romi: gross_profit.filter(|_| s > 0.0).map(|g| (g - s) / s),
        }
    }
}

/// The answer to "which monthly budget reaches the revenue target".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BudgetForRevenue {
    /// The monthly clinic revenue to reach.
    pub target_revenue: f64,
    /// Monthly revenue the curves do not explain (clinic revenue minus the attributed revenue of
    /// channels with a curve, per month of the period): it stays whatever the budget.
    pub other_revenue: f64,
    /// Whether some budget reaches the target.
    pub reachable: bool,
    /// The smallest monthly budget whose optimal allocation reaches the target (`null` when
    /// unreachable).
    pub budget: Option<f64>,
    /// Revenue at that budget (or at the largest budget tried when unreachable).
    pub revenue: f64,
    /// The allocation at that budget (or at the largest budget tried).
    pub allocation: Allocation,
    /// Why the target cannot be reached, when it cannot.
    pub message: Option<Notice>,
}

/// Monthly revenue of an allocation: attributed revenue of the channels with a curve plus the rest.
fn revenue_of(a: &Allocation, other: f64) -> f64 {
    other + a.channels.iter().filter_map(|c| c.revenue).sum::<f64>()
}

/// Finds the monthly budget whose optimal allocation (under `opts`' bounds and tier split; its
/// `budget` is ignored) yields monthly revenue = attributed revenue of the allocated channels + the
/// rest of the clinic's revenue = `target`, by bisection on the budget (revenue rises with the
/// budget, since every channel's optimal spend does). Unreachable when the channels' maximums cap
/// the budget below it, or when even 1000 × today's budget is not enough (curves saturate).
pub fn budget_for_revenue(
    project: &Project,
    filter: &Filter,
    target: f64,
    opts: &AllocOptions,
) -> Result<BudgetForRevenue, AllocError> {
    let (econ, notices) = channel_economics(project, filter);
    let period =
        Filter { from: filter.from, to: filter.to, direction: None, channel: None, branch: filter.branch.clone() };
    let kpis = metrics::compute(project, &period);
    let months = kpis.months.len().max(1) as f64;
    let curved_revenue: f64 = econ.iter().filter(|e| e.curve.is_some()).map(|e| e.attributed_revenue).sum();
    let other = (kpis.total.kpis.revenue.unwrap_or(0.0) - curved_revenue) / months;
    let run = |b: f64| allocate_channels(&econ, &AllocOptions { budget: b, ..opts.clone() }, notices.clone());

    let floor: f64 = econ.iter().map(|e| opts.min.get(&e.channel).copied().unwrap_or(0.0)).sum();
    let ceiling: f64 = econ
        .iter()
        .map(|e| match e.curve {
            Some(_) => opts.max.get(&e.channel).copied().unwrap_or(f64::INFINITY),
            None => opts.min.get(&e.channel).copied().unwrap_or(0.0),
        })
        .sum();
    let today: f64 = econ.iter().filter_map(|e| e.spend_today).sum();
    let limit = ceiling.min(1000.0 * today.max(floor).max(1.0));

    let low = run(floor)?;
    if revenue_of(&low, other) >= target {
        let revenue = revenue_of(&low, other);
        return Ok(BudgetForRevenue {
            target_revenue: target,
            other_revenue: other,
            reachable: true,
            budget: Some(floor),
            revenue,
            allocation: low,
            message: None,
        });
    }
    // Grow the budget until it reaches the target or the limit.
    let mut lo = floor;
    let mut hi = today.max(floor).max(1.0);
    loop {
        hi = hi.min(limit);
        let a = run(hi)?;
        if revenue_of(&a, other) >= target {
            break;
        }
        if hi >= limit {
            let revenue = revenue_of(&a, other);
            let why = if ceiling <= limit {
                Notice::CappedByMaximums { budget: hi, revenue }
            } else {
                Notice::Saturated { budget: hi, revenue }
            };
            return Ok(BudgetForRevenue {
                target_revenue: target,
                other_revenue: other,
                reachable: false,
                budget: None,
                revenue,
                allocation: a,
                message: Some(why),
            });
        }
        lo = hi;
        hi *= 2.0;
    }
    for _ in 0..200 {
        let mid = lo + (hi - lo) / 2.0;
        if mid <= lo || mid >= hi || hi - lo <= 1e-10 * hi {
            break;
        }
        if revenue_of(&run(mid)?, other) >= target {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let a = run(hi)?;
    Ok(BudgetForRevenue {
        target_revenue: target,
        other_revenue: other,
        reachable: true,
        budget: Some(hi),
        revenue: revenue_of(&a, other),
        allocation: a,
        message: None,
    })
}

#[cfg(test)]
pub(crate) mod tests;
