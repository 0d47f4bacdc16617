//! The Calls view: the phone before the lead. Answer rate by month against the Settings target,
//! how the missed contacts ended (callback within 20 minutes, later callback, the patient calling
//! again, lost), waits, a table per administrator, and a heat map of the answer rate by hour of
//! day and weekday from the call journal's contacts, so the owner sees when nobody picks up.
//!
//! Every number comes from [`crate::metrics::calls`] and [`Kpis`]; this module only draws them.

use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, Corner, HLine, Legend, Line, LineStyle, Plot, PlotPoints};

use crate::document::sheets::month_label;
use crate::format::{self, Lang, Locale};
use crate::i18n::{K, tr};
use crate::metrics::calls::{CallMonth, answer_rate_by_hour, call_months};
use crate::metrics::{Filter, Kpis};
use crate::model::Project;

/// The first and last hour of the heat map (a clinic's phone is rarely rung at night).
const HOURS: std::ops::RangeInclusive<usize> = 7..=21;

/// What the Calls view keeps between frames: its figures, recomputed only when the project or the
/// filter change.
#[derive(Debug, Default)]
pub struct CallsState {
    cache: Option<((u64, Filter), Figures)>,
}

#[derive(Debug)]
struct Figures {
    months: Vec<CallMonth>,
    heat: Option<[[Option<f64>; 24]; 7]>,
}

/// What the Calls view reads.
pub struct CallsContext<'a> {
    /// The open project.
    pub project: &'a Project,
    /// Its revision (the cache key).
    pub revision: u64,
    /// The period and filters.
    pub filter: &'a Filter,
    /// The KPIs of the period.
    pub kpis: &'a Kpis,
    /// The interface language.
    pub lang: Lang,
}

impl CallsContext<'_> {
    /// The language with the clinic's currency sign, for money.
    pub fn loc(&self) -> Locale {
        Locale::new(self.lang, &self.project.settings.currency)
    }
}

impl CallsState {
    fn figures(&mut self, cx: &CallsContext<'_>) -> &Figures {
        let key = (cx.revision, cx.filter.clone());
        if self.cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let figures = Figures {
                months: call_months(cx.project, cx.filter),
                heat: cx.project.contacts.as_deref().map(|c| answer_rate_by_hour(c, cx.filter)),
            };
            self.cache = Some((key, figures));
        }
        &self.cache.as_ref().expect("just filled").1
    }
}

const WEEKDAYS: [K; 7] = [K::Mon, K::Tue, K::Wed, K::Thu, K::Fri, K::Sat, K::Sun];

/// Draws the Calls view.
pub fn calls_ui(ui: &mut egui::Ui, state: &mut CallsState, cx: &CallsContext<'_>) {
    let lang = cx.lang;
    let loc = cx.loc();
    ui.heading(tr(lang, K::Calls));
    let target = cx.project.settings.answer_rate_target;
    let figures = state.figures(cx);
    if figures.months.is_empty() {
        ui.label(tr(lang, K::CallsNone));
        return;
    }
    ui.label(RichText::new(tr(lang, K::CallsHint)).weak());
    ui.add_space(6.0);
    headline_ui(ui, cx.kpis, target, loc);
    ui.add_space(8.0);
    ui.columns(2, |cols| {
        cols[0].label(RichText::new(tr(lang, K::CallsChartRate)).strong());
        rate_plot(&mut cols[0], &figures.months, target, lang);
        cols[1].label(RichText::new(tr(lang, K::CallsChartMissed)).strong());
        missed_plot(&mut cols[1], &figures.months, lang);
    });
    ui.add_space(8.0);
    ui.label(RichText::new(tr(lang, K::PlanByMonth)).strong().size(15.0));
    months_table(ui, &figures.months, lang);
    ui.add_space(8.0);
    ui.label(RichText::new(tr(lang, K::CallsAdmins)).strong().size(15.0));
    admins_table(ui, cx.kpis, lang);
    ui.add_space(8.0);
    ui.label(RichText::new(tr(lang, K::CallsHeat)).strong().size(15.0));
    match &figures.heat {
        Some(heat) => heat_ui(ui, heat, target, lang),
        None => {
            ui.label(RichText::new(tr(lang, K::CallsHeatNone)).weak());
        }
    }
}

