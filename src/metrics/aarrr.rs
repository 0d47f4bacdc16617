//! AARRR, the five links of the Chinese clinic playbook (获客 激活 留存 变现 转介绍): acquisition,
//! activation, retention, revenue and referral, with their change against the previous period.

use serde::Serialize;

use super::figure::Figure;
use super::{AsOf, Filter, Kpis, Totals};
use crate::model::{Month, Project};

/// Acquisition (获客): leads and their cost.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Acquisition {
    /// Leads of the period.
    pub leads: Option<f64>,
    /// spend / leads.
    pub cpl: Option<f64>,
    /// (current − previous) / previous leads; absent in `previous`.
    #[serde(skip_serializing_if = "Skip::skip")]
    pub change: Skip,
}

/// Activation (激活): the first visit that pays.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Activation {
    /// paid / visits.
    pub paid_rate: Option<f64>,
    /// Change of paid_rate against the previous period.
    #[serde(skip_serializing_if = "Skip::skip")]
    pub change: Skip,
}

/// Retention (留存): the share of repeat patient-days.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Retention {
    /// Σ repeat_patients / Σ (new_patients + repeat_patients).
    pub repeat_share: Option<f64>,
    /// Change of repeat_share against the previous period.
    #[serde(skip_serializing_if = "Skip::skip")]
    pub change: Skip,
}

/// Revenue (变现): the check and the clinic's LTV.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RevenueLink {
    /// revenue / checks.
    pub avg_check: Option<f64>,
    /// The clinic's LTV.
    pub ltv: Option<f64>,
    /// Change of avg_check against the previous period.
    #[serde(skip_serializing_if = "Skip::skip")]
    pub change: Skip,
}

/// Referral (转介绍): visits from referral channels.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Referral {
    /// Visits from referral channels / all visits.
    pub referral_share: Option<f64>,
    /// Change of referral_share against the previous period.
    #[serde(skip_serializing_if = "Skip::skip")]
    pub change: Skip,
}

/// A `change` that is printed (as a number or null) for the current period and left out of
/// `previous`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Skip {
    /// Not printed (the links of `previous`).
    #[default]
    Absent,
    /// Printed: the change, or null when undefined.
    Value(Option<f64>),
}

impl Skip {
    fn skip(&self) -> bool {
        matches!(self, Skip::Absent)
    }

    /// The change, `None` when absent or undefined.
    pub fn get(self) -> Option<f64> {
        match self {
            Skip::Absent => None,
            Skip::Value(v) => v,
        }
    }
}

/// The five links of one period.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Links {
    /// 获客.
    pub acquisition: Acquisition,
    /// 激活.
    pub activation: Activation,
    /// 留存.
    pub retention: Retention,
    /// 变现.
    pub revenue: RevenueLink,
    /// 转介绍.
    pub referral: Referral,
}

/// `aarrr` of `medfunnel kpi --json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Aarrr {
    /// The links of the period, each with its change.
    #[serde(flatten)]
    pub links: Links,
    /// The links of the previous period of the same length, without change; `None` when no row
    /// falls in it.
    pub previous: Option<Links>,
    /// The key of the link with the most negative change, `None` when none fell.
    pub weakest: Option<&'static str>,
}

/// The keys of the five links, in the playbook's order (also the order ties of `weakest` follow).
pub const LINK_KEYS: [&str; 5] = ["acquisition", "activation", "retention", "revenue", "referral"];

impl Links {
    /// The links of a period from its totals.
    fn of(total: &Totals) -> Self {
        let k = &total.kpis;
        Links {
            acquisition: Acquisition { leads: k.leads, cpl: k.cpl, change: Skip::Absent },
            activation: Activation { paid_rate: k.paid_rate, change: Skip::Absent },
            retention: Retention { repeat_share: k.repeat_share, change: Skip::Absent },
            revenue: RevenueLink { avg_check: k.avg_check, ltv: total.ltv, change: Skip::Absent },
            referral: Referral { referral_share: k.referral_share, change: Skip::Absent },
        }
    }

