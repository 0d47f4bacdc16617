//! The typed data of one clinic project: the template workbook's sheets as plain serde structs.
//!
//! Nothing here computes a KPI (that is `metrics`) or knows about files (that is `import`/`report`).
//! Optional numbers are `Option<f64>` so that an empty cell stays empty through an edit and a save;
//! sums treat a missing value as 0, ratios treat a missing denominator as undefined.

mod kind;
mod month;
mod name;
mod sheet;
mod visits;

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use kind::{ChannelKind, kind_key};
pub use month::{Month, MonthParseError};
pub use name::Name;
pub use sheet::Sheet;
pub use visits::{PatientIds, Visits};

/// Version of the `.medfunnel` project file format written by this build: 1 was one JSON document,
/// 2 an SQLite database with one SQL row per patient visit, 3 the same database with the visits
/// packed column-wise in chunks, 4 with the Funnel and Revenue sheets packed in chunks too, 5 with
/// the sheets' chunks cut to 4,096 rows so that a cell edit is written fast (the version is its
/// `PRAGMA user_version`).
pub const FORMAT_VERSION: u32 = 5;

/// One clinic's data: everything the template workbook holds, plus patient-level visits when raw
/// MIS exports were joined in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    /// Project file format version ([`FORMAT_VERSION`] when written by this build).
    pub format_version: u32,
    /// The Settings sheet.
    pub settings: Settings,
    /// The Directions sheet: departments with their margins.
    pub directions: Vec<Direction>,
    /// The Channels sheet: where patients come from, with the budget tier.
    pub channels: Vec<Channel>,
    /// The Plan sheet.
    pub plan: Vec<PlanRow>,
    /// The Budget sheet: planned budget and actual spend per channel and month.
    pub budget: Vec<BudgetRow>,
    /// The Funnel sheet: leads → bookings → visits → paid per month, channel and direction.
    pub funnel: Vec<FunnelRow>,
    /// The Revenue sheet: the clinic's takings day by day.
    pub revenue: Vec<RevenueRow>,
    /// The Doctors sheet.
    pub doctors: Vec<DoctorRow>,
    /// The NPS sheet.
    pub nps: Vec<NpsRow>,
    /// Patient-level visits from an MIS export (patients only as keyed hashes), `None` when no
    /// visits were imported. Cohorts and the first-year LTV are computed from these.
    pub visits: Option<Visits>,
    /// Named what-if scenarios the user saved (levers changed by percentages).
    pub scenarios: Vec<Scenario>,
    /// The Calls sheet: contacts and their outcomes per month, channel and employee.
    pub calls: Vec<CallRow>,
    /// The contacts of an imported call journal (patients only as keyed hashes), `None` when no
    /// journal was imported. The answer rate by hour of day and weekday is drawn from these.
    pub contacts: Option<Vec<ContactRecord>>,
    /// Set only on a one-branch view of a chain (`metrics::branches::branch_view`): which branch it
    /// is and the chain's as-of facts, since month states are always the whole chain's. Never saved.
    #[serde(skip)]
    pub branch_scope: Option<BranchScope>,
}

/// A branch cell when it names a branch, trimmed; `None` when it is blank (the whole chain). No
/// copy: it runs once per row of sheets with tens of thousands of rows.
pub fn named_branch(cell: Option<&str>) -> Option<&str> {
    cell.map(str::trim).filter(|t| !t.is_empty())
}

/// How branch names are compared (domain.md, "Branches"): trimmed and case-insensitively. A blank
/// name is no branch (the whole chain).
pub fn branch_key(name: Option<&str>) -> Option<String> {
    named_branch(name).map(str::to_lowercase)
}

/// Whether two branch cells name the same branch (both blank counts as the same: the chain).
pub fn same_branch(a: Option<&str>, b: Option<&str>) -> bool {
    match (named_branch(a), named_branch(b)) {
        (None, None) => true,
        (Some(x), Some(y)) => x == y || x.to_lowercase() == y.to_lowercase(),
        _ => false,
    }
}

