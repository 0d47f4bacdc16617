//! Every change to the model is an [`Edit`]: data holding old and new values, applied in one place
//! ([`Document::apply`]) and undone by applying its inverse. The grid, the menus and the tests
//! build edits; nothing else writes into the project.

use std::sync::Arc;

use super::sheets::{self, Row, SetError, Value};
use crate::model::{BudgetRow, FunnelRow, Project, RevenueRow, Sheet, Visits};
use crate::store::{Change, Table};

/// One undoable change to the project.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// A cell changes from `old` to `new`.
    SetCell {
        /// The sheet.
        sheet: Sheet,
        /// Model row index.
        row: usize,
        /// Column index.
        col: usize,
        /// The value before.
        old: Value,
        /// The value after.
        new: Value,
    },
    /// `rows` are inserted at `at`.
    InsertRows {
        /// The sheet.
        sheet: Sheet,
        /// Index of the first inserted row.
        at: usize,
        /// The rows.
        rows: Vec<Row>,
    },
    /// The rows `at..at + rows.len()` (equal to `rows`) are removed.
    DeleteRows {
        /// The sheet.
        sheet: Sheet,
        /// Index of the first removed row.
        at: usize,
        /// The removed rows, kept for undo.
        rows: Vec<Row>,
    },
    /// Several edits applied in order as one step (a paste, a fill, a multi-row delete).
    Batch(Vec<Edit>),
    /// The whole project is replaced (a demo or an import loaded into the current window).
    ReplaceProject {
        /// The project before.
        old: Box<Project>,
        /// The project after.
        new: Box<Project>,
    },
    /// The saved what-if scenarios change (one saved, replaced or deleted).
    SetScenarios {
        /// The scenarios before.
        old: Vec<crate::model::Scenario>,
        /// The scenarios after.
        new: Vec<crate::model::Scenario>,
    },
}

