//! The built-in demo clinic «Здоровье+»: a realistic multi-department clinic, deterministic.
//!
//! `medfunnel kpi` without a file, the app's first start and the tests all use it, so every number
//! comes from fixed tables and a seeded generator (no clock, no OS randomness): two calls give the
//! same project, byte for byte.
//!
//! The data tells stories the UI and the report can showcase (see [`demo_project`]); the tables
//! below are tuned so that the funnel, the revenue-gap breakdown and ROMI show them clearly.

mod calls;

use chrono::{Datelike, NaiveDate};

use crate::model::{
    BudgetRow, CallRow, Channel, Direction, DoctorRow, FunnelRow, Month, Name, NpsPeriod, NpsRow, PlanRow, Project,
    RevenueRow, Settings, Tier,
};

/// First month with facts.
const FIRST: Month = Month { year: 2025, month: 9 };
/// The month in progress: facts up to [`LAST_DAY`] only.
const LAST: Month = Month { year: 2026, month: 11 };
/// Plans and budgets run one month further than the facts.
const PLAN_LAST: Month = Month { year: 2026, month: 12 };
/// Day of the month (in [`LAST`]) of the last Revenue row.
const LAST_DAY: u32 = 18;

/// Revenue of the whole clinic in an average month at the start (RUB).
const BASE_REVENUE: f64 = 9_400_000.0;
/// Month-on-month growth of the clinic (≈ +14 % a year).
const GROWTH: f64 = 1.011;
/// Revenue plans are set this much above the expected trend.
const PLAN_UPLIFT: f64 = 1.03;

/// Demand by calendar month (January first): January holidays and the summer dip are low,
/// March and December (people spend the year's health budget) are peaks.
const SEASON: [f64; 12] = [0.86, 0.95, 1.08, 1.02, 0.93, 0.90, 0.82, 0.86, 1.00, 1.05, 1.03, 1.10];

struct DirSpec {
    name: &'static str,
    margin: f64,
    visits_per_patient: Option<f64>,
    /// Share of the clinic's revenue.
    share: f64,
    avg_check: f64,
    /// Share of checks paid by first-time patients.
    new_share: f64,
    /// Attributed revenue of one paying new patient in their first month.
    revenue_per_paid: f64,
    /// Multiplier of paid_rate: diagnostics are paid at the visit, treatment plans are not.
    paid_adj: f64,
    /// Multiplier in June–August.
    summer: f64,
    /// Multiplier in April–May and November–December (before holidays and the beach).
    peak: f64,
}

const DIRS: [DirSpec; 5] = [
    DirSpec {
        name: "Стоматология",
        margin: 0.40,
        visits_per_patient: Some(4.5),
        share: 0.45,
        avg_check: 9_200.0,
        new_share: 0.36,
        revenue_per_paid: 16_500.0,
        paid_adj: 0.95,
        summer: 0.92,
        peak: 1.0,
    },
    DirSpec {
        name: "Гинекология",
        margin: 0.50,
        visits_per_patient: Some(3.0),
        share: 0.18,
        avg_check: 4_600.0,
        new_share: 0.30,
        revenue_per_paid: 7_600.0,
        paid_adj: 1.0,
        summer: 0.95,
        peak: 1.0,
    },
    DirSpec {
        name: "УЗИ",
        margin: 0.65,
        // Unknown on purpose: LTV then comes from checks / new_patients.
        visits_per_patient: None,
        share: 0.10,
        avg_check: 2_900.0,
        new_share: 0.45,
        revenue_per_paid: 3_300.0,
        paid_adj: 1.2,
        summer: 1.0,
        peak: 1.0,
    },
    DirSpec {
        name: "Неврология",
        margin: 0.45,
        visits_per_patient: Some(2.5),
        share: 0.10,
        avg_check: 3_900.0,
        new_share: 0.36,
        revenue_per_paid: 5_600.0,
        paid_adj: 1.0,
        summer: 0.97,
        peak: 1.0,
    },
    DirSpec {
        name: "Косметология",
        margin: 0.55,
        visits_per_patient: Some(5.0),
        share: 0.17,
        avg_check: 6_600.0,
        new_share: 0.26,
        revenue_per_paid: 8_700.0,
        paid_adj: 0.95,
        summer: 0.88,
        peak: 1.12,
    },
];

const STOM: usize = 0;

/// When a channel runs.
enum Active {
    Always,
    From(Month),
    Only(&'static [Month]),
}

impl Active {
    fn covers(&self, m: Month) -> bool {
        match self {
            Active::Always => true,
            Active::From(start) => m >= *start,
            Active::Only(months) => months.contains(&m),
        }
    }
}

struct ChanSpec {
    name: &'static str,
    tier: Tier,
    kind: &'static str,
    sources: &'static [&'static str],
    /// Monthly budget plan in an average month.
    budget: f64,
    /// Whether the budget plan follows demand.
    seasonal: bool,
    /// Leads in an average month at the average budget.
    leads: f64,
    /// Exponent of leads in spend (diminishing returns of paid ads; 0 where money buys no leads).
    elasticity: f64,
    /// booking_rate, show_rate, paid_rate.
    rates: [f64; 3],
    /// Multiplier of the directions' revenue per paid patient.
    check: f64,
    /// Share of leads per direction (in `DIRS` order).
    mix: [f64; 5],
    /// Share of leads that never named a direction (spam, price-only calls).
    blank: f64,
    active: Active,
}

const YANDEX: usize = 0;

