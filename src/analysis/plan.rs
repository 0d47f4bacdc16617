//! The plan builder: next year's revenue plan by month and direction, grown from last year's facts
//! with last year's seasonality, and the marketing budget per channel by the 80 / 15 / 5 tier rule.
//!
//! [`build_plan`] is a pure function of the project (domain.md, "Plan builder"); [`apply_plan`]
//! writes its result onto the Plan and Budget sheets. Where domain.md is silent, the choices are
//! written on the items below.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use crate::model::{BudgetRow, Channel, Month, PlanRow, Project, Tier};

/// The usual clinic growth target, +15 %.
pub const DEFAULT_GROWTH: f64 = 0.15;
/// The default marketing budget as a share of planned revenue, 7 %.
pub const DEFAULT_MARKETING_SHARE: f64 = 0.07;
/// The reference tier split: proven / scaling / experiment.
pub const DEFAULT_TIERS: [f64; 3] = [0.80, 0.15, 0.05];
/// The reference range of the marketing share (4–10 % of revenue).
const MARKETING_SHARE_RANGE: (f64, f64) = (0.04, 0.10);
/// How far the tier split may be from 100 % before it is worth a warning (typing rounding only).
const TIER_SUM_TOLERANCE: f64 = 1e-6;

/// What the marketer chooses when building a year's plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanInput {
    /// The year Y to plan; the facts come from Y − 1.
    pub year: i32,
    /// Clinic growth g as a fraction (0.15 = +15 %).
    pub growth: f64,
    /// Growth per direction g_d, overriding `growth` for that direction. Keys are matched to
    /// direction names exactly, else ignoring case and surrounding spaces.
    pub growth_by_direction: BTreeMap<String, f64>,
    /// Marketing budget as a share of planned revenue (0.07 = 7 %).
    pub marketing_share: f64,
    /// Budget split over the tiers proven, scaling, experiment (fractions).
    pub tiers: [f64; 3],
}

impl PlanInput {
    /// The default plan for `year`: +15 %, 7 % marketing share, 80 / 15 / 5 tiers.
    ///
    /// There is no `Default`: a plan without a year means nothing, so the year is always given.
    pub fn new(year: i32) -> Self {
        Self {
            year,
            growth: DEFAULT_GROWTH,
            growth_by_direction: BTreeMap::new(),
            marketing_share: DEFAULT_MARKETING_SHARE,
            tiers: DEFAULT_TIERS,
        }
    }

    /// Things worth telling the user before they accept the plan; the plan is built anyway.
    ///
    /// - a marketing share outside the 4–10 % reference (2–4 % is fine where insured and loyal
    ///   patients bring over half the load, so this is advice, not an error);
    /// - a tier split that does not add up to 100 % ([`build_plan`] then scales it to 100 %) or
    ///   has a negative part (counted as 0);
    /// - a growth of −100 % or less, which plans no revenue at all.
    pub fn warnings(&self) -> Vec<PlanWarning> {
        let mut out = Vec::new();
        let s = self.marketing_share;
        let (low, high) = MARKETING_SHARE_RANGE;
        if !s.is_finite() {
            out.push(PlanWarning::ShareNotANumber);
        } else if !(low..=high).contains(&s) {
            out.push(PlanWarning::ShareOutsideRange { share: s });
        }
        let sum: f64 = self.tiers.iter().sum();
        if self.tiers.iter().any(|t| !t.is_finite() || *t < 0.0) {
            out.push(PlanWarning::TiersNegative { tiers: self.tiers });
        } else if (sum - 1.0).abs() > TIER_SUM_TOLERANCE {
            out.push(PlanWarning::TiersSum { tiers: self.tiers, sum });
        }
        if !self.growth.is_finite() || self.growth <= -1.0 {
            out.push(PlanWarning::NoRevenueLeft { growth: self.growth, direction: None });
        }
        for (d, g) in &self.growth_by_direction {
            if !g.is_finite() || *g <= -1.0 {
                out.push(PlanWarning::NoRevenueLeft { growth: *g, direction: Some(d.clone()) });
            }
        }
        out
    }

    /// The growth key of `growth_by_direction` that applies to `direction`, if any.
    ///
    /// The blank direction ("") always uses the clinic growth, as domain.md says.
    fn override_key(&self, direction: &str) -> Option<&str> {
        if direction.is_empty() {
            return None;
        }
        if let Some((key, _)) = self.growth_by_direction.get_key_value(direction) {
            return Some(key);
        }
        // A marketer typing `--growth-direction стоматология=30%` means «Стоматология».
        let wanted = direction.trim().to_lowercase();
        self.growth_by_direction.keys().find(|k| k.trim().to_lowercase() == wanted).map(String::as_str)
    }
}

/// Advice about a [`PlanInput`] before the plan is accepted (the plan is built anyway): data, worded
/// in the user's language by the catalogue (`crate::i18n::plan_warning`).
#[derive(Clone, Debug, PartialEq)]
pub enum PlanWarning {
    /// The marketing share is not a number.
    ShareNotANumber,
    /// The marketing share is outside the 4–10 % reference.
    ShareOutsideRange {
        /// The share as a fraction.
        share: f64,
    },
    /// The tier split has a negative or unreadable part (counted as 0).
    TiersNegative {
        /// The split as typed.
        tiers: [f64; 3],
    },
    /// The tier split does not add up to 100 % (the plan scales it).
    TiersSum {
        /// The split as typed.
        tiers: [f64; 3],
        /// What it adds up to.
        sum: f64,
    },
    /// A growth of −100 % or less plans no revenue at all (for the clinic, or one direction).
    NoRevenueLeft {
        /// The growth as a fraction.
        growth: f64,
        /// The direction it was given for; `None` for the clinic growth.
        direction: Option<String>,
    },
}

/// What the user should know about how a plan was built: data, worded in the user's language by
/// the catalogue (`crate::i18n::plan_notice`); the CLI's JSON carries the English sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanNotice {
    /// The year is outside the calendar's range.
    NotPlannable {
        /// The year asked for.
        year: i32,
    },
    /// A growth was given for the blank direction, which always grows by the clinic growth.
    DirectionlessGrowthUnused,
    /// A growth was given for a direction that had no revenue in Y − 1.
    GrowthUnused {
        /// The direction as typed.
        direction: String,
        /// Y − 1.
        year: i32,
    },
    /// Some planned figures are not finite (shown empty).
    NotFinite,
    /// Directions with no revenue in Y − 1 get no plan.
    NoRevenueFor {
        /// Y − 1.
        year: i32,
        /// The directions.
        directions: Vec<String>,
        /// Y.
        plan_year: i32,
    },
    /// No revenue at all in Y − 1: every month is planned at 0.
    NoRevenue {
        /// Y − 1.
        year: i32,
        /// Y.
        plan_year: i32,
    },
    /// A month of Y − 1 whose base had to be estimated.
    Estimated(Estimate),
    /// Refunds exceed takings in a month of Y − 1: that month is planned at 0.
    Refunds {
        /// The direction (`""` = the revenue without a direction).
        direction: String,
        /// The month of Y − 1.
        month: Month,
    },
    /// The Channels sheet is empty: the budget is not split over channels.
    NoChannels,
    /// Spend of Y − 1 on channels missing from the Channels sheet is left out of the split.
    Untiered {
        /// Y − 1.
        year: i32,
        /// The channels.
        channels: Vec<String>,
    },
    /// A tier without channels: its part goes to the other tiers.
    EmptyTier {
        /// The tier.
        tier: Tier,
        /// Its part of the split, as a fraction.
        share: f64,
    },
    /// The split gives nothing to the tiers that have channels: 80/15/5 is used.
    NothingForTiers,
    /// A notice of one branch's plan, in a chain (`branch` `""` = the chain's own rows).
    Branch {
        /// The branch.
        branch: String,
        /// What its plan said.
        notice: Box<PlanNotice>,
    },
}

impl PlanNotice {
    /// Whether the notice is about the channels and tiers, which a chain says once for itself.
    fn is_about_channels(&self) -> bool {
        matches!(
            self,
            PlanNotice::NoChannels
                | PlanNotice::Untiered { .. }
                | PlanNotice::EmptyTier { .. }
                | PlanNotice::NothingForTiers
        )
    }
}

/// A year's plan: what [`build_plan`] proposes and [`apply_plan`] writes.
///
/// JSON (domain.md): `{"year", "months": [{"month", "revenue_plan", "budget_plan",
/// "directions": {D: plan}, "channels": {C: budget}}], "notices": [..]}`; the notices are data,
/// worded at the edge (the CLI adds them to its JSON in English).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearPlan {
    /// The planned year Y.
    pub year: i32,
    /// The 12 months of Y in order (empty only when Y is not a valid year).
    pub months: Vec<PlanMonth>,
    /// What the user should know about how the plan was built: one per estimated month and rule
    /// (see [`Estimate`]), directions left out, tiers without channels, …. Not serialised: the
    /// CLI writes them as sentences.
    #[serde(skip)]
    pub notices: Vec<PlanNotice>,
}

