//! A worksheet read as a stream of cells into rows that hold only the data actually present.
//!
//! A sheet's claimed size means nothing: one value in `XFD1048576` makes a dense range of 17
//! billion cells. So cells are streamed (calamine's cell readers for .xlsx and .xlsb), blank cells
//! are dropped, only the rows that have a value are kept, and columns are renumbered over the
//! columns that have a value anywhere, which keeps a header and its data aligned. Memory is bound
//! by the data, and the limits below turn a hostile or damaged file into an error, never an abort.
//!
//! The template reader keeps each distinct text of a sheet once ([`SheetGrid`]): a channel or a
//! month repeated on every row is not copied out of the workbook's shared strings for every cell,
//! and rows are read as borrowed cells ([`CellRef`]). The raw-export reader keeps calamine's
//! [`Data`]; both come through the same stream and the same checks ([`read_cells`]).
//!
//! Before calamine opens an .xlsx, [`check_package`] reads the zip's directory: the zip reader
//! never unpacks more than an entry's declared size, so capping the declared sizes (and the shared
//! strings' claimed count, which calamine reserves memory for) bounds what opening can allocate.

use std::io::{Cursor, Read};

use calamine::{Data, DataRef, Reader, Sheets};
use rustc_hash::FxHashMap;

use super::cells::CellRef;
use crate::model::Name;

/// The most characters a cell may hold: Excel's own limit, so only a damaged or hostile file
/// goes beyond it.
pub(crate) const MAX_CELL_CHARS: usize = 32_767;

/// The most values one sheet may hold (a million-row export of ten columns is a quarter of it).
pub(crate) const MAX_CELLS: usize = 40_000_000;

/// The most bytes one part of a workbook package may unpack to.
pub(crate) const MAX_PART_BYTES: u64 = 1 << 30;

/// The most bytes the shared strings may unpack to.
pub(crate) const MAX_SHARED_STRINGS_BYTES: u64 = 256 << 20;

/// A sheet's values by row: the Excel row number (1-based) and the row's cells over the sheet's
/// used columns (renumbered from 0), with no trailing blanks. The cells are calamine's [`Data`] for
/// the raw-export reader and [`Value`] (texts kept once, in a [`SheetGrid`]) for the template.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Grid<C = Data> {
    /// Every row's cells, one row after another (one allocation for the sheet, not one per row).
    cells: Vec<C>,
    /// Each row's Excel number and where its cells start in `cells`; they end where the next
    /// row's start.
    rows: Vec<(u32, u32)>,
}

impl<C> Default for Grid<C> {
    fn default() -> Self {
        Grid { cells: Vec::new(), rows: Vec::new() }
    }
}

impl<C: Clone> Grid<C> {
    /// The rows that have a value, in order, each with its Excel row number.
    pub fn rows(&self) -> impl Iterator<Item = (u32, &[C])> + Clone {
        self.rows.iter().enumerate().map(|(i, &(n, start))| {
            let end = self.rows.get(i + 1).map_or(self.cells.len(), |&(_, next)| next as usize);
            (n, &self.cells[start as usize..end])
        })
    }