/// What a one-branch view of a chain remembers of the chain (domain.md, "Branches").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BranchScope {
    /// The branch, as first written in the data.
    pub branch: String,
    /// The chain's as-of day D.
    pub as_of: Option<NaiveDate>,
    /// The chain's months with a Revenue month row (complete whatever D says).
    pub month_rows: BTreeSet<Month>,
}

impl Project {
    /// An empty project in the current format, with default settings.
    pub fn new() -> Self {
        Self { format_version: FORMAT_VERSION, ..Self::default() }
    }

    /// The direction named `name` (exact match, as stored), if it is on the Directions sheet.
    pub fn direction(&self, name: &str) -> Option<&Direction> {
        self.directions.iter().find(|d| d.name == name)
    }

    /// The channel named `name` (exact match, as stored), if it is on the Channels sheet.
    pub fn channel(&self, name: &str) -> Option<&Channel> {
        self.channels.iter().find(|c| c.name == name)
    }

    /// Every branch cell of every sheet and call journal (blank ones included), and the imported
    /// visits' branch cells once per text ([`Visits::branch_cells`]: a million visits name a few).
    pub fn branch_cells(&self) -> impl Iterator<Item = Option<&str>> {
        self.branch_cells_with(&self.funnel)
    }

    /// [`Project::branch_cells`] with `funnel` standing for the Funnel sheet (its bucket sums, which
    /// name the same branches in a fraction of the rows).
    pub fn branch_cells_with<'a>(&'a self, funnel: &'a [FunnelRow]) -> impl Iterator<Item = Option<&'a str>> {
        self.plan
            .iter()
            .map(|r| r.branch.as_deref())
            .chain(self.budget.iter().map(|r| r.branch.as_deref()))
            .chain(funnel.iter().map(|r| r.branch.as_deref()))
            .chain(self.revenue.iter().map(|r| r.branch.as_deref()))
            .chain(self.doctors.iter().map(|r| r.branch.as_deref()))
            .chain(self.nps.iter().map(|r| r.branch.as_deref()))
            .chain(self.calls.iter().map(|r| r.branch.as_deref()))
            .chain(self.visits.iter().flat_map(|v| v.branch_cells()).map(|b| Some(&**b)))
            .chain(self.contacts.iter().flatten().map(|r| r.branch.as_deref()))
    }

    /// Whether any row names a branch: the project is a chain.
    pub fn has_branches(&self) -> bool {
        self.branch_cells().any(|c| branch_key(c).is_some())
    }
}

/// The Settings sheet (key/value pairs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The clinic's name, shown in titles and the report.
    pub clinic: String,
    /// Currency code of every money figure (default `RUB`).
    pub currency: String,
    /// How NPS scores are read.
    pub nps_scale: NpsScale,
    /// Relative revenue weight of each weekday, Monday first.
    pub weekday_weights: [f64; 7],
    /// Days with weight 0 whatever their weekday.
    pub holidays: BTreeSet<NaiveDate>,
    /// Fixed costs per month, used by the levers' profit.
    pub fixed_costs: f64,
    /// A lead from the same phone within this many days of a counted one is a duplicate.
    pub dedupe_days: u32,
    /// A visit belongs to a lead created at most this many days before it.
    pub attribution_days: u32,
    /// Fingerprint of the machine key the patients were hashed with (empty until raw exports are
    /// joined). The key itself lives outside the project, in the user's app-data folder, so the
    /// file alone cannot be reversed by trying every phone number.
    pub key_fingerprint: String,
    /// The answer rate the administrators aim at (Settings `answer_rate_target`, default 0.9).
    pub answer_rate_target: f64,
}

/// Default weekday weights: full weekdays, half Saturday, closed Sunday.
pub const DEFAULT_WEEKDAY_WEIGHTS: [f64; 7] = [1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.0];

impl Default for Settings {
    fn default() -> Self {
        Self {
            clinic: String::new(),
            currency: "RUB".to_string(),
            nps_scale: NpsScale::Standard,
            weekday_weights: DEFAULT_WEEKDAY_WEIGHTS,
            holidays: BTreeSet::new(),
            fixed_costs: 0.0,
            dedupe_days: 30,
            attribution_days: 30,
            key_fingerprint: String::new(),
            answer_rate_target: 0.9,
        }
    }
}

