//! The call journal (domain.md, "Calls: the phone before the lead"): reading an IP-telephony or
//! call-tracking export, folding its calls into contacts, classifying the missed ones, and
//! rebuilding the Calls sheet and the project's contacts.
//!
//! The patient's phone lives only in memory while the journal is folded; the project keeps the
//! contacts with the keyed hash of [`PatientKey::patient`], never the digits.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use chrono::{Duration, NaiveDateTime};
use rayon::prelude::*;

use super::join::{Channels, Fast, add_unknown_channels};
use super::key::{PatientKey, key_text};
use super::read::{file_name, read_export_found};
use super::table::{Check, ColumnMap, ExportKind, RowReader, Shared, Words};
use super::{Export, Phone, Progress};
use crate::import::cells::ValueError;
use crate::import::{ImportError, Problem, ProblemKind};
use crate::model::{CallRow, ContactOutcome, ContactRecord, Month, Project};

/// One call of the journal. The patient's phone is kept only as an identity in memory.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    /// When the call started.
    pub started: NaiveDateTime,
    /// The patient's phone: the caller of an incoming call, the callee of an outgoing one (when
    /// the journal has a callee column).
    pub phone: Phone,
    /// Incoming (the patient called) or outgoing (the clinic called).
    pub incoming: bool,
    /// Whether somebody answered.
    pub answered: bool,
    /// Seconds until answer or hang-up (a blank cell is 0).
    pub wait: f64,
    /// Talk seconds (a blank cell is 0).
    pub talk: f64,
    /// Who took the call, as written (one shared copy per name).
    pub employee: Option<Arc<str>>,
    /// The source as written (a channel or one of its aliases; one shared copy per spelling).
    pub source: Option<Arc<str>>,
}

/// Whole-value status words, compared in lower case after trimming (domain.md, "Calls").
const ANSWERED: [&str; 6] = ["принят", "принятый", "отвечен", "успешный", "answered", "answer"];
const MISSED: [&str; 12] = [
    "пропущен",
    "пропущенный",
    "потерян",
    "потерянный",
    "не принят",
    "нет ответа",
    "занято",
    "no answer",
    "missed",
    "busy",
    "voicemail",
    "noanswer",
];
const INCOMING: [&str; 4] = ["входящий", "входящий звонок", "in", "incoming"];
const OUTGOING: [&str; 4] = ["исходящий", "исходящий звонок", "out", "outgoing"];

/// Whether a status word means answered (`true`) or missed (`false`).
///
/// # Errors
/// [`ValueError::NotACallStatus`] for any other word.
pub fn parse_status(text: &str) -> Result<bool, ValueError> {
    let w = text.trim().to_lowercase();
    if ANSWERED.contains(&w.as_str()) {
        Ok(true)
    } else if MISSED.contains(&w.as_str()) {
        Ok(false)
    } else {
        Err(ValueError::NotACallStatus(text.trim().to_string()))
    }
}

/// Whether a direction word means incoming (`true`) or outgoing (`false`).
///
/// # Errors
/// [`ValueError::NotACallType`] for any other word.
pub fn parse_call_type(text: &str) -> Result<bool, ValueError> {
    let w = text.trim().to_lowercase();
    if INCOMING.contains(&w.as_str()) {
        Ok(true)
    } else if OUTGOING.contains(&w.as_str()) {
        Ok(false)
    } else {
        Err(ValueError::NotACallType(text.trim().to_string()))
    }
}

/// Reads a call journal: **started**, **caller**, callee, call_type, **status**, wait, duration,
/// employee, source. Returns `None` for the rows when the export failed as a whole (no header row
/// with the required columns): it must then replace nothing.
///
/// # Errors
/// [`ImportError`] when the file cannot be opened or read at all. Unreadable values are problems
/// in the result, and their rows are left out.
pub fn read_calls(path: &Path, map: &ColumnMap) -> Result<(Option<Export<Call>>, Vec<Problem>), ImportError> {
    read_calls_counted(path, map, &Progress::default())
}

