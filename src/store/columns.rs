//! The lists that can hold millions of rows — patient visits, and the Funnel and Revenue sheets of
//! a chain — packed column-wise: a list is cut into chunks ([`Chunked::CHUNK`] rows) and each chunk
//! is stored as one row of the file whose cells are whole columns (packed arrays in BLOBs). A
//! million visits are then 16 rows of a few BLOBs, read in tens of milliseconds, where a million SQL
//! rows took a second; an edit rewrites only the chunks holding the rows it changed.
//!
//! Encodings (little-endian throughout):
//! - dates: `i32` days from the common era per row; months: `i32` year × 12 + month − 1 per row;
//! - amounts: `f64` per row; optional numbers: a presence bitmap (bit `i % 8` of byte `i / 8`),
//!   then an `f64` per row (0 where absent); flags: a byte per row, 0 or 1;
//! - patients: per row a tag byte — 0 none, 1 a SHA-256 key as its 32 bytes (half its hex text),
//!   2 any other key as `u32` length + UTF-8;
//! - names (channel, direction, doctor, branch): the chunk's distinct names (`u32` count, then each
//!   as `u32` length + UTF-8), then per row a `u32`: 0 none, `k` the k-th name. Names repeat a lot
//!   (a few directions, tens of doctors and channels), so each is stored once per chunk.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;

use crate::model::{FunnelRow, Interner, Month, Name, RevenueRow, VisitRecord};

/// Visits per stored chunk: big enough that a million visits are a handful of rows, small enough
/// that an edit rewrites a few megabytes (visits are replaced by an import, not edited by hand).
pub const CHUNK: usize = 1 << 16;

/// Funnel and Revenue rows per stored chunk. A cell edit rewrites its row's chunk: a Funnel chunk of
/// 65,536 rows is 4 MB and took 22.7 ms to write into a chain's file (the budget is 10 ms); one of
/// 4,096 rows is 260 KB. Ten million rows are still only 2,442 chunks, so reading them costs no more.
pub const SHEET_CHUNK: usize = 1 << 12;

/// One chunk's columns, as stored: owned when packed, borrowed from the file when read.
#[derive(Debug, Default, PartialEq)]
pub struct Packed<B = Vec<u8>> {
    /// How many visits.
    pub rows: usize,
    /// `i32` days per visit.
    pub date: B,
    /// Tagged patient keys.
    pub patient: B,
    /// Directions (names column).
    pub direction: B,
    /// Doctors (names column).
    pub doctor: B,
    /// `f64` amounts.
    pub amount: B,
    /// Branches (names column).
    pub branch: B,
}

/// Packs a chunk of visits.
pub fn pack(visits: &[VisitRecord]) -> Packed {
    let n = visits.len();
    let mut date = Vec::with_capacity(n * 4);
    let mut amount = Vec::with_capacity(n * 8);
    let mut patient = Vec::with_capacity(n * 33);
    for v in visits {
        date.extend_from_slice(&v.date.num_days_from_ce().to_le_bytes());
        amount.extend_from_slice(&v.amount.to_le_bytes());
        match v.patient.as_deref() {
            None => patient.push(0),
            Some(key) => match key_bytes(key) {
                Some(raw) => {
                    patient.push(1);
                    patient.extend_from_slice(&raw);
                }
                None => {
                    patient.push(2);
                    put_text(&mut patient, key);
                }
            },
        }
    }
    Packed {
        rows: n,
        date,
        patient,
        direction: pack_names(visits.iter().map(|v| v.direction.as_deref())),
        doctor: pack_names(visits.iter().map(|v| v.doctor.as_deref())),
        amount,
        branch: pack_names(visits.iter().map(|v| v.branch.as_deref())),
    }
}

