//! Levers and scenarios: what-if, the lever ranking and goal seek (domain.md, "Levers and
//! scenarios"), plus the CLI's value parsers.
//!
//! The model works on the period's funnel cells: one per channel and direction of the Directions
//! sheet, plus one per channel for leads with a blank or unknown direction (the channel's totals
//! minus its directions). Attributed revenue of a cell is the product
//! leads × booking_rate × show_rate × paid_rate × revenue_per_paid, so a lever change of x
//! multiplies it by 1 + x; the stage counts are scaled the same way (visits by the first three
//! factors, paid by the first four), which stays right even where a rate is undefined. Changes are
//! applied as differences to the period's KPIs, so a change of +0 % gives the base exactly.

use serde::Serialize;
use thiserror::Error;

use super::curve::{ChannelEconomics, channel_economics};
use crate::metrics::{self, Factor, Filter, Owner};
use crate::model::{Lever, LeverChange, Project, Scenario};

impl Lever {
    /// Every lever: the five funnel factors, then the two that move LTV only.
    pub const ALL: [Lever; 7] = [
        Lever::Leads,
        Lever::BookingRate,
        Lever::ShowRate,
        Lever::PaidRate,
        Lever::RevenuePerPaid,
        Lever::AvgCheck,
        Lever::VisitsPerPatient,
    ];

    /// The five funnel levers, in funnel order (attributed revenue is their product).
    pub const FUNNEL: [Lever; 5] =
        [Lever::Leads, Lever::BookingRate, Lever::ShowRate, Lever::PaidRate, Lever::RevenuePerPaid];

    /// The JSON / CLI key (the [`Factor`] keys, plus `avg_check` and `visits_per_patient`).
    pub fn key(self) -> &'static str {
        match self {
            Lever::Leads => "leads",
            Lever::BookingRate => "booking_rate",
            Lever::ShowRate => "show_rate",
            Lever::PaidRate => "paid_rate",
            Lever::RevenuePerPaid => "revenue_per_paid",
            Lever::AvgCheck => "avg_check",
            Lever::VisitsPerPatient => "visits_per_patient",
        }
    }

    /// The lever named by `key` (case-insensitive, `-` read as `_`).
    pub fn parse(key: &str) -> Option<Lever> {
        let k = key.trim().to_lowercase().replace('-', "_");
        Lever::ALL.into_iter().find(|l| l.key() == k)
    }

    /// The funnel factor this lever is, if it is one.
    pub fn factor(self) -> Option<Factor> {
        Factor::ALL.into_iter().find(|f| f.key() == self.key())
    }

    /// Who owns the lever (responsibility map): check size and repeat visits are the doctors'.
    pub fn owner(self) -> Owner {
        self.factor().map_or(Owner::Doctors, Factor::owner)
    }

    /// Whether the lever moves only LTV (not revenue, profit or spend).
    pub fn ltv_only(self) -> bool {
        matches!(self, Lever::AvgCheck | Lever::VisitsPerPatient)
    }
}

impl From<Factor> for Lever {
    fn from(f: Factor) -> Lever {
        match f {
            Factor::Leads => Lever::Leads,
            Factor::BookingRate => Lever::BookingRate,
            Factor::ShowRate => Lever::ShowRate,
            Factor::PaidRate => Lever::PaidRate,
            Factor::RevenuePerPaid => Lever::RevenuePerPaid,
        }
    }
}

/// How extra leads are paid for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadCost {
    /// At the channel's current CPL: Δspend = x × spend (a channel with no spend has CPL 0).
    #[default]
    Cpl,
    /// Along the channel's response curve: monthly spend (leads/a)^(1/b).
    Curve,
}