impl YearPlan {
    /// The estimated months of the base (also among the notices).
    pub fn estimates(&self) -> impl Iterator<Item = &Estimate> {
        self.notices.iter().filter_map(|n| match n {
            PlanNotice::Estimated(e) => Some(e),
            _ => None,
        })
    }
}

/// One month of a [`YearPlan`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanMonth {
    /// The month, serialised as `"YYYY-MM"`.
    pub month: Month,
    /// Planned revenue: the sum of `directions`.
    pub revenue_plan: f64,
    /// Planned marketing budget: marketing share × `revenue_plan`.
    pub budget_plan: f64,
    /// Planned revenue per direction that had revenue in Y − 1; `""` is the revenue that had no
    /// direction.
    pub directions: BTreeMap<String, f64>,
    /// Planned budget per channel of the Channels sheet, 0 included. Sums to `budget_plan`
    /// unless the Channels sheet is empty (then this map is empty).
    pub channels: BTreeMap<String, f64>,
    /// A chain only: per branch (as first written; `""` = the chain's own rows with a blank branch)
    /// its plan per direction, planned by the same rules on its own Revenue rows. `directions` and
    /// `revenue_plan` are their sums. Empty (and left out of the JSON) for a single clinic.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub branches: BTreeMap<String, BTreeMap<String, f64>>,
}

impl YearPlan {
    /// A chain's plan for the whole year per branch (`""` = the chain's own blank-branch rows), in
    /// the branches' name order; empty for a single clinic. The values sum to the year's
    /// `revenue_plan`, the chain's total.
    pub fn branch_totals(&self) -> BTreeMap<String, f64> {
        let mut out: BTreeMap<String, f64> = BTreeMap::new();
        for pm in &self.months {
            for (branch, directions) in &pm.branches {
                *out.entry(branch.clone()).or_default() += directions.values().sum::<f64>();
            }
        }
        out
    }

    /// The plan's revenue over the whole year (Σ `revenue_plan`).
    pub fn revenue_total(&self) -> f64 {
        self.months.iter().map(|m| m.revenue_plan).sum()
    }
}

/// The year a plan is built for when the user names none (domain.md, "Plan builder"): the first
/// year from the as-of day's year on that has no Plan rows. Without an as-of day (no Revenue rows)
/// the search starts at the year after the last month with any data, else at this calendar year.
pub fn default_year(project: &Project) -> i32 {
    use chrono::Datelike;
    let start = match crate::metrics::asof::as_of(project) {
        Some(d) => d.year(),
        None => project
            .plan
            .iter()
            .map(|r| r.month)
            .chain(project.budget.iter().map(|r| r.month))
            .chain(project.funnel.iter().map(|r| r.month))
            .max()
            .map_or_else(|| chrono::Local::now().year(), |m| m.year + 1),
    };
    let planned: std::collections::BTreeSet<i32> = project.plan.iter().map(|r| r.month.year).collect();
    (start..).find(|y| !planned.contains(y)).unwrap_or(start)
}

/// Builds the plan for `input.year` from the facts of the year before (domain.md, "Plan builder").
///
/// - base[m, d] is the sum of the Revenue rows of direction d in month m of Y − 1 when that month is
///   complete (as of D); the month in progress, future months and months before d's first Revenue
///   row are estimated as domain.md says, with a notice per month and rule ([`Estimate`]). Revenue
///   without a direction (or with a blank one) is direction `""` and grows by the clinic growth.
/// - A direction has revenue in Y − 1 when its Y − 1 total is above 0. It then gets all 12 months,
///   0 where its base is 0, so a department closed in August stays closed. Directions of the
///   Directions sheet or of Revenue rows of other years without revenue in Y − 1 get no plan, with a
///   notice (a brand-new department is planned by hand).
/// - A month whose refunds exceed its takings (negative base) is planned at 0, with a notice: a
///   negative revenue plan, and so a negative budget, means nothing to a clinic.
/// - The budget goes to the channels of the Channels sheet: tier parts by `input.tiers` (negative
///   parts count as 0, and the split is scaled to 100 % so the channels always add up to the
///   month's budget), then within a tier by each channel's Y − 1 spend over the whole year (equally
///   when the tier spent nothing). A tier with no channels gives its part to the others in
///   proportion to their shares. Spend on channels not on the Channels sheet has no tier and is
///   left out, with a notice.
pub fn build_plan(project: &Project, input: &PlanInput) -> YearPlan {
    if project.branch_scope.is_some() || !project.has_branches() {
        return build_one(project, input);
    }
    build_chain(project, input)
}

/// A chain's plan (domain.md, "Branches"): each branch, and the chain's own blank-branch rows, is
/// planned by the same rules on its own Revenue rows (against the chain's as-of day); the chain's
/// revenue plan is their sum. The budget is the chain's: the marketing share of that sum, split over
/// the channels by the whole chain's spend of Y − 1.
fn build_chain(project: &Project, input: &PlanInput) -> YearPlan {
    let mut groups: Vec<(String, Option<String>)> = vec![(String::new(), None)];
    groups.extend(crate::metrics::branches::branch_names(project).into_iter().map(|b| (b.clone(), Some(b))));
    let mut notices = Vec::new();
    let mut parts: Vec<(String, YearPlan)> = Vec::new();
    for (name, branch) in groups {
        let key = crate::model::branch_key(branch.as_deref());
        let view = Project {
            settings: project.settings.clone(),
            directions: project.directions.clone(),
            revenue: project
                .revenue
                .iter()
                .filter(|r| crate::model::branch_key(r.branch.as_deref()) == key)
                .cloned()
                .collect(),
            branch_scope: Some(crate::model::BranchScope {
                branch: name.clone(),
                as_of: crate::metrics::asof::as_of(project),
                month_rows: crate::metrics::asof::month_row_months(project),
            }),
            ..Project::default()
        };
        if view.revenue.is_empty() && branch.is_none() {
            continue;
        }
        let part = build_one(&view, input);
        // The channel notices are the chain's and come once, below.
        notices.extend(
            part.notices
                .iter()
                .filter(|n| !n.is_about_channels())
                .map(|n| PlanNotice::Branch { branch: name.clone(), notice: Box::new(n.clone()) }),
        );
        parts.push((name, part));
    }
    let mut whole = build_one(&Project { revenue: Vec::new(), ..project.clone() }, input);
    let shares = channel_shares(project, input, &mut Vec::new());
    notices.extend(whole.notices.iter().filter(|n| n.is_about_channels()).cloned());
    for (i, pm) in whole.months.iter_mut().enumerate() {
        pm.directions.clear();
        for (name, part) in &parts {
            let Some(p) = part.months.get(i) else { continue };
            for (d, v) in &p.directions {
                *pm.directions.entry(d.clone()).or_default() += v;
            }
            pm.branches.insert(name.clone(), p.directions.clone());
        }
        pm.revenue_plan = pm.directions.values().sum();
        pm.budget_plan = input.marketing_share * pm.revenue_plan;
        pm.channels = shares.iter().map(|(c, share)| (c.clone(), pm.budget_plan * share)).collect();
    }
    notices.dedup();
    whole.notices = notices;
    whole
}

/// One clinic's (or one branch's) plan.
fn build_one(project: &Project, input: &PlanInput) -> YearPlan {
    let year = input.year;
    let mut notices = Vec::new();
    let (Some(_), Some(_)) = (Month::new(year, 1), Month::new(year - 1, 1)) else {
        notices.push(PlanNotice::NotPlannable { year });
        return YearPlan { year, months: Vec::new(), notices };
    };

    let base = last_year_base(project, year, &mut notices);

    // Growth per direction, and which overrides found their direction.
    let mut used_keys = BTreeSet::new();
    let growth: BTreeMap<&str, f64> = base
        .keys()
        .map(|d| {
            let g = match input.override_key(d) {
                Some(key) => {
                    used_keys.insert(key);
                    input.growth_by_direction.get(key).copied().unwrap_or(input.growth)
                }
                None => input.growth,
            };
            (d.as_str(), g)
        })
        .collect();
    for key in input.growth_by_direction.keys() {
        if key.trim().is_empty() {
            notices.push(PlanNotice::DirectionlessGrowthUnused);
        } else if !used_keys.contains(key.as_str()) {
            notices.push(PlanNotice::GrowthUnused { direction: key.clone(), year: year - 1 });
        }
    }

    let shares = channel_shares(project, input, &mut notices);

    let months = (1..=12u32)
        .filter_map(|m| Month::new(year, m))
        .map(|month| {
            let i = month.month as usize - 1;
            let directions: BTreeMap<String, f64> = base
                .iter()
                .map(|(d, b)| (d.clone(), b[i] * (1.0 + growth.get(d.as_str()).copied().unwrap_or(input.growth))))
                .collect();
            let revenue_plan: f64 = directions.values().sum();
            let budget_plan = input.marketing_share * revenue_plan;
            let channels = shares.iter().map(|(c, share)| (c.clone(), budget_plan * share)).collect();
            PlanMonth { month, revenue_plan, budget_plan, directions, channels, branches: BTreeMap::new() }
        })
        .collect::<Vec<_>>();

    let finite = months.iter().all(|m| {
        m.revenue_plan.is_finite()
            && m.budget_plan.is_finite()
            && m.directions.values().chain(m.channels.values()).all(|v| v.is_finite())
    });
    if !finite {
        notices.push(PlanNotice::NotFinite);
    }
    YearPlan { year, months, notices }
}

