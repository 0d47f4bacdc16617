//! Meeting mode (issue 17): the consultant's story told full screen, one step per screen, in large
//! type on a light high-contrast theme for projectors (the dark theme stays one click away). No
//! menus, grids or filters: the period, direction and language chosen in the app carry over.
//!
//! ←/→, PageUp/PageDown, space and a click on the screen move; the number keys jump; Esc leaves;
//! the dots at the bottom show where we are. The sentences come from [`crate::analysis::story`],
//! which the report's Summary also opens with.

mod export;
mod screens;

pub use export::{EXPORT_SIZE, resize, story_file};

use egui::{Color32, FontFamily, FontId, Key, RichText, Sense, TextStyle, Vec2, WidgetInfo};

use crate::analysis::story::{self, Step, Story};
use crate::format::{Lang, Locale};
use crate::i18n::{K, tr};
use crate::metrics::{Filter, Kpis};
use crate::model::Project;

/// What the meeting needs from the app.
pub struct MeetingContext<'a> {
    /// The project.
    pub project: &'a Project,
    /// Its revision (the story is rebuilt only when it changes).
    pub revision: u64,
    /// The app's filter (period, direction, channel, branch).
    pub filter: &'a Filter,
    /// The KPIs of that filter.
    pub kpis: &'a Kpis,
    /// The app's language.
    pub lang: Lang,
}

impl MeetingContext<'_> {
    /// The language with the clinic's currency sign, for money.
    pub fn loc(&self) -> Locale {
        Locale::new(self.lang, &self.project.settings.currency)
    }
}

/// The meeting's state while it is on.
#[derive(Default)]
pub struct MeetingState {
    screen: usize,
    dark: bool,
    /// The story, keyed by what it was built from.
    story: Option<((u64, Filter, Lang), Story)>,
    /// File → Export story, while it runs.
    export: Option<export::StoryExport>,
}

/// What the meeting asks of the app after a frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Keep showing the meeting.
    Stay,
    /// Leave it (Esc or the Leave button).
    Leave,
    /// The story export ended: the first file written, or why it stopped.
    Exported(Result<std::path::PathBuf, String>),
}

impl MeetingState {
    /// The screen shown, 0-based.
    pub fn screen(&self) -> usize {
        self.screen
    }

    /// Starts saving every screen as a PNG next to `path` (`story-1.png` … `story-7.png` for
    /// `story.png`), one screenshot per frame.
    pub fn export_to(&mut self, path: std::path::PathBuf) {
        self.export = Some(export::StoryExport::new(path));
    }

    /// Whether a story export is running.
    pub fn exporting(&self) -> bool {
        self.export.is_some()
    }

    /// Moves to a screen (clamped to the seven).
    pub fn go(&mut self, screen: usize) {
        self.screen = screen.min(Step::ALL.len() - 1);
    }

    fn story(&mut self, cx: &MeetingContext) -> &Story {
        let key = (cx.revision, cx.filter.clone(), cx.lang);
        if self.story.as_ref().is_none_or(|(k, _)| *k != key) {
            self.story = Some((key, story::story(cx.project, cx.filter, cx.kpis)));
        }
        &self.story.as_ref().expect("the story was just built").1
    }
}

/// The light theme for projectors: black on white, strong strokes.
fn visuals(dark: bool) -> egui::Visuals {
    if dark {
        return egui::Visuals::dark();
    }
    let mut v = egui::Visuals::light();
    v.panel_fill = Color32::WHITE;
    v.window_fill = Color32::WHITE;
    v.extreme_bg_color = Color32::WHITE;
    v.faint_bg_color = Color32::from_gray(236);
    v.override_text_color = Some(Color32::BLACK);
    v.widgets.noninteractive.fg_stroke.color = Color32::BLACK;
    v
}

/// Type sizes for a screen of `height` points: 1080 is the design size, 720 still reads from
/// three metres at two thirds of it.
fn scale_for(height: f32) -> f32 {
    (height / 1080.0).clamp(0.55, 1.4)
}

/// The background of the meeting (the app paints its panel with it).
pub fn background(state: &MeetingState) -> Color32 {
    visuals(state.dark).panel_fill
}

