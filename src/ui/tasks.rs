//! Work that can take longer than a frame (opening a file, a whole save, the analyst report, the
//! join of raw exports, a big project's visits) runs on a thread of its own; the frame polls it and
//! draws a progress bar with the stage meanwhile, so the window keeps answering.
//!
//! The app decides per run whether work goes to a thread ([`App::with_background_work`]): the
//! desktop app does; scripted tests that send a command and read its result on the next frame run
//! the same task and wait for it within the frame.
//!
//! [`App::with_background_work`]: crate::ui::App::with_background_work

use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::format::Lang;
use crate::i18n::{K, tr};
use crate::import::raw;

/// How often the window is drawn again while work runs: the bar moves and the result is picked up
/// within a tenth of a second of the work ending.
const REPAINT_EVERY: Duration = Duration::from_millis(100);

/// What a task gives back: its result, or `Err` when the work panicked (a bug; the caller says so
/// and changes nothing).
pub type Outcome<T> = Result<T, Panicked>;

/// The work of a task panicked.
#[derive(Debug)]
pub struct Panicked;

/// Work running on a thread of its own.
#[derive(Debug)]
pub struct Task<T> {
    rx: mpsc::Receiver<Outcome<T>>,
    /// What the bar says while the work has no counters of its own.
    stage: K,
    /// The raw importer's counters (bytes read, stage), when the work is an import of exports.
    counts: Option<Arc<raw::Progress>>,
    started: Instant,
}

impl<T: Send + 'static> Task<T> {
    /// Starts `work` on a new thread; `stage` names it on the bar, `counts` give its percent.
    pub fn spawn(stage: K, counts: Option<Arc<raw::Progress>>, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|_| Panicked);
            // Nobody waits any more when the window moved on (another file opened): the result is dropped.
            let _ = tx.send(outcome);
        });
        Self { rx, stage, counts, started: Instant::now() }
    }

    /// The outcome once the work is done; until then asks for another frame soon.
    pub fn poll(&self, ctx: &egui::Context) -> Option<Outcome<T>> {
        match self.rx.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(REPAINT_EVERY);
                None
            }
            Err(mpsc::TryRecvError::Disconnected) => Some(Err(Panicked)),
        }
    }

    /// Waits for the outcome (work run within the frame).
    pub fn wait(self) -> Outcome<T> {
        self.rx.recv().unwrap_or(Err(Panicked))
    }

    /// The stage's words and the share done (`None` when the work does not count).
    pub fn stage(&self) -> (K, Option<f32>) {
        match &self.counts {
            Some(c) => match c.stage() {
                raw::Stage::Reading => (K::TaskReading, c.fraction().map(|f| f as f32)),
                raw::Stage::Joining | raw::Stage::Done => (K::TaskJoining, None),
            },
            None => (self.stage, None),
        }
    }

    /// The progress bar: the stage's words, then the percent where the work counts, else the
    /// seconds it has taken so far.
    pub fn bar_ui(&self, ui: &mut egui::Ui, lang: Lang) {
        let (stage, share) = self.stage();
        ui.label(tr(lang, stage));
        let bar = match share {
            Some(f) => egui::ProgressBar::new(f).show_percentage(),
            None => egui::ProgressBar::new(0.0).text(format!(
                "{} {}",
                self.started.elapsed().as_secs(),
                tr(lang, K::SecondsShort)
            )),
        };
        ui.add(bar.animate(true).desired_width(360.0));
    }
}
