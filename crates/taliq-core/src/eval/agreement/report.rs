//! The agreement of several annotators over the documents they annotated
//! (`taliq agree`): documents paired by the SHA-256 of their text, then the figures of
//! [`super`] over all paired documents together, and the list of disagreements.

use std::collections::BTreeMap;

use super::{
    Mark, PairCounts, cohen_kappa, exact, fleiss_kappa, iob2, krippendorff_alpha, overlap, tokens,
};
use crate::model::document::Document;
use crate::model::label::Label;

/// One annotator's work: a name (the file or folder it came from) and the documents,
/// each with the annotations that count (decisions).
#[derive(Debug, Clone)]
pub struct Layer {
    /// Who (the file or folder named on the command line).
    pub name: String,
    /// The documents with their annotations.
    pub documents: Vec<(Document, Vec<Mark>)>,
}

/// How two annotators differ on one place of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// The same span, another label.
    Label,
    /// The same label, spans that overlap but differ.
    Boundary,
    /// Spans that overlap with another label and other edges.
    Both,
    /// Only one of them marked anything here.
    Missing,
}

/// One disagreement between the first two annotators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// The document's name.
    pub document: String,
    /// The first annotator's mark here, if any.
    pub first: Option<Mark>,
    /// The second annotator's mark here, if any.
    pub second: Option<Mark>,
    /// How they differ.
    pub kind: Kind,
}

/// The agreement figures.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The annotators, in order.
    pub annotators: Vec<String>,
    /// Documents every annotator annotated.
    pub paired: usize,
    /// Documents not annotated by every annotator: `(annotator, document name)`.
    pub unpaired: Vec<(String, String)>,
    /// Exact-span counts of each pair `(i, j)`, `i` as reference.
    pub exact: Vec<((usize, usize), PairCounts)>,
    /// Overlap counts of each pair.
    pub overlap: Vec<((usize, usize), PairCounts)>,
    /// Tokens counted for the coefficients.
    pub tokens: usize,
    /// Cohen's κ (two annotators only).
    pub cohen: Option<f64>,
    /// Fleiss' κ.
    pub fleiss: Option<f64>,
    /// Krippendorff's α (nominal).
    pub alpha: Option<f64>,
    /// Labels of overlapping marks of the first two annotators that differ:
    /// `(first's, second's) → how many`.
    pub confusion: BTreeMap<(Label, Label), usize>,
    /// The disagreements of the first two annotators, in document and text order.
    pub disagreements: Vec<Disagreement>,
}

/// Adds the counts of `one` to `total`.
fn add(total: &mut PairCounts, one: &PairCounts) {
    for (l, c) in &one.per_label {
        let t = total.per_label.entry(*l).or_default();
        t.tp += c.tp;
        t.fp += c.fp;
        t.fn_ += c.fn_;
    }
    total.all.tp += one.all.tp;
    total.all.fp += one.all.fp;
    total.all.fn_ += one.all.fn_;
}

