//! The analyst report read back as a user's spreadsheet program reads it: sheet names in both
//! languages, headers, key values against `metrics::compute`, «—» for undefined ratios, no NaN,
//! charts and conditional formats in the package, and the data sheets importing back.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use medfunnel::format::Lang;
use medfunnel::import::import_workbook;
use medfunnel::metrics::{Filter, compute};
use medfunnel::model::{FunnelRow, Month, PlanRow, Project};
use medfunnel::{demo, report};

/// The 0-based row of every report table's header (title, subtitle and a note row above it).
const HEADER: usize = 3;

const SHEETS_EN: [&str; 20] = [
    "Summary",
    "Months",
    "Month in progress",
    "Channel results",
    "Direction results",
    "Doctor results",
    "NPS results",
    "Revenue gaps",
    "AARRR links",
    "Call results",
    "Settings",
    "Directions",
    "Channels",
    "Plan",
    "Budget",
    "Funnel",
    "Revenue",
    "Doctors",
    "NPS",
    "Calls",
];

const SHEETS_RU: [&str; 20] = [
    "Сводка",
    "Месяцы",
    "Текущий месяц",
    "Итоги каналов",
    "Итоги направлений",
    "Итоги врачей",
    "Итоги NPS",
    "Разрывы выручки",
    "Звенья AARRR",
    "Итоги звонков",
    "Настройки",
    "Направления",
    "Каналы",
    "План",
    "Бюджет",
    "Воронка",
    "Выручка",
    "Врачи",
    "NPS",
    "Звонки",
];

fn write(project: &Project, filter: &Filter, lang: Lang, dir: &Path) -> std::path::PathBuf {
    let path = dir.join(format!("report-{}.xlsx", lang.code()));
    report::write_report(project, filter, lang, &path).unwrap();
    path
}

fn cell(r: &Range<Data>, row: usize, col: usize) -> Data {
    // calamine's range starts at the first used cell; the report always uses A1 (the title).
    r.get((row, col)).cloned().unwrap_or(Data::Empty)
}

fn float(r: &Range<Data>, row: usize, col: usize) -> f64 {
    match cell(r, row, col) {
        Data::Float(x) => x,
        Data::Int(x) => x as f64,
        other => panic!("({row}, {col}) is not a number: {other:?}"),
    }
}

fn text(r: &Range<Data>, row: usize, col: usize) -> String {
    cell(r, row, col).to_string()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn headers(r: &Range<Data>) -> Vec<String> {
    (0..r.width()).map(|c| text(r, HEADER, c)).take_while(|h| !h.is_empty()).collect()
}

fn find_row(r: &Range<Data>, col: usize, value: &str) -> usize {
    (0..r.height()).find(|&i| text(r, i, col) == value).unwrap_or_else(|| panic!("no row «{value}» in column {col}"))
}

#[test]
fn sheet_names_and_headers_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let project = demo::demo_project();
    for (lang, names) in [(Lang::En, SHEETS_EN), (Lang::Ru, SHEETS_RU)] {
        let path = write(&project, &Filter::default(), lang, dir.path());
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(book.sheet_names(), names.map(String::from).to_vec());
        let months = book.worksheet_range(names[1]).unwrap();
        let h = headers(&months);
        match lang {
            Lang::En => assert_eq!(&h[..4], ["Month", "Revenue plan", "Revenue", "Plan completion"]),
            Lang::Ru => assert_eq!(&h[..4], ["Месяц", "План выручки", "Выручка", "Выполнение плана"]),
            Lang::Zh => unreachable!("the loop runs English and Russian"),
        }
        assert_eq!(h.len(), 28);
        let summary = book.worksheet_range(names[0]).unwrap();
        let h = headers(&summary);
        match lang {
            Lang::En => assert_eq!(&h[..4], ["Indicator", "Value", "Plan or reference", "Status"]),
            Lang::Ru => assert_eq!(&h[..4], ["Показатель", "Значение", "План или ориентир", "Статус"]),
            Lang::Zh => unreachable!("the loop runs English and Russian"),
        }
        // Template sheets keep their header in row 1, in the report's language.
        let plan = book.worksheet_range(names[13]).unwrap();
        match lang {
            Lang::En => assert_eq!(text(&plan, 0, 2), "revenue_plan"),
            Lang::Ru => assert_eq!(text(&plan, 0, 2), "План выручки"),
            Lang::Zh => unreachable!("the loop runs English and Russian"),
        }
    }
}

