//! Re-anchoring: carrying annotations over to a changed version of their article.
//!
//! The old text (kept in the sidecar, `document.text`) and the new text are aligned char
//! by char with a diff (Myers' algorithm, `similar` crate, under a time limit). An
//! annotation goes where its quote occurs in the new text, but only at an occurrence that
//! either *is* its own old span carried through the alignment, or lies wholly in inserted
//! text (a moved paragraph, say); an occurrence that the alignment pairs with *other* old
//! text is another mention and is never taken. The text on either side (the `prefix` and
//! `suffix` of a W3C Web Annotation `TextQuoteSelector`, [`CONTEXT`] chars each) must also
//! agree: a little for the own span ([`OWN_MIN_CONTEXT`]), half of it for inserted text
//! ([`MOVED_MIN_CONTEXT`]). An annotation whose text or context was deleted is reported
//! as lost, never dropped silently (the caller keeps the old file as a backup), and two
//! annotations never end up overlapping in a way they did not before.
//!
//! Offsets are chars (Unicode scalar values).

use std::cmp::{Ordering, Reverse};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp};

use crate::formats::taliq::{AnnotationRecord, ExportFile};
use crate::model::annotation::Annotation;
use crate::model::document::Document;
use crate::model::span::Span;

/// Chars of context compared on each side of a quote.
pub const CONTEXT: usize = 32;

/// Context chars (of `2 × CONTEXT`, both sides together) that must agree when an
/// annotation stays on its own text, carried through the alignment: enough to tell that
/// the words around it were not all rewritten.
pub const OWN_MIN_CONTEXT: usize = 8;

/// Context chars (of `2 × CONTEXT`) that must agree when an annotation moves into
/// inserted text (a paragraph moved elsewhere): half of them.
pub const MOVED_MIN_CONTEXT: usize = CONTEXT;

/// Time allowed for the char alignment; past it the diff is coarser (still valid), and
/// fewer annotations may be placed, never wrong ones.
const DIFF_TIME_LIMIT: Duration = Duration::from_millis(500);

/// Stands for "before the start" or "after the end" of a text in the context windows, so
/// that a quote at the very start matches another quote at the very start.
const EDGE: char = '\u{0}';

/// The outcome of re-anchoring.
#[derive(Debug, Clone, Default)]
pub struct Reanchored {
    /// Annotations placed in the new text (ids, labels, statuses and notes kept).
    pub placed: Vec<Annotation>,
    /// Old annotations not placed: their text or its context is gone, the only matching
    /// occurrences are other mentions, their place was taken, or an earlier record of the
    /// file already had their id.
    pub lost: Vec<AnnotationRecord>,
}

/// A char alignment of two texts: which old char each new char was, and where each old
/// offset is expected in the new text.
#[derive(Debug, Clone)]
struct Alignment {
    /// For each new char, its old offset when it is unchanged text.
    to_old: Vec<Option<usize>>,
    /// For each old offset `0..=old.len()`, where it is expected in the new text: the
    /// image of the nearest unchanged char before it, plus the distance.
    expected: Vec<usize>,
}

