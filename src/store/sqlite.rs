//! The project file as an SQLite database, the application-file-format way: one table per sheet,
//! one for patient visits, one for call-journal contacts and one for scenarios, the settings as a
//! JSON value, `PRAGMA application_id` marking the file as ours and `PRAGMA user_version` holding
//! the format version.
//!
//! Sheet tables take their columns from the model's serde field names: a row is serialised, each
//! field becomes a column of the same name (added with `ALTER TABLE` the first time it is seen), and
//! reading builds the row back from its columns. A field added to a model struct therefore needs no
//! code here, and a file written by a newer build with more columns still opens. Values keep their
//! SQLite type (columns are declared without one, so nothing is converted): numbers as INTEGER or
//! REAL, text as TEXT, and the rare nested values (a channel's aliases, a scenario's levers) as
//! JSON in a BLOB. Visits are the one table that can hold millions of rows, so they have fixed,
//! typed columns and their own fast reader; a test pins their columns to the model's fields.
//!
//! Every row has its position in the model's list as `pos` (the rowid), so an edit rewrites only
//! the rows it touched.

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{Connection, OpenFlags, Transaction};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::StoreError;
use crate::model::{FORMAT_VERSION, Interner, Project, Settings, VisitRecord};

/// `PRAGMA application_id` of medfunnel project files: "MFNL" in ASCII.
pub const APPLICATION_ID: i32 = 0x4D46_4E4C;

/// The first bytes of every SQLite database file.
pub const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// A table of the project file: one per list in [`Project`], and the settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Table {
    /// The Settings sheet (one JSON value).
    Settings,
    /// The Directions sheet.
    Directions,
    /// The Channels sheet.
    Channels,
    /// The Plan sheet.
    Plan,
    /// The Budget sheet.
    Budget,
    /// The Funnel sheet.
    Funnel,
    /// The Revenue sheet.
    Revenue,
    /// The Doctors sheet.
    Doctors,
    /// The NPS sheet.
    Nps,
    /// The Calls sheet.
    Calls,
    /// Saved what-if scenarios.
    Scenarios,
    /// Patient visits of raw MIS exports.
    Visits,
    /// Contacts of an imported call journal.
    Contacts,
}

impl Table {
    /// Every table.
    pub const ALL: [Table; 13] = [
        Table::Settings,
        Table::Directions,
        Table::Channels,
        Table::Plan,
        Table::Budget,
        Table::Funnel,
        Table::Revenue,
        Table::Doctors,
        Table::Nps,
        Table::Calls,
        Table::Scenarios,
        Table::Visits,
        Table::Contacts,
    ];

    /// The table's name in the file (Settings live in `meta`).
    pub fn name(self) -> &'static str {
        match self {
            Table::Settings => "meta",
            Table::Directions => "directions",
            Table::Channels => "channels",
            Table::Plan => "plan",
            Table::Budget => "budget",
            Table::Funnel => "funnel",
            Table::Revenue => "revenue",
            Table::Doctors => "doctors",
            Table::Nps => "nps",
            Table::Calls => "calls",
            Table::Scenarios => "scenarios",
            Table::Visits => "visits",
            Table::Contacts => "contacts",
        }
    }
}

/// Which rows of a project changed since its file was last written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The rows `rows` of `table` changed in place (a cell edit).
    Rows {
        /// The table.
        table: Table,
        /// Model row indices.
        rows: Range<usize>,
    },
    /// Every row of `table` from `at` on may have moved (rows were inserted or removed there).
    From {
        /// The table.
        table: Table,
        /// The first model row index affected.
        at: usize,
    },
}

impl Change {
    /// Every row of every table (a project replaced as a whole).
    pub fn everything() -> Vec<Change> {
        Table::ALL.iter().map(|&table| Change::From { table, at: 0 }).collect()
    }
}

const META_SETTINGS: &str = "settings";
const META_HAS_VISITS: &str = "has_visits";
const META_HAS_CONTACTS: &str = "has_contacts";

/// The typed visits table; its columns are pinned to [`VisitRecord`]'s fields by a test.
const VISITS_DDL: &str = "CREATE TABLE IF NOT EXISTS visits(pos INTEGER PRIMARY KEY, date INTEGER NOT NULL, \
     patient, direction TEXT, doctor TEXT, amount REAL NOT NULL, branch TEXT)";
