//! Pure functions from the model to every KPI of domain.md: months, total, channels, directions,
//! doctors, NPS, cohorts and revenue gaps. [`compute`] is the one entry point; its result
//! serialises to the JSON of `medfunnel kpi --json`. [`compute_with_sums`] gives the same from
//! the big sheets' sums ([`SheetSums`]), which the app keeps up to date edit by edit.

pub mod aarrr;
pub mod asof;
pub mod branches;
pub mod buckets;
mod budget;
pub mod calendar;
pub mod calls;
pub mod cohorts;
pub mod figure;
pub mod gap;
mod num;
pub mod references;
mod revenue;
pub mod sheets;
mod visit_ltv;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{ChannelKind, Month, NpsGroup, NpsPeriod, Project, Tier, kind_key};
pub use aarrr::Aarrr;
pub use asof::{AsOf, MonthState};
pub use branches::BranchKpis;
use budget::{BudgetCell, BudgetSums};
pub use calendar::{MonthCalendar, Progress};
pub use calls::EmployeeKpis;
pub use cohorts::Cohort;
pub use gap::{Factor, Gap, Owner};
use num::{Guard, Interner, sub};
use revenue::RevenueSums;
pub use sheets::SheetSums;
use visit_ltv::{VisitLtv, VisitMemo};

/// Which rows the metrics look at. The period bounds are inclusive; `None` leaves a side open.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// First month kept.
    pub from: Option<Month>,
    /// Last month kept.
    pub to: Option<Month>,
    /// Keep only rows of this direction (spend is then the direction's allocated spend).
    pub direction: Option<String>,
    /// Keep only rows of this channel (spend, budget and funnel rows).
    pub channel: Option<String>,
    /// Keep only rows of this branch, plus its share of the chain's shared spend.
    pub branch: Option<String>,
}

impl Filter {
    /// Whether `m` is inside the period.
    pub fn has_month(&self, m: Month) -> bool {
        self.from.is_none_or(|f| m >= f) && self.to.is_none_or(|t| m <= t)
    }

    fn has_direction(&self, d: Option<&str>) -> bool {
        self.direction.as_deref().is_none_or(|f| d == Some(f))
    }

    fn has_channel(&self, c: &str) -> bool {
        self.channel.as_deref().is_none_or(|f| c == f)
    }

    /// Whether an NPS period overlaps the filter's range.
    fn has_period(&self, p: NpsPeriod) -> bool {
        let (first, last) = p.months();
        self.from.is_none_or(|f| last >= f) && self.to.is_none_or(|t| first <= t)
    }
}

/// KPIs of one month (or, in [`Totals`], of the whole period).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonthKpis {
    /// The month.
    pub month: Month,
    /// Sum of whole-clinic plan rows, or of direction rows where the month has no whole-clinic row.
    pub revenue_plan: Option<f64>,
    /// Sum of Revenue rows.
    pub revenue: Option<f64>,
    /// revenue / revenue_plan.
    pub plan_completion: Option<f64>,
    /// Sum of Budget.budget_plan.
    pub budget_plan: Option<f64>,
    /// Sum of Budget.spend.
    pub spend: Option<f64>,
    /// spend / budget_plan.
    pub budget_execution: Option<f64>,
    /// spend / revenue.
    pub marketing_share: Option<f64>,
    /// Sum of Funnel.leads.
    pub leads: Option<f64>,
    /// Sum of Funnel.bookings.
    pub bookings: Option<f64>,
    /// Sum of Funnel.visits.
    pub visits: Option<f64>,
    /// Sum of Funnel.paid.
    pub paid: Option<f64>,
    /// Sum of Funnel.revenue.
    pub attributed_revenue: Option<f64>,
    /// bookings / leads.
    pub booking_rate: Option<f64>,
    /// visits / bookings.
    pub show_rate: Option<f64>,
    /// paid / visits.
    pub paid_rate: Option<f64>,
    /// spend / leads.
    pub cpl: Option<f64>,
    /// spend / visits.
    pub cac: Option<f64>,
    /// attributed_revenue / paid.
    pub revenue_per_paid: Option<f64>,
    /// revenue / checks.
    pub avg_check: Option<f64>,
    /// Σ Revenue.revenue × margin(direction).
    pub gross_profit: Option<f64>,
    /// Σ Funnel.revenue × margin(direction).
    pub attributed_gross_profit: Option<f64>,
    /// attributed_revenue / spend.
    pub roas: Option<f64>,
    /// (attributed_gross_profit − spend) / spend.
    pub romi: Option<f64>,
    /// Forecast of the month in progress (`None` for complete months).
    pub forecast: Option<f64>,
    /// What one full-weight day must bring from now on to make the plan (month in progress only).
    pub required_pace: Option<f64>,
    /// The plan fallen due by the as-of day (see [`asof`]).
    pub plan_to_date: Option<f64>,
    /// revenue / plan_to_date.
    pub completion_to_date: Option<f64>,
    /// Sum of the Calls sheet's contacts.
    pub contacts: Option<f64>,
    /// Contacts answered.
    pub answered: Option<f64>,
    /// answered / contacts.
    pub answer_rate: Option<f64>,
    /// Missed contacts nobody recovered.
    pub lost: Option<f64>,
    /// lost / contacts.
    pub lost_rate: Option<f64>,
    /// callbacks_20m / missed.
    pub callback_20m_rate: Option<f64>,
    /// wait_seconds / answered.
    pub avg_wait: Option<f64>,
    /// leads / contacts.
    pub lead_per_contact: Option<f64>,
    /// Money left on the phone: lost × min(1, lead_per_contact) × revenue_per_lead.
    pub lost_revenue: Option<f64>,
    /// Σ repeat_patients / Σ (new_patients + repeat_patients) of the Revenue sheet.
    pub repeat_share: Option<f64>,
    /// Visits from referral channels / all visits.
    pub referral_share: Option<f64>,
    /// Complete, in progress or future against the as-of day (`None` without one; left out of `total`).
    pub state: Option<MonthState>,
}

/// Share of spend per budget tier.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TierShare {
    /// Proven channels' share of spend (reference 0.80).
    pub proven: Option<f64>,
    /// Scaling channels' share (reference 0.15).
    pub scaling: Option<f64>,
    /// Experiments' share (reference 0.05).
    pub experiment: Option<f64>,
}

