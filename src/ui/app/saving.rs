//! Opening and saving the document: the save dialog or typed path, replacing the open document,
//! the preferences, and the autosave into the project file or the recovery file.

use super::*;

impl App {
    /// Asks where to write a file: the native save dialog, or the app's own path field where the
    /// system has no dialog (see [`native_dialogs`]). The chosen path goes to `purpose`'s command.
    pub(super) fn ask_save_path(
        &mut self,
        ctx: &egui::Context,
        purpose: PathPurpose,
        name: String,
        filter: (&str, &[&str]),
    ) {
        let dir = default_dir(self.source_path.as_deref().or(self.prefs.recent.first().map(PathBuf::as_path)));
        if !native_dialogs() {
            self.dialog = Some(Dialog::Path { purpose, text: dir.join(name).display().to_string() });
            return;
        }
        let picked =
            rfd::FileDialog::new().set_directory(dir).add_filter(filter.0, filter.1).set_file_name(name).save_file();
        if let Some(p) = picked {
            self.run_command_now(ctx, purpose.command(p));
        }
    }

    pub(super) fn set_status(&mut self, msg: impl Into<String>, error: bool) {
        self.status = Some((msg.into(), error));
    }

    pub(super) fn replace_document(&mut self, project: Project, path: Option<PathBuf>, name: String) {
        self.doc = Document::new(project);
        self.file = None;
        self.buckets = None;
        self.source_path = path.clone();
        self.path = path;
        self.source_name = name;
        self.kpis_key = None;
        self.filter = Filter::default();
        self.grids = Sheet::ALL.iter().map(|s| (*s, GridState::new(*s))).collect();
        // Revisions restart with the document: cached analyses must not outlive it.
        self.decisions = DecisionsState::default();
        self.settings = SettingsState::default();
        self.branches = BranchesState::default();
        self.branch_names = (u64::MAX, Vec::new());
        self.autosaved_revision = 0;
    }

    pub(super) fn load_demo(&mut self) {
        self.replace_document(files::demo_project(), None, tr(self.lang, K::DemoName).to_string());
        self.notices.clear();
    }

    /// Opens a file into the window; returns whether it worked (the status bar says why not).
    pub(super) fn open_path(&mut self, path: &Path) -> bool {
        match files::open(path, self.lang) {
            Ok(opened) => {
                let name =
                    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                let is_project = opened.is_project_file;
                self.replace_document(opened.project, is_project.then(|| path.to_path_buf()), name);
                self.source_path = Some(path.to_path_buf());
                // A JSON project is written whole (converted) by its first save; until then edits go
                // to the recovery file.
                self.file = is_project.then(|| store::ProjectFile::open(path).ok()).flatten();
                if !is_project {
                    // An imported workbook has never been saved as a project.
                    self.doc.mark_unsaved();
                }
                let errors = opened.notices.iter().filter(|n| n.error).count();
                self.notices = opened.notices;
                self.prefs.touch_recent(path);
                self.save_prefs();
                let msg = if self.notices.is_empty() {
                    format!("{} {}", tr(self.lang, K::Opened), path.display())
                } else {
                    format!(
                        "{} {} · {} {} / {}",
                        tr(self.lang, K::Opened),
                        path.display(),
                        tr(self.lang, K::Problems),
                        errors,
                        self.notices.len()
                    )
                };
                self.set_status(msg, false);
                if errors > 0 {
                    self.view = View::Problems;
                }
                true
            }
            Err(e) => {
                self.set_status(e, true);
                false
            }
        }
    }

    pub(super) fn save_to(&mut self, path: PathBuf) -> bool {
        let path = files::with_project_extension(path);
        // Close the open project file first: the save replaces it with a new file.
        self.file = None;
        match files::save(self.doc.project(), &path, self.lang) {
            Ok(()) => {
                self.doc.mark_saved();
                // The changes are in the file now; later edits go into it one by one.
                self.doc.take_changes();
                self.file = store::ProjectFile::open(&path).ok();
                self.source_name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                self.prefs.touch_recent(&path);
                self.save_prefs();
                self.set_status(format!("{} {}", tr(self.lang, K::Saved), path.display()), false);
                self.source_path = Some(path.clone());
                self.path = Some(path);
                if let Some(d) = &self.dirs {
                    files::clear_recovery(d);
                }
                true
            }
            Err(e) => {
                // The file on disk still holds every edit written so far: go on writing into it.
                if !self.doc.is_dirty() {
                    self.file = self.path.as_deref().and_then(|p| store::ProjectFile::open(p).ok());
                }
                self.set_status(e, true);
                false
            }
        }
    }

    pub(super) fn save_prefs(&mut self) {
        if let Some(d) = &self.dirs
            && let Err(e) = self.prefs.save(d)
        {
            self.status = Some((e, true));
        }
    }

    /// Saves the edits of this frame: into the project file as one transaction of the rows they
    /// changed when the document is one; otherwise the recovery file every [`AUTOSAVE_EVERY`]
    /// while there are unsaved changes.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let changes = self.doc.take_changes();
        if let Some(file) = &mut self.file {
            if !changes.is_empty() {
                match file.write_changes(self.doc.project(), &changes) {
                    Ok(()) => self.doc.mark_saved(),
                    Err(e) => {
                        // The file keeps the last state written; the rest waits for a save, kept
                        // meanwhile in the recovery file.
                        self.file = None;
                        self.set_status(e.to_string(), true);
                    }
                }
            }
            if self.file.is_some() {
                return;
            }
        }
        let Some(dirs) = &self.dirs else { return };
        if !self.doc.is_dirty() || self.doc.revision() == self.autosaved_revision {
            return;
        }
        let due = self.last_autosave.elapsed() >= AUTOSAVE_EVERY;
        if due {
            self.last_autosave = Instant::now();
            match files::write_recovery(dirs, self.doc.project(), self.source_path.as_deref(), self.lang) {
                Ok(()) => self.autosaved_revision = self.doc.revision(),
                Err(e) => self.status = Some((e, true)),
            }
        } else {
            ctx.request_repaint_after(AUTOSAVE_EVERY.saturating_sub(self.last_autosave.elapsed()));
        }
    }

    /// Writes the recovery file now (tests; also used before a risky operation).
    pub fn autosave_now(&mut self) {
        self.last_autosave = Instant::now() - AUTOSAVE_EVERY;
        self.autosave(&egui::Context::default());
    }

    /// Called when the app exits: a clean exit with nothing unsaved needs no recovery file.
    pub fn on_exit(&mut self) {
        if let Some(d) = &self.dirs {
            if !self.doc.is_dirty() || self.allow_close {
                files::clear_recovery(d);
            } else {
                let _ = files::write_recovery(d, self.doc.project(), self.source_path.as_deref(), self.lang);
            }
        }
    }
}