/// The report of `layers` (at least two for the pairwise figures).
#[must_use]
pub fn report(layers: &[Layer]) -> Report {
    let mut r = Report {
        annotators: layers.iter().map(|l| l.name.clone()).collect(),
        ..Report::default()
    };
    let find = |layer: &Layer, sha: &str| {
        layer
            .documents
            .iter()
            .find(|(d, _)| d.sha256() == sha)
            .map(|(_, m)| m.clone())
    };
    // the documents of the first layer that every layer has, by text
    let mut paired: Vec<(&Document, Vec<Vec<Mark>>)> = Vec::new();
    for (doc, _) in layers.first().map_or(&[][..], |l| l.documents.as_slice()) {
        let all: Option<Vec<Vec<Mark>>> = layers.iter().map(|l| find(l, doc.sha256())).collect();
        if let Some(all) = all {
            paired.push((doc, all));
        }
    }
    for l in layers {
        for (d, _) in &l.documents {
            if !paired.iter().any(|(p, _)| p.sha256() == d.sha256()) {
                r.unpaired
                    .push((l.name.clone(), d.source_name().to_owned()));
            }
        }
    }
    r.paired = paired.len();
    let n = layers.len();
    for i in 0..n {
        for j in i + 1..n {
            let (mut e, mut o) = (PairCounts::default(), PairCounts::default());
            for (_, marks) in &paired {
                add(&mut e, &exact(&marks[i], &marks[j]));
                add(&mut o, &overlap(&marks[i], &marks[j]));
            }
            r.exact.push(((i, j), e));
            r.overlap.push(((i, j), o));
        }
    }
    let mut tags: Vec<Vec<String>> = vec![Vec::new(); n];
    for (doc, marks) in &paired {
        let refs: Vec<&[Mark]> = marks.iter().map(Vec::as_slice).collect();
        let toks = tokens(doc, &refs);
        for (t, m) in tags.iter_mut().zip(marks) {
            t.extend(iob2(&toks, m));
        }
        if n >= 2 {
            disagree(doc, &marks[0], &marks[1], &mut r);
        }
    }
    r.tokens = tags.first().map_or(0, Vec::len);
    if n == 2 {
        r.cohen = cohen_kappa(&tags[0], &tags[1]);
    }
    let items: Vec<Vec<&String>> = (0..r.tokens)
        .map(|k| tags.iter().map(|t| &t[k]).collect())
        .collect();
    r.fleiss = fleiss_kappa(&items);
    let units: Vec<Vec<Option<&String>>> = items
        .iter()
        .map(|i| i.iter().copied().map(Some).collect())
        .collect();
    r.alpha = krippendorff_alpha(&units);
    r
}

/// The disagreements of `first` and `second` on `doc`, and the labels of their overlapping marks.
fn disagree(doc: &Document, first: &[Mark], second: &[Mark], out: &mut Report) {
    let overlaps = |x: &Mark, y: &Mark| x.0 < y.1 && y.0 < x.1;
    let name = doc.source_name().to_owned();
    let mut seen = vec![false; second.len()];
    for x in first {
        if let Some(i) = second.iter().position(|y| y == x) {
            seen[i] = true;
            continue;
        }
        let (second, kind) = match second.iter().position(|y| overlaps(x, y)) {
            Some(i) => {
                seen[i] = true;
                let y = second[i];
                if x.2 != y.2 {
                    *out.confusion.entry((x.2, y.2)).or_default() += 1;
                }
                let kind = match ((x.0, x.1) == (y.0, y.1), x.2 == y.2) {
                    (true, false) => Kind::Label,
                    (false, true) => Kind::Boundary,
                    _ => Kind::Both,
                };
                (Some(y), kind)
            }
            None => (None, Kind::Missing),
        };
        out.disagreements.push(Disagreement {
            document: name.clone(),
            first: Some(*x),
            second,
            kind,
        });
    }
    for (i, y) in second.iter().enumerate() {
        if !seen[i] {
            out.disagreements.push(Disagreement {
                document: name.clone(),
                first: None,
                second: Some(*y),
                kind: Kind::Missing,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Kind, Layer, report};
    use crate::model::document::Document;
    use crate::model::label::Label;

    #[test]
    fn two_annotators_of_two_documents_one_unpaired() {
        let text = "قال الرئيس الروسي فلاديمير بوتين في موسكو";
        let doc = Document::from_text(text, "a.txt", "UTF-8");
        let other = Document::from_text("نص آخر", "b.txt", "UTF-8");
        let first = Layer {
            name: "A".into(),
            documents: vec![
                (
                    doc.clone(),
                    vec![(18, 32, Label::Person), (36, 41, Label::Location)],
                ),
                (other, vec![]),
            ],
        };
        let second = Layer {
            name: "B".into(),
            documents: vec![(
                doc,
                vec![(11, 32, Label::Person), (36, 41, Label::Organization)],
            )],
        };
        let r = report(&[first, second]);
        assert_eq!(r.paired, 1);
        assert_eq!(r.unpaired, [("A".to_owned(), "b.txt".to_owned())]);
        assert_eq!(r.exact[0].1.all.tp, 0);
        assert_eq!(r.overlap[0].1.all.tp, 1);
        let kinds: Vec<Kind> = r.disagreements.iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [Kind::Boundary, Kind::Label]);
        assert_eq!(r.confusion[&(Label::Location, Label::Organization)], 1);
        assert!(r.cohen.unwrap() < 1.0 && r.alpha.is_some());
    }
}
