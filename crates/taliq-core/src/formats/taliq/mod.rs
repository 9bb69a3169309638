//! The Taliq JSON export format, version 1. The same document is written by File ▸ Export,
//! by `taliq extract`, and as the autosave sidecar.
//!
//! ```json
//! {
//!   "format": "taliq-annotations",
//!   "version": 1,
//!   "document": { "source": "article.txt", "encoding": "UTF-8", "sha256": "…",
//!                 "char_count": 4026, "text": "…" },
//!   "offset_unit": "unicode_scalar_value",
//!   "labels": ["PERSON", "ORGANIZATION", "LOCATION", "DATE", "NUMBER", "MISC", "QUOTE"],
//!   "annotations": [ { "id": 1, "start": 0, "end": 5, "text": "بوتين", "label": "PERSON",
//!                      "origin": "extracted", "status": "accepted", "note": "",
//!                      "entity": "PERSON:فلاديمير بوتين",
//!                      "attributes": { "role": "الرئيس", "nationality": "روسيا" } } ],
//!   "entities": [ { "id": "PERSON:فلاديمير بوتين", "label": "PERSON",
//!                   "canonical": "فلاديمير بوتين", "mentions": [1, 7] } ]
//! }
//! ```
//!
//! Offsets `start`/`end` are `[start, end)` in Unicode scalar values (Python `str` indices,
//! Rust `char` indices) into `document.text`; `text` equals that slice for every
//! annotation. `entities` group the non-rejected annotations by label and canonical name.
//!
//! Optional facts, written only when known (older files lack them and still load; the
//! version stays 1 because readers ignore fields they do not know): `attributes`
//! (PERSON role and nationality), `speaker` (QUOTE: speaker entity id and annotation id),
//! `value` and `hijri` (DATE normalized value, [`crate::extract::timex`]), on annotations
//! and, gathered from their mentions, on entities.
//!
//! A file written by hand may leave out the fields whose value follows from the rest
//! (entity ids, origin, status, hashes, …): see [`lenient`] for what is filled in. Taliq
//! itself always writes every field.

pub mod journal;
mod lenient;
mod session;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::formats::exchange::{Exported, Exporter, one_article};
use crate::formats::json::json_error_words;
use crate::model::annotation::{
    Annotation, Entity, FactRecord, Facts, Origin, Status, group_entities,
};
use crate::model::document::Document;
use crate::model::entity_id::EntityId;
use crate::model::format::FormatId;
use crate::model::label::Label;
use crate::model::span::{Span, SpanError};

/// The value of the `format` field.
pub const FORMAT_NAME: &str = "taliq-annotations";
/// The schema version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// The value of `offset_unit`.
pub const OFFSET_UNIT: &str = "unicode_scalar_value";

/// Why a JSON file could not be read back as annotations.
#[derive(Debug, Error)]
pub enum ImportError {
    /// Not JSON, or JSON of another shape.
    #[error("not a Taliq annotation file: {}", json_error_words(.0))]
    Json(#[from] serde_json::Error),
    /// The `format` field names another format.
    #[error("not a Taliq annotation file (format is {0:?})")]
    ForeignFormat(String),
    /// Written by a newer Taliq.
    #[error(
        "written by a newer Taliq (format version {0}); this build reads version {FORMAT_VERSION}"
    )]
    NewerVersion(u32),
    /// Offsets in an unknown unit.
    #[error("offsets are in {0:?}, expected {OFFSET_UNIT:?}")]
    OffsetUnit(String),
    /// An annotation's offsets are invalid for the document.
    #[error("annotation {id}: {reason}")]
    BadSpan {
        /// The annotation's id.
        id: u64,
        /// What is wrong with its offsets.
        reason: SpanError,
    },
    /// An annotation's `text` differs from the document slice.
    #[error("annotation {id}: text {text:?} does not match the document at {start}..{end}")]
    TextMismatch {
        /// The annotation's id.
        id: u64,
        /// Start offset.
        start: usize,
        /// End offset.
        end: usize,
        /// The stored text.
        text: String,
    },
    /// Two annotations share an id.
    #[error("annotation id {0} appears twice")]
    DuplicateId(u64),
}

/// Metadata and text of the annotated document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// Source file name, without directories.
    pub source: String,
    /// Encoding the file was decoded from.
    pub encoding: String,
    /// Lowercase hex SHA-256 of `text` as UTF-8.
    pub sha256: String,
    /// Length of `text` in Unicode scalar values.
    pub char_count: usize,
    /// The full text the offsets refer to.
    pub text: String,
}

