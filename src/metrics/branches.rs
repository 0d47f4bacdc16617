//! Branches (филиалы) of a chain (domain.md, "Branches"): the branch names in the data, a
//! one-branch view of the project for `--branch` (its own rows plus its share of the chain's shared
//! spend), and the side-by-side comparison that `branches` in the JSON lists.
//!
//! A shared campaign (a Budget row with a blank branch) is paid for by every branch whose patients
//! it brought: each month its spend and budget plan are split over the branches in proportion to
//! that channel's leads that name a branch. A month in which none of the channel's leads names a
//! branch keeps its shared spend unallocated: in the chain's totals, in no branch.

use rustc_hash::FxHashMap;

use serde::Serialize;

use super::asof::AsOf;
use super::buckets::{Cell, Funnel};
use super::budget::BudgetSums;
use super::num::{Guard, Recent, same_text};
use super::{Filter, Margins, RevenueSums, Sheets, Sums, val};
use crate::model::{BranchScope, Month, NpsGroup, Project, branch_key, named_branch};

/// One branch over the period (shared spend split in by leads).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BranchKpis {
    /// The branch as first written in the data.
    pub branch: String,
    /// The branch's revenue plan (whole-clinic / direction-row rule on its own Plan rows).
    pub revenue_plan: Option<f64>,
    /// Sum of its Revenue rows.
    pub revenue: Option<f64>,
    /// revenue / revenue_plan.
    pub plan_completion: Option<f64>,
    /// The plan fallen due by the chain's as-of day.
    pub plan_to_date: Option<f64>,
    /// revenue / plan_to_date.
    pub completion_to_date: Option<f64>,
    /// Own spend plus its share of the chain's shared spend.
    pub spend: Option<f64>,
    /// Its leads.
    pub leads: Option<f64>,
    /// Its new patients who came.
    pub visits: Option<f64>,
    /// Its new patients who paid.
    pub paid: Option<f64>,
    /// Its attributed revenue.
    pub attributed_revenue: Option<f64>,
    /// spend / leads.
    pub cpl: Option<f64>,
    /// spend / visits.
    pub cac: Option<f64>,
    /// (attributed_gross_profit − spend) / spend.
    pub romi: Option<f64>,
    /// revenue / checks.
    pub avg_check: Option<f64>,
    /// Its contacts (Calls sheet).
    pub contacts: Option<f64>,
    /// answered / contacts.
    pub answer_rate: Option<f64>,
    /// NPS of all the branch's answers.
    pub nps: Option<f64>,
    /// Its bookings (the app's funnel rates; not in the JSON contract).
    #[serde(skip)]
    pub bookings: Option<f64>,
    /// bookings / leads.
    #[serde(skip)]
    pub booking_rate: Option<f64>,
    /// visits / bookings.
    #[serde(skip)]
    pub show_rate: Option<f64>,
    /// paid / visits.
    #[serde(skip)]
    pub paid_rate: Option<f64>,
}

/// A `--branch` that names no branch of the data.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("there is no branch «{name}» in this clinic's data; {}", known_list(.known))]
pub struct UnknownBranch {
    /// The name as the user gave it.
    pub name: String,
    /// The branches the data names, ascending.
    pub known: Vec<String>,
}

fn known_list(known: &[String]) -> String {
    if known.is_empty() {
        "no row names a branch (the branch column is empty or missing)".to_string()
    } else {
        format!("the branches are: {}", known.join(", "))
    }
}

/// Branch cells → dense indices, by key. Rows of one branch usually come together, so the last
/// cell is remembered and most rows are answered by comparing its address (the buckets' cells of
/// one spelling share one text) or its bytes; every other spelling seen is remembered too, so a
/// sheet whose rows take turns between branches (a chain's Revenue days) costs a hash lookup per
/// row, not a case-folding of its text.
#[derive(Default)]
struct Branches<'a> {
    names: Vec<String>,
    keys: Vec<String>,
    /// Each raw spelling seen → its index (`None`: blank).
    seen: FxHashMap<&'a str, Option<usize>>,
    last: Option<(&'a str, Option<usize>)>,
}

impl<'a> Branches<'a> {
    fn seeded(names: &'a [String]) -> Self {
        let mut b = Self::default();
        for n in names {
            b.index(Some(n));
        }
        b
    }

