//! The template's sheets seen as grids of typed cells: which columns each sheet has, how a cell
//! is read from and written to the model, parsed from text and shown in the user's language.
//!
//! This is the only place that knows how a grid position maps onto a model field; the grid and
//! the undo stack work with [`Sheet`], row and column indices and [`Value`]s only.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::parse::{self, ParseError};
use crate::format::{self, Lang, Locale};
pub use crate::i18n::month_label;
use crate::i18n::{K, day_label, tr};
use crate::import::cells::{header_forms, normalize_key};
use crate::import::schema::SettingKey;
use crate::model::{
    BudgetRow, CallRow, Channel, ChannelKind, Direction, DoctorRow, FunnelRow, Month, Name, NpsPeriod, NpsRow,
    NpsScale, PlanRow, Project, RevenueRow, Sheet, Tier,
};

/// The grid's facts about each sheet: its columns, which rows can be added.
impl Sheet {
    /// The sheet's grid columns.
    pub fn grid_columns(self) -> &'static [Column] {
        match self {
            Sheet::Settings => SETTINGS_COLUMNS,
            Sheet::Directions => DIRECTIONS,
            Sheet::Channels => CHANNELS,
            Sheet::Plan => PLAN,
            Sheet::Budget => BUDGET,
            Sheet::Funnel => FUNNEL,
            Sheet::Revenue => REVENUE,
            Sheet::Doctors => DOCTORS,
            Sheet::Nps => NPS,
            Sheet::Calls => CALLS,
        }
    }

    /// Whether rows can be added and deleted (Settings has one fixed row per key).
    pub fn has_row_ops(self) -> bool {
        self != Sheet::Settings
    }

    /// The column a workbook's header names: by the importer's names for the column (its key, the
    /// Russian name and synonyms), else by the header the grid shows in either language.
    pub fn column_from_header(self, header: &str) -> Option<usize> {
        let columns = self.grid_columns();
        let by_schema = self.columns().iter().find(|c| c.matches(header));
        by_schema.and_then(|sc| columns.iter().position(|c| c.key == sc.key)).or_else(|| {
            let forms = header_forms(header);
            columns
                .iter()
                .position(|c| [Lang::Ru, Lang::En].into_iter().any(|l| forms.contains(&normalize_key(tr(l, c.label)))))
        })
    }
}

/// What a column holds, which decides how its cells are parsed, shown and picked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Money in the clinic's currency.
    Money,
    /// A fraction shown as a percent.
    Rate,
    /// A count or another plain number.
    Count,
    /// Free text.
    Text,
    /// A month.
    Month,
    /// A day.
    Day,
    /// An NPS period (year or month).
    Period,
    /// An NPS score (a whole number 0..10).
    Score,
    /// A budget tier, picked from the list.
    Tier,
    /// A direction of the Directions sheet (or blank), picked from the list.
    Direction,
    /// A channel of the Channels sheet, picked from the list.
    Channel,
    /// The NPS scale, picked from the list.
    Scale,
    /// A channel's kind: picked from the contract's kinds, or any other word typed as it is.
    ChannelKind,
    /// Names separated by `,` or `;` (channel aliases).
    List,
    /// Seven weekday weights.
    Weights,
    /// A list of days.
    Days,
}

impl Kind {
    /// Whether the value is picked from a list rather than typed freely.
    pub fn is_choice(self) -> bool {
        matches!(self, Kind::Tier | Kind::Direction | Kind::Channel | Kind::Scale | Kind::ChannelKind)
    }

    /// Whether numbers are right-aligned in this column.
    pub fn is_numeric(self) -> bool {
        matches!(self, Kind::Money | Kind::Rate | Kind::Count | Kind::Score)
    }
}

/// One column of a sheet: the importer's schema column ([`crate::import::schema`]: its key,
/// whether it is required, the names a header may give it) with how the grid shows and edits it.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The template's English header (also the JSON key), from the schema.
    pub key: &'static str,
    /// The header shown, from the translation table.
    pub label: K,
    /// What the column holds.
    pub kind: Kind,
    /// Whether a row needs a value here (required columns cannot be cleared), from the schema.
    pub required: bool,
}

/// The grid column of `sheet`'s schema column `key` (a key the schema lacks does not build).
const fn col(sheet: Sheet, key: &'static str, label: K, kind: Kind) -> Column {
    let c = sheet.schema_column(key);
    Column { key: c.key, label, kind, required: c.required }
}

/// The chain's branch, last on every data sheet (blank = the whole chain; domain.md, "Branches").
const fn branch(sheet: Sheet) -> Column {
    col(sheet, "branch", K::BranchOf, Kind::Text)
}

const SETTINGS_COLUMNS: &[Column] = &[
    col(Sheet::Settings, "key", K::ColKey, Kind::Text),
    // The workbook needs a value column; a setting left blank in the grid takes its default.
    Column { required: false, ..col(Sheet::Settings, "value", K::Value, Kind::Text) },
];

const DIRECTIONS: &[Column] = &[
    col(Sheet::Directions, "direction", K::Direction, Kind::Text),
    col(Sheet::Directions, "margin", K::Margin, Kind::Rate),
    col(Sheet::Directions, "visits_per_patient", K::ColVisitsPerPatient, Kind::Count),
];

const CHANNELS: &[Column] = &[
    col(Sheet::Channels, "channel", K::Channel, Kind::Text),
    col(Sheet::Channels, "tier", K::Tier, Kind::Tier),
    col(Sheet::Channels, "kind", K::ColKind, Kind::ChannelKind),
    col(Sheet::Channels, "sources", K::ColSources, Kind::List),
];

const PLAN: &[Column] = &[
    col(Sheet::Plan, "month", K::Month, Kind::Month),
    col(Sheet::Plan, "direction", K::Direction, Kind::Direction),
    col(Sheet::Plan, "revenue_plan", K::RevenuePlan, Kind::Money),
    col(Sheet::Plan, "leads_plan", K::ColLeadsPlan, Kind::Count),
    col(Sheet::Plan, "booking_rate_plan", K::ColBookingRatePlan, Kind::Rate),
    col(Sheet::Plan, "show_rate_plan", K::ColShowRatePlan, Kind::Rate),
    col(Sheet::Plan, "paid_rate_plan", K::ColPaidRatePlan, Kind::Rate),
    col(Sheet::Plan, "revenue_per_paid_plan", K::ColRevenuePerPaidPlan, Kind::Money),
    branch(Sheet::Plan),
];

const BUDGET: &[Column] = &[
    col(Sheet::Budget, "month", K::Month, Kind::Month),
    col(Sheet::Budget, "channel", K::Channel, Kind::Channel),
    col(Sheet::Budget, "budget_plan", K::ColBudgetPlan, Kind::Money),
    col(Sheet::Budget, "spend", K::Spend, Kind::Money),
    branch(Sheet::Budget),
];

