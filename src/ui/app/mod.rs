//! The app: the open document, the views, the menus, the command queue, the KPI cache, saving
//! (each edit into the open project file; a recovery file for anything else) and the dialogs.
//! [`App::frame_ui`] is one frame; eframe and the kittest harness both call it.
//!
//! Here: the App state and the frame loop; [`command_table`] (what menus and shortcuts run);
//! `command_handling` (running the queue once per frame); `saving` (open, save, autosave);
//! [`files`] (the importer and store calls, recent files, recovery). Work on a thread of its own
//! behind a progress bar is [`crate::ui::tasks`], which the dialogs use too.

pub mod cold_start;
mod command_handling;
pub mod command_table;
pub mod files;
mod saving;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Key, RichText};

use self::command_table::CommandId;
use self::files::{AppDirs, Notice, Opened, Prefs, Recovery};
use crate::document::edit::{Document, Edit, FunnelDelta, RowsDelta};
use crate::document::sheets::month_label;
use crate::format::{Lang, Locale};
use crate::i18n::{self, K, tr};
use crate::metrics::asof::PeriodPreset;
use crate::metrics::{self, AsOf, Filter, Kpis};
use crate::model::{Month, Project, Sheet, Visits};
use crate::store;
use crate::ui::charts::{self, ChartsState};
use crate::ui::dialogs;
use crate::ui::dialogs::plan_builder::{self, PlanDialog};
use crate::ui::dialogs::raw_import::{self, RawImportDialog};
use crate::ui::tasks::{self, Task};
use crate::ui::views::aarrr;
use crate::ui::views::branches::{self, BranchesState};
use crate::ui::views::calls::{self, CallsContext, CallsState};
use crate::ui::views::cohorts::{self, CohortsState};
use crate::ui::views::dashboard;
use crate::ui::views::decisions::{self, DecisionsContext, DecisionsState};
use crate::ui::views::grid::{self, GridContext, GridState};
use crate::ui::views::meeting::{self, MeetingContext, MeetingState};
use crate::ui::views::settings::{self, SettingsState};
use crate::ui::views::summaries;

/// How often unsaved changes of a document that is not a project file (the demo, an imported
/// workbook, a JSON project not yet converted) are written to the recovery file.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(30);

/// What the central area shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The KPI cards and the funnel.
    Dashboard,
    /// The charts, under tabs.
    Charts,
    /// One sheet's KPIs and grid.
    Sheet(Sheet),
    /// Import errors and notices.
    Problems,
    /// What-if levers, the lever ranking, goal seek, the budget allocator and scenarios.
    Decisions,
    /// Patient cohorts from imported visits: retention and LTV triangles.
    Cohorts,
    /// The five AARRR links against the previous period.
    Aarrr,
    /// The phone before the lead: answer rate, missed and lost contacts, administrators, hours.
    Calls,
    /// A chain's branches side by side.
    Branches,
}

/// Every action a menu, a shortcut, a dialog or a test can ask of the app. Queued and run once
/// per frame, before drawing.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Enter (`true`) or leave (`false`) the full-screen meeting mode.
    Meeting(bool),
    /// An empty project (the template with no rows).
    New,
    /// The built-in demo clinic.
    Demo,
    /// Ask for a file to open.
    Open,
    /// Open this file (workbook or project file).
    OpenPath(PathBuf),
    /// Save to the current project file, or ask for one.
    Save,
    /// Ask for a project file to save to.
    SaveAs,
    /// Save to this project file.
    SaveTo(PathBuf),
    /// Ask for a workbook to export the template to.
    ExportTemplate,
    /// Export the template workbook to this file.
    ExportTo(PathBuf),
    /// Ask for a workbook to write the analyst report to.
    ExportReport,
    /// Write the analyst report (current period and filters, UI language) to this file.
    ExportReportTo(PathBuf),
    /// Ask for a file to save the charts on screen to, as PNG.
    SaveChartPng,
    /// Save the charts of the tab on screen as PNG, one picture per chart: the first to this file,
    /// the others beside it (`charts::chart_png_paths`).
    SaveChartPngTo(PathBuf),
    /// Ask for a file to save one chart of the tab on screen to, as PNG (its right-click menu).
    SaveOneChartPng(charts::ChartId),
    /// Save one chart of the tab on screen to this PNG file.
    SaveOneChartPngTo(charts::ChartId, PathBuf),
    /// Ask where to save the meeting story's screens as PNGs.
    ExportStory,
    /// Save each meeting screen as a 1920×1080 PNG: `story.png` gives `story-1.png` … `story-7.png`.
    ExportStoryTo(PathBuf),
    /// Apply an edit through the undo history (the grid, the views, the dialogs, tests).
    Apply(Edit),
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Switch the interface language (remembered).
    SetLang(Lang),
    /// Show a view.
    Show(View),
    /// Show the cell an import problem points at.
    JumpTo(usize),
    /// Close the window (asks first when there are unsaved changes).
    Quit,
    /// Open the "Build next year's plan" dialog.
    BuildPlan,
    /// Open the Import exports dialog (raw CRM, MIS and ad-spend files).
    ImportExports,
}