    /// The index of the cell's branch (added when new); `None` for a blank cell.
    fn index(&mut self, cell: Option<&'a str>) -> Option<usize> {
        let raw = cell?;
        if let Some((last, i)) = self.last
            && same_text(last, raw)
        {
            return i;
        }
        let i = match self.seen.get(raw) {
            Some(i) => *i,
            None => {
                let i = branch_key(Some(raw)).map(|k| match self.keys.iter().position(|x| *x == k) {
                    Some(i) => i,
                    None => {
                        self.keys.push(k);
                        self.names.push(raw.trim().to_string());
                        self.keys.len() - 1
                    }
                });
                self.seen.insert(raw, i);
                i
            }
        };
        self.last = Some((raw, i));
        i
    }
}

/// The branches the data names (every sheet, raw export and call journal), each as first written,
/// ascending case-insensitively. Empty for a single clinic.
pub fn branch_names(project: &Project) -> Vec<String> {
    names_over(
        project,
        project.budget.iter().map(|r| r.branch.as_deref()),
        Funnel::Rows(&project.funnel),
        project.revenue.iter().map(|r| r.branch.as_deref()),
    )
}

/// [`branch_names`] with `budget`, `funnel` and `revenue` standing for those sheets: their rows'
/// branch cells, or those of their sums (each spelling at least once, in the order it first
/// appears, names the branches as the rows would).
fn names_over<'a>(
    project: &'a Project,
    budget: impl Iterator<Item = Option<&'a str>>,
    funnel: Funnel<'a>,
    revenue: impl Iterator<Item = Option<&'a str>>,
) -> Vec<String> {
    let mut seen = Branches::default();
    // The sheets in the model's order, the Budget, Funnel and Revenue sheets (after Plan) given.
    let plan = project.plan.iter().map(|r| r.branch.as_deref());
    let rest = project.branch_cells_with(&[]).skip(project.plan.len() + project.budget.len() + project.revenue.len());
    for c in plan.chain(budget).chain(funnel.branch_cells()).chain(revenue).chain(rest) {
        seen.index(c);
    }
    let mut names = seen.names;
    names.sort_by_cached_key(|n| (n.to_lowercase(), n.clone()));
    names
}

/// The branch of the data that `name` means (trimmed, case-insensitive), as first written.
///
/// # Errors
/// [`UnknownBranch`], listing the known branches, when none matches.
pub fn resolve_branch(project: &Project, name: &str) -> Result<String, UnknownBranch> {
    let names = branch_names(project);
    let key = branch_key(Some(name)).unwrap_or_default();
    names
        .iter()
        .find(|n| branch_key(Some(n)).as_deref() == Some(key.as_str()))
        .cloned()
        .ok_or_else(|| UnknownBranch { name: name.trim().to_string(), known: names })
}

/// Leads per shared channel-month and branch, from Funnel rows that name a branch: what the
/// chain's shared spend is split by. Only the channel-months of the chain's shared campaigns
/// (Budget cells with a blank branch) are counted.
struct SharedSplit<'a> {
    nb: usize,
    /// The shared campaigns' channels, each once.
    channels: Vec<&'a str>,
    /// A cell's channel → its index in `channels` (`None`: no shared campaign).
    channel_of: Recent<'a, Option<usize>>,
    slot: FxHashMap<(usize, Month), usize>,
    /// `slot × (nb + 1)`: the branches' leads, then their total.
    leads: Vec<f64>,
}

impl<'a> SharedSplit<'a> {
    /// No leads yet, a slot for each shared channel-month of `budget`, `nb` branches.
    fn new(budget: &'a BudgetSums, nb: usize) -> Self {
        let mut s = Self {
            nb,
            channels: Vec::new(),
            channel_of: Recent::default(),
            slot: FxHashMap::default(),
            leads: Vec::new(),
        };
        for c in budget.by_branch.iter().filter(|c| c.branch.is_none()) {
            let ci = s.channels.iter().position(|n| same_text(n, &c.channel)).unwrap_or_else(|| {
                s.channels.push(&c.channel);
                s.channels.len() - 1
            });
            let next = s.slot.len();
            s.slot.entry((ci, c.month)).or_insert(next);
        }
        s.leads = vec![0.0; s.slot.len() * (nb + 1)];
        s
    }

