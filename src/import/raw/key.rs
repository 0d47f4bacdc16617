//! The machine's patient key: 32 random bytes in the user's app-data folder, never in a project.
//!
//! Patients are keyed by SHA-256 over the key followed by the phone's digits. A project file keeps
//! only the key's [fingerprint](PatientKey::fingerprint), so a project mailed to someone cannot be
//! reversed by trying every phone number: without the key, the hashes are random. A colleague who
//! is to import exports into the same project brings the key over on purpose with
//! `medfunnel key export F` and `medfunnel key import F`.
//!
//! The folder is `MEDFUNNEL_KEY_DIR` when set (tests, portable installs), else the per-user data
//! folder of [`directories::ProjectDirs`].

use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// The environment variable that overrides the key's folder.
pub const KEY_DIR_ENV: &str = "MEDFUNNEL_KEY_DIR";

/// The key file's name inside its folder.
const KEY_FILE: &str = "patient-key.txt";

/// The first word of a key file, so that a stray text file is not taken for a key.
const KEY_HEADER: &str = "medfunnel-patient-key-v1";

/// A patient key: 32 random bytes. Its `Debug` shows the fingerprint only.
#[derive(Clone, PartialEq, Eq)]
pub struct PatientKey([u8; 32]);

/// Why the key could not be found, made, read or written.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// No folder for app data on this system and no `MEDFUNNEL_KEY_DIR`.
    #[error(
        "there is no folder for medfunnel's app data on this computer; set MEDFUNNEL_KEY_DIR to a folder for the patient key"
    )]
    NoFolder,
    /// The system's random generator failed.
    #[error("cannot create the patient key: the system's random generator failed ({0})")]
    Random(String),
    /// The file system refused.
    #[error("the patient key file «{}» cannot be read or written: {source}", path.display())]
    Io {
        /// The key file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A file that is not a medfunnel key.
    #[error("«{}» is not a medfunnel patient key file (it should be one written by `medfunnel key export`)", path.display())]
    NotAKey {
        /// The file.
        path: PathBuf,
    },
    /// The project's patients were keyed with another machine's key.
    #[error(
        "this project's patients were keyed on another computer (key {project}; this computer's key is {machine}), \
         so new exports would not match them. On that computer run `medfunnel key export key.txt`, bring the file \
         over, and here run `medfunnel key import key.txt`"
    )]
    Mismatch {
        /// The project's key fingerprint.
        project: String,
        /// This machine's key fingerprint.
        machine: String,
    },
}

impl PatientKey {
    /// A key from its bytes (tests and benchmarks use fixed keys).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// A fresh random key from the operating system's generator.
    ///
    /// # Errors
    /// [`KeyError::Random`].
    pub fn random() -> Result<Self, KeyError> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| KeyError::Random(e.to_string()))?;
        Ok(Self(bytes))
    }

    /// The key of this machine (this user): read from its folder, created there on first use.
    ///
    /// # Errors
    /// [`KeyError`] when the folder is unknown, the file cannot be read or written, or it is not
    /// a key.
    pub fn machine() -> Result<Self, KeyError> {
        let path = key_path()?;
        match fs::read_to_string(&path) {
            Ok(text) => parse(&text).ok_or(KeyError::NotAKey { path }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = Self::random()?;
                match key.store(&path, false) {
                    Ok(()) => Ok(key),
                    // Another process made the key first: use that one.
                    Err(KeyError::Io { source, .. }) if source.kind() == std::io::ErrorKind::AlreadyExists => {
                        let text =
                            fs::read_to_string(&path).map_err(|source| KeyError::Io { path: path.clone(), source })?;
                        parse(&text).ok_or(KeyError::NotAKey { path })
                    }
                    Err(e) => Err(e),
                }
            }
            Err(source) => Err(KeyError::Io { path, source }),
        }
    }

    /// The key as stored in a file.
    fn to_file_text(&self) -> String {
        format!("{KEY_HEADER} {}\n", hex(&self.0))
    }

    /// Writes the key to `path`, readable by its owner only; `replace` allows overwriting.
    fn store(&self, path: &Path, replace: bool) -> Result<(), KeyError> {
        let io = |source| KeyError::Io { path: path.to_path_buf(), source };
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        fs::create_dir_all(dir).map_err(io)?;
        // tempfile creates the file for its owner only, which is what a key needs.
        let mut tmp = tempfile::Builder::new().prefix(crate::import::TEMP_PREFIX).tempfile_in(dir).map_err(io)?;
        tmp.write_all(self.to_file_text().as_bytes()).map_err(io)?;
        tmp.as_file().sync_all().map_err(io)?;
        if replace {
            tmp.persist(path).map_err(|e| io(e.error))?;
        } else {
            tmp.persist_noclobber(path).map_err(|e| io(e.error))?;
        }
        Ok(())
    }

    /// What a project stores to recognise the key: 16 hex digits of a hash of it, which tell
    /// nothing about the key itself.
    pub fn fingerprint(&self) -> String {
        let mut h = Sha256::new();
        h.update(b"medfunnel patient key fingerprint\0");
        h.update(self.0);
        hex(&h.finalize()[..8])
    }

    /// The patient key of a phone's normalised digits: SHA-256 of the key followed by the
    /// digits, as lower-case hex.
    pub fn patient(&self, digits: &str) -> String {
        self.patient_hex(digits).iter().copied().map(char::from).collect()
    }

    /// [`Self::patient`] as bytes, without a heap allocation: the join hashes a third of a million
    /// phones on its worker threads, whose allocator arenas would otherwise keep the freed texts.
    pub(crate) fn patient_hex(&self, digits: &str) -> [u8; 64] {
        let mut h = Sha256::new();
        h.update(self.0);
        h.update(digits.as_bytes());
        let mut out = [0u8; 64];
        for (pair, b) in out.chunks_exact_mut(2).zip(h.finalize()) {
            pair[0] = HEX[usize::from(b >> 4)];
            pair[1] = HEX[usize::from(b & 0x0f)];
        }
        out
    }

    /// Checks that a project's patients were keyed with this key, and marks a project that has
    /// none yet with this key's fingerprint.
    ///
    /// # Errors
    /// [`KeyError::Mismatch`] when the project carries another key's fingerprint.
    pub fn adopt(&self, fingerprint: &mut String) -> Result<(), KeyError> {
        let mine = self.fingerprint();
        if fingerprint.trim().is_empty() {
            *fingerprint = mine;
            return Ok(());
        }
        if *fingerprint != mine {
            return Err(KeyError::Mismatch { project: fingerprint.clone(), machine: mine });
        }
        Ok(())
    }
}

