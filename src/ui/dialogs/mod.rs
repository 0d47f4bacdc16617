//! The app's modal dialogs: each holds its own draft and writes nothing to the document before the
//! user applies it.

pub mod plan_builder;
pub mod raw_import;
