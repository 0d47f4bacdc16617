//! The open document without its window: what the app edits, testable and built without egui
//! (`cargo test --no-default-features --lib`).
//!
//! - [`edit`]: every change as an [`edit::Edit`] holding old and new values, applied in one place,
//!   and the capped undo/redo history;
//! - [`sheets`]: the template's sheets as grids of typed cells (columns, reading and writing a cell);
//! - `parse`: reading what the user types or pastes into a cell.
//!
//! The desktop app (`ui`) draws these and sends edits; nothing here draws.

pub mod edit;
mod parse;
pub mod sheets;