    /// Counts the leads of a Funnel cell of branch `b`.
    fn add(&mut self, r: &Cell<'a>, b: usize) {
        let channels = &self.channels;
        let ci = self.channel_of.get(r.channel, || channels.iter().position(|n| *n == r.channel));
        let Some(&slot) = ci.and_then(|ci| self.slot.get(&(ci, r.month))) else { return };
        let leads = r.leads();
        self.leads[slot * (self.nb + 1) + b] += leads;
        self.leads[slot * (self.nb + 1) + self.nb] += leads;
    }

    /// [`SharedSplit::new`] with the leads of every cell of `funnel` counted.
    fn of<'b>(budget: &'a BudgetSums, funnel: Funnel<'a>, branches: &mut Branches<'b>, nb: usize) -> Self
    where
        'a: 'b,
    {
        let mut s = Self::new(budget, nb);
        if !s.slot.is_empty() {
            for r in funnel.cells() {
                if let Some(b) = branches.index(r.branch).filter(|b| *b < nb) {
                    s.add(&r, b);
                }
            }
        }
        s
    }

    /// The branches' shares of a shared channel-month (`None`: no lead names a branch, so its spend
    /// stays unallocated).
    fn shares(&self, channel: &str, month: Month) -> Option<&[f64]> {
        let ci = self.channels.iter().position(|n| *n == channel)?;
        let slot = *self.slot.get(&(ci, month))?;
        let row = &self.leads[slot * (self.nb + 1)..(slot + 1) * (self.nb + 1)];
        (row[self.nb] > 0.0).then_some(row)
    }

    /// Branch `b`'s share of a shared channel-month.
    fn share(&self, channel: &str, month: Month, b: usize) -> Option<f64> {
        self.shares(channel, month).map(|row| row[b] / row[self.nb])
    }
}

/// The chain's branches (as [`branch_names`] names them) and the leads its shared spend is split
/// by: found once per computation, for the branch comparison and a branch's view.
pub(super) struct ChainSplit<'a> {
    names: Vec<String>,
    shared: SharedSplit<'a>,
}

impl<'a> ChainSplit<'a> {
    /// The branches and the split of `sheets` (of `project`).
    pub(super) fn of(project: &'a Project, sheets: Sheets<'a>) -> Self {
        let names = sheet_names(project, sheets);
        let shared = SharedSplit::of(sheets.budget, sheets.funnel, &mut Branches::seeded(&names), names.len());
        Self { names, shared }
    }
}

/// [`branch_names`] read off `sheets` (of `project`).
pub(super) fn sheet_names<'a>(project: &'a Project, sheets: Sheets<'a>) -> Vec<String> {
    names_over(
        project,
        sheets.budget.by_branch.iter().map(|c| c.branch.as_deref()),
        sheets.funnel,
        sheets.revenue.cells.iter().map(|c| c.branch.as_deref()),
    )
}

/// The project as one branch sees it: that branch's rows of every sheet, the chain's shared Budget
/// rows scaled to its share (see the module's notes), the visits of the patients whose first visit
/// was in the branch (cohorts under `--branch`), and the chain's as-of facts. Directions, Channels,
/// Settings and scenarios are the chain's. An unknown branch gives a view with no rows.
pub fn branch_view(project: &Project, branch: &str) -> Project {
    let (revenue, budget) = (RevenueSums::of(&project.revenue), super::BudgetSums::of(&project.budget));
    let sheets = Sheets { funnel: Funnel::Rows(&project.funnel), revenue: &revenue, budget: &budget, visits: None };
    let chain = ChainSplit::of(project, sheets);
    branch_view_over(project, branch, sheets, &chain, &AsOf::with_sums(project, &revenue), true, None).0
}

/// Which Budget rows a branch's view takes, by position on the sheet: its own rows (`true`) and
/// the chain's shared campaigns (`false`, taken at the branch's share of their leads). A pass over
/// the whole sheet that needs only the branches' names: a computation makes it beside the branch
/// comparison, which finds the shares.
pub(super) struct BudgetPicks(Vec<(u32, bool)>);

impl BudgetPicks {
    /// The picks of branch `branch` among `names` (as [`sheet_names`] gives them).
    pub(super) fn of(project: &Project, branch: &str, names: &[String]) -> Self {
        let (_, me) = view_branch(names, branch);
        // Each spelling is case-folded once, then found by address, bytes or hash.
        let branches = std::cell::RefCell::new(Branches::seeded(names));
        let mine = is_mine(&branches, me);
        let picks = project.budget.iter().zip(0..).filter_map(|(r, i)| {
            if mine(r.branch.as_deref()) {
                Some((i, true))
            } else {
                (me.is_some() && named_branch(r.branch.as_deref()).is_none()).then_some((i, false))
            }
        });
        Self(picks.collect())
    }
}

