//! Reading export/sidecar files that a person (or a script converting other annotations)
//! wrote by hand: the fields Taliq always writes but whose value follows from the rest
//! may be left out, and are filled in as below. A file Taliq wrote has every field, so
//! it reads exactly as before and writes back byte for byte the same.
//!
//! | field | when left out |
//! |---|---|
//! | `format` | `"taliq-annotations"` (another value is still refused) |
//! | `version` | 1 |
//! | `offset_unit` | `"unicode_scalar_value"` (another value is still refused) |
//! | `labels` | the guideline label set |
//! | `document.source` | empty: the file names no article (it is not taken for another article's on that ground) |
//! | `document.encoding` | `"UTF-8"` |
//! | `document.sha256` | the SHA-256 of `document.text`, as Taliq computes it |
//! | `document.char_count` | the length of `document.text` in chars |
//! | `annotations` | none |
//! | `annotations[].id` | the next free id, in file order after the largest id given |
//! | `annotations[].text` | the slice `document.text[start..end]` (chars) |
//! | `annotations[].origin` | `manual`: a person made it |
//! | `annotations[].tool` | none (the tool of an imported annotation is not known) |
//! | `annotations[].status` | `accepted` for a manual annotation (a person's decision, as a manual label made in the app starts), `pending` for an `extracted` one (a suggestion nobody reviewed) |
//! | `annotations[].note` | empty |
//! | `annotations[].entity` | `LABEL:text`: the mention's own text is its canonical name, as for a manual label made in the app |
//! | `entities` | none (Taliq groups the entities again from the annotations) |
//! | `done` | not marked (progress follows the decisions) |
//!
//! Still required: `document.text` (what the offsets count in, and what tells Taliq
//! whether the article changed since), and each annotation's `start`, `end` and `label`.
//! Everything read is then checked as for any file ([`super::ExportFile::annotations_for`]):
//! offsets in range and on the text given, ids unique.

use serde::Deserialize;

use super::{
    AnnotationRecord, DocumentRecord, ExportFile, FORMAT_NAME, FORMAT_VERSION, OFFSET_UNIT,
};
use crate::model::annotation::{Entity, FactRecord, Origin, Status};
use crate::model::entity_id::EntityId;
use crate::model::format::FormatId;
use crate::model::label::Label;

/// An export file as read, before the left-out fields are filled in.
#[derive(Deserialize)]
pub(super) struct ExportFileIn {
    format: Option<String>,
    version: Option<u32>,
    document: DocumentIn,
    offset_unit: Option<String>,
    labels: Option<Vec<Label>>,
    #[serde(default)]
    annotations: Vec<AnnotationIn>,
    #[serde(default)]
    entities: Vec<Entity>,
    #[serde(default)]
    done: Option<bool>,
}

#[derive(Deserialize)]
struct DocumentIn {
    source: Option<String>,
    encoding: Option<String>,
    sha256: Option<String>,
    char_count: Option<usize>,
    text: String,
}

/// One annotation as read (see the table in the module doc for what is filled in).
#[derive(Deserialize)]
pub(super) struct AnnotationIn {
    id: Option<u64>,
    start: usize,
    end: usize,
    text: Option<String>,
    label: Label,
    origin: Option<Origin>,
    tool: Option<FormatId>,
    status: Option<Status>,
    note: Option<String>,
    entity: Option<String>,
    #[serde(flatten)]
    facts: FactRecord,
}

impl From<ExportFileIn> for ExportFile {
    fn from(f: ExportFileIn) -> ExportFile {
        let text = f.document.text;
        // byte offset of each char, built only when some annotation lacks its text
        let mut char_starts: Option<Vec<usize>> = None;
        let mut slice = |start: usize, end: usize| -> String {
            let starts = char_starts.get_or_insert_with(|| {
                text.char_indices()
                    .map(|(b, _)| b)
                    .chain(std::iter::once(text.len()))
                    .collect()
            });
            match (starts.get(start), starts.get(end)) {
                (Some(&a), Some(&b)) if start <= end => text[a..b].to_owned(),
                _ => String::new(), // out of range: refused by the span check later
            }
        };
        let mut next_id = f
            .annotations
            .iter()
            .filter_map(|a| a.id)
            .max()
            .map_or(1, |m| m.saturating_add(1));
        let annotations = f
            .annotations
            .into_iter()
            .map(|a| {
                let id = a.id.unwrap_or_else(|| {
                    next_id += 1;
                    next_id - 1
                });
                let text = a.text.unwrap_or_else(|| slice(a.start, a.end));
                let origin = a.origin.unwrap_or(Origin::Manual);
                let status = a.status.unwrap_or(match origin {
                    Origin::Manual | Origin::Imported(_) => Status::Accepted,
                    Origin::Extracted => Status::Pending,
                });
                // an id of another form reads as left out: it named no canonical name
                let entity = a
                    .entity
                    .and_then(|e| e.parse::<EntityId>().ok())
                    .unwrap_or_else(|| EntityId::new(a.label, text.clone()));
                AnnotationRecord {
                    id,
                    start: a.start,
                    end: a.end,
                    text,
                    label: a.label,
                    origin,
                    tool: a.tool.filter(|_| origin.is_imported()),
                    status,
                    note: a.note.unwrap_or_default(),
                    entity,
                    facts: a.facts,
                }
            })
            .collect();
        let sha256 = f.document.sha256.unwrap_or_else(|| {
            crate::model::document::Document::from_text(&text, "", "")
                .sha256()
                .to_owned()
        });
        ExportFile {
            format: f.format.unwrap_or_else(|| FORMAT_NAME.to_owned()),
            version: f.version.unwrap_or(FORMAT_VERSION),
            document: DocumentRecord {
                source: f.document.source.unwrap_or_default(),
                encoding: f.document.encoding.unwrap_or_else(|| "UTF-8".to_owned()),
                sha256,
                char_count: f
                    .document
                    .char_count
                    .unwrap_or_else(|| text.chars().count()),
                text,
            },
            offset_unit: f.offset_unit.unwrap_or_else(|| OFFSET_UNIT.to_owned()),
            labels: f.labels.unwrap_or_else(|| Label::ALL.to_vec()),
            annotations,
            entities: f.entities,
            done: f.done,
        }
    }
}
