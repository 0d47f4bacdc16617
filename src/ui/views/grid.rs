//! The spreadsheet grid over one sheet: virtualised rows and columns (egui_table) with the key
//! columns frozen, a cursor and a range, typing, keyboard moves (Tab wraps to the next row), TSV
//! copy and paste, fill down, clear, row insert and delete, sort and filter from each column's
//! header, and the global filters.
//!
//! The grid never writes into the model: every change leaves [`grid_ui`] as an [`Edit`] that the
//! app applies through the undo stack.

use egui::{Align, Event, EventFilter, Key, Label, Layout, Modifiers, RichText, Sense, TextEdit};

use crate::document::edit::Edit;
use crate::document::sheets::{self, Kind, Row, RowDefaults, Value};
use crate::format::{Lang, Locale};
use crate::i18n::{K, tr};
use crate::metrics::Filter;
use crate::model::{Month, Project, Sheet};

/// Height of one grid row, in points.
const ROW_HEIGHT: f32 = 22.0;

/// What is being typed or picked in the cursor's cell.
#[derive(Clone, Debug, PartialEq)]
enum Editing {
    /// A text editor; `fresh` until it has taken focus and placed its cursor.
    Text { buf: String, fresh: bool },
    /// The list of a choice column, with the highlighted entry.
    Choice { highlighted: usize },
}

/// What the view row order depends on: model revision, filter, sort and the column filters.
type ViewKey = (u64, Filter, Option<(usize, bool)>, Vec<String>);

/// The grid's state for one sheet: where the cursor is, what is selected, being edited, sorted.
#[derive(Debug)]
pub struct GridState {
    /// The sheet shown.
    pub sheet: Sheet,
    /// Cursor (view row, column).
    cursor: (usize, usize),
    /// The other corner of the selected range.
    anchor: (usize, usize),
    editing: Option<Editing>,
    /// Sorted by this column, ascending when `true`.
    sort: Option<(usize, bool)>,
    /// Per-column filters typed in the header (a row shows when each occurs in its cell).
    col_filters: Vec<String>,
    /// The last refusal or notice, shown above the grid.
    pub message: Option<String>,
    /// View row → model row, for the current filter and sort.
    view: Vec<usize>,
    view_key: Option<ViewKey>,
    /// Scroll the cursor into view on the next frame.
    scroll_to_cursor: bool,
    /// Give the grid keyboard focus on the next frame.
    want_focus: bool,
    /// After the next view rebuild, put the cursor on this model row.
    pending_model_row: Option<usize>,
    /// The columns' starting widths, fitted to their content when the grid is first drawn.
    widths: Vec<f32>,
}

impl GridState {
    /// A grid over `sheet`, cursor in the top-left cell.
    pub fn new(sheet: Sheet) -> Self {
        Self {
            sheet,
            cursor: (0, 0),
            anchor: (0, 0),
            editing: None,
            sort: None,
            col_filters: Vec::new(),
            message: None,
            view: Vec::new(),
            view_key: None,
            scroll_to_cursor: false,
            want_focus: false,
            pending_model_row: None,
            widths: Vec::new(),
        }
    }

    /// The columns' starting widths in points (row number column aside), fitted to their header
    /// and content on the first frame; empty before it.
    pub fn column_widths(&self) -> &[f32] {
        &self.widths
    }

    /// Puts the cursor on a model row and column (used by the Problems panel and tests) and gives
    /// the grid keyboard focus.
    pub fn select_model_cell(&mut self, model_row: usize, col: usize) {
        self.pending_model_row = Some(model_row);
        self.cursor.1 = col;
        self.anchor = self.cursor;
        self.editing = None;
        self.want_focus = true;
        self.scroll_to_cursor = true;
        // Rebuild the view so the pending row is resolved even when nothing else changed.
        self.view_key = None;
    }

    /// The selected range as (first row, last row, first column, last column), in view rows.
    fn range(&self) -> (usize, usize, usize, usize) {
        let (r0, r1) = (self.cursor.0.min(self.anchor.0), self.cursor.0.max(self.anchor.0));
        let (c0, c1) = (self.cursor.1.min(self.anchor.1), self.cursor.1.max(self.anchor.1));
        (r0, r1, c0, c1)
    }

    /// The cursor as (view row, column).
    pub fn cursor(&self) -> (usize, usize) {
        self.cursor
    }

    /// Number of rows shown (after the filter).
    pub fn shown_rows(&self) -> usize {
        self.view.len()
    }

    /// Whether a cell is being edited.
    pub fn is_editing(&self) -> bool {
        self.editing.is_some()
    }

