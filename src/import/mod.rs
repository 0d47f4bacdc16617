//! Workbooks and raw exports → the model, with located errors and notices.
//!
//! [`import_workbook`] reads the template workbook (domain.md, "The template workbook"): every
//! sheet is optional, sheet and column names are matched in English or Russian, and a value that
//! cannot be read becomes a [`Problem`] naming the file, the sheet as written, the Excel row, the
//! column and the value, while the rest of the file still loads. Only a file that cannot be read
//! at all, or that has no template sheet, is an [`ImportError`].
//!
//! [`cells`] holds the cell and text parsers (numbers, months, days, tiers, NPS) shared with the
//! raw-export reader and the UI's grid editing; [`schema`] the sheet and column names.

/// The start of every temp file medfunnel writes beside a target: a hidden name that says whose it
/// is, followed by the writing process's id (the store sweeps dead writers' leftovers by it). It
/// lives here, at the bottom of the file layers, because the patient key's file is written with it
/// too and the store builds on the importer, not the other way round.
pub const TEMP_PREFIX: &str = ".medfunnel-tmp-";
pub mod cells;
mod grid;
pub mod problem;
pub mod raw;
pub mod redact;
pub mod schema;
mod sheet;
mod template;
pub mod validate;

use std::fmt;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use calamine::{Ods, Reader, SheetType, Sheets, Xls, Xlsb, Xlsx, open_workbook_auto_from_rs, open_workbook_from_rs};
use serde::Serialize;

use crate::model::Project;
pub use problem::{CellFault, Consequence, ProblemKind};
use template::SheetData;

/// How serious a [`Problem`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing, nothing was lost that the user meant to give (a missing optional sheet, an
    /// extra column, a totals row skipped).
    Notice,
    /// Some data could not be read and was left out (an unreadable value, a missing required column).
    Error,
}

/// Something the importer wants the user to know, located as precisely as it can be.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    /// Notice or error.
    pub severity: Severity,
    /// The file's name (without its folder).
    pub file: String,
    /// The sheet's name as written in the file.
    pub sheet: Option<String>,
    /// The row as Excel numbers it (1-based).
    pub row: Option<u32>,
    /// The column as `channel (канал)`: its English key and Russian name.
    pub column: Option<String>,
    /// The cell's value as written, when a value is at fault.
    pub value: Option<String>,
    /// What is wrong and what became of the data, as data (`i18n::problems` words it; its
    /// `Display` is the English sentence, which is also what it serialises as).
    #[serde(serialize_with = "english")]
    pub message: ProblemKind,
}

/// A problem's message serialised as its English sentence, as when it was a string.
fn english<S: serde::Serializer>(kind: &ProblemKind, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(kind)
}

impl Problem {
    /// A notice about `file`.
    pub fn notice(file: &str, message: ProblemKind) -> Self {
        Self::new(Severity::Notice, file, message)
    }

    /// An error about `file`.
    pub fn error(file: &str, message: ProblemKind) -> Self {
        Self::new(Severity::Error, file, message)
    }

    /// The texts from the file the message quotes are made safe to show
    /// ([`ProblemKind::redacted`]): phones masked, quotes cut short.
    fn new(severity: Severity, file: &str, message: ProblemKind) -> Self {
        Self {
            severity,
            file: file.to_string(),
            sheet: None,
            row: None,
            column: None,
            value: None,
            message: message.redacted(),
        }
    }

    /// The same problem, located in a sheet (name as written in the file, cut short).
    pub fn in_sheet(mut self, sheet: &str) -> Self {
        self.sheet = Some(redact::quote(sheet));
        self
    }

    /// The same problem, located in a row (Excel's 1-based number).
    pub fn at_row(mut self, row: u32) -> Self {
        self.row = Some(row);
        self
    }