/// How a month of Y − 1 whose facts are not all in got its base (domain.md, "Plan builder").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EstimateRule {
    /// The month in progress: revenue to date × month's total weight / weight of days 1..D.
    Scaled,
    /// Revenue of the same month of Y − 2 × the direction's trend.
    Trend,
    /// The mean of the direction's complete months of Y − 1 with revenue.
    Mean,
}

/// Why a month of Y − 1 had to be estimated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EstimateReason {
    /// It contains the as-of day D.
    InProgress,
    /// It contains D, but no day with weight has passed yet.
    InProgressNoWeight,
    /// It starts after D.
    Future,
    /// It comes before the direction's first Revenue row (a direction opened mid-year).
    BeforeFirstRow,
}

/// One estimated month of the base: which month, why, how, and for which directions (`""` = the
/// revenue without a direction). One per month, reason and rule: one notice each.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    /// The month of Y − 1.
    pub month: Month,
    /// Why it is estimated.
    pub reason: EstimateReason,
    /// How.
    pub rule: EstimateRule,
    /// The directions estimated this way, with their trend for [`EstimateRule::Trend`].
    pub directions: Vec<(String, Option<f64>)>,
}

/// The estimated months found so far, by month, reason and rule: the directions of each.
type Found = BTreeMap<(Month, EstimateReason, EstimateRule), Vec<(String, Option<f64>)>>;

/// base[d][m − 1] for the directions that had revenue in Y − 1 (a positive sum of their rows), with
/// the months that are not complete estimated (see [`Estimate`]), and notices for directions that
/// had none and for months planned at 0.
fn last_year_base(project: &Project, year: i32, notices: &mut Vec<PlanNotice>) -> BTreeMap<String, [f64; 12]> {
    use crate::metrics::asof::{AsOf, MonthState};
    use crate::metrics::calendar::{month_weight, weight_between};

    let asof = AsOf::of(project);
    let mut sums: BTreeMap<String, [f64; 12]> = BTreeMap::new();
    let mut before: BTreeMap<String, [f64; 12]> = BTreeMap::new();
    let mut first: BTreeMap<String, Month> = BTreeMap::new();
    let mut known: BTreeSet<String> = project.directions.iter().map(|d| d.name.clone()).collect();
    for row in &project.revenue {
        let d = direction_key(row.direction.as_deref());
        if !d.is_empty() {
            known.insert(d.to_string());
        }
        let m = Month::of(row.date);
        first.entry(d.to_string()).and_modify(|f| *f = (*f).min(m)).or_insert(m);
        if !row.revenue.is_finite() {
            continue;
        }
        let i = row.date.month0() as usize;
        if row.date.year() == year - 1 {
            sums.entry(d.to_string()).or_insert([0.0; 12])[i] += row.revenue;
        } else if row.date.year() == year - 2 {
            before.entry(d.to_string()).or_insert([0.0; 12])[i] += row.revenue;
        }
    }
    sums.retain(|_, b| b.iter().sum::<f64>() > 0.0);

    let missing: Vec<String> = known.iter().filter(|d| !sums.contains_key(*d)).cloned().collect();
    if !missing.is_empty() {
        notices.push(PlanNotice::NoRevenueFor { year: year - 1, directions: missing, plan_year: year });
    }
    if sums.is_empty() {
        notices.push(PlanNotice::NoRevenue { year: year - 1, plan_year: year });
    }

    let months: Vec<Month> = (1..=12).filter_map(|m| Month::new(year - 1, m)).collect();
    let mut found: Found = BTreeMap::new();
    for (d, b) in &mut sums {
        let facts = *b;
        let prior = before.get(d).copied().unwrap_or([0.0; 12]);
        let started = |m: Month| first.get(d).is_some_and(|f| m >= *f);
        let complete: Vec<usize> = (0..12).filter(|&i| started(months[i]) && asof.is_complete(months[i])).collect();
        // trend_d over the complete months of Y − 1 that had revenue of d in Y − 2 (1 without any).
        let paired: Vec<usize> = complete.iter().copied().filter(|&i| prior[i] > 0.0).collect();
        let trend = if paired.is_empty() {
            1.0
        } else {
            paired.iter().map(|&i| facts[i]).sum::<f64>() / paired.iter().map(|&i| prior[i]).sum::<f64>()
        };
        let earning: Vec<f64> = complete.iter().map(|&i| facts[i]).filter(|v| *v > 0.0).collect();
        let mean = if earning.is_empty() { 0.0 } else { earning.iter().sum::<f64>() / earning.len() as f64 };
        for (i, &m) in months.iter().enumerate() {
            let reason = if !started(m) {
                EstimateReason::BeforeFirstRow
            } else {
                match asof.state(m) {
                    None | Some(MonthState::Complete) => continue,
                    Some(MonthState::Future) => EstimateReason::Future,
                    Some(MonthState::InProgress) => {
                        let so_far = asof.day.map_or(0.0, |day| weight_between(&project.settings, m.first_day(), day));
                        if so_far > 0.0 {
                            b[i] = facts[i] * month_weight(&project.settings, m) / so_far;
                            found
                                .entry((m, EstimateReason::InProgress, EstimateRule::Scaled))
                                .or_default()
                                .push((d.clone(), None));
                            continue;
                        }
                        EstimateReason::InProgressNoWeight
                    }
                }
            };
            let (value, rule, shown) = if prior[i] > 0.0 {
                (prior[i] * trend, EstimateRule::Trend, Some(trend))
            } else {
                (mean, EstimateRule::Mean, None)
            };
            b[i] = value;
            found.entry((m, reason, rule)).or_default().push((d.clone(), shown));
        }
    }
    for ((month, reason, rule), directions) in found {
        notices.push(PlanNotice::Estimated(Estimate { month, reason, rule, directions }));
    }

    for (d, b) in &mut sums {
        for (i, v) in b.iter_mut().enumerate() {
            if *v < 0.0 {
                if let Some(month) = Month::new(year - 1, i as u32 + 1) {
                    notices.push(PlanNotice::Refunds { direction: d.clone(), month });
                }
                *v = 0.0;
            }
        }
    }
    sums
}

/// The key of a direction in the plan: its name, or `""` when blank.
fn direction_key(direction: Option<&str>) -> &str {
    match direction {
        Some(d) if !d.trim().is_empty() => d,
        _ => "",
    }
}

/// Each channel's share of the monthly budget (summing to 1, or empty when there is no channel).
fn channel_shares(project: &Project, input: &PlanInput, notices: &mut Vec<PlanNotice>) -> BTreeMap<String, f64> {
    let year = input.year;
    // The first row of a name wins, as for every lookup by name in the model.
    let mut seen = BTreeSet::new();
    let channels: Vec<&Channel> = project.channels.iter().filter(|c| seen.insert(c.name.as_str())).collect();
    if channels.is_empty() {
        notices.push(PlanNotice::NoChannels);
        return BTreeMap::new();
    }

    let mut spend: BTreeMap<&str, f64> = BTreeMap::new();
    for row in project.budget.iter().filter(|r| r.month.year == year - 1) {
        if let Some(s) = row.spend.filter(|s| s.is_finite()) {
            *spend.entry(row.channel.as_str()).or_default() += s;
        }
    }
    let untiered: Vec<String> =
        spend.iter().filter(|(c, s)| **s > 0.0 && !seen.contains(*c)).map(|(c, _)| c.to_string()).collect();
    if !untiered.is_empty() {
        notices.push(PlanNotice::Untiered { year: year - 1, channels: untiered });
    }

    let part = |t: Tier| {
        let v = input.tiers[tier_index(t)];
        if v.is_finite() && v > 0.0 { v } else { 0.0 }
    };
    let present: Vec<Tier> = Tier::ALL.into_iter().filter(|t| channels.iter().any(|c| c.tier == *t)).collect();
    for t in Tier::ALL {
        if !present.contains(&t) && part(t) > 0.0 {
            notices.push(PlanNotice::EmptyTier { tier: t, share: part(t) });
        }
    }
    let mut total: f64 = present.iter().map(|t| part(*t)).sum();
    let mut tier_part: BTreeMap<Tier, f64> = present.iter().map(|t| (*t, part(*t))).collect();
    if total <= 0.0 {
        // E.g. a 100/0/0 split with only scaling channels: the split says nothing about these
        // tiers, and the whole budget must still go somewhere, so the reference rule decides.
        notices.push(PlanNotice::NothingForTiers);
        tier_part = present.iter().map(|t| (*t, t.reference_share())).collect();
        total = tier_part.values().sum();
    }

    let mut shares = BTreeMap::new();
    for (t, p) in tier_part {
        let members: Vec<&&Channel> = channels.iter().filter(|c| c.tier == t).collect();
        let weight = |c: &Channel| spend.get(c.name.as_str()).copied().unwrap_or(0.0).max(0.0);
        let tier_spend: f64 = members.iter().map(|c| weight(c)).sum();
        let n = members.len() as f64;
        for c in members {
            let within = if tier_spend > 0.0 { weight(c) / tier_spend } else { 1.0 / n };
            shares.insert(c.name.clone(), p / total * within);
        }
    }
    shares
}

