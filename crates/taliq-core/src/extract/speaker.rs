//! Quote–speaker linking: who said each QUOTE.
//!
//! The speaker is found through the reporting verb that introduces the quotation
//! (`data/reporting_verbs.txt`: قال، أكد، أشار، أفاد، ذكر، شدد، أضاف، أوضح، صرح، اعتبر،
//! رأى، لفت، نقل …), in the order an Arabic news sentence puts them:
//! 1. before the quote, in the same sentence: the nearest reporting verb, then its
//!    subject, the first PERSON or ORGANIZATION after the verb and before the quote
//!    (`قال الرئيس الروسي فلاديمير بوتين إن «…»`, `وأكد بوتين أن "…"`); for `نقل عن`
//!    the one after `عن`; otherwise a subject right before the verb (`بوتين قال: "…"`);
//! 2. a name right before a colon that opens the quote (`بوتين: «…»`);
//! 3. after the quote: `«…»، قال بوتين`, `"…" بحسب بوتين`;
//! 4. a verb without an explicit subject (`وأضاف: «…»`, `وتابع أن "…"`): the most recent
//!    PERSON in the same or the preceding sentence (pronoun subject / anaphora).
//!
//! Speakers are PERSON or ORGANIZATION mentions (`قال الكرملين`); the anaphora
//! fallback only takes a PERSON. A name inside a prepositional phrase (`لمجلة سليت`,
//! `من شركة ساسكتل`, `على بي بي سي`) is an addressee or a source, never the speaker; a
//! participle (`قائلاً`, `مضيفاً`) shares the subject of the verb before it; a verb whose
//! subject is a common noun (`وأشار الجانبان`, `وقال مسؤول`) has no named speaker. The quoted words themselves (guideline: the words
//! inside the marks) are never searched for a speaker.

use super::context::{Layer, boundary_before, ends_sentence, sentence_start};
use super::doc::{Candidate, Doc};
use super::vocab;
use crate::model::label::Label;

/// How far back from a quote a reporting verb is looked for, in tokens.
const VERB_WINDOW: usize = 30;
/// How far after its verb a subject may start, in tokens (titles come first).
const SUBJECT_WINDOW: usize = 8;
/// Words after which the source of a quote follows (`بحسب بوتين`, `وفقاً لبوتين`).
///
/// Kept in the code: a closed class of Arabic grammar that is part of the rule,
/// compiled by the Taliq developers from Arabic grammar references.
const ACCORDING_TO: &[&str] = &["بحسب", "حسب", "وفق", "وفقا"];

/// Whether token `i` is a reporting verb (in any proclitic reading) or an
/// "according to" word.
fn is_verb(doc: &Doc, i: usize) -> bool {
    doc.reading_with(i, vocab::REPORTING_VERB).is_some()
}

fn is_according(doc: &Doc, i: usize) -> bool {
    if !doc.is_arabic(i) {
        return false;
    }
    // a quick test before the readings: every entry (after و or ب) holds حسب or وفق
    let w = doc.text(i);
    w.starts_with(['ب', 'ح', 'و'])
        && (w.contains("حسب") || w.contains("وفق"))
        && doc
            .stems(i)
            .any(|s| !s.lal && ACCORDING_TO.contains(&&*s.key))
}

/// Whether the verb at `i` is a form of `نقل` ("reported, quoted"), whose speaker follows
/// `عن`.
fn is_relay(doc: &Doc, i: usize) -> bool {
    doc.stems(i).any(|s| s.key.starts_with("نقل"))
}

/// Where a speaker was found: a mention of the document, or the most recent PERSON in the
/// last sentence before the document (a piece of a longer text; see [`quote_speakers`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// The mention with this index in the document's list.
    Here(usize),
    /// The most recent PERSON of the last sentence before the document.
    Before,
}

