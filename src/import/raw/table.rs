//! The exports' columns, finding the header row, and reading data rows from CSV text or
//! workbook cells with located errors.
//!
//! CSV fields and workbook cells go through one [`Cell`] view so that every export is read by the
//! same rules: text by the `parse_*` functions of [`crate::import::cells`], cells by `cell_*`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use calamine::Data;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::phone::{Phone, mask_phone};
use crate::import::Problem;
use crate::import::cells::{
    ValueError, cell_day, cell_display, cell_is_blank, cell_month, cell_number, cell_seconds, cell_text,
    is_total_label, normalize_key, parse_day, parse_month, parse_number, parse_seconds,
};
use crate::import::problem::{CellFault, Consequence, ProblemKind, map_value_error};
use crate::import::redact::{holds_digit_run, looks_personal, mask_digit_runs};
use crate::import::schema::Column;
pub use crate::import::schema::ExportKind;
use crate::model::{Interner, Month};

/// How many non-blank rows from the top may hold the header (a report title above it is common).
const HEADER_SEARCH_ROWS: usize = 10;

const fn col(key: &'static str, ru: &'static str, synonyms: &'static [&'static str], required: bool) -> Column {
    Column { key, ru, synonyms, required }
}

const PHONE: Column = col(
    "phone",
    "телефон",
    &[
        "тел",
        "phone number",
        "номер телефона",
        "мобильный телефон",
        "мобильный",
        "телефон клиента",
        "телефон пациента",
        "mobile",
    ],
    true,
);

/// A chain's branch (domain.md, "Branches"), the same names as on the template's sheets.
const BRANCH: Column = col("branch", "филиал", &["клиника", "отделение сети", "branch office"], false);

const LEADS: &[Column] = &[
    col(
        "created",
        "дата создания",
        &["создан", "создано", "дата обращения", "created at", "дата", "date", "дата и время", "дата и время создания"],
        true,
    ),
    PHONE,
    col("source", "источник", &["канал", "utm_source", "channel", "источник лида", "источник обращения"], true),
    col("direction", "направление", &["отделение", "department"], false),
    col("status", "статус", &["статус лида", "этап", "стадия"], false),
    col("booked", "дата записи", &["записан на", "booked at", "booking date", "дата приема", "appointment"], false),
    col(
        "name",
        "имя",
        &["фио", "контакт", "клиент", "пациент", "фио клиента", "имя клиента", "contact", "client"],
        false,
    ),
    BRANCH,
];

const VISITS: &[Column] = &[
    col("date", "дата приёма", &["дата визита", "дата", "date", "visit date", "день"], true),
    PHONE,
    col("direction", "отделение", &["направление", "department"], false),
    col("doctor", "врач", &["доктор", "специалист", "фио врача"], false),
    col("amount", "сумма", &["оплачено", "оплата", "paid", "sum", "сумма оплаты", "оплачено руб"], true),
    col("patient", "пациент", &["фио", "имя", "фио пациента", "name", "клиент", "контакт"], false),
    BRANCH,
];

const SPEND: &[Column] = &[
    col("date", "дата", &["день", "day"], false),
    col("month", "месяц", &["период", "мес"], false),
    col("source", "источник", &["канал", "кампания", "campaign", "channel", "utm_source", "рекламная кампания"], true),
    col("spend", "расход", &["затраты", "расходы", "cost", "costs", "стоимость", "бюджет факт"], true),
    BRANCH,
];

const CALLS: &[Column] = &[
    col(
        "started",
        "дата и время",
        &["время звонка", "дата звонка", "начало", "calldate", "начало звонка", "дата", "date", "start", "started at"],
        true,
    ),
    col(
        "caller",
        "номер клиента",
        &["номер абонента", "абонент", "кто звонил", "телефон", "from", "contact_phone_number", "phone", "caller id"],
        true,
    ),
    col("callee", "кому звонили", &["номер назначения", "to", "куда", "destination"], false),
    col("call_type", "направление звонка", &["направление", "тип звонка", "тип", "type", "direction"], false),
    col("status", "статус", &["статус звонка", "результат", "disposition", "call status", "результат звонка"], true),
    col("wait", "ожидание", &["время ожидания", "waittime", "wait time", "ожидание сек"], false),
    col("duration", "длительность разговора", &["длительность", "разговор", "billsec", "talk time", "talk"], false),
    col("employee", "сотрудник", &["оператор", "ответственный", "принял", "agent", "operator", "администратор"], false),
    col("source", "источник", &["канал", "utm_source", "channel", "рекламный канал"], false),
];

