//! Files the app reads and writes: opening a workbook or a project file, saving project files,
//! exporting the template workbook, the recent-files list and language preference, and the
//! recovery file that autosave writes and the next start offers back.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::format::Lang;
use crate::i18n;
use crate::metrics::SheetSums;
use crate::model::{Project, Visits};
use crate::store;

/// How many recent files are remembered.
const RECENT_MAX: usize = 8;

/// An import problem as the Problems panel shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Data was lost (a row left out), not just worth knowing.
    pub error: bool,
    /// The sheet's name as written in the file.
    pub sheet: Option<String>,
    /// The row as Excel numbers it.
    pub row: Option<u32>,
    /// The column as `channel (канал)`.
    pub column: Option<String>,
    /// The value at fault.
    pub value: Option<String>,
    /// The problem itself, worded in the UI's language by [`Notice::text`].
    pub problem: crate::import::Problem,
}

impl Notice {
    /// The whole message, one line, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        i18n::problem_line(&self.problem, lang)
    }
}

/// A file opened: the project and what the importer had to say about it.
#[derive(Debug)]
pub struct Opened {
    /// The project read.
    pub project: Project,
    /// Import errors and notices (none for project files).
    pub notices: Vec<Notice>,
    /// Whether it was a project file (saving goes back to it) rather than a workbook.
    pub is_project_file: bool,
    /// Its big sheets summed, on the thread that read it: the window's first frame with the file
    /// computes the KPIs from them instead of summing a chain's ten million rows itself.
    pub sums: SheetSums,
    /// The project file has patient visits that [`read_visits`] reads next (the project came
    /// without them, so that the first frame need not wait for a million visits).
    pub visits_pending: bool,
}

/// Opens a project file (all but its patient visits, see [`Opened::visits_pending`]) or imports a
/// workbook, by extension.
///
/// # Errors
/// A sentence in `lang` naming the file when it cannot be read at all.
pub fn open(path: &Path, lang: Lang) -> Result<Opened, String> {
    if store::is_project_file(path) {
        let (loaded, visits_pending) = store::read_project_sheets(path).map_err(|e| i18n::store_error(&e, lang))?;
        let notices = if loaded.legacy { vec![Notice::from(&store::legacy_notice(path))] } else { Vec::new() };
        let sums = SheetSums::new(&loaded.project);
        return Ok(Opened { project: loaded.project, notices, is_project_file: true, visits_pending, sums });
    }
    let (project, notices) = backend::import_workbook(path, lang)?;
    let sums = SheetSums::new(&project);
    Ok(Opened { project, notices, is_project_file: false, visits_pending: false, sums })
}

/// From this size on a file given at start is opened behind the progress bar instead of before the
/// first frame: a 1M-visit project (57 MB, its visits read after the first frame) opens in about
/// 0.1 s, a 50-branch chain's 10 M Funnel rows (680 MB) in one to two seconds.
const SLOW_TO_OPEN_BYTES: u64 = 128 << 20;

/// Whether opening `path` takes long enough to be worth a progress bar (its size says so).
pub fn opens_slowly(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() >= SLOW_TO_OPEN_BYTES)
}

/// The patient visits of a project file opened with [`open`], their patients told apart and their
/// branches found on this (the reading) thread: the window's first computation with them would
/// otherwise spend a tenth of a second on a million visits.
///
/// # Errors
/// A sentence in `lang` naming the file when they cannot be read.
pub fn read_visits(path: &Path, lang: Lang) -> Result<Option<Visits>, String> {
    let visits = store::read_visits(path).map_err(|e| i18n::store_error(&e, lang))?.map(Visits::new);
    if let Some(v) = &visits {
        v.patients();
        v.branch_cells();
    }
    Ok(visits)
}

/// The built-in demo clinic.
pub fn demo_project() -> Project {
    backend::demo_project()
}

/// Writes the template workbook (.xlsx) of `project`.
///
/// # Errors
/// A sentence in `lang` naming the file when it cannot be written.
pub fn export_template(project: &Project, path: &Path, lang: Lang) -> Result<(), String> {
    backend::write_template(project, path, lang)
}

/// Saves a project file atomically.
///
/// # Errors
/// A sentence in `lang` naming the file when it cannot be written.
pub fn save(project: &Project, path: &Path, lang: Lang) -> Result<(), String> {
    store::save_project(project, path).map_err(|e| i18n::store_error(&e, lang))
}

/// Adds `.medfunnel` to a path chosen without it.
pub fn with_project_extension(path: PathBuf) -> PathBuf {
    if store::is_project_file(&path) { path } else { path.with_extension(store::PROJECT_EXTENSION) }
}

/// The calls into the importer, the demo and the template writer.
mod backend {
    use std::path::Path;

    use super::Notice;
    use crate::format::Lang;
    use crate::import::{self, Problem};
    use crate::model::Project;

    impl From<&Problem> for Notice {
        fn from(p: &Problem) -> Self {
            Notice {
                error: p.is_error(),
                sheet: p.sheet.clone(),
                row: p.row,
                column: p.column.clone(),
                value: p.value.clone(),
                problem: p.clone(),
            }
        }
    }

    pub fn import_workbook(path: &Path, lang: Lang) -> Result<(Project, Vec<Notice>), String> {
        let imported = import::import_workbook(path).map_err(|e| crate::i18n::import_error(&e, lang))?;
        let notices = imported.problems.iter().map(Notice::from).collect();
        Ok((imported.project, notices))
    }

