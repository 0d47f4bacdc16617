//! The app's charts (egui_plot): revenue against plan by month, the month in progress day by day
//! and by ISO week, the funnel, channels, directions with the revenue-gap waterfall, doctors and
//! NPS; the Charts view that lays them out under tabs; saving a chart as PNG.
//!
//! Every number comes from [`crate::metrics`]; this module only shapes series (cumulative sums of
//! day plans, waterfall steps, sort orders) and formats values with [`crate::format`]. The shaping
//! helpers are public and pure so that tests check them without drawing.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{Datelike, NaiveDate};
use egui::{Align2, Color32, RichText, Stroke};
use egui_plot::{
    Bar, BarChart, Corner, GridInput, GridMark, HLine, HoverPosition, Legend, Line, LineStyle, MarkerShape, Plot,
    PlotPoint, PlotPoints, Points, Text, VLine,
};

use super::pace;
use crate::format::{self, Lang};
use crate::metrics::{
    ChannelKpis, Factor, Filter, Gap, Kpis, MonthCalendar, MonthState, Owner, Progress, month_calendar,
};
use crate::model::{Month, Project};

// ---------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------

macro_rules! labels {
    ($($key:ident => $ru:expr, $en:expr;)*) => {
        /// A label of the charts and the pace panel. A local table until the app's i18n table
        /// takes these keys; a missing translation is a compile error, as there.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)] // each key's text below is its documentation
        pub enum T { $($key),* }

        impl T {
            /// Every key (for tests of the table).
            pub const ALL: &'static [T] = &[$(T::$key),*];
        }

        /// The text of `key` in `lang`.
        pub fn t(lang: Lang, key: T) -> &'static str {
            match (key, lang) {
                $((T::$key, Lang::Ru) => $ru, (T::$key, Lang::En) => $en,)*
            }
        }
    };
}

labels! {
    // Tabs
    Charts => "Графики", "Charts";
    TabRevenue => "Выручка по месяцам", "Revenue by month";
    TabMonth => "Текущий месяц", "Month in progress";
    TabFunnel => "Воронка", "Funnel";
    Contacts => "Обращения (звонки)", "Contacts (calls)";
    TabChannels => "Каналы", "Channels";
    TabDirections => "Направления", "Directions";
    TabDoctors => "Врачи", "Doctors";
    TabNps => "NPS", "NPS";
    SavePng => "Сохранить график в PNG…", "Save chart as PNG…";
    SavePngHint => "Сохраняет графики вкладки так, как они видны на экране", "Saves the tab's charts as they are on screen";

    // Series and axes
    Plan => "План", "Plan";
    Fact => "Факт", "Fact";
    FactToDate => "Факт на сегодня", "Fact to date";
    Forecast => "Прогноз", "Forecast";
    Completion => "Выполнение плана", "Plan completion";
    CumPlan => "План нарастающим итогом", "Cumulative plan";
    CumFact => "Факт нарастающим итогом", "Cumulative fact";
    ForecastLine => "Прогноз до конца месяца", "Forecast to month end";
    DayPlanWord => "План дня", "Day plan";
    DayFactWord => "Факт дня", "Day fact";
    WeekPlan => "План недели", "Week plan";
    WeekFact => "Факт недели", "Week fact";
    WeekWord => "Неделя", "Week";
    DayOfMonth => "День месяца", "Day of month";
    IsoWeek => "ISO-неделя", "ISO week";
    Roubles => "₽", "₽";
    Percent => "%", "%";
    CountAxis => "Количество", "Count";
    NpsPoints => "Баллы NPS", "NPS points";
    Period => "Период", "Period";
    NoData => "Нет данных за период", "No data in the period";
    NoProgress => "Нет незавершённого месяца: все месяцы с выручкой закрыты, прогноза и темпа нет.",
        "No month in progress: every month with revenue is complete, so there is no forecast or pace.";

    // Revenue by month
    ChartRevenue => "Выручка по месяцам: план и факт", "Revenue by month: plan vs fact";
    ChartRevenueNote => "Незавершённый месяц: светлая часть столбца — прогноз до конца месяца.",
        "Month in progress: the light part of its column is the forecast to month end.";

    // Month in progress
    ChartDays => "Текущий месяц по дням: план и факт нарастающим итогом", "Month in progress by day: cumulative plan vs fact";
    ChartWeeks => "Текущий месяц по ISO-неделям", "Month in progress by ISO week";
    ChartDaysNote => "План дня = план месяца × вес дня недели / вес месяца; праздники весят 0.",
        "Day plan = month plan × the weekday's weight / the month's weight; holidays weigh 0.";

    // Funnel
    ChartFunnel => "Воронка: лиды → записи → явки → оплаты", "Funnel: leads → bookings → visits → paid";
    WholeClinic => "Вся клиника", "Whole clinic";
    ChannelPick => "Канал", "Channel";
    Leads => "Лиды", "Leads";
    Bookings => "Записи", "Bookings";
    Visits => "Явки", "Visits";
    Paid => "Оплаты", "Paid";
    FromPrevious => "от предыдущего этапа", "of the previous stage";

    // Channels
    ChartSpendRevenue => "Каналы: расход и выручка с канала", "Channels: spend vs attributed revenue";
    ChartCplCac => "Каналы: CPL и CAC", "Channels: CPL and CAC";
    ChartRomi => "Каналы: ROMI", "Channels: ROMI";
    Spend => "Расход", "Spend";
    AttributedRevenue => "Выручка с канала", "Attributed revenue";
    Cpl => "CPL (цена лида)", "CPL (cost per lead)";
    Cac => "CAC (цена пришедшего пациента)", "CAC (cost per new patient)";
    Romi => "ROMI", "ROMI";
    Roas => "ROAS", "ROAS";
    BreakEven => "Окупаемость (ROMI 0)", "Break-even (ROMI 0)";
    SortBy => "Сортировать по", "Sort by";
    SortName => "названию", "name";
    SortSpend => "расходу", "spend";
    SortRevenue => "выручке с канала", "attributed revenue";
    SortCpl => "CPL", "CPL";
    SortCac => "CAC", "CAC";
    SortRomi => "ROMI", "ROMI";

    // Directions
    ChartDirRevenue => "Направления: план и выручка", "Directions: plan vs revenue";
    ChartDirLtv => "Направления: CAC и LTV", "Directions: CAC and LTV";
    ChartDirLtvCac => "Направления: LTV:CAC", "Directions: LTV:CAC";
    Revenue => "Выручка", "Revenue";
    RevenueFact => "Выручка, факт", "Revenue, fact";
    RevenuePlan => "План выручки", "Revenue plan";
    Ltv => "LTV (валовая прибыль с пациента)", "LTV (gross profit per patient)";
    LtvCac => "LTV:CAC", "LTV:CAC";
    LtvCacRef => "Норматив 3", "Reference 3";
    ChartWaterfall => "Разрыв выручки с каналов: план → этапы → факт", "Attributed revenue gap: plan → stages → fact";
    GapMonth => "Месяц", "Month";
    Bottleneck => "Узкое место", "Bottleneck";
    OwnerWord => "отвечают", "owner";
    NoBottleneck => "Узкого места нет: ни один этап не отстал от плана.", "No bottleneck: no stage fell behind its plan.";
    NoGaps => "Нет месяцев с полным планом по этапам (лиды, запись, доходимость, оплата, выручка на оплату) на листе «План».",
        "No month has a full stage plan (leads, booking, show and paid rates, revenue per paid) on the Plan sheet.";
    GapUndefined => "Разложение не определено: какой-то этап в этом месяце равен нулю или не заполнен.",
        "The breakdown is undefined: a stage is zero or missing in this month.";
    PlanR => "План", "Plan";
    FactR => "Факт", "Fact";
    Contribution => "вклад", "contribution";
    FactorLeads => "Лиды", "Leads";
    FactorBookingRate => "Запись", "Booking rate";
    FactorShowRate => "Доходимость", "Show rate";
    FactorPaidRate => "Оплата", "Paid rate";
    FactorRevenuePerPaid => "Выручка на оплату", "Revenue per paid";
    OwnerMarketer => "маркетолог", "marketer";
    OwnerAdministrators => "администраторы", "administrators";
    OwnerDoctors => "врачи", "doctors";
    OwnerManagement => "руководство", "management";

    // Doctors
    ChartDoctors => "Врачи: загрузка и конверсия в повторные", "Doctors: utilisation and primary → repeat conversion";
    ChartTreatment => "План лечения: рекомендовано → согласовано → выполнено", "Treatment plan: recommended → agreed → performed";
    Utilization => "Загрузка", "Utilisation";
    DoctorConversion => "Конверсия первичных в повторные", "Primary → repeat conversion";
    ConversionRef => "Норматив конверсии 50 %", "Conversion reference 50%";
    Recommended => "Рекомендовано", "Recommended";
    Agreed => "Согласовано", "Agreed";
    Performed => "Выполнено", "Performed";
    Procedures => "процедур", "procedures";

    // NPS
    ChartNps => "NPS по периодам", "NPS by period";
    ChartNpsGroups => "Ответы: промоутеры, нейтралы, критики", "Answers: promoters, passives, detractors";
    Promoters => "Промоутеры", "Promoters";
    Passives => "Нейтралы", "Passives";
    Detractors => "Критики", "Detractors";
    Respondents => "Ответов", "Respondents";
    NpsAverage => "Москва, в среднем 25", "Moscow average 25";
    NpsBest => "Москва, лучшие 71", "Moscow best 71";
    AllDirections => "Все направления", "All directions";
    DirectionPick => "Направление", "Direction";

    // Pace panel
    PaceTitle => "Темп месяца", "Month pace";
    PaceMonthPlan => "План месяца", "Month plan";
    PaceFactSoFar => "Факт на", "Fact as of";
    PacePlanToDate => "по плану к этому дню", "plan to this day";
    PaceTodayPlan => "План на", "Plan for";
    PaceForecast => "Прогноз на месяц", "Month forecast";
    PaceRequired => "Чтобы выполнить план, каждый полный рабочий день должен приносить", "To make the plan, each full working day from now must bring";
    PaceCurrent => "сейчас в среднем", "today's average:";
    PacePlanMade => "План месяца уже выполнен: всё, что придёт дальше, — сверх плана.",
        "The month's plan is already made: whatever comes in now is above plan.";
    PaceNoDaysLeft => "Полных рабочих дней до конца месяца не осталось: темп не определён.",
        "No full working day is left this month: there is no pace to keep.";
    PaceWeek => "Неделя", "Week";
    PaceWeekPlan => "план недели", "week plan";
    PaceWeekFact => "факт пока", "fact so far";
    PaceNoWeek => "Нет календаря месяца: недельный план не показан.", "No month calendar: the week plan is not shown.";
    PaceSaveFailed => "Не удалось сохранить график", "The chart could not be saved";
    PaceNothingToSave => "На экране нет графика для сохранения", "There is no chart on screen to save";
}