    /// Rebuilds the view row order when the model, the filter or the sort changed.
    fn refresh_view(&mut self, p: &Project, revision: u64, filter: &Filter, loc: Locale) {
        let key = (revision, filter.clone(), self.sort, self.col_filters.clone());
        if self.view_key.as_ref() == Some(&key) {
            return;
        }
        let sheet = self.sheet;
        let filters_rows = !matches!(sheet, Sheet::Settings | Sheet::Directions | Sheet::Channels);
        let mut view: Vec<usize> = (0..sheets::row_count(p, sheet))
            .filter(|&r| {
                if !filters_rows {
                    return true;
                }
                let (months, direction, channel) = sheets::row_keys(p, sheet, r);
                let period_ok = months.is_none_or(|(first, last)| {
                    filter.from.is_none_or(|f| last >= f) && filter.to.is_none_or(|t| first <= t)
                });
                let has_direction_col = sheet.grid_columns().iter().any(|c| c.kind == Kind::Direction);
                let has_channel_col = sheet.grid_columns().iter().any(|c| c.kind == Kind::Channel);
                let direction_ok =
                    !has_direction_col || filter.direction.as_deref().is_none_or(|d| direction == Some(d));
                let channel_ok = !has_channel_col || filter.channel.as_deref().is_none_or(|c| channel == Some(c));
                // Under a branch filter: the branch's rows, and on Budget the chain's shared rows too
                // (the branch pays a share of them).
                let branch = sheets::row_branch(p, sheet, r);
                let branch_ok = filter.branch.as_deref().is_none_or(|b| {
                    crate::model::same_branch(branch, Some(b))
                        || (sheet == Sheet::Budget && crate::model::branch_key(branch).is_none())
                });
                period_ok && direction_ok && channel_ok && branch_ok
            })
            .filter(|&r| passes_column_filters(p, sheet, r, &self.col_filters, loc))
            .collect();
        if let Some((col, ascending)) = self.sort {
            let mut keyed: Vec<(Value, usize)> = view.iter().map(|&r| (sheets::get(p, sheet, r, col), r)).collect();
            keyed.sort_by(|a, b| {
                let o = compare(&a.0, &b.0);
                // Blanks stay at the bottom whichever the direction.
                let o = if ascending || matches!(a.0, Value::Empty) || matches!(b.0, Value::Empty) {
                    o
                } else {
                    o.reverse()
                };
                o.then(a.1.cmp(&b.1))
            });
            view = keyed.into_iter().map(|(_, r)| r).collect();
        }
        self.view = view;
        self.view_key = Some(key);
        if let Some(m) = self.pending_model_row.take()
            && let Some(i) = self.view.iter().position(|&r| r == m)
        {
            self.cursor.0 = i;
            self.anchor = self.cursor;
            self.scroll_to_cursor = true;
        }
        let last = self.view.len().saturating_sub(1);
        self.cursor.0 = self.cursor.0.min(last);
        self.anchor.0 = self.anchor.0.min(last);
    }
}

/// Orders two cell values for sorting; blanks last.
fn compare(a: &Value, b: &Value) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (a, b) {
        (Value::Empty, Value::Empty) => Equal,
        (Value::Empty, _) => Greater,
        (_, Value::Empty) => Less,
        (Value::Num(x), Value::Num(y)) => x.total_cmp(y),
        (Value::Text(x), Value::Text(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
        (Value::Month(x), Value::Month(y)) => x.cmp(y),
        (Value::Day(x), Value::Day(y)) => x.cmp(y),
        (Value::Period(x), Value::Period(y)) => x.cmp(y),
        (Value::Tier(x), Value::Tier(y)) => x.cmp(y),
        _ => Equal,
    }
}

/// Splits a TSV block as Excel and LibreOffice put it on the clipboard: rows by line, cells by
/// tab, `"…"` quoting around cells that hold quotes.
pub fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<&str> = text.split('\n').collect();
    // The trailing newline spreadsheets add is not an extra empty row.
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
        .into_iter()
        .map(|line| {
            line.split('\t')
                .map(|cell| {
                    let c = cell.trim();
                    if c.len() >= 2 && c.starts_with('"') && c.ends_with('"') {
                        c[1..c.len() - 1].replace("\"\"", "\"")
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        })
        .collect()
}

/// Everything the grid reads besides its own state.
pub struct GridContext<'a> {
    /// The project shown.
    pub project: &'a Project,
    /// The model revision (the view cache key).
    pub revision: u64,
    /// The user's language.
    pub lang: Lang,
    /// The global period, direction and channel filters.
    pub filter: &'a Filter,
}

impl GridContext<'_> {
    /// The language with the clinic's currency sign, for money cells.
    pub fn loc(&self) -> Locale {
        Locale::new(self.lang, &self.project.settings.currency)
    }
}

/// Draws the grid of `state.sheet` and returns the edit the user made this frame, if any.
pub fn grid_ui(ui: &mut egui::Ui, state: &mut GridState, cx: &GridContext<'_>) -> Option<Edit> {
    state.refresh_view(cx.project, cx.revision, cx.filter, cx.loc());
    let sheet = state.sheet;
    let columns = sheet.grid_columns();
    let grid_id = ui.scope_id().with(("grid", sheet));
    let editor_id = grid_id.with("editor");

    let mut edit = None;
    toolbar_ui(ui, state, cx, &mut edit);

    // The grid holds keyboard focus through an invisible widget over its area, so that arrows
    // and Tab move the cursor instead of moving focus between widgets.
    let area = ui.available_rect_before_wrap();
    let focus_resp = ui.interact(area, grid_id, Sense::focusable_noninteractive());
    // egui may make the id unique to this place; focus is held by the response's own id.
    let grid_id = focus_resp.id;
    if state.want_focus {
        focus_resp.request_focus();
        state.want_focus = false;
    }
    // The keys stay with the grid whichever of its two widgets holds focus (the cell editor keeps
    // it after an edit is committed), so Tab and the arrows move the cursor, not the focus.
    let keys = EventFilter { tab: true, horizontal_arrows: true, vertical_arrows: true, escape: true };
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(grid_id, keys);
        m.set_focus_lock_filter(editor_id, keys);
    });
    // egui applies a focus lock only from the second frame of focus: draw that frame at once, or
    // the first Tab after a click would move the focus out of the grid instead of the cursor.
    let grid_focused = ui.memory(|m| m.has_focus(grid_id));
    if grid_focused && !ui.memory(|m| m.had_focus_last_frame(grid_id)) {
        ui.ctx().request_repaint();
    }
    let editor_focused = ui.memory(|m| m.has_focus(editor_id));

    if (grid_focused || editor_focused || state.editing.is_some())
        && let Some(e) = keyboard(ui, state, cx, grid_id)
    {
        edit = Some(e);
    }

    let (r0, r1, c0, c1) = state.range();
    let cursor = state.cursor;
    let sel_fill = ui.visuals().selection.bg_fill.gamma_multiply(0.35);
    let cursor_stroke = egui::Stroke::new(2.0, ui.visuals().selection.bg_fill);

    // Column 0 is the row number; the sheet's key columns (month, channel, …) stay frozen beside
    // it while the figures scroll sideways.
    let mut table_columns = vec![egui_table::Column::new(48.0).resizable(false)];
    if state.widths.len() != columns.len() {
        state.widths = fitted_widths(ui, sheet, cx, &state.view);
    }
    table_columns.extend(
        state.widths.iter().map(|&w| egui_table::Column::new(w).range(56.0..=MAX_FITTED_WIDTH).resizable(true)),
    );
    let mut table = egui_table::Table::new()
        .id_salt(("table", sheet))
        .num_rows(state.view.len() as u64)
        .columns(table_columns)
        .num_sticky_cols(1 + frozen_columns(sheet))
        .headers([egui_table::HeaderRow::new(ROW_HEIGHT + 6.0)]);
    if state.scroll_to_cursor {
        table = table.scroll_to_row(cursor.0 as u64, None).scroll_to_column(cursor.1 + 1, None);
        state.scroll_to_cursor = false;
    }
    let mut delegate = GridDelegate {
        cx,
        sheet,
        columns,
        widths: &state.widths,
        view: &state.view,
        sort: state.sort,
        col_filters: &mut state.col_filters,
        editing: state.editing.clone(),
        range: (r0, r1, c0, c1),
        cursor,
        editor_id,
        sel_fill,
        cursor_stroke,
        clicked: None,
        choice_pick: None,
        sort_click: None,
        new_buf: None,
    };
    table.show(ui, &mut delegate);
    let GridDelegate { clicked, choice_pick, sort_click, new_buf, .. } = delegate;

    if let Some(b) = new_buf
        && let Some(Editing::Text { buf, fresh }) = &mut state.editing
    {
        *buf = b;
        *fresh = false;
    }
    if let Some(c) = sort_click {
        state.sort = match state.sort {
            Some((sc, true)) if sc == c => Some((c, false)),
            Some((sc, false)) if sc == c => None,
            _ => Some((c, true)),
        };
        state.editing = None;
    }
    if let Some(v) = choice_pick {
        edit = set_cursor_cell(state, cx, v).or(edit);
        state.editing = None;
        state.want_focus = true;
    }
    if let Some((r, c, shift, double)) = clicked {
        if state.editing.is_some() && (r, c) != state.cursor {
            edit = commit(state, cx).or(edit);
        }
        state.cursor = (r, c);
        if !shift {
            state.anchor = state.cursor;
        }
        state.want_focus = true;
        if double {
            start_editing(state, cx, None);
        }
    }
    edit
}

