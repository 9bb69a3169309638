//! doccano JSON Lines, sequence labelling: one document a line,
//! `{"text": "…", "label": [[start, end, "LABEL"], …]}`; read also in the relation form
//! `{"text", "entities": [{"id", "start_offset", "end_offset", "label"}], "relations":
//! [{"from_id", "to_id", "type"}]}` and with `{"start_offset", "end_offset", "label"}`
//! objects in `label`. Written: the decided annotations in `label`, the notes in
//! `Comments` (doccano exports its comments there and imports them as metadata), and with
//! `--relations` ([`Doccano::relations`]) the relation form with a `SPEAKER` relation from
//! each quote to its speaker.
//!
//! Offsets are UTF-16 code units: doccano stores what it is given, and its web interface
//! counts JavaScript string indexes, so a file read by doccano highlights the right
//! characters after an emoji only in that unit (doccano#2290, #2484; the interop
//! reference, section 1). For Arabic text without astral characters it is the same as code
//! points.

use serde::Deserialize;
use serde_json::{Value, json};

use crate::formats::exchange::{
    Carries, Exported, Exporter, ForeignDocument, ForeignSpan, Importer, LEFT_OUT_KEY, ReadError,
    in_text_order, json_lines, left_out, left_out_record, some_documents,
};
use crate::formats::offsets::{OffsetUnit, to_unit};
use crate::model::annotation::{Annotation, Status};
use crate::model::document::Document;

/// doccano's JSON Lines; `relations` writes the relation form (a relation project's
/// import, "JSONL(Relation)") with speakers, else the sequence labelling form.
#[derive(Debug, Clone, Copy, Default)]
pub struct Doccano {
    /// Write `entities`/`relations` instead of `label`.
    pub relations: bool,
    /// Write the pending suggestions too, beside the accepted annotations (doccano has no
    /// review status, so they come in as labels to review there: pre-annotation, as
    /// `taliq extract --format doccano` writes them).
    pub pending: bool,
}

/// The relation type written from a quote to its speaker, and read (any case) as one.
pub const SPEAKER: &str = "SPEAKER";

