//! Patient cohorts from imported visits: retention and cumulative LTV by first-visit month, and each
//! direction's LTV from its patients' own first year.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Month, VisitRecord, Visits};

/// One cohort: the patients whose first visit fell in `cohort`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cohort {
    /// Month of the first visit.
    pub cohort: Month,
    /// Size of the cohort.
    pub patients: usize,
    /// retained[k]: share of the cohort with a visit in month cohort + k (retained[0] = 1).
    pub retained: Vec<f64>,
    /// ltv[k]: gross profit of the cohort's visits in months cohort..=cohort + k, per patient.
    pub ltv: Vec<Option<f64>>,
}

pub(crate) struct Patient {
    first: NaiveDate,
    /// The record of the first visit (the first record on the first day).
    first_record: u32,
    /// This patient's visits: `start..end` of [`Patients::order`] (`u32`s: a KPI pass keeps the
    /// grouping of a million visits in memory).
    start: u32,
    end: u32,
}

/// Identified visits grouped by patient. The visit indices of all patients share one flat list
/// (each patient a range of it, in record order): a million visits are grouped without a
/// vector per patient. Made once per KPI pass ([`patients`]) for both [`cohorts_of`] and
/// [`first_year_ltv_of`], from the patients the visits keep told apart ([`Visits::patients`]).
pub(crate) struct Patients {
    list: Vec<Patient>,
    order: Vec<u32>,
}

impl Patients {
    fn visits(&self, p: &Patient) -> &[u32] {
        &self.order[p.start as usize..p.end as usize]
    }
}

/// Groups identified visits by patient (first-appearance order), with the first visit's day and
/// the direction of the first record on that day: a counting sort by the patients' numbers.
pub(crate) fn patients(visits: &Visits) -> Patients {
    let ids = visits.patients().ids();
    let mut list: Vec<Patient> = Vec::with_capacity(visits.patients().count());
    let mut counts: Vec<u32> = Vec::with_capacity(list.capacity());
    for (i, (v, &p)) in visits.iter().zip(ids).enumerate() {
        let Some(n) = counts.get_mut(p as usize) else {
            // Patients are numbered by first record: an unseen one is the next number (or none).
            if p as usize == list.len() {
                list.push(Patient { first: v.date, first_record: i as u32, start: 0, end: 0 });
                counts.push(1);
            }
            continue;
        };
        *n += 1;
        let pat = &mut list[p as usize];
        if v.date < pat.first {
            pat.first = v.date;
            pat.first_record = i as u32;
        }
    }
    // A counting sort by patient keeps record order.
    let mut start = 0;
    for (pat, n) in list.iter_mut().zip(&counts) {
        (pat.start, pat.end) = (start, start);
        start += n;
    }
    let mut order = vec![0; start as usize];
    for (i, &p) in ids.iter().enumerate() {
        if let Some(pat) = list.get_mut(p as usize) {
            order[pat.end as usize] = i as u32;
            pat.end += 1;
        }
    }
    Patients { list, order }
}

/// Cohorts with their whole series, for cohort months inside `from..=to` (inclusive, `None` = open).
/// `margin` gives the margin of a visit's direction (`None` when no margin can be known).
pub fn cohorts(
    visits: &Visits,
    from: Option<Month>,
    to: Option<Month>,
    margin: impl Fn(Option<&str>) -> Option<f64>,
) -> Vec<Cohort> {
    cohorts_of(visits, &patients(visits), from, to, margin)
}

