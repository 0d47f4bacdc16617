//! Calls: the phone before the lead (domain.md, "Calls"): answer rate, lost contacts, waits per
//! month, channel and employee, and the money left on the phone.

use serde::Serialize;

/// One employee's calls over the period (employees with a Calls row; blank aside).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EmployeeKpis {
    /// The employee as written on the Calls sheet.
    pub employee: String,
    /// Contacts the employee answered.
    pub answered: Option<f64>,
    /// wait_seconds / answered.
    pub avg_wait: Option<f64>,
    /// talk_seconds / answered.
    pub avg_talk: Option<f64>,
}
