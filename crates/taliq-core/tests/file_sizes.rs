//! Issue 14's rule of thumb for the whole workspace: no Rust source file over 800 lines
//! (split a file by responsibility before it grows past that), and the app's state file
//! `src/ui/app.rs` under 600 (its jobs live in `src/ui/app/`).

#![allow(clippy::unwrap_used, reason = "a test: a failure is a panic")]

use std::path::{Path, PathBuf};

/// The longest a Rust source file may be, in lines.
const MAX_LINES: usize = 800;
/// The longest `src/ui/app.rs` may be, in lines.
const MAX_APP_LINES: usize = 600;

/// Every `.rs` file below `dir`, skipping build output.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries {
        let p = e.unwrap().path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if name != "target" && !name.starts_with('.') {
                rust_files(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn lines(p: &Path) -> usize {
    std::fs::read_to_string(p).unwrap().lines().count()
}

#[test]
fn no_source_file_is_over_800_lines_and_the_app_state_under_600() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in ["src", "crates", "tests", "benches", "fuzz", "build.rs"] {
        let p = root.join(dir);
        if p.is_file() {
            files.push(p);
        } else {
            rust_files(&p, &mut files);
        }
    }
    assert!(files.len() > 100, "the workspace's files were not found");
    let long: Vec<String> = files
        .iter()
        .filter(|p| lines(p) > MAX_LINES)
        .map(|p| format!("{} ({} lines)", p.display(), lines(p)))
        .collect();
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:#?}");
    let app = lines(&root.join("src/ui/app.rs"));
    assert!(app < MAX_APP_LINES, "src/ui/app.rs has {app} lines");
}