const FUNNEL: &[Column] = &[
    col(Sheet::Funnel, "month", K::Month, Kind::Month),
    col(Sheet::Funnel, "channel", K::Channel, Kind::Channel),
    col(Sheet::Funnel, "direction", K::Direction, Kind::Direction),
    col(Sheet::Funnel, "leads", K::Leads, Kind::Count),
    col(Sheet::Funnel, "bookings", K::Bookings, Kind::Count),
    col(Sheet::Funnel, "visits", K::ColVisits, Kind::Count),
    col(Sheet::Funnel, "paid", K::Paid, Kind::Count),
    col(Sheet::Funnel, "revenue", K::Revenue, Kind::Money),
    col(Sheet::Funnel, "returning_leads", K::ReturningLeads, Kind::Count),
    branch(Sheet::Funnel),
];

const REVENUE: &[Column] = &[
    col(Sheet::Revenue, "date", K::Date, Kind::Day),
    col(Sheet::Revenue, "direction", K::Direction, Kind::Direction),
    col(Sheet::Revenue, "revenue", K::Revenue, Kind::Money),
    col(Sheet::Revenue, "checks", K::ColChecks, Kind::Count),
    col(Sheet::Revenue, "new_patients", K::ColNewPatients, Kind::Count),
    col(Sheet::Revenue, "repeat_patients", K::ColRepeatPatients, Kind::Count),
    branch(Sheet::Revenue),
];

const DOCTORS: &[Column] = &[
    col(Sheet::Doctors, "month", K::Month, Kind::Month),
    col(Sheet::Doctors, "doctor", K::Doctor, Kind::Text),
    col(Sheet::Doctors, "direction", K::Direction, Kind::Direction),
    col(Sheet::Doctors, "primary_patients", K::ColPrimaryPatients, Kind::Count),
    col(Sheet::Doctors, "repeat_patients", K::ColRepeatPatients, Kind::Count),
    col(Sheet::Doctors, "revenue", K::Revenue, Kind::Money),
    col(Sheet::Doctors, "hours_available", K::HoursAvailable, Kind::Count),
    col(Sheet::Doctors, "hours_booked", K::HoursBooked, Kind::Count),
    col(Sheet::Doctors, "recommended", K::Recommended, Kind::Count),
    col(Sheet::Doctors, "agreed", K::Agreed, Kind::Count),
    col(Sheet::Doctors, "performed", K::Performed, Kind::Count),
    branch(Sheet::Doctors),
];

const NPS: &[Column] = &[
    col(Sheet::Nps, "period", K::Period, Kind::Period),
    col(Sheet::Nps, "direction", K::Direction, Kind::Direction),
    col(Sheet::Nps, "score", K::ColScore, Kind::Score),
    col(Sheet::Nps, "count", K::Count, Kind::Count),
    branch(Sheet::Nps),
];

// The channel of a call is optional (a source nobody recognised), as is its employee (contacts
// nobody answered): both may stay blank.
const CALLS: &[Column] = &[
    col(Sheet::Calls, "month", K::Month, Kind::Month),
    col(Sheet::Calls, "channel", K::Channel, Kind::Channel),
    col(Sheet::Calls, "employee", K::CallsEmployee, Kind::Text),
    col(Sheet::Calls, "contacts", K::Contacts, Kind::Count),
    col(Sheet::Calls, "answered", K::Answered, Kind::Count),
    col(Sheet::Calls, "lost", K::Lost, Kind::Count),
    col(Sheet::Calls, "callbacks_20m", K::CallsCallback20, Kind::Count),
    col(Sheet::Calls, "callbacks", K::CallsCallback, Kind::Count),
    col(Sheet::Calls, "recalled", K::CallsRecalled, Kind::Count),
    col(Sheet::Calls, "calls_in", K::ColCallsIn, Kind::Count),
    col(Sheet::Calls, "wait_seconds", K::ColWaitSeconds, Kind::Count),
    col(Sheet::Calls, "talk_seconds", K::ColTalkSeconds, Kind::Count),
    branch(Sheet::Calls),
];

/// The rows of the Settings sheet, one per key the marketer sets (the machine's key fingerprint
/// is not shown here).
const SETTING_KEYS: [(SettingKey, Kind); 9] = [
    (SettingKey::Clinic, Kind::Text),
    (SettingKey::Currency, Kind::Text),
    (SettingKey::NpsScale, Kind::Scale),
    (SettingKey::WeekdayWeights, Kind::Weights),
    (SettingKey::Holidays, Kind::Days),
    (SettingKey::FixedCosts, Kind::Money),
    (SettingKey::DedupeDays, Kind::Count),
    (SettingKey::AttributionDays, Kind::Count),
    (SettingKey::AnswerRateTarget, Kind::Rate),
];

/// The row of the Settings sheet holding `key` (the template's key, e.g. `currency`).
pub fn setting_row(key: &str) -> Option<usize> {
    SETTING_KEYS.iter().position(|k| k.0.key() == key)
}

/// A cell's typed value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Blank.
    Empty,
    /// A number (money, rate as a fraction, count).
    Num(f64),
    /// Text (names, directions, channels).
    Text(String),
    /// A month.
    Month(Month),
    /// A day.
    Day(NaiveDate),
    /// An NPS period.
    Period(NpsPeriod),
    /// A budget tier.
    Tier(Tier),
    /// An NPS scale.
    Scale(NpsScale),
    /// Names (channel aliases).
    List(Vec<String>),
    /// Seven weekday weights.
    Weights([f64; 7]),
    /// A set of days.
    Days(BTreeSet<NaiveDate>),
}

/// One whole row of any sheet, kept by row deletions so that undo can put it back.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    /// A Directions row.
    Direction(Direction),
    /// A Channels row.
    Channel(Channel),
    /// A Plan row.
    Plan(PlanRow),
    /// A Budget row.
    Budget(BudgetRow),
    /// A Funnel row.
    Funnel(FunnelRow),
    /// A Revenue row.
    Revenue(RevenueRow),
    /// A Doctors row.
    Doctor(DoctorRow),
    /// An NPS row.
    Nps(NpsRow),
    /// A Calls row.
    Call(CallRow),
}

impl Row {
    /// The sheet this row belongs to.
    pub fn sheet(&self) -> Sheet {
        match self {
            Row::Direction(_) => Sheet::Directions,
            Row::Channel(_) => Sheet::Channels,
            Row::Plan(_) => Sheet::Plan,
            Row::Budget(_) => Sheet::Budget,
            Row::Funnel(_) => Sheet::Funnel,
            Row::Revenue(_) => Sheet::Revenue,
            Row::Doctor(_) => Sheet::Doctors,
            Row::Nps(_) => Sheet::Nps,
            Row::Call(_) => Sheet::Calls,
        }
    }
}

