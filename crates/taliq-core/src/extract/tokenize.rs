//! Tokens over the normalized text and Arabic proclitic segmentation.
//!
//! Offsets here are char offsets into the *normalized* text ([`super::normalize`]).
//! A token is a run of Arabic letters, a run of Latin letters/digits (`G7`), a number
//! (ASCII digits with internal `,` `.` `:` separators: `103,7`, `16:20`) or a single
//! punctuation char. A change of script splits a token without a space, so `ال3%` is
//! `ال`, `3`, `%` and `و2006` is `و`, `2006` (`space_before` tells them apart).

use std::borrow::Cow;

use super::normalize::{Normalized, clear_with_room};

/// The kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of Arabic letters.
    Arabic,
    /// A run of Latin letters and digits starting with a letter.
    Latin,
    /// A number: ASCII digits with internal separators.
    Number,
    /// One punctuation or symbol char.
    Punct,
}

/// One token: normalized char range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First normalized char offset.
    pub start: usize,
    /// One past the last normalized char offset.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
    /// Whether whitespace separates this token from the previous one.
    pub space_before: bool,
    /// Whether a line break occurs between the previous token and this one.
    pub newline_before: bool,
}

/// `true` for letters of the Arabic script blocks.
#[must_use]
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    ARABIC_LETTERS.get(c as usize).copied().unwrap_or(false)
}

/// [`is_arabic_letter`] by its definition: the letters of the Arabic (U+0600–U+06FF) and
/// Arabic Supplement (U+0750–U+077F) blocks.
const fn arabic_letter_by_ranges(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}')
}

/// [`arabic_letter_by_ranges`] of every char below U+0780 (no letter lies above),
/// computed at compile time.
static ARABIC_LETTERS: [bool; 0x780] = {
    let mut t = [false; 0x780];
    let mut i = 0;
    while i < 0x780 {
        t[i] = arabic_letter_by_ranges(char::from_u32(i as u32).unwrap());
        i += 1;
    }
    t
};

/// [`char::is_whitespace`], answered without the Unicode tables for the space, ASCII and
/// the Arabic blocks (which have no whitespace).
#[inline]
fn is_space(c: char) -> bool {
    match c {
        ' ' | '\t'..='\r' => true,
        '\0'..='\x7F' | '\u{0600}'..='\u{077F}' => false,
        _ => c.is_whitespace(),
    }
}

/// The tokens of `doc` as `(start, end, newline_before)` char ranges of its text in
/// order ([`tokenize`] of its normalized text, mapped back, harakat kept on their
/// letters), each cut again at every offset of `cuts` that falls inside it: what the
/// token-based formats write (a proclitic outside a span a token of its own) and what
/// agreement over tokens counts, `cuts` being the span edges.
#[must_use]
pub fn doc_tokens_cut_at(
    doc: &crate::model::document::Document,
    mut cuts: Vec<usize>,
) -> Vec<(usize, usize, bool)> {
    cuts.sort_unstable();
    cuts.dedup();
    let n = super::normalize::normalize(doc.text());
    let mut out = Vec::new();
    for t in tokenize(&n) {
        let start = n.orig[t.start] as usize;
        let end = doc.grapheme_ceil(n.orig[t.end - 1] as usize + 1);
        let mut from = start;
        for &c in cuts.iter().filter(|&&c| c > start && c < end) {
            if c > from {
                out.push((from, c, false));
                from = c;
            }
        }
        out.push((from, end, t.newline_before));
    }
    out
}

/// Splits normalized text into tokens.
#[must_use]
pub fn tokenize(n: &Normalized) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(n, &mut tokens);
    tokens
}

/// [`tokenize`] into `tokens`, reusing its buffer.
pub fn tokenize_into(n: &Normalized, tokens: &mut Vec<Token>) {
    tokenize_with(n, tokens, |_, _| {});
}

/// [`tokenize_into`], also calling `on_bytes(start, end)` with each token's byte range in
/// the normalized text (`n.text`), in token order.
pub(crate) fn tokenize_with(
    n: &Normalized,
    tokens: &mut Vec<Token>,
    mut on_bytes: impl FnMut(u32, u32),
) {
    let chars = &n.chars;
    clear_with_room(tokens, chars.len() / 4);
    let mut i = 0;
    // byte offset of `chars[i]` in `n.text` (below 4 GiB: see `Normalized`)
    let mut b = 0u32;
    let mut space = true;
    let mut newline = true;
    while i < chars.len() {
        let c = chars[i];
        if is_space(c) {
            space = true;
            if c == '\n' || c == '\r' || c == '\u{2029}' {
                newline = true;
            }
            i += 1;
            b += c.len_utf8() as u32;
            continue;
        }
        let (start, byte_start) = (i, b);
        let kind = if is_arabic_letter(c) {
            // every Arabic letter takes two bytes in UTF-8 (U+0621–U+077F)
            while i < chars.len() && is_arabic_letter(chars[i]) {
                i += 1;
            }
            b += 2 * (i - start) as u32;
            TokenKind::Arabic
        } else if c.is_ascii_digit() {
            i += 1;
            while i < chars.len() {
                if chars[i].is_ascii_digit() {
                    i += 1;
                } else if matches!(chars[i], ',' | '.' | ':')
                    && i + 1 < chars.len()
                    && chars[i + 1].is_ascii_digit()
                {
                    i += 2;
                } else {
                    break;
                }
            }
            // digits and separators are ASCII
            b += (i - start) as u32;
            TokenKind::Number
        } else if c.is_alphabetic() {
            while i < chars.len() && chars[i].is_alphanumeric() && !is_arabic_letter(chars[i]) {
                b += chars[i].len_utf8() as u32;
                i += 1;
            }
            TokenKind::Latin
        } else {
            i += 1;
            b += c.len_utf8() as u32;
            TokenKind::Punct
        };
        on_bytes(byte_start, b);
        tokens.push(Token {
            start,
            end: i,
            kind,
            space_before: space,
            newline_before: newline,
        });
        space = false;
        newline = false;
    }
}

