//! Raw exports (domain.md, "Raw exports" and "Patient data"): each rule of the join on a tiny
//! hand-made case, the readers' encodings and spellings, and the privacy guarantee end to end.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::run::medfunnel;
use chrono::NaiveDate;
use medfunnel::import::Problem;
use medfunnel::import::raw::{self, ColumnMap, ExportKind, JoinReport, RawInputs};
use medfunnel::metrics::{Filter, compute};
use medfunnel::model::{BudgetRow, Channel, Direction, DoctorRow, FunnelRow, Month, Project, Tier};

const DENT: &str = "Стоматология";
const US: &str = "УЗИ";

/// The patient key of these tests (the machine's key is never touched by them).
fn test_key() -> raw::PatientKey {
    raw::PatientKey::from_bytes([7; 32])
}

fn clinic() -> Project {
    let mut p = Project::new();
    p.directions = vec![
        Direction { name: DENT.into(), margin: 0.5, visits_per_patient: None },
        Direction { name: US.into(), margin: 0.25, visits_per_patient: None },
    ];
    p.channels = vec![
        Channel {
            name: "Яндекс".into(),
            tier: Tier::Proven,
            kind: "context".into(),
            sources: vec!["yandex".into(), "yandex.direct".into()],
        },
        Channel { name: "Сарафан".into(), tier: Tier::Scaling, kind: "referral".into(), sources: vec![] },
    ];
    p
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const LEADS_HEAD: &str = "Дата создания;Телефон;Источник;Направление;Статус;Дата записи\n";
const VISITS_HEAD: &str = "Дата приёма;Телефон;Отделение;Врач;Сумма\n";

/// Joins CSV texts (header lines included) into `project`.
fn join_csv(
    project: &mut Project,
    leads: Option<&str>,
    visits: Option<&str>,
    spend: Option<&str>,
) -> (JoinReport, Vec<Problem>) {
    let dir = tempfile::tempdir().unwrap();
    let inputs = RawInputs {
        leads: leads.map(|t| write(dir.path(), "leads.csv", t)),
        visits: visits.map(|t| write(dir.path(), "visits.csv", t)),
        spend: spend.map(|t| write(dir.path(), "spend.csv", t)),
        key: Some(test_key()),
        ..RawInputs::default()
    };
    raw::import_raw(project, &inputs).unwrap()
}

fn m(y: i32, mo: u32) -> Month {
    Month::new(y, mo).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn funnel_of<'a>(p: &'a Project, month: Month, channel: &str) -> Vec<&'a FunnelRow> {
    p.funnel.iter().filter(|r| r.month == month && r.channel == channel).collect()
}

fn sum(rows: &[&FunnelRow], f: impl Fn(&FunnelRow) -> Option<f64>) -> f64 {
    rows.iter().map(|r| f(r).unwrap_or(0.0)).sum()
}

fn errors(problems: &[Problem]) -> Vec<&Problem> {
    problems.iter().filter(|p| p.is_error()).collect()
}

#[test]
fn duplicates_inside_and_just_outside_the_window() {
    let mut p = clinic();
    p.settings.dedupe_days = 30;
    let leads = format!(
        "{LEADS_HEAD}\
         2025-01-01 10:00;+7 916 000-00-01;yandex;;;\n\
         2025-01-30 09:00;8 916 000 00 01;yandex;;;\n\
         2025-01-31;9160000001;yandex;;;\n\
         2025-02-15;79160000001;yandex;;;\n"
    );
    let (report, problems) = join_csv(&mut p, Some(&leads), None, None);
    assert!(errors(&problems).is_empty(), "{problems:?}");
    // 01-30 is 29 days after the counted 01-01: a duplicate. 01-31 is 30 days after it: counted.
    // 02-15 is 15 days after the counted 01-31 (not the duplicate): a duplicate again.
    assert_eq!((report.leads, report.counted, report.duplicates), (4, 2, 2));
    let jan = funnel_of(&p, m(2025, 1), "Яндекс");
    assert_eq!(sum(&jan, |r| r.leads), 2.0);
    assert_eq!(sum(&funnel_of(&p, m(2025, 2), "Яндекс"), |r| r.leads), 0.0);
    // February has only a duplicate, yet it is a month of the raw export.
    let k = compute(&p, &Filter::default());
    assert_eq!(k.months.iter().map(|r| r.month).collect::<Vec<_>>(), vec![m(2025, 1), m(2025, 2)]);
    assert_eq!(k.total.kpis.leads, Some(2.0));
    assert!(
        problems.iter().any(|p| !p.is_error() && p.message.to_string().contains("2 leads were duplicates")),
        "{problems:?}"
    );
}