/// One annotation as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnotationRecord {
    /// Unique id within the file.
    pub id: u64,
    /// First char offset.
    pub start: usize,
    /// One past the last char offset.
    pub end: usize,
    /// `document.text[start..end]` in chars.
    pub text: String,
    /// Guideline label.
    pub label: Label,
    /// `extracted`, `manual` or `imported`.
    pub origin: Origin,
    /// The tool an imported annotation came from (its format's name, `label-studio`);
    /// written only for imported annotations whose tool is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool: Option<FormatId>,
    /// `pending`, `accepted` or `rejected`.
    pub status: Status,
    /// Annotator's note, possibly empty.
    #[serde(default)]
    pub note: String,
    /// Id of the entity, written `LABEL:canonical`. A rejected annotation keeps the id it
    /// had, which then names no entry of [`ExportFile::entities`] (they group the
    /// non-rejected annotations).
    pub entity: EntityId,
    /// The facts: `attributes`, `speaker`, `value`, `hijri`, each written only when known.
    #[serde(flatten)]
    pub facts: FactRecord,
}

impl AnnotationRecord {
    /// The record of annotation `a` of `doc`, as the export writes it (`text` is the
    /// document slice, `entity` its label and canonical name).
    #[must_use]
    pub fn of(doc: &Document, a: &Annotation) -> AnnotationRecord {
        AnnotationRecord {
            id: a.id,
            start: a.span.start(),
            end: a.span.end(),
            text: doc.slice(a.span.start(), a.span.end()).into(),
            label: a.label,
            origin: a.origin,
            tool: a.origin.tool(),
            status: a.status,
            note: a.note.clone(),
            entity: EntityId::new(a.label, a.canonical.clone()),
            facts: FactRecord::of(&a.facts),
        }
    }

    /// The annotation this record describes, placed at `span` (checked by the caller
    /// against the document). The canonical name is the one of `entity`, or the
    /// annotation's text when that is empty or `entity` is of another label.
    #[must_use]
    pub fn to_annotation(&self, span: Span) -> Annotation {
        let canonical = Some(self.entity.canonical())
            .filter(|c| self.entity.label() == self.label && !c.is_empty())
            .unwrap_or(&self.text)
            .to_owned();
        Annotation {
            id: self.id,
            span,
            label: self.label,
            origin: match self.origin {
                Origin::Imported(_) => Origin::Imported(self.tool),
                other => other,
            },
            status: self.status,
            note: self.note.clone(),
            canonical,
            facts: self.facts(),
        }
    }

    /// The facts stored with the record.
    #[must_use]
    pub fn facts(&self) -> Facts {
        self.facts.to_facts()
    }
}

/// A hash of a file's bytes (FNV-1a, 64 bit), to notice that a sidecar was changed by
/// someone else (another window, a sync tool) since this session last read or wrote it,
/// and to name the sidecar a journal line applies on ([`journal::JournalEntry::base`]).
#[must_use]
pub fn content_fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A whole export/sidecar file. Read leniently: fields left out of a hand-made file are
/// filled in as [`lenient`] describes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "lenient::ExportFileIn")]
pub struct ExportFile {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// Schema version, [`FORMAT_VERSION`].
    pub version: u32,
    /// The document.
    pub document: DocumentRecord,
    /// Always [`OFFSET_UNIT`].
    pub offset_unit: String,
    /// The label set, in guideline order.
    pub labels: Vec<Label>,
    /// All annotations, in text order (rejected ones included, with their status).
    pub annotations: Vec<AnnotationRecord>,
    /// Entities over the non-rejected annotations.
    pub entities: Vec<Entity>,
    /// The annotator's mark on the whole article (Project ▸ Mark as done): `true` done,
    /// `false` not done, absent when not marked (progress then follows the decisions;
    /// [`crate::workspace::corpus::Progress::with_mark`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<bool>,
}

