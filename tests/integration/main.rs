//! All integration tests build into one binary (one link instead of one per file).

#[cfg(feature = "gui")]
mod app;
