//! The Decisions view: the levers ranked by headroom (the clinic's own best), what-if levers with
//! live sliders and the +10 % sensitivity, goal seek, the budget allocator and named scenarios side
//! by side (domain.md, "Levers and scenarios", "Budget allocation").
//!
//! Every figure comes from [`crate::analysis::levers`] and [`crate::analysis::allocate`]; this
//! module keeps the user's inputs, caches the analyses by model revision and filter, and draws.
//! Slider positions are not model edits: only saving or deleting a scenario is (one undoable
//! [`Edit::SetScenarios`] each).

use egui::{RichText, Vec2};

use crate::analysis::allocate::{self, AllocOptions, Allocation, BudgetForRevenue, Why};
use crate::analysis::curve::{self, CurveFit};
use crate::analysis::headroom::{self, Headroom, HeadroomEntry};
use crate::analysis::levers::{self, Base, GoalSeek, LeadCost, LeverError, LeverGain, Outcome, SeekLevers, Snapshot};
use crate::document::edit::Edit;
use crate::document::sheets::{month_label, tier_label};
use crate::format::{self, Lang, Locale};
use crate::i18n::{K, alloc_error, lever_error, tr};
use crate::metrics::{self, Filter};
use crate::model::{Lever, LeverChange, Month, Project, Scenario};
use crate::ui::theme::{Status, romi_status};
use crate::ui::views::dashboard::owner_label;

/// The change the ranking tries (+10 %, as domain.md says).
pub const RANK_CHANGE: f64 = 0.10;
/// Slider bounds in percent.
const SLIDER_MIN: f64 = -50.0;
const SLIDER_MAX: f64 = 100.0;
/// How many scenarios the side-by-side table shows next to the base.
pub const MAX_COMPARED: usize = 4;

/// Where the sliders act: the whole clinic, one channel or one direction.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The whole clinic.
    #[default]
    Clinic,
    /// One channel.
    Channel(String),
    /// One direction of the Directions sheet.
    Direction(String),
}

impl Scope {
    /// The channel, when the scope is one.
    pub fn channel(&self) -> Option<&str> {
        match self {
            Scope::Channel(c) => Some(c),
            _ => None,
        }
    }

    /// The direction, when the scope is one.
    pub fn direction(&self) -> Option<&str> {
        match self {
            Scope::Direction(d) => Some(d),
            _ => None,
        }
    }

    /// The scope of a saved change.
    pub fn of(c: &LeverChange) -> Scope {
        match (&c.channel, &c.direction) {
            (Some(ch), _) => Scope::Channel(ch.clone()),
            (None, Some(d)) => Scope::Direction(d.clone()),
            (None, None) => Scope::Clinic,
        }
    }

    fn label(&self, lang: Lang) -> String {
        match self {
            Scope::Clinic => tr(lang, K::WholeClinic).to_string(),
            Scope::Channel(c) => format!("{}: {c}", tr(lang, K::Channel)),
            Scope::Direction(d) => format!("{}: {d}", tr(lang, K::Direction)),
        }
    }
}

/// The parts of the view, one tab each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Section {
    /// Sliders, before → after cards and the ranking.
    #[default]
    WhatIf,
    /// Goal seek and the budget for a month's plan.
    Goal,
    /// The budget allocator.
    Allocate,
    /// Saved scenarios side by side.
    Scenarios,
}

/// What the view draws from: the open project, its revision (the cache key) and the filter.
pub struct DecisionsContext<'a> {
    /// The open project.
    pub project: &'a Project,
    /// Changes on every edit; cached analyses are keyed by it.
    pub revision: u64,
    /// The global filter (only its period matters to the levers).
    pub filter: &'a Filter,
    /// The interface language.
    pub lang: Lang,
}

impl DecisionsContext<'_> {
    /// The language with the clinic's currency sign, for money.
    pub fn loc(&self) -> Locale {
        Locale::new(self.lang, &self.project.settings.currency)
    }
}

type AllocKey = (u64, Filter, AllocOptions);
/// Revision, period and branch (a branch's funnel is its own).
type BaseKey = (u64, Option<Month>, Option<Month>, Option<String>);
type RankKey = (u64, Option<Month>, Option<Month>, Option<String>, Scope, LeadCost);
type GoalKey = (u64, Filter, String, Option<Lever>, Scope, LeadCost);
type PlanKey = (u64, Filter, Month, AllocOptions);

/// The Decisions view's inputs and cached results. Lives in the App; reset with the document.
#[derive(Default)]
pub struct DecisionsState {
    /// The tab shown.
    pub section: Section,
    /// Slider positions in percent, in [`Lever::ALL`] order.
    pub levers: [f64; 7],
    /// Where the sliders act.
    pub scope: Scope,
    /// How extra leads are paid for.
    pub lead_cost: LeadCost,
    /// Changes of a loaded scenario in other scopes than the sliders': applied as they are.
    pub extra: Vec<LeverChange>,
    /// Goal seek: "+15 %" or an amount over the period.
    pub goal_text: String,
    /// Goal seek: one lever, or `None` for all five evenly.
    pub goal_lever: Option<Lever>,
    /// "Which budget reaches the plan of month M": the month.
    pub plan_month: Option<Month>,
    /// Allocator: the monthly budget as typed (empty: today's monthly spend).
    pub budget_text: String,
    /// Allocator: hold the 80/15/5 tier split.
    pub tiers: bool,
    /// Allocator: drop the default bounds (0.5×–2× today's spend).
    pub free: bool,
    /// Allocator: per channel, the minimum and maximum as typed.
    pub bounds: Vec<(String, String, String)>,
    /// Name for "save as scenario".
    pub scenario_name: String,
    /// Names of the saved scenarios shown side by side.
    pub compared: Vec<String>,
    base: Option<(BaseKey, Base)>,
    headroom: Option<((u64, Option<String>), Headroom)>,
    ranking: Option<(RankKey, Result<Vec<LeverGain>, String>)>,
    alloc: Option<(AllocKey, Result<Allocation, String>)>,
    goal: Option<(GoalKey, Result<GoalSeek, String>)>,
    plan_budget: Option<(PlanKey, Result<BudgetForRevenue, String>)>,
    today_budget: Option<((u64, Filter), f64)>,
}

fn lever_index(l: Lever) -> usize {
    Lever::ALL.iter().position(|x| *x == l).unwrap_or(0)
}

/// A relative change as "+10 %" / "−5 %".
fn signed_percent(x: f64, lang: Lang) -> String {
    let sign = if x > 0.0 { "+" } else { "" };
    format!("{sign}{}", format::percent(Some(x), lang))
}

fn signed(text: String, x: f64) -> String {
    if x > 0.0 { format!("+{text}") } else { text }
}

/// How a change reads: "Доходимость +10 % (Яндекс)".
fn change_text(c: &LeverChange, lang: Lang) -> String {
    let scope = match Scope::of(c) {
        Scope::Clinic => String::new(),
        Scope::Channel(n) | Scope::Direction(n) => format!(" ({n})"),
    };
    format!("{} {}{scope}", tr(lang, crate::i18n::lever(c.lever)), signed_percent(c.change, lang))
}