/// KPIs over the whole period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Totals {
    /// The month fields over the whole period (`month` and `forecast` left out of the JSON;
    /// `required_pace` stays, always null, since only a month in progress has one).
    #[serde(flatten, serialize_with = "serialize_totals")]
    pub kpis: MonthKpis,
    /// Share of spend per tier.
    pub tier_share: TierShare,
    /// The clinic's LTV: the directions' LTVs weighted by their new patients (Funnel visits).
    pub ltv: Option<f64>,
    /// The clinic's ltv / total cac: the one "LTV:CAC" of the clinic on every surface.
    pub ltv_to_cac: Option<f64>,
    /// The as-of day D (`YYYY-MM-DD`), `None` without Revenue rows.
    pub as_of: Option<NaiveDate>,
}

fn serialize_totals<S: serde::Serializer>(k: &MonthKpis, s: S) -> Result<S::Ok, S::Error> {
    let mut v = serde_json::to_value(k).map_err(serde::ser::Error::custom)?;
    if let Some(o) = v.as_object_mut() {
        o.remove("month");
        o.remove("forecast");
        o.remove("state");
    }
    v.serialize(s)
}

/// KPIs of one channel over the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChannelKpis {
    /// Channel name.
    pub channel: String,
    /// Budget tier (`experiment` for channels that only appear in the data).
    pub tier: Tier,
    /// Sum of spend.
    pub spend: Option<f64>,
    /// Sum of leads.
    pub leads: Option<f64>,
    /// Sum of bookings.
    pub bookings: Option<f64>,
    /// Sum of visits.
    pub visits: Option<f64>,
    /// Sum of paid.
    pub paid: Option<f64>,
    /// Sum of attributed revenue.
    pub attributed_revenue: Option<f64>,
    /// bookings / leads.
    pub booking_rate: Option<f64>,
    /// visits / bookings.
    pub show_rate: Option<f64>,
    /// paid / visits.
    pub paid_rate: Option<f64>,
    /// spend / leads.
    pub cpl: Option<f64>,
    /// spend / visits.
    pub cac: Option<f64>,
    /// attributed_revenue / paid.
    pub revenue_per_paid: Option<f64>,
    /// Σ attributed revenue × margin.
    pub attributed_gross_profit: Option<f64>,
    /// attributed_revenue / spend.
    pub roas: Option<f64>,
    /// (attributed_gross_profit − spend) / spend.
    pub romi: Option<f64>,
    /// Leads from patients who had visited before (raw exports only).
    pub returning_leads: Option<f64>,
    /// Contacts of the channel (Calls sheet).
    pub contacts: Option<f64>,
    /// Contacts answered.
    pub answered: Option<f64>,
    /// answered / contacts.
    pub answer_rate: Option<f64>,
    /// Missed contacts nobody recovered.
    pub lost: Option<f64>,
    /// leads / contacts.
    pub lead_per_contact: Option<f64>,
    /// The channel's kind key (context, seo, social, aggregator, insurance, referral, offline, other),
    /// or the text as written for an unknown word.
    pub kind: String,
    /// Sum of budget_plan (not in the JSON contract; shown in the app and report).
    #[serde(skip)]
    pub budget_plan: Option<f64>,
}

/// KPIs of one direction over the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DirectionKpis {
    /// Direction name.
    pub direction: String,
    /// Gross margin.
    pub margin: f64,
    /// Sum of the direction's Plan rows.
    pub revenue_plan: Option<f64>,
    /// Sum of its Revenue rows.
    pub revenue: Option<f64>,
    /// revenue / revenue_plan.
    pub plan_completion: Option<f64>,
    /// Spend allocated to it by lead share.
    pub spend: Option<f64>,
    /// Its leads.
    pub leads: Option<f64>,
    /// Its bookings.
    pub bookings: Option<f64>,
    /// Its new patients who came.
    pub visits: Option<f64>,
    /// Its new patients who paid.
    pub paid: Option<f64>,
    /// Its attributed revenue.
    pub attributed_revenue: Option<f64>,
    /// bookings / leads.
    pub booking_rate: Option<f64>,
    /// visits / bookings.
    pub show_rate: Option<f64>,
    /// paid / visits.
    pub paid_rate: Option<f64>,
    /// Allocated spend / leads.
    pub cpl: Option<f64>,
    /// spend / visits.
    pub cac: Option<f64>,
    /// attributed_revenue / paid.
    pub revenue_per_paid: Option<f64>,
    /// Σ attributed revenue × margin.
    pub attributed_gross_profit: Option<f64>,
    /// attributed_revenue / allocated spend.
    pub roas: Option<f64>,
    /// (attributed_gross_profit − allocated spend) / allocated spend.
    pub romi: Option<f64>,
    /// revenue / checks.
    pub avg_check: Option<f64>,
    /// Gross profit of one new patient over their life.
    pub ltv: Option<f64>,
    /// ltv / cac.
    pub ltv_to_cac: Option<f64>,
}

/// KPIs of one doctor over the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DoctorKpis {
    /// Doctor's name.
    pub doctor: String,
    /// Direction of the doctor's first row in the period.
    pub direction: Option<String>,
    /// Sum of primary patients.
    pub primary_patients: Option<f64>,
    /// Sum of repeat patients.
    pub repeat_patients: Option<f64>,
    /// repeat_patients / primary_patients (reference: above 0.5).
    pub doctor_conversion: Option<f64>,
    /// Sum of hours available.
    pub hours_available: Option<f64>,
    /// Sum of hours booked.
    pub hours_booked: Option<f64>,
    /// hours_booked / hours_available.
    pub utilization: Option<f64>,
    /// Sum of revenue.
    pub revenue: Option<f64>,
    /// Procedures recommended.
    pub recommended: Option<f64>,
    /// Procedures agreed.
    pub agreed: Option<f64>,
    /// Procedures performed.
    pub performed: Option<f64>,
    /// agreed / recommended.
    pub plan_agreed_rate: Option<f64>,
    /// performed / agreed.
    pub plan_performed_rate: Option<f64>,
    /// performed / recommended.
    pub plan_total_rate: Option<f64>,
}

