//! Small queries over a document and its resolved mentions shared by the fact finders
//! ([`super::attributes`], [`super::speaker`], [`super::timex`]): which token holds an
//! offset, where sentences end, which mention covers a token.
//!
//! Offsets are normalized chars, as in [`super::doc`].

use super::doc::{Candidate, Doc};
use super::normalize::display_form_chars;
use super::tokenize::TokenKind;
use crate::model::label::Label;

/// The index of the token that contains normalized offset `pos` (or the first token
/// after it when `pos` is between tokens); `doc.tokens.len()` past the last token.
#[must_use]
pub fn token_at(doc: &Doc, pos: usize) -> usize {
    doc.tokens.partition_point(|t| t.end <= pos)
}

/// [`token_at`] for positions asked in (mostly) increasing order: searches from the
/// token of the previous call (`cursor`) by doubling steps, then by bisection in the
/// last step, so a pass over a whole document costs about one probe per token instead
/// of a bisection of the whole token array (whose probes miss the cache) per position.
pub fn token_at_from(doc: &Doc, pos: usize, cursor: &mut usize) -> usize {
    let toks = &doc.tokens;
    let at = (*cursor).min(toks.len());
    let found = if at > 0 && toks[at - 1].end > pos {
        // behind the cursor: a plain bisection of the part before it
        toks[..at].partition_point(|t| t.end <= pos)
    } else {
        // the answer is at `at` or after: gallop forward
        let (mut lo, mut step) = (at, 1);
        while lo + step < toks.len() && toks[lo + step - 1].end <= pos {
            lo += step;
            step *= 2;
        }
        let hi = (lo + step).min(toks.len());
        lo + toks[lo..hi].partition_point(|t| t.end <= pos)
    };
    *cursor = found;
    found
}

/// The tokens between the quotation mark at `j` and the closing mark after it on the
/// same line, at most `max` tokens: `(first, end)`; `None` when `j` is no mark, the marks
/// hold nothing, or no closing mark follows on the line within `max` tokens.
#[must_use]
pub fn quoted_at(doc: &Doc, j: usize, max: usize) -> Option<(usize, usize)> {
    if !doc.is_quote_mark(j) {
        return None;
    }
    let mut k = j + 1;
    while k < doc.tokens.len() && k <= j + max && !doc.is_quote_mark(k) && doc.same_line(k) {
        k += 1;
    }
    (doc.same_line(k) && doc.is_quote_mark(k) && k > j + 1).then_some((j + 1, k))
}

/// Whether token `i` ends a sentence: `.`, `!`, `?`, `؟` or `؛`.
#[must_use]
pub fn ends_sentence(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| {
        t.kind == TokenKind::Punct && matches!(doc.norm.chars[t.start], '.' | '!' | '?' | '؟' | '؛')
    })
}

/// Whether a sentence boundary lies between tokens `i - 1` and `i`: a sentence-ending
/// mark at `i - 1` or a line break before `i`.
#[must_use]
pub fn boundary_before(doc: &Doc, i: usize) -> bool {
    i == 0 || !doc.same_line(i) || ends_sentence(doc, i - 1)
}

/// The first token of the sentence holding token `i`, looking back at most `max` tokens.
#[must_use]
pub fn sentence_start(doc: &Doc, i: usize, max: usize) -> usize {
    let floor = i.saturating_sub(max);
    let mut s = i.min(doc.tokens.len());
    while s > floor && !boundary_before(doc, s) {
        s -= 1;
    }
    s
}

/// The display form (tashkeel, tatweel and directional marks removed) of the original
/// text of normalized range `[start, end)`.
#[must_use]
pub fn display(doc: &Doc, start: usize, end: usize) -> String {
    let (s, e) = doc.to_original(start, end);
    display_form_chars(&doc.norm.orig_chars[s..e])
}

