//! Inter-annotator agreement between layers of annotations of one article: exact-span and
//! overlap F1 between two layers (one taken as reference; F1 is symmetric), and chance-
//! corrected coefficients over the article's tokens tagged IOB2: Cohen's κ for two
//! annotators (Cohen 1960, with each annotator's own label distribution), Fleiss' κ for
//! two or more (Fleiss 1971, the multi-rater generalization of Scott's π) and
//! Krippendorff's α for nominal data (Krippendorff 2004/2011, from the coincidence matrix;
//! missing values allowed). Tokens are Taliq's (`extract::tokenize`), cut at every span
//! edge of every layer, so every span of every annotator is whole tokens.
//!
//! The coefficients work on any category type; they return `None` where the coefficient
//! is not defined (no pairs of values, or one category only with disagreement impossible
//! by chance… see each function).

pub mod report;

use std::collections::BTreeMap;

use crate::eval::Counts;
use crate::extract::tokenize::doc_tokens_cut_at;
use crate::model::document::Document;
use crate::model::label::Label;

/// One annotation of a layer: `(start, end, label)`, char offsets (Unicode scalar
/// values), end exclusive.
pub type Mark = (usize, usize, Label);

/// Counts per label and over all labels, of a layer `b` against a reference `a`: a true
/// positive is a mark of `b` matched by one of `a` (each mark matched at most once).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PairCounts {
    /// Per label.
    pub per_label: BTreeMap<Label, Counts>,
    /// Micro-averaged (all labels together).
    pub all: Counts,
}

fn counted(a: &[Mark], b: &[Mark], matches: impl Fn(&Mark, &Mark) -> bool) -> PairCounts {
    let mut used = vec![false; a.len()];
    let mut out = PairCounts::default();
    for m in b {
        let hit = (0..a.len()).find(|&i| !used[i] && matches(&a[i], m));
        let c = out.per_label.entry(m.2).or_default();
        if let Some(i) = hit {
            used[i] = true;
            c.tp += 1;
            out.all.tp += 1;
        } else {
            c.fp += 1;
            out.all.fp += 1;
        }
    }
    for (i, m) in a.iter().enumerate() {
        if !used[i] {
            out.per_label.entry(m.2).or_default().fn_ += 1;
            out.all.fn_ += 1;
        }
    }
    out
}

/// Exact match: same start, end and label.
#[must_use]
pub fn exact(a: &[Mark], b: &[Mark]) -> PairCounts {
    counted(a, b, |x, y| x == y)
}

/// Overlap match: same label, spans sharing at least one char.
#[must_use]
pub fn overlap(a: &[Mark], b: &[Mark]) -> PairCounts {
    counted(a, b, |x, y| x.2 == y.2 && x.0 < y.1 && y.0 < x.1)
}

/// The tokens of `doc` cut at every span edge of `layers`, as `(start, end)` char ranges.
#[must_use]
pub fn tokens(doc: &Document, layers: &[&[Mark]]) -> Vec<(usize, usize)> {
    let cuts: Vec<usize> = layers
        .iter()
        .flat_map(|l| l.iter().flat_map(|m| [m.0, m.1]))
        .collect();
    doc_tokens_cut_at(doc, cuts)
        .into_iter()
        .map(|(s, e, _)| (s, e))
        .collect()
}

/// The IOB2 tag of each token for `marks` (`O`, `B-PERSON`, `I-PERSON`, …), flat: of
/// marks that overlap, the first in text order (start, then the longer) is tagged, as
/// CoNLL writes them.
#[must_use]
pub fn iob2(tokens: &[(usize, usize)], marks: &[Mark]) -> Vec<String> {
    let mut ordered: Vec<&Mark> = marks.iter().collect();
    ordered.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1), m.2));
    let mut flat: Vec<&Mark> = Vec::new();
    for m in ordered {
        if flat.last().is_none_or(|k| k.1 <= m.0) {
            flat.push(m);
        }
    }
    let mut at = 0;
    tokens
        .iter()
        .map(|&(s, _)| {
            while at < flat.len() && flat[at].1 <= s {
                at += 1;
            }
            match flat.get(at) {
                Some(m) if m.0 == s => format!("B-{}", m.2.as_str()),
                Some(m) if m.0 < s => format!("I-{}", m.2.as_str()),
                _ => "O".to_owned(),
            }
        })
        .collect()
}

