//! Typed values from the library, worded in a language: the plan builder's warnings, notices and
//! estimated months, files that cannot be read, and the system's reasons. The English wording is
//! also what the JSON and the CLI's machine output carry.

use super::{K, fill, tr};
use crate::analysis::allocate::AllocError;
use crate::analysis::levers::{LeverError, RateWarning};
use crate::analysis::notice::Notice;
use crate::analysis::plan::{Estimate, EstimateReason, EstimateRule, PlanNotice, PlanWarning};
use crate::format::{self, Lang, Locale};
use crate::import::ImportError;
use crate::import::raw::{KeyError, RawError};
use crate::metrics::KpiNotice;
use crate::metrics::branches::UnknownBranch;
use crate::model::{FORMAT_VERSION, Lever};
use crate::store::StoreError;

/// `0.15` → `15 %` (English and Chinese), `15 %` with a no-break space and a decimal comma in
/// Russian (`12,5 %`): the plan's advice quotes shares as typed, without rounding to one place.
fn percent(x: f64, lang: Lang) -> String {
    let p = (x * 1000.0).round() / 10.0;
    match lang {
        Lang::Ru => format!("{}\u{a0}%", p.to_string().replace('.', ",")),
        Lang::En | Lang::Zh => format!("{p} %"),
    }
}

/// `[0.8, 0.15, 0.05]` → `80/15/5` (`12,5/…` in Russian).
fn tiers(t: [f64; 3], lang: Lang) -> String {
    let sep = if lang == Lang::Ru { "," } else { "." };
    t.iter().map(|v| ((v * 1000.0).round() / 10.0).to_string().replace('.', sep)).collect::<Vec<_>>().join("/")
}

/// Names quoted and listed: `«УЗИ», «МРТ»`.
fn quoted(names: &[String]) -> String {
    names.iter().map(|n| format!("«{n}»")).collect::<Vec<_>>().join(", ")
}

/// A plan warning ([`PlanWarning`]) in `lang`.
pub fn plan_warning(w: &PlanWarning, lang: Lang) -> String {
    let t = |k| tr(lang, k);
    match w {
        PlanWarning::ShareNotANumber => t(K::PlanWarnShareNaN).to_string(),
        PlanWarning::ShareOutsideRange { share } => {
            fill(t(K::PlanWarnShareRange), &[("share", &percent(*share, lang))])
        }
        PlanWarning::TiersNegative { tiers: split } => {
            fill(t(K::PlanWarnTiersNegative), &[("tiers", &tiers(*split, lang))])
        }
        PlanWarning::TiersSum { tiers: split, sum } => {
            fill(t(K::PlanWarnTiersSum), &[("tiers", &tiers(*split, lang)), ("sum", &percent(*sum, lang))])
        }
        PlanWarning::NoRevenueLeft { growth, direction: None } => {
            fill(t(K::PlanWarnGrowth), &[("growth", &percent(*growth, lang))])
        }
        PlanWarning::NoRevenueLeft { growth, direction: Some(d) } => {
            fill(t(K::PlanWarnDirectionGrowth), &[("growth", &percent(*growth, lang)), ("direction", d)])
        }
    }
}

