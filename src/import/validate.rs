//! Suspicious and impossible data in a project, flagged instead of silently summed
//! (domain.md, "Patient data", the paragraph on suspicious data).
//!
//! [`flag_suspicious`] runs on every imported workbook and every loaded project: a row repeating
//! another's keys is added into the first one (counts and money summed, rate plans kept from the
//! first), negative money or counts, a funnel stage larger than the one before it, and dates after
//! the plan year each get a notice naming the sheet and the row; the rows still load.
//! [`validate_project`] is what a project file gets on load, as a workbook would: values no
//! workbook could give (a margin of 5, an NPS score of 11, a rate above 100 %) are errors and
//! their rows are left out, then the suspicious data is flagged.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::Hash;

use chrono::Datelike;

use super::Problem;
use super::problem::{Merged, ProblemKind, When};
use super::raw::join::Fast;
use crate::model::Sheet;
use crate::model::{Month, Project};

/// Where the rows of each sheet came from: the sheet's name as written and each row's number, in
/// the order of the project's rows.
#[derive(Clone, Debug, Default)]
pub struct Origins {
    sheets: HashMap<Sheet, (String, Vec<u32>)>,
}

impl Origins {
    /// Records that the rows of `kind` came from `sheet` at these row numbers.
    pub(crate) fn set(&mut self, kind: Sheet, sheet: &str, rows: Vec<u32>) {
        self.sheets.insert(kind, (sheet.to_string(), rows));
    }

    /// Rows of a project file: sheets by their English names, row `i` numbered `i + 2` (under a
    /// header row, as the template workbook lays them out).
    fn of_project(project: &Project) -> Self {
        let mut o = Origins::default();
        let n = |len: usize| (0..len).map(|i| u32::try_from(i + 2).unwrap_or(u32::MAX)).collect::<Vec<_>>();
        o.set(Sheet::Directions, "Directions", n(project.directions.len()));
        o.set(Sheet::Plan, "Plan", n(project.plan.len()));
        o.set(Sheet::Budget, "Budget", n(project.budget.len()));
        o.set(Sheet::Funnel, "Funnel", n(project.funnel.len()));
        o.set(Sheet::Revenue, "Revenue", n(project.revenue.len()));
        o.set(Sheet::Doctors, "Doctors", n(project.doctors.len()));
        o.set(Sheet::Nps, "NPS", n(project.nps.len()));
        o
    }

    fn sheet(&self, kind: Sheet) -> String {
        self.sheets.get(&kind).map_or_else(|| kind.label(), |(s, _)| s.clone())
    }

    fn row(&self, kind: Sheet, i: usize) -> Option<u32> {
        self.sheets.get(&kind).and_then(|(_, rows)| rows.get(i).copied())
    }

    /// Drops the row numbers of the rows `keep` says are gone, so they stay aligned.
    fn retain(&mut self, kind: Sheet, keep: &[bool]) {
        if let Some((_, rows)) = self.sheets.get_mut(&kind) {
            let mut i = 0;
            rows.retain(|_| {
                let k = keep.get(i).copied().unwrap_or(true);
                i += 1;
                k
            });
        }
    }
}

/// Collects notices and errors for one file.
struct Flags<'a> {
    file: &'a str,
    origins: &'a Origins,
    problems: Vec<Problem>,
}

