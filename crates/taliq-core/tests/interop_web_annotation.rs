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

use support::{annotation, python};

use std::path::{Path, PathBuf};

use taliq_core::formats::exchange::{Exporter, in_text_order};
use taliq_core::formats::web_annotation::{WebAnnotation, source_iris};
use taliq_core::model::annotation::{Annotation, Status};
use taliq_core::model::document::Document;
use taliq_core::model::label::Label;
use taliq_core::session::{Edit, Session};

fn here(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn articles() -> Vec<(Document, Vec<Annotation>)> {
    let sample = std::fs::read_to_string(here("../../seeds/putin-trump-call.ar.txt")).unwrap();
    let doc = Document::from_text(&sample, "putin-trump-call.ar.txt", "UTF-8");
    let mut session = Session::with_extraction(doc);
    let ids: Vec<u64> = session.annotations().iter().map(|a| a.id).collect();
    for id in &ids[..ids.len() / 2] {
        let status = Status::Accepted;
        session.apply(Edit::SetStatus { id: *id, status }).unwrap();
    }
    let mut anns = session.annotations().to_vec();
    anns[0].note = "ملاحظة: «اسم» مع \"علامات\"\nوسطر ثان".into();
    let mut out = vec![(session.document().clone(), anns)];

    let t = "💩 قال الرئيسُ عبد الفتاح السيسي:\r\n«لن نتراجع» في القاهرة لألأ مُحَمَّد";
    let doc = Document::from_text(t, "hard.txt", "UTF-8");
    let find = |s: &str| {
        let b = t.find(s).unwrap();
        let start = t[..b].chars().count();
        (start, start + s.chars().count())
    };
    let mut anns = vec![
        annotation(
            &doc,
            1,
            find("عبد الفتاح السيسي"),
            Label::Person,
            Status::Accepted,
        ),
        annotation(&doc, 2, find("لن نتراجع"), Label::Quote, Status::Accepted),
        annotation(&doc, 3, find("القاهرة"), Label::Location, Status::Pending),
        annotation(&doc, 4, find("مُحَمَّد"), Label::Person, Status::Accepted),
        annotation(&doc, 5, find("لألأ"), Label::Misc, Status::Rejected),
    ];
    anns[1].facts.speaker = Some(taliq_core::model::annotation::SpeakerLink {
        entity: taliq_core::model::entity_id::EntityId::new(Label::Person, "عبد الفتاح السيسي"),
        mention: Some(1),
    });
    out.push((doc, anns));

    let gold = here("../../../shared/corpus/dev-gold.jsonl");
    match std::fs::read_to_string(&gold) {
        Ok(body) => {
            for line in body.lines().filter(|l| !l.trim().is_empty()).take(20) {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                let doc = Document::from_text(
                    v["text"].as_str().unwrap(),
                    v["doc"].as_str().unwrap(),
                    "UTF-8",
                );
                let anns = v["spans"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .zip(1..)
                    .map(|(s, id)| {
                        let at = |k: &str| usize::try_from(s[k].as_u64().unwrap()).unwrap();
                        let label = Label::from_name(s["label"].as_str().unwrap()).unwrap();
                        annotation(&doc, id, (at("start"), at("end")), label, Status::Accepted)
                    })
                    .collect();
                out.push((doc, anns));
            }
        }
        Err(_) => eprintln!(
            "{} not found: the gold documents are not exported",
            gold.display()
        ),
    }
    out
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
            .arg(here("tests/interop/web_annotation.py"))
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
