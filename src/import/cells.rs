//! Reading one cell, or one piece of typed or pasted text, the way Russian-speaking clinics write it:
//! numbers with spaces, `₽` and decimal commas, months as `март 2025`, days as `25.03.2025 14:05`,
//! tiers, NPS periods and scores, and sheet/column names.
//!
//! Two layers, both public because the raw-export reader (CSV and workbooks) and the UI's grid
//! editing reuse them:
//! - `parse_*` take text (a CSV field, a value typed into a grid cell);
//! - `cell_*` take a cell ([`CellRef`]: a calamine [`Data`], or a value kept by the template
//!   reader): number and date cells are read as stored, text cells go through the `parse_*` rules.
//!
//! Every function returns `Ok(None)` for an empty value ("missing") and a [`ValueError`] for a value
//! that cannot be read; the error's text quotes the value.

use calamine::{CellErrorType, Data, ExcelDateTime, ExcelDateTimeType};
use chrono::NaiveDate;

use crate::model::{Month, NpsPeriod, NpsScale, Tier};

/// Why a value could not be read. Its text is a sentence fragment that quotes the value, e.g.
/// `«двадцать» is not a number`; the importer adds where the value was.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    /// Text that is not a number.
    #[error("«{0}» is not a number")]
    NotANumber(String),
    /// A number where a whole number is needed (days, NPS scores).
    #[error("«{0}» is not a whole number")]
    NotAWholeNumber(String),
    /// A number outside 0..1 where a share is needed (a margin, a conversion rate).
    #[error("«{0}» is not a share between 0 and 1 (write 40% or 0.4 for forty percent)")]
    NotAShare(String),
    /// A negative number where only zero or more makes sense.
    #[error("«{0}» is negative; only zero or more makes sense here")]
    Negative(String),
    /// Text that is not a month in any known spelling.
    #[error("«{0}» is not a month (write it as 2025-03, март 2025 or Mar 2025)")]
    NotAMonth(String),
    /// Month text whose month word is unknown.
    #[error("«{value}» is not a month: «{word}» is not the name of a month")]
    UnknownMonthWord {
        /// The whole value.
        value: String,
        /// The word that is not a month name.
        word: String,
    },
    /// Text that is not a day in any known spelling.
    #[error("«{0}» is not a date (write it as 2025-03-25 or 25.03.2025)")]
    NotADay(String),
    /// A date that looks right but does not exist (2025-02-30).
    #[error("«{0}» is not a real date: there is no such day in the calendar")]
    ImpossibleDate(String),
    /// A tier other than the three names.
    #[error(
        "«{0}» is not a tier: write proven, scaling or experiment \
         (проверенный, масштабирование, эксперимент)"
    )]
    NotATier(String),
    /// An NPS period that is neither a year nor a month.
    #[error("«{0}» is not an NPS period: write a year (2025) or a month (2025-03)")]
    NotAPeriod(String),
    /// An NPS score outside the project's scale.
    #[error("«{value}» is not a score on the {scale} scale, which runs from {min} to 10")]
    ScoreOutOfScale {
        /// The value as written.
        value: String,
        /// The scale's settings name (`standard`, `ten_smiles`).
        scale: &'static str,
        /// The scale's lowest score.
        min: u8,
    },
    /// An NPS scale name other than the two known ones.
    #[error("«{0}» is not an NPS scale: write standard (scores 0 to 10) or ten_smiles (1 to 10)")]
    NotAScale(String),
    /// Weekday weights that are not seven numbers.
    #[error("«{0}» is not seven weekday weights, Monday to Sunday (for example 1 1 1 1 1 0,5 0)")]
    NotWeekdayWeights(String),
    /// An Excel error value such as `#DIV/0!` or `#N/A`.
    #[error("«{0}» is an Excel error, not a value")]
    ExcelError(String),
    /// A call status outside the known words (domain.md, "Calls").
    #[error(
        "«{0}» is not a call status: write принят, отвечен, успешный or answered for an answered call, and пропущен, не принят, нет ответа, занято, no answer, missed or busy for a missed one"
    )]
    NotACallStatus(String),
    /// A call direction outside the known words.
    #[error("«{0}» is not a call direction: write входящий (in, incoming) or исходящий (out, outgoing)")]
    NotACallType(String),
    /// A duration that is neither seconds nor `H:MM:SS` / `MM:SS`.
    #[error("«{0}» is not a duration: write seconds (75) or minutes and seconds (1:15, 0:01:15)")]
    NotADuration(String),
}