impl DecisionsState {
    /// The slider changes (non-zero ones, in the sliders' scope) plus the loaded extra ones.
    pub fn changes(&self) -> Vec<LeverChange> {
        let mut out = self.extra.clone();
        for (lever, pct) in Lever::ALL.iter().zip(self.levers) {
            if pct != 0.0 {
                out.push(LeverChange {
                    lever: *lever,
                    change: pct / 100.0,
                    channel: self.scope.channel().map(str::to_string),
                    direction: self.scope.direction().map(str::to_string),
                });
            }
        }
        out
    }

    /// Sets one slider (percent, e.g. 10.0 for +10 %).
    pub fn set_lever(&mut self, lever: Lever, percent: f64) {
        self.levers[lever_index(lever)] = percent;
    }

    /// Puts a saved scenario into the sliders: changes in one scope go to the sliders (the scope
    /// of the first change), the others are kept aside and applied as they are.
    pub fn load(&mut self, s: &Scenario) {
        self.levers = [0.0; 7];
        self.extra.clear();
        self.scope = s.changes.first().map(Scope::of).unwrap_or_default();
        for c in &s.changes {
            let i = lever_index(c.lever);
            if Scope::of(c) == self.scope && self.levers[i] == 0.0 {
                self.levers[i] = c.change * 100.0;
            } else {
                self.extra.push(c.clone());
            }
        }
    }

    /// Sets every slider back to zero.
    pub fn reset(&mut self) {
        self.levers = [0.0; 7];
        self.extra.clear();
    }

    /// The period's funnel, built once per model revision and period.
    pub fn base(&mut self, cx: &DecisionsContext) -> &Base {
        let key = (cx.revision, cx.filter.from, cx.filter.to, cx.filter.branch.clone());
        if self.base.as_ref().is_none_or(|(k, _)| *k != key) {
            self.base = Some((key, Base::new(cx.project, cx.filter)));
        }
        match &self.base {
            Some((_, b)) => b,
            None => unreachable!("the base was just built"),
        }
    }

    /// The current sliders applied to the period.
    pub fn outcome(&mut self, cx: &DecisionsContext) -> Result<Outcome, LeverError> {
        let changes = self.changes();
        let cost = self.lead_cost;
        self.base(cx).apply(&changes, cost)
    }

    /// The last allocation (after the Allocate tab was drawn).
    pub fn allocation(&self) -> Option<&Allocation> {
        self.alloc.as_ref().and_then(|(_, r)| r.as_ref().ok())
    }

    /// The levers ranked by headroom (the whole data as of D; the filter's branch only).
    pub fn headroom(&mut self, cx: &DecisionsContext) -> &Headroom {
        let key = (cx.revision, cx.filter.branch.clone());
        if self.headroom.as_ref().is_none_or(|(k, _)| *k != key) {
            let h = headroom::headroom(cx.project, cx.filter.branch.as_deref());
            self.headroom = Some((key, h));
        }
        match &self.headroom {
            Some((_, h)) => h,
            None => unreachable!("the headroom was just computed"),
        }
    }

    /// The ranking for +10 % in the sliders' scope.
    pub fn ranking(&mut self, cx: &DecisionsContext) -> &Result<Vec<LeverGain>, String> {
        let key =
            (cx.revision, cx.filter.from, cx.filter.to, cx.filter.branch.clone(), self.scope.clone(), self.lead_cost);
        if self.ranking.as_ref().is_none_or(|(k, _)| *k != key) {
            let scope = self.scope.clone();
            let cost = self.lead_cost;
            let r = self
                .base(cx)
                .rank(RANK_CHANGE, scope.channel(), scope.direction(), cost)
                .map_err(|e| lever_error(&e, cx.lang));
            self.ranking = Some((key, r));
        }
        match &self.ranking {
            Some((_, r)) => r,
            None => unreachable!("the ranking was just computed"),
        }
    }

    /// Today's monthly spend: Σ channels' average monthly spend (the allocator's default budget).
    pub fn today_budget(&mut self, cx: &DecisionsContext) -> f64 {
        let key = (cx.revision, cx.filter.clone());
        if self.today_budget.as_ref().is_none_or(|(k, _)| *k != key) {
            let (econ, _) = curve::channel_economics(cx.project, cx.filter);
            self.today_budget = Some((key, econ.iter().filter_map(|e| e.spend_today).sum()));
        }
        self.today_budget.as_ref().map_or(0.0, |(_, b)| *b)
    }

    /// The allocator's options from the inputs; an unreadable input is named.
    pub fn alloc_options(&mut self, cx: &DecisionsContext) -> Result<AllocOptions, String> {
        let lang = cx.lang;
        let budget = if self.budget_text.trim().is_empty() {
            self.today_budget(cx)
        } else {
            levers::parse_number(&self.budget_text)
                .ok_or_else(|| format!("{} «{}»", tr(lang, K::ErrNotAmount), self.budget_text.trim()))?
        };
        let mut opts = AllocOptions {
            budget,
            tiers: self.tiers.then_some([0.80, 0.15, 0.05]),
            free: self.free,
            ..AllocOptions::default()
        };
        self.sync_bounds(cx.project);
        for (channel, min, max) in &self.bounds {
            for (text, map) in [(min, &mut opts.min), (max, &mut opts.max)] {
                if text.trim().is_empty() {
                    continue;
                }
                let x = levers::parse_number(text)
                    .filter(|x| *x >= 0.0)
                    .ok_or_else(|| format!("{channel}: {} «{}»", tr(lang, K::ErrNotAmount), text.trim()))?;
                map.insert(channel.clone(), x);
            }
        }
        Ok(opts)
    }

    /// One min/max row per channel of the project, keeping what was typed.
    fn sync_bounds(&mut self, p: &Project) {
        if self.bounds.len() == p.channels.len() && self.bounds.iter().zip(&p.channels).all(|(b, c)| b.0 == c.name) {
            return;
        }
        let old = std::mem::take(&mut self.bounds);
        self.bounds = p
            .channels
            .iter()
            .map(|c| {
                old.iter()
                    .find(|b| b.0 == c.name)
                    .cloned()
                    .unwrap_or_else(|| (c.name.clone(), String::new(), String::new()))
            })
            .collect();
    }

    /// Runs the allocator for the inputs (cached until an input, the model or the filter changes).
    pub fn allocate(&mut self, cx: &DecisionsContext) -> Result<&Allocation, String> {
        let opts = self.alloc_options(cx)?;
        let key = (cx.revision, cx.filter.clone(), opts);
        if self.alloc.as_ref().is_none_or(|(k, _)| *k != key) {
            let r = allocate::allocate(cx.project, cx.filter, &key.2).map_err(|e| alloc_error(&e, cx.loc()));
            self.alloc = Some((key, r));
        }
        match &self.alloc {
            Some((_, r)) => r.as_ref().map_err(Clone::clone),
            None => unreachable!("the allocation was just computed"),
        }
    }

