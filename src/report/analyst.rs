//! The analyst report: the polished workbook a consultant leaves with the clinic (issue 5).
//!
//! Sheets, in order: Summary (KPI cards with status against domain.md's references, the month in
//! progress and its pace, the last full month's bottleneck, the levers that would earn most, the
//! funnel), Months, the month in progress day by day and by ISO week, Channels, Directions,
//! Doctors, NPS, Revenue gaps and Calls; then the ten template sheets with the data used, so that the
//! report is self-contained and imports back to the same project.
//!
//! Every value is written unrounded and rounded only by its number format; an undefined value is
//! a centred «—» text cell, never 0, NaN or infinity. Charts are native Excel charts.

use std::path::Path;

use chrono::Datelike;
use rust_xlsxwriter::{
    Chart, ChartAxisLabelPosition, ChartFormat, ChartLegendPosition, ChartLine, ChartType, ColNum, RowNum, Workbook,
    Worksheet, XlsxError,
};

use super::ReportError;
use super::sheets::{
    Col, HEADER_ROW, Kind, Placed, Status, Styles, V, col, colour_scale, completion_lights, freeze_and_filter,
    gain_scale, new_sheet, write_table, write_value,
};
use super::template::add_template_sheets;
use crate::analysis::headroom::{HeadroomEntry, factor_text, headroom};
use crate::analysis::levers::{Snapshot, apply_scenario};
use crate::analysis::story;
use crate::format::{self, Lang, Locale, Unit};
use crate::i18n::{self, K};
use crate::metrics::aarrr::{LINK_KEYS, Links};
use crate::metrics::figure::{Figure, Figures};
use crate::metrics::references as rules;
use crate::metrics::{self, Factor, Filter, Kpis, MonthKpis};
use crate::model::{Month, Project, Tier};

/// Builds the analyst report of `project` over `filter`'s period in `lang`: the KPI sheets with
/// charts and conditional formats, then the template sheets holding the data used.
///
/// # Errors
/// [`XlsxError::DateTimeRangeError`] for a day outside Excel's 1900–9999 range, and the errors of
/// rust_xlsxwriter for text over 32 767 characters or more than 1 048 575 rows on a sheet.
pub fn report_workbook(project: &Project, filter: &Filter, lang: Lang) -> Result<Workbook, XlsxError> {
    let kpis = metrics::compute(project, filter);
    let st = Styles::new(&project.settings.currency, lang);
    // Under a branch filter every sheet reads the branch's view (its rows, its share of shared
    // spend, the chain's as-of day) and names the branch in its title; the Branches sheet still
    // compares every branch, with the chain's total beside them.
    let view = metrics::scoped(project, filter);
    let inner = Filter { branch: None, ..filter.clone() };
    let branch = view.branch_scope.as_ref().map(|s| s.branch.clone());
    let chain_total = match branch {
        Some(_) => metrics::compute(project, &Filter { branch: None, ..filter.clone() }).total,
        None => kpis.total.clone(),
    };
    let ctx = Ctx {
        project: &view,
        filter: &inner,
        kpis: &kpis,
        lang,
        loc: Locale::new(lang, &project.settings.currency),
        st: &st,
        subtitle: subtitle(project, &kpis, lang),
        branch,
        chain_total: &chain_total,
    };
    let mut wb = Workbook::new();
    summary_sheet(&mut wb, &ctx)?;
    months_sheet(&mut wb, &ctx)?;
    days_sheet(&mut wb, &ctx)?;
    channels_sheet(&mut wb, &ctx)?;
    directions_sheet(&mut wb, &ctx)?;
    doctors_sheet(&mut wb, &ctx)?;
    nps_sheet(&mut wb, &ctx)?;
    gaps_sheet(&mut wb, &ctx)?;
    aarrr_sheet(&mut wb, &ctx)?;
    scenarios_sheet(&mut wb, &ctx)?;
    cohorts_sheet(&mut wb, &ctx)?;
    calls_sheet(&mut wb, &ctx)?;
    branches_sheet(&mut wb, &ctx)?;
    add_template_sheets(&mut wb, project, lang)?;
    Ok(wb)
}

/// Writes the analyst report (see [`report_workbook`]) to `path`, atomically: a crash or a full
/// disk never leaves a half-written file where the user's report was.
///
/// # Errors
/// [`ReportError::Xlsx`] when the workbook cannot be laid out; [`ReportError::Io`] when the
/// folder does not exist or cannot be written, or the rename fails. Both name `path`.
pub fn write_report(project: &Project, filter: &Filter, lang: Lang, path: &Path) -> Result<(), ReportError> {
    let mut workbook = report_workbook(project, filter, lang)
        .map_err(|source| ReportError::Xlsx { path: path.to_path_buf(), source })?;
    super::save_atomically(&mut workbook, path)
}

/// The report's default file name: the clinic, the branch when the report is filtered to one,
/// «отчёт» and the period of `kpis` (as the subtitle reads it), e.g.
/// «Клиника Улыбка — отчёт 2026-01…2026-10.xlsx». Characters no file system accepts (`/\:*?"<>|`,
/// control characters) become spaces, runs of spaces one, and trailing dots and spaces go (Windows
/// drops them silently), so the name is valid on every desktop the app runs on.
pub fn file_name(project: &Project, filter: &Filter, kpis: &Kpis, lang: Lang) -> String {
    let word = crate::i18n::tr(lang, K::ReportFileWord);
    let mut parts: Vec<&str> = Vec::new();
    let clinic = project.settings.clinic.trim();
    if !clinic.is_empty() {
        parts.push(clinic);
    }
    if let Some(b) = crate::model::named_branch(filter.branch.as_deref()) {
        parts.push(b);
    }
    let period = match (kpis.months.first(), kpis.months.last()) {
        (Some(a), Some(b)) if a.month == b.month => format!(" {}", a.month),
        (Some(a), Some(b)) => format!(" {}…{}", a.month, b.month),
        _ => String::new(),
    };
    // Without a clinic the name starts with the word, capitalised as a title.
    let word = if parts.is_empty() { capitalise(word) } else { word.to_string() };
    parts.push(&word);
    let stem = format!("{}{period}", parts.join(" — "));
    format!("{}.xlsx", sanitise_file_stem(&stem))
}

/// `s` with its first letter in upper case («отчёт» → «Отчёт»).
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A file name stem every file system accepts: forbidden characters become spaces, spaces are
/// collapsed, trailing dots and spaces dropped, and the stem cut to 150 characters (well under
/// the 255-byte limit even in Cyrillic, with room for the extension).
fn sanitise_file_stem(stem: &str) -> String {
    let cleaned: String =
        stem.chars().map(|c| if c.is_control() || r#"/\:*?"<>|"#.contains(c) { ' ' } else { c }).collect();
    let mut out = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some((i, _)) = out.char_indices().nth(150) {
        out.truncate(i);
    }
    let out = out.trim_end_matches(['.', ' ']);
    if out.is_empty() { "report".to_string() } else { out.to_string() }
}

/// What every sheet writer needs.
struct Ctx<'a> {
    project: &'a Project,
    filter: &'a Filter,
    kpis: &'a Kpis,
    lang: Lang,
    /// The language with the clinic's currency sign, for money written into sentences.
    loc: Locale,
    st: &'a Styles,
    subtitle: String,
    /// The branch the report is filtered to.
    branch: Option<String>,
    /// The whole chain's totals (the Branches sheet's last row).
    chain_total: &'a metrics::Totals,
}

impl Ctx<'_> {
    fn t(&self, t: K) -> &'static str {
        t.get(self.lang)
    }

    fn col(&self, t: K, width: f64, kind: Kind) -> Col {
        col(self.t(t), width, kind)
    }

    fn sheet<'w>(&self, wb: &'w mut Workbook, name: K, title: &str) -> Result<&'w mut Worksheet, XlsxError> {
        let title = match &self.branch {
            Some(b) => format!("{title} · {}: {b}", self.t(K::BranchOf)),
            None => title.to_string(),
        };
        let ws = new_sheet(wb, self.st, self.t(name), &title, &self.subtitle)?;
        // Printed pages say whose and which period they are: clinic and period left, page right
        // (`&` is the footer's control character, so a clinic's own `&` is doubled).
        ws.set_header_footer_scale_with_doc(false);
        ws.set_footer(format!("&L{}&R{}", self.subtitle.replace('&', "&&"), self.t(K::PageOf)));
        Ok(ws)
    }
}

/// «Clinic · Period: 2025-09 – 2026-11».
fn subtitle(project: &Project, kpis: &Kpis, lang: Lang) -> String {
    let period = match (kpis.months.first(), kpis.months.last()) {
        (Some(a), Some(b)) => format!("{}: {} – {}", K::Period.get(lang), a.month, b.month),
        _ => K::NoData.get(lang).to_string(),
    };
    if project.settings.clinic.is_empty() { period } else { format!("{} · {period}", project.settings.clinic) }
}