impl ValueError {
    /// The value the error quotes, as written.
    pub fn value(&self) -> &str {
        match self {
            ValueError::NotANumber(v)
            | ValueError::NotAWholeNumber(v)
            | ValueError::NotAShare(v)
            | ValueError::Negative(v)
            | ValueError::NotAMonth(v)
            | ValueError::NotADay(v)
            | ValueError::ImpossibleDate(v)
            | ValueError::NotATier(v)
            | ValueError::NotAPeriod(v)
            | ValueError::NotAScale(v)
            | ValueError::NotWeekdayWeights(v)
            | ValueError::ExcelError(v)
            | ValueError::NotACallStatus(v)
            | ValueError::NotACallType(v)
            | ValueError::NotADuration(v) => v,
            ValueError::UnknownMonthWord { value, .. } | ValueError::ScoreOutOfScale { value, .. } => value,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Names of sheets, columns and settings keys

/// The comparable form of a sheet name, header or key: lower case, `ё` read as `е`, and everything
/// but letters and digits (spaces, `_`, punctuation, `₽`, `%`) dropped.
///
/// `"Бюджет_план"`, `"бюджет план"` and `"БЮДЖЕТ-ПЛАН"` all become `"бюджетплан"`.
pub fn normalize_key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'ё' => Some('е'),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// The forms under which a header may name a column: the whole header, the part before the first
/// `(` or `,` (so `Расход, руб.` is `расход`), and each part in parentheses (so `Лиды (leads)` is
/// also `leads`). All normalised with [`normalize_key`]; empty forms are left out.
pub fn header_forms(text: &str) -> Vec<String> {
    let mut forms = vec![normalize_key(text)];
    if let Some(i) = text.find(['(', ',']) {
        forms.push(normalize_key(&text[..i]));
    }
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let inner = &rest[open + 1..];
        let close = inner.find(')').unwrap_or(inner.len());
        forms.push(normalize_key(&inner[..close]));
        rest = &inner[close..];
    }
    forms.retain(|f| !f.is_empty());
    forms.dedup();
    forms
}

/// Whether a header (as written) names the column known by `names` (already normalised forms).
pub fn header_matches(header: &str, names: &[&str]) -> bool {
    header_forms(header).iter().any(|form| names.iter().any(|n| normalize_key(n) == *form))
}

// ---------------------------------------------------------------------------------------------
// Cells as text

/// A cell's value, borrowed: calamine's [`Data`] without owning its text, so that cells can be read
/// where they are kept (the template reader keeps each distinct text of a sheet once, not once per
/// cell). `cell_*` take it, or a `&Data` (which converts for free).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CellRef<'a> {
    /// No value.
    Empty,
    /// Text.
    String(&'a str),
    /// A whole number.
    Int(i64),
    /// A number.
    Float(f64),
    /// TRUE or FALSE.
    Bool(bool),
    /// A date, time or duration cell.
    DateTime(ExcelDateTime),
    /// A date written as ISO 8601 text (OpenDocument).
    DateTimeIso(&'a str),
    /// A duration written as ISO 8601 text (OpenDocument).
    DurationIso(&'a str),
    /// An Excel error such as `#N/A`.
    Error(&'a CellErrorType),
}

impl<'a> From<&'a Data> for CellRef<'a> {
    fn from(d: &'a Data) -> Self {
        match d {
            Data::Empty => CellRef::Empty,
            Data::String(s) => CellRef::String(s),
            Data::Int(i) => CellRef::Int(*i),
            Data::Float(f) => CellRef::Float(*f),
            Data::Bool(b) => CellRef::Bool(*b),
            Data::DateTime(dt) => CellRef::DateTime(*dt),
            Data::DateTimeIso(s) => CellRef::DateTimeIso(s),
            Data::DurationIso(s) => CellRef::DurationIso(s),
            Data::Error(e) => CellRef::Error(e),
        }
    }
}

/// A cell's value as a person would quote it: text as written (trimmed), whole numbers without a
/// decimal part, dates as `YYYY-MM-DD` (with `HH:MM` when there is a time), Excel errors as
/// `#DIV/0!`. Empty for an empty cell.
pub fn cell_display<'c>(cell: impl Into<CellRef<'c>>) -> String {
    let cell = cell.into();
    match &cell {
        CellRef::Empty => String::new(),
        CellRef::String(s) => s.trim().to_string(),
        CellRef::Int(i) => i.to_string(),
        CellRef::Float(f) => number_display(*f),
        CellRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        CellRef::DateTime(dt) => {
            if dt.is_duration() || !(0.0..LAST_SERIAL + 1.0).contains(&dt.as_f64()) {
                return number_display(dt.as_f64());
            }
            let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
            match (hh, mm, ss) {
                (0, 0, 0) => format!("{y:04}-{m:02}-{d:02}"),
                (_, _, 0) => format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}"),
                _ => format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02}"),
            }
        }
        CellRef::DateTimeIso(s) | CellRef::DurationIso(s) => s.trim().to_string(),
        CellRef::Error(e) => e.to_string(),
    }
}

/// A number as text: integral values as their digits ("2025", not "2025.0").
fn number_display(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 { format!("{}", f as i64) } else { f.to_string() }
}

/// Whether a cell holds nothing: empty, or text of spaces only.
pub fn cell_is_blank<'c>(cell: impl Into<CellRef<'c>>) -> bool {
    let cell = cell.into();
    match &cell {
        CellRef::Empty => true,
        CellRef::String(s) | CellRef::DateTimeIso(s) | CellRef::DurationIso(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A cell where text is expected (a name, a channel, a phone): text trimmed; a number cell as its
/// integer digits when whole (`2025`, not `2025.0`); a date cell as `YYYY-MM-DD`.
///
/// # Errors
/// [`ValueError::ExcelError`] for `#N/A` and friends.
pub fn cell_text<'c>(cell: impl Into<CellRef<'c>>) -> Result<Option<String>, ValueError> {
    let cell = cell.into();
    match &cell {
        CellRef::Error(e) => Err(ValueError::ExcelError(e.to_string())),
        _ if cell_is_blank(cell) => Ok(None),
        _ => Ok(Some(cell_display(cell))),
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers

/// Reads a number written as text: `1 234 567,89`, `1 234 ₽`, `1234 руб.`, `25%` (→ 0.25),
/// `−500`, `1.234.567`, `1,234,567.5`.
///
/// Spaces of every kind (also U+00A0 and U+202F) are dropped; `₽`, `руб.`, `р.`, `rub` around the
/// number are ignored; a trailing `%` divides by 100. Where both `,` and `.` appear the last one is
/// the decimal separator; a single `,` or a single `.` is a decimal separator (`1,234` is 1.234); a
/// repeated one separates groups of three digits. A leading `-`, `−` (U+2212) or `–` makes it
/// negative. Empty text, or a lone dash (`-`, `—`), is a missing value.
///
/// # Errors
/// [`ValueError::NotANumber`] quoting the text for anything else (`двадцать`, `1.2.3`, `1e5`).
pub fn parse_number(text: &str) -> Result<Option<f64>, ValueError> {
    if let Some(v) = plain_amount(text) {
        return Ok(v);
    }
    let trimmed = text.trim();
    let err = || ValueError::NotANumber(trimmed.to_string());
    let squeezed: String = trimmed.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
    if squeezed.is_empty() || squeezed.chars().all(|c| matches!(c, '-' | '−' | '–' | '—')) {
        return Ok(None);
    }
    // Units are cut off as slices of the one squeezed copy: this runs on every amount of an export.
    let mut s = squeezed.as_str();
    let mut percent = false;
    loop {
        let before = s.len();
        if let Some(rest) = s.strip_suffix('%') {
            if percent {
                return Err(err());
            }
            percent = true;
            s = rest;
        }
        for unit in ["руб.", "руб", "р.", "р", "₽", "rub.", "rub", "rur"] {
            if let Some(rest) = s.strip_suffix(unit) {
                s = rest;
            }
        }
        if let Some(rest) = s.strip_prefix('₽') {
            s = rest;
        }
        if s.len() == before {
            break;
        }
    }
    let (negative, body) = match s.chars().next() {
        Some(c @ ('-' | '−' | '–' | '+')) => (c != '+', &s[c.len_utf8()..]),
        _ => (false, s),
    };
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return Err(err());
    }
    let canonical = canonical_decimal(body).ok_or_else(err)?;
    let value: f64 = canonical.parse().map_err(|_| err())?;
    let value = if negative { -value } else { value };
    let value = if percent { value / 100.0 } else { value };
    if value.is_finite() { Ok(Some(value)) } else { Err(err()) }
}

/// The common spellings of an export's amounts read without allocating: blank, or digits with
/// spaces between groups, one `,` or `.` before the decimals, and an optional `₽` or `руб.` after
/// (`1 234,00 ₽`, `2500`, `99.5`). `None`: anything else, for [`parse_number`]'s full rules,
/// which give the same value for these spellings.
fn plain_amount(text: &str) -> Option<Option<f64>> {
    let t = text.trim();
    let t = t.strip_suffix('₽').or_else(|| t.strip_suffix("руб.")).unwrap_or(t).trim_end();
    if t.is_empty() {
        return (t.len() == text.trim().len()).then_some(None);
    }
    // Digits and at most one decimal mark, copied without the spaces: at most 40 of them.
    let mut buf = [0u8; 40];
    let mut len = 0;
    let mut marks = 0;
    for c in t.chars() {
        let b = match c {
            '0'..='9' => c as u8,
            ',' | '.' => {
                marks += 1;
                b'.'
            }
            ' ' | '\u{a0}' | '\u{202f}' => continue,
            _ => return None,
        };
        if marks > 1 || len == buf.len() {
            return None;
        }
        buf[len] = b;
        len += 1;
    }
    let digits = std::str::from_utf8(&buf[..len]).ok()?;
    if digits == "." {
        return None;
    }
    // `5.` and `.5` are read as the full rules read them: 5 and 0.5.
    let value: f64 = digits.parse().ok()?;
    value.is_finite().then_some(Some(value))
}

/// `body` (digits, `,` and `.` only) rewritten with `.` as the only separator, or `None` when its
/// separators follow no rule.
fn canonical_decimal(body: &str) -> Option<String> {
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let (decimal, group) = match (commas, dots) {
        (0, 0) => (None, None),
        (_, 0) if commas == 1 => (Some(','), None),
        (0, _) if dots == 1 => (Some('.'), None),
        (_, 0) => (None, Some(',')),
        (0, _) => (None, Some('.')),
        _ => {
            let last = body.rfind([',', '.'])?;
            let dec = body[last..].chars().next()?;
            let grp = if dec == ',' { '.' } else { ',' };
            if body.matches(dec).count() != 1 {
                return None;
            }
            (Some(dec), Some(grp))
        }
    };
    let (int_part, frac_part) = match decimal {
        Some(d) => body.split_once(d)?,
        None => (body, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let int_digits = match group {
        Some(g) => {
            let groups: Vec<&str> = int_part.split(g).collect();
            let first_ok = (1..=3).contains(&groups[0].len());
            if !first_ok || groups[1..].iter().any(|grp| grp.len() != 3) {
                return None;
            }
            groups.concat()
        }
        None => int_part.to_string(),
    };
    let int_digits = if int_digits.is_empty() { "0".to_string() } else { int_digits };
    Some(if frac_part.is_empty() { int_digits } else { format!("{int_digits}.{frac_part}") })
}

/// A cell where a number is expected: number cells as stored (a 25 % cell is 0.25), text by
/// [`parse_number`].
///
/// # Errors
/// [`ValueError::NotANumber`] for unreadable text, a date or a TRUE/FALSE cell;
/// [`ValueError::ExcelError`] for `#DIV/0!` and friends.
pub fn cell_number<'c>(cell: impl Into<CellRef<'c>>) -> Result<Option<f64>, ValueError> {
    let cell = cell.into();
    match &cell {
        CellRef::Empty => Ok(None),
        CellRef::Int(i) => Ok(Some(*i as f64)),
        CellRef::Float(f) if f.is_finite() => Ok(Some(*f)),
        CellRef::String(s) => parse_number(s),
        CellRef::Error(e) => Err(ValueError::ExcelError(e.to_string())),
        _ if cell_is_blank(cell) => Ok(None),
        _ => Err(ValueError::NotANumber(cell_display(cell))),
    }
}

/// `value` when it is a share 0..=1 (a margin, a conversion rate).
///
/// # Errors
/// [`ValueError::NotAShare`] quoting `written`.
pub fn check_share(value: f64, written: &str) -> Result<f64, ValueError> {
    if (0.0..=1.0).contains(&value) { Ok(value) } else { Err(ValueError::NotAShare(written.to_string())) }
}

/// Reads a duration in seconds as telephony exports write it: a number of seconds (`75`, `75,5`,
/// `75 сек`), or `H:MM:SS` / `MM:SS` (`0:01:15`, `1:15`). Empty text is a missing value.
///
/// # Errors
/// [`ValueError::NotADuration`] quoting the text; [`ValueError::Negative`] for a negative number.
pub fn parse_seconds(text: &str) -> Result<Option<f64>, ValueError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Some(v) = plain_duration(t) {
        return Ok(Some(v));
    }
    let err = || ValueError::NotADuration(t.to_string());
    if t.contains(':') {
        // The parts are walked twice rather than collected: a journal has a million durations.
        let parts = || t.split(':').map(str::trim);
        let count = parts().count();
        if count > 3 || parts().any(str::is_empty) {
            return Err(err());
        }
        let mut total = 0.0;
        let last = count - 1;
        for (i, p) in parts().enumerate() {
            // Only the seconds may have a fraction (`1:15,5`); minutes and seconds stay below 60.
            let v: f64 = if i == last {
                let parsed = if p.contains(',') { p.replace(',', ".").parse() } else { p.parse() };
                parsed.map_err(|_| err())?
            } else {
                p.parse::<u32>().map(f64::from).map_err(|_| err())?
            };
            if !v.is_finite() || v < 0.0 || (i > 0 && v >= 60.0) {
                return Err(err());
            }
            total = total * 60.0 + v;
        }
        return Ok(Some(total));
    }
    let lower = t.to_lowercase();
    let number =
        ["секунд", "сек.", "сек", "с.", "с", "sec", "s"].iter().find_map(|u| lower.strip_suffix(u)).unwrap_or(&lower);
    match parse_number(number) {
        Ok(Some(v)) if v < 0.0 => Err(ValueError::Negative(t.to_string())),
        Ok(v) => Ok(v),
        Err(_) => Err(err()),
    }
}

/// `M:SS` or `H:MM:SS` in ASCII digits only (what a call journal writes a million times), with the
/// value the full rules of [`parse_seconds`] give; `None` for anything else, which they then read.
fn plain_duration(t: &str) -> Option<f64> {
    let mut parts = [0u32; 3];
    let (mut count, mut digits) = (0, 0);
    for &b in t.as_bytes() {
        match b {
            // Nine digits fit a `u32`; longer parts (an error or not) go to the full rules.
            b'0'..=b'9' if digits < 9 => {
                parts[count] = parts[count] * 10 + u32::from(b - b'0');
                digits += 1;
            }
            b':' if digits > 0 && count < 2 => {
                count += 1;
                digits = 0;
            }
            _ => return None,
        }
    }
    if count == 0 || digits == 0 || parts[1..=count].iter().any(|&v| v >= 60) {
        return None;
    }
    // The same order of sums as the full rules, so the same value to the last bit.
    Some(parts[1..=count].iter().fold(f64::from(parts[0]), |total, &v| total * 60.0 + f64::from(v)))
}

/// A cell where a duration is expected: a number of seconds, text as [`parse_seconds`], or a time
/// cell (`0:01:15` formatted as a time is a fraction of a day).
///
/// # Errors
/// As [`parse_seconds`]; [`ValueError::ExcelError`].
pub fn cell_seconds<'c>(cell: impl Into<CellRef<'c>>) -> Result<Option<f64>, ValueError> {
    let cell = cell.into();
    match &cell {
        CellRef::DateTime(dt) => Ok(Some((dt.as_f64() * 86_400.0).round())),
        CellRef::DurationIso(s) => iso_seconds(s).map(Some).ok_or_else(|| ValueError::NotADuration(s.to_string())),
        CellRef::String(s) | CellRef::DateTimeIso(s) => parse_seconds(s),
        CellRef::Float(f) if *f < 0.0 => Err(ValueError::Negative(cell_display(cell))),
        CellRef::Int(i) if *i < 0 => Err(ValueError::Negative(cell_display(cell))),
        _ => cell_number(cell),
    }
}

/// Seconds of an ISO 8601 duration as OpenDocument writes time values (`PT00H01M15S`).
fn iso_seconds(text: &str) -> Option<f64> {
    let rest = text.trim().strip_prefix("PT")?;
    let mut total = 0.0;
    let mut number = String::new();
    for c in rest.chars() {
        match c {
            'H' | 'M' | 'S' => {
                let v: f64 = number.parse().ok()?;
                total += v * match c {
                    'H' => 3600.0,
                    'M' => 60.0,
                    _ => 1.0,
                };
                number.clear();
            }
            _ => number.push(c),
        }
    }
    number.is_empty().then_some(total)
}

/// A cell where a share 0..1 is expected: `40%` text, a 40 % cell and `0,4` all give 0.4.
///
/// # Errors
/// As [`cell_number`], and [`ValueError::NotAShare`] for a value outside 0..1 (such as 40).
pub fn cell_share<'c>(cell: impl Into<CellRef<'c>>) -> Result<Option<f64>, ValueError> {
    let cell = cell.into();
    match cell_number(cell)? {
        Some(v) => check_share(v, &cell_display(cell)).map(Some),
        None => Ok(None),
    }
}

/// A cell where a whole number of zero or more is expected (a count of days).
///
/// # Errors
/// As [`cell_number`], [`ValueError::NotAWholeNumber`] for a fraction, [`ValueError::Negative`].
pub fn cell_whole_number<'c>(cell: impl Into<CellRef<'c>>) -> Result<Option<u32>, ValueError> {
    let cell = cell.into();
    match cell_number(cell)? {
        None => Ok(None),
        Some(v) if v < 0.0 => Err(ValueError::Negative(cell_display(cell))),
        Some(v) if v.fract() != 0.0 || v > f64::from(u32::MAX) => Err(ValueError::NotAWholeNumber(cell_display(cell))),
        Some(v) => Ok(Some(v as u32)),
    }
}

