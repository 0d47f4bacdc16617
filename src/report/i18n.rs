//! The report's one translation table: every sheet name, header, label, status word and sentence
//! of the analyst report in English and Russian, side by side, so a missing translation is a
//! compile error rather than an English word in a Russian report.

use crate::format::Lang;
use crate::metrics::{Factor, Owner};
use crate::model::Tier;

macro_rules! texts {
    ($($name:ident => $en:literal, $ru:literal;)*) => {
        /// A text of the report; [`T::get`] gives it in a language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum T {
            $($name,)*
        }

        impl T {
            /// Every text, for tests that check the table.
            #[cfg(test)]
            pub(crate) const ALL: &'static [T] = &[$(T::$name,)*];

            /// The text in `lang`.
            pub(crate) fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$name, Lang::En) => $en, (T::$name, Lang::Ru) => $ru,)*
                }
            }
        }
    };
}

texts! {
    // Sheet names. None may read as a template sheet name (the importer matches those, also the
    // part before a parenthesis), or the report would not import back.
    SheetSummary => "Summary", "Сводка";
    SheetMonths => "Months", "Месяцы";
    SheetDays => "Month in progress", "Текущий месяц";
    SheetChannels => "Channel results", "Итоги каналов";
    SheetDirections => "Direction results", "Итоги направлений";
    SheetDoctors => "Doctor results", "Итоги врачей";
    SheetNps => "NPS results", "Итоги NPS";
    SheetGaps => "Revenue gaps", "Разрывы выручки";
    SheetAarrr => "AARRR links", "Звенья AARRR";
    SheetScenarios => "Scenarios", "Сценарии";
    SheetCohorts => "Cohort results", "Итоги когорт";
    SheetCalls => "Call results", "Итоги звонков";

    // Calls (domain.md, "Calls").
    TitleCalls => "Calls: answered, missed and lost contacts", "Звонки: принятые, пропущенные и потерянные обращения";
    CallsNote => "A contact is one caller's incoming calls on one day. A missed contact ends as a callback within 20 minutes, a later callback, the patient calling again, or lost (nobody reached within 24 hours).",
        "Обращение — все входящие звонки одного абонента за день. Пропущенное обращение заканчивается перезвоном за 20 минут, перезвоном позже, повторным звонком пациента или потерей (за 24 часа никто не дозвонился).";
    NoCalls => "No calls in the period: import a call journal (--calls) or fill the Calls sheet.",
        "За период нет звонков: импортируйте журнал звонков (--calls) или заполните лист «Звонки».";
    Contacts => "Contacts", "Обращения";
    Answered => "Answered", "Принято";
    AnswerRate => "Answer rate", "Доля принятых";
    AnswerTarget => "Target", "Цель";
    Missed => "Missed", "Пропущено";
    Callbacks20m => "Called back ≤ 20 min", "Перезвон ≤ 20 мин";
    CallbacksLater => "Called back later", "Перезвон позже";
    Recalled => "Patient called again", "Перезвонил сам";
    Lost => "Lost", "Потеряно";
    LostRate => "Lost share", "Доля потерянных";
    Callback20mRate => "Callback ≤ 20 min share", "Доля перезвона ≤ 20 мин";
    AvgWait => "Avg wait, s", "Ожидание, сек";
    AvgTalk => "Avg talk, s", "Разговор, сек";
    LeadPerContact => "Leads per contact", "Лидов на обращение";
    LostRevenue => "Money left on the phone", "Деньги, оставшиеся в телефоне";
    Employee => "Administrator", "Администратор";
    EmployeesTitle => "Administrators over the period", "Администраторы за период";
    ChartAnswerRate => "Answer rate by month against the target", "Доля принятых обращений по месяцам и цель";
    CardLostContacts => "Lost contacts", "Потерянные обращения";
    SheetBranches => "Branch comparison", "Сравнение филиалов";

    // Titles and notes.
    Report => "Marketing report", "Маркетинговый отчёт";
    Period => "Period", "Период";
    NoData => "No data for the period", "Нет данных за период";
    TitleMonths => "Months: plan and fact", "Месяцы: план и факт";
    TitleDaysInProgress => "Month in progress", "Текущий месяц";
    TitleDaysComplete => "Last month with revenue (complete)", "Последний месяц с выручкой (завершён)";
    DataUpTo => "data up to", "данные по";
    TitleChannels => "Channels over the period", "Каналы за период";
    TitleDirections => "Directions over the period", "Направления за период";
    TitleDoctors => "Doctors over the period", "Врачи за период";
    TitleNps => "NPS by period", "NPS по периодам";
    TitleBranches => "Branches side by side over the period (shared campaigns split by leads)",
        "Филиалы рядом за период (общие кампании разделены по лидам)";
    BranchOf => "Branch", "Филиал";
    // The word in the report's default file name, after the clinic's name.
    ReportFileWord => "report", "отчёт";
    ChainTotal => "Whole chain", "Вся сеть";
    TitleGaps => "Revenue gaps: which funnel stage lost the money, and whose job it is",
        "Разрывы выручки: на каком этапе воронки потеряны деньги и чья это зона";
    GapsNote => "Plan and fact here are revenue from new patients (leads × booking × show × paid × revenue per paid); the five contributions add up to the difference.",
        "План и факт — выручка от новых пациентов (лиды × запись × доходимость × оплата × выручка на оплату); пять вкладов в сумме дают отклонение.";
    TemplateNote => "The sheets after these hold the data the report was built from.",
        "Листы после отчётных содержат исходные данные отчёта.";

    // Chart titles.
    ChartPlanFact => "Revenue: plan and fact", "Выручка: план и факт";
    ChartCumulative => "Cumulative revenue: plan, fact and forecast", "Выручка нарастающим итогом: план, факт, прогноз";
    ChartFunnel => "Funnel of the period", "Воронка за период";
    ChartRomi => "ROMI by channel", "ROMI по каналам";
    ChartNps => "NPS trend", "Динамика NPS";
    ChartBranches => "Revenue to date: plan and fact by branch", "Выручка на дату: план и факт по филиалам";

    // Column headers.
    Month => "Month", "Месяц";
    RevenuePlan => "Revenue plan", "План выручки";
    Revenue => "Revenue", "Выручка";
    PlanCompletion => "Plan completion", "Выполнение плана";
    PlanToDate => "Plan to date", "План на сегодня";
    CompletionToDate => "Plan completion to date", "Выполнение плана на сегодня";
    PlanCompletionWhole => "Completion of the whole period's plan", "Выполнение плана всего периода";
    Forecast => "Forecast", "Прогноз";
    BudgetPlan => "Budget plan", "План бюджета";
    Spend => "Spend", "Расход";
    BudgetExecution => "Budget execution", "Исполнение бюджета";
    MarketingShare => "Marketing share of revenue", "Доля маркетинга в выручке";
    Leads => "Leads", "Лиды";
    Bookings => "Bookings", "Записи";
    Visits => "Visits (new patients)", "Явки (новые пациенты)";
    Paid => "Paid", "Оплаты";
    BookingRate => "Booking rate", "Конверсия в запись";
    ShowRate => "Show rate", "Доходимость";
    PaidRate => "Paid rate", "Конверсия в оплату";
    AttributedRevenue => "Revenue from new patients", "Выручка от новых пациентов";
    Cpl => "Cost per lead (CPL)", "Цена лида (CPL)";
    Cac => "Cost per new patient (CAC)", "Цена пациента (CAC)";
    RevenuePerPaid => "Revenue per paying patient", "Выручка на оплату";
    AvgCheck => "Average check", "Средний чек";
    GrossProfit => "Gross profit", "Валовая прибыль";
    AttributedGrossProfit => "Gross profit from new patients", "Валовая прибыль от новых пациентов";
    Roas => "ROAS", "ROAS";
    Romi => "ROMI", "ROMI";
    RequiredPace => "Required pace per full day", "Нужный темп на полный день";
    Total => "Total", "Итого";
    Channel => "Channel", "Канал";
    Tier => "Tier", "Категория";
    ReturningLeads => "Returning leads", "Повторные обращения";
    Direction => "Direction", "Направление";
    Margin => "Margin", "Маржинальность";
    Ltv => "LTV", "LTV";
    LtvToCac => "LTV:CAC", "LTV:CAC";
    Doctor => "Doctor", "Врач";
    PrimaryPatients => "Primary patients", "Первичные пациенты";
    RepeatPatients => "Repeat patients", "Повторные пациенты";
    DoctorConversion => "Repeat / primary", "Повторные / первичные";
    HoursAvailable => "Hours available", "Часы доступно";
    HoursBooked => "Hours booked", "Часы занято";
    Utilization => "Utilisation", "Загрузка";
    Recommended => "Recommended", "Рекомендовано";
    Agreed => "Agreed", "Согласовано";
    Performed => "Performed", "Выполнено";
    PlanAgreedRate => "Agreed / recommended", "Согласовано / рекомендовано";
    PlanPerformedRate => "Performed / agreed", "Выполнено / согласовано";
    PlanTotalRate => "Performed / recommended", "Выполнено / рекомендовано";
    NpsPeriod => "Period", "Период";
    AllDirections => "All directions", "Все направления";
    Respondents => "Respondents", "Ответов";
    Promoters => "Promoters", "Промоутеры";
    Passives => "Passives", "Нейтралы";
    Detractors => "Detractors", "Критики";
    Nps => "NPS", "NPS";
    Date => "Date", "Дата";
    Weekday => "Weekday", "День недели";
    Weight => "Day weight", "Вес дня";
    DayPlan => "Day plan", "План дня";
    Fact => "Fact", "Факт";
    CumulativePlan => "Cumulative plan", "План нарастающим";
    CumulativeFact => "Cumulative fact", "Факт нарастающим";
    CumulativeForecast => "Forecast (cumulative)", "Прогноз нарастающим";
    IsoWeek => "ISO week", "Неделя ISO";
    From => "From", "С";
    To => "To", "По";
    WeekPlan => "Week plan", "План недели";
    Completion => "Completion", "Выполнение";
    GapPlan => "Plan (funnel)", "План по воронке";
    GapFact => "Fact (funnel)", "Факт по воронке";
    Difference => "Difference", "Отклонение";
    Bottleneck => "Bottleneck", "Узкое место";
    Owner => "Owner", "Ответственный";
    Stage => "Stage", "Этап";
    Count => "Count", "Количество";
    ConversionFromPrevious => "Conversion from the previous stage", "Конверсия из предыдущего этапа";

    // Summary.
    Indicator => "Indicator", "Показатель";
    Value => "Value", "Значение";
    PlanOrReference => "Plan or reference", "План или ориентир";
    Status => "Status", "Статус";
    Good => "good", "хорошо";
    Watch => "watch", "внимание";
    Bad => "bad", "плохо";
    CardForecast => "Forecast of the month in progress", "Прогноз текущего месяца";
    CardNps => "NPS, latest period", "NPS, последний период";
    CardProven => "Spend share: proven channels", "Доля расхода: проверенные каналы";
    CardScaling => "Spend share: scaling channels", "Доля расхода: масштабируемые каналы";
    CardExperiment => "Spend share: experiments", "Доля расхода: эксперименты";
    RefNps => "25 average, 71 best", "25 в среднем, 71 у лучших";
    RefShare => "4–10 %", "4–10 %";
    InProgress => "Month in progress", "Текущий месяц";
    RevenueToDate => "Revenue to date", "Выручка на сегодня";
    PlanOfMonth => "Plan of the month", "План месяца";
    PaceSentence => "To make the plan, each full working day from now must bring {X} (average so far: {Y}).",
        "Чтобы выполнить план, каждый полный рабочий день должен приносить {X} (сейчас в среднем {Y}).";
    PlanAlreadyMade => "The month's plan is already made (average per full day so far: {Y}).",
        "План месяца уже выполнен (сейчас в среднем {Y} за полный день).";
    NoDaysLeft => "No working day is left this month to make the plan.",
        "В месяце не осталось рабочих дней, чтобы выполнить план.";
    NoProgress => "No month is in progress: the last month with revenue is complete.",
        "Текущего месяца нет: последний месяц с выручкой завершён.";
    BottleneckOf => "Bottleneck of the last full month", "Узкое место последнего полного месяца";
    LostAgainstPlan => "Lost against plan", "Потеряно к плану";
    NoBottleneck => "No funnel stage was below plan.", "Ни один этап воронки не ниже плана.";
    NoGap => "No full month has a complete funnel plan (leads and rates).", "Ни у одного полного месяца нет полного плана воронки (лиды и конверсии).";
    LeversTitle => "Levers by headroom: back to your own best 3 months (top five)", "Рычаги по запасу: вернуться к своим лучшим 3 месяцам (пять главных)";
    Lever => "Lever", "Рычаг";
    NowToBest => "Now → your best (its 3 months)", "Сейчас → ваш лучший (его 3 месяца)";
    WholeClinic => "whole clinic", "вся клиника";
    ProfitPerMonth => "Profit per month", "Прибыль в месяц";

    // Values.
    OwnerMarketer => "marketer", "маркетолог";
    OwnerAdministrators => "administrators", "администраторы";
    OwnerDoctors => "doctors", "врачи";
    OwnerManagement => "management", "руководство";
    TierProven => "proven", "проверенный";
    TierScaling => "scaling", "масштабирование";
    TierExperiment => "experiment", "эксперимент";
    Mon => "Mon", "Пн";
    Tue => "Tue", "Вт";
    Wed => "Wed", "Ср";
    Thu => "Thu", "Чт";
    Fri => "Fri", "Пт";
    Sat => "Sat", "Сб";
    Sun => "Sun", "Вс";

    // The story, AARRR, scenarios, cohorts and the printed footer.
    StoryTitle => "The story in seven steps", "История в семи шагах";
    TitleAarrr => "AARRR: the five links against the previous period", "AARRR: пять звеньев против прошлого периода";
    AarrrNote => "The period ends at the last complete month; the previous period has as many months just before it.",
        "Период кончается последним завершённым месяцем; прошлый период — столько же месяцев перед ним.";
    Link => "Link", "Звено";
    Measure => "Measure", "Показатель";
    Previous => "Previous period", "Прошлый период";
    Change => "Change", "Изменение";
    Weakest => "Weakest link", "Слабое звено";
    NoWeakest => "No link fell against the previous period.", "Ни одно звено не упало против прошлого периода.";
    NoPrevious => "No data for the previous period: nothing to compare with.", "За прошлый период данных нет: сравнить не с чем.";
    NoCompleteMonth => "No month of the period is complete yet: the links are not measured.", "В периоде ещё нет завершённого месяца: звенья не измеряются.";
    RepeatShare => "Repeat share", "Доля повторных";
    ReferralShare => "Referral share", "Доля рекомендаций";
    LinkAcquisition => "Acquisition 获客", "Привлечение 获客";
    LinkActivation => "Activation 激活", "Активация 激活";
    LinkRetention => "Retention 留存", "Удержание 留存";
    LinkRevenue => "Revenue 变现", "Монетизация 变现";
    LinkReferral => "Referral 转介绍", "Рекомендации 转介绍";
    TitleScenarios => "Scenarios saved in the project, side by side with today", "Сценарии проекта рядом с базой";
    Base => "Base", "База";
    Profit => "Profit", "Прибыль";
    TitleCohorts => "Cohorts: retention and LTV by month since the first visit", "Когорты: удержание и LTV по месяцам от первого визита";
    Cohort => "Cohort", "Когорта";
    Patients => "Patients", "Пациенты";
    Retention => "Retention, month", "Удержание, месяц";
    LtvMonth => "LTV per patient, month", "LTV на пациента, месяц";
    PageOf => "Page &P of &N", "Стр. &P из &N";
}