/// NPS of one period (all directions together when `direction` is `None`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NpsKpis {
    /// The period as written ("2025", "2025-03").
    pub period: String,
    /// The direction, or `None` for all directions together.
    pub direction: Option<String>,
    /// Number of answers.
    pub respondents: f64,
    /// Answers in the promoter range.
    pub promoters: f64,
    /// Answers in the passive range.
    pub passives: f64,
    /// Answers in the detractor range.
    pub detractors: f64,
    /// (promoters − detractors) / respondents × 100.
    pub nps: Option<f64>,
}

/// Something the user should know about how the KPIs were computed: data, worded in the user's
/// language by the catalogue.
#[derive(Clone, Debug, PartialEq)]
pub enum KpiNotice {
    /// Channels with spend or leads that are not on the Channels sheet count as experiments.
    Untiered(Vec<String>),
    /// Rows without a known direction use the average margin of all directions (a fraction).
    AverageMargin(f64),
    /// No direction has a margin: gross profit and ROMI cannot be computed.
    NoMargins,
    /// Some sums overflowed and are shown as —.
    Overflow,
}

/// Everything `medfunnel kpi --json` prints, plus what the app and report need beside it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Kpis {
    /// One entry per month with data, ascending.
    pub months: Vec<MonthKpis>,
    /// The whole period.
    pub total: Totals,
    /// Per channel.
    pub channels: Vec<ChannelKpis>,
    /// Per direction of the Directions sheet.
    pub directions: Vec<DirectionKpis>,
    /// Per doctor.
    pub doctors: Vec<DoctorKpis>,
    /// Per NPS period (and direction).
    pub nps: Vec<NpsKpis>,
    /// Per cohort month, when visits were imported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cohorts: Option<Vec<Cohort>>,
    /// Revenue gaps of months with a full factor plan.
    pub gaps: Vec<Gap>,
    /// Per employee on the Calls sheet.
    pub employees: Vec<EmployeeKpis>,
    /// The five AARRR links and their change.
    pub aarrr: Aarrr,
    /// Per branch named in the data (ignores the branch filter).
    pub branches: Vec<BranchKpis>,
    /// The month in progress (ignores the period filter), if there is one.
    #[serde(skip)]
    pub progress: Option<Progress>,
    /// Things the user should know about how the numbers were computed (worded by
    /// `crate::i18n::kpi_notice`).
    #[serde(skip)]
    pub notices: Vec<KpiNotice>,
}

/// Additive per-bucket sums; every metric is a ratio of these.
#[derive(Clone, Debug, Default)]
struct Sums {
    revenue: f64,
    checks: f64,
    new_patients: f64,
    repeat_patients: f64,
    referral_visits: f64,
    revenue_plan_clinic: f64,
    revenue_plan_directions: f64,
    has_clinic_plan: bool,
    budget_plan: f64,
    spend: f64,
    leads: f64,
    bookings: f64,
    visits: f64,
    paid: f64,
    attributed_revenue: f64,
    returning_leads: f64,
    gross_profit: Option<f64>,
    attributed_gross_profit: Option<f64>,
    tier_spend: [f64; 3],
}

impl Sums {
    fn new() -> Self {
        Self { gross_profit: Some(0.0), attributed_gross_profit: Some(0.0), ..Self::default() }
    }

    fn revenue_plan(&self) -> f64 {
        if self.has_clinic_plan { self.revenue_plan_clinic } else { self.revenue_plan_directions }
    }

    /// Adds another bucket; the revenue plan is resolved per bucket (month) first.
    fn absorb(&mut self, o: &Sums) {
        self.revenue += o.revenue;
        self.checks += o.checks;
        self.new_patients += o.new_patients;
        self.repeat_patients += o.repeat_patients;
        self.referral_visits += o.referral_visits;
        self.revenue_plan_directions += o.revenue_plan();
        self.budget_plan += o.budget_plan;
        self.spend += o.spend;
        self.leads += o.leads;
        self.bookings += o.bookings;
        self.visits += o.visits;
        self.paid += o.paid;
        self.attributed_revenue += o.attributed_revenue;
        self.returning_leads += o.returning_leads;
        add_opt(&mut self.gross_profit, o.gross_profit);
        add_opt(&mut self.attributed_gross_profit, o.attributed_gross_profit);
        for (a, b) in self.tier_spend.iter_mut().zip(o.tier_spend) {
            *a += b;
        }
    }

    fn kpis(&self, g: &Guard, month: Month) -> MonthKpis {
        let f = |x: f64| g.fin(x);
        let revenue = f(self.revenue);
        let revenue_plan = f(self.revenue_plan());
        let spend = f(self.spend);
        let budget_plan = f(self.budget_plan);
        let (leads, bookings, visits, paid) = (f(self.leads), f(self.bookings), f(self.visits), f(self.paid));
        let attributed_revenue = f(self.attributed_revenue);
        let gross_profit = self.gross_profit.and_then(f);
        let attributed_gross_profit = self.attributed_gross_profit.and_then(f);
        MonthKpis {
            month,
            revenue_plan,
            revenue,
            plan_completion: g.ratio(revenue, revenue_plan),
            budget_plan,
            spend,
            budget_execution: g.ratio(spend, budget_plan),
            marketing_share: g.ratio(spend, revenue),
            leads,
            bookings,
            visits,
            paid,
            attributed_revenue,
            booking_rate: g.ratio(bookings, leads),
            show_rate: g.ratio(visits, bookings),
            paid_rate: g.ratio(paid, visits),
            cpl: g.ratio(spend, leads),
            cac: g.ratio(spend, visits),
            revenue_per_paid: g.ratio(attributed_revenue, paid),
            avg_check: g.ratio(revenue, f(self.checks)),
            gross_profit,
            attributed_gross_profit,
            roas: g.ratio(attributed_revenue, spend),
            romi: g.ratio(sub(attributed_gross_profit, spend), spend),
            forecast: None,
            required_pace: None,
            plan_to_date: None,
            completion_to_date: None,
            contacts: None,
            answered: None,
            answer_rate: None,
            lost: None,
            lost_rate: None,
            callback_20m_rate: None,
            avg_wait: None,
            lead_per_contact: None,
            lost_revenue: None,
            repeat_share: g.ratio(f(self.repeat_patients), f(self.new_patients + self.repeat_patients)),
            referral_share: g.ratio(f(self.referral_visits), visits),
            state: None,
        }
    }
}