/// A plan notice ([`PlanNotice`]) in `lang`.
pub fn plan_notice(n: &PlanNotice, lang: Lang) -> String {
    let t = |k| tr(lang, k);
    match n {
        PlanNotice::NotPlannable { year } => fill(t(K::PlanNotPlannable), &[("year", &year.to_string())]),
        PlanNotice::DirectionlessGrowthUnused => t(K::PlanDirectionlessGrowth).to_string(),
        PlanNotice::GrowthUnused { direction, year } => {
            fill(t(K::PlanGrowthUnused), &[("direction", direction), ("year", &year.to_string())])
        }
        PlanNotice::NotFinite => t(K::PlanNotFinite).to_string(),
        PlanNotice::NoRevenueFor { year, directions, plan_year } => fill(
            t(K::PlanNoRevenueFor),
            &[("year", &year.to_string()), ("list", &quoted(directions)), ("plan_year", &plan_year.to_string())],
        ),
        PlanNotice::NoRevenue { year, plan_year } => {
            fill(t(K::PlanNoRevenue), &[("year", &year.to_string()), ("plan_year", &plan_year.to_string())])
        }
        PlanNotice::Estimated(e) => estimate_sentence(e, lang),
        PlanNotice::Refunds { direction, month } if direction.is_empty() => {
            fill(t(K::PlanRefundsNoDirection), &[("month", &month.to_string())])
        }
        PlanNotice::Refunds { direction, month } => {
            fill(t(K::PlanRefunds), &[("direction", direction), ("month", &month.to_string())])
        }
        PlanNotice::NoChannels => t(K::PlanNoticeNoChannels).to_string(),
        PlanNotice::Untiered { year, channels } => {
            fill(t(K::PlanUntiered), &[("year", &year.to_string()), ("list", &quoted(channels))])
        }
        PlanNotice::EmptyTier { tier, share } => {
            fill(t(K::PlanEmptyTier), &[("tier", t(super::tier(*tier))), ("share", &percent(*share, lang))])
        }
        PlanNotice::NothingForTiers => t(K::PlanNothingForTiers).to_string(),
        PlanNotice::Branch { branch, notice } if branch.is_empty() => {
            fill(t(K::PlanInChainRows), &[("notice", &plan_notice(notice, lang))])
        }
        PlanNotice::Branch { branch, notice } => {
            fill(t(K::PlanInBranch), &[("branch", branch), ("notice", &plan_notice(notice, lang))])
        }
    }
}

/// Why and how a month of the base was estimated, with its directions (and their trends).
pub fn estimate_sentence(e: &Estimate, lang: Lang) -> String {
    let t = |k| tr(lang, k);
    let names: Vec<String> = e
        .directions
        .iter()
        .map(|(d, trend)| {
            let name = if d.is_empty() { t(K::RevenueWithoutDirection).to_string() } else { format!("«{d}»") };
            match trend {
                Some(x) => format!("{name} ×{}", format::number(*x, 3, lang)),
                None => name,
            }
        })
        .collect();
    let month = e.month.to_string();
    let why = fill(
        t(match e.reason {
            EstimateReason::InProgress => K::EstimateWhyInProgress,
            EstimateReason::InProgressNoWeight => K::EstimateWhyNoWeight,
            EstimateReason::Future => K::EstimateWhyFuture,
            EstimateReason::BeforeFirstRow => K::EstimateWhyBeforeFirstRow,
        }),
        &[("month", &month)],
    );
    let (year, year_before) = (e.month.year, e.month.year - 1);
    let before = format!("{year_before}-{:02}", e.month.month);
    let places = [("before", before.as_str()), ("year", &year.to_string()), ("year_before", &year_before.to_string())];
    let how = match e.rule {
        EstimateRule::Scaled => t(K::EstimateHowScaled).to_string(),
        EstimateRule::Trend => fill(t(K::EstimateHowTrend), &places),
        EstimateRule::Mean => fill(t(K::EstimateHowMean), &places),
    };
    fill(t(K::EstimateSentence), &[("why", &why), ("how", &how), ("names", &names.join(", "))])
}

/// Why the system refused a file, in words (the operating system's own message is English and
/// carries an error code nobody at a clinic needs).
pub fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as E;
    let key = match e.kind() {
        E::NotFound => K::IoNotFound,
        E::PermissionDenied => K::IoPermission,
        E::IsADirectory => K::IoIsDirectory,
        E::ResourceBusy | E::ExecutableFileBusy => K::IoInUse,
        E::ReadOnlyFilesystem => K::IoReadOnly,
        E::StorageFull | E::QuotaExceeded => K::IoNoSpace,
        E::InvalidFilename | E::InvalidInput => K::IoInvalidName,
        // English keeps the system's own words for the rest: they name the cause exactly.
        _ if lang == Lang::En => return e.to_string(),
        _ => K::IoOther,
    };
    tr(lang, key).to_string()
}

