//! The "Build next year's plan" dialog: the marketer types the target year, the clinic growth,
//! growth per direction, the marketing share and the tier split; the dialog shows the plan
//! [`build_plan`] makes of them, live, and Apply writes it with [`apply_plan`] as one undoable
//! edit. Nothing is written before Apply; Cancel (or Escape) writes nothing.
//!
//! Every figure comes from the library ([`crate::analysis::plan`]) or from [`crate::metrics`]
//! (last year's revenue); this module only reads the inputs, formats and draws.

use std::collections::BTreeMap;

use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, GridMark, Legend, Plot};

use crate::analysis::plan::{
    PlanInput, PlanNotice, YearPlan, apply_plan, build_plan, default_year, parse_percent, parse_tiers,
};
use crate::document::edit::Edit;
use crate::document::sheets::{month_label, tier_label};
use crate::format::{self, Lang, Locale};
use crate::i18n::{self, K, tr};
use crate::metrics::{self, Filter};
use crate::model::{Month, Project, Tier};

/// Colour of last year's bars: a neutral grey that reads as "the past" on both themes.
const LAST_YEAR_COLOUR: Color32 = Color32::from_rgb(0x9a, 0xa0, 0xa6);
/// Colour of the plan's bars.
const PLAN_COLOUR: Color32 = Color32::from_rgb(0x2f, 0x80, 0xed);
/// Colour of the budget bars.
const BUDGET_COLOUR: Color32 = Color32::from_rgb(0xe0, 0x8a, 0x1e);

/// What the user decided in the dialog this frame.
#[derive(Debug)]
pub enum Outcome {
    /// Close the dialog; nothing is written.
    Cancel,
    /// Write the plan: the edit to apply (one undo step) and the year it plans.
    Apply {
        /// The project with the plan applied, against the project it was built from.
        edit: Edit,
        /// The planned year, for the status bar.
        year: i32,
    },
}

/// A field of the dialog that does not read as a number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadField {
    /// The clinic growth.
    Growth,
    /// The growth of this direction.
    Direction(String),
    /// The marketing share.
    Share,
    /// The tier split.
    Tiers,
}

/// The dialog's state: the inputs as typed, and the preview of the last input that read.
#[derive(Debug)]
pub struct PlanDialog {
    /// The year to plan.
    pub year: i32,
    /// Clinic growth as typed ("+15 %").
    pub growth: String,
    /// Per direction: whether its own growth is used, and that growth as typed. Kept across
    /// year changes, so going back to a year finds the overrides as they were.
    pub overrides: BTreeMap<String, (bool, String)>,
    /// Marketing share as typed ("7 %").
    pub share: String,
    /// Tier split as typed ("80/15/5").
    pub tiers: String,
    preview: Option<Preview>,
}

/// A built plan and what the preview shows beside it, for one (revision, input).
#[derive(Debug)]
struct Preview {
    revision: u64,
    input: PlanInput,
    plan: YearPlan,
    /// Revenue of each month of Y − 1 (Revenue sheet sums), `None` where there was none.
    last_year: [Option<f64>; 12],
    /// Revenue of Y − 1 per direction of the Directions sheet.
    last_by_direction: BTreeMap<String, Option<f64>>,
    /// Revenue of Y − 1 per branch of a chain, by the branch's name as first written.
    last_by_branch: BTreeMap<String, Option<f64>>,
    /// Tier of each channel (first row of a name wins, as in the library).
    tiers: BTreeMap<String, Tier>,
}

impl PlanDialog {
    /// A dialog with the defaults: the plan builder's default year (the first from the as-of
    /// day's year without Plan rows), +15 %,
    /// 7 %, 80/15/5, no direction overrides.
    pub fn new(project: &Project) -> Self {
        let input = PlanInput::new(default_year(project));
        Self {
            year: input.year,
            growth: percent_input(input.growth, true),
            overrides: BTreeMap::new(),
            share: percent_input(input.marketing_share, false),
            tiers: input.tiers.iter().map(|t| format!("{}", (t * 1000.0).round() / 10.0)).collect::<Vec<_>>().join("/"),
            preview: None,
        }
    }

