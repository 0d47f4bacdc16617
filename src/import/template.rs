//! The template workbook's sheets → a [`Project`]: which sheet is which, and one loader per sheet.
//!
//! Works on ranges already read from the file, so it never touches the disk.

use std::collections::HashSet;

use super::Problem;
use super::cells::{
    CellRef, ValueError, cell_day, cell_display, cell_is_blank, cell_nps_period, cell_nps_score, cell_number,
    cell_text, cell_whole_number, normalize_key, parse_day_list, parse_nps_scale, parse_tier, parse_weekday_weights,
    split_sources,
};
use super::grid::SheetGrid;
use super::problem::{Consequence, ProblemKind};
use super::schema::SettingKey;
use super::sheet::{SheetContext, Table};
use super::validate::{Origins, flag_suspicious};
use crate::model::{
    BudgetRow, CallRow, Channel, Direction, DoctorRow, FunnelRow, Month, NpsRow, PlanRow, Project, RevenueRow,
    Settings, Sheet, Tier,
};

/// What the importer needs from a workbook: every sheet's name (in workbook order), the cells of
/// the sheets it reads, and the date epoch.
pub(crate) struct SheetData {
    /// Sheet name as written in the file.
    pub name: String,
    /// Its values; `None` for sheets that were not read (not template sheets).
    pub range: Option<SheetGrid>,
    /// Whether it is a worksheet (not a chart, dialog or macro sheet).
    pub is_table: bool,
}

impl SheetData {
    /// The template sheet this one is, if it is a worksheet with a template sheet's name.
    pub fn kind(&self) -> Option<Sheet> {
        if self.is_table { Sheet::from_sheet_name(&self.name) } else { None }
    }
}

const ROW_LEFT_OUT: Consequence = Consequence::RowLeftOut;

/// Reads the template sheets of a workbook into a project. `file` is the name problems use.
pub(crate) fn read_template(file: &str, sheets: &[SheetData], is_1904: bool) -> (Project, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut project = Project::new();
    let mut origins = Origins::default();

    // Which sheet is which: the first sheet of each kind is read, others get a notice.
    let mut chosen: Vec<(Sheet, &SheetData)> = Vec::new();
    for sheet in sheets {
        if !sheet.is_table {
            problems.push(Problem::notice(file, ProblemKind::ChartSheet).in_sheet(&sheet.name));
            continue;
        }
        match sheet.kind() {
            Some(kind) => match chosen.iter().find(|(k, _)| *k == kind) {
                Some((_, first)) => problems.push(
                    Problem::notice(file, ProblemKind::SecondSheet { kind, first: first.name.clone() })
                        .in_sheet(&sheet.name),
                ),
                None => chosen.push((kind, sheet)),
            },
            None => problems.push(Problem::notice(file, ProblemKind::UnknownSheet).in_sheet(&sheet.name)),
        }
    }

    for kind in Sheet::ALL {
        let Some((_, sheet)) = chosen.iter().find(|(k, _)| *k == kind) else {
            problems.push(Problem::notice(file, ProblemKind::NoSheet(kind)));
            continue;
        };
        let empty = SheetGrid::default();
        let range = sheet.range.as_ref().unwrap_or(&empty);
        let mut ctx =
            SheetContext { file, sheet: &sheet.name, kind, is_1904, problems: &mut problems, loaded: Vec::new() };
        if range.is_empty() || range.rows().all(|(_, row)| row.iter().all(cell_is_blank)) {
            ctx.notice(ProblemKind::EmptySheet(kind));
            continue;
        }
        if kind == Sheet::Settings {
            project.settings = read_settings(&mut ctx, range);
            continue;
        }
        let table = match ctx.locate(range) {
            Ok(table) => table,
            Err(missing) => {
                ctx.report_missing(&missing);
                continue;
            }
        };
        match kind {
            Sheet::Settings => {}
            Sheet::Directions => project.directions = read_directions(&mut ctx, &table),
            Sheet::Channels => project.channels = read_channels(&mut ctx, &table),
            Sheet::Plan => project.plan = read_plan(&mut ctx, &table),
            Sheet::Budget => project.budget = read_budget(&mut ctx, &table),
            Sheet::Funnel => project.funnel = read_funnel(&mut ctx, &table),
            Sheet::Revenue => {
                project.revenue = read_revenue(&mut ctx, &table);
                settle_month_rows(&mut ctx, &mut project.revenue);
            }
            Sheet::Doctors => project.doctors = read_doctors(&mut ctx, &table),
            Sheet::Calls => project.calls = read_calls(&mut ctx, &table),
            Sheet::Nps => {
                let scale = project.settings.nps_scale;
                project.nps = read_nps(&mut ctx, &table, scale);
            }
        }
        origins.set(kind, &sheet.name, ctx.loaded);
    }
    let mut suspicious = flag_suspicious(&mut project, file, &origins);
    problems.append(&mut suspicious);
    (project, problems)
}