/// Raw exports that could not be imported at all, in `lang`. English is the error's own text (the
/// CLI's); the patient key's errors keep their commands (`medfunnel key export`) in every language.
pub fn raw_error(e: &RawError, lang: Lang) -> String {
    let t = |k| tr(lang, k);
    match e {
        RawError::Import(e) => import_error(e, lang),
        _ if lang == Lang::En => e.to_string(),
        RawError::OldKeys => t(K::KeyOldKeys).to_string(),
        RawError::Key(k) => match k {
            KeyError::NoFolder => t(K::KeyNoFolder).to_string(),
            KeyError::Random(why) => fill(t(K::KeyRandom), &[("why", why)]),
            KeyError::Io { path, source } => {
                fill(t(K::KeyIo), &[("file", &path.display().to_string()), ("why", &io_reason(source, lang))])
            }
            KeyError::NotAKey { path } => fill(t(K::KeyNotAKey), &[("file", &path.display().to_string())]),
            KeyError::Mismatch { project, machine } => {
                fill(t(K::KeyMismatch), &[("project", project), ("machine", machine)])
            }
        },
    }
}

/// A file that could not be imported, in `lang`. English is the error's own text (the CLI's);
/// Russian and Chinese leave out the readers' English explanations.
pub fn import_error(e: &ImportError, lang: Lang) -> String {
    let t = |k| tr(lang, k);
    let file = e.path().display().to_string();
    let file = file.as_str();
    match e {
        ImportError::Open { source, .. } => {
            fill(t(K::ImportOpen), &[("file", file), ("why", &io_reason(source, lang))])
        }
        _ if lang == Lang::En => e.to_string(),
        ImportError::Empty { .. } => fill(t(K::ImportEmpty), &[("file", file)]),
        ImportError::Unreadable { .. } => fill(t(K::ImportUnreadable), &[("file", file)]),
        ImportError::NoTemplateSheet { sheets, .. } => {
            let list = if sheets.is_empty() { t(K::NoSheets).to_string() } else { quoted(sheets) };
            fill(t(K::ImportNoTemplateSheet), &[("file", file), ("sheets", &list)])
        }
        ImportError::Encoding { .. } => fill(t(K::ImportEncoding), &[("file", file)]),
        ImportError::NotAnExport { .. } => fill(t(K::ImportNotAnExport), &[("file", file)]),
    }
}

/// A note on how the KPIs were computed ([`KpiNotice`]) in `lang`.
pub fn kpi_notice(n: &KpiNotice, lang: Lang) -> String {
    let t = |k| tr(lang, k);
    match n {
        KpiNotice::Untiered(channels) => fill(t(K::KpiUntiered), &[("list", &channels.join(", "))]),
        KpiNotice::AverageMargin(m) => fill(t(K::KpiAverageMargin), &[("margin", &format::percent(Some(*m), lang))]),
        KpiNotice::NoMargins => t(K::KpiNoMargins).to_string(),
        KpiNotice::Overflow => t(K::KpiOverflow).to_string(),
    }
}

