//! The Charts view and the pace panel under egui_kittest: every tab renders with the demo clinic,
//! charts follow the period, the pace sentence quotes the metrics, a chart saves as PNG.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use medfunnel::demo::demo_project;
use medfunnel::format::{self, Lang, Locale};
use medfunnel::metrics::{Filter, Kpis, compute, month_calendar};
use medfunnel::model::{Month, Project};
use medfunnel::ui::app::files::AppDirs;
use medfunnel::ui::charts::{
    ChartId, ChartTab, ChartsState, PNG_SIZE, PngRequest, charts_view_ui, dashboard_charts_ui, pace_ui, revenue_bars,
};
use medfunnel::ui::{App, Command, Startup, View as AppView};

/// The app's bundled DejaVu Sans: egui's default font has no ₽, and kittest fails on glyphs it
/// cannot draw.
fn install_fonts(ctx: &egui::Context) {
    medfunnel::ui::install_fonts(ctx);
}

struct View {
    state: ChartsState,
    project: Project,
    kpis: Kpis,
    filter: Filter,
    lang: Lang,
}

fn view(filter: Filter, lang: Lang) -> View {
    let project = demo_project();
    let kpis = compute(&project, &filter);
    View { state: ChartsState::default(), project, kpis, filter, lang }
}

fn harness(v: View) -> Harness<'static, View> {
    harness_sized(v, 1000.0)
}

fn harness_sized(v: View, height: f32) -> Harness<'static, View> {
    Harness::builder().with_size(egui::vec2(1280.0, height)).with_context_setup(install_fonts).build_ui_state(
        |ui, v: &mut View| {
            egui::CentralPanel::default().show(ui, |ui| {
                charts_view_ui(ui, &mut v.state, &v.project, &v.kpis, &v.filter, Locale::new(v.lang, "RUB"));
            });
        },
        v,
    )
}

fn m(y: i32, mo: u32) -> Month {
    Month::new(y, mo).unwrap()
}

#[test]
fn every_tab_renders_with_the_demo_clinic_in_both_languages() {
    for lang in Lang::ALL {
        let mut h = harness(view(Filter::default(), lang));
        h.run();
        for tab in ChartTab::ALL {
            h.get_by_label(tab.label(lang)).click();
            h.run();
            assert_eq!(h.state().state.tab, tab, "{lang:?}");
            assert!(h.state().state.chart_rect.is_some(), "{tab:?} drew nothing");
        }
    }
}

#[test]
fn the_tabs_show_their_charts() {
    // Tall enough that every tab's charts are on screen (kittest sees only what is visible).
    let mut h = harness_sized(view(Filter::default(), Lang::En), 2400.0);
    h.run();
    let expect = [
        (ChartTab::Revenue, "Revenue by month: plan vs fact"),
        (ChartTab::Month, "Month in progress by day"),
        (ChartTab::Funnel, "Funnel: leads → bookings → visits → paid — Whole clinic"),
        (ChartTab::Channels, "Channels: ROMI"),
        // The latest month with facts and a full stage plan: October 2026, lost at payment.
        (ChartTab::Directions, "Bottleneck: Paid rate"),
        (ChartTab::Doctors, "Treatment plan: recommended → agreed → performed"),
        (ChartTab::Nps, "NPS by period — All directions"),
    ];
    for (tab, text) in expect {
        h.state_mut().state.tab = tab;
        h.run();
        h.get_by_label_contains(text);
    }
}

#[test]
fn the_revenue_chart_follows_the_period() {
    let all = view(Filter::default(), Lang::Ru);
    let filter = Filter { from: Some(m(2026, 1)), to: Some(m(2026, 6)), ..Filter::default() };
    let part = view(filter, Lang::Ru);
    // One column pair per month of the period.
    assert_eq!(revenue_bars(&all.kpis).len(), all.kpis.months.len());
    assert_eq!(revenue_bars(&part.kpis).len(), 6);
    assert!(revenue_bars(&part.kpis).iter().all(|b| b.month >= m(2026, 1) && b.month <= m(2026, 6)));
    // The caption names the period drawn.
    let mut h = harness(part);
    h.run();
    h.get_by_label_contains("янв 2026 — июн 2026");
    let mut h = harness(all);
    h.run();
    h.get_by_label_contains("сен 2025 — дек 2026");
}