    /// Every number of the links, in [`LINK_KEYS`] order: the link's key, the figure and its value.
    /// A link's first number is its head, the one its change is measured on.
    pub fn measures(&self) -> [(&'static str, Figure, Option<f64>); 7] {
        [
            ("acquisition", Figure::Leads, self.acquisition.leads),
            ("acquisition", Figure::Cpl, self.acquisition.cpl),
            ("activation", Figure::PaidRate, self.activation.paid_rate),
            ("retention", Figure::RepeatShare, self.retention.repeat_share),
            ("revenue", Figure::AvgCheck, self.revenue.avg_check),
            ("revenue", Figure::Ltv, self.revenue.ltv),
            ("referral", Figure::ReferralShare, self.referral.referral_share),
        ]
    }

    /// Each link's first number, in [`LINK_KEYS`] order: the one its change is measured on.
    pub fn heads(&self) -> [Option<f64>; 5] {
        [
            self.acquisition.leads,
            self.activation.paid_rate,
            self.retention.repeat_share,
            self.revenue.avg_check,
            self.referral.referral_share,
        ]
    }

    /// Each link's change, in [`LINK_KEYS`] order.
    pub fn changes(&self) -> [Option<f64>; 5] {
        [
            self.acquisition.change.get(),
            self.activation.change.get(),
            self.retention.change.get(),
            self.revenue.change.get(),
            self.referral.change.get(),
        ]
    }

    fn set_changes(&mut self, c: [Option<f64>; 5]) {
        self.acquisition.change = Skip::Value(c[0]);
        self.activation.change = Skip::Value(c[1]);
        self.retention.change = Skip::Value(c[2]);
        self.revenue.change = Skip::Value(c[3]);
        self.referral.change = Skip::Value(c[4]);
    }
}

/// (current − previous) / previous; undefined when either is missing or previous is 0.
fn change(current: Option<f64>, previous: Option<f64>) -> Option<f64> {
    let (c, p) = (current?, previous?);
    let x = (c - p) / p;
    (p != 0.0 && x.is_finite()).then_some(x)
}

impl Aarrr {
    /// Every link null, with a null `change` printed, and no previous period.
    fn undefined() -> Self {
        let mut links = Links::default();
        links.set_changes([None; 5]);
        Aarrr { links, previous: None, weakest: None }
    }

    /// The current links against the previous period's (`None` when no row fell in it): the
    /// changes and the weakest link.
    fn compare(mut links: Links, previous: Option<Links>) -> Self {
        let prev = previous.as_ref().map_or([None; 5], Links::heads);
        let cur = links.heads();
        let changes: [Option<f64>; 5] = std::array::from_fn(|i| change(cur[i], prev[i]));
        links.set_changes(changes);
        let mut weakest: Option<(usize, f64)> = None;
        for (i, c) in changes.iter().enumerate() {
            if let Some(c) = c.filter(|c| *c < 0.0)
                && weakest.is_none_or(|(_, w)| c < w)
            {
                weakest = Some((i, c));
            }
        }
        Aarrr { links, previous, weakest: weakest.map(|(i, _)| LINK_KEYS[i]) }
    }
}

/// The period the links are measured on and the previous one of the same length, as
/// (first, last, previous first, previous last); `None` when no month of the period is complete.
///
/// Without `--from/--to` the period runs from the first to the last month of `months`; a period
/// reaching past the last complete month ends at it, so a partial month is never compared with a
/// whole one.
pub fn periods(filter: &Filter, months: &[Month], as_of: &AsOf) -> Option<(Month, Month, Month, Month)> {
    let from = filter.from.or_else(|| months.first().copied())?;
    let to = filter.to.or_else(|| months.last().copied())?;
    let end = to.min(as_of.last_complete_month()?);
    if end < from {
        return None;
    }
    let n = from.months_until(end) + 1;
    Some((from, end, from.shift(-n), from.shift(-1)))
}

/// The AARRR links of the filter's period (see [`periods`]) with their change against the previous
/// period. `computed` holds the KPIs of the filter itself, reused when the period is not cut short;
/// `compute` works out the KPIs of another period (every other filter kept).
pub(crate) fn aarrr(
    project: &Project,
    filter: &Filter,
    computed: &Kpis,
    compute: impl Fn(&Project, &Filter) -> Kpis,
) -> Aarrr {
    let months: Vec<Month> = computed.months.iter().map(|m| m.month).collect();
    let Some((from, to, prev_from, prev_to)) = periods(filter, &months, &AsOf::of(project)) else {
        return Aarrr::undefined();
    };
    // A period not cut short at the last complete month is the one already computed.
    let current = if filter.to.or_else(|| months.last().copied()) == Some(to) {
        Links::of(&computed.total)
    } else {
        Links::of(&compute(project, &Filter { from: Some(from), to: Some(to), ..filter.clone() }).total)
    };
    let previous = compute(project, &Filter { from: Some(prev_from), to: Some(prev_to), ..filter.clone() });
    let previous = (!previous.months.is_empty()).then(|| Links::of(&previous.total));
    Aarrr::compare(current, previous)
}

#[cfg(test)]
mod tests {
    use super::super::compute;
    use super::super::tests::{close, funnel, m};
    use super::*;
    use crate::model::{BudgetRow, Channel, Direction, PlanRow, RevenueRow, Tier};