/// A note of the curves, the allocator or the headroom ranking ([`Notice`]) in `lang`. English
/// writes amounts as the JSON always did (`12500`); the other languages group them.
pub fn analysis_notice(n: &Notice, lang: Lang) -> String {
    let t = |k| tr(lang, k);
    let amount = |x: f64| if lang == Lang::En { format!("{x:.0}") } else { format::number(x, 0, lang) };
    let list = |c: &[String]| c.join(if lang == Lang::Zh { "、" } else { ", " });
    match n {
        Notice::NoSpend { channel } => fill(t(K::NoteNoSpend), &[("channel", channel)]),
        Notice::Linear { channel, few_months: Some(months) } => {
            fill(t(K::NoteLinearFewMonths), &[("channel", channel), ("n", &months.to_string())])
        }
        Notice::Linear { channel, few_months: None } => fill(t(K::NoteLinearElasticity), &[("channel", channel)]),
        Notice::BudgetBelowBounds(c) => fill(t(K::NoteBudgetBelow), &[("channels", &list(c))]),
        Notice::BudgetAboveBounds(c) => fill(t(K::NoteBudgetAbove), &[("channels", &list(c))]),
        Notice::SplitWins(c) => fill(t(K::NoteSplitWins), &[("channels", &list(c))]),
        Notice::TierWithoutChannels => t(K::NoteTierWithoutChannels).to_string(),
        Notice::Extrapolated { channel, proposal, max_spend } => fill(
            t(K::NoteExtrapolated),
            &[("channel", channel), ("proposal", &amount(*proposal)), ("max", &amount(*max_spend))],
        ),
        Notice::CappedByMaximums { budget, revenue } => {
            fill(t(K::NoteCapped), &[("budget", &amount(*budget)), ("revenue", &amount(*revenue))])
        }
        Notice::Saturated { budget, revenue } => {
            fill(t(K::NoteSaturated), &[("budget", &amount(*budget)), ("revenue", &amount(*revenue))])
        }
        Notice::TooFewMonths { window } => fill(t(K::NoteTooFewMonths), &[("window", &window.to_string())]),
    }
}

/// The English sentence: what the CLI and the JSON print.
impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&analysis_notice(self, Lang::En))
    }
}

/// A what-if's rate above 100 % in `lang`: `Яндекс: Конверсия в запись получится 120,0 % — больше
/// 100 %.` English names the rate by its JSON key, as the JSON always did.
pub fn rate_warning(w: &RateWarning, lang: Lang) -> String {
    let (rate, value) = match lang {
        Lang::En => (w.rate.key().to_string(), format!("{:.1}", w.percent)),
        _ => (super::factor_label(w.rate, lang).to_string(), format::number(w.percent, 1, lang)),
    };
    fill(tr(lang, K::WhatIfRateAbove100), &[("channel", &w.channel), ("rate", &rate), ("value", &value)])
}

/// The English sentence: what the CLI and the JSON print.
impl std::fmt::Display for RateWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&rate_warning(self, Lang::En))
    }
}

/// A what-if, ranking or goal seek that cannot be done ([`LeverError`]) in `lang`, as the
/// Decisions view and the CLI say it.
pub fn lever_error(e: &LeverError, lang: Lang) -> String {
    match e {
        LeverError::Unreachable => tr(lang, K::ErrUnreachable).to_string(),
        LeverError::NoRevenue(_) => tr(lang, K::ErrNoRevenueInScope).to_string(),
        LeverError::LtvLeverOnChannel(_) => tr(lang, K::ErrLtvOnChannel).to_string(),
        LeverError::UnknownChannel(n) => format!("{} «{n}»", tr(lang, K::ErrUnknownChannel)),
        LeverError::UnknownDirection(n) => format!("{} «{n}»", tr(lang, K::ErrUnknownDirection)),
        LeverError::BadChange { lever, change } => {
            let name = Lever::parse(lever).map_or(*lever, |l| tr(lang, super::lever(l)));
            let change = if change.is_finite() { format::percent(Some(*change), lang) } else { change.to_string() };
            fill(tr(lang, K::ErrBadChange), &[("lever", name), ("change", &change)])
        }
        LeverError::BothScopes => tr(lang, K::ErrBothScopes).to_string(),
        LeverError::BadTarget(x) => format!("{} {x}", tr(lang, K::ErrBadTarget)),
    }
}

/// A `--branch` that names no branch of the data, in `lang`, with the branches there are.
pub fn branch_error(e: &UnknownBranch, lang: Lang) -> String {
    let key = if e.known.is_empty() { K::ErrNoBranches } else { K::ErrUnknownBranch };
    fill(tr(lang, key), &[("name", &e.name), ("known", &e.known.join(", "))])
}

