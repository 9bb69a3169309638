//! Fact extraction: rule- and lexicon-based suggestions of PERSON, ORGANIZATION,
//! LOCATION, DATE, NUMBER, MISC and QUOTE mentions in Arabic news text.
//!
//! The pipeline is a chain of small pure functions:
//! [`normalize`] (matching form + offset map) → [`tokenize`] (tokens, proclitics) →
//! recognizers ([`person`], [`organization`], [`location`], [`date`], [`number`],
//! [`quote`]) → [`resolve`] (flat layer + QUOTE layer) → document-level propagation of
//! names found in context → canonical names → facts about the mentions ([`attributes`]
//! of persons, [`speaker`]s of quotes, [`timex`] values of dates). Span boundaries follow
//! `shared/guidelines/annotation-guidelines.md`; lexicons live in `data/`
//! ([`gazetteer`]); [`vocab`] gives every token's readings their list-membership bits once.
//! [`crate::eval::evaluate`] scores the extractor against a gold file. [`extract_with`] adds a
//! project lexicon learned from the annotator ([`lexicon`]).

pub mod attributes;
pub mod context;
pub mod date;
pub mod doc;
pub mod gazetteer;
pub mod lexicon;
pub mod location;
pub mod normalize;
pub mod number;
pub mod organization;
pub mod person;
pub mod quote;
pub mod resolve;
pub mod search;
pub mod shape;
pub mod speaker;
pub mod suggest;
#[cfg(test)]
pub mod testutil;
pub mod timex;
pub mod tokenize;
pub mod vocab;
pub mod words;

use rustc_hash::{FxHashMap, FxHashSet};

use self::doc::{Candidate, Doc};
use self::gazetteer::PhraseTable;
pub use self::lexicon::{ProjectLexicon, extract_with};
use self::normalize::display_form_chars;
use self::tokenize::TokenKind;
use crate::model::annotation::{DateValue, PersonAttributes};
use crate::model::label::Label;

/// One suggested mention: `[start, end)` in chars, its label, and the canonical name of the
/// entity it refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// First char offset (Unicode scalar values into the text given to [`extract`]).
    pub start: usize,
    /// One past the last char offset.
    pub end: usize,
    /// Label per the guidelines.
    pub label: Label,
    /// Canonical entity name: for PERSON the longest full name in the document that
    /// shares the mention's surname (`بوتين` → `فلاديمير بوتين`); otherwise the mention
    /// text without tashkeel, tatweel and directional marks (with the article restored
    /// after a `لل` contraction).
    pub canonical: String,
    /// PERSON: the role and nationality given next to the name ([`attributes`]).
    pub attributes: Option<PersonAttributes>,
    /// QUOTE: the index, in the same list, of the mention naming the speaker
    /// ([`speaker`]).
    pub speaker: Option<usize>,
    /// DATE: the normalized value ([`timex`]).
    pub value: Option<DateValue>,
}

/// Extracts mentions from `text`, sorted by start, non-overlapping except that a QUOTE
/// mention may contain other mentions.
///
/// Offsets are char offsets into `text` exactly as given; spans never start or end
/// inside a grapheme cluster or on whitespace or punctuation.
///
/// A long text is analysed in pieces of whole lines ([`PIECE_BYTES`]), so that what the
/// recognizers read stays in the processor's cache; the result is the same as for one
/// piece ([`extract_in_pieces`]), because no rule looks across a line break and the
/// document-level steps (propagation of names, canonical names) see every piece.
#[must_use]
pub fn extract(text: &str) -> Vec<Mention> {
    extract_in_pieces(text, PIECE_BYTES)
}

/// The size, in bytes of UTF-8, above which [`extract`] cuts a text into pieces: each
/// piece is this long or a little longer (up to the end of its line). An analysed piece
/// takes about 30 bytes a char, so 64 KiB of Arabic (about 35,000 chars) is about 1 MB,
/// about the size of a core's L2 cache; `cargo bench --bench extract` measured 16, 64 and
/// 256 KiB pieces, and 64 KiB was the fastest.
pub const PIECE_BYTES: usize = 64 * 1024;

/// [`extract`] with pieces of at least `piece_bytes` bytes (`usize::MAX`: the whole text
/// as one piece). The mentions do not depend on `piece_bytes`; only the speed and the
/// memory use do.
#[must_use]
pub fn extract_in_pieces(text: &str, piece_bytes: usize) -> Vec<Mention> {
    extract_adjusted(text, piece_bytes, |_, cands| cands)
}