/// One way to read a word as proclitics + stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stem<'a> {
    /// Chars of proclitics before the span start (the span starts `skip` chars in).
    pub skip: usize,
    /// The key to match in lexicons (for `لل` the restored article: `للامم` → `الامم`).
    pub key: Cow<'a, str>,
    /// Whether the reading removed a conjunction or preposition.
    pub stripped: bool,
    /// Whether the reading is the `لل` contraction (span text starts with `ل`).
    pub lal: bool,
}

/// The readings of one word returned by [`stems`]: at most four, kept inline (no heap
/// allocation except the restored key of a `لل` reading). Derefs to a slice of [`Stem`]
/// and iterates by value.
#[derive(Debug, Clone)]
pub struct Stems<'a> {
    items: [Stem<'a>; 4],
    len: usize,
}

impl<'a> Stems<'a> {
    const EMPTY: Stem<'static> = Stem {
        skip: 0,
        key: Cow::Borrowed(""),
        stripped: false,
        lal: false,
    };

    fn push(&mut self, s: Stem<'a>) {
        self.items[self.len] = s;
        self.len += 1;
    }
}

impl<'a> std::ops::Deref for Stems<'a> {
    type Target = [Stem<'a>];

    fn deref(&self) -> &[Stem<'a>] {
        &self.items[..self.len]
    }
}

impl<'a> IntoIterator for Stems<'a> {
    type Item = Stem<'a>;
    type IntoIter = std::iter::Take<std::array::IntoIter<Stem<'a>, 4>>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter().take(self.len)
    }
}

/// Whether `s` has at least two chars.
fn two_chars(s: &str) -> bool {
    s.chars().nth(1).is_some()
}

/// The readings of a normalized Arabic word, the unsegmented one first.
///
/// Proclitics per the guidelines (rule 1): an optional conjunction و or ف, then an
/// optional preposition ب, ك or ل; `لل` is ل + ال with the alef elided, so the span keeps
/// the second ل and the lexicon key restores `ال`. The stem must keep at least 2 chars.
#[must_use]
pub fn stems(word: &str) -> Stems<'_> {
    let mut out = Stems {
        items: [Stems::EMPTY; 4],
        len: 0,
    };
    out.push(Stem {
        skip: 0,
        key: Cow::Borrowed(word),
        stripped: false,
        lal: false,
    });
    let mut rest = word;
    let mut skip = 0;
    if let Some(r) = rest.strip_prefix(['و', 'ف']) {
        rest = r;
        skip += 1;
        if two_chars(rest) {
            out.push(Stem {
                skip,
                key: Cow::Borrowed(rest),
                stripped: true,
                lal: false,
            });
        }
    }
    if let Some(r) = rest.strip_prefix("لل") {
        if two_chars(r) {
            out.push(Stem {
                skip: skip + 1,
                key: Cow::Owned(format!("ال{r}")),
                stripped: true,
                lal: true,
            });
            out.push(Stem {
                skip: skip + 1,
                key: Cow::Borrowed(&rest['ل'.len_utf8()..]),
                stripped: true,
                lal: false,
            });
        }
    } else if let Some(r) = rest.strip_prefix(['ب', 'ك', 'ل'])
        && two_chars(r)
    {
        out.push(Stem {
            skip: skip + 1,
            key: Cow::Borrowed(r),
            stripped: true,
            lal: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::normalize::normalize;
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let n = normalize(s);
        tokenize(&n)
            .iter()
            .map(|t| n.slice(t.start, t.end).to_string())
            .collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        assert_eq!(
            texts("قمة \"G7\" في 103,7 مليون"),
            ["قمه", "\"", "g7", "\"", "في", "103,7", "مليون"]
        );
        assert_eq!(texts("الساعة 16:20."), ["الساعه", "16:20", "."]);
        assert_eq!(texts("ال3% و2006"), ["ال", "3", "%", "و", "2006"]);
    }

    #[test]
    fn fast_char_classes_agree_with_their_definitions() {
        for c in (0..=0x0010_FFFF).filter_map(char::from_u32) {
            assert_eq!(is_arabic_letter(c), arabic_letter_by_ranges(c), "{c:?}");
            assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn records_spaces_and_newlines() {
        let n = normalize("أ\nب ج،د");
        let t = tokenize(&n);
        assert!(t[1].newline_before && t[1].space_before);
        assert!(t[2].space_before && !t[2].newline_before);
        assert!(!t[3].space_before && !t[4].space_before);
    }

    #[test]
    fn stems_strip_proclitics() {
        let keys = |w: &str| {
            stems(w)
                .into_iter()
                .map(|s| (s.skip, s.key.into_owned()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            keys("والكرملين"),
            [(0, "والكرملين".into()), (1, "الكرملين".into())]
        );
        assert_eq!(
            keys("بالولايات"),
            [(0, "بالولايات".into()), (1, "الولايات".into())]
        );
        assert_eq!(
            keys("للامم"),
            [(0, "للامم".into()), (1, "الامم".into()), (1, "لامم".into())]
        );
        assert_eq!(
            keys("وبروسيا"),
            [
                (0, "وبروسيا".into()),
                (1, "بروسيا".into()),
                (2, "روسيا".into())
            ]
        );
        assert_eq!(keys("لي"), [(0, "لي".into())]);
    }
}
