//! Raw exports — CRM leads, MIS visits, ad-cabinet spend, the call journal — read and joined into
//! a project (domain.md, "Raw exports", "Calls" and "Patient data").
//!
//! Reading ([`read_leads`], [`read_visits`], [`read_spend`]) turns a .csv/.xlsx/.xls/.ods export
//! into typed rows with located problems, as the template importer does; names are never read and
//! phones are kept only as normalised digits in memory. [`join`] then hashes the phones with the
//! machine's [`PatientKey`] and rebuilds the Funnel, Revenue, Doctors and Budget spend.
//! [`import_raw`] does both for the CLI and the app, all or nothing per export file.

mod calls;
mod csv;
pub(crate) mod join;
pub mod key;
mod phone;
mod progress;
mod read;
mod table;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

pub(crate) use calls::apply_calls;
pub use calls::{Call, parse_call_type, parse_status, read_calls};
pub use join::{JoinReport, add_alias, ensure_key, join};
pub use key::{KeyError, PatientKey};
pub use phone::{Phone, mask_phone};
pub use progress::{Progress, Stage};
pub use read::{ColumnPreview, preview_columns, preview_rows};
use table::{Check, RowReader, Shared};
pub use table::{ColumnMap, ExportKind};

use super::problem::{ProblemKind, Unread};
use super::{ImportError, Problem};
use crate::model::{Month, Project};

/// One lead from the CRM export. The contact's name is not kept; texts are shared copies (one
/// per distinct value of the export).
#[derive(Clone, Debug, PartialEq)]
pub struct Lead {
    /// When the lead was created (midnight when the export gives only the day).
    pub created: NaiveDateTime,
    /// The phone as an identity (its `Debug` is masked).
    pub phone: Phone,
    /// The source as written (a channel or one of its aliases).
    pub source: Arc<str>,
    /// The direction asked about, if the CRM has it.
    pub direction: Option<Arc<str>>,
    /// The CRM status as written.
    pub status: Option<Arc<str>>,
    /// The appointment day, when one was booked.
    pub booked: Option<NaiveDate>,
    /// The chain's branch the lead came to, if the CRM says.
    pub branch: Option<Arc<str>>,
}

/// One visit from the MIS export. The patient's name is not kept; texts are shared copies (one
/// per distinct value of the export).
#[derive(Clone, Debug, PartialEq)]
pub struct Visit {
    /// The day of the visit.
    pub date: NaiveDate,
    /// The phone as an identity (its `Debug` is masked).
    pub phone: Phone,
    /// The department.
    pub direction: Option<Arc<str>>,
    /// The doctor.
    pub doctor: Option<Arc<str>>,
    /// Money paid at the visit (an empty cell is 0).
    pub amount: f64,
    /// The chain's branch of the visit, if the MIS says.
    pub branch: Option<Arc<str>>,
}

/// One row of an ad-cabinet spend export (a day's row is counted in its month).
#[derive(Clone, Debug, PartialEq)]
pub struct SpendRow {
    /// The month.
    pub month: Month,
    /// The source or campaign as written.
    pub source: String,
    /// Money spent (an empty cell is 0).
    pub spend: f64,
    /// The branch the campaign ran for; blank = shared by the chain.
    pub branch: Option<String>,
}

/// The rows read from one export file, with the file's name for messages.
#[derive(Clone, Debug, PartialEq)]
pub struct Export<T> {
    /// The file's name (without its folder), as problems name it.
    pub file: String,
    /// The rows that could be read, in file order.
    pub rows: Vec<T>,
}

/// Why raw exports could not be imported at all.
#[derive(Debug, thiserror::Error)]
pub enum RawError {
    /// An export could not be read (missing, empty, not a table).
    #[error(transparent)]
    Import(#[from] ImportError),
    /// The patient key could not be had, or the project was keyed on another computer.
    #[error(transparent)]
    Key(#[from] KeyError),
    /// The project's visits were keyed by an older medfunnel, whose salt is no longer kept.
    #[error(
        "this project's patient visits were keyed by an older medfunnel, so new leads cannot be matched to them; \
         import the visits export again together with the leads"
    )]
    OldKeys,
}

/// Reads a CRM leads export: **created**, **phone**, **source**, direction, status, booked (name
/// columns are recognised and never read).
///
/// # Errors
/// [`ImportError`] when the file cannot be opened or read at all. Missing columns and unreadable
/// values are problems in the result, and their rows are left out.
pub fn read_leads(path: &Path, map: &ColumnMap) -> Result<(Export<Lead>, Vec<Problem>), ImportError> {
    read_leads_counted(path, map, &Progress::default())
}

