//! Time to the first frame, for the cold-start benchmark (`benches/cold_start.sh`): with
//! `MEDFUNNEL_EXIT_AFTER_FIRST_FRAME=1` the app prints to stderr how many milliseconds passed from
//! its start to the first frame on screen, and exits. Without the variable nothing changes.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Instant;

/// The variable that turns the measurement on.
pub const EXIT_AFTER_FIRST_FRAME: &str = "MEDFUNNEL_EXIT_AFTER_FIRST_FRAME";

static STARTED: OnceLock<Instant> = OnceLock::new();
static FRAMES: AtomicU32 = AtomicU32::new(0);

/// Notes the moment the app starts (the first thing [`crate::ui::run_with`] does, right after the
/// command line is parsed).
pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os(EXIT_AFTER_FIRST_FRAME).is_some_and(|v| v == "1"))
}

/// Called at the end of every frame's drawing. The first frame is on screen once the second one
/// starts (eframe paints and swaps a frame after its drawing returns), so the time is taken then.
pub fn after_frame(ctx: &egui::Context) {
    if !enabled() {
        return;
    }
    match FRAMES.fetch_add(1, Ordering::Relaxed) {
        0 => ctx.request_repaint(),
        _ => {
            let ms = STARTED.get().map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0);
            eprintln!("first frame: {ms:.0} ms");
            // Measuring only: nothing to save (the preferences and recovery are left untouched).
            std::process::exit(0);
        }
    }
}
