//! The one place where offsets change unit. Taliq counts Unicode scalar values (code
//! points, Python `str` indices); other tools count UTF-16 code units (Java and
//! JavaScript: INCEpTION, doccano's web UI, Hypothesis), UTF-8 bytes, or tokens. Every
//! import and export converts here, against the document's indexes
//! ([`Document::utf16_offset`], [`Document::byte_offset`]), so a text with an emoji before a
//! span (`👍 ` shifts a span by 2 code points, 3 UTF-16 units and 5 bytes) comes out right.
//! The units of each tool: `shared/reference/interop-formats.md`, section 0.

use serde::{Deserialize, Serialize};

use crate::extract::tokenize::doc_tokens_cut_at;
use crate::model::annotation::Annotation;
use crate::model::document::Document;

/// What an offset counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OffsetUnit {
    /// Unicode scalar values (code points): Taliq, Python, Label Studio, brat, spaCy,
    /// Prodigy, the W3C `TextPositionSelector`.
    CodePoint,
    /// UTF-16 code units: Java (INCEpTION, UIMA CAS, WebAnno TSV) and JavaScript.
    Utf16,
    /// UTF-8 bytes.
    Utf8,
}

/// `char_offset` (code points) of `doc` in `unit`; `None` past the end of the text.
#[must_use]
pub fn to_unit(doc: &Document, char_offset: usize, unit: OffsetUnit) -> Option<usize> {
    match unit {
        OffsetUnit::CodePoint => (char_offset <= doc.char_len()).then_some(char_offset),
        OffsetUnit::Utf16 => doc.utf16_offset(char_offset),
        OffsetUnit::Utf8 => doc.byte_offset(char_offset),
    }
}

/// The code point offset of `offset`, counted in `unit`, in `doc`; `None` past the end or
/// inside a char (between the two UTF-16 units of an emoji, inside a UTF-8 sequence).
#[must_use]
pub fn from_unit(doc: &Document, offset: usize, unit: OffsetUnit) -> Option<usize> {
    match unit {
        OffsetUnit::CodePoint => (offset <= doc.char_len()).then_some(offset),
        OffsetUnit::Utf16 => doc.char_offset_of_utf16(offset),
        OffsetUnit::Utf8 => doc.char_offset(offset),
    }
}

/// The length of `text` counted in `unit`: chars, UTF-16 code units or bytes. For a
/// reader that rebuilds a text from pieces placed at offsets in the tool's unit (WebAnno
/// TSV's sentences at their first token's UTF-16 offset).
#[must_use]
pub fn length(text: &str, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::CodePoint => text.chars().count(),
        OffsetUnit::Utf16 => text.chars().map(char::len_utf16).sum(),
        OffsetUnit::Utf8 => text.len(),
    }
}

/// The tokens of `doc` for token-based formats (CoNLL, Prodigy), as `(start, end,
/// newline_before)` char ranges of its text in order: Taliq's tokens
/// ([`crate::extract::tokenize`], harakat kept on their letters), each cut again at every
/// edge of the annotations written (`spans`) that falls inside it, so a proclitic outside
/// a span is a token of its own and every span is whole tokens.
#[must_use]
pub fn tokens_cut_at(doc: &Document, spans: &[&Annotation]) -> Vec<(usize, usize, bool)> {
    let cuts: Vec<usize> = spans
        .iter()
        .flat_map(|a| [a.span.start(), a.span.end()])
        .collect();
    doc_tokens_cut_at(doc, cuts)
}

#[cfg(test)]
mod tests {
    use super::{OffsetUnit, from_unit, length, to_unit};
    use crate::model::document::Document;

    /// The canonical example of the interop reference (section 0): with `👍 ` before it,
    /// PERSON starts at 13 code points, 14 UTF-16 units, 25 bytes.
    #[test]
    fn an_emoji_before_a_span_shifts_each_unit_by_its_own_width() {
        let t = "👍 قال الرئيس عبد الفتاح السيسي: «لن نتراجع»";
        let doc = Document::from_text(t, "t.txt", "UTF-8");
        assert_eq!(doc.char_len(), 43);
        assert_eq!(to_unit(&doc, 13, OffsetUnit::Utf16), Some(14));
        assert_eq!(to_unit(&doc, 13, OffsetUnit::Utf8), Some(25));
        assert_eq!(to_unit(&doc, 13, OffsetUnit::CodePoint), Some(13));
        assert_eq!(to_unit(&doc, 43, OffsetUnit::Utf16), Some(44));
        assert_eq!(to_unit(&doc, 44, OffsetUnit::Utf16), None);
        for c in 0..=43 {
            for unit in [OffsetUnit::CodePoint, OffsetUnit::Utf16, OffsetUnit::Utf8] {
                let u = to_unit(&doc, c, unit).unwrap();
                assert_eq!(from_unit(&doc, u, unit), Some(c), "{c} {unit:?}");
            }
        }
        // inside the emoji: no char offset
        assert_eq!(from_unit(&doc, 1, OffsetUnit::Utf16), None);
        assert_eq!(from_unit(&doc, 2, OffsetUnit::Utf8), None);
        assert_eq!(from_unit(&doc, 45, OffsetUnit::Utf16), None);
        // as Python and Java count it
        let java: Vec<u16> = t.encode_utf16().collect();
        assert_eq!(java.len(), 44);
        assert_eq!(length(t, OffsetUnit::Utf16), 44);
        assert_eq!(length(t, OffsetUnit::CodePoint), 43);
        assert_eq!(length(t, OffsetUnit::Utf8), t.len());
    }

    #[test]
    fn several_astral_chars_in_a_row_and_at_the_end() {
        let t = "a😀😀b𝕏";
        let doc = Document::from_text(t, "t.txt", "UTF-8");
        let units: Vec<usize> = (0..=doc.char_len())
            .map(|c| to_unit(&doc, c, OffsetUnit::Utf16).unwrap())
            .collect();
        assert_eq!(units, [0, 1, 3, 5, 6, 8]);
        let back: Vec<Option<usize>> = (0..=9)
            .map(|u| from_unit(&doc, u, OffsetUnit::Utf16))
            .collect();
        assert_eq!(
            back,
            [
                Some(0),
                Some(1),
                None,
                Some(2),
                None,
                Some(3),
                Some(4),
                None,
                Some(5),
                None
            ]
        );
    }
}
