//! Patient visits packed column-wise: a project's visits are cut into chunks of [`CHUNK`] rows and
//! each chunk is stored as one row of the file whose cells are whole columns (packed arrays in
//! BLOBs). A million visits are then 16 rows of a few BLOBs, read in tens of milliseconds, where a
//! million SQL rows took a second; an edit rewrites only the chunks holding the rows it changed.
//!
//! Encodings (little-endian throughout):
//! - dates: `i32` days from the common era per row;
//! - amounts: `f64` per row;
//! - patients: per row a tag byte — 0 none, 1 a SHA-256 key as its 32 bytes (half its hex text),
//!   2 any other key as `u32` length + UTF-8;
//! - names (direction, doctor, branch): the chunk's distinct names (`u32` count, then each as
//!   `u32` length + UTF-8), then per row a `u32`: 0 none, `k` the k-th name. Names repeat a lot (a
//!   few directions, tens of doctors), so each is stored once per chunk.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;

use crate::model::{Interner, VisitRecord};

/// Visits per stored chunk: big enough that a million visits are a handful of rows, small enough
/// that an edit rewrites a few hundred kilobytes.
pub const CHUNK: usize = 1 << 16;

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
    let mut patients = Interner::new();
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
        let c = &self.ids[row * 4..row * 4 + 4];
        let id = u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize;
        id.checked_sub(1).map(|k| Arc::clone(&self.names[k]))
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
}
