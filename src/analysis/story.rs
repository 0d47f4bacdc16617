//! The consultant's story (issue 17): seven steps, each with a title line that states its
//! conclusion as data (a [`Line`]), built from the metrics and the decisions; `i18n::story` words
//! it in the user's language. The meeting mode
//! shows one screen per step; the report's Summary opens with the same sentences, in order.
//!
//! The levers step is the ranking by headroom (domain.md "Levers and scenarios"): what the clinic
//! has already shown it can do, per month, with its owner.

use super::allocate::{AllocOptions, Allocation, allocate_channels};
use super::curve::channel_economics;
use super::headroom::{HeadroomEntry, headroom};
use super::levers::{Outcome, apply_scenario};
use crate::metrics::{Factor, Filter, Gap, Kpis, Owner};
use crate::model::{Month, Project};

/// The seven steps of the story, in the order they are told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Plan against fact to date.
    PlanFact,
    /// The funnel, each rate against its plan.
    Funnel,
    /// The gap breakdown and whose job the bottleneck is.
    Bottleneck,
    /// The five AARRR links.
    Aarrr,
    /// The levers that would earn most.
    Levers,
    /// The chosen scenario and the allocator's split against today.
    Proposal,
    /// One line per owner.
    NextSteps,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 7] =
        [Step::PlanFact, Step::Funnel, Step::Bottleneck, Step::Aarrr, Step::Levers, Step::Proposal, Step::NextSteps];
}

/// One rate of the funnel with its plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Rate {
    /// Which factor.
    pub factor: Factor,
    /// Its value over the period.
    pub fact: Option<f64>,
    /// The mean of the whole-clinic Plan rows' plan for it in the period (`None` without one).
    pub plan: Option<f64>,
}

/// One line of the next steps: an owner's best lever by headroom (worded by `i18n::story::task`).
#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    /// Whose job it is.
    pub owner: Owner,
    /// The lever, with what reaching its best would earn a month.
    pub lever: HeadroomEntry,
}

/// One title sentence of the story, as data: the catalogue words it (`i18n::story::line`).
#[derive(Clone, Debug, PartialEq)]
pub enum Line {
    /// Plan and fact: no plan to date; the period's revenue.
    NoPlanToDate {
        /// The revenue of the period.
        revenue: Option<f64>,
    },
    /// Plan and fact: ahead of plan by `by` (a fraction, positive).
    Ahead {
        /// Completion to date − 1.
        by: f64,
    },
    /// Plan and fact: within half a percent of the plan.
    OnPlan,
    /// Plan and fact: behind, with the stage that loses most and its owner.
    BehindAt {
        /// Completion to date − 1 (negative).
        by: f64,
        /// The stage.
        factor: Factor,
        /// Whose job it is.
        owner: Owner,
    },
    /// Plan and fact: behind, no stage named.
    Behind {
        /// Completion to date − 1 (negative).
        by: f64,
    },
    /// Funnel: no leads or no paid.
    NoFunnel,
    /// Funnel: paid per 100 leads and the rate furthest below its plan.
    FunnelWorst {
        /// Paid per 100 leads.
        per100: f64,
        /// The rate furthest below plan.
        rate: Rate,
    },
    /// Funnel: paid per 100 leads, no rate below plan.
    FunnelOnPlan {
        /// Paid per 100 leads.
        per100: f64,
    },
    /// Bottleneck: no full month with a gap.
    NoGap,
    /// Bottleneck: what the stage lost in the month, and whose job it is.
    Lost {
        /// The month.
        month: Month,
        /// The money lost (positive).
        money: Option<f64>,
        /// The stage.
        factor: Factor,
        /// Its owner.
        owner: Owner,
    },
    /// Bottleneck: no stage fell behind in the month.
    NoStageBehind {
        /// The month.
        month: Month,
    },
    /// AARRR: no previous period to compare with.
    AarrrNoPrevious,
    /// AARRR: the weakest link and its change (a fraction).
    AarrrWeakest {
        /// The link's key ([`crate::metrics::aarrr::LINK_KEYS`]).
        link: &'static str,
        /// Its change against the previous period.
        change: f64,
    },
    /// AARRR: no link fell.
    AarrrNoneFell,
    /// Levers: the best lever.
    BestLever(HeadroomEntry),
    /// Levers: none earns.
    NoLever,
    /// Proposal: the first saved scenario's monthly revenue gain, and the reallocation's on top.
    Scenario {
        /// The scenario's name.
        name: String,
        /// Its revenue gain per month.
        monthly: f64,
        /// What the allocator's split would add a month, if it earns.
        more: Option<f64>,
    },
    /// Proposal: no scenario; what the allocator's split would add a month.
    Realloc {
        /// The gain per month.
        gain: f64,
    },
    /// Proposal: nothing to change.
    BudgetFine,
    /// Next steps: the owners with a task, in order.
    Steps {
        /// The owners.
        owners: Vec<Owner>,
    },
    /// Next steps: none.
    NoSteps,
}

