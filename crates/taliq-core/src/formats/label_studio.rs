//! Label Studio JSON tasks: a list of `{"data": {"text": …}, "annotations": [{"result":
//! […]}], "predictions": [{"model_version", "result": […]}]}`. A region is a result item of
//! `type: "labels"` with `value: {start, end, text, labels: [LABEL]}`; its note is a
//! per-region `textarea` item with the same `id`; a quote's speaker a `type: "relation"`
//! item from the quote's region to the speaker's, `labels: ["speaker"]`. Offsets are code
//! points, end exclusive (Label Studio ≥ 1.0, label-studio#1559; the interop reference,
//! section 2).
//!
//! Written: accepted annotations in one completed annotation, pending suggestions as
//! predictions (`model_version: "taliq"`), which Label Studio shows as pre-annotations;
//! rejected ones are left out. Every result names the controls of [`LABELING_CONFIG`],
//! the project's labeling interface. Read: finished annotations (not cancelled) come in
//! accepted, predictions pending; a task list, one task, or a task that is its own `data`.

pub mod min;

use serde::Deserialize;
use serde_json::{Value, json};

use crate::formats::exchange::{
    Carries, Exported, Exporter, ForeignDocument, ForeignSpan, Importer, LEFT_OUT_KEY, LeftOut,
    ReadError, in_text_order, json_value, left_out, left_out_record, merged, some_documents,
};
use crate::formats::offsets::OffsetUnit;
use crate::model::annotation::{Annotation, Status};
use crate::model::document::Document;
use crate::model::label::Label;

/// Label Studio's JSON task list.
#[derive(Debug, Clone, Copy, Default)]
pub struct LabelStudio;

/// The labeling interface a Label Studio project needs to read Taliq's tasks: the text
/// (right to left), the seven labels, the speaker relation and a note per region. Paste it
/// in the project's Settings ▸ Labeling Interface ▸ Code.
pub const LABELING_CONFIG: &str = r#"<View>
  <Relations>
    <Relation value="speaker"/>
  </Relations>
  <Labels name="label" toName="text">
    <Label value="PERSON"/>
    <Label value="ORGANIZATION"/>
    <Label value="LOCATION"/>
    <Label value="DATE"/>
    <Label value="NUMBER"/>
    <Label value="MISC"/>
    <Label value="QUOTE"/>
  </Labels>
  <Text name="text" value="$text" granularity="symbol"/>
  <TextArea name="note" toName="text" perRegion="true" editable="true"/>
</View>
"#;

/// The model version written on predictions, and the relation label of a speaker.
const MODEL_VERSION: &str = "taliq";
const SPEAKER: &str = "speaker";

fn region_id(a: &Annotation) -> String {
    format!("t{}", a.id)
}

fn results(doc: &Document, anns: &[&Annotation], all: &[&Annotation]) -> Vec<Value> {
    let mut out = Vec::new();
    for a in anns {
        let (s, e) = (a.span.start(), a.span.end());
        let value = json!({"start": s, "end": e, "text": doc.slice(s, e),
                           "labels": [a.label.as_str()]});
        out.push(
            json!({"id": region_id(a), "from_name": "label", "to_name": "text",
                        "type": "labels", "value": value}),
        );
        if !a.note.is_empty() {
            out.push(
                json!({"id": region_id(a), "from_name": "note", "to_name": "text",
                            "type": "textarea",
                            "value": {"start": s, "end": e, "text": [a.note]}}),
            );
        }
    }
    for a in anns {
        if let Some(to) = a.facts.speaker.as_ref().and_then(|l| l.mention)
            && let Some(speaker) = all.iter().find(|b| b.id == to)
            && anns.iter().any(|b| b.id == to)
        {
            out.push(json!({"type": "relation", "from_id": region_id(a),
                            "to_id": region_id(speaker), "direction": "right",
                            "labels": [SPEAKER]}));
        }
    }
    out
}

impl Exporter for LabelStudio {
    fn export(&self, doc: &Document, annotations: &[Annotation]) -> Exported {
        let (task, left_out) = task(doc, annotations);
        let text = serde_json::to_string_pretty(&json!([task])).unwrap_or_default();
        Exported {
            bytes: (text + "\n").into_bytes(),
            left_out,
            companions: Vec::new(),
        }
    }

