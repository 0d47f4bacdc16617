//! The template's sheets, named once for every layer: the importer reads them by [`Sheet`] (its
//! columns and header names are in `import::schema`), the grid shows them by it
//! (`document::sheets`) and the project file stores them by it (`store::Table::Sheet`).

use serde::{Deserialize, Serialize};

/// A sheet of the template workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Sheet {
    /// Настройки: key/value settings (fixed rows).
    Settings,
    /// Направления: departments and margins.
    Directions,
    /// Каналы: channels and tiers.
    Channels,
    /// План: monthly plans.
    Plan,
    /// Бюджет: budget plan and spend per channel and month.
    Budget,
    /// Воронка: leads → bookings → visits → paid.
    Funnel,
    /// Выручка: daily takings.
    Revenue,
    /// Врачи: doctors per month.
    Doctors,
    /// NPS answers.
    Nps,
    /// Звонки: contacts and their outcomes per month, channel and employee (typed by hand or
    /// folded from a call journal).
    Calls,
}

impl Sheet {
    /// Every sheet, in the template's order, which is also the reading order (Settings first: the
    /// NPS scale is needed to read NPS scores).
    pub const ALL: [Sheet; 10] = [
        Sheet::Settings,
        Sheet::Directions,
        Sheet::Channels,
        Sheet::Plan,
        Sheet::Budget,
        Sheet::Funnel,
        Sheet::Revenue,
        Sheet::Doctors,
        Sheet::Nps,
        Sheet::Calls,
    ];

    /// The sheet's English name in the template (`Funnel`).
    pub fn name(self) -> &'static str {
        match self {
            Sheet::Settings => "Settings",
            Sheet::Directions => "Directions",
            Sheet::Channels => "Channels",
            Sheet::Plan => "Plan",
            Sheet::Budget => "Budget",
            Sheet::Funnel => "Funnel",
            Sheet::Revenue => "Revenue",
            Sheet::Doctors => "Doctors",
            Sheet::Nps => "NPS",
            Sheet::Calls => "Calls",
        }
    }

    /// The sheet's Russian name in the template (`Воронка`).
    pub fn name_ru(self) -> &'static str {
        match self {
            Sheet::Settings => "Настройки",
            Sheet::Directions => "Направления",
            Sheet::Channels => "Каналы",
            Sheet::Plan => "План",
            Sheet::Budget => "Бюджет",
            Sheet::Funnel => "Воронка",
            Sheet::Revenue => "Выручка",
            Sheet::Doctors => "Врачи",
            Sheet::Nps => "NPS",
            Sheet::Calls => "Звонки",
        }
    }

    /// Further names clinics give the sheet.
    pub fn other_names(self) -> &'static [&'static str] {
        match self {
            Sheet::Settings => &["Параметры"],
            Sheet::Directions => &["Отделения"],
            Sheet::Channels => &["Каналы привлечения"],
            Sheet::Plan => &["План продаж"],
            Sheet::Budget => &["Расходы"],
            Sheet::Funnel => &["Воронка продаж"],
            Sheet::Revenue => &["Выручка по дням"],
            Sheet::Doctors => &["Доктора"],
            Sheet::Nps => &["НПС"],
            Sheet::Calls => &["Телефония", "Звонки по месяцам"],
        }
    }
}