impl ExportKind {
    /// The export's columns.
    pub fn columns(self) -> &'static [Column] {
        match self {
            ExportKind::Leads => LEADS,
            ExportKind::Visits => VISITS,
            ExportKind::Spend => SPEND,
            ExportKind::Calls => CALLS,
        }
    }

    /// The column with this key.
    pub fn column(self, key: &str) -> Option<&'static Column> {
        self.columns().iter().find(|c| c.key == key)
    }

    /// How messages name the export: `leads export (CRM)`.
    pub fn label(self) -> &'static str {
        match self {
            ExportKind::Leads => "leads export (CRM)",
            ExportKind::Visits => "visits export (MIS)",
            ExportKind::Spend => "spend export (ad cabinets)",
            ExportKind::Calls => "call journal (telephony)",
        }
    }

    /// Columns whose values are personal data: recognised so that they are never read, and so
    /// that they do not get an "unknown column" notice.
    pub(crate) fn is_private(key: &str) -> bool {
        matches!(key, "name" | "patient")
    }

    /// Columns holding phones: never quoted in a message, masked in previews.
    pub(crate) fn is_phone(key: &str) -> bool {
        matches!(key, "phone" | "caller" | "callee")
    }

    /// Whether the matched columns are enough to read the export. A spend export needs a date or a
    /// month; everything else needs its required columns.
    fn has_required(self, matched: &[(&'static Column, usize)]) -> bool {
        let has = |k: &str| matched.iter().any(|(c, _)| c.key == k);
        let required = self.columns().iter().filter(|c| c.required).all(|c| has(c.key));
        required && (self != ExportKind::Spend || has("date") || has("month"))
    }

    /// Labels of the required columns `matched` lacks.
    fn missing(self, matched: &[(&'static Column, usize)]) -> Vec<String> {
        let has = |k: &str| matched.iter().any(|(c, _)| c.key == k);
        let mut out: Vec<String> =
            self.columns().iter().filter(|c| c.required && !has(c.key)).map(Column::label).collect();
        if self == ExportKind::Spend && !has("date") && !has("month") {
            out.insert(0, "date (дата) or month (месяц)".to_string());
        }
        out
    }
}

/// The user's own reading of some headers, given in the app's import dialog: a header (as written,
/// compared the way headers are) is read as a field of the export, or ignored. It wins over the
/// built-in synonyms.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnMap {
    entries: Vec<(String, Option<String>)>,
}

impl ColumnMap {
    /// No overrides: headers are matched by their names only.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads the column headed `header` as the field `field` (a key such as `phone`, `created`,
    /// `amount`; see [`ExportKind::columns`]).
    pub fn assign(&mut self, header: &str, field: &str) -> &mut Self {
        self.set(header, Some(field.to_string()))
    }

    /// Ignores the column headed `header`, whatever its name says.
    pub fn ignore(&mut self, header: &str) -> &mut Self {
        self.set(header, None)
    }

    fn set(&mut self, header: &str, field: Option<String>) -> &mut Self {
        let key = normalize_key(header);
        self.entries.retain(|(h, _)| *h != key);
        self.entries.push((key, field));
        self
    }

    /// `None`: no override; `Some(None)`: ignore; `Some(Some(col))`: read as `col`.
    fn lookup(&self, kind: ExportKind, header: &str) -> Option<Option<&'static Column>> {
        let key = normalize_key(header);
        let (_, field) = self.entries.iter().find(|(h, _)| *h == key)?;
        match field {
            None => Some(None),
            Some(f) => kind.column(f).map(Some),
        }
    }
}

/// One cell of an export, from a CSV field or a workbook cell.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Cell<'a> {
    /// A CSV field.
    Text(&'a str),
    /// A workbook cell.
    Data(&'a Data),
}

static EMPTY: Data = Data::Empty;

impl Cell<'_> {
    fn is_blank(self) -> bool {
        match self {
            Cell::Text(s) => s.trim().is_empty(),
            Cell::Data(d) => cell_is_blank(d),
        }
    }

    fn display(self) -> String {
        match self {
            Cell::Text(s) => s.trim().to_string(),
            Cell::Data(d) => cell_display(d),
        }
    }

    fn text(self) -> Result<Option<String>, ValueError> {
        match self {
            Cell::Text(s) => {
                let t = s.trim();
                Ok((!t.is_empty()).then(|| t.to_string()))
            }
            Cell::Data(d) => cell_text(d),
        }
    }

    fn number(self) -> Result<Option<f64>, ValueError> {
        match self {
            Cell::Text(s) => parse_number(s),
            Cell::Data(d) => cell_number(d),
        }
    }

    fn day(self, is_1904: bool) -> Result<Option<NaiveDate>, ValueError> {
        match self {
            Cell::Text(s) => parse_day(s),
            Cell::Data(d) => cell_day(d, is_1904),
        }
    }

    fn month(self, is_1904: bool) -> Result<Option<Month>, ValueError> {
        match self {
            Cell::Text(s) => parse_month(s),
            Cell::Data(d) => cell_month(d, is_1904),
        }
    }

    /// A day with its time of day when the value has one (midnight otherwise): CRMs export
    /// `25.03.2024 14:05`, and the time orders leads created on the same day.
    fn datetime(self, is_1904: bool) -> Result<Option<NaiveDateTime>, ValueError> {
        let Some(day) = self.day(is_1904)? else {
            return Ok(None);
        };
        let time = match self {
            Cell::Text(s) => time_in_text(s),
            Cell::Data(Data::String(s) | Data::DateTimeIso(s)) => time_in_text(s),
            Cell::Data(Data::DateTime(dt)) => time_of_serial(dt.as_f64()),
            Cell::Data(Data::Float(f)) => time_of_serial(*f),
            Cell::Data(_) => None,
        };
        Ok(Some(day.and_time(time.unwrap_or(NaiveTime::MIN))))
    }
}

/// The time of day in a date-time text (`25.03.2024 14:05`, `2024-03-25T14:05:00Z`), if any.
fn time_in_text(text: &str) -> Option<NaiveTime> {
    let t = text.trim();
    // `25.03.2024 14:05:00` or `2024-03-25 14:05:00`, as journals write them a million times: the
    // same reading as below (no space or `T` before the time), without walking the text by chars.
    if let [day @ .., b' ', h1, h2, b':', m1, m2, b':', s1, s2] = t.as_bytes()
        && day.len() == 10
        && day.iter().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-'))
        && [h1, h2, m1, m2, s1, s2].iter().all(|b| b.is_ascii_digit())
    {
        let two = |a: &u8, b: &u8| u32::from(a - b'0') * 10 + u32::from(b - b'0');
        return NaiveTime::from_hms_opt(two(h1, h2), two(m1, m2), two(s1, s2));
    }
    let start = t.find(|c: char| c.is_whitespace() || c == 'T' || c == 't')?;
    let rest = t[start..].trim_start_matches(|c: char| c.is_whitespace() || c == 'T' || c == 't');
    let mut parts = rest.split(':');
    let h: u32 = parts.next()?.trim().parse().ok()?;
    let m: u32 = parts.next()?.get(..2)?.parse().ok()?;
    let s: u32 = parts.next().and_then(|p| p.get(..2)).and_then(|p| p.parse().ok()).unwrap_or(0);
    NaiveTime::from_hms_opt(h, m, s)
}

/// The time of day of an Excel serial's fraction, to the second.
fn time_of_serial(serial: f64) -> Option<NaiveTime> {
    if !serial.is_finite() {
        return None;
    }
    let secs = ((serial.fract() * 86_400.0).round() as u32).min(86_399);
    NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).filter(|t| t.num_seconds_from_midnight() > 0)
}

