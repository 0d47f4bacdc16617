//! Revenue charts: revenue against plan by month and the revenue-gap waterfall.

use super::*;

/// Revenue by month: plan and fact columns with the completion % above them; the month in
/// progress shows its forecast as a lighter column part above the fact to date.
pub fn revenue_by_month_ui(ui: &mut egui::Ui, kpis: &Kpis, loc: Locale) {
    revenue_by_month_sized(ui, kpis, loc, 420.0);
}

/// [`revenue_by_month_ui`] at a given plot height (the meeting fits it to the screen).
pub fn revenue_by_month_sized(ui: &mut egui::Ui, kpis: &Kpis, loc: Locale, height: f32) {
    let lang = loc.lang;
    title_ui(ui, ChartId::Revenue.title(lang));
    let bars = revenue_bars(kpis);
    if bars.is_empty() {
        empty_ui(ui, lang);
        return;
    }
    if let Some(p) = period_caption(kpis, lang) {
        ui.label(format!("{}: {p}", tr(lang, K::Period)));
    }
    let pal = Palette::of(ui);
    let labels: Vec<String> = bars.iter().map(|b| month_short(b.month, lang)).collect();
    let n = bars.len();
    let mut plan = Vec::new();
    let mut fact = Vec::new();
    let mut forecast = Vec::new();
    let mut texts = Vec::new();
    // A completion label («101,2 %») needs about 52 points at 11 points of type; where the months
    // are narrower, every second (third…) month is labelled rather than letting them run together.
    let per_month = (ui.available_width() - 70.0) / n as f32;
    let label_every = (VALUE_LABEL_WIDTH / per_month.max(1.0)).ceil().max(1.0) as usize;
    for (i, b) in bars.iter().enumerate() {
        let x = i as f64;
        let month = month_label(b.month, lang);
        if let Some(p) = b.plan {
            plan.push(Bar::new(x - 0.2, p).width(0.4).name(format!(
                "{month}\n{}: {}",
                tr(lang, K::Plan),
                money_v(p, loc)
            )));
        }
        let fact_word = if b.forecast.is_some() { tr(lang, K::FactToDate) } else { tr(lang, K::Fact) };
        if let Some(f) = b.fact {
            let mut tip = format!(
                "{month}\n{fact_word}: {}\n{}: {}",
                money_v(f, loc),
                tr(lang, K::PlanCompletion),
                format::percent(b.completion, lang)
            );
            if b.forecast.is_some() {
                tip.push_str(&format!("\n{}: {}", tr(lang, K::Forecast), money(b.forecast, loc)));
            }
            fact.push(Bar::new(x + 0.2, f).width(0.4).name(tip));
            if let Some(fc) = b.forecast.filter(|fc| *fc > f) {
                forecast.push(
                    Bar::new(x + 0.2, fc - f)
                        .base_offset(f)
                        .width(0.4)
                        .stroke(Stroke::new(1.0, pal.fact))
                        .name(format!("{month}\n{}: {}", tr(lang, K::Forecast), money_v(fc, loc))),
                );
            }
        }
        let top = [b.plan, b.fact, b.forecast].into_iter().flatten().fold(0.0_f64, f64::max);
        if b.completion.is_some() && i % label_every == 0 {
            texts.push((x, top, format::percent(b.completion, lang)));
        }
    }
    let top = bars.iter().flat_map(|b| [b.plan, b.fact, b.forecast]).flatten().fold(0.0, f64::max);
    let h = chart_height(ui, height);
    let lx = labels.clone();
    base_plot("mf_revenue_by_month", h)
        .x_grid_spacer(category_marks(n))
        .x_axis_formatter(move |m, _| category_at(&lx, m.value))
        .y_axis_formatter(move |m, _| money_tick(m.value, loc))
        .y_axis_label(loc.sign.as_str())
        .include_y(0.0)
        .include_y(headroom(top, 3))
        .show(ui, |p| {
            // Series names differ from the app's navigation ("План", "Выручка"): legend entries are
            // widgets with those names, and one name should mean one thing on screen.
            p.bar_chart(solid_bars(tr(lang, K::RevenuePlan), plan, pal.plan));
            p.bar_chart(solid_bars(tr(lang, K::RevenueFact), fact, pal.fact));
            if !forecast.is_empty() {
                p.bar_chart(solid_bars(tr(lang, K::Forecast), forecast, pal.forecast));
            }
            for (x, y, s) in texts {
                p.text(
                    Text::new("", PlotPoint::new(x, y), RichText::new(s).size(VALUE_LABEL_SIZE))
                        .anchor(Align2::CENTER_BOTTOM)
                        .allow_hover(false),
                );
            }
        });
    if bars.iter().any(|b| b.forecast.is_some()) {
        ui.weak(tr(lang, K::ChartRevenueNote));
    }
}

