//! The template workbook: the project written back in the layout the importer reads (domain.md,
//! "The template workbook"), so that exporting and importing again gives the same model.
//!
//! What keeps the round trip exact: numbers go out as number cells at full precision (number formats
//! only change what is displayed), months and NPS periods as text, days as date cells, an empty
//! `Option` as an empty cell, tiers as their English keys. Patient-level visits are not written:
//! the template is the plain workbook a marketer edits, without hashed patient keys.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ColNum, ExcelDateTime, Format, RowNum, Workbook, XlsxError};

use super::ReportError;
use crate::document::sheets::{Kind, Value, get, row_count};
use crate::format::Lang;
use crate::model::{Month, Project, Sheet, Tier};

/// The sheet names, in the order they are written.
pub const SHEETS: [&str; 10] =
    ["Settings", "Directions", "Channels", "Plan", "Budget", "Funnel", "Revenue", "Doctors", "NPS", "Calls"];

/// How a number is displayed.
#[derive(Clone, Copy)]
enum Style {
    Money,
    Rate,
    Count,
    Decimal,
}

/// One cell to write.
enum Cell {
    Empty,
    Text(String),
    Number(f64, Style),
    Date(NaiveDate),
}

fn text(s: &str) -> Cell {
    if s.is_empty() { Cell::Empty } else { Cell::Text(s.to_string()) }
}

fn num(x: f64, style: Style) -> Cell {
    Cell::Number(x, style)
}