    /// The same problem, located in a column (`channel (канал)`).
    pub fn in_column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }

    /// The same problem, with the value at fault (masked and cut short by [`redact::quote`]).
    pub fn with_value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(redact::quote(&value.into()));
        self
    }

    /// Whether data was lost (the `kpi` command then exits with status 2).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    /// One line: `clinic.xlsx: sheet «Воронка», row 7, column leads (лиды): «двадцать» is not a
    /// number; the row was left out`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        let mut sep = ": ";
        if let Some(sheet) = &self.sheet {
            write!(f, "{sep}sheet «{sheet}»")?;
            sep = ", ";
        }
        if let Some(row) = self.row {
            write!(f, "{sep}row {row}")?;
            sep = ", ";
        }
        if let Some(column) = &self.column {
            write!(f, "{sep}column {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A template workbook read into a project, with everything worth telling the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The data that could be read.
    pub project: Project,
    /// Errors and notices, in the order the sheets were read.
    pub problems: Vec<Problem>,
}

impl Imported {
    /// Whether any problem is an error (data was left out).
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// A file that could not be imported at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be opened (missing, no permission).
    #[error("cannot open «{}»: {source}", path.display())]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is empty (0 bytes).
    #[error("«{}» is empty: there is no workbook in it", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file is not a workbook, or it is damaged (truncated, corrupt).
    #[error(
        "cannot read «{}»: it is not an Excel or OpenDocument workbook (.xlsx, .xls, .xlsb, .ods), \
         or it is damaged ({reason})",
        path.display()
    )]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The reader's own explanation.
        reason: String,
    },
    /// The workbook has none of the template's sheets.
    #[error(
        "«{}» has none of the template's sheets (Settings, Directions, Channels, Plan, Budget, Funnel, \
         Revenue, Doctors, NPS, or Настройки, Направления, Каналы, План, Бюджет, Воронка, Выручка, Врачи); \
         its sheets are {}",
        path.display(),
        quote_list(sheets)
    )]
    NoTemplateSheet {
        /// The file.
        path: PathBuf,
        /// The sheets it has, as written.
        sheets: Vec<String>,
    },
    /// A text export whose encoding cannot be told (UTF-16 without a BOM, KOI8-R, two encodings
    /// mixed).
    #[error("cannot read «{}»: {reason}; nothing was read from this file", path.display())]
    Encoding {
        /// The file.
        path: PathBuf,
        /// What the encoding looks like, and what to do.
        reason: &'static str,
    },
    /// An export that cannot be read as one: no row holds its required headers, or none of its
    /// rows could be read.
    #[error("«{}» cannot be read as a {what}: {reason}; nothing was read from this file", path.display())]
    NotAnExport {
        /// The file.
        path: PathBuf,
        /// Which export it was read as (`leads export (CRM)`).
        what: &'static str,
        /// Why, in a sentence.
        reason: String,
    },
}

impl ImportError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ImportError::Open { path, .. }
            | ImportError::Empty { path }
            | ImportError::Unreadable { path, .. }
            | ImportError::NoTemplateSheet { path, .. }
            | ImportError::Encoding { path, .. }
            | ImportError::NotAnExport { path, .. } => path,
        }
    }
}

fn quote_list(items: &[String]) -> String {
    if items.is_empty() {
        return "none".to_string();
    }
    items.iter().map(|s| format!("«{s}»")).collect::<Vec<_>>().join(", ")
}

/// Reads a template workbook (.xlsx, .xlsm, .xls, .xlsb or .ods) into a project.
///
/// Every sheet is optional. Unreadable values, missing required columns, extra sheets and columns
/// and the like are reported in [`Imported::problems`]; the rest of the file still loads.
///
/// # Errors
/// - [`ImportError::Open`]: the file cannot be opened;
/// - [`ImportError::Empty`]: the file has 0 bytes;
/// - [`ImportError::Unreadable`]: it is not a workbook, or it is truncated or damaged;
/// - [`ImportError::NoTemplateSheet`]: no sheet of the workbook is a template sheet.
///
/// Never panics on a malformed file.
pub fn import_workbook(path: &Path) -> Result<Imported, ImportError> {
    let file = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let bytes = std::fs::read(path).map_err(|source| ImportError::Open { path: path.to_path_buf(), source })?;
    if bytes.is_empty() {
        return Err(ImportError::Empty { path: path.to_path_buf() });
    }
    let unreadable = |reason: String| ImportError::Unreadable { path: path.to_path_buf(), reason };
    // calamine has panicked on malformed files in the past; a damaged file must stay an error.
    let (sheets, is_1904) = catch_unwind(AssertUnwindSafe(|| read_sheets(path, bytes)))
        .map_err(|_| unreadable("the workbook's contents are malformed".to_string()))?
        .map_err(unreadable)?;
    if !sheets.iter().any(|s| s.kind().is_some()) {
        return Err(ImportError::NoTemplateSheet {
            path: path.to_path_buf(),
            sheets: sheets.into_iter().map(|s| s.name).collect(),
        });
    }
    let (project, problems) = template::read_template(&file, &sheets, is_1904);
    Ok(Imported { project, problems })
}

