//! Taliq's spaCy DocBin read by spaCy itself, and DocBins spaCy made read by Taliq, in the
//! Python virtual environment `.ci/run` makes from `tests/interop/requirements.txt` (its
//! interpreter in `TALIQ_PYTHON`). Without `TALIQ_PYTHON` the readers are not run and the
//! test says so. The helpers are those of `tests/support`.

#![allow(
    clippy::unwrap_used,
    reason = "a test that cannot set up its input fails there, with the error"
)]

mod support;

use support::{annotation, char_span, python, run};

use std::path::Path;

use serde_json::{Value, json};
use taliq_core::formats::exchange::{
    Exporter, Importer, LabelMap, SpanProblem, Unknown, in_text_order, place,
};
use taliq_core::formats::spacy::SpacyDocBin;
use taliq_core::model::annotation::{Annotation, Status};
use taliq_core::model::document::Document;
use taliq_core::model::label::Label;
use taliq_core::model::span::Span;

/// The articles of `support` (the sample with its suggestions, half accepted, one with a
/// note, and the hard text, its quote with its speaker), a text with overlapping spans,
/// then the first 20 documents of `../shared/corpus/dev-gold.jsonl` with their gold spans
/// accepted (nested QUOTEs included), when it is there.
fn articles() -> Vec<(Document, Vec<Annotation>)> {
    let mut out = support::noted_articles(20);
    out.insert(2, nested());
    out
}

/// Overlapping accepted spans (a name inside a quote), a second space, a tab, a proclitic
/// before a pending span.
fn nested() -> (Document, Vec<Annotation>) {
    let t = "قال  الرئيس:\t«إن محمد بن سلمان وصل بالرياض»\n";
    let doc = Document::from_text(t, "nested.txt", "UTF-8");
    let a = |id, s, label, status| annotation(&doc, id, char_span(t, s), label, status);
    let anns = vec![
        a(
            1,
            "إن محمد بن سلمان وصل بالرياض",
            Label::Quote,
            Status::Accepted,
        ),
        a(2, "محمد بن سلمان", Label::Person, Status::Accepted),
        a(3, "الرياض", Label::Location, Status::Accepted),
        a(4, "محمد", Label::Person, Status::Pending),
    ];
    (doc, anns)
}

/// What spaCy must read of one article: `ents` the accepted annotations that overlap no
/// earlier one (text order), `sc` all the accepted ones when some overlap, `pending` the
/// pending ones; each `[start, end, label, text]` in code points.
fn expected(doc: &Document, anns: &[Annotation]) -> Value {
    let row = |a: &Annotation| {
        json!([
            a.span.start(),
            a.span.end(),
            a.label.as_str(),
            doc.slice(a.span.start(), a.span.end())
        ])
    };
    let ordered = in_text_order(anns);
    let accepted: Vec<&Annotation> = ordered
        .iter()
        .copied()
        .filter(|a| a.status == Status::Accepted)
        .collect();
    let mut ents = Vec::new();
    let mut end = 0;
    for a in &accepted {
        if a.span.start() >= end {
            end = a.span.end();
            ents.push(row(a));
        }
    }
    let sc: Vec<Value> = if ents.len() < accepted.len() {
        accepted.iter().map(|a| row(a)).collect()
    } else {
        Vec::new()
    };
    let pending: Vec<Value> = ordered
        .iter()
        .filter(|a| a.status == Status::Pending)
        .map(|a| row(a))
        .collect();
    json!({"text": doc.text(), "ents": ents, "sc": sc, "pending": pending})
}

/// The accepted and pending annotations as (span, label, pending?), sorted.
fn kept(anns: &[Annotation]) -> Vec<(Span, Label, bool)> {
    let mut v: Vec<_> = anns
        .iter()
        .filter(|a| a.status != Status::Rejected)
        .map(|a| (a.span, a.label, a.status == Status::Pending))
        .collect();
    v.sort();
    v
}

