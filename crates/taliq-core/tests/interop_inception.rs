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

use support::{char_span, python, script};

use taliq_core::formats::exchange::{Exporter, Importer, LabelMap, Unknown, place};
use taliq_core::formats::inception::{UimaCasJson, WebAnnoTsv};
use taliq_core::model::annotation::{Annotation, Status};
use taliq_core::model::document::Document;
use taliq_core::model::label::Label;

/// The articles of `support` and the first 20 corpus documents, saying how many gold
/// spans are not spans here.
fn articles() -> Vec<(Document, Vec<Annotation>)> {
    let mut out = support::articles(0);
    if let Some((docs, invalid)) = support::corpus(20) {
        eprintln!("corpus: 20 documents, {invalid} gold spans that are not spans left aside");
        out.extend(docs);
    }
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
        .arg(script("inception_cas.py"))
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
        .arg(script("inception_cas.py"))
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
