//! What the app's kittest tests share: the whole app in a harness.

use egui_kittest::Harness;
use medfunnel::ui::App;

/// `app` in a kittest harness of `size` points, with the bundled fonts (kittest fails on glyphs it
/// cannot draw), after its first frame.
pub fn app_harness(app: App, size: impl Into<egui::Vec2>) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_context_setup(medfunnel::ui::install_fonts)
        .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), app);
    h.run();
    h
}
