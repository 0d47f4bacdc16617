//! The one catalogue of words: every label, sentence, notice and error text of the app, the report
//! and the CLI, in Russian, English and Chinese side by side ([`words`]), so a missing translation
//! is a compile error, not a blank button or an English word in a Russian screen. Library code
//! returns typed values (plan notices, allocator reasons, import errors); [`messages`] words them
//! at the edge. Counts before nouns go through [`plural`].

use crate::format::Lang;
use crate::metrics::figure::Figure;
use crate::metrics::{Factor, Owner};
use crate::model::{Lever, Sheet, Tier};

/// Builds the catalogue from `Key => "ru", "en", "zh";` lines: an enum of keys and their texts.
macro_rules! table {
    ($($key:ident => $ru:expr, $en:expr, $zh:expr;)*) => {
        /// A word or sentence of the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)] // each key's texts are its documentation
        pub enum K { $($key),* }

        impl K {
            /// Every key (for tests of the table).
            pub const ALL: &'static [K] = &[$(K::$key),*];

            /// The text in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((K::$key, Lang::Ru) => $ru, (K::$key, Lang::En) => $en, (K::$key, Lang::Zh) => $zh,)*
                }
            }
        }
    };
}

pub mod calendar;
pub mod messages;
pub mod plural;
pub mod problems;
pub mod story;
mod words;

pub use calendar::{day_label, day_short, month_label, month_short};
pub use messages::{
    alloc_error, analysis_notice, branch_error, estimate_sentence, import_error, io_reason, kpi_notice, lever_error,
    plan_notice, plan_warning, rate_warning, raw_error, store_error,
};
pub use problems::{problem_line, problem_message, value_error};
pub use words::K;

/// Noto Sans SC cut down to the Chinese the app needs (assets/fonts/subset-cjk.py): the UI's
/// fallback after DejaVu Sans, so Chinese texts and Chinese names in the data are drawn.
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-subset.otf");

/// The text of `key` in `lang`.
pub fn tr(lang: Lang, key: K) -> &'static str {
    key.get(lang)
}

/// A funnel factor as a header names it: «Конверсия в запись» / "Booking rate".
pub fn factor(f: Factor) -> K {
    match f {
        Factor::Leads => K::Leads,
        Factor::BookingRate => K::BookingRate,
        Factor::ShowRate => K::ShowRate,
        Factor::PaidRate => K::PaidRate,
        Factor::RevenuePerPaid => K::RevenuePerPaid,
    }
}

/// A KPI as a table's header names it in full: «Цена лида (CPL)» / "Cost per lead (CPL)".
pub fn figure(f: Figure) -> K {
    match f {
        Figure::RevenuePlan => K::RevenuePlan,
        Figure::Revenue => K::Revenue,
        Figure::PlanCompletion => K::PlanCompletion,
        Figure::PlanToDate => K::PlanToDate,
        Figure::CompletionToDate => K::CompletionToDate,
        Figure::Forecast => K::Forecast,
        Figure::BudgetPlan => K::BudgetPlan,
        Figure::Spend => K::Spend,
        Figure::BudgetExecution => K::BudgetExecution,
        Figure::MarketingShare => K::MarketingShare,
        Figure::Leads => K::Leads,
        Figure::Bookings => K::Bookings,
        Figure::Visits => K::Visits,
        Figure::Paid => K::Paid,
        Figure::BookingRate => K::BookingRate,
        Figure::ShowRate => K::ShowRate,
        Figure::PaidRate => K::PaidRate,
        Figure::AttributedRevenue => K::AttributedRevenue,
        Figure::Cpl => K::Cpl,
        Figure::Cac => K::Cac,
        Figure::RevenuePerPaid => K::RevenuePerPaid,
        Figure::AvgCheck => K::AvgCheck,
        Figure::GrossProfit => K::GrossProfit,
        Figure::AttributedGrossProfit => K::AttributedGrossProfit,
        Figure::Roas => K::Roas,
        Figure::Romi => K::Romi,
        Figure::RequiredPace => K::ReportRequiredPace,
        Figure::ReturningLeads => K::ReturningLeads,
        Figure::Contacts => K::Contacts,
        Figure::AnswerRate => K::AnswerRate,
        Figure::RepeatShare => K::RepeatShare,
        Figure::ReferralShare => K::ReferralShare,
        Figure::Nps => K::Nps,
        Figure::Margin => K::Margin,
        Figure::Ltv => K::Ltv,
        Figure::LtvToCac => K::LtvToCac,
    }
}

