//! The Branches view: a chain's branches side by side (plan against fact to date, the funnel's
//! rates, the money ratios, calls and NPS), the whole chain beside them, each figure coloured against
//! its reference where it has one, and one bar chart per KPI.
//!
//! Every number comes from [`crate::metrics`] (`Kpis::branches`, which ignores the branch filter,
//! and the chain's totals); this module only lays them out.

use egui::RichText;

use crate::format::Locale;
use crate::i18n::{K, tr};
use crate::metrics::figure::{Figure, Figures};
use crate::metrics::references;
use crate::metrics::{self, Filter, Kpis, MonthKpis};
use crate::model::Project;
use crate::ui::charts::kpi_bars_ui;
use crate::ui::theme::Status;

/// The whole chain's totals, cached by model revision and filter (under a branch filter the app's
/// KPIs are the branch's, so the chain's are computed apart).
#[derive(Default)]
pub struct BranchesState {
    chain: Option<((u64, Filter), MonthKpis)>,
}

/// The comparison's rows: a label and the figure, read off each branch and off the chain's totals
/// (the chain's NPS over every answer is on the NPS chart: a month's figures have none, so the chain's
/// cell stays blank).
const ROWS: [(K, Figure); 15] = [
    (K::BrPlanToDate, Figure::PlanToDate),
    (K::Revenue, Figure::Revenue),
    (K::BrCompletionToDate, Figure::CompletionToDate),
    (K::BrSpend, Figure::Spend),
    (K::Leads, Figure::Leads),
    (K::BookingRate, Figure::BookingRate),
    (K::ShowRate, Figure::ShowRate),
    (K::PaidRate, Figure::PaidRate),
    (K::Cpl, Figure::Cpl),
    (K::Cac, Figure::Cac),
    (K::Romi, Figure::Romi),
    (K::AvgCheck, Figure::AvgCheck),
    (K::BrContacts, Figure::Contacts),
    (K::BrAnswerRate, Figure::AnswerRate),
    (K::Nps, Figure::Nps),
];

/// Draws the Branches view of `kpis` (computed under `filter`).
pub fn branches_ui(
    ui: &mut egui::Ui,
    state: &mut BranchesState,
    (project, revision): (&Project, u64),
    kpis: &Kpis,
    filter: &Filter,
    loc: Locale,
) {
    let lang = loc.lang;
    ui.heading(tr(lang, K::Branches));
    if kpis.branches.is_empty() {
        ui.label(tr(lang, K::BranchesNone));
        return;
    }
    let chain = match &filter.branch {
        None => kpis.total.kpis.clone(),
        Some(_) => {
            let key = (revision, filter.clone());
            if state.chain.as_ref().is_none_or(|(k, _)| *k != key) {
                let whole = metrics::compute(project, &Filter { branch: None, ..filter.clone() });
                state.chain = Some((key.clone(), whole.total.kpis));
            }
            state.chain.as_ref().map(|(_, t)| t.clone()).unwrap_or_else(|| kpis.total.kpis.clone())
        }
    };
    ui.label(RichText::new(tr(lang, K::BranchesHint)).weak());
    let dark = ui.visuals().dark_mode;
    let names: Vec<String> = kpis.branches.iter().map(|b| b.branch.clone()).collect();
    egui::ScrollArea::both().id_salt("mf_branches").show(ui, |ui| {
        egui::Grid::new("mf_branches_table").striped(true).spacing([18.0, 6.0]).show(ui, |ui| {
            ui.label(RichText::new(tr(lang, K::BrKpi)).strong());
            for b in &kpis.branches {
                let text = RichText::new(&b.branch).strong();
                // The filtered branch stands out.
                let selected =
                    filter.branch.as_deref().is_some_and(|f| crate::model::same_branch(Some(f), Some(&b.branch)));
                ui.label(if selected { text.underline() } else { text });
            }
            ui.label(RichText::new(tr(lang, K::ChainTotal)).strong());
            ui.end_row();
            for &(label, f) in &ROWS {
                ui.label(tr(lang, label));
                for b in &kpis.branches {
                    let v = b.figure(f);
                    let text = RichText::new(f.unit().text(v, loc));
                    ui.label(match references::status_of(f, v) {
                        Some(s) => text.color(Status::from(s).colour(dark)),
                        None => text,
                    });
                }
                let total = if chain.holds(f) { f.unit().text(chain.figure(f), loc) } else { String::new() };
                ui.label(RichText::new(total).strong());
                ui.end_row();
            }
        });
        for (i, &(label, f)) in ROWS.iter().enumerate() {
            ui.add_space(10.0);
            ui.label(RichText::new(tr(lang, label)).strong());
            let values: Vec<Option<f64>> = kpis.branches.iter().map(|b| b.figure(f)).collect();
            kpi_bars_ui(
                ui,
                &format!("mf_branch_kpi_{i}"),
                &names,
                &values,
                |x| references::status_of(f, Some(x)),
                f.unit(),
                loc,
            );
        }
    });
}
