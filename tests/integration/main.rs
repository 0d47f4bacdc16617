//! All integration tests build into this one binary (one `mod` per area), which keeps link time low.

mod as_of;
mod branches;
mod calls;
mod cli;
mod decisions_cli;
mod fuzz;
mod import_template;
mod raw_exports;
mod reliability;
mod report;
mod roundtrip;
mod run;

#[cfg(feature = "gui")]
mod app;
#[cfg(feature = "gui")]
mod branches_ui;
#[cfg(feature = "gui")]
mod calls_grid_ui;
#[cfg(feature = "gui")]
mod calls_ui;
#[cfg(feature = "gui")]
mod charts;
#[cfg(feature = "gui")]
mod decisions;
#[cfg(feature = "gui")]
mod dialogs_ui;
#[cfg(feature = "gui")]
mod grid;
#[cfg(feature = "gui")]
mod language;
#[cfg(feature = "gui")]
mod meeting;
#[cfg(feature = "gui")]
mod plan_dialog;
#[cfg(feature = "gui")]
mod progress_ui;
#[cfg(feature = "gui")]
mod raw_import_ui;
#[cfg(feature = "gui")]
mod settings_ui;
#[cfg(feature = "gui")]
mod support;
#[cfg(feature = "gui")]
mod undo;
#[cfg(feature = "gui")]
mod walk;