#[test]
fn equal_created_keep_the_file_order() {
    let mut p = clinic();
    let leads = format!(
        "{LEADS_HEAD}\
         05.03.2025 14:05;9160000002;Сарафан;;;\n\
         05.03.2025 14:05;9160000002;yandex;;;\n\
         05.03.2025 09:00;9160000003;yandex;;;\n\
         05.03.2025 10:00;9160000003;Сарафан;;;\n"
    );
    let (report, _) = join_csv(&mut p, Some(&leads), None, None);
    assert_eq!(report.duplicates, 2);
    // Same minute: the first in the file counts. Different times: the earlier one counts.
    assert_eq!(sum(&funnel_of(&p, m(2025, 3), "Сарафан"), |r| r.leads), 1.0);
    assert_eq!(sum(&funnel_of(&p, m(2025, 3), "Яндекс"), |r| r.leads), 1.0);
}

#[test]
fn a_returning_patient_is_counted_apart_from_the_funnel() {
    let mut p = clinic();
    let visits = format!(
        "{VISITS_HEAD}\
         2025-01-10;9160000010;Стоматология;Смирнов;1000\n\
         2025-02-03;9160000010;Стоматология;Смирнов;2000\n\
         2025-02-01;9160000011;УЗИ;Ким;500\n"
    );
    let leads = format!(
        "{LEADS_HEAD}\
         2025-02-01;9160000010;yandex;Стоматология;;\n\
         2025-02-01;9160000011;yandex;;;\n"
    );
    let (report, _) = join_csv(&mut p, Some(&leads), Some(&visits), None);
    // Patient 10 visited on 01-10, before the lead: returning. Patient 11's first visit is the
    // lead's own day: not before it, so a new patient.
    assert_eq!((report.returning, report.counted), (1, 1));
    let feb = funnel_of(&p, m(2025, 2), "Яндекс");
    assert_eq!(sum(&feb, |r| r.returning_leads), 1.0);
    assert_eq!(sum(&feb, |r| r.leads), 1.0);
    assert_eq!(sum(&feb, |r| r.visits), 1.0);
    assert_eq!(sum(&feb, |r| r.revenue), 500.0, "the returning lead owns no visit: 2000 is not attributed");
    let returning_row = feb.iter().find(|r| r.returning_leads == Some(1.0)).unwrap();
    assert_eq!(returning_row.direction.as_deref(), Some(DENT));
    assert_eq!(returning_row.leads, Some(0.0));
    let k = compute(&p, &Filter::default());
    let ya = k.channels.iter().find(|c| c.channel == "Яндекс").unwrap();
    assert_eq!(ya.returning_leads, Some(1.0));
    assert_eq!(ya.leads, Some(1.0));
}

#[test]
fn attribution_window_ends_on_day_c_plus_attribution_days() {
    let mut p = clinic();
    p.settings.attribution_days = 30;
    let leads = format!(
        "{LEADS_HEAD}\
         2025-01-01;9160000020;yandex;;;\n\
         2025-01-01;9160000021;yandex;;;\n"
    );
    let visits = format!(
        "{VISITS_HEAD}\
         2025-01-31;9160000020;Стоматология;Смирнов;3000\n\
         2025-02-01;9160000021;УЗИ;Ким;700\n"
    );
    let (report, _) = join_csv(&mut p, Some(&leads), Some(&visits), None);
    assert_eq!(report.matched_visits, 1);
    let jan = funnel_of(&p, m(2025, 1), "Яндекс");
    assert_eq!(sum(&jan, |r| r.leads), 2.0);
    assert_eq!(sum(&jan, |r| r.visits), 1.0);
    assert_eq!(sum(&jan, |r| r.paid), 1.0);
    assert_eq!(sum(&jan, |r| r.revenue), 3000.0);
    // The lead with no direction takes its first owned visit's; the unmatched one stays blank.
    assert!(jan.iter().any(|r| r.direction.as_deref() == Some(DENT) && r.visits == Some(1.0)));
    assert!(jan.iter().any(|r| r.direction.is_none() && r.leads == Some(1.0) && r.visits == Some(0.0)));
}

