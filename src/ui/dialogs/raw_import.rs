//! File → Import exports: the dialog that joins raw CRM leads, MIS visits and ad spend into the
//! open project (domain.md, "Raw exports").
//!
//! Everything happens on copies: the dialog keeps `base` (the open project plus the aliases the
//! user added here) and joins a fresh clone of it on every "Join", so Cancel changes nothing and
//! Apply hands the app one finished project to commit as a single undoable edit. In the desktop
//! app the join runs on a thread of its own behind a progress bar (the share of the files read,
//! then the join), the dialog answering meanwhile. Patient names are
//! never read and phones are shown masked only: the preview comes from
//! [`raw::preview_rows`], which does both.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Color32, RichText};

use crate::format::{self, Lang};
use crate::i18n::{K, tr};
use crate::import::Problem;
use crate::import::raw::{self, ColumnMap, ColumnPreview, ExportKind, JoinReport, RawInputs};
use crate::model::Project;
use crate::ui::tasks::{self, Task};

/// How many data rows the preview shows per file.
pub const PREVIEW_ROWS: usize = 10;

/// One file slot of the dialog: the path, the user's column overrides and what was read.
#[derive(Debug)]
struct Slot {
    kind: ExportKind,
    /// The path as typed or picked.
    text: String,
    /// The path the preview was read from (re-read when `text` changes).
    loaded: Option<PathBuf>,
    map: ColumnMap,
    /// Headers the user assigned here (header → field key; `None` = not used), so their combo
    /// stays visible after the header becomes recognised.
    assigned: BTreeMap<String, Option<&'static str>>,
    /// The preview, or why the file cannot be read (worded in the UI's language when shown).
    preview: Option<Result<Preview, crate::import::ImportError>>,
}

/// What the dialog shows of one file.
#[derive(Debug)]
struct Preview {
    columns: ColumnPreview,
    rows: Vec<Vec<(&'static str, String)>>,
}

impl Slot {
    fn new(kind: ExportKind) -> Self {
        Self {
            kind,
            text: String::new(),
            loaded: None,
            map: ColumnMap::new(),
            assigned: BTreeMap::new(),
            preview: None,
        }
    }

    fn path(&self) -> Option<PathBuf> {
        let t = self.text.trim();
        (!t.is_empty()).then(|| PathBuf::from(t))
    }

    /// Reads the header and the first rows again (after a new path or a new column override).
    fn reload(&mut self) {
        self.loaded = self.path();
        self.preview = self.loaded.as_deref().map(|p| {
            let columns = raw::preview_columns(p, self.kind, &self.map)?;
            let rows = raw::preview_rows(p, self.kind, &self.map, PREVIEW_ROWS)?;
            Ok(Preview { columns, rows })
        });
    }

    /// Whether the file's required columns are all found.
    fn readable(&self) -> bool {
        matches!(&self.preview, Some(Ok(p)) if p.columns.missing.is_empty())
    }
}

/// The result of the last "Join".
#[derive(Debug)]
struct Joined {
    project: Project,
    report: JoinReport,
    problems: Vec<Problem>,
}

/// Why the dialog could not join: kept typed, worded in the UI's language when shown.
#[derive(Debug)]
enum DialogError {
    /// The exports or the patient key refused.
    Raw(raw::RawError),
    /// A source could not become a channel's alias (the dialog offers only real channels, so this
    /// is a safety net; the sentence is the library's).
    Alias(String),
}

impl DialogError {
    fn text(&self, lang: Lang) -> String {
        match self {
            DialogError::Raw(e) => crate::i18n::raw_error(e, lang),
            DialogError::Alias(e) => e.clone(),
        }
    }
}

/// What the user decided in the dialog this frame.
#[derive(Debug)]
pub enum Outcome {
    /// Keep the dialog open.
    Open,
    /// Close it without changing anything.
    Cancel,
    /// Replace the open project with this one (the join's result) and show these problems.
    Apply {
        /// The joined project.
        project: Box<Project>,
        /// What the join counted, for the status bar.
        report: JoinReport,
        /// Reading problems and the join's notices.
        problems: Vec<Problem>,
    },
}

/// The state of the Import exports dialog.
#[derive(Debug)]
pub struct RawImportDialog {
    /// The open project with the aliases added in this dialog; every join starts from a clone.
    base: Project,
    slots: [Slot; 4],
    joined: Option<Joined>,
    /// The channel picked for each unknown source.
    alias_pick: BTreeMap<String, String>,
    /// The last error (a file that cannot be read, an alias refused).
    error: Option<DialogError>,
    /// The last join stopped on a bug (said in the interface language; nothing was joined).
    failed: bool,
    /// The join running on its own thread.
    joining: Option<Task<Result<Joined, DialogError>>>,
    /// Joins run on a thread of their own (the desktop app); otherwise [`RawImportDialog::join`]
    /// returns with the result.
    background: bool,
}

impl RawImportDialog {
    /// A dialog over a copy of `project` (the open one is not touched until Apply).
    pub fn new(project: &Project) -> Self {
        let mut base = project.clone();
        // The machine's key, checked once for the dialog: a project keyed elsewhere is refused here.
        let error = raw::PatientKey::machine()
            .map_err(raw::RawError::from)
            .and_then(|key| raw::ensure_key(&mut base, &key, true))
            .err()
            .map(DialogError::Raw);
        Self {
            base,
            slots: [
                Slot::new(ExportKind::Leads),
                Slot::new(ExportKind::Visits),
                Slot::new(ExportKind::Spend),
                Slot::new(ExportKind::Calls),
            ],
            joined: None,
            alias_pick: BTreeMap::new(),
            error,
            failed: false,
            joining: None,
            background: false,
        }
    }

