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
///
/// A file that is not a JSON object with a `format_version` (`{}`, an array, garbage) is not a
/// project: [`StoreError::Format`]. Values are checked by [`open`] (see
/// [`validate_project`](crate::import::validate::validate_project)).
pub fn load_project(path: &Path) -> Result<Project, StoreError> {
    let bytes = fs::read(path).map_err(io_err(path))?;
    let file = path.display().to_string();
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| StoreError::Format {
        file: file.clone(),
        reason: crate::import::redact::message(&e.to_string()),
    })?;
    let Some(found) = value.get("format_version").and_then(|v| v.as_u64()) else {
        return Err(StoreError::Format {
            file,
            reason: "it has no format_version, so it is not a project medfunnel wrote".to_string(),
        });
    };
    let found = u32::try_from(found).unwrap_or(u32::MAX);
    if found > FORMAT_VERSION {
        return Err(StoreError::TooNew { file, found });
    }
    let mut project: Project = serde_json::from_value(value)
        .map_err(|e| StoreError::Format { file, reason: crate::import::redact::message(&e.to_string()) })?;
    project.format_version = FORMAT_VERSION;
    Ok(project)
}

/// The start of every temp file medfunnel writes beside a target: a hidden name that says whose it
/// is, followed by the writing process's id (see [`sweep_temp_files`]).
pub const TEMP_PREFIX: &str = ".medfunnel-tmp-";

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
    let dir = folder_of(path);
    let mut tmp = tempfile::Builder::new().prefix(&format!("{TEMP_PREFIX}{}-", std::process::id())).tempfile_in(dir)?;
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

/// Opens what the user pointed at: a project file (its values checked as a workbook's are, rows
/// with impossible values left out with located errors), anything else as a workbook to import.
pub fn open(path: &Path) -> Result<Imported, StoreError> {
    if is_project_file(path) {
        let mut project = load_project(path)?;
        let file = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let problems = crate::import::validate::validate_project(&mut project, &file);
        Ok(Imported { project, problems })
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
        for not_a_project in [&b"{}"[..], b"[]", b"null", br#"{"format_version": "x"}"#] {
            fs::write(&path, not_a_project).unwrap();
            assert!(matches!(load_project(&path), Err(StoreError::Format { .. })), "{not_a_project:?}");
        }
    }
}