fn num(x: Option<f64>) -> V {
    V::Num(x)
}

/// A figure's cell: its value (or «—» when undefined), empty where the row has no such figure.
fn figure_cell(row: &impl Figures, f: Figure) -> V {
    if row.holds(f) { num(row.figure(f)) } else { V::Empty }
}

/// A table row: its label cells, then `figures` read off `row`.
fn figure_row<const N: usize>(labels: [V; N], row: &impl Figures, figures: &[Figure]) -> Vec<V> {
    labels.into_iter().chain(figures.iter().map(|&f| figure_cell(row, f))).collect()
}

/// Where `f` stands among `figures` (a colour scale or a chart reads that column).
fn figure_index(figures: &[Figure], f: Figure) -> usize {
    figures.iter().position(|&x| x == f).unwrap_or_else(|| unreachable!("{f:?} is not in the table"))
}

/// A table's columns: its label columns, then one per figure with its full name, a width that fits
/// the header, and the format of its unit.
fn figure_cols(c: &Ctx, labels: Vec<Col>, figures: &[Figure]) -> Vec<Col> {
    let cols = figures.iter().map(|&f| c.col(i18n::figure(f), figure_width(f), kind_of(f.unit())));
    labels.into_iter().chain(cols).collect()
}

/// The report's number format for a unit.
fn kind_of(u: Unit) -> Kind {
    match u {
        Unit::Money => Kind::Money,
        Unit::Rate => Kind::Rate,
        Unit::Count => Kind::Count,
        Unit::Ratio => Kind::Ratio,
        Unit::Points => Kind::Decimal,
    }
}

/// A figure's column width in Excel character units (the headers wrap onto two lines).
fn figure_width(f: Figure) -> f64 {
    use Figure::*;
    match f {
        Roas | Nps => 8.0,
        Leads | Paid | LtvToCac => 9.0,
        Cpl | AvgCheck => 10.0,
        Cac | Visits | Bookings | Ltv | ReturningLeads | Contacts | Romi => 11.0,
        PlanCompletion | CompletionToDate | BudgetExecution | MarketingShare | BookingRate | PaidRate
        | RevenuePerPaid | AnswerRate | RepeatShare | ReferralShare => 12.0,
        ShowRate | BudgetPlan | Spend => 13.0,
        RevenuePlan | Revenue | PlanToDate | Forecast | AttributedRevenue | GrossProfit | RequiredPace => 14.0,
        Margin => 16.0,
        AttributedGrossProfit => 17.0,
    }
}

fn row_of(i: usize) -> RowNum {
    // Report tables are far below Excel's row limit: months, channels, doctors, NPS periods.
    RowNum::try_from(i).unwrap_or(RowNum::MAX)
}

/// A chart range on `sheet`: rows `r1..=r2` of column `c`.
fn range(sheet: &str, r1: RowNum, r2: RowNum, c: ColNum) -> (&str, RowNum, ColNum, RowNum, ColNum) {
    (sheet, r1, c, r2, c)
}

fn chart_title(chart: &mut Chart, title: &str) {
    chart.title().set_name(title);
    chart.legend().set_position(ChartLegendPosition::Bottom);
}

/// A column chart of money under table `t` of sheet `name`: one series per `(table column, name)`,
/// the table's first column as categories (plan beside fact, by month or by branch).
fn plan_fact_chart(
    ws: &mut Worksheet,
    name: &str,
    t: &Placed,
    series: [(usize, &str); 2],
    title: &str,
    width: u32,
) -> Result<(), XlsxError> {
    if !t.has_rows() {
        return Ok(());
    }
    let mut chart = Chart::new(ChartType::Column);
    for (ci, label) in series {
        chart.add_series().set_name(label).set_categories(range(name, t.first, t.last, t.col(0))).set_values(range(
            name,
            t.first,
            t.last,
            t.col(ci),
        ));
    }
    chart_title(&mut chart, title);
    chart.y_axis().set_num_format("#,##0");
    chart.set_width(width).set_height(360);
    ws.insert_chart(t.end() + 2, 0, &chart)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Summary

/// A KPI card: label, value, plan or reference, status.
struct Card {
    label: String,
    value: Option<f64>,
    kind: Kind,
    reference: V,
    reference_kind: Kind,
    status: Option<Status>,
}

fn card(label: &str, value: Option<f64>, kind: Kind) -> Card {
    Card { label: label.to_string(), value, kind, reference: V::Empty, reference_kind: Kind::Text, status: None }
}

impl Card {
    fn against(mut self, reference: V, kind: Kind, status: Option<Status>) -> Self {
        self.reference = reference;
        self.reference_kind = kind;
        self.status = status;
        self
    }
}

fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b != 0.0 => Some(a / b).filter(|x| x.is_finite()),
        _ => None,
    }
}

/// Σ leads_plan of the whole-clinic Plan rows in the period (`None` when no row has one).
fn leads_plan(project: &Project, filter: &Filter) -> Option<f64> {
    let rows =
        project.plan.iter().filter(|r| r.direction.is_none() && filter.has_month(r.month)).filter_map(|r| r.leads_plan);
    rows.fold(None, |acc, x| Some(acc.unwrap_or(0.0) + x))
}

fn cards(c: &Ctx) -> Vec<Card> {
    let k = &c.kpis.total.kpis;
    let tiers = &c.kpis.total.tier_share;
    let pct = |s: &str| V::Text(s.to_string());
    let mut out = vec![
        // "Are we on plan so far": revenue against the plan fallen due by the as-of day.
        card(c.t(K::Revenue), k.revenue, Kind::Money).against(
            num(k.plan_to_date),
            Kind::Money,
            rules::rated(k.completion_to_date, rules::completion),
        ),
        card(c.t(K::CompletionToDate), k.completion_to_date, Kind::Rate).against(
            V::Num(Some(1.0)),
            Kind::Rate,
            rules::rated(k.completion_to_date, rules::completion),
        ),
        card(c.t(K::RevenuePlan), k.revenue_plan, Kind::Money),
        card(c.t(K::PlanCompletionWhole), k.plan_completion, Kind::Rate),
    ];
    if let Some(p) = &c.kpis.progress {
        out.push(card(&format!("{} ({})", c.t(K::ReportCardForecast), p.month), p.forecast, Kind::Money).against(
            V::Num(Some(p.revenue_plan)),
            Kind::Money,
            rules::rated(ratio(p.forecast, Some(p.revenue_plan)), rules::completion),
        ));
    }
    let lp = leads_plan(c.project, c.filter);
    out.extend([
        card(c.t(K::GrossProfit), k.gross_profit, Kind::Money),
        card(c.t(K::Spend), k.spend, Kind::Money).against(
            num(k.budget_plan),
            Kind::Money,
            rules::rated(k.budget_execution, rules::execution),
        ),
        card(c.t(K::MarketingShare), k.marketing_share, Kind::Rate).against(
            pct(c.t(K::RefShare)),
            Kind::Text,
            rules::rated(k.marketing_share, rules::marketing_share),
        ),
        card(c.t(K::Leads), k.leads, Kind::Count).against(
            lp.map_or(V::Empty, |x| V::Num(Some(x))),
            Kind::Count,
            rules::rated(ratio(k.leads, lp), rules::completion),
        ),
        card(c.t(K::Visits), k.visits, Kind::Count),
        card(c.t(K::Cpl), k.cpl, Kind::Money),
        card(c.t(K::Cac), k.cac, Kind::Money),
        card(c.t(K::Roas), k.roas, Kind::Ratio).against(
            V::Num(Some(3.0)),
            Kind::Ratio,
            rules::rated(k.roas, rules::roas),
        ),
        card(c.t(K::Romi), k.romi, Kind::Rate).against(
            V::Num(Some(0.0)),
            Kind::Rate,
            rules::rated(k.romi, rules::romi),
        ),
    ]);
    // The phone before the lead, when the clinic has calls: the answer rate against its target,
    // and the lost contacts with the money they leave on the phone.
    if k.contacts.is_some_and(|n| n > 0.0) {
        let target = c.project.settings.answer_rate_target;
        let status = k.answer_rate.map(|a| {
            if a >= target {
                Status::Good
            } else if a >= target - 0.1 {
                Status::Watch
            } else {
                Status::Bad
            }
        });
        out.push(card(c.t(K::AnswerRate), k.answer_rate, Kind::Rate).against(V::Num(Some(target)), Kind::Rate, status));
        out.push(card(c.t(K::CardLostContacts), k.lost, Kind::Count));
        out.push(card(c.t(K::LostRevenue), k.lost_revenue, Kind::Money));
    }
    let ltv_cac = c.kpis.total.ltv_to_cac;
    out.push(card(c.t(K::LtvToCac), ltv_cac, Kind::Ratio).against(
        V::Num(Some(3.0)),
        Kind::Ratio,
        rules::rated(ltv_cac, rules::ltv_to_cac),
    ));
    if let Some(n) = c.kpis.nps.iter().rev().find(|n| n.direction.is_none()) {
        out.push(card(&format!("{} ({})", c.t(K::ReportCardNps), n.period), n.nps, Kind::Decimal).against(
            pct(c.t(K::ReportRefNps)),
            Kind::Text,
            rules::rated(n.nps, rules::nps),
        ));
    }
    for (t, share, label) in [
        (Tier::Proven, tiers.proven, K::CardProven),
        (Tier::Scaling, tiers.scaling, K::CardScaling),
        (Tier::Experiment, tiers.experiment, K::CardExperiment),
    ] {
        let reference = t.reference_share();
        out.push(card(c.t(label), share, Kind::Rate).against(
            V::Num(Some(reference)),
            Kind::Rate,
            share.filter(|x| x.is_finite()).map(|x| rules::tier_share(x, reference)),
        ));
    }
    out
}

