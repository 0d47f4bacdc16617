//! The Import exports dialog and the Cohorts view driven with egui_kittest: join tiny CRM and MIS
//! exports, map an unknown source to a channel, apply as one undoable edit, and make sure no
//! patient's name or phone ever reaches the screen's accessibility tree.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use medfunnel::format::Lang;
use medfunnel::import::raw::ExportKind;
use medfunnel::model::{Channel, Direction, Project, Tier};
use medfunnel::ui::app::files::AppDirs;
use medfunnel::ui::{App, Command, Startup, View};

const NAME: &str = "Иванова Мария";
const OTHER_NAME: &str = "Петров Пётр";

fn clinic() -> Project {
    let mut p = Project::new();
    p.settings.clinic = "Клиника Тест".into();
    p.directions
        .push(Direction { name: "Стоматология".into(), margin: 0.4, visits_per_patient: Some(3.0) });
    p.channels.push(Channel { name: "Яндекс Директ".into(), tier: Tier::Proven, ..Channel::default() });
    p.channels.push(Channel { name: "Сарафан".into(), tier: Tier::Scaling, ..Channel::default() });
    p
}

fn harness(dir: &Path, project: &Project) -> Harness<'static, App> {
    let file = dir.join("clinic.medfunnel");
    medfunnel::store::save_project(project, &file).unwrap();
    let app = App::new(Startup {
        file: Some(file),
        dirs: Some(AppDirs::inside(dir)),
        reopen_last: false,
        lang: Some(Lang::Ru),
    });
    crate::support::app_harness(app, [1400.0, 1000.0])
}

/// Every label and value in the accessibility tree, one per line.
fn all_text(h: &Harness<'_, App>) -> String {
    let seen = std::cell::RefCell::new(Vec::new());
    let visited = h
        .query_all(By::new().predicate(|n| {
            seen.borrow_mut().push(format!("{} | {}", n.label().unwrap_or_default(), n.value().unwrap_or_default()));
            true
        }))
        .count();
    assert!(visited > 0);
    seen.into_inner().join("\n")
}

fn assert_private(h: &Harness<'_, App>, when: &str) {
    let text = all_text(h);
    for secret in [NAME, OTHER_NAME, "Иванова", "Петров", "1234567", "123-45", "555-12", "5551234"] {
        assert!(!text.contains(secret), "{when}: «{secret}» is on screen:\n{text}");
    }
}

