//! The join of domain.md's "Raw exports": leads × visits → the Funnel, visits → Revenue, Doctors
//! and patient-level visits, spend → the Budget's spend.
//!
//! Patients are keyed by their keyed hash (the machine's [`PatientKey`]) from the start, so the join
//! works the same whether the visits come from this import or from visits imported earlier into the
//! project.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use rayon::prelude::*;
use serde::Serialize;

use super::key::{PatientKey, key_text};
use super::{Export, Lead, Phone, RawError, SpendRow, Visit};
use crate::import::{Problem, ProblemKind};
use crate::model::{
    BudgetRow, Channel, DoctorRow, FunnelRow, Interner, Month, Name, Project, RevenueRow, Tier, VisitRecord, Visits,
    branch_key, same_branch,
};

/// What the join did, in counts the import dialog shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct JoinReport {
    /// Lead rows read from the CRM export.
    pub leads: usize,
    /// Leads counted in the funnel (neither duplicates nor returning).
    pub counted: usize,
    /// Leads left out as duplicates (same phone within `dedupe_days` of a counted lead).
    pub duplicates: usize,
    /// Leads from patients who had visited before (counted as `returning_leads`).
    pub returning: usize,
    /// Leads whose phone gives no identity (fewer than 10 digits).
    pub leads_without_phone: usize,
    /// Visit rows read from the MIS export.
    pub visits: usize,
    /// Visits whose phone gives no identity.
    pub visits_without_phone: usize,
    /// Visits that belong to a lead.
    pub matched_visits: usize,
    /// Distinct patients among the visits.
    pub patients: usize,
    /// Spend rows read from the ad-cabinet export.
    pub spend_rows: usize,
    /// Sources that matched no channel and became channels of their own, as written.
    pub unknown_sources: Vec<String>,
    /// Call rows read from the call journal.
    pub calls: usize,
    /// Contacts (one caller's incoming calls on one day) built from the journal.
    pub contacts: usize,
    /// Exports that could not be read as a whole and replaced nothing (file names).
    pub unread: Vec<String>,
}

/// Makes sure the project's patients are keyed with `key`: a project without a key fingerprint
/// takes `key`'s; a project keyed elsewhere is refused.
///
/// # Errors
/// [`RawError::Key`] when the project carries another key's fingerprint; [`RawError::OldKeys`]
/// when its visits were keyed by an older medfunnel (a salt that is no longer kept) and the leads
/// would be matched against them.
pub fn ensure_key(project: &mut Project, key: &PatientKey, replacing_visits: bool) -> Result<(), RawError> {
    let keyed_visits = project.visits.as_ref().is_some_and(|v| v.iter().any(|r| r.patient.is_some()));
    if project.settings.key_fingerprint.trim().is_empty() && keyed_visits && !replacing_visits {
        return Err(RawError::OldKeys);
    }
    key.adopt(&mut project.settings.key_fingerprint)?;
    Ok(())
}

/// Channel names and aliases, matched case-insensitively after trimming; unknown sources become
/// channels (tier experiment) as they are first seen.
pub(crate) struct Channels {
    by_key: HashMap<String, Arc<str>>,
    /// Sources as written, already resolved: a leads export repeats a few spellings many times.
    written: HashMap<Box<str>, Arc<str>, Fast>,
    added: Vec<Channel>,
    added_in: Vec<String>,
}

impl Channels {
    pub(crate) fn new(channels: &[Channel]) -> Self {
        let mut by_key = HashMap::new();
        // Names first, so that a name wins over another channel's alias.
        for c in channels {
            by_key.entry(source_key(&c.name)).or_insert_with(|| Arc::from(c.name.as_str()));
        }
        for c in channels {
            for s in &c.sources {
                by_key.entry(source_key(s)).or_insert_with(|| Arc::from(c.name.as_str()));
            }
        }
        Self { by_key, written: HashMap::default(), added: Vec::new(), added_in: Vec::new() }
    }

    /// The channel that `source` (as written in `file`) counts in; an unknown source becomes a
    /// channel of its own.
    pub(crate) fn resolve(&mut self, source: &str, file: &str) -> String {
        self.resolve_shared(source, file).to_string()
    }

    /// As [`Self::resolve`], as a shared copy.
    fn resolve_shared(&mut self, source: &str, file: &str) -> Arc<str> {
        if let Some(name) = self.written.get(source) {
            return Arc::clone(name);
        }
        let key = source_key(source);
        let name = match self.by_key.get(&key) {
            Some(name) => Arc::clone(name),
            None => {
                let name: Arc<str> = Arc::from(source.trim());
                self.by_key.insert(key, Arc::clone(&name));
                self.added.push(Channel { name: name.to_string(), tier: Tier::Experiment, ..Channel::default() });
                if !self.added_in.iter().any(|f| f == file) {
                    self.added_in.push(file.to_string());
                }
                name
            }
        };
        self.written.insert(source.into(), Arc::clone(&name));
        name
    }
}

/// Spend per (month, channel, branch key) with the branch as first written in the export.
type SpendSums = BTreeMap<(Month, String, Option<String>), (Option<String>, f64)>;

/// A branch cell as the join writes it: trimmed, blank = none (the metrics compare branches
/// case-insensitively; spend rows are matched to Budget rows the same way).
fn branch_cell(b: Option<&str>) -> Option<String> {
    b.map(str::trim).filter(|t| !t.is_empty()).map(str::to_string)
}

/// How a source or channel name is compared: trimmed, case-insensitive.
pub(crate) fn source_key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// One shared copy per distinct text of a field of the visits, found by the written copy's address
/// (a million visits share a few copies: no text is hashed per visit). The written copies are kept,
/// so that an address is never reused by another text meanwhile. With one copy per text, the
/// Revenue and Doctors rows group the visits by address.
#[derive(Default)]
struct OneCopy {
    /// The written copy, kept alive, and its shared copy, by the written copy's address.
    cache: HashMap<usize, Answer, Fast>,
    names: Interner,
}

