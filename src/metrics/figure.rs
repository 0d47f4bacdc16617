//! Every KPI a table shows, by name, so that a table lists its columns once and reads them off any
//! row that holds them: the report's Months sheet and its Total row, the Channels sheet and the
//! period's Total, a branch and the whole chain are different types with the same figures.
//!
//! The report's sheets, the app's summaries and the Branches view list [`Figure`]s; the words for
//! them are in the catalogue (`i18n::figure`), their units here, their reference colours in
//! [`super::references::status_of`].

use super::branches::BranchKpis;
use super::{ChannelKpis, DirectionKpis, MonthKpis};
use crate::format::{Locale, Unit};

/// Declares [`Figure`] with each figure's JSON key, in one list.
macro_rules! figures {
    ($($(#[$doc:meta])* $figure:ident = $key:literal,)*) => {
        /// One KPI of a table row (domain.md, "Formulas"), named in JSON by [`Figure::key`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Figure {
            $(#[doc = concat!("`", $key, "`.")] $(#[$doc])* $figure,)*
        }

        impl Figure {
            /// Every figure, in the order of the list.
            pub const ALL: &[Figure] = &[$(Figure::$figure),*];

            /// The figure's name in `kpi --json` and domain.md.
            pub const fn key(self) -> &'static str {
                match self {
                    $(Figure::$figure => $key,)*
                }
            }
        }
    };
}

figures! {
    RevenuePlan = "revenue_plan",
    Revenue = "revenue",
    PlanCompletion = "plan_completion",
    PlanToDate = "plan_to_date",
    CompletionToDate = "completion_to_date",
    /// Only the month in progress has one.
    Forecast = "forecast",
    BudgetPlan = "budget_plan",
    Spend = "spend",
    BudgetExecution = "budget_execution",
    MarketingShare = "marketing_share",
    Leads = "leads",
    Bookings = "bookings",
    /// New patients who came.
    Visits = "visits",
    Paid = "paid",
    BookingRate = "booking_rate",
    ShowRate = "show_rate",
    PaidRate = "paid_rate",
    AttributedRevenue = "attributed_revenue",
    Cpl = "cpl",
    Cac = "cac",
    RevenuePerPaid = "revenue_per_paid",
    AvgCheck = "avg_check",
    GrossProfit = "gross_profit",
    AttributedGrossProfit = "attributed_gross_profit",
    Roas = "roas",
    Romi = "romi",
    /// Only the month in progress has one.
    RequiredPace = "required_pace",
    ReturningLeads = "returning_leads",
    Contacts = "contacts",
    AnswerRate = "answer_rate",
    RepeatShare = "repeat_share",
    ReferralShare = "referral_share",
    Nps = "nps",
    Margin = "margin",
    Ltv = "ltv",
    LtvToCac = "ltv_to_cac",
}

impl Figure {
    /// How the figure is written.
    pub const fn unit(self) -> Unit {
        use Figure::*;
        match self {
            PlanCompletion | CompletionToDate | BudgetExecution | MarketingShare | BookingRate | ShowRate
            | PaidRate | Romi | AnswerRate | RepeatShare | ReferralShare | Margin => Unit::Rate,
            Leads | Bookings | Visits | Paid | ReturningLeads | Contacts => Unit::Count,
            Roas | LtvToCac => Unit::Ratio,
            Nps => Unit::Points,
            RevenuePlan
            | Revenue
            | PlanToDate
            | Forecast
            | BudgetPlan
            | Spend
            | AttributedRevenue
            | Cpl
            | Cac
            | RevenuePerPaid
            | AvgCheck
            | GrossProfit
            | AttributedGrossProfit
            | RequiredPace
            | Ltv => Unit::Money,
        }
    }
}

/// A row of KPIs that a table reads figures from.
pub trait Figures {
    /// Whether this kind of row has the figure at all (a month has no NPS of its own, a channel no
    /// revenue plan): a table leaves such a cell empty rather than «—».
    fn holds(&self, f: Figure) -> bool;

    /// The figure's value: `None` when it is undefined (a zero denominator) or not held.
    fn figure(&self, f: Figure) -> Option<f64>;

    /// The figure as a table writes it in its unit («—» when undefined), empty when not held.
    fn figure_text(&self, f: Figure, loc: Locale) -> String {
        if self.holds(f) { f.unit().text(self.figure(f), loc) } else { String::new() }
    }
}

/// `impl Figures` for a KPI type: which field holds which figure.
macro_rules! holds {
    ($ty:ty as $k:ident { $($figure:ident => $value:expr),* $(,)? }) => {
        impl Figures for $ty {
            fn holds(&self, f: Figure) -> bool {
                matches!(f, $(Figure::$figure)|*)
            }

            fn figure(&self, f: Figure) -> Option<f64> {
                let $k = self;
                match f {
                    $(Figure::$figure => $value,)*
                    _ => None,
                }
            }
        }
    };
}

holds!(MonthKpis as k {
    RevenuePlan => k.revenue_plan,
    Revenue => k.revenue,
    PlanCompletion => k.plan_completion,
    PlanToDate => k.plan_to_date,
    CompletionToDate => k.completion_to_date,
    Forecast => k.forecast,
    BudgetPlan => k.budget_plan,
    Spend => k.spend,
    BudgetExecution => k.budget_execution,
    MarketingShare => k.marketing_share,
    Leads => k.leads,
    Bookings => k.bookings,
    Visits => k.visits,
    Paid => k.paid,
    BookingRate => k.booking_rate,
    ShowRate => k.show_rate,
    PaidRate => k.paid_rate,
    AttributedRevenue => k.attributed_revenue,
    Cpl => k.cpl,
    Cac => k.cac,
    RevenuePerPaid => k.revenue_per_paid,
    AvgCheck => k.avg_check,
    GrossProfit => k.gross_profit,
    AttributedGrossProfit => k.attributed_gross_profit,
    Roas => k.roas,
    Romi => k.romi,
    RequiredPace => k.required_pace,
    Contacts => k.contacts,
    AnswerRate => k.answer_rate,
    RepeatShare => k.repeat_share,
    ReferralShare => k.referral_share,
});

holds!(ChannelKpis as k {
    BudgetPlan => k.budget_plan,
    Spend => k.spend,
    Leads => k.leads,
    Bookings => k.bookings,
    Visits => k.visits,
    Paid => k.paid,
    BookingRate => k.booking_rate,
    ShowRate => k.show_rate,
    PaidRate => k.paid_rate,
    AttributedRevenue => k.attributed_revenue,
    Cpl => k.cpl,
    Cac => k.cac,
    RevenuePerPaid => k.revenue_per_paid,
    AttributedGrossProfit => k.attributed_gross_profit,
    Roas => k.roas,
    Romi => k.romi,
    ReturningLeads => k.returning_leads,
    Contacts => k.contacts,
    AnswerRate => k.answer_rate,
});

holds!(DirectionKpis as k {
    Margin => Some(k.margin),
    RevenuePlan => k.revenue_plan,
    Revenue => k.revenue,
    PlanCompletion => k.plan_completion,
    Spend => k.spend,
    Leads => k.leads,
    Bookings => k.bookings,
    Visits => k.visits,
    Paid => k.paid,
    BookingRate => k.booking_rate,
    ShowRate => k.show_rate,
    PaidRate => k.paid_rate,
    AttributedRevenue => k.attributed_revenue,
    Cpl => k.cpl,
    Cac => k.cac,
    RevenuePerPaid => k.revenue_per_paid,
    AttributedGrossProfit => k.attributed_gross_profit,
    Roas => k.roas,
    Romi => k.romi,
    AvgCheck => k.avg_check,
    Ltv => k.ltv,
    LtvToCac => k.ltv_to_cac,
});

holds!(BranchKpis as k {
    RevenuePlan => k.revenue_plan,
    Revenue => k.revenue,
    PlanCompletion => k.plan_completion,
    PlanToDate => k.plan_to_date,
    CompletionToDate => k.completion_to_date,
    Spend => k.spend,
    Leads => k.leads,
    Bookings => k.bookings,
    Visits => k.visits,
    Paid => k.paid,
    BookingRate => k.booking_rate,
    ShowRate => k.show_rate,
    PaidRate => k.paid_rate,
    AttributedRevenue => k.attributed_revenue,
    Cpl => k.cpl,
    Cac => k.cac,
    Romi => k.romi,
    AvgCheck => k.avg_check,
    Contacts => k.contacts,
    AnswerRate => k.answer_rate,
    Nps => k.nps,
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{Filter, compute};

    /// Every figure a row gives is the JSON field of the same name (so the table shows what
    /// `kpi --json` prints), and a figure the row does not give is not in its JSON. Returns how
    /// many of its figures have a value.
    fn reads_its_json<T: Figures + serde::Serialize>(row: &T, not_in_json: &[Figure]) -> usize {
        let json = serde_json::to_value(row).unwrap();
        let mut held = 0;
        for &f in Figure::ALL {
            let in_json = json.get(f.key()).is_some() || not_in_json.contains(&f);
            assert_eq!(row.holds(f), in_json, "{}", f.key());
            match json.get(f.key()) {
                Some(v) => {
                    assert_eq!(row.figure(f), v.as_f64(), "{}", f.key());
                    held += usize::from(row.figure(f).is_some());
                }
                None if row.holds(f) => {}
                None => assert_eq!(row.figure(f), None, "{} is not in the JSON", f.key()),
            }
        }
        held
    }

    #[test]
    fn every_figure_is_the_json_field_of_its_name_on_every_row_type() {
        let project = crate::demo::demo_chain();
        let kpis = compute(&project, &Filter::default());
        // Enough figures defined that a wrong mapping would show (the demo chain has every sheet):
        // each row checked has at least this many figures with a value.
        let defined = |counts: Vec<usize>, at_least: usize| !counts.is_empty() && counts.iter().all(|&n| n >= at_least);
        assert!(defined(kpis.months.iter().map(|r| reads_its_json(r, &[])).collect(), 15));
        // A channel's budget plan is shown in tables but is not in the contract's JSON.
        assert!(defined(kpis.channels.iter().map(|r| reads_its_json(r, &[Figure::BudgetPlan])).collect(), 10));
        assert!(defined(kpis.directions.iter().map(|r| reads_its_json(r, &[])).collect(), 15));
        // A branch's funnel rates are shown in the app, not in the contract's `branches`.
        let app_only = [Figure::Bookings, Figure::BookingRate, Figure::ShowRate, Figure::PaidRate];
        assert!(defined(kpis.branches.iter().map(|r| reads_its_json(r, &app_only)).collect(), 15));
        for f in [Figure::Margin, Figure::Ltv, Figure::LtvToCac] {
            assert!(kpis.directions.iter().any(|d| d.figure(f).is_some()), "{}", f.key());
        }
        assert!(kpis.branches.iter().any(|b| b.figure(Figure::Nps).is_some()));
    }

    #[test]
    fn units_follow_what_the_figure_measures() {
        assert_eq!(Figure::Romi.unit(), Unit::Rate);
        assert_eq!(Figure::Roas.unit(), Unit::Ratio);
        assert_eq!(Figure::Leads.unit(), Unit::Count);
        assert_eq!(Figure::Cac.unit(), Unit::Money);
        assert_eq!(Figure::Nps.unit(), Unit::Points);
    }
}
