//! The app's charts (egui_plot): revenue against plan by month, the month in progress day by day
//! and by ISO week, the funnel, channels, directions with the revenue-gap waterfall, doctors and
//! NPS; the owner's pace panel; the Charts view that lays them out under tabs; saving a chart as
//! PNG. Charts import no view: what a chart and a view share lives here or in [`crate::metrics`].
//!
//! Every number and reference comes from [`crate::metrics`]; this module only shapes series
//! (cumulative sums of day plans, waterfall steps, sort orders) and formats values with [`crate::format`]. The shaping
//! helpers are public and pure so that tests check them without drawing.

mod capture;
mod channels;
mod clinic;
mod days;
mod funnel;
mod pace;
mod plot;
mod revenue;
mod series;
mod view;
mod words;

use std::path::{Path, PathBuf};

use chrono::Datelike;
#[cfg(test)]
use chrono::NaiveDate;
use egui::{Align2, Color32, RichText, Stroke};
use egui_plot::{
    Bar, BarChart, Corner, GridInput, GridMark, HLine, HoverPosition, Legend, Line, LineStyle, MarkerShape, Plot,
    PlotPoint, PlotPoints, Points, Text, VLine,
};

use crate::format::{self, Lang, Locale};
use crate::i18n::{K, tr};
use crate::metrics::{ChannelKpis, Factor, Filter, Gap, Kpis, MonthCalendar, MonthState, Progress, month_calendar};
use crate::model::{Month, Project};
use crate::ui::theme::Palette;

