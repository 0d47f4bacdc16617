//! The Settings form in the real app: labelled, translated fields instead of the sheet's keys; the
//! currency typed there reaches every amount on the Dashboard, and the edit is one undo step.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use medfunnel::format::Lang;
use medfunnel::model::Sheet;
use medfunnel::ui::{App, Command, Startup, View};

/// The app on the demo clinic, keeping nothing between runs.
fn harness(lang: Lang) -> Harness<'static, App> {
    let app = App::new(Startup { file: None, dirs: None, reopen_last: false, lang: Some(lang) });
    crate::support::app_harness(app, [1400.0, 900.0])
}

#[test]
fn the_currency_set_in_settings_reaches_the_dashboard_and_undo_brings_the_rouble_back() {
    let mut h = harness(Lang::Ru);
    assert!(h.query_all_by_label_contains("₽").count() > 0, "the demo clinic counts in roubles");

    h.state_mut().send(Command::Show(View::Sheet(Sheet::Settings)));
    h.run();
    // Words a marketer reads, grouped, not the template's keys.
    h.get_by_label("Деньги");
    h.get_by_label("Импорт выгрузок");
    h.get_by_label("Окно атрибуции, дней");
    assert!(h.query_by_label("nps_scale").is_none());
    assert!(h.query_by_label("dedupe_days").is_none());

    h.get_by_role_and_label(Role::TextInput, "Валюта").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(Event::Text("USD".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().document().project().settings.currency, "USD");
    assert_eq!(h.state().document().history().undo_len(), 1, "one edit, one undo step");

    h.state_mut().send(Command::Show(View::Dashboard));
    h.run();
    assert!(h.query_all_by_label_contains("$").count() > 0, "money carries the dollar sign");
    assert_eq!(h.query_all_by_label_contains("₽").count(), 0, "no rouble is left on the Dashboard");

    h.state_mut().send(Command::Undo);
    h.run();
    assert_eq!(h.state().document().project().settings.currency, "RUB");
    assert!(h.query_all_by_label_contains("₽").count() > 0);
    assert_eq!(h.query_all_by_label_contains("$").count(), 0);
}

#[test]
fn a_refused_value_stays_out_of_the_project_with_a_reason() {
    let mut h = harness(Lang::En);
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Settings)));
    h.run();
    let before = h.state().document().project().settings.dedupe_days;
    h.get_by_role_and_label(Role::TextInput, "Repeat lead window, days").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(Event::Text("soon".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().document().project().settings.dedupe_days, before);
    assert_eq!(h.state().document().history().undo_len(), 0);
    h.get_by_label_contains("«soon»");
}
