//! Word documents through `taliq extract`, as a newsroom's `.docx` would be processed by a
//! script. The fixtures are made by `tests/data/make-docx.py` (python-docx).

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

mod support;

use serde_json::Value;
use support::{assert_offsets_slice_the_text, fixture, taliq};

#[test]
fn extract_reads_a_word_document_and_its_offsets_refer_to_the_extracted_text() {
    let out = taliq()
        .args(["extract", &fixture("arabic-article.docx")])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = json["document"]["text"].as_str().unwrap();
    let expected = std::fs::read_to_string(fixture("arabic-article.expected.txt")).unwrap();
    assert_eq!(text, expected);
    assert_eq!(json["document"]["encoding"], "DOCX");
    assert_offsets_slice_the_text(&json);
    let anns = json["annotations"].as_array().unwrap();
    // the bold half-word and the plain half are one name
    assert!(
        anns.iter()
            .any(|a| a["label"] == "PERSON" && a["text"].as_str().unwrap().ends_with("بوتين")),
        "{anns:?}"
    );
    assert!(
        anns.iter()
            .any(|a| a["label"] == "LOCATION" && a["text"] == "موسكو"),
        "a table cell is text too: {anns:?}"
    );
}

#[test]
fn extract_of_a_damaged_word_document_fails_with_a_message_naming_it() {
    let out = taliq()
        .args(["extract", &fixture("truncated.docx")])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("truncated.docx") && err.contains("Word document"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}
