//! The analysed document shared by all recognizers, and the candidate mentions they emit.
//!
//! Offsets in this module are char offsets into the *normalized* text unless a name says
//! otherwise; [`Doc::to_original`] maps them back to the original text.

use std::cell::OnceCell;

use super::gazetteer::{LEXICON, PhraseMatch};
use super::normalize::{Normalized, normalize};
use super::tokenize::{Stem, Token, TokenKind, stems, tokenize};
use crate::label::Label;

/// A normalized, tokenized document.
///
/// Lexicon queries that several recognizers ask about the same token (names lexicon
/// matches, function words, closed-class words) are answered once per token and
/// remembered, so a `Doc` is not `Sync`.
#[derive(Debug)]
pub struct Doc {
    /// The normalized text and its offset map.
    pub norm: Normalized,
    /// Tokens of the normalized text.
    pub tokens: Vec<Token>,
    /// Per-token answers to lexicon queries, filled on first use.
    memo: Vec<TokenMemo>,
    /// The proclitic readings of every token ([`stems`]), computed once:
    /// token `i` has `stem_recs[stem_index[i]..stem_index[i + 1]]`.
    stem_recs: Vec<StemRec>,
    stem_index: Vec<u32>,
    /// The keys of `لل` readings (`ال` + stem), which are not slices of the text.
    lal_keys: String,
}

/// One stored proclitic reading: its key is the byte range `key` of the normalized text
/// (always a suffix of the token), or of `Doc::lal_keys` for a `لل` reading.
#[derive(Debug, Clone, Copy)]
struct StemRec {
    skip: u8,
    stripped: bool,
    lal: bool,
    key: (u32, u32),
}

/// Remembered lexicon answers for one token.
#[derive(Debug, Default)]
struct TokenMemo {
    names: OnceCell<Option<PhraseMatch<Label>>>,
    stopword: OnceCell<bool>,
    flags: [OnceCell<bool>; 3],
}

/// Per-token yes/no questions a recognizer asks repeatedly, remembered by
/// [`Doc::memo_flag`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MemoFlag {
    /// [`super::person::is_closed_class`].
    Closed = 0,
    /// Whether some reading is a word of the date recognizer's lists.
    DateWord = 1,
    /// Whether some reading (with or without `ال`) is a word of the number lists.
    NumberWord = 2,
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
        let mut memo = Vec::new();
        memo.resize_with(tokens.len(), TokenMemo::default);
        let mut stem_recs = Vec::with_capacity(tokens.len() * 2);
        let mut stem_index = Vec::with_capacity(tokens.len() + 1);
        let mut lal_keys = String::new();
        for t in &tokens {
            stem_index.push(stem_recs.len() as u32);
            let end = norm.bytes[t.end];
            let word = &norm.text[norm.bytes[t.start]..end];
            if t.kind != TokenKind::Arabic {
                stem_recs.push(StemRec {
                    skip: 0,
                    stripped: false,
                    lal: false,
                    key: (norm.bytes[t.start] as u32, end as u32),
                });
                continue;
            }
            for st in stems(word) {
                let key = if st.lal {
                    let a = lal_keys.len();
                    lal_keys.push_str(&st.key);
                    (a as u32, lal_keys.len() as u32)
                } else {
                    ((end - st.key.len()) as u32, end as u32)
                };
                stem_recs.push(StemRec {
                    skip: st.skip as u8,
                    stripped: st.stripped,
                    lal: st.lal,
                    key,
                });
            }
        }
        stem_index.push(stem_recs.len() as u32);
        Doc {
            norm,
            tokens,
            memo,
            stem_recs,
            stem_index,
            lal_keys,
        }
    }

    /// The proclitic readings of token `i`, the unsegmented one first: the same as
    /// [`stems`]`(self.text(i))` for an Arabic token, the token itself otherwise;
    /// computed once per document.
    pub fn stems(&self, i: usize) -> impl Iterator<Item = Stem<'_>> + Clone + '_ {
        let first = self.stem_index[i] as usize;
        let last = self.stem_index[i + 1] as usize;
        self.stem_recs[first..last].iter().map(move |r| {
            let (s, e) = (r.key.0 as usize, r.key.1 as usize);
            Stem {
                skip: r.skip as usize,
                key: std::borrow::Cow::Borrowed(if r.lal {
                    &self.lal_keys[s..e]
                } else {
                    &self.norm.text[s..e]
                }),
                stripped: r.stripped,
                lal: r.lal,
            }
        })
    }

    /// The longest entry of the names lexicon ([`LEXICON`]`.names`) at token `i`
    /// (`None` past the end); same as `LEXICON.names.match_at(self, i)`, remembered.
    #[must_use]
    pub fn names_at(&self, i: usize) -> Option<PhraseMatch<Label>> {
        let m = self.memo.get(i)?;
        *m.names.get_or_init(|| LEXICON.names.match_at(self, i))
    }

    /// The longest entry of the titles lexicon at token `i`; same as
    /// `LEXICON.titles.match_at(self, i)` (asked about once per token, not remembered).
    #[must_use]
    pub fn titles_at(&self, i: usize) -> Option<PhraseMatch<()>> {
        LEXICON.titles.match_at(self, i)
    }

    /// `compute()` for token `i` the first time, the remembered answer afterwards.
    pub(crate) fn memo_flag(
        &self,
        i: usize,
        flag: MemoFlag,
        compute: impl FnOnce() -> bool,
    ) -> bool {
        match self.memo.get(i) {
            Some(m) => *m.flags[flag as usize].get_or_init(compute),
            None => compute(),
        }
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
        *self.memo[i].stopword.get_or_init(|| {
            let w = self.text(i);
            let lx = &*LEXICON;
            lx.stopwords.contains(w)
                || self
                    .stems(i)
                    .skip(1)
                    .any(|s| lx.stopwords.contains(s.key.as_ref()))
        })
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
