//! What an import [`Problem`](super::Problem) says, as data: the kind of problem with the values it
//! quotes, the columns and rows it names and the counts it gives. `i18n::problems` words it in
//! Russian, English or Chinese (English is also its `Display`, what the CLI and the logs print).
//!
//! Only text that came from the user's file (a cell, a header, a sheet or channel name) is masked
//! and cut short ([`redact`](super::redact)), once, when the problem is made; the counts, years,
//! row numbers and column keys our own code adds are never masked (a count of 1 000 000 calls is
//! not a phone).

use chrono::NaiveDate;

use super::cells::ValueError;
use super::redact;
use super::schema::ExportKind;
use crate::model::Month;
use crate::model::Sheet;

/// What is wrong, with the data the sentence needs.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// A chart or macro sheet, skipped.
    ChartSheet,
    /// A second sheet of a kind already read (`first` is the one that was read).
    SecondSheet {
        /// The sheet's kind.
        kind: Sheet,
        /// The name of the sheet that was read, as written.
        first: String,
    },
    /// A sheet that is not part of the template.
    UnknownSheet,
    /// A template sheet the workbook lacks.
    NoSheet(Sheet),
    /// A template sheet with no rows.
    EmptySheet(Sheet),
    /// A Settings row whose key is not a setting.
    UnknownSetting(String),
    /// A setting given a second time (its key, as the workbook writes it).
    SettingRepeated(&'static str),
    /// A direction listed twice on the Directions sheet.
    DirectionRepeated(String),
    /// A channel listed twice on the Channels sheet.
    ChannelRepeated(String),
    /// Channels without a tier (their rows), counted as experiments.
    Untiered(Vec<u32>),
    /// Every Revenue date is a 1st: the rows are read as whole months.
    RevenueAsMonths,
    /// Months with both a whole-month row and day rows.
    RevenueMixed(Vec<Month>),
    /// Template header cells that name no column (as written).
    ExtraColumns(Vec<String>),
    /// A column given twice: the header as written and the column's label.
    RepeatedColumn {
        /// The repeated header, as written.
        header: String,
        /// The column it repeats (`channel (канал)`).
        column: String,
    },
    /// A required column of a template sheet is missing.
    MissingColumn {
        /// The column (`channel (канал)`).
        column: String,
        /// The row taken as the header, if there was one.
        header_row: Option<u32>,
    },
    /// A cell that could not be read, and what became of its row.
    Cell {
        /// What is wrong with the cell.
        fault: CellFault,
        /// What became of the row or setting.
        then: Consequence,
    },
    /// Totals rows of a template sheet, skipped.
    TotalsRows(Vec<u32>),
    /// Rows with no figures yet, skipped.
    UnfilledRows(Vec<u32>),
    /// A negative value that still loads (the column key and the value).
    Negative {
        /// The column key (`spend`).
        column: &'static str,
        /// The value.
        value: f64,
    },
    /// Rows whose keys repeat an earlier row's, added into it.
    RepeatedKeys {
        /// The repeating rows (Excel numbers; empty or one for "this row").
        rows: Vec<u32>,
        /// The row they were added into, when known.
        first_row: Option<u32>,
        /// The keys, as the rows write them (`2025-03, Яндекс Директ`).
        keys: String,
        /// What was added together.
        merged: Merged,
    },
    /// A later funnel stage larger than the one before it.
    MoreThan {
        /// The later stage's key (`bookings`).
        stage: &'static str,
        /// Its value.
        value: f64,
        /// The earlier stage's key (`leads`).
        before: &'static str,
        /// Its value.
        before_value: f64,
    },
    /// A month or date after the plan's last year.
    AfterPlan {
        /// The month or day.
        when: When,
        /// The plan's last year.
        last_year: i32,
    },
    /// A stored share outside 0..1 (a project file), the row left out.
    StoredNotAShare(f64),
    /// A stored NPS score off the scale (a project file), the row left out.
    StoredScore {
        /// The score.
        score: u8,
        /// The scale's lowest score.
        min: u8,
    },
    /// A required column of an export is missing.
    ExportMissingColumn {
        /// The column (`phone (телефон)`).
        column: String,
        /// The export.
        export: ExportKind,
        /// The row taken as the header; `None` when the file has no rows.
        header_row: Option<u32>,
    },
    /// Export columns not used (as written).
    ExportColumnsUnused(Vec<String>),
    /// Export columns of personal names, never read (as written).
    PrivateColumns(Vec<String>),
    /// Totals rows of an export, skipped.
    ExportTotals(Vec<u32>),
    /// A CSV quote not closed within this many lines.
    UnclosedQuote(u32),
    /// An export that could not be read as a whole; the sheets it would replace stay.
    ExportUnread {
        /// Why, as data.
        reason: Unread,
        /// The reader's error in English (what the CLI printed before; it names no patient).
        english: String,
    },
    /// Incoming calls without a phone.
    CallsWithoutPhone(usize),
    /// A call journal with no contact.
    NoContacts,
    /// The Calls sheet's months rebuilt from a call journal.
    CallsReplaced {
        /// The first month.
        from: Month,
        /// The last month.
        to: Month,
        /// Rows built.
        rows: usize,
        /// Contacts found.
        contacts: usize,
        /// Calls read.
        calls: usize,
    },
    /// Visits without a phone.
    VisitsWithoutPhone(usize),
    /// The Funnel sheet rebuilt from a leads export (its rows).
    FunnelReplaced(usize),
    /// The Revenue sheet rebuilt from a visits export (its rows).
    RevenueReplaced(usize),
    /// The Doctors sheet rebuilt from a visits export.
    DoctorsReplaced {
        /// Rows built.
        rows: usize,
        /// Doctor-months of the template kept without visits.
        kept: usize,
    },
    /// The Budget's spend replaced from a spend export.
    SpendReplaced {
        /// Channel-months replaced.
        replaced: usize,
        /// Rows added.
        added: usize,
    },
    /// Unknown sources that became channels (their names).
    NewChannels(Vec<String>),
    /// Duplicate leads not counted, and the settings' window in days.
    DuplicateLeads {
        /// Leads not counted.
        count: usize,
        /// The dedupe window.
        days: u32,
    },
    /// Leads from patients who had visited before.
    ReturningLeads(usize),
    /// Leads without a phone.
    LeadsWithoutPhone(usize),
    /// A JSON project of an older medfunnel (its file name).
    LegacyProject(String),
    /// A workbook without template sheets opened beside raw exports.
    NoTemplateRawOnly,
}