impl Flags<'_> {
    fn at(&mut self, kind: Sheet, i: usize, error: bool, column: Option<&str>, message: ProblemKind) {
        let mut p = if error { Problem::error(self.file, message) } else { Problem::notice(self.file, message) }
            .in_sheet(&self.origins.sheet(kind));
        if let Some(r) = self.origins.row(kind, i) {
            p = p.at_row(r);
        }
        if let Some(c) = column.and_then(|c| kind.column(c)) {
            p = p.in_column(c.label());
        }
        self.problems.push(p);
    }

    /// A notice for each negative value among `values` (column key, value) of row `i`.
    fn negatives(&mut self, kind: Sheet, i: usize, values: &[(&'static str, Option<f64>)]) {
        for (key, v) in values {
            if let Some(v) = v.filter(|v| *v < 0.0) {
                self.at(kind, i, false, Some(key), ProblemKind::Negative { column: key, value: v });
            }
        }
    }
}

/// For every row, the earlier row with the same keys that it repeats (the first one with them), if
/// any. Keys borrow from the rows: a 100 000-row sheet is keyed on every import, and copying its
/// texts into the map was most of the check's time.
fn first_with_same_keys<'r, T, K: Eq + Hash>(rows: &'r [T], key: impl Fn(&'r T) -> K) -> Vec<Option<usize>> {
    // Fx (rustc-hash), as in the join.
    let mut first: HashMap<K, usize, Fast> = HashMap::default();
    first.reserve(rows.len());
    rows.iter()
        .enumerate()
        .map(|(i, row)| match first.entry(key(row)) {
            Entry::Occupied(f) => Some(*f.get()),
            Entry::Vacant(v) => {
                v.insert(i);
                None
            }
        })
        .collect()
}

/// Adds every row that repeats an earlier row's keys (`firsts`, from [`first_with_same_keys`]) into
/// that row with `merge` and removes it. One notice per group of repeats, on the first repeating
/// row, names them all and the row they were added into. Returns which rows are kept.
fn merge_duplicates<T>(
    rows: &mut Vec<T>,
    firsts: Vec<Option<usize>>,
    describe: impl Fn(&T) -> String,
    merge: impl Fn(&mut T, &T),
    kind: Sheet,
    what: Merged,
    flags: &mut Flags<'_>,
) -> Vec<bool> {
    let mut repeats: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    let mut keep = vec![true; rows.len()];
    for (i, f) in firsts.into_iter().enumerate() {
        if let Some(f) = f {
            keep[i] = false;
            let (head, tail) = rows.split_at_mut(i);
            merge(&mut head[f], &tail[0]);
            let g = *group_of.entry(f).or_insert_with(|| {
                repeats.push((f, Vec::new()));
                repeats.len() - 1
            });
            repeats[g].1.push(i);
        }
    }
    for (f, dups) in &repeats {
        let numbers: Vec<u32> = dups.iter().filter_map(|i| flags.origins.row(kind, *i)).collect();
        let first_row = flags.origins.row(kind, *f);
        let message = ProblemKind::RepeatedKeys { rows: numbers, first_row, keys: describe(&rows[*f]), merged: what };
        flags.at(kind, dups[0], false, None, message);
    }
    let mut i = 0;
    rows.retain(|_| {
        let k = keep[i];
        i += 1;
        k
    });
    keep
}

fn add(a: &mut Option<f64>, b: Option<f64>) {
    if let Some(b) = b {
        *a = Some(a.unwrap_or(0.0) + b);
    }
}

fn opt<T: AsRef<str>>(s: &Option<T>) -> String {
    s.as_ref().map_or_else(String::new, |s| s.as_ref().to_string())
}

const SUMMED: Merged = Merged::Counts;

/// Flags suspicious data in `project` (see the module's documentation), merging duplicate rows.
/// `origins` says where each sheet's rows came from.
pub fn flag_suspicious(project: &mut Project, file: &str, origins: &Origins) -> Vec<Problem> {
    let mut origins = origins.clone();
    let mut problems = Vec::new();
    {
        let mut flags = Flags { file, origins: &origins, problems: Vec::new() };
        let firsts = first_with_same_keys(&project.funnel, |r| {
            (r.month, r.channel.trim(), r.direction.as_deref(), r.branch.as_deref())
        });
        let keep = merge_duplicates(
            &mut project.funnel,
            firsts,
            |r| format!("{}, {} {}", r.month, r.channel, opt(&r.direction)).trim().to_string(),
            |a, b| {
                add(&mut a.leads, b.leads);
                add(&mut a.bookings, b.bookings);
                add(&mut a.visits, b.visits);
                add(&mut a.paid, b.paid);
                add(&mut a.revenue, b.revenue);
                add(&mut a.returning_leads, b.returning_leads);
            },
            Sheet::Funnel,
            SUMMED,
            &mut flags,
        );
        problems.append(&mut flags.problems);
        origins.retain(Sheet::Funnel, &keep);
    }
    {
        let mut flags = Flags { file, origins: &origins, problems: Vec::new() };
        let firsts = first_with_same_keys(&project.budget, |r| (r.month, r.channel.trim(), r.branch.as_deref()));
        let keep = merge_duplicates(
            &mut project.budget,
            firsts,
            |r| format!("{}, {}", r.month, r.channel),
            |a, b| {
                add(&mut a.budget_plan, b.budget_plan);
                add(&mut a.spend, b.spend);
            },
            Sheet::Budget,
            SUMMED,
            &mut flags,
        );
        problems.append(&mut flags.problems);
        origins.retain(Sheet::Budget, &keep);
    }
    {
        let mut flags = Flags { file, origins: &origins, problems: Vec::new() };
        let firsts = first_with_same_keys(&project.revenue, |r| {
            (r.date, r.month_row, r.direction.as_deref(), r.branch.as_deref())
        });
        let keep = merge_duplicates(
            &mut project.revenue,
            firsts,
            |r| format!("{} {}", r.date, opt(&r.direction)).trim().to_string(),
            |a, b| {
                a.revenue += b.revenue;
                add(&mut a.checks, b.checks);
                add(&mut a.new_patients, b.new_patients);
                add(&mut a.repeat_patients, b.repeat_patients);
            },
            Sheet::Revenue,
            SUMMED,
            &mut flags,
        );
        problems.append(&mut flags.problems);
        origins.retain(Sheet::Revenue, &keep);
    }
    {
        let mut flags = Flags { file, origins: &origins, problems: Vec::new() };
        let firsts = first_with_same_keys(&project.plan, |r| (r.month, r.direction.as_deref(), r.branch.as_deref()));
        let keep = merge_duplicates(
            &mut project.plan,
            firsts,
            |r| format!("{} {}", r.month, opt(&r.direction)).trim().to_string(),
            |a, b| {
                a.revenue_plan += b.revenue_plan;
                add(&mut a.leads_plan, b.leads_plan);
            },
            Sheet::Plan,
            Merged::Plans,
            &mut flags,
        );
        problems.append(&mut flags.problems);
        origins.retain(Sheet::Plan, &keep);
    }
    {
        let mut flags = Flags { file, origins: &origins, problems: Vec::new() };
        let firsts = first_with_same_keys(&project.doctors, |r| (r.month, r.doctor.trim(), r.branch.as_deref()));
        let keep = merge_duplicates(
            &mut project.doctors,
            firsts,
            |r| format!("{}, {}", r.month, r.doctor),
            |a, b| {
                add(&mut a.primary_patients, b.primary_patients);
                add(&mut a.repeat_patients, b.repeat_patients);
                add(&mut a.revenue, b.revenue);
                add(&mut a.hours_available, b.hours_available);
                add(&mut a.hours_booked, b.hours_booked);
                add(&mut a.recommended, b.recommended);
                add(&mut a.agreed, b.agreed);
                add(&mut a.performed, b.performed);
            },
            Sheet::Doctors,
            SUMMED,
            &mut flags,
        );
        problems.append(&mut flags.problems);
        origins.retain(Sheet::Doctors, &keep);
    }

    let mut flags = Flags { file, origins: &origins, problems: Vec::new() };
    for (i, r) in project.funnel.iter().enumerate() {
        flags.negatives(
            Sheet::Funnel,
            i,
            &[
                ("leads", r.leads),
                ("bookings", r.bookings),
                ("visits", r.visits),
                ("paid", r.paid),
                ("revenue", r.revenue),
                ("returning_leads", r.returning_leads),
            ],
        );
        let stages = [("leads", r.leads), ("bookings", r.bookings), ("visits", r.visits), ("paid", r.paid)];
        for pair in stages.windows(2) {
            if let [(before, Some(b)), (after, Some(a))] = pair
                && a > b
            {
                let message = ProblemKind::MoreThan { stage: after, value: *a, before, before_value: *b };
                flags.at(Sheet::Funnel, i, false, Some(after), message);
            }
        }
    }
    for (i, r) in project.budget.iter().enumerate() {
        flags.negatives(Sheet::Budget, i, &[("budget_plan", r.budget_plan), ("spend", r.spend)]);
    }
    for (i, r) in project.revenue.iter().enumerate() {
        flags.negatives(
            Sheet::Revenue,
            i,
            &[
                ("revenue", Some(r.revenue)),
                ("checks", r.checks),
                ("new_patients", r.new_patients),
                ("repeat_patients", r.repeat_patients),
            ],
        );
    }
    for (i, r) in project.plan.iter().enumerate() {
        flags.negatives(Sheet::Plan, i, &[("revenue_plan", Some(r.revenue_plan)), ("leads_plan", r.leads_plan)]);
    }
    for (i, r) in project.doctors.iter().enumerate() {
        flags.negatives(
            Sheet::Doctors,
            i,
            &[
                ("primary_patients", r.primary_patients),
                ("repeat_patients", r.repeat_patients),
                ("revenue", r.revenue),
                ("hours_available", r.hours_available),
                ("hours_booked", r.hours_booked),
            ],
        );
    }
    for (i, r) in project.nps.iter().enumerate() {
        flags.negatives(Sheet::Nps, i, &[("count", Some(r.count))]);
    }

    // Facts dated after the plan's last year (or next year, without a plan) are typing slips.
    let last_year = project.plan.iter().map(|p| p.month.year).max().unwrap_or_else(|| chrono::Local::now().year() + 1);
    let late = |m: Month| m.year > last_year;
    let after = |when| ProblemKind::AfterPlan { when, last_year };
    for (i, r) in project.funnel.iter().enumerate().filter(|(_, r)| late(r.month)) {
        flags.at(Sheet::Funnel, i, false, Some("month"), after(When::Month(r.month)));
    }
    for (i, r) in project.budget.iter().enumerate().filter(|(_, r)| late(r.month)) {
        flags.at(Sheet::Budget, i, false, Some("month"), after(When::Month(r.month)));
    }
    for (i, r) in project.revenue.iter().enumerate().filter(|(_, r)| late(Month::of(r.date))) {
        flags.at(Sheet::Revenue, i, false, Some("date"), after(When::Day(r.date)));
    }
    for (i, r) in project.doctors.iter().enumerate().filter(|(_, r)| late(r.month)) {
        flags.at(Sheet::Doctors, i, false, Some("month"), after(When::Month(r.month)));
    }
    problems.append(&mut flags.problems);
    problems
}

/// Checks a project loaded from a file as a workbook would be checked: rows with values no
/// workbook could give (a margin or a planned rate outside 0..1, an NPS score off the scale) are
/// left out with an error naming the sheet and row, then [`flag_suspicious`] runs. `file` is the
/// name problems give.
pub fn validate_project(project: &mut Project, file: &str) -> Vec<Problem> {
    let mut origins = Origins::of_project(project);
    let mut problems = Vec::new();
    let share_ok = |v: f64| (0.0..=1.0).contains(&v);
    {
        let mut flags = Flags { file, origins: &origins, problems: Vec::new() };
        let keep: Vec<bool> = project
            .directions
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let ok = share_ok(d.margin);
                if !ok {
                    flags.at(Sheet::Directions, i, true, Some("margin"), ProblemKind::StoredNotAShare(d.margin));
                }
                ok
            })
            .collect();
        retain_by(&mut project.directions, &keep);
        problems.append(&mut flags.problems);
        origins.retain(Sheet::Directions, &keep);
    }
    {
        let mut flags = Flags { file, origins: &origins, problems: Vec::new() };
        let keep: Vec<bool> = project
            .plan
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let rates = [
                    ("booking_rate_plan", p.booking_rate_plan),
                    ("show_rate_plan", p.show_rate_plan),
                    ("paid_rate_plan", p.paid_rate_plan),
                ];
                let bad: Vec<(&str, f64)> =
                    rates.iter().filter_map(|(k, v)| v.filter(|v| !share_ok(*v)).map(|v| (*k, v))).collect();
                for (k, v) in &bad {
                    flags.at(Sheet::Plan, i, true, Some(k), ProblemKind::StoredNotAShare(*v));
                }
                bad.is_empty()
            })
            .collect();
        retain_by(&mut project.plan, &keep);
        problems.append(&mut flags.problems);
        origins.retain(Sheet::Plan, &keep);
    }
    {
        let scale = project.settings.nps_scale;
        let mut flags = Flags { file, origins: &origins, problems: Vec::new() };
        let keep: Vec<bool> = project
            .nps
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let ok = (scale.min_score()..=10).contains(&n.score);
                if !ok {
                    flags.at(
                        Sheet::Nps,
                        i,
                        true,
                        Some("score"),
                        ProblemKind::StoredScore { score: n.score, min: scale.min_score() },
                    );
                }
                ok
            })
            .collect();
        retain_by(&mut project.nps, &keep);
        problems.append(&mut flags.problems);
        origins.retain(Sheet::Nps, &keep);
    }
    problems.extend(flag_suspicious(project, file, &origins));
    problems
}

