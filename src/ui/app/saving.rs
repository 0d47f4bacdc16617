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
        self.sums = None;
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
        // Visits still being read belong to the document replaced.
        self.visits_task = None;
    }

    pub(super) fn load_demo(&mut self) {
        self.replace_document(files::demo_project(), None, tr(self.lang, K::DemoName).to_string());
        self.notices.clear();
    }

    /// Opens a file into the window: on a thread of its own behind a progress bar when the app
    /// runs work in the background, else now.
    pub(super) fn start_open(&mut self, path: PathBuf) {
        let lang = self.lang;
        let from = path.clone();
        let task = Task::spawn(K::TaskOpening, None, move || files::open(&from, lang));
        if self.background {
            self.job = Some(Job::Open(path, task));
        } else {
            let outcome = task.wait();
            self.finish_open(&path, outcome);
        }
    }

    /// Puts an opened file into the window, and starts reading its visits when it has them;
    /// returns whether it worked (the status bar says why not).
    pub(super) fn finish_open(&mut self, path: &Path, outcome: tasks::Outcome<Result<Opened, String>>) -> bool {
        let opened = match outcome {
            Ok(Ok(opened)) => opened,
            Ok(Err(e)) => {
                self.set_status(e, true);
                return false;
            }
            Err(tasks::Panicked) => {
                self.set_status(format!("{}: {}", path.display(), tr(self.lang, K::TaskFailed)), true);
                return false;
            }
        };
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let is_project = opened.is_project_file;
        self.replace_document(opened.project, is_project.then(|| path.to_path_buf()), name);
        self.sums = Some(opened.sums);
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
        self.view = if errors > 0 { View::Problems } else { View::Dashboard };
        if opened.visits_pending {
            self.start_visits(path.to_path_buf());
        }
        true
    }

    /// Reads the open project file's visits on a thread of its own (the frame puts them in when
    /// they are read, [`App::poll_visits`]), or now when work is not done in the background.
    fn start_visits(&mut self, path: PathBuf) {
        let lang = self.lang;
        let task = Task::spawn(K::LoadingVisits, None, move || files::read_visits(&path, lang));
        if self.background {
            self.visits_task = Some(task);
        } else {
            self.finish_visits(task.wait());
        }
    }

    /// Puts in the visits once they are read.
    pub(super) fn poll_visits(&mut self, ctx: &egui::Context) {
        if let Some(outcome) = self.visits_task.as_ref().and_then(|t| t.poll(ctx)) {
            self.visits_task = None;
            self.finish_visits(outcome);
        }
    }

    /// Edits made while the visits were read stay: the visits join the project as it is now.
    fn finish_visits(&mut self, outcome: tasks::Outcome<Result<Option<Visits>, String>>) {
        let error = match outcome {
            Ok(Ok(Some(visits))) => {
                self.doc.attach_visits(visits);
                return;
            }
            Ok(Ok(None)) => return,
            Ok(Err(e)) => e,
            Err(tasks::Panicked) => tr(self.lang, K::TaskFailed).to_string(),
        };
        // The project is shown without its visits. Neither a save nor an edit may then reach the
        // file, whose visits are fine for all we know: the window forgets where it came from, so a
        // save asks for a new file.
        self.file = None;
        self.path = None;
        self.doc.mark_unsaved();
        self.set_status(error, true);
    }

    /// Whether `c` must wait for work in progress: everything while the window waits for a file
    /// being opened or saved; while the visits are read, whatever reads or replaces the whole
    /// project (a save would write it without its visits).
    pub(super) fn must_wait(&self, c: &Command) -> bool {
        if self.job.is_some() {
            return true;
        }
        self.visits_task.is_some()
            && matches!(
                c,
                Command::Save
                    | Command::SaveAs
                    | Command::SaveTo(_)
                    | Command::ExportTemplate
                    | Command::ExportTo(_)
                    | Command::ExportReport
                    | Command::ExportReportTo(_)
                    | Command::ImportExports
                    | Command::BuildPlan
                    | Command::Meeting(true)
                    | Command::ExportStoryTo(_)
            )
    }

    /// Saves the whole project into `path` (a new file, Save as, or a JSON project converted):
    /// behind a progress bar when the app works in the background. `then` runs after a save that
    /// worked (what the unsaved-changes question was asked for).
    pub(super) fn save_to(&mut self, ctx: &egui::Context, path: PathBuf, then: Option<Option<Command>>) {
        let path = files::with_project_extension(path);
        // Close the open project file first: the save replaces it with a new file.
        self.file = None;
        let lang = self.lang;
        let (project, to) = (self.doc.shared_project(), path.clone());
        let task = Task::spawn(K::TaskSaving, None, move || files::save(&project, &to, lang));
        if self.background {
            self.job = Some(Job::Save { path, task, then });
        } else {
            let outcome = task.wait();
            self.finish_save(ctx, path, outcome, then);
        }
    }

    fn finish_save(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        outcome: tasks::Outcome<Result<(), String>>,
        then: Option<Option<Command>>,
    ) {
        let result = outcome
            .unwrap_or_else(|tasks::Panicked| Err(format!("{}: {}", path.display(), tr(self.lang, K::TaskFailed))));
        match result {
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
                if let Some(next) = then {
                    self.after_unsaved_dialog(ctx, next);
                }
            }
            Err(e) => {
                // The file on disk still holds every edit written so far: go on writing into it.
                if !self.doc.is_dirty() {
                    self.file = self.path.as_deref().and_then(|p| store::ProjectFile::open(p).ok());
                }
                self.set_status(e, true);
            }
        }
    }

    /// Writes the analyst report (current period and filters, UI language) to `path`: behind a
    /// progress bar when the app works in the background.
    pub(super) fn start_report(&mut self, path: PathBuf) {
        let lang = self.lang;
        let (project, filter, to) = (self.doc.shared_project(), self.filter.clone(), path.clone());
        let task = Task::spawn(K::TaskReport, None, move || {
            crate::report::write_report(&project, &filter, lang, &to).map_err(|e| e.in_lang(lang))
        });
        if self.background {
            self.job = Some(Job::Report(path, task));
        } else {
            let outcome = task.wait();
            self.finish_report(&path, outcome);
        }
    }

    fn finish_report(&mut self, path: &Path, outcome: tasks::Outcome<Result<(), String>>) {
        match outcome {
            Ok(Ok(())) => self.set_status(format!("{} {}", tr(self.lang, K::ReportWritten), path.display()), false),
            Ok(Err(e)) => self.set_status(e, true),
            Err(tasks::Panicked) => {
                self.set_status(format!("{}: {}", path.display(), tr(self.lang, K::TaskFailed)), true);
            }
        }
    }

    /// Picks up the job the window waits for once it is done.
    pub(super) fn poll_job(&mut self, ctx: &egui::Context) {
        enum Done {
            Open(Box<tasks::Outcome<Result<Opened, String>>>),
            Written(tasks::Outcome<Result<(), String>>),
        }
        let done = match &self.job {
            Some(Job::Open(_, task)) => task.poll(ctx).map(|o| Done::Open(Box::new(o))),
            Some(Job::Save { task, .. } | Job::Report(_, task)) => task.poll(ctx).map(Done::Written),
            None => None,
        };
        let Some(done) = done else { return };
        match (self.job.take(), done) {
            (Some(Job::Open(path, _)), Done::Open(o)) => {
                self.finish_open(&path, *o);
            }
            (Some(Job::Save { path, then, .. }), Done::Written(o)) => self.finish_save(ctx, path, o, then),
            (Some(Job::Report(path, _)), Done::Written(o)) => self.finish_report(&path, o),
            _ => {}
        }
    }

    /// The progress bar of the job the window waits for, over everything else.
    pub(super) fn job_ui(&self, ctx: &egui::Context) {
        let lang = self.lang;
        let Some(job) = &self.job else { return };
        egui::Modal::new(egui::Id::unique("job")).show(ctx, |ui| {
            ui.set_min_width(380.0);
            match job {
                Job::Open(path, task) => {
                    ui.label(RichText::new(path.display().to_string()).weak());
                    task.bar_ui(ui, lang);
                }
                Job::Save { path, task, .. } | Job::Report(path, task) => {
                    ui.label(RichText::new(path.display().to_string()).weak());
                    task.bar_ui(ui, lang);
                }
            }
        });
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
                        self.set_status(crate::i18n::store_error(&e, self.lang), true);
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