/// One row's cells: CSV fields (borrowed from the text where possible) or a workbook row.
pub(crate) enum RowCells<'a> {
    /// Fields of a CSV record.
    Text(Vec<Cow<'a, str>>),
    /// Cells of a worksheet row.
    Cells(&'a [Data]),
}

impl RowCells<'_> {
    fn get(&self, idx: usize) -> Cell<'_> {
        match self {
            RowCells::Text(fields) => Cell::Text(fields.get(idx).map_or("", |f| f.as_ref())),
            RowCells::Cells(cells) => Cell::Data(cells.get(idx).unwrap_or(&EMPTY)),
        }
    }

    fn len(&self) -> usize {
        match self {
            RowCells::Text(f) => f.len(),
            RowCells::Cells(c) => c.len(),
        }
    }

    fn is_blank(&self) -> bool {
        (0..self.len()).all(|i| self.get(i).is_blank())
    }

    fn has_total_label(&self) -> bool {
        (0..self.len()).any(|i| match self.get(i) {
            Cell::Text(s) => opens_total_label(s),
            Cell::Data(Data::String(s)) => opens_total_label(s),
            Cell::Data(_) => false,
        })
    }
}

/// Whether a cell reads as a totals row's label (`Итого`, `Всего`, `Total`, `Grand total`). This
/// runs on every cell of a million-row export, so the first two letters are looked at as bytes
/// first: only a cell that opens with `Ит`, `Вс`, `To` or `Gr` (any case) is read as a whole.
fn opens_total_label(s: &str) -> bool {
    let b = s.as_bytes();
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    match &b[start..] {
        [b'T' | b't', b'o' | b'O', ..]
        | [b'G' | b'g', b'r' | b'R', ..]
        // И, и then т, Т; В, в then с, С (UTF-8).
        | [0xD0, 0x98 | 0xB8, 0xD1, 0x82, ..]
        | [0xD0, 0x98 | 0xB8, 0xD0, 0xA2, ..]
        | [0xD0, 0x92 | 0xB2, 0xD1, 0x81, ..]
        | [0xD0, 0x92 | 0xB2, 0xD0, 0xA1, ..] => is_total_label(&s[start..]),
        // Any other printable ASCII or Cyrillic letter opens something else.
        [] | [0x21..=0x7E | 0xD0 | 0xD1, ..] => false,
        // Other Unicode (a no-break space, say) is trimmed as text.
        _ => {
            let t = s.trim_start();
            let mut cs = t.chars();
            matches!(
                (cs.next(), cs.next()),
                (Some('И' | 'и'), Some('т' | 'Т'))
                    | (Some('В' | 'в'), Some('с' | 'С'))
                    | (Some('T' | 't'), Some('o' | 'O'))
                    | (Some('G' | 'g'), Some('r' | 'R'))
            ) && is_total_label(t)
        }
    }
}

