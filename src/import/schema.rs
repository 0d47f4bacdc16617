//! The template workbook's layout: its sheets, their columns, and the English and Russian names
//! under which a sheet or a header is recognised (domain.md, "The template workbook").

use super::cells::{header_forms, normalize_key};
use crate::model::Sheet;

/// One column of a template sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// The English key, as in domain.md and JSON (`revenue_plan`).
    pub key: &'static str,
    /// The main Russian name, shown next to the key in messages (`план выручки`).
    pub ru: &'static str,
    /// Further names the header may have (Russian synonyms, other English spellings).
    pub synonyms: &'static [&'static str],
    /// Whether the sheet cannot be read without this column.
    pub required: bool,
}

impl Column {
    /// The column as messages name it: `channel (канал)`.
    pub fn label(&self) -> String {
        format!("{} ({})", self.key, self.ru)
    }

    /// Whether a header cell (as written) names this column.
    pub fn matches(&self, header: &str) -> bool {
        let forms = header_forms(header);
        std::iter::once(self.key)
            .chain(std::iter::once(self.ru))
            .chain(self.synonyms.iter().copied())
            .any(|name| forms.contains(&normalize_key(name)))
    }
}

const fn req(key: &'static str, ru: &'static str, synonyms: &'static [&'static str]) -> Column {
    Column { key, ru, synonyms, required: true }
}

const fn opt(key: &'static str, ru: &'static str, synonyms: &'static [&'static str]) -> Column {
    Column { key, ru, synonyms, required: false }
}

const MONTH: Column = req("month", "месяц", &["мес", "период"]);
const CHANNEL: Column = req("channel", "канал", &["канал привлечения"]);
const DIRECTION: Column = opt("direction", "направление", &["отделение", "department"]);
/// A chain's branch (domain.md, "Branches"); blank = the whole chain.
pub(crate) const BRANCH: Column = opt("branch", "филиал", &["клиника", "отделение сети", "branch office"]);

const SETTINGS_COLUMNS: &[Column] =
    &[req("key", "ключ", &["параметр", "настройка", "name", "setting"]), req("value", "значение", &[])];

const DIRECTIONS_COLUMNS: &[Column] = &[
    req("direction", "направление", &["отделение", "department", "name", "название"]),
    req("margin", "маржинальность", &["маржа", "gross margin", "валовая маржа"]),
    opt("visits_per_patient", "визитов на пациента", &["визиты на пациента", "визитов на одного пациента"]),
];

const CHANNELS_COLUMNS: &[Column] = &[
    req("channel", "канал", &["канал привлечения", "name", "название"]),
    req("tier", "категория", &["уровень"]),
    opt("kind", "тип", &["вид", "тип канала"]),
    opt("sources", "источники", &["алиасы", "псевдонимы", "aliases", "utm source"]),
];

const PLAN_COLUMNS: &[Column] = &[
    MONTH,
    req("revenue_plan", "план выручки", &["выручка план", "выручка"]),
    DIRECTION,
    opt("leads_plan", "план лидов", &["лиды план", "лиды"]),
    opt("booking_rate_plan", "план конверсии в запись", &["конверсия в запись план", "конверсия в запись"]),
    opt("show_rate_plan", "план доходимости", &["доходимость план", "доходимость", "план явки"]),
    opt("paid_rate_plan", "план конверсии в оплату", &["конверсия в оплату план", "конверсия в оплату"]),
    opt(
        "revenue_per_paid_plan",
        "план выручки на оплатившего",
        &["выручка на оплатившего план", "выручка на оплатившего"],
    ),
    BRANCH,
];

const BUDGET_COLUMNS: &[Column] = &[
    MONTH,
    CHANNEL,
    opt("budget_plan", "бюджет план", &["план бюджета", "бюджет", "план"]),
    opt("spend", "расход", &["бюджет факт", "расходы", "затраты", "факт"]),
    BRANCH,
];