/// The period's answer rate against the target, the lost contacts and their money, the wait.
fn headline_ui(ui: &mut egui::Ui, kpis: &Kpis, target: f64, loc: Locale) {
    let lang = loc.lang;
    let k = &kpis.total.kpis;
    let dark = ui.visuals().dark_mode;
    let below = k.answer_rate.is_some_and(|a| a < target);
    let colour =
        if below { crate::ui::theme::Status::Bad.colour(dark) } else { crate::ui::theme::Status::Good.colour(dark) };
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", tr(lang, K::AnswerRate)));
        ui.label(RichText::new(format::percent(k.answer_rate, lang)).strong().size(18.0).color(colour));
        ui.label(
            RichText::new(format!("({} {})", tr(lang, K::CallsTarget), format::percent(Some(target), lang))).weak(),
        );
        ui.separator();
        ui.label(format!("{}:", tr(lang, K::Lost)));
        ui.label(
            RichText::new(format!("{} / {}", format::count(k.lost, lang), format::count(k.contacts, lang))).strong(),
        );
        ui.label(RichText::new(format::percent(k.lost_rate, lang)).weak());
        ui.separator();
        ui.label(format!("{}:", tr(lang, K::CallsLostMoney)));
        ui.label(RichText::new(format::money(k.lost_revenue, loc)).strong().size(18.0));
        ui.separator();
        ui.label(format!("{}:", tr(lang, K::CallsAvgWait)));
        ui.label(RichText::new(seconds(k.avg_wait, lang)).strong());
    });
}

fn seconds(x: Option<f64>, lang: Lang) -> String {
    x.map_or_else(|| format::DASH.to_string(), |v| format::number(v, 0, lang))
}

fn month_axis(labels: Vec<String>) -> impl Fn(egui_plot::GridMark, &std::ops::RangeInclusive<f64>) -> String {
    move |m, _| {
        let i = m.value.round();
        if (m.value - i).abs() > 1e-6 || i < 0.0 {
            return String::new();
        }
        labels.get(i as usize).cloned().unwrap_or_default()
    }
}

fn plot(id: &str) -> Plot<'_> {
    Plot::new(id)
        .height(220.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .legend(Legend::default().position(Corner::LeftBottom).follow_insertion_order(true))
}

fn rate_plot(ui: &mut egui::Ui, months: &[CallMonth], target: f64, lang: Lang) {
    let labels: Vec<String> = months.iter().map(|m| month_label(m.month, lang)).collect();
    let points: Vec<[f64; 2]> =
        months.iter().enumerate().filter_map(|(i, m)| m.answer_rate.map(|r| [i as f64, r])).collect();
    plot("calls_rate")
        .include_y(0.0)
        .include_y(1.0)
        .x_axis_formatter(month_axis(labels))
        .y_axis_formatter(move |m, _| format::percent(Some(m.value), lang))
        .show(ui, |p| {
            p.line(Line::new(tr(lang, K::AnswerRate), PlotPoints::new(points)).width(2.5));
            p.hline(
                HLine::new(format!("{} {}", tr(lang, K::CallsTarget), format::percent(Some(target), lang)), target)
                    .style(LineStyle::dashed_dense()),
            );
        });
}

/// One part of the missed contacts' stacked bars: its name, colour and count in a month.
type Part = (K, Color32, fn(&CallMonth) -> f64);

fn missed_plot(ui: &mut egui::Ui, months: &[CallMonth], lang: Lang) {
    let labels: Vec<String> = months.iter().map(|m| month_label(m.month, lang)).collect();
    let parts: [Part; 4] = [
        (K::CallsCallback20, Color32::from_rgb(0x1e, 0x8e, 0x3e), |m| m.sums.callbacks_20m),
        (K::CallsCallback, Color32::from_rgb(0x7c, 0xb3, 0x42), |m| m.sums.callbacks),
        (K::CallsRecalled, Color32::from_rgb(0xc2, 0x7c, 0x0e), |m| m.sums.recalled),
        (K::Lost, Color32::from_rgb(0xc6, 0x28, 0x28), |m| m.sums.lost),
    ];
    // The four legend rows take the top third of the plot: the columns end below it, so the legend
    // sits on an empty band instead of on the columns (at 1024 px the months fill the width).
    let top = months.iter().map(|m| parts.iter().map(|(_, _, v)| v(m)).sum::<f64>()).fold(0.0, f64::max);
    let missed = plot("calls_missed")
        .legend(Legend::default().position(Corner::LeftTop).follow_insertion_order(true))
        .include_y(0.0)
        .include_y(top * 1.6);
    missed.x_axis_formatter(month_axis(labels)).show(ui, |p| {
        let mut below: Vec<BarChart> = Vec::new();
        for (key, colour, value) in parts {
            let bars: Vec<Bar> = months
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let v = value(m);
                    Bar::new(i as f64, v).width(0.6).name(format!(
                        "{}\n{}: {}",
                        month_label(m.month, lang),
                        tr(lang, key),
                        format::count(Some(v), lang)
                    ))
                })
                .collect();
            let refs: Vec<&BarChart> = below.iter().collect();
            let chart = BarChart::new(tr(lang, key), bars).color(colour).stack_on(&refs);
            below.push(chart);
        }
        for chart in below {
            p.bar_chart(chart);
        }
    });
}

