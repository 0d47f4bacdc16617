//! The template importer on messy workbooks that these tests write themselves: Russian names,
//! text numbers with NBSP and ₽, percent cells, month words, title rows, extra sheets and columns,
//! bad values, missing columns, and files that are not workbooks at all.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use medfunnel::import::{ImportError, Imported, Problem, Severity, import_workbook};
use medfunnel::model::{Month, NpsPeriod, NpsScale, Tier};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// One cell to write.
#[derive(Clone, Debug)]
pub(crate) enum C {
    /// Text.
    T(String),
    /// A number.
    N(f64),
    /// A number with a percent format (stored as the fraction).
    P(f64),
    /// A date cell.
    D(u16, u8, u8),
    /// A date-time cell.
    Dt(u16, u8, u8, u16, u8),
    /// Nothing.
    E,
}

pub(crate) fn t(s: &str) -> C {
    C::T(s.to_string())
}

pub(crate) fn n(x: f64) -> C {
    C::N(x)
}

/// Writes a workbook with the given sheets (name, rows from row 1) and returns its path.
pub(crate) fn write_book(dir: &Path, file: &str, sheets: &[(&str, Vec<Vec<C>>)]) -> PathBuf {
    let mut wb = Workbook::new();
    let percent = Format::new().set_num_format("0%");
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let datetime = Format::new().set_num_format("dd.mm.yyyy hh:mm");
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    C::T(s) => ws.write_string(r, c, s).map(|_| ()),
                    C::N(x) => ws.write_number(r, c, *x).map(|_| ()),
                    C::P(x) => ws.write_number_with_format(r, c, *x, &percent).map(|_| ()),
                    C::D(y, m, d) => {
                        let dt = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        ws.write_datetime_with_format(r, c, &dt, &date).map(|_| ())
                    }
                    C::Dt(y, m, d, hh, mm) => {
                        let dt = ExcelDateTime::from_ymd(*y, *m, *d).unwrap().and_hms(*hh, *mm, 0).unwrap();
                        ws.write_datetime_with_format(r, c, &dt, &datetime).map(|_| ())
                    }
                    C::E => Ok(()),
                }
                .unwrap();
            }
        }
    }
    let path = dir.join(file);
    wb.save(&path).unwrap();
    path
}

pub(crate) fn import(path: &Path) -> Imported {
    import_workbook(path).unwrap_or_else(|e| panic!("{e}"))
}

fn errors(imported: &Imported) -> Vec<&Problem> {
    imported.problems.iter().filter(|p| p.is_error()).collect()
}

pub(crate) fn notices(imported: &Imported) -> Vec<String> {
    imported.problems.iter().filter(|p| !p.is_error()).map(ToString::to_string).collect()
}