/// A written copy, kept alive, and its shared copy.
type Answer = (Arc<str>, Option<Arc<str>>);

impl OneCopy {
    /// The shared copy of the text `name` makes of the written one (`None`: no value); `name` runs
    /// once per written copy.
    fn of(&mut self, written: Option<Arc<str>>, name: impl FnOnce(&str) -> Option<String>) -> Option<Arc<str>> {
        let w = written?;
        let at = Arc::as_ptr(&w).cast::<u8>() as usize;
        if let Some((_, c)) = self.cache.get(&at) {
            return c.clone();
        }
        let out = name(&w).map(|t| self.names.get(&t));
        self.cache.insert(at, (w, out.clone()));
        out
    }

    /// The shared copy of the text trimmed; a blank text is no value.
    fn trimmed(&mut self, written: Option<Arc<str>>) -> Option<Arc<str>> {
        self.of(written, |w| Some(w.trim()).filter(|t| !t.is_empty()).map(str::to_string))
    }
}

/// Direction names as written in exports, mapped onto the Directions sheet's spelling when they
/// differ only in case or surrounding spaces (so that margins apply).
struct Directions<'p> {
    known: HashMap<String, &'p str>,
    copies: OneCopy,
}

impl<'p> Directions<'p> {
    fn new(project: &'p Project) -> Self {
        let known = project.directions.iter().map(|d| (d.name.trim().to_lowercase(), d.name.as_str())).collect();
        Self { known, copies: OneCopy::default() }
    }

    fn canonical(&mut self, written: Option<Arc<str>>) -> Option<Arc<str>> {
        let known = &self.known;
        self.copies.of(written, |w| {
            let t = w.trim();
            (!t.is_empty()).then(|| known.get(&t.to_lowercase()).copied().unwrap_or(t).to_string())
        })
    }
}

/// The join hashes millions of short keys (phone digits, patient ids), where the standard library's
/// DoS-resistant SipHash costs more than the work itself; the keys come from the user's own files,
/// so flooding is no concern.
pub(crate) type Fast = rustc_hash::FxBuildHasher;

/// Patients as small ids: each normalised phone is hashed with the key once, and the join works
/// on `u32`s instead of 64-character keys.
struct Keys<'s> {
    key: &'s PatientKey,
    /// Phones of up to 18 digits (all real ones) as one number with their patient, sorted by
    /// number: a batch of phones is sorted and merged into it, rather than looked up one by one in
    /// a hash map (a million look-ups in a map bigger than the cache wait on memory).
    numbers: Vec<(u64, u32)>,
    by_phone: HashMap<Phone, u32, Fast>,
    /// Patients by key; only filled when the project's own visits are used (an export's phones
    /// give new keys, each of its own).
    by_hash: HashMap<Arc<str>, u32, Fast>,
    /// Each patient's key, one shared copy for all their visits.
    hashes: Vec<Arc<str>>,
}

impl<'s> Keys<'s> {
    fn new(key: &'s PatientKey) -> Self {
        Self { key, numbers: Vec::new(), by_phone: HashMap::default(), by_hash: HashMap::default(), hashes: Vec::new() }
    }

    /// The patient of each phone, in order; `None` where the phone gives no identity. New phones
    /// are hashed with the key on both cores.
    fn of_phones<T: Sync>(&mut self, rows: &[T], phone: impl Fn(&T) -> &Phone + Sync) -> Vec<Option<u32>> {
        let batch = numbered(rows, &phone);
        self.of_numbered(rows, phone, batch)
    }

    /// [`Self::of_phones`] with the rows' [`numbered`] phones made already.
    fn of_numbered<T: Sync>(
        &mut self,
        rows: &[T],
        phone: impl Fn(&T) -> &Phone + Sync,
        mut batch: Vec<(u64, u32)>,
    ) -> Vec<Option<u32>> {
        let mut ids = vec![None; rows.len()];
        let packed = batch.partition_point(|&(n, _)| n != NOT_PACKED);
        for &(_, row) in &batch[packed..] {
            ids[row as usize] = self.of_phone(phone(&rows[row as usize]));
        }
        batch.truncate(packed);
        // One run per distinct number, merged with the numbers known already; a number not known
        // yet is a new patient, numbered after the patients there are (its key comes below).
        let base = self.hashes.len();
        let mut fresh: Vec<u64> = Vec::new(); // each new patient's number
        let mut merged = Vec::with_capacity(self.numbers.len() + batch.len() / 2);
        let mut known = self.numbers.iter().copied().peekable();
        for run in batch.chunk_by(|a, b| a.0 == b.0) {
            let number = run[0].0;
            while let Some(k) = known.next_if(|k| k.0 < number) {
                merged.push(k);
            }
            let id = match known.next_if(|k| k.0 == number) {
                Some((_, id)) => id,
                None => {
                    fresh.push(number);
                    u32::try_from(base + fresh.len() - 1).unwrap_or(u32::MAX)
                }
            };
            merged.push((number, id));
            for &(_, row) in run {
                ids[row as usize] = Some(id);
            }
        }
        merged.extend(known);
        let key = self.key;
        // The digits come back from the number: the rows are not looked up again, at random.
        let hex = |number: u64| {
            let (buf, len) = Phone::unpack(number);
            key.patient_hex(std::str::from_utf8(&buf[..len]).unwrap_or_default())
        };
        if self.by_hash.is_empty() {
            // The rows' numbers are all in `ids` now: their 16 MB are freed before the keys are made.
            drop(batch);
            // Each new patient's key and its one shared copy, made on both cores.
            let shared: Vec<Arc<str>> = fresh.par_iter().map(|&n| Arc::from(key_text(&hex(n)))).collect();
            self.hashes.extend(shared);
        } else {
            let hashes: Vec<[u8; 64]> = fresh.par_iter().map(|&n| hex(n)).collect();
            // Patients known by key (the project's visits): a new phone may be one of them.
            let real: Vec<u32> = hashes.iter().map(|h| self.of_hash(key_text(h))).collect();
            let base = base as u32;
            let fix = |id: &mut u32| {
                if *id >= base {
                    *id = real[(*id - base) as usize];
                }
            };
            merged.iter_mut().for_each(|(_, id)| fix(id));
            for &(_, row) in &batch {
                if let Some(id) = &mut ids[row as usize] {
                    fix(id);
                }
            }
        }
        self.numbers = merged;
        ids
    }