/// A KPI as a compact table above a grid names it: «CPL», «Явки», «Запись»; the full name
/// ([`figure`]) where there is no shorter one.
pub fn figure_short(f: Figure) -> K {
    match f {
        Figure::PlanCompletion => K::Completion,
        Figure::Forecast => K::CardForecast,
        Figure::BudgetPlan => K::ColBudgetPlan,
        Figure::BudgetExecution => K::ExecutionWord,
        Figure::MarketingShare => K::CardMarketingShare,
        Figure::Visits => K::ColVisits,
        Figure::BookingRate => K::FactorBookingRate,
        Figure::PaidRate => K::FactorPaidRate,
        Figure::Cpl => K::CardCpl,
        Figure::Cac => K::CardCac,
        _ => figure(f),
    }
}

/// Whose job a stage is (domain.md, "Responsibility map"): the one place the owners are named.
pub fn owner(o: Owner) -> K {
    match o {
        Owner::Marketer => K::OwnerMarketer,
        Owner::Administrators => K::OwnerAdministrators,
        Owner::Doctors => K::OwnerDoctors,
        Owner::Management => K::OwnerManagement,
    }
}

/// A budget tier in words.
pub fn tier(t: Tier) -> K {
    match t {
        Tier::Proven => K::TierProven,
        Tier::Scaling => K::TierScaling,
        Tier::Experiment => K::TierExperiment,
    }
}

/// A template sheet's name, as the app's navigation and the problems name it.
pub fn sheet(s: Sheet) -> K {
    match s {
        Sheet::Settings => K::Settings,
        Sheet::Directions => K::Directions,
        Sheet::Channels => K::Channels,
        Sheet::Plan => K::Plan,
        Sheet::Budget => K::Budget,
        Sheet::Funnel => K::Funnel,
        Sheet::Revenue => K::Revenue,
        Sheet::Doctors => K::Doctors,
        Sheet::Nps => K::Nps,
        Sheet::Calls => K::CallsSheet,
    }
}

/// A funnel factor's short name, as chart axes and the dashboard write it: «Запись» / "Booking rate".
pub fn factor_label(f: Factor, lang: Lang) -> &'static str {
    tr(
        lang,
        match f {
            Factor::Leads => K::Leads,
            Factor::BookingRate => K::FactorBookingRate,
            Factor::ShowRate => K::ShowRate,
            Factor::PaidRate => K::FactorPaidRate,
            Factor::RevenuePerPaid => K::LeverRevenuePerPaid,
        },
    )
}

/// A lever's name, as the Decisions view and the CLI's tables write it: «Запись» / "Booking rate".
pub fn lever(l: Lever) -> K {
    match l {
        Lever::Leads => K::Leads,
        Lever::BookingRate => K::FactorBookingRate,
        Lever::ShowRate => K::ShowRate,
        Lever::PaidRate => K::FactorPaidRate,
        Lever::RevenuePerPaid => K::LeverRevenuePerPaid,
        Lever::AvgCheck => K::AvgCheck,
        Lever::VisitsPerPatient => K::ColVisitsPerPatient,
    }
}

/// The user's language as the system says it (the CLI's default where none is documented):
/// the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty (POSIX's order),
/// read by [`lang_of_locale`].
pub fn system_lang() -> Lang {
    lang_of_env(|name| std::env::var(name).ok())
}

/// [`system_lang`] over any source of environment variables (for tests).
pub fn lang_of_env(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| var(name))
        .find(|v| !v.trim().is_empty())
        .map_or(Lang::En, |v| lang_of_locale(&v))
}

