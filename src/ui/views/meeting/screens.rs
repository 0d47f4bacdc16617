//! The body of each meeting screen, under its title sentence: large numbers and short lists, read
//! from the KPIs and the story (no formulas here).

use egui::{Align, Color32, Layout, RichText};

use super::MeetingContext;
use crate::analysis::headroom::factor_text;
use crate::analysis::story::{Step, Story};
use crate::format::{self, Lang, Locale};
use crate::i18n::story::{lever_in_scope, task};
use crate::i18n::{K, tr};
use crate::metrics::Factor;
use crate::ui::charts;
use crate::ui::theme::{Status, completion_status};
use crate::ui::views::aarrr;
use crate::ui::views::dashboard::{factor_label, owner_label};

/// Draws the body of `step`.
pub fn screen_ui(ui: &mut egui::Ui, step: Step, story: &Story, cx: &MeetingContext, scale: f32) {
    match step {
        Step::PlanFact => plan_fact_ui(ui, cx, scale),
        Step::Funnel => funnel_ui(ui, story, cx, scale),
        Step::Bottleneck => bottleneck_ui(ui, story, cx, scale),
        Step::Aarrr => aarrr::links_ui(ui, cx.kpis, cx.loc(), 1.5 * scale),
        Step::Levers => levers_ui(ui, story, cx.loc(), scale),
        Step::Proposal => proposal_ui(ui, story, cx.loc(), scale),
        Step::NextSteps => {
            if story.tasks.is_empty() {
                nothing_ui(ui, cx.lang);
            }
            for t in &story.tasks {
                ui.label(RichText::new(format!("• {}", task(t, cx.loc()))).size(34.0 * scale));
            }
        }
    }
}

fn nothing_ui(ui: &mut egui::Ui, lang: Lang) {
    ui.label(RichText::new(tr(lang, K::MeetingNothing)).weak());
}

/// A big number with its caption under it.
fn stat_ui(ui: &mut egui::Ui, caption: &str, value: &str, colour: Option<Color32>, scale: f32) {
    ui.vertical(|ui| {
        ui.label(RichText::new(caption).size(24.0 * scale).weak());
        let mut text = RichText::new(value).size(60.0 * scale).strong();
        if let Some(c) = colour {
            text = text.color(c);
        }
        ui.label(text);
    });
}

fn status_colour(ui: &egui::Ui, s: Status) -> Option<Color32> {
    (s != Status::Neutral).then(|| s.colour(ui.visuals().dark_mode))
}

fn plan_fact_ui(ui: &mut egui::Ui, cx: &MeetingContext, scale: f32) {
    let (t, lang, loc) = (&cx.kpis.total.kpis, cx.lang, cx.loc());
    ui.horizontal(|ui| {
        stat_ui(ui, tr(lang, K::Revenue), &format::money(t.revenue, loc), None, scale);
        ui.add_space(60.0 * scale);
        stat_ui(ui, tr(lang, K::PlanToDate), &format::money(t.plan_to_date, loc), None, scale);
        ui.add_space(60.0 * scale);
        let status = completion_status(t.completion_to_date);
        let colour = status_colour(ui, status);
        stat_ui(ui, tr(lang, K::MeetingCompletion), &format::percent(t.completion_to_date, lang), colour, scale);
    });
    ui.add_space(16.0 * scale);
    // The chart takes what is left of the screen, so nothing is clipped at 1280×720.
    let height = (ui.available_height() - 80.0 * scale).max(100.0);
    charts::revenue_by_month_sized(ui, cx.kpis, loc, height);
}

fn funnel_ui(ui: &mut egui::Ui, story: &Story, cx: &MeetingContext, scale: f32) {
    let (t, lang) = (&cx.kpis.total.kpis, cx.lang);
    let rate = |f: Factor| story.rates.iter().find(|r| r.factor == f);
    // Calls come first where a call journal or Calls sheet gives contacts.
    let mut stages: Vec<(K, Option<f64>, Option<Factor>)> = Vec::new();
    if t.contacts.is_some_and(|c| c > 0.0) {
        stages.push((K::Contacts, t.contacts, None));
    }
    stages.extend([
        (K::Leads, t.leads, None),
        (K::Bookings, t.bookings, Some(Factor::BookingRate)),
        (K::ColVisits, t.visits, Some(Factor::ShowRate)),
        (K::Paid, t.paid, Some(Factor::PaidRate)),
    ]);
    let top = stages.iter().filter_map(|s| s.1).fold(0.0_f64, f64::max);
    if top <= 0.0 {
        nothing_ui(ui, lang);
        return;
    }
    let width = ui.available_width() * 0.55;
    egui::Grid::new("meeting_funnel").spacing([24.0 * scale, 12.0 * scale]).show(ui, |ui| {
        for (label, count, factor) in &stages {
            ui.label(RichText::new(tr(lang, *label)).size(28.0 * scale));
            let share = (count.unwrap_or(0.0) / top).clamp(0.0, 1.0) as f32;
            let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 34.0 * scale), egui::Sense::hover());
            let bar = egui::Rect::from_min_size(rect.min, egui::vec2((width * share).max(2.0), rect.height()));
            ui.painter().rect_filled(bar, 4.0, ui.visuals().selection.bg_fill);
            ui.label(RichText::new(format::count(*count, lang)).size(28.0 * scale).strong());
            match factor.and_then(rate) {
                Some(r) => {
                    let status = match r.fact.zip(r.plan) {
                        Some((f, p)) if f >= p => Status::Good,
                        Some(_) => Status::Bad,
                        None => Status::Neutral,
                    };
                    let plan = match r.plan {
                        Some(p) => format!("{} {}", tr(lang, K::PlanWord), format::percent(Some(p), lang)),
                        None => tr(lang, K::MeetingNoPlan).to_string(),
                    };
                    let mut text =
                        RichText::new(format!("{} · {plan}", format::percent(r.fact, lang))).size(26.0 * scale);
                    if let Some(c) = status_colour(ui, status) {
                        text = text.color(c);
                    }
                    ui.label(text);
                }
                None => {
                    ui.label("");
                }
            }
            ui.end_row();
        }
    });
    ui.add_space(10.0 * scale);
    ui.label(RichText::new(tr(lang, K::MeetingNoReference)).size(18.0 * scale).weak());
}

