//! The seam every interchange format plugs into: an [`Exporter`] writes one article and
//! its annotations in another tool's format and says what that format cannot carry; an
//! [`Importer`] reads another tool's file into [`ForeignDocument`]s (the text as the tool
//! had it, spans in the tool's offset unit, labels as the tool spelled them), which
//! [`place`] checks against the article and turns into annotations, reporting every span it
//! cannot place with its position. The formats themselves are sibling modules of
//! `formats` that never import each other; what they share is here and in
//! [`super::offsets`]. Which formats there are, by name, is the workspace's
//! [`FormatId`].

use thiserror::Error;

pub use crate::formats::label_map::{LabelMap, Unknown};
pub use crate::formats::left_out::{
    Carries, LEFT_OUT_KEY, LeftOut, left_out, left_out_record, merged,
};
use crate::formats::offsets::{OffsetUnit, from_unit};
use crate::model::annotation::{Annotation, Facts, Origin, SpeakerLink, Status};
use crate::model::document::Document;
use crate::model::entity_id::EntityId;
use crate::model::format::FormatId;
use crate::model::label::Label;
use crate::model::span::{Span, SpanError};

/// One article written in a format: the file's text, and what it could not carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The file's bytes: UTF-8 text for every format but spaCy's binary DocBin.
    pub bytes: Vec<u8>,
    /// What the format has no place for, each with its count; empty when it holds all.
    pub left_out: Vec<LeftOut>,
    /// Files written beside it, `(name, text)`: a name that starts with `.` is the
    /// file's stem with that ending (brat's `.txt`), another a file of the same folder
    /// (brat's `annotation.conf`). Empty for most formats.
    pub companions: Vec<(String, String)>,
}

impl Exported {
    /// The file as text, for the text formats (a byte that is not UTF-8 shows as U+FFFD).
    #[must_use]
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.bytes)
    }
}

/// Writes an article and its annotations in one format.
pub trait Exporter {
    /// The file for `doc` and `annotations` (in any order; written in text order).
    fn export(&self, doc: &Document, annotations: &[Annotation]) -> Exported;
    /// One file for several articles, in order; `None` when the format holds one article
    /// a file. By default the articles' files one after the other (JSON Lines).
    fn export_all(&self, articles: &[(&Document, &[Annotation])]) -> Option<Exported> {
        let mut all = Exported {
            bytes: Vec::new(),
            left_out: Vec::new(),
            companions: Vec::new(),
        };
        for (doc, annotations) in articles {
            let one = self.export(doc, annotations);
            all.bytes.extend_from_slice(&one.bytes);
            all.left_out = merged(&all.left_out, &one.left_out);
        }
        Some(all)
    }
}

/// Why a file could not be read at all (a span that cannot be placed is not an error of
/// the file: [`SpanProblem`]).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReadError {
    /// The bytes are not UTF-8.
    #[error("the file is not UTF-8 text")]
    NotUtf8,
    /// Not JSON, or JSON of another shape, at `line` (1-based; 0 when the whole file is one
    /// JSON value).
    #[error("{}", syntax_words(*line, reason))]
    Syntax {
        /// The line (1-based), 0 for the whole file.
        line: usize,
        /// What the parser said.
        reason: String,
    },
    /// The file holds no document.
    #[error("the file holds no document")]
    Empty,
    /// A binary file (spaCy's DocBin) cut short, not of the format, or with a part
    /// missing, of the wrong type or not agreeing with the others.
    #[error("the file is damaged or not of this format (its part “{part}”)")]
    Damaged {
        /// The part, named as the format names it: `zlib` or `msgpack` for the
        /// container, else a field (`tokens`, `lengths`, `strings`, `span_groups`).
        part: &'static str,
    },
}

/// A syntax error in words: `line N: reason`, or the reason alone for the whole file.
fn syntax_words(line: usize, reason: &str) -> String {
    if line == 0 {
        reason.to_owned()
    } else {
        format!("line {line}: {reason}")
    }
}

