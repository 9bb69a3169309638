//! Reading a sidecar or export file (src/export.rs), restoring its annotations against
//! its own text, and re-anchoring them onto another text (src/reanchor.rs).
//!
//! Input: the JSON file, then optionally a NUL byte and the new text to re-anchor onto
//! (the file's own text, edited by the mutator, when there is none).
#![no_main]

use libfuzzer_sys::fuzz_target;
use taliq_core::formats::taliq::ExportFile;
use taliq_core::model::document::Document;
use taliq_core::workspace::reanchor::reanchor;

fuzz_target!(|data: &[u8]| {
    let (json, new_text) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    let Some((file, doc, restored)) = taliq_fuzz::taliq_file(json) else {
        return;
    };
    if let Some(anns) = restored {
        // A file that restores exports back to the same annotations.
        let again = ExportFile::new(&doc, &anns);
        let back = ExportFile::from_json(&again.to_json()).expect("own export reads back");
        assert_eq!(back.annotations.len(), anns.len());
        assert_eq!(
            back.annotations_for(&doc).expect("restores").len(),
            anns.len()
        );
    }
    let new_doc = match new_text {
        Some(t) => Document::from_text(&String::from_utf8_lossy(t), "new.txt", "UTF-8"),
        None => doc,
    };
    let r = reanchor(&file, &new_doc);
    assert_eq!(r.placed.len() + r.lost.len(), file.annotations.len());
    for a in &r.placed {
        let (s, e) = (a.span.start(), a.span.end());
        assert!(s < e && e <= new_doc.char_len());
        let record = file.annotations.iter().find(|r| r.id == a.id).unwrap();
        assert_eq!(new_doc.slice(s, e), record.text);
    }
});