#[test]
fn a_visit_goes_to_the_latest_counted_lead_and_bookings_follow_status() {
    let mut p = clinic();
    p.settings.dedupe_days = 10;
    let leads = format!(
        "{LEADS_HEAD}\
         2025-03-01;9160000030;yandex;;Новый;\n\
         2025-03-15;9160000030;Сарафан;;ЗАПИСАН на приём;\n\
         2025-03-02;9160000031;yandex;;;2025-03-20\n\
         2025-03-02;9160000032;yandex;;Paid;\n\
         2025-03-02;9160000033;yandex;;отказ;\n"
    );
    let visits = format!(
        "{VISITS_HEAD}\
         2025-03-20;9160000030;Стоматология;Смирнов;0\n\
         2025-03-21;9160000030;Стоматология;Смирнов;1 500,00 ₽\n"
    );
    let (_, _) = join_csv(&mut p, Some(&leads), Some(&visits), None);
    let ya = funnel_of(&p, m(2025, 3), "Яндекс");
    let sar = funnel_of(&p, m(2025, 3), "Сарафан");
    // Both visits are within 30 days of both leads of patient 30; the later lead (Сарафан) owns them.
    assert_eq!(sum(&sar, |r| r.visits), 1.0);
    assert_eq!(sum(&sar, |r| r.paid), 1.0);
    assert_eq!(sum(&sar, |r| r.revenue), 1500.0);
    assert_eq!(sum(&ya, |r| r.visits), 0.0);
    // Bookings: a booked day (31), a status «Paid» (32); not «Новый» (30) or «отказ» (33).
    assert_eq!(sum(&ya, |r| r.leads), 4.0);
    assert_eq!(sum(&ya, |r| r.bookings), 2.0);
    assert_eq!(sum(&sar, |r| r.bookings), 1.0);
}

#[test]
fn a_walk_in_counts_in_revenue_but_has_no_funnel_row() {
    let mut p = clinic();
    p.funnel.push(FunnelRow {
        branch: None,
        month: m(2025, 1),
        channel: "Сарафан".into(),
        direction: None,
        leads: Some(99.0),
        bookings: None,
        visits: None,
        paid: None,
        revenue: None,
        returning_leads: None,
    });
    let visits = format!(
        "{VISITS_HEAD}\
         2025-03-03;9160000040;Стоматология;Смирнов;2500\n\
         2025-03-03;;Стоматология;Смирнов;500\n\
         2025-03-03;9160000041;Стоматология;Смирнов;\n\
         2025-03-10;9160000040;Стоматология;Смирнов;1000\n"
    );
    let (report, problems) = join_csv(&mut p, None, Some(&visits), None);
    assert!(errors(&problems).is_empty(), "{problems:?}");
    assert_eq!((report.visits, report.visits_without_phone, report.patients), (4, 1, 2));
    // No leads export: the template's Funnel stays as it was.
    assert_eq!(p.funnel.len(), 1);
    let r3 = p.revenue.iter().find(|r| r.date == day("2025-03-03")).unwrap();
    assert_eq!(r3.direction.as_deref(), Some(DENT));
    assert_eq!(r3.revenue, 3000.0);
    assert_eq!(r3.checks, Some(2.0), "the empty amount is 0 and no check");
    assert_eq!(r3.new_patients, Some(2.0), "the walk-in without a phone is no patient");
    assert_eq!(r3.repeat_patients, Some(0.0));
    let r10 = p.revenue.iter().find(|r| r.date == day("2025-03-10")).unwrap();
    assert_eq!((r10.new_patients, r10.repeat_patients), (Some(0.0), Some(1.0)));
    assert_eq!(p.visits.as_deref().map(<[_]>::len), Some(4));
    assert!(problems.iter().any(|p| p.message.to_string().contains("1 visit has no phone")));
}

#[test]
fn doctors_from_visits_keep_the_templates_hours() {
    let mut p = clinic();
    p.doctors.push(DoctorRow {
        branch: None,
        month: m(2025, 1),
        doctor: "Смирнов".into(),
        direction: None,
        primary_patients: Some(50.0),
        repeat_patients: Some(50.0),
        revenue: Some(1e6),
        hours_available: Some(160.0),
        hours_booked: Some(120.0),
        recommended: Some(20.0),
        agreed: Some(15.0),
        performed: Some(5.0),
    });
    let visits = format!(
        "{VISITS_HEAD}\
         2025-01-10;9160000050;УЗИ;Смирнов;100\n\
         2025-01-11;9160000051;Стоматология;Смирнов;200\n\
         2025-01-20;9160000050;Стоматология;Смирнов;300\n\
         2025-01-21;9160000052;УЗИ;Смирнов;400\n\
         2025-02-01;9160000050;УЗИ;Ким;50\n"
    );
    let _ = join_csv(&mut p, None, Some(&visits), None);
    let jan = p.doctors.iter().find(|d| d.month == m(2025, 1) && d.doctor == "Смирнов").unwrap();
    // 2 × УЗИ and 2 × Стоматология: a tie, alphabetical first.
    assert_eq!(jan.direction.as_deref(), Some(DENT));
    assert_eq!(jan.primary_patients, Some(3.0));
    assert_eq!(jan.repeat_patients, Some(1.0));
    assert_eq!(jan.revenue, Some(1000.0));
    assert_eq!((jan.hours_available, jan.hours_booked), (Some(160.0), Some(120.0)));
    assert_eq!((jan.recommended, jan.agreed, jan.performed), (Some(20.0), Some(15.0), Some(5.0)));
    let kim = p.doctors.iter().find(|d| d.doctor == "Ким").unwrap();
    assert_eq!((kim.primary_patients, kim.repeat_patients, kim.hours_available), (Some(0.0), Some(1.0), None));
    assert_eq!(kim.direction.as_deref(), Some(US));
}

