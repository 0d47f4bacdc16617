//! The walk through the app for docs/screenshots: every view and dialog of the demo clinic at
//! 1024×700 and 1920×1080 in Russian, English and Chinese, drawn offscreen with the app's own
//! renderer for saved charts. Ignored by default (it writes pictures, it checks nothing the other
//! tests do not); run with `MEDFUNNEL_SHOTS=<folder> cargo test --test integration walk -- --ignored`.

use medfunnel::demo::demo_project;
use medfunnel::format::Lang;
use medfunnel::format::Locale;
use medfunnel::metrics::{Filter, compute};
use medfunnel::model::Sheet;
use medfunnel::ui::app::files::AppDirs;
use medfunnel::ui::charts::{ChartTab, ChartsState, PictureOf, chart_pictures, render_offscreen, write_png};
use medfunnel::ui::{App, Command, Startup, View};

/// Each stop of the walk: its file name and the commands that lead there.
fn stops() -> Vec<(&'static str, Vec<Command>)> {
    let show = |v| vec![Command::Show(v)];
    vec![
        ("dashboard", show(View::Dashboard)),
        ("charts", show(View::Charts)),
        ("decisions", show(View::Decisions)),
        ("cohorts", show(View::Cohorts)),
        ("aarrr", show(View::Aarrr)),
        ("calls", show(View::Calls)),
        ("branches", show(View::Branches)),
        ("problems", show(View::Problems)),
        ("funnel-sheet", show(View::Sheet(Sheet::Funnel))),
        ("doctors-sheet", show(View::Sheet(Sheet::Doctors))),
        ("settings", show(View::Sheet(Sheet::Settings))),
        ("plan-dialog", vec![Command::Show(View::Dashboard), Command::BuildPlan]),
        ("import-dialog", vec![Command::Show(View::Dashboard), Command::ImportExports]),
        ("meeting", vec![Command::Meeting(true)]),
    ]
}

#[test]
#[ignore = "writes the docs' screenshots"]
fn walk_every_view_in_three_languages_and_two_sizes() {
    let Some(out) = std::env::var_os("MEDFUNNEL_SHOTS") else { return };
    let out = std::path::PathBuf::from(out);
    std::fs::create_dir_all(&out).unwrap();
    let only = std::env::var("MEDFUNNEL_SHOTS_ONLY").unwrap_or_default();
    for lang in [Lang::Ru, Lang::En, Lang::Zh] {
        for size in [[1024, 700], [1920, 1080]] {
            for (name, commands) in stops() {
                if !only.is_empty() && !only.split(',').any(|o| o == name) {
                    continue;
                }
                let dir = tempfile::tempdir().unwrap();
                let mut app = App::new(Startup {
                    file: None,
                    dirs: Some(AppDirs::inside(dir.path())),
                    reopen_last: false,
                    lang: Some(lang),
                });
                for c in commands {
                    app.send(c);
                }
                let image = render_offscreen(size, 1.0, egui::Theme::Dark, false, |ui| app.frame_ui(ui));
                let file = out.join(format!("{name}-{}-{}x{}.png", lang.code(), size[0], size[1]));
                write_png(&image, &file, lang).unwrap();
            }
        }
        // "Save chart as PNG" as the user gets it, every tab (short and tall ones).
        if only.is_empty() || only.split(',').any(|o| o == "chart-png") {
            let (project, filter) = (demo_project(), Filter::default());
            let kpis = compute(&project, &filter);
            let loc = Locale::new(lang, "RUB");
            for tab in ChartTab::ALL {
                let mut state = ChartsState::default();
                state.tab = tab;
                let subtitle = "Клиника «Здоровье+» · 2025–2026";
                let of = PictureOf { project: &project, kpis: &kpis, filter: &filter, loc, subtitle };
                let pictures = chart_pictures(&mut state, of);
                for (i, picture) in pictures.iter().enumerate() {
                    let file = out.join(format!("chart-png-{tab:?}-{}-{}.png", i + 1, lang.code()).to_lowercase());
                    write_png(&picture.image, &file, lang).unwrap();
                }
            }
        }
    }
}