    /// Whether the sheet has no value at all.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Builds the grid from cells at absolute 0-based `(row, column)` positions, in any order;
    /// `blank` fills the gaps between a row's values.
    ///
    /// # Errors
    /// The values are spread so thinly over rows and columns that laying them out would take far
    /// more memory than they hold (a diagonal of values, say).
    fn from_cells(mut cells: Vec<(u32, u32, C)>, blank: C) -> Result<Grid<C>, String> {
        if !cells.is_sorted_by_key(|(r, c, _)| (*r, *c)) {
            cells.sort_by_key(|(r, c, _)| (*r, *c));
        }
        // The used columns, in order: marked in a table for the columns a worksheet can have
        // (16 384) rather than sorting one number per value.
        let columns: Vec<u32> = match cells.iter().map(|(_, c, _)| *c).max() {
            Some(last) if last < 1 << 16 => {
                let mut used = vec![false; last as usize + 1];
                for (_, c, _) in &cells {
                    used[*c as usize] = true;
                }
                (0..=last).filter(|c| used[*c as usize]).collect()
            }
            _ => {
                let mut columns: Vec<u32> = cells.iter().map(|(_, c, _)| *c).collect();
                columns.sort_unstable();
                columns.dedup();
                columns
            }
        };
        // A direct table for the columns a worksheet can have (16 384), a search beyond.
        let table: Vec<u32> = match columns.last() {
            Some(&last) if last < 1 << 16 => {
                let mut t = vec![0u32; last as usize + 1];
                for (i, c) in columns.iter().enumerate() {
                    t[*c as usize] = i as u32;
                }
                t
            }
            _ => Vec::new(),
        };
        let index = |c: u32| match table.get(c as usize) {
            Some(i) => *i as usize,
            None => columns.binary_search(&c).unwrap_or(0),
        };
        // The cells laid out: every row as wide as its last value's column.
        let mut laid_out = 0usize;
        let mut row_count = 0usize;
        let mut last: Option<(u32, usize)> = None;
        for (r, c, _) in &cells {
            let width = index(*c) + 1;
            match &mut last {
                Some((row, w)) if *row == *r => *w = (*w).max(width),
                _ => {
                    laid_out += last.map_or(0, |(_, w)| w);
                    row_count += 1;
                    last = Some((*r, width));
                }
            }
        }
        laid_out += last.map_or(0, |(_, w)| w);
        if laid_out > cells.len().saturating_mul(8).saturating_add(1 << 20) {
            return Err(format!(
                "its {} values are scattered over {} rows and {} columns, too thinly to be a table",
                cells.len(),
                row_count,
                columns.len()
            ));
        }
        // At most 40 million values, spread at most eightfold: positions fit in a u32.
        let mut out: Vec<C> = Vec::with_capacity(laid_out);
        let mut rows: Vec<(u32, u32)> = Vec::with_capacity(row_count);
        let mut row_start = 0usize;
        for (r, c, value) in cells {
            let n = r.saturating_add(1);
            if rows.last().is_none_or(|(last, _)| *last != n) {
                row_start = out.len();
                rows.push((n, row_start as u32));
            }
            let i = row_start + index(c);
            if out.len() <= i {
                out.resize(i + 1, blank.clone());
            }
            out[i] = value;
        }
        Ok(Grid { cells: out, rows })
    }
}

/// One value of a template sheet: calamine's [`Data`] with its text an index into the sheet's
/// distinct texts ([`SheetGrid`]), so a text repeated on every row (a channel, a month) is kept
/// once, not copied out of the workbook's shared strings for every cell.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    /// A gap between a row's values.
    Empty,
    /// Text: its index among the sheet's texts.
    Text(u32),
    /// A whole number.
    Int(i64),
    /// A number.
    Float(f64),
    /// TRUE or FALSE.
    Bool(bool),
    /// A date, time or duration cell.
    DateTime(calamine::ExcelDateTime),
    /// An ISO 8601 date as text (OpenDocument): its index among the sheet's texts.
    DateTimeIso(u32),
    /// An ISO 8601 duration as text (OpenDocument): its index among the sheet's texts.
    DurationIso(u32),
    /// An Excel error such as `#N/A`.
    Error(calamine::CellErrorType),
}

/// A template sheet's values: a grid of [`Value`]s and the distinct texts they point into, each a
/// [`Name`] so that the rows naming the same channel, direction or branch share one copy.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct SheetGrid {
    grid: Grid<Value>,
    texts: Vec<Name>,
}

/// One row of a [`SheetGrid`], read as borrowed cells.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row<'g> {
    cells: &'g [Value],
    texts: &'g [Name],
}

impl<'g> Row<'g> {
    /// The cell in (renumbered) column `i`; empty beyond the row's last value.
    pub fn get(&self, i: usize) -> CellRef<'g> {
        self.cells.get(i).map_or(CellRef::Empty, |v| self.view(v))
    }

    /// The row's cells, in order.
    pub fn iter(&self) -> impl Iterator<Item = CellRef<'g>> + '_ {
        self.cells.iter().map(|v| self.view(v))
    }

    /// The sheet's shared copy of the text in column `i`, when it is a text cell whose text is
    /// already as a name is kept (not blank, no spaces around it).
    pub fn name(&self, i: usize) -> Option<&'g Name> {
        match self.cells.get(i)? {
            Value::Text(t) => self.texts.get(*t as usize).filter(|n| !n.is_empty() && n.trim().len() == n.len()),
            _ => None,
        }
    }

    fn view(&self, v: &'g Value) -> CellRef<'g> {
        let text = |i: &u32| self.texts.get(*i as usize).map_or("", Name::as_str);
        match v {
            Value::Empty => CellRef::Empty,
            Value::Text(i) => CellRef::String(text(i)),
            Value::Int(i) => CellRef::Int(*i),
            Value::Float(f) => CellRef::Float(*f),
            Value::Bool(b) => CellRef::Bool(*b),
            Value::DateTime(dt) => CellRef::DateTime(*dt),
            Value::DateTimeIso(i) => CellRef::DateTimeIso(text(i)),
            Value::DurationIso(i) => CellRef::DurationIso(text(i)),
            Value::Error(e) => CellRef::Error(e),
        }
    }
}