#[test]
fn spend_replaces_the_budgets_spend_and_keeps_the_plan() {
    let mut p = clinic();
    p.budget = vec![
        BudgetRow {
            branch: None,
            month: m(2025, 3),
            channel: "Яндекс".into(),
            budget_plan: Some(50_000.0),
            spend: Some(1.0),
        },
        BudgetRow {
            branch: None,
            month: m(2025, 4),
            channel: "Яндекс".into(),
            budget_plan: Some(50_000.0),
            spend: Some(7.0),
        },
    ];
    let spend = "Дата,Кампания,Расход\n\
                 01.03.2025,Yandex.Direct ,\"10 000,50\"\n\
                 15.03.2025,yandex,5000\n\
                 2025-03-02,vk,3000\n\
                 02.03.2025,VK,1000\n";
    let (report, problems) = join_csv(&mut p, None, None, Some(spend));
    assert!(errors(&problems).is_empty(), "{problems:?}");
    assert_eq!(report.spend_rows, 4);
    let row = |mo: Month, c: &str| p.budget.iter().find(|b| b.month == mo && b.channel == c).cloned().unwrap();
    assert_eq!(row(m(2025, 3), "Яндекс").spend, Some(15_000.5));
    assert_eq!(row(m(2025, 3), "Яндекс").budget_plan, Some(50_000.0));
    assert_eq!(row(m(2025, 4), "Яндекс").spend, Some(7.0), "a month the export lacks keeps its spend");
    // An unknown source becomes a channel named as first written, tier experiment; case folds.
    assert_eq!(row(m(2025, 3), "vk").spend, Some(4000.0));
    assert_eq!(row(m(2025, 3), "vk").budget_plan, None);
    assert_eq!(report.unknown_sources, vec!["vk".to_string()]);
    assert_eq!(p.channel("vk").map(|c| c.tier), Some(Tier::Experiment));
    let notice: Vec<&Problem> = problems.iter().filter(|p| p.message.to_string().contains("«vk»")).collect();
    assert_eq!(notice.len(), 1, "{problems:?}");
}

#[test]
fn an_alias_maps_a_source_and_an_unknown_source_can_be_mapped_later() {
    let base = clinic();
    let leads = format!(
        "{LEADS_HEAD}\
         2025-03-01;9160000060;  YANDEX ;;;\n\
         2025-03-02;9160000061;Yandex.Direct;;;\n\
         2025-03-03;9160000062;Подруга посоветовала;;;\n"
    );
    let mut p = base.clone();
    let (report, _) = join_csv(&mut p, Some(&leads), None, None);
    assert_eq!(sum(&funnel_of(&p, m(2025, 3), "Яндекс"), |r| r.leads), 2.0);
    assert_eq!(report.unknown_sources, vec!["Подруга посоветовала".to_string()]);
    assert!(p.channel("Подруга посоветовала").is_some());

    // The app maps the unknown source to a channel: on the joined project the rows move over…
    raw::add_alias(&mut p, "Подруга посоветовала", "сарафан").unwrap();
    assert!(p.channel("Подруга посоветовала").is_none());
    assert_eq!(sum(&funnel_of(&p, m(2025, 3), "Сарафан"), |r| r.leads), 1.0);
    // …and a fresh join with the alias counts it there directly.
    let mut q = base;
    raw::add_alias(&mut q, "Подруга посоветовала", "Сарафан").unwrap();
    let (report, _) = join_csv(&mut q, Some(&leads), None, None);
    assert!(report.unknown_sources.is_empty());
    assert_eq!(sum(&funnel_of(&q, m(2025, 3), "Сарафан"), |r| r.leads), 1.0);
    assert!(raw::add_alias(&mut q, "x", "Нет такого").is_err());
}