/// The text of a file's bytes: UTF-8, a leading BOM dropped.
///
/// # Errors
/// [`ReadError::NotUtf8`].
pub fn file_text(bytes: &[u8]) -> Result<&str, ReadError> {
    let text = std::str::from_utf8(bytes).map_err(|_| ReadError::NotUtf8)?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The whole file as one JSON value (UTF-8, a leading BOM dropped).
///
/// # Errors
/// [`ReadError::NotUtf8`], or [`ReadError::Syntax`] at the line the parser stopped at.
pub fn json_value(bytes: &[u8]) -> Result<serde_json::Value, ReadError> {
    serde_json::from_str(file_text(bytes)?).map_err(|e| ReadError::Syntax {
        line: e.line(),
        reason: crate::formats::json::json_error_words(&e),
    })
}

/// The documents an importer read, or [`ReadError::Empty`] when there are none.
///
/// # Errors
/// [`ReadError::Empty`] for no document.
pub fn some_documents(docs: Vec<ForeignDocument>) -> Result<Vec<ForeignDocument>, ReadError> {
    if docs.is_empty() {
        Err(ReadError::Empty)
    } else {
        Ok(docs)
    }
}

/// The file of the one article for an exporter whose format holds one document a file;
/// `None` for several.
pub fn one_article<E: Exporter + ?Sized>(
    exporter: &E,
    articles: &[(&Document, &[Annotation])],
) -> Option<Exported> {
    match articles {
        [(doc, annotations)] => Some(exporter.export(doc, annotations)),
        _ => None,
    }
}

/// The JSON value of each non-empty line of a JSON Lines file, with its line number
/// (1-based).
///
/// # Errors
/// [`ReadError::NotUtf8`], or [`ReadError::Syntax`] naming the first line that is not a
/// `T`.
pub fn json_lines<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
) -> Result<Vec<(usize, T)>, ReadError> {
    let mut out = Vec::new();
    for (n, line) in file_text(bytes)?.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        let value = serde_json::from_str(line).map_err(|e| ReadError::Syntax {
            line: n + 1,
            reason: crate::formats::json::json_error_words(&e),
        })?;
        out.push((n + 1, value));
    }
    Ok(out)
}

/// A span as another tool's file gives it, before it is checked against the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignSpan {
    /// Start, in the document's [`ForeignDocument::unit`].
    pub start: usize,
    /// End (exclusive), in the same unit.
    pub end: usize,
    /// The label as the tool spells it (`PER`, `GPE`, `PERSON`).
    pub label: String,
    /// The text the file says the span covers, when it says one.
    pub text: Option<String>,
    /// Accepted for a finished annotation, pending for a prediction.
    pub status: Status,
    /// The note, when the format has one.
    pub note: String,
    /// The tool's id of the span, used by [`ForeignDocument::speakers`] and in messages.
    pub id: Option<String>,
    /// What the file says of the mention beyond its span, when the format holds it (W3C
    /// Web Annotation's `taliq:` properties): role, nationality, date value; a speaker
    /// named without a mention. Empty for most formats.
    pub facts: Facts,
    /// The canonical name the file gives, when it gives one that is not the text.
    pub canonical: Option<String>,
}

impl ForeignSpan {
    /// A finished (accepted) span `start..end` labelled `label`, with nothing else said:
    /// no stated text, note, id, facts or canonical name. Importers fill in what their
    /// format gives with struct update syntax (`ForeignSpan { text, ..ForeignSpan::new(…) }`).
    #[must_use]
    pub fn new(start: usize, end: usize, label: String) -> ForeignSpan {
        ForeignSpan {
            start,
            end,
            label,
            text: None,
            status: Status::Accepted,
            note: String::new(),
            id: None,
            facts: Facts::default(),
            canonical: None,
        }
    }
}

/// A document as another tool's file gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignDocument {
    /// The text as the tool had it.
    pub text: String,
    /// The document's name or id in the file, when it gives one.
    pub name: Option<String>,
    /// What the spans' offsets count.
    pub unit: OffsetUnit,
    /// The spans, in file order.
    pub spans: Vec<ForeignSpan>,
    /// Speaker links: `(quote, speaker)` as indexes into `spans`.
    pub speakers: Vec<(usize, usize)>,
}

impl ForeignDocument {
    /// The document without the byte order mark its text starts with, if any, and its
    /// spans moved back by the mark's length in their unit: an article's text never keeps
    /// the mark (`Document::from_text` drops it), but a tool that had it in its text
    /// counted it (brat counts it as char 0), so every offset would be one off.
    #[must_use]
    pub fn without_bom(mut self) -> ForeignDocument {
        if let Some(rest) = self.text.strip_prefix('\u{feff}') {
            let mark = crate::formats::offsets::length("\u{feff}", self.unit);
            self.text = rest.to_owned();
            for s in &mut self.spans {
                s.start = s.start.saturating_sub(mark);
                s.end = s.end.saturating_sub(mark);
            }
        }
        self
    }
}

