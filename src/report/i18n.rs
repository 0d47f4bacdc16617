//! The report's one translation table: every sheet name, header, label, status word and sentence
//! of the analyst report in Russian, English and Chinese, side by side, so a missing translation is a
//! compile error rather than an English word in a Russian report.

use crate::format::Lang;
use crate::metrics::{Factor, Owner};
use crate::model::Tier;

macro_rules! texts {
    ($($name:ident => $ru:literal, $en:literal, $zh:literal;)*) => {
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
                    $((T::$name, Lang::Ru) => $ru, (T::$name, Lang::En) => $en, (T::$name, Lang::Zh) => $zh,)*
                }
            }
        }
    };
}

texts! {
    // Sheet names. None may read as a template sheet name (the importer matches those, also the
    // part before a parenthesis), or the report would not import back.
    SheetSummary => "Сводка", "Summary", "概览";
    SheetMonths => "Месяцы", "Months", "月度";
    SheetDays => "Текущий месяц", "Month in progress", "本月进度";
    SheetChannels => "Итоги каналов", "Channel results", "渠道结果";
    SheetDirections => "Итоги направлений", "Direction results", "科室结果";
    SheetDoctors => "Итоги врачей", "Doctor results", "医生结果";
    SheetNps => "Итоги NPS", "NPS results", "NPS结果";
    SheetGaps => "Разрывы выручки", "Revenue gaps", "营收缺口";
    SheetAarrr => "Звенья AARRR", "AARRR links", "AARRR环节";
    SheetScenarios => "Сценарии", "Scenarios", "情景";
    SheetCohorts => "Итоги когорт", "Cohort results", "同期群结果";
    SheetCalls => "Итоги звонков", "Call results", "来电结果";

    // Calls (domain.md, "Calls").
    TitleCalls => "Звонки: принятые, пропущенные и потерянные обращения",
        "Calls: answered, missed and lost contacts",
        "来电：接听、未接与流失的来电";
    CallsNote => "Обращение — все входящие звонки одного абонента за день. Пропущенное обращение заканчивается перезвоном за 20 минут, перезвоном позже, повторным звонком пациента или потерей (за 24 часа никто не дозвонился).",
        "A contact is one caller's incoming calls on one day. A missed contact ends as a callback within 20 minutes, a later callback, the patient calling again, or lost (nobody reached within 24 hours).",
        "一次来电是同一来电者在同一天的全部呼入电话。未接来电的结局为：20分钟内回拨、稍后回拨、患者再次来电，或流失（24小时内无人接通）。";
    NoCalls => "За период нет звонков: импортируйте журнал звонков (--calls) или заполните лист «Звонки».",
        "No calls in the period: import a call journal (--calls) or fill the Calls sheet.",
        "本期没有来电：请导入通话记录（--calls）或填写“来电”表。";
    Contacts => "Обращения", "Contacts", "来电";
    Answered => "Принято", "Answered", "已接听";
    AnswerRate => "Доля принятых", "Answer rate", "接听率";
    AnswerTarget => "Цель", "Target", "目标";
    Missed => "Пропущено", "Missed", "未接";
    Callbacks20m => "Перезвон ≤ 20 мин", "Called back ≤ 20 min", "20分钟内回拨";
    CallbacksLater => "Перезвон позже", "Called back later", "稍后回拨";
    Recalled => "Перезвонил сам", "Patient called again", "患者再次来电";
    Lost => "Потеряно", "Lost", "流失";
    LostRate => "Доля потерянных", "Lost share", "流失率";
    Callback20mRate => "Доля перезвона ≤ 20 мин", "Callback ≤ 20 min share", "20分钟内回拨率";
    AvgWait => "Ожидание, сек", "Avg wait, s", "平均等待（秒）";
    AvgTalk => "Разговор, сек", "Avg talk, s", "平均通话（秒）";
    LeadPerContact => "Лидов на обращение", "Leads per contact", "每次来电的线索";
    LostRevenue => "Деньги, оставшиеся в телефоне", "Money left on the phone", "电话中流失的营收";
    Employee => "Администратор", "Administrator", "前台";
    EmployeesTitle => "Администраторы за период", "Administrators over the period", "本期前台";
    ChartAnswerRate => "Доля принятых обращений по месяцам и цель",
        "Answer rate by month against the target",
        "按月接听率与目标";
    CardLostContacts => "Потерянные обращения", "Lost contacts", "流失的来电";
    SheetBranches => "Сравнение филиалов", "Branch comparison", "分院对比";

    // Titles and notes.
    Report => "Маркетинговый отчёт", "Marketing report", "营销报告";
    Period => "Период", "Period", "期间";
    NoData => "Нет данных за период", "No data for the period", "本期无数据";
    TitleMonths => "Месяцы: план и факт", "Months: plan and fact", "月度：计划与实际";
    TitleDaysInProgress => "Текущий месяц", "Month in progress", "本月进度";
    TitleDaysComplete => "Последний месяц с выручкой (завершён)",
        "Last month with revenue (complete)",
        "最近有营收的月份（已结束）";
    DataUpTo => "данные по", "data up to", "数据截至";
    TitleChannels => "Каналы за период", "Channels over the period", "本期渠道";
    TitleDirections => "Направления за период", "Directions over the period", "本期科室";
    TitleDoctors => "Врачи за период", "Doctors over the period", "本期医生";
    TitleNps => "NPS по периодам", "NPS by period", "按期间的NPS";
    TitleBranches => "Филиалы рядом за период (общие кампании разделены по лидам)",
        "Branches side by side over the period (shared campaigns split by leads)",
        "本期分院对比（共享推广按线索分摊）";
    BranchOf => "Филиал", "Branch", "分院";
    ChainTotal => "Вся сеть", "Whole chain", "全连锁";
    TitleGaps => "Разрывы выручки: на каком этапе воронки потеряны деньги и чья это зона",
        "Revenue gaps: which funnel stage lost the money, and whose job it is",
        "营收缺口：哪个漏斗环节损失了钱，由谁负责";
    GapsNote => "План и факт — выручка от новых пациентов (лиды × запись × доходимость × оплата × выручка на оплату); пять вкладов в сумме дают отклонение.",
        "Plan and fact here are revenue from new patients (leads × booking × show × paid × revenue per paid); the five contributions add up to the difference.",
        "此处的计划与实际是新患者营收（线索 × 预约率 × 到诊率 × 成交率 × 每位成交营收）；五项贡献之和等于差额。";
    TemplateNote => "Листы после отчётных содержат исходные данные отчёта.",
        "The sheets after these hold the data the report was built from.",
        "报告之后的各表保存了生成报告所用的数据。";

    // Chart titles.
    ChartPlanFact => "Выручка: план и факт", "Revenue: plan and fact", "营收：计划与实际";
    ChartCumulative => "Выручка нарастающим итогом: план, факт, прогноз",
        "Cumulative revenue: plan, fact and forecast",
        "累计营收：计划、实际与预测";
    ChartFunnel => "Воронка за период", "Funnel of the period", "本期漏斗";
    ChartRomi => "ROMI по каналам", "ROMI by channel", "各渠道ROMI";
    ChartNps => "Динамика NPS", "NPS trend", "NPS趋势";
    ChartBranches => "Выручка на дату: план и факт по филиалам",
        "Revenue to date: plan and fact by branch",
        "截至今日营收：各分院计划与实际";

    // Column headers.
    Month => "Месяц", "Month", "月份";
    RevenuePlan => "План выручки", "Revenue plan", "营收计划";
    Revenue => "Выручка", "Revenue", "营收";
    PlanCompletion => "Выполнение плана", "Plan completion", "计划完成率";
    PlanToDate => "План на сегодня", "Plan to date", "截至今日计划";
    CompletionToDate => "Выполнение плана на сегодня", "Plan completion to date", "截至今日计划完成率";
    PlanCompletionWhole => "Выполнение плана всего периода", "Completion of the whole period's plan", "全期计划完成率";
    Forecast => "Прогноз", "Forecast", "预测";
    BudgetPlan => "План бюджета", "Budget plan", "预算计划";
    Spend => "Расход", "Spend", "花费";
    BudgetExecution => "Исполнение бюджета", "Budget execution", "预算执行率";
    MarketingShare => "Доля маркетинга в выручке", "Marketing share of revenue", "营销费用占营收比";
    Leads => "Лиды", "Leads", "线索";
    Bookings => "Записи", "Bookings", "预约";
    Visits => "Явки (новые пациенты)", "Visits (new patients)", "到诊（新患者）";
    Paid => "Оплаты", "Paid", "成交";
    BookingRate => "Конверсия в запись", "Booking rate", "预约率";
    ShowRate => "Доходимость", "Show rate", "到诊率";
    PaidRate => "Конверсия в оплату", "Paid rate", "成交率";
    AttributedRevenue => "Выручка от новых пациентов", "Revenue from new patients", "新患者营收";
    Cpl => "Цена лида (CPL)", "Cost per lead (CPL)", "线索成本（CPL）";
    Cac => "Цена пациента (CAC)", "Cost per new patient (CAC)", "新患者获客成本（CAC）";
    RevenuePerPaid => "Выручка на оплату", "Revenue per paying patient", "每位成交患者营收";
    AvgCheck => "Средний чек", "Average check", "客单价";
    GrossProfit => "Валовая прибыль", "Gross profit", "毛利";
    AttributedGrossProfit => "Валовая прибыль от новых пациентов", "Gross profit from new patients", "新患者毛利";
    Roas => "ROAS", "ROAS", "ROAS";
    Romi => "ROMI", "ROMI", "ROMI";
    RequiredPace => "Нужный темп на полный день", "Required pace per full day", "每个完整工作日所需进度";
    Total => "Итого", "Total", "合计";
    Channel => "Канал", "Channel", "渠道";
    Tier => "Категория", "Tier", "层级";
    ReturningLeads => "Повторные обращения", "Returning leads", "重复线索";
    Direction => "Направление", "Direction", "科室";
    Margin => "Маржинальность", "Margin", "毛利率";
    Ltv => "LTV", "LTV", "LTV";
    LtvToCac => "LTV:CAC", "LTV:CAC", "LTV:CAC";
    Doctor => "Врач", "Doctor", "医生";
    PrimaryPatients => "Первичные пациенты", "Primary patients", "初诊患者";
    RepeatPatients => "Повторные пациенты", "Repeat patients", "复诊患者";
    DoctorConversion => "Повторные / первичные", "Repeat / primary", "复诊 / 初诊";
    HoursAvailable => "Часы доступно", "Hours available", "可用工时";
    HoursBooked => "Часы занято", "Hours booked", "已约工时";
    Utilization => "Загрузка", "Utilisation", "利用率";
    Recommended => "Рекомендовано", "Recommended", "推荐";
    Agreed => "Согласовано", "Agreed", "同意";
    Performed => "Выполнено", "Performed", "完成";
    PlanAgreedRate => "Согласовано / рекомендовано", "Agreed / recommended", "同意 / 推荐";
    PlanPerformedRate => "Выполнено / согласовано", "Performed / agreed", "完成 / 同意";
    PlanTotalRate => "Выполнено / рекомендовано", "Performed / recommended", "完成 / 推荐";
    NpsPeriod => "Период", "Period", "期间";
    AllDirections => "Все направления", "All directions", "全部科室";
    Respondents => "Ответов", "Respondents", "答卷数";
    Promoters => "Промоутеры", "Promoters", "推荐者";
    Passives => "Нейтралы", "Passives", "中立者";
    Detractors => "Критики", "Detractors", "贬损者";
    Nps => "NPS", "NPS", "NPS";
    Date => "Дата", "Date", "日期";
    Weekday => "День недели", "Weekday", "星期";
    Weight => "Вес дня", "Day weight", "日权重";
    DayPlan => "План дня", "Day plan", "当日计划";
    Fact => "Факт", "Fact", "实际";
    CumulativePlan => "План нарастающим", "Cumulative plan", "累计计划";
    CumulativeFact => "Факт нарастающим", "Cumulative fact", "累计实际";
    CumulativeForecast => "Прогноз нарастающим", "Forecast (cumulative)", "累计预测";
    IsoWeek => "Неделя ISO", "ISO week", "ISO周";
    From => "С", "From", "自";
    To => "По", "To", "至";
    WeekPlan => "План недели", "Week plan", "周计划";
    Completion => "Выполнение", "Completion", "完成率";
    GapPlan => "План по воронке", "Plan (funnel)", "计划（漏斗）";
    GapFact => "Факт по воронке", "Fact (funnel)", "实际（漏斗）";
    Difference => "Отклонение", "Difference", "差额";
    Bottleneck => "Узкое место", "Bottleneck", "瓶颈";
    Owner => "Ответственный", "Owner", "负责人";
    Stage => "Этап", "Stage", "环节";
    Count => "Количество", "Count", "数量";
    ConversionFromPrevious => "Конверсия из предыдущего этапа", "Conversion from the previous stage", "上一环节转化率";

    // Summary.
    Indicator => "Показатель", "Indicator", "指标";
    Value => "Значение", "Value", "数值";
    PlanOrReference => "План или ориентир", "Plan or reference", "计划或参考值";
    Status => "Статус", "Status", "状态";
    Good => "хорошо", "good", "良好";
    Watch => "внимание", "watch", "关注";
    Bad => "плохо", "bad", "差";
    CardForecast => "Прогноз текущего месяца", "Forecast of the month in progress", "本月预测";
    CardNps => "NPS, последний период", "NPS, latest period", "NPS（最近一期）";
    CardProven => "Доля расхода: проверенные каналы", "Spend share: proven channels", "花费占比：成熟渠道";
    CardScaling => "Доля расхода: масштабируемые каналы", "Spend share: scaling channels", "花费占比：扩量渠道";
    CardExperiment => "Доля расхода: эксперименты", "Spend share: experiments", "花费占比：试验渠道";
    RefNps => "25 в среднем, 71 у лучших", "25 average, 71 best", "平均25，最佳71";
    RefShare => "4–10 %", "4–10 %", "4–10 %";
    InProgress => "Текущий месяц", "Month in progress", "本月进度";
    RevenueToDate => "Выручка на сегодня", "Revenue to date", "截至今日营收";
    PlanOfMonth => "План месяца", "Plan of the month", "本月计划";
    PaceSentence => "Чтобы выполнить план, каждый полный рабочий день должен приносить {X} (сейчас в среднем {Y}).",
        "To make the plan, each full working day from now must bring {X} (average so far: {Y}).",
        "要完成计划，从现在起每个完整工作日需带来 {X}（目前平均 {Y}）。";
    PlanAlreadyMade => "План месяца уже выполнен (сейчас в среднем {Y} за полный день).",
        "The month's plan is already made (average per full day so far: {Y}).",
        "本月计划已完成（目前每个完整工作日平均 {Y}）。";
    NoDaysLeft => "В месяце не осталось рабочих дней, чтобы выполнить план.",
        "No working day is left this month to make the plan.",
        "本月已没有工作日可用于完成计划。";
    NoProgress => "Текущего месяца нет: последний месяц с выручкой завершён.",
        "No month is in progress: the last month with revenue is complete.",
        "没有进行中的月份：最近有营收的月份已结束。";
    BottleneckOf => "Узкое место последнего полного месяца", "Bottleneck of the last full month", "最近一个完整月的瓶颈";
    LostAgainstPlan => "Потеряно к плану", "Lost against plan", "相对计划的损失";
    NoBottleneck => "Ни один этап воронки не ниже плана.", "No funnel stage was below plan.", "没有低于计划的漏斗环节。";
    NoGap => "Ни у одного полного месяца нет полного плана воронки (лиды и конверсии).",
        "No full month has a complete funnel plan (leads and rates).",
        "没有哪个完整月份有完整的漏斗计划（线索与转化率）。";
    LeversTitle => "Рычаги по запасу: вернуться к своим лучшим 3 месяцам (пять главных)",
        "Levers by headroom: back to your own best 3 months (top five)",
        "按潜力排序的杠杆：回到自己最好的3个月（前五）";
    Lever => "Рычаг", "Lever", "杠杆";
    NowToBest => "Сейчас → ваш лучший (его 3 месяца)", "Now → your best (its 3 months)", "现在 → 你的最佳（其3个月）";
    WholeClinic => "вся клиника", "whole clinic", "全院";
    ProfitPerMonth => "Прибыль в месяц", "Profit per month", "每月利润";

    // Values.
    OwnerMarketer => "маркетолог", "marketer", "市场人员";
    OwnerAdministrators => "администраторы", "administrators", "前台";
    OwnerDoctors => "врачи", "doctors", "医生";
    OwnerManagement => "руководство", "management", "管理层";
    TierProven => "проверенный", "proven", "成熟";
    TierScaling => "масштабирование", "scaling", "扩量";
    TierExperiment => "эксперимент", "experiment", "试验";
    Mon => "Пн", "Mon", "周一";
    Tue => "Вт", "Tue", "周二";
    Wed => "Ср", "Wed", "周三";
    Thu => "Чт", "Thu", "周四";
    Fri => "Пт", "Fri", "周五";
    Sat => "Сб", "Sat", "周六";
    Sun => "Вс", "Sun", "周日";

    // The story, AARRR, scenarios, cohorts and the printed footer.
    StoryTitle => "История в семи шагах", "The story in seven steps", "七步讲清经营";
    TitleAarrr => "AARRR: пять звеньев против прошлого периода",
        "AARRR: the five links against the previous period",
        "AARRR：五个环节与上一期对比";
    AarrrNote => "Период кончается последним завершённым месяцем; прошлый период — столько же месяцев перед ним.",
        "The period ends at the last complete month; the previous period has as many months just before it.",
        "本期截至最近一个完整月；上一期为紧挨其前的同样月数。";
    Link => "Звено", "Link", "环节";
    Measure => "Показатель", "Measure", "指标";
    Previous => "Прошлый период", "Previous period", "上一期";
    Change => "Изменение", "Change", "变化";
    Weakest => "Слабое звено", "Weakest link", "最弱环节";
    NoWeakest => "Ни одно звено не упало против прошлого периода.",
        "No link fell against the previous period.",
        "与上一期相比没有环节下降。";
    NoPrevious => "За прошлый период данных нет: сравнить не с чем.",
        "No data for the previous period: nothing to compare with.",
        "上一期没有数据：无从比较。";
    NoCompleteMonth => "В периоде ещё нет завершённого месяца: звенья не измеряются.",
        "No month of the period is complete yet: the links are not measured.",
        "本期尚无完整月份：各环节无法衡量。";
    RepeatShare => "Доля повторных", "Repeat share", "复诊率";
    ReferralShare => "Доля рекомендаций", "Referral share", "转介绍占比";
    LinkAcquisition => "Привлечение 获客", "Acquisition 获客", "获客";
    LinkActivation => "Активация 激活", "Activation 激活", "激活";
    LinkRetention => "Удержание 留存", "Retention 留存", "留存";
    LinkRevenue => "Монетизация 变现", "Revenue 变现", "变现";
    LinkReferral => "Рекомендации 转介绍", "Referral 转介绍", "转介绍";
    TitleScenarios => "Сценарии проекта рядом с базой",
        "Scenarios saved in the project, side by side with today",
        "项目中保存的情景与当前对比";
    Base => "База", "Base", "基准";
    Profit => "Прибыль", "Profit", "利润";
    TitleCohorts => "Когорты: удержание и LTV по месяцам от первого визита",
        "Cohorts: retention and LTV by month since the first visit",
        "同期群：按首诊后月份的留存与LTV";
    Cohort => "Когорта", "Cohort", "同期群";
    Patients => "Пациенты", "Patients", "患者";
    Retention => "Удержание, месяц", "Retention, month", "留存（月）";
    LtvMonth => "LTV на пациента, месяц", "LTV per patient, month", "每位患者LTV（月）";
    PageOf => "Стр. &P из &N", "Page &P of &N", "第 &P 页，共 &N 页";
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
            assert!(Lang::ALL.iter().all(|l| !t.get(*l).is_empty()), "{t:?}");
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