const CHANNELS: [ChanSpec; 8] = [
    ChanSpec {
        name: "Яндекс.Директ",
        tier: Tier::Proven,
        kind: "контекстная реклама",
        sources: &["yandex", "yandex.direct", "Яндекс"],
        budget: 250_000.0,
        seasonal: true,
        leads: 250.0,
        elasticity: 0.8,
        rates: [0.60, 0.80, 0.74],
        check: 1.0,
        mix: [0.40, 0.20, 0.15, 0.10, 0.15],
        blank: 0.05,
        active: Active::Always,
    },
    ChanSpec {
        name: "SEO / сайт",
        tier: Tier::Proven,
        kind: "сайт",
        sources: &["site", "сайт", "organic", "google"],
        budget: 90_000.0,
        seasonal: false,
        leads: 180.0,
        elasticity: 0.3,
        rates: [0.63, 0.82, 0.76],
        check: 1.0,
        mix: [0.35, 0.20, 0.20, 0.15, 0.10],
        blank: 0.0,
        active: Active::Always,
    },
    ChanSpec {
        name: "ПроДокторов",
        tier: Tier::Proven,
        kind: "агрегатор",
        sources: &["prodoctorov", "prodoctorov.ru", "Про Докторов"],
        budget: 80_000.0,
        seasonal: false,
        leads: 115.0,
        elasticity: 0.7,
        rates: [0.72, 0.86, 0.78],
        check: 0.9,
        mix: [0.25, 0.25, 0.15, 0.30, 0.05],
        blank: 0.0,
        active: Active::Always,
    },
    ChanSpec {
        name: "ДМС",
        tier: Tier::Proven,
        kind: "ДМС",
        sources: &["dms", "страховая", "insurance"],
        budget: 45_000.0,
        seasonal: false,
        leads: 60.0,
        elasticity: 0.0,
        rates: [0.90, 0.90, 0.95],
        check: 0.8,
        mix: [0.20, 0.25, 0.30, 0.25, 0.0],
        blank: 0.0,
        active: Active::Always,
    },
    ChanSpec {
        name: "ВКонтакте",
        tier: Tier::Scaling,
        kind: "соцсети",
        sources: &["vk", "vk.com", "ВК"],
        budget: 80_000.0,
        seasonal: true,
        leads: 180.0,
        elasticity: 0.9,
        rates: [0.42, 0.66, 0.36],
        check: 0.75,
        mix: [0.20, 0.10, 0.05, 0.05, 0.60],
        blank: 0.08,
        active: Active::Always,
    },
    ChanSpec {
        name: "Рекомендации",
        tier: Tier::Scaling,
        kind: "сарафанное радио",
        sources: &["referral", "сарафан", "по рекомендации"],
        budget: 28_000.0,
        seasonal: false,
        leads: 40.0,
        elasticity: 0.0,
        rates: [0.85, 0.92, 0.90],
        check: 0.75,
        mix: [0.50, 0.20, 0.05, 0.10, 0.15],
        blank: 0.0,
        active: Active::Always,
    },
    ChanSpec {
        name: "День открытых дверей",
        tier: Tier::Experiment,
        kind: "день открытых дверей",
        sources: &["open day", "ДОД"],
        budget: 40_000.0,
        seasonal: false,
        leads: 50.0,
        elasticity: 1.0,
        rates: [0.70, 0.60, 0.50],
        check: 0.7,
        mix: [0.50, 0.10, 0.20, 0.0, 0.20],
        blank: 0.0,
        active: Active::Only(&[
            Month { year: 2025, month: 10 },
            Month { year: 2026, month: 3 },
            Month { year: 2026, month: 10 },
        ]),
    },
    ChanSpec {
        name: "Telegram",
        tier: Tier::Experiment,
        kind: "соцсети",
        sources: &["telegram", "tg", "Телеграм"],
        budget: 25_000.0,
        seasonal: false,
        leads: 30.0,
        elasticity: 0.9,
        rates: [0.50, 0.70, 0.50],
        check: 0.7,
        mix: [0.20, 0.10, 0.0, 0.0, 0.70],
        blank: 0.06,
        active: Active::From(Month { year: 2026, month: 4 }),
    },
];

struct DoctorSpec {
    name: &'static str,
    dir: usize,
    /// Share of the direction's patients and revenue, before and from [`NEW_DOCTOR`].
    share: [f64; 2],
    /// repeat_patients / primary_patients.
    conversion: f64,
    /// Schedule hours in a full month of 22 working days.
    hours: f64,
    utilization: f64,
    /// Procedures recommended per primary patient, agreed rate, performed rate.
    plan: Option<(f64, f64, f64)>,
}

/// The month the new dentist starts (and dentistry's paid rate sags).
const NEW_DOCTOR: Month = Month { year: 2026, month: 9 };

const DOCTORS: [DoctorSpec; 9] = [
    DoctorSpec {
        name: "Иванова Мария Сергеевна",
        dir: 0,
        share: [0.33, 0.28],
        conversion: 1.1,
        hours: 160.0,
        utilization: 0.88,
        plan: Some((3.0, 0.75, 0.55)),
    },
    DoctorSpec {
        name: "Петров Алексей Игоревич",
        dir: 0,
        share: [0.37, 0.32],
        conversion: 0.9,
        hours: 150.0,
        utilization: 0.80,
        // The textbook case: 20 recommended, 15 agreed, 5 performed.
        plan: Some((4.0, 0.75, 0.33)),
    },
    DoctorSpec {
        name: "Смирнов Дмитрий Олегович",
        dir: 0,
        share: [0.30, 0.25],
        conversion: 0.7,
        hours: 120.0,
        utilization: 0.72,
        plan: Some((2.5, 0.60, 0.45)),
    },
    DoctorSpec {
        name: "Кузнецова Анна Викторовна",
        dir: 0,
        share: [0.0, 0.15],
        conversion: 0.35,
        hours: 140.0,
        utilization: 0.55,
        plan: Some((2.0, 0.50, 0.40)),
    },
    DoctorSpec {
        name: "Соколова Елена Андреевна",
        dir: 1,
        share: [0.55, 0.55],
        conversion: 0.8,
        hours: 150.0,
        utilization: 0.90,
        plan: Some((1.5, 0.80, 0.70)),
    },
    DoctorSpec {
        name: "Волкова Ольга Николаевна",
        dir: 1,
        share: [0.45, 0.45],
        conversion: 0.6,
        hours: 120.0,
        utilization: 0.75,
        plan: Some((1.2, 0.70, 0.60)),
    },
    DoctorSpec {
        name: "Морозов Игорь Павлович",
        dir: 2,
        share: [1.0, 1.0],
        conversion: 0.3,
        hours: 170.0,
        utilization: 0.93,
        // Diagnostics: no treatment plans.
        plan: None,
    },
    DoctorSpec {
        name: "Лебедев Сергей Васильевич",
        dir: 3,
        share: [1.0, 1.0],
        conversion: 0.55,
        hours: 140.0,
        utilization: 0.70,
        plan: Some((1.0, 0.60, 0.50)),
    },
    DoctorSpec {
        name: "Новикова Татьяна Юрьевна",
        dir: 4,
        share: [1.0, 1.0],
        conversion: 1.4,
        hours: 150.0,
        utilization: 0.85,
        plan: Some((3.0, 0.70, 0.60)),
    },
];