/// The whole pipeline, with `adjust` applied to each piece's final candidates (after
/// propagation, before the facts about them are found; [`extract_with`] adds and drops
/// candidates there).
///
/// Two passes over the pieces, so that each is read from memory as few times as possible
/// ([`PIECE_BYTES`]):
/// 1. per piece, the recognizers and overlap resolution, and the names found added to
///    the names to propagate ([`analyse`]);
/// 2. per piece, names found in any piece propagated to it ([`propagate_in`]), `adjust`,
///    and its mentions with their facts ([`Facts::add_piece`]);
///
/// then the canonical names of persons over all pieces ([`Facts::finish`]).
pub(crate) fn extract_adjusted(
    text: &str,
    piece_bytes: usize,
    mut adjust: impl FnMut(&Doc, Vec<Candidate>) -> Vec<Candidate>,
) -> Vec<Mention> {
    let Analysis {
        docs,
        mut cands,
        char_bases,
        table,
    } = analyse(text, piece_bytes);
    let mut facts = Facts::with_capacity(cands.iter().map(Vec::len).sum());
    for ((doc, found), &char_base) in docs.iter().zip(&mut cands).zip(&char_bases) {
        let mut found = std::mem::take(found);
        if let Some(table) = &table {
            found = propagate_in(doc, found, table);
        }
        let found = adjust(doc, found);
        facts.add_piece(doc, char_base, &found);
    }
    facts.finish()
}

/// A text analysed in pieces of whole lines ([`analyse`]).
struct Analysis {
    /// The analysed pieces, in text order.
    docs: Vec<Doc>,
    /// Each piece's resolved candidates, sorted by start (a QUOTE before the names
    /// inside it); offsets in the piece's normalized chars.
    cands: Vec<Vec<Candidate>>,
    /// Char offset of each piece's first char in the whole text.
    char_bases: Vec<usize>,
    /// The names to propagate ([`Propagation`]).
    table: Option<PhraseTable<Label>>,
}

/// The byte ranges of the pieces of `text`: consecutive, covering it, each at least
/// `piece_bytes` long and ending after a line feed (but the last).
pub(crate) fn piece_ranges(text: &str, piece_bytes: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let from = start.saturating_add(piece_bytes.max(1)).min(bytes.len());
        let end = bytes[from - 1..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| from + p);
        out.push((start, end));
        start = end;
    }
    out
}

/// Cuts `text` into pieces ([`piece_ranges`]; one empty piece for an empty text), runs
/// the recognizers and overlap resolution on each and gathers the names to propagate
/// (while the piece is still in the processor's cache).
fn analyse(text: &str, piece_bytes: usize) -> Analysis {
    let ranges = piece_ranges(text, piece_bytes);
    let n = ranges.len().max(1);
    let mut out = Analysis {
        docs: Vec::with_capacity(n),
        cands: Vec::with_capacity(n),
        char_bases: Vec::with_capacity(n),
        table: None,
    };
    let mut propagation = Propagation::default();
    let mut char_base = 0;
    for (a, b) in ranges {
        let doc = Doc::new(&text[a..b]);
        let cands = recognize(&doc);
        propagation.add(&doc, &cands);
        out.char_bases.push(char_base);
        char_base += doc.norm.orig_chars.len();
        out.docs.push(doc);
        out.cands.push(cands);
    }
    if out.docs.is_empty() {
        out.docs.push(Doc::new(""));
        out.cands.push(Vec::new());
        out.char_bases.push(0);
    }
    out.table = propagation.table();
    out
}

/// The recognizers and overlap resolution on one document.
fn recognize(doc: &Doc) -> Vec<Candidate> {
    let mut cands = Vec::new();
    person::recognize(doc, &mut cands);
    organization::recognize(doc, &mut cands);
    location::recognize(doc, &mut cands);
    date::recognize(doc, &mut cands);
    number::recognize(doc, &mut cands);
    quote::recognize(doc, &mut cands);
    resolve::resolve(doc, cands)
}

/// The recognizers, overlap resolution and propagation on one document taken as one
/// piece: resolved candidates sorted by start (a QUOTE before the names inside it).
#[cfg(test)]
pub(crate) fn pipeline(doc: &Doc) -> Vec<Candidate> {
    let cands = recognize(doc);
    let mut propagation = Propagation::default();
    propagation.add(doc, &cands);
    match propagation.table() {
        Some(table) => propagate_in(doc, cands, &table),
        None => cands,
    }
}