/// Unpacks a chunk into `out`.
///
/// # Errors
/// A sentence naming the column when a BLOB is cut short or holds something else.
pub fn unpack<B: AsRef<[u8]>>(p: &Packed<B>, out: &mut Vec<VisitRecord>) -> Result<(), String> {
    let n = p.rows;
    let (date, amount) = (p.date.as_ref(), p.amount.as_ref());
    if date.len() != n * 4 || amount.len() != n * 8 {
        return Err(format!("the date or amount column does not hold {n} values"));
    }
    let directions = Names::read(p.direction.as_ref(), n).map_err(|e| format!("direction column: {e}"))?;
    let doctors = Names::read(p.doctor.as_ref(), n).map_err(|e| format!("doctor column: {e}"))?;
    let branches = Names::read(p.branch.as_ref(), n).map_err(|e| format!("branch column: {e}"))?;
    let mut keys = Reader(p.patient.as_ref());
    // A patient's key is kept once however many visits name it.
    let mut patients = Interner::with_capacity(n);
    out.reserve(n);
    for i in 0..n {
        let day = i32::from_le_bytes(date[i * 4..i * 4 + 4].try_into().map_err(|_| "date column")?);
        let date = NaiveDate::from_num_days_from_ce_opt(day).ok_or_else(|| format!("day {day} out of range"))?;
        let amount = f64::from_le_bytes(amount[i * 8..i * 8 + 8].try_into().map_err(|_| "amount column")?);
        let patient = match keys.take(1).map_err(|e| format!("patient column: {e}"))?[0] {
            0 => None,
            1 => Some(patients.get(&key_text(keys.take(32).map_err(|e| format!("patient column: {e}"))?))),
            2 => Some(patients.get(keys.text().map_err(|e| format!("patient column: {e}"))?)),
            t => return Err(format!("patient column: unknown tag {t}")),
        };
        out.push(VisitRecord {
            date,
            patient,
            direction: directions.get(i),
            doctor: doctors.get(i),
            amount,
            branch: branches.get(i),
        });
    }
    if !keys.0.is_empty() {
        return Err("patient column: bytes past the last visit".into());
    }
    Ok(())
}

/// A SHA-256 key's 32 bytes, when `key` is 64 lower-case hex digits (what the importer writes).
pub fn key_bytes(key: &str) -> Option<[u8; 32]> {
    let b = key.as_bytes();
    if b.len() != 64 || !b.iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    let nibble = |c: u8| if c <= b'9' { c - b'0' } else { c - b'a' + 10 };
    let mut out = [0u8; 32];
    for (o, pair) in out.iter_mut().zip(b.chunks_exact(2)) {
        *o = nibble(pair[0]) << 4 | nibble(pair[1]);
    }
    Some(out)
}

/// The hex text of a key's bytes.
pub fn key_text(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = Vec::with_capacity(bytes.len() * 2);
    for &x in bytes {
        hex.push(HEX[usize::from(x >> 4)]);
        hex.push(HEX[usize::from(x & 0x0f)]);
    }
    // Hex digits only: always UTF-8.
    String::from_utf8(hex).unwrap_or_default()
}

fn put_text(out: &mut Vec<u8>, s: &str) {
    // Texts longer than 4 GiB cannot reach here: a visit's fields are cells of an export.
    out.extend_from_slice(&u32::try_from(s.len()).unwrap_or(u32::MAX).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

fn pack_names<'a>(cells: impl ExactSizeIterator<Item = Option<&'a str>>) -> Vec<u8> {
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut names: Vec<&str> = Vec::new();
    let mut index = Vec::with_capacity(cells.len() * 4);
    let mut last: Option<(&str, u32)> = None;
    for c in cells {
        let id = match c {
            None => 0,
            // Rows of one doctor or direction often come together.
            Some(s) if last.is_some_and(|(l, _)| l == s) => last.map_or(0, |(_, i)| i),
            Some(s) => {
                let id = *ids.entry(s).or_insert_with(|| {
                    names.push(s);
                    names.len() as u32
                });
                last = Some((s, id));
                id
            }
        };
        index.extend_from_slice(&id.to_le_bytes());
    }
    let mut out = Vec::with_capacity(4 + names.iter().map(|s| 4 + s.len()).sum::<usize>() + index.len());
    out.extend_from_slice(&(names.len() as u32).to_le_bytes());
    for s in &names {
        put_text(&mut out, s);
    }
    out.extend_from_slice(&index);
    out
}

/// A names column read back: the distinct names and the per-row ids.
struct Names<'a> {
    names: Vec<Arc<str>>,
    ids: &'a [u8],
}

