//! The one validated span type: a non-empty `[start, end)` range of Unicode scalar value
//! offsets into a [`Document`], checked once when it is made.

use serde::Serialize;
use thiserror::Error;

use crate::model::document::Document;

/// Why a pair of offsets is not a valid span of a document.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SpanError {
    /// `start >= end`: spans are never empty.
    #[error("span {start}..{end} is empty or reversed")]
    Empty {
        /// Start offset as given.
        start: usize,
        /// End offset as given.
        end: usize,
    },
    /// `end` is past the end of the text.
    #[error("span {start}..{end} ends past the text, which has {len} characters")]
    OutOfBounds {
        /// Start offset as given.
        start: usize,
        /// End offset as given.
        end: usize,
        /// Text length in chars.
        len: usize,
    },
    /// An edge falls inside a grapheme cluster (between a letter and its haraka, say).
    #[error("span {start}..{end} splits a grapheme cluster at offset {offset}")]
    SplitsCluster {
        /// Start offset as given.
        start: usize,
        /// End offset as given.
        end: usize,
        /// The offending offset.
        offset: usize,
    },
    /// The span holds only whitespace and punctuation.
    #[error("the selection holds no letters or digits")]
    NoContent,
}

/// A non-empty range `[start, end)` of char offsets into one document, whose edges are
/// grapheme cluster boundaries (guidelines, "Offsets").
///
/// Only [`Span::new`] and [`Span::trimmed`] make one, so every span in the program is valid
/// for the document it was made against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// Checks `start..end` against `doc`.
    ///
    /// # Errors
    /// [`SpanError::Empty`], [`SpanError::OutOfBounds`] or [`SpanError::SplitsCluster`].
    pub fn new(doc: &Document, start: usize, end: usize) -> Result<Span, SpanError> {
        if start >= end {
            return Err(SpanError::Empty { start, end });
        }
        if end > doc.char_len() {
            return Err(SpanError::OutOfBounds {
                start,
                end,
                len: doc.char_len(),
            });
        }
        for offset in [start, end] {
            if !doc.is_grapheme_boundary(offset) {
                return Err(SpanError::SplitsCluster { start, end, offset });
            }
        }
        Ok(Span { start, end })
    }

    /// Makes a span from a user's selection: widens both edges to grapheme boundaries, then
    /// drops leading and trailing whitespace and punctuation (guidelines: spans never
    /// start or end with whitespace, quotes, brackets or commas).
    ///
    /// # Errors
    /// [`SpanError::NoContent`] when nothing but whitespace and punctuation is selected,
    /// [`SpanError::OutOfBounds`] when `end` is past the text.
    pub fn trimmed(doc: &Document, start: usize, end: usize) -> Result<Span, SpanError> {
        let (lo, hi) = (start.min(end), start.max(end));
        if hi > doc.char_len() {
            return Err(SpanError::OutOfBounds {
                start,
                end,
                len: doc.char_len(),
            });
        }
        let mut s = doc.grapheme_floor(lo);
        let mut e = doc.grapheme_ceil(hi);
        let chars: Vec<char> = doc.slice(s, e).chars().collect();
        let mut i = 0;
        while i < chars.len() && is_edge_trim(chars[i]) {
            i += 1;
        }
        let mut j = chars.len();
        while j > i && is_edge_trim(chars[j - 1]) {
            j -= 1;
        }
        if i == j {
            return Err(SpanError::NoContent);
        }
        e = s + j;
        s += i;
        Span::new(doc, doc.grapheme_floor(s), doc.grapheme_ceil(e))
    }

    /// First char offset (inclusive).
    #[must_use]
    pub const fn start(self) -> usize {
        self.start
    }

    /// Char offset one past the last char (exclusive).
    #[must_use]
    pub const fn end(self) -> usize {
        self.end
    }

    /// Length in chars (always ≥ 1).
    #[must_use]
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Always false: spans are never empty. Present for API symmetry with `len`.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        false
    }

    /// True when the two spans share at least one char.
    #[must_use]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `offset` lies in `[start, end)`.
    #[must_use]
    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// Whitespace, punctuation and bidi/format controls never begin or end a span. `+` (أوبك+)
/// and percent signs (20%, ٢٠٪) belong to names and numbers, so they stay.
fn is_edge_trim(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation() && c != '+' && c != '%'
        || matches!(
            c,
            '،' | '؛'
                | '؟'
                | '«'
                | '»'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '…'
                | '–'
                | '—'
                | '•'
                | '.'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{200c}'
                | '\u{200d}'
                | '\u{0640}'
                | '٫'
                | '٬'
                | '۔'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(t: &str) -> Document {
        Document::from_text(t, "t", "UTF-8")
    }

    #[test]
    fn new_rejects_empty_out_of_bounds_and_split_clusters() {
        let d = doc("شدّد بوتين");
        assert!(matches!(Span::new(&d, 3, 3), Err(SpanError::Empty { .. })));
        assert!(matches!(
            Span::new(&d, 0, 99),
            Err(SpanError::OutOfBounds { .. })
        ));
        assert!(matches!(
            Span::new(&d, 0, 2),
            Err(SpanError::SplitsCluster { offset: 2, .. })
        ));
        assert_eq!(
            Span::new(&d, 5, 10).map(|s| d.slice(s.start(), s.end())),
            Ok("بوتين")
        );
    }

    #[test]
    fn trimmed_drops_quotes_spaces_and_snaps_to_clusters() {
        let d = doc("قمة \"G7\" و شدّد");
        let s = Span::trimmed(&d, 3, 8).unwrap();
        assert_eq!(d.slice(s.start(), s.end()), "G7");
        // selection ending between dal and shadda is widened to keep the shadda
        let t = Span::trimmed(&d, 11, 13).unwrap();
        assert_eq!(d.slice(t.start(), t.end()), "شدّ");
        assert_eq!(Span::trimmed(&d, 3, 5), Err(SpanError::NoContent));
    }

    #[test]
    fn trimmed_accepts_reversed_selection() {
        let d = doc("بوتين وترامب");
        let s = Span::trimmed(&d, 12, 7).unwrap();
        assert_eq!(d.slice(s.start(), s.end()), "ترامب");
    }
}
