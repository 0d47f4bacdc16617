//! Branches (domain.md, "Branches"): the branch column read from a messy workbook and from raw
//! exports, written back by the template export, and `--branch` / `branches` end to end.

use std::path::{Path, PathBuf};

use crate::run::medfunnel;
use medfunnel::import::import_workbook;
use medfunnel::import::raw::{self, RawInputs};
use medfunnel::metrics::{Filter, compute};
use medfunnel::model::{Channel, Direction, Month, Project, Tier};
use medfunnel::{demo, report};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn close(a: Option<f64>, b: f64) {
    let a = a.unwrap_or_else(|| panic!("expected {b}, got None"));
    assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "expected {b}, got {a}");
}

#[test]
fn a_russian_workbook_with_a_branch_column_splits_shared_spend() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chain.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Воронка").unwrap();
    ws.write_row(0, 0, ["Месяц", "Канал", "Филиал", "Лиды", "Явки"]).unwrap();
    ws.write_row(1, 0, ["2025-03", "Яндекс", "Север", "30", "10"]).unwrap();
    ws.write_row(2, 0, ["2025-03", "Яндекс", " юг ", "10", "4"]).unwrap();
    let ws = wb.add_worksheet().set_name("Бюджет").unwrap();
    ws.write_row(0, 0, ["Месяц", "Канал", "Расход", "Клиника"]).unwrap();
    ws.write_row(1, 0, ["март 2025", "Яндекс", "80 000 ₽", ""]).unwrap();
    ws.write_row(2, 0, ["март 2025", "Яндекс", "5 000", "Юг"]).unwrap();
    let ws = wb.add_worksheet().set_name("Выручка").unwrap();
    ws.write_row(0, 0, ["Дата", "Выручка", "Отделение сети"]).unwrap();
    ws.write_row(1, 0, ["15.03.2025", "100 000", "Север"]).unwrap();
    ws.write_row(2, 0, ["16.03.2025", "50 000", "Юг"]).unwrap();
    wb.save(&path).unwrap();

    let imported = import_workbook(&path).unwrap();
    assert!(imported.problems.iter().all(|p| !p.is_error()), "{:?}", imported.problems);
    let k = compute(&imported.project, &Filter::default());
    let names: Vec<&str> = k.branches.iter().map(|b| b.branch.as_str()).collect();
    // « юг » and «Юг» are one branch, named as the first sheet that names it writes it (Budget).
    assert_eq!(names, ["Север", "Юг"]);
    // The shared 80 000 by March's Yandex leads: Север 30 / 40 → 60 000; Юг 10 / 40 → 20 000,
    // plus its own 5 000 = 25 000. cac = 60 000 / 10 = 6 000 and 25 000 / 4 = 6 250.
    close(k.branches[0].spend, 60_000.0);
    close(k.branches[1].spend, 25_000.0);
    close(k.branches[0].cac, 6_000.0);
    close(k.branches[1].cac, 6_250.0);
    close(k.total.kpis.spend, 85_000.0);

    let south = compute(&imported.project, &Filter { branch: Some("ЮГ".into()), ..Filter::default() });
    close(south.total.kpis.spend, 25_000.0);
    close(south.total.kpis.revenue, 50_000.0);
    assert_eq!(south.branches, k.branches);
}

#[test]
fn the_chain_template_round_trips_and_a_single_clinic_gets_no_branch_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chain.xlsx");
    let chain = demo::demo_chain();
    report::template::write_template(&chain, &path).unwrap();
    let imported = import_workbook(&path).unwrap();
    assert!(imported.problems.iter().all(|p| !p.is_error()), "{:?}", imported.problems);
    // The template holds the Calls rows, not the journal's contacts (as it holds no visits).
    assert_eq!(imported.project, medfunnel::model::Project { contacts: None, ..chain });

    let single = dir.path().join("single.xlsx");
    report::template::write_template(&demo::demo_project(), &single).unwrap();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&single).unwrap();
    use calamine::Reader;
    let funnel = book.worksheet_range("Funnel").unwrap();
    let header: Vec<String> = funnel.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert!(!header.iter().any(|h| h == "branch"), "{header:?}");
}

