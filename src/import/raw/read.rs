//! Opening an export: CSV (encoding and separator sniffed) or a workbook (the first sheet that has
//! the export's required headers), then handing its data rows to a row reader.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use calamine::{Reader, SheetType};
use rayon::prelude::*;

use std::io::Read;

use encoding_rs::{Encoding, UTF_8};

use super::Progress;
use super::csv::{MAX_QUOTED_LINES, Records, SEPARATORS, decode, encoding_doubt, guess_separator};
use super::table::{
    ColumnMap, ExportKind, Gather, Header, NoHeader, Place, RowCells, RowReader, find_header, read_rows, screen,
};
use crate::import::grid::read_grid;
use crate::import::{ImportError, Problem, ProblemKind, open_book};

/// How many records from the top are looked at for the header (blank lines included).
const HEAD_ROWS: usize = 30;

/// The file's name as problems name it (without its folder).
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

fn is_csv_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["csv", "txt", "tsv", "tab"].iter().any(|x| e.eq_ignore_ascii_case(x)))
}

fn is_workbook_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["xlsx", "xlsm", "xlam", "xls", "xla", "xlsb", "ods"].iter().any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// How an export's header row was read: for the import dialog's column mapping.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnPreview {
    /// The sheet read (a workbook), as written.
    pub sheet: Option<String>,
    /// The header row's number (CSV line or Excel row), when one was found.
    pub header_row: Option<u32>,
    /// Every header as written, with the field it is read as (`None`: not read).
    pub columns: Vec<(String, Option<&'static str>)>,
    /// Required fields that no header gives (labels such as `phone (телефон)`); empty when the
    /// export can be read.
    pub missing: Vec<String>,
}

/// What one pass over an export gives: items, problems, and the header that was used.
type Pass<T> = (Vec<T>, Vec<Problem>, ColumnPreview);

/// Reads the export at `path` row by row with a row reader made by `make` (one per worker: a big
/// CSV file is read on both cores), returning the items and the problems (errors for unreadable
/// values and missing columns, notices for columns not used).
///
/// A file with an unknown extension is tried as a workbook, then as CSV text.
pub(crate) fn read_export<T: Send, F>(
    path: &Path,
    kind: ExportKind,
    map: &ColumnMap,
    progress: &Progress,
    make: impl Fn() -> F + Sync,
) -> Result<(Vec<T>, Vec<Problem>), ImportError>
where
    F: FnMut(&mut RowReader<'_, '_>) -> Option<T>,
{
    let (items, problems, preview) = pass(path, kind, map, usize::MAX, progress, make)?;
    let not_an_export =
        |reason: String| ImportError::NotAnExport { path: path.to_path_buf(), what: kind.label(), reason };
    if !preview.missing.is_empty() {
        let at = preview.header_row.map_or_else(String::new, |r| format!(" (the header row was taken to be row {r})"));
        return Err(not_an_export(format!(
            "no row near the top has the required {} {}{at}",
            if preview.missing.len() == 1 { "column" } else { "columns" },
            preview.missing.join(", ")
        )));
    }
    let errors: Vec<&Problem> = problems.iter().filter(|p| p.is_error()).collect();
    if items.is_empty()
        && let Some(first) = errors.first()
    {
        return Err(not_an_export(format!(
            "none of its rows could be read ({} {}, the first: {first})",
            errors.len(),
            if errors.len() == 1 { "error" } else { "errors" }
        )));
    }
    Ok((items, problems))
}

/// As [`read_export`], and whether the header row was found: an export without one failed as a
/// whole and must replace nothing.
pub(crate) fn read_export_found<T: Send, F>(
    path: &Path,
    kind: ExportKind,
    map: &ColumnMap,
    progress: &Progress,
    make: impl Fn() -> F + Sync,
) -> Result<(Vec<T>, Vec<Problem>, bool), ImportError>
where
    F: FnMut(&mut RowReader<'_, '_>) -> Option<T>,
{
    pass(path, kind, map, usize::MAX, progress, make).map(|(items, problems, preview)| {
        let found = preview.header_row.is_some() && preview.missing.is_empty();
        (items, problems, found)
    })
}