#[test]
fn values_match_the_metrics() {
    let dir = tempfile::tempdir().unwrap();
    let project = demo::demo_project();
    let filter = Filter::default();
    let k = compute(&project, &filter);
    let path = write(&project, &filter, Lang::En, dir.path());
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();

    // Months: one row per month, then the Total row with the `total` figures.
    let months = book.worksheet_range("Months").unwrap();
    for (i, m) in k.months.iter().enumerate() {
        let r = HEADER + 1 + i;
        assert_eq!(text(&months, r, 0), m.month.to_string());
        match m.revenue {
            Some(v) => assert!(close(float(&months, r, 2), v), "{}", m.month),
            None => assert_eq!(text(&months, r, 2), "—"),
        }
    }
    let total_row = HEADER + 1 + k.months.len();
    assert_eq!(text(&months, total_row, 0), "Total");
    let t = &k.total.kpis;
    assert!(close(float(&months, total_row, 2), t.revenue.unwrap()));
    assert!(close(float(&months, total_row, 1), t.revenue_plan.unwrap()));
    assert!(close(float(&months, total_row, 8), t.spend.unwrap()));
    assert!(close(float(&months, total_row, 11), t.leads.unwrap()));
    assert!(close(float(&months, total_row, 26), t.romi.unwrap()));
    // The month in progress has its forecast; complete months leave the cell empty.
    let progress = k.progress.as_ref().unwrap();
    let pi = k.months.iter().position(|m| m.month == progress.month).unwrap();
    assert!(close(float(&months, HEADER + 1 + pi, 6), progress.forecast.unwrap()));
    assert_eq!(cell(&months, HEADER + 1, 6), Data::Empty);
    // Ratios: the value, or «—» where undefined (CAC of a month without visits, …).
    for (i, m) in k.months.iter().enumerate() {
        for (col, v) in [(3, m.plan_completion), (5, m.completion_to_date), (20, m.cac), (26, m.romi)] {
            match v {
                Some(v) => assert!(close(float(&months, HEADER + 1 + i, col), v)),
                None => assert_eq!(text(&months, HEADER + 1 + i, col), "—"),
            }
        }
    }
    // The plan-only month 2026-12 has no spend: ROMI undefined.
    assert_eq!(text(&months, HEADER + k.months.len(), 26), "—");

    // Channels: ROMI per channel, then a Total row.
    let channels = book.worksheet_range("Channel results").unwrap();
    let h = headers(&channels);
    let romi_col = h.iter().position(|x| x == "ROMI").unwrap();
    for (i, ch) in k.channels.iter().enumerate() {
        let r = HEADER + 1 + i;
        assert_eq!(text(&channels, r, 0), ch.channel);
        match ch.romi {
            Some(v) => assert!(close(float(&channels, r, romi_col), v)),
            None => assert_eq!(text(&channels, r, romi_col), "—"),
        }
    }
    let r = HEADER + 1 + k.channels.len();
    assert_eq!(text(&channels, r, 0), "Total");
    assert!(close(float(&channels, r, romi_col), t.romi.unwrap()));
    assert!(close(float(&channels, r, 3), t.spend.unwrap()));

    // Summary: the completion card and the pace sentence.
    let summary = book.worksheet_range("Summary").unwrap();
    let r = find_row(&summary, 0, "Plan completion to date");
    assert!(close(float(&summary, r, 1), t.completion_to_date.unwrap()));
    assert!(["good", "watch", "bad"].contains(&text(&summary, r, 3).as_str()));
    // The whole period's plan (the plan-only December included) stays beside it, lower.
    let whole = find_row(&summary, 0, "Completion of the whole period's plan");
    assert!(close(float(&summary, whole, 1), t.plan_completion.unwrap()));
    assert!(t.completion_to_date.unwrap() > t.plan_completion.unwrap());
    let pace = (0..summary.height())
        .map(|i| text(&summary, i, 0))
        .find(|s| s.starts_with("To make the plan, each full working day from now must bring"))
        .expect("pace sentence");
    assert!(pace.contains("average so far"), "{pace}");
    // The bottleneck names its owner.
    let owners = ["marketer", "administrators", "doctors", "management"];
    let owner_row = find_row(&summary, 0, "Owner");
    assert!(owners.contains(&text(&summary, owner_row, 1).as_str()));

    // Revenue gaps: contributions and the owner, in words.
    let gaps = book.worksheet_range("Revenue gaps").unwrap();
    for (i, g) in k.gaps.iter().enumerate() {
        let r = HEADER + 1 + i;
        assert_eq!(text(&gaps, r, 0), g.month.to_string());
        if let Some(c) = g.contributions.leads {
            assert!(close(float(&gaps, r, 4), c));
        }
    }

    // The month in progress: cumulative fact on the last day with data = revenue to date.
    let days = book.worksheet_range("Month in progress").unwrap();
    let last_day_row = HEADER + progress.last_day.format("%d").to_string().parse::<usize>().unwrap();
    assert!(close(float(&days, last_day_row, 6), progress.revenue_to_date));
    // The forecast line ends at the month's forecast.
    let month_days = progress.month.days() as usize;
    assert!(close(float(&days, HEADER + month_days, 7), progress.forecast.unwrap()));
}

