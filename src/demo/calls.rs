//! The demo clinic's call journal: the calls behind its Calls sheet and contacts, generated from the
//! funnel's leads with the same seeded generator idea, so that `medfunnel demo --calls-journal`
//! writes a raw journal that imports back to exactly the demo's Calls rows.
//!
//! The stories: the December peak and the March change of administrators answer fewer calls (the
//! same months the booking and show rates sag); nobody picks up at lunch (13:00), after 19:00 and on
//! Sunday; the new administrator (from 2026-03) keeps callers waiting longer. Phones are fake
//! (`+7 (000) …`), so the journal can be shared.

use std::fmt::Write as _;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::{CHANNELS, FIRST, LAST, LAST_DAY, Lcg, months};
use crate::import::Problem;
use crate::import::raw::{Call, Export, PatientKey, Phone, apply_calls};
use crate::model::{Month, Project};

/// The administrators, in the order their shifts are drawn.
const ADMINS: [&str; 3] = ["Иванова Мария", "Смирнова Ольга", "Козлова Анна"];
/// The new administrator from 2026-03, who replaces Иванова on the morning shift.
const NEW_ADMIN: &str = "Новикова Елена";
/// The clinic's own number, the other side of every call.
const CLINIC_PHONE: &str = "+7 (495) 000-00-00";

/// Calls per hour of the day (8:00 to 20:00) as a share of the busiest hour.
const HOURS: [f64; 13] = [0.5, 0.9, 1.0, 1.0, 0.9, 0.8, 0.8, 0.9, 0.9, 0.8, 0.6, 0.4, 0.25];

/// Share of each channel's leads that came by phone (the rest wrote a form or a message), in
/// CHANNELS order: social networks mostly write, the open day is booked on site.
const PHONE_SHARE: [f64; 8] = [0.85, 0.8, 0.9, 0.95, 0.3, 0.9, 0.2, 0.25];

/// Contacts of unknown source (returning patients, numbers from the signage) on top of the channels'.
const UNKNOWN_SHARE: f64 = 0.22;

fn at(day: NaiveDate, secs: u32) -> NaiveDateTime {
    day.and_time(NaiveTime::from_num_seconds_from_midnight_opt(secs.min(86_399), 0).unwrap_or(NaiveTime::MIN))
}

/// The answer probability of a call started at `t` in month `m`.
fn answer_chance(m: Month, t: NaiveDateTime) -> f64 {
    let base = match (m.year, m.month) {
        (2025, 12) => 0.74,
        (2026, 3) => 0.76,
        (2026, 4) => 0.81,
        _ => 0.87,
    };
    let hour = match t.hour() {
        13 => -0.15,
        19.. => -0.2,
        _ => 0.0,
    };
    let day = match t.weekday().num_days_from_monday() {
        5 => -0.05,
        6 => -0.25,
        _ => 0.0,
    };
    base + hour + day
}

/// Who is on the phone at `t`.
fn admin(m: Month, t: NaiveDateTime) -> &'static str {
    let weekday = t.weekday().num_days_from_monday();
    if weekday >= 5 {
        ADMINS[1]
    } else if t.hour() >= 14 {
        ADMINS[2]
    } else if m >= (Month { year: 2026, month: 3 }) {
        NEW_ADMIN
    } else {
        ADMINS[(t.day() % 2) as usize]
    }
}

/// A fake phone of patient `id` as a journal writes it: `+7 (000) 123-45-67`.
fn phone_text(id: u32) -> String {
    let d = format!("{:07}", id % 10_000_000);
    format!("+7 (000) {}-{}-{}", &d[..3], &d[3..5], &d[5..])
}

struct Gen {
    rng: Lcg,
    calls: Vec<Call>,
    next_patient: u32,
}

impl Gen {
    fn pick(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.rng.next_f64() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    fn between(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.rng.next_f64() * f64::from(hi - lo + 1)) as u32
    }

    fn call(&mut self, started: NaiveDateTime, phone: &Phone, incoming: bool, who: Option<&str>, source: Option<&str>) {
        let (wait, talk) = match who {
            Some(w) if incoming => {
                let slow = if w == NEW_ADMIN { 25 } else { 0 };
                (f64::from(self.between(6, 30) + slow), f64::from(self.between(60, 420)))
            }
            Some(_) => (f64::from(self.between(3, 12)), f64::from(self.between(40, 240))),
            None => (f64::from(self.between(15, 70)), 0.0),
        };
        self.calls.push(Call {
            started,
            phone: phone.clone(),
            incoming,
            answered: who.is_some(),
            wait,
            talk,
            employee: who.map(Into::into),
            source: source.map(Into::into),
        });
    }

