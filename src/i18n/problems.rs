//! Import problems ([`ProblemKind`]) and unreadable values ([`ValueError`]) worded in a language,
//! with the place they were found (`sheet «Воронка», row 7, column leads (лиды)`). English is the
//! problems' `Display`, word for word what the CLI printed before problems were typed.
//!
//! The texts a problem quotes were masked when it was made (`import::redact`); the wording only
//! quotes them (`«…»`, Chinese `“…”`) and keeps the whole line to a sane length.

use std::fmt;

use super::plural::Noun;
use super::{K, fill, tr};
use crate::format::Lang;
use crate::import::Problem;
use crate::import::cells::ValueError;
use crate::import::problem::{CellFault, Consequence, Merged, ProblemKind, Unread, When};
use crate::import::raw::ExportKind;
use crate::import::redact;
use crate::model::Sheet;

/// Rows built (the raw exports' notices).
const ROWS: Noun = super::plural::nouns::ROWS;

/// Contacts found in a call journal.
const CONTACTS: Noun = Noun {
    ru_one: "обращение",
    ru_few: "обращения",
    ru_many: "обращений",
    en_one: "contact",
    en_other: "contacts",
    zh: "次联系",
};

/// Doctor-months and channel-months in English (Russian and Chinese word these pairs in their
/// sentences, with a bare count).
fn en_count(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

/// `n` and its noun: English as the importer always wrote it (`1000000 rows`, no grouping), the
/// other languages by the catalogue's plural rule.
fn counted(noun: Noun, n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{n} {}", noun.form(n as u64, lang)),
        _ => noun.count(n as u64, lang),
    }
}

/// A text from the file, quoted the language's way.
fn quoted(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("“{text}”"),
        _ => format!("«{text}»"),
    }
}

fn quoted_list(texts: &[String], lang: Lang) -> String {
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    texts.iter().map(|t| quoted(t, lang)).collect::<Vec<_>>().join(sep)
}

/// Row numbers as a short list: `7, 8 and 9`, or `7, 8, 9 … 40 (34 rows)` when long.
pub fn row_list(rows: &[u32], lang: Lang) -> String {
    let head = |n: usize| rows[..n].iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    match rows {
        [] => String::new(),
        [r] => r.to_string(),
        _ if rows.len() <= 6 => fill(
            tr(lang, K::ProbRowsAnd),
            &[("head", &head(rows.len() - 1)), ("last", &rows[rows.len() - 1].to_string())],
        ),
        _ => fill(
            tr(lang, K::ProbRowsLong),
            &[("head", &head(3)), ("last", &rows[rows.len() - 1].to_string()), ("count", &rows.len().to_string())],
        ),
    }
}

/// How a sentence names a template sheet: `Plan (План)` in English (the names a workbook may
/// use), the sheet's name in the user's language otherwise.
fn sheet_name(kind: Sheet, lang: Lang) -> String {
    match lang {
        Lang::En => kind.label(),
        _ => tr(lang, super::sheet(kind)).to_string(),
    }
}

fn empty_phrase(kind: Sheet) -> K {
    match kind {
        Sheet::Settings => K::ProbEmptySettings,
        Sheet::Directions => K::ProbEmptyDirections,
        Sheet::Channels => K::ProbEmptyChannels,
        Sheet::Plan => K::ProbEmptyPlan,
        Sheet::Budget => K::ProbEmptyBudget,
        Sheet::Funnel => K::ProbEmptyFunnel,
        Sheet::Revenue => K::ProbEmptyRevenue,
        Sheet::Doctors => K::ProbEmptyDoctors,
        Sheet::Nps => K::ProbEmptyNps,
        Sheet::Calls => K::ProbEmptyCalls,
    }
}

fn export_name(kind: ExportKind, lang: Lang) -> String {
    if lang == Lang::En {
        return kind.label().to_string();
    }
    tr(
        lang,
        match kind {
            ExportKind::Leads => K::ProbExportLeads,
            ExportKind::Visits => K::ProbExportVisits,
            ExportKind::Spend => K::ProbExportSpend,
            ExportKind::Calls => K::ProbExportCalls,
        },
    )
    .to_string()
}

