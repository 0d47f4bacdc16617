//! Series shaping: pure functions of the KPIs that the charts draw (revenue bars, day series,
//! waterfall steps, funnel stages, channel order), public so tests check them without
//! drawing.

use super::*;

/// One month's columns on the revenue chart.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthBar {
    /// The month.
    pub month: Month,
    /// Its revenue plan.
    pub plan: Option<f64>,
    /// Its revenue (to date, for the month in progress).
    pub fact: Option<f64>,
    /// revenue / plan, from the metrics.
    pub completion: Option<f64>,
    /// The forecast, for the month in progress only.
    pub forecast: Option<f64>,
}

/// The revenue chart's columns: one per month of the period, in the metrics' order. A month that
/// has not happened shows its plan only (no fact bar, no percentage); the month in progress is
/// measured against its plan to date.
pub fn revenue_bars(kpis: &Kpis) -> Vec<MonthBar> {
    kpis.months
        .iter()
        .map(|m| {
            let future = m.state == Some(MonthState::Future);
            MonthBar {
                month: m.month,
                plan: m.revenue_plan,
                fact: if future { None } else { m.revenue },
                completion: if future { None } else { m.completion_to_date },
                forecast: m.forecast,
            }
        })
        .collect()
}

/// The month in progress (or any month) day by day, as cumulative series.
#[derive(Clone, Debug, PartialEq)]
pub struct DaySeries {
    /// Cumulative plan at the end of each day: `[day of month, value]`.
    pub plan: Vec<[f64; 2]>,
    /// Cumulative fact at the end of each day up to the last day with data.
    pub fact: Vec<[f64; 2]>,
    /// From the last day with data to the month's end at the current pace (each later day adds
    /// its weight × the metrics' current pace); ends at the metrics' forecast. Empty without one.
    pub forecast: Vec<[f64; 2]>,
}

/// Cumulative plan and fact of `calendar`; with `progress` of the same month, the fact stops at its
/// last day and the forecast runs on from there.
pub fn day_series(calendar: &MonthCalendar, progress: Option<&Progress>) -> DaySeries {
    let progress = progress.filter(|p| p.month == calendar.month);
    let mut plan = Vec::with_capacity(calendar.days.len());
    let mut fact = Vec::with_capacity(calendar.days.len());
    let mut forecast = Vec::new();
    let (mut cum_plan, mut cum_fact) = (Some(0.0), 0.0);
    for d in &calendar.days {
        let x = f64::from(d.date.day());
        cum_plan = cum_plan.zip(d.plan).map(|(a, b)| a + b);
        if let Some(p) = cum_plan {
            plan.push([x, p]);
        }
        match progress {
            Some(p) if d.date > p.last_day => {
                // Only a month with a current pace has a forecast path.
                if let (Some(pace), Some(last)) = (p.current_pace, forecast.last().copied()) {
                    let [_, y]: [f64; 2] = last;
                    forecast.push([x, y + pace * d.weight]);
                }
            }
            _ => {
                cum_fact += d.fact;
                fact.push([x, cum_fact]);
                if progress.is_some_and(|p| d.date == p.last_day && p.current_pace.is_some()) {
                    forecast.push([x, cum_fact]);
                }
            }
        }
    }
    DaySeries { plan, fact, forecast }
}

/// What a waterfall column stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// R_plan, from zero.
    Plan,
    /// One factor's contribution, floating from the running total.
    Factor(Factor),
    /// R_fact, from zero.
    Fact,
}

/// One column of the revenue-gap waterfall: it spans `from..to`.
#[derive(Clone, Debug, PartialEq)]
pub struct WaterfallStep {
    /// What the column is.
    pub kind: StepKind,
    /// Where it starts.
    pub from: f64,
    /// Where it ends.
    pub to: f64,
}

impl WaterfallStep {
    /// The column's signed height (`to − from`): the contribution of a factor step.
    pub fn delta(&self) -> f64 {
        self.to - self.from
    }
}

/// The gap as seven columns: plan, the five contributions in funnel order (each starting where
/// the previous one ended), fact. `None` when the breakdown is undefined.
pub fn waterfall_steps(gap: &Gap) -> Option<Vec<WaterfallStep>> {
    let plan = gap.plan?;
    let fact = gap.fact?;
    let mut steps = vec![WaterfallStep { kind: StepKind::Plan, from: 0.0, to: plan }];
    let mut run = plan;
    for f in Factor::ALL {
        let c = gap.contributions.get(f)?;
        steps.push(WaterfallStep { kind: StepKind::Factor(f), from: run, to: run + c });
        run += c;
    }
    steps.push(WaterfallStep { kind: StepKind::Fact, from: 0.0, to: fact });
    Some(steps)
}

/// A funnel stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Contacts (phone calls), before leads when the clinic has calls.
    Contacts,
    /// Leads.
    Leads,
    /// Bookings.
    Bookings,
    /// Visits.
    Visits,
    /// Paid.
    Paid,
}

