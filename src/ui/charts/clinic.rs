//! Charts of the clinic's services: directions, doctors, treatment plans and NPS.

use super::*;
use crate::metrics::references;

/// What every direction chart starts with: its title, then the directions' names and the height
/// of a chart of one row each; `None` (after a note) when there is no direction.
fn direction_chart_start(ui: &mut egui::Ui, chart: ChartId, kpis: &Kpis, lang: Lang) -> Option<(Vec<String>, f32)> {
    title_ui(ui, chart.title(lang));
    if kpis.directions.is_empty() {
        empty_ui(ui, lang);
        return None;
    }
    let names: Vec<String> = kpis.directions.iter().map(|d| d.direction.clone()).collect();
    let h = chart_height(ui, 110.0 + 40.0 * names.len() as f32);
    Some((names, h))
}

/// A direction's tooltip for the CAC, LTV and LTV:CAC charts.
fn ltv_tip(d: &crate::metrics::DirectionKpis, loc: Locale) -> String {
    format!(
        "{}\nCAC: {}\nLTV: {}\nLTV:CAC: {}",
        d.direction,
        money(d.cac, loc),
        money(d.ltv, loc),
        format::ratio(d.ltv_to_cac, loc.lang)
    )
}

/// Directions: revenue against plan, one row per direction.
pub fn direction_revenue_ui(ui: &mut egui::Ui, kpis: &Kpis, loc: Locale) {
    let lang = loc.lang;
    let Some((names, h)) = direction_chart_start(ui, ChartId::DirRevenue, kpis, lang) else { return };
    let pal = Palette::of(ui);
    let pairs = kpis.directions.iter().map(|d| {
        let tip = format!(
            "{}\n{}: {}\n{}: {}\n{}: {}",
            d.direction,
            tr(lang, K::RevenuePlan),
            money(d.revenue_plan, loc),
            tr(lang, K::Revenue),
            money(d.revenue, loc),
            tr(lang, K::PlanCompletion),
            format::percent(d.plan_completion, lang)
        );
        (d.revenue_plan, Some(d.revenue.unwrap_or(0.0)), tip)
    });
    let series = ((tr(lang, K::RevenuePlan).to_string(), pal.plan), (tr(lang, K::RevenueFact).to_string(), pal.fact));
    money_pairs_ui(ui, "mf_dir_revenue", (names, h), pairs, series, loc);
}

/// Directions: CAC against LTV, one row per direction.
pub fn direction_ltv_ui(ui: &mut egui::Ui, kpis: &Kpis, loc: Locale) {
    let lang = loc.lang;
    let Some((names, h)) = direction_chart_start(ui, ChartId::DirLtv, kpis, lang) else { return };
    let pal = Palette::of(ui);
    let pairs = kpis.directions.iter().map(|d| (d.cac, d.ltv, ltv_tip(d, loc)));
    let series = ((tr(lang, K::ChartCac).to_string(), pal.second), (tr(lang, K::ChartLtv).to_string(), pal.good));
    money_pairs_ui(ui, "mf_dir_ltv", (names, h), pairs, series, loc);
}

/// Directions: LTV:CAC against its reference 3, one row per direction, coloured by status.
pub fn direction_ltv_cac_ui(ui: &mut egui::Ui, kpis: &Kpis, loc: Locale) {
    let lang = loc.lang;
    let Some((names, h)) = direction_chart_start(ui, ChartId::DirLtvCac, kpis, lang) else { return };
    let pal = Palette::of(ui);
    let dirs = &kpis.directions;
    let n = dirs.len();
    let mut ratio = Vec::new();
    for (i, d) in dirs.iter().enumerate() {
        if let Some(v) = d.ltv_to_cac {
            let colour = pal.status(references::ltv_to_cac(v));
            ratio.push(Bar::new(row_y(n, i), v).width(0.6).fill(colour).name(ltv_tip(d, loc)));
        }
    }
    category_plot("mf_dir_ltv_cac", h, names)
        .x_axis_formatter(move |m, _| plain_tick(m.value, lang))
        .x_axis_label(tr(lang, K::LtvToCac))
        .include_x(0.0)
        .include_x(3.5)
        .show(ui, |p| {
            p.bar_chart(solid_bars(tr(lang, K::LtvToCac), ratio, pal.good).horizontal());
            p.vline(
                VLine::new(tr(lang, K::LtvCacRef), references::LTV_TO_CAC_GOOD)
                    .color(pal.reference)
                    .width(2.0)
                    .style(LineStyle::dashed_dense()),
            );
        });
}