impl Edit {
    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        match self {
            Edit::SetCell { sheet, row, col, old, new } => {
                Edit::SetCell { sheet: *sheet, row: *row, col: *col, old: new.clone(), new: old.clone() }
            }
            Edit::InsertRows { sheet, at, rows } => Edit::DeleteRows { sheet: *sheet, at: *at, rows: rows.clone() },
            Edit::DeleteRows { sheet, at, rows } => Edit::InsertRows { sheet: *sheet, at: *at, rows: rows.clone() },
            Edit::Batch(edits) => Edit::Batch(edits.iter().rev().map(Edit::inverse).collect()),
            Edit::ReplaceProject { old, new } => Edit::ReplaceProject { old: new.clone(), new: old.clone() },
            Edit::SetScenarios { old, new } => Edit::SetScenarios { old: new.clone(), new: old.clone() },
        }
    }

    /// Applies the edit to the project. A batch that fails part-way is rolled back, so a failed
    /// edit leaves the project as it was.
    ///
    /// # Errors
    /// [`SetError`] when the edit does not fit the project (a row that is not there, a value of
    /// the wrong type, a deleted row that differs from the one recorded).
    pub fn apply(&self, p: &mut Project) -> Result<(), SetError> {
        match self {
            Edit::SetCell { sheet, row, col, new, .. } => sheets::set(p, *sheet, *row, *col, new.clone()),
            Edit::InsertRows { sheet, at, rows } => sheets::insert_rows(p, *sheet, *at, rows.clone()),
            Edit::DeleteRows { sheet, at, rows } => {
                let taken = sheets::take_rows(p, *sheet, *at, rows.len())?;
                if &taken != rows {
                    // Put them back: the edit was recorded against another state of the sheet.
                    sheets::insert_rows(p, *sheet, *at, taken)?;
                    return Err(SetError { sheet: *sheet, row: *at, col: 0 });
                }
                Ok(())
            }
            Edit::Batch(edits) => {
                for (i, e) in edits.iter().enumerate() {
                    if let Err(err) = e.apply(p) {
                        for done in edits[..i].iter().rev() {
                            // Undoing what was just applied cannot fail: it is the exact inverse.
                            let _ = done.inverse().apply(p);
                        }
                        return Err(err);
                    }
                }
                Ok(())
            }
            Edit::ReplaceProject { new, .. } => {
                *p = (**new).clone();
                Ok(())
            }
            Edit::SetScenarios { new, .. } => {
                p.scenarios = new.clone();
                Ok(())
            }
        }
    }

    /// The rows of the project file this edit (or its inverse) rewrites.
    pub fn changes(&self) -> Vec<Change> {
        match self {
            Edit::SetCell { sheet, row, .. } => {
                vec![Change::Rows { table: Table::Sheet(*sheet), rows: *row..*row + 1 }]
            }
            Edit::InsertRows { sheet, at, .. } | Edit::DeleteRows { sheet, at, .. } => {
                vec![Change::From { table: Table::Sheet(*sheet), at: *at }]
            }
            Edit::Batch(edits) => edits.iter().flat_map(Edit::changes).collect(),
            Edit::ReplaceProject { .. } => Change::everything(),
            Edit::SetScenarios { .. } => vec![Change::From { table: Table::Scenarios, at: 0 }],
        }
    }

    /// The rows of `sheet` this edit touches: cells edited in place (by row index), rows inserted
    /// and removed; `None` when the sheet must be summed again (the project replaced, or cells
    /// edited in a batch that also moves rows, whose indices then shift).
    fn touch(&self, sheet: Sheet) -> Option<Touch> {
        let mut t = Touch::default();
        match self {
            Edit::SetCell { sheet: s, row, .. } if *s == sheet => t.cells.push(*row),
            Edit::InsertRows { sheet: s, rows, .. } if *s == sheet => t.inserted.extend(rows.iter().cloned()),
            Edit::DeleteRows { sheet: s, rows, .. } if *s == sheet => t.removed.extend(rows.iter().cloned()),
            Edit::Batch(edits) => {
                for e in edits {
                    let u = e.touch(sheet)?;
                    t.cells.extend(u.cells);
                    t.inserted.extend(u.inserted);
                    t.removed.extend(u.removed);
                }
                let rows_moved = !t.inserted.is_empty() || !t.removed.is_empty();
                if !t.cells.is_empty() && rows_moved {
                    return None;
                }
                t.cells.sort_unstable();
                t.cells.dedup();
            }
            Edit::ReplaceProject { .. } => return None,
            Edit::SetCell { .. } | Edit::InsertRows { .. } | Edit::DeleteRows { .. } | Edit::SetScenarios { .. } => {}
        }
        Some(t)
    }

    /// Whether the edit changes nothing (a cell set to its own value, an empty batch).
    pub fn is_noop(&self) -> bool {
        match self {
            Edit::SetCell { old, new, .. } => old == new,
            Edit::InsertRows { rows, .. } | Edit::DeleteRows { rows, .. } => rows.is_empty(),
            Edit::Batch(edits) => edits.iter().all(Edit::is_noop),
            Edit::ReplaceProject { .. } => false,
            Edit::SetScenarios { old, new } => old == new,
        }
    }
}

/// The rows of one sheet one edit touches (see [`Edit::touch`]).
#[derive(Debug, Default)]
struct Touch {
    cells: Vec<usize>,
    inserted: Vec<Row>,
    removed: Vec<Row>,
}

/// A sheet whose sums the KPI cache moves row by row: its rows in the project and in an edit.
pub trait SummedRow: Clone + Sized {
    /// The sheet.
    const SHEET: Sheet;
    /// The sheet's rows.
    fn rows(p: &Project) -> &[Self];
    /// An edit's row, when it is one of this sheet's.
    fn of(row: &Row) -> Option<&Self>;
}

