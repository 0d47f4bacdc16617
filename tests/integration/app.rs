//! The real app driven with egui_kittest: open a project, edit the Plan and see the dashboard
//! follow, undo, paste a TSV block from a spreadsheet, switch the language, save and reopen.

use std::path::Path;

use chrono::NaiveDate;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use medfunnel::format::{self, Lang, Locale};
use medfunnel::model::{BudgetRow, Channel, Direction, FunnelRow, Month, PlanRow, Project, RevenueRow, Sheet, Tier};
use medfunnel::ui::app::files::AppDirs;
use medfunnel::ui::{App, Command, Startup, View};

fn m(month: u32) -> Month {
    Month::new(2025, month).unwrap()
}

/// A small clinic: two months of plan, budget, funnel and revenue, one direction, two channels.
pub(crate) fn clinic() -> Project {
    let mut p = Project::new();
    p.settings.clinic = "Клиника Тест".into();
    p.directions
        .push(Direction { name: "Стоматология".into(), margin: 0.4, visits_per_patient: Some(3.0) });
    p.channels.push(Channel { name: "Яндекс Директ".into(), tier: Tier::Proven, ..Channel::default() });
    p.channels.push(Channel { name: "Сарафан".into(), tier: Tier::Scaling, ..Channel::default() });
    for month in [1, 2] {
        p.plan.push(PlanRow {
            branch: None,
            month: m(month),
            direction: None,
            revenue_plan: 1_000_000.0,
            leads_plan: Some(300.0),
            booking_rate_plan: Some(0.6),
            show_rate_plan: Some(0.8),
            paid_rate_plan: Some(0.7),
            revenue_per_paid_plan: Some(10_000.0),
        });
        p.budget.push(BudgetRow {
            branch: None,
            month: m(month),
            channel: "Яндекс Директ".into(),
            budget_plan: Some(60_000.0),
            spend: Some(50_000.0),
        });
        p.funnel.push(FunnelRow {
            branch: None,
            month: m(month),
            channel: "Яндекс Директ".into(),
            direction: Some("Стоматология".into()),
            leads: Some(250.0),
            bookings: Some(150.0),
            visits: Some(100.0),
            paid: Some(60.0),
            revenue: Some(600_000.0),
            returning_leads: None,
        });
        p.revenue.push(RevenueRow {
            branch: None,
            month_row: false,
            date: NaiveDate::from_ymd_opt(2025, month, 28).unwrap(),
            direction: Some("Стоматология".into()),
            revenue: 900_000.0,
            checks: Some(90.0),
            new_patients: Some(60.0),
            repeat_patients: Some(30.0),
        });
    }
    p
}

/// The app with its preferences and recovery file in `dir`, opened on `project`.
pub(crate) fn harness(dir: &Path, project: &Project, lang: Lang) -> Harness<'static, App> {
    harness_sized(dir, project, lang, [1400.0, 900.0])
}

/// [`harness`] with a window of `size` points.
pub(crate) fn harness_sized(dir: &Path, project: &Project, lang: Lang, size: [f32; 2]) -> Harness<'static, App> {
    let file = dir.join("clinic.medfunnel");
    medfunnel::store::save_project(project, &file).unwrap();
    harness_on(dir, file, lang, size)
}

/// As [`harness`], on a JSON project of the first format: the app cannot write edits into it
/// before a save converts it, so unsaved changes and the recovery file behave as for a workbook.
fn legacy_harness(dir: &Path, project: &Project, lang: Lang) -> Harness<'static, App> {
    let file = dir.join("clinic.medfunnel");
    let old = Project { format_version: 1, ..project.clone() };
    std::fs::write(&file, serde_json::to_vec_pretty(&old).unwrap()).unwrap();
    harness_on(dir, file, lang, [1400.0, 900.0])
}

fn harness_on(dir: &Path, file: std::path::PathBuf, lang: Lang, size: [f32; 2]) -> Harness<'static, App> {
    let app =
        App::new(Startup { file: Some(file), dirs: Some(AppDirs::inside(dir)), reopen_last: false, lang: Some(lang) });
    crate::support::app_harness(app, size)
}

fn completion(app: &mut App) -> Option<f64> {
    app.kpis().total.kpis.completion_to_date
}