/// A header row found, with how its columns were read.
#[derive(Clone, Debug)]
pub(crate) struct Header {
    /// Position of the header row among the rows given to [`find_header`].
    pub index: usize,
    /// The row's number (CSV line or Excel row).
    pub row: u32,
    /// Fields read, with their column index.
    pub columns: Vec<(&'static Column, usize)>,
    /// Headers of columns that are not read (as written).
    pub extra: Vec<String>,
    /// Headers repeating a column already matched (as written), with that column.
    pub repeated: Vec<(String, &'static Column)>,
    /// Headers of columns with personal names, which are never read.
    pub private: Vec<String>,
    /// Every non-blank header as written, with the field it is read as (`None`: not read).
    pub texts: Vec<(String, Option<&'static str>)>,
}

/// The header that was looked for and not found.
#[derive(Clone, Debug)]
pub(crate) struct NoHeader {
    /// The row number of the best candidate, if any non-blank row was seen.
    pub row: Option<u32>,
    /// How many fields that candidate matched (to choose the sheet to blame).
    pub matched: usize,
    /// Labels of the required columns it lacks.
    pub missing: Vec<String>,
}

fn scan(kind: ExportKind, map: &ColumnMap, index: usize, row: u32, cells: &RowCells<'_>) -> Header {
    let mut h = Header {
        index,
        row,
        columns: Vec::new(),
        extra: Vec::new(),
        repeated: Vec::new(),
        private: Vec::new(),
        texts: Vec::new(),
    };
    for idx in 0..cells.len() {
        let cell = cells.get(idx);
        if cell.is_blank() {
            continue;
        }
        let text = cell.display();
        let column = match map.lookup(kind, &text) {
            Some(Some(c)) => Some(c),
            Some(None) => {
                h.texts.push((text, None));
                continue;
            }
            None => kind.columns().iter().find(|c| c.matches(&text)),
        };
        let repeated = column.is_some_and(|c| h.columns.iter().any(|(m, _)| m.key == c.key));
        h.texts.push((text.clone(), column.filter(|_| !repeated).map(|c| c.key)));
        match column {
            Some(c) if ExportKind::is_private(c.key) => h.private.push(text),
            Some(c) if h.columns.iter().any(|(m, _)| m.key == c.key) => h.repeated.push((text, c)),
            Some(c) => h.columns.push((c, idx)),
            None => h.extra.push(text),
        }
    }
    h
}

/// Finds the header row among the first non-blank rows of `rows` (row number, cells).
pub(crate) fn find_header(kind: ExportKind, map: &ColumnMap, rows: &[(u32, RowCells<'_>)]) -> Result<Header, NoHeader> {
    let scans: Vec<Header> = rows
        .iter()
        .enumerate()
        .filter(|(_, (_, cells))| !cells.is_blank())
        .take(HEADER_SEARCH_ROWS)
        .map(|(i, (row, cells))| scan(kind, map, i, *row, cells))
        .collect();
    if let Some(found) = scans.iter().find(|h| kind.has_required(&h.columns)) {
        return Ok(found.clone());
    }
    let best = scans
        .iter()
        .filter(|h| !h.columns.is_empty())
        .max_by_key(|h| (h.columns.len(), std::cmp::Reverse(h.index)))
        .or(scans.first());
    Err(NoHeader {
        row: best.map(|h| h.row),
        matched: best.map_or(0, |h| h.columns.len()),
        missing: kind.missing(best.map_or(&[][..], |h| &h.columns)),
    })
}

/// Where an export's problems are reported.
pub(crate) struct Place<'a> {
    /// The file's name.
    pub file: &'a str,
    /// The sheet, for a workbook.
    pub sheet: Option<&'a str>,
}

impl Place<'_> {
    pub(crate) fn problem(&self, error: bool, message: ProblemKind) -> Problem {
        let p = if error { Problem::error(self.file, message) } else { Problem::notice(self.file, message) };
        match self.sheet {
            Some(s) => p.in_sheet(s),
            None => p,
        }
    }

    /// The errors for an export whose header row was not found.
    pub(crate) fn missing(&self, kind: ExportKind, no: &NoHeader) -> Vec<Problem> {
        no.missing
            .iter()
            .map(|label| {
                let missing =
                    ProblemKind::ExportMissingColumn { column: label.clone(), export: kind, header_row: no.row };
                self.problem(true, missing).in_column(label.clone())
            })
            .collect()
    }

    /// Notices about the header: columns not read, repeated, and names that were dropped.
    pub(crate) fn header_notices(&self, header: &Header) -> Vec<Problem> {
        let mut out = Vec::new();
        // A header row glued to a data row (a broken export) would otherwise quote a patient.
        let quote = |v: &[String]| -> Vec<String> {
            v.iter().map(|h| if looks_personal(h) { mask_person(h) } else { h.clone() }).collect()
        };
        if !header.extra.is_empty() {
            out.push(self.problem(false, ProblemKind::ExportColumnsUnused(quote(&header.extra))));
        }
        for (text, c) in &header.repeated {
            out.push(self.problem(false, ProblemKind::RepeatedColumn { header: text.clone(), column: c.label() }));
        }
        if !header.private.is_empty() {
            out.push(self.problem(false, ProblemKind::PrivateColumns(quote(&header.private))));
        }
        out
    }
}

/// One unreadable value of a row.
struct RowError {
    column: &'static Column,
    value: Option<String>,
    fault: CellFault,
}

/// One data row being read: typed accessors by field key that record unreadable values.
pub(crate) struct RowReader<'r, 'a> {
    cells: &'r RowCells<'a>,
    columns: &'r [(&'static Column, usize)],
    is_1904: bool,
    errors: Vec<RowError>,
}

impl RowReader<'_, '_> {
    /// The field `key`'s column and its place in the row. Looked up for every field of every row
    /// (a few million times in a big export): the keys are a few bytes, compared in place rather
    /// than through a call to `memcmp` each.
    fn column(&self, key: &str) -> Option<(&'static Column, usize)> {
        let same = |a: &str| a.len() == key.len() && a.bytes().zip(key.bytes()).all(|(x, y)| x == y);
        self.columns.iter().find(|(c, _)| same(c.key)).copied()
    }

