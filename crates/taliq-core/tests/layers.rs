//! The layering rule of `taliq-core` (ARCHITECTURE.md): each layer imports only the
//! layers before it, and the siblings of a layer never import each other. Read from the
//! source: every `crate::LAYER` path outside comments, in every file of a layer, tests
//! included (a test that needs a layer above belongs to that layer).

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The layers in order; layers of the same rank are siblings.
const LAYERS: [(&str, u8); 6] = [
    ("model", 0),
    ("session", 1),
    ("extract", 2),
    ("formats", 3),
    ("eval", 3),
    ("workspace", 4),
];

/// Modules of one layer that are siblings: they never import each other.
const SIBLINGS: [(&str, &[&str]); 1] = [("formats", &["taliq", "text"])];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `(file, line number, the path imported)` for every `crate::a::b` outside comments.
fn imports(file: &Path) -> Vec<(usize, Vec<String>)> {
    let text = std::fs::read_to_string(file).unwrap();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        assert!(
            !code.contains("crate::{"),
            "{}:{}: write one `use crate::layer::…` a path, so the layering test sees it",
            file.display(),
            n + 1
        );
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let path: Vec<String> = rest
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .next()
                .unwrap_or("")
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            out.push((n + 1, path));
        }
    }
    out
}

#[test]
fn every_module_imports_only_the_layers_before_it_and_siblings_never_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let rank = |layer: &str| LAYERS.iter().find(|(l, _)| *l == layer).map(|(_, r)| *r);
    let mut wrong = BTreeSet::new();
    for (layer, r) in LAYERS {
        let mut all = Vec::new();
        files(&src.join(layer), &mut all);
        assert!(!all.is_empty(), "no files in {layer}");
        for f in all {
            let rel = f.strip_prefix(&src).unwrap().to_path_buf();
            // the sibling module this file is in, if its layer has siblings
            let own = rel
                .components()
                .nth(1)
                .and_then(|c| c.as_os_str().to_str())
                .map(|s| s.trim_end_matches(".rs").to_owned());
            for (line, path) in imports(&f) {
                let Some(to) = path.first() else { continue };
                let Some(to_rank) = rank(to) else { continue };
                if to_rank > r || (to_rank == r && to != layer) {
                    wrong.insert(format!(
                        "{}:{line}: {layer} imports crate::{}",
                        rel.display(),
                        path.join("::")
                    ));
                }
                if to == layer
                    && let Some((_, sibs)) = SIBLINGS.iter().find(|(l, _)| *l == layer)
                    && let (Some(own), Some(other)) = (&own, path.get(1))
                    && sibs.contains(&other.as_str())
                    && sibs.contains(&own.as_str())
                    && own != other
                {
                    wrong.insert(format!(
                        "{}:{line}: sibling {own} imports crate::{}",
                        rel.display(),
                        path.join("::")
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} import(s) against the layering:\n{}",
        wrong.len(),
        wrong.into_iter().collect::<Vec<_>>().join("\n")
    );
}
