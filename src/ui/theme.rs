//! How the app looks: the bundled fonts, the colour a number takes against its reference
//! ([`Status`], rules from [`crate::metrics::references`]) and the charts' palette.

use egui::Color32;

use crate::i18n::K;
use crate::metrics::references;

/// DejaVu Sans: Cyrillic and the rouble sign ₽, which egui's default font lacks.
const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Adds the bundled fonts as fallbacks of both font families, DejaVu Sans first, then the Chinese
/// subset of Noto Sans SC ([`crate::i18n::CJK_FONT`]), so `₽`, Chinese and any glyph the default
/// font lacks are drawn instead of a box.
pub fn install_fonts(ctx: &egui::Context) {
    // Each insert at the lowest priority goes after the ones before it.
    for (name, data) in [("DejaVuSans", DEJAVU_SANS), ("NotoSansSC", crate::i18n::CJK_FONT)] {
        ctx.add_font(egui::FontInsert::new(
            name,
            egui::FontData::from_static(data),
            vec![
                egui::InsertFontFamily { family: egui::FontFamily::Proportional, priority: egui::FontPriority::Lowest },
                egui::InsertFontFamily { family: egui::FontFamily::Monospace, priority: egui::FontPriority::Lowest },
            ],
        ));
    }
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
    /// The colour of a value judged against its reference.
    pub(crate) fn status(&self, s: references::Status) -> Color32 {
        match s {
            references::Status::Good => self.good,
            references::Status::Watch => self.watch,
            references::Status::Bad => self.bad,
        }
    }

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

/// How a KPI compares with its reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// At or better than the reference.
    Good,
    /// Near it.
    Watch,
    /// Clearly worse.
    Bad,
    /// No reference, or no value.
    Neutral,
}

impl Status {
    /// The status's colour on a dark or light background.
    pub fn colour(self, dark: bool) -> Color32 {
        match (self, dark) {
            (Status::Good, false) => Color32::from_rgb(0x1e, 0x8e, 0x3e),
            (Status::Good, true) => Color32::from_rgb(0x5c, 0xc9, 0x7b),
            (Status::Watch, false) => Color32::from_rgb(0xc2, 0x7c, 0x0e),
            (Status::Watch, true) => Color32::from_rgb(0xf0, 0xb4, 0x3c),
            (Status::Bad, false) => Color32::from_rgb(0xc6, 0x28, 0x28),
            (Status::Bad, true) => Color32::from_rgb(0xef, 0x6b, 0x6b),
            (Status::Neutral, false) => Color32::from_gray(0x70),
            (Status::Neutral, true) => Color32::from_gray(0xa0),
        }
    }

    /// The status in words (for screen readers and tooltips).
    pub fn word(self) -> K {
        match self {
            Status::Good => K::Good,
            Status::Watch => K::Watch,
            Status::Bad => K::Bad,
            Status::Neutral => K::StatusNeutral,
        }
    }
}

impl From<references::Status> for Status {
    fn from(s: references::Status) -> Self {
        match s {
            references::Status::Good => Status::Good,
            references::Status::Watch => Status::Watch,
            references::Status::Bad => Status::Bad,
        }
    }
}

/// A value against one of the shared reference rules; no value (undefined ratio) is neutral.
fn rated(x: Option<f64>, rule: fn(f64) -> references::Status) -> Status {
    references::rated(x, rule).map_or(Status::Neutral, Status::from)
}

/// Plan completion against the plan ([`references::completion`]).
pub fn completion_status(x: Option<f64>) -> Status {
    rated(x, references::completion)
}

/// Marketing share of revenue ([`references::marketing_share`]).
pub fn marketing_share_status(x: Option<f64>) -> Status {
    rated(x, references::marketing_share)
}

/// ROAS ([`references::roas`]).
pub fn roas_status(x: Option<f64>) -> Status {
    rated(x, references::roas)
}

/// ROMI ([`references::romi`]).
pub fn romi_status(x: Option<f64>) -> Status {
    rated(x, references::romi)
}

/// LTV:CAC ([`references::ltv_to_cac`]).
pub fn ltv_cac_status(x: Option<f64>) -> Status {
    rated(x, references::ltv_to_cac)
}

/// NPS ([`references::nps`]).
pub fn nps_status(x: Option<f64>) -> Status {
    rated(x, references::nps)
}

/// Lost contacts as a share of contacts ([`references::lost_contacts`]).
pub fn lost_calls_status(x: Option<f64>) -> Status {
    rated(x, references::lost_contacts)
}

/// The proven tier's share of spend ([`references::proven_share`]).
pub fn proven_share_status(x: Option<f64>) -> Status {
    rated(x, references::proven_share)
}

/// A pace needed against the pace there is ([`references::pace`]); nothing known is neutral.
pub fn pace_status(needed: Option<f64>, have: Option<f64>) -> Status {
    references::pace(needed, have).map_or(Status::Neutral, Status::from)
}

/// Budget execution: spend against the budget plan ([`references::execution`]).
pub fn budget_status(x: Option<f64>) -> Status {
    rated(x, references::execution)
}