    fn lookup(&self, key: &str) -> Option<(&'static Column, Cell<'_>)> {
        self.column(key).map(|(c, idx)| (c, self.cells.get(idx)))
    }

    /// Whether the export has the field.
    pub fn has(&self, key: &str) -> bool {
        self.column(key).is_some()
    }

    fn read<T>(&mut self, key: &str, parse: impl FnOnce(Cell<'_>) -> Result<Option<T>, ValueError>) -> Option<T> {
        let (column, cell) = self.lookup(key)?;
        match parse(cell) {
            Ok(v) => v,
            Err(e) => {
                let shown = cell.display();
                let (value, fault) = if ExportKind::is_phone(column.key) && !matches!(e, ValueError::ExcelError(_)) {
                    // Never quote a phone: the message shows it masked, the value is left out.
                    (None, CellFault::Phone(mask_phone(e.value())))
                } else if looks_personal(&shown) || holds_several_fields(&shown) {
                    // A name, a phone or a whole glued row in the wrong column: never quoted.
                    (None, CellFault::Hidden)
                } else if matches!(column.key, "status" | "call_type") {
                    // A call's status or type is a word of the telephony's vocabulary, not a
                    // patient's: quoted whole, so the user sees which word to map.
                    (Some(shown.clone()), CellFault::Value(e))
                } else {
                    // Exports hold patients: a capitalised word (a name glued to a date, say) is
                    // shown by its first letter only.
                    (Some(mask_names(&shown)), CellFault::Value(map_value_error(e, mask_names)))
                };
                self.errors.push(RowError { column, value, fault });
                None
            }
        }
    }

    /// A source, channel or direction name. A value that looks like a phone or a person's name
    /// (see [`looks_personal`]) is refused with an error that shows it masked: it must never become
    /// a channel or direction that reaches the project, the JSON or the report.
    pub fn channel(&mut self, key: &str) -> Option<String> {
        let text = self.text(key)?;
        if let Some(fault) = refusal(&text, Check::Channel) {
            if let Some((column, _)) = self.lookup(key) {
                self.errors.push(RowError { column, value: None, fault });
            }
            return None;
        }
        Some(text)
    }

    /// The phone of field `key` (no identity when the field is absent, blank or unreadable; an
    /// unreadable cell is an error as for [`Self::text`]). A CSV field is parsed where it lies.
    pub fn phone(&mut self, key: &str) -> Phone {
        let cells = self.cells;
        match self.column(key).map(|(_, idx)| cells.get(idx)) {
            Some(Cell::Text(s)) => Phone::parse(s),
            Some(Cell::Data(_)) => self.text(key).map(|t| Phone::parse(&t)).unwrap_or_default(),
            None => Phone::default(),
        }
    }

    /// A text field as one shared copy per distinct value (see [`Shared`]), checked as `check`
    /// says: [`Check::Channel`] as [`Self::channel`]; [`Check::Doctor`] refuses a phone's digits only
    /// (names are what a doctor or employee column holds).
    /// The checks run once per distinct value, not once per row.
    pub fn shared(&mut self, key: &str, check: Check, cache: &mut Shared) -> Option<Arc<str>> {
        let cells = self.cells;
        let (column, idx) = self.column(key)?;
        let verdict = match cells.get(idx) {
            // An empty field (a column the export leaves blank) is not looked up.
            Cell::Text("") => return None,
            Cell::Text(raw) => match cache.seen.get(raw) {
                Some(v) => v.clone(),
                None => {
                    let v = cache.verdict(raw.trim(), check);
                    cache.seen.insert(raw.into(), v.clone());
                    v
                }
            },
            // Workbook cells are read as text first (their errors located as any text's).
            Cell::Data(_) => {
                let text = self.text(key)?;
                cache.verdict(&text, check)
            }
        };
        match verdict {
            Verdict::Blank => None,
            Verdict::Text(t) => Some(t),
            Verdict::Refused(fault) => {
                self.errors.push(RowError { column, value: None, fault });
                None
            }
        }
    }

    /// `value`, or an error when the required cell is empty.
    pub fn required<T>(&mut self, key: &str, value: Option<T>) -> Option<T> {
        if value.is_none()
            && !self.errors.iter().any(|e| e.column.key == key)
            && let Some((column, _)) = self.lookup(key)
        {
            self.errors.push(RowError { column, value: None, fault: CellFault::Empty });
        }
        value
    }

    /// A text field.
    pub fn text(&mut self, key: &str) -> Option<String> {
        self.read(key, |c| c.text())
    }

    /// A number field.
    pub fn number(&mut self, key: &str) -> Option<f64> {
        self.read(key, |c| c.number())
    }

    /// A day field.
    pub fn day(&mut self, key: &str) -> Option<NaiveDate> {
        let is_1904 = self.is_1904;
        self.read(key, |c| c.day(is_1904))
    }

    /// A month field.
    pub fn month(&mut self, key: &str) -> Option<Month> {
        let is_1904 = self.is_1904;
        self.read(key, |c| c.month(is_1904))
    }

    /// A day with an optional time of day.
    pub fn datetime(&mut self, key: &str) -> Option<NaiveDateTime> {
        let is_1904 = self.is_1904;
        self.read(key, |c| c.datetime(is_1904))
    }

    /// A text field read by `parse` (a word of a fixed list, such as a call status); a value it
    /// refuses is located like any other. Each distinct spelling is parsed once (`cache` keeps
    /// the answers).
    pub fn known_word<T: Clone>(
        &mut self,
        key: &str,
        parse: impl Fn(&str) -> Result<T, ValueError>,
        cache: &mut Words<T>,
    ) -> Option<T> {
        self.read(key, |c| match c {
            Cell::Text(raw) => {
                if let Some(known) = cache.0.get(raw) {
                    return known.clone();
                }
                let t = raw.trim();
                let answer = if t.is_empty() { Ok(None) } else { parse(t).map(Some) };
                cache.0.insert(raw.into(), answer.clone());
                answer
            }
            Cell::Data(_) => match c.text()? {
                Some(t) => parse(&t).map(Some),
                None => Ok(None),
            },
        })
    }

    /// A duration in seconds: a number, `H:MM:SS` / `MM:SS` text, or a time cell.
    pub fn seconds(&mut self, key: &str) -> Option<f64> {
        self.read(key, |c| match c {
            Cell::Text(s) => parse_seconds(s),
            Cell::Data(d) => cell_seconds(d),
        })
    }
}

/// Which values a text field refuses (see [`RowReader::shared`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Check {
    /// Any text.
    Plain,
    /// A channel, source or direction: never a person's name or phone.
    Channel,
    /// A doctor: names are what the column holds, but never a phone's digits.
    Doctor,
}

/// Why `text` (trimmed, not blank) cannot be a value of a field checked by `check`, as the
/// row error says it; `None` when it can.
fn refusal(text: &str, check: Check) -> Option<CellFault> {
    let personal = match check {
        Check::Plain => return None,
        Check::Channel => looks_personal(text),
        Check::Doctor => holds_digit_run(text),
    };
    (personal || holds_several_fields(text)).then(|| CellFault::NotAChannel(mask_person(text)))
}

/// What a text field's value was found to be.
#[derive(Clone, Debug)]
enum Verdict {
    Blank,
    Text(Arc<str>),
    Refused(CellFault),
}

/// The distinct values of one text field of an export, each checked once and kept as one shared
/// copy: a million visits name a few hundred directions and doctors.
#[derive(Default)]
pub(crate) struct Shared {
    /// Verdicts by the field as written (untrimmed).
    seen: HashMap<Box<str>, Verdict, rustc_hash::FxBuildHasher>,
    texts: Interner,
}

impl Shared {
    fn verdict(&mut self, text: &str, check: Check) -> Verdict {
        let t = text.trim();
        if t.is_empty() {
            return Verdict::Blank;
        }
        match refusal(t, check) {
            Some(fault) => Verdict::Refused(fault),
            None => Verdict::Text(self.texts.get(t)),
        }
    }
}

/// The answers of a word field's parser by the field as written (see [`RowReader::known_word`]).
pub(crate) struct Words<T>(HashMap<Box<str>, Result<Option<T>, ValueError>, rustc_hash::FxBuildHasher>);

impl<T> Default for Words<T> {
    fn default() -> Self {
        Self(HashMap::default())
    }
}
/// Whether a value holds what looks like several fields glued together (a row with another
/// separator, or rows swallowed by an open quote).
fn holds_several_fields(text: &str) -> bool {
    text.contains(['\t', ';']) || text.matches(',').count() >= 2 || text.lines().count() > 2
}

/// A value with every capitalised word (a name, perhaps) cut to its first letter:
/// `2025-03-01Иванова` stays a recognisable bad date without naming anyone.
fn mask_names(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_capital_word = false;
    let mut prev_letter = false;
    for c in text.chars() {
        if c.is_alphabetic() {
            if in_capital_word {
                out.push('*');
            } else {
                out.push(c);
                in_capital_word = c.is_uppercase() && !prev_letter;
            }
            prev_letter = true;
        } else {
            in_capital_word = false;
            prev_letter = false;
            out.push(c);
        }
    }
    out
}

/// A value as the import dialog's preview may show it: fields that hold dates, money or words
/// keep their shape with every capitalised word cut to its first letter (a name that slid into a
/// date column), words that look like a person or a phone are masked, doctors keep their names.
pub(crate) fn screen(key: &str, text: &str) -> String {
    match key {
        "created" | "date" | "booked" | "month" | "amount" | "spend" => mask_names(&mask_digit_runs(text)),
        "doctor" => mask_digit_runs(text),
        _ if looks_personal(text) || holds_several_fields(text) => mask_person(text),
        _ => text.to_string(),
    }
}

/// A personal value masked for a message: each word's first letter kept, digits masked
/// (`Иванова Мария` → `И****** М****`).
fn mask_person(text: &str) -> String {
    let words: Vec<String> = mask_digit_runs(text)
        .split_whitespace()
        .take(4)
        .map(|w| {
            let mut cs = w.chars();
            let first = cs.next().map(String::from).unwrap_or_default();
            first + &"*".repeat(cs.count().min(12))
        })
        .collect();
    words.join(" ")
}

/// Reads the data rows after the header with `read`, in file order.
///
/// Fully blank rows (in the fields read) are skipped silently; totals rows (`Итого`, `Всего`,
/// `Total`) with one notice. A row with unreadable values gives one error per value and no item.
pub(crate) fn read_rows<'a, T>(
    place: &Place<'_>,
    header: &Header,
    rows: impl Iterator<Item = (u32, RowCells<'a>)>,
    is_1904: bool,
    problems: &mut Vec<Problem>,
    read: impl FnMut(&mut RowReader<'_, 'a>) -> Option<T>,
) -> Vec<T> {
    let mut gather = Gather::default();
    gather.feed(place, header, rows, is_1904, problems, read);
    gather.finish(place, problems)
}

/// The items of an export read in pieces (a CSV file chunk by chunk), with the totals rows
/// skipped, for [`read_rows`]'s one notice at the end.
pub(crate) struct Gather<T> {
    /// The items read so far, in file order.
    pub items: Vec<T>,
    totals: Vec<u32>,
}

impl<T> Default for Gather<T> {
    fn default() -> Self {
        Self { items: Vec::new(), totals: Vec::new() }
    }
}

impl<T> Gather<T> {
    /// Reads `rows` as [`read_rows`] does, adding to what was read before.
    pub(crate) fn feed<'a>(
        &mut self,
        place: &Place<'_>,
        header: &Header,
        rows: impl Iterator<Item = (u32, RowCells<'a>)>,
        is_1904: bool,
        problems: &mut Vec<Problem>,
        mut read: impl FnMut(&mut RowReader<'_, 'a>) -> Option<T>,
    ) {
        for (row, cells) in rows {
            self.row(place, header, row, &cells, is_1904, problems, &mut read);
        }
    }