fn month(y: i32, m: u32) -> Month {
    Month::new(y, m).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A hand-kept clinic workbook in Russian, with every quirk the importer must absorb.
fn messy_clinic(dir: &Path) -> PathBuf {
    write_book(
        dir,
        "clinic.xlsx",
        &[
            ("Инструкция", vec![vec![t("Заполняйте зелёные ячейки")]]),
            (
                "Настройки",
                vec![
                    vec![t("Параметр"), t("Значение")],
                    vec![t("Клиника"), t("Улыбка")],
                    vec![t("Валюта"), t("руб.")],
                    vec![t("Шкала NPS"), t("ten_smiles")],
                    vec![t("Веса дней недели"), t("1;1;1;1;1;0,5;0")],
                    vec![t("Праздники"), t("01.01.2025, 02.01.2025")],
                    vec![t("Праздники"), C::D(2025, 3, 8)],
                    vec![t("Постоянные расходы"), t("1\u{a0}500\u{a0}000 ₽")],
                    vec![t("dedupe_days"), n(14.0)],
                    vec![t("Окно атрибуции"), t("45")],
                    vec![t("Цвет логотипа"), t("синий")],
                ],
            ),
            (
                "Направления",
                vec![
                    vec![t("Направление"), t("Маржинальность"), t("Визитов на пациента")],
                    vec![t("Стоматология"), C::P(0.4), n(4.0)],
                    vec![t("Гинекология"), t("35 %"), C::E],
                    vec![t("УЗИ"), t("0,5"), t("2,5")],
                ],
            ),
            (
                "Каналы",
                vec![
                    vec![t("Канал"), t("Категория"), t("Тип"), t("Источники")],
                    vec![t("Яндекс.Директ"), t("Проверенный"), t("контекст"), t("yandex, yandex.direct; Яндекс")],
                    vec![t("Сарафан"), t("масштабирование"), t("рекомендации"), C::E],
                    vec![t("Выставка"), t("эксперимент"), C::E, C::E],
                    vec![t("ПроДокторов"), C::E, t("агрегатор"), C::E],
                ],
            ),
            (
                "План",
                vec![
                    vec![t("План продаж на 2025 год")],
                    vec![],
                    vec![
                        t("Месяц"),
                        t("Направление"),
                        t("План выручки"),
                        t("План лидов"),
                        t("План конверсии в запись"),
                    ],
                    vec![t("январь 2025"), C::E, t("3 000 000 ₽"), n(300.0), C::P(0.6)],
                    vec![t("Февраля 2025"), t("Стоматология"), t("1\u{a0}500\u{a0}000,50"), t("150"), t("55%")],
                    vec![t("мар. 2025"), C::E, n(3_200_000.0), C::E, C::E],
                    vec![t("2025-04"), C::E, C::E, C::E, C::E],
                ],
            ),
            (
                "Бюджет",
                vec![
                    vec![t("Месяц"), t("Канал"), t("Бюджет план"), t("Расход, руб.")],
                    vec![C::D(2025, 1, 15), t("Яндекс.Директ"), n(100_000.0), t("95\u{202f}000 руб.")],
                    vec![t("01.2025"), t("Сарафан"), C::E, t("0")],
                ],
            ),
            (
                "Воронка",
                vec![
                    vec![
                        t("Месяц"),
                        t("Канал"),
                        t("Направление"),
                        t("Лиды"),
                        t("Записи"),
                        t("Явки"),
                        t("Оплаты"),
                        t("Выручка, ₽"),
                        t("Комментарий"),
                    ],
                    vec![
                        t("Jan 2025"),
                        t("Яндекс.Директ"),
                        t("Стоматология"),
                        n(120.0),
                        n(70.0),
                        n(50.0),
                        n(30.0),
                        t("450 000 ₽"),
                        t("акция"),
                    ],
                    vec![
                        t("янв. 2025"),
                        t("Сарафан"),
                        t("Косметология"),
                        t("40"),
                        t("30"),
                        t("25"),
                        t("20"),
                        t("300\u{a0}000,00"),
                        C::E,
                    ],
                    vec![C::E, C::E, C::E, C::E, C::E, C::E, C::E, C::E, t("заметка на полях")],
                    vec![t("Февраль 2025"), t("Сарафан"), C::E, C::E, C::E, C::E, C::E, C::E, C::E],
                ],
            ),
            (
                "Выручка",
                vec![
                    vec![t("Дата"), t("Направление"), t("Выручка"), t("Чеки"), t("Первичные"), t("Повторные")],
                    vec![C::D(2025, 1, 9), t("Стоматология"), n(150_000.0), n(12.0), n(5.0), n(7.0)],
                    vec![t("10.01.2025"), C::E, t("98 500,50 ₽"), t("9"), C::E, C::E],
                    vec![t("2025-01-11 14:05:00"), t("УЗИ"), t("12,345.5"), C::E, C::E, C::E],
                    vec![C::Dt(2025, 1, 12, 18, 30), C::E, n(1000.0), C::E, C::E, C::E],
                    vec![C::D(2025, 1, 13), C::E, C::E, C::E, C::E, C::E],
                    vec![C::D(2025, 1, 14), C::E, C::E, C::E, C::E, C::E],
                    vec![t("Итого"), C::E, n(261_846.0), C::E, C::E, C::E],
                ],
            ),
            (
                "Врачи",
                vec![
                    vec![
                        t("Месяц"),
                        t("Врач"),
                        t("Отделение"),
                        t("Первичные"),
                        t("Повторные"),
                        t("Выручка"),
                        t("Часы доступно"),
                        t("Часы занято"),
                        t("Рекомендовано"),
                        t("Согласовано"),
                        t("Выполнено"),
                    ],
                    vec![
                        t("январь 2025"),
                        t("Иванова А.А."),
                        t("Стоматология"),
                        n(20.0),
                        n(12.0),
                        t("640 000"),
                        n(160.0),
                        n(120.0),
                        n(20.0),
                        n(15.0),
                        n(5.0),
                    ],
                ],
            ),
            (
                "NPS",
                vec![
                    vec![t("Период"), t("Оценка"), t("Количество"), t("Направление")],
                    vec![n(2025.0), n(10.0), n(40.0), C::E],
                    vec![t("2025-03"), n(1.0), t("5"), t("Стоматология")],
                    vec![C::D(2025, 4, 1), n(9.0), n(3.0), C::E],
                ],
            ),
        ],
    )
}

#[test]
fn messy_russian_workbook_loads_everything() {
    let dir = tempfile::tempdir().unwrap();
    let imported = import(&messy_clinic(dir.path()));
    assert!(errors(&imported).is_empty(), "unexpected errors: {:#?}", errors(&imported));
    let p = &imported.project;

    let s = &p.settings;
    assert_eq!(s.clinic, "Улыбка");
    assert_eq!(s.currency, "RUB");
    assert_eq!(s.nps_scale, NpsScale::TenSmiles);
    assert_eq!(s.weekday_weights, [1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.0]);
    assert_eq!(s.holidays.iter().copied().collect::<Vec<_>>(), vec![day(2025, 1, 1), day(2025, 1, 2), day(2025, 3, 8)]);
    assert_eq!(s.fixed_costs, 1_500_000.0);
    assert_eq!(s.dedupe_days, 14);
    assert_eq!(s.attribution_days, 45);

    let margins: Vec<(&str, f64, Option<f64>)> =
        p.directions.iter().map(|d| (d.name.as_str(), d.margin, d.visits_per_patient)).collect();
    assert_eq!(margins, vec![("Стоматология", 0.4, Some(4.0)), ("Гинекология", 0.35, None), ("УЗИ", 0.5, Some(2.5))]);

    let channels: Vec<(&str, Tier, &str)> =
        p.channels.iter().map(|c| (c.name.as_str(), c.tier, c.kind.as_str())).collect();
    assert_eq!(
        channels,
        vec![
            ("Яндекс.Директ", Tier::Proven, "контекст"),
            ("Сарафан", Tier::Scaling, "рекомендации"),
            ("Выставка", Tier::Experiment, ""),
            ("ПроДокторов", Tier::Experiment, "агрегатор"),
        ]
    );
    assert_eq!(p.channels[0].sources, vec!["yandex", "yandex.direct", "Яндекс"]);
    assert!(p.channels[1].sources.is_empty());

    // The title row above the header is skipped; April has no figures yet.
    assert_eq!(p.plan.len(), 3);
    assert_eq!(p.plan[0].month, month(2025, 1));
    assert_eq!(p.plan[0].direction, None, "a blank direction is the whole clinic");
    assert_eq!(p.plan[0].revenue_plan, 3_000_000.0);
    assert_eq!(p.plan[0].leads_plan, Some(300.0));
    assert_eq!(p.plan[0].booking_rate_plan, Some(0.6));
    assert_eq!(p.plan[1].month, month(2025, 2));
    assert_eq!(p.plan[1].direction.as_deref(), Some("Стоматология"));
    assert_eq!(p.plan[1].revenue_plan, 1_500_000.5);
    assert_eq!(p.plan[1].booking_rate_plan, Some(0.55));
    assert_eq!(p.plan[2].month, month(2025, 3));
    assert_eq!(p.plan[2].leads_plan, None);

    assert_eq!(p.budget.len(), 2);
    assert_eq!(p.budget[0].month, month(2025, 1));
    assert_eq!(p.budget[0].budget_plan, Some(100_000.0));
    assert_eq!(p.budget[0].spend, Some(95_000.0));
    assert_eq!(p.budget[1].channel, "Сарафан");
    assert_eq!(p.budget[1].budget_plan, None);
    assert_eq!(p.budget[1].spend, Some(0.0));

    // The unknown direction «Косметология» loads as written: metrics decide what it means.
    assert_eq!(p.funnel.len(), 2);
    let f = &p.funnel[0];
    assert_eq!(
        (f.month, f.channel.as_str(), f.direction.as_deref()),
        (month(2025, 1), "Яндекс.Директ", Some("Стоматология"))
    );
    assert_eq!((f.leads, f.bookings, f.visits, f.paid), (Some(120.0), Some(70.0), Some(50.0), Some(30.0)));
    assert_eq!(f.revenue, Some(450_000.0));
    assert_eq!(f.returning_leads, None);
    assert_eq!(p.funnel[1].direction.as_deref(), Some("Косметология"));
    assert_eq!(p.funnel[1].revenue, Some(300_000.0));

    let revenue: Vec<(NaiveDate, Option<&str>, f64)> =
        p.revenue.iter().map(|r| (r.date, r.direction.as_deref(), r.revenue)).collect();
    assert_eq!(
        revenue,
        vec![
            (day(2025, 1, 9), Some("Стоматология"), 150_000.0),
            (day(2025, 1, 10), None, 98_500.5),
            (day(2025, 1, 11), Some("УЗИ"), 12_345.5),
            (day(2025, 1, 12), None, 1000.0),
        ]
    );
    assert_eq!(p.revenue[0].checks, Some(12.0));
    assert_eq!(p.revenue[0].new_patients, Some(5.0));
    assert_eq!(p.revenue[0].repeat_patients, Some(7.0));
    assert_eq!(p.revenue[1].checks, Some(9.0));

    assert_eq!(p.doctors.len(), 1);
    let d = &p.doctors[0];
    assert_eq!(
        (d.month, d.doctor.as_str(), d.direction.as_deref()),
        (month(2025, 1), "Иванова А.А.", Some("Стоматология"))
    );
    assert_eq!((d.primary_patients, d.repeat_patients, d.revenue), (Some(20.0), Some(12.0), Some(640_000.0)));
    assert_eq!((d.hours_available, d.hours_booked), (Some(160.0), Some(120.0)));
    assert_eq!((d.recommended, d.agreed, d.performed), (Some(20.0), Some(15.0), Some(5.0)));

    let nps: Vec<(NpsPeriod, u8, f64, Option<&str>)> =
        p.nps.iter().map(|r| (r.period, r.score, r.count, r.direction.as_deref())).collect();
    assert_eq!(
        nps,
        vec![
            (NpsPeriod::Year(2025), 10, 40.0, None),
            (NpsPeriod::Month(month(2025, 3)), 1, 5.0, Some("Стоматология")),
            (NpsPeriod::Month(month(2025, 4)), 9, 3.0, None),
        ]
    );
    assert_eq!(p.visits, None);
}

#[test]
fn messy_workbook_notices_name_what_was_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let imported = import(&messy_clinic(dir.path()));
    let notices = notices(&imported);
    let expected = [
        "clinic.xlsx: sheet «Инструкция»: this sheet is not part of the template and was ignored",
        "clinic.xlsx: sheet «Настройки», row 11: «Цвет логотипа» is not a known setting and was ignored",
        "clinic.xlsx: sheet «Каналы»: tier (категория) is empty in row 5; that channel is counted as experiment",
        "clinic.xlsx: sheet «План»: row 7 has no figures yet and was skipped",
        "clinic.xlsx: sheet «Воронка»: column «Комментарий» is not part of the template and was ignored",
        "clinic.xlsx: sheet «Воронка»: row 5 has no figures yet and was skipped",
        "clinic.xlsx: sheet «Выручка»: row 8 is a totals row and was skipped",
        "clinic.xlsx: sheet «Выручка»: rows 6 and 7 have no figures yet and were skipped",
        "clinic.xlsx: there is no Calls (Звонки) sheet, so the calls table is empty",
    ];
    for e in expected {
        assert!(notices.iter().any(|n| n == e), "missing notice {e:?} in {notices:#?}");
    }
    assert_eq!(notices.len(), expected.len(), "{notices:#?}");
}