type Book = Sheets<Cursor<Vec<u8>>>;

/// Opens the workbook by its extension, falling back on sniffing the contents (a renamed file),
/// and reads the cells of the sheets whose names are template sheets.
fn read_sheets(path: &Path, bytes: Vec<u8>) -> Result<(Vec<SheetData>, bool), String> {
    let mut book = open_book(path, bytes)?;
    let is_1904 = match &book {
        Sheets::Xlsx(x) => x.has_1904_epoch(),
        Sheets::Xls(x) => x.has_1904_epoch(),
        Sheets::Xlsb(x) => x.has_1904_epoch(),
        Sheets::Ods(_) => false,
    };
    let listed: Vec<(String, bool)> =
        book.sheets_metadata().iter().map(|s| (s.name.clone(), s.typ == SheetType::WorkSheet)).collect();
    let mut sheets = Vec::new();
    for (name, is_table) in listed {
        let mut sheet = SheetData { name, range: None, is_table };
        if sheet.kind().is_some() {
            let grid =
                grid::read_sheet_grid(&mut book, &sheet.name).map_err(|e| format!("sheet «{}»: {e}", sheet.name))?;
            sheet.range = Some(grid);
        }
        sheets.push(sheet);
    }
    Ok((sheets, is_1904))
}

fn open_book(path: &Path, bytes: Vec<u8>) -> Result<Book, String> {
    grid::check_package(&bytes)?;
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let data = Cursor::new(bytes);
    let by_extension: Option<Result<Book, String>> = match ext.as_deref() {
        Some("xlsx" | "xlsm" | "xlam") => {
            Some(open_workbook_from_rs::<Xlsx<_>, _>(data.clone()).map(Sheets::Xlsx).map_err(|e| e.to_string()))
        }
        Some("xls" | "xla") => {
            Some(open_workbook_from_rs::<Xls<_>, _>(data.clone()).map(Sheets::Xls).map_err(|e| e.to_string()))
        }
        Some("xlsb") => {
            Some(open_workbook_from_rs::<Xlsb<_>, _>(data.clone()).map(Sheets::Xlsb).map_err(|e| e.to_string()))
        }
        Some("ods") => {
            Some(open_workbook_from_rs::<Ods<_>, _>(data.clone()).map(Sheets::Ods).map_err(|e| e.to_string()))
        }
        _ => None,
    };
    match by_extension {
        Some(Ok(book)) => Ok(book),
        Some(Err(reason)) => open_workbook_auto_from_rs(data).map_err(|_| reason),
        None => open_workbook_auto_from_rs(data).map_err(|e| e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_display_names_everything() {
        let not_a_number = CellFault::Value(cells::ValueError::NotANumber("двадцать".into()));
        let p = Problem::error("clinic.xlsx", ProblemKind::Cell { fault: not_a_number, then: Consequence::RowLeftOut })
            .in_sheet("Воронка")
            .at_row(7)
            .in_column("leads (лиды)")
            .with_value("двадцать");
        assert!(p.is_error());
        assert_eq!(
            p.to_string(),
            "clinic.xlsx: sheet «Воронка», row 7, column leads (лиды): «двадцать» is not a number; the row was left out"
        );
        let n = Problem::notice("clinic.xlsx", ProblemKind::NoSheet(crate::model::Sheet::Plan));
        assert!(!n.is_error());
        assert_eq!(n.to_string(), "clinic.xlsx: there is no Plan (План) sheet, so the plan is empty");
        let c = Problem::error("a.xlsx", ProblemKind::Cell { fault: CellFault::Empty, then: Consequence::RowLeftOut })
            .in_sheet("План")
            .in_column("month (месяц)");
        assert_eq!(
            c.to_string(),
            "a.xlsx: sheet «План», column month (месяц): the cell is empty, but this column is required; the row was left out"
        );
    }
}