/// ` (the header row was taken to be row 3)`, or nothing.
fn header_row(row: Option<u32>, lang: Lang) -> String {
    row.map_or_else(String::new, |r| fill(tr(lang, K::ProbHeaderRowWas), &[("row", &r.to_string())]))
}

/// One of two keys by a count: English agrees its verbs with it.
fn one_or_many(n: usize, one: K, many: K) -> K {
    if n == 1 { one } else { many }
}

/// An unreadable value in `lang`, quoting it.
pub fn value_error(e: &ValueError, lang: Lang) -> String {
    use ValueError as V;
    let simple = |key: K, v: &str| fill(tr(lang, key), &[("v", v)]);
    match e {
        V::NotANumber(v) => simple(K::ValNotANumber, v),
        V::NotAWholeNumber(v) => simple(K::ValNotAWholeNumber, v),
        V::NotAShare(v) => simple(K::ValNotAShare, v),
        V::Negative(v) => simple(K::ValNegative, v),
        V::NotAMonth(v) => simple(K::ValNotAMonth, v),
        V::UnknownMonthWord { value, word } => fill(tr(lang, K::ValUnknownMonthWord), &[("v", value), ("word", word)]),
        V::NotADay(v) => simple(K::ValNotADay, v),
        V::ImpossibleDate(v) => simple(K::ValImpossibleDate, v),
        V::NotATier(v) => simple(K::ValNotATier, v),
        V::NotAPeriod(v) => simple(K::ValNotAPeriod, v),
        V::ScoreOutOfScale { value, scale, min } => {
            fill(tr(lang, K::ValScoreOutOfScale), &[("v", value), ("scale", scale), ("min", &min.to_string())])
        }
        V::NotAScale(v) => simple(K::ValNotAScale, v),
        V::NotWeekdayWeights(v) => simple(K::ValNotWeekdayWeights, v),
        V::ExcelError(v) => simple(K::ValExcelError, v),
        V::NotACallStatus(v) => simple(K::ValNotACallStatus, v),
        V::NotACallType(v) => simple(K::ValNotACallType, v),
        V::NotADuration(v) => simple(K::ValNotADuration, v),
    }
}

fn cell_fault(f: &CellFault, lang: Lang) -> String {
    match f {
        CellFault::Value(e) => value_error(e, lang),
        CellFault::Empty => tr(lang, K::ProbCellEmpty).to_string(),
        CellFault::Hidden => tr(lang, K::ProbCellHidden).to_string(),
        CellFault::Phone(v) => fill(tr(lang, K::ProbCellPhone), &[("value", v)]),
        CellFault::NotAChannel(v) => fill(tr(lang, K::ProbNotAChannel), &[("value", v)]),
    }
}

fn unread(reason: &Unread, lang: Lang) -> String {
    let t = |k| tr(lang, k).to_string();
    match reason {
        Unread::Open(kind) => {
            fill(tr(lang, K::ProbUnreadOpen), &[("why", &super::io_reason(&std::io::Error::from(*kind), lang))])
        }
        Unread::Empty => t(K::ProbUnreadEmpty),
        Unread::Unreadable => t(K::ProbUnreadUnreadable),
        Unread::NoTemplateSheet => t(K::ProbUnreadNoTemplate),
        Unread::Encoding => t(K::ProbUnreadEncoding),
        Unread::NotAnExport => t(K::ProbUnreadNotAnExport),
    }
}