/// The name of a revenue factor.
pub fn factor_label(f: Factor, lang: Lang) -> &'static str {
    t(
        lang,
        match f {
            Factor::Leads => T::FactorLeads,
            Factor::BookingRate => T::FactorBookingRate,
            Factor::ShowRate => T::FactorShowRate,
            Factor::PaidRate => T::FactorPaidRate,
            Factor::RevenuePerPaid => T::FactorRevenuePerPaid,
        },
    )
}

/// Who owns a stage, in the user's language.
pub fn owner_label(o: Owner, lang: Lang) -> &'static str {
    t(
        lang,
        match o {
            Owner::Marketer => T::OwnerMarketer,
            Owner::Administrators => T::OwnerAdministrators,
            Owner::Doctors => T::OwnerDoctors,
            Owner::Management => T::OwnerManagement,
        },
    )
}

const MONTHS_RU: [&str; 12] = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A month as the axes write it: `ноя 26` / `Nov 26`.
pub fn month_short(m: Month, lang: Lang) -> String {
    let names = match lang {
        Lang::Ru => &MONTHS_RU,
        Lang::En => &MONTHS_EN,
    };
    let name = names.get((m.month as usize).wrapping_sub(1)).copied().unwrap_or("?");
    format!("{name} {:02}", m.year.rem_euclid(100))
}

/// A month in full for captions: `ноя 2026` / `Nov 2026`.
pub fn month_long(m: Month, lang: Lang) -> String {
    let names = match lang {
        Lang::Ru => &MONTHS_RU,
        Lang::En => &MONTHS_EN,
    };
    let name = names.get((m.month as usize).wrapping_sub(1)).copied().unwrap_or("?");
    format!("{name} {}", m.year)
}