fn add_opt(acc: &mut Option<f64>, x: Option<f64>) {
    *acc = acc.zip(x).map(|(a, b)| a + b);
}

fn val(x: Option<f64>) -> f64 {
    x.unwrap_or(0.0)
}

/// The plain average margin of the Directions sheet (`None` without directions): the margin of
/// rows whose direction is blank or unknown.
pub fn average_margin(project: &Project) -> Option<f64> {
    let n = project.directions.len();
    (n > 0).then(|| project.directions.iter().map(|d| d.margin).sum::<f64>() / n as f64)
}

/// Margins of the directions, with the plain average for rows whose direction is blank or unknown.
struct Margins<'a> {
    directions: Interner<'a>,
    margin: Vec<f64>,
    average: Option<f64>,
    used_average: std::cell::Cell<bool>,
}

impl<'a> Margins<'a> {
    fn new(project: &'a Project) -> Self {
        let margin: Vec<f64> = project.directions.iter().map(|d| d.margin).collect();
        let average = average_margin(project);
        Self {
            directions: Interner::new(project.directions.iter().map(|d| d.name.as_str())),
            margin,
            average,
            used_average: Default::default(),
        }
    }

    /// Index on the Directions sheet.
    fn index(&self, d: Option<&str>) -> Option<usize> {
        self.directions.get(d?)
    }

    fn of_index(&self, i: Option<usize>) -> Option<f64> {
        match i {
            Some(i) => Some(self.margin[i]),
            None => {
                self.used_average.set(true);
                self.average
            }
        }
    }

    fn of(&self, d: Option<&str>) -> Option<f64> {
        self.of_index(self.index(d))
    }
}

/// Month → dense bucket index over the months that have data in the period. A flat table indexed
/// by month ordinal: a million rows are looked up without hashing or tree walks.
struct MonthIndex {
    months: Vec<Month>,
    first: i64,
    slot: Vec<u32>,
}

impl MonthIndex {
    /// Buckets for the months of `present` (ascending) that the filter keeps.
    fn new(present: &std::collections::BTreeSet<Month>, filter: &Filter) -> Self {
        let ord = |m: Month| i64::from(m.year) * 12 + i64::from(m.month) - 1;
        let (Some(lo), Some(hi)) = (present.first(), present.last()) else {
            return Self { months: Vec::new(), first: 0, slot: Vec::new() };
        };
        let first = ord(*lo);
        let mut slot = vec![u32::MAX; (ord(*hi) - first + 1) as usize];
        let months: Vec<Month> = present.iter().copied().filter(|m| filter.has_month(*m)).collect();
        for (i, m) in months.iter().enumerate() {
            slot[(ord(*m) - first) as usize] = i as u32;
        }
        Self { months, first, slot }
    }

    fn get(&self, m: Month) -> Option<usize> {
        let i = i64::from(m.year) * 12 + i64::from(m.month) - 1 - self.first;
        let s = *self.slot.get(usize::try_from(i).ok()?)?;
        (s != u32::MAX).then_some(s as usize)
    }
}

/// Computes every KPI of the project for the rows the filter keeps. Under a branch filter every
/// figure is the branch's (see [`branches::branch_view`]); `branches` always lists every branch.
///
/// A big Funnel sheet (a chain's millions of rows) is first summed into its buckets, which every
/// pass below then reads instead of the rows; a small one is read as it is.
pub fn compute(project: &Project, filter: &Filter) -> Kpis {
    let (revenue, budget) = (RevenueSums::of(&project.revenue), BudgetSums::of(&project.budget));
    if project.funnel.len() >= BUCKETS_FROM_ROWS {
        let buckets = buckets::FunnelBuckets::new(&project.funnel);
        let sheets =
            Sheets { funnel: buckets::Funnel::Buckets(&buckets), revenue: &revenue, budget: &budget, visits: None };
        return finish(project, filter, sheets);
    }
    finish(
        project,
        filter,
        Sheets { funnel: buckets::Funnel::Rows(&project.funnel), revenue: &revenue, budget: &budget, visits: None },
    )
}

/// From this many Funnel rows [`compute`] sums them into buckets first: the passes over the sheet
/// (the period, the AARRR comparison periods, the branch comparison and the shared-spend split)
/// then read a few hundred thousand bucket rows instead of millions of rows.
const BUCKETS_FROM_ROWS: usize = 200_000;

/// [`compute`] with the big sheets given as their sums (`sums` must be of `project`'s sheets):
/// the same KPIs, up to the rounding of the order of additions, without a pass over any of their
/// rows (under a branch filter too: the branch's view takes its buckets).
pub fn compute_with_sums(project: &Project, filter: &Filter, sums: &SheetSums) -> Kpis {
    let sheets = Sheets {
        funnel: buckets::Funnel::Buckets(&sums.funnel),
        revenue: &sums.revenue,
        budget: &sums.budget,
        visits: Some(&sums.visits),
    };
    finish(project, filter, sheets)
}

/// The big sheets as a computation reads them: the Funnel sheet's rows or their buckets, the
/// Revenue and Budget sheets' sums.
#[derive(Clone, Copy)]
struct Sheets<'a> {
    funnel: buckets::Funnel<'a>,
    revenue: &'a RevenueSums,
    budget: &'a BudgetSums,
    /// Where the visits' LTV is kept between computations, if anywhere.
    visits: Option<&'a VisitMemo>,
}

impl<'a> Sheets<'a> {
    /// The Funnel sheet where branches do not matter: its rows, or the buckets summed over branches.
    fn chain(&self) -> &'a [crate::model::FunnelRow] {
        match self.funnel {
            buckets::Funnel::Rows(rows) => rows,
            buckets::Funnel::Buckets(b) => b.chain_rows(),
        }
    }
}

