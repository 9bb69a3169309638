//! spaCy's binary training data, the `.spacy` DocBin (spaCy 3: `DocBin().from_disk(p)
//! .get_docs(nlp.vocab)`, `spacy train`), both ways. One file holds one Doc an article
//! ([`Exporter::export_all`] puts several articles in one DocBin); the container is in
//! [`docbin`], spaCy's string ids in [`strings`]. Offsets are code points (a Doc's
//! `token.idx` and `span.start_char` are Python `str` indices).
//!
//! **Tokens.** Taliq writes its own tokens, cut at every edge of the spans written
//! ([`tokens_cut_at`]), and never lets spaCy tokenize: `spacy.blank("ar")` does not split
//! proclitics, so `القاهرة` inside `بالقاهرة` (or a date before a final period) lies
//! inside a token, `doc.char_span(…, alignment_mode="strict")` is `None`, and such an
//! entity is silently not trained (the interop reference, section 4). With Taliq's
//! tokens every span written is whole tokens; the interop test counts, and prints, the
//! spans that would not align with spaCy's own tokenizer. `doc.text` is the article's
//! text exactly: what lies between two tokens is one space after a token (its `SPACY`
//! flag, `token.whitespace_`), and any other whitespace (a second space, CRLF, a tab) is
//! a whitespace token of its own, as spaCy's tokenizer makes them (`"a  b"` is `a`,
//! `" "`, `b`).
//!
//! **Written** ([`SpacyDocBin`]): the accepted annotations as `doc.ents` (`ENT_IOB`,
//! `ENT_TYPE`, Taliq's label names). Entities cannot overlap, so when accepted
//! annotations overlap (a name inside a quote) the ents hold those that do not overlap
//! an earlier one (text order, longer first) and **all** the accepted annotations go to
//! the span group `doc.spans["sc"]` too (spancat's default key), so nothing is left
//! out. Pending suggestions go to the span group `doc.spans["taliq_pending"]`
//! ([`PENDING_GROUP`]). The article's file name is `doc.user_data["taliq_source"]`.
//! Left out ([`LeftOut`]): rejected suggestions, notes, facts (role, nationality,
//! speaker, date value) and canonical names.
//!
//! **Read**: each Doc's text from its tokens and spaces; its entities from
//! `ENT_IOB`/`ENT_TYPE` as spaCy's `doc.ents` reads them (an `I` with no entity open
//! starts one, as IOB1 does, where spaCy raises E093), accepted; the spans of every span
//! group, pending in `taliq_pending` and accepted in any other, at the `start_char`,
//! `end_char` the file states, with the text of their tokens as the stated text (so
//! [`crate::formats::exchange::place`] names a group whose offsets disagree with its
//! tokens). A span found twice with the same label (in the ents and in `sc`) comes once.

mod docbin;
mod strings;

use std::collections::{BTreeSet, HashMap, HashSet};

use flate2::{Decompress, FlushDecompress};

use crate::formats::exchange::{
    Carries, Exported, Exporter, ForeignDocument, ForeignSpan, Importer, LeftOut, ReadError,
    in_text_order, left_out, merged, some_documents,
};
use crate::formats::offsets::{OffsetUnit, tokens_cut_at};
use crate::model::annotation::{Annotation, Status};
use crate::model::document::Document;
use docbin::{GroupSpan, RawDoc};

/// The span group of the pending suggestions, read back as pending.
pub const PENDING_GROUP: &str = "taliq_pending";
/// The span group that holds every accepted annotation when some overlap (spaCy's
/// spancat reads `sc` by default).
pub const OVERLAP_GROUP: &str = "sc";

/// spaCy's DocBin (`.spacy`), written and read: [`Exporter::export`] one Doc,
/// [`Exporter::export_all`] one DocBin of a Doc an article, the token columns `ORTH`,
/// `ENT_IOB`, `ENT_TYPE` (as `DocBin(attrs=["ENT_IOB", "ENT_TYPE"])` writes them) with
/// every string listed; [`Importer::import`] any spaCy 3 DocBin (default attrs or
/// fewer), one [`ForeignDocument`] a Doc, offsets in code points.
///
/// # Errors (import)
/// [`ReadError::Damaged`] for bytes that are not a whole zlib stream of a DocBin's
/// msgpack (naming the part at fault), [`ReadError::Empty`] for a DocBin of no Doc.
#[derive(Debug, Clone, Copy, Default)]
pub struct SpacyDocBin;

/// `ENT_IOB` codes (spaCy's `Token.iob_strings()`: `""`, `I`, `O`, `B`).
const IOB_I: u8 = 1;
/// Outside an entity.
const IOB_O: u8 = 2;
/// The first token of an entity.
const IOB_B: u8 = 3;

