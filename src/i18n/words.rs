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
    PlanNoticeNoChannels => "Лист «Каналы» пуст: бюджет планируется по месяцам, но не делится по каналам.",
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
    KeyNoFolder => "На этом компьютере нет папки для данных medfunnel: укажите папку для ключа пациентов в переменной MEDFUNNEL_KEY_DIR.", "there is no folder for medfunnel's app data on this computer; set MEDFUNNEL_KEY_DIR to a folder for the patient key", "这台电脑上没有 medfunnel 的数据文件夹：请用环境变量 MEDFUNNEL_KEY_DIR 指定存放患者密钥的文件夹。";
    KeyRandom => "Не удалось создать ключ пациентов: генератор случайных чисел системы не сработал.", "cannot create the patient key: the system's random generator failed ({why})", "无法创建患者密钥：系统的随机数生成器出错。";
    KeyIo => "Файл ключа пациентов «{file}» не читается или не записывается: {why}.", "the patient key file «{file}» cannot be read or written: {why}", "无法读取或写入患者密钥文件“{file}”：{why}。";
    KeyNotAKey => "«{file}» — не файл ключа пациентов medfunnel (его пишет команда `medfunnel key export`).", "«{file}» is not a medfunnel patient key file (it should be one written by `medfunnel key export`)", "“{file}”不是 medfunnel 的患者密钥文件（应由 `medfunnel key export` 生成）。";
    KeyMismatch => "Пациенты этого проекта зашифрованы ключом другого компьютера (ключ {project}; ключ этого компьютера {machine}), поэтому новые выгрузки с ними не совпадут. На том компьютере выполните `medfunnel key export key.txt`, перенесите файл сюда и выполните `medfunnel key import key.txt`.", "this project's patients were keyed on another computer (key {project}; this computer's key is {machine}), so new exports would not match them. On that computer run `medfunnel key export key.txt`, bring the file over, and here run `medfunnel key import key.txt`", "本项目的患者由另一台电脑的密钥加密（密钥 {project}；本机密钥 {machine}），新的导出数据将无法匹配。请在那台电脑上运行 `medfunnel key export key.txt`，把文件拿过来，再在这里运行 `medfunnel key import key.txt`。";
    KeyOldKeys => "Визиты этого проекта зашифрованы старой версией medfunnel, и новые лиды с ними не сопоставить: импортируйте выгрузку визитов заново вместе с лидами.", "this project's patient visits were keyed by an older medfunnel, so new leads cannot be matched to them; import the visits export again together with the leads", "本项目的就诊记录由旧版 medfunnel 加密，新的线索无法与之匹配：请把就诊导出与线索一起重新导入。";
    NoSheets => "нет", "none", "无";
    StoreIo => "«{file}»: {why}.", "{file}: {why}", "“{file}”：{why}。";
    StoreFormat => "«{file}» — не файл проекта medfunnel.", "{file}: not a medfunnel project file ({reason})", "“{file}”不是 medfunnel 项目文件。";
    StoreTooNew => "«{file}» записан более новой версией medfunnel (формат {found}, эта версия читает до {max}).",
        "{file}: written by a newer medfunnel (format {found}, this version reads up to {max})",
        "“{file}”由更新版本的 medfunnel 写入（格式 {found}，此版本最多读取 {max}）。";
    ReportBuild => "Не удалось собрать книгу «{file}»: в данных есть то, что Excel не может сохранить.",
        "Could not build the workbook «{file}»",
        "无法生成工作簿“{file}”：数据中有 Excel 无法保存的内容。";
    ReportSave => "Не удалось сохранить «{file}»: {why}.", "Could not save «{file}»: {why}", "无法保存“{file}”：{why}。";
    // A conversion rate pushed above 100 % by a what-if (`analysis::levers::RateWarning`).
    WhatIfRateAbove100 => "{channel}: {rate} получится {value}\u{a0}% — больше 100\u{a0}%.",
        "{channel}: {rate} would be {value} %, above 100 %.",
        "{channel}：{rate}将达到 {value} %，超过 100 %。";
    // The curves', the allocator's and the headroom ranking's notes (`analysis::notice::Notice`).
    NoteNoSpend => "{channel}: за период нет расходов, поэтому нет кривой отклика; деньги канал получает только через заданный минимум.",
        "{channel}: no spend in the period, so no response curve; it gets money only through --min.",
        "{channel}：本期没有花费，因此没有响应曲线；只能通过设定的最低额获得预算。";
    NoteLinearFewMonths => "{channel}: месяцев, где есть и расходы, и лиды: {n}; кривая отклика линейна по CPL периода (b = 1, a = лиды / расходы).",
        "{channel}: only {n} month(s) with both spend and leads; the response curve is linear at the period's CPL (b = 1, a = leads / spend).",
        "{channel}：同时有花费和线索的月份只有 {n} 个；响应曲线按本期 CPL 取线性（b = 1，a = 线索 / 花费）。";
    NoteLinearElasticity => "{channel}: подобранная эластичность вне (0, 1]; кривая отклика линейна по CPL периода (b = 1, a = лиды / расходы).",
        "{channel}: the fitted elasticity is outside (0, 1]; the response curve is linear at the period's CPL (b = 1, a = leads / spend).",
        "{channel}：拟合的弹性不在 (0, 1] 内；响应曲线按本期 CPL 取线性（b = 1，a = 线索 / 花费）。";
    NoteBudgetBelow => "Бюджет меньше суммы нижних границ каналов (половины сегодняшних расходов): {channels} получают свою границу × бюджет / эту сумму.",
        "The budget is below the sum of the channels' lower bounds (half of today's spend): {channels} get their bound × budget / that sum.",
        "预算低于各渠道下限之和（当前花费的一半）：{channels} 按“下限 × 预算 / 该和”分配。";
    NoteBudgetAbove => "Бюджет больше суммы верхних границ каналов (двойных сегодняшних расходов): {channels} получают свою границу × бюджет / эту сумму.",
        "The budget is above the sum of the channels' upper bounds (twice today's spend): {channels} get their bound × budget / that sum.",
        "预算高于各渠道上限之和（当前花费的两倍）：{channels} 按“上限 × 预算 / 该和”分配。";
    NoteSplitWins => "Разбивку по категориям и границы каналов по умолчанию (0,5×–2× сегодняшних расходов) нельзя соблюсти вместе: действует разбивка, и {channels} выходят за свою границу.",
        "The tier split and the channels' default bounds (0.5×–2× today's spend) cannot both be met: the split wins, and {channels} go past their bound.",
        "层级分配与渠道默认上下限（当前花费的 0.5×–2×）无法同时满足：以层级分配为准，{channels} 超出其上下限。";
    NoteTierWithoutChannels => "В одной из категорий нет каналов; её доля ушла другим категориям пропорционально их долям.",
        "A tier has no channels; its share went to the other tiers in proportion to their shares.",
        "有一个层级没有渠道；其份额按比例分给了其他层级。";
    NoteExtrapolated => "{channel}: предложение {proposal} в месяц более чем вдвое больше самых больших месячных расходов канала ({max}); кривая экстраполирована.",
        "{channel}: the proposal {proposal} a month is more than twice the largest monthly spend it ever had ({max}); the curve is extrapolated.",
        "{channel}：建议的每月 {proposal} 超过其历史最大月花费（{max}）的两倍；曲线为外推。";
    NoteCapped => "максимумы каналов допускают не больше {budget} в месяц, и это даёт {revenue}",
        "the channels' maximums allow at most {budget} a month, which brings {revenue}",
        "各渠道的最高额最多允许每月 {budget}，带来 {revenue}";
    NoteSaturated => "кривые отклика насыщаются: даже {budget} в месяц (1000 × сегодняшний бюджет) даёт только {revenue}",
        "the response curves saturate: even {budget} a month (1000 × today's budget) brings only {revenue}",
        "响应曲线已饱和：即使每月 {budget}（当前预算的 1000 倍）也只带来 {revenue}";
    NoteTooFewMonths => "Меньше {window} полных месяцев данных воронки: рычаги пока нельзя ранжировать по запасу роста.",
        "Fewer than {window} complete months of funnel data: the levers cannot be ranked by headroom yet.",
        "漏斗数据不足 {window} 个完整月份：暂时无法按增长空间对杠杆排序。";
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

    // How the KPIs were computed (KpiNotice).
    KpiUntiered => "Каналы, которых нет на листе «Каналы», считаются категорией «эксперимент»: {list}.",
        "Channels not on the Channels sheet are counted as tier «experiment»: {list}.",
        "不在“渠道”表中的渠道按“试验”层级计算：{list}。";
    KpiAverageMargin => "Строки без направления или с направлением не с листа «Направления» считаются со средней маржой всех направлений ({margin}).",
        "Rows with a blank direction or one not on the Directions sheet use the average margin of all directions ({margin}).",
        "无科室或科室不在“科室”表中的行使用所有科室的平均毛利率（{margin}）。";
    KpiNoMargins => "Ни у одного направления нет маржи: валовую прибыль и ROMI не посчитать.",
        "There are no directions with margins: gross profit and ROMI cannot be computed.",
        "没有任何科室有毛利率：无法计算毛利和 ROMI。";
    KpiOverflow => "Часть результатов слишком велика для расчёта (суммы огромных чисел) и показана как —.",
        "Some results are too large to compute (sums of huge values) and are shown as —.",
        "部分结果过大无法计算（巨大数值之和），显示为 —。";

    // The Settings sheet's rows.
    SettingClinic => "Название клиники", "Clinic name", "诊所名称";
    SettingCurrency => "Валюта", "Currency", "货币";
    SettingNpsScale => "Шкала NPS", "NPS scale", "NPS 量表";
    SettingWeekdayWeights => "Веса дней недели (пн–вс)", "Weekday weights (Mon–Sun)", "星期权重（周一至周日）";
    SettingHolidays => "Праздничные дни", "Holidays", "节假日";
    SettingFixedCosts => "Постоянные расходы в месяц", "Fixed costs a month", "每月固定成本";
    SettingDedupeDays => "Повторная заявка считается дублем, дней", "Days a repeated lead counts as a duplicate", "重复线索判定天数";
    SettingAttributionDays => "Окно атрибуции, дней", "Attribution window, days", "归因窗口（天）";

    // NPS scales.
    NpsScaleStandard => "стандартная (0–10)", "standard (0–10)", "标准（0–10）";
    NpsScaleTenSmiles => "десять смайлов (1–10)", "ten smiles (1–10)", "十笑脸（1–10）";

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
    ReportRequiredPace => "Нужный темп на полный день", "Required pace per full day", "每个完整工作日所需进度";
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
    ReportDoctorConversion => "Повторные / первичные", "Repeat / primary", "复诊 / 初诊";
    HoursAvailable => "Часы доступно", "Hours available", "可用工时";
    HoursBooked => "Часы занято", "Hours booked", "已约工时";
    ReportUtilization => "Загрузка", "Utilisation", "利用率";
    Recommended => "Рекомендовано", "Recommended", "推荐";
    Agreed => "Согласовано", "Agreed", "同意";
    Performed => "Выполнено", "Performed", "完成";
    PlanAgreedRate => "Согласовано / рекомендовано", "Agreed / recommended", "同意 / 推荐";
    PlanPerformedRate => "Выполнено / согласовано", "Performed / agreed", "完成 / 同意";
    ReportPlanTotalRate => "Выполнено / рекомендовано", "Performed / recommended", "完成 / 推荐";
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
    ReportCardForecast => "Прогноз текущего месяца", "Forecast of the month in progress", "本月预测";
    ReportCardNps => "NPS, последний период", "NPS, latest period", "NPS（最近一期）";
    CardProven => "Доля расхода: проверенные каналы", "Spend share: proven channels", "花费占比：成熟渠道";
    CardScaling => "Доля расхода: масштабируемые каналы", "Spend share: scaling channels", "花费占比：扩量渠道";
    CardExperiment => "Доля расхода: эксперименты", "Spend share: experiments", "花费占比：试验渠道";
    ReportRefNps => "25 в среднем, 71 у лучших", "25 average, 71 best", "平均25，最佳71";
    RefShare => "4–10 %", "4–10 %", "4–10 %";
    RevenueToDate => "Выручка на сегодня", "Revenue to date", "截至今日营收";
    ReportPlanOfMonth => "План месяца", "Plan of the month", "本月计划";
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
    ReportNoBottleneck => "Ни один этап воронки не ниже плана.", "No funnel stage was below plan.", "没有低于计划的漏斗环节。";
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

    // The app (views, dialogs, menus, grids).
    // Views and sheets
    Dashboard => "Сводка", "Dashboard", "概览";
    Charts => "Графики", "Charts", "图表";
    Settings => "Настройки", "Settings", "设置";
    Directions => "Направления", "Directions", "各科室";
    Channels => "Каналы", "Channels", "各渠道";
    Plan => "План", "Plan", "计划";
    Budget => "Бюджет", "Budget", "预算";
    Funnel => "Воронка", "Funnel", "漏斗";
    Doctors => "Врачи", "Doctors", "各医生";
    Problems => "Проблемы импорта", "Import problems", "导入问题";
    // Columns
    ColKey => "Параметр", "Key", "参数";
    ColVisitsPerPatient => "Визитов на пациента", "Visits per patient", "人均就诊次数";
    ColKind => "Тип", "Kind", "类型";
    ColSources => "Источники", "Sources", "来源";
    ColLeadsPlan => "План лидов", "Leads plan", "线索计划";
    ColBookingRatePlan => "План записи", "Booking rate plan", "预约率计划";
    ColShowRatePlan => "План доходимости", "Show rate plan", "到诊率计划";
    ColPaidRatePlan => "План оплат", "Paid rate plan", "成交率计划";
    ColRevenuePerPaidPlan => "План выручки на оплату", "Revenue per paid plan", "每位成交营收计划";
    ColBudgetPlan => "Бюджет план", "Budget plan", "预算计划";
    ColVisits => "Явки", "Visits", "到诊";
    ColChecks => "Чеки", "Checks", "单数";
    ColNewPatients => "Первичные", "New patients", "新患者";
    ColRepeatPatients => "Повторные", "Repeat patients", "复诊患者";
    ColPrimaryPatients => "Первичные", "Primary patients", "初诊患者";
    ColScore => "Оценка", "Score", "评分";
    // Grid
    AddRow => "+ Строка", "+ Row", "+ 行";
    AddRowHint => "Добавить строку под курсором", "Add a row below the cursor", "在光标下方添加一行";
    DeleteRows => "Удалить строки", "Delete rows", "删除行";
    DeleteRowsHint => "Удалить выделенные строки (можно отменить)",
        "Delete the selected rows (can be undone)",
        "删除所选行（可撤销）";
    Unsort => "Без сортировки", "Unsort", "取消排序";
    SortHint => "щёлкните, чтобы сортировать", "click to sort", "点击排序";
    RowsShown => "Строк:", "Rows:", "行数：";
    GridHint => "Ввод — набрать · F2 — править · Enter/Tab/стрелки · Ctrl+C/V/D · Del · Ctrl+Z",
        "Type to edit · F2 edit · Enter/Tab/arrows · Ctrl+C/V/D · Del · Ctrl+Z",
        "输入即编辑 · F2 编辑 · Enter/Tab/方向键 · Ctrl+C/V/D · Del · Ctrl+Z";
    Row => "Строка", "Row", "行";
    ErrRequired => "обязательное поле: значение нельзя стереть", "required: this value cannot be blank", "必填：此值不能为空";
    ErrNotNumber => "— не число", "is not a number", "不是数字";
    ErrNotMonth => "— не месяц (пишите 2025-03, март 2025 или мар 2025)",
        "is not a month (write 2025-03, March 2025 or Mar 2025)",
        "不是月份（请写 2025-03 或 2025年3月）";
    ErrNotDay => "— не дата (пишите 31.03.2025 или 2025-03-31)",
        "is not a day (write 2025-03-31 or 31.03.2025)",
        "不是日期（请写 2025-03-31 或 31.03.2025）";
    ErrNotPeriod => "— не период (пишите 2025 или 2025-03)",
        "is not a period (write 2025 or 2025-03)",
        "不是期间（请写 2025 或 2025-03）";
    ErrScore0 => "— оценка должна быть целым числом от 0 до 10",
        "must be a whole score from 0 to 10",
        "必须是 0 到 10 的整数评分";
    ErrScore1 => "— на шкале «десять смайлов» оценка от 1 до 10",
        "must be a whole score from 1 to 10 on the ten-smiles scale",
        "必须是十笑脸量表上 1 到 10 的整数评分";
    ErrWeights => "— нужно 7 неотрицательных чисел, с понедельника",
        "needs 7 non-negative numbers, Monday first",
        "需要 7 个非负数，从周一开始";
    ErrNotInList => "нет в списке; выберите:", "is not in the list; pick one of:", "不在列表中；请选择：";
    ErrNoChoices => "— список пуст: сначала заполните лист-справочник",
        "— the list is empty: fill in its sheet first",
        "— 列表为空：请先填写其所在的表";
    ErrReadOnly => "Эту ячейку нельзя менять", "This cell cannot be changed", "此单元格不能修改";
    ErrPastePastEnd => "Вставка не помещается: на этом листе нельзя добавлять строки",
        "The block does not fit: this sheet cannot grow",
        "粘贴区域放不下：此表不能增加";
    RequiredKept => "Обязательные ячейки не очищены", "Required cells were kept", "必填单元格已保留";
    PasteRefused => "Вставка отменена:", "Nothing pasted:", "未粘贴：";
    PasteExtraColumns => "Лишние столбцы справа не вставлены", "Columns beyond the sheet were left out", "超出表格的列已略去";
    KpiSummary => "Показатели за период", "KPIs for the period", "本期KPI";
    ColumnFilter => "Фильтр столбца", "Column filter", "列筛选";
    ColumnFilterHint => "Показывать строки, где есть:", "Show rows containing:", "显示包含以下内容的行：";
    ClearFilter => "Сбросить фильтр", "Clear filter", "清除筛选";
    NoRowsInPeriod => "Нет данных за период", "No data in the period", "本期无数据";
    // Dashboard
    CardRevenue => "Выручка и план", "Revenue vs plan", "营收与计划";
    CardForecast => "Прогноз месяца", "Month forecast", "本月预测";
    CardSpend => "Расход и бюджет", "Spend vs budget", "花费与预算";
    CardMarketingShare => "Доля маркетинга", "Marketing share", "营销费用占比";
    CardCpl => "CPL", "CPL", "CPL";
    CardCac => "CAC", "CAC", "CAC";
    CardTiers => "Бюджет 80/15/5", "Budget 80/15/5", "预算 80/15/5";
    PlanWord => "план", "plan", "计划";
    ToDateWord => "сейчас", "to date", "截至今日";
    PlanToDateWord => "план на сегодня", "plan to date", "截至今日计划";
    CompletionToDateWord => "выполнение на сегодня", "completion to date", "截至今日完成率";
    WholePeriodPlanWord => "план всего периода", "plan for the whole period", "全期计划";
    ClinicWord => "клиника в целом", "whole clinic", "全院";
    BudgetWord => "бюджет", "budget", "预算";
    ExecutionWord => "Исполнение", "Execution", "执行率";
    VisitsWord => "явки", "visits", "到诊";
    PaidWord => "оплаты", "paid", "成交";
    GrossProfitWord => "валовая прибыль", "gross profit", "毛利";
    AttributedWord => "выручка с каналов", "attributed revenue", "归因营收";
    WeakestWord => "слабее всех:", "weakest:", "最弱：";
    MarketingShareSub => "расход / выручка", "spend / revenue", "花费 / 营收";
    CplSub => "стоимость одного лида", "cost of one lead", "一条线索的成本";
    CacSub => "стоимость пришедшего пациента", "cost of a new patient who came", "一位到诊新患者的成本";
    TiersSub => "проверенные / масштабирование / эксперименты", "proven / scaling / experiments", "成熟 / 扩量 / 试验";
    NoMonthInProgress => "нет незавершённого месяца", "no month in progress", "没有进行中的月份";
    NoLtv => "нет данных по направлениям", "no direction data", "没有科室数据";
    NoNps => "нет опросов в периоде", "no surveys in the period", "本期没有问卷";
    RequiredPace => "Нужно в полный день:", "Needed per full day:", "每个完整工作日需要：";
    CurrentPace => "сейчас в день:", "per day so far:", "目前每日：";
    ReferenceWord => "Оценка", "Assessment", "评估";
    StatusNeutral => "без норматива", "no reference", "无参考值";
    RefCompletion => "Норматив: 100 % плана — хорошо, от 90 % — внимание, ниже — плохо.",
        "Reference: 100 % of plan is good, 90 % or more watch, less bad.",
        "参考：完成计划 100 % 为良好，90 % 及以上为关注，更低为差。";
    RefForecast => "Прогноз незавершённого месяца по весам дней недели; сравнивается с планом, как выполнение.",
        "Forecast of the month in progress by weekday weights; compared with the plan like completion.",
        "按星期权重预测本月；与计划的比较方式同完成率。";
    RefBudget => "Норматива нет; правило: расход в пределах ±10 % от бюджета — хорошо, ±20 % — внимание.",
        "No reference; rule of thumb: spend within ±10 % of the budget is good, within ±20 % watch.",
        "无参考值；经验法则：花费在预算 ±10 % 以内为良好，±20 % 以内为关注。";
    RefMarketingShare => "Норматив: 4–10 % выручки; 2–4 %, где больше половины загрузки дают ДМС и лояльные пациенты.",
        "Reference: 4–10 % of revenue; 2–4 % where insured and loyal patients bring over half the load.",
        "参考：营收的 4–10 %；若商保和忠实患者带来一半以上的就诊量，则 2–4 %。";
    RefNone => "Норматива нет: сравнивайте с планом и прошлыми месяцами.",
        "No reference: compare with the plan and past months.",
        "无参考值：请与计划和过去的月份比较。";
    RefCac => "Норматива нет; CAC сравнивается с LTV (см. LTV:CAC).",
        "No reference; CAC is judged against LTV (see LTV:CAC).",
        "无参考值；CAC 需对照 LTV 判断（见 LTV:CAC）。";
    RefRomi => "Норматив: 0 — окупаемость; выше нуля — хорошо, до −10 % — внимание.",
        "Reference: 0 is break-even; above good, down to −10 % watch.",
        "参考：0 为盈亏平衡；高于 0 为良好，低至 −10 % 为关注。";
    RefRoas => "Норматив: 3–4 рубля на рубль — хорошо; от 2 — внимание.",
        "Reference: 3–4 roubles back per rouble is good; 2 or more watch.",
        "参考：每花 1 元收回 3–4 元为良好；2 元及以上为关注。";
    RefLtvCac => "Норматив: 3 и выше — хорошо; от 1 — внимание. По направлениям:",
        "Reference: 3 and above good; 1 or more watch. By direction:",
        "参考：3 及以上为良好；1 及以上为关注。按科室：";
    RefNps => "Частные клиники Москвы: в среднем 25, лучшие 71. Важнее динамика год к году.",
        "Moscow private clinics: 25 on average, 71 the best. The trend year over year matters more.",
        "莫斯科私立诊所：平均 25，最佳 71。逐年趋势更重要。";
    RefTiers => "Правило 80/15/5: проверенные каналы ~80 %, масштабирование ~15 %, эксперименты ~5 %.",
        "The 80/15/5 rule: proven ~80 %, scaling ~15 %, experiments ~5 %.",
        "80/15/5 规则：成熟约 80 %，扩量约 15 %，试验约 5 %。";
    FunnelHeading => "Воронка: лиды → записи → явки → оплаты",
        "Funnel: leads → bookings → visits → paid",
        "漏斗：线索 → 预约 → 到诊 → 成交";
    FactorLeads => "лиды", "leads", "线索";
    FactorBookingRate => "Запись", "Booking rate", "预约率";
    FactorPaidRate => "Оплата", "Paid rate", "成交率";
    FactorRevenuePerPaid => "выручка на оплату", "revenue per paid", "每位成交营收";
    BottleneckHint => "Этап, который сильнее всего уменьшил выручку против плана (разложение LMDI), и кто за него отвечает.",
        "The stage that cost the most revenue against plan (LMDI breakdown), and whose job it is.",
        "相对计划损失营收最多的环节（LMDI 分解），以及由谁负责。";
    NoBottleneck => "Узкое место не найдено: нужен план по лидам и конверсиям на листе «План» (строка без направления).",
        "No bottleneck found: it needs a plan for leads and rates on the Plan sheet (a row without direction).",
        "未找到瓶颈：需要在“计划”表中有线索和转化率的计划（不带科室的一行）。";
    ComputationNotices => "Замечания к расчёту", "Notes on the computation", "计算说明";
    DoctorConversion => "Конверсия врача", "Doctor conversion", "医生转化率";
    Utilization => "Загрузка", "Utilization", "利用率";
    PlanTotalRate => "План лечения выполнен", "Treatment plan done", "治疗方案完成率";
    // Filters
    PeriodFrom => "Период с", "Period from", "期间自";
    PeriodTo => "по", "to", "至";
    All => "все", "all", "全部";
    AllTime => "Весь период", "All time", "全部时间";
    LastYear => "12 месяцев", "12 months", "12个月";
    LastYearHint => "Последние 12 завершённых месяцев", "The last 12 complete months", "最近 12 个完整月份";
    YearToDate => "С начала года", "Year to date", "年初至今";
    YearToDateHint => "С января по текущий месяц", "From January to the current month", "从一月到本月";
    AllTimeHint => "Все месяцы с данными", "Every month with data", "所有有数据的月份";
    // Menus and files
    MenuFile => "Файл", "File", "文件";
    MenuNew => "Новый (пустой шаблон)", "New (empty template)", "新建（空模板）";
    MenuOpen => "Открыть…", "Open…", "打开…";
    MenuDemo => "Демо-клиника", "Demo clinic", "演示诊所";
    MenuRecent => "Недавние", "Recent files", "最近的文件";
    MenuSave => "Сохранить", "Save", "保存";
    MenuSaveAs => "Сохранить как…", "Save as…", "另存为…";
    MenuExport => "Выгрузить шаблон Excel…", "Export template workbook…", "导出模板工作簿…";
    MenuExportReport => "Отчёт для клиента (Excel)…", "Export report (Excel)…", "导出报告（Excel）…";
    // The word in the report's default file name, after the clinic's name.
    ReportFileWord => "отчёт", "report", "报告";
    ReportWritten => "Отчёт сохранён:", "Report written:", "报告已写入：";
    MenuSaveChartPng => "Сохранить график в PNG…", "Save chart as PNG…", "将图表保存为 PNG…";
    SaveThisChartPng => "Сохранить этот график в PNG…", "Save this chart as PNG…", "将此图表保存为 PNG…";
    ChartsSaved => "Сохранено: {charts} — {files}", "Saved {charts}: {files}", "已保存{charts}：{files}";
    ChartSaved => "График сохранён:", "Chart saved:", "图表已保存：";
    NoChartToSave => "Откройте «Графики», чтобы сохранить график", "Open Charts to save a chart", "请打开“图表”以保存图表";
    FilterPng => "Изображения PNG", "PNG images", "PNG 图片";
    MenuQuit => "Выход", "Quit", "退出";
    MenuEdit => "Правка", "Edit", "编辑";
    MenuUndo => "Отменить (Ctrl+Z)", "Undo (Ctrl+Z)", "撤销（Ctrl+Z）";
    MenuRedo => "Повторить (Ctrl+Y)", "Redo (Ctrl+Y)", "重做（Ctrl+Y）";
    MenuLanguage => "Язык", "Language", "语言";
    NoRecent => "Пока нет", "None yet", "暂无";
    FilterAll => "Книги и проекты", "Workbooks and projects", "工作簿和项目";
    FilterWorkbooks => "Книги Excel/LibreOffice", "Excel/LibreOffice workbooks", "Excel/LibreOffice 工作簿";
    FilterProjects => "Проекты medfunnel", "medfunnel projects", "medfunnel 项目";
    DemoName => "демо-клиника", "demo clinic", "演示诊所";
    Untitled => "без имени", "untitled", "未命名";
    Recovered => "восстановлено", "recovered", "已恢复";
    Opened => "Открыто:", "Opened:", "已打开：";
    Saved => "Сохранено:", "Saved:", "已保存：";
    Exported => "Шаблон выгружен:", "Template exported:", "模板已导出：";
    Undone => "Отменено", "Undone", "已撤销";
    Redone => "Повторено", "Redone", "已重做";
    NothingToUndo => "Нечего отменять", "Nothing to undo", "没有可撤销的操作";
    NothingToRedo => "Нечего повторять", "Nothing to redo", "没有可重做的操作";
    EditRefused => "Изменение не применено", "Edit not applied", "编辑未应用";
    Unsaved => "● не сохранено", "● unsaved", "● 未保存";
    UnsavedTitle => "Несохранённые изменения", "Unsaved changes", "未保存的更改";
    UnsavedText => "Сохранить изменения перед тем, как продолжить?",
        "Save the changes before going on?",
        "继续之前保存更改吗？";
    DontSave => "Не сохранять", "Don't save", "不保存";
    Cancel => "Отмена", "Cancel", "取消";
    Ok => "OK", "OK", "确定";
    PathPrompt => "Путь к файлу:", "File path:", "文件路径：";
    RecoveryTitle => "Восстановить несохранённые изменения?", "Restore unsaved changes?", "恢复未保存的更改？";
    RecoveryText => "Программа закрылась, не сохранив изменения. Автосохранение:",
        "The app closed without saving. Autosaved changes of:",
        "程序未保存就关闭了。自动保存的更改属于：";
    Restore => "Восстановить", "Restore", "恢复";
    Discard => "Удалить", "Discard", "丢弃";
    Restored => "Изменения восстановлены — сохраните проект", "Changes restored — save the project", "更改已恢复 — 请保存项目";
    // Problems
    ProblemsHint => "Щёлкните по строке, чтобы перейти к ячейке.", "Click a line to go to its cell.", "点击一行可跳到其单元格。";
    NoProblems => "Файл прочитан без замечаний.", "The file was read without problems.", "文件读取无问题。";
    NoCellToShow => "У этого замечания нет ячейки", "This problem has no cell to show", "此问题没有可显示的单元格";
    Severity => "Важность", "Severity", "级别";
    SeverityError => "ошибка", "error", "错误";
    SeverityNotice => "замечание", "notice", "提示";
    SheetWord => "Лист", "Sheet", "表";
    ColumnWord => "Столбец", "Column", "列";
    MessageWord => "Что случилось", "What happened", "发生了什么";
    // Import problems (`import::ProblemKind`, worded by `i18n::problems`). The English is what the
    // CLI and the logs printed before the problems were typed, byte for byte.
    ProbAtSheet => "лист «{sheet}»", "sheet «{sheet}»", "工作表“{sheet}”";
    ProbAtRow => "строка {row}", "row {row}", "第{row}行";
    ProbAtColumn => "столбец {column}", "column {column}", "列 {column}";
    ProbChartSheet => "Это лист с диаграммой или макросом, а не таблица; он пропущен.",
        "this is a chart or macro sheet, not a table, and was ignored",
        "这是图表或宏工作表，不是数据表，已忽略。";
    ProbSecondSheet => "Это второй лист «{kind}»; прочитан только «{first}», этот пропущен.",
        "this is a second {kind} sheet; only «{first}» was read, this one was ignored",
        "这是第二张“{kind}”工作表；只读取了“{first}”，这张已忽略。";
    ProbUnknownSheet => "Этого листа нет в шаблоне; он пропущен.",
        "this sheet is not part of the template and was ignored",
        "该工作表不属于模板，已忽略。";
    ProbNoSheet => "Листа «{kind}» нет, поэтому {empty}.",
        "there is no {kind} sheet, so {empty} empty",
        "没有“{kind}”工作表，因此{empty}。";
    ProbEmptySheet => "Лист пуст, поэтому {empty}.",
        "the sheet is empty, so {empty} empty",
        "该工作表为空，因此{empty}。";
    ProbEmptySettings => "действуют настройки по умолчанию", "the default settings are used and nothing is", "使用默认设置";
    ProbEmptyDirections => "список направлений пуст", "the list of directions is", "科室列表为空";
    ProbEmptyChannels => "список каналов пуст", "the list of channels is", "渠道列表为空";
    ProbEmptyPlan => "план пуст", "the plan is", "计划为空";
    ProbEmptyBudget => "бюджет пуст", "the budget is", "预算为空";
    ProbEmptyFunnel => "воронка пуста", "the funnel is", "漏斗为空";
    ProbEmptyRevenue => "выручки нет", "the revenue is", "营收为空";
    ProbEmptyDoctors => "таблица врачей пуста", "the doctors' table is", "医生表为空";
    ProbEmptyNps => "данных NPS нет", "NPS is", "NPS 数据为空";
    ProbEmptyCalls => "таблица звонков пуста", "the calls table is", "来电表为空";
    ProbUnknownSetting => "«{value}» — не известная настройка; строка пропущена.",
        "«{value}» is not a known setting and was ignored",
        "“{value}”不是已知的设置项，已忽略。";
    ProbSettingRepeated => "Настройка {key} задана здесь ещё раз; действует это, более позднее значение.",
        "the setting {key} is given again here; this later value is used",
        "设置项 {key} 在此再次出现；使用这个较晚的值。";
    ProbDirectionRepeated => "Направление «{name}» указано здесь ещё раз; действует только его первая строка.",
        "the direction «{name}» is listed again here; only its first row is used",
        "科室“{name}”在此再次列出；只使用它的第一行。";
    ProbChannelRepeated => "Канал «{name}» указан здесь ещё раз; действует только его первая строка.",
        "the channel «{name}» is listed again here; only its first row is used",
        "渠道“{name}”在此再次列出；只使用它的第一行。";
    ProbUntieredOne => "Столбец {column} пуст в строке {rows}; этот канал считается экспериментом.",
        "{column} is empty in row {rows}; that channel is counted as experiment",
        "第 {rows} 行的 {column} 为空；该渠道按试验计算。";
    ProbUntieredMany => "Столбец {column} пуст в строках {rows}; эти каналы считаются экспериментами.",
        "{column} is empty in rows {rows}; those channels are counted as experiment",
        "第 {rows} 行的 {column} 为空；这些渠道按试验计算。";
    ProbRevenueAsMonths => "Все даты приходятся на 1-е число месяца, поэтому каждая строка прочитана как выручка за весь месяц (месяцы закрыты, прогноза нет).",
        "every date falls on the 1st of its month, so each row is read as the whole month's takings (the months are complete, with no forecast)",
        "所有日期都是当月 1 日，因此每行都按整月营收读取（这些月份已结束，不做预测）。";
    ProbRevenueMixed => "За {months} есть и строка за весь месяц, и строки по дням для одного направления; они сложены.",
        "{months} have both a whole-month row and day rows for the same direction; they are added together",
        "{months} 同一科室既有整月行又有按日行；两者已相加。";
    ProbExtraColumnOne => "Столбца {names} нет в шаблоне; он пропущен.",
        "column {names} is not part of the template and was ignored",
        "列 {names} 不属于模板，已忽略。";
    ProbExtraColumnsMany => "Столбцов {names} нет в шаблоне; они пропущены.",
        "columns {names} are not part of the template and were ignored",
        "列 {names} 不属于模板，已忽略。";
    ProbRepeatedColumn => "Столбец «{header}» повторяет столбец {column}; читается только первый.",
        "column «{header}» repeats column {column}; only the first one is read",
        "列“{header}”与列 {column} 重复；只读取第一列。";
    ProbHeaderRowWas => " (строкой заголовков взята строка {row})", " (the header row was taken to be row {row})", "（表头取为第 {row} 行）";
    ProbNoRows => " (в файле нет строк)", " (the file has no rows)", "（文件中没有行）";
    ProbMissingColumn => "Нет обязательного столбца {column}{where}, поэтому лист не загружен.",
        "the required column {column} is missing{where}, so the sheet was not loaded",
        "缺少必填列 {column}{where}，因此未加载该工作表。";
    ProbCell => "{fault}; {then}.", "{fault}; {then}", "{fault}；{then}。";
    ProbRowLeftOut => "строка не загружена", "the row was left out", "该行未加载";
    ProbDefaultKept => "настройка сохраняет значение по умолчанию", "the setting keeps its default value", "该设置保持默认值";
    ProbCellEmpty => "Ячейка пуста, а столбец обязательный", "the cell is empty, but this column is required", "单元格为空，但该列为必填";
    ProbCellHidden => "Значение не читается и не показано: оно похоже на имя, телефон или целую строку (другой разделитель в этой строке или незакрытая кавычка?)",
        "the value cannot be read here and is not shown, as it looks like a name, a phone or a whole row (is the separator different on this row, or a quote left open?)",
        "该值无法读取且不显示，因为它像姓名、电话或整行内容（这一行的分隔符不同，还是引号未闭合？）";
    ProbCellPhone => "«{value}» не читается", "«{value}» cannot be read", "“{value}”无法读取";
    ProbNotAChannel => "«{value}» похоже на имя или телефон человека, а не на канал, и никогда не становится названием канала",
        "«{value}» looks like a person's name or phone, not a channel, and is never used as a channel name",
        "“{value}”像是个人姓名或电话，而不是渠道，绝不会用作渠道名称";
    ProbTotalsOne => "Строка {rows} — итоговая; она пропущена.", "row {rows} is a totals row and was skipped", "第 {rows} 行是合计行，已跳过。";
    ProbTotalsMany => "Строки {rows} — итоговые; они пропущены.", "rows {rows} are a totals row and were skipped", "第 {rows} 行是合计行，已跳过。";
    ProbExportTotalsMany => "Строки {rows} — итоговые; они пропущены.", "rows {rows} are totals rows and were skipped", "第 {rows} 行是合计行，已跳过。";
    ProbUnfilledOne => "В строке {rows} ещё нет цифр; она пропущена.", "row {rows} has no figures yet and was skipped", "第 {rows} 行还没有数字，已跳过。";
    ProbUnfilledMany => "В строках {rows} ещё нет цифр; они пропущены.", "rows {rows} have no figures yet and were skipped", "第 {rows} 行还没有数字，已跳过。";
    ProbRowsAnd => "{head} и {last}", "{head} and {last}", "{head} 和 {last}";
    ProbRowsLong => "{head} … {last} (всего {count})", "{head} … {last} ({count} rows)", "{head} … {last}（共 {count} 行）";
    ProbNegative => "{column} — отрицательное значение ({value}); строка загружена, но проверьте её.",
        "{column} is negative ({value}); the row still loads, but check it",
        "{column} 为负数（{value}）；该行仍会加载，但请检查。";
    ProbRepeatsThis => "Эта строка повторяет ключи {first}: {keys}; {merged}.",
        "this row repeats the keys of {first}: {keys}; {merged}",
        "该行与{first}的键重复：{keys}；{merged}。";
    ProbRepeatsMany => "Строки {rows} повторяют ключи {first}: {keys}; {merged}.",
        "rows {rows} repeat the keys of {first}: {keys}; {merged}",
        "第 {rows} 行与{first}的键重复：{keys}；{merged}。";
    ProbOfRow => "строки {row}", "row {row}", "第 {row} 行";
    ProbOfEarlierRow => "одной из строк выше", "an earlier row", "前面的某一行";
    ProbMergedCounts => "количества и суммы обеих строк сложены", "the counts and money of both were added together", "两行的数量和金额已相加";
    ProbMergedPlans => "планы выручки и лидов обеих строк сложены; планы конверсий взяты из первой строки",
        "the revenue and lead plans of both were added together; the rate plans are the first row's",
        "两行的营收计划和线索计划已相加；转化率计划取第一行的";
    ProbMoreThan => "{stage} ({value}) больше, чем {before} ({before_value}); строка загружена, но проверьте её.",
        "{stage} ({value}) are more than {before} ({before_value}); the row still loads, but check it",
        "{stage}（{value}）多于 {before}（{before_value}）；该行仍会加载，但请检查。";
    ProbAfterPlanMonth => "Месяц {when} позже {year} года, последнего года плана; строка загружена, но проверьте дату.",
        "the month {when} is after {year}, the last year of the plan; the row still loads, but check the date",
        "月份 {when} 晚于计划的最后一年 {year}年；该行仍会加载，但请检查日期。";
    ProbAfterPlanDate => "Дата {when} позже {year} года, последнего года плана; строка загружена, но проверьте дату.",
        "the date {when} is after {year}, the last year of the plan; the row still loads, but check the date",
        "日期 {when} 晚于计划的最后一年 {year}年；该行仍会加载，但请检查日期。";
    ProbStoredNotAShare => "«{value}» — не доля от 0 до 1; строка не загружена.",
        "«{value}» is not a share between 0 and 1; the row was left out",
        "“{value}”不是 0 到 1 之间的比例；该行未加载。";
    ProbStoredScore => "«{score}» — не оценка по шкале NPS ({min}..10); строка не загружена.",
        "«{score}» is not a score on the NPS scale ({min}..10); the row was left out",
        "“{score}”不是 NPS 量表（{min}..10）上的分数；该行未加载。";
    ProbExportLeads => "выгрузке лидов (CRM)", "leads export (CRM)", "线索导出文件（CRM）";
    ProbExportVisits => "выгрузке визитов (МИС)", "visits export (MIS)", "到诊导出文件（MIS）";
    ProbExportSpend => "выгрузке расходов (рекламные кабинеты)", "spend export (ad cabinets)", "花费导出文件（广告后台）";
    ProbExportCalls => "журнале звонков (телефония)", "call journal (telephony)", "通话记录（电话系统）";
    ProbExportMissingColumn => "В {export} нет обязательного столбца {column}{where}, поэтому из файла ничего не прочитано.",
        "the required column {column} of the {export} is missing{where}, so nothing was read from this file",
        "{export}缺少必填列 {column}{where}，因此未从该文件读取任何内容。";
    ProbUnusedColumnOne => "Столбец {names} не используется; он пропущен.", "column {names} is not used and ignored", "列 {names} 未使用，已忽略。";
    ProbUnusedColumnsMany => "Столбцы {names} не используются; они пропущены.", "columns {names} are not used and ignored", "列 {names} 未使用，已忽略。";
    ProbPrivateColumnOne => "В столбце {names} — имена людей; он не прочитан: имена никогда не сохраняются.",
        "column {names} holds personal names and was not read: names are never stored",
        "列 {names} 含有个人姓名，未读取：姓名从不保存。";
    ProbPrivateColumnsMany => "В столбцах {names} — имена людей; они не прочитаны: имена никогда не сохраняются.",
        "columns {names} hold personal names and were not read: names are never stored",
        "列 {names} 含有个人姓名，未读取：姓名从不保存。";
    ProbUnclosedQuote => "Кавычка (\"), открытая в этой строке, не закрыта в пределах {lines} строк, поэтому строка не загружена и чтение продолжено со следующей (её текст не показан: в нём могут быть данные пациентов).",
        "a quote (\") opened on this row is not closed within {lines} lines, so the row was left out and reading went on with the next line (its text is not shown: it may hold patient data)",
        "本行开始的引号（\"）在 {lines} 行内未闭合，因此该行未加载，从下一行继续读取（其内容不显示：可能含有患者数据）。";
    ProbExportUnread => "{reason}; листы, которые заменила бы эта выгрузка, остались прежними.",
        "{reason}; the sheets this export would replace stay as they were",
        "{reason}；该导出文件本应替换的工作表保持不变。";
    ProbUnreadOpen => "Файл не удалось открыть: {why}", "the file cannot be opened: {why}", "无法打开文件：{why}";
    ProbUnreadEmpty => "Файл пуст", "the file is empty", "文件为空";
    ProbUnreadUnreadable => "Файл не читается: это не книга Excel или OpenDocument, или он повреждён",
        "the file is not an Excel or OpenDocument workbook, or it is damaged",
        "无法读取文件：它不是 Excel 或 OpenDocument 工作簿，或已损坏";
    ProbUnreadNoTemplate => "В книге нет ни одного листа шаблона", "the workbook has none of the template's sheets", "工作簿中没有任何模板工作表";
    ProbUnreadEncoding => "Кодировка текста не распознана (сохраните выгрузку в UTF-8 или Windows-1251)",
        "the text's encoding cannot be told (save the export as UTF-8 or Windows-1251)",
        "无法识别文本编码（请将导出文件另存为 UTF-8 或 Windows-1251）";
    ProbUnreadNotAnExport => "Файл не читается как выгрузка: ни в одной строке нет нужных заголовков или ни одна строка не прочитана",
        "the file does not read as an export: no row has the required headers, or no row could be read",
        "该文件无法作为导出文件读取：没有任何一行含有所需表头，或没有任何一行可读取";
    ProbCallsNoPhoneOne => "У {n} входящего звонка нет телефона из 10 и более цифр: он учтён только во входящих звонках, но не в обращениях.",
        "{n} incoming call has no phone of 10 digits or more: it counts in the incoming calls only, never in a contact",
        "{n} 通来电没有 10 位及以上的电话号码：只计入来电，不计入联系。";
    ProbCallsNoPhoneMany => "Входящих звонков без телефона из 10 и более цифр: {n}; они учтены только во входящих звонках, но не в обращениях.",
        "{n} incoming calls have no phone of 10 digits or more: they count in the incoming calls only, never in a contact",
        "{n} 通来电没有 10 位及以上的电话号码：只计入来电，不计入联系。";
    ProbNoContacts => "В журнале звонков нет ни одного обращения (входящего звонка с телефоном), поэтому лист «Звонки» оставлен как был.",
        "the call journal gives no contact (no incoming call with a phone), so the Calls (Звонки) sheet was left as it was",
        "通话记录中没有任何联系（没有带电话号码的来电），因此“来电”工作表保持原样。";
    ProbMonthOne => "месяц {from}", "month {from}", "{from} 当月";
    ProbMonthRange => "месяцы с {from} по {to}", "months {from} to {to}", "{from} 至 {to}";
    ProbCallsReplaced => "Строки листа «Звонки» за {months} заменены построенными по этому журналу звонков (строк: {rows_n}; обращений: {contacts_n}; звонков: {calls}).",
        "the Calls (Звонки) sheet's rows of {months} were replaced by {rows} built from this call journal ({contacts} from {calls} calls)",
        "“来电”工作表中 {months} 的行已替换为根据此通话记录生成的 {rows}（{calls} 通来电中的 {contacts_n} 次联系）。";
    ProbVisitsNoPhoneOne => "У {n} визита нет телефона из 10 и более цифр: он учтён в выручке и чеках, но не привязан ни к одному пациенту.",
        "{n} visit has no phone of 10 digits or more: it counts in revenue and checks but belongs to no patient",
        "{n} 次到诊没有 10 位及以上的电话号码：计入营收和单数，但不属于任何患者。";
    ProbVisitsNoPhoneMany => "Визитов без телефона из 10 и более цифр: {n}; они учтены в выручке и чеках, но не привязаны ни к одному пациенту.",
        "{n} visits have no phone of 10 digits or more: they count in revenue and checks but belong to no patient",
        "{n} 次到诊没有 10 位及以上的电话号码：计入营收和单数，但不属于任何患者。";
    ProbFunnelReplaced => "Лист «Воронка» заменён строками, построенными по этой выгрузке лидов (строк: {rows_n}).",
        "the Funnel (Воронка) sheet was replaced by {rows} built from this leads export",
        "“漏斗”工作表已替换为根据此线索导出文件生成的 {rows}。";
    ProbRevenueReplaced => "Лист «Выручка» заменён строками, построенными по этой выгрузке визитов (строк: {rows_n}).",
        "the Revenue (Выручка) sheet was replaced by {rows} built from this visits export",
        "“营收”工作表已替换为根据此到诊导出文件生成的 {rows}。";
    ProbDoctorsReplaced => "Лист «Врачи» заменён строками, построенными по этой выгрузке визитов (строк: {rows_n}; столбцы часов и планов лечения взяты из шаблона){kept}.",
        "the Doctors (Врачи) sheet was replaced by {rows} built from this visits export (hours and treatment-plan columns kept from the template){kept}",
        "“医生”工作表已替换为根据此到诊导出文件生成的 {rows}（工时和治疗方案列保留模板中的数据）{kept}。";
    ProbDoctorsKeptOne => "; сохранены без пациентов и выручки пары «врач — месяц» из шаблона с часами или планами лечения, но без визитов: {n}",
        "; {n} doctor-month of the template with hours or treatment plans but no visits was kept without patients and revenue",
        "；模板中有工时或治疗方案但没有到诊的 {n} 个医生月已保留，不含患者和营收";
    ProbDoctorsKeptMany => "; сохранены без пациентов и выручки пары «врач — месяц» из шаблона с часами или планами лечения, но без визитов: {n}",
        "; {n} doctor-months of the template with hours or treatment plans but no visits were kept without patients and revenue",
        "；模板中有工时或治疗方案但没有到诊的 {n} 个医生月已保留，不含患者和营收";
    ProbSpendReplacedOne => "Расходы на листе «Бюджет» заменены данными этой выгрузки (пар «канал — месяц»: {n}), добавлено строк: {added}; планы бюджета сохранены.",
        "the spend of {replaced} on the Budget (Бюджет) sheet was replaced by this spend export and {added} row was added; budget plans were kept",
        "“预算”工作表中 {n} 个渠道月的花费已替换为此花费导出文件的数据，新增 {added} 行；预算计划保留。";
    ProbSpendReplacedMany => "Расходы на листе «Бюджет» заменены данными этой выгрузки (пар «канал — месяц»: {n}), добавлено строк: {added}; планы бюджета сохранены.",
        "the spend of {replaced} on the Budget (Бюджет) sheet was replaced by this spend export and {added} rows were added; budget plans were kept",
        "“预算”工作表中 {n} 个渠道月的花费已替换为此花费导出文件的数据，新增 {added} 行；预算计划保留。";
    ProbChannelMonthOne => "1 channel-month", "1 channel-month", "1 个渠道月";
    ProbNewChannelOne => "Источник {names} не совпадает ни с одним каналом или источником канала на листе «Каналы»: он стал отдельным каналом с уровнем «эксперимент» (добавьте его в источники канала, чтобы учитывать там).",
        "source {names} matches no channel or channel source on the Channels (Каналы) sheet: it became a channel of its own, tier experiment (add it to a channel's sources to count it there)",
        "来源 {names} 与“渠道”工作表中的任何渠道或渠道来源都不匹配：它已成为独立渠道，层级为试验（将其加入某渠道的来源即可计入该渠道）。";
    ProbNewChannelsMany => "Источники {names} не совпадают ни с одним каналом или источником канала на листе «Каналы»: каждый стал отдельным каналом с уровнем «эксперимент» (добавьте его в источники канала, чтобы учитывать там).",
        "sources {names} match no channel or channel source on the Channels (Каналы) sheet: each became a channel of its own, tier experiment (add it to a channel's sources to count it there)",
        "来源 {names} 与“渠道”工作表中的任何渠道或渠道来源都不匹配：每个都已成为独立渠道，层级为试验（将其加入某渠道的来源即可计入该渠道）。";
    ProbDuplicateOne => "Лидов-дублей (тот же телефон, что у учтённого лида, созданного менее {days} дн. назад) не учтено: {n}.",
        "{n} lead was a duplicate (the same phone as a counted lead created fewer than {days} days before) and was not counted",
        "{n} 条线索是重复的（与 {days} 天内创建的已计线索电话相同），未计入。";
    ProbDuplicatesMany => "Лидов-дублей (тот же телефон, что у учтённого лида, созданного менее {days} дн. назад) не учтено: {n}.",
        "{n} leads were duplicates (the same phone as a counted lead created fewer than {days} days before) and were not counted",
        "{n} 条线索是重复的（与 {days} 天内创建的已计线索电话相同），未计入。";
    ProbReturningOne => "Лидов от пациентов, которые уже приходили раньше: {n}; они учтены как повторные обращения (returning_leads), а не в воронке.",
        "{n} lead came from patients who had visited before: counted as returning_leads, not in the funnel",
        "{n} 条线索来自以前就诊过的患者：计为回头线索（returning_leads），不计入漏斗。";
    ProbReturningMany => "Лидов от пациентов, которые уже приходили раньше: {n}; они учтены как повторные обращения (returning_leads), а не в воронке.",
        "{n} leads came from patients who had visited before: counted as returning_leads, not in the funnel",
        "{n} 条线索来自以前就诊过的患者：计为回头线索（returning_leads），不计入漏斗。";
    ProbLeadsNoPhoneOne => "Лидов без телефона из 10 и более цифр: {n}; они учтены как лиды, но не могут совпасть ни с одним визитом.",
        "{n} lead has no phone of 10 digits or more: it counts as leads but can match no visit",
        "{n} 条线索没有 10 位及以上的电话号码：计为线索，但无法匹配任何到诊。";
    ProbLeadsNoPhoneMany => "Лидов без телефона из 10 и более цифр: {n}; они учтены как лиды, но не могут совпасть ни с одним визитом.",
        "{n} leads have no phone of 10 digits or more: they count as leads but can match no visit",
        "{n} 条线索没有 10 位及以上的电话号码：计为线索，但无法匹配任何到诊。";
    ProbLegacyProject => "{file} — файл проекта старой версии medfunnel (JSON); при сохранении он будет переведён в текущий формат.",
        "{file} is a project file of an older medfunnel (JSON); it is converted to the current format when saved.",
        "{file} 是旧版 medfunnel 的项目文件（JSON）；保存时会转换为当前格式。";
    ProbNoTemplateRawOnly => "В книге нет ни одного листа шаблона, поэтому клиника начинается с пустого проекта и используются только выгрузки.",
        "has none of the template's sheets, so the clinic starts empty and only the raw exports are used",
        "工作簿中没有任何模板工作表，因此诊所从空项目开始，只使用原始导出文件。";
    // A value that cannot be read (`import::cells::ValueError`), quoted.
    ValNotANumber => "«{v}» — не число", "«{v}» is not a number", "“{v}”不是数字";
    ValNotAWholeNumber => "«{v}» — не целое число", "«{v}» is not a whole number", "“{v}”不是整数";
    ValNotAShare => "«{v}» — не доля от 0 до 1 (сорок процентов пишут как 40% или 0,4)",
        "«{v}» is not a share between 0 and 1 (write 40% or 0.4 for forty percent)",
        "“{v}”不是 0 到 1 之间的比例（百分之四十写作 40% 或 0.4）";
    ValNegative => "«{v}» — отрицательное число; здесь имеет смысл только ноль или больше",
        "«{v}» is negative; only zero or more makes sense here",
        "“{v}”是负数；这里只能是零或正数";
    ValNotAMonth => "«{v}» — не месяц (пишите 2025-03 или март 2025)",
        "«{v}» is not a month (write it as 2025-03, март 2025 or Mar 2025)",
        "“{v}”不是月份（请写成 2025-03）";
    ValUnknownMonthWord => "«{v}» — не месяц: «{word}» — не название месяца",
        "«{v}» is not a month: «{word}» is not the name of a month",
        "“{v}”不是月份：“{word}”不是月份名称";
    ValNotADay => "«{v}» — не дата (пишите 2025-03-25 или 25.03.2025)",
        "«{v}» is not a date (write it as 2025-03-25 or 25.03.2025)",
        "“{v}”不是日期（请写成 2025-03-25 或 25.03.2025）";
    ValImpossibleDate => "«{v}» — несуществующая дата: такого дня в календаре нет",
        "«{v}» is not a real date: there is no such day in the calendar",
        "“{v}”不是真实日期：日历中没有这一天";
    ValNotATier => "«{v}» — не уровень: пишите проверенный, масштабирование или эксперимент",
        "«{v}» is not a tier: write proven, scaling or experiment (проверенный, масштабирование, эксперимент)",
        "“{v}”不是层级：请写 proven、scaling 或 experiment（成熟、扩量、试验）";
    ValNotAPeriod => "«{v}» — не период NPS: пишите год (2025) или месяц (2025-03)",
        "«{v}» is not an NPS period: write a year (2025) or a month (2025-03)",
        "“{v}”不是 NPS 期间：请写年份（2025）或月份（2025-03）";
    ValScoreOutOfScale => "«{v}» — не оценка по шкале {scale}, которая идёт от {min} до 10",
        "«{v}» is not a score on the {scale} scale, which runs from {min} to 10",
        "“{v}”不是 {scale} 量表上的分数，该量表为 {min} 到 10";
    ValNotAScale => "«{v}» — не шкала NPS: пишите standard (оценки от 0 до 10) или ten_smiles (от 1 до 10)",
        "«{v}» is not an NPS scale: write standard (scores 0 to 10) or ten_smiles (1 to 10)",
        "“{v}”不是 NPS 量表：请写 standard（0 到 10 分）或 ten_smiles（1 到 10 分）";
    ValNotWeekdayWeights => "«{v}» — не семь весов дней недели с понедельника по воскресенье (например, 1 1 1 1 1 0,5 0)",
        "«{v}» is not seven weekday weights, Monday to Sunday (for example 1 1 1 1 1 0,5 0)",
        "“{v}”不是周一到周日的七个星期权重（例如 1 1 1 1 1 0,5 0）";
    ValExcelError => "«{v}» — ошибка Excel, а не значение", "«{v}» is an Excel error, not a value", "“{v}”是 Excel 错误，不是值";
    ValNotACallStatus => "«{v}» — не статус звонка: для принятого звонка пишите принят, отвечен или успешный, для пропущенного — пропущен, не принят, нет ответа или занято",
        "«{v}» is not a call status: write принят, отвечен, успешный or answered for an answered call, and пропущен, не принят, нет ответа, занято, no answer, missed or busy for a missed one",
        "“{v}”不是通话状态：已接通写 answered、принят、отвечен 或 успешный，未接通写 missed、no answer、busy、пропущен、не принят、нет ответа 或 занято";
    ValNotACallType => "«{v}» — не направление звонка: пишите входящий или исходящий",
        "«{v}» is not a call direction: write входящий (in, incoming) or исходящий (out, outgoing)",
        "“{v}”不是通话方向：请写 incoming（входящий，呼入）或 outgoing（исходящий，呼出）";
    ValNotADuration => "«{v}» — не длительность: пишите секунды (75) или минуты и секунды (1:15, 0:01:15)",
        "«{v}» is not a duration: write seconds (75) or minutes and seconds (1:15, 0:01:15)",
        "“{v}”不是时长：请写秒数（75）或分和秒（1:15、0:01:15）";
    // The CLI's tables and sentences (`kpi`, `levers`, `whatif`, `goalseek`, `allocate`); their
    // headers reuse the app's words above and below.
    CliMonthInProgress => "Текущий месяц {month}: на сегодня {to_date}, прогноз {forecast}, план {plan}; каждый полный день с этого момента должен приносить {pace} (пока {current}).",
        "Month in progress {month}: {to_date} so far, forecast {forecast}, plan {plan}; each full day from now must bring {pace} (so far {current}).",
        "本月进度 {month}：截至今日 {to_date}，预测 {forecast}，计划 {plan}；从现在起每个完整工作日需要带来 {pace}（目前 {current}）。";
    CliSensitivity => "Чувствительность: каждый рычаг {change}, за период",
        "Sensitivity: {change} on each lever, over the period",
        "敏感性：每个杠杆 {change}，本期";
    SnapshotBefore => "Было", "Before", "之前";
    SnapshotAfter => "Стало", "After", "之后";
    CliEachLever => "Каждый из пяти рычагов воронки", "Each of the five funnel levers", "漏斗的五个杠杆各自";
    CliGoalAnswer => "{what} — нужно изменить на {change} (выручка с каналов должна вырасти на {rise}).",
        "{what} must change by {change} (the attributed revenue must rise by {rise}).",
        "{what}需要变化 {change}（渠道营收需要增长 {rise}）。";
    CliBudgetForPlan => "Бюджет {budget} в месяц, разделённый так, как предлагает распределение, даёт {revenue} (план {month}: {target}).",
        "A monthly budget of {budget} split as the allocator proposes brings {revenue} (plan of {month}: {target}).",
        "每月预算 {budget} 按预算分配的建议分配，可带来 {revenue}（{month} 的计划：{target}）。";
    CliPlanOutOfReach => "План {month} не выполнить одним бюджетом: {why}",
        "The plan of {month} cannot be reached by budget alone: {why}",
        "仅靠预算无法达到 {month} 的计划：{why}";
    CliGiveRevenue => "укажите --revenue или --budget-for-plan", "give --revenue or --budget-for-plan", "请提供 --revenue 或 --budget-for-plan";
    // What the CLI wrote, and why it stopped (after `medfunnel: `).
    CliWroteReport => "Отчёт записан в {file}", "Wrote the report to {file}", "报告已写入 {file}";
    CliWrote => "Записано: {file}", "Wrote {file}", "已写入 {file}";
    CliChooseFile => "{file}: выберите файл проекта .{ext} или книгу .xlsx",
        "{file}: choose a .{ext} project file or an .xlsx workbook",
        "{file}：请选择 .{ext} 项目文件或 .xlsx 工作簿";
    CliWroteDemo => "Демо-клиника записана в {file}", "Wrote the demo clinic to {file}", "演示诊所已写入 {file}";
    CliWroteCallJournal => "Журнал звонков демо-клиники записан в {file}",
        "Wrote the demo's call journal to {file}",
        "演示诊所的通话记录已写入 {file}";
    CliKeyExported => "Ключ пациентов этого компьютера (отпечаток {fp}) записан в {file}. Любой, у кого есть этот файл и проект, может сверять с ним номера телефонов: передайте его лично и удалите после `medfunnel key import`.",
        "Wrote this computer's patient key (fingerprint {fp}) to {file}. Anyone with this file and a project can test phone numbers against it: hand it over in person and delete it after `medfunnel key import`.",
        "本机的患者密钥（指纹 {fp}）已写入 {file}。任何拥有此文件和项目的人都可以用它核对电话号码：请当面交接，并在 `medfunnel key import` 之后删除。";
    CliKeyImported => "Ключ пациентов этого компьютера теперь взят из {file} (отпечаток {fp}).",
        "This computer's patient key is now the one from {file} (fingerprint {fp}).",
        "本机的患者密钥现在是来自 {file} 的密钥（指纹 {fp}）。";
    CliImportNeedsExport => "import: укажите хотя бы одну выгрузку: --leads F, --visits F, --spend F или --calls F",
        "import: give at least one export: --leads F, --visits F, --spend F or --calls F",
        "import：请至少提供一个导出文件：--leads F、--visits F、--spend F 或 --calls F";
    CliNothingSavedOne => "в {output} ничего не сохранено: не прочитан {files} (см. выше); исправьте файл и запустите импорт снова",
        "nothing was saved to {output}: {files} could not be read (see above); fix it and run the import again",
        "未向 {output} 保存任何内容：无法读取 {files}（见上文）；请修正后重新导入";
    CliNothingSavedMany => "в {output} ничего не сохранено: не прочитаны {files} (см. выше); исправьте их и запустите импорт снова",
        "nothing was saved to {output}: {files} could not be read (see above); fix them and run the import again",
        "未向 {output} 保存任何内容：无法读取 {files}（见上文）；请修正后重新导入";
    CliJoinSummary => "Объединено: {leads} {leads_noun} (учтено: {counted}, дублей: {duplicates}, повторных: {returning}, без телефона: {leads_no_phone}); {visits} {visits_noun} (сопоставлено с лидами: {matched}, без телефона: {visits_no_phone}, пациентов: {patients}); строк расходов: {spend_rows}; {calls} {calls_noun} (обращений: {contacts}); новых каналов из неизвестных источников: {unknown}",
        "Joined: {leads} {leads_noun} ({counted} counted, {duplicates} duplicates, {returning} returning, {leads_no_phone} without a phone); {visits} {visits_noun} ({matched} matched to leads, {visits_no_phone} without a phone, {patients} patients); {spend_rows} spend rows; {calls} {calls_noun} ({contacts} contacts); {unknown} new channels from unknown sources",
        "已合并：{leads}{leads_noun}（计入 {counted}，重复 {duplicates}，重复来访 {returning}，无电话 {leads_no_phone}）；{visits}{visits_noun}（与线索匹配 {matched}，无电话 {visits_no_phone}，患者 {patients}）；花费行 {spend_rows}；{calls}{calls_noun}（来电 {contacts}）；来自未知来源的新渠道 {unknown}";
    CliInternalError => "внутренняя ошибка остановила работу над {about}; ничего не сохранено, и в файле может быть то, чего medfunnel не ожидает (пожалуйста, сообщите о ней).",
        "an internal error stopped the work on {about}; nothing was saved, and the file may have something medfunnel does not expect (please report it).",
        "内部错误中断了对 {about} 的处理；未保存任何内容，文件中可能有 medfunnel 未预料的内容（请报告此问题）。";
    CliTheDemo => "встроенной демо-клиникой", "the built-in demo clinic", "内置演示诊所";
    // Decisions (what-if, ranking, goal seek, allocator, scenarios)
    Decisions => "Решения", "Decisions", "决策";
    TabWhatIf => "Что если", "What if", "假设分析";
    TabGoal => "Цель", "Goal seek", "目标求解";
    TabAllocate => "Распределение бюджета", "Budget allocation", "预算分配";
    LeverRevenuePerPaid => "Выручка на оплату", "Revenue per paid", "每位成交营收";
    ScopeWord => "Где меняем:", "Scope:", "范围：";
    LeadCostWord => "Новые лиды:", "Extra leads:", "新增线索：";
    LeadCostCpl => "по текущему CPL", "at today's CPL", "按当前 CPL";
    LeadCostCurve => "по кривой отклика", "along the response curve", "沿响应曲线";
    LeadCostCurveHint => "Каждый следующий лид дороже: расход по кривой лиды = a·расход^b канала.",
        "Each extra lead costs more: spend along the channel's curve leads = a·spend^b.",
        "每条新增线索都更贵：按渠道曲线 线索 = a·花费^b 计算花费。";
    LeversHeading => "Рычаги (изменение в %)", "Levers (change in %)", "杠杆（变化 %）";
    LtvOnly => "только LTV", "LTV only", "仅 LTV";
    ResetSliders => "Сбросить", "Reset", "重置";
    AlsoApplied => "Также применено:", "Also applied:", "同时应用：";
    BeforeAfterHeading => "Было → стало за период", "Before → after over the period", "本期之前 → 之后";
    MonthsInPeriod => "месяцев в периоде:", "months in the period:", "本期月数：";
    MetricSpend => "Расход на маркетинг", "Marketing spend", "营销花费";
    WasWord => "было", "was", "原为";
    PerMonthWord => "в месяц:", "per month:", "每月：";
    PerMonthShort => "в месяц", "a month", "每月";
    PointsWord => "п.п.", "pp", "个百分点";
    WarningWord => "Внимание", "Warning", "警告";
    RankingHeading => "Чувствительность: каждый рычаг +10 %", "Sensitivity: each lever +10 %", "敏感性：每个杠杆 +10 %";
    HeadroomHeading => "Что клиника уже умела: рычаги по запасу до своего лучшего результата",
        "What your clinic has already shown it can do: levers by headroom to its own best",
        "诊所已证明能做到的：按距自身最佳的潜力排序的杠杆";
    HeadroomSentence => "{lever}{scope}: {current} → {target} (ваш лучший, {window}): +{money} в месяц — {owner}",
        "{lever}{scope}: {current} → {target} (your best, {window}): +{money} a month — {owner}",
        "{lever}{scope}：{current} → {target}（你的最佳，{window}）：每月 +{money} — {owner}";
    HeadroomIn => " в ", " in ", "，范围：";
    HeadroomHint => "Текущее окно — последние 3 полных месяца; лучший результат — лучшее окно из 3 месяцев за последние 12 полных. Прибыль = прирост выручки × маржа − докупка лидов по CPL.",
        "The current window is the last 3 complete months; the best is the best 3-month window of the last 12 complete months. Profit = revenue gain × margin − extra leads bought at CPL.",
        "当前窗口为最近 3 个完整月；最佳为最近 12 个完整月中最好的 3 个月窗口。利润 = 营收增量 × 毛利率 − 按 CPL 购买的新增线索。";
    HeadroomTooFew => "Меньше 3 полных месяцев воронки: рычаги по запасу пока не ранжируются.",
        "Fewer than 3 complete months of funnel data: no ranking by headroom yet.",
        "完整月份的漏斗数据少于 3 个月：尚无法按潜力排序。";
    HeadroomNone => "Каждый показатель сейчас на своём лучшем уровне за последние 12 месяцев.",
        "Every factor is at its best of the last 12 months now.",
        "目前每个因素都处于最近 12 个月的最佳水平。";
    ScopeCol => "Где", "Scope", "范围";
    NowWord => "Сейчас", "Now", "现在";
    BestWord => "Лучший", "Best", "最佳";
    BestWindow => "Лучшие 3 месяца", "Best 3 months", "最佳 3 个月";
    RevenueGainMonth => "Выручка + в месяц", "Revenue gain a month", "每月营收增量";
    LeadsAMonth => "лидов в месяц", "leads a month", "每月线索";
    RankNo => "№", "#", "#";
    RevenueGain => "Выручка +", "Revenue gain", "营收增量";
    SpendChange => "Расход +", "Spend change", "花费变化";
    ProfitGain => "Прибыль + за период", "Profit gain (period)", "利润增量（本期）";
    ProfitGainPerMonth => "Прибыль + в месяц", "Profit gain a month", "每月利润增量";
    RankingHint => "Рост лидов стоит денег (по CPL или по кривой); рост конверсий и чека — нет. Прибыль клиники = валовая прибыль − расход − постоянные затраты; рычаг меняет её на прирост валовой прибыли с каналов − прирост расхода.",
        "Extra leads cost money (at CPL or along the curve); better rates and checks do not. The clinic's profit = gross profit − spend − fixed costs; a lever changes it by Δ channels' gross profit − Δ spend.",
        "新增线索要花钱（按 CPL 或沿曲线）；提高转化率和客单价不花钱。诊所利润 = 毛利 − 花费 − 固定成本；杠杆对其的改变 = 渠道毛利变化 − 花费变化。";
    GoalHeading => "Подбор цели: насколько поднять рычаг", "Goal seek: how much must a lever rise", "目标求解：杠杆需要提高多少";
    GoalTarget => "Цель по выручке:", "Revenue target:", "营收目标：";
    GoalLevers => "Рычаг:", "Lever:", "杠杆：";
    AllFiveEvenly => "все пять поровну", "all five evenly", "五项均匀提高";
    GoalHint => "«+15 %» — рост выручки клиники за период; число — выручка клиники за весь период. Рост добирается выручкой с каналов.",
        "\"+15 %\" is growth of the clinic's revenue over the period; a number is the clinic's revenue over the whole period. The growth comes from the channels' revenue.",
        "“+15 %”是本期诊所营收的增长；数字是整个期间的诊所营收。增长来自渠道营收。";
    GoalClinicRise => "Рост выручки клиники", "Clinic revenue rise", "诊所营收增长";
    GoalAttributedRise => "Рост выручки с каналов (нужно добрать)",
        "Channels' revenue rise (what the levers must add)",
        "渠道营收增长（杠杆需要带来的）";
    GoalRevenueNow => "Выручка сейчас", "Revenue now", "当前营收";
    GoalRevenueTarget => "Нужная выручка", "Revenue needed", "所需营收";
    ApplyToSliders => "Применить к ползункам", "Apply to sliders", "应用到滑块";
    PlanBudgetHeading => "Какой бюджет выполнит план месяца",
        "Which budget reaches the plan of a month",
        "哪个预算能达到某月的计划";
    PlanBudgetHint => "Бюджет в месяц, распределённый оптимально (с ограничениями со вкладки «Распределение бюджета»).",
        "Monthly budget split optimally (under the limits of the Budget allocation tab).",
        "月度预算按最优方式分配（遵守“预算分配”页的限制）。";
    NoPlanMonths => "На листе «План» нет месяцев с планом выручки.",
        "The Plan sheet has no months with a revenue plan.",
        "“计划”表中没有带营收计划的月份。";
    PlanOfMonth => "План выручки месяца", "Revenue plan of the month", "本月营收计划";
    BudgetNeeded => "Нужен бюджет в месяц", "Monthly budget needed", "所需月度预算";
    PlanUnreachable => "недостижимо при этих кривых и ограничениях",
        "out of reach with these curves and limits",
        "在这些曲线和限制下无法达到";
    TodaySpendMonthly => "Расход сейчас в месяц:", "Spend today a month:", "当前每月花费：";
    RevenueAtBudget => "Выручка при этом бюджете", "Revenue at this budget", "此预算下的营收";
    OtherRevenue => "Выручка вне каналов с кривой", "Revenue outside channels with a curve", "无曲线渠道以外的营收";
    MonthlyBudget => "Бюджет на месяц:", "Monthly budget:", "月度预算：";
    HoldTiers => "Держать 80/15/5 по категориям", "Hold the 80/15/5 tier split", "保持 80/15/5 层级分配";
    AllocateHint => "Деньги делятся так, чтобы последний рубль в каждом канале приносил одинаково. Мин/макс — ограничения расхода канала в месяц; пусто — от половины до двух сегодняшних расходов (серым).",
        "The money is split so that the last rouble earns the same in every channel. Min/max bound a channel's monthly spend; blank: half to twice today's spend (in grey).",
        "分配资金，使最后一元钱在每个渠道的收益相同。最小/最大值限定渠道的月度花费；留空：当前花费的一半到两倍（灰色显示）。";
    FreeBounds => "Без границ по умолчанию", "No default bounds", "不使用默认限制";
    FreeBoundsHint => "Снять границы 0,5×–2× от сегодняшнего расхода: кривые тогда продолжаются за пределы данных.",
        "Drop the 0.5×–2× bounds around today's spend: the curves are then extrapolated beyond the data.",
        "去掉当前花费 0.5×–2× 的限制：曲线将外推到数据之外。";
    DetailsWord => "Подробности: кривые отклика", "Details: response curves", "详情：响应曲线";
    WhyWord => "Почему", "Why", "原因";
    WhyNoCurve => "нет расхода в периоде — получает только минимум",
        "no spend in the period: gets only its minimum",
        "本期无花费：只得到其最小值";
    WhyScaledDown => "бюджет меньше суммы минимумов — нижняя граница уменьшена вместе с остальными",
        "the budget is below the sum of the minimums: its lower bound is scaled down with the others",
        "预算低于最小值之和：其下限与其他渠道一起按比例缩小";
    WhyScaledUp => "бюджет больше суммы максимумов — верхняя граница увеличена вместе с остальными",
        "the budget is above the sum of the maximums: its upper bound is scaled up with the others",
        "预算高于最大值之和：其上限与其他渠道一起按比例放大";
    WhyTierSplit => "разбивка 80/15/5 вывела за границу",
        "pushed past its bound by the 80/15/5 split",
        "因 80/15/5 分配被推过其限制";
    WhyAtMin => "удержан на нижней границе", "held at its lower bound", "保持在其下限";
    WhyAtMax => "на верхней границе: отдача на рубль выше, чем у остальных",
        "at its upper bound: a higher return per rouble than the others",
        "处于上限：每元回报高于其他渠道";
    WhyHigher => "отдача на рубль выше, чем у остальных при этом бюджете",
        "higher return per rouble than the others at this budget",
        "在此预算下每元回报高于其他渠道";
    WhyLower => "отдача на рубль ниже, чем у остальных при этом бюджете",
        "lower return per rouble than the others at this budget",
        "在此预算下每元回报低于其他渠道";
    WhySame => "как сейчас", "as today", "与现在相同";
    NoticeTierPushed => "Разбивка 80/15/5 и границы 0,5×–2× не выполняются вместе: разбивка важнее, за границу вышли: {channels}.",
        "The 80/15/5 split and the 0.5×–2× bounds cannot both be met: the split wins, and these go past their bound: {channels}.",
        "80/15/5 分配与 0.5×–2× 限制无法同时满足：以分配为准，以下渠道超出其限制：{channels}。";
    NoticeScaledDown => "Бюджет меньше суммы минимумов: каждый канал получает свой минимум × бюджет / сумму минимумов.",
        "The budget is below the sum of the minimums: each channel gets its minimum × budget / their sum.",
        "预算低于最小值之和：每个渠道得到 其最小值 × 预算 / 最小值之和。";
    NoticeScaledUp => "Бюджет больше суммы максимумов: каждый канал получает свой максимум × бюджет / сумму максимумов.",
        "The budget is above the sum of the maximums: each channel gets its maximum × budget / their sum.",
        "预算高于最大值之和：每个渠道得到 其最大值 × 预算 / 最大值之和。";
    MinWord => "Мин", "Min", "最小";
    MaxWord => "Макс", "Max", "最大";
    SpendToday => "Сейчас", "Today", "现在";
    Proposal => "Предложение", "Proposal", "建议";
    CurveA => "a", "a", "a";
    CurveB => "b", "b", "b";
    MonthsUsed => "Месяцев в кривой", "Months used", "所用月数";
    FitLinear => "линейная", "linear", "线性";
    FitNone => "нет кривой", "no curve", "无曲线";
    ObjectiveWord => "Валовая прибыль − расход в месяц:", "Gross profit − spend a month:", "每月毛利 − 花费：";
    TodayWord => "сейчас", "today", "现在";
    ObjectiveHint => "То, что максимизирует распределение, против того же при сегодняшнем расходе.",
        "What the allocation maximises, against the same at today's spend.",
        "分配所最大化的值，与当前花费下的同一值对比。";
    AllocationImpossible => "Распределить нельзя:", "Cannot allocate:", "无法分配：";
    WarnExtrapolation => "{channel}: предложение {spend} в месяц больше чем вдвое выше самого большого месячного расхода ({max}) — кривая продолжена за пределы данных.",
        "{channel}: the proposal {spend} a month is more than twice its largest monthly spend ({max}); the curve is extrapolated.",
        "{channel}：建议的每月 {spend} 超过其最大月度花费（{max}）的两倍；曲线为外推。";
    NoticeLinear => "мало данных ({months} мес.) — кривая линейная по CPL периода",
        "thin data ({months} months): a linear curve at the period's CPL",
        "数据较少（{months} 个月）：按本期 CPL 的线性曲线";
    NoticeLinearBadFit => "расход и лиды не дают убывающей отдачи (b вне (0; 1]) — кривая линейная по CPL периода",
        "spend and leads show no diminishing returns (b outside (0, 1]): a linear curve at the period's CPL",
        "花费和线索未显示边际递减（b 不在 (0, 1] 内）：按本期 CPL 的线性曲线";
    NoticeNoSpend => "нет расхода в периоде — кривой нет, деньги только через минимум",
        "no spend in the period: no curve, money only through its minimum",
        "本期无花费：无曲线，只能通过其最小值获得资金";
    NoticeEmptyTier => "В одной из категорий нет каналов: её доля отдана остальным пропорционально.",
        "A tier has no channels: its share went to the others in proportion.",
        "某层级没有渠道：其份额按比例分给其他层级。";
    ErrNotAmount => "не число:", "not an amount:", "不是金额：";
    ErrBadBudget => "бюджет должен быть числом не меньше 0",
        "the budget must be a number of at least 0",
        "预算必须是不小于 0 的数字";
    ErrBadBounds => "минимум больше максимума или отрицателен",
        "the minimum is above the maximum or negative",
        "最小值大于最大值或为负数";
    ErrMinAboveBudget => "заданные вами минимумы в сумме больше бюджета:",
        "the minimums you set add up to more than the budget:",
        "你设定的最小值之和超过预算：";
    ErrMaxBelowBudget => "заданные вами максимумы в сумме меньше бюджета:",
        "the maximums you set add up to less than the budget:",
        "你设定的最大值之和低于预算：";
    ErrNoChannels => "нет каналов, на которые можно потратить бюджет",
        "no channels to spend the budget on",
        "没有可以投放预算的渠道";
    ErrUnreachable => "Цель недостижима: рычаг пришлось бы опустить до −100 % и ниже",
        "Out of reach: the lever would have to fall to −100 % or below",
        "无法达到：杠杆需要降到 −100 % 或更低";
    ErrNoRevenueInScope => "Этот рычаг здесь не двигает выручку (нет выручки с каналов в этой области)",
        "This lever moves no revenue here (no attributed revenue in this scope)",
        "此杠杆在这里不影响营收（此范围内没有归因营收）";
    ErrLtvOnChannel => "Средний чек и визиты на пациента меняются для клиники или направления, не для канала",
        "Average check and visits per patient apply to the clinic or a direction, not a channel",
        "客单价和人均就诊次数适用于诊所或科室，不适用于渠道";
    ErrUnknownChannel => "Нет такого канала:", "No such channel:", "没有此渠道：";
    ErrBadChange => "{lever}: изменение {change} невозможно — нужно число больше −100 %",
        "{lever}: a change of {change} is not possible — it must be a number above −100 %",
        "{lever}：变化 {change} 不可行——必须是大于 −100 % 的数字";
    ErrBothScopes => "Изменение рычага задаётся для клиники, одного канала или одного направления — не для канала и направления сразу",
        "A lever change applies to the clinic, one channel or one direction — not to a channel and a direction at once",
        "杠杆变化适用于整个诊所、一个渠道或一个科室——不能同时指定渠道和科室";
    ErrUnknownBranch => "В данных клиники нет филиала «{name}»; филиалы: {known}",
        "there is no branch «{name}» in this clinic's data; the branches are: {known}",
        "诊所数据中没有分院「{name}」；分院有：{known}";
    ErrNoBranches => "В данных клиники нет филиала «{name}»: ни одна строка не называет филиал (столбец филиала пуст или отсутствует)",
        "there is no branch «{name}» in this clinic's data; no row names a branch (the branch column is empty or missing)",
        "诊所数据中没有分院「{name}」：没有任何一行写明分院（分院列为空或缺失）";
    ErrPlanBranchOutput => "plan: --branch показывает план одного филиала; чтобы записать план, запустите без --branch (каждый филиал планируется по тем же правилам)",
        "plan: --branch shows one branch's plan; to write the plan, run without --branch (each branch is planned by the same rules)",
        "plan：--branch 只显示一个分院的计划；要写入计划，请不带 --branch 运行（每个分院按相同规则规划）";
    ErrBadTarget => "Цель по выручке должна быть числом:", "The revenue target must be a number:", "营收目标必须是数字：";
    ErrBadTiers => "Разбивка по категориям — три доли, в сумме 100 %:",
        "The tier split must be three shares adding up to 100 %:",
        "层级分配必须是三个份额，合计 100 %：";
    ErrUnknownDirection => "Нет такого направления:", "No such direction:", "没有此科室：";
    ErrGoalText => "Не понял цель (пример: +15 % или 12 000 000):",
        "Cannot read the target (e.g. +15 % or 12000000):",
        "无法读取目标（例如 +15 % 或 12000000）：";
    SaveScenarioHeading => "Сохранить как сценарий", "Save as scenario", "保存为情景";
    ScenarioName => "Название:", "Name:", "名称：";
    SaveAsScenario => "Сохранить сценарий", "Save scenario", "保存情景";
    NoChangesYet => "Ползунки на нуле — сохранять нечего.",
        "All sliders at zero: nothing to save.",
        "所有滑块都为零：没有可保存的内容。";
    ScenariosHeading => "Сохранённые сценарии", "Saved scenarios", "已保存的情景";
    NoScenarios => "Сценариев пока нет: сдвиньте ползунки на вкладке «Что если» и сохраните.",
        "No scenarios yet: move the sliders on the What if tab and save.",
        "还没有情景：在“假设分析”页移动滑块并保存。";
    LoadScenario => "В ползунки", "Load", "载入";
    DeleteScenario => "Удалить", "Delete", "删除";
    CompareHeading => "Сравнение (до 4 сценариев)", "Side by side (up to 4 scenarios)", "并排对比（最多 4 个情景）";
    PickToCompare => "Отметьте сценарии, чтобы сравнить их с базой.",
        "Tick scenarios to compare them with the base.",
        "勾选情景以与基准对比。";
    CompareHint => "Значения за период; в скобках — разница с базой. Новые лиды:",
        "Figures over the period; in brackets the difference from the base. Extra leads:",
        "本期数字；括号内为与基准的差额。新增线索：";
    // Plan builder dialog
    MenuBuildPlan => "Построить план на следующий год…", "Build next year's plan…", "制定明年计划…";
    MenuBuildPlanHint => "Выручка по месяцам с сезонностью прошлого года и бюджет по каналам; до записи виден предпросмотр",
        "Revenue by month with last year's seasonality and the budget by channel; previewed before anything is written",
        "按去年季节性的月度营收和按渠道的预算；写入前先预览";
    PlanDialogTitle => "Построить план на год", "Build a year's plan", "制定年度计划";
    PlanDialogIntro => "План выручки = выручка прошлого года по месяцам и направлениям × (1 + рост); бюджет = доля маркетинга × план, по категориям и по каналам пропорционально прошлогоднему расходу.",
        "Revenue plan = last year's revenue by month and direction × (1 + growth); budget = marketing share × plan, split over tiers and over channels by last year's spend.",
        "营收计划 = 去年按月和科室的营收 × (1 + 增长)；预算 = 营销费用占比 × 计划，按层级并按去年花费分配到各渠道。";
    PlanYear => "Год плана", "Plan year", "计划年份";
    PlanGrowth => "Рост клиники", "Clinic growth", "全院增长";
    PlanGrowthByDirection => "Свой рост для направлений", "Own growth per direction", "各科室自己的增长";
    PlanGrowthByDirectionHint => "Отмеченные направления растут на свой процент вместо общего.",
        "Ticked directions grow by their own percent instead of the clinic's.",
        "勾选的科室按自己的百分比增长，而不是全院的。";
    PlanNoDirections => "В прошлом году нет выручки по направлениям.",
        "No revenue by direction last year.",
        "去年没有按科室的营收。";
    PlanShareRef => "Ориентир 4–10 % выручки; 2–4 %, если ДМС и лояльные пациенты дают больше половины загрузки.",
        "Reference: 4–10 % of revenue; 2–4 % if insured and loyal patients bring over half the load.",
        "参考：营收的 4–10 %；若商保和忠实患者带来一半以上的就诊量，则 2–4 %。";
    PlanTiers => "Категории, %", "Tier split, %", "层级分配，%";
    PlanTiersBad => "пишите три числа: 80/15/5", "write three numbers: 80/15/5", "请写三个数字：80/15/5";
    PlanPercentBad => "не число: пишите 15 % или +30 %", "not a number: write 15 % or +30 %", "不是数字：请写 15 % 或 +30 %";
    PlanMonthsWithoutRevenue => "Нет выручки за месяцы (план на них будет 0):",
        "No revenue in these months (their plan is 0):",
        "这些月份没有营收（其计划为 0）：";
    PlanApply => "Записать план", "Apply the plan", "应用计划";
    PlanApplyHint => "Заменяет план выручки и бюджет этого года на листах «План» и «Бюджет»; Ctrl+Z вернёт как было",
        "Replaces this year's revenue plan and budget on the Plan and Budget sheets; Ctrl+Z brings them back",
        "替换“计划”和“预算”表中今年的营收计划和预算；Ctrl+Z 可恢复";
    PlanFixInputs => "Исправьте поля, отмеченные красным", "Fix the fields marked in red", "请修正标红的字段";
    PlanApplied => "План записан на листы «План» и «Бюджет»:",
        "Plan written to the Plan and Budget sheets:",
        "计划已写入“计划”和“预算”表：";
    PlanPreview => "Предпросмотр", "Preview", "预览";
    PlanPreviewHint => "Пока вы не нажали «Записать план», в проекте ничего не меняется.",
        "Nothing in the project changes until you apply the plan.",
        "应用计划之前，项目中不会有任何更改。";
    PlanByMonth => "По месяцам", "By month", "按月";
    PlanGrowthCol => "Рост", "Growth", "增长";
    PlanByDirection => "По направлениям", "By direction", "按科室";
    PlanNoDirection => "без направления", "no direction", "无科室";
    PlanByBranch => "По филиалам", "By branch", "按分院";
    PlanChainOwn => "Сеть (без филиала)", "Chain (no branch)", "连锁（无分院）";
    // The Settings form (issue 13, item 7)
    SettingsHint => "Изменения применяются сразу, когда вы покидаете поле, и отменяются Ctrl+Z.", "Changes apply as soon as you leave a field and are undone with Ctrl+Z.", "离开字段时更改立即生效，可用 Ctrl+Z 撤销。";
    SetGroupClinic => "Клиника", "Clinic", "诊所";
    SetGroupMoney => "Деньги", "Money", "资金";
    SetGroupTargets => "Цели", "Targets", "目标";
    SetGroupImport => "Импорт выгрузок", "Importing exports", "导入导出文件";
    SetClinic => "Название клиники", "Clinic name", "诊所名称";
    SetClinicHint => "Показывается в заголовках, в отчёте и в имени файла отчёта.", "Shown in titles, in the report and in the report's file name.", "显示在标题、报告和报告文件名中。";
    SetWeekdays => "Веса дней недели", "Weekday weights", "星期权重";
    SetWeekdaysHint => "Семь чисел с понедельника: какую долю обычного дня выручки приносит день (1 — полный, 0,5 — половина, 0 — выходной). По ним план месяца раскладывается по дням.", "Seven numbers from Monday: the share of a normal day's revenue each day brings (1 full, 0.5 half, 0 closed). The month's plan is spread over its days by them.", "从周一起的七个数字：每天带来正常营业日收入的比例（1 全天，0.5 半天，0 休息）。月度计划按此分配到各天。";
    SetHolidays => "Праздники", "Holidays", "节假日";
    SetHolidaysHint => "Дни, когда клиника закрыта, через запятую: их вес 0.", "Days the clinic is closed, separated by commas: their weight is 0.", "诊所休息的日期，用逗号分隔：权重为 0。";
    SetCurrency => "Валюта", "Currency", "货币";
    SetCurrencyHint => "Код валюты (RUB, USD, EUR, KZT…) или свой знак: с ним пишутся все суммы на экране, в отчёте и в терминале.", "A currency code (RUB, USD, EUR, KZT…) or a sign of your own: every amount on screen, in the report and in the terminal carries it.", "货币代码（RUB、USD、EUR、KZT…）或自定义符号：屏幕、报告和终端中的所有金额都带有它。";
    SetFixedCosts => "Постоянные расходы в месяц", "Fixed costs per month", "每月固定成本";
    SetFixedCostsHint => "Аренда, зарплаты и всё, что не зависит от числа пациентов: вычитаются из валовой прибыли в рычагах и сценариях.", "Rent, salaries and everything that does not depend on the number of patients: subtracted from gross profit in the levers and scenarios.", "租金、工资等与患者数量无关的支出：在杠杆和情景中从毛利中扣除。";
    SetAnswerTarget => "Цель по доле принятых звонков", "Answer rate target", "接听率目标";
    SetAnswerTargetHint => "Доля обращений, на которые администраторы должны ответить: линия цели в разделе «Звонки».", "The share of contacts the administrators should answer: the target line in the Calls view.", "前台应接听的来电占比：通话视图中的目标线。";
    SetNpsScale => "Шкала NPS", "NPS scale", "NPS 量表";
    SetNpsScaleHint => "Как читать оценки: стандартная 0–10 или десять смайлов 1–10.", "How scores are read: standard 0–10 or ten smiles 1–10.", "评分方式：标准 0–10 或十个笑脸 1–10。";
    SetDedupe => "Повторный лид, дней", "Repeat lead window, days", "重复线索窗口（天）";
    SetDedupeHint => "Лид с того же телефона в течение стольких дней после учтённого считается дублем.", "A lead from the same phone within this many days of a counted one is a duplicate.", "在已计入线索后这么多天内来自同一电话的线索视为重复。";
    SetAttribution => "Окно атрибуции, дней", "Attribution window, days", "归因窗口（天）";
    SetAttributionHint => "Визит относится к лиду, созданному не раньше чем за столько дней до него.", "A visit belongs to a lead created at most this many days before it.", "就诊归属于在其之前最多这么多天内创建的线索。";
    PlanBudgetByChannel => "Бюджет по каналам", "Budget by channel", "按渠道的预算";
    PlanShareOfBudget => "Доля", "Share", "占比";
    PlanNoChannels => "Лист «Каналы» пуст: бюджет не делится по каналам.",
        "The Channels sheet is empty: the budget is not split by channel.",
        "“渠道”表为空：预算不按渠道分配。";
    PlanBudgetByMonth => "Бюджет по каналам и месяцам", "Budget by channel and month", "按渠道和月份的预算";
    PlanChartMonths => "Выручка: прошлый год и план", "Revenue: last year and plan", "营收：去年与计划";
    PlanChartChannels => "Бюджет по каналам за", "Budget by channel,", "按渠道的预算，";
    MillionShort => "\u{a0}млн", "M", "百万";
    ThousandShort => "\u{a0}тыс.", "K", "千";
    Branches => "Филиалы", "Branches", "分院";
    BranchesNone => "В данных нет филиалов. Добавьте столбец «Филиал» на листы (План, Бюджет, Воронка, Выручка…), чтобы сравнивать клиники сети.",
        "The data names no branches. Add a «Branch» column to the sheets (Plan, Budget, Funnel, Revenue…) to compare the chain's clinics.",
        "数据中没有分院。请在各表（计划、预算、漏斗、营收…）中添加“Branch”列以比较连锁的各诊所。";
    BranchesHint => "Расход филиала — свой плюс доля общих кампаний сети по его лидам. План и факт — на дату последней выручки сети.",
        "A branch's spend is its own plus its share of the chain's shared campaigns by its leads. Plan and fact are to the chain's last revenue day.",
        "分院的花费 = 自己的花费 + 按线索分摊的连锁共享推广。计划与实际截至连锁最后一个营收日。";
    BrKpi => "Показатель", "KPI", "KPI";
    BrPlanToDate => "План на дату", "Plan to date", "截至今日计划";
    BrCompletionToDate => "Выполнение плана на дату", "Plan completion to date", "截至今日计划完成率";
    BrSpend => "Расход (с долей общих)", "Spend (with shared share)", "花费（含共享分摊）";
    BrContacts => "Обращения (звонки)", "Contacts (calls)", "来电";
    BrAnswerRate => "Доля отвеченных", "Answer rate", "接听率";
    // Import exports dialog and Cohorts view (issue 7)
    MenuImportExports => "Импорт выгрузок…", "Import exports…", "导入导出文件…";
    ImportExportsTitle => "Импорт выгрузок из CRM, МИС и рекламных кабинетов",
        "Import exports from the CRM, the MIS and the ad cabinets",
        "从 CRM、MIS 和广告后台导入导出文件";
    ImportExportsHint => "Каждый файл необязателен. Имена не читаются, телефоны показаны скрытыми.",
        "Each file is optional. Names are never read; phones are shown masked.",
        "每个文件都是可选的。从不读取姓名；电话号码以掩码显示。";
    ImportSlotLeads => "Лиды (CRM)", "Leads (CRM)", "线索（CRM）";
    ImportSlotVisits => "Визиты (МИС)", "Visits (MIS)", "到诊（MIS）";
    ImportSlotSpend => "Расходы (рекламные кабинеты)", "Spend (ad cabinets)", "花费（广告后台）";
    ImportSlotCalls => "Журнал звонков (телефония)", "Call journal (telephony)", "通话记录（电话系统）";
    ImportCalls => "Звонков", "Calls", "来电";
    ImportContacts => "обращений", "contacts", "次来电";
    ImportPick => "Выбрать…", "Choose…", "选择…";
    ImportRead => "Прочитать", "Read", "读取";
    ImportClear => "Убрать", "Remove", "移除";
    ImportReadable => "✓ столбцы найдены", "✓ columns found", "✓ 已找到各列";
    ImportNoFile => "Файл не выбран", "No file chosen", "未选择文件";
    ImportMissing => "Не найден обязательный столбец:", "Required column not found:", "未找到必需的列：";
    ImportHidden => "значения скрыты", "values hidden", "值已隐藏";
    ImportUnused => "— не использовать —", "— not used —", "— 不使用 —";
    ImportPreview => "Первые строки:", "First rows:", "前几行：";
    ImportNoRows => "В файле нет строк данных", "The file has no data rows", "文件中没有数据行";
    ImportFilter => "Выгрузки", "Exports", "导出文件";
    ImportJoin => "Объединить", "Join", "合并";
    ImportApply => "Применить", "Apply", "应用";
    ImportCounts => "Итоги объединения", "Join results", "合并结果";
    ImportLeads => "лидов:", "leads:", "线索：";
    ImportDuplicates => "дублей:", "duplicates:", "重复：";
    ImportReturning => "повторных:", "returning:", "重复来访：";
    ImportWithoutPhone => "без телефона:", "without phone:", "无电话：";
    ImportMatchedVisits => "визитов сопоставлено:", "matched visits:", "匹配的到诊：";
    ImportVisits => "визитов всего:", "visits in all:", "全部到诊：";
    ImportUnknownSources => "Неизвестные источники (стали новыми каналами):",
        "Unknown sources (became channels of their own):",
        "未知来源（已成为独立渠道）：";
    ImportMapTo => "сопоставить с каналом…", "map to channel…", "对应到渠道…";
    ImportMapButton => "Сопоставить", "Map", "对应";
    ImportApplied => "Выгрузки импортированы", "Exports imported", "导出文件已导入";
    // Work running on its own thread: the progress bar's stage text.
    TaskOpening => "Открываю файл…", "Opening the file…", "正在打开文件…";
    TaskSaving => "Сохраняю проект…", "Saving the project…", "正在保存项目…";
    TaskReport => "Записываю отчёт…", "Writing the report…", "正在写入报告…";
    TaskReading => "Читаю выгрузки…", "Reading the exports…", "正在读取导出文件…";
    TaskJoining => "Объединяю выгрузки…", "Joining the exports…", "正在合并导出文件…";
    TaskFailed => "Операция прервалась из-за внутренней ошибки; данные не изменены.",
        "The operation stopped on an internal error; nothing was changed.",
        "操作因内部错误中止；数据未更改。";
    SecondsShort => "с", "s", "秒";
    LoadingVisits => "Загружаю визиты…", "Loading visits…", "正在加载到诊记录…";
    LoadingVisitsHint => "Когорты, LTV первого года и удержание AARRR появятся, когда визиты загрузятся.",
        "Cohorts, first-year LTV and AARRR retention appear once the visits are loaded.",
        "到诊记录加载完成后，将显示队列、首年 LTV 和 AARRR 留存。";
    Cohorts => "Когорты", "Cohorts", "同期群";
    CohortsNoVisits => "Когорты строятся по визитам пациентов. Импортируйте выгрузку визитов из МИС (Файл → Импорт выгрузок…), и здесь появится удержание и LTV по месяцу первого визита.",
        "Cohorts are built from patients' visits. Import the visits export from the MIS (File → Import exports…) and retention and LTV by first-visit month will appear here.",
        "同期群由患者就诊记录构建。从 MIS 导入到诊导出文件（文件 → 导入导出文件…），这里将显示按首诊月份的留存和 LTV。";
    CohortsNoneInPeriod => "В выбранном периоде нет когорт.", "No cohorts in the selected period.", "所选期间没有同期群。";
    CohortsHint => "Строка — месяц первого визита, столбец — месяцев после него.",
        "A row is the month of the first visit, a column the months since it.",
        "每行是首诊月份，每列是其后的月数。";
    CohortsRetention => "Удержание, %", "Retention, %", "留存，%";
    CohortsLtv => "LTV, ₽", "LTV, ₽", "患者LTV（₽）";
    CohortsLtvCurve => "Накопленный LTV на пациента", "Cumulative LTV per patient", "每位患者累计 LTV";
    CohortsPatients => "Пациентов", "Patients", "患者";
    CohortsMonthShort => "мес.", "month", "月";
    CohortsAverage => "Среднее", "Average", "平均";
    Aarrr => "AARRR", "AARRR", "AARRR";
    AarrrHint => "Пять звеньев китайского плейбука клиники: период кончается последним завершённым месяцем и сравнивается с таким же числом месяцев перед ним.",
        "The five links of the Chinese clinic playbook: the period ends at the last complete month and is compared with as many months before it.",
        "中国诊所打法的五个环节：本期截至最近一个完整月，并与紧挨其前的同样月数比较。";
    AarrrAcquisition => "Привлечение", "Acquisition", "获客";
    AarrrActivation => "Активация", "Activation", "激活";
    AarrrRetention => "Удержание", "Retention", "留存";
    AarrrRevenue => "Монетизация", "Revenue", "变现";
    AarrrReferral => "Рекомендации", "Referral", "转介绍";
    AarrrPaidRate => "оплата после первого приёма", "first visit that pays", "初诊成交率";
    AarrrRepeatShare => "доля повторных", "repeat share", "复诊率";
    AarrrAvgCheck => "средний чек", "average check", "客单价";
    AarrrReferralShare => "доля визитов по рекомендации", "referral share of visits", "转介绍到诊占比";
    AarrrFalling => "падает", "falling", "下降";
    AarrrWeakest => "слабое звено", "weakest link", "最弱环节";
    MenuView => "Вид", "View", "视图";
    MenuMeeting => "Встреча (F11)", "Meeting (F11)", "会议模式（F11）";
    MeetingLeave => "Выйти (Esc)", "Leave (Esc)", "退出（Esc）";
    MeetingDark => "Тёмная тема", "Dark theme", "深色主题";
    MeetingScreen => "Экран", "Screen", "屏幕";
    MeetingPrev => "Назад", "Back", "上一步";
    MeetingNext => "Далее", "Next", "下一步";
    MeetingCompletion => "Выполнение на сегодня", "Completion to date", "截至今日完成率";
    MeetingNoPlan => "плана нет", "no plan", "无计划";
    MeetingNoReference => "Норматива для этапов воронки в справочнике нет: сравниваем с планом.",
        "The references give no norm for funnel stages: rates are compared with the plan.",
        "参考资料中没有漏斗环节的标准：转化率与计划比较。";
    MeetingScenario => "Сценарий", "Scenario", "情景";
    MeetingProposed => "Предложение", "Proposed", "建议";
    MeetingNothing => "Нет данных для этого шага.", "No data for this step.", "此步骤没有数据。";
    MenuExportStory => "Экспорт истории в PNG…", "Export story as PNG…", "将经营故事导出为 PNG…";
    StoryFileName => "история", "story", "经营故事";
    StorySaved => "История сохранена, первый слайд:", "Story saved, first slide:", "经营故事已保存，第一张：";
    // Calls view, dashboard card and funnel stage (issue 14)
    Calls => "Звонки", "Calls", "来电";
    CallsNone => "Звонков нет. Импортируйте журнал звонков телефонии (Файл → Импорт выгрузок…) или заполните лист «Звонки» шаблона, и здесь появятся доля принятых, потерянные обращения и часы, когда никто не берёт трубку.",
        "No calls yet. Import the telephony call journal (File → Import exports…) or fill the template's Calls sheet, and the answer rate, the lost contacts and the hours nobody picks up will appear here.",
        "还没有来电。导入电话系统的通话记录（文件 → 导入导出文件…）或填写模板的“来电”表，这里将显示接听率、流失的来电和无人接听的时段。";
    CallsHint => "Обращение — все входящие звонки одного абонента за день. Пропущенное обращение спасает перезвон (за 20 минут или позже) или повторный звонок пациента в течение суток; иначе оно потеряно.",
        "A contact is one caller's incoming calls on one day. A missed contact is saved by a callback (within 20 minutes or later) or the patient calling again within 24 hours; otherwise it is lost.",
        "一次来电是同一来电者在同一天的全部呼入电话。未接来电可通过回拨（20分钟内或更晚）或患者在 24 小时内再次来电挽回；否则即为流失。";
    CallsTarget => "цель", "target", "目标";
    CallsLostMoney => "Осталось в телефоне", "Left on the phone", "电话中流失的营收";
    CallsAvgWait => "Ожидание, сек", "Wait, s", "等待，秒";
    CallsAvgTalk => "Разговор, сек", "Talk, s", "通话，秒";
    CallsCallback20 => "Перезвон ≤ 20 мин", "Callback ≤ 20 min", "20分钟内回拨";
    CallsCallback => "Перезвон позже", "Callback later", "稍后回拨";
    CallsRecalled => "Перезвонил сам", "Called again", "患者再次来电";
    CallsChartRate => "Доля принятых обращений по месяцам", "Answer rate by month", "按月接听率";
    CallsChartMissed => "Пропущенные обращения: чем закончились", "Missed contacts: how they ended", "未接来电：结局如何";
    CallsAdmins => "Администраторы", "Administrators", "前台";
    CallsEmployee => "Сотрудник", "Employee", "员工";
    CallsHeat => "Доля принятых по часам и дням недели", "Answer rate by hour and weekday", "按小时和星期的接听率";
    CallsHeatNone => "Карта по часам строится по обращениям из журнала звонков; в шаблоне их нет.",
        "The hour map is built from the call journal's contacts; the template has none.",
        "时段图由通话记录中的来电构建；模板中没有。";
    CallsHour => "Час", "Hour", "小时";
    CallsSheet => "Итоги звонков", "Call results", "通话结果";
    ColCallsIn => "Входящие звонки", "Incoming calls", "来电数";
    ColWaitSeconds => "Ожидание всего, сек", "Total wait, s", "总等待时间（秒）";
    ColTalkSeconds => "Разговор всего, сек", "Total talk, s", "总通话时间（秒）";
    CardLostCalls => "Потерянные звонки", "Lost calls", "流失的来电";
    LostCallsSub => "потеряно обращений", "contacts lost", "流失的来电";
    RefLostCalls => "Деньги, оставшиеся в телефоне: потерянные обращения × лидов на обращение × выручка на лид. Цвет: потеряно до 5 % обращений — хорошо, до 10 % — внимание.",
        "Money left on the phone: lost contacts × leads per contact × revenue per lead. Colour: up to 5 % of contacts lost is good, up to 10 % watch.",
        "电话中流失的营收：流失来电 × 每次来电线索 × 每条线索营收。颜色：流失不超过 5 % 为良好，不超过 10 % 为关注。";
    LeadsPerContact => "лидов на обращение", "leads per contact", "每次来电的线索";
    AdminsLostLine => "Администраторы: потеряно обращений", "Administrators: contacts lost", "前台：流失的来电";

    // Charts and the pace panel.
    TabRevenue => "Выручка по месяцам", "Revenue by month", "按月营收";
    SavePngHint => "Сохраняет графики вкладки так, как они видны на экране",
        "Saves the tab's charts as they are on screen",
        "按屏幕上的样子保存此页的图表";
    FactToDate => "Факт на сегодня", "Fact to date", "截至今日实际";
    CumPlan => "План нарастающим итогом", "Cumulative plan", "累计计划";
    CumFact => "Факт нарастающим итогом", "Cumulative fact", "累计实际";
    ForecastLine => "Прогноз до конца месяца", "Forecast to month end", "到月底的预测";
    DayFactWord => "Факт дня", "Day fact", "当日实际";
    WeekFact => "Факт недели", "Week fact", "周实际";
    WeekWord => "Неделя", "Week", "周";
    DayOfMonth => "День месяца", "Day of month", "日期（日）";
    ChartIsoWeek => "ISO-неделя", "ISO week", "ISO周";
    Percent => "%", "%", "%";
    NpsPoints => "Баллы NPS", "NPS points", "NPS分数";
    ChartNoProgress => "Нет незавершённого месяца: все месяцы с выручкой закрыты, прогноза и темпа нет.",
        "No month in progress: every month with revenue is complete, so there is no forecast or pace.",
        "没有进行中的月份：所有有营收的月份都已结束，因此没有预测和进度。";
    // Revenue by month
    ChartRevenue => "Выручка по месяцам: план и факт", "Revenue by month: plan vs fact", "按月营收：计划与实际";
    ChartRevenueNote => "Незавершённый месяц: светлая часть столбца — прогноз до конца месяца.",
        "Month in progress: the light part of its column is the forecast to month end.",
        "进行中的月份：柱子的浅色部分是到月底的预测。";
    // Month in progress
    ChartDays => "Текущий месяц по дням: план и факт нарастающим итогом",
        "Month in progress by day: cumulative plan vs fact",
        "本月按日：累计计划与实际";
    ChartWeeks => "Текущий месяц по ISO-неделям", "Month in progress by ISO week", "本月按ISO周";
    ChartDaysNote => "План дня = план месяца × вес дня недели / вес месяца; праздники весят 0.",
        "Day plan = month plan × the weekday's weight / the month's weight; holidays weigh 0.",
        "当日计划 = 月计划 × 星期权重 / 月权重；节假日权重为 0。";
    ChartWholeClinic => "Вся клиника", "Whole clinic", "全院";
    FromPrevious => "от предыдущего этапа", "of the previous stage", "占上一环节";
    // Channels
    ChartSpendRevenue => "Каналы: расход и выручка с канала", "Channels: spend vs attributed revenue", "渠道：花费与归因营收";
    ChartCplCac => "Каналы: CPL и CAC", "Channels: CPL and CAC", "渠道：CPL 与 CAC";
    ChartChannelsRomi => "Каналы: ROMI", "Channels: ROMI", "渠道：ROMI";
    ChartAttributedRevenue => "Выручка с канала", "Attributed revenue", "归因营收";
    ChartCpl => "CPL (цена лида)", "CPL (cost per lead)", "CPL（线索成本）";
    ChartCac => "CAC (цена пришедшего пациента)", "CAC (cost per new patient)", "CAC（新患者获客成本）";
    BreakEven => "Окупаемость (ROMI 0)", "Break-even (ROMI 0)", "盈亏平衡（ROMI 0）";
    SortBy => "Сортировать по", "Sort by", "排序依据";
    SortName => "названию", "name", "名称";
    SortSpend => "расходу", "spend", "花费";
    SortRevenue => "выручке с канала", "attributed revenue", "归因营收";
    // Directions
    ChartDirRevenue => "Направления: план и выручка", "Directions: plan vs revenue", "科室：计划与营收";
    ChartDirLtv => "Направления: CAC и LTV", "Directions: CAC and LTV", "科室：CAC 与 LTV";
    ChartDirLtvCac => "Направления: LTV:CAC", "Directions: LTV:CAC", "科室：LTV:CAC";
    RevenueFact => "Выручка, факт", "Revenue, fact", "营收，实际";
    ChartLtv => "LTV (валовая прибыль с пациента)", "LTV (gross profit per patient)", "LTV（每位患者毛利）";
    LtvCacRef => "Норматив 3", "Reference 3", "参考值 3";
    ChartWaterfall => "Разрыв выручки с каналов: план → этапы → факт",
        "Attributed revenue gap: plan → stages → fact",
        "渠道营收缺口：计划 → 各环节 → 实际";
    OwnerWord => "отвечают", "owner", "负责人";
    ChartNoBottleneck => "Узкого места нет: ни один этап не отстал от плана.",
        "No bottleneck: no stage fell behind its plan.",
        "没有瓶颈：没有环节落后于计划。";
    NoGaps => "Нет месяцев с полным планом по этапам (лиды, запись, доходимость, оплата, выручка на оплату) на листе «План».",
        "No month has a full stage plan (leads, booking, show and paid rates, revenue per paid) on the Plan sheet.",
        "“计划”表中没有哪个月份有完整的环节计划（线索、预约率、到诊率、成交率、每位成交营收）。";
    GapUndefined => "Разложение не определено: какой-то этап в этом месяце равен нулю или не заполнен.",
        "The breakdown is undefined: a stage is zero or missing in this month.",
        "分解无法确定：本月某个环节为零或缺失。";
    Contribution => "вклад", "contribution", "贡献";
    // Doctors
    ChartDoctors => "Врачи: загрузка и конверсия в повторные",
        "Doctors: utilisation and primary → repeat conversion",
        "医生：利用率与初诊到复诊转化";
    ChartTreatment => "План лечения: рекомендовано → согласовано → выполнено",
        "Treatment plan: recommended → agreed → performed",
        "治疗方案：推荐 → 同意 → 完成";
    ChartDoctorConversion => "Конверсия первичных в повторные", "Primary → repeat conversion", "初诊到复诊转化率";
    ConversionRef => "Норматив конверсии 50 %", "Conversion reference 50%", "转化率参考值 50%";
    Procedures => "процедур", "procedures", "项";
    ChartNpsGroups => "Ответы: промоутеры, нейтралы, критики",
        "Answers: promoters, passives, detractors",
        "答卷：推荐者、中立者、贬损者";
    NpsAverage => "Москва, в среднем 25", "Moscow average 25", "莫斯科平均 25";
    NpsBest => "Москва, лучшие 71", "Moscow best 71", "莫斯科最佳 71";
    // Pace panel
    PaceTitle => "Темп месяца", "Month pace", "本月进度";
    PaceMonthPlan => "План месяца", "Month plan", "本月计划";
    PaceFactSoFar => "Факт на", "Fact as of", "实际，截至";
    PacePlanToDate => "по плану к этому дню", "plan to this day", "截至当日的计划";
    PaceTodayPlan => "План на", "Plan for", "计划，日期";
    PaceForecast => "Прогноз на месяц", "Month forecast", "本月预测";
    PaceRequired => "Чтобы выполнить план, каждый полный рабочий день должен приносить",
        "To make the plan, each full working day from now must bring",
        "要完成计划，从现在起每个完整工作日需带来";
    PaceCurrent => "сейчас в среднем", "today's average:", "目前平均：";
    PacePlanMade => "План месяца уже выполнен: всё, что придёт дальше, — сверх плана.",
        "The month's plan is already made: whatever comes in now is above plan.",
        "本月计划已完成：之后的收入都是超额部分。";
    PaceNoDaysLeft => "Полных рабочих дней до конца месяца не осталось: темп не определён.",
        "No full working day is left this month: there is no pace to keep.",
        "本月已没有完整工作日：无需保持的进度。";
    PaceWeekPlan => "план недели", "week plan", "周计划";
    PaceWeekFact => "факт пока", "fact so far", "目前实际";
    PaceNoWeek => "Нет календаря месяца: недельный план не показан.",
        "No month calendar: the week plan is not shown.",
        "没有本月日历：不显示周计划。";
    PaceSaveFailed => "Не удалось сохранить график", "The chart could not be saved", "图表无法保存";
    PaceNothingToSave => "На экране нет графика для сохранения", "There is no chart on screen to save", "屏幕上没有可保存的图表";
    // A chart's channel and direction pickers: in Chinese the bare words are also the tabs' names.
    PickChannel => "Канал", "Channel", "选择渠道";
    PickDirection => "Направление", "Direction", "选择科室";
}