/// A header and its column width (in Excel character units).
type Col = (&'static str, f64);

struct Formats {
    header: Format,
    money: Format,
    rate: Format,
    count: Format,
    decimal: Format,
    date: Format,
}

impl Formats {
    fn new(currency: &str) -> Self {
        let symbol = super::sheets::currency_symbol(currency);
        Self {
            header: Format::new().set_bold(),
            money: Format::new().set_num_format(format!("#,##0.00 \"{symbol}\"")),
            rate: Format::new().set_num_format("0.0%"),
            count: Format::new().set_num_format("#,##0"),
            decimal: Format::new().set_num_format("#,##0.0#"),
            date: Format::new().set_num_format("dd.mm.yyyy"),
        }
    }

    fn of(&self, style: Style) -> &Format {
        match style {
            Style::Money => &self.money,
            Style::Rate => &self.rate,
            Style::Count => &self.count,
            Style::Decimal => &self.decimal,
        }
    }
}

fn excel_date(day: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(day.year()).map_err(|_| {
        XlsxError::DateTimeRangeError(format!("Year: '{}' outside Excel range of 1900-9999", day.year()))
    })?;
    // Month and day always fit in u8; from_ymd checks the year against Excel's range.
    ExcelDateTime::from_ymd(year, day.month() as u8, day.day() as u8)
}

/// The header of a column in the sheet's language: the English key, or the schema's main Russian
/// name with a capital letter (the importer matches either, case-insensitively).
fn header_label(kind: Sheet, key: &str, lang: Lang) -> String {
    match (lang, kind.column(key)) {
        (Lang::Ru, Some(col)) => capitalize(col.ru),
        _ => key.to_string(),
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A grid cell as the template writes it: numbers at full precision with the column's format,
/// months and NPS periods as text, days as date cells, tiers in `lang` (English key or Russian name).
fn cell_of(v: Value, kind: Kind, lang: Lang) -> Cell {
    match v {
        Value::Empty => Cell::Empty,
        Value::Num(x) => Cell::Number(
            x,
            match kind {
                Kind::Money => Style::Money,
                Kind::Rate => Style::Rate,
                // Hours and visits per patient have fractions; patients and leads are whole.
                _ if x.fract() != 0.0 => Style::Decimal,
                _ => Style::Count,
            },
        ),
        Value::Text(s) => text(&s),
        Value::Month(m) => text(&m.to_string()),
        Value::Day(d) => Cell::Date(d),
        Value::Period(p) => text(&p.to_string()),
        Value::Tier(t) => text(tier_label(t, lang)),
        Value::Scale(s) => text(s.key()),
        Value::List(names) => text(&names.join(", ")),
        Value::Weights(w) => text(&w.map(|x| x.to_string()).join(" ")),
        Value::Days(days) => text(&days.iter().map(NaiveDate::to_string).collect::<Vec<_>>().join(", ")),
    }
}

/// A column's width (Excel character units) for what it holds; a longer header widens it.
fn width_of(kind: Kind) -> f64 {
    match kind {
        Kind::Month | Kind::Period | Kind::Score => 10.0,
        Kind::Count | Kind::Rate | Kind::Tier | Kind::Day => 12.0,
        Kind::Money => 16.0,
        Kind::Direction => 20.0,
        Kind::Text | Kind::Channel | Kind::ChannelKind | Kind::Scale | Kind::Weights => 26.0,
        Kind::List | Kind::Days => 36.0,
    }
}

fn write_sheet(
    workbook: &mut Workbook,
    formats: &Formats,
    (kind, lang): (Sheet, Lang),
    cols: &[Col],
    rows: impl IntoIterator<Item = Vec<Cell>>,
) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet();
    // A Chinese report's data sheets keep the English names and keys: the importer reads English
    // and Russian only, and a report must import back.
    sheet.set_name(match lang {
        Lang::En | Lang::Zh => kind.name(),
        Lang::Ru => kind.name_ru(),
    })?;
    for (c, &(key, width)) in cols.iter().enumerate() {
        let c = c as ColNum;
        let label = header_label(kind, key, lang);
        sheet.write_string_with_format(0, c, &label, &formats.header)?;
        // Russian headers are longer than the keys the widths were chosen for.
        sheet.set_column_width(c, width.max(label.chars().count() as f64 + 3.0))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    let mut last = 0;
    for (i, row) in rows.into_iter().enumerate() {
        let r = RowNum::try_from(i + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        last = r;
        for (c, cell) in row.into_iter().enumerate() {
            let c = ColNum::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
            match cell {
                Cell::Empty => {}
                Cell::Text(s) => {
                    sheet.write_string(r, c, s)?;
                }
                // Excel has no NaN or infinity; an empty cell is the honest "no number".
                Cell::Number(x, _) if !x.is_finite() => {}
                Cell::Number(x, style) => {
                    sheet.write_number_with_format(r, c, x, formats.of(style))?;
                }
                Cell::Date(day) => {
                    sheet.write_datetime_with_format(r, c, excel_date(day)?, &formats.date)?;
                }
            }
        }
    }
    if let Some(last_col) = cols.len().checked_sub(1) {
        sheet.autofilter(0, 0, last, last_col as ColNum)?;
    }
    Ok(())
}

/// Lays the project out as a template workbook: sheets Settings, Directions, Channels, Plan,
/// Budget, Funnel, Revenue, Doctors, NPS and Calls with the canonical English headers, a bold frozen
/// header row and number formats. Importing the workbook gives the same project back, except the
/// patient-level visits, which the template never holds.
///
/// # Errors
/// [`XlsxError::DateTimeRangeError`] for a day outside Excel's 1900–9999 range, and the errors of
/// rust_xlsxwriter for text over 32 767 characters or more than 1 048 575 rows on a sheet.
pub fn template_workbook(project: &Project) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    add_template_sheets(&mut wb, project, Lang::En)?;
    Ok(wb)
}

/// A Settings key as written in `lang`: the English key, or a Russian name the importer knows.
fn setting_label(key: &'static str, lang: Lang) -> &'static str {
    if lang == Lang::En {
        return key;
    }
    match key {
        "clinic" => "клиника",
        "currency" => "валюта",
        "nps_scale" => "шкала NPS",
        "weekday_weights" => "веса дней недели",
        "holidays" => "праздники",
        "fixed_costs" => "постоянные расходы",
        "dedupe_days" => "окно дублей",
        "attribution_days" => "окно атрибуции",
        "answer_rate_target" => "цель по ответам",
        "key_fingerprint" => "отпечаток ключа",
        other => other,
    }
}

fn tier_label(tier: Tier, lang: Lang) -> &'static str {
    match lang {
        Lang::En | Lang::Zh => tier.key(),
        Lang::Ru => tier.key_ru(),
    }
}

/// Appends the ten template sheets to `wb`, with sheet names, headers, Settings keys and tiers in
/// `lang` (English keys, or the Russian names the importer reads), so that a report carries the
/// data it was built from and imports back to the same project.
///
/// # Errors
/// As [`template_workbook`]; also [`XlsxError::SheetnameReused`] when `wb` already has a sheet of
/// one of these names.
pub fn add_template_sheets(wb: &mut Workbook, project: &Project, lang: Lang) -> Result<(), XlsxError> {
    use Style::{Count, Money, Rate};

    let f = Formats::new(&project.settings.currency);
    let label = |key| text(setting_label(key, lang));
    let s = &project.settings;
    let chain = project.has_branches();

    let weights: Vec<String> = s.weekday_weights.iter().map(f64::to_string).collect();
    let mut settings = vec![
        vec![label("clinic"), text(&s.clinic)],
        vec![label("currency"), text(&s.currency)],
        vec![label("nps_scale"), text(s.nps_scale.key())],
        vec![label("weekday_weights"), text(&weights.join(" "))],
    ];
    // One row per holiday: a date cell each, so Excel shows and sorts them as dates.
    settings.extend(s.holidays.iter().map(|&d| vec![label("holidays"), Cell::Date(d)]));
    settings.extend([
        vec![label("fixed_costs"), num(s.fixed_costs, Money)],
        vec![label("dedupe_days"), num(f64::from(s.dedupe_days), Count)],
        vec![label("attribution_days"), num(f64::from(s.attribution_days), Count)],
        vec![label("answer_rate_target"), num(s.answer_rate_target, Rate)],
        vec![label("key_fingerprint"), text(&s.key_fingerprint)],
    ]);
    write_sheet(wb, &f, (Sheet::Settings, lang), &[("key", 18.0), ("value", 36.0)], settings)?;

    // Every other sheet as its grid shows it: the grid's columns are the importer's schema in the
    // template's order, with the branch last (written only for a chain, so a single clinic's
    // workbook stays as it was).
    for &kind in &Sheet::ALL[1..] {
        let all = kind.grid_columns();
        let columns = match all.last() {
            Some(last) if last.key == "branch" && !chain => &all[..all.len() - 1],
            _ => all,
        };
        let cols: Vec<Col> = columns.iter().map(|c| (c.key, width_of(c.kind))).collect();
        let rows = (0..row_count(project, kind)).map(|r| {
            (0..columns.len())
                .map(|c| match kind {
                    // A month row goes back as month text, which the importer reads as a whole month.
                    Sheet::Revenue if c == 0 && project.revenue[r].month_row => {
                        text(&Month::of(project.revenue[r].date).to_string())
                    }
                    _ => cell_of(get(project, kind, r, c), columns[c].kind, lang),
                })
                .collect::<Vec<Cell>>()
        });
        write_sheet(wb, &f, (kind, lang), &cols, rows)?;
    }

    Ok(())
}

/// Writes the project's template workbook to `path`, atomically: the workbook goes to a temporary
/// file in the same folder, is flushed to disk and then renamed over `path`, so a crash or a full
/// disk never leaves a half-written file where the user's workbook was.
///
/// # Errors
/// [`ReportError::Xlsx`] when the workbook cannot be laid out (see [`template_workbook`]);
/// [`ReportError::Io`] when the folder does not exist or cannot be written, or the rename fails.
/// Both name `path`.
pub fn write_template(project: &Project, path: &Path) -> Result<(), ReportError> {
    let mut workbook =
        template_workbook(project).map_err(|source| ReportError::Xlsx { path: path.to_path_buf(), source })?;
    super::save_atomically(&mut workbook, path)
}

#[cfg(test)]
mod tests {
    use calamine::{Data, Reader, Xlsx, open_workbook};

    use super::*;
    use crate::demo::demo_project;

    #[test]
    fn demo_workbook_builds_and_saves() {
        let mut wb = template_workbook(&demo_project()).expect("workbook");
        let bytes = wb.save_to_buffer().expect("bytes");
        assert!(bytes.len() > 10_000);
        assert_eq!(&bytes[..2], b"PK");
    }

    #[test]
    fn empty_project_writes_headers_only() {
        let mut wb = template_workbook(&Project::new()).expect("workbook");
        assert!(!wb.save_to_buffer().expect("bytes").is_empty());
    }

    fn cell(range: &calamine::Range<Data>, row: usize, col: usize) -> &Data {
        range.get((row, col)).unwrap_or(&Data::Empty)
    }

    fn excel_serial(y: i32, m: u32, d: u32) -> f64 {
        let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
        (day - epoch).num_days() as f64
    }

    #[test]
    fn written_file_reads_back() {
        let mut project = demo_project();
        project.settings.key_fingerprint = "0123456789abcdef".into();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("шаблон.xlsx");
        write_template(&project, &path).unwrap();
        // Nothing but the workbook is left in the folder: the temporary file was renamed.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(book.sheet_names(), SHEETS.map(String::from).to_vec());

        let settings = book.worksheet_range("Settings").unwrap();
        let find =
            |key: &str| (0..settings.height()).find(|&r| cell(&settings, r, 0) == &Data::String(key.into())).unwrap();
        assert_eq!(cell(&settings, find("clinic"), 1), &Data::String(project.settings.clinic.clone()));
        assert_eq!(cell(&settings, find("weekday_weights"), 1), &Data::String("1 1 1 1 1 0.5 0".into()));
        assert_eq!(cell(&settings, find("fixed_costs"), 1), &Data::Float(2_500_000.0));
        assert_eq!(
            cell(&settings, find("key_fingerprint"), 1),
            &Data::String(project.settings.key_fingerprint.clone())
        );
        let holiday_rows =
            (0..settings.height()).filter(|&r| cell(&settings, r, 0) == &Data::String("holidays".into())).count();
        assert_eq!(holiday_rows, project.settings.holidays.len());
        match cell(&settings, find("holidays"), 1) {
            Data::DateTime(d) => assert_eq!(d.as_f64(), excel_serial(2025, 11, 4)),
            other => panic!("holiday is not a date cell: {other:?}"),
        }

        let plan = book.worksheet_range("Plan").unwrap();
        let headers: Vec<String> = (0..plan.width()).map(|c| cell(&plan, 0, c).to_string()).collect();
        assert_eq!(
            headers,
            [
                "month",
                "direction",
                "revenue_plan",
                "leads_plan",
                "booking_rate_plan",
                "show_rate_plan",
                "paid_rate_plan",
                "revenue_per_paid_plan"
            ]
        );
        let first = &project.plan[0];
        assert_eq!(cell(&plan, 1, 0), &Data::String(first.month.to_string()));
        assert_eq!(cell(&plan, 1, 1), &Data::Empty);
        assert_eq!(cell(&plan, 1, 2), &Data::Float(first.revenue_plan));
        assert_eq!(cell(&plan, 1, 4), &Data::Float(first.booking_rate_plan.unwrap()));
        assert_eq!(plan.height(), project.plan.len() + 1);

        let channels = book.worksheet_range("Channels").unwrap();
        assert_eq!(cell(&channels, 1, 1), &Data::String("proven".into()));
        assert_eq!(cell(&channels, 1, 3), &Data::String("yandex, yandex.direct, Яндекс".into()));

        let revenue = book.worksheet_range("Revenue").unwrap();
        let r0 = &project.revenue[0];
        match cell(&revenue, 1, 0) {
            Data::DateTime(d) => assert_eq!(d.as_f64(), excel_serial(2025, 9, 1)),
            other => panic!("date is not a date cell: {other:?}"),
        }
        assert_eq!(cell(&revenue, 1, 2), &Data::Float(r0.revenue));
        assert_eq!(revenue.height(), project.revenue.len() + 1);

        let nps = book.worksheet_range("NPS").unwrap();
        assert_eq!(cell(&nps, 1, 0), &Data::String("2025".into()));

        let funnel = book.worksheet_range("Funnel").unwrap();
        let blank = project.funnel.iter().position(|f| f.direction.is_none()).unwrap();
        assert_eq!(cell(&funnel, blank + 1, 2), &Data::Empty);
        assert_eq!(cell(&funnel, blank + 1, 7), &Data::Empty);
    }

    #[test]
    fn unwritable_path_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("нет такой папки").join("out.xlsx");
        let err = write_template(&demo_project(), &path).unwrap_err();
        assert!(matches!(err, ReportError::Io { .. }));
        assert!(err.to_string().contains("out.xlsx"), "{err}");
    }
}