// ---------------------------------------------------------------------------------------------
// Months and days

/// Spellings of each month, January first: Russian nominative and genitive, English. Any prefix of
/// three letters or more of one of these is accepted too (`янв`, `сент`, `Sept`).
const MONTH_WORDS: [[&str; 3]; 12] = [
    ["январь", "января", "january"],
    ["февраль", "февраля", "february"],
    ["март", "марта", "march"],
    ["апрель", "апреля", "april"],
    ["май", "мая", "may"],
    ["июнь", "июня", "june"],
    ["июль", "июля", "july"],
    ["август", "августа", "august"],
    ["сентябрь", "сентября", "september"],
    ["октябрь", "октября", "october"],
    ["ноябрь", "ноября", "november"],
    ["декабрь", "декабря", "december"],
];

/// Words that may follow a year and mean nothing more: `2025 г.`, `2025 года`.
const YEAR_WORDS: [&str; 5] = ["г", "гг", "год", "года", "y"];

/// The month (1..=12) a month word names: `январь`, `января`, `янв`, `Jan`, `January`
/// (case-insensitive, `ё` as `е`, a trailing dot ignored).
pub fn month_from_word(word: &str) -> Option<u32> {
    let w = normalize_key(word);
    if w.is_empty() {
        return None;
    }
    let long_enough = w.chars().count() >= 3;
    MONTH_WORDS
        .iter()
        .position(|forms| forms.iter().any(|f| *f == w || (long_enough && f.starts_with(&w))))
        .map(|i| i as u32 + 1)
}

/// A piece of date text: a run of digits or a run of letters; punctuation and spaces split them.
#[derive(Debug, PartialEq)]
enum Token<'a> {
    Digits(&'a str),
    Word(&'a str),
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let kind = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        if let Some((s, digits)) = start
            && kind != Some(digits)
        {
            out.push(if digits { Token::Digits(&text[s..i]) } else { Token::Word(&text[s..i]) });
            start = None;
        }
        if start.is_none() {
            start = kind.map(|d| (i, d));
        }
    }
    out
}

/// A date written with a month word: (day if given, month 1..=12, year).
type WordDate = (Option<u32>, u32, i32);

/// Month text with a month word, optionally with a day: `январь 2025`, `янв. 2025`, `Jan-25`,
/// `25 марта 2025`. `None` when the text has no letters (not this form);
/// `Some(Err(..))` when it has letters but is not a month.
fn parse_word_date(text: &str) -> Option<Result<WordDate, ValueError>> {
    let toks: Vec<Token<'_>> = tokens(text)
        .into_iter()
        .filter(|t| !matches!(t, Token::Word(w) if YEAR_WORDS.contains(&normalize_key(w).as_str())))
        .collect();
    let words: Vec<&str> = toks.iter().filter_map(|t| if let Token::Word(w) = t { Some(*w) } else { None }).collect();
    if words.is_empty() {
        return None;
    }
    let not_month = || ValueError::NotAMonth(text.trim().to_string());
    if !toks.iter().any(|t| matches!(t, Token::Digits(_))) {
        // Only words ("вчера", "март"): no year, so not a month whatever the word is.
        return Some(Err(not_month()));
    }
    if words.len() != 1 {
        let unknown = words.iter().find(|w| month_from_word(w).is_none());
        return Some(Err(match unknown {
            Some(w) => ValueError::UnknownMonthWord { value: text.trim().to_string(), word: (*w).to_string() },
            None => not_month(),
        }));
    }
    let Some(month) = month_from_word(words[0]) else {
        return Some(Err(ValueError::UnknownMonthWord { value: text.trim().to_string(), word: words[0].to_string() }));
    };
    let year_of = |d: &str| -> Option<i32> {
        match d.len() {
            4 => d.parse().ok(),
            2 => d.parse::<i32>().ok().map(|y| 2000 + y),
            _ => None,
        }
    };
    let parsed = match toks.as_slice() {
        [Token::Word(_), Token::Digits(y)] => year_of(y).map(|y| (None, month, y)),
        [Token::Digits(y), Token::Word(_)] if y.len() == 4 => year_of(y).map(|y| (None, month, y)),
        [Token::Digits(d), Token::Word(_), Token::Digits(y)] if d.len() <= 2 && y.len() == 4 => {
            Some((d.parse().ok(), month, y.parse().unwrap_or(0)))
        }
        _ => None,
    };
    Some(parsed.ok_or_else(not_month))
}

/// Reads a month written as text: `2025-03`, `2025-3`, `03.2025`, `3/2025`, a day (`2025-03-15`,
/// `15.03.2025`, any day of the month), or a month word with a year: `март 2025`, `марта 2025`,
/// `мар 2025`, `мар. 2025`, `Mar 2025`, `March 2025`, `Mar-25` (case-insensitive).
///
/// # Errors
/// [`ValueError::UnknownMonthWord`] for an unknown month word (`Мартт 2025`),
/// [`ValueError::ImpossibleDate`] for a day that does not exist, [`ValueError::NotAMonth`] otherwise.
pub fn parse_month(text: &str) -> Result<Option<Month>, ValueError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let not_month = || ValueError::NotAMonth(t.to_string());
    if let Some((year, month)) = plain_year_month(t) {
        return Month::new(year, month).map(Some).ok_or_else(not_month);
    }
    if let Some(word) = parse_word_date(t) {
        let (day, month, year) = word?;
        if let Some(day) = day {
            NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| ValueError::ImpossibleDate(t.to_string()))?;
        }
        return Month::new(year, month).map(Some).ok_or_else(not_month);
    }
    match parse_numeric_day(t) {
        Some(Ok(day)) => return Ok(Some(Month::of(day))),
        Some(Err(e)) => return Err(e),
        None => {}
    }
    let parts: Vec<&str> = t.split(['-', '.', '/']).map(str::trim).collect();
    let all_digits = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    let (year, month) = match parts.as_slice() {
        [y, m] if y.len() == 4 && (1..=2).contains(&m.len()) && all_digits(y) && all_digits(m) => (y, m),
        [m, y] if y.len() == 4 && (1..=2).contains(&m.len()) && all_digits(y) && all_digits(m) => (y, m),
        _ => return Err(not_month()),
    };
    let year: i32 = year.parse().map_err(|_| not_month())?;
    let month: u32 = month.parse().map_err(|_| not_month())?;
    Month::new(year, month).map(Some).ok_or_else(not_month)
}