/// A token of a Doc Taliq writes, as a code point range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Token {
    start: usize,
    end: usize,
    /// Whether one space follows it (`SPACY`).
    space: bool,
    /// Whether it is whitespace only.
    blank: bool,
}

/// The tokens of `doc`, covering all its text: Taliq's tokens cut at the edges of
/// `spans` ([`tokens_cut_at`]), what lies between them cut into whitespace and other
/// runs (and at the span edges), and a single space after a token that is not
/// whitespace made its `SPACY` flag, unless a span starts at that space or ends just
/// after it. Every edge of `spans` is an edge of a token.
fn tokens(doc: &Document, spans: &[&Annotation]) -> Vec<Token> {
    let chars: Vec<char> = doc.text().chars().collect();
    let starts: HashSet<usize> = spans.iter().map(|a| a.span.start()).collect();
    let ends: HashSet<usize> = spans.iter().map(|a| a.span.end()).collect();
    let mut cuts: BTreeSet<usize> = [0, chars.len()].into();
    cuts.extend(starts.iter().chain(&ends));
    for (s, e, _) in tokens_cut_at(doc, spans) {
        cuts.extend([s, e]);
    }
    for i in 1..chars.len() {
        if chars[i - 1].is_whitespace() != chars[i].is_whitespace() {
            cuts.insert(i);
        }
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let mut out: Vec<Token> = Vec::new();
    for w in cuts.windows(2) {
        let (mut start, end) = (w[0], w[1]);
        let blank = chars[start].is_whitespace();
        if chars[start] == ' '
            && !starts.contains(&start)
            && !ends.contains(&(start + 1))
            && let Some(prev) = out.last_mut().filter(|p| !p.blank && !p.space)
        {
            prev.space = true;
            start += 1;
        }
        if start < end {
            out.push(Token {
                start,
                end,
                space: false,
                blank,
            });
        }
    }
    out
}

/// The Doc of one article, and what it leaves out.
fn raw_doc(doc: &Document, annotations: &[Annotation]) -> (RawDoc, Vec<LeftOut>) {
    let ordered = in_text_order(annotations);
    let with = |s: Status| -> Vec<&Annotation> {
        ordered.iter().copied().filter(|a| a.status == s).collect()
    };
    let (accepted, pending) = (with(Status::Accepted), with(Status::Pending));
    let written: Vec<&Annotation> = accepted.iter().chain(&pending).copied().collect();
    let toks = tokens(doc, &written);
    let first: HashMap<usize, usize> = toks.iter().enumerate().map(|(i, t)| (t.start, i)).collect();
    let past: HashMap<usize, usize> = toks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.end, i + 1))
        .collect();
    // every span edge is a token edge ([`tokens`]), so each span has its tokens
    let range = |a: &Annotation| Some((*first.get(&a.span.start())?, *past.get(&a.span.end())?));
    let group = |anns: &[&Annotation]| -> Vec<GroupSpan> {
        anns.iter()
            .filter_map(|a| {
                let (start, end) = range(a)?;
                Some(GroupSpan {
                    label: a.label.as_str().to_owned(),
                    start,
                    end,
                    start_char: a.span.start() as i64,
                    end_char: a.span.end() as i64,
                })
            })
            .collect()
    };
    let n = toks.len();
    let mut raw = RawDoc {
        words: toks
            .iter()
            .map(|t| doc.slice(t.start, t.end).to_owned())
            .collect(),
        spaces: toks.iter().map(|t| t.space).collect(),
        iob: vec![IOB_O; n],
        ent_types: vec![String::new(); n],
        groups: Vec::new(),
        source: Some(doc.source_name().to_owned()),
    };
    let (mut ents_end, mut overlapping) = (0, false);
    for a in &accepted {
        let Some((s, e)) = range(a) else { continue };
        if a.span.start() < ents_end {
            overlapping = true;
            continue;
        }
        ents_end = a.span.end();
        raw.iob[s] = IOB_B;
        raw.iob[s + 1..e].fill(IOB_I);
        for t in &mut raw.ent_types[s..e] {
            a.label.as_str().clone_into(t);
        }
    }
    if overlapping {
        raw.groups
            .push((OVERLAP_GROUP.to_owned(), group(&accepted)));
    }
    if !pending.is_empty() {
        raw.groups.push((PENDING_GROUP.to_owned(), group(&pending)));
    }
    (raw, left_out(doc, annotations, &[Carries::Pending]))
}