impl Stage {
    /// The stage's name.
    pub fn label(self, lang: Lang) -> &'static str {
        tr(
            lang,
            match self {
                Stage::Contacts => K::BrContacts,
                Stage::Leads => K::Leads,
                Stage::Bookings => K::Bookings,
                Stage::Visits => K::ColVisits,
                Stage::Paid => K::Paid,
            },
        )
    }
}

/// One funnel column: the stage's count and the rate from the previous stage (from the metrics).
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelStage {
    /// The stage.
    pub stage: Stage,
    /// How many.
    pub count: Option<f64>,
    /// booking_rate, show_rate or paid_rate; lead_per_contact for leads after contacts; `None` for
    /// the first stage.
    pub rate: Option<f64>,
}

/// The funnel of the whole clinic (`channel` = `None`) or of one channel; `None` when the channel
/// is not in the KPIs (filtered out or gone). When there are calls, the contacts come first and
/// the leads carry lead_per_contact ("calls → leads").
pub fn funnel_stages(kpis: &Kpis, channel: Option<&str>) -> Option<Vec<FunnelStage>> {
    let (v, calls) = match channel {
        None => {
            let k = &kpis.total.kpis;
            (
                [k.leads, k.bookings, k.visits, k.paid, k.booking_rate, k.show_rate, k.paid_rate],
                (k.contacts, k.lead_per_contact),
            )
        }
        Some(name) => {
            let c = kpis.channels.iter().find(|c| c.channel == name)?;
            (
                [c.leads, c.bookings, c.visits, c.paid, c.booking_rate, c.show_rate, c.paid_rate],
                (c.contacts, c.lead_per_contact),
            )
        }
    };
    let has_calls = calls.0.is_some_and(|n| n > 0.0);
    let contacts = has_calls.then_some(FunnelStage { stage: Stage::Contacts, count: calls.0, rate: None });
    let lead_rate = if has_calls { calls.1 } else { None };
    Some(
        contacts
            .into_iter()
            .chain([
                FunnelStage { stage: Stage::Leads, count: v[0], rate: lead_rate },
                FunnelStage { stage: Stage::Bookings, count: v[1], rate: v[4] },
                FunnelStage { stage: Stage::Visits, count: v[2], rate: v[5] },
                FunnelStage { stage: Stage::Paid, count: v[3], rate: v[6] },
            ])
            .collect(),
    )
}

/// What the channel charts are sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ChannelSort {
    /// Spend, largest first.
    #[default]
    Spend,
    /// Attributed revenue, largest first.
    AttributedRevenue,
    /// CPL, cheapest first.
    Cpl,
    /// CAC, cheapest first.
    Cac,
    /// ROMI, best first.
    Romi,
    /// Name, alphabetical.
    Name,
}

impl ChannelSort {
    /// Every sort key, for the combo.
    pub const ALL: [ChannelSort; 6] = [
        ChannelSort::Spend,
        ChannelSort::AttributedRevenue,
        ChannelSort::Cpl,
        ChannelSort::Cac,
        ChannelSort::Romi,
        ChannelSort::Name,
    ];

    /// The key's name in the combo.
    pub fn label(self, lang: Lang) -> &'static str {
        tr(
            lang,
            match self {
                ChannelSort::Spend => K::SortSpend,
                ChannelSort::AttributedRevenue => K::SortRevenue,
                ChannelSort::Cpl => K::CardCpl,
                ChannelSort::Cac => K::CardCac,
                ChannelSort::Romi => K::Romi,
                ChannelSort::Name => K::SortName,
            },
        )
    }
}

/// The channels in the order the user picked; channels without a value for the key go last, in
/// the metrics' order. Costs (CPL, CAC) sort cheapest first, the rest largest first.
pub fn sorted_channels(kpis: &Kpis, key: ChannelSort) -> Vec<&ChannelKpis> {
    let mut v: Vec<&ChannelKpis> = kpis.channels.iter().collect();
    let value = |c: &ChannelKpis| match key {
        ChannelSort::Spend => c.spend,
        ChannelSort::AttributedRevenue => c.attributed_revenue,
        ChannelSort::Cpl => c.cpl.map(|x| -x),
        ChannelSort::Cac => c.cac.map(|x| -x),
        ChannelSort::Romi => c.romi,
        ChannelSort::Name => None,
    };
    if key == ChannelSort::Name {
        v.sort_by_key(|c| c.channel.to_lowercase());
    } else {
        // Stable: ties and channels without a value keep the metrics' order.
        v.sort_by(|a, b| match (value(a), value(b)) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
    }
    v
}

/// The period the KPIs cover, as a caption: `сен 2025 — дек 2026`.
pub fn period_caption(kpis: &Kpis, lang: Lang) -> Option<String> {
    let (first, last) = (kpis.months.first()?, kpis.months.last()?);
    Some(if first.month == last.month {
        month_label(first.month, lang)
    } else {
        format!("{} — {}", month_label(first.month, lang), month_label(last.month, lang))
    })
}
