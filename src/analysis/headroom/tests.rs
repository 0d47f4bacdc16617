//! Hand-checked headroom rankings.
//!
//! The clinic: one direction Dent (margin 0.5), one channel Yandex spending 10 000 a month, all
//! leads in Dent. Funnel (leads, bookings, visits, paid, revenue):
//! Jan 130, 50, 40, 20, 200 000; Feb 100, 60, 40, 20, 200 000; Mar 100, 50, 40, 20, 200 000;
//! Apr 100, 50, 30, 20, 200 000; May 100, 50, 30, 15, 150 000. D = 31 May: Jan–May complete.
//!
//! Windows (leads/month, booking, show, paid, per paid):
//! - Jan–Mar: 110, 160/330, 120/160 = 0.75, 60/120 = 0.5, 10 000
//! - Feb–Apr: 100, 160/300 = 0.5333, 110/160, 60/110, 10 000
//! - Mar–May (current): 100, 150/300 = 0.5, 100/150 = 0.6667, 55/100 = 0.55, 10 000
//!
//! R = 550 000 / 3 = 183 333.33 a month, margin 0.5, CPL = 30 000 / 300 = 100.
//! - show rate 0.6667 → 0.75 (Jan–Mar): revenue R × 0.125 = 22 916.67, profit 11 458.33
//! - leads 100 → 110 (Jan–Mar): revenue R × 0.1 = 18 333.33, profit 9 166.67 − 10 × 100 = 8 166.67
//! - booking 0.5 → 0.5333 (Feb–Apr): revenue R × 1/15 = 12 222.22, profit 6 111.11
//! - paid rate and per paid are best now: no entry.

use super::*;
use crate::analysis::allocate::tests::close;
use crate::metrics::tests::{funnel, m};
use crate::model::*;

fn clinic() -> Project {
    let mut p = Project::new();
    p.directions = vec![Direction { name: "Dent".into(), margin: 0.5, visits_per_patient: None }];
    p.channels = vec![Channel { name: "Yandex".into(), tier: Tier::Proven, ..Default::default() }];
    let rows = [
        [130.0, 50.0, 40.0, 20.0, 200_000.0],
        [100.0, 60.0, 40.0, 20.0, 200_000.0],
        [100.0, 50.0, 40.0, 20.0, 200_000.0],
        [100.0, 50.0, 30.0, 20.0, 200_000.0],
        [100.0, 50.0, 30.0, 15.0, 150_000.0],
    ];
    for (i, v) in rows.into_iter().enumerate() {
        let month = m(2025, i as u32 + 1);
        p.funnel.push(funnel(month, "Yandex", Some("Dent"), v));
        p.budget.push(BudgetRow {
            branch: None,
            month,
            channel: "Yandex".into(),
            budget_plan: None,
            spend: Some(10_000.0),
        });
    }
    p.revenue.push(RevenueRow {
        branch: None,
        month_row: false,
        date: "2025-05-31".parse().unwrap(),
        direction: Some("Dent".into()),
        revenue: 1_000_000.0,
        checks: None,
        new_patients: None,
        repeat_patients: None,
    });
    p
}

#[test]
fn ranks_by_the_gain_of_reaching_the_clinics_own_best() {
    let h = headroom(&clinic(), None);
    assert_eq!(h.current_window, Some((m(2025, 3), m(2025, 5))));
    let keys: Vec<(Option<&str>, Lever)> = h.entries.iter().map(|e| (e.direction.as_deref(), e.lever)).collect();
    // Clinic and Dent are the same rows here: equal gains, the clinic first.
    assert_eq!(
        keys,
        [
            (None, Lever::ShowRate),
            (Some("Dent"), Lever::ShowRate),
            (None, Lever::Leads),
            (Some("Dent"), Lever::Leads),
            (None, Lever::BookingRate),
            (Some("Dent"), Lever::BookingRate),
        ]
    );
    let r = 550_000.0 / 3.0;
    let show = &h.entries[0];
    close(show.current, 100.0 / 150.0);
    close(show.target, 0.75);
    assert_eq!((show.window_first, show.window_last), (m(2025, 1), m(2025, 3)));
    close(show.revenue_gain, r * 0.125);
    close(show.profit_gain, 11_458.333_333_333_334);
    assert_eq!(show.owner, Owner::Administrators);
    let leads = &h.entries[2];
    close(leads.current, 100.0);
    close(leads.target, 110.0);
    close(leads.revenue_gain, r * 0.1);
    close(leads.profit_gain, r * 0.1 * 0.5 - 1_000.0);
    let booking = &h.entries[4];
    // Jan–Mar is 160/330, Feb–Apr 160/300: Feb–Apr is the best.
    assert_eq!((booking.window_first, booking.window_last), (m(2025, 2), m(2025, 4)));
    close(booking.revenue_gain, r / 15.0);
    close(booking.profit_gain, r / 30.0);
    let json = serde_json::to_value(&h.entries[0]).unwrap();
    assert_eq!(json["lever"], "show_rate");
    assert_eq!(json["window_first"], "2025-01");
    assert_eq!(json["direction"], serde_json::Value::Null);
}

#[test]
fn equal_bests_take_the_latest_window() {
    let mut p = clinic();
    // Booking rate 0.5 in every month: Jan–Mar, Feb–Apr and Mar–May tie; the latest (current) wins,
    // so there is no booking headroom.
    for r in &mut p.funnel {
        r.bookings = Some(r.leads.unwrap() / 2.0);
    }
    let h = headroom(&p, None);
    assert!(h.entries.iter().all(|e| e.lever != Lever::BookingRate), "{:?}", h.entries);
}

#[test]
fn fewer_than_three_complete_months_give_no_ranking() {
    let mut p = clinic();
    p.revenue[0].date = "2025-03-15".parse().unwrap();
    // D = 15 March: January and February are complete, two months only.
    let h = headroom(&p, None);
    assert!(h.entries.is_empty() && h.current_window.is_none());
    assert!(h.notices[0].to_string().contains("Fewer than 3 complete months"));
}

#[test]
fn raw_leads_wait_for_the_attribution_window() {
    let mut p = clinic();
    for r in &mut p.funnel {
        r.returning_leads = Some(0.0);
    }
    p.revenue[0].date = "2025-06-15".parse().unwrap();
    // May ends on the 31st; + 30 days = 30 June > D: May's leads have not all come yet, April's have
    // (30 April + 30 = 30 May ≤ 15 June).
    let h = headroom(&p, None);
    assert_eq!(h.current_window, Some((m(2025, 2), m(2025, 4))));
}

#[test]
fn extra_leads_cannot_be_priced_without_spend() {
    let mut p = clinic();
    p.budget.clear();
    // No channel spent in the current window: the leads factor has no CPL and is left out; the
    // rates cost no ad money and stay, with the same gains as above.
    let h = headroom(&p, None);
    assert!(h.entries.iter().all(|e| e.lever != Lever::Leads), "{:?}", h.entries);
    close(h.entries[0].profit_gain, 11_458.333_333_333_334);
    assert_eq!(h.entries.len(), 4);
}
