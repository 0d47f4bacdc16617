//! The Revenue sheet summed per month, direction and branch cell, once per computation.
//!
//! A chain's Revenue sheet has a row per day, direction and branch (456,000 rows for 50 branches
//! over five years), and one computation reads it for the period, for each AARRR comparison period
//! and for the branch comparison. Every one of those reads sums of whole months per direction (and
//! per branch), so they read these sums instead: a few thousand instead of every day.

use rustc_hash::FxHashMap;

use crate::model::{Month, RevenueRow};

/// The sums of the Revenue rows of one month, direction cell and branch cell (cells as written).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct RevenueCell<'a> {
    /// The month of the rows' dates.
    pub month: Month,
    /// The direction cell as written.
    pub direction: Option<&'a str>,
    /// The branch cell as written.
    pub branch: Option<&'a str>,
    /// Σ revenue.
    pub revenue: f64,
    /// Σ checks (a blank cell counts as 0).
    pub checks: f64,
    /// Σ new patients.
    pub new_patients: f64,
    /// Σ repeat patients.
    pub repeat_patients: f64,
}

/// Text cells → dense ids, the last cell remembered (sheets repeat a cell row after row).
#[derive(Default)]
struct Spellings<'a> {
    ids: FxHashMap<&'a str, u32>,
    last: Option<(&'a str, u32)>,
}

impl<'a> Spellings<'a> {
    /// The id of the cell; a blank cell is `u32::MAX`.
    fn id(&mut self, cell: Option<&'a str>) -> u32 {
        let Some(c) = cell else { return u32::MAX };
        if let Some((l, i)) = self.last
            && l == c
        {
            return i;
        }
        let next = self.ids.len() as u32;
        let i = *self.ids.entry(c).or_insert(next);
        self.last = Some((c, i));
        i
    }
}

/// The Revenue rows summed per month, direction cell and branch cell, in the order each first
/// appears on the sheet (so branches are named as a pass over the rows would name them).
pub(crate) struct RevenueSums<'a> {
    /// The sums, in first-appearance order.
    pub cells: Vec<RevenueCell<'a>>,
}

impl<'a> RevenueSums<'a> {
    /// Sums `rows`.
    pub fn of(rows: &'a [RevenueRow]) -> Self {
        let (mut directions, mut branches) = (Spellings::default(), Spellings::default());
        let mut index: FxHashMap<(Month, u32, u32), usize> = FxHashMap::default();
        let mut cells: Vec<RevenueCell<'a>> = Vec::new();
        let mut last_day = None;
        let mut month = Month { year: 0, month: 1 };
        for r in rows {
            // Rows of one day come together: the month is worked out once per day.
            if last_day != Some(r.date) {
                last_day = Some(r.date);
                month = Month::of(r.date);
            }
            let (direction, branch) = (r.direction.as_deref(), r.branch.as_deref());
            let key = (month, directions.id(direction), branches.id(branch));
            let next = cells.len();
            let i = *index.entry(key).or_insert(next);
            if i == next {
                cells.push(RevenueCell {
                    month,
                    direction,
                    branch,
                    revenue: 0.0,
                    checks: 0.0,
                    new_patients: 0.0,
                    repeat_patients: 0.0,
                });
            }
            let c = &mut cells[i];
            c.revenue += r.revenue;
            c.checks += r.checks.unwrap_or(0.0);
            c.new_patients += r.new_patients.unwrap_or(0.0);
            c.repeat_patients += r.repeat_patients.unwrap_or(0.0);
        }
        Self { cells }
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
        let got: Vec<_> = s.cells.iter().map(|c| (c.month.month, c.direction, c.branch, c.revenue, c.checks)).collect();
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
    }
}