/// A budget that cannot be allocated ([`AllocError`]) in `loc`'s language, amounts in its money.
pub fn alloc_error(e: &AllocError, loc: Locale) -> String {
    let lang = loc.lang;
    let m = |x: f64| format::money(Some(x), loc);
    match e {
        AllocError::BadBudget(_) => tr(lang, K::ErrBadBudget).to_string(),
        AllocError::BadBounds { channel, .. } => format!("{channel}: {}", tr(lang, K::ErrBadBounds)),
        AllocError::MinAboveBudget { min_total, budget, .. } => {
            format!("{} {} > {}", tr(lang, K::ErrMinAboveBudget), m(*min_total), m(*budget))
        }
        AllocError::MaxBelowBudget { max_total, budget, .. } => {
            format!("{} {} < {}", tr(lang, K::ErrMaxBelowBudget), m(*max_total), m(*budget))
        }
        AllocError::NoChannels => tr(lang, K::ErrNoChannels).to_string(),
        AllocError::UnknownChannel(n) => format!("{} «{n}» (--min/--max)", tr(lang, K::ErrUnknownChannel)),
        AllocError::BadTiers(t) => {
            let shares: Vec<String> = t.iter().map(|x| format::percent(Some(*x), lang)).collect();
            format!("{} {}", tr(lang, K::ErrBadTiers), shares.join(" / "))
        }
    }
}

