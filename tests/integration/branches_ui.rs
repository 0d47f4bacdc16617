//! The Branches view and the branch filter in the real app (egui_kittest): a three-branch chain,
//! filtered to one branch, compared side by side.

use egui_kittest::kittest::Queryable;
use medfunnel::format::{self, Lang, Locale};
use medfunnel::model::Sheet;
use medfunnel::ui::app::files::AppDirs;
use medfunnel::ui::{App, Command, Startup, View};

/// The app on the demo chain's project file (in `dir`), in Russian.
fn demo_chain_app(dir: &std::path::Path) -> egui_kittest::Harness<'static, App> {
    let file = dir.join("chain.medfunnel");
    medfunnel::store::save_project(&medfunnel::demo::demo_chain(), &file).unwrap();
    let app = App::new(Startup {
        file: Some(file),
        dirs: Some(AppDirs::inside(dir)),
        reopen_last: false,
        lang: Some(Lang::Ru),
    });
    crate::support::app_harness(app, [1600.0, 1000.0])
}

#[test]
fn filter_a_chain_to_one_branch_and_compare_the_branches() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo_chain_app(dir.path());

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

/// The KPIs the app shows after edits of the Revenue, Budget and Funnel sheets of a chain are
/// those computed afresh from the edited project: the app's kept sums follow every sheet.
#[test]
fn the_kpis_follow_edits_of_the_revenue_budget_and_funnel_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo_chain_app(dir.path());
    let before = h.state_mut().kpis().clone();
    // Model columns: Revenue's revenue (2), Budget's spend (3), Funnel's leads (3).
    for (sheet, col, text) in
        [(Sheet::Revenue, 2, "7 777 777"), (Sheet::Budget, 3, "123 456"), (Sheet::Funnel, 3, "999")]
    {
        h.state_mut().send(Command::Show(View::Sheet(sheet)));
        h.run();
        h.state_mut().grid_mut(sheet).select_model_cell(0, col);
        h.run();
        h.event(egui::Event::Paste(text.into()));
        h.run();
        let shown = serde_json::to_value(h.state_mut().kpis()).unwrap();
        let filter = h.state_mut().filter_mut().clone();
        let fresh = medfunnel::metrics::compute(h.state().document().project(), &filter);
        same_figures(&shown, &serde_json::to_value(&fresh).unwrap(), &format!("{sheet:?}"));
    }
    assert_ne!(h.state_mut().kpis().total.kpis.revenue, before.total.kpis.revenue);
    assert_ne!(h.state_mut().kpis().total.kpis.spend, before.total.kpis.spend);
    assert_ne!(h.state_mut().kpis().total.kpis.leads, before.total.kpis.leads);
}

/// Two KPI documents hold the same figures (money up to the rounding of the order of additions,
/// relative 1e-9); `at` names the place of a difference.
fn same_figures(a: &serde_json::Value, b: &serde_json::Value, at: &str) {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert!((x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0), "{at}: {x} ≠ {y}");
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{at}: lengths");
            for (i, (x, y)) in x.iter().zip(y).enumerate() {
                same_figures(x, y, &format!("{at}[{i}]"));
            }
        }
        (Value::Object(x), Value::Object(y)) => {
            assert_eq!(x.keys().collect::<Vec<_>>(), y.keys().collect::<Vec<_>>(), "{at}: keys");
            for (k, x) in x {
                same_figures(x, &y[k], &format!("{at}.{k}"));
            }
        }
        _ => assert_eq!(a, b, "{at}"),
    }
}