const VISIT_COLUMNS: [&str; 6] = ["date", "patient", "direction", "doctor", "amount", "branch"];

fn sql_err(file: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |e| StoreError::Format { file: file.display().to_string(), reason: e.to_string() }
}

/// Creates the schema in an empty database.
fn create_schema(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {FORMAT_VERSION};
         CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
         {VISITS_DDL};"
    ))?;
    for t in Table::ALL {
        if !matches!(t, Table::Settings | Table::Visits) {
            conn.execute_batch(&format!("CREATE TABLE IF NOT EXISTS \"{}\"(pos INTEGER PRIMARY KEY)", t.name()))?;
        }
    }
    Ok(())
}

/// Writes a whole project into `path`, a new empty database file (the caller renames it over the
/// target once it is complete, so no journal is needed while it is built).
pub(super) fn write_new(project: &Project, path: &Path) -> Result<(), StoreError> {
    let err = sql_err(path);
    let mut conn = Connection::open(path).map_err(&err)?;
    conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;").map_err(&err)?;
    let tx = conn.transaction().map_err(&err)?;
    create_schema(&tx).map_err(&err)?;
    for table in Table::ALL {
        write_table(&tx, project, table, 0..usize::MAX, path)?;
    }
    tx.commit().map_err(&err)?;
    conn.close().map_err(|(_, e)| err(e))
}

/// Folds a write-ahead log left beside `path` (by a crash, or a program that still has the file
/// open) into the file, so that a new file renamed over it cannot meet the old file's log.
///
/// # Errors
/// [`StoreError::Format`] when the log cannot be folded in (another program holds the file).
pub(super) fn settle(path: &Path) -> Result<(), StoreError> {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    if !Path::new(&wal).exists() {
        return Ok(());
    }
    let err = sql_err(path);
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(&err)?;
    conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(&err)?;
    conn.execute_batch("PRAGMA journal_mode = DELETE").map_err(&err)?;
    drop(conn);
    if Path::new(&wal).exists() {
        return Err(StoreError::Format {
            file: path.display().to_string(),
            reason: "another program has the file open; close it and save again".into(),
        });
    }
    Ok(())
}

/// An open project file that edits are written into as they happen.
#[derive(Debug)]
pub struct ProjectFile {
    conn: Connection,
    path: PathBuf,
}

impl ProjectFile {
    /// Opens an SQLite project file for writing edits into it.
    ///
    /// # Errors
    /// [`StoreError::Format`] when the file is not an SQLite project of this build's format (a
    /// JSON project must be saved whole first), [`StoreError::TooNew`] for a newer format.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = open_checked(path, true)?;
        conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(sql_err(path))?;
        // Write-ahead log while the app has the file open: an edit is an append to the log, with no
        // wait for the disk, and a killed process leaves a log the next open replays (a transaction
        // is in it whole or not at all). Closing folds the log back (see Drop), leaving one file.
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;").map_err(sql_err(path))?;
        Ok(Self { conn, path: path.to_path_buf() })
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the rows `changes` name, as `project` now has them, in one transaction: after a crash
    /// the file holds either all of them or none.
    ///
    /// # Errors
    /// [`StoreError::Format`] when SQLite refuses (disk full, file gone read-only); the file is
    /// then unchanged.
    pub fn write_changes(&mut self, project: &Project, changes: &[Change]) -> Result<(), StoreError> {
        let err = sql_err(&self.path);
        let tx = self.conn.transaction().map_err(&err)?;
        for change in changes {
            let (table, rows) = match change {
                Change::Rows { table, rows } => (*table, rows.clone()),
                Change::From { table, at } => (*table, *at..usize::MAX),
            };
            write_table(&tx, project, table, rows, &self.path)?;
        }
        tx.commit().map_err(&err)
    }
}

impl Drop for ProjectFile {
    fn drop(&mut self) {
        // Back to a rollback journal: SQLite checkpoints the log into the file and removes it, so the
        // closed project is one file that can be mailed. Failing here leaves a log the next open
        // replays, so there is nothing to report.
        let _ = self.conn.execute_batch("PRAGMA journal_mode = DELETE");
    }
}

