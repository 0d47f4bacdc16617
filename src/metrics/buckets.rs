//! The Funnel sheet summed per bucket — one month, channel, direction and branch — so that the app
//! recomputes every KPI after an edit without a pass over a million rows.
//!
//! Every KPI of the Funnel sheet is a sum over rows (or a ratio of such sums), and every filter
//! keeps or drops whole buckets, so [`compute_with_sums`](super::compute_with_sums) over the
//! buckets gives what [`compute`](super::compute) gives over the rows, up to the rounding of the
//! order of additions (relative 1e-12 on sums of money with kopecks; counts are exact). An edit of
//! some rows subtracts their old values from their buckets and adds the new ones.
//!
//! The chain's own KPIs (every filter but the branch one) never look at a Funnel row's branch, so
//! the buckets are also kept summed over branches — one row per month, channel and direction: a
//! chain of 50 branches is read from 7,200 rows instead of 360,000. Summing a chain's ten million
//! rows is split over the cores (each range of rows into its own buckets, merged in order).

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::model::{FunnelRow, Month};

/// A bucket's names: its channel, direction and branch, each by its id in [`Names`] (a blank
/// direction or branch is [`BLANK`]). Ids, not the names: a bucket is looked up each time the sheet
/// moves to another one (hundreds of thousands of times in a chain), and a key of numbers is hashed
/// and kept without copying a name.
type Label = (u32, u32, u32);

/// What names a bucket: its month and the index of its [`Label`].
type Key = (Month, u32);

/// The id of a blank direction or branch cell.
const BLANK: u32 = u32::MAX;

/// Below this many rows a sheet is summed on one core: splitting costs more than it saves.
const PARALLEL_FROM_ROWS: usize = 100_000;

/// The numbers of a Funnel row — leads, bookings, visits, paid, revenue, returning leads — with a
/// blank cell as 0.
pub(crate) type Numbers = [f64; 6];

fn numbers(r: &FunnelRow) -> Numbers {
    [r.leads, r.bookings, r.visits, r.paid, r.revenue, r.returning_leads].map(|x| x.unwrap_or(0.0))
}

fn same_bucket(r: &FunnelRow, b: &FunnelRow) -> bool {
    r.month == b.month
        && *r.channel == *b.channel
        && r.direction.as_deref() == b.direction.as_deref()
        && r.branch.as_deref() == b.branch.as_deref()
}

/// The names one field takes, each once, by a dense id (compared as text, so any name type that
/// reads as `str` will do).
#[derive(Clone, Debug, Default)]
struct Names {
    names: Vec<String>,
    ids: FxHashMap<String, u32>,
}

impl Names {
    /// The name of an id (`None`: blank).
    fn text(&self, id: u32) -> Option<&str> {
        (id != BLANK).then(|| self.names[id as usize].as_str())
    }

    fn get(&self, name: Option<&str>) -> Option<u32> {
        match name {
            None => Some(BLANK),
            Some(n) => self.ids.get(n).copied(),
        }
    }

    fn id(&mut self, name: Option<&str>) -> u32 {
        let Some(n) = name else { return BLANK };
        if let Some(&i) = self.ids.get(n) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(n.to_string());
        self.ids.insert(n.to_string(), i);
        i
    }
}

/// The Funnel rows summed per bucket (one month, channel, direction and branch).
#[derive(Clone, Debug, Default)]
struct Sums {
    channels: Names,
    directions: Names,
    branches: Names,
    /// Each label once, by index, with a sheet row that carries its names (its numbers unused):
    /// bucket rows are written from it, whatever type the row keeps its names in.
    labels: FxHashMap<Label, u32>,
    protos: Vec<FunnelRow>,
    /// Each label by its index (the ids of `protos`' names).
    label_ids: Vec<Label>,
    keys: Vec<Key>,
    sums: Vec<Numbers>,
    counts: Vec<usize>,
    index: FxHashMap<Key, usize>,
}