/// As [`read_calls`], counting the bytes read in `progress`.
pub(crate) fn read_calls_counted(
    path: &Path,
    map: &ColumnMap,
    progress: &Progress,
) -> Result<(Option<Export<Call>>, Vec<Problem>), ImportError> {
    // A journal repeats a handful of words and names a million times: each is read once.
    let (rows, problems, found) = read_export_found(path, ExportKind::Calls, map, progress, || {
        let (mut types, mut statuses) = (Words::default(), Words::default());
        let (mut employees, mut sources) = (Shared::default(), Shared::default());
        move |r: &mut RowReader<'_, '_>| {
            let started = r.datetime("started");
            let started = r.required("started", started);
            let incoming = r.known_word("call_type", parse_call_type, &mut types).unwrap_or(true);
            let answered = r.known_word("status", parse_status, &mut statuses);
            let answered = r.required("status", answered);
            // Without a callee column the one number column is the patient's, whatever the direction.
            let phone_key = if !incoming && r.has("callee") { "callee" } else { "caller" };
            let phone = r.phone(phone_key);
            let wait = r.seconds("wait").unwrap_or(0.0);
            let talk = r.seconds("duration").unwrap_or(0.0);
            // Staff names are what the column holds, but a patient's number shifted into it is refused;
            // a source that looks like a phone or a person never becomes a channel.
            let employee = r.shared("employee", Check::Doctor, &mut employees);
            let source = r.shared("source", Check::Channel, &mut sources);
            Some(Call { started: started?, phone, incoming, answered: answered?, wait, talk, employee, source })
        }
    })?;
    let export = found.then(|| Export { file: file_name(path), rows });
    Ok((export, problems))
}

/// One contact while the journal is folded: positions in the patient-and-time order of the calls,
/// so that a million contacts cost no allocation of their own (and `u32`s: they are held by the
/// million while the journal is still in memory).
struct Folded {
    /// The patient (index into the phones).
    patient: u32,
    /// Its first incoming call (index into the calls).
    first: u32,
    /// Its calls' span in the order (outgoing calls between its incoming ones included).
    span: std::ops::Range<u32>,
    /// How many incoming calls it has.
    calls_in: u32,
    /// Its first answered call ([`NONE`]: none).
    first_answered: u32,
    outcome: ContactOutcome,
    /// Its channel and employee as small ids ([`NONE`]: none), once the rows are summed.
    channel: u32,
    employee: u32,
}

/// No patient, call, channel or employee.
const NONE: u32 = u32::MAX;

/// Classifies a missed contact that started at `t` by what followed within 24 hours (domain.md):
/// an answered outgoing call within 20 minutes, then within 24 hours, then the patient's own
/// answered call on a later day within 24 hours; otherwise lost. `later` are the patient's calls
/// from `t` on, by start time.
fn classify(calls: &[Call], later: impl Iterator<Item = usize>, t: NaiveDateTime) -> ContactOutcome {
    let day_end = Duration::hours(24);
    let mut recalled = false;
    for i in later {
        let c = &calls[i];
        if c.started - t > day_end {
            break;
        }
        if !c.answered {
            continue;
        }
        if !c.incoming {
            // The first answered outgoing call decides: the calls are in time order.
            return if c.started - t <= Duration::minutes(20) {
                ContactOutcome::Callback20m
            } else {
                ContactOutcome::Callback
            };
        }
        if c.started.date() > t.date() {
            recalled = true;
        }
    }
    if recalled { ContactOutcome::Recalled } else { ContactOutcome::Lost }
}

/// Per month × channel × employee sums, in the Calls sheet's order of columns.
#[derive(Default)]
struct RowSums {
    contacts: f64,
    answered: f64,
    lost: f64,
    callbacks_20m: f64,
    callbacks: f64,
    recalled: f64,
    calls_in: f64,
    wait: f64,
    talk: f64,
}

/// What folding the journal gave.
pub(crate) struct Folding {
    /// The Calls rows of the journal's months.
    pub rows: Vec<CallRow>,
    /// The contacts, by time.
    pub contacts: Vec<ContactRecord>,
    /// Incoming calls whose caller has no identity (counted in calls_in only).
    pub without_phone: usize,
}