    /// The plan input as typed, or every field that does not read.
    ///
    /// # Errors
    /// The fields that are not numbers (an override counts only when ticked).
    pub fn input(&self) -> Result<PlanInput, Vec<BadField>> {
        let mut bad = Vec::new();
        let mut input = PlanInput::new(self.year);
        match parse_percent(&self.growth) {
            Some(g) => input.growth = g,
            None => bad.push(BadField::Growth),
        }
        for (d, (on, text)) in &self.overrides {
            if !*on {
                continue;
            }
            match parse_percent(text) {
                Some(g) => {
                    input.growth_by_direction.insert(d.clone(), g);
                }
                None => bad.push(BadField::Direction(d.clone())),
            }
        }
        match parse_percent(&self.share) {
            Some(s) => input.marketing_share = s,
            None => bad.push(BadField::Share),
        }
        match parse_tiers(&self.tiers) {
            Some(t) => input.tiers = t,
            None => bad.push(BadField::Tiers),
        }
        if bad.is_empty() { Ok(input) } else { Err(bad) }
    }

    /// The plan the preview shows (tests compare it with [`build_plan`]).
    pub fn plan(&self) -> Option<&YearPlan> {
        self.preview.as_ref().map(|p| &p.plan)
    }

    /// Rebuilds the preview when the project or the input changed since the last one.
    fn refresh(&mut self, project: &Project, revision: u64, input: &PlanInput) {
        if self.preview.as_ref().is_some_and(|p| p.revision == revision && &p.input == input) {
            return;
        }
        let year = input.year;
        // Last year's facts are read by the metrics over Y − 1 only, not by summing here.
        let filter = Filter { from: Month::new(year - 1, 1), to: Month::new(year - 1, 12), ..Filter::default() };
        let kpis = metrics::compute(project, &filter);
        let mut last_year = [None; 12];
        for k in kpis.months.iter().filter(|k| k.month.year == year - 1) {
            last_year[k.month.month as usize - 1] = k.revenue.filter(|r| *r != 0.0);
        }
        let last_by_direction = kpis.directions.iter().map(|d| (d.direction.clone(), d.revenue)).collect();
        let last_by_branch = kpis.branches.iter().map(|b| (b.branch.clone(), b.revenue)).collect();
        let mut tiers = BTreeMap::new();
        for c in &project.channels {
            tiers.entry(c.name.clone()).or_insert(c.tier);
        }
        self.preview = Some(Preview {
            revision,
            input: input.clone(),
            plan: build_plan(project, input),
            last_year,
            last_by_direction,
            last_by_branch,
            tiers,
        });
    }

