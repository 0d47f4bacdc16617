//! The Dashboard: the period's KPI cards, each coloured against its reference, and the funnel
//! leads → bookings → visits → paid with the rates between stages and the bottleneck's owner.
//!
//! Every number comes from [`crate::metrics::Kpis`]; this module only chooses colours and words.

use egui::{Color32, RichText, Sense, Stroke, Vec2};

use crate::document::sheets::month_label;
use crate::format::{self, Lang, Locale};
use crate::i18n::{K, tr};
use crate::metrics::{Factor, Gap, Kpis, MonthCalendar, Owner};
use crate::ui::theme::{
    Status, budget_status, completion_status, lost_calls_status, ltv_cac_status, marketing_share_status, nps_status,
    proven_share_status, roas_status, romi_status,
};

/// A factor's name.
pub fn factor_label(f: Factor) -> K {
    match f {
        Factor::Leads => K::FactorLeads,
        Factor::BookingRate => K::FactorBookingRate,
        Factor::ShowRate => K::ShowRate,
        Factor::PaidRate => K::FactorPaidRate,
        Factor::RevenuePerPaid => K::FactorRevenuePerPaid,
    }
}

/// An owner's name.
pub fn owner_label(o: Owner) -> K {
    match o {
        Owner::Marketer => K::OwnerMarketer,
        Owner::Administrators => K::OwnerAdministrators,
        Owner::Doctors => K::OwnerDoctors,
        Owner::Management => K::OwnerManagement,
    }
}

/// An NPS period as written ("2025", "2025-03") in the user's words ("2025", "мар 2025").
fn period_label(period: &str, lang: Lang) -> String {
    period.parse::<crate::model::Month>().map_or_else(|_| period.to_string(), |m| month_label(m, lang))
}

/// One card as shown.
struct Card {
    title: K,
    value: String,
    sub: String,
    status: Status,
    reference: String,
}

/// The latest month of the period with a named bottleneck.
pub fn latest_bottleneck(kpis: &Kpis) -> Option<&Gap> {
    kpis.gaps.iter().rev().find(|g| g.bottleneck.is_some())
}

