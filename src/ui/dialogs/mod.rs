//! The app's modal dialogs: each holds its own draft and writes nothing to the document before the
//! user applies it.

use std::path::{Path, PathBuf};

pub mod plan_builder;
pub mod raw_import;

/// Whether the user pressed Escape to close the modal `resp` belongs to (consuming the key).
/// Only the top modal closes, and not while one of its pop-ups (a combo box) is open: there
/// Escape closes the pop-up first. A click beside a dialog does not close it, so typed inputs are
/// not lost by a stray click.
pub fn escape_closes<T>(ctx: &egui::Context, resp: &egui::ModalResponse<T>) -> bool {
    resp.is_top_modal
        && !resp.any_popup_open
        && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
}

/// Where open, save and export dialogs start when no file is open: the user's Documents folder
/// (the platform's own, e.g. `~/Documents` or `C:\Users\…\Documents`), else the home folder, else the
/// current one. A clinic marketer keeps workbooks there, not where the app was started from.
pub fn documents_dir() -> PathBuf {
    let user = directories::UserDirs::new();
    user.as_ref()
        .and_then(|u| u.document_dir().map(Path::to_path_buf).or_else(|| Some(u.home_dir().to_path_buf())))
        .filter(|d| d.is_dir())
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}
