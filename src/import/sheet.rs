//! Reading one sheet as a table: finding its header row (a title above it is fine), matching the
//! columns, walking the data rows, and turning unreadable cells into located problems.

use super::Problem;
use super::cells::{
    CellRef, ValueError, cell_day_or_month, cell_display, cell_is_blank, cell_month, cell_number, cell_share,
    cell_text, is_total_label,
};
use super::grid::{Row, SheetGrid};
use super::problem::{CellFault, Consequence, ProblemKind};
use super::schema::Column;
use crate::model::Sheet;
use crate::model::{Month, Name};

/// How many non-blank rows from the top may hold the header (titles and notes above it are common
/// in hand-kept sheets).
const HEADER_SEARCH_ROWS: usize = 10;

/// Where problems of one sheet are reported, and how its dates are read.
pub(crate) struct SheetContext<'a> {
    /// The file's name, as problems name it.
    pub file: &'a str,
    /// The sheet's name as written in the file.
    pub sheet: &'a str,
    /// Which template sheet it is.
    pub kind: Sheet,
    /// Whether the workbook counts dates from 1904 (old Mac Excel).
    pub is_1904: bool,
    /// Problems found so far.
    pub problems: &'a mut Vec<Problem>,
    /// The row numbers of the items [`Self::load_rows`] returned, in order (for notices about
    /// suspicious data found once the sheet is read).
    pub loaded: Vec<u32>,
}

/// A sheet with its header row found and its columns matched.
pub(crate) struct Table<'r> {
    grid: &'r SheetGrid,
    /// Index (among the grid's rows) of the first data row.
    data_start: usize,
    /// Matched template columns and their column index in the grid.
    columns: Vec<(&'static Column, usize)>,
}

/// The header row that was looked for and not found.
pub(crate) struct MissingColumns {
    /// Excel row number of the row taken as the header, if the sheet had any non-blank row.
    pub header_row: Option<u32>,
    /// Required columns it lacks.
    pub missing: Vec<&'static Column>,
}

impl<'a> SheetContext<'a> {
    fn problem(&self, error: bool, message: ProblemKind) -> Problem {
        let p = if error { Problem::error(self.file, message) } else { Problem::notice(self.file, message) };
        p.in_sheet(self.sheet)
    }

    /// Adds a notice about this sheet.
    pub fn notice(&mut self, message: ProblemKind) {
        let p = self.problem(false, message);
        self.problems.push(p);
    }

    /// Adds a notice about one row of this sheet.
    pub fn row_notice(&mut self, row: u32, message: ProblemKind) {
        let p = self.problem(false, message).at_row(row);
        self.problems.push(p);
    }

