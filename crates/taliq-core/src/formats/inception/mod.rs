//! INCEpTION's formats: UIMA CAS JSON 0.4.0 ([`cas_json`], INCEpTION's `jsoncas`, the
//! format it recommends) and WebAnno TSV 3.3 ([`tsv`], its legacy tab-separated format).
//! Both count offsets in **UTF-16 code units** (Java strings; the interop reference,
//! section 6), converted in [`crate::formats::offsets`] only.
//!
//! Both use the same two layers of an INCEpTION project:
//! - the built-in named entity layer, UIMA type [`NAMED_ENTITY`], its string feature
//!   `value` holding Taliq's label as the guidelines spell it (`PERSON`, `QUOTE`, …);
//! - a custom relation layer [`SPEAKER_LAYER`] over that layer, with a string feature
//!   `value` (written [`SPEAKER_VALUE`]): a quote's speaker, the **quote as `Governor`**
//!   (the relation's source) and the **speaker as `Dependent`** (its target). INCEpTION
//!   gives a relation the offsets of its `Dependent` (`RelationAdapterImpl`), and WebAnno
//!   TSV writes it on the dependent's first token; Taliq does both.
//!
//! The project must have that relation layer (Settings ▸ Layers ▸ Create: name
//! `Speaker`, type relation, attached to Named entity, a string feature `value`) before it
//! imports a file that holds a speaker: INCEpTION's JSON CAS import is not lenient
//! about unknown types. Written: the accepted annotations (and the pending suggestions
//! too, as pre-annotation, when the exporter's `pending` is set: INCEpTION's layers
//! have no place for a review state, so they come back accepted); the speakers of the
//! quotes written whose speaker mention is written too. Left out, and said: rejected
//! suggestions, notes, role and nationality, date values, canonical names, and speakers
//! that are not a mention written. Read: every named entity (its `value` the label), every
//! speaker relation in either direction (the quote is the side whose label is a quote).

pub mod cas_json;
mod escape;
pub mod tsv;

pub use cas_json::UimaCasJson;
pub use tsv::WebAnnoTsv;

use crate::formats::exchange::{
    Carries, ForeignSpan, LabelMap, LeftOut, in_text_order, left_out, merged,
};
use crate::model::annotation::{Annotation, Status};
use crate::model::document::Document;
use crate::model::label::Label;

/// The UIMA type of DKPro Core's named entity, INCEpTION's built-in span layer (features
/// `value` and `identifier`, both strings).
pub const NAMED_ENTITY: &str = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity";
/// The UIMA type of the speaker relation layer (`webanno.custom.` is the prefix
/// INCEpTION gives a custom layer).
pub const SPEAKER_LAYER: &str = "webanno.custom.Speaker";
/// The `value` written on a speaker relation.
pub const SPEAKER_VALUE: &str = "speaker";

/// What an export writes of one article's annotations.
struct Selection<'a> {
    /// The annotations written, in text order.
    spans: Vec<&'a Annotation>,
    /// The speakers written: `(quote, speaker)` as indexes into `spans`.
    links: Vec<(usize, usize)>,
    /// What is left out, counted.
    left_out: Vec<LeftOut>,
}

/// The annotations of `annotations` written (accepted, and pending when `pending`), their
/// speaker links, and what is left out ([`left_out`], plus the speakers whose mention is
/// not written).
fn select<'a>(doc: &Document, annotations: &'a [Annotation], pending: bool) -> Selection<'a> {
    let spans: Vec<&Annotation> = in_text_order(annotations)
        .into_iter()
        .filter(|a| a.status == Status::Accepted || (pending && a.status == Status::Pending))
        .collect();
    let mut links = Vec::new();
    let mut unlinked = 0;
    for (q, a) in spans.iter().enumerate() {
        let Some(link) = &a.facts.speaker else {
            continue;
        };
        match link
            .mention
            .and_then(|m| spans.iter().position(|s| s.id == m))
        {
            Some(s) if a.label == Label::Quote => links.push((q, s)),
            _ => unlinked += 1,
        }
    }
    let carries: &[Carries] = if pending {
        &[Carries::Pending, Carries::Speakers]
    } else {
        &[Carries::Speakers]
    };
    let mut left = left_out(doc, annotations, carries);
    if unlinked > 0 {
        left = merged(&left, &[LeftOut::Speakers(unlinked)]);
    }
    Selection {
        spans,
        links,
        left_out: left,
    }
}

/// The `(quote, speaker)` of a relation read between `spans[governor]` and
/// `spans[dependent]`: the governor is the quote (Taliq's direction), unless only the
/// dependent's label is a quote's (a file that links the other way).
fn speaker_pair(spans: &[ForeignSpan], governor: usize, dependent: usize) -> (usize, usize) {
    let labels = LabelMap::default();
    let is_quote = |i: usize| {
        spans
            .get(i)
            .is_some_and(|s| labels.get(&s.label) == Some(Label::Quote))
    };
    if is_quote(dependent) && !is_quote(governor) {
        (dependent, governor)
    } else {
        (governor, dependent)
    }
}

/// The articles of both formats' tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::formats::exchange::testing::{char_span, link_speaker, marked};
    use crate::model::annotation::{Annotation, Status};
    use crate::model::document::Document;
    use crate::model::label::Label;

    /// What breaks other tools: an emoji before the spans (astral: UTF-16 counts it 2),
    /// CRLF, harakat, lam-alef, an Arabic word as the very last characters.
    pub(crate) const HARD: &str =
        "💩 قال الرئيسُ عبد الفتاح السيسي:\r\n«لن نتراجع» في القاهرة لألأ مُحَمَّد";

    /// [`HARD`] with a person (accepted), the quote (accepted, the person its speaker), a
    /// location (pending), a second person (accepted) and a MISC (rejected).
    pub(crate) fn hard() -> (Document, Vec<Annotation>) {
        let doc = Document::from_text(HARD, "hard.txt", "UTF-8");
        let spans: Vec<_> = [
            ("عبد الفتاح السيسي", Label::Person, Status::Accepted),
            ("لن نتراجع", Label::Quote, Status::Accepted),
            ("القاهرة", Label::Location, Status::Pending),
            ("مُحَمَّد", Label::Person, Status::Accepted),
            ("لألأ", Label::Misc, Status::Rejected),
        ]
        .iter()
        .map(|&(s, l, st)| {
            let (a, b) = char_span(HARD, s);
            (a, b, l, st)
        })
        .collect();
        let mut anns = marked(&doc, &spans);
        link_speaker(&mut anns, 1, 0);
        (doc, anns)
    }

    /// The sample article with the extractor's suggestions, all accepted (speakers
    /// linked to their mentions).
    pub(crate) fn sample() -> (Document, Vec<Annotation>) {
        let text = include_str!("../../../../../seeds/putin-trump-call.ar.txt");
        let doc = Document::from_text(text, "putin-trump-call.ar.txt", "UTF-8");
        let mut anns =
            crate::extract::suggest::annotations_of(&doc, &crate::extract::extract(text));
        for a in &mut anns {
            a.status = Status::Accepted;
        }
        assert!(anns.iter().any(|a| a.facts.speaker.is_some()));
        (doc, anns)
    }
}
