//! Running the queued commands once per frame: the unsaved-changes question, each command's
//! effect, edits through the undo stack, jumping to a problem's cell, and the global shortcuts.

use super::command_table::{self, CommandId, EnabledWhen};
use super::*;

impl App {
    /// Commands that would drop unsaved changes ask first.
    pub(super) fn discards_changes(c: &Command) -> bool {
        matches!(c, Command::New | Command::Demo | Command::Open | Command::OpenPath(_))
    }

    pub(super) fn run_command(&mut self, ctx: &egui::Context, c: Command) {
        if Self::discards_changes(&c) && self.doc.is_dirty() && self.dialog.is_none() {
            self.dialog = Some(Dialog::Unsaved(Some(c)));
            return;
        }
        self.run_command_now(ctx, c);
    }

    pub(super) fn run_command_now(&mut self, ctx: &egui::Context, c: Command) {
        let lang = self.lang;
        match c {
            Command::Meeting(on) => {
                // Full screen for the projector; the window comes back as it was on leaving.
                if on != self.meeting.is_some() {
                    self.meeting = on.then(MeetingState::default);
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
                }
            }
            Command::New => {
                let mut p = Project::new();
                p.settings.clinic.clear();
                self.replace_document(p, None, tr(lang, K::Untitled).to_string());
                self.notices.clear();
                self.view = View::Sheet(Sheet::Plan);
            }
            Command::Demo => {
                self.load_demo();
                self.view = View::Dashboard;
            }
            Command::Open if !native_dialogs() => {
                let dir = default_dir(self.path.as_deref());
                self.dialog = Some(Dialog::Path { purpose: PathPurpose::Open, text: format!("{}/", dir.display()) });
            }
            Command::Open => {
                let picked = rfd::FileDialog::new()
                    .set_directory(default_dir(self.path.as_deref()))
                    .add_filter(tr(lang, K::FilterAll), &["xlsx", "xls", "xlsm", "ods", "medfunnel"])
                    .add_filter(tr(lang, K::FilterWorkbooks), &["xlsx", "xls", "xlsm", "ods"])
                    .add_filter(tr(lang, K::FilterProjects), &["medfunnel"])
                    .pick_file();
                if let Some(p) = picked {
                    self.run_command_now(ctx, Command::OpenPath(p));
                }
            }
            Command::OpenPath(p) => self.start_open(p),
            Command::Save => match self.path.clone() {
                Some(p) => self.save_to(ctx, p, None),
                None => self.run_command_now(ctx, Command::SaveAs),
            },
            Command::SaveAs if !native_dialogs() => {
                let name = format!("{}.medfunnel", file_stem(&self.source_name));
                let path = default_dir(self.source_path.as_deref().or(self.prefs.recent.first().map(PathBuf::as_path)))
                    .join(name);
                self.dialog = Some(Dialog::Path { purpose: PathPurpose::Save, text: path.display().to_string() });
            }
            Command::SaveAs => {
                let name = format!("{}.medfunnel", file_stem(&self.source_name));
                let picked = rfd::FileDialog::new()
                    .set_directory(default_dir(
                        self.source_path.as_deref().or(self.prefs.recent.first().map(PathBuf::as_path)),
                    ))
                    .add_filter(tr(lang, K::FilterProjects), &["medfunnel"])
                    .set_file_name(name)
                    .save_file();
                if let Some(p) = picked {
                    self.save_to(ctx, p, None);
                }
            }
            Command::SaveTo(p) => self.save_to(ctx, p, None),
            Command::ExportTemplate => {
                let name = format!("{}.xlsx", file_stem(&self.source_name));
                self.ask_save_path(ctx, PathPurpose::Export, name, (tr(lang, K::FilterWorkbooks), &["xlsx"]));
            }
            Command::ExportReport => {
                self.kpis();
                let name = crate::report::file_name(self.doc.project(), &self.filter, &self.kpis, lang);
                self.ask_save_path(ctx, PathPurpose::Report, name, (tr(lang, K::FilterWorkbooks), &["xlsx"]));
            }
            Command::ExportTo(p) => {
                let p = if p.extension().is_none() { p.with_extension("xlsx") } else { p };
                match files::export_template(self.doc.project(), &p, lang) {
                    Ok(()) => self.set_status(format!("{} {}", tr(lang, K::Exported), p.display()), false),
                    Err(e) => self.set_status(e, true),
                }
            }
            Command::ExportReportTo(p) => {
                let p = if p.extension().is_none() { p.with_extension("xlsx") } else { p };
                self.start_report(p);
            }
            Command::SaveChartPng
            | Command::SaveChartPngTo(_)
            | Command::SaveOneChartPng(_)
            | Command::SaveOneChartPngTo(..)
                if self.view != View::Charts || self.charts.chart_rect.is_none() =>
            {
                self.set_status(tr(lang, K::NoChartToSave), false);
            }
            Command::SaveChartPng => {
                let name = chart_file_name(self.charts.tab.label(lang), lang);
                self.ask_save_path(ctx, PathPurpose::ChartPng(None), name, (tr(lang, K::FilterPng), &["png"]));
            }
            Command::SaveOneChartPng(c) => {
                let name = chart_file_name(c.title(lang), lang);
                self.ask_save_path(ctx, PathPurpose::ChartPng(Some(c)), name, (tr(lang, K::FilterPng), &["png"]));
            }
            Command::SaveChartPngTo(p) => self.save_chart_pngs(None, &p),
            Command::SaveOneChartPngTo(c, p) => self.save_chart_pngs(Some(c), &p),
            Command::ExportStory => {
                let name = format!("{}.png", tr(lang, K::StoryFileName));
                self.ask_save_path(ctx, PathPurpose::Story, name, (tr(lang, K::FilterPng), &["png"]));
            }
            Command::ExportStoryTo(p) => {
                // The story is told in the meeting's own look: enter it if needed, then walk it.
                if self.meeting.is_none() {
                    self.run_command_now(ctx, Command::Meeting(true));
                }
                if let Some(m) = self.meeting.as_mut() {
                    m.export_to(p);
                }
            }
            Command::Apply(e) => self.apply(e),
            Command::Undo => match self.doc.undo() {
                Some(_) => self.set_status(tr(lang, K::Undone), false),
                None => self.set_status(tr(lang, K::NothingToUndo), false),
            },
            Command::Redo => match self.doc.redo() {
                Some(_) => self.set_status(tr(lang, K::Redone), false),
                None => self.set_status(tr(lang, K::NothingToRedo), false),
            },
            Command::SetLang(l) => {
                self.lang = l;
                self.prefs.lang = Some(l);
                self.save_prefs();
                if self.path.is_none() && Lang::ALL.iter().any(|x| self.source_name == tr(*x, K::DemoName)) {
                    self.source_name = tr(l, K::DemoName).to_string();
                }
            }
            Command::Show(v) => self.view = v,
            Command::JumpTo(i) => self.jump_to(i),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::BuildPlan => self.plan_dialog = Some(PlanDialog::new(self.doc.project())),
            Command::ImportExports => {
                self.raw_import = Some(RawImportDialog::new(self.doc.project()).in_background(self.background));
            }
        }
    }