impl<'a> Names<'a> {
    fn read(bytes: &'a [u8], rows: usize) -> Result<Self, String> {
        let mut r = Reader(bytes);
        let count = r.u32()? as usize;
        // Each name takes at least its 4-byte length: a count past that is a broken BLOB, not a
        // reason to reserve gigabytes.
        if count > bytes.len() / 4 {
            return Err(format!("{count} names claimed in {} bytes", bytes.len()));
        }
        let mut names = Vec::with_capacity(count);
        for _ in 0..count {
            names.push(Arc::from(r.text()?));
        }
        if r.0.len() != rows * 4 {
            return Err(format!("{} bytes of ids for {rows} visits", r.0.len()));
        }
        let ids = r.0;
        if let Some(bad) =
            ids.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).find(|&i| i as usize > count)
        {
            return Err(format!("name {bad} of {count}"));
        }
        Ok(Self { names, ids })
    }

    fn get(&self, row: usize) -> Option<Arc<str>> {
        self.id(row).map(|k| Arc::clone(&self.names[k]))
    }

    /// The row's name, sharing the chunk's one copy.
    fn name(&self, row: usize) -> Option<Name> {
        self.get(row).map(Name::from)
    }

    /// The row's name as an owned `String` (rows of the smaller sheets own their texts).
    fn text(&self, row: usize) -> Option<String> {
        self.id(row).map(|k| self.names[k].to_string())
    }

    fn id(&self, row: usize) -> Option<usize> {
        let c = &self.ids[row * 4..row * 4 + 4];
        (u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize).checked_sub(1)
    }
}

/// A list stored in chunks of [`CHUNK`] rows, one packed column per field. The column names are the
/// model's serde field names (a store test pins them, so a new field cannot be dropped silently).
pub trait Chunked: Sized {
    /// The columns in the file, in the order [`Chunked::pack`] gives them.
    const COLUMNS: &'static [&'static str];

    /// Rows per chunk in files of the current format (every chunk is full but the last).
    const CHUNK: usize;

    /// Packs a chunk of rows into one BLOB per column.
    fn pack(rows: &[Self]) -> Vec<Vec<u8>>;

    /// Unpacks a chunk of `rows` rows (one BLOB per column) into `out`.
    ///
    /// # Errors
    /// A sentence naming the column when a BLOB is cut short or holds something else.
    fn unpack(rows: usize, columns: &[&[u8]], out: &mut Vec<Self>) -> Result<(), String>;
}

impl Chunked for VisitRecord {
    const COLUMNS: &'static [&'static str] = &["date", "patient", "direction", "doctor", "amount", "branch"];
    const CHUNK: usize = CHUNK;

    fn pack(rows: &[Self]) -> Vec<Vec<u8>> {
        let p = pack(rows);
        vec![p.date, p.patient, p.direction, p.doctor, p.amount, p.branch]
    }

    fn unpack(rows: usize, c: &[&[u8]], out: &mut Vec<Self>) -> Result<(), String> {
        let [date, patient, direction, doctor, amount, branch] = c else { return Err("columns missing".into()) };
        unpack(&Packed { rows, date, patient, direction, doctor, amount, branch }, out)
    }
}

impl Chunked for FunnelRow {
    const COLUMNS: &'static [&'static str] = &[
        "month",
        "channel",
        "direction",
        "leads",
        "bookings",
        "visits",
        "paid",
        "revenue",
        "returning_leads",
        "branch",
    ];
    const CHUNK: usize = SHEET_CHUNK;

    fn pack(rows: &[Self]) -> Vec<Vec<u8>> {
        vec![
            rows.iter().flat_map(|r| month_ord(r.month).to_le_bytes()).collect(),
            pack_names(rows.iter().map(|r| Some(r.channel.as_str()))),
            pack_names(rows.iter().map(|r| r.direction.as_deref())),
            pack_numbers(rows.iter().map(|r| r.leads)),
            pack_numbers(rows.iter().map(|r| r.bookings)),
            pack_numbers(rows.iter().map(|r| r.visits)),
            pack_numbers(rows.iter().map(|r| r.paid)),
            pack_numbers(rows.iter().map(|r| r.revenue)),
            pack_numbers(rows.iter().map(|r| r.returning_leads)),
            pack_names(rows.iter().map(|r| r.branch.as_deref())),
        ]
    }

    fn unpack(n: usize, c: &[&[u8]], out: &mut Vec<Self>) -> Result<(), String> {
        let [month, channel, direction, leads, bookings, visits, paid, revenue, returning, branch] = c else {
            return Err("columns missing".into());
        };
        let months = fixed::<4>(month, n).map_err(|e| format!("month column: {e}"))?;
        let channels = Names::read(channel, n).map_err(|e| format!("channel column: {e}"))?;
        let directions = Names::read(direction, n).map_err(|e| format!("direction column: {e}"))?;
        let branches = Names::read(branch, n).map_err(|e| format!("branch column: {e}"))?;
        let leads = Numbers::column("leads", leads, n)?;
        let bookings = Numbers::column("bookings", bookings, n)?;
        let visits = Numbers::column("visits", visits, n)?;
        let paid = Numbers::column("paid", paid, n)?;
        let revenue = Numbers::column("revenue", revenue, n)?;
        let returning = Numbers::column("returning_leads", returning, n)?;
        out.reserve(n);
        for (i, m) in months.enumerate() {
            out.push(FunnelRow {
                month: month_of(i32::from_le_bytes(m))?,
                channel: channels.name(i).ok_or_else(|| format!("row {}: no channel", i + 1))?,
                direction: directions.name(i),
                leads: leads.get(i),
                bookings: bookings.get(i),
                visits: visits.get(i),
                paid: paid.get(i),
                revenue: revenue.get(i),
                returning_leads: returning.get(i),
                branch: branches.name(i),
            });
        }
        Ok(())
    }
}