    /// One contact of month `m` from `source` (`None`: unknown), with what followed it.
    fn contact(&mut self, m: Month, days: &[(NaiveDate, f64)], source: Option<&str>) {
        let weights: Vec<f64> = days.iter().map(|(_, w)| *w).collect();
        let day = days[self.pick(&weights)].0;
        let hour = 8 + self.pick(&HOURS) as u32;
        let t = at(day, hour * 3600 + self.between(0, 3599));
        let phone = Phone::parse(&phone_text(self.next_patient));
        self.next_patient += 1;
        if self.rng.next_f64() < answer_chance(m, t) {
            // Some callers get through on the second try a few minutes later.
            if self.rng.next_f64() < 0.12 && t.hour() < 20 {
                self.call(t, &phone, true, None, source);
                let again = t + Duration::seconds(i64::from(self.between(60, 300)));
                self.call(again, &phone, true, Some(admin(m, again)), source);
            } else {
                self.call(t, &phone, true, Some(admin(m, t)), source);
            }
            return;
        }
        self.call(t, &phone, true, None, source);
        if self.rng.next_f64() < 0.3 {
            let again = t + Duration::seconds(i64::from(self.between(300, 1800)));
            if again.date() == t.date() {
                self.call(again, &phone, true, None, source);
            }
        }
        let last_day = if m == LAST { LAST.first_day().with_day(LAST_DAY).unwrap_or(day) } else { NaiveDate::MAX };
        let outcome = self.rng.next_f64();
        let minutes = |g: &mut Gen, lo, hi| t + Duration::minutes(i64::from(g.between(lo, hi)));
        if outcome < 0.42 {
            let back = minutes(self, 3, 19);
            self.call(back, &phone, false, Some(admin(m, back)), None);
        } else if outcome < 0.6 {
            let back = minutes(self, 40, 300);
            if back.date() <= last_day {
                self.call(back, &phone, false, Some(admin(m, back)), None);
            }
        } else if outcome < 0.7 {
            // The patient calls again the next morning (a new contact, answered).
            let next = day.succ_opt().unwrap_or(day);
            let again = at(next, self.between(9 * 3600, 11 * 3600));
            if next <= last_day {
                self.call(again, &phone, true, Some(admin(Month::of(next), again)), source);
            }
        } else if self.rng.next_f64() < 0.5 {
            // A callback attempt nobody answered: still lost.
            let back = minutes(self, 30, 120);
            self.call(back, &phone, false, None, None);
        }
    }
}

/// The demo's call journal, in time order: contacts in proportion to each channel's phone leads.
pub(crate) fn journal(project: &Project) -> Vec<Call> {
    let mut g = Gen { rng: Lcg(0x000C_A115_DEE0), calls: Vec::new(), next_patient: 1_000 };
    for m in months(FIRST, LAST) {
        let days: Vec<(NaiveDate, f64)> = m
            .iter_days()
            .filter(|d| m != LAST || d.day() <= LAST_DAY)
            .map(|d| {
                let w = match d.weekday().num_days_from_monday() {
                    5 => 0.6,
                    6 => 0.3,
                    _ => 1.0,
                };
                (d, if project.settings.holidays.contains(&d) { 0.3 } else { w })
            })
            .collect();
        let mut channel_contacts = 0.0;
        for (ci, c) in CHANNELS.iter().enumerate() {
            let leads: f64 = project
                .funnel
                .iter()
                .filter(|r| r.month == m && r.channel == c.name)
                .map(|r| r.leads.unwrap_or(0.0))
                .sum();
            let n = (leads * PHONE_SHARE[ci]).round() as usize;
            channel_contacts += n as f64;
            for k in 0..n {
                // The call tracker names the source by its alias, sometimes by the channel's name.
                let source = c.sources.get(k % (c.sources.len() + 1)).copied().unwrap_or(c.name);
                g.contact(m, &days, Some(source));
            }
        }
        for _ in 0..(channel_contacts * UNKNOWN_SHARE).round() as usize {
            g.contact(m, &days, None);
        }
    }
    let mut calls = g.calls;
    calls.sort_by_key(|c| c.started);
    calls
}