    /// Draws the dialog over the app; returns what the user decided, if anything.
    pub fn show(&mut self, ctx: &egui::Context, project: &Project, revision: u64, lang: Lang) -> Option<Outcome> {
        let loc = Locale::new(lang, &project.settings.currency);
        let input = self.input();
        if let Ok(i) = &input {
            self.refresh(project, revision, i);
        } else if self.preview.is_none() {
            // The first frame always has a preview: the defaults with the year as set.
            self.refresh(project, revision, &PlanInput::new(self.year));
        }
        let screen = ctx.content_rect().size();
        let width = (screen.x - 60.0).clamp(600.0, 1320.0);
        let height = (screen.y - 60.0).clamp(400.0, 980.0);
        let mut outcome = None;
        let resp = egui::Modal::new(egui::Id::unique("plan_dialog")).show(ctx, |ui| {
            ui.set_width(width);
            ui.set_height(height);
            ui.heading(format!("{}: {}", tr(lang, K::PlanDialogTitle), self.year));
            ui.label(RichText::new(tr(lang, K::PlanDialogIntro)).weak());
            ui.separator();
            let bottom = 40.0;
            let body = ui.available_height() - bottom;
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(380.0);
                    egui::ScrollArea::vertical().id_salt("plan_inputs").max_height(body).show(ui, |ui| {
                        self.inputs_ui(ui, lang, input.as_ref().err());
                    });
                });
                ui.separator();
                ui.vertical(|ui| {
                    egui::ScrollArea::vertical().id_salt("plan_preview").max_height(body).show(ui, |ui| {
                        if let Some(p) = &self.preview {
                            preview_ui(ui, p, loc);
                        }
                    });
                });
            });
            ui.separator();
            ui.horizontal(|ui| {
                let ready = input.is_ok() && self.preview.as_ref().is_some_and(|p| !p.plan.months.is_empty());
                let apply = ui
                    .add_enabled(ready, egui::Button::new(RichText::new(tr(lang, K::PlanApply)).strong()))
                    .on_hover_text(tr(lang, K::PlanApplyHint))
                    .on_disabled_hover_text(tr(lang, K::PlanFixInputs));
                if apply.clicked()
                    && let Some(p) = &self.preview
                {
                    let mut new = project.clone();
                    apply_plan(&mut new, &p.plan);
                    let edit = Edit::ReplaceProject { old: Box::new(project.clone()), new: Box::new(new) };
                    outcome = Some(Outcome::Apply { edit, year: p.plan.year });
                }
                if ui.button(tr(lang, K::Cancel)).clicked() {
                    outcome = Some(Outcome::Cancel);
                }
                if input.is_err() {
                    ui.colored_label(ui.visuals().error_fg_color, tr(lang, K::PlanFixInputs));
                }
            });
        });
        if outcome.is_none() && super::escape_closes(ctx, &resp) {
            outcome = Some(Outcome::Cancel);
        }
        outcome
    }

    fn inputs_ui(&mut self, ui: &mut egui::Ui, lang: Lang, bad: Option<&Vec<BadField>>) {
        let is_bad = |f: &BadField| bad.is_some_and(|b| b.contains(f));
        let err = ui.visuals().error_fg_color;
        let directions: Vec<String> = self
            .preview
            .as_ref()
            .and_then(|p| p.plan.months.first())
            .map(|m| m.directions.keys().filter(|d| !d.is_empty()).cloned().collect())
            .unwrap_or_default();

        egui::Grid::new("plan_inputs_grid").num_columns(2).spacing([10.0, 8.0]).show(ui, |ui| {
            let l = ui.label(tr(lang, K::PlanYear)).id;
            ui.add(egui::DragValue::new(&mut self.year).range(2000..=2100).speed(0.05)).labelled_by(l);
            ui.end_row();

            let l = ui.label(tr(lang, K::PlanGrowth)).id;
            percent_field(ui, &mut self.growth, l, is_bad(&BadField::Growth), lang, true);
            ui.end_row();
        });

        ui.add_space(6.0);
        ui.label(RichText::new(tr(lang, K::PlanGrowthByDirection)).strong());
        ui.label(RichText::new(tr(lang, K::PlanGrowthByDirectionHint)).weak().small());
        if directions.is_empty() {
            ui.label(RichText::new(tr(lang, K::PlanNoDirections)).weak());
        }
        egui::Grid::new("plan_overrides_grid").num_columns(2).spacing([10.0, 4.0]).show(ui, |ui| {
            for d in &directions {
                let growth = self.growth.clone();
                let (on, text) = self.overrides.entry(d.clone()).or_insert_with(|| (false, String::new()));
                let check = ui.checkbox(on, d.as_str());
                if check.changed() && *on && text.trim().is_empty() {
                    // Ticking a direction starts from the clinic growth, ready to be changed.
                    *text = growth;
                }
                let bad = is_bad(&BadField::Direction(d.clone()));
                if percent_field(ui, text, check.id, bad, lang, *on) && !text.trim().is_empty() {
                    // Typing a growth means using it.
                    *on = true;
                }
                ui.end_row();
            }
        });

        ui.add_space(6.0);
        egui::Grid::new("plan_share_grid").num_columns(2).spacing([10.0, 8.0]).show(ui, |ui| {
            let l = ui.label(tr(lang, K::CardMarketingShare)).id;
            percent_field(ui, &mut self.share, l, is_bad(&BadField::Share), lang, true);
            ui.end_row();
        });
        ui.label(RichText::new(tr(lang, K::PlanShareRef)).weak().small());

        ui.add_space(6.0);
        egui::Grid::new("plan_tiers_grid").num_columns(2).spacing([10.0, 8.0]).show(ui, |ui| {
            let l = ui.label(tr(lang, K::PlanTiers)).id;
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut self.tiers).desired_width(90.0)).labelled_by(l);
                match parse_tiers(&self.tiers) {
                    Some(t) => {
                        let parts: Vec<String> = t.iter().map(|v| format::percent(Some(*v), lang)).collect();
                        ui.label(RichText::new(format!("= {}", parts.join(" / "))).weak());
                    }
                    None => {
                        ui.colored_label(err, tr(lang, K::PlanTiersBad));
                    }
                }
            });
            ui.end_row();
        });
        ui.label(RichText::new(tr(lang, K::TiersSub)).weak().small());

        // Advice about the input (from the library), then how the plan was built.
        let Some(p) = &self.preview else { return };
        let warnings = p.input.warnings();
        if !warnings.is_empty() || !p.plan.notices.is_empty() {
            ui.add_space(8.0);
            ui.separator();
        }
        let warn = ui.visuals().warn_fg_color;
        for w in &warnings {
            ui.add(egui::Label::new(RichText::new(format!("⚠ {}", i18n::plan_warning(w, lang))).color(warn)).wrap());
        }
        // Estimated months change the plan itself: a visible line each, in the user's language.
        for e in p.plan.estimates() {
            ui.add(
                egui::Label::new(RichText::new(format!("ℹ {}", i18n::estimate_sentence(e, lang))).color(warn)).wrap(),
            );
        }
        for n in p.plan.notices.iter().filter(|n| !matches!(n, PlanNotice::Estimated(_))) {
            ui.add(egui::Label::new(RichText::new(format!("ℹ {}", i18n::plan_notice(n, lang))).weak()).wrap());
        }
        let missing: Vec<String> = p
            .last_year
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_none())
            .filter_map(|(i, _)| Month::new(p.plan.year - 1, i as u32 + 1))
            .filter(|m| !p.plan.estimates().any(|e| e.month == *m))
            .map(|m| month_label(m, lang))
            .collect();
        if !missing.is_empty() && missing.len() < 12 {
            // Complete months without revenue plan 0: say so before it surprises anyone.
            ui.add(
                egui::Label::new(
                    RichText::new(format!("ℹ {} {}", tr(lang, K::PlanMonthsWithoutRevenue), missing.join(", "))).weak(),
                )
                .wrap(),
            );
        }
    }
}

