//! Charts by name: channels, and one KPI as horizontal bars per name (e.g. branches).

use super::*;

/// What every channel chart starts with: its title, then the channels in `sort`'s order, their
/// names and the height of a chart of one row each; `None` (after a note) when there is none.
fn channel_chart_start<'a>(
    ui: &mut egui::Ui,
    chart: ChartId,
    kpis: &'a Kpis,
    sort: ChannelSort,
    lang: Lang,
) -> Option<(Vec<&'a ChannelKpis>, Vec<String>, f32)> {
    title_ui(ui, chart.title(lang));
    let rows = sorted_channels(kpis, sort);
    if rows.is_empty() {
        empty_ui(ui, lang);
        return None;
    }
    let names: Vec<String> = rows.iter().map(|c| c.channel.clone()).collect();
    let h = chart_height(ui, 110.0 + 40.0 * rows.len() as f32);
    Some((rows, names, h))
}

/// A channel's tooltip: its spend, revenue, ROAS and ROMI.
fn channel_tip(c: &ChannelKpis, loc: Locale) -> String {
    let lang = loc.lang;
    format!(
        "{}\n{}: {}\n{}: {}\nROAS: {}\nROMI: {}",
        c.channel,
        tr(lang, K::Spend),
        money(c.spend, loc),
        tr(lang, K::ChartAttributedRevenue),
        money(c.attributed_revenue, loc),
        format::ratio(c.roas, lang),
        format::percent(c.romi, lang)
    )
}

/// Channels: spend against attributed revenue, one row per channel in the order of `sort`.
pub fn channel_money_ui(ui: &mut egui::Ui, kpis: &Kpis, sort: ChannelSort, loc: Locale) {
    let lang = loc.lang;
    let Some((rows, names, h)) = channel_chart_start(ui, ChartId::ChannelMoney, kpis, sort, lang) else { return };
    let pal = Palette::of(ui);
    let pairs = rows
        .iter()
        .map(|c| (Some(c.spend.unwrap_or(0.0)), Some(c.attributed_revenue.unwrap_or(0.0)), channel_tip(c, loc)));
    let series =
        ((tr(lang, K::Spend).to_string(), pal.second), (tr(lang, K::ChartAttributedRevenue).to_string(), pal.fact));
    money_pairs_ui(ui, "mf_channels_money", (names, h), pairs, series, loc);
}

/// Channels: CPL and CAC, one row per channel in the order of `sort`.
pub fn channel_cost_ui(ui: &mut egui::Ui, kpis: &Kpis, sort: ChannelSort, loc: Locale) {
    let lang = loc.lang;
    let Some((rows, names, h)) = channel_chart_start(ui, ChartId::ChannelCost, kpis, sort, lang) else { return };
    let pal = Palette::of(ui);
    let pairs = rows
        .iter()
        .map(|c| (c.cpl, c.cac, format!("{}\nCPL: {}\nCAC: {}", c.channel, money(c.cpl, loc), money(c.cac, loc))));
    let series = ((tr(lang, K::ChartCpl).to_string(), pal.third), (tr(lang, K::ChartCac).to_string(), pal.second));
    money_pairs_ui(ui, "mf_channels_cost", (names, h), pairs, series, loc);
}

/// Channels: ROMI with the break-even line (ROMI 0), one row per channel in the order of `sort`.
pub fn channel_romi_ui(ui: &mut egui::Ui, kpis: &Kpis, sort: ChannelSort, loc: Locale) {
    let lang = loc.lang;
    let Some((rows, names, h)) = channel_chart_start(ui, ChartId::ChannelRomi, kpis, sort, lang) else { return };
    let pal = Palette::of(ui);
    let n = rows.len();
    let mut romi = Vec::new();
    for (i, c) in rows.iter().enumerate() {
        let Some(v) = c.romi else { continue };
        let colour = if v >= 0.0 { pal.good } else { pal.bad };
        romi.push(Bar::new(row_y(n, i), v).width(0.6).fill(colour).name(channel_tip(c, loc)));
    }
    category_plot("mf_channels_romi", h, names)
        .x_axis_formatter(move |m, _| percent_tick(m.value, lang))
        .x_axis_label(tr(lang, K::Percent))
        .include_x(0.0)
        .show(ui, |p| {
            p.bar_chart(solid_bars(tr(lang, K::Romi), romi, pal.good).horizontal());
            p.vline(
                VLine::new(tr(lang, K::BreakEven), crate::metrics::references::ROMI_BREAK_EVEN)
                    .color(pal.reference)
                    .width(2.0)
                    .style(LineStyle::dashed_dense()),
            );
        });
}

/// Row labels bottom-up, for horizontal bars whose first row is drawn on top.
pub(super) fn reversed(names: &[String]) -> Vec<String> {
    names.iter().rev().cloned().collect()
}

pub use crate::format::Unit;

/// An axis tick of a by-name KPI chart: short money and percents, plain numbers otherwise.
fn tick(unit: Unit, v: f64, loc: Locale) -> String {
    let lang = loc.lang;
    match unit {
        Unit::Money => money_tick(v, loc),
        Unit::Rate => percent_tick(v, lang),
        Unit::Count | Unit::Ratio | Unit::Points => plain_tick(v, lang),
    }
}

/// One KPI as horizontal bars, one row per name (first on top), e.g. the branches of a chain. A bar
/// takes its reference colour when `status` gives one, else the fact colour; a name without a value
/// has no bar.
pub fn kpi_bars_ui(
    ui: &mut egui::Ui,
    id: &str,
    names: &[String],
    values: &[Option<f64>],
    status: impl Fn(f64) -> Option<crate::metrics::references::Status>,
    unit: Unit,
    loc: Locale,
) {
    let pal = Palette::of(ui);
    let n = names.len();
    let bars: Vec<Bar> = names
        .iter()
        .zip(values)
        .enumerate()
        .filter_map(|(i, (name, v))| {
            let v = (*v)?;
            let fill = status(v).map_or(pal.fact, |s| pal.status(s));
            Some(Bar::new(row_y(n, i), v).width(0.6).fill(fill).name(format!("{name}: {}", unit.text(Some(v), loc))))
        })
        .collect();
    category_plot(id, chart_height(ui, 40.0 + 28.0 * n as f32), names.to_vec())
        .x_axis_formatter(move |m, _| tick(unit, m.value, loc))
        .include_x(0.0)
        .show(ui, |p| p.bar_chart(solid_bars("", bars, pal.fact).horizontal()));
}