impl Sums {
    /// The buckets of `funnel`.
    fn of(funnel: &[FunnelRow]) -> Self {
        let mut s = Self::default();
        let mut last: Option<&FunnelRow> = None;
        let mut at = 0;
        for r in funnel {
            // Sheets are grouped by month and channel: the previous row's bucket answers most rows.
            if !last.is_some_and(|l| same_bucket(r, l)) {
                let label = s.label_of(r);
                at = s.bucket((r.month, label));
                last = Some(r);
            }
            for (a, x) in s.sums[at].iter_mut().zip(numbers(r)) {
                *a += x;
            }
            s.counts[at] += 1;
        }
        s
    }

    fn label_of(&mut self, r: &FunnelRow) -> u32 {
        let label = (
            self.channels.id(Some(&*r.channel)),
            self.directions.id(r.direction.as_deref()),
            self.branches.id(r.branch.as_deref()),
        );
        let next = self.protos.len() as u32;
        let i = *self.labels.entry(label).or_insert(next);
        if i == next {
            self.protos.push(r.clone());
            self.label_ids.push(label);
        }
        i
    }

    fn bucket(&mut self, key: Key) -> usize {
        let next = self.keys.len();
        let i = *self.index.entry(key).or_insert(next);
        if i == next {
            self.keys.push(key);
            self.sums.push([0.0; 6]);
            self.counts.push(0);
        }
        i
    }

    /// Adds the buckets of the range after this one's.
    fn absorb(&mut self, other: Self) {
        let labels: Vec<u32> = other.protos.iter().map(|p| self.label_of(p)).collect();
        for ((k, sums), count) in other.keys.into_iter().zip(other.sums).zip(other.counts) {
            let i = self.bucket((k.0, labels[k.1 as usize]));
            for (a, x) in self.sums[i].iter_mut().zip(sums) {
                *a += x;
            }
            self.counts[i] += count;
        }
    }

    /// The bucket of a row, `None` when no bucket has its names.
    fn bucket_of(&self, r: &FunnelRow) -> Option<usize> {
        let label = (
            self.channels.get(Some(&*r.channel))?,
            self.directions.get(r.direction.as_deref())?,
            self.branches.get(r.branch.as_deref())?,
        );
        let label = *self.labels.get(&label)?;
        self.index.get(&(r.month, label)).copied()
    }
}

/// A row of month `month` with the names of `proto` and the numbers `n`.
fn bucket_row(proto: &FunnelRow, month: Month, n: &Numbers) -> FunnelRow {
    FunnelRow {
        month,
        leads: Some(n[0]),
        bookings: Some(n[1]),
        visits: Some(n[2]),
        paid: Some(n[3]),
        revenue: Some(n[4]),
        returning_leads: Some(n[5]),
        ..proto.clone()
    }
}

/// The Funnel rows summed per bucket, in the order the buckets first appear on the sheet (so that
/// channels found only in the data keep the order a pass over the rows gives them).
///
/// A bucket is kept as its numbers, not as a row: a chain's 360,000 buckets would otherwise be as
/// many rows with three names each to write out (and free) on every sum of the sheet. Rows are
/// written only for the chain's buckets and, under a branch filter, for the branch's.
#[derive(Clone, Debug, Default)]
pub struct FunnelBuckets {
    sums: Sums,
    /// The buckets summed over branches (branch blank), in the order they first appear.
    chain: Vec<FunnelRow>,
    /// Each bucket's row in `chain`.
    chain_of: Vec<usize>,
    /// The buckets of each branch spelling (by its id; the last list: a blank branch), in order:
    /// a branch's view takes its own without a pass over every bucket.
    of_branch: Vec<Vec<u32>>,
}

