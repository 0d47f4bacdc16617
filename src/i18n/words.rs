//! The catalogue's table: one line per key, Russian, English and Chinese. Texts with `{name}`
//! places are filled by [`super::fill`]. Russian uses a no-break space before `%` and units.

use crate::format::Lang;

table! {
    // Plan builder: advice about the input (PlanWarning).
    PlanWarnShareNaN => "Доля маркетинга — не число.",
        "The marketing share is not a number.",
        "营销费用占比不是数字。";
    PlanWarnShareRange => "Доля маркетинга {share} — вне ориентира 4–10\u{a0}% выручки (2–4\u{a0}% нормально, только если ДМС и лояльные пациенты дают больше половины загрузки).",
        "The marketing share {share} is outside the usual 4–10 % of revenue (2–4 % is normal only where insured and loyal patients bring over half the load).",
        "营销费用占比 {share} 超出营收的常规范围 4–10 %（只有当商保和忠实患者带来一半以上的就诊量时，2–4 % 才算正常）。";
    PlanWarnTiersNegative => "В разбивке по категориям {tiers} есть отрицательная или нечитаемая часть; она считается за 0.",
        "The tier split {tiers} has a negative or unreadable part; it counts as 0.",
        "层级分配 {tiers} 中有负数或无法读取的部分；按 0 计算。";
    PlanWarnTiersSum => "Разбивка по категориям {tiers} в сумме даёт {sum}, а не 100\u{a0}%; план приводит её к 100\u{a0}%.",
        "The tier split {tiers} adds up to {sum}, not 100 %; the plan scales it to 100 %.",
        "层级分配 {tiers} 合计为 {sum}，而不是 100 %；计划会将其按比例调整为 100 %。";
    PlanWarnGrowth => "Рост {growth} не оставляет выручки вовсе.",
        "A growth of {growth} plans no revenue at all.",
        "增长 {growth} 意味着完全没有营收。";
    PlanWarnDirectionGrowth => "Рост {growth} для «{direction}» не оставляет этому направлению выручки.",
        "A growth of {growth} for «{direction}» plans no revenue at all for it.",
        "“{direction}”的增长 {growth} 意味着该科室完全没有营收。";

    // Plan builder: how the plan was built (PlanNotice).
    PlanNotPlannable => "{year} — не год, на который можно построить план.",
        "{year} is not a year that can be planned.",
        "{year} 不是可以制定计划的年份。";
    PlanDirectionlessGrowth => "Выручка без направления всегда растёт на общий рост клиники; рост, заданный для неё, не используется.",
        "Revenue without a direction always grows by the clinic growth; the growth given for it is not used.",
        "无科室的营收始终按全院增长率增长；为其设定的增长不被使用。";
    PlanGrowthUnused => "Рост для «{direction}» не используется: у направления с таким именем не было выручки в {year} году.",
        "The growth given for «{direction}» is not used: no direction of that name had revenue in {year}.",
        "为“{direction}”设定的增长未被使用：{year} 年没有该名称科室的营收。";
    PlanNotFinite => "Часть плановых чисел не вычисляется (проверьте рост, долю и данные); они показаны пустыми.",
        "Some planned figures are not finite numbers (check the growth, the share and the data); they are shown as empty.",
        "部分计划数字无法计算（请检查增长率、占比和数据）；它们显示为空。";
    PlanNoRevenueFor => "Нет выручки в {year} году у направлений {list}: план на {plan_year} год для них не строится.",
        "No revenue in {year} for {list}: no plan is built for them in {plan_year}.",
        "{year} 年 {list} 没有营收：不为其制定 {plan_year} 年计划。";
    PlanNoRevenue => "Нет выручки в {year} году: все месяцы {plan_year} года запланированы нулём.",
        "No revenue in {year}: every month of {plan_year} is planned at 0.",
        "{year} 年没有营收：{plan_year} 年每个月的计划均为 0。";
    PlanRefunds => "Возвраты больше поступлений по «{direction}» в {month}: этот месяц запланирован нулём.",
        "Refunds exceed takings for «{direction}» in {month}; that month is planned at 0.",
        "“{direction}”在 {month} 的退款超过收入；该月计划为 0。";
    PlanRefundsNoDirection => "Возвраты больше поступлений по выручке без направления в {month}: этот месяц запланирован нулём.",
        "Refunds exceed takings for revenue without a direction in {month}; that month is planned at 0.",
        "无科室营收在 {month} 的退款超过收入；该月计划为 0。";
    PlanNoChannels => "Лист «Каналы» пуст: бюджет планируется по месяцам, но не делится по каналам.",
        "The Channels sheet is empty: the budget is planned per month but not split over channels.",
        "“渠道”表为空：预算按月计划，但不分配到各渠道。";
    PlanUntiered => "Расход {year} года на {list} не учтён при делении бюджета: этих каналов нет на листе «Каналы», у них нет категории.",
        "Spend in {year} on {list} is left out of the budget split: not on the Channels sheet, so no tier.",
        "{year} 年在 {list} 上的花费未计入预算分配：这些渠道不在“渠道”表中，因此没有层级。";
    PlanEmptyTier => "В категории «{tier}» нет каналов: её {share} делится между остальными категориями пропорционально их долям.",
        "No channel is in the tier «{tier}»: its {share} goes to the other tiers in proportion to their shares.",
        "层级“{tier}”中没有渠道：其 {share} 按比例分给其他层级。";
    PlanNothingForTiers => "Разбивка ничего не даёт категориям, в которых есть каналы; используется правило 80/15/5.",
        "The tier split gives nothing to the tiers that have channels; the 80/15/5 rule is used.",
        "层级分配没有给有渠道的层级任何份额；改用 80/15/5 规则。";
    PlanInBranch => "Филиал «{branch}»: {notice}", "Branch «{branch}»: {notice}", "分院“{branch}”：{notice}";
    PlanInChainRows => "Строки самой сети: {notice}", "The chain's own rows: {notice}", "连锁自身的行：{notice}";

    // Plan builder: estimated months of the base (Estimate).
    EstimateWhyInProgress => "{month} ещё идёт", "{month} is in progress", "{month} 仍在进行中";
    EstimateWhyNoWeight => "{month} ещё идёт, и рабочих дней в нём пока не было",
        "{month} is in progress with no working day so far",
        "{month} 仍在进行中，且尚无工作日";
    EstimateWhyFuture => "{month} ещё не наступил", "{month} has not happened yet", "{month} 尚未到来";
    EstimateWhyBeforeFirstRow => "{month} раньше первой строки выручки направления",
        "{month} comes before the direction's first Revenue row",
        "{month} 早于该科室的第一行营收";
    EstimateHowScaled => "база оценена как выручка на сегодня × вес всего месяца / вес прошедших дней",
        "its base is the revenue to date × the month's total weight / the weight of the days so far",
        "基数按截至今日营收 × 整月权重 / 已过天数权重估算";
    EstimateHowTrend => "база оценена как выручка {before} × тренд {year} к {year_before} году",
        "its base is the revenue of {before} × the trend of {year} against {year_before}",
        "基数按 {before} 的营收 × {year} 年相对 {year_before} 年的趋势估算";
    EstimateHowMean => "в {before} выручки тоже не было, база оценена как среднее полных месяцев {year} года",
        "{before} had no revenue either, so its base is the mean of the complete months of {year}",
        "{before} 也没有营收，基数按 {year} 年完整月份的平均值估算";
    EstimateSentence => "{why}: {how} ({names}).", "{why}: {how} ({names}).", "{why}：{how}（{names}）。";
    RevenueWithoutDirection => "выручка без направления", "revenue without a direction", "无科室的营收";

    // Files that cannot be read at all (ImportError), and the system's reasons (io::ErrorKind).
    ImportOpen => "Не удалось открыть «{file}»: {why}.", "cannot open «{file}»: {why}", "无法打开“{file}”：{why}。";
    ImportEmpty => "Файл «{file}» пуст: книги в нём нет.", "«{file}» is empty: there is no workbook in it", "文件“{file}”为空：其中没有工作簿。";
    ImportUnreadable => "Не удалось прочитать «{file}»: это не книга Excel или OpenDocument (.xlsx, .xls, .xlsb, .ods), или файл повреждён.",
        "cannot read «{file}»: it is not an Excel or OpenDocument workbook (.xlsx, .xls, .xlsb, .ods), or it is damaged ({reason})",
        "无法读取“{file}”：它不是 Excel 或 OpenDocument 工作簿（.xlsx、.xls、.xlsb、.ods），或已损坏。";
    ImportNoTemplateSheet => "В «{file}» нет ни одного листа шаблона (Настройки, Направления, Каналы, План, Бюджет, Воронка, Выручка, Врачи, NPS); его листы: {sheets}.",
        "«{file}» has none of the template's sheets (Settings, Directions, Channels, Plan, Budget, Funnel, Revenue, Doctors, NPS, or Настройки, Направления, Каналы, План, Бюджет, Воронка, Выручка, Врачи); its sheets are {sheets}",
        "“{file}”中没有任何模板表（Settings、Directions、Channels、Plan、Budget、Funnel、Revenue、Doctors、NPS）；其中的表为 {sheets}。";
    ImportEncoding => "Не удалось прочитать «{file}»: кодировка текста не распознана (сохраните выгрузку в UTF-8 или Windows-1251); из файла ничего не прочитано.",
        "cannot read «{file}»: {reason}; nothing was read from this file",
        "无法读取“{file}”：无法识别文本编码（请将导出文件另存为 UTF-8）；未从此文件读取任何内容。";
    ImportNotAnExport => "«{file}» не читается как выгрузка: ни в одной строке нет нужных заголовков или ни одна строка не прочитана; из файла ничего не прочитано.",
        "«{file}» cannot be read as a {what}: {reason}; nothing was read from this file",
        "“{file}”无法作为导出文件读取：没有一行包含所需的表头，或没有一行可读取；未从此文件读取任何内容。";
    NoSheets => "нет", "none", "无";
    IoNotFound => "такого файла или папки нет", "No such file or directory", "文件或文件夹不存在";
    IoPermission => "нет прав доступа", "Permission denied", "没有访问权限";
    IoIsDirectory => "это папка, а не файл", "Is a directory", "这是文件夹而不是文件";
    IoInUse => "файл занят другой программой", "The file is in use by another program", "文件正被其他程序占用";
    IoReadOnly => "диск только для чтения", "Read-only file system", "磁盘为只读";
    IoNoSpace => "на диске нет места", "No space left on device", "磁盘空间不足";
    IoInvalidName => "недопустимое имя файла", "Invalid file name", "文件名无效";
    IoOther => "ошибка чтения или записи", "Input/output error", "读写错误";

    // Budget tiers.
    TierProven => "проверенный", "proven", "成熟";
    TierScaling => "масштабирование", "scaling", "扩量";
    TierExperiment => "эксперимент", "experiment", "试验";
}
