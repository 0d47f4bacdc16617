//! The app's modal dialogs: each holds its own draft and writes nothing to the document before the
//! user applies it.

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