/// The period's KPIs with the AARRR links (which compare other periods) and the branch
/// comparison. Under a branch filter the branch's view is built once, for the period and the
/// AARRR periods.
fn finish(project: &Project, filter: &Filter, sheets: Sheets<'_>) -> Kpis {
    // The branches the data names: the comparison and a branch's Budget rows both need them.
    let names = branches::sheet_names(project, sheets);
    let compare = || {
        // A branch's view keeps the chain's D and month rows, so one as-of serves both.
        let as_of = AsOf::with_sums(project, sheets.revenue);
        // The comparison first: it finds the branches and the shared spend's split a branch's view
        // reads.
        let (comparison, chain) = branches::branch_kpis(project, filter, sheets, &as_of, &names);
        (as_of, comparison, chain)
    };
    let (mut kpis, comparison) = match &filter.branch {
        Some(b) => {
            // The branch's Budget rows are picked out of the sheet on the other core meanwhile.
            let ((as_of, comparison, chain), picks) =
                rayon::join(compare, || branches::BudgetPicks::of(project, b, &names));
            let (view, revenue) = branches::branch_view_over(project, b, sheets, &chain, &as_of, false, Some(picks));
            let f = Filter { branch: None, ..filter.clone() };
            let ltv = VisitLtv::of(&view, &f);
            let budget = BudgetSums::of(&view.budget);
            let over =
                Over { funnel: &view.funnel, revenue: &revenue, budget: &budget.chain, ltv: &ltv, as_of: &as_of };
            let mut k = compute_over(&view, &f, &over, true);
            k.aarrr = aarrr::aarrr(&view, &f, &as_of, &k, |p, f| compute_over(p, f, &over, false));
            (k, comparison)
        }
        None => {
            // The visits' LTV and cohorts read nothing but the visits and the Directions sheet:
            // they are found (or taken from where they are kept) on the other core meanwhile.
            let (ltv, (as_of, comparison, _)) = rayon::join(
                || match sheets.visits {
                    Some(kept) => kept.get(project, filter),
                    None => std::sync::Arc::new(VisitLtv::of(project, filter)),
                },
                compare,
            );
            let over = Over {
                funnel: sheets.chain(),
                revenue: sheets.revenue,
                budget: &sheets.budget.chain,
                ltv: &ltv,
                as_of: &as_of,
            };
            let mut k = compute_over(project, filter, &over, true);
            k.aarrr = aarrr::aarrr(project, filter, &as_of, &k, |p, f| compute_over(p, f, &over, false));
            (k, comparison)
        }
    };
    kpis.branches = comparison;
    kpis
}

/// What [`compute_over`] reads besides the project's small sheets: the Funnel sheet (its rows, or
/// their bucket sums), the Revenue sheet's sums, the Budget sheet per month and channel, the
/// visits' LTV and the as-of day, each found once for the period and the AARRR periods.
struct Over<'a> {
    funnel: &'a [crate::model::FunnelRow],
    revenue: &'a RevenueSums,
    budget: &'a [BudgetCell],
    ltv: &'a VisitLtv,
    as_of: &'a AsOf,
}

/// The project as the filter's branch sees it (the project itself without a branch filter).
pub fn scoped<'a>(project: &'a Project, filter: &Filter) -> std::borrow::Cow<'a, Project> {
    match &filter.branch {
        Some(b) => std::borrow::Cow::Owned(branches::branch_view(project, b)),
        None => std::borrow::Cow::Borrowed(project),
    }
}

