//! Decoding arbitrary file bytes as an article, with detection or with a forced encoding
//! (File ▸ Reload as), as a `.txt` or a `.html` file. The first byte picks the encoding
//! (low 4 bits) and the name (high 4 bits); the rest is the file. Checks that decoding never panics and that a decoded
//! document's offset indexes agree with its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use taliq_core::model::document::Document;

const ENCODINGS: [&encoding_rs::Encoding; 7] = [
    encoding_rs::UTF_8,
    encoding_rs::UTF_16LE,
    encoding_rs::UTF_16BE,
    encoding_rs::WINDOWS_1256,
    encoding_rs::ISO_8859_6,
    encoding_rs::WINDOWS_1252,
    encoding_rs::GB18030,
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let forced = match pick & 0x0f {
        n @ 0..=6 => Some(ENCODINGS[usize::from(n)]),
        _ => None,
    };
    // one selector in 16 takes the (slow) web-page path, which the `html` target covers
    let name = if pick & 0xf0 == 0x10 {
        "a.html"
    } else {
        "a.txt"
    };
    let Ok(doc) = Document::decode(bytes, name, forced) else {
        return;
    };
    let text = doc.text();
    assert!(!text.trim().is_empty());
    assert!(!text.starts_with('\u{feff}'));
    let n = doc.char_len();
    assert_eq!(n, text.chars().count());
    for (i, (b, _)) in text.char_indices().enumerate() {
        assert_eq!(doc.byte_offset(i), Some(b));
        assert_eq!(doc.char_offset(b), Some(i));
    }
    assert_eq!(doc.byte_offset(n), Some(text.len()));
    assert!(doc.is_grapheme_boundary(0) && doc.is_grapheme_boundary(n));
    if !taliq_core::formats::text::html::looks_like_html(bytes, name) {
        // (for a page, a `.html` name or a text that starts like one, replacements count
        // over the whole file, not the article text)
        assert!(doc.replacements() <= n);
    }
    for i in (0..=n).step_by(7) {
        assert!(doc.grapheme_floor(i) <= i && i <= doc.grapheme_ceil(i));
    }
    let _ = doc.bidi_controls();
});
