//! Taliq's INCEpTION exports (UIMA CAS JSON, WebAnno TSV 3.3) read by dkpro-cassis, and a
//! CAS written by cassis read by Taliq, in the Python of `TALIQ_PYTHON` (the interop
//! virtual environment; without it the readers are not run and the test says so).
//! Articles: the sample with the extractor's suggestions (half accepted), the hard text
//! (an emoji before the spans, CRLF, harakat, lam-alef, an Arabic word last) with a
//! speaker, and the first 20 documents of `shared/corpus/dev-gold.jsonl` with their gold
//! spans accepted (when the corpus is there).

#![allow(
    clippy::unwrap_used,
    reason = "a test that cannot set up its input fails there, with the error"
)]

mod support;

use support::{char_span, python};

use std::path::{Path, PathBuf};

use taliq_core::formats::exchange::{Exporter, Importer, LabelMap, Unknown, place};
use taliq_core::formats::inception::{UimaCasJson, WebAnnoTsv};
use taliq_core::model::annotation::{Annotation, Facts, Origin, SpeakerLink, Status};
use taliq_core::model::document::Document;
use taliq_core::model::entity_id::EntityId;
use taliq_core::model::label::Label;
use taliq_core::model::span::Span;
use taliq_core::session::{Edit, Session};

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/inception_cas.py")
}

fn annotation(doc: &Document, id: u64, (start, end): (usize, usize), label: Label) -> Annotation {
    Annotation {
        id,
        span: Span::new(doc, start, end).unwrap(),
        label,
        origin: Origin::Manual,
        status: Status::Accepted,
        note: String::new(),
        canonical: doc.slice(start, end).to_owned(),
        facts: Facts::default(),
    }
}

const HARD: &str = "💩 قال الرئيسُ عبد الفتاح السيسي:\r\n«لن نتراجع» في القاهرة لألأ مُحَمَّد";

fn articles() -> Vec<(Document, Vec<Annotation>)> {
    let sample = include_str!("../../../seeds/putin-trump-call.ar.txt");
    let doc = Document::from_text(sample, "putin-trump-call.ar.txt", "UTF-8");
    let mut session = Session::with_extraction(doc);
    let ids: Vec<u64> = session.annotations().iter().map(|a| a.id).collect();
    for id in &ids[..ids.len() / 2] {
        let status = Status::Accepted;
        session.apply(Edit::SetStatus { id: *id, status }).unwrap();
    }
    let mut out = vec![(session.document().clone(), session.annotations().to_vec())];

    let doc = Document::from_text(HARD, "hard.txt", "UTF-8");
    let mut anns = vec![
        annotation(&doc, 1, char_span(HARD, "عبد الفتاح السيسي"), Label::Person),
        annotation(&doc, 2, char_span(HARD, "لن نتراجع"), Label::Quote),
        annotation(&doc, 3, char_span(HARD, "القاهرة"), Label::Location),
        annotation(&doc, 4, char_span(HARD, "مُحَمَّد"), Label::Person),
        annotation(&doc, 5, char_span(HARD, "لألأ"), Label::Misc),
    ];
    anns[2].status = Status::Pending;
    anns[4].status = Status::Rejected;
    anns[1].facts.speaker = Some(SpeakerLink {
        entity: EntityId::new(Label::Person, "عبد الفتاح السيسي"),
        mention: Some(1),
    });
    out.push((doc, anns));

    let corpus = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/dev-gold.jsonl"
    );
    let Ok(lines) = std::fs::read_to_string(corpus) else {
        eprintln!("{corpus} not found: the corpus documents are not exported");
        return out;
    };
    let mut invalid = 0;
    for line in lines.lines().take(20) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let doc = Document::from_text(
            v["text"].as_str().unwrap(),
            v["doc"].as_str().unwrap(),
            "UTF-8",
        );
        let mut anns = Vec::new();
        for s in v["spans"].as_array().unwrap() {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            let label = Label::from_name(s["label"].as_str().unwrap()).unwrap();
            if Span::new(&doc, start, end).is_ok() {
                anns.push(annotation(&doc, anns.len() as u64 + 1, (start, end), label));
            } else {
                invalid += 1;
            }
        }
        out.push((doc, anns));
    }
    eprintln!("corpus: 20 documents, {invalid} gold spans that are not spans left aside");
    out
}