#[test]
fn five_spellings_of_a_phone_are_one_patient() {
    let mut p = clinic();
    p.settings.dedupe_days = 1;
    let leads = format!(
        "{LEADS_HEAD}\
         2025-03-01;+7 (916) 123-45-67;yandex;;;\n\
         2025-03-05;8 916 123 45 67;yandex;;;\n"
    );
    let visits = format!(
        "{VISITS_HEAD}\
         2025-03-01;9161234567;Стоматология;Смирнов;100\n\
         2025-03-02;79161234567;Стоматология;Смирнов;100\n\
         2025-03-03;8(916)123-4567;Стоматология;Смирнов;100\n\
         2025-03-04;+7 916 123 45 67;Стоматология;Смирнов;100\n\
         2025-03-04;123-45-67;Стоматология;Смирнов;100\n"
    );
    let (report, problems) = join_csv(&mut p, Some(&leads), Some(&visits), None);
    assert_eq!(report.patients, 1);
    assert_eq!(report.visits_without_phone, 1, "7 digits give no identity");
    // The first lead is counted and owns the four visits; the second came after a visit: returning.
    assert_eq!((report.counted, report.returning, report.matched_visits), (1, 1, 4));
    let keys: std::collections::HashSet<_> =
        p.visits.as_ref().unwrap().iter().filter_map(|v| v.patient.clone()).collect();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys.into_iter().next().unwrap(), test_key().patient("79161234567").into());
    assert!(problems.iter().all(|p| !p.message.to_string().contains("1234567")));
}

#[test]
fn a_phone_as_a_number_cell_in_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("visits.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let notes = wb.add_worksheet().set_name("Инструкция").unwrap();
    notes.write_string(0, 0, "Выгрузка из МИС").unwrap();
    let ws = wb.add_worksheet().set_name("Приёмы").unwrap();
    ws.write_string(0, 0, "Отчёт за март").unwrap();
    ws.write_row(2, 0, ["Дата визита", "Пациент", "Телефон", "Оплачено", "Отделение"]).unwrap();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 3, 5).unwrap();
    let fmt = rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy");
    ws.write_datetime_with_format(3, 0, &date, &fmt).unwrap();
    ws.write_string(3, 1, "Сидорова Анна").unwrap();
    ws.write_number(3, 2, 79161234567.0).unwrap();
    ws.write_number(3, 3, 1200.0).unwrap();
    ws.write_string(3, 4, "стоматология").unwrap();
    ws.write_string(4, 0, "32.03.2025").unwrap();
    ws.write_number(4, 2, 79161234567.0).unwrap();
    ws.write_number(4, 3, 1.0).unwrap();
    wb.save(&path).unwrap();

    let (ex, problems) = raw::read_visits(&path, &ColumnMap::new()).unwrap();
    assert_eq!(ex.rows.len(), 1);
    assert_eq!(ex.rows[0].phone.digits(), Some("79161234567"));
    assert_eq!(ex.rows[0].date, day("2025-03-05"));
    // The bad date is located: file, sheet as written, Excel row, column, value.
    let e = errors(&problems);
    assert_eq!(e.len(), 1, "{problems:?}");
    assert_eq!(e[0].file, "visits.xlsx");
    assert_eq!(e[0].sheet.as_deref(), Some("Приёмы"));
    assert_eq!(e[0].row, Some(5));
    assert_eq!(e[0].column.as_deref(), Some("date (дата приёма)"));
    assert_eq!(e[0].value.as_deref(), Some("32.03.2025"));

    let mut p = clinic();
    let inputs = RawInputs { visits: Some(path), key: Some(test_key()), ..RawInputs::default() };
    raw::import_raw(&mut p, &inputs).unwrap();
    // The direction is written in lower case; it takes the Directions sheet's spelling.
    assert_eq!(p.revenue[0].direction.as_deref(), Some(DENT));
    assert_eq!(p.visits.unwrap()[0].patient, Some(test_key().patient("79161234567").into()));
}

#[test]
fn a_windows_1251_csv_with_commas() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Дата обращения,Имя,Телефон,Канал,Отделение\r\n\
                \"25.03.2024 14:05\",\"Петров, Пётр\",\"+7 (916) 123-45-67\",yandex,УЗИ\r\n\
                26.03.2024,Ёлкина,89161112233,Сарафан,\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(text);
    assert!(!unmappable);
    let path = dir.path().join("crm.csv");
    std::fs::write(&path, &bytes).unwrap();
    let (ex, problems) = raw::read_leads(&path, &ColumnMap::new()).unwrap();
    assert!(errors(&problems).is_empty(), "{problems:?}");
    assert_eq!(ex.rows.len(), 2);
    assert_eq!(ex.rows[0].created.to_string(), "2024-03-25 14:05:00");
    assert_eq!(ex.rows[0].direction.as_deref(), Some("УЗИ"));
    assert_eq!(&*ex.rows[1].source, "Сарафан");
    assert_eq!(ex.rows[1].phone.digits(), Some("79161112233"));
}

