//! The layering rule of `taliq-core` (ARCHITECTURE.md): each layer imports only the
//! layers before it, and the siblings of a layer never import each other. Read from the
//! source: every `crate::LAYER` path outside comments, in every file of a layer, tests
//! included (a test that needs a layer above belongs to that layer). Inside `extract` the
//! same for its sub-layers ([`EXTRACT_LAYERS`]), from every `crate::`, `super::` and
//! `self::` path of the code, use trees with their brace groups included.

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
const SIBLINGS: [(&str, &[&str]); 1] = [(
    "formats",
    &[
        "taliq",
        "text",
        "lexicon",
        "doccano",
        "label_studio",
        "brat",
        "conll",
        "prodigy",
        "spacy",
        "inception",
        "web_annotation",
    ],
)];

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

/// The sub-layers of `extract`, in order: the analysis of a text (normalization, tokens,
/// word shapes and word lists, the document and its word bits, the resolved-candidate
/// context), the recognizers, overlap resolution, the facts about the mentions, the
/// pipeline (the items of `extract/mod.rs` itself, [`ROOT`], and its tests), then what is
/// built on the pipeline (the project lexicon, suggestions as annotations, find). A test
/// that needs the whole pipeline is one of the pipeline's tests (`extract/tests/`).
const EXTRACT_LAYERS: [(&str, u8); 23] = [
    ("normalize", 0),
    ("tokenize", 0),
    ("shape", 0),
    ("words", 0),
    ("gazetteer", 0),
    ("doc", 0),
    ("vocab", 0),
    ("context", 0),
    ("person", 1),
    ("organization", 1),
    ("location", 1),
    ("date", 1),
    ("number", 1),
    ("quote", 1),
    ("resolve", 2),
    ("attributes", 3),
    ("speaker", 3),
    ("timex", 3),
    (ROOT, 4),
    // the pipeline's tests (`extract/tests/`), and those of the modules below that need it
    ("tests", 4),
    ("lexicon", 5),
    ("suggest", 5),
    ("search", 5),
];

/// The names of the sub-layers of [`EXTRACT_LAYERS`], for the messages.
const EXTRACT_RANK_NAMES: [&str; 6] = [
    "analysis",
    "recognizer",
    "overlap resolution",
    "fact",
    "pipeline",
    "lexicon/suggest/search",
];

/// The sub-layers of `extract` whose modules are siblings: recognizers and facts never
/// import each other.
const EXTRACT_SIBLING_RANKS: [u8; 2] = [1, 3];

/// The items of `extract/mod.rs` itself (the pipeline: `extract`, `Mention`, …), as a
/// module name.
const ROOT: &str = "extract/mod.rs";

/// The test helpers of `extract/testutil.rs`, each with the sub-layer it stands for: the
/// markup is plain text; [`assert_recognizes`] runs the one recognizer it is given and
/// resolves the overlaps as the pipeline does, a recognizer's own test; the others run
/// the whole pipeline, so a test that uses them belongs to the pipeline's tests.
const TESTUTIL: [(&str, u8); 6] = [
    ("parse_markup", 0),
    ("MarkedSpan", 0),
    ("assert_recognizes", 1),
    ("assert_extracts", 4),
    ("assert_extracts_by", 4),
    ("extract_marked", 4),
];