/// Number of rows of a sheet.
pub fn row_count(p: &Project, sheet: Sheet) -> usize {
    match sheet {
        Sheet::Settings => SETTING_KEYS.len(),
        Sheet::Directions => p.directions.len(),
        Sheet::Channels => p.channels.len(),
        Sheet::Plan => p.plan.len(),
        Sheet::Budget => p.budget.len(),
        Sheet::Funnel => p.funnel.len(),
        Sheet::Revenue => p.revenue.len(),
        Sheet::Doctors => p.doctors.len(),
        Sheet::Nps => p.nps.len(),
        Sheet::Calls => p.calls.len(),
    }
}

/// The kind of one cell (on Settings it depends on the row).
pub fn kind(sheet: Sheet, row: usize, col: usize) -> Kind {
    match sheet {
        Sheet::Settings if col == 1 => SETTING_KEYS.get(row).map_or(Kind::Text, |k| k.1),
        _ => sheet.grid_columns().get(col).map_or(Kind::Text, |c| c.kind),
    }
}

/// Whether a cell must hold a value.
pub fn is_required(sheet: Sheet, row: usize, col: usize) -> bool {
    match sheet {
        Sheet::Settings => {
            col == 0 || !matches!(SETTING_KEYS.get(row).map(|k| k.0), Some(SettingKey::Clinic | SettingKey::Holidays))
        }
        _ => sheet.grid_columns().get(col).is_some_and(|c| c.required),
    }
}

/// Whether a cell can be edited at all (the Settings keys cannot).
pub fn is_editable(sheet: Sheet, col: usize) -> bool {
    !(sheet == Sheet::Settings && col == 0)
}

fn num(x: Option<f64>) -> Value {
    x.map_or(Value::Empty, Value::Num)
}

fn opt_text<T: AsRef<str>>(x: &Option<T>) -> Value {
    x.as_ref().map_or(Value::Empty, |s| Value::Text(s.as_ref().to_string()))
}

/// The name of the Settings sheet's row `row` in the user's words (`None` past the last row).
pub fn setting_label(row: usize, lang: Lang) -> Option<&'static str> {
    let key = match SETTING_KEYS.get(row)?.0 {
        SettingKey::Clinic => K::SettingClinic,
        SettingKey::Currency => K::SettingCurrency,
        SettingKey::NpsScale => K::SettingNpsScale,
        SettingKey::WeekdayWeights => K::SettingWeekdayWeights,
        SettingKey::Holidays => K::SettingHolidays,
        SettingKey::FixedCosts => K::SettingFixedCosts,
        SettingKey::DedupeDays => K::SettingDedupeDays,
        SettingKey::AttributionDays => K::SettingAttributionDays,
        // Not rows of this grid (see SETTING_KEYS).
        SettingKey::AnswerRateTarget | SettingKey::KeyFingerprint => return None,
    };
    Some(tr(lang, key))
}

/// The value of a cell (`Empty` outside the sheet).
pub fn get(p: &Project, sheet: Sheet, row: usize, col: usize) -> Value {
    let missing = Value::Empty;
    match sheet {
        Sheet::Settings => {
            let Some((key, _)) = SETTING_KEYS.get(row) else { return missing };
            if col == 0 {
                return Value::Text(key.key().to_string());
            }
            let s = &p.settings;
            match key {
                SettingKey::Clinic if s.clinic.is_empty() => Value::Empty,
                SettingKey::Clinic => Value::Text(s.clinic.clone()),
                SettingKey::Currency => Value::Text(s.currency.clone()),
                SettingKey::NpsScale => Value::Scale(s.nps_scale),
                SettingKey::WeekdayWeights => Value::Weights(s.weekday_weights),
                SettingKey::Holidays => Value::Days(s.holidays.clone()),
                SettingKey::FixedCosts => Value::Num(s.fixed_costs),
                SettingKey::DedupeDays => Value::Num(s.dedupe_days.into()),
                SettingKey::AttributionDays => Value::Num(s.attribution_days.into()),
                SettingKey::AnswerRateTarget => Value::Num(s.answer_rate_target),
                // Not a row of this grid (see SETTING_KEYS).
                SettingKey::KeyFingerprint => missing,
            }
        }
        Sheet::Directions => p.directions.get(row).map_or(missing, |r| match col {
            0 => Value::Text(r.name.clone()),
            1 => Value::Num(r.margin),
            2 => num(r.visits_per_patient),
            _ => Value::Empty,
        }),
        Sheet::Channels => p.channels.get(row).map_or(missing, |r| match col {
            0 => Value::Text(r.name.clone()),
            1 => Value::Tier(r.tier),
            2 if r.kind.is_empty() => Value::Empty,
            2 => Value::Text(r.kind.clone()),
            3 if r.sources.is_empty() => Value::Empty,
            3 => Value::List(r.sources.clone()),
            _ => Value::Empty,
        }),
        Sheet::Plan => p.plan.get(row).map_or(missing, |r| match col {
            0 => Value::Month(r.month),
            1 => opt_text(&r.direction),
            2 => Value::Num(r.revenue_plan),
            3 => num(r.leads_plan),
            4 => num(r.booking_rate_plan),
            5 => num(r.show_rate_plan),
            6 => num(r.paid_rate_plan),
            7 => num(r.revenue_per_paid_plan),
            8 => opt_text(&r.branch),
            _ => Value::Empty,
        }),
        Sheet::Budget => p.budget.get(row).map_or(missing, |r| match col {
            0 => Value::Month(r.month),
            1 => Value::Text(r.channel.clone()),
            2 => num(r.budget_plan),
            3 => num(r.spend),
            4 => opt_text(&r.branch),
            _ => Value::Empty,
        }),
        Sheet::Funnel => p.funnel.get(row).map_or(missing, |r| match col {
            0 => Value::Month(r.month),
            1 => Value::Text(r.channel.to_string()),
            2 => opt_text(&r.direction),
            3 => num(r.leads),
            4 => num(r.bookings),
            5 => num(r.visits),
            6 => num(r.paid),
            7 => num(r.revenue),
            8 => num(r.returning_leads),
            9 => opt_text(&r.branch),
            _ => Value::Empty,
        }),
        Sheet::Revenue => p.revenue.get(row).map_or(missing, |r| match col {
            0 => Value::Day(r.date),
            1 => opt_text(&r.direction),
            2 => Value::Num(r.revenue),
            3 => num(r.checks),
            4 => num(r.new_patients),
            5 => num(r.repeat_patients),
            6 => opt_text(&r.branch),
            _ => Value::Empty,
        }),
        Sheet::Doctors => p.doctors.get(row).map_or(missing, |r| match col {
            0 => Value::Month(r.month),
            1 => Value::Text(r.doctor.clone()),
            2 => opt_text(&r.direction),
            3 => num(r.primary_patients),
            4 => num(r.repeat_patients),
            5 => num(r.revenue),
            6 => num(r.hours_available),
            7 => num(r.hours_booked),
            8 => num(r.recommended),
            9 => num(r.agreed),
            10 => num(r.performed),
            11 => opt_text(&r.branch),
            _ => Value::Empty,
        }),
        Sheet::Nps => p.nps.get(row).map_or(missing, |r| match col {
            0 => Value::Period(r.period),
            1 => opt_text(&r.direction),
            2 => Value::Num(r.score.into()),
            3 => Value::Num(r.count),
            4 => opt_text(&r.branch),
            _ => Value::Empty,
        }),
        Sheet::Calls => p.calls.get(row).map_or(missing, |r| match col {
            0 => Value::Month(r.month),
            1 => opt_text(&r.channel),
            2 => opt_text(&r.employee),
            3 => num(r.contacts),
            4 => num(r.answered),
            5 => num(r.lost),
            6 => num(r.callbacks_20m),
            7 => num(r.callbacks),
            8 => num(r.recalled),
            9 => num(r.calls_in),
            10 => num(r.wait_seconds),
            11 => num(r.talk_seconds),
            12 => opt_text(&r.branch),
            _ => Value::Empty,
        }),
    }
}

