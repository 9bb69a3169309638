//! Overlap resolution: a flat layer of names plus a separate QUOTE layer.
//!
//! Guideline rule 6 (flat annotation, the longest name wins) and rule 13 (QUOTE is its
//! own layer). Longest first, ties broken by rank (so a lexicon ORGANIZATION beats the
//! MISC guess for the same quoted span) then position. Offsets are normalized chars.

use super::doc::{Candidate, Doc};
use crate::label::Label;

/// Greedily keeps non-overlapping candidates in priority order.
fn select(len: usize, cands: &[Candidate], out: &mut Vec<Candidate>) {
    // priority: longest first, then higher rank, then start, then label; equal keys keep
    // their input order (the index is the last key, so an unstable sort is stable here)
    let order = sorted_order(cands, |c| {
        let span = (c.end.saturating_sub(c.start) as u128).min(FIELD_MAX);
        ((FIELD_MAX - span) << 88)
            | (u128::from(u8::MAX - c.rank) << 80)
            | ((c.start as u128).min(FIELD_MAX) << 40)
            | (u128::from(c.label as u8) << 32)
    });
    let mut taken = CharSet::new(len + 1);
    for k in order {
        let c = &cands[k];
        if c.start >= c.end || c.end > len || taken.any_in(c.start, c.end) {
            continue;
        }
        taken.insert_range(c.start, c.end);
        out.push(c.clone());
    }
}

/// Offsets and lengths above this are clamped in sort keys (40 bits: 10^12 chars).
const FIELD_MAX: u128 = (1 << 40) - 1;

/// The indices of `cands` sorted by `key` (whose low 32 bits must be zero), ties in
/// input order: the same order as a stable sort by `key`, with one unstable sort of
/// plain integers.
fn sorted_order(cands: &[Candidate], key: impl Fn(&Candidate) -> u128) -> Vec<usize> {
    if u32::try_from(cands.len()).is_err() {
        let mut idx: Vec<usize> = (0..cands.len()).collect();
        idx.sort_by_key(|&k| key(&cands[k]));
        return idx;
    }
    let mut keys: Vec<u128> = cands
        .iter()
        .enumerate()
        .map(|(k, c)| key(c) | k as u128)
        .collect();
    keys.sort_unstable();
    keys.into_iter().map(|k| (k as u32) as usize).collect()
}

/// A set of char offsets below a bound, one bit each.
pub(crate) struct CharSet(Vec<u64>);

impl CharSet {
    /// An empty set for offsets `0..len`.
    pub(crate) fn new(len: usize) -> CharSet {
        CharSet(vec![0; len.div_ceil(64)])
    }

    /// Whether `x` is in the set.
    pub(crate) fn contains(&self, x: usize) -> bool {
        self.0[x / 64] & (1 << (x % 64)) != 0
    }

    /// The words of `start..end` (non-empty) with the mask of the range's bits in each.
    fn range_words(start: usize, end: usize) -> impl Iterator<Item = (usize, u64)> {
        let (first, last) = (start / 64, (end - 1) / 64);
        (first..=last).map(move |w| {
            let lo = if w == first { start % 64 } else { 0 };
            let hi = if w == last { (end - 1) % 64 } else { 63 };
            (w, (u64::MAX >> (63 - hi)) & (u64::MAX << lo))
        })
    }

    /// Whether some offset in `start..end` is in the set.
    pub(crate) fn any_in(&self, start: usize, end: usize) -> bool {
        start < end && Self::range_words(start, end).any(|(w, m)| self.0[w] & m != 0)
    }

    /// Adds every offset in `start..end`.
    pub(crate) fn insert_range(&mut self, start: usize, end: usize) {
        if start < end {
            Self::range_words(start, end).for_each(|(w, m)| self.0[w] |= m);
        }
    }
}

/// Resolves overlaps; the result is sorted by start (a QUOTE before the names inside it).
#[must_use]
pub fn resolve(doc: &Doc, cands: Vec<Candidate>) -> Vec<Candidate> {
    let (quotes, names): (Vec<Candidate>, Vec<Candidate>) =
        cands.into_iter().partition(|c| c.label == Label::Quote);
    let mut sel = Vec::with_capacity(names.len() + quotes.len());
    select(doc.norm.len(), &names, &mut sel);
    select(doc.norm.len(), &quotes, &mut sel);
    // by start, a QUOTE before the names it contains, then by end; ties in order
    sorted_order(&sel, |c| {
        ((c.start as u128).min(FIELD_MAX) << 88)
            | (u128::from(c.label != Label::Quote) << 80)
            | ((c.end as u128).min(FIELD_MAX) << 40)
    })
    .into_iter()
    .map(|k| sel[k].clone())
    .collect()
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
    fn char_set_ranges_agree_with_single_offsets() {
        for (a, b) in [
            (0, 1),
            (3, 64),
            (63, 65),
            (0, 200),
            (64, 128),
            (70, 70),
            (5, 190),
        ] {
            let mut s = CharSet::new(256);
            s.insert_range(a, b);
            for x in 0..256 {
                assert_eq!(s.contains(x), (a..b).contains(&x), "{a}..{b} {x}");
            }
            for (c, d) in [
                (0, 256),
                (0, a),
                (b, 256),
                (a, a + 1),
                (b.saturating_sub(1), b),
            ] {
                let want = (c..d).any(|x| (a..b).contains(&x));
                assert_eq!(s.any_in(c, d), want, "{a}..{b} in {c}..{d}");
            }
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
