//! Calls: the phone before the lead (domain.md, "Calls"): answer rate, lost contacts, waits per
//! month, channel and employee, and the money left on the phone.
//!
//! The Calls sheet has no direction: under a direction filter no Calls row is kept (as Revenue
//! rows without a direction are not), so the calls figures are 0 and their ratios undefined.

use std::collections::BTreeMap;

use chrono::{Datelike, Timelike};
use serde::Serialize;

use super::num::Guard;
use super::{ChannelKpis, Filter, MonthKpis};
use crate::model::{CallRow, ContactOutcome, ContactRecord, Month, Project};

/// One employee's calls over the period (employees with a Calls row; blank aside).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EmployeeKpis {
    /// The employee as written on the Calls sheet.
    pub employee: String,
    /// Contacts the employee answered.
    pub answered: Option<f64>,
    /// wait_seconds / answered.
    pub avg_wait: Option<f64>,
    /// talk_seconds / answered.
    pub avg_talk: Option<f64>,
}

/// Sums of Calls rows (an empty count is 0).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CallSums {
    /// Contacts.
    pub contacts: f64,
    /// Contacts answered.
    pub answered: f64,
    /// Missed contacts not recovered within 24 hours.
    pub lost: f64,
    /// Missed contacts called back within 20 minutes.
    pub callbacks_20m: f64,
    /// Missed contacts called back later within 24 hours.
    pub callbacks: f64,
    /// Missed contacts whose patient called again the next day and was answered.
    pub recalled: f64,
    /// Incoming calls.
    pub calls_in: f64,
    /// Seconds of waiting over answered incoming calls.
    pub wait_seconds: f64,
    /// Seconds of talk over answered incoming calls.
    pub talk_seconds: f64,
}

impl CallSums {
    fn add(&mut self, r: &CallRow) {
        let v = |x: Option<f64>| x.unwrap_or(0.0);
        self.absorb(&CallSums {
            contacts: v(r.contacts),
            answered: v(r.answered),
            lost: v(r.lost),
            callbacks_20m: v(r.callbacks_20m),
            callbacks: v(r.callbacks),
            recalled: v(r.recalled),
            calls_in: v(r.calls_in),
            wait_seconds: v(r.wait_seconds),
            talk_seconds: v(r.talk_seconds),
        });
    }

    fn absorb(&mut self, o: &CallSums) {
        self.contacts += o.contacts;
        self.answered += o.answered;
        self.lost += o.lost;
        self.callbacks_20m += o.callbacks_20m;
        self.callbacks += o.callbacks;
        self.recalled += o.recalled;
        self.calls_in += o.calls_in;
        self.wait_seconds += o.wait_seconds;
        self.talk_seconds += o.talk_seconds;
    }

    /// contacts − answered.
    pub fn missed(&self) -> f64 {
        self.contacts - self.answered
    }
}

/// Whether a Calls row is kept by the filter (month, channel; none under a direction filter).
fn kept(filter: &Filter, r: &CallRow) -> bool {
    filter.has_month(r.month)
        && filter.direction.is_none()
        && filter.channel.as_deref().is_none_or(|c| r.channel.as_deref() == Some(c))
}

/// Money left on the phone: lost × min(1, lead_per_contact) × revenue_per_lead, where
/// revenue_per_lead = attributed_revenue / leads; 0 when nothing was lost, `None` when undefined.
pub(crate) fn money_left(
    g: &Guard,
    lost: Option<f64>,
    lead_per_contact: Option<f64>,
    attributed_revenue: Option<f64>,
    leads: Option<f64>,
) -> Option<f64> {
    let lost = lost?;
    if lost == 0.0 {
        return Some(0.0);
    }
    let per_lead = g.ratio(attributed_revenue, leads)?;
    g.fin(lost * lead_per_contact?.min(1.0) * per_lead)
}