#[test]
fn english_names_in_any_case_and_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_book(
        dir.path(),
        "en.xlsx",
        &[
            (
                "SETTINGS",
                vec![vec![t("Key"), t("Value")], vec![t("nps_scale"), t("standard")], vec![t("Currency"), t("usd")]],
            ),
            (
                "channels",
                vec![vec![t("CHANNEL"), t("Tier"), t("Sources")], vec![t("Google"), t("Scaling"), t("google;gads")]],
            ),
            (
                "Funnel",
                vec![
                    vec![t("Month"), t("channel"), t("Leads"), t("Returning_Leads"), t("paid")],
                    vec![t("January 2025"), t("Google"), t("1,234,567"), t("1.234.567"), t("12")],
                ],
            ),
            ("nps", vec![vec![t("period"), t("score"), t("count")], vec![t("2024"), n(0.0), n(3.0)]]),
        ],
    );
    let imported = import(&path);
    assert!(errors(&imported).is_empty(), "{:#?}", imported.problems);
    let p = &imported.project;
    assert_eq!(p.settings.currency, "USD");
    assert_eq!(p.channels[0].tier, Tier::Scaling);
    assert_eq!(p.channels[0].sources, vec!["google", "gads"]);
    assert_eq!(p.funnel[0].month, month(2025, 1));
    assert_eq!(p.funnel[0].leads, Some(1_234_567.0));
    assert_eq!(p.funnel[0].returning_leads, Some(1_234_567.0));
    assert_eq!(p.nps[0].period, NpsPeriod::Year(2024));
    assert_eq!(p.nps[0].score, 0);
    // The sheets that are not there are empty, each with a notice.
    let missing: Vec<&Problem> =
        imported.problems.iter().filter(|p| p.message.to_string().starts_with("there is no ")).collect();
    assert_eq!(missing.len(), 6, "{missing:#?}");
    assert!(missing.iter().all(|p| p.severity == Severity::Notice && p.sheet.is_none()));
    assert!(
        imported
            .problems
            .iter()
            .any(|p| p.to_string() == "en.xlsx: there is no Plan (План) sheet, so the plan is empty")
    );
}