/// What a problem says, in `lang` (without where it was found: see [`problem_line`]).
pub fn problem_message(kind: &ProblemKind, lang: Lang) -> String {
    use ProblemKind as P;
    let t = |k| tr(lang, k);
    let f = |k, args: &[(&str, &str)]| fill(tr(lang, k), args);
    let rows = |r: &[u32]| row_list(r, lang);
    let text = match kind {
        P::ChartSheet => t(K::ProbChartSheet).to_string(),
        P::SecondSheet { kind, first } => {
            f(K::ProbSecondSheet, &[("kind", &sheet_name(*kind, lang)), ("first", first)])
        }
        P::UnknownSheet => t(K::ProbUnknownSheet).to_string(),
        P::NoSheet(kind) => f(K::ProbNoSheet, &[("kind", &sheet_name(*kind, lang)), ("empty", t(empty_phrase(*kind)))]),
        P::EmptySheet(kind) => f(K::ProbEmptySheet, &[("empty", t(empty_phrase(*kind)))]),
        P::UnknownSetting(v) => f(K::ProbUnknownSetting, &[("value", v)]),
        P::SettingRepeated(key) => f(K::ProbSettingRepeated, &[("key", key)]),
        P::DirectionRepeated(name) => f(K::ProbDirectionRepeated, &[("name", name)]),
        P::ChannelRepeated(name) => f(K::ProbChannelRepeated, &[("name", name)]),
        P::Untiered(r) => {
            let column = Sheet::Channels.column("tier").map(|c| c.label()).unwrap_or_default();
            f(one_or_many(r.len(), K::ProbUntieredOne, K::ProbUntieredMany), &[("column", &column), ("rows", &rows(r))])
        }
        P::RevenueAsMonths => t(K::ProbRevenueAsMonths).to_string(),
        P::RevenueMixed(months) => {
            let list = months.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
            f(K::ProbRevenueMixed, &[("months", &list)])
        }
        P::ExtraColumns(names) => f(
            one_or_many(names.len(), K::ProbExtraColumnOne, K::ProbExtraColumnsMany),
            &[("names", &quoted_list(names, lang))],
        ),
        P::RepeatedColumn { header, column } => f(K::ProbRepeatedColumn, &[("header", header), ("column", column)]),
        P::MissingColumn { column, header_row: row } => {
            f(K::ProbMissingColumn, &[("column", column), ("where", &header_row(*row, lang))])
        }
        P::Cell { fault, then } => {
            let then = match then {
                Consequence::RowLeftOut => t(K::ProbRowLeftOut),
                Consequence::DefaultKept => t(K::ProbDefaultKept),
            };
            f(K::ProbCell, &[("fault", &cell_fault(fault, lang)), ("then", then)])
        }
        P::TotalsRows(r) => f(one_or_many(r.len(), K::ProbTotalsOne, K::ProbTotalsMany), &[("rows", &rows(r))]),
        P::UnfilledRows(r) => f(one_or_many(r.len(), K::ProbUnfilledOne, K::ProbUnfilledMany), &[("rows", &rows(r))]),
        P::Negative { column, value } => f(K::ProbNegative, &[("column", column), ("value", &value.to_string())]),
        P::RepeatedKeys { rows: r, first_row, keys, merged } => {
            let first = match first_row {
                Some(row) => f(K::ProbOfRow, &[("row", &row.to_string())]),
                None => t(K::ProbOfEarlierRow).to_string(),
            };
            let merged = t(match merged {
                Merged::Counts => K::ProbMergedCounts,
                Merged::Plans => K::ProbMergedPlans,
            });
            let key = if r.len() <= 1 { K::ProbRepeatsThis } else { K::ProbRepeatsMany };
            f(key, &[("rows", &rows(r)), ("first", &first), ("keys", keys), ("merged", merged)])
        }
        P::MoreThan { stage, value, before, before_value } => f(
            K::ProbMoreThan,
            &[
                ("stage", stage),
                ("value", &value.to_string()),
                ("before", before),
                ("before_value", &before_value.to_string()),
            ],
        ),
        P::AfterPlan { when, last_year } => {
            let (key, when) = match when {
                When::Month(m) => (K::ProbAfterPlanMonth, m.to_string()),
                When::Day(d) => (K::ProbAfterPlanDate, d.to_string()),
            };
            f(key, &[("when", &when), ("year", &last_year.to_string())])
        }
        P::StoredNotAShare(v) => f(K::ProbStoredNotAShare, &[("value", &v.to_string())]),
        P::StoredScore { score, min } => {
            f(K::ProbStoredScore, &[("score", &score.to_string()), ("min", &min.to_string())])
        }
        P::ExportMissingColumn { column, export, header_row: row } => {
            let place = match row {
                Some(_) => header_row(*row, lang),
                None => t(K::ProbNoRows).to_string(),
            };
            f(
                K::ProbExportMissingColumn,
                &[("column", column), ("export", &export_name(*export, lang)), ("where", &place)],
            )
        }
        P::ExportColumnsUnused(names) => f(
            one_or_many(names.len(), K::ProbUnusedColumnOne, K::ProbUnusedColumnsMany),
            &[("names", &quoted_list(names, lang))],
        ),
        P::PrivateColumns(names) => f(
            one_or_many(names.len(), K::ProbPrivateColumnOne, K::ProbPrivateColumnsMany),
            &[("names", &quoted_list(names, lang))],
        ),
        P::ExportTotals(r) => f(one_or_many(r.len(), K::ProbTotalsOne, K::ProbExportTotalsMany), &[("rows", &rows(r))]),
        P::UnclosedQuote(lines) => f(K::ProbUnclosedQuote, &[("lines", &lines.to_string())]),
        P::ExportUnread { reason, english } => {
            let reason = if lang == Lang::En { english.clone() } else { unread(reason, lang) };
            f(K::ProbExportUnread, &[("reason", &reason)])
        }
        P::CallsWithoutPhone(n) => {
            f(one_or_many(*n, K::ProbCallsNoPhoneOne, K::ProbCallsNoPhoneMany), &[("n", &n.to_string())])
        }
        P::NoContacts => t(K::ProbNoContacts).to_string(),
        P::CallsReplaced { from, to, rows: added, contacts, calls } => {
            let (from, to) = (from.to_string(), to.to_string());
            let months = if from == to {
                f(K::ProbMonthOne, &[("from", &from)])
            } else {
                f(K::ProbMonthRange, &[("from", &from), ("to", &to)])
            };
            f(
                K::ProbCallsReplaced,
                &[
                    ("months", &months),
                    ("rows", &counted(ROWS, *added, lang)),
                    ("rows_n", &added.to_string()),
                    ("contacts", &counted(CONTACTS, *contacts, lang)),
                    ("contacts_n", &contacts.to_string()),
                    ("calls", &calls.to_string()),
                ],
            )
        }
        P::VisitsWithoutPhone(n) => {
            f(one_or_many(*n, K::ProbVisitsNoPhoneOne, K::ProbVisitsNoPhoneMany), &[("n", &n.to_string())])
        }
        P::FunnelReplaced(n) => {
            f(K::ProbFunnelReplaced, &[("rows", &counted(ROWS, *n, lang)), ("rows_n", &n.to_string())])
        }
        P::RevenueReplaced(n) => {
            f(K::ProbRevenueReplaced, &[("rows", &counted(ROWS, *n, lang)), ("rows_n", &n.to_string())])
        }
        P::DoctorsReplaced { rows: n, kept } => {
            let kept = match kept {
                0 => String::new(),
                k => {
                    let key = one_or_many(*k, K::ProbDoctorsKeptOne, K::ProbDoctorsKeptMany);
                    f(key, &[("n", &k.to_string())])
                }
            };
            f(
                K::ProbDoctorsReplaced,
                &[("rows", &counted(ROWS, *n, lang)), ("rows_n", &n.to_string()), ("kept", &kept)],
            )
        }
        P::SpendReplaced { replaced, added } => f(
            one_or_many(*added, K::ProbSpendReplacedOne, K::ProbSpendReplacedMany),
            &[
                ("replaced", &en_count(*replaced, "channel-month", "channel-months")),
                ("n", &replaced.to_string()),
                ("added", &added.to_string()),
            ],
        ),
        P::NewChannels(names) => f(
            one_or_many(names.len(), K::ProbNewChannelOne, K::ProbNewChannelsMany),
            &[("names", &quoted_list(names, lang))],
        ),
        P::DuplicateLeads { count, days } => f(
            one_or_many(*count, K::ProbDuplicateOne, K::ProbDuplicatesMany),
            &[("n", &count.to_string()), ("days", &days.to_string())],
        ),
        P::ReturningLeads(n) => f(one_or_many(*n, K::ProbReturningOne, K::ProbReturningMany), &[("n", &n.to_string())]),
        P::LeadsWithoutPhone(n) => {
            f(one_or_many(*n, K::ProbLeadsNoPhoneOne, K::ProbLeadsNoPhoneMany), &[("n", &n.to_string())])
        }
        P::LegacyProject(file) => f(K::ProbLegacyProject, &[("file", file)]),
        P::NoTemplateRawOnly => t(K::ProbNoTemplateRawOnly).to_string(),
    };
    redact::bound(&text)
}