/// [`char::is_alphanumeric`], answered without the Unicode tables for ASCII and the
/// basic Arabic letters (U+0621–U+064A, all alphabetic).
fn is_alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '\u{0621}'..='\u{064A}') || c.is_alphanumeric()
}

/// [`char::is_whitespace`], answered without the Unicode tables for ASCII and the
/// Arabic block (U+0600–U+06FF, no whitespace).
fn is_space(c: char) -> bool {
    match c {
        ' ' | '\t'..='\r' => true,
        '\0'..='\x7F' | '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_whitespace(),
    }
}

/// The normalized words of a candidate span (`split_whitespace` of its text), read from
/// the normalized chars.
fn words_of(doc: &Doc, c: &Candidate) -> Vec<String> {
    doc.norm.chars[c.start..c.end]
        .split(|&ch| is_space(ch))
        .filter(|w| !w.is_empty())
        .map(|w| w.iter().collect())
        .collect()
}

/// The names to propagate, gathered piece by piece in text order: the words of every
/// PERSON, ORGANIZATION and LOCATION found, and the surname of every PERSON of two words
/// or more (a phrase met again keeps the label it was first added with).
#[derive(Default)]
struct Propagation {
    table: PhraseTable<Label>,
    any: bool,
}

impl Propagation {
    /// Adds the names among the resolved candidates `cands` of `doc`.
    fn add(&mut self, doc: &Doc, cands: &[Candidate]) {
        // inserting the same text with the same label again changes nothing (the text as
        // normalized chars: one contiguous read, no byte offsets needed)
        let mut seen: FxHashSet<(&[char], Label)> = FxHashSet::default();
        for c in cands {
            if !matches!(
                c.label,
                Label::Person | Label::Organization | Label::Location
            ) || c.lal
            {
                continue;
            }
            if !seen.insert((&doc.norm.chars[c.start..c.end], c.label)) {
                continue;
            }
            let words = words_of(doc, c);
            if words.iter().any(|w| !w.chars().all(is_alphanumeric)) {
                continue;
            }
            let last = (c.label == Label::Person && words.len() >= 2)
                .then(|| words[words.len() - 1].clone());
            self.table.insert(words, c.label);
            self.any = true;
            if let Some(last) = last
                && last.chars().count() >= 3
                && !last.starts_with("ال")
            {
                let probe = Doc::new(&last);
                if !shape::is_closed_class(&probe, 0) {
                    self.table.insert(vec![last], Label::Person);
                }
            }
        }
    }

    /// The names gathered; `None` when there is none.
    fn table(self) -> Option<PhraseTable<Label>> {
        self.any.then_some(self.table)
    }
}

/// `found` (resolved) with the matches of `table` in the tokens no mention covers,
/// resolved again when there are any.
fn propagate_in(doc: &Doc, found: Vec<Candidate>, table: &PhraseTable<Label>) -> Vec<Candidate> {
    let mut covered = resolve::CharSet::new(doc.norm.len() + 1);
    for c in found.iter().filter(|c| c.label != Label::Quote) {
        covered.insert_range(c.start, c.end);
    }
    let mut out = Vec::new();
    for i in 0..doc.tokens.len() {
        let t = doc.tokens[i];
        if covered.contains(t.start) || t.kind != TokenKind::Arabic {
            continue;
        }
        if let Some(m) = table.match_at(doc, i)
            && !m.lal
            && (m.skip == 0 || doc.stems(i).any(|s| s.skip == m.skip))
        {
            out.push(Candidate::from_tokens(
                doc,
                i,
                m.skip,
                m.end_token,
                m.tag,
                2,
            ));
        }
    }
    if out.is_empty() {
        found
    } else {
        let mut all = found;
        all.extend(out);
        resolve::resolve(doc, all)
    }
}

/// The original char range of resolved candidate `c` of `doc`, and its display form.
fn original_of(doc: &Doc, c: &Candidate) -> (usize, usize, String) {
    let (s, mut e) = doc.to_original(c.start, c.end);
    if c.label == Label::Date {
        // the era mark هـ: its tatweel belongs to it
        while doc.norm.orig_chars.get(e) == Some(&'ـ') {
            e += 1;
        }
        // and the marks on the last tatweel (found by fuzzing: `ـؚ`)
        e = doc.norm.cluster_end(e);
    }
    (s, e, display_form_chars(&doc.norm.orig_chars[s..e]))
}