#[test]
fn raw_exports_carry_the_branch_and_the_join_ignores_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Project::new();
    p.directions = vec![Direction { name: "Стоматология".into(), margin: 0.5, visits_per_patient: None }];
    p.channels = vec![Channel { name: "Яндекс".into(), tier: Tier::Proven, ..Default::default() }];
    let march = Month::new(2025, 3).unwrap();
    p.budget.push(medfunnel::model::BudgetRow {
        month: march,
        channel: "Яндекс".into(),
        budget_plan: Some(12_000.0),
        spend: Some(1.0),
        branch: Some("Север".into()),
    });
    let leads = write(
        dir.path(),
        "leads.csv",
        "Дата создания;Телефон;Источник;Филиал\n2025-03-01;+7 900 111-22-33;Яндекс;Север\n2025-03-02;+7 900 444-55-66;Яндекс;\n",
    );
    // The Север lead's patient comes to Юг: the visit is still its lead's (the join ignores branches).
    let visits = write(
        dir.path(),
        "visits.csv",
        "Дата приёма;Телефон;Отделение;Сумма;Клиника\n2025-03-05;89001112233;Стоматология;7000;Юг\n",
    );
    let spend = write(
        dir.path(),
        "spend.csv",
        "Месяц;Источник;Расход;Филиал\n2025-03;Яндекс;9000; север \n2025-03;Яндекс;1000;\n",
    );
    let inputs = RawInputs {
        leads: Some(leads),
        visits: Some(visits),
        spend: Some(spend),
        key: Some(medfunnel::import::raw::PatientKey::from_bytes([7; 32])),
        ..RawInputs::default()
    };
    raw::import_raw(&mut p, &inputs).unwrap();

    let north: Vec<_> = p.funnel.iter().filter(|r| r.branch.as_deref() == Some("Север")).collect();
    assert_eq!(north.len(), 1);
    assert_eq!((north[0].leads, north[0].visits, north[0].revenue), (Some(1.0), Some(1.0), Some(7000.0)));
    assert!(p.funnel.iter().any(|r| r.branch.is_none() && r.leads == Some(1.0)));
    assert_eq!(p.revenue.len(), 1);
    assert_eq!(p.revenue[0].branch.as_deref(), Some("Юг"));
    // « север » in the export is the template's «Север» row: its spend replaced, its plan kept.
    let own: Vec<_> =
        p.budget.iter().filter(|r| r.month == march).map(|r| (r.branch.clone(), r.budget_plan, r.spend)).collect();
    assert_eq!(own, [(Some("Север".into()), Some(12_000.0), Some(9000.0)), (None, None, Some(1000.0))]);
    // Север: 9 000 of its own and all of the shared 1 000 (the only lead naming a branch is its).
    let k = compute(&p, &Filter::default());
    let sever = k.branches.iter().find(|b| b.branch == "Север").unwrap();
    close(sever.spend, 10_000.0);
}

#[test]
fn demo_branches_and_the_branch_option_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chain.xlsx");
    let file = path.to_str().unwrap();
    let (code, _, err) = medfunnel(&["demo", "--branches", "-o", file]);
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = medfunnel(&["kpi", file, "--json"]);
    assert_eq!(code, 0);
    let all: serde_json::Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = all["branches"].as_array().unwrap().iter().map(|b| b["branch"].as_str().unwrap()).collect();
    assert_eq!(names, ["Север", "Центр", "Юг"]);
    for key in
        ["revenue_plan", "plan_to_date", "completion_to_date", "spend", "cpl", "cac", "romi", "answer_rate", "nps"]
    {
        assert!(all["branches"][0].get(key).is_some(), "missing {key}");
    }

    let (code, out, _) = medfunnel(&["kpi", file, "--json", "--branch", " север "]);
    assert_eq!(code, 0);
    let north: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(north["branches"], all["branches"]);
    assert_eq!(north["total"]["spend"], all["branches"][0]["spend"]);
    assert_eq!(north["total"]["as_of"], all["total"]["as_of"]);

    let (code, out, err) = medfunnel(&["kpi", file, "--json", "--branch", "Восток"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("Восток") && err.contains("Север, Центр, Юг"), "{err}");

    for cmd in [
        &["levers", "--json"][..],
        &["allocate", "--json", "--budget", "1000000"],
        &["whatif", "--json", "--lever", "leads=+10%"],
    ] {
        let mut args = vec![cmd[0], file, "--branch", "Юг"];
        args.extend(&cmd[1..]);
        let (code, _, err) = medfunnel(&args);
        assert_eq!(code, 0, "{args:?}: {err}");
    }

    // The built-in demo stays one clinic.
    let (_, out, _) = medfunnel(&["kpi", "--json"]);
    let single: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(single["branches"], serde_json::json!([]));
}

