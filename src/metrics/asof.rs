//! "As of, and plan to date" (domain.md): the data's as-of day D, each month's state against it,
//! and the share of a month's plan (and fixed costs) that has fallen due by D.
//!
//! The owner asks "are we on plan so far", not "of the whole year": a month that has not happened
//! must not count its plan against the revenue of the months that have.

use chrono::NaiveDate;
use serde::Serialize;

use super::calendar::{month_weight, weight_between};
use super::revenue::{RevenueSums, reported_day};
use crate::model::{Month, Project, Settings};

/// Where a month stands against the as-of day D.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MonthState {
    /// Its last day is on or before D (or it has a month row on the Revenue sheet).
    Complete,
    /// It contains D and is not complete.
    InProgress,
    /// It starts after D.
    Future,
}

/// The data's as-of day D: the last day with a day row on the Revenue sheet, or the last day of the
/// last month with a month row, whichever is later. Ignores every filter (the whole data, the whole
/// chain); `None` when the Revenue sheet is empty.
pub fn as_of(project: &Project) -> Option<NaiveDate> {
    if let Some(scope) = &project.branch_scope {
        return scope.as_of;
    }
    project.revenue.iter().map(reported_day).max()
}

/// The months that have a month row on the Revenue sheet: complete whatever D says.
pub fn month_row_months(project: &Project) -> std::collections::BTreeSet<Month> {
    if let Some(scope) = &project.branch_scope {
        return scope.month_rows.clone();
    }
    project.revenue.iter().filter(|r| r.month_row).map(|r| Month::of(r.date)).collect()
}

/// The state of `month` against the as-of day `d`. A month with a Revenue month row is complete.
pub fn month_state(month: Month, d: NaiveDate, has_month_row: bool) -> MonthState {
    if has_month_row || month.last_day() <= d {
        MonthState::Complete
    } else if month.first_day() <= d {
        MonthState::InProgress
    } else {
        MonthState::Future
    }
}

/// The share of `month` that has fallen due by `d`: 1 for a complete month, weight of the days
/// 1..D / the month's total weight for the month in progress (0 when the month weighs nothing), 0
/// for a future month; 1 without D (every plan counts in full when there is no fact at all).
pub fn share_to_date(settings: &Settings, month: Month, d: Option<NaiveDate>, has_month_row: bool) -> f64 {
    let Some(d) = d else { return 1.0 };
    match month_state(month, d, has_month_row) {
        MonthState::Complete => 1.0,
        MonthState::Future => 0.0,
        MonthState::InProgress => {
            let total = month_weight(settings, month);
            if total == 0.0 { 0.0 } else { weight_between(settings, month.first_day(), d) / total }
        }
    }
}

/// Everything about D that a computation over many months needs, worked out once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AsOf {
    /// The as-of day D.
    pub day: Option<NaiveDate>,
    /// Months with a Revenue month row.
    pub month_rows: std::collections::BTreeSet<Month>,
}

impl AsOf {
    /// D and the month-row months of the project.
    pub fn of(project: &Project) -> Self {
        Self { day: as_of(project), month_rows: month_row_months(project) }
    }

    /// [`AsOf::of`] with the project's Revenue sheet given as its sums (`revenue`, of
    /// `project.revenue`): the same facts without a pass over every day.
    pub(crate) fn with_sums(project: &Project, revenue: &RevenueSums) -> Self {
        match &project.branch_scope {
            Some(scope) => Self { day: scope.as_of, month_rows: scope.month_rows.clone() },
            None => Self { day: revenue.last_day, month_rows: revenue.month_rows.clone() },
        }
    }

    /// The state of `month`, `None` without D.
    pub fn state(&self, month: Month) -> Option<MonthState> {
        self.day.map(|d| month_state(month, d, self.month_rows.contains(&month)))
    }

    /// Whether `month` is complete (`false` without D).
    pub fn is_complete(&self, month: Month) -> bool {
        self.state(month) == Some(MonthState::Complete)
    }

    /// The share of `month` fallen due by D (see [`share_to_date`]).
    pub fn share(&self, settings: &Settings, month: Month) -> f64 {
        share_to_date(settings, month, self.day, self.month_rows.contains(&month))
    }

    /// plan_to_date of one month: its revenue_plan × the share fallen due.
    pub fn plan_to_date(&self, settings: &Settings, month: Month, revenue_plan: f64) -> f64 {
        revenue_plan * self.share(settings, month)
    }

    /// Settings `fixed_costs` of one month as far as it has happened: in full for a complete month,
    /// by its share of weight for the month in progress, nothing for a future month.
    pub fn fixed_costs(&self, settings: &Settings, month: Month) -> f64 {
        settings.fixed_costs * self.share(settings, month)
    }

    /// The last complete month (`None` without D or when no month is complete yet).
    pub fn last_complete_month(&self) -> Option<Month> {
        let d = self.day?;
        let m = Month::of(d);
        if self.is_complete(m) { Some(m) } else { Some(m.shift(-1)).filter(|p| self.is_complete(*p)) }
    }
}

