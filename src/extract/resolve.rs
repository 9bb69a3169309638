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
    let mut taken = vec![false; len + 1];
    for c in cands {
        if c.start >= c.end || c.end > len || taken[c.start..c.end].iter().any(|&t| t) {
            continue;
        }
        taken[c.start..c.end].iter_mut().for_each(|t| *t = true);
        out.push(c);
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