const FUNNEL_COLUMNS: &[Column] = &[
    MONTH,
    CHANNEL,
    DIRECTION,
    opt("leads", "лиды", &["обращения", "заявки"]),
    opt("bookings", "записи", &["запись", "записались"]),
    opt("visits", "явки", &["дошли", "дошедшие", "первичные приемы", "первичный прием", "пришли"]),
    opt("paid", "оплаты", &["оплатили", "договоры", "договор", "оплата"]),
    opt("revenue", "выручка", &[]),
    opt("returning_leads", "повторные обращения", &[]),
    BRANCH,
];

const REVENUE_COLUMNS: &[Column] = &[
    req("date", "дата", &["день"]),
    req("revenue", "выручка", &["сумма"]),
    DIRECTION,
    opt("checks", "чеки", &["количество чеков", "чеков"]),
    opt("new_patients", "первичные", &["первичные пациенты", "новые пациенты", "новые"]),
    opt("repeat_patients", "повторные", &["повторные пациенты"]),
    BRANCH,
];

const DOCTORS_COLUMNS: &[Column] = &[
    MONTH,
    req("doctor", "врач", &["доктор", "специалист", "фио врача"]),
    DIRECTION,
    opt("primary_patients", "первичные", &["первичные пациенты"]),
    opt("repeat_patients", "повторные", &["повторные пациенты"]),
    opt("revenue", "выручка", &[]),
    opt("hours_available", "часы доступно", &["доступно часов", "часы в графике"]),
    opt("hours_booked", "часы занято", &["занято часов"]),
    opt("recommended", "рекомендовано", &[]),
    opt("agreed", "согласовано", &[]),
    opt("performed", "выполнено", &[]),
    BRANCH,
];

const NPS_COLUMNS: &[Column] = &[
    req("period", "период", &["месяц", "год", "month", "year"]),
    req("score", "оценка", &["балл", "баллы"]),
    req("count", "количество", &["кол-во", "число ответов", "ответов", "ответы"]),
    DIRECTION,
    BRANCH,
];

const CALLS_COLUMNS: &[Column] = &[
    MONTH,
    opt("channel", "канал", &["источник", "канал привлечения"]),
    opt("employee", "сотрудник", &["администратор", "оператор", "принял"]),
    opt("contacts", "обращения", &["обращений", "контакты"]),
    opt("answered", "отвечено", &["принято", "отвечено обращений"]),
    opt("lost", "потеряно", &["потерянные", "потеряно обращений"]),
    // Before `callbacks`: «Перезвон (20 мин)» also reads as «перезвон», and the first match wins.
    opt("callbacks_20m", "перезвон 20 мин", &["перезвон за 20 мин", "перезвон до 20 мин", "callback 20m"]),
    opt("callbacks", "перезвон", &["перезвонили", "callback"]),
    opt("recalled", "перезвонил сам", &["перезвонили сами", "повторный звонок"]),
    opt("calls_in", "входящие", &["входящие звонки", "звонков", "calls"]),
    opt("wait_seconds", "ожидание сек", &["ожидание", "время ожидания", "wait"]),
    opt("talk_seconds", "разговор сек", &["разговор", "время разговора", "talk"]),
    BRANCH,
];

/// The importer's facts about each sheet: the names it is recognised by and its columns.
impl Sheet {
    /// Whether a sheet name (as written in the file) names this sheet.
    pub fn matches(self, sheet_name: &str) -> bool {
        let forms = header_forms(sheet_name);
        [self.name(), self.name_ru()].iter().chain(self.other_names()).any(|name| forms.contains(&normalize_key(name)))
    }

    /// The template sheet a sheet name (as written) stands for, if any.
    pub fn from_sheet_name(sheet_name: &str) -> Option<Sheet> {
        Sheet::ALL.into_iter().find(|k| k.matches(sheet_name))
    }

    /// How messages name the sheet when it is not in the file: `Funnel (Воронка)`.
    pub fn label(self) -> String {
        if self.name() == self.name_ru() {
            self.name().to_string()
        } else {
            format!("{} ({})", self.name(), self.name_ru())
        }
    }