/// Why a value could not be stored: the caller passed a value of the wrong type or position.
/// Values built by [`parse`] never cause it; it guards undo data against a changed model.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cell {sheet:?} row {row} column {col} cannot hold this value")]
pub struct SetError {
    /// The sheet.
    pub sheet: Sheet,
    /// The row.
    pub row: usize,
    /// The column.
    pub col: usize,
}

fn set_opt_num(slot: &mut Option<f64>, v: Value) -> Option<()> {
    match v {
        Value::Empty => *slot = None,
        Value::Num(x) => *slot = Some(x),
        _ => return None,
    }
    Some(())
}

fn set_num(slot: &mut f64, v: Value) -> Option<()> {
    match v {
        Value::Num(x) => *slot = x,
        _ => return None,
    }
    Some(())
}

fn set_opt_text<T: From<String>>(slot: &mut Option<T>, v: Value) -> Option<()> {
    match v {
        Value::Empty => *slot = None,
        Value::Text(s) if s.trim().is_empty() => *slot = None,
        Value::Text(s) => *slot = Some(s.into()),
        _ => return None,
    }
    Some(())
}

fn set_text<T: From<String>>(slot: &mut T, v: Value) -> Option<()> {
    match v {
        Value::Text(s) => *slot = s.into(),
        Value::Empty => *slot = String::new().into(),
        _ => return None,
    }
    Some(())
}

fn set_month(slot: &mut Month, v: Value) -> Option<()> {
    match v {
        Value::Month(m) => *slot = m,
        _ => return None,
    }
    Some(())
}

/// Stores a value in a cell.
///
/// # Errors
/// [`SetError`] when the row does not exist or the value does not fit the column.
pub fn set(p: &mut Project, sheet: Sheet, row: usize, col: usize, v: Value) -> Result<(), SetError> {
    let err = SetError { sheet, row, col };
    let done: Option<()> = match sheet {
        Sheet::Settings => {
            let key = SETTING_KEYS.get(row).ok_or(err.clone())?.0;
            let s = &mut p.settings;
            match (key, v) {
                (SettingKey::Clinic, v) => set_text(&mut s.clinic, v),
                (SettingKey::Currency, Value::Text(t)) => {
                    s.currency = t;
                    Some(())
                }
                (SettingKey::NpsScale, Value::Scale(x)) => {
                    s.nps_scale = x;
                    Some(())
                }
                (SettingKey::WeekdayWeights, Value::Weights(w)) => {
                    s.weekday_weights = w;
                    Some(())
                }
                (SettingKey::Holidays, Value::Days(d)) => {
                    s.holidays = d;
                    Some(())
                }
                (SettingKey::Holidays, Value::Empty) => {
                    s.holidays.clear();
                    Some(())
                }
                (SettingKey::FixedCosts, v) => set_num(&mut s.fixed_costs, v),
                (SettingKey::DedupeDays, Value::Num(x)) if x >= 0.0 && x.fract() == 0.0 => {
                    s.dedupe_days = x as u32;
                    Some(())
                }
                (SettingKey::AttributionDays, Value::Num(x)) if x >= 0.0 && x.fract() == 0.0 => {
                    s.attribution_days = x as u32;
                    Some(())
                }
                (SettingKey::AnswerRateTarget, Value::Num(x)) if x > 0.0 && x <= 1.0 => {
                    s.answer_rate_target = x;
                    Some(())
                }
                _ => None,
            }
        }
        Sheet::Directions => {
            let r = p.directions.get_mut(row).ok_or(err.clone())?;
            match col {
                0 => set_text(&mut r.name, v),
                1 => set_num(&mut r.margin, v),
                2 => set_opt_num(&mut r.visits_per_patient, v),
                _ => None,
            }
        }
        Sheet::Channels => {
            let r = p.channels.get_mut(row).ok_or(err.clone())?;
            match (col, v) {
                (0, v) => set_text(&mut r.name, v),
                (1, Value::Tier(t)) => {
                    r.tier = t;
                    Some(())
                }
                (2, v) => set_text(&mut r.kind, v),
                (3, Value::List(l)) => {
                    r.sources = l;
                    Some(())
                }
                (3, Value::Empty) => {
                    r.sources.clear();
                    Some(())
                }
                _ => None,
            }
        }
        Sheet::Plan => {
            let r = p.plan.get_mut(row).ok_or(err.clone())?;
            match col {
                0 => set_month(&mut r.month, v),
                1 => set_opt_text(&mut r.direction, v),
                2 => set_num(&mut r.revenue_plan, v),
                3 => set_opt_num(&mut r.leads_plan, v),
                4 => set_opt_num(&mut r.booking_rate_plan, v),
                5 => set_opt_num(&mut r.show_rate_plan, v),
                6 => set_opt_num(&mut r.paid_rate_plan, v),
                7 => set_opt_num(&mut r.revenue_per_paid_plan, v),
                8 => set_opt_text(&mut r.branch, v),
                _ => None,
            }
        }
        Sheet::Budget => {
            let r = p.budget.get_mut(row).ok_or(err.clone())?;
            match col {
                0 => set_month(&mut r.month, v),
                1 => set_text(&mut r.channel, v),
                2 => set_opt_num(&mut r.budget_plan, v),
                3 => set_opt_num(&mut r.spend, v),
                4 => set_opt_text(&mut r.branch, v),
                _ => None,
            }
        }
        Sheet::Funnel => {
            let r = p.funnel.get_mut(row).ok_or(err.clone())?;
            match col {
                0 => set_month(&mut r.month, v),
                1 => set_text(&mut r.channel, v),
                2 => set_opt_text(&mut r.direction, v),
                3 => set_opt_num(&mut r.leads, v),
                4 => set_opt_num(&mut r.bookings, v),
                5 => set_opt_num(&mut r.visits, v),
                6 => set_opt_num(&mut r.paid, v),
                7 => set_opt_num(&mut r.revenue, v),
                8 => set_opt_num(&mut r.returning_leads, v),
                9 => set_opt_text(&mut r.branch, v),
                _ => None,
            }
        }
        Sheet::Revenue => {
            let r = p.revenue.get_mut(row).ok_or(err.clone())?;
            match (col, v) {
                (0, Value::Day(d)) => {
                    r.date = d;
                    Some(())
                }
                (1, v) => set_opt_text(&mut r.direction, v),
                (2, v) => set_num(&mut r.revenue, v),
                (3, v) => set_opt_num(&mut r.checks, v),
                (4, v) => set_opt_num(&mut r.new_patients, v),
                (5, v) => set_opt_num(&mut r.repeat_patients, v),
                (6, v) => set_opt_text(&mut r.branch, v),
                _ => None,
            }
        }
        Sheet::Doctors => {
            let r = p.doctors.get_mut(row).ok_or(err.clone())?;
            match col {
                0 => set_month(&mut r.month, v),
                1 => set_text(&mut r.doctor, v),
                2 => set_opt_text(&mut r.direction, v),
                3 => set_opt_num(&mut r.primary_patients, v),
                4 => set_opt_num(&mut r.repeat_patients, v),
                5 => set_opt_num(&mut r.revenue, v),
                6 => set_opt_num(&mut r.hours_available, v),
                7 => set_opt_num(&mut r.hours_booked, v),
                8 => set_opt_num(&mut r.recommended, v),
                9 => set_opt_num(&mut r.agreed, v),
                10 => set_opt_num(&mut r.performed, v),
                11 => set_opt_text(&mut r.branch, v),
                _ => None,
            }
        }
        Sheet::Nps => {
            let r = p.nps.get_mut(row).ok_or(err.clone())?;
            match (col, v) {
                (0, Value::Period(x)) => {
                    r.period = x;
                    Some(())
                }
                (1, v) => set_opt_text(&mut r.direction, v),
                (2, Value::Num(x)) if (0.0..=10.0).contains(&x) && x.fract() == 0.0 => {
                    r.score = x as u8;
                    Some(())
                }
                (3, v) => set_num(&mut r.count, v),
                (4, v) => set_opt_text(&mut r.branch, v),
                _ => None,
            }
        }
        Sheet::Calls => {
            let r = p.calls.get_mut(row).ok_or(err.clone())?;
            match col {
                0 => set_month(&mut r.month, v),
                1 => set_opt_text(&mut r.channel, v),
                2 => set_opt_text(&mut r.employee, v),
                3 => set_opt_num(&mut r.contacts, v),
                4 => set_opt_num(&mut r.answered, v),
                5 => set_opt_num(&mut r.lost, v),
                6 => set_opt_num(&mut r.callbacks_20m, v),
                7 => set_opt_num(&mut r.callbacks, v),
                8 => set_opt_num(&mut r.recalled, v),
                9 => set_opt_num(&mut r.calls_in, v),
                10 => set_opt_num(&mut r.wait_seconds, v),
                11 => set_opt_num(&mut r.talk_seconds, v),
                12 => set_opt_text(&mut r.branch, v),
                _ => None,
            }
        }
    };
    done.ok_or(err)
}

