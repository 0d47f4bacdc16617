//! medfunnel: a clinic's marketing funnel, from the marketer's workbook to KPIs, decisions and a report.
//!
//! Data flows one way: [`import`] reads files into a [`model::Project`]; [`metrics`] and [`analysis`]
//! are pure functions of it; [`report`] writes workbooks; [`document`] holds the undoable edits
//! and the sheets as typed cells; `ui` draws and edits the model through them.

pub mod analysis;
pub mod cli;
pub mod demo;
pub mod document;
pub mod format;
pub mod i18n;
pub mod import;
pub mod metrics;
pub mod model;
pub mod report;
pub mod store;
#[cfg(feature = "gui")]
pub mod ui;
