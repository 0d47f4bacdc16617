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
//! JSON in a BLOB. Visits and the Funnel and Revenue sheets are the lists that can hold millions of
//! rows (a chain's sheets), so they are stored column-wise in chunks ([`super::columns`]); a test pins
//! their columns to the model's fields.
//!
//! Every sheet row has its position in the model's list as `pos` (the rowid), so an edit rewrites
//! only the rows it touched; an edit of visits, Funnel or Revenue rows rewrites the chunks holding
//! them.
//!
//! Format versions (`user_version`): 2 kept one SQL row per visit (table `visits`); 3 keeps them in
//! chunks (table `visit_chunks`); 4 keeps the Funnel and Revenue sheets in chunks too (tables
//! `funnel` and `revenue`, one SQL row per chunk: a chain's sheets run to millions of rows), in
//! chunks of 65,536 rows as the visits; 5 cuts the sheets' chunks to 4,096 rows, so that a cell edit
//! rewrites 260 KB rather than 4 MB. Older files are read as they are, and the first edit written
//! into one converts it in place ([`ProjectFile::open`]).

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{Connection, OpenFlags, Transaction};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::StoreError;
use super::columns::{self, Chunked};
use crate::model::{FORMAT_VERSION, FunnelRow, Interner, Project, RevenueRow, Settings, Sheet, VisitRecord};

/// `PRAGMA application_id` of medfunnel project files: "MFNL" in ASCII.
pub const APPLICATION_ID: i32 = 0x4D46_4E4C;

/// The first bytes of every SQLite database file.
pub const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// A table of the project file: one per sheet of the template (Settings live in `meta`), and the
/// lists that are not sheets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Table {
    /// A sheet of the template.
    Sheet(Sheet),
    /// Saved what-if scenarios.
    Scenarios,
    /// Patient visits of raw MIS exports.
    Visits,
    /// Contacts of an imported call journal.
    Contacts,
}

impl From<Sheet> for Table {
    fn from(sheet: Sheet) -> Table {
        Table::Sheet(sheet)
    }
}

impl Table {
    /// Every table: the sheets in the template's order, then the other lists.
    pub const ALL: [Table; 13] = [
        Table::Sheet(Sheet::Settings),
        Table::Sheet(Sheet::Directions),
        Table::Sheet(Sheet::Channels),
        Table::Sheet(Sheet::Plan),
        Table::Sheet(Sheet::Budget),
        Table::Sheet(Sheet::Funnel),
        Table::Sheet(Sheet::Revenue),
        Table::Sheet(Sheet::Doctors),
        Table::Sheet(Sheet::Nps),
        Table::Sheet(Sheet::Calls),
        Table::Scenarios,
        Table::Visits,
        Table::Contacts,
    ];