/// Reads another tool's file.
pub trait Importer {
    /// The documents of `bytes`, in file order.
    ///
    /// # Errors
    /// [`ReadError`] when the file is not of this format at all.
    fn import(&self, bytes: &[u8]) -> Result<Vec<ForeignDocument>, ReadError>;
}

/// Why a span of a foreign document was not placed as it is, with its index in
/// [`ForeignDocument::spans`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpanProblem {
    /// Its offsets are past the end of the text or inside a char (between the UTF-16
    /// units of an emoji): not placed.
    OutsideText {
        /// The span's index.
        index: usize,
    },
    /// Empty, reversed, or holding no letters or digits: not placed.
    Empty {
        /// The span's index.
        index: usize,
    },
    /// An edge falls inside a grapheme cluster (a haraka cut from its letter): not placed.
    SplitsCluster {
        /// The span's index.
        index: usize,
        /// The offending offset (code points).
        offset: usize,
    },
    /// The text the file states is not the text at its offsets: not placed.
    TextMismatch {
        /// The span's index.
        index: usize,
        /// What the file says.
        stated: String,
        /// What the text holds there.
        found: String,
    },
    /// The label is not in the label map: placed as MISC or skipped ([`Unknown`]).
    UnknownLabel {
        /// The span's index.
        index: usize,
        /// The label as the file spells it.
        label: String,
        /// Whether it was placed (as MISC).
        placed: bool,
    },
    /// The label map says to skip the label: not placed.
    SkippedLabel {
        /// The span's index.
        index: usize,
        /// The label as the file spells it.
        label: String,
    },
    /// The same span with the same label twice: placed once.
    Duplicate {
        /// The index of the repeat.
        index: usize,
    },
}

/// The annotations [`place`] made, and what it could not place as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// The annotations, ids `first_id`, `first_id + 1`, … in file order, origin
    /// [`Origin::Imported`].
    pub annotations: Vec<Annotation>,
    /// Every span not placed as it was, in file order.
    pub problems: Vec<SpanProblem>,
}

/// Checks the spans of `foreign` against `doc` (whose text must be the foreign text: a
/// changed text is re-anchored by the workspace first) and makes them annotations, ids from
/// `first_id`, origin imported from `tool`: offsets converted from the document's unit, each span validated as
/// [`Span::new`] does, its stated text compared, its label mapped by `labels`. The speaker
/// links become [`SpeakerLink`]s of the quotes. Nothing is dropped without a
/// [`SpanProblem`].
#[must_use]
pub fn place(
    doc: &Document,
    foreign: &ForeignDocument,
    labels: &LabelMap,
    unknown: Unknown,
    first_id: u64,
    tool: FormatId,
) -> Placed {
    let mut annotations: Vec<Annotation> = Vec::new();
    let mut problems = Vec::new();
    // index of each foreign span → its annotation
    let mut placed_at: Vec<Option<usize>> = vec![None; foreign.spans.len()];
    let mut seen = std::collections::HashSet::new();
    for (index, s) in foreign.spans.iter().enumerate() {
        let (Some(start), Some(end)) = (
            from_unit(doc, s.start, foreign.unit),
            from_unit(doc, s.end, foreign.unit),
        ) else {
            problems.push(SpanProblem::OutsideText { index });
            continue;
        };
        let span = match Span::new(doc, start, end) {
            Ok(span) => span,
            Err(SpanError::OutOfBounds { .. }) => {
                problems.push(SpanProblem::OutsideText { index });
                continue;
            }
            Err(SpanError::Empty { .. } | SpanError::NoContent) => {
                problems.push(SpanProblem::Empty { index });
                continue;
            }
            Err(SpanError::SplitsCluster { offset, .. }) => {
                problems.push(SpanProblem::SplitsCluster { index, offset });
                continue;
            }
        };
        let found = doc.slice(span.start(), span.end());
        if let Some(stated) = &s.text
            && stated != found
        {
            problems.push(SpanProblem::TextMismatch {
                index,
                stated: stated.clone(),
                found: found.to_owned(),
            });
            continue;
        }
        let label = if let Some(l) = labels.get(&s.label) {
            l
        } else if labels.skips(&s.label) {
            problems.push(SpanProblem::SkippedLabel {
                index,
                label: s.label.clone(),
            });
            continue;
        } else {
            let placed = unknown == Unknown::AsMisc;
            problems.push(SpanProblem::UnknownLabel {
                index,
                label: s.label.clone(),
                placed,
            });
            if !placed {
                continue;
            }
            Label::Misc
        };
        if !seen.insert((span, label)) {
            problems.push(SpanProblem::Duplicate { index });
            continue;
        }
        placed_at[index] = Some(annotations.len());
        annotations.push(Annotation {
            id: first_id + annotations.len() as u64,
            span,
            label,
            origin: Origin::Imported(Some(tool)),
            status: s.status,
            note: s.note.clone(),
            canonical: s.canonical.clone().unwrap_or_else(|| found.to_owned()),
            facts: s.facts.clone(),
        });
    }
    for &(quote, speaker) in &foreign.speakers {
        let (Some(Some(q)), Some(Some(p))) = (placed_at.get(quote), placed_at.get(speaker)) else {
            continue;
        };
        let sp = &annotations[*p];
        if annotations[*q].label != Label::Quote || !sp.label.can_speak() {
            continue;
        }
        let link = SpeakerLink {
            entity: EntityId::new(sp.label, sp.canonical.clone()),
            mention: Some(sp.id),
        };
        annotations[*q].facts.speaker = Some(link);
    }
    Placed {
        annotations,
        problems,
    }
}

