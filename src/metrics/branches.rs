//! Branches (филиалы) of a chain compared side by side (domain.md, "Branches").

use serde::Serialize;

/// One branch over the period (shared spend split in by leads).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BranchKpis {
    /// The branch as first written in the data.
    pub branch: String,
    /// The branch's revenue plan (whole-clinic / direction-row rule on its own Plan rows).
    pub revenue_plan: Option<f64>,
    /// Sum of its Revenue rows.
    pub revenue: Option<f64>,
    /// revenue / revenue_plan.
    pub plan_completion: Option<f64>,
    /// The plan fallen due by the chain's as-of day.
    pub plan_to_date: Option<f64>,
    /// revenue / plan_to_date.
    pub completion_to_date: Option<f64>,
    /// Own spend plus its share of the chain's shared spend.
    pub spend: Option<f64>,
    /// Its leads.
    pub leads: Option<f64>,
    /// Its new patients who came.
    pub visits: Option<f64>,
    /// Its new patients who paid.
    pub paid: Option<f64>,
    /// Its attributed revenue.
    pub attributed_revenue: Option<f64>,
    /// spend / leads.
    pub cpl: Option<f64>,
    /// spend / visits.
    pub cac: Option<f64>,
    /// (attributed_gross_profit − spend) / spend.
    pub romi: Option<f64>,
    /// revenue / checks.
    pub avg_check: Option<f64>,
    /// Its contacts (Calls sheet).
    pub contacts: Option<f64>,
    /// answered / contacts.
    pub answer_rate: Option<f64>,
    /// NPS of all the branch's answers.
    pub nps: Option<f64>,
}
