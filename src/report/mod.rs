//! Workbooks out: the template workbook and the analyst report.
//!
//! Only this layer (and `import`) touches spreadsheet libraries; it reads the model and never
//! changes it.

pub mod analyst;
mod sheets;
pub mod template;

use std::path::{Path, PathBuf};

use rust_xlsxwriter::Workbook;

use crate::format::Lang;
use crate::i18n::{K, fill, io_reason, tr};

pub use analyst::{file_name, report_workbook, write_report};
pub use template::{add_template_sheets, template_workbook, write_template};

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

impl ReportError {
    /// The error in `lang`: English is the error's own text, with the system's reason.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            _ if lang == Lang::En => self.to_string(),
            ReportError::Xlsx { path, .. } => fill(tr(lang, K::ReportBuild), &[("file", &path.display().to_string())]),
            ReportError::Io { path, source } => fill(
                tr(lang, K::ReportSave),
                &[("file", &path.display().to_string()), ("why", &io_reason(source, lang))],
            ),
        }
    }
}

/// Saves `workbook` to `path` atomically: the bytes go to a temporary file in the same folder, are
/// flushed to disk and then renamed over `path`, so a crash or a full disk never leaves a
/// half-written file where the user's workbook was.
///
/// # Errors
/// [`ReportError::Xlsx`] when the workbook cannot be serialised; [`ReportError::Io`] when the
/// folder does not exist or cannot be written, or the rename fails. Both name `path`.
pub(crate) fn save_atomically(workbook: &mut Workbook, path: &Path) -> Result<(), ReportError> {
    let bytes = workbook.save_to_buffer().map_err(|source| ReportError::Xlsx { path: path.to_path_buf(), source })?;
    crate::store::write_atomic_io(path, &bytes).map_err(|source| ReportError::Io { path: path.to_path_buf(), source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_not_written_reads_in_each_language() {
        let io = ReportError::Io {
            path: PathBuf::from("/нет/отчёт.xlsx"),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        assert_eq!(io.in_lang(Lang::Ru), "Не удалось сохранить «/нет/отчёт.xlsx»: такого файла или папки нет.");
        assert_eq!(io.in_lang(Lang::En), io.to_string());
        assert!(io.in_lang(Lang::Zh).contains("无法保存"));
    }
}