/// How the export's headers are read, without reading its rows.
///
/// # Errors
/// As reading the export.
pub fn preview_columns(path: &Path, kind: ExportKind, map: &ColumnMap) -> Result<ColumnPreview, ImportError> {
    pass(path, kind, map, 0, &Progress::default(), || |_: &mut RowReader<'_, '_>| None::<()>)
        .map(|(_, _, preview)| preview)
}

/// The first `limit` data rows of an export as text, for the import dialog's preview: one
/// `(field key, text)` per field the header gives, in the export's column order. Name columns are
/// never read, and phones come masked ([`mask_phone`](super::mask_phone)), so the preview can be
/// shown on screen without disclosing a patient.
///
/// # Errors
/// As reading the export.
pub fn preview_rows(
    path: &Path,
    kind: ExportKind,
    map: &ColumnMap,
    limit: usize,
) -> Result<Vec<Vec<(&'static str, String)>>, ImportError> {
    let keys: Vec<&'static str> = kind.columns().iter().map(|c| c.key).filter(|k| !ExportKind::is_private(k)).collect();
    let keys = &keys;
    pass(path, kind, map, limit, &Progress::default(), move || {
        move |r: &mut RowReader<'_, '_>| {
            let mut row = Vec::new();
            for k in keys.iter().copied().filter(|k| r.has(k)).collect::<Vec<_>>() {
                let text = r.text(k).unwrap_or_default();
                let text = match k {
                    // The normalised phone masked (`+7 903 ***-**-34` for `8 903 …`), else the text masked.
                    k if ExportKind::is_phone(k) && !text.is_empty() => {
                        let phone = super::Phone::parse(&text);
                        if phone.is_identity() { phone.masked() } else { super::mask_phone(&text) }
                    }
                    _ => screen(k, &text),
                };
                row.push((k, text));
            }
            Some(row)
        }
    })
    .map(|(rows, _, _)| rows)
}

fn preview_of(sheet: Option<&str>, header: &Header) -> ColumnPreview {
    ColumnPreview {
        sheet: sheet.map(str::to_string),
        header_row: Some(header.row),
        // Headers as shown in the dialog; a data row taken for the header shows no patient.
        columns: header.texts.iter().map(|(t, k)| (screen("", t), *k)).collect(),
        missing: Vec::new(),
    }
}

fn preview_missing(sheet: Option<&str>, miss: &NoHeader) -> ColumnPreview {
    ColumnPreview {
        sheet: sheet.map(str::to_string),
        header_row: miss.row,
        columns: Vec::new(),
        missing: miss.missing.clone(),
    }
}

fn pass<T: Send, F>(
    path: &Path,
    kind: ExportKind,
    map: &ColumnMap,
    limit: usize,
    progress: &Progress,
    make: impl Fn() -> F + Sync,
) -> Result<Pass<T>, ImportError>
where
    F: FnMut(&mut RowReader<'_, '_>) -> Option<T>,
{
    let open = |source| ImportError::Open { path: path.to_path_buf(), source };
    let file = file_name(path);
    let encoding = |bytes: &[u8]| match encoding_doubt(bytes) {
        Some(doubt) => Err(ImportError::Encoding { path: path.to_path_buf(), reason: doubt.explain() }),
        None => Ok(()),
    };
    if is_csv_name(path) {
        // UTF-8 text is read chunk by chunk (a 100 MB export is never held whole); any other
        // encoding, or a chunk that is not UTF-8 after all, is read again as a whole.
        let f = std::fs::File::open(path).map_err(open)?;
        let size = f.metadata().map_or(0, |m| m.len());
        if let Some(found) = read_csv_stream(&file, (f, size), kind, map, limit, progress, &make).map_err(open)? {
            return Ok(found);
        }
        let mut read = make();
        let bytes = std::fs::read(path).map_err(open)?;
        progress.read(bytes.len());
        if bytes.is_empty() {
            return Err(ImportError::Empty { path: path.to_path_buf() });
        }
        encoding(&bytes)?;
        return Ok(read_csv(&file, &bytes, kind, map, limit, &mut read));
    }
    let bytes = std::fs::read(path).map_err(open)?;
    progress.read(bytes.len());
    if bytes.is_empty() {
        return Err(ImportError::Empty { path: path.to_path_buf() });
    }
    let unreadable = |reason: String| ImportError::Unreadable { path: path.to_path_buf(), reason };
    let mut read = make();
    let attempt =
        catch_unwind(AssertUnwindSafe(|| read_workbook(path, &file, bytes.clone(), kind, map, limit, &mut read)));
    match attempt {
        Ok(Ok(found)) => Ok(found),
        Ok(Err(reason)) if is_workbook_name(path) => Err(unreadable(reason)),
        Err(_) if is_workbook_name(path) => Err(unreadable("the workbook's contents are malformed".to_string())),
        _ => {
            encoding(&bytes)?;
            Ok(read_csv(&file, &bytes, kind, map, limit, &mut read))
        }
    }
}

