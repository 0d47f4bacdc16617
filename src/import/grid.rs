//! A worksheet read as a stream of cells into rows that hold only the data actually present.
//!
//! A sheet's claimed size means nothing: one value in `XFD1048576` makes a dense range of 17
//! billion cells. So cells are streamed (calamine's cell readers for .xlsx and .xlsb), blank cells
//! are dropped, only the rows that have a value are kept, and columns are renumbered over the
//! columns that have a value anywhere, which keeps a header and its data aligned. Memory is bound
//! by the data, and the limits below turn a hostile or damaged file into an error, never an abort.
//!
//! Before calamine opens an .xlsx, [`check_package`] reads the zip's directory: the zip reader
//! never unpacks more than an entry's declared size, so capping the declared sizes (and the shared
//! strings' claimed count, which calamine reserves memory for) bounds what opening can allocate.

use std::io::{Cursor, Read};

use calamine::{Data, DataRef, Reader, Sheets};

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
/// used columns (renumbered from 0), with no trailing blanks.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Grid {
    rows: Vec<(u32, Vec<Data>)>,
}

impl Grid {
    /// The rows that have a value, in order, each with its Excel row number.
    pub fn rows(&self) -> impl Iterator<Item = (u32, &[Data])> + Clone {
        self.rows.iter().map(|(n, cells)| (*n, cells.as_slice()))
    }

    /// Whether the sheet has no value at all.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Builds the grid from cells at absolute 0-based `(row, column)` positions, in any order.
    ///
    /// # Errors
    /// The values are spread so thinly over rows and columns that laying them out would take far
    /// more memory than they hold (a diagonal of values, say).
    fn from_cells(mut cells: Vec<(u32, u32, Data)>) -> Result<Grid, String> {
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
        let mut widths: Vec<usize> = Vec::new();
        let mut last_row: Option<u32> = None;
        for (r, c, _) in &cells {
            let width = index(*c) + 1;
            match widths.last_mut() {
                Some(w) if last_row == Some(*r) => *w = (*w).max(width),
                _ => {
                    widths.push(width);
                    last_row = Some(*r);
                }
            }
        }
        let laid_out: usize = widths.iter().sum();
        if laid_out > cells.len().saturating_mul(8).saturating_add(1 << 20) {
            return Err(format!(
                "its {} values are scattered over {} rows and {} columns, too thinly to be a table",
                cells.len(),
                cells.iter().map(|(r, ..)| *r).collect::<std::collections::BTreeSet<_>>().len(),
                columns.len()
            ));
        }
        let mut rows: Vec<(u32, Vec<Data>)> = Vec::with_capacity(widths.len());
        for (r, c, value) in cells {
            let n = r.saturating_add(1);
            if rows.last().is_none_or(|(last, _)| *last != n) {
                // Each row's vector is allocated once, at its laid-out width.
                rows.push((n, Vec::with_capacity(widths.get(rows.len()).copied().unwrap_or(0))));
            }
            if let Some((_, row)) = rows.last_mut() {
                let i = index(c);
                if row.len() <= i {
                    row.resize(i + 1, Data::Empty);
                }
                row[i] = value;
            }
        }
        Ok(Grid { rows })
    }
}

/// One value read from a cell reader: `None` for a blank cell; an error naming the cell when the
/// text is longer than a cell can hold.
fn keep(pos: (u32, u32), value: &DataRef<'_>) -> Result<Option<Data>, String> {
    let text = match value {
        DataRef::Empty => return Ok(None),
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
    Ok(Some(Data::from(value.clone())))
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

/// Reads one sheet's values. `.xlsx` and `.xlsb` are streamed; `.xls` and `.ods` come whole from
/// calamine (their readers have no stream) and are trimmed to their values the same way.
///
/// # Errors
/// The sheet cannot be read (calamine's reason), a text is longer than a cell can hold, there are
/// too many values, or they are too scattered (see [`Grid::from_cells`]).
pub(crate) fn read_grid(book: &mut Sheets<Cursor<Vec<u8>>>, name: &str) -> Result<Grid, String> {
    let mut cells: Vec<(u32, u32, Data)> = Vec::new();
    match book {
        Sheets::Xlsx(x) => {
            let mut reader = x.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
            // The claimed size only sizes the first allocation, and at most a million cells of it.
            cells.reserve((reader.dimensions().len() as usize).min(1 << 20));
            while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
                let pos = cell.get_position();
                if let Some(v) = keep(pos, cell.get_value())? {
                    too_many(cells.len())?;
                    cells.push((pos.0, pos.1, v));
                }
            }
        }
        Sheets::Xlsb(x) => {
            let mut reader = x.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
            while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
                let pos = cell.get_position();
                if let Some(v) = keep(pos, cell.get_value())? {
                    too_many(cells.len())?;
                    cells.push((pos.0, pos.1, v));
                }
            }
        }
        _ => {
            let range = book.worksheet_range(name).map_err(|e| e.to_string())?;
            for (r, c, v) in range.used_cells() {
                let pos = (r as u32, c as u32);
                let (pos, v) = match range.start() {
                    Some((r0, c0)) => ((r0 + pos.0, c0 + pos.1), v),
                    None => (pos, v),
                };
                if let Some(v) = keep(pos, &data_ref(v))? {
                    too_many(cells.len())?;
                    cells.push((pos.0, pos.1, v));
                }
            }
        }
    }
    Grid::from_cells(cells)
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
        let g = Grid::from_cells(cells).unwrap();
        let rows: Vec<(u32, usize)> = g.rows().map(|(n, r)| (n, r.len())).collect();
        // Three used columns (A, B, XFD) → widths 2, 1 and 3.
        assert_eq!(rows, vec![(1, 2), (2, 1), (1_048_576, 3)]);
        assert_eq!(g.rows().last().unwrap().1[2], Data::Int(7));
    }

    #[test]
    fn scattered_values_are_refused() {
        let cells: Vec<(u32, u32, Data)> = (0..3000u32).map(|i| (i * 300, i * 5, Data::Int(1))).collect();
        assert!(Grid::from_cells(cells).unwrap_err().contains("scattered"));
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
    }
}