/// A day as the user writes it: `18.11.2026` / `2026-11-18`.
pub fn day_label(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ru => d.format("%d.%m.%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

/// A short day for ranges: `18.11` / `Nov 18`.
pub fn day_short(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ru => d.format("%d.%m").to_string(),
        Lang::En => format!("{} {}", MONTHS_EN.get(d.month0() as usize).copied().unwrap_or("?"), d.day()),
    }
}

// ---------------------------------------------------------------------------------------------
// Series shaping (pure)
// ---------------------------------------------------------------------------------------------

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

/// The ISO week the month in progress is in "today" (the first day without data).
#[derive(Clone, Debug, PartialEq)]
pub struct WeekPace {
    /// ISO week number.
    pub week: u32,
    /// First day of the week inside the month.
    pub from: NaiveDate,
    /// Last day of the week inside the month.
    pub to: NaiveDate,
    /// The week's plan (sum of its day plans).
    pub plan: Option<f64>,
    /// The plan of the week's days up to the last day with data.
    pub plan_to_date: Option<f64>,
    /// The week's fact so far.
    pub fact: f64,
}

/// The current week of the month in progress: the week holding the day after the last day with
/// data. `None` when the calendar is of another month.
pub fn current_week(calendar: &MonthCalendar, progress: &Progress) -> Option<WeekPace> {
    if calendar.month != progress.month {
        return None;
    }
    let today = progress.last_day.succ_opt()?;
    let w = calendar.weeks.iter().find(|w| w.from <= today && today <= w.to)?;
    let plan_to_date = calendar
        .days
        .iter()
        .filter(|d| d.date >= w.from && d.date <= progress.last_day)
        .try_fold(0.0, |acc, d| d.plan.map(|p| acc + p));
    Some(WeekPace { week: w.week, from: w.from, to: w.to, plan: w.plan, plan_to_date, fact: w.fact })
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
        t(
            lang,
            match self {
                Stage::Contacts => T::Contacts,
                Stage::Leads => T::Leads,
                Stage::Bookings => T::Bookings,
                Stage::Visits => T::Visits,
                Stage::Paid => T::Paid,
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
        t(
            lang,
            match self {
                ChannelSort::Spend => T::SortSpend,
                ChannelSort::AttributedRevenue => T::SortRevenue,
                ChannelSort::Cpl => T::SortCpl,
                ChannelSort::Cac => T::SortCac,
                ChannelSort::Romi => T::SortRomi,
                ChannelSort::Name => T::SortName,
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
        month_long(first.month, lang)
    } else {
        format!("{} — {}", month_long(first.month, lang), month_long(last.month, lang))
    })
}

// ---------------------------------------------------------------------------------------------
// Drawing helpers
// ---------------------------------------------------------------------------------------------

/// The charts' colours, readable on light and dark backgrounds.
struct Palette {
    plan: Color32,
    fact: Color32,
    forecast: Color32,
    second: Color32,
    third: Color32,
    good: Color32,
    watch: Color32,
    bad: Color32,
    neutral: Color32,
    reference: Color32,
}

impl Palette {
    fn of(ui: &egui::Ui) -> Self {
        if ui.visuals().dark_mode {
            Self {
                plan: Color32::from_rgb(0x8a, 0x94, 0xa6),
                fact: Color32::from_rgb(0x4d, 0x9d, 0xf0),
                forecast: Color32::from_rgba_unmultiplied(0x4d, 0x9d, 0xf0, 0x70),
                second: Color32::from_rgb(0xf0, 0xa0, 0x3c),
                third: Color32::from_rgb(0xb0, 0x7c, 0xe8),
                good: Color32::from_rgb(0x5c, 0xc9, 0x7b),
                watch: Color32::from_rgb(0xf0, 0xb4, 0x3c),
                bad: Color32::from_rgb(0xef, 0x6b, 0x6b),
                neutral: Color32::from_gray(0xa0),
                reference: Color32::from_rgb(0xe0, 0xe0, 0x60),
            }
        } else {
            Self {
                plan: Color32::from_rgb(0xa8, 0xb0, 0xbe),
                fact: Color32::from_rgb(0x1f, 0x6f, 0xc8),
                forecast: Color32::from_rgba_unmultiplied(0x1f, 0x6f, 0xc8, 0x60),
                second: Color32::from_rgb(0xe0, 0x82, 0x14),
                third: Color32::from_rgb(0x7b, 0x4f, 0xc0),
                good: Color32::from_rgb(0x1e, 0x8e, 0x3e),
                watch: Color32::from_rgb(0xc2, 0x7c, 0x0e),
                bad: Color32::from_rgb(0xc6, 0x28, 0x28),
                neutral: Color32::from_gray(0x70),
                reference: Color32::from_rgb(0x90, 0x60, 0x00),
            }
        }
    }
}

/// An axis tick in money: `1,2 млн ₽`, `350 тыс. ₽` / `1.2M ₽`, `350k ₽`. Ticks are rounded for
/// reading; tooltips show the exact value.
pub fn money_tick(v: f64, lang: Lang) -> String {
    let a = v.abs();
    let (scaled, unit) = match lang {
        Lang::Ru if a >= 1e6 => (v / 1e6, "\u{a0}млн\u{a0}₽"),
        Lang::Ru if a >= 1e3 => (v / 1e3, "\u{a0}тыс.\u{a0}₽"),
        Lang::En if a >= 1e6 => (v / 1e6, "M\u{a0}₽"),
        Lang::En if a >= 1e3 => (v / 1e3, "k\u{a0}₽"),
        _ => (v, "\u{a0}₽"),
    };
    let decimals = if scaled.fract().abs() < 1e-9 { 0 } else { 1 };
    format!("{}{unit}", format::number(scaled, decimals, lang))
}

/// An axis tick for a rate: `25 %` / `25%`.
pub fn percent_tick(v: f64, lang: Lang) -> String {
    let x = v * 100.0;
    let decimals = if (x - x.round()).abs() < 1e-6 { 0 } else { 1 };
    match lang {
        Lang::Ru => format!("{}\u{a0}%", format::number(x, decimals, lang)),
        Lang::En => format!("{}%", format::number(x, decimals, lang)),
    }
}

/// A plain tick (counts, ratios, NPS points).
fn plain_tick(v: f64, lang: Lang) -> String {
    let decimals = if (v - v.round()).abs() < 1e-6 { 0 } else { 1 };
    format::number(v, decimals, lang)
}

/// The label of category `i` for an axis mark, blank between categories.
fn category_at(labels: &[String], mark: f64) -> String {
    let i = mark.round();
    if (mark - i).abs() > 1e-6 || i < 0.0 {
        return String::new();
    }
    labels.get(i as usize).cloned().unwrap_or_default()
}

/// Grid marks at every category, so each one gets a label (egui hides those that do not fit).
fn category_marks(n: usize) -> impl Fn(GridInput) -> Vec<GridMark> {
    move |_| (0..n).map(|i| GridMark { value: i as f64, step_size: 1.0 }).collect()
}

/// A plot with our defaults: fixed view (charts live in scroll areas, where zooming on the wheel
/// would fight scrolling), a legend, hover tooltips.
/// A plot with one horizontal bar row per name (channels, directions, doctors), first name on top.
fn category_plot<'a>(id: &str, height: f32, names: Vec<String>) -> Plot<'a> {
    let n = names.len();
    let top_first = reversed(&names);
    base_plot(id, height)
        .y_grid_spacer(category_marks(n))
        .include_y(-0.6)
        .include_y(n as f64 + 1.0)
        .y_axis_formatter(move |m, _| category_at(&top_first, m.value))
}

fn base_plot<'a>(id: &str, height: f32) -> Plot<'a> {
    Plot::new(id)
        .height(height)
        .x_grid_spacer(nice_marks)
        .y_grid_spacer(nice_marks)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .legend(Legend::default().position(Corner::LeftTop).follow_insertion_order(true))
}

/// Where a column chart's value axis ends: above the tallest column, leaving the top band to the
/// legend (top left) and the labels written over the columns.
fn headroom(top: f64) -> f64 {
    top * 1.35
}

/// The height a chart gets: what it wants, within what the caller left (a dashboard tile).
fn chart_height(_ui: &egui::Ui, wanted: f32) -> f32 {
    wanted.max(120.0)
}

/// Grid marks for a value axis at 1-2-5 steps about 70 points apart, so money and percent axes
/// carry several readable ticks (egui_plot's default only labels powers of ten).
fn nice_marks(input: GridInput) -> Vec<GridMark> {
    // base_step_size spans the plot's minimum grid spacing (a few points); aim for ~10 of those.
    let target = input.base_step_size * 10.0;
    if !(target.is_finite() && target > 0.0) {
        return Vec::new();
    }
    let mag = 10f64.powf(target.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * mag).find(|s| *s >= target).unwrap_or(10.0 * mag);
    let (lo, hi) = input.bounds;
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    if last - first > 1000 {
        return Vec::new();
    }
    (first..=last).map(|i| GridMark { value: i as f64 * step, step_size: step }).collect()
}

/// egui_plot's per-bar hover text.
type BarFormatter = Box<dyn Fn(&Bar, &BarChart) -> String>;

/// A bar series drawn solid in `colour` (egui_plot's default is an outline over a faint fill, too
/// pale to compare heights at a glance); bars with their own fill keep it. Hovering a bar shows
/// its name, which holds the whole tooltip.
fn solid_bars(name: impl Into<String>, mut bars: Vec<Bar>, colour: Color32) -> BarChart {
    for b in &mut bars {
        if b.fill == Color32::TRANSPARENT {
            b.fill = colour;
        }
        if b.stroke.color == Color32::TRANSPARENT {
            b.stroke = Stroke::new(1.0, b.fill);
        }
    }
    BarChart::new(name, bars).color(colour).element_formatter(bar_tooltip())
}

/// The label shown when hovering a bar: its name holds the whole tooltip.
fn bar_tooltip() -> BarFormatter {
    Box::new(|bar, _| bar.name.clone())
}

/// Tooltips of line and point series: `tips[series name][point index]`. Elsewhere nothing, since
/// the raw coordinates mean little to a clinic owner.
fn series_tooltip(tips: Vec<(String, Vec<String>)>) -> impl Fn(&HoverPosition<'_>) -> Option<String> {
    move |pos| match pos {
        HoverPosition::NearDataPoint { plot_name, index, .. } => {
            tips.iter().find(|(n, _)| n == plot_name).and_then(|(_, v)| v.get(*index)).cloned()
        }
        HoverPosition::Elsewhere { .. } => None,
    }
}

fn title_ui(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).strong().size(15.0));
}

fn empty_ui(ui: &mut egui::Ui, lang: Lang) {
    ui.weak(t(lang, T::NoData));
}

fn money(x: Option<f64>, lang: Lang) -> String {
    format::money(x, lang)
}

fn money_v(x: f64, lang: Lang) -> String {
    format::money(Some(x), lang)
}

/// Horizontal bars in rows: row `i` (0 = top) sits at y = n − 1 − i.
fn row_y(n: usize, i: usize) -> f64 {
    (n - 1 - i) as f64
}

// ---------------------------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------------------------

/// Revenue by month: plan and fact columns with the completion % above them; the month in
/// progress shows its forecast as a lighter column part above the fact to date.
pub fn revenue_by_month_ui(ui: &mut egui::Ui, kpis: &Kpis, lang: Lang) {
    revenue_by_month_sized(ui, kpis, lang, 420.0);
}

/// [`revenue_by_month_ui`] at a given plot height (the meeting fits it to the screen).
pub fn revenue_by_month_sized(ui: &mut egui::Ui, kpis: &Kpis, lang: Lang, height: f32) {
    title_ui(ui, t(lang, T::ChartRevenue));
    let bars = revenue_bars(kpis);
    if bars.is_empty() {
        empty_ui(ui, lang);
        return;
    }
    if let Some(p) = period_caption(kpis, lang) {
        ui.label(format!("{}: {p}", t(lang, T::Period)));
    }
    let pal = Palette::of(ui);
    let labels: Vec<String> = bars.iter().map(|b| month_short(b.month, lang)).collect();
    let n = bars.len();
    let mut plan = Vec::new();
    let mut fact = Vec::new();
    let mut forecast = Vec::new();
    let mut texts = Vec::new();
    for (i, b) in bars.iter().enumerate() {
        let x = i as f64;
        let month = month_long(b.month, lang);
        if let Some(p) = b.plan {
            plan.push(Bar::new(x - 0.2, p).width(0.4).name(format!(
                "{month}\n{}: {}",
                t(lang, T::Plan),
                money_v(p, lang)
            )));
        }
        let fact_word = if b.forecast.is_some() { t(lang, T::FactToDate) } else { t(lang, T::Fact) };
        if let Some(f) = b.fact {
            let mut tip = format!(
                "{month}\n{fact_word}: {}\n{}: {}",
                money_v(f, lang),
                t(lang, T::Completion),
                format::percent(b.completion, lang)
            );
            if b.forecast.is_some() {
                tip.push_str(&format!("\n{}: {}", t(lang, T::Forecast), money(b.forecast, lang)));
            }
            fact.push(Bar::new(x + 0.2, f).width(0.4).name(tip));
            if let Some(fc) = b.forecast.filter(|fc| *fc > f) {
                forecast.push(
                    Bar::new(x + 0.2, fc - f)
                        .base_offset(f)
                        .width(0.4)
                        .stroke(Stroke::new(1.0, pal.fact))
                        .name(format!("{month}\n{}: {}", t(lang, T::Forecast), money_v(fc, lang))),
                );
            }
        }
        let top = [b.plan, b.fact, b.forecast].into_iter().flatten().fold(0.0_f64, f64::max);
        if b.completion.is_some() {
            texts.push((x, top, format::percent(b.completion, lang)));
        }
    }
    let top = bars.iter().flat_map(|b| [b.plan, b.fact, b.forecast]).flatten().fold(0.0, f64::max);
    let h = chart_height(ui, height);
    let lx = labels.clone();
    base_plot("mf_revenue_by_month", h)
        .x_grid_spacer(category_marks(n))
        .x_axis_formatter(move |m, _| category_at(&lx, m.value))
        .y_axis_formatter(move |m, _| money_tick(m.value, lang))
        .y_axis_label(t(lang, T::Roubles))
        .include_y(0.0)
        .include_y(headroom(top))
        .show(ui, |p| {
            // Series names differ from the app's navigation ("План", "Выручка"): legend entries are
            // widgets with those names, and one name should mean one thing on screen.
            p.bar_chart(solid_bars(t(lang, T::RevenuePlan), plan, pal.plan));
            p.bar_chart(solid_bars(t(lang, T::RevenueFact), fact, pal.fact));
            if !forecast.is_empty() {
                p.bar_chart(solid_bars(t(lang, T::Forecast), forecast, pal.forecast));
            }
            for (x, y, s) in texts {
                p.text(
                    Text::new("", PlotPoint::new(x, y), RichText::new(s).small())
                        .anchor(Align2::CENTER_BOTTOM)
                        .allow_hover(false),
                );
            }
        });
    if bars.iter().any(|b| b.forecast.is_some()) {
        ui.weak(t(lang, T::ChartRevenueNote));
    }
}

/// The month in progress day by day: cumulative plan (weekday weights, holidays) against the
/// cumulative fact, and the forecast path to the month's end. `calendar` is that month's
/// ([`month_calendar`] of `kpis.progress`'s month).
pub fn month_days_ui(ui: &mut egui::Ui, kpis: &Kpis, calendar: Option<&MonthCalendar>, lang: Lang) {
    month_days_sized(ui, kpis, calendar, lang, 340.0);
}

fn month_days_sized(ui: &mut egui::Ui, kpis: &Kpis, calendar: Option<&MonthCalendar>, lang: Lang, height: f32) {
    title_ui(ui, t(lang, T::ChartDays));
    let (Some(progress), Some(cal)) = (kpis.progress.as_ref(), calendar) else {
        ui.label(t(lang, T::NoProgress));
        return;
    };
    let pal = Palette::of(ui);
    let s = day_series(cal, Some(progress));
    let day_tip = |x: f64, what: &str, v: f64| -> String {
        let day = cal.days.get((x as usize).saturating_sub(1));
        let date = day.map(|d| day_label(d.date, lang)).unwrap_or_default();
        let mut tip = format!("{date}\n{what}: {}", money_v(v, lang));
        if let Some(d) = day {
            tip.push_str(&format!(
                "\n{}: {}\n{}: {}",
                t(lang, T::DayPlanWord),
                money(d.plan, lang),
                t(lang, T::DayFactWord),
                money_v(d.fact, lang)
            ));
        }
        tip
    };
    let (n_plan, n_fact, n_fc) = (t(lang, T::CumPlan), t(lang, T::CumFact), t(lang, T::ForecastLine));
    let tips = vec![
        (n_plan.to_string(), s.plan.iter().map(|[x, y]| day_tip(*x, t(lang, T::Plan), *y)).collect()),
        (n_fact.to_string(), s.fact.iter().map(|[x, y]| day_tip(*x, t(lang, T::Fact), *y)).collect()),
        (n_fc.to_string(), s.forecast.iter().map(|[x, y]| day_tip(*x, t(lang, T::Forecast), *y)).collect()),
    ];
    let h = chart_height(ui, height);
    let last_day = f64::from(progress.last_day.day());
    let plan_line = s.plan.clone();
    base_plot("mf_month_days", h)
        .label_formatter(series_tooltip(tips))
        .x_axis_label(t(lang, T::DayOfMonth))
        .y_axis_label(t(lang, T::Roubles))
        .x_axis_formatter(
            |m, _| if m.value >= 1.0 && m.value.fract() == 0.0 { format!("{}", m.value) } else { String::new() },
        )
        .y_axis_formatter(move |m, _| money_tick(m.value, lang))
        .include_y(0.0)
        .include_x(1.0)
        .show(ui, |p| {
            p.line(Line::new(n_plan, PlotPoints::new(plan_line.clone())).color(pal.plan).width(2.0));
            p.points(Points::new(n_plan, PlotPoints::new(plan_line)).color(pal.plan).radius(2.0));
            p.line(Line::new(n_fact, PlotPoints::new(s.fact.clone())).color(pal.fact).width(2.5));
            p.points(Points::new(n_fact, PlotPoints::new(s.fact)).color(pal.fact).radius(2.5));
            if !s.forecast.is_empty() {
                p.line(
                    Line::new(n_fc, PlotPoints::new(s.forecast.clone()))
                        .color(pal.fact)
                        .style(LineStyle::dashed_loose())
                        .width(2.0),
                );
                p.points(
                    Points::new(n_fc, PlotPoints::new(s.forecast))
                        .color(pal.fact)
                        .radius(2.0)
                        .shape(MarkerShape::Diamond),
                );
            }
            p.vline(VLine::new("", last_day).color(pal.neutral).style(LineStyle::dashed_dense()).allow_hover(false));
            p.hline(
                HLine::new(t(lang, T::PaceMonthPlan), cal.revenue_plan)
                    .color(pal.plan)
                    .style(LineStyle::dashed_dense()),
            );
        });
    ui.weak(t(lang, T::ChartDaysNote));
}

/// The month in progress by ISO week: plan and fact columns per week (split at the month's edges).
pub fn month_weeks_ui(ui: &mut egui::Ui, kpis: &Kpis, calendar: Option<&MonthCalendar>, lang: Lang) {
    title_ui(ui, t(lang, T::ChartWeeks));
    let Some(cal) = calendar.filter(|c| kpis.progress.as_ref().is_some_and(|p| p.month == c.month)) else {
        ui.label(t(lang, T::NoProgress));
        return;
    };
    let pal = Palette::of(ui);
    let labels: Vec<String> = cal.weeks.iter().map(|w| format!("{} {}", t(lang, T::WeekWord), w.week)).collect();
    let mut plan = Vec::new();
    let mut fact = Vec::new();
    for (i, w) in cal.weeks.iter().enumerate() {
        let x = i as f64;
        let range =
            format!("{} {} ({}–{})", t(lang, T::WeekWord), w.week, day_short(w.from, lang), day_short(w.to, lang));
        if let Some(p) = w.plan {
            plan.push(Bar::new(x - 0.2, p).width(0.4).name(format!(
                "{range}\n{}: {}",
                t(lang, T::WeekPlan),
                money_v(p, lang)
            )));
        }
        fact.push(Bar::new(x + 0.2, w.fact).width(0.4).name(format!(
            "{range}\n{}: {}",
            t(lang, T::WeekFact),
            money_v(w.fact, lang)
        )));
    }
    let n = labels.len();
    let top = cal.weeks.iter().flat_map(|w| [w.plan, Some(w.fact)]).flatten().fold(0.0, f64::max);
    let h = chart_height(ui, 240.0);
    base_plot("mf_month_weeks", h)
        .x_grid_spacer(category_marks(n))
        .x_axis_formatter(move |m, _| category_at(&labels, m.value))
        .x_axis_label(t(lang, T::IsoWeek))
        .y_axis_label(t(lang, T::Roubles))
        .y_axis_formatter(move |m, _| money_tick(m.value, lang))
        .include_y(0.0)
        .include_y(headroom(top))
        .show(ui, |p| {
            p.bar_chart(solid_bars(t(lang, T::WeekPlan), plan, pal.plan));
            p.bar_chart(solid_bars(t(lang, T::WeekFact), fact, pal.fact));
        });
}

/// The funnel leads → bookings → visits → paid as columns, with each stage's rate from the
/// previous one written above it; the whole clinic, or one channel.
pub fn funnel_ui(ui: &mut egui::Ui, kpis: &Kpis, channel: Option<&str>, lang: Lang) {
    let title = match channel {
        Some(c) => format!("{} — {c}", t(lang, T::ChartFunnel)),
        None => format!("{} — {}", t(lang, T::ChartFunnel), t(lang, T::WholeClinic)),
    };
    title_ui(ui, &title);
    let Some(stages) = funnel_stages(kpis, channel) else {
        empty_ui(ui, lang);
        return;
    };
    if stages.iter().all(|s| s.count.is_none_or(|c| c == 0.0)) {
        empty_ui(ui, lang);
        return;
    }
    let pal = Palette::of(ui);
    let colours = [pal.plan, pal.second, pal.third, pal.fact, pal.neutral];
    let labels: Vec<String> = stages.iter().map(|s| s.stage.label(lang).to_string()).collect();
    let mut columns = Vec::new();
    let mut texts = Vec::new();
    for (i, s) in stages.iter().enumerate() {
        let v = s.count.unwrap_or(0.0);
        let mut tip = format!("{}: {}", s.stage.label(lang), format::count(s.count, lang));
        if i > 0 {
            tip.push_str(&format!("\n{} {}", format::percent(s.rate, lang), t(lang, T::FromPrevious)));
            texts.push((i as f64, v, format!("→ {}", format::percent(s.rate, lang))));
        }
        columns.push((s.stage.label(lang), colours[i % colours.len()], Bar::new(i as f64, v).width(0.6).name(tip)));
    }
    let top = stages.iter().filter_map(|s| s.count).fold(0.0, f64::max);
    let h = chart_height(ui, 280.0);
    base_plot("mf_funnel", h)
        .x_grid_spacer(category_marks(labels.len()))
        .x_axis_formatter(move |m, _| category_at(&labels, m.value))
        .y_axis_formatter(move |m, _| plain_tick(m.value, lang))
        .y_axis_label(t(lang, T::CountAxis))
        .include_y(0.0)
        .include_y(headroom(top))
        .show(ui, |p| {
            // One series per stage, so the legend names the stages in their colours.
            for (name, colour, bar) in columns {
                p.bar_chart(solid_bars(name, vec![bar], colour));
            }
            for (x, y, s) in texts {
                p.text(
                    Text::new("", PlotPoint::new(x, y), RichText::new(s).strong())
                        .anchor(Align2::CENTER_BOTTOM)
                        .allow_hover(false),
                );
            }
        });
}

/// Channel charts: spend against attributed revenue, CPL and CAC, and ROMI with the break-even
/// line (ROMI 0), one row per channel in the order of `sort`.
pub fn channels_ui(ui: &mut egui::Ui, kpis: &Kpis, sort: ChannelSort, lang: Lang) {
    let rows = sorted_channels(kpis, sort);
    title_ui(ui, t(lang, T::ChartSpendRevenue));
    if rows.is_empty() {
        empty_ui(ui, lang);
        return;
    }
    let pal = Palette::of(ui);
    let n = rows.len();
    let names: Vec<String> = rows.iter().map(|c| c.channel.clone()).collect();
    let h = chart_height(ui, 110.0 + 40.0 * n as f32);
    let channel_tip = |c: &ChannelKpis| -> String {
        format!(
            "{}\n{}: {}\n{}: {}\nROAS: {}\nROMI: {}",
            c.channel,
            t(lang, T::Spend),
            money(c.spend, lang),
            t(lang, T::AttributedRevenue),
            money(c.attributed_revenue, lang),
            format::ratio(c.roas, lang),
            format::percent(c.romi, lang)
        )
    };

    // Spend and attributed revenue.
    let mut spend = Vec::new();
    let mut revenue = Vec::new();
    for (i, c) in rows.iter().enumerate() {
        let y = row_y(n, i);
        spend.push(Bar::new(y + 0.18, c.spend.unwrap_or(0.0)).width(0.36).name(channel_tip(c)));
        revenue.push(Bar::new(y - 0.18, c.attributed_revenue.unwrap_or(0.0)).width(0.36).name(channel_tip(c)));
    }
    category_plot("mf_channels_money", h, names.clone())
        .x_axis_formatter(move |m, _| money_tick(m.value, lang))
        .x_axis_label(t(lang, T::Roubles))
        .include_x(0.0)
        .show(ui, |p| {
            p.bar_chart(solid_bars(t(lang, T::Spend), spend, pal.second).horizontal());
            p.bar_chart(solid_bars(t(lang, T::AttributedRevenue), revenue, pal.fact).horizontal());
        });

    // CPL and CAC.
    ui.add_space(8.0);
    title_ui(ui, t(lang, T::ChartCplCac));
    let mut cpl = Vec::new();
    let mut cac = Vec::new();
    for (i, c) in rows.iter().enumerate() {
        let y = row_y(n, i);
        let tip = format!("{}\nCPL: {}\nCAC: {}", c.channel, money(c.cpl, lang), money(c.cac, lang));
        if let Some(v) = c.cpl {
            cpl.push(Bar::new(y + 0.18, v).width(0.36).name(tip.clone()));
        }
        if let Some(v) = c.cac {
            cac.push(Bar::new(y - 0.18, v).width(0.36).name(tip));
        }
    }
    category_plot("mf_channels_cost", h, names.clone())
        .x_axis_formatter(move |m, _| money_tick(m.value, lang))
        .x_axis_label(t(lang, T::Roubles))
        .include_x(0.0)
        .show(ui, |p| {
            p.bar_chart(solid_bars(t(lang, T::Cpl), cpl, pal.third).horizontal());
            p.bar_chart(solid_bars(t(lang, T::Cac), cac, pal.second).horizontal());
        });

    // ROMI against break-even.
    ui.add_space(8.0);
    title_ui(ui, t(lang, T::ChartRomi));
    let mut romi = Vec::new();
    for (i, c) in rows.iter().enumerate() {
        let Some(v) = c.romi else { continue };
        let colour = if v >= 0.0 { pal.good } else { pal.bad };
        romi.push(Bar::new(row_y(n, i), v).width(0.6).fill(colour).name(channel_tip(c)));
    }
    category_plot("mf_channels_romi", h, names)
        .x_axis_formatter(move |m, _| percent_tick(m.value, lang))
        .x_axis_label(t(lang, T::Percent))
        .include_x(0.0)
        .show(ui, |p| {
            p.bar_chart(solid_bars(t(lang, T::Romi), romi, pal.good).horizontal());
            p.vline(
                VLine::new(t(lang, T::BreakEven), 0.0).color(pal.reference).width(2.0).style(LineStyle::dashed_dense()),
            );
        });
}

/// Row labels bottom-up, for horizontal bars whose first row is drawn on top.
fn reversed(names: &[String]) -> Vec<String> {
    names.iter().rev().cloned().collect()
}

/// How a by-name KPI chart writes its values (axis ticks and tooltips).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Money in the clinic's currency.
    Money,
    /// A fraction shown as a percent.
    Rate,
    /// A count.
    Count,
    /// NPS points.
    Points,
}