fn read_csv<T>(
    file: &str,
    bytes: &[u8],
    kind: ExportKind,
    map: &ColumnMap,
    limit: usize,
    read: &mut impl FnMut(&mut RowReader<'_, '_>) -> Option<T>,
) -> Pass<T> {
    let text = decode(bytes);
    let text = text.as_ref();
    let place = Place { file, sheet: None };
    let (sep, header) = match csv_header(text, false, kind, map) {
        Ok(found) => found,
        Err(miss) => return (Vec::new(), place.missing(kind, &miss), preview_missing(None, &miss)),
    };
    let mut problems = place.header_notices(&header);
    let mut records = Records::new(text, sep);
    let rows = records.by_ref().skip(header.index + 1).take(limit).map(|(l, f)| (l, RowCells::Text(f)));
    let items = read_rows(&place, &header, rows, false, &mut problems, read);
    broken_quotes(&place, records.broken(), &mut problems);
    (items, problems, preview_of(None, &header))
}

/// The separator under which a record near the top of `text` reads as the export's header, and
/// that header; or the header that came closest under the separator the first line suggests.
/// `more`: `text` is the first chunk of a longer file.
fn csv_header(text: &str, more: bool, kind: ExportKind, map: &ColumnMap) -> Result<(u8, Header), NoHeader> {
    let mut first_miss: Option<NoHeader> = None;
    for sep in SEPARATORS {
        let head: Vec<(u32, RowCells<'_>)> =
            Records::chunk(text, sep, 1, more).take(HEAD_ROWS).map(|(l, f)| (l, RowCells::Text(f))).collect();
        match find_header(kind, map, &head) {
            Ok(h) => return Ok((sep, h)),
            Err(miss) if sep == guess_separator(text) => first_miss = Some(miss),
            Err(_) => {}
        }
    }
    Err(first_miss.unwrap_or(NoHeader { row: None, matched: 0, missing: Vec::new() }))
}

/// One error per record left out because a quote in it was never closed.
fn broken_quotes(place: &Place<'_>, lines: &[u32], problems: &mut Vec<Problem>) {
    for line in lines {
        problems.push(place.problem(true, ProblemKind::UnclosedQuote(MAX_QUOTED_LINES)).at_row(*line));
    }
}

/// How much of a CSV file is read at a time: big enough that the header and the first rows are
/// in the first chunk, small enough that a 100 MB export never sits in memory.
const CHUNK: usize = 1 << 20;

/// Reads more of `source` onto the end of `buf` (up to [`CHUNK`] bytes, counted in `progress`);
/// whether the file ended.
fn fill(source: &mut impl Read, buf: &mut Vec<u8>, progress: &Progress) -> std::io::Result<bool> {
    let start = buf.len();
    // Read into the spare room as it is (`read_to_end` does not zero it first).
    buf.reserve(CHUNK);
    let got = match source.take(CHUNK as u64).read_to_end(buf) {
        Ok(got) => got,
        Err(e) => {
            buf.truncate(start);
            return Err(e);
        }
    };
    progress.read(got);
    Ok(got < CHUNK)
}

/// How many chunks are read before they are parsed together on the cores: enough to keep both
/// busy, few enough that the file never sits in memory (two batches, 8 MB, at a time: one parsed
/// while the next is read).
const BATCH: usize = 8;

/// A CSV file's text in chunks, each cut after a line break (the last one at the file's end).
struct Chunks<'p, R> {
    source: R,
    progress: &'p Progress,
    /// Bytes read and not yet given out; the first `scanned` of them hold no line break.
    buf: Vec<u8>,
    scanned: usize,
    eof: bool,
    /// Buffers of chunks already parsed, for the chunks to come: a fresh megabyte per chunk would
    /// be handed back to the system and faulted in again, page by page, a hundred times per file.
    spare: Vec<Vec<u8>>,
}