fn cards(kpis: &Kpis, loc: Locale) -> Vec<Card> {
    let lang = loc.lang;
    let t = |k| tr(lang, k);
    let k = &kpis.total.kpis;
    let mut out = Vec::new();
    // The owner asks "are we on plan so far": the headline is completion to date; the whole
    // period's plan (future months included) stays beside it for reference.
    out.push(Card {
        title: K::CardRevenue,
        value: format::money(k.revenue, loc),
        sub: format!(
            "{} {} · {} {}\n{} {} ({})",
            t(K::PlanToDateWord),
            format::money(k.plan_to_date, loc),
            t(K::CompletionToDateWord),
            format::percent(k.completion_to_date, lang),
            t(K::WholePeriodPlanWord),
            format::money(k.revenue_plan, loc),
            format::percent(k.plan_completion, lang)
        ),
        status: completion_status(k.completion_to_date),
        reference: t(K::RefCompletion).to_string(),
    });
    match &kpis.progress {
        Some(p) => {
            let status = completion_status(p.forecast_completion());
            out.push(Card {
                title: K::CardForecast,
                value: format::money(p.forecast, loc),
                sub: format!(
                    "{} · {} {}\n{} {}",
                    month_label(p.month, lang),
                    t(K::PlanWord),
                    format::money(Some(p.revenue_plan), loc),
                    t(K::ToDateWord),
                    format::money(Some(p.revenue_to_date), loc)
                ),
                status,
                reference: format!(
                    "{}\n{} {} · {} {}",
                    t(K::RefForecast),
                    t(K::RequiredPace),
                    format::money(p.required_pace, loc),
                    t(K::CurrentPace),
                    format::money(p.current_pace, loc)
                ),
            });
        }
        None => out.push(Card {
            title: K::CardForecast,
            value: format::DASH.to_string(),
            sub: t(K::NoMonthInProgress).to_string(),
            status: Status::Neutral,
            reference: t(K::RefForecast).to_string(),
        }),
    }
    out.push(Card {
        title: K::CardSpend,
        value: format::money(k.spend, loc),
        sub: format!(
            "{} {} · {} {}",
            t(K::BudgetWord),
            format::money(k.budget_plan, loc),
            t(K::ExecutionWord),
            format::percent(k.budget_execution, lang)
        ),
        status: budget_status(k.budget_execution),
        reference: t(K::RefBudget).to_string(),
    });
    out.push(Card {
        title: K::CardMarketingShare,
        value: format::percent(k.marketing_share, lang),
        sub: t(K::MarketingShareSub).to_string(),
        status: marketing_share_status(k.marketing_share),
        reference: t(K::RefMarketingShare).to_string(),
    });
    out.push(Card {
        title: K::Leads,
        value: format::count(k.leads, lang),
        sub: format!(
            "{} {} · {} {}",
            t(K::VisitsWord),
            format::count(k.visits, lang),
            t(K::PaidWord),
            format::count(k.paid, lang)
        ),
        status: Status::Neutral,
        reference: t(K::RefNone).to_string(),
    });
    out.push(Card {
        title: K::CardCpl,
        value: format::money(k.cpl, loc),
        sub: t(K::CplSub).to_string(),
        status: Status::Neutral,
        reference: t(K::RefNone).to_string(),
    });
    out.push(Card {
        title: K::CardCac,
        value: format::money(k.cac, loc),
        sub: t(K::CacSub).to_string(),
        status: Status::Neutral,
        reference: t(K::RefCac).to_string(),
    });
    out.push(Card {
        title: K::Romi,
        value: format::percent(k.romi, lang),
        sub: format!("{} {}", t(K::GrossProfitWord), format::money(k.attributed_gross_profit, loc)),
        status: romi_status(k.romi),
        reference: t(K::RefRomi).to_string(),
    });
    out.push(Card {
        title: K::Roas,
        value: format::ratio(k.roas, lang),
        sub: format!("{} {}", t(K::AttributedWord), format::money(k.attributed_revenue, loc)),
        status: roas_status(k.roas),
        reference: t(K::RefRoas).to_string(),
    });
    // The clinic's one LTV:CAC (the same number on every surface); the directions' own figures,
    // each labelled with its direction, are in the tooltip and the sub-line names the weakest.
    let worst = kpis.directions.iter().filter_map(|d| d.ltv_to_cac.map(|x| (x, d))).min_by(|a, b| a.0.total_cmp(&b.0));
    let all: Vec<String> =
        kpis.directions.iter().map(|d| format!("{}: {}", d.direction, format::ratio(d.ltv_to_cac, lang))).collect();
    let clinic = &kpis.total;
    out.push(Card {
        title: K::LtvToCac,
        value: format::ratio(clinic.ltv_to_cac, lang),
        sub: match (clinic.ltv, worst) {
            (None, _) => t(K::NoLtv).to_string(),
            (Some(ltv), Some(w)) => format!(
                "{} {} · {} {} {}",
                t(K::Ltv),
                format::money(Some(ltv), loc),
                t(K::WeakestWord),
                w.1.direction,
                format::ratio(Some(w.0), lang)
            ),
            (Some(ltv), None) => format!("{} {}", t(K::Ltv), format::money(Some(ltv), loc)),
        },
        status: ltv_cac_status(clinic.ltv_to_cac),
        reference: format!("{}\n{}", t(K::RefLtvCac), all.join("\n")),
    });
    let overall: Vec<_> = kpis.nps.iter().filter(|n| n.direction.is_none()).collect();
    let latest = overall.iter().max_by(|a, b| a.period.cmp(&b.period));
    let history: Vec<String> = overall
        .iter()
        .map(|n| format!("{}: {}", n.period, format::number(n.nps.unwrap_or(f64::NAN), 0, lang)))
        .collect();
    out.push(Card {
        title: K::Nps,
        value: latest.and_then(|n| n.nps).map_or_else(|| format::DASH.to_string(), |v| format::number(v, 0, lang)),
        sub: latest.map_or_else(
            || t(K::NoNps).to_string(),
            |n| {
                format!(
                    "{} · {} {}",
                    period_label(&n.period, lang),
                    t(K::Respondents),
                    format::count(Some(n.respondents), lang)
                )
            },
        ),
        status: nps_status(latest.and_then(|n| n.nps)),
        reference: format!("{}\n{}", t(K::RefNps), history.join("\n")),
    });
    // The phone before the lead, when the clinic has calls: the money lost contacts leave behind.
    if k.contacts.is_some_and(|n| n > 0.0) {
        out.push(Card {
            title: K::CardLostCalls,
            value: format::money(k.lost_revenue, loc),
            sub: format!(
                "{} {} / {} · {} {}",
                t(K::LostCallsSub),
                format::count(k.lost, lang),
                format::count(k.contacts, lang),
                t(K::AnswerRate),
                format::percent(k.answer_rate, lang)
            ),
            status: lost_calls_status(k.lost_rate),
            reference: t(K::RefLostCalls).to_string(),
        });
    }
    let ts = &kpis.total.tier_share;
    let tier_status = proven_share_status(ts.proven);
    out.push(Card {
        title: K::CardTiers,
        value: format!(
            "{} / {} / {}",
            format::percent(ts.proven, lang),
            format::percent(ts.scaling, lang),
            format::percent(ts.experiment, lang)
        ),
        sub: t(K::TiersSub).to_string(),
        status: tier_status,
        reference: t(K::RefTiers).to_string(),
    });
    out
}

