//! The Calls sheet as a grid in the real app: frozen key columns, the branch column, typed cells
//! and an edit that undoes in one step.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use medfunnel::format::Lang;
use medfunnel::model::Sheet;
use medfunnel::ui::{App, Command, Startup, View};

fn harness() -> Harness<'static, App> {
    let app = App::new(Startup { file: None, dirs: None, reopen_last: false, lang: Some(Lang::Ru) });
    crate::support::app_harness(app, [1400.0, 900.0])
}

#[test]
fn a_calls_cell_is_edited_in_the_grid_and_undone() {
    let mut h = harness();
    h.get_by_label("Итоги звонков").click();
    h.run();
    assert_eq!(h.state().view(), View::Sheet(Sheet::Calls));
    h.get_by_label("Месяц*");
    h.get_by_label("Обращения");
    let contacts = Sheet::Calls.grid_columns().iter().position(|c| c.key == "contacts").unwrap();
    let before = h.state().document().project().calls[0].contacts;
    h.state_mut().grid_mut(Sheet::Calls).select_model_cell(0, contacts);
    h.run();
    h.event(Event::Text("123".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().document().project().calls[0].contacts, Some(123.0));

    // Text is refused in a count column, in place, and changes nothing.
    h.state_mut().grid_mut(Sheet::Calls).select_model_cell(0, contacts);
    h.run();
    h.event(Event::Text("много".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().document().project().calls[0].contacts, Some(123.0));
    h.key_press(Key::Escape);
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().document().project().calls[0].contacts, before);
    h.state_mut().send(Command::Redo);
    h.run();
    assert_eq!(h.state().document().project().calls[0].contacts, Some(123.0));
}
