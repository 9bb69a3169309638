//! Taliq's doccano, Prodigy, brat and CoNLL exports read by parsers written from each
//! tool's documentation, and the CoNLL tags also by seqeval and spaCy (the script
//! `tests/interop/lines.py`, run in the virtual environment `.ci/run` makes): on the
//! sample, the hard text and 20 dev documents, every reader sees Taliq's spans, text and
//! offsets.

#![allow(
    clippy::unwrap_used,
    reason = "a test that cannot set up its input fails there, with the error"
)]

mod support;

use serde_json::{Value, json};
use taliq_core::formats::brat::Brat;
use taliq_core::formats::conll::Conll;
use taliq_core::formats::doccano::Doccano;
use taliq_core::formats::exchange::{Exporter, in_text_order};
use taliq_core::formats::prodigy::Prodigy;
use taliq_core::model::annotation::{Annotation, Status};
use taliq_core::model::document::Document;

fn rows(doc: &Document, anns: &[&Annotation]) -> Vec<Value> {
    anns.iter()
        .map(|a| {
            let (s, e) = (a.span.start(), a.span.end());
            json!([s, e, a.label.as_str(), doc.slice(s, e)])
        })
        .collect()
}

#[test]
fn doccano_prodigy_brat_and_conll_readers_see_taliqs_spans() {
    let Some(python) = support::python() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut manifest = Vec::new();
    for (i, (doc, anns)) in support::articles(20).iter().enumerate() {
        let ordered = in_text_order(anns);
        let with = |s: Status| -> Vec<&Annotation> {
            ordered.iter().copied().filter(|a| a.status == s).collect()
        };
        let accepted = with(Status::Accepted);
        // CoNLL is flat: the first of overlapping annotations, in text order
        let mut flat: Vec<&Annotation> = Vec::new();
        for a in &accepted {
            if flat.last().is_none_or(|k| k.span.end() <= a.span.start()) {
                flat.push(a);
            }
        }
        let path = |ext: &str| dir.path().join(format!("a{i}{ext}"));
        let write = |ext: &str, bytes: &[u8]| std::fs::write(path(ext), bytes).unwrap();
        write(
            ".doccano.jsonl",
            &Doccano::default().export(doc, anns).bytes,
        );
        write(".prodigy.jsonl", &Prodigy.export(doc, anns).bytes);
        write(".conll", &Conll::default().export(doc, anns).bytes);
        let brat = Brat.export(doc, anns);
        write(".ann", &brat.bytes);
        for (name, text) in &brat.companions {
            let p = if name.starts_with('.') {
                path(name)
            } else {
                dir.path().join(name)
            };
            std::fs::write(p, text).unwrap();
        }
        manifest.push(json!({
            "text": doc.text(),
            "spans": rows(doc, &accepted),
            "pending": rows(doc, &with(Status::Pending)),
            "flat": rows(doc, &flat),
            "doccano": path(".doccano.jsonl"),
            "prodigy": path(".prodigy.jsonl"),
            "conll": path(".conll"),
            "brat_ann": path(".ann"),
            "brat_txt": path(".txt"),
            "brat_conf": dir.path().join("annotation.conf"),
        }));
    }
    let m = dir.path().join("manifest.json");
    std::fs::write(&m, Value::from(manifest).to_string()).unwrap();
    eprintln!("{}", support::run(&python, "lines.py", &[&m]));
}