/// How many headroom levers the Summary lists.
const SUMMARY_LEVERS: usize = 5;

/// The five levers with the most headroom (`analysis::headroom`: the gain a month of bringing a
/// factor back to the clinic's own best 3 months), best first. Empty when there is no ranking
/// (fewer than 3 complete months), so the report still builds.
pub fn top_levers(project: &Project, filter: &Filter) -> Vec<HeadroomEntry> {
    let mut entries = headroom(project, filter.branch.as_deref()).entries;
    entries.truncate(SUMMARY_LEVERS);
    entries
}

/// The pace sentence of the month in progress, with money as the report's language writes it.
pub fn pace_sentence(progress: &metrics::Progress, loc: Locale) -> String {
    let lang = loc.lang;
    let so_far = format::money(progress.current_pace, loc);
    match progress.required_pace {
        Some(x) if x > 0.0 => {
            K::PaceSentence.get(lang).replace("{X}", &format::money(Some(x), loc)).replace("{Y}", &so_far)
        }
        Some(_) => K::PlanAlreadyMade.get(lang).replace("{Y}", &so_far),
        None => K::NoDaysLeft.get(lang).to_string(),
    }
}

fn summary_sheet(wb: &mut Workbook, c: &Ctx) -> Result<(), XlsxError> {
    let st = c.st;
    let clinic = &c.project.settings.clinic;
    let title = if clinic.is_empty() { c.t(K::Report).to_string() } else { format!("{}: {clinic}", c.t(K::Report)) };
    let ws = c.sheet(wb, K::SheetSummary, &title)?;
    // The sheet opens with the story's title sentences, in the order the meeting tells them: one
    // wrapped cell across the cards, so every table keeps its header in row 4.
    let story = story::story(c.project, c.filter, c.kpis);
    let titles = crate::i18n::story::titles(&story, Locale::new(c.lang, &c.project.settings.currency));
    let lines: Vec<String> = std::iter::once(c.t(K::StoryTitle).to_string())
        .chain(titles.iter().enumerate().map(|(i, (_, s))| format!("{}. {s}", i + 1)))
        .collect();
    let wrap = rust_xlsxwriter::Format::new()
        .set_text_wrap()
        .set_bold()
        .set_align(rust_xlsxwriter::FormatAlign::Top)
        .set_font_size(11);
    ws.merge_range(2, 0, 2, 7, &lines.join("\n"), &wrap)?;
    ws.set_row_height(2, 16.0 * lines.len() as f64 + 6.0)?;

    // KPI cards: a table with one number format per row.
    let header = [K::Indicator, K::Value, K::PlanOrReference, K::Status];
    for (i, (h, w)) in header.iter().zip([40.0, 18.0, 24.0, 16.0]).enumerate() {
        ws.write_string_with_format(HEADER_ROW, i as ColNum, c.t(*h), &st.header)?;
        ws.set_column_width(i as ColNum, w)?;
    }
    let cards = cards(c);
    let mut r = HEADER_ROW + 1;
    for cd in &cards {
        ws.write_string_with_format(r, 0, &cd.label, &st.text)?;
        write_value(ws, st, r, 1, &V::Num(cd.value), cd.kind, false)?;
        match &cd.reference {
            // A range such as «4–10 %» sits where the numbers are, on the right.
            V::Text(s) => ws.write_string_with_format(r, 2, s, &st.text_right).map(|_| ())?,
            v => write_value(ws, st, r, 2, v, cd.reference_kind, false)?,
        }
        if let Some(s) = cd.status {
            let word = match s {
                Status::Good => K::Good,
                Status::Watch => K::Watch,
                Status::Bad => K::Bad,
            };
            ws.write_string_with_format(r, 3, c.t(word), st.status(s))?;
        }
        r += 1;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;

    // The month in progress and its pace.
    r += 1;
    ws.write_string_with_format(r, 0, c.t(K::SheetDays), &st.section)?;
    r += 1;
    match &c.kpis.progress {
        Some(p) => {
            let lines = [
                (format!("{} ({})", c.t(K::RevenueToDate), date_text(p.last_day, c.lang)), Some(p.revenue_to_date)),
                (format!("{} ({})", c.t(K::ReportPlanOfMonth), p.month), Some(p.revenue_plan)),
                (c.t(K::Forecast).to_string(), p.forecast),
            ];
            for (label, v) in lines {
                ws.write_string_with_format(r, 0, &label, &st.text)?;
                write_value(ws, st, r, 1, &V::Num(v), Kind::Money, false)?;
                r += 1;
            }
            ws.write_string_with_format(r, 0, pace_sentence(p, c.loc), &st.bold)?;
        }
        None => {
            ws.write_string_with_format(r, 0, c.t(K::NoProgress), &st.note)?;
        }
    }
    r += 2;

    // The bottleneck of the last full month, with its owner.
    let gap = story::last_full_month_gap(c.kpis);
    match gap {
        Some(g) => {
            ws.write_string_with_format(r, 0, format!("{} ({})", c.t(K::BottleneckOf), g.month), &st.section)?;
            r += 1;
            match (g.bottleneck, g.owner) {
                (Some(b), Some(o)) => {
                    ws.write_string_with_format(r, 0, c.t(K::Stage), &st.text)?;
                    ws.write_string_with_format(r, 1, c.t(i18n::factor(b)), &st.bold)?;
                    r += 1;
                    ws.write_string_with_format(r, 0, c.t(K::LostAgainstPlan), &st.text)?;
                    write_value(ws, st, r, 1, &V::Num(g.contributions.get(b)), Kind::Money, false)?;
                    r += 1;
                    ws.write_string_with_format(r, 0, c.t(K::Owner), &st.text)?;
                    ws.write_string_with_format(r, 1, c.t(i18n::owner(o)), &st.bold)?;
                }
                _ => {
                    ws.write_string_with_format(r, 0, c.t(K::ReportNoBottleneck), &st.note)?;
                }
            }
        }
        None => {
            ws.write_string_with_format(r, 0, c.t(K::BottleneckOf), &st.section)?;
            r += 1;
            ws.write_string_with_format(r, 0, c.t(K::NoGap), &st.note)?;
        }
    }
    r += 2;

    // The levers.
    ws.write_string_with_format(r, 0, c.t(K::LeversTitle), &st.section)?;
    r += 1;
    let cols = [
        c.col(K::Lever, 40.0, Kind::Text),
        c.col(K::Owner, 18.0, Kind::Text),
        c.col(K::NowToBest, 22.0, Kind::Text),
        c.col(K::ProfitPerMonth, 16.0, Kind::Money),
    ];
    let rows: Vec<Vec<V>> = top_levers(c.project, c.filter)
        .iter()
        .map(|e| {
            let factor = e.lever.factor().map_or(e.lever.key(), |f| c.t(i18n::factor(f)));
            let name = match &e.direction {
                Some(d) => format!("{factor} — {d}"),
                None => format!("{factor} — {}", c.t(K::WholeClinic)),
            };
            let now_to_best = format!(
                "{} → {} ({} – {})",
                factor_text(e.lever, e.current, c.loc),
                factor_text(e.lever, e.target, c.loc),
                e.window_first,
                e.window_last
            );
            vec![
                V::Text(name),
                V::Text(c.t(i18n::owner(e.owner)).to_string()),
                V::Text(now_to_best),
                V::Num(Some(e.profit_gain)),
            ]
        })
        .collect();
    ws.write_string_with_format(r, 0, c.t(K::Lever), &st.header)?;
    for (i, cl) in cols.iter().enumerate() {
        ws.write_string_with_format(r, i as ColNum, &cl.label, &st.header)?;
    }
    for (i, row) in rows.iter().enumerate() {
        for (j, (v, cl)) in row.iter().zip(&cols).enumerate() {
            write_value(ws, st, r + 1 + row_of(i), j as ColNum, v, cl.kind, false)?;
        }
    }
    ws.write_string_with_format(r + 2 + row_of(rows.len()), 0, c.t(K::TemplateNote), &st.note)?;

    // The funnel of the period, beside the cards, with its chart.
    let k = &c.kpis.total.kpis;
    let funnel_cols = [
        c.col(K::Stage, 24.0, Kind::Text),
        c.col(K::Count, 12.0, Kind::Count),
        c.col(K::ConversionFromPrevious, 16.0, Kind::Rate),
    ];
    let funnel_rows = vec![
        vec![V::Text(c.t(K::Leads).into()), num(k.leads), V::Empty],
        vec![V::Text(c.t(K::Bookings).into()), num(k.bookings), num(k.booking_rate)],
        vec![V::Text(c.t(K::Visits).into()), num(k.visits), num(k.show_rate)],
        vec![V::Text(c.t(K::Paid).into()), num(k.paid), num(k.paid_rate)],
    ];
    ws.set_column_width(4, 3)?;
    let t = write_table(ws, st, HEADER_ROW, 5, &funnel_cols, &funnel_rows, None)?;
    let name = c.t(K::SheetSummary);
    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_name(c.t(K::Count))
        .set_categories(range(name, t.first, t.last, t.col(0)))
        .set_values(range(name, t.first, t.last, t.col(1)));
    chart_title(&mut chart, c.t(K::ChartFunnel));
    chart.legend().set_hidden();
    // Leads at the top, paid at the bottom: the way a funnel reads. (In a bar chart the category
    // axis is the vertical one, which rust_xlsxwriter calls the y axis.)
    chart.y_axis().set_reverse();
    chart.set_width(620).set_height(300);
    ws.insert_chart(t.end() + 2, 5, &chart)?;
    Ok(())
}

fn date_text(d: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ru => d.format("%d.%m.%Y").to_string(),
        Lang::En | Lang::Zh => d.format("%Y-%m-%d").to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Months

/// The Months sheet's figures after the month, in order (the same row for the Total).
const MONTH_FIGURES: [Figure; 27] = {
    use Figure::*;
    [
        RevenuePlan,
        Revenue,
        PlanCompletion,
        PlanToDate,
        CompletionToDate,
        Forecast,
        BudgetPlan,
        Spend,
        BudgetExecution,
        MarketingShare,
        Leads,
        Bookings,
        Visits,
        Paid,
        BookingRate,
        ShowRate,
        PaidRate,
        AttributedRevenue,
        Cpl,
        Cac,
        RevenuePerPaid,
        AvgCheck,
        GrossProfit,
        AttributedGrossProfit,
        Roas,
        Romi,
        RequiredPace,
    ]
};

fn month_row(c: &Ctx, label: V, m: &MonthKpis, is_total: bool) -> Vec<V> {
    let in_progress = !is_total && c.kpis.progress.as_ref().is_some_and(|p| p.month == m.month);
    // Only the month in progress has a forecast and a pace; elsewhere the cell is left empty.
    let progress_only = |f: Figure| in_progress || !matches!(f, Figure::Forecast | Figure::RequiredPace);
    std::iter::once(label)
        .chain(MONTH_FIGURES.iter().map(|&f| if progress_only(f) { figure_cell(m, f) } else { V::Empty }))
        .collect()
}

fn months_sheet(wb: &mut Workbook, c: &Ctx) -> Result<(), XlsxError> {
    let cols = figure_cols(c, vec![c.col(K::Month, 10.0, Kind::Text)], &MONTH_FIGURES);
    let ws = c.sheet(wb, K::SheetMonths, c.t(K::TitleMonths))?;
    let rows: Vec<Vec<V>> =
        c.kpis.months.iter().map(|m| month_row(c, V::Text(m.month.to_string()), m, false)).collect();
    let total = month_row(c, V::Text(c.t(K::Total).into()), &c.kpis.total.kpis, true);
    let t = write_table(ws, c.st, HEADER_ROW, 0, &cols, &rows, Some(&total))?;
    freeze_and_filter(ws, &t, cols.len(), 1)?;
    let at = |f| t.col(1 + figure_index(&MONTH_FIGURES, f));
    completion_lights(ws, t.first, t.end(), at(Figure::PlanCompletion))?;
    completion_lights(ws, t.first, t.end(), at(Figure::CompletionToDate))?;
    colour_scale(ws, (t.first, t.end(), at(Figure::Romi)), -0.5, 0.0, 1.0)?;
    let series = [(1, c.t(K::RevenuePlan)), (2, c.t(K::Revenue))];
    plan_fact_chart(ws, c.t(K::SheetMonths), &t, series, c.t(K::ChartPlanFact), 960)
}

// ---------------------------------------------------------------------------------------------
// The month in progress, day by day and by ISO week

fn days_sheet(wb: &mut Workbook, c: &Ctx) -> Result<(), XlsxError> {
    use Kind::{Date, Decimal, Money, Rate, Text};
    let progress = c.kpis.progress.as_ref();
    let month: Option<Month> = progress.map(|p| p.month).or_else(|| {
        let rows = c
            .project
            .revenue
            .iter()
            .filter(|r| c.filter.direction.as_deref().is_none_or(|d| r.direction.as_deref() == Some(d)));
        rows.map(|r| r.date).max().map(Month::of)
    });
    let title = match (progress, month) {
        (Some(p), _) => {
            format!("{}: {}, {} {}", c.t(K::SheetDays), p.month, c.t(K::DataUpTo), date_text(p.last_day, c.lang))
        }
        (None, Some(m)) => format!("{}: {m}", c.t(K::TitleDaysComplete)),
        (None, None) => c.t(K::NoData).to_string(),
    };
    let ws = c.sheet(wb, K::SheetDays, &title)?;
    let Some(month) = month else { return Ok(()) };
    if let Some(p) = progress {
        ws.write_string_with_format(2, 0, pace_sentence(p, c.loc), &c.st.bold)?;
    }
    let cal = metrics::month_calendar(c.project, month, c.filter);
    let last_day = progress.map(|p| p.last_day);
    let pace = progress.and_then(|p| p.current_pace);
    let cols = vec![
        c.col(K::Date, 12.0, Date),
        c.col(K::Weekday, 9.0, Text),
        c.col(K::Weight, 8.0, Decimal),
        c.col(K::DayPlan, 13.0, Money),
        c.col(K::Fact, 13.0, Money),
        c.col(K::CumulativePlan, 14.0, Money),
        c.col(K::CumulativeFact, 14.0, Money),
        c.col(K::CumulativeForecast, 14.0, Money),
    ];
    let (mut cum_plan, mut cum_fact, mut weight_after) = (Some(0.0), 0.0, 0.0);
    let mut rows = Vec::with_capacity(cal.days.len());
    for d in &cal.days {
        let future = last_day.is_some_and(|l| d.date > l);
        cum_plan = cum_plan.zip(d.plan).map(|(a, b)| a + b);
        if !future {
            cum_fact += d.fact;
        } else {
            weight_after += d.weight;
        }
        let forecast = match last_day {
            Some(l) if d.date == l => V::Num(Some(cum_fact)),
            Some(_) if future => pace.map_or(V::Empty, |p| V::Num(Some(cum_fact + p * weight_after))),
            _ => V::Empty,
        };
        let weekday = i18n::WEEKDAYS[d.date.weekday().num_days_from_monday() as usize];
        rows.push(vec![
            V::Date(d.date),
            V::Text(c.t(weekday).into()),
            V::Num(Some(d.weight)),
            num(d.plan),
            if future { V::Empty } else { V::Num(Some(d.fact)) },
            num(cum_plan),
            if future { V::Empty } else { V::Num(Some(cum_fact)) },
            forecast,
        ]);
    }
    let t = write_table(ws, c.st, HEADER_ROW, 0, &cols, &rows, None)?;
    freeze_and_filter(ws, &t, cols.len(), 0)?;

    // ISO weeks, split at the month's edges.
    let wcols = vec![
        c.col(K::IsoWeek, 11.0, Text),
        c.col(K::From, 12.0, Date),
        c.col(K::To, 12.0, Date),
        c.col(K::WeekPlan, 14.0, Money),
        c.col(K::Fact, 14.0, Money),
        c.col(K::Completion, 12.0, Rate),
    ];
    let wrows: Vec<Vec<V>> = cal
        .weeks
        .iter()
        .map(|w| {
            let started = last_day.is_none_or(|l| w.from <= l);
            vec![
                V::Text(format!("{}-W{:02}", w.iso_year, w.week)),
                V::Date(w.from),
                V::Date(w.to),
                num(w.plan),
                if started { V::Num(Some(w.fact)) } else { V::Empty },
                if started { num(ratio(Some(w.fact), w.plan)) } else { V::Empty },
            ]
        })
        .collect();
    ws.set_column_width(8, 3)?;
    let wt = write_table(ws, c.st, HEADER_ROW, 9, &wcols, &wrows, None)?;
    completion_lights(ws, wt.first, wt.last, wt.col(5))?;

    let name = c.t(K::SheetDays);
    let mut chart = Chart::new(ChartType::Line);
    for (ci, label) in [(5, K::CumulativePlan), (6, K::CumulativeFact), (7, K::CumulativeForecast)] {
        chart
            .add_series()
            .set_name(c.t(label))
            .set_categories(range(name, t.first, t.last, t.col(0)))
            .set_values(range(name, t.first, t.last, t.col(ci)));
    }
    chart_title(&mut chart, c.t(K::ChartCumulative));
    chart.x_axis().set_num_format("dd.mm");
    chart.y_axis().set_num_format("#,##0");
    chart.set_width(760).set_height(380);
    ws.insert_chart(wt.end() + 2, 9, &chart)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Channels, directions, doctors

/// The Channels sheet's figures after the channel and its tier.
const CHANNEL_FIGURES: [Figure; 17] = {
    use Figure::*;
    [
        BudgetPlan,
        Spend,
        Leads,
        Bookings,
        Visits,
        Paid,
        BookingRate,
        ShowRate,
        PaidRate,
        AttributedRevenue,
        Cpl,
        Cac,
        RevenuePerPaid,
        AttributedGrossProfit,
        Roas,
        Romi,
        ReturningLeads,
    ]
};

fn channels_sheet(wb: &mut Workbook, c: &Ctx) -> Result<(), XlsxError> {
    let labels = vec![c.col(K::Channel, 24.0, Kind::Text), c.col(K::Tier, 15.0, Kind::Text)];
    let cols = figure_cols(c, labels, &CHANNEL_FIGURES);
    let ws = c.sheet(wb, K::SheetChannels, c.t(K::TitleChannels))?;
    let rows: Vec<Vec<V>> = c
        .kpis
        .channels
        .iter()
        .map(|k| {
            let labels = [V::Text(k.channel.clone()), V::Text(c.t(i18n::tier(k.tier)).into())];
            figure_row(labels, k, &CHANNEL_FIGURES)
        })
        .collect();
    let mut total = figure_row([V::Text(c.t(K::Total).into()), V::Empty], &c.kpis.total.kpis, &CHANNEL_FIGURES);
    // The period's totals have no returning leads of their own: the Total row sums the channels'.
    let returning: f64 = c.kpis.channels.iter().filter_map(|k| k.returning_leads).sum();
    if let Some(cell) = total.last_mut() {
        *cell = V::Num(Some(returning));
    }
    let p = write_table(ws, c.st, HEADER_ROW, 0, &cols, &rows, Some(&total))?;
    freeze_and_filter(ws, &p, cols.len(), 1)?;
    let at = |f| p.col(2 + figure_index(&CHANNEL_FIGURES, f));
    colour_scale(ws, (p.first, p.end(), at(Figure::Romi)), -0.5, 0.0, 1.0)?;
    colour_scale(ws, (p.first, p.end(), at(Figure::Roas)), 1.0, 3.0, 5.0)?;
    if p.has_rows() {
        let name = c.t(K::SheetChannels);
        let mut chart = Chart::new(ChartType::Bar);
        chart
            .add_series()
            .set_name(c.t(K::Romi))
            .set_categories(range(name, p.first, p.last, p.col(0)))
            .set_values(range(name, p.first, p.last, at(Figure::Romi)))
            .set_invert_if_negative();
        chart_title(&mut chart, c.t(K::ChartRomi));
        chart.legend().set_hidden();
        // Channels top-down in table order; names at the left edge, clear of negative bars.
        chart.y_axis().set_reverse().set_label_position(ChartAxisLabelPosition::Low);
        chart.x_axis().set_num_format("0%");
        chart.set_width(760).set_height(40 * (p.last - p.first + 1).max(6) + 80);
        ws.insert_chart(p.end() + 2, 0, &chart)?;
    }
    Ok(())
}

/// The Branches sheet's figures after the branch.
const BRANCH_FIGURES: [Figure; 17] = {
    use Figure::*;
    [
        RevenuePlan,
        Revenue,
        PlanCompletion,
        PlanToDate,
        CompletionToDate,
        Spend,
        Leads,
        Visits,
        Paid,
        AttributedRevenue,
        Cpl,
        Cac,
        Romi,
        AvgCheck,
        Contacts,
        AnswerRate,
        Nps,
    ]
};

/// The branches side by side (only for a chain): plan and fact to date, spend with the shared
/// campaigns' share, the funnel's money ratios, calls and NPS, the whole chain last; a chart of plan
/// and fact to date per branch.
fn branches_sheet(wb: &mut Workbook, c: &Ctx) -> Result<(), XlsxError> {
    if c.kpis.branches.is_empty() {
        return Ok(());
    }
    let cols = figure_cols(c, vec![c.col(K::BranchOf, 20.0, Kind::Text)], &BRANCH_FIGURES);
    // The Branches sheet compares the whole chain; its title never names one branch.
    let ws = new_sheet(wb, c.st, c.t(K::SheetBranches), c.t(K::TitleBranches), &c.subtitle)?;
    let rows: Vec<Vec<V>> =
        c.kpis.branches.iter().map(|b| figure_row([V::Text(b.branch.clone())], b, &BRANCH_FIGURES)).collect();
    // The chain's NPS over every answer is on the NPS sheet: a month's figures have none, so the
    // chain's row leaves it blank.
    let total = figure_row([V::Text(c.t(K::ChainTotal).into())], &c.chain_total.kpis, &BRANCH_FIGURES);
    let p = write_table(ws, c.st, HEADER_ROW, 0, &cols, &rows, Some(&total))?;
    freeze_and_filter(ws, &p, cols.len(), 1)?;
    let at = |f| 1 + figure_index(&BRANCH_FIGURES, f);
    completion_lights(ws, p.first, p.end(), p.col(at(Figure::CompletionToDate)))?;
    colour_scale(ws, (p.first, p.end(), p.col(at(Figure::Romi))), -0.5, 0.0, 1.0)?;
    let series = [(at(Figure::PlanToDate), c.t(K::PlanToDate)), (at(Figure::Revenue), c.t(K::Revenue))];
    plan_fact_chart(ws, c.t(K::SheetBranches), &p, series, c.t(K::ChartBranches), 760)
}

/// The Directions sheet's figures after the direction.
const DIRECTION_FIGURES: [Figure; 22] = {
    use Figure::*;
    [
        Margin,
        RevenuePlan,
        Revenue,
        PlanCompletion,
        Spend,
        Leads,
        Visits,
        AttributedRevenue,
        Cac,
        AvgCheck,
        Ltv,
        LtvToCac,
        Bookings,
        Paid,
        BookingRate,
        ShowRate,
        PaidRate,
        Cpl,
        RevenuePerPaid,
        AttributedGrossProfit,
        Roas,
        Romi,
    ]
};

fn directions_sheet(wb: &mut Workbook, c: &Ctx) -> Result<(), XlsxError> {
    let cols = figure_cols(c, vec![c.col(K::Direction, 22.0, Kind::Text)], &DIRECTION_FIGURES);
    let ws = c.sheet(wb, K::SheetDirections, c.t(K::TitleDirections))?;
    let rows: Vec<Vec<V>> =
        c.kpis.directions.iter().map(|d| figure_row([V::Text(d.direction.clone())], d, &DIRECTION_FIGURES)).collect();
    let t = write_table(ws, c.st, HEADER_ROW, 0, &cols, &rows, None)?;
    freeze_and_filter(ws, &t, cols.len(), 1)?;
    let at = |f| t.col(1 + figure_index(&DIRECTION_FIGURES, f));
    completion_lights(ws, t.first, t.last, at(Figure::PlanCompletion))?;
    colour_scale(ws, (t.first, t.last, at(Figure::LtvToCac)), 1.0, 3.0, 5.0)?;
    // Which direction pays back on its allocated spend: the references' bands (ROAS 3 good, 2
    // watch; ROMI 0 break-even, −10 % watch).
    colour_scale(ws, (t.first, t.last, at(Figure::Roas)), 2.0, 2.5, 3.0)?;
    colour_scale(ws, (t.first, t.last, at(Figure::Romi)), -0.1, -0.05, 0.0)?;
    Ok(())
}

fn doctors_sheet(wb: &mut Workbook, c: &Ctx) -> Result<(), XlsxError> {
    use Kind::{Count, Decimal, Money, Rate, Text};
    let cols = vec![
        c.col(K::Doctor, 28.0, Text),
        c.col(K::Direction, 18.0, Text),
        c.col(K::PrimaryPatients, 11.0, Count),
        c.col(K::RepeatPatients, 11.0, Count),
        c.col(K::ReportDoctorConversion, 12.0, Rate),
        c.col(K::HoursAvailable, 10.0, Decimal),
        c.col(K::HoursBooked, 10.0, Decimal),
        c.col(K::ReportUtilization, 10.0, Rate),
        c.col(K::Revenue, 14.0, Money),
        c.col(K::Recommended, 15.0, Count),
        c.col(K::Agreed, 13.0, Count),
        c.col(K::Performed, 12.0, Count),
        c.col(K::PlanAgreedRate, 14.0, Rate),
        c.col(K::PlanPerformedRate, 14.0, Rate),
        c.col(K::ReportPlanTotalRate, 14.0, Rate),
    ];
    let ws = c.sheet(wb, K::SheetDoctors, c.t(K::TitleDoctors))?;
    let rows: Vec<Vec<V>> = c
        .kpis
        .doctors
        .iter()
        .map(|d| {
            vec![
                V::Text(d.doctor.clone()),
                V::text(d.direction.as_deref()),
                num(d.primary_patients),
                num(d.repeat_patients),
                num(d.doctor_conversion),
                num(d.hours_available),
                num(d.hours_booked),
                num(d.utilization),
                num(d.revenue),
                num(d.recommended),
                num(d.agreed),
                num(d.performed),
                num(d.plan_agreed_rate),
                num(d.plan_performed_rate),
                num(d.plan_total_rate),
            ]
        })
        .collect();
    let t = write_table(ws, c.st, HEADER_ROW, 0, &cols, &rows, None)?;
    freeze_and_filter(ws, &t, cols.len(), 1)?;
    colour_scale(ws, (t.first, t.last, t.col(7)), 0.5, 0.75, 0.9)?;
    colour_scale(ws, (t.first, t.last, t.col(4)), 0.25, 0.5, 1.0)?;
    colour_scale(ws, (t.first, t.last, t.col(14)), 0.25, 0.5, 0.8)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// NPS and revenue gaps

fn nps_sheet(wb: &mut Workbook, c: &Ctx) -> Result<(), XlsxError> {
    use Kind::{Count, Decimal, Text};
    let cols = vec![
        c.col(K::Period, 10.0, Text),
        c.col(K::Direction, 22.0, Text),
        c.col(K::Respondents, 11.0, Count),
        c.col(K::Promoters, 11.0, Count),
        c.col(K::Passives, 11.0, Count),
        c.col(K::Detractors, 11.0, Count),
        c.col(K::Nps, 8.0, Decimal),
    ];
    let ws = c.sheet(wb, K::SheetNps, c.t(K::TitleNps))?;
    let all = c.t(K::AllDirections);
    let rows: Vec<Vec<V>> = c
        .kpis
        .nps
        .iter()
        .map(|n| {
            vec![
                V::Text(n.period.clone()),
                V::Text(n.direction.clone().unwrap_or_else(|| all.to_string())),
                V::Num(Some(n.respondents)),
                V::Num(Some(n.promoters)),
                V::Num(Some(n.passives)),
                V::Num(Some(n.detractors)),
                num(n.nps),
            ]
        })
        .collect();
    let t = write_table(ws, c.st, HEADER_ROW, 0, &cols, &rows, None)?;
    freeze_and_filter(ws, &t, cols.len(), 0)?;
    colour_scale(ws, (t.first, t.last, t.col(6)), 0.0, 25.0, 71.0)?;

    // The trend: one row per period, all directions together and then each direction.
    let mut periods: Vec<&str> = Vec::new();
    let mut directions: Vec<&str> = Vec::new();
    for n in &c.kpis.nps {
        if periods.last() != Some(&n.period.as_str()) {
            periods.push(&n.period);
        }
        if let Some(d) = n.direction.as_deref()
            && !directions.contains(&d)
        {
            directions.push(d);
        }
    }
    if periods.is_empty() {
        return Ok(());
    }
    let mut tcols = vec![c.col(K::Period, 10.0, Text), col(all, 14.0, Decimal)];
    tcols.extend(directions.iter().map(|d| col(d, (d.chars().count() as f64 + 3.0).max(12.0), Decimal)));
    let trows: Vec<Vec<V>> = periods
        .iter()
        .map(|p| {
            let of = |d: Option<&str>| {
                c.kpis
                    .nps
                    .iter()
                    .find(|n| n.period == *p && n.direction.as_deref() == d)
                    .map_or(V::Empty, |n| num(n.nps))
            };
            let mut row = vec![V::Text(p.to_string()), of(None)];
            row.extend(directions.iter().map(|d| of(Some(d))));
            row
        })
        .collect();
    ws.set_column_width(7, 3)?;
    let tt: Placed = write_table(ws, c.st, HEADER_ROW, 8, &tcols, &trows, None)?;
    let name = c.t(K::SheetNps);
    let mut chart = Chart::new(ChartType::Line);
    for i in 1..tcols.len() {
        let series = chart
            .add_series()
            .set_name((name, tt.header, tt.col(i)))
            .set_categories(range(name, tt.first, tt.last, tt.col(0)))
            .set_values(range(name, tt.first, tt.last, tt.col(i)));
        // The clinic as a whole is the line that matters; directions stay thin beside it.
        let width = if i == 1 { 3.0 } else { 1.25 };
        series.set_format(ChartFormat::new().set_line(ChartLine::new().set_width(width)));
    }
    chart_title(&mut chart, c.t(K::ChartNps));
    chart.set_width(760).set_height(360);
    ws.insert_chart(tt.end() + 2, 8, &chart)?;
    Ok(())
}

fn gaps_sheet(wb: &mut Workbook, c: &Ctx) -> Result<(), XlsxError> {
    use Kind::{Money, Text};
    let mut cols = vec![
        c.col(K::Month, 10.0, Text),
        c.col(K::GapPlan, 14.0, Money),
        c.col(K::GapFact, 14.0, Money),
        c.col(K::Difference, 14.0, Money),
    ];
    cols.extend(Factor::ALL.iter().map(|f| c.col(i18n::factor(*f), 14.0, Money)));
    cols.push(c.col(K::Bottleneck, 22.0, Text));
    cols.push(c.col(K::Owner, 16.0, Text));
    let ws = c.sheet(wb, K::SheetGaps, c.t(K::TitleGaps))?;
    ws.write_string_with_format(2, 0, c.t(K::GapsNote), &c.st.note)?;
    let rows: Vec<Vec<V>> = c
        .kpis
        .gaps
        .iter()
        .map(|g| {
            let diff = g.fact.zip(g.plan).map(|(f, p)| f - p);
            let mut row = vec![V::Text(g.month.to_string()), num(g.plan), num(g.fact), num(diff)];
            row.extend(Factor::ALL.iter().map(|f| num(g.contributions.get(*f))));
            row.push(V::text(g.bottleneck.map(|b| c.t(i18n::factor(b)))));
            row.push(V::text(g.owner.map(|o| c.t(i18n::owner(o)))));
            row
        })
        .collect();
    let t = write_table(ws, c.st, HEADER_ROW, 0, &cols, &rows, None)?;
    freeze_and_filter(ws, &t, cols.len(), 1)?;
    gain_scale(ws, t.first, t.last, (t.col(4), t.col(8)))?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// AARRR, scenarios, cohorts

fn aarrr_sheet(wb: &mut Workbook, c: &Ctx) -> Result<(), XlsxError> {
    let st = c.st;
    let a = &c.kpis.aarrr;
    let ws = c.sheet(wb, K::SheetAarrr, c.t(K::TitleAarrr))?;
    let note = match (a.links.heads().iter().all(Option::is_none), &a.previous, a.weakest) {
        (true, None, _) => c.t(K::NoCompleteMonth).to_string(),
        (_, None, _) => c.t(K::NoPrevious).to_string(),
        (_, Some(_), Some(w)) => format!("{}: {}", c.t(K::Weakest), c.t(link_text(w))),
        (_, Some(_), None) => c.t(K::NoWeakest).to_string(),
    };
    ws.write_string_with_format(2, 0, format!("{note} {}", c.t(K::AarrrNote)), &st.note)?;
    let cols = [
        c.col(K::Link, 26.0, Kind::Text),
        c.col(K::Measure, 24.0, Kind::Text),
        c.col(K::Value, 16.0, Kind::Money),
        c.col(K::Previous, 16.0, Kind::Money),
        c.col(K::Change, 14.0, Kind::Rate),
    ];
    for (i, cl) in cols.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, i as ColNum, &cl.label, &st.header)?;
        ws.set_column_width(i as ColNum, cl.width)?;
    }
    // One row per measure: the link, the measure, now, before, and the link's change on its first
    // measure's row only.
    let measures = a.links.measures();
    let previous = a.previous.as_ref().map(Links::measures);
    let changes = a.links.changes();
    let first = HEADER_ROW + 1;
    for (i, &(key, f, value)) in measures.iter().enumerate() {
        let r = first + row_of(i);
        let style = if a.weakest == Some(key) { &st.bold } else { &st.text };
        let kind = kind_of(f.unit());
        ws.write_string_with_format(r, 0, c.t(link_text(key)), style)?;
        ws.write_string_with_format(r, 1, c.t(i18n::figure(f)), &st.text)?;
        write_value(ws, st, r, 2, &V::Num(value), kind, false)?;
        write_value(ws, st, r, 3, &V::Num(previous.and_then(|p| p[i].2)), kind, false)?;
        let head = i == 0 || measures[i - 1].0 != key;
        let change = match LINK_KEYS.iter().position(|&k| k == key) {
            Some(link) if head => V::Num(changes[link]),
            _ => V::Empty,
        };
        write_value(ws, st, r, 4, &change, Kind::Rate, false)?;
    }
    // Falling links red, rising green.
    gain_scale(ws, first, first + 6, (4, 4))?;
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    Ok(())
}

fn link_text(key: &str) -> K {
    match key {
        "acquisition" => K::LinkAcquisition,
        "activation" => K::LinkActivation,
        "retention" => K::LinkRetention,
        "revenue" => K::LinkRevenue,
        _ => K::LinkReferral,
    }
}

/// Base and each scenario saved in the project, one column each (written only when there are
/// scenarios).
fn scenarios_sheet(wb: &mut Workbook, c: &Ctx) -> Result<(), XlsxError> {
    if c.project.scenarios.is_empty() {
        return Ok(());
    }
    let outcomes: Vec<(String, Option<Snapshot>)> = c
        .project
        .scenarios
        .iter()
        .map(|s| (s.name.clone(), apply_scenario(c.project, c.filter, s).ok().map(|o| o.after)))
        .collect();
    let base = c.project.scenarios.first().and_then(|s| apply_scenario(c.project, c.filter, s).ok()).map(|o| o.before);
    let ws = c.sheet(wb, K::SheetScenarios, c.t(K::TitleScenarios))?;
    let st = c.st;
    ws.write_string_with_format(HEADER_ROW, 0, c.t(K::Indicator), &st.header)?;
    ws.set_column_width(0, 30)?;
    let mut columns = vec![(c.t(K::Base).to_string(), base)];
    columns.extend(outcomes);
    type Get = fn(&Snapshot) -> Option<f64>;
    let metrics: [(K, Kind, Get); 11] = [
        (K::Revenue, Kind::Money, |s| s.revenue),
        (K::AttributedRevenue, Kind::Money, |s| s.attributed_revenue),
        (K::GrossProfit, Kind::Money, |s| s.gross_profit),
        (K::Spend, Kind::Money, |s| s.spend),
        (K::Profit, Kind::Money, |s| s.profit),
        (K::Leads, Kind::Count, |s| s.leads),
        (K::Visits, Kind::Count, |s| s.visits),
        (K::Paid, Kind::Count, |s| s.paid),
        (K::Romi, Kind::Rate, |s| s.romi),
        (K::Cac, Kind::Money, |s| s.cac),
        (K::LtvToCac, Kind::Ratio, |s| s.ltv_to_cac),
    ];
    for (j, (name, snap)) in columns.iter().enumerate() {
        let col = 1 + j as ColNum;
        ws.write_string_with_format(HEADER_ROW, col, name, &st.header)?;
        ws.set_column_width(col, 18)?;
        for (i, (label, kind, get)) in metrics.iter().enumerate() {
            let r = HEADER_ROW + 1 + row_of(i);
            if j == 0 {
                ws.write_string_with_format(r, 0, c.t(*label), &st.text)?;
            }
            write_value(ws, st, r, col, &V::Num(snap.as_ref().and_then(get)), *kind, false)?;
        }
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    Ok(())
}

/// The retention and LTV triangles as heat maps (written only when visits were imported).
fn cohorts_sheet(wb: &mut Workbook, c: &Ctx) -> Result<(), XlsxError> {
    let Some(cohorts) = c.kpis.cohorts.as_ref().filter(|v| !v.is_empty()) else { return Ok(()) };
    let st = c.st;
    let ws = c.sheet(wb, K::SheetCohorts, c.t(K::TitleCohorts))?;
    let width = cohorts.iter().map(|k| k.retained.len().max(k.ltv.len())).max().unwrap_or(0);
    let block = |ws: &mut Worksheet,
                 top: RowNum,
                 title: K,
                 kind: Kind,
                 value: &dyn Fn(&metrics::Cohort, usize) -> Option<f64>|
     -> Result<RowNum, XlsxError> {
        ws.write_string_with_format(top, 0, c.t(K::Cohort), &st.header)?;
        ws.write_string_with_format(top, 1, c.t(K::Patients), &st.header)?;
        for k in 0..width {
            ws.write_string_with_format(top, 2 + k as ColNum, format!("{} {k}", c.t(title)), &st.header)?;
        }
        for (i, h) in cohorts.iter().enumerate() {
            let r = top + 1 + row_of(i);
            ws.write_string_with_format(r, 0, h.cohort.to_string(), &st.text)?;
            write_value(ws, st, r, 1, &V::Num(Some(h.patients as f64)), Kind::Count, false)?;
            for k in 0..width {
                // Past the last month with visits the triangle stays blank, not «—».
                if k < h.retained.len().max(h.ltv.len()) {
                    write_value(ws, st, r, 2 + k as ColNum, &V::Num(value(h, k)), kind, false)?;
                }
            }
        }
        let last = top + row_of(cohorts.len());
        if width > 0 {
            let cf = rust_xlsxwriter::ConditionalFormat2ColorScale::new()
                .set_minimum_color(rust_xlsxwriter::Color::White)
                .set_maximum_color(rust_xlsxwriter::Color::RGB(0x63BE7B));
            ws.add_conditional_format(top + 1, 2, last, 1 + width as ColNum, &cf)?;
        }
        Ok(last)
    };
    let last = block(ws, HEADER_ROW, K::Retention, Kind::Rate, &|h, k| h.retained.get(k).copied())?;
    block(ws, last + 3, K::LtvMonth, Kind::Money, &|h, k| h.ltv.get(k).copied().flatten())?;
    ws.set_column_width(0, 12)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 2)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Calls

fn calls_sheet(wb: &mut Workbook, c: &Ctx) -> Result<(), XlsxError> {
    use Kind::{Count, Decimal, Money, Rate, Ratio, Text};
    let cols = vec![
        c.col(K::Month, 10.0, Text),
        c.col(K::Contacts, 11.0, Count),
        c.col(K::Answered, 11.0, Count),
        c.col(K::AnswerRate, 12.0, Rate),
        c.col(K::AnswerTarget, 10.0, Rate),
        c.col(K::Missed, 11.0, Count),
        c.col(K::Callbacks20m, 13.0, Count),
        c.col(K::CallbacksLater, 13.0, Count),
        c.col(K::Recalled, 13.0, Count),
        c.col(K::Lost, 10.0, Count),
        c.col(K::LostRate, 11.0, Rate),
        c.col(K::Callback20mRate, 14.0, Rate),
        c.col(K::AvgWait, 12.0, Decimal),
        c.col(K::AvgTalk, 12.0, Decimal),
        c.col(K::LeadPerContact, 13.0, Ratio),
        c.col(K::LostRevenue, 18.0, Money),
    ];
    let ws = c.sheet(wb, K::SheetCalls, c.t(K::TitleCalls))?;
    ws.write_string_with_format(2, 0, c.t(K::CallsNote), &c.st.note)?;
    let target = Some(c.project.settings.answer_rate_target);
    let months = metrics::calls::call_months(c.project, c.filter);
    let row = |label: V, m: &metrics::calls::CallMonth, k: Option<&MonthKpis>| {
        let s = &m.sums;
        vec![
            label,
            num(Some(s.contacts)),
            num(Some(s.answered)),
            num(m.answer_rate),
            num(target),
            num(Some(s.missed())),
            num(Some(s.callbacks_20m)),
            num(Some(s.callbacks)),
            num(Some(s.recalled)),
            num(Some(s.lost)),
            num(m.lost_rate),
            num(m.callback_20m_rate),
            num(m.avg_wait),
            num(m.avg_talk),
            num(k.and_then(|k| k.lead_per_contact)),
            num(k.and_then(|k| k.lost_revenue)),
        ]
    };
    let rows: Vec<Vec<V>> = months
        .iter()
        .map(|m| row(V::Text(m.month.to_string()), m, c.kpis.months.iter().find(|k| k.month == m.month)))
        .collect();
    if rows.is_empty() {
        ws.write_string_with_format(HEADER_ROW, 0, c.t(K::NoCalls), &c.st.note)?;
        return Ok(());
    }
    let total = metrics::calls::period_of(&months);
    let total = row(V::Text(c.t(K::Total).into()), &total, Some(&c.kpis.total.kpis));
    let t = write_table(ws, c.st, HEADER_ROW, 0, &cols, &rows, Some(&total))?;
    freeze_and_filter(ws, &t, cols.len(), 1)?;

    // Per administrator, under the monthly table.
    let top = t.end() + 2;
    ws.write_string_with_format(top, 0, c.t(K::EmployeesTitle), &c.st.section)?;
    let emp_cols = [
        c.col(K::Employee, 10.0, Text),
        c.col(K::Answered, 11.0, Count),
        c.col(K::AvgWait, 11.0, Decimal),
        c.col(K::AvgTalk, 12.0, Decimal),
    ];
    let emp_rows: Vec<Vec<V>> = c
        .kpis
        .employees
        .iter()
        .map(|e| vec![V::Text(e.employee.clone()), num(e.answered), num(e.avg_wait), num(e.avg_talk)])
        .collect();
    let e = write_table(ws, c.st, top + 1, 0, &emp_cols, &emp_rows, None)?;

    // Answer rate against the target, month by month.
    let name = c.t(K::SheetCalls);
    let mut chart = Chart::new(ChartType::Line);
    for (ci, label) in [(3, K::AnswerRate), (4, K::AnswerTarget)] {
        chart
            .add_series()
            .set_name(c.t(label))
            .set_categories(range(name, t.first, t.last, t.col(0)))
            .set_values(range(name, t.first, t.last, t.col(ci)));
    }
    chart_title(&mut chart, c.t(K::ChartAnswerRate));
    chart.y_axis().set_num_format("0%").set_min(0.0).set_max(1.0);
    chart.set_width(960).set_height(340);
    ws.insert_chart(e.end() + 2, 0, &chart)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_project;

    #[test]
    fn report_sheets_do_not_read_as_template_sheets() {
        let sheets = [
            K::SheetSummary,
            K::SheetMonths,
            K::SheetDays,
            K::SheetChannels,
            K::SheetDirections,
            K::SheetDoctors,
            K::SheetNps,
            K::SheetGaps,
            K::SheetAarrr,
            K::SheetScenarios,
            K::SheetCohorts,
            K::SheetCalls,
            K::SheetBranches,
        ];
        for s in sheets {
            for lang in Lang::ALL {
                let name = s.get(lang);
                assert!(name.chars().count() <= 31, "{name}");
                assert_eq!(crate::model::Sheet::from_sheet_name(name), None, "{name}");
            }
        }
    }

    #[test]
    fn statuses_follow_the_references() {
        assert_eq!(rules::completion(1.0), Status::Good);
        assert_eq!(rules::completion(0.95), Status::Watch);
        assert_eq!(rules::completion(0.89), Status::Bad);
        assert_eq!(rules::marketing_share(0.07), Status::Good);
        assert_eq!(rules::marketing_share(0.03), Status::Watch);
        assert_eq!(rules::marketing_share(0.2), Status::Bad);
        assert_eq!(rules::roas(3.5), Status::Good);
        assert_eq!(rules::romi(-0.05), Status::Watch);
        assert_eq!(rules::ltv_to_cac(0.5), Status::Bad);
        assert_eq!(rules::nps(30.0), Status::Good);
        assert_eq!(rules::tier_share(0.75, 0.8), Status::Good);
        assert_eq!(rules::tier_share(0.65, 0.8), Status::Bad);
    }

    #[test]
    fn story_aarrr_scenarios_and_cohort_heat_maps() {
        use crate::model::{Lever, LeverChange, Scenario, VisitRecord};
        use calamine::{Data, DataType, Reader, Xlsx};
        let mut p = demo_project();
        p.scenarios.push(Scenario {
            name: "Напоминания".into(),
            changes: vec![LeverChange { lever: Lever::ShowRate, change: 0.1, channel: None, direction: None }],
        });
        let visit = |date: &str, who: &str| VisitRecord {
            date: date.parse().unwrap(),
            patient: Some(who.into()),
            direction: Some("Стоматология".into()),
            doctor: None,
            amount: 1000.0,
            branch: None,
        };
        p.visits = Some(vec![visit("2026-09-03", "a"), visit("2026-10-05", "a"), visit("2026-09-10", "b")].into());
        let mut wb = report_workbook(&p, &Filter::default(), Lang::En).unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let text = |r: &calamine::Range<Data>, row: u32, col: u32| {
            r.get_value((row, col)).map(|d| d.to_string()).unwrap_or_default()
        };
        // The Summary opens with the seven sentences, numbered, in the story's order.
        let summary = book.worksheet_range("Summary").unwrap();
        let k = metrics::compute(&p, &Filter::default());
        let s = story::story(&p, &Filter::default(), &k);
        let titles = crate::i18n::story::titles(&s, Locale::new(Lang::En, &p.settings.currency));
        let opening = text(&summary, 2, 0);
        let lines: Vec<&str> = opening.lines().collect();
        assert_eq!(lines[0], "The story in seven steps");
        for (i, (_, sentence)) in titles.iter().enumerate() {
            assert_eq!(lines[i + 1], format!("{}. {sentence}", i + 1));
        }
        assert_eq!(text(&summary, HEADER_ROW, 0), "Indicator");
        // Base and the scenario side by side; the scenario's revenue is higher.
        let sc = book.worksheet_range("Scenarios").unwrap();
        assert_eq!((text(&sc, HEADER_ROW, 1), text(&sc, HEADER_ROW, 2)), ("Base".into(), "Напоминания".into()));
        let rev = |c| sc.get_value((HEADER_ROW + 1, c)).and_then(|d: &Data| d.as_f64()).unwrap();
        assert!(rev(2) > rev(1));
        // Cohort 2026-09: 2 patients, 1 back in October → retention month 1 = 0.5.
        let co = book.worksheet_range("Cohort results").unwrap();
        assert_eq!(text(&co, HEADER_ROW + 1, 0), "2026-09");
        assert_eq!(co.get_value((HEADER_ROW + 1, 3)).and_then(|d: &Data| d.as_f64()), Some(0.5));
        // The AARRR sheet lists the five links.
        let aa = book.worksheet_range("AARRR links").unwrap();
        assert_eq!(text(&aa, HEADER_ROW + 1, 0), "Acquisition 获客");
        assert_eq!(text(&aa, HEADER_ROW + 7, 0), "Referral 转介绍");
    }

    #[test]
    fn summary_levers_are_the_top_five_by_headroom() {
        let p = demo_project();
        let levers = top_levers(&p, &Filter::default());
        assert_eq!(levers.len(), 5);
        assert_eq!(levers[..], headroom(&p, None).entries[..5]);
        assert!(levers.windows(2).all(|w| w[0].profit_gain >= w[1].profit_gain));
        // The top lever earns more than the second by real money.
        assert!(levers[0].profit_gain - levers[1].profit_gain > 1_000.0);
    }

    #[test]
    fn pace_sentence_in_both_languages() {
        let kpis = metrics::compute(&demo_project(), &Filter::default());
        let p = kpis.progress.as_ref().unwrap();
        let ru = pace_sentence(p, Locale::new(Lang::Ru, "RUB"));
        assert!(ru.starts_with("Чтобы выполнить план, каждый полный рабочий день должен приносить "), "{ru}");
        assert!(ru.contains(&format::money(p.current_pace, Locale::new(Lang::Ru, "RUB"))));
        let en = pace_sentence(p, Locale::new(Lang::En, "USD"));
        assert!(en.contains('$') && !en.contains('₽'), "{en}");
        assert!(en.starts_with("To make the plan, each full working day from now must bring "), "{en}");
    }

    #[test]
    fn file_name_is_the_clinic_and_the_period() {
        let mut p = demo_project();
        let f = Filter {
            from: Some(Month::new(2026, 1).unwrap()),
            to: Some(Month::new(2026, 10).unwrap()),
            ..Filter::default()
        };
        let k = metrics::compute(&p, &f);
        p.settings.clinic = "Клиника «Улыбка»".into();
        assert_eq!(file_name(&p, &f, &k, Lang::Ru), "Клиника «Улыбка» — отчёт 2026-01…2026-10.xlsx");
        // Slashes, colons and quotes are not allowed in Windows file names.
        p.settings.clinic = " Dr. Smile: A/B \"dental\" ".into();
        assert_eq!(file_name(&p, &f, &k, Lang::En), "Dr. Smile A B dental — report 2026-01…2026-10.xlsx");
        p.settings.clinic.clear();
        let one = Filter {
            from: Some(Month::new(2026, 3).unwrap()),
            to: Some(Month::new(2026, 3).unwrap()),
            ..Filter::default()
        };
        let k1 = metrics::compute(&p, &one);
        assert_eq!(file_name(&p, &one, &k1, Lang::Ru), "Отчёт 2026-03.xlsx");
        let south = Filter { branch: Some("Юг".into()), ..f.clone() };
        p.settings.clinic = "Улыбка".into();
        assert_eq!(file_name(&p, &south, &k, Lang::Ru), "Улыбка — Юг — отчёт 2026-01…2026-10.xlsx");
        // Windows drops trailing dots and spaces; a stem of nothing usable still names a file.
        assert_eq!(sanitise_file_stem("Smile.. . "), "Smile");
        assert_eq!(sanitise_file_stem("?*"), "report");
        assert_eq!(
            file_name(
                &Project::default(),
                &Filter::default(),
                &metrics::compute(&Project::default(), &Filter::default()),
                Lang::En
            ),
            "Report.xlsx"
        );
    }

    #[test]
    fn empty_project_still_builds() {
        for lang in Lang::ALL {
            let mut wb = report_workbook(&Project::new(), &Filter::default(), lang).unwrap();
            assert!(!wb.save_to_buffer().unwrap().is_empty());
        }
    }
}