#[test]
fn russian_summary_translates_status_owner_and_pace() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&demo::demo_project(), &Filter::default(), Lang::Ru, dir.path());
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let summary = book.worksheet_range("Сводка").unwrap();
    let all: Vec<String> = summary.cells().map(|(_, _, d)| d.to_string()).collect();
    assert!(all.iter().any(|s| s.starts_with("Чтобы выполнить план, каждый полный рабочий день должен приносить")));
    assert!(all.iter().any(|s| ["хорошо", "внимание", "плохо"].contains(&s.as_str())));
    assert!(all.iter().any(|s| ["маркетолог", "администраторы", "врачи", "руководство"].contains(&s.as_str())));
    assert!(!all.iter().any(|s| ["good", "watch", "bad", "Total"].contains(&s.as_str())));
}

#[test]
fn no_cell_holds_nan_or_infinity_and_undefined_ratios_are_dashes() {
    // A channel with leads and no spend (CPL 0, ROMI undefined) and one with spend and no leads.
    let mut project = demo::demo_project();
    let m = Month::new(2026, 1).unwrap();
    project.funnel.push(FunnelRow {
        branch: None,
        month: m,
        channel: "Тест без бюджета".into(),
        direction: None,
        leads: Some(5.0),
        bookings: Some(0.0),
        visits: Some(0.0),
        paid: Some(0.0),
        revenue: Some(0.0),
        returning_leads: None,
    });
    let dir = tempfile::tempdir().unwrap();
    for lang in Lang::ALL {
        let path = write(&project, &Filter::default(), lang, dir.path());
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name).unwrap();
            for (r, c, d) in range.cells() {
                if let Data::Float(x) = d {
                    assert!(x.is_finite(), "{name} ({r}, {c})");
                }
                if let Data::String(s) = d {
                    assert!(!s.contains("NaN") && !s.contains("inf"), "{name} ({r}, {c}): {s}");
                }
            }
        }
        if lang == Lang::En {
            let channels = book.worksheet_range("Channel results").unwrap();
            let r = find_row(&channels, 0, "Тест без бюджета");
            let h = headers(&channels);
            let col = |name: &str| h.iter().position(|x| x == name).unwrap();
            // No spend: ROAS and ROMI are undefined; no visits: paid rate undefined.
            assert_eq!(text(&channels, r, col("ROMI")), "—");
            assert_eq!(text(&channels, r, col("ROAS")), "—");
            assert_eq!(text(&channels, r, col("Paid rate")), "—");
            assert_eq!(text(&channels, r, col("Show rate")), "—");
        }
    }
}

#[test]
fn template_sheets_import_back_to_the_same_model() {
    let dir = tempfile::tempdir().unwrap();
    let project = demo::demo_project();
    // The workbook holds no patient-level data: the call journal's contacts (keyed patients) stay out.
    let expected = medfunnel::model::Project { contacts: None, ..project.clone() };
    for lang in Lang::ALL {
        let path = write(&project, &Filter::default(), lang, dir.path());
        let imported = import_workbook(&path).unwrap();
        assert!(imported.problems.iter().all(|p| !p.is_error()), "{lang:?}: {:?}", imported.problems);
        assert_eq!(imported.project, expected, "{lang:?}");
    }
}

