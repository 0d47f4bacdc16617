//! Within a month, day by day: weekday weights and holidays, day and week plans, the forecast and
//! the required pace of the month in progress.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::model::{Month, Settings};

/// A day's weight: the weekday's weight, 0 on holidays.
pub fn day_weight(settings: &Settings, day: NaiveDate) -> f64 {
    if settings.holidays.contains(&day) {
        0.0
    } else {
        settings.weekday_weights[day.weekday().num_days_from_monday() as usize]
    }
}

/// Sum of the weights of the days `from..=to` (0 when `to < from`).
pub fn weight_between(settings: &Settings, from: NaiveDate, to: NaiveDate) -> f64 {
    from.iter_days().take_while(|d| *d <= to).map(|d| day_weight(settings, d)).sum()
}

/// The total weight of a month.
pub fn month_weight(settings: &Settings, month: Month) -> f64 {
    weight_between(settings, month.first_day(), month.last_day())
}

/// One day of a month's calendar.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DayPlan {
    /// The day.
    pub date: NaiveDate,
    /// Its weight (0 on holidays and closed weekdays).
    pub weight: f64,
    /// revenue_plan × weight / the month's total weight; `None` when the month weighs nothing.
    pub plan: Option<f64>,
    /// Revenue of the day (sum of the Revenue rows), 0 when none.
    pub fact: f64,
}

/// The part of an ISO week that falls inside the month.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeekPlan {
    /// ISO week-numbering year.
    pub iso_year: i32,
    /// ISO week number.
    pub week: u32,
    /// First day of the week inside the month.
    pub from: NaiveDate,
    /// Last day of the week inside the month.
    pub to: NaiveDate,
    /// Sum of the day plans.
    pub plan: Option<f64>,
    /// Sum of the day facts.
    pub fact: f64,
}

/// A month's plan spread over its days and ISO weeks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonthCalendar {
    /// The month.
    pub month: Month,
    /// The month's revenue plan.
    pub revenue_plan: f64,
    /// The month's total weight.
    pub total_weight: f64,
    /// Every day of the month.
    pub days: Vec<DayPlan>,
    /// ISO weeks, split at the month's edges.
    pub weeks: Vec<WeekPlan>,
}

impl MonthCalendar {
    /// Spreads `revenue_plan` over the month's days; `fact` gives each day's revenue.
    pub fn new(settings: &Settings, month: Month, revenue_plan: f64, fact: impl Fn(NaiveDate) -> f64) -> Self {
        let total_weight = month_weight(settings, month);
        let days: Vec<DayPlan> = month
            .iter_days()
            .map(|date| {
                let weight = day_weight(settings, date);
                let plan = (total_weight != 0.0).then(|| revenue_plan * weight / total_weight);
                DayPlan { date, weight, plan, fact: fact(date) }
            })
            .collect();
        let mut weeks: Vec<WeekPlan> = Vec::new();
        for d in &days {
            let iso = d.date.iso_week();
            match weeks.last_mut() {
                Some(w) if w.week == iso.week() && w.iso_year == iso.year() => {
                    w.to = d.date;
                    w.plan = w.plan.zip(d.plan).map(|(a, b)| a + b);
                    w.fact += d.fact;
                }
                _ => weeks.push(WeekPlan {
                    iso_year: iso.year(),
                    week: iso.week(),
                    from: d.date,
                    to: d.date,
                    plan: d.plan,
                    fact: d.fact,
                }),
            }
        }
        Self { month, revenue_plan, total_weight, days, weeks }
    }

    /// The plan of the days `from..=to` (the month's days only); `None` when a day in range has no
    /// plan (the month weighs nothing).
    pub fn plan_between(&self, from: NaiveDate, to: NaiveDate) -> Option<f64> {
        self.days.iter().filter(|d| d.date >= from && d.date <= to).try_fold(0.0, |acc, d| d.plan.map(|p| acc + p))
    }
}

/// Where the month in progress stands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Progress {
    /// The month in progress.
    pub month: Month,
    /// The last day with a Revenue row.
    pub last_day: NaiveDate,
    /// Revenue of the month so far.
    pub revenue_to_date: f64,
    /// The month's revenue plan.
    pub revenue_plan: f64,
    /// Weight of the days 1..=last_day.
    pub weight_to_date: f64,
    /// Weight of the days after last_day.
    pub weight_left: f64,
    /// revenue_to_date × month weight / weight_to_date.
    pub forecast: Option<f64>,
    /// (revenue_plan − revenue_to_date) / weight_left: what one full-weight day must bring.
    pub required_pace: Option<f64>,
    /// revenue_to_date / weight_to_date: what one full-weight day has brought so far.
    pub current_pace: Option<f64>,
}