/// How NPS answers are scored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NpsScale {
    /// 0..10: detractors 0–6, passives 7–8, promoters 9–10.
    #[default]
    Standard,
    /// Ten faces 1..10: detractors 1–5, passives 6–8, promoters 9–10; 0 is invalid.
    TenSmiles,
}

impl NpsScale {
    /// The lowest valid score on this scale.
    pub fn min_score(self) -> u8 {
        match self {
            NpsScale::Standard => 0,
            NpsScale::TenSmiles => 1,
        }
    }

    /// The group a valid score falls into.
    pub fn group(self, score: u8) -> NpsGroup {
        let detractor_max = match self {
            NpsScale::Standard => 6,
            NpsScale::TenSmiles => 5,
        };
        match score {
            s if s <= detractor_max => NpsGroup::Detractor,
            s if s <= 8 => NpsGroup::Passive,
            _ => NpsGroup::Promoter,
        }
    }

    /// The name used on the Settings sheet.
    pub fn key(self) -> &'static str {
        match self {
            NpsScale::Standard => "standard",
            NpsScale::TenSmiles => "ten_smiles",
        }
    }
}

/// NPS answer groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NpsGroup {
    /// Would not recommend.
    Detractor,
    /// Neutral.
    Passive,
    /// Would recommend.
    Promoter,
}

/// A department / service line with its own margin.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Direction {
    /// Name as written on the Directions sheet.
    pub name: String,
    /// Gross margin, 0..1.
    pub margin: f64,
    /// Visits one new patient makes over their life, when the clinic knows it.
    pub visits_per_patient: Option<f64>,
}

/// Budget tier of a channel (the 80 / 15 / 5 % rule).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Channels that have proven themselves: ~80 % of the budget.
    Proven,
    /// Channels being scaled up: ~15 %.
    Scaling,
    /// Experiments: ~5 %.
    #[default]
    Experiment,
}

impl Tier {
    /// All tiers, in budget order.
    pub const ALL: [Tier; 3] = [Tier::Proven, Tier::Scaling, Tier::Experiment];

    /// The reference share of the budget (0.80 / 0.15 / 0.05).
    pub fn reference_share(self) -> f64 {
        match self {
            Tier::Proven => 0.80,
            Tier::Scaling => 0.15,
            Tier::Experiment => 0.05,
        }
    }

    /// The English key used in JSON and on the Channels sheet.
    pub fn key(self) -> &'static str {
        match self {
            Tier::Proven => "proven",
            Tier::Scaling => "scaling",
            Tier::Experiment => "experiment",
        }
    }

    /// The Russian name used on the Channels sheet.
    pub fn key_ru(self) -> &'static str {
        match self {
            Tier::Proven => "проверенный",
            Tier::Scaling => "масштабирование",
            Tier::Experiment => "эксперимент",
        }
    }
}

/// A channel patients come from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Channel {
    /// Name as written on the Channels sheet.
    pub name: String,
    /// Budget tier.
    pub tier: Tier,
    /// Kind as written (see [`ChannelKind`]: a known word counts by its key, any other as `other`).
    pub kind: String,
    /// Other names of this channel in raw exports (`utm_source`, CRM source names).
    pub sources: Vec<String>,
}

/// A row of the Plan sheet: the month's plan for the whole clinic (no direction) or a direction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanRow {
    /// The planned month.
    pub month: Month,
    /// `None` for the whole clinic.
    pub direction: Option<String>,
    /// Planned revenue.
    pub revenue_plan: f64,
    /// Planned leads.
    pub leads_plan: Option<f64>,
    /// Planned bookings / leads.
    pub booking_rate_plan: Option<f64>,
    /// Planned visits / bookings.
    pub show_rate_plan: Option<f64>,
    /// Planned paid / visits.
    pub paid_rate_plan: Option<f64>,
    /// Planned attributed revenue per paying new patient.
    pub revenue_per_paid_plan: Option<f64>,
    /// Branch (филиал) of a chain; `None` = the whole chain (a blank cell).
    #[serde(default)]
    pub branch: Option<String>,
}

