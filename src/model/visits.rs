//! The imported visits, and which of them are one patient's.
//!
//! Cohorts and the first-year LTV read the visits patient by patient. Telling patients apart means
//! comparing a million 64-character keys, which costs more than everything else the KPIs do with
//! the visits; the visits never change once imported, so it is done once per set of visits and
//! kept beside them. The raw join already knows which visits share a phone and hands that over.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::VisitRecord;

/// Patient-level visits from an MIS export, read-only once made, with each visit's patient as a
/// number (found on first need, or given by the join that made them).
#[derive(Clone)]
pub struct Visits {
    records: Vec<VisitRecord>,
    patients: OnceLock<Arc<PatientIds>>,
    branches: OnceLock<Arc<[Arc<str>]>>,
    id: u64,
}

/// The next [`Visits::id`] (0 is never given).
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// Each visit's patient as a number: patients are numbered 0, 1, … in the order of their first
/// record, [`PatientIds::NONE`] for a visit whose phone gave no identity.
#[derive(Debug, PartialEq, Eq)]
pub struct PatientIds {
    ids: Vec<u32>,
    count: usize,
}

impl PatientIds {
    /// The number of a visit without identity.
    pub const NONE: u32 = u32::MAX;

    /// Each record's patient, in record order.
    pub fn ids(&self) -> &[u32] {
        &self.ids
    }

    /// How many patients there are (every number below it is one).
    pub fn count(&self) -> usize {
        self.count
    }

    /// Renumbers any grouping (`same[i] == same[j]`: records `i` and `j` are one patient) in the
    /// order of first appearance.
    fn numbered(same: impl Iterator<Item = Option<u32>>, len: usize, groups: usize) -> Self {
        let mut number = vec![Self::NONE; groups];
        let mut count = 0u32;
        let mut ids = Vec::with_capacity(len);
        for s in same {
            let id = match s.and_then(|s| number.get_mut(s as usize)) {
                Some(n) if *n == Self::NONE => {
                    *n = count;
                    count += 1;
                    *n
                }
                Some(n) => *n,
                None => Self::NONE,
            };
            ids.push(id);
        }
        Self { ids, count: count as usize }
    }

    /// Tells the patients of `records` apart by their keys. The records share one copy of each
    /// key where they were made together ([`Interner`](super::Interner)): they are grouped by the
    /// copy's address, sorting (address, record) pairs on both cores rather than making a million
    /// map look-ups on one; copies with the same text (keys that were not shared) are then merged
    /// by text, once per copy.
    fn of(records: &[VisitRecord]) -> Self {
        use rayon::slice::ParallelSliceMut;
        let mut by_copy: Vec<(usize, u32)> = records
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.patient.as_deref().map(|k| (k.as_ptr() as usize, i as u32)))
            .collect();
        by_copy.par_sort_unstable();
        // One group per distinct text (the keys are salted hashes of the user's own data: Fx is
        // safe), with room for every copy at once: no rehash on the way.
        let runs = by_copy.chunk_by(|a, b| a.0 == b.0);
        let mut by_text: std::collections::HashMap<&str, u32, rustc_hash::FxBuildHasher> =
            std::collections::HashMap::with_capacity_and_hasher(runs.clone().count(), Default::default());
        let mut group = vec![None; records.len()];
        for run in runs {
            let key = records[run[0].1 as usize].patient.as_deref().unwrap_or_default();
            let next = by_text.len() as u32;
            let g = *by_text.entry(key).or_insert(next);
            for &(_, i) in run {
                group[i as usize] = Some(g);
            }
        }
        Self::numbered(group.into_iter(), records.len(), by_text.len())
    }
}

impl Visits {
    /// The visits, their patients told apart when first needed.
    pub fn new(records: Vec<VisitRecord>) -> Self {
        Self { records, patients: OnceLock::new(), branches: OnceLock::new(), id: next_id() }
    }

    /// The visits with their patients as the importer grouped them: `same[i] == same[j]` exactly
    /// when records `i` and `j` have the same key (`None`: no key), every number below `groups`.
    /// A number that breaks this gives wrong cohorts: only the join that made the keys may say.
    pub(crate) fn grouped(records: Vec<VisitRecord>, same: &[Option<u32>], groups: usize) -> Self {
        let ids = PatientIds::numbered(same.iter().copied(), records.len(), groups);
        Self { records, patients: OnceLock::from(Arc::new(ids)), branches: OnceLock::new(), id: next_id() }
    }

    /// The records to change: the patients are told apart again when next needed.
    pub fn records_mut(&mut self) -> &mut Vec<VisitRecord> {
        self.patients = OnceLock::new();
        self.branches = OnceLock::new();
        self.id = next_id();
        &mut self.records
    }