impl Alignment {
    /// Aligns sentence by sentence first (each sentence with the white space after it,
    /// compared without that white space), so that of two near-identical sentences the
    /// one deleted is the one that differs; then char by char inside each run of changed
    /// sentences.
    fn of(old: &[char], new: &[char]) -> Alignment {
        let deadline = Instant::now() + DIFF_TIME_LIMIT;
        let (old_units, new_units) = (units(old), units(new));
        let key = |text: &[char], r: &Range<usize>| -> Vec<char> {
            let mut k = text[r.clone()].to_vec();
            while k.last().is_some_and(|c| c.is_whitespace()) {
                k.pop();
            }
            k
        };
        let old_keys: Vec<Vec<char>> = old_units.iter().map(|r| key(old, r)).collect();
        let new_keys: Vec<Vec<char>> = new_units.iter().map(|r| key(new, r)).collect();
        let mut to_old = vec![None; new.len()];
        let mut same = |old_at: usize, new_at: usize, len: usize| {
            for k in 0..len {
                to_old[new_at + k] = Some(old_at + k);
            }
        };
        let unit_ops = similar::capture_diff_slices_deadline(
            Algorithm::Myers,
            &old_keys,
            &new_keys,
            Some(deadline),
        );
        for op in unit_ops {
            match op {
                DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                } => {
                    for k in 0..len {
                        let (o, n) = (&old_units[old_index + k], &new_units[new_index + k]);
                        // the sentence, and as much of the white space after it as both have
                        let l = (o.end - o.start).min(n.end - n.start);
                        same(o.start, n.start, l);
                    }
                }
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => {
                    let o = old_units[old_index].start..old_units[old_index + old_len - 1].end;
                    let n = new_units[new_index].start..new_units[new_index + new_len - 1].end;
                    let char_ops = similar::capture_diff_slices_deadline(
                        Algorithm::Myers,
                        &old[o.clone()],
                        &new[n.clone()],
                        Some(deadline),
                    );
                    for op in char_ops {
                        if let DiffOp::Equal {
                            old_index,
                            new_index,
                            len,
                        } = op
                        {
                            same(o.start + old_index, n.start + new_index, len);
                        }
                    }
                }
                DiffOp::Delete { .. } | DiffOp::Insert { .. } => {}
            }
        }
        let mut to_new = vec![None; old.len()];
        for (n, o) in to_old.iter().enumerate() {
            if let Some(o) = o {
                to_new[*o] = Some(n);
            }
        }
        let mut expected = Vec::with_capacity(old.len() + 1);
        let mut next = 0;
        expected.push(0);
        for image in &to_new {
            next = image.map_or(next + 1, |n| n + 1);
            expected.push(next);
        }
        Alignment { to_old, expected }
    }
}

/// The units of the first alignment pass, as char ranges covering `text`: sentences (up
/// to a word ending in `.`, `!`, `?`, `؟`, `؛` or `…` before white space, or to a line
/// break), each with the white space after it.
fn units(text: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < text.len() {
        if !text[i].is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < text.len() && text[j].is_whitespace() {
            j += 1;
        }
        let after_sentence = i > 0 && matches!(text[i - 1], '.' | '!' | '?' | '؟' | '؛' | '…');
        if after_sentence || text[i..j].contains(&'\n') {
            out.push(start..j);
            start = j;
        }
        i = j;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// How a candidate occurrence relates to the annotation's old span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// Partly or wholly inserted text, the rest the annotation's own old chars.
    Inserted,
    /// Exactly the annotation's own old span, carried through the alignment.
    Own,
}

/// Why saved work written for another text is not carried over to an article: it looks
/// like the work on another article, so it is kept untouched and nothing is moved in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Foreign {
    /// The file records another source file name (`document.source`).
    #[error("it was written for {written_for:?}, not {article:?}")]
    OtherSource {
        /// The file name the saved work records.
        written_for: String,
        /// The article's file name.
        article: String,
    },
    /// Fewer than half of its annotations could be placed in the article's text (a rule
    /// of this project: an article edited so much that most decisions vanish is better
    /// restarted, with the old work kept, than silently thinned).
    #[error("only {placed} of its {total} annotation(s) could be placed in this text")]
    MostlyUnplaced {
        /// Annotations that could be placed.
        placed: usize,
        /// Annotations in the saved work.
        total: usize,
    },
}

/// `Some` when saved work `old` names another source file than `doc` (see
/// [`Foreign::OtherSource`]). A file that names no source (a hand-made one may leave it
/// out) is not taken for another article's on that ground.
#[must_use]
pub fn other_source(old: &ExportFile, doc: &Document) -> Option<Foreign> {
    let named = !old.document.source.is_empty();
    (named && old.document.source != doc.source_name()).then(|| Foreign::OtherSource {
        written_for: old.document.source.clone(),
        article: doc.source_name().to_owned(),
    })
}

/// Carries the annotations of `old`, saved work on an earlier text, over to `doc`, unless
/// the work looks like another article's.
///
/// # Errors
/// [`Foreign`] when `old` names another source file, or when fewer than half of its
/// annotations could be placed.
pub fn carry_over(old: &ExportFile, doc: &Document) -> Result<Reanchored, Foreign> {
    if let Some(f) = other_source(old, doc) {
        return Err(f);
    }
    let r = reanchor(old, doc);
    let total = old.annotations.len();
    if r.placed.len() * 2 < total {
        return Err(Foreign::MostlyUnplaced {
            placed: r.placed.len(),
            total,
        });
    }
    Ok(r)
}