/// Why a scenario or a goal seek cannot be computed.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum LeverError {
    /// A change is not a number or would take the lever to zero or below.
    #[error("{lever}: a change of {change} is not possible (it must be a number above −100 %)")]
    BadChange {
        /// The lever key.
        lever: &'static str,
        /// The change given.
        change: f64,
    },
    /// The scope names a channel the project does not have.
    #[error("unknown channel «{0}»")]
    UnknownChannel(String),
    /// The scope names a direction not on the Directions sheet.
    #[error("unknown direction «{0}» (not on the Directions sheet)")]
    UnknownDirection(String),
    /// Both a channel and a direction were given.
    #[error("a lever change applies to the clinic, one channel or one direction, not both a channel and a direction")]
    BothScopes,
    /// LTV levers have no per-channel figure.
    #[error("{0} applies to the clinic or a direction, not to a channel")]
    LtvLeverOnChannel(&'static str),
    /// The lever does not move revenue there (an LTV lever, or no attributed revenue in scope).
    #[error("{0} does not move revenue here (no attributed revenue in its scope, or an LTV-only lever)")]
    NoRevenue(String),
    /// The target would need the lever(s) at zero or below.
    #[error("the target cannot be reached: it would need the lever(s) at −100 % or below")]
    Unreachable,
    /// A bad revenue target.
    #[error("the revenue target must be a finite number, got {0}")]
    BadTarget(f64),
}

/// The clinic's figures over the period (before or after a scenario). Money is over the whole
/// period; `months` says how many months it covers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    /// Months in the period (months with any data).
    pub months: usize,
    /// Clinic revenue (Revenue sheet); after = before + Δ attributed revenue.
    pub revenue: Option<f64>,
    /// Revenue of new patients the funnel explains.
    pub attributed_revenue: Option<f64>,
    /// Clinic gross profit (Revenue × margin); after = before + Δ attributed gross profit.
    pub gross_profit: Option<f64>,
    /// Σ channels attributed revenue × margin.
    pub attributed_gross_profit: Option<f64>,
    /// Marketing spend.
    pub spend: Option<f64>,
    /// Fixed costs of the period's months as far as they have happened: Settings.fixed_costs for
    /// each complete month, by weight share for the month in progress, none for future months.
    pub fixed_costs: f64,
    /// The clinic's profit: gross_profit − spend − fixed_costs (domain.md, "Levers and scenarios").
    pub profit: Option<f64>,
    /// Leads.
    pub leads: Option<f64>,
    /// New patients who came.
    pub visits: Option<f64>,
    /// New patients who paid.
    pub paid: Option<f64>,
    /// (attributed_gross_profit − spend) / spend.
    pub romi: Option<f64>,
    /// spend / visits.
    pub cac: Option<f64>,
    /// Clinic LTV: the directions' LTV weighted by their new patients (visits); before a scenario
    /// it is `kpi`'s `total.ltv`.
    pub ltv: Option<f64>,
    /// ltv / cac: before a scenario, the clinic's one LTV:CAC (`kpi`'s `total.ltv_to_cac`).
    pub ltv_to_cac: Option<f64>,
}

/// A scenario's effect: `{"before": {...}, "after": {...}, "levers": [...]}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcome {
    /// The period as it was.
    pub before: Snapshot,
    /// The period with the levers changed.
    pub after: Snapshot,
    /// The changes applied.
    pub levers: Vec<LeverChange>,
    /// How extra leads were paid for.
    pub lead_cost: LeadCost,
    /// Results to read with care (a conversion rate above 100 %).
    pub warnings: Vec<RateWarning>,
}

/// A channel's conversion rate that a what-if pushes above 100 %: a result to read with care.
/// Worded by `i18n` (its `Display` is the English sentence, which the JSON carries).
#[derive(Clone, Debug, PartialEq)]
pub struct RateWarning {
    /// The channel.
    pub channel: String,
    /// The rate (booking, show or paid).
    pub rate: Factor,
    /// The rate after the change, in percent (above 100).
    pub percent: f64,
}