impl ExportFile {
    /// Builds the export of `annotations` over `doc`; annotations are written in text order.
    #[must_use]
    pub fn new(doc: &Document, annotations: &[Annotation]) -> ExportFile {
        let mut anns: Vec<&Annotation> = annotations.iter().collect();
        anns.sort_by_key(|a| (a.span.start(), a.span.end(), a.id));
        ExportFile {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            document: DocumentRecord {
                source: doc.source_name().into(),
                encoding: doc.encoding().into(),
                sha256: doc.sha256().into(),
                char_count: doc.char_len(),
                text: doc.text().into(),
            },
            offset_unit: OFFSET_UNIT.into(),
            labels: Label::ALL.to_vec(),
            annotations: anns
                .into_iter()
                .map(|a| AnnotationRecord::of(doc, a))
                .collect(),
            entities: group_entities(annotations),
            done: None,
        }
    }

    /// True when no annotation of the file was suggested by the extractor (none has origin
    /// `extracted`): the work was made by hand, or converted from other annotations, and
    /// never run through the extractor. Opening such a file adds the extractor's
    /// suggestions beside its annotations ([`crate::session::Session::restore_using`]).
    /// A file Taliq wrote holds every suggestion it was given, decided or not (rejecting
    /// one keeps it), so it counts as never extracted only when extraction found nothing
    /// in the article; extracting again then changes nothing unless the project lexicon
    /// did.
    #[must_use]
    pub fn never_extracted(&self) -> bool {
        !self
            .annotations
            .iter()
            .any(|a| a.origin == Origin::Extracted)
    }

    /// Pretty-printed JSON (UTF-8, Arabic unescaped), ending with a newline.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Parses and checks the header fields (format, version, offset unit).
    ///
    /// # Errors
    /// [`ImportError`] for malformed JSON or a foreign/newer header.
    pub fn from_json(json: &str) -> Result<ExportFile, ImportError> {
        // a BOM some editors put in front of a file they saved
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let file: ExportFile = serde_json::from_str(json)?;
        if file.format != FORMAT_NAME {
            return Err(ImportError::ForeignFormat(file.format));
        }
        if file.version > FORMAT_VERSION {
            return Err(ImportError::NewerVersion(file.version));
        }
        if file.offset_unit != OFFSET_UNIT {
            return Err(ImportError::OffsetUnit(file.offset_unit));
        }
        Ok(file)
    }

    /// What can be read from a file cut short (a disk filled up, a copy interrupted):
    /// the header, the document and every annotation of the `annotations` array that is
    /// complete, in a file laid out as [`ExportFile::to_json`] writes it (`document`
    /// before `annotations`). `entities` is left empty. `None` when not even the
    /// document is complete, or the file is not laid out that way.
    #[must_use]
    pub fn salvage(json: &str) -> Option<ExportFile> {
        // the key can only be a key: inside a JSON string its quotes are escaped
        let key = json.find("\"annotations\"")?;
        let mut end = key + json[key..].find('[')? + 1;
        loop {
            let rest = &json[end..];
            let next = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
            if !next.starts_with('{') {
                break;
            }
            let mut records =
                serde_json::Deserializer::from_str(next).into_iter::<lenient::AnnotationIn>();
            match records.next() {
                Some(Ok(_)) => end += rest.len() - next.len() + records.byte_offset(),
                _ => break,
            }
        }
        let repaired = format!("{}\n  ],\n  \"entities\": []\n}}", &json[..end]);
        ExportFile::from_json(&repaired).ok()
    }

    /// Rebuilds validated annotations against `doc` (which should have the file's text).
    ///
    /// # Errors
    /// [`ImportError::BadSpan`], [`ImportError::TextMismatch`] or
    /// [`ImportError::DuplicateId`] at the first bad record; nothing is partially returned.
    pub fn annotations_for(&self, doc: &Document) -> Result<Vec<Annotation>, ImportError> {
        let mut seen = std::collections::HashSet::new();
        self.annotations
            .iter()
            .map(|r| {
                if !seen.insert(r.id) {
                    return Err(ImportError::DuplicateId(r.id));
                }
                let span = Span::new(doc, r.start, r.end)
                    .map_err(|reason| ImportError::BadSpan { id: r.id, reason })?;
                if doc.slice(r.start, r.end) != r.text {
                    return Err(ImportError::TextMismatch {
                        id: r.id,
                        start: r.start,
                        end: r.end,
                        text: r.text.clone(),
                    });
                }
                Ok(r.to_annotation(span))
            })
            .collect()
    }
}

/// Taliq's own JSON through the interchange seam ([`crate::formats::exchange`]): every
/// annotation with its status, note, facts and entity, so nothing is left out.
#[derive(Debug, Clone, Copy, Default)]
pub struct TaliqJson;