impl Exporter for Doccano {
    fn export(&self, doc: &Document, annotations: &[Annotation]) -> Exported {
        let unit = |c: usize| to_unit(doc, c, OffsetUnit::Utf16).unwrap_or(c);
        let decided: Vec<&Annotation> = in_text_order(annotations)
            .into_iter()
            .filter(|a| {
                a.status == Status::Accepted || (self.pending && a.status == Status::Pending)
            })
            .collect();
        let notes: Vec<&str> = decided
            .iter()
            .filter(|a| !a.note.is_empty())
            .map(|a| a.note.as_str())
            .collect();
        let mut line = json!({ "text": doc.text() });
        if self.relations {
            let entities: Vec<Value> = decided
                .iter()
                .map(|a| {
                    json!({"id": a.id, "start_offset": unit(a.span.start()),
                           "end_offset": unit(a.span.end()), "label": a.label.as_str()})
                })
                .collect();
            let relations: Vec<Value> = decided
                .iter()
                .filter_map(|a| {
                    let to = a.facts.speaker.as_ref()?.mention?;
                    decided
                        .iter()
                        .any(|b| b.id == to)
                        .then(|| json!({"id": a.id, "from_id": a.id, "to_id": to, "type": SPEAKER}))
                })
                .collect();
            line["entities"] = Value::from(entities);
            line["relations"] = Value::from(relations);
        } else {
            let label: Vec<Value> = decided
                .iter()
                .map(|a| json!([unit(a.span.start()), unit(a.span.end()), a.label.as_str()]))
                .collect();
            line["label"] = Value::from(label);
        }
        if !notes.is_empty() {
            line["Comments"] = Value::from(notes);
        }
        let mut carries = vec![Carries::Notes];
        if self.relations {
            carries.push(Carries::Speakers);
        }
        if self.pending {
            carries.push(Carries::Pending);
        }
        let left = left_out(doc, annotations, &carries);
        if let Some(record) = left_out_record(&left) {
            line[LEFT_OUT_KEY] = record;
        }
        Exported {
            bytes: format!("{line}\n").into_bytes(),
            left_out: left,
            companions: Vec::new(),
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum LabelItem {
    Triple(usize, usize, String),
    Object {
        start_offset: usize,
        end_offset: usize,
        label: String,
    },
}

#[derive(Deserialize)]
struct Entity {
    id: Value,
    start_offset: usize,
    end_offset: usize,
    label: String,
}

#[derive(Deserialize)]
struct Relation {
    from_id: Value,
    to_id: Value,
    #[serde(rename = "type", default)]
    kind: String,
}

#[derive(Deserialize)]
struct Line {
    text: String,
    #[serde(default)]
    label: Vec<LabelItem>,
    #[serde(default)]
    entities: Vec<Entity>,
    #[serde(default)]
    relations: Vec<Relation>,
    #[serde(default)]
    source: Option<Value>,
    #[serde(default)]
    id: Option<Value>,
}

fn name_of(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_owned)
}

impl Importer for Doccano {
    fn import(&self, bytes: &[u8]) -> Result<Vec<ForeignDocument>, ReadError> {
        let mut docs = Vec::new();
        for (_, line) in json_lines::<Line>(bytes)? {
            let mut spans: Vec<ForeignSpan> = line
                .label
                .into_iter()
                .map(|l| match l {
                    LabelItem::Triple(s, e, label)
                    | LabelItem::Object {
                        start_offset: s,
                        end_offset: e,
                        label,
                    } => ForeignSpan::new(s, e, label),
                })
                .collect();
            let first_entity = spans.len();
            spans.extend(line.entities.into_iter().map(|e| ForeignSpan {
                id: Some(name_of(&e.id)),
                ..ForeignSpan::new(e.start_offset, e.end_offset, e.label)
            }));
            let index_of = |id: &Value| {
                let id = name_of(id);
                spans[first_entity..]
                    .iter()
                    .position(|s| s.id.as_deref() == Some(id.as_str()))
                    .map(|i| first_entity + i)
            };
            let speakers = line
                .relations
                .iter()
                .filter(|r| r.kind.eq_ignore_ascii_case(SPEAKER))
                .filter_map(|r| Some((index_of(&r.from_id)?, index_of(&r.to_id)?)))
                .collect();
            docs.push(ForeignDocument {
                text: line.text,
                name: line.source.or(line.id).as_ref().map(name_of),
                unit: OffsetUnit::Utf16,
                spans,
                speakers,
            });
        }
        some_documents(docs)
    }
}

#[cfg(test)]
mod tests {
    use super::Doccano;
    use crate::formats::exchange::testing::placed;
    use crate::formats::exchange::{Exporter, Importer, LeftOut, ReadError};
    use crate::formats::offsets::OffsetUnit;
    use crate::model::annotation::Status;
    use crate::model::document::Document;
    use crate::model::label::Label;

    fn sample() -> (Document, Vec<crate::model::annotation::Annotation>) {
        let doc = Document::from_text(
            "👍 قال الرئيس عبد الفتاح السيسي: «لن نتراجع»",
            "t.txt",
            "UTF-8",
        );
        let mut anns = crate::formats::exchange::testing::marked(
            &doc,
            &[
                (13, 30, Label::Person, Status::Accepted),
                (33, 42, Label::Quote, Status::Accepted),
                (6, 12, Label::Misc, Status::Pending),
            ],
        );
        anns[0].note = "رئيس مصر".into();
        crate::formats::exchange::testing::link_speaker(&mut anns, 1, 0);
        (doc, anns)
    }

    #[test]
    fn export_counts_utf16_units_and_names_what_it_leaves_out() {
        let (doc, anns) = sample();
        let out = Doccano::default().export(&doc, &anns);
        let line: serde_json::Value = serde_json::from_str(out.text().trim_end()).unwrap();
        assert_eq!(
            line["label"],
            serde_json::json!([[14, 31, "PERSON"], [34, 43, "QUOTE"]])
        );
        assert_eq!(line["Comments"], serde_json::json!(["رئيس مصر"]));
        assert_eq!(out.left_out, [LeftOut::Pending(1), LeftOut::Speakers(1)]);
        let rel = Doccano {
            relations: true,
            pending: false,
        }
        .export(&doc, &anns);
        let line: serde_json::Value = serde_json::from_str(rel.text().trim_end()).unwrap();
        assert_eq!(line["relations"][0]["type"], "SPEAKER");
        assert_eq!(line["entities"][1]["start_offset"], 34);
        assert_eq!(rel.left_out, [LeftOut::Pending(1)]);
        let pre = Doccano {
            relations: false,
            pending: true,
        }
        .export(&doc, &anns);
        let line: serde_json::Value = serde_json::from_str(pre.text().trim_end()).unwrap();
        assert_eq!(line["label"][0], serde_json::json!([7, 13, "MISC"]));
        assert_eq!(pre.left_out, [LeftOut::Speakers(1)]);
    }

    /// Export then import gives the same spans, labels and speaker back, in both forms.
    #[test]
    fn export_then_import_is_the_identity_for_what_doccano_holds() {
        let (doc, anns) = sample();
        for relations in [false, true] {
            let f = Doccano {
                relations,
                pending: false,
            };
            let docs = f.import(&f.export(&doc, &anns).bytes).unwrap();
            assert_eq!(docs.len(), 1);
            assert_eq!(docs[0].unit, OffsetUnit::Utf16);
            let placed = placed(&doc, &docs[0], crate::model::format::FormatId::Doccano);
            assert!(placed.problems.is_empty(), "{:?}", placed.problems);
            let got: Vec<_> = placed
                .annotations
                .iter()
                .map(|a| (a.span, a.label, a.facts.speaker.is_some()))
                .collect();
            let want: Vec<_> = anns[..2]
                .iter()
                .map(|a| (a.span, a.label, relations && a.facts.speaker.is_some()))
                .collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn reads_the_forms_of_doccano_and_says_which_line_is_wrong() {
        let file = concat!(
            "{\"text\": \"قال بوتين\", \"label\": [{\"start_offset\": 4, \"end_offset\": 9, \"label\": \"PER\"}], \"source\": \"ahram\"}\n",
            "\n",
            "{\"text\": \"قال بوتين\", \"label\": [[4, 9, \"PERSON\"]]}   \r\n",
        );
        let docs = Doccano::default().import(file.as_bytes()).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].name.as_deref(), Some("ahram"));
        assert_eq!((docs[1].spans[0].start, docs[1].spans[0].end), (4, 9));
        let bad = "{\"text\": \"x\"}\n{\"label\": []}\n";
        match Doccano::default().import(bad.as_bytes()) {
            Err(ReadError::Syntax { line, .. }) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
        assert_eq!(Doccano::default().import(b"\n\n"), Err(ReadError::Empty));
        assert_eq!(
            Doccano::default().import(b"\xff\xfe"),
            Err(ReadError::NotUtf8)
        );
    }
}