#[test]
fn editing_the_plan_moves_the_dashboard_and_undo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &clinic(), Lang::Ru);
    // Revenue 1.8 M against a plan of 2 M.
    assert_eq!(completion(h.state_mut()), Some(0.9));
    h.get_by_label_contains(&format!("выполнение на сегодня {}", format::percent(Some(0.9), Lang::Ru)));

    // Plan sheet: click February's revenue plan and type a new one.
    h.get_by_label("План").click();
    h.run();
    assert_eq!(h.state().view(), View::Sheet(Sheet::Plan));
    let feb_cells = h.get_all_by_label(&format::money(Some(1_000_000.0), Locale::new(Lang::Ru, "RUB"))).count();
    assert!(feb_cells >= 2, "both plan cells are drawn");
    // The summary above the grid shows the same figures; the grid's February cell is the last.
    h.get_all_by_label(&format::money(Some(1_000_000.0), Locale::new(Lang::Ru, "RUB"))).last().unwrap().click();
    h.run();
    h.event(Event::Text("800 000".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().document().project().plan[1].revenue_plan, 800_000.0);
    // 1.8 M / 1.8 M.
    assert_eq!(completion(h.state_mut()), Some(1.0));

    h.get_by_label("Сводка").click();
    h.run();
    h.get_by_label_contains(&format!("выполнение на сегодня {}", format::percent(Some(1.0), Lang::Ru)));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().document().project().plan[1].revenue_plan, 1_000_000.0);
    h.get_by_label_contains(&format!("выполнение на сегодня {}", format::percent(Some(0.9), Lang::Ru)));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().document().project().plan[1].revenue_plan, 800_000.0);
}

#[test]
fn invalid_input_is_refused_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &clinic(), Lang::Ru);
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Plan)));
    h.run();
    h.state_mut().grid_mut(Sheet::Plan).select_model_cell(0, 2);
    h.run();
    h.event(Event::Text("много".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().document().project().plan[0].revenue_plan, 1_000_000.0);
    h.get_by_label_contains("«много» — не число");
    assert!(h.state().document().history().undo_len() == 0);
    // Escape leaves the cell as it was.
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state_mut().grid_mut(Sheet::Plan).is_editing());
}

#[test]
fn pasting_a_column_from_a_spreadsheet_grows_the_sheet_and_undoes_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &clinic(), Lang::Ru);
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Budget)));
    h.run();
    let before = h.state().document().project().clone();
    let spend_before = h.state_mut().kpis().total.kpis.spend;
    // Spend column, first row; three values for two rows: the sheet grows by one.
    h.state_mut().grid_mut(Sheet::Budget).select_model_cell(0, 3);
    h.run();
    h.event(Event::Paste("45 000\r\n55\u{a0}000,50\r\n12000\r\n".into()));
    h.run();
    let budget = &h.state().document().project().budget;
    assert_eq!(budget.len(), 3);
    assert_eq!(budget[0].spend, Some(45_000.0));
    assert_eq!(budget[1].spend, Some(55_000.5));
    assert_eq!(budget[2].spend, Some(12_000.0));
    assert_eq!(budget[2].month, m(2), "a new row takes the month of the row above");
    assert_eq!(h.state_mut().kpis().total.kpis.spend, Some(45_000.0 + 55_000.5 + 12_000.0));

    // A block with text in a number column is refused whole.
    h.state_mut().grid_mut(Sheet::Budget).select_model_cell(0, 3);
    h.run();
    h.event(Event::Paste("1\nдвадцать\n".into()));
    h.run();
    assert_eq!(h.state().document().project().budget[0].spend, Some(45_000.0));
    h.get_by_label_contains("«двадцать»");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().document().project(), &before);
    assert_eq!(h.state_mut().kpis().total.kpis.spend, spend_before);
}

#[test]
fn copy_fill_down_and_delete_work_on_the_range() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &clinic(), Lang::En);
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Funnel)));
    h.run();
    h.state_mut().grid_mut(Sheet::Funnel).select_model_cell(0, 3);
    h.run();
    // Select leads and bookings of both rows, copy.
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    h.run();
    h.event(Event::Copy);
    h.step();
    let copied = h.output().platform_output.commands.iter().find_map(|c| match c {
        egui::OutputCommand::CopyText(t) => Some(t.clone()),
        _ => None,
    });
    assert_eq!(copied.as_deref(), Some("250\t150\n250\t150\n"));

    // Change the first row's leads, fill it down.
    h.state_mut().grid_mut(Sheet::Funnel).select_model_cell(0, 3);
    h.run();
    h.event(Event::Text("300".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    let funnel = &h.state().document().project().funnel;
    assert_eq!((funnel[0].leads, funnel[1].leads), (Some(300.0), Some(300.0)));

    // Delete clears optional cells only.
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().document().project().funnel[1].leads, None);
    h.key_press(Key::ArrowLeft);
    h.key_press(Key::ArrowLeft);
    h.key_press(Key::ArrowLeft);
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().document().project().funnel[1].month, m(2), "a required month is kept");
}