/// The widest a column is fitted (the user can still drag it wider): a long comment or list of
/// sources does not push every other column off screen.
const MAX_FITTED_WIDTH: f32 = 420.0;

/// Rows of the view measured when fitting widths: enough to meet every month, channel, direction,
/// branch and doctor of a sheet (they repeat), few enough to fit a big Funnel in a frame.
const FIT_SAMPLE_ROWS: usize = 3000;

/// How wide each column starts: its header with the sort and filter marks, or the widest value it
/// shows among the first [`FIT_SAMPLE_ROWS`] rows, whichever is wider, within 56 and
/// [`MAX_FITTED_WIDTH`] points. Each distinct text is measured once.
fn fitted_widths(ui: &egui::Ui, sheet: Sheet, cx: &GridContext<'_>, view: &[usize]) -> Vec<f32> {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let colour = ui.visuals().text_color();
    let painter = ui.painter();
    let measure = |text: String| painter.layout_no_wrap(text, body.clone(), colour).size().x;
    // Cell padding (6 points each side), the header's padding, sort arrow and filter button.
    const CELL_PAD: f32 = 16.0;
    const HEADER_MARKS: f32 = 30.0;
    sheet
        .grid_columns()
        .iter()
        .enumerate()
        .map(|(c, column)| {
            let mark = if column.required { "*" } else { "" };
            let header = measure(format!("{}{mark} ▲", tr(cx.lang, column.label))) + HEADER_MARKS;
            let mut seen = std::collections::HashSet::new();
            let widest = view
                .iter()
                .take(FIT_SAMPLE_ROWS)
                .map(|&r| cell_text(cx, sheet, r, c))
                .filter(|t| seen.insert(t.clone()))
                .map(&measure)
                .fold(0.0_f32, f32::max);
            header.max(widest + CELL_PAD).clamp(56.0, MAX_FITTED_WIDTH).ceil()
        })
        .collect()
}

/// The text a cell shows (see [`shown_text`]).
fn cell_text(cx: &GridContext<'_>, sheet: Sheet, r: usize, c: usize) -> String {
    shown_text(cx, sheet, r, c, &sheets::get(cx.project, sheet, r, c), sheets::kind(sheet, r, c))
}

/// The text a cell holding `value` shows: the value as the user's language writes it, a blank
/// direction as «whole clinic», a setting's key in the user's words.
fn shown_text(cx: &GridContext<'_>, sheet: Sheet, r: usize, c: usize, value: &Value, kind: Kind) -> String {
    match (value, kind) {
        (Value::Empty, Kind::Direction) => tr(cx.lang, K::WholeClinic).to_string(),
        // The key itself is what the workbook holds.
        _ if sheet == Sheet::Settings && c == 0 => sheets::setting_label(r, cx.lang).unwrap_or_default().to_string(),
        _ => sheets::display(value, kind, cx.loc()),
    }
}

/// The sheet's leading key columns (months, days, names), which stay in view while the figures
/// scroll sideways; at least one column always scrolls.
fn frozen_columns(sheet: Sheet) -> usize {
    let columns = sheet.grid_columns();
    let keys = columns.iter().take_while(|c| !c.kind.is_numeric()).count().min(3);
    keys.min(columns.len().saturating_sub(1))
}

