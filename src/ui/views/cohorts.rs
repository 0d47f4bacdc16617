//! The Cohorts view: the classic triangle of patient cohorts (first-visit month × months since the
//! first visit) as a heat map of retention or of cumulative LTV, and the LTV curves.
//!
//! The numbers come from [`Kpis::cohorts`], which the period filter already cuts by cohort month;
//! this module only draws them.

use egui::{Color32, RichText};
use egui_plot::{Corner, HoverPosition, Legend, Line, Plot, PlotPoints};

use crate::document::sheets::month_label;
use crate::format::{self, Locale};
use crate::i18n::{K, tr};
use crate::metrics::cohorts::average_ltv;
use crate::metrics::{Cohort, Kpis};

/// How many of the latest cohorts get their own LTV line (more would bury the average).
pub const MAX_LINES: usize = 12;

/// What the Cohorts view remembers between frames.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CohortsState {
    /// Show the LTV triangle instead of retention.
    pub show_ltv: bool,
}

/// Draws the Cohorts view.
pub fn cohorts_ui(ui: &mut egui::Ui, state: &mut CohortsState, kpis: &Kpis, loc: Locale) {
    let lang = loc.lang;
    ui.heading(tr(lang, K::Cohorts));
    let Some(cohorts) = kpis.cohorts.as_deref() else {
        // Cohorts need patient-level visits, which only the MIS export brings.
        ui.label(tr(lang, K::CohortsNoVisits));
        return;
    };
    if cohorts.is_empty() {
        ui.label(tr(lang, K::CohortsNoneInPeriod));
        return;
    }
    ui.label(RichText::new(tr(lang, K::CohortsHint)).weak());
    ui.horizontal(|ui| {
        ui.selectable_value(&mut state.show_ltv, false, tr(lang, K::CohortsRetention));
        ui.selectable_value(&mut state.show_ltv, true, tr(lang, K::CohortsLtv));
    });
    egui::ScrollArea::both().show(ui, |ui| {
        triangle_ui(ui, cohorts, state.show_ltv, loc);
        ui.add_space(12.0);
        ui.label(RichText::new(tr(lang, K::CohortsLtvCurve)).strong().size(15.0));
        ltv_plot(ui, cohorts, loc);
    });
}

/// The value of a cell of the triangle, if there is one.
fn cell(c: &Cohort, k: usize, ltv: bool) -> Option<f64> {
    if ltv { c.ltv.get(k).copied().flatten() } else { c.retained.get(k).copied() }
}

/// Heat-map colour for `t` in 0..=1 between the background and a green, with readable text on it.
fn heat(ui: &egui::Ui, t: f64) -> (Color32, Color32) {
    let bg = ui.visuals().extreme_bg_color;
    let hot = Color32::from_rgb(30, 130, 76);
    let t = t.clamp(0.0, 1.0) as f32;
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
    let fill = Color32::from_rgb(mix(bg.r(), hot.r()), mix(bg.g(), hot.g()), mix(bg.b(), hot.b()));
    let lum = 0.299 * f32::from(fill.r()) + 0.587 * f32::from(fill.g()) + 0.114 * f32::from(fill.b());
    let text = if lum > 140.0 { Color32::BLACK } else { Color32::WHITE };
    (fill, text)
}

fn triangle_ui(ui: &mut egui::Ui, cohorts: &[Cohort], ltv: bool, loc: Locale) {
    let lang = loc.lang;
    let width = cohorts.iter().map(|c| c.retained.len().max(c.ltv.len())).max().unwrap_or(0);
    // Month 0 retention is 100 % by definition: scaling by the later months gives them contrast.
    let top =
        cohorts.iter().flat_map(|c| (usize::from(!ltv)..width).filter_map(|k| cell(c, k, ltv))).fold(0.0_f64, f64::max);
    egui::Grid::new(("cohort_triangle", ltv)).spacing([2.0, 2.0]).show(ui, |ui| {
        ui.label(RichText::new(tr(lang, K::Cohort)).strong());
        ui.label(RichText::new(tr(lang, K::CohortsPatients)).strong());
        for k in 0..width {
            ui.label(RichText::new(format!("{} {k}", tr(lang, K::CohortsMonthShort))).strong());
        }
        ui.end_row();
        for c in cohorts {
            ui.label(month_label(c.cohort, lang));
            ui.label(format::count(Some(c.patients as f64), lang));
            for k in 0..width {
                match cell(c, k, ltv) {
                    Some(v) => {
                        let text = if ltv { format::money(Some(v), loc) } else { format::percent(Some(v), lang) };
                        let t = if !ltv && k == 0 {
                            0.15
                        } else if top > 0.0 {
                            v / top
                        } else {
                            0.0
                        };
                        let (fill, fg) = heat(ui, t);
                        egui::Frame::new().fill(fill).inner_margin(egui::Margin::symmetric(6, 2)).show(ui, |ui| {
                            ui.set_min_width(if ltv { 86.0 } else { 56.0 });
                            ui.label(RichText::new(text).color(fg));
                        });
                    }
                    None => {
                        ui.label("");
                    }
                }
            }
            ui.end_row();
        }
    });
}

fn ltv_plot(ui: &mut egui::Ui, cohorts: &[Cohort], loc: Locale) {
    let lang = loc.lang;
    let month = tr(lang, K::CohortsMonthShort);
    let points = |ltv: &[Option<f64>]| -> Vec<[f64; 2]> {
        ltv.iter().enumerate().filter_map(|(k, v)| v.map(|v| [k as f64, v])).collect()
    };
    let average_name = tr(lang, K::CohortsAverage).to_string();
    let mut series: Vec<(String, Vec<[f64; 2]>)> = cohorts
        .iter()
        .skip(cohorts.len().saturating_sub(MAX_LINES))
        .map(|c| (month_label(c.cohort, lang), points(&c.ltv)))
        .collect();
    series.push((average_name.clone(), points(&average_ltv(cohorts))));
    // Tooltips name the series, the month since the first visit and the money in the user's locale.
    let tips: Vec<(String, Vec<String>)> = series
        .iter()
        .map(|(name, pts)| {
            let t =
                pts.iter().map(|p| format!("{name}\n{month} {}: {}", p[0], format::money(Some(p[1]), loc))).collect();
            (name.clone(), t)
        })
        .collect();
    Plot::new("cohorts_ltv")
        .height(280.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .legend(Legend::default().position(Corner::LeftTop).follow_insertion_order(true))
        .y_axis_formatter(move |mark, _| format::money(Some(mark.value), loc))
        .label_formatter(move |pos: &HoverPosition<'_>| match pos {
            HoverPosition::NearDataPoint { plot_name, index, .. } => {
                tips.iter().find(|(n, _)| n == plot_name).and_then(|(_, v)| v.get(*index)).cloned()
            }
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |p| {
            for (name, pts) in series {
                let is_avg = name == average_name;
                let line = Line::new(name, PlotPoints::new(pts));
                p.line(if is_avg { line.width(3.5).color(Color32::from_rgb(30, 130, 76)) } else { line.width(1.2) });
            }
        });
}