impl Serialize for RateWarning {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One row of the lever ranking.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LeverGain {
    /// The lever key.
    pub lever: Lever,
    /// Who owns it.
    pub owner: Owner,
    /// The change tried (0.1 = +10 %).
    pub change: f64,
    /// Δ revenue over the period.
    pub revenue_gain: f64,
    /// Δ spend over the period (extra leads cost money).
    pub spend_change: f64,
    /// Δ profit over the period: Δ attributed gross profit − Δ spend (`null` without margins).
    pub profit_gain: Option<f64>,
    /// profit_gain / months.
    pub profit_gain_per_month: Option<f64>,
}

/// The revenue a goal seek aims at.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RevenueTarget {
    /// The clinic's revenue over the period × (1 + x): the levers must add x × revenue to the
    /// attributed revenue, i.e. raise it by Xa = x × revenue / attributed_revenue (so one funnel
    /// lever clinic-wide needs exactly +Xa, all five evenly (1 + Xa)^(1/5) − 1).
    Growth(f64),
    /// Clinic revenue over the period reaches this amount (Δ attributed = amount − revenue).
    Revenue(f64),
}

/// Which lever(s) a goal seek moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeekLevers {
    /// One lever.
    One(Lever),
    /// All five funnel levers by the same percentage.
    Even,
}

impl Snapshot {
    /// A money figure of the period per month (÷ [`Snapshot::months`]); `None` without the figure
    /// or without months.
    pub fn per_month(&self, x: Option<f64>) -> Option<f64> {
        x.filter(|_| self.months > 0).map(|v| v / self.months as f64)
    }
}

/// The answer of a goal seek.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalSeek {
    /// The target as given: the growth fraction, or the revenue amount.
    pub target: f64,
    /// `growth` or `revenue`.
    pub target_kind: &'static str,
    /// Clinic revenue over the period the target means.
    pub target_revenue: Option<f64>,
    /// Attributed revenue over the period the target means.
    pub target_attributed_revenue: Option<f64>,
    /// The lever moved (`null` when all five move evenly).
    pub lever: Option<Lever>,
    /// Whether all five funnel levers move by the same percentage.
    pub even: bool,
    /// The levers moved.
    pub levers: Vec<Lever>,
    /// The owner of the lever (`null` when even).
    pub owner: Option<Owner>,
    /// Only this channel, when set.
    pub channel: Option<String>,
    /// Only this direction, when set.
    pub direction: Option<String>,
    /// The change each moved lever needs (0.1 = +10 %).
    pub required_change: f64,
    /// Xa: how much the attributed revenue must rise for the target (the money to add / the
    /// attributed revenue); `null` without attributed revenue.
    pub attributed_rise: Option<f64>,
    /// The period as it is.
    pub before: Snapshot,
    /// The period with the required change applied.
    pub after: Snapshot,
}

impl GoalSeek {
    /// How much the clinic's revenue must rise for the target: target / revenue now − 1; `None`
    /// without revenue now.
    pub fn clinic_rise(&self) -> Option<f64> {
        self.target_revenue.zip(self.before.revenue).and_then(|(t, r)| (r != 0.0).then(|| t / r - 1.0))
    }
}

/// One funnel cell: a channel × direction (or the channel's leads without a known direction).
#[derive(Clone, Debug, Default)]
struct Cell {
    channel: usize,
    /// Index on the Directions sheet; `None` for the rest.
    direction: Option<usize>,
    spend: f64,
    leads: f64,
    bookings: f64,
    visits: f64,
    paid: f64,
    revenue: f64,
    agp: f64,
}

/// Differences a scenario makes, over the period.
#[derive(Clone, Debug, Default)]
struct Delta {
    spend: f64,
    leads: f64,
    visits: f64,
    paid: f64,
    revenue: f64,
    agp: f64,
    ltv: Option<f64>,
    warnings: Vec<RateWarning>,
}

/// The period's funnel, ready for scenarios. Build once, apply many scenarios.
#[derive(Clone, Debug)]
pub struct Base {
    channels: Vec<String>,
    directions: Vec<String>,
    cells: Vec<Cell>,
    before: Snapshot,
    has_margins: bool,
    /// Per direction: LTV before.
    dir_ltv: Vec<Option<f64>>,
    econ: Vec<ChannelEconomics>,
}