impl FunnelBuckets {
    /// Sums the sheet's rows (a big sheet on every core: each range of rows into its own buckets,
    /// then merged in the sheet's order, so the buckets' order is the one-pass order).
    pub fn new(funnel: &[FunnelRow]) -> Self {
        let sums = if funnel.len() < PARALLEL_FROM_ROWS {
            Sums::of(funnel)
        } else {
            let size = funnel.len().div_ceil(rayon::current_num_threads().max(1) * 2);
            let parts: Vec<Sums> = funnel.par_chunks(size).map(Sums::of).collect();
            let mut parts = parts.into_iter();
            let mut s = parts.next().unwrap_or_default();
            for part in parts {
                s.absorb(part);
            }
            s
        };
        // The chain's rows: the buckets summed over branches, by month, channel and direction.
        let mut index: FxHashMap<(Month, u32, u32), usize> = FxHashMap::default();
        let mut chain: Vec<FunnelRow> = Vec::new();
        let mut chain_of = Vec::with_capacity(sums.keys.len());
        for (&(month, label), n) in sums.keys.iter().zip(&sums.sums) {
            let (c, d, _) = sums.label_ids[label as usize];
            let next = chain.len();
            let i = *index.entry((month, c, d)).or_insert(next);
            if i == next {
                chain.push(FunnelRow { branch: None, ..bucket_row(&sums.protos[label as usize], month, n) });
            } else {
                add_numbers(&mut chain[i], n, 1.0);
            }
            chain_of.push(i);
        }
        let mut of_branch = vec![Vec::new(); sums.branches.names.len() + 1];
        for (i, &(_, label)) in sums.keys.iter().enumerate() {
            let b = sums.label_ids[label as usize].2;
            of_branch[if b == BLANK { sums.branches.names.len() } else { b as usize }].push(i as u32);
        }
        Self { sums, chain, chain_of, of_branch }
    }

    /// How many buckets there are.
    pub fn len(&self) -> usize {
        self.sums.keys.len()
    }

    /// Whether the sheet had no rows.
    pub fn is_empty(&self) -> bool {
        self.sums.keys.is_empty()
    }

    /// The summed rows of the whole chain, one per month, channel and direction (branch blank):
    /// what every KPI but the branch comparison and a branch's view reads.
    pub fn chain_rows(&self) -> &[FunnelRow] {
        &self.chain
    }

    /// Each bucket, in order. Its names are borrowed from the buckets' own list of names, so the
    /// cells of one name share one text (compared by address first, see
    /// [`same_text`](super::num::same_text)).
    pub(crate) fn cells(&self) -> impl Iterator<Item = Cell<'_>> {
        let s = &self.sums;
        s.keys.iter().zip(&s.sums).map(move |(&(month, label), n)| {
            let (c, d, b) = s.label_ids[label as usize];
            Cell {
                month,
                channel: &s.channels.names[c as usize],
                direction: s.directions.text(d),
                branch: s.branches.text(b),
                n: *n,
            }
        })
    }

    /// The branch cells of the buckets' rows, each spelling once, in the order they first appear.
    pub(crate) fn branch_spellings(&self) -> impl Iterator<Item = &str> {
        self.sums.branches.names.iter().map(String::as_str)
    }

    /// The buckets whose branch cell `keep` takes, as rows.
    pub(crate) fn rows_where<'a>(&'a self, mut keep: impl FnMut(Option<&'a str>) -> bool) -> Vec<FunnelRow> {
        let s = &self.sums;
        let spellings = s.branches.names.iter().map(|n| Some(n.as_str())).chain([None]);
        let mut kept: Vec<u32> =
            spellings.zip(&self.of_branch).filter(|(b, _)| keep(*b)).flat_map(|(_, at)| at.iter().copied()).collect();
        // Several spellings of one branch: their buckets back in the sheet's order.
        kept.sort_unstable();
        kept.iter()
            .map(|&i| {
                let (month, label) = s.keys[i as usize];
                bucket_row(&s.protos[label as usize], month, &s.sums[i as usize])
            })
            .collect()
    }

    /// Replaces the rows `before` of the sheet by `after` (a cell edit gives the row as it was and
    /// as it is; an insertion has no `before`, a removal no `after`). Returns `false` when the
    /// buckets cannot follow — a bucket appears or empties, which changes which months and
    /// channels exist — and must be rebuilt with [`FunnelBuckets::new`].
    #[must_use]
    pub fn update(&mut self, before: &[FunnelRow], after: &[FunnelRow]) -> bool {
        let mut found = Vec::with_capacity(before.len() + after.len());
        for r in before.iter().chain(after) {
            match self.sums.bucket_of(r) {
                Some(i) => found.push(i),
                None => return false,
            }
        }
        let (gone, came) = found.split_at(before.len());
        for (sign, rows, at) in [(-1.0, before, gone), (1.0, after, came)] {
            for (r, &i) in rows.iter().zip(at) {
                let n = numbers(r);
                for (a, x) in self.sums.sums[i].iter_mut().zip(n) {
                    *a += sign * x;
                }
                add_numbers(&mut self.chain[self.chain_of[i]], &n, sign);
                super::num::count(&mut self.sums.counts[i], sign);
            }
        }
        gone.iter().all(|&i| self.sums.counts[i] > 0)
    }
}

