//! A loaded article: its text exactly as read (BOM removed, nothing else changed), and the
//! indexes that map between Unicode scalar value offsets, UTF-8 byte offsets and grapheme
//! cluster boundaries. Reading one from bytes (encodings, web pages, Word documents) is
//! [`crate::formats::text`]; from a file, [`crate::workspace`].

use sha2::{Digest, Sha256};
use unicode_segmentation::GraphemeCursor;

/// An article's text and its offset indexes.
///
/// Offsets everywhere in Taliq are Unicode scalar values (`char`s) unless a name says
/// `byte`. The text is kept exactly as loaded, minus a leading BOM (guidelines, "Offsets").
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    source_name: String,
    encoding: String,
    replacements: usize,
    sha256: String,
    /// `char_to_byte[i]` is the byte offset of char `i`; one extra entry holds `text.len()`.
    char_to_byte: Vec<u32>,
    /// Char offsets of the chars outside the Basic Multilingual Plane (emoji and other
    /// astral chars, two UTF-16 units each), ascending: the UTF-16 index. Arabic letters,
    /// harakat and digits are all in the BMP, so for most articles it is empty. Built on
    /// the first UTF-16 conversion (most documents never need one).
    astral: std::sync::OnceLock<Vec<u32>>,
}

impl Document {
    /// Makes a document from text already decoded. `source_name` is the file name shown to
    /// the user and exported; `encoding` the name of the encoding it was decoded from.
    /// A leading U+FEFF (BOM) is removed.
    #[must_use]
    pub fn from_text(text: &str, source_name: &str, encoding: &str) -> Document {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).to_owned();
        let sha256 = hex(&Sha256::digest(text.as_bytes()));
        let mut char_to_byte = Vec::with_capacity(text.len() / 2 + 1);
        for (b, _) in text.char_indices() {
            char_to_byte.push(b as u32);
        }
        char_to_byte.push(text.len() as u32);
        Document {
            text,
            source_name: source_name.to_owned(),
            encoding: encoding.to_owned(),
            replacements: 0,
            sha256,
            char_to_byte,
            astral: std::sync::OnceLock::new(),
        }
    }

    /// This document with `n` invalid byte sequences counted as replaced by U+FFFD while
    /// decoding ([`Document::replacements`]; set by the decoder).
    #[must_use]
    pub(crate) fn with_replacements(mut self, n: usize) -> Document {
        self.replacements = n;
        self
    }

    /// How many invalid byte sequences were replaced by U+FFFD while decoding.
    #[must_use]
    pub fn replacements(&self) -> usize {
        self.replacements
    }

    /// The text, exactly as loaded minus the BOM.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The file name the text came from (no directory).
    #[must_use]
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    /// The name of the encoding the text was decoded from, e.g. `"UTF-8"`.
    #[must_use]
    pub fn encoding(&self) -> &str {
        &self.encoding
    }

    /// Lowercase hex SHA-256 of the text's UTF-8 bytes (after BOM removal).
    #[must_use]
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// Length of the text in Unicode scalar values.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.char_to_byte.len() - 1
    }

    /// Byte offset of char offset `char_offset`; `None` past the end.
    #[must_use]
    pub fn byte_offset(&self, char_offset: usize) -> Option<usize> {
        self.char_to_byte.get(char_offset).map(|&b| b as usize)
    }

    /// Char offset of byte offset `byte_offset`, which must be on a char boundary.
    #[must_use]
    pub fn char_offset(&self, byte_offset: usize) -> Option<usize> {
        self.char_to_byte.binary_search(&(byte_offset as u32)).ok()
    }

    /// UTF-16 code unit offset of char offset `char_offset` (what JavaScript and Java
    /// count: an astral char is two units); `None` past the end.
    #[must_use]
    pub fn utf16_offset(&self, char_offset: usize) -> Option<usize> {
        (char_offset <= self.char_len()).then(|| {
            char_offset
                + self
                    .astral()
                    .partition_point(|&a| (a as usize) < char_offset)
        })
    }

    /// The char offsets of the astral chars ([`Document::utf16_offset`]), built once.
    fn astral(&self) -> &[u32] {
        self.astral.get_or_init(|| {
            self.text
                .chars()
                .zip(0u32..)
                .filter(|(c, _)| c.len_utf16() == 2)
                .map(|(_, i)| i)
                .collect()
        })
    }

    /// Char offset of UTF-16 code unit offset `utf16_offset`; `None` past the end or
    /// between the two units of an astral char.
    #[must_use]
    pub fn char_offset_of_utf16(&self, utf16_offset: usize) -> Option<usize> {
        // the j-th astral char (from 0) takes units [a_j + j, a_j + j + 2); k of them
        // start before `utf16_offset`
        let astral = self.astral();
        let (mut lo, mut hi) = (0, astral.len());
        while lo < hi {
            let mid = usize::midpoint(lo, hi);
            if (astral[mid] as usize) + mid < utf16_offset {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let k = lo;
        if k > 0 && (astral[k - 1] as usize) + k == utf16_offset {
            return None; // between the two units of the (k-1)-th astral char
        }
        let c = utf16_offset - k;
        (c <= self.char_len()).then_some(c)
    }

    /// True when `char_offset` is a grapheme cluster boundary (0 and the end included).
    #[must_use]
    ///
    /// Boundaries are found on demand with UAX #29 rules (unicode-segmentation's
    /// `GraphemeCursor` over the whole text, so no context is ever missing) rather than
    /// computed for the whole text at load: a 1 MB article opens faster.
    pub fn is_grapheme_boundary(&self, char_offset: usize) -> bool {
        let Some(&b) = self.char_to_byte.get(char_offset) else {
            return false;
        };
        GraphemeCursor::new(b as usize, self.text.len(), true)
            .is_boundary(&self.text, 0)
            .unwrap_or(true)
    }

    /// The nearest grapheme boundary at or before `char_offset` (clamped to the text).
    #[must_use]
    pub fn grapheme_floor(&self, char_offset: usize) -> usize {
        let c = char_offset.min(self.char_len());
        if self.is_grapheme_boundary(c) {
            return c;
        }
        let mut cursor = GraphemeCursor::new(self.char_to_byte[c] as usize, self.text.len(), true);
        let b = cursor
            .prev_boundary(&self.text, 0)
            .ok()
            .flatten()
            .unwrap_or(0);
        self.char_offset(b).unwrap_or(0)
    }

    /// The nearest grapheme boundary at or after `char_offset` (clamped to the text).
    #[must_use]
    pub fn grapheme_ceil(&self, char_offset: usize) -> usize {
        let c = char_offset.min(self.char_len());
        if self.is_grapheme_boundary(c) {
            return c;
        }
        let mut cursor = GraphemeCursor::new(self.char_to_byte[c] as usize, self.text.len(), true);
        let b = cursor
            .next_boundary(&self.text, 0)
            .ok()
            .flatten()
            .unwrap_or(self.text.len());
        self.char_offset(b).unwrap_or(self.char_len())
    }

    /// Char offsets of the bidi embedding, override and isolate controls (U+202A–U+202E,
    /// U+2066–U+2069). They are invisible but reorder what is displayed, which can make
    /// text read differently from what it is ("Trojan Source", Boucher & Anderson, 2021);
    /// Taliq shows a marker at each and warns. They still count in offsets.
    #[must_use]
    pub fn bidi_controls(&self) -> Vec<usize> {
        self.text
            .chars()
            .enumerate()
            .filter(|(_, c)| is_bidi_control(*c))
            .map(|(i, _)| i)
            .collect()
    }

    /// The text between two char offsets; empty when the range is out of bounds.
    #[must_use]
    pub fn slice(&self, start: usize, end: usize) -> &str {
        match (self.byte_offset(start), self.byte_offset(end)) {
            (Some(a), Some(b)) if a <= b => &self.text[a..b],
            _ => "",
        }
    }
}

/// `true` for Arabic combining marks that belong to the preceding letter's grapheme
/// cluster: harakat, tanween, shadda, sukun, superscript alef, Quranic annotation marks.
#[must_use]
#[inline]
pub const fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

/// True for the explicit bidi embedding, override and isolate controls of UAX #9
/// (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).
#[must_use]
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}