/// Cohen's κ of two annotators' categories of the same items (Cohen 1960):
/// `(Po − Pe) / (1 − Pe)`, `Po` the share of items they agree on, `Pe` the chance
/// agreement from each one's own category shares. `None` for no items or unequal
/// lengths; 1 when they agree on everything, also in the degenerate case of one category
/// only (where `Pe` = 1 and the formula has no value).
#[must_use]
pub fn cohen_kappa<T: Ord>(a: &[T], b: &[T]) -> Option<f64> {
    if a.is_empty() || a.len() != b.len() {
        return None;
    }
    let n = a.len() as f64;
    let po = a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / n;
    let mut shares: BTreeMap<&T, (f64, f64)> = BTreeMap::new();
    for x in a {
        shares.entry(x).or_default().0 += 1.0 / n;
    }
    for y in b {
        shares.entry(y).or_default().1 += 1.0 / n;
    }
    let pe: f64 = shares.values().map(|(p, q)| p * q).sum();
    if (1.0 - pe).abs() < f64::EPSILON {
        return (po >= 1.0 - f64::EPSILON).then_some(1.0);
    }
    Some((po - pe) / (1.0 - pe))
}

/// Fleiss' κ of `items`, each the categories its raters gave it (the same number of
/// raters, at least two, for every item; Fleiss 1971): `(P̄ − P̄e) / (1 − P̄e)`, `P̄`
/// the mean share of agreeing rater pairs per item, `P̄e` the sum of the squared
/// category shares over all ratings. `None` for no items, fewer than two raters or
/// unequal numbers of raters; 1 for total agreement on one category only.
#[must_use]
pub fn fleiss_kappa<T: Ord>(items: &[Vec<T>]) -> Option<f64> {
    let raters = items.first()?.len();
    if raters < 2 || items.iter().any(|i| i.len() != raters) {
        return None;
    }
    let r = raters as f64;
    let mut totals: BTreeMap<&T, f64> = BTreeMap::new();
    let mut p_sum = 0.0;
    for item in items {
        let mut counts: BTreeMap<&T, f64> = BTreeMap::new();
        for c in item {
            *counts.entry(c).or_default() += 1.0;
            *totals.entry(c).or_default() += 1.0;
        }
        p_sum += counts.values().map(|n| n * (n - 1.0)).sum::<f64>() / (r * (r - 1.0));
    }
    let all = items.len() as f64 * r;
    let p_bar = p_sum / items.len() as f64;
    let pe: f64 = totals.values().map(|n| (n / all).powi(2)).sum();
    if (1.0 - pe).abs() < f64::EPSILON {
        return (p_bar >= 1.0 - f64::EPSILON).then_some(1.0);
    }
    Some((p_bar - pe) / (1.0 - pe))
}

/// Krippendorff's α for nominal data (Krippendorff 2011, "Computing Krippendorff's
/// Alpha-Reliability"): `units` are the values each coder gave each unit (`None`: not
/// coded); units with fewer than two values are not pairable and are left out. From the
/// coincidence matrix `o`: `α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k`. `None` when
/// there are no pairable values; 1 when all pairable values are one category.
#[must_use]
pub fn krippendorff_alpha<T: Ord>(units: &[Vec<Option<T>>]) -> Option<f64> {
    let mut o: BTreeMap<(&T, &T), f64> = BTreeMap::new();
    for unit in units {
        let values: Vec<&T> = unit.iter().flatten().collect();
        let m = values.len();
        if m < 2 {
            continue;
        }
        for (i, c) in values.iter().enumerate() {
            for (j, k) in values.iter().enumerate() {
                if i != j {
                    *o.entry((*c, *k)).or_default() += 1.0 / (m as f64 - 1.0);
                }
            }
        }
    }
    let mut n_c: BTreeMap<&T, f64> = BTreeMap::new();
    for (&(c, _), v) in &o {
        *n_c.entry(c).or_default() += v;
    }
    let n: f64 = n_c.values().sum();
    if n == 0.0 {
        return None;
    }
    let observed: f64 = o.iter().filter(|((c, k), _)| c != k).map(|(_, v)| v).sum();
    let mut expected = 0.0;
    for (c, a) in &n_c {
        for (k, b) in &n_c {
            if c != k {
                expected += a * b;
            }
        }
    }
    if expected == 0.0 {
        return Some(1.0);
    }
    Some(1.0 - (n - 1.0) * observed / expected)
}