/// A POSIX locale name as a language: `ru_RU.UTF-8` → Russian, `zh_CN.UTF-8` → Chinese, anything
/// else (`C`, `POSIX`, `en_US.UTF-8`, `de_DE`) → English.
pub fn lang_of_locale(locale: &str) -> Lang {
    let l = locale.trim().to_ascii_lowercase();
    if l.starts_with("ru") {
        Lang::Ru
    } else if l.starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// Who owns a stage, in the user's language.
pub fn owner_label(o: Owner, lang: Lang) -> &'static str {
    tr(lang, owner(o))
}

/// Short weekday names, Monday first.
pub const WEEKDAYS: [K; 7] = [K::Mon, K::Tue, K::Wed, K::Thu, K::Fri, K::Sat, K::Sun];

/// A catalogue text with its `{name}` places filled: `fill(tr(lang, K::X), &[("year", "2025")])`.
/// A place without a value stays as written, so a missing argument shows rather than vanishes.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deliberate shared symbols a Chinese text may be made of alone: the KPI abbreviations, the
    /// curve's parameters, signs and the rank column's `#`.
    const SHARED: &[&str] = &[
        "NPS", "CPL", "CAC", "ROMI", "ROAS", "LTV", "LTV:CAC", "AARRR", "KPI", "4–10 %", "ID", "#", "a", "b", "%", "₽",
    ];

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c))
    }

    #[test]
    fn every_text_is_written_and_chinese_is_chinese() {
        for k in K::ALL {
            for lang in Lang::ALL {
                assert!(!k.get(lang).trim().is_empty(), "{k:?} {lang:?}");
            }
            let zh = k.get(Lang::Zh);
            assert!(has_cjk(zh) || SHARED.contains(&zh), "{k:?}: the Chinese text {zh:?} has no Chinese");
        }
    }

    /// The UI's Chinese font ([`CJK_FONT`]) draws every character of every Chinese text; a new
    /// character needs `python3 assets/fonts/subset-cjk.py`.
    #[test]
    fn the_chinese_font_has_every_character_of_the_chinese_texts() {
        use skrifa::MetadataProvider;
        let font = skrifa::FontRef::new(CJK_FONT).expect("the subset is a font");
        let charmap = font.charmap();
        let missing: std::collections::BTreeSet<char> = K::ALL
            .iter()
            .flat_map(|k| k.get(Lang::Zh).chars())
            .filter(|c| !c.is_ascii() && has_cjk(&c.to_string()))
            .filter(|c| charmap.map(*c).is_none())
            .collect();
        assert!(missing.is_empty(), "the font lacks {missing:?}: run python3 assets/fonts/subset-cjk.py");
        assert!(CJK_FONT.len() < 2 * 1024 * 1024, "the subset grew past 2 MB");
    }

    #[test]
    fn the_system_language_is_the_first_locale_variable_set() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
        };
        assert_eq!(lang_of_env(env(&[("LANG", "ru_RU.UTF-8")])), Lang::Ru);
        assert_eq!(lang_of_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(lang_of_env(env(&[("LANG", "C")])), Lang::En);
        assert_eq!(lang_of_env(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
        assert_eq!(lang_of_env(env(&[])), Lang::En);
        // LC_ALL overrides LC_MESSAGES, which overrides LANG; an empty one does not count.
        assert_eq!(lang_of_env(env(&[("LC_ALL", "zh_TW"), ("LC_MESSAGES", "ru_RU"), ("LANG", "C")])), Lang::Zh);
        assert_eq!(lang_of_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "ru_RU"), ("LANG", "C")])), Lang::Ru);
        assert_eq!(lang_of_env(env(&[("LC_ALL", "C.UTF-8"), ("LANG", "ru_RU.UTF-8")])), Lang::En);
    }

    #[test]
    fn places_are_filled_by_name() {
        assert_eq!(fill("{a} и {b}", &[("b", "2"), ("a", "1")]), "1 и 2");
        assert_eq!(fill("{missing} {a}", &[("a", "1")]), "{missing} 1");
        assert_eq!(fill("no places {", &[]), "no places {");
    }
}
