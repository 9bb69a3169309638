//! Re-anchoring: carrying annotations over to a changed version of their article.
//!
//! Each annotation is looked up by its quote (its exact text) and disambiguated by the
//! text just before and after it, as a W3C Web Annotation `TextQuoteSelector` (exact,
//! prefix, suffix) does; ties go to the occurrence nearest to where it was, scaled to
//! the new length. Annotations whose text no longer occurs are reported, never dropped
//! silently (the caller keeps the old file as a backup).

use crate::annotation::Annotation;
use crate::document::Document;
use crate::export::{AnnotationRecord, ExportFile};
use crate::span::Span;

/// Chars of context compared on each side of a quote.
const CONTEXT: usize = 32;

/// The outcome of re-anchoring.
#[derive(Debug, Clone, Default)]
pub struct Reanchored {
    /// Annotations placed in the new text (ids, labels, statuses and notes kept).
    pub placed: Vec<Annotation>,
    /// Old annotations whose text was not found (or whose place was taken, or whose id an
    /// earlier record of the file already had).
    pub lost: Vec<AnnotationRecord>,
}

/// Places the annotations of `old` in `doc`, the new text of the same article.
#[must_use]
pub fn reanchor(old: &ExportFile, doc: &Document) -> Reanchored {
    let old_chars: Vec<char> = old.document.text.chars().collect();
    let new_chars: Vec<char> = doc.text().chars().collect();
    let scale = new_chars.len() as f64 / old_chars.len().max(1) as f64;
    let mut out = Reanchored::default();
    let mut taken = std::collections::HashSet::new();
    // occurrences of each distinct quote, found once (str search, then byte → char)
    let mut found: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    // ids stay unique: a damaged or hand-edited file may repeat one (found by fuzzing)
    let mut ids = std::collections::HashSet::new();
    for r in &old.annotations {
        if !ids.insert(r.id) {
            out.lost.push(r.clone());
            continue;
        }
        let quote: Vec<char> = r.text.chars().collect();
        let (s, e) = (r.start.min(old_chars.len()), r.end.min(old_chars.len()));
        let prefix = &old_chars[s.saturating_sub(CONTEXT)..s];
        let suffix = &old_chars[e..(e + CONTEXT).min(old_chars.len())];
        let expected = r.start as f64 * scale;
        let positions = found.entry(r.text.as_str()).or_insert_with(|| {
            if r.text.is_empty() {
                return Vec::new();
            }
            doc.text()
                .match_indices(r.text.as_str())
                .filter_map(|(byte, _)| doc.char_offset(byte))
                .collect()
        });
        let best = positions
            .iter()
            .copied()
            .filter(|&at| !taken.contains(&(at, r.label)))
            .max_by(|&a, &b| {
                let score = |at: usize| {
                    let before = common_suffix(&new_chars[at.saturating_sub(CONTEXT)..at], prefix);
                    let end = at + quote.len();
                    let after = common_prefix(
                        &new_chars[end..(end + CONTEXT).min(new_chars.len())],
                        suffix,
                    );
                    (before + after, -(at as f64 - expected).abs())
                };
                score(a)
                    .partial_cmp(&score(b))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
        let placed = best.and_then(|at| {
            let span = Span::new(doc, at, at + quote.len()).ok()?;
            Some((at, span))
        });
        match placed {
            Some((at, span)) => {
                taken.insert((at, r.label));
                out.placed.push(r.to_annotation(span));
            }
            None => out.lost.push(r.clone()),
        }
    }
    out
}

fn common_prefix(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &[char], b: &[char]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Origin, Status};
    use crate::label::Label;

    fn file(text: &str, spans: &[(usize, usize, Label, Status)]) -> ExportFile {
        let d = Document::from_text(text, "a.txt", "UTF-8");
        let anns: Vec<Annotation> = spans
            .iter()
            .enumerate()
            .map(|(i, &(s, e, label, status))| Annotation {
                id: i as u64 + 1,
                span: Span::new(&d, s, e).unwrap(),
                label,
                origin: Origin::Extracted,
                status,
                note: format!("n{i}"),
                canonical: d.slice(s, e).to_owned(),
                facts: crate::annotation::Facts::default(),
            })
            .collect();
        ExportFile::new(&d, &anns)
    }

    /// Found by fuzzing (fuzz/, target `sidecar`): a damaged file that repeats an id gave
    /// two placed annotations with the same id, which edits by id cannot tell apart.
    #[test]
    fn a_repeated_id_is_placed_once_and_the_repeat_reported_lost() {
        let mut old = file(
            "قال بوتين إن ترامب وافق",
            &[
                (4, 9, Label::Person, Status::Accepted),
                (13, 18, Label::Person, Status::Pending),
            ],
        );
        old.annotations[1].id = 1;
        let new = Document::from_text("عاجل: قال بوتين إن ترامب وافق", "a.txt", "UTF-8");
        let r = reanchor(&old, &new);
        assert_eq!(r.placed.len(), 1);
        assert_eq!(
            new.slice(r.placed[0].span.start(), r.placed[0].span.end()),
            "بوتين"
        );
        assert_eq!(r.lost.len(), 1);
        assert_eq!(r.lost[0].text, "ترامب");
    }

    #[test]
    fn edits_around_the_spans_keep_them_and_context_picks_the_right_repeat() {
        // بوتين appears twice; the second one was accepted
        let old = file(
            "قال بوتين إن روسيا مستعدة. ثم أكد بوتين أن الاتفاق قائم.",
            &[
                (4, 9, Label::Person, Status::Pending),
                (34, 39, Label::Person, Status::Accepted),
            ],
        );
        let new = Document::from_text(
            "عاجل: قال بوتين إن روسيا مستعدة. ثم أكد بوتين أن الاتفاق قائم ومهم.",
            "a.txt",
            "UTF-8",
        );
        let r = reanchor(&old, &new);
        assert!(r.lost.is_empty());
        let accepted = r.placed.iter().find(|a| a.id == 2).unwrap();
        assert_eq!(accepted.status, Status::Accepted);
        assert_eq!(accepted.note, "n1");
        assert_eq!(
            new.slice(accepted.span.start(), accepted.span.end()),
            "بوتين"
        );
        assert_eq!(accepted.span.start(), 40, "the second بوتين, after أكد");
        assert_eq!(
            r.placed.iter().find(|a| a.id == 1).unwrap().span.start(),
            10
        );
    }

    #[test]
    fn annotations_whose_text_is_gone_are_reported() {
        let old = file(
            "التقى بوتين في أوساكا",
            &[(15, 21, Label::Location, Status::Accepted)],
        );
        let new = Document::from_text("التقى بوتين في طوكيو", "a.txt", "UTF-8");
        let r = reanchor(&old, &new);
        assert!(r.placed.is_empty());
        assert_eq!(r.lost.len(), 1);
        assert_eq!(r.lost[0].text, "أوساكا");
    }
}
