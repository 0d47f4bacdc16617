//! The Budget sheet summed once per computation, and kept between edits of the other sheets.
//!
//! A chain's Budget sheet has a row per branch, month and channel (60,000 rows for 50 branches, 20
//! channels and five years). The chain's own KPIs read its spend per month and channel, the
//! branch comparison per month and branch (with the chain's shared campaigns per month and channel,
//! to be split by leads), and one computation reads it for the period and each AARRR comparison
//! period: these sums hold a few thousand cells instead.

use rustc_hash::FxHashMap;

use super::num::{SharedNames, count};
use crate::model::{BudgetRow, Month, Name, named_branch};

/// The sums of some Budget rows of one month.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct BudgetCell {
    /// The month.
    pub month: Month,
    /// The channel (of a branch's own cell in [`BudgetSums::by_branch`]: its first row's).
    pub channel: Name,
    /// The branch cell as first written (trimmed); `None` for the chain's cells and the shared
    /// campaigns.
    pub branch: Option<Name>,
    /// Σ spend (a blank cell counts as 0).
    pub spend: f64,
    /// Σ budget plan (a blank cell counts as 0).
    pub budget_plan: f64,
    /// How many rows were summed.
    pub rows: usize,
}

/// The Budget rows summed two ways, each in the order its cells first appear on the sheet (so
/// channels and branches are named as a pass over the rows would name them).
#[derive(Clone, Debug, Default)]
pub(crate) struct BudgetSums {
    /// Per month and channel over every branch cell: what the chain's own KPIs read.
    pub chain: Vec<BudgetCell>,
    /// The rows that name a branch per month and branch cell as written; the chain's shared
    /// campaigns (a blank branch) per month and channel: what the branch comparison reads.
    pub by_branch: Vec<BudgetCell>,
}

/// The id of "no name" in a key: the channel of a branch's own cell, the branch of a shared one.
const NONE: usize = usize::MAX;

impl BudgetSums {
    /// Sums `rows`.
    pub fn of(rows: &[BudgetRow]) -> Self {
        let (mut channels, mut branches) = (SharedNames::new(), SharedNames::new());
        let mut s = Self::default();
        let mut chain_at: FxHashMap<(Month, usize), usize> = FxHashMap::default();
        let mut branch_at: FxHashMap<(Month, usize, usize), usize> = FxHashMap::default();
        for r in rows {
            let c = channels.id(&r.channel);
            let b = named_branch(r.branch.as_deref()).map(|b| branches.id(b));
            let cell = |branch: Option<usize>| BudgetCell {
                month: r.month,
                channel: channels.name(c),
                branch: branch.map(|b| branches.name(b)),
                spend: 0.0,
                budget_plan: 0.0,
                rows: 0,
            };
            let next = s.chain.len();
            let i = *chain_at.entry((r.month, c)).or_insert(next);
            if i == next {
                s.chain.push(cell(None));
            }
            s.chain[i].add(r, 1.0);
            let key = match b {
                Some(b) => (r.month, NONE, b),
                None => (r.month, c, NONE),
            };
            let next = s.by_branch.len();
            let i = *branch_at.entry(key).or_insert(next);
            if i == next {
                s.by_branch.push(cell(b));
            }
            s.by_branch[i].add(r, 1.0);
        }
        s
    }

    /// Replaces the rows `before` of the sheet by `after` (an edit's rows as they were and as they
    /// are). Returns `false` when the sums cannot follow and must be made again with
    /// [`BudgetSums::of`] (they are then left half moved): a cell appears or empties, which changes
    /// the months, channels and branches there are.
    #[must_use]
    pub fn update(&mut self, before: &[BudgetRow], after: &[BudgetRow]) -> bool {
        let mut found = Vec::with_capacity(before.len() + after.len());
        for r in before.iter().chain(after) {
            let chain = self.chain.iter().position(|c| c.month == r.month && *c.channel == *r.channel);
            let branch = named_branch(r.branch.as_deref());
            let own = self.by_branch.iter().position(|c| {
                c.month == r.month && c.branch.as_deref() == branch && (branch.is_some() || *c.channel == *r.channel)
            });
            match chain.zip(own) {
                Some(at) => found.push(at),
                None => return false,
            }
        }
        let (gone, came) = found.split_at(before.len());
        for (sign, rows, at) in [(1.0, after, came), (-1.0, before, gone)] {
            for (r, &(c, b)) in rows.iter().zip(at) {
                self.chain[c].add(r, sign);
                self.by_branch[b].add(r, sign);
            }
        }
        gone.iter().all(|&(c, b)| self.chain[c].rows > 0 && self.by_branch[b].rows > 0)
    }
}