/// Draws the Dashboard for the computed KPIs; `calendar` is the month in progress's (for the pace
/// panel and its day chart).
pub fn dashboard_ui(
    ui: &mut egui::Ui,
    kpis: &Kpis,
    calendar: Option<&MonthCalendar>,
    loc: Locale,
    period: &str,
    clinic: &str,
) {
    let lang = loc.lang;
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        ui.heading(if clinic.is_empty() { tr(lang, K::Dashboard) } else { clinic });
        ui.label(RichText::new(period).weak());
    });
    ui.add_space(6.0);
    // Frames do not wrap inside `horizontal_wrapped`, so the cards are laid out in rows that fit.
    let gap = 10.0;
    let card_size = Vec2::new(270.0, 104.0);
    let per_row = (((ui.available_width() + gap) / (card_size.x + gap)).floor() as usize).max(1);
    let all = cards(kpis, loc);
    for chunk in all.chunks(per_row) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing = Vec2::new(gap, gap);
            for card in chunk {
                card_ui(ui, card, card_size, lang, dark);
            }
        });
        ui.add_space(gap);
    }
    // The owner's pace panel and two small charts (revenue by month, the month day by day).
    crate::ui::charts::dashboard_charts_ui(ui, kpis, calendar, loc, 250.0);
    ui.add_space(10.0);
    funnel_ui(ui, kpis, loc, dark);
    ui.add_space(10.0);
    crate::ui::views::summaries::summary_ui(ui, crate::model::Sheet::Plan, kpis, loc);
    if !kpis.notices.is_empty() {
        ui.add_space(10.0);
        ui.collapsing(tr(lang, K::ComputationNotices), |ui| {
            for n in &kpis.notices {
                ui.label(crate::i18n::kpi_notice(n, lang));
            }
        });
    }
}

fn card_ui(ui: &mut egui::Ui, card: &Card, size: Vec2, lang: Lang, dark: bool) {
    let colour = card.status.colour(dark);
    let frame = egui::Frame::group(ui.style())
        .fill(ui.visuals().extreme_bg_color)
        .stroke(Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color))
        .corner_radius(6.0)
        .inner_margin(egui::Margin { left: 14, right: 10, top: 8, bottom: 8 });
    let resp = frame
        .show(ui, |ui| {
            ui.set_width(size.x - 24.0);
            ui.set_min_height(size.y - 16.0);
            ui.vertical(|ui| {
                ui.label(RichText::new(tr(lang, card.title)).size(13.0).weak());
                ui.label(RichText::new(&card.value).size(22.0).strong().color(colour));
                ui.add(egui::Label::new(RichText::new(&card.sub).size(11.5)).wrap());
            });
        })
        .response;
    // A coloured bar on the left edge says good / watch / bad at a glance.
    let bar = egui::Rect::from_min_size(resp.rect.min, Vec2::new(5.0, resp.rect.height()));
    ui.painter().rect_filled(bar, egui::CornerRadius { nw: 6, sw: 6, ne: 0, se: 0 }, colour);
    let resp = resp.interact(Sense::hover());
    resp.on_hover_text(format!("{}: {}\n{}", tr(lang, K::ReferenceWord), tr(lang, card.status.word()), card.reference));
}

/// A funnel stage: its name, count, rate from the stage before (`None` for the first) and the
/// factor it is (none for the contacts before leads).
type FunnelRow = (K, Option<f64>, Option<Option<f64>>, Option<Factor>);