/// [`cohorts`] with the visits already grouped (`grouped` must be [`patients`] of `visits`).
pub(crate) fn cohorts_of(
    visits: &[VisitRecord],
    grouped: &Patients,
    from: Option<Month>,
    to: Option<Month>,
    margin: impl Fn(Option<&str>) -> Option<f64>,
) -> Vec<Cohort> {
    let Some(last) = visits.iter().map(|v| Month::of(v.date)).max() else { return Vec::new() };
    let mut by_month: std::collections::BTreeMap<Month, Vec<&Patient>> = Default::default();
    for p in &grouped.list {
        by_month.entry(Month::of(p.first)).or_default().push(p);
    }
    by_month
        .into_iter()
        .filter(|(m, _)| from.is_none_or(|f| *m >= f) && to.is_none_or(|t| *m <= t))
        .map(|(m, ps)| {
            let span = m.months_until(last).max(0) as usize + 1;
            let mut present = vec![0usize; span];
            let mut profit: Vec<Option<f64>> = vec![Some(0.0); span];
            // One buffer for the cohort, cleared per patient: no allocation per patient.
            let mut seen = vec![false; span];
            for p in &ps {
                seen.fill(false);
                for &i in grouped.visits(p) {
                    let v = &visits[i as usize];
                    let k = m.months_until(Month::of(v.date)) as usize;
                    seen[k] = true;
                    profit[k] = profit[k].zip(margin(v.direction.as_deref())).map(|(s, mg)| s + v.amount * mg);
                }
                present.iter_mut().zip(&seen).for_each(|(c, s)| *c += usize::from(*s));
            }
            let n = ps.len() as f64;
            let mut acc = Some(0.0);
            let ltv = profit
                .iter()
                .map(|p| {
                    acc = acc.zip(*p).map(|(a, b)| a + b);
                    acc.map(|a| a / n).filter(|x| x.is_finite())
                })
                .collect();
            Cohort { cohort: m, patients: ps.len(), retained: present.iter().map(|c| *c as f64 / n).collect(), ltv }
        })
        .collect()
}

/// LTV per direction of first visit: mean gross profit of each patient's visits on days f..=f+365
/// over patients whose first visit day f is at least 365 days before the export's last visit day.
/// Directions with no such patient are absent from the map.
pub fn first_year_ltv(visits: &Visits, margin: impl Fn(Option<&str>) -> Option<f64>) -> HashMap<String, Option<f64>> {
    first_year_ltv_of(visits, &patients(visits), margin)
}

/// [`first_year_ltv`] with the visits already grouped (`grouped` must be [`patients`] of `visits`).
pub(crate) fn first_year_ltv_of(
    visits: &[VisitRecord],
    grouped: &Patients,
    margin: impl Fn(Option<&str>) -> Option<f64>,
) -> HashMap<String, Option<f64>> {
    let Some(last) = visits.iter().map(|v| v.date).max() else { return HashMap::new() };
    let mut sums: HashMap<String, (Option<f64>, usize)> = HashMap::new();
    for p in &grouped.list {
        if (last - p.first).num_days() < 365 {
            continue;
        }
        let Some(dir) = visits[p.first_record as usize].direction.as_deref() else { continue };
        let end = p.first + chrono::Days::new(365);
        let mut gp = Some(0.0);
        for &i in grouped.visits(p) {
            let v = &visits[i as usize];
            if v.date <= end {
                gp = gp.zip(margin(v.direction.as_deref())).map(|(s, m)| s + v.amount * m);
            }
        }
        let e = sums.entry(dir.to_string()).or_insert((Some(0.0), 0));
        e.0 = e.0.zip(gp).map(|(a, b)| a + b);
        e.1 += 1;
    }
    sums.into_iter().map(|(d, (s, n))| (d, s.map(|s| s / n as f64).filter(|x| x.is_finite()))).collect()
}