impl<R: Read> Chunks<'_, R> {
    /// The next chunk and whether it is the file's last; `None` at the end.
    fn next(&mut self) -> std::io::Result<Option<(Vec<u8>, bool)>> {
        loop {
            if self.eof {
                return Ok((!self.buf.is_empty()).then(|| (std::mem::take(&mut self.buf), true)));
            }
            if let Some(i) = self.buf[self.scanned..].iter().rposition(|b| *b == b'\n') {
                let end = self.scanned + i + 1;
                let mut rest = self.spare.pop().unwrap_or_default();
                rest.extend_from_slice(&self.buf[end..]);
                self.buf.truncate(end);
                self.scanned = rest.len();
                return Ok(Some((std::mem::replace(&mut self.buf, rest), false)));
            }
            self.scanned = self.buf.len();
            self.eof = fill(&mut self.source, &mut self.buf, self.progress)?;
        }
    }

    /// Up to `n` next chunks, each with whether it is the file's last.
    fn batch(&mut self, n: usize) -> std::io::Result<Vec<(Vec<u8>, bool)>> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let Some((bytes, last)) = self.next()? else { break };
            out.push((bytes, last));
            if last {
                break;
            }
        }
        Ok(out)
    }

    /// Takes back a parsed chunk's buffer for a chunk to come (a batch's worth are kept).
    fn give_back(&mut self, mut bytes: Vec<u8>) {
        if self.spare.len() <= BATCH {
            bytes.clear();
            self.spare.push(bytes);
        }
    }
}

/// One chunk to parse: its bytes, the line its first record is taken to start on, its line
/// breaks, and whether it ends the file.
struct Chunk {
    bytes: Vec<u8>,
    line: u32,
    lines: u32,
    last: bool,
}

impl Chunk {
    /// Room for the chunk's items (a record per line at most), in an emptied room of an earlier
    /// chunk when there is one. It is made by the thread that reads the file, which also keeps it:
    /// the workers' own allocator arenas then never hold a chunk's worth of items each, which
    /// would add tens of MB to the peak for nothing.
    fn room<T>(&self, spare: &mut Vec<Vec<T>>) -> Vec<T> {
        let mut room = spare.pop().unwrap_or_default();
        room.reserve(self.lines as usize + 1);
        room
    }
}

/// The line breaks in `bytes` as [`Records`] counts them (`\r\n`, `\n` or a lone `\r`), so that
/// the next chunk's first line is known before this one is parsed. It runs on the reading thread
/// before a batch's chunks go to the cores: the bytes are counted with SIMD, not one by one.
fn count_lines(bytes: &[u8]) -> u32 {
    let n = memchr::memchr_iter(b'\n', bytes).count();
    let lone_cr = memchr::memchr_iter(b'\r', bytes).filter(|&i| bytes.get(i + 1) != Some(&b'\n')).count();
    u32::try_from(n + lone_cr).unwrap_or(u32::MAX)
}

/// What one chunk gives when its records are read.
struct Piece<T> {
    gather: Gather<T>,
    problems: Vec<Problem>,
    broken: Vec<u32>,
    /// Where reading goes on: the chunk's end and the line after it, or the record that ran past it.
    rest: (usize, u32),
    /// Records taken toward the limit.
    taken: usize,
}