/// Folds the calls into contacts and Calls rows (domain.md, "Calls"). `channel_of` names the
/// channel of a source as written; `key_of` gives the patient's keyed hash of normalised digits
/// (as [`PatientKey::patient_hex`]).
pub(crate) fn fold(
    calls: Vec<Call>,
    mut channel_of: impl FnMut(&str) -> String,
    key_of: impl Fn(&str) -> [u8; 64] + Sync,
) -> Folding {
    // Patients as small ids, so that sorting and grouping never compare phone strings; a phone is
    // looked up as one number where it packs into one (all real ones), which hashes in one step.
    #[derive(PartialEq, Eq, Hash)]
    enum Number<'c> {
        Packed(u64),
        Digits(&'c str),
    }
    let mut ids: HashMap<Number<'_>, u32, Fast> = HashMap::default();
    let mut phones: Vec<&str> = Vec::new();
    let pid: Vec<u32> = calls
        .iter()
        .map(|c| {
            c.phone.digits().map_or(NONE, |d| {
                let number = c.phone.packed().map_or(Number::Digits(d), Number::Packed);
                *ids.entry(number).or_insert_with(|| {
                    phones.push(d);
                    (phones.len() - 1) as u32
                })
            })
        })
        .collect();
    drop(ids);

    // Each patient's calls in time order (the file's order for equal starts).
    // Grouped by patient in one counting pass (file order within a patient), then each patient's
    // few calls put in time order by a stable sort: the order of (patient, start, position in the
    // file) without a million-element comparison sort.
    let mut first_of = vec![0u32; phones.len() + 1];
    for &p in pid.iter().filter(|&&p| p != NONE) {
        first_of[p as usize + 1] += 1;
    }
    for p in 1..first_of.len() {
        first_of[p] += first_of[p - 1];
    }
    let mut order = vec![0u32; first_of[phones.len()] as usize];
    let mut next = first_of.clone();
    for (i, &p) in pid.iter().enumerate().filter(|&(_, &p)| p != NONE) {
        order[next[p as usize] as usize] = i as u32;
        next[p as usize] += 1;
    }
    drop(next);
    for w in first_of.windows(2) {
        order[w[0] as usize..w[1] as usize].sort_by_key(|&i| calls[i as usize].started);
    }
    drop(first_of);

    let call = |i: u32| &calls[i as usize];
    let mut folded: Vec<Folded> = Vec::new();
    let mut start = 0;
    while start < order.len() {
        let patient = pid[order[start] as usize];
        let end = start + order[start..].partition_point(|&i| pid[i as usize] == patient);
        let mine = &order[start..end];
        let first_contact = folded.len();
        for (at, &i) in mine.iter().enumerate() {
            let c = call(i);
            if !c.incoming {
                continue;
            }
            let at = (start + at) as u32;
            let new_day =
                folded[first_contact..].last().is_none_or(|f| call(f.first).started.date() != c.started.date());
            if new_day {
                // The outcome is settled below, once the day's calls are all in.
                folded.push(Folded {
                    patient,
                    first: i,
                    span: at..at,
                    calls_in: 0,
                    first_answered: NONE,
                    outcome: ContactOutcome::Lost,
                    channel: NONE,
                    employee: NONE,
                });
            }
            let Some(f) = folded.last_mut() else { continue };
            f.span.end = at + 1;
            f.calls_in += 1;
            if c.answered && f.first_answered == NONE {
                f.first_answered = i;
            }
        }
        for f in &mut folded[first_contact..] {
            if f.first_answered != NONE {
                f.outcome = ContactOutcome::Answered;
                continue;
            }
            let t = call(f.first).started;
            let from = mine.partition_point(|&i| call(i).started < t);
            f.outcome = classify(&calls, mine[from..].iter().map(|&i| i as usize), t);
        }
        start = end;
    }

    // Channels and employees of the contacts as small ids, then the rows per month × channel ×
    // employee (ids keep a million-call journal's sums off string keys).
    let mut channel_names: Vec<Arc<str>> = Vec::new();
    let mut channel_ids: HashMap<String, u32, Fast> = HashMap::default();
    let mut channel_for = |source: Option<&str>| -> u32 {
        let Some(s) = source.map(str::trim).filter(|s| !s.is_empty()) else { return NONE };
        if let Some(&id) = channel_ids.get(s) {
            return id;
        }
        let name = channel_of(s);
        let id = channel_names.iter().position(|n| **n == *name).unwrap_or_else(|| {
            channel_names.push(name.into());
            channel_names.len() - 1
        }) as u32;
        channel_ids.insert(s.to_string(), id);
        id
    };
    let mut employee_names: Vec<&str> = Vec::new();
    let mut employee_ids: HashMap<&str, u32, Fast> = HashMap::default();
    let mut employee_of = |i: u32| -> u32 {
        let Some(e) = call(i).employee.as_deref().map(str::trim).filter(|e| !e.is_empty()) else { return NONE };
        *employee_ids.entry(e).or_insert_with(|| {
            employee_names.push(e);
            (employee_names.len() - 1) as u32
        })
    };
    let mut sums: HashMap<(Month, u32, u32), RowSums, Fast> = HashMap::default();
    for f in &mut folded {
        let first = call(f.first);
        let month = Month::of(first.started.date());
        f.channel = channel_for(first.source.as_deref());
        f.employee = if f.first_answered == NONE { NONE } else { employee_of(f.first_answered) };
        let s = sums.entry((month, f.channel, f.employee)).or_default();
        s.contacts += 1.0;
        s.calls_in += f64::from(f.calls_in);
        match f.outcome {
            ContactOutcome::Answered => s.answered += 1.0,
            ContactOutcome::Callback20m => s.callbacks_20m += 1.0,
            ContactOutcome::Callback => s.callbacks += 1.0,
            ContactOutcome::Recalled => s.recalled += 1.0,
            ContactOutcome::Lost => s.lost += 1.0,
        }
        // Waits and talk go to the employee of each answered call, who may not be the contact's.
        let span = f.span.start as usize..f.span.end as usize;
        for &i in order[span].iter().filter(|&&i| call(i).incoming && call(i).answered) {
            let s = sums.entry((month, f.channel, employee_of(i))).or_default();
            s.wait += call(i).wait;
            s.talk += call(i).talk;
        }
    }
    drop(order);
    // Incoming calls without an identity count in calls_in only, within the journal's contact months.
    let months = folded.iter().map(|f| Month::of(call(f.first).started.date()));
    let range = months.clone().min().zip(months.max());
    let mut without_phone = 0;
    for (c, _) in calls.iter().zip(&pid).filter(|&(c, &p)| c.incoming && p == NONE) {
        without_phone += 1;
        let month = Month::of(c.started.date());
        if range.is_some_and(|(lo, hi)| lo <= month && month <= hi) {
            let channel = channel_for(c.source.as_deref());
            sums.entry((month, channel, NONE)).or_default().calls_in += 1.0;
        }
    }
    drop(pid);

    let name = |names: &[Arc<str>], id: u32| names.get(id as usize).cloned();
    let employee_names: Vec<Arc<str>> = employee_names.iter().map(|&e| Arc::from(e)).collect();
    // The keys of the patients with a contact, hashed on both cores (a third of a million SHA-256s);
    // the shared texts are made here, on one thread, as the join makes them.
    let mut with_contact = vec![false; phones.len()];
    folded.iter().for_each(|f| with_contact[f.patient as usize] = true);
    let hashed: Vec<Option<[u8; 64]>> =
        phones.par_iter().zip(&with_contact).map(|(d, &needed)| needed.then(|| key_of(d))).collect();
    drop(with_contact);
    let keys: Vec<Option<Arc<str>>> = hashed.iter().map(|h| h.as_ref().map(|h| Arc::from(key_text(h)))).collect();
    drop(hashed);
    // The contacts by time (in patient order for equal times, as a stable sort would leave them):
    // sorting small (time, position) pairs rather than the records themselves.
    let mut by_time: Vec<(NaiveDateTime, u32)> =
        folded.iter().zip(0..).map(|(f, at)| (call(f.first).started, at)).collect();
    // Nothing more is read of the journal: its million calls are freed before the contacts are
    // made, which would otherwise be the import's peak of memory.
    drop(phones);
    drop(calls);
    by_time.sort_unstable();
    let contacts: Vec<ContactRecord> = by_time
        .into_iter()
        .map(|(time, at)| {
            let f = &folded[at as usize];
            ContactRecord {
                time,
                patient: keys[f.patient as usize].clone().unwrap_or_default(),
                channel: name(&channel_names, f.channel),
                employee: name(&employee_names, f.employee),
                outcome: f.outcome,
                branch: None,
            }
        })
        .collect();

    let mut rows: Vec<CallRow> = sums
        .into_iter()
        .map(|((month, channel, employee), s)| CallRow {
            month,
            channel: name(&channel_names, channel).map(|n| n.to_string()),
            employee: name(&employee_names, employee).map(|n| n.to_string()),
            contacts: Some(s.contacts),
            answered: Some(s.answered),
            lost: Some(s.lost),
            callbacks_20m: Some(s.callbacks_20m),
            callbacks: Some(s.callbacks),
            recalled: Some(s.recalled),
            calls_in: Some(s.calls_in),
            wait_seconds: Some(s.wait),
            talk_seconds: Some(s.talk),
            branch: None,
        })
        .collect();
    // By month, channel and employee (blank first), whatever order the sums came in.
    rows.sort_by(|a, b| (a.month, &a.channel, &a.employee).cmp(&(b.month, &b.channel, &b.employee)));
    Folding { rows, contacts, without_phone }
}

