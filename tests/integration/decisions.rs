//! The Decisions view driven with egui_kittest on the demo clinic: a slider moved through
//! AccessKit gives `Base::apply`'s figures, the ranking names owners, the allocator spends the
//! budget, and a saved scenario survives save/reopen and goes away with undo.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use medfunnel::analysis::headroom::headroom;
use medfunnel::analysis::levers::{Base, LeadCost};
use medfunnel::format::{self, Lang, Locale};
use medfunnel::metrics::{Filter, compute};
use medfunnel::model::{Lever, LeverChange};
use medfunnel::ui::app::files::AppDirs;
use medfunnel::ui::views::decisions::{RANK_CHANGE, Section, headroom_sentence};
use medfunnel::ui::{App, Command, Startup, View};

/// The app on the demo clinic (no file), its preferences in `dir`.
fn demo(dir: &std::path::Path, lang: Lang) -> Harness<'static, App> {
    let app = App::new(Startup { file: None, dirs: Some(AppDirs::inside(dir)), reopen_last: false, lang: Some(lang) });
    crate::support::app_harness(app, [1400.0, 900.0])
}

fn show_rate(change: f64) -> LeverChange {
    LeverChange { lever: Lever::ShowRate, change, channel: None, direction: None }
}

#[test]
fn a_slider_moves_the_after_cards_like_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo(dir.path(), Lang::Ru);
    h.get_by_label("Решения").click();
    h.run();
    assert_eq!(h.state().view(), View::Decisions);

    // The show-rate slider, through AccessKit as a screen reader would set it.
    h.get_by_role_and_label(Role::Slider, "Доходимость").set_value_accesskit(10.0);
    h.run();
    let changes = h.state_mut().decisions_mut().changes();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].lever, Lever::ShowRate);
    assert!((changes[0].change - 0.10).abs() < 1e-12);

    let project = h.state().document().project().clone();
    let base = Base::new(&project, &Filter::default());
    let outcome = base.apply(&[show_rate(0.10)], LeadCost::Cpl).unwrap();
    assert!(outcome.after.revenue > outcome.before.revenue);
    h.get_by_label(&format::money(outcome.after.revenue, Locale::new(Lang::Ru, "RUB")));
    h.get_by_label(&format::money(outcome.after.gross_profit, Locale::new(Lang::Ru, "RUB")));
    // A slider drag is not a model edit.
    assert!(!h.state().document().history().can_undo());

    // The view leads with the levers by headroom: the top one as a sentence with its owner.
    let hr = headroom(&project, None);
    let top = &hr.entries[0];
    let sentence = headroom_sentence(top, Locale::new(Lang::Ru, "RUB"));
    assert!(sentence.contains(" → ") && sentence.contains("(ваш лучший, ") && sentence.contains(" в месяц — "));
    h.get_by_label(&sentence);
    assert!(hr.entries[0].profit_gain > hr.entries[1].profit_gain);
    // The +10 % sensitivity stays below it, its rows naming their owners.
    let ranking = base.rank(RANK_CHANGE, None, None, LeadCost::Cpl).unwrap();
    let owner = match ranking[0].owner {
        medfunnel::metrics::Owner::Marketer => "маркетолог",
        medfunnel::metrics::Owner::Administrators => "администраторы",
        medfunnel::metrics::Owner::Doctors => "врачи",
        medfunnel::metrics::Owner::Management => "руководство",
    };
    assert!(h.get_all_by_label(owner).count() >= 1);
    h.get_by_label("Чувствительность: каждый рычаг +10 %");
    // LTV:CAC before is the clinic's one number, as on the dashboard.
    let kpis = compute(&project, &Filter::default());
    h.get_by_label(&format!("было {}", format::ratio(kpis.total.ltv_to_cac, Lang::Ru)));
    // Profit is the clinic's: gross profit − spend − fixed costs.
    let b = &outcome.before;
    let profit = b.gross_profit.unwrap() - b.spend.unwrap() - b.fixed_costs;
    assert!((b.profit.unwrap() - profit).abs() < 1e-6);
    assert!(b.profit.unwrap() > 0.0, "the demo clinic makes money: {profit}");
}