    /// Runs the joins on a thread of their own behind a progress bar (`on`), or within the call.
    pub fn in_background(mut self, on: bool) -> Self {
        self.background = on;
        self
    }

    /// Whether a join is running.
    pub fn is_joining(&self) -> bool {
        self.joining.is_some()
    }

    fn slot_mut(&mut self, kind: ExportKind) -> &mut Slot {
        let i = match kind {
            ExportKind::Leads => 0,
            ExportKind::Visits => 1,
            ExportKind::Spend => 2,
            ExportKind::Calls => 3,
        };
        &mut self.slots[i]
    }

    /// Puts a file into a slot (a picked or typed path) and reads its preview.
    pub fn set_path(&mut self, kind: ExportKind, path: &Path) {
        let slot = self.slot_mut(kind);
        slot.text = path.display().to_string();
        slot.reload();
        self.joined = None;
    }

    /// Reads the column headed `header` of the `kind` file as `field` (`None`: not used).
    pub fn assign(&mut self, kind: ExportKind, header: &str, field: Option<&'static str>) {
        let slot = self.slot_mut(kind);
        match field {
            Some(f) => slot.map.assign(header, f),
            None => slot.map.ignore(header),
        };
        slot.assigned.insert(header.to_string(), field);
        slot.reload();
        self.joined = None;
    }

    /// The inputs of a join: the files given, with the user's overrides.
    fn inputs(&self) -> RawInputs {
        RawInputs {
            leads: self.slots[0].path(),
            visits: self.slots[1].path(),
            spend: self.slots[2].path(),
            calls: self.slots[3].path(),
            leads_map: self.slots[0].map.clone(),
            visits_map: self.slots[1].map.clone(),
            spend_map: self.slots[2].map.clone(),
            calls_map: self.slots[3].map.clone(),
            ..RawInputs::default()
        }
    }

    /// Joins the given files into a clone of the project; the counts and unknown sources show up.
    pub fn join(&mut self) {
        // A path typed without pressing "Read" is read now, so the preview matches the join.
        for slot in &mut self.slots {
            if slot.path() != slot.loaded {
                slot.reload();
            }
        }
        let counts = Arc::new(raw::Progress::default());
        let inputs = RawInputs { progress: Some(Arc::clone(&counts)), ..self.inputs() };
        self.joined = None;
        if inputs.is_empty() {
            return;
        }
        let mut project = self.base.clone();
        let task = Task::spawn(K::TaskReading, Some(counts), move || {
            raw::import_raw(&mut project, &inputs)
                .map(|(report, problems)| Joined { project, report, problems })
                .map_err(DialogError::Raw)
        });
        if self.background {
            self.joining = Some(task);
        } else {
            self.finish_join(task.wait());
        }
    }