fn read_leads_counted(path: &Path, map: &ColumnMap, progress: &Progress) -> Read<Lead> {
    let (rows, problems) = read::read_export(path, ExportKind::Leads, map, progress, || {
        let [mut sources, mut directions, mut statuses, mut branches] = <[Shared; 4]>::default();
        move |r: &mut RowReader<'_, '_>| {
            let created = r.datetime("created");
            let created = r.required("created", created);
            let phone = r.phone("phone");
            let source = r.shared("source", Check::Channel, &mut sources);
            let source = r.required("source", source);
            let direction = r.shared("direction", Check::Channel, &mut directions);
            let status = r.shared("status", Check::Plain, &mut statuses);
            let booked = r.day("booked");
            let branch = r.shared("branch", Check::Plain, &mut branches);
            Some(Lead { created: created?, phone, source: source?, direction, status, booked, branch })
        }
    })?;
    Ok((Export { file: read::file_name(path), rows }, problems))
}

/// Reads an MIS visits export: **date**, **phone**, direction, doctor, **amount** (an empty
/// amount is 0; patient columns are recognised and never read).
///
/// # Errors
/// As [`read_leads`].
pub fn read_visits(path: &Path, map: &ColumnMap) -> Result<(Export<Visit>, Vec<Problem>), ImportError> {
    read_visits_counted(path, map, &Progress::default())
}

fn read_visits_counted(path: &Path, map: &ColumnMap, progress: &Progress) -> Read<Visit> {
    let (rows, problems) = read::read_export(path, ExportKind::Visits, map, progress, || {
        let [mut directions, mut doctors, mut branches] = <[Shared; 3]>::default();
        move |r: &mut RowReader<'_, '_>| {
            let date = r.day("date");
            let date = r.required("date", date);
            let phone = r.phone("phone");
            let direction = r.shared("direction", Check::Channel, &mut directions);
            let doctor = r.shared("doctor", Check::Doctor, &mut doctors);
            let amount = r.number("amount").unwrap_or(0.0);
            let branch = r.shared("branch", Check::Plain, &mut branches);
            Some(Visit { date: date?, phone, direction, doctor, amount, branch })
        }
    })?;
    Ok((Export { file: read::file_name(path), rows }, problems))
}

/// Reads an ad-cabinet spend export: **date** or **month**, **source**, **spend** (an empty
/// spend is 0). When both a date and a month column are present, the date wins where it is filled.
///
/// # Errors
/// As [`read_leads`].
pub fn read_spend(path: &Path, map: &ColumnMap) -> Result<(Export<SpendRow>, Vec<Problem>), ImportError> {
    read_spend_counted(path, map, &Progress::default())
}

fn read_spend_counted(path: &Path, map: &ColumnMap, progress: &Progress) -> Read<SpendRow> {
    let (rows, problems) = read::read_export(path, ExportKind::Spend, map, progress, || {
        |r: &mut RowReader<'_, '_>| {
            let day = r.day("date");
            let month = day.map(Month::of).or_else(|| r.month("month"));
            let month = if r.has("date") { r.required("date", month) } else { r.required("month", month) };
            let source = r.channel("source");
            let source = r.required("source", source);
            let spend = r.number("spend").unwrap_or(0.0);
            let branch = r.text("branch");
            Some(SpendRow { month: month?, source: source?, spend, branch })
        }
    })?;
    Ok((Export { file: read::file_name(path), rows }, problems))
}

/// The raw exports to import, any of them optional, with the user's column overrides.
#[derive(Clone, Debug, Default)]
pub struct RawInputs {
    /// The CRM leads export.
    pub leads: Option<PathBuf>,
    /// The MIS visits export.
    pub visits: Option<PathBuf>,
    /// The ad-cabinet spend export.
    pub spend: Option<PathBuf>,
    /// The call journal export.
    pub calls: Option<PathBuf>,
    /// Header overrides for the leads export.
    pub leads_map: ColumnMap,
    /// Header overrides for the visits export.
    pub visits_map: ColumnMap,
    /// Header overrides for the spend export.
    pub spend_map: ColumnMap,
    /// Header overrides for the call journal.
    pub calls_map: ColumnMap,
    /// The patient key; `None`: this machine's ([`PatientKey::machine`]).
    pub key: Option<PatientKey>,
    /// Where the import counts how far it has got, for a progress bar; `None`: nobody watches.
    pub progress: Option<Arc<Progress>>,
}

impl RawInputs {
    /// Whether no export is given.
    pub fn is_empty(&self) -> bool {
        self.leads.is_none() && self.visits.is_none() && self.spend.is_none() && self.calls.is_none()
    }
}