#[test]
fn the_allocation_spends_the_whole_budget() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo(dir.path(), Lang::En);
    h.get_by_label("Decisions").click();
    h.run();
    h.get_by_label("Budget allocation").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Monthly budget:").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Monthly budget:").type_text("750000");
    h.run();
    let alloc = h.state_mut().decisions_mut().allocation().cloned().expect("an allocation");
    assert_eq!(alloc.budget, 750_000.0);
    let total: f64 = alloc.channels.iter().map(|c| c.spend).sum();
    assert!((total - 750_000.0).abs() < 1e-3, "{total}");
    // The total row shows the budget; proposals are in whole thousands, each with its reason.
    assert!(h.get_all_by_label(&format::money(Some(total), Locale::new(Lang::En, "RUB"))).count() >= 1);
    let first = &alloc.channels[0];
    h.get_by_label(&format::money(Some((first.spend / 1000.0).round() * 1000.0), Locale::new(Lang::En, "RUB")));
    assert!(
        h.query_all_by_label("higher return per rouble than the others at this budget").count()
            + h.query_all_by_label("lower return per rouble than the others at this budget").count()
            + h.query_all_by_label("held at its lower bound").count()
            >= 1
    );
    // Between the bounds' sums and without the tier split, every channel stays within 0.5×–2×.
    for c in alloc.channels.iter().filter(|c| c.spend_today.is_some_and(|t| t > 0.0)) {
        let t = c.spend_today.unwrap();
        assert!(c.spend >= 0.5 * t - 1e-6 && c.spend <= 2.0 * t + 1e-6, "{}: {} vs {t}", c.channel, c.spend);
    }
    // The fit's a and b only under Details.
    assert!(h.query_by_label("Months used").is_none());
    h.get_by_label("Details: response curves").click();
    h.run();
    h.get_by_label("Months used");

    // The tier split still spends all of it.
    h.get_by_label("Hold the 80/15/5 tier split").click();
    h.run();
    let alloc = h.state_mut().decisions_mut().allocation().cloned().expect("an allocation with tiers");
    assert_eq!(alloc.tiers, Some([0.80, 0.15, 0.05]));
    let total: f64 = alloc.channels.iter().map(|c| c.spend).sum();
    assert!((total - 750_000.0).abs() < 1e-3, "{total}");
}

#[test]
fn a_saved_scenario_survives_reopening_and_undo_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo(dir.path(), Lang::Ru);
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
    let scenarios = h.state().document().project().scenarios.clone();
    assert_eq!(scenarios.len(), 1);
    assert_eq!(scenarios[0].name, "Напоминания");
    assert_eq!(scenarios[0].changes.len(), 1);
    assert!((scenarios[0].changes[0].change - 0.15).abs() < 1e-12);

    // Side by side: the scenario's column shows Base::apply's revenue.
    h.state_mut().decisions_mut().section = Section::Scenarios;
    h.run();
    let project = h.state().document().project().clone();
    let after = Base::new(&project, &Filter::default()).apply(&scenarios[0].changes, LeadCost::Cpl).unwrap().after;
    h.get_by_label(&format::money(after.revenue, Locale::new(Lang::Ru, "RUB")));

    let file = dir.path().join("demo.medfunnel");
    h.state_mut().send(Command::SaveTo(file.clone()));
    h.run();
    assert!(!h.state().document().is_dirty());

    // Reopen in a fresh app: the scenario is there.
    let app = App::new(Startup {
        file: Some(file.clone()),
        dirs: Some(AppDirs::inside(dir.path())),
        reopen_last: false,
        lang: Some(Lang::Ru),
    });
    let mut h2 = crate::support::app_harness(app, [1400.0, 900.0]);
    assert_eq!(h2.state().document().project().scenarios, scenarios);
    h2.state_mut().send(Command::Show(View::Decisions));
    h2.state_mut().decisions_mut().section = Section::Scenarios;
    h2.run();
    h2.get_by_label("Напоминания");

    // Load puts it into the sliders.
    h2.get_by_label("В ползунки").click();
    h2.run();
    assert_eq!(h2.state_mut().decisions_mut().changes(), scenarios[0].changes);

    // Undo in the first window removes it; redo brings it back.
    h.state_mut().send(Command::Undo);
    h.run();
    assert!(h.state().document().project().scenarios.is_empty());
    h.state_mut().send(Command::Redo);
    h.run();
    assert_eq!(h.state().document().project().scenarios.len(), 1);

    // Delete is undoable too.
    h2.state_mut().decisions_mut().section = Section::Scenarios;
    h2.run();
    h2.get_by_label("Удалить").click();
    h2.run();
    assert!(h2.state().document().project().scenarios.is_empty());
    h2.state_mut().send(Command::Undo);
    h2.run();
    assert_eq!(h2.state().document().project().scenarios, scenarios);
}

#[test]
fn goal_seek_fills_the_sliders() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo(dir.path(), Lang::En);
    h.state_mut().send(Command::Show(View::Decisions));
    h.state_mut().decisions_mut().section = Section::Goal;
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Revenue target:").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Revenue target:").type_text("+10%");
    h.run();
    // +10 % of the clinic's revenue: the attributed revenue must rise by Xa = 0.1 × revenue /
    // attributed revenue, and all five evenly by (1 + Xa)^(1/5) − 1 each. Both rises are said.
    let project = h.state().document().project().clone();
    let before = Base::new(&project, &Filter::default()).before().clone();
    let xa = 0.1 * before.revenue.unwrap() / before.attributed_revenue.unwrap();
    h.get_by_label("Clinic revenue rise");
    h.get_by_label("Channels' revenue rise (what the levers must add)");
    h.get_by_label(&format!("+{}", format::percent(Some(xa), Lang::En)));
    h.get_by_label("Apply to sliders").click();
    h.run();
    let changes = h.state_mut().decisions_mut().changes();
    assert_eq!(changes.len(), 5);
    let each = (1.0 + xa).powf(0.2) - 1.0;
    for c in &changes {
        assert!((c.change - each).abs() < 1e-9, "{c:?}");
    }
    // The budget for a month's plan is shown.
    h.state_mut().decisions_mut().section = Section::Goal;
    h.run();
    h.get_by_label("Monthly budget needed");
}