#[test]
fn the_funnel_follows_the_channel_picker_and_filters() {
    let mut h = harness(view(Filter::default(), Lang::En));
    h.state_mut().state.tab = ChartTab::Funnel;
    h.run();
    let channel = h.state().kpis.channels[0].channel.clone();
    h.state_mut().state.channel = Some(channel.clone());
    h.run();
    h.get_by_label_contains(&format!("Funnel: leads → bookings → visits → paid — {channel}"));
    // A filter that drops the picked channel sends the funnel back to the whole clinic.
    let other = h.state().kpis.channels[1].channel.clone();
    let filter = Filter { channel: Some(other), ..Filter::default() };
    let project = h.state().project.clone();
    h.state_mut().kpis = compute(&project, &filter);
    h.state_mut().filter = filter;
    h.run();
    assert_eq!(h.state().state.channel, None);
    h.get_by_label_contains("— Whole clinic");
}

#[test]
fn the_pace_sentence_quotes_the_metrics() {
    let project = demo_project();
    let kpis = compute(&project, &Filter::default());
    let progress = kpis.progress.clone().expect("the demo clinic has a month in progress");
    let calendar = month_calendar(&project, progress.month, &Filter::default());
    for lang in Lang::ALL {
        let (p, c) = (progress.clone(), calendar.clone());
        let mut h = Harness::builder()
            .with_size(egui::vec2(1100.0, 400.0))
            .with_context_setup(install_fonts)
            .build_ui(move |ui| pace_ui(ui, Some(&p), Some(&c), Locale::new(lang, "RUB")));
        h.run();
        let x = format::money(progress.required_pace, Locale::new(lang, "RUB"));
        let y = format::money(progress.current_pace, Locale::new(lang, "RUB"));
        let sentence = match lang {
            Lang::Ru => {
                format!("Чтобы выполнить план, каждый полный рабочий день должен приносить {x} (сейчас в среднем {y})")
            }
            Lang::En => {
                format!("To make the plan, each full working day from now must bring {x} (today's average: {y})")
            }
            Lang::Zh => format!("要完成计划，从现在起每个完整工作日需带来 {x} (目前平均： {y})"),
        };
        h.get_by_label(&sentence);
        h.get_by_label_contains(&format::money(progress.forecast, Locale::new(lang, "RUB")));
        h.get_by_label_contains(&format::money(Some(progress.revenue_plan), Locale::new(lang, "RUB")));
        // The week line: ISO week 47 of 2026 holds Thursday 19 November, the day after the data.
        let week = match lang {
            Lang::Ru => "Неделя 47 (16.11–22.11)",
            Lang::En => "Week 47 (Nov 16–Nov 22)",
            Lang::Zh => "周 47 (11月16日–11月22日)",
        };
        h.get_by_label_contains(week);
    }
}

#[test]
fn without_a_month_in_progress_the_panel_says_so() {
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 200.0))
        .with_context_setup(install_fonts)
        .build_ui(|ui| pace_ui(ui, None, None, Locale::new(Lang::En, "RUB")));
    h.run();
    h.get_by_label_contains("No month in progress");
    // A period filter does not hide the month in progress (domain.md: it ignores the filter).
    let k = compute(&demo_project(), &Filter { to: Some(m(2026, 3)), ..Filter::default() });
    assert!(k.progress.is_some());
}

#[test]
fn the_dashboard_part_renders() {
    let project = demo_project();
    let kpis = compute(&project, &Filter::default());
    let calendar = kpis.progress.as_ref().map(|p| month_calendar(&project, p.month, &Filter::default()));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 700.0))
        .with_context_setup(install_fonts)
        .build_ui(move |ui| dashboard_charts_ui(ui, &kpis, calendar.as_ref(), Locale::new(Lang::Ru, "RUB"), 260.0));
    h.run();
    h.get_by_label_contains("Чтобы выполнить план");
    h.get_by_label("Выручка по месяцам: план и факт");
}

/// The saved picture's size and the mean brightness (0..255) of its first row.
fn read_png(path: &std::path::Path) -> ([u32; 2], f64) {
    let mut r = png::Decoder::new(std::io::Cursor::new(std::fs::read(path).unwrap())).read_info().unwrap();
    let mut buf = vec![0; r.output_buffer_size().unwrap()];
    let info = r.next_frame(&mut buf).unwrap();
    let row = &buf[..info.width as usize * 4];
    let light = row.chunks(4).map(|p| (f64::from(p[0]) + f64::from(p[1]) + f64::from(p[2])) / 3.0).sum::<f64>()
        / f64::from(info.width);
    ([info.width, info.height], light)
}