/// Places the annotations of `old` in `doc`, the new text of the same article.
#[must_use]
pub fn reanchor(old: &ExportFile, doc: &Document) -> Reanchored {
    let old_chars: Vec<char> = old.document.text.chars().collect();
    let new_chars: Vec<char> = doc.text().chars().collect();
    let align = Alignment::of(&old_chars, &new_chars);
    let mut lost = Vec::new();
    // (record, old span, new start, kind) of each annotation placed so far
    let mut placed: Vec<(&AnnotationRecord, (usize, usize), usize, Kind)> = Vec::new();
    let mut taken = HashSet::new();
    // occurrences of each distinct quote, found once (str search, then byte → char)
    let mut found: HashMap<&str, Vec<usize>> = HashMap::new();
    // ids stay unique: a damaged or hand-edited file may repeat one (found by fuzzing)
    let mut ids = HashSet::new();
    for r in &old.annotations {
        let quote: Vec<char> = r.text.chars().collect();
        if !ids.insert(r.id) || quote.is_empty() {
            lost.push(r.clone());
            continue;
        }
        let (s, e) = (r.start.min(old_chars.len()), r.end.min(old_chars.len()));
        // the record's offsets are its own place only when they hold its text
        let own =
            (e.checked_sub(s) == Some(quote.len()) && old_chars[s..e] == quote[..]).then_some(s);
        let prefix = before(&old_chars, s);
        let suffix = after(&old_chars, e);
        let expected = align.expected[s];
        let positions = found.entry(r.text.as_str()).or_insert_with(|| {
            doc.text()
                .match_indices(r.text.as_str())
                .filter_map(|(byte, _)| doc.char_offset(byte))
                .collect()
        });
        let best = positions
            .iter()
            .copied()
            .filter(|&at| !taken.contains(&(at, at + quote.len(), r.label)))
            .filter_map(|at| {
                let kind = kind_of(&align, own, at, quote.len())?;
                let end = at + quote.len();
                let agree = common_suffix(&before(&new_chars, at), &prefix)
                    + common_prefix(&after(&new_chars, end), &suffix);
                let needed = match kind {
                    Kind::Own => OWN_MIN_CONTEXT,
                    Kind::Inserted => MOVED_MIN_CONTEXT,
                };
                (agree >= needed).then_some((at, (kind, agree, at.abs_diff(expected))))
            })
            .max_by(|(_, a), (_, b)| (a.0, a.1, Reverse(a.2)).cmp(&(b.0, b.1, Reverse(b.2))));
        match best.and_then(|(at, (kind, _, _))| {
            Span::new(doc, at, at + quote.len()).ok()?;
            Some((at, kind))
        }) {
            Some((at, kind)) => {
                taken.insert((at, at + quote.len(), r.label));
                placed.push((r, (s, e), at, kind));
            }
            None => lost.push(r.clone()),
        }
    }
    // Annotations must not overlap in the new text other than as they did in the old one
    // (only moves into inserted text can cause that): the less sure of two goes.
    let mut dropped = vec![false; placed.len()];
    let mut order: Vec<usize> = (0..placed.len()).collect();
    order.sort_by_key(|&i| placed[i].2);
    for (x, &i) in order.iter().enumerate() {
        let new_i = (placed[i].2, placed[i].2 + placed[i].0.text.chars().count());
        for &j in &order[x + 1..] {
            let new_j = (placed[j].2, placed[j].2 + placed[j].0.text.chars().count());
            if new_j.0 >= new_i.1 {
                break;
            }
            if dropped[i]
                || dropped[j]
                || relation(new_i, new_j) == relation(placed[i].1, placed[j].1)
            {
                continue;
            }
            let weaker = if placed[j].3 <= placed[i].3 { j } else { i };
            dropped[weaker] = true;
        }
    }
    let mut out = Reanchored {
        placed: Vec::new(),
        lost,
    };
    for (k, (r, _, at, _)) in placed.into_iter().enumerate() {
        match Span::new(doc, at, at + r.text.chars().count()) {
            Ok(span) if !dropped[k] => out.placed.push(r.to_annotation(span)),
            _ => out.lost.push(r.clone()),
        }
    }
    out
}