    fn goal_seek(&mut self, cx: &DecisionsContext) -> Option<&Result<GoalSeek, String>> {
        if self.goal_text.trim().is_empty() {
            return None;
        }
        let key = (
            cx.revision,
            cx.filter.clone(),
            self.goal_text.clone(),
            self.goal_lever,
            self.scope.clone(),
            self.lead_cost,
        );
        if self.goal.as_ref().is_none_or(|(k, _)| *k != key) {
            let r = match levers::parse_revenue_target(&self.goal_text) {
                Err(_) => Err(format!("{} «{}»", tr(cx.lang, K::ErrGoalText), self.goal_text.trim())),
                Ok(target) => {
                    let which = self.goal_lever.map_or(SeekLevers::Even, SeekLevers::One);
                    let (scope, cost) = (self.scope.clone(), self.lead_cost);
                    self.base(cx)
                        .goal_seek(target, which, scope.channel(), scope.direction(), cost)
                        .map_err(|e| lever_error(&e, cx.lang))
                }
            };
            self.goal = Some((key, r));
        }
        self.goal.as_ref().map(|(_, r)| r)
    }

    fn plan_budget(&mut self, cx: &DecisionsContext, month: Month) -> Result<&BudgetForRevenue, String> {
        let opts = self.alloc_options(cx)?;
        let key = (cx.revision, cx.filter.clone(), month, opts);
        if self.plan_budget.as_ref().is_none_or(|(k, _)| *k != key) {
            let target = metrics::revenue_plan_of(cx.project, month, None);
            let r = allocate::budget_for_revenue(cx.project, cx.filter, target, &key.3)
                .map_err(|e| alloc_error(&e, cx.loc()));
            self.plan_budget = Some((key, r));
        }
        match &self.plan_budget {
            Some((_, r)) => r.as_ref().map_err(Clone::clone),
            None => unreachable!("the budget was just computed"),
        }
    }
}

/// Draws the Decisions view; returns the edit to apply when a scenario is saved or deleted.
pub fn decisions_ui(ui: &mut egui::Ui, st: &mut DecisionsState, cx: &DecisionsContext) -> Option<Edit> {
    let lang = cx.lang;
    ui.horizontal(|ui| {
        ui.heading(tr(lang, K::Decisions));
        ui.add_space(12.0);
        for (s, k) in [
            (Section::WhatIf, K::TabWhatIf),
            (Section::Goal, K::TabGoal),
            (Section::Allocate, K::TabAllocate),
            (Section::Scenarios, K::SheetScenarios),
        ] {
            if ui.selectable_label(st.section == s, tr(lang, k)).clicked() {
                st.section = s;
            }
        }
    });
    ui.separator();
    let mut edit = None;
    egui::ScrollArea::vertical().id_salt("decisions_scroll").show(ui, |ui| match st.section {
        Section::WhatIf => {
            headroom_ui(ui, st, cx);
            ui.add_space(10.0);
            scope_ui(ui, st, cx);
            ui.add_space(4.0);
            // Side by side only where both fit; at 1024 px they stack rather than overlap.
            if ui.available_width() >= 1150.0 {
                ui.columns(2, |cols| {
                    sliders_ui(&mut cols[0], st, cx);
                    save_ui(&mut cols[1], st, cx, &mut edit);
                });
            } else {
                sliders_ui(ui, st, cx);
                ui.add_space(8.0);
                save_ui(ui, st, cx, &mut edit);
            }
            ui.add_space(8.0);
            outcome_ui(ui, st, cx);
            ui.add_space(10.0);
            ranking_ui(ui, st, cx);
        }
        Section::Goal => {
            scope_ui(ui, st, cx);
            ui.add_space(4.0);
            goal_ui(ui, st, cx);
            ui.add_space(14.0);
            plan_budget_ui(ui, st, cx);
        }
        Section::Allocate => allocate_ui(ui, st, cx),
        Section::Scenarios => {
            save_ui(ui, st, cx, &mut edit);
            ui.add_space(8.0);
            scenarios_ui(ui, st, cx, &mut edit);
        }
    });
    edit
}

fn scope_ui(ui: &mut egui::Ui, st: &mut DecisionsState, cx: &DecisionsContext) {
    let lang = cx.lang;
    ui.horizontal(|ui| {
        let l = ui.label(tr(lang, K::ScopeWord)).id;
        egui::ComboBox::from_id_salt("decisions_scope")
            .selected_text(st.scope.label(lang))
            .width(230.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut st.scope, Scope::Clinic, Scope::Clinic.label(lang));
                for c in &cx.project.channels {
                    let s = Scope::Channel(c.name.clone());
                    let text = s.label(lang);
                    ui.selectable_value(&mut st.scope, s, text);
                }
                for d in &cx.project.directions {
                    let s = Scope::Direction(d.name.clone());
                    let text = s.label(lang);
                    ui.selectable_value(&mut st.scope, s, text);
                }
            })
            .response
            .labelled_by(l);
        ui.separator();
        ui.label(tr(lang, K::LeadCostWord));
        ui.radio_value(&mut st.lead_cost, LeadCost::Cpl, tr(lang, K::LeadCostCpl));
        ui.radio_value(&mut st.lead_cost, LeadCost::Curve, tr(lang, K::LeadCostCurve))
            .on_hover_text(tr(lang, K::LeadCostCurveHint));
    });
}