#[test]
fn a_utf8_bom_csv_with_semicolons_and_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{feff}Дата;Телефон;Отделение;Сумма, ₽;ФИО\n\
                2024-03-25 14:05:00;9161234567;Стоматология;1 500,00 ₽;Иванов\n\
                \"2024-03-26\";\"+7 (916) 765-43-21\";\"Стоматология\nдетская\";700;\"Петров\"\n\
                2024-03-27;9161234567;УЗИ;много;Сидоров\n\
                Итого;;;2200;\n";
    let path = write(dir.path(), "mis.csv", text);
    let (ex, problems) = raw::read_visits(&path, &ColumnMap::new()).unwrap();
    assert_eq!(ex.rows.len(), 2);
    assert_eq!(ex.rows[0].amount, 1500.0);
    assert_eq!(ex.rows[1].direction.as_deref(), Some("Стоматология\nдетская"));
    let e = errors(&problems);
    assert_eq!(e.len(), 1);
    // The quoted line break makes the bad row line 5 of the file.
    assert_eq!(e[0].row, Some(5));
    assert_eq!(e[0].column.as_deref(), Some("amount (сумма)"));
    assert_eq!(e[0].value.as_deref(), Some("много"));
    assert!(e[0].sheet.is_none());
    assert!(e[0].to_string().starts_with("mis.csv: row 5, column amount (сумма): «много» is not a number"), "{}", e[0]);
    assert!(problems.iter().any(|p| p.message.to_string().contains("totals row")));
    assert!(
        problems.iter().any(|p| p.message.to_string().contains("«ФИО»") && p.message.to_string().contains("names"))
    );
}

#[test]
fn a_missing_required_column_is_an_error_and_nothing_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "leads.csv", "Дата создания;Источник\n2025-03-01;yandex\n");
    // The file as a whole cannot be read: an error naming the column, and nothing is read.
    let err = raw::read_leads(&path, &ColumnMap::new()).unwrap_err().to_string();
    assert!(err.contains("leads.csv") && err.contains("phone (телефон)"), "{err}");
    let preview = raw::preview_columns(&path, ExportKind::Leads, &ColumnMap::new()).unwrap();
    assert_eq!(preview.missing, vec!["phone (телефон)".to_string()]);
    // The app can say which header is the phone.
    let path = write(dir.path(), "leads2.csv", "Когда;Источник;Номер\n2025-03-01;yandex;9160000001\n");
    let mut map = ColumnMap::new();
    map.assign("Когда", "created").assign("номер", "phone");
    let (ex, problems) = raw::read_leads(&path, &map).unwrap();
    assert!(errors(&problems).is_empty(), "{problems:?}");
    assert_eq!(ex.rows.len(), 1);
    let preview = raw::preview_columns(&path, ExportKind::Leads, &map).unwrap();
    assert_eq!(preview.header_row, Some(1));
    assert!(preview.missing.is_empty());
    assert_eq!(
        preview.columns,
        vec![
            ("Когда".to_string(), Some("created")),
            ("Источник".to_string(), Some("source")),
            ("Номер".to_string(), Some("phone"))
        ]
    );
    // An empty file and a missing one are fatal.
    let empty = write(dir.path(), "empty.csv", "");
    assert!(raw::read_leads(&empty, &ColumnMap::new()).is_err());
    assert!(raw::read_leads(&dir.path().join("nope.csv"), &ColumnMap::new()).is_err());
}

#[test]
fn ltv_counts_the_first_365_days_of_patients_seen_for_a_year() {
    let mut p = clinic();
    let visits = format!(
        "{VISITS_HEAD}\
         2024-01-01;9160000070;Стоматология;Смирнов;1000\n\
         2024-12-31;9160000070;Стоматология;Смирнов;1000\n\
         2025-01-01;9160000070;УЗИ;Ким;5000\n\
         2024-01-03;9160000071;Стоматология;Смирнов;2000\n\
         2024-01-02;9160000072;УЗИ;Ким;400\n"
    );
    let _ = join_csv(&mut p, None, Some(&visits), None);
    let k = compute(&p, &Filter::default());
    let ltv = |d: &str| k.directions.iter().find(|x| x.direction == d).unwrap().ltv;
    // Patient 70: f = 2024-01-01, f + 365 = 2024-12-31 (leap year) is inside, 2025-01-01 is not.
    // Patient 71: last day − f = 364 < 365, left out. Patient 72: exactly 365, in.
    assert_eq!(ltv(DENT), Some(1000.0));
    assert_eq!(ltv(US), Some(100.0));
}

