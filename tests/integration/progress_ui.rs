//! Long work behind a progress bar, the window answering meanwhile (issue 16): the join of a big
//! raw export, a big project's visits read after the first frame with edits made meanwhile kept,
//! and a whole save.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use medfunnel::document::edit::Edit;
use medfunnel::document::sheets::Value;
use medfunnel::format::Lang;
use medfunnel::import::raw::ExportKind;
use medfunnel::model::Sheet;
use medfunnel::model::VisitRecord;
use medfunnel::ui::app::files::AppDirs;
use medfunnel::ui::{App, Command, Startup, View};

/// Steps the harness until `done` holds (at most two minutes); returns the slowest step.
fn step_until(h: &mut Harness<'static, App>, mut done: impl FnMut(&Harness<'static, App>) -> bool) -> Duration {
    let started = Instant::now();
    let mut slowest = Duration::ZERO;
    while !done(h) {
        assert!(started.elapsed() < Duration::from_secs(120), "still not done after two minutes");
        let t = Instant::now();
        h.step();
        slowest = slowest.max(t.elapsed());
        std::thread::sleep(Duration::from_millis(20));
    }
    slowest
}

fn app_in_background(dir: &Path, file: Option<std::path::PathBuf>) -> App {
    App::with_background_work(Startup {
        file,
        dirs: Some(AppDirs::inside(dir)),
        reopen_last: false,
        lang: Some(Lang::En),
    })
}

#[test]
fn a_big_export_joins_behind_a_progress_bar_then_shows_its_counts() {
    let dir = tempfile::tempdir().unwrap();
    // 150,000 visits (about 7 MB): the join takes long enough to be watched, even in a release build.
    let visits = dir.path().join("visits.csv");
    let mut csv = String::from("Дата приёма;Телефон;Отделение;Врач;Сумма\n");
    for i in 0..150_000u32 {
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        csv.push_str(&format!(
            "{day:02}.{month:02}.2025;+7 916 {:03}-{:02}-{:02};Стоматология;Смирнов;{}\n",
            i % 1000,
            (i / 1000) % 100,
            i % 97,
            1000 + i % 5000
        ));
    }
    std::fs::write(&visits, csv).unwrap();
    let mut h = crate::support::app_harness(app_in_background(dir.path(), None), [1400.0, 1000.0]);
    h.state_mut().send(Command::ImportExports);
    h.run();
    h.state_mut().raw_import_mut().expect("dialog open").set_path(ExportKind::Visits, &visits);
    h.run();
    let before = h.state().document().project().clone();

    h.get_by_label("Join").click_accesskit();
    h.step();
    assert!(h.state_mut().raw_import_mut().unwrap().is_joining(), "the join runs on its own thread");
    let mut bar_seen = false;
    let slowest = step_until(&mut h, |h| {
        let joining = h.state().raw_import().is_some_and(|d| d.is_joining());
        if joining {
            bar_seen |= h.query_by_label_contains("Reading the exports…").is_some()
                || h.query_by_label_contains("Joining the exports…").is_some();
        }
        !joining
    });
    assert!(bar_seen, "the progress bar's stage was never on screen");
    // The window kept drawing frames while the join ran (a frame that waited for the join would
    // have taken as long as the join).
    assert!(slowest < Duration::from_secs(2), "a frame took {slowest:?} during the join");
    h.run();
    h.get_by_label_contains("visits in all: 150");
    assert_eq!(h.state().document().project(), &before, "nothing changes before Apply");
    h.get_by_label("Apply").click();
    h.run();
    assert_eq!(h.state().document().project().visits.as_deref().map(<[_]>::len), Some(150_000));
    // One undoable step.
    h.state_mut().send(Command::Undo);
    h.run();
    assert_eq!(h.state().document().project(), &before);
}