/// The app's period presets (domain.md, "As of"): what an owner means by "this year so far" and
/// "the last twelve months", never counting a month that has not happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodPreset {
    /// January of D's year .. D's month.
    YearToDate,
    /// The 12 months ending with the last complete month.
    Last12Complete,
    /// Every month with data.
    AllTime,
}

impl PeriodPreset {
    /// The presets, in the order the app offers them.
    pub const ALL: [PeriodPreset; 3] = [PeriodPreset::YearToDate, PeriodPreset::Last12Complete, PeriodPreset::AllTime];

    /// The period's first and last month (`None` = open); `None` when the preset does not exist
    /// for this data (no as-of day, or no complete month yet).
    pub fn range(self, as_of: &AsOf) -> Option<(Option<Month>, Option<Month>)> {
        match self {
            PeriodPreset::AllTime => Some((None, None)),
            PeriodPreset::YearToDate => {
                let d = Month::of(as_of.day?);
                Some((Month::new(d.year, 1), Some(d)))
            }
            PeriodPreset::Last12Complete => {
                let last = as_of.last_complete_month()?;
                Some((Some(last.shift(-11)), Some(last)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RevenueRow;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn row(date: &str, month_row: bool) -> RevenueRow {
        RevenueRow {
            date: day(date),
            direction: None,
            revenue: 100.0,
            checks: None,
            new_patients: None,
            repeat_patients: None,
            month_row,
            branch: None,
        }
    }

    #[test]
    fn as_of_is_the_later_of_the_last_day_row_and_the_last_month_row() {
        let mut p = Project::new();
        assert_eq!(as_of(&p), None);
        p.revenue.push(row("2026-11-18", false));
        assert_eq!(as_of(&p), Some(day("2026-11-18")));
        // A month row of November: the whole month is done, D = 30 November.
        p.revenue.push(row("2026-11-01", true));
        assert_eq!(as_of(&p), Some(day("2026-11-30")));
        p.revenue.push(row("2026-12-03", false));
        assert_eq!(as_of(&p), Some(day("2026-12-03")));
    }

    #[test]
    fn states_against_d() {
        let d = day("2026-11-18");
        let m = |y, n| Month::new(y, n).unwrap();
        assert_eq!(month_state(m(2026, 10), d, false), MonthState::Complete);
        assert_eq!(month_state(m(2026, 11), d, false), MonthState::InProgress);
        assert_eq!(month_state(m(2026, 11), d, true), MonthState::Complete);
        assert_eq!(month_state(m(2026, 12), d, false), MonthState::Future);
        // D on the month's last day: complete, not in progress.
        assert_eq!(month_state(m(2026, 11), day("2026-11-30"), false), MonthState::Complete);
    }

    #[test]
    fn plan_to_date_by_weight_of_the_days_so_far() {
        // November 2026 with weights 1 1 1 1 1 0.5 0: 1 Nov is a Sunday. Weekdays: 21 (×1),
        // Saturdays: 7, 14, 21, 28 (×0.5) → total 21 + 2 = 23. Days 1..18: weekdays 2–6, 9–13,
        // 16–18 = 13, Saturdays 7, 14 = 1 → 14. Plan 2 300 000 → 2 300 000 × 14 / 23 = 1 400 000.
        let s = Settings::default();
        let a = AsOf { day: Some(day("2026-11-18")), month_rows: Default::default() };
        let nov = Month::new(2026, 11).unwrap();
        assert!((a.plan_to_date(&s, nov, 2_300_000.0) - 1_400_000.0).abs() < 1e-6);
        assert_eq!(a.plan_to_date(&s, Month::new(2026, 12).unwrap(), 1e6), 0.0);
        assert_eq!(a.plan_to_date(&s, Month::new(2026, 10).unwrap(), 1e6), 1e6);
        // Without D every plan counts in full.
        assert_eq!(AsOf::default().plan_to_date(&s, nov, 1e6), 1e6);
        // Fixed costs follow the same share.
        let s = Settings { fixed_costs: 230.0, ..Settings::default() };
        assert!((a.fixed_costs(&s, nov) - 140.0).abs() < 1e-9);
        assert_eq!(a.last_complete_month(), Month::new(2026, 10));
    }

    #[test]
    fn presets_never_reach_past_d() {
        let m = |y, n| Month::new(y, n);
        let a = AsOf { day: Some(day("2026-11-18")), month_rows: Default::default() };
        assert_eq!(PeriodPreset::YearToDate.range(&a), Some((m(2026, 1), m(2026, 11))));
        // November is in progress: the last complete month is October 2026.
        assert_eq!(PeriodPreset::Last12Complete.range(&a), Some((m(2025, 11), m(2026, 10))));
        assert_eq!(PeriodPreset::AllTime.range(&a), Some((None, None)));
        assert_eq!(PeriodPreset::YearToDate.range(&AsOf::default()), None);
    }

    #[test]
    fn a_month_that_weighs_nothing_has_no_plan_to_date() {
        let s = Settings { weekday_weights: [0.0; 7], ..Settings::default() };
        let a = AsOf { day: Some(day("2026-11-18")), month_rows: Default::default() };
        assert_eq!(a.plan_to_date(&s, Month::new(2026, 11).unwrap(), 1e6), 0.0);
    }
}