/// Where in the file a chunk's records are read, and how: the same for every chunk of a file.
struct Layout<'h> {
    place: Place<'h>,
    header: &'h Header,
    sep: u8,
}

/// Reads the records of `chunk` (the first `skip` are the header and what is above it; at most
/// `limit` are taken); `None` when the chunk is not UTF-8.
fn parse_chunk<T, F>(
    layout: &Layout<'_>,
    chunk: &Chunk,
    items: Vec<T>,
    skip: usize,
    limit: usize,
    read: &mut F,
) -> Option<Piece<T>>
where
    F: FnMut(&mut RowReader<'_, '_>) -> Option<T>,
{
    let text = simdutf8::basic::from_utf8(&chunk.bytes).ok()?;
    let mut records = Records::chunk(text, layout.sep, chunk.line, !chunk.last);
    let mut gather = Gather::default();
    gather.items = items;
    let mut problems = Vec::new();
    // One vector of fields for every record of the chunk, lent to each row in turn.
    let mut fields = Vec::with_capacity(layout.header.texts.len().max(8));
    let mut left = limit;
    for _ in 0..skip {
        if records.next_into(&mut fields).is_none() {
            break;
        }
    }
    while left > 0 {
        let Some(line) = records.next_into(&mut fields) else { break };
        left -= 1;
        let cells = RowCells::Text(std::mem::take(&mut fields));
        gather.row(&layout.place, layout.header, line, &cells, false, &mut problems, read);
        if let RowCells::Text(lent) = cells {
            fields = lent;
        }
    }
    Some(Piece { gather, problems, broken: records.broken().to_vec(), rest: records.rest(), taken: limit - left })
}