/// Whether the new occurrence at `at` (of `len` chars) may take the annotation whose old
/// span starts at `own` (`None` when its offsets are unreliable): `None` when one of its
/// chars is unchanged text that was not the annotation's own, i.e. another mention.
fn kind_of(align: &Alignment, own: Option<usize>, at: usize, len: usize) -> Option<Kind> {
    let mut all_own = true;
    for k in 0..len {
        match (align.to_old.get(at + k).copied().flatten(), own) {
            (None, _) => all_own = false,
            (Some(o), Some(s)) if o == s + k => {}
            (Some(_), _) => return None,
        }
    }
    Some(if all_own { Kind::Own } else { Kind::Inserted })
}

/// How two spans lie relative to each other: start order, end order, whether they overlap.
fn relation(a: (usize, usize), b: (usize, usize)) -> (Ordering, Ordering, bool) {
    (a.0.cmp(&b.0), a.1.cmp(&b.1), a.0 < b.1 && b.0 < a.1)
}

/// The [`CONTEXT`] chars before `at`, padded with [`EDGE`] before the start of the text.
fn before(text: &[char], at: usize) -> Vec<char> {
    let at = at.min(text.len());
    let from = at.saturating_sub(CONTEXT);
    let mut v = vec![EDGE; CONTEXT - (at - from)];
    v.extend_from_slice(&text[from..at]);
    v
}

