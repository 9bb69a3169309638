//! Prodigy JSON Lines (`ner.manual` tasks): one task a line, `{"text", "tokens": [{"text",
//! "start", "end", "id", "ws"}], "spans": [{"start", "end", "token_start", "token_end",
//! "label"}], "answer": "accept"}`. Offsets are code points, `end` exclusive,
//! `token_end` **inclusive** (the interop reference, section 7). Taliq writes its own
//! tokens, cut at span edges ([`crate::formats::offsets::tokens_cut_at`]), so Prodigy
//! never re-tokenizes with spaCy and drops a span that starts after a proclitic
//! (`بالقاهرة`). A quote's speaker is a `relations` entry as Prodigy's `rel.manual`
//! writes it (`{"head", "child", "label": "SPEAKER", "head_span", "child_span"}`, head
//! and child the last tokens of the quote and the speaker; support.prodi.gy t/6467).
//! Written: the accepted annotations; read: the spans of tasks answered `accept` (or with
//! no answer), and relations from a quote as its speaker; a task answered `reject` or
//! `ignore` brings nothing.

use serde::Deserialize;
use serde_json::{Value, json};

use crate::formats::exchange::{
    Carries, Exported, Exporter, ForeignDocument, ForeignSpan, Importer, LEFT_OUT_KEY, ReadError,
    in_text_order, json_lines, left_out, left_out_record, some_documents,
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
        // each accepted annotation's span, with its last token (inclusive)
        let written: Vec<(&Annotation, Value, usize)> = accepted
            .iter()
            .filter_map(|a| {
                let first = toks.iter().position(|t| t.0 == a.span.start())?;
                let last = toks.iter().rposition(|t| t.1 == a.span.end())?;
                let span = json!({"start": a.span.start(), "end": a.span.end(),
                                  "token_start": first, "token_end": last,
                                  "label": a.label.as_str()});
                Some((*a, span, last))
            })
            .collect();
        // a quote's speaker as Prodigy's rel.manual writes a relation: head and child
        // the last tokens of the two spans, with the spans themselves
        let relations: Vec<Value> = written
            .iter()
            .filter_map(|(a, head_span, head)| {
                let to = a.facts.speaker.as_ref()?.mention?;
                let (_, child_span, child) = written.iter().find(|(b, ..)| b.id == to)?;
                Some(json!({"head": head, "child": child, "label": SPEAKER,
                            "head_span": head_span, "child_span": child_span}))
            })
            .collect();
        let spans: Vec<&Value> = written.iter().map(|(_, s, _)| s).collect();
        let mut line = json!({"text": doc.text(), "meta": {"source": doc.source_name()},
                              "tokens": tokens, "spans": spans, "answer": "accept"});
        if !relations.is_empty() {
            line["relations"] = Value::from(relations);
        }
        let left = left_out(doc, annotations, &[Carries::Speakers]);
        if let Some(record) = left_out_record(&left) {
            line["meta"][LEFT_OUT_KEY] = record;
        }
        Exported {
            bytes: format!("{line}\n").into_bytes(),
            left_out: left,
            companions: Vec::new(),
        }
    }
}

/// The relation label of a quote's speaker (head: the quote, child: the speaker).
pub const SPEAKER: &str = "SPEAKER";

#[derive(Deserialize)]
struct Span {
    start: usize,
    end: usize,
    label: String,
}

#[derive(Deserialize)]
struct Relation {
    #[serde(default)]
    label: String,
    head_span: Option<Span>,
    child_span: Option<Span>,
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
    #[serde(default)]
    relations: Vec<Relation>,
}

impl Importer for Prodigy {
    fn import(&self, bytes: &[u8]) -> Result<Vec<ForeignDocument>, ReadError> {
        let mut docs = Vec::new();
        for (_, task) in json_lines::<Task>(bytes)? {
            let accepted = task.answer.as_deref().is_none_or(|a| a == "accept");
            let spans = if accepted { task.spans } else { Vec::new() };
            // a relation from a quote to another span is its speaker
            let index = |s: &Option<Span>| {
                let s = s.as_ref()?;
                spans
                    .iter()
                    .position(|x| (x.start, x.end, &x.label) == (s.start, s.end, &s.label))
            };
            let speakers: Vec<(usize, usize)> = task
                .relations
                .iter()
                .filter(|r| r.label.is_empty() || r.label.eq_ignore_ascii_case(SPEAKER))
                .filter_map(|r| Some((index(&r.head_span)?, index(&r.child_span)?)))
                .filter(|&(q, _)| spans[q].label.eq_ignore_ascii_case("QUOTE"))
                .collect();
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
                    .map(|s| ForeignSpan::new(s.start, s.end, s.label))
                    .collect(),
                speakers,
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

    /// A quote's speaker goes out as a `SPEAKER` relation (head and child the last
    /// tokens) and comes back as the quote's speaker.
    #[test]
    fn a_speaker_is_a_relation_both_ways() {
        use crate::formats::exchange::testing::{kept, link_speaker};
        let t = "قال الرئيسُ عبد الفتاح السيسي: «لن نتراجع»";
        let doc = Document::from_text(t, "t.txt", "UTF-8");
        let (p0, p1) = char_span(t, "عبد الفتاح السيسي");
        let (q0, q1) = char_span(t, "«لن نتراجع»");
        let mut anns = marked(
            &doc,
            &[
                (p0, p1, Label::Person, Status::Accepted),
                (q0, q1, Label::Quote, Status::Accepted),
            ],
        );
        link_speaker(&mut anns, 1, 0);
        let out = Prodigy.export(&doc, &anns);
        assert!(out.left_out.is_empty(), "{:?}", out.left_out);
        let task: serde_json::Value = serde_json::from_str(out.text().trim_end()).unwrap();
        let r = &task["relations"][0];
        assert_eq!(r["label"], "SPEAKER");
        assert_eq!(r["head"], task["spans"][1]["token_end"]);
        assert_eq!(r["child"], task["spans"][0]["token_end"]);
        let docs = Prodigy.import(&out.bytes).unwrap();
        assert_eq!(docs[0].speakers, [(1, 0)]);
        let back = placed(&doc, &docs[0], crate::model::format::FormatId::Prodigy);
        assert_eq!(kept(&back.annotations), kept(&anns));
    }
}