/// `0.15` → `+15 %` (with a sign for growth), as a starting text for a field.
fn percent_input(x: f64, signed: bool) -> String {
    let p = (x * 1000.0).round() / 10.0;
    if signed && p > 0.0 { format!("+{p} %") } else { format!("{p} %") }
}

/// A percent text field with what it reads as beside it (a bare `1` is 100 %, so the user sees
/// how the number was taken), or an error. Returns whether the text changed.
fn percent_field(ui: &mut egui::Ui, text: &mut String, label: egui::Id, bad: bool, lang: Lang, used: bool) -> bool {
    ui.horizontal(|ui| {
        let resp = ui.add(egui::TextEdit::singleline(text).desired_width(80.0).hint_text("+30 %")).labelled_by(label);
        if bad {
            ui.colored_label(ui.visuals().error_fg_color, tr(lang, K::PlanPercentBad));
        } else if let Some(v) = parse_percent(text).filter(|_| used) {
            ui.label(RichText::new(format!("= {}", format::percent(Some(v), lang))).weak());
        }
        resp.changed()
    })
    .inner
}

/// Plan / last year − 1, for display only; `None` without a last year.
fn growth_of(plan: f64, last: Option<f64>) -> Option<f64> {
    last.filter(|l| *l > 0.0).map(|l| plan / l - 1.0)
}

