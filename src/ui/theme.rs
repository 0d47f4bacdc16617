//! How the app looks: the bundled fonts and the charts' colours.

use egui::Color32;

/// DejaVu Sans: Cyrillic and the rouble sign ₽, which egui's default font lacks.
const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Adds the bundled font as a fallback of both font families, so `₽` and any glyph the default
/// font lacks are drawn instead of a box.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.add_font(egui::FontInsert::new(
        "DejaVuSans",
        egui::FontData::from_static(DEJAVU_SANS),
        vec![
            egui::InsertFontFamily { family: egui::FontFamily::Proportional, priority: egui::FontPriority::Lowest },
            egui::InsertFontFamily { family: egui::FontFamily::Monospace, priority: egui::FontPriority::Lowest },
        ],
    ));
}

/// The charts' colours, readable on light and dark backgrounds.
pub(crate) struct Palette {
    pub(crate) plan: Color32,
    pub(crate) fact: Color32,
    pub(crate) forecast: Color32,
    pub(crate) second: Color32,
    pub(crate) third: Color32,
    pub(crate) good: Color32,
    pub(crate) watch: Color32,
    pub(crate) bad: Color32,
    pub(crate) neutral: Color32,
    pub(crate) reference: Color32,
}

impl Palette {
    pub(crate) fn of(ui: &egui::Ui) -> Self {
        if ui.visuals().dark_mode {
            Self {
                plan: Color32::from_rgb(0x8a, 0x94, 0xa6),
                fact: Color32::from_rgb(0x4d, 0x9d, 0xf0),
                forecast: Color32::from_rgba_unmultiplied(0x4d, 0x9d, 0xf0, 0x70),
                second: Color32::from_rgb(0xf0, 0xa0, 0x3c),
                third: Color32::from_rgb(0xb0, 0x7c, 0xe8),
                good: Color32::from_rgb(0x5c, 0xc9, 0x7b),
                watch: Color32::from_rgb(0xf0, 0xb4, 0x3c),
                bad: Color32::from_rgb(0xef, 0x6b, 0x6b),
                neutral: Color32::from_gray(0xa0),
                reference: Color32::from_rgb(0xe0, 0xe0, 0x60),
            }
        } else {
            Self {
                plan: Color32::from_rgb(0xa8, 0xb0, 0xbe),
                fact: Color32::from_rgb(0x1f, 0x6f, 0xc8),
                forecast: Color32::from_rgba_unmultiplied(0x1f, 0x6f, 0xc8, 0x60),
                second: Color32::from_rgb(0xe0, 0x82, 0x14),
                third: Color32::from_rgb(0x7b, 0x4f, 0xc0),
                good: Color32::from_rgb(0x1e, 0x8e, 0x3e),
                watch: Color32::from_rgb(0xc2, 0x7c, 0x0e),
                bad: Color32::from_rgb(0xc6, 0x28, 0x28),
                neutral: Color32::from_gray(0x70),
                reference: Color32::from_rgb(0x90, 0x60, 0x00),
            }
        }
    }
}