impl Exporter for TaliqJson {
    fn export(&self, doc: &Document, annotations: &[Annotation]) -> Exported {
        Exported {
            bytes: ExportFile::new(doc, annotations).to_json().into_bytes(),
            left_out: Vec::new(),
            companions: Vec::new(),
        }
    }

    /// A Taliq file holds one article: `None` for several.
    fn export_all(&self, articles: &[(&Document, &[Annotation])]) -> Option<Exported> {
        one_article(self, articles)
    }
}

#[cfg(test)]
mod tests {
    /// Found by a tester: a hand-made file's mistakes came back in serde's words.
    #[test]
    fn json_mistakes_are_said_in_terms_of_the_file() {
        let words = |json: &str| ExportFile::from_json(json).unwrap_err().to_string();
        let doc = r#"{"document": {"text": "قال بوتين"}, "annotations": [ANN]}"#;
        let label = words(&doc.replace("ANN", r#"{"start": 4, "end": 9, "label": "person"}"#));
        assert!(label.contains("“person” is not one of: PERSON"), "{label}");
        assert!(label.contains("(line 1, column"), "{label}");
        let start = words(&doc.replace("ANN", r#"{"start": "x", "end": 9, "label": "PERSON"}"#));
        assert!(
            start.contains("found a string \"x\" where a whole number (0 or more) is expected"),
            "{start}"
        );
        let missing = words(r#"{"document": {}}"#);
        assert!(missing.contains("the field “text” is missing"), "{missing}");
        let surrogate = words(r#"{"document": {"text": "\ud800"}}"#);
        assert!(surrogate.contains("lone UTF-16 surrogate"), "{surrogate}");
    }

    use super::*;
    use crate::model::annotation::{DateValue, PersonAttributes, SpeakerLink};

    fn sample() -> (Document, Vec<Annotation>) {
        let d = Document::from_text("قال بوتين 👋🏽 إنّ \"G7\" مهمة", "a.txt", "UTF-8");
        let a = |id, s, e, label| Annotation {
            id,
            span: Span::new(&d, s, e).unwrap(),
            label,
            origin: Origin::Manual,
            status: Status::Accepted,
            note: "ملاحظة".into(),
            canonical: d.slice(s, e).into(),
            facts: Facts::default(),
        };
        let mut anns = vec![a(2, 18, 20, Label::Organization), a(1, 4, 9, Label::Person)];
        anns[1].facts.attributes = Some(PersonAttributes {
            role: Some("الرئيس".into()),
            nationality: Some("روسيا".into()),
        });
        (d, anns)
    }

    #[test]
    fn facts_round_trip_and_files_without_them_still_load() {
        let d = Document::from_text("قال بوتين: \"نعم\" في 15 رمضان 1445 هـ", "a.txt", "UTF-8");
        let mk = |id, s, e, label, facts| Annotation {
            id,
            span: Span::new(&d, s, e).unwrap(),
            label,
            origin: Origin::Extracted,
            status: Status::Pending,
            note: String::new(),
            canonical: d.slice(s, e).into(),
            facts,
        };
        let anns = vec![
            mk(1, 4, 9, Label::Person, Facts::default()),
            mk(
                2,
                12,
                15,
                Label::Quote,
                Facts {
                    speaker: Some(SpeakerLink {
                        entity: EntityId::new(Label::Person, "بوتين"),
                        mention: Some(1),
                    }),
                    ..Facts::default()
                },
            ),
            mk(
                3,
                20,
                36,
                Label::Date,
                Facts {
                    value: Some(DateValue {
                        value: "2024-03-25".into(),
                        hijri: Some("1445-09-15".into()),
                    }),
                    ..Facts::default()
                },
            ),
        ];
        let json = ExportFile::new(&d, &anns).to_json();
        assert!(json.contains("\"value\": \"2024-03-25\""), "{json}");
        assert!(json.contains("\"hijri\": \"1445-09-15\""), "{json}");
        assert!(json.contains("\"mention\": 1"), "{json}");
        // no empty fact is written
        assert!(
            !json.contains("null") && !json.contains("\"attributes\""),
            "{json}"
        );
        let back = ExportFile::from_json(&json).unwrap();
        let mut restored = back.annotations_for(&d).unwrap();
        restored.sort_by_key(|a| a.id);
        assert_eq!(restored, anns);
        let date = back
            .entities
            .iter()
            .find(|e| e.label() == Label::Date)
            .unwrap();
        assert_eq!(date.facts.value.as_deref(), Some("2024-03-25"));
        assert_eq!(date.facts.hijri.as_deref(), Some("1445-09-15"));
        // a file written before the facts existed
        let old = r#"{"format":"taliq-annotations","version":1,
            "document":{"source":"a.txt","encoding":"UTF-8","sha256":"x","char_count":9,"text":"قال بوتين"},
            "offset_unit":"unicode_scalar_value","labels":["PERSON"],
            "annotations":[{"id":1,"start":4,"end":9,"text":"بوتين","label":"PERSON",
                "origin":"extracted","status":"pending","note":"","entity":"PERSON:بوتين"}],
            "entities":[{"id":"PERSON:بوتين","label":"PERSON","canonical":"بوتين","mentions":[1]}]}"#;
        let file = ExportFile::from_json(old).unwrap();
        let d2 = Document::from_text("قال بوتين", "a.txt", "UTF-8");
        let anns = file.annotations_for(&d2).unwrap();
        assert!(anns[0].facts.is_empty());
        assert!(file.entities[0].facts.attributes.is_none());
    }

    #[test]
    fn export_slices_back_and_round_trips() {
        let (d, anns) = sample();
        let file = ExportFile::new(&d, &anns);
        let json = file.to_json();
        let back = ExportFile::from_json(&json).unwrap();
        assert_eq!(back, file);
        let chars: Vec<char> = back.document.text.chars().collect();
        for r in &back.annotations {
            assert_eq!(chars[r.start..r.end].iter().collect::<String>(), r.text);
        }
        assert_eq!(back.annotations[0].text, "بوتين");
        assert_eq!(back.annotations[1].text, "G7");
        let mut restored = back.annotations_for(&d).unwrap();
        restored.sort_by_key(|a| a.id);
        let mut orig = anns;
        orig.sort_by_key(|a| a.id);
        assert_eq!(restored, orig);
    }

    #[test]
    fn foreign_and_tampered_files_are_refused() {
        let (d, anns) = sample();
        assert!(matches!(
            ExportFile::from_json("{\"a\":1}"),
            Err(ImportError::Json(_))
        ));
        let mut file = ExportFile::new(&d, &anns);
        file.annotations[0].end += 1;
        assert!(matches!(
            file.annotations_for(&d),
            Err(ImportError::TextMismatch { .. })
        ));
        file.format = "brat".into();
        let json = serde_json::to_string(&file).unwrap();
        assert!(matches!(
            ExportFile::from_json(&json),
            Err(ImportError::ForeignFormat(_))
        ));
    }

    /// Found by the tester (A8): a sidecar cut short lost all its intact decisions.
    #[test]
    fn a_file_cut_short_gives_back_its_complete_annotations() {
        let (d, anns) = sample();
        let json = ExportFile::new(&d, &anns).to_json();
        // cut inside the second annotation
        let cut = json.find("\"G7\"").unwrap();
        let salvaged = ExportFile::salvage(&json[..cut]).unwrap();
        assert_eq!(salvaged.annotations.len(), 1);
        assert_eq!(salvaged.annotations[0].text, "بوتين");
        assert_eq!(salvaged.annotations_for(&d).unwrap()[0], anns[1]);
        // cut inside the document: nothing to give back
        let cut = json.find("char_count").unwrap();
        assert!(ExportFile::salvage(&json[..cut]).is_none());
        // the whole file salvages to itself but for the entities
        assert_eq!(ExportFile::salvage(&json).unwrap().annotations.len(), 2);
    }

    #[test]
    fn a_hand_made_file_without_entity_ids_reads_with_the_left_out_fields_filled_in() {
        let text = "قال بوتين في موسكو إن الكرملين";
        let json = format!(
            r#"{{"document": {{"text": "{text}"}},
                "annotations": [
                  {{"id": 7, "start": 4, "end": 9, "label": "PERSON", "text": "بوتين"}},
                  {{"start": 13, "end": 18, "label": "LOCATION"}},
                  {{"start": 22, "end": 30, "label": "ORGANIZATION", "origin": "extracted",
                    "entity": null, "note": "من الملف"}}
                ]}}"#
        );
        let file = ExportFile::from_json(&json).unwrap();
        let d = Document::from_text(text, "a.txt", "UTF-8");
        assert_eq!(file.format, FORMAT_NAME);
        assert_eq!(file.version, FORMAT_VERSION);
        assert_eq!(file.offset_unit, OFFSET_UNIT);
        assert_eq!(file.labels, Label::ALL.to_vec());
        assert_eq!(
            file.document.sha256,
            d.sha256(),
            "found again as work on this text"
        );
        assert_eq!(file.document.char_count, d.char_len());
        assert_eq!(file.document.source, "");
        let ids: Vec<u64> = file.annotations.iter().map(|a| a.id).collect();
        assert_eq!(ids, [7, 8, 9], "after the largest id given, in file order");
        let r = &file.annotations[1];
        assert_eq!(r.text, "موسكو", "the slice of the text");
        assert_eq!((r.origin, r.status), (Origin::Manual, Status::Accepted));
        assert_eq!(r.entity.to_string(), "LOCATION:موسكو");
        let r = &file.annotations[2];
        assert_eq!((r.origin, r.status), (Origin::Extracted, Status::Pending));
        assert_eq!(r.entity.to_string(), "ORGANIZATION:الكرملين");
        assert_eq!(r.note, "من الملف");
        let anns = file.annotations_for(&d).unwrap();
        assert_eq!(anns[0].canonical, "بوتين");
        assert!(
            !file.never_extracted(),
            "one annotation says it was extracted"
        );
        // still checked: a wrong text, an offset past the end, a label, the document text
        let bad = json.replace(r#""text": "بوتين""#, r#""text": "ترامب""#);
        assert!(matches!(
            ExportFile::from_json(&bad).unwrap().annotations_for(&d),
            Err(ImportError::TextMismatch { id: 7, .. })
        ));
        let bad = json.replace(r#""start": 13, "end": 18"#, r#""start": 13, "end": 99"#);
        assert!(matches!(
            ExportFile::from_json(&bad).unwrap().annotations_for(&d),
            Err(ImportError::BadSpan { id: 8, .. })
        ));
        assert!(ExportFile::from_json(&json.replace("LOCATION", "PLACE")).is_err());
        assert!(ExportFile::from_json(r#"{"annotations": []}"#).is_err());
        assert!(
            ExportFile::from_json(
                &json.replace(r#"{"document""#, r#"{"format": "brat", "document""#)
            )
            .is_err()
        );
    }

    #[test]
    fn a_file_taliq_wrote_reads_back_unchanged_and_writes_the_same_bytes() {
        let (d, mut anns) = sample();
        anns[0].origin = Origin::Extracted;
        anns[0].status = Status::Rejected;
        anns[1].note = String::new();
        let json = ExportFile::new(&d, &anns).to_json();
        let back = ExportFile::from_json(&json).unwrap();
        assert_eq!(back.to_json(), json);
        assert_eq!(back, ExportFile::new(&d, &anns));
        assert!(!back.never_extracted());
    }

    /// An imported annotation keeps the tool it came from through a save; one of a file
    /// that does not name it loads as imported from an unknown tool.
    #[test]
    fn the_tool_of_an_imported_annotation_is_written_and_read_back() {
        let (d, mut anns) = sample();
        anns[0].origin = Origin::Imported(Some(FormatId::LabelStudio));
        anns[1].origin = Origin::Imported(None);
        let json = ExportFile::new(&d, &anns).to_json();
        assert_eq!(
            json.matches(r#""tool": "label-studio""#).count(),
            1,
            "{json}"
        );
        let back = ExportFile::from_json(&json)
            .unwrap()
            .annotations_for(&d)
            .unwrap();
        let origin = |id| back.iter().find(|a| a.id == id).unwrap().origin;
        assert_eq!(
            origin(anns[0].id),
            Origin::Imported(Some(FormatId::LabelStudio))
        );
        assert_eq!(origin(anns[1].id), Origin::Imported(None));
    }

    /// The JSON Schema's list of tools is the list of formats.
    #[test]
    fn the_schema_names_every_tool() {
        let schema: serde_json::Value = serde_json::from_str(include_str!(
            "../../../schema/taliq-annotations.schema.json"
        ))
        .unwrap();
        let tools = &schema["$defs"]["annotation"]["properties"]["tool"]["enum"];
        let names: Vec<&str> = FormatId::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(tools, &serde_json::json!(names));
    }
}