/// Everything the story tells, with the numbers its screens show.
#[derive(Clone, Debug)]
pub struct Story {
    /// The title line of each step, in [`Step::ALL`] order.
    pub lines: Vec<(Step, Line)>,
    /// Booking, show and paid rate with their plans.
    pub rates: Vec<Rate>,
    /// The gap breakdown of the last full month, if there is one.
    pub gap: Option<Gap>,
    /// The levers that would earn most, best first (at most five).
    pub levers: Vec<HeadroomEntry>,
    /// The first scenario saved in the project, by name, with its effect.
    pub scenario: Option<(String, Outcome)>,
    /// Today's monthly budget split by the allocator.
    pub allocation: Option<Allocation>,
    /// One task per owner who has a lever that earns.
    pub tasks: Vec<Task>,
}

impl Story {
    /// The title line of one step.
    pub fn line(&self, step: Step) -> Option<&Line> {
        self.lines.iter().find(|(s, _)| *s == step).map(|(_, l)| l)
    }
}

/// Builds the story of `kpis` (computed for `filter`).
pub fn story(project: &Project, filter: &Filter, kpis: &Kpis) -> Story {
    let gap = last_full_month_gap(kpis).cloned();
    let rates = rates(project, filter, kpis);
    let mut levers = headroom(project, filter.branch.as_deref()).entries;
    levers.truncate(5);
    let scenario =
        project.scenarios.first().and_then(|s| apply_scenario(project, filter, s).ok().map(|o| (s.name.clone(), o)));
    let (econ, notices) = channel_economics(project, filter);
    let today: f64 = econ.iter().filter_map(|e| e.spend_today).sum();
    let allocation = (today > 0.0)
        .then(|| allocate_channels(&econ, &AllocOptions { budget: today, ..AllocOptions::default() }, notices).ok())
        .flatten();
    let tasks = tasks(&levers);

    let lines = vec![
        (Step::PlanFact, plan_fact(kpis, gap.as_ref())),
        (Step::Funnel, funnel(kpis, &rates)),
        (Step::Bottleneck, bottleneck(gap.as_ref())),
        (Step::Aarrr, aarrr_line(kpis)),
        (Step::Levers, levers.first().map_or(Line::NoLever, |l| Line::BestLever(l.clone()))),
        (Step::Proposal, proposal(scenario.as_ref(), allocation.as_ref())),
        (
            Step::NextSteps,
            if tasks.is_empty() {
                Line::NoSteps
            } else {
                Line::Steps { owners: tasks.iter().map(|t| t.owner).collect() }
            },
        ),
    ];
    Story { lines, rates, gap, levers, scenario, allocation, tasks }
}

/// The revenue gap of the last full month: the latest gap month with revenue before the month in
/// progress (plan-only months after the facts are not "full").
pub fn last_full_month_gap(kpis: &Kpis) -> Option<&Gap> {
    let last_with_revenue = kpis.months.iter().rev().find(|m| m.revenue.is_some_and(|r| r > 0.0))?.month;
    let limit = match &kpis.progress {
        Some(p) if p.month <= last_with_revenue => p.month,
        _ => last_with_revenue.next(),
    };
    kpis.gaps.iter().rev().find(|g| g.month < limit)
}

fn rates(project: &Project, filter: &Filter, kpis: &Kpis) -> Vec<Rate> {
    let plans: Vec<_> = project.plan.iter().filter(|r| r.direction.is_none() && filter.has_month(r.month)).collect();
    let mean = |get: &dyn Fn(&crate::model::PlanRow) -> Option<f64>| {
        let v: Vec<f64> = plans.iter().filter_map(|r| get(r)).collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    };
    let t = &kpis.total.kpis;
    vec![
        Rate { factor: Factor::BookingRate, fact: t.booking_rate, plan: mean(&|r| r.booking_rate_plan) },
        Rate { factor: Factor::ShowRate, fact: t.show_rate, plan: mean(&|r| r.show_rate_plan) },
        Rate { factor: Factor::PaidRate, fact: t.paid_rate, plan: mean(&|r| r.paid_rate_plan) },
    ]
}

