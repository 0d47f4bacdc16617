//! What the visits give the KPIs — the first-year LTV per direction and the cohorts — and where
//! it is kept between the computations that follow an edit.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use super::{Filter, Margins, cohorts};
use crate::model::{Month, Project};

/// What the visits give: the first-year LTV per direction (no filter changes it) and the cohorts
/// of the filter's period. Both read every visit patient by patient, so they are found once per
/// [`compute`](super::compute) for the period and the AARRR periods, each on a core of its own.
pub(super) struct VisitLtv {
    pub(super) by_direction: Option<HashMap<String, Option<f64>>>,
    /// A visit's direction had no margin of its own: the average was used (a notice says so).
    pub(super) used_average: bool,
    /// The cohorts whose first month is in the filter's period.
    pub(super) cohorts: Option<Vec<cohorts::Cohort>>,
    /// As `used_average`, for the cohorts' visits.
    pub(super) cohorts_used_average: bool,
}

impl VisitLtv {
    pub(super) fn of(project: &Project, filter: &Filter) -> Self {
        let Some(visits) = project.visits.as_ref() else {
            return Self { by_direction: None, used_average: false, cohorts: None, cohorts_used_average: false };
        };
        let patients = cohorts::patients(visits);
        let ((by_direction, used_average), (cohorts, cohorts_used_average)) = rayon::join(
            || {
                let margins = Margins::new(project);
                let ltv = cohorts::first_year_ltv_of(visits, &patients, |d| margins.of(d));
                (ltv, margins.used_average.get())
            },
            || {
                let margins = Margins::new(project);
                let cohorts = cohorts::cohorts_of(visits, &patients, filter.from, filter.to, |d| margins.of(d));
                (cohorts, margins.used_average.get())
            },
        );
        Self { by_direction: Some(by_direction), used_average, cohorts: Some(cohorts), cohorts_used_average }
    }
}

/// The visits' LTV and cohorts kept between computations over one [`SheetSums`](super::SheetSums):
/// an edit of another sheet changes neither the visits, nor the directions' margins, nor the
/// period, and working them out again reads every visit (a million: two frames per keystroke).
#[derive(Default)]
pub(crate) struct VisitMemo(Mutex<Option<(Key, Arc<VisitLtv>)>>);

/// What the visits' LTV is worked out of, besides the visits' records themselves.
#[derive(Clone, PartialEq)]
pub(crate) struct Key {
    visits: Option<u64>,
    margins: Vec<(String, f64)>,
    from: Option<Month>,
    to: Option<Month>,
}

impl VisitMemo {
    /// The LTV of `project`'s visits for `filter`'s period: the kept one when nothing it is worked
    /// out of has changed.
    pub(super) fn get(&self, project: &Project, filter: &Filter) -> Arc<VisitLtv> {
        let key = Key {
            visits: project.visits.as_ref().map(crate::model::Visits::id),
            margins: project.directions.iter().map(|d| (d.name.clone(), d.margin)).collect(),
            from: filter.from,
            to: filter.to,
        };
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((k, ltv)) = kept.as_ref()
            && *k == key
        {
            return Arc::clone(ltv);
        }
        let ltv = Arc::new(VisitLtv::of(project, filter));
        *kept = Some((key, Arc::clone(&ltv)));
        ltv
    }
}

impl Clone for VisitMemo {
    fn clone(&self) -> Self {
        Self(Mutex::new(self.0.lock().unwrap_or_else(PoisonError::into_inner).clone()))
    }
}

impl std::fmt::Debug for VisitMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        f.debug_struct("VisitMemo").field("visits", &kept.as_ref().map(|(k, _)| k.visits)).finish()
    }
}