/// The template's own spelling of a month, `2025-03` (or `03.2025`, with `-`, `.` or `/`), read
/// without allocating: it runs on every row of the Funnel sheet. `None`: anything else, for
/// [`parse_month`]'s full rules, which read these spellings the same way.
fn plain_year_month(t: &str) -> Option<(i32, u32)> {
    let sep = t.bytes().position(|b| matches!(b, b'-' | b'.' | b'/'))?;
    let (a, b) = (&t[..sep], &t[sep + 1..]);
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !digits(a) || !digits(b) {
        return None;
    }
    let (year, month) = match (a.len(), b.len()) {
        (4, 1..=2) => (a, b),
        (1..=2, 4) => (b, a),
        _ => return None,
    };
    Some((year.parse().ok()?, month.parse().ok()?))
}

/// `YYYY-MM-DD`, `YYYY.MM.DD`, `DD.MM.YYYY` or `DD.MM.YY` (20YY), optionally followed by a time
/// (`14:05`, `14:05:00`, `T14:05:00Z`). `None` when the text is not in one of these forms.
fn parse_numeric_day(text: &str) -> Option<Result<NaiveDate, ValueError>> {
    let t = text.trim();
    let split = t
        .char_indices()
        .find(|&(i, c)| c.is_whitespace() || ((c == 'T' || c == 't') && i > 0))
        .map_or(t.len(), |(i, _)| i);
    let (date, rest) = t.split_at(split);
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == 'T' || c == 't').trim();
    if !rest.is_empty() && !looks_like_time(rest) {
        return None;
    }
    let all_digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    let parts: Vec<&str> = date.split(['-', '.', '/']).collect();
    let sep_ok = |sep: char| date.chars().filter(|c| !c.is_ascii_digit()).all(|c| c == sep);
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 && (sep_ok('-') || sep_ok('.')) => (*y, *m, *d),
        [d, m, y] if (y.len() == 4 || y.len() == 2) && m.len() <= 2 && d.len() <= 2 && sep_ok('.') => (*y, *m, *d),
        _ => return None,
    };
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let year = if y.len() == 2 { 2000 + year } else { year };
    let (month, day): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    Some(NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| ValueError::ImpossibleDate(t.to_string())))
}

/// The two spellings of nearly every export's days, `25.03.2025` and `2025-03-25` (a time of
/// day after them is left to [`parse_numeric_day`]), read without allocating: `Some(None)` for an
/// impossible day such as `31.02.2025`; `None` for any other text.
fn plain_day(t: &str) -> Option<Option<NaiveDate>> {
    let b = t.as_bytes();
    // `25.03.2024 14:05:00`, as a journal writes it a million times: a time of day by the rule
    // below, checked without walking the text by chars.
    if let [_, _, _, _, _, _, _, _, _, _, b' ', h1, h2, b':', m1, m2, b':', s1, s2] = b
        && [h1, h2, m1, m2, s1, s2].iter().all(|c| c.is_ascii_digit())
    {
        return plain_day(&t[..10]);
    }
    if b.len() > 10 && matches!(b[10], b' ' | b'T' | b't') {
        // A date-time: the day, when what follows is a time of day (as `parse_numeric_day` reads it).
        let rest = t[10..].trim_start_matches(|c: char| c.is_whitespace() || c == 'T' || c == 't').trim();
        return if rest.is_empty() || looks_like_time(rest) { plain_day(&t[..10]) } else { None };
    }
    if b.len() != 10 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    let (y, m, d) = match (b[2], b[4], b[5], b[7]) {
        (b'.', _, b'.', _) => (num(6..10)?, num(3..5)?, num(0..2)?),
        (_, b'-', _, b'-') => (num(0..4)?, num(5..7)?, num(8..10)?),
        _ => return None,
    };
    Some(NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d))
}

/// A time of day after a date: `14:05`, `14:05:00`, `14:05:00.123`, `14:05:00Z`, `14:05:00+03:00`.
fn looks_like_time(text: &str) -> bool {
    let Some((hours, rest)) = text.split_once(':') else {
        return false;
    };
    let mut rest = rest.chars();
    (1..=2).contains(&hours.len())
        && hours.chars().all(|c| c.is_ascii_digit())
        && rest.next().is_some_and(|c| c.is_ascii_digit())
        && rest.next().is_some_and(|c| c.is_ascii_digit())
        && rest.all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | ',' | '+' | '-' | 'Z' | 'z'))
}

/// Reads a day written as text: `2025-03-25`, `25.03.2025`, `25.03.25`, `25 марта 2025`, and
/// date-times as CRMs export them (`25.03.2024 14:05`, `2024-03-25 14:05:00`, `2024-03-25T14:05:00Z`):
/// the time is dropped.
///
/// # Errors
/// [`ValueError::ImpossibleDate`] for a day that does not exist (`2025-02-30`),
/// [`ValueError::UnknownMonthWord`] for an unknown month word, [`ValueError::NotADay`] otherwise.
pub fn parse_day(text: &str) -> Result<Option<NaiveDate>, ValueError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Some(day) = plain_day(t) {
        return day.map(Some).ok_or_else(|| ValueError::ImpossibleDate(t.to_string()));
    }
    if let Some(found) = parse_numeric_day(t) {
        return found.map(Some);
    }
    match parse_word_date(t) {
        Some(Ok((Some(day), month, year))) => {
            NaiveDate::from_ymd_opt(year, month, day).map(Some).ok_or_else(|| ValueError::ImpossibleDate(t.to_string()))
        }
        Some(Err(e @ ValueError::UnknownMonthWord { .. })) => Err(e),
        _ => Err(ValueError::NotADay(t.to_string())),
    }
}

/// Several days in one text, separated by `,`, `;`, spaces or line breaks:
/// `01.01.2025, 02.01.2025; 2025-01-07`.
///
/// # Errors
/// As [`parse_day`], quoting the first day that cannot be read.
pub fn parse_day_list(text: &str) -> Result<Vec<NaiveDate>, ValueError> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|part| !part.trim().is_empty())
        .filter_map(|part| parse_day(part).transpose())
        .collect()
}

/// The day an Excel serial number stands for, in the workbook's epoch (1900, or 1904 for old Mac
/// workbooks). The time of day is dropped.
pub fn excel_serial_day(serial: f64, is_1904: bool) -> Option<NaiveDate> {
    if !serial.is_finite() || serial < 0.0 {
        return None;
    }
    let (y, m, d, ..) = ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, is_1904).to_ymd_hms_milli();
    NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
}

/// A plain number (a date cell that lost its date format) read as a day, but only when it falls
/// between 1950 and 2199: smaller numbers are counts or years, not dates.
fn plausible_serial_day(serial: f64, is_1904: bool) -> Option<NaiveDate> {
    use chrono::Datelike;
    excel_serial_day(serial, is_1904).filter(|d| (1950..2200).contains(&d.year()))
}

/// The latest serial a date cell may hold: 31.12.2199. Beyond it a date cell is absurd (a serial
/// of 1e308 would otherwise read as 9999-12-31).
const LAST_SERIAL: f64 = 109_574.0;

/// The day of a date cell (its time dropped).
fn date_cell_day(dt: &ExcelDateTime) -> Option<NaiveDate> {
    if dt.is_duration() || !(1.0..LAST_SERIAL + 1.0).contains(&dt.as_f64()) {
        return None;
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
}

/// A cell where a day is expected: a date or date-time cell (the time dropped; the epoch is the
/// cell's own), text by [`parse_day`], or a plain number between the Excel serials of 1950 and
/// 2199 (a date cell that lost its format) in the workbook's epoch `is_1904`.
///
/// # Errors
/// As [`parse_day`]; [`ValueError::NotADay`] for other numbers, times of day and TRUE/FALSE;
/// [`ValueError::ExcelError`].
pub fn cell_day<'c>(cell: impl Into<CellRef<'c>>, is_1904: bool) -> Result<Option<NaiveDate>, ValueError> {
    let cell = cell.into();
    let not_day = || ValueError::NotADay(cell_display(cell));
    match &cell {
        CellRef::DateTime(dt) => date_cell_day(dt).map(Some).ok_or_else(not_day),
        CellRef::Int(i) => plausible_serial_day(*i as f64, is_1904).map(Some).ok_or_else(not_day),
        CellRef::Float(f) => plausible_serial_day(*f, is_1904).map(Some).ok_or_else(not_day),
        CellRef::String(s) | CellRef::DateTimeIso(s) => parse_day(s),
        CellRef::Error(e) => Err(ValueError::ExcelError(e.to_string())),
        CellRef::Empty => Ok(None),
        CellRef::Bool(_) | CellRef::DurationIso(_) => Err(not_day()),
    }
}

/// A cell on the Revenue sheet's date column: a day (as [`cell_day`]), or a month written as text
/// (`2025-03`, `март 2025`), which makes the row a whole month's takings. A date cell is always a
/// day, whatever its number format. Returns the day (the month's 1st for a month) and whether it
/// was a month.
///
/// # Errors
/// As [`cell_day`] when the text is neither a day nor a month.
pub fn cell_day_or_month<'c>(
    cell: impl Into<CellRef<'c>>,
    is_1904: bool,
) -> Result<Option<(NaiveDate, bool)>, ValueError> {
    let cell = cell.into();
    match cell_day(cell, is_1904) {
        Ok(day) => Ok(day.map(|d| (d, false))),
        Err(day_error) => match &cell {
            CellRef::String(s) => match parse_month(s) {
                Ok(Some(m)) => Ok(Some((m.first_day(), true))),
                _ => Err(day_error),
            },
            _ => Err(day_error),
        },
    }
}