impl Chunked for RevenueRow {
    const COLUMNS: &'static [&'static str] =
        &["date", "direction", "revenue", "checks", "new_patients", "repeat_patients", "month_row", "branch"];
    const CHUNK: usize = SHEET_CHUNK;

    fn pack(rows: &[Self]) -> Vec<Vec<u8>> {
        vec![
            rows.iter().flat_map(|r| r.date.num_days_from_ce().to_le_bytes()).collect(),
            pack_names(rows.iter().map(|r| r.direction.as_deref())),
            rows.iter().flat_map(|r| r.revenue.to_le_bytes()).collect(),
            pack_numbers(rows.iter().map(|r| r.checks)),
            pack_numbers(rows.iter().map(|r| r.new_patients)),
            pack_numbers(rows.iter().map(|r| r.repeat_patients)),
            rows.iter().map(|r| u8::from(r.month_row)).collect(),
            pack_names(rows.iter().map(|r| r.branch.as_deref())),
        ]
    }

    fn unpack(n: usize, c: &[&[u8]], out: &mut Vec<Self>) -> Result<(), String> {
        let [date, direction, revenue, checks, new_patients, repeat_patients, month_row, branch] = c else {
            return Err("columns missing".into());
        };
        let dates = fixed::<4>(date, n).map_err(|e| format!("date column: {e}"))?;
        let mut amounts = fixed::<8>(revenue, n).map_err(|e| format!("revenue column: {e}"))?;
        let directions = Names::read(direction, n).map_err(|e| format!("direction column: {e}"))?;
        let branches = Names::read(branch, n).map_err(|e| format!("branch column: {e}"))?;
        let checks = Numbers::column("checks", checks, n)?;
        let new_patients = Numbers::column("new_patients", new_patients, n)?;
        let repeat_patients = Numbers::column("repeat_patients", repeat_patients, n)?;
        if month_row.len() != n || month_row.iter().any(|b| *b > 1) {
            return Err(format!("month_row column: not {n} flags"));
        }
        out.reserve(n);
        for (i, d) in dates.enumerate() {
            let day = i32::from_le_bytes(d);
            out.push(RevenueRow {
                date: NaiveDate::from_num_days_from_ce_opt(day).ok_or_else(|| format!("day {day} out of range"))?,
                direction: directions.text(i),
                revenue: amounts.next().map(f64::from_le_bytes).unwrap_or_default(),
                checks: checks.get(i),
                new_patients: new_patients.get(i),
                repeat_patients: repeat_patients.get(i),
                month_row: month_row[i] == 1,
                branch: branches.text(i),
            });
        }
        Ok(())
    }
}

fn month_ord(m: Month) -> i32 {
    // A month that no `Month::new` made (its fields are public) is saved as one reading refuses.
    i32::try_from(i64::from(m.year) * 12 + i64::from(m.month) - 1).unwrap_or(i32::MAX)
}

fn month_of(ord: i32) -> Result<Month, String> {
    Month::new(ord.div_euclid(12), ord.rem_euclid(12) as u32 + 1).ok_or_else(|| format!("month {ord} out of range"))
}