    /// Applies an edit through the undo stack; a refusal goes to the status bar.
    pub(super) fn apply(&mut self, e: Edit) {
        if let Err(err) = self.doc.apply(e) {
            self.set_status(format!("{}: {err}", tr(self.lang, K::EditRefused)), true);
        }
    }

    pub(super) fn jump_to(&mut self, i: usize) {
        let Some(n) = self.notices.get(i).cloned() else { return };
        let Some(sheet) = n.sheet.as_deref().and_then(Sheet::from_sheet_name) else {
            self.set_status(tr(self.lang, K::NoCellToShow), false);
            return;
        };
        // Rows left out before this one shift the model's rows up; the header is row 1.
        let dropped_before = self
            .notices
            .iter()
            .filter(|o| o.error && o.sheet == n.sheet && o.row.is_some_and(|r| Some(r) < n.row))
            .count();
        let row = n.row.map_or(0, |r| (r as usize).saturating_sub(2 + dropped_before));
        let col = n.column.as_deref().and_then(|c| sheet.column_from_header(c)).unwrap_or(0);
        // The problem's row may be outside the period or filters: show everything.
        self.filter = Filter::default();
        let message = n.text(self.lang);
        let g = self.grid_mut(sheet);
        g.select_model_cell(row, col);
        g.message = Some(message);
        self.view = View::Sheet(sheet);
    }

    pub(super) fn branch_names(&mut self) -> &[String] {
        if self.branch_names.0 != self.doc.revision() {
            self.branch_names = (self.doc.revision(), metrics::branches::branch_names(self.doc.project()));
        }
        &self.branch_names.1
    }