fn sliders_ui(ui: &mut egui::Ui, st: &mut DecisionsState, cx: &DecisionsContext) {
    let lang = cx.lang;
    ui.label(RichText::new(tr(lang, K::LeversHeading)).strong());
    // egui's default 100 px rail makes one percent under a pixel: too coarse to aim.
    ui.spacing_mut().slider_width = 300.0;
    egui::Grid::new("lever_sliders").num_columns(3).spacing([10.0, 4.0]).show(ui, |ui| {
        for (i, lever) in Lever::ALL.iter().enumerate() {
            let name = tr(lang, crate::i18n::lever(*lever));
            let l = ui.label(name).id;
            // One drag is one interaction: the value lives here, nothing goes on the undo stack.
            // Drags move in whole percents; values set by goal seek or a loaded scenario are kept
            // exact (clamping only edits), so re-applying them reaches the target.
            ui.add(
                egui::Slider::new(&mut st.levers[i], SLIDER_MIN..=SLIDER_MAX)
                    .suffix(" %")
                    .step_by(1.0)
                    .max_decimals(2)
                    .clamping(egui::SliderClamping::Edits),
            )
            .labelled_by(l);
            let owner = tr(lang, owner_label(lever.owner()));
            let note =
                if lever.ltv_only() { format!("{owner} · {}", tr(lang, K::LtvOnly)) } else { owner.to_string() };
            ui.label(RichText::new(note).weak());
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        if ui.button(tr(lang, K::ResetSliders)).clicked() {
            st.reset();
        }
        if !st.extra.is_empty() {
            let list: Vec<String> = st.extra.iter().map(|c| change_text(c, lang)).collect();
            ui.label(RichText::new(format!("{} {}", tr(lang, K::AlsoApplied), list.join("; "))).weak());
        }
    });
}

/// One before → after card: what it measures, its values, and whether up is good.
struct Metric {
    title: K,
    before: Option<f64>,
    after: Option<f64>,
    kind: Kind,
    up_is_good: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Money,
    Percent,
    Ratio,
}

fn metrics_of(b: &Snapshot, a: &Snapshot) -> Vec<Metric> {
    let m = |title, before, after, kind, up_is_good| Metric { title, before, after, kind, up_is_good };
    vec![
        m(K::Revenue, b.revenue, a.revenue, Kind::Money, true),
        m(K::GrossProfit, b.gross_profit, a.gross_profit, Kind::Money, true),
        m(K::MetricSpend, b.spend, a.spend, Kind::Money, false),
        m(K::Profit, b.profit, a.profit, Kind::Money, true),
        m(K::Romi, b.romi, a.romi, Kind::Percent, true),
        m(K::CardCac, b.cac, a.cac, Kind::Money, false),
        m(K::LtvToCac, b.ltv_to_cac, a.ltv_to_cac, Kind::Ratio, true),
    ]
}

fn show(kind: Kind, x: Option<f64>, loc: Locale) -> String {
    let lang = loc.lang;
    match kind {
        Kind::Money => format::money(x, loc),
        Kind::Percent => format::percent(x, lang),
        Kind::Ratio => format::ratio(x, lang),
    }
}

/// The difference after − before, signed, and its status (green when it goes the good way).
/// A difference too small to show in the metric's format counts as none.
fn difference(m: &Metric, loc: Locale) -> Option<(String, Status)> {
    let lang = loc.lang;
    let (b, a) = (m.before?, m.after?);
    let d = a - b;
    let text = match m.kind {
        Kind::Money => format::money(Some(d), loc),
        Kind::Percent => format!("{} {}", format::number(d * 100.0, 1, lang), tr(lang, K::PointsWord)),
        Kind::Ratio => format::ratio(Some(d), lang),
    };
    if !text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        return None;
    }
    let good = (d > 0.0) == m.up_is_good;
    Some((signed(text, d), if good { Status::Good } else { Status::Bad }))
}

fn outcome_ui(ui: &mut egui::Ui, st: &mut DecisionsState, cx: &DecisionsContext) {
    let lang = cx.lang;
    let loc = cx.loc();
    let dark = ui.visuals().dark_mode;
    let outcome = match st.outcome(cx) {
        Ok(o) => o,
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, lever_error(&e, lang));
            return;
        }
    };
    let months = outcome.before.months;
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr(lang, K::BeforeAfterHeading)).strong());
        ui.label(RichText::new(format!("{} {months}", tr(lang, K::MonthsInPeriod))).weak());
    });
    let gap = 10.0;
    let size = Vec2::new(230.0, 112.0);
    // The visible width, not the laid-out one: a wide row above must not push cards off screen.
    let width = ui.available_width().min(ui.clip_rect().right() - ui.cursor().left());
    let per_row = (((width + gap) / (size.x + gap)).floor() as usize).max(1);
    let all = metrics_of(&outcome.before, &outcome.after);
    for chunk in all.chunks(per_row) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing = Vec2::new(gap, gap);
            for m in chunk {
                metric_card(ui, m, &outcome.before, size, loc, dark);
            }
        });
        ui.add_space(gap);
    }
    for w in &outcome.warnings {
        let w = crate::i18n::rate_warning(w, lang);
        ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {}: {w}", tr(lang, K::WarningWord)));
    }
}

fn metric_card(ui: &mut egui::Ui, m: &Metric, period: &Snapshot, size: Vec2, loc: Locale, dark: bool) {
    let lang = loc.lang;
    let diff = difference(m, loc);
    let colour = diff.as_ref().map_or_else(|| Status::Neutral.colour(dark), |d| d.1.colour(dark));
    egui::Frame::group(ui.style())
        .fill(ui.visuals().extreme_bg_color)
        .corner_radius(6.0)
        .inner_margin(egui::Margin { left: 12, right: 10, top: 8, bottom: 8 })
        .show(ui, |ui| {
            ui.set_width(size.x - 22.0);
            ui.set_min_height(size.y - 16.0);
            ui.vertical(|ui| {
                ui.label(RichText::new(tr(lang, m.title)).size(13.0).weak());
                ui.label(RichText::new(show(m.kind, m.after, loc)).size(20.0).strong());
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(format!("{} {}", tr(lang, K::WasWord), show(m.kind, m.before, loc))).size(11.5),
                    );
                    if let Some((text, _)) = &diff {
                        ui.label(RichText::new(text).size(12.0).strong().color(colour));
                    }
                });
                // Money over the period also reads per month.
                // CAC is a ratio, not a sum over the period: it has no per-month figure.
                if m.kind == Kind::Money && m.title != K::CardCac && period.months > 0 {
                    let per = |x: Option<f64>| format::money(period.per_month(x), loc);
                    ui.label(
                        RichText::new(format!("{} {} → {}", tr(lang, K::PerMonthWord), per(m.before), per(m.after)))
                            .size(11.0)
                            .weak(),
                    );
                }
            });
        });
}

/// "Маркетолог: 1 018 → 1 027 лидов в месяц" reads a factor's value in its own unit.
fn factor_value(lever: Lever, x: f64, loc: Locale) -> String {
    let lang = loc.lang;
    let text = headroom::factor_text(lever, x, loc);
    if lever == Lever::Leads { format!("{text} {}", tr(lang, K::LeadsAMonth)) } else { text }
}

/// "мар–май 2026", or "дек 2025 – фев 2026" across a year end.
fn window_label(first: Month, last: Month, lang: Lang) -> String {
    let (a, b) = (month_label(first, lang), month_label(last, lang));
    if first.year == last.year {
        let short = a.split(' ').next().unwrap_or(&a).to_string();
        format!("{short}–{b}")
    } else {
        format!("{a} – {b}")
    }
}

/// The sentence of one headroom entry: "Доходимость в УЗИ: 71 % → 78 % (ваш лучший, мар–май 2026):
/// +412 000 ₽ в месяц — администраторы".
pub fn headroom_sentence(e: &HeadroomEntry, loc: Locale) -> String {
    let lang = loc.lang;
    let scope = e.direction.as_ref().map_or_else(String::new, |d| format!("{}{d}", tr(lang, K::HeadroomIn)));
    tr(lang, K::HeadroomSentence)
        .replace("{lever}", tr(lang, crate::i18n::lever(e.lever)))
        .replace("{scope}", &scope)
        .replace("{current}", &factor_value(e.lever, e.current, loc))
        .replace("{target}", &factor_value(e.lever, e.target, loc))
        .replace("{window}", &window_label(e.window_first, e.window_last, lang))
        .replace("{money}", &format::money(Some(e.profit_gain), loc))
        .replace("{owner}", tr(lang, owner_label(e.owner)))
}

/// How many headroom entries are said as sentences before the table.
const HEADROOM_SENTENCES: usize = 5;

