//! CoNLL-2003-style token files with IOB2 tags: one `TOKEN<TAB>TAG` a line (`B-PERSON`,
//! `I-PERSON`, `O`), a blank line between sentences, a `-DOCSTART-<TAB>O` line before each
//! document. Two tab-separated columns are what doccano's CoNLL import takes; spaCy's
//! `spacy convert -c ner` reads the last column of any whitespace-separated columns
//! (the interop reference, section 4). Tags are IOB2: every entity starts with `B-`.
//!
//! Tokens are Taliq's (`extract::tokenize`, on the original text, harakat kept on their
//! letters), cut again at every edge of an annotation that falls inside one: the clitic
//! policy is that **a proclitic outside a span is a token of its own** (`بالقاهرة` with
//! LOCATION on `القاهرة` is `بال O`, `القاهرة B-LOCATION`), so every span is whole
//! tokens. A sentence ends at a line break or after `.`, `!`, `?`, `؟`, never inside a span. Written: the
//! accepted annotations (a second annotation over the same tokens is left out: the
//! format is flat); read: the spans of the tags over a text rebuilt as the tokens joined
//! by spaces, sentences by line breaks (the file holds no other text).

use crate::formats::exchange::{
    Carries, Exported, Exporter, ForeignDocument, ForeignSpan, Importer, LeftOut, ReadError,
    file_text, in_text_order, left_out, some_documents,
};
use crate::formats::offsets::{OffsetUnit, tokens_cut_at};
use crate::model::annotation::{Annotation, Status};
use crate::model::document::Document;

/// The first line of each document.
pub const DOCSTART: &str = "-DOCSTART-";

/// CoNLL with IOB2 tags.
#[derive(Debug, Clone, Copy, Default)]
pub struct Conll {
    /// Tag the pending suggestions too (pre-annotation, as `taliq extract --format
    /// conll` writes them), beside the accepted annotations.
    pub pending: bool,
}

impl Exporter for Conll {
    fn export(&self, doc: &Document, annotations: &[Annotation]) -> Exported {
        let accepted: Vec<&Annotation> = in_text_order(annotations)
            .into_iter()
            .filter(|a| {
                a.status == Status::Accepted || (self.pending && a.status == Status::Pending)
            })
            .collect();
        // flat: an annotation over tokens already tagged is left out
        let mut kept: Vec<&Annotation> = Vec::new();
        let mut overlapping = 0;
        for &a in &accepted {
            if kept.last().is_some_and(|k| k.span.end() > a.span.start()) {
                overlapping += 1;
            } else {
                kept.push(a);
            }
        }
        let mut text = format!("{DOCSTART}\tO\n\n");
        let mut previous: Option<&str> = None;
        let mut span = 0;
        for (start, end, newline) in tokens_cut_at(doc, &accepted) {
            while span < kept.len() && kept[span].span.end() <= start {
                span += 1;
            }
            // a sentence ends at a line break or a final stop, never inside a span (a
            // reader closes the span at the blank line)
            let inside = kept.get(span).is_some_and(|a| a.span.start() < start);
            if let Some(p) = previous
                && !inside
                && (newline || matches!(p, "." | "!" | "?" | "؟"))
            {
                text.push('\n');
            }
            previous = Some(doc.slice(start, end));
            let tag = match kept.get(span) {
                Some(a) if a.span.start() == start => format!("B-{}", a.label.as_str()),
                Some(a) if a.span.start() < start => format!("I-{}", a.label.as_str()),
                _ => "O".to_owned(),
            };
            text.push_str(doc.slice(start, end));
            text.push('\t');
            text.push_str(&tag);
            text.push('\n');
        }
        let carries: &[Carries] = if self.pending {
            &[Carries::Pending]
        } else {
            &[]
        };
        let mut left = left_out(doc, annotations, carries);
        if overlapping > 0 {
            left.push(LeftOut::Overlapping(overlapping));
        }
        Exported {
            bytes: text.into_bytes(),
            left_out: left,
            companions: Vec::new(),
        }
    }
}

