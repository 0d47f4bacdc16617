//! The sheet grid as a user meets it at 1024×700: wide sheets scroll sideways with their key
//! columns frozen, a column's header filters its rows, and Tab wraps to the next row.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use medfunnel::document::sheets;
use medfunnel::format::Lang;
use medfunnel::model::Sheet;
use medfunnel::ui::app::files::AppDirs;
use medfunnel::ui::{App, Command, Startup, View};

fn demo_at_1024(dir: &std::path::Path) -> Harness<'static, App> {
    let app =
        App::new(Startup { file: None, dirs: Some(AppDirs::inside(dir)), reopen_last: false, lang: Some(Lang::Ru) });
    crate::support::app_harness(app, [1024.0, 700.0])
}

#[test]
fn a_wide_sheet_scrolls_sideways_and_keeps_its_key_columns() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo_at_1024(dir.path());
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Doctors)));
    h.run();
    // Eleven columns do not fit in 1024 px: the last one is off screen, not drawn.
    h.get_by_label("Врач*");
    assert!(h.query_by_label("Выполнено").is_none(), "the last column should be scrolled out of view");
    // End takes the cursor to the last column and scrolls it into view; the frozen key columns
    // (month, doctor) stay where they were.
    h.state_mut().grid_mut(Sheet::Doctors).select_model_cell(0, 0);
    h.run();
    h.key_press(Key::End);
    h.run();
    h.get_by_label("Выполнено");
    h.get_by_label("Месяц*");
    h.get_by_label("Врач*");
}

#[test]
fn a_column_filter_from_the_header_keeps_matching_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo_at_1024(dir.path());
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Funnel)));
    h.run();
    let all = h.state_mut().grid_mut(Sheet::Funnel).shown_rows();
    let project = h.state().document().project().clone();
    let channel = project.funnel[0].channel.clone();
    let expected = project.funnel.iter().filter(|r| r.channel.to_lowercase().contains(&channel.to_lowercase())).count();
    assert!(expected < all);
    h.get_by_label("Фильтр столбца: Канал").click();
    h.run();
    h.get_by_label("Показывать строки, где есть:").type_text(&channel);
    h.run();
    assert_eq!(h.state_mut().grid_mut(Sheet::Funnel).shown_rows(), expected);
    h.get_by_label_contains(&format!("Строк: {expected} / {all}"));
    h.get_by_label("Сбросить фильтр").click();
    h.run();
    assert_eq!(h.state_mut().grid_mut(Sheet::Funnel).shown_rows(), all);
}

#[test]
fn tab_wraps_to_the_first_column_of_the_next_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo_at_1024(dir.path());
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Budget)));
    h.run();
    let last = Sheet::Budget.grid_columns().len() - 1;
    h.state_mut().grid_mut(Sheet::Budget).select_model_cell(0, last);
    h.run();
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(h.state_mut().grid_mut(Sheet::Budget).cursor(), (1, 0));
    // Shift+Tab goes back to the end of the previous row; a second Tab keeps moving in the row.
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::Tab);
    h.run();
    assert_eq!(h.state_mut().grid_mut(Sheet::Budget).cursor(), (0, last));
    h.key_press(Key::Tab);
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(h.state_mut().grid_mut(Sheet::Budget).cursor(), (1, 1));
}

#[test]
fn key_columns_start_wide_enough_for_their_longest_value() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo_at_1024(dir.path());
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Funnel)));
    h.run();
    let project = h.state().document().project().clone();
    let longest = project.funnel.iter().map(|r| r.channel.as_str()).max_by_key(|c| c.chars().count()).unwrap();
    let font = egui::TextStyle::Body.resolve(&h.ctx.global_style());
    let need = h.ctx.fonts_mut(|f| f.layout_no_wrap(longest.to_string(), font, egui::Color32::WHITE).size().x);
    let channel = Sheet::Funnel.grid_columns().iter().position(|c| c.key == "channel").unwrap();
    let widths = h.state_mut().grid_mut(Sheet::Funnel).column_widths().to_vec();
    assert!(widths[channel] >= need + 12.0, "«{longest}» needs {need}, the column is {}", widths[channel]);
    // The first row's month and channel are drawn whole, not cut with «…».
    let loc = medfunnel::format::Locale::new(Lang::Ru, "RUB");
    let month = sheets::display(&sheets::get(&project, Sheet::Funnel, 0, 0), sheets::kind(Sheet::Funnel, 0, 0), loc);
    for text in [month, project.funnel[0].channel.to_string()] {
        let font = egui::TextStyle::Body.resolve(&h.ctx.global_style());
        let need = h.ctx.fonts_mut(|f| f.layout_no_wrap(text.clone(), font, egui::Color32::WHITE).size().x);
        let shown = h.get_all_by_label(&text).next().unwrap().rect().width();
        assert!(shown >= need - 0.5, "«{text}» needs {need}, is drawn {shown} wide");
    }
    // A month column is not given the width of a text column.
    let month = Sheet::Funnel.grid_columns().iter().position(|c| c.key == "month").unwrap();
    assert!(widths[month] < widths[channel], "{widths:?}");
}
