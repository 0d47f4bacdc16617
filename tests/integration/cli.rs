//! The `medfunnel` binary as a user runs it: exit codes, JSON on stdout, problems on stderr.

use std::process::Command;

fn medfunnel(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_medfunnel")).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn kpi_json_of_the_demo_has_every_section() {
    let (code, out, _) = medfunnel(&["kpi", "--json", "--from", "2026-01", "--to", "2026-06"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for key in ["months", "total", "channels", "directions", "doctors", "nps", "gaps"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let months = v["months"].as_array().unwrap();
    assert_eq!(months.len(), 6);
    assert_eq!(months[0]["month"], "2026-01");
    assert!(v["total"]["tier_share"]["proven"].as_f64().unwrap() > 0.5);
    assert!(v.get("cohorts").is_none());
}

#[test]
fn a_bad_row_prints_json_and_exits_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Выручка").unwrap();
    ws.write_row(0, 0, ["Дата", "Выручка"]).unwrap();
    ws.write_row(1, 0, ["01.03.2025", "1 500,50 ₽"]).unwrap();
    ws.write_row(2, 0, ["02.03.2025", "много"]).unwrap();
    wb.save(&path).unwrap();
    let (code, out, err) = medfunnel(&["kpi", path.to_str().unwrap(), "--json"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("«Выручка»") && err.contains("row 3") && err.contains("много"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["total"]["revenue"], 1500.5);
}

#[test]
fn an_unreadable_file_is_fatal_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.xlsx");
    std::fs::write(&path, "just text").unwrap();
    let (code, out, err) = medfunnel(&["kpi", path.to_str().unwrap(), "--json"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("notes.xlsx"), "{err}");
}

#[test]
fn demo_command_writes_a_workbook_that_kpi_reads_to_the_same_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.xlsx");
    let (code, _, _) = medfunnel(&["demo", "-o", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let (c1, from_file, _) = medfunnel(&["kpi", path.to_str().unwrap(), "--json"]);
    let (c2, built_in, _) = medfunnel(&["kpi", "--json"]);
    assert_eq!((c1, c2), (0, 0));
    assert_eq!(from_file, built_in);
}

#[test]
fn plan_builds_next_year_and_writes_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("plan.medfunnel");
    let (code, out, err) = medfunnel(&[
        "plan", "--year", "2026", "--growth", "15%", "--growth-direction", "УЗИ=30%", "--json", "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["year"], 2026);
    assert_eq!(v["months"].as_array().unwrap().len(), 12);
    let (code, kpi, _) = medfunnel(&["kpi", out_path.to_str().unwrap(), "--json", "--from", "2026-01", "--to", "2026-01"]);
    assert_eq!(code, 0);
    let k: serde_json::Value = serde_json::from_str(&kpi).unwrap();
    let plan_jan = v["months"][0]["revenue_plan"].as_f64().unwrap();
    assert!((k["months"][0]["revenue_plan"].as_f64().unwrap() - plan_jan).abs() < 1e-6);
}