    /// Each branch cell's text once, as written, in the order it first appears: what the branch
    /// comparison needs of a million visits on every computation (found on the first call).
    pub fn branch_cells(&self) -> &[Arc<str>] {
        self.branches.get_or_init(|| {
            let mut copies = std::collections::HashSet::<usize, rustc_hash::FxBuildHasher>::default();
            let mut texts = std::collections::HashSet::<&str, rustc_hash::FxBuildHasher>::default();
            let mut cells = Vec::new();
            for b in self.records.iter().filter_map(|r| r.branch.as_ref()) {
                if copies.insert(b.as_ptr() as usize) && texts.insert(b) {
                    cells.push(Arc::clone(b));
                }
            }
            cells.into()
        })
    }

    /// Who these records are, for what is worked out of them and kept (the visits' LTV between
    /// edits of other sheets): a copy has its original's id, the records once changed a new one.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Each record's patient (told apart on the first call, then kept).
    pub fn patients(&self) -> &PatientIds {
        self.patients.get_or_init(|| Arc::new(PatientIds::of(&self.records)))
    }
}

impl Default for Visits {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

impl std::ops::Deref for Visits {
    type Target = [VisitRecord];

    fn deref(&self) -> &[VisitRecord] {
        &self.records
    }
}

impl From<Vec<VisitRecord>> for Visits {
    fn from(records: Vec<VisitRecord>) -> Self {
        Self::new(records)
    }
}

impl<'a> IntoIterator for &'a Visits {
    type Item = &'a VisitRecord;
    type IntoIter = std::slice::Iter<'a, VisitRecord>;

    fn into_iter(self) -> Self::IntoIter {
        self.records.iter()
    }
}

impl FromIterator<VisitRecord> for Visits {
    fn from_iter<I: IntoIterator<Item = VisitRecord>>(iter: I) -> Self {
        Self::new(iter.into_iter().collect())
    }
}

/// Visits are equal when their records are: the patients follow from the records.
impl PartialEq for Visits {
    fn eq(&self, other: &Self) -> bool {
        self.records == other.records
    }
}

impl std::fmt::Debug for Visits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.records).finish()
    }
}

/// A project file lists the records, as before the patients were kept beside them.
impl Serialize for Visits {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.records.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Visits {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::deserialize(d).map(Self::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(patient: Option<&str>) -> VisitRecord {
        VisitRecord {
            date: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            patient: patient.map(Into::into),
            direction: None,
            doctor: None,
            amount: 0.0,
            branch: None,
        }
    }

    #[test]
    fn patients_by_shared_copy_and_by_text_in_order_of_first_record() {
        // b's visits share one copy of the key; a's come in two copies of one text (keys that were
        // not shared): a is one patient all the same, numbered first as it comes first.
        let b: Arc<str> = "b".into();
        let mut records = vec![visit(Some("a")), visit(None), visit(None), visit(Some("a")), visit(None)];
        records[2].patient = Some(Arc::clone(&b));
        records[4].patient = Some(b);
        let visits = Visits::new(records);
        let n = PatientIds::NONE;
        assert_eq!(visits.patients().ids(), &[0, n, 1, 0, 1]);
        assert_eq!(visits.patients().count(), 2);
    }

    #[test]
    fn a_join_grouping_is_renumbered_by_first_record() {
        // The join numbers patients its own way (by phone): 7 and 3 become 0 and 1.
        let records = vec![visit(Some("x")), visit(Some("y")), visit(None), visit(Some("x"))];
        let grouped = Visits::grouped(records.clone(), &[Some(7), Some(3), None, Some(7)], 8);
        assert_eq!(grouped.patients(), Visits::new(records).patients());
        assert_eq!(grouped.patients().ids(), &[0, 1, PatientIds::NONE, 0]);
    }

    #[test]
    fn branch_cells_once_each_in_order_of_first_appearance() {
        let north: Arc<str> = "Север".into();
        let mut records = vec![visit(None), visit(None), visit(None), visit(None), visit(None)];
        records[0].branch = Some(Arc::clone(&north));
        records[1].branch = Some(" Юг".into());
        records[2].branch = Some("Север".into()); // another copy of the same text
        records[4].branch = Some(north);
        let mut visits = Visits::new(records);
        let cells: Vec<&str> = visits.branch_cells().iter().map(|b| &**b).collect();
        assert_eq!(cells, ["Север", " Юг"]);
        visits.records_mut()[3].branch = Some("Центр".into());
        assert_eq!(visits.branch_cells().len(), 3);
    }

    #[test]
    fn a_copy_keeps_the_id_a_change_gets_a_new_one() {
        let mut visits = Visits::new(vec![visit(Some("a"))]);
        let copy = visits.clone();
        assert_eq!(copy.id(), visits.id());
        assert_ne!(Visits::new(Vec::new()).id(), visits.id());
        visits.records_mut()[0].amount = 5.0;
        assert_ne!(copy.id(), visits.id());
    }

    #[test]
    fn serialised_as_the_list_of_records() {
        let visits = Visits::new(vec![visit(Some("a"))]);
        let json = serde_json::to_string(&visits).unwrap();
        assert_eq!(json, serde_json::to_string(&visits.records).unwrap());
        let back: Visits = serde_json::from_str(&json).unwrap();
        assert_eq!(back, visits);
    }
}