/// Rebuilds the Calls sheet and the project's contacts from a call journal: the rows and contacts
/// of every month from the journal's first to its last contact month are replaced, with a notice;
/// other months stay. Unknown sources become channels as in the leads join. Returns the number of
/// contacts. Patients are keyed with `key`, whose fingerprint the project holds (see
/// [`super::ensure_key`]).
pub(crate) fn apply_calls(
    project: &mut Project,
    ex: Export<Call>,
    key: &PatientKey,
    problems: &mut Vec<Problem>,
) -> usize {
    let mut channels = Channels::new(&project.channels);
    let Export { file, rows } = ex;
    let calls = rows.len();
    // The journal is given away: the fold frees it once it has what it needs.
    let folding = fold(rows, |s| channels.resolve(s, &file), |d| key.patient_hex(d));
    add_unknown_channels(project, channels, problems);
    if folding.without_phone > 0 {
        problems.push(Problem::notice(&file, ProblemKind::CallsWithoutPhone(folding.without_phone)));
    }
    let (Some(first), Some(last)) = (folding.contacts.first(), folding.contacts.last()) else {
        problems.push(Problem::notice(&file, ProblemKind::NoContacts));
        return 0;
    };
    let (lo, hi) = (Month::of(first.time.date()), Month::of(last.time.date()));
    let inside = |m: Month| lo <= m && m <= hi;
    let n = folding.contacts.len();
    project.calls.retain(|r| !inside(r.month));
    let added = folding.rows.len();
    project.calls.extend(folding.rows);
    project.calls.sort_by_key(|r| r.month);
    // The journal's contacts take in the project's of other months (usually none), rather than a
    // million contacts being copied into a new list beside themselves.
    let mut contacts = folding.contacts;
    contacts
        .extend(project.contacts.take().unwrap_or_default().into_iter().filter(|c| !inside(Month::of(c.time.date()))));
    contacts.sort_by_key(|c| c.time);
    project.contacts = Some(contacts);
    let replaced = ProblemKind::CallsReplaced { from: lo, to: hi, rows: added, contacts: n, calls };
    problems.push(Problem::notice(&file, replaced));
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    const P1: &str = "+7 916 111-22-33";
    const P2: &str = "8 (903) 444-55-66";

    fn at(t: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M").unwrap()
    }

    /// An incoming call (`answered` by `who`, or missed when `who` is `None`).
    fn inc(t: &str, phone: &str, who: Option<&str>) -> Call {
        Call {
            started: at(t),
            phone: Phone::parse(phone),
            incoming: true,
            answered: who.is_some(),
            wait: 10.0,
            talk: 60.0,
            employee: who.map(Into::into),
            source: Some("yandex".into()),
        }
    }

    fn out(t: &str, phone: &str, answered: bool) -> Call {
        Call { incoming: false, answered, employee: Some("Анна".into()), ..inc(t, phone, None) }
    }

    fn fold_plain(calls: &[Call]) -> Folding {
        // A stand-in key: `key-of-` and the phone's last two digits, padded with zeros.
        let key_of = |d: &str| {
            let mut key = [b'0'; 64];
            let text = format!("key-of-{}", &d[d.len() - 2..]);
            key[..text.len()].copy_from_slice(text.as_bytes());
            key
        };
        fold(calls.to_vec(), |s| s.to_string(), key_of)
    }

    fn outcomes(calls: &[Call]) -> Vec<ContactOutcome> {
        fold_plain(calls).contacts.iter().map(|c| c.outcome).collect()
    }

    use ContactOutcome::{Answered, Callback, Callback20m, Lost, Recalled};

    #[test]
    fn two_calls_one_day_are_one_contact() {
        let f = fold_plain(&[inc("2025-03-03 10:00", P1, None), inc("2025-03-03 16:00", P1, None)]);
        assert_eq!(f.contacts.len(), 1);
        assert_eq!(f.rows.len(), 1);
        assert_eq!(f.rows[0].contacts, Some(1.0));
        assert_eq!(f.rows[0].calls_in, Some(2.0));
        assert_eq!(f.contacts[0].time, at("2025-03-03 10:00"));
    }

    #[test]
    fn missed_then_answered_the_same_day_is_answered() {
        let f = fold_plain(&[inc("2025-03-03 10:00", P1, None), inc("2025-03-03 10:05", P1, Some("Олег"))]);
        assert_eq!(f.contacts[0].outcome, Answered);
        assert_eq!(f.contacts[0].employee.as_deref(), Some("Олег"));
        let r = &f.rows[0];
        assert_eq!((r.contacts, r.answered, r.lost), (Some(1.0), Some(1.0), Some(0.0)));
        // Only the answered call's wait and talk count: 10 s and 60 s.
        assert_eq!((r.wait_seconds, r.talk_seconds), (Some(10.0), Some(60.0)));
    }

    #[test]
    fn callbacks_by_delay() {
        // 10 minutes later: within 20 minutes.
        assert_eq!(outcomes(&[inc("2025-03-03 10:00", P1, None), out("2025-03-03 10:10", P1, true)]), [Callback20m]);
        // Exactly 20 minutes still counts.
        assert_eq!(outcomes(&[inc("2025-03-03 10:00", P1, None), out("2025-03-03 10:20", P1, true)]), [Callback20m]);
        // 3 hours later: a callback.
        assert_eq!(outcomes(&[inc("2025-03-03 10:00", P1, None), out("2025-03-03 13:00", P1, true)]), [Callback]);
        // 25 hours later: lost.
        assert_eq!(outcomes(&[inc("2025-03-03 10:00", P1, None), out("2025-03-04 11:00", P1, true)]), [Lost]);
        // An unanswered outgoing call recovers nothing.
        assert_eq!(outcomes(&[inc("2025-03-03 10:00", P1, None), out("2025-03-03 10:05", P1, false)]), [Lost]);
        // A callback to another patient recovers nothing either.
        assert_eq!(outcomes(&[inc("2025-03-03 10:00", P1, None), out("2025-03-03 10:05", P2, true)]), [Lost]);
        // An outgoing call before the contact does not count.
        assert_eq!(outcomes(&[out("2025-03-03 09:55", P1, true), inc("2025-03-03 10:00", P1, None)]), [Lost]);
    }

    #[test]
    fn the_patient_calls_back_next_morning() {
        let calls = [inc("2025-03-03 18:00", P1, None), inc("2025-03-04 09:00", P1, Some("Анна"))];
        assert_eq!(outcomes(&calls), [Recalled, Answered]);
        // Next day but after 24 hours: lost, and the second contact is answered.
        let calls = [inc("2025-03-03 08:00", P1, None), inc("2025-03-04 09:00", P1, Some("Анна"))];
        assert_eq!(outcomes(&calls), [Lost, Answered]);
        // A callback beats the patient's own call.
        let calls = [
            inc("2025-03-03 18:00", P1, None),
            out("2025-03-04 08:00", P1, true),
            inc("2025-03-04 09:00", P1, Some("Анна")),
        ];
        assert_eq!(outcomes(&calls), [Callback, Answered]);
    }

    #[test]
    fn a_journal_out_of_time_order_folds_as_in_order() {
        // P1's callback and P2's calls come before P1's missed call in the file.
        let calls = [
            out("2025-03-03 10:10", P1, true),
            inc("2025-03-03 12:00", P2, None),
            inc("2025-03-03 09:00", P2, Some("Олег")),
            inc("2025-03-03 10:00", P1, None),
        ];
        // By time: P2 at 9:00 (answered, the 12:00 call is the same contact), P1 at 10:00 called
        // back 10 minutes later.
        assert_eq!(outcomes(&calls), [Answered, Callback20m]);
        // Calls at the same minute keep the file's order: the first answered names the employee.
        let same = |a, b| fold_plain(&[inc("2025-03-03 10:00", P1, a), inc("2025-03-03 10:00", P1, b)]);
        assert_eq!(same(Some("Анна"), Some("Олег")).contacts[0].employee.as_deref(), Some("Анна"));
        assert_eq!(same(Some("Олег"), Some("Анна")).contacts[0].employee.as_deref(), Some("Олег"));
    }

    #[test]
    fn a_contact_across_midnight_is_two_contacts() {
        let f = fold_plain(&[inc("2025-03-03 23:55", P1, None), inc("2025-03-04 00:05", P1, Some("Анна"))]);
        assert_eq!(f.contacts.len(), 2);
        assert_eq!(f.contacts[0].outcome, Recalled);
        assert_eq!(f.contacts[1].outcome, Answered);
    }

    #[test]
    fn rows_per_month_channel_and_employee() {
        let mut calls = vec![
            inc("2025-03-03 10:00", P1, Some("Анна")),
            inc("2025-03-03 10:30", P1, Some("Олег")),
            inc("2025-03-31 23:00", P2, None),
            inc("2025-04-01 09:00", "123", None),
        ];
        calls[2].source = None;
        let f = fold_plain(&calls);
        // P1: one contact answered twice; employee Анна (first answered), Олег's call adds its wait.
        let anna = f.rows.iter().find(|r| r.employee.as_deref() == Some("Анна")).unwrap();
        assert_eq!(
            (anna.contacts, anna.answered, anna.calls_in, anna.wait_seconds),
            (Some(1.0), Some(1.0), Some(2.0), Some(10.0))
        );
        let oleg = f.rows.iter().find(|r| r.employee.as_deref() == Some("Олег")).unwrap();
        assert_eq!(
            (oleg.contacts, oleg.answered, oleg.wait_seconds, oleg.talk_seconds),
            (Some(0.0), Some(0.0), Some(10.0), Some(60.0))
        );
        // P2: missed, no source → blank channel and employee, lost.
        let blank = f.rows.iter().find(|r| r.channel.is_none()).unwrap();
        assert_eq!((blank.contacts, blank.lost, blank.employee.as_deref()), (Some(1.0), Some(1.0), None));
        // The short number is no contact, and falls outside the contact months (March only).
        assert_eq!(f.without_phone, 1);
        assert!(f.rows.iter().all(|r| r.month.to_string() == "2025-03"));
        // Patients are keys, never phones.
        assert!(f.contacts.iter().all(|c| c.patient.starts_with("key-of-")));
    }

    #[test]
    fn words_exactly_as_listed() {
        for w in ["Принят", " ОТВЕЧЕН ", "успешный", "ANSWER", "answered", "принятый"] {
            assert_eq!(parse_status(w), Ok(true), "{w}");
        }
        for w in [
            "пропущен",
            "Не принят",
            "нет ответа",
            "занято",
            "NO ANSWER",
            "NOANSWER",
            "busy",
            "voicemail",
            "потерянный",
        ] {
            assert_eq!(parse_status(w), Ok(false), "{w}");
        }
        for w in ["FAILED", "принят оператором", "ок"] {
            assert_eq!(parse_status(w), Err(ValueError::NotACallStatus(w.to_string())), "{w}");
        }
        assert_eq!(parse_call_type("Входящий звонок"), Ok(true));
        assert_eq!(parse_call_type("IN"), Ok(true));
        assert_eq!(parse_call_type("исходящий"), Ok(false));
        assert_eq!(parse_call_type("outgoing"), Ok(false));
        assert!(parse_call_type("внутренний").is_err());
    }
}
