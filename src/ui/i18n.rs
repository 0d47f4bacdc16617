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
    BudgetWord => "бюджет", "budget";
    ExecutionWord => "Исполнение", "Execution";
    VisitsWord => "явки", "visits";
    PaidWord => "оплаты", "paid";
    GrossProfitWord => "валовая прибыль", "gross profit";
    AttributedWord => "выручка с каналов", "attributed revenue";
    WeakestWord => "слабее всех:", "weakest:";
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
    RefBudget => "Норматива нет; правило: расход в пределах бюджета — хорошо, перерасход до 10 % — внимание.",
        "No reference; rule of thumb: within budget good, up to 10 % over watch.";
    RefMarketingShare => "Норматив: 4–10 % выручки; 2–4 %, где больше половины загрузки дают ДМС и лояльные пациенты.",
        "Reference: 4–10 % of revenue; 2–4 % where insured and loyal patients bring over half the load.";
    RefNone => "Норматива нет: сравнивайте с планом и прошлыми месяцами.", "No reference: compare with the plan and past months.";
    RefCac => "Норматива нет; CAC сравнивается с LTV (см. LTV:CAC).", "No reference; CAC is judged against LTV (see LTV:CAC).";
    RefRomi => "Норматив: 0 — окупаемость; выше нуля — хорошо, до −20 % — внимание.", "Reference: 0 is break-even; above good, down to −20 % watch.";
    RefRoas => "Норматив: 3–4 рубля на рубль — хорошо; от 1 — внимание.", "Reference: 3–4 roubles back per rouble is good; 1 or more watch.";
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
    LastYearHint => "Последние 12 месяцев с данными", "The last 12 months with data";
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

    // Import exports dialog and Cohorts view (issue 7)
    MenuImportExports => "Импорт выгрузок…", "Import exports…";
    ImportExportsTitle => "Импорт выгрузок из CRM, МИС и рекламных кабинетов", "Import exports from the CRM, the MIS and the ad cabinets";
    ImportExportsHint => "Каждый файл необязателен. Имена не читаются, телефоны показаны скрытыми.", "Each file is optional. Names are never read; phones are shown masked.";
    ImportSlotLeads => "Лиды (CRM)", "Leads (CRM)";
    ImportSlotVisits => "Визиты (МИС)", "Visits (MIS)";
    ImportSlotSpend => "Расходы (рекламные кабинеты)", "Spend (ad cabinets)";
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