/// What is wrong with one cell.
#[derive(Clone, Debug, PartialEq)]
pub enum CellFault {
    /// A value that cannot be read (its quoted text masked).
    Value(ValueError),
    /// A required cell left empty.
    Empty,
    /// A value not shown: it looks like a name, a phone or a whole glued row.
    Hidden,
    /// A phone that cannot be read (shown masked).
    Phone(String),
    /// A name or phone where a channel is expected (shown masked).
    NotAChannel(String),
}

/// What became of a row with an unreadable cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consequence {
    /// The row was left out.
    RowLeftOut,
    /// The setting keeps its default value.
    DefaultKept,
}

/// What repeated rows had added together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merged {
    /// The counts and money.
    Counts,
    /// The revenue and lead plans (the rate plans are the first row's).
    Plans,
}

/// A month or a day, as a fact is dated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// A month.
    Month(Month),
    /// A day.
    Day(NaiveDate),
}

/// Why an export could not be read, as data (the detail of [`super::ImportError`] without the
/// system's own error, which cannot be copied).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unread {
    /// The file could not be opened.
    Open(std::io::ErrorKind),
    /// The file is empty.
    Empty,
    /// Not a workbook, or damaged.
    Unreadable,
    /// Not a workbook with the template's sheets.
    NoTemplateSheet,
    /// An encoding that cannot be told.
    Encoding,
    /// Not an export of this kind.
    NotAnExport,
}