/// A column of `n` values of `W` bytes each, as arrays.
fn fixed<const W: usize>(bytes: &[u8], n: usize) -> Result<impl Iterator<Item = [u8; W]> + '_, String> {
    if bytes.len() != n * W {
        return Err(format!("{} bytes for {n} values", bytes.len()));
    }
    Ok(bytes.chunks_exact(W).map(|c| {
        let mut a = [0u8; W];
        a.copy_from_slice(c);
        a
    }))
}

fn pack_numbers(cells: impl ExactSizeIterator<Item = Option<f64>>) -> Vec<u8> {
    let n = cells.len();
    let mut out = vec![0u8; n.div_ceil(8)];
    out.reserve(n * 8);
    for (i, c) in cells.enumerate() {
        if c.is_some() {
            out[i / 8] |= 1 << (i % 8);
        }
        out.extend_from_slice(&c.unwrap_or(0.0).to_le_bytes());
    }
    out
}

/// An optional-numbers column read back: the presence bitmap and the values.
struct Numbers<'a> {
    present: &'a [u8],
    values: &'a [u8],
}

impl<'a> Numbers<'a> {
    /// [`Numbers::read`] with the column's name in its error.
    fn column(name: &str, bytes: &'a [u8], n: usize) -> Result<Self, String> {
        Self::read(bytes, n).map_err(|e| format!("{name} column: {e}"))
    }

    fn read(bytes: &'a [u8], n: usize) -> Result<Self, String> {
        if bytes.len() != n.div_ceil(8) + n * 8 {
            return Err(format!("{} bytes for {n} values", bytes.len()));
        }
        let (present, values) = bytes.split_at(n.div_ceil(8));
        Ok(Self { present, values })
    }

    fn get(&self, i: usize) -> Option<f64> {
        (self.present[i / 8] & (1 << (i % 8)) != 0).then(|| {
            let mut a = [0u8; 8];
            a.copy_from_slice(&self.values[i * 8..i * 8 + 8]);
            f64::from_le_bytes(a)
        })
    }
}