#[test]
fn a_bad_value_is_located_and_the_other_rows_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_book(
        dir.path(),
        "clinic.xlsx",
        &[(
            "Воронка",
            vec![
                vec![t("Воронка за 2025 год")],
                vec![],
                vec![t("Месяц"), t("Канал"), t("Лиды"), t("Записи")],
                vec![t("2025-01"), t("Яндекс"), n(100.0), n(60.0)],
                vec![t("2025-01"), t("Сарафан"), t("двадцать"), n(10.0)],
                vec![t("2025-02"), t("Яндекс"), t("110"), t("70")],
            ],
        )],
    );
    let imported = import(&path);
    let errs = errors(&imported);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    let e = errs[0];
    assert_eq!(e.file, "clinic.xlsx");
    assert_eq!(e.sheet.as_deref(), Some("Воронка"));
    assert_eq!(e.row, Some(5));
    assert_eq!(e.column.as_deref(), Some("leads (лиды)"));
    assert_eq!(e.value.as_deref(), Some("двадцать"));
    assert_eq!(
        e.to_string(),
        "clinic.xlsx: sheet «Воронка», row 5, column leads (лиды): «двадцать» is not a number; the row was left out"
    );
    let channels: Vec<(&str, Option<f64>)> =
        imported.project.funnel.iter().map(|f| (f.channel.as_str(), f.leads)).collect();
    assert_eq!(channels, vec![("Яндекс", Some(100.0)), ("Яндекс", Some(110.0))]);
}