/// Whether a model row passes the per-column filters: each non-empty filter must occur (case
/// aside) in the cell as shown.
fn passes_column_filters(p: &Project, sheet: Sheet, r: usize, filters: &[String], loc: Locale) -> bool {
    filters.iter().enumerate().filter(|(_, f)| !f.trim().is_empty()).all(|(c, f)| {
        let shown = sheets::display(&sheets::get(p, sheet, r, c), sheets::kind(sheet, r, c), loc);
        shown.to_lowercase().contains(&f.trim().to_lowercase())
    })
}

/// Draws the grid's cells for egui_table and collects what the user did.
struct GridDelegate<'a, 'c> {
    cx: &'a GridContext<'c>,
    sheet: Sheet,
    columns: &'static [sheets::Column],
    /// The fitted widths (see [`fitted_widths`]), held by each cell while egui_table sizes the
    /// columns on their first frame: its sizing shrinks a column to what its cells use, and a
    /// truncated label uses no more than the column already has.
    widths: &'a [f32],
    view: &'a [usize],
    sort: Option<(usize, bool)>,
    col_filters: &'a mut Vec<String>,
    editing: Option<Editing>,
    range: (usize, usize, usize, usize),
    cursor: (usize, usize),
    editor_id: egui::Id,
    sel_fill: egui::Color32,
    cursor_stroke: egui::Stroke,
    /// Row, column, shift held, double click.
    clicked: Option<(usize, usize, bool, bool)>,
    choice_pick: Option<Value>,
    sort_click: Option<usize>,
    new_buf: Option<String>,
}

impl egui_table::TableDelegate for GridDelegate<'_, '_> {
    fn header_cell_ui(&mut self, ui: &mut egui::Ui, cell: &egui_table::HeaderCellInfo) {
        let lang = self.cx.lang;
        let Some(c) = cell.col_range.start.checked_sub(1) else {
            ui.add_space(6.0);
            ui.label(RichText::new("#").weak());
            return;
        };
        let column = &self.columns[c];
        if self.col_filters.len() < self.columns.len() {
            self.col_filters.resize(self.columns.len(), String::new());
        }
        ui.painter().rect_filled(ui.max_rect(), 0.0, ui.visuals().faint_bg_color);
        ui.horizontal_centered(|ui| {
            ui.add_space(4.0);
            let arrow = match self.sort {
                Some((sc, true)) if sc == c => " ▲",
                Some((sc, false)) if sc == c => " ▼",
                _ => "",
            };
            let mark = if column.required { "*" } else { "" };
            let label = tr(lang, column.label);
            let resp = ui
                .add(
                    Label::new(RichText::new(format!("{label}{mark}{arrow}")).strong())
                        .sense(Sense::click())
                        .selectable(false),
                )
                .on_hover_text(format!("{} — {}", column.key, tr(lang, K::SortHint)));
            if resp.clicked() {
                self.sort_click = Some(c);
            }
            let filter = &mut self.col_filters[c];
            let active = !filter.trim().is_empty();
            let icon = RichText::new("▾");
            // An active filter is drawn in the selection colour, so a half-empty grid explains itself.
            let icon = if active { icon.strong().color(ui.visuals().selection.stroke.color) } else { icon.weak() };
            let name = format!("{}: {label}", tr(lang, K::ColumnFilter));
            let button = ui.add(egui::Button::new(icon).frame(false));
            let accessible = name.clone();
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &accessible));
            let button = button.on_hover_text(&name);
            egui::Popup::menu(&button).id(button.id.with("filter")).show(|ui| {
                ui.label(RichText::new(&name).strong());
                let l = ui.label(tr(lang, K::ColumnFilterHint)).id;
                ui.add(TextEdit::singleline(filter).desired_width(180.0)).labelled_by(l).request_focus();
                if ui.button(tr(lang, K::ClearFilter)).clicked() {
                    filter.clear();
                    ui.close();
                }
            });
        });
    }

    fn cell_ui(&mut self, ui: &mut egui::Ui, cell: &egui_table::CellInfo) {
        let vr = cell.row_nr as usize;
        let Some(&mr) = self.view.get(vr) else { return };
        let rect = ui.max_rect();
        if vr % 2 == 1 {
            ui.painter().rect_filled(rect, 0.0, ui.visuals().faint_bg_color);
        }
        let Some(c) = cell.col_nr.checked_sub(1) else {
            ui.add_space(6.0);
            ui.label(RichText::new((mr + 1).to_string()).weak().small());
            return;
        };
        if ui.is_sizing_pass() {
            ui.set_min_width(self.widths.get(c).copied().unwrap_or_default());
        }
        let lang = self.cx.lang;
        let column = &self.columns[c];
        let kind = sheets::kind(self.sheet, mr, c);
        let (r0, r1, c0, c1) = self.range;
        if (r0..=r1).contains(&vr) && (c0..=c1).contains(&c) && (r0, c0) != (r1, c1) {
            ui.painter().rect_filled(rect, 0.0, self.sel_fill);
        }
        let is_cursor = (vr, c) == self.cursor;
        if is_cursor && let Some(Editing::Text { buf, fresh }) = &self.editing {
            let mut b = buf.clone();
            let out = TextEdit::singleline(&mut b)
                .id(self.editor_id)
                .hint_text(tr(lang, column.label))
                .desired_width(f32::INFINITY)
                .show(ui);
            if *fresh {
                let mut st = out.state.clone();
                let end = egui::text::CCursor::new(b.chars().count());
                st.cursor.set_char_range(Some(egui::text::CCursorRange::one(end)));
                st.store(ui.ctx(), self.editor_id);
                out.response.request_focus();
            }
            self.new_buf = Some(b);
            return;
        }
        let value = sheets::get(self.cx.project, self.sheet, mr, c);
        let text = RichText::new(shown_text(self.cx, self.sheet, mr, c, &value, kind));
        // A blank direction means the whole clinic; say so, quietly.
        let text = if kind == Kind::Direction && value == Value::Empty { text.weak() } else { text };
        let label = Label::new(text).sense(Sense::click()).selectable(false).truncate();
        let resp = ui
            .scope_builder(egui::UiBuilder::new().max_rect(rect.shrink2(egui::vec2(6.0, 0.0))), |ui| {
                let layout = if kind.is_numeric() {
                    Layout::right_to_left(Align::Center)
                } else {
                    Layout::left_to_right(Align::Center)
                };
                ui.with_layout(layout, |ui| ui.add(label)).inner
            })
            .inner;
        // The whole cell answers a click, not only its text.
        let resp = resp.union(ui.interact(rect, ui.scope_id().with(("cell", vr, c)), Sense::click()));
        if resp.clicked() || resp.double_clicked() {
            let shift = ui.input(|i| i.modifiers.shift);
            self.clicked = Some((vr, c, shift, resp.double_clicked()));
        }
        if is_cursor {
            row_painter_stroke(&resp, rect, self.cursor_stroke);
            if let Some(Editing::Choice { highlighted }) = &self.editing {
                self.choice_pick = choice_popup_ui(&resp, rect, self.cx, kind, *highlighted);
            }
        }
    }

    fn default_row_height(&self) -> f32 {
        ROW_HEIGHT
    }
}