/// `SummedRow` for a sheet's row type: its `Sheet`, the project's field and the `Row` variant.
macro_rules! summed_row {
    ($($ty:ty => $sheet:ident, $field:ident;)*) => {$(
        impl SummedRow for $ty {
            const SHEET: Sheet = Sheet::$sheet;
            fn rows(p: &Project) -> &[Self] {
                &p.$field
            }
            fn of(row: &Row) -> Option<&Self> {
                match row {
                    Row::$sheet(r) => Some(r),
                    _ => None,
                }
            }
        }
    )*};
}

summed_row! {
    FunnelRow => Funnel, funnel;
    RevenueRow => Revenue, revenue;
    BudgetRow => Budget, budget;
}

/// What edits did to a sheet the KPI cache sums (Funnel, Revenue, Budget) since it was last
/// taken, so that the cache moves its sums instead of summing the sheet's rows again.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum RowsDelta<T> {
    /// The sheet did not change.
    #[default]
    Unchanged,
    /// The rows `before` were replaced by `after` (as a multiset: order does not matter to sums).
    Rows {
        /// The rows as they were (edited or removed).
        before: Vec<T>,
        /// The rows as they are (edited or inserted).
        after: Vec<T>,
    },
    /// The sheet must be summed again.
    Rebuild,
}

/// What edits did to the Funnel sheet (see [`Document::take_funnel_delta`]).
pub type FunnelDelta = RowsDelta<FunnelRow>;

/// What edits did to the Revenue sheet (see [`Document::take_revenue_delta`]).
pub type RevenueDelta = RowsDelta<RevenueRow>;

/// What edits did to the Budget sheet (see [`Document::take_budget_delta`]).
pub type BudgetDelta = RowsDelta<BudgetRow>;

impl<T: SummedRow> RowsDelta<T> {
    fn add(&mut self, before: Vec<T>, after: Vec<T>) {
        match self {
            RowsDelta::Unchanged => *self = RowsDelta::Rows { before, after },
            RowsDelta::Rows { before: b, after: a } => {
                b.extend(before);
                a.extend(after);
            }
            RowsDelta::Rebuild => {}
        }
    }

    /// The rows of `edit`'s sheet it is about to change in `p`, for [`RowsDelta::follow`].
    fn before(edit: &Edit, p: &Project) -> (Option<Touch>, Vec<T>) {
        let touch = edit.touch(T::SHEET);
        let before = touch.as_ref().map_or_else(Vec::new, |t| cells(p, t));
        (touch, before)
    }

    /// Notes what `edit` did, given what [`RowsDelta::before`] saw and the project `p` after it.
    fn follow(&mut self, (touch, mut before): (Option<Touch>, Vec<T>), p: &Project) {
        let Some(t) = touch else {
            *self = RowsDelta::Rebuild;
            return;
        };
        let mut after = cells(p, &t);
        before.extend(t.removed.iter().filter_map(T::of).cloned());
        after.extend(t.inserted.iter().filter_map(T::of).cloned());
        if !(before.is_empty() && after.is_empty()) {
            self.add(before, after);
        }
    }
}

/// The rows at a touch's cells.
fn cells<T: SummedRow>(p: &Project, t: &Touch) -> Vec<T> {
    t.cells.iter().filter_map(|&i| T::rows(p).get(i).cloned()).collect()
}

/// The undo and redo stacks. Every entry carries a state id so that "unsaved changes" can be
/// told exactly, even after undoing back to the saved state.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<(Edit, u64)>,
    redo: Vec<(Edit, u64)>,
    /// The state id under the oldest undo entry (changes when the cap drops entries).
    base: u64,
    next_id: u64,
}

/// How many steps can be undone; older ones are dropped.
pub const HISTORY_CAP: usize = 500;

impl History {
    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Number of undoable steps.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Identifies the current state of the project among those this history has seen.
    pub fn state_id(&self) -> u64 {
        self.undo.last().map_or(self.base, |(_, id)| *id)
    }