/// NPS per direction: promoter and detractor shares at the start, respondents per survey.
const NPS_BASE: [(f64, f64, f64); 5] =
    [(0.58, 0.15, 110.0), (0.65, 0.10, 70.0), (0.50, 0.20, 90.0), (0.55, 0.15, 45.0), (0.72, 0.07, 60.0)];

/// Clinic days off in the demo's range (the clinic reopens on 9 January).
const HOLIDAYS: [(i32, u32, u32); 16] = [
    (2025, 11, 4),
    (2025, 12, 31),
    (2026, 1, 1),
    (2026, 1, 2),
    (2026, 1, 3),
    (2026, 1, 4),
    (2026, 1, 5),
    (2026, 1, 6),
    (2026, 1, 7),
    (2026, 1, 8),
    (2026, 2, 23),
    (2026, 3, 9),
    (2026, 5, 1),
    (2026, 5, 11),
    (2026, 6, 12),
    (2026, 11, 4),
];

/// A small linear congruential generator: deterministic on every platform, which `rand` with
/// an OS seed would not be.
struct Lcg(u64);

impl Lcg {
    fn next_f64(&mut self) -> f64 {
        // Knuth's MMIX constants; the top 53 bits are the well-mixed ones.
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A multiplier uniformly in `1 ± spread`.
    fn noise(&mut self, spread: f64) -> f64 {
        1.0 + spread * (2.0 * self.next_f64() - 1.0)
    }
}

fn round_to(x: f64, step: f64) -> f64 {
    (x / step).round() * step
}

fn ym(year: i32, month: u32) -> Month {
    Month { year, month }
}

/// Months from `from` to `to`, both included.
fn months(from: Month, to: Month) -> impl Iterator<Item = Month> {
    (0..=from.months_until(to)).map(move |i| from.shift(i))
}

fn season(m: Month) -> f64 {
    SEASON[(m.month - 1) as usize]
}

fn growth(m: Month) -> f64 {
    GROWTH.powi(FIRST.months_until(m))
}

/// Each direction's share of the month's revenue (summer dips and pre-holiday peaks differ).
fn dir_shares(m: Month) -> [f64; 5] {
    let raw = DIRS.map(|d| {
        let factor = match m.month {
            6..=8 => d.summer,
            4 | 5 | 11 | 12 => d.peak,
            _ => 1.0,
        };
        d.share * factor
    });
    let total: f64 = raw.iter().sum();
    raw.map(|r| r / total)
}

/// Clinic revenue as a share of the expected trend: the months of the stories fall short.
fn performance(m: Month, rng: &mut Lcg) -> f64 {
    let story = match (m.year, m.month) {
        (2025, 12) => 0.95,
        (2026, 3) => 0.89,
        (2026, 4) => 0.93,
        (2026, 7) => 0.94,
        (2026, 9) => 0.95,
        (2026, 10) => 0.98,
        (2026, 11) => 0.96,
        _ => 1.035,
    };
    story * rng.noise(0.03)
}

fn holidays() -> std::collections::BTreeSet<NaiveDate> {
    HOLIDAYS.iter().filter_map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)).collect()
}

fn day_weight(settings: &Settings, day: NaiveDate) -> f64 {
    if settings.holidays.contains(&day) {
        0.0
    } else {
        settings.weekday_weights[day.weekday().num_days_from_monday() as usize]
    }
}

/// The weight of the month's days, and of its days up to the last day with facts.
fn month_weights(settings: &Settings, m: Month) -> (f64, f64) {
    let mut total = 0.0;
    let mut to_date = 0.0;
    for day in m.iter_days() {
        let w = day_weight(settings, day);
        total += w;
        if m != LAST || day.day() <= LAST_DAY {
            to_date += w;
        }
    }
    (total, to_date)
}

/// Share of the month that has happened, by weight (1 for complete months).
fn elapsed(settings: &Settings, m: Month) -> f64 {
    let (total, to_date) = month_weights(settings, m);
    if total > 0.0 { to_date / total } else { 1.0 }
}

fn budget_plan(c: &ChanSpec, m: Month) -> f64 {
    let demand = if c.seasonal { 1.0 + 0.6 * (season(m) - 1.0) } else { 1.0 };
    round_to(c.budget * demand * growth(m).sqrt(), 5_000.0)
}

/// Demand of a channel's audience: paid and search channels follow the season, word of mouth
/// and insurance much less.
fn channel_demand(c: &ChanSpec, m: Month) -> f64 {
    let damp = if c.elasticity > 0.0 { 1.0 } else { 0.4 };
    (1.0 + damp * (season(m) - 1.0)) * growth(m)
}

/// Story multipliers of the funnel: (leads, booking_rate, show_rate, paid_rate) for a channel,
/// direction and month.
fn story(ci: usize, di: Option<usize>, m: Month) -> [f64; 4] {
    let mut f = [1.0; 4];
    match (m.year, m.month) {
        // December peak: the call centre misses calls, bookings per lead fall.
        (2025, 12) => f[1] = 0.84,
        // A spring check-up promo brings more leads, while a new administrators' team stopped
        // the reminder calls: people booked and did not come.
        (2026, 3) => {
            f[0] = 1.10;
            f[2] = 0.76;
        }
        (2026, 4) => f[2] = 0.86,
        // Yandex ads stopped for twelve days (licence documents in moderation): spend and leads fall.
        (2026, 7) if ci == YANDEX => f[0] = 0.85,
        _ => {}
    }
    // A new dentist who does not yet present treatment plans well: fewer first visits pay.
    if di == Some(STOM) && (m == NEW_DOCTOR || m == NEW_DOCTOR.next()) {
        f[3] = 0.74;
    }
    f
}