/// Reads a UTF-8 CSV export chunk by chunk, as [`read_csv`] reads it whole. `Ok(None)` when the
/// file is not plain UTF-8 (a byte-order mark of UTF-16, a zero byte near the top, or bytes that
/// are not UTF-8 anywhere): it is then read whole, where the encoding is told or refused.
///
/// `size` is the file's length (0 when unknown), for the room of its items. The chunks of a batch
/// are parsed on both cores (`make` gives each worker its row reader) while the next batch is read
/// from the file, each chunk from the line its first record would start on if no record ran past the chunk before it. That
/// guess is then checked in file order: where a quoted field did run past a chunk, or line breaks
/// were counted otherwise, the chunk is read again from the true start, so records, line numbers
/// and problems are always those of reading the file whole, in file order.
#[allow(clippy::too_many_arguments)] // `pass`'s arguments, split out of it
fn read_csv_stream<T, F>(
    file: &str,
    (source, size): (impl Read + Send, u64),
    kind: ExportKind,
    map: &ColumnMap,
    limit: usize,
    progress: &Progress,
    make: &(impl Fn() -> F + Sync),
) -> std::io::Result<Option<Pass<T>>>
where
    T: Send,
    F: FnMut(&mut RowReader<'_, '_>) -> Option<T>,
{
    let mut chunks =
        Chunks { source, progress, buf: Vec::with_capacity(2 * CHUNK), scanned: 0, eof: false, spare: Vec::new() };
    chunks.eof = fill(&mut chunks.source, &mut chunks.buf, progress)?;
    let bom = match Encoding::for_bom(&chunks.buf) {
        None => 0,
        Some((encoding, bom)) if encoding == UTF_8 => bom,
        Some(_) => return Ok(None),
    };
    if chunks.buf.is_empty() || chunks.buf[..chunks.buf.len().min(64 * 1024)].contains(&0) {
        return Ok(None);
    }
    chunks.buf.drain(..bom);
    let place = Place { file, sheet: None };
    // The header is looked for in the first chunk (with a whole line at least).
    let Some((head, last)) = chunks.next()? else { return Ok(None) };
    let Ok(head_text) = simdutf8::basic::from_utf8(&head) else { return Ok(None) };
    let (sep, header) = match csv_header(head_text, !last, kind, map) {
        Ok(found) => found,
        Err(miss) => return Ok(Some((Vec::new(), place.missing(kind, &miss), preview_missing(None, &miss)))),
    };
    let problems = place.header_notices(&header);
    let layout = Layout { place, header: &header, sep };
    let mut done = Assembly {
        gather: Gather::default(),
        problems,
        broken: Vec::new(),
        rooms: Vec::new(),
        left: limit,
        line: 1,
        carry: Vec::new(),
        size: if limit == usize::MAX { size } else { 0 },
    };
    // A preview reads a few rows: one chunk at a time, each taken before the next is parsed, so
    // that reading stops as soon as it has them. A whole file is read in batches, each parsed
    // while the batch before it is taken (in file order) and the batch after it is read.
    let pipelined = limit == usize::MAX;
    let batch = if pipelined { BATCH } else { 1 };
    let mut skip = header.index + 1;
    let mut raw = vec![(head, last)];
    if !last {
        raw.append(&mut chunks.batch(batch - 1)?);
    }
    let mut at = 1;
    let mut parsed: Option<Parsed<T>> = None;
    while !raw.is_empty() || parsed.is_some() {
        // Each chunk from the line it starts on if no record ran past the chunk before it.
        let batch_chunks: Vec<Chunk> = raw
            .drain(..)
            .map(|(bytes, last)| {
                let lines = count_lines(&bytes);
                let chunk = Chunk { bytes, line: at, lines, last };
                at = at.saturating_add(lines);
                chunk
            })
            .collect();
        let ended = batch_chunks.last().is_none_or(|c| c.last);
        let skip_first = std::mem::take(&mut skip);
        let batch_rooms: Vec<Vec<T>> = batch_chunks.iter().map(|c| c.room(&mut done.rooms)).collect();
        let left = done.left;
        let (pieces, (taken, next)) = rayon::join(
            || {
                batch_chunks
                    .par_iter()
                    .zip(batch_rooms)
                    .enumerate()
                    .map_init(make, |read, (i, (chunk, room))| {
                        parse_chunk(&layout, chunk, room, if i == 0 { skip_first } else { 0 }, left, read)
                    })
                    .collect::<Vec<_>>()
            },
            || {
                let taken = parsed.take().map(|(cs, ps)| done.take(&layout, cs, ps, &mut chunks, make));
                let next = if ended || !pipelined { Ok(Vec::new()) } else { chunks.batch(batch) };
                (taken, next)
            },
        );
        match taken {
            Some(None) => return Ok(None),
            Some(Some(false)) | None => {}
            Some(Some(true)) => break,
        }
        if pipelined {
            parsed = (!batch_chunks.is_empty()).then_some((batch_chunks, pieces));
            raw = next?;
        } else {
            match done.take(&layout, batch_chunks, pieces, &mut chunks, make) {
                None => return Ok(None),
                Some(true) => break,
                Some(false) if ended => break,
                Some(false) => raw = chunks.batch(batch)?,
            }
        }
    }
    let Assembly { gather, mut problems, broken, .. } = done;
    let items = gather.finish(&layout.place, &mut problems);
    broken_quotes(&layout.place, &broken, &mut problems);
    Ok(Some((items, problems, preview_of(None, &header))))
}

/// A batch of chunks and what parsing each gave (`None`: not UTF-8), not yet taken.
type Parsed<T> = (Vec<Chunk>, Vec<Option<Piece<T>>>);

/// What has been read of a CSV export streamed in chunks, taken piece by piece in file order.
struct Assembly<T> {
    gather: Gather<T>,
    problems: Vec<Problem>,
    broken: Vec<u32>,
    /// Emptied rooms of parsed chunks, for the chunks to come.
    rooms: Vec<Vec<T>>,
    /// Records still to take toward the limit.
    left: usize,
    /// The line the next record starts on.
    line: u32,
    /// The start of a record that ran past the last chunk taken, to be read again with the next.
    carry: Vec<u8>,
    /// The file's length, for the room of its items (0: unknown, or a preview).
    size: u64,
}