fn header(ui: &mut egui::Ui, text: impl Into<String>) {
    ui.label(RichText::new(text.into()).strong());
}

/// Right-aligned so columns of money line up. The preview's grids set no `num_columns`: egui
/// gives a declared last column the whole remaining width, which would push its right-aligned
/// numbers to the dialog's edge, far from their header.
fn num(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| ui.label(text));
}

/// A header over a column of numbers, aligned with them.
fn header_num(ui: &mut egui::Ui, text: impl Into<String>) {
    num(ui, RichText::new(text.into()).strong());
}

/// A chain's plan per branch for the year, against its revenue of Y − 1, and the chain's total
/// (nothing for a single clinic).
fn branches_ui(ui: &mut egui::Ui, p: &Preview, loc: Locale) {
    let lang = loc.lang;
    let totals = p.plan.branch_totals();
    if totals.is_empty() {
        return;
    }
    let m = |x: f64| format::money(Some(x), loc);
    let year = p.plan.year;
    ui.add_space(8.0);
    ui.label(RichText::new(tr(lang, K::PlanByBranch)).strong());
    egui::Grid::new("plan_branches").striped(true).spacing([14.0, 3.0]).show(ui, |ui| {
        header(ui, tr(lang, K::BranchOf));
        header_num(ui, format!("{} {}", tr(lang, K::Revenue), year - 1));
        header_num(ui, format!("{} {}", tr(lang, K::Plan), year));
        header_num(ui, tr(lang, K::PlanGrowthCol));
        ui.end_row();
        for (branch, total) in &totals {
            let name = if branch.is_empty() { tr(lang, K::PlanChainOwn) } else { branch.as_str() };
            let last = p.last_by_branch.get(branch).copied().flatten();
            ui.label(name);
            num(ui, last.map_or_else(|| format::DASH.to_string(), m));
            num(ui, m(*total));
            num(ui, format::percent(growth_of(*total, last), lang));
            ui.end_row();
        }
        let last: f64 = p.last_year.iter().flatten().sum();
        let last = (last != 0.0).then_some(last);
        let total = p.plan.revenue_total();
        ui.label(RichText::new(tr(lang, K::ChainTotal)).strong());
        num(ui, last.map_or_else(|| format::DASH.to_string(), m));
        num(ui, m(total));
        num(ui, format::percent(growth_of(total, last), lang));
        ui.end_row();
    });
}

/// The preview's width (points) from which the month table and the direction and channel tables
/// stand side by side.
const PREVIEW_SIDE_BY_SIDE: f32 = 960.0;