fn headroom_ui(ui: &mut egui::Ui, st: &mut DecisionsState, cx: &DecisionsContext) {
    let lang = cx.lang;
    let loc = cx.loc();
    let dark = ui.visuals().dark_mode;
    ui.label(RichText::new(tr(lang, K::HeadroomHeading)).strong().size(15.0));
    let h = st.headroom(cx).clone();
    if h.entries.is_empty() {
        let key = if h.current_window.is_none() { K::HeadroomTooFew } else { K::HeadroomNone };
        ui.label(RichText::new(tr(lang, key)).weak());
        return;
    }
    for (i, e) in h.entries.iter().take(HEADROOM_SENTENCES).enumerate() {
        let text = RichText::new(headroom_sentence(e, loc));
        ui.label(if i == 0 { text.size(15.0).strong().color(Status::Good.colour(dark)) } else { text });
    }
    egui::CollapsingHeader::new(format!("{} ({})", tr(lang, K::HeadroomHeading), h.entries.len()))
        .id_salt("headroom_table")
        .default_open(false)
        .show(ui, |ui| {
            egui::Grid::new("headroom").striped(true).num_columns(9).spacing([14.0, 4.0]).show(ui, |ui| {
                for k in [
                    K::RankNo,
                    K::Lever,
                    K::ScopeCol,
                    K::NowWord,
                    K::BestWord,
                    K::BestWindow,
                    K::RevenueGainMonth,
                    K::ProfitGainPerMonth,
                    K::Owner,
                ] {
                    ui.label(RichText::new(tr(lang, k)).strong());
                }
                ui.end_row();
                for (i, e) in h.entries.iter().enumerate() {
                    ui.label((i + 1).to_string());
                    ui.label(tr(lang, crate::i18n::lever(e.lever)));
                    ui.label(e.direction.clone().unwrap_or_else(|| tr(lang, K::WholeClinic).to_string()));
                    ui.label(factor_value(e.lever, e.current, loc));
                    ui.label(factor_value(e.lever, e.target, loc));
                    ui.label(window_label(e.window_first, e.window_last, lang));
                    ui.label(signed(format::money(Some(e.revenue_gain), loc), e.revenue_gain));
                    ui.label(
                        RichText::new(signed(format::money(Some(e.profit_gain), loc), e.profit_gain))
                            .color(Status::Good.colour(dark)),
                    );
                    ui.label(tr(lang, owner_label(e.owner)));
                    ui.end_row();
                }
            });
        });
    ui.label(RichText::new(tr(lang, K::HeadroomHint)).weak().size(11.5));
}

fn ranking_ui(ui: &mut egui::Ui, st: &mut DecisionsState, cx: &DecisionsContext) {
    let lang = cx.lang;
    let loc = cx.loc();
    let dark = ui.visuals().dark_mode;
    ui.label(RichText::new(tr(lang, K::RankingHeading)).strong());
    let rows = match st.ranking(cx) {
        Ok(r) => r.clone(),
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
            return;
        }
    };
    egui::Grid::new("lever_ranking").striped(true).num_columns(7).spacing([16.0, 4.0]).show(ui, |ui| {
        for h in [K::RankNo, K::Lever, K::Owner, K::RevenueGain, K::SpendChange, K::ProfitGain, K::ProfitGainPerMonth] {
            ui.label(RichText::new(tr(lang, h)).strong());
        }
        ui.end_row();
        for (i, r) in rows.iter().enumerate() {
            ui.label((i + 1).to_string());
            ui.label(format!("{} +10 %", tr(lang, crate::i18n::lever(r.lever))));
            ui.label(tr(lang, owner_label(r.owner)));
            ui.label(signed(format::money(Some(r.revenue_gain), loc), r.revenue_gain));
            ui.label(signed(format::money(Some(r.spend_change), loc), r.spend_change));
            let status = match r.profit_gain {
                Some(p) if p > 0.0 => Status::Good,
                Some(p) if p < 0.0 => Status::Bad,
                _ => Status::Neutral,
            };
            let p = r.profit_gain.unwrap_or(0.0);
            ui.label(RichText::new(signed(format::money(r.profit_gain, loc), p)).color(status.colour(dark)));
            ui.label(RichText::new(signed(format::money(r.profit_gain_per_month, loc), p)).color(status.colour(dark)));
            ui.end_row();
        }
    });
    ui.label(RichText::new(tr(lang, K::RankingHint)).weak().size(11.5));
}

fn goal_ui(ui: &mut egui::Ui, st: &mut DecisionsState, cx: &DecisionsContext) {
    let lang = cx.lang;
    let loc = cx.loc();
    ui.label(RichText::new(tr(lang, K::GoalHeading)).strong());
    ui.horizontal(|ui| {
        let l = ui.label(tr(lang, K::GoalTarget)).id;
        ui.add(egui::TextEdit::singleline(&mut st.goal_text).hint_text("+15 %").desired_width(140.0)).labelled_by(l);
        let l = ui.label(tr(lang, K::GoalLevers)).id;
        let even = tr(lang, K::AllFiveEvenly);
        let selected = st.goal_lever.map_or(even, |x| tr(lang, crate::i18n::lever(x)));
        egui::ComboBox::from_id_salt("goal_lever")
            .selected_text(selected)
            .width(200.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut st.goal_lever, None, even);
                for l in Lever::FUNNEL {
                    ui.selectable_value(&mut st.goal_lever, Some(l), tr(lang, crate::i18n::lever(l)));
                }
            })
            .response
            .labelled_by(l);
    });
    ui.label(RichText::new(tr(lang, K::GoalHint)).weak().size(11.5));
    let Some(result) = st.goal_seek(cx).cloned() else { return };
    match result {
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        Ok(g) => {
            ui.add_space(4.0);
            egui::Grid::new("goal_result").num_columns(2).spacing([16.0, 4.0]).show(ui, |ui| {
                ui.label(tr(lang, K::GoalRevenueNow));
                ui.label(format!(
                    "{} ({} {})",
                    format::money(g.before.revenue, loc),
                    format::money(g.before.per_month(g.before.revenue), loc),
                    tr(lang, K::PerMonthShort)
                ));
                ui.end_row();
                ui.label(tr(lang, K::GoalRevenueTarget));
                ui.label(format!(
                    "{} ({} {})",
                    format::money(g.target_revenue, loc),
                    format::money(g.before.per_month(g.target_revenue), loc),
                    tr(lang, K::PerMonthShort)
                ));
                ui.end_row();
                let clinic_rise = g.clinic_rise();
                ui.label(tr(lang, K::GoalClinicRise));
                ui.label(clinic_rise.map_or_else(|| format::DASH.to_string(), |x| signed_percent(x, lang)));
                ui.end_row();
                ui.label(tr(lang, K::GoalAttributedRise));
                ui.label(
                    RichText::new(
                        g.attributed_rise.map_or_else(|| format::DASH.to_string(), |x| signed_percent(x, lang)),
                    )
                    .strong(),
                );
                ui.end_row();
                for l in &g.levers {
                    ui.label(RichText::new(tr(lang, crate::i18n::lever(*l))).strong());
                    ui.label(
                        RichText::new(format!(
                            "{} — {}",
                            signed_percent(g.required_change, lang),
                            tr(lang, owner_label(l.owner()))
                        ))
                        .strong(),
                    );
                    ui.end_row();
                }
                ui.label(tr(lang, K::Profit));
                ui.label(format!("{} → {}", format::money(g.before.profit, loc), format::money(g.after.profit, loc)));
                ui.end_row();
            });
            if ui.button(tr(lang, K::ApplyToSliders)).clicked() {
                st.reset();
                for l in &g.levers {
                    st.set_lever(*l, g.required_change * 100.0);
                }
                st.section = Section::WhatIf;
            }
        }
    }
}

