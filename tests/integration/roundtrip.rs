//! The demo clinic written as a template workbook imports back to the same model and numbers.

use medfunnel::import::import_workbook;
use medfunnel::metrics::{Filter, compute};
use medfunnel::{demo, report, store};

#[test]
fn demo_workbook_imports_back_to_the_same_model_and_kpis() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.xlsx");
    let project = demo::demo_project();
    report::template::write_template(&project, &path).unwrap();
    let imported = import_workbook(&path).unwrap();
    assert!(imported.problems.iter().all(|p| !p.is_error()), "{:?}", imported.problems);
    // The workbook holds no patient-level data: the call journal's contacts (keyed patients) stay out.
    assert_eq!(imported.project, medfunnel::model::Project { contacts: None, ..project.clone() });
    let a = serde_json::to_value(compute(&project, &Filter::default())).unwrap();
    let b = serde_json::to_value(compute(&imported.project, &Filter::default())).unwrap();
    assert_eq!(a, b);
}

#[test]
fn project_file_round_trip_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.medfunnel");
    let project = demo::demo_project();
    store::save_project(&project, &path).unwrap();
    assert_eq!(store::open(&path).unwrap().project, project);
}