    /// The patient of a phone that does not pack into a number (or gives no identity: `None`).
    fn of_phone(&mut self, phone: &Phone) -> Option<u32> {
        let digits = phone.digits()?;
        if let Some(&id) = self.by_phone.get(phone) {
            return Some(id);
        }
        let hash = self.key.patient(digits);
        let id = if self.by_hash.is_empty() {
            let id = u32::try_from(self.hashes.len()).unwrap_or(u32::MAX);
            self.hashes.push(Arc::from(hash));
            id
        } else {
            self.of_hash(&hash)
        };
        self.by_phone.insert(phone.clone(), id);
        Some(id)
    }

    fn of_hash(&mut self, hash: &str) -> u32 {
        if let Some(&id) = self.by_hash.get(hash) {
            return id;
        }
        let id = u32::try_from(self.hashes.len()).unwrap_or(u32::MAX);
        let shared: Arc<str> = Arc::from(hash);
        self.hashes.push(Arc::clone(&shared));
        self.by_hash.insert(shared, id);
        id
    }
}

/// What [`numbered`] numbers a phone that does not pack into a number (no identity, or too long):
/// it sorts after every number.
const NOT_PACKED: u64 = u64::MAX;

/// (number, row) of every row's phone, packed and sorted on both cores (a phone that does not pack
/// is numbered [`NOT_PACKED`]: those come last, in file order, to go one by one). It needs no
/// patient known yet, so it can be made before the patients are.
fn numbered<T: Sync>(rows: &[T], phone: impl Fn(&T) -> &Phone + Sync) -> Vec<(u64, u32)> {
    let mut batch: Vec<(u64, u32)> = Vec::with_capacity(rows.len());
    rows.par_iter()
        .zip(0..u32::try_from(rows.len()).unwrap_or(u32::MAX))
        .map(|(r, row)| (phone(r).packed().unwrap_or(NOT_PACKED), row))
        .collect_into_vec(&mut batch);
    batch.par_sort_unstable();
    batch
}

/// Patients' visits by id: the first-visit day, and visit indices sorted by (day, file order).
/// The indices of all patients share one flat list (patient `id`'s are `order[start[id]..start[id + 1]]`):
/// a million visits are grouped without a vector per patient.
struct Patients {
    first: Vec<Option<NaiveDate>>,
    start: Vec<u32>,
    order: Vec<u32>,
}