fn preview_ui(ui: &mut egui::Ui, p: &Preview, loc: Locale) {
    let lang = loc.lang;
    let plan = &p.plan;
    let year = plan.year;
    let m = |x: f64| format::money(Some(x), loc);
    let pct = |x: Option<f64>| format::percent(x, lang);
    let last_col = format!("{} {}", tr(lang, K::Revenue), year - 1);
    let plan_col = format!("{} {}", tr(lang, K::Plan), year);

    ui.label(RichText::new(tr(lang, K::PlanPreview)).heading());
    ui.label(RichText::new(tr(lang, K::PlanPreviewHint)).weak());
    if plan.months.is_empty() {
        return;
    }
    ui.add_space(4.0);

    let by_month = |ui: &mut egui::Ui| {
        ui.label(RichText::new(tr(lang, K::PlanByMonth)).strong());
        egui::Grid::new("plan_months").striped(true).spacing([14.0, 3.0]).show(ui, |ui| {
            header(ui, tr(lang, K::Month));
            header_num(ui, last_col.clone());
            header_num(ui, plan_col.clone());
            header_num(ui, tr(lang, K::PlanGrowthCol));
            header_num(ui, tr(lang, K::Budget));
            ui.end_row();
            for (pm, last) in plan.months.iter().zip(p.last_year) {
                ui.label(month_label(pm.month, lang));
                num(ui, last.map_or_else(|| format::DASH.to_string(), m));
                num(ui, m(pm.revenue_plan));
                num(ui, pct(growth_of(pm.revenue_plan, last)));
                num(ui, m(pm.budget_plan));
                ui.end_row();
            }
            let total_plan: f64 = plan.months.iter().map(|x| x.revenue_plan).sum();
            let total_budget: f64 = plan.months.iter().map(|x| x.budget_plan).sum();
            let total_last: f64 = p.last_year.iter().flatten().sum();
            let total_last = (total_last != 0.0).then_some(total_last);
            ui.label(RichText::new(tr(lang, K::Total)).strong());
            num(ui, total_last.map_or_else(|| format::DASH.to_string(), m));
            num(ui, m(total_plan));
            num(ui, pct(growth_of(total_plan, total_last)));
            num(ui, m(total_budget));
            ui.end_row();
        });
    };
    // By direction, then the budget by channel.
    let by_direction = |ui: &mut egui::Ui| {
        ui.label(RichText::new(tr(lang, K::PlanByDirection)).strong());
        egui::Grid::new("plan_directions").striped(true).spacing([14.0, 3.0]).show(ui, |ui| {
            header(ui, tr(lang, K::Direction));
            header_num(ui, last_col.clone());
            header_num(ui, plan_col.clone());
            header_num(ui, tr(lang, K::PlanGrowthCol));
            ui.end_row();
            let mut totals: BTreeMap<&str, f64> = BTreeMap::new();
            for pm in &plan.months {
                for (d, v) in &pm.directions {
                    *totals.entry(d.as_str()).or_default() += v;
                }
            }
            for (d, total) in totals {
                let name = if d.is_empty() { tr(lang, K::PlanNoDirection).to_string() } else { d.to_string() };
                let last = p.last_by_direction.get(d).copied().flatten();
                ui.label(name);
                num(ui, last.map_or_else(|| format::DASH.to_string(), m));
                num(ui, m(total));
                num(ui, pct(growth_of(total, last)));
                ui.end_row();
            }
        });

        branches_ui(ui, p, loc);

        ui.add_space(8.0);
        ui.label(RichText::new(tr(lang, K::PlanBudgetByChannel)).strong());
        let mut by_channel: BTreeMap<&str, f64> = BTreeMap::new();
        for pm in &plan.months {
            for (c, v) in &pm.channels {
                *by_channel.entry(c.as_str()).or_default() += v;
            }
        }
        let total_budget: f64 = plan.months.iter().map(|x| x.budget_plan).sum();
        egui::Grid::new("plan_channels").striped(true).spacing([14.0, 3.0]).show(ui, |ui| {
            header(ui, tr(lang, K::Channel));
            header(ui, tr(lang, K::Tier));
            header_num(ui, format!("{} {}", tr(lang, K::Budget), year));
            header_num(ui, tr(lang, K::PlanShareOfBudget));
            ui.end_row();
            for (c, v) in &by_channel {
                let months: Vec<String> = plan
                    .months
                    .iter()
                    .map(|pm| {
                        format!("{}: {}", month_label(pm.month, lang), m(pm.channels.get(*c).copied().unwrap_or(0.0)))
                    })
                    .collect();
                ui.label(*c).on_hover_text(months.join("\n"));
                ui.label(p.tiers.get(*c).map_or("", |t| tier_label(*t, lang)));
                num(ui, m(*v));
                num(ui, pct((total_budget > 0.0).then(|| v / total_budget)));
                ui.end_row();
            }
        });
        if by_channel.is_empty() {
            ui.label(RichText::new(tr(lang, K::PlanNoChannels)).weak());
        }
    };
    // Side by side where both halves hold their tables, else one under the other: in a 1024 px
    // window the month table alone takes the preview's width and two halves would overlap.
    if ui.available_width() < PREVIEW_SIDE_BY_SIDE {
        by_month(ui);
        ui.add_space(8.0);
        by_direction(ui);
    } else {
        ui.columns(2, |cols| {
            by_month(&mut cols[0]);
            by_direction(&mut cols[1]);
        });
    }

    ui.add_space(8.0);
    egui::CollapsingHeader::new(RichText::new(tr(lang, K::PlanBudgetByMonth)).strong())
        .id_salt("plan_budget_months")
        .default_open(false)
        .show(ui, |ui| {
            egui::ScrollArea::horizontal().id_salt("plan_budget_months_scroll").show(ui, |ui| {
                egui::Grid::new("plan_budget_months_grid").striped(true).spacing([12.0, 3.0]).show(ui, |ui| {
                    header(ui, tr(lang, K::Channel));
                    for pm in &plan.months {
                        header_num(ui, month_label(pm.month, lang));
                    }
                    ui.end_row();
                    let channels: Vec<&String> = plan.months[0].channels.keys().collect();
                    for c in channels {
                        ui.label(c.as_str());
                        for pm in &plan.months {
                            num(ui, m(pm.channels.get(c).copied().unwrap_or(0.0)));
                        }
                        ui.end_row();
                    }
                });
            });
        });

    ui.add_space(8.0);
    charts_ui(ui, p, loc);
}