/// A question the app is waiting for the user to answer.
#[derive(Debug)]
enum Dialog {
    /// A recovery file from a run that did not end cleanly.
    Recovery(Box<Recovery>),
    /// Unsaved changes would be lost by this command (or by closing, when `None`).
    Unsaved(Option<Command>),
    /// A file path typed by hand, where the system has no file dialog to show.
    Path {
        /// What the path is for.
        purpose: PathPurpose,
        /// The path as typed.
        text: String,
    },
}

/// What a typed path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PathPurpose {
    Open,
    Save,
    Export,
    Report,
    /// The tab's charts (`None`) or one of them.
    ChartPng(Option<charts::ChartId>),
    Story,
}

impl PathPurpose {
    /// The command that acts on the chosen path.
    fn command(self, p: PathBuf) -> Command {
        match self {
            PathPurpose::Open => Command::OpenPath(p),
            PathPurpose::Save => Command::SaveTo(p),
            PathPurpose::Export => Command::ExportTo(p),
            PathPurpose::Report => Command::ExportReportTo(p),
            PathPurpose::ChartPng(None) => Command::SaveChartPngTo(p),
            PathPurpose::ChartPng(Some(c)) => Command::SaveOneChartPngTo(c, p),
            PathPurpose::Story => Command::ExportStoryTo(p),
        }
    }
}

/// Work the window waits for behind a progress bar (the rest of the window is covered meanwhile:
/// nothing can change the project while it is read or written).
#[derive(Debug)]
enum Job {
    /// A file being opened (a project file's sheets, or a workbook imported).
    Open(PathBuf, Task<Result<Opened, String>>),
    /// A whole save; `then` is what the unsaved-changes question asked for after it (`Some(None)`:
    /// close the window).
    Save { path: PathBuf, task: Task<Result<(), String>>, then: Option<Option<Command>> },
    /// The analyst report being written.
    Report(PathBuf, Task<Result<(), String>>),
}

/// Whether the system can show native file dialogs. On Linux they go through the desktop portal,
/// which needs a session bus; without one (a bare X server, a container) the dialog would never
/// appear, so the app asks for the path itself.
fn native_dialogs() -> bool {
    !cfg!(target_os = "linux") || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
}

/// Where a file dialog starts: the open file's folder, else the user's Documents folder.
fn default_dir(path: Option<&Path>) -> PathBuf {
    path.and_then(Path::parent)
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(crate::ui::dialogs::documents_dir, Path::to_path_buf)
}

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct Startup {
    /// A file given on the command line.
    pub file: Option<PathBuf>,
    /// Where preferences and the recovery file live; `None` keeps nothing between runs.
    pub dirs: Option<AppDirs>,
    /// Open the most recent file when no file is given (the desktop app does; tests don't).
    pub reopen_last: bool,
    /// Force a language (tests); otherwise the remembered one, else the system locale's.
    pub lang: Option<Lang>,
}

/// The medfunnel desktop app.
pub struct App {
    doc: Document,
    /// The project file saves go to; `None` for the demo, a new project or an imported workbook.
    path: Option<PathBuf>,
    /// `path` opened for writing each edit into it as it happens; `None` while the document is
    /// not (yet) an SQLite project file, or after a write failed (then the recovery file takes over).
    file: Option<store::ProjectFile>,
    /// What the title bar names (a file name, or "demo").
    source_name: String,
    /// The file the project came from (a workbook or a project file), for the recovery file.
    source_path: Option<PathBuf>,
    lang: Lang,
    prefs: Prefs,
    dirs: Option<AppDirs>,
    view: View,
    grids: BTreeMap<Sheet, GridState>,
    /// The Charts view's picks, its calendar cache and a pending PNG save.
    charts: ChartsState,
    /// The Decisions view's sliders, inputs and cached analyses.
    decisions: DecisionsState,
    filter: Filter,
    /// The KPIs of `kpis_key` (revision, filter): recomputed only when either changes.
    kpis: Kpis,
    kpis_key: Option<(u64, Filter)>,
    /// The big sheets' sums, moved edit by edit: the KPIs of a million-row sheet recompute within a
    /// frame. `None` until first needed and after the Funnel sheet must be summed again.
    sums: Option<metrics::SheetSums>,
    /// Months with data, for the period picker (cached by revision).
    months: (u64, Vec<Month>),
    notices: Vec<Notice>,
    commands: Vec<Command>,
    /// The last message for the status bar, and whether it is an error.
    status: Option<(String, bool)>,
    dialog: Option<Dialog>,
    /// The "Build next year's plan" dialog, while open.
    plan_dialog: Option<PlanDialog>,
    last_autosave: Instant,
    autosaved_revision: u64,
    title: String,
    allow_close: bool,
    /// The Import exports dialog, while it is open.
    raw_import: Option<RawImportDialog>,
    /// The Cohorts view's picks.
    cohorts: CohortsState,
    /// The Settings form's drafts.
    settings: SettingsState,
    /// The meeting mode, while it is on.
    meeting: Option<MeetingState>,
    /// The Calls view's cached figures.
    calls: CallsState,
    /// The Branches view's cached chain totals.
    branches: BranchesState,
    /// The branches named in the data, for the branch filter (cached by revision).
    branch_names: (u64, Vec<String>),
    /// Long work runs on a thread of its own behind a progress bar (the desktop app); otherwise
    /// within the frame that asks for it (scripted tests).
    background: bool,
    /// The open, save or report the window is waiting for.
    job: Option<Job>,
    /// The patient visits of the open project file, read after the first frame.
    visits_task: Option<Task<Result<Option<Visits>, String>>>,
}