/// The annotations of `annotations` in text order (start, then longer first, then label).
#[must_use]
pub fn in_text_order(annotations: &[Annotation]) -> Vec<&Annotation> {
    let mut v: Vec<&Annotation> = annotations.iter().collect();
    v.sort_by_key(|a| {
        (
            a.span.start(),
            std::cmp::Reverse(a.span.end()),
            a.label,
            a.id,
        )
    });
    v
}

/// Annotations for the format tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::{ForeignDocument, LabelMap, Placed, Unknown, place};
    use crate::model::annotation::{Annotation, Facts, Origin, SpeakerLink, Status};
    use crate::model::document::Document;
    use crate::model::entity_id::EntityId;
    use crate::model::format::FormatId;
    use crate::model::label::Label;
    use crate::model::span::Span;
    use crate::session::{Edit, Session};

    /// `foreign` placed on `doc` as an import from `tool` does it: the default label map,
    /// unknown labels skipped, ids from 1.
    pub(crate) fn placed(doc: &Document, foreign: &ForeignDocument, tool: FormatId) -> Placed {
        place(doc, foreign, &LabelMap::default(), Unknown::Skip, 1, tool)
    }

    /// The sample article with the extractor's suggestions, the first half accepted, the
    /// rest pending, and `note` on the first.
    pub(crate) fn sample_half_accepted(note: &str) -> (Document, Vec<Annotation>) {
        let text = include_str!("../../../../seeds/putin-trump-call.ar.txt");
        let doc = Document::from_text(text, "putin-trump-call.ar.txt", "UTF-8");
        let mut session = Session::with_extraction(doc);
        let ids: Vec<u64> = session.annotations().iter().map(|a| a.id).collect();
        for id in &ids[..ids.len() / 2] {
            let status = Status::Accepted;
            session.apply(Edit::SetStatus { id: *id, status }).unwrap();
        }
        let mut anns = session.annotations().to_vec();
        anns[0].note = note.into();
        (session.document().clone(), anns)
    }

    /// Annotations of `doc` with ids 1, 2, … for `(start, end, label, status)`, canonical
    /// name their text, origin manual for accepted ones and extracted for the others.
    pub(crate) fn marked(
        doc: &Document,
        spans: &[(usize, usize, Label, Status)],
    ) -> Vec<Annotation> {
        spans
            .iter()
            .zip(1..)
            .map(|(&(s, e, label, status), id)| Annotation {
                id,
                span: Span::new(doc, s, e).unwrap(),
                label,
                origin: if status == Status::Accepted {
                    Origin::Manual
                } else {
                    Origin::Extracted
                },
                status,
                note: String::new(),
                canonical: doc.slice(s, e).to_owned(),
                facts: Facts::default(),
            })
            .collect()
    }

    /// What a round trip must keep of each annotation: span, label, status, note and
    /// whether it has a speaker.
    pub(crate) fn kept(anns: &[Annotation]) -> Vec<(Span, Label, Status, String, bool)> {
        anns.iter()
            .map(|a| {
                (
                    a.span,
                    a.label,
                    a.status,
                    a.note.clone(),
                    a.facts.speaker.is_some(),
                )
            })
            .collect()
    }

    /// The char range `(start, end)` of the first `needle` in `text`.
    pub(crate) fn char_span(text: &str, needle: &str) -> (usize, usize) {
        let b = text.find(needle).unwrap();
        let start = text[..b].chars().count();
        (start, start + needle.chars().count())
    }

    /// Makes `anns[speaker]` the speaker of the quote `anns[quote]`.
    pub(crate) fn link_speaker(anns: &mut [Annotation], quote: usize, speaker: usize) {
        let s = &anns[speaker];
        let link = SpeakerLink {
            entity: EntityId::new(s.label, s.canonical.clone()),
            mention: Some(s.id),
        };
        anns[quote].facts.speaker = Some(link);
    }
}