#[test]
fn every_kind_of_unreadable_value_is_an_error_naming_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_book(
        dir.path(),
        "clinic.xlsx",
        &[
            ("Настройки", vec![vec![t("Ключ"), t("Значение")], vec![t("Шкала NPS"), t("10 смайлов")]]),
            (
                "Направления",
                vec![
                    vec![t("Направление"), t("Маржинальность")],
                    vec![t("Стоматология"), n(40.0)],
                    vec![t("УЗИ"), t("50%")],
                    vec![C::E, t("30%")],
                ],
            ),
            (
                "Каналы",
                vec![
                    vec![t("Канал"), t("Категория")],
                    vec![t("Яндекс"), t("золотой")],
                    vec![t("Сарафан"), t("проверенные")],
                ],
            ),
            (
                "План",
                vec![
                    vec![t("Месяц"), t("План выручки")],
                    vec![t("Мартт 2025"), n(1e6)],
                    vec![t("Апрель 2025"), n(1e6)],
                ],
            ),
            (
                "Выручка",
                vec![
                    vec![t("Дата"), t("Выручка")],
                    vec![t("2025-02-30"), n(5000.0)],
                    vec![t("28.02.2025"), n(6000.0)],
                    vec![t("вчера"), n(7000.0)],
                ],
            ),
            (
                "NPS",
                vec![
                    vec![t("Период"), t("Оценка"), t("Количество")],
                    vec![t("2025"), n(0.0), n(4.0)],
                    vec![t("2025"), n(10.0), n(4.0)],
                    vec![t("2025"), n(11.0), n(1.0)],
                ],
            ),
        ],
    );
    let imported = import(&path);
    let texts: Vec<String> = errors(&imported).iter().map(|p| p.to_string()).collect();
    let expected = [
        "clinic.xlsx: sheet «Направления», row 2, column margin (маржинальность): «40» is not a share between 0 and 1 \
         (write 40% or 0.4 for forty percent); the row was left out",
        "clinic.xlsx: sheet «Направления», row 4, column direction (направление): the cell is empty, but this column \
         is required; the row was left out",
        "clinic.xlsx: sheet «Каналы», row 2, column tier (категория): «золотой» is not a tier: write proven, scaling or \
         experiment (проверенный, масштабирование, эксперимент); the row was left out",
        "clinic.xlsx: sheet «План», row 2, column month (месяц): «Мартт 2025» is not a month: «Мартт» is not the name \
         of a month; the row was left out",
        "clinic.xlsx: sheet «Выручка», row 2, column date (дата): «2025-02-30» is not a real date: there is no such \
         day in the calendar; the row was left out",
        "clinic.xlsx: sheet «Выручка», row 4, column date (дата): «вчера» is not a date (write it as 2025-03-25 or \
         25.03.2025); the row was left out",
        "clinic.xlsx: sheet «NPS», row 2, column score (оценка): «0» is not a score on the ten_smiles scale, which \
         runs from 1 to 10; the row was left out",
        "clinic.xlsx: sheet «NPS», row 4, column score (оценка): «11» is not a score on the ten_smiles scale, which \
         runs from 1 to 10; the row was left out",
    ];
    assert_eq!(texts, expected);
    let p = &imported.project;
    assert_eq!(p.directions.len(), 1);
    assert_eq!(p.directions[0].name, "УЗИ");
    assert_eq!(p.channels.len(), 1);
    assert_eq!(p.channels[0].tier, Tier::Proven);
    assert_eq!(p.plan.len(), 1);
    assert_eq!(p.plan[0].month, month(2025, 4));
    assert_eq!(p.revenue.len(), 1);
    assert_eq!(p.revenue[0].date, day(2025, 2, 28));
    assert_eq!(p.nps.len(), 1);
    assert_eq!(p.nps[0].score, 10);
    // Structured fields for the UI.
    let margin = errors(&imported)[0];
    assert_eq!(margin.value.as_deref(), Some("40"));
    let empty = errors(&imported)[1];
    assert_eq!(empty.value, None);
}

