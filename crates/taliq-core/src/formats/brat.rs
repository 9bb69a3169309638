//! brat standoff: the article as `NAME.txt`, its annotations as `NAME.ann`, and the
//! `annotation.conf` that makes the folder open in brat (its four sections, the seven
//! labels, the `Speaker` relation and the `Pending` attribute). Lines of `.ann`:
//!
//! ```text
//! T1 ⇥ PERSON 11 28 ⇥ عبد الفتاح السيسي
//! T2 ⇥ QUOTE 30 41 ⇥ لن نتراجع
//! A1 ⇥ Pending T2
//! R1 ⇥ Speaker Arg1:T2 Arg2:T1
//! #1 ⇥ AnnotatorNotes T1 ⇥ رئيس مصر
//! ```
//!
//! Offsets are code points into the `.txt` exactly as written (brat reads it in binary
//! mode, so a `\r` counts as one char: the interop reference, section 3); the text after
//! the second tab is the span's text, which brat requires to equal the `.txt` there.
//! Written: accepted annotations, pending suggestions with the `Pending` attribute, notes
//! (one line: line breaks become spaces), speakers; rejected ones are left out. Read:
//! `T` lines (a discontinuous `s1 e1;s2 e2` span is read from its first to its last
//! offset), `Pending`, `Speaker` (or any relation from a quote), `AnnotatorNotes`; other
//! lines (`E`, `N`, `*`, `M`) are skipped.

use std::fmt::Write as _;

use crate::formats::exchange::{
    Carries, Exported, Exporter, ForeignDocument, ForeignSpan, Importer, ReadError, file_text,
    in_text_order, left_out, one_article,
};
use crate::formats::offsets::OffsetUnit;
use crate::model::annotation::{Annotation, Status};
use crate::model::document::Document;
use crate::model::label::Label;

/// The relation type of a quote's speaker (from the quote, `Arg1`, to the speaker).
pub const SPEAKER: &str = "Speaker";
/// The binary attribute of a pending suggestion.
pub const PENDING: &str = "Pending";

/// The `annotation.conf` of a folder of Taliq's brat files.
pub const ANNOTATION_CONF: &str = "\
# Taliq's labels (annotation guidelines), a quote's speaker, and pending suggestions.
[entities]
PERSON
ORGANIZATION
LOCATION
DATE
NUMBER
MISC
QUOTE

[relations]
Speaker\tArg1:QUOTE, Arg2:PERSON|ORGANIZATION
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Pending\tArg:<ENTITY>
";

/// brat's `.ann` file (the `.txt` and `annotation.conf` beside it: [`Exported::companions`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Brat;

impl Exporter for Brat {
    fn export(&self, doc: &Document, annotations: &[Annotation]) -> Exported {
        let kept: Vec<&Annotation> = in_text_order(annotations)
            .into_iter()
            .filter(|a| a.status != Status::Rejected)
            .collect();
        let t_of = |id: u64| kept.iter().position(|a| a.id == id).map(|i| i + 1);
        let mut ann = String::new();
        let (mut attrs, mut rels, mut notes) = (0, 0, 0);
        let mut tail = String::new();
        for (i, a) in kept.iter().enumerate() {
            let t = i + 1;
            let (offsets, text) = fragments(doc, a.span.start(), a.span.end());
            let _ = writeln!(ann, "T{t}\t{} {offsets}\t{text}", a.label.as_str());
            if a.status == Status::Pending {
                attrs += 1;
                let _ = writeln!(tail, "A{attrs}\t{PENDING} T{t}");
            }
            if let Some(to) = a.facts.speaker.as_ref().and_then(|l| l.mention)
                && let Some(speaker) = t_of(to)
            {
                rels += 1;
                let _ = writeln!(tail, "R{rels}\t{SPEAKER} Arg1:T{t} Arg2:T{speaker}");
            }
            if !a.note.is_empty() {
                notes += 1;
                let one_line = a.note.split(['\n', '\r']).collect::<Vec<_>>().join(" ");
                let _ = writeln!(tail, "#{notes}\tAnnotatorNotes T{t}\t{one_line}");
            }
        }
        ann.push_str(&tail);
        Exported {
            bytes: ann.into_bytes(),
            left_out: left_out(
                doc,
                annotations,
                &[Carries::Pending, Carries::Notes, Carries::Speakers],
            ),
            companions: vec![
                (".txt".to_owned(), doc.text().to_owned()),
                ("annotation.conf".to_owned(), ANNOTATION_CONF.to_owned()),
            ],
        }
    }

    /// brat holds one article a pair of files.
    fn export_all(&self, articles: &[(&Document, &[Annotation])]) -> Option<Exported> {
        one_article(self, articles)
    }
}