fn row_painter_stroke(resp: &egui::Response, rect: egui::Rect, stroke: egui::Stroke) {
    resp.ctx.layer_painter(resp.layer_id).rect_stroke(rect.shrink(1.0), 0.0, stroke, egui::StrokeKind::Inside);
}

/// The list of a choice cell, under the cell; returns the value clicked.
fn choice_popup_ui(
    resp: &egui::Response,
    rect: egui::Rect,
    cx: &GridContext<'_>,
    kind: Kind,
    highlighted: usize,
) -> Option<Value> {
    let options = sheets::choices(cx.project, kind, cx.lang);
    let mut picked = None;
    egui::Area::new(resp.id.with("choices")).order(egui::Order::Foreground).fixed_pos(rect.left_bottom()).show(
        &resp.ctx,
        |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_min_width(rect.width());
                if options.is_empty() {
                    ui.label(tr(cx.lang, K::ErrNoChoices));
                }
                for (i, (v, label)) in options.iter().enumerate() {
                    if ui.selectable_label(i == highlighted, label).clicked() {
                        picked = Some(v.clone());
                    }
                }
            });
        },
    );
    picked
}

fn toolbar_ui(ui: &mut egui::Ui, state: &mut GridState, cx: &GridContext<'_>, edit: &mut Option<Edit>) {
    let lang = cx.lang;
    ui.horizontal(|ui| {
        if state.sheet.has_row_ops() {
            if ui.button(tr(lang, K::AddRow)).on_hover_text(tr(lang, K::AddRowHint)).clicked() {
                *edit = insert_row(state, cx);
            }
            if ui.button(tr(lang, K::DeleteRows)).on_hover_text(tr(lang, K::DeleteRowsHint)).clicked() {
                *edit = delete_rows(state, cx);
            }
        }
        if state.sort.is_some() && ui.button(tr(lang, K::Unsort)).clicked() {
            state.sort = None;
        }
        let total = sheets::row_count(cx.project, state.sheet);
        ui.label(RichText::new(format!("{} {} / {}", tr(lang, K::RowsShown), state.view.len(), total)).weak());
        ui.label(RichText::new(tr(lang, K::GridHint)).weak().small());
    });
    if let Some(m) = &state.message {
        ui.colored_label(ui.visuals().error_fg_color, m);
    }
}

fn start_editing(state: &mut GridState, cx: &GridContext<'_>, typed: Option<String>) {
    let Some(&mr) = state.view.get(state.cursor.0) else { return };
    let col = state.cursor.1;
    if !sheets::is_editable(state.sheet, col) {
        state.message = Some(tr(cx.lang, K::ErrReadOnly).to_string());
        return;
    }
    let kind = sheets::kind(state.sheet, mr, col);
    state.editing = Some(match typed {
        Some(text) => Editing::Text { buf: text, fresh: true },
        None if kind.is_choice() => {
            let current = sheets::get(cx.project, state.sheet, mr, col);
            let highlighted =
                sheets::choices(cx.project, kind, cx.lang).iter().position(|(v, _)| *v == current).unwrap_or(0);
            Editing::Choice { highlighted }
        }
        None => {
            let v = sheets::get(cx.project, state.sheet, mr, col);
            // Numbers are edited without group separators and units, as they are typed.
            let text = if kind.is_numeric() || matches!(v, Value::Weights(_)) {
                sheets::copy_text(&v, kind, cx.loc())
            } else {
                sheets::display(&v, kind, cx.loc())
            };
            Editing::Text { buf: text, fresh: true }
        }
    });
}

/// The edit setting the cursor's cell to `v`.
fn set_cursor_cell(state: &mut GridState, cx: &GridContext<'_>, v: Value) -> Option<Edit> {
    let &mr = state.view.get(state.cursor.0)?;
    let col = state.cursor.1;
    let old = sheets::get(cx.project, state.sheet, mr, col);
    state.message = None;
    Some(with_renames(cx.project, Edit::SetCell { sheet: state.sheet, row: mr, col, old, new: v }))
}

/// Renaming a channel or a direction renames it on every sheet that refers to it, in the same
/// undo step, so that its budget, funnel, plan and revenue rows stay attached to it.
pub fn with_renames(p: &Project, edit: Edit) -> Edit {
    let Edit::SetCell { sheet, col: 0, old: Value::Text(old), new: Value::Text(new), .. } = &edit else {
        return edit;
    };
    let kind = match sheet {
        Sheet::Channels => Kind::Channel,
        Sheet::Directions => Kind::Direction,
        _ => return edit,
    };
    if old == new || old.is_empty() {
        return edit;
    }
    let mut edits = vec![edit.clone()];
    for s in Sheet::ALL {
        for (c, column) in s.grid_columns().iter().enumerate() {
            if column.kind != kind {
                continue;
            }
            for r in 0..sheets::row_count(p, s) {
                if matches!(sheets::get(p, s, r, c), Value::Text(t) if t == *old) {
                    let (old, new) = (Value::Text(old.clone()), Value::Text(new.clone()));
                    edits.push(Edit::SetCell { sheet: s, row: r, col: c, old, new });
                }
            }
        }
    }
    if edits.len() == 1 { edit } else { Edit::Batch(edits) }
}