/// [`compute`] with the big sheets, the visits' LTV and the as-of day given in `over` (of
/// `project`); the cohort triangles only `with_cohorts` (the AARRR periods use none).
fn compute_over(project: &Project, filter: &Filter, over: &Over<'_>, with_cohorts: bool) -> Kpis {
    let Over { funnel, revenue, budget, ltv, as_of } = *over;
    let g = Guard::default();
    let mut notices = Vec::new();
    let margins = Margins::new(project);
    if ltv.used_average {
        margins.used_average.set(true);
    }
    let nd = project.directions.len();

    // Channels: the sheet's first, then any that only appear in the data.
    // One pass over the rows finds the months with data and the channels that are only in the data.
    // Sheets are grouped by month and channel, so the last value seen answers most rows.
    let mut channels = Interner::new(project.channels.iter().map(|c| c.name.as_str()));
    let mut present = std::collections::BTreeSet::new();
    let mut last: Option<Month> = None;
    let mut see = |m: Month| {
        if last != Some(m) {
            last = Some(m);
            present.insert(m);
        }
    };
    project.plan.iter().for_each(|r| see(r.month));
    revenue.cells.iter().for_each(|r| see(r.month));
    for (month, name) in
        budget.iter().map(|b| (b.month, b.channel.as_str())).chain(funnel.iter().map(|f| (f.month, f.channel.as_str())))
    {
        see(month);
        channels.intern(name);
    }
    // A month with only Calls rows is a month like the others'; a channel only there is listed too.
    for r in &project.calls {
        see(r.month);
        if let Some(name) = r.channel.as_deref() {
            channels.intern(name);
        }
    }
    // By name, so that a name repeated on the Channels sheet keeps its first row's tier.
    let tiers: Vec<Tier> =
        channels.names().iter().map(|n| project.channel(n).map_or(Tier::Experiment, |c| c.tier)).collect();
    let referral: Vec<bool> = channels
        .names()
        .iter()
        .map(|n| project.channel(n).is_some_and(|c| ChannelKind::of(&c.kind) == ChannelKind::Referral))
        .collect();
    let extra: Vec<&str> = channels.names().iter().copied().filter(|n| project.channel(n).is_none()).collect();
    if !extra.is_empty() {
        notices.push(KpiNotice::Untiered(extra.iter().map(|c| c.to_string()).collect()));
    }
    let nc = channels.len();

    let mi = MonthIndex::new(&present, filter);
    let nm = mi.months.len();

    let mut by_month: Vec<Sums> = vec![Sums::new(); nm];
    let mut by_channel: Vec<Sums> = vec![Sums::new(); nc];
    let mut by_direction: Vec<Sums> = vec![Sums::new(); nd];

    for r in &revenue.cells {
        let dir = r.direction.as_deref();
        let Some(m) = mi.get(r.month) else { continue };
        if !filter.has_direction(dir) {
            continue;
        }
        let di = margins.index(dir);
        let s = &mut by_month[m];
        s.revenue += r.revenue;
        s.checks += r.checks;
        s.new_patients += r.new_patients;
        s.repeat_patients += r.repeat_patients;
        add_opt(&mut s.gross_profit, margins.of_index(di).map(|mg| r.revenue * mg));
        if let Some(d) = di {
            let s = &mut by_direction[d];
            s.revenue += r.revenue;
            s.checks += r.checks;
            s.new_patients += r.new_patients;
        }
    }

    // The whole-clinic / direction-row rule holds within each branch (and within the blank branch,
    // the chain's own rows); the month's plan is their sum.
    let mut plan_groups: BTreeMap<(usize, Option<String>), Sums> = BTreeMap::new();
    for r in &project.plan {
        let dir = r.direction.as_deref();
        let Some(m) = mi.get(r.month) else { continue };
        if filter.direction.is_some() && !filter.has_direction(dir) {
            continue;
        }
        let s = plan_groups.entry((m, crate::model::branch_key(r.branch.as_deref()))).or_default();
        match dir {
            None => {
                s.has_clinic_plan = true;
                s.revenue_plan_clinic += r.revenue_plan;
            }
            Some(d) => {
                s.revenue_plan_directions += r.revenue_plan;
                if let Some(i) = margins.index(Some(d)) {
                    by_direction[i].revenue_plan_directions += r.revenue_plan;
                }
            }
        }
    }
    for ((m, _), g) in &plan_groups {
        let s = &mut by_month[*m];
        s.has_clinic_plan = true;
        s.revenue_plan_clinic += g.revenue_plan();
    }

    // Spend and budget per (channel, month), before the direction split.
    let mut cm_spend = vec![0.0; nc * nm];
    let mut cm_budget = vec![0.0; nc * nm];
    for r in budget {
        let (Some(m), Some(c)) = (mi.get(r.month), channels.get(&r.channel)) else { continue };
        if !filter.has_channel(&r.channel) {
            continue;
        }
        cm_spend[c * nm + m] += r.spend;
        cm_budget[c * nm + m] += r.budget_plan;
    }

    // Leads per (channel, month, direction slot): slots 0..nd are the sheet's directions, nd is
    // everything else (blank or unknown), which keeps its spend unallocated.
    let slots = nd + 1;
    let mut cmd_leads = vec![0.0; nc * nm * slots];
    for r in funnel {
        let (Some(m), Some(c)) = (mi.get(r.month), channels.get(&r.channel)) else { continue };
        if !filter.has_channel(&r.channel) {
            continue;
        }
        let dir = r.direction.as_deref();
        let di = margins.index(dir);
        let leads = val(r.leads);
        cmd_leads[(c * nm + m) * slots + di.unwrap_or(nd)] += leads;
        if !filter.has_direction(dir) {
            continue;
        }
        let agp = margins.of_index(di).map(|mg| val(r.revenue) * mg);
        let referral_visits = if referral[c] { val(r.visits) } else { 0.0 };
        for s in [&mut by_month[m], &mut by_channel[c]] {
            s.referral_visits += referral_visits;
            s.leads += leads;
            s.bookings += val(r.bookings);
            s.visits += val(r.visits);
            s.paid += val(r.paid);
            s.attributed_revenue += val(r.revenue);
            s.returning_leads += val(r.returning_leads);
            add_opt(&mut s.attributed_gross_profit, agp);
        }
        if let Some(d) = di {
            let s = &mut by_direction[d];
            s.leads += leads;
            s.bookings += val(r.bookings);
            s.visits += val(r.visits);
            s.paid += val(r.paid);
            s.attributed_revenue += val(r.revenue);
            add_opt(&mut s.attributed_gross_profit, agp);
        }
    }

    // Spend into months, channels, tiers and (by lead share) directions.
    let wanted_slot = filter.direction.as_deref().map(|d| margins.index(Some(d)).unwrap_or(nd));
    for c in 0..nc {
        let tier = Tier::ALL.iter().position(|t| *t == tiers[c]).unwrap_or(2);
        for m in 0..nm {
            let (spend, budget) = (cm_spend[c * nm + m], cm_budget[c * nm + m]);
            if spend == 0.0 && budget == 0.0 {
                continue;
            }
            let leads = &cmd_leads[(c * nm + m) * slots..(c * nm + m + 1) * slots];
            let total: f64 = leads.iter().sum();
            let share = |slot: usize| if total > 0.0 { leads[slot] / total } else { 0.0 };
            for (d, s) in by_direction.iter_mut().enumerate() {
                s.spend += spend * share(d);
            }
            // With a direction filter, months and channels see only that direction's share.
            let k = match wanted_slot {
                None => 1.0,
                Some(slot) if slot < nd => share(slot),
                Some(_) => 0.0,
            };
            for s in [&mut by_month[m], &mut by_channel[c]] {
                s.spend += spend * k;
                s.budget_plan += budget * k;
                s.tier_spend[tier] += spend * k;
            }
        }
    }

    // Months and the total.
    let progress = progress_of(project, filter, as_of, revenue);
    let mut total = Sums::new();
    let mut plan_to_date = 0.0;
    let mut month_kpis = Vec::with_capacity(nm);
    for (i, s) in by_month.iter().enumerate() {
        total.absorb(s);
        let month = mi.months[i];
        let mut k = s.kpis(&g, month);
        if let Some(p) = progress.as_ref().filter(|p| p.month == month) {
            k.forecast = p.forecast;
            k.required_pace = p.required_pace;
        }
        let ptd = as_of.plan_to_date(&project.settings, month, s.revenue_plan());
        plan_to_date += ptd;
        k.plan_to_date = g.fin(ptd);
        k.completion_to_date = g.ratio(k.revenue, k.plan_to_date);
        k.state = as_of.state(month);
        month_kpis.push(k);
    }
    let mut total_kpis = total.kpis(&g, Month { year: 0, month: 1 });
    total_kpis.plan_to_date = g.fin(plan_to_date);
    total_kpis.completion_to_date = g.ratio(total_kpis.revenue, total_kpis.plan_to_date);
    let spend_total = total_kpis.spend;
    let tier_share = TierShare {
        proven: g.ratio(Some(total.tier_spend[0]), spend_total),
        scaling: g.ratio(Some(total.tier_spend[1]), spend_total),
        experiment: g.ratio(Some(total.tier_spend[2]), spend_total),
    };

    let mut channel_kpis: Vec<ChannelKpis> = channels
        .names()
        .iter()
        .enumerate()
        .filter(|(_, name)| filter.has_channel(name))
        .map(|(c, name)| {
            let s = &by_channel[c];
            let k = s.kpis(&g, Month { year: 0, month: 1 });
            ChannelKpis {
                channel: name.to_string(),
                tier: tiers[c],
                spend: k.spend,
                leads: k.leads,
                bookings: k.bookings,
                visits: k.visits,
                paid: k.paid,
                attributed_revenue: k.attributed_revenue,
                booking_rate: k.booking_rate,
                show_rate: k.show_rate,
                paid_rate: k.paid_rate,
                cpl: k.cpl,
                cac: k.cac,
                revenue_per_paid: k.revenue_per_paid,
                attributed_gross_profit: k.attributed_gross_profit,
                roas: k.roas,
                romi: k.romi,
                returning_leads: g.fin(s.returning_leads),
                contacts: None,
                answered: None,
                answer_rate: None,
                lost: None,
                lead_per_contact: None,
                kind: project.channel(name).map_or_else(|| kind_key(""), |ch| kind_key(&ch.kind)),
                budget_plan: k.budget_plan,
            }
        })
        .collect();

    let cohort_ltv = &ltv.by_direction;
    let direction_kpis: Vec<DirectionKpis> = project
        .directions
        .iter()
        .enumerate()
        .filter(|(_, d)| filter.has_direction(Some(&d.name)))
        .map(|(i, d)| {
            let s = &by_direction[i];
            let f = |x: f64| g.fin(x);
            let (revenue, revenue_plan) = (f(s.revenue), f(s.revenue_plan_directions));
            let k = s.kpis(&g, Month { year: 0, month: 1 });
            let (spend, visits, avg_check, cac) = (k.spend, k.visits, k.avg_check, k.cac);
            let ltv = match &cohort_ltv {
                Some(map) => map.get(&d.name).copied().flatten(),
                None => {
                    let vpp = d.visits_per_patient.or_else(|| g.ratio(f(s.checks), f(s.new_patients)));
                    avg_check.zip(vpp).and_then(|(a, v)| g.fin(a * v * d.margin))
                }
            };
            DirectionKpis {
                direction: d.name.clone(),
                margin: d.margin,
                revenue_plan,
                revenue,
                plan_completion: g.ratio(revenue, revenue_plan),
                spend,
                leads: k.leads,
                bookings: k.bookings,
                visits,
                paid: k.paid,
                attributed_revenue: k.attributed_revenue,
                booking_rate: k.booking_rate,
                show_rate: k.show_rate,
                paid_rate: k.paid_rate,
                cpl: k.cpl,
                cac,
                revenue_per_paid: k.revenue_per_paid,
                attributed_gross_profit: k.attributed_gross_profit,
                roas: k.roas,
                romi: k.romi,
                avg_check,
                ltv,
                ltv_to_cac: g.ratio(ltv, cac),
            }
        })
        .collect();

    let gaps = gaps(project, &mi, &month_kpis);
    let cohorts = ltv.cohorts.clone().filter(|_| with_cohorts);
    if with_cohorts && ltv.cohorts_used_average {
        margins.used_average.set(true);
    }

    if margins.used_average.get() {
        notices.push(match margins.average {
            Some(a) => KpiNotice::AverageMargin(a),
            None => KpiNotice::NoMargins,
        });
    }
    let doctors = doctors(project, filter, &g);
    let nps = nps(project, filter, &g);
    let employees = calls::fill(project, filter, &g, &mut month_kpis, &mut total_kpis, &mut channel_kpis);
    if g.overflowed() {
        notices.push(KpiNotice::Overflow);
    }
    let (ltv, ltv_to_cac) = clinic_ltv(&direction_kpis, total_kpis.cac, &g);
    Kpis {
        months: month_kpis,
        total: Totals { kpis: total_kpis, tier_share, ltv, ltv_to_cac, as_of: as_of.day },
        channels: channel_kpis,
        directions: direction_kpis,
        doctors,
        nps,
        cohorts,
        gaps,
        employees,
        aarrr: Aarrr::default(),
        branches: Vec::new(),
        progress,
        notices,
    }
}