/// Plan against fact to date.
pub(crate) fn plan_fact(kpis: &Kpis, gap: Option<&Gap>) -> Line {
    let Some(c) = kpis.total.kpis.completion_to_date else {
        return Line::NoPlanToDate { revenue: kpis.total.kpis.revenue };
    };
    let by = c - 1.0;
    // Within half a percent the plan is met: «отстаёт на 0 %» reads as a bug.
    if c >= 1.005 {
        return Line::Ahead { by };
    }
    if c > 0.995 {
        return Line::OnPlan;
    }
    match gap.and_then(|g| g.bottleneck.zip(g.owner)) {
        Some((factor, owner)) => Line::BehindAt { by, factor, owner },
        None => Line::Behind { by },
    }
}

/// Paid per 100 leads and the rate furthest below its plan, relative to the plan.
pub(crate) fn funnel(kpis: &Kpis, rates: &[Rate]) -> Line {
    let t = &kpis.total.kpis;
    let Some(per100) = t.paid.zip(t.leads).filter(|(_, l)| *l > 0.0).map(|(p, l)| p / l * 100.0) else {
        return Line::NoFunnel;
    };
    let worst = rates
        .iter()
        .filter_map(|r| r.fact.zip(r.plan).filter(|(_, p)| *p > 0.0).map(|(f, p)| (r, f / p - 1.0)))
        .filter(|(_, d)| *d < 0.0)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    match worst {
        Some((r, _)) => Line::FunnelWorst { per100, rate: r.clone() },
        None => Line::FunnelOnPlan { per100 },
    }
}

/// What the last full month's bottleneck lost.
pub(crate) fn bottleneck(gap: Option<&Gap>) -> Line {
    let Some(g) = gap else {
        return Line::NoGap;
    };
    match (g.bottleneck, g.owner) {
        (Some(factor), Some(owner)) => {
            Line::Lost { month: g.month, money: g.contributions.get(factor).map(f64::abs), factor, owner }
        }
        _ => Line::NoStageBehind { month: g.month },
    }
}

/// The AARRR step's line: the weakest link and how far it fell, or why there is none.
pub fn aarrr_line(kpis: &Kpis) -> Line {
    let a = &kpis.aarrr;
    if a.previous.is_none() {
        return Line::AarrrNoPrevious;
    }
    match a.weakest {
        Some(w) => {
            let i = crate::metrics::aarrr::LINK_KEYS.iter().position(|k| *k == w).unwrap_or(0);
            Line::AarrrWeakest { link: w, change: a.links.changes()[i].unwrap_or(0.0) }
        }
        None => Line::AarrrNoneFell,
    }
}

fn proposal(scenario: Option<&(String, Outcome)>, allocation: Option<&Allocation>) -> Line {
    let realloc = allocation.map(|a| a.objective - a.objective_today).filter(|g| g.is_finite() && *g > 0.0);
    let scen = scenario.and_then(|(name, o)| {
        let gain = o.after.revenue.zip(o.before.revenue).map(|(a, b)| a - b)?;
        Some((name, gain, o.after.months.max(1)))
    });
    match (scen, realloc) {
        (Some((name, gain, months)), _) => {
            Line::Scenario { name: name.clone(), monthly: gain / months as f64, more: realloc }
        }
        (None, Some(gain)) => Line::Realloc { gain },
        (None, None) => Line::BudgetFine,
    }
}

/// One task per owner: the owner's best lever by headroom.
fn tasks(levers: &[HeadroomEntry]) -> Vec<Task> {
    let mut out: Vec<Task> = Vec::new();
    for l in levers {
        if !out.iter().any(|t| t.owner == l.owner) {
            out.push(Task { owner: l.owner, lever: l.clone() });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_project;
    use crate::metrics::compute;

    #[test]
    fn the_demo_tells_seven_steps() {
        let p = demo_project();
        let k = compute(&p, &Filter::default());
        let s = story(&p, &Filter::default(), &k);
        assert_eq!(s.lines.iter().map(|(st, _)| *st).collect::<Vec<_>>(), Step::ALL);
        assert!(s.levers.len() <= 5);
        assert_eq!(
            s.tasks.len(),
            s.line(Step::NextSteps).map_or(0, |l| match l {
                Line::Steps { owners } => owners.len(),
                _ => 0,
            })
        );
    }
}
