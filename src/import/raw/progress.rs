//! How far an import of raw exports has got, for a progress bar in the app or on the terminal.
//!
//! The importer counts; whoever shows it reads the counters from another thread (no terminal or
//! window code here).

use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

/// What the importer is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading the export files.
    Reading,
    /// Joining leads, visits, spend and calls into the project.
    Joining,
    /// Finished.
    Done,
}

/// Progress counters of one import, shared with a watcher (wrap it in an `Arc`).
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    stage: AtomicU8,
}

impl Progress {
    /// The stage the import is in.
    pub fn stage(&self) -> Stage {
        match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Reading,
            1 => Stage::Joining,
            _ => Stage::Done,
        }
    }

    /// Bytes of the export files read so far, and their total size (both 0 before reading starts).
    pub fn bytes(&self) -> (u64, u64) {
        let total = self.total.load(Ordering::Relaxed);
        // A file read again whole (an encoding told only at its end) counts twice: never past the total.
        (self.done.load(Ordering::Relaxed).min(total), total)
    }

    /// The share of the files read, 0 to 1; `None` before the total is known.
    pub fn fraction(&self) -> Option<f64> {
        let (done, total) = self.bytes();
        (total > 0).then(|| done as f64 / total as f64)
    }

    pub(crate) fn set_total(&self, bytes: u64) {
        self.total.store(bytes, Ordering::Relaxed);
    }

    pub(crate) fn read(&self, bytes: usize) {
        self.done.fetch_add(bytes as u64, Ordering::Relaxed);
    }

    pub(crate) fn set_stage(&self, stage: Stage) {
        let code = match stage {
            Stage::Reading => 0,
            Stage::Joining => 1,
            Stage::Done => 2,
        };
        self.stage.store(code, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_bytes_and_stages() {
        let p = Progress::default();
        assert_eq!((p.stage(), p.fraction()), (Stage::Reading, None));
        p.set_total(400);
        p.read(100);
        // 100 of 400 bytes: a quarter.
        assert_eq!(p.fraction(), Some(0.25));
        p.read(500);
        assert_eq!(p.bytes(), (400, 400));
        p.set_stage(Stage::Joining);
        assert_eq!(p.stage(), Stage::Joining);
        p.set_stage(Stage::Done);
        assert_eq!(p.stage(), Stage::Done);
    }
}