fn tier_index(t: Tier) -> usize {
    match t {
        Tier::Proven => 0,
        Tier::Scaling => 1,
        Tier::Experiment => 2,
    }
}

/// Writes `plan` onto the project's Plan and Budget sheets.
///
/// Plan sheet: every row of year Y is replaced. Each month gets one row per named direction of the
/// plan (`revenue_plan` only). When the plan has revenue without a direction (`""`), each month
/// also gets a whole-clinic row (direction blank) holding the month's total: a blank-direction
/// row would be read back as a whole-clinic row anyway, and a whole-clinic row holding the total
/// keeps the clinic's revenue_plan (whole-clinic rows win over direction rows) equal to the plan's,
/// while each direction keeps its own row. The factor plans (leads, rates, revenue per paid) of a
/// replaced row are carried onto the new row of the same month and direction, so rebuilding the
/// revenue plan does not erase the funnel plan the gap breakdown reads; a whole-clinic row that
/// had factor plans is kept (with the new total) for that reason even without blank revenue.
///
/// Budget sheet, for each month of Y and channel of the plan: the first Budget row of that month
/// and channel gets the planned budget, other rows of it lose their budget_plan, and a row (spend
/// empty) is added when there is none. Budget rows of Y for channels the plan does not cover lose
/// their budget_plan too, so the sheet's budget plan of Y is the plan's; rows left with neither
/// budget_plan nor spend are removed. When the plan has no channels (empty Channels sheet), the
/// Budget sheet is left alone: there is nothing to put in place of the old plan.
pub fn apply_plan(project: &mut Project, plan: &YearPlan) {
    apply_revenue_plan(project, plan);
    if plan.months.iter().any(|m| !m.channels.is_empty()) {
        apply_budget_plan(project, plan);
    }
}

/// The factor plans of a Plan row, carried over when the row is replaced.
#[derive(Clone, Copy, Default)]
struct Factors {
    leads: Option<f64>,
    booking_rate: Option<f64>,
    show_rate: Option<f64>,
    paid_rate: Option<f64>,
    revenue_per_paid: Option<f64>,
}

impl Factors {
    fn of(row: &PlanRow) -> Self {
        Self {
            leads: row.leads_plan,
            booking_rate: row.booking_rate_plan,
            show_rate: row.show_rate_plan,
            paid_rate: row.paid_rate_plan,
            revenue_per_paid: row.revenue_per_paid_plan,
        }
    }

    fn any(self) -> bool {
        [self.leads, self.booking_rate, self.show_rate, self.paid_rate, self.revenue_per_paid]
            .iter()
            .any(Option::is_some)
    }

    fn row(self, month: Month, direction: Option<String>, revenue_plan: f64) -> PlanRow {
        PlanRow {
            branch: None,
            month,
            direction,
            revenue_plan,
            leads_plan: self.leads,
            booking_rate_plan: self.booking_rate,
            show_rate_plan: self.show_rate,
            paid_rate_plan: self.paid_rate,
            revenue_per_paid_plan: self.revenue_per_paid,
        }
    }
}

fn apply_revenue_plan(project: &mut Project, plan: &YearPlan) {
    use crate::model::branch_key;
    let (replaced, kept): (Vec<PlanRow>, Vec<PlanRow>) =
        std::mem::take(&mut project.plan).into_iter().partition(|r| r.month.year == plan.year);
    project.plan = kept;
    let mut factors: BTreeMap<(Month, Option<String>, Option<String>), Factors> = BTreeMap::new();
    for row in &replaced {
        // A blank direction name is the whole clinic, as on the sheet.
        let direction = Some(direction_key(row.direction.as_deref())).filter(|d| !d.is_empty()).map(str::to_string);
        factors.entry((row.month, branch_key(row.branch.as_deref()), direction)).or_insert_with(|| Factors::of(row));
    }
    // A single clinic is one group with a blank branch; a chain writes each branch's own rows.
    let groups: Vec<Option<String>> = match plan.months.first() {
        Some(pm) if !pm.branches.is_empty() => {
            pm.branches.keys().map(|b| Some(b.clone()).filter(|b| !b.is_empty())).collect()
        }
        _ => vec![None],
    };
    for branch in groups {
        let key = branch_key(branch.as_deref());
        let dirs_of = |pm: &PlanMonth| -> Option<BTreeMap<String, f64>> {
            if pm.branches.is_empty() {
                Some(pm.directions.clone())
            } else {
                pm.branches.get(branch.as_deref().unwrap_or("")).cloned()
            }
        };
        let has_blank = plan.months.iter().filter_map(dirs_of).any(|d| d.contains_key(""));
        for pm in &plan.months {
            let Some(dirs) = dirs_of(pm) else { continue };
            let whole = factors.get(&(pm.month, key.clone(), None)).copied().unwrap_or_default();
            let with_branch = |mut r: PlanRow| {
                r.branch.clone_from(&branch);
                r
            };
            if has_blank || whole.any() {
                project.plan.push(with_branch(whole.row(pm.month, None, dirs.values().sum())));
            }
            for (d, value) in dirs.iter().filter(|(d, _)| !d.is_empty()) {
                let f = factors.get(&(pm.month, key.clone(), Some(d.clone()))).copied().unwrap_or_default();
                project.plan.push(with_branch(f.row(pm.month, Some(d.clone()), *value)));
            }
        }
    }
}

fn apply_budget_plan(project: &mut Project, plan: &YearPlan) {
    let planned: BTreeMap<(Month, &str), f64> =
        plan.months.iter().flat_map(|m| m.channels.iter().map(move |(c, v)| ((m.month, c.as_str()), *v))).collect();
    let mut written: BTreeSet<(Month, String)> = BTreeSet::new();
    let mut cleared = vec![false; project.budget.len()];
    for (i, row) in project.budget.iter_mut().enumerate().filter(|(_, r)| r.month.year == plan.year) {
        let key = (row.month, row.channel.clone());
        // The plan's budget is the chain's (blank branch); a branch's own row of Y loses its plan so
        // that the chain's budget is not counted twice.
        let chain_row = crate::model::branch_key(row.branch.as_deref()).is_none();
        match planned.get(&(row.month, row.channel.as_str())) {
            Some(v) if chain_row && !written.contains(&key) => {
                row.budget_plan = Some(*v);
                written.insert(key);
            }
            _ => {
                cleared[i] = row.budget_plan.is_some();
                row.budget_plan = None;
            }
        }
    }
    let mut i = 0;
    project.budget.retain(|r| {
        let drop = cleared[i] && r.spend.is_none();
        i += 1;
        !drop
    });
    for ((month, channel), v) in planned {
        if !written.contains(&(month, channel.to_string())) {
            project.budget.push(BudgetRow {
                branch: None,
                month,
                channel: channel.to_string(),
                budget_plan: Some(v),
                spend: None,
            });
        }
    }
}

/// Reads a percentage as typed by a marketer: `15%`, `+15 %`, `-5%`, `−5%`, `12,5%` mean 0.15,
/// 0.15, −0.05, −0.05, 0.125; a bare number is a fraction when it is between −1 and 1 (`0.15`,
/// `1` = 100 %) and a percent otherwise (`15` = 15 %).
///
/// Returns `None` for anything else (empty text, words, `inf`).
pub fn parse_percent(text: &str) -> Option<f64> {
    let mut t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    // Russian texts write the minus as U+2212 and decimals with a comma.
    t = t.replace('\u{2212}', "-").replace(',', ".");
    let (number, is_percent) = match t.strip_suffix('%') {
        Some(n) => (n, true),
        None => (t.as_str(), false),
    };
    let number = number.strip_prefix('+').unwrap_or(number);
    // f64::from_str accepts "inf" and "NaN"; a percentage never is one.
    if !number.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-') {
        return None;
    }
    let x: f64 = number.parse().ok()?;
    if !x.is_finite() {
        return None;
    }
    Some(if is_percent || x.abs() > 1.0 { x / 100.0 } else { x })
}