fn v(x: Option<f64>) -> f64 {
    x.unwrap_or(0.0)
}

fn ratio(n: Option<f64>, d: Option<f64>) -> Option<f64> {
    let (n, d) = (n?, d?);
    (d != 0.0).then(|| n / d).filter(|r| r.is_finite())
}

impl Base {
    /// The funnel of the filter's period (only `from`/`to` are used: scenarios scope themselves).
    pub fn new(project: &Project, filter: &Filter) -> Self {
        let period =
            Filter { from: filter.from, to: filter.to, direction: None, channel: None, branch: filter.branch.clone() };
        let kpis = metrics::compute(project, &period);
        let t = &kpis.total.kpis;
        let mut cells = Vec::new();
        let mut rest: Vec<Cell> = kpis
            .channels
            .iter()
            .enumerate()
            .map(|(c, k)| Cell {
                channel: c,
                direction: None,
                spend: v(k.spend),
                leads: v(k.leads),
                bookings: v(k.bookings),
                visits: v(k.visits),
                paid: v(k.paid),
                revenue: v(k.attributed_revenue),
                agp: v(k.attributed_gross_profit),
            })
            .collect();
        for (d, dir) in project.directions.iter().enumerate() {
            let f = Filter { direction: Some(dir.name.clone()), ..period.clone() };
            let dk = metrics::compute(project, &f);
            for (c, k) in dk.channels.iter().enumerate() {
                let cell = Cell {
                    channel: c,
                    direction: Some(d),
                    spend: v(k.spend),
                    leads: v(k.leads),
                    bookings: v(k.bookings),
                    visits: v(k.visits),
                    paid: v(k.paid),
                    revenue: v(k.attributed_revenue),
                    agp: v(k.attributed_gross_profit),
                };
                if let Some(r) = rest.get_mut(c) {
                    r.spend -= cell.spend;
                    r.leads -= cell.leads;
                    r.bookings -= cell.bookings;
                    r.visits -= cell.visits;
                    r.paid -= cell.paid;
                    r.revenue -= cell.revenue;
                    r.agp -= cell.agp;
                }
                cells.push(cell);
            }
        }
        cells.extend(rest);
        let months = kpis.months.len();
        let asof = crate::metrics::asof::AsOf::of(project);
        let fixed_costs = kpis.months.iter().map(|m| asof.fixed_costs(&project.settings, m.month)).sum();
        let dir_ltv: Vec<Option<f64>> = project
            .directions
            .iter()
            .map(|d| kpis.directions.iter().find(|k| k.direction == d.name).and_then(|k| k.ltv))
            .collect();
        let has_margins = t.attributed_gross_profit.is_some();
        let mut base = Base {
            channels: kpis.channels.iter().map(|c| c.channel.clone()).collect(),
            directions: project.directions.iter().map(|d| d.name.clone()).collect(),
            cells,
            before: Snapshot {
                months,
                revenue: t.revenue,
                attributed_revenue: t.attributed_revenue,
                gross_profit: t.gross_profit,
                attributed_gross_profit: t.attributed_gross_profit,
                spend: t.spend,
                fixed_costs,
                profit: None,
                leads: t.leads,
                visits: t.visits,
                paid: t.paid,
                romi: t.romi,
                cac: t.cac,
                ltv: None,
                ltv_to_cac: None,
            },
            has_margins,
            dir_ltv,
            econ: channel_economics(project, &period).0,
        };
        base.before.ltv = kpis.total.ltv;
        base.before.ltv_to_cac = kpis.total.ltv_to_cac;
        base.before.profit = base.profit(t.gross_profit, t.spend);
        base
    }

    /// The period's figures as they are.
    pub fn before(&self) -> &Snapshot {
        &self.before
    }

    /// Number of months in the period.
    pub fn months(&self) -> usize {
        self.before.months
    }

    /// The clinic's profit: gross profit (all of the clinic's takings × margin) − spend − fixed costs.
    /// A period without spend rows has spent nothing.
    fn profit(&self, gross_profit: Option<f64>, spend: Option<f64>) -> Option<f64> {
        Some(gross_profit? - spend.unwrap_or(0.0) - self.before.fixed_costs).filter(|p| p.is_finite())
    }