pub use capture::*;
pub use channels::*;
pub use clinic::*;
pub use days::*;
pub use funnel::*;
pub use pace::*;
pub use plot::*;
pub use revenue::*;
pub use series::*;
pub use view::*;
pub use words::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_project;
    use crate::metrics::{compute, gap};
    use crate::model::Settings;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn waterfall_starts_at_plan_walks_the_contributions_and_ends_at_fact() {
        let m = Month::new(2025, 3).unwrap();
        let g = gap::breakdown(
            m,
            Some(1_100_000.0),
            [Some(500.0), Some(0.4), Some(0.5), Some(0.5), Some(22_000.0)],
            [400.0, 0.5, 0.8, 0.5, 20_000.0],
        );
        let s = waterfall_steps(&g).unwrap();
        assert_eq!(s.len(), 7);
        assert_eq!((s[0].kind, s[0].from, s[0].to), (StepKind::Plan, 0.0, 1_600_000.0));
        for (i, f) in Factor::ALL.into_iter().enumerate() {
            let step = &s[i + 1];
            assert_eq!(step.kind, StepKind::Factor(f));
            assert_eq!(step.from, s[i].to, "each step starts where the previous ended");
            assert!((step.delta() - g.contributions.get(f).unwrap()).abs() < 1e-9);
        }
        // The running total after the five contributions lands on the fact.
        assert!((s[5].to - 1_100_000.0).abs() < 1e-6, "{}", s[5].to);
        assert_eq!((s[6].kind, s[6].from, s[6].to), (StepKind::Fact, 0.0, 1_100_000.0));
        // Undefined breakdown: no steps.
        let g = gap::breakdown(m, Some(0.0), [Some(10.0), Some(0.5), Some(0.0), None, None], [1.0; 5]);
        assert_eq!(waterfall_steps(&g), None);
    }

    #[test]
    fn cumulative_plan_fact_and_forecast_of_a_month_in_progress() {
        let mut s = Settings::default();
        // November 2025 (Sat 1st), holiday Tue 4th, data to Mon 10th: weights 6 to date, 15.5 left.
        s.holidays.insert(d(2025, 11, 4));
        let m = Month::new(2025, 11).unwrap();
        let cal = MonthCalendar::new(&s, m, 2_150_000.0, |day| if day <= d(2025, 11, 10) { 100_000.0 } else { 0.0 });
        let to_date: f64 = cal.days.iter().take(10).map(|x| x.fact).sum();
        let p = Progress::new(&s, m, d(2025, 11, 10), to_date, 2_150_000.0).unwrap();
        let ser = day_series(&cal, Some(&p));
        assert_eq!(ser.plan.len(), 30);
        assert!((ser.plan[29][1] - 2_150_000.0).abs() < 1e-6);
        // Cumulative plan is a running sum of the day plans.
        let mut run = 0.0;
        for (i, day) in cal.days.iter().enumerate() {
            run += day.plan.unwrap();
            assert!((ser.plan[i][1] - run).abs() < 1e-6);
            assert_eq!(ser.plan[i][0], f64::from(day.date.day()));
        }
        // Fact stops at the last day with data.
        assert_eq!(ser.fact.len(), 10);
        assert_eq!(ser.fact[9], [10.0, to_date]);
        // Forecast starts there and ends at the metrics' forecast.
        assert_eq!(ser.forecast.first(), Some(&[10.0, to_date]));
        assert_eq!(ser.forecast.last().unwrap()[0], 30.0);
        assert!((ser.forecast.last().unwrap()[1] - p.forecast.unwrap()).abs() < 1e-6);
        // A complete month: the fact runs to its end, no forecast.
        let ser = day_series(&cal, None);
        assert_eq!(ser.fact.len(), 30);
        assert!(ser.forecast.is_empty());
    }

    #[test]
    fn channels_sort_by_the_picked_key_with_missing_values_last() {
        let k = compute(&demo_project(), &Filter::default());
        let by_spend = sorted_channels(&k, ChannelSort::Spend);
        assert_eq!(by_spend.len(), k.channels.len());
        for w in by_spend.windows(2) {
            if let (Some(a), Some(b)) = (w[0].spend, w[1].spend) {
                assert!(a >= b);
            }
        }
        let by_cpl = sorted_channels(&k, ChannelSort::Cpl);
        let cpls: Vec<f64> = by_cpl.iter().filter_map(|c| c.cpl).collect();
        assert!(cpls.windows(2).all(|w| w[0] <= w[1]), "{cpls:?}");
        let n_with = cpls.len();
        assert!(by_cpl[n_with..].iter().all(|c| c.cpl.is_none()));
        let names: Vec<String> =
            sorted_channels(&k, ChannelSort::Name).iter().map(|c| c.channel.to_lowercase()).collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn funnel_stages_carry_the_metrics_rates() {
        let k = compute(&demo_project(), &Filter::default());
        let s = funnel_stages(&k, None).unwrap();
        // The demo has calls: contacts come before leads, and leads carry leads per contact.
        assert_eq!(
            s.iter().map(|x| x.stage).collect::<Vec<_>>(),
            [Stage::Contacts, Stage::Leads, Stage::Bookings, Stage::Visits, Stage::Paid]
        );
        assert_eq!((s[0].count, s[0].rate), (k.total.kpis.contacts, None));
        assert_eq!((s[1].count, s[1].rate), (k.total.kpis.leads, k.total.kpis.lead_per_contact));
        assert_eq!(
            (s[2].rate, s[3].rate, s[4].rate),
            (k.total.kpis.booking_rate, k.total.kpis.show_rate, k.total.kpis.paid_rate)
        );
        let c = &k.channels[0];
        let s = funnel_stages(&k, Some(&c.channel)).unwrap();
        assert_eq!((s[4].count, s[4].rate), (c.paid, c.paid_rate));
        // Without calls the funnel starts at leads.
        let mut p = demo_project();
        p.calls.clear();
        let k = compute(&p, &Filter::default());
        assert_eq!(funnel_stages(&k, None).unwrap()[0].stage, Stage::Leads);
        assert_eq!(funnel_stages(&k, Some("no such channel")), None);
    }

    #[test]
    fn future_months_show_the_plan_only() {
        // The demo's data ends in November 2026 and its plan runs to December: December is future.
        let k = compute(&demo_project(), &Filter::default());
        assert_eq!(
            k.months.last().map(|m| (m.month, m.state)),
            Some((Month::new(2026, 12).unwrap(), Some(MonthState::Future)))
        );
        let bar = revenue_bars(&k).pop().unwrap();
        assert_eq!((bar.fact, bar.completion), (None, None));
        assert!(bar.plan.is_some());
    }

    #[test]
    fn revenue_bars_follow_the_months_and_mark_the_forecast() {
        let k = compute(&demo_project(), &Filter::default());
        let bars = revenue_bars(&k);
        assert_eq!(bars.len(), k.months.len());
        assert_eq!(bars.iter().filter(|b| b.forecast.is_some()).count(), 1);
    }

    #[test]
    fn ticks_and_labels_in_both_languages() {
        let (rub, usd) = (Locale::new(Lang::Ru, "RUB"), Locale::new(Lang::En, "USD"));
        assert_eq!(money_tick(1_250_000.0, rub), "1,2\u{a0}млн\u{a0}₽");
        assert_eq!(money_tick(2_000_000.0, usd), "2M\u{a0}$");
        assert_eq!(money_tick(350_000.0, rub), "350\u{a0}тыс.\u{a0}₽");
        assert_eq!(money_tick(0.0, usd), "0\u{a0}$");
        assert_eq!(percent_tick(0.25, Lang::Ru), "25\u{a0}%");
        assert_eq!(percent_tick(-0.125, Lang::En), "−12.5%");
        let m = Month::new(2026, 11).unwrap();
        assert_eq!(month_short(m, Lang::Ru), "ноя 26");
        assert_eq!(month_label(m, Lang::En), "Nov 2026");
        assert_eq!(category_at(&["a".into(), "b".into()], 1.0), "b");
        assert_eq!(category_at(&["a".into(), "b".into()], 0.5), "");
        assert_eq!(category_at(&["a".into()], 3.0), "");
    }

    /// The mean brightness (0..255) of `image`'s pixels inside `[x0, y0, x1, y1]`.
    fn brightness(image: &egui::ColorImage, [x0, y0, x1, y1]: [usize; 4]) -> f64 {
        let mut sum = 0.0;
        for y in y0..y1 {
            for x in x0..x1 {
                let c = image.pixels[y * image.size[0] + x];
                sum += (f64::from(c.r()) + f64::from(c.g()) + f64::from(c.b())) / 3.0;
            }
        }
        sum / ((x1 - x0) * (y1 - y0)) as f64
    }

    #[test]
    fn a_chart_picture_is_light_full_hd_and_drawn_not_blank() {
        let project = demo_project();
        let filter = Filter::default();
        let k = compute(&project, &filter);
        let mut state = ChartsState::default();
        let loc = Locale::new(Lang::Ru, "RUB");
        let of = PictureOf { project: &project, kpis: &k, filter: &filter, loc, subtitle: "Клиника · 2025" };
        let img = chart_picture(&mut state, of, ChartId::Revenue).image;
        assert_eq!(img.size, PNG_SIZE);
        // Light: the corners are the light theme's background, and the picture as a whole is light.
        assert!(brightness(&img, [0, 0, 20, 20]) > 230.0);
        assert!(brightness(&img, [1900, 1060, 1920, 1080]) > 230.0);
        assert!(brightness(&img, [0, 0, 1920, 1080]) > 200.0);
        // Drawn: the title's dark type at the top left, and coloured columns somewhere.
        let title_band = brightness(&img, [40, 40, 600, 80]);
        assert!(title_band < 245.0, "{title_band}");
        let coloured = img.pixels.iter().filter(|c| c.b().abs_diff(c.r()) > 60).count();
        assert!(coloured > 5_000, "{coloured}");
        // Every tab draws, one picture per chart (nothing panics).
        for tab in ChartTab::ALL {
            state.tab = tab;
            let of = PictureOf { loc: Locale::new(Lang::Zh, "CNY"), subtitle: "", ..of };
            let pictures = chart_pictures(&mut state, of);
            assert_eq!(pictures.iter().map(|p| p.chart).collect::<Vec<_>>(), tab.charts(), "{tab:?}");
            for p in pictures {
                assert_eq!(p.image.size, PNG_SIZE);
                assert!(brightness(&p.image, [0, 0, 20, 20]) > 230.0, "{tab:?}");
            }
        }
    }

    /// The heights in pixels of the lines of text egui drew in `layout` (axis ticks, legends,
    /// labels, titles), from its shapes.
    fn text_heights_px(layout: &Layout) -> Vec<f32> {
        fn walk(shape: &egui::Shape, out: &mut Vec<f32>) {
            match shape {
                egui::Shape::Text(t) => {
                    out.extend(t.galley.rows.iter().filter(|r| !r.glyphs.is_empty()).map(|r| r.size.y));
                }
                egui::Shape::Vec(v) => v.iter().for_each(|s| walk(s, out)),
                _ => {}
            }
        }
        let mut heights = Vec::new();
        for clipped in &layout.shapes {
            walk(&clipped.shape, &mut heights);
        }
        heights.iter().map(|h| h * layout.pixels_per_point).collect()
    }

    /// The height most lines of text have (the axis ticks and labels) and the smallest one.
    fn typical_and_smallest(heights: &[f32]) -> (f32, f32) {
        let mut counts: Vec<(i32, usize)> = Vec::new();
        for h in heights {
            let key = (h * 2.0).round() as i32;
            match counts.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => counts.push((key, 1)),
            }
        }
        let typical = counts.iter().max_by_key(|(_, n)| *n).map_or(0.0, |(k, _)| *k as f32 / 2.0);
        (typical, heights.iter().copied().fold(f32::INFINITY, f32::min))
    }

    #[test]
    fn a_tab_of_three_charts_saves_three_pictures_with_type_as_large_as_a_one_chart_tab() {
        let project = demo_project();
        let filter = Filter::default();
        let k = compute(&project, &filter);
        for lang in [Lang::Ru, Lang::Zh] {
            let loc = Locale::new(lang, "RUB");
            let mut state = ChartsState::default();
            let of =
                PictureOf { project: &project, kpis: &k, filter: &filter, loc, subtitle: "Клиника · 2025" };
            let single = chart_layout(&mut state, of, ChartId::Revenue);
            let (typical, smallest) = typical_and_smallest(&text_heights_px(&single));
            // egui's body text at 1.5 pixels a point: about 19 px, not the 6–9 px of a squeezed tab.
            assert!(typical >= 15.0 && smallest >= 15.0, "{typical} {smallest}");
            for tab in [ChartTab::Channels, ChartTab::Directions] {
                state.tab = tab;
                let pictures = chart_pictures(&mut state, of);
                assert_eq!(pictures.len(), tab.charts().len());
                assert!(pictures.iter().all(|p| p.image.size == PNG_SIZE));
                for &chart in tab.charts() {
                    let layout = chart_layout(&mut state, of, chart);
                    assert_eq!(layout.pixels_per_point, single.pixels_per_point, "{chart:?}");
                    let (t, s) = typical_and_smallest(&text_heights_px(&layout));
                    assert!((t - typical).abs() < 0.5, "{chart:?}: labels {t} px against {typical} px");
                    assert!(s >= smallest - 0.5, "{chart:?}: the smallest text {s} px against {smallest} px");
                }
            }
            assert_eq!(ChartTab::Channels.charts().len(), 3);
            assert_eq!(ChartTab::Directions.charts().len(), 4);
        }
    }

    #[test]
    fn the_pictures_of_one_save_are_named_after_the_first_and_their_charts() {
        let titles = ["Каналы: расход".to_string(), "Каналы: CPL и CAC".into(), "LTV:CAC / год?".into()];
        let paths = chart_png_paths(Path::new("/tmp/out/каналы"), &titles);
        assert_eq!(
            paths,
            [
                PathBuf::from("/tmp/out/каналы.png"),
                PathBuf::from("/tmp/out/каналы — Каналы - CPL и CAC.png"),
                PathBuf::from("/tmp/out/каналы — LTV-CAC - год-.png"),
            ]
        );
        assert_eq!(chart_png_paths(Path::new("a.PNG"), &titles[..1]), [PathBuf::from("a.PNG")]);
    }

    #[test]
    fn rasterising_blends_a_half_transparent_triangle_over_the_background() {
        use egui::epaint::{ClippedPrimitive, Mesh, Primitive};
        // A red square at half opacity (premultiplied 128, 0, 0, 128) over white: 128 + 255·(1 − 128/255) = 255
        // for red, 0 + 255·(127/255) = 127 for green and blue.
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(
            egui::Rect::from_min_max(egui::pos2(2.0, 2.0), egui::pos2(6.0, 6.0)),
            Color32::from_rgba_premultiplied(128, 0, 0, 128),
        );
        let prim = ClippedPrimitive {
            clip_rect: egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(5.0, 10.0)),
            primitive: Primitive::Mesh(mesh),
        };
        let img = rasterize([10, 10], Color32::WHITE, &[prim], &std::collections::HashMap::new(), 1.0);
        assert_eq!(img.pixels[3 * 10 + 3], Color32::from_rgb(255, 127, 127));
        // Outside the square, and inside it but right of the clip rectangle: untouched.
        assert_eq!(img.pixels[0], Color32::WHITE);
        assert_eq!(img.pixels[3 * 10 + 5], Color32::WHITE);
    }

    #[test]
    fn png_round_trips_and_a_failed_save_names_the_file() {
        let mut img = egui::ColorImage::filled([40, 30], Color32::WHITE);
        img.pixels[10 * 40 + 20] = Color32::RED; // (20, 10)
        let bytes = encode_png(&img).unwrap();
        let dec = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut r = dec.read_info().unwrap();
        let mut buf = vec![0; r.output_buffer_size().unwrap()];
        let info = r.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (40, 30));
        assert_eq!(&buf[(10 * 40 + 20) * 4..(10 * 40 + 20) * 4 + 4], &[255, 0, 0, 255]);
        let dir = tempfile::tempdir().unwrap();
        let err = write_png(&img, &dir.path().join("missing/x.png"), Lang::Ru).unwrap_err();
        assert!(err.contains("Не удалось сохранить график"), "{err}");
    }
}
