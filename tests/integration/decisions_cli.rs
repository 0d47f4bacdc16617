//! Every command that takes a workbook honours `--leads` (domain.md, "Machine-readable output"): a
//! leads export the test writes rebuilds the Funnel, and each command's output shows it.

use std::path::{Path, PathBuf};

use crate::run::medfunnel;
use calamine::Reader;

fn json_of(args: &[&str]) -> serde_json::Value {
    let (code, out, err) = medfunnel(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap()
}

/// The demo clinic as a workbook and a leads export of four October leads (one from a source no
/// channel knows, which becomes a channel of its own).
struct Inputs {
    _dir: tempfile::TempDir,
    demo: PathBuf,
    leads: PathBuf,
}

fn inputs() -> Inputs {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo.xlsx");
    let (code, _, err) = medfunnel(&["demo", "-o", demo.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let leads = dir.path().join("leads.csv");
    std::fs::write(
        &leads,
        "Дата создания;Телефон;Источник;Направление;Статус;Дата записи\n\
         2026-10-05;9160000001;Яндекс.Директ;УЗИ;;\n\
         2026-10-06;9160000002;Яндекс.Директ;УЗИ;;\n\
         2026-10-07;9160000003;ВКонтакте;УЗИ;;\n\
         2026-10-08;9160000004;Авито;УЗИ;;\n",
    )
    .unwrap();
    Inputs { _dir: dir, demo, leads }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn report_reads_the_leads() {
    let i = inputs();
    let out = i.demo.with_file_name("report.xlsx");
    let (code, _, err) = medfunnel(&["report", s(&i.demo), "--leads", s(&i.leads), "-o", s(&out)]);
    assert_eq!(code, 0, "{err}");
    let mut wb = calamine::open_workbook_auto(&out).unwrap();
    let funnel = wb.worksheet_range("Воронка").unwrap();
    // A header and one row per (month, channel, direction) of the export: 3, not the demo's hundreds.
    assert_eq!(funnel.height(), 4, "{:?}", funnel.rows().collect::<Vec<_>>());
}

#[test]
fn whatif_reads_the_leads() {
    let i = inputs();
    let v = json_of(&["whatif", s(&i.demo), "--leads", s(&i.leads), "--lever", "leads=+10%", "--json"]);
    assert_eq!(v["before"]["leads"], 4.0);
    assert!((v["after"]["leads"].as_f64().unwrap() - 4.4).abs() < 1e-9);
}

#[test]
fn levers_read_the_leads() {
    let i = inputs();
    let demo = json_of(&["levers", s(&i.demo), "--json"]);
    assert!(demo["ranking"][0]["revenue_gain"].as_f64().unwrap() > 0.0);
    assert!(!demo["headroom"].as_array().unwrap().is_empty());
    // Leads alone: nobody came yet, so no lever moves revenue; one month of funnel, no headroom.
    let (code, out, err) = medfunnel(&["levers", s(&i.demo), "--leads", s(&i.leads), "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["ranking"].as_array().unwrap().iter().all(|r| r["revenue_gain"] == 0.0), "{v}");
    assert_eq!(v["headroom"], serde_json::json!([]));
    assert!(err.contains("Fewer than 3 complete months"), "{err}");
}

#[test]
fn goalseek_reads_the_leads() {
    let i = inputs();
    json_of(&["goalseek", s(&i.demo), "--revenue", "+15%", "--json"]);
    // No attributed revenue in the rebuilt funnel: no lever can reach the target.
    let (code, _, err) = medfunnel(&["goalseek", s(&i.demo), "--leads", s(&i.leads), "--revenue", "+15%", "--json"]);
    assert_eq!(code, 1);
    assert!(err.contains("does not move revenue"), "{err}");
}

#[test]
fn allocate_reads_the_leads() {
    let i = inputs();
    let a_of = |v: &serde_json::Value| {
        v["channels"].as_array().unwrap().iter().find(|c| c["channel"] == "Яндекс.Директ").unwrap()["a"].as_f64()
    };
    let demo = json_of(&["allocate", s(&i.demo), "--budget", "600000", "--json"]);
    let v = json_of(&["allocate", s(&i.demo), "--leads", s(&i.leads), "--budget", "600000", "--json"]);
    // Two leads in one month with spend: the linear fallback a = 2 / the period's spend.
    let (before, after) = (a_of(&demo).unwrap(), a_of(&v).unwrap());
    assert!(after < before / 100.0, "{before} → {after}");
    assert_eq!(v["channels"].as_array().unwrap().iter().find(|c| c["channel"] == "Яндекс.Директ").unwrap()["b"], 1.0);
}

#[test]
fn plan_reads_the_leads() {
    let i = inputs();
    let v = json_of(&["plan", s(&i.demo), "--leads", s(&i.leads), "--json"]);
    // The unknown source became a channel, so the plan splits the budget over it too (at 0: it spent
    // nothing and its tier has other channels).
    assert!(v["months"][0]["channels"].get("Авито").is_some(), "{}", v["months"][0]["channels"]);
    let demo = json_of(&["plan", s(&i.demo), "--json"]);
    assert!(demo["months"][0]["channels"].get("Авито").is_none());
}