/// Spend as a share of the budget plan in story months.
fn execution(ci: usize, m: Month) -> f64 {
    match (ci, m.year, m.month) {
        (YANDEX, 2026, 3) => 1.24,
        (YANDEX, 2026, 7) => 0.58,
        _ => 0.98,
    }
}

/// The expected funnel of a month (no noise, no stories): the plan's factors come from it.
struct Expected {
    leads: f64,
    bookings: f64,
    visits: f64,
    paid: f64,
    revenue: f64,
}

fn expected_funnel(m: Month) -> Expected {
    let mut e = Expected { leads: 0.0, bookings: 0.0, visits: 0.0, paid: 0.0, revenue: 0.0 };
    for c in CHANNELS.iter().filter(|c| c.active.covers(m)) {
        let leads = c.leads * channel_demand(c, m) * (budget_plan(c, m) / c.budget).powf(c.elasticity);
        e.leads += leads * (1.0 + c.blank);
        for (d, share) in DIRS.iter().zip(c.mix) {
            let bookings = leads * share * c.rates[0];
            let visits = bookings * c.rates[1];
            let paid = visits * (c.rates[2] * d.paid_adj).min(0.98);
            e.bookings += bookings;
            e.visits += visits;
            e.paid += paid;
            e.revenue += paid * d.revenue_per_paid * c.check * growth(m).sqrt();
        }
    }
    e
}

/// The demo clinic «Клиника «Здоровье+»»: five directions, eight channels in all three tiers,
/// facts from 2025-09 to 2026-11 with 2026-11 in progress (Revenue up to 2026-11-18), plans
/// and budgets up to 2026-12.
///
/// The stories in the data, for showcasing:
/// - 2025-12: the December peak overloads the call centre; booking_rate falls (administrators).
/// - 2026-03: more leads (a check-up promo, Яндекс.Директ over budget), but the new administrators
///   stopped reminder calls: show_rate drops, the month misses its plan (administrators); April
///   recovers only partly. NPS dips in the 2026-03 survey.
/// - 2026-07: Яндекс.Директ paused for twelve days, under budget: leads are the bottleneck (marketer).
/// - 2026-09 and 2026-10: a new dentist (Кузнецова) joins; dentistry's paid_rate sags (doctors),
///   and her doctor_conversion and utilization are low.
/// - ВКонтакте: many leads, poor booking and paid rates, negative ROMI. Рекомендации: few leads,
///   the best ROMI. ДМС: small spend, high conversion. Telegram (from 2026-04) and the open days
///   (2025-10, 2026-03, 2026-10) are the experiment tier.
/// - Петров (dentistry) has the 20 recommended → 15 agreed → 5 performed treatment-plan pattern.
/// - Calls (from a generated journal): the December peak and the March change of administrators
///   answer fewer calls; nobody picks up at lunch, after 19:00 and on Sundays; the new
///   administrator (from 2026-03) keeps callers waiting longer.
///
/// Built once per process and cloned: the app, the CLI without a file and most tests start from it,
/// and folding its call journal is the slow part in debug builds.
pub fn demo_project() -> Project {
    static DEMO: std::sync::OnceLock<Project> = std::sync::OnceLock::new();
    DEMO.get_or_init(build_demo).clone()
}

fn build_demo() -> Project {
    let settings = Settings {
        clinic: "Клиника «Здоровье+»".to_string(),
        currency: "RUB".to_string(),
        holidays: holidays(),
        fixed_costs: 2_500_000.0,
        dedupe_days: 30,
        attribution_days: 30,
        ..Settings::default()
    };
    let mut rng = Lcg(0x005E_ED0F_DE40);
    let mut project = Project::new();
    project.directions = DIRS
        .iter()
        .map(|d| Direction { name: d.name.to_string(), margin: d.margin, visits_per_patient: d.visits_per_patient })
        .collect();
    project.channels = CHANNELS
        .iter()
        .map(|c| Channel {
            name: c.name.to_string(),
            tier: c.tier,
            kind: c.kind.to_string(),
            sources: c.sources.iter().map(|s| s.to_string()).collect(),
        })
        .collect();
    project.plan = plan_rows();
    let (budget, funnel) = budget_and_funnel(&settings, &mut rng);
    project.budget = budget;
    project.funnel = funnel;
    project.revenue = revenue_rows(&settings, &mut rng);
    project.doctors = doctor_rows(&settings, &project.revenue, &mut rng);
    project.nps = nps_rows(&mut rng);
    project.settings = settings;
    calls::add_calls(&mut project);
    project
}

/// The demo clinic's call journal as a telephony export (`;`-separated CSV, Russian words, fake
/// phones): importing it into the demo gives back exactly its Calls rows and contacts.
pub fn calls_journal_csv() -> String {
    calls::journal_csv(&demo_project())
}

/// The branches of the demo chain: name, size against the single demo clinic, how well its
/// administrators and doctors convert (scales visits, paid and attributed revenue), and how dear its
/// own advertising is (scales its own spend).
const CHAIN: [(&str, f64, f64, f64); 3] = [("Центр", 1.0, 1.0, 1.0), ("Север", 0.6, 0.8, 1.0), ("Юг", 0.4, 1.05, 1.5)];

