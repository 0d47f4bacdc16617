//! What the app's kittest tests share: the whole app in a harness.

use egui_kittest::Harness;
use medfunnel::ui::App;

/// `app` in a kittest harness of `size` points, with the bundled fonts (kittest fails on glyphs it
/// cannot draw), after its first frame.
pub fn app_harness(app: App, size: impl Into<egui::Vec2>) -> Harness<'static, App> {
    let mut h = unsettled_app_harness(app, size);
    h.run();
    h
}

/// [`app_harness`] before any frame: for an app that keeps repainting while work runs behind a
/// progress bar, which tests step frame by frame instead of running until it settles.
pub fn unsettled_app_harness(app: App, size: impl Into<egui::Vec2>) -> Harness<'static, App> {
    Harness::builder()
        .with_size(size)
        .with_context_setup(medfunnel::ui::install_fonts)
        .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), app)
}