#[test]
fn a_missing_required_column_is_an_error_and_other_sheets_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_book(
        dir.path(),
        "clinic.xlsx",
        &[
            ("Бюджет", vec![vec![t("Месяц"), t("Бюджет план"), t("Расход")], vec![t("2025-01"), n(100.0), n(90.0)]]),
            ("Воронка", vec![vec![t("Месяц"), t("Канал"), t("Лиды")], vec![t("2025-01"), t("Яндекс"), n(10.0)]]),
        ],
    );
    let imported = import(&path);
    let errs = errors(&imported);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0].sheet.as_deref(), Some("Бюджет"));
    assert_eq!(errs[0].column.as_deref(), Some("channel (канал)"));
    assert_eq!(errs[0].row, None);
    assert_eq!(
        errs[0].to_string(),
        "clinic.xlsx: sheet «Бюджет», column channel (канал): the required column channel (канал) is missing \
         (the header row was taken to be row 1), so the sheet was not loaded"
    );
    assert!(imported.project.budget.is_empty());
    assert_eq!(imported.project.funnel.len(), 1);
    assert_eq!(imported.project.funnel[0].leads, Some(10.0));
}

#[test]
fn settings_without_a_header_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_book(
        dir.path(),
        "clinic.xlsx",
        &[(
            "Settings",
            vec![
                vec![t("clinic"), t("Здоровье+")],
                vec![t("weekday_weights"), t("1 1 1 1 1 0,5 0,25")],
                vec![t("holidays"), t("2025-01-01 2025-01-07")],
                vec![t("fixed_costs"), t("abc")],
            ],
        )],
    );
    let imported = import(&path);
    let s = &imported.project.settings;
    assert_eq!(s.clinic, "Здоровье+");
    assert_eq!(s.weekday_weights[6], 0.25);
    assert_eq!(s.holidays.len(), 2);
    assert_eq!(s.fixed_costs, 0.0);
    let errs = errors(&imported);
    assert_eq!(errs.len(), 1);
    assert_eq!(
        errs[0].to_string(),
        "clinic.xlsx: sheet «Settings», row 4, column value (значение): «abc» is not a number; the setting keeps its \
         default value"
    );
}