fn package_parts(path: &Path) -> Vec<(String, String)> {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            let name = f.name().unwrap().to_string();
            if name.ends_with(".xml") {
                f.read_to_string(&mut s).unwrap();
            }
            (name, s)
        })
        .collect()
}

#[test]
fn package_has_charts_conditional_formats_filters_and_frozen_panes() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&demo::demo_project(), &Filter::default(), Lang::Ru, dir.path());
    let parts = package_parts(&path);
    let charts: Vec<&(String, String)> = parts.iter().filter(|(n, _)| n.starts_with("xl/charts/chart")).collect();
    // Plan vs fact, cumulative daily, funnel, channel ROMI, NPS trend.
    assert!(charts.len() >= 5, "{}", charts.len());
    assert!(parts.iter().any(|(n, _)| n == "xl/charts/chart1.xml"));
    let kinds: String = charts.iter().map(|(_, x)| x.as_str()).collect();
    for tag in ["<c:barChart>", "<c:lineChart>"] {
        assert!(kinds.contains(tag), "{tag}");
    }
    let sheets: Vec<&String> =
        parts.iter().filter(|(n, _)| n.starts_with("xl/worksheets/sheet")).map(|(_, x)| x).collect();
    assert!(sheets.iter().filter(|x| x.contains("<conditionalFormatting")).count() >= 5);
    assert!(sheets.iter().any(|x| x.contains("iconSet")));
    assert!(sheets.iter().any(|x| x.contains("colorScale")));
    assert!(sheets.iter().all(|x| x.contains("state=\"frozen\"")));
    assert!(sheets.iter().filter(|x| x.contains("<autoFilter")).count() >= 15);
    assert!(sheets.iter().all(|x| x.contains("orientation=\"landscape\"")));
    assert!(sheets.iter().all(|x| x.contains("fitToHeight=\"0\"")));
}

#[test]
fn period_filter_limits_the_months() {
    let dir = tempfile::tempdir().unwrap();
    let project = demo::demo_project();
    let filter = Filter { from: Month::new(2026, 1), to: Month::new(2026, 6), ..Filter::default() };
    let path = write(&project, &filter, Lang::En, dir.path());
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let months = book.worksheet_range("Months").unwrap();
    assert_eq!(text(&months, HEADER + 1, 0), "2026-01");
    assert_eq!(text(&months, HEADER + 6, 0), "2026-06");
    assert_eq!(text(&months, HEADER + 7, 0), "Total");
    let k = compute(&project, &filter);
    assert!(close(float(&months, HEADER + 7, 2), k.total.kpis.revenue.unwrap()));
}

#[test]
fn a_plan_without_factor_plans_has_no_gaps_and_says_so() {
    let mut project = demo::demo_project();
    project.plan = project.plan.iter().map(|r| PlanRow { leads_plan: None, ..r.clone() }).collect();
    let dir = tempfile::tempdir().unwrap();
    let path = write(&project, &Filter::default(), Lang::En, dir.path());
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let summary = book.worksheet_range("Summary").unwrap();
    find_row(&summary, 0, "No full month has a complete funnel plan (leads and rates).");
}

#[test]
fn cli_writes_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("отчёт.xlsx");
    let status = Command::new(env!("CARGO_BIN_EXE_medfunnel"))
        .args(["report", "-o", out.to_str().unwrap(), "--lang", "en", "--from", "2026-01"])
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names()[0], "Summary");
    let months = book.worksheet_range("Months").unwrap();
    assert_eq!(text(&months, HEADER + 1, 0), "2026-01");
    // The default language is Russian.
    let ru = dir.path().join("ru.xlsx");
    let status =
        Command::new(env!("CARGO_BIN_EXE_medfunnel")).args(["report", "-o", ru.to_str().unwrap()]).output().unwrap();
    assert!(status.status.success());
    let book: Xlsx<_> = open_workbook(&ru).unwrap();
    assert_eq!(book.sheet_names()[0], "Сводка");
}