    fn push(&mut self, edit: Edit) {
        self.next_id += 1;
        self.undo.push((edit, self.next_id));
        self.redo.clear();
        if self.undo.len() > HISTORY_CAP {
            let (_, id) = self.undo.remove(0);
            self.base = id;
        }
    }
}

/// The open project with its history: the only owner that mutates the model.
#[derive(Debug, Default)]
pub struct Document {
    project: Arc<Project>,
    history: History,
    /// Bumped on every change; caches (KPIs, grid row orders) are keyed by it.
    revision: u64,
    saved_state: u64,
    /// What changed since [`Document::take_changes`] was last called, for the project file.
    changes: Vec<Change>,
    /// What changed on the Funnel sheet since [`Document::take_funnel_delta`], for the KPI cache.
    funnel_delta: FunnelDelta,
    /// What changed on the Revenue sheet since [`Document::take_revenue_delta`], for the KPI cache.
    revenue_delta: RevenueDelta,
    /// What changed on the Budget sheet since [`Document::take_budget_delta`], for the KPI cache.
    budget_delta: BudgetDelta,
}

impl Document {
    /// A document holding `project`, with no history, not dirty.
    pub fn new(project: Project) -> Self {
        Self { project: Arc::new(project), ..Self::default() }
    }

    /// The project.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The project as it is now, shared without a copy with work that reads it on another thread
    /// (a save, a report): a chain's ten million rows are not copied on the window's thread. The
    /// next edit copies it only if that work still holds it.
    pub fn shared_project(&self) -> Arc<Project> {
        Arc::clone(&self.project)
    }

    /// The history.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Changes on every edit, undo and redo.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the project differs from the last saved (or opened) state.
    pub fn is_dirty(&self) -> bool {
        self.history.state_id() != self.saved_state
    }

    /// Marks the current state as saved.
    pub fn mark_saved(&mut self) {
        self.saved_state = self.history.state_id();
    }

    /// Marks the current state as not saved (a project that came from a recovery file or an
    /// import has never been written to a project file).
    pub fn mark_unsaved(&mut self) {
        self.saved_state = u64::MAX;
    }

    /// The rows changed by the edits, undos and redos since the last call (the project file writes
    /// just these).
    pub fn take_changes(&mut self) -> Vec<Change> {
        std::mem::take(&mut self.changes)
    }

    /// What the edits, undos and redos since the last call did to the Funnel sheet.
    pub fn take_funnel_delta(&mut self) -> FunnelDelta {
        std::mem::take(&mut self.funnel_delta)
    }

    /// What the edits, undos and redos since the last call did to the Revenue sheet.
    pub fn take_revenue_delta(&mut self) -> RevenueDelta {
        std::mem::take(&mut self.revenue_delta)
    }

    /// What the edits, undos and redos since the last call did to the Budget sheet.
    pub fn take_budget_delta(&mut self) -> BudgetDelta {
        std::mem::take(&mut self.budget_delta)
    }

    /// Puts in the patient visits of a project file read sheets first (the app reads them after
    /// its first frame). Not an edit: nothing to undo, nothing to write back, nothing unsaved; the
    /// revision moves so that the figures drawn from the visits are computed again.
    pub fn attach_visits(&mut self, visits: Visits) {
        Arc::make_mut(&mut self.project).visits = Some(visits);
        self.revision += 1;
    }

    /// Applies `edit` to the project, noting the rows it changed for the project file and the KPI
    /// cache.
    fn apply_noted(&mut self, edit: &Edit) -> Result<(), SetError> {
        let funnel = FunnelDelta::before(edit, &self.project);
        let revenue = RevenueDelta::before(edit, &self.project);
        let budget = BudgetDelta::before(edit, &self.project);
        edit.apply(Arc::make_mut(&mut self.project))?;
        self.funnel_delta.follow(funnel, &self.project);
        self.revenue_delta.follow(revenue, &self.project);
        self.budget_delta.follow(budget, &self.project);
        self.changes.extend(edit.changes());
        Ok(())
    }