/// A problem on one line, with where it was found, in `lang`: `clinic.xlsx: лист «Воронка»,
/// строка 7, столбец leads (лиды): …`. English is the problem's `Display`.
pub fn problem_line(p: &Problem, lang: Lang) -> String {
    let mut out = p.file.clone();
    let mut sep = ": ";
    if let Some(sheet) = &p.sheet {
        out.push_str(sep);
        out.push_str(&fill(tr(lang, K::ProbAtSheet), &[("sheet", sheet)]));
        sep = ", ";
    }
    if let Some(row) = p.row {
        out.push_str(sep);
        out.push_str(&fill(tr(lang, K::ProbAtRow), &[("row", &row.to_string())]));
        sep = ", ";
    }
    if let Some(column) = &p.column {
        out.push_str(sep);
        out.push_str(&fill(tr(lang, K::ProbAtColumn), &[("column", column)]));
    }
    out.push_str(": ");
    out.push_str(&problem_message(&p.message, lang));
    out
}

/// The English wording: what the CLI, the logs and the tests read.
impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&problem_message(self, Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::problem::{CellFault as F, Consequence as C, Merged, ProblemKind as P, Unread, When};
    use crate::model::Month;

    fn march() -> Month {
        Month { year: 2025, month: 3 }
    }

    /// One problem of every kind, with Russian data from a clinic's file (so Latin letters in a
    /// Russian or Chinese sentence can only come from the catalogue or our own code).
    fn every_kind() -> Vec<ProblemKind> {
        let value = |e| P::Cell { fault: F::Value(e), then: C::RowLeftOut };
        let v = || "двадцать".to_string();
        vec![
            P::ChartSheet,
            P::SecondSheet { kind: Sheet::Plan, first: "План".into() },
            P::UnknownSheet,
            P::NoSheet(Sheet::Funnel),
            P::EmptySheet(Sheet::Settings),
            P::UnknownSetting("цвет".into()),
            P::SettingRepeated("currency"),
            P::DirectionRepeated("УЗИ".into()),
            P::ChannelRepeated("Яндекс".into()),
            P::Untiered(vec![4]),
            P::Untiered(vec![4, 5]),
            P::RevenueAsMonths,
            P::RevenueMixed(vec![march()]),
            P::ExtraColumns(vec!["Заметки".into()]),
            P::ExtraColumns(vec!["Заметки".into(), "Прочее".into()]),
            P::RepeatedColumn { header: "Канал".into(), column: "channel (канал)".into() },
            P::MissingColumn { column: "month (месяц)".into(), header_row: Some(2) },
            P::MissingColumn { column: "month (месяц)".into(), header_row: None },
            P::Cell { fault: F::Empty, then: C::DefaultKept },
            P::Cell { fault: F::Hidden, then: C::RowLeftOut },
            P::Cell { fault: F::Phone("+* *** ***-**-67".into()), then: C::RowLeftOut },
            P::Cell { fault: F::NotAChannel("И****** М****".into()), then: C::RowLeftOut },
            value(ValueError::NotANumber(v())),
            value(ValueError::NotAWholeNumber(v())),
            value(ValueError::NotAShare(v())),
            value(ValueError::Negative(v())),
            value(ValueError::NotAMonth(v())),
            value(ValueError::UnknownMonthWord { value: "мартт 2025".into(), word: "мартт".into() }),
            value(ValueError::NotADay(v())),
            value(ValueError::ImpossibleDate("30.02.2025".into())),
            value(ValueError::NotATier(v())),
            value(ValueError::NotAPeriod(v())),
            value(ValueError::ScoreOutOfScale { value: "11".into(), scale: "standard", min: 0 }),
            value(ValueError::NotAScale(v())),
            value(ValueError::NotWeekdayWeights(v())),
            value(ValueError::ExcelError("#DIV/0!".into())),
            value(ValueError::NotACallStatus(v())),
            value(ValueError::NotACallType(v())),
            value(ValueError::NotADuration(v())),
            P::TotalsRows(vec![9]),
            P::TotalsRows(vec![9, 10, 11]),
            P::UnfilledRows(vec![9]),
            P::UnfilledRows((10..=40).collect()),
            P::Negative { column: "spend", value: -5.0 },
            P::RepeatedKeys {
                rows: vec![8],
                first_row: Some(3),
                keys: "2025-03, Яндекс".into(),
                merged: Merged::Counts,
            },
            P::RepeatedKeys { rows: vec![8, 9], first_row: None, keys: "2025-03 УЗИ".into(), merged: Merged::Plans },
            P::MoreThan { stage: "bookings", value: 12.0, before: "leads", before_value: 10.0 },
            P::AfterPlan { when: When::Month(march()), last_year: 2024 },
            P::AfterPlan { when: When::Day(chrono::NaiveDate::from_ymd_opt(2025, 3, 2).unwrap()), last_year: 2024 },
            P::StoredNotAShare(1.5),
            P::StoredScore { score: 0, min: 1 },
            P::ExportMissingColumn {
                column: "phone (телефон)".into(), export: ExportKind::Leads, header_row: Some(1)
            },
            P::ExportMissingColumn {
                column: "amount (сумма)".into(), export: ExportKind::Visits, header_row: None
            },
            P::ExportMissingColumn {
                column: "spend (расход)".into(), export: ExportKind::Spend, header_row: None
            },
            P::ExportMissingColumn {
                column: "phone (телефон)".into(), export: ExportKind::Calls, header_row: None
            },
            P::ExportColumnsUnused(vec!["Заметки".into()]),
            P::ExportColumnsUnused(vec!["Заметки".into(), "Прочее".into()]),
            P::PrivateColumns(vec!["ФИО".into()]),
            P::PrivateColumns(vec!["ФИО".into(), "Пациент".into()]),
            P::ExportTotals(vec![9]),
            P::ExportTotals(vec![9, 10]),
            P::UnclosedQuote(10),
            P::ExportUnread {
                reason: Unread::Open(std::io::ErrorKind::NotFound),
                english: "cannot open «a.csv»".into(),
            },
            P::ExportUnread { reason: Unread::Empty, english: "empty".into() },
            P::ExportUnread { reason: Unread::Unreadable, english: "damaged".into() },
            P::ExportUnread { reason: Unread::NoTemplateSheet, english: "no sheets".into() },
            P::ExportUnread { reason: Unread::Encoding, english: "encoding".into() },
            P::ExportUnread { reason: Unread::NotAnExport, english: "not an export".into() },
            P::CallsWithoutPhone(1),
            P::CallsWithoutPhone(3),
            P::NoContacts,
            P::CallsReplaced { from: march(), to: march(), rows: 1, contacts: 1, calls: 2 },
            P::CallsReplaced { from: march(), to: Month { year: 2025, month: 5 }, rows: 12, contacts: 21, calls: 40 },
            P::VisitsWithoutPhone(1),
            P::VisitsWithoutPhone(2),
            P::FunnelReplaced(1),
            P::RevenueReplaced(5),
            P::DoctorsReplaced { rows: 3, kept: 0 },
            P::DoctorsReplaced { rows: 3, kept: 1 },
            P::DoctorsReplaced { rows: 3, kept: 2 },
            P::SpendReplaced { replaced: 1, added: 1 },
            P::SpendReplaced { replaced: 4, added: 0 },
            P::NewChannels(vec!["вк".into()]),
            P::NewChannels(vec!["вк".into(), "тг".into()]),
            P::DuplicateLeads { count: 1, days: 30 },
            P::DuplicateLeads { count: 2, days: 30 },
            P::ReturningLeads(1),
            P::ReturningLeads(2),
            P::LeadsWithoutPhone(1),
            P::LeadsWithoutPhone(2),
            P::LegacyProject("клиника.json".into()),
            P::NoTemplateRawOnly,
        ]
    }

    /// Fails to compile when a kind is added: add it to [`every_kind`] too.
    fn listed(k: &ProblemKind) {
        match k {
            P::ChartSheet
            | P::SecondSheet { .. }
            | P::UnknownSheet
            | P::NoSheet(_)
            | P::EmptySheet(_)
            | P::UnknownSetting(_)
            | P::SettingRepeated(_)
            | P::DirectionRepeated(_)
            | P::ChannelRepeated(_)
            | P::Untiered(_)
            | P::RevenueAsMonths
            | P::RevenueMixed(_)
            | P::ExtraColumns(_)
            | P::RepeatedColumn { .. }
            | P::MissingColumn { .. }
            | P::Cell { .. }
            | P::TotalsRows(_)
            | P::UnfilledRows(_)
            | P::Negative { .. }
            | P::RepeatedKeys { .. }
            | P::MoreThan { .. }
            | P::AfterPlan { .. }
            | P::StoredNotAShare(_)
            | P::StoredScore { .. }
            | P::ExportMissingColumn { .. }
            | P::ExportColumnsUnused(_)
            | P::PrivateColumns(_)
            | P::ExportTotals(_)
            | P::UnclosedQuote(_)
            | P::ExportUnread { .. }
            | P::CallsWithoutPhone(_)
            | P::NoContacts
            | P::CallsReplaced { .. }
            | P::VisitsWithoutPhone(_)
            | P::FunnelReplaced(_)
            | P::RevenueReplaced(_)
            | P::DoctorsReplaced { .. }
            | P::SpendReplaced { .. }
            | P::NewChannels(_)
            | P::DuplicateLeads { .. }
            | P::ReturningLeads(_)
            | P::LeadsWithoutPhone(_)
            | P::LegacyProject(_)
            | P::NoTemplateRawOnly => {}
        }
    }

    /// Latin words a Russian or Chinese sentence may hold: the column and setting keys (the
    /// workbook's own names), the values a file may be written with, units and product names.
    fn allowed(word: &str) -> bool {
        const WORDS: &[&str] = &[
            "NPS",
            "CRM",
            "MIS",
            "Excel",
            "OpenDocument",
            "UTF",
            "Windows",
            "medfunnel",
            "JSON",
            "json",
            "DIV",
            "standard",
            "ten_smiles",
            "proven",
            "scaling",
            "experiment",
            "answered",
            "missed",
            "no",
            "answer",
            "busy",
            "incoming",
            "outgoing",
        ];
        let keys = Sheet::ALL.iter().flat_map(|k| k.columns().iter().map(|c| c.key));
        let export_keys = [ExportKind::Leads, ExportKind::Visits, ExportKind::Spend, ExportKind::Calls]
            .into_iter()
            .flat_map(|k| k.columns().iter().map(|c| c.key));
        let settings = crate::import::schema::SettingKey::ALL.iter().map(|k| k.key());
        WORDS.contains(&word) || keys.chain(export_keys).chain(settings).chain(["returning_leads"]).any(|k| k == word)
    }

    #[test]
    fn every_problem_is_worded_in_every_language_without_english_in_russian_or_chinese() {
        let kinds = every_kind();
        for kind in &kinds {
            listed(kind);
            for lang in Lang::ALL {
                let text = problem_message(kind, lang);
                assert!(!text.trim().is_empty(), "{kind:?} {lang:?}");
                assert!(!text.contains('{'), "a place left unfilled: {text}");
                if lang == Lang::En {
                    continue;
                }
                let english: Vec<&str> = text
                    .split(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
                    .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() > 1 && !allowed(w))
                    .collect();
                assert!(english.is_empty(), "{lang:?} {kind:?}: English words {english:?} in «{text}»");
                if lang == Lang::Zh {
                    assert!(text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{text}");
                }
            }
        }
    }

    #[test]
    fn english_is_the_display_and_russian_reads_as_russian() {
        let k = P::Cell { fault: F::Value(ValueError::NotANumber("двадцать".into())), then: C::RowLeftOut };
        assert_eq!(k.to_string(), "«двадцать» is not a number; the row was left out");
        assert_eq!(problem_message(&k, Lang::Ru), "«двадцать» — не число; строка не загружена.");
        assert_eq!(problem_message(&k, Lang::Zh), "“двадцать”不是数字；该行未加载。");
        let p = Problem::error("clinic.xlsx", k).in_sheet("Воронка").at_row(7).in_column("leads (лиды)");
        assert_eq!(problem_line(&p, Lang::En), p.to_string());
        assert_eq!(
            problem_line(&p, Lang::Ru),
            "clinic.xlsx: лист «Воронка», строка 7, столбец leads (лиды): «двадцать» — не число; строка не загружена."
        );
        // Russian plurals: 1 строка, 3 строки, 5 строк; Chinese with its measure word.
        let rows = |n| problem_message(&P::FunnelReplaced(n), Lang::Ru);
        assert!(rows(1).contains("строк: 1"), "{}", rows(1));
        let calls = P::CallsReplaced { from: march(), to: march(), rows: 21, contacts: 3, calls: 40 };
        assert_eq!(
            calls.to_string(),
            "the Calls (Звонки) sheet's rows of month 2025-03 were replaced by 21 rows built from this call journal (3 contacts from 40 calls)"
        );
        assert!(problem_message(&calls, Lang::Zh).contains("21行"));
    }

    #[test]
    fn our_counts_and_rows_are_never_masked_the_files_values_are() {
        // A million calls and 888 888 contacts are counts, not phones.
        let calls = P::CallsReplaced { from: march(), to: march(), rows: 31, contacts: 888_888, calls: 1_000_000 };
        let p = Problem::notice("calls.csv", calls);
        assert!(p.to_string().ends_with("(888888 contacts from 1000000 calls)"), "{p}");
        for lang in Lang::ALL {
            assert!(!problem_line(&p, lang).contains('*'), "{}", problem_line(&p, lang));
        }
        // Excel's last row, in a located problem and in a list of totals rows.
        let totals =
            Problem::notice("visits.xlsx", P::ExportTotals(vec![1289, 6434, 11577, 20000, 30000, 40000, 1_048_576]));
        assert_eq!(
            totals.to_string(),
            "visits.xlsx: rows 1289, 6434, 11577 … 1048576 (7 rows) are totals rows and were skipped"
        );
        let located = Problem::error("visits.xlsx", P::Cell { fault: F::Empty, then: C::RowLeftOut }).at_row(1_048_576);
        assert!(located.to_string().contains("row 1048576"), "{located}");
        assert_eq!(
            problem_message(&P::DuplicateLeads { count: 1_234_567, days: 30 }, Lang::En).split(' ').next(),
            Some("1234567")
        );
        // The value from the file is still masked and cut short.
        let phone = P::Cell { fault: F::Value(ValueError::NotANumber("+7 916 123-45-67".into())), then: C::RowLeftOut };
        let p = Problem::error("leads.csv", phone);
        assert_eq!(p.message.to_string(), "«+* *** ***-**-67» is not a number; the row was left out");
        let long = P::UnknownSetting("а".repeat(500));
        let p = Problem::notice("clinic.xlsx", long);
        assert!(p.to_string().chars().count() < 140, "{p}");
    }

    #[test]
    fn row_lists_read_in_each_language() {
        assert_eq!(row_list(&[7], Lang::En), "7");
        assert_eq!(row_list(&[7, 8, 9], Lang::En), "7, 8 and 9");
        assert_eq!(row_list(&[7, 8, 9], Lang::Ru), "7, 8 и 9");
        assert_eq!(row_list(&(10..=40).collect::<Vec<_>>(), Lang::En), "10, 11, 12 … 40 (31 rows)");
        assert_eq!(row_list(&(10..=40).collect::<Vec<_>>(), Lang::Ru), "10, 11, 12 … 40 (всего 31)");
    }
}
