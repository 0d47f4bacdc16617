//! AARRR, the five links of the Chinese clinic playbook (获客 激活 留存 变现 转介绍): acquisition,
//! activation, retention, revenue and referral, with their change against the previous period.

use serde::Serialize;

/// Acquisition (获客): leads and their cost.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Acquisition {
    /// Leads of the period.
    pub leads: Option<f64>,
    /// spend / leads.
    pub cpl: Option<f64>,
    /// (current − previous) / previous leads; absent in `previous`.
    #[serde(skip_serializing_if = "Skip::skip")]
    pub change: Skip,
}

/// Activation (激活): the first visit that pays.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Activation {
    /// paid / visits.
    pub paid_rate: Option<f64>,
    /// Change of paid_rate against the previous period.
    #[serde(skip_serializing_if = "Skip::skip")]
    pub change: Skip,
}

/// Retention (留存): the share of repeat patient-days.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Retention {
    /// Σ repeat_patients / Σ (new_patients + repeat_patients).
    pub repeat_share: Option<f64>,
    /// Change of repeat_share against the previous period.
    #[serde(skip_serializing_if = "Skip::skip")]
    pub change: Skip,
}

/// Revenue (变现): the check and the clinic's LTV.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RevenueLink {
    /// revenue / checks.
    pub avg_check: Option<f64>,
    /// The clinic's LTV.
    pub ltv: Option<f64>,
    /// Change of avg_check against the previous period.
    #[serde(skip_serializing_if = "Skip::skip")]
    pub change: Skip,
}

/// Referral (转介绍): visits from referral channels.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Referral {
    /// Visits from referral channels / all visits.
    pub referral_share: Option<f64>,
    /// Change of referral_share against the previous period.
    #[serde(skip_serializing_if = "Skip::skip")]
    pub change: Skip,
}

/// A `change` that is printed (as a number or null) for the current period and left out of
/// `previous`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Skip {
    /// Not printed (the links of `previous`).
    #[default]
    Absent,
    /// Printed: the change, or null when undefined.
    Value(Option<f64>),
}

impl Skip {
    fn skip(&self) -> bool {
        matches!(self, Skip::Absent)
    }

    /// The change, `None` when absent or undefined.
    pub fn get(self) -> Option<f64> {
        match self {
            Skip::Absent => None,
            Skip::Value(v) => v,
        }
    }
}

/// The five links of one period.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Links {
    /// 获客.
    pub acquisition: Acquisition,
    /// 激活.
    pub activation: Activation,
    /// 留存.
    pub retention: Retention,
    /// 变现.
    pub revenue: RevenueLink,
    /// 转介绍.
    pub referral: Referral,
}

/// `aarrr` of `medfunnel kpi --json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Aarrr {
    /// The links of the period, each with its change.
    #[serde(flatten)]
    pub links: Links,
    /// The links of the previous period of the same length, without change; `None` when no row
    /// falls in it.
    pub previous: Option<Links>,
    /// The key of the link with the most negative change, `None` when none fell.
    pub weakest: Option<&'static str>,
}
