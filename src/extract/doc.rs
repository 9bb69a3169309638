//! The analysed document shared by all recognizers, and the candidate mentions they emit.
//!
//! Offsets in this module are char offsets into the *normalized* text unless a name says
//! otherwise; [`Doc::to_original`] maps them back to the original text.

use super::gazetteer::LEXICON;
use super::normalize::{Normalized, normalize};
use super::tokenize::{Token, TokenKind, tokenize};
use crate::label::Label;

/// A normalized, tokenized document.
#[derive(Debug)]
pub struct Doc {
    /// The normalized text and its offset map.
    pub norm: Normalized,
    /// Tokens of the normalized text.
    pub tokens: Vec<Token>,
}

/// A suggested mention before overlap resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// First normalized char offset.
    pub start: usize,
    /// One past the last normalized char offset.
    pub end: usize,
    /// The label.
    pub label: Label,
    /// Confidence rank used to break ties between overlapping candidates of equal
    /// length (higher wins): 3 context rule, 2 lexicon, 1 weak guess.
    pub rank: u8,
    /// Whether the span starts with the `ل` of a `لل` contraction (canonical restores
    /// the article: `لأمم المتحدة` → `الأمم المتحدة`).
    pub lal: bool,
}

impl Candidate {
    /// A candidate spanning tokens `[first, end_token)`, starting `skip` chars into the
    /// first token.
    #[must_use]
    pub fn from_tokens(
        doc: &Doc,
        first: usize,
        skip: usize,
        end_token: usize,
        label: Label,
        rank: u8,
    ) -> Candidate {
        Candidate {
            start: doc.tokens[first].start + skip,
            end: doc.tokens[end_token - 1].end,
            label,
            rank,
            lal: false,
        }
    }
}

impl Doc {
    /// Normalizes and tokenizes `text`.
    #[must_use]
    pub fn new(text: &str) -> Doc {
        let norm = normalize(text);
        let tokens = tokenize(&norm);
        Doc { norm, tokens }
    }

    /// The normalized text of token `i`.
    #[must_use]
    pub fn text(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        self.norm.slice(t.start, t.end)
    }

    /// The normalized text of token `i`, or `""` past the end.
    #[must_use]
    pub fn text_or_empty(&self, i: usize) -> &str {
        if i < self.tokens.len() {
            self.text(i)
        } else {
            ""
        }
    }

    /// Whether token `i` exists and is an Arabic word.
    #[must_use]
    pub fn is_arabic(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Arabic)
    }

    /// Whether token `i` exists and is the punctuation char `c`.
    #[must_use]
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.norm.chars[t.start] == c)
    }

    /// Whether token `i` exists and is a quotation mark.
    #[must_use]
    pub fn is_quote_mark(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && matches!(
                    self.norm.chars[t.start],
                    '"' | '«' | '»' | '“' | '”' | '\'' | '‘' | '’'
                )
        })
    }

    /// Whether token `i` is on the same line as token `i - 1`.
    #[must_use]
    pub fn same_line(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.newline_before)
    }

    /// Whether token `i` is an Arabic function word or frequent common word, in any
    /// proclitic reading (`وفي`, `بأن`).
    #[must_use]
    pub fn is_stopword(&self, i: usize) -> bool {
        if !self.is_arabic(i) {
            return false;
        }
        let w = self.text(i);
        let lx = &*LEXICON;
        lx.stopwords.contains(w)
            || super::tokenize::stems(w)
                .iter()
                .skip(1)
                .any(|s| lx.stopwords.contains(s.key.as_ref()))
    }

    /// Whether token `i` carries the definite article: normalized `ال…` written with a
    /// bare alef (`أليس`, `إلياس` start with a hamza and are not definite).
    #[must_use]
    pub fn is_definite(&self, i: usize) -> bool {
        self.text(i).starts_with("ال")
            && self.norm.orig_chars[self.norm.orig[self.tokens[i].start]] == 'ا'
    }

    /// Maps a normalized range to the original text's char range.
    #[must_use]
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        self.norm.to_original(start, end)
    }

    /// Whether the original text of token `i` carries tanween (ً ٌ ٍ), the mark of an
    /// indefinite common noun or adverb, which proper names do not take.
    #[must_use]
    pub fn has_tanween(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let (s, e) = self.to_original(t.start, t.end);
        self.norm.orig_chars[s..e]
            .iter()
            .any(|c| matches!(c, '\u{064B}'..='\u{064D}'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_helpers() {
        let doc = Doc::new("قال بوتينٌ: \"نعم\" وفي");
        assert_eq!(doc.text(1), "بوتين");
        assert!(doc.has_tanween(1));
        assert!(doc.is_punct(2, ':'));
        assert!(doc.is_quote_mark(3));
        assert!(doc.is_stopword(6));
        assert_eq!(doc.text_or_empty(99), "");
    }
}