#[test]
fn the_report_compares_branches_and_names_the_filtered_branch() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    use medfunnel::format::Lang;
    let dir = tempfile::tempdir().unwrap();
    let chain = demo::demo_chain();
    let path = dir.path().join("chain-report.xlsx");
    report::write_report(&chain, &Filter::default(), Lang::Ru, &path).unwrap();
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert!(book.sheet_names().contains(&"Сравнение филиалов".to_string()), "{:?}", book.sheet_names());
    let r = book.worksheet_range("Сравнение филиалов").unwrap();
    let text = |row: usize, col: usize| r.get((row, col)).cloned().unwrap_or(Data::Empty).to_string();
    assert_eq!(text(3, 0), "Филиал");
    assert_eq!([text(4, 0), text(5, 0), text(6, 0), text(7, 0)], ["Север", "Центр", "Юг", "Вся сеть"]);
    let k = compute(&chain, &Filter::default());
    let Some(Data::Float(spend)) = r.get((4, 6)).cloned() else { panic!("no spend") };
    close(Some(spend), k.branches[0].spend.unwrap());
    // A native chart on the sheet.
    let file = std::fs::File::open(&path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let charts =
        (0..zip.len()).filter(|&i| zip.by_index(i).unwrap().name().unwrap().starts_with("xl/charts/chart")).count();
    assert!(charts >= 6, "{charts}");

    let filtered = dir.path().join("south.xlsx");
    report::write_report(&chain, &Filter { branch: Some("юг".into()), ..Filter::default() }, Lang::Ru, &filtered)
        .unwrap();
    let mut book: Xlsx<_> = open_workbook(&filtered).unwrap();
    for sheet in ["Сводка", "Месяцы", "Итоги каналов"] {
        let r = book.worksheet_range(sheet).unwrap();
        let title = r.get((0, 0)).cloned().unwrap_or(Data::Empty).to_string();
        assert!(title.contains("Филиал: Юг"), "{sheet}: {title}");
    }
    let r = book.worksheet_range("Итоги каналов").unwrap();
    let total_row = (0..r.height()).find(|&i| r.get((i, 0)).is_some_and(|c| *c == "Итого")).unwrap();
    let Some(Data::Float(spend)) = r.get((total_row, 3)).cloned() else { panic!("no spend") };
    close(Some(spend), k.branches[2].spend.unwrap());
}

#[test]
fn the_demo_chains_branches_take_their_own_calls() {
    let chain = demo::demo_chain();
    let k = compute(&chain, &Filter::default());
    // Every call belongs to a branch, so the branches' contacts add up to the chain's.
    let sum: f64 = k.branches.iter().filter_map(|b| b.contacts).sum();
    assert_eq!(Some(sum), k.total.kpis.contacts);
    // Север's front desk answers fewer calls (its story): 92 % of Центр's rate, within rounding.
    let rate = |name: &str| k.branches.iter().find(|b| b.branch == name).and_then(|b| b.answer_rate).unwrap();
    assert!((rate("Север") / rate("Центр") - 0.92).abs() < 0.01, "{} {}", rate("Север"), rate("Центр"));
}