#[test]
fn a_second_sheet_of_the_same_kind_is_ignored_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_book(
        dir.path(),
        "clinic.xlsx",
        &[
            ("Воронка", vec![vec![t("Месяц"), t("Канал"), t("Лиды")], vec![t("2025-01"), t("A"), n(5.0)]]),
            ("Funnel", vec![vec![t("Month"), t("Channel"), t("Leads")], vec![t("2025-02"), t("B"), n(6.0)]]),
        ],
    );
    let imported = import(&path);
    let channels: Vec<&str> = imported.project.funnel.iter().map(|f| f.channel.as_str()).collect();
    assert_eq!(channels, vec!["A"]);
    assert!(imported.problems.iter().any(|p| p.to_string()
        == "clinic.xlsx: sheet «Funnel»: this is a second Funnel (Воронка) sheet; only «Воронка» was read, this one \
            was ignored"));
}

#[test]
fn a_workbook_renamed_to_another_extension_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = write_book(
        dir.path(),
        "a.xlsx",
        &[("План", vec![vec![t("Месяц"), t("План выручки")], vec![t("2025-01"), n(5.0)]])],
    );
    let renamed = dir.path().join("export.xls");
    std::fs::rename(&xlsx, &renamed).unwrap();
    let imported = import(&renamed);
    assert_eq!(imported.project.plan.len(), 1);
    let no_ext = dir.path().join("export");
    std::fs::copy(&renamed, &no_ext).unwrap();
    assert_eq!(import(&no_ext).project.plan.len(), 1);
}

#[test]
fn dates_in_a_1904_workbook() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    // Serial numbers as a 1904-epoch workbook stores them: 1462 days less than in 1900.
    let serial_1904 = |d: NaiveDate| (d - day(1899, 12, 30)).num_days() as f64 - 1462.0;
    let path = write_book(
        dir.path(),
        "mac.xlsx",
        &[("Выручка", vec![vec![t("Дата"), t("Выручка")], vec![n(serial_1904(day(2025, 3, 14))), n(100.0)]])],
    );
    // rust_xlsxwriter writes only 1900-epoch workbooks: switch the flag in workbook.xml.
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let out_path = dir.path().join("mac1904.xlsx");
    let mut out = zip::ZipWriter::new(std::fs::File::create(&out_path).unwrap());
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        if name == "xl/workbook.xml" {
            let mut xml = String::new();
            file.read_to_string(&mut xml).unwrap();
            assert!(xml.contains("<workbookPr"), "{xml}");
            let xml = xml.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1);
            drop(file);
            out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            out.write_all(xml.as_bytes()).unwrap();
        } else {
            out.raw_copy_file(file).unwrap();
        }
    }
    out.finish().unwrap();
    let imported = import(&out_path);
    assert_eq!(imported.project.revenue.len(), 1, "{:#?}", imported.problems);
    assert_eq!(imported.project.revenue[0].date, day(2025, 3, 14));
}

// ---------------------------------------------------------------------------------------------
// Files that are not template workbooks