    /// Reads one row (`row` is its number) as [`Self::feed`] reads each of its rows.
    #[allow(clippy::too_many_arguments)] // `feed`'s arguments, for one row
    pub(crate) fn row<'a>(
        &mut self,
        place: &Place<'_>,
        header: &Header,
        row: u32,
        cells: &RowCells<'a>,
        is_1904: bool,
        problems: &mut Vec<Problem>,
        read: &mut impl FnMut(&mut RowReader<'_, 'a>) -> Option<T>,
    ) {
        if header.columns.iter().all(|(_, idx)| cells.get(*idx).is_blank()) {
            return;
        }
        if cells.has_total_label() {
            self.totals.push(row);
            return;
        }
        let mut reader = RowReader { cells, columns: &header.columns, is_1904, errors: Vec::new() };
        let item = read(&mut reader);
        if reader.errors.is_empty() {
            self.items.extend(item);
        } else {
            for e in reader.errors {
                let mut p = place
                    .problem(true, ProblemKind::Cell { fault: e.fault, then: Consequence::RowLeftOut })
                    .at_row(row)
                    .in_column(e.column.label());
                if let Some(v) = e.value {
                    p = p.with_value(v);
                }
                problems.push(p);
            }
        }
    }

    /// Adds what `next` read (the next piece of the same file) after what this one read; gives
    /// back `next`'s emptied vector, whose room can take the items of a piece to come.
    pub(crate) fn absorb(&mut self, mut next: Gather<T>) -> Vec<T> {
        self.items.append(&mut next.items);
        self.totals.append(&mut next.totals);
        next.items
    }