/// One bucket (or one sheet row) as the passes over the whole sheet read it: its names borrowed,
/// its numbers with a blank cell as 0.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cell<'a> {
    pub month: Month,
    pub channel: &'a str,
    pub direction: Option<&'a str>,
    pub branch: Option<&'a str>,
    pub n: Numbers,
}

impl<'a> Cell<'a> {
    /// A sheet row as a cell.
    pub fn row(r: &'a FunnelRow) -> Self {
        Cell {
            month: r.month,
            channel: &r.channel,
            direction: r.direction.as_deref(),
            branch: r.branch.as_deref(),
            n: numbers(r),
        }
    }

    pub fn leads(&self) -> f64 {
        self.n[0]
    }
}

/// The Funnel sheet as the passes over every branch read it: its rows, or their buckets.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Funnel<'a> {
    /// The sheet's rows.
    Rows(&'a [FunnelRow]),
    /// The sheet summed per bucket.
    Buckets(&'a FunnelBuckets),
}

impl<'a> Funnel<'a> {
    /// Each row, or each bucket.
    pub fn cells(self) -> Box<dyn Iterator<Item = Cell<'a>> + 'a> {
        match self {
            Funnel::Rows(rows) => Box::new(rows.iter().map(Cell::row)),
            Funnel::Buckets(b) => Box::new(b.cells()),
        }
    }

    /// The months of the rows (of the buckets: of the chain's, which hold the same months, a
    /// fiftieth of the buckets in a chain of 50 branches).
    pub fn months(self) -> Box<dyn Iterator<Item = Month> + 'a> {
        match self {
            Funnel::Rows(rows) => Box::new(rows.iter().map(|r| r.month)),
            Funnel::Buckets(b) => Box::new(b.chain_rows().iter().map(|r| r.month)),
        }
    }

    /// The branch cells in sheet order (of the buckets: each spelling that names a branch once, in
    /// the order it first appears, which names the branches as the rows would).
    pub fn branch_cells(self) -> Box<dyn Iterator<Item = Option<&'a str>> + 'a> {
        match self {
            Funnel::Rows(rows) => Box::new(rows.iter().map(|r| r.branch.as_deref())),
            Funnel::Buckets(b) => Box::new(b.branch_spellings().map(Some)),
        }
    }

    /// The rows (or bucket rows) whose branch cell `keep` takes.
    pub fn rows_where(self, mut keep: impl FnMut(Option<&'a str>) -> bool) -> Vec<FunnelRow> {
        match self {
            Funnel::Rows(rows) => rows.iter().filter(|r| keep(r.branch.as_deref())).cloned().collect(),
            Funnel::Buckets(b) => b.rows_where(keep),
        }
    }
}

/// Adds `sign` × `n` into the bucket row `b`.
fn add_numbers(b: &mut FunnelRow, n: &Numbers, sign: f64) {
    for (acc, x) in [&mut b.leads, &mut b.bookings, &mut b.visits, &mut b.paid, &mut b.revenue, &mut b.returning_leads]
        .into_iter()
        .zip(n)
    {
        *acc = Some(acc.unwrap_or(0.0) + sign * x);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{funnel, m};
    use super::*;

    fn bucket_rows(b: &FunnelBuckets) -> Vec<FunnelRow> {
        b.rows_where(|_| true)
    }

    #[test]
    fn rows_of_one_bucket_are_summed_in_first_seen_order() {
        let rows = [
            funnel(m(2025, 2), "Б", None, [1.0, 2.0, 3.0, 4.0, 5.0]),
            funnel(m(2025, 1), "А", Some("УЗИ"), [10.0, 0.0, 0.0, 0.0, 100.0]),
            funnel(m(2025, 2), "Б", None, [1.0, 1.0, 1.0, 1.0, 1.0]),
        ];
        let b = FunnelBuckets::new(&rows);
        assert_eq!(bucket_rows(&b).len(), 2);
        assert_eq!(bucket_rows(&b)[0].channel, "Б");
        // 1 + 1 leads, 5 + 1 revenue.
        assert_eq!(bucket_rows(&b)[0].leads, Some(2.0));
        assert_eq!(bucket_rows(&b)[0].revenue, Some(6.0));
        assert_eq!(bucket_rows(&b)[1].leads, Some(10.0));
    }

    #[test]
    fn branches_are_summed_for_the_chain_and_ranges_merge_in_sheet_order() {
        let at = |b: Option<&str>, mut r: FunnelRow| {
            r.branch = b.map(crate::model::Name::from);
            r
        };
        let (jan, feb) = (m(2025, 1), m(2025, 2));
        // 60,000 rows of each of three branches and the chain's own in January, then February's:
        // more than one range on any number of cores.
        let mut rows = Vec::new();
        for month in [jan, feb] {
            for b in [Some("Юг"), None, Some("Север")] {
                rows.extend((0..60_000).map(|_| at(b, funnel(month, "А", Some("УЗИ"), [1.0, 0.0, 0.0, 0.0, 2.5]))));
            }
        }
        let b = FunnelBuckets::new(&rows);
        let summed = bucket_rows(&b);
        let branches: Vec<_> = summed.iter().map(|r| (r.month, r.branch.as_deref())).collect();
        assert_eq!(
            branches,
            [
                (jan, Some("Юг")),
                (jan, None),
                (jan, Some("Север")),
                (feb, Some("Юг")),
                (feb, None),
                (feb, Some("Север"))
            ]
        );
        // Each bucket: 60,000 leads, 150,000 revenue; the chain's month: 3 × that.
        assert_eq!(bucket_rows(&b)[0].leads, Some(60_000.0));
        assert_eq!(b.chain_rows().len(), 2);
        assert_eq!((b.chain_rows()[0].leads, b.chain_rows()[0].revenue), (Some(180_000.0), Some(450_000.0)));
        assert_eq!(b.chain_rows()[1].branch, None);
        let mut b = b;
        let mut edited = rows[0].clone();
        edited.leads = Some(11.0);
        assert!(b.update(std::slice::from_ref(&rows[0]), std::slice::from_ref(&edited)));
        // One row's 1 lead became 11: +10 in its bucket and in the chain's January.
        assert_eq!(bucket_rows(&b)[0].leads, Some(60_010.0));
        assert_eq!(b.chain_rows()[0].leads, Some(180_010.0));
    }

    #[test]
    fn an_edit_moves_the_sums_and_a_new_or_emptied_bucket_asks_for_a_rebuild() {
        let a = funnel(m(2025, 1), "А", None, [10.0, 5.0, 4.0, 3.0, 300.0]);
        let mut b = FunnelBuckets::new(&[a.clone(), a.clone()]);
        let mut edited = a.clone();
        edited.leads = Some(12.0);
        assert!(b.update(std::slice::from_ref(&a), std::slice::from_ref(&edited)));
        // 10 + 12 leads.
        assert_eq!(bucket_rows(&b)[0].leads, Some(22.0));
        let other = funnel(m(2025, 3), "А", None, [1.0; 5]);
        assert!(!b.update(&[], &[other]), "a new bucket");
        let mut b = FunnelBuckets::new(std::slice::from_ref(&a));
        assert!(!b.update(&[a], &[]), "the only row removed");
    }
}
