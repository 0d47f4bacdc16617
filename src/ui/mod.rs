//! The desktop app (egui): views, grids and the dashboard; no formulas live here.
//!
//! - [`app`]: the App, its command queue, menus, dialogs, autosave;
//! - [`commands`]: the undoable [`commands::Edit`]s and the history;
//! - [`sheets`]: the template's sheets as typed cells; [`grid`]: the spreadsheet grid over them;
//! - [`dashboard`] and [`views`]: KPI cards, the funnel and per-sheet summaries;
//! - [`files`]: open, save, export, recent files, recovery; [`i18n`]: the translation table;
//! - [`charts`]: the Charts view and the Dashboard's small charts; [`pace`]: the owner's pace panel;
//! - [`decisions`]: what-if levers, the lever ranking, goal seek, the allocator, scenarios;
//! - [`plan_dialog`]: the "Build next year's plan" dialog;
//! - [`raw_import`]: File → Import exports; [`cohorts`]: the Cohorts view;
//! - [`aarrr`]: the AARRR view; [`meeting`]: the full-screen meeting mode.

pub mod aarrr;
pub mod app;
pub mod branches;
pub mod calls;
pub mod charts;
pub mod cohorts;
pub mod commands;
pub mod dashboard;
pub mod decisions;
pub mod files;
pub mod grid;
pub mod i18n;
pub mod meeting;
pub mod pace;
mod parse;
pub mod plan_dialog;
pub mod raw_import;
pub mod sheets;
pub mod views;

use std::path::PathBuf;

pub use app::{App, Command, Startup, View};

/// DejaVu Sans: Cyrillic and the rouble sign ₽, which egui's default font lacks.
const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Adds the bundled font as a fallback of both font families, so `₽` and any glyph the default
/// font lacks are drawn instead of a box.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.add_font(egui::FontInsert::new(
        "DejaVuSans",
        egui::FontData::from_static(DEJAVU_SANS),
        vec![
            egui::InsertFontFamily { family: egui::FontFamily::Proportional, priority: egui::FontPriority::Lowest },
            egui::InsertFontFamily { family: egui::FontFamily::Monospace, priority: egui::FontPriority::Lowest },
        ],
    ));
}

/// Runs the desktop app: with `file`, opens it (a workbook or a project file); without, reopens
/// the last file, else shows the demo clinic.
///
/// # Errors
/// A sentence when the window cannot be created (no display, no OpenGL).
pub fn run(file: Option<PathBuf>) -> Result<(), String> {
    run_with(file, false)
}

/// Runs the desktop app as [`run`] does, in meeting mode when `meeting` is set
/// (`medfunnel meeting [FILE]`).
///
/// # Errors
/// A sentence when the window cannot be created (no display, no OpenGL).
pub fn run_with(file: Option<PathBuf>, meeting: bool) -> Result<(), String> {
    let startup = Startup { file, dirs: files::AppDirs::system(), reopen_last: true, lang: None };
    // Temp files of a save that was killed are removed at the next start.
    if let Some(dirs) = &startup.dirs {
        crate::store::sweep_temp_files(&dirs.config);
        crate::store::sweep_temp_files(&dirs.data);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("medfunnel")
            .with_app_id("medfunnel")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    eframe::run_native(
        "medfunnel",
        options,
        Box::new(move |cc| {
            install_fonts(&cc.egui_ctx);
            let mut app = App::new(startup);
            if meeting {
                app.send(Command::Meeting(true));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("the window could not be opened: {e}"))
}