/// Removes `count` rows starting at `at` and returns them.
///
/// # Errors
/// [`SetError`] when the range is outside the sheet or the sheet has fixed rows.
pub fn take_rows(p: &mut Project, sheet: Sheet, at: usize, count: usize) -> Result<Vec<Row>, SetError> {
    let err = SetError { sheet, row: at, col: 0 };
    if at + count > row_count(p, sheet) {
        return Err(err);
    }
    let range = at..at + count;
    Ok(match sheet {
        Sheet::Settings => return Err(err),
        Sheet::Directions => p.directions.drain(range).map(Row::Direction).collect(),
        Sheet::Channels => p.channels.drain(range).map(Row::Channel).collect(),
        Sheet::Plan => p.plan.drain(range).map(Row::Plan).collect(),
        Sheet::Budget => p.budget.drain(range).map(Row::Budget).collect(),
        Sheet::Funnel => p.funnel.drain(range).map(Row::Funnel).collect(),
        Sheet::Revenue => p.revenue.drain(range).map(Row::Revenue).collect(),
        Sheet::Doctors => p.doctors.drain(range).map(Row::Doctor).collect(),
        Sheet::Nps => p.nps.drain(range).map(Row::Nps).collect(),
        Sheet::Calls => p.calls.drain(range).map(Row::Call).collect(),
    })
}

fn splice<T>(v: &mut Vec<T>, at: usize, items: Vec<T>) {
    v.splice(at..at, items);
}

/// Inserts rows at `at` (all of them of `sheet`).
///
/// # Errors
/// [`SetError`] when `at` is past the end or a row belongs to another sheet.
pub fn insert_rows(p: &mut Project, sheet: Sheet, at: usize, rows: Vec<Row>) -> Result<(), SetError> {
    let err = SetError { sheet, row: at, col: 0 };
    if at > row_count(p, sheet) || rows.iter().any(|r| r.sheet() != sheet) {
        return Err(err);
    }
    macro_rules! put {
        ($vec:expr, $variant:ident) => {
            splice(
                &mut $vec,
                at,
                rows.into_iter().filter_map(|r| if let Row::$variant(x) = r { Some(x) } else { None }).collect(),
            )
        };
    }
    match sheet {
        Sheet::Settings => return Err(err),
        Sheet::Directions => put!(p.directions, Direction),
        Sheet::Channels => put!(p.channels, Channel),
        Sheet::Plan => put!(p.plan, Plan),
        Sheet::Budget => put!(p.budget, Budget),
        Sheet::Funnel => put!(p.funnel, Funnel),
        Sheet::Revenue => put!(p.revenue, Revenue),
        Sheet::Doctors => put!(p.doctors, Doctor),
        Sheet::Nps => put!(p.nps, Nps),
        Sheet::Calls => put!(p.calls, Call),
    }
    Ok(())
}

/// Where a new row gets its month, day, channel and direction from: the row it is added after
/// (so that a block typed under March stays in March), else the filter, else this month.
#[derive(Clone, Debug, Default)]
pub struct RowDefaults {
    /// Month of the new row.
    pub month: Option<Month>,
    /// Direction of the new row.
    pub direction: Option<String>,
    /// Channel of the new row.
    pub channel: Option<String>,
    /// Branch of the new row (the branch filter's).
    pub branch: Option<String>,
}