    pub(super) fn months(&mut self) -> &[Month] {
        if self.months.0 != self.doc.revision() {
            let p = self.doc.project();
            let mut ms: Vec<Month> = p
                .plan
                .iter()
                .map(|r| r.month)
                .chain(p.budget.iter().map(|r| r.month))
                .chain(p.funnel.iter().map(|r| r.month))
                .chain(p.revenue.iter().map(|r| Month::of(r.date)))
                .chain(p.doctors.iter().map(|r| r.month))
                .collect();
            ms.sort_unstable();
            ms.dedup();
            self.months = (self.doc.revision(), ms);
        }
        &self.months.1
    }

    /// Global shortcuts from the command table; text fields keep their own undo and clipboard.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() || self.plan_dialog.is_some() || self.raw_import.is_some() || self.job.is_some() {
            return;
        }
        let text_focused = ctx.text_edit_focused();
        for (shortcut, id) in command_table::shortcuts_in_match_order() {
            let spec = id.spec();
            if (text_focused && !spec.in_text) || !self.enabled(spec.enabled) {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                let c = self.command_for(id);
                self.commands.push(c);
            }
        }
    }

    /// Whether a command of the table can run now.
    pub(super) fn enabled(&self, when: EnabledWhen) -> bool {
        match when {
            EnabledWhen::Always => true,
            EnabledWhen::CanUndo => self.doc.history().can_undo(),
            EnabledWhen::CanRedo => self.doc.history().can_redo(),
            EnabledWhen::ChartShown => self.view == View::Charts && self.charts.chart_rect.is_some(),
        }
    }

    /// The command a menu item or shortcut of the table runs.
    pub(super) fn command_for(&self, id: CommandId) -> Command {
        match id {
            CommandId::New => Command::New,
            CommandId::Open => Command::Open,
            CommandId::Demo => Command::Demo,
            CommandId::ImportExports => Command::ImportExports,
            CommandId::Save => Command::Save,
            CommandId::SaveAs => Command::SaveAs,
            CommandId::ExportTemplate => Command::ExportTemplate,
            CommandId::ExportReport => Command::ExportReport,
            CommandId::ExportStory => Command::ExportStory,
            CommandId::SaveChartPng => Command::SaveChartPng,
            CommandId::Quit => Command::Quit,
            CommandId::Undo => Command::Undo,
            CommandId::Redo => Command::Redo,
            CommandId::BuildPlan => Command::BuildPlan,
            CommandId::Meeting => Command::Meeting(self.meeting.is_none()),
            CommandId::ShowAarrr => Command::Show(View::Aarrr),
        }
    }

    /// A menu item of the command table: its label, tooltip and enabled rule from the table; a
    /// click queues its command.
    pub(super) fn command_button(&mut self, ui: &mut egui::Ui, id: CommandId) {
        let spec = id.spec();
        let mut r = ui.add_enabled(self.enabled(spec.enabled), egui::Button::new(tr(self.lang, spec.label)));
        if let Some(hint) = spec.hint {
            r = r.on_hover_text(tr(self.lang, hint));
        }
        if r.clicked() {
            let c = self.command_for(id);
            self.commands.push(c);
        }
    }

    /// Writes the tab's charts (or only `chart`) as 1920×1080 PNG pictures, one per chart, the
    /// first to `path` and the others beside it, and says so in the status bar.
    fn save_chart_pngs(&mut self, chart: Option<charts::ChartId>, path: &Path) {
        let lang = self.lang;
        let (loc, subtitle) = (self.loc(), self.chart_subtitle());
        self.kpis();
        let of = charts::PictureOf {
            project: self.doc.project(),
            kpis: &self.kpis,
            filter: &self.filter,
            loc,
            subtitle: &subtitle,
        };
        let pictures = match chart {
            Some(c) => vec![charts::chart_picture(&mut self.charts, of, c)],
            None => charts::chart_pictures(&mut self.charts, of),
        };
        let titles: Vec<String> = pictures.iter().map(|p| p.title.clone()).collect();
        let paths = charts::chart_png_paths(path, &titles);
        for (picture, p) in pictures.iter().zip(&paths) {
            if let Err(e) = charts::write_png(&picture.image, p, lang) {
                self.set_status(e, true);
                return;
            }
        }
        let status = match paths.as_slice() {
            [one] => format!("{} {}", tr(lang, K::ChartSaved), one.display()),
            many => {
                let names: Vec<String> =
                    many.iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).collect();
                let count = crate::i18n::plural::nouns::CHARTS.count(many.len() as u64, lang);
                crate::i18n::fill(tr(lang, K::ChartsSaved), &[("charts", &count), ("files", &names.join(", "))])
            }
        };
        self.set_status(status, false);
    }
}