/// Doctors: utilisation and primary → repeat conversion per doctor against the 0.5 reference.
pub fn doctors_ui(ui: &mut egui::Ui, kpis: &Kpis, lang: Lang) {
    title_ui(ui, ChartId::Doctors.title(lang));
    let docs = &kpis.doctors;
    if docs.is_empty() {
        empty_ui(ui, lang);
        return;
    }
    let pal = Palette::of(ui);
    let n = docs.len();
    let names: Vec<String> = docs.iter().map(|d| d.doctor.clone()).collect();
    let h = chart_height(ui, 110.0 + 40.0 * n as f32);
    let mut util = Vec::new();
    let mut conv = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let y = row_y(n, i);
        let tip = format!(
            "{}{}\n{}: {}\n{}: {}",
            d.doctor,
            d.direction.as_deref().map(|x| format!(" ({x})")).unwrap_or_default(),
            tr(lang, K::ReportUtilization),
            format::percent(d.utilization, lang),
            tr(lang, K::ChartDoctorConversion),
            format::percent(d.doctor_conversion, lang)
        );
        if let Some(v) = d.utilization {
            util.push(Bar::new(y + 0.18, v).width(0.36).name(tip.clone()));
        }
        if let Some(v) = d.doctor_conversion {
            let colour = match references::doctor_conversion(v) {
                references::Status::Bad => pal.bad,
                references::Status::Good | references::Status::Watch => pal.good,
            };
            conv.push(Bar::new(y - 0.18, v).width(0.36).fill(colour).name(tip));
        }
    }
    category_plot("mf_doctors", h, names.clone())
        .x_axis_formatter(move |m, _| percent_tick(m.value, lang))
        .x_axis_label(tr(lang, K::Percent))
        .include_x(0.0)
        .include_x(1.0)
        .show(ui, |p| {
            p.bar_chart(solid_bars(tr(lang, K::ReportUtilization), util, pal.plan).horizontal());
            p.bar_chart(solid_bars(tr(lang, K::ChartDoctorConversion), conv, pal.good).horizontal());
            p.vline(
                VLine::new(tr(lang, K::ConversionRef), references::DOCTOR_CONVERSION)
                    .color(pal.reference)
                    .width(2.0)
                    .style(LineStyle::dashed_dense()),
            );
        });
}

/// The treatment-plan funnel per doctor: procedures recommended → agreed → performed, with the
/// metrics' rates in the tooltips.
pub fn treatment_plan_ui(ui: &mut egui::Ui, kpis: &Kpis, lang: Lang) {
    title_ui(ui, ChartId::Treatment.title(lang));
    let docs: Vec<_> = kpis.doctors.iter().filter(|d| d.recommended.is_some_and(|r| r > 0.0)).collect();
    if docs.is_empty() {
        empty_ui(ui, lang);
        return;
    }
    let pal = Palette::of(ui);
    let n = docs.len();
    let names: Vec<String> = docs.iter().map(|d| d.doctor.clone()).collect();
    let h = chart_height(ui, 110.0 + 54.0 * n as f32);
    let mut series: [Vec<Bar>; 3] = Default::default();
    for (i, d) in docs.iter().enumerate() {
        let y = row_y(n, i);
        let tip = format!(
            "{}\n{}: {}\n{}: {} ({})\n{}: {} ({}; {} {})",
            d.doctor,
            tr(lang, K::Recommended),
            format::count(d.recommended, lang),
            tr(lang, K::Agreed),
            format::count(d.agreed, lang),
            format::percent(d.plan_agreed_rate, lang),
            tr(lang, K::Performed),
            format::count(d.performed, lang),
            format::percent(d.plan_performed_rate, lang),
            format::percent(d.plan_total_rate, lang),
            tr(lang, K::Recommended).to_lowercase(),
        );
        for (k, (v, off)) in [(d.recommended, 0.25), (d.agreed, 0.0), (d.performed, -0.25)].into_iter().enumerate() {
            if let Some(v) = v {
                series[k].push(Bar::new(y + off, v).width(0.24).name(tip.clone()));
            }
        }
    }
    let [rec, agr, perf] = series;
    category_plot("mf_treatment", h, names)
        .x_axis_formatter(move |m, _| plain_tick(m.value, lang))
        .x_axis_label(tr(lang, K::Procedures))
        .include_x(0.0)
        .show(ui, |p| {
            p.bar_chart(solid_bars(tr(lang, K::Recommended), rec, pal.plan).horizontal());
            p.bar_chart(solid_bars(tr(lang, K::Agreed), agr, pal.second).horizontal());
            p.bar_chart(solid_bars(tr(lang, K::Performed), perf, pal.good).horizontal());
        });
}

/// What both NPS charts start with: `title`, then the rows of `direction` (`None`: all
/// directions together), their periods and the charts' height; `None` (after a note) when there
/// is no row.
fn nps_chart_start<'a>(
    ui: &mut egui::Ui,
    title: &str,
    kpis: &'a Kpis,
    direction: Option<&str>,
    lang: Lang,
) -> Option<(Vec<&'a crate::metrics::NpsKpis>, Vec<String>, f32)> {
    title_ui(ui, title);
    let rows: Vec<_> = kpis.nps.iter().filter(|r| r.direction.as_deref() == direction).collect();
    if rows.is_empty() {
        empty_ui(ui, lang);
        return None;
    }
    let labels: Vec<String> = rows.iter().map(|r| r.period.clone()).collect();
    Some((rows, labels, chart_height(ui, 260.0)))
}