    fn finish_join(&mut self, outcome: tasks::Outcome<Result<Joined, DialogError>>) {
        self.joining = None;
        self.failed = false;
        match outcome {
            Ok(Ok(joined)) => {
                self.error = None;
                self.joined = Some(joined);
            }
            Ok(Err(e)) => self.error = Some(e),
            Err(tasks::Panicked) => self.failed = true,
        }
    }

    /// Makes `source` an alias of `channel` (in the dialog's copy) and joins again.
    pub fn map_source(&mut self, source: &str, channel: &str) {
        match raw::add_alias(&mut self.base, source, channel) {
            Ok(()) => {
                self.alias_pick.remove(source);
                self.join();
            }
            Err(e) => self.error = Some(DialogError::Alias(e)),
        }
    }

    /// Picks the channel that an unknown source's "Map" button will use.
    pub fn pick_channel(&mut self, source: &str, channel: &str) {
        self.alias_pick.insert(source.to_string(), channel.to_string());
    }

    /// What the last join counted.
    pub fn report(&self) -> Option<&JoinReport> {
        self.joined.as_ref().map(|j| &j.report)
    }

    /// The joined project, taken for Apply.
    fn take_apply(&mut self) -> Outcome {
        match self.joined.take() {
            Some(j) => Outcome::Apply { project: Box::new(j.project), report: j.report, problems: j.problems },
            None => Outcome::Open,
        }
    }

    /// Draws the dialog contents; returns what the user decided.
    pub fn ui(&mut self, ui: &mut egui::Ui, lang: Lang) -> Outcome {
        if let Some(done) = self.joining.as_ref().and_then(|t| t.poll(ui.ctx())) {
            self.finish_join(done);
        }
        let mut outcome = Outcome::Open;
        ui.heading(tr(lang, K::ImportExportsTitle));
        ui.label(RichText::new(tr(lang, K::ImportExportsHint)).weak());
        // The files scroll; the join's results stay in sight below them, next to the buttons.
        let max_h = (ui.ctx().content_rect().height() - 380.0).max(200.0);
        egui::ScrollArea::vertical().max_height(max_h).auto_shrink([false, true]).show(ui, |ui| {
            ui.set_min_width(760.0);
            for i in 0..self.slots.len() {
                let changed = slot_ui(ui, &mut self.slots[i], lang);
                if changed {
                    // A join of the files as they were is of no use any more.
                    self.joined = None;
                    self.joining = None;
                }
                ui.separator();
            }
        });
        match &self.joining {
            Some(task) => task.bar_ui(ui, lang),
            None => self.joined_ui(ui, lang),
        }
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e.text(lang));
        }
        if self.failed {
            ui.colored_label(ui.visuals().error_fg_color, tr(lang, K::TaskFailed));
        }
        ui.separator();
        ui.horizontal(|ui| {
            let any = self.slots.iter().any(|s| s.path().is_some()) && self.joining.is_none();
            if ui.add_enabled(any, egui::Button::new(tr(lang, K::ImportJoin))).clicked() {
                self.join();
            }
            if ui.add_enabled(self.joined.is_some(), egui::Button::new(tr(lang, K::ImportApply))).clicked() {
                outcome = self.take_apply();
            }
            if ui.button(tr(lang, K::Cancel)).clicked() {
                outcome = Outcome::Cancel;
            }
        });
        outcome
    }

    fn joined_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let Some(j) = &self.joined else { return };
        let r = &j.report;
        let n = |x: usize| format::count(Some(x as f64), lang);
        ui.label(RichText::new(tr(lang, K::ImportCounts)).strong());
        // One label with every count: what the marketer checks first, and what tests read.
        let counts = format!(
            "{} {} · {} {} · {} {} · {} {} · {} {} / {} {}",
            tr(lang, K::ImportLeads),
            n(r.leads),
            tr(lang, K::ImportDuplicates),
            n(r.duplicates),
            tr(lang, K::ImportReturning),
            n(r.returning),
            tr(lang, K::ImportWithoutPhone),
            n(r.leads_without_phone),
            tr(lang, K::ImportMatchedVisits),
            n(r.matched_visits),
            tr(lang, K::ImportVisits),
            n(r.visits),
        );
        ui.label(counts);
        if r.calls > 0 {
            ui.label(format!(
                "{} {} · {} {}",
                tr(lang, K::ImportCalls),
                n(r.calls),
                tr(lang, K::ImportContacts),
                n(r.contacts)
            ));
        }
        let errors = j.problems.iter().filter(|p| p.is_error()).count();
        if !j.problems.is_empty() {
            ui.label(format!("{}: {} / {}", tr(lang, K::Problems), errors, j.problems.len()));
        }
        if r.unknown_sources.is_empty() {
            return;
        }
        ui.add_space(4.0);
        ui.label(RichText::new(tr(lang, K::ImportUnknownSources)).strong());
        let channels: Vec<String> = self.base.channels.iter().map(|c| c.name.clone()).collect();
        let mut map_now: Option<(String, String)> = None;
        egui::Grid::new("unknown_sources").num_columns(3).spacing([10.0, 4.0]).show(ui, |ui| {
            for source in r.unknown_sources.clone() {
                let l = ui.label(&source).id;
                let picked = self.alias_pick.get(&source).cloned();
                let mut choice = picked.clone();
                egui::ComboBox::from_id_salt(("alias", &source))
                    .selected_text(choice.clone().unwrap_or_else(|| tr(lang, K::ImportMapTo).to_string()))
                    .width(180.0)
                    .show_ui(ui, |ui| {
                        for c in &channels {
                            ui.selectable_value(&mut choice, Some(c.clone()), c);
                        }
                    })
                    .response
                    .labelled_by(l);
                if choice != picked
                    && let Some(c) = &choice
                {
                    self.alias_pick.insert(source.clone(), c.clone());
                }
                let button = egui::Button::new(tr(lang, K::ImportMapButton));
                if ui.add_enabled(choice.is_some(), button).clicked()
                    && let Some(c) = choice
                {
                    map_now = Some((source.clone(), c));
                }
                ui.end_row();
            }
        });
        if let Some((s, c)) = map_now {
            self.map_source(&s, &c);
        }
    }
}