impl Unit {
    fn tick(self, v: f64, lang: Lang) -> String {
        match self {
            Unit::Money => money_tick(v, lang),
            Unit::Rate => percent_tick(v, lang),
            Unit::Count | Unit::Points => plain_tick(v, lang),
        }
    }

    /// The exact value as a tooltip and a table show it.
    pub fn text(self, x: Option<f64>, lang: Lang) -> String {
        match self {
            Unit::Money => format::money(x, lang),
            Unit::Rate => format::percent(x, lang),
            Unit::Count => format::count(x, lang),
            Unit::Points => x.map_or_else(|| "—".to_string(), |v| format::number(v, 1, lang)),
        }
    }
}

/// One KPI as horizontal bars, one row per name (first on top), e.g. the branches of a chain. A bar
/// takes its reference colour when `status` gives one, else the fact colour; a name without a value
/// has no bar.
pub fn kpi_bars_ui(
    ui: &mut egui::Ui,
    id: &str,
    names: &[String],
    values: &[Option<f64>],
    status: impl Fn(f64) -> Option<crate::metrics::references::Status>,
    unit: Unit,
    lang: Lang,
) {
    use crate::metrics::references::Status;
    let pal = Palette::of(ui);
    let n = names.len();
    let bars: Vec<Bar> = names
        .iter()
        .zip(values)
        .enumerate()
        .filter_map(|(i, (name, v))| {
            let v = (*v)?;
            let fill = match status(v) {
                Some(Status::Good) => pal.good,
                Some(Status::Watch) => pal.watch,
                Some(Status::Bad) => pal.bad,
                None => pal.fact,
            };
            Some(Bar::new(row_y(n, i), v).width(0.6).fill(fill).name(format!("{name}: {}", unit.text(Some(v), lang))))
        })
        .collect();
    category_plot(id, chart_height(ui, 40.0 + 28.0 * n as f32), names.to_vec())
        .x_axis_formatter(move |m, _| unit.tick(m.value, lang))
        .include_x(0.0)
        .show(ui, |p| p.bar_chart(solid_bars("", bars, pal.fact).horizontal()));
}

