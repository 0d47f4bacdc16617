//! Reading what the user types or pastes into a grid cell: numbers with spaces, `₽` and `%`,
//! months such as `янв 2025`, days such as `31.01.2025`.
//!
//! The rules are the template's (domain.md, "The template workbook"), so a value pasted from the
//! clinic's own sheet reads the same in the grid as in an import.

use chrono::NaiveDate;

use crate::model::{Month, NpsPeriod};

/// Why a typed value was refused; the grid shows it next to the cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Not a number.
    Number,
    /// Not a month.
    Month,
    /// Not a day.
    Day,
    /// Not a period (`YYYY` or a month).
    Period,
}

/// A number as people type it: `1 234,5`, `1,234.5`, `1 234 ₽`, `12 руб.`, `25%` (→ 0.25).
/// Returns the number and whether a `%` sign was present.
pub fn number(text: &str) -> Result<(f64, bool), ParseError> {
    let mut t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '₽'))
        .collect();
    let lower = t.to_lowercase();
    for suffix in ["руб.", "руб", "р.", "rub"] {
        if let Some(stripped) = lower.strip_suffix(suffix) {
            t = stripped.to_string();
            break;
        }
    }
    let percent = t.ends_with('%');
    if percent {
        t.pop();
    }
    // A typographic minus (U+2212) is what our own formatting writes; accept it back.
    let t = t.replace('−', "-");
    if t.is_empty() {
        return Err(ParseError::Number);
    }
    let commas = t.matches(',').count();
    let dots = t.matches('.').count();
    let normalised = match (commas, dots) {
        (0, 0) => t,
        // Both present: the last one is the decimal separator, the other groups digits.
        (c, d) if c > 0 && d > 0 => {
            let last_comma = t.rfind(',').unwrap_or(0);
            let last_dot = t.rfind('.').unwrap_or(0);
            if last_comma > last_dot { t.replace('.', "").replace(',', ".") } else { t.replace(',', "") }
        }
        (1, 0) => t.replace(',', "."),
        (0, 1) => t,
        // A repeated separator groups digits.
        (c, 0) if c > 1 => t.replace(',', ""),
        _ => t.replace('.', ""),
    };
    let value: f64 = normalised.parse().map_err(|_| ParseError::Number)?;
    if !value.is_finite() {
        return Err(ParseError::Number);
    }
    Ok((if percent { value / 100.0 } else { value }, percent))
}

/// Russian and English month words, by month number; prefixes of three letters are enough.
const MONTH_WORDS: [(&str, &str); 12] = [
    ("янв", "jan"),
    ("фев", "feb"),
    ("мар", "mar"),
    ("апр", "apr"),
    ("ма", "may"), // май, мая: "ма" alone, checked after "мар"
    ("июн", "jun"),
    ("июл", "jul"),
    ("авг", "aug"),
    ("сен", "sep"),
    ("окт", "oct"),
    ("ноя", "nov"),
    ("дек", "dec"),
];

fn month_word(word: &str) -> Option<u32> {
    let w = word.to_lowercase().replace('ё', "е");
    let w = w.trim_end_matches('.');
    if w.chars().count() < 3 && !matches!(w, "ма" | "май") {
        return None;
    }
    // "мар" must win over "ма" (май), so look at the longer prefixes first.
    if w.starts_with("мар") {
        return Some(3);
    }
    MONTH_WORDS
        .iter()
        .position(|(ru, en)| w.starts_with(ru) || w.starts_with(en))
        .map(|i| i as u32 + 1)
}

/// A month: `2025-03`, `03.2025`, `март 2025`, `марта 2025`, `мар 2025`, `Mar 2025`, or a day of it.
pub fn month(text: &str) -> Result<Month, ParseError> {
    let t = text.trim();
    if let Ok(m) = t.parse::<Month>() {
        return Ok(m);
    }
    if let Ok(d) = day(t) {
        return Ok(Month::of(d));
    }
    if let Some((m, y)) = t.split_once(['.', '/']) {
        if let (Ok(m), Ok(y)) = (m.trim().parse::<u32>(), y.trim().parse::<i32>()) {
            return Month::new(y, m).ok_or(ParseError::Month);
        }
    }
    let words: Vec<&str> = t.split([' ', '\u{a0}', '-']).filter(|w| !w.is_empty()).collect();
    if let [word, year] = words.as_slice() {
        let year = year.trim_end_matches(['г', '.']).trim();
        if let (Some(m), Ok(y)) = (month_word(word), year.parse::<i32>()) {
            return Month::new(y, m).ok_or(ParseError::Month);
        }
    }
    Err(ParseError::Month)
}

/// A day: `2025-03-31`, `31.03.2025`, optionally followed by a time.
pub fn day(text: &str) -> Result<NaiveDate, ParseError> {
    let t = text.trim();
    let date_part = t.split([' ', 'T']).next().unwrap_or(t);
    NaiveDate::parse_from_str(date_part, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(date_part, "%d.%m.%Y"))
        .or_else(|_| NaiveDate::parse_from_str(date_part, "%d/%m/%Y"))
        .map_err(|_| ParseError::Day)
}

/// An NPS period: a year (`2025`) or a month.
pub fn period(text: &str) -> Result<NpsPeriod, ParseError> {
    let t = text.trim();
    if t.len() == 4 {
        if let Ok(y) = t.parse::<i32>() {
            if (1000..=9999).contains(&y) {
                return Ok(NpsPeriod::Year(y));
            }
        }
    }
    month(t).map(NpsPeriod::Month).map_err(|_| ParseError::Period)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_typed() {
        assert_eq!(number("1 234 567,89 ₽"), Ok((1_234_567.89, false)));
        assert_eq!(number("1\u{a0}234,5"), Ok((1234.5, false)));
        assert_eq!(number("1,234.5"), Ok((1234.5, false)));
        assert_eq!(number("1.234,5"), Ok((1234.5, false)));
        assert_eq!(number("1,234,567"), Ok((1_234_567.0, false)));
        assert_eq!(number("62,5 %"), Ok((0.625, true)));
        assert_eq!(number("−1 500"), Ok((-1500.0, false)));
        assert_eq!(number("12 руб."), Ok((12.0, false)));
        assert_eq!(number("abc"), Err(ParseError::Number));
        assert_eq!(number(""), Err(ParseError::Number));
        assert_eq!(number("1e999"), Err(ParseError::Number));
    }

    #[test]
    fn months_and_days_as_typed() {
        let m = |y, mo| Month::new(y, mo).unwrap();
        assert_eq!(month("2025-03"), Ok(m(2025, 3)));
        assert_eq!(month("март 2025"), Ok(m(2025, 3)));
        assert_eq!(month("мая 2025"), Ok(m(2025, 5)));
        assert_eq!(month("янв 2025"), Ok(m(2025, 1)));
        assert_eq!(month("Jan 2025"), Ok(m(2025, 1)));
        assert_eq!(month("03.2025"), Ok(m(2025, 3)));
        assert_eq!(month("15.03.2025"), Ok(m(2025, 3)));
        assert_eq!(month("весна"), Err(ParseError::Month));
        assert_eq!(day("31.01.2025"), Ok(NaiveDate::from_ymd_opt(2025, 1, 31).unwrap()));
        assert_eq!(day("2025-02-30"), Err(ParseError::Day));
        assert_eq!(period("2025"), Ok(NpsPeriod::Year(2025)));
        assert_eq!(period("2025-04"), Ok(NpsPeriod::Month(m(2025, 4))));
    }
}