impl Progress {
    /// The progress of `month`, whose last Revenue row is on `last_day`; `None` when the month is
    /// complete (its last row is on its last day or later).
    pub fn new(
        settings: &Settings,
        month: Month,
        last_day: NaiveDate,
        revenue_to_date: f64,
        revenue_plan: f64,
    ) -> Option<Self> {
        if last_day >= month.last_day() {
            return None;
        }
        let weight_to_date = weight_between(settings, month.first_day(), last_day);
        let weight_left = weight_between(settings, last_day.succ_opt()?, month.last_day());
        let total = weight_to_date + weight_left;
        let per = |num: f64, w: f64| (w != 0.0).then(|| num / w).filter(|x| x.is_finite());
        Some(Self {
            month,
            last_day,
            revenue_to_date,
            revenue_plan,
            weight_to_date,
            weight_left,
            forecast: per(revenue_to_date * total, weight_to_date),
            required_pace: per(revenue_plan - revenue_to_date, weight_left),
            current_pace: per(revenue_to_date, weight_to_date),
        })
    }
}

impl Progress {
    /// The forecast against the month's plan (forecast / revenue_plan); `None` without a forecast
    /// or with no plan.
    pub fn forecast_completion(&self) -> Option<f64> {
        self.forecast.filter(|_| self.revenue_plan > 0.0).map(|f| f / self.revenue_plan)
    }
}

/// The ISO week the month in progress is in "today" (the first day without data).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeekPace {
    /// ISO week number.
    pub week: u32,
    /// First day of the week inside the month.
    pub from: NaiveDate,
    /// Last day of the week inside the month.
    pub to: NaiveDate,
    /// The week's plan (sum of its day plans).
    pub plan: Option<f64>,
    /// The plan of the week's days up to the last day with data.
    pub plan_to_date: Option<f64>,
    /// The week's fact so far.
    pub fact: f64,
}