/// Opens a database and checks it is a project file this build reads.
fn open_checked(path: &Path, write: bool) -> Result<Connection, StoreError> {
    let err = sql_err(path);
    // Read-write even to read: a crash can leave a journal that must be rolled back first.
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = match Connection::open_with_flags(path, flags) {
        Ok(c) => c,
        Err(_) if !write => {
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(&err)?
        }
        Err(e) => return Err(err(e)),
    };
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(&err)?;
    if app != APPLICATION_ID {
        return Err(StoreError::Format {
            file: path.display().to_string(),
            reason: "an SQLite database of another program".into(),
        });
    }
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(&err)?;
    if version > FORMAT_VERSION {
        return Err(StoreError::TooNew { file: path.display().to_string(), found: version });
    }
    Ok(conn)
}

/// Rewrites `rows` of `table` (clamped to the model's length) and drops the file's rows past the
/// model's end.
fn write_table(tx: &Transaction, p: &Project, table: Table, rows: Range<usize>, file: &Path) -> Result<(), StoreError> {
    let name = table.name();
    let len = match table {
        Table::Settings => return write_settings(tx, &p.settings, file),
        Table::Directions => write_sheet(tx, name, &p.directions, rows, file)?,
        Table::Channels => write_sheet(tx, name, &p.channels, rows, file)?,
        Table::Plan => write_sheet(tx, name, &p.plan, rows, file)?,
        Table::Budget => write_sheet(tx, name, &p.budget, rows, file)?,
        Table::Funnel => write_sheet(tx, name, &p.funnel, rows, file)?,
        Table::Revenue => write_sheet(tx, name, &p.revenue, rows, file)?,
        Table::Doctors => write_sheet(tx, name, &p.doctors, rows, file)?,
        Table::Nps => write_sheet(tx, name, &p.nps, rows, file)?,
        Table::Calls => write_sheet(tx, name, &p.calls, rows, file)?,
        Table::Scenarios => write_sheet(tx, name, &p.scenarios, rows, file)?,
        Table::Visits => {
            set_meta(tx, META_HAS_VISITS, SqlValue::Integer(i64::from(p.visits.is_some()))).map_err(sql_err(file))?;
            write_visits(tx, p.visits.as_deref().unwrap_or_default(), rows).map_err(sql_err(file))?
        }
        Table::Contacts => {
            set_meta(tx, META_HAS_CONTACTS, SqlValue::Integer(i64::from(p.contacts.is_some())))
                .map_err(sql_err(file))?;
            write_sheet(tx, name, p.contacts.as_deref().unwrap_or_default(), rows, file)?
        }
    };
    tx.execute(&format!("DELETE FROM \"{name}\" WHERE pos >= ?1"), [len as i64]).map_err(sql_err(file))?;
    Ok(())
}

fn set_meta(tx: &Transaction, key: &str, value: SqlValue) -> rusqlite::Result<()> {
    tx.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", rusqlite::params![key, value]).map(|_| ())
}

fn write_settings(tx: &Transaction, settings: &Settings, file: &Path) -> Result<(), StoreError> {
    let text = serde_json::to_string(settings)
        .map_err(|e| StoreError::Format { file: file.display().to_string(), reason: e.to_string() })?;
    set_meta(tx, META_SETTINGS, SqlValue::Text(text)).map_err(sql_err(file))
}