/// A row of the Budget sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BudgetRow {
    /// The month.
    pub month: Month,
    /// Channel name.
    pub channel: String,
    /// Planned budget.
    pub budget_plan: Option<f64>,
    /// Money actually spent.
    pub spend: Option<f64>,
    /// Branch (филиал) of a chain; `None` = the whole chain (a blank cell).
    #[serde(default)]
    pub branch: Option<String>,
}

/// A row of the Funnel sheet: one month, channel and (optional) direction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FunnelRow {
    /// The month.
    pub month: Month,
    /// Channel name.
    pub channel: Name,
    /// Direction name, `None` when blank.
    pub direction: Option<Name>,
    /// Leads (calls, forms, chats).
    pub leads: Option<f64>,
    /// Appointments made.
    pub bookings: Option<f64>,
    /// New patients who came.
    pub visits: Option<f64>,
    /// New patients who paid.
    pub paid: Option<f64>,
    /// Revenue from those new patients.
    pub revenue: Option<f64>,
    /// Leads from patients who had already visited (raw exports only).
    pub returning_leads: Option<f64>,
    /// Branch (филиал) of a chain; `None` = the whole chain (a blank cell).
    #[serde(default)]
    pub branch: Option<Name>,
}

/// A row of the Revenue sheet: one day's takings (of one direction, or unassigned).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RevenueRow {
    /// The day.
    pub date: NaiveDate,
    /// Direction name, `None` when blank.
    pub direction: Option<String>,
    /// All the takings of that day (new and returning patients).
    pub revenue: f64,
    /// Paid receipts.
    pub checks: Option<f64>,
    /// New (primary) patients.
    pub new_patients: Option<f64>,
    /// Repeat patients.
    pub repeat_patients: Option<f64>,
    /// The row is a whole month's takings (`date` is then the month's 1st): the month is complete.
    #[serde(default)]
    pub month_row: bool,
    /// Branch (филиал) of a chain; `None` = the whole chain (a blank cell).
    #[serde(default)]
    pub branch: Option<String>,
}

/// A row of the Doctors sheet: one doctor in one month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DoctorRow {
    /// The month.
    pub month: Month,
    /// Doctor's name (staff, not a patient).
    pub doctor: String,
    /// Direction name, `None` when blank.
    pub direction: Option<String>,
    /// First-visit patients.
    pub primary_patients: Option<f64>,
    /// Patients who came again.
    pub repeat_patients: Option<f64>,
    /// Revenue of the doctor's visits.
    pub revenue: Option<f64>,
    /// Working hours in the schedule.
    pub hours_available: Option<f64>,
    /// Hours booked with patients.
    pub hours_booked: Option<f64>,
    /// Procedures recommended in treatment plans.
    pub recommended: Option<f64>,
    /// Procedures patients agreed to.
    pub agreed: Option<f64>,
    /// Procedures performed.
    pub performed: Option<f64>,
    /// Branch (филиал) of a chain; `None` = the whole chain (a blank cell).
    #[serde(default)]
    pub branch: Option<String>,
}

/// The period of an NPS row: a whole year or one month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum NpsPeriod {
    /// `YYYY`.
    Year(i32),
    /// `YYYY-MM`.
    Month(Month),
}

impl NpsPeriod {
    /// The first and last month the period covers.
    pub fn months(self) -> (Month, Month) {
        match self {
            NpsPeriod::Year(y) => (Month { year: y, month: 1 }, Month { year: y, month: 12 }),
            NpsPeriod::Month(m) => (m, m),
        }
    }
}

impl std::fmt::Display for NpsPeriod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NpsPeriod::Year(y) => write!(f, "{y:04}"),
            NpsPeriod::Month(m) => write!(f, "{m}"),
        }
    }
}

impl From<NpsPeriod> for String {
    fn from(p: NpsPeriod) -> String {
        p.to_string()
    }
}