    /// The sheet's columns, required ones first.
    pub const fn columns(self) -> &'static [Column] {
        match self {
            Sheet::Settings => SETTINGS_COLUMNS,
            Sheet::Directions => DIRECTIONS_COLUMNS,
            Sheet::Channels => CHANNELS_COLUMNS,
            Sheet::Plan => PLAN_COLUMNS,
            Sheet::Budget => BUDGET_COLUMNS,
            Sheet::Funnel => FUNNEL_COLUMNS,
            Sheet::Revenue => REVENUE_COLUMNS,
            Sheet::Doctors => DOCTORS_COLUMNS,
            Sheet::Nps => NPS_COLUMNS,
            Sheet::Calls => CALLS_COLUMNS,
        }
    }

    /// The column with this key.
    pub fn column(self, key: &str) -> Option<&'static Column> {
        self.columns().iter().find(|c| c.key == key)
    }

    /// The column with this key, for constants built from the schema (the app's grid columns): a
    /// key the sheet lacks stops the build, so the two can never drift apart.
    pub const fn schema_column(self, key: &str) -> Column {
        let columns = self.columns();
        let mut i = 0;
        while i < columns.len() {
            if same_key(columns[i].key, key) {
                return columns[i];
            }
            i += 1;
        }
        panic!("a grid column names a key the template's schema does not have")
    }
}

/// `a == b` for [`Sheet::schema_column`] (`==` on strings is not const).
const fn same_key(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Which raw export a file is (its columns are `raw::table`'s; problems name the kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportKind {
    /// Leads from the CRM.
    Leads,
    /// Visits and payments from the clinic information system (MIS).
    Visits,
    /// Spend from the ad cabinets.
    Spend,
    /// A call journal from IP telephony or call tracking.
    Calls,
}

/// One settings key of the Settings sheet, with its Russian names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingKey {
    /// `clinic`: the clinic's name.
    Clinic,
    /// `currency`.
    Currency,
    /// `nps_scale`.
    NpsScale,
    /// `weekday_weights`.
    WeekdayWeights,
    /// `holidays`.
    Holidays,
    /// `fixed_costs`.
    FixedCosts,
    /// `dedupe_days`.
    DedupeDays,
    /// `attribution_days`.
    AttributionDays,
    /// `answer_rate_target`: the answer rate the administrators aim at.
    AnswerRateTarget,
    /// `key_fingerprint`: which machine key the project's patients were hashed with (the key
    /// itself is never in a project or workbook), so that a re-import on a machine with another
    /// key is refused instead of silently matching nobody.
    KeyFingerprint,
}

impl SettingKey {
    /// Every key.
    pub const ALL: [SettingKey; 10] = [
        SettingKey::Clinic,
        SettingKey::Currency,
        SettingKey::NpsScale,
        SettingKey::WeekdayWeights,
        SettingKey::Holidays,
        SettingKey::FixedCosts,
        SettingKey::DedupeDays,
        SettingKey::AttributionDays,
        SettingKey::AnswerRateTarget,
        SettingKey::KeyFingerprint,
    ];