fn kind_title(kind: ExportKind) -> K {
    match kind {
        ExportKind::Leads => K::ImportSlotLeads,
        ExportKind::Visits => K::ImportSlotVisits,
        ExportKind::Spend => K::ImportSlotSpend,
        ExportKind::Calls => K::ImportSlotCalls,
    }
}

fn field_label(kind: ExportKind, key: &str) -> String {
    kind.column(key).map_or_else(|| key.to_string(), |c| c.label())
}

/// Whether the field's values are personal (never shown).
fn is_private(key: &str) -> bool {
    matches!(key, "name" | "patient")
}

/// One file slot; returns whether the file or its columns changed.
fn slot_ui(ui: &mut egui::Ui, slot: &mut Slot, lang: Lang) -> bool {
    let mut changed = false;
    let kind = slot.kind;
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr(lang, kind_title(kind))).strong());
        if slot.readable() {
            ui.label(RichText::new(tr(lang, K::ImportReadable)).color(Color32::from_rgb(30, 130, 76)));
        }
    });
    ui.horizontal(|ui| {
        let l = ui.label(tr(lang, K::PathPrompt)).id;
        let resp = ui.add(egui::TextEdit::singleline(&mut slot.text).desired_width(460.0)).labelled_by(l);
        let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        // Without a desktop portal the system dialog would never appear: the typed path is the way.
        if ui.add_enabled(native_dialogs(), egui::Button::new(tr(lang, K::ImportPick))).clicked()
            && let Some(p) = pick_file(lang)
        {
            slot.text = p.display().to_string();
            changed = true;
        }
        if ui.button(tr(lang, K::ImportRead)).clicked() || enter {
            changed = true;
        }
        if slot.path().is_some() && ui.button(tr(lang, K::ImportClear)).clicked() {
            slot.text.clear();
            changed = true;
        }
    });
    if changed || (slot.path() != slot.loaded && slot.path().is_none()) {
        slot.reload();
        changed = true;
    }
    let mut assign: Option<(String, Option<&'static str>)> = None;
    match &slot.preview {
        None => {
            ui.label(RichText::new(tr(lang, K::ImportNoFile)).weak());
        }
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, crate::i18n::import_error(e, lang));
        }
        Some(Ok(p)) => {
            for m in &p.columns.missing {
                ui.colored_label(ui.visuals().error_fg_color, format!("{} {m}", tr(lang, K::ImportMissing)));
            }
            egui::Grid::new(("columns", kind)).num_columns(2).spacing([12.0, 2.0]).show(ui, |ui| {
                for (header, field) in &p.columns.columns {
                    let l = ui.label(format!("«{header}»")).id;
                    let user = slot.assigned.get(header).copied();
                    if field.is_some() && user.is_none() {
                        let text = match field {
                            Some(f) if is_private(f) => {
                                format!("→ {} ({})", field_label(kind, f), tr(lang, K::ImportHidden))
                            }
                            Some(f) => format!("→ {}", field_label(kind, f)),
                            None => String::new(),
                        };
                        ui.label(RichText::new(text).color(ui.visuals().hyperlink_color));
                    } else {
                        let mut choice: Option<&'static str> = user.flatten().or(*field);
                        let before = choice;
                        let shown =
                            choice.map_or_else(|| tr(lang, K::ImportUnused).to_string(), |f| field_label(kind, f));
                        egui::ComboBox::from_id_salt(("assign", kind, header))
                            .selected_text(shown)
                            .width(220.0)
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut choice, None, tr(lang, K::ImportUnused));
                                for c in kind.columns() {
                                    ui.selectable_value(&mut choice, Some(c.key), c.label());
                                }
                            })
                            .response
                            .labelled_by(l);
                        if choice != before {
                            assign = Some((header.clone(), choice));
                        }
                    }
                    ui.end_row();
                }
            });
            preview_table(ui, kind, p, lang);
        }
    }
    if let Some((h, f)) = assign {
        match f {
            Some(f) => slot.map.assign(&h, f),
            None => slot.map.ignore(&h),
        };
        slot.assigned.insert(h, f);
        slot.reload();
        changed = true;
    }
    changed
}