/// The funnel factor as the report names it (the same words as the Months headers).
pub(crate) fn factor(f: Factor) -> T {
    match f {
        Factor::Leads => T::Leads,
        Factor::BookingRate => T::BookingRate,
        Factor::ShowRate => T::ShowRate,
        Factor::PaidRate => T::PaidRate,
        Factor::RevenuePerPaid => T::RevenuePerPaid,
    }
}

/// Whose job it is, in words.
pub(crate) fn owner(o: Owner) -> T {
    match o {
        Owner::Marketer => T::OwnerMarketer,
        Owner::Administrators => T::OwnerAdministrators,
        Owner::Doctors => T::OwnerDoctors,
        Owner::Management => T::OwnerManagement,
    }
}

/// The budget tier, in words.
pub(crate) fn tier(t: Tier) -> T {
    match t {
        Tier::Proven => T::TierProven,
        Tier::Scaling => T::TierScaling,
        Tier::Experiment => T::TierExperiment,
    }
}

/// Short weekday names, Monday first.
pub(crate) const WEEKDAYS: [T; 7] = [T::Mon, T::Tue, T::Wed, T::Thu, T::Fri, T::Sat, T::Sun];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::schema::SheetKind;

    #[test]
    fn every_text_is_translated_and_report_sheets_do_not_read_as_template_sheets() {
        for t in T::ALL {
            assert!(!t.get(Lang::En).is_empty() && !t.get(Lang::Ru).is_empty(), "{t:?}");
        }
        let sheets = [
            T::SheetSummary,
            T::SheetMonths,
            T::SheetDays,
            T::SheetChannels,
            T::SheetDirections,
            T::SheetDoctors,
            T::SheetNps,
            T::SheetGaps,
            T::SheetCalls,
            T::SheetBranches,
        ];
        for s in sheets {
            for lang in Lang::ALL {
                let name = s.get(lang);
                assert!(name.chars().count() <= 31, "{name}");
                assert_eq!(SheetKind::from_sheet_name(name), None, "{name}");
            }
        }
    }
}