#[test]
fn switching_the_language_relabels_everything_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &clinic(), Lang::Ru);
    h.get_by_label("Сводка");
    h.get_by_label("Язык").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.state().lang(), Lang::En);
    h.get_by_label("Dashboard");
    h.get_by_label("Revenue vs plan");
    assert!(h.query_by_label("Сводка").is_none());
    // The next start reads the choice back.
    let app = App::new(Startup { file: None, dirs: Some(AppDirs::inside(dir.path())), reopen_last: false, lang: None });
    assert_eq!(app.lang(), Lang::En);
}

#[test]
fn saving_and_reopening_gives_the_same_model() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &clinic(), Lang::Ru);
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Channels)));
    h.run();
    // Pick a tier from the list: F2 opens it, arrows move, Enter picks.
    h.state_mut().grid_mut(Sheet::Channels).select_model_cell(1, 1);
    h.run();
    h.key_press(Key::F2);
    h.run();
    h.get_by_label("эксперимент").click();
    h.run();
    assert_eq!(h.state().document().project().channels[1].tier, Tier::Experiment);
    // The edit went straight into the project file.
    assert!(!h.state().document().is_dirty());
    assert!(!h.state().window_title().starts_with('●'));
    let in_file = medfunnel::store::load_project(&dir.path().join("clinic.medfunnel")).unwrap();
    assert_eq!(&in_file, h.state().document().project());

    let out = dir.path().join("saved.medfunnel");
    h.state_mut().send(Command::SaveTo(out.clone()));
    h.run();
    assert!(!h.state().document().is_dirty());
    assert_eq!(h.state().path(), Some(out.as_path()));
    assert!(!h.state().window_title().starts_with('●'));
    let saved = h.state().document().project().clone();

    let again =
        App::new(Startup { file: Some(out), dirs: Some(AppDirs::inside(dir.path())), reopen_last: false, lang: None });
    assert_eq!(again.document().project(), &saved);
    assert!(!again.document().is_dirty());
}

#[test]
fn an_edit_of_a_project_file_survives_a_crash_without_a_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &clinic(), Lang::Ru);
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Plan)));
    h.run();
    h.state_mut().grid_mut(Sheet::Plan).select_model_cell(0, 2);
    h.run();
    h.event(Event::Text("7 654 321".into()));
    h.key_press(Key::Enter);
    h.run();
    let edited = h.state().document().project().clone();
    assert_eq!(edited.plan[0].revenue_plan, 7_654_321.0);
    // "Kill" the app: drop it without on_exit.
    drop(h);
    let app = App::new(Startup {
        file: None,
        dirs: Some(AppDirs::inside(dir.path())),
        reopen_last: true,
        lang: Some(Lang::Ru),
    });
    assert_eq!(app.document().project(), &edited);
    assert!(!app.document().is_dirty());
    assert!(!AppDirs::inside(dir.path()).recovery_path().exists());
}

#[test]
fn a_json_project_opens_with_a_notice_and_its_first_save_converts_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = legacy_harness(dir.path(), &clinic(), Lang::Ru);
    assert_eq!(h.state().document().project(), &clinic());
    h.state_mut().send(Command::Apply(medfunnel::document::edit::Edit::SetCell {
        sheet: Sheet::Plan,
        row: 0,
        col: 2,
        old: medfunnel::document::sheets::Value::Num(1_000_000.0),
        new: medfunnel::document::sheets::Value::Num(5.0),
    }));
    h.run();
    assert!(h.state().document().is_dirty(), "a JSON project is not written edit by edit");
    let file = dir.path().join("clinic.medfunnel");
    assert_eq!(std::fs::read(&file).unwrap()[0], b'{');
    h.state_mut().send(Command::Save);
    h.run();
    assert!(!h.state().document().is_dirty());
    assert!(std::fs::read(&file).unwrap().starts_with(b"SQLite format 3\0"));
    assert_eq!(&medfunnel::store::load_project(&file).unwrap(), h.state().document().project());
    // From now on edits go into the file as they happen.
    h.state_mut().send(Command::Undo);
    h.run();
    assert!(!h.state().document().is_dirty());
    assert_eq!(medfunnel::store::load_project(&file).unwrap(), clinic());
}

