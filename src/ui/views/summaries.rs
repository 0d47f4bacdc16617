//! The KPI summaries shown above each sheet's grid (per month, channel, direction, doctor, NPS
//! period), read-only and taken from the cached [`Kpis`].

use egui::{Color32, RichText};

use crate::document::sheets::{month_label, tier_label};
use crate::format::{self, Locale};
use crate::i18n::{self, K, tr};
use crate::metrics::figure::{Figure, Figures};
use crate::metrics::{Kpis, MonthKpis, references};
use crate::model::Sheet;
use crate::ui::theme::{self, Status};

/// A read-only table: a header and text rows, with optional status colours per cell.
struct Summary {
    headers: Vec<K>,
    rows: Vec<Vec<(String, Status)>>,
}

fn plain(s: String) -> (String, Status) {
    (s, Status::Neutral)
}

/// A summary of KPI rows: the label columns `labels` (cells from `label_cells`), then `figures`
/// by their short names, each in its unit and coloured against its reference.
fn figures_summary<T: Figures>(
    labels: &[K],
    figures: &[Figure],
    rows: &[T],
    label_cells: impl Fn(&T) -> Vec<String>,
    loc: Locale,
) -> Summary {
    let headers = labels.iter().copied().chain(figures.iter().map(|&f| i18n::figure_short(f))).collect();
    let cell = |row: &T, f: Figure| {
        let x = row.figure(f);
        (f.unit().text(x, loc), references::status_of(f, x).map_or(Status::Neutral, Status::from))
    };
    let rows = rows
        .iter()
        .map(|r| label_cells(r).into_iter().map(plain).chain(figures.iter().map(|&f| cell(r, f))).collect())
        .collect();
    Summary { headers, rows }
}

fn summary(sheet: Sheet, kpis: &Kpis, loc: Locale) -> Option<Summary> {
    use Figure::*;
    let lang = loc.lang;
    let m = |x| format::money(x, loc);
    let p = |x| format::percent(x, lang);
    let c = |x| format::count(x, lang);
    let month = |k: &MonthKpis| vec![month_label(k.month, lang)];
    Some(match sheet {
        Sheet::Plan | Sheet::Revenue => figures_summary(
            &[K::Month],
            &[RevenuePlan, Revenue, PlanCompletion, Forecast, AvgCheck],
            &kpis.months,
            month,
            loc,
        ),
        Sheet::Budget => figures_summary(
            &[K::Month],
            &[BudgetPlan, Spend, BudgetExecution, MarketingShare],
            &kpis.months,
            month,
            loc,
        ),
        Sheet::Funnel => figures_summary(
            &[K::Month],
            &[Leads, Bookings, Visits, Paid, BookingRate, ShowRate, PaidRate, Cpl, Cac],
            &kpis.months,
            month,
            loc,
        ),
        Sheet::Channels => figures_summary(
            &[K::Channel, K::Tier],
            &[BudgetPlan, Spend, Leads, ReturningLeads, Visits, Paid, Cpl, Cac, Roas, Romi],
            &kpis.channels,
            |k| vec![k.channel.clone(), tier_label(k.tier, lang).to_string()],
            loc,
        ),
        Sheet::Directions => figures_summary(
            &[K::Direction],
            &[
                Margin,
                RevenuePlan,
                Revenue,
                PlanCompletion,
                Spend,
                Cac,
                Ltv,
                LtvToCac,
                BookingRate,
                ShowRate,
                PaidRate,
                Cpl,
                Roas,
                Romi,
            ],
            &kpis.directions,
            |k| vec![k.direction.clone()],
            loc,
        ),
        Sheet::Doctors => Summary {
            headers: vec![
                K::Doctor,
                K::Direction,
                K::ColPrimaryPatients,
                K::ColRepeatPatients,
                K::DoctorConversion,
                K::Utilization,
                K::Revenue,
                K::PlanTotalRate,
            ],
            rows: kpis
                .doctors
                .iter()
                .map(|k| {
                    let conv = match k.doctor_conversion {
                        Some(x) if x > 0.5 => Status::Good,
                        Some(_) => Status::Bad,
                        None => Status::Neutral,
                    };
                    vec![
                        plain(k.doctor.clone()),
                        plain(k.direction.clone().unwrap_or_default()),
                        plain(c(k.primary_patients)),
                        plain(c(k.repeat_patients)),
                        (p(k.doctor_conversion), conv),
                        plain(p(k.utilization)),
                        plain(m(k.revenue)),
                        plain(p(k.plan_total_rate)),
                    ]
                })
                .collect(),
        },
        Sheet::Nps => Summary {
            headers: vec![K::Period, K::Direction, K::Respondents, K::Nps],
            rows: kpis
                .nps
                .iter()
                .map(|k| {
                    vec![
                        plain(k.period.clone()),
                        plain(k.direction.clone().unwrap_or_else(|| tr(lang, K::WholeClinic).to_string())),
                        plain(c(Some(k.respondents))),
                        (
                            k.nps.map_or_else(|| format::DASH.to_string(), |v| format::number(v, 0, lang)),
                            theme::nps_status(k.nps),
                        ),
                    ]
                })
                .collect(),
        },
        // The Calls view holds the calls' figures; the grid is the data under them.
        Sheet::Settings | Sheet::Calls => return None,
    })
}

/// The KPI summary above a sheet's grid (nothing for Settings).
pub fn summary_ui(ui: &mut egui::Ui, sheet: Sheet, kpis: &Kpis, loc: Locale) {
    let lang = loc.lang;
    let Some(s) = summary(sheet, kpis, loc) else { return };
    let dark = ui.visuals().dark_mode;
    egui::CollapsingHeader::new(RichText::new(tr(lang, K::KpiSummary)).strong())
        .id_salt(("summary", sheet))
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::both().id_salt(("summary_scroll", sheet)).max_height(190.0).show(ui, |ui| {
                egui::Grid::new(("summary_grid", sheet)).striped(true).spacing([18.0, 3.0]).show(ui, |ui| {
                    for h in &s.headers {
                        ui.label(RichText::new(tr(lang, *h)).strong());
                    }
                    ui.end_row();
                    if s.rows.is_empty() {
                        ui.label(RichText::new(tr(lang, K::NoRowsInPeriod)).weak());
                        ui.end_row();
                    }
                    for row in &s.rows {
                        for (text, status) in row {
                            let colour = status_colour(*status, dark);
                            match colour {
                                Some(c) => ui.label(RichText::new(text).color(c)),
                                None => ui.label(text),
                            };
                        }
                        ui.end_row();
                    }
                });
            });
        });
    ui.separator();
}

fn status_colour(s: Status, dark: bool) -> Option<Color32> {
    (s != Status::Neutral).then(|| s.colour(dark))
}