impl BudgetCell {
    /// Adds `sign` × a row's spend and budget plan (a blank cell as 0) and counts it in or out.
    fn add(&mut self, r: &BudgetRow, sign: f64) {
        self.spend += sign * r.spend.unwrap_or(0.0);
        self.budget_plan += sign * r.budget_plan.unwrap_or(0.0);
        count(&mut self.rows, sign);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(month: u32, channel: &str, branch: Option<&str>, spend: Option<f64>, plan: Option<f64>) -> BudgetRow {
        BudgetRow {
            month: Month::new(2025, month).unwrap(),
            channel: channel.into(),
            budget_plan: plan,
            spend,
            branch: branch.map(str::to_string),
        }
    }

    #[test]
    fn rows_are_summed_per_month_and_channel_and_per_month_and_branch() {
        let rows = [
            row(1, "Яндекс", Some("Юг"), Some(100.0), Some(120.0)),
            row(1, "ВК", Some("Юг"), Some(50.0), None),
            row(1, "Яндекс", Some("Север"), Some(30.0), Some(30.0)),
            row(1, "Яндекс", None, Some(1_000.0), Some(1_000.0)),
            row(1, "Яндекс", Some(" "), Some(7.0), None),
            row(2, "ВК", Some("Юг"), None, Some(10.0)),
        ];
        let s = BudgetSums::of(&rows);
        let chain: Vec<_> = s
            .chain
            .iter()
            .map(|c| (c.month.month, c.channel.as_str(), c.branch.clone(), c.spend, c.budget_plan))
            .collect();
        // January's Яндекс: 100 + 30 + 1,000 + 7 spend, 120 + 30 + 1,000 plan; ВК 50; February's ВК: 0 and 10.
        assert_eq!(
            chain,
            [(1, "Яндекс", None, 1_137.0, 1_150.0), (1, "ВК", None, 50.0, 0.0), (2, "ВК", None, 0.0, 10.0)]
        );
        let by_branch: Vec<_> =
            s.by_branch.iter().map(|c| (c.month.month, c.branch.as_deref(), c.spend, c.budget_plan)).collect();
        // Юг in January: 100 + 50 spend, 120 plan; a blank and a whitespace branch are the chain's
        // shared Яндекс: 1,000 + 7.
        assert_eq!(
            by_branch,
            [
                (1, Some("Юг"), 150.0, 120.0),
                (1, Some("Север"), 30.0, 30.0),
                (1, None, 1_007.0, 1_000.0),
                (2, Some("Юг"), 0.0, 10.0)
            ]
        );
        assert_eq!(s.by_branch[2].channel.as_str(), "Яндекс");
    }

    #[test]
    fn an_edit_moves_the_sums_or_asks_for_them_again() {
        let rows = [
            row(1, "Яндекс", Some("Юг"), Some(100.0), Some(120.0)),
            row(1, "ВК", Some("Юг"), Some(50.0), None),
            row(1, "Яндекс", None, Some(1_000.0), Some(1_000.0)),
        ];
        let mut s = BudgetSums::of(&rows);
        // Юг's Яндекс spend 100 → 40: January's Яндекс 40 + 1,000, Юг's own 40 + 50.
        let edited = BudgetRow { spend: Some(40.0), ..rows[0].clone() };
        assert!(s.update(std::slice::from_ref(&rows[0]), std::slice::from_ref(&edited)));
        assert_eq!((s.chain[0].spend, s.by_branch[0].spend, s.by_branch[0].rows), (1_040.0, 90.0, 2));
        // The shared campaign's plan blanked: its own cell and the chain's Яндекс lose 1,000.
        let blanked = BudgetRow { budget_plan: None, ..rows[2].clone() };
        assert!(s.update(std::slice::from_ref(&rows[2]), std::slice::from_ref(&blanked)));
        assert_eq!((s.chain[0].budget_plan, s.by_branch[1].budget_plan), (120.0, 0.0));
        // A new channel, a new branch, an emptied cell: summed again.
        assert!(!BudgetSums::of(&rows).update(&[], &[row(1, "2ГИС", Some("Юг"), Some(1.0), None)]));
        assert!(!BudgetSums::of(&rows).update(&[], &[row(1, "ВК", Some("Север"), Some(1.0), None)]));
        assert!(!BudgetSums::of(&rows).update(&rows[1..2], &[]));
    }
}
