//! The Settings view: the Settings sheet as a form of labelled, translated fields in four groups
//! (the clinic, money, targets, importing exports), each with a tooltip. A field is read through
//! the document layer's cell parser and every change is one undoable cell edit, as in the grids.

use std::collections::BTreeMap;

use egui::RichText;

use crate::document::edit::Edit;
use crate::document::sheets::{self, Kind, Value};
use crate::format::{Lang, Locale};
use crate::i18n::{K, tr};
use crate::model::{Project, Sheet};

/// One field: the Settings key it edits, its label and its tooltip.
struct Field {
    key: &'static str,
    label: K,
    hint: K,
}

const fn field(key: &'static str, label: K, hint: K) -> Field {
    Field { key, label, hint }
}

/// The form's groups, in the order a clinic fills them in.
const GROUPS: [(K, &[Field]); 4] = [
    (
        K::SetGroupClinic,
        &[
            field("clinic", K::SetClinic, K::SetClinicHint),
            field("weekday_weights", K::SetWeekdays, K::SetWeekdaysHint),
            field("holidays", K::SetHolidays, K::SetHolidaysHint),
        ],
    ),
    (
        K::SetGroupMoney,
        &[
            field("currency", K::SetCurrency, K::SetCurrencyHint),
            field("fixed_costs", K::SetFixedCosts, K::SetFixedCostsHint),
        ],
    ),
    (
        K::SetGroupTargets,
        &[
            field("answer_rate_target", K::SetAnswerTarget, K::SetAnswerTargetHint),
            field("nps_scale", K::SetNpsScale, K::SetNpsScaleHint),
        ],
    ),
    (
        K::SetGroupImport,
        &[
            field("dedupe_days", K::SetDedupe, K::SetDedupeHint),
            field("attribution_days", K::SetAttribution, K::SetAttributionHint),
        ],
    ),
];

/// What the form keeps between frames: the text of a field being typed, and the last refusal.
#[derive(Default)]
pub struct SettingsState {
    /// Row → text while its field has focus.
    drafts: BTreeMap<usize, String>,
    /// Row → why the typed text was refused.
    errors: BTreeMap<usize, String>,
}

/// Draws the form and returns the edit the user made this frame, if any.
pub fn settings_ui(ui: &mut egui::Ui, state: &mut SettingsState, project: &Project, lang: Lang) -> Option<Edit> {
    let loc = Locale::new(lang, &project.settings.currency);
    let mut edit = None;
    ui.heading(tr(lang, K::Settings));
    ui.label(RichText::new(tr(lang, K::SettingsHint)).weak());
    ui.add_space(6.0);
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (group, fields) in GROUPS {
            ui.add_space(8.0);
            ui.label(RichText::new(tr(lang, group)).strong().size(15.0));
            egui::Grid::new(("settings", group as usize))
                .num_columns(2)
                .spacing([16.0, 6.0])
                .min_col_width(220.0)
                .show(ui, |ui| {
                    for f in fields {
                        let Some(row) = sheets::setting_row(f.key) else { continue };
                        let label = ui.label(tr(lang, f.label)).on_hover_text(tr(lang, f.hint)).id;
                        ui.vertical(|ui| {
                            if let Some(e) = field_ui(ui, state, project, row, label, f.hint, loc) {
                                edit = Some(e);
                            }
                            if let Some(err) = state.errors.get(&row) {
                                ui.colored_label(ui.visuals().error_fg_color, err);
                            }
                        });
                        ui.end_row();
                    }
                });
        }
    });
    edit
}

/// One field: a list for the NPS scale, a text field for the rest, committed when it loses focus.
fn field_ui(
    ui: &mut egui::Ui,
    state: &mut SettingsState,
    project: &Project,
    row: usize,
    label: egui::Id,
    hint: K,
    loc: Locale,
) -> Option<Edit> {
    let lang = loc.lang;
    let kind = sheets::kind(Sheet::Settings, row, 1);
    let old = sheets::get(project, Sheet::Settings, row, 1);
    let set =
        |new: Value| (new != old).then(|| Edit::SetCell { sheet: Sheet::Settings, row, col: 1, old: old.clone(), new });
    if kind.is_choice() {
        let mut picked = None;
        egui::ComboBox::from_id_salt(("setting", row))
            .width(260.0)
            .selected_text(sheets::display(&old, kind, loc))
            .show_ui(ui, |ui| {
                for (v, text) in sheets::choices(project, kind, lang) {
                    if ui.selectable_label(v == old, text).clicked() {
                        picked = Some(v);
                    }
                }
            })
            .response
            .labelled_by(label)
            .on_hover_text(tr(lang, hint));
        return picked.and_then(set);
    }
    let shown = sheets::display(&old, kind, loc);
    let mut text = state.drafts.get(&row).cloned().unwrap_or_else(|| shown.clone());
    let resp = ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(260.0))
        .labelled_by(label)
        .on_hover_text(tr(lang, hint));
    if resp.has_focus() {
        state.drafts.insert(row, text.clone());
    }
    if !resp.lost_focus() {
        return None;
    }
    state.drafts.remove(&row);
    if text.trim() == shown.trim() {
        return None;
    }
    // Money is shown with the clinic's sign; the parser knows the rouble's spellings only.
    let typed = if kind == Kind::Money { text.trim().trim_end_matches(loc.sign.as_str()) } else { text.trim() };
    match sheets::parse(project, Sheet::Settings, row, 1, typed, lang) {
        Ok(v) => {
            state.errors.remove(&row);
            set(v)
        }
        Err(e) => {
            state.errors.insert(row, e);
            None
        }
    }
}