/// Reads a tier split `proven/scaling/experiment`: `80/15/5` → [0.80, 0.15, 0.05]. Parts may carry
/// `%` signs; parts all at most 1 without `%` are fractions (`0.8/0.15/0.05`), otherwise percents.
///
/// Returns `None` unless there are exactly three non-negative numbers with a positive sum. A split
/// not adding up to 100 % is accepted; [`PlanInput::warnings`] tells the user.
pub fn parse_tiers(text: &str) -> Option<[f64; 3]> {
    let parts: Vec<&str> = text.split('/').map(str::trim).collect();
    if parts.len() != 3 {
        return None;
    }
    let mut values = [0.0; 3];
    let any_percent_sign = parts.iter().any(|p| p.ends_with('%'));
    for (v, p) in values.iter_mut().zip(&parts) {
        let digits = p.trim_end_matches('%').replace(',', ".");
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return None;
        }
        *v = digits.parse().ok()?;
    }
    if any_percent_sign || values.iter().any(|v| *v > 1.0) {
        values.iter_mut().for_each(|v| *v /= 100.0);
    }
    (values.iter().sum::<f64>() > 0.0).then_some(values)
}

/// Reads `--growth-direction` text, `D=30%` → ("D", 0.30); the last `=` separates, so a
/// direction name may itself contain one.
pub fn parse_direction_growth(text: &str) -> Option<(String, f64)> {
    let (name, value) = text.rsplit_once('=')?;
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    Some((name.to_string(), parse_percent(value)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, RevenueRow};
    use chrono::NaiveDate;

    fn month(y: i32, m: u32) -> Month {
        Month::new(y, m).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn revenue(date: NaiveDate, direction: Option<&str>, revenue: f64) -> RevenueRow {
        RevenueRow {
            branch: None,
            month_row: false,
            date,
            direction: direction.map(str::to_string),
            revenue,
            checks: None,
            new_patients: None,
            repeat_patients: None,
        }
    }

    /// A row of nothing on 31 December: the as-of day falls there, so every month of `year` is
    /// complete and its facts are the base as they are.
    fn year_closed(year: i32) -> RevenueRow {
        revenue(day(year, 12, 31), None, 0.0)
    }

    fn direction(name: &str) -> Direction {
        Direction { name: name.to_string(), margin: 0.4, visits_per_patient: None }
    }

    fn channel(name: &str, tier: Tier) -> Channel {
        Channel { name: name.to_string(), tier, ..Channel::default() }
    }

    fn spend(m: Month, channel: &str, spend: f64) -> BudgetRow {
        BudgetRow { branch: None, month: m, channel: channel.to_string(), budget_plan: None, spend: Some(spend) }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[track_caller]
    fn assert_close(a: f64, b: f64) {
        assert!(close(a, b), "{a} != {b}");
    }

    /// The clinic's revenue_plan of a month as the metrics read the Plan sheet: whole-clinic rows,
    /// else the sum of direction rows.
    fn sheet_revenue_plan(p: &Project, m: Month) -> f64 {
        let rows: Vec<&PlanRow> = p.plan.iter().filter(|r| r.month == m).collect();
        let whole: Vec<&&PlanRow> = rows.iter().filter(|r| r.direction.is_none()).collect();
        if whole.is_empty() {
            rows.iter().map(|r| r.revenue_plan).sum()
        } else {
            whole.iter().map(|r| r.revenue_plan).sum()
        }
    }

    #[test]
    fn growth_per_direction_overrides_clinic_growth() {
        let mut p = Project::new();
        p.directions = vec![direction("Стоматология"), direction("Гинекология")];
        p.revenue = vec![
            revenue(day(2024, 1, 10), Some("Стоматология"), 60_000.0),
            revenue(day(2024, 1, 11), Some("Стоматология"), 40_000.0),
            revenue(day(2024, 2, 1), Some("Стоматология"), 200_000.0),
            revenue(day(2024, 1, 5), Some("Гинекология"), 50_000.0),
            // Other years are not the base.
            revenue(day(2023, 1, 5), Some("Гинекология"), 999_000.0),
            revenue(day(2025, 1, 5), Some("Гинекология"), 999_000.0),
        ];
        let mut input = PlanInput::new(2025);
        // Lower case on purpose: the override finds «Гинекология» ignoring case.
        input.growth_by_direction.insert("гинекология".into(), 0.30);
        let plan = build_plan(&p, &input);
        assert_eq!(plan.months.len(), 12);
        assert_eq!(plan.months[0].month, month(2025, 1));
        assert_eq!(plan.months[11].month, month(2025, 12));
        let jan = &plan.months[0];
        // Стоматология: (60 000 + 40 000) × 1.15 = 115 000; Гинекология: 50 000 × 1.30 = 65 000.
        assert_close(jan.directions["Стоматология"], 115_000.0);
        assert_close(jan.directions["Гинекология"], 65_000.0);
        assert_close(jan.revenue_plan, 180_000.0);
        // Budget 7 % of 180 000 = 12 600; no channels, so no split.
        assert_close(jan.budget_plan, 12_600.0);
        assert!(jan.channels.is_empty());
        let feb = &plan.months[1];
        // 200 000 × 1.15 = 230 000; Гинекология had revenue in 2024, so it has a row, 0 in February.
        assert_close(feb.directions["Стоматология"], 230_000.0);
        assert_eq!(feb.directions["Гинекология"], 0.0);
        assert_close(feb.revenue_plan, 230_000.0);
        let dec = &plan.months[11];
        assert_eq!(dec.revenue_plan, 0.0);
        assert_eq!(dec.directions.len(), 2);
        assert!(!plan.notices.iter().any(|n| matches!(n, PlanNotice::GrowthUnused { .. })), "{:?}", plan.notices);
    }

    #[test]
    fn direction_without_last_year_revenue_gets_no_rows() {
        let mut p = Project::new();
        p.directions = vec![direction("Стоматология"), direction("Неврология")];
        p.revenue = vec![
            revenue(day(2024, 3, 1), Some("Стоматология"), 100_000.0),
            // УЗИ worked in 2023 only; Косметология opens in 2025: neither has 2024 revenue.
            revenue(day(2023, 3, 1), Some("УЗИ"), 10_000.0),
            revenue(day(2025, 3, 1), Some("Косметология"), 10_000.0),
        ];
        let mut input = PlanInput::new(2025);
        input.growth_by_direction.insert("Неврология".into(), 0.5);
        let plan = build_plan(&p, &input);
        for m in &plan.months {
            assert_eq!(m.directions.keys().collect::<Vec<_>>(), ["Стоматология"]);
        }
        // 100 000 × 1.15.
        assert_close(plan.months[2].revenue_plan, 115_000.0);
        let missing = plan
            .notices
            .iter()
            .find_map(|n| match n {
                PlanNotice::NoRevenueFor { year: 2024, directions, plan_year: 2025 } => Some(directions),
                _ => None,
            })
            .unwrap();
        for d in ["Неврология", "УЗИ", "Косметология"] {
            assert!(missing.iter().any(|m| m == d), "{missing:?}");
        }
        assert!(!missing.iter().any(|m| m == "Стоматология"));
        assert!(
            plan.notices
                .iter()
                .any(|n| matches!(n, PlanNotice::GrowthUnused { direction, year: 2024 } if direction == "Неврология"))
        );
    }

    #[test]
    fn no_revenue_at_all_still_gives_twelve_zero_months() {
        let plan = build_plan(&Project::new(), &PlanInput::new(2025));
        assert_eq!(plan.months.len(), 12);
        assert!(plan.months.iter().all(|m| m.revenue_plan == 0.0 && m.budget_plan == 0.0 && m.directions.is_empty()));
        assert!(plan.notices.contains(&PlanNotice::NoRevenue { year: 2024, plan_year: 2025 }));
        let bad = build_plan(&Project::new(), &PlanInput::new(20_000));
        assert!(bad.months.is_empty());
        assert_eq!(bad.notices.len(), 1);
    }

    #[test]
    fn blank_direction_revenue_is_planned_with_clinic_growth() {
        let mut p = Project::new();
        p.directions = vec![direction("Стоматология")];
        p.revenue = vec![
            revenue(day(2024, 3, 1), None, 6_000.0),
            // A blank name is the same as no name.
            revenue(day(2024, 3, 2), Some("  "), 4_000.0),
            revenue(day(2024, 3, 3), Some("Стоматология"), 20_000.0),
            // A refund month: −5 000 net, planned at 0 with a notice.
            revenue(day(2024, 4, 3), None, 1_000.0),
            revenue(day(2024, 4, 4), None, -6_000.0),
        ];
        let mut input = PlanInput::new(2025);
        input.growth = 0.20;
        // The blank direction always grows by the clinic growth.
        input.growth_by_direction.insert(String::new(), 1.0);
        let plan = build_plan(&p, &input);
        let mar = &plan.months[2];
        // Blank: (6 000 + 4 000) × 1.2 = 12 000; Стоматология: 20 000 × 1.2 = 24 000.
        assert_close(mar.directions[""], 12_000.0);
        assert_close(mar.directions["Стоматология"], 24_000.0);
        assert_close(mar.revenue_plan, 36_000.0);
        assert_eq!(plan.months[3].directions[""], 0.0);
        assert!(plan.notices.iter().any(
            |n| matches!(n, PlanNotice::Refunds { direction, month: m } if direction.is_empty() && *m == month(2024, 4))
        ));
        assert!(plan.notices.contains(&PlanNotice::DirectionlessGrowthUnused));
    }

    #[test]
    fn tier_without_spend_splits_equally_and_weights_come_from_last_year() {
        let mut p = Project::new();
        p.channels = vec![
            channel("Яндекс", Tier::Proven),
            channel("2ГИС", Tier::Proven),
            channel("ВК", Tier::Scaling),
            channel("Telegram", Tier::Scaling),
            channel("День открытых дверей", Tier::Experiment),
        ];
        p.revenue = vec![revenue(day(2024, 1, 15), None, 1_000_000.0), year_closed(2024)];
        p.budget = vec![
            spend(month(2024, 1), "Яндекс", 200_000.0),
            spend(month(2024, 7), "Яндекс", 100_000.0),
            spend(month(2024, 1), "2ГИС", 100_000.0),
            spend(month(2024, 1), "ВК", 0.0),
            spend(month(2024, 2), "День открытых дверей", 50_000.0),
            // Another year does not weigh; a channel off the sheet has no tier.
            spend(month(2023, 1), "2ГИС", 900_000.0),
            spend(month(2024, 1), "Авито", 40_000.0),
        ];
        let mut input = PlanInput::new(2025);
        input.growth = 0.0;
        let plan = build_plan(&p, &input);
        let jan = &plan.months[0];
        // Budget 7 % × 1 000 000 = 70 000.
        assert_close(jan.budget_plan, 70_000.0);
        // Proven 80 % = 56 000 by 2024 spend 300 000 : 100 000 → 42 000 and 14 000.
        assert_close(jan.channels["Яндекс"], 42_000.0);
        assert_close(jan.channels["2ГИС"], 14_000.0);
        // Scaling 15 % = 10 500, nothing spent in 2024 → 5 250 each.
        assert_close(jan.channels["ВК"], 5_250.0);
        assert_close(jan.channels["Telegram"], 5_250.0);
        // Experiment 5 % = 3 500.
        assert_close(jan.channels["День открытых дверей"], 3_500.0);
        assert!(!jan.channels.contains_key("Авито"));
        assert_close(jan.channels.values().sum(), 70_000.0);
        // February has no revenue: every channel is still listed, at 0.
        assert_eq!(plan.months[1].channels.len(), 5);
        assert!(plan.months[1].channels.values().all(|v| *v == 0.0));
        assert!(
            plan.notices
                .iter()
                .any(|n| matches!(n, PlanNotice::Untiered { channels, .. } if channels.iter().any(|c| c == "Авито")))
        );
    }

    #[test]
    fn tier_without_channels_gives_its_part_to_the_others() {
        let mut p = Project::new();
        p.channels = vec![channel("Яндекс", Tier::Proven), channel("ВК", Tier::Scaling)];
        p.revenue = vec![revenue(day(2024, 1, 15), Some("Стоматология"), 1_000_000.0), year_closed(2024)];
        p.budget = vec![spend(month(2024, 1), "Яндекс", 100.0)];
        let mut input = PlanInput::new(2025);
        input.growth = 0.0;
        let plan = build_plan(&p, &input);
        let jan = &plan.months[0];
        // 70 000 × 0.80 / 0.95 = 58 947.368…; 70 000 × 0.15 / 0.95 = 11 052.631…
        assert_close(jan.channels["Яндекс"], 70_000.0 * 0.80 / 0.95);
        assert_close(jan.channels["ВК"], 70_000.0 * 0.15 / 0.95);
        assert_close(jan.channels["Яндекс"], 58_947.368_421_052_63);
        assert_close(jan.channels.values().sum(), 70_000.0);
        assert!(plan.notices.iter().any(|n| matches!(n, PlanNotice::EmptyTier { tier: Tier::Experiment, .. })));

        // A split that does not add up to 100 % is scaled to it: 60/30/0 → 2/3 and 1/3.
        input.tiers = [0.6, 0.3, 0.0];
        let plan = build_plan(&p, &input);
        assert_close(plan.months[0].channels["Яндекс"], 70_000.0 * 2.0 / 3.0);
        assert_close(plan.months[0].channels["ВК"], 70_000.0 / 3.0);
        assert!(!plan.notices.iter().any(|n| matches!(n, PlanNotice::EmptyTier { .. })));

        // No channels at all: the budget is still 7 % of revenue, the map is empty.
        p.channels.clear();
        let plan = build_plan(&p, &PlanInput { growth: 0.0, ..PlanInput::new(2025) });
        assert_close(plan.months[0].budget_plan, 70_000.0);
        assert!(plan.months[0].channels.is_empty());
        assert!(plan.notices.contains(&PlanNotice::NoChannels));
    }

    #[test]
    fn months_not_complete_are_estimated_by_the_contract_rules() {
        let mut p = Project::new();
        let uzi = Some("УЗИ");
        let mrt = Some("МРТ");
        p.revenue = vec![
            // 2025 (Y − 2): УЗИ in January, February and December; МРТ nothing.
            revenue(day(2025, 1, 10), uzi, 100_000.0),
            revenue(day(2025, 2, 10), uzi, 200_000.0),
            revenue(day(2025, 12, 10), uzi, 50_000.0),
            // 2026 (Y − 1): УЗИ in January–March, and November to date (D = 18 November).
            revenue(day(2026, 1, 10), uzi, 120_000.0),
            revenue(day(2026, 2, 10), uzi, 260_000.0),
            revenue(day(2026, 3, 10), uzi, 90_000.0),
            revenue(day(2026, 11, 2), uzi, 30_000.0),
            revenue(day(2026, 11, 18), uzi, 40_000.0),
            // МРТ opened in May 2026.
            revenue(day(2026, 5, 10), mrt, 300_000.0),
            revenue(day(2026, 6, 10), mrt, 100_000.0),
        ];
        let input = PlanInput { growth: 0.0, ..PlanInput::new(2027) };
        let plan = build_plan(&p, &input);
        let uzi_of = |m: usize| plan.months[m - 1].directions["УЗИ"];
        let mrt_of = |m: usize| plan.months[m - 1].directions["МРТ"];
        // Complete months are the facts, 0 included (April–October had no УЗИ revenue).
        assert_close(uzi_of(1), 120_000.0);
        assert_close(uzi_of(3), 90_000.0);
        assert_eq!(uzi_of(7), 0.0);
        // November in progress: 70 000 to date; weights Mon–Fri 1, Sat 0.5, Sun 0, 1 Nov a Sunday:
        // the month weighs 21 + 4 × 0.5 = 23, days 1..18 weigh 13 + 2 × 0.5 = 14 → 70 000 × 23 / 14
        // = 115 000.
        assert_close(uzi_of(11), 115_000.0);
        // December is in the future: 2025-12 × trend, trend = (120 000 + 260 000) / (100 000 +
        // 200 000) over the complete months with 2025 revenue (March had none in 2025) = 1.2666…;
        // 50 000 × 380 / 300 = 63 333.33…
        assert_close(uzi_of(12), 50_000.0 * 380.0 / 300.0);
        // МРТ: January–April come before its first row and 2025 had none: the mean of its complete
        // months with revenue, (300 000 + 100 000) / 2 = 200 000; December the same. November has
        // nothing to date, so its scaled base is 0.
        for m in [1, 2, 3, 4, 12] {
            assert_close(mrt_of(m), 200_000.0);
        }
        assert_close(mrt_of(5), 300_000.0);
        assert_eq!(mrt_of(11), 0.0);
        // One notice per month, reason and rule.
        use EstimateReason as R;
        use EstimateRule as U;
        let estimates: Vec<&Estimate> = plan.estimates().collect();
        let keys: Vec<(Month, R, U)> = estimates.iter().map(|e| (e.month, e.reason, e.rule)).collect();
        let mut expected: Vec<(Month, R, U)> = (1..=4).map(|m| (month(2026, m), R::BeforeFirstRow, U::Mean)).collect();
        expected.extend([
            (month(2026, 11), R::InProgress, U::Scaled),
            (month(2026, 12), R::Future, U::Trend),
            (month(2026, 12), R::Future, U::Mean),
        ]);
        assert_eq!(keys, expected);
        let nov = estimates[4];
        assert_eq!(nov.directions, [("МРТ".to_string(), None), ("УЗИ".to_string(), None)]);
        let dec_trend = estimates[5];
        assert_eq!(dec_trend.directions.len(), 1);
        assert_close(dec_trend.directions[0].1.unwrap(), 380.0 / 300.0);
        assert!(matches!(&plan.notices[5], PlanNotice::Estimated(e) if e == dec_trend), "{:?}", plan.notices);
    }

    #[test]
    fn a_month_in_progress_without_weight_so_far_is_estimated_like_a_future_one() {
        let mut p = Project::new();
        p.revenue = vec![
            revenue(day(2025, 11, 10), None, 80_000.0),
            revenue(day(2026, 10, 10), None, 100_000.0),
            // D = Sunday 1 November 2026: no weighted day has passed.
            revenue(day(2026, 11, 1), None, 5_000.0),
        ];
        let plan = build_plan(&p, &PlanInput { growth: 0.0, ..PlanInput::new(2027) });
        // No complete month of 2026 has 2025 revenue, so trend = 1: 80 000 × 1.
        assert_close(plan.months[10].revenue_plan, 80_000.0);
        // December: no 2025 revenue either → mean of complete months with revenue = 100 000.
        assert_close(plan.months[11].revenue_plan, 100_000.0);
        let first = plan.estimates().next().unwrap();
        assert_eq!(first.reason, EstimateReason::InProgressNoWeight);
        assert_eq!(first.rule, EstimateRule::Trend);
    }

    #[test]
    fn the_demo_clinics_next_year_has_no_zero_month() {
        let p = crate::demo::demo_project();
        let plan = build_plan(&p, &PlanInput::new(default_year(&p)));
        assert_eq!(plan.months.len(), 12);
        for m in &plan.months {
            assert!(m.revenue_plan > 0.0, "{} is planned at {}", m.month, m.revenue_plan);
        }
        assert!(plan.estimates().next().is_some());
    }

    #[test]
    fn seasonality_is_preserved() {
        let mut p = Project::new();
        for m in 1..=12 {
            // Summer dip: 2024 month m brings m × 10 000 in Стоматология and 5 000 in УЗИ, on two days.
            p.revenue.push(revenue(day(2024, m, 1), Some("Стоматология"), m as f64 * 4_000.0));
            p.revenue.push(revenue(day(2024, m, 20), Some("Стоматология"), m as f64 * 6_000.0));
            p.revenue.push(revenue(day(2024, m, 20), Some("УЗИ"), 5_000.0));
        }
        p.revenue.push(year_closed(2024));
        let plan = build_plan(&p, &PlanInput::new(2025));
        let base = |m: u32| m as f64 * 10_000.0 + 5_000.0;
        for (i, pm) in plan.months.iter().enumerate() {
            let m = i as u32 + 1;
            // Same growth everywhere: each month's share of the year equals last year's.
            assert_close(pm.revenue_plan / plan.months[0].revenue_plan, base(m) / base(1));
            assert_close(pm.revenue_plan, base(m) * 1.15);
            assert_close(pm.budget_plan, base(m) * 1.15 * 0.07);
        }
    }

    #[test]
    fn apply_plan_replaces_only_year_y() {
        let mut p = Project::new();
        p.directions = vec![direction("Стоматология"), direction("Неврология")];
        p.channels = vec![channel("Яндекс", Tier::Proven), channel("ВК", Tier::Scaling)];
        p.revenue = vec![
            revenue(day(2024, 1, 15), Some("Стоматология"), 100_000.0),
            revenue(day(2024, 1, 16), None, 20_000.0),
            year_closed(2024),
        ];
        let plan_row = |m: Month, d: Option<&str>, v: f64, leads: Option<f64>| PlanRow {
            branch: None,
            month: m,
            direction: d.map(str::to_string),
            revenue_plan: v,
            leads_plan: leads,
            booking_rate_plan: None,
            show_rate_plan: None,
            paid_rate_plan: None,
            revenue_per_paid_plan: None,
        };
        p.plan = vec![
            plan_row(month(2024, 1), None, 1.0, None),
            plan_row(month(2025, 1), None, 2.0, Some(300.0)),
            plan_row(month(2025, 1), Some("Неврология"), 3.0, None),
            plan_row(month(2025, 5), Some("Стоматология"), 4.0, Some(40.0)),
            plan_row(month(2026, 1), Some("Стоматология"), 5.0, None),
        ];
        p.budget = vec![
            BudgetRow {
                branch: None,
                month: month(2024, 1),
                channel: "Яндекс".into(),
                budget_plan: Some(1.0),
                spend: Some(100.0),
            },
            BudgetRow {
                branch: None,
                month: month(2025, 1),
                channel: "Яндекс".into(),
                budget_plan: Some(5.0),
                spend: Some(1_000.0),
            },
            BudgetRow {
                branch: None,
                month: month(2025, 1),
                channel: "Яндекс".into(),
                budget_plan: Some(7.0),
                spend: None,
            },
            BudgetRow {
                branch: None,
                month: month(2025, 1),
                channel: "Авито".into(),
                budget_plan: Some(9.0),
                spend: Some(3.0),
            },
            BudgetRow {
                branch: None,
                month: month(2025, 2),
                channel: "Авито".into(),
                budget_plan: Some(9.0),
                spend: None,
            },
        ];
        let mut input = PlanInput::new(2025);
        input.growth = 0.0;
        let plan = build_plan(&p, &input);
        apply_plan(&mut p, &plan);

        // Other years untouched.
        assert!(p.plan.contains(&plan_row(month(2024, 1), None, 1.0, None)));
        assert!(p.plan.contains(&plan_row(month(2026, 1), Some("Стоматология"), 5.0, None)));
        // 2025: 12 whole-clinic rows (there is blank revenue) + 12 Стоматология rows; Неврология gone.
        let y: Vec<&PlanRow> = p.plan.iter().filter(|r| r.month.year == 2025).collect();
        assert_eq!(y.len(), 24);
        assert!(y.iter().all(|r| r.direction.as_deref() != Some("Неврология")));
        // January: whole clinic 120 000 (keeps its leads plan), Стоматология 100 000.
        assert!(p.plan.contains(&plan_row(month(2025, 1), None, 120_000.0, Some(300.0))));
        assert!(p.plan.contains(&plan_row(month(2025, 1), Some("Стоматология"), 100_000.0, None)));
        assert!(p.plan.contains(&plan_row(month(2025, 5), Some("Стоматология"), 0.0, Some(40.0))));
        // The clinic's plan as the metrics read it is the plan's total, every month.
        for pm in &plan.months {
            assert_close(sheet_revenue_plan(&p, pm.month), pm.revenue_plan);
        }

        // Budget: January 0.07 × 120 000 = 8 400: proven Яндекс gets
        // 8 400 × 0.80 / 0.95, scaling ВК 8 400 × 0.15 / 0.95 (no experiment channel).
        let rows =
            |m: Month, c: &str| p.budget.iter().filter(|r| r.month == m && r.channel == c).cloned().collect::<Vec<_>>();
        let jan_y = rows(month(2025, 1), "Яндекс");
        assert_eq!(jan_y.len(), 1, "the duplicate row with no spend is removed");
        assert_eq!(jan_y[0].spend, Some(1_000.0));
        assert_close(jan_y[0].budget_plan.unwrap(), 8_400.0 * 0.80 / 0.95);
        let jan_vk = rows(month(2025, 1), "ВК");
        assert_eq!(jan_vk.len(), 1);
        assert_eq!(jan_vk[0].spend, None);
        assert_close(jan_vk[0].budget_plan.unwrap(), 8_400.0 * 0.15 / 0.95);
        // Авито is not on the Channels sheet: its plan for 2025 goes, its spend stays.
        assert_eq!(
            rows(month(2025, 1), "Авито"),
            [BudgetRow {
                branch: None,
                month: month(2025, 1),
                channel: "Авито".into(),
                budget_plan: None,
                spend: Some(3.0)
            }]
        );
        assert!(rows(month(2025, 2), "Авито").is_empty());
        assert_eq!(rows(month(2024, 1), "Яндекс")[0].budget_plan, Some(1.0));
        // Every (month of 2025, sheet channel) has exactly one row.
        for m in 1..=12 {
            assert_eq!(rows(month(2025, m), "Яндекс").len(), 1);
            assert_eq!(rows(month(2025, m), "ВК").len(), 1);
        }
    }

    #[test]
    fn apply_plan_without_blank_revenue_writes_direction_rows_only() {
        let mut p = Project::new();
        p.revenue = vec![revenue(day(2024, 6, 1), Some("УЗИ"), 10_000.0), year_closed(2024)];
        p.budget = vec![BudgetRow {
            branch: None,
            month: month(2025, 6),
            channel: "Яндекс".into(),
            budget_plan: Some(9.0),
            spend: None,
        }];
        let plan = build_plan(&p, &PlanInput::new(2025));
        apply_plan(&mut p, &plan);
        assert_eq!(p.plan.len(), 12);
        assert!(p.plan.iter().all(|r| r.direction.as_deref() == Some("УЗИ") && r.leads_plan.is_none()));
        assert_close(sheet_revenue_plan(&p, month(2025, 6)), 11_500.0);
        // No channels: the Budget sheet is left as it was.
        assert_eq!(p.budget.len(), 1);
        assert_eq!(p.budget[0].budget_plan, Some(9.0));
    }

    #[test]
    fn json_has_the_contract_shape() {
        let mut p = Project::new();
        p.channels = vec![channel("Яндекс", Tier::Proven)];
        p.revenue = vec![
            revenue(day(2024, 1, 1), Some("УЗИ"), 100_000.0),
            revenue(day(2024, 1, 2), None, 100_000.0),
            year_closed(2024),
        ];
        let mut input = PlanInput::new(2025);
        // Binary-exact inputs (1/2 and 1/16), so the JSON numbers can be compared exactly.
        input.growth = 0.5;
        input.marketing_share = 0.0625;
        let plan = build_plan(&p, &input);
        assert!(!plan.notices.is_empty());
        let v = serde_json::to_value(&plan).unwrap();
        let top: Vec<&String> = v.as_object().unwrap().keys().collect();
        // The notices are data: the CLI adds them to its JSON as sentences.
        assert_eq!(top, ["months", "year"]);
        assert_eq!(v["year"], 2025);
        assert_eq!(v["months"].as_array().unwrap().len(), 12);
        // January: 2 × 100 000 × 1.5 = 300 000; budget 300 000 / 16 = 18 750, all to the only
        // (proven) channel.
        assert_eq!(
            v["months"][0],
            serde_json::json!({
                "month": "2025-01",
                "revenue_plan": 300_000.0,
                "budget_plan": 18_750.0,
                "directions": {"": 150_000.0, "УЗИ": 150_000.0},
                "channels": {"Яндекс": 18_750.0}
            })
        );
        assert_eq!(
            v["months"][11],
            serde_json::json!({
                "month": "2025-12",
                "revenue_plan": 0.0,
                "budget_plan": 0.0,
                "directions": {"": 0.0, "УЗИ": 0.0},
                "channels": {"Яндекс": 0.0}
            })
        );
    }

    #[test]
    fn percents_and_tiers_parse() {
        assert_eq!(parse_percent("15%"), Some(0.15));
        assert_eq!(parse_percent("+15%"), Some(0.15));
        assert_eq!(parse_percent(" + 15 % "), Some(0.15));
        assert_eq!(parse_percent("0.15"), Some(0.15));
        assert_eq!(parse_percent("-5%"), Some(-0.05));
        assert_eq!(parse_percent("−5%"), Some(-0.05));
        assert_eq!(parse_percent("12,5%"), Some(0.125));
        assert_eq!(parse_percent("15"), Some(0.15));
        assert_eq!(parse_percent("1"), Some(1.0));
        assert_eq!(parse_percent("100%"), Some(1.0));
        for bad in ["", "%", "abc", "inf", "NaN%", "15%%", "1e3"] {
            assert_eq!(parse_percent(bad), None, "{bad}");
        }
        assert_eq!(parse_tiers("80/15/5"), Some([0.80, 0.15, 0.05]));
        assert_eq!(parse_tiers("80% / 15% / 5%"), Some([0.80, 0.15, 0.05]));
        assert_eq!(parse_tiers("0.8/0.15/0.05"), Some([0.8, 0.15, 0.05]));
        assert_eq!(parse_tiers("0,7/0,2/0,1"), Some([0.7, 0.2, 0.1]));
        assert_eq!(parse_tiers("100/0/0"), Some([1.0, 0.0, 0.0]));
        assert_eq!(parse_tiers("70/20/5"), Some([0.70, 0.20, 0.05]));
        for bad in ["80/20", "80/15/5/0", "80/-15/5", "0/0/0", "a/b/c", "80//5"] {
            assert_eq!(parse_tiers(bad), None, "{bad}");
        }
        assert_eq!(parse_direction_growth("Стоматология=30%"), Some(("Стоматология".to_string(), 0.30)));
        assert_eq!(parse_direction_growth(" УЗИ = -5% "), Some(("УЗИ".to_string(), -0.05)));
        assert_eq!(parse_direction_growth("=30%"), None);
        assert_eq!(parse_direction_growth("УЗИ"), None);
    }

    #[test]
    fn warnings_flag_share_and_tiers() {
        assert!(PlanInput::new(2025).warnings().is_empty());
        let mut input = PlanInput::new(2025);
        input.marketing_share = 0.12;
        input.tiers = [0.70, 0.20, 0.05];
        let w = input.warnings();
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(w[0], PlanWarning::ShareOutsideRange { share: 0.12 });
        // 0.70 + 0.20 + 0.05 = 0.95.
        assert!(
            matches!(w[1], PlanWarning::TiersSum { tiers: [0.70, 0.20, 0.05], sum } if (sum - 0.95).abs() < 1e-9),
            "{w:?}"
        );
        input.marketing_share = 0.04;
        input.tiers = DEFAULT_TIERS;
        assert!(input.warnings().is_empty(), "4 % is inside the reference range");
        input.marketing_share = 0.03;
        assert_eq!(input.warnings().len(), 1);
        input.marketing_share = 0.07;
        input.growth = -1.0;
        assert_eq!(input.warnings().len(), 1);
    }

    #[test]
    fn branch_totals_add_each_branch_over_the_year() {
        let pm = |m: u32, north: f64, south_a: f64, south_b: f64| PlanMonth {
            month: month(2026, m),
            revenue_plan: north + south_a + south_b,
            budget_plan: 0.0,
            directions: BTreeMap::new(),
            channels: BTreeMap::new(),
            branches: BTreeMap::from([
                ("North".to_string(), BTreeMap::from([("Dent".to_string(), north)])),
                ("South".to_string(), BTreeMap::from([("Dent".to_string(), south_a), ("".to_string(), south_b)])),
            ]),
        };
        let plan = YearPlan {
            year: 2026,
            months: vec![pm(1, 100.0, 40.0, 5.0), pm(2, 120.0, 30.0, 0.0)],
            notices: Vec::new(),
        };
        let t = plan.branch_totals();
        // North 100 + 120 = 220; South 40 + 5 + 30 + 0 = 75; the chain 145 + 150 = 295 = 220 + 75.
        assert!(close(t["North"], 220.0) && close(t["South"], 75.0), "{t:?}");
        assert!(close(plan.revenue_total(), 295.0));
        assert!(YearPlan { months: Vec::new(), ..plan }.branch_totals().is_empty());
    }

    #[test]
    fn a_chain_is_planned_branch_by_branch_and_written_back_per_branch() {
        let mut p = Project::new();
        p.directions = vec![direction("Dent")];
        p.channels = vec![channel("Ads", Tier::Proven)];
        let at = |b: Option<&str>, r: RevenueRow| RevenueRow { branch: b.map(str::to_string), ..r };
        p.revenue = vec![
            at(Some("North"), revenue(day(2025, 1, 10), Some("Dent"), 100_000.0)),
            at(Some("South"), revenue(day(2025, 1, 12), Some("Dent"), 40_000.0)),
            // The chain's own takings without a direction (e.g. a central call centre's sales).
            at(None, revenue(day(2025, 1, 15), None, 10_000.0)),
            at(Some("North"), revenue(day(2025, 12, 31), Some("Dent"), 1.0)),
        ];
        p.budget = vec![spend(month(2025, 1), "Ads", 5_000.0)];
        let mut input = PlanInput::new(2026);
        input.growth = 0.10;
        let plan = build_plan(&p, &input);
        let jan = &plan.months[0];
        // Each group grows by 10 %: North 110 000, South 44 000, the chain's own 11 000 = 165 000.
        assert!(close(jan.revenue_plan, 165_000.0), "{jan:?}");
        assert!(close(jan.directions["Dent"], 154_000.0));
        assert!(close(jan.branches["North"]["Dent"], 110_000.0));
        assert!(close(jan.branches["South"]["Dent"], 44_000.0));
        assert!(close(jan.branches[""][""], 11_000.0));
        // 7 % of the chain's plan, all to the one channel.
        assert!(close(jan.channels["Ads"], 0.07 * 165_000.0));

        apply_plan(&mut p, &plan);
        let jan26 = month(2026, 1);
        let rows: Vec<_> = p.plan.iter().filter(|r| r.month == jan26).collect();
        assert!(rows.iter().any(|r| r.branch.as_deref() == Some("North") && r.direction.as_deref() == Some("Dent")));
        // The chain's revenue_plan read back = Σ branches + the rule on blank-branch rows.
        assert!(close(crate::metrics::revenue_plan_of(&p, jan26, None), 165_000.0));
    }
}
