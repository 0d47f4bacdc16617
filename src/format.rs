//! Numbers as people read them: `1 234 567,89 ₽` and `62,5 %` in Russian, `1,234,567.89 $` and
//! `62.5%` in English and Chinese (the sign is the clinic's currency), `—` for undefined values. Shared by the terminal, the app and the report.

use serde::{Deserialize, Serialize};

/// The user's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Russian: the default for most users.
    #[default]
    Ru,
    /// English.
    En,
    /// Simplified Chinese (中文): the vocabulary of domain.md's Chinese clinic playbook.
    Zh,
}

impl Lang {
    /// Every language, in the order menus offer them.
    pub const ALL: [Lang; 3] = [Lang::Ru, Lang::En, Lang::Zh];

    /// The code used on the command line (`ru`, `en`, `zh`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language's own name, as a language menu shows it (never translated: a user who
    /// cannot read the current language still finds their own).
    pub fn name(self) -> &'static str {
        match self {
            Lang::Ru => "Русский",
            Lang::En => "English",
            Lang::Zh => "中文",
        }
    }

    /// Parses `ru`/`en`/`zh` (case-insensitive, also `russian`, `english`, `chinese`, `cn`, and each
    /// language's own name).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_lowercase().as_str() {
            "ru" | "rus" | "russian" | "русский" => Some(Lang::Ru),
            "en" | "eng" | "english" => Some(Lang::En),
            "zh" | "zh-cn" | "zh-hans" | "cn" | "chinese" | "中文" => Some(Lang::Zh),
            _ => None,
        }
    }
}

/// What is shown for an undefined value.
pub const DASH: &str = "—";

/// Groups the integer digits and puts the language's decimal separator, with `decimals` places.
pub fn number(x: f64, decimals: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return DASH.to_string();
    }
    let text = format!("{:.*}", decimals, x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    // Chinese writes numbers as English does (1,234,567.89).
    let (group, point) = match lang {
        Lang::Ru => ('\u{a0}', ','),
        Lang::En | Lang::Zh => (',', '.'),
    };
    let mut out = String::new();
    // "-0" after rounding reads as a bug; only a visible non-zero value keeps its sign.
    if x < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('−');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// The money sign shown for a currency written in Settings: a known ISO code maps to its sign
/// (`RUB` → `₽`, `USD` → `$`, …), anything else (a sign typed by the user, an unknown code) is
/// shown as written. The one place that knows the signs: the app, the CLI and the report use it.
pub fn currency_sign(currency: &str) -> &str {
    let code = currency.trim();
    match code.to_uppercase().as_str() {
        "" | "RUB" | "RUR" => "₽",
        "USD" => "$",
        "EUR" => "€",
        "CNY" | "RMB" | "JPY" => "¥",
        "KZT" => "₸",
        "GBP" => "£",
        "BYN" => "Br",
        "UAH" => "₴",
        "AMD" => "֏",
        "GEL" => "₾",
        "UZS" => "сум",
        _ => code,
    }
}

/// A currency sign held by value, so a `Locale` is `Copy` and can be moved into chart formatters.
/// Longer signs than anyone types are cut at a character boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sign {
    bytes: [u8; Sign::CAP],
    len: u8,
}

impl Sign {
    const CAP: usize = 16;

    /// The sign of a currency from Settings (see [`currency_sign`]).
    pub fn of(currency: &str) -> Sign {
        let text = currency_sign(currency);
        let mut len = text.len().min(Self::CAP);
        while !text.is_char_boundary(len) {
            len -= 1;
        }
        let mut bytes = [0; Self::CAP];
        bytes[..len].copy_from_slice(&text.as_bytes()[..len]);
        Sign { bytes, len: len as u8 }
    }

    /// The sign as text.
    pub fn as_str(&self) -> &str {
        // Only ever filled from a `&str` cut at a character boundary.
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("")
    }
}

impl Default for Sign {
    fn default() -> Self {
        Sign::of("RUB")
    }
}

/// How numbers are written for one user and one clinic: the language and the money sign.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Locale {
    /// The user's language.
    pub lang: Lang,
    /// The sign of the clinic's currency.
    pub sign: Sign,
}

impl Locale {
    /// The locale for `lang` and the currency written in Settings.
    pub fn new(lang: Lang, currency: &str) -> Locale {
        Locale { lang, sign: Sign::of(currency) }
    }
}

/// Money with the clinic's currency sign, whole units above 1 000 and cents below.
pub fn money(x: Option<f64>, loc: Locale) -> String {
    match x {
        Some(v) if v.is_finite() => {
            let decimals = if v.abs() >= 1000.0 || v.fract() == 0.0 { 0 } else { 2 };
            format!("{}\u{a0}{}", number(v, decimals, loc.lang), loc.sign.as_str())
        }
        _ => DASH.to_string(),
    }
}