impl App {
    /// Starts the app: opens the given file, else the last one, else the demo clinic, and offers
    /// a recovery file left by a crash. Long work (a big project's visits, opening, saving, the
    /// report, the join of exports) is done within the frame that asks for it, so a command's
    /// result is there on the next frame (scripted tests).
    pub fn new(startup: Startup) -> Self {
        Self::start(startup, false)
    }

    /// [`App::new`] with long work on threads of its own behind a progress bar, the window
    /// answering meanwhile (the desktop app): the first frame is drawn from the sheets while a big
    /// project's visits are still being read.
    pub fn with_background_work(startup: Startup) -> Self {
        Self::start(startup, true)
    }

    fn start(startup: Startup, background: bool) -> Self {
        let prefs = startup.dirs.as_ref().map(Prefs::load).unwrap_or_default();
        let lang = startup.lang.or(prefs.lang).unwrap_or_else(crate::i18n::system_lang);
        let mut app = Self {
            doc: Document::new(Project::new()),
            path: None,
            file: None,
            source_name: String::new(),
            source_path: None,
            lang,
            prefs,
            dirs: startup.dirs.clone(),
            view: View::Dashboard,
            grids: Sheet::ALL.iter().map(|s| (*s, GridState::new(*s))).collect(),
            charts: ChartsState::default(),
            decisions: DecisionsState::default(),
            filter: Filter::default(),
            kpis: metrics::compute(&Project::new(), &Filter::default()),
            kpis_key: None,
            sums: None,
            months: (u64::MAX, Vec::new()),
            notices: Vec::new(),
            commands: Vec::new(),
            status: None,
            dialog: None,
            plan_dialog: None,
            last_autosave: Instant::now(),
            autosaved_revision: 0,
            title: String::new(),
            allow_close: false,
            raw_import: None,
            cohorts: CohortsState::default(),
            settings: SettingsState::default(),
            meeting: None,
            calls: CallsState::default(),
            branches: BranchesState::default(),
            branch_names: (u64::MAX, Vec::new()),
            background,
            job: None,
            visits_task: None,
        };
        let last = startup.reopen_last.then(|| app.prefs.recent.first().cloned()).flatten().filter(|p| p.exists());
        match startup.file.or(last) {
            // A file this big (a chain's ten million rows) is read behind the progress bar, the
            // window there at once, empty until it is in.
            Some(path) if background && files::opens_slowly(&path) => app.start_open(path),
            Some(path) => {
                // The sheets now, on this thread: the first frame shows the file, not the demo.
                let lang = app.lang;
                let opened = Ok(files::open(&path, lang));
                if !app.finish_open(&path, opened) {
                    app.load_demo();
                }
            }
            None => app.load_demo(),
        }
        if let Some(r) = app.dirs.as_ref().and_then(files::find_recovery) {
            app.dialog = Some(Dialog::Recovery(Box::new(r)));
        }
        app
    }

    /// The document (tests read the model and history through it).
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The interface language with the clinic's currency sign (Settings), for money on screen.
    pub fn loc(&self) -> Locale {
        Locale::new(self.lang, &self.doc.project().settings.currency)
    }

    /// The view shown.
    pub fn view(&self) -> View {
        self.view
    }

    /// The meeting screen shown (0-based), `None` outside the meeting mode.
    pub fn meeting_screen(&self) -> Option<usize> {
        self.meeting.as_ref().map(MeetingState::screen)
    }

    /// Whether File → Export story is saving the meeting's screens.
    pub fn meeting_exporting(&self) -> bool {
        self.meeting.as_ref().is_some_and(MeetingState::exporting)
    }

    /// Whether the open project file's visits are still being read (after the first frame).
    pub fn visits_loading(&self) -> bool {
        self.visits_task.is_some()
    }

    /// Whether the window waits for a file being opened or saved, or the report being written.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// The project file saves go to.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The global filter.
    pub fn filter_mut(&mut self) -> &mut Filter {
        &mut self.filter
    }

    /// The grid of a sheet.
    pub fn grid_mut(&mut self, sheet: Sheet) -> &mut GridState {
        self.grids.entry(sheet).or_insert_with(|| GridState::new(sheet))
    }

    /// The Charts view's tab and picks (tests choose a tab with it).
    pub fn charts_mut(&mut self) -> &mut ChartsState {
        &mut self.charts
    }

    /// The Decisions view's state (sliders, inputs, cached results).
    pub fn decisions_mut(&mut self) -> &mut DecisionsState {
        &mut self.decisions
    }

    /// The import notices of the open file.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The Import exports dialog, while it is open.
    pub fn raw_import(&self) -> Option<&RawImportDialog> {
        self.raw_import.as_ref()
    }

    /// The Import exports dialog, while it is open (tests fill its file slots through it).
    pub fn raw_import_mut(&mut self) -> Option<&mut RawImportDialog> {
        self.raw_import.as_mut()
    }

    /// The status bar message.
    pub fn status(&self) -> Option<&str> {
        self.status.as_ref().map(|s| s.0.as_str())
    }

    /// Queues a command for the next frame.
    pub fn send(&mut self, c: Command) {
        self.commands.push(c);
    }