fn header_row(ui: &mut egui::Ui, keys: &[K], lang: Lang) {
    for k in keys {
        ui.label(RichText::new(tr(lang, *k)).strong());
    }
    ui.end_row();
}

fn months_table(ui: &mut egui::Ui, months: &[CallMonth], lang: Lang) {
    egui::Grid::new("calls_months").striped(true).spacing([14.0, 4.0]).show(ui, |ui| {
        ui.label(RichText::new(tr(lang, K::Month)).strong());
        header_row(
            ui,
            &[
                K::Contacts,
                K::Answered,
                K::AnswerRate,
                K::CallsCallback20,
                K::CallsCallback,
                K::CallsRecalled,
                K::Lost,
                K::CallsAvgWait,
            ],
            lang,
        );
        for m in months {
            let s = &m.sums;
            ui.label(month_label(m.month, lang));
            ui.label(format::count(Some(s.contacts), lang));
            ui.label(format::count(Some(s.answered), lang));
            ui.label(format::percent(m.answer_rate, lang));
            ui.label(format::count(Some(s.callbacks_20m), lang));
            ui.label(format::count(Some(s.callbacks), lang));
            ui.label(format::count(Some(s.recalled), lang));
            ui.label(format::count(Some(s.lost), lang));
            ui.label(seconds(m.avg_wait, lang));
            ui.end_row();
        }
    });
}

fn admins_table(ui: &mut egui::Ui, kpis: &Kpis, lang: Lang) {
    egui::Grid::new("calls_admins").striped(true).spacing([14.0, 4.0]).show(ui, |ui| {
        header_row(ui, &[K::CallsEmployee, K::Answered, K::CallsAvgWait, K::CallsAvgTalk], lang);
        for e in &kpis.employees {
            ui.label(&e.employee);
            ui.label(format::count(e.answered, lang));
            ui.label(seconds(e.avg_wait, lang));
            ui.label(seconds(e.avg_talk, lang));
            ui.end_row();
        }
    });
}

/// Red below the target, through amber, to green at the target and above.
fn heat_colour(rate: f64, target: f64) -> Color32 {
    let t = if target > 0.0 { ((rate - (target - 0.3)) / 0.3).clamp(0.0, 1.0) } else { 1.0 } as f32;
    let (r0, g0, b0) = (0xc6_u8, 0x28_u8, 0x28_u8);
    let (r1, g1, b1) = (0x1e_u8, 0x8e_u8, 0x3e_u8);
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
    Color32::from_rgb(mix(r0, r1), mix(g0, g1), mix(b0, b1))
}

fn heat_ui(ui: &mut egui::Ui, heat: &[[Option<f64>; 24]; 7], target: f64, lang: Lang) {
    egui::Grid::new("calls_heat").spacing([2.0, 2.0]).show(ui, |ui| {
        ui.label(RichText::new(tr(lang, K::CallsHour)).weak());
        for h in HOURS {
            ui.label(RichText::new(format!("{h}")).weak());
        }
        ui.end_row();
        for (d, row) in heat.iter().enumerate() {
            ui.label(RichText::new(tr(lang, WEEKDAYS[d])).strong());
            for h in HOURS {
                match row[h] {
                    Some(rate) => {
                        let text = format::number(rate * 100.0, 0, lang);
                        egui::Frame::new().fill(heat_colour(rate, target)).inner_margin(3.0).show(ui, |ui| {
                            ui.label(RichText::new(text).color(Color32::WHITE).size(11.0));
                        });
                    }
                    None => {
                        ui.label(RichText::new(format::DASH).weak());
                    }
                }
            }
            ui.end_row();
        }
    });
}