/// A new row for `sheet`: required numbers 0, optional ones blank, keys from `defaults`.
/// Returns `None` for Settings, whose rows are fixed.
pub fn blank_row(p: &Project, sheet: Sheet, defaults: &RowDefaults) -> Option<Row> {
    let today = chrono::Local::now().date_naive();
    let month = defaults.month.unwrap_or_else(|| Month::of(today));
    let channel = defaults.channel.clone().or_else(|| p.channels.first().map(|c| c.name.clone())).unwrap_or_default();
    let direction = defaults.direction.clone();
    let branch = defaults.branch.clone();
    Some(match sheet {
        Sheet::Settings => return None,
        Sheet::Directions => Row::Direction(Direction { name: String::new(), margin: 0.0, visits_per_patient: None }),
        Sheet::Channels => Row::Channel(Channel::default()),
        Sheet::Plan => Row::Plan(PlanRow {
            branch: branch.clone(),
            month,
            direction,
            revenue_plan: 0.0,
            leads_plan: None,
            booking_rate_plan: None,
            show_rate_plan: None,
            paid_rate_plan: None,
            revenue_per_paid_plan: None,
        }),
        Sheet::Budget => {
            Row::Budget(BudgetRow { branch: branch.clone(), month, channel, budget_plan: None, spend: None })
        }
        Sheet::Funnel => Row::Funnel(FunnelRow {
            branch: branch.clone().map(Name::from),
            month,
            channel: channel.into(),
            direction: direction.map(Name::from),
            leads: None,
            bookings: None,
            visits: None,
            paid: None,
            revenue: None,
            returning_leads: None,
        }),
        Sheet::Revenue => Row::Revenue(RevenueRow {
            branch: branch.clone(),
            month_row: false,
            date: if Month::of(today) == month { today } else { month.first_day() },
            direction,
            revenue: 0.0,
            checks: None,
            new_patients: None,
            repeat_patients: None,
        }),
        Sheet::Doctors => Row::Doctor(DoctorRow {
            branch: branch.clone(),
            month,
            doctor: String::new(),
            direction,
            primary_patients: None,
            repeat_patients: None,
            revenue: None,
            hours_available: None,
            hours_booked: None,
            recommended: None,
            agreed: None,
            performed: None,
        }),
        Sheet::Nps => Row::Nps(NpsRow {
            branch: branch.clone(),
            period: NpsPeriod::Month(month),
            direction,
            score: 10,
            count: 0.0,
        }),
        Sheet::Calls => Row::Call(CallRow {
            branch,
            month,
            channel: defaults.channel.clone(),
            employee: None,
            contacts: None,
            answered: None,
            lost: None,
            callbacks_20m: None,
            callbacks: None,
            recalled: None,
            calls_in: None,
            wait_seconds: None,
            talk_seconds: None,
        }),
    })
}

/// The branch cell of a row (`None` on sheets without one, and for blank cells).
pub fn row_branch(p: &Project, sheet: Sheet, row: usize) -> Option<&str> {
    match sheet {
        Sheet::Plan => p.plan.get(row)?.branch.as_deref(),
        Sheet::Budget => p.budget.get(row)?.branch.as_deref(),
        Sheet::Funnel => p.funnel.get(row)?.branch.as_deref(),
        Sheet::Revenue => p.revenue.get(row)?.branch.as_deref(),
        Sheet::Doctors => p.doctors.get(row)?.branch.as_deref(),
        Sheet::Nps => p.nps.get(row)?.branch.as_deref(),
        Sheet::Calls => p.calls.get(row)?.branch.as_deref(),
        Sheet::Settings | Sheet::Directions | Sheet::Channels => None,
    }
}

/// The month a row belongs to (for the period filter), its direction and its channel.
pub fn row_keys(p: &Project, sheet: Sheet, row: usize) -> (Option<(Month, Month)>, Option<&str>, Option<&str>) {
    match sheet {
        Sheet::Plan => {
            p.plan.get(row).map_or((None, None, None), |r| (Some((r.month, r.month)), r.direction.as_deref(), None))
        }
        Sheet::Budget => {
            p.budget.get(row).map_or((None, None, None), |r| (Some((r.month, r.month)), None, Some(&r.channel)))
        }
        Sheet::Funnel => p
            .funnel
            .get(row)
            .map_or((None, None, None), |r| (Some((r.month, r.month)), r.direction.as_deref(), Some(&r.channel))),
        Sheet::Revenue => p.revenue.get(row).map_or((None, None, None), |r| {
            let m = Month::of(r.date);
            (Some((m, m)), r.direction.as_deref(), None)
        }),
        Sheet::Doctors => {
            p.doctors.get(row).map_or((None, None, None), |r| (Some((r.month, r.month)), r.direction.as_deref(), None))
        }
        Sheet::Nps => {
            p.nps.get(row).map_or((None, None, None), |r| (Some(r.period.months()), r.direction.as_deref(), None))
        }
        Sheet::Calls => {
            p.calls.get(row).map_or((None, None, None), |r| (Some((r.month, r.month)), None, r.channel.as_deref()))
        }
        Sheet::Directions => p.directions.get(row).map_or((None, None, None), |r| (None, Some(r.name.as_str()), None)),
        Sheet::Channels => p.channels.get(row).map_or((None, None, None), |r| (None, None, Some(r.name.as_str()))),
        Sheet::Settings => (None, None, None),
    }
}

/// The choices of a list column, as stored values with their labels.
pub fn choices(p: &Project, kind: Kind, lang: Lang) -> Vec<(Value, String)> {
    match kind {
        Kind::Tier => Tier::ALL.iter().map(|t| (Value::Tier(*t), tier_label(*t, lang).to_string())).collect(),
        Kind::Scale => [NpsScale::Standard, NpsScale::TenSmiles]
            .into_iter()
            .map(|s| (Value::Scale(s), scale_label(s, lang).to_string()))
            .collect(),
        Kind::Direction => std::iter::once((Value::Empty, tr(lang, K::WholeClinic).to_string()))
            .chain(p.directions.iter().map(|d| (Value::Text(d.name.clone()), d.name.clone())))
            .collect(),
        Kind::Channel => p.channels.iter().map(|c| (Value::Text(c.name.clone()), c.name.clone())).collect(),
        Kind::ChannelKind => ChannelKind::ALL
            .iter()
            .map(|k| (Value::Text(kind_label(*k, lang).to_string()), kind_label(*k, lang).to_string()))
            .collect(),
        _ => Vec::new(),
    }
}

/// A channel kind's word in the user's language (one the importer reads back as that kind).
pub fn kind_label(k: ChannelKind, lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => k.word_ru(),
        // The importer reads English and Russian words only: Chinese cells keep the key.
        Lang::En | Lang::Zh => k.key(),
    }
}

/// A tier's name in the user's language (the catalogue's word, which the grid reads back too).
pub fn tier_label(t: Tier, lang: Lang) -> &'static str {
    tr(lang, crate::i18n::tier(t))
}

fn scale_label(s: NpsScale, lang: Lang) -> &'static str {
    tr(
        lang,
        match s {
            NpsScale::Standard => K::NpsScaleStandard,
            NpsScale::TenSmiles => K::NpsScaleTenSmiles,
        },
    )
}

