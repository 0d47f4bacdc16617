//! The KPI summaries shown above each sheet's grid (per month, channel, direction, doctor, NPS
//! period), read-only and taken from the cached [`Kpis`].

use egui::{Color32, RichText};

use crate::document::sheets::{month_label, tier_label};
use crate::format::{self, Locale};
use crate::i18n::{K, tr};
use crate::metrics::Kpis;
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

fn summary(sheet: Sheet, kpis: &Kpis, loc: Locale) -> Option<Summary> {
    let lang = loc.lang;
    let m = |x| format::money(x, loc);
    let p = |x| format::percent(x, lang);
    let c = |x| format::count(x, lang);
    let r = |x| format::ratio(x, lang);
    Some(match sheet {
        Sheet::Plan | Sheet::Revenue => Summary {
            headers: vec![K::Month, K::RevenuePlan, K::Revenue, K::Completion, K::CardForecast, K::AvgCheck],
            rows: kpis
                .months
                .iter()
                .map(|k| {
                    vec![
                        plain(month_label(k.month, lang)),
                        plain(m(k.revenue_plan)),
                        plain(m(k.revenue)),
                        (p(k.plan_completion), theme::completion_status(k.plan_completion)),
                        plain(m(k.forecast)),
                        plain(m(k.avg_check)),
                    ]
                })
                .collect(),
        },
        Sheet::Budget => Summary {
            headers: vec![K::Month, K::ColBudgetPlan, K::Spend, K::ExecutionWord, K::CardMarketingShare],
            rows: kpis
                .months
                .iter()
                .map(|k| {
                    vec![
                        plain(month_label(k.month, lang)),
                        plain(m(k.budget_plan)),
                        plain(m(k.spend)),
                        (p(k.budget_execution), theme::budget_status(k.budget_execution)),
                        (p(k.marketing_share), theme::marketing_share_status(k.marketing_share)),
                    ]
                })
                .collect(),
        },
        Sheet::Funnel => Summary {
            headers: vec![
                K::Month,
                K::Leads,
                K::Bookings,
                K::ColVisits,
                K::Paid,
                K::FactorBookingRate,
                K::ShowRate,
                K::FactorPaidRate,
                K::CardCpl,
                K::CardCac,
            ],
            rows: kpis
                .months
                .iter()
                .map(|k| {
                    vec![
                        plain(month_label(k.month, lang)),
                        plain(c(k.leads)),
                        plain(c(k.bookings)),
                        plain(c(k.visits)),
                        plain(c(k.paid)),
                        plain(p(k.booking_rate)),
                        plain(p(k.show_rate)),
                        plain(p(k.paid_rate)),
                        plain(m(k.cpl)),
                        plain(m(k.cac)),
                    ]
                })
                .collect(),
        },
        Sheet::Channels => Summary {
            headers: vec![
                K::Channel,
                K::Tier,
                K::ColBudgetPlan,
                K::Spend,
                K::Leads,
                K::ReturningLeads,
                K::ColVisits,
                K::Paid,
                K::CardCpl,
                K::CardCac,
                K::Roas,
                K::Romi,
            ],
            rows: kpis
                .channels
                .iter()
                .map(|k| {
                    vec![
                        plain(k.channel.clone()),
                        plain(tier_label(k.tier, lang).to_string()),
                        plain(m(k.budget_plan)),
                        plain(m(k.spend)),
                        plain(c(k.leads)),
                        plain(c(k.returning_leads)),
                        plain(c(k.visits)),
                        plain(c(k.paid)),
                        plain(m(k.cpl)),
                        plain(m(k.cac)),
                        (r(k.roas), theme::roas_status(k.roas)),
                        (p(k.romi), theme::romi_status(k.romi)),
                    ]
                })
                .collect(),
        },
        Sheet::Directions => Summary {
            headers: vec![
                K::Direction,
                K::Margin,
                K::RevenuePlan,
                K::Revenue,
                K::Completion,
                K::Spend,
                K::CardCac,
                K::Ltv,
                K::LtvToCac,
                K::FactorBookingRate,
                K::ShowRate,
                K::FactorPaidRate,
                K::CardCpl,
                K::Roas,
                K::Romi,
            ],
            rows: kpis
                .directions
                .iter()
                .map(|k| {
                    vec![
                        plain(k.direction.clone()),
                        plain(p(Some(k.margin))),
                        plain(m(k.revenue_plan)),
                        plain(m(k.revenue)),
                        (p(k.plan_completion), theme::completion_status(k.plan_completion)),
                        plain(m(k.spend)),
                        plain(m(k.cac)),
                        plain(m(k.ltv)),
                        (r(k.ltv_to_cac), theme::ltv_cac_status(k.ltv_to_cac)),
                        plain(p(k.booking_rate)),
                        plain(p(k.show_rate)),
                        plain(p(k.paid_rate)),
                        plain(m(k.cpl)),
                        (r(k.roas), theme::roas_status(k.roas)),
                        (p(k.romi), theme::romi_status(k.romi)),
                    ]
                })
                .collect(),
        },
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
