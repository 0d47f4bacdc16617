//! The big sheets summed once and kept between edits: the Funnel sheet per bucket, the Revenue
//! sheet per month, direction and branch, the Budget sheet per month and channel (and branch).
//!
//! Every KPI reads sums of these sheets, never a single row, so the app keeps the sums and moves
//! them by each edit: an edit of one Funnel cell of a chain's ten million rows recomputes every KPI
//! from a few hundred thousand sums without reading a row it did not change. An edit of the Revenue
//! or Budget sheet moves their sums the same way (unless a month, channel or branch appears or
//! empties, or the as-of day may move back: then that sheet is summed again); an edit of any other
//! sheet touches no sum.

use super::buckets::FunnelBuckets;
use super::budget::BudgetSums;
use super::revenue::RevenueSums;
use crate::model::{BudgetRow, FunnelRow, Project, RevenueRow};

/// The sums of a project's Funnel, Revenue and Budget sheets (see the module's notes); given to
/// [`compute_with_sums`](super::compute_with_sums).
#[derive(Clone, Debug, Default)]
pub struct SheetSums {
    pub(crate) funnel: FunnelBuckets,
    pub(crate) revenue: RevenueSums,
    pub(crate) budget: BudgetSums,
    /// The visits' LTV, kept between computations.
    pub(crate) visits: super::VisitMemo,
}

impl SheetSums {
    /// Sums the project's sheets.
    pub fn new(project: &Project) -> Self {
        Self {
            funnel: FunnelBuckets::new(&project.funnel),
            revenue: RevenueSums::of(&project.revenue),
            budget: BudgetSums::of(&project.budget),
            visits: super::VisitMemo::default(),
        }
    }

    /// Replaces the Funnel rows `before` by `after` (see [`FunnelBuckets::update`]). Returns
    /// `false` when the sums cannot follow and must be built again with [`SheetSums::new`].
    #[must_use]
    pub fn update_funnel(&mut self, before: &[FunnelRow], after: &[FunnelRow]) -> bool {
        self.funnel.update(before, after)
    }

    /// Replaces the Revenue rows `before` by `after`, or sums the sheet of `project` (as it is
    /// now) again when the sums cannot follow (see `RevenueSums::update`).
    pub fn update_revenue(&mut self, project: &Project, before: &[RevenueRow], after: &[RevenueRow]) {
        if !self.revenue.update(before, after) {
            self.resum_revenue(project);
        }
    }

    /// Sums the Revenue sheet again (after an edit of it).
    pub fn resum_revenue(&mut self, project: &Project) {
        self.revenue = RevenueSums::of(&project.revenue);
    }

    /// Replaces the Budget rows `before` by `after`, or sums the sheet of `project` (as it is
    /// now) again when the sums cannot follow (see `BudgetSums::update`).
    pub fn update_budget(&mut self, project: &Project, before: &[BudgetRow], after: &[BudgetRow]) {
        if !self.budget.update(before, after) {
            self.resum_budget(project);
        }
    }

    /// Sums the Budget sheet again (after an edit of it).
    pub fn resum_budget(&mut self, project: &Project) {
        self.budget = BudgetSums::of(&project.budget);
    }

    /// The Funnel sheet's bucket sums.
    pub fn funnel(&self) -> &FunnelBuckets {
        &self.funnel
    }
}
