//! Overlap resolution: a flat layer of names plus a separate QUOTE layer.
//!
//! Guideline rule 6 (flat annotation, the longest name wins) and rule 13 (QUOTE is its
//! own layer). Longest first, ties broken by rank (so a lexicon ORGANIZATION beats the
//! MISC guess for the same quoted span) then position. Offsets are normalized chars.

use super::doc::{Candidate, Doc};
use crate::label::Label;

/// Greedily keeps non-overlapping candidates in priority order.
fn select(len: usize, mut cands: Vec<Candidate>, out: &mut Vec<Candidate>) {
    cands.sort_by_key(|c| {
        (
            std::cmp::Reverse(c.end - c.start),
            std::cmp::Reverse(c.rank),
            c.start,
            c.label,
        )
    });
    let mut taken = CharSet::new(len + 1);
    for c in cands {
        if c.start >= c.end || c.end > len || (c.start..c.end).any(|x| taken.contains(x)) {
            continue;
        }
        (c.start..c.end).for_each(|x| taken.insert(x));
        out.push(c);
    }
}

/// A set of char offsets below a bound, one bit each.
pub(crate) struct CharSet(Vec<u64>);

impl CharSet {
    /// An empty set for offsets `0..len`.
    pub(crate) fn new(len: usize) -> CharSet {
        CharSet(vec![0; len.div_ceil(64)])
    }

    /// Adds `x`.
    pub(crate) fn insert(&mut self, x: usize) {
        self.0[x / 64] |= 1 << (x % 64);
    }

    /// Whether `x` is in the set.
    pub(crate) fn contains(&self, x: usize) -> bool {
        self.0[x / 64] & (1 << (x % 64)) != 0
    }
}

/// Resolves overlaps; the result is sorted by start (a QUOTE before the names inside it).
#[must_use]
pub fn resolve(doc: &Doc, cands: Vec<Candidate>) -> Vec<Candidate> {
    let (quotes, names): (Vec<Candidate>, Vec<Candidate>) =
        cands.into_iter().partition(|c| c.label == Label::Quote);
    let mut out = Vec::with_capacity(names.len() + quotes.len());
    select(doc.norm.len(), names, &mut out);
    select(doc.norm.len(), quotes, &mut out);
    out.sort_by_key(|c| (c.start, c.label != Label::Quote, c.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(start: usize, end: usize, label: Label, rank: u8) -> Candidate {
        Candidate {
            start,
            end,
            label,
            rank,
            lal: false,
        }
    }

    #[test]
    fn longest_wins_then_rank_and_quotes_are_a_layer() {
        let doc = Doc::new("0123456789abcdef");
        let got = resolve(
            &doc,
            vec![
                cand(0, 4, Label::Number, 2),
                cand(0, 6, Label::Date, 2),
                cand(8, 10, Label::Location, 2),
                cand(8, 10, Label::Person, 3),
                cand(11, 13, Label::Misc, 0),
                cand(11, 13, Label::Organization, 2),
                cand(0, 15, Label::Quote, 2),
            ],
        );
        let labels: Vec<_> = got.iter().map(|c| (c.start, c.label)).collect();
        assert_eq!(
            labels,
            [
                (0, Label::Quote),
                (0, Label::Date),
                (8, Label::Person),
                (11, Label::Organization)
            ]
        );
    }
}