/// A value as the grid shows it: `1 234 567 ₽`, `62,5 %`, `март 2025`…
pub fn display(v: &Value, kind: Kind, loc: Locale) -> String {
    let lang = loc.lang;
    match v {
        Value::Empty => String::new(),
        Value::Num(x) => match kind {
            Kind::Money => format::money(Some(*x), loc),
            Kind::Rate => format::percent(Some(*x), lang),
            _ => format::count(Some(*x), lang),
        },
        Value::Text(s) => s.clone(),
        Value::Month(m) => month_label(*m, lang),
        Value::Day(d) => day_label(*d, lang),
        Value::Period(NpsPeriod::Year(y)) => y.to_string(),
        Value::Period(NpsPeriod::Month(m)) => month_label(*m, lang),
        Value::Tier(t) => tier_label(*t, lang).to_string(),
        Value::Scale(s) => scale_label(*s, lang).to_string(),
        Value::List(l) => l.join(", "),
        Value::Weights(w) => w.iter().map(|x| format::count(Some(*x), lang)).collect::<Vec<_>>().join(" "),
        Value::Days(d) => d.iter().map(|x| display(&Value::Day(*x), Kind::Day, loc)).collect::<Vec<_>>().join(", "),
    }
}

/// A value as it is copied to the clipboard: numbers without group separators, with the
/// language's decimal separator, so that Excel and LibreOffice in that locale read them as numbers.
pub fn copy_text(v: &Value, kind: Kind, loc: Locale) -> String {
    let lang = loc.lang;
    let plain = |x: f64| {
        // Rates × 100 pick up binary noise (7.000000000000001); small values are rounded to
        // 10 decimals, large ones are exact integers or close enough already.
        let x = if x.abs() < 1e6 { (x * 1e10).round() / 1e10 } else { x };
        let s = format!("{x}");
        if lang == Lang::Ru { s.replace('.', ",") } else { s }
    };
    match (v, kind) {
        (Value::Num(x), Kind::Rate) => format!("{}%", plain(x * 100.0)),
        (Value::Num(x), _) => plain(*x),
        (Value::Month(m), _) => m.to_string(),
        (Value::Period(p), _) => p.to_string(),
        (Value::Day(d), _) => day_label(*d, lang),
        (Value::Weights(w), _) => w.iter().map(|x| plain(*x)).collect::<Vec<_>>().join(" "),
        // Tabs and newlines inside a value would break the TSV block.
        (other, k) => display(other, k, loc).replace(['\t', '\n', '\r'], " "),
    }
}