/// A period's NPS tooltip: the score and the answers by group.
fn nps_tip(r: &crate::metrics::NpsKpis, lang: Lang) -> String {
    format!(
        "{}\nNPS: {}\n{}: {}\n{}: {}\n{}: {}\n{}: {}",
        r.period,
        r.nps.map_or_else(|| format::DASH.to_string(), |v| format::number(v, 1, lang)),
        tr(lang, K::Promoters),
        format::count(Some(r.promoters), lang),
        tr(lang, K::Passives),
        format::count(Some(r.passives), lang),
        tr(lang, K::Detractors),
        format::count(Some(r.detractors), lang),
        tr(lang, K::Respondents),
        format::count(Some(r.respondents), lang)
    )
}

/// The NPS chart's title: the chart's and the direction shown.
fn nps_title(direction: Option<&str>, lang: Lang) -> String {
    format!("{} — {}", ChartId::Nps.title(lang), direction.unwrap_or(tr(lang, K::AllDirections)))
}

/// NPS per period for all directions (`direction` = `None`) or one, against the Moscow
/// references.
pub fn nps_ui(ui: &mut egui::Ui, kpis: &Kpis, direction: Option<&str>, lang: Lang) {
    let Some((rows, labels, h)) = nps_chart_start(ui, &nps_title(direction, lang), kpis, direction, lang) else {
        return;
    };
    let pal = Palette::of(ui);
    let n = rows.len();
    let pts: Vec<[f64; 2]> = rows.iter().enumerate().filter_map(|(i, r)| r.nps.map(|v| [i as f64, v])).collect();
    let pt_tips: Vec<String> = rows.iter().filter(|r| r.nps.is_some()).map(|r| nps_tip(r, lang)).collect();
    let name = "NPS";
    base_plot("mf_nps", h)
        .label_formatter(series_tooltip(vec![(name.to_string(), pt_tips)]))
        .x_grid_spacer(category_marks(n))
        .x_axis_formatter(move |m, _| category_at(&labels, m.value))
        .y_axis_formatter(move |m, _| plain_tick(m.value, lang))
        .y_axis_label(tr(lang, K::NpsPoints))
        .include_y(0.0)
        .include_y(80.0)
        .include_x(-0.5)
        .include_x(n as f64 - 0.5)
        .show(ui, |p| {
            p.line(Line::new(name, PlotPoints::new(pts.clone())).color(pal.fact).width(2.5));
            p.points(Points::new(name, PlotPoints::new(pts)).color(pal.fact).radius(4.0).filled(true));
            p.hline(
                HLine::new(tr(lang, K::NpsAverage), references::NPS_MOSCOW_AVERAGE)
                    .color(pal.reference)
                    .style(LineStyle::dashed_dense()),
            );
            p.hline(
                HLine::new(tr(lang, K::NpsBest), references::NPS_BEST).color(pal.good).style(LineStyle::dashed_dense()),
            );
        });
}

/// The answers of each period stacked by group (promoters, passives, detractors), for all
/// directions (`direction` = `None`) or one.
pub fn nps_groups_ui(ui: &mut egui::Ui, kpis: &Kpis, direction: Option<&str>, lang: Lang) {
    let Some((rows, labels, h)) = nps_chart_start(ui, ChartId::NpsGroups.title(lang), kpis, direction, lang) else {
        return;
    };
    let pal = Palette::of(ui);
    let n = rows.len();
    let mut groups: [Vec<Bar>; 3] = Default::default();
    for (i, r) in rows.iter().enumerate() {
        let x = i as f64;
        let tip = nps_tip(r, lang);
        // Stacked from the bottom: detractors, passives, promoters.
        groups[0].push(Bar::new(x, r.detractors).width(0.6).name(tip.clone()));
        groups[1].push(Bar::new(x, r.passives).base_offset(r.detractors).width(0.6).name(tip.clone()));
        groups[2].push(Bar::new(x, r.promoters).base_offset(r.detractors + r.passives).width(0.6).name(tip));
    }
    let [det, pas, pro] = groups;
    let top = rows.iter().map(|r| r.respondents).fold(0.0, f64::max);
    base_plot("mf_nps_groups", h)
        .x_grid_spacer(category_marks(n))
        .x_axis_formatter(move |m, _| category_at(&labels, m.value))
        .y_axis_formatter(move |m, _| plain_tick(m.value, lang))
        .y_axis_label(tr(lang, K::Respondents))
        .include_y(0.0)
        .include_y(headroom(top, 3))
        .show(ui, |p| {
            p.bar_chart(solid_bars(tr(lang, K::Promoters), pro, pal.good));
            p.bar_chart(solid_bars(tr(lang, K::Passives), pas, pal.neutral));
            p.bar_chart(solid_bars(tr(lang, K::Detractors), det, pal.bad));
        });
}