impl TryFrom<String> for NpsPeriod {
    type Error = MonthParseError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        let t = s.trim();
        if let Some(y) = t.parse::<i32>().ok().filter(|_| t.len() == 4) {
            return Ok(NpsPeriod::Year(y));
        }
        t.parse().map(NpsPeriod::Month)
    }
}

/// A row of the NPS sheet: how many answers gave one score in one period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NpsRow {
    /// The survey period.
    pub period: NpsPeriod,
    /// Direction name, `None` when blank.
    pub direction: Option<String>,
    /// The score, valid on the project's scale.
    pub score: u8,
    /// Number of answers with that score.
    pub count: f64,
    /// Branch (филиал) of a chain; `None` = the whole chain (a blank cell).
    #[serde(default)]
    pub branch: Option<String>,
}

/// One visit from an MIS export. The patient is a keyed hash of the phone, never the phone.
///
/// A project holds a million of these: the texts are shared ([`Interner`]), so a visit costs a
/// few pointers rather than four heap strings (a patient's 64-character key is stored once, not
/// once per visit).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VisitRecord {
    /// Day of the visit.
    pub date: NaiveDate,
    /// Salted hash of the normalised phone; `None` when the phone gave no identity.
    pub patient: Option<Arc<str>>,
    /// Direction (department) of the visit.
    pub direction: Option<Arc<str>>,
    /// Doctor's name.
    pub doctor: Option<Arc<str>>,
    /// Money paid at the visit.
    pub amount: f64,
    /// Branch (филиал) of the visit, `None` = not said.
    #[serde(default)]
    pub branch: Option<Arc<str>>,
}

/// One shared copy of each distinct text: the many visits (or leads) naming the same direction,
/// doctor, branch or patient point at one allocation.
#[derive(Debug, Default)]
pub struct Interner {
    texts: std::collections::HashSet<Arc<str>, rustc_hash::FxBuildHasher>,
}

impl Interner {
    /// A new, empty interner.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty interner with room for `n` texts (a chunk of visits' patients: no rehash on the way).
    pub fn with_capacity(n: usize) -> Self {
        Self { texts: std::collections::HashSet::with_capacity_and_hasher(n, Default::default()) }
    }

    /// The shared copy of `text` (made on its first sight).
    pub fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(t) = self.texts.get(text) {
            return Arc::clone(t);
        }
        let t: Arc<str> = Arc::from(text);
        self.texts.insert(Arc::clone(&t));
        t
    }
}

/// A row of the Calls sheet: one month, channel and employee (typed by hand or built from a call
/// journal). Counts are of contacts (one caller's incoming calls on one day) unless named calls.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallRow {
    /// The month of the contacts.
    pub month: Month,
    /// Channel of the contacts' first call, `None` when the source is unknown.
    pub channel: Option<String>,
    /// Employee who answered, `None` for contacts nobody answered.
    pub employee: Option<String>,
    /// Contacts (обращения).
    pub contacts: Option<f64>,
    /// Contacts answered.
    pub answered: Option<f64>,
    /// Missed contacts nobody recovered within 24 hours.
    pub lost: Option<f64>,
    /// Missed contacts called back (answered) within 20 minutes.
    pub callbacks_20m: Option<f64>,
    /// Missed contacts called back later within 24 hours.
    pub callbacks: Option<f64>,
    /// Missed contacts whose patient called again on a later day within 24 hours and was answered.
    pub recalled: Option<f64>,
    /// Incoming calls of those contacts.
    pub calls_in: Option<f64>,
    /// Sum of waits over the answered incoming calls, in seconds.
    pub wait_seconds: Option<f64>,
    /// Sum of talk time over the answered incoming calls, in seconds.
    pub talk_seconds: Option<f64>,
    /// Branch (филиал) of a chain; `None` = the whole chain.
    pub branch: Option<String>,
}