/// Direction charts: revenue against plan, CAC against LTV, and LTV:CAC against its reference 3.
pub fn directions_ui(ui: &mut egui::Ui, kpis: &Kpis, lang: Lang) {
    title_ui(ui, t(lang, T::ChartDirRevenue));
    let dirs = &kpis.directions;
    if dirs.is_empty() {
        empty_ui(ui, lang);
        return;
    }
    let pal = Palette::of(ui);
    let n = dirs.len();
    let names: Vec<String> = dirs.iter().map(|d| d.direction.clone()).collect();
    let h = chart_height(ui, 110.0 + 40.0 * n as f32);

    let mut plan = Vec::new();
    let mut revenue = Vec::new();
    for (i, d) in dirs.iter().enumerate() {
        let y = row_y(n, i);
        let tip = format!(
            "{}\n{}: {}\n{}: {}\n{}: {}",
            d.direction,
            t(lang, T::RevenuePlan),
            money(d.revenue_plan, lang),
            t(lang, T::Revenue),
            money(d.revenue, lang),
            t(lang, T::Completion),
            format::percent(d.plan_completion, lang)
        );
        if let Some(v) = d.revenue_plan {
            plan.push(Bar::new(y + 0.18, v).width(0.36).name(tip.clone()));
        }
        revenue.push(Bar::new(y - 0.18, d.revenue.unwrap_or(0.0)).width(0.36).name(tip));
    }
    category_plot("mf_dir_revenue", h, names.clone())
        .x_axis_formatter(move |m, _| money_tick(m.value, lang))
        .x_axis_label(t(lang, T::Roubles))
        .include_x(0.0)
        .show(ui, |p| {
            p.bar_chart(solid_bars(t(lang, T::RevenuePlan), plan, pal.plan).horizontal());
            p.bar_chart(solid_bars(t(lang, T::RevenueFact), revenue, pal.fact).horizontal());
        });

    ui.add_space(8.0);
    title_ui(ui, t(lang, T::ChartDirLtv));
    let mut cac = Vec::new();
    let mut ltv = Vec::new();
    let mut ratio = Vec::new();
    for (i, d) in dirs.iter().enumerate() {
        let y = row_y(n, i);
        let tip = format!(
            "{}\nCAC: {}\nLTV: {}\nLTV:CAC: {}",
            d.direction,
            money(d.cac, lang),
            money(d.ltv, lang),
            format::ratio(d.ltv_to_cac, lang)
        );
        if let Some(v) = d.cac {
            cac.push(Bar::new(y + 0.18, v).width(0.36).name(tip.clone()));
        }
        if let Some(v) = d.ltv {
            ltv.push(Bar::new(y - 0.18, v).width(0.36).name(tip.clone()));
        }
        if let Some(v) = d.ltv_to_cac {
            let colour = match crate::metrics::references::ltv_to_cac(v) {
                crate::metrics::references::Status::Good => pal.good,
                crate::metrics::references::Status::Watch => pal.watch,
                crate::metrics::references::Status::Bad => pal.bad,
            };
            ratio.push(Bar::new(y, v).width(0.6).fill(colour).name(tip));
        }
    }
    category_plot("mf_dir_ltv", h, names.clone())
        .x_axis_formatter(move |m, _| money_tick(m.value, lang))
        .x_axis_label(t(lang, T::Roubles))
        .include_x(0.0)
        .show(ui, |p| {
            p.bar_chart(solid_bars(t(lang, T::Cac), cac, pal.second).horizontal());
            p.bar_chart(solid_bars(t(lang, T::Ltv), ltv, pal.good).horizontal());
        });

    ui.add_space(8.0);
    title_ui(ui, t(lang, T::ChartDirLtvCac));
    category_plot("mf_dir_ltv_cac", h, names)
        .x_axis_formatter(move |m, _| plain_tick(m.value, lang))
        .x_axis_label(t(lang, T::LtvCac))
        .include_x(0.0)
        .include_x(3.5)
        .show(ui, |p| {
            p.bar_chart(solid_bars(t(lang, T::LtvCac), ratio, pal.good).horizontal());
            p.vline(
                VLine::new(t(lang, T::LtvCacRef), 3.0).color(pal.reference).width(2.0).style(LineStyle::dashed_dense()),
            );
        });
}

/// The revenue-gap waterfall of `month` ([`default_gap`] when `None`): plan → the five
/// stage contributions → fact, with the bottleneck and its owner written under it.
pub fn gap_waterfall_ui(ui: &mut egui::Ui, kpis: &Kpis, month: Option<Month>, lang: Lang) {
    title_ui(ui, t(lang, T::ChartWaterfall));
    let gap = match month {
        Some(m) => kpis.gaps.iter().find(|g| g.month == m).or_else(|| default_gap(kpis)),
        None => default_gap(kpis),
    };
    let Some(gap) = gap else {
        ui.label(t(lang, T::NoGaps));
        return;
    };
    ui.label(format!("{}: {}", t(lang, T::GapMonth), month_long(gap.month, lang)));
    let Some(steps) = waterfall_steps(gap) else {
        ui.label(t(lang, T::GapUndefined));
        return;
    };
    let pal = Palette::of(ui);
    let labels: Vec<String> = steps
        .iter()
        .map(|s| match s.kind {
            StepKind::Plan => t(lang, T::PlanR).to_string(),
            StepKind::Fact => t(lang, T::FactR).to_string(),
            StepKind::Factor(f) => factor_label(f, lang).to_string(),
        })
        .collect();
    let mut ends = Vec::new();
    let mut up = Vec::new();
    let mut down = Vec::new();
    for (i, s) in steps.iter().enumerate() {
        let x = i as f64;
        match s.kind {
            StepKind::Plan | StepKind::Fact => {
                ends.push(Bar::new(x, s.to).width(0.6).name(format!("{}: {}", labels[i], money_v(s.to, lang))));
            }
            StepKind::Factor(f) => {
                let owner = owner_label(f.owner(), lang);
                let tip = format!(
                    "{}: {} {}\n{}: {}",
                    labels[i],
                    t(lang, T::Contribution),
                    signed_money(s.delta(), lang),
                    t(lang, T::OwnerWord),
                    owner
                );
                let bar = Bar::new(x, s.delta()).base_offset(s.from).width(0.6).name(tip);
                if s.delta() >= 0.0 { up.push(bar) } else { down.push(bar) }
            }
        }
    }
    let h = chart_height(ui, 300.0);
    let n = labels.len();
    let lx = labels.clone();
    // Connectors between columns make the running total readable.
    let connectors: Vec<[f64; 2]> = steps
        .iter()
        .enumerate()
        .take(n.saturating_sub(1))
        .flat_map(|(i, s)| [[i as f64 + 0.3, s.to], [i as f64 + 0.7, s.to]])
        .collect();
    let top = steps.iter().flat_map(|s| [s.from, s.to]).fold(0.0, f64::max);
    base_plot("mf_gap_waterfall", h)
        .x_grid_spacer(category_marks(n))
        .x_axis_formatter(move |m, _| category_at(&lx, m.value))
        .y_axis_formatter(move |m, _| money_tick(m.value, lang))
        .y_axis_label(t(lang, T::Roubles))
        .include_y(0.0)
        .include_y(headroom(top))
        .show(ui, |p| {
            p.bar_chart(solid_bars(format!("{} / {}", t(lang, T::PlanR), t(lang, T::FactR)), ends, pal.plan));
            if !up.is_empty() {
                p.bar_chart(solid_bars(format!("+ {}", t(lang, T::Contribution)), up, pal.good));
            }
            if !down.is_empty() {
                p.bar_chart(solid_bars(format!("− {}", t(lang, T::Contribution)), down, pal.bad));
            }
            for pair in connectors.chunks(2) {
                p.line(Line::new("", PlotPoints::new(pair.to_vec())).color(pal.neutral).width(1.0).allow_hover(false));
            }
        });
    match (gap.bottleneck, gap.owner) {
        (Some(f), Some(o)) => {
            let c = gap.contributions.get(f);
            ui.label(
                RichText::new(format!(
                    "{}: {} ({}) — {}: {}",
                    t(lang, T::Bottleneck),
                    factor_label(f, lang),
                    c.map_or_else(|| format::DASH.to_string(), |v| signed_money(v, lang)),
                    t(lang, T::OwnerWord),
                    owner_label(o, lang)
                ))
                .strong()
                .color(pal.bad),
            );
        }
        _ => {
            ui.label(RichText::new(t(lang, T::NoBottleneck)).color(pal.good));
        }
    }
}