fn bottleneck_ui(ui: &mut egui::Ui, story: &Story, cx: &MeetingContext, scale: f32) {
    let lang = cx.lang;
    let loc = cx.loc();
    let Some(g) = &story.gap else { return nothing_ui(ui, lang) };
    let dark = ui.visuals().dark_mode;
    let biggest = Factor::ALL.iter().filter_map(|f| g.contributions.get(*f)).map(f64::abs).fold(0.0_f64, f64::max);
    let width = ui.available_width() * 0.4;
    egui::Grid::new("meeting_gap").spacing([24.0 * scale, 12.0 * scale]).show(ui, |ui| {
        for f in Factor::ALL {
            let v = g.contributions.get(f);
            let is_bottleneck = g.bottleneck == Some(f);
            let mut name = RichText::new(tr(lang, factor_label(f))).size(28.0 * scale);
            if is_bottleneck {
                name = name.strong();
            }
            ui.label(name);
            let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 30.0 * scale), egui::Sense::hover());
            if let Some(x) = v.filter(|_| biggest > 0.0) {
                let w = (x.abs() / biggest) as f32 * width / 2.0;
                let mid = rect.center().x;
                let bar = if x < 0.0 {
                    egui::Rect::from_min_max(egui::pos2(mid - w, rect.top()), egui::pos2(mid, rect.bottom()))
                } else {
                    egui::Rect::from_min_max(egui::pos2(mid, rect.top()), egui::pos2(mid + w, rect.bottom()))
                };
                let s = if x < 0.0 { Status::Bad } else { Status::Good };
                ui.painter().rect_filled(bar, 3.0, s.colour(dark));
            }
            let money = match v {
                Some(x) if x > 0.0 => format!("+{}", format::money(Some(x), loc)),
                v => format::money(v, loc),
            };
            ui.label(RichText::new(money).size(28.0 * scale).strong());
            if is_bottleneck && let Some(o) = g.owner {
                ui.label(RichText::new(tr(lang, owner_label(o))).size(28.0 * scale).strong());
            } else {
                ui.label("");
            }
            ui.end_row();
        }
    });
}

fn levers_ui(ui: &mut egui::Ui, story: &Story, loc: Locale, scale: f32) {
    let lang = loc.lang;
    if story.levers.is_empty() {
        return nothing_ui(ui, lang);
    }
    egui::Grid::new("meeting_levers").spacing([40.0 * scale, 14.0 * scale]).show(ui, |ui| {
        for (i, l) in story.levers.iter().enumerate() {
            let name = lever_in_scope(l, lang);
            let (now, best) = (factor_text(l.lever, l.current, loc), factor_text(l.lever, l.target, loc));
            ui.label(RichText::new(format!("{}. {name}: {now} → {best}", i + 1)).size(30.0 * scale));
            ui.label(RichText::new(tr(lang, owner_label(l.owner))).size(28.0 * scale));
            ui.label(
                RichText::new(format!("+{} {}", format::money(Some(l.profit_gain), loc), tr(lang, K::PerMonthShort)))
                    .size(30.0 * scale)
                    .strong(),
            );
            ui.end_row();
        }
    });
}

fn proposal_ui(ui: &mut egui::Ui, story: &Story, loc: Locale, scale: f32) {
    let lang = loc.lang;
    if let Some((name, o)) = &story.scenario {
        ui.horizontal(|ui| {
            stat_ui(ui, &format!("{} «{name}»", tr(lang, K::MeetingScenario)), "", None, scale);
        });
        ui.horizontal(|ui| {
            stat_ui(ui, tr(lang, K::SpendToday), &format::money(o.before.revenue, loc), None, scale);
            ui.add_space(40.0 * scale);
            stat_ui(ui, tr(lang, K::MeetingProposed), &format::money(o.after.revenue, loc), None, scale);
        });
        ui.add_space(16.0 * scale);
    }
    let Some(a) = &story.allocation else {
        if story.scenario.is_none() {
            nothing_ui(ui, lang);
        }
        return;
    };
    // The channels whose budget moves most, at most eight, so the screen is never clipped.
    let mut rows: Vec<_> = a.channels.iter().collect();
    rows.sort_by(|x, y| {
        let d = |c: &&crate::analysis::allocate::ChannelAllocation| (c.spend - c.spend_today.unwrap_or(0.0)).abs();
        d(y).total_cmp(&d(x))
    });
    rows.truncate(8);
    egui::Grid::new("meeting_alloc").spacing([40.0 * scale, 8.0 * scale]).show(ui, |ui| {
        ui.label("");
        ui.label(RichText::new(tr(lang, K::SpendToday)).size(22.0 * scale).weak());
        ui.label(RichText::new(tr(lang, K::MeetingProposed)).size(22.0 * scale).weak());
        ui.end_row();
        for c in rows {
            ui.label(RichText::new(&c.channel).size(24.0 * scale));
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.label(RichText::new(format::money(c.spend_today, loc)).size(24.0 * scale));
            });
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.label(RichText::new(format::money(Some(c.spend), loc)).size(24.0 * scale).strong());
            });
            ui.end_row();
        }
    });
}