/// A cell where a month is expected: a date cell (any day of the month), text by [`parse_month`],
/// or a plain number that is an Excel date serial (see [`cell_day`]).
///
/// # Errors
/// As [`parse_month`]; [`ValueError::NotAMonth`] for other numbers; [`ValueError::ExcelError`].
pub fn cell_month<'c>(cell: impl Into<CellRef<'c>>, is_1904: bool) -> Result<Option<Month>, ValueError> {
    let cell = cell.into();
    let not_month = || ValueError::NotAMonth(cell_display(cell));
    match &cell {
        CellRef::DateTime(dt) => date_cell_day(dt).map(|d| Some(Month::of(d))).ok_or_else(not_month),
        CellRef::Int(i) => plausible_serial_day(*i as f64, is_1904).map(|d| Some(Month::of(d))).ok_or_else(not_month),
        CellRef::Float(f) => plausible_serial_day(*f, is_1904).map(|d| Some(Month::of(d))).ok_or_else(not_month),
        CellRef::String(s) | CellRef::DateTimeIso(s) => parse_month(s),
        CellRef::Error(e) => Err(ValueError::ExcelError(e.to_string())),
        CellRef::Empty => Ok(None),
        CellRef::Bool(_) | CellRef::DurationIso(_) => Err(not_month()),
    }
}

// ---------------------------------------------------------------------------------------------
// Tiers and NPS

/// Reads a budget tier: `proven` / `scaling` / `experiment`, or in Russian `проверенный` (any
/// ending: `проверенные`, `проверенная`), `масштабирование` (`масштабируемый`), `эксперимент`
/// (`экспериментальный`); also `test`/`тест` for experiment. Case-insensitive.
///
/// # Errors
/// [`ValueError::NotATier`] quoting the text for anything else.
pub fn parse_tier(text: &str) -> Result<Option<Tier>, ValueError> {
    let t = text.trim();
    let key = normalize_key(t);
    if key.is_empty() {
        return Ok(None);
    }
    let starts = |stems: &[&str]| stems.iter().any(|s| key.starts_with(s));
    if starts(&["proven", "провер"]) {
        Ok(Some(Tier::Proven))
    } else if starts(&["scal", "масштаб"]) {
        Ok(Some(Tier::Scaling))
    } else if starts(&["experiment", "эксперимент", "test", "тест"]) {
        Ok(Some(Tier::Experiment))
    } else {
        Err(ValueError::NotATier(t.to_string()))
    }
}

/// Reads the NPS scale setting: `standard` (also `стандарт`, `0-10`) or `ten_smiles` (also
/// `10 смайлов`, `смайлы`, `1-10`).
///
/// # Errors
/// [`ValueError::NotAScale`] for anything else.
pub fn parse_nps_scale(text: &str) -> Result<NpsScale, ValueError> {
    let key = normalize_key(text);
    if key.starts_with("standard") || key.starts_with("стандарт") || key == "010" {
        Ok(NpsScale::Standard)
    } else if key.contains("smile") || key.contains("смайл") || key == "110" {
        Ok(NpsScale::TenSmiles)
    } else {
        Err(ValueError::NotAScale(text.trim().to_string()))
    }
}

/// Reads an NPS period written as text: a year (`2025`, `2025 г.`) or a month in any spelling
/// [`parse_month`] reads.
///
/// # Errors
/// [`ValueError::NotAPeriod`], or the month error for an unknown month word / impossible date.
pub fn parse_nps_period(text: &str) -> Result<Option<NpsPeriod>, ValueError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let toks = tokens(t);
    let year_only = match toks.as_slice() {
        [Token::Digits(y)] => Some(*y),
        [Token::Digits(y), Token::Word(w)] if YEAR_WORDS.contains(&normalize_key(w).as_str()) => Some(*y),
        _ => None,
    };
    if let Some(y) = year_only {
        return match y.parse::<i32>() {
            Ok(year) if y.len() == 4 && Month::new(year, 1).is_some() => Ok(Some(NpsPeriod::Year(year))),
            _ => Err(ValueError::NotAPeriod(t.to_string())),
        };
    }
    match parse_month(t) {
        Ok(m) => Ok(m.map(NpsPeriod::Month)),
        Err(e @ (ValueError::UnknownMonthWord { .. } | ValueError::ImpossibleDate(_))) => Err(e),
        Err(_) => Err(ValueError::NotAPeriod(t.to_string())),
    }
}

/// A cell where an NPS period is expected: a number cell `2025` is the year 2025, a date cell its
/// month, text by [`parse_nps_period`].
///
/// # Errors
/// As [`parse_nps_period`]; [`ValueError::NotAPeriod`] for other numbers.
pub fn cell_nps_period<'c>(cell: impl Into<CellRef<'c>>, is_1904: bool) -> Result<Option<NpsPeriod>, ValueError> {
    let cell = cell.into();
    let not_period = || ValueError::NotAPeriod(cell_display(cell));
    let from_number = |v: f64| {
        if v.fract() == 0.0 && (1000.0..=9999.0).contains(&v) {
            Ok(Some(NpsPeriod::Year(v as i32)))
        } else {
            plausible_serial_day(v, is_1904).map(|d| Some(NpsPeriod::Month(Month::of(d)))).ok_or_else(not_period)
        }
    };
    match &cell {
        CellRef::Int(i) => from_number(*i as f64),
        CellRef::Float(f) => from_number(*f),
        CellRef::DateTime(dt) => date_cell_day(dt).map(|d| Some(NpsPeriod::Month(Month::of(d)))).ok_or_else(not_period),
        CellRef::String(s) | CellRef::DateTimeIso(s) => parse_nps_period(s),
        CellRef::Error(e) => Err(ValueError::ExcelError(e.to_string())),
        CellRef::Empty => Ok(None),
        CellRef::Bool(_) | CellRef::DurationIso(_) => Err(not_period()),
    }
}

/// An NPS score `value` (as written: `written`) checked against the scale: a whole number from the
/// scale's minimum (0 on `standard`, 1 on `ten_smiles`) to 10.
///
/// # Errors
/// [`ValueError::ScoreOutOfScale`].
pub fn check_nps_score(value: f64, written: &str, scale: NpsScale) -> Result<u8, ValueError> {
    let min = scale.min_score();
    if value.fract() == 0.0 && value >= f64::from(min) && value <= 10.0 {
        Ok(value as u8)
    } else {
        Err(ValueError::ScoreOutOfScale { value: written.to_string(), scale: scale.key(), min })
    }
}

/// A cell where an NPS score is expected, checked against `scale`.
///
/// # Errors
/// As [`cell_number`] and [`check_nps_score`].
pub fn cell_nps_score<'c>(cell: impl Into<CellRef<'c>>, scale: NpsScale) -> Result<Option<u8>, ValueError> {
    let cell = cell.into();
    match cell_number(cell)? {
        Some(v) => check_nps_score(v, &cell_display(cell), scale).map(Some),
        None => Ok(None),
    }
}

// ---------------------------------------------------------------------------------------------
// Settings values

/// Seven weekday weights, Monday to Sunday, separated by `;` (then a decimal comma is fine:
/// `1;1;1;1;1;0,5;0`), else by spaces (`1 1 1 1 1 0,5 0`), else by commas (`1,1,1,1,1,0.5,0`).
///
/// # Errors
/// [`ValueError::NotWeekdayWeights`] unless there are exactly seven numbers, none negative.
pub fn parse_weekday_weights(text: &str) -> Result<[f64; 7], ValueError> {
    let t = text.trim();
    let err = || ValueError::NotWeekdayWeights(t.to_string());
    let parts: Vec<&str> = if t.contains(';') {
        t.split(';').collect()
    } else if t.contains(char::is_whitespace) {
        t.split_whitespace().collect()
    } else {
        t.split(',').collect()
    };
    let mut weights = [0.0; 7];
    if parts.len() != 7 {
        return Err(err());
    }
    for (w, part) in weights.iter_mut().zip(&parts) {
        *w = match parse_number(part) {
            Ok(Some(v)) if v >= 0.0 => v,
            _ => return Err(err()),
        };
    }
    Ok(weights)
}