#[test]
fn unsaved_changes_survive_a_crash_through_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = legacy_harness(dir.path(), &clinic(), Lang::Ru);
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Plan)));
    h.run();
    h.state_mut().grid_mut(Sheet::Plan).select_model_cell(0, 2);
    h.run();
    h.event(Event::Text("1 234 567".into()));
    h.key_press(Key::Enter);
    h.run();
    h.state_mut().autosave_now();
    let edited = h.state().document().project().clone();
    assert_eq!(edited.plan[0].revenue_plan, 1_234_567.0);
    // "Kill" the app: drop it without on_exit.
    drop(h);

    let app = App::new(Startup {
        file: None,
        dirs: Some(AppDirs::inside(dir.path())),
        reopen_last: true,
        lang: Some(Lang::Ru),
    });
    let mut h = crate::support::app_harness(app, [1400.0, 900.0]);
    h.get_by_label("Восстановить").click();
    h.run();
    assert_eq!(h.state().document().project(), &edited);
    assert!(h.state().document().is_dirty(), "restored changes still need saving");
}

#[test]
fn a_hundred_thousand_rows_scroll_without_building_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = clinic();
    let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    p.revenue = (0..100_000u64)
        .map(|i| RevenueRow {
            branch: None,
            month_row: false,
            date: first + chrono::Days::new(i % 9000),
            direction: None,
            revenue: i as f64,
            checks: None,
            new_patients: None,
            repeat_patients: None,
        })
        .collect();
    let mut h = harness(dir.path(), &p, Lang::En);
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Revenue)));
    h.run();
    h.state_mut().grid_mut(Sheet::Revenue).select_model_cell(0, 2);
    h.run();
    let start = std::time::Instant::now();
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowDown);
    h.run();
    for _ in 0..5 {
        h.key_press(Key::ArrowUp);
        h.step();
    }
    h.run();
    // The last rows are on screen; only the visible ones were laid out.
    h.get_by_label(&format::money(Some(99_994.0), Locale::new(Lang::En, "RUB")));
    assert!(h.query_by_label(&format::money(Some(50_000.0), Locale::new(Lang::En, "RUB"))).is_none());
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

#[test]
fn the_demo_opens_by_default_and_follows_a_plan_edit() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::new(Startup {
        file: None,
        dirs: Some(AppDirs::inside(dir.path())),
        reopen_last: true,
        lang: Some(Lang::Ru),
    });
    let mut h = crate::support::app_harness(app, [1400.0, 900.0]);
    assert_eq!(h.state().document().project(), &medfunnel::demo::demo_project());
    h.get_by_label("Выручка и план");
    let before = completion(h.state_mut()).unwrap();
    // Double the plan of the first whole-clinic Plan row through the grid.
    let row = h.state().document().project().plan.iter().position(|r| r.direction.is_none()).unwrap();
    let plan = h.state().document().project().plan[row].revenue_plan;
    h.get_by_label("План").click();
    h.run();
    h.state_mut().grid_mut(Sheet::Plan).select_model_cell(row, 2);
    h.run();
    h.event(Event::Text(format!("{}", plan * 2.0)));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().document().project().plan[row].revenue_plan, plan * 2.0);
    let after = completion(h.state_mut()).unwrap();
    assert!(after < before, "completion {before} → {after}");
    h.get_by_label("Сводка").click();
    h.run();
    h.get_by_label_contains(&format!("выполнение на сегодня {}", format::percent(Some(after), Lang::Ru)));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(completion(h.state_mut()), Some(before));
}

/// A Russian clinic workbook with one unreadable plan value.
fn russian_workbook(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("клиника.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Каналы").unwrap();
    for (r, row) in
        [["канал", "категория"], ["Яндекс Директ", "проверенный"], ["Сарафан", "масштабирование"]].iter().enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    let ws = wb.add_worksheet();
    ws.set_name("План").unwrap();
    for (r, row) in
        [["месяц", "план выручки"], ["янв 2025", "1 000 000"], ["фев 2025", "много"], ["мар 2025", "1 200 000 ₽"]]
            .iter()
            .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(&path).unwrap();
    path
}

#[test]
fn an_imported_workbook_lists_its_problems_and_a_click_shows_the_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &clinic(), Lang::Ru);
    let book = russian_workbook(dir.path());
    h.state_mut().send(Command::OpenPath(book));
    h.run();
    // Opening a file with unsaved changes asks first; here nothing was changed.
    assert_eq!(h.state().document().project().plan.len(), 2);
    assert_eq!(h.state().view(), View::Problems);
    assert!(h.state().document().is_dirty(), "an import is not saved as a project yet");
    let error = h.state().notices().iter().position(|n| n.error && n.value.as_deref() == Some("много")).unwrap();
    let text = h.state().notices()[error].text(Lang::Ru);
    // The Russian app words the importer's problems in Russian.
    assert!(text.contains("«много» — не число; строка не загружена."), "{text}");
    h.get_by_label(&text).click();
    h.run();
    assert_eq!(h.state().view(), View::Sheet(Sheet::Plan));
    assert!(h.state_mut().grid_mut(Sheet::Plan).message.as_deref() == Some(text.as_str()));
}

