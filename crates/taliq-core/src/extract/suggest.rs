//! The extractor's suggestions as the annotations of a session: pending, with their
//! facts (a quote's speaker linked to the annotation naming the speaker), with the
//! project lexicon applied, and beside annotations already made.
//!
//! The suggestions come from a [`Suggester`]: today the rule pipeline with the project
//! lexicon ([`Rules`]); a learned model can be a second source beside it.

use std::collections::HashMap;

use super::{Mention, ProjectLexicon, extract_with};
use crate::model::annotation::{Annotation, Facts, Origin, SpeakerLink, Status};
use crate::model::document::Document;
use crate::model::entity_id::EntityId;
use crate::model::label::Label;
use crate::model::span::Span;
use crate::session::{Provenance, Session};

/// A source of suggested mentions for a document.
///
/// Implemented by the rule pipeline ([`Rules`]); a learned model would be another
/// source, whose mentions [`annotations_of`] turns into annotations the same way.
pub trait Suggester {
    /// The mentions suggested for `doc`, in the shape of [`super::extract`]'s result:
    /// `[start, end)` offsets in Unicode scalar values (chars) of `doc.text()`, sorted by
    /// start, non-overlapping except that a QUOTE may contain other mentions; a quote's
    /// [`Mention::speaker`] is an index into the same list. A mention that is not a valid
    /// span of `doc` is dropped by [`annotations_of`], not trusted.
    fn suggest(&self, doc: &Document) -> Vec<Mention>;
}

/// The rule pipeline with a project lexicon: [`extract_with`] on the document's text
/// (learned names added, rejected suggestions left out).
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    /// The project lexicon applied to the rules' mentions (an empty one for the rules
    /// alone).
    pub lexicon: &'a ProjectLexicon,
}

impl Suggester for Rules<'_> {
    fn suggest(&self, doc: &Document) -> Vec<Mention> {
        extract_with(doc.text(), self.lexicon)
    }
}

impl Session {
    /// Opens `doc` with fresh suggestions from the extractor (all pending).
    #[must_use]
    pub fn with_extraction(doc: Document) -> Session {
        Session::with_extraction_using(doc, &ProjectLexicon::new())
    }

    /// Opens `doc` with fresh suggestions from the extractor and the project lexicon
    /// (learned names added, rejected suggestions left out; see [`extract_with`]).
    #[must_use]
    pub fn with_extraction_using(doc: Document, lexicon: &ProjectLexicon) -> Session {
        Session::with_suggestions(doc, &Rules { lexicon })
    }

    /// Opens `doc` with fresh suggestions from `source` (all pending, with their facts:
    /// [`annotations_of`]).
    #[must_use]
    pub fn with_suggestions(doc: Document, source: &dyn Suggester) -> Session {
        let anns = annotations_of(&doc, &source.suggest(&doc));
        Session::with_annotations(doc, anns, Provenance::Extracted)
    }

    /// Opens `doc` with annotations carried over from an earlier version of its text
    /// (see [`crate::workspace::reanchor`]), plus fresh suggestions for the parts of the text that
    /// none of them covers.
    #[must_use]
    pub fn reanchored(doc: Document, placed: Vec<Annotation>, lexicon: &ProjectLexicon) -> Session {
        let anns = with_suggestions_beside(&doc, placed, lexicon);
        Session::with_annotations(doc, anns, Provenance::Reanchored)
    }
}

/// `placed` plus the extractor's suggestions on `doc` that overlap none of them in the
/// same layer (QUOTE, or the flat layer of names: guideline rule 13); the suggestions get
/// ids after the largest placed one, and a suggested quote's speaker mention follows its
/// renumbering (or is dropped when that mention was not kept).
#[must_use]
pub fn with_suggestions_beside(
    doc: &Document,
    placed: Vec<Annotation>,
    lexicon: &ProjectLexicon,
) -> Vec<Annotation> {
    let mut anns = placed;
    let placed_count = anns.len();
    let mut next = anns.iter().map(|a| a.id).max().unwrap_or(0) + 1;
    // fresh suggestion id → its id in the merged set
    let mut renumbered: HashMap<u64, u64> = HashMap::new();
    for mut fresh in suggestions(doc, lexicon) {
        let same_layer =
            |a: &Annotation| (a.label == Label::Quote) == (fresh.label == Label::Quote);
        if anns
            .iter()
            .any(|a| a.span.overlaps(fresh.span) && same_layer(a))
        {
            continue;
        }
        renumbered.insert(fresh.id, next);
        fresh.id = next;
        next += 1;
        anns.push(fresh);
    }
    // a fresh quote's speaker mention: renumbered, or dropped when it was not kept
    for a in &mut anns[placed_count..] {
        if let Some(link) = &mut a.facts.speaker {
            link.mention = link.mention.and_then(|m| renumbered.get(&m).copied());
        }
    }
    anns
}