/// The speaker of the quote `q` (an index into the mentions of `layer`).
fn speaker_of(doc: &Doc, layer: &Layer, q: usize) -> Option<Found> {
    let (first, last) = layer.range(q);
    // the opening mark and the closing mark
    let open = (0..first).rev().find(|&i| doc.is_quote_mark(i))?;
    let close = (last..doc.tokens.len())
        .find(|&i| doc.is_quote_mark(i))
        .unwrap_or(last);
    let start = sentence_start(doc, open, VERB_WINDOW);
    // 1. a reporting verb before the quote
    if let Some(v) = (start..open)
        .rev()
        .find(|&i| is_verb(doc, i) || is_according(doc, i))
    {
        if let Some(s) = subject_after(doc, layer, v, open) {
            return Some(Found::Here(s));
        }
        // `شرح جون قائلاً لمجلة سليت:`: a participle shares the subject of the verb before
        let mut verb = v;
        if is_participle(doc, v)
            && let Some(v2) = (start..v).rev().find(|&i| is_verb(doc, i))
        {
            if let Some(s) = subject_after(doc, layer, v2, v) {
                return Some(Found::Here(s));
            }
            verb = v2;
        }
        // a subject right before the verb, on its line
        if let Some(s) = layer
            .ending_at(verb)
            .filter(|s| s.2.can_speak() && doc.same_line(verb))
        {
            return Some(Found::Here(s.3));
        }
        if let Some(s) = colon_subject(doc, layer, open) {
            return Some(Found::Here(s));
        }
        if unnamed_subject(doc, verb, open) {
            return None;
        }
        return recent_person(doc, layer, verb);
    }
    // 2. `بوتين: «…»`
    if let Some(s) = colon_subject(doc, layer, open) {
        return Some(Found::Here(s));
    }
    // 3. after the quote: «…»، قال بوتين
    let mut k = close + 1;
    while k < doc.tokens.len()
        && doc.same_line(k)
        && doc.tokens[k].kind == super::tokenize::TokenKind::Punct
        && !ends_sentence(doc, k)
    {
        k += 1;
    }
    if k < doc.tokens.len() && doc.same_line(k) && (is_verb(doc, k) || is_according(doc, k)) {
        let end = (k + SUBJECT_WINDOW).min(doc.tokens.len());
        return subject_after(doc, layer, k, end)
            .map(Found::Here)
            .or_else(|| {
                if unnamed_subject(doc, k, end) {
                    None
                } else {
                    recent_person(doc, layer, open)
                }
            });
    }
    None
}

/// Whether the verb at `v` has a subject that names no one (`وأشار الجانبان إلى`,
/// `وقال مسؤول روسي`): a content word right after it, before token `limit`. Such a
/// verb is not read as having a pronoun subject.
fn unnamed_subject(doc: &Doc, v: usize, limit: usize) -> bool {
    let k = v + 1;
    k < limit
        && doc.is_arabic(k)
        && doc.same_line(k)
        && (!doc.is_stopword(k) || doc.is_definite(k))
        && doc.reading_with(k, vocab::REPORTING_VERB).is_none()
}

/// The subject after the verb at `v`, starting before token `limit`: the first speaking
/// mention within [`SUBJECT_WINDOW`] tokens, not past a sentence end (after `نقل`, the
/// first one after `عن`).
fn subject_after(doc: &Doc, layer: &Layer, v: usize, limit: usize) -> Option<usize> {
    let mut from = v + 1;
    if is_relay(doc, v)
        && let Some(an) = (v + 1..limit.min(v + 1 + SUBJECT_WINDOW))
            .find(|&i| doc.text(i) == "عن" || doc.text(i) == "وعن")
    {
        from = an + 1;
    }
    let to = limit.min(from + SUBJECT_WINDOW);
    // not past a sentence end or a line break, nor into a prepositional phrase (`من
    // شركة ساسكتل`)
    let stop = (from..to)
        .find(|&i| {
            !doc.same_line(i)
                || ends_sentence(doc, i)
                || layer.at(i).is_none() && (is_preposition(doc, i) || prepositional(doc, i))
        })
        .unwrap_or(to);
    layer
        .starting_in(from, stop)
        .find(|s| s.2.can_speak())
        .filter(|s| !layer.governed(s.3))
        .map(|s| s.3)
}

/// Prepositions (normalized) that start a phrase whose noun is not a subject.
///
/// Kept in the code: a closed class of Arabic grammar that is part of the rule,
/// compiled by the Taliq developers from Arabic grammar references.
const PREPOSITIONS: &[&str] = &[
    "من", "في", "الي", "علي", "عن", "مع", "لدي", "خلال", "حول", "امام", "عبر", "بين", "ضد", "نحو",
    "عند", "منذ", "الا", "وفي", "ومن", "وعلي", "والي",
];