/// The first rows of a file, recognised fields only (so a name under an unknown header is never
/// shown), phones masked by the reader.
fn preview_table(ui: &mut egui::Ui, kind: ExportKind, p: &Preview, lang: Lang) {
    let Some(first) = p.rows.first() else {
        ui.label(RichText::new(tr(lang, K::ImportNoRows)).weak());
        return;
    };
    ui.label(RichText::new(tr(lang, K::ImportPreview)).weak());
    egui::ScrollArea::horizontal().id_salt(("preview", kind)).show(ui, |ui| {
        egui::Grid::new(("preview_grid", kind)).striped(true).spacing([12.0, 2.0]).show(ui, |ui| {
            for (key, _) in first {
                ui.label(RichText::new(field_label(kind, key)).strong().color(Color32::GRAY));
            }
            ui.end_row();
            for row in &p.rows {
                for (key, text) in row {
                    if is_private(key) {
                        ui.label("•••");
                    } else {
                        ui.label(text);
                    }
                }
                ui.end_row();
            }
        });
    });
}

/// Whether the system can show native file dialogs (on Linux they need the desktop portal's
/// session bus), as the app's own file menu decides.
fn native_dialogs() -> bool {
    !cfg!(target_os = "linux") || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
}

/// Asks the system for an export file.
fn pick_file(lang: Lang) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_directory(super::documents_dir())
        .add_filter(tr(lang, K::ImportFilter), &["csv", "txt", "tsv", "xlsx", "xls", "ods"])
        .pick_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_masks_phones_and_never_reads_names() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("leads.csv");
        std::fs::write(&path, "Дата создания;Телефон;Источник;ФИО\n2025-01-05;+7 916 123-45-67;yandex;Иванова Мария\n")
            .unwrap();
        let mut d = RawImportDialog::new(&Project::new());
        d.set_path(ExportKind::Leads, &path);
        let Some(Ok(p)) = &d.slots[0].preview else { panic!("no preview") };
        assert!(p.columns.missing.is_empty());
        let text = format!("{:?}", p.rows);
        assert!(!text.contains("Иванова"), "{text}");
        assert!(!text.contains("123-45"), "{text}");
        assert!(text.contains("67"), "{text}");
    }

    #[test]
    fn unknown_header_assigned_by_hand() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("visits.csv");
        std::fs::write(&path, "Дата;Телефон;К оплате\n05.01.2025;89161234567;1500\n").unwrap();
        let mut d = RawImportDialog::new(&Project::new());
        d.set_path(ExportKind::Visits, &path);
        assert!(!d.slots[1].readable());
        d.assign(ExportKind::Visits, "К оплате", Some("amount"));
        assert!(d.slots[1].readable());
        d.join();
        assert_eq!(d.report().map(|r| r.visits), Some(1));
    }
}