#[test]
fn the_app_has_a_charts_view_and_the_dashboard_shows_the_pace() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::new(Startup {
        file: None,
        dirs: Some(AppDirs::inside(dir.path())),
        reopen_last: false,
        lang: Some(Lang::En),
    });
    let mut h = crate::support::app_harness(app, [1400.0, 900.0]);
    // The Dashboard: the pace panel and the two small charts.
    h.get_by_label_contains("To make the plan, each full working day from now must bring");
    h.get_by_label("Revenue by month: plan vs fact");
    // Nothing to save outside the Charts view.
    h.state_mut().send(Command::SaveChartPngTo(dir.path().join("x.png")));
    h.run();
    assert_eq!(h.state().status(), Some("Open Charts to save a chart"));

    h.get_by_label("Charts").click();
    h.run();
    assert_eq!(h.state().view(), AppView::Charts);
    h.get_by_label("Month in progress").click();
    h.run();
    h.get_by_label_contains("Month in progress by day");

    // File → Save chart as PNG, with the path already chosen. The window is dark and 1400×900;
    // the picture is drawn apart from it, light and full-HD.
    h.ctx.set_theme(egui::Theme::Dark);
    h.run();
    // The tab has two charts: one picture each, the first under the name chosen.
    h.state_mut().send(Command::SaveChartPngTo(dir.path().join("month")));
    h.run();
    let second = "month — Month in progress by ISO week.png";
    assert_eq!(h.state().status(), Some(format!("Saved 2\u{a0}charts: month.png, {second}").as_str()));
    for name in ["month.png", second] {
        let (size, light) = read_png(&dir.path().join(name));
        assert_eq!(size, [PNG_SIZE[0] as u32, PNG_SIZE[1] as u32]);
        assert!(light > 230.0, "{light}");
    }
}

#[test]
fn a_tall_tab_saves_one_full_hd_picture_per_chart_and_one_chart_saves_alone() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::new(Startup {
        file: None,
        dirs: Some(AppDirs::inside(dir.path())),
        reopen_last: false,
        lang: Some(Lang::Ru),
    });
    let mut h = crate::support::app_harness(app, [1400.0, 900.0]);
    h.get_by_label("Графики").click();
    h.run();
    h.state_mut().charts_mut().tab = ChartTab::Channels;
    h.run();
    h.state_mut().send(Command::SaveChartPngTo(dir.path().join("каналы.png")));
    h.run();
    let names = ["каналы.png", "каналы — Каналы - CPL и CAC.png", "каналы — Каналы - ROMI.png"];
    assert_eq!(h.state().status(), Some(format!("Сохранено: 3\u{a0}графика — {}", names.join(", ")).as_str()));
    for name in names {
        let (size, light) = read_png(&dir.path().join(name));
        assert_eq!(size, [PNG_SIZE[0] as u32, PNG_SIZE[1] as u32], "{name}");
        assert!(light > 230.0, "{name}: {light}");
    }
    // One chart alone, as its right-click menu asks.
    h.state_mut().send(Command::SaveOneChartPngTo(ChartId::ChannelRomi, dir.path().join("romi")));
    h.run();
    let romi = dir.path().join("romi.png");
    assert_eq!(h.state().status(), Some(format!("График сохранён: {}", romi.display()).as_str()));
    assert_eq!(read_png(&romi).0, [PNG_SIZE[0] as u32, PNG_SIZE[1] as u32]);
}

#[test]
fn each_chart_has_a_right_click_menu_that_saves_it_alone() {
    let words = [
        (Lang::En, "Channels: CPL and CAC", "Save this chart as PNG…"),
        (Lang::Ru, "Каналы: CPL и CAC", "Сохранить этот график в PNG…"),
        (Lang::Zh, "渠道：CPL 与 CAC", "将此图表保存为 PNG…"),
    ];
    for (lang, title, item) in words {
        let mut h = harness_sized(view(Filter::default(), lang), 2400.0);
        h.state_mut().state.tab = ChartTab::Channels;
        h.run();
        h.get_by_label(title).click_secondary();
        h.run();
        h.get_by_label(item).click();
        h.run();
        assert_eq!(h.state_mut().state.take_png_request(), Some(PngRequest::One(ChartId::ChannelCost)), "{lang:?}");
    }
}