/// Reads typed or pasted text into a value for a cell, or says in the user's language why not.
/// A blank text clears an optional cell and is refused in a required one.
pub fn parse(p: &Project, sheet: Sheet, row: usize, col: usize, text: &str, lang: Lang) -> Result<Value, String> {
    let kind = kind(sheet, row, col);
    let t = text.trim();
    let quoted = || format!("«{t}»");
    if t.is_empty() {
        return if is_required(sheet, row, col) { Err(tr(lang, K::ErrRequired).to_string()) } else { Ok(Value::Empty) };
    }
    let refuse = |k: K| Err(format!("{} {}", quoted(), tr(lang, k)));
    match kind {
        Kind::Money | Kind::Count => match parse::number(t) {
            Ok((x, false)) => Ok(Value::Num(x)),
            Ok((_, true)) | Err(_) => refuse(K::ErrNotNumber),
        },
        Kind::Rate => match parse::number(t) {
            Ok((x, true)) => Ok(Value::Num(x)),
            // "62,5" in a percent column means 62,5 %, as in a spreadsheet's percent cell;
            // a fraction up to 1 is already a rate.
            Ok((x, false)) if x.abs() > 1.0 => Ok(Value::Num(x / 100.0)),
            Ok((x, false)) => Ok(Value::Num(x)),
            Err(_) => refuse(K::ErrNotNumber),
        },
        Kind::Score => match parse::number(t) {
            Ok((x, false)) if x.fract() == 0.0 && x >= f64::from(p.settings.nps_scale.min_score()) && x <= 10.0 => {
                Ok(Value::Num(x))
            }
            _ => refuse(if p.settings.nps_scale == NpsScale::TenSmiles { K::ErrScore1 } else { K::ErrScore0 }),
        },
        Kind::Text => Ok(Value::Text(t.to_string())),
        Kind::List => {
            Ok(Value::List(t.split([',', ';']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()))
        }
        Kind::Month => parse::month(t).map(Value::Month).or_else(|_: ParseError| refuse(K::ErrNotMonth)),
        Kind::Day => parse::day(t).map(Value::Day).or_else(|_| refuse(K::ErrNotDay)),
        Kind::Period => parse::period(t).map(Value::Period).or_else(|_| refuse(K::ErrNotPeriod)),
        Kind::Weights => {
            let parts: Vec<&str> = t.split([' ', ';', '\u{a0}']).filter(|s| !s.is_empty()).collect();
            let nums: Option<Vec<f64>> = parts.iter().map(|s| parse::number(s).ok().map(|x| x.0)).collect();
            match nums {
                Some(v) if v.len() == 7 && v.iter().all(|x| *x >= 0.0) => {
                    Ok(Value::Weights([v[0], v[1], v[2], v[3], v[4], v[5], v[6]]))
                }
                _ => refuse(K::ErrWeights),
            }
        }
        Kind::Days => {
            let days: Result<BTreeSet<NaiveDate>, _> =
                t.split([',', ';', ' ']).filter(|s| !s.is_empty()).map(parse::day).collect();
            days.map(Value::Days).or_else(|_| refuse(K::ErrNotDay))
        }
        // A kind word of the contract is written in the user's language; any other word is kept as
        // typed (it counts as `other`, and the marketer may have a reason for it).
        Kind::ChannelKind => Ok(Value::Text(match ChannelKind::parse(t) {
            Some(k) => kind_label(k, lang).to_string(),
            None => {
                let wanted = normalize_key(t);
                let by_prefix: Vec<_> = ChannelKind::ALL
                    .iter()
                    .filter(|k| normalize_key(kind_label(**k, lang)).starts_with(&wanted))
                    .collect();
                match by_prefix.as_slice() {
                    [k] => kind_label(**k, lang).to_string(),
                    _ => t.trim().to_string(),
                }
            }
        })),
        Kind::Tier | Kind::Direction | Kind::Channel | Kind::Scale => {
            let options = choices(p, kind, lang);
            let wanted = normalize_key(t);
            let exact = options.iter().find(|(v, label)| {
                normalize_key(label) == wanted
                    || match v {
                        Value::Tier(x) => normalize_key(x.key()) == wanted || normalize_key(x.key_ru()) == wanted,
                        Value::Scale(x) => normalize_key(x.key()) == wanted,
                        _ => false,
                    }
            });
            // A unique prefix is enough: "пров" picks "проверенный".
            let by_prefix: Vec<_> =
                options.iter().filter(|(_, label)| normalize_key(label).starts_with(&wanted)).collect();
            match (exact, by_prefix.as_slice()) {
                (Some((v, _)), _) => Ok(v.clone()),
                (None, [(v, _)]) => Ok(v.clone()),
                _ => {
                    let list: Vec<&str> = options.iter().map(|(_, l)| l.as_str()).collect();
                    if list.is_empty() {
                        Err(format!("{} {}", quoted(), tr(lang, K::ErrNoChoices)))
                    } else {
                        Err(format!("{} {} {}", quoted(), tr(lang, K::ErrNotInList), list.join(", ")))
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> Project {
        let mut p = Project::new();
        p.directions.push(Direction { name: "Стоматология".into(), margin: 0.4, visits_per_patient: None });
        p.channels.push(Channel { name: "Яндекс Директ".into(), tier: Tier::Proven, ..Channel::default() });
        p
    }

    #[test]
    fn every_column_round_trips_through_get_and_set() {
        let mut p = project();
        for sheet in Sheet::ALL {
            if sheet.has_row_ops() {
                let row = blank_row(&p, sheet, &RowDefaults::default()).unwrap();
                let at = row_count(&p, sheet);
                insert_rows(&mut p, sheet, at, vec![row]).unwrap();
            }
            for c in 0..sheet.grid_columns().len() {
                let v = get(&p, sheet, 0, c);
                if is_editable(sheet, c) {
                    set(&mut p, sheet, 0, c, v.clone()).unwrap_or_else(|e| panic!("{e}: {v:?}"));
                }
                assert_eq!(get(&p, sheet, 0, c), v);
            }
        }
    }

    #[test]
    fn every_data_sheet_ends_with_an_editable_branch_column_and_new_rows_take_the_filters_branch() {
        let mut p = project();
        let defaults = RowDefaults { branch: Some("Юг".into()), ..RowDefaults::default() };
        for sheet in [Sheet::Plan, Sheet::Budget, Sheet::Funnel, Sheet::Revenue, Sheet::Doctors, Sheet::Nps] {
            let last = sheet.grid_columns().len() - 1;
            assert_eq!(sheet.grid_columns()[last].key, "branch");
            let row = blank_row(&p, sheet, &defaults).unwrap();
            insert_rows(&mut p, sheet, 0, vec![row]).unwrap();
            assert_eq!(row_branch(&p, sheet, 0), Some("Юг"));
            set(&mut p, sheet, 0, last, Value::Text("Север".into())).unwrap();
            assert_eq!(get(&p, sheet, 0, last), Value::Text("Север".into()));
            set(&mut p, sheet, 0, last, Value::Empty).unwrap();
            assert_eq!(row_branch(&p, sheet, 0), None);
        }
    }

    #[test]
    fn typed_values_are_read_or_refused_in_place() {
        let p = project();
        let plan = |c, t| parse(&p, Sheet::Plan, 0, c, t, Lang::Ru);
        assert_eq!(plan(2, "1 234 567,89 ₽"), Ok(Value::Num(1_234_567.89)));
        assert!(plan(2, "много").unwrap_err().contains("«много»"));
        assert!(plan(2, "").is_err(), "a required cell is not cleared");
        assert_eq!(plan(3, ""), Ok(Value::Empty));
        assert_eq!(plan(4, "62,5 %"), Ok(Value::Num(0.625)));
        assert_eq!(plan(4, "62,5"), Ok(Value::Num(0.625)));
        assert_eq!(plan(0, "янв 2025"), Ok(Value::Month(Month::new(2025, 1).unwrap())));
        assert_eq!(plan(1, "стомат"), Ok(Value::Text("Стоматология".into())));
        assert!(plan(1, "Хирургия").is_err());
        assert_eq!(parse(&p, Sheet::Channels, 0, 1, "Проверенный", Lang::Ru), Ok(Value::Tier(Tier::Proven)));
        // Kind: a synonym becomes the word of the user's language, a unique prefix is enough, any
        // other word stays as typed.
        let text = |t: &str| Ok(Value::Text(t.to_string()));
        assert_eq!(parse(&p, Sheet::Channels, 0, 2, "Сарафанное радио", Lang::Ru), text("рекомендации"));
        assert_eq!(parse(&p, Sheet::Channels, 0, 2, "ДМС", Lang::En), text("insurance"));
        assert_eq!(parse(&p, Sheet::Channels, 0, 2, "агр", Lang::Ru), text("агрегатор"));
        assert_eq!(parse(&p, Sheet::Channels, 0, 2, " Telegram ", Lang::Ru), text("Telegram"));
        assert_eq!(choices(&p, Kind::ChannelKind, Lang::En).len(), 8);
        assert_eq!(parse(&p, Sheet::Channels, 0, 1, "scaling", Lang::Ru), Ok(Value::Tier(Tier::Scaling)));
        assert!(parse(&p, Sheet::Channels, 0, 1, "важный", Lang::Ru).is_err());
        assert!(parse(&p, Sheet::Nps, 0, 2, "11", Lang::Ru).is_err());
    }

    #[test]
    fn numbers_show_and_copy_in_the_locale() {
        let v = Value::Num(1_234_567.89);
        assert_eq!(display(&v, Kind::Money, Locale::new(Lang::Ru, "RUB")), "1\u{a0}234\u{a0}568\u{a0}₽");
        assert_eq!(display(&Value::Num(0.625), Kind::Rate, Locale::new(Lang::Ru, "RUB")), "62,5\u{a0}%");
        assert_eq!(copy_text(&v, Kind::Money, Locale::new(Lang::Ru, "RUB")), "1234567,89");
        assert_eq!(copy_text(&Value::Num(0.625), Kind::Rate, Locale::new(Lang::En, "RUB")), "62.5%");
    }

    #[test]
    fn workbook_names_map_to_sheets() {
        assert_eq!(Sheet::from_sheet_name("План"), Some(Sheet::Plan));
        assert_eq!(Sheet::from_sheet_name(" funnel "), Some(Sheet::Funnel));
        assert_eq!(Sheet::Plan.column_from_header("revenue_plan (план выручки)"), Some(2));
        assert_eq!(Sheet::Budget.column_from_header("Расход"), Some(3));
    }

    #[test]
    fn the_grid_reads_the_importers_schema() {
        // The importer's other names and synonyms are the grid's too.
        assert_eq!(Sheet::from_sheet_name("Воронка продаж"), Some(Sheet::Funnel));
        assert_eq!(Sheet::Budget.column_from_header("Бюджет факт, руб."), Some(3));
        assert_eq!(Sheet::Doctors.column_from_header("ФИО врача"), Some(1));
        // The Calls sheet has a grid too, under the importer's names for it.
        assert_eq!(Sheet::from_sheet_name("Звонки"), Some(Sheet::Calls));
        assert_eq!(Sheet::from_sheet_name("Телефония"), Some(Sheet::Calls));
        assert_eq!(Sheet::Calls.column_from_header("Администратор"), Some(2));
        // The header the grid shows still names its column.
        assert_eq!(Sheet::Plan.column_from_header(tr(Lang::En, K::RevenuePlan)), Some(2));
        for sheet in Sheet::ALL {
            for c in sheet.grid_columns() {
                let schema = sheet.column(c.key).expect("every grid column is in the schema");
                // Only the Settings value may be left blank in the grid (the default applies).
                let blank_allowed = sheet == Sheet::Settings && c.key == "value";
                assert_eq!(c.required, schema.required && !blank_allowed, "{sheet:?} {}", c.key);
            }
        }
    }
}