fn plan_budget_ui(ui: &mut egui::Ui, st: &mut DecisionsState, cx: &DecisionsContext) {
    let lang = cx.lang;
    let loc = cx.loc();
    ui.label(RichText::new(tr(lang, K::PlanBudgetHeading)).strong());
    let mut months: Vec<Month> = cx.project.plan.iter().map(|r| r.month).collect();
    months.sort_unstable();
    months.dedup();
    if months.is_empty() {
        ui.label(RichText::new(tr(lang, K::NoPlanMonths)).weak());
        return;
    }
    if st.plan_month.is_none_or(|m| !months.contains(&m)) {
        st.plan_month = months.last().copied();
    }
    let Some(month) = st.plan_month else { return };
    ui.horizontal(|ui| {
        let l = ui.label(tr(lang, K::Month)).id;
        egui::ComboBox::from_id_salt("plan_month")
            .selected_text(month_label(month, lang))
            .width(120.0)
            .show_ui(ui, |ui| {
                for m in &months {
                    ui.selectable_value(&mut st.plan_month, Some(*m), month_label(*m, lang));
                }
            })
            .response
            .labelled_by(l);
        ui.label(RichText::new(tr(lang, K::PlanBudgetHint)).weak().size(11.5));
    });
    let Some(month) = st.plan_month else { return };
    let today = st.today_budget(cx);
    match st.plan_budget(cx, month) {
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        Ok(b) => {
            egui::Grid::new("plan_budget").num_columns(2).spacing([16.0, 4.0]).show(ui, |ui| {
                ui.label(tr(lang, K::PlanOfMonth));
                ui.label(format::money(Some(b.target_revenue), loc));
                ui.end_row();
                ui.label(tr(lang, K::BudgetNeeded));
                match b.budget {
                    Some(x) => ui.label(RichText::new(format::money(Some(x), loc)).strong()),
                    None => ui.colored_label(ui.visuals().error_fg_color, tr(lang, K::PlanUnreachable)),
                };
                ui.end_row();
                ui.label(tr(lang, K::TodaySpendMonthly));
                ui.label(format::money(Some(today), loc));
                ui.end_row();
                ui.label(tr(lang, K::RevenueAtBudget));
                ui.label(format::money(Some(b.revenue), loc));
                ui.end_row();
                ui.label(tr(lang, K::OtherRevenue));
                ui.label(format::money(Some(b.other_revenue), loc));
                ui.end_row();
            });
            if let Some(msg) = &b.message {
                ui.label(RichText::new(crate::i18n::analysis_notice(msg, lang)).weak().size(11.5));
            }
        }
    }
}

