//! Export → import is the identity: random texts (Arabic with harakat and shadda, emoji
//! with modifiers and ZWJ sequences, Latin, CRLF) and random annotation sets survive the
//! JSON file unchanged, and every exported span slices back to its text.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

use proptest::prelude::*;
use taliq_core::formats::taliq::ExportFile;
use taliq_core::model::annotation::{Annotation, Origin, Status};
use taliq_core::model::document::Document;
use taliq_core::model::label::Label;
use taliq_core::model::span::Span;

/// Pieces texts are made of: letters with marks, emoji sequences, Latin, spaces, breaks.
const PIECES: &[&str] = &[
    "ب",
    "و",
    "ت",
    "ي",
    "ن",
    "شدّ",
    "الكِتَابُ",
    "لا",
    "ـ",
    "٢٠١٩",
    "28",
    "G7",
    " ",
    " ",
    "،",
    "\r\n",
    "\n",
    "👋🏽",
    "👩‍👩‍👧",
    "🇸🇦",
    "e\u{301}",
    "«",
    "»",
    "\u{200f}",
    "\u{202e}x\u{202c}",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..80).prop_map(|v| v.concat())
}

fn label() -> impl Strategy<Value = Label> {
    prop::sample::select(Label::ALL.to_vec())
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(vec![Status::Pending, Status::Accepted, Status::Rejected])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn export_then_import_is_the_identity(
        text in text(),
        raw in prop::collection::vec((0usize..400, 1usize..20, label(), status(), any::<bool>(), prop::sample::select(PIECES)), 0..12),
    ) {
        let doc = Document::from_text(&text, "r.txt", "UTF-8");
        let len = doc.char_len();
        let mut anns = Vec::new();
        for (i, (start, width, label, status, manual, note)) in raw.into_iter().enumerate() {
            let s = doc.grapheme_floor(start % len.max(1));
            let e = doc.grapheme_ceil((s + width).min(len));
            let Ok(span) = Span::new(&doc, s, e) else { continue };
            anns.push(Annotation {
                id: i as u64 * 7 + 1,
                span,
                label,
                origin: if manual { Origin::Manual } else { Origin::Extracted },
                status,
                note: note.repeat(i % 3),
                canonical: doc.slice(s, e).to_owned(),
                facts: taliq_core::model::annotation::Facts::default(),
            });
        }
        let file = ExportFile::new(&doc, &anns);
        let back = ExportFile::from_json(&file.to_json()).unwrap();
        prop_assert_eq!(&back, &file);
        let chars: Vec<char> = back.document.text.chars().collect();
        for r in &back.annotations {
            prop_assert_eq!(chars[r.start..r.end].iter().collect::<String>(), r.text.clone());
        }
        let mut restored = back.annotations_for(&Document::from_text(&back.document.text, "r.txt", "UTF-8")).unwrap();
        restored.sort_by_key(|a| a.id);
        anns.sort_by_key(|a| a.id);
        prop_assert_eq!(restored, anns);
    }
}