/// A rate (0.625) as a percent with one decimal (`62,5 %` / `62.5%`).
pub fn percent(x: Option<f64>, lang: Lang) -> String {
    match x {
        Some(v) if v.is_finite() => match lang {
            Lang::Ru => format!("{}\u{a0}%", number(v * 100.0, 1, lang)),
            Lang::En | Lang::Zh => format!("{}%", number(v * 100.0, 1, lang)),
        },
        _ => DASH.to_string(),
    }
}

/// A count or other plain number: whole when integral, else up to two decimals.
pub fn count(x: Option<f64>, lang: Lang) -> String {
    match x {
        Some(v) if v.is_finite() => number(v, if v.fract() == 0.0 { 0 } else { 2 }, lang),
        _ => DASH.to_string(),
    }
}

/// A plain ratio such as ROAS or LTV:CAC with two decimals.
pub fn ratio(x: Option<f64>, lang: Lang) -> String {
    match x {
        Some(v) if v.is_finite() => number(v, 2, lang),
        _ => DASH.to_string(),
    }
}

/// How a figure is written: the unit of a KPI in a table, a chart's ticks and tooltips.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Money in the clinic's currency ([`money`]).
    Money,
    /// A fraction shown as a percent ([`percent`]).
    Rate,
    /// A count ([`count`]).
    Count,
    /// A plain ratio such as ROAS ([`ratio`]).
    Ratio,
    /// NPS points, one decimal.
    Points,
}

impl Unit {
    /// `x` written in this unit («—» when undefined).
    pub fn text(self, x: Option<f64>, loc: Locale) -> String {
        let lang = loc.lang;
        match self {
            Unit::Money => money(x, loc),
            Unit::Rate => percent(x, lang),
            Unit::Count => count(x, lang),
            Unit::Ratio => ratio(x, lang),
            Unit::Points => x.filter(|v| v.is_finite()).map_or_else(|| DASH.to_string(), |v| number(v, 1, lang)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_and_english_numbers() {
        assert_eq!(number(1_234_567.891, 2, Lang::Ru), "1\u{a0}234\u{a0}567,89");
        assert_eq!(number(1_234_567.891, 2, Lang::En), "1,234,567.89");
        let rub = Locale::new(Lang::Ru, "RUB");
        assert_eq!(money(Some(1_234_567.0), rub), "1\u{a0}234\u{a0}567\u{a0}₽");
        assert_eq!(money(Some(12.5), rub), "12,50\u{a0}₽");
        assert_eq!(money(None, rub), "—");
        assert_eq!(percent(Some(0.625), Lang::Ru), "62,5\u{a0}%");
        assert_eq!(percent(Some(0.625), Lang::En), "62.5%");
        assert_eq!(percent(Some(f64::NAN), Lang::En), "—");
        assert_eq!(number(-1500.0, 0, Lang::En), "−1,500");
        assert_eq!(number(-0.001, 1, Lang::En), "0.0");
        assert_eq!(count(Some(300.0), Lang::Ru), "300");
        assert_eq!(ratio(Some(3.456), Lang::Ru), "3,46");
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("zh"), Some(Lang::Zh));
        assert_eq!(Lang::parse("中文"), Some(Lang::Zh));
        assert_eq!(number(1_234_567.891, 2, Lang::Zh), "1,234,567.89");
        assert_eq!(percent(Some(0.625), Lang::Zh), "62.5%");
    }

    #[test]
    fn every_currency_has_its_sign() {
        for (code, sign) in [
            ("RUB", "₽"),
            ("", "₽"),
            ("usd", "$"),
            ("EUR", "€"),
            ("CNY", "¥"),
            ("JPY", "¥"),
            ("KZT", "₸"),
            ("GBP", "£"),
            ("BYN", "Br"),
            ("UAH", "₴"),
            ("AMD", "֏"),
            ("GEL", "₾"),
            ("UZS", "сум"),
            (" CHF ", "CHF"),
            ("руб.", "руб."),
        ] {
            assert_eq!(currency_sign(code), sign, "{code:?}");
            assert_eq!(Sign::of(code).as_str(), sign, "{code:?}");
        }
        assert_eq!(money(Some(1500.0), Locale::new(Lang::En, "USD")), "1,500\u{a0}$");
        assert_eq!(money(Some(12.5), Locale::new(Lang::Ru, "KZT")), "12,50\u{a0}₸");
        // 17 Cyrillic letters are 34 bytes: cut to 16 bytes, eight whole letters.
        assert_eq!(Sign::of("ааааааааааааааааа").as_str(), "аааааааа");
        assert_eq!(Locale::default().sign.as_str(), "₽");
    }
}