    fn revenue(date: &str, rev: f64, checks: f64, new: f64, repeat: f64) -> RevenueRow {
        RevenueRow {
            date: date.parse().unwrap(),
            direction: Some("Стоматология".into()),
            revenue: rev,
            checks: Some(checks),
            new_patients: Some(new),
            repeat_patients: Some(repeat),
            month_row: false,
            branch: None,
        }
    }

    /// January–April 2026, D = 15 April (April in progress). Per month (Яндекс / Сарафан):
    /// leads, bookings, visits, paid; Яндекс's spend; revenue, checks, new, repeat.
    fn clinic() -> Project {
        let mut p = Project::new();
        p.directions =
            vec![Direction { name: "Стоматология".into(), margin: 0.5, visits_per_patient: Some(2.0) }];
        p.channels = vec![
            Channel {
                name: "Яндекс".into(), tier: Tier::Proven, kind: "контекст".into(), sources: vec![]
            },
            Channel {
                name: "Сарафан".into(), tier: Tier::Proven, kind: "Сарафанное радио".into(), sources: vec![]
            },
        ];
        let d = Some("Стоматология");
        for (mo, y, s, spend) in [
            (1, [100.0, 50.0, 40.0, 20.0, 40_000.0], [10.0, 10.0, 10.0, 5.0, 10_000.0], 50_000.0),
            (2, [80.0, 40.0, 30.0, 15.0, 30_000.0], [20.0, 20.0, 20.0, 10.0, 20_000.0], 40_000.0),
            (3, [60.0, 30.0, 30.0, 10.0, 20_000.0], [10.0, 10.0, 10.0, 5.0, 10_000.0], 30_000.0),
            (4, [50.0, 25.0, 20.0, 10.0, 20_000.0], [5.0, 5.0, 5.0, 2.0, 4_000.0], 20_000.0),
        ] {
            p.funnel.push(funnel(m(2026, mo), "Яндекс", d, y));
            p.funnel.push(funnel(m(2026, mo), "Сарафан", d, s));
            p.budget.push(BudgetRow {
                month: m(2026, mo),
                channel: "Яндекс".into(),
                budget_plan: None,
                spend: Some(spend),
                branch: None,
            });
        }
        p.revenue = vec![
            revenue("2026-01-10", 100_000.0, 20.0, 10.0, 10.0),
            revenue("2026-02-10", 120_000.0, 20.0, 10.0, 30.0),
            revenue("2026-03-10", 90_000.0, 30.0, 20.0, 20.0),
            revenue("2026-04-15", 50_000.0, 10.0, 5.0, 5.0),
        ];
        p
    }

    fn period(from: Month, to: Month) -> Filter {
        Filter { from: Some(from), to: Some(to), ..Filter::default() }
    }

    #[test]
    fn shares_per_month_and_kind_per_channel() {
        let k = compute(&clinic(), &Filter::default());
        // January: repeat 10 / (10 + 10) = 0.5; referral visits 10 / (40 + 10) = 0.2.
        close(k.months[0].repeat_share, 0.5);
        close(k.months[0].referral_share, 0.2);
        // Total: repeat 65 / (45 + 65); referral visits 45 / 165.
        close(k.total.kpis.repeat_share, 65.0 / 110.0);
        close(k.total.kpis.referral_share, 45.0 / 165.0);
        let kinds: Vec<&str> = k.channels.iter().map(|c| c.kind.as_str()).collect();
        assert_eq!(kinds, ["context", "referral"]);
    }