#[test]
fn the_cohort_triangle() {
    let mut p = clinic();
    let visits = format!(
        "{VISITS_HEAD}\
         2025-01-05;9160000080;Стоматология;Смирнов;1000\n\
         2025-01-20;9160000081;УЗИ;Ким;400\n\
         2025-02-01;9160000082;Стоматология;Смирнов;200\n\
         2025-02-15;9160000082;Стоматология;Смирнов;100\n\
         2025-03-01;9160000082;УЗИ;Ким;800\n\
         2025-03-10;9160000080;Стоматология;Смирнов;500\n\
         2025-03-20;;Стоматология;Смирнов;300\n"
    );
    let _ = join_csv(&mut p, None, Some(&visits), None);
    let k = compute(&p, &Filter::default());
    let c = k.cohorts.unwrap();
    assert_eq!(c.len(), 2);
    assert_eq!((c[0].cohort, c[0].patients), (m(2025, 1), 2));
    assert_eq!(c[0].retained, vec![1.0, 0.0, 0.5]);
    assert_eq!(c[0].ltv, vec![Some(300.0), Some(300.0), Some(425.0)]);
    assert_eq!((c[1].cohort, c[1].patients), (m(2025, 2), 1));
    assert_eq!(c[1].retained, vec![1.0, 1.0]);
    assert_eq!(c[1].ltv, vec![Some(150.0), Some(350.0)]);
}

#[test]
fn the_key_fingerprint_is_kept_and_a_foreign_key_refused() {
    let mut p = clinic();
    let visits = format!("{VISITS_HEAD}2025-01-05;9160000090;Стоматология;Смирнов;1000\n");
    let _ = join_csv(&mut p, None, Some(&visits), None);
    let fingerprint = p.settings.key_fingerprint.clone();
    assert_eq!(fingerprint, test_key().fingerprint());
    // The project keeps hashes and the fingerprint only: never the key.
    let json = serde_json::to_string(&p).unwrap();
    assert!(!json.contains(&"07".repeat(32)));
    let leads = format!("{LEADS_HEAD}2025-01-01;9160000090;yandex;;;\n");
    // Leads alone are matched against the visits already in the project, with the same key.
    let (report, _) = join_csv(&mut p, Some(&leads), None, None);
    assert_eq!(p.settings.key_fingerprint, fingerprint);
    assert_eq!(report.matched_visits, 1);
    assert_eq!(sum(&funnel_of(&p, m(2025, 1), "Яндекс"), |r| r.revenue), 1000.0);
    // Another computer's key is refused, saying how to bring the key over.
    let dir = tempfile::tempdir().unwrap();
    let inputs = RawInputs {
        leads: Some(write(dir.path(), "leads.csv", &leads)),
        key: Some(raw::PatientKey::from_bytes([9; 32])),
        ..RawInputs::default()
    };
    let before = p.clone();
    let err = raw::import_raw(&mut p, &inputs).unwrap_err().to_string();
    assert!(err.contains("medfunnel key export") && err.contains("medfunnel key import"), "{err}");
    assert_eq!(p, before);
}

// ---------------------------------------------------------------------------------------------
// The command line and patient data

const NAMES: [&str; 4] = ["Иванов", "Мария Петрова", "Сидорова", "Ёжиков"];

/// Every way the test phones could leak: as written, normalised, 10 digits, last 7 digits.
fn phone_needles() -> Vec<String> {
    let mut v = Vec::new();
    for (full, shown) in
        [("79165832749", "+7 (916) 583-27-49"), ("79264417305", "8 926 441 73 05"), ("79031206688", "903-120-66-88")]
    {
        v.push(full.to_string());
        v.push(format!("8{}", &full[1..]));
        v.push(full[1..].to_string());
        v.push(full[4..].to_string());
        v.push(shown.to_string());
        v.push(format!("{}-{}-{}", &full[4..7], &full[7..9], &full[9..]));
        v.push(format!("{} {} {}", &full[4..7], &full[7..9], &full[9..]));
    }
    v
}

fn assert_clean(what: &str, text: &str) {
    for n in NAMES {
        assert!(!text.contains(n), "{what} contains the name {n}");
    }
    for n in phone_needles() {
        assert!(!text.contains(&n), "{what} contains the phone {n}");
    }
}

fn private_exports(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let leads = write(
        dir,
        "leads.csv",
        "Дата создания;Имя;Телефон;Источник;Статус\n\
         01.03.2025 10:00;Иванов;+7 (916) 583-27-49;yandex;Записан\n\
         02.03.2025 11:00;Мария Петрова;8 926 441 73 05;Инстаграм;\n\
         03.03.2025;Ёжиков;903-120-66-88;yandex;\n\
         04.03.2025;Ёжиков;5832749;yandex;\n\
         xx.03.2025;Иванов;+7 (916) 583-27-49;yandex;\n",
    );
    let visits = dir.join("visits.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Визиты").unwrap();
    ws.write_row(0, 0, ["Дата", "Пациент", "Телефон", "Врач", "Отделение", "Сумма"]).unwrap();
    ws.write_row(1, 0, ["05.03.2025", "Иванов", "+7 (916) 583-27-49", "Смирнов", "Стоматология", "2 000"]).unwrap();
    ws.write_row(2, 0, ["06.03.2025", "Сидорова", "", "Смирнов", "Стоматология", "500"]).unwrap();
    ws.write_string(3, 0, "07.03.2025").unwrap();
    ws.write_string(3, 1, "Мария Петрова").unwrap();
    ws.write_number(3, 2, 79264417305.0).unwrap();
    ws.write_string(3, 5, "1,2,3").unwrap();
    wb.save(&visits).unwrap();
    let spend = write(dir, "spend.csv", "Месяц\tИсточник\tРасход\n2025-03\tyandex\t10000\n");
    (leads, visits, spend)
}

