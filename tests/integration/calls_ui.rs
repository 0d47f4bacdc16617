//! The Calls view driven with egui_kittest on the demo clinic: the navigation opens it, the answer
//! rate is shown against the Settings target, the administrators and the hour map are there, and
//! the dashboard names the money left on the phone.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use medfunnel::format::{self, Lang, Locale};
use medfunnel::ui::app::files::AppDirs;
use medfunnel::ui::{App, Startup, View};

fn demo(dir: &std::path::Path, lang: Lang) -> Harness<'static, App> {
    let app = App::new(Startup { file: None, dirs: Some(AppDirs::inside(dir)), reopen_last: false, lang: Some(lang) });
    crate::support::app_harness(app, [1600.0, 1000.0])
}

#[test]
fn the_calls_view_opens_on_the_demo_and_reads_like_the_metrics() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo(dir.path(), Lang::Ru);
    let k = h.state_mut().kpis().total.kpis.clone();
    // The dashboard's card: the money lost contacts leave on the phone.
    h.get_by_label("Потерянные звонки");
    assert!(h.query_all_by_label(&format::money(k.lost_revenue, Locale::new(Lang::Ru, "RUB"))).next().is_some());

    h.get_by_label("Звонки").click();
    h.run();
    assert_eq!(h.state().view(), View::Calls);
    h.get_by_label("Доля принятых:");
    assert!(h.query_all_by_label(&format::percent(k.answer_rate, Lang::Ru)).next().is_some());
    h.get_by_label(&format!("(цель {})", format::percent(Some(0.9), Lang::Ru)));
    h.get_by_label("Новикова Елена");
    h.get_by_label("Доля принятых по часам и дням недели");
    h.get_by_label("Вс");
}
