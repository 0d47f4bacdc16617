//! Meeting mode and the AARRR view, driven through the real app: enter with F11, move with the
//! keys, the dots and a click, jump with the number keys, leave with Esc, and read each screen's
//! title sentence through AccessKit, in Russian and in English.

use egui::Key;
use egui_kittest::kittest::Queryable;
use medfunnel::analysis::story::{self, Step};
use medfunnel::demo::demo_project;
use medfunnel::format::Lang;
use medfunnel::metrics::{self, Filter};
use medfunnel::ui::View;

use medfunnel::ui::Command;

use super::app::{harness, harness_sized};

/// The story's title sentences in `lang`.
fn the_story(lang: Lang) -> Vec<(Step, String)> {
    let p = demo_project();
    let k = metrics::compute(&p, &Filter::default());
    let s = story::story(&p, &Filter::default(), &k);
    medfunnel::i18n::story::titles(&s, medfunnel::format::Locale::new(lang, &p.settings.currency))
}

#[test]
fn walk_the_seven_screens_in_both_languages() {
    for (lang, leave, first_dot) in [(Lang::Ru, "Выйти (Esc)", "Экран 7"), (Lang::En, "Leave (Esc)", "Screen 7")]
    {
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness(dir.path(), &demo_project(), lang);
        let titles: Vec<String> = the_story(lang).into_iter().map(|(_, t)| t).collect();
        assert_eq!(titles.len(), 7);
        assert_eq!(h.state().meeting_screen(), None);

        h.key_press(Key::F11);
        h.run();
        assert_eq!(h.state().meeting_screen(), Some(0));
        h.get_by_label(&titles[0]);
        // No menus, grids or filters in the meeting.
        assert!(h.query_by_label("Файл").is_none() && h.query_by_label("File").is_none());

        for (i, title) in titles.iter().enumerate().skip(1) {
            h.key_press(Key::ArrowRight);
            h.run();
            assert_eq!(h.state().meeting_screen(), Some(i));
            h.get_by_label(title);
        }
        // Past the last screen it stays there.
        h.key_press(Key::Space);
        h.run();
        assert_eq!(h.state().meeting_screen(), Some(6));

        h.key_press(Key::Num3);
        h.run();
        assert_eq!(h.state().meeting_screen(), Some(2));
        h.get_by_label(&titles[2]);
        h.key_press(Key::PageUp);
        h.run();
        assert_eq!(h.state().meeting_screen(), Some(1));
        h.key_press(Key::PageDown);
        h.run();
        assert_eq!(h.state().meeting_screen(), Some(2));

        // The dot navigator.
        h.get_by_label(first_dot).click();
        h.run();
        assert_eq!(h.state().meeting_screen(), Some(6));
        h.get_by_label(&titles[6]);

        // A click on the screen itself moves on.
        h.key_press(Key::Num1);
        h.run();
        h.get_by_label(&titles[0]).click();
        h.run();
        assert_eq!(h.state().meeting_screen(), Some(1));

        h.key_press(Key::Escape);
        h.run();
        assert_eq!(h.state().meeting_screen(), None);
        assert!(h.query_by_label(leave).is_none());
        assert_eq!(h.state().view(), View::Dashboard);

        // The Leave button, after entering again through F11.
        h.key_press(Key::F11);
        h.run();
        h.get_by_label(leave).click();
        h.run();
        assert_eq!(h.state().meeting_screen(), None);
    }
}

#[test]
fn the_aarrr_view_names_the_weakest_link() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &demo_project(), Lang::Ru);
    // Two complete months against the two before them.
    let months = metrics::compute(&demo_project(), &Filter::default()).months;
    let last_complete = months.iter().rev().find(|m| m.state == Some(metrics::MonthState::Complete)).unwrap().month;
    let filter = Filter { from: Some(last_complete.shift(-1)), to: Some(last_complete), ..Filter::default() };
    *h.state_mut().filter_mut() = filter.clone();
    h.get_by_label("AARRR").click();
    h.run();
    assert_eq!(h.state().view(), View::Aarrr);
    let k = metrics::compute(&demo_project(), &filter);
    assert!(k.aarrr.previous.is_some());
    h.get_by_label(&medfunnel::i18n::story::aarrr_sentence(&k, medfunnel::format::Locale::new(Lang::Ru, "RUB")));
    for link in ["Привлечение", "Активация", "Удержание", "Монетизация", "Рекомендации"]
    {
        h.get_by_label(link);
    }
}

#[test]
fn every_screen_fits_a_projector_and_a_laptop() {
    // At 1280×720 and 1920×1080 each title and the dot navigator are inside the window.
    for size in [[1280.0, 720.0], [1920.0, 1080.0]] {
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness_sized(dir.path(), &demo_project(), Lang::En, size);
        let titles: Vec<String> = the_story(Lang::En).into_iter().map(|(_, t)| t).collect();
        h.key_press(Key::F11);
        h.run();
        for (i, title) in titles.iter().enumerate() {
            h.key_press([Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7][i]);
            h.run();
            let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size[0], size[1]));
            let t = h.get_by_label(title).rect();
            assert!(window.contains_rect(t), "{size:?} screen {}: title {t:?}", i + 1);
            for dot in 1..=7 {
                let d = h.get_by_label(&format!("Screen {dot}")).rect();
                assert!(window.contains_rect(d), "{size:?} screen {}: dot {dot} at {d:?}", i + 1);
            }
        }
    }
}

#[test]
fn exporting_the_story_walks_the_screens_from_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &demo_project(), Lang::Ru);
    h.state_mut().send(Command::ExportStoryTo(dir.path().join("story.png")));
    h.run();
    assert_eq!(h.state().meeting_screen(), Some(0));
    assert!(h.state().meeting_exporting());
}