/// A project file that cannot be read or written, in `lang` (English keeps the reasons' detail).
pub fn store_error(e: &StoreError, lang: Lang) -> String {
    let t = |k| tr(lang, k);
    match e {
        StoreError::Io { file, source } => fill(t(K::StoreIo), &[("file", file), ("why", &io_reason(source, lang))]),
        StoreError::Format { file, reason } => fill(t(K::StoreFormat), &[("file", file), ("reason", reason)]),
        StoreError::TooNew { file, found } => fill(
            t(K::StoreTooNew),
            &[("file", file), ("found", &found.to_string()), ("max", &FORMAT_VERSION.to_string())],
        ),
        StoreError::Import(e) => import_error(e, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::plan::{PlanInput, build_plan};
    use crate::model::{BudgetRow, Channel, Month, Project, RevenueRow, Tier};
    use chrono::NaiveDate;
    use std::path::PathBuf;

    fn has_latin_words(s: &str) -> bool {
        s.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w.len() > 3)
    }

    /// Every sentence the plan builder can say reads in Russian and Chinese without English words.
    #[test]
    fn every_plan_message_reads_in_russian_and_chinese() {
        let mut p = Project::new();
        p.revenue.push(RevenueRow {
            branch: None,
            month_row: false,
            date: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
            direction: None,
            revenue: -5.0,
            checks: None,
            new_patients: None,
            repeat_patients: None,
        });
        p.revenue.push(RevenueRow {
            branch: None,
            month_row: false,
            date: NaiveDate::from_ymd_opt(2025, 4, 1).unwrap(),
            direction: None,
            revenue: 100.0,
            checks: None,
            new_patients: None,
            repeat_patients: None,
        });
        p.revenue.push(RevenueRow {
            branch: None,
            month_row: false,
            date: NaiveDate::from_ymd_opt(2024, 4, 1).unwrap(),
            direction: Some("Неврология".into()),
            revenue: 100.0,
            checks: None,
            new_patients: None,
            repeat_patients: None,
        });
        p.budget.push(BudgetRow {
            branch: None,
            month: Month::new(2025, 1).unwrap(),
            channel: "Авито".into(),
            budget_plan: None,
            spend: Some(10.0),
        });
        let mut input = PlanInput::new(2026);
        input.marketing_share = 0.125;
        input.tiers = [0.8, 0.15, 0.1];
        input.growth = -1.5;
        input.growth_by_direction.insert("УЗИ".into(), -2.0);
        input.growth_by_direction.insert(" ".into(), 0.1);
        let mut warnings = input.warnings();
        let mut notices = Vec::new();
        notices.extend(build_plan(&p, &input).notices);
        p.channels.push(Channel { name: "Яндекс".into(), tier: Tier::Scaling, ..Channel::default() });
        notices.extend(build_plan(&p, &input).notices);
        input.tiers = [1.0, 0.0, 0.0];
        notices.extend(build_plan(&p, &input).notices);
        input.tiers = [0.8, -0.1, 0.1];
        warnings.extend(input.warnings());
        input.marketing_share = f64::NAN;
        warnings.extend(input.warnings());
        notices.extend(build_plan(&Project::new(), &PlanInput::new(2026)).notices);
        notices.extend(build_plan(&p, &PlanInput::new(i32::MAX)).notices);
        assert!(notices.iter().any(|n| matches!(n, PlanNotice::Estimated(_))));
        let texts = |lang| {
            let w = warnings.iter().map(move |w| plan_warning(w, lang));
            w.chain(notices.iter().map(move |n| plan_notice(n, lang))).collect::<Vec<_>>()
        };
        let en = texts(Lang::En);
        assert!(en.len() >= 12, "{en:#?}");
        for (m, ru) in en.iter().zip(texts(Lang::Ru)) {
            assert!(!has_latin_words(&ru), "not translated: {m}\n→ {ru}");
        }
        for (m, zh) in en.iter().zip(texts(Lang::Zh)) {
            assert!(!has_latin_words(&zh) && zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{m}\n→ {zh}");
        }
    }

    #[test]
    fn a_missing_file_reads_in_every_language_without_the_system_code() {
        let e = crate::import::import_workbook(std::path::Path::new("/nonexistent/clinic.xlsx")).unwrap_err();
        assert_eq!(
            import_error(&e, Lang::Ru),
            "Не удалось открыть «/nonexistent/clinic.xlsx»: такого файла или папки нет."
        );
        assert_eq!(import_error(&e, Lang::En), "cannot open «/nonexistent/clinic.xlsx»: No such file or directory");
        assert_eq!(import_error(&e, Lang::Zh), "无法打开“/nonexistent/clinic.xlsx”：文件或文件夹不存在。");
        let empty = ImportError::NoTemplateSheet { path: PathBuf::from("a.xlsx"), sheets: vec!["Лист1".into()] };
        assert!(import_error(&empty, Lang::Ru).ends_with("его листы: «Лист1»."));
        assert_eq!(import_error(&empty, Lang::En), empty.to_string());
    }

    #[test]
    fn a_patient_key_from_another_computer_reads_in_each_language() {
        let e = RawError::Key(KeyError::Mismatch { project: "ab12".into(), machine: "cd34".into() });
        assert_eq!(raw_error(&e, Lang::En), e.to_string());
        let ru = raw_error(&e, Lang::Ru);
        assert!(ru.starts_with("Пациенты этого проекта зашифрованы ключом другого компьютера (ключ ab12;"), "{ru}");
        assert!(ru.contains("`medfunnel key import key.txt`"), "{ru}");
        let zh = raw_error(&e, Lang::Zh);
        assert!(zh.contains("另一台电脑") && zh.contains("cd34"), "{zh}");
        let old = RawError::OldKeys;
        assert!(!has_latin_words(&raw_error(&old, Lang::Ru).replace("medfunnel", "")));
    }

    #[test]
    fn a_rate_above_100_percent_reads_in_each_language() {
        let w = RateWarning { channel: "Seo".into(), rate: crate::metrics::Factor::ShowRate, percent: 120.0 };
        assert_eq!(w.to_string(), "Seo: show_rate would be 120.0 %, above 100 %.");
        assert_eq!(serde_json::to_string(&w).unwrap(), "\"Seo: show_rate would be 120.0 %, above 100 %.\"");
        for lang in [Lang::Ru, Lang::Zh] {
            let text = rate_warning(&w, lang);
            assert!(!text.contains("show_rate") && !has_latin_words(&text.replace("Seo", "")), "{text}");
        }
        assert!(rate_warning(&w, Lang::Ru).contains("120,0\u{a0}% — больше 100\u{a0}%"));
    }

    #[test]
    fn every_analysis_notice_reads_in_russian_and_chinese() {
        let c = || vec!["Яндекс".to_string(), "ВК".to_string()];
        let all = [
            Notice::NoSpend { channel: "Яндекс".into() },
            Notice::Linear { channel: "Яндекс".into(), few_months: Some(2) },
            Notice::Linear { channel: "Яндекс".into(), few_months: None },
            Notice::BudgetBelowBounds(c()),
            Notice::BudgetAboveBounds(c()),
            Notice::SplitWins(c()),
            Notice::TierWithoutChannels,
            Notice::Extrapolated { channel: "Яндекс".into(), proposal: 250_000.0, max_spend: 100_000.0 },
            Notice::CappedByMaximums { budget: 300_000.0, revenue: 2_000_000.0 },
            Notice::Saturated { budget: 300_000.0, revenue: 2_000_000.0 },
            Notice::TooFewMonths { window: 3 },
        ];
        for n in &all {
            for lang in [Lang::Ru, Lang::Zh] {
                let text = analysis_notice(n, lang);
                let latin = text.replace("CPL", "");
                assert!(!has_latin_words(&latin), "{lang:?}: {text}");
            }
            // The JSON carries the English sentence, as when the notices were strings.
            assert_eq!(serde_json::to_value(n).unwrap(), serde_json::Value::String(n.to_string()));
        }
        assert_eq!(
            all[7].to_string(),
            "Яндекс: the proposal 250000 a month is more than twice the largest monthly spend it ever had (100000); the curve is extrapolated."
        );
        assert_eq!(
            all[0].to_string(),
            "Яндекс: no spend in the period, so no response curve; it gets money only through --min."
        );
        assert!(analysis_notice(&all[7], Lang::Ru).contains("250\u{a0}000"));
    }

    #[test]
    fn an_unknown_branch_is_worded_with_the_known_ones() {
        let e = UnknownBranch { name: "Запад".into(), known: vec!["Север".into(), "Юг".into()] };
        // English is the error's own sentence, word for word.
        assert_eq!(branch_error(&e, Lang::En), e.to_string());
        assert_eq!(branch_error(&e, Lang::Ru), "В данных клиники нет филиала «Запад»; филиалы: Север, Юг");
        let none = UnknownBranch { name: "Запад".into(), known: vec![] };
        assert_eq!(branch_error(&none, Lang::En), none.to_string());
        assert!(!has_latin_words(&branch_error(&none, Lang::Zh)), "{}", branch_error(&none, Lang::Zh));
    }

    #[test]
    fn every_lever_and_allocation_error_is_worded_in_each_language() {
        let lever_errors = [
            LeverError::BadChange { lever: "leads", change: -1.5 },
            LeverError::BothScopes,
            LeverError::BadTarget(f64::NAN),
            LeverError::Unreachable,
        ];
        let alloc_errors = [
            AllocError::UnknownChannel("Авито".into()),
            AllocError::BadTiers([0.8, 0.15, 0.1]),
            AllocError::MinAboveBudget { scope: "budget".into(), min_total: 5_000_000.0, budget: 100_000.0 },
        ];
        for lang in [Lang::Ru, Lang::Zh] {
            let loc = Locale::new(lang, "RUB");
            for e in &lever_errors {
                let text = lever_error(e, lang);
                assert!(!has_latin_words(&text), "{text}");
            }
            for e in &alloc_errors {
                let text = alloc_error(e, loc);
                assert!(!has_latin_words(&text.replace("--min/--max", "")), "{text}");
            }
        }
        // −150 % of leads, in Russian: the lever's name and the change as a percent.
        let ru = lever_error(&lever_errors[0], Lang::Ru);
        assert_eq!(ru, "Лиды: изменение −150,0\u{a0}% невозможно — нужно число больше −100 %");
        // 80 + 15 + 10 = 105 %: the shares as written.
        let tiers = alloc_error(&alloc_errors[1], Locale::new(Lang::En, "RUB"));
        assert_eq!(tiers, "The tier split must be three shares adding up to 100 %: 80.0% / 15.0% / 10.0%");
    }
}