/// The gap shown until the user picks a month: the latest complete month with a defined
/// breakdown. A planned month without facts has none, and the month in progress compares a part
/// of a month with a whole month's plan, so its "bottleneck" is mostly the calendar; both stay
/// in the picker. Falls back to the latest gap.
pub fn default_gap(kpis: &Kpis) -> Option<&Gap> {
    let in_progress = kpis.progress.as_ref().map(|p| p.month);
    kpis.gaps.iter().rev().find(|g| Some(g.month) != in_progress && waterfall_steps(g).is_some()).or(kpis.gaps.last())
}

/// Money with an explicit sign: `+120 000 ₽`, `−45 000 ₽`.
fn signed_money(v: f64, lang: Lang) -> String {
    let s = money_v(v, lang);
    if v > 0.0 { format!("+{s}") } else { s }
}

/// Doctors: utilisation and primary → repeat conversion per doctor against the 0.5 reference.
pub fn doctors_ui(ui: &mut egui::Ui, kpis: &Kpis, lang: Lang) {
    title_ui(ui, t(lang, T::ChartDoctors));
    let docs = &kpis.doctors;
    if docs.is_empty() {
        empty_ui(ui, lang);
        return;
    }
    let pal = Palette::of(ui);
    let n = docs.len();
    let names: Vec<String> = docs.iter().map(|d| d.doctor.clone()).collect();
    let h = chart_height(ui, 110.0 + 40.0 * n as f32);
    let mut util = Vec::new();
    let mut conv = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let y = row_y(n, i);
        let tip = format!(
            "{}{}\n{}: {}\n{}: {}",
            d.doctor,
            d.direction.as_deref().map(|x| format!(" ({x})")).unwrap_or_default(),
            t(lang, T::Utilization),
            format::percent(d.utilization, lang),
            t(lang, T::DoctorConversion),
            format::percent(d.doctor_conversion, lang)
        );
        if let Some(v) = d.utilization {
            util.push(Bar::new(y + 0.18, v).width(0.36).name(tip.clone()));
        }
        if let Some(v) = d.doctor_conversion {
            let colour = if v >= 0.5 { pal.good } else { pal.bad };
            conv.push(Bar::new(y - 0.18, v).width(0.36).fill(colour).name(tip));
        }
    }
    category_plot("mf_doctors", h, names.clone())
        .x_axis_formatter(move |m, _| percent_tick(m.value, lang))
        .x_axis_label(t(lang, T::Percent))
        .include_x(0.0)
        .include_x(1.0)
        .show(ui, |p| {
            p.bar_chart(solid_bars(t(lang, T::Utilization), util, pal.plan).horizontal());
            p.bar_chart(solid_bars(t(lang, T::DoctorConversion), conv, pal.good).horizontal());
            p.vline(
                VLine::new(t(lang, T::ConversionRef), 0.5)
                    .color(pal.reference)
                    .width(2.0)
                    .style(LineStyle::dashed_dense()),
            );
        });

    ui.add_space(8.0);
    treatment_plan_ui(ui, kpis, lang);
}

/// The treatment-plan funnel per doctor: procedures recommended → agreed → performed, with the
/// metrics' rates in the tooltips.
pub fn treatment_plan_ui(ui: &mut egui::Ui, kpis: &Kpis, lang: Lang) {
    title_ui(ui, t(lang, T::ChartTreatment));
    let docs: Vec<_> = kpis.doctors.iter().filter(|d| d.recommended.is_some_and(|r| r > 0.0)).collect();
    if docs.is_empty() {
        empty_ui(ui, lang);
        return;
    }
    let pal = Palette::of(ui);
    let n = docs.len();
    let names: Vec<String> = docs.iter().map(|d| d.doctor.clone()).collect();
    let h = chart_height(ui, 110.0 + 54.0 * n as f32);
    let mut series: [Vec<Bar>; 3] = Default::default();
    for (i, d) in docs.iter().enumerate() {
        let y = row_y(n, i);
        let tip = format!(
            "{}\n{}: {}\n{}: {} ({})\n{}: {} ({}; {} {})",
            d.doctor,
            t(lang, T::Recommended),
            format::count(d.recommended, lang),
            t(lang, T::Agreed),
            format::count(d.agreed, lang),
            format::percent(d.plan_agreed_rate, lang),
            t(lang, T::Performed),
            format::count(d.performed, lang),
            format::percent(d.plan_performed_rate, lang),
            format::percent(d.plan_total_rate, lang),
            t(lang, T::Recommended).to_lowercase(),
        );
        for (k, (v, off)) in [(d.recommended, 0.25), (d.agreed, 0.0), (d.performed, -0.25)].into_iter().enumerate() {
            if let Some(v) = v {
                series[k].push(Bar::new(y + off, v).width(0.24).name(tip.clone()));
            }
        }
    }
    let [rec, agr, perf] = series;
    category_plot("mf_treatment", h, names)
        .x_axis_formatter(move |m, _| plain_tick(m.value, lang))
        .x_axis_label(t(lang, T::Procedures))
        .include_x(0.0)
        .show(ui, |p| {
            p.bar_chart(solid_bars(t(lang, T::Recommended), rec, pal.plan).horizontal());
            p.bar_chart(solid_bars(t(lang, T::Agreed), agr, pal.second).horizontal());
            p.bar_chart(solid_bars(t(lang, T::Performed), perf, pal.good).horizontal());
        });
}

/// NPS per period for all directions (`direction` = `None`) or one, against the Moscow
/// references, and the answers stacked by group (promoters, passives, detractors).
pub fn nps_ui(ui: &mut egui::Ui, kpis: &Kpis, direction: Option<&str>, lang: Lang) {
    let title = format!("{} — {}", t(lang, T::ChartNps), direction.unwrap_or(t(lang, T::AllDirections)));
    title_ui(ui, &title);
    let rows: Vec<_> = kpis.nps.iter().filter(|r| r.direction.as_deref() == direction).collect();
    if rows.is_empty() {
        empty_ui(ui, lang);
        return;
    }
    let pal = Palette::of(ui);
    let n = rows.len();
    let labels: Vec<String> = rows.iter().map(|r| r.period.clone()).collect();
    let tip = |r: &crate::metrics::NpsKpis| {
        format!(
            "{}\nNPS: {}\n{}: {}\n{}: {}\n{}: {}\n{}: {}",
            r.period,
            r.nps.map_or_else(|| format::DASH.to_string(), |v| format::number(v, 1, lang)),
            t(lang, T::Promoters),
            format::count(Some(r.promoters), lang),
            t(lang, T::Passives),
            format::count(Some(r.passives), lang),
            t(lang, T::Detractors),
            format::count(Some(r.detractors), lang),
            t(lang, T::Respondents),
            format::count(Some(r.respondents), lang)
        )
    };
    let pts: Vec<[f64; 2]> = rows.iter().enumerate().filter_map(|(i, r)| r.nps.map(|v| [i as f64, v])).collect();
    let pt_tips: Vec<String> = rows.iter().filter(|r| r.nps.is_some()).map(|r| tip(r)).collect();
    let name = "NPS";
    let h = chart_height(ui, 260.0);
    let lx = labels.clone();
    base_plot("mf_nps", h)
        .label_formatter(series_tooltip(vec![(name.to_string(), pt_tips)]))
        .x_grid_spacer(category_marks(n))
        .x_axis_formatter(move |m, _| category_at(&lx, m.value))
        .y_axis_formatter(move |m, _| plain_tick(m.value, lang))
        .y_axis_label(t(lang, T::NpsPoints))
        .include_y(0.0)
        .include_y(80.0)
        .include_x(-0.5)
        .include_x(n as f64 - 0.5)
        .show(ui, |p| {
            p.line(Line::new(name, PlotPoints::new(pts.clone())).color(pal.fact).width(2.5));
            p.points(Points::new(name, PlotPoints::new(pts)).color(pal.fact).radius(4.0).filled(true));
            p.hline(HLine::new(t(lang, T::NpsAverage), 25.0).color(pal.reference).style(LineStyle::dashed_dense()));
            p.hline(HLine::new(t(lang, T::NpsBest), 71.0).color(pal.good).style(LineStyle::dashed_dense()));
        });

    ui.add_space(8.0);
    title_ui(ui, t(lang, T::ChartNpsGroups));
    let mut groups: [Vec<Bar>; 3] = Default::default();
    for (i, r) in rows.iter().enumerate() {
        let x = i as f64;
        let tip = tip(r);
        // Stacked from the bottom: detractors, passives, promoters.
        groups[0].push(Bar::new(x, r.detractors).width(0.6).name(tip.clone()));
        groups[1].push(Bar::new(x, r.passives).base_offset(r.detractors).width(0.6).name(tip.clone()));
        groups[2].push(Bar::new(x, r.promoters).base_offset(r.detractors + r.passives).width(0.6).name(tip));
    }
    let [det, pas, pro] = groups;
    let top = rows.iter().map(|r| r.respondents).fold(0.0, f64::max);
    base_plot("mf_nps_groups", h)
        .x_grid_spacer(category_marks(n))
        .x_axis_formatter(move |m, _| category_at(&labels, m.value))
        .y_axis_formatter(move |m, _| plain_tick(m.value, lang))
        .y_axis_label(t(lang, T::Respondents))
        .include_y(0.0)
        .include_y(headroom(top))
        .show(ui, |p| {
            p.bar_chart(solid_bars(t(lang, T::Promoters), pro, pal.good));
            p.bar_chart(solid_bars(t(lang, T::Passives), pas, pal.neutral));
            p.bar_chart(solid_bars(t(lang, T::Detractors), det, pal.bad));
        });
}