/// The patient-weighted average LTV after k months, over the cohorts that have reached month k.
pub fn average_ltv(cohorts: &[Cohort]) -> Vec<Option<f64>> {
    let width = cohorts.iter().map(|c| c.ltv.len()).max().unwrap_or(0);
    (0..width)
        .map(|k| {
            let (sum, n) = cohorts
                .iter()
                .filter_map(|c| c.ltv.get(k).copied().flatten().map(|v| (v * c.patients as f64, c.patients)))
                .fold((0.0, 0usize), |(s, n), (v, p)| (s + v, n + p));
            (n > 0).then(|| sum / n as f64)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(date: &str, patient: Option<&str>, dir: &str, amount: f64) -> VisitRecord {
        VisitRecord {
            date: date.parse().unwrap(),
            patient: patient.map(Into::into),
            direction: Some(dir.into()),
            doctor: None,
            amount,
            branch: None,
        }
    }

    fn margin(d: Option<&str>) -> Option<f64> {
        Some(if d == Some("dent") { 0.5 } else { 0.25 })
    }

    #[test]
    fn retention_and_cumulative_ltv() {
        let visits = vec![
            v("2025-01-10", Some("a"), "dent", 1000.0),
            v("2025-01-20", Some("b"), "us", 400.0),
            v("2025-03-05", Some("a"), "dent", 2000.0),
            v("2025-02-01", Some("c"), "dent", 100.0),
            v("2025-03-01", None, "dent", 9999.0), // no identity: in no cohort
        ];
        let visits = Visits::new(visits);
        let c = cohorts(&visits, None, None, margin);
        assert_eq!(c.len(), 2);
        let jan = &c[0];
        assert_eq!((jan.cohort.to_string(), jan.patients), ("2025-01".to_string(), 2));
        // a and b in Jan; nobody in Feb; a in Mar.
        assert_eq!(jan.retained, vec![1.0, 0.0, 0.5]);
        // Jan: 1000×0.5 + 400×0.25 = 600 → 300 per patient; Mar adds 2000×0.5 = 1000 → 800.
        assert_eq!(jan.ltv, vec![Some(300.0), Some(300.0), Some(800.0)]);
        assert_eq!(c[1].retained, vec![1.0, 0.0]);
        // The filter keeps cohorts by cohort month, with the whole series.
        let f = cohorts(&visits, Month::new(2025, 2), None, margin);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].ltv.len(), 2);
    }

    #[test]
    fn patients_by_shared_copy_and_by_text() {
        // b's visits share one copy of the key, a's come in two copies of the same text (a key that
        // was not shared): a is one patient all the same. First appearance: a (record 0), then b.
        let b: std::sync::Arc<str> = "b".into();
        let mut visits = vec![
            v("2025-03-01", Some("a"), "dent", 1.0),
            v("2025-02-01", None, "dent", 1.0),
            v("2025-02-10", Some("b"), "us", 1.0),
            v("2025-01-05", Some("a"), "us", 1.0),
            v("2025-01-05", Some("b"), "dent", 1.0),
            v("2025-01-05", Some("a"), "dent", 1.0),
        ];
        visits[2].patient = Some(b.clone());
        visits[4].patient = Some(b);
        let g = patients(&Visits::new(visits));
        assert_eq!(g.list.len(), 2);
        // a: records 0, 3, 5; first day 2025-01-05, first record on it 3 (the earlier one).
        let a = &g.list[0];
        assert_eq!((a.first.to_string(), a.first_record), ("2025-01-05".to_string(), 3));
        assert_eq!(g.visits(a), &[0, 3, 5]);
        let b = &g.list[1];
        assert_eq!((b.first.to_string(), b.first_record), ("2025-01-05".to_string(), 4));
        assert_eq!(g.visits(b), &[2, 4]);
    }

    #[test]
    fn first_year_ltv_boundary() {
        // Last visit in the export: 2026-01-10. a first came 2025-01-10 (365 days before: counts),
        // b on 2025-01-11 (364 days: too recent).
        let visits = vec![
            v("2025-01-10", Some("a"), "dent", 1000.0),
            v("2026-01-10", Some("a"), "us", 400.0), // day f + 365: inside the year
            v("2025-01-11", Some("b"), "dent", 5000.0),
            v("2026-01-10", Some("b"), "dent", 5000.0),
        ];
        let ltv = first_year_ltv(&Visits::new(visits), margin);
        // a: 1000 × 0.5 + 400 × 0.25 = 600.
        assert_eq!(ltv.get("dent"), Some(&Some(600.0)));
        assert_eq!(ltv.len(), 1);
        let later = vec![v("2025-01-10", Some("a"), "dent", 1000.0), v("2026-01-11", Some("a"), "dent", 800.0)];
        // Day f + 366 is outside the first year.
        assert_eq!(first_year_ltv(&Visits::new(later), margin).get("dent"), Some(&Some(500.0)));
    }

    #[test]
    fn average_is_weighted_by_patients_and_skips_missing_months() {
        // Month 0: (100 × 3 + 300 × 1) / 4 = 150; month 1: only the first cohort has reached it,
        // 200 × 3 / 3 = 200.
        let m = |x| Month::new(2025, x).unwrap();
        let cs = vec![
            Cohort { cohort: m(1), patients: 3, retained: vec![1.0, 0.5], ltv: vec![Some(100.0), Some(200.0)] },
            Cohort { cohort: m(2), patients: 1, retained: vec![1.0], ltv: vec![Some(300.0)] },
        ];
        let avg = average_ltv(&cs);
        assert_eq!(avg, vec![Some(150.0), Some(200.0)]);
    }
}
