//! Project files (`.medfunnel`) and opening any file the user points at: a project file or a
//! workbook to import.
//!
//! A project file is an SQLite database ([`sqlite`]); files of the first format, one JSON document
//! ([`legacy_json`]), still open and become databases on their first save. A whole save builds the
//! database beside the target and renames it over it; the app then writes each edit into the file
//! as one transaction of the rows it changed ([`ProjectFile`]).

mod columns;
mod legacy_json;
pub mod sqlite;

use std::fs;
use std::io::{Read, Write};
use std::path::Path;

use crate::import::{self, Imported, Problem};
use crate::model::{FORMAT_VERSION, Project, VisitRecord};

pub use sqlite::{Change, ProjectFile, Table};

/// The extension of project files.
pub const PROJECT_EXTENSION: &str = "medfunnel";

/// Why a project file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file system refused.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not a medfunnel project.
    #[error("{file}: not a medfunnel project file ({reason})")]
    Format {
        /// The file.
        file: String,
        /// What was wrong.
        reason: String,
    },
    /// The file was written by a newer medfunnel.
    #[error("{file}: written by a newer medfunnel (format {found}, this version reads up to {FORMAT_VERSION})")]
    TooNew {
        /// The file.
        file: String,
        /// Its format version.
        found: u32,
    },
    /// The workbook could not be imported at all.
    #[error(transparent)]
    Import(#[from] import::ImportError),
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io { file: path.display().to_string(), source }
}

/// Whether `path` names a project file (by extension).
pub fn is_project_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case(PROJECT_EXTENSION))
}

/// A project file read, and whether it was of the first (JSON) format.
#[derive(Debug)]
pub struct Loaded {
    /// The project.
    pub project: Project,
    /// The file is a JSON project of an older medfunnel: saving converts it.
    pub legacy: bool,
}

/// Reads a project file.
///
/// # Errors
/// [`StoreError::Io`] when it cannot be read, [`StoreError::Format`] when it is not a project,
/// [`StoreError::TooNew`] when a newer medfunnel wrote it.
pub fn load_project(path: &Path) -> Result<Project, StoreError> {
    read_project(path).map(|l| l.project)
}

/// Reads a project file of either format, telling which it was.
///
/// # Errors
/// As [`load_project`].
pub fn read_project(path: &Path) -> Result<Loaded, StoreError> {
    let mut head = Vec::with_capacity(16);
    fs::File::open(path).and_then(|f| f.take(16).read_to_end(&mut head)).map_err(io_err(path))?;
    if head.as_slice() == sqlite::SQLITE_HEADER {
        return Ok(Loaded { project: sqlite::read(path)?, legacy: false });
    }
    let file = path.display().to_string();
    if legacy_json::looks_like_json(&head) {
        let bytes = fs::read(path).map_err(io_err(path))?;
        return Ok(Loaded { project: legacy_json::read(&file, &bytes)?, legacy: true });
    }
    Err(StoreError::Format { file, reason: "neither an SQLite database nor a JSON project".into() })
}

/// Reads a project file but its patient visits (the bulk of a big project), telling whether
/// [`read_visits`] has visits to read after: the app draws its first frame from the sheets and
/// reads the visits on another thread. A JSON project is read whole (`visits_pending` is false).
///
/// # Errors
/// As [`load_project`].
pub fn read_project_sheets(path: &Path) -> Result<(Loaded, bool), StoreError> {
    let mut head = Vec::with_capacity(16);
    fs::File::open(path).and_then(|f| f.take(16).read_to_end(&mut head)).map_err(io_err(path))?;
    if head.as_slice() == sqlite::SQLITE_HEADER {
        let (project, visits_pending) = sqlite::read_sheets(path)?;
        return Ok((Loaded { project, legacy: false }, visits_pending));
    }
    read_project(path).map(|loaded| (loaded, false))
}

/// The patient visits of an SQLite project file (`None` when it has none), for a project read
/// with [`read_project_sheets`].
///
/// # Errors
/// As [`load_project`].
pub fn read_visits(path: &Path) -> Result<Option<Vec<VisitRecord>>, StoreError> {
    sqlite::read_visits_of(path)
}

/// The notice shown when a JSON project of an older medfunnel was opened.
pub fn legacy_notice(path: &Path) -> Problem {
    let file = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    Problem::notice(&file, crate::import::ProblemKind::LegacyProject(file.clone()))
}

pub use crate::import::TEMP_PREFIX;

/// How old a temp file of ours must be before a start removes it even though the process that
/// wrote it may still be running (a save takes seconds, not minutes).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(5 * 60);