/// Ends text editing: parses the text and returns the edit, or keeps editing with a message.
fn commit(state: &mut GridState, cx: &GridContext<'_>) -> Option<Edit> {
    let Some(Editing::Text { buf, .. }) = state.editing.clone() else {
        state.editing = None;
        return None;
    };
    let &mr = state.view.get(state.cursor.0)?;
    let col = state.cursor.1;
    match sheets::parse(cx.project, state.sheet, mr, col, &buf, cx.lang) {
        Ok(v) => {
            state.editing = None;
            set_cursor_cell(state, cx, v)
        }
        Err(msg) => {
            let header = tr(cx.lang, state.sheet.grid_columns()[col].label);
            state.message = Some(format!("{header}: {msg}"));
            None
        }
    }
}

/// Tab and Shift+Tab: one column right or left, wrapping to the next (previous) row at the edge,
/// as in a spreadsheet's data entry.
fn tab(state: &mut GridState, back: bool, ncols: usize) {
    let (r, c) = state.cursor;
    let last_c = ncols.saturating_sub(1);
    let last_r = state.view.len().saturating_sub(1);
    state.cursor = match (back, c) {
        (false, c) if c < last_c => (r, c + 1),
        (false, _) if r < last_r => (r + 1, 0),
        (true, 0) if r > 0 => (r - 1, last_c),
        (true, c) if c > 0 => (r, c - 1),
        _ => (r, c),
    };
    state.anchor = state.cursor;
    state.scroll_to_cursor = true;
}

fn move_cursor(state: &mut GridState, dr: isize, dc: isize, jump: bool, extend: bool, ncols: usize) {
    let last_r = state.view.len().saturating_sub(1);
    let last_c = ncols.saturating_sub(1);
    let (r, c) = state.cursor;
    let r = if jump && dr != 0 { if dr < 0 { 0 } else { last_r } } else { r.saturating_add_signed(dr).min(last_r) };
    let c = if jump && dc != 0 { if dc < 0 { 0 } else { last_c } } else { c.saturating_add_signed(dc).min(last_c) };
    state.cursor = (r, c);
    if !extend {
        state.anchor = state.cursor;
    }
    state.scroll_to_cursor = true;
}

/// Handles the keyboard and clipboard events of this frame.
fn keyboard(ui: &mut egui::Ui, state: &mut GridState, cx: &GridContext<'_>, grid_id: egui::Id) -> Option<Edit> {
    let ncols = state.sheet.grid_columns().len();
    let events = ui.input(|i| i.events.clone());
    let mut edit = None;
    let mut consumed_text = false;
    for event in events {
        match (&state.editing, event) {
            (Some(Editing::Text { .. }), Event::Key { key, pressed: true, modifiers, .. }) => {
                // Tab is (0, ±2), a marker for "wrap at the row's edge".
                let step = match key {
                    Key::Enter if modifiers.shift => Some((-1, 0)),
                    Key::Enter => Some((1, 0)),
                    Key::Tab if modifiers.shift => Some((0, -2)),
                    Key::Tab => Some((0, 2)),
                    Key::ArrowUp => Some((-1, 0)),
                    Key::ArrowDown => Some((1, 0)),
                    Key::Escape => {
                        state.editing = None;
                        state.message = None;
                        state.want_focus = true;
                        None
                    }
                    _ => None,
                };
                if let Some((dr, dc)) = step {
                    let e = commit(state, cx);
                    if state.editing.is_none() {
                        edit = e;
                        if dc == 0 {
                            move_cursor(state, dr, dc, false, false, ncols);
                        } else {
                            tab(state, dc < 0, ncols);
                        }
                        state.want_focus = true;
                    }
                }
            }
            (Some(Editing::Choice { highlighted }), Event::Key { key, pressed: true, .. }) => {
                let h = *highlighted;
                let kind = state.view.get(state.cursor.0).map(|&mr| sheets::kind(state.sheet, mr, state.cursor.1));
                let options = kind.map(|k| sheets::choices(cx.project, k, cx.lang)).unwrap_or_default();
                match key {
                    Key::ArrowDown => {
                        state.editing =
                            Some(Editing::Choice { highlighted: (h + 1).min(options.len().saturating_sub(1)) })
                    }
                    Key::ArrowUp => state.editing = Some(Editing::Choice { highlighted: h.saturating_sub(1) }),
                    Key::Enter | Key::Tab => {
                        if let Some((v, _)) = options.get(h) {
                            edit = set_cursor_cell(state, cx, v.clone());
                        }
                        state.editing = None;
                        if key == Key::Tab {
                            tab(state, false, ncols);
                        }
                    }
                    Key::Escape => state.editing = None,
                    _ => {}
                }
            }
            (Some(_), _) => {}
            (None, Event::Key { key, pressed: true, modifiers, .. }) => {
                let jump = modifiers.command;
                let extend = modifiers.shift;
                match key {
                    Key::ArrowUp => move_cursor(state, -1, 0, jump, extend, ncols),
                    // Alt+Down opens a list cell's choices, as in a spreadsheet.
                    Key::ArrowDown if modifiers.alt => start_editing(state, cx, None),
                    Key::ArrowDown => move_cursor(state, 1, 0, jump, extend, ncols),
                    Key::ArrowLeft => move_cursor(state, 0, -1, jump, extend, ncols),
                    Key::ArrowRight => move_cursor(state, 0, 1, jump, extend, ncols),
                    Key::Tab => tab(state, extend, ncols),
                    Key::Enter => move_cursor(state, if extend { -1 } else { 1 }, 0, false, false, ncols),
                    Key::Home => move_cursor(state, if jump { -1 } else { 0 }, -1, true, extend, ncols),
                    Key::End => move_cursor(state, if jump { 1 } else { 0 }, 1, true, extend, ncols),
                    Key::PageUp => move_cursor(state, -20, 0, false, extend, ncols),
                    Key::PageDown => move_cursor(state, 20, 0, false, extend, ncols),
                    Key::F2 => start_editing(state, cx, None),
                    Key::Space if !modifiers.any() => {
                        let kind =
                            state.view.get(state.cursor.0).map(|&mr| sheets::kind(state.sheet, mr, state.cursor.1));
                        if kind.is_some_and(Kind::is_choice) {
                            start_editing(state, cx, None);
                            consumed_text = true;
                        }
                    }
                    Key::Delete | Key::Backspace => edit = clear_range(state, cx),
                    Key::D if modifiers.command => edit = fill_down(state, cx),
                    Key::A if modifiers.command => {
                        state.anchor = (0, 0);
                        state.cursor = (state.view.len().saturating_sub(1), ncols.saturating_sub(1));
                    }
                    Key::Escape => state.message = None,
                    _ => {}
                }
            }
            (None, Event::Text(t)) if !consumed_text && !t.chars().all(char::is_control) => {
                start_editing(state, cx, Some(t));
                consumed_text = true;
            }
            (None, Event::Copy) => copy_range(ui, state, cx),
            (None, Event::Cut) => {
                copy_range(ui, state, cx);
                edit = clear_range(state, cx);
            }
            (None, Event::Paste(text)) => edit = paste(state, cx, &text),
            _ => {}
        }
    }
    if consumed_text {
        // The editor opens this frame and would read the same keystroke again.
        ui.input_mut(|i| i.events.retain(|e| !matches!(e, Event::Text(_))));
    }
    if state.editing.is_none() && ui.memory(|m| m.focused().is_none()) && state.want_focus {
        ui.memory_mut(|m| m.request_focus(grid_id));
    }
    if edit.is_some() {
        ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::D));
    }
    edit
}