/// Whether token `i` is a preposition ([`PREPOSITIONS`]).
fn is_preposition(doc: &Doc, i: usize) -> bool {
    doc.is_arabic(i) && PREPOSITIONS.contains(&doc.text(i))
}

/// Whether token `i` is a known word after the preposition `ل`, `ب` or `ك` (`لمجلة`,
/// `للصحافيين`): the start of a prepositional phrase.
fn prepositional(doc: &Doc, i: usize) -> bool {
    let start = doc.tokens[i].start;
    doc.is_arabic(i)
        && doc.stems_with_bits(i).any(|r| {
            r.skip > 0
                && (r.lal || r.bits != 0)
                && matches!(doc.norm.chars[start + r.skip - 1], 'ل' | 'ب' | 'ك')
        })
}

/// Whether the reporting word at `i` is a participle that goes with another verb
/// (`قائلاً`, `مضيفةً`).
fn is_participle(doc: &Doc, i: usize) -> bool {
    doc.stems(i)
        .any(|s| !s.lal && (s.key.starts_with("قائل") || s.key.starts_with("مضيف")))
}

/// A speaking mention right before the colon that precedes the opening mark `open`.
fn colon_subject(doc: &Doc, layer: &Layer, open: usize) -> Option<usize> {
    if open < 2
        || !(doc.is_punct(open - 1, ':') || doc.is_punct(open - 1, '：'))
        || !doc.same_line(open - 1)
    {
        return None;
    }
    layer
        .ending_at(open - 1)
        .filter(|s| {
            s.2.can_speak()
                && !layer.governed(s.3)
                // (a preposition on the line before governs nothing here; found by fuzzing)
                && !(s.0 > 0
                    && doc.same_line(s.0)
                    && (is_preposition(doc, s.0 - 1) || prepositional(doc, s.0 - 1)))
        })
        .map(|s| s.3)
}

/// The most recent PERSON mention ending before token `v`, in the same sentence or the
/// one before it; [`Found::Before`] when the search reaches the start of the document
/// still in the sentence before (the start of a document is a sentence boundary).
fn recent_person(doc: &Doc, layer: &Layer, v: usize) -> Option<Found> {
    let mut boundaries = 0;
    let mut i = v;
    while i > 0 {
        if boundary_before(doc, i) {
            boundaries += 1;
            if boundaries > 1 {
                return None;
            }
        }
        i -= 1;
        if let Some(s) = layer.at(i) {
            if s.2 == Label::Person {
                return Some(Found::Here(s.3));
            }
            i = s.0;
        }
    }
    (boundaries == 0).then_some(Found::Before)
}

/// The most recent PERSON mention of the last sentence of `doc` (an index into the
/// mentions of `layer`), which a quote at the start of the next piece of the same text
/// may refer to ([`recent_person`]); `None` when that sentence has none, or when `doc`
/// has no tokens (the caller then keeps the answer of the piece before).
#[must_use]
pub fn last_sentence_person(doc: &Doc, layer: &Layer) -> Option<usize> {
    let mut i = doc.tokens.len();
    while i > 0 {
        i -= 1;
        if let Some(s) = layer.at(i) {
            if s.2 == Label::Person {
                return Some(s.3);
            }
            i = s.0;
        }
        if boundary_before(doc, i) {
            return None;
        }
    }
    None
}

/// The speakers of the QUOTE mentions of `cands` (resolved, sorted by start, with their
/// [`Layer`]) whose speaker was found, as `(index of the quote in cands, index of the
/// speaker in the whole list)`, in text order.
///
/// `doc` may be a piece of a longer text whose mentions are listed before it: `base` is
/// the index of `cands[0]` in the whole list, and `before` the index there of the
/// [`last_sentence_person`] of the text before the piece (`None` at its start), the
/// anaphora fallback of a quote in the first sentence of the piece.
#[must_use]
pub fn quote_speakers(
    doc: &Doc,
    cands: &[Candidate],
    layer: &Layer,
    base: usize,
    before: Option<usize>,
) -> Vec<(usize, usize)> {
    (0..cands.len())
        .filter(|&q| cands[q].label == Label::Quote)
        .filter_map(|q| {
            let s = match speaker_of(doc, layer, q)? {
                Found::Here(k) => base + k,
                Found::Before => before?,
            };
            Some((q, s))
        })
        .collect()
}