/// The built-in demo clinic as a chain of three branches (`medfunnel demo --branches`): every row of
/// [`demo_project`] copied into Центр, Север and Юг at their sizes, each doctor working in one
/// branch, and the context-ads campaign (Яндекс.Директ) run for the whole chain: its Budget rows have
/// a blank branch, so each branch's share follows its leads. The stories: Север converts worse
/// (administrators and doctors; its front desk also answers fewer calls), Юг pays half as much again
/// for its own leads but its doctors sell.
pub fn demo_chain() -> Project {
    let single = demo_project();
    let mut p =
        Project { plan: Vec::new(), budget: Vec::new(), funnel: Vec::new(), revenue: Vec::new(), ..single.clone() };
    p.settings.clinic = "Сеть клиник «Здоровье+»".to_string();
    p.doctors.clear();
    p.nps.clear();
    p.calls.clear();
    let count = |x: Option<f64>, k: f64| x.map(|v| (v * k).round());
    let money = |x: Option<f64>, k: f64| x.map(|v| round_to(v * k, 1.0));
    let shared = CHANNELS[YANDEX].name;
    let chain_size: f64 = CHAIN.iter().map(|c| c.1).sum();
    p.budget.extend(single.budget.iter().filter(|r| r.channel == shared).map(|r| BudgetRow {
        budget_plan: money(r.budget_plan, chain_size),
        spend: money(r.spend, chain_size),
        ..r.clone()
    }));
    for (name, size, conv, cost) in CHAIN {
        let branch = Some(name.to_string());
        p.plan.extend(single.plan.iter().map(|r| PlanRow {
            branch: branch.clone(),
            revenue_plan: round_to(r.revenue_plan * size, 1_000.0),
            leads_plan: r.leads_plan.map(|v| round_to(v * size, 10.0)),
            ..r.clone()
        }));
        p.budget.extend(single.budget.iter().filter(|r| r.channel != shared).map(|r| BudgetRow {
            branch: branch.clone(),
            budget_plan: money(r.budget_plan, size * cost),
            spend: money(r.spend, size * cost),
            ..r.clone()
        }));
        p.funnel.extend(single.funnel.iter().map(|r| {
            let bookings = count(r.bookings, size);
            let visits = count(r.visits, size * conv).zip(bookings).map(|(v, b)| v.min(b));
            FunnelRow {
                branch: branch.clone().map(Name::from),
                leads: count(r.leads, size),
                bookings,
                visits,
                paid: count(r.paid, size * conv).zip(visits).map(|(p, v)| p.min(v)),
                revenue: money(r.revenue, size * conv),
                ..r.clone()
            }
        }));
        let takings = size * (0.8 + 0.2 * conv);
        p.revenue.extend(single.revenue.iter().map(|r| RevenueRow {
            branch: branch.clone(),
            revenue: round_to(r.revenue * takings, 1.0),
            checks: count(r.checks, size),
            new_patients: count(r.new_patients, size),
            repeat_patients: count(r.repeat_patients, size),
            ..r.clone()
        }));
        p.nps.extend(single.nps.iter().map(|r| NpsRow {
            branch: branch.clone(),
            count: (r.count * size).round(),
            ..r.clone()
        }));
        // Each branch's front desk takes its own calls; Север's administrators answer fewer of
        // them (its converting-worse story), and the calls they miss are lost.
        let answers = if conv < 1.0 { 0.92 } else { 1.0 };
        p.calls.extend(single.calls.iter().map(|r| {
            let contacts = count(r.contacts, size);
            let answered_all = count(r.answered, size);
            let answered = answered_all.map(|a| (a * answers).round());
            let missed_more = answered_all.zip(answered).map_or(0.0, |(all, a)| all - a);
            CallRow {
                branch: branch.clone(),
                contacts,
                answered,
                lost: count(r.lost, size).map(|l| l + missed_more),
                callbacks_20m: count(r.callbacks_20m, size),
                callbacks: count(r.callbacks, size),
                recalled: count(r.recalled, size),
                calls_in: count(r.calls_in, size),
                wait_seconds: money(r.wait_seconds, size * answers),
                talk_seconds: money(r.talk_seconds, size * answers),
                ..r.clone()
            }
        }));
    }
    // Each doctor works in one branch (in the order of the Doctors sheet), at the branch's size.
    let mut doctors: Vec<&str> = Vec::new();
    for r in &single.doctors {
        if !doctors.contains(&r.doctor.as_str()) {
            doctors.push(&r.doctor);
        }
    }
    p.doctors = single
        .doctors
        .iter()
        .map(|r| {
            let i = doctors.iter().position(|d| *d == r.doctor).unwrap_or(0) % CHAIN.len();
            DoctorRow { branch: Some(CHAIN[i].0.to_string()), ..r.clone() }
        })
        .collect();
    p
}

fn plan_rows() -> Vec<PlanRow> {
    let mut rows = Vec::new();
    for m in months(FIRST, PLAN_LAST) {
        let target = BASE_REVENUE * season(m) * growth(m) * PLAN_UPLIFT;
        let by_dir = dir_shares(m).map(|s| round_to(target * s, 1_000.0));
        let e = expected_funnel(m);
        rows.push(PlanRow {
            branch: None,
            month: m,
            direction: None,
            revenue_plan: by_dir.iter().sum(),
            leads_plan: Some(round_to(e.leads, 10.0)),
            booking_rate_plan: Some(round_to(e.bookings / e.leads, 0.01)),
            show_rate_plan: Some(round_to(e.visits / e.bookings, 0.01)),
            paid_rate_plan: Some(round_to(e.paid / e.visits, 0.01)),
            revenue_per_paid_plan: Some(round_to(e.revenue / e.paid, 100.0)),
        });
        rows.extend(DIRS.iter().zip(by_dir).map(|(d, plan)| PlanRow {
            branch: None,
            month: m,
            direction: Some(d.name.to_string()),
            revenue_plan: plan,
            leads_plan: None,
            booking_rate_plan: None,
            show_rate_plan: None,
            paid_rate_plan: None,
            revenue_per_paid_plan: None,
        }));
    }
    rows
}