/// One DocBin of `articles`, in order.
fn write(articles: &[(&Document, &[Annotation])]) -> Exported {
    let mut docs = Vec::with_capacity(articles.len());
    let mut all_left_out = Vec::new();
    for (doc, annotations) in articles {
        let (raw, left) = raw_doc(doc, annotations);
        docs.push(raw);
        all_left_out = merged(&all_left_out, &left);
    }
    Exported {
        bytes: docbin::encode(&docs),
        left_out: all_left_out,
        companions: Vec::new(),
    }
}

impl Exporter for SpacyDocBin {
    fn export(&self, doc: &Document, annotations: &[Annotation]) -> Exported {
        write(&[(doc, annotations)])
    }

    /// One DocBin holding a Doc an article (a DocBin is one compressed msgpack map, so
    /// the articles' files cannot be put one after the other).
    fn export_all(&self, articles: &[(&Document, &[Annotation])]) -> Option<Exported> {
        Some(write(articles))
    }
}

/// The foreign document of one Doc read from a file.
fn foreign(raw: RawDoc) -> ForeignDocument {
    let n = raw.words.len();
    let mut text = String::new();
    // the code point and the byte offset of each token
    let (mut idx, mut byte) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut at = 0;
    for (w, &space) in raw.words.iter().zip(&raw.spaces) {
        idx.push(at);
        byte.push(text.len());
        text.push_str(w);
        at += w.chars().count();
        if space {
            text.push(' ');
            at += 1;
        }
    }
    let token_end = |i: usize| idx[i] + raw.words[i].chars().count();
    let mut spans: Vec<ForeignSpan> = Vec::new();
    let mut seen = HashSet::new();
    let mut add = |s: ForeignSpan| {
        if !s.label.is_empty() && seen.insert((s.start, s.end, s.label.clone())) {
            spans.push(s);
        }
    };
    let span = |start, end, label: &str, status, id| ForeignSpan {
        status,
        id: Some(id),
        ..ForeignSpan::new(start, end, label.to_owned())
    };
    let mut open: Option<usize> = None;
    let mut ents = 0;
    let mut close = |open: Option<usize>, past: usize, add: &mut dyn FnMut(ForeignSpan)| {
        if let Some(s) = open.filter(|&s| !raw.ent_types[s].is_empty()) {
            // the index in spaCy's `doc.ents`, which drops the spans with no label
            let id = format!("ents[{ents}]");
            ents += 1;
            add(span(
                idx[s],
                token_end(past - 1),
                &raw.ent_types[s],
                Status::Accepted,
                id,
            ));
        }
    };
    for i in 0..n {
        match raw.iob[i] {
            IOB_I if open.is_none() => open = Some(i),
            IOB_I => {}
            IOB_B => {
                close(open, i, &mut add);
                open = Some(i);
            }
            _ => {
                close(open, i, &mut add);
                open = None;
            }
        }
    }
    close(open, n, &mut add);
    for (key, group) in &raw.groups {
        let status = if key == PENDING_GROUP {
            Status::Pending
        } else {
            Status::Accepted
        };
        for (k, g) in group.iter().enumerate() {
            let offset = |c: i64| usize::try_from(c).unwrap_or(usize::MAX);
            let mut s = span(
                offset(g.start_char),
                offset(g.end_char),
                &g.label,
                status,
                format!("{key}[{k}]"),
            );
            // the text of its tokens (`span.text`)
            s.text = Some(if g.start < g.end {
                let last = g.end - 1;
                text[byte[g.start]..byte[last] + raw.words[last].len()].to_owned()
            } else {
                String::new()
            });
            add(s);
        }
    }
    ForeignDocument {
        text,
        name: raw.source,
        unit: OffsetUnit::CodePoint,
        spans,
        speakers: Vec::new(),
    }
}

impl Importer for SpacyDocBin {
    fn import(&self, bytes: &[u8]) -> Result<Vec<ForeignDocument>, ReadError> {
        let docs = docbin::decode(bytes)?;
        some_documents(docs.into_iter().map(foreign).collect())
    }
}

/// Whether `bytes` look like a DocBin, for detecting a file's format: a zlib stream
/// whose first inflated bytes are a msgpack map with the key `version` or `attrs` (what
/// spaCy writes first). Cheap: only the start is inflated.
#[must_use]
pub fn looks_like_docbin(bytes: &[u8]) -> bool {
    let mut head = [0u8; 64];
    let mut z = Decompress::new(true);
    if z.decompress(bytes, &mut head, FlushDecompress::None)
        .is_err()
    {
        return false;
    }
    let head = &head[..z.total_out() as usize];
    let is_map = head
        .first()
        .is_some_and(|&b| (0x80..=0x8f).contains(&b) || b == 0xde);
    let has = |key: &[u8]| head.windows(key.len()).any(|w| w == key);
    is_map && (has(b"\xa7version") || has(b"\xa5attrs"))
}

#[cfg(test)]
mod tests;
