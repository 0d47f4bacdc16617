//! The owner's pace panel: where the month in progress stands (plan, fact so far, forecast) and
//! what each full working day must bring from now on, said in one sentence and coloured against
//! today's average; the same for the current ISO week.
//!
//! The numbers are the metrics' ([`Progress`], [`MonthCalendar`]); the panel only picks words and
//! colours ([`crate::ui::theme::pace_status`]).

use egui::RichText;

use crate::format::{self, Locale};
use crate::i18n::{K, day_label, day_short, month_label, tr};
use crate::metrics::calendar::{WeekPace, current_week};
use crate::metrics::{MonthCalendar, Progress};
use crate::ui::theme::{Status, pace_status};

/// A line of the panel with its status.
#[derive(Clone, Debug, PartialEq)]
pub struct PaceLine {
    /// The text.
    pub text: String,
    /// Its colour's meaning.
    pub status: Status,
}

/// The required-pace sentence: "To make the plan, each full working day from now must bring
/// X ₽ (today's average: Y ₽)", or why there is none.
pub fn pace_sentence(progress: &Progress, loc: Locale) -> PaceLine {
    let lang = loc.lang;
    match progress.required_pace {
        Some(x) if x <= 0.0 => PaceLine { text: tr(lang, K::PacePlanMade).to_string(), status: Status::Good },
        Some(x) => PaceLine {
            text: format!(
                "{} {} ({} {})",
                tr(lang, K::PaceRequired),
                format::money(Some(x), loc),
                tr(lang, K::PaceCurrent),
                format::money(progress.current_pace, loc)
            ),
            status: pace_status(Some(x), progress.current_pace),
        },
        None => PaceLine { text: tr(lang, K::PaceNoDaysLeft).to_string(), status: Status::Neutral },
    }
}

/// The current week's line: "Week 47 (16.11–22.11): week plan X ₽, plan to this day Z ₽, fact so
/// far Y ₽", coloured by the fact against the plan to this day.
pub fn week_sentence(week: &WeekPace, loc: Locale) -> PaceLine {
    let lang = loc.lang;
    PaceLine {
        text: format!(
            "{} {} ({}–{}): {} {}, {} {}, {} {}",
            tr(lang, K::WeekWord),
            week.week,
            day_short(week.from, lang),
            day_short(week.to, lang),
            tr(lang, K::PaceWeekPlan),
            format::money(week.plan, loc),
            tr(lang, K::PacePlanToDate),
            format::money(week.plan_to_date, loc),
            tr(lang, K::PaceWeekFact),
            format::money(Some(week.fact), loc)
        ),
        // Behind when the fact is below the plan to this day: needed = plan, have = fact.
        status: pace_status(week.plan_to_date, Some(week.fact)),
    }
}

/// The pace panel of the month in progress. `calendar` is that month's calendar (for the day and
/// week plans); without a month in progress the panel says so plainly.
pub fn pace_ui(ui: &mut egui::Ui, progress: Option<&Progress>, calendar: Option<&MonthCalendar>, loc: Locale) {
    let lang = loc.lang;
    let dark = ui.visuals().dark_mode;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let Some(p) = progress else {
            ui.label(RichText::new(tr(lang, K::PaceTitle)).strong().size(15.0));
            ui.label(tr(lang, K::ChartNoProgress));
            return;
        };
        ui.label(
            RichText::new(format!("{} — {}", tr(lang, K::PaceTitle), month_label(p.month, lang))).strong().size(15.0),
        );
        let calendar = calendar.filter(|c| c.month == p.month);

        // Plan, fact so far (against the plan to this day), forecast.
        let plan_to_date = calendar.and_then(|c| c.plan_between(p.month.first_day(), p.last_day));
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}: {}", tr(lang, K::PaceMonthPlan), format::money(Some(p.revenue_plan), loc)));
            ui.separator();
            let fact = format!(
                "{} {}: {}",
                tr(lang, K::PaceFactSoFar),
                day_label(p.last_day, lang),
                format::money(Some(p.revenue_to_date), loc)
            );
            match plan_to_date {
                Some(pl) => {
                    let status = pace_status(Some(pl), Some(p.revenue_to_date));
                    ui.label(
                        RichText::new(format!(
                            "{fact} ({} {})",
                            tr(lang, K::PacePlanToDate),
                            format::money(Some(pl), loc)
                        ))
                        .color(status.colour(dark)),
                    );
                }
                None => {
                    ui.label(fact);
                }
            }
            ui.separator();
            let status = pace_status(Some(p.revenue_plan), p.forecast);
            ui.label(
                RichText::new(format!("{}: {}", tr(lang, K::PaceForecast), format::money(p.forecast, loc)))
                    .color(status.colour(dark)),
            );
        });

        // Today's day plan: the first day without data.
        if let Some(day) = calendar.and_then(|c| c.days.iter().find(|d| d.date > p.last_day)) {
            ui.label(format!(
                "{} {}: {}",
                tr(lang, K::PaceTodayPlan),
                day_label(day.date, lang),
                format::money(day.plan, loc)
            ));
        }

        let line = pace_sentence(p, loc);
        ui.label(RichText::new(line.text).strong().size(15.0).color(line.status.colour(dark)));

        match calendar.and_then(|c| current_week(c, p)) {
            Some(w) => {
                let line = week_sentence(&w, loc);
                ui.label(RichText::new(line.text).color(line.status.colour(dark)));
            }
            None => {
                ui.weak(tr(lang, K::PaceNoWeek));
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Lang;
    use crate::model::{Month, Settings};
    use chrono::NaiveDate;

    fn progress(to_date: f64, plan: f64) -> Progress {
        let s = Settings::default();
        let m = Month::new(2025, 6).unwrap();
        // June 2025 weighs 23; data to Wed 11th: 8.5 to date (8 weekdays and Saturday 7th), 14.5 left.
        Progress::new(&s, m, NaiveDate::from_ymd_opt(2025, 6, 11).unwrap(), to_date, plan).unwrap()
    }

    #[test]
    fn the_sentence_quotes_the_required_and_the_current_pace() {
        // 80 000 so far: 9 411.76 a day; 150 000 left over 14.5: 10 344.83 a day.
        let p = progress(80_000.0, 230_000.0);
        let line = pace_sentence(&p, Locale::new(Lang::En, "RUB"));
        let x = format::money(p.required_pace, Locale::new(Lang::En, "RUB"));
        let y = format::money(p.current_pace, Locale::new(Lang::En, "RUB"));
        assert_eq!(
            line.text,
            format!("To make the plan, each full working day from now must bring {x} (today's average: {y})")
        );
        assert!(p.required_pace.unwrap() > p.current_pace.unwrap());
        assert_ne!(line.status, Status::Good);
        let ru = pace_sentence(&p, Locale::new(Lang::Ru, "RUB"));
        assert_eq!(
            ru.text,
            format!(
                "Чтобы выполнить план, каждый полный рабочий день должен приносить {} (сейчас в среднем {})",
                format::money(p.required_pace, Locale::new(Lang::Ru, "RUB")),
                format::money(p.current_pace, Locale::new(Lang::Ru, "RUB"))
            )
        );
        // Ahead of plan: green.
        let p = progress(200_000.0, 230_000.0);
        assert_eq!(pace_sentence(&p, Locale::new(Lang::Ru, "RUB")).status, Status::Good);
        // Plan already made.
        let p = progress(300_000.0, 230_000.0);
        assert_eq!(pace_sentence(&p, Locale::new(Lang::En, "RUB")).text, tr(Lang::En, K::PacePlanMade));
    }
}
