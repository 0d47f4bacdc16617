//! A calendar month (`YYYY-MM`), the unit every plan and fact in a clinic's sheet is kept in.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar month. Ordered chronologically; serialised as `"YYYY-MM"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// Calendar year, e.g. 2025.
    pub year: i32,
    /// Month of the year, 1..=12.
    pub month: u32,
}

impl Month {
    /// The month `year-month`, or `None` when `month` is not 1..=12 or the year is absurd.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        ((1..=12).contains(&month) && (1000..=9999).contains(&year)).then_some(Self { year, month })
    }

    /// The month a day belongs to.
    pub fn of(day: NaiveDate) -> Self {
        Self { year: day.year(), month: day.month() }
    }

    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        // Month::new guarantees a valid year and month, so day 1 always exists.
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the month.
    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    /// Number of days in the month.
    pub fn days(self) -> u32 {
        self.last_day().day()
    }

    /// Every day of the month, in order.
    pub fn iter_days(self) -> impl Iterator<Item = NaiveDate> {
        let first = self.first_day();
        (0..self.days()).filter_map(move |i| first.checked_add_days(chrono::Days::new(i.into())))
    }

    /// The month after this one.
    pub fn next(self) -> Self {
        self.shift(1)
    }

    /// This month shifted by `n` months (negative goes back).
    pub fn shift(self, n: i32) -> Self {
        let index = self.year * 12 + self.month as i32 - 1 + n;
        Self { year: index.div_euclid(12), month: index.rem_euclid(12) as u32 + 1 }
    }

    /// Months from `self` to `later` (0 when equal, negative when `later` is earlier).
    pub fn months_until(self, later: Self) -> i32 {
        (later.year - self.year) * 12 + later.month as i32 - self.month as i32
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Error of [`Month::from_str`]: the text is not `YYYY-MM`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("«{0}» is not a month in the form YYYY-MM")]
pub struct MonthParseError(pub String);

impl FromStr for Month {
    type Err = MonthParseError;

    /// Parses the canonical `YYYY-MM` form only; the importer reads the many other spellings.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || MonthParseError(s.to_string());
        let (y, m) = s.trim().split_once('-').ok_or_else(err)?;
        if y.len() != 4 || m.is_empty() || m.len() > 2 {
            return Err(err());
        }
        let year = y.parse().map_err(|_| err())?;
        let month = m.parse().map_err(|_| err())?;
        Month::new(year, month).ok_or_else(err)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_crosses_years() {
        let m = Month::new(2025, 11).unwrap();
        assert_eq!(m.shift(2), Month::new(2026, 1).unwrap());
        assert_eq!(m.shift(-11), Month::new(2024, 12).unwrap());
        assert_eq!(m.months_until(Month::new(2026, 2).unwrap()), 3);
        assert_eq!(Month::new(2024, 2).unwrap().days(), 29);
        assert_eq!(Month::new(2025, 2).unwrap().iter_days().count(), 28);
    }

    #[test]
    fn text_round_trip() {
        let m: Month = "2025-03".parse().unwrap();
        assert_eq!(m.to_string(), "2025-03");
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"2025-03\"");
        assert!("2025-13".parse::<Month>().is_err());
        assert!("25-01".parse::<Month>().is_err());
    }
}
