//! The "Build next year's plan" dialog driven with egui_kittest on the demo clinic: type the
//! growth, see the library's plan in the preview, warnings for an odd share, Apply as one undo
//! step, Cancel writing nothing.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use medfunnel::analysis::plan::{PlanInput, apply_plan, build_plan, default_year};
use medfunnel::format::{self, Lang, Locale};
use medfunnel::model::{Project, Sheet};
use medfunnel::ui::{App, Command, Startup, View};

/// The app on the demo clinic, keeping nothing between runs.
fn harness(lang: Lang) -> Harness<'static, App> {
    let app = App::new(Startup { file: None, dirs: None, reopen_last: false, lang: Some(lang) });
    crate::support::app_harness(app, [1400.0, 900.0])
}

/// Replaces the text of a field: focus, select all, type.
fn retype(h: &mut Harness<'static, App>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(Event::Text(text.to_string()));
    h.run();
}

fn project(h: &Harness<'static, App>) -> Project {
    h.state().document().project().clone()
}

#[test]
fn the_plan_is_previewed_applied_in_one_step_and_undone() {
    let mut h = harness(Lang::Ru);
    let before = project(&h);
    let year = default_year(&before);

    // From the Plan view's button.
    h.get_by_label("План").click();
    h.run();
    assert_eq!(h.state().view(), View::Sheet(Sheet::Plan));
    h.get_by_label("Построить план на следующий год…").click();
    h.run();
    assert!(h.state().plan_dialog().is_some());
    h.get_by_label_contains(&format!("Построить план на год: {year}"));
    // The months of the base year that had not happened are estimated, each said on a visible line.
    h.get_by_label_contains(&format!("{}-12 ещё не наступил", year - 1));
    h.get_by_label_contains(&format!("{}-11 ещё идёт", year - 1));

    retype(&mut h, Role::TextInput, "Рост клиники", "15%");
    h.get_by_role_and_label(Role::CheckBox, "УЗИ").click();
    h.run();
    retype(&mut h, Role::TextInput, "УЗИ", "+30 %");

    let mut input = PlanInput::new(year);
    input.growth = 0.15;
    input.growth_by_direction.insert("УЗИ".into(), 0.30);
    let expected = build_plan(&before, &input);
    assert_eq!(h.state().plan_dialog().and_then(|d| d.plan()), Some(&expected));
    // March's plan as the preview table shows it, read back through AccessKit.
    let march = format::money(Some(expected.months[2].revenue_plan), Locale::new(Lang::Ru, "RUB"));
    assert!(h.query_all_by_label(&march).count() >= 1, "March's plan {march} is shown");
    let total: f64 = expected.months.iter().map(|m| m.revenue_plan).sum();
    assert!(
        h.query_all_by_label(&format::money(Some(total), Locale::new(Lang::Ru, "RUB"))).count() >= 1,
        "the year's total is shown"
    );
    // Nothing is written before Apply.
    assert_eq!(project(&h), before);

    // A 12 % share is outside the reference: a warning, in Russian.
    retype(&mut h, Role::TextInput, "Доля маркетинга", "12%");
    h.get_by_label_contains("Доля маркетинга 12\u{a0}% — вне ориентира 4–10");
    retype(&mut h, Role::TextInput, "Доля маркетинга", "7 %");
    assert!(h.query_by_label_contains("вне ориентира").is_none());

    h.get_by_label("Записать план").click();
    h.run();
    assert!(h.state().plan_dialog().is_none());
    let mut applied = before.clone();
    apply_plan(&mut applied, &expected);
    let after = project(&h);
    assert_eq!(after.plan, applied.plan);
    assert_eq!(after.budget, applied.budget);
    assert_eq!(after, applied);
    assert!(after.plan.iter().any(|r| r.month.year == year));
    assert_eq!(h.state().document().history().undo_len(), 1, "one undo step");
    // The dashboard's figures follow the new plan.
    let plan_total: f64 =
        h.state_mut().kpis().months.iter().filter(|k| k.month.year == year).filter_map(|k| k.revenue_plan).sum();
    assert!((plan_total - total).abs() < 1e-3 * total, "{plan_total} vs {total}");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let undone = project(&h);
    assert_eq!(undone.plan, before.plan);
    assert_eq!(undone.budget, before.budget);
    assert_eq!(undone, before);
}

#[test]
fn cancel_writes_nothing_and_the_menu_opens_it_in_english() {
    let mut h = harness(Lang::En);
    let before = project(&h);
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Build next year's plan…").click();
    h.run();
    assert!(h.state().plan_dialog().is_some());
    h.get_by_label("Apply the plan");
    h.get_by_label_contains("2026-12 has not happened yet");
    retype(&mut h, Role::TextInput, "Clinic growth", "много");
    h.get_by_label_contains("not a number");
    h.get_by_label_contains("Fix the fields marked in red");
    // The preview keeps the last plan that read until the field reads again.
    retype(&mut h, Role::TextInput, "Clinic growth", "+10 %");
    assert!(h.query_by_label_contains("Fix the fields").is_none());
    retype(&mut h, Role::TextInput, "Tier split, %", "80/15/10");
    h.get_by_label_contains("adds up to 105 %");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().plan_dialog().is_none());
    assert_eq!(project(&h), before);
    assert_eq!(h.state().document().history().undo_len(), 0);

    // Escape closes it too, and the command opens it.
    h.state_mut().send(Command::BuildPlan);
    h.run();
    assert!(h.state().plan_dialog().is_some());
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().plan_dialog().is_none());
    assert_eq!(project(&h), before);
}

#[test]
fn a_chain_is_planned_per_branch_and_the_dialog_shows_each_branch_and_the_chain() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("chain.medfunnel");
    let chain = medfunnel::demo::demo_chain();
    medfunnel::store::save_project(&chain, &file).unwrap();
    let app = App::new(Startup { file: Some(file), dirs: None, reopen_last: false, lang: Some(Lang::Ru) });
    let mut h = crate::support::app_harness(app, [1600.0, 1000.0]);
    h.state_mut().send(Command::BuildPlan);
    h.run();
    let project = project(&h);
    let expected = build_plan(&project, &PlanInput::new(default_year(&project)));
    assert_eq!(h.state().plan_dialog().and_then(|d| d.plan()), Some(&expected));
    let totals = expected.branch_totals();
    assert!(totals.len() >= 3, "{totals:?}");
    let loc = Locale::new(Lang::Ru, &project.settings.currency);
    h.get_by_label("По филиалам");
    // «Север»'s row: its name and its year's plan, read back through AccessKit.
    h.get_by_label("Север");
    let north = format::money(Some(totals["Север"]), loc);
    assert!(h.query_all_by_label(&north).count() >= 1, "Север's plan {north} is shown");
    // The chain's total is the sum of the branches.
    h.get_by_label("Вся сеть");
    let chain_total = format::money(Some(expected.revenue_total()), loc);
    assert!(h.query_all_by_label(&chain_total).count() >= 1, "the chain's total {chain_total} is shown");
}