fn retain_by<T>(rows: &mut Vec<T>, keep: &[bool]) {
    let mut i = 0;
    rows.retain(|_| {
        let k = keep.get(i).copied().unwrap_or(true);
        i += 1;
        k
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BudgetRow, Direction, FunnelRow, NpsPeriod, NpsRow, PlanRow};

    fn funnel(channel: &str, leads: f64, bookings: f64, visits: f64, paid: f64) -> FunnelRow {
        FunnelRow {
            month: Month::new(2025, 3).unwrap(),
            channel: channel.into(),
            direction: None,
            leads: Some(leads),
            bookings: Some(bookings),
            visits: Some(visits),
            paid: Some(paid),
            revenue: Some(1000.0),
            returning_leads: None,
            branch: None,
        }
    }

    #[test]
    fn duplicates_are_summed_and_named() {
        let mut p = Project::new();
        p.funnel = vec![
            funnel("Яндекс", 10.0, 5.0, 4.0, 3.0),
            funnel("Сайт", 1.0, 1.0, 1.0, 1.0),
            funnel("Яндекс ", 2.0, 1.0, 1.0, 1.0),
        ];
        let mut o = Origins::default();
        o.set(Sheet::Funnel, "Воронка", vec![5, 6, 9]);
        let problems = flag_suspicious(&mut p, "c.xlsx", &o);
        assert_eq!(p.funnel.len(), 2);
        // 10 + 2 = 12 leads, 1000 + 1000 = 2000 revenue.
        assert_eq!((p.funnel[0].leads, p.funnel[0].revenue), (Some(12.0), Some(2000.0)));
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(text.iter().any(|t| t.contains("«Воронка», row 9") && t.contains("row 5")), "{text:?}");
    }

    #[test]
    fn negatives_and_stage_order_are_flagged() {
        let mut p = Project::new();
        p.funnel = vec![funnel("Сайт", 10.0, 5.0, 4.0, 6.0)];
        p.budget = vec![BudgetRow {
            month: Month::new(2025, 3).unwrap(),
            channel: "Сайт".into(),
            budget_plan: None,
            spend: Some(-500.0),
            branch: None,
        }];
        let origins = Origins::of_project(&p);
        let problems = flag_suspicious(&mut p, "c.xlsx", &origins);
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            text.iter().any(|t| t.contains("paid (6) are more than visits (4)") && t.contains("row 2")),
            "{text:?}"
        );
        assert!(text.iter().any(|t| t.contains("spend is negative")), "{text:?}");
        assert!(problems.iter().all(|p| !p.is_error()));
        assert_eq!(p.budget.len(), 1);
    }

    #[test]
    fn plan_duplicates_keep_the_first_rates() {
        let m = Month::new(2025, 1).unwrap();
        let plan = |rev: f64, rate: f64| PlanRow {
            month: m,
            direction: None,
            revenue_plan: rev,
            leads_plan: Some(100.0),
            booking_rate_plan: Some(rate),
            show_rate_plan: None,
            paid_rate_plan: None,
            revenue_per_paid_plan: None,
            branch: None,
        };
        let mut p = Project::new();
        p.plan = vec![plan(1000.0, 0.5), plan(500.0, 0.9)];
        let origins = Origins::of_project(&p);
        flag_suspicious(&mut p, "c.xlsx", &origins);
        // 1000 + 500 = 1500 revenue plan, 100 + 100 = 200 leads; the rate stays 0.5.
        assert_eq!(p.plan.len(), 1);
        assert_eq!(
            (p.plan[0].revenue_plan, p.plan[0].leads_plan, p.plan[0].booking_rate_plan),
            (1500.0, Some(200.0), Some(0.5))
        );
    }

    #[test]
    fn impossible_project_values_are_errors() {
        let mut p = Project::new();
        p.directions = vec![
            Direction { name: "УЗИ".into(), margin: 5.0, visits_per_patient: None },
            Direction { name: "ЛОР".into(), margin: 0.5, visits_per_patient: None },
        ];
        p.nps = vec![NpsRow { period: NpsPeriod::Year(2025), direction: None, score: 11, count: 3.0, branch: None }];
        let problems = validate_project(&mut p, "p.medfunnel");
        assert_eq!(p.directions.len(), 1);
        assert!(p.nps.is_empty());
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(text.iter().any(|t| t.contains("«Directions», row 2") && t.contains("«5»")), "{text:?}");
        assert!(text.iter().any(|t| t.contains("«NPS», row 2") && t.contains("«11»")), "{text:?}");
        assert_eq!(problems.iter().filter(|p| p.is_error()).count(), 2);
    }
}
