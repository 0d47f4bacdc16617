//! The Branches view and the branch filter in the real app (egui_kittest): a three-branch chain,
//! filtered to one branch, compared side by side.

use egui_kittest::kittest::Queryable;
use medfunnel::format::{self, Lang, Locale};
use medfunnel::model::Sheet;
use medfunnel::ui::app::files::AppDirs;
use medfunnel::ui::{App, Startup, View};

#[test]
fn filter_a_chain_to_one_branch_and_compare_the_branches() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("chain.medfunnel");
    medfunnel::store::save_project(&medfunnel::demo::demo_chain(), &file).unwrap();
    let app = App::new(Startup {
        file: Some(file),
        dirs: Some(AppDirs::inside(dir.path())),
        reopen_last: false,
        lang: Some(Lang::Ru),
    });
    let mut h = crate::support::app_harness(app, [1600.0, 1000.0]);

    // The branch filter sits beside direction and channel.
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Филиал").click();
    h.run();
    h.get_by_label("Юг").click();
    h.run();
    assert_eq!(h.state_mut().filter_mut().branch.as_deref(), Some("Юг"));
    let south = h.state_mut().kpis().branches.iter().find(|b| b.branch == "Юг").cloned().unwrap();
    assert_eq!(h.state_mut().kpis().total.kpis.spend, south.spend);

    h.get_by_label("Филиалы").click();
    h.run();
    assert_eq!(h.state().view(), View::Branches);
    h.get_by_label("Вся сеть");
    // The KPI's table row and its bar chart's title.
    assert_eq!(h.get_all_by_label("Цена пациента (CAC)").count(), 2);
    // Юг's CAC as the table writes it.
    assert!(h.get_all_by_label(&format::money(south.cac, Locale::new(Lang::Ru, "RUB"))).next().is_some());

    // The grids show the branch column, and under the filter only Юг's rows (and shared budget).
    h.get_by_label("Воронка").click();
    h.run();
    assert_eq!(h.state().view(), View::Sheet(Sheet::Funnel));
    h.get_all_by_label("Филиал").next().unwrap();
}