/// The key the demo's fake callers are hashed with: random per process, so no key is fixed in the
/// program (domain.md, "Patient data"), and the same for every demo built by this process.
pub(crate) fn demo_key() -> &'static PatientKey {
    static KEY: std::sync::OnceLock<PatientKey> = std::sync::OnceLock::new();
    KEY.get_or_init(|| {
        PatientKey::random().unwrap_or_else(|_| {
            // Without the OS's randomness the clock and the process still make the key unguessable
            // enough for fake phones, and never the same twice.
            let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
            let mut bytes = [0u8; 32];
            bytes[..16].copy_from_slice(&seed.to_le_bytes());
            bytes[16..20].copy_from_slice(&std::process::id().to_le_bytes());
            PatientKey::from_bytes(bytes)
        })
    })
}

/// Adds the journal's Calls rows and contacts to the demo project.
pub(crate) fn add_calls(project: &mut Project) {
    let export = Export { file: "demo".to_string(), rows: journal(project) };
    let mut problems: Vec<Problem> = Vec::new();
    apply_calls(project, export, demo_key(), &mut problems);
}

fn hms(seconds: f64) -> String {
    let s = seconds.max(0.0).round() as u64;
    format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// The demo's call journal as a telephony export writes it: `;`-separated UTF-8 CSV with Russian
/// headers and words, `H:MM:SS` durations and fake phones.
pub fn journal_csv(project: &Project) -> String {
    let calls = journal(project);
    let mut out = String::with_capacity(calls.len() * 120);
    out.push_str(
        "Дата и время;Направление звонка;Номер клиента;Кому звонили;Статус;Ожидание;Длительность разговора;Сотрудник;Источник\n",
    );
    for c in &calls {
        let patient = c.phone.digits().map_or_else(String::new, |d| {
            let n: u32 = d[d.len() - 7..].parse().unwrap_or(0);
            phone_text(n)
        });
        let (caller, callee, kind) = if c.incoming {
            (patient, CLINIC_PHONE.to_string(), "Входящий")
        } else {
            (CLINIC_PHONE.to_string(), patient, "Исходящий")
        };
        let status = if c.answered {
            "Принят"
        } else {
            ["Пропущен", "Нет ответа", "Занято"][(c.started.minute() % 3) as usize]
        };
        let _ = writeln!(
            out,
            "{};{kind};{caller};{callee};{status};{};{};{};{}",
            c.started.format("%d.%m.%Y %H:%M:%S"),
            hms(c.wait),
            hms(c.talk),
            c.employee.as_deref().unwrap_or(""),
            c.source.as_deref().unwrap_or("")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_project;
    use crate::import::raw::{RawInputs, import_raw};
    use crate::metrics::{Filter, compute};

    #[test]
    fn the_journal_imports_back_to_the_demo_calls() {
        let demo = demo_project();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("calls.csv");
        std::fs::write(&path, journal_csv(&demo)).unwrap();
        let mut p = demo.clone();
        p.calls.clear();
        p.contacts = None;
        let inputs = RawInputs { calls: Some(path), key: Some(demo_key().clone()), ..RawInputs::default() };
        let (_, problems) = import_raw(&mut p, &inputs).unwrap();
        assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
        assert_eq!(p.calls, demo.calls);
        assert_eq!(p.contacts, demo.contacts);
    }

    #[test]
    fn the_demo_tells_the_calls_story() {
        let k = compute(&demo_project(), &Filter::default());
        let rate = |m: &str| k.months.iter().find(|x| x.month.to_string() == m).and_then(|x| x.answer_rate).unwrap();
        let t = &k.total.kpis;
        let answer = t.answer_rate.unwrap();
        assert!((0.7..0.9).contains(&answer), "answer rate {answer}");
        let lost = t.lost_rate.unwrap();
        assert!((0.05..0.2).contains(&lost), "lost {lost}");
        assert!(rate("2025-12") < rate("2025-11") - 0.05);
        assert!(rate("2026-03") < rate("2026-02") - 0.05);
        assert!(t.lost_revenue.is_some_and(|x| x > 0.0));
        assert_eq!(k.employees.len(), 4);
        let new = k.employees.iter().find(|e| e.employee == NEW_ADMIN).unwrap();
        let old = k.employees.iter().find(|e| e.employee == ADMINS[2]).unwrap();
        assert!(new.avg_wait > old.avg_wait);
        // Nobody picks up on Sunday evenings as on Tuesday mornings.
        let heat =
            crate::metrics::calls::answer_rate_by_hour(demo_project().contacts.as_deref().unwrap(), &Filter::default());
        assert!(heat[6][19].unwrap_or(0.0) < heat[1][10].unwrap());
    }
}
