//! Sidecars written by hand (or by a script converting other annotations) next to an
//! article, opened in the app as an annotator would: issue 13, item 13.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

mod support;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use support::{char_span, harness, write_article};
use taliq::ui::TaliqApp;
use taliq_core::model::annotation::{Origin, Status};
use taliq_core::model::label::Label;
use taliq_core::session::Provenance;

const ARTICLE: &str = "قال الرئيس فلاديمير بوتين إن بوتين سيزور الكرملين في موسكو يوم الاثنين.\n";

/// The article in a fresh folder with `sidecar` written by hand as its `.taliq.json`.
fn article_with_sidecar(sidecar: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = write_article(dir.path(), "a.txt", ARTICLE);
    std::fs::write(dir.path().join("a.txt.taliq.json"), sidecar).unwrap();
    (dir, path)
}

fn json_text(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// What the annotator must see after opening: the hand-made annotation as it was written,
/// and the extractor's suggestions beside it where they do not overlap it.
fn assert_loaded_with_suggestions_beside(h: &Harness<'static, TaliqApp>, dir: &Path) {
    let s = h.state().session().expect("article open");
    let (_, status) = h.state().status().expect("a status line");
    assert!(
        status.contains("restored 1 annotation(s) from a.txt.taliq.json")
            && status.contains("suggestion(s) of the extractor added beside them"),
        "{status}"
    );
    assert_eq!(
        s.provenance(),
        Provenance::Restored,
        "{:?}",
        h.state().status()
    );
    assert_eq!(
        h.state().sidecar_path(),
        Some(dir.join("a.txt.taliq.json").as_path()),
        "work goes on in the hand-made sidecar, not in a .taliq.2.json beside a 'damaged' one: {:?}",
        h.state().status()
    );
    let (start, end) = char_span(ARTICLE, "فلاديمير بوتين");
    let hand: Vec<_> = s
        .annotations()
        .iter()
        .filter(|a| a.span.start() == start && a.span.end() == end)
        .collect();
    assert_eq!(hand.len(), 1, "{:?}", s.annotations());
    assert_eq!(hand[0].label, Label::Person);
    assert_eq!(hand[0].origin, Origin::Manual);
    assert_eq!(hand[0].status, Status::Accepted);
    assert_eq!(hand[0].canonical, "فلاديمير بوتين");
    // suggestions beside it, pending, none overlapping it
    let suggested = |needle: &str, label: Label| {
        let (a, b) = char_span(ARTICLE, needle);
        s.annotations().iter().any(|x| {
            x.span.start() == a
                && x.span.end() == b
                && x.label == label
                && x.origin == Origin::Extracted
                && x.status == Status::Pending
        })
    };
    assert!(
        suggested("الكرملين", Label::Organization),
        "{:?}",
        s.annotations()
    );
    assert!(suggested("موسكو", Label::Location), "{:?}", s.annotations());
    assert!(
        !s.annotations()
            .iter()
            .any(|x| x.origin == Origin::Extracted && x.span.start() < end && start < x.span.end()),
        "no suggestion overlaps the hand-made annotation: {:?}",
        s.annotations()
    );
    // the hand-made mention and the lone بوتين suggested after it are one entity
    let putin = s
        .entities()
        .into_iter()
        .find(|e| e.canonical() == "فلاديمير بوتين")
        .expect("the hand-made entity");
    assert_eq!(putin.id.to_string(), "PERSON:فلاديمير بوتين");
}

#[test]
fn a_hand_made_sidecar_without_entity_ids_is_accepted_and_extraction_adds_suggestions_beside_it() {
    // the format as the README shows it, only the entity ids left out
    let (start, end) = char_span(ARTICLE, "فلاديمير بوتين");
    let sidecar = format!(
        r#"{{
  "format": "taliq-annotations",
  "version": 1,
  "document": {{ "source": "a.txt", "encoding": "UTF-8", "sha256": "{}", "char_count": {},
                "text": {} }},
  "offset_unit": "unicode_scalar_value",
  "labels": ["PERSON", "ORGANIZATION", "LOCATION", "DATE", "NUMBER", "MISC", "QUOTE"],
  "annotations": [
    {{ "id": 1, "start": {start}, "end": {end}, "text": "فلاديمير بوتين", "label": "PERSON",
      "origin": "manual", "status": "accepted", "note": "" }}
  ],
  "entities": []
}}
"#,
        taliq_core::model::document::Document::from_text(ARTICLE, "a.txt", "UTF-8").sha256(),
        ARTICLE.chars().count(),
        json_text(ARTICLE)
    );
    let (dir, path) = article_with_sidecar(&sidecar);
    let h = harness(&path);
    assert_loaded_with_suggestions_beside(&h, dir.path());
    // the hand-made file is not rewritten on opening
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt.taliq.json")).unwrap(),
        sidecar
    );
}

#[test]
fn a_minimal_hand_made_sidecar_with_offsets_and_labels_only_is_accepted() {
    let (start, end) = char_span(ARTICLE, "فلاديمير بوتين");
    let sidecar = format!(
        r#"{{"document": {{"text": {}}},
  "annotations": [{{"start": {start}, "end": {end}, "label": "PERSON"}}]}}"#,
        json_text(ARTICLE)
    );
    let (dir, path) = article_with_sidecar(&sidecar);
    let h = harness(&path);
    assert_loaded_with_suggestions_beside(&h, dir.path());
}
