//! Label Studio's JSON-MIN export: a JSON list with one record per finished annotation,
//! the task's data fields at the top (`text`), then `id` and, for each control, what it
//! holds: for a `Labels` control (`label` in [`super::LABELING_CONFIG`]) the list of
//! regions `{"start", "end", "text", "labels": [...]}`, offsets in code points, end
//! exclusive (the interop reference, section 2; `label_studio_sdk.converter` writes it
//! with `convert_to_json_min`). It drops relations and task metadata and cuts per-region
//! notes loose from their regions, so Taliq writes only accepted annotations and their
//! labels, and says so; it reads every region of every list of regions a record holds,
//! as accepted annotations.

use serde_json::{Map, Value, json};

use crate::formats::exchange::{
    Exported, Exporter, ForeignDocument, ForeignSpan, Importer, LEFT_OUT_KEY, ReadError,
    in_text_order, json_value, left_out, left_out_record, merged, some_documents,
};
use crate::formats::offsets::OffsetUnit;
use crate::model::annotation::{Annotation, Status};
use crate::model::document::Document;

/// Label Studio's JSON-MIN list.
#[derive(Debug, Clone, Copy, Default)]
pub struct LabelStudioMin;

/// The record of one article, number `id` (from 1): its text, and its accepted
/// annotations as the regions of the `label` control.
fn record(doc: &Document, annotations: &[Annotation], id: usize) -> Value {
    let regions: Vec<Value> = in_text_order(annotations)
        .into_iter()
        .filter(|a| a.status == Status::Accepted)
        .map(|a| {
            let (s, e) = (a.span.start(), a.span.end());
            json!({"start": s, "end": e, "text": doc.slice(s, e), "labels": [a.label.as_str()]})
        })
        .collect();
    let mut record = json!({"text": doc.text(), "id": id, "label": regions});
    if let Some(left) = left_out_record(&left_out(doc, annotations, &[])) {
        record[LEFT_OUT_KEY] = left;
    }
    record
}

fn file(records: &[Value]) -> Vec<u8> {
    let text = serde_json::to_string_pretty(records).unwrap_or_default();
    (text + "\n").into_bytes()
}

impl Exporter for LabelStudioMin {
    fn export(&self, doc: &Document, annotations: &[Annotation]) -> Exported {
        Exported {
            bytes: file(&[record(doc, annotations, 1)]),
            left_out: left_out(doc, annotations, &[]),
            companions: Vec::new(),
        }
    }

    /// One list, a record per article, ids from 1.
    fn export_all(&self, articles: &[(&Document, &[Annotation])]) -> Option<Exported> {
        let mut records = Vec::new();
        let mut all = Vec::new();
        for (i, (doc, annotations)) in articles.iter().enumerate() {
            records.push(record(doc, annotations, i + 1));
            all = merged(&all, &left_out(doc, annotations, &[]));
        }
        Some(Exported {
            bytes: file(&records),
            left_out: all,
            companions: Vec::new(),
        })
    }
}

/// Whether `value` is a region of a `Labels` control: an object with `start`, `end` and a
/// list `labels`.
fn is_region(value: &Value) -> bool {
    value.get("start").is_some_and(Value::is_u64)
        && value.get("end").is_some_and(Value::is_u64)
        && value.get("labels").is_some_and(Value::is_array)
}

/// Whether `record` is a JSON-MIN record: a `text` string and, in some field, a list of
/// regions (or one region), and none of the task list's own keys (`data`,
/// `annotations`, `predictions`).
#[must_use]
pub fn is_min_record(record: &Value) -> bool {
    let Some(fields) = record.as_object() else {
        return false;
    };
    let task_keys = ["data", "annotations", "predictions"];
    fields.get("text").is_some_and(Value::is_string)
        && !task_keys.iter().any(|k| fields.contains_key(*k))
        && fields.values().any(|v| match v {
            Value::Array(items) => items.first().is_some_and(is_region),
            other => is_region(other),
        })
}