fn budget_and_funnel(settings: &Settings, rng: &mut Lcg) -> (Vec<BudgetRow>, Vec<FunnelRow>) {
    let mut budget = Vec::new();
    let mut funnel = Vec::new();
    for m in months(FIRST, PLAN_LAST) {
        let done = if m > LAST { 0.0 } else { elapsed(settings, m) };
        for (ci, c) in CHANNELS.iter().enumerate().filter(|(_, c)| c.active.covers(m)) {
            let plan = budget_plan(c, m);
            if m > LAST {
                budget.push(BudgetRow {
                    branch: None,
                    month: m,
                    channel: c.name.to_string(),
                    budget_plan: Some(plan),
                    spend: None,
                });
                continue;
            }
            let full_spend = plan * execution(ci, m) * rng.noise(0.03);
            budget.push(BudgetRow {
                branch: None,
                month: m,
                channel: c.name.to_string(),
                budget_plan: Some(plan),
                spend: Some(round_to(full_spend * done, 10.0)),
            });
            let leads = c.leads
                * channel_demand(c, m)
                * (full_spend / c.budget).powf(c.elasticity)
                * story(ci, None, m)[0]
                * rng.noise(0.07)
                * done;
            let price = growth(m).sqrt();
            for (di, d) in DIRS.iter().enumerate() {
                let n = (leads * c.mix[di]).round();
                if n <= 0.0 {
                    continue;
                }
                let f = story(ci, Some(di), m);
                let rate = |base: f64, story: f64, rng: &mut Lcg| (base * story * rng.noise(0.04)).min(0.98);
                let bookings = (n * rate(c.rates[0], f[1], rng)).round();
                let visits = (bookings * rate(c.rates[1], f[2], rng)).round();
                let paid = (visits * rate(c.rates[2] * d.paid_adj, f[3], rng)).round();
                let revenue = round_to(paid * d.revenue_per_paid * c.check * price * rng.noise(0.10), 10.0);
                funnel.push(FunnelRow {
                    branch: None,
                    month: m,
                    channel: c.name.into(),
                    direction: Some(d.name.into()),
                    leads: Some(n),
                    bookings: Some(bookings),
                    visits: Some(visits),
                    paid: Some(paid),
                    revenue: Some(revenue),
                    returning_leads: None,
                });
            }
            let blank = (leads * c.blank).round();
            if blank > 0.0 {
                // Price-only calls and spam: counted as leads, never booked.
                funnel.push(FunnelRow {
                    branch: None,
                    month: m,
                    channel: c.name.into(),
                    direction: None,
                    leads: Some(blank),
                    bookings: Some(0.0),
                    visits: Some(0.0),
                    paid: Some(0.0),
                    revenue: None,
                    returning_leads: None,
                });
            }
        }
    }
    (budget, funnel)
}

fn revenue_rows(settings: &Settings, rng: &mut Lcg) -> Vec<RevenueRow> {
    let mut rows = Vec::new();
    for m in months(FIRST, LAST) {
        let (total_weight, _) = month_weights(settings, m);
        let month_revenue = BASE_REVENUE * season(m) * growth(m) * performance(m, rng);
        let shares = dir_shares(m);
        for day in m.iter_days() {
            let w = day_weight(settings, day);
            if w <= 0.0 || (m == LAST && day.day() > LAST_DAY) {
                continue;
            }
            for (d, share) in DIRS.iter().zip(shares) {
                let revenue = round_to(month_revenue * share * w / total_weight * rng.noise(0.18), 10.0);
                let check = d.avg_check * growth(m).sqrt() * rng.noise(0.06);
                let checks = (revenue / check).round().max(1.0);
                let new = (checks * d.new_share * rng.noise(0.2)).round().min(checks);
                rows.push(RevenueRow {
                    branch: None,
                    month_row: false,
                    date: day,
                    direction: Some(d.name.to_string()),
                    revenue,
                    checks: Some(checks),
                    new_patients: Some(new),
                    repeat_patients: Some(checks - new),
                });
            }
        }
    }
    rows
}

fn doctor_rows(settings: &Settings, revenue: &[RevenueRow], rng: &mut Lcg) -> Vec<DoctorRow> {
    let mut rows = Vec::new();
    for m in months(FIRST, LAST) {
        let (_, to_date) = month_weights(settings, m);
        // (revenue, new patients) per direction this month, from the Revenue sheet.
        let mut sums = [(0.0, 0.0); 5];
        for r in revenue.iter().filter(|r| Month::of(r.date) == m) {
            if let Some(di) = DIRS.iter().position(|d| Some(d.name) == r.direction.as_deref()) {
                sums[di].0 += r.revenue;
                sums[di].1 += r.new_patients.unwrap_or(0.0);
            }
        }
        let era = usize::from(m >= NEW_DOCTOR);
        let admin_trouble = if m == ym(2026, 3) || m == ym(2026, 4) { 0.9 } else { 1.0 };
        for doc in DOCTORS.iter().filter(|doc| doc.share[era] > 0.0) {
            let share = doc.share[era];
            let (dir_revenue, dir_new) = sums[doc.dir];
            let primary = (dir_new * share).round();
            let available = round_to(doc.hours * to_date / 22.0, 0.5);
            let booked = round_to(available * doc.utilization * admin_trouble * rng.noise(0.05), 0.5).min(available);
            let (recommended, agreed, performed) = match doc.plan {
                Some((per_primary, agreed_rate, performed_rate)) => {
                    let rec = (primary * per_primary * rng.noise(0.1)).round();
                    let agr = (rec * agreed_rate * rng.noise(0.05)).round().min(rec);
                    let perf = (agr * performed_rate * rng.noise(0.08)).round().min(agr);
                    (Some(rec), Some(agr), Some(perf))
                }
                None => (None, None, None),
            };
            rows.push(DoctorRow {
                branch: None,
                month: m,
                doctor: doc.name.to_string(),
                direction: Some(DIRS[doc.dir].name.to_string()),
                primary_patients: Some(primary),
                repeat_patients: Some((primary * doc.conversion * rng.noise(0.1)).round()),
                revenue: Some(round_to(dir_revenue * share, 10.0)),
                hours_available: Some(available),
                hours_booked: Some(booked),
                recommended,
                agreed,
                performed,
            });
        }
    }
    rows
}

/// Splits `n` answers over scores by weights, with cumulative rounding so the counts add up to `n`.
fn split_counts(n: f64, weights: &[(u8, f64)], out: &mut Vec<(u8, f64)>) {
    let total: f64 = weights.iter().map(|w| w.1).sum();
    let mut cumulative = 0.0;
    let mut given = 0.0;
    for &(score, w) in weights {
        cumulative += w;
        let upto = (n * cumulative / total).round();
        out.push((score, upto - given));
        given = upto;
    }
}