fn allocate_ui(ui: &mut egui::Ui, st: &mut DecisionsState, cx: &DecisionsContext) {
    let lang = cx.lang;
    let loc = cx.loc();
    let dark = ui.visuals().dark_mode;
    let today = st.today_budget(cx);
    ui.horizontal(|ui| {
        let l = ui.label(tr(lang, K::MonthlyBudget)).id;
        ui.add(
            egui::TextEdit::singleline(&mut st.budget_text)
                .hint_text(format::number(today, 0, lang))
                .desired_width(140.0),
        )
        .labelled_by(l);
        ui.label(
            RichText::new(format!("{} {}", tr(lang, K::TodaySpendMonthly), format::money(Some(today), loc))).weak(),
        );
        ui.separator();
        ui.checkbox(&mut st.tiers, tr(lang, K::HoldTiers));
    });
    ui.checkbox(&mut st.free, tr(lang, K::FreeBounds)).on_hover_text(tr(lang, K::FreeBoundsHint));
    ui.label(RichText::new(tr(lang, K::AllocateHint)).weak().size(11.5));
    st.sync_bounds(cx.project);
    let result = st.allocate(cx).cloned();
    let econ = curve::channel_economics(cx.project, cx.filter).0;
    ui.add_space(6.0);
    let m = |x: Option<f64>| format::money(x, loc);
    // The app shows the allocator's money in whole thousands (domain.md); the JSON stays unrounded.
    let k = |x: Option<f64>| format::money(x.map(|v| (v / 1000.0).round() * 1000.0), loc);
    let c = |x: Option<f64>| format::number(x.unwrap_or(f64::NAN), 1, lang);
    egui::Grid::new("allocation").striped(true).spacing([12.0, 4.0]).show(ui, |ui| {
        for h in [
            K::Channel,
            K::Tier,
            K::MinWord,
            K::MaxWord,
            K::SpendToday,
            K::Proposal,
            K::Change,
            K::Leads,
            K::ColNewPatients,
            K::Revenue,
            K::GrossProfit,
            K::Romi,
            K::WhyWord,
        ] {
            ui.label(RichText::new(tr(lang, h)).strong());
        }
        ui.end_row();
        let alloc = result.as_ref().ok();
        for (i, bounds) in st.bounds.iter_mut().enumerate() {
            let channel = bounds.0.clone();
            let row = alloc.and_then(|a| a.channels.iter().find(|r| r.channel == channel));
            let warned = row.is_some_and(|r| r.extrapolated);
            let name = ui.label(&channel).id;
            ui.label(row.map_or("", |r| tier_label(r.tier, lang)));
            // A blank field shows the default bound it stands for.
            let default = econ.iter().find(|e| e.channel == channel).and_then(allocate::default_bounds);
            let (min_hint, max_hint) = match default.filter(|_| !st.free) {
                Some((lo, hi)) => (k(Some(lo)), k(Some(hi))),
                None => (String::new(), String::new()),
            };
            ui.add(
                egui::TextEdit::singleline(&mut bounds.1).hint_text(min_hint).desired_width(90.0).id_salt(("min", i)),
            )
            .labelled_by(name);
            ui.add(
                egui::TextEdit::singleline(&mut bounds.2).hint_text(max_hint).desired_width(90.0).id_salt(("max", i)),
            )
            .labelled_by(name);
            let Some(r) = row else {
                ui.end_row();
                continue;
            };
            ui.label(k(r.spend_today));
            let proposal = RichText::new(k(Some(r.spend))).strong();
            ui.label(if warned { proposal.color(Status::Watch.colour(dark)) } else { proposal });
            let change = r.spend - r.spend_today.unwrap_or(0.0);
            let status = if change.abs() < 500.0 {
                Status::Neutral
            } else if change > 0.0 {
                Status::Good
            } else {
                Status::Bad
            };
            ui.label(RichText::new(signed(k(Some(change)), change)).color(status.colour(dark)));
            ui.label(c(r.leads));
            ui.label(c(r.visits));
            ui.label(m(r.revenue));
            ui.label(m(r.gross_profit));
            ui.label(RichText::new(format::percent(r.romi, lang)).color(romi_status(r.romi).colour(dark)));
            ui.label(RichText::new(tr(lang, why_label(r.why))).size(11.5));
            ui.end_row();
        }
        if let Some(a) = alloc {
            // Totals of the columns shown (sums for the reader; the allocator spends the budget).
            let sum = |f: &dyn Fn(&allocate::ChannelAllocation) -> Option<f64>| -> Option<f64> {
                Some(a.channels.iter().filter_map(f).sum())
            };
            ui.label(RichText::new(tr(lang, K::Total)).strong());
            ui.label("");
            ui.label("");
            ui.label("");
            ui.label(RichText::new(k(sum(&|r| r.spend_today))).strong());
            ui.label(RichText::new(k(sum(&|r| Some(r.spend)))).strong());
            ui.label("");
            ui.label(RichText::new(c(sum(&|r| r.leads))).strong());
            ui.label(RichText::new(c(sum(&|r| r.visits))).strong());
            ui.label(RichText::new(m(sum(&|r| r.revenue))).strong());
            ui.label(RichText::new(m(sum(&|r| r.gross_profit))).strong());
            ui.end_row();
        }
    });
    if let Ok(a) = &result {
        // The fit's raw numbers are for the curious: collapsed by default.
        egui::CollapsingHeader::new(tr(lang, K::DetailsWord)).id_salt("allocation_details").default_open(false).show(
            ui,
            |ui| {
                egui::Grid::new("allocation_curves").striped(true).spacing([12.0, 4.0]).show(ui, |ui| {
                    for h in [K::Channel, K::CurveA, K::CurveB, K::MonthsUsed] {
                        ui.label(RichText::new(tr(lang, h)).strong());
                    }
                    ui.end_row();
                    for r in &a.channels {
                        ui.label(&r.channel);
                        ui.label(r.a.map_or_else(|| format::DASH.to_string(), |a| format::number(a, 4, lang)));
                        ui.label(r.b.map_or_else(|| format::DASH.to_string(), |b| format::number(b, 3, lang)));
                        let fit = match r.fit {
                            CurveFit::Fitted => String::new(),
                            CurveFit::Linear => format!(" ({})", tr(lang, K::FitLinear)),
                            CurveFit::None => format!(" ({})", tr(lang, K::FitNone)),
                        };
                        ui.label(format!("{}{fit}", r.months_used));
                        ui.end_row();
                    }
                });
            },
        );
    }
    ui.add_space(6.0);
    match &result {
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, format!("{} {e}", tr(lang, K::AllocationImpossible)));
        }
        Ok(a) => {
            let better = a.objective >= a.objective_today;
            let colour = if better { Status::Good } else { Status::Bad }.colour(dark);
            ui.horizontal(|ui| {
                ui.label(tr(lang, K::ObjectiveWord));
                ui.label(RichText::new(m(Some(a.objective))).strong().color(colour));
                ui.label(format!("{} {}", tr(lang, K::TodayWord), m(Some(a.objective_today))));
            })
            .response
            .on_hover_text(tr(lang, K::ObjectiveHint));
            for e in &econ {
                let Some(r) = a.channels.iter().find(|r| r.channel == e.channel) else { continue };
                if r.extrapolated {
                    let text = tr(lang, K::WarnExtrapolation)
                        .replace("{channel}", &e.channel)
                        .replace("{spend}", &k(Some(r.spend)))
                        .replace("{max}", &k(Some(e.max_monthly_spend)));
                    ui.colored_label(Status::Watch.colour(dark), format!("⚠ {text}"));
                }
            }
            let pushed: Vec<&str> =
                a.channels.iter().filter(|r| r.why == Why::TierSplit).map(|r| r.channel.as_str()).collect();
            if !pushed.is_empty() {
                let text = tr(lang, K::NoticeTierPushed).replace("{channels}", &pushed.join(", "));
                ui.colored_label(Status::Watch.colour(dark), format!("⚠ {text}"));
            }
            for (why, key) in [(Why::ScaledDown, K::NoticeScaledDown), (Why::ScaledUp, K::NoticeScaledUp)] {
                if a.channels.iter().any(|r| r.why == why) {
                    ui.label(format!("ℹ {}", tr(lang, key)));
                }
            }
            for e in &econ {
                let text = match e.fit {
                    CurveFit::Fitted => continue,
                    // domain.md: a fit needs 3 months; with more, the fitted b fell outside (0, 1].
                    CurveFit::Linear if e.months_used < 3 => {
                        tr(lang, K::NoticeLinear).replace("{months}", &e.months_used.to_string())
                    }
                    CurveFit::Linear => tr(lang, K::NoticeLinearBadFit).to_string(),
                    CurveFit::None => tr(lang, K::NoticeNoSpend).to_string(),
                };
                ui.label(RichText::new(format!("ℹ {}: {text}", e.channel)).weak());
            }
            if a.tier_without_channels {
                ui.label(RichText::new(format!("ℹ {}", tr(lang, K::NoticeEmptyTier))).weak());
            }
        }
    }
}

/// The sentence saying why a channel got its proposal.
pub fn why_label(w: Why) -> K {
    match w {
        Why::NoCurve => K::WhyNoCurve,
        Why::ScaledDown => K::WhyScaledDown,
        Why::ScaledUp => K::WhyScaledUp,
        Why::TierSplit => K::WhyTierSplit,
        Why::AtMin => K::WhyAtMin,
        Why::AtMax => K::WhyAtMax,
        Why::HigherReturn => K::WhyHigher,
        Why::LowerReturn => K::WhyLower,
        Why::Unchanged => K::WhySame,
    }
}

fn save_ui(ui: &mut egui::Ui, st: &mut DecisionsState, cx: &DecisionsContext, edit: &mut Option<Edit>) {
    let lang = cx.lang;
    ui.label(RichText::new(tr(lang, K::SaveScenarioHeading)).strong());
    let changes = st.changes();
    ui.horizontal(|ui| {
        let l = ui.label(tr(lang, K::ScenarioName)).id;
        ui.add(egui::TextEdit::singleline(&mut st.scenario_name).desired_width(200.0)).labelled_by(l);
        let name = st.scenario_name.trim().to_string();
        let ok = !name.is_empty() && !changes.is_empty();
        if ui.add_enabled(ok, egui::Button::new(tr(lang, K::SaveAsScenario))).clicked() {
            let old = cx.project.scenarios.clone();
            let mut new = old.clone();
            let s = Scenario { name: name.clone(), changes: changes.clone() };
            // A name already taken is overwritten in place: names identify scenarios here.
            match new.iter_mut().find(|x| x.name == name) {
                Some(x) => *x = s,
                None => new.push(s),
            }
            *edit = Some(Edit::SetScenarios { old, new });
            if !st.compared.contains(&name) && st.compared.len() < MAX_COMPARED {
                st.compared.push(name);
            }
        }
    });
    if changes.is_empty() {
        ui.label(RichText::new(tr(lang, K::NoChangesYet)).weak().size(11.5));
    } else {
        let list: Vec<String> = changes.iter().map(|c| change_text(c, lang)).collect();
        ui.label(RichText::new(list.join("; ")).size(11.5));
    }
}