fn spans_of(fields: &Map<String, Value>) -> Vec<ForeignSpan> {
    let mut spans = Vec::new();
    for value in fields.values() {
        let regions: Vec<&Value> = match value {
            Value::Array(items) => items.iter().filter(|v| is_region(v)).collect(),
            one if is_region(one) => vec![one],
            _ => Vec::new(),
        };
        for r in regions {
            let offset = |k: &str| {
                r.get(k)
                    .and_then(Value::as_u64)
                    .and_then(|n| usize::try_from(n).ok())
                    .unwrap_or(usize::MAX)
            };
            let labels = r.get("labels").and_then(Value::as_array);
            for label in labels.into_iter().flatten().filter_map(Value::as_str) {
                spans.push(ForeignSpan {
                    text: r.get("text").and_then(Value::as_str).map(str::to_owned),
                    ..ForeignSpan::new(offset("start"), offset("end"), label.to_owned())
                });
            }
        }
    }
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    spans
}

impl Importer for LabelStudioMin {
    fn import(&self, bytes: &[u8]) -> Result<Vec<ForeignDocument>, ReadError> {
        let value = json_value(bytes)?;
        let records = match value {
            Value::Array(records) => records,
            one @ Value::Object(_) => vec![one],
            _ => return Err(ReadError::Empty),
        };
        let mut docs = Vec::new();
        for record in &records {
            let Some(fields) = record.as_object() else {
                continue;
            };
            let Some(text) = fields.get("text").and_then(Value::as_str) else {
                continue;
            };
            let name = fields.get("id").map(|id| match id {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
            docs.push(ForeignDocument {
                text: text.to_owned(),
                name: name.map(|n| format!("task {n}")),
                unit: OffsetUnit::CodePoint,
                spans: spans_of(fields),
                speakers: Vec::new(),
            });
        }
        some_documents(docs)
    }
}

#[cfg(test)]
mod tests {
    use super::{LabelStudioMin, is_min_record};
    use crate::formats::exchange::testing::{char_span, marked, placed};
    use crate::formats::exchange::{Exporter, Importer, LeftOut};
    use crate::model::annotation::Status;
    use crate::model::document::Document;
    use crate::model::format::FormatId;
    use crate::model::label::Label;

    #[test]
    fn accepted_annotations_go_and_come_back_and_the_rest_is_said() {
        let t = "💩 قال الرئيس عبد الفتاح السيسي:\r\n«لن نتراجع» في القاهرة";
        let doc = Document::from_text(t, "t.txt", "UTF-8");
        let (p, q, l) = (
            char_span(t, "عبد الفتاح السيسي"),
            char_span(t, "«لن نتراجع»"),
            char_span(t, "القاهرة"),
        );
        let mut anns = marked(
            &doc,
            &[
                (p.0, p.1, Label::Person, Status::Accepted),
                (q.0, q.1, Label::Quote, Status::Accepted),
                (l.0, l.1, Label::Location, Status::Pending),
            ],
        );
        anns[0].note = "رئيس".into();
        let out = LabelStudioMin.export(&doc, &anns);
        assert!(out.left_out.contains(&LeftOut::Pending(1)));
        assert!(out.left_out.contains(&LeftOut::Notes(1)));
        let records: serde_json::Value = serde_json::from_slice(&out.bytes).unwrap();
        assert!(is_min_record(&records[0]));
        assert_eq!(records[0]["label"][0]["text"], "عبد الفتاح السيسي");
        let docs = LabelStudioMin.import(&out.bytes).unwrap();
        let placed = placed(&doc, &docs[0], FormatId::LabelStudioMin);
        assert!(placed.problems.is_empty(), "{:?}", placed.problems);
        let got: Vec<_> = placed
            .annotations
            .iter()
            .map(|a| (a.span, a.label, a.status))
            .collect();
        let want: Vec<_> = anns[..2]
            .iter()
            .map(|a| (a.span, a.label, a.status))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_task_list_is_not_a_min_record_and_garbage_is_refused() {
        let task = serde_json::json!({"data": {"text": "x"}, "annotations": []});
        assert!(!is_min_record(&task));
        assert!(LabelStudioMin.import(b"[1, 2]").is_err());
        assert!(LabelStudioMin.import(b"{\"text\": ").is_err());
        assert!(LabelStudioMin.import(b"\xff\xfe").is_err());
    }
}