#[test]
fn unsaved_changes_are_not_dropped_by_opening_another_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = legacy_harness(dir.path(), &clinic(), Lang::Ru);
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Plan)));
    h.run();
    h.state_mut().grid_mut(Sheet::Plan).select_model_cell(0, 2);
    h.run();
    h.event(Event::Text("5".into()));
    h.key_press(Key::Enter);
    h.run();
    h.state_mut().send(Command::Demo);
    h.run();
    h.get_by_label("Несохранённые изменения");
    h.get_by_label("Отмена").click();
    h.run();
    assert_eq!(h.state().document().project().plan[0].revenue_plan, 5.0);
}

#[test]
fn the_exported_template_imports_back_to_the_same_model() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &clinic(), Lang::Ru);
    let out = dir.path().join("шаблон.xlsx");
    h.state_mut().send(Command::ExportTo(out.clone()));
    h.run();
    assert!(out.exists(), "{:?}", h.state().status());
    let back = medfunnel::import::import_workbook(&out).unwrap();
    let mut expected = clinic();
    expected.settings.key_fingerprint = back.project.settings.key_fingerprint.clone();
    assert_eq!(back.project.plan, expected.plan);
    assert_eq!(back.project.budget, expected.budget);
    assert_eq!(back.project.funnel, expected.funnel);
    assert_eq!(back.project.revenue, expected.revenue);
    assert_eq!(back.project.channels, expected.channels);
}

#[test]
fn file_export_report_writes_the_analyst_workbook_in_the_ui_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &clinic(), Lang::Ru);
    let out = dir.path().join("отчёт");
    h.state_mut().send(Command::ExportReportTo(out.clone()));
    h.run();
    let written = out.with_extension("xlsx");
    assert!(written.exists(), "{:?}", h.state().status());
    let wb = calamine::open_workbook_auto(&written).unwrap();
    let names = calamine::Reader::sheet_names(&wb);
    assert!(names.iter().any(|n| n == "Сводка"), "{names:?}");
    // The data sheets inside the report import back to the project shown.
    let back = medfunnel::import::import_workbook(&written).unwrap();
    assert_eq!(back.project.plan, clinic().plan);
}

#[test]
fn renaming_a_channel_keeps_its_rows_attached_and_undoes_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &clinic(), Lang::Ru);
    let spend = h.state_mut().kpis().channels[0].spend;
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Channels)));
    h.run();
    h.state_mut().grid_mut(Sheet::Channels).select_model_cell(0, 0);
    h.run();
    h.key_press(Key::F2);
    h.run();
    // Select the old name in the editor and type over it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(Event::Text("Яндекс".into()));
    h.key_press(Key::Enter);
    h.run();
    let p = h.state().document().project();
    assert_eq!(p.channels[0].name, "Яндекс");
    assert!(p.budget.iter().all(|b| b.channel == "Яндекс"));
    assert!(p.funnel.iter().all(|f| f.channel == "Яндекс"));
    assert_eq!(h.state_mut().kpis().channels[0].spend, spend);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().document().project(), &clinic());
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = legacy_harness(dir.path(), &clinic(), Lang::Ru);
    h.state_mut().send(Command::Apply(medfunnel::document::edit::Edit::SetCell {
        sheet: Sheet::Plan,
        row: 0,
        col: 2,
        old: medfunnel::document::sheets::Value::Num(1_000_000.0),
        new: medfunnel::document::sheets::Value::Num(1.0),
    }));
    h.run();
    assert!(h.state().document().is_dirty());
    let close_requested = |h: &mut Harness<'static, App>| {
        h.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    };
    close_requested(&mut h);
    h.step();
    let cancelled = h
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::CancelClose));
    assert!(cancelled, "the close waits for an answer");
    h.run();
    h.get_by_label("Несохранённые изменения");
    h.get_by_label("Отмена").click();
    h.run();
    assert!(h.query_by_label("Несохранённые изменения").is_none());
    assert!(h.state().document().is_dirty());

    close_requested(&mut h);
    h.run();
    h.get_by_label("Не сохранять").click();
    h.step();
    let closed = h
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::Close));
    assert!(closed, "«Don't save» closes the window");
}