/// Writes the calls fields of a month (or the total) from its sums; the month's leads and
/// attributed revenue are already in `k`.
fn fill_month(g: &Guard, k: &mut MonthKpis, s: &CallSums) {
    k.contacts = g.fin(s.contacts);
    k.answered = g.fin(s.answered);
    k.answer_rate = g.ratio(k.answered, k.contacts);
    k.lost = g.fin(s.lost);
    k.lost_rate = g.ratio(k.lost, k.contacts);
    k.callback_20m_rate = g.ratio(g.fin(s.callbacks_20m), g.fin(s.missed()));
    k.avg_wait = g.ratio(g.fin(s.wait_seconds), k.answered);
    k.lead_per_contact = g.ratio(k.leads, k.contacts);
    k.lost_revenue = money_left(g, k.lost, k.lead_per_contact, k.attributed_revenue, k.leads);
}

/// Fills every calls field of the months, the total and the channels from the Calls sheet, and
/// returns the employees (ascending by name). Called at the end of [`super::compute`], once the
/// funnel figures the ratios need are in place.
pub(super) fn fill(
    project: &Project,
    filter: &Filter,
    g: &Guard,
    months: &mut [MonthKpis],
    total: &mut MonthKpis,
    channels: &mut [ChannelKpis],
) -> Vec<EmployeeKpis> {
    let mut by_month: BTreeMap<Month, CallSums> = months.iter().map(|k| (k.month, CallSums::default())).collect();
    let mut by_channel: BTreeMap<&str, CallSums> = BTreeMap::new();
    let mut by_employee: BTreeMap<&str, CallSums> = BTreeMap::new();
    let mut all = CallSums::default();
    for r in project.calls.iter().filter(|r| kept(filter, r)) {
        all.add(r);
        if let Some(s) = by_month.get_mut(&r.month) {
            s.add(r);
        }
        if let Some(c) = r.channel.as_deref() {
            by_channel.entry(c).or_default().add(r);
        }
        if let Some(e) = r.employee.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
            by_employee.entry(e).or_default().add(r);
        }
    }
    for k in months.iter_mut() {
        let s = by_month.get(&k.month).copied().unwrap_or_default();
        fill_month(g, k, &s);
    }
    fill_month(g, total, &all);
    for k in channels.iter_mut() {
        let s = by_channel.get(k.channel.as_str()).copied().unwrap_or_default();
        k.contacts = g.fin(s.contacts);
        k.answered = g.fin(s.answered);
        k.answer_rate = g.ratio(k.answered, k.contacts);
        k.lost = g.fin(s.lost);
        k.lead_per_contact = g.ratio(k.leads, k.contacts);
    }
    by_employee
        .into_iter()
        .map(|(e, s)| {
            let answered = g.fin(s.answered);
            EmployeeKpis {
                employee: e.to_string(),
                answered,
                avg_wait: g.ratio(g.fin(s.wait_seconds), answered),
                avg_talk: g.ratio(g.fin(s.talk_seconds), answered),
            }
        })
        .collect()
}

/// One month of the Calls view and the report's calls table: how the contacts ended.
#[derive(Clone, Debug, PartialEq)]
pub struct CallMonth {
    /// The month.
    pub month: Month,
    /// The month's sums.
    pub sums: CallSums,
    /// answered / contacts.
    pub answer_rate: Option<f64>,
    /// lost / contacts.
    pub lost_rate: Option<f64>,
    /// callbacks_20m / missed.
    pub callback_20m_rate: Option<f64>,
    /// wait_seconds / answered.
    pub avg_wait: Option<f64>,
    /// talk_seconds / answered.
    pub avg_talk: Option<f64>,
}

/// The months with Calls rows the filter keeps, ascending, with how their contacts ended.
pub fn call_months(project: &Project, filter: &Filter) -> Vec<CallMonth> {
    let g = Guard::default();
    let mut by_month: BTreeMap<Month, CallSums> = BTreeMap::new();
    for r in project.calls.iter().filter(|r| kept(filter, r)) {
        by_month.entry(r.month).or_default().add(r);
    }
    by_month.into_iter().map(|(month, s)| month_of(&g, month, s)).collect()
}

/// The months of [`call_months`] taken together: the period's row of the calls table.
pub fn period_of(months: &[CallMonth]) -> CallMonth {
    let g = Guard::default();
    let mut s = CallSums::default();
    for m in months {
        s.absorb(&m.sums);
    }
    month_of(&g, months.first().map_or(Month { year: 0, month: 1 }, |m| m.month), s)
}

