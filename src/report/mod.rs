//! Workbooks out: the template workbook and the analyst report.
//!
//! Only this layer (and `import`) touches spreadsheet libraries; it reads the model and never
//! changes it.

pub mod template;

use std::path::PathBuf;

pub use template::{template_workbook, write_template};

/// Why a workbook could not be written. Every message names the file, because the user may be
/// saving several at once.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The workbook could not be laid out (a date Excel cannot hold, too many rows…).
    #[error("Could not build the workbook «{}»: {source}", path.display())]
    Xlsx {
        /// The file being written.
        path: PathBuf,
        /// What rust_xlsxwriter refused.
        #[source]
        source: rust_xlsxwriter::XlsxError,
    },
    /// The file system refused: no folder, no permission, disk full.
    #[error("Could not save «{}»: {source}", path.display())]
    Io {
        /// The file being written.
        path: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
}
