//! The views the app shows in its central panel, one file (or folder) per view: each draws from the
//! cached KPIs and the open document and sends edits; none computes a KPI.

pub mod aarrr;
pub mod branches;
pub mod calls;
pub mod cohorts;
pub mod dashboard;
pub mod decisions;
pub mod grid;
pub mod meeting;
pub mod settings;
pub mod summaries;
