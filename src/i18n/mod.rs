//! The one translation table of the interface: every label is a [`K`] key with its Russian and
//! English text, so a missing translation is a compile error, not a blank button.

use crate::format::Lang;

macro_rules! table {
    ($($key:ident => $ru:expr, $en:expr;)*) => {
        /// A label of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)] // each key's text below is its documentation
        pub enum K { $($key),* }

        impl K {
            /// Every key (for tests of the table).
            pub const ALL: &'static [K] = &[$(K::$key),*];
        }

        /// The text of `key` in `lang`.
        pub fn tr(lang: Lang, key: K) -> &'static str {
            match (key, lang) {
                $((K::$key, Lang::Ru) => $ru, (K::$key, Lang::En) => $en,)*
            }
        }
    };
}

table! {
    // Views and sheets
    Dashboard => "Сводка", "Dashboard";
    Charts => "Графики", "Charts";
    Settings => "Настройки", "Settings";
    Directions => "Направления", "Directions";
    Channels => "Каналы", "Channels";
    Plan => "План", "Plan";
    Budget => "Бюджет", "Budget";
    Funnel => "Воронка", "Funnel";
    Revenue => "Выручка", "Revenue";
    Doctors => "Врачи", "Doctors";
    Nps => "NPS", "NPS";
    Problems => "Проблемы импорта", "Import problems";

    // Columns
    ColKey => "Параметр", "Key";
    ColValue => "Значение", "Value";
    ColDirection => "Направление", "Direction";
    ColMargin => "Маржинальность", "Margin";
    ColVisitsPerPatient => "Визитов на пациента", "Visits per patient";
    ColChannel => "Канал", "Channel";
    ColBranch => "Филиал", "Branch";
    ColTier => "Категория", "Tier";
    ColKind => "Тип", "Kind";
    ColSources => "Источники", "Sources";
    ColMonth => "Месяц", "Month";
    ColRevenuePlan => "План выручки", "Revenue plan";
    ColLeadsPlan => "План лидов", "Leads plan";
    ColBookingRatePlan => "План записи", "Booking rate plan";
    ColShowRatePlan => "План доходимости", "Show rate plan";
    ColPaidRatePlan => "План оплат", "Paid rate plan";
    ColRevenuePerPaidPlan => "План выручки на оплату", "Revenue per paid plan";
    ColBudgetPlan => "Бюджет план", "Budget plan";
    ColSpend => "Расход", "Spend";
    ColLeads => "Лиды", "Leads";
    ColBookings => "Записи", "Bookings";
    ColVisits => "Явки", "Visits";
    ColPaid => "Оплаты", "Paid";
    ColRevenue => "Выручка", "Revenue";
    ColReturningLeads => "Повторные обращения", "Returning leads";
    ColDate => "Дата", "Date";
    ColChecks => "Чеки", "Checks";
    ColNewPatients => "Первичные", "New patients";
    ColRepeatPatients => "Повторные", "Repeat patients";
    ColDoctor => "Врач", "Doctor";
    ColPrimaryPatients => "Первичные", "Primary patients";
    ColHoursAvailable => "Часы доступно", "Hours available";
    ColHoursBooked => "Часы занято", "Hours booked";
    ColRecommended => "Рекомендовано", "Recommended";
    ColAgreed => "Согласовано", "Agreed";
    ColPerformed => "Выполнено", "Performed";
    ColPeriod => "Период", "Period";
    ColScore => "Оценка", "Score";
    ColCount => "Количество", "Count";
    WholeClinic => "вся клиника", "whole clinic";

    // Grid
    AddRow => "+ Строка", "+ Row";
    AddRowHint => "Добавить строку под курсором", "Add a row below the cursor";
    DeleteRows => "Удалить строки", "Delete rows";
    DeleteRowsHint => "Удалить выделенные строки (можно отменить)", "Delete the selected rows (can be undone)";
    Unsort => "Без сортировки", "Unsort";
    SortHint => "щёлкните, чтобы сортировать", "click to sort";
    RowsShown => "Строк:", "Rows:";
    GridHint => "Ввод — набрать · F2 — править · Enter/Tab/стрелки · Ctrl+C/V/D · Del · Ctrl+Z",
        "Type to edit · F2 edit · Enter/Tab/arrows · Ctrl+C/V/D · Del · Ctrl+Z";
    Row => "Строка", "Row";
    ErrRequired => "обязательное поле: значение нельзя стереть", "required: this value cannot be blank";
    ErrNotNumber => "— не число", "is not a number";
    ErrNotMonth => "— не месяц (пишите 2025-03, март 2025 или мар 2025)", "is not a month (write 2025-03, March 2025 or Mar 2025)";
    ErrNotDay => "— не дата (пишите 31.03.2025 или 2025-03-31)", "is not a day (write 2025-03-31 or 31.03.2025)";
    ErrNotPeriod => "— не период (пишите 2025 или 2025-03)", "is not a period (write 2025 or 2025-03)";
    ErrScore0 => "— оценка должна быть целым числом от 0 до 10", "must be a whole score from 0 to 10";
    ErrScore1 => "— на шкале «десять смайлов» оценка от 1 до 10", "must be a whole score from 1 to 10 on the ten-smiles scale";
    ErrWeights => "— нужно 7 неотрицательных чисел, с понедельника", "needs 7 non-negative numbers, Monday first";
    ErrNotInList => "нет в списке; выберите:", "is not in the list; pick one of:";
    ErrNoChoices => "— список пуст: сначала заполните лист-справочник", "— the list is empty: fill in its sheet first";
    ErrReadOnly => "Эту ячейку нельзя менять", "This cell cannot be changed";
    ErrPastePastEnd => "Вставка не помещается: на этом листе нельзя добавлять строки", "The block does not fit: this sheet cannot grow";
    RequiredKept => "Обязательные ячейки не очищены", "Required cells were kept";
    PasteRefused => "Вставка отменена:", "Nothing pasted:";
    PasteExtraColumns => "Лишние столбцы справа не вставлены", "Columns beyond the sheet were left out";
    KpiSummary => "Показатели за период", "KPIs for the period";
    ColumnFilter => "Фильтр столбца", "Column filter";
    ColumnFilterHint => "Показывать строки, где есть:", "Show rows containing:";
    ClearFilter => "Сбросить фильтр", "Clear filter";
    NoRowsInPeriod => "Нет данных за период", "No data in the period";

    // Dashboard
    CardRevenue => "Выручка и план", "Revenue vs plan";
    CardForecast => "Прогноз месяца", "Month forecast";
    CardSpend => "Расход и бюджет", "Spend vs budget";
    CardMarketingShare => "Доля маркетинга", "Marketing share";
    CardLeads => "Лиды", "Leads";
    CardCpl => "CPL", "CPL";
    CardCac => "CAC", "CAC";
    CardRomi => "ROMI", "ROMI";
    CardRoas => "ROAS", "ROAS";
    CardLtvCac => "LTV:CAC", "LTV:CAC";
    CardNps => "NPS", "NPS";
    CardTiers => "Бюджет 80/15/5", "Budget 80/15/5";
    PlanWord => "план", "plan";
    CompletionWord => "Выполнение", "Completion";
    ToDateWord => "сейчас", "to date";
    PlanToDateWord => "план на сегодня", "plan to date";
    CompletionToDateWord => "выполнение на сегодня", "completion to date";
    WholePeriodPlanWord => "план всего периода", "plan for the whole period";
    ClinicWord => "клиника в целом", "whole clinic";
    BudgetWord => "бюджет", "budget";
    ExecutionWord => "Исполнение", "Execution";
    VisitsWord => "явки", "visits";
    PaidWord => "оплаты", "paid";
    GrossProfitWord => "валовая прибыль", "gross profit";
    AttributedWord => "выручка с каналов", "attributed revenue";
    WeakestWord => "слабее всех:", "weakest:";
    LtvWord => "LTV", "LTV";
    RespondentsWord => "Ответов", "Respondents";
    MarketingShareSub => "расход / выручка", "spend / revenue";
    CplSub => "стоимость одного лида", "cost of one lead";
    CacSub => "стоимость пришедшего пациента", "cost of a new patient who came";
    TiersSub => "проверенные / масштабирование / эксперименты", "proven / scaling / experiments";
    NoMonthInProgress => "нет незавершённого месяца", "no month in progress";
    NoLtv => "нет данных по направлениям", "no direction data";
    NoNps => "нет опросов в периоде", "no surveys in the period";
    RequiredPace => "Нужно в полный день:", "Needed per full day:";
    CurrentPace => "сейчас в день:", "per day so far:";
    ReferenceWord => "Оценка", "Assessment";
    StatusGood => "хорошо", "good";
    StatusWatch => "внимание", "watch";
    StatusBad => "плохо", "bad";
    StatusNeutral => "без норматива", "no reference";
    RefCompletion => "Норматив: 100 % плана — хорошо, от 90 % — внимание, ниже — плохо.",
        "Reference: 100 % of plan is good, 90 % or more watch, less bad.";
    RefForecast => "Прогноз незавершённого месяца по весам дней недели; сравнивается с планом, как выполнение.",
        "Forecast of the month in progress by weekday weights; compared with the plan like completion.";
    RefBudget => "Норматива нет; правило: расход в пределах ±10 % от бюджета — хорошо, ±20 % — внимание.",
        "No reference; rule of thumb: spend within ±10 % of the budget is good, within ±20 % watch.";
    RefMarketingShare => "Норматив: 4–10 % выручки; 2–4 %, где больше половины загрузки дают ДМС и лояльные пациенты.",
        "Reference: 4–10 % of revenue; 2–4 % where insured and loyal patients bring over half the load.";
    RefNone => "Норматива нет: сравнивайте с планом и прошлыми месяцами.", "No reference: compare with the plan and past months.";
    RefCac => "Норматива нет; CAC сравнивается с LTV (см. LTV:CAC).", "No reference; CAC is judged against LTV (see LTV:CAC).";
    RefRomi => "Норматив: 0 — окупаемость; выше нуля — хорошо, до −10 % — внимание.", "Reference: 0 is break-even; above good, down to −10 % watch.";
    RefRoas => "Норматив: 3–4 рубля на рубль — хорошо; от 2 — внимание.", "Reference: 3–4 roubles back per rouble is good; 2 or more watch.";
    RefLtvCac => "Норматив: 3 и выше — хорошо; от 1 — внимание. По направлениям:", "Reference: 3 and above good; 1 or more watch. By direction:";
    RefNps => "Частные клиники Москвы: в среднем 25, лучшие 71. Важнее динамика год к году.",
        "Moscow private clinics: 25 on average, 71 the best. The trend year over year matters more.";
    RefTiers => "Правило 80/15/5: проверенные каналы ~80 %, масштабирование ~15 %, эксперименты ~5 %.",
        "The 80/15/5 rule: proven ~80 %, scaling ~15 %, experiments ~5 %.";
    FunnelHeading => "Воронка: лиды → записи → явки → оплаты", "Funnel: leads → bookings → visits → paid";
    StageLeads => "Лиды", "Leads";
    StageBookings => "Записи", "Bookings";
    StageVisits => "Явки", "Visits";
    StagePaid => "Оплаты", "Paid";
    FactorLeads => "лиды", "leads";
    FactorBookingRate => "Запись", "Booking rate";
    FactorShowRate => "Доходимость", "Show rate";
    FactorPaidRate => "Оплата", "Paid rate";
    FactorRevenuePerPaid => "выручка на оплату", "revenue per paid";
    OwnerMarketer => "маркетолог", "marketer";
    OwnerAdministrators => "администраторы", "administrators";
    OwnerDoctors => "врачи", "doctors";
    OwnerManagement => "руководство", "management";
    Bottleneck => "Узкое место", "Bottleneck";
    BottleneckHint => "Этап, который сильнее всего уменьшил выручку против плана (разложение LMDI), и кто за него отвечает.",
        "The stage that cost the most revenue against plan (LMDI breakdown), and whose job it is.";
    NoBottleneck => "Узкое место не найдено: нужен план по лидам и конверсиям на листе «План» (строка без направления).",
        "No bottleneck found: it needs a plan for leads and rates on the Plan sheet (a row without direction).";
    ComputationNotices => "Замечания к расчёту", "Notes on the computation";
    AvgCheck => "Средний чек", "Average check";
    Ltv => "LTV", "LTV";
    DoctorConversion => "Конверсия врача", "Doctor conversion";
    Utilization => "Загрузка", "Utilization";
    PlanTotalRate => "План лечения выполнен", "Treatment plan done";

    // Filters
    PeriodFrom => "Период с", "Period from";
    PeriodTo => "по", "to";
    All => "все", "all";
    AllTime => "Весь период", "All time";
    LastYear => "12 месяцев", "12 months";
    LastYearHint => "Последние 12 завершённых месяцев", "The last 12 complete months";
    YearToDate => "С начала года", "Year to date";
    YearToDateHint => "С января по текущий месяц", "From January to the current month";
    AllTimeHint => "Все месяцы с данными", "Every month with data";
    Direction => "Направление", "Direction";
    Channel => "Канал", "Channel";

    // Menus and files
    MenuFile => "Файл", "File";
    MenuNew => "Новый (пустой шаблон)", "New (empty template)";
    MenuOpen => "Открыть…", "Open…";
    MenuDemo => "Демо-клиника", "Demo clinic";
    MenuRecent => "Недавние", "Recent files";
    MenuSave => "Сохранить", "Save";
    MenuSaveAs => "Сохранить как…", "Save as…";
    MenuExport => "Выгрузить шаблон Excel…", "Export template workbook…";
    MenuExportReport => "Отчёт для клиента (Excel)…", "Export report (Excel)…";
    ReportWritten => "Отчёт сохранён:", "Report written:";
    MenuSaveChartPng => "Сохранить график в PNG…", "Save chart as PNG…";
    ChartSaved => "График сохранён:", "Chart saved:";
    NoChartToSave => "Откройте «Графики», чтобы сохранить график", "Open Charts to save a chart";
    FilterPng => "Изображения PNG", "PNG images";
    MenuQuit => "Выход", "Quit";
    MenuEdit => "Правка", "Edit";
    MenuUndo => "Отменить (Ctrl+Z)", "Undo (Ctrl+Z)";
    MenuRedo => "Повторить (Ctrl+Y)", "Redo (Ctrl+Y)";
    MenuLanguage => "Язык", "Language";
    NoRecent => "Пока нет", "None yet";
    FilterAll => "Книги и проекты", "Workbooks and projects";
    FilterWorkbooks => "Книги Excel/LibreOffice", "Excel/LibreOffice workbooks";
    FilterProjects => "Проекты medfunnel", "medfunnel projects";
    DemoName => "демо-клиника", "demo clinic";
    Untitled => "без имени", "untitled";
    Recovered => "восстановлено", "recovered";
    Opened => "Открыто:", "Opened:";
    Saved => "Сохранено:", "Saved:";
    Exported => "Шаблон выгружен:", "Template exported:";
    Undone => "Отменено", "Undone";
    Redone => "Повторено", "Redone";
    NothingToUndo => "Нечего отменять", "Nothing to undo";
    NothingToRedo => "Нечего повторять", "Nothing to redo";
    EditRefused => "Изменение не применено", "Edit not applied";
    Unsaved => "● не сохранено", "● unsaved";
    UnsavedTitle => "Несохранённые изменения", "Unsaved changes";
    UnsavedText => "Сохранить изменения перед тем, как продолжить?", "Save the changes before going on?";
    DontSave => "Не сохранять", "Don't save";
    Cancel => "Отмена", "Cancel";
    Ok => "OK", "OK";
    PathPrompt => "Путь к файлу:", "File path:";
    RecoveryTitle => "Восстановить несохранённые изменения?", "Restore unsaved changes?";
    RecoveryText => "Программа закрылась, не сохранив изменения. Автосохранение:", "The app closed without saving. Autosaved changes of:";
    Restore => "Восстановить", "Restore";
    Discard => "Удалить", "Discard";
    Restored => "Изменения восстановлены — сохраните проект", "Changes restored — save the project";

    // Problems
    ProblemsHint => "Щёлкните по строке, чтобы перейти к ячейке.", "Click a line to go to its cell.";
    NoProblems => "Файл прочитан без замечаний.", "The file was read without problems.";
    NoCellToShow => "У этого замечания нет ячейки", "This problem has no cell to show";
    Severity => "Важность", "Severity";
    SeverityError => "ошибка", "error";
    SeverityNotice => "замечание", "notice";
    SheetWord => "Лист", "Sheet";
    ColumnWord => "Столбец", "Column";
    ValueWord => "Значение", "Value";
    MessageWord => "Что случилось", "What happened";

    // Decisions (what-if, ranking, goal seek, allocator, scenarios)
    Decisions => "Решения", "Decisions";
    TabWhatIf => "Что если", "What if";
    TabGoal => "Цель", "Goal seek";
    TabAllocate => "Распределение бюджета", "Budget allocation";
    TabScenarios => "Сценарии", "Scenarios";
    LeverLeads => "Лиды", "Leads";
    LeverBookingRate => "Запись", "Booking rate";
    LeverShowRate => "Доходимость", "Show rate";
    LeverPaidRate => "Оплата", "Paid rate";
    LeverRevenuePerPaid => "Выручка на оплату", "Revenue per paid";
    LeverAvgCheck => "Средний чек", "Average check";
    LeverVisitsPerPatient => "Визитов на пациента", "Visits per patient";
    ScopeWord => "Где меняем:", "Scope:";
    LeadCostWord => "Новые лиды:", "Extra leads:";
    LeadCostCpl => "по текущему CPL", "at today's CPL";
    LeadCostCurve => "по кривой отклика", "along the response curve";
    LeadCostCurveHint => "Каждый следующий лид дороже: расход по кривой лиды = a·расход^b канала.",
        "Each extra lead costs more: spend along the channel's curve leads = a·spend^b.";
    LeversHeading => "Рычаги (изменение в %)", "Levers (change in %)";
    LtvOnly => "только LTV", "LTV only";
    ResetSliders => "Сбросить", "Reset";
    AlsoApplied => "Также применено:", "Also applied:";
    BeforeAfterHeading => "Было → стало за период", "Before → after over the period";
    MonthsInPeriod => "месяцев в периоде:", "months in the period:";
    MetricRevenue => "Выручка", "Revenue";
    MetricGrossProfit => "Валовая прибыль", "Gross profit";
    MetricSpend => "Расход на маркетинг", "Marketing spend";
    MetricProfit => "Прибыль", "Profit";
    WasWord => "было", "was";
    PerMonthWord => "в месяц:", "per month:";
    PerMonthShort => "в месяц", "a month";
    PointsWord => "п.п.", "pp";
    WarningWord => "Внимание", "Warning";
    RankingHeading => "Чувствительность: каждый рычаг +10 %", "Sensitivity: each lever +10 %";
    HeadroomHeading => "Что клиника уже умела: рычаги по запасу до своего лучшего результата",
        "What your clinic has already shown it can do: levers by headroom to its own best";
    HeadroomSentence => "{lever}{scope}: {current} → {target} (ваш лучший, {window}): +{money} в месяц — {owner}",
        "{lever}{scope}: {current} → {target} (your best, {window}): +{money} a month — {owner}";
    HeadroomIn => " в ", " in ";
    HeadroomHint => "Текущее окно — последние 3 полных месяца; лучший результат — лучшее окно из 3 месяцев за последние 12 полных. Прибыль = прирост выручки × маржа − докупка лидов по CPL.",
        "The current window is the last 3 complete months; the best is the best 3-month window of the last 12 complete months. Profit = revenue gain × margin − extra leads bought at CPL.";
    HeadroomTooFew => "Меньше 3 полных месяцев воронки: рычаги по запасу пока не ранжируются.",
        "Fewer than 3 complete months of funnel data: no ranking by headroom yet.";
    HeadroomNone => "Каждый показатель сейчас на своём лучшем уровне за последние 12 месяцев.",
        "Every factor is at its best of the last 12 months now.";
    ScopeCol => "Где", "Scope";
    NowWord => "Сейчас", "Now";
    BestWord => "Лучший", "Best";
    BestWindow => "Лучшие 3 месяца", "Best 3 months";
    RevenueGainMonth => "Выручка + в месяц", "Revenue gain a month";
    LeadsAMonth => "лидов в месяц", "leads a month";
    RankNo => "№", "#";
    LeverWord => "Рычаг", "Lever";
    OwnerWord => "Ответственный", "Owner";
    RevenueGain => "Выручка +", "Revenue gain";
    SpendChange => "Расход +", "Spend change";
    ProfitGain => "Прибыль + за период", "Profit gain (period)";
    ProfitGainPerMonth => "Прибыль + в месяц", "Profit gain a month";
    RankingHint => "Рост лидов стоит денег (по CPL или по кривой); рост конверсий и чека — нет. Прибыль клиники = валовая прибыль − расход − постоянные затраты; рычаг меняет её на прирост валовой прибыли с каналов − прирост расхода.",
        "Extra leads cost money (at CPL or along the curve); better rates and checks do not. The clinic's profit = gross profit − spend − fixed costs; a lever changes it by Δ channels' gross profit − Δ spend.";
    GoalHeading => "Подбор цели: насколько поднять рычаг", "Goal seek: how much must a lever rise";
    GoalTarget => "Цель по выручке:", "Revenue target:";
    GoalLevers => "Рычаг:", "Lever:";
    AllFiveEvenly => "все пять поровну", "all five evenly";
    GoalHint => "«+15 %» — рост выручки клиники за период; число — выручка клиники за весь период. Рост добирается выручкой с каналов.",
        "\"+15 %\" is growth of the clinic's revenue over the period; a number is the clinic's revenue over the whole period. The growth comes from the channels' revenue.";
    GoalClinicRise => "Рост выручки клиники", "Clinic revenue rise";
    GoalAttributedRise => "Рост выручки с каналов (нужно добрать)", "Channels' revenue rise (what the levers must add)";
    GoalRevenueNow => "Выручка сейчас", "Revenue now";
    GoalRevenueTarget => "Нужная выручка", "Revenue needed";
    ApplyToSliders => "Применить к ползункам", "Apply to sliders";
    PlanBudgetHeading => "Какой бюджет выполнит план месяца", "Which budget reaches the plan of a month";
    PlanBudgetHint => "Бюджет в месяц, распределённый оптимально (с ограничениями со вкладки «Распределение бюджета»).",
        "Monthly budget split optimally (under the limits of the Budget allocation tab).";
    NoPlanMonths => "На листе «План» нет месяцев с планом выручки.", "The Plan sheet has no months with a revenue plan.";
    PlanOfMonth => "План выручки месяца", "Revenue plan of the month";
    BudgetNeeded => "Нужен бюджет в месяц", "Monthly budget needed";
    PlanUnreachable => "недостижимо при этих кривых и ограничениях", "out of reach with these curves and limits";
    TodaySpendMonthly => "Расход сейчас в месяц:", "Spend today a month:";
    RevenueAtBudget => "Выручка при этом бюджете", "Revenue at this budget";
    OtherRevenue => "Выручка вне каналов с кривой", "Revenue outside channels with a curve";
    MonthlyBudget => "Бюджет на месяц:", "Monthly budget:";
    HoldTiers => "Держать 80/15/5 по категориям", "Hold the 80/15/5 tier split";
    AllocateHint => "Деньги делятся так, чтобы последний рубль в каждом канале приносил одинаково. Мин/макс — ограничения расхода канала в месяц; пусто — от половины до двух сегодняшних расходов (серым).",
        "The money is split so that the last rouble earns the same in every channel. Min/max bound a channel's monthly spend; blank: half to twice today's spend (in grey).";
    FreeBounds => "Без границ по умолчанию", "No default bounds";
    FreeBoundsHint => "Снять границы 0,5×–2× от сегодняшнего расхода: кривые тогда продолжаются за пределы данных.",
        "Drop the 0.5×–2× bounds around today's spend: the curves are then extrapolated beyond the data.";
    DetailsWord => "Подробности: кривые отклика", "Details: response curves";
    WhyWord => "Почему", "Why";
    WhyNoCurve => "нет расхода в периоде — получает только минимум", "no spend in the period: gets only its minimum";
    WhyScaledDown => "бюджет меньше суммы минимумов — нижняя граница уменьшена вместе с остальными",
        "the budget is below the sum of the minimums: its lower bound is scaled down with the others";
    WhyScaledUp => "бюджет больше суммы максимумов — верхняя граница увеличена вместе с остальными",
        "the budget is above the sum of the maximums: its upper bound is scaled up with the others";
    WhyTierSplit => "разбивка 80/15/5 вывела за границу", "pushed past its bound by the 80/15/5 split";
    WhyAtMin => "удержан на нижней границе", "held at its lower bound";
    WhyAtMax => "на верхней границе: отдача на рубль выше, чем у остальных", "at its upper bound: a higher return per rouble than the others";
    WhyHigher => "отдача на рубль выше, чем у остальных при этом бюджете", "higher return per rouble than the others at this budget";
    WhyLower => "отдача на рубль ниже, чем у остальных при этом бюджете", "lower return per rouble than the others at this budget";
    WhySame => "как сейчас", "as today";
    NoticeTierPushed => "Разбивка 80/15/5 и границы 0,5×–2× не выполняются вместе: разбивка важнее, за границу вышли: {channels}.",
        "The 80/15/5 split and the 0.5×–2× bounds cannot both be met: the split wins, and these go past their bound: {channels}.";
    NoticeScaledDown => "Бюджет меньше суммы минимумов: каждый канал получает свой минимум × бюджет / сумму минимумов.",
        "The budget is below the sum of the minimums: each channel gets its minimum × budget / their sum.";
    NoticeScaledUp => "Бюджет больше суммы максимумов: каждый канал получает свой максимум × бюджет / сумму максимумов.",
        "The budget is above the sum of the maximums: each channel gets its maximum × budget / their sum.";
    MinWord => "Мин", "Min";
    MaxWord => "Макс", "Max";
    SpendToday => "Сейчас", "Today";
    Proposal => "Предложение", "Proposal";
    ChangeWord => "Изменение", "Change";
    CurveA => "a", "a";
    CurveB => "b", "b";
    MonthsUsed => "Месяцев в кривой", "Months used";
    FitLinear => "линейная", "linear";
    FitNone => "нет кривой", "no curve";
    TotalWord => "Итого", "Total";
    ObjectiveWord => "Валовая прибыль − расход в месяц:", "Gross profit − spend a month:";
    TodayWord => "сейчас", "today";
    ObjectiveHint => "То, что максимизирует распределение, против того же при сегодняшнем расходе.",
        "What the allocation maximises, against the same at today's spend.";
    AllocationImpossible => "Распределить нельзя:", "Cannot allocate:";
    WarnExtrapolation => "{channel}: предложение {spend} в месяц больше чем вдвое выше самого большого месячного расхода ({max}) — кривая продолжена за пределы данных.",
        "{channel}: the proposal {spend} a month is more than twice its largest monthly spend ({max}); the curve is extrapolated.";
    NoticeLinear => "мало данных ({months} мес.) — кривая линейная по CPL периода", "thin data ({months} months): a linear curve at the period's CPL";
    NoticeLinearBadFit => "расход и лиды не дают убывающей отдачи (b вне (0; 1]) — кривая линейная по CPL периода",
        "spend and leads show no diminishing returns (b outside (0, 1]): a linear curve at the period's CPL";
    NoticeNoSpend => "нет расхода в периоде — кривой нет, деньги только через минимум", "no spend in the period: no curve, money only through its minimum";
    NoticeEmptyTier => "В одной из категорий нет каналов: её доля отдана остальным пропорционально.", "A tier has no channels: its share went to the others in proportion.";
    ErrNotAmount => "не число:", "not an amount:";
    ErrBadBudget => "бюджет должен быть числом не меньше 0", "the budget must be a number of at least 0";
    ErrBadBounds => "минимум больше максимума или отрицателен", "the minimum is above the maximum or negative";
    ErrMinAboveBudget => "заданные вами минимумы в сумме больше бюджета:", "the minimums you set add up to more than the budget:";
    ErrMaxBelowBudget => "заданные вами максимумы в сумме меньше бюджета:", "the maximums you set add up to less than the budget:";
    ErrNoChannels => "нет каналов, на которые можно потратить бюджет", "no channels to spend the budget on";
    ErrUnreachable => "Цель недостижима: рычаг пришлось бы опустить до −100 % и ниже", "Out of reach: the lever would have to fall to −100 % or below";
    ErrNoRevenueInScope => "Этот рычаг здесь не двигает выручку (нет выручки с каналов в этой области)", "This lever moves no revenue here (no attributed revenue in this scope)";
    ErrLtvOnChannel => "Средний чек и визиты на пациента меняются для клиники или направления, не для канала", "Average check and visits per patient apply to the clinic or a direction, not a channel";
    ErrUnknownChannel => "Нет такого канала:", "No such channel:";
    ErrUnknownDirection => "Нет такого направления:", "No such direction:";
    ErrGoalText => "Не понял цель (пример: +15 % или 12 000 000):", "Cannot read the target (e.g. +15 % or 12000000):";
    SaveScenarioHeading => "Сохранить как сценарий", "Save as scenario";
    ScenarioName => "Название:", "Name:";
    SaveAsScenario => "Сохранить сценарий", "Save scenario";
    NoChangesYet => "Ползунки на нуле — сохранять нечего.", "All sliders at zero: nothing to save.";
    ScenariosHeading => "Сохранённые сценарии", "Saved scenarios";
    NoScenarios => "Сценариев пока нет: сдвиньте ползунки на вкладке «Что если» и сохраните.", "No scenarios yet: move the sliders on the What if tab and save.";
    LoadScenario => "В ползунки", "Load";
    DeleteScenario => "Удалить", "Delete";
    CompareHeading => "Сравнение (до 4 сценариев)", "Side by side (up to 4 scenarios)";
    PickToCompare => "Отметьте сценарии, чтобы сравнить их с базой.", "Tick scenarios to compare them with the base.";
    BaseWord => "База", "Base";
    CompareHint => "Значения за период; в скобках — разница с базой. Новые лиды:", "Figures over the period; in brackets the difference from the base. Extra leads:";
    // Plan builder dialog
    MenuBuildPlan => "Построить план на следующий год…", "Build next year's plan…";
    MenuBuildPlanHint => "Выручка по месяцам с сезонностью прошлого года и бюджет по каналам; до записи виден предпросмотр",
        "Revenue by month with last year's seasonality and the budget by channel; previewed before anything is written";
    PlanDialogTitle => "Построить план на год", "Build a year's plan";
    PlanDialogIntro => "План выручки = выручка прошлого года по месяцам и направлениям × (1 + рост); бюджет = доля маркетинга × план, по категориям и по каналам пропорционально прошлогоднему расходу.",
        "Revenue plan = last year's revenue by month and direction × (1 + growth); budget = marketing share × plan, split over tiers and over channels by last year's spend.";
    PlanYear => "Год плана", "Plan year";
    PlanGrowth => "Рост клиники", "Clinic growth";
    PlanGrowthByDirection => "Свой рост для направлений", "Own growth per direction";
    PlanGrowthByDirectionHint => "Отмеченные направления растут на свой процент вместо общего.",
        "Ticked directions grow by their own percent instead of the clinic's.";
    PlanNoDirections => "В прошлом году нет выручки по направлениям.", "No revenue by direction last year.";
    PlanShare => "Доля маркетинга", "Marketing share";
    PlanShareRef => "Ориентир 4–10 % выручки; 2–4 %, если ДМС и лояльные пациенты дают больше половины загрузки.",
        "Reference: 4–10 % of revenue; 2–4 % if insured and loyal patients bring over half the load.";
    PlanTiers => "Категории, %", "Tier split, %";
    PlanTiersBad => "пишите три числа: 80/15/5", "write three numbers: 80/15/5";
    PlanPercentBad => "не число: пишите 15 % или +30 %", "not a number: write 15 % or +30 %";
    PlanMonthsWithoutRevenue => "Нет выручки за месяцы (план на них будет 0):", "No revenue in these months (their plan is 0):";
    PlanApply => "Записать план", "Apply the plan";
    PlanApplyHint => "Заменяет план выручки и бюджет этого года на листах «План» и «Бюджет»; Ctrl+Z вернёт как было",
        "Replaces this year's revenue plan and budget on the Plan and Budget sheets; Ctrl+Z brings them back";
    PlanFixInputs => "Исправьте поля, отмеченные красным", "Fix the fields marked in red";
    PlanApplied => "План записан на листы «План» и «Бюджет»:", "Plan written to the Plan and Budget sheets:";
    PlanPreview => "Предпросмотр", "Preview";
    PlanPreviewHint => "Пока вы не нажали «Записать план», в проекте ничего не меняется.", "Nothing in the project changes until you apply the plan.";
    PlanByMonth => "По месяцам", "By month";
    PlanGrowthCol => "Рост", "Growth";
    PlanTotal => "Итого", "Total";
    PlanByDirection => "По направлениям", "By direction";
    PlanNoDirection => "без направления", "no direction";
    PlanByBranch => "По филиалам", "By branch";
    // The Settings form (issue 13, item 7)
    SettingsHint => "Изменения применяются сразу, когда вы покидаете поле, и отменяются Ctrl+Z.", "Changes apply as soon as you leave a field and are undone with Ctrl+Z.";
    SetGroupClinic => "Клиника", "Clinic";
    SetGroupMoney => "Деньги", "Money";
    SetGroupTargets => "Цели", "Targets";
    SetGroupImport => "Импорт выгрузок", "Importing exports";
    SetClinic => "Название клиники", "Clinic name";
    SetClinicHint => "Показывается в заголовках, в отчёте и в имени файла отчёта.", "Shown in titles, in the report and in the report's file name.";
    SetWeekdays => "Веса дней недели", "Weekday weights";
    SetWeekdaysHint => "Семь чисел с понедельника: какую долю обычного дня выручки приносит день (1 — полный, 0,5 — половина, 0 — выходной). По ним план месяца раскладывается по дням.", "Seven numbers from Monday: the share of a normal day's revenue each day brings (1 full, 0.5 half, 0 closed). The month's plan is spread over its days by them.";
    SetHolidays => "Праздники", "Holidays";
    SetHolidaysHint => "Дни, когда клиника закрыта, через запятую: их вес 0.", "Days the clinic is closed, separated by commas: their weight is 0.";
    SetCurrency => "Валюта", "Currency";
    SetCurrencyHint => "Код валюты (RUB, USD, EUR, KZT…) или свой знак: с ним пишутся все суммы на экране, в отчёте и в терминале.", "A currency code (RUB, USD, EUR, KZT…) or a sign of your own: every amount on screen, in the report and in the terminal carries it.";
    SetFixedCosts => "Постоянные расходы в месяц", "Fixed costs per month";
    SetFixedCostsHint => "Аренда, зарплаты и всё, что не зависит от числа пациентов: вычитаются из валовой прибыли в рычагах и сценариях.", "Rent, salaries and everything that does not depend on the number of patients: subtracted from gross profit in the levers and scenarios.";
    SetAnswerTarget => "Цель по доле принятых звонков", "Answer rate target";
    SetAnswerTargetHint => "Доля обращений, на которые администраторы должны ответить: линия цели в разделе «Звонки».", "The share of contacts the administrators should answer: the target line in the Calls view.";
    SetNpsScale => "Шкала NPS", "NPS scale";
    SetNpsScaleHint => "Как читать оценки: стандартная 0–10 или десять смайлов 1–10.", "How scores are read: standard 0–10 or ten smiles 1–10.";
    SetDedupe => "Повторный лид, дней", "Repeat lead window, days";
    SetDedupeHint => "Лид с того же телефона в течение стольких дней после учтённого считается дублем.", "A lead from the same phone within this many days of a counted one is a duplicate.";
    SetAttribution => "Окно атрибуции, дней", "Attribution window, days";
    SetAttributionHint => "Визит относится к лиду, созданному не раньше чем за столько дней до него.", "A visit belongs to a lead created at most this many days before it.";
    PlanChainOwn => "Сеть (без филиала)", "Chain (no branch)";
    PlanBudgetByChannel => "Бюджет по каналам", "Budget by channel";
    PlanShareOfBudget => "Доля", "Share";
    PlanNoChannels => "Лист «Каналы» пуст: бюджет не делится по каналам.", "The Channels sheet is empty: the budget is not split by channel.";
    PlanBudgetByMonth => "Бюджет по каналам и месяцам", "Budget by channel and month";
    PlanChartMonths => "Выручка: прошлый год и план", "Revenue: last year and plan";
    PlanChartChannels => "Бюджет по каналам за", "Budget by channel,";
    PlanWordCap => "План", "Plan";
    BudgetWordCap => "Бюджет", "Budget";
    MillionShort => "\u{a0}млн", "M";
    ThousandShort => "\u{a0}тыс.", "K";
    // Branches of a chain (issue 15)
    Branch => "Филиал", "Branch";
    Branches => "Филиалы", "Branches";
    BranchesNone => "В данных нет филиалов. Добавьте столбец «Филиал» на листы (План, Бюджет, Воронка, Выручка…), чтобы сравнивать клиники сети.", "The data names no branches. Add a «Branch» column to the sheets (Plan, Budget, Funnel, Revenue…) to compare the chain's clinics.";
    BranchesHint => "Расход филиала — свой плюс доля общих кампаний сети по его лидам. План и факт — на дату последней выручки сети.", "A branch's spend is its own plus its share of the chain's shared campaigns by its leads. Plan and fact are to the chain's last revenue day.";
    BranchesChain => "Вся сеть", "Whole chain";
    BrKpi => "Показатель", "KPI";
    BrPlanToDate => "План на дату", "Plan to date";
    BrRevenue => "Выручка", "Revenue";
    BrCompletionToDate => "Выполнение плана на дату", "Plan completion to date";
    BrSpend => "Расход (с долей общих)", "Spend (with shared share)";
    BrLeads => "Лиды", "Leads";
    BrBookingRate => "Конверсия в запись", "Booking rate";
    BrShowRate => "Доходимость", "Show rate";
    BrPaidRate => "Конверсия в оплату", "Paid rate";
    BrCpl => "Цена лида (CPL)", "Cost per lead (CPL)";
    BrCac => "Цена пациента (CAC)", "Cost per new patient (CAC)";
    BrRomi => "ROMI", "ROMI";
    BrAvgCheck => "Средний чек", "Average check";
    BrContacts => "Обращения (звонки)", "Contacts (calls)";
    BrAnswerRate => "Доля отвеченных", "Answer rate";
    BrNps => "NPS", "NPS";

    // Import exports dialog and Cohorts view (issue 7)
    MenuImportExports => "Импорт выгрузок…", "Import exports…";
    ImportExportsTitle => "Импорт выгрузок из CRM, МИС и рекламных кабинетов", "Import exports from the CRM, the MIS and the ad cabinets";
    ImportExportsHint => "Каждый файл необязателен. Имена не читаются, телефоны показаны скрытыми.", "Each file is optional. Names are never read; phones are shown masked.";
    ImportSlotLeads => "Лиды (CRM)", "Leads (CRM)";
    ImportSlotVisits => "Визиты (МИС)", "Visits (MIS)";
    ImportSlotSpend => "Расходы (рекламные кабинеты)", "Spend (ad cabinets)";
    ImportSlotCalls => "Журнал звонков (телефония)", "Call journal (telephony)";
    ImportCalls => "Звонков", "Calls";
    ImportContacts => "обращений", "contacts";
    ImportPick => "Выбрать…", "Choose…";
    ImportRead => "Прочитать", "Read";
    ImportClear => "Убрать", "Remove";
    ImportReadable => "✓ столбцы найдены", "✓ columns found";
    ImportNoFile => "Файл не выбран", "No file chosen";
    ImportMissing => "Не найден обязательный столбец:", "Required column not found:";
    ImportHidden => "значения скрыты", "values hidden";
    ImportUnused => "— не использовать —", "— not used —";
    ImportPreview => "Первые строки:", "First rows:";
    ImportNoRows => "В файле нет строк данных", "The file has no data rows";
    ImportFilter => "Выгрузки", "Exports";
    ImportJoin => "Объединить", "Join";
    ImportApply => "Применить", "Apply";
    ImportCounts => "Итоги объединения", "Join results";
    ImportLeads => "лидов:", "leads:";
    ImportDuplicates => "дублей:", "duplicates:";
    ImportReturning => "повторных:", "returning:";
    ImportWithoutPhone => "без телефона:", "without phone:";
    ImportMatchedVisits => "визитов сопоставлено:", "matched visits:";
    ImportVisits => "визитов всего:", "visits in all:";
    ImportUnknownSources => "Неизвестные источники (стали новыми каналами):", "Unknown sources (became channels of their own):";
    ImportMapTo => "сопоставить с каналом…", "map to channel…";
    ImportMapButton => "Сопоставить", "Map";
    ImportApplied => "Выгрузки импортированы", "Exports imported";
    Cohorts => "Когорты", "Cohorts";
    CohortsNoVisits => "Когорты строятся по визитам пациентов. Импортируйте выгрузку визитов из МИС (Файл → Импорт выгрузок…), и здесь появится удержание и LTV по месяцу первого визита.", "Cohorts are built from patients' visits. Import the visits export from the MIS (File → Import exports…) and retention and LTV by first-visit month will appear here.";
    CohortsNoneInPeriod => "В выбранном периоде нет когорт.", "No cohorts in the selected period.";
    CohortsHint => "Строка — месяц первого визита, столбец — месяцев после него.", "A row is the month of the first visit, a column the months since it.";
    CohortsRetention => "Удержание, %", "Retention, %";
    CohortsLtv => "LTV, ₽", "LTV, ₽";
    CohortsLtvCurve => "Накопленный LTV на пациента", "Cumulative LTV per patient";
    CohortsCohort => "Когорта", "Cohort";
    CohortsPatients => "Пациентов", "Patients";
    CohortsMonthShort => "мес.", "month";
    CohortsAverage => "Среднее", "Average";
    Aarrr => "AARRR", "AARRR";
    AarrrHint => "Пять звеньев китайского плейбука клиники: период кончается последним завершённым месяцем и сравнивается с таким же числом месяцев перед ним.", "The five links of the Chinese clinic playbook: the period ends at the last complete month and is compared with as many months before it.";
    AarrrAcquisition => "Привлечение", "Acquisition";
    AarrrActivation => "Активация", "Activation";
    AarrrRetention => "Удержание", "Retention";
    AarrrRevenue => "Монетизация", "Revenue";
    AarrrReferral => "Рекомендации", "Referral";
    AarrrLeads => "лиды", "leads";
    AarrrPaidRate => "оплата после первого приёма", "first visit that pays";
    AarrrRepeatShare => "доля повторных", "repeat share";
    AarrrAvgCheck => "средний чек", "average check";
    AarrrReferralShare => "доля визитов по рекомендации", "referral share of visits";
    AarrrWas => "было", "was";
    AarrrFalling => "падает", "falling";
    AarrrWeakest => "слабое звено", "weakest link";
    MenuView => "Вид", "View";
    MenuMeeting => "Встреча (F11)", "Meeting (F11)";
    MeetingLeave => "Выйти (Esc)", "Leave (Esc)";
    MeetingDark => "Тёмная тема", "Dark theme";
    MeetingScreen => "Экран", "Screen";
    MeetingPrev => "Назад", "Back";
    MeetingNext => "Далее", "Next";
    MeetingRevenue => "Выручка", "Revenue";
    MeetingPlanToDate => "План на сегодня", "Plan to date";
    MeetingCompletion => "Выполнение на сегодня", "Completion to date";
    MeetingCalls => "Обращения", "Contacts";
    MeetingPlanWord => "план", "plan";
    MeetingNoPlan => "плана нет", "no plan";
    MeetingNoReference => "Норматива для этапов воронки в справочнике нет: сравниваем с планом.", "The references give no norm for funnel stages: rates are compared with the plan.";
    MeetingPerMonth => "в месяц", "a month";
    MeetingScenario => "Сценарий", "Scenario";
    MeetingToday => "Сейчас", "Today";
    MeetingProposed => "Предложение", "Proposed";
    MeetingNothing => "Нет данных для этого шага.", "No data for this step.";
    MenuExportStory => "Экспорт истории в PNG…", "Export story as PNG…";
    StoryFileName => "история", "story";
    StorySaved => "История сохранена, первый слайд:", "Story saved, first slide:";
    // Calls view, dashboard card and funnel stage (issue 14)
    Calls => "Звонки", "Calls";
    CallsNone => "Звонков нет. Импортируйте журнал звонков телефонии (Файл → Импорт выгрузок…) или заполните лист «Звонки» шаблона, и здесь появятся доля принятых, потерянные обращения и часы, когда никто не берёт трубку.", "No calls yet. Import the telephony call journal (File → Import exports…) or fill the template's Calls sheet, and the answer rate, the lost contacts and the hours nobody picks up will appear here.";
    CallsHint => "Обращение — все входящие звонки одного абонента за день. Пропущенное обращение спасает перезвон (за 20 минут или позже) или повторный звонок пациента в течение суток; иначе оно потеряно.", "A contact is one caller's incoming calls on one day. A missed contact is saved by a callback (within 20 minutes or later) or the patient calling again within 24 hours; otherwise it is lost.";
    CallsAnswerRate => "Доля принятых", "Answer rate";
    CallsTarget => "цель", "target";
    CallsContacts => "Обращения", "Contacts";
    CallsAnswered => "Принято", "Answered";
    CallsLost => "Потеряно", "Lost";
    CallsLostMoney => "Осталось в телефоне", "Left on the phone";
    CallsAvgWait => "Ожидание, сек", "Wait, s";
    CallsAvgTalk => "Разговор, сек", "Talk, s";
    CallsCallback20 => "Перезвон ≤ 20 мин", "Callback ≤ 20 min";
    CallsCallback => "Перезвон позже", "Callback later";
    CallsRecalled => "Перезвонил сам", "Called again";
    CallsChartRate => "Доля принятых обращений по месяцам", "Answer rate by month";
    CallsChartMissed => "Пропущенные обращения: чем закончились", "Missed contacts: how they ended";
    CallsByMonth => "По месяцам", "By month";
    CallsAdmins => "Администраторы", "Administrators";
    CallsEmployee => "Сотрудник", "Employee";
    CallsHeat => "Доля принятых по часам и дням недели", "Answer rate by hour and weekday";
    CallsHeatNone => "Карта по часам строится по обращениям из журнала звонков; в шаблоне их нет.", "The hour map is built from the call journal's contacts; the template has none.";
    CallsHour => "Час", "Hour";
    CallsSheet => "Итоги звонков", "Call results";
    ColCallsIn => "Входящие звонки", "Incoming calls";
    ColWaitSeconds => "Ожидание всего, сек", "Total wait, s";
    ColTalkSeconds => "Разговор всего, сек", "Total talk, s";
    WeekMon => "Пн", "Mon";
    WeekTue => "Вт", "Tue";
    WeekWed => "Ср", "Wed";
    WeekThu => "Чт", "Thu";
    WeekFri => "Пт", "Fri";
    WeekSat => "Сб", "Sat";
    WeekSun => "Вс", "Sun";
    CardLostCalls => "Потерянные звонки", "Lost calls";
    LostCallsSub => "потеряно обращений", "contacts lost";
    RefLostCalls => "Деньги, оставшиеся в телефоне: потерянные обращения × лидов на обращение × выручка на лид. Цвет: потеряно до 5 % обращений — хорошо, до 10 % — внимание.", "Money left on the phone: lost contacts × leads per contact × revenue per lead. Colour: up to 5 % of contacts lost is good, up to 10 % watch.";
    StageContacts => "Обращения (звонки)", "Contacts (calls)";
    LeadsPerContact => "лидов на обращение", "leads per contact";
    AdminsLostLine => "Администраторы: потеряно обращений", "Administrators: contacts lost";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_texts() {
        for k in K::ALL {
            assert!(!tr(Lang::Ru, *k).trim().is_empty(), "{k:?} ru");
            assert!(!tr(Lang::En, *k).trim().is_empty(), "{k:?} en");
        }
    }
}