#[test]
fn a_text_file_is_not_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clinic.xlsx");
    std::fs::write(&path, "month;channel;leads\n2025-01;Яндекс;10\n").unwrap();
    let err = import_workbook(&path).unwrap_err();
    assert!(matches!(err, ImportError::Unreadable { .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.starts_with(&format!("cannot read «{}»: it is not an Excel", path.display())), "{text}");
    assert_eq!(err.path(), path);

    let csv = dir.path().join("leads.csv");
    std::fs::write(&csv, "a,b\n1,2\n").unwrap();
    assert!(matches!(import_workbook(&csv), Err(ImportError::Unreadable { .. })));
}

#[test]
fn a_truncated_workbook_is_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let good = messy_clinic(dir.path());
    let bytes = std::fs::read(&good).unwrap();
    for cut in [10, bytes.len() / 3, bytes.len() / 2, bytes.len() - 30] {
        let path = dir.path().join(format!("cut{cut}.xlsx"));
        std::fs::write(&path, &bytes[..cut]).unwrap();
        let err = import_workbook(&path).unwrap_err();
        assert!(matches!(err, ImportError::Unreadable { .. }), "cut at {cut}: {err:?}");
        assert!(err.to_string().contains(&format!("cut{cut}.xlsx")));
    }
}

#[test]
fn corrupt_bytes_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let good = messy_clinic(dir.path());
    let bytes = std::fs::read(&good).unwrap();
    // Flip bytes all over the file: every outcome is fine except a panic.
    for step in [97usize, 389, 1021] {
        let mut bad = bytes.clone();
        for i in (step..bad.len()).step_by(step) {
            bad[i] = bad[i].wrapping_add(77);
        }
        let path = dir.path().join(format!("bad{step}.xlsx"));
        std::fs::write(&path, &bad).unwrap();
        let _ = import_workbook(&path);
    }
}

#[test]
fn an_empty_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.xlsx");
    std::fs::write(&path, b"").unwrap();
    let err = import_workbook(&path).unwrap_err();
    assert!(matches!(err, ImportError::Empty { .. }), "{err:?}");
    assert_eq!(err.to_string(), format!("«{}» is empty: there is no workbook in it", path.display()));
}

#[test]
fn a_missing_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.xlsx");
    let err = import_workbook(&path).unwrap_err();
    assert!(matches!(err, ImportError::Open { .. }), "{err:?}");
    assert!(err.to_string().starts_with(&format!("cannot open «{}»", path.display())));
}

#[test]
fn a_workbook_without_template_sheets_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_book(
        dir.path(),
        "other.xlsx",
        &[("Лист1", vec![vec![t("Месяц"), t("Лиды")]]), ("Отчёт", vec![vec![n(1.0)]])],
    );
    let err = import_workbook(&path).unwrap_err();
    assert!(matches!(&err, ImportError::NoTemplateSheet { sheets, .. } if sheets == &["Лист1", "Отчёт"]), "{err:?}");
    let text = err.to_string();
    assert!(text.starts_with(&format!("«{}» has none of the template's sheets", path.display())), "{text}");
    assert!(text.ends_with("its sheets are «Лист1», «Отчёт»"), "{text}");
}

#[test]
fn an_empty_template_sheet_is_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_book(dir.path(), "clinic.xlsx", &[("План", vec![])]);
    let imported = import(&path);
    assert!(!imported.has_errors());
    assert!(
        imported
            .problems
            .iter()
            .any(|p| p.to_string() == "clinic.xlsx: sheet «План»: the sheet is empty, so the plan is empty")
    );
}

#[test]
fn a_chart_sheet_named_like_a_template_sheet_is_not_read_as_one() {
    use rust_xlsxwriter::{Chart, ChartType};
    let dir = tempfile::tempdir().unwrap();
    let mut wb = Workbook::new();
    let data = wb.add_worksheet();
    data.set_name("Funnel").unwrap();
    for (c, h) in ["Month", "Channel", "Leads"].iter().enumerate() {
        data.write_string(0, c as u16, *h).unwrap();
    }
    data.write_string(1, 0, "2025-01").unwrap();
    data.write_string(1, 1, "Яндекс").unwrap();
    data.write_number(1, 2, 12.0).unwrap();
    let mut chart = Chart::new(ChartType::Column);
    chart.add_series().set_values("Funnel!$C$2:$C$2");
    let sheet = wb.add_chartsheet();
    sheet.set_name("Воронка").unwrap();
    sheet.insert_chart(0, 0, &chart).unwrap();
    let path = dir.path().join("chart.xlsx");
    wb.save(&path).unwrap();

    let imported = import(&path);
    assert_eq!(imported.project.funnel.len(), 1, "{:#?}", imported.problems);
    assert!(imported.problems.iter().any(|p| p.to_string()
        == "chart.xlsx: sheet «Воронка»: this is a chart or macro sheet, not a table, and was ignored"));
}