fn funnel_ui(ui: &mut egui::Ui, kpis: &Kpis, loc: Locale, dark: bool) {
    let lang = loc.lang;
    let k = &kpis.total.kpis;
    ui.heading(tr(lang, K::FunnelHeading));
    let gap = latest_bottleneck(kpis);
    let bottleneck = gap.and_then(|g| g.bottleneck);
    let has_calls = k.contacts.is_some_and(|n| n > 0.0);
    // "calls → leads" comes before the leads when the clinic has calls.
    let calls = has_calls.then_some((K::BrContacts, k.contacts, None, None));
    let stages: Vec<FunnelRow> = calls
        .into_iter()
        .chain([
            (K::Leads, k.leads, has_calls.then_some(k.lead_per_contact), Some(Factor::Leads)),
            (K::Bookings, k.bookings, Some(k.booking_rate), Some(Factor::BookingRate)),
            (K::ColVisits, k.visits, Some(k.show_rate), Some(Factor::ShowRate)),
            (K::Paid, k.paid, Some(k.paid_rate), Some(Factor::PaidRate)),
        ])
        .collect();
    let top = stages.iter().filter_map(|s| s.1).fold(0.0, f64::max);
    let top = (top > 0.0).then_some(top);
    let width = (ui.available_width() - 260.0).clamp(200.0, 700.0);
    let base = if dark { Color32::from_rgb(0x4a, 0x7d, 0xc9) } else { Color32::from_rgb(0x3b, 0x6e, 0xc2) };
    let bad = Status::Bad.colour(dark);
    egui::Grid::new("funnel").num_columns(3).spacing([12.0, 6.0]).show(ui, |ui| {
        for (label, value, rate, factor) in stages {
            ui.label(RichText::new(tr(lang, label)).strong());
            let share = match (value, top) {
                (Some(v), Some(t)) => (v / t).clamp(0.0, 1.0) as f32,
                _ => 0.0,
            };
            let (rect, _) = ui.allocate_exact_size(Vec2::new(width, 22.0), Sense::hover());
            ui.painter().rect_filled(rect, 3.0, ui.visuals().faint_bg_color);
            let is_neck = factor.is_some() && bottleneck == factor;
            let fill = if is_neck { bad } else { base };
            let bar = egui::Rect::from_min_size(rect.min, Vec2::new((rect.width() * share).max(2.0), rect.height()));
            ui.painter().rect_filled(bar, 3.0, fill);
            ui.painter().text(
                rect.left_center() + Vec2::new(6.0, 0.0),
                egui::Align2::LEFT_CENTER,
                format::count(value, lang),
                egui::FontId::proportional(13.0),
                Color32::WHITE,
            );
            match (rate, factor) {
                (Some(r), Some(Factor::Leads)) => {
                    ui.label(format!(
                        "{} {} · CPL {}",
                        format::ratio(r, lang),
                        tr(lang, K::LeadsPerContact),
                        format::money(k.cpl, loc)
                    ));
                }
                (Some(r), Some(factor)) => {
                    let text = format!("{} {}", tr(lang, factor_label(factor)), format::percent(r, lang));
                    if is_neck {
                        ui.label(RichText::new(text).color(bad).strong());
                    } else {
                        ui.label(text);
                    }
                }
                (_, Some(_)) => {
                    ui.label(format!("CPL {}", format::money(k.cpl, loc)));
                }
                (_, None) => {
                    ui.label(format!("{} {}", tr(lang, K::AnswerRate), format::percent(k.answer_rate, lang)));
                }
            }
            ui.end_row();
        }
    });
    ui.add_space(6.0);
    match gap {
        Some(g) => {
            let f = g.bottleneck.map(factor_label).map_or("", |k| tr(lang, k));
            let o = g.owner.map(owner_label).map_or("", |k| tr(lang, k));
            let lost = g.bottleneck.and_then(|b| g.contributions.get(b));
            ui.label(
                RichText::new(format!(
                    "{} ({}): {} — {} · {}",
                    tr(lang, K::Bottleneck),
                    month_label(g.month, lang),
                    f,
                    o,
                    format::money(lost, loc)
                ))
                .color(bad)
                .strong(),
            )
            .on_hover_text(tr(lang, K::BottleneckHint));
            // Leads short of plan while calls go unanswered: the administrators share the job.
            if has_calls && g.bottleneck == Some(Factor::Leads) {
                ui.label(
                    RichText::new(format!(
                        "{} {} — {} {}",
                        tr(lang, K::AdminsLostLine),
                        format::count(k.lost, lang),
                        tr(lang, K::CallsLostMoney).to_lowercase(),
                        format::money(k.lost_revenue, loc)
                    ))
                    .color(bad),
                );
            }
        }
        None => {
            ui.label(RichText::new(tr(lang, K::NoBottleneck)).weak());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_from_the_domain() {
        assert_eq!(completion_status(Some(1.02)), Status::Good);
        assert_eq!(completion_status(Some(0.95)), Status::Watch);
        assert_eq!(completion_status(Some(0.5)), Status::Bad);
        assert_eq!(completion_status(None), Status::Neutral);
        assert_eq!(marketing_share_status(Some(0.07)), Status::Good);
        assert_eq!(marketing_share_status(Some(0.03)), Status::Watch);
        assert_eq!(marketing_share_status(Some(0.2)), Status::Bad);
        assert_eq!(roas_status(Some(3.5)), Status::Good);
        assert_eq!(roas_status(Some(0.5)), Status::Bad);
        assert_eq!(romi_status(Some(0.0)), Status::Good);
        assert_eq!(ltv_cac_status(Some(2.0)), Status::Watch);
        assert_eq!(nps_status(Some(71.0)), Status::Good);
        assert_eq!(nps_status(Some(-5.0)), Status::Bad);
        assert_eq!(budget_status(Some(1.05)), Status::Good);
        assert_eq!(budget_status(Some(1.15)), Status::Watch);
    }
}
