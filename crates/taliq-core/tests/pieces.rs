//! A long text is extracted in pieces of whole lines (`taliq_core::extract::PIECE_BYTES`); the
//! mentions must not depend on where the pieces are cut. Checked on the real texts of the
//! evaluation sets (each text alone, and all of them as one long text, where names found
//! in one piece are propagated to the others), cut at every line and not cut at all.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

use taliq_core::extract::{Mention, PIECE_BYTES, extract, extract_in_pieces};

/// The texts of the JSON Lines gold files in `data/eval/` and, when present beside the
/// checkout, `../shared/corpus/dev-gold.jsonl`, plus the bundled sample article.
fn texts() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(format!("{root}/data/eval"))
        .expect("data/eval")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let shared = std::path::PathBuf::from(format!("{root}/../shared/corpus/dev-gold.jsonl"));
    if shared.exists() {
        files.push(shared);
    }
    let mut out = vec![include_str!("../../../seeds/putin-trump-call.ar.txt").to_string()];
    for f in files {
        let body = std::fs::read_to_string(&f).expect("readable gold file");
        for line in body.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            out.push(v["text"].as_str().expect("a text").to_string());
        }
    }
    assert!(out.len() > 300, "{} texts", out.len());
    out
}

/// The first differing mentions of two lists, for a failure message.
fn differences(a: &[Mention], b: &[Mention]) -> String {
    use std::fmt::Write;
    let mut s = format!("{} vs {} mentions\n", a.len(), b.len());
    for (x, y) in a.iter().zip(b).filter(|(x, y)| x != y).take(3) {
        let _ = writeln!(s, "  {x:?}\n  {y:?}");
    }
    s
}

#[test]
fn every_text_gives_the_same_mentions_cut_at_every_line() {
    for text in texts() {
        let whole = extract_in_pieces(&text, usize::MAX);
        let lines = extract_in_pieces(&text, 1);
        assert!(whole == lines, "{text}\n{}", differences(&whole, &lines));
    }
}

#[test]
fn one_long_text_gives_the_same_mentions_in_any_pieces() {
    let text = texts().join("\n");
    // more than one piece of the default size
    assert!(text.len() > PIECE_BYTES + 10_000, "{} bytes", text.len());
    let whole = extract_in_pieces(&text, usize::MAX);
    assert!(whole.len() > 500, "{} mentions", whole.len());
    for piece in [1, 1000, 16 * 1024, PIECE_BYTES] {
        let cut = extract_in_pieces(&text, piece);
        assert!(
            whole == cut,
            "pieces of {piece}: {}",
            differences(&whole, &cut)
        );
    }
    assert!(extract(&text) == whole);
}

#[test]
fn empty_and_blank_texts_have_no_mentions() {
    for text in ["", "\n", "\n\n\n", "   \n  "] {
        assert!(extract_in_pieces(text, 1).is_empty());
        assert!(extract_in_pieces(text, usize::MAX).is_empty());
    }
}

/// The lines of all texts (no empty ones).
fn lines() -> Vec<String> {
    texts()
        .iter()
        .flat_map(|t| {
            t.lines()
                .map(str::trim_end)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|l| !l.trim().is_empty())
        .collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    /// Lines of different texts put side by side: no rule may read across the line break
    /// (a name at the end of one line and a verb or a title at the start of the next).
    #[test]
    fn random_lines_give_the_same_mentions_cut_at_every_line(
        picks in proptest::collection::vec(0usize..100_000, 2..8),
        blank in proptest::bool::ANY,
    ) {
        thread_local! {
            static LINES: Vec<String> = lines();
        }
        let text = LINES.with(|all| {
            picks
                .iter()
                .map(|&i| all[i % all.len()].as_str())
                .collect::<Vec<_>>()
                .join(if blank { "\n\n" } else { "\n" })
        });
        let whole = extract_in_pieces(&text, usize::MAX);
        let cut = extract_in_pieces(&text, 1);
        proptest::prop_assert!(whole == cut, "{text}\n{}", differences(&whole, &cut));
    }
}