#[test]
fn a_big_project_shows_its_sheets_first_and_keeps_edits_made_while_its_visits_load() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.medfunnel");
    let mut project = medfunnel::demo::demo_project();
    let names: Vec<std::sync::Arc<str>> = ["Стоматология", "Гинекология"].iter().map(|s| (*s).into()).collect();
    let n = 400_000;
    project.visits = Some(
        (0..n)
            .map(|i| VisitRecord {
                date: NaiveDate::from_ymd_opt(2025, 1 + (i % 12) as u32, 1 + (i % 28) as u32).unwrap(),
                patient: Some(format!("{:064x}", i % 90_000).into()),
                direction: Some(names[i % 2].clone()),
                doctor: None,
                amount: 1000.0 + (i % 700) as f64,
                branch: None,
            })
            .collect(),
    );
    medfunnel::store::save_project(&project, &file).unwrap();
    let old = project.plan[0].clone();

    let app = app_in_background(dir.path(), Some(file.clone()));
    // The window opens with the sheets; the visits are read after the first frame.
    assert_eq!(app.document().project().plan, project.plan);
    let mut h = crate::support::unsettled_app_harness(app, [1400.0, 1000.0]);
    if h.state().visits_loading() {
        // Still reading: the views that need the visits say so, and an edit goes in meanwhile.
        h.state_mut().send(Command::Show(View::Cohorts));
        h.step();
        if h.state().visits_loading() {
            // In the status bar and in the view.
            assert_eq!(h.get_all_by_label("Loading visits…").count(), 2);
            h.get_by_label_contains("Cohorts, first-year LTV and AARRR retention appear");
        }
    }
    let edit = Edit::SetCell {
        sheet: Sheet::Plan,
        row: 0,
        col: Sheet::Plan.grid_columns().iter().position(|c| c.key == "revenue_plan").unwrap(),
        old: Value::Num(old.revenue_plan),
        new: Value::Num(1_234_567.0),
    };
    h.state_mut().send(Command::Apply(edit));
    h.step();
    step_until(&mut h, |h| !h.state().visits_loading());
    h.step();
    let p = h.state().document().project().clone();
    assert_eq!(p.visits.as_deref().map(<[_]>::len), Some(n), "the visits are in");
    assert_eq!(p.plan[0].revenue_plan, 1_234_567.0, "the edit made meanwhile is kept");
    // The edit went into the file as it happened, beside the visits.
    drop(h);
    let saved = medfunnel::store::load_project(&file).unwrap();
    assert_eq!(saved.plan[0].revenue_plan, 1_234_567.0);
    assert_eq!(saved.visits.as_deref().map(<[_]>::len), Some(n));

    // A whole save (Save as) runs behind the bar too, and the window picks up its result.
    let app = app_in_background(dir.path(), Some(file.clone()));
    let mut h = crate::support::unsettled_app_harness(app, [1400.0, 1000.0]);
    let copy = dir.path().join("copy.medfunnel");
    h.state_mut().send(Command::SaveTo(copy.clone()));
    step_until(&mut h, |h| !h.state().visits_loading() && !h.state().busy() && h.state().path() == Some(&copy));
    assert!(h.state().status().unwrap_or_default().contains("Saved"), "{:?}", h.state().status());
    drop(h);
    let copied = medfunnel::store::load_project(&copy).unwrap();
    assert_eq!(copied.visits.as_deref().map(<[_]>::len), Some(n), "the save waited for the visits");
    assert_eq!(copied.plan, saved.plan);
}

/// A project file too big to read before the first frame (a chain's ten million rows) is opened
/// behind the progress bar: the window is there at once, the file is in a few frames later.
#[test]
fn a_big_project_file_given_at_start_opens_behind_the_progress_bar() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("chain.medfunnel");
    let chain = medfunnel::demo::demo_chain();
    medfunnel::store::save_project(&chain, &file).unwrap();
    // 128 MB of a table the project does not read: the size of a big chain, quick to write.
    let db = rusqlite::Connection::open(&file).unwrap();
    db.execute_batch("CREATE TABLE padding(b BLOB); INSERT INTO padding VALUES (zeroblob(134217728));").unwrap();
    drop(db);

    let app = app_in_background(dir.path(), Some(file.clone()));
    assert!(app.busy(), "the file is being opened on a thread of its own");
    let mut h = crate::support::unsettled_app_harness(app, [1400.0, 1000.0]);
    h.step();
    h.get_by_label_contains("Opening the file…");
    step_until(&mut h, |h| !h.state().busy());
    assert_eq!(h.state().path(), Some(file.as_path()));
    assert_eq!(h.state().document().project().funnel, chain.funnel);
    assert!(h.state().window_title().starts_with("chain.medfunnel"));
}