impl SheetGrid {
    /// The rows that have a value, in order, each with its Excel row number.
    pub fn rows(&self) -> impl Iterator<Item = (u32, Row<'_>)> + Clone {
        self.grid.rows().map(|(n, cells)| (n, Row { cells, texts: &self.texts }))
    }

    /// Whether the sheet has no value at all.
    pub fn is_empty(&self) -> bool {
        self.grid.is_empty()
    }
}

/// The distinct texts of a sheet being read, each kept once with its index.
#[derive(Default)]
struct Texts {
    index: FxHashMap<Box<str>, u32>,
}

impl Texts {
    fn of(&mut self, text: &str) -> u32 {
        if let Some(i) = self.index.get(text) {
            return *i;
        }
        let i = self.index.len() as u32;
        self.index.insert(text.into(), i);
        i
    }

    fn value(&mut self, v: &DataRef<'_>) -> Value {
        match v {
            DataRef::Empty => Value::Empty,
            DataRef::String(s) => Value::Text(self.of(s)),
            DataRef::SharedString(s) => Value::Text(self.of(s)),
            DataRef::Int(i) => Value::Int(*i),
            DataRef::Float(f) => Value::Float(*f),
            DataRef::Bool(b) => Value::Bool(*b),
            DataRef::DateTime(dt) => Value::DateTime(*dt),
            DataRef::DateTimeIso(s) => Value::DateTimeIso(self.of(s)),
            DataRef::DurationIso(s) => Value::DurationIso(self.of(s)),
            DataRef::Error(e) => Value::Error(e.clone()),
        }
    }

    /// The texts in index order.
    fn into_list(self) -> Vec<Name> {
        let mut list: Vec<Name> = vec![Name::default(); self.index.len()];
        for (text, i) in self.index {
            list[i as usize] = Name::from(&*text);
        }
        list
    }
}

/// Whether a value read from a cell reader is kept: `false` for a blank cell; an error naming the
/// cell when the text is longer than a cell can hold.
fn keep(pos: (u32, u32), value: &DataRef<'_>) -> Result<bool, String> {
    let text = match value {
        DataRef::Empty => return Ok(false),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.as_str(),
        DataRef::SharedString(s) => s,
        _ => "",
    };
    // Bytes bound characters from above: the count is only taken for long texts.
    if text.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS {
        return Err(format!(
            "cell {} holds a text of {} characters, more than a cell can hold ({MAX_CELL_CHARS})",
            cell_name(pos),
            text.chars().count()
        ));
    }
    Ok(true)
}

/// `B7` for 0-based `(6, 1)`.
pub(crate) fn cell_name((row, col): (u32, u32)) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), u64::from(row) + 1)
}

fn too_many(count: usize) -> Result<(), String> {
    if count >= MAX_CELLS {
        return Err(format!(
            "it holds more than {} million values, more than medfunnel reads from one sheet",
            MAX_CELLS / 1_000_000
        ));
    }
    Ok(())
}

/// Reads one sheet's values as calamine's [`Data`] (the raw-export reader). See [`read_cells`].
///
/// # Errors
/// As [`read_cells`], or the values are too scattered (see [`Grid::from_cells`]).
pub(crate) fn read_grid(book: &mut Sheets<Cursor<Vec<u8>>>, name: &str) -> Result<Grid, String> {
    let cells = read_cells(book, name, |v| Data::from(v.clone()))?;
    Grid::from_cells(cells, Data::Empty)
}

