//! The `medfunnel` binary as a script runs it: its exit code, stdout and stderr.
//!
//! Every run gets a key folder of its own (the user's app data is never touched) and the C locale, so
//! that messages are English whatever the machine's language (the CLI speaks the system's language by
//! default); a test of another language passes `--lang` or uses [`medfunnel_in_locale`].

use std::process::Command;

/// Runs the binary in the C locale.
pub fn medfunnel(args: &[&str]) -> (i32, String, String) {
    medfunnel_in_locale(args, "C")
}

/// Runs the binary with `LANG=locale` and no `LC_ALL` / `LC_MESSAGES` to override it.
pub fn medfunnel_in_locale(args: &[&str], locale: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_medfunnel"))
        .args(args)
        .env(medfunnel::import::raw::key::KEY_DIR_ENV, std::env::temp_dir().join("medfunnel-test-keys"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}