/// Writes `rows[range]` of a sheet; returns the sheet's length.
fn write_sheet<T: Serialize>(
    tx: &Transaction,
    table: &str,
    rows: &[T],
    range: Range<usize>,
    file: &Path,
) -> Result<usize, StoreError> {
    let range = range.start.min(rows.len())..range.end.min(rows.len());
    let format_err = |reason: String| StoreError::Format { file: file.display().to_string(), reason };
    let mut objects = Vec::with_capacity(range.len());
    let mut columns: Vec<String> = Vec::new();
    for (i, row) in rows[range.clone()].iter().enumerate() {
        let object = match serde_json::to_value(row) {
            Ok(Value::Object(m)) => m,
            Ok(_) => return Err(format_err(format!("{table} row {}: not a record", range.start + i))),
            Err(e) => return Err(format_err(format!("{table} row {}: {e}", range.start + i))),
        };
        // Every row of one struct has the same keys: the union is only ever grown by the first row
        // (or by fields a struct skips when empty).
        for k in object.keys() {
            if !columns.iter().any(|c| c == k) {
                columns.push(k.clone());
            }
        }
        objects.push(object);
    }
    if objects.is_empty() {
        return Ok(rows.len());
    }
    let err = sql_err(file);
    add_missing_columns(tx, table, &columns).map_err(&err)?;
    let names: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
    let marks: Vec<String> = (2..=columns.len() + 1).map(|i| format!("?{i}")).collect();
    let sql =
        format!("INSERT OR REPLACE INTO \"{table}\"(pos, {}) VALUES (?1, {})", names.join(", "), marks.join(", "));
    let mut stmt = tx.prepare_cached(&sql).map_err(&err)?;
    let mut values = Vec::with_capacity(columns.len() + 1);
    for (i, object) in objects.iter().enumerate() {
        values.clear();
        values.push(SqlValue::Integer((range.start + i) as i64));
        values.extend(columns.iter().map(|c| object.get(c).map_or(SqlValue::Null, json_to_sql)));
        stmt.execute(rusqlite::params_from_iter(values.iter())).map_err(&err)?;
    }
    Ok(rows.len())
}

fn add_missing_columns(tx: &Transaction, table: &str, columns: &[String]) -> rusqlite::Result<()> {
    let mut have = HashSet::new();
    {
        let mut stmt = tx.prepare(&format!("PRAGMA table_info(\"{table}\")"))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            have.insert(r.get::<_, String>(1)?);
        }
    }
    for c in columns.iter().filter(|c| !have.contains(*c)) {
        // No declared type: SQLite keeps each value's own type (no REAL/TEXT conversions).
        tx.execute_batch(&format!("ALTER TABLE \"{table}\" ADD COLUMN \"{c}\""))?;
    }
    Ok(())
}

fn json_to_sql(v: &Value) -> SqlValue {
    match v {
        Value::Null => SqlValue::Null,
        Value::String(s) => SqlValue::Text(s.clone()),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or(f64::NAN)),
        },
        // Booleans and nested values as JSON: a BLOB is read back as JSON, a TEXT as a string.
        Value::Bool(_) | Value::Array(_) | Value::Object(_) => SqlValue::Blob(v.to_string().into_bytes()),
    }
}

fn sql_to_json(v: ValueRef<'_>) -> Result<Option<Value>, String> {
    Ok(match v {
        ValueRef::Null => None,
        ValueRef::Integer(i) => Some(Value::from(i)),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map(Value::Number),
        ValueRef::Text(t) => Some(Value::String(std::str::from_utf8(t).map_err(|e| e.to_string())?.to_string())),
        ValueRef::Blob(b) => Some(serde_json::from_slice(b).map_err(|e| e.to_string())?),
    })
}

fn write_visits(tx: &Transaction, visits: &[VisitRecord], range: Range<usize>) -> rusqlite::Result<usize> {
    let range = range.start.min(visits.len())..range.end.min(visits.len());
    let mut stmt = tx.prepare_cached(
        "INSERT OR REPLACE INTO visits(pos, date, patient, direction, doctor, amount, branch) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, v) in visits[range.clone()].iter().enumerate() {
        let patient = v.patient.as_deref().map(patient_to_sql);
        stmt.execute(rusqlite::params![
            (range.start + i) as i64,
            v.date.num_days_from_ce(),
            patient,
            v.direction,
            v.doctor,
            v.amount,
            v.branch
        ])?;
    }
    Ok(visits.len())
}

/// Patient keys are 64 hex digits (SHA-256): kept as their 32 bytes, half the size on disk.
fn patient_to_sql(key: &str) -> SqlValue {
    let b = key.as_bytes();
    if b.len() == 64 && b.iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')) {
        let nibble = |c: u8| if c <= b'9' { c - b'0' } else { c - b'a' + 10 };
        SqlValue::Blob(b.chunks(2).map(|p| nibble(p[0]) << 4 | nibble(p[1])).collect())
    } else {
        SqlValue::Text(key.to_string())
    }
}

