//! The Revenue sheet summed per month, direction and branch cell, with its as-of facts.
//!
//! A chain's Revenue sheet has a row per day, direction and branch (456,000 rows for 50 branches
//! over five years), and one computation reads it for the period, for each AARRR comparison period
//! and for the branch comparison. Every one of those reads sums of whole months per direction (and
//! per branch), so they read these sums instead: a few thousand instead of every day. The sums own
//! their names, so the app keeps them between edits of the other sheets (see
//! [`SheetSums`](super::sheets::SheetSums)).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::num::{SharedNames, count};
use crate::model::{Month, Name, RevenueRow};

/// The sums of the Revenue rows of one month, direction cell and branch cell (cells as written).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RevenueCell {
    /// The month of the rows' dates.
    pub month: Month,
    /// The direction cell as written.
    pub direction: Option<Name>,
    /// The branch cell as written.
    pub branch: Option<Name>,
    /// Σ revenue.
    pub revenue: f64,
    /// Σ checks (a blank cell counts as 0).
    pub checks: f64,
    /// Σ new patients.
    pub new_patients: f64,
    /// Σ repeat patients.
    pub repeat_patients: f64,
    /// How many rows were summed.
    pub rows: usize,
}

/// The day a Revenue row reports up to: its date, or its month's last day for a month row.
pub(crate) fn reported_day(r: &RevenueRow) -> NaiveDate {
    if r.month_row { Month::of(r.date).last_day() } else { r.date }
}

/// The Revenue rows summed per month, direction cell and branch cell, in the order each first
/// appears on the sheet (so branches are named as a pass over the rows would name them).
#[derive(Clone, Debug, Default)]
pub(crate) struct RevenueSums {
    /// The sums, in first-appearance order.
    pub cells: Vec<RevenueCell>,
    /// The last day the rows report (a month row reports its month's last day): the as-of day of
    /// the whole sheet (see `asof::as_of`).
    pub last_day: Option<NaiveDate>,
    /// The months that have a month row.
    pub month_rows: BTreeSet<Month>,
}

impl RevenueSums {
    /// Sums `rows`.
    pub fn of(rows: &[RevenueRow]) -> Self {
        let (mut directions, mut branches) = (SharedNames::new(), SharedNames::new());
        let mut index: FxHashMap<(Month, Option<usize>, Option<usize>), usize> = FxHashMap::default();
        let mut cells: Vec<RevenueCell> = Vec::new();
        let (mut last_day, mut month_rows) = (None, BTreeSet::new());
        let mut day = None;
        let mut month = Month { year: 0, month: 1 };
        for r in rows {
            // Rows of one day come together: the month is worked out once per day.
            if day != Some(r.date) {
                day = Some(r.date);
                month = Month::of(r.date);
            }
            if r.month_row {
                month_rows.insert(month);
            }
            last_day = last_day.max(Some(reported_day(r)));
            let direction = r.direction.as_deref().map(|d| directions.id(d));
            let branch = r.branch.as_deref().map(|b| branches.id(b));
            let key = (month, direction, branch);
            let next = cells.len();
            let i = *index.entry(key).or_insert(next);
            if i == next {
                cells.push(RevenueCell {
                    month,
                    direction: direction.map(|d| directions.name(d)),
                    branch: branch.map(|b| branches.name(b)),
                    revenue: 0.0,
                    checks: 0.0,
                    new_patients: 0.0,
                    repeat_patients: 0.0,
                    rows: 0,
                });
            }
            cells[i].add(r, 1.0);
        }
        Self { cells, last_day, month_rows }
    }

    /// Replaces the rows `before` of the sheet by `after` (an edit's rows as they were and as they
    /// are). Returns `false` when the sums cannot follow and must be made again with
    /// [`RevenueSums::of`] (they are then left half moved): a cell appears or empties (which
    /// changes the months and branches there are), a month row comes or goes, or the last day
    /// reported may move back.
    #[must_use]
    pub fn update(&mut self, before: &[RevenueRow], after: &[RevenueRow]) -> bool {
        if before.iter().chain(after).any(|r| r.month_row) {
            return false;
        }
        let latest_after = after.iter().map(reported_day).max();
        if before.iter().any(|r| Some(reported_day(r)) >= self.last_day) && latest_after < self.last_day {
            return false;
        }
        let mut found = Vec::with_capacity(before.len() + after.len());
        for r in before.iter().chain(after) {
            let month = Month::of(r.date);
            let cell = self.cells.iter().position(|c| {
                c.month == month
                    && c.direction.as_deref() == r.direction.as_deref()
                    && c.branch.as_deref() == r.branch.as_deref()
            });
            match cell {
                Some(i) => found.push(i),
                None => return false,
            }
        }
        let (gone, came) = found.split_at(before.len());
        for (r, &i) in after.iter().zip(came) {
            self.cells[i].add(r, 1.0);
        }
        for (r, &i) in before.iter().zip(gone) {
            self.cells[i].add(r, -1.0);
        }
        self.last_day = self.last_day.max(latest_after);
        gone.iter().all(|&i| self.cells[i].rows > 0)
    }
}