    #[test]
    fn links_end_at_the_last_complete_month_and_compare_with_as_many_months_before() {
        // February..April asked; April is in progress, so the period is February..March (2 months)
        // and the previous one December 2025..January 2026 (January has rows).
        let (from, to, pf, pt) = periods(&period(m(2026, 2), m(2026, 4)), &[], &AsOf::of(&clinic())).unwrap();
        assert_eq!((from, to, pf, pt), (m(2026, 2), m(2026, 3), m(2025, 12), m(2026, 1)));
        let a = compute(&clinic(), &period(m(2026, 2), m(2026, 4))).aarrr;
        let l = &a.links;
        // Current: leads 80 + 20 + 60 + 10 = 170; spend 70 000 → cpl 411.76…; visits 90, paid 40.
        close(l.acquisition.leads, 170.0);
        close(l.acquisition.cpl, 70_000.0 / 170.0);
        close(l.activation.paid_rate, 40.0 / 90.0);
        // repeat (30 + 20) / (10 + 30 + 20 + 20) = 50 / 80; avg check 210 000 / 50 = 4 200.
        close(l.retention.repeat_share, 0.625);
        close(l.revenue.avg_check, 4_200.0);
        // LTV = 4 200 × 2 visits × 0.5 margin.
        close(l.revenue.ltv, 4_200.0);
        // Referral visits 20 + 10 of 90.
        close(l.referral.referral_share, 30.0 / 90.0);
        // Previous (January): leads 110, cpl 50 000 / 110, paid 25 / 50, repeat 10 / 20,
        // check 100 000 / 20 = 5 000, LTV 5 000, referral 10 / 50.
        let p = a.previous.as_ref().unwrap();
        close(p.acquisition.leads, 110.0);
        close(p.acquisition.cpl, 50_000.0 / 110.0);
        close(p.activation.paid_rate, 0.5);
        close(p.retention.repeat_share, 0.5);
        close(p.revenue.avg_check, 5_000.0);
        close(p.revenue.ltv, 5_000.0);
        close(p.referral.referral_share, 0.2);
        // Changes: 60 / 110; (4/9 − 1/2) / (1/2) = −1/9; 0.125 / 0.5; −800 / 5 000; (1/3 − 0.2) / 0.2.
        close(l.acquisition.change.get(), 60.0 / 110.0);
        close(l.activation.change.get(), -1.0 / 9.0);
        close(l.retention.change.get(), 0.25);
        close(l.revenue.change.get(), -0.16);
        close(l.referral.change.get(), 2.0 / 3.0);
        // −0.16 is below −0.111…: the revenue link is the weakest.
        assert_eq!(a.weakest, Some("revenue"));
    }

    #[test]
    fn without_a_period_the_months_of_the_data_are_the_period() {
        // January..April, cut at March: three months; the previous three have no rows.
        let a = compute(&clinic(), &Filter::default()).aarrr;
        close(a.links.acquisition.leads, 280.0);
        assert_eq!(a.previous, None);
        assert_eq!(a.links.changes(), [None; 5]);
        assert_eq!(a.weakest, None);
        let json = serde_json::to_value(&a).unwrap();
        assert!(json["acquisition"]["change"].is_null() && json["acquisition"].get("change").is_some());
        assert!(json["previous"].is_null());
    }

    #[test]
    fn a_plan_row_alone_makes_a_previous_period() {
        let mut p = clinic();
        p.plan.push(PlanRow {
            month: m(2025, 12),
            direction: None,
            revenue_plan: 1.0,
            leads_plan: None,
            booking_rate_plan: None,
            show_rate_plan: None,
            paid_rate_plan: None,
            revenue_per_paid_plan: None,
            branch: None,
        });
        // Period January..March; previous October..December 2025 holds only the plan row: the
        // previous links exist with 0 leads, so no change can be measured against them.
        let a = compute(&p, &period(m(2026, 1), m(2026, 3))).aarrr;
        let prev = a.previous.as_ref().unwrap();
        close(prev.acquisition.leads, 0.0);
        assert_eq!(prev.activation.paid_rate, None);
        assert_eq!(a.links.acquisition.change.get(), None);
        // `previous` has no `change` keys.
        let json = serde_json::to_value(&a).unwrap();
        assert!(json["previous"]["acquisition"].get("change").is_none());
        assert!(json["previous"]["acquisition"].get("leads").is_some());
    }

    #[test]
    fn no_complete_month_leaves_every_link_null() {
        for (p, f) in [
            (clinic(), period(m(2026, 4), m(2026, 4))),
            // No Revenue rows: no as-of day, no month is known to be complete.
            (Project { revenue: vec![], ..clinic() }, Filter::default()),
        ] {
            let a = compute(&p, &f).aarrr;
            assert_eq!(a, Aarrr::undefined());
            let json = serde_json::to_value(&a).unwrap();
            assert!(json["referral"]["referral_share"].is_null() && json["referral"]["change"].is_null());
        }
    }
}