/// Draws the meeting and handles its keys. Call inside a panel covering the whole window.
pub fn meeting_ui(ui: &mut egui::Ui, state: &mut MeetingState, cx: &MeetingContext) -> Outcome {
    let n = Step::ALL.len();
    let mut outcome = Outcome::Stay;
    // An export shows each screen in turn and takes its picture.
    if let Some(e) = state.export.as_mut() {
        match e.poll(n) {
            Some(done) => {
                state.export = None;
                outcome = Outcome::Exported(done);
            }
            None => state.screen = e.screen(),
        }
    }
    // Keys first, so that the screen drawn is the one asked for (none while an export walks the
    // screens: a key pressed then would put the wrong screen in the deck).
    let exporting = state.export.is_some();
    ui.input_mut(|i| {
        if exporting {
            return;
        }
        if i.consume_key(egui::Modifiers::NONE, Key::Escape) {
            outcome = Outcome::Leave;
        }
        for k in [Key::ArrowRight, Key::PageDown, Key::Space] {
            if i.consume_key(egui::Modifiers::NONE, k) {
                state.screen = (state.screen + 1).min(n - 1);
            }
        }
        for k in [Key::ArrowLeft, Key::PageUp] {
            if i.consume_key(egui::Modifiers::NONE, k) {
                state.screen = state.screen.saturating_sub(1);
            }
        }
        let digits = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7];
        for (s, k) in digits.iter().enumerate() {
            if i.consume_key(egui::Modifiers::NONE, *k) {
                state.screen = s;
            }
        }
    });

    let scale = scale_for(ui.available_height());
    {
        let style = ui.style_mut();
        style.visuals = visuals(state.dark);
        let size = |s: f32| FontId::new(s * scale, FontFamily::Proportional);
        style.text_styles.insert(TextStyle::Heading, size(46.0));
        style.text_styles.insert(TextStyle::Body, size(28.0));
        style.text_styles.insert(TextStyle::Button, size(22.0));
        style.text_styles.insert(TextStyle::Small, size(18.0));
        style.spacing.item_spacing = Vec2::new(14.0, 10.0) * scale;
        style.spacing.button_padding = Vec2::new(12.0, 6.0) * scale;
        // Selectable text would swallow the presenter's click on the screen.
        style.interaction.selectable_labels = false;
    }
    // A click anywhere on the screen (not on a button) moves on, as a presenter's clicker does.
    let background = ui.interact(ui.max_rect(), ui.make_persistent_id("meeting_background"), Sense::click());

    let lang = cx.lang;
    let screen = state.screen;
    let step = Step::ALL[screen];
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{} / {n}", screen + 1)).weak());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(tr(lang, K::MeetingLeave)).clicked() {
                outcome = Outcome::Leave;
            }
            ui.checkbox(&mut state.dark, tr(lang, K::MeetingDark));
        });
    });
    let story = state.story(cx).clone();
    ui.add_space(12.0 * scale);
    ui.add(
        egui::Label::new(RichText::new(crate::i18n::story::title(&story, step, cx.loc())).heading().strong()).wrap(),
    );
    ui.add_space(24.0 * scale);

    // The dots own the bottom strip; the screen's body gets the rest and never runs into them.
    let rest = ui.available_rect_before_wrap();
    let footer = 56.0 * scale;
    let body_rect = egui::Rect::from_min_max(rest.min, egui::pos2(rest.max.x, rest.max.y - footer));
    let footer_rect = egui::Rect::from_min_max(egui::pos2(rest.min.x, rest.max.y - footer), rest.max);
    ui.scope_builder(egui::UiBuilder::new().max_rect(body_rect), |ui| {
        ui.set_clip_rect(body_rect.intersect(ui.clip_rect()));
        screens::screen_ui(ui, step, &story, cx, scale);
    });

    // The dot navigator, with back and next.
    let mut jump = None;
    ui.scope_builder(egui::UiBuilder::new().max_rect(footer_rect), |ui| {
        ui.horizontal_centered(|ui| {
            let dots = 2.0 * 52.0 * scale + n as f32 * 30.0 * scale;
            ui.add_space(((ui.available_width() - dots) / 2.0).max(0.0));
            if ui.add_enabled(screen > 0, egui::Button::new("←")).on_hover_text(tr(lang, K::MeetingPrev)).clicked() {
                jump = Some(screen.saturating_sub(1));
            }
            for i in 0..n {
                let (rect, resp) = ui.allocate_exact_size(Vec2::splat(24.0 * scale), Sense::click());
                let label = format!("{} {}", tr(lang, K::MeetingScreen), i + 1);
                resp.widget_info(|| WidgetInfo::selected(egui::Role::Button, true, i == screen, &label));
                let colour = ui.visuals().strong_text_color();
                if i == screen {
                    ui.painter().circle_filled(rect.center(), 9.0 * scale, colour);
                } else {
                    ui.painter().circle_stroke(rect.center(), 8.0 * scale, egui::Stroke::new(2.0, colour));
                }
                if resp.clicked() {
                    jump = Some(i);
                }
            }
            if ui.add_enabled(screen + 1 < n, egui::Button::new("→")).on_hover_text(tr(lang, K::MeetingNext)).clicked()
            {
                jump = Some(screen + 1);
            }
        });
    });
    match jump {
        Some(j) => state.go(j),
        None if background.clicked() => state.go(screen + 1),
        None => {}
    }
    if let Some(e) = state.export.as_mut() {
        e.shoot(ui.ctx(), lang);
    }
    outcome
}
