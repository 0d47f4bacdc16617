//! Months and days as people write them: the one place month names and date orders live.

use chrono::{Datelike, NaiveDate};

use crate::format::Lang;
use crate::model::Month;

const MONTHS_RU: [&str; 12] = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn name(month: u32, lang: Lang) -> &'static str {
    let i = (month as usize).wrapping_sub(1);
    match lang {
        Lang::Ru => MONTHS_RU.get(i).copied().unwrap_or("?"),
        Lang::En | Lang::Zh => MONTHS_EN.get(i).copied().unwrap_or("?"),
    }
}

/// A month as the axes write it: `ноя 26` / `Nov 26` / `26年11月`.
pub fn month_short(m: Month, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{:02}年{}月", m.year.rem_euclid(100), m.month),
        _ => format!("{} {:02}", name(m.month, lang), m.year.rem_euclid(100)),
    }
}

/// A month in full for cells and captions: `ноя 2026` / `Nov 2026` / `2026年11月`.
pub fn month_label(m: Month, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月", m.year, m.month),
        _ => format!("{} {}", name(m.month, lang), m.year),
    }
}

/// A day as the user writes it: `18.11.2026` / `2026-11-18` (English and Chinese).
pub fn day_label(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ru => d.format("%d.%m.%Y").to_string(),
        Lang::En | Lang::Zh => d.format("%Y-%m-%d").to_string(),
    }
}

/// A short day for ranges: `18.11` / `Nov 18` / `11月18日`.
pub fn day_short(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ru => d.format("%d.%m").to_string(),
        Lang::En => format!("{} {}", name(d.month(), lang), d.day()),
        Lang::Zh => format!("{}月{}日", d.month(), d.day()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_days_in_three_languages() {
        let m = Month::new(2026, 11).unwrap();
        assert_eq!(month_short(m, Lang::Ru), "ноя 26");
        assert_eq!(month_label(m, Lang::En), "Nov 2026");
        assert_eq!(month_label(m, Lang::Zh), "2026年11月");
        let d = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
        assert_eq!(day_label(d, Lang::Ru), "08.03.2026");
        assert_eq!(day_short(d, Lang::En), "Mar 8");
        assert_eq!(day_short(d, Lang::Zh), "3月8日");
    }
}