/// The revenue-gap waterfall of `month` ([`default_gap`] when `None`): plan → the five
/// stage contributions → fact, with the bottleneck and its owner written under it.
pub fn gap_waterfall_ui(ui: &mut egui::Ui, kpis: &Kpis, month: Option<Month>, loc: Locale) {
    let lang = loc.lang;
    title_ui(ui, ChartId::Waterfall.title(lang));
    let gap = match month {
        Some(m) => kpis.gaps.iter().find(|g| g.month == m).or_else(|| default_gap(kpis)),
        None => default_gap(kpis),
    };
    let Some(gap) = gap else {
        ui.label(tr(lang, K::NoGaps));
        return;
    };
    ui.label(format!("{}: {}", tr(lang, K::Month), month_label(gap.month, lang)));
    let Some(steps) = waterfall_steps(gap) else {
        ui.label(tr(lang, K::GapUndefined));
        return;
    };
    let pal = Palette::of(ui);
    let labels: Vec<String> = steps
        .iter()
        .map(|s| match s.kind {
            StepKind::Plan => tr(lang, K::Plan).to_string(),
            StepKind::Fact => tr(lang, K::Fact).to_string(),
            StepKind::Factor(f) => factor_label(f, lang).to_string(),
        })
        .collect();
    let mut ends = Vec::new();
    let mut up = Vec::new();
    let mut down = Vec::new();
    for (i, s) in steps.iter().enumerate() {
        let x = i as f64;
        match s.kind {
            StepKind::Plan | StepKind::Fact => {
                ends.push(Bar::new(x, s.to).width(0.6).name(format!("{}: {}", labels[i], money_v(s.to, loc))));
            }
            StepKind::Factor(f) => {
                let owner = owner_label(f.owner(), lang);
                let tip = format!(
                    "{}: {} {}\n{}: {}",
                    labels[i],
                    tr(lang, K::Contribution),
                    signed_money(s.delta(), loc),
                    tr(lang, K::OwnerWord),
                    owner
                );
                let bar = Bar::new(x, s.delta()).base_offset(s.from).width(0.6).name(tip);
                if s.delta() >= 0.0 { up.push(bar) } else { down.push(bar) }
            }
        }
    }
    let h = chart_height(ui, 300.0);
    let n = labels.len();
    let lx = labels.clone();
    // Connectors between columns make the running total readable.
    let connectors: Vec<[f64; 2]> = steps
        .iter()
        .enumerate()
        .take(n.saturating_sub(1))
        .flat_map(|(i, s)| [[i as f64 + 0.3, s.to], [i as f64 + 0.7, s.to]])
        .collect();
    let top = steps.iter().flat_map(|s| [s.from, s.to]).fold(0.0, f64::max);
    base_plot("mf_gap_waterfall", h)
        .x_grid_spacer(category_marks(n))
        .x_axis_formatter(move |m, _| category_at(&lx, m.value))
        .y_axis_formatter(move |m, _| money_tick(m.value, loc))
        .y_axis_label(loc.sign.as_str())
        .include_y(0.0)
        .include_y(headroom(top, 3))
        .show(ui, |p| {
            p.bar_chart(solid_bars(format!("{} / {}", tr(lang, K::Plan), tr(lang, K::Fact)), ends, pal.plan));
            if !up.is_empty() {
                p.bar_chart(solid_bars(format!("+ {}", tr(lang, K::Contribution)), up, pal.good));
            }
            if !down.is_empty() {
                p.bar_chart(solid_bars(format!("− {}", tr(lang, K::Contribution)), down, pal.bad));
            }
            for pair in connectors.chunks(2) {
                p.line(Line::new("", PlotPoints::new(pair.to_vec())).color(pal.neutral).width(1.0).allow_hover(false));
            }
        });
    match (gap.bottleneck, gap.owner) {
        (Some(f), Some(o)) => {
            let c = gap.contributions.get(f);
            ui.label(
                RichText::new(format!(
                    "{}: {} ({}) — {}: {}",
                    tr(lang, K::Bottleneck),
                    factor_label(f, lang),
                    c.map_or_else(|| format::DASH.to_string(), |v| signed_money(v, loc)),
                    tr(lang, K::OwnerWord),
                    owner_label(o, lang)
                ))
                .strong()
                .color(pal.bad),
            );
        }
        _ => {
            ui.label(RichText::new(tr(lang, K::ChartNoBottleneck)).color(pal.good));
        }
    }
}

/// The gap shown until the user picks a month: the latest complete month with a defined
/// breakdown. A planned month without facts has none, and the month in progress compares a part
/// of a month with a whole month's plan, so its "bottleneck" is mostly the calendar; both stay
/// in the picker. Falls back to the latest gap.
pub fn default_gap(kpis: &Kpis) -> Option<&Gap> {
    let in_progress = kpis.progress.as_ref().map(|p| p.month);
    kpis.gaps.iter().rev().find(|g| Some(g.month) != in_progress && waterfall_steps(g).is_some()).or(kpis.gaps.last())
}

/// Money with an explicit sign: `+120 000 ₽`, `−45 000 ₽`.
pub(super) fn signed_money(v: f64, loc: Locale) -> String {
    let s = money_v(v, loc);
    if v > 0.0 { format!("+{s}") } else { s }
}