impl<T> Assembly<T> {
    /// Takes a batch of parsed chunks, in file order: a chunk that did not start where its guess
    /// said (a record ran past the chunk before it) is read again from the true start. Gives the
    /// chunks' buffers back to `chunks`. `None` when a chunk is not UTF-8; `Some(true)` when the
    /// limit is reached.
    fn take<R: Read, F>(
        &mut self,
        layout: &Layout<'_>,
        batch: Vec<Chunk>,
        pieces: Vec<Option<Piece<T>>>,
        chunks: &mut Chunks<'_, R>,
        make: &impl Fn() -> F,
    ) -> Option<bool>
    where
        F: FnMut(&mut RowReader<'_, '_>) -> Option<T>,
    {
        for (chunk, piece) in batch.into_iter().zip(pieces) {
            let (chunk, piece) = if chunk.line == self.line && self.carry.is_empty() {
                (chunk, piece)
            } else {
                self.carry.extend_from_slice(&chunk.bytes);
                chunks.give_back(chunk.bytes);
                let bytes = std::mem::take(&mut self.carry);
                let chunk = Chunk { lines: count_lines(&bytes), bytes, line: self.line, last: chunk.last };
                let piece = parse_chunk(layout, &chunk, chunk.room(&mut self.rooms), 0, self.left, &mut make());
                (chunk, piece)
            };
            let piece = piece?;
            self.problems.extend(piece.problems);
            if self.gather.items.is_empty() && self.size > 0 {
                // Room for the whole file's items at once, from the first chunk's rows per byte (a
                // guess: room never written is never given memory), so that they are not copied
                // again each time the vector grows. Room that cannot be had is not asked for: the
                // vector then grows as it fills.
                let rows =
                    (piece.gather.items.len() as u64).saturating_mul(self.size) / chunk.bytes.len().max(1) as u64;
                let _ = self.gather.items.try_reserve(usize::try_from(rows.saturating_add(rows / 8)).unwrap_or(0));
            }
            self.rooms.push(self.gather.absorb(piece.gather));
            self.broken.extend(piece.broken);
            self.left -= piece.taken;
            let (rest, next_line) = piece.rest;
            self.line = next_line;
            self.carry = chunk.bytes[rest..].to_vec();
            chunks.give_back(chunk.bytes);
            if self.left == 0 {
                return Some(true);
            }
        }
        Some(false)
    }
}

