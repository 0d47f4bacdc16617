//! The charts' words: a local label table (until the app's catalogue takes these keys), factor and
//! owner names, month and day labels.

use super::*;

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

pub(super) const MONTHS_RU: [&str; 12] =
    ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
pub(super) const MONTHS_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

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
