//! Drawing helpers shared by the charts: axis ticks, category axes, plot defaults, bar tooltips,
//! titles and the empty-chart note.

use super::*;

/// The type size of values written over bars: readable on a laptop screen.
pub const VALUE_LABEL_SIZE: f32 = 11.0;

/// The width a value label over a bar needs at [`VALUE_LABEL_SIZE`] («101,2 %»), in points.
pub const VALUE_LABEL_WIDTH: f32 = 52.0;

/// An axis tick in money: `1,2 млн ₽`, `350 тыс. ₽` / `1.2M $`, `350k $` (the clinic's sign). Ticks
/// are rounded for reading; tooltips show the exact value.
pub fn money_tick(v: f64, loc: Locale) -> String {
    let lang = loc.lang;
    let a = v.abs();
    let (scaled, unit) = match lang {
        Lang::Ru if a >= 1e6 => (v / 1e6, "\u{a0}млн"),
        Lang::Ru if a >= 1e3 => (v / 1e3, "\u{a0}тыс."),
        Lang::En if a >= 1e6 => (v / 1e6, "M"),
        Lang::En if a >= 1e3 => (v / 1e3, "k"),
        _ => (v, ""),
    };
    let decimals = if scaled.fract().abs() < 1e-9 { 0 } else { 1 };
    format!("{}{unit}\u{a0}{}", format::number(scaled, decimals, lang), loc.sign.as_str())
}

/// An axis tick for a rate: `25 %` / `25%`.
pub fn percent_tick(v: f64, lang: Lang) -> String {
    let x = v * 100.0;
    let decimals = if (x - x.round()).abs() < 1e-6 { 0 } else { 1 };
    match lang {
        Lang::Ru => format!("{}\u{a0}%", format::number(x, decimals, lang)),
        Lang::En | Lang::Zh => format!("{}%", format::number(x, decimals, lang)),
    }
}

/// A plain tick (counts, ratios, NPS points).
pub(super) fn plain_tick(v: f64, lang: Lang) -> String {
    let decimals = if (v - v.round()).abs() < 1e-6 { 0 } else { 1 };
    format::number(v, decimals, lang)
}

/// The label of category `i` for an axis mark, blank between categories.
pub(super) fn category_at(labels: &[String], mark: f64) -> String {
    let i = mark.round();
    if (mark - i).abs() > 1e-6 || i < 0.0 {
        return String::new();
    }
    labels.get(i as usize).cloned().unwrap_or_default()
}

/// Grid marks at every category, so each one gets a label (egui hides those that do not fit).
pub(super) fn category_marks(n: usize) -> impl Fn(GridInput) -> Vec<GridMark> {
    move |_| (0..n).map(|i| GridMark { value: i as f64, step_size: 1.0 }).collect()
}

/// A plot with our defaults: fixed view (charts live in scroll areas, where zooming on the wheel
/// would fight scrolling), a legend, hover tooltips.
/// A plot with one horizontal bar row per name (channels, directions, doctors), first name on top.
pub(super) fn category_plot<'a>(id: &str, height: f32, names: Vec<String>) -> Plot<'a> {
    let n = names.len();
    let top_first = reversed(&names);
    base_plot(id, height)
        .y_grid_spacer(category_marks(n))
        .include_y(-0.6)
        .include_y(n as f64 + 1.0)
        .y_axis_formatter(move |m, _| category_at(&top_first, m.value))
}

pub(super) fn base_plot<'a>(id: &str, height: f32) -> Plot<'a> {
    Plot::new(id)
        .height(height)
        .x_grid_spacer(nice_marks)
        .y_grid_spacer(nice_marks)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .legend(Legend::default().position(Corner::LeftTop).follow_insertion_order(true))
}

/// Where a column chart's value axis ends: above the tallest column, leaving the top band to the
/// legend (top left, one line per series, so a funnel's five stages need more than a plan and a
/// fact) and the labels written over the columns.
pub(super) fn headroom(top: f64, legend_lines: usize) -> f64 {
    top * (1.2 + 0.08 * legend_lines as f64)
}

/// The height a chart gets: what it wants (at least 120 points); on a saved picture
/// ([`fill_picture`]), at least the rest of the picture, less a line for what a chart writes under
/// its plot (a note, the bottleneck), so a short chart does not leave half the slide empty.
pub(super) fn chart_height(ui: &egui::Ui, wanted: f32) -> f32 {
    let fill = ui.ctx().data(|d| d.get_temp::<bool>(egui::Id::unique(FILL_PICTURE))).unwrap_or(false);
    let wanted = if fill { wanted.max(ui.available_height() - UNDER_PLOT) } else { wanted };
    wanted.max(120.0)
}

/// The key of the flag [`fill_picture`] sets in a picture's own egui context.
const FILL_PICTURE: &str = "mf_fill_picture";

