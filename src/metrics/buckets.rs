//! The Funnel sheet summed per bucket — one month, channel, direction and branch — so that the app
//! recomputes every KPI after an edit without a pass over a million rows.
//!
//! Every KPI of the Funnel sheet is a sum over rows (or a ratio of such sums), and every filter
//! keeps or drops whole buckets, so [`compute_with_buckets`](super::compute_with_buckets) over the
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

use crate::model::{FunnelRow, Month, Name};

/// What names a bucket: every field of a Funnel row that is not a number.
type Key = (Month, Name, Option<Name>, Option<Name>);

fn key_of(r: &FunnelRow) -> Key {
    (r.month, r.channel.clone(), r.direction.clone(), r.branch.clone())
}

/// What names a bucket of the whole chain: a bucket's key without its branch.
type ChainKey<'a> = (Month, &'a str, Option<&'a str>);

/// Below this many rows a sheet is summed on one core: splitting costs more than it saves.
const PARALLEL_FROM_ROWS: usize = 100_000;

fn same_bucket(r: &FunnelRow, b: &FunnelRow) -> bool {
    r.month == b.month && r.channel == b.channel && r.direction == b.direction && r.branch == b.branch
}

/// The Funnel rows summed per bucket, in the order the buckets first appear on the sheet (so that
/// channels found only in the data keep the order a pass over the rows gives them).
#[derive(Clone, Debug, Default)]
pub struct FunnelBuckets {
    /// One row per bucket holding the bucket's sums (a blank cell counts as 0).
    rows: Vec<FunnelRow>,
    /// How many sheet rows each bucket holds.
    counts: Vec<usize>,
    /// Fx, not SipHash: a chain's sheet has hundreds of thousands of buckets, and the keys are the
    /// user's own data (no hash flooding to fear).
    index: FxHashMap<Key, usize>,
    /// The buckets summed over branches (branch blank), in the order they first appear.
    chain: Vec<FunnelRow>,
    /// Each bucket's row in `chain`.
    chain_of: Vec<usize>,
}

impl FunnelBuckets {
    /// Sums the sheet's rows (a big sheet on every core: each range of rows into its own buckets,
    /// then merged in the sheet's order, so the buckets' order is the one-pass order).
    pub fn new(funnel: &[FunnelRow]) -> Self {
        let mut b = if funnel.len() < PARALLEL_FROM_ROWS {
            Self::sum(funnel)
        } else {
            let ranges = rayon::current_num_threads().max(1) * 2;
            let parts: Vec<Self> = funnel.par_chunks(funnel.len().div_ceil(ranges)).map(Self::sum).collect();
            let mut parts = parts.into_iter();
            let mut b = parts.next().unwrap_or_default();
            for part in parts {
                b.absorb(part);
            }
            b
        };
        b.sum_over_branches();
        b
    }

    /// The buckets of `funnel`, without the chain's rows.
    fn sum(funnel: &[FunnelRow]) -> Self {
        let mut b = Self::default();
        let mut last = usize::MAX;
        for r in funnel {
            // Sheets are grouped by month and channel: the previous row's bucket answers most rows.
            if !b.rows.get(last).is_some_and(|l| same_bucket(r, l)) {
                last = b.bucket_of(r);
            }
            add(&mut b.rows[last], r, 1.0);
            b.counts[last] += 1;
        }
        b
    }

    /// Adds the buckets of the rows after this one's (merging two ranges of the sheet).
    fn absorb(&mut self, other: Self) {
        for (row, count) in other.rows.into_iter().zip(other.counts) {
            let i = self.bucket_of(&row);
            add(&mut self.rows[i], &row, 1.0);
            self.counts[i] += count;
        }
    }

    /// Builds the chain's rows from the buckets.
    fn sum_over_branches(&mut self) {
        let mut index: FxHashMap<ChainKey<'_>, usize> = FxHashMap::default();
        let mut chain: Vec<FunnelRow> = Vec::new();
        let mut chain_of = Vec::with_capacity(self.rows.len());
        for r in &self.rows {
            let next = chain.len();
            let i = *index.entry((r.month, r.channel.as_str(), r.direction.as_deref())).or_insert(next);
            if i == next {
                chain.push(FunnelRow { branch: None, ..r.clone() });
            } else {
                add(&mut chain[i], r, 1.0);
            }
            chain_of.push(i);
        }
        self.chain = chain;
        self.chain_of = chain_of;
    }

    fn bucket_of(&mut self, r: &FunnelRow) -> usize {
        let next = self.rows.len();
        let i = *self.index.entry(key_of(r)).or_insert(next);
        if i == next {
            self.rows.push(FunnelRow {
                leads: Some(0.0),
                bookings: Some(0.0),
                visits: Some(0.0),
                paid: Some(0.0),
                revenue: Some(0.0),
                returning_leads: Some(0.0),
                ..r.clone()
            });
            self.counts.push(0);
        }
        i
    }