    /// The KPIs for the current model and filter (computed at most once per change).
    pub fn kpis(&mut self) -> &Kpis {
        let key = (self.doc.revision(), self.filter.clone());
        if self.kpis_key.as_ref() != Some(&key) {
            match self.doc.take_funnel_delta() {
                FunnelDelta::Unchanged => {}
                FunnelDelta::Rows { before, after } => {
                    if !self.sums.as_mut().is_some_and(|s| s.update_funnel(&before, &after)) {
                        self.sums = None;
                    }
                }
                FunnelDelta::Rebuild => self.sums = None,
            }
            let (revenue, budget) = (self.doc.take_revenue_delta(), self.doc.take_budget_delta());
            let project = self.doc.project();
            if let Some(sums) = &mut self.sums {
                match revenue {
                    RowsDelta::Unchanged => {}
                    RowsDelta::Rows { before, after } => sums.update_revenue(project, &before, &after),
                    RowsDelta::Rebuild => sums.resum_revenue(project),
                }
                match budget {
                    RowsDelta::Unchanged => {}
                    RowsDelta::Rows { before, after } => sums.update_budget(project, &before, &after),
                    RowsDelta::Rebuild => sums.resum_budget(project),
                }
            }
            let sums = self.sums.get_or_insert_with(|| metrics::SheetSums::new(project));
            self.kpis = metrics::compute_with_sums(project, &self.filter, sums);
            self.kpis_key = Some(key);
        }
        &self.kpis
    }

    /// The window title: file name, a dirty marker, the app.
    pub fn window_title(&self) -> String {
        let dirty = if self.doc.is_dirty() { "● " } else { "" };
        format!("{dirty}{} — medfunnel", self.source_name)
    }