    /// One task list with a task per article.
    fn export_all(&self, articles: &[(&Document, &[Annotation])]) -> Option<Exported> {
        let mut tasks = Vec::new();
        let mut all_left_out = Vec::new();
        for (doc, annotations) in articles {
            let (task, left_out) = task(doc, annotations);
            tasks.push(task);
            all_left_out = merged(&all_left_out, &left_out);
        }
        let text = serde_json::to_string_pretty(&tasks).unwrap_or_default();
        Some(Exported {
            bytes: (text + "\n").into_bytes(),
            left_out: all_left_out,
            companions: Vec::new(),
        })
    }
}

/// The task of one article, and what it leaves out.
fn task(doc: &Document, annotations: &[Annotation]) -> (Value, Vec<LeftOut>) {
    let all = in_text_order(annotations);
    let with = |status: Status| -> Vec<&Annotation> {
        all.iter().copied().filter(|a| a.status == status).collect()
    };
    let mut task = json!({
        "data": {"text": doc.text()},
        "meta": {"source": doc.source_name(), "sha256": doc.sha256()},
    });
    let accepted = with(Status::Accepted);
    if !accepted.is_empty() {
        task["annotations"] = json!([{"result": results(doc, &accepted, &all),
                                      "was_cancelled": false, "ground_truth": false}]);
    }
    let pending = with(Status::Pending);
    if !pending.is_empty() {
        task["predictions"] = json!([{"model_version": MODEL_VERSION,
                                      "result": results(doc, &pending, &all)}]);
    }
    let left_out = left_out(
        doc,
        annotations,
        &[Carries::Pending, Carries::Notes, Carries::Speakers],
    );
    if let Some(record) = left_out_record(&left_out) {
        task["meta"][LEFT_OUT_KEY] = record;
    }
    (task, left_out)
}

#[derive(Deserialize, Default)]
struct Completion {
    #[serde(default)]
    result: Vec<Value>,
    #[serde(default)]
    was_cancelled: bool,
}

/// The spans and speaker links of the results of one annotation or prediction.
fn read_results(results: &[Value], status: Status, doc: &mut ForeignDocument) {
    let first = doc.spans.len();
    let str_of = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    for r in results {
        let kind = str_of(r, "type").unwrap_or_default();
        let value = r.get("value").unwrap_or(&Value::Null);
        let offsets = (
            value.get("start").and_then(Value::as_u64),
            value.get("end").and_then(Value::as_u64),
        );
        if kind == "labels" {
            let (Some(start), Some(end)) = offsets else {
                continue;
            };
            let labels = value.get("labels").and_then(Value::as_array);
            for label in labels.into_iter().flatten().filter_map(Value::as_str) {
                doc.spans.push(ForeignSpan {
                    text: str_of(value, "text"),
                    status,
                    id: str_of(r, "id"),
                    ..ForeignSpan::new(
                        usize::try_from(start).unwrap_or(usize::MAX),
                        usize::try_from(end).unwrap_or(usize::MAX),
                        label.to_owned(),
                    )
                });
            }
        }
    }
    let index_of = |doc: &ForeignDocument, id: &str| {
        doc.spans[first..]
            .iter()
            .position(|s| s.id.as_deref() == Some(id))
            .map(|i| first + i)
    };
    for r in results {
        let kind = str_of(r, "type").unwrap_or_default();
        if kind == "textarea"
            && let Some(id) = str_of(r, "id")
            && let Some(i) = index_of(doc, &id)
        {
            let lines = r.pointer("/value/text").and_then(Value::as_array);
            let note: Vec<&str> = lines
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            doc.spans[i].note = note.join("\n");
        }
        if kind == "relation"
            && let (Some(from), Some(to)) = (str_of(r, "from_id"), str_of(r, "to_id"))
            && let (Some(q), Some(s)) = (index_of(doc, &from), index_of(doc, &to))
        {
            // a speaker relation, or any relation from a quote to a name that can speak
            let named = r.get("labels").and_then(Value::as_array);
            let is_speaker =
                named.is_none_or(|l| l.is_empty() || l.iter().any(|x| x.as_str() == Some(SPEAKER)));
            let quote = Label::from_name(&doc.spans[q].label) == Some(Label::Quote);
            if is_speaker && quote {
                doc.speakers.push((q, s));
            }
        }
    }
}

