//! Project files of the first format: the whole model as one JSON document. They are still opened
//! (and converted to the SQLite format on their first save); nothing writes them any more.

use crate::model::{FORMAT_VERSION, Project};

use super::StoreError;

/// The `format_version` the JSON files carried (every JSON project file has it or none).
const JSON_FORMAT_VERSION: u32 = 1;

/// Whether `bytes` (a file's start) looks like a JSON document rather than an SQLite database:
/// JSON project files open with `{` after optional whitespace (and a UTF-8 byte-order mark).
pub fn looks_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Reads a JSON project file's bytes.
///
/// # Errors
/// [`StoreError::Format`] when the text is not a project, [`StoreError::TooNew`] when its
/// `format_version` is one this build does not know.
pub fn read(file: &str, bytes: &[u8]) -> Result<Project, StoreError> {
    // serde's messages quote the offending text, which may be anything the file holds: redacted.
    let format = |e: serde_json::Error| StoreError::Format {
        file: file.to_string(),
        reason: crate::import::redact::message(&e.to_string()),
    };
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(format)?;
    // `{}` or any JSON without a format_version is not a project medfunnel wrote: opening it as an
    // empty clinic would hide the mistake.
    let Some(found) = value.get("format_version").and_then(serde_json::Value::as_u64) else {
        return Err(StoreError::Format {
            file: file.to_string(),
            reason: "it has no format_version, so it is not a project medfunnel wrote".to_string(),
        });
    };
    if found > u64::from(JSON_FORMAT_VERSION) {
        return Err(StoreError::TooNew { file: file.to_string(), found: u32::try_from(found).unwrap_or(u32::MAX) });
    }
    let mut project: Project = serde_json::from_value(value).map_err(format)?;
    project.format_version = FORMAT_VERSION;
    Ok(project)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_told_from_a_database() {
        assert!(looks_like_json(b"  \n{\"settings\": {}}"));
        assert!(looks_like_json(b"\xEF\xBB\xBF{}"));
        assert!(!looks_like_json(b"SQLite format 3\0"));
        assert!(!looks_like_json(b""));
    }

    #[test]
    fn a_first_format_file_reads_and_newer_ones_are_refused() {
        let p = read("a.medfunnel", r#"{"format_version": 1, "settings": {"clinic": "Тест"}}"#.as_bytes()).unwrap();
        assert_eq!(p.settings.clinic, "Тест");
        assert_eq!(p.format_version, FORMAT_VERSION);
        assert!(matches!(read("a.medfunnel", br#"{"format_version": 7}"#), Err(StoreError::TooNew { found: 7, .. })));
        assert!(matches!(read("a.medfunnel", b"{not json"), Err(StoreError::Format { .. })));
    }
}
