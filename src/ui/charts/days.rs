//! The month in progress: day by day and by ISO week.

use super::*;

/// The month in progress day by day: cumulative plan (weekday weights, holidays) against the
/// cumulative fact, and the forecast path to the month's end. `calendar` is that month's
/// ([`month_calendar`] of `kpis.progress`'s month).
pub fn month_days_ui(ui: &mut egui::Ui, kpis: &Kpis, calendar: Option<&MonthCalendar>, loc: Locale) {
    month_days_sized(ui, kpis, calendar, loc, 340.0);
}

pub(super) fn month_days_sized(
    ui: &mut egui::Ui,
    kpis: &Kpis,
    calendar: Option<&MonthCalendar>,
    loc: Locale,
    height: f32,
) {
    let lang = loc.lang;
    title_ui(ui, ChartId::Days.title(lang));
    let (Some(progress), Some(cal)) = (kpis.progress.as_ref(), calendar) else {
        ui.label(tr(lang, K::ChartNoProgress));
        return;
    };
    let pal = Palette::of(ui);
    let s = day_series(cal, Some(progress));
    let day_tip = |x: f64, what: &str, v: f64| -> String {
        let day = cal.days.get((x as usize).saturating_sub(1));
        let date = day.map(|d| day_label(d.date, lang)).unwrap_or_default();
        let mut tip = format!("{date}\n{what}: {}", money_v(v, loc));
        if let Some(d) = day {
            tip.push_str(&format!(
                "\n{}: {}\n{}: {}",
                tr(lang, K::DayPlan),
                money(d.plan, loc),
                tr(lang, K::DayFactWord),
                money_v(d.fact, loc)
            ));
        }
        tip
    };
    let (n_plan, n_fact, n_fc) = (tr(lang, K::CumPlan), tr(lang, K::CumFact), tr(lang, K::ForecastLine));
    let tips = vec![
        (n_plan.to_string(), s.plan.iter().map(|[x, y]| day_tip(*x, tr(lang, K::Plan), *y)).collect()),
        (n_fact.to_string(), s.fact.iter().map(|[x, y]| day_tip(*x, tr(lang, K::Fact), *y)).collect()),
        (n_fc.to_string(), s.forecast.iter().map(|[x, y]| day_tip(*x, tr(lang, K::Forecast), *y)).collect()),
    ];
    let h = chart_height(ui, height);
    let last_day = f64::from(progress.last_day.day());
    let plan_line = s.plan.clone();
    base_plot("mf_month_days", h)
        .label_formatter(series_tooltip(tips))
        .x_axis_label(tr(lang, K::DayOfMonth))
        .y_axis_label(loc.sign.as_str())
        .x_axis_formatter(
            |m, _| if m.value >= 1.0 && m.value.fract() == 0.0 { format!("{}", m.value) } else { String::new() },
        )
        .y_axis_formatter(move |m, _| money_tick(m.value, loc))
        .include_y(0.0)
        .include_x(1.0)
        .show(ui, |p| {
            p.line(Line::new(n_plan, PlotPoints::new(plan_line.clone())).color(pal.plan).width(2.0));
            p.points(Points::new(n_plan, PlotPoints::new(plan_line)).color(pal.plan).radius(2.0));
            p.line(Line::new(n_fact, PlotPoints::new(s.fact.clone())).color(pal.fact).width(2.5));
            p.points(Points::new(n_fact, PlotPoints::new(s.fact)).color(pal.fact).radius(2.5));
            if !s.forecast.is_empty() {
                p.line(
                    Line::new(n_fc, PlotPoints::new(s.forecast.clone()))
                        .color(pal.fact)
                        .style(LineStyle::dashed_loose())
                        .width(2.0),
                );
                p.points(
                    Points::new(n_fc, PlotPoints::new(s.forecast))
                        .color(pal.fact)
                        .radius(2.0)
                        .shape(MarkerShape::Diamond),
                );
            }
            p.vline(VLine::new("", last_day).color(pal.neutral).style(LineStyle::dashed_dense()).allow_hover(false));
            p.hline(
                HLine::new(tr(lang, K::PaceMonthPlan), cal.revenue_plan)
                    .color(pal.plan)
                    .style(LineStyle::dashed_dense()),
            );
        });
    ui.weak(tr(lang, K::ChartDaysNote));
}

/// The month in progress by ISO week: plan and fact columns per week (split at the month's edges).
pub fn month_weeks_ui(ui: &mut egui::Ui, kpis: &Kpis, calendar: Option<&MonthCalendar>, loc: Locale) {
    let lang = loc.lang;
    title_ui(ui, ChartId::Weeks.title(lang));
    let Some(cal) = calendar.filter(|c| kpis.progress.as_ref().is_some_and(|p| p.month == c.month)) else {
        ui.label(tr(lang, K::ChartNoProgress));
        return;
    };
    let pal = Palette::of(ui);
    let labels: Vec<String> = cal.weeks.iter().map(|w| format!("{} {}", tr(lang, K::WeekWord), w.week)).collect();
    let mut plan = Vec::new();
    let mut fact = Vec::new();
    for (i, w) in cal.weeks.iter().enumerate() {
        let x = i as f64;
        let range =
            format!("{} {} ({}–{})", tr(lang, K::WeekWord), w.week, day_short(w.from, lang), day_short(w.to, lang));
        if let Some(p) = w.plan {
            plan.push(Bar::new(x - 0.2, p).width(0.4).name(format!(
                "{range}\n{}: {}",
                tr(lang, K::WeekPlan),
                money_v(p, loc)
            )));
        }
        fact.push(Bar::new(x + 0.2, w.fact).width(0.4).name(format!(
            "{range}\n{}: {}",
            tr(lang, K::WeekFact),
            money_v(w.fact, loc)
        )));
    }
    let n = labels.len();
    let top = cal.weeks.iter().flat_map(|w| [w.plan, Some(w.fact)]).flatten().fold(0.0, f64::max);
    let h = chart_height(ui, 240.0);
    base_plot("mf_month_weeks", h)
        .x_grid_spacer(category_marks(n))
        .x_axis_formatter(move |m, _| category_at(&labels, m.value))
        .x_axis_label(tr(lang, K::ChartIsoWeek))
        .y_axis_label(loc.sign.as_str())
        .y_axis_formatter(move |m, _| money_tick(m.value, loc))
        .include_y(0.0)
        .include_y(headroom(top, 2))
        .show(ui, |p| {
            p.bar_chart(solid_bars(tr(lang, K::WeekPlan), plan, pal.plan));
            p.bar_chart(solid_bars(tr(lang, K::WeekFact), fact, pal.fact));
        });
}