/// Reads one template sheet's values, each distinct text kept once. See [`read_cells`].
///
/// # Errors
/// As [`read_grid`].
pub(crate) fn read_sheet_grid(book: &mut Sheets<Cursor<Vec<u8>>>, name: &str) -> Result<SheetGrid, String> {
    let mut texts = Texts::default();
    let cells = read_cells(book, name, |v| texts.value(v))?;
    let grid = Grid::from_cells(cells, Value::Empty)?;
    Ok(SheetGrid { grid, texts: texts.into_list() })
}

/// Reads one sheet's non-blank values at their 0-based `(row, column)`, each turned into a kept
/// value by `value`. `.xlsx` and `.xlsb` are streamed; `.xls` and `.ods` come whole from
/// calamine (their readers have no stream) and pass the same checks.
///
/// # Errors
/// The sheet cannot be read (calamine's reason), a text is longer than a cell can hold, or there
/// are too many values.
fn read_cells<C>(
    book: &mut Sheets<Cursor<Vec<u8>>>,
    name: &str,
    mut value: impl FnMut(&DataRef<'_>) -> C,
) -> Result<Vec<(u32, u32, C)>, String> {
    let mut cells: Vec<(u32, u32, C)> = Vec::new();
    let mut push = |cells: &mut Vec<(u32, u32, C)>, pos: (u32, u32), v: &DataRef<'_>| -> Result<(), String> {
        if keep(pos, v)? {
            too_many(cells.len())?;
            cells.push((pos.0, pos.1, value(v)));
        }
        Ok(())
    };
    match book {
        Sheets::Xlsx(x) => {
            let mut reader = x.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
            // The claimed size only sizes the first allocation, and at most a million cells of it.
            cells.reserve((reader.dimensions().len() as usize).min(1 << 20));
            while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
                push(&mut cells, cell.get_position(), cell.get_value())?;
            }
        }
        Sheets::Xlsb(x) => {
            let mut reader = x.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
            while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
                push(&mut cells, cell.get_position(), cell.get_value())?;
            }
        }
        _ => {
            let range = book.worksheet_range(name).map_err(|e| e.to_string())?;
            for (r, c, v) in range.used_cells() {
                let pos = (r as u32, c as u32);
                let pos = match range.start() {
                    Some((r0, c0)) => (r0 + pos.0, c0 + pos.1),
                    None => pos,
                };
                push(&mut cells, pos, &data_ref(v))?;
            }
        }
    }
    Ok(cells)
}

/// A borrowed view of a whole-sheet reader's cell, so that every format passes the same checks.
fn data_ref(d: &Data) -> DataRef<'_> {
    match d {
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(dt) => DataRef::DateTime(*dt),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    }
}

/// Checks a zip package (.xlsx, .xlsb, .ods) before calamine opens it: no part may unpack to more
/// than [`MAX_PART_BYTES`], the shared strings to more than [`MAX_SHARED_STRINGS_BYTES`], and the
/// shared strings' claimed count must fit in their size. Bytes that are not a zip pass (calamine
/// then reports what they are).
///
/// # Errors
/// A sentence saying which part is too big.
pub(crate) fn check_package(bytes: &[u8]) -> Result<(), String> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    for i in 0..zip.len() {
        let Ok(mut entry) = zip.by_index(i) else { continue };
        let size = entry.size();
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        let is_strings = name.ends_with("sharedStrings.xml") || name.ends_with("sharedStrings.bin");
        let cap = if is_strings { MAX_SHARED_STRINGS_BYTES } else { MAX_PART_BYTES };
        if size > cap {
            return Err(format!(
                "its part «{name}» unpacks to {} MB, more than the {} MB a workbook part may take \
                 (a damaged file, or one built to exhaust memory)",
                size >> 20,
                cap >> 20
            ));
        }
        if name.ends_with("sharedStrings.xml") {
            // The `<sst>` element opens the part; junk pushed in front of it must not hide its
            // claimed count from this check (calamine would still find and trust it).
            let mut head = Vec::new();
            let _ = (&mut entry).take(SST_HEAD_BYTES).read_to_end(&mut head);
            if size > 0 && !String::from_utf8_lossy(&head).contains("<sst") {
                return Err(format!(
                    "its shared strings part «{name}» does not open with its <sst> element (a damaged file)"
                ));
            }
            if let Some(count) = claimed_count(&head)
                && count > size / 4 + 16
            {
                return Err(format!(
                    "it claims {count} shared strings in {size} bytes, which cannot be (a damaged file)"
                ));
            }
        }
    }
    Ok(())
}