/// What a reader must see: the text, the accepted spans `[start, end, label, text]` and
/// the speakers between them, in code points.
fn expected(doc: &Document, anns: &[Annotation]) -> serde_json::Value {
    let accepted: Vec<&Annotation> = anns
        .iter()
        .filter(|a| a.status == Status::Accepted)
        .collect();
    let at = |a: &Annotation| serde_json::json!([a.span.start(), a.span.end()]);
    let spans: Vec<serde_json::Value> = accepted
        .iter()
        .map(|a| {
            let (s, e) = (a.span.start(), a.span.end());
            serde_json::json!([s, e, a.label.as_str(), doc.slice(s, e)])
        })
        .collect();
    let speakers: Vec<serde_json::Value> = accepted
        .iter()
        .filter(|a| a.label == Label::Quote)
        .filter_map(|q| {
            let m = q.facts.speaker.as_ref()?.mention?;
            let s = accepted.iter().find(|a| a.id == m)?;
            Some(serde_json::json!([at(q), at(s)]))
        })
        .collect();
    serde_json::json!({"text": doc.text(), "spans": spans, "speakers": speakers})
}

#[test]
fn cassis_reads_the_cas_json_export_and_the_tsv_slices_right() {
    let Some(python) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let articles = articles();
    let mut speakers = 0;
    for (i, (doc, anns)) in articles.iter().enumerate() {
        let p = |ext: &str| dir.path().join(format!("{i}.{ext}"));
        std::fs::write(p("json"), UimaCasJson::default().export(doc, anns).bytes).unwrap();
        std::fs::write(p("tsv"), WebAnnoTsv::default().export(doc, anns).bytes).unwrap();
        let want = expected(doc, anns);
        speakers += want["speakers"].as_array().unwrap().len();
        std::fs::write(p("expected.json"), want.to_string()).unwrap();
    }
    assert!(speakers >= 2, "the sample and the hard text have speakers");
    let run = std::process::Command::new(python)
        .arg(script())
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "cassis or the TSV check refused Taliq's export:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    eprintln!("{}", String::from_utf8_lossy(&run.stdout));
}

#[test]
fn taliq_reads_a_cas_cassis_wrote() {
    let Some(python) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cassis.json");
    let run = std::process::Command::new(python)
        .arg(script())
        .arg("make")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let docs = UimaCasJson::default()
        .import(&std::fs::read(&path).unwrap())
        .unwrap();
    let text = "👍 قال الرئيسُ عبد الفتاح السيسي:\r\n«لن نتراجع» لألأ";
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].text, text);
    let doc = Document::from_text(text, "cassis.json", "UTF-8");
    let placed = place(
        &doc,
        &docs[0],
        &LabelMap::default(),
        Unknown::Skip,
        1,
        taliq_core::model::format::FormatId::Inception,
    );
    assert!(placed.problems.is_empty(), "{:?}", placed.problems);
    let got: Vec<(usize, usize, Label)> = placed
        .annotations
        .iter()
        .map(|a| (a.span.start(), a.span.end(), a.label))
        .collect();
    let (p, q, m) = (
        char_span(text, "عبد الفتاح السيسي"),
        char_span(text, "لن نتراجع"),
        char_span(text, "لألأ"),
    );
    assert_eq!(
        got,
        [
            (p.0, p.1, Label::Person),
            (q.0, q.1, Label::Quote),
            (m.0, m.1, Label::Misc)
        ]
    );
    let link = placed.annotations[1].facts.speaker.as_ref().unwrap();
    assert_eq!(link.mention, Some(placed.annotations[0].id));
}