impl fmt::Debug for PatientKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PatientKey({})", self.fingerprint())
    }
}

fn key_dir() -> Result<PathBuf, KeyError> {
    if let Some(dir) = std::env::var_os(KEY_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "medfunnel").map(|d| d.data_dir().to_path_buf()).ok_or(KeyError::NoFolder)
}

fn key_path() -> Result<PathBuf, KeyError> {
    Ok(key_dir()?.join(KEY_FILE))
}

fn parse(text: &str) -> Option<PatientKey> {
    let rest = text.trim().strip_prefix(KEY_HEADER)?.trim();
    if rest.len() != 64 || !rest.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let mut bytes = [0u8; 32];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = u8::from_str_radix(&rest[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(PatientKey(bytes))
}

/// Lower-case hex digits.
const HEX: &[u8; 16] = b"0123456789abcdef";

/// A key from [`PatientKey::patient_hex`] as text (always ASCII hex, so never empty in practice).
pub(crate) fn key_text(hex: &[u8; 64]) -> &str {
    std::str::from_utf8(hex).unwrap_or_default()
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    out
}

/// Writes this machine's key to `path` (for a colleague, or a new computer). Returns its
/// fingerprint.
///
/// # Errors
/// As [`PatientKey::machine`]; the file cannot be written.
pub fn export_key(path: &Path) -> Result<String, KeyError> {
    let key = PatientKey::machine()?;
    key.store(path, true)?;
    Ok(key.fingerprint())
}

/// Makes the key in `path` this machine's key. The key it replaces is kept beside it, named by
/// its fingerprint, so that projects keyed with it can still be joined after importing it back.
/// Returns the new fingerprint.
///
/// # Errors
/// [`KeyError::NotAKey`]; the files cannot be read or written.
pub fn import_key(path: &Path) -> Result<String, KeyError> {
    let text = fs::read_to_string(path).map_err(|source| KeyError::Io { path: path.to_path_buf(), source })?;
    let key = parse(&text).ok_or_else(|| KeyError::NotAKey { path: path.to_path_buf() })?;
    let target = key_path()?;
    if let Ok(old_text) = fs::read_to_string(&target)
        && let Some(old) = parse(&old_text)
        && old != key
    {
        old.store(&target.with_file_name(format!("patient-key-{}.txt", old.fingerprint())), true)?;
    }
    key.store(&target, true)?;
    Ok(key.fingerprint())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_hashes_and_fingerprints() {
        let k = PatientKey::from_bytes([7; 32]);
        let h = k.patient("79161234567");
        assert_eq!(h.len(), 64);
        assert_ne!(h, PatientKey::from_bytes([8; 32]).patient("79161234567"));
        // SHA-256 over key ‖ digits, checked against the plain hash of the same bytes.
        let mut plain = Sha256::new();
        plain.update([7u8; 32]);
        plain.update(b"79161234567");
        assert_eq!(h, hex(&plain.finalize()));
        assert_eq!(k.fingerprint().len(), 16);
        assert!(!format!("{k:?}").contains("0707"));
        let mut fp = String::new();
        k.adopt(&mut fp).unwrap();
        assert_eq!(fp, k.fingerprint());
        let err = PatientKey::from_bytes([8; 32]).adopt(&mut fp).unwrap_err();
        assert!(err.to_string().contains("medfunnel key import"), "{err}");
    }

    #[test]
    fn key_files_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let k = PatientKey::random().unwrap();
        let path = dir.path().join("k.txt");
        k.store(&path, false).unwrap();
        assert_eq!(parse(&fs::read_to_string(&path).unwrap()), Some(k.clone()));
        assert!(k.store(&path, false).is_err());
        assert_eq!(parse("something else"), None);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o077, 0);
        }
    }
}