    /// The table's name in the file (Settings live in `meta`).
    pub fn name(self) -> &'static str {
        match self {
            Table::Sheet(Sheet::Settings) => "meta",
            Table::Sheet(Sheet::Directions) => "directions",
            Table::Sheet(Sheet::Channels) => "channels",
            Table::Sheet(Sheet::Plan) => "plan",
            Table::Sheet(Sheet::Budget) => "budget",
            Table::Sheet(Sheet::Funnel) => "funnel",
            Table::Sheet(Sheet::Revenue) => "revenue",
            Table::Sheet(Sheet::Doctors) => "doctors",
            Table::Sheet(Sheet::Nps) => "nps",
            Table::Sheet(Sheet::Calls) => "calls",
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

/// The visits' table: chunks of [`columns::CHUNK`], one packed column per [`VisitRecord`] field
/// (pinned to the model's fields by a test).
const VISIT_CHUNKS: &str = "visit_chunks";

/// The last format that kept one SQL row per visit, in the table `visits`.
const ROW_VISITS_VERSION: u32 = 2;

/// The last format that kept one SQL row per Funnel and Revenue row.
const ROW_SHEETS_VERSION: u32 = 3;

/// The last format that kept the Funnel and Revenue sheets in chunks of the visits' size.
const WIDE_SHEETS_VERSION: u32 = 4;

/// Rows per chunk of a list of `T` in a file of format `version` (3 and later).
fn stored_chunk<T: Chunked>(version: u32) -> usize {
    if version <= WIDE_SHEETS_VERSION { columns::CHUNK } else { T::CHUNK }
}

/// Bytes per database page of a file written whole. A chunk's BLOBs span chains of overflow pages:
/// with 16 KB pages rather than SQLite's 4 KB the chain's ten-million-row Funnel was saved whole in
/// 2.2 s rather than 3.6–3.8 s, opened in 3.4 s rather than 4.4–4.9 s and an edit written in 1.2 ms
/// rather than 2.3–3.0 ms (side by side, load 6–8); 64 KB pages gained no more and waste more of a
/// small sheet's edit.
const PAGE_SIZE: u32 = 16_384;

/// The table of a list kept in chunks: a chunk number, its row count and a BLOB per column.
fn chunk_ddl<T: Chunked>(table: &str) -> String {
    let columns: Vec<String> = T::COLUMNS.iter().map(|c| format!(", \"{c}\" BLOB")).collect();
    format!(
        "CREATE TABLE IF NOT EXISTS \"{table}\"(chunk INTEGER PRIMARY KEY, rows INTEGER NOT NULL{})",
        columns.concat()
    )
}

fn sql_err(file: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |e| StoreError::Format { file: file.display().to_string(), reason: e.to_string() }
}

/// Creates the schema in an empty database.
fn create_schema(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {FORMAT_VERSION};
         CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
         {}; {}; {};",
        chunk_ddl::<VisitRecord>(VISIT_CHUNKS),
        chunk_ddl::<FunnelRow>(Table::Sheet(Sheet::Funnel).name()),
        chunk_ddl::<RevenueRow>(Table::Sheet(Sheet::Revenue).name()),
    ))?;
    for t in Table::ALL {
        if !matches!(
            t,
            Table::Sheet(Sheet::Settings) | Table::Visits | Table::Sheet(Sheet::Funnel) | Table::Sheet(Sheet::Revenue)
        ) {
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
    // The page size is fixed when the first table is created: set it before anything else.
    conn.execute_batch(&format!(
        "PRAGMA page_size = {PAGE_SIZE}; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
    ))
    .map_err(&err)?;
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
    /// Opens an SQLite project file for writing edits into it; a file of an older format (one SQL
    /// row per visit, Funnel or Revenue row) is converted in place first, in one transaction.
    ///
    /// # Errors
    /// [`StoreError::Format`] when the file is not an SQLite project (a JSON project must be saved
    /// whole first), [`StoreError::TooNew`] for a newer format.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let (mut conn, version) = open_checked(path, true)?;
        conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(sql_err(path))?;
        if version < FORMAT_VERSION {
            convert(&mut conn, path, version)?;
        }
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

/// Converts a file of an older format (`version`): its visit rows (format 2) and its Funnel and
/// Revenue rows (formats 2 and 3) become chunks, and the sheets' chunks of format 4 are cut to the
/// current size.
fn convert(conn: &mut Connection, path: &Path, version: u32) -> Result<(), StoreError> {
    let err = sql_err(path);
    let tx = conn.transaction().map_err(&err)?;
    let has_table = |name: &str| -> Result<bool, StoreError> {
        tx.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1", [name], |r| r.get(0))
            .map_err(&err)
    };
    if version <= ROW_VISITS_VERSION && has_table("visits")? {
        let visits = read_visit_rows(&tx, path, i64::MIN, i64::MAX)?;
        tx.execute_batch(&chunk_ddl::<VisitRecord>(VISIT_CHUNKS)).map_err(&err)?;
        write_chunks(&tx, VISIT_CHUNKS, &visits, 0..usize::MAX).map_err(&err)?;
        tx.execute_batch("DROP TABLE visits").map_err(&err)?;
    }
    tx.execute_batch(&chunk_ddl::<VisitRecord>(VISIT_CHUNKS)).map_err(&err)?;
    let funnel = Table::Sheet(Sheet::Funnel).name();
    convert_sheet::<FunnelRow>(&tx, funnel, path, version, has_table(funnel)?)?;
    let revenue = Table::Sheet(Sheet::Revenue).name();
    convert_sheet::<RevenueRow>(&tx, revenue, path, version, has_table(revenue)?)?;
    tx.pragma_update(None, "user_version", FORMAT_VERSION).map_err(&err)?;
    tx.commit().map_err(&err)
}

/// Rewrites a sheet's table (when `exists`) of a file of format `version` in chunks of the current
/// size: from one SQL row per row (formats 2 and 3) or from chunks of another size.
fn convert_sheet<T: Chunked + DeserializeOwned>(
    tx: &Transaction,
    table: &str,
    path: &Path,
    version: u32,
    exists: bool,
) -> Result<(), StoreError> {
    let err = sql_err(path);
    let rows: Vec<T> = match (exists, version) {
        (false, _) => Vec::new(),
        (true, ..=ROW_SHEETS_VERSION) => read_sheet(tx, table, path)?,
        (true, _) => chunks_of(tx, path, table, i64::MIN, i64::MAX, 0, stored_chunk::<T>(version))?,
    };
    tx.execute_batch(&format!("DROP TABLE IF EXISTS \"{table}\"; {}", chunk_ddl::<T>(table))).map_err(&err)?;
    write_chunks(tx, table, &rows, 0..usize::MAX).map_err(&err)
}

/// Opens a database and checks it is a project file this build reads; returns its format version.
fn open_checked(path: &Path, write: bool) -> Result<(Connection, u32), StoreError> {
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
    Ok((conn, version))
}

/// Rewrites `rows` of `table` (clamped to the model's length) and drops the file's rows past the
/// model's end.
fn write_table(tx: &Transaction, p: &Project, table: Table, rows: Range<usize>, file: &Path) -> Result<(), StoreError> {
    let name = table.name();
    let len = match table {
        Table::Sheet(Sheet::Settings) => return write_settings(tx, &p.settings, file),
        Table::Sheet(Sheet::Directions) => write_sheet(tx, name, &p.directions, rows, file)?,
        Table::Sheet(Sheet::Channels) => write_sheet(tx, name, &p.channels, rows, file)?,
        Table::Sheet(Sheet::Plan) => write_sheet(tx, name, &p.plan, rows, file)?,
        Table::Sheet(Sheet::Budget) => write_sheet(tx, name, &p.budget, rows, file)?,
        Table::Sheet(Sheet::Funnel) => return write_chunks(tx, name, &p.funnel, rows).map_err(sql_err(file)),
        Table::Sheet(Sheet::Revenue) => return write_chunks(tx, name, &p.revenue, rows).map_err(sql_err(file)),
        Table::Sheet(Sheet::Doctors) => write_sheet(tx, name, &p.doctors, rows, file)?,
        Table::Sheet(Sheet::Nps) => write_sheet(tx, name, &p.nps, rows, file)?,
        Table::Sheet(Sheet::Calls) => write_sheet(tx, name, &p.calls, rows, file)?,
        Table::Scenarios => write_sheet(tx, name, &p.scenarios, rows, file)?,
        Table::Visits => {
            set_meta(tx, META_HAS_VISITS, SqlValue::Integer(i64::from(p.visits.is_some()))).map_err(sql_err(file))?;
            return write_chunks(tx, VISIT_CHUNKS, p.visits.as_deref().unwrap_or_default(), rows)
                .map_err(sql_err(file));
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

/// Rewrites the chunks of `table` holding `range` of `list` and drops the chunks past its end.
fn write_chunks<T: Chunked>(tx: &Transaction, table: &str, list: &[T], range: Range<usize>) -> rusqlite::Result<()> {
    let end = range.end.min(list.len());
    let marks: Vec<String> = (3..T::COLUMNS.len() + 3).map(|i| format!("?{i}")).collect();
    let mut stmt = tx.prepare_cached(&format!(
        "INSERT OR REPLACE INTO \"{table}\"(chunk, rows, {}) VALUES (?1, ?2, {})",
        column_list::<T>(),
        marks.join(", ")
    ))?;
    let mut chunk = range.start / T::CHUNK;
    while chunk * T::CHUNK < end {
        let rows = &list[chunk * T::CHUNK..((chunk + 1) * T::CHUNK).min(list.len())];
        let head = [rusqlite::types::Value::Integer(chunk as i64), rusqlite::types::Value::Integer(rows.len() as i64)];
        let blobs = T::pack(rows).into_iter().map(SqlValue::Blob);
        stmt.execute(rusqlite::params_from_iter(head.into_iter().chain(blobs)))?;
        chunk += 1;
    }
    tx.execute(&format!("DELETE FROM \"{table}\" WHERE chunk >= ?1"), [list.len().div_ceil(T::CHUNK) as i64])?;
    Ok(())
}

/// The columns of a chunk table, quoted, comma-separated.
fn column_list<T: Chunked>() -> String {
    T::COLUMNS.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ")
}

/// A patient key of the previous format: 32 bytes of a SHA-256 key, or any other key as text.
fn patient_from_sql(v: ValueRef<'_>) -> Result<Option<String>, String> {
    match v {
        ValueRef::Null => Ok(None),
        ValueRef::Blob(b) => Ok(Some(columns::key_text(b))),
        ValueRef::Text(t) => std::str::from_utf8(t).map(|s| Some(s.to_string())).map_err(|e| e.to_string()),
        other => Err(format!("patient key of type {:?}", other.data_type())),
    }
}

/// Reads a whole project file.
pub(super) fn read(path: &Path) -> Result<Project, StoreError> {
    read_with(path, true).map(|(project, _)| project)
}

/// Reads a project file but its patient visits; tells whether it has visits to read with
/// [`read_visits_of`] (the app draws its first frame from the sheets and reads the visits after).
pub(super) fn read_sheets(path: &Path) -> Result<(Project, bool), StoreError> {
    read_with(path, false)
}

/// The patient visits of a project file, `None` when it has none.
pub(super) fn read_visits_of(path: &Path) -> Result<Option<Vec<VisitRecord>>, StoreError> {
    let (conn, version) = open_checked(path, false)?;
    if !meta_flag(&conn, META_HAS_VISITS, path)? {
        return Ok(None);
    }
    drop(conn);
    visits_of(path, version).map(Some)
}

/// The visits of a file of format `version`.
fn visits_of(path: &Path, version: u32) -> Result<Vec<VisitRecord>, StoreError> {
    if version <= ROW_VISITS_VERSION {
        let (conn, _) = open_checked(path, false)?;
        read_visit_rows(&conn, path, i64::MIN, i64::MAX)
    } else {
        read_chunked::<VisitRecord>(path, VISIT_CHUNKS, stored_chunk::<VisitRecord>(version))
    }
}

/// A value of the `meta` table.
fn meta_value(conn: &Connection, key: &str, path: &Path) -> Result<Option<SqlValue>, StoreError> {
    let err = sql_err(path);
    let mut stmt = conn.prepare_cached("SELECT value FROM meta WHERE key = ?1").map_err(&err)?;
    let mut rows = stmt.query([key]).map_err(&err)?;
    Ok(match rows.next().map_err(&err)? {
        Some(r) => Some(r.get::<_, SqlValue>(0).map_err(&err)?),
        None => None,
    })
}

/// Whether a flag of the `meta` table is set.
fn meta_flag(conn: &Connection, key: &str, path: &Path) -> Result<bool, StoreError> {
    Ok(matches!(meta_value(conn, key, path)?, Some(SqlValue::Integer(1))))
}

/// Reads a project file, its visits only `with_visits`; returns whether it has visits.
fn read_with(path: &Path, with_visits: bool) -> Result<(Project, bool), StoreError> {
    let (conn, version) = open_checked(path, false)?;
    let err = sql_err(path);
    let tables: HashSet<String> = {
        let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").map_err(&err)?;
        stmt.query_map([], |r| r.get(0)).map_err(&err)?.collect::<Result<_, _>>().map_err(&err)?
    };
    let bad = |reason: String| StoreError::Format { file: path.display().to_string(), reason };
    let settings = match meta_value(&conn, META_SETTINGS, path)? {
        Some(SqlValue::Text(t)) => serde_json::from_str(&t).map_err(|e| bad(format!("settings: {e}")))?,
        _ => Settings::default(),
    };
    macro_rules! sheet {
        ($t:expr) => {
            if tables.contains($t.name()) { read_sheet(&conn, $t.name(), path)? } else { Vec::new() }
        };
    }
    // Formats before 4 keep one SQL row per Funnel and Revenue row.
    macro_rules! chunked {
        ($row:ty, $t:expr) => {
            if version <= ROW_SHEETS_VERSION {
                sheet!($t)
            } else if tables.contains($t.name()) {
                read_chunked::<$row>(path, $t.name(), stored_chunk::<$row>(version))?
            } else {
                Vec::new()
            }
        };
    }
    let has_visits = meta_flag(&conn, META_HAS_VISITS, path)?;
    // The visits (the bulk of a big project) are read on their own connections while the sheets are
    // read here.
    std::thread::scope(|s| {
        let visits = (has_visits && with_visits).then(|| s.spawn(move || visits_of(path, version)));
        let contacts = if meta_flag(&conn, META_HAS_CONTACTS, path)? { Some(sheet!(Table::Contacts)) } else { None };
        let mut project = Project {
            format_version: FORMAT_VERSION,
            settings,
            directions: sheet!(Table::Sheet(Sheet::Directions)),
            channels: sheet!(Table::Sheet(Sheet::Channels)),
            plan: sheet!(Table::Sheet(Sheet::Plan)),
            budget: sheet!(Table::Sheet(Sheet::Budget)),
            funnel: chunked!(FunnelRow, Table::Sheet(Sheet::Funnel)),
            revenue: chunked!(RevenueRow, Table::Sheet(Sheet::Revenue)),
            doctors: sheet!(Table::Sheet(Sheet::Doctors)),
            nps: sheet!(Table::Sheet(Sheet::Nps)),
            visits: None,
            branch_scope: None,
            scenarios: sheet!(Table::Scenarios),
            calls: sheet!(Table::Sheet(Sheet::Calls)),
            contacts,
        };
        if let Some(handle) = visits {
            project.visits = Some(handle.join().map_err(|_| bad("the visits reader failed".into()))??.into());
        }
        Ok((project, has_visits))
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

/// Reads a list kept in chunks of `size` rows on both cores: each half of the chunks on its own
/// connection.
fn read_chunked<T: Chunked + Send>(path: &Path, table: &str, size: usize) -> Result<Vec<T>, StoreError> {
    let (conn, _) = open_checked(path, false)?;
    // The `rows` cells sit before the BLOBs in each record: summing them reads no column data.
    let (last, total): (Option<i64>, Option<i64>) = conn
        .query_row(&format!("SELECT max(chunk), sum(rows) FROM \"{table}\""), [], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(sql_err(path))?;
    drop(conn);
    let half = last.map_or(0, |l| (l + 1) / 2);
    // The first half is read into a list with room for all, so the second is appended without
    // moving the first (bounded: a broken count must not reserve gigabytes).
    let room = usize::try_from(total.unwrap_or(0)).unwrap_or(0).min(1 << 26);
    let (a, b) = std::thread::scope(|s| {
        let second = s.spawn(|| read_chunks(path, table, half, i64::MAX, 0, size));
        let first = read_chunks(path, table, i64::MIN, half, room, size);
        (first, second.join())
    });
    let mut list = a?;
    match b {
        Ok(rest) => list.extend(rest?),
        Err(_) => {
            return Err(StoreError::Format {
                file: path.display().to_string(),
                reason: format!("{table}: the reader failed"),
            });
        }
    }
    Ok(list)
}

/// The rows of chunks `from..to` (of `size` rows) of `table`, in order, into a list with room for
/// `room` rows, on a connection of their own.
fn read_chunks<T: Chunked>(
    path: &Path,
    table: &str,
    from: i64,
    to: i64,
    room: usize,
    size: usize,
) -> Result<Vec<T>, StoreError> {
    let (conn, _) = open_checked(path, false)?;
    // Pages read straight from the mapped file, without a copy into SQLite's cache.
    conn.execute_batch("PRAGMA mmap_size = 1073741824").map_err(sql_err(path))?;
    chunks_of(&conn, path, table, from, to, room, size)
}

/// [`read_chunks`] on `conn`.
fn chunks_of<T: Chunked>(
    conn: &Connection,
    path: &Path,
    table: &str,
    from: i64,
    to: i64,
    room: usize,
    size: usize,
) -> Result<Vec<T>, StoreError> {
    let err = sql_err(path);
    let mut stmt = conn
        .prepare(&format!(
            "SELECT chunk, rows, {} FROM \"{table}\" WHERE chunk >= ?1 AND chunk < ?2 ORDER BY chunk",
            column_list::<T>()
        ))
        .map_err(&err)?;
    // Visits are named as before format 4 ("visits 65537..: …"); sheets by their table.
    let what = if table == VISIT_CHUNKS { "visits" } else { table };
    let mut out = Vec::with_capacity(room);
    let mut rows = stmt.query([from, to]).map_err(&err)?;
    let mut expected = from.max(0);
    while let Some(r) = rows.next().map_err(&err)? {
        let chunk: i64 = r.get(0).map_err(&err)?;
        let bad = |reason: String| StoreError::Format {
            file: path.display().to_string(),
            reason: format!("{what} {}..: {reason}", chunk.saturating_mul(size as i64) + 1),
        };
        // Chunks are whole but the last, and none is missing: anything else lost rows.
        if chunk != expected {
            return Err(bad(format!("a chunk of {what} is missing")));
        }
        let n: i64 = r.get(1).map_err(&err)?;
        let n = usize::try_from(n).ok().filter(|n| *n <= size).ok_or_else(|| bad(format!("{n} rows in a chunk")))?;
        let blobs = T::COLUMNS
            .iter()
            .enumerate()
            .map(|(i, name)| match r.get_ref(i + 2).map_err(&err)? {
                ValueRef::Blob(b) => Ok(b),
                ValueRef::Null => Ok(&[][..]),
                other => Err(bad(format!("{name} column holds {:?}", other.data_type()))),
            })
            .collect::<Result<Vec<&[u8]>, StoreError>>()?;
        T::unpack(n, &blobs, &mut out).map_err(bad)?;
        expected = chunk + 1;
    }
    Ok(out)
}

/// The visits at positions `from..to` of a file of the previous format (one SQL row per visit).
fn read_visit_rows(conn: &Connection, path: &Path, from: i64, to: i64) -> Result<Vec<VisitRecord>, StoreError> {
    let err = sql_err(path);
    let bad = |pos: i64, reason: String| StoreError::Format {
        file: path.display().to_string(),
        reason: format!("visits row {}: {reason}", pos + 1),
    };
    let mut stmt = conn
        .prepare(&format!(
            "SELECT pos, {} FROM visits WHERE pos >= ?1 AND pos < ?2 ORDER BY pos",
            VisitRecord::COLUMNS.join(", ")
        ))
        .map_err(&err)?;
    let mut out = Vec::new();
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
    use super::columns::CHUNK;
    use super::*;
    use crate::model::{CallRow, ContactOutcome, ContactRecord, Lever, LeverChange, Month, Scenario};
    use chrono::Datelike;

    /// The demo with every optional list filled, so every table and value type is exercised.
    fn full_project() -> Project {
        let mut p = crate::demo::demo_project();
        let day = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        p.visits = Some(
            vec![
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
            ]
            .into(),
        );
        p.contacts = Some(vec![ContactRecord {
            time: day.and_hms_opt(9, 30, 0).unwrap(),
            patient: "cd".repeat(32).into(),
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
        file.write_changes(&p, &[Change::Rows { table: Table::Sheet(Sheet::Funnel), rows: 3..4 }]).unwrap();
        assert_eq!(read(&path).unwrap(), p);
        p.plan.remove(1);
        let extra = p.budget[0].clone();
        p.budget.push(extra);
        p.settings.clinic = "Новая".into();
        p.visits = None;
        let changes = [
            Change::From { table: Table::Sheet(Sheet::Plan), at: 1 },
            Change::From { table: Table::Sheet(Sheet::Budget), at: p.budget.len() - 1 },
            Change::Rows { table: Table::Sheet(Sheet::Settings), rows: 0..1 },
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
            "ALTER TABLE budget ADD COLUMN future_field; UPDATE budget SET future_field = 5, branch = NULL;",
        )
        .unwrap();
        drop(conn);
        let back = read(&path).unwrap();
        assert_eq!(back.budget.len(), p.budget.len());
        assert!(back.budget.iter().all(|r| r.branch.is_none()));
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

    /// The store names the project's lists and the fields of the lists kept in chunks one by one: a
    /// field added to the model must be added here too, or it would be dropped on save.
    #[test]
    fn the_store_knows_every_field_of_the_project_and_of_the_chunked_lists() {
        let project = serde_json::to_value(Project::new()).unwrap();
        let mut keys: Vec<&str> = project.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut known: Vec<&str> = Table::ALL
            .iter()
            .filter(|t| **t != Table::Sheet(Sheet::Settings))
            .map(|t| t.name())
            .chain(["format_version", "settings"])
            .collect();
        known.sort_unstable();
        assert_eq!(keys, known);
        let p = full_project();
        let fields_of = |row: Value| {
            let mut fields: Vec<String> = row.as_object().unwrap().keys().cloned().collect();
            fields.sort_unstable();
            fields
        };
        let columns_of = |columns: &[&str]| {
            let mut columns: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
            columns.sort_unstable();
            columns
        };
        let visit = serde_json::to_value(&p.visits.as_ref().unwrap()[0]).unwrap();
        assert_eq!(fields_of(visit), columns_of(VisitRecord::COLUMNS));
        assert_eq!(fields_of(serde_json::to_value(&p.funnel[0]).unwrap()), columns_of(FunnelRow::COLUMNS));
        assert_eq!(fields_of(serde_json::to_value(&p.revenue[0]).unwrap()), columns_of(RevenueRow::COLUMNS));
    }

    /// Rewrites a saved file of `p` as format 3 wrote it: one SQL row per Funnel and Revenue row.
    fn as_row_sheets_file(path: &Path, p: &Project) {
        let mut conn = Connection::open(path).unwrap();
        let tx = conn.transaction().unwrap();
        tx.execute_batch(
            "DROP TABLE funnel; DROP TABLE revenue; PRAGMA user_version = 3; \
             CREATE TABLE funnel(pos INTEGER PRIMARY KEY); CREATE TABLE revenue(pos INTEGER PRIMARY KEY);",
        )
        .unwrap();
        write_sheet(&tx, "funnel", &p.funnel, 0..usize::MAX, path).unwrap();
        write_sheet(&tx, "revenue", &p.revenue, 0..usize::MAX, path).unwrap();
        tx.commit().unwrap();
    }

    /// Rewrites a saved file of `p` as format 2 wrote it: one SQL row per visit (keys of SHA-256
    /// form as their 32 bytes), Funnel and Revenue row.
    fn as_row_visits_file(path: &Path, p: &Project) {
        as_row_sheets_file(path, p);
        let visits = p.visits.as_deref().unwrap();
        let conn = Connection::open(path).unwrap();
        conn.execute_batch(
            "DROP TABLE visit_chunks; PRAGMA user_version = 2; CREATE TABLE visits(pos INTEGER PRIMARY KEY, \
             date INTEGER NOT NULL, patient, direction TEXT, doctor TEXT, amount REAL NOT NULL, branch TEXT)",
        )
        .unwrap();
        for (i, v) in visits.iter().enumerate() {
            let patient = v.patient.as_deref().map(|k| match columns::key_bytes(k) {
                Some(b) => SqlValue::Blob(b.to_vec()),
                None => SqlValue::Text(k.to_string()),
            });
            conn.execute(
                "INSERT INTO visits VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                rusqlite::params![
                    i as i64,
                    v.date.num_days_from_ce(),
                    patient,
                    v.direction,
                    v.doctor,
                    v.amount,
                    v.branch
                ],
            )
            .unwrap();
        }
    }

    #[test]
    fn a_file_of_the_previous_format_is_read_as_it_is_and_converted_when_opened_for_edits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.medfunnel");
        let mut p = full_project();
        save(&p, &path);
        as_row_visits_file(&path, &p);
        let version = |path: &Path| -> u32 {
            Connection::open(path).unwrap().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap()
        };
        assert_eq!(version(&path), 2);
        assert_eq!(read(&path).unwrap(), p);
        let mut file = ProjectFile::open(&path).unwrap();
        assert_eq!(version(&path), FORMAT_VERSION);
        p.funnel[0].leads = Some(5.0);
        file.write_changes(&p, &[Change::Rows { table: Table::Sheet(Sheet::Funnel), rows: 0..1 }]).unwrap();
        drop(file);
        assert_eq!(read(&path).unwrap(), p);
        let conn = Connection::open(&path).unwrap();
        let old: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'visits'", [], |r| r.get(0)).unwrap();
        assert_eq!(old, 0, "the row table is gone");
    }

    /// Rewrites a saved file of `p` as format 4 wrote it: the Funnel and Revenue sheets in chunks of
    /// 65,536 rows, the visits' size.
    fn as_wide_sheets_file(path: &Path, p: &Project) {
        fn wide<T: Chunked>(tx: &Transaction, table: &str, list: &[T]) {
            tx.execute(&format!("DELETE FROM \"{table}\""), []).unwrap();
            let marks = vec!["?"; T::COLUMNS.len() + 2].join(", ");
            for (i, rows) in list.chunks(CHUNK).enumerate() {
                let head = [SqlValue::Integer(i as i64), SqlValue::Integer(rows.len() as i64)];
                let blobs = T::pack(rows).into_iter().map(SqlValue::Blob);
                let sql = format!("INSERT INTO \"{table}\" VALUES ({marks})");
                tx.execute(&sql, rusqlite::params_from_iter(head.into_iter().chain(blobs))).unwrap();
            }
        }
        let mut conn = Connection::open(path).unwrap();
        let tx = conn.transaction().unwrap();
        wide(&tx, "funnel", &p.funnel);
        wide(&tx, "revenue", &p.revenue);
        tx.pragma_update(None, "user_version", WIDE_SHEETS_VERSION).unwrap();
        tx.commit().unwrap();
    }

    #[test]
    fn a_file_saved_whole_has_large_pages_and_keeps_them_through_edits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.medfunnel");
        let mut p = full_project();
        save(&p, &path);
        let page = |path: &Path| -> u32 {
            Connection::open(path).unwrap().pragma_query_value(None, "page_size", |r| r.get(0)).unwrap()
        };
        assert_eq!(page(&path), PAGE_SIZE);
        let mut file = ProjectFile::open(&path).unwrap();
        p.funnel[0].leads = Some(3.0);
        file.write_changes(&p, &[Change::Rows { table: Table::Sheet(Sheet::Funnel), rows: 0..1 }]).unwrap();
        drop(file);
        assert_eq!((page(&path), read(&path).unwrap()), (PAGE_SIZE, p));
    }

    #[test]
    fn a_format_4_file_is_read_as_it_is_and_its_sheets_recut_when_opened_for_edits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.medfunnel");
        let mut p = full_project();
        let row = p.funnel[0].clone();
        let chunk = FunnelRow::CHUNK;
        p.funnel = (0..2 * chunk + 1).map(|i| FunnelRow { leads: Some(i as f64), ..row.clone() }).collect();
        save(&p, &path);
        as_wide_sheets_file(&path, &p);
        let facts = |path: &Path| -> (u32, i64) {
            let conn = Connection::open(path).unwrap();
            let version = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
            (version, conn.query_row("SELECT count(*) FROM funnel", [], |r| r.get(0)).unwrap())
        };
        // 8,193 rows in one chunk of format 4.
        assert_eq!(facts(&path), (WIDE_SHEETS_VERSION, 1));
        assert_eq!(read(&path).unwrap(), p);
        let mut file = ProjectFile::open(&path).unwrap();
        p.funnel[chunk + 1].leads = Some(-1.0);
        file.write_changes(&p, &[Change::Rows { table: Table::Sheet(Sheet::Funnel), rows: chunk + 1..chunk + 2 }])
            .unwrap();
        drop(file);
        assert_eq!(read(&path).unwrap(), p);
        // Two whole chunks of 4,096 rows and one of a single row.
        assert_eq!(facts(&path), (FORMAT_VERSION, 3));
    }

    #[test]
    fn a_format_3_file_keeps_its_sheets_and_is_converted_when_opened_for_edits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.medfunnel");
        let mut p = full_project();
        save(&p, &path);
        as_row_sheets_file(&path, &p);
        assert_eq!(read(&path).unwrap(), p);
        let mut file = ProjectFile::open(&path).unwrap();
        p.revenue[2].revenue = 12_345.5;
        file.write_changes(&p, &[Change::Rows { table: Table::Sheet(Sheet::Revenue), rows: 2..3 }]).unwrap();
        drop(file);
        assert_eq!(read(&path).unwrap(), p);
        let conn = Connection::open(&path).unwrap();
        let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        let chunks: i64 = conn.query_row("SELECT count(*) FROM funnel", [], |r| r.get(0)).unwrap();
        // The demo's Funnel fits one chunk.
        assert_eq!((version, chunks), (FORMAT_VERSION, 1));
    }

    #[test]
    fn funnel_rows_across_chunks_round_trip_and_a_broken_chunk_is_located() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.medfunnel");
        let mut p = full_project();
        let row = p.funnel[0].clone();
        let chunk = FunnelRow::CHUNK;
        p.funnel = (0..chunk + 5)
            .map(|i| crate::model::FunnelRow {
                leads: Some(i as f64),
                returning_leads: (i % 2 == 0).then_some(1.0),
                branch: (i % 3 == 0).then(|| format!("Филиал {}", i % 7).into()),
                ..row.clone()
            })
            .collect();
        save(&p, &path);
        assert_eq!(read(&path).unwrap(), p);
        let mut file = ProjectFile::open(&path).unwrap();
        p.funnel[chunk + 2].channel = "Новый".into();
        file.write_changes(&p, &[Change::Rows { table: Table::Sheet(Sheet::Funnel), rows: chunk + 2..chunk + 3 }])
            .unwrap();
        assert_eq!(read(&path).unwrap(), p);
        file.conn.execute_batch("UPDATE funnel SET leads = x'00' WHERE chunk = 1").unwrap();
        drop(file);
        let e = read(&path).unwrap_err().to_string();
        assert!(e.contains("funnel 4097..: leads column"), "{e}");
    }

    #[test]
    fn visits_across_chunks_round_trip_and_an_edit_rewrites_their_chunk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.medfunnel");
        let mut p = Project::new();
        let day = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        // Two whole chunks and three visits more.
        p.visits = Some(
            (0..2 * CHUNK + 3)
                .map(|i| VisitRecord {
                    date: day + chrono::Days::new((i % 700) as u64),
                    patient: Some(format!("{:064x}", i % 5000).into()),
                    direction: Some(["УЗИ", "МРТ"][i % 2].into()),
                    doctor: (i % 3 != 0).then(|| format!("Врач {}", i % 30).into()),
                    amount: i as f64 * 0.5,
                    branch: None,
                })
                .collect(),
        );
        save(&p, &path);
        assert_eq!(read(&path).unwrap(), p);
        let mut file = ProjectFile::open(&path).unwrap();
        let visits = p.visits.as_mut().unwrap().records_mut();
        visits[CHUNK + 1].amount = 99.0;
        file.write_changes(&p, &[Change::Rows { table: Table::Visits, rows: CHUNK + 1..CHUNK + 2 }]).unwrap();
        assert_eq!(read(&path).unwrap(), p);
        // Removing visits down to one chunk drops the chunks past the end.
        p.visits.as_mut().unwrap().records_mut().truncate(CHUNK - 1);
        file.write_changes(&p, &[Change::From { table: Table::Visits, at: CHUNK - 1 }]).unwrap();
        assert_eq!(read(&path).unwrap(), p);
        let chunks: i64 = file.conn.query_row("SELECT count(*) FROM visit_chunks", [], |r| r.get(0)).unwrap();
        assert_eq!(chunks, 1);
        // A missing chunk in the middle is a located error, not fewer visits.
        let mut p3 = p.clone();
        p3.visits.as_mut().unwrap().records_mut().extend((0..2 * CHUNK).map(|_| p.visits.as_ref().unwrap()[0].clone()));
        file.write_changes(&p3, &[Change::From { table: Table::Visits, at: 0 }]).unwrap();
        file.conn.execute_batch("DELETE FROM visit_chunks WHERE chunk = 1").unwrap();
        drop(file);
        let e = read(&path).unwrap_err().to_string();
        assert!(e.contains("missing"), "{e}");
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
            let visits = p.visits.get_or_insert_default().records_mut();
            visits.push(visits[0].clone());
            if n % 25 == 0 {
                drop(file);
                super::super::save_project(&p, &path).unwrap();
                file = ProjectFile::open(&path).unwrap();
            } else {
                let at = p.visits.as_deref().map_or(0, <[_]>::len) - 1;
                let changes = [
                    Change::Rows { table: Table::Sheet(Sheet::Settings), rows: 0..1 },
                    Change::Rows { table: Table::Sheet(Sheet::Funnel), rows: 0..1 },
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
            assert_eq!(back.visits.as_deref().map(<[_]>::len), Some(3 + n as usize), "round {round}");
            last = n;
        }
        assert!(last > 0.0, "the writer never committed: the test proves nothing");
    }
}
