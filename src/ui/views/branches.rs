//! The Branches view: a chain's branches side by side (plan against fact to date, the funnel's
//! rates, the money ratios, calls and NPS), the whole chain beside them, each figure coloured against
//! its reference where it has one, and one bar chart per KPI.
//!
//! Every number comes from [`crate::metrics`] (`Kpis::branches`, which ignores the branch filter,
//! and the chain's totals); this module only lays them out.

use egui::RichText;

use crate::format::Locale;
use crate::i18n::{K, tr};
use crate::metrics::references::{self, Status as Ref};
use crate::metrics::{self, BranchKpis, Filter, Kpis, MonthKpis};
use crate::model::Project;
use crate::ui::charts::{Unit, kpi_bars_ui};
use crate::ui::theme::Status;

/// The whole chain's totals, cached by model revision and filter (under a branch filter the app's
/// KPIs are the branch's, so the chain's are computed apart).
#[derive(Default)]
pub struct BranchesState {
    chain: Option<((u64, Filter), MonthKpis)>,
}

/// One row of the comparison: a label, the unit, the reference rule, and how to read the figure
/// off a branch and off the chain's totals.
struct Row {
    label: K,
    unit: Unit,
    status: fn(f64) -> Option<Ref>,
    branch: fn(&BranchKpis) -> Option<f64>,
    chain: fn(&MonthKpis) -> Option<f64>,
}

fn none(_: f64) -> Option<Ref> {
    None
}

const ROWS: [Row; 15] = [
    Row {
        label: K::BrPlanToDate,
        unit: Unit::Money,
        status: none,
        branch: |b| b.plan_to_date,
        chain: |t| t.plan_to_date,
    },
    Row { label: K::Revenue, unit: Unit::Money, status: none, branch: |b| b.revenue, chain: |t| t.revenue },
    Row {
        label: K::BrCompletionToDate,
        unit: Unit::Rate,
        status: |x| Some(references::completion(x)),
        branch: |b| b.completion_to_date,
        chain: |t| t.completion_to_date,
    },
    Row { label: K::BrSpend, unit: Unit::Money, status: none, branch: |b| b.spend, chain: |t| t.spend },
    Row { label: K::Leads, unit: Unit::Count, status: none, branch: |b| b.leads, chain: |t| t.leads },
    Row {
        label: K::BookingRate,
        unit: Unit::Rate,
        status: none,
        branch: |b| b.booking_rate,
        chain: |t| t.booking_rate,
    },
    Row { label: K::ShowRate, unit: Unit::Rate, status: none, branch: |b| b.show_rate, chain: |t| t.show_rate },
    Row { label: K::PaidRate, unit: Unit::Rate, status: none, branch: |b| b.paid_rate, chain: |t| t.paid_rate },
    Row { label: K::Cpl, unit: Unit::Money, status: none, branch: |b| b.cpl, chain: |t| t.cpl },
    Row { label: K::Cac, unit: Unit::Money, status: none, branch: |b| b.cac, chain: |t| t.cac },
    Row {
        label: K::Romi,
        unit: Unit::Rate,
        status: |x| Some(references::romi(x)),
        branch: |b| b.romi,
        chain: |t| t.romi,
    },
    Row { label: K::AvgCheck, unit: Unit::Money, status: none, branch: |b| b.avg_check, chain: |t| t.avg_check },
    Row { label: K::BrContacts, unit: Unit::Count, status: none, branch: |b| b.contacts, chain: |t| t.contacts },
    Row { label: K::BrAnswerRate, unit: Unit::Rate, status: none, branch: |b| b.answer_rate, chain: |t| t.answer_rate },
    // The chain's NPS over every answer is on the NPS chart; the total here is left blank.
    Row { label: K::Nps, unit: Unit::Points, status: |x| Some(references::nps(x)), branch: |b| b.nps, chain: |_| None },
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
            for row in &ROWS {
                ui.label(tr(lang, row.label));
                for b in &kpis.branches {
                    let v = (row.branch)(b);
                    let colour = v.and_then(row.status).map_or(Status::Neutral, Status::from).colour(dark);
                    let text = RichText::new(row.unit.text(v, loc));
                    ui.label(if v.and_then(row.status).is_some() { text.color(colour) } else { text });
                }
                ui.label(RichText::new(row.unit.text((row.chain)(&chain), loc)).strong());
                ui.end_row();
            }
        });
        for (i, row) in ROWS.iter().enumerate() {
            ui.add_space(10.0);
            ui.label(RichText::new(tr(lang, row.label)).strong());
            let values: Vec<Option<f64>> = kpis.branches.iter().map(row.branch).collect();
            kpi_bars_ui(ui, &format!("mf_branch_kpi_{i}"), &names, &values, row.status, row.unit, loc);
        }
    });
}