fn copy_range(ui: &egui::Ui, state: &GridState, cx: &GridContext<'_>) {
    let (r0, r1, c0, c1) = state.range();
    let mut out = String::new();
    for vr in r0..=r1 {
        let Some(&mr) = state.view.get(vr) else { break };
        let cells: Vec<String> = (c0..=c1)
            .map(|c| {
                sheets::copy_text(
                    &sheets::get(cx.project, state.sheet, mr, c),
                    sheets::kind(state.sheet, mr, c),
                    cx.loc(),
                )
            })
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    ui.ctx().copy_text(out);
}

/// Where new rows take their month, direction and channel from.
fn defaults_for(state: &GridState, cx: &GridContext<'_>, near_model_row: Option<usize>) -> RowDefaults {
    let p = cx.project;
    let mut d = RowDefaults {
        month: cx.filter.to.or(cx.filter.from),
        direction: cx.filter.direction.clone(),
        channel: cx.filter.channel.clone(),
        branch: cx.filter.branch.clone(),
    };
    if let Some(r) = near_model_row {
        let (months, direction, channel) = sheets::row_keys(p, state.sheet, r);
        if let Some((m, _)) = months {
            d.month = Some(m);
        }
        if d.direction.is_none() {
            d.direction = direction.map(String::from);
        }
        if d.channel.is_none() {
            d.channel = channel.map(String::from);
        }
    }
    if d.month.is_none() {
        d.month = latest_month(p);
    }
    d
}

fn latest_month(p: &Project) -> Option<Month> {
    let plan = p.plan.iter().map(|r| r.month);
    let revenue = p.revenue.iter().map(|r| Month::of(r.date));
    plan.chain(revenue).max()
}

fn insert_row(state: &mut GridState, cx: &GridContext<'_>) -> Option<Edit> {
    let near = state.view.get(state.cursor.0).copied();
    let at = near.map_or(sheets::row_count(cx.project, state.sheet), |r| r + 1);
    let row = sheets::blank_row(cx.project, state.sheet, &defaults_for(state, cx, near))?;
    state.pending_model_row = Some(at);
    state.view_key = None;
    state.message = None;
    Some(Edit::InsertRows { sheet: state.sheet, at, rows: vec![row] })
}

fn delete_rows(state: &mut GridState, cx: &GridContext<'_>) -> Option<Edit> {
    let (r0, r1, _, _) = state.range();
    let mut model_rows: Vec<usize> = (r0..=r1).filter_map(|vr| state.view.get(vr).copied()).collect();
    // Delete from the bottom up so the indices of the rows still to delete stay valid.
    model_rows.sort_unstable_by(|a, b| b.cmp(a));
    let mut scratch_rows = Vec::new();
    for mr in model_rows {
        let row = whole_row(cx.project, state.sheet, mr)?;
        scratch_rows.push(Edit::DeleteRows { sheet: state.sheet, at: mr, rows: vec![row] });
    }
    state.anchor = state.cursor;
    state.message = None;
    (!scratch_rows.is_empty()).then_some(Edit::Batch(scratch_rows))
}

/// A copy of one model row as a [`Row`].
fn whole_row(p: &Project, sheet: Sheet, r: usize) -> Option<Row> {
    Some(match sheet {
        Sheet::Settings => return None,
        Sheet::Directions => Row::Direction(p.directions.get(r)?.clone()),
        Sheet::Channels => Row::Channel(p.channels.get(r)?.clone()),
        Sheet::Plan => Row::Plan(p.plan.get(r)?.clone()),
        Sheet::Budget => Row::Budget(p.budget.get(r)?.clone()),
        Sheet::Funnel => Row::Funnel(p.funnel.get(r)?.clone()),
        Sheet::Revenue => Row::Revenue(p.revenue.get(r)?.clone()),
        Sheet::Doctors => Row::Doctor(p.doctors.get(r)?.clone()),
        Sheet::Nps => Row::Nps(p.nps.get(r)?.clone()),
        Sheet::Calls => Row::Call(p.calls.get(r)?.clone()),
    })
}

fn clear_range(state: &mut GridState, cx: &GridContext<'_>) -> Option<Edit> {
    let (r0, r1, c0, c1) = state.range();
    let mut edits = Vec::new();
    let mut kept = 0;
    for vr in r0..=r1 {
        let Some(&mr) = state.view.get(vr) else { break };
        for c in c0..=c1 {
            if !sheets::is_editable(state.sheet, c) {
                continue;
            }
            if sheets::is_required(state.sheet, mr, c) {
                kept += 1;
                continue;
            }
            let old = sheets::get(cx.project, state.sheet, mr, c);
            edits.push(Edit::SetCell { sheet: state.sheet, row: mr, col: c, old, new: Value::Empty });
        }
    }
    state.message = (kept > 0).then(|| tr(cx.lang, K::RequiredKept).to_string());
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

fn fill_down(state: &mut GridState, cx: &GridContext<'_>) -> Option<Edit> {
    let (r0, r1, c0, c1) = state.range();
    // A single row fills from the row above, as in a spreadsheet.
    let (src, first) = if r0 == r1 { (r0.checked_sub(1)?, r0) } else { (r0, r0 + 1) };
    let &src_mr = state.view.get(src)?;
    let mut edits = Vec::new();
    for vr in first..=r1 {
        let Some(&mr) = state.view.get(vr) else { break };
        for c in c0..=c1 {
            if !sheets::is_editable(state.sheet, c) {
                continue;
            }
            let new = sheets::get(cx.project, state.sheet, src_mr, c);
            let old = sheets::get(cx.project, state.sheet, mr, c);
            edits.push(Edit::SetCell { sheet: state.sheet, row: mr, col: c, old, new });
        }
    }
    state.message = None;
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// Builds the edit pasting a TSV block at the cursor, growing the sheet with new rows when the
/// block runs past its end. Nothing is pasted when any cell is refused.
fn paste(state: &mut GridState, cx: &GridContext<'_>, text: &str) -> Option<Edit> {
    let sheet = state.sheet;
    let lang = cx.lang;
    let block = parse_tsv(text);
    if block.is_empty() {
        return None;
    }
    let ncols = sheet.grid_columns().len();
    // One value pasted over a range fills the range.
    let (r0, r1, c0, c1) = state.range();
    let single = block.len() == 1 && block[0].len() == 1;
    let (start_r, start_c) = if single { (r0, c0) } else { state.cursor };
    let rows = if single { r1 - r0 + 1 } else { block.len() };
    let width = if single { c1 - c0 + 1 } else { block.iter().map(Vec::len).max().unwrap_or(0) };
    let cell =
        |i: usize, j: usize| if single { block[0][0].as_str() } else { block[i].get(j).map_or("", String::as_str) };

    let existing = state.view.len();
    let needed_new = (start_r + rows).saturating_sub(existing);
    if needed_new > 0 && !sheet.has_row_ops() {
        state.message = Some(tr(lang, K::ErrPastePastEnd).to_string());
        return None;
    }
    let count = sheets::row_count(cx.project, sheet);
    let near = state.view.last().copied();
    let defaults = defaults_for(state, cx, near);
    let mut scratch = Project::new();
    scratch.settings = cx.project.settings.clone();
    let mut new_rows = Vec::new();
    for _ in 0..needed_new {
        new_rows.push(sheets::blank_row(cx.project, sheet, &defaults)?);
    }
    if sheets::insert_rows(&mut scratch, sheet, 0, new_rows).is_err() {
        return None;
    }

    let mut edits = Vec::new();
    let mut ignored_cols = false;
    for i in 0..rows {
        let vr = start_r + i;
        let target = state.view.get(vr).copied();
        for j in 0..width {
            let c = start_c + j;
            if c >= ncols {
                ignored_cols = true;
                continue;
            }
            if !sheets::is_editable(sheet, c) {
                continue;
            }
            let raw = cell(i, j);
            let mr_for_kind = target.unwrap_or(0);
            let value = match sheets::parse(cx.project, sheet, mr_for_kind, c, raw, lang) {
                Ok(v) => v,
                Err(msg) => {
                    state.message = Some(format!(
                        "{} {} {}, {}: {msg}",
                        tr(lang, K::PasteRefused),
                        tr(lang, K::Row),
                        i + 1,
                        tr(lang, sheet.grid_columns()[c].label)
                    ));
                    return None;
                }
            };
            match target {
                Some(mr) => {
                    let old = sheets::get(cx.project, sheet, mr, c);
                    edits.push(Edit::SetCell { sheet, row: mr, col: c, old, new: value });
                }
                None => {
                    let k = vr - existing;
                    if sheets::set(&mut scratch, sheet, k, c, value).is_err() {
                        return None;
                    }
                }
            }
        }
    }
    if needed_new > 0 {
        let rows = sheets::take_rows(&mut scratch, sheet, 0, needed_new).ok()?;
        edits.push(Edit::InsertRows { sheet, at: count, rows });
    }
    state.message = ignored_cols.then(|| tr(lang, K::PasteExtraColumns).to_string());
    state.anchor = (start_r, start_c);
    state.cursor = (start_r + rows - 1, (start_c + width - 1).min(ncols - 1));
    Some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_from_spreadsheets() {
        assert_eq!(parse_tsv("a\tb\r\n1\t2\r\n"), vec![vec!["a", "b"], vec!["1", "2"]]);
        assert_eq!(parse_tsv("\"x \"\"y\"\"\"\t3\n"), vec![vec!["x \"y\"", "3"]]);
        assert_eq!(parse_tsv("5\n\n"), vec![vec!["5"]]);
    }
}