    /// Clinic LTV from direction LTVs scaled by `mult`, weighted by direction visits + `dvisits`.
    fn ltv_with(&self, mult: &[f64], dvisits: &[f64]) -> Option<f64> {
        let mut w = vec![0.0; self.directions.len()];
        for c in &self.cells {
            if let Some(d) = c.direction {
                w[d] += c.visits;
            }
        }
        let terms: Vec<(f64, f64)> =
            self.dir_ltv.iter().enumerate().filter_map(|(d, l)| l.map(|l| (l * mult[d], w[d] + dvisits[d]))).collect();
        if terms.is_empty() {
            return None;
        }
        let wsum: f64 = terms.iter().map(|t| t.1).sum();
        let r = if wsum > 0.0 {
            terms.iter().map(|(l, w)| l * w).sum::<f64>() / wsum
        } else {
            terms.iter().map(|t| t.0).sum::<f64>() / terms.len() as f64
        };
        r.is_finite().then_some(r)
    }

    fn check(&self, ch: &LeverChange) -> Result<(), LeverError> {
        if !(ch.change.is_finite() && ch.change > -1.0) {
            return Err(LeverError::BadChange { lever: ch.lever.key(), change: ch.change });
        }
        if ch.channel.is_some() && ch.direction.is_some() {
            return Err(LeverError::BothScopes);
        }
        if let Some(c) = &ch.channel {
            if ch.lever.ltv_only() {
                return Err(LeverError::LtvLeverOnChannel(ch.lever.key()));
            }
            if !self.channels.contains(c) {
                return Err(LeverError::UnknownChannel(c.clone()));
            }
        }
        if let Some(d) = ch.direction.as_ref().filter(|d| !self.directions.contains(d)) {
            return Err(LeverError::UnknownDirection(d.clone()));
        }
        Ok(())
    }

    fn covers(&self, ch: &LeverChange, cell: &Cell) -> bool {
        ch.channel.as_ref().is_none_or(|c| self.channels[cell.channel] == *c)
            && ch.direction.as_ref().is_none_or(|d| cell.direction.is_some_and(|i| self.directions[i] == *d))
    }

    /// The differences `changes` make. Changes of the same lever whose scopes overlap compound.
    fn delta(&self, changes: &[LeverChange], cost: LeadCost) -> Result<Delta, LeverError> {
        for ch in changes {
            self.check(ch)?;
        }
        let mut d = Delta::default();
        let nc = self.channels.len();
        let mut dleads_channel = vec![0.0; nc];
        // Per channel after-scenario counts, to warn about rates above 100 %.
        let mut after = vec![[0.0_f64; 4]; nc];
        let mut dir_visits = vec![0.0; self.directions.len()];
        for cell in &self.cells {
            let mut m = [1.0_f64; 5];
            for ch in changes.iter().filter(|ch| self.covers(ch, cell)) {
                if let Some(i) = Lever::FUNNEL.iter().position(|l| *l == ch.lever) {
                    m[i] *= 1.0 + ch.change;
                }
            }
            let to_visits = m[0] * m[1] * m[2];
            let to_paid = to_visits * m[3];
            let to_revenue = to_paid * m[4];
            let dl = cell.leads * (m[0] - 1.0);
            d.leads += dl;
            d.visits += cell.visits * (to_visits - 1.0);
            d.paid += cell.paid * (to_paid - 1.0);
            d.revenue += cell.revenue * (to_revenue - 1.0);
            d.agp += cell.agp * (to_revenue - 1.0);
            if let Some(i) = cell.direction {
                dir_visits[i] += cell.visits * (to_visits - 1.0);
            }
            dleads_channel[cell.channel] += dl;
            if cost == LeadCost::Cpl {
                d.spend += cell.spend * (m[0] - 1.0);
            }
            let a = &mut after[cell.channel];
            a[0] += cell.leads * m[0];
            a[1] += cell.bookings * m[0] * m[1];
            a[2] += cell.visits * to_visits;
            a[3] += cell.paid * to_paid;
        }
        if cost == LeadCost::Curve {
            for (c, dl) in dleads_channel.iter().enumerate() {
                d.spend += self.curve_cost(c, *dl);
            }
        }
        for (c, a) in after.iter().enumerate() {
            for (rate, n, den) in
                [(Factor::BookingRate, a[1], a[0]), (Factor::ShowRate, a[2], a[1]), (Factor::PaidRate, a[3], a[2])]
            {
                if den > 0.0 && n > den * (1.0 + 1e-12) {
                    d.warnings.push(RateWarning { channel: self.channels[c].clone(), rate, percent: n / den * 100.0 });
                }
            }
        }
        // LTV: avg_check and visits_per_patient scale the directions' LTV.
        let mut mult = vec![1.0; self.directions.len()];
        for ch in changes.iter().filter(|ch| ch.lever.ltv_only()) {
            for (i, name) in self.directions.iter().enumerate() {
                if ch.direction.as_ref().is_none_or(|d| d == name) {
                    mult[i] *= 1.0 + ch.change;
                }
            }
        }
        d.ltv = self.ltv_with(&mult, &dir_visits);
        Ok(d)
    }