fn month_of(g: &Guard, month: Month, s: CallSums) -> CallMonth {
    let answered = g.fin(s.answered);
    let contacts = g.fin(s.contacts);
    CallMonth {
        month,
        sums: s,
        answer_rate: g.ratio(answered, contacts),
        lost_rate: g.ratio(g.fin(s.lost), contacts),
        callback_20m_rate: g.ratio(g.fin(s.callbacks_20m), g.fin(s.missed())),
        avg_wait: g.ratio(g.fin(s.wait_seconds), answered),
        avg_talk: g.ratio(g.fin(s.talk_seconds), answered),
    }
}

/// Answer rate of the kept contacts by weekday (Monday first) and hour of day: answered contacts /
/// contacts that started in that hour, `None` where there were none. Only contacts of months the
/// filter keeps count (contacts have no direction, so none under a direction filter).
pub fn answer_rate_by_hour(contacts: &[ContactRecord], filter: &Filter) -> [[Option<f64>; 24]; 7] {
    let mut n = [[0u32; 24]; 7];
    let mut answered = [[0u32; 24]; 7];
    for c in contacts {
        if !filter.has_month(Month::of(c.time.date()))
            || filter.direction.is_some()
            || filter.channel.as_deref().is_some_and(|f| c.channel.as_deref() != Some(f))
        {
            continue;
        }
        let (d, h) = (c.time.weekday().num_days_from_monday() as usize, c.time.hour() as usize);
        n[d][h] += 1;
        if c.outcome == ContactOutcome::Answered {
            answered[d][h] += 1;
        }
    }
    let mut out = [[None; 24]; 7];
    for d in 0..7 {
        for h in 0..24 {
            if n[d][h] > 0 {
                out[d][h] = Some(f64::from(answered[d][h]) / f64::from(n[d][h]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::compute;
    use crate::model::{Channel, FunnelRow, Tier};

    fn call_row(month: &str, channel: Option<&str>, employee: Option<&str>, n: [f64; 9]) -> CallRow {
        CallRow {
            month: month.parse().unwrap(),
            channel: channel.map(str::to_string),
            employee: employee.map(str::to_string),
            contacts: Some(n[0]),
            answered: Some(n[1]),
            lost: Some(n[2]),
            callbacks_20m: Some(n[3]),
            callbacks: Some(n[4]),
            recalled: Some(n[5]),
            calls_in: Some(n[6]),
            wait_seconds: Some(n[7]),
            talk_seconds: Some(n[8]),
            branch: None,
        }
    }

    fn funnel(month: &str, channel: &str, leads: f64, revenue: f64) -> FunnelRow {
        FunnelRow {
            branch: None,
            month: month.parse().unwrap(),
            channel: channel.into(),
            direction: None,
            leads: Some(leads),
            bookings: None,
            visits: None,
            paid: None,
            revenue: Some(revenue),
            returning_leads: None,
        }
    }

    fn project() -> Project {
        let mut p = Project::new();
        p.channels.push(Channel { name: "Яндекс".into(), tier: Tier::Proven, ..Channel::default() });
        p.channels.push(Channel { name: "Сайт".into(), tier: Tier::Scaling, ..Channel::default() });
        // March: Яндекс 60 contacts, 50 answered by Анна (40) and Олег (10), 10 missed of which
        // 4 called back in 20 min, 2 later, 1 recalled, 3 lost; Сайт 20 contacts, 15 answered by
        // Анна, 5 lost; 10 contacts of unknown source, 5 answered by Олег, 5 lost.
        p.calls = vec![
            call_row("2025-03", Some("Яндекс"), Some("Анна"), [40.0, 40.0, 0.0, 0.0, 0.0, 0.0, 44.0, 800.0, 4000.0]),
            call_row("2025-03", Some("Яндекс"), Some("Олег"), [10.0, 10.0, 0.0, 0.0, 0.0, 0.0, 10.0, 300.0, 1500.0]),
            call_row("2025-03", Some("Яндекс"), None, [10.0, 0.0, 3.0, 4.0, 2.0, 1.0, 12.0, 0.0, 0.0]),
            call_row("2025-03", Some("Сайт"), Some("Анна"), [15.0, 15.0, 0.0, 0.0, 0.0, 0.0, 15.0, 300.0, 1500.0]),
            call_row("2025-03", Some("Сайт"), None, [5.0, 0.0, 5.0, 0.0, 0.0, 0.0, 6.0, 0.0, 0.0]),
            call_row("2025-03", None, Some("Олег"), [5.0, 5.0, 0.0, 0.0, 0.0, 0.0, 5.0, 100.0, 500.0]),
            call_row("2025-03", None, None, [5.0, 0.0, 5.0, 0.0, 0.0, 0.0, 5.0, 0.0, 0.0]),
        ];
        // 45 Яндекс leads bringing 900 000, 15 Сайт leads bringing 300 000: 60 leads, 1 200 000.
        p.funnel = vec![funnel("2025-03", "Яндекс", 45.0, 900_000.0), funnel("2025-03", "Сайт", 15.0, 300_000.0)];
        p
    }

    #[test]
    fn month_channel_and_employee_figures() {
        let k = compute(&project(), &Filter::default());
        let m = &k.months[0];
        // 60 + 20 + 10 = 90 contacts; answered 40 + 10 + 15 + 5 = 70; lost 3 + 5 + 5 = 13.
        assert_eq!(m.contacts, Some(90.0));
        assert_eq!(m.answered, Some(70.0));
        assert_eq!(m.answer_rate, Some(70.0 / 90.0));
        assert_eq!(m.lost, Some(13.0));
        assert_eq!(m.lost_rate, Some(13.0 / 90.0));
        // missed = 90 − 70 = 20; called back within 20 min: 4 → 4 / 20 = 0.2.
        assert_eq!(m.callback_20m_rate, Some(0.2));
        // waits 800 + 300 + 300 + 100 = 1500 s over 70 answered.
        assert_eq!(m.avg_wait, Some(1500.0 / 70.0));
        // 60 leads / 90 contacts (blank-channel contacts included) = 2/3.
        assert_eq!(m.lead_per_contact, Some(60.0 / 90.0));
        // 13 lost × min(1, 2/3) × (1 200 000 / 60 = 20 000 per lead) = 173 333.33…
        let want = 13.0 * (60.0 / 90.0) * 20_000.0;
        assert!((m.lost_revenue.unwrap() - want).abs() < 1e-6);
        assert_eq!(k.total.kpis.contacts, Some(90.0));
        assert!((k.total.kpis.lost_revenue.unwrap() - want).abs() < 1e-6);

        let y = k.channels.iter().find(|c| c.channel == "Яндекс").unwrap();
        // Яндекс: 60 contacts, 50 answered, 3 lost, 45 leads → 0.75 leads per contact.
        assert_eq!((y.contacts, y.answered, y.lost), (Some(60.0), Some(50.0), Some(3.0)));
        assert_eq!(y.answer_rate, Some(50.0 / 60.0));
        assert_eq!(y.lead_per_contact, Some(0.75));
        let s = k.channels.iter().find(|c| c.channel == "Сайт").unwrap();
        assert_eq!(s.lead_per_contact, Some(15.0 / 20.0));

        // Employees ascending: Анна 55 answered, waits 1100 s, talk 5500 s; Олег 15, 400 s, 2000 s.
        assert_eq!(k.employees.len(), 2);
        let a = &k.employees[0];
        assert_eq!((a.employee.as_str(), a.answered), ("Анна", Some(55.0)));
        assert_eq!(a.avg_wait, Some(1100.0 / 55.0));
        assert_eq!(a.avg_talk, Some(100.0));
        let o = &k.employees[1];
        assert_eq!((o.employee.as_str(), o.answered), ("Олег", Some(15.0)));
        assert_eq!(o.avg_talk, Some(2000.0 / 15.0));
    }

    #[test]
    fn lead_per_contact_above_one_counts_each_lost_contact_once() {
        let mut p = project();
        // 300 leads against 90 contacts: min(1, 300/90) = 1, so 13 lost × 1 × (1 200 000 / 300 = 4 000).
        p.funnel[0].leads = Some(285.0);
        let k = compute(&p, &Filter::default());
        assert_eq!(k.months[0].lost_revenue, Some(13.0 * 4_000.0));
    }

    #[test]
    fn undefined_and_zero_money() {
        let mut p = project();
        p.funnel.clear();
        let k = compute(&p, &Filter::default());
        // No leads: revenue per lead is undefined, so is the money; lead_per_contact = 0 / 90 = 0.
        assert_eq!(k.months[0].lead_per_contact, Some(0.0));
        assert_eq!(k.months[0].lost_revenue, None);
        for r in &mut p.calls {
            r.lost = Some(0.0);
        }
        let k = compute(&p, &Filter::default());
        assert_eq!(k.months[0].lost_revenue, Some(0.0));
    }

    #[test]
    fn a_month_with_only_calls_is_a_month() {
        let mut p = project();
        p.funnel.clear();
        p.calls.push(call_row("2025-04", Some("Чат"), None, [4.0, 3.0, 1.0, 0.0, 0.0, 0.0, 4.0, 0.0, 0.0]));
        let k = compute(&p, &Filter::default());
        let months: Vec<String> = k.months.iter().map(|m| m.month.to_string()).collect();
        assert_eq!(months, ["2025-03", "2025-04"]);
        assert_eq!(k.months[1].answer_rate, Some(0.75));
        // A channel only in the Calls sheet is listed with its contacts.
        assert!(k.channels.iter().any(|c| c.channel == "Чат" && c.contacts == Some(4.0)));
        // No Calls rows: sums are 0, ratios undefined.
        let empty = compute(&Project::new(), &Filter::default());
        assert!(empty.employees.is_empty());
        assert_eq!(empty.total.kpis.contacts, Some(0.0));
        assert_eq!(empty.total.kpis.answer_rate, None);
    }

    #[test]
    fn filters() {
        let p = project();
        let by_channel = Filter { channel: Some("Сайт".into()), ..Filter::default() };
        let k = compute(&p, &by_channel);
        // Сайт alone: 20 contacts, 15 answered, 15 leads.
        assert_eq!(k.total.kpis.contacts, Some(20.0));
        assert_eq!(k.total.kpis.lead_per_contact, Some(0.75));
        let by_direction = Filter { direction: Some("Стоматология".into()), ..Filter::default() };
        assert_eq!(compute(&p, &by_direction).total.kpis.contacts, Some(0.0));
        let later = Filter { from: Some("2025-04".parse().unwrap()), ..Filter::default() };
        assert_eq!(compute(&p, &later).total.kpis.contacts, Some(0.0));
    }

    #[test]
    fn months_and_heat_map() {
        let ms = call_months(&project(), &Filter::default());
        assert_eq!(ms.len(), 1);
        // missed 20: 4 + 2 + 1 recovered, 13 lost.
        let s = ms[0].sums;
        assert_eq!((s.callbacks_20m, s.callbacks, s.recalled, s.lost, s.missed()), (4.0, 2.0, 1.0, 13.0, 20.0));
        assert_eq!(ms[0].avg_talk, Some(7500.0 / 70.0));

        let at = |d: &str| chrono::NaiveDateTime::parse_from_str(d, "%Y-%m-%d %H:%M").unwrap();
        let contact = |t: &str, outcome| ContactRecord {
            time: at(t),
            patient: "k".into(),
            channel: None,
            employee: None,
            outcome,
            branch: None,
        };
        // Monday 2025-03-03 at 9: one answered, one lost → 0.5; Sunday 2025-03-09 at 20: lost → 0.
        let cs = [
            contact("2025-03-03 09:05", ContactOutcome::Answered),
            contact("2025-03-03 09:55", ContactOutcome::Lost),
            contact("2025-03-09 20:10", ContactOutcome::Lost),
        ];
        let h = answer_rate_by_hour(&cs, &Filter::default());
        assert_eq!(h[0][9], Some(0.5));
        assert_eq!(h[6][20], Some(0.0));
        assert_eq!(h[0][10], None);
    }
}