/// One export as read: its rows and problems, or why it could not be read at all.
type Read<T> = Result<(Export<T>, Vec<Problem>), ImportError>;

/// Takes one export read for [`import_raw`]: an export that cannot be read as a whole becomes one
/// error naming the file (what it would replace stays as it was) and its name in `unread`.
fn read_one<T>(
    path: Option<&PathBuf>,
    read: Option<Read<T>>,
    problems: &mut Vec<Problem>,
    unread: &mut Vec<String>,
) -> Option<Export<T>> {
    let (path, read) = (path?, read?);
    match read {
        Ok((ex, mut pr)) => {
            problems.append(&mut pr);
            Some(ex)
        }
        Err(e) => {
            unreadable(path, &e, problems, unread);
            None
        }
    }
}

/// The error of an export that cannot be read as a whole: it names the file, and says that what it
/// would replace stays as it was.
fn unreadable(path: &Path, e: &ImportError, problems: &mut Vec<Problem>, unread: &mut Vec<String>) {
    let file = read::file_name(path);
    let english = e.to_string();
    problems.push(Problem::error(&file, ProblemKind::ExportUnread { reason: Unread::of(e), english }));
    unread.push(file);
}

/// Reads the given exports and joins them into `project` (see [`join`]); a call journal then
/// rebuilds the Calls sheet and the contacts of its months. An export that fails as a whole
/// replaces nothing. The problems are the reading problems of each file (leads, visits, spend,
/// calls), then the join's notices.
///
/// All or nothing per file: an export that cannot be read as a whole (unreadable, an encoding
/// that cannot be told, no header row with the required columns, no row that could be read)
/// replaces nothing; it is named in [`JoinReport::unread`] with an error, and the other exports
/// are still joined.
///
/// # Errors
/// [`RawError::Key`] and [`RawError::OldKeys`] (see [`ensure_key`]).
pub fn import_raw(project: &mut Project, inputs: &RawInputs) -> Result<(JoinReport, Vec<Problem>), RawError> {
    let mut problems = Vec::new();
    let mut unread = Vec::new();
    let quiet = Progress::default();
    let progress = inputs.progress.as_deref().unwrap_or(&quiet);
    let files = [&inputs.leads, &inputs.visits, &inputs.spend, &inputs.calls];
    progress.set_total(
        files.iter().flat_map(|p| p.as_ref()).filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum(),
    );
    progress.set_stage(Stage::Reading);
    // The exports are independent files: the leads and spend are read on a second core while the
    // visits (the biggest) are read on this one. Their problems are still listed in file order.
    let (leads, visits, spend) = std::thread::scope(|scope| {
        let others = scope.spawn(|| {
            let leads = inputs.leads.as_ref().map(|p| read_leads_counted(p, &inputs.leads_map, progress));
            let spend = inputs.spend.as_ref().map(|p| read_spend_counted(p, &inputs.spend_map, progress));
            (leads, spend)
        });
        let visits = inputs.visits.as_ref().map(|p| read_visits_counted(p, &inputs.visits_map, progress));
        let (leads, spend) = match others.join() {
            Ok(read) => read,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        (leads, visits, spend)
    });
    let leads = read_one(inputs.leads.as_ref(), leads, &mut problems, &mut unread);
    let visits = read_one(inputs.visits.as_ref(), visits, &mut problems, &mut unread);
    let spend = read_one(inputs.spend.as_ref(), spend, &mut problems, &mut unread);
    let key = match &inputs.key {
        Some(k) => k.clone(),
        None => PatientKey::machine()?,
    };
    progress.set_stage(Stage::Joining);
    let (mut report, mut notices) = if leads.is_none() && visits.is_none() && spend.is_none() {
        (JoinReport::default(), Vec::new())
    } else {
        join(project, &key, leads.as_ref(), visits, spend.as_ref())?
    };
    let calls = match &inputs.calls {
        Some(p) => match calls::read_calls_counted(p, &inputs.calls_map, progress) {
            Ok((ex, mut pr)) => {
                problems.append(&mut pr);
                if ex.is_none() {
                    unread.push(read::file_name(p));
                }
                ex
            }
            Err(e) => {
                unreadable(p, &e, &mut problems, &mut unread);
                None
            }
        },
        None => None,
    };
    problems.append(&mut notices);
    if let Some(ex) = calls {
        ensure_key(project, &key, false)?;
        report.calls = ex.rows.len();
        report.contacts = calls::apply_calls(project, ex, &key, &mut problems);
    }
    problems.append(&mut notices);
    report.unread = unread;
    progress.set_stage(Stage::Done);
    Ok((report, problems))
}