/// Room left under a plot that fills a picture, in points: one line of text and its spacing.
const UNDER_PLOT: f32 = 32.0;

/// Marks `ctx` (a saved picture's own context, never the window's) so that its chart fills the
/// picture's height.
pub(super) fn fill_picture(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique(FILL_PICTURE), true));
}

/// Grid marks for a value axis at 1-2-5 steps about 70 points apart, so money and percent axes
/// carry several readable ticks (egui_plot's default only labels powers of ten).
pub(super) fn nice_marks(input: GridInput) -> Vec<GridMark> {
    // base_step_size spans the plot's minimum grid spacing (a few points); aim for ~10 of those.
    let target = input.base_step_size * 10.0;
    if !(target.is_finite() && target > 0.0) {
        return Vec::new();
    }
    let mag = 10f64.powf(target.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * mag).find(|s| *s >= target).unwrap_or(10.0 * mag);
    let (lo, hi) = input.bounds;
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    if last - first > 1000 {
        return Vec::new();
    }
    (first..=last).map(|i| GridMark { value: i as f64 * step, step_size: step }).collect()
}

/// egui_plot's per-bar hover text.
pub(super) type BarFormatter = Box<dyn Fn(&Bar, &BarChart) -> String>;

/// A bar series drawn solid in `colour` (egui_plot's default is an outline over a faint fill, too
/// pale to compare heights at a glance); bars with their own fill keep it. Hovering a bar shows
/// its name, which holds the whole tooltip.
pub(super) fn solid_bars(name: impl Into<String>, mut bars: Vec<Bar>, colour: Color32) -> BarChart {
    for b in &mut bars {
        if b.fill == Color32::TRANSPARENT {
            b.fill = colour;
        }
        if b.stroke.color == Color32::TRANSPARENT {
            b.stroke = Stroke::new(1.0, b.fill);
        }
    }
    BarChart::new(name, bars).color(colour).element_formatter(bar_tooltip())
}

/// The label shown when hovering a bar: its name holds the whole tooltip.
pub(super) fn bar_tooltip() -> BarFormatter {
    Box::new(|bar, _| bar.name.clone())
}

/// Tooltips of line and point series: `tips[series name][point index]`. Elsewhere nothing, since
/// the raw coordinates mean little to a clinic owner.
pub(super) fn series_tooltip(tips: Vec<(String, Vec<String>)>) -> impl Fn(&HoverPosition<'_>) -> Option<String> {
    move |pos| match pos {
        HoverPosition::NearDataPoint { plot_name, index, .. } => {
            tips.iter().find(|(n, _)| n == plot_name).and_then(|(_, v)| v.get(*index)).cloned()
        }
        HoverPosition::Elsewhere { .. } => None,
    }
}

pub(super) fn title_ui(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).strong().size(15.0));
}

pub(super) fn empty_ui(ui: &mut egui::Ui, lang: Lang) {
    ui.weak(tr(lang, K::NoRowsInPeriod));
}

pub(super) fn money(x: Option<f64>, loc: Locale) -> String {
    format::money(x, loc)
}

pub(super) fn money_v(x: f64, loc: Locale) -> String {
    format::money(Some(x), loc)
}

/// Horizontal bars in rows: row `i` (0 = top) sits at y = n − 1 − i.
/// One series of [`money_pairs_ui`]: its legend name and colour.
pub(super) type PairSeries = (String, Color32);

/// Two money figures side by side on each row (plan and fact, spend and revenue, CAC and LTV),
/// horizontal, first row on top: the first series just above each row's middle, the second just
/// below, money on the horizontal axis. `rows` gives, per name, both values (`None`: no bar) and the
/// row's tooltip.
pub(super) fn money_pairs_ui(
    ui: &mut egui::Ui,
    id: &str,
    (names, height): (Vec<String>, f32),
    rows: impl IntoIterator<Item = (Option<f64>, Option<f64>, String)>,
    (first, second): (PairSeries, PairSeries),
    loc: Locale,
) {
    let n = names.len();
    let (mut upper, mut lower) = (Vec::new(), Vec::new());
    for (i, (a, b, tip)) in rows.into_iter().enumerate() {
        let y = row_y(n, i);
        if let Some(a) = a {
            upper.push(Bar::new(y + 0.18, a).width(0.36).name(tip.clone()));
        }
        if let Some(b) = b {
            lower.push(Bar::new(y - 0.18, b).width(0.36).name(tip));
        }
    }
    category_plot(id, height, names)
        .x_axis_formatter(move |m, _| money_tick(m.value, loc))
        .x_axis_label(loc.sign.as_str())
        .include_x(0.0)
        .show(ui, |p| {
            p.bar_chart(solid_bars(first.0, upper, first.1).horizontal());
            p.bar_chart(solid_bars(second.0, lower, second.1).horizontal());
        });
}

pub(super) fn row_y(n: usize, i: usize) -> f64 {
    (n - 1 - i) as f64
}