/// What became of a contact (the classification of missed contacts in domain.md, "Calls").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactOutcome {
    /// One of its incoming calls was answered.
    #[default]
    Answered,
    /// Missed, then an answered outgoing call to the patient within 20 minutes.
    Callback20m,
    /// Missed, then an answered outgoing call within 24 hours.
    Callback,
    /// Missed, then the patient called again on a later day within 24 hours and was answered.
    Recalled,
    /// Missed and not recovered within 24 hours.
    Lost,
}

/// One contact of an imported call journal. The patient is a keyed hash of the phone, never the phone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactRecord {
    /// Start of the contact's first call.
    pub time: chrono::NaiveDateTime,
    /// Keyed hash of the patient's phone (one shared copy per patient).
    pub patient: Arc<str>,
    /// Channel of the first call, `None` when unknown (one shared copy per channel).
    pub channel: Option<Arc<str>>,
    /// Employee of the first answered call (one shared copy per name).
    pub employee: Option<Arc<str>>,
    /// What became of it.
    pub outcome: ContactOutcome,
    /// Branch of a chain, `None` = the whole chain.
    #[serde(default)]
    pub branch: Option<Arc<str>>,
}

/// A lever of the funnel (or of LTV) that a scenario can change. The five funnel levers are the
/// factors of attributed revenue; `avg_check` and `visits_per_patient` only move LTV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lever {
    /// Leads (costs ad money).
    Leads,
    /// bookings / leads.
    BookingRate,
    /// visits / bookings.
    ShowRate,
    /// paid / visits.
    PaidRate,
    /// attributed revenue / paid.
    RevenuePerPaid,
    /// revenue / checks (moves LTV only).
    AvgCheck,
    /// Visits one new patient makes over their life (moves LTV only).
    VisitsPerPatient,
}

/// One lever changed by a relative amount (0.1 = +10 %), for the whole clinic or one channel or
/// direction (at most one of the two is set).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverChange {
    /// The lever.
    pub lever: Lever,
    /// Relative change: the lever is multiplied by 1 + change.
    pub change: f64,
    /// Only this channel, when set.
    #[serde(default)]
    pub channel: Option<String>,
    /// Only this direction, when set.
    #[serde(default)]
    pub direction: Option<String>,
}

/// A named what-if scenario saved in the project.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// The name the user gave it.
    pub name: String,
    /// The lever changes, applied together.
    pub changes: Vec<LeverChange>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nps_groups_on_both_scales() {
        let s = NpsScale::Standard;
        assert_eq!(s.group(0), NpsGroup::Detractor);
        assert_eq!(s.group(6), NpsGroup::Detractor);
        assert_eq!(s.group(7), NpsGroup::Passive);
        assert_eq!(s.group(8), NpsGroup::Passive);
        assert_eq!(s.group(9), NpsGroup::Promoter);
        let t = NpsScale::TenSmiles;
        assert_eq!(t.min_score(), 1);
        assert_eq!(t.group(5), NpsGroup::Detractor);
        assert_eq!(t.group(6), NpsGroup::Passive);
        assert_eq!(t.group(8), NpsGroup::Passive);
        assert_eq!(t.group(10), NpsGroup::Promoter);
    }

    #[test]
    fn nps_period_text() {
        let y = NpsPeriod::try_from("2025".to_string()).unwrap();
        assert_eq!(y.to_string(), "2025");
        assert_eq!(y.months().1, Month::new(2025, 12).unwrap());
        let m = NpsPeriod::try_from("2025-03".to_string()).unwrap();
        assert_eq!(String::from(m), "2025-03");
    }

    #[test]
    fn project_round_trips_through_json() {
        let mut p = Project::new();
        p.directions.push(Direction { name: "Стоматология".into(), margin: 0.4, visits_per_patient: None });
        p.plan.push(PlanRow {
            branch: None,
            month: Month::new(2025, 1).unwrap(),
            direction: None,
            revenue_plan: 1e6,
            leads_plan: Some(300.0),
            booking_rate_plan: None,
            show_rate_plan: None,
            paid_rate_plan: None,
            revenue_per_paid_plan: None,
        });
        let text = serde_json::to_string(&p).unwrap();
        let back: Project = serde_json::from_str(&text).unwrap();
        assert_eq!(p, back);
    }
}