fn patient_from_sql(v: ValueRef<'_>) -> Result<Option<String>, String> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match v {
        ValueRef::Null => Ok(None),
        ValueRef::Blob(b) => {
            let hex: Vec<u8> = b.iter().flat_map(|&x| [HEX[usize::from(x >> 4)], HEX[usize::from(x & 0x0f)]]).collect();
            String::from_utf8(hex).map(Some).map_err(|e| e.to_string())
        }
        ValueRef::Text(t) => std::str::from_utf8(t).map(|s| Some(s.to_string())).map_err(|e| e.to_string()),
        other => Err(format!("patient key of type {:?}", other.data_type())),
    }
}

/// Reads a whole project file.
pub(super) fn read(path: &Path) -> Result<Project, StoreError> {
    let conn = open_checked(path, false)?;
    let err = sql_err(path);
    let tables: HashSet<String> = {
        let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").map_err(&err)?;
        stmt.query_map([], |r| r.get(0)).map_err(&err)?.collect::<Result<_, _>>().map_err(&err)?
    };
    let meta = |key: &str| -> Result<Option<SqlValue>, StoreError> {
        let mut stmt = conn.prepare_cached("SELECT value FROM meta WHERE key = ?1").map_err(&err)?;
        let mut rows = stmt.query([key]).map_err(&err)?;
        Ok(match rows.next().map_err(&err)? {
            Some(r) => Some(r.get::<_, SqlValue>(0).map_err(&err)?),
            None => None,
        })
    };
    let bad = |reason: String| StoreError::Format { file: path.display().to_string(), reason };
    let settings = match meta(META_SETTINGS)? {
        Some(SqlValue::Text(t)) => serde_json::from_str(&t).map_err(|e| bad(format!("settings: {e}")))?,
        _ => Settings::default(),
    };
    let flag = |key| -> Result<bool, StoreError> { Ok(matches!(meta(key)?, Some(SqlValue::Integer(1)))) };
    macro_rules! sheet {
        ($t:expr) => {
            if tables.contains($t.name()) { read_sheet(&conn, $t.name(), path)? } else { Vec::new() }
        };
    }
    let has_visits = flag(META_HAS_VISITS)?;
    // The visits (the bulk of a big project) are read on their own connections while the sheets are
    // read here.
    std::thread::scope(|s| {
        let visits = has_visits.then(|| s.spawn(|| read_visits(path)));
        let contacts = if flag(META_HAS_CONTACTS)? { Some(sheet!(Table::Contacts)) } else { None };
        let mut project = Project {
            format_version: FORMAT_VERSION,
            settings,
            directions: sheet!(Table::Directions),
            channels: sheet!(Table::Channels),
            plan: sheet!(Table::Plan),
            budget: sheet!(Table::Budget),
            funnel: sheet!(Table::Funnel),
            revenue: sheet!(Table::Revenue),
            doctors: sheet!(Table::Doctors),
            nps: sheet!(Table::Nps),
            visits: None,
            branch_scope: None,
            scenarios: sheet!(Table::Scenarios),
            calls: sheet!(Table::Calls),
            contacts,
        };
        if let Some(handle) = visits {
            project.visits = Some(handle.join().map_err(|_| bad("the visits reader failed".into()))??);
        }
        Ok(project)
    })
}

fn read_sheet<T: DeserializeOwned>(conn: &Connection, table: &str, file: &Path) -> Result<Vec<T>, StoreError> {
    let err = sql_err(file);
    let bad = |pos: i64, reason: String| StoreError::Format {
        file: file.display().to_string(),
        reason: format!("{table} row {}: {reason}", pos + 1),
    };
    let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\" ORDER BY pos")).map_err(&err)?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let pos_col = names.iter().position(|n| n == "pos").unwrap_or(0);
    let mut out = Vec::new();
    let mut rows = stmt.query([]).map_err(&err)?;
    while let Some(r) = rows.next().map_err(&err)? {
        let pos: i64 = r.get(pos_col).map_err(&err)?;
        let mut object = Map::new();
        for (i, name) in names.iter().enumerate() {
            if i == pos_col {
                continue;
            }
            // An empty cell is a missing key, so fields added later take their serde default.
            if let Some(v) = sql_to_json(r.get_ref(i).map_err(&err)?).map_err(|e| bad(pos, e))? {
                object.insert(name.clone(), v);
            }
        }
        out.push(serde_json::from_value(Value::Object(object)).map_err(|e| bad(pos, e.to_string()))?);
    }
    Ok(out)
}