    /// The items, after the notice naming the totals rows skipped (if any).
    pub(crate) fn finish(self, place: &Place<'_>, problems: &mut Vec<Problem>) -> Vec<T> {
        if !self.totals.is_empty() {
            problems.push(place.problem(false, ProblemKind::ExportTotals(self.totals)));
        }
        self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_row(fields: &[&'static str]) -> RowCells<'static> {
        RowCells::Text(fields.iter().map(|f| Cow::Borrowed(*f)).collect())
    }

    #[test]
    fn headers_in_russian_and_english() {
        let rows = vec![
            (1, text_row(&["Выгрузка лидов за март"])),
            (2, text_row(&["Дата создания", "ФИО", "Телефон", "utm_source", "Статус", "Дата записи", "Комментарий"])),
        ];
        let h = find_header(ExportKind::Leads, &ColumnMap::new(), &rows).unwrap();
        assert_eq!(h.row, 2);
        let keys: Vec<_> = h.columns.iter().map(|(c, i)| (c.key, *i)).collect();
        assert_eq!(keys, vec![("created", 0), ("phone", 2), ("source", 3), ("status", 4), ("booked", 5)]);
        assert_eq!(h.private, vec!["ФИО"]);
        assert_eq!(h.extra, vec!["Комментарий"]);

        let visits = vec![(1, text_row(&["Дата приёма", "Пациент", "Телефон", "Врач", "Отделение", "Оплачено, ₽"]))];
        let h = find_header(ExportKind::Visits, &ColumnMap::new(), &visits).unwrap();
        let keys: Vec<_> = h.columns.iter().map(|(c, _)| c.key).collect();
        assert_eq!(keys, vec!["date", "phone", "doctor", "direction", "amount"]);

        let calls = vec![(
            1,
            text_row(&["Время звонка", "Тип", "Номер клиента", "Кому звонили", "Статус", "Ожидание", "Длительность"]),
        )];
        let h = find_header(ExportKind::Calls, &ColumnMap::new(), &calls).unwrap();
        let keys: Vec<_> = h.columns.iter().map(|(c, _)| c.key).collect();
        assert_eq!(keys, vec!["started", "call_type", "caller", "callee", "status", "wait", "duration"]);

        let spend = vec![(1, text_row(&["Месяц", "Кампания", "Расход (руб.)"]))];
        assert!(find_header(ExportKind::Spend, &ColumnMap::new(), &spend).is_ok());
        let bad = vec![(1, text_row(&["Кампания", "Расход"]))];
        let no = find_header(ExportKind::Spend, &ColumnMap::new(), &bad).unwrap_err();
        assert_eq!(no.missing, vec!["date (дата) or month (месяц)".to_string()]);
    }

    #[test]
    fn column_map_overrides_names() {
        let rows = vec![(1, text_row(&["Когда", "Тел.", "Откуда", "Канал"]))];
        let mut map = ColumnMap::new();
        map.assign("когда", "created").assign("Откуда", "source").ignore("Канал");
        let h = find_header(ExportKind::Leads, &map, &rows).unwrap();
        let keys: Vec<_> = h.columns.iter().map(|(c, i)| (c.key, *i)).collect();
        assert_eq!(keys, vec![("created", 0), ("phone", 1), ("source", 2)]);
    }

    #[test]
    fn personal_values_are_never_channels_or_quoted() {
        let header = vec![(1, text_row(&["created", "phone", "source"]))];
        let h = find_header(ExportKind::Leads, &ColumnMap::new(), &header).unwrap();
        let place = Place { file: "leads.csv", sheet: None };
        let rows = vec![
            (2, text_row(&["2025-03-01", "+7 916 123-45-67", "Иванова Мария"])),
            (3, text_row(&["Петров Иван, +7 916 765-43-21, yandex", "+7 916 765-43-21", "yandex"])),
            (4, text_row(&["2025-03-02", "+7 916 000-00-01", "Яндекс Директ"])),
        ];
        let mut problems = Vec::new();
        let items = read_rows(&place, &h, rows.into_iter(), false, &mut problems, |r| {
            let created = r.day("created");
            let source = r.channel("source");
            Some((created?, source?))
        });
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].1, "Яндекс Директ");
        let text: String = problems.iter().map(|p| format!("{p} {:?}\n", p.value)).collect();
        for secret in ["Иванова", "Мария", "Петров", "765-43-21", "1234567"] {
            assert!(!text.contains(secret), "{secret} leaked: {text}");
        }
        assert!(text.contains("И****** М****"), "{text}");
    }

    #[test]
    fn totals_labels_told_by_their_first_letters() {
        for total in ["Итого", "  итого:", "ВСЕГО", "всего", "Total", "\ttotals", "Grand total", "\u{a0}Итого"]
        {
            assert!(opens_total_label(total), "{total:?}");
        }
        for other in ["", " ", "Врач 1", "Стоматология", "Итоговая", "Товар", "2025-01-01", "\u{a0}Врач"]
        {
            assert!(!opens_total_label(other), "{other:?}");
        }
    }

    #[test]
    fn times_of_day() {
        let t = |s| Cell::Text(s).datetime(false).unwrap().unwrap().to_string();
        assert_eq!(t("25.03.2024 14:05"), "2024-03-25 14:05:00");
        assert_eq!(t("2024-03-25 14:05:07"), "2024-03-25 14:05:07");
        assert_eq!(t("2024-03-25T09:30:00Z"), "2024-03-25 09:30:00");
        assert_eq!(t("2024-03-25"), "2024-03-25 00:00:00");
        // The journal's own spelling, read without walking the text by chars, and an hour that
        // does not exist left at midnight as the general reading leaves it.
        assert_eq!(t("25.03.2024 08:00:07"), "2024-03-25 08:00:07");
        assert_eq!(t("25.03.2024 24:00:00"), "2024-03-25 00:00:00");
        assert_eq!(time_in_text("1.03.2024 24:00:00"), None);
    }
}