/// The clinic's LTV (domain.md, "LTV and CAC"): over the directions that have an LTV, their LTV
/// weighted by their Funnel visits (the plain mean when none has visits), and that LTV / the total
/// CAC. The one "LTV:CAC" of the clinic on every surface.
pub(crate) fn clinic_ltv(
    directions: &[DirectionKpis],
    total_cac: Option<f64>,
    g: &Guard,
) -> (Option<f64>, Option<f64>) {
    let with: Vec<(f64, f64)> = directions.iter().filter_map(|d| d.ltv.map(|l| (l, d.visits.unwrap_or(0.0)))).collect();
    if with.is_empty() {
        return (None, None);
    }
    let weight: f64 = with.iter().map(|(_, v)| v).sum();
    let ltv = if weight > 0.0 {
        g.fin(with.iter().map(|(l, v)| l * v).sum::<f64>() / weight)
    } else {
        g.fin(with.iter().map(|(l, _)| l).sum::<f64>() / with.len() as f64)
    };
    (ltv, g.ratio(ltv, total_cac))
}

/// The month's revenue plan by the contract's rule, over every Plan row (no period filter): within
/// each branch (the blank branch included), the whole-clinic rows, or the direction rows where it
/// has none; the chain's plan is the sum over branches.
pub fn revenue_plan_of(project: &Project, month: Month, direction: Option<&str>) -> f64 {
    let rows = project.plan.iter().filter(|r| r.month == month);
    let rows: Vec<_> = match direction {
        Some(d) => rows.filter(|r| r.direction.as_deref() == Some(d)).collect(),
        None => rows.collect(),
    };
    let mut groups: BTreeMap<Option<String>, (bool, f64, f64)> = BTreeMap::new();
    for r in rows {
        let g = groups.entry(crate::model::branch_key(r.branch.as_deref())).or_default();
        if r.direction.is_none() {
            g.0 = true;
            g.1 += r.revenue_plan;
        } else {
            g.2 += r.revenue_plan;
        }
    }
    groups
        .values()
        .map(|(has_clinic, clinic, dirs)| if direction.is_none() && *has_clinic { *clinic } else { clinic + dirs })
        .sum()
}