// ---------------------------------------------------------------------------------------------
// Settings

fn read_settings(ctx: &mut SheetContext<'_>, range: &SheetGrid) -> Settings {
    let table = match ctx.locate(range) {
        Ok(table) => table,
        Err(missing) => {
            // A hand-kept Settings sheet often has no header: key in the first column, value next.
            let first_col_has_key =
                range.rows().take(20).any(|(_, row)| SettingKey::from_text(&cell_display(row.get(0))).is_some());
            if !first_col_has_key {
                ctx.report_missing(&missing);
                return Settings::default();
            }
            let cols = Sheet::Settings.columns();
            ctx.headerless(range, vec![(&cols[0], 0), (&cols[1], 1)])
        }
    };
    let mut settings = Settings::default();
    let mut seen: HashSet<&'static str> = HashSet::new();
    let mut repeated: Vec<(u32, &'static str)> = Vec::new();
    let mut unknown: Vec<(u32, String)> = Vec::new();
    ctx.load_rows(&table, &[], Consequence::DefaultKept, |row| {
        let key_text = row.text("key")?;
        let Some(key) = SettingKey::from_text(&key_text) else {
            unknown.push((row.row, key_text));
            return None;
        };
        if row.is_blank("value") {
            return None;
        }
        if key != SettingKey::Holidays && !seen.insert(key.key()) {
            repeated.push((row.row, key.key()));
        }
        match key {
            SettingKey::Clinic => settings.clinic = row.text("value")?,
            SettingKey::Currency => settings.currency = currency_code(&row.text("value")?),
            SettingKey::NpsScale => {
                settings.nps_scale = row.read("value", |c| parse_nps_scale(&cell_display(c)).map(Some))?
            }
            SettingKey::WeekdayWeights => {
                settings.weekday_weights = row.read("value", |c| match c {
                    CellRef::String(s) => parse_weekday_weights(s).map(Some),
                    _ => Err(ValueError::NotWeekdayWeights(cell_display(c))),
                })?;
            }
            SettingKey::Holidays => {
                let is_1904 = row.is_1904();
                let days = row.read("value", |c| match c {
                    CellRef::String(s) => parse_day_list(s).map(Some),
                    _ => cell_day(c, is_1904).map(|d| d.map(|d| vec![d])),
                })?;
                // Repeated holidays rows add up.
                settings.holidays.extend(days);
            }
            SettingKey::FixedCosts => settings.fixed_costs = row.read("value", cell_number)?,
            SettingKey::DedupeDays => settings.dedupe_days = row.read("value", cell_whole_number)?,
            SettingKey::AttributionDays => settings.attribution_days = row.read("value", cell_whole_number)?,
            SettingKey::AnswerRateTarget => settings.answer_rate_target = row.share("value")?,
            SettingKey::KeyFingerprint => settings.key_fingerprint = row.text("value")?,
        }
        Some(())
    });
    for (row, text) in unknown {
        ctx.row_notice(row, ProblemKind::UnknownSetting(text));
    }
    for (row, key) in repeated {
        ctx.row_notice(row, ProblemKind::SettingRepeated(key));
    }
    settings
}

/// The currency as a code: rouble spellings become `RUB`, other text is kept (upper-cased).
fn currency_code(text: &str) -> String {
    match normalize_key(text).as_str() {
        "" | "руб" | "рубль" | "рубли" | "рублей" | "р" | "rub" | "rur" => "RUB".to_string(),
        _ if text.trim() == "₽" => "RUB".to_string(),
        _ => text.trim().to_uppercase(),
    }
}

// ---------------------------------------------------------------------------------------------
// Directions and channels

fn read_directions(ctx: &mut SheetContext<'_>, table: &Table<'_>) -> Vec<Direction> {
    let mut seen = HashSet::new();
    let mut repeated = Vec::new();
    let out = ctx.load_rows(table, &[], ROW_LEFT_OUT, |row| {
        let name = row.text("direction");
        let name = row.required("direction", name);
        let margin = row.share("margin");
        let margin = row.required("margin", margin);
        let visits_per_patient = row.number("visits_per_patient");
        let name = name?;
        if !seen.insert(normalize_key(&name)) {
            repeated.push((row.row, name));
            return None;
        }
        Some(Direction { name, margin: margin?, visits_per_patient })
    });
    for (row, name) in repeated {
        ctx.row_notice(row, ProblemKind::DirectionRepeated(name));
    }
    out
}

fn read_channels(ctx: &mut SheetContext<'_>, table: &Table<'_>) -> Vec<Channel> {
    let mut seen = HashSet::new();
    let mut repeated = Vec::new();
    let mut untiered = Vec::new();
    let out = ctx.load_rows(table, &[], ROW_LEFT_OUT, |row| {
        let name = row.text("channel");
        let name = row.required("channel", name);
        let tier = row.read("tier", |c| match cell_text(c)? {
            Some(text) => parse_tier(&text),
            None => Ok(None),
        });
        let kind = row.text("kind").unwrap_or_default();
        let sources = row.text("sources").map(|s| split_sources(&s)).unwrap_or_default();
        let name = name?;
        if !seen.insert(normalize_key(&name)) {
            repeated.push((row.row, name));
            return None;
        }
        if tier.is_none() && row.is_blank("tier") {
            untiered.push(row.row);
        }
        Some(Channel { name, tier: tier.unwrap_or(Tier::Experiment), kind, sources })
    });
    for (row, name) in repeated {
        ctx.row_notice(row, ProblemKind::ChannelRepeated(name));
    }
    if !untiered.is_empty() {
        ctx.notice(ProblemKind::Untiered(untiered));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Monthly and daily facts

fn read_plan(ctx: &mut SheetContext<'_>, table: &Table<'_>) -> Vec<PlanRow> {
    let values = [
        "revenue_plan",
        "leads_plan",
        "booking_rate_plan",
        "show_rate_plan",
        "paid_rate_plan",
        "revenue_per_paid_plan",
    ];
    ctx.load_rows(table, &values, ROW_LEFT_OUT, |row| {
        let month = row.month("month");
        let month = row.required("month", month);
        let direction = row.text("direction");
        let revenue_plan = row.number("revenue_plan");
        let revenue_plan = row.required("revenue_plan", revenue_plan);
        Some(PlanRow {
            branch: row.text("branch"),
            leads_plan: row.number("leads_plan"),
            booking_rate_plan: row.share("booking_rate_plan"),
            show_rate_plan: row.share("show_rate_plan"),
            paid_rate_plan: row.share("paid_rate_plan"),
            revenue_per_paid_plan: row.number("revenue_per_paid_plan"),
            month: month?,
            direction,
            revenue_plan: revenue_plan?,
        })
    })
}

fn read_budget(ctx: &mut SheetContext<'_>, table: &Table<'_>) -> Vec<BudgetRow> {
    ctx.load_rows(table, &["budget_plan", "spend"], ROW_LEFT_OUT, |row| {
        let month = row.month("month");
        let month = row.required("month", month);
        let channel = row.text("channel");
        let channel = row.required("channel", channel);
        let budget_plan = row.number("budget_plan");
        let spend = row.number("spend");
        Some(BudgetRow { branch: row.text("branch"), month: month?, channel: channel?, budget_plan, spend })
    })
}

fn read_funnel(ctx: &mut SheetContext<'_>, table: &Table<'_>) -> Vec<FunnelRow> {
    let values = ["leads", "bookings", "visits", "paid", "revenue", "returning_leads"];
    ctx.load_rows(table, &values, ROW_LEFT_OUT, |row| {
        let month = row.month("month");
        let month = row.required("month", month);
        let channel = row.name("channel");
        let channel = row.required("channel", channel);
        Some(FunnelRow {
            branch: row.name("branch"),
            direction: row.name("direction"),
            leads: row.number("leads"),
            bookings: row.number("bookings"),
            visits: row.number("visits"),
            paid: row.number("paid"),
            revenue: row.number("revenue"),
            returning_leads: row.number("returning_leads"),
            month: month?,
            channel: channel?,
        })
    })
}

fn read_revenue(ctx: &mut SheetContext<'_>, table: &Table<'_>) -> Vec<RevenueRow> {
    let values = ["revenue", "checks", "new_patients", "repeat_patients"];
    ctx.load_rows(table, &values, ROW_LEFT_OUT, |row| {
        let date = row.day_or_month("date");
        let date = row.required("date", date);
        let revenue = row.number("revenue");
        let revenue = row.required("revenue", revenue);
        let (date, month_row) = date?;
        Some(RevenueRow {
            branch: row.text("branch"),
            month_row,
            direction: row.text("direction"),
            checks: row.number("checks"),
            new_patients: row.number("new_patients"),
            repeat_patients: row.number("repeat_patients"),
            date,
            revenue: revenue?,
        })
    })
}

/// The contract's rules for Revenue month rows, applied once the sheet is read: day rows that all
/// fall on the 1st are a marketer's monthly totals typed as dates, so they become month rows; and
/// a month that has both kinds for one direction sums them, which the user should hear about.
fn settle_month_rows(ctx: &mut SheetContext<'_>, rows: &mut [RevenueRow]) {
    use chrono::Datelike;
    let day_rows = rows.iter().filter(|r| !r.month_row);
    if day_rows.clone().count() > 0 && day_rows.clone().all(|r| r.date.day() == 1) {
        for r in rows.iter_mut() {
            r.month_row = true;
        }
        ctx.notice(ProblemKind::RevenueAsMonths);
        return;
    }
    let months_with_month_rows: std::collections::BTreeSet<(Month, Option<&str>, Option<&str>)> = rows
        .iter()
        .filter(|r| r.month_row)
        .map(|r| (Month::of(r.date), r.direction.as_deref(), r.branch.as_deref()))
        .collect();
    let mixed: std::collections::BTreeSet<Month> = rows
        .iter()
        .filter(|r| {
            !r.month_row
                && months_with_month_rows.contains(&(Month::of(r.date), r.direction.as_deref(), r.branch.as_deref()))
        })
        .map(|r| Month::of(r.date))
        .collect();
    if !mixed.is_empty() {
        ctx.notice(ProblemKind::RevenueMixed(mixed.into_iter().collect()));
    }
}

fn read_doctors(ctx: &mut SheetContext<'_>, table: &Table<'_>) -> Vec<DoctorRow> {
    let values = [
        "primary_patients",
        "repeat_patients",
        "revenue",
        "hours_available",
        "hours_booked",
        "recommended",
        "agreed",
        "performed",
    ];
    ctx.load_rows(table, &values, ROW_LEFT_OUT, |row| {
        let month = row.month("month");
        let month = row.required("month", month);
        let doctor = row.text("doctor");
        let doctor = row.required("doctor", doctor);
        Some(DoctorRow {
            branch: row.text("branch"),
            direction: row.text("direction"),
            primary_patients: row.number("primary_patients"),
            repeat_patients: row.number("repeat_patients"),
            revenue: row.number("revenue"),
            hours_available: row.number("hours_available"),
            hours_booked: row.number("hours_booked"),
            recommended: row.number("recommended"),
            agreed: row.number("agreed"),
            performed: row.number("performed"),
            month: month?,
            doctor: doctor?,
        })
    })
}

/// The Calls sheet. An empty count is 0 when summed, so a clinic without telephony may type only
/// month, channel, employee, contacts and answered.
fn read_calls(ctx: &mut SheetContext<'_>, table: &Table<'_>) -> Vec<CallRow> {
    let values = [
        "contacts",
        "answered",
        "lost",
        "callbacks_20m",
        "callbacks",
        "recalled",
        "calls_in",
        "wait_seconds",
        "talk_seconds",
    ];
    ctx.load_rows(table, &values, ROW_LEFT_OUT, |row| {
        let month = row.month("month");
        let month = row.required("month", month);
        Some(CallRow {
            branch: row.text("branch"),
            channel: row.text("channel"),
            employee: row.text("employee"),
            contacts: row.number("contacts"),
            answered: row.number("answered"),
            lost: row.number("lost"),
            callbacks_20m: row.number("callbacks_20m"),
            callbacks: row.number("callbacks"),
            recalled: row.number("recalled"),
            calls_in: row.number("calls_in"),
            wait_seconds: row.number("wait_seconds"),
            talk_seconds: row.number("talk_seconds"),
            month: month?,
        })
    })
}

fn read_nps(ctx: &mut SheetContext<'_>, table: &Table<'_>, scale: crate::model::NpsScale) -> Vec<NpsRow> {
    ctx.load_rows(table, &["count"], ROW_LEFT_OUT, |row| {
        let is_1904 = row.is_1904();
        let period = row.read("period", |c| cell_nps_period(c, is_1904));
        let period = row.required("period", period);
        let score = row.read("score", |c| cell_nps_score(c, scale));
        let score = row.required("score", score);
        let count = row.number("count");
        let count = row.required("count", count);
        Some(NpsRow {
            branch: row.text("branch"),
            period: period?,
            direction: row.text("direction"),
            score: score?,
            count: count?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currencies() {
        assert_eq!(currency_code("руб."), "RUB");
        assert_eq!(currency_code("₽"), "RUB");
        assert_eq!(currency_code("Рубли"), "RUB");
        assert_eq!(currency_code("kzt"), "KZT");
        assert_eq!(currency_code(" BYN "), "BYN");
    }
}