impl Patients {
    /// Groups visits by patient from each visit's day and patient (`ids`, below `n`).
    fn new(dates: &[NaiveDate], ids: &[Option<u32>], n: usize) -> Self {
        let mut first: Vec<Option<NaiveDate>> = vec![None; n];
        let mut start = vec![0u32; n + 1];
        for (&date, id) in dates.iter().zip(ids) {
            let Some(id) = id.map(|x| x as usize) else { continue };
            first[id] = Some(first[id].map_or(date, |f| f.min(date)));
            start[id + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        // A counting sort by patient keeps file order within each patient.
        let mut next = start.clone();
        let mut order = vec![0u32; start[n] as usize];
        for (i, id) in ids.iter().enumerate() {
            let Some(id) = id.map(|x| x as usize) else { continue };
            order[next[id] as usize] = i as u32;
            next[id] += 1;
        }
        // Each patient's run of `order` by day (a stable sort: file order within a day), the
        // patients sorted on both cores.
        order
            .par_chunk_by_mut(|a, b| ids[*a as usize] == ids[*b as usize])
            .for_each(|visits| visits.sort_by_key(|&i| dates[i as usize]));
        Self { first, start, order }
    }

    fn range(&self, id: u32) -> std::ops::Range<usize> {
        let id = id as usize;
        self.start[id] as usize..self.start[id + 1] as usize
    }

    /// The indices of patient `id`'s visits, by day (file order within a day).
    fn visits(&self, id: u32) -> &[u32] {
        if id as usize >= self.first.len() {
            return &[];
        }
        &self.order[self.range(id)]
    }

    /// The first-visit day of patient `id`, if they have visits.
    fn first(&self, id: u32) -> Option<NaiveDate> {
        self.first.get(id as usize).copied().flatten()
    }

    fn count(&self) -> usize {
        self.first.iter().filter(|f| f.is_some()).count()
    }
}

/// Status prefixes that mean the lead was booked (domain.md), compared in lower case.
const BOOKED_STATUSES: [&str; 7] = ["записан", "пришел", "пришёл", "оплат", "booked", "visited", "paid"];

fn status_booked(status: Option<&str>) -> bool {
    status.is_some_and(|s| {
        let s = s.trim().to_lowercase();
        BOOKED_STATUSES.iter().any(|p| s.starts_with(p))
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LeadKind {
    Duplicate,
    Returning,
    Counted,
}

/// What a counted lead's owned visits add up to (a third of a million of these are held at the
/// join's busiest moment: 16 bytes each).
#[derive(Clone, Copy)]
struct Owned {
    revenue: f64,
    /// The first visit it owns (its direction names the lead's when the CRM gave none);
    /// `u32::MAX`: it owns none.
    first_visit: u32,
    paid: bool,
}

impl Owned {
    const NOTHING: Owned = Owned { revenue: 0.0, first_visit: u32::MAX, paid: false };

    fn visits(&self) -> bool {
        self.first_visit != u32::MAX
    }
}

#[derive(Default)]
struct FunnelSums {
    leads: f64,
    bookings: f64,
    visits: f64,
    paid: f64,
    revenue: f64,
    returning: f64,
}

/// Joins the raw exports into `project` as domain.md's "Raw exports" says: leads replace the
/// Funnel, visits replace Revenue and Doctors and become `project.visits`, spend replaces the
/// Budget's spend of the channel-months it covers. An export given as `None` leaves its sheets as
/// they are; leads without a visits export are matched against the visits already in the project.
///
/// Returns the counts and the notices (duplicates, returning leads, phones without identity,
/// unknown sources, replaced sheets). Phones are hashed with `key` (see [`ensure_key`]).
///
/// # Errors
/// As [`ensure_key`].
pub fn join(
    project: &mut Project,
    key: &PatientKey,
    leads: Option<&Export<Lead>>,
    visits: Option<Export<Visit>>,
    spend: Option<&Export<SpendRow>>,
) -> Result<(JoinReport, Vec<Problem>), RawError> {
    ensure_key(project, key, visits.is_some())?;
    let mut keys = Keys::new(key);
    let mut problems = Vec::new();
    let mut report = JoinReport::default();
    let mut channels = Channels::new(&project.channels);

    // The visits export's file name and row count, kept for the notices: its rows become the records.
    let visits_file = visits.as_ref().map(|ex| (ex.file.clone(), ex.rows.len()));
    // Visits with their patient keys: this import's, or those already in the project. What the
    // leads' join needs of the leads alone is made on the other core meanwhile.
    let shared: &Project = project;
    let visit_side = || {
        let mut dirs = Directions::new(shared);
        match visits {
            Some(ex) => {
                let ids = keys.of_phones(&ex.rows, |v| &v.phone);
                let dates: Vec<NaiveDate> = ex.rows.iter().map(|v| v.date).collect();
                let hashes = &keys.hashes;
                let (mut doctors, mut branches) = (OneCopy::default(), OneCopy::default());
                // Each export row becomes its record where it lies (a record is no bigger than a
                // row, so the vector's memory is reused): a million visits are not held twice.
                // Grouping by patient needs only the days: it runs on the other core meanwhile.
                let (mut records, by_patient) = rayon::join(
                    || {
                        ex.rows
                            .into_iter()
                            .map(|v| VisitRecord {
                                date: v.date,
                                patient: None,
                                direction: dirs.canonical(v.direction),
                                doctor: doctors.trimmed(v.doctor),
                                amount: v.amount,
                                branch: branches.trimmed(v.branch),
                            })
                            .collect::<Vec<_>>()
                    },
                    || Patients::new(&dates, &ids, hashes.len()),
                );
                // The rows were bigger than the records: the tail they leave is given back.
                records.shrink_to_fit();
                // The patients' keys after, on both cores: each visit raises its key's count,
                // at a random place in memory, which is slow on one.
                records.par_iter_mut().zip(&ids).for_each(|(r, id)| {
                    r.patient = id.map(|i| Arc::clone(&hashes[i as usize]));
                });
                (records, ids, by_patient, true)
            }
            None => {
                let records = shared.visits.as_deref().map(<[_]>::to_vec).unwrap_or_default();
                let ids: Vec<Option<u32>> =
                    records.iter().map(|v| v.patient.as_deref().map(|h| keys.of_hash(h))).collect();
                let dates: Vec<NaiveDate> = records.iter().map(|v| v.date).collect();
                let by_patient = Patients::new(&dates, &ids, keys.hashes.len());
                (records, ids, by_patient, false)
            }
        }
    };
    let ((records, ids, by_patient, from_export), prep) =
        rayon::join(visit_side, || leads.map(|ex| LeadPrep::new(shared, ex, &mut channels)));

    if let Some((file, rows)) = &visits_file {
        report.visits = *rows;
        report.visits_without_phone = records.iter().filter(|v| v.patient.is_none()).count();
        report.patients = by_patient.count();
        if report.visits_without_phone > 0 {
            problems.push(Problem::notice(file, ProblemKind::VisitsWithoutPhone(report.visits_without_phone)));
        }
    }

    // The leads' join and the visits' Revenue and Doctors rows read the same grouped visits and
    // write different sheets: they run on both cores, and their notices are listed in this order.
    let visit_sheets = || {
        visits_file.as_ref().filter(|_| from_export).map(|_| {
            rayon::join(
                || revenue_rows(&records, &ids, &by_patient),
                || doctor_rows(&records, &ids, &by_patient, &shared.doctors),
            )
        })
    };
    let (funnel, sheets) = rayon::join(
        || {
            leads.zip(prep).map(|(ex, prep)| {
                let funnel = join_leads(shared, ex, prep, &records, &by_patient, &mut keys, &mut report, &mut problems);
                (ex, funnel)
            })
        },
        visit_sheets,
    );
    if let Some((ex, funnel)) = funnel {
        problems.push(Problem::notice(&ex.file, ProblemKind::FunnelReplaced(funnel.len())));
        project.funnel = funnel;
    }
    if let (Some((file, _)), Some((revenue, (doctors, kept)))) = (&visits_file, sheets) {
        problems.push(Problem::notice(file, ProblemKind::RevenueReplaced(revenue.len())));
        project.revenue = revenue;
        problems.push(Problem::notice(file, ProblemKind::DoctorsReplaced { rows: doctors.len(), kept }));
        project.doctors = doctors;
    }

    if let Some(ex) = spend {
        report.spend_rows = ex.rows.len();
        let mut sums: SpendSums = BTreeMap::new();
        for r in &ex.rows {
            let channel = channels.resolve(&r.source, &ex.file);
            let key = (r.month, channel, branch_key(r.branch.as_deref()));
            sums.entry(key).or_insert_with(|| (branch_cell(r.branch.as_deref()), 0.0)).1 += r.spend;
        }
        let (replaced, added) = apply_spend(&mut project.budget, sums);
        problems.push(Problem::notice(&ex.file, ProblemKind::SpendReplaced { replaced, added }));
    }

    report.unknown_sources = add_unknown_channels(project, channels, &mut problems);

    if from_export {
        // Numbered by first record once the leads' work has freed its memory.
        project.visits = Some(Visits::grouped(records, &ids, keys.hashes.len()));
    }
    Ok((report, problems))
}

/// Adds the channels that unknown sources became to the project, with one notice naming them;
/// returns their names.
pub(crate) fn add_unknown_channels(
    project: &mut Project,
    mut channels: Channels,
    problems: &mut Vec<Problem>,
) -> Vec<String> {
    if !channels.added.is_empty() {
        let names: Vec<String> = channels.added.iter().map(|c| c.name.clone()).collect();
        problems.push(Problem::notice(&channels.added_in.join(", "), ProblemKind::NewChannels(names)));
    }
    let added: Vec<String> = channels.added.iter().map(|c| c.name.clone()).collect();
    project.channels.append(&mut channels.added);
    added
}

/// What the leads' join needs of the leads alone: each lead's channel and direction, and the
/// leads in order of `created`, their phones as numbers. Made while the visits are keyed.
struct LeadPrep {
    channel: Vec<Arc<str>>,
    direction: Vec<Option<Arc<str>>>,
    /// (created, row) of every lead by `created`, the file's order among equal times.
    order: Vec<(NaiveDateTime, u32)>,
    /// The leads' [`numbered`] phones.
    phones: Vec<(u64, u32)>,
}

impl LeadPrep {
    fn new(project: &Project, ex: &Export<Lead>, channels: &mut Channels) -> Self {
        let leads = &ex.rows;
        // Channels in file order (so the first spelling of an unknown source names it). The leads
        // share a few copies of their sources: each copy is resolved once, by its address (the
        // leads keep the copies alive meanwhile), rather than its text hashed per lead.
        let mut by_copy: HashMap<usize, Arc<str>, Fast> = HashMap::default();
        let channel = leads
            .iter()
            .map(|l| {
                let at = Arc::as_ptr(&l.source).cast::<u8>() as usize;
                Arc::clone(by_copy.entry(at).or_insert_with(|| channels.resolve_shared(&l.source, &ex.file)))
            })
            .collect();
        let mut dirs = Directions::new(project);
        let direction = leads.iter().map(|l| dirs.canonical(l.direction.clone())).collect();
        // (time, row) pairs are sorted without looking each lead up.
        let mut order: Vec<(NaiveDateTime, u32)> = leads.iter().zip(0..).map(|(l, i)| (l.created, i)).collect();
        order.par_sort_unstable();
        Self { channel, direction, order, phones: numbered(leads, |l| &l.phone) }
    }
}

#[allow(clippy::too_many_arguments)] // one call site; a struct would only rename these
fn join_leads(
    project: &Project,
    ex: &Export<Lead>,
    prep: LeadPrep,
    records: &[VisitRecord],
    by_patient: &Patients,
    keys: &mut Keys<'_>,
    report: &mut JoinReport,
    problems: &mut Vec<Problem>,
) -> Vec<FunnelRow> {
    let leads = &ex.rows;
    let dedupe = i64::from(project.settings.dedupe_days);
    let attribution = i64::from(project.settings.attribution_days);
    report.leads = leads.len();
    let LeadPrep { channel, direction, order, phones } = prep;
    let key = keys.of_numbered(leads, |l| &l.phone, phones);

    // 1–2. Dedupe and returning, in order of `created`.
    let mut kind = vec![LeadKind::Counted; leads.len()];
    // Patients are small dense ids: each one's last counted day sits in a flat table, and the
    // candidates (patient, rank in `order`) are grouped by sorting rather than a vector per patient.
    let mut last_counted: Vec<Option<NaiveDate>> = vec![None; keys.hashes.len()];
    let mut candidates: Vec<(u32, u32)> = Vec::with_capacity(leads.len());
    for (&(created, i), rank) in order.iter().zip(0..) {
        let i = i as usize;
        let Some(k) = key[i] else { continue };
        let d = created.date();
        let last = &mut last_counted[k as usize];
        if let Some(prev) = *last
            && (d - prev).num_days() < dedupe
        {
            kind[i] = LeadKind::Duplicate;
            continue;
        }
        *last = Some(d);
        if by_patient.first(k).is_some_and(|f| f < d) {
            kind[i] = LeadKind::Returning;
        } else {
            candidates.push((k, rank));
        }
    }
    // Each patient's candidates stay in order of `created`.
    candidates.par_sort_unstable();

    // 3. Each visit goes to the latest counted, non-returning lead created on c ≤ visit ≤ c + window.
    let mut owned = vec![Owned::NOTHING; leads.len()];
    for ls in candidates.chunk_by(|a, b| a.0 == b.0) {
        for &vi in by_patient.visits(ls[0].0) {
            let v = &records[vi as usize];
            let n = ls.partition_point(|&(_, rank)| order[rank as usize].0.date() <= v.date);
            let Some(&(_, rank)) = n.checked_sub(1).and_then(|j| ls.get(j)) else { continue };
            let (created, li) = order[rank as usize];
            if (v.date - created.date()).num_days() > attribution {
                continue;
            }
            let o = &mut owned[li as usize];
            if !o.visits() {
                o.first_visit = vi;
            }
            o.paid |= v.amount > 0.0;
            o.revenue += v.amount;
            report.matched_visits += 1;
        }
    }

    // 4. Funnel rows per month, channel, direction and branch. Grouped by hash of the month and
    // the texts' copies (no text is hashed per lead), then merged by text and sorted once: a third
    // of a million leads make a few hundred rows.
    type RowKey<'a> = (Month, &'a str, Option<&'a str>, Option<&'a str>);
    let address = |t: Option<&str>| t.map_or(0, |t| t.as_ptr() as usize);
    let mut rows: HashMap<(Month, usize, usize, usize), (RowKey<'_>, FunnelSums), Fast> = HashMap::default();
    // Whether a status means booked, once per copy of a status (the leads share a few).
    let mut booked_status: HashMap<usize, bool, Fast> = HashMap::default();
    for i in 0..leads.len() {
        let lead = &leads[i];
        if key[i].is_none() {
            report.leads_without_phone += 1;
        }
        let o = &owned[i];
        let first_visit = records.get(o.first_visit as usize);
        let dir = direction[i].as_deref().or(first_visit.and_then(|v| v.direction.as_deref()));
        let month = Month::of(lead.created.date());
        // A Funnel row built from a lead takes the lead's branch (the join itself ignores branches).
        let branch = crate::model::named_branch(lead.branch.as_deref());
        let at = (month, address(Some(&channel[i])), address(dir), address(branch));
        let (_, sums) = rows.entry(at).or_insert_with(|| ((month, &*channel[i], dir, branch), FunnelSums::default()));
        match kind[i] {
            LeadKind::Duplicate => {
                // A row of zeros, so that the month is still one "in a raw export" (domain.md,
                // `months`) even when all its leads were duplicates.
                report.duplicates += 1;
            }
            LeadKind::Returning => {
                report.returning += 1;
                sums.returning += 1.0;
            }
            LeadKind::Counted => {
                report.counted += 1;
                sums.leads += 1.0;
                let status = lead.status.as_deref();
                let booked = lead.booked.is_some()
                    || *booked_status.entry(address(status)).or_insert_with(|| status_booked(status))
                    || o.visits();
                sums.bookings += f64::from(u8::from(booked));
                sums.visits += f64::from(u8::from(o.visits()));
                sums.paid += f64::from(u8::from(o.paid));
                sums.revenue += o.revenue;
            }
        }
    }

    if report.duplicates > 0 {
        let duplicates = ProblemKind::DuplicateLeads { count: report.duplicates, days: project.settings.dedupe_days };
        problems.push(Problem::notice(&ex.file, duplicates));
    }
    if report.returning > 0 {
        problems.push(Problem::notice(&ex.file, ProblemKind::ReturningLeads(report.returning)));
    }
    if report.leads_without_phone > 0 {
        problems.push(Problem::notice(&ex.file, ProblemKind::LeadsWithoutPhone(report.leads_without_phone)));
    }

    let rows = by_text(rows.into_values(), |a, b| {
        a.leads += b.leads;
        a.bookings += b.bookings;
        a.visits += b.visits;
        a.paid += b.paid;
        a.revenue += b.revenue;
        a.returning += b.returning;
    });
    rows.into_iter()
        .map(|((month, channel, direction, branch), s)| FunnelRow {
            branch: branch.map(Name::from),
            month,
            channel: channel.into(),
            direction: direction.map(Name::from),
            leads: Some(s.leads),
            bookings: Some(s.bookings),
            visits: Some(s.visits),
            paid: Some(s.paid),
            revenue: Some(s.revenue),
            returning_leads: Some(s.returning),
        })
        .collect()
}

/// Patient counts of one group of visit rows: distinct patients seen on their first-visit day, and
/// on a later day. Ids are gathered, then counted once (sorting a group's few ids is cheaper than
/// a hash set per group).
#[derive(Default)]
struct PatientSets {
    new: Vec<u32>,
    repeat: Vec<u32>,
}

impl PatientSets {
    /// Adds the patients of another group of the same rows.
    fn absorb(&mut self, mut other: PatientSets) {
        self.new.append(&mut other.new);
        self.repeat.append(&mut other.repeat);
    }

    fn add(&mut self, id: Option<u32>, date: NaiveDate, by_patient: &Patients) {
        let Some(id) = id else { return };
        if by_patient.first(id) == Some(date) {
            self.new.push(id);
        } else {
            self.repeat.push(id);
        }
    }

    /// Distinct new and repeat patients.
    fn counts(&mut self) -> (f64, f64) {
        let distinct = |ids: &mut Vec<u32>| {
            ids.sort_unstable();
            ids.dedup();
            ids.len() as f64
        };
        (distinct(&mut self.new), distinct(&mut self.repeat))
    }
}

/// The address of a shared copy (0: none), to group visits by their texts' copies.
fn at(text: Option<&Arc<str>>) -> usize {
    text.map_or(0, |t| Arc::as_ptr(t).cast::<u8>() as usize)
}

/// Groups made by copies' addresses, with their text keys: merged by text (copies of one text are
/// one group, should the visits not share one copy per text) and sorted by it.
fn by_text<K: Ord, V>(groups: impl Iterator<Item = (K, V)>, merge: impl Fn(&mut V, V)) -> Vec<(K, V)> {
    let mut groups: Vec<(K, V)> = groups.collect();
    groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut out: Vec<(K, V)> = Vec::with_capacity(groups.len());
    for (k, v) in groups {
        match out.last_mut() {
            Some((last, into)) if *last == k => merge(into, v),
            _ => out.push((k, v)),
        }
    }
    out
}

fn revenue_rows(records: &[VisitRecord], ids: &[Option<u32>], by_patient: &Patients) -> Vec<RevenueRow> {
    // (day, direction, branch) → (revenue, checks, patients).
    type Key<'a> = (NaiveDate, Option<&'a str>, Option<&'a str>);
    // Grouped by hash of the day and the texts' shared copies (no text is hashed per visit), then
    // sorted once: a million visits make a few thousand rows.
    type Group<'a> = (Key<'a>, (f64, f64, PatientSets));
    let mut groups: HashMap<(NaiveDate, usize, usize), Group<'_>, Fast> = HashMap::default();
    for (v, id) in records.iter().zip(ids) {
        let (_, g) = groups
            .entry((v.date, at(v.direction.as_ref()), at(v.branch.as_ref())))
            .or_insert_with(|| ((v.date, v.direction.as_deref(), v.branch.as_deref()), Default::default()));
        g.0 += v.amount;
        g.1 += f64::from(u8::from(v.amount > 0.0));
        g.2.add(*id, v.date, by_patient);
    }
    let groups = by_text(groups.into_values(), |a, b| {
        a.0 += b.0;
        a.1 += b.1;
        a.2.absorb(b.2);
    });
    groups
        .into_iter()
        .map(|((date, direction, branch), (revenue, checks, mut sets))| {
            let (new, repeat) = sets.counts();
            RevenueRow {
                branch: branch.map(str::to_string),
                month_row: false,
                date,
                direction: direction.map(str::to_string),
                revenue,
                checks: Some(checks),
                new_patients: Some(new),
                repeat_patients: Some(repeat),
            }
        })
        .collect()
}

/// Doctors rows from visits, with hours and treatment-plan columns from the template's row of the
/// same month and doctor. Template rows with such figures but no visits are kept (without patients
/// and revenue); their count is returned.
fn doctor_rows(
    records: &[VisitRecord],
    ids: &[Option<u32>],
    by_patient: &Patients,
    template: &[DoctorRow],
) -> (Vec<DoctorRow>, usize) {
    // A doctor who works in two branches has a row per branch.
    // Grouped by the texts' shared copies, as the Revenue rows are.
    type Key<'a> = (Month, &'a str, Option<&'a str>);
    type Group<'a> = (Key<'a>, (f64, PatientSets));
    // (doctor, direction) → visits.
    type Count<'a> = ((&'a str, &'a str), usize);
    let mut groups: HashMap<(Month, usize, usize), Group<'_>, Fast> = HashMap::default();
    let mut dir_counts: HashMap<(usize, usize), Count<'_>, Fast> = HashMap::default();
    for (v, id) in records.iter().zip(ids) {
        let Some(doctor) = v.doctor.as_ref() else { continue };
        let month = Month::of(v.date);
        let (_, g) = groups
            .entry((month, at(Some(doctor)), at(v.branch.as_ref())))
            .or_insert_with(|| ((month, doctor, v.branch.as_deref()), Default::default()));
        g.0 += v.amount;
        g.1.add(*id, v.date, by_patient);
        if let Some(d) = v.direction.as_ref() {
            dir_counts.entry((at(Some(doctor)), at(Some(d)))).or_insert(((doctor, d), 0)).1 += 1;
        }
    }
    let mut groups = by_text(groups.into_values(), |a, b| {
        a.0 += b.0;
        a.1.absorb(b.1);
    });
    let dir_counts = by_text(dir_counts.into_values(), |a, b| *a += b);
    // The doctor's most frequent direction over the whole export; ties go to the name first in
    // alphabetical order.
    let mut best: HashMap<&str, (&str, usize), Fast> = HashMap::default();
    for &((doctor, d), n) in &dir_counts {
        let b = best.entry(doctor).or_insert((d, n));
        if n > b.1 || (n == b.1 && d < b.0) {
            *b = (d, n);
        }
    }
    let main_direction = |doctor: &str| best.get(doctor).map(|(d, _)| (*d).to_string());
    let template_of = |m: Month, doctor: &str, branch: Option<&str>| {
        template.iter().find(|r| r.month == m && r.doctor.trim() == doctor && same_branch(r.branch.as_deref(), branch))
    };
    let mut out: Vec<DoctorRow> = groups
        .iter_mut()
        .map(|((month, doctor, branch), (revenue, sets))| {
            let t = template_of(*month, doctor, *branch);
            let (new, repeat) = sets.counts();
            DoctorRow {
                branch: branch.map(str::to_string),
                month: *month,
                doctor: (*doctor).to_string(),
                direction: main_direction(doctor).or_else(|| t.and_then(|t| t.direction.clone())),
                primary_patients: Some(new),
                repeat_patients: Some(repeat),
                revenue: Some(*revenue),
                hours_available: t.and_then(|t| t.hours_available),
                hours_booked: t.and_then(|t| t.hours_booked),
                recommended: t.and_then(|t| t.recommended),
                agreed: t.and_then(|t| t.agreed),
                performed: t.and_then(|t| t.performed),
            }
        })
        .collect();
    let mut kept = 0;
    for t in template {
        let has_figures =
            [t.hours_available, t.hours_booked, t.recommended, t.agreed, t.performed].iter().any(Option::is_some);
        let seen = groups
            .iter()
            .any(|((m, d, b), _)| *m == t.month && *d == t.doctor.trim() && same_branch(*b, t.branch.as_deref()));
        if has_figures && !seen {
            kept += 1;
            out.push(DoctorRow { primary_patients: None, repeat_patients: None, revenue: None, ..t.clone() });
        }
    }
    out.sort_by(|a, b| (a.month, &a.doctor, &a.branch).cmp(&(b.month, &b.doctor, &b.branch)));
    (out, kept)
}

/// Writes the export's spend into the Budget rows of the same channel and month (the first such
/// row; further duplicates lose their spend), adding rows where none exist. Returns (replaced,
/// added).
fn apply_spend(budget: &mut Vec<BudgetRow>, sums: SpendSums) -> (usize, usize) {
    let mut done: HashSet<(Month, String, Option<String>)> = HashSet::new();
    let mut replaced = 0;
    for row in budget.iter_mut() {
        let k = (row.month, row.channel.clone(), branch_key(row.branch.as_deref()));
        if let Some((_, s)) = sums.get(&k) {
            if done.insert(k) {
                row.spend = Some(*s);
                replaced += 1;
            } else {
                row.spend = None;
            }
        }
    }
    let mut added = 0;
    for ((month, channel, key), (branch, s)) in sums {
        if !done.contains(&(month, channel.clone(), key)) {
            budget.push(BudgetRow { branch, month, channel, budget_plan: None, spend: Some(s) });
            added += 1;
        }
    }
    (replaced, added)
}

/// Makes `source` an alias of the channel `channel` (matched by name, case-insensitively), for the
/// import dialog's "this source is that channel". A channel that an earlier join created for this
/// source (named as the source, tier experiment, no kind, no sources) is merged into `channel`:
/// its Funnel and Budget rows are renamed and it is removed. Re-running the join afterwards counts
/// the source's leads and spend in `channel`.
///
/// # Errors
/// A sentence for the user when no channel is named `channel`, or the source is empty.
pub fn add_alias(project: &mut Project, source: &str, channel: &str) -> Result<(), String> {
    let source = source.trim();
    if source.is_empty() {
        return Err("the source is empty".to_string());
    }
    let target_key = source_key(channel);
    let Some(target) = project.channels.iter().position(|c| source_key(&c.name) == target_key) else {
        return Err(format!("there is no channel «{}» on the Channels sheet", channel.trim()));
    };
    let target_name = project.channels[target].name.clone();
    let key = source_key(source);
    // An auto-created channel of this source is merged into the target.
    if let Some(auto) = project.channels.iter().position(|c| {
        source_key(&c.name) == key
            && c.name != target_name
            && c.tier == Tier::Experiment
            && c.kind.is_empty()
            && c.sources.is_empty()
    }) {
        let old = project.channels.remove(auto).name;
        for r in project.funnel.iter_mut().filter(|r| r.channel == old) {
            r.channel = Name::from(&target_name);
        }
        for r in project.budget.iter_mut().filter(|r| r.channel == old) {
            r.channel = target_name.clone();
        }
    }
    // The source leaves any other channel's aliases: one source, one channel.
    for c in project.channels.iter_mut().filter(|c| c.name != target_name) {
        c.sources.retain(|s| source_key(s) != key);
    }
    let Some(target) = project.channels.iter_mut().find(|c| c.name == target_name) else {
        return Err(format!("there is no channel «{}» on the Channels sheet", channel.trim()));
    };
    if source_key(&target.name) != key && !target.sources.iter().any(|s| source_key(s) == key) {
        target.sources.push(source.to_string());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phones(texts: &[&str]) -> Vec<Phone> {
        texts.iter().map(|t| Phone::parse(t)).collect()
    }

    #[test]
    fn copies_of_one_text_are_one_value_and_one_group() {
        // Two readers' copies of «Врач 1», one with spaces around: one shared copy.
        let (a, b): (Arc<str>, Arc<str>) = ("Врач 1".into(), " Врач 1 ".into());
        let mut copies = OneCopy::default();
        let (x, y) = (copies.trimmed(Some(a)), copies.trimmed(Some(b)));
        assert!(Arc::ptr_eq(x.as_ref().unwrap(), y.as_ref().unwrap()));
        assert_eq!(copies.trimmed(Some("  ".into())), None);
        // Groups of copies of one text are merged: 1 + 2 = 3 for «Врач 1», in order of the texts.
        let groups =
            by_text([("Врач 2", 4.0), ("Врач 1", 1.0), ("Врач 1", 2.0)].into_iter(), |a, b| *a += b);
        assert_eq!(groups, vec![("Врач 1", 3.0), ("Врач 2", 4.0)]);
    }

    #[test]
    fn phones_become_patients_by_sorting_and_merging() {
        let key = PatientKey::from_bytes([7; 32]);
        let mut keys = Keys::new(&key);
        // Three spellings of one number, no phone, another number, and a 24-digit one (too long to
        // pack: it goes through the map).
        let visits = phones(&[
            "+7 916 123-45-67",
            "",
            "8 (916) 123 45 67",
            "9031112233",
            "9161234567",
            "1234567890 1234567890 1234",
        ]);
        let ids = keys.of_phones(&visits, |p| p);
        let (a, b, long) = (ids[0].unwrap(), ids[3].unwrap(), ids[5].unwrap());
        assert_eq!(ids, vec![Some(a), None, Some(a), Some(b), Some(a), Some(long)]);
        assert_eq!(keys.hashes.len(), 3);
        assert_eq!(&*keys.hashes[a as usize], key.patient("79161234567"));
        assert_eq!(&*keys.hashes[b as usize], key.patient("79031112233"));
        assert_eq!(&*keys.hashes[long as usize], key.patient("123456789012345678901234"));
        // A second batch (the leads) finds the known patients and numbers the new one after them.
        let leads = phones(&["+7 903 111-22-33", "+7 999 000-00-01", "79161234567"]);
        assert_eq!(keys.of_phones(&leads, |p| p), vec![Some(b), Some(3), Some(a)]);
        assert_eq!(&*keys.hashes[3], key.patient("79990000001"));
    }

    #[test]
    fn joined_visits_come_with_their_patients_told_apart() {
        // The join numbers patients by phone (…01 before …02); the visits keep them numbered by
        // first record, as telling them apart by key would.
        let key = PatientKey::from_bytes([3; 32]);
        let visit = |day, phone: &str| Visit {
            date: NaiveDate::from_ymd_opt(2025, 1, day).unwrap(),
            phone: Phone::parse(phone),
            direction: None,
            doctor: None,
            amount: 100.0,
            branch: None,
        };
        let rows = vec![
            visit(3, "+7 916 000-00-02"),
            visit(1, "8 916 000 00 01"),
            visit(2, ""),
            visit(4, "9160000001"),
            visit(5, "+7 916 000 00 02"),
        ];
        let mut project = Project::new();
        join(&mut project, &key, None, Some(Export { file: "v.csv".into(), rows }), None).unwrap();
        let visits = project.visits.as_ref().unwrap();
        let none = crate::model::PatientIds::NONE;
        assert_eq!(visits.patients().ids(), &[0, 1, none, 1, 0]);
        assert_eq!(visits.patients(), Visits::new(visits.to_vec()).patients());
    }

    #[test]
    fn new_phones_find_the_projects_patients_by_key() {
        let key = PatientKey::from_bytes([9; 32]);
        let mut keys = Keys::new(&key);
        // The project's visits: two patients known only by their keys.
        let known = keys.of_hash(&key.patient("79161234567"));
        let other = keys.of_hash("not a phone's key");
        assert_eq!((known, other), (0, 1));
        let leads = phones(&["8 999 000 00 01", "+7 916 123 45 67", "89161234567"]);
        assert_eq!(keys.of_phones(&leads, |p| p), vec![Some(2), Some(known), Some(known)]);
        assert_eq!(&*keys.hashes[2], key.patient("79990000001"));
        assert_eq!(keys.numbers.iter().map(|(_, id)| *id).collect::<Vec<_>>(), vec![known, 2]);
    }
}