/// The current week of the month in progress: the week holding the day after the last day with
/// data. `None` when the calendar is of another month.
pub fn current_week(calendar: &MonthCalendar, progress: &Progress) -> Option<WeekPace> {
    if calendar.month != progress.month {
        return None;
    }
    let today = progress.last_day.succ_opt()?;
    let w = calendar.weeks.iter().find(|w| w.from <= today && today <= w.to)?;
    let plan_to_date = calendar.plan_between(w.from, progress.last_day);
    Some(WeekPace { week: w.week, from: w.from, to: w.to, plan: w.plan, plan_to_date, fact: w.fact })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn default_weights_of_a_month() {
        let s = Settings::default();
        // June 2025: 1st is a Sunday. 21 weekdays (21.0) + 4 Saturdays (2.0) + 5 Sundays (0).
        assert_eq!(month_weight(&s, Month::new(2025, 6).unwrap()), 23.0);
        let mut h = s.clone();
        h.holidays.insert(d(2025, 6, 12)); // Thursday
        assert_eq!(month_weight(&h, Month::new(2025, 6).unwrap()), 22.0);
    }

    #[test]
    fn day_and_week_plans() {
        let s = Settings::default();
        // June 2025 weighs 23: a weekday gets 23 000 × 1 / 23 = 1 000, a Saturday 500, a Sunday 0.
        let cal = MonthCalendar::new(&s, Month::new(2025, 6).unwrap(), 23_000.0, |_| 10.0);
        assert_eq!(cal.days[0].plan, Some(0.0)); // Sun 1 June
        assert_eq!(cal.days[1].plan, Some(1000.0)); // Mon 2 June
        assert_eq!(cal.days[6].plan, Some(500.0)); // Sat 7 June
        // ISO week 22 holds only Sunday 1 June inside the month; week 23 is Mon 2..Sun 8 = 5 500.
        assert_eq!((cal.weeks[0].week, cal.weeks[0].plan), (22, Some(0.0)));
        assert_eq!((cal.weeks[1].week, cal.weeks[1].plan, cal.weeks[1].fact), (23, Some(5500.0), 70.0));
        // Last week: Mon 30 June alone.
        let last = cal.weeks.last().unwrap();
        assert_eq!((last.from, last.to, last.plan), (d(2025, 6, 30), d(2025, 6, 30), Some(1000.0)));
        let total: f64 = cal.weeks.iter().filter_map(|w| w.plan).sum();
        assert!((total - 23_000.0).abs() < 1e-9);
    }

    #[test]
    fn forecast_with_a_holiday_inside_the_month() {
        let mut s = Settings::default();
        // November 2025: Sat 1st. Holiday Tue 4 Nov. Data up to Mon 10 Nov.
        s.holidays.insert(d(2025, 11, 4));
        let m = Month::new(2025, 11).unwrap();
        // Days 1..10: Sat .5, Sun 0, Mon 1, Tue(holiday) 0, Wed 1, Thu 1, Fri 1, Sat .5, Sun 0, Mon 1 = 6.
        // Whole month: 20 weekdays − 1 holiday = 19, plus 5 Saturdays × .5 = 2.5 → 21.5.
        assert_eq!(month_weight(&s, m), 21.5);
        let p = Progress::new(&s, m, d(2025, 11, 10), 600_000.0, 2_000_000.0).unwrap();
        assert_eq!(p.weight_to_date, 6.0);
        assert_eq!(p.weight_left, 15.5);
        // forecast = 600 000 × 21.5 / 6 = 2 150 000
        assert!((p.forecast.unwrap() - 2_150_000.0).abs() < 1e-6);
        // required pace = (2 000 000 − 600 000) / 15.5 = 90 322.580645…
        assert!((p.required_pace.unwrap() - 1_400_000.0 / 15.5).abs() < 1e-6);
        assert_eq!(p.current_pace, Some(100_000.0));
    }

    #[test]
    fn required_pace_with_a_holiday_after_today() {
        let mut s = Settings::default();
        let m = Month::new(2025, 12).unwrap();
        // Dec 2025: Mon 1st. Data to Fri 26 Dec; left: Sat 27 (.5), Sun 28 (0), Mon 29 (1), Tue 30 (1),
        // Wed 31 (holiday → 0): 2.5.
        s.holidays.insert(d(2025, 12, 31));
        let p = Progress::new(&s, m, d(2025, 12, 26), 900.0, 1150.0).unwrap();
        assert_eq!(p.weight_left, 2.5);
        assert_eq!(p.required_pace, Some(100.0));
        // Nothing weighted left → no pace.
        s.holidays.extend([d(2025, 12, 27), d(2025, 12, 29), d(2025, 12, 30)]);
        let p = Progress::new(&s, m, d(2025, 12, 26), 900.0, 1150.0).unwrap();
        assert_eq!(p.required_pace, None);
    }

    #[test]
    fn complete_month_has_no_progress_and_zero_weight_gives_no_forecast() {
        let s = Settings::default();
        let m = Month::new(2025, 6).unwrap();
        assert!(Progress::new(&s, m, d(2025, 6, 30), 1.0, 1.0).is_none());
        // Data only on Sunday 1 June: weight to date 0 → forecast undefined.
        let p = Progress::new(&s, m, d(2025, 6, 1), 100.0, 1.0).unwrap();
        assert_eq!(p.forecast, None);
    }

    #[test]
    fn the_forecast_against_the_plan() {
        let s = Settings::default();
        // June 2025 weighs 23; Sun 1 .. Wed 11 June weighs 8 weekdays + one Saturday × 0.5 = 8.5:
        // forecast 8 500 × 23 / 8.5 = 23 000, against a plan of 20 000 → 1.15.
        let m = Month::new(2025, 6).unwrap();
        let p = Progress::new(&s, m, d(2025, 6, 11), 8_500.0, 20_000.0).unwrap();
        assert_eq!(p.weight_to_date, 8.5);
        assert_eq!(p.forecast_completion(), Some(1.15));
        // No plan: no ratio.
        let p = Progress::new(&s, m, d(2025, 6, 11), 8_500.0, 0.0).unwrap();
        assert_eq!(p.forecast_completion(), None);
    }

    #[test]
    fn plan_between_sums_the_day_plans() {
        let s = Settings::default();
        // 23 000 over a month weighing 23: 1 000 a weekday, 500 a Saturday, 0 a Sunday.
        // Fri 6 .. Mon 9 June: 1 000 + 500 + 0 + 1 000 = 2 500.
        let m = Month::new(2025, 6).unwrap();
        let cal = MonthCalendar::new(&s, m, 23_000.0, |_| 0.0);
        assert_eq!(cal.plan_between(d(2025, 6, 6), d(2025, 6, 9)), Some(2_500.0));
        assert_eq!(cal.plan_between(d(2025, 6, 9), d(2025, 6, 6)), Some(0.0));
    }

    #[test]
    fn the_current_week_is_the_one_after_the_last_day_with_data() {
        let s = Settings::default();
        // June 2025 weighs 23; data up to Wed 11 June; week 24 is Mon 9..Sun 15.
        let m = Month::new(2025, 6).unwrap();
        let cal = MonthCalendar::new(&s, m, 23_000.0, |day| if day <= d(2025, 6, 11) { 700.0 } else { 0.0 });
        let p = Progress::new(&s, m, d(2025, 6, 11), 7_700.0, 23_000.0).unwrap();
        let w = current_week(&cal, &p).unwrap();
        assert_eq!((w.week, w.from, w.to), (24, d(2025, 6, 9), d(2025, 6, 15)));
        assert_eq!(w.plan, Some(5_500.0));
        assert_eq!(w.plan_to_date, Some(3_000.0)); // Mon, Tue, Wed
        assert_eq!(w.fact, 2_100.0);
        // Data up to Sunday 15: "today" is Monday 16, the next week, nothing earned yet.
        let p = Progress::new(&s, m, d(2025, 6, 15), 7_700.0, 23_000.0).unwrap();
        let w = current_week(&cal, &p).unwrap();
        assert_eq!((w.week, w.plan_to_date, w.fact), (25, Some(0.0), 0.0));
    }
}