    /// One frame: commands, close requests, autosave, then drawing.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_visits(&ctx);
        self.poll_job(&ctx);
        self.shortcuts(&ctx);
        for c in std::mem::take(&mut self.commands) {
            if self.must_wait(&c) {
                // Run once the work it would collide with is done (checked again next frame).
                self.commands.push(c);
                ctx.request_repaint_after(Duration::from_millis(100));
            } else {
                self.run_command(&ctx, c);
            }
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.doc.is_dirty() && !self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved(None));
        }
        if self.job.is_none() {
            self.autosave(&ctx);
        }
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }

        if self.meeting.is_some() {
            self.meeting_ui(ui);
            self.dialog_ui(&ctx);
            self.job_ui(&ctx);
            return;
        }
        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_ui(ui);
            self.filter_ui(ui);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        egui::Panel::left("nav").resizable(false).exact_size(170.0).show(ui, |ui| self.nav_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui));
        self.dialog_ui(&ctx);
        self.plan_dialog_ui(&ctx);
        self.raw_import_ui(&ctx);
        self.job_ui(&ctx);
        // Commands queued while drawing (menus, the grid, the views) run at the start of the next
        // frame: ask for it now rather than at the next mouse move.
        if !self.commands.is_empty() {
            ctx.request_repaint();
        }
    }

    /// The plan dialog, when open and no other question is waiting; Apply is one undo step.
    fn plan_dialog_ui(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        let Some(d) = &mut self.plan_dialog else { return };
        match d.show(ctx, self.doc.project(), self.doc.revision(), self.lang) {
            None => {}
            Some(plan_builder::Outcome::Cancel) => self.plan_dialog = None,
            Some(plan_builder::Outcome::Apply { edit, year }) => {
                self.plan_dialog = None;
                self.commands.push(Command::Apply(edit));
                self.set_status(format!("{} {year}", tr(self.lang, K::PlanApplied)), false);
            }
        }
    }

    /// The plan dialog's state while it is open (tests read its preview).
    pub fn plan_dialog(&self) -> Option<&PlanDialog> {
        self.plan_dialog.as_ref()
    }

    /// The Import exports dialog; Apply replaces the project as one undoable edit.
    fn raw_import_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang;
        let Some(dialog) = self.raw_import.as_mut() else { return };
        let mut outcome = raw_import::Outcome::Open;
        let resp = egui::Modal::new(egui::Id::unique("raw_import")).show(ctx, |ui| outcome = dialog.ui(ui, lang));
        if matches!(outcome, raw_import::Outcome::Open) && dialogs::escape_closes(ctx, &resp) {
            outcome = raw_import::Outcome::Cancel;
        }
        match outcome {
            raw_import::Outcome::Open => {}
            raw_import::Outcome::Cancel => self.raw_import = None,
            raw_import::Outcome::Apply { project, report, problems } => {
                self.raw_import = None;
                let old = Box::new(self.doc.project().clone());
                self.commands.push(Command::Apply(Edit::ReplaceProject { old, new: project }));
                self.notices = problems.iter().map(files::Notice::from).collect();
                // Counts only: no name or phone ever reaches the status bar.
                self.set_status(
                    format!(
                        "{} · {} {} · {} {}",
                        tr(lang, K::ImportApplied),
                        tr(lang, K::ImportLeads),
                        report.leads,
                        tr(lang, K::ImportVisits),
                        report.visits
                    ),
                    false,
                );
            }
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        let t = |k| tr(lang, k);
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t(K::MenuFile), |ui| {
                for id in [CommandId::New, CommandId::Open, CommandId::Demo, CommandId::ImportExports] {
                    self.command_button(ui, id);
                }
                ui.menu_button(t(K::MenuRecent), |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.label(RichText::new(t(K::NoRecent)).weak());
                    }
                    for p in self.prefs.recent.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.commands.push(Command::OpenPath(p));
                        }
                    }
                });
                ui.separator();
                for id in [
                    CommandId::Save,
                    CommandId::SaveAs,
                    CommandId::ExportTemplate,
                    CommandId::ExportReport,
                    CommandId::ExportStory,
                    CommandId::SaveChartPng,
                ] {
                    self.command_button(ui, id);
                }
                ui.separator();
                self.command_button(ui, CommandId::Quit);
            });
            ui.menu_button(t(K::MenuEdit), |ui| {
                self.command_button(ui, CommandId::Undo);
                self.command_button(ui, CommandId::Redo);
                ui.separator();
                self.command_button(ui, CommandId::BuildPlan);
            });
            ui.menu_button(t(K::MenuView), |ui| {
                self.command_button(ui, CommandId::Meeting);
                self.command_button(ui, CommandId::ShowAarrr);
            });
            ui.menu_button(t(K::MenuLanguage), |ui| {
                for l in Lang::ALL {
                    if ui.selectable_label(self.lang == l, l.name()).clicked() {
                        self.commands.push(Command::SetLang(l));
                    }
                }
            });
        });
    }

    fn filter_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        let months = self.months().to_vec();
        let branch_names = self.branch_names().to_vec();
        let p = self.doc.project();
        let directions: Vec<String> = p.directions.iter().map(|d| d.name.clone()).collect();
        let channels: Vec<String> = p.channels.iter().map(|c| c.name.clone()).collect();
        let all = tr(lang, K::All);
        let as_of = AsOf::of(p);
        let f = &mut self.filter;
        // The bar needs about 1 250 points on one line; narrower windows (1024 px) put the
        // direction, channel and branch filters on a second line rather than cutting them off.
        let one_line = ui.available_width() >= 1250.0;
        ui.horizontal(|ui| {
            let l = ui.label(tr(lang, K::PeriodFrom)).id;
            month_combo(ui, "from", l, &mut f.from, &months, lang, all);
            let l = ui.label(tr(lang, K::PeriodTo)).id;
            month_combo(ui, "to", l, &mut f.to, &months, lang, all);
            if let (Some(a), Some(b)) = (f.from, f.to)
                && a > b
            {
                f.to = Some(a);
            }
            for preset in PeriodPreset::ALL {
                let (label, hint) = match preset {
                    PeriodPreset::YearToDate => (K::YearToDate, K::YearToDateHint),
                    PeriodPreset::Last12Complete => (K::LastYear, K::LastYearHint),
                    PeriodPreset::AllTime => (K::AllTime, K::AllTimeHint),
                };
                let range = preset.range(&as_of);
                let button = ui.add_enabled(range.is_some(), egui::Button::new(tr(lang, label)));
                if button.on_hover_text(tr(lang, hint)).clicked()
                    && let Some((from, to)) = range
                {
                    f.from = from;
                    f.to = to;
                }
            }
            if one_line {
                ui.separator();
                scope_filters_ui(ui, f, (&directions, &channels, &branch_names), lang);
            }
        });
        if !one_line {
            ui.horizontal(|ui| scope_filters_ui(ui, f, (&directions, &channels, &branch_names), lang));
        }
    }

    fn nav_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.add_space(6.0);
        let mut nav = |ui: &mut egui::Ui, v: View, label: String| {
            let selected = self.view == v;
            let resp = ui.add_sized([ui.available_width(), 26.0], egui::Button::selectable(selected, label));
            if resp.clicked() {
                self.view = v;
            }
        };
        nav(ui, View::Dashboard, tr(lang, K::Dashboard).to_string());
        nav(ui, View::Charts, tr(lang, K::Charts).to_string());
        nav(ui, View::Decisions, tr(lang, K::Decisions).to_string());
        nav(ui, View::Cohorts, tr(lang, K::Cohorts).to_string());
        nav(ui, View::Aarrr, tr(lang, K::Aarrr).to_string());
        nav(ui, View::Calls, tr(lang, K::Calls).to_string());
        nav(ui, View::Branches, tr(lang, K::Branches).to_string());
        ui.separator();
        for s in [
            Sheet::Plan,
            Sheet::Budget,
            Sheet::Channels,
            Sheet::Directions,
            Sheet::Funnel,
            Sheet::Revenue,
            Sheet::Doctors,
            Sheet::Nps,
            Sheet::Calls,
            Sheet::Settings,
        ] {
            nav(ui, View::Sheet(s), tr(lang, i18n::sheet(s)).to_string());
        }
        ui.separator();
        let n = self.notices.len();
        let label = if n == 0 { tr(lang, K::Problems).to_string() } else { format!("{} ({n})", tr(lang, K::Problems)) };
        nav(ui, View::Problems, label);
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.horizontal(|ui| {
            let file = self.path.as_ref().map_or_else(|| self.source_name.clone(), |p| p.display().to_string());
            ui.label(RichText::new(file).weak());
            if self.doc.is_dirty() {
                ui.label(RichText::new(tr(lang, K::Unsaved)).color(ui.visuals().warn_fg_color));
            }
            if self.visits_task.is_some() {
                ui.separator();
                ui.add(egui::Spinner::new());
                ui.label(tr(lang, K::LoadingVisits));
            }
            if let Some((msg, error)) = &self.status {
                ui.separator();
                if *error {
                    ui.colored_label(ui.visuals().error_fg_color, msg);
                } else {
                    ui.label(msg);
                }
            }
        });
    }

    fn central_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        let loc = self.loc();
        match self.view {
            View::Dashboard => {
                let period = self.period_label();
                let clinic = self.doc.project().settings.clinic.clone();
                self.kpis();
                let calendar = self.charts.calendar.get(self.doc.project(), &self.kpis, &self.filter).cloned();
                let kpis = &self.kpis;
                if self.visits_task.is_some() {
                    // The LTV cards count from the directions' sheet until the visits are in.
                    ui.horizontal(|ui| {
                        ui.add(egui::Spinner::new());
                        ui.label(RichText::new(tr(lang, K::LoadingVisitsHint)).weak());
                    });
                }
                egui::ScrollArea::vertical()
                    .show(ui, |ui| dashboard::dashboard_ui(ui, kpis, calendar.as_ref(), loc, &period, &clinic));
            }
            View::Charts => {
                self.kpis();
                charts::charts_view_ui(ui, &mut self.charts, self.doc.project(), &self.kpis, &self.filter, loc);
                match self.charts.take_png_request() {
                    Some(charts::PngRequest::Tab) => self.commands.push(Command::SaveChartPng),
                    Some(charts::PngRequest::One(c)) => self.commands.push(Command::SaveOneChartPng(c)),
                    None => {}
                }
            }
            View::Sheet(Sheet::Settings) => {
                if let Some(e) = settings::settings_ui(ui, &mut self.settings, self.doc.project(), lang) {
                    self.apply(e);
                    self.kpis();
                }
            }
            View::Sheet(sheet) => {
                ui.horizontal(|ui| {
                    ui.heading(tr(lang, i18n::sheet(sheet)));
                    if matches!(sheet, Sheet::Plan | Sheet::Budget) {
                        self.command_button(ui, CommandId::BuildPlan);
                    }
                });
                self.kpis();
                summaries::summary_ui(ui, sheet, &self.kpis, loc);
                let cx = GridContext {
                    project: self.doc.project(),
                    revision: self.doc.revision(),
                    lang,
                    filter: &self.filter,
                };
                let state = self.grids.entry(sheet).or_insert_with(|| GridState::new(sheet));
                if let Some(e) = grid::grid_ui(ui, state, &cx) {
                    // Through the queue like every other edit; it runs before the next frame draws,
                    // so the summaries and the dashboard never show the old value.
                    self.commands.push(Command::Apply(e));
                }
            }
            View::Problems => self.problems_ui(ui),
            View::Decisions => {
                let cx = DecisionsContext {
                    project: self.doc.project(),
                    revision: self.doc.revision(),
                    filter: &self.filter,
                    lang,
                };
                if let Some(e) = decisions::decisions_ui(ui, &mut self.decisions, &cx) {
                    self.commands.push(Command::Apply(e));
                }
            }
            View::Aarrr | View::Cohorts if self.visits_task.is_some() => {
                let title = if self.view == View::Aarrr { K::Aarrr } else { K::Cohorts };
                ui.heading(tr(lang, title));
                ui.horizontal(|ui| {
                    ui.add(egui::Spinner::new());
                    ui.label(tr(lang, K::LoadingVisits));
                });
                ui.label(RichText::new(tr(lang, K::LoadingVisitsHint)).weak());
            }
            View::Aarrr => {
                self.kpis();
                egui::ScrollArea::vertical().show(ui, |ui| aarrr::aarrr_ui(ui, &self.kpis, loc));
            }
            View::Cohorts => {
                self.kpis();
                egui::ScrollArea::vertical().show(ui, |ui| cohorts::cohorts_ui(ui, &mut self.cohorts, &self.kpis, loc));
            }
            View::Calls => {
                self.kpis();
                let cx = CallsContext {
                    project: self.doc.project(),
                    revision: self.doc.revision(),
                    filter: &self.filter,
                    kpis: &self.kpis,
                    lang,
                };
                let state = &mut self.calls;
                egui::ScrollArea::vertical().show(ui, |ui| calls::calls_ui(ui, state, &cx));
            }
            View::Branches => {
                self.kpis();
                let source = (self.doc.project(), self.doc.revision());
                branches::branches_ui(ui, &mut self.branches, source, &self.kpis, &self.filter, loc);
            }
        }
    }

    /// What a saved chart is of: the clinic, the period and the filters set (direction, channel,
    /// branch), e.g. «Клиника Улыбка · янв 2026 — ноя 2026 · Стоматология».
    fn chart_subtitle(&self) -> String {
        let clinic = self.doc.project().settings.clinic.trim();
        let f = &self.filter;
        let parts = [
            Some(clinic.to_string()),
            Some(self.period_label()),
            f.direction.clone(),
            f.channel.clone(),
            f.branch.clone(),
        ];
        parts.into_iter().flatten().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ")
    }

    fn period_label(&self) -> String {
        let lang = self.lang;
        match (self.filter.from, self.filter.to) {
            (None, None) => tr(lang, K::AllTime).to_string(),
            (Some(a), Some(b)) if a == b => month_label(a, lang),
            (a, b) => format!(
                "{} — {}",
                a.map_or_else(|| "…".to_string(), |m| month_label(m, lang)),
                b.map_or_else(|| "…".to_string(), |m| month_label(m, lang))
            ),
        }
    }

    fn problems_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.heading(tr(lang, K::Problems));
        if self.notices.is_empty() {
            ui.label(RichText::new(tr(lang, K::NoProblems)).weak());
            return;
        }
        ui.label(RichText::new(tr(lang, K::ProblemsHint)).weak());
        let mut jump = None;
        egui::ScrollArea::vertical().show(ui, |ui| {
            egui::Grid::new("problems").striped(true).num_columns(6).spacing([12.0, 4.0]).show(ui, |ui| {
                for h in [K::Severity, K::SheetWord, K::Row, K::ColumnWord, K::Value, K::MessageWord] {
                    ui.label(RichText::new(tr(lang, h)).strong());
                }
                ui.end_row();
                for (i, n) in self.notices.iter().enumerate() {
                    let sev = if n.error {
                        RichText::new(tr(lang, K::SeverityError)).color(ui.visuals().error_fg_color)
                    } else {
                        RichText::new(tr(lang, K::SeverityNotice)).color(ui.visuals().warn_fg_color)
                    };
                    ui.label(sev);
                    let sheet = n.sheet.clone().unwrap_or_default();
                    if ui.link(if sheet.is_empty() { "—".to_string() } else { sheet }).clicked() {
                        jump = Some(i);
                    }
                    ui.label(n.row.map_or_else(String::new, |r| r.to_string()));
                    ui.label(n.column.clone().unwrap_or_default());
                    ui.label(n.value.clone().unwrap_or_default());
                    if ui.add(egui::Label::new(n.text(lang)).sense(egui::Sense::click()).wrap()).clicked() {
                        jump = Some(i);
                    }
                    ui.end_row();
                }
            });
        });
        if let Some(i) = jump {
            self.jump_to(i);
        }
    }

    fn dialog_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang;
        let Some(dialog) = self.dialog.take() else { return };
        let mut keep = true;
        match dialog {
            Dialog::Recovery(r) => {
                let mut choice = None;
                let resp = egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
                    ui.heading(tr(lang, K::RecoveryTitle));
                    let from = r
                        .meta
                        .path
                        .as_ref()
                        .map_or_else(|| tr(lang, K::Untitled).to_string(), |p| p.display().to_string());
                    ui.label(format!("{} {from}", tr(lang, K::RecoveryText)));
                    ui.horizontal(|ui| {
                        if ui.button(tr(lang, K::Restore)).clicked() {
                            choice = Some(true);
                        }
                        if ui.button(tr(lang, K::Discard)).clicked() {
                            choice = Some(false);
                        }
                    });
                });
                // Escape decides later: the recovery file stays for the next start.
                let later = choice.is_none() && dialogs::escape_closes(ctx, &resp);
                match choice {
                    None if later => keep = false,
                    Some(true) => {
                        let source = r.meta.path.clone();
                        let path = source.clone().filter(|p| crate::store::is_project_file(p));
                        let name = source
                            .as_ref()
                            .and_then(|p| p.file_name())
                            .map_or_else(|| tr(lang, K::Recovered).to_string(), |n| n.to_string_lossy().into_owned());
                        self.replace_document(r.project, path, name);
                        self.source_path = source;
                        self.doc.mark_unsaved();
                        self.set_status(tr(lang, K::Restored), false);
                        keep = false;
                    }
                    Some(false) => {
                        if let Some(d) = &self.dirs {
                            files::clear_recovery(d);
                        }
                        keep = false;
                    }
                    None => self.dialog = Some(Dialog::Recovery(r)),
                }
            }
            Dialog::Unsaved(next) => {
                let mut choice = None;
                let resp = egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
                    ui.heading(tr(lang, K::UnsavedTitle));
                    ui.label(tr(lang, K::UnsavedText));
                    ui.horizontal(|ui| {
                        if ui.button(tr(lang, K::MenuSave)).clicked() {
                            choice = Some(0);
                        }
                        if ui.button(tr(lang, K::DontSave)).clicked() {
                            choice = Some(1);
                        }
                        if ui.button(tr(lang, K::Cancel)).clicked() {
                            choice = Some(2);
                        }
                    });
                });
                if choice.is_none() && dialogs::escape_closes(ctx, &resp) {
                    choice = Some(2);
                }
                match choice {
                    Some(0) => {
                        match self.path.clone() {
                            // What was asked for runs once the save worked (it may take a while).
                            Some(p) => self.save_to(ctx, p, Some(next)),
                            None => {
                                self.run_command_now(ctx, Command::SaveAs);
                                if !self.doc.is_dirty() {
                                    self.after_unsaved_dialog(ctx, next);
                                }
                            }
                        }
                        keep = false;
                    }
                    Some(1) => {
                        if let Some(d) = &self.dirs {
                            files::clear_recovery(d);
                        }
                        self.after_unsaved_dialog(ctx, next);
                        keep = false;
                    }
                    Some(_) => keep = false,
                    None => self.dialog = Some(Dialog::Unsaved(next)),
                }
            }
            Dialog::Path { purpose, mut text } => {
                let mut choice = None;
                let title = match purpose {
                    PathPurpose::Open => K::MenuOpen,
                    PathPurpose::Save => K::MenuSaveAs,
                    PathPurpose::Export => K::MenuExport,
                    PathPurpose::Report => K::MenuExportReport,
                    PathPurpose::ChartPng(None) => K::MenuSaveChartPng,
                    PathPurpose::ChartPng(Some(_)) => K::SaveThisChartPng,
                    PathPurpose::Story => K::MenuExportStory,
                };
                let resp = egui::Modal::new(egui::Id::unique("path")).show(ctx, |ui| {
                    ui.heading(tr(lang, title));
                    let label = ui.label(tr(lang, K::PathPrompt)).id;
                    let resp = ui.add(egui::TextEdit::singleline(&mut text).desired_width(520.0)).labelled_by(label);
                    if !resp.has_focus() && !resp.lost_focus() {
                        resp.request_focus();
                    }
                    if resp.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                        choice = Some(true);
                    }
                    ui.horizontal(|ui| {
                        if ui.button(tr(lang, K::Ok)).clicked() {
                            choice = Some(true);
                        }
                        if ui.button(tr(lang, K::Cancel)).clicked() {
                            choice = Some(false);
                        }
                    });
                });
                if choice.is_none() && dialogs::escape_closes(ctx, &resp) {
                    choice = Some(false);
                }
                match choice {
                    Some(true) => {
                        let p = PathBuf::from(text.trim());
                        self.commands.push(purpose.command(p));
                        keep = false;
                    }
                    Some(false) => keep = false,
                    None => self.dialog = Some(Dialog::Path { purpose, text }),
                }
            }
        }
        if !keep {
            self.dialog = None;
        }
    }

    fn after_unsaved_dialog(&mut self, ctx: &egui::Context, next: Option<Command>) {
        match next {
            Some(c) => self.run_command_now(ctx, c),
            None => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }
}

