//! Project files (`.medfunnel`) and opening any file the user points at: a project file or a
//! workbook to import.
//!
//! A project file is an SQLite database ([`sqlite`]); files of the first format, one JSON document
//! ([`legacy_json`]), still open and become databases on their first save. A whole save builds the
//! database beside the target and renames it over it; the app then writes each edit into the file
//! as one transaction of the rows it changed ([`ProjectFile`]).

mod legacy_json;
pub mod sqlite;

use std::fs;
use std::io::{Read, Write};
use std::path::Path;

use crate::import::{self, Imported, Problem};
use crate::model::{FORMAT_VERSION, Project};

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

/// The notice shown when a JSON project of an older medfunnel was opened.
pub fn legacy_notice(path: &Path) -> Problem {
    let file = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    Problem::notice(
        &file,
        format!(
            "{file} is a project file of an older medfunnel (JSON); it is converted to the current format when saved."
        ),
    )
}

/// Writes `bytes` to `path` atomically: a temp file in the same folder, fsync, rename, fsync the
/// folder. A failure at any step leaves the old file as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic_io(path, bytes).map_err(io_err(path))
}

/// [`write_atomic`] for callers with their own error type (the workbook writers).
pub fn write_atomic_io(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = tempfile::NamedTempFile::new_in(folder_of(path))?;
    tmp.write_all(bytes)?;
    persist(tmp, path)
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
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
    let tmp = tempfile::NamedTempFile::new_in(folder_of(path)).map_err(io_err(path))?;
    sqlite::write_new(project, tmp.path())?;
    if path.exists() {
        sqlite::settle(path)?;
    }
    persist(tmp, path).map_err(io_err(path))
}

/// Opens what the user pointed at: a project file as is (with a notice when it is of the older JSON
/// format), anything else as a workbook to import.
pub fn open(path: &Path) -> Result<Imported, StoreError> {
    if is_project_file(path) {
        let loaded = read_project(path)?;
        let problems = if loaded.legacy { vec![legacy_notice(path)] } else { Vec::new() };
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
        assert!(opened.problems[0].message.contains("older medfunnel"), "{}", opened.problems[0].message);
        save_project(&opened.project, &path).unwrap();
        assert_eq!(&fs::read(&path).unwrap()[..16], sqlite::SQLITE_HEADER);
        let again = open(&path).unwrap();
        assert!(again.problems.is_empty());
        assert_eq!(again.project, opened.project);
    }
}