/// The offsets field and text field of a T line for `start..end` of `doc`: one
/// `start end` pair, or, for a span over a line break (a `.ann` line cannot hold one),
/// the discontinuous form brat writes then, a pair for each piece between line breaks
/// joined by `;`, with the pieces' texts joined by a space.
fn fragments(doc: &Document, start: usize, end: usize) -> (String, String) {
    let text = doc.slice(start, end);
    if !text.contains(['\n', '\r']) {
        return (format!("{start} {end}"), text.to_owned());
    }
    let (mut pairs, mut texts) = (Vec::new(), Vec::new());
    let mut piece: Option<usize> = None; // start of the piece being read
    for (i, c) in text.chars().enumerate() {
        let at = start + i;
        match (c == '\n' || c == '\r', piece) {
            (true, Some(p)) => {
                pairs.push(format!("{p} {at}"));
                texts.push(doc.slice(p, at));
                piece = None;
            }
            (false, None) => piece = Some(at),
            _ => {}
        }
    }
    if let Some(p) = piece {
        pairs.push(format!("{p} {end}"));
        texts.push(doc.slice(p, end));
    }
    (pairs.join(";"), texts.join(" "))
}

/// The chars `start..end` of `text`, `None` when out of range or reversed.
fn text_between(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let mut at = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let from = at.nth(start)?;
    let to = if end == start {
        from
    } else {
        at.nth(end - start - 1)?
    };
    Some(&text[from..to])
}

/// brat's `.ann` file read over its `.txt` (`text`, as the workspace found it beside).
#[derive(Debug, Clone)]
pub struct BratAnn {
    /// The text of the `.txt` file.
    pub text: String,
}

impl Importer for BratAnn {
    fn import(&self, bytes: &[u8]) -> Result<Vec<ForeignDocument>, ReadError> {
        let ann = file_text(bytes)?;
        // a mark at the start of the .txt is char 0 for brat: kept, so the offsets stay
        // right (`ForeignDocument::without_bom` takes it away with them)
        let mut doc = ForeignDocument {
            text: self.text.clone(),
            name: None,
            unit: OffsetUnit::CodePoint,
            spans: Vec::new(),
            speakers: Vec::new(),
        };
        let bad = |line: usize, reason: &str| ReadError::Syntax {
            line,
            reason: reason.to_owned(),
        };
        let mut later = Vec::new();
        for (n, line) in ann.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            let mut fields = line.splitn(3, '\t');
            let (id, body) = (fields.next().unwrap_or(""), fields.next());
            let Some(body) = body else {
                return Err(bad(n + 1, "no tab after the annotation id"));
            };
            if id.starts_with('T') {
                let (kind, offsets) = body
                    .split_once(' ')
                    .ok_or_else(|| bad(n + 1, "a T line needs a type and offsets"))?;
                let numbers: Option<Vec<usize>> = offsets
                    .split([' ', ';'])
                    .map(|x| x.parse::<usize>().ok())
                    .collect();
                let numbers = numbers
                    .filter(|v| v.len() >= 2 && v.len() % 2 == 0)
                    .ok_or_else(|| bad(n + 1, "the offsets are not start end pairs"))?;
                let (start, end) = (numbers[0], numbers[numbers.len() - 1]);
                let stated = fields.next().map(str::to_owned);
                // a discontinuous span (`0 5;9 12`) is one span of Taliq's when only
                // white space lies between its pieces (a span over a line break, as
                // Taliq writes one); over other text it is not Taliq's to hold: its
                // stated text (the pieces joined) then differs from the text there, and
                // it is reported, not stretched over words nobody annotated
                let gaps_blank = numbers[1..numbers.len() - 1].chunks(2).all(|gap| {
                    text_between(&doc.text, gap[0], gap[1]).is_some_and(|g| g.trim().is_empty())
                });
                doc.spans.push(ForeignSpan {
                    text: stated.filter(|_| numbers.len() == 2 || !gaps_blank),
                    id: Some(id.to_owned()),
                    ..ForeignSpan::new(start, end, kind.to_owned())
                });
            } else {
                later.push((
                    id.to_owned(),
                    body.to_owned(),
                    fields.next().map(str::to_owned),
                ));
            }
        }
        let index_of = |doc: &ForeignDocument, t: &str| {
            doc.spans.iter().position(|s| s.id.as_deref() == Some(t))
        };
        for (id, body, rest) in later {
            let words: Vec<&str> = body.split(' ').collect();
            match (id.chars().next(), words.as_slice()) {
                (Some('A'), [name, t, ..]) if *name == PENDING => {
                    if let Some(i) = index_of(&doc, t) {
                        doc.spans[i].status = Status::Pending;
                    }
                }
                (Some('R'), [_, a1, a2]) => {
                    let arg = |a: &str| a.split_once(':').map(|(_, t)| t.to_owned());
                    if let (Some(q), Some(s)) = (arg(a1), arg(a2))
                        && let (Some(q), Some(s)) = (index_of(&doc, &q), index_of(&doc, &s))
                        && Label::from_name(&doc.spans[q].label) == Some(Label::Quote)
                    {
                        doc.speakers.push((q, s));
                    }
                }
                (Some('#'), [_, t, ..]) => {
                    if let (Some(i), Some(note)) = (index_of(&doc, t), rest) {
                        doc.spans[i].note = note;
                    }
                }
                _ => {} // events, normalizations, equivalences: not Taliq's
            }
        }
        Ok(vec![doc])
    }
}