/// Reads a packed column front to back.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.0.len() < n {
            return Err("cut short".into());
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn text(&mut self) -> Result<&'a str, String> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(
        day: u32,
        patient: Option<&str>,
        direction: Option<&str>,
        doctor: Option<&str>,
        amount: f64,
    ) -> VisitRecord {
        VisitRecord {
            date: NaiveDate::from_ymd_opt(2025, 1, day).unwrap(),
            patient: patient.map(Arc::from),
            direction: direction.map(Arc::from),
            doctor: doctor.map(Arc::from),
            amount,
            branch: None,
        }
    }

    #[test]
    fn a_chunk_round_trips_with_every_kind_of_key_and_name() {
        let sha = "0123456789abcdef".repeat(4);
        let mut visits = vec![
            visit(1, Some(&sha), Some("УЗИ"), Some("Врач 1"), 1500.5),
            visit(2, Some("X-1"), Some("УЗИ"), None, 0.0),
            visit(3, None, None, Some("Врач 1"), -10.0),
            // Upper-case hex is not what the importer writes: kept as text, unchanged.
            visit(4, Some(&sha.to_uppercase()), Some("Стоматология"), Some("Врач 2"), 1e9),
        ];
        visits[3].branch = Some("Юг".into());
        let packed = pack(&visits);
        // Four days, four amounts; keys: 1 + 32, 1 + 4 + 3, 1, 1 + 4 + 64.
        assert_eq!((packed.date.len(), packed.amount.len()), (16, 32));
        assert_eq!(packed.patient.len(), 33 + 8 + 1 + 69);
        // Two distinct directions stored once each: count, (4 + 6 bytes), (4 + 24 bytes), 4 ids.
        assert_eq!(packed.direction.len(), 4 + 10 + 28 + 16);
        let mut back = Vec::new();
        unpack(&packed, &mut back).unwrap();
        assert_eq!(back, visits);
    }

    #[test]
    fn a_broken_chunk_is_an_error_not_a_panic() {
        let packed = pack(&[visit(1, Some("X"), Some("УЗИ"), None, 1.0)]);
        let mut out = Vec::new();
        for cut in 0..packed.patient.len() {
            let p = Packed {
                patient: packed.patient[..cut].to_vec(),
                ..pack(&[visit(1, Some("X"), Some("УЗИ"), None, 1.0)])
            };
            assert!(unpack(&p, &mut out).is_err(), "patient cut at {cut}");
        }
        for cut in 0..packed.direction.len() {
            let p = Packed {
                direction: packed.direction[..cut].to_vec(),
                ..pack(&[visit(1, None, Some("УЗИ"), None, 1.0)])
            };
            assert!(unpack(&p, &mut out).is_err(), "direction cut at {cut}");
        }
        let mut p = pack(&[visit(1, None, Some("УЗИ"), None, 1.0)]);
        // Name id 2 of 1.
        let at = p.direction.len() - 4;
        p.direction[at] = 2;
        assert!(unpack(&p, &mut out).unwrap_err().contains("name 2 of 1"));
        p = pack(&[visit(1, None, None, None, 1.0)]);
        p.rows = 2;
        assert!(unpack(&p, &mut out).is_err());
        // A huge claimed name count is refused before anything is reserved.
        p = pack(&[visit(1, None, None, None, 1.0)]);
        p.doctor = u32::MAX.to_le_bytes().to_vec();
        assert!(unpack(&p, &mut out).unwrap_err().contains("names claimed"));
    }

    fn funnel_row(channel: &str, leads: Option<f64>, branch: Option<&str>) -> FunnelRow {
        FunnelRow {
            month: Month::new(2025, 12).unwrap(),
            channel: channel.into(),
            direction: Some("УЗИ".into()),
            leads,
            bookings: Some(-0.5),
            visits: None,
            paid: Some(0.0),
            revenue: Some(1_234_567.89),
            returning_leads: None,
            branch: branch.map(Name::from),
        }
    }

    #[test]
    fn funnel_and_revenue_chunks_round_trip_blanks_included() {
        let mut rows: Vec<FunnelRow> = (0..11)
            .map(|i| funnel_row(["Яндекс", "VK"][i % 2], (i % 3 != 0).then_some(i as f64), (i > 5).then_some("Юг")))
            .collect();
        rows[4].month = Month::new(1999, 1).unwrap();
        let packed = FunnelRow::pack(&rows);
        // Eleven optional numbers: a 2-byte bitmap, then 11 × 8 bytes.
        assert_eq!(packed[3].len(), 2 + 88);
        let blobs: Vec<&[u8]> = packed.iter().map(Vec::as_slice).collect();
        let mut back = Vec::new();
        FunnelRow::unpack(rows.len(), &blobs, &mut back).unwrap();
        assert_eq!(back, rows);

        let day = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        let revenue = vec![
            RevenueRow {
                date: day,
                direction: None,
                revenue: 10.25,
                checks: Some(2.0),
                new_patients: None,
                repeat_patients: Some(1.0),
                month_row: false,
                branch: Some("Центр".into()),
            },
            RevenueRow {
                date: NaiveDate::from_ymd_opt(2024, 2, 1).unwrap(),
                direction: Some("МРТ".into()),
                revenue: 0.0,
                checks: None,
                new_patients: Some(3.0),
                repeat_patients: None,
                month_row: true,
                branch: None,
            },
        ];
        let packed = RevenueRow::pack(&revenue);
        let blobs: Vec<&[u8]> = packed.iter().map(Vec::as_slice).collect();
        let mut back = Vec::new();
        RevenueRow::unpack(2, &blobs, &mut back).unwrap();
        assert_eq!(back, revenue);
    }

    #[test]
    fn a_broken_sheet_chunk_names_its_column() {
        let rows = [funnel_row("VK", Some(1.0), None)];
        let packed = FunnelRow::pack(&rows);
        let mut out = Vec::new();
        for (c, name) in FunnelRow::COLUMNS.iter().enumerate() {
            let mut blobs: Vec<&[u8]> = packed.iter().map(Vec::as_slice).collect();
            blobs[c] = &packed[c][..packed[c].len() - 1];
            let e = FunnelRow::unpack(1, &blobs, &mut out).unwrap_err();
            assert!(e.starts_with(&format!("{name} column")), "{e}");
        }
        // A row without a channel cannot be a Funnel row.
        let blank = pack_names([None].into_iter());
        let mut blobs: Vec<&[u8]> = packed.iter().map(Vec::as_slice).collect();
        blobs[1] = &blank;
        assert!(FunnelRow::unpack(1, &blobs, &mut out).unwrap_err().contains("no channel"));
        assert!(FunnelRow::unpack(1, &blobs[..3], &mut out).is_err());
        assert!(out.is_empty());
    }
}