/// How far into sharedStrings.xml its `<sst>` element must have started.
const SST_HEAD_BYTES: u64 = 1 << 20;

/// The `uniqueCount` attribute of the `<sst>` element at the top of sharedStrings.xml.
fn claimed_count(head: &[u8]) -> Option<u64> {
    let text = String::from_utf8_lossy(head);
    let sst = &text[text.find("<sst")?..];
    let sst = &sst[..sst.find('>').unwrap_or(sst.len())];
    // Only the unique count is reserved for (`count` counts the cells that use the strings).
    let attr = "uniqueCount=\"";
    let start = sst.find(attr)? + attr.len();
    let digits: String = sst[start..].chars().take_while(char::is_ascii_digit).collect();
    // More digits than u64 holds is a claim as absurd as any.
    Some(digits.parse::<u64>().unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn far_value_keeps_memory_small() {
        // A header, one data row, and a stray value at XFD1048576 (0-based 1048575, 16383).
        let cells = vec![
            (0, 0, Data::String("a".into())),
            (0, 1, Data::String("b".into())),
            (1, 0, Data::Int(1)),
            (1_048_575, 16_383, Data::Int(7)),
        ];
        let g = Grid::from_cells(cells, Data::Empty).unwrap();
        let rows: Vec<(u32, usize)> = g.rows().map(|(n, r)| (n, r.len())).collect();
        // Three used columns (A, B, XFD) → widths 2, 1 and 3.
        assert_eq!(rows, vec![(1, 2), (2, 1), (1_048_576, 3)]);
        assert_eq!(g.rows().last().unwrap().1[2], Data::Int(7));
    }

    #[test]
    fn a_text_repeated_down_a_sheet_is_kept_once() {
        let mut texts = Texts::default();
        let strings = ["Яндекс", "VK", "Яндекс"];
        let mut cells: Vec<(u32, u32, Value)> =
            strings.iter().enumerate().map(|(r, s)| (r as u32, 1, texts.value(&DataRef::SharedString(s)))).collect();
        cells.push((1, 3, texts.value(&DataRef::Float(2.5))));
        assert_eq!(texts.index.len(), 2);
        let sheet = SheetGrid { grid: Grid::from_cells(cells, Value::Empty).unwrap(), texts: texts.into_list() };
        let rows: Vec<(u32, Vec<CellRef<'_>>)> = sheet.rows().map(|(n, r)| (n, r.iter().collect())).collect();
        // Used columns B and D become 0 and 1; row 2 holds both, rows 1 and 3 only B.
        assert_eq!(
            rows,
            vec![
                (1, vec![CellRef::String("Яндекс")]),
                (2, vec![CellRef::String("VK"), CellRef::Float(2.5)]),
                (3, vec![CellRef::String("Яндекс")]),
            ]
        );
        let (_, first) = sheet.rows().next().unwrap();
        assert_eq!(first.get(5), CellRef::Empty);
        // Rows 1 and 3 share one copy of «Яндекс»; a number cell has no name.
        let (_, third) = sheet.rows().nth(2).unwrap();
        assert!(std::ptr::eq(first.name(0).unwrap().as_str(), third.name(0).unwrap().as_str()));
        assert_eq!(sheet.rows().nth(1).unwrap().1.name(1), None);
    }

    #[test]
    fn scattered_values_are_refused() {
        let cells: Vec<(u32, u32, Data)> = (0..3000u32).map(|i| (i * 300, i * 5, Data::Int(1))).collect();
        assert!(Grid::from_cells(cells, Data::Empty).unwrap_err().contains("scattered"));
    }

    #[test]
    fn names_cells_and_counts() {
        assert_eq!(cell_name((6, 1)), "B7");
        assert_eq!(cell_name((1_048_575, 16_383)), "XFD1048576");
        assert_eq!(
            claimed_count(br#"<?xml?><sst xmlns="x" count="5" uniqueCount="99999999999">"#),
            Some(99_999_999_999)
        );
        assert_eq!(claimed_count(b"<sst>"), None);
        let long = "я".repeat(MAX_CELL_CHARS + 1);
        assert!(keep((0, 0), &DataRef::SharedString(&long)).unwrap_err().contains("A1"));
        assert_eq!(keep((0, 0), &DataRef::Empty), Ok(false));
    }
}
