//! The extraction pipeline (src/extract) on arbitrary UTF-8: it must not panic, and its
//! mentions must keep the promises of `taliq_core::extract::extract` (sorted, in bounds,
//! non-empty, on grapheme cluster boundaries, so that every one is a valid span) and not
//! depend on where a long text is cut into pieces (every line a piece gives the same).
#![no_main]

use libfuzzer_sys::fuzz_target;
use taliq_core::extract::{extract, extract_in_pieces};
use taliq_core::model::document::Document;
use taliq_core::model::span::Span;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mentions = extract(text);
    assert!(
        extract_in_pieces(text, 1) == mentions,
        "cut at every line, the mentions differ"
    );
    let doc = Document::from_text(text, "f.txt", "UTF-8");
    let bom = usize::from(text.starts_with('\u{feff}'));
    let n = text.chars().count();
    let mut last_start = 0;
    for m in &mentions {
        assert!(m.start < m.end && m.end <= n, "{m:?} in {n} chars");
        assert!(m.start >= last_start, "not sorted: {mentions:?}");
        last_start = m.start;
        if m.start >= bom {
            if let Err(e) = Span::new(&doc, m.start - bom, m.end - bom) {
                panic!("{m:?} is not a valid span: {e}");
            }
        }
    }
});