/// The branch that `branch` names among `names`, as first written (or as given, trimmed, when
/// none matches), and its index.
fn view_branch(names: &[String], branch: &str) -> (String, Option<usize>) {
    let key = branch_key(Some(branch)).unwrap_or_default();
    let display = names
        .iter()
        .find(|n| branch_key(Some(n)).as_deref() == Some(key.as_str()))
        .cloned()
        .unwrap_or_else(|| branch.trim().to_string());
    let me = names.iter().position(|n| *n == display);
    (display, me)
}

/// [`branch_view`] with `sheets` (of `project`) for the big sheets and `as_of` the chain's: the
/// view's Funnel holds the branch's rows of the sheet (or its bucket rows), and the shared spend is
/// split by its leads. Its Revenue sheet comes as the branch's sums beside the view; the view holds
/// its Revenue rows only `with_revenue_rows` (a computation reads the sums, and a chain's Revenue
/// sheet has hundreds of thousands of days to sort out). `picks`: the view's Budget rows found
/// already (else they are found here).
pub(super) fn branch_view_over(
    project: &Project,
    branch: &str,
    sheets: Sheets<'_>,
    chain: &ChainSplit<'_>,
    as_of: &AsOf,
    with_revenue_rows: bool,
    picks: Option<BudgetPicks>,
) -> (Project, RevenueSums) {
    let (funnel, names, split) = (sheets.funnel, &chain.names, &chain.shared);
    let (display, me) = view_branch(names, branch);
    // Each spelling is case-folded once, then found by address, bytes or hash.
    let branches = std::cell::RefCell::new(Branches::seeded(names));
    let mine = is_mine(&branches, me);
    let picks = picks.unwrap_or_else(|| BudgetPicks::of(project, branch, names));
    let budget = (picks.0.iter())
        .filter_map(|&(i, own)| {
            let r = &project.budget[i as usize];
            if own {
                return Some(r.clone());
            }
            let share = me.and_then(|b| split.share(&r.channel, r.month, b)).filter(|s| *s > 0.0)?;
            Some(crate::model::BudgetRow {
                month: r.month,
                channel: r.channel.clone(),
                budget_plan: r.budget_plan.map(|x| x * share),
                spend: r.spend.map(|x| x * share),
                branch: Some(display.clone()),
            })
        })
        .collect();

    let visits = project.visits.as_ref().map(|v| {
        // The branch of each patient's first visit (the first record of their earliest day).
        let ids = v.patients().ids();
        let mut first: Vec<Option<(chrono::NaiveDate, bool)>> = vec![None; v.patients().count()];
        for (r, &id) in v.iter().zip(ids) {
            let Some(f) = first.get_mut(id as usize) else { continue };
            if f.is_none_or(|(day, _)| r.date < day) {
                *f = Some((r.date, mine(r.branch.as_deref())));
            }
        }
        v.iter()
            .zip(ids)
            .filter(|&(r, &id)| match first.get(id as usize) {
                Some(f) => f.is_some_and(|f| f.1),
                None => mine(r.branch.as_deref()),
            })
            .map(|(r, _)| r.clone())
            .collect()
    });

    let revenue = RevenueSums {
        cells: sheets.revenue.cells.iter().filter(|c| mine(c.branch.as_deref())).cloned().collect(),
        last_day: sheets.revenue.last_day,
        month_rows: sheets.revenue.month_rows.clone(),
    };
    let view = Project {
        format_version: project.format_version,
        settings: project.settings.clone(),
        directions: project.directions.clone(),
        channels: project.channels.clone(),
        plan: project.plan.iter().filter(|r| mine(r.branch.as_deref())).cloned().collect(),
        budget,
        funnel: funnel.rows_where(&mine),
        revenue: if with_revenue_rows {
            project.revenue.iter().filter(|r| mine(r.branch.as_deref())).cloned().collect()
        } else {
            Vec::new()
        },
        doctors: project.doctors.iter().filter(|r| mine(r.branch.as_deref())).cloned().collect(),
        nps: project.nps.iter().filter(|r| mine(r.branch.as_deref())).cloned().collect(),
        visits,
        scenarios: project.scenarios.clone(),
        calls: project.calls.iter().filter(|r| mine(r.branch.as_deref())).cloned().collect(),
        contacts: project.contacts.as_ref().map(|c| c.iter().filter(|r| mine(r.branch.as_deref())).cloned().collect()),
        branch_scope: Some(BranchScope { branch: display, as_of: as_of.day, month_rows: as_of.month_rows.clone() }),
    };
    (view, revenue)
}