impl RevenueCell {
    /// Adds `sign` × a row's numbers (a blank cell as 0) and counts it in or out.
    fn add(&mut self, r: &RevenueRow, sign: f64) {
        self.revenue += sign * r.revenue;
        self.checks += sign * r.checks.unwrap_or(0.0);
        self.new_patients += sign * r.new_patients.unwrap_or(0.0);
        self.repeat_patients += sign * r.repeat_patients.unwrap_or(0.0);
        count(&mut self.rows, sign);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(date: &str, direction: Option<&str>, branch: Option<&str>, revenue: f64, checks: Option<f64>) -> RevenueRow {
        RevenueRow {
            date: date.parse().unwrap(),
            direction: direction.map(str::to_string),
            revenue,
            checks,
            new_patients: Some(1.0),
            repeat_patients: None,
            month_row: false,
            branch: branch.map(str::to_string),
        }
    }

    #[test]
    fn rows_of_one_month_direction_and_branch_are_summed_in_first_seen_order() {
        let rows = [
            row("2025-01-03", Some("УЗИ"), Some("Юг"), 100.0, Some(2.0)),
            row("2025-01-03", Some("УЗИ"), None, 50.0, None),
            row("2025-01-20", Some("УЗИ"), Some("Юг"), 30.5, Some(1.0)),
            row("2025-02-01", Some("УЗИ"), Some("Юг"), 7.0, Some(1.0)),
            row("2025-01-31", None, Some("юг"), 1.0, None),
        ];
        let s = RevenueSums::of(&rows);
        let got: Vec<_> = s
            .cells
            .iter()
            .map(|c| (c.month.month, c.direction.as_deref(), c.branch.as_deref(), c.revenue, c.checks))
            .collect();
        // January, УЗИ, Юг: 100 + 30.5 revenue, 2 + 1 checks; the spelling «юг» is a cell of its own
        // (branches are matched by the readers, not here).
        assert_eq!(
            got,
            [
                (1, Some("УЗИ"), Some("Юг"), 130.5, 3.0),
                (1, Some("УЗИ"), None, 50.0, 0.0),
                (2, Some("УЗИ"), Some("Юг"), 7.0, 1.0),
                (1, None, Some("юг"), 1.0, 0.0),
            ]
        );
        // One new patient per row: two in the first cell.
        assert_eq!(s.cells[0].new_patients, 2.0);
        // The last day reported is 1 February; no month row.
        assert_eq!(s.last_day, Some("2025-02-01".parse().unwrap()));
        assert!(s.month_rows.is_empty());
        // A month row of March reports the 31st.
        let mut with_month_row = rows.to_vec();
        with_month_row.push(RevenueRow { month_row: true, ..row("2025-03-01", None, None, 5.0, None) });
        let s = RevenueSums::of(&with_month_row);
        assert_eq!(s.last_day, Some("2025-03-31".parse().unwrap()));
        assert_eq!(s.month_rows.iter().map(|m| m.month).collect::<Vec<_>>(), [3]);
    }

    #[test]
    fn an_edit_moves_the_sums_or_asks_for_them_again() {
        let rows = [
            row("2025-01-03", Some("УЗИ"), Some("Юг"), 100.0, Some(2.0)),
            row("2025-01-20", Some("УЗИ"), Some("Юг"), 30.5, Some(1.0)),
            row("2025-02-01", Some("УЗИ"), Some("Юг"), 7.0, None),
        ];
        let mut s = RevenueSums::of(&rows);
        // 100 became 160 and lost its checks: January 190.5 revenue, 1 check, still two rows.
        let edited = RevenueRow { revenue: 160.0, checks: None, ..rows[0].clone() };
        assert!(s.update(std::slice::from_ref(&rows[0]), std::slice::from_ref(&edited)));
        assert_eq!((s.cells[0].revenue, s.cells[0].checks, s.cells[0].rows), (190.5, 1.0, 2));
        assert_eq!(s.last_day, Some("2025-02-01".parse().unwrap()));
        // A later day in an existing cell moves the last day on.
        let later = row("2025-02-10", Some("УЗИ"), Some("Юг"), 1.0, None);
        assert!(s.update(&[], std::slice::from_ref(&later)));
        assert_eq!((s.cells[1].revenue, s.last_day), (8.0, Some("2025-02-10".parse().unwrap())));
        // A new branch, the last day's row removed, a month row, an emptied cell: summed again.
        let north = row("2025-01-05", Some("УЗИ"), Some("Север"), 1.0, None);
        assert!(!RevenueSums::of(&rows).update(&[], &[north]));
        assert!(!RevenueSums::of(&rows).update(&rows[2..], &[]));
        let month_row = RevenueRow { month_row: true, ..rows[1].clone() };
        assert!(!RevenueSums::of(&rows).update(&[], &[month_row]));
        let mri = row("2025-01-10", Some("МРТ"), Some("Юг"), 5.0, None);
        let with_mri = [rows.to_vec(), vec![mri.clone()]].concat();
        assert!(!RevenueSums::of(&with_mri).update(&[mri], &[]));
        // A row moved within the sheet's days into another existing cell follows.
        let mut s = RevenueSums::of(&rows);
        let moved = RevenueRow { date: "2025-02-01".parse().unwrap(), ..rows[1].clone() };
        assert!(s.update(std::slice::from_ref(&rows[1]), std::slice::from_ref(&moved)));
        // January 100, February 7 + 30.5.
        assert_eq!((s.cells[0].revenue, s.cells[1].revenue), (100.0, 37.5));
    }
}
