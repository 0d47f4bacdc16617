//! Reading what the user types or pastes into a grid cell: numbers with spaces, `₽` and `%`,
//! months such as `янв 2025`, days such as `31.01.2025`.
//!
//! The importer's cell parsers do the reading, so a value pasted from the clinic's own sheet
//! means the same in the grid as in an import; this module only adapts their results.

use chrono::NaiveDate;

use crate::import::cells;
use crate::model::{Month, NpsPeriod};

/// Why a typed value was refused; the grid words the message in the user's language.
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
/// Returns the number and whether it was written with a `%` sign.
pub fn number(text: &str) -> Result<(f64, bool), ParseError> {
    match cells::parse_number(text) {
        Ok(Some(x)) if x.is_finite() => Ok((x, text.contains('%'))),
        _ => Err(ParseError::Number),
    }
}

/// A month: `2025-03`, `март 2025`, `марта 2025`, `мар 2025`, `Mar 2025`, or a day of it.
pub fn month(text: &str) -> Result<Month, ParseError> {
    match cells::parse_month(text) {
        Ok(Some(m)) => Ok(m),
        _ => Err(ParseError::Month),
    }
}

/// A day: `2025-03-31` or `31.03.2025` (a time after it is ignored).
pub fn day(text: &str) -> Result<NaiveDate, ParseError> {
    match cells::parse_day(text) {
        Ok(Some(d)) => Ok(d),
        _ => Err(ParseError::Day),
    }
}

/// An NPS period: a year (`2025`) or a month.
pub fn period(text: &str) -> Result<NpsPeriod, ParseError> {
    match cells::parse_nps_period(text) {
        Ok(Some(p)) => Ok(p),
        _ => Err(ParseError::Period),
    }
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
        assert_eq!(number("62,5 %"), Ok((0.625, true)));
        assert_eq!(number("−1 500"), Ok((-1500.0, false)));
        assert_eq!(number("abc"), Err(ParseError::Number));
        assert_eq!(number(""), Err(ParseError::Number));
    }

    #[test]
    fn months_and_days_as_typed() {
        let m = |y, mo| Month::new(y, mo).unwrap();
        assert_eq!(month("2025-03"), Ok(m(2025, 3)));
        assert_eq!(month("март 2025"), Ok(m(2025, 3)));
        assert_eq!(month("мая 2025"), Ok(m(2025, 5)));
        assert_eq!(month("янв 2025"), Ok(m(2025, 1)));
        assert_eq!(month("Jan 2025"), Ok(m(2025, 1)));
        assert_eq!(month("15.03.2025"), Ok(m(2025, 3)));
        assert_eq!(month("весна"), Err(ParseError::Month));
        assert_eq!(day("31.01.2025"), Ok(NaiveDate::from_ymd_opt(2025, 1, 31).unwrap()));
        assert_eq!(day("2025-02-30"), Err(ParseError::Day));
        assert_eq!(period("2025"), Ok(NpsPeriod::Year(2025)));
        assert_eq!(period("2025-04"), Ok(NpsPeriod::Month(m(2025, 4))));
    }
}
