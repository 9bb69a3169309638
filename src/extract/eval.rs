//! Evaluation of [`super::extract`] against a gold file.
//!
//! Gold format (JSON Lines, `shared/corpus/README.md`): one document a line,
//! `{"doc", "text", "spans": [{"start", "end", "label", "text"}]}` with char offsets.
//! Scoring: exact span and label match over PERSON, ORGANIZATION, LOCATION, DATE and
//! NUMBER; predicted mentions lying inside a gold QUOTE span are not counted; MISC and
//! QUOTE are not scored. Lines that do not parse are skipped.

use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;

use crate::label::Label;

/// True positives, false positives and false negatives of one label (or all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted mentions matching a gold span exactly (span and label).
    pub tp: usize,
    /// Predicted mentions without an exact gold match.
    pub fp: usize,
    /// Gold spans without an exact predicted match.
    pub fn_: usize,
}

impl Counts {
    /// Precision in `[0, 1]` (0 when nothing was predicted).
    #[must_use]
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall in `[0, 1]` (0 when there is no gold span).
    #[must_use]
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// F1, the harmonic mean of precision and recall.
    #[must_use]
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Per-label and micro-averaged scores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Counts for each scored label, in [`Label::SCORED`] order.
    pub per_label: Vec<(Label, Counts)>,
    /// Counts summed over the scored labels (micro average).
    pub micro: Counts,
    /// Number of documents evaluated.
    pub documents: usize,
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<13} {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}",
            "label", "tp", "fp", "fn", "P", "R", "F1"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "{name:<13} {:>5} {:>5} {:>5}  {:>6.3} {:>6.3} {:>6.3}",
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            )
        };
        for (l, c) in &self.per_label {
            row(f, l.as_str(), c)?;
        }
        row(f, "micro", &self.micro)?;
        write!(f, "({} documents)", self.documents)
    }
}

#[derive(Deserialize)]
struct GoldDoc {
    text: String,
    spans: Vec<GoldSpan>,
}

#[derive(Deserialize)]
struct GoldSpan {
    start: usize,
    end: usize,
    label: String,
}

/// One scoring error, for inspection: `(kind "FP"/"FN", label, text)`.
pub type ErrorItem = (&'static str, Label, String);

/// Scores one document; returns counts per scored label and the errors.
fn score_doc(gold: &GoldDoc) -> (Vec<Counts>, Vec<ErrorItem>) {
    let quotes: Vec<(usize, usize)> = gold
        .spans
        .iter()
        .filter(|s| s.label == "QUOTE")
        .map(|s| (s.start, s.end))
        .collect();
    let gold_set: HashSet<(usize, usize, Label)> = gold
        .spans
        .iter()
        .filter_map(|s| Label::from_name(&s.label).map(|l| (s.start, s.end, l)))
        .filter(|s| Label::SCORED.contains(&s.2))
        .collect();
    let pred: HashSet<(usize, usize, Label)> = super::extract(&gold.text)
        .into_iter()
        .filter(|m| Label::SCORED.contains(&m.label))
        .filter(|m| !quotes.iter().any(|&(qs, qe)| m.start >= qs && m.end <= qe))
        .map(|m| (m.start, m.end, m.label))
        .collect();
    let chars: Vec<char> = gold.text.chars().collect();
    let show = |s: usize, e: usize| {
        chars[s.min(chars.len())..e.min(chars.len())]
            .iter()
            .collect::<String>()
    };
    let mut counts = vec![Counts::default(); Label::SCORED.len()];
    let mut errors = Vec::new();
    let idx = |l: Label| Label::SCORED.iter().position(|x| *x == l).unwrap_or(0);
    for p in &pred {
        if gold_set.contains(p) {
            counts[idx(p.2)].tp += 1;
        } else {
            counts[idx(p.2)].fp += 1;
            errors.push(("FP", p.2, show(p.0, p.1)));
        }
    }
    for g in gold_set.difference(&pred) {
        counts[idx(g.2)].fn_ += 1;
        errors.push(("FN", g.2, show(g.0, g.1)));
    }
    (counts, errors)
}

fn evaluate_inner(gold_jsonl: &str, mut on_errors: impl FnMut(usize, Vec<ErrorItem>)) -> Scores {
    let mut per = vec![Counts::default(); Label::SCORED.len()];
    let mut documents = 0;
    for line in gold_jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(gold) = serde_json::from_str::<GoldDoc>(line) else {
            continue;
        };
        let (counts, errors) = score_doc(&gold);
        for (a, b) in per.iter_mut().zip(counts) {
            a.add(b);
        }
        on_errors(documents, errors);
        documents += 1;
    }
    let mut micro = Counts::default();
    for c in &per {
        micro.add(*c);
    }
    Scores {
        per_label: Label::SCORED.iter().copied().zip(per).collect(),
        micro,
        documents,
    }
}

/// Runs the extractor on every document of a gold JSON Lines file and scores it (exact
/// span match; see the module doc).
#[must_use]
pub fn evaluate(gold_jsonl: &str) -> Scores {
    evaluate_inner(gold_jsonl, |_, _| {})
}

/// Like [`evaluate`], also returning every false positive and false negative as
/// `(document index, error)`.
#[must_use]
pub fn evaluate_with_errors(gold_jsonl: &str) -> (Scores, Vec<(usize, ErrorItem)>) {
    let mut all = Vec::new();
    let scores = evaluate_inner(gold_jsonl, |d, errs| {
        all.extend(errs.into_iter().map(|e| (d, e)));
    });
    (scores, all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_exact_matches_and_ignores_entities_in_quotes() {
        let gold = r#"{"doc":"t","text":"قال بوتين: \"روسيا قوية\" في موسكو","spans":[{"start":4,"end":9,"label":"PERSON","text":"بوتين"},{"start":12,"end":22,"label":"QUOTE","text":"روسيا قوية"},{"start":27,"end":32,"label":"LOCATION","text":"موسكو"}]}"#;
        let s = evaluate(gold);
        assert_eq!(s.documents, 1);
        assert_eq!(
            s.micro,
            Counts {
                tp: 2,
                fp: 0,
                fn_: 0
            }
        );
        assert!((s.micro.f1() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn dev_gold_scores() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/dev-gold.jsonl"
        );
        let Ok(gold) = std::fs::read_to_string(path) else {
            eprintln!("skipping: {path} is absent");
            return;
        };
        let (scores, errors) = evaluate_with_errors(&gold);
        if std::env::var_os("TALIQ_EVAL_ERRORS").is_some() {
            for (d, (kind, label, text)) in &errors {
                println!("doc {d:3} {kind} {label:<12} {text}");
            }
        }
        println!("{scores}");
        assert!(scores.documents > 0);
    }
}