/// The extractor's suggestions (with `lexicon`) for `doc` as pending annotations with ids
/// 1, 2, …, with their facts (a quote's speaker linked to the entity and annotation id of
/// its mention). The extractor promises valid offsets; a mention that is not a valid span
/// is skipped, not trusted.
#[must_use]
pub fn suggestions(doc: &Document, lexicon: &ProjectLexicon) -> Vec<Annotation> {
    annotations_of(doc, &Rules { lexicon }.suggest(doc))
}

/// The mentions of a [`Suggester`] for `doc` as pending annotations with ids 1, 2, …, with
/// their facts (a quote's speaker linked to the entity and annotation id of its mention).
/// A mention that is not a valid span of `doc` is skipped, not trusted.
#[must_use]
pub fn annotations_of(doc: &Document, mentions: &[Mention]) -> Vec<Annotation> {
    // annotation id of each mention kept
    let mut ids: Vec<Option<u64>> = vec![None; mentions.len()];
    let mut next = 1;
    for (k, m) in mentions.iter().enumerate() {
        if Span::new(doc, m.start, m.end).is_ok() {
            ids[k] = Some(next);
            next += 1;
        }
    }
    // a speaker index outside the list (from a source other than the rules) is no link
    let speaker_of = |m: &Mention| {
        let k = m.speaker?;
        let s = mentions.get(k)?;
        Some(SpeakerLink {
            entity: EntityId::new(s.label, s.canonical.clone()),
            mention: ids[k],
        })
    };
    mentions
        .iter()
        .zip(&ids)
        .filter_map(|(m, id)| {
            Some(Annotation {
                id: (*id)?,
                span: Span::new(doc, m.start, m.end).ok()?,
                label: m.label,
                origin: Origin::Extracted,
                status: Status::Pending,
                note: String::new(),
                canonical: m.canonical.clone(),
                facts: Facts {
                    attributes: m.attributes.clone(),
                    speaker: speaker_of(m),
                    value: m.value.clone(),
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_carry_facts_and_link_speakers_by_annotation_id() {
        let doc = Document::from_text(
            "وقال الرئيس الروسي فلاديمير بوتين في 28 حزيران/ يونيو 2019: «الوضع صعب جداً في المنطقة».",
            "t.txt",
            "UTF-8",
        );
        let s = Session::with_extraction(doc);
        let find = |l: Label| s.annotations().iter().find(|a| a.label == l).unwrap();
        let person = find(Label::Person);
        let attrs = person.facts.attributes.clone().unwrap();
        assert_eq!(attrs.summary(), "الرئيس · روسيا");
        let quote = find(Label::Quote);
        let link = quote.facts.speaker.clone().unwrap();
        assert_eq!(link.mention, Some(person.id));
        assert_eq!(link.entity.to_string(), "PERSON:فلاديمير بوتين");
        let date = find(Label::Date);
        assert_eq!(date.facts.value.as_ref().unwrap().value, "2019-06-28");
        // the facts survive the export and the sidecar
        let back = Session::restore(s.document().clone(), &s.to_export()).unwrap();
        assert_eq!(back.annotations(), s.annotations());
    }

    /// A source beside the rules: its mentions become annotations the same way, invalid
    /// spans and speaker indices left out.
    #[test]
    fn any_suggester_gives_the_session_its_annotations() {
        struct Fixed(Vec<Mention>);
        impl Suggester for Fixed {
            fn suggest(&self, _: &Document) -> Vec<Mention> {
                self.0.clone()
            }
        }
        let text = "قال بوتين: «سنعود قريباً».";
        let doc = Document::from_text(text, "t.txt", "UTF-8");
        let lexicon = ProjectLexicon::new();
        let rules = Session::with_suggestions(doc.clone(), &Rules { lexicon: &lexicon });
        assert_eq!(
            rules.annotations(),
            Session::with_extraction(doc.clone()).annotations()
        );
        let mention = |start, end, label, speaker| Mention {
            start,
            end,
            label,
            canonical: String::new(),
            attributes: None,
            speaker,
            value: None,
        };
        let fixed = Fixed(vec![
            mention(4, 9, Label::Person, None),
            mention(12, 24, Label::Quote, Some(7)),
            mention(20, 999, Label::Date, None),
        ]);
        let s = Session::with_suggestions(doc, &fixed);
        let got: Vec<_> = s
            .annotations()
            .iter()
            .map(|a| (a.id, a.span.start(), a.label, a.facts.speaker.is_some()))
            .collect();
        assert_eq!(
            got,
            [(1, 4, Label::Person, false), (2, 12, Label::Quote, false)]
        );
    }
}