fn nps_counts(respondents: f64, promoters: f64, detractors: f64) -> Vec<(u8, f64)> {
    let p = (respondents * promoters).round();
    let d = (respondents * detractors).round();
    let mut out = Vec::new();
    split_counts(d, &[(0, 0.04), (1, 0.02), (2, 0.03), (3, 0.05), (4, 0.10), (5, 0.30), (6, 0.46)], &mut out);
    split_counts(respondents - p - d, &[(7, 0.4), (8, 0.6)], &mut out);
    split_counts(p, &[(9, 0.35), (10, 0.65)], &mut out);
    out.retain(|&(_, c)| c > 0.0);
    out
}

fn nps_rows(rng: &mut Lcg) -> Vec<NpsRow> {
    let mut rows = Vec::new();
    let mut push = |period: NpsPeriod, di: usize, counts: Vec<(u8, f64)>| {
        rows.extend(counts.into_iter().map(|(score, count)| NpsRow {
            branch: None,
            period,
            direction: Some(DIRS[di].name.to_string()),
            score,
            count,
        }));
    };
    // The annual survey of 2025 in the two biggest departments.
    push(NpsPeriod::Year(2025), 0, nps_counts(300.0, 0.57, 0.14));
    push(NpsPeriod::Year(2025), 1, nps_counts(180.0, 0.62, 0.10));
    // A survey in the last month of every quarter; loyalty improves slowly, except in 2026-03.
    for (q, m) in [ym(2025, 9), ym(2025, 12), ym(2026, 3), ym(2026, 6), ym(2026, 9)].into_iter().enumerate() {
        for (di, &(promoters, detractors, respondents)) in NPS_BASE.iter().enumerate() {
            let trouble = if m == ym(2026, 3) { 0.08 } else { 0.0 };
            let promoters = (promoters + 0.015 * q as f64 - trouble / 2.0) * rng.noise(0.03);
            let detractors = (detractors + trouble) * rng.noise(0.1);
            push(NpsPeriod::Month(m), di, nps_counts((respondents * rng.noise(0.15)).round(), promoters, detractors));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    fn sum(values: impl Iterator<Item = Option<f64>>) -> f64 {
        values.map(|v| v.unwrap_or(0.0)).sum()
    }

    #[test]
    fn is_deterministic_and_fast() {
        let start = std::time::Instant::now();
        let a = build_demo();
        let elapsed = start.elapsed();
        assert_eq!(a, build_demo());
        assert_eq!(a, demo_project());
        // Debug builds are several times slower than release (folding the call journal's 16 000
        // calls is most of it); this only guards against blow-ups.
        assert!(elapsed.as_millis() < 1500, "demo_project took {elapsed:?}");
    }

    #[test]
    fn has_the_promised_shape() {
        let p = demo_project();
        assert_eq!(p.directions.len(), 5);
        assert!(p.channels.len() >= 6);
        let tiers: BTreeSet<Tier> = p.channels.iter().map(|c| c.tier).collect();
        assert_eq!(tiers.len(), 3);
        let yandex = p.channel("Яндекс.Директ").expect("yandex");
        assert_eq!(yandex.sources, ["yandex", "yandex.direct", "Яндекс"]);

        let revenue_months: BTreeSet<Month> = p.revenue.iter().map(|r| Month::of(r.date)).collect();
        assert!(revenue_months.len() >= 14);
        assert_eq!(revenue_months.last(), Some(&LAST));
        let last_day = p.revenue.iter().map(|r| r.date).max().expect("revenue rows");
        assert_eq!(last_day, NaiveDate::from_ymd_opt(2026, 11, 18).expect("date"));
        // Sundays and holidays are closed.
        assert!(p.revenue.iter().all(|r| r.date.weekday() != chrono::Weekday::Sun));
        assert!(p.revenue.iter().all(|r| !p.settings.holidays.contains(&r.date)));

        for m in months(FIRST, PLAN_LAST) {
            let clinic: Vec<&PlanRow> = p.plan.iter().filter(|r| r.month == m && r.direction.is_none()).collect();
            assert_eq!(clinic.len(), 1, "{m}");
            let r = clinic[0];
            for f in [r.leads_plan, r.booking_rate_plan, r.show_rate_plan, r.paid_rate_plan, r.revenue_per_paid_plan] {
                assert!(f.is_some_and(|v| v > 0.0), "{m}");
            }
            let by_dir: f64 =
                p.plan.iter().filter(|r| r.month == m && r.direction.is_some()).map(|r| r.revenue_plan).sum();
            assert!((by_dir - r.revenue_plan).abs() < 1e-6, "{m}");
        }
        assert!(p.budget.iter().any(|b| b.month == PLAN_LAST && b.spend.is_none()));
        assert!(p.funnel.iter().any(|f| f.direction.is_none()));
        assert!(p.nps.iter().any(|n| n.period == NpsPeriod::Year(2025)));
        assert!(p.settings.holidays.len() >= 10);
        // No fixed salt or key: the demo has no patient-level data to key.
        assert!(p.settings.key_fingerprint.is_empty() && p.visits.is_none());
    }

    #[test]
    fn numbers_are_consistent() {
        let p = demo_project();
        for f in &p.funnel {
            let [l, b, v, pd] = [f.leads, f.bookings, f.visits, f.paid].map(|x| x.unwrap_or(0.0));
            assert!(b <= l && v <= b && pd <= v, "{f:?}");
            assert!(p.channel(&f.channel).is_some());
        }
        for r in &p.revenue {
            let checks = r.checks.unwrap_or(0.0);
            assert!(r.revenue > 0.0 && checks >= 1.0);
            assert_eq!(r.new_patients.unwrap_or(0.0) + r.repeat_patients.unwrap_or(0.0), checks);
        }
        for d in &p.doctors {
            let [rec, agr, perf] = [d.recommended, d.agreed, d.performed].map(|x| x.unwrap_or(0.0));
            assert!(agr <= rec && perf <= agr, "{d:?}");
            assert!(d.hours_booked.unwrap_or(0.0) <= d.hours_available.unwrap_or(0.0));
        }
        let doctors: BTreeSet<&str> = p.doctors.iter().map(|d| d.doctor.as_str()).collect();
        assert!((8..=10).contains(&doctors.len()));
        for n in &p.nps {
            assert!(n.score <= 10 && n.count > 0.0);
        }
        // Per month and direction, new patients' revenue is a part of all takings.
        let mut takings: BTreeMap<(Month, String), f64> = BTreeMap::new();
        for r in &p.revenue {
            *takings.entry((Month::of(r.date), r.direction.clone().unwrap_or_default())).or_default() += r.revenue;
        }
        let mut attributed: BTreeMap<(Month, String), f64> = BTreeMap::new();
        for f in p.funnel.iter().filter(|f| f.direction.is_some()) {
            *attributed.entry((f.month, f.direction.as_deref().unwrap_or_default().to_string())).or_default() +=
                f.revenue.unwrap_or(0.0);
        }
        for (key, a) in &attributed {
            let t = takings.get(key).copied().unwrap_or(0.0);
            assert!(*a < t * 0.6, "{key:?}: attributed {a} of {t}");
        }
    }

    /// The per-channel ROMI the story promises, over the complete months.
    #[test]
    fn channels_tell_their_story() {
        let p = demo_project();
        let margin = |d: &Option<Name>| d.as_deref().and_then(|n| p.direction(n)).map_or(0.5, |d| d.margin);
        let romi = |ch: &str| {
            let spend = sum(p.budget.iter().filter(|b| b.channel == ch && b.month < LAST).map(|b| b.spend));
            let profit: f64 = p
                .funnel
                .iter()
                .filter(|f| f.channel == ch && f.month < LAST)
                .map(|f| f.revenue.unwrap_or(0.0) * margin(&f.direction))
                .sum();
            (profit - spend) / spend
        };
        let all: Vec<(String, f64)> = p.channels.iter().map(|c| (c.name.clone(), romi(&c.name))).collect();
        for (name, r) in &all {
            assert!((-0.6..=4.0).contains(r), "{name}: romi {r}");
        }
        assert!(romi("ВКонтакте") < 0.0, "{all:?}");
        let best = all.iter().max_by(|a, b| a.1.total_cmp(&b.1)).map(|a| a.0.as_str());
        assert_eq!(best, Some("Рекомендации"), "{all:?}");
        // Spend shares close to 80 / 15 / 5.
        let tier_spend = |t: Tier| {
            sum(p.budget.iter().filter(|b| p.channel(&b.channel).is_some_and(|c| c.tier == t)).map(|b| b.spend))
        };
        let total: f64 = Tier::ALL.iter().map(|&t| tier_spend(t)).sum();
        let proven = tier_spend(Tier::Proven) / total;
        assert!((0.7..0.85).contains(&proven), "proven share {proven}");
        // One channel-month over budget, one under.
        let execution = |ch: &str, m: Month| {
            let b = p.budget.iter().find(|b| b.channel == ch && b.month == m).expect("budget row");
            b.spend.unwrap_or(0.0) / b.budget_plan.unwrap_or(1.0)
        };
        assert!(execution("Яндекс.Директ", ym(2026, 3)) > 1.15);
        assert!(execution("Яндекс.Директ", ym(2026, 7)) < 0.65);
    }

    /// LMDI contributions of the five factors, as domain.md defines them; the bottleneck factor.
    fn bottleneck(p: &Project, m: Month) -> &'static str {
        let rows: Vec<&FunnelRow> = p.funnel.iter().filter(|f| f.month == m).collect();
        let s = |get: fn(&FunnelRow) -> Option<f64>| sum(rows.iter().map(|r| get(r)));
        let (l, b, v, pd, r) = (s(|r| r.leads), s(|r| r.bookings), s(|r| r.visits), s(|r| r.paid), s(|r| r.revenue));
        let fact = [l, b / l, v / b, pd / v, r / pd];
        let plan_row = p.plan.iter().find(|r| r.month == m && r.direction.is_none()).expect("plan");
        let plan = [
            plan_row.leads_plan,
            plan_row.booking_rate_plan,
            plan_row.show_rate_plan,
            plan_row.paid_rate_plan,
            plan_row.revenue_per_paid_plan,
        ]
        .map(|x| x.unwrap_or(f64::NAN));
        let (rf, rp): (f64, f64) = (fact.iter().product(), plan.iter().product());
        let lm = if (rf - rp).abs() < 1e-9 { rf } else { (rf - rp) / (rf.ln() - rp.ln()) };
        let names = ["leads", "booking_rate", "show_rate", "paid_rate", "revenue_per_paid"];
        let contributions: Vec<f64> = fact.iter().zip(plan).map(|(f, p)| lm * (f / p).ln()).collect();
        let (i, _) = contributions.iter().enumerate().min_by(|a, b| a.1.total_cmp(b.1)).expect("five factors");
        names[i]
    }

    #[test]
    fn gap_breakdown_names_the_story_bottlenecks() {
        let p = demo_project();
        assert_eq!(bottleneck(&p, ym(2025, 12)), "booking_rate");
        assert_eq!(bottleneck(&p, ym(2026, 3)), "show_rate");
        assert_eq!(bottleneck(&p, ym(2026, 7)), "leads");
        assert!(["paid_rate", "revenue_per_paid"].contains(&bottleneck(&p, ym(2026, 9))));
    }

    #[test]
    fn petrov_has_the_textbook_treatment_plan_funnel() {
        let p = demo_project();
        let (mut rec, mut agr, mut perf) = (0.0, 0.0, 0.0);
        for d in p.doctors.iter().filter(|d| d.doctor.starts_with("Петров")) {
            rec += d.recommended.unwrap_or(0.0);
            agr += d.agreed.unwrap_or(0.0);
            perf += d.performed.unwrap_or(0.0);
        }
        assert!((0.7..0.8).contains(&(agr / rec)));
        assert!((0.2..0.3).contains(&(perf / rec)));
    }
}