/// Removes medfunnel's left-over temp files in `dir`: those of a process that no longer runs (a
/// save killed mid-way), and any older than a few minutes. This process's own are kept. Errors
/// are ignored: cleaning up must never stop a command. Returns how many files were removed.
pub fn sweep_temp_files(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else { return 0 };
    let me = std::process::id();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(TEMP_PREFIX)) else { continue };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if pid == Some(me) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_none_or(|age| age > STALE_AFTER);
        let orphan = pid.is_some_and(process_gone);
        if (old || orphan) && entry.file_type().is_ok_and(|t| t.is_file()) && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether no process with this id runs (only known where `/proc` lists processes; elsewhere the
/// age rule of [`sweep_temp_files`] applies alone).
fn process_gone(pid: u32) -> bool {
    let proc = Path::new("/proc");
    proc.join("self").exists() && !proc.join(pid.to_string()).exists()
}

/// The folder a file is written into (`.` for a bare file name).
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` atomically: a temp file in the same folder (named with
/// [`TEMP_PREFIX`] and this process's id), fsync, rename, fsync the folder. A failure at any step
/// leaves the old file as it was and removes the temp file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic_io(path, bytes).map_err(io_err(path))
}

/// [`write_atomic`] for callers with their own error type (the workbook writers).
pub fn write_atomic_io(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = temp_file_beside(path)?;
    tmp.write_all(bytes)?;
    persist(tmp, path)
}

/// A temp file beside `path`, named with [`TEMP_PREFIX`] and this process's id, so that a killed
/// save's leftover is recognised and swept at the next start.
fn temp_file_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new().prefix(&format!("{TEMP_PREFIX}{}-", std::process::id())).tempfile_in(folder_of(path))
}

/// Syncs a complete temp file and renames it over `path`, then syncs the folder.
fn persist(tmp: tempfile::NamedTempFile, path: &Path) -> std::io::Result<()> {
    let dir = folder_of(path);
    // tempfile creates the file readable by its owner only; a saved project or workbook keeps the
    // permissions of the file it replaces, or gets the usual ones.
    let permissions = fs::metadata(path).map(|m| m.permissions()).ok().or_else(default_permissions);
    if let Some(p) = permissions {
        tmp.as_file().set_permissions(p)?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // The rename is durable only once the folder is synced; not every platform allows it.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<fs::Permissions> {
    // Only unix temp files are created owner-only; elsewhere the new file's defaults are right.
    None
}

/// Saves a project file atomically, in one go: the database is built in a temp file beside the
/// target and renamed over it, so a crash leaves the old file or the new one, never a mix.
///
/// # Errors
/// [`StoreError::Io`] when the folder refuses the file, [`StoreError::Format`] when SQLite does.
pub fn save_project(project: &Project, path: &Path) -> Result<(), StoreError> {
    let tmp = temp_file_beside(path).map_err(io_err(path))?;
    sqlite::write_new(project, tmp.path())?;
    if path.exists() {
        sqlite::settle(path)?;
    }
    persist(tmp, path).map_err(io_err(path))
}

/// Opens what the user pointed at: a project file (with a notice when it is of the older JSON
/// format; its values checked as a workbook's are, rows with impossible values left out with
/// located errors), anything else as a workbook to import.
pub fn open(path: &Path) -> Result<Imported, StoreError> {
    if is_project_file(path) {
        let mut loaded = read_project(path)?;
        let mut problems = if loaded.legacy { vec![legacy_notice(path)] } else { Vec::new() };
        let file = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        problems.extend(crate::import::validate::validate_project(&mut loaded.project, &file));
        Ok(Imported { project: loaded.project, problems })
    } else {
        Ok(import::import_workbook(path)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_and_load_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clinic.medfunnel");
        let mut p = Project::new();
        p.settings.clinic = "Тест".into();
        save_project(&p, &path).unwrap();
        assert_eq!(load_project(&path).unwrap(), p);
        assert!(is_project_file(&path));
    }

    #[test]
    fn failed_save_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clinic.medfunnel");
        fs::write(&path, b"old").unwrap();
        // Persisting onto a path whose parent is missing fails after the temp file was written.
        let bad = dir.path().join("missing").join("clinic.medfunnel");
        assert!(save_project(&Project::new(), &bad).is_err());
        assert_eq!(fs::read(&path).unwrap(), b"old");
        // A target that is a directory cannot be replaced: the rename fails, nothing is lost.
        let target = dir.path().join("folder.medfunnel");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("inside"), b"keep").unwrap();
        assert!(write_atomic(&target, b"new").is_err());
        assert_eq!(fs::read(target.join("inside")).unwrap(), b"keep");
        // No temp files are left behind.
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn saved_files_are_readable_like_any_document() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.medfunnel");
        save_project(&Project::new(), &path).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        save_project(&Project::new(), &path).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn temp_files_of_dead_writers_are_swept() {
        let dir = tempfile::tempdir().unwrap();
        // A writer that no longer runs (no process has id u32::MAX - 1), and one of ours.
        let dead = dir.path().join(format!("{TEMP_PREFIX}{}-abc", u32::MAX - 1));
        let mine = dir.path().join(format!("{TEMP_PREFIX}{}-abc", std::process::id()));
        let other = dir.path().join("keep.xlsx");
        for p in [&dead, &mine, &other] {
            fs::write(p, b"x").unwrap();
        }
        let expected = if Path::new("/proc/self").exists() { 1 } else { 0 };
        assert_eq!(sweep_temp_files(dir.path()), expected);
        assert!(mine.exists() && other.exists());
        // A save's own temp file carries the prefix and is gone after the save.
        save_project(&Project::new(), &dir.path().join("a.medfunnel")).unwrap();
        assert!(!fs::read_dir(dir.path()).unwrap().flatten().any(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(TEMP_PREFIX) && n != mine.file_name().unwrap().to_string_lossy()
        }));
    }

    #[test]
    fn newer_format_and_garbage_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.medfunnel");
        fs::write(&path, br#"{"format_version": 99}"#).unwrap();
        assert!(matches!(load_project(&path), Err(StoreError::TooNew { found: 99, .. })));
        fs::write(&path, b"\x00\x01garbage").unwrap();
        assert!(matches!(load_project(&path), Err(StoreError::Format { .. })));
        // An SQLite database of another program, and one of a newer medfunnel.
        let other = dir.path().join("other.medfunnel");
        rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE t(x)").unwrap();
        assert!(matches!(load_project(&other), Err(StoreError::Format { .. })));
        save_project(&Project::new(), &path).unwrap();
        rusqlite::Connection::open(&path).unwrap().execute_batch("PRAGMA user_version = 99").unwrap();
        assert!(matches!(load_project(&path), Err(StoreError::TooNew { found: 99, .. })));
    }

    #[test]
    fn a_json_project_opens_with_a_notice_and_is_converted_on_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.medfunnel");
        let mut p = Project::new();
        p.settings.clinic = "Старая".into();
        p.format_version = 1;
        fs::write(&path, serde_json::to_vec_pretty(&p).unwrap()).unwrap();
        let opened = open(&path).unwrap();
        assert_eq!(opened.project.settings.clinic, "Старая");
        assert_eq!(opened.problems.len(), 1);
        let message = opened.problems[0].message.to_string();
        assert!(message.contains("older medfunnel"), "{message}");
        save_project(&opened.project, &path).unwrap();
        assert_eq!(&fs::read(&path).unwrap()[..16], sqlite::SQLITE_HEADER);
        let again = open(&path).unwrap();
        assert!(again.problems.is_empty());
        assert_eq!(again.project, opened.project);
    }

    #[test]
    fn sheets_first_then_the_visits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.medfunnel");
        let mut p = crate::demo::demo_project();
        let day = chrono::NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        p.visits = Some(
            vec![VisitRecord { date: day, patient: None, direction: None, doctor: None, amount: 1500.0, branch: None }]
                .into(),
        );
        save_project(&p, &path).unwrap();
        let (sheets, pending) = read_project_sheets(&path).unwrap();
        assert!(pending && sheets.project.visits.is_none() && !sheets.legacy);
        assert_eq!(sheets.project.funnel, p.funnel);
        let mut whole = sheets.project;
        whole.visits = read_visits(&path).unwrap().map(Into::into);
        assert_eq!(whole, load_project(&path).unwrap());
        // Without visits there is nothing to wait for.
        p.visits = None;
        save_project(&p, &path).unwrap();
        assert!(!read_project_sheets(&path).unwrap().1);
        assert_eq!(read_visits(&path).unwrap(), None);
    }

    #[test]
    fn json_that_is_not_a_project_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.medfunnel");
        for not_a_project in [&b"{}"[..], b"[]", b"null", br#"{"format_version": "x"}"#] {
            fs::write(&path, not_a_project).unwrap();
            assert!(matches!(load_project(&path), Err(StoreError::Format { .. })), "{not_a_project:?}");
        }
    }
}
