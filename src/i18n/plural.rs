//! Counts before nouns: the one plural rule of the catalogue. Russian has three forms (CLDR's
//! one / few / many: 1 лид, 2 лида, 5 лидов, 11 лидов, 21 лид); English two; Chinese one.

use crate::format::Lang;

/// The forms of a noun after a count: Russian one / few / many, English singular / plural,
/// Chinese (no plural).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Noun {
    /// Russian after 1, 21, 101 …: «лид».
    pub ru_one: &'static str,
    /// Russian after 2–4, 22–24 …: «лида».
    pub ru_few: &'static str,
    /// Russian after 0, 5–20, 25–30 …: «лидов».
    pub ru_many: &'static str,
    /// English after 1: "lead".
    pub en_one: &'static str,
    /// English otherwise: "leads".
    pub en_other: &'static str,
    /// Chinese, the same for every count: "条线索".
    pub zh: &'static str,
}

/// Which Russian form a count takes (CLDR: one when n % 10 = 1 and n % 100 ≠ 11; few when
/// n % 10 ∈ 2..4 and n % 100 ∉ 12..14; many otherwise).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuForm {
    /// 1 лид.
    One,
    /// 2 лида.
    Few,
    /// 5 лидов.
    Many,
}

/// The Russian form for `n` (the count's absolute value decides).
pub fn ru_form(n: u64) -> RuForm {
    match (n % 10, n % 100) {
        (1, r) if r != 11 => RuForm::One,
        (2..=4, r) if !(12..=14).contains(&r) => RuForm::Few,
        _ => RuForm::Many,
    }
}

impl Noun {
    /// The noun's form after `n` in `lang`.
    pub fn form(&self, n: u64, lang: Lang) -> &'static str {
        match lang {
            Lang::Ru => match ru_form(n) {
                RuForm::One => self.ru_one,
                RuForm::Few => self.ru_few,
                RuForm::Many => self.ru_many,
            },
            Lang::En if n == 1 => self.en_one,
            Lang::En => self.en_other,
            Lang::Zh => self.zh,
        }
    }

    /// The count and its noun: «21 лид», "2 leads", "5条线索" (Chinese puts no space before its
    /// measure word).
    pub fn count(&self, n: u64, lang: Lang) -> String {
        let number = crate::format::number(n as f64, 0, lang);
        match lang {
            Lang::Zh => format!("{number}{}", self.zh),
            _ => format!("{number}\u{a0}{}", self.form(n, lang)),
        }
    }
}

/// The nouns counted in the app, the report and the CLI.
pub mod nouns {
    use super::Noun;

    /// Leads.
    pub const LEADS: Noun =
        Noun {
            ru_one: "лид", ru_few: "лида", ru_many: "лидов", en_one: "lead", en_other: "leads", zh: "条线索"
        };
    /// Charts saved as pictures.
    pub const CHARTS: Noun = Noun {
        ru_one: "график",
        ru_few: "графика",
        ru_many: "графиков",
        en_one: "chart",
        en_other: "charts",
        zh: "张图表",
    };
    /// Visits to the clinic (an MIS export's rows).
    pub const VISITS: Noun = Noun {
        ru_one: "визит",
        ru_few: "визита",
        ru_many: "визитов",
        en_one: "visit",
        en_other: "visits",
        zh: "次就诊",
    };
    /// Calls.
    pub const CALLS: Noun = Noun {
        ru_one: "звонок",
        ru_few: "звонка",
        ru_many: "звонков",
        en_one: "call",
        en_other: "calls",
        zh: "通电话",
    };
    /// Steps of a plan of action.
    pub const STEPS: Noun =
        Noun {
            ru_one: "шаг", ru_few: "шага", ru_many: "шагов", en_one: "step", en_other: "steps", zh: "个步骤"
        };
    /// Rows of a sheet.
    pub const ROWS: Noun =
        Noun {
            ru_one: "строка", ru_few: "строки", ru_many: "строк", en_one: "row", en_other: "rows", zh: "行"
        };
    /// Months.
    pub const MONTHS: Noun =
        Noun {
            ru_one: "месяц", ru_few: "месяца", ru_many: "месяцев", en_one: "month", en_other: "months", zh: "个月"
        };
    /// Problems found by an import.
    pub const PROBLEMS: Noun = Noun {
        ru_one: "проблема",
        ru_few: "проблемы",
        ru_many: "проблем",
        en_one: "problem",
        en_other: "problems",
        zh: "个问题",
    };
    /// Contacts (one caller's calls on one day).
    pub const CONTACTS: Noun = Noun {
        ru_one: "обращение",
        ru_few: "обращения",
        ru_many: "обращений",
        en_one: "contact",
        en_other: "contacts",
        zh: "次来电",
    };
}

#[cfg(test)]
mod tests {
    use super::nouns::{CALLS, LEADS};
    use super::*;

    #[test]
    fn russian_takes_one_few_many_by_the_last_two_digits() {
        // 1, 21, 101: one; 2–4, 22–24: few; 0, 5–20, 25, 111–114: many.
        for (n, form) in [
            (1, "лид"),
            (2, "лида"),
            (4, "лида"),
            (5, "лидов"),
            (11, "лидов"),
            (12, "лидов"),
            (14, "лидов"),
            (21, "лид"),
            (22, "лида"),
            (25, "лидов"),
            (0, "лидов"),
            (101, "лид"),
            (111, "лидов"),
            (112, "лидов"),
            (1001, "лид"),
        ] {
            assert_eq!(LEADS.form(n, Lang::Ru), form, "{n}");
        }
        assert_eq!(CALLS.count(1, Lang::Ru), "1\u{a0}звонок");
        assert_eq!(CALLS.count(3, Lang::Ru), "3\u{a0}звонка");
        assert_eq!(CALLS.count(11, Lang::Ru), "11\u{a0}звонков");
        assert_eq!(CALLS.count(1_021, Lang::Ru), "1\u{a0}021\u{a0}звонок");
    }

    #[test]
    fn english_and_chinese() {
        assert_eq!(LEADS.count(1, Lang::En), "1\u{a0}lead");
        assert_eq!(LEADS.count(0, Lang::En), "0\u{a0}leads");
        assert_eq!(LEADS.count(21, Lang::En), "21\u{a0}leads");
        assert_eq!(LEADS.count(5, Lang::Zh), "5条线索");
    }
}
