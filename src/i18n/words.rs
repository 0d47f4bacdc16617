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

    // The consultant's story (analysis::story): the seven steps' title sentences and their parts.
    StoryNoPlanToDate => "Выручка за период — {money}; плана на этот срок нет",
        "Revenue over the period is {money}; there is no plan to date",
        "本期营收为 {money}；截至今日没有计划";
    StoryAhead => "Выручка опережает план на {pct} на сегодня", "Revenue is {pct} ahead of plan to date", "截至今日营收超出计划 {pct}";
    StoryOnPlan => "Выручка идёт точно по плану", "Revenue is on plan to date", "截至今日营收完全符合计划";
    StoryBehindAt => "Выручка отстаёт от плана на {pct} — теряем {where}, {zone}",
        "Revenue is {pct} behind plan — we lose {where}, {zone}",
        "营收落后计划 {pct} — 损失发生{where}，{zone}";
    StoryBehind => "Выручка отстаёт от плана на {pct}", "Revenue is {pct} behind plan", "营收落后计划 {pct}";
    StoryNoFunnel => "Воронки за период нет: лидов не было", "No funnel in the period: no leads", "本期没有漏斗：没有线索";
    StoryFunnelWorst => "Из 100 лидов до оплаты доходят {n}; дальше всего от плана {factor}: {fact} при плане {plan}",
        "{n} of 100 leads reach payment; {factor} is furthest below plan: {fact} against {plan}",
        "每 100 条线索中有 {n} 条成交；离计划最远的是{factor}：{fact}，计划 {plan}";
    StoryFunnelOnPlan => "Из 100 лидов до оплаты доходят {n}; все этапы не ниже плана",
        "{n} of 100 leads reach payment; no stage is below plan",
        "每 100 条线索中有 {n} 条成交；没有环节低于计划";
    StoryNoGap => "Разрыв не разобрать: в плане нет пяти факторов воронки",
        "The gap cannot be broken down: the plan lacks the five funnel factors",
        "缺口无法分解：计划中缺少漏斗的五个因素";
    StoryLost => "За {month} потеряли {money} {where} — {zone}", "In {month} we lost {money} {where} — {zone}", "{month}{where}损失了 {money} — {zone}";
    StoryNoStageBehind => "В {month} ни один этап не отстал от плана", "In {month} no stage fell behind plan", "{month} 没有环节落后于计划";
    StoryAarrrNoPrevious => "Звенья AARRR сравнить не с чем: за прошлый период данных нет",
        "The AARRR links have nothing to compare with: no data for the previous period",
        "AARRR 各环节无从比较：上一期没有数据";
    StoryAarrrWeakest => "Слабое звено — {link}: −{pct} к прошлому периоду",
        "The weakest link is {link}: −{pct} against the previous period",
        "最弱环节是{link}：比上一期 −{pct}";
    StoryAarrrNoneFell => "Ни одно звено AARRR не упало против прошлого периода",
        "No AARRR link fell against the previous period",
        "与上一期相比，AARRR 没有环节下降";
    StoryScenario => "Предлагаем сценарий «{name}»: +{money} выручки в месяц{more}",
        "We propose the scenario «{name}»: +{money} revenue a month{more}",
        "建议采用情景“{name}”：每月营收 +{money}{more}";
    StoryScenarioMore => ", и ещё +{money} прибыли от перераспределения бюджета",
        ", plus +{money} profit from splitting the budget anew",
        "，另外重新分配预算可带来利润 +{money}";
    StoryRealloc => "Тот же бюджет, разделённый иначе, даст +{money} прибыли в месяц",
        "The same budget split differently earns +{money} profit a month",
        "同样的预算换一种分配方式，每月可多赚利润 +{money}";
    StoryBudgetFine => "Бюджет уже разделён по каналам почти наилучшим образом",
        "The budget is already split about as well as it can be",
        "预算在各渠道间的分配已接近最优";
    StoryBestLever => "Больше всего даст {name}: {now} → {best}, как вы уже умели, — +{money} прибыли в месяц",
        "{Name} would earn most: {now} → {best}, as you have already done, +{money} profit a month",
        "收益最大的是{name}：{now} → {best}，你们已经做到过 — 每月利润 +{money}";
    StoryNoLever => "Ни один рычаг не даёт прибыли: сначала нужны данные воронки и маржа",
        "No lever earns a profit: the funnel and the margins are needed first",
        "没有能带来利润的杠杆：首先需要漏斗数据和毛利率";
    StoryNoSteps => "Следующих шагов нет: рычагов с прибылью не нашлось", "No next steps: no lever earns a profit", "没有下一步：没有找到能带来利润的杠杆";
    StorySteps => "{steps} на месяц: {who}", "{steps} for the month: {who}", "本月{steps}：{who}";
    StoryTask => "{who}: вернуть {name} к {best} — +{money} прибыли в месяц",
        "{who}: bring {name} back to {best} — +{money} profit a month",
        "{who}：把{name}恢复到 {best} — 每月利润 +{money}";
    StoryLeverIn => "{name} в «{direction}»", "{name} in {direction}", "“{direction}”的{name}";
    SubjectLeads => "число лидов", "the number of leads", "线索数量";
    SubjectBookingRate => "запись", "the booking rate", "预约率";
    SubjectShowRate => "доходимость", "the show rate", "到诊率";
    SubjectPaidRate => "оплата после приёма", "the paid rate", "诊后成交率";
    SubjectRevenuePerPaid => "чек нового пациента", "revenue per paying patient", "新患者客单";
    WhereLeads => "на лидах", "on leads", "在线索环节";
    WhereBookingRate => "на записи", "at booking", "在预约环节";
    WhereShowRate => "на доходимости", "at the show rate", "在到诊环节";
    WherePaidRate => "на оплате после приёма", "at payment after the visit", "在诊后成交环节";
    WhereRevenuePerPaid => "на чеке", "on the check", "在客单环节";
    ZoneMarketer => "это зона маркетолога", "the marketer's job", "这是市场人员的职责";
    ZoneAdministrators => "это зона администраторов", "the administrators' job", "这是前台的职责";
    ZoneDoctors => "это зона врачей", "the doctors' job", "这是医生的职责";
    ZoneManagement => "это зона руководства", "management's job", "这是管理层的职责";
    LinkNameAcquisition => "привлечение", "acquisition", "获客";
    LinkNameActivation => "активация", "activation", "激活";
    LinkNameRetention => "удержание", "retention", "留存";
    LinkNameRevenue => "монетизация", "revenue", "变现";
    LinkNameReferral => "рекомендации", "referral", "转介绍";

    // Budget tiers.
    TierProven => "проверенный", "proven", "成熟";
    TierScaling => "масштабирование", "scaling", "扩量";
    TierExperiment => "эксперимент", "experiment", "试验";

    // The analyst report (sheet names, headers, labels, sentences).
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