/// The code of a Rust source as tokens, comments, strings and chars left out:
/// identifiers (and other words), `::`, and single punctuation chars; each with its line.
fn code_tokens(text: &str) -> Vec<(usize, String)> {
    let cs: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let skip_to = |i: &mut usize, line: &mut usize, end: usize| {
        *line += cs[*i..end.min(cs.len())]
            .iter()
            .filter(|&&c| c == '\n')
            .count();
        *i = end;
    };
    while i < cs.len() {
        let c = cs[i];
        let next = cs.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            let end = cs[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(cs.len(), |p| i + p);
            skip_to(&mut i, &mut line, end);
        } else if c == '/' && next == Some('*') {
            // nested block comments
            let (mut depth, mut j) = (0usize, i);
            while j < cs.len() {
                if cs[j] == '/' && cs.get(j + 1) == Some(&'*') {
                    depth += 1;
                    j += 2;
                } else if cs[j] == '*' && cs.get(j + 1) == Some(&'/') {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            skip_to(&mut i, &mut line, j);
        } else if c == 'r' && matches!(next, Some('"' | '#')) && {
            let hashes = cs[i + 1..].iter().take_while(|&&c| c == '#').count();
            cs.get(i + 1 + hashes) == Some(&'"')
        } {
            // raw string r#"…"#
            let hashes = cs[i + 1..].iter().take_while(|&&c| c == '#').count();
            let close: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let from = i + 2 + hashes;
            let end = (from..cs.len())
                .find(|&j| cs[j..].starts_with(&close))
                .map_or(cs.len(), |j| j + close.len());
            skip_to(&mut i, &mut line, end);
        } else if c == '"' {
            let mut j = i + 1;
            while j < cs.len() && cs[j] != '"' {
                j += if cs[j] == '\\' { 2 } else { 1 };
            }
            skip_to(&mut i, &mut line, j + 1);
        } else if c == '\'' {
            // a char literal ('x', '\n', '\u{..}') or a lifetime ('a)
            if next == Some('\\') {
                let end = (i + 2..cs.len())
                    .find(|&j| cs[j] == '\'')
                    .map_or(cs.len(), |j| j + 1);
                skip_to(&mut i, &mut line, end);
            } else if cs.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphanumeric() || c == '_' {
            let len = cs[i..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_')
                .count();
            out.push((line, cs[i..i + len].iter().collect()));
            i += len;
        } else if c == ':' && next == Some(':') {
            out.push((line, "::".to_owned()));
            i += 2;
        } else {
            out.push((line, c.to_string()));
            i += 1;
        }
    }
    out
}

/// The paths of a use tree or expression path starting at token `at` (after its first
/// segment `prefix`), brace groups expanded: `super::{a, b::{c, self}}` →
/// `super::a`, `super::b::c`, `super::b`.
fn expand(
    toks: &[(usize, String)],
    at: &mut usize,
    prefix: Vec<String>,
    out: &mut Vec<Vec<String>>,
) {
    let mut path = prefix;
    loop {
        if toks.get(*at).is_some_and(|t| t.1 == "::") {
            *at += 1;
            match toks.get(*at).map(|t| t.1.as_str()) {
                Some("{") => {
                    *at += 1;
                    while toks.get(*at).is_some_and(|t| t.1 != "}") {
                        if toks[*at].1 == "," {
                            *at += 1;
                            continue;
                        }
                        let first = toks[*at].1.clone();
                        *at += 1;
                        let mut p = path.clone();
                        if first != "self" {
                            p.push(first);
                        }
                        expand(toks, at, p, out);
                        // `as name`
                        if toks.get(*at).is_some_and(|t| t.1 == "as") {
                            *at += 2;
                        }
                    }
                    *at += 1;
                    return;
                }
                Some("*") => {
                    *at += 1;
                    break;
                }
                Some(seg) if seg.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                    path.push(seg.to_owned());
                    *at += 1;
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    out.push(path);
}

/// Every path of a file that starts with `crate`, `super` or `self`, resolved to a path
/// from the crate root, with its line and as written: `file_module` is the file's module
/// path (`["extract", "person", "bare"]`); inline modules (`mod tests { … }`) add to it.
fn extract_paths(text: &str, file_module: &[String]) -> Vec<(usize, Vec<String>, String)> {
    let toks = code_tokens(text);
    let mut out = Vec::new();
    // the inline modules open, as (name, brace depth inside it)
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i].1.as_str();
        match t {
            "{" => {
                depth += 1;
                if i >= 2 && toks[i - 2].1 == "mod" {
                    inline.push((toks[i - 1].1.clone(), depth));
                }
                i += 1;
                continue;
            }
            "}" => {
                if inline.last().is_some_and(|m| m.1 == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
                i += 1;
                continue;
            }
            _ => {}
        }
        let starts = matches!(t, "crate" | "super" | "self")
            && toks.get(i + 1).is_some_and(|n| n.1 == "::")
            && (i == 0 || toks[i - 1].1 != "::");
        if !starts {
            i += 1;
            continue;
        }
        let line = toks[i].0;
        let start = i;
        i += 1;
        let mut paths = Vec::new();
        expand(&toks, &mut i, vec![t.to_owned()], &mut paths);
        let mut written = String::new();
        for (k, t) in toks[start..i].iter().enumerate() {
            let word = |s: &str| s.chars().all(|c| c.is_alphanumeric() || c == '_');
            if k > 0 && (word(&t.1) && word(&toks[start + k - 1].1) || toks[start + k - 1].1 == ",")
            {
                written.push(' ');
            }
            written.push_str(&t.1);
        }
        let mut module: Vec<String> = file_module.to_vec();
        module.extend(inline.iter().map(|m| m.0.clone()));
        for p in paths {
            let mut abs: Vec<String>;
            let mut rest = p.as_slice();
            match rest.first().map(String::as_str) {
                Some("crate") => {
                    abs = Vec::new();
                    rest = &rest[1..];
                }
                Some("self") => {
                    abs = module.clone();
                    rest = &rest[1..];
                }
                _ => {
                    abs = module.clone();
                    while rest.first().is_some_and(|s| s == "super") {
                        abs.pop();
                        rest = &rest[1..];
                    }
                }
            }
            abs.extend(rest.iter().cloned());
            out.push((line, abs, written.clone()));
        }
    }
    out
}

/// The sub-layer module of `extract` a path from the crate root points into, and the
/// rank it stands for; `None` outside `extract`.
fn extract_target(abs: &[String]) -> Option<(String, u8)> {
    if abs.first().is_none_or(|s| s != "extract") {
        return None;
    }
    let Some(m) = abs.get(1) else {
        return Some((ROOT.to_owned(), 4));
    };
    if m == "testutil" {
        let item = abs.get(2)?;
        let rank = TESTUTIL.iter().find(|(n, _)| n == item).map(|(_, r)| *r);
        return Some((format!("testutil::{item}"), rank.unwrap_or(4)));
    }
    match EXTRACT_LAYERS.iter().find(|(n, _)| n == m) {
        Some((n, r)) => Some(((*n).to_owned(), *r)),
        None => Some((ROOT.to_owned(), 4)),
    }
}

#[test]
fn inside_extract_analysis_recognizers_resolve_facts_pipeline_and_uses_each_import_only_those_before()
 {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src.join("extract"), &mut all);
    let mut wrong = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for f in all {
        let rel = f.strip_prefix(&src).unwrap().to_path_buf();
        let mut module: Vec<String> = rel
            .components()
            .map(|c| {
                c.as_os_str()
                    .to_str()
                    .unwrap()
                    .trim_end_matches(".rs")
                    .to_owned()
            })
            .collect();
        if module.last().is_some_and(|m| m == "mod") {
            module.pop();
        }
        // the file's own sub-layer module; the root file is the pipeline
        let own = module.get(1).cloned().unwrap_or_else(|| ROOT.to_owned());
        if own == "testutil" {
            // the helpers: each is ranked in TESTUTIL, for what it runs
            continue;
        }
        let Some(&(_, own_rank)) = EXTRACT_LAYERS.iter().find(|(n, _)| *n == own) else {
            panic!(
                "{}: a module of extract in no sub-layer: add it to EXTRACT_LAYERS",
                rel.display()
            );
        };
        seen.insert(own.clone());
        let text = std::fs::read_to_string(&f).unwrap();
        for (line, abs, written) in extract_paths(&text, &module) {
            let Some((to, to_rank)) = extract_target(&abs) else {
                continue;
            };
            if to == own {
                continue;
            }
            // the root file declares the modules and re-exports their public items
            if own == ROOT && written.starts_with("self::") && to_rank > own_rank {
                let re_export = text
                    .lines()
                    .nth(line - 1)
                    .is_some_and(|l| l.trim_start().starts_with("pub use self::"));
                if re_export {
                    continue;
                }
            }
            let name = |r: u8| EXTRACT_RANK_NAMES[usize::from(r)];
            if to_rank > own_rank {
                wrong.insert(format!(
                    "{}:{line}: {} {own} imports the {} {to}: `{written}` (crate::{})",
                    rel.display(),
                    name(own_rank),
                    name(to_rank),
                    abs.join("::")
                ));
            } else if to_rank == own_rank
                && EXTRACT_SIBLING_RANKS.contains(&own_rank)
                && !to.starts_with("testutil::")
            {
                wrong.insert(format!(
                    "{}:{line}: {} {own} imports its sibling {to}: `{written}` (crate::{})",
                    rel.display(),
                    name(own_rank),
                    abs.join("::")
                ));
            }
        }
    }
    assert!(
        seen.contains("vocab") && seen.contains("person"),
        "the extract files were not read"
    );
    assert!(
        wrong.is_empty(),
        "{} import(s) against the sub-layers of extract (analysis → recognizers, siblings → \
         resolve → facts, siblings → the pipeline → lexicon/suggest/search):\n{}",
        wrong.len(),
        wrong.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn use_trees_are_read_with_their_brace_groups() {
    let module = ["extract".to_owned(), "person".to_owned(), "bare".to_owned()];
    let text = "use super::{a, b::{c, self as d}};\n// use crate::extract::x;\nlet s = \"crate::extract::y\";\nfn f<'a>() -> char { crate::extract::date::month_name_at(doc); '{' }\nmod tests { use super::super::z; }";
    let got: Vec<(usize, String)> = extract_paths(text, &module)
        .into_iter()
        .map(|(l, p, _)| (l, p.join("::")))
        .collect();
    assert_eq!(
        got,
        [
            (1, "extract::person::a".to_owned()),
            (1, "extract::person::b::c".to_owned()),
            (1, "extract::person::b".to_owned()),
            (4, "extract::date::month_name_at".to_owned()),
            (5, "extract::person::z".to_owned()),
        ]
    );
}
