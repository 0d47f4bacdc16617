//! A frame of the Funnel grid over 100,000 rows while it scrolls (target ≤ 8 ms): the real app in
//! an egui_kittest harness (no GPU), the Funnel sheet shown, the mouse over the grid and one wheel
//! notch per frame; each `harness.step()` (one frame: the app's logic and drawing, egui's layout and
//! the accessibility tree the harness reads) is timed. Prints the median, the 90th percentile and
//! the slowest frame.
//!
//! `cargo bench --bench grid_scroll`

use std::time::{Duration, Instant};

use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, TouchPhase, pos2, vec2};
use egui_kittest::Harness;
use medfunnel::format::Lang;
use medfunnel::model::{FunnelRow, Month, Sheet};
use medfunnel::ui::app::files::AppDirs;
use medfunnel::ui::{App, Command, Startup, View};

const ROWS: usize = 100_000;
const FRAMES: usize = 300;

fn main() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("grid.medfunnel");
    let mut p = medfunnel::demo::demo_project();
    let channels: Vec<String> = p.channels.iter().map(|c| c.name.clone()).collect();
    let start = Month::new(2020, 1).unwrap_or_else(|| panic!("a month"));
    p.funnel = (0..ROWS)
        .map(|i| FunnelRow {
            month: start.shift((i / 2_000) as i32),
            channel: channels[i % channels.len()].as_str().into(),
            direction: None,
            leads: Some((i % 300) as f64),
            bookings: Some((i % 200) as f64),
            visits: Some((i % 150) as f64),
            paid: Some((i % 100) as f64),
            revenue: Some((i % 100) as f64 * 12_500.0),
            returning_leads: None,
            branch: None,
        })
        .collect();
    medfunnel::store::save_project(&p, &path).unwrap_or_else(|e| panic!("{e}"));
    let app = App::new(Startup {
        file: Some(path),
        dirs: Some(AppDirs::inside(dir.path())),
        reopen_last: false,
        lang: Some(Lang::Ru),
    });
    let mut h = Harness::builder()
        .with_size([1360.0, 860.0])
        .with_context_setup(medfunnel::ui::install_fonts)
        .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), app);
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Funnel)));
    h.run();
    h.event(Event::PointerMoved(pos2(680.0, 600.0)));
    h.run();
    let mut frames = Vec::with_capacity(FRAMES);
    for _ in 0..FRAMES {
        h.event(Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: vec2(0.0, -240.0),
            phase: TouchPhase::Move,
            source: MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        let t = Instant::now();
        h.step();
        frames.push(t.elapsed());
    }
    frames.sort_unstable();
    let at = |q: f64| frames[((frames.len() - 1) as f64 * q) as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "grid scroll, {ROWS} Funnel rows, {FRAMES} frames: median {:.2} ms, p90 {:.2} ms, slowest {:.2} ms",
        ms(at(0.5)),
        ms(at(0.9)),
        ms(at(1.0))
    );
}
