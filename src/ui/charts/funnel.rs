//! The funnel chart: stages with their conversions.

use super::*;

/// The funnel leads → bookings → visits → paid as columns, with each stage's rate from the
/// previous one written above it; the whole clinic, or one channel.
pub fn funnel_ui(ui: &mut egui::Ui, kpis: &Kpis, channel: Option<&str>, lang: Lang) {
    let title = format!("{} — {}", ChartId::Funnel.title(lang), channel.unwrap_or(tr(lang, K::ChartWholeClinic)));
    title_ui(ui, &title);
    let Some(stages) = funnel_stages(kpis, channel) else {
        empty_ui(ui, lang);
        return;
    };
    if stages.iter().all(|s| s.count.is_none_or(|c| c == 0.0)) {
        empty_ui(ui, lang);
        return;
    }
    let pal = Palette::of(ui);
    let colours = [pal.plan, pal.second, pal.third, pal.fact, pal.neutral];
    let labels: Vec<String> = stages.iter().map(|s| s.stage.label(lang).to_string()).collect();
    let mut columns = Vec::new();
    let mut texts = Vec::new();
    for (i, s) in stages.iter().enumerate() {
        let v = s.count.unwrap_or(0.0);
        let mut tip = format!("{}: {}", s.stage.label(lang), format::count(s.count, lang));
        if i > 0 {
            tip.push_str(&format!("\n{} {}", format::percent(s.rate, lang), tr(lang, K::FromPrevious)));
            texts.push((i as f64, v, format!("→ {}", format::percent(s.rate, lang))));
        }
        columns.push((s.stage.label(lang), colours[i % colours.len()], Bar::new(i as f64, v).width(0.6).name(tip)));
    }
    let top = stages.iter().filter_map(|s| s.count).fold(0.0, f64::max);
    let h = chart_height(ui, 280.0);
    base_plot("mf_funnel", h)
        .x_grid_spacer(category_marks(labels.len()))
        .x_axis_formatter(move |m, _| category_at(&labels, m.value))
        .y_axis_formatter(move |m, _| plain_tick(m.value, lang))
        .y_axis_label(tr(lang, K::Count))
        .include_y(0.0)
        .include_y(headroom(top, columns.len()))
        .show(ui, |p| {
            // One series per stage, so the legend names the stages in their colours.
            for (name, colour, bar) in columns {
                p.bar_chart(solid_bars(name, vec![bar], colour));
            }
            for (x, y, s) in texts {
                p.text(
                    Text::new("", PlotPoint::new(x, y), RichText::new(s).strong())
                        .anchor(Align2::CENTER_BOTTOM)
                        .allow_hover(false),
                );
            }
        });
}