/// Last year vs plan by month (grouped bars), and the year's budget by channel.
fn charts_ui(ui: &mut egui::Ui, p: &Preview, loc: Locale) {
    let lang = loc.lang;
    let plan = &p.plan;
    let year = plan.year;
    let short = move |v: f64| short_money(v, lang);
    ui.label(RichText::new(tr(lang, K::PlanChartMonths)).strong());
    let last_bars: Vec<Bar> = p
        .last_year
        .iter()
        .enumerate()
        .map(|(i, v)| Bar::new(i as f64 + 1.0 - 0.2, v.unwrap_or(0.0)).width(0.38))
        .collect();
    let plan_bars: Vec<Bar> =
        plan.months.iter().map(|pm| Bar::new(f64::from(pm.month.month) + 0.2, pm.revenue_plan).width(0.38)).collect();
    // Hover text of a bar: the series, the month, the amount.
    let fmt = move |series: String| {
        move |b: &Bar, _: &BarChart| {
            let i = b.argument.round() as u32;
            let month = Month::new(2000, i.clamp(1, 12)).map_or_else(String::new, |m| month_label(m, lang));
            let month = month.split(' ').next().unwrap_or_default().to_string();
            format!("{series} · {month}\n{}", format::money(Some(b.value), loc))
        }
    };
    let last_name = format!("{}", year - 1);
    let plan_name = format!("{} {year}", tr(lang, K::Plan));
    let month_marks = |_input: egui_plot::GridInput| -> Vec<GridMark> {
        (1..=12).map(|i| GridMark { value: f64::from(i), step_size: 1.0 }).collect()
    };
    Plot::new("plan_chart_months")
        .height(200.0)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .include_y(0.0)
        .x_grid_spacer(month_marks)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || !(1.0..=12.0).contains(&i) {
                return String::new();
            }
            Month::new(2000, i as u32)
                .map(|m| month_label(m, lang))
                .and_then(|s| s.split(' ').next().map(str::to_string))
                .unwrap_or_default()
        })
        .y_axis_formatter(move |mark, _| short(mark.value))
        .y_axis_min_width(56.0)
        .show(ui, |pui| {
            pui.bar_chart(
                BarChart::new(last_name.clone(), last_bars)
                    .color(LAST_YEAR_COLOUR)
                    .element_formatter(Box::new(fmt(last_name))),
            );
            pui.bar_chart(
                BarChart::new(plan_name.clone(), plan_bars)
                    .color(PLAN_COLOUR)
                    .element_formatter(Box::new(fmt(plan_name))),
            );
        });

    let mut by_channel: BTreeMap<&str, f64> = BTreeMap::new();
    for pm in &plan.months {
        for (c, v) in &pm.channels {
            *by_channel.entry(c.as_str()).or_default() += v;
        }
    }
    if by_channel.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(RichText::new(format!("{} {year}", tr(lang, K::PlanChartChannels))).strong());
    // Largest at the top: the plot's y grows upwards, so the smallest gets y = 0.
    let mut rows: Vec<(String, f64)> = by_channel.into_iter().map(|(c, v)| (c.to_string(), v)).collect();
    rows.sort_by(|a, b| a.1.total_cmp(&b.1));
    let names: Vec<String> = rows.iter().map(|(c, _)| c.clone()).collect();
    let bars: Vec<Bar> = rows.iter().enumerate().map(|(i, (c, v))| Bar::new(i as f64, *v).width(0.6).name(c)).collect();
    let n = names.len();
    let channel_marks = move |_input: egui_plot::GridInput| -> Vec<GridMark> {
        (0..n).map(|i| GridMark { value: i as f64, step_size: 1.0 }).collect()
    };
    Plot::new("plan_chart_channels")
        .height((n as f32 * 26.0 + 50.0).clamp(120.0, 420.0))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .include_x(0.0)
        .y_grid_spacer(channel_marks)
        .y_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            names.get(i as usize).cloned().unwrap_or_default()
        })
        .x_axis_formatter(move |mark, _| short(mark.value))
        .y_axis_min_width(150.0)
        .show(ui, |pui| {
            pui.bar_chart(
                BarChart::new(tr(lang, K::ColBudgetPlan), bars).horizontal().color(BUDGET_COLOUR).element_formatter(
                    Box::new(move |b: &Bar, _| format!("{}\n{}", b.name, format::money(Some(b.value), loc))),
                ),
            );
        });
}

