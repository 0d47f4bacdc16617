//! The AARRR view: the five links of the Chinese clinic playbook (获客 激活 留存 变现 转介绍) as one
//! funnel, each with its value, its change against the previous period, the falling links marked
//! and the weakest named. The meeting mode draws the same chart in large type.

use egui::{Align, Layout, RichText, Stroke};

use crate::format::{self, Lang, Locale};
use crate::i18n::{K, tr};
use crate::metrics::Kpis;
use crate::metrics::aarrr::LINK_KEYS;
use crate::ui::theme::Status;

/// The AARRR view.
pub fn aarrr_ui(ui: &mut egui::Ui, kpis: &Kpis, loc: Locale) {
    let lang = loc.lang;
    ui.heading(tr(lang, K::Aarrr));
    ui.label(RichText::new(crate::i18n::story::aarrr_sentence(kpis, loc)).strong().size(17.0));
    ui.label(RichText::new(tr(lang, K::AarrrHint)).weak());
    ui.add_space(8.0);
    links_ui(ui, kpis, loc, 1.0);
}

/// One link's texts: its name, its values, and its change with the previous value.
struct LinkText {
    name: &'static str,
    values: String,
    change: Option<f64>,
    previous: String,
}

fn link_texts(kpis: &Kpis, loc: Locale) -> Vec<LinkText> {
    let lang = loc.lang;
    let a = &kpis.aarrr;
    let (l, p) = (&a.links, a.previous.as_ref());
    let m = |x| format::money(x, loc);
    let pc = |x| format::percent(x, lang);
    let c = |x| format::count(x, lang);
    let t = |k| tr(lang, k);
    let changes = l.changes();
    let prev = |f: &dyn Fn(&crate::metrics::aarrr::Links) -> String| p.map_or_else(|| format::DASH.to_string(), f);
    vec![
        LinkText {
            name: t(K::AarrrAcquisition),
            values: format!("{} {} · CPL {}", c(l.acquisition.leads), t(K::FactorLeads), m(l.acquisition.cpl)),
            change: changes[0],
            previous: prev(&|p| c(p.acquisition.leads)),
        },
        LinkText {
            name: t(K::AarrrActivation),
            values: format!("{} {}", pc(l.activation.paid_rate), t(K::AarrrPaidRate)),
            change: changes[1],
            previous: prev(&|p| pc(p.activation.paid_rate)),
        },
        LinkText {
            name: t(K::AarrrRetention),
            values: format!("{} {}", pc(l.retention.repeat_share), t(K::AarrrRepeatShare)),
            change: changes[2],
            previous: prev(&|p| pc(p.retention.repeat_share)),
        },
        LinkText {
            name: t(K::AarrrRevenue),
            values: format!("{} {} · LTV {}", m(l.revenue.avg_check), t(K::AarrrAvgCheck), m(l.revenue.ltv)),
            change: changes[3],
            previous: prev(&|p| m(p.revenue.avg_check)),
        },
        LinkText {
            name: t(K::AarrrReferral),
            values: format!("{} {}", pc(l.referral.referral_share), t(K::AarrrReferralShare)),
            change: changes[4],
            previous: prev(&|p| pc(p.referral.referral_share)),
        },
    ]
}

/// A signed percent change: «+12,0 %», «−3,5 %», «—».
fn signed(x: Option<f64>, lang: Lang) -> String {
    match x {
        Some(v) if v > 0.0 => format!("+{}", format::percent(Some(v), lang)),
        v => format::percent(v, lang),
    }
}

/// The five links as one funnel, widest at acquisition; `scale` enlarges the type (the meeting
/// mode draws it at 1.6).
pub fn links_ui(ui: &mut egui::Ui, kpis: &Kpis, loc: Locale, scale: f32) {
    let lang = loc.lang;
    let dark = ui.visuals().dark_mode;
    let full = ui.available_width().min(1400.0 * scale).floor();
    let (margin_x, margin_y) = ((12.0 * scale) as i8, (8.0 * scale) as i8);
    let weakest = kpis.aarrr.weakest;
    for (i, (link, key)) in link_texts(kpis, loc).into_iter().zip(LINK_KEYS).enumerate() {
        let falling = link.change.is_some_and(|c| c < 0.0);
        let status = match link.change {
            Some(c) if c < 0.0 => Status::Bad,
            Some(_) => Status::Good,
            None => Status::Neutral,
        };
        // The funnel's shape is drawn, not measured: each link narrower than the one before, by
        // whole points on each side, so every centred edge stays on the pixel grid.
        let width = full - 2.0 * (full * 0.045 * i as f32).round();
        let fill = match status {
            Status::Neutral => ui.visuals().faint_bg_color,
            s => s.colour(dark).gamma_multiply(0.22),
        };
        let stroke =
            if weakest == Some(key) { Stroke::new(3.0 * scale, Status::Bad.colour(dark)) } else { Stroke::NONE };
        ui.with_layout(Layout::top_down(Align::Center), |ui| {
            egui::Frame::new()
                .fill(fill)
                .stroke(stroke)
                .corner_radius(6.0)
                .inner_margin(egui::Margin::symmetric(margin_x, margin_y))
                .show(ui, |ui| {
                    ui.set_width(width - 2.0 * f32::from(margin_x));
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(link.name).strong().size(18.0 * scale));
                        ui.label(RichText::new(&link.values).size(16.0 * scale));
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            if weakest == Some(key) {
                                ui.label(
                                    RichText::new(tr(lang, K::AarrrWeakest))
                                        .strong()
                                        .size(15.0 * scale)
                                        .color(Status::Bad.colour(dark)),
                                );
                            } else if falling {
                                ui.label(
                                    RichText::new(tr(lang, K::AarrrFalling))
                                        .size(15.0 * scale)
                                        .color(Status::Bad.colour(dark)),
                                );
                            }
                            let arrow = match link.change {
                                Some(c) if c < 0.0 => "↓ ",
                                Some(c) if c > 0.0 => "↑ ",
                                _ => "",
                            };
                            let colour = match status {
                                Status::Neutral => ui.visuals().text_color(),
                                s => s.colour(dark),
                            };
                            ui.label(
                                RichText::new(format!("{arrow}{}", signed(link.change, lang)))
                                    .strong()
                                    .size(17.0 * scale)
                                    .color(colour),
                            );
                            ui.label(
                                RichText::new(format!("{} {}", tr(lang, K::WasWord), link.previous))
                                    .weak()
                                    .size(14.0 * scale),
                            );
                        });
                    });
                });
        });
        ui.add_space(4.0 * scale);
    }
}