    /// Extra spend over the period for `dl` extra leads of channel `c` along its curve: each month
    /// with spend buys its share, Δs = m·[(L̄ + dl/m)/a)^(1/b) − (L̄/a)^(1/b)], L̄ = leads / m.
    /// A channel without a curve (no spend) buys leads for nothing, as at its CPL of 0.
    fn curve_cost(&self, c: usize, dl: f64) -> f64 {
        let Some(e) = self.econ.get(c).filter(|_| dl != 0.0) else { return 0.0 };
        let Some(curve) = e.curve else { return 0.0 };
        let m = e.months_with_spend.max(1) as f64;
        let now = e.leads / m;
        match (curve.spend_for(now + dl / m), curve.spend_for(now)) {
            (Some(after), Some(before)) => m * (after - before),
            _ => 0.0,
        }
    }

    fn snapshot(&self, d: &Delta) -> Snapshot {
        let b = &self.before;
        let add = |x: Option<f64>, dx: f64| x.map(|x| x + dx).filter(|x| x.is_finite());
        let spend = add(b.spend, d.spend);
        let visits = add(b.visits, d.visits);
        let agp = add(b.attributed_gross_profit, d.agp);
        let gross_profit = add(b.gross_profit, d.agp);
        let cac = ratio(spend, visits);
        Snapshot {
            months: b.months,
            revenue: add(b.revenue, d.revenue),
            attributed_revenue: add(b.attributed_revenue, d.revenue),
            gross_profit,
            attributed_gross_profit: agp,
            spend,
            fixed_costs: b.fixed_costs,
            profit: self.profit(gross_profit, spend),
            leads: add(b.leads, d.leads),
            visits,
            paid: add(b.paid, d.paid),
            romi: ratio(agp.zip(spend).map(|(g, s)| g - s), spend),
            cac,
            ltv: d.ltv,
            ltv_to_cac: ratio(d.ltv, cac),
        }
    }

    /// The period before and after the lever changes.
    pub fn apply(&self, changes: &[LeverChange], cost: LeadCost) -> Result<Outcome, LeverError> {
        let d = self.delta(changes, cost)?;
        Ok(Outcome {
            before: self.before.clone(),
            after: self.snapshot(&d),
            levers: changes.to_vec(),
            lead_cost: cost,
            warnings: d.warnings,
        })
    }

