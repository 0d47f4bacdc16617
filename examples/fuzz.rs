//! The fuzzer's long mode: mutants of every input kind fed to the built binary as a child process,
//! so that an abort (a signal) or a hang is caught as well as a panic, a leak or a temp file left.
//!
//! `cargo run --release --example fuzz -- --minutes 30 [--seed N] [--kinds leads,visits,...]`
//! (build the binary first: `cargo build --release`). Failing mutants are kept in
//! `fuzz-failures/` for reproduction; the exit status is 1 when anything was found.

// The harness lives with the integration tests, whose in-process run shares it; its in-process
// checker is theirs, hence unused here.
#[allow(dead_code)]
#[path = "../tests/integration/fuzz.rs"]
mod fuzz;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let minutes: f64 = value("--minutes").and_then(|m| m.parse().ok()).unwrap_or(1.0);
    let seed: u64 = value("--seed").and_then(|s| s.parse().ok()).unwrap_or(0x5EED_2026);
    let kinds: Vec<fuzz::Kind> = match value("--kinds") {
        Some(list) => list.split(',').filter_map(fuzz::Kind::parse).collect(),
        None => fuzz::Kind::ALL.to_vec(),
    };
    if kinds.is_empty() {
        eprintln!("--kinds: give some of workbook, leads, visits, spend, calls, project");
        return ExitCode::from(2);
    }
    // The binary built beside this example (target/<profile>/medfunnel).
    let bin: PathBuf = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().and_then(|d| d.parent()).map(|d| d.join("medfunnel")))
        .filter(|p| p.exists())
        .unwrap_or_else(|| PathBuf::from("medfunnel"));
    let key_dir = tempfile::tempdir().expect("a temp folder for the key");
    let keep = PathBuf::from("fuzz-failures");
    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(minutes * 60.0);
    eprintln!("fuzzing {} with {kinds:?} for {minutes} minutes, seed {seed}", bin.display());
    let findings = fuzz::run(&kinds, seed, deadline, Some((&bin, key_dir.path())), &keep);
    eprintln!("{} mutants in {:.0?}", findings.tried, started.elapsed());
    for (kind, file, what) in &findings.failures {
        eprintln!("{kind:?} {}: {what}", file.display());
    }
    if findings.failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
