//! The Funnel sheet summed per bucket — one month, channel, direction and branch — so that the app
//! recomputes every KPI after an edit without a pass over a million rows.
//!
//! Every KPI of the Funnel sheet is a sum over rows (or a ratio of such sums), and every filter
//! keeps or drops whole buckets, so [`compute_with_buckets`](super::compute_with_buckets) over the
//! buckets gives what [`compute`](super::compute) gives over the rows, up to the rounding of the
//! order of additions (relative 1e-12 on sums of money with kopecks; counts are exact). An edit of
//! some rows subtracts their old values from their buckets and adds the new ones.

use rustc_hash::FxHashMap;

use crate::model::{FunnelRow, Month};

/// What names a bucket: every field of a Funnel row that is not a number.
type Key = (Month, String, Option<String>, Option<String>);

fn key_of(r: &FunnelRow) -> Key {
    (r.month, r.channel.clone(), r.direction.clone(), r.branch.clone())
}

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
}

impl FunnelBuckets {
    /// Sums the sheet's rows.
    pub fn new(funnel: &[FunnelRow]) -> Self {
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
            self.counts[i] -= 1;
        }
        for (r, &i) in after.iter().zip(came) {
            add(&mut self.rows[i], r, 1.0);
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