/// The [`CONTEXT`] chars from `at` on, padded with [`EDGE`] after the end of the text.
fn after(text: &[char], at: usize) -> Vec<char> {
    let at = at.min(text.len());
    let to = (at + CONTEXT).min(text.len());
    let mut v = text[at..to].to_vec();
    v.resize(CONTEXT, EDGE);
    v
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
    use crate::model::annotation::{Origin, Status};
    use crate::model::label::Label;

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
                facts: crate::model::annotation::Facts::default(),
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
        // and a hand-edited record whose offsets are backwards: no panic, reported lost
        // (its text in the new article is unchanged text of another place)
        old.annotations.push(AnnotationRecord {
            id: 9,
            start: 30,
            end: 2,
            ..old.annotations[1].clone()
        });
        let new = Document::from_text("عاجل: قال بوتين إن ترامب وافق", "a.txt", "UTF-8");
        let r = reanchor(&old, &new);
        assert_eq!(r.placed.len(), 1);
        assert_eq!(
            new.slice(r.placed[0].span.start(), r.placed[0].span.end()),
            "بوتين"
        );
        assert_eq!(r.lost.len(), 2);
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

    /// The sample article with the tester's 52 decisions (tests/data/reanchor/, a sidecar
    /// written by Taliq), then a line inserted at the top and the 5th paragraph deleted:
    /// every annotation outside that paragraph stays on its own words, shifted by exactly
    /// the edit, and those of the deleted paragraph are reported lost. Before the
    /// alignment, 12 of them moved one mention down (rejected بوتين onto «شدّد بوتين»,
    /// two wrapping round into «دونالد ترامب») and were counted as carried over.
    #[test]
    fn a_deleted_paragraph_loses_its_annotations_and_moves_no_other() {
        let old = ExportFile::from_json(include_str!(
            "../../../../tests/data/reanchor/putin-trump-call.sidecar-before-edit.json"
        ))
        .unwrap();
        let text = include_str!("../../../../seeds/putin-trump-call.ar.txt");
        assert_eq!(old.document.text, text);
        let top = "موسكو - قال مراسلنا إن الاتصال استمر ساعة كاملة.\n\n";
        let mut paragraphs: Vec<&str> = text.split("\n\n").collect();
        let gone = paragraphs.remove(4);
        assert!(gone.starts_with("وأفاد الكرملين"));
        let edited = format!("{top}{}", paragraphs.join("\n\n"));
        let new = Document::from_text(&edited, "putin-trump-call.ar.txt", "UTF-8");
        let gone_start = text[..text.find(gone).unwrap()].chars().count();
        let gone_end = gone_start + gone.chars().count();
        let shift_before = top.chars().count();
        let shift_after = shift_before as isize - (gone.chars().count() + 2) as isize;
        let r = reanchor(&old, &new);
        let mut lost: Vec<u64> = r.lost.iter().map(|a| a.id).collect();
        lost.sort_unstable();
        let expected_lost: Vec<u64> = old
            .annotations
            .iter()
            .filter(|a| a.start >= gone_start && a.end <= gone_end)
            .map(|a| a.id)
            .collect();
        assert_eq!(expected_lost, vec![18, 19, 20, 21, 22]);
        assert_eq!(lost, expected_lost, "only the deleted paragraph's are lost");
        assert_eq!(r.placed.len(), old.annotations.len() - expected_lost.len());
        for a in &r.placed {
            let was = old.annotations.iter().find(|o| o.id == a.id).unwrap();
            let want = if was.end <= gone_start {
                was.start + shift_before
            } else {
                was.start.checked_add_signed(shift_after).unwrap()
            };
            assert_eq!(
                (a.span.start(), a.status, a.label),
                (want, was.status, was.label),
                "annotation {} ({}) moved",
                a.id,
                was.text
            );
        }
    }

    /// Found by the tester: the text of another article is not "the same article changed";
    /// its annotations find no own text, and moves into inserted text need context.
    #[test]
    fn another_article_places_nothing_on_its_common_words() {
        let old = ExportFile::from_json(include_str!(
            "../../../../tests/data/reanchor/putin-trump-call.sidecar-before-edit.json"
        ))
        .unwrap();
        let other = Document::from_text(
            "قال بوتين إن الكرملين لا يعلق. وأضاف ترامب أن روسيا والهند شريكان.",
            "c.txt",
            "UTF-8",
        );
        let r = reanchor(&old, &other);
        assert!(r.placed.is_empty(), "{:?}", r.placed);
    }

    #[test]
    fn a_moved_paragraph_takes_its_annotations_along() {
        let a = "قال بوتين إن روسيا مستعدة للحوار مع الجميع دون شروط.";
        let b = "وأكد ترامب أن الولايات المتحدة ترحب بذلك وتدعم الاتفاق.";
        let old = file(
            &format!("{a}\n\n{b}"),
            &[(4, 9, Label::Person, Status::Accepted)],
        );
        let new = Document::from_text(&format!("{b}\n\n{a}"), "a.txt", "UTF-8");
        let r = reanchor(&old, &new);
        assert_eq!(r.placed.len(), 1, "{:?}", r.lost);
        let at = r.placed[0].span.start();
        assert_eq!(new.slice(at, at + 5), "بوتين");
        assert_eq!(at, b.chars().count() + 2 + 4);
    }

    /// Sentences sharing the names بوتين and ترامب, told apart by their number.
    fn sentence(template: usize, n: usize) -> String {
        match template {
            0 => format!("قال بوتين إن ترامب وافق على الاتفاق رقم {n}."),
            1 => format!("وأكد ترامب أن بوتين سيزور البلاد في الجولة {n}."),
            2 => format!("وذكر الكرملين أن بوتين وترامب تحدثا {n} مرة."),
            // inserted sentences: the names in other words
            3 => format!("وصرّح بوتين للصحفيين بأن ترامب صديقه منذ {n} عاماً."),
            4 => format!("ترامب: لن نتراجع عن موقفنا تجاه بوتين في {n} ملفات."),
            _ => format!("واتصل بوتين هاتفياً بنظيره ترامب أمس {n} مرات."),
        }
    }

    /// Joins sentences `(id, template)`; returns the text and each sentence's char range.
    fn join(sentences: &[(usize, usize)]) -> (String, Vec<(usize, usize, usize)>) {
        let mut text = String::new();
        let mut ranges = Vec::new();
        for (k, &(id, template)) in sentences.iter().enumerate() {
            if k > 0 {
                text.push_str(if k % 4 == 0 { "\n\n" } else { " " });
            }
            let start = text.chars().count();
            text.push_str(&sentence(template, id));
            ranges.push((id, start, text.chars().count()));
        }
        (text, ranges)
    }

    proptest::proptest! {
        /// Deleting and inserting whole sentences never moves an annotation onto another
        /// mention: each placed one is on the same word of the same sentence, and those
        /// of the sentences kept are all placed.
        #[test]
        fn sentence_edits_never_move_an_annotation_to_another_mention(
            templates in proptest::collection::vec(0usize..3, 2..10),
            keep in proptest::collection::vec(proptest::bool::weighted(0.7), 10),
            inserts in proptest::collection::vec((0usize..12, 3usize..6), 0..4),
        ) {
            let old_sentences: Vec<(usize, usize)> =
                templates.iter().enumerate().map(|(i, &t)| (i + 1, t)).collect();
            let (old_text, old_ranges) = join(&old_sentences);
            let old_doc = Document::from_text(&old_text, "a.txt", "UTF-8");
            let mut spans = Vec::new();
            for name in ["بوتين", "ترامب"] {
                for (byte, _) in old_text.match_indices(name) {
                    let s = old_doc.char_offset(byte).unwrap();
                    spans.push((s, s + 5, Label::Person, Status::Accepted));
                }
            }
            spans.sort_by_key(|x| x.0);
            let old = file(&old_text, &spans);
            let mut new_sentences: Vec<(usize, usize)> = old_sentences
                .iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(s, _)| *s)
                .collect();
            for (n, &(at, t)) in inserts.iter().enumerate() {
                new_sentences.insert(at.min(new_sentences.len()), (100 + n, t));
            }
            let (new_text, new_ranges) = join(&new_sentences);
            let new = Document::from_text(&new_text, "a.txt", "UTF-8");
            let r = reanchor(&old, &new);
            let where_in = |ranges: &[(usize, usize, usize)], at: usize| {
                ranges.iter().find(|(_, s, e)| (*s..*e).contains(&at)).map(|(id, s, _)| (*id, at - s))
            };
            for a in &r.placed {
                let was = old.annotations.iter().find(|o| o.id == a.id).unwrap();
                proptest::prop_assert_eq!(
                    where_in(&new_ranges, a.span.start()),
                    where_in(&old_ranges, was.start),
                    "annotation {} moved", a.id
                );
            }
            for l in &r.lost {
                let (id, _) = where_in(&old_ranges, l.start).unwrap();
                proptest::prop_assert!(
                    !new_sentences.iter().any(|(i, _)| *i == id),
                    "annotation {} of kept sentence {} lost", l.id, id
                );
            }
        }
    }

    /// Found by the tester (A7): another article's sidecar was "carried over" in part.
    #[test]
    fn work_on_another_article_is_foreign() {
        let old = file(
            "قال بوتين إن ترامب وافق على الاتفاق",
            &[
                (4, 9, Label::Person, Status::Accepted),
                (13, 18, Label::Person, Status::Pending),
            ],
        );
        let same_name = Document::from_text("قال لافروف إن الاتفاق قائم", "a.txt", "UTF-8");
        assert_eq!(
            carry_over(&old, &same_name).unwrap_err(),
            Foreign::MostlyUnplaced {
                placed: 0,
                total: 2
            }
        );
        let other = Document::from_text("قال بوتين إن ترامب وافق على الاتفاق", "c.txt", "UTF-8");
        assert!(matches!(
            carry_over(&old, &other),
            Err(Foreign::OtherSource { .. })
        ));
        let edited =
            Document::from_text("عاجل: قال بوتين إن ترامب وافق على الاتفاق", "a.txt", "UTF-8");
        assert_eq!(carry_over(&old, &edited).unwrap().placed.len(), 2);
    }

    #[test]
    fn a_hand_made_file_naming_no_source_is_carried_over_not_taken_for_another_article() {
        let mut old = file(
            "قال بوتين في موسكو",
            &[(4, 9, Label::Person, Status::Accepted)],
        );
        let new = Document::from_text("قال بوتين في موسكو اليوم", "a.txt", "UTF-8");
        old.document.source = "b.txt".into();
        assert!(matches!(
            carry_over(&old, &new),
            Err(Foreign::OtherSource { .. })
        ));
        old.document.source = String::new();
        assert_eq!(carry_over(&old, &new).unwrap().placed.len(), 1);
    }
}