impl Importer for LabelStudio {
    fn import(&self, bytes: &[u8]) -> Result<Vec<ForeignDocument>, ReadError> {
        let value = json_value(bytes)?;
        let tasks = match value {
            Value::Array(tasks) => tasks,
            task @ Value::Object(_) => vec![task],
            _ => {
                return Err(ReadError::Syntax {
                    line: 0,
                    reason: "not a list of Label Studio tasks".to_owned(),
                });
            }
        };
        let mut docs = Vec::new();
        for (i, task) in tasks.iter().enumerate() {
            let data = task.get("data").unwrap_or(task);
            let Some(text) = data.get("text").and_then(Value::as_str) else {
                return Err(ReadError::Syntax {
                    line: 0,
                    reason: format!("task {} has no data.text", i + 1),
                });
            };
            let mut doc = ForeignDocument {
                text: text.to_owned(),
                name: task
                    .pointer("/meta/source")
                    .or_else(|| task.get("id"))
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned)),
                unit: OffsetUnit::CodePoint,
                spans: Vec::new(),
                speakers: Vec::new(),
            };
            for (key, status) in [
                ("annotations", Status::Accepted),
                ("completions", Status::Accepted),
                ("predictions", Status::Pending),
            ] {
                let list = task.get(key).and_then(Value::as_array);
                for c in list.into_iter().flatten() {
                    let c: Completion = serde_json::from_value(c.clone()).unwrap_or_default();
                    if !c.was_cancelled {
                        read_results(&c.result, status, &mut doc);
                    }
                }
            }
            docs.push(doc);
        }
        some_documents(docs)
    }
}

#[cfg(test)]
mod tests {
    use super::LabelStudio;
    use crate::formats::exchange::testing::{kept, link_speaker, marked, placed};
    use crate::formats::exchange::{Exporter, Importer, LeftOut};
    use crate::model::annotation::Status;
    use crate::model::document::Document;
    use crate::model::label::Label;

    #[test]
    fn accepted_as_an_annotation_pending_as_predictions_and_back() {
        let doc = Document::from_text(
            "👍 قال الرئيس عبد الفتاح السيسي: «لن نتراجع»",
            "t.txt",
            "UTF-8",
        );
        let mut anns = marked(
            &doc,
            &[
                (13, 30, Label::Person, Status::Accepted),
                (33, 42, Label::Quote, Status::Accepted),
                (6, 12, Label::Misc, Status::Pending),
                (2, 5, Label::Misc, Status::Rejected),
            ],
        );
        anns[0].note = "رئيس مصر".into();
        link_speaker(&mut anns, 1, 0);
        let out = LabelStudio.export(&doc, &anns);
        assert_eq!(out.left_out, [LeftOut::Rejected(1)]);
        let tasks: serde_json::Value = serde_json::from_str(&out.text()).unwrap();
        let result = &tasks[0]["annotations"][0]["result"];
        assert_eq!(result[0]["value"]["start"], 13);
        assert_eq!(result[0]["value"]["text"], "عبد الفتاح السيسي");
        assert_eq!(result[1]["type"], "textarea");
        assert_eq!(result[3]["type"], "relation");
        assert_eq!(result[3]["direction"], "right");
        assert_eq!(
            tasks[0]["predictions"][0]["result"][0]["value"]["labels"][0],
            "MISC"
        );
        let docs = LabelStudio.import(&out.bytes).unwrap();
        let placed = placed(&doc, &docs[0], crate::model::format::FormatId::LabelStudio);
        assert!(placed.problems.is_empty(), "{:?}", placed.problems);
        assert_eq!(kept(&placed.annotations), kept(&anns[..3]));
    }

    #[test]
    fn reads_one_task_a_task_that_is_its_data_and_skips_cancelled_work() {
        let one = r#"{"text": "قال بوتين", "annotations": [
            {"was_cancelled": true, "result": [{"id": "a", "type": "labels", "from_name": "label",
              "to_name": "text", "value": {"start": 4, "end": 9, "labels": ["PER"]}}]}]}"#;
        let docs = LabelStudio.import(one.as_bytes()).unwrap();
        assert_eq!(docs[0].text, "قال بوتين");
        assert!(docs[0].spans.is_empty());
        assert!(LabelStudio.import(b"[{\"data\": {}}]").is_err());
        assert!(LabelStudio.import(b"42").is_err());
    }
}
