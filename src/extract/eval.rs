//! Evaluation of [`super::extract`] against a gold file.
//!
//! Gold format (JSON Lines, `shared/corpus/README.md`): one document a line,
//! `{"doc", "text", "spans": [{"start", "end", "label", "text"}]}` with char offsets.
//! Scoring: exact span and label match over PERSON, ORGANIZATION, LOCATION, DATE and
//! NUMBER; predicted mentions lying inside a gold QUOTE span are not counted; MISC and
//! QUOTE are not scored. [`evaluate`] skips lines that do not parse; [`try_evaluate`]
//! (used by `taliq eval`) refuses the file and names the first bad line.

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
    /// The span's text, checked against the document when present.
    #[serde(default)]
    text: Option<String>,
}

/// A gold file line that cannot be scored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct GoldError {
    /// 1-based line number in the gold file.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// Parses one gold line and checks its spans: offsets within the text (chars, end
/// exclusive, `start < end`), a guideline label, and `text` equal to the slice.
fn parse_gold_line(line: &str) -> Result<GoldDoc, String> {
    let gold: GoldDoc =
        serde_json::from_str(line).map_err(|e| format!("not a gold document: {e}"))?;
    let chars: Vec<char> = gold.text.chars().collect();
    for (i, s) in gold.spans.iter().enumerate() {
        if Label::from_name(&s.label).is_none() {
            return Err(format!("span {i}: unknown label {:?}", s.label));
        }
        if s.start >= s.end || s.end > chars.len() {
            return Err(format!(
                "span {i}: offsets {}..{} do not fit a text of {} chars",
                s.start,
                s.end,
                chars.len()
            ));
        }
        if let Some(t) = &s.text {
            let slice: String = chars[s.start..s.end].iter().collect();
            if &slice != t {
                return Err(format!(
                    "span {i}: text {t:?} differs from the document at {}..{} ({slice:?})",
                    s.start, s.end
                ));
            }
        }
    }
    Ok(gold)
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

fn evaluate_inner(
    gold_jsonl: &str,
    strict: bool,
    mut on_errors: impl FnMut(usize, Vec<ErrorItem>),
) -> Result<Scores, GoldError> {
    let mut per = vec![Counts::default(); Label::SCORED.len()];
    let mut documents = 0;
    for (n, line) in gold_jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let gold = if strict {
            parse_gold_line(line).map_err(|message| GoldError {
                line: n + 1,
                message,
            })?
        } else {
            let Ok(gold) = serde_json::from_str::<GoldDoc>(line) else {
                continue;
            };
            gold
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
    Ok(Scores {
        per_label: Label::SCORED.iter().copied().zip(per).collect(),
        micro,
        documents,
    })
}

/// Runs the extractor on every document of a gold JSON Lines file and scores it (exact
/// span match; see the module doc). Lines that do not parse are skipped.
#[must_use]
pub fn evaluate(gold_jsonl: &str) -> Scores {
    evaluate_inner(gold_jsonl, false, |_, _| {}).unwrap_or_default()
}

/// Like [`evaluate`], but every non-blank line must be a valid gold document: JSON of
/// the gold shape, spans with a guideline label, `start < end <=` the text's length in
/// chars, and `text` (when present) equal to the document slice.
///
/// # Errors
/// [`GoldError`] naming the first bad line (1-based).
pub fn try_evaluate(gold_jsonl: &str) -> Result<Scores, GoldError> {
    evaluate_inner(gold_jsonl, true, |_, _| {})
}

/// Like [`evaluate`], also returning every false positive and false negative as
/// `(document index, error)`.
#[must_use]
pub fn evaluate_with_errors(gold_jsonl: &str) -> (Scores, Vec<(usize, ErrorItem)>) {
    let mut all = Vec::new();
    let scores = evaluate_inner(gold_jsonl, false, |d, errs| {
        all.extend(errs.into_iter().map(|e| (d, e)));
    })
    .unwrap_or_default();
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
    fn strict_evaluation_names_the_bad_line() {
        let good = r#"{"doc":"t","text":"في موسكو","spans":[{"start":3,"end":8,"label":"LOCATION","text":"موسكو"}]}"#;
        assert_eq!(try_evaluate(good).unwrap().micro.tp, 1);
        let bad_json = format!("{good}\n\n{{\"doc\": 1");
        assert_eq!(try_evaluate(&bad_json).unwrap_err().line, 3);
        let bad_span = good.replace("\"end\":8", "\"end\":9");
        let e = try_evaluate(&bad_span).unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("3..9"), "{e}");
        let bad_text = good.replace("\"text\":\"موسكو\"", "\"text\":\"روسيا\"");
        assert!(
            try_evaluate(&bad_text)
                .unwrap_err()
                .message
                .contains("differs")
        );
        let bad_label = good.replace("LOCATION", "PLACE");
        assert!(
            try_evaluate(&bad_label)
                .unwrap_err()
                .message
                .contains("PLACE")
        );
        // the lenient form skips what the strict one refuses
        assert_eq!(evaluate(&bad_json).documents, 1);
    }

    #[test]
    fn dev_gold_scores() {
        // TALIQ_EVAL_GOLD names another gold file to score (and list errors of).
        let path = std::env::var("TALIQ_EVAL_GOLD").unwrap_or_else(|_| {
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../shared/corpus/dev-gold.jsonl"
            )
            .to_owned()
        });
        let Ok(gold) = std::fs::read_to_string(&path) else {
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