#[cfg(test)]
mod tests {
    use super::{cohen_kappa, exact, fleiss_kappa, iob2, krippendorff_alpha, overlap, tokens};
    use crate::model::document::Document;
    use crate::model::label::Label;

    /// Figures worked by hand (and, in the interop tests, by nltk and the krippendorff
    /// package on the same data).
    #[test]
    fn the_coefficients_on_small_worked_cases() {
        // 10 items, two raters: agree on 7 (4 yes, 3 no)
        let a = ["y", "y", "y", "y", "n", "n", "n", "y", "y", "n"];
        let b = ["y", "y", "y", "y", "n", "n", "n", "n", "n", "y"];
        // Po = 0.7; Pe = 0.6*0.5 + 0.4*0.5 = 0.5; κ = 0.4
        assert!((cohen_kappa(&a, &b).unwrap() - 0.4).abs() < 1e-12);
        assert_eq!(cohen_kappa(&a, &a), Some(1.0));
        assert_eq!(cohen_kappa(&["O", "O"], &["O", "O"]), Some(1.0));
        assert_eq!(cohen_kappa::<&str>(&[], &[]), None);
        let items: Vec<Vec<&str>> = a.iter().zip(&b).map(|(x, y)| vec![*x, *y]).collect();
        // two raters: Fleiss' κ is Scott's π: Pe = 0.55² + 0.45² = 0.505
        let pi = (0.7 - 0.505) / (1.0 - 0.505);
        assert!((fleiss_kappa(&items).unwrap() - pi).abs() < 1e-12);
        let units: Vec<Vec<Option<&str>>> = a
            .iter()
            .zip(&b)
            .map(|(x, y)| vec![Some(*x), Some(*y)])
            .collect();
        // α = 1 − (n−1)·D where n = 20: observed 6 disagreeing pairs, expected 2·11·9
        let alpha = 1.0 - 19.0 * 6.0 / (2.0 * 11.0 * 9.0);
        assert!((krippendorff_alpha(&units).unwrap() - alpha).abs() < 1e-12);
        assert_eq!(krippendorff_alpha::<&str>(&[vec![Some("x"), None]]), None);
    }

    #[test]
    fn spans_match_exactly_or_by_overlap_and_tokens_are_cut_at_every_edge() {
        let text = "قال الرئيس الروسي فلاديمير بوتين في موسكو";
        let doc = Document::from_text(text, "t.txt", "UTF-8");
        let first = [(18, 32, Label::Person), (36, 41, Label::Location)];
        let second = [(11, 32, Label::Person), (36, 41, Label::Organization)];
        let same = exact(&first, &second);
        assert_eq!((same.all.tp, same.all.fp, same.all.fn_), (0, 2, 2));
        let near = overlap(&first, &second);
        assert_eq!((near.all.tp, near.all.fp, near.all.fn_), (1, 1, 1));
        let toks = tokens(&doc, &[&first, &second]);
        let ta = iob2(&toks, &first);
        let tb = iob2(&toks, &second);
        assert_eq!(
            ta,
            ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-LOCATION"]
        );
        assert_eq!(
            tb,
            [
                "O",
                "O",
                "B-PERSON",
                "I-PERSON",
                "I-PERSON",
                "O",
                "B-ORGANIZATION"
            ]
        );
    }
}