/// Splits a channel's `sources` cell into aliases: separated by `,` or `;`, trimmed, empty parts
/// dropped.
pub fn split_sources(text: &str) -> Vec<String> {
    text.split([',', ';']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// Words that mark a totals row at the bottom of a hand-kept sheet (`Итого`, `Всего`, `Total`).
pub fn is_total_label(text: &str) -> bool {
    // A cheap look at the first letter first: this runs on every text cell of a sheet.
    // Basic Cyrillic letters and ASCII are decided without the Unicode tables (most texts of a
    // Russian sheet open with one).
    let first = text.chars().find(|&c| match c {
        'А'..='я' => true,
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        _ => c.is_alphanumeric(),
    });
    if !matches!(first, Some('И' | 'и' | 'В' | 'в' | 'T' | 't' | 'G' | 'g')) {
        return false;
    }
    matches!(normalize_key(text).as_str(), "итого" | "итог" | "всего" | "total" | "totals" | "grandtotal")
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::CellErrorType;

    fn num(s: &str) -> f64 {
        parse_number(s).unwrap_or_else(|e| panic!("{s}: {e}")).unwrap_or_else(|| panic!("{s}: empty"))
    }

    fn month(s: &str) -> Month {
        parse_month(s).unwrap_or_else(|e| panic!("{s}: {e}")).unwrap_or_else(|| panic!("{s}: empty"))
    }

    #[test]
    fn fast_paths_read_what_the_full_rules_read() {
        // Amounts: spaces between groups dropped, one mark is the decimal one, the sign of roubles cut.
        assert_eq!(plain_amount("1 234,00 ₽"), Some(Some(1234.0)));
        assert_eq!(plain_amount("2\u{a0}001,50 руб."), Some(Some(2001.5)));
        assert_eq!(plain_amount(" 99.5 "), Some(Some(99.5)));
        assert_eq!(plain_amount(".5"), Some(Some(0.5)));
        assert_eq!(plain_amount("   "), Some(None));
        // Anything else goes to the full rules, which read it as before.
        for other in ["₽", ".", "1.234,5", "25%", "-500", "1e5", "двадцать"] {
            assert_eq!(plain_amount(other), None, "{other}");
        }
        assert_eq!(num("1.234,5"), 1234.5);
        assert!(parse_number("₽").is_err() && parse_number(".").is_err());
        // Days: `25.03.2025`, `2025-03-25`, with a time of day or without; 31 February is impossible.
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(plain_day("25.03.2025"), Some(d(2025, 3, 25)));
        assert_eq!(plain_day("2025-03-25"), Some(d(2025, 3, 25)));
        assert_eq!(plain_day("25.03.2025 14:05:07"), Some(d(2025, 3, 25)));
        assert_eq!(plain_day("2025-03-25T09:30:00Z"), Some(d(2025, 3, 25)));
        assert_eq!(plain_day("31.02.2025"), Some(None));
        assert_eq!(plain_day("25.03.2025 утром"), None);
        // A journal's `DD.MM.YYYY HH:MM:SS` reads as the general rule reads it.
        assert_eq!(plain_day("25.03.2025 14:05:07"), Some(d(2025, 3, 25)));
        assert_eq!(plain_day("31.02.2025 14:05:07"), Some(None));
        assert_eq!(plain_day("25.03.2025 1a:05:07"), None);
        assert_eq!(plain_day("2025.03.25"), None);
        assert!(matches!(parse_day("31.02.2025"), Err(ValueError::ImpossibleDate(_))));
        assert_eq!(parse_day("25.03.2025 14:05").unwrap(), d(2025, 3, 25));
        // Durations without collecting their parts: 1:02:03 is 3600 + 120 + 3 seconds.
        assert_eq!(parse_seconds("1:02:03").unwrap(), Some(3723.0));
        assert_eq!(parse_seconds("0:01:15,5").unwrap(), Some(75.5));
        assert!(parse_seconds("1:2:3:4").is_err() && parse_seconds("1::3").is_err());
        // The digits-only path: 0:01:01 is 60 + 1 seconds, 12:34 is 12 × 60 + 34 = 754.
        assert_eq!(plain_duration("0:01:01"), Some(61.0));
        assert_eq!(plain_duration("12:34"), Some(754.0));
        assert_eq!(plain_duration("1:02:03"), Some(3723.0));
        // Anything else is left to the full rules, which refuse or read it as before.
        for other in ["1:60", "1:2:3:4", "1::3", ":15", "15:", "75", "0:01:15,5", "1:02:03 ", "1234567890:00"] {
            assert_eq!(plain_duration(other), None, "{other}");
        }
        assert!(parse_seconds("1:60").is_err() && parse_seconds(":15").is_err());
        assert_eq!(parse_seconds("1234567890:00").unwrap(), Some(74_074_073_400.0));
        // Months: the template's `2025-03` and `3.2025`; month 13 passes the shape and is refused
        // by the same check as in the full rules.
        assert_eq!(plain_year_month("2025-03"), Some((2025, 3)));
        assert_eq!(plain_year_month("3.2025"), Some((2025, 3)));
        assert_eq!(plain_year_month("2025/13"), Some((2025, 13)));
        assert!(matches!(parse_month("2025-13"), Err(ValueError::NotAMonth(_))));
        for other in ["2025-03-25", "25.03.2025", "март 2025", "2025 - 03", "20-25", "-2025", "2025-"] {
            assert_eq!(plain_year_month(other), None, "{other}");
        }
        assert_eq!(month("2025 - 03"), m(2025, 3));
        assert_eq!(month("2025-03-25"), m(2025, 3));
        // Totals labels: the quick first-letter test sees through punctuation and case.
        assert!(is_total_label("Итого:") && is_total_label("— всего —") && is_total_label(" Grand total"));
        assert!(!is_total_label("Канал 7") && !is_total_label("Яндекс") && !is_total_label("ёлка"));
    }

    fn day(s: &str) -> NaiveDate {
        parse_day(s).unwrap_or_else(|e| panic!("{s}: {e}")).unwrap_or_else(|| panic!("{s}: empty"))
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn m(y: i32, mo: u32) -> Month {
        Month::new(y, mo).unwrap()
    }

    #[test]
    fn numbers_with_spaces_and_currency() {
        assert_eq!(num("1234"), 1234.0);
        assert_eq!(num("1 234 567"), 1_234_567.0);
        assert_eq!(num("1\u{a0}234\u{a0}567"), 1_234_567.0);
        assert_eq!(num("1\u{202f}234,50"), 1234.5);
        assert_eq!(num("  150 000 ₽ "), 150_000.0);
        assert_eq!(num("150000₽"), 150_000.0);
        assert_eq!(num("₽ 150 000"), 150_000.0);
        assert_eq!(num("150 000 руб."), 150_000.0);
        assert_eq!(num("150 000 руб"), 150_000.0);
        assert_eq!(num("150 000 р."), 150_000.0);
        assert_eq!(num("150 000 Руб."), 150_000.0);
        assert_eq!(num("1 234,5 RUB"), 1234.5);
    }

    #[test]
    fn numbers_with_percent() {
        assert_eq!(num("25%"), 0.25);
        assert_eq!(num("25 %"), 0.25);
        assert_eq!(num("12,5%"), 0.125);
        assert_eq!(num("0,25"), 0.25);
        assert_eq!(num("100%"), 1.0);
        assert!(parse_number("25%%").is_err());
    }

    #[test]
    fn decimal_and_group_separators() {
        assert_eq!(num("1,5"), 1.5);
        assert_eq!(num("1.5"), 1.5);
        assert_eq!(num("1,234"), 1.234, "a single comma is decimal");
        assert_eq!(num("1.234.567"), 1_234_567.0);
        assert_eq!(num("1,234,567"), 1_234_567.0);
        assert_eq!(num("1 234,5"), 1234.5);
        assert_eq!(num("1.234,5"), 1234.5);
        assert_eq!(num("1,234.5"), 1234.5);
        assert_eq!(num("1.234.567,89"), 1_234_567.89);
        assert_eq!(num("1,234,567.89"), 1_234_567.89);
        assert_eq!(num(",5"), 0.5);
        assert_eq!(num("5."), 5.0);
        for bad in ["1.2.3", "1,23,456", "1.234,5,6", "1,234.5.6", ",", ".", "1..2"] {
            assert!(parse_number(bad).is_err(), "{bad} should not be a number");
        }
    }

    #[test]
    fn negative_numbers() {
        assert_eq!(num("-500"), -500.0);
        assert_eq!(num("−500"), -500.0);
        assert_eq!(num("– 1 500,5 ₽"), -1500.5);
        assert_eq!(num("+7"), 7.0);
        assert_eq!(num("-25%"), -0.25);
    }

    #[test]
    fn missing_and_garbage_numbers() {
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(parse_number("   \u{a0}"), Ok(None));
        assert_eq!(parse_number("-"), Ok(None));
        assert_eq!(parse_number("—"), Ok(None));
        let err = parse_number(" двадцать ").unwrap_err();
        assert_eq!(err.to_string(), "«двадцать» is not a number");
        assert_eq!(err.value(), "двадцать");
        for bad in ["1e5", "12abc", "₽", "%", "руб.", "1 2 3 x", "--5", "NaN", "inf"] {
            assert!(parse_number(bad).is_err(), "{bad} should not be a number");
        }
    }

    #[test]
    fn number_cells() {
        assert_eq!(cell_number(&Data::Float(0.25)), Ok(Some(0.25)), "a 25 % cell is stored as 0.25");
        assert_eq!(cell_number(&Data::Int(300)), Ok(Some(300.0)));
        assert_eq!(cell_number(&Data::Empty), Ok(None));
        assert_eq!(cell_number(&Data::String("1 234,5".into())), Ok(Some(1234.5)));
        assert_eq!(cell_number(&Data::String("   ".into())), Ok(None));
        assert_eq!(
            cell_number(&Data::Error(CellErrorType::Div0)).unwrap_err().to_string(),
            "«#DIV/0!» is an Excel error, not a value"
        );
        assert!(cell_number(&Data::Bool(true)).is_err());
        let date = Data::DateTime(ExcelDateTime::new(45658.0, ExcelDateTimeType::DateTime, false));
        assert_eq!(cell_number(&date).unwrap_err().to_string(), "«2025-01-01» is not a number");
    }

    #[test]
    fn shares_and_whole_numbers() {
        assert_eq!(cell_share(&Data::Float(0.4)), Ok(Some(0.4)));
        assert_eq!(cell_share(&Data::String("40%".into())), Ok(Some(0.4)));
        assert_eq!(cell_share(&Data::String("0,4".into())), Ok(Some(0.4)));
        assert_eq!(cell_share(&Data::Int(40)), Err(ValueError::NotAShare("40".into())));
        assert_eq!(cell_share(&Data::Float(-0.1)), Err(ValueError::NotAShare("-0.1".into())));
        assert_eq!(cell_whole_number(&Data::Float(30.0)), Ok(Some(30)));
        assert_eq!(cell_whole_number(&Data::String("14".into())), Ok(Some(14)));
        assert!(matches!(cell_whole_number(&Data::Float(1.5)), Err(ValueError::NotAWholeNumber(_))));
        assert!(matches!(cell_whole_number(&Data::Int(-3)), Err(ValueError::Negative(_))));
    }

    #[test]
    fn months_in_numeric_forms() {
        assert_eq!(month("2025-03"), m(2025, 3));
        assert_eq!(month("2025-3"), m(2025, 3));
        assert_eq!(month("03.2025"), m(2025, 3));
        assert_eq!(month("3.2025"), m(2025, 3));
        assert_eq!(month("2025.03"), m(2025, 3));
        assert_eq!(month("03/2025"), m(2025, 3));
        assert_eq!(month("2025-03-15"), m(2025, 3), "a day means its month");
        assert_eq!(month("15.03.2025"), m(2025, 3));
        assert_eq!(parse_month("  "), Ok(None));
        for bad in ["2025-13", "2025", "13.2025", "25-03", "2025-03-"] {
            assert!(parse_month(bad).is_err(), "{bad} should not be a month");
        }
        assert!(matches!(parse_month("2025-02-30"), Err(ValueError::ImpossibleDate(_))));
    }

    #[test]
    fn months_in_words() {
        for (text, mo) in [
            ("январь 2025", 1),
            ("Января 2025", 1),
            ("янв 2025", 1),
            ("янв. 2025", 1),
            ("ЯНВ.2025", 1),
            ("Февраль 2025", 2),
            ("март 2025", 3),
            ("марта 2025 г.", 3),
            ("Май 2025", 5),
            ("мая 2025", 5),
            ("июнь 2025", 6),
            ("июл 2025", 7),
            ("август 2025 года", 8),
            ("сент. 2025", 9),
            ("сен 2025", 9),
            ("октябрь 2025", 10),
            ("ноя 2025", 11),
            ("декабря 2025", 12),
            ("Jan 2025", 1),
            ("January 2025", 1),
            ("JANUARY 2025", 1),
            ("Sept 2025", 9),
            ("may 2025", 5),
            ("Mar-25", 3),
            ("2025 март", 3),
            ("15 марта 2025", 3),
        ] {
            assert_eq!(month(text), m(2025, mo), "{text}");
        }
    }

    #[test]
    fn unknown_month_word_is_an_error() {
        let err = parse_month("Мартт 2025").unwrap_err();
        assert_eq!(err.to_string(), "«Мартт 2025» is not a month: «Мартт» is not the name of a month");
        assert_eq!(err.value(), "Мартт 2025");
        assert!(matches!(parse_month("ма 2025"), Err(ValueError::UnknownMonthWord { .. })));
        assert!(matches!(parse_month("Smarch 2025"), Err(ValueError::UnknownMonthWord { .. })));
        assert!(matches!(parse_month("март"), Err(ValueError::NotAMonth(_))), "a year is needed");
        assert!(matches!(parse_month("март апрель 2025"), Err(ValueError::NotAMonth(_))));
        assert!(matches!(parse_month("31 февраля 2025"), Err(ValueError::ImpossibleDate(_))));
    }

    #[test]
    fn month_words_are_unambiguous() {
        for (i, forms) in MONTH_WORDS.iter().enumerate() {
            for form in forms {
                let chars: Vec<char> = form.chars().collect();
                for len in 3..=chars.len() {
                    let prefix: String = chars[..len].iter().collect();
                    assert_eq!(month_from_word(&prefix), Some(i as u32 + 1), "{prefix}");
                }
            }
        }
        assert_eq!(month_from_word("ма"), None);
        assert_eq!(month_from_word("Ию"), None);
        assert_eq!(month_from_word("мая."), Some(5));
    }

    #[test]
    fn days_in_text() {
        assert_eq!(day("2025-03-25"), ymd(2025, 3, 25));
        assert_eq!(day("25.03.2025"), ymd(2025, 3, 25));
        assert_eq!(day("5.3.2025"), ymd(2025, 3, 5));
        assert_eq!(day("25.03.25"), ymd(2025, 3, 25));
        assert_eq!(day("25 марта 2025"), ymd(2025, 3, 25));
        assert_eq!(parse_day(""), Ok(None));
    }

    #[test]
    fn date_times_give_their_day() {
        assert_eq!(day("25.03.2024 14:05"), ymd(2024, 3, 25));
        assert_eq!(day("2024-03-25 14:05:00"), ymd(2024, 3, 25));
        assert_eq!(day("2024-03-25T14:05:00"), ymd(2024, 3, 25));
        assert_eq!(day("2024-03-25T14:05:00.123+03:00"), ymd(2024, 3, 25));
        assert_eq!(day("2024-03-25 9:05"), ymd(2024, 3, 25));
        let cell = Data::DateTime(ExcelDateTime::new(45376.5868, ExcelDateTimeType::DateTime, false));
        assert_eq!(cell_day(&cell, false), Ok(Some(ymd(2024, 3, 25))));
    }

    #[test]
    fn impossible_and_bad_days() {
        let err = parse_day("2025-02-30").unwrap_err();
        assert_eq!(err.to_string(), "«2025-02-30» is not a real date: there is no such day in the calendar");
        assert!(matches!(parse_day("30.02.2025"), Err(ValueError::ImpossibleDate(_))));
        assert!(matches!(parse_day("2025-13-01"), Err(ValueError::ImpossibleDate(_))));
        assert!(matches!(parse_day("29.02.2023 10:00"), Err(ValueError::ImpossibleDate(_))));
        assert_eq!(day("29.02.2024"), ymd(2024, 2, 29));
        for bad in ["вчера", "2025-03", "25/03/2025", "2025-03-25 вечером", "12345"] {
            assert!(parse_day(bad).is_err(), "{bad} should not be a day");
        }
        assert!(matches!(parse_day("25 мартобря 2025"), Err(ValueError::UnknownMonthWord { .. })));
    }

    #[test]
    fn date_cells_and_epochs() {
        let d1900 = Data::DateTime(ExcelDateTime::new(45658.0, ExcelDateTimeType::DateTime, false));
        assert_eq!(cell_day(&d1900, false), Ok(Some(ymd(2025, 1, 1))));
        // The same day in a 1904-epoch workbook is 1462 days smaller.
        let d1904 = Data::DateTime(ExcelDateTime::new(45658.0 - 1462.0, ExcelDateTimeType::DateTime, true));
        assert_eq!(cell_day(&d1904, true), Ok(Some(ymd(2025, 1, 1))));
        assert_eq!(cell_month(&d1904, true), Ok(Some(m(2025, 1))));
        // A plain number that is a date serial (the cell lost its date format).
        assert_eq!(cell_day(&Data::Float(45658.0), false), Ok(Some(ymd(2025, 1, 1))));
        assert_eq!(cell_day(&Data::Float(45658.0 - 1462.0), true), Ok(Some(ymd(2025, 1, 1))));
        assert_eq!(cell_month(&Data::Int(45672), false), Ok(Some(m(2025, 1))));
        // Small numbers are not dates.
        assert!(cell_day(&Data::Int(2025), false).is_err());
        assert!(cell_month(&Data::Int(3), false).is_err());
        // A time of day alone is not a day.
        let time = Data::DateTime(ExcelDateTime::new(0.5, ExcelDateTimeType::DateTime, false));
        assert!(cell_day(&time, false).is_err());
        assert_eq!(cell_day(&Data::DateTimeIso("2025-01-01T00:00:00".into()), false), Ok(Some(ymd(2025, 1, 1))));
        assert_eq!(cell_month(&Data::String("январь 2025".into()), false), Ok(Some(m(2025, 1))));
    }

    #[test]
    fn revenue_dates_are_days_or_months() {
        let text = |s: &str| Data::String(s.to_string());
        assert_eq!(cell_day_or_month(&text("14.03.2025"), false), Ok(Some((day("2025-03-14"), false))));
        assert_eq!(cell_day_or_month(&text("2025-03"), false), Ok(Some((day("2025-03-01"), true))));
        assert_eq!(cell_day_or_month(&text("март 2025"), false), Ok(Some((day("2025-03-01"), true))));
        assert_eq!(cell_day_or_month(&text("Mar 2025"), false), Ok(Some((day("2025-03-01"), true))));
        assert_eq!(cell_day_or_month(&Data::Empty, false), Ok(None));
        assert!(cell_day_or_month(&text("вчера"), false).is_err());
    }

    #[test]
    fn day_lists() {
        assert_eq!(
            parse_day_list("01.01.2025, 02.01.2025;2025-01-07\n08.01.2025 09.01.2025"),
            Ok(vec![ymd(2025, 1, 1), ymd(2025, 1, 2), ymd(2025, 1, 7), ymd(2025, 1, 8), ymd(2025, 1, 9)])
        );
        assert_eq!(parse_day_list(" "), Ok(vec![]));
        assert_eq!(parse_day_list("01.01.2025, 32.01.2025"), Err(ValueError::ImpossibleDate("32.01.2025".into())));
    }

    #[test]
    fn text_cells() {
        assert_eq!(cell_text(&Data::Float(2025.0)), Ok(Some("2025".into())));
        assert_eq!(cell_text(&Data::Int(79161234567)), Ok(Some("79161234567".into())));
        assert_eq!(cell_text(&Data::Float(1.5)), Ok(Some("1.5".into())));
        assert_eq!(cell_text(&Data::String("  Яндекс  ".into())), Ok(Some("Яндекс".into())));
        assert_eq!(cell_text(&Data::String("  ".into())), Ok(None));
        assert_eq!(cell_text(&Data::Empty), Ok(None));
        assert!(cell_text(&Data::Error(CellErrorType::NA)).is_err());
    }

    #[test]
    fn header_names() {
        assert_eq!(normalize_key("Бюджет_план"), "бюджетплан");
        assert_eq!(normalize_key(" БЮДЖЕТ-ПЛАН "), "бюджетплан");
        assert_eq!(normalize_key("Повторные обращения"), "повторныеобращения");
        assert_eq!(normalize_key("Дошёл"), "дошел");
        assert_eq!(normalize_key("revenue_plan"), "revenueplan");
        assert!(header_matches("Revenue Plan", &["revenue_plan"]));
        assert!(header_matches("REVENUE-PLAN", &["revenue_plan"]));
        assert!(header_matches("План выручки, ₽", &["план выручки"]));
        assert!(header_matches("Расход, руб.", &["расход"]));
        assert!(header_matches("Лиды (leads)", &["leads"]));
        assert!(header_matches("leads (лиды)", &["лиды"]));
        assert!(header_matches("Явки (дошёл)", &["дошел"]));
        assert!(!header_matches("Выручка", &["revenue_plan", "план выручки"]));
    }

    #[test]
    fn tiers() {
        for (text, tier) in [
            ("proven", Tier::Proven),
            ("Proven", Tier::Proven),
            ("проверенный", Tier::Proven),
            ("Проверенные", Tier::Proven),
            ("scaling", Tier::Scaling),
            ("масштабирование", Tier::Scaling),
            ("Масштабируемый", Tier::Scaling),
            ("experiment", Tier::Experiment),
            ("Эксперимент", Tier::Experiment),
            ("экспериментальный", Tier::Experiment),
            ("тест", Tier::Experiment),
        ] {
            assert_eq!(parse_tier(text), Ok(Some(tier)), "{text}");
        }
        assert_eq!(parse_tier(" "), Ok(None));
        assert_eq!(
            parse_tier("gold").unwrap_err().to_string(),
            "«gold» is not a tier: write proven, scaling or experiment \
             (проверенный, масштабирование, эксперимент)"
        );
    }

    #[test]
    fn nps_scales_and_scores() {
        assert_eq!(parse_nps_scale("standard"), Ok(NpsScale::Standard));
        assert_eq!(parse_nps_scale("Стандартная"), Ok(NpsScale::Standard));
        assert_eq!(parse_nps_scale("0-10"), Ok(NpsScale::Standard));
        assert_eq!(parse_nps_scale("ten_smiles"), Ok(NpsScale::TenSmiles));
        assert_eq!(parse_nps_scale("10 смайлов"), Ok(NpsScale::TenSmiles));
        assert!(parse_nps_scale("5 stars").is_err());

        assert_eq!(cell_nps_score(&Data::Float(0.0), NpsScale::Standard), Ok(Some(0)));
        assert_eq!(cell_nps_score(&Data::Int(10), NpsScale::Standard), Ok(Some(10)));
        assert_eq!(cell_nps_score(&Data::String("9".into()), NpsScale::TenSmiles), Ok(Some(9)));
        assert_eq!(
            cell_nps_score(&Data::Float(0.0), NpsScale::TenSmiles).unwrap_err().to_string(),
            "«0» is not a score on the ten_smiles scale, which runs from 1 to 10"
        );
        assert_eq!(
            cell_nps_score(&Data::Int(11), NpsScale::Standard).unwrap_err().to_string(),
            "«11» is not a score on the standard scale, which runs from 0 to 10"
        );
        assert!(cell_nps_score(&Data::Float(8.5), NpsScale::Standard).is_err());
        assert!(cell_nps_score(&Data::Int(-1), NpsScale::Standard).is_err());
        assert!(matches!(
            cell_nps_score(&Data::String("отлично".into()), NpsScale::Standard),
            Err(ValueError::NotANumber(_))
        ));
    }

    #[test]
    fn nps_periods() {
        assert_eq!(cell_nps_period(&Data::Float(2025.0), false), Ok(Some(NpsPeriod::Year(2025))));
        assert_eq!(cell_nps_period(&Data::Int(2024), false), Ok(Some(NpsPeriod::Year(2024))));
        assert_eq!(parse_nps_period("2025"), Ok(Some(NpsPeriod::Year(2025))));
        assert_eq!(parse_nps_period("2025 г."), Ok(Some(NpsPeriod::Year(2025))));
        assert_eq!(parse_nps_period("2025-03"), Ok(Some(NpsPeriod::Month(m(2025, 3)))));
        assert_eq!(parse_nps_period("март 2025"), Ok(Some(NpsPeriod::Month(m(2025, 3)))));
        let date = Data::DateTime(ExcelDateTime::new(45717.0, ExcelDateTimeType::DateTime, false));
        assert_eq!(cell_nps_period(&date, false), Ok(Some(NpsPeriod::Month(m(2025, 3)))));
        assert!(matches!(
            parse_nps_period("прошлый год"),
            Err(ValueError::UnknownMonthWord { .. } | ValueError::NotAPeriod(_))
        ));
        assert!(matches!(parse_nps_period("25"), Err(ValueError::NotAPeriod(_))));
        assert!(matches!(cell_nps_period(&Data::Float(7.5), false), Err(ValueError::NotAPeriod(_))));
    }

    #[test]
    fn weekday_weights() {
        let expected = [1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.0];
        assert_eq!(parse_weekday_weights("1;1;1;1;1;0,5;0"), Ok(expected));
        assert_eq!(parse_weekday_weights("1 1 1 1 1 0,5 0"), Ok(expected));
        assert_eq!(parse_weekday_weights("1 1 1 1 1 0.5 0"), Ok(expected));
        assert_eq!(parse_weekday_weights("1; 1; 1; 1; 1; 0.5; 0"), Ok(expected));
        assert_eq!(parse_weekday_weights("1,1,1,1,1,0.5,0"), Ok(expected));
        assert!(parse_weekday_weights("1 1 1 1 1 1").is_err());
        assert!(parse_weekday_weights("1 1 1 1 1 1 -1").is_err());
        assert!(parse_weekday_weights("1 1 1 1 1 1 x").is_err());
    }

    proptest::proptest! {
        #[test]
        fn text_parsers_never_panic(text in "\\PC{0,40}") {
            let _ = parse_number(&text);
            let _ = parse_month(&text);
            let _ = parse_day(&text);
            let _ = parse_day_list(&text);
            let _ = parse_nps_period(&text);
            let _ = parse_tier(&text);
            let _ = parse_nps_scale(&text);
            let _ = parse_weekday_weights(&text);
            let _ = header_forms(&text);
        }

        #[test]
        fn date_like_text_never_panics(text in "[0-9.:T ёa-я-]{0,24}") {
            let _ = parse_day(&text);
            let _ = parse_month(&text);
        }

        #[test]
        fn russian_formatted_numbers_read_back(whole in 0u64..10_000_000_000, cents in 0u32..100, sep in 0usize..3) {
            // 1 234 567,89 with plain spaces, NBSP or U+202F between groups, as ru locales print it.
            let group = [" ", "\u{a0}", "\u{202f}"][sep];
            let digits = whole.to_string();
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push_str(group);
                }
                grouped.push(c);
            }
            let text = format!("{grouped},{cents:02} ₽");
            let expected = whole as f64 + f64::from(cents) / 100.0;
            let got = parse_number(&text).unwrap().unwrap();
            proptest::prop_assert!((got - expected).abs() <= expected * 1e-15, "{} → {}", text, got);
        }

        #[test]
        fn months_read_back_in_every_spelling(year in 1990i32..2100, month in 1u32..=12) {
            let m = Month::new(year, month).unwrap();
            let forms = MONTH_WORDS[month as usize - 1];
            for text in [
                format!("{year}-{month:02}"),
                format!("{month:02}.{year}"),
                format!("{} {year}", forms[0]),
                format!("{} {year}", forms[1]),
                format!("{} {year}", forms[2].to_uppercase()),
                format!("{}. {year}", forms[0].chars().take(3).collect::<String>()),
            ] {
                proptest::prop_assert_eq!(parse_month(&text), Ok(Some(m)), "{}", text);
            }
        }
    }

    #[test]
    fn sources_and_totals() {
        assert_eq!(split_sources(" yandex, yandex.direct ;Яндекс,, "), vec!["yandex", "yandex.direct", "Яндекс"]);
        assert!(is_total_label("Итого:"));
        assert!(is_total_label("ВСЕГО"));
        assert!(is_total_label("Total"));
        assert!(!is_total_label("Итоговый отчёт 2025"));
    }

    #[test]
    fn durations_in_every_spelling() {
        assert_eq!(parse_seconds("75").unwrap(), Some(75.0));
        assert_eq!(parse_seconds("75 сек").unwrap(), Some(75.0));
        // 1 min 15 s = 75 s; 1 h 2 min 3 s = 3600 + 120 + 3 = 3723 s.
        assert_eq!(parse_seconds("1:15").unwrap(), Some(75.0));
        assert_eq!(parse_seconds("01:02:03").unwrap(), Some(3723.0));
        assert_eq!(parse_seconds("0:00:07").unwrap(), Some(7.0));
        assert_eq!(parse_seconds("").unwrap(), None);
        assert!(matches!(parse_seconds("1:75"), Err(ValueError::NotADuration(_))));
        assert!(matches!(parse_seconds("долго"), Err(ValueError::NotADuration(_))));
        assert!(matches!(parse_seconds("-5"), Err(ValueError::Negative(_))));
        // A time cell: 75 s is 75 / 86400 of a day.
        let t = Data::DateTime(calamine::ExcelDateTime::new(
            75.0 / 86_400.0,
            calamine::ExcelDateTimeType::TimeDelta,
            false,
        ));
        assert_eq!(cell_seconds(&t).unwrap(), Some(75.0));
        assert_eq!(cell_seconds(&Data::Float(42.0)).unwrap(), Some(42.0));
        assert_eq!(cell_seconds(&Data::DurationIso("PT00H01M15S".into())).unwrap(), Some(75.0));
    }
}
