//! The desktop app (egui): it draws the document and sends edits; no formulas live here. Folders by
//! concern, as rerun's viewer is organised:
//!
//! - [`app`]: the App state and the frame loop (`mod.rs`), command handling, opening/saving and
//!   autosave, and [`app::files`] (the importer and store calls, recent files, recovery);
//! - [`views`]: one file (or folder) per view in the central panel: a new view goes there;
//! - [`dialogs`]: the modal dialogs (the plan builder, File → Import exports): a new dialog goes there;
//! - [`charts`]: the charts grouped by what they show, their series shaping, plot helpers, words,
//!   the owner's pace panel, the Charts view and PNG capture: a new chart goes into the file of its
//!   subject (charts never import views);
//! - [`tasks`]: work that takes longer than a frame, on a thread of its own behind a progress bar
//!   (the app's opening and saving, the raw-export dialog's join);
//! - [`theme`]: fonts, the colour a number takes against its reference ([`theme::Status`]) and the
//!   charts' palette.
//!
//! Imports run one way: `app` uses views, dialogs and charts; views use charts and theme; dialogs
//! and charts use neither app nor views; tasks and theme use none of them. A new word goes into [`crate::i18n`].
//!
//! The edits, the sheets and cell parsing live in [`crate::document`] (GUI-free); numbers, and the
//! references they are judged by, in [`crate::metrics`] and [`crate::analysis`].

pub mod app;
pub mod charts;
pub mod dialogs;
pub mod tasks;
pub mod theme;
pub mod views;

use std::path::PathBuf;

pub use app::{App, Command, Startup, View};
pub use theme::install_fonts;

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
    app::cold_start::mark_start();
    let startup = Startup { file, dirs: app::files::AppDirs::system(), reopen_last: true, lang: None };
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
            let mut app = App::with_background_work(startup);
            if meeting {
                app.send(Command::Meeting(true));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("the window could not be opened: {e}"))
}