    /// Finds the header row and matches the columns; on success, notices name the extra and
    /// repeated columns. On failure nothing is reported: see [`Self::report_missing`].
    pub fn locate<'r>(&mut self, grid: &'r SheetGrid) -> Result<Table<'r>, MissingColumns> {
        let candidates: Vec<(usize, u32, Row<'_>)> = grid
            .rows()
            .enumerate()
            .map(|(i, (n, row))| (i, n, row))
            .filter(|(_, _, row)| !row.iter().all(cell_is_blank))
            .take(HEADER_SEARCH_ROWS)
            .collect();
        let Some(&(first, _, _)) = candidates.first() else {
            return Err(MissingColumns {
                header_row: None,
                missing: self.kind.columns().iter().filter(|c| c.required).collect(),
            });
        };
        let row_number = |i: usize| candidates.iter().find(|(j, ..)| *j == i).map_or(0, |(_, n, _)| *n);
        let scans: Vec<(usize, HeaderScan)> =
            candidates.iter().map(|(i, _, row)| (*i, HeaderScan::of(self.kind, *row))).collect();
        let chosen = scans.iter().find(|(_, s)| s.has_required(self.kind)).or_else(|| {
            scans
                .iter()
                .filter(|(_, s)| !s.matched.is_empty())
                .max_by_key(|(i, s)| (s.matched.len(), std::cmp::Reverse(*i)))
        });
        let Some((header, scan)) = chosen.filter(|(_, s)| s.has_required(self.kind)) else {
            let (row, scan) = chosen.map_or((first, None), |(i, s)| (*i, Some(s)));
            let missing = self
                .kind
                .columns()
                .iter()
                .filter(|c| c.required && !scan.is_some_and(|s| s.matched.iter().any(|(m, _)| m.key == c.key)))
                .collect();
            return Err(MissingColumns { header_row: Some(row_number(row)), missing });
        };
        if !scan.extra.is_empty() {
            self.notice(ProblemKind::ExtraColumns(scan.extra.clone()));
        }
        for (header_text, col) in &scan.repeated {
            self.notice(ProblemKind::RepeatedColumn { header: header_text.clone(), column: col.label() });
        }
        Ok(Table { grid, data_start: header + 1, columns: scan.matched.clone() })
    }

    /// Reports the required columns a sheet lacks: one error per column, naming it.
    pub fn report_missing(&mut self, missing: &MissingColumns) {
        for col in &missing.missing {
            let kind = ProblemKind::MissingColumn { column: col.label(), header_row: missing.header_row };
            let p = self.problem(true, kind).in_column(col.label());
            self.problems.push(p);
        }
    }

    /// A table whose columns are given (a sheet without a header row): data from the first row.
    pub fn headerless<'r>(&self, grid: &'r SheetGrid, columns: Vec<(&'static Column, usize)>) -> Table<'r> {
        Table { grid, data_start: 0, columns }
    }

    /// Reads the data rows of `table` with `read`, in file order.
    ///
    /// Fully blank rows, and rows where every template column is blank, are skipped silently.
    /// Totals rows (`Итого`, `Всего`, `Total`) are skipped with one notice. When `value_keys` is not
    /// empty, rows where all those columns are blank ("not filled in yet": a month or a day with no
    /// figures) are skipped with one notice. A row where `read` found unreadable values gives one
    /// error per value, ending with `consequence` (e.g. "the row was left out"), and no item.
    pub fn load_rows<T>(
        &mut self,
        table: &Table<'_>,
        value_keys: &[&str],
        consequence: Consequence,
        mut read: impl FnMut(&mut RowReader<'_>) -> Option<T>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        let mut totals = Vec::new();
        let mut unfilled = Vec::new();
        for (number, cells) in table.grid.rows().skip(table.data_start) {
            let mut row =
                RowReader { cells, columns: &table.columns, row: number, is_1904: self.is_1904, errors: Vec::new() };
            if table.columns.iter().all(|(_, idx)| cell_is_blank(row.raw(*idx))) {
                continue;
            }
            if cells.iter().any(|c| matches!(c, CellRef::String(s) if is_total_label(s))) {
                totals.push(row.row);
                continue;
            }
            if !value_keys.is_empty() && value_keys.iter().all(|k| row.is_blank(k)) {
                unfilled.push(row.row);
                continue;
            }
            let item = read(&mut row);
            if row.errors.is_empty() {
                if let Some(item) = item {
                    out.push(item);
                    self.loaded.push(row.row);
                }
            } else {
                for e in row.errors {
                    let mut p = self
                        .problem(true, ProblemKind::Cell { fault: e.fault, then: consequence })
                        .at_row(row.row)
                        .in_column(e.column.label());
                    if let Some(v) = e.value {
                        p = p.with_value(v);
                    }
                    self.problems.push(p);
                }
            }
        }
        if !totals.is_empty() {
            self.notice(ProblemKind::TotalsRows(totals));
        }
        if !unfilled.is_empty() {
            self.notice(ProblemKind::UnfilledRows(unfilled));
        }
        out
    }
}

/// What one candidate header row matched.
struct HeaderScan {
    matched: Vec<(&'static Column, usize)>,
    extra: Vec<String>,
    repeated: Vec<(String, &'static Column)>,
}

impl HeaderScan {
    fn of(kind: Sheet, row: Row<'_>) -> Self {
        let mut scan = HeaderScan { matched: Vec::new(), extra: Vec::new(), repeated: Vec::new() };
        for (idx, cell) in row.iter().enumerate() {
            if cell_is_blank(cell) {
                continue;
            }
            let text = cell_display(cell);
            match kind.columns().iter().find(|c| c.matches(&text)) {
                Some(col) if scan.matched.iter().any(|(m, _)| m.key == col.key) => scan.repeated.push((text, col)),
                Some(col) => scan.matched.push((col, idx)),
                None => scan.extra.push(text),
            }
        }
        scan
    }

    fn has_required(&self, kind: Sheet) -> bool {
        kind.columns().iter().filter(|c| c.required).all(|c| self.matched.iter().any(|(m, _)| m.key == c.key))
    }
}

/// One unreadable value in a row.
struct RowError {
    column: &'static Column,
    value: Option<String>,
    fault: CellFault,
}

/// One data row being read: typed accessors by column key that record unreadable values.
pub(crate) struct RowReader<'t> {
    cells: Row<'t>,
    columns: &'t [(&'static Column, usize)],
    /// The row as Excel numbers it (1-based).
    pub row: u32,
    is_1904: bool,
    errors: Vec<RowError>,
}

