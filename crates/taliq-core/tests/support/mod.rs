//! What the interop tests share: the Python of the other tools' readers, the scripts, and
//! the articles every export is checked on (the sample with its suggestions, half
//! accepted; a short text with what breaks other tools; the first documents of the dev
//! corpus with their gold spans accepted).

#![allow(dead_code, reason = "each test file uses the part it needs")]

use std::path::{Path, PathBuf};

use taliq_core::model::annotation::{Annotation, Facts, Origin, SpeakerLink, Status};
use taliq_core::model::document::Document;
use taliq_core::model::entity_id::EntityId;
use taliq_core::model::label::Label;
use taliq_core::model::span::Span;
use taliq_core::session::{Edit, Session};

/// An article and its annotations.
pub(crate) type Article = (Document, Vec<Annotation>);

/// The interpreter of the virtual environment `.ci/run` makes (`TALIQ_PYTHON`); `None`,
/// said on stderr, when it is not set.
pub(crate) fn python() -> Option<PathBuf> {
    let p = std::env::var_os("TALIQ_PYTHON").map(PathBuf::from);
    if p.is_none() {
        eprintln!(
            "TALIQ_PYTHON is not set: the other tools' readers are not run (.ci/run sets it)"
        );
    }
    p
}

/// The reader script `name` of `tests/interop/`.
pub(crate) fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/interop")
        .join(name)
}

/// Runs `python script args…`; its stdout, or a failure that shows stdout and stderr.
pub(crate) fn run(python: &Path, name: &str, args: &[&Path]) -> String {
    let out = std::process::Command::new(python)
        .arg(script(name))
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{name} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// The chars `start..end` of `needle`'s first occurrence in `text`.
pub(crate) fn char_span(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).unwrap();
    let start = text[..b].chars().count();
    (start, start + needle.chars().count())
}

/// A manual annotation of `start..end`.
pub(crate) fn annotation(
    doc: &Document,
    id: u64,
    (start, end): (usize, usize),
    label: Label,
    status: Status,
) -> Annotation {
    Annotation {
        id,
        span: Span::new(doc, start, end).unwrap(),
        label,
        origin: Origin::Manual,
        status,
        note: String::new(),
        canonical: doc.slice(start, end).to_owned(),
        facts: Facts::default(),
    }
}

/// A text with what breaks other tools: an emoji before the spans, CRLF, harakat,
/// lam-alef, and an Arabic word as the very last characters.
pub(crate) const HARD: &str = "💩 قال الرئيسُ عبد الفتاح السيسي:\r\n«لن نتراجع» في القاهرة لألأ مُحَمَّد";

/// The sample article with its suggestions, the first half accepted; the hard text with
/// a person, a quote he said, a pending place, a person last and a rejected word; then the
/// first `gold` documents of `../shared/corpus/dev-gold.jsonl` with their gold spans
/// accepted (none when `gold` is 0 or the corpus is not there).
pub(crate) fn articles(gold: usize) -> Vec<Article> {
    let mut out = vec![sample(), hard()];
    if gold > 0
        && let Some((docs, _)) = corpus(gold)
    {
        out.extend(docs);
    }
    out
}

/// A note with what a writer must escape: guillemets, double quotes, a line break.
pub(crate) const NOTE: &str = "ملاحظة: «اسم» مع \"علامات\"\nوسطر ثان";

/// [`articles`] with [`NOTE`] on the sample's first annotation.
pub(crate) fn noted_articles(gold: usize) -> Vec<Article> {
    let mut out = articles(gold);
    out[0].1[0].note = NOTE.into();
    out
}

/// The sample article with its suggestions, the first half accepted, the rest pending.
pub(crate) fn sample() -> Article {
    let sample = include_str!("../../../../seeds/putin-trump-call.ar.txt");
    let doc = Document::from_text(sample, "putin-trump-call.ar.txt", "UTF-8");
    let mut session = Session::with_extraction(doc);
    let ids: Vec<u64> = session.annotations().iter().map(|a| a.id).collect();
    for id in &ids[..ids.len() / 2] {
        let status = Status::Accepted;
        session.apply(Edit::SetStatus { id: *id, status }).unwrap();
    }
    (session.document().clone(), session.annotations().to_vec())
}

/// [`HARD`] with a person, a quote he said (his speaker link on it), a pending place, a
/// person last and a rejected word.
pub(crate) fn hard() -> Article {
    let doc = Document::from_text(HARD, "hard.txt", "UTF-8");
    let a = |id, s, label, status| annotation(&doc, id, char_span(HARD, s), label, status);
    let mut anns = vec![
        a(1, "عبد الفتاح السيسي", Label::Person, Status::Accepted),
        a(2, "لن نتراجع", Label::Quote, Status::Accepted),
        a(3, "القاهرة", Label::Location, Status::Pending),
        a(4, "مُحَمَّد", Label::Person, Status::Accepted),
        a(5, "لألأ", Label::Misc, Status::Rejected),
    ];
    anns[1].facts.speaker = Some(SpeakerLink {
        entity: EntityId::new(Label::Person, "عبد الفتاح السيسي"),
        mention: Some(1),
    });
    (doc, anns)
}

/// The first `n` documents of `../shared/corpus/dev-gold.jsonl` with their gold spans
/// accepted, and how many gold spans were left aside for not being spans here; `None`,
/// said on stderr, when the corpus is not there.
pub(crate) fn corpus(n: usize) -> Option<(Vec<Article>, usize)> {
    let corpus = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/dev-gold.jsonl"
    );
    let Ok(lines) = std::fs::read_to_string(corpus) else {
        eprintln!("{corpus} not found: the corpus documents are not exported");
        return None;
    };
    let mut out = Vec::new();
    let mut invalid = 0;
    for line in lines.lines().take(n) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let doc = Document::from_text(
            v["text"].as_str().unwrap(),
            v["doc"].as_str().unwrap(),
            "UTF-8",
        );
        let mut anns = Vec::new();
        for s in v["spans"].as_array().unwrap() {
            let at = |k: &str| s[k].as_u64().unwrap() as usize;
            let label = Label::from_name(s["label"].as_str().unwrap()).unwrap();
            if Span::new(&doc, at("start"), at("end")).is_ok() {
                let id = anns.len() as u64 + 1;
                anns.push(annotation(
                    &doc,
                    id,
                    (at("start"), at("end")),
                    label,
                    Status::Accepted,
                ));
            } else {
                invalid += 1;
            }
        }
        out.push((doc, anns));
    }
    Some((out, invalid))
}
