//! Shaping checked against the reference shaper: every visual line of the development
//! corpus, laid out by Taliq's engine, is cut into runs of one font and one direction, and
//! each run's glyph ids must equal what HarfBuzz's `hb-shape` (Debian `libharfbuzz-bin`)
//! gives for the same text, font file and direction.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

use taliq_text::fonts::{self, SystemFonts};
use taliq_text::{LayoutParams, layout_text};

fn corpus() -> Option<Vec<(String, String)>> {
    let path = concat!(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../.."),
        "/../shared/corpus/dev-gold.jsonl"
    );
    let data = std::fs::read_to_string(path).ok()?;
    Some(
        data.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|v| {
                (
                    v["doc"].as_str().unwrap_or("?").to_owned(),
                    v["text"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect(),
    )
}

/// One run to check: where it came from, its text and the engine's glyph ids.
struct Run {
    origin: String,
    text: String,
    ids: Vec<u16>,
}

/// Shapes each text with hb-shape (one process per font and direction) and returns the
/// glyph id lists in visual order.
fn hb_shape(font: &str, rtl: bool, texts: &[&str]) -> Vec<Vec<u16>> {
    let font_path = format!(
        "{}/fonts/{font}",
        concat!(env!("CARGO_MANIFEST_DIR"), "/../..")
    );
    let mut child = Command::new("hb-shape")
        .args([
            "--no-positions",
            "--no-clusters",
            "--no-glyph-names",
            if rtl {
                "--direction=rtl"
            } else {
                "--direction=ltr"
            },
            &font_path,
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("hb-shape runs");
    let mut input = String::new();
    for t in texts {
        input.push_str(t);
        input.push('\n');
    }
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            l.trim_matches(|c| c == '[' || c == ']')
                .split('|')
                .filter(|s| !s.is_empty())
                .map(|s| s.parse::<u16>().unwrap_or(u16::MAX))
                .collect()
        })
        .collect()
}

#[test]
fn every_corpus_line_shapes_like_harfbuzz() {
    let Some(docs) = corpus() else {
        eprintln!("skipped: ../shared/corpus/dev-gold.jsonl not found");
        return;
    };
    if Command::new("hb-shape").arg("--version").output().is_err() {
        // .ci/run installs libharfbuzz-bin; a developer machine may lack it
        eprintln!("skipped: hb-shape not installed (apt-get install libharfbuzz-bin)");
        return;
    }
    let mut fs = fonts::font_system(SystemFonts::Skip);
    let params = LayoutParams {
        font_size: 24.0,
        line_spacing: 1.8,
        width: Some(640.0),
        family: fonts::ARABIC_FAMILY.to_owned(),
        latin_family: Some(fonts::LATIN_FAMILY.to_owned()),
    };
    // (font file, rtl) → runs
    let mut groups: BTreeMap<(String, bool), Vec<Run>> = BTreeMap::new();
    let mut lines = 0;
    for (doc, text) in &docs {
        let chars: Vec<char> = text.chars().collect();
        let layout = layout_text(&mut fs, text, &params);
        for (li, line) in layout.lines.iter().enumerate() {
            lines += 1;
            let mut i = 0;
            while i < line.glyphs.len() {
                let g0 = &line.glyphs[i];
                let key = (fonts::face_file_name(&fs, g0.cache_key.font_id), g0.rtl);
                let mut j = i;
                while j < line.glyphs.len()
                    && line.glyphs[j].rtl == g0.rtl
                    && fonts::face_file_name(&fs, line.glyphs[j].cache_key.font_id) == key.0
                {
                    j += 1;
                }
                let run = &line.glyphs[i..j];
                let lo = run.iter().map(|g| g.chars.start).min().unwrap();
                let hi = run.iter().map(|g| g.chars.end).max().unwrap();
                let run_text: String = chars[lo..hi].iter().collect();
                // a run of whitespace alone (a space between two runs) is not interesting
                if !run_text.trim().is_empty() {
                    groups.entry(key).or_default().push(Run {
                        origin: format!("{doc} line {li} chars {lo}..{hi}"),
                        text: run_text,
                        ids: run.iter().map(|g| g.cache_key.glyph_id).collect(),
                    });
                }
                i = j;
            }
        }
    }
    let mut runs = 0;
    let mut mismatches = Vec::new();
    for ((font, rtl), group) in &groups {
        let texts: Vec<&str> = group.iter().map(|r| r.text.as_str()).collect();
        let reference = hb_shape(font, *rtl, &texts);
        assert_eq!(reference.len(), group.len(), "hb-shape answered every run");
        for (run, hb) in group.iter().zip(reference) {
            runs += 1;
            if run.ids != hb {
                mismatches.push(format!(
                    "{}: {:?} ({font}, rtl={rtl})\n  taliq: {:?}\n  hb:    {:?}",
                    run.origin, run.text, run.ids, hb
                ));
            }
        }
    }
    eprintln!(
        "{lines} lines, {runs} runs compared with hb-shape, {} mismatches",
        mismatches.len()
    );
    assert!(
        lines > 300 && runs > 300,
        "the corpus was laid out ({lines} lines)"
    );
    assert!(
        mismatches.is_empty(),
        "{} of {runs} runs differ from HarfBuzz:\n{}",
        mismatches.len(),
        mismatches
            .iter()
            .take(15)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