// ---------------------------------------------------------------------------------------------
// The Charts view
// ---------------------------------------------------------------------------------------------

/// The tabs of the Charts view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ChartTab {
    /// Revenue by month.
    #[default]
    Revenue,
    /// The month in progress with the pace panel.
    Month,
    /// The funnel.
    Funnel,
    /// Channels.
    Channels,
    /// Directions and the revenue-gap waterfall.
    Directions,
    /// Doctors and treatment plans.
    Doctors,
    /// NPS.
    Nps,
}

impl ChartTab {
    /// Every tab, in the order shown.
    pub const ALL: [ChartTab; 7] = [
        ChartTab::Revenue,
        ChartTab::Month,
        ChartTab::Funnel,
        ChartTab::Channels,
        ChartTab::Directions,
        ChartTab::Doctors,
        ChartTab::Nps,
    ];

    /// The tab's name.
    pub fn label(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                ChartTab::Revenue => T::TabRevenue,
                ChartTab::Month => T::TabMonth,
                ChartTab::Funnel => T::TabFunnel,
                ChartTab::Channels => T::TabChannels,
                ChartTab::Directions => T::TabDirections,
                ChartTab::Doctors => T::TabDoctors,
                ChartTab::Nps => T::TabNps,
            },
        )
    }
}

/// The calendar of the month in progress, recomputed only when its inputs change (it walks every
/// Revenue row, too slow to redo each frame on big projects).
#[derive(Clone, Debug, Default)]
pub struct CalendarCache {
    key: Option<(Progress, Filter, usize)>,
    calendar: Option<MonthCalendar>,
}

impl CalendarCache {
    /// The calendar of `kpis.progress`'s month under `filter`'s direction, or `None` when there is
    /// no month in progress. Keyed on the progress (its revenue to date and last day change with
    /// any edit of that month's revenue), the filter and the number of Revenue rows.
    pub fn get(&mut self, project: &Project, kpis: &Kpis, filter: &Filter) -> Option<&MonthCalendar> {
        let Some(p) = kpis.progress.as_ref() else {
            self.key = None;
            self.calendar = None;
            return None;
        };
        let key = (p.clone(), filter.clone(), project.revenue.len());
        if self.key.as_ref() != Some(&key) {
            self.calendar = Some(month_calendar(project, p.month, filter));
            self.key = Some(key);
        }
        self.calendar.as_ref()
    }

    /// Forgets the calendar, e.g. after an edit the key cannot see.
    pub fn invalidate(&mut self) {
        self.key = None;
    }
}

/// What the Charts view remembers between frames: the picks and the chart to save.
#[derive(Clone, Debug, Default)]
pub struct ChartsState {
    /// The tab shown.
    pub tab: ChartTab,
    /// The funnel's channel (`None`: the whole clinic).
    pub channel: Option<String>,
    /// The channel charts' sort key.
    pub sort: ChannelSort,
    /// The month of the gap waterfall (`None`: the latest).
    pub gap_month: Option<Month>,
    /// The NPS direction (`None`: all directions).
    pub nps_direction: Option<String>,
    /// The month-in-progress calendar.
    pub calendar: CalendarCache,
    /// Screen rectangle of the charts shown last frame (clipped to what is visible): what
    /// "Save chart as PNG" saves.
    pub chart_rect: Option<egui::Rect>,
    /// Set when the user pressed the view's "Save as PNG" button; the app shell takes it with
    /// [`ChartsState::take_png_request`], asks for a path and calls [`request_png`].
    png_requested: bool,
    /// Where a pending screenshot's result lands (written by egui's screenshot callback).
    png_result: Option<PngSlot>,
}

impl ChartsState {
    /// Whether the user asked to save the chart as PNG since the last call (then cleared).
    pub fn take_png_request(&mut self) -> bool {
        std::mem::take(&mut self.png_requested)
    }

    /// Whether a screenshot has been asked for and has not arrived yet.
    pub fn png_pending(&self) -> bool {
        self.png_result.is_some()
    }
}

/// The Charts view: the tabs, then the chosen tab's charts in a scroll area. Draws into the
/// remaining space of `ui`.
pub fn charts_view_ui(
    ui: &mut egui::Ui,
    state: &mut ChartsState,
    project: &Project,
    kpis: &Kpis,
    filter: &Filter,
    lang: Lang,
) {
    ui.horizontal_wrapped(|ui| {
        for tab in ChartTab::ALL {
            ui.selectable_value(&mut state.tab, tab, tab.label(lang));
        }
        ui.separator();
        if ui.button(t(lang, T::SavePng)).on_hover_text(t(lang, T::SavePngHint)).clicked() {
            state.png_requested = true;
        }
    });
    ui.horizontal(|ui| pickers_ui(ui, state, kpis, lang));
    ui.separator();
    let calendar = if state.tab == ChartTab::Month { state.calendar.get(project, kpis, filter).cloned() } else { None };
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let clip = ui.clip_rect();
        let inner = ui.vertical(|ui| match state.tab {
            ChartTab::Revenue => revenue_by_month_ui(ui, kpis, lang),
            ChartTab::Month => {
                pace::pace_ui(ui, kpis.progress.as_ref(), calendar.as_ref(), lang);
                ui.add_space(8.0);
                month_days_ui(ui, kpis, calendar.as_ref(), lang);
                ui.add_space(8.0);
                month_weeks_ui(ui, kpis, calendar.as_ref(), lang);
            }
            ChartTab::Funnel => funnel_ui(ui, kpis, state.channel.as_deref(), lang),
            ChartTab::Channels => channels_ui(ui, kpis, state.sort, lang),
            ChartTab::Directions => {
                directions_ui(ui, kpis, lang);
                ui.add_space(12.0);
                gap_waterfall_ui(ui, kpis, state.gap_month, lang);
            }
            ChartTab::Doctors => doctors_ui(ui, kpis, lang),
            ChartTab::Nps => nps_ui(ui, kpis, state.nps_direction.as_deref(), lang),
        });
        let r = inner.response.rect.intersect(clip);
        state.chart_rect = (r.is_positive()).then_some(r);
    });
}

/// Writes a picker's label (before its combo, as the filter bar does) and returns the id that
/// names the combo for screen readers and tests.
fn picker_label(ui: &mut egui::Ui, text: &str) -> egui::Id {
    ui.label(text).id
}

/// The pickers of the current tab: the funnel's channel, the sort key, the gap month, the NPS
/// direction. Picks that the filters made disappear fall back to "all" / the latest.
fn pickers_ui(ui: &mut egui::Ui, state: &mut ChartsState, kpis: &Kpis, lang: Lang) {
    match state.tab {
        ChartTab::Funnel => {
            if state.channel.as_ref().is_some_and(|c| !kpis.channels.iter().any(|k| &k.channel == c)) {
                state.channel = None;
            }
            let shown = state.channel.clone().unwrap_or_else(|| t(lang, T::WholeClinic).to_string());
            let label = picker_label(ui, t(lang, T::ChannelPick));
            egui::ComboBox::from_id_salt(label)
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut state.channel, None, t(lang, T::WholeClinic));
                    for c in &kpis.channels {
                        ui.selectable_value(&mut state.channel, Some(c.channel.clone()), &c.channel);
                    }
                })
                .response
                .labelled_by(label);
        }
        ChartTab::Channels => {
            let label = picker_label(ui, t(lang, T::SortBy));
            egui::ComboBox::from_id_salt(label)
                .selected_text(state.sort.label(lang))
                .show_ui(ui, |ui| {
                    for s in ChannelSort::ALL {
                        ui.selectable_value(&mut state.sort, s, s.label(lang));
                    }
                })
                .response
                .labelled_by(label);
        }
        ChartTab::Directions => {
            if state.gap_month.is_some_and(|m| !kpis.gaps.iter().any(|g| g.month == m)) {
                state.gap_month = None;
            }
            if let Some(latest) = default_gap(kpis) {
                let shown = month_long(state.gap_month.unwrap_or(latest.month), lang);
                let label = picker_label(ui, t(lang, T::GapMonth));
                egui::ComboBox::from_id_salt(label)
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        for g in kpis.gaps.iter().rev() {
                            ui.selectable_value(&mut state.gap_month, Some(g.month), month_long(g.month, lang));
                        }
                    })
                    .response
                    .labelled_by(label);
            }
        }
        ChartTab::Nps => {
            let mut dirs: Vec<&str> = Vec::new();
            for d in kpis.nps.iter().filter_map(|r| r.direction.as_deref()) {
                if !dirs.contains(&d) {
                    dirs.push(d);
                }
            }
            if state.nps_direction.as_deref().is_some_and(|d| !dirs.contains(&d)) {
                state.nps_direction = None;
            }
            let shown = state.nps_direction.clone().unwrap_or_else(|| t(lang, T::AllDirections).to_string());
            let label = picker_label(ui, t(lang, T::DirectionPick));
            egui::ComboBox::from_id_salt(label)
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut state.nps_direction, None, t(lang, T::AllDirections));
                    for d in dirs {
                        ui.selectable_value(&mut state.nps_direction, Some(d.to_string()), d);
                    }
                })
                .response
                .labelled_by(label);
        }
        ChartTab::Revenue | ChartTab::Month | ChartTab::Doctors => {}
    }
}