    pub fn demo_project() -> Project {
        crate::demo::demo_project()
    }

    pub fn write_template(project: &Project, path: &Path, lang: Lang) -> Result<(), String> {
        crate::report::template::write_template(project, path).map_err(|e| e.in_lang(lang))
    }
}

/// Where the app keeps its own files. Tests point it at a temporary folder.
#[derive(Clone, Debug)]
pub struct AppDirs {
    /// Preferences (language, recent files).
    pub config: PathBuf,
    /// The recovery file.
    pub data: PathBuf,
}

impl AppDirs {
    /// The OS's per-user folders for medfunnel, if the OS has them.
    pub fn system() -> Option<Self> {
        let d = directories::ProjectDirs::from("", "", "medfunnel")?;
        Some(Self { config: d.config_dir().to_path_buf(), data: d.data_dir().to_path_buf() })
    }

    /// Both folders inside `dir` (for tests and portable use).
    pub fn inside(dir: &Path) -> Self {
        Self { config: dir.join("config"), data: dir.join("data") }
    }

    fn prefs_path(&self) -> PathBuf {
        self.config.join("prefs.json")
    }

    /// The recovery project file.
    pub fn recovery_path(&self) -> PathBuf {
        self.data.join("recovery.medfunnel")
    }

    fn recovery_meta_path(&self) -> PathBuf {
        self.data.join("recovery.json")
    }
}

/// What the app remembers between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The interface language chosen in the menu; `None` follows the system locale.
    pub lang: Option<Lang>,
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
}

impl Prefs {
    /// Reads the preferences; missing or unreadable ones are the defaults.
    pub fn load(dirs: &AppDirs) -> Self {
        std::fs::read(dirs.prefs_path()).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
    }

    /// Writes the preferences atomically.
    ///
    /// # Errors
    /// A sentence naming the file.
    pub fn save(&self, dirs: &AppDirs) -> Result<(), String> {
        std::fs::create_dir_all(&dirs.config).map_err(|e| format!("{}: {e}", dirs.config.display()))?;
        let bytes = serde_json::to_vec_pretty(self).map_err(|e| e.to_string())?;
        store::write_atomic(&dirs.prefs_path(), &bytes).map_err(|e| e.to_string())
    }

    /// Puts `path` first in the recent files.
    pub fn touch_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
    }
}

/// What the recovery file came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecoveryMeta {
    /// The file the unsaved changes belong to, if it had one.
    pub path: Option<PathBuf>,
    /// When the recovery file was written (seconds since 1970).
    pub saved_at: u64,
}

/// A recovery file found at start.
#[derive(Debug)]
pub struct Recovery {
    /// The unsaved project.
    pub project: Project,
    /// Where it came from.
    pub meta: RecoveryMeta,
}

/// Writes the unsaved project to the recovery file.
///
/// # Errors
/// A sentence in `lang` naming the file.
pub fn write_recovery(dirs: &AppDirs, project: &Project, path: Option<&Path>, lang: Lang) -> Result<(), String> {
    let words = |e: store::StoreError| i18n::store_error(&e, lang);
    std::fs::create_dir_all(&dirs.data)
        .map_err(|source| words(store::StoreError::Io { file: dirs.data.display().to_string(), source }))?;
    store::save_project(project, &dirs.recovery_path()).map_err(words)?;
    let saved_at = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let meta = RecoveryMeta { path: path.map(Path::to_path_buf), saved_at };
    // A struct of a path and a number always serialises.
    let bytes = serde_json::to_vec_pretty(&meta).unwrap_or_default();
    store::write_atomic(&dirs.recovery_meta_path(), &bytes).map_err(words)
}

/// The recovery file left by a run that did not end cleanly, if any.
pub fn find_recovery(dirs: &AppDirs) -> Option<Recovery> {
    let project = store::load_project(&dirs.recovery_path()).ok()?;
    let meta =
        std::fs::read(dirs.recovery_meta_path()).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default();
    Some(Recovery { project, meta })
}

/// Removes the recovery file (after a save, a clean exit, or when the user discards it).
pub fn clear_recovery(dirs: &AppDirs) {
    let _ = std::fs::remove_file(dirs.recovery_path());
    let _ = std::fs::remove_file(dirs.recovery_meta_path());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefs_and_recovery_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let dirs = AppDirs::inside(dir.path());
        let mut prefs = Prefs { lang: Some(Lang::En), recent: Vec::new() };
        let f = dir.path().join("a.medfunnel");
        std::fs::write(&f, b"{}").unwrap();
        prefs.touch_recent(&f);
        prefs.touch_recent(&f);
        assert_eq!(prefs.recent.len(), 1);
        prefs.save(&dirs).unwrap();
        assert_eq!(Prefs::load(&dirs), prefs);

        assert!(find_recovery(&dirs).is_none());
        let mut p = Project::new();
        p.settings.clinic = "Клиника".into();
        write_recovery(&dirs, &p, Some(&f), Lang::En).unwrap();
        let r = find_recovery(&dirs).unwrap();
        assert_eq!(r.project, p);
        assert_eq!(r.meta.path.as_deref(), Some(f.as_path()));
        clear_recovery(&dirs);
        assert!(find_recovery(&dirs).is_none());
    }
}