/// Axis ticks: `1,2 млн` / `1.2M`, `350 тыс.` / `350K`, so the axis stays narrow.
fn short_money(v: f64, lang: Lang) -> String {
    let a = v.abs();
    if a >= 1e6 {
        format!("{}{}", format::number(v / 1e6, if a >= 1e7 { 0 } else { 1 }, lang), tr(lang, K::MillionShort))
    } else if a >= 1e3 {
        format!("{}{}", format::number(v / 1e3, 0, lang), tr(lang, K::ThousandShort))
    } else {
        format::number(v, 0, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_read_as_typed() {
        let mut d = PlanDialog::new(&Project::new());
        assert_eq!(d.growth, "+15 %");
        assert_eq!(d.share, "7 %");
        assert_eq!(d.tiers, "80/15/5");
        d.growth = "+30 %".into();
        d.overrides.insert("УЗИ".into(), (true, "45".into()));
        d.overrides.insert("ЛОР".into(), (false, "много".into()));
        let i = d.input().unwrap();
        assert!((i.growth - 0.30).abs() < 1e-12);
        assert_eq!(i.growth_by_direction.len(), 1);
        assert!((i.growth_by_direction["УЗИ"] - 0.45).abs() < 1e-12);
        d.share = "семь".into();
        d.tiers = "80/20".into();
        assert_eq!(d.input().unwrap_err(), vec![BadField::Share, BadField::Tiers]);
    }

    #[test]
    fn the_dialog_opens_on_the_contracts_default_year() {
        let p = crate::demo::demo_project();
        // The demo's data run to November 2026 and 2026 has its plan: 2027.
        assert_eq!(PlanDialog::new(&p).year, 2027);
        assert_eq!(PlanDialog::new(&p).year, default_year(&p));
    }
}