/// The Dashboard's part: the pace panel, then revenue by month and the month in progress side by
/// side as two small charts (`height` points high).
pub fn dashboard_charts_ui(ui: &mut egui::Ui, kpis: &Kpis, calendar: Option<&MonthCalendar>, lang: Lang, height: f32) {
    pace::pace_ui(ui, kpis.progress.as_ref(), calendar, lang);
    ui.add_space(6.0);
    ui.columns(2, |cols| {
        let w = cols[0].available_width();
        cols[0].allocate_ui(egui::vec2(w, height), |ui| revenue_by_month_sized(ui, kpis, lang, height));
        let w = cols[1].available_width();
        cols[1].allocate_ui(egui::vec2(w, height), |ui| month_days_sized(ui, kpis, calendar, lang, height));
    });
}

// ---------------------------------------------------------------------------------------------
// Saving a chart as PNG
// ---------------------------------------------------------------------------------------------

/// Where egui's screenshot callback leaves the outcome of a save: the path, or a sentence.
pub type PngSlot = Arc<Mutex<Option<Result<PathBuf, String>>>>;

/// Asks egui for a screenshot of the next frame and saves the charts shown (`state.chart_rect`)
/// to `path` as PNG when it arrives; [`poll_png`] tells how it went. Returns `false` (nothing
/// asked) when no chart is on screen.
pub fn request_png(ctx: &egui::Context, state: &mut ChartsState, path: PathBuf, lang: Lang) -> bool {
    let Some(rect) = state.chart_rect else { return false };
    let slot = Arc::new(Mutex::new(None));
    state.png_result = Some(Arc::clone(&slot));
    request_png_of_rect(ctx, rect, path, lang, slot);
    true
}

/// Lower level: saves `rect` (in points) of the next frame to `path`; the result goes to `slot`.
/// For a chart outside the Charts view (the Dashboard's), with its response's rect.
pub fn request_png_of_rect(ctx: &egui::Context, rect: egui::Rect, path: PathBuf, lang: Lang, slot: PngSlot) {
    let ppp = ctx.pixels_per_point();
    let repaint = ctx.clone();
    ctx.request_screenshot(move |image| {
        let result = save_png(&image, rect, ppp, &path, lang).map(|()| path);
        if let Ok(mut s) = slot.lock() {
            *s = Some(result);
        }
        // The callback runs outside a frame: wake the app so it shows the result.
        repaint.request_repaint();
    });
}

/// The result of the last [`request_png`] once its screenshot has arrived: the saved path or a
/// sentence for the user. `None` while nothing is pending or it has not arrived yet.
pub fn poll_png(state: &mut ChartsState) -> Option<Result<PathBuf, String>> {
    let done = state.png_result.as_ref()?.lock().ok()?.take()?;
    state.png_result = None;
    Some(done)
}

/// The part of `image` (a screenshot at `pixels_per_point`) under `rect` (in points), clamped
/// to the image. `None` when nothing of `rect` is inside it.
pub fn crop(image: &egui::ColorImage, rect: egui::Rect, pixels_per_point: f32) -> Option<egui::ColorImage> {
    let [w, h] = image.size;
    let px = |v: f32, max: usize| ((v * pixels_per_point).round().max(0.0) as usize).min(max);
    let (x0, x1) = (px(rect.min.x, w), px(rect.max.x, w));
    let (y0, y1) = (px(rect.min.y, h), px(rect.max.y, h));
    (x1 > x0 && y1 > y0).then(|| image.region_by_pixels([x0, y0], [x1 - x0, y1 - y0]))
}

/// Encodes an image as PNG (8-bit RGBA).
///
/// # Errors
/// The encoder's message, if it fails (it does not for images egui makes).
pub fn encode_png(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    let (w32, h32) = (u32::try_from(w).map_err(|e| e.to_string())?, u32::try_from(h).map_err(|e| e.to_string())?);
    // egui's colours are premultiplied; PNG wants straight alpha.
    let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_srgba_unmultiplied()).collect();
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w32, h32);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&rgba).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// Crops `image` to `rect` and writes it to `path` as PNG, atomically (a temp file in the same
/// folder, then a rename), so a failed save never leaves half a file.
///
/// # Errors
/// A sentence naming the file: nothing on screen to save, or why it could not be written.
pub fn save_png(
    image: &egui::ColorImage,
    rect: egui::Rect,
    pixels_per_point: f32,
    path: &Path,
    lang: Lang,
) -> Result<(), String> {
    let cropped = crop(image, rect, pixels_per_point).ok_or_else(|| t(lang, T::PaceNothingToSave).to_string())?;
    write_png(&cropped, path, lang)
}

/// Writes `image` to `path` as PNG, atomically (a temp file in the same folder, then a rename).
///
/// # Errors
/// A sentence naming the file and why it could not be written.
pub fn write_png(image: &egui::ColorImage, path: &Path, lang: Lang) -> Result<(), String> {
    let fail = |why: String| format!("{} {}: {why}", t(lang, T::PaceSaveFailed), path.display());
    let bytes = encode_png(image).map_err(fail)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(|e| fail(e.to_string()))?;
    std::io::Write::write_all(&mut tmp, &bytes).map_err(|e| fail(e.to_string()))?;
    tmp.as_file().sync_all().map_err(|e| fail(e.to_string()))?;
    tmp.persist(path).map_err(|e| fail(e.error.to_string()))?;
    Ok(())
}

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
    fn every_label_has_both_texts() {
        for k in T::ALL {
            assert!(!t(Lang::Ru, *k).trim().is_empty(), "{k:?} ru");
            assert!(!t(Lang::En, *k).trim().is_empty(), "{k:?} en");
        }
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
    fn the_current_week_is_the_one_after_the_last_day_with_data() {
        let s = Settings::default();
        // June 2025 weighs 23; data up to Wed 11 June; week 24 is Mon 9..Sun 15.
        let m = Month::new(2025, 6).unwrap();
        let cal = MonthCalendar::new(&s, m, 23_000.0, |day| if day <= d(2025, 6, 11) { 700.0 } else { 0.0 });
        let p = Progress::new(&s, m, d(2025, 6, 11), 7_700.0, 23_000.0).unwrap();
        let w = current_week(&cal, &p).unwrap();
        assert_eq!((w.week, w.from, w.to), (24, d(2025, 6, 9), d(2025, 6, 15)));
        assert_eq!(w.plan, Some(5_500.0));
        assert_eq!(w.plan_to_date, Some(3_000.0)); // Mon, Tue, Wed
        assert_eq!(w.fact, 2_100.0);
        // Data up to Sunday 15: "today" is Monday 16, the next week, nothing earned yet.
        let p = Progress::new(&s, m, d(2025, 6, 15), 7_700.0, 23_000.0).unwrap();
        let w = current_week(&cal, &p).unwrap();
        assert_eq!((w.week, w.plan_to_date, w.fact), (25, Some(0.0), 0.0));
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
        assert_eq!(money_tick(1_250_000.0, Lang::Ru), "1,2\u{a0}млн\u{a0}₽");
        assert_eq!(money_tick(2_000_000.0, Lang::En), "2M\u{a0}₽");
        assert_eq!(money_tick(350_000.0, Lang::Ru), "350\u{a0}тыс.\u{a0}₽");
        assert_eq!(money_tick(0.0, Lang::En), "0\u{a0}₽");
        assert_eq!(percent_tick(0.25, Lang::Ru), "25\u{a0}%");
        assert_eq!(percent_tick(-0.125, Lang::En), "−12.5%");
        let m = Month::new(2026, 11).unwrap();
        assert_eq!(month_short(m, Lang::Ru), "ноя 26");
        assert_eq!(month_long(m, Lang::En), "Nov 2026");
        assert_eq!(category_at(&["a".into(), "b".into()], 1.0), "b");
        assert_eq!(category_at(&["a".into(), "b".into()], 0.5), "");
        assert_eq!(category_at(&["a".into()], 3.0), "");
    }

    #[test]
    fn crop_clamps_to_the_image_and_png_round_trips() {
        let mut img = egui::ColorImage::filled([40, 30], Color32::WHITE);
        img.pixels[10 * 40 + 20] = Color32::RED; // (20, 10)
        // 2 pixels per point: rect (10,5)-(15,10) points = pixels (20,10)-(30,20).
        let c = crop(&img, egui::Rect::from_min_max(egui::pos2(10.0, 5.0), egui::pos2(15.0, 10.0)), 2.0).unwrap();
        assert_eq!(c.size, [10, 10]);
        assert_eq!(c.pixels[0], Color32::RED);
        // Partly outside: clamped; wholly outside: nothing.
        let c = crop(&img, egui::Rect::from_min_max(egui::pos2(-5.0, -5.0), egui::pos2(100.0, 100.0)), 1.0).unwrap();
        assert_eq!(c.size, [40, 30]);
        assert!(crop(&img, egui::Rect::from_min_max(egui::pos2(50.0, 50.0), egui::pos2(60.0, 60.0)), 1.0).is_none());

        let bytes = encode_png(&img).unwrap();
        let dec = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut r = dec.read_info().unwrap();
        let mut buf = vec![0; r.output_buffer_size().unwrap()];
        let info = r.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (40, 30));
        assert_eq!(&buf[(10 * 40 + 20) * 4..(10 * 40 + 20) * 4 + 4], &[255, 0, 0, 255]);
    }

    #[test]
    fn save_png_writes_the_cropped_chart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.png");
        let img = egui::ColorImage::filled([100, 80], Color32::BLUE);
        let rect = egui::Rect::from_min_max(egui::pos2(10.0, 10.0), egui::pos2(60.0, 40.0));
        save_png(&img, rect, 1.0, &path, Lang::En).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let r = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().unwrap();
        assert_eq!((r.info().width, r.info().height), (50, 30));
        let err = save_png(&img, rect, 1.0, &dir.path().join("missing/x.png"), Lang::Ru).unwrap_err();
        assert!(err.contains("Не удалось сохранить график"), "{err}");
    }
}
