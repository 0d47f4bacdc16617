//! Edits made in the views go through the app's command queue and its one undo history: Ctrl+Z
//! undoes a grid edit and a Decisions edit alike, the latest first.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use medfunnel::format::Lang;
use medfunnel::model::Sheet;
use medfunnel::ui::app::files::AppDirs;
use medfunnel::ui::{App, Command, Startup, View};

/// The app on the demo clinic (no file) in Russian, its preferences in `dir`.
fn demo(dir: &std::path::Path) -> Harness<'static, App> {
    let app =
        App::new(Startup { file: None, dirs: Some(AppDirs::inside(dir)), reopen_last: false, lang: Some(Lang::Ru) });
    crate::support::app_harness(app, [1400.0, 900.0])
}

#[test]
fn ctrl_z_undoes_a_grid_edit_and_a_decisions_edit() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo(dir.path());
    let plan_before = h.state().document().project().plan[0].revenue_plan;

    // A grid edit: type a revenue plan into the Plan sheet's first row.
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Plan)));
    h.run();
    h.state_mut().grid_mut(Sheet::Plan).select_model_cell(0, 2);
    h.run();
    h.event(Event::Text("123 456".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().document().project().plan[0].revenue_plan, 123_456.0);

    // A Decisions edit: save a scenario.
    h.state_mut().send(Command::Show(View::Decisions));
    h.run();
    h.get_by_role_and_label(Role::Slider, "Доходимость").set_value_accesskit(15.0);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Название:").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Название:").type_text("Напоминания");
    h.run();
    h.get_by_label("Сохранить сценарий").click();
    h.run();
    assert_eq!(h.state().document().project().scenarios.len(), 1);
    assert_eq!(h.state().document().history().undo_len(), 2);

    // Ctrl+Z takes back the scenario, then the grid edit.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().document().project().scenarios.is_empty());
    assert_eq!(h.state().document().project().plan[0].revenue_plan, 123_456.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().document().project().plan[0].revenue_plan, plan_before);
    assert_eq!(h.state().document().history().undo_len(), 0);

    // Ctrl+Shift+Z brings the grid edit back (and is not taken for Ctrl+Z).
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().document().project().plan[0].revenue_plan, 123_456.0);
}