#[test]
fn import_exports_join_map_apply_undo_and_cohorts() {
    let dir = tempfile::tempdir().unwrap();
    let leads = dir.path().join("leads.csv");
    std::fs::write(
        &leads,
        format!(
            "Дата создания;Телефон;Источник;ФИО;Направление\n\
             2025-01-10;+7 (916) 123-45-67;Яндекс Директ;{NAME};Стоматология\n\
             2025-01-12;8 903 555-12-34;vk-ads;{OTHER_NAME};Стоматология\n\
             2025-01-15;+7 916 123 45 67;Яндекс Директ;{NAME};Стоматология\n"
        ),
    )
    .unwrap();
    let visits = dir.path().join("visits.csv");
    std::fs::write(
        &visits,
        format!(
            "Дата приёма;Телефон;Отделение;Врач;Сумма;Пациент\n\
             20.01.2025;79161234567;Стоматология;Смирнов;5000;{NAME}\n\
             25.01.2025;89035551234;Стоматология;Смирнов;4000;{OTHER_NAME}\n\
             20.02.2025;79161234567;Стоматология;Смирнов;3000;{NAME}\n"
        ),
    )
    .unwrap();

    let mut h = harness(dir.path(), &clinic());
    // As the app holds it (after a save and a reopen), for comparing.
    let before = h.state().document().project().clone();
    // The Cohorts view explains itself before any visits were imported.
    h.state_mut().send(Command::Show(View::Cohorts));
    h.run();
    h.get_by_label_contains("Импортируйте выгрузку визитов");

    h.state_mut().send(Command::ImportExports);
    h.run();
    {
        let d = h.state_mut().raw_import_mut().expect("dialog open");
        d.set_path(ExportKind::Leads, &leads);
        d.set_path(ExportKind::Visits, &visits);
    }
    h.run();
    // The preview shows the recognised columns and masked phones, never names or whole phones.
    assert_eq!(h.get_all_by_label("→ phone (телефон)").count(), 2);
    h.get_all_by_label("+7 916 ***-**-67").next().expect("masked phone in the preview");
    assert_private(&h, "preview");

    // FIXME: the first pointer click into the freshly opened dialog is not registered by the
    // harness (a second one is; Map and Apply take pointer clicks). The accesskit action goes
    // through the same `clicked()`.
    h.get_by_label("Объединить").click_accesskit();
    h.run();
    let counts = "лидов: 3 · дублей: 1 · повторных: 0 · без телефона: 0 · визитов сопоставлено: 2 / визитов всего: 3";
    h.get_by_label(counts);
    // The unknown source is listed (and also seen in the leads preview).
    assert_eq!(h.get_all_by_label("vk-ads").count(), 2);
    assert_private(&h, "joined");

    h.state_mut().raw_import_mut().unwrap().pick_channel("vk-ads", "Сарафан");
    h.run();
    h.get_by_label("Сопоставить").click();
    h.run();
    let report = h.state_mut().raw_import_mut().unwrap().report().cloned().expect("joined again");
    assert!(report.unknown_sources.is_empty(), "{report:?}");
    assert_eq!(h.get_all_by_label("vk-ads").count(), 1, "only the preview cell is left");
    // The open project is untouched until Apply.
    assert_eq!(h.state().document().project(), &before);

    h.get_by_label("Применить").click();
    h.run();
    assert!(h.state_mut().raw_import_mut().is_none());
    let p = h.state().document().project().clone();
    assert_eq!(p.visits.as_deref().map(<[_]>::len), Some(3));
    let sarafan: f64 = p.funnel.iter().filter(|r| r.channel == "Сарафан").filter_map(|r| r.leads).sum();
    assert_eq!(sarafan, 1.0, "{:?}", p.funnel);
    assert!(p.channels.iter().any(|c| c.name == "Сарафан" && c.sources.iter().any(|s| s == "vk-ads")));
    assert!(!p.channels.iter().any(|c| c.name == "vk-ads"));
    let status = h.state().status().unwrap_or_default().to_string();
    assert!(status.contains("Выгрузки импортированы"), "{status}");
    assert_private(&h, "applied");

    // The Cohorts view shows the January cohort (2 patients) in both triangles.
    h.state_mut().send(Command::Show(View::Cohorts));
    h.run();
    h.get_all_by_label("янв 2025").next().expect("cohort row");
    h.get_all_by_label("100,0\u{a0}%").next().expect("month 0 retention");
    h.get_by_label("LTV, ₽").click();
    h.run();
    h.get_all_by_label("янв 2025").next().expect("cohort row");
    assert_private(&h, "cohorts");

    // One Undo brings the previous project back whole.
    h.state_mut().send(Command::Undo);
    h.run();
    assert_eq!(h.state().document().project(), &before);
    h.get_by_label_contains("Импортируйте выгрузку визитов");
}

#[test]
fn cancel_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let visits = dir.path().join("visits.csv");
    std::fs::write(&visits, format!("Дата;Телефон;Сумма;ФИО\n20.01.2025;79161234567;5000;{NAME}\n")).unwrap();
    let mut h = harness(dir.path(), &clinic());
    // As the app holds it (after a save and a reopen), for comparing.
    let before = h.state().document().project().clone();
    h.state_mut().send(Command::ImportExports);
    h.run();
    h.state_mut().raw_import_mut().unwrap().set_path(ExportKind::Visits, &visits);
    h.run();
    // See the FIXME above: the accesskit click, as a first pointer click is not registered here.
    h.get_by_label("Объединить").click_accesskit();
    h.run();
    assert!(h.state_mut().raw_import_mut().unwrap().report().is_some(), "joined");
    h.get_by_label("Отмена").click();
    h.run();
    assert!(h.state_mut().raw_import_mut().is_none());
    assert_eq!(h.state().document().project(), &before);
    assert!(!h.state().document().history().can_undo());
}
