//! All integration tests build into this one binary (one `mod` per area), which keeps link time low.

mod import_template;
mod cli;
mod roundtrip;
#[cfg(feature = "gui")]
mod app;
#[cfg(feature = "gui")]
mod plan_dialog;