    /// Every funnel lever changed by `change` (in the given scope), ranked by profit gained, best
    /// first (ties keep funnel order; `null` profit last). The LTV-only levers earn no profit in the
    /// period and are not ranked.
    pub fn rank(
        &self,
        change: f64,
        channel: Option<&str>,
        direction: Option<&str>,
        cost: LeadCost,
    ) -> Result<Vec<LeverGain>, LeverError> {
        let months = self.months();
        let mut out = Vec::new();
        for lever in Lever::FUNNEL {
            let ch = LeverChange {
                lever,
                change,
                channel: channel.map(str::to_string),
                direction: direction.map(str::to_string),
            };
            let d = self.delta(&[ch], cost)?;
            let profit_gain = self.has_margins.then_some(d.agp - d.spend);
            out.push(LeverGain {
                lever,
                owner: lever.owner(),
                change,
                revenue_gain: d.revenue,
                spend_change: d.spend,
                profit_gain,
                profit_gain_per_month: profit_gain.filter(|_| months > 0).map(|p| p / months as f64),
            });
        }
        out.sort_by(|a, b| match (a.profit_gain, b.profit_gain) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        Ok(out)
    }

    /// How much the lever (or all five evenly) must change, in the given scope, to reach the
    /// target. Solved by bisection on the scenario itself (attributed revenue rises with every
    /// funnel lever), to the last bit of the change.
    pub fn goal_seek(
        &self,
        target: RevenueTarget,
        levers: SeekLevers,
        channel: Option<&str>,
        direction: Option<&str>,
        cost: LeadCost,
    ) -> Result<GoalSeek, LeverError> {
        let moved: Vec<Lever> = match levers {
            SeekLevers::One(l) => vec![l],
            SeekLevers::Even => Lever::FUNNEL.to_vec(),
        };
        let changes = |x: f64| -> Vec<LeverChange> {
            moved
                .iter()
                .map(|&lever| LeverChange {
                    lever,
                    change: x,
                    channel: channel.map(str::to_string),
                    direction: direction.map(str::to_string),
                })
                .collect()
        };
        let attributed = v(self.before.attributed_revenue);
        let revenue = v(self.before.revenue);
        let (value, kind, need) = match target {
            RevenueTarget::Growth(x) => (x, "growth", revenue * x),
            RevenueTarget::Revenue(r) => (r, "revenue", r - revenue),
        };
        if !value.is_finite() {
            return Err(LeverError::BadTarget(value));
        }
        let label = match levers {
            SeekLevers::One(l) => l.key().to_string(),
            SeekLevers::Even => "all five levers".to_string(),
        };
        // Validates the scope, and gives the revenue the scope can lose at most.
        let gain = |x: f64| self.delta(&changes(x), cost).map(|d| d.revenue);
        let in_scope = -gain(-1.0 + f64::EPSILON)?.min(0.0);
        if moved.iter().any(|l| l.ltv_only()) || in_scope <= 0.0 {
            return Err(LeverError::NoRevenue(label));
        }
        let (mut lo, mut hi) = (-1.0_f64, 1.0_f64);
        if need <= -in_scope {
            return Err(LeverError::Unreachable);
        }
        let mut grown = 0;
        while gain(hi)? < need {
            lo = hi;
            hi *= 2.0;
            grown += 1;
            if grown > 2000 || !hi.is_finite() {
                return Err(LeverError::Unreachable);
            }
        }
        // Invariant: gain(lo) < need ≤ gain(hi) (gain(−1) = −in_scope < need).
        for _ in 0..3000 {
            let mid = lo + (hi - lo) / 2.0;
            if mid <= lo || mid >= hi {
                break;
            }
            if gain(mid)? < need {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let x = if lo > -1.0 && (need - gain(lo)?).abs() < (gain(hi)? - need).abs() { lo } else { hi };
        let outcome = self.apply(&changes(x), cost)?;
        Ok(GoalSeek {
            target: value,
            target_kind: kind,
            target_revenue: self.before.revenue.map(|r| r + need),
            target_attributed_revenue: self.before.attributed_revenue.map(|a| a + need),
            lever: match levers {
                SeekLevers::One(l) => Some(l),
                SeekLevers::Even => None,
            },
            even: levers == SeekLevers::Even,
            levers: moved.clone(),
            owner: match levers {
                SeekLevers::One(l) => Some(l.owner()),
                SeekLevers::Even => None,
            },
            channel: channel.map(str::to_string),
            direction: direction.map(str::to_string),
            required_change: x,
            attributed_rise: (attributed != 0.0).then(|| need / attributed).filter(|r| r.is_finite()),
            before: outcome.before,
            after: outcome.after,
        })
    }
}

/// A saved scenario applied to the project over the filter's period (extra leads at CPL).
pub fn apply_scenario(project: &Project, filter: &Filter, scenario: &Scenario) -> Result<Outcome, LeverError> {
    Base::new(project, filter).apply(&scenario.changes, LeadCost::Cpl)
}

/// Why a CLI value cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("cannot read «{value}»: {why}")]
pub struct ParseError {
    /// The value as given.
    pub value: String,
    /// What was expected.
    pub why: &'static str,
}

fn perr(value: &str, why: &'static str) -> ParseError {
    ParseError { value: value.to_string(), why }
}

/// An amount as users type it (`1 500 000`, `1,5 млн` is not accepted): the importer's number reader.
pub fn parse_number(s: &str) -> Option<f64> {
    crate::import::cells::parse_number(s).ok().flatten()
}

/// A relative change as [`crate::analysis::plan::parse_percent`] reads it: `+10%`, `-5 %`, `7,5%`,
/// a fraction `0.1`, or a bare number above 1 as a percent.
pub fn parse_change(s: &str) -> Result<f64, ParseError> {
    crate::analysis::plan::parse_percent(s).ok_or_else(|| perr(s, "expected a change such as +10% or -5%"))
}

/// `--lever LEVER[@channel:NAME|@direction:NAME]=CHANGE`, e.g. `show_rate=+10%`,
/// `leads@channel:Яндекс.Директ=+20%`.
pub fn parse_lever_change(s: &str) -> Result<LeverChange, ParseError> {
    let (lhs, change) = s.rsplit_once('=').ok_or_else(|| perr(s, "expected LEVER=CHANGE, e.g. show_rate=+10%"))?;
    let change = parse_change(change)?;
    let (name, scope) = match lhs.split_once('@') {
        Some((n, sc)) => (n, Some(sc)),
        None => (lhs, None),
    };
    let lever = Lever::parse(name).ok_or_else(|| {
        perr(s, "unknown lever (leads, booking_rate, show_rate, paid_rate, revenue_per_paid, avg_check, visits_per_patient)")
    })?;
    let (mut channel, mut direction) = (None, None);
    if let Some(sc) = scope {
        match sc.split_once(':') {
            Some(("channel", n)) if !n.trim().is_empty() => channel = Some(n.trim().to_string()),
            Some(("direction", n)) if !n.trim().is_empty() => direction = Some(n.trim().to_string()),
            _ => return Err(perr(s, "expected @channel:NAME or @direction:NAME after the lever")),
        }
    }
    Ok(LeverChange { lever, change, channel, direction })
}

/// `--min CH=N` / `--max CH=N`: a channel name and a monthly amount.
pub fn parse_channel_amount(s: &str) -> Result<(String, f64), ParseError> {
    let (name, amount) = s.rsplit_once('=').ok_or_else(|| perr(s, "expected CHANNEL=AMOUNT"))?;
    let x =
        parse_number(amount).filter(|x| *x >= 0.0).ok_or_else(|| perr(s, "expected a non-negative amount after ="))?;
    let name = name.trim();
    if name.is_empty() {
        return Err(perr(s, "expected a channel name before ="));
    }
    Ok((name.to_string(), x))
}

/// `--revenue +15%` (growth of the clinic's revenue) or `--revenue 12000000` (an amount).
pub fn parse_revenue_target(s: &str) -> Result<RevenueTarget, ParseError> {
    if s.trim().ends_with('%') {
        return parse_change(s).map(RevenueTarget::Growth);
    }
    parse_number(s).map(RevenueTarget::Revenue).ok_or_else(|| perr(s, "expected +15% or an amount such as 12000000"))
}

#[cfg(test)]
mod tests;