    /// Applies an edit and records it for undo. A no-op edit is dropped.
    ///
    /// # Errors
    /// [`SetError`] when the edit does not fit; the project is unchanged then.
    pub fn apply(&mut self, edit: Edit) -> Result<(), SetError> {
        if edit.is_noop() {
            return Ok(());
        }
        self.apply_noted(&edit)?;
        self.history.push(edit);
        self.revision += 1;
        Ok(())
    }

    /// Undoes the last edit; returns it (as it was applied) when there was one.
    pub fn undo(&mut self) -> Option<Edit> {
        let (edit, id) = self.history.undo.pop()?;
        if self.apply_noted(&edit.inverse()).is_err() {
            // Cannot happen with edits recorded by `apply`; keep the stack consistent anyway.
            self.history.undo.clear();
            self.history.redo.clear();
            return None;
        }
        self.history.redo.push((edit.clone(), id));
        self.revision += 1;
        Some(edit)
    }

    /// Redoes the last undone edit; returns it when there was one.
    pub fn redo(&mut self) -> Option<Edit> {
        let (edit, id) = self.history.redo.pop()?;
        if self.apply_noted(&edit).is_err() {
            self.history.undo.clear();
            self.history.redo.clear();
            return None;
        }
        self.history.undo.push((edit.clone(), id));
        self.revision += 1;
        Some(edit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Month, PlanRow};

    fn plan_row(month: u32, plan: f64) -> Row {
        Row::Plan(PlanRow {
            branch: None,
            month: Month::new(2025, month).unwrap(),
            direction: None,
            revenue_plan: plan,
            leads_plan: None,
            booking_rate_plan: None,
            show_rate_plan: None,
            paid_rate_plan: None,
            revenue_per_paid_plan: None,
        })
    }

    fn doc() -> Document {
        let mut d = Document::new(Project::new());
        d.apply(Edit::InsertRows { sheet: Sheet::Plan, at: 0, rows: vec![plan_row(1, 100.0), plan_row(2, 200.0)] })
            .unwrap();
        d.mark_saved();
        d
    }

    #[test]
    fn set_cell_undo_redo() {
        let mut d = doc();
        let rev = d.revision();
        let e = Edit::SetCell { sheet: Sheet::Plan, row: 1, col: 2, old: Value::Num(200.0), new: Value::Num(250.0) };
        d.apply(e.clone()).unwrap();
        assert_eq!(d.project().plan[1].revenue_plan, 250.0);
        assert!(d.is_dirty());
        assert!(d.revision() > rev);
        assert_eq!(d.undo(), Some(e.clone()));
        assert_eq!(d.project().plan[1].revenue_plan, 200.0);
        assert!(!d.is_dirty(), "undoing back to the saved state is clean");
        assert_eq!(d.redo(), Some(e));
        assert_eq!(d.project().plan[1].revenue_plan, 250.0);
        assert!(d.is_dirty());
        assert_eq!(d.redo(), None);
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut d = doc();
        let set = |v| Edit::SetCell { sheet: Sheet::Plan, row: 0, col: 2, old: Value::Num(100.0), new: Value::Num(v) };
        d.apply(set(1.0)).unwrap();
        d.undo();
        assert!(d.history().can_redo());
        d.apply(set(2.0)).unwrap();
        assert!(!d.history().can_redo());
    }

    #[test]
    fn row_operations_undo() {
        let mut d = doc();
        let before = d.project().clone();
        let removed = d.project().plan[0].clone();
        d.apply(Edit::DeleteRows { sheet: Sheet::Plan, at: 0, rows: vec![Row::Plan(removed)] }).unwrap();
        assert_eq!(d.project().plan.len(), 1);
        d.undo();
        assert_eq!(d.project(), &before);
    }

    #[test]
    fn a_failing_batch_changes_nothing() {
        let mut d = doc();
        let before = d.project().clone();
        let batch = Edit::Batch(vec![
            Edit::SetCell { sheet: Sheet::Plan, row: 0, col: 2, old: Value::Num(100.0), new: Value::Num(5.0) },
            // Row 9 does not exist.
            Edit::SetCell { sheet: Sheet::Plan, row: 9, col: 2, old: Value::Empty, new: Value::Num(5.0) },
        ]);
        assert!(d.apply(batch).is_err());
        assert_eq!(d.project(), &before);
        assert_eq!(d.history().undo_len(), 1);
    }

    #[test]
    fn paste_batch_grows_and_undoes_in_one_step() {
        let mut d = doc();
        let before = d.project().clone();
        let batch = Edit::Batch(vec![
            Edit::InsertRows { sheet: Sheet::Plan, at: 2, rows: vec![plan_row(3, 0.0)] },
            Edit::SetCell { sheet: Sheet::Plan, row: 1, col: 2, old: Value::Num(200.0), new: Value::Num(7.0) },
            Edit::SetCell { sheet: Sheet::Plan, row: 2, col: 2, old: Value::Num(0.0), new: Value::Num(8.0) },
        ]);
        d.apply(batch).unwrap();
        assert_eq!(d.project().plan.len(), 3);
        assert_eq!(d.project().plan[2].revenue_plan, 8.0);
        d.undo();
        assert_eq!(d.project(), &before);
    }

    #[test]
    fn history_is_capped() {
        let mut d = doc();
        for i in 0..(HISTORY_CAP + 10) {
            let old = d.project().plan[0].revenue_plan;
            d.apply(Edit::SetCell {
                sheet: Sheet::Plan,
                row: 0,
                col: 2,
                old: Value::Num(old),
                new: Value::Num(i as f64 + 0.5),
            })
            .unwrap();
        }
        assert_eq!(d.history().undo_len(), HISTORY_CAP);
        while d.undo().is_some() {}
        assert!(d.is_dirty(), "the saved state fell off the capped history");
    }

    #[test]
    fn edits_undo_and_redo_name_the_rows_they_changed() {
        let mut d = doc();
        d.take_changes();
        let e = Edit::SetCell { sheet: Sheet::Plan, row: 1, col: 2, old: Value::Num(200.0), new: Value::Num(1.0) };
        d.apply(e).unwrap();
        d.undo();
        d.apply(Edit::InsertRows { sheet: Sheet::Budget, at: 0, rows: vec![] }).unwrap();
        let cell = Change::Rows { table: Table::Sheet(Sheet::Plan), rows: 1..2 };
        assert_eq!(d.take_changes(), vec![cell.clone(), cell]);
        assert!(d.take_changes().is_empty());
        let scenarios = Edit::SetScenarios { old: vec![], new: vec![Default::default()] };
        d.apply(Edit::Batch(vec![scenarios, Edit::InsertRows { sheet: Sheet::Nps, at: 0, rows: vec![] }])).unwrap();
        assert_eq!(
            d.take_changes(),
            vec![
                Change::From { table: Table::Scenarios, at: 0 },
                Change::From { table: Table::Sheet(Sheet::Nps), at: 0 }
            ]
        );
    }

    #[test]
    fn funnel_edits_hand_their_rows_to_the_kpi_cache() {
        let mut d = Document::new(crate::demo::demo_project());
        let row = d.project().funnel[2].clone();
        let old = Value::Num(row.leads.unwrap_or(0.0));
        let cell = |new| Edit::SetCell { sheet: Sheet::Funnel, row: 2, col: 3, old: old.clone(), new };
        d.apply(cell(Value::Num(1.0))).unwrap();
        let FunnelDelta::Rows { before, after } = d.take_funnel_delta() else { panic!("rows expected") };
        assert_eq!(before, vec![row.clone()]);
        assert_eq!(after, vec![d.project().funnel[2].clone()]);
        d.undo();
        d.apply(Edit::DeleteRows { sheet: Sheet::Funnel, at: 2, rows: vec![Row::Funnel(row.clone())] }).unwrap();
        let FunnelDelta::Rows { before, after } = d.take_funnel_delta() else { panic!("rows expected") };
        assert_eq!(before.len(), 2, "the undone cell and the removed row");
        assert_eq!(after.len(), 1);
        assert_eq!(d.take_funnel_delta(), FunnelDelta::Unchanged);
        // Cells edited in a batch that also moves rows: the sheet is summed again.
        let batch = Edit::Batch(vec![
            Edit::InsertRows { sheet: Sheet::Funnel, at: 0, rows: vec![Row::Funnel(row)] },
            Edit::SetCell { sheet: Sheet::Funnel, row: 0, col: 3, old, new: Value::Num(2.0) },
        ]);
        d.apply(batch).unwrap();
        assert_eq!(d.take_funnel_delta(), FunnelDelta::Rebuild);
    }

    #[test]
    fn a_shared_project_stays_as_it_was_shared_while_the_document_is_edited() {
        let mut d = doc();
        let shared = d.shared_project();
        assert!(std::ptr::eq(&*shared, d.project()), "shared without a copy");
        d.apply(Edit::InsertRows { sheet: Sheet::Plan, at: 0, rows: vec![plan_row(3, 7.0)] }).unwrap();
        assert_eq!(d.project().plan.len(), shared.plan.len() + 1);
        drop(shared);
        // Nobody holds it now: the next edit writes in place.
        let before: *const Project = d.project();
        d.undo();
        assert!(std::ptr::eq(before, d.project()));
    }

    #[test]
    fn revenue_and_budget_edits_hand_their_rows_to_the_kpi_cache() {
        let mut d = Document::new(crate::demo::demo_project());
        let old = Value::Num(d.project().revenue[0].revenue);
        let row = d.project().revenue[0].clone();
        d.apply(Edit::SetCell { sheet: Sheet::Revenue, row: 0, col: 2, old, new: Value::Num(1.0) }).unwrap();
        // The Revenue rows as they were and as they are, for the sums; no other sheet moved.
        let RevenueDelta::Rows { before, after } = d.take_revenue_delta() else { panic!("rows expected") };
        assert_eq!((before, after), (vec![row], vec![d.project().revenue[0].clone()]));
        assert_eq!(d.take_funnel_delta(), FunnelDelta::Unchanged);
        assert_eq!(d.take_budget_delta(), BudgetDelta::Unchanged);
        // An undo hands them back the other way.
        d.undo();
        let RevenueDelta::Rows { before, .. } = d.take_revenue_delta() else { panic!("rows expected") };
        assert_eq!(before[0].revenue, 1.0);
        let budget = d.project().budget[0].clone();
        d.apply(Edit::DeleteRows { sheet: Sheet::Budget, at: 0, rows: vec![Row::Budget(budget.clone())] }).unwrap();
        assert_eq!(d.take_budget_delta(), BudgetDelta::Rows { before: vec![budget], after: vec![] });
        // Replacing the project: every sheet summed again.
        let (old, new) = (Box::new(d.project().clone()), Box::new(Project::new()));
        d.apply(Edit::ReplaceProject { old, new }).unwrap();
        assert_eq!(d.take_revenue_delta(), RevenueDelta::Rebuild);
        assert_eq!(d.take_budget_delta(), BudgetDelta::Rebuild);
    }

    #[test]
    fn noop_edits_are_not_recorded() {
        let mut d = doc();
        let n = d.history().undo_len();
        d.apply(Edit::SetCell { sheet: Sheet::Plan, row: 0, col: 2, old: Value::Num(100.0), new: Value::Num(100.0) })
            .unwrap();
        d.apply(Edit::Batch(vec![])).unwrap();
        assert_eq!(d.history().undo_len(), n);
    }
}