fn scenarios_ui(ui: &mut egui::Ui, st: &mut DecisionsState, cx: &DecisionsContext, edit: &mut Option<Edit>) {
    let lang = cx.lang;
    let loc = cx.loc();
    let dark = ui.visuals().dark_mode;
    let scenarios = &cx.project.scenarios;
    st.compared.retain(|n| scenarios.iter().any(|s| &s.name == n));
    ui.label(RichText::new(tr(lang, K::ScenariosHeading)).strong());
    if scenarios.is_empty() {
        ui.label(RichText::new(tr(lang, K::NoScenarios)).weak());
        return;
    }
    egui::Grid::new("scenario_list").striped(true).num_columns(4).spacing([12.0, 4.0]).show(ui, |ui| {
        for (i, s) in scenarios.iter().enumerate() {
            let mut on = st.compared.contains(&s.name);
            let full = st.compared.len() >= MAX_COMPARED && !on;
            if ui.add_enabled(!full, egui::Checkbox::new(&mut on, &s.name)).changed() {
                if on {
                    st.compared.push(s.name.clone());
                } else {
                    st.compared.retain(|n| n != &s.name);
                }
            }
            let list: Vec<String> = s.changes.iter().map(|c| change_text(c, lang)).collect();
            ui.label(RichText::new(list.join("; ")).size(11.5));
            if ui.button(tr(lang, K::LoadScenario)).on_hover_text(&s.name).clicked() {
                st.load(s);
                st.scenario_name = s.name.clone();
                st.section = Section::WhatIf;
            }
            if ui.button(tr(lang, K::DeleteScenario)).on_hover_text(&s.name).clicked() {
                let old = scenarios.clone();
                let mut new = old.clone();
                new.remove(i);
                *edit = Some(Edit::SetScenarios { old, new });
            }
            ui.end_row();
        }
    });
    ui.add_space(10.0);
    ui.label(RichText::new(tr(lang, K::CompareHeading)).strong());
    let cost = st.lead_cost;
    let base = st.base(cx).clone();
    let columns: Vec<(String, Result<Outcome, String>)> = st
        .compared
        .iter()
        .filter_map(|n| scenarios.iter().find(|s| &s.name == n))
        .map(|s| (s.name.clone(), base.apply(&s.changes, cost).map_err(|e| lever_error(&e, lang))))
        .collect();
    if columns.is_empty() {
        ui.label(RichText::new(tr(lang, K::PickToCompare)).weak());
        return;
    }
    let before = base.before();
    egui::Grid::new("scenario_compare").striped(true).spacing([22.0, 4.0]).show(ui, |ui| {
        ui.label("");
        ui.label(RichText::new(tr(lang, K::Base)).strong());
        for (name, _) in &columns {
            ui.label(RichText::new(name).strong());
        }
        ui.end_row();
        for (row, metric) in metrics_of(before, before).into_iter().enumerate() {
            ui.label(tr(lang, metric.title));
            ui.label(show(metric.kind, metric.before, loc));
            for (_, outcome) in &columns {
                match outcome {
                    Ok(o) => {
                        let m = metrics_of(&o.before, &o.after).swap_remove(row);
                        ui.horizontal(|ui| {
                            ui.label(show(m.kind, m.after, loc));
                            if let Some((text, status)) = difference(&m, loc) {
                                ui.label(RichText::new(format!("({text})")).size(11.5).color(status.colour(dark)));
                            }
                        });
                    }
                    Err(e) => {
                        ui.label(format::DASH).on_hover_text(e);
                    }
                }
            }
            ui.end_row();
        }
    });
    ui.label(
        RichText::new(format!(
            "{} {}",
            tr(lang, K::CompareHint),
            if cost == LeadCost::Cpl { tr(lang, K::LeadCostCpl) } else { tr(lang, K::LeadCostCurve) }
        ))
        .weak()
        .size(11.5),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sliders_make_changes_in_their_scope() {
        let mut st = DecisionsState::default();
        assert!(st.changes().is_empty());
        st.set_lever(Lever::ShowRate, 10.0);
        st.scope = Scope::Channel("VK".into());
        let c = st.changes();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].lever, Lever::ShowRate);
        assert!((c[0].change - 0.1).abs() < 1e-12);
        assert_eq!(c[0].channel.as_deref(), Some("VK"));
    }

    #[test]
    fn loading_a_scenario_keeps_other_scopes_aside() {
        let mut st = DecisionsState::default();
        let s = Scenario {
            name: "a".into(),
            changes: vec![
                LeverChange { lever: Lever::Leads, change: 0.2, channel: None, direction: None },
                LeverChange { lever: Lever::ShowRate, change: 0.1, channel: Some("VK".into()), direction: None },
            ],
        };
        st.load(&s);
        assert_eq!(st.scope, Scope::Clinic);
        assert!((st.levers[lever_index(Lever::Leads)] - 20.0).abs() < 1e-9);
        assert_eq!(st.extra.len(), 1);
        let mut back = st.changes();
        back.sort_by_key(|c| c.lever);
        let mut want = s.changes.clone();
        want.sort_by_key(|c| c.lever);
        assert_eq!(back.len(), want.len());
        for (a, b) in back.iter().zip(&want) {
            assert_eq!((a.lever, &a.channel), (b.lever, &b.channel));
            assert!((a.change - b.change).abs() < 1e-12);
        }
    }

    #[test]
    fn demo_allocation_spends_the_budget() {
        let p = crate::demo::demo_project();
        let f = Filter::default();
        let cx = DecisionsContext { project: &p, revision: 1, filter: &f, lang: Lang::Ru };
        let mut st = DecisionsState { budget_text: "500 000".into(), ..DecisionsState::default() };
        let a = st.allocate(&cx).map(|a| a.channels.iter().map(|c| c.spend).sum::<f64>());
        let total = a.unwrap_or(f64::NAN);
        assert!((total - 500_000.0).abs() < 1e-3, "{total}");
    }

    #[test]
    fn differences_are_coloured_by_direction() {
        let up = Metric {
            title: K::MetricSpend,
            before: Some(100.0),
            after: Some(120.0),
            kind: Kind::Money,
            up_is_good: false,
        };
        assert_eq!(difference(&up, Locale::new(Lang::Ru, "RUB")).map(|d| d.1), Some(Status::Bad));
        let same =
            Metric { title: K::Revenue, before: Some(100.0), after: Some(100.0), kind: Kind::Money, up_is_good: true };
        assert_eq!(difference(&same, Locale::new(Lang::Ru, "RUB")), None);
    }
}
