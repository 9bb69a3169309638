//! Prodigy JSON Lines (`ner.manual` tasks): one task a line, `{"text", "tokens": [{"text",
//! "start", "end", "id", "ws"}], "spans": [{"start", "end", "token_start", "token_end",
//! "label"}], "answer": "accept"}`. Offsets are code points, `end` exclusive,
//! `token_end` **inclusive** (the interop reference, section 7). Taliq writes its own
//! tokens, cut at span edges ([`crate::formats::offsets::tokens_cut_at`]), so Prodigy
//! never re-tokenizes with spaCy and drops a span that starts after a proclitic
//! (`بالقاهرة`). Written: the accepted annotations; read: the spans of tasks answered
//! `accept` (or with no answer); a task answered `reject` or `ignore` brings nothing.

use serde::Deserialize;
use serde_json::{Value, json};

use crate::formats::exchange::{
    Exported, Exporter, ForeignDocument, ForeignSpan, Importer, ReadError, in_text_order,
    json_lines, left_out, some_documents,
};
use crate::formats::offsets::{OffsetUnit, tokens_cut_at};
use crate::model::annotation::{Annotation, Status};
use crate::model::document::Document;

/// Prodigy's JSON Lines.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prodigy;

impl Exporter for Prodigy {
    fn export(&self, doc: &Document, annotations: &[Annotation]) -> Exported {
        let accepted: Vec<&Annotation> = in_text_order(annotations)
            .into_iter()
            .filter(|a| a.status == Status::Accepted)
            .collect();
        let toks = tokens_cut_at(doc, &accepted);
        let tokens: Vec<Value> = toks
            .iter()
            .enumerate()
            .map(|(i, &(s, e, _))| {
                let ws = toks.get(i + 1).is_some_and(|n| n.0 > e);
                json!({"text": doc.slice(s, e), "start": s, "end": e, "id": i, "ws": ws})
            })
            .collect();
        let spans: Vec<Value> = accepted
            .iter()
            .filter_map(|a| {
                let first = toks.iter().position(|t| t.0 == a.span.start())?;
                let last = toks.iter().rposition(|t| t.1 == a.span.end())?;
                Some(json!({"start": a.span.start(), "end": a.span.end(),
                            "token_start": first, "token_end": last,
                            "label": a.label.as_str()}))
            })
            .collect();
        let line = json!({"text": doc.text(), "meta": {"source": doc.source_name()},
                          "tokens": tokens, "spans": spans, "answer": "accept"});
        Exported {
            bytes: format!("{line}\n").into_bytes(),
            left_out: left_out(doc, annotations, &[]),
            companions: Vec::new(),
        }
    }
}

#[derive(Deserialize)]
struct Span {
    start: usize,
    end: usize,
    label: String,
}

#[derive(Deserialize)]
struct Task {
    text: String,
    #[serde(default)]
    spans: Vec<Span>,
    #[serde(default)]
    answer: Option<String>,
    #[serde(default)]
    meta: Option<Value>,
}

impl Importer for Prodigy {
    fn import(&self, bytes: &[u8]) -> Result<Vec<ForeignDocument>, ReadError> {
        let mut docs = Vec::new();
        for (_, task) in json_lines::<Task>(bytes)? {
            let accepted = task.answer.as_deref().is_none_or(|a| a == "accept");
            let spans = if accepted { task.spans } else { Vec::new() };
            docs.push(ForeignDocument {
                name: task
                    .meta
                    .as_ref()
                    .and_then(|m| m.get("source"))
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                text: task.text,
                unit: OffsetUnit::CodePoint,
                spans: spans
                    .into_iter()
                    .map(|s| ForeignSpan {
                        start: s.start,
                        end: s.end,
                        label: s.label,
                        text: None,
                        status: Status::Accepted,
                        note: String::new(),
                        id: None,
                    })
                    .collect(),
                speakers: Vec::new(),
            });
        }
        some_documents(docs)
    }
}

#[cfg(test)]
mod tests {
    use super::Prodigy;
    use crate::formats::exchange::testing::{char_span, marked, placed};
    use crate::formats::exchange::{Exporter, Importer, LeftOut};
    use crate::model::annotation::Status;
    use crate::model::document::Document;
    use crate::model::label::Label;

    /// The checks the interop reference gives for Prodigy files: each span slices to its
    /// tokens (`tokens[token_start].start == start`, `tokens[token_end].end == end`, ids
    /// 0..n), and the file reads back to the same spans.
    #[test]
    fn tokens_and_spans_agree_and_read_back() {
        let t = "👍 وصل مُحَمَّد بالقاهرة.";
        let doc = Document::from_text(t, "t.txt", "UTF-8");
        let at = |s: &str| char_span(t, s);
        let (p0, p1) = at("مُحَمَّد");
        let (c0, c1) = at("القاهرة");
        let anns = marked(
            &doc,
            &[
                (p0, p1, Label::Person, Status::Accepted),
                (c0, c1, Label::Location, Status::Accepted),
                (0, 1, Label::Misc, Status::Pending),
            ],
        );
        let out = Prodigy.export(&doc, &anns);
        assert_eq!(out.left_out, [LeftOut::Pending(1)]);
        let task: serde_json::Value = serde_json::from_str(out.text().trim_end()).unwrap();
        let tokens = task["tokens"].as_array().unwrap();
        for (i, tok) in tokens.iter().enumerate() {
            assert_eq!(tok["id"], i);
        }
        for span in task["spans"].as_array().unwrap() {
            let (ts, te) = (
                span["token_start"].as_u64().unwrap() as usize,
                span["token_end"].as_u64().unwrap() as usize,
            );
            assert_eq!(tokens[ts]["start"], span["start"]);
            assert_eq!(tokens[te]["end"], span["end"]);
        }
        assert_eq!(task["spans"][1]["start"], c0);
        let docs = Prodigy.import(&out.bytes).unwrap();
        let placed = placed(&doc, &docs[0], crate::model::format::FormatId::Prodigy);
        let got: Vec<_> = placed
            .annotations
            .iter()
            .map(|a| (a.span, a.label))
            .collect();
        let want: Vec<_> = anns[..2].iter().map(|a| (a.span, a.label)).collect();
        assert_eq!(got, want);
        let rejected = out
            .text()
            .replace("\"answer\":\"accept\"", "\"answer\":\"reject\"");
        assert!(
            Prodigy.import(rejected.as_bytes()).unwrap()[0]
                .spans
                .is_empty()
        );
    }
}
