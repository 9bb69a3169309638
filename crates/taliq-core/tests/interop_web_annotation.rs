//! Taliq's W3C Web Annotation export read in Python: as JSON (every
//! `text[start:end] == exact`, the expected spans, labels, statuses, notes and speakers)
//! and, with pyld, as JSON-LD expanded against the W3C context served from the vendored
//! copy `tests/interop/contexts/anno.jsonld` (no network). The articles: the sample with
//! its suggestions, the hard text (emoji, CRLF, harakat, lam-alef, an Arabic word last)
//! and the first 20 documents of `../shared/corpus/dev-gold.jsonl`, gold spans accepted.
//! Run in the virtual environment `.ci/run` makes (`TALIQ_PYTHON`); without it the test
//! says so and returns.

#![allow(
    clippy::unwrap_used,
    reason = "a test that cannot set up its input fails there, with the error"
)]

mod support;

use support::{python, script};

use std::path::{Path, PathBuf};

use taliq_core::formats::exchange::{Exporter, in_text_order};
use taliq_core::formats::web_annotation::{WebAnnotation, source_iris};
use taliq_core::model::annotation::{Annotation, Status};
use taliq_core::model::document::Document;

fn here(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The articles of `support`, the sample's first annotation with a note, and the first 20
/// corpus documents.
fn articles() -> Vec<(Document, Vec<Annotation>)> {
    support::noted_articles(20)
}

/// What the reader must find of one article.
fn expected(source: &str, anns: &[Annotation]) -> serde_json::Value {
    let kept: Vec<&Annotation> = in_text_order(anns)
        .into_iter()
        .filter(|a| a.status != Status::Rejected)
        .collect();
    let spans: Vec<serde_json::Value> = kept
        .iter()
        .map(|a| {
            let status = if a.status == Status::Pending {
                "pending"
            } else {
                "accepted"
            };
            serde_json::json!([
                a.span.start(),
                a.span.end(),
                a.label.as_str(),
                status,
                a.note
            ])
        })
        .collect();
    let speakers: Vec<serde_json::Value> = kept
        .iter()
        .filter_map(|a| {
            let to = a.facts.speaker.as_ref()?.mention?;
            let s = kept.iter().find(|b| b.id == to)?;
            Some(serde_json::json!([a.span.start(), s.span.start()]))
        })
        .collect();
    serde_json::json!({"source": source, "spans": spans, "speakers": speakers})
}

#[test]
fn pyld_expands_the_export_and_every_quote_is_the_text_at_its_position() {
    let Some(python) = python() else { return };
    let articles = articles();
    let refs: Vec<(&Document, &[Annotation])> =
        articles.iter().map(|(d, a)| (d, a.as_slice())).collect();
    let out = WebAnnotation::default().export_all(&refs).unwrap();
    let docs: Vec<&Document> = articles.iter().map(|(d, _)| d).collect();
    let want: Vec<serde_json::Value> = articles
        .iter()
        .zip(source_iris(&docs))
        .map(|((_, a), source)| expected(&source, a))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let (x, e) = (
        dir.path().join("export.jsonld"),
        dir.path().join("expected.json"),
    );
    std::fs::write(&x, &out.bytes).unwrap();
    std::fs::write(&e, serde_json::json!({"articles": want}).to_string()).unwrap();
    let context = here("tests/interop/contexts/anno.jsonld");
    let run = || {
        std::process::Command::new(&python)
            .arg(script("web_annotation.py"))
            .args([&x, &e, &context])
            .output()
            .unwrap()
    };
    let said = |r: &std::process::Output| {
        format!(
            "{}\n{}",
            String::from_utf8_lossy(&r.stdout),
            String::from_utf8_lossy(&r.stderr)
        )
    };
    assert!(context.exists(), "the vendored W3C context is missing");
    let r = run();
    assert!(
        r.status.success(),
        "pyld refused Taliq's export:\n{}",
        said(&r)
    );
    eprintln!("{}", said(&r));
}