/// The token ranges of resolved mentions, and the flat layer of the non-QUOTE ones
/// (sorted, non-overlapping as [`super::resolve`] leaves them) with the mention covering
/// each token, for lookups by token in constant time.
#[derive(Debug)]
pub struct Layer {
    /// `(first token, end token)` of every mention, aligned with the mention list.
    ranges: Vec<(usize, usize)>,
    /// Whether each mention starts after a prepositional proclitic (`ل`, `ب`, `ك`).
    governed: Vec<bool>,
    /// `(first token, end token, label, index in the list)` of the non-QUOTE mentions.
    spans: Vec<(usize, usize, Label, usize)>,
    /// For every token, the index in `spans` of the mention covering it, or `u32::MAX`.
    cover: Vec<u32>,
}

impl Layer {
    /// The layer of `cands` (resolved, sorted by start). Linear in the tokens and
    /// mentions: the flat layer's starts and ends both increase, so two cursors walk the
    /// tokens once; QUOTE mentions (few) are looked up by binary search.
    #[must_use]
    pub fn new(doc: &Doc, cands: &[Candidate]) -> Layer {
        let tokens = &doc.tokens;
        let (mut first, mut last) = (0, 0);
        let mut ranges = Vec::with_capacity(cands.len());
        let mut spans = Vec::with_capacity(cands.len());
        let governed = cands
            .iter()
            .map(|c| {
                c.start > 0
                    && !doc.norm.chars[c.start - 1].is_whitespace()
                    && matches!(doc.norm.chars[c.start - 1], 'ل' | 'ب' | 'ك')
            })
            .collect();
        for (k, c) in cands.iter().enumerate() {
            if c.label == Label::Quote {
                ranges.push((token_at(doc, c.start), token_at(doc, c.end - 1) + 1));
                continue;
            }
            while first < tokens.len() && tokens[first].end <= c.start {
                first += 1;
            }
            last = last.max(first);
            while last < tokens.len() && tokens[last].end < c.end {
                last += 1;
            }
            ranges.push((first, last + 1));
            spans.push((first, last + 1, c.label, k));
        }
        let mut cover = vec![u32::MAX; tokens.len()];
        for (n, s) in spans.iter().enumerate() {
            cover[s.0..s.1.min(tokens.len())].fill(n as u32);
        }
        Layer {
            ranges,
            governed,
            spans,
            cover,
        }
    }

    /// Whether mention `k` starts after a prepositional proclitic (`لترامب`, `بالكرملين`):
    /// the object of a preposition, not a subject.
    #[must_use]
    pub fn governed(&self, k: usize) -> bool {
        self.governed[k]
    }

    /// `(first token, end token)` of mention `k`.
    #[must_use]
    pub fn range(&self, k: usize) -> (usize, usize) {
        self.ranges[k]
    }

    /// The mention covering token `i`: `(first token, end token, label, index)`.
    #[must_use]
    pub fn at(&self, i: usize) -> Option<(usize, usize, Label, usize)> {
        let n = *self.cover.get(i)?;
        self.spans.get(n as usize).copied()
    }

    /// The mention ending at token `end` (its end token is `end`).
    #[must_use]
    pub fn ending_at(&self, end: usize) -> Option<(usize, usize, Label, usize)> {
        end.checked_sub(1)
            .and_then(|i| self.at(i))
            .filter(|s| s.1 == end)
    }

    /// The mentions whose first token is in `[from, to)`, in text order.
    #[must_use]
    pub fn starting_in(
        &self,
        from: usize,
        to: usize,
    ) -> impl DoubleEndedIterator<Item = (usize, usize, Label, usize)> + '_ {
        let a = self.spans.partition_point(|s| s.0 < from);
        let b = self.spans.partition_point(|s| s.0 < to);
        self.spans[a..b.max(a)].iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_at_from_agrees_with_token_at_in_any_order() {
        let doc = Doc::new("قال الرئيس الروسي فلاديمير بوتين إن ترامب، وافق على \"G7\" اليوم.");
        let n = doc.norm.chars.len();
        let mut cursor = 0;
        let order: Vec<usize> = (0..=n)
            .chain((0..=n).rev())
            .chain((0..=n).step_by(7))
            .collect();
        for pos in order {
            assert_eq!(
                token_at_from(&doc, pos, &mut cursor),
                token_at(&doc, pos),
                "at {pos}"
            );
        }
    }
}