impl Unread {
    /// The reason of `e`.
    pub fn of(e: &super::ImportError) -> Self {
        use super::ImportError as E;
        match e {
            E::Open { source, .. } => Unread::Open(source.kind()),
            E::Empty { .. } => Unread::Empty,
            E::Unreadable { .. } => Unread::Unreadable,
            E::NoTemplateSheet { .. } => Unread::NoTemplateSheet,
            E::Encoding { .. } => Unread::Encoding,
            E::NotAnExport { .. } => Unread::NotAnExport,
        }
    }
}

/// `e` with `f` applied to every text it quotes.
pub(crate) fn map_value_error(e: ValueError, f: impl Fn(&str) -> String) -> ValueError {
    use ValueError as V;
    match e {
        V::NotANumber(v) => V::NotANumber(f(&v)),
        V::NotAWholeNumber(v) => V::NotAWholeNumber(f(&v)),
        V::NotAShare(v) => V::NotAShare(f(&v)),
        V::Negative(v) => V::Negative(f(&v)),
        V::NotAMonth(v) => V::NotAMonth(f(&v)),
        V::UnknownMonthWord { value, word } => V::UnknownMonthWord { value: f(&value), word: f(&word) },
        V::NotADay(v) => V::NotADay(f(&v)),
        V::ImpossibleDate(v) => V::ImpossibleDate(f(&v)),
        V::NotATier(v) => V::NotATier(f(&v)),
        V::NotAPeriod(v) => V::NotAPeriod(f(&v)),
        V::ScoreOutOfScale { value, scale, min } => V::ScoreOutOfScale { value: f(&value), scale, min },
        V::NotAScale(v) => V::NotAScale(f(&v)),
        V::NotWeekdayWeights(v) => V::NotWeekdayWeights(f(&v)),
        V::ExcelError(v) => V::ExcelError(f(&v)),
        V::NotACallStatus(v) => V::NotACallStatus(f(&v)),
        V::NotACallType(v) => V::NotACallType(f(&v)),
        V::NotADuration(v) => V::NotADuration(f(&v)),
    }
}

impl ProblemKind {
    /// The same problem with every text from the user's file masked and cut short: quoted values
    /// by [`redact::quote`], unquoted ones (the keys of repeated rows) by [`redact::plain`]. Our
    /// own numbers stay as they are.
    pub(crate) fn redacted(self) -> Self {
        use ProblemKind as P;
        let q = |s: &str| redact::quote(s);
        let qs = |v: Vec<String>| v.iter().map(|s| redact::quote(s)).collect();
        match self {
            P::SecondSheet { kind, first } => P::SecondSheet { kind, first: q(&first) },
            P::UnknownSetting(s) => P::UnknownSetting(q(&s)),
            P::DirectionRepeated(s) => P::DirectionRepeated(q(&s)),
            P::ChannelRepeated(s) => P::ChannelRepeated(q(&s)),
            P::ExtraColumns(v) => P::ExtraColumns(qs(v)),
            P::RepeatedColumn { header, column } => P::RepeatedColumn { header: q(&header), column },
            P::Cell { fault, then } => P::Cell { fault: fault.redacted(), then },
            P::RepeatedKeys { rows, first_row, keys, merged } => {
                P::RepeatedKeys { rows, first_row, keys: redact::plain(&keys), merged }
            }
            P::ExportColumnsUnused(v) => P::ExportColumnsUnused(qs(v)),
            P::PrivateColumns(v) => P::PrivateColumns(qs(v)),
            P::ExportUnread { reason, english } => P::ExportUnread { reason, english: redact::message(&english) },
            P::NewChannels(v) => P::NewChannels(qs(v)),
            P::LegacyProject(f) => P::LegacyProject(redact::plain(&f)),
            other => other,
        }
    }
}

impl CellFault {
    fn redacted(self) -> Self {
        match self {
            CellFault::Value(e) => CellFault::Value(map_value_error(e, redact::quote)),
            CellFault::Phone(s) => CellFault::Phone(redact::quote(&s)),
            CellFault::NotAChannel(s) => CellFault::NotAChannel(redact::quote(&s)),
            other => other,
        }
    }
}
