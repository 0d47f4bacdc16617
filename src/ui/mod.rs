//! The desktop app (egui): views, grids and plots; no formulas live here.

pub mod charts;
pub mod pace;

/// Placeholder until the app shell (branch `ui`) lands: the CLI links against `ui::run`, and the
/// charts branch must build with the `gui` feature to be tested. The shell's `run` replaces it.
///
/// # Errors
/// Always: there is no window on this branch.
pub fn run(_file: Option<std::path::PathBuf>) -> Result<(), String> {
    Err("the desktop app is not part of this build yet".to_string())
}