#[cfg(test)]
mod tests {
    use super::{Brat, BratAnn};
    use crate::formats::exchange::testing::{kept, link_speaker, marked, placed};
    use crate::formats::exchange::{Exporter, Importer, LeftOut};
    use crate::model::annotation::Status;
    use crate::model::document::Document;
    use crate::model::label::Label;

    #[test]
    fn ann_lines_and_back_with_pending_notes_and_speakers() {
        let doc = Document::from_text(
            "👍 قال الرئيس عبد الفتاح السيسي:\r\n«لن نتراجع»",
            "t.txt",
            "UTF-8",
        );
        let mut anns = marked(
            &doc,
            &[
                (13, 30, Label::Person, Status::Accepted),
                (34, 43, Label::Quote, Status::Pending),
                (6, 12, Label::Misc, Status::Rejected),
            ],
        );
        anns[0].note = "رئيس\nمصر".into();
        link_speaker(&mut anns, 1, 0);
        let out = Brat.export(&doc, &anns);
        assert_eq!(
            out.text(),
            "T1\tPERSON 13 30\tعبد الفتاح السيسي\nT2\tQUOTE 34 43\tلن نتراجع\n\
             #1\tAnnotatorNotes T1\tرئيس مصر\nA1\tPending T2\nR1\tSpeaker Arg1:T2 Arg2:T1\n"
        );
        assert_eq!(out.left_out, [LeftOut::Rejected(1)]);
        assert_eq!(
            out.companions[0],
            (".txt".to_owned(), doc.text().to_owned())
        );
        let back = BratAnn {
            text: doc.text().to_owned(),
        }
        .import(&out.bytes)
        .unwrap();
        let placed = placed(&doc, &back[0], crate::model::format::FormatId::Brat);
        assert!(placed.problems.is_empty(), "{:?}", placed.problems);
        // the note comes back on one line, the rest as it was
        let mut want = anns[..2].to_vec();
        want[0].note = "رئيس مصر".into();
        assert_eq!(kept(&placed.annotations), kept(&want));
    }

    /// A discontinuous span over a line break is one span; over a word nobody
    /// annotated it is reported (its stated text is not the text there), never stretched.
    #[test]
    fn a_discontinuous_span_is_joined_only_over_white_space() {
        let t = "قال الرئيس\r\nعبد الفتاح السيسي";
        let doc = Document::from_text(t, "t.txt", "UTF-8");
        let brat = BratAnn { text: t.into() };
        let ann = "T1\tLOC 4 10;12 15\tالرئيس عبد\nT2\tPER 0 3;11 14\tقال عب\n";
        let back = brat.import(ann.as_bytes()).unwrap();
        let placed = placed(&doc, &back[0], crate::model::format::FormatId::Brat);
        assert_eq!(placed.annotations.len(), 1);
        assert_eq!(doc.slice(4, 15), "الرئيس\r\nعبد");
        assert_eq!(
            (
                placed.annotations[0].span.start(),
                placed.annotations[0].span.end()
            ),
            (4, 15)
        );
        assert!(matches!(
            placed.problems[..],
            [crate::formats::exchange::SpanProblem::TextMismatch { index: 1, .. }]
        ));
    }

    #[test]
    fn a_broken_line_is_named_and_other_lines_are_skipped() {
        let brat = BratAnn {
            text: "قال بوتين".into(),
        };
        let ok = "T1\tPER 4 9\tبوتين\nE1\tSay:T1\nN1\tReference T1 Wikidata:Q7747\tبوتين\n";
        assert_eq!(brat.import(ok.as_bytes()).unwrap()[0].spans.len(), 1);
        for (bad, line) in [("T1 PER 4 9\n", 1), ("T1\tPER 4 9\nT2\tPER four 9\n", 2)] {
            match brat.import(bad.as_bytes()) {
                Err(crate::formats::exchange::ReadError::Syntax { line: l, .. }) => {
                    assert_eq!(l, line);
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
