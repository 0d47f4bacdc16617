//! The language as a user meets it: 中文 turns the app Chinese, and a Russian Dashboard and Settings
//! show no English word (only the abbreviations every marketer reads as they are).

use egui_kittest::kittest::{By, NodeT, Queryable};
use medfunnel::format::Lang;
use medfunnel::model::Sheet;
use medfunnel::ui::{Command, View};

use crate::app::{clinic, harness};

/// Words in Latin letters a Russian screen may show: KPI abbreviations, keys and product names.
const ALLOWED: &[&str] = &[
    "CPL",
    "CAC",
    "ROMI",
    "ROAS",
    "LTV",
    "NPS",
    "AARRR",
    "ID",
    "KPI",
    "PNG",
    "Excel",
    "LibreOffice",
    "medfunnel",
    "CRM",
    "MIS",
    "Ctrl",
    "Esc",
    "Del",
    "Tab",
    "Enter",
    "F",
    "C",
    "V",
    "D",
    "Z",
    "Y",
    "ISO",
    "English",
    // The test's project file, clinic.medfunnel, as the status bar names it.
    "clinic",
    // The currency as Settings holds it: an ISO code, data rather than a word.
    "RUB",
];

/// Every label and value the screen exposes to AccessKit.
fn texts(h: &egui_kittest::Harness<'_, medfunnel::ui::App>) -> Vec<String> {
    h.query_all(By::new())
        .flat_map(|n| {
            let node = n.accesskit_node();
            [node.label(), node.value()]
        })
        .flatten()
        .collect()
}

/// The words in Latin letters of `texts` that are not allowed, leaving out the test's own folder
/// (the status bar names the file opened).
fn english_words(texts: &[String], dir: &std::path::Path) -> Vec<String> {
    let dir = dir.display().to_string();
    let mut out: Vec<String> = texts
        .iter()
        .map(|t| t.replace(&dir, ""))
        .flat_map(|t| t.split(|c: char| !c.is_ascii_alphabetic()).map(str::to_string).collect::<Vec<_>>())
        .filter(|w| !w.is_empty() && !ALLOWED.contains(&w.as_str()))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn switching_to_chinese_shows_chinese_labels() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &clinic(), Lang::Ru);
    h.get_by_label("Язык").click();
    h.run();
    h.get_by_label("中文").click();
    h.run();
    assert_eq!(h.state().lang(), Lang::Zh);
    // The view list and the dashboard's cards.
    h.get_by_label("概览");
    h.get_by_label("营收与计划");
    h.get_by_label("语言");
    let han = texts(&h).iter().filter(|t| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))).count();
    assert!(han > 20, "only {han} Chinese texts on the dashboard");
}

#[test]
fn a_russian_dashboard_and_settings_show_no_english_word() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &clinic(), Lang::Ru);
    h.run();
    let dashboard = english_words(&texts(&h), dir.path());
    assert!(dashboard.is_empty(), "English on the Russian dashboard: {dashboard:?}");
    h.state_mut().send(Command::Show(View::Sheet(Sheet::Settings)));
    h.run();
    let settings = english_words(&texts(&h), dir.path());
    assert!(settings.is_empty(), "English on the Russian Settings: {settings:?}");
}