    /// The English key (`weekday_weights`).
    pub fn key(self) -> &'static str {
        match self {
            SettingKey::Clinic => "clinic",
            SettingKey::Currency => "currency",
            SettingKey::NpsScale => "nps_scale",
            SettingKey::WeekdayWeights => "weekday_weights",
            SettingKey::Holidays => "holidays",
            SettingKey::FixedCosts => "fixed_costs",
            SettingKey::DedupeDays => "dedupe_days",
            SettingKey::AttributionDays => "attribution_days",
            SettingKey::AnswerRateTarget => "answer_rate_target",
            SettingKey::KeyFingerprint => "key_fingerprint",
        }
    }

    /// Russian names of the key.
    fn names_ru(self) -> &'static [&'static str] {
        match self {
            SettingKey::Clinic => &["клиника", "название клиники", "название", "clinic name"],
            SettingKey::Currency => &["валюта"],
            SettingKey::NpsScale => &["шкала nps", "шкала нпс", "шкала", "nps"],
            SettingKey::WeekdayWeights => &["веса дней недели", "веса дней", "веса по дням недели", "weekday weight"],
            SettingKey::Holidays => &["праздники", "праздничные дни", "нерабочие дни", "праздник", "holiday"],
            SettingKey::FixedCosts => &["постоянные расходы", "постоянные затраты", "фиксированные расходы"],
            SettingKey::DedupeDays => &["дни дедупликации", "окно дублей", "дедупликация"],
            SettingKey::AttributionDays => &["окно атрибуции", "дни атрибуции", "атрибуция"],
            SettingKey::AnswerRateTarget => &[
                "цель по ответам",
                "целевой процент ответов",
                "цель по принятым звонкам",
                "answer rate target",
                "target answer rate",
            ],
            SettingKey::KeyFingerprint => &["отпечаток ключа"],
        }
    }

    /// The key a Settings cell (as written) names, if any.
    pub fn from_text(text: &str) -> Option<SettingKey> {
        let forms = header_forms(text);
        SettingKey::ALL.into_iter().find(|k| {
            std::iter::once(k.key()).chain(k.names_ru().iter().copied()).any(|n| forms.contains(&normalize_key(n)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_in_both_languages() {
        for kind in Sheet::ALL {
            assert_eq!(Sheet::from_sheet_name(kind.name()), Some(kind));
            assert_eq!(Sheet::from_sheet_name(kind.name_ru()), Some(kind));
            assert_eq!(Sheet::from_sheet_name(&kind.name().to_uppercase()), Some(kind));
            assert_eq!(Sheet::from_sheet_name(&format!(" {} ", kind.name_ru().to_lowercase())), Some(kind));
        }
        assert_eq!(Sheet::from_sheet_name("Воронка (2025)"), Some(Sheet::Funnel));
        assert_eq!(Sheet::from_sheet_name("n.p.s."), Some(Sheet::Nps));
        assert_eq!(Sheet::from_sheet_name("Лист1"), None);
        assert_eq!(Sheet::from_sheet_name("Инструкция"), None);
    }

    #[test]
    fn no_two_columns_of_a_sheet_share_a_name() {
        for kind in Sheet::ALL {
            let mut seen = std::collections::HashMap::new();
            for col in kind.columns() {
                for name in std::iter::once(col.key).chain(std::iter::once(col.ru)).chain(col.synonyms.iter().copied())
                {
                    if let Some(other) = seen.insert(normalize_key(name), col.key) {
                        assert_eq!(other, col.key, "{}: «{name}» names both {other} and {}", kind.name(), col.key);
                    }
                }
            }
        }
    }

    #[test]
    fn headers_match_russian_and_english() {
        let funnel = Sheet::Funnel;
        let find = |h: &str| funnel.columns().iter().find(|c| c.matches(h)).map(|c| c.key);
        assert_eq!(find("Канал"), Some("channel"));
        assert_eq!(find("CHANNEL"), Some("channel"));
        assert_eq!(find("Месяц"), Some("month"));
        assert_eq!(find("Отделение"), Some("direction"));
        assert_eq!(find("Повторные обращения"), Some("returning_leads"));
        assert_eq!(find("returning leads"), Some("returning_leads"));
        assert_eq!(find("Явки (дошёл)"), Some("visits"));
        assert_eq!(find("Дошли"), Some("visits"));
        assert_eq!(find("Выручка, ₽"), Some("revenue"));
        assert_eq!(find("Комментарий"), None);

        // первичные / повторные mean different columns on Revenue and Doctors.
        let rev = |h: &str| Sheet::Revenue.columns().iter().find(|c| c.matches(h)).map(|c| c.key);
        let doc = |h: &str| Sheet::Doctors.columns().iter().find(|c| c.matches(h)).map(|c| c.key);
        assert_eq!(rev("Первичные"), Some("new_patients"));
        assert_eq!(rev("Повторные"), Some("repeat_patients"));
        assert_eq!(doc("Первичные"), Some("primary_patients"));
        assert_eq!(doc("повторные"), Some("repeat_patients"));
        assert_eq!(rev("Дата"), Some("date"));

        let bud = |h: &str| Sheet::Budget.columns().iter().find(|c| c.matches(h)).map(|c| c.key);
        assert_eq!(bud("Бюджет план"), Some("budget_plan"));
        assert_eq!(bud("Бюджет факт"), Some("spend"));
        assert_eq!(bud("Расход, руб."), Some("spend"));
        assert_eq!(bud("budget_plan"), Some("budget_plan"));

        let plan = |h: &str| Sheet::Plan.columns().iter().find(|c| c.matches(h)).map(|c| c.key);
        assert_eq!(plan("План выручки"), Some("revenue_plan"));
        assert_eq!(plan("План лидов"), Some("leads_plan"));
        assert_eq!(plan("Revenue Plan"), Some("revenue_plan"));

        assert_eq!(Sheet::Channels.column("tier").map(Column::label), Some("tier (категория)".to_string()));
        assert!(Sheet::Channels.columns()[1].matches("Категория"));
        assert!(Sheet::Channels.columns()[3].matches("Источники"));
        assert!(Sheet::Directions.columns()[1].matches("Маржинальность, %"));
        assert!(Sheet::Nps.columns()[2].matches("Кол-во"));

        let calls = |h: &str| Sheet::Calls.columns().iter().find(|c| c.matches(h)).map(|c| c.key);
        assert_eq!(calls("Месяц"), Some("month"));
        assert_eq!(calls("Источник"), Some("channel"));
        assert_eq!(calls("Администратор"), Some("employee"));
        assert_eq!(calls("Обращения"), Some("contacts"));
        assert_eq!(calls("Принято"), Some("answered"));
        assert_eq!(calls("Потеряно"), Some("lost"));
        assert_eq!(calls("Перезвон 20 мин"), Some("callbacks_20m"));
        assert_eq!(calls("Перезвон (20 мин)"), Some("callbacks_20m"));
        assert_eq!(calls("Перезвон"), Some("callbacks"));
        assert_eq!(calls("Перезвонил сам"), Some("recalled"));
        assert_eq!(calls("Входящие"), Some("calls_in"));
        assert_eq!(calls("Ожидание, сек"), Some("wait_seconds"));
        assert_eq!(calls("Разговор сек"), Some("talk_seconds"));
        assert_eq!(calls("callbacks_20m"), Some("callbacks_20m"));
        assert_eq!(Sheet::from_sheet_name("Звонки"), Some(Sheet::Calls));
    }

    #[test]
    fn settings_keys() {
        assert_eq!(SettingKey::from_text("clinic"), Some(SettingKey::Clinic));
        assert_eq!(SettingKey::from_text("Клиника"), Some(SettingKey::Clinic));
        assert_eq!(SettingKey::from_text("Валюта"), Some(SettingKey::Currency));
        assert_eq!(SettingKey::from_text("NPS scale"), Some(SettingKey::NpsScale));
        assert_eq!(SettingKey::from_text("Weekday weights"), Some(SettingKey::WeekdayWeights));
        assert_eq!(SettingKey::from_text("Праздники"), Some(SettingKey::Holidays));
        assert_eq!(SettingKey::from_text("Постоянные расходы"), Some(SettingKey::FixedCosts));
        assert_eq!(SettingKey::from_text("dedupe_days"), Some(SettingKey::DedupeDays));
        assert_eq!(SettingKey::from_text("attribution days"), Some(SettingKey::AttributionDays));
        assert_eq!(SettingKey::from_text("Цель по ответам"), Some(SettingKey::AnswerRateTarget));
        assert_eq!(SettingKey::from_text("answer_rate_target"), Some(SettingKey::AnswerRateTarget));
        assert_eq!(SettingKey::from_text("цвет логотипа"), None);
    }
}