/// The direction, channel and branch filters of the top bar (the branch only for a chain).
fn scope_filters_ui(ui: &mut egui::Ui, f: &mut Filter, lists: (&[String], &[String], &[String]), lang: Lang) {
    let (directions, channels, branch_names) = lists;
    let all = tr(lang, K::All);
    let l = ui.label(tr(lang, K::Direction)).id;
    text_combo(ui, "direction", l, &mut f.direction, directions, all);
    let l = ui.label(tr(lang, K::Channel)).id;
    text_combo(ui, "channel", l, &mut f.channel, channels, all);
    // Only a chain has branches to pick; a branch that left the data leaves the filter.
    if f.branch.as_ref().is_some_and(|b| !branch_names.iter().any(|n| n == b)) {
        f.branch = None;
    }
    if !branch_names.is_empty() {
        let l = ui.label(tr(lang, K::BranchOf)).id;
        text_combo(ui, "branch", l, &mut f.branch, branch_names, all);
    }
}

/// A default file name for the charts of `tab`: `графики-выручка-по-месяцам.png`.
/// A chart picture's suggested file name: «графики-каналы.png» for `what` = the tab's name.
fn chart_file_name(what: &str, lang: Lang) -> String {
    let words = format!("{} {what}", tr(lang, K::Charts)).to_lowercase();
    let slug: String = words.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
    let slug = slug.split('-').filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-");
    format!("{slug}.png")
}