/// Reads the visits on both cores: each half of the rows on its own connection.
fn read_visits(path: &Path) -> Result<Vec<VisitRecord>, StoreError> {
    let conn = open_checked(path, false)?;
    // Positions are 0..n: the last rowid gives the count without a scan of the table.
    let last: Option<i64> = conn.query_row("SELECT max(pos) FROM visits", [], |r| r.get(0)).map_err(sql_err(path))?;
    drop(conn);
    let half = last.map_or(0, |l| (l + 1) / 2);
    let (a, b) = std::thread::scope(|s| {
        let second = s.spawn(|| read_visit_rows(path, half, i64::MAX));
        let first = read_visit_rows(path, i64::MIN, half);
        (first, second.join())
    });
    let mut visits = a?;
    match b {
        Ok(rest) => visits.extend(rest?),
        Err(_) => {
            return Err(StoreError::Format { file: path.display().to_string(), reason: "visits reader failed".into() });
        }
    }
    Ok(visits)
}

/// The visits at positions `from..to` (by rank, not rowid: rowids are positions).
fn read_visit_rows(path: &Path, from: i64, to: i64) -> Result<Vec<VisitRecord>, StoreError> {
    let conn = open_checked(path, false)?;
    let err = sql_err(path);
    // Pages read straight from the mapped file, without a copy into SQLite's cache.
    conn.execute_batch("PRAGMA mmap_size = 1073741824").map_err(&err)?;
    let bad = |pos: i64, reason: String| StoreError::Format {
        file: path.display().to_string(),
        reason: format!("visits row {}: {reason}", pos + 1),
    };
    let mut stmt = conn
        .prepare(&format!(
            "SELECT pos, {} FROM visits WHERE pos >= ?1 AND pos < ?2 ORDER BY pos",
            VISIT_COLUMNS.join(", ")
        ))
        .map_err(&err)?;
    let mut out = Vec::with_capacity(usize::try_from(to.saturating_sub(from)).unwrap_or(0).min(1 << 24));
    let mut rows = stmt.query([from, to]).map_err(&err)?;
    // A million visits name a few hundred directions, doctors and branches: each text is kept once.
    let mut names = Interner::new();
    let mut patients = Interner::new();
    let mut text = |v: ValueRef<'_>| -> Result<Option<Arc<str>>, String> {
        match v {
            ValueRef::Null => Ok(None),
            ValueRef::Text(t) => std::str::from_utf8(t).map(|s| Some(names.get(s))).map_err(|e| e.to_string()),
            other => Err(format!("text expected, found {:?}", other.data_type())),
        }
    };
    while let Some(r) = rows.next().map_err(&err)? {
        let pos: i64 = r.get(0).map_err(&err)?;
        let day: i32 = r.get(1).map_err(&err)?;
        let date =
            NaiveDate::from_num_days_from_ce_opt(day).ok_or_else(|| bad(pos, format!("day {day} out of range")))?;
        out.push(VisitRecord {
            date,
            patient: patient_from_sql(r.get_ref(2).map_err(&err)?).map_err(|e| bad(pos, e))?.map(|p| patients.get(&p)),
            direction: text(r.get_ref(3).map_err(&err)?).map_err(|e| bad(pos, e))?,
            doctor: text(r.get_ref(4).map_err(&err)?).map_err(|e| bad(pos, e))?,
            amount: r.get(5).map_err(&err)?,
            branch: text(r.get_ref(6).map_err(&err)?).map_err(|e| bad(pos, e))?,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CallRow, ContactOutcome, ContactRecord, Lever, LeverChange, Month, Scenario};

    /// The demo with every optional list filled, so every table and value type is exercised.
    fn full_project() -> Project {
        let mut p = crate::demo::demo_project();
        let day = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        p.visits = Some(vec![
            VisitRecord {
                date: day,
                patient: Some("ab".repeat(32).into()),
                direction: Some("УЗИ".into()),
                doctor: None,
                amount: 1234.5,
                branch: Some("Юг".into()),
            },
            // A key that is not a SHA-256 (hand-made data) is kept as text.
            VisitRecord {
                date: day,
                patient: Some("X-1".into()),
                direction: None,
                doctor: Some("Врач".into()),
                amount: 0.0,
                branch: None,
            },
            VisitRecord { date: day, patient: None, direction: None, doctor: None, amount: 10.0, branch: None },
        ]);
        p.contacts = Some(vec![ContactRecord {
            time: day.and_hms_opt(9, 30, 0).unwrap(),
            patient: "cd".repeat(32),
            channel: Some("Яндекс".into()),
            employee: None,
            outcome: ContactOutcome::Callback20m,
            branch: Some("Центр".into()),
        }]);
        p.calls = vec![CallRow {
            month: Month::new(2025, 3).unwrap(),
            channel: None,
            employee: Some("Анна".into()),
            contacts: Some(10.0),
            answered: Some(9.0),
            lost: None,
            callbacks_20m: Some(1.0),
            callbacks: None,
            recalled: None,
            calls_in: Some(12.0),
            wait_seconds: Some(30.5),
            talk_seconds: None,
            branch: None,
        }];
        p.scenarios = vec![Scenario {
            name: "Рост".into(),
            changes: vec![LeverChange {
                lever: Lever::ShowRate,
                change: 0.1,
                channel: Some("Яндекс".into()),
                direction: None,
            }],
        }];
        p.settings.holidays.insert(day);
        p
    }

    fn save(p: &Project, path: &Path) {
        super::super::save_project(p, path).unwrap();
    }

    #[test]
    fn every_table_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.medfunnel");
        let p = full_project();
        save(&p, &path);
        assert_eq!(read(&path).unwrap(), p);
        // No visits and no journal stay "none", not "empty".
        let mut q = p.clone();
        q.visits = None;
        q.contacts = Some(Vec::new());
        save(&q, &path);
        assert_eq!(read(&path).unwrap(), q);
        // The file is marked as ours and stays a single file.
        let conn = Connection::open(&path).unwrap();
        let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
        let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!((app, version), (APPLICATION_ID, FORMAT_VERSION));
        drop(conn);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn edits_rewrite_only_their_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.medfunnel");
        let mut p = full_project();
        save(&p, &path);
        let mut file = ProjectFile::open(&path).unwrap();
        // A cell edit, a row removed in the middle, rows appended, settings and visits changed.
        p.funnel[3].leads = Some(777.0);
        file.write_changes(&p, &[Change::Rows { table: Table::Funnel, rows: 3..4 }]).unwrap();
        assert_eq!(read(&path).unwrap(), p);
        p.plan.remove(1);
        let extra = p.budget[0].clone();
        p.budget.push(extra);
        p.settings.clinic = "Новая".into();
        p.visits = None;
        let changes = [
            Change::From { table: Table::Plan, at: 1 },
            Change::From { table: Table::Budget, at: p.budget.len() - 1 },
            Change::Rows { table: Table::Settings, rows: 0..1 },
            Change::From { table: Table::Visits, at: 0 },
        ];
        file.write_changes(&p, &changes).unwrap();
        assert_eq!(read(&path).unwrap(), p);
        p.funnel.clear();
        file.write_changes(&p, &Change::everything()).unwrap();
        assert_eq!(read(&path).unwrap(), p);
        drop(file);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "no journal remains after close: {names:?}");
    }

    #[test]
    fn a_column_of_a_newer_build_is_ignored_and_a_missing_one_takes_its_default() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.medfunnel");
        let p = full_project();
        save(&p, &path);
        let conn = Connection::open(&path).unwrap();
        // A newer build added a column; an older one never wrote `branch`.
        conn.execute_batch(
            "ALTER TABLE funnel ADD COLUMN future_field; UPDATE funnel SET future_field = 5, branch = NULL;",
        )
        .unwrap();
        drop(conn);
        let back = read(&path).unwrap();
        assert_eq!(back.funnel.len(), p.funnel.len());
        assert!(back.funnel.iter().all(|r| r.branch.is_none()));
    }

    #[test]
    fn a_broken_row_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.medfunnel");
        save(&full_project(), &path);
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("UPDATE plan SET month = 'not a month' WHERE pos = 1").unwrap();
        drop(conn);
        let e = read(&path).unwrap_err().to_string();
        assert!(e.contains("plan row 2"), "{e}");
    }

    /// The store names the project's lists and the visits' fields one by one: a field added to the
    /// model must be added here too, or it would be dropped on save.
    #[test]
    fn the_store_knows_every_field_of_the_project_and_of_visits() {
        let project = serde_json::to_value(Project::new()).unwrap();
        let mut keys: Vec<&str> = project.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut known: Vec<&str> = Table::ALL
            .iter()
            .filter(|t| **t != Table::Settings)
            .map(|t| t.name())
            .chain(["format_version", "settings"])
            .collect();
        known.sort_unstable();
        assert_eq!(keys, known);
        let visit = serde_json::to_value(&full_project().visits.unwrap()[0]).unwrap();
        let mut fields: Vec<&str> = visit.as_object().unwrap().keys().map(String::as_str).collect();
        fields.sort_unstable();
        let mut columns = VISIT_COLUMNS.to_vec();
        columns.sort_unstable();
        assert_eq!(fields, columns);
    }

    /// Run by [`a_writer_killed_at_any_moment_never_corrupts_the_file`] in a child process: writes
    /// edits (and now and then a whole save) into the file named by the variable until killed.
    /// Each edit sets two values in two tables to the same counter, so a torn write would show.
    #[test]
    fn kill_writer_child() {
        let Some(path) = std::env::var_os("MEDFUNNEL_KILL_WRITER") else { return };
        let path = PathBuf::from(path);
        let mut p = read(&path).unwrap();
        let mut file = ProjectFile::open(&path).unwrap();
        // Go on from the count the last (killed) writer left.
        let first = p.settings.fixed_costs as u32 + 1;
        for n in first.. {
            p.settings.fixed_costs = f64::from(n);
            p.funnel[0].leads = Some(f64::from(n));
            let visits = p.visits.get_or_insert_default();
            visits.push(visits[0].clone());
            if n % 25 == 0 {
                drop(file);
                super::super::save_project(&p, &path).unwrap();
                file = ProjectFile::open(&path).unwrap();
            } else {
                let at = p.visits.as_ref().map_or(0, Vec::len) - 1;
                let changes = [
                    Change::Rows { table: Table::Settings, rows: 0..1 },
                    Change::Rows { table: Table::Funnel, rows: 0..1 },
                    Change::From { table: Table::Visits, at },
                ];
                file.write_changes(&p, &changes).unwrap();
            }
        }
    }

    #[test]
    fn a_writer_killed_at_any_moment_never_corrupts_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.medfunnel");
        let mut p = full_project();
        p.settings.fixed_costs = 0.0;
        p.funnel[0].leads = Some(0.0);
        save(&p, &path);
        let exe = std::env::current_exe().unwrap();
        let mut last = 0.0;
        for round in 0..12u64 {
            let mut child = std::process::Command::new(&exe)
                .args(["store::sqlite::tests::kill_writer_child", "--exact", "--test-threads=1"])
                .env("MEDFUNNEL_KILL_WRITER", &path)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            if round == 0 {
                // On a loaded machine the child may take long to start: make sure it writes at
                // all (a read may meet the writer's lock and is then retried).
                let t = std::time::Instant::now();
                while read(&path).map_or(true, |p| p.settings.fixed_costs == 0.0) && t.elapsed().as_secs() < 30 {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
            }
            // Different moments in the write cycle.
            std::thread::sleep(std::time::Duration::from_millis(round * 17 % 60));
            child.kill().unwrap(); // SIGKILL on unix
            child.wait().unwrap();
            let back = read(&path).unwrap();
            let n = back.settings.fixed_costs;
            assert_eq!(back.funnel[0].leads, Some(n), "round {round}: a torn edit");
            assert!(n >= last, "round {round}: a committed edit was lost ({n} < {last})");
            // Every edit appended one visit: the row count matches the counter.
            assert_eq!(back.visits.as_ref().map(Vec::len), Some(3 + n as usize), "round {round}");
            last = n;
        }
        assert!(last > 0.0, "the writer never committed: the test proves nothing");
    }
}