fn read_workbook<T>(
    path: &Path,
    file: &str,
    bytes: Vec<u8>,
    kind: ExportKind,
    map: &ColumnMap,
    limit: usize,
    read: &mut impl FnMut(&mut RowReader<'_, '_>) -> Option<T>,
) -> Result<Pass<T>, String> {
    let mut book = open_book(path, bytes)?;
    let is_1904 = match &book {
        calamine::Sheets::Xlsx(x) => x.has_1904_epoch(),
        calamine::Sheets::Xls(x) => x.has_1904_epoch(),
        calamine::Sheets::Xlsb(x) => x.has_1904_epoch(),
        calamine::Sheets::Ods(_) => false,
    };
    let names: Vec<String> =
        book.sheets_metadata().iter().filter(|s| s.typ == SheetType::WorkSheet).map(|s| s.name.clone()).collect();
    // The sheet to blame when none has the headers: the one that came closest.
    let mut best: Option<(String, NoHeader)> = None;
    for name in names {
        let grid = read_grid(&mut book, &name).map_err(|e| format!("sheet «{name}»: {e}"))?;
        let numbered = || grid.rows().map(|(n, r)| (n, RowCells::Cells(r)));
        let head: Vec<(u32, RowCells<'_>)> = numbered().take(HEAD_ROWS).collect();
        match find_header(kind, map, &head) {
            Ok(header) => {
                let place = Place { file, sheet: Some(&name) };
                let mut problems = place.header_notices(&header);
                let rows = numbered().skip(header.index + 1).take(limit);
                let items = read_rows(&place, &header, rows, is_1904, &mut problems, read);
                return Ok((items, problems, preview_of(Some(&name), &header)));
            }
            Err(miss) => {
                if best.as_ref().is_none_or(|(_, b)| miss.matched > b.matched) {
                    best = Some((name.clone(), miss));
                }
            }
        }
    }
    Ok(match &best {
        Some((sheet, miss)) => {
            (Vec::new(), Place { file, sheet: Some(sheet) }.missing(kind, miss), preview_missing(Some(sheet), miss))
        }
        None => {
            let miss = NoHeader { row: None, matched: 0, missing: kind_missing_all(kind) };
            (Vec::new(), Place { file, sheet: None }.missing(kind, &miss), preview_missing(None, &miss))
        }
    })
}

fn kind_missing_all(kind: ExportKind) -> Vec<String> {
    match find_header(kind, &ColumnMap::new(), &[]) {
        Ok(_) => Vec::new(),
        Err(miss) => miss.missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the test reads of a visit row: enough to see every kind of cell and problem.
    type Row = (Option<chrono::NaiveDate>, Option<String>, Option<f64>);

    fn read_row(r: &mut RowReader<'_, '_>) -> Option<Row> {
        Some((r.day("date"), r.text("doctor"), r.number("amount")))
    }

    #[test]
    fn line_breaks_are_counted_as_the_splitter_counts_them() {
        // `\r\n` once, a lone `\r` once, `\n` once, `\n` inside quotes once: 1 + 1 + 1 + 1 = 4.
        assert_eq!(count_lines(b"a;b\r\nc\rd\n\"e\nf\""), 4);
        assert_eq!(count_lines(b"a\r\n\r\n\r"), 3);
        assert_eq!(count_lines(b""), 0);
    }

    #[test]
    fn chunked_reading_gives_what_whole_reading_gives() {
        // More than a batch of chunks' worth of rows, with quoted line breaks (some straddle a
        // chunk's end), bad days, totals rows, quotes left open and lone carriage returns.
        let mut text = String::from("Отчёт за период\nДата приёма;Телефон;Врач;Сумма\n");
        let mut i = 0u32;
        while text.len() < (BATCH + 1) * CHUNK + CHUNK / 2 {
            let doctor = match i % 7 {
                0 => format!("\"Врач {i}\nвторая строка\n\"\"кавычки\"\"\""),
                3 if i.is_multiple_of(11) => format!("\"Врач {i}\rвторая строка\""),
                _ => format!("Врач {}", i % 30),
            };
            let day =
                if i.is_multiple_of(501) { "32.01.2025".to_string() } else { format!("{:02}.03.2025", i % 28 + 1) };
            match i % 4001 {
                1000 => text.push_str("Итого;;;1 000 000,00 ₽\n"),
                2000 => text.push_str(&format!("{day};+7 916 000-00-00;\"open;1 000,00\n")),
                _ => text.push_str(&format!("{day};+7 916 {i:03}-00-00;{doctor};{} ₽\n", i % 5000)),
            }
            i += 1;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("visits.csv");
        std::fs::write(&path, &text).unwrap();
        let map = ColumnMap::new();
        let progress = Progress::default();
        progress.set_total(u64::MAX);
        let streamed = pass(&path, ExportKind::Visits, &map, usize::MAX, &progress, || read_row).unwrap();
        let whole = read_csv("visits.csv", text.as_bytes(), ExportKind::Visits, &map, usize::MAX, &mut read_row);
        assert!(streamed.0.len() > 30_000, "{}", streamed.0.len());
        assert!(streamed.1.iter().filter(|p| p.is_error()).count() > 10);
        assert_eq!(streamed, whole);
        assert_eq!(progress.bytes().0, text.len() as u64);
        // A preview stops early: three rows after the header, the first of them a bad day.
        let first = pass(&path, ExportKind::Visits, &map, 3, &Progress::default(), || read_row).unwrap();
        assert_eq!(first.0, whole.0[..2].to_vec());
    }
}