fn file_stem(name: &str) -> String {
    Path::new(name).file_stem().map_or_else(|| "clinic".to_string(), |s| s.to_string_lossy().into_owned())
}

fn month_combo(
    ui: &mut egui::Ui,
    id: &str,
    label: egui::Id,
    value: &mut Option<Month>,
    months: &[Month],
    lang: Lang,
    all: &str,
) {
    let text = value.map_or_else(|| all.to_string(), |m| month_label(m, lang));
    egui::ComboBox::from_id_salt(id)
        .selected_text(text)
        .width(110.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, all);
            for m in months {
                ui.selectable_value(value, Some(*m), month_label(*m, lang));
            }
        })
        .response
        .labelled_by(label);
}

fn text_combo(ui: &mut egui::Ui, id: &str, label: egui::Id, value: &mut Option<String>, options: &[String], all: &str) {
    let text = value.clone().unwrap_or_else(|| all.to_string());
    egui::ComboBox::from_id_salt(id)
        .selected_text(text)
        .width(150.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, all);
            for o in options {
                ui.selectable_value(value, Some(o.clone()), o);
            }
        })
        .response
        .labelled_by(label);
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
        cold_start::after_frame(ui.ctx());
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        App::on_exit(self);
    }
}

impl App {
    /// The meeting mode over the whole window; Esc or its Leave button ends it.
    fn meeting_ui(&mut self, ui: &mut egui::Ui) {
        self.kpis();
        let Some(state) = self.meeting.as_mut() else { return };
        let cx = MeetingContext {
            project: self.doc.project(),
            revision: self.doc.revision(),
            filter: &self.filter,
            kpis: &self.kpis,
            lang: self.lang,
        };
        let mut outcome = meeting::Outcome::Stay;
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(meeting::background(state)).inner_margin(32.0))
            .show(ui, |ui| outcome = meeting::meeting_ui(ui, state, &cx));
        match outcome {
            meeting::Outcome::Stay => {}
            meeting::Outcome::Leave => self.commands.push(Command::Meeting(false)),
            meeting::Outcome::Exported(Ok(first)) => {
                self.set_status(format!("{} {}", tr(self.lang, K::StorySaved), first.display()), false);
            }
            meeting::Outcome::Exported(Err(e)) => self.set_status(e, true),
        }
    }
}