/// spaCy reads Taliq's DocBin to the article texts and the spans Taliq wrote, all on
/// token boundaries; the Docs spaCy writes again (its default attrs) read back in Taliq to
/// the same annotations.
#[test]
fn spacy_reads_taliqs_docbin_and_taliq_reads_spacys_copy_back() {
    let Some(python) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let articles = articles();
    let refs: Vec<(&Document, &[Annotation])> =
        articles.iter().map(|(d, a)| (d, a.as_slice())).collect();
    let out = SpacyDocBin.export_all(&refs).unwrap();
    let want: Vec<Value> = articles.iter().map(|(d, a)| expected(d, a)).collect();
    let (file, exp, again) = (
        dir.path().join("taliq.spacy"),
        dir.path().join("expected.json"),
        dir.path().join("again.spacy"),
    );
    std::fs::write(&file, &out.bytes).unwrap();
    std::fs::write(&exp, serde_json::to_string(&want).unwrap()).unwrap();
    eprint!(
        "{}",
        run(&python, "spacy_docbin.py", &[&file, &exp, &again])
    );
    let docs = SpacyDocBin.import(&std::fs::read(&again).unwrap()).unwrap();
    assert_eq!(docs.len(), articles.len());
    for ((doc, anns), foreign) in articles.iter().zip(&docs) {
        assert_eq!(foreign.text, doc.text());
        let placed = place(
            doc,
            foreign,
            &LabelMap::default(),
            Unknown::Skip,
            1,
            taliq_core::model::format::FormatId::Spacy,
        );
        assert_eq!(placed.problems, [], "{}", doc.source_name());
        assert_eq!(
            kept(&placed.annotations),
            kept(anns),
            "{}",
            doc.source_name()
        );
    }
}

/// A DocBin made by spaCy from `spacy.blank("ar")` docs (default attrs, `doc.ents`,
/// overlapping `sc` spans, a doc whose spaces are unknown) reads in Taliq to the texts
/// and spans spaCy reads from it.
#[test]
fn taliq_reads_a_docbin_spacy_made() {
    let Some(python) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (file, exp) = (dir.path().join("made.spacy"), dir.path().join("made.json"));
    eprint!("{}", run(&python, "spacy_made.py", &[&file, &exp]));
    let want: Value = serde_json::from_str(&std::fs::read_to_string(&exp).unwrap()).unwrap();
    let docs = SpacyDocBin.import(&std::fs::read(&file).unwrap()).unwrap();
    let want = want.as_array().unwrap();
    assert_eq!(docs.len(), want.len());
    for (d, w) in docs.iter().zip(want) {
        assert_eq!(d.text, w["text"].as_str().unwrap());
        let got: Vec<Value> = d
            .spans
            .iter()
            .map(|s| json!([s.start, s.end, s.label]))
            .collect();
        let mut wanted: Vec<Value> = Vec::new();
        for s in w["ents"]
            .as_array()
            .unwrap()
            .iter()
            .chain(w["sc"].as_array().unwrap())
        {
            if !wanted.contains(s) {
                wanted.push(s.clone());
            }
        }
        assert_eq!(got, wanted);
        let doc = Document::from_text(&d.text, "t.txt", "UTF-8");
        let placed = place(
            &doc,
            d,
            &LabelMap::default(),
            Unknown::AsMisc,
            1,
            taliq_core::model::format::FormatId::Spacy,
        );
        assert!(
            placed
                .problems
                .iter()
                .all(|p| matches!(p, SpanProblem::UnknownLabel { .. })),
            "{:?}",
            placed.problems
        );
    }
}

/// The table of spaCy's reserved symbols Taliq carries is the installed spaCy's.
#[test]
fn the_symbol_table_is_spacys() {
    let Some(python) = python() else { return };
    let theirs = run(&python, "spacy_symbols.py", &[]);
    let ours = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/formats/spacy/symbols.txt"),
    )
    .unwrap();
    assert!(
        theirs == ours,
        "regenerate symbols.txt with tests/interop/spacy_symbols.py"
    );
}