impl Importer for Conll {
    fn import(&self, bytes: &[u8]) -> Result<Vec<ForeignDocument>, ReadError> {
        let file = file_text(bytes)?;
        let mut docs: Vec<ForeignDocument> = Vec::new();
        let new_doc = || ForeignDocument {
            text: String::new(),
            name: None,
            unit: OffsetUnit::CodePoint,
            spans: Vec::new(),
            speakers: Vec::new(),
        };
        let mut doc = new_doc();
        let mut len = 0; // chars of doc.text
        let mut sentence_open = false;
        let mut open: Option<usize> = None; // the span being extended
        for (n, line) in file.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                sentence_open = false;
                open = None;
                continue;
            }
            let mut cols = line.split(['\t', ' ']).filter(|c| !c.is_empty());
            let token = cols.next().unwrap_or("");
            let tag = cols.next_back().ok_or_else(|| ReadError::Syntax {
                line: n + 1,
                reason: "a token line needs a tag column".to_owned(),
            })?;
            if token == DOCSTART {
                if !doc.text.is_empty() {
                    docs.push(std::mem::replace(&mut doc, new_doc()));
                    len = 0;
                }
                sentence_open = false;
                open = None;
                continue;
            }
            if !doc.text.is_empty() {
                doc.text.push(if sentence_open { ' ' } else { '\n' });
                len += 1;
            }
            sentence_open = true;
            let (start, end) = (len, len + token.chars().count());
            doc.text.push_str(token);
            len = end;
            let (prefix, label) = match tag.split_once('-') {
                Some((p, l)) if matches!(p, "B" | "I" | "U" | "L" | "E" | "S") => (p, l),
                _ if tag == "O" => ("O", ""),
                _ => {
                    return Err(ReadError::Syntax {
                        line: n + 1,
                        reason: format!("{tag:?} is not an IOB tag"),
                    });
                }
            };
            let continues = matches!(prefix, "I" | "L" | "E")
                && open.is_some_and(|i| doc.spans[i].label == label);
            if prefix == "O" {
                open = None;
            } else if continues {
                if let Some(i) = open {
                    doc.spans[i].end = end;
                }
            } else {
                // B, a single-token U/S, or an I that starts an entity (IOB1)
                doc.spans
                    .push(ForeignSpan::new(start, end, label.to_owned()));
                open = Some(doc.spans.len() - 1);
            }
            if matches!(prefix, "L" | "E" | "U" | "S") {
                open = None;
            }
        }
        if !doc.text.is_empty() {
            docs.push(doc);
        }
        some_documents(docs)
    }
}

#[cfg(test)]
mod tests {
    use super::Conll;
    use crate::formats::exchange::testing::{char_span as at, marked, placed};
    use crate::formats::exchange::{Exporter, Importer, LeftOut};
    use crate::model::annotation::Status;
    use crate::model::document::Document;
    use crate::model::label::Label;

    /// A proclitic outside a span is a token of its own; harakat stay on their letters;
    /// sentences are cut; the file reads back to the same labels over the same tokens.
    #[test]
    fn iob2_lines_with_proclitics_outside_and_back() {
        let t = "قال مُحَمَّد إنه وصل بالقاهرة. وغادر\nأمس";
        let doc = Document::from_text(t, "t.txt", "UTF-8");
        let (p0, p1) = at(t, "مُحَمَّد");
        let (c0, c1) = at(t, "القاهرة");
        let (d0, d1) = at(t, "أمس");
        let anns = marked(
            &doc,
            &[
                (p0, p1, Label::Person, Status::Accepted),
                (c0, c1, Label::Location, Status::Accepted),
                (d0, d1, Label::Date, Status::Pending),
            ],
        );
        let out = Conll::default().export(&doc, &anns);
        assert_eq!(
            out.text(),
            "-DOCSTART-\tO\n\nقال\tO\nمُحَمَّد\tB-PERSON\nإنه\tO\nوصل\tO\nب\tO\nالقاهرة\tB-LOCATION\n.\tO\n\nوغادر\tO\n\nأمس\tO\n"
        );
        assert_eq!(out.left_out, [LeftOut::Pending(1)]);
        let docs = Conll::default().import(&out.bytes).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].text, "قال مُحَمَّد إنه وصل ب القاهرة .\nوغادر\nأمس");
        let back = Document::from_text(&docs[0].text, "t", "UTF-8");
        let placed = placed(&back, &docs[0], crate::model::format::FormatId::Conll);
        let got: Vec<(&str, Label)> = placed
            .annotations
            .iter()
            .map(|a| (back.slice(a.span.start(), a.span.end()), a.label))
            .collect();
        assert_eq!(got, [("مُحَمَّد", Label::Person), ("القاهرة", Label::Location)]);
    }

    #[test]
    fn reads_iob1_and_bilou_and_names_a_bad_tag() {
        let file = "-DOCSTART- -X- -X- O\n\nعبد X I-PER\nالله X I-PER\nفي X O\nمصر X U-LOC\n";
        let docs = Conll::default().import(file.as_bytes()).unwrap();
        let spans: Vec<(usize, usize, &str)> = docs[0]
            .spans
            .iter()
            .map(|s| (s.start, s.end, s.label.as_str()))
            .collect();
        assert_eq!(spans, [(0, 8, "PER"), (12, 15, "LOC")]);
        match Conll::default().import("كلمة\tX-PER\n".as_bytes()) {
            Err(crate::formats::exchange::ReadError::Syntax { line, .. }) => assert_eq!(line, 1),
            other => panic!("{other:?}"),
        }
    }
}
