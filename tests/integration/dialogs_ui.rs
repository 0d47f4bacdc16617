//! Escape closes the app's dialogs without doing what they offer: the Import exports dialog
//! imports nothing, the unsaved-changes question keeps the changes and the document.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use medfunnel::document::edit::Edit;
use medfunnel::document::sheets::{self, Value};
use medfunnel::format::Lang;
use medfunnel::model::Sheet;
use medfunnel::ui::{App, Command, Startup};

fn harness() -> Harness<'static, App> {
    let app = App::new(Startup { file: None, dirs: None, reopen_last: false, lang: Some(Lang::En) });
    crate::support::app_harness(app, [1400.0, 900.0])
}

#[test]
fn escape_closes_the_import_dialog_and_the_unsaved_changes_question() {
    let mut h = harness();
    let before = h.state().document().project().clone();
    h.state_mut().send(Command::ImportExports);
    h.run();
    assert!(h.state_mut().raw_import_mut().is_some());
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state_mut().raw_import_mut().is_none());
    assert_eq!(h.state().document().project(), &before);

    // An unsaved change, then New asks first; Escape answers "not now".
    let row = sheets::setting_row("clinic").unwrap();
    let old = sheets::get(&before, Sheet::Settings, row, 1);
    let new = Value::Text("Smile".into());
    h.state_mut().send(Command::Apply(Edit::SetCell { sheet: Sheet::Settings, row, col: 1, old, new }));
    h.run();
    assert!(h.state().document().is_dirty());
    h.state_mut().send(Command::New);
    h.run();
    h.get_by_label("Unsaved changes");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_none());
    assert!(h.state().document().is_dirty());
    assert_eq!(h.state().document().project().settings.clinic, "Smile");
}
