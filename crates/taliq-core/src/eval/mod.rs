//! Evaluation of [`crate::extract::extract`] against a gold file.
//!
//! Gold format (JSON Lines, `shared/corpus/README.md`): one document a line,
//! `{"doc", "text", "spans": [{"start", "end", "label", "text"}]}` with char offsets.
//! Scoring: exact span and label match over PERSON, ORGANIZATION, LOCATION, DATE and
//! NUMBER; mentions lying inside a gold QUOTE span are not counted, predicted or gold
//! (guideline 13 lets a QUOTE contain entity spans; scoring only one side would count
//! every such gold entity as missed); MISC and QUOTE are not scored. [`evaluate`] skips lines that do not parse; [`try_evaluate`]
//! (used by `taliq eval`) refuses the file and names the first bad line.

pub mod agreement;

use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;

use crate::model::label::Label;

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
            if c.tp + c.fp + c.fn_ == 0 {
                // no gold and no predicted span: the ratios are undefined
                return writeln!(
                    f,
                    "{name:<13} {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}",
                    0, 0, 0, "n/a", "n/a", "n/a"
                );
            }
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
    /// The document id; ids must be unique within a file (checked by [`try_evaluate`]).
    #[serde(default)]
    doc: Option<serde_json::Value>,
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
/// exclusive, `start < end`), a guideline label, `text` equal to the slice, both ends on
/// grapheme cluster boundaries (UAX #29, unicode-segmentation) and not on whitespace, no
/// duplicate span, and no overlap within a layer: the flat layer (every label but
/// QUOTE) and the QUOTE layer (a QUOTE may contain flat spans). Spans are named by their
/// 1-based index, offsets and text.
fn parse_gold_line(line: &str) -> Result<GoldDoc, String> {
    use unicode_segmentation::UnicodeSegmentation;
    let gold: GoldDoc =
        serde_json::from_str(line).map_err(|e| format!("not a gold document: {e}"))?;
    let chars: Vec<char> = gold.text.chars().collect();
    let slice = |s: &GoldSpan| -> String { chars[s.start..s.end].iter().collect() };
    let name = |i: usize, s: &GoldSpan| -> String {
        format!(
            "span {} ({}..{} {} {:?})",
            i + 1,
            s.start,
            s.end,
            s.label,
            slice(s)
        )
    };
    // char offsets of grapheme cluster boundaries, the end included
    let mut boundaries = vec![false; chars.len() + 1];
    let mut at = 0;
    for g in gold.text.graphemes(true) {
        boundaries[at] = true;
        at += g.chars().count();
    }
    boundaries[at] = true;
    for (i, s) in gold.spans.iter().enumerate() {
        let n = i + 1;
        if Label::from_name(&s.label).is_none() {
            return Err(format!("span {n}: unknown label {:?}", s.label));
        }
        if s.start > s.end {
            return Err(format!(
                "span {n}: offsets {}..{} are reversed (start after end)",
                s.start, s.end
            ));
        }
        if s.start == s.end {
            return Err(format!(
                "span {n}: offsets {}..{} are empty",
                s.start, s.end
            ));
        }
        if s.end > chars.len() {
            return Err(format!(
                "span {n}: offsets {}..{} do not fit a text of {} chars",
                s.start,
                s.end,
                chars.len()
            ));
        }
        if let Some(t) = &s.text {
            let slice = slice(s);
            if &slice != t {
                return Err(format!(
                    "span {n}: text {t:?} differs from the document at {}..{} ({slice:?})",
                    s.start, s.end
                ));
            }
        }
        if chars[s.start].is_whitespace() || chars[s.end - 1].is_whitespace() {
            return Err(format!("{}: starts or ends with whitespace", name(i, s)));
        }
        for (end, at) in [("starts", s.start), ("ends", s.end)] {
            if !boundaries[at] {
                return Err(format!(
                    "{}: {end} inside a grapheme cluster (at char {at}, e.g. between a \
                     letter and its haraka)",
                    name(i, s)
                ));
            }
        }
    }
    for (j, b) in gold.spans.iter().enumerate() {
        for (i, a) in gold.spans[..j].iter().enumerate() {
            if (a.start, a.end, &a.label) == (b.start, b.end, &b.label) {
                return Err(format!("{} duplicates {}", name(j, b), name(i, a)));
            }
            let same_layer = (a.label == "QUOTE") == (b.label == "QUOTE");
            if same_layer && a.start < b.end && b.start < a.end {
                return Err(format!("{} overlaps {}", name(j, b), name(i, a)));
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
    let outside_quotes =
        |&(s, e, _): &(usize, usize, Label)| !quotes.iter().any(|&(qs, qe)| s >= qs && e <= qe);
    let gold_set: HashSet<(usize, usize, Label)> = gold
        .spans
        .iter()
        .filter_map(|s| Label::from_name(&s.label).map(|l| (s.start, s.end, l)))
        .filter(|s| Label::SCORED.contains(&s.2))
        .filter(outside_quotes)
        .collect();
    let pred: HashSet<(usize, usize, Label)> = crate::extract::extract(&gold.text)
        .into_iter()
        .filter(|m| Label::SCORED.contains(&m.label))
        .map(|m| (m.start, m.end, m.label))
        .filter(outside_quotes)
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
    let mut ids: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (n, line) in gold_jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let gold = if strict {
            let gold = parse_gold_line(line).map_err(|message| GoldError {
                line: n + 1,
                message,
            })?;
            if let Some(id) = &gold.doc
                && let Some(first) = ids.insert(id.to_string(), n + 1)
            {
                return Err(GoldError {
                    line: n + 1,
                    message: format!("duplicate doc id {id} (first on line {first})"),
                });
            }
            gold
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
/// chars, `text` (when present) equal to the document slice, ends on grapheme
/// boundaries and not on whitespace, no duplicate or overlapping span within a layer
/// (flat labels; QUOTE), and `doc` ids unique in the file.
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

    /// Guideline 13: a gold QUOTE may contain entity spans. They are not scored, like the
    /// predictions inside it (found by a break-it test: such a gold entity counted as
    /// missed although the extractor found it).
    #[test]
    fn gold_entities_inside_a_gold_quote_are_not_scored_either() {
        let gold = r#"{"doc":"t","text":"قال بوتين \"إن ترامب صديق\" في موسكو","spans":[{"start":4,"end":9,"label":"PERSON","text":"بوتين"},{"start":11,"end":24,"label":"QUOTE","text":"إن ترامب صديق"},{"start":14,"end":19,"label":"PERSON","text":"ترامب"},{"start":29,"end":34,"label":"LOCATION","text":"موسكو"}]}"#;
        let s = try_evaluate(gold).unwrap();
        assert_eq!(
            s.micro,
            Counts {
                tp: 2,
                fp: 0,
                fn_: 0
            }
        );
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
    fn strict_evaluation_refuses_malformed_spans_and_names_them() {
        let doc = |id: &str, text: &str, spans: &str| {
            format!(r#"{{"doc":"{id}","text":"{text}","spans":[{spans}]}}"#)
        };
        let span =
            |s: usize, e: usize, l: &str| format!(r#"{{"start":{s},"end":{e},"label":"{l}"}}"#);
        let text = "قال بوتين في موسكو";
        let ok = doc("a", text, &span(4, 9, "PERSON"));
        let err = |jsonl: &str| try_evaluate(jsonl).unwrap_err().to_string();
        // overlapping flat spans: the second span is named, 1-based, with its text
        let e = err(&format!(
            "{ok}\n{}",
            doc(
                "b",
                text,
                &[span(4, 9, "PERSON"), span(7, 12, "LOCATION")].join(",")
            )
        ));
        assert!(e.starts_with("line 2:"), "{e}");
        assert!(e.contains("span 2 (7..12 LOCATION"), "{e}");
        assert!(e.contains("overlaps span 1"), "{e}");
        // same offsets, another label: an overlap too
        let e = err(&doc(
            "a",
            text,
            &[span(4, 9, "PERSON"), span(4, 9, "LOCATION")].join(","),
        ));
        assert!(e.contains("overlaps"), "{e}");
        // a QUOTE may contain flat spans, but two QUOTEs may not overlap
        let quoted = doc(
            "a",
            text,
            &[
                span(4, 18, "QUOTE"),
                span(4, 9, "PERSON"),
                span(13, 18, "LOCATION"),
            ]
            .join(","),
        );
        assert_eq!(try_evaluate(&quoted).unwrap().documents, 1);
        let e = err(&doc(
            "a",
            text,
            &[span(4, 12, "QUOTE"), span(10, 18, "QUOTE")].join(","),
        ));
        assert!(
            e.contains("span 2 (10..18 QUOTE") && e.contains("overlaps"),
            "{e}"
        );
        // duplicates
        let e = err(&doc(
            "a",
            text,
            &[span(4, 9, "PERSON"), span(4, 9, "PERSON")].join(","),
        ));
        assert!(
            e.contains("span 2 (4..9 PERSON \"بوتين\") duplicates span 1"),
            "{e}"
        );
        // whitespace at either end
        let e = err(&doc("a", text, &span(3, 9, "PERSON")));
        assert!(
            e.contains("span 1 (3..9") && e.contains("whitespace"),
            "{e}"
        );
        let e = err(&doc("a", text, &span(4, 10, "PERSON")));
        assert!(e.contains("whitespace"), "{e}");
        // inside a grapheme cluster: between a letter and its haraka (damma)
        let e = err(&doc("a", "قال مُحمد", &span(5, 9, "PERSON")));
        assert!(e.contains("span 1 (5..9") && e.contains("grapheme"), "{e}");
        let e = err(&doc("a", "قال مُحمد", &span(4, 5, "PERSON")));
        assert!(e.contains("ends inside a grapheme"), "{e}");
        // reversed and empty spans say so
        let e = err(&doc("a", text, &span(10, 5, "PERSON")));
        assert!(e.contains("10..5 are reversed"), "{e}");
        let e = err(&doc("a", text, &span(5, 5, "PERSON")));
        assert!(e.contains("5..5 are empty"), "{e}");
        // duplicate doc ids name both lines
        let e = err(&format!("{ok}\n\n{ok}"));
        assert!(
            e.starts_with("line 3:") && e.contains("duplicate doc id \"a\""),
            "{e}"
        );
        assert!(e.contains("line 1"), "{e}");
        assert!(try_evaluate(&format!("{ok}\n{}", doc("b", text, ""))).is_ok());
    }

    #[test]
    fn labels_without_gold_or_predictions_show_n_a() {
        let gold =
            r#"{"doc":"t","text":"في موسكو","spans":[{"start":3,"end":8,"label":"LOCATION"}]}"#;
        let table = try_evaluate(gold).unwrap().to_string();
        let row = |l: &str| table.lines().find(|r| r.starts_with(l)).unwrap().to_owned();
        assert!(row("DATE").ends_with("n/a    n/a    n/a"), "{table}");
        assert!(!row("LOCATION").contains("n/a"), "{table}");
        assert!(!row("micro").contains("n/a"), "{table}");
    }

    #[test]
    fn dev_gold_scores() {
        // TALIQ_EVAL_GOLD names another gold file to score (and list errors of).
        let path = std::env::var("TALIQ_EVAL_GOLD").unwrap_or_else(|_| {
            concat!(
                concat!(env!("CARGO_MANIFEST_DIR"), "/../.."),
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