/// The month in progress: the month of the as-of day D when it is not complete (see [`asof`]).
/// Ignores the period filter (but honours a direction filter for its revenue and plan).
pub fn month_in_progress(project: &Project, filter: &Filter) -> Option<Progress> {
    let project = scoped(project, filter);
    let revenue = RevenueSums::of(&project.revenue);
    progress_of(&project, filter, &AsOf::with_sums(&project, &revenue), &revenue)
}

/// [`month_in_progress`] of `project` (a branch's view under a branch filter), with its as-of day
/// and its Revenue sheet's sums found already.
fn progress_of(project: &Project, filter: &Filter, as_of: &AsOf, revenue: &RevenueSums) -> Option<Progress> {
    let d: NaiveDate = as_of.day?;
    let month = Month::of(d);
    if as_of.state(month) != Some(MonthState::InProgress) {
        return None;
    }
    let to_date: f64 = (revenue.cells.iter())
        .filter(|c| c.month == month && filter.has_direction(c.direction.as_deref()))
        .map(|c| c.revenue)
        .sum();
    let plan = revenue_plan_of(project, month, filter.direction.as_deref());
    Progress::new(&project.settings, month, d, to_date, plan)
}

/// The calendar (day and week plans against facts) of any month.
pub fn month_calendar(project: &Project, month: Month, filter: &Filter) -> MonthCalendar {
    let project = &*scoped(project, filter);
    let mut fact: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    for r in
        project.revenue.iter().filter(|r| Month::of(r.date) == month && filter.has_direction(r.direction.as_deref()))
    {
        *fact.entry(r.date).or_default() += r.revenue;
    }
    let plan = revenue_plan_of(project, month, filter.direction.as_deref());
    MonthCalendar::new(&project.settings, month, plan, |d| fact.get(&d).copied().unwrap_or(0.0))
}

fn gaps(project: &Project, mi: &MonthIndex, months: &[MonthKpis]) -> Vec<Gap> {
    let mut out = Vec::new();
    for (i, m) in mi.months.iter().enumerate() {
        // The whole-clinic row of the blank branch; in a one-branch view, of that branch.
        let home = project.branch_scope.as_ref().map(|s| s.branch.as_str());
        let Some(p) = project
            .plan
            .iter()
            .find(|r| r.month == *m && r.direction.is_none() && crate::model::same_branch(r.branch.as_deref(), home))
        else {
            continue;
        };
        let plan = [p.leads_plan, p.booking_rate_plan, p.show_rate_plan, p.paid_rate_plan, p.revenue_per_paid_plan];
        let Some(plan) = plan.into_iter().collect::<Option<Vec<f64>>>() else { continue };
        let k = &months[i];
        let fact = [k.leads, k.booking_rate, k.show_rate, k.paid_rate, k.revenue_per_paid];
        out.push(gap::breakdown(*m, k.attributed_revenue, fact, [plan[0], plan[1], plan[2], plan[3], plan[4]]));
    }
    out
}

fn doctors(project: &Project, filter: &Filter, g: &Guard) -> Vec<DoctorKpis> {
    const N: usize = 9;
    let mut names = Interner::new([]);
    let mut rows: Vec<(Option<String>, [f64; N])> = Vec::new();
    for r in &project.doctors {
        if !filter.has_month(r.month) || !filter.has_direction(r.direction.as_deref()) {
            continue;
        }
        let i = names.intern(&r.doctor);
        if i == rows.len() {
            rows.push((r.direction.clone(), [0.0; N]));
        }
        let v = [
            r.primary_patients,
            r.repeat_patients,
            r.hours_available,
            r.hours_booked,
            r.revenue,
            r.recommended,
            r.agreed,
            r.performed,
            None,
        ];
        for (a, b) in rows[i].1.iter_mut().zip(v) {
            *a += val(b);
        }
    }
    names
        .names()
        .iter()
        .zip(rows)
        .map(|(name, (direction, s))| {
            let f = |x: f64| g.fin(x);
            let [primary, repeat, avail, booked, revenue, rec, agr, perf, _] = s.map(f);
            DoctorKpis {
                doctor: name.to_string(),
                direction,
                primary_patients: primary,
                repeat_patients: repeat,
                doctor_conversion: g.ratio(repeat, primary),
                hours_available: avail,
                hours_booked: booked,
                utilization: g.ratio(booked, avail),
                revenue,
                recommended: rec,
                agreed: agr,
                performed: perf,
                plan_agreed_rate: g.ratio(agr, rec),
                plan_performed_rate: g.ratio(perf, agr),
                plan_total_rate: g.ratio(perf, rec),
            }
        })
        .collect()
}

fn nps(project: &Project, filter: &Filter, g: &Guard) -> Vec<NpsKpis> {
    // period → (all directions, per direction in first-appearance order), each [P, passives, D].
    type Counts = [f64; 3];
    let mut periods: BTreeMap<NpsPeriod, (Counts, Vec<(String, Counts)>)> = BTreeMap::new();
    let scale = project.settings.nps_scale;
    for r in &project.nps {
        if !filter.has_period(r.period) || !filter.has_direction(r.direction.as_deref()) {
            continue;
        }
        let slot = match scale.group(r.score) {
            NpsGroup::Promoter => 0,
            NpsGroup::Passive => 1,
            NpsGroup::Detractor => 2,
        };
        let (all, dirs) = periods.entry(r.period).or_default();
        all[slot] += r.count;
        if let Some(d) = &r.direction {
            match dirs.iter_mut().find(|(n, _)| n == d) {
                Some((_, c)) => c[slot] += r.count,
                None => {
                    let mut c = [0.0; 3];
                    c[slot] = r.count;
                    dirs.push((d.clone(), c));
                }
            }
        }
    }
    let row = |period: &NpsPeriod, direction: Option<String>, c: Counts| {
        let n = c.iter().sum::<f64>();
        NpsKpis {
            period: period.to_string(),
            direction,
            respondents: n,
            promoters: c[0],
            passives: c[1],
            detractors: c[2],
            nps: g.ratio(Some(c[0] - c[2]), Some(n)).map(|x| x * 100.0),
        }
    };
    let mut out = Vec::new();
    for (p, (all, dirs)) in &periods {
        out.push(row(p, None, *all));
        out.extend(dirs.iter().map(|(d, c)| row(p, Some(d.clone()), *c)));
    }
    out
}

#[cfg(test)]
pub(crate) mod tests;
