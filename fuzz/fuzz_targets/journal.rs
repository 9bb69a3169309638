//! Reading an autosave journal (src/journal.rs) left by a crash, and replaying it on a
//! sidecar: any bytes must parse without panicking (damaged lines skipped), the replayed
//! sidecar must still restore, and replaying the journal twice must give what replaying
//! it once gives (each line sets or removes whole annotations).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use taliq_core::formats::taliq::ExportFile;
use taliq_core::model::annotation::{Annotation, Origin, Status};
use taliq_core::model::document::Document;
use taliq_core::model::label::Label;
use taliq_core::model::span::Span;
use taliq_core::workspace::journal;

/// The sidecar the journal is replayed on: a short text with two annotations (ids 1, 2).
static SIDECAR: LazyLock<ExportFile> = LazyLock::new(|| {
    let doc = Document::from_text(
        "قال بوتين إن ترامب وافق على لقاء في موسكو",
        "a.txt",
        "UTF-8",
    );
    let ann = |id, start, end| Annotation {
        id,
        span: Span::new(&doc, start, end).unwrap(),
        label: Label::Person,
        origin: Origin::Extracted,
        status: Status::Pending,
        note: String::new(),
        canonical: doc.slice(start, end).into(),
        facts: Default::default(),
    };
    ExportFile::new(&doc, &[ann(1, 4, 9), ann(2, 13, 18)])
});

fuzz_target!(|data: &[u8]| {
    let contents = journal::parse(data);
    // the base of the first line is taken as the sidecar's, so both the lines that apply
    // and the ones written over another sidecar are exercised
    let base = contents
        .entries
        .first()
        .and_then(|e| u64::from_str_radix(&e.base, 16).ok())
        .unwrap_or(0);
    let file = &*SIDECAR;
    let once = journal::replay(file, base, &contents.entries).expect("the sidecar is valid");
    let rec = &once.file.document;
    let doc = Document::from_text(&rec.text, &rec.source, &rec.encoding);
    once.file
        .annotations_for(&doc)
        .expect("a replayed sidecar restores");
    let twice: Vec<_> = contents
        .entries
        .iter()
        .chain(&contents.entries)
        .cloned()
        .collect();
    let again = journal::replay(file, base, &twice).expect("the sidecar is valid");
    assert_eq!(again.file, once.file, "replaying twice = replaying once");
});