/// Whether a cell names branch `me` (never, without one): each spelling is case-folded once, then
/// found by address, bytes or hash.
fn is_mine<'a, 'b>(
    branches: &'b std::cell::RefCell<Branches<'a>>,
    me: Option<usize>,
) -> impl Fn(Option<&'a str>) -> bool + 'b {
    move |c| me.is_some() && branches.borrow_mut().index(c) == me
}

/// Every branch named in the data, ascending, over the filter's period (its branch, direction and
/// channel are not applied: the comparison is of whole branches), against the chain's as-of day.
/// The same figures as the totals of [`branch_view`] with that period.
/// `sheets` (of `project`) stands for the big sheets; `as_of` is the chain's and `names` the
/// branches' ([`sheet_names`]), found once by the caller.
pub(super) fn branch_kpis<'a>(
    project: &'a Project,
    filter: &Filter,
    sheets: Sheets<'a>,
    as_of: &AsOf,
    names: &[String],
) -> (Vec<BranchKpis>, ChainSplit<'a>) {
    let Sheets { funnel, revenue, budget, .. } = sheets;
    let names = names.to_vec();
    if names.is_empty() {
        return (Vec::new(), ChainSplit { names, shared: SharedSplit::new(budget, 0) });
    }
    let nb = names.len();
    let mut br = Branches::seeded(&names);
    let g = Guard::default();
    let margins = Margins::new(project);

    let mut present = std::collections::BTreeSet::new();
    let mut last = None;
    for m in project
        .plan
        .iter()
        .map(|r| r.month)
        .chain(budget.by_branch.iter().map(|r| r.month))
        .chain(funnel.months())
        .chain(revenue.cells.iter().map(|c| c.month))
    {
        if last != Some(m) {
            last = Some(m);
            present.insert(m);
        }
    }
    let period = Filter { from: filter.from, to: filter.to, ..Filter::default() };
    let mi = super::MonthIndex::new(&present, &period);
    let nm = mi.months.len();
    let mut sums = vec![Sums::new(); nb * nm];
    let at = |b: usize, m: usize| b * nm + m;

    for r in &revenue.cells {
        let (Some(b), Some(m)) = (br.index(r.branch.as_deref()), mi.get(r.month)) else { continue };
        let s = &mut sums[at(b, m)];
        s.revenue += r.revenue;
        s.checks += r.checks;
    }
    for r in &project.plan {
        let (Some(b), Some(m)) = (br.index(r.branch.as_deref()), mi.get(r.month)) else { continue };
        let s = &mut sums[at(b, m)];
        if r.direction.is_none() {
            s.has_clinic_plan = true;
            s.revenue_plan_clinic += r.revenue_plan;
        } else {
            s.revenue_plan_directions += r.revenue_plan;
        }
    }
    // One pass over the Funnel cells for the branches' sums and the shared spend's split.
    let mut split = SharedSplit::new(budget, nb);
    let mut margin_of = Recent::default();
    for r in funnel.cells() {
        let Some(b) = br.index(r.branch) else { continue };
        split.add(&r, b);
        let Some(m) = mi.get(r.month) else { continue };
        let margin = match r.direction {
            Some(d) => margin_of.get(d, || margins.of(Some(d))),
            None => margins.of(None),
        };
        let s = &mut sums[at(b, m)];
        let [leads, bookings, visits, paid, revenue, _] = r.n;
        s.leads += leads;
        s.bookings += bookings;
        s.visits += visits;
        s.paid += paid;
        s.attributed_revenue += revenue;
        super::add_opt(&mut s.attributed_gross_profit, margin.map(|mg| revenue * mg));
    }
    for r in &budget.by_branch {
        let Some(m) = mi.get(r.month) else { continue };
        let (spend, budget) = (r.spend, r.budget_plan);
        if let Some(b) = br.index(r.branch.as_deref()) {
            let s = &mut sums[at(b, m)];
            s.spend += spend;
            s.budget_plan += budget;
        } else if let Some(shares) = split.shares(&r.channel, r.month) {
            let total = shares[nb];
            for (b, l) in shares[..nb].iter().enumerate().filter(|(_, l)| **l > 0.0) {
                let s = &mut sums[at(b, m)];
                s.spend += spend * l / total;
                s.budget_plan += budget * l / total;
            }
        }
    }
    let mut calls = vec![[0.0; 2]; nb];
    for r in project.calls.iter().filter(|r| period.has_month(r.month)) {
        let Some(b) = br.index(r.branch.as_deref()) else { continue };
        calls[b][0] += val(r.contacts);
        calls[b][1] += val(r.answered);
    }
    // Promoters, passives, detractors.
    let mut nps = vec![[0.0; 3]; nb];
    let scale = project.settings.nps_scale;
    for r in project.nps.iter().filter(|r| period.has_period(r.period)) {
        let Some(b) = br.index(r.branch.as_deref()) else { continue };
        let slot = match scale.group(r.score) {
            NpsGroup::Promoter => 0,
            NpsGroup::Passive => 1,
            NpsGroup::Detractor => 2,
        };
        nps[b][slot] += r.count;
    }

    let kpis = (names.iter().enumerate())
        .map(|(b, branch)| {
            let mut total = Sums::new();
            let mut plan_to_date = 0.0;
            for (m, month) in mi.months.iter().enumerate() {
                let s = &sums[at(b, m)];
                total.absorb(s);
                plan_to_date += as_of.plan_to_date(&project.settings, *month, s.revenue_plan());
            }
            let k = total.kpis(&g, Month { year: 0, month: 1 });
            let plan_to_date = g.fin(plan_to_date);
            let contacts = g.fin(calls[b][0]);
            let [p, _, d] = nps[b];
            let respondents: f64 = nps[b].iter().sum();
            BranchKpis {
                branch: branch.clone(),
                revenue_plan: k.revenue_plan,
                revenue: k.revenue,
                plan_completion: k.plan_completion,
                plan_to_date,
                completion_to_date: g.ratio(k.revenue, plan_to_date),
                spend: k.spend,
                leads: k.leads,
                visits: k.visits,
                paid: k.paid,
                attributed_revenue: k.attributed_revenue,
                cpl: k.cpl,
                cac: k.cac,
                romi: k.romi,
                avg_check: k.avg_check,
                contacts,
                answer_rate: g.ratio(g.fin(calls[b][1]), contacts),
                nps: g.ratio(Some(p - d), Some(respondents)).map(|x| x * 100.0),
                bookings: k.bookings,
                booking_rate: k.booking_rate,
                show_rate: k.show_rate,
                paid_rate: k.paid_rate,
            }
        })
        .collect();
    (kpis, ChainSplit { names, shared: split })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::compute;
    use crate::metrics::tests::{close, funnel, m};
    use crate::model::{BudgetRow, CallRow, Channel, Direction, NpsPeriod, NpsRow, PlanRow, RevenueRow, Tier};

    fn at(b: &str, mut r: crate::model::FunnelRow) -> crate::model::FunnelRow {
        r.branch = Some(b.into());
        r
    }

    fn spend(month: Month, channel: &str, branch: Option<&str>, plan: Option<f64>, spend: f64) -> BudgetRow {
        BudgetRow {
            month,
            channel: channel.into(),
            budget_plan: plan,
            spend: Some(spend),
            branch: branch.map(str::to_string),
        }
    }

    fn plan(month: Month, branch: Option<&str>, dir: Option<&str>, revenue_plan: f64) -> PlanRow {
        PlanRow {
            month,
            direction: dir.map(str::to_string),
            revenue_plan,
            leads_plan: None,
            booking_rate_plan: None,
            show_rate_plan: None,
            paid_rate_plan: None,
            revenue_per_paid_plan: None,
            branch: branch.map(str::to_string),
        }
    }

    fn revenue(date: &str, branch: &str, rev: f64, checks: f64) -> RevenueRow {
        RevenueRow {
            date: date.parse().unwrap(),
            direction: Some("Dent".into()),
            revenue: rev,
            checks: Some(checks),
            new_patients: None,
            repeat_patients: None,
            month_row: false,
            branch: Some(branch.into()),
        }
    }

    /// Two branches and the chain's own rows, computed on paper in the tests below.
    fn chain() -> Project {
        let (jan, feb) = (m(2025, 1), m(2025, 2));
        let mut p = Project::new();
        p.directions = vec![Direction { name: "Dent".into(), margin: 0.5, visits_per_patient: None }];
        p.channels = vec![
            Channel { name: "Yandex".into(), tier: Tier::Proven, ..Default::default() },
            Channel { name: "VK".into(), tier: Tier::Scaling, ..Default::default() },
        ];
        p.funnel = vec![
            at("North", funnel(jan, "Yandex", Some("Dent"), [30.0, 20.0, 10.0, 5.0, 100_000.0])),
            at("South", funnel(jan, "Yandex", Some("Dent"), [10.0, 8.0, 5.0, 2.0, 40_000.0])),
            // The chain's own row (no branch): it names no branch, so it takes no part in the split.
            funnel(jan, "Yandex", Some("Dent"), [20.0, 10.0, 5.0, 1.0, 10_000.0]),
            at(" south ", funnel(feb, "Yandex", Some("Dent"), [4.0, 0.0, 0.0, 0.0, 0.0])),
        ];
        p.budget = vec![
            spend(jan, "Yandex", None, Some(100_000.0), 80_000.0),
            spend(jan, "Yandex", Some("North"), None, 10_000.0),
            // No VK lead names a branch: this stays unallocated.
            spend(jan, "VK", None, None, 5_000.0),
            spend(feb, "Yandex", None, None, 20_000.0),
        ];
        p.plan = vec![
            plan(jan, Some("North"), None, 200_000.0),
            plan(jan, Some("North"), Some("Dent"), 150_000.0),
            plan(feb, Some("North"), None, 100_000.0),
            plan(jan, Some("South"), Some("Dent"), 50_000.0),
            plan(jan, Some("South"), Some("US"), 30_000.0),
            plan(jan, None, None, 500_000.0),
        ];
        p.revenue =
            vec![revenue("2025-01-10", "North", 150_000.0, 10.0), revenue("2025-01-31", "SOUTH", 60_000.0, 4.0)];
        p.calls = vec![CallRow {
            month: jan,
            channel: None,
            employee: None,
            contacts: Some(100.0),
            answered: Some(80.0),
            lost: None,
            callbacks_20m: None,
            callbacks: None,
            recalled: None,
            calls_in: None,
            wait_seconds: None,
            talk_seconds: None,
            branch: Some("North".into()),
        }];
        let nps = |score: u8, count: f64| NpsRow {
            period: NpsPeriod::Year(2025),
            direction: None,
            score,
            count,
            branch: Some("North".into()),
        };
        p.nps = vec![nps(10, 6.0), nps(5, 2.0), nps(8, 2.0)];
        p
    }

    #[test]
    fn names_are_trimmed_case_insensitive_ascending_as_first_written() {
        let p = chain();
        assert_eq!(branch_names(&p), vec!["North".to_string(), "South".to_string()]);
        assert_eq!(resolve_branch(&p, "  north "), Ok("North".to_string()));
        let e = resolve_branch(&p, "East").unwrap_err();
        assert_eq!(e.known, vec!["North".to_string(), "South".to_string()]);
        assert!(e.to_string().contains("«East»") && e.to_string().contains("North, South"), "{e}");
        assert!(branch_names(&Project::new()).is_empty());
    }

    #[test]
    fn shared_spend_is_split_by_the_channels_branch_leads() {
        let k = compute(&chain(), &Filter::default());
        let [north, south] = &k.branches[..] else { panic!("two branches: {:?}", k.branches) };
        // January, Yandex: 40 leads name a branch (North 30, South 10), so the shared 80 000 goes
        // 60 000 / 20 000 and its budget plan of 100 000 goes 75 000 / 25 000. North also spent
        // 10 000 of its own: 70 000. February's shared 20 000 has only South's 4 leads: all South's.
        // VK's 5 000 has no branch lead: in the chain's total, in no branch.
        close(north.spend, 70_000.0);
        close(south.spend, 40_000.0);
        close(k.total.kpis.spend, 115_000.0);
        // North: cpl 70 000 / 30; cac 70 000 / 10; romi (100 000 × 0.5 − 70 000) / 70 000 = −2/7.
        close(north.cpl, 70_000.0 / 30.0);
        close(north.cac, 7_000.0);
        close(north.romi, -2.0 / 7.0);
        // South: 14 leads (10 + 4, " south " is South); cac 40 000 / 5 = 8 000;
        // romi (40 000 × 0.5 − 40 000) / 40 000 = −0.5.
        close(south.leads, 14.0);
        close(south.cpl, 40_000.0 / 14.0);
        close(south.cac, 8_000.0);
        close(south.romi, -0.5);
        close(south.attributed_revenue, 40_000.0);

        let view = branch_view(&chain(), "north");
        let plans: f64 = view.budget.iter().filter_map(|r| r.budget_plan).sum();
        close(Some(plans), 75_000.0);
    }

    #[test]
    fn plans_follow_the_rule_within_each_branch_and_add_up_for_the_chain() {
        let k = compute(&chain(), &Filter::default());
        // Jan: North's whole-clinic row 200 000 (its Dent row is not added), South has only
        // direction rows 50 000 + 30 000, the chain's own row 500 000: 780 000.
        close(k.months[0].revenue_plan, 780_000.0);
        let [north, south] = &k.branches[..] else { panic!() };
        close(north.revenue_plan, 300_000.0);
        close(south.revenue_plan, 80_000.0);
        // As of 31 January (the chain's last Revenue day) February has not begun: North's plan to
        // date is January's 200 000; 150 000 / 200 000 = 0.75; of the whole plan 0.5.
        close(north.plan_to_date, 200_000.0);
        close(north.completion_to_date, 0.75);
        close(north.plan_completion, 0.5);
        close(north.avg_check, 15_000.0);
        close(south.completion_to_date, 0.75);
        // Calls and NPS: 80 / 100; (6 promoters − 2 detractors) / 10 × 100 = 40.
        close(north.contacts, 100.0);
        close(north.answer_rate, 0.8);
        close(north.nps, 40.0);
        assert_eq!(south.answer_rate, None);
        assert_eq!(south.nps, None);
    }

    #[test]
    fn the_branch_filter_gives_the_branchs_own_figures_and_keeps_the_list() {
        let p = chain();
        let all = compute(&p, &Filter::default());
        for b in &all.branches {
            let k = compute(&p, &Filter { branch: Some(b.branch.to_lowercase()), ..Filter::default() });
            let t = &k.total.kpis;
            assert_eq!((t.spend, t.leads, t.visits, t.revenue), (b.spend, b.leads, b.visits, b.revenue));
            assert_eq!(
                (t.revenue_plan, t.plan_to_date, t.cac, t.romi),
                (b.revenue_plan, b.plan_to_date, b.cac, b.romi)
            );
            assert_eq!((t.booking_rate, t.show_rate, t.paid_rate), (b.booking_rate, b.show_rate, b.paid_rate));
            // The list ignores the branch filter, and D stays the chain's (31 January).
            assert_eq!(k.branches, all.branches);
            assert_eq!(k.total.as_of, all.total.as_of);
        }
        let north = compute(&p, &Filter { branch: Some("North".into()), ..Filter::default() });
        close(north.months[0].spend, 70_000.0);
        close(north.months[1].revenue_plan, 100_000.0);
    }

    #[test]
    fn cohorts_under_a_branch_keep_patients_whose_first_visit_was_there() {
        let mut p = chain();
        let v = |date: &str, patient: &str, branch: &str| crate::model::VisitRecord {
            date: date.parse().unwrap(),
            patient: Some(patient.into()),
            direction: Some("Dent".into()),
            doctor: None,
            amount: 1_000.0,
            branch: Some(branch.into()),
        };
        p.visits = Some(
            vec![v("2025-01-05", "a", "North"), v("2025-02-01", "a", "South"), v("2025-01-20", "b", "South")].into(),
        );
        let view = branch_view(&p, "North");
        // Patient a started in North (both visits kept: their life, wherever they go); b did not.
        assert_eq!(view.visits.as_deref().map(<[_]>::len), Some(2));
        let k = compute(&p, &Filter { branch: Some("North".into()), ..Filter::default() });
        assert_eq!(k.cohorts.as_ref().map(|c| c.iter().map(|c| c.patients).sum::<usize>()), Some(1));
    }

    #[test]
    fn a_single_clinic_has_no_branches() {
        let mut p = chain();
        for r in &mut p.funnel {
            r.branch = None;
        }
        p.budget.iter_mut().for_each(|r| r.branch = None);
        p.plan.iter_mut().for_each(|r| r.branch = None);
        p.revenue.iter_mut().for_each(|r| r.branch = None);
        p.calls.iter_mut().for_each(|r| r.branch = None);
        p.nps.iter_mut().for_each(|r| r.branch = None);
        assert!(!p.has_branches());
        assert!(compute(&p, &Filter::default()).branches.is_empty());
    }
}