    /// The summed rows, one per bucket.
    pub fn rows(&self) -> &[FunnelRow] {
        &self.rows
    }

    /// The summed rows of the whole chain, one per month, channel and direction (branch blank):
    /// what every KPI but the branch comparison and a branch's view reads.
    pub fn chain_rows(&self) -> &[FunnelRow] {
        &self.chain
    }

    /// Replaces the rows `before` of the sheet by `after` (a cell edit gives the row as it was and
    /// as it is; an insertion has no `before`, a removal no `after`). Returns `false` when the
    /// buckets cannot follow — a bucket appears or empties, which changes which months and
    /// channels exist — and must be rebuilt with [`FunnelBuckets::new`].
    #[must_use]
    pub fn update(&mut self, before: &[FunnelRow], after: &[FunnelRow]) -> bool {
        let mut found = Vec::with_capacity(before.len() + after.len());
        for r in before.iter().chain(after) {
            match self.index.get(&key_of(r)) {
                Some(&i) => found.push(i),
                None => return false,
            }
        }
        let (gone, came) = found.split_at(before.len());
        for (r, &i) in before.iter().zip(gone) {
            add(&mut self.rows[i], r, -1.0);
            add(&mut self.chain[self.chain_of[i]], r, -1.0);
            self.counts[i] -= 1;
        }
        for (r, &i) in after.iter().zip(came) {
            add(&mut self.rows[i], r, 1.0);
            add(&mut self.chain[self.chain_of[i]], r, 1.0);
            self.counts[i] += 1;
        }
        !self.counts.contains(&0)
    }
}

/// Adds `sign` × the numbers of `r` into the bucket row `b`.
fn add(b: &mut FunnelRow, r: &FunnelRow, sign: f64) {
    for (acc, x) in [
        (&mut b.leads, r.leads),
        (&mut b.bookings, r.bookings),
        (&mut b.visits, r.visits),
        (&mut b.paid, r.paid),
        (&mut b.revenue, r.revenue),
        (&mut b.returning_leads, r.returning_leads),
    ] {
        *acc = Some(acc.unwrap_or(0.0) + sign * x.unwrap_or(0.0));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{funnel, m};
    use super::*;

    #[test]
    fn rows_of_one_bucket_are_summed_in_first_seen_order() {
        let rows = [
            funnel(m(2025, 2), "Б", None, [1.0, 2.0, 3.0, 4.0, 5.0]),
            funnel(m(2025, 1), "А", Some("УЗИ"), [10.0, 0.0, 0.0, 0.0, 100.0]),
            funnel(m(2025, 2), "Б", None, [1.0, 1.0, 1.0, 1.0, 1.0]),
        ];
        let b = FunnelBuckets::new(&rows);
        assert_eq!(b.rows().len(), 2);
        assert_eq!(b.rows()[0].channel, "Б");
        // 1 + 1 leads, 5 + 1 revenue.
        assert_eq!(b.rows()[0].leads, Some(2.0));
        assert_eq!(b.rows()[0].revenue, Some(6.0));
        assert_eq!(b.rows()[1].leads, Some(10.0));
    }

    #[test]
    fn branches_are_summed_for_the_chain_and_ranges_merge_in_sheet_order() {
        let at = |b: Option<&str>, mut r: FunnelRow| {
            r.branch = b.map(Name::from);
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
        let branches: Vec<_> = b.rows().iter().map(|r| (r.month, r.branch.as_deref())).collect();
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
        assert_eq!(b.rows()[0].leads, Some(60_000.0));
        assert_eq!(b.chain_rows().len(), 2);
        assert_eq!((b.chain_rows()[0].leads, b.chain_rows()[0].revenue), (Some(180_000.0), Some(450_000.0)));
        assert_eq!(b.chain_rows()[1].branch, None);
        let mut b = b;
        let mut edited = rows[0].clone();
        edited.leads = Some(11.0);
        assert!(b.update(std::slice::from_ref(&rows[0]), std::slice::from_ref(&edited)));
        // One row's 1 lead became 11: +10 in its bucket and in the chain's January.
        assert_eq!(b.rows()[0].leads, Some(60_010.0));
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
        assert_eq!(b.rows()[0].leads, Some(22.0));
        let other = funnel(m(2025, 3), "А", None, [1.0; 5]);
        assert!(!b.update(&[], &[other]), "a new bucket");
        let mut b = FunnelBuckets::new(std::slice::from_ref(&a));
        assert!(!b.update(&[a], &[]), "the only row removed");
    }
}