#[cfg(test)]
mod tests {
    use super::{ForeignDocument, ForeignSpan, LabelMap, SpanProblem, Unknown, place};
    use crate::formats::offsets::OffsetUnit;
    use crate::model::annotation::{Origin, Status};
    use crate::model::document::Document;
    use crate::model::label::Label;

    fn span(start: usize, end: usize, label: &str, text: Option<&str>) -> ForeignSpan {
        ForeignSpan {
            start,
            end,
            label: label.into(),
            text: text.map(str::to_owned),
            status: Status::Accepted,
            facts: crate::model::annotation::Facts::default(),
            canonical: None,
            note: String::new(),
            id: None,
        }
    }

    /// Every span that cannot be placed is named with its reason; the others come in
    /// imported, in the file's unit converted, the speaker linked.
    #[test]
    fn placing_checks_every_span_and_names_the_ones_it_cannot_place() {
        let t = "👍 قال الرئيس عبد الفتاح السيسي: «لن نتراجع» بِالقاهرة";
        let doc = Document::from_text(t, "t.txt", "UTF-8");
        let foreign = ForeignDocument {
            text: t.into(),
            name: None,
            unit: OffsetUnit::Utf16,
            spans: vec![
                span(14, 31, "PER", Some("عبد الفتاح السيسي")),
                span(34, 43, "QUOTE", Some("لن نتراجع")),
                span(1, 5, "PER", None),            // inside the emoji
                span(14, 31, "PERSON", None),       // the same again
                span(14, 17, "PER", Some("عبد ا")), // wrong text
                span(46, 52, "LOC", None),          // between ب and its kasra
                span(10, 13, "TITLE", None),        // unknown label
                span(40, 200, "LOC", None),         // past the end
            ],
            speakers: vec![(1, 0)],
        };
        let placed = place(
            &doc,
            &foreign,
            &LabelMap::default(),
            Unknown::Skip,
            1,
            crate::model::format::FormatId::Doccano,
        );
        assert_eq!(placed.annotations.len(), 2);
        let p = &placed.annotations[0];
        assert_eq!(
            (p.span.start(), p.span.end(), p.label),
            (13, 30, Label::Person)
        );
        assert_eq!(
            (p.origin, p.status),
            (
                Origin::Imported(Some(crate::model::format::FormatId::Doccano)),
                Status::Accepted
            )
        );
        let q = &placed.annotations[1];
        assert_eq!(q.facts.speaker.as_ref().unwrap().mention, Some(p.id));
        assert_eq!(
            placed.problems,
            [
                SpanProblem::OutsideText { index: 2 },
                SpanProblem::Duplicate { index: 3 },
                SpanProblem::TextMismatch {
                    index: 4,
                    stated: "عبد ا".into(),
                    found: "عبد".into()
                },
                SpanProblem::SplitsCluster {
                    index: 5,
                    offset: 45
                },
                SpanProblem::UnknownLabel {
                    index: 6,
                    label: "TITLE".into(),
                    placed: false
                },
                SpanProblem::OutsideText { index: 7 },
            ]
        );
        let as_misc = place(
            &doc,
            &foreign,
            &LabelMap::default(),
            Unknown::AsMisc,
            1,
            crate::model::format::FormatId::Doccano,
        );
        assert_eq!(as_misc.annotations.len(), 3);
        assert_eq!(as_misc.annotations[2].label, Label::Misc);
    }

    #[test]
    fn the_default_label_map_knows_the_common_names_in_any_case() {
        let m = LabelMap::default();
        assert_eq!(m.get("pers"), Some(Label::Person));
        assert_eq!(m.get("GPE"), Some(Label::Location));
        assert_eq!(m.get("Money"), Some(Label::Number));
        assert_eq!(m.get("NORP"), None);
        let mut m = m;
        m.set("norp", Some(Label::Misc));
        assert_eq!(m.get("NORP"), Some(Label::Misc));
    }
}
