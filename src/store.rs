//! Project files (`.medfunnel`: the model as JSON with a format version) and opening any file the
//! user points at: a project file or a workbook to import.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::import::{self, Imported};
use crate::model::{FORMAT_VERSION, Project};

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

/// Reads a project file.
pub fn load_project(path: &Path) -> Result<Project, StoreError> {
    let bytes = fs::read(path).map_err(io_err(path))?;
    let file = path.display().to_string();
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| StoreError::Format { file: file.clone(), reason: e.to_string() })?;
    let found = value.get("format_version").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
    if found > FORMAT_VERSION {
        return Err(StoreError::TooNew { file, found });
    }
    let mut project: Project =
        serde_json::from_value(value).map_err(|e| StoreError::Format { file, reason: e.to_string() })?;
    project.format_version = FORMAT_VERSION;
    Ok(project)
}

/// Writes `bytes` to `path` atomically: a temp file in the same folder, fsync, rename, fsync the
/// folder. A failure at any step leaves the old file as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic_io(path, bytes).map_err(io_err(path))
}

/// [`write_atomic`] for callers with their own error type (the workbook writers).
pub fn write_atomic_io(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
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

/// Saves a project file atomically.
pub fn save_project(project: &Project, path: &Path) -> Result<(), StoreError> {
    let mut p = project.clone();
    p.format_version = FORMAT_VERSION;
    let bytes = serde_json::to_vec_pretty(&p)
        .map_err(|e| StoreError::Format { file: path.display().to_string(), reason: e.to_string() })?;
    write_atomic(path, &bytes)
}

/// Opens what the user pointed at: a project file as is, anything else as a workbook to import.
pub fn open(path: &Path) -> Result<Imported, StoreError> {
    if is_project_file(path) {
        Ok(Imported { project: load_project(path)?, problems: Vec::new() })
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
    }
}