#[test]
fn no_name_or_phone_reaches_the_project_the_workbook_the_json_or_the_messages() {
    let dir = tempfile::tempdir().unwrap();
    let (leads, visits, spend) = private_exports(dir.path());
    let (l, v, s) = (leads.to_str().unwrap(), visits.to_str().unwrap(), spend.to_str().unwrap());
    let project = dir.path().join("clinic.medfunnel");
    let book = dir.path().join("clinic.xlsx");

    let (code, out, err) =
        medfunnel(&["import", "--leads", l, "--visits", v, "--spend", s, "-o", project.to_str().unwrap()]);
    assert_eq!(code, 2, "bad rows were left out: {err}");
    assert!(out.is_empty());
    assert!(err.contains("Joined: 4 leads"), "{err}");
    assert_clean("import's stderr", &err);
    // The project file is a database: its bytes, and every value read back, hold no name or phone.
    let saved = String::from_utf8_lossy(&std::fs::read(&project).unwrap()).into_owned();
    assert_clean("the project file", &saved);
    let loaded = medfunnel::store::load_project(&project).unwrap();
    assert_clean("the project read back", &format!("{loaded:?}"));
    let records = loaded.visits.unwrap_or_default();
    assert!(records.iter().any(|v| v.patient.as_ref().is_some_and(|k| k.len() == 64)), "patients are kept as keys");

    let (code, _, err) = medfunnel(&["import", project.to_str().unwrap(), "--leads", l, "-o", book.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert_clean("second import's stderr", &err);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&book).unwrap()).unwrap();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let mut xml = String::new();
        entry.read_to_string(&mut xml).unwrap();
        assert_clean(&format!("{:?} in the workbook", entry.name()), &xml);
    }

    let (code, json, err) = medfunnel(&["kpi", "--leads", l, "--visits", v, "--spend", s, "--json"]);
    assert_eq!(code, 2);
    assert_clean("kpi JSON", &json);
    assert_clean("kpi stderr", &err);
    let k: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(k["months"][0]["month"], "2025-03");
    assert_eq!(k["total"]["spend"], 10000.0);
    assert!(k["cohorts"].is_array());

    let mut p = Project::new();
    let inputs = RawInputs {
        leads: Some(leads),
        visits: Some(visits),
        spend: Some(spend),
        key: Some(test_key()),
        ..RawInputs::default()
    };
    let (_, problems) = raw::import_raw(&mut p, &inputs).unwrap();
    for pr in &problems {
        assert_clean("a problem", &format!("{pr} {:?}", pr.value));
    }
    assert_clean("the project's Debug", &format!("{p:?}"));
}

#[test]
fn kpi_with_raw_exports_and_a_template() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("demo.xlsx");
    let (code, _, _) = medfunnel(&["demo", "-o", template.to_str().unwrap()]);
    assert_eq!(code, 0);
    let spend = write(dir.path(), "spend.csv", "month;source;spend\n2031-05;Совсем новый;12345\n");
    let (code, json, err) =
        medfunnel(&["kpi", template.to_str().unwrap(), "--spend", spend.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "{err}");
    let k: serde_json::Value = serde_json::from_str(&json).unwrap();
    let months = k["months"].as_array().unwrap();
    assert_eq!(months.last().unwrap()["month"], "2031-05");
    assert_eq!(months.last().unwrap()["spend"], 12345.0);
    assert!(
        k["channels"].as_array().unwrap().iter().any(|c| c["channel"] == "Совсем новый" && c["tier"] == "experiment")
    );
    assert!(err.contains("«Совсем новый»"), "{err}");
    // A workbook with no template sheet is no longer fatal when exports are given.
    let notes = write(dir.path(), "notes.csv", "x\n");
    let (code, _, err) = medfunnel(&[
        "import",
        "--spend",
        spend.to_str().unwrap(),
        "-o",
        dir.path().join("o.medfunnel").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, _, _) =
        medfunnel(&["import", notes.to_str().unwrap(), "-o", dir.path().join("o.medfunnel").to_str().unwrap()]);
    assert_eq!(code, 1, "import needs an export");
}