/// The normalized last word of a PERSON candidate, as chars (`split_whitespace().last()`
/// of its text); `None` for other labels.
fn surname_of<'d>(doc: &'d Doc, c: &Candidate) -> Option<&'d [char]> {
    if c.label != Label::Person {
        return None;
    }
    doc.norm.chars[c.start..c.end]
        .rsplit(|&ch| is_space(ch))
        .find(|w| !w.is_empty())
}

/// The mentions of a text, gathered piece by piece in text order ([`extract_adjusted`]),
/// with what a piece takes over from the text before it.
struct Facts<'d> {
    /// The mentions so far; a PERSON's canonical name is its display form until
    /// [`Facts::finish`].
    out: Vec<Mention>,
    /// The mention index and normalized surname of every PERSON so far.
    surnames: Vec<(usize, &'d [char])>,
    /// The longest PERSON name so far for each surname (the first of equal length):
    /// its length in chars and mention index.
    by_surname: FxHashMap<&'d [char], (usize, usize)>,
    /// The year of the last absolute date ([`timex::date_values`]).
    last_year: Option<i32>,
    /// The last person named as a sentence subject ([`speaker::last_sentence_person`]),
    /// as an index into `out`.
    last_speaker: Option<usize>,
    /// The last role of a person ([`attributes::person_attributes`]).
    last_role: Option<String>,
}

impl<'d> Facts<'d> {
    fn with_capacity(n: usize) -> Facts<'d> {
        Facts {
            out: Vec::with_capacity(n),
            surnames: Vec::new(),
            by_surname: FxHashMap::default(),
            last_year: None,
            last_speaker: None,
            last_role: None,
        }
    }

    /// Adds the mentions of one piece (`doc`, starting at char `char_base` of the text,
    /// with its final candidates `resolved`): offsets in the whole text, display forms,
    /// attributes, speakers and date values, found within the piece and what it takes
    /// over from the pieces before.
    fn add_piece(&mut self, doc: &'d Doc, char_base: usize, resolved: &[Candidate]) {
        let base = self.out.len();
        let layer = context::Layer::new(doc, resolved);
        let mut attributes =
            attributes::person_attributes(doc, resolved, &layer, &mut self.last_role)
                .into_iter()
                .peekable();
        let mut speakers = speaker::quote_speakers(doc, resolved, &layer, base, self.last_speaker)
            .into_iter()
            .peekable();
        let mut values = timex::date_values(doc, resolved, &layer, &mut self.last_year)
            .into_iter()
            .peekable();
        if !doc.tokens.is_empty() {
            self.last_speaker = speaker::last_sentence_person(doc, &layer).map(|k| base + k);
        }
        for (k, c) in resolved.iter().enumerate() {
            let (start, end, display) = original_of(doc, c);
            if let Some(last) = surname_of(doc, c) {
                let m = self.out.len();
                self.surnames.push((m, last));
                let len = display.chars().count();
                let entry = self.by_surname.entry(last).or_insert((0, usize::MAX));
                if len > entry.0 {
                    *entry = (len, m);
                }
            }
            let canonical = match c.label {
                _ if c.lal && c.label != Label::Person => format!("ا{display}"),
                _ => display,
            };
            self.out.push(Mention {
                start: char_base + start,
                end: char_base + end,
                label: c.label,
                canonical,
                attributes: attributes.next_if(|a| a.0 == k).map(|a| a.1),
                speaker: speakers.next_if(|a| a.0 == k).map(|a| a.1),
                value: values.next_if(|a| a.0 == k).map(|a| a.1),
            });
        }
    }

    /// The mentions, with the canonical name of every PERSON: the longest PERSON name
    /// of the text (the first of equal length) that ends with its surname.
    fn finish(self) -> Vec<Mention> {
        let Facts {
            mut out,
            surnames,
            by_surname,
            ..
        } = self;
        for &(m, last) in &surnames {
            let best = by_surname[last].1;
            // copied into the mention's own buffer (its display form, about as long)
            if best < m {
                let (head, tail) = out.split_at_mut(m);
                tail[0].canonical.clone_from(&head[best].canonical);
            } else if best > m {
                let (head, tail) = out.split_at_mut(best);
                head[m].canonical.clone_from(&tail[0].canonical);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