impl<'t> RowReader<'t> {
    fn raw(&self, idx: usize) -> CellRef<'t> {
        self.cells.get(idx)
    }

    fn column(&self, key: &str) -> Option<(&'static Column, usize)> {
        self.columns.iter().find(|(c, _)| c.key == key).copied()
    }

    fn lookup(&self, key: &str) -> Option<(&'static Column, CellRef<'t>)> {
        self.column(key).map(|(c, idx)| (c, self.raw(idx)))
    }

    /// The raw cell of a column (empty when the sheet lacks the column).
    pub fn cell(&self, key: &str) -> CellRef<'t> {
        self.lookup(key).map_or(CellRef::Empty, |(_, cell)| cell)
    }

    /// Whether the column's cell is blank (or the sheet lacks the column).
    pub fn is_blank(&self, key: &str) -> bool {
        cell_is_blank(self.cell(key))
    }

    fn has_error(&self, key: &str) -> bool {
        self.errors.iter().any(|e| e.column.key == key)
    }

    /// Reads a column's cell with `parse`; an error is recorded against the column.
    pub fn read<T>(
        &mut self,
        key: &str,
        parse: impl FnOnce(CellRef<'t>) -> Result<Option<T>, ValueError>,
    ) -> Option<T> {
        let (column, cell) = self.lookup(key)?;
        match parse(cell) {
            Ok(v) => v,
            Err(e) => {
                let value = Some(cell_display(cell));
                self.errors.push(RowError { column, value, fault: CellFault::Value(e) });
                None
            }
        }
    }

    /// Records an error against a column.
    pub fn fail(&mut self, key: &str, fault: CellFault) {
        if let Some((column, cell)) = self.lookup(key) {
            let value = (!cell_is_blank(cell)).then(|| cell_display(cell));
            self.errors.push(RowError { column, value, fault });
        }
    }

    /// `value`, or an error when it is missing because the (required) cell is empty.
    pub fn required<T>(&mut self, key: &str, value: Option<T>) -> Option<T> {
        if value.is_none() && !self.has_error(key) {
            self.fail(key, CellFault::Empty);
        }
        value
    }

    /// A text cell (names, channels, directions).
    pub fn text(&mut self, key: &str) -> Option<String> {
        self.read(key, cell_text)
    }

    /// A channel, direction or branch name: read as [`Self::text`], shared with the other rows of
    /// the sheet that name it the same (no copy per row).
    pub fn name(&mut self, key: &str) -> Option<Name> {
        let shared = self.column(key).and_then(|(_, idx)| self.cells.name(idx));
        match shared {
            Some(name) => Some(name.clone()),
            None => self.text(key).map(Name::from),
        }
    }

    /// A number cell.
    pub fn number(&mut self, key: &str) -> Option<f64> {
        self.read(key, cell_number)
    }

    /// A share 0..1 (margins, rates).
    pub fn share(&mut self, key: &str) -> Option<f64> {
        self.read(key, cell_share)
    }

    /// A month cell.
    pub fn month(&mut self, key: &str) -> Option<Month> {
        let is_1904 = self.is_1904;
        self.read(key, |c| cell_month(c, is_1904))
    }

    /// A day or a month (the Revenue sheet's date column): the day, and whether it was a month.
    pub fn day_or_month(&mut self, key: &str) -> Option<(chrono::NaiveDate, bool)> {
        let is_1904 = self.is_1904;
        self.read(key, |c| cell_day_or_month(c, is_1904))
    }

    /// Whether the workbook counts dates from 1904.
    pub fn is_1904(&self) -> bool {
        self.is_1904
    }
}
