//! Export → import is the identity for every interchange format, for everything that
//! format can carry: random articles (Arabic words with harakat and shadda, lam-alef,
//! proclitics glued to the word a span starts at, emoji before the spans, Latin and
//! digits, CRLF, an Arabic word as the very last characters) and random annotation sets
//! (every label, accepted, pending and rejected, notes, speaker links) are written to a
//! file in each format, read back as the user's import reads it
//! (`workspace::convert::read`), and compared with what was written minus what the export
//! said it left out. A text format's file read with a UTF-8 BOM in front reads the same.

#![allow(
    clippy::unwrap_used,
    reason = "a test that cannot set up its input fails there, with the error"
)]

use std::collections::BTreeSet;

use proptest::prelude::*;
use taliq_core::formats::exchange::{LabelMap, LeftOut, Unknown};
use taliq_core::model::annotation::{Annotation, Facts, Origin, SpeakerLink, Status};
use taliq_core::model::document::Document;
use taliq_core::model::entity_id::EntityId;
use taliq_core::model::label::Label;
use taliq_core::model::span::Span;
use taliq_core::workspace::convert::{self, ExportOptions, FormatId};

/// Words a span can cover (each a run of letters, harakat kept on their letters).
const WORDS: &[&str] = &[
    "مُحَمَّد",
    "القاهرة",
    "لألأ",
    "الرئيسُ",
    "بوتين",
    "شدّ",
    "٢٠١٩",
    "G7",
    "Trump",
    "عبد",
    "الفتاح",
    "السيسي",
    "وزارة",
];
/// What goes between words: spaces, punctuation, line breaks, an emoji.
const GAPS: &[&str] = &[" ", " ", " ", "، ", "\r\n", "\n", " 💩 ", ": «", "» ", "  "];
/// Proclitics glued to a word (outside its span).
const PROCLITICS: &[&str] = &["", "", "", "ب", "و", "لل"];

/// One word of the article: a proclitic, the word, the gap after it.
#[derive(Debug, Clone)]
struct Piece {
    proclitic: &'static str,
    word: &'static str,
    gap: &'static str,
}

fn piece() -> impl Strategy<Value = Piece> {
    (
        prop::sample::select(PROCLITICS),
        prop::sample::select(WORDS),
        prop::sample::select(GAPS),
    )
        .prop_map(|(proclitic, word, gap)| Piece {
            proclitic,
            word,
            gap,
        })
}

/// A span over words `first..=last`: label index, status index, with a note.
#[derive(Debug, Clone)]
struct Mark {
    len: usize,
    skip: usize,
    label: usize,
    status: usize,
    note: bool,
}

fn mark() -> impl Strategy<Value = Mark> {
    (1usize..4, 0usize..3, 0usize..7, 0usize..3, any::<bool>()).prop_map(
        |(len, skip, label, status, note)| Mark {
            len,
            skip,
            label,
            status,
            note,
        },
    )
}

/// The article of `pieces` (an emoji first, the last word with no gap after it) and
/// its annotations from `marks`, laid one after the other over the words (no overlap),
/// each QUOTE linked to the PERSON before it when there is one.
fn article(pieces: &[Piece], marks: &[Mark]) -> (Document, Vec<Annotation>) {
    let mut text = String::from("💩 ");
    let mut words = Vec::new(); // (start, end) in chars of each word
    for (i, p) in pieces.iter().enumerate() {
        text.push_str(p.proclitic);
        let start = text.chars().count();
        text.push_str(p.word);
        words.push((start, text.chars().count()));
        if i + 1 < pieces.len() {
            text.push_str(p.gap);
        }
    }
    let doc = Document::from_text(&text, "t.txt", "UTF-8");
    let mut anns: Vec<Annotation> = Vec::new();
    let mut at = 0;
    for m in marks {
        let first = at + m.skip;
        let last = first + m.len - 1;
        if last >= words.len() {
            break;
        }
        at = last + 1;
        let (start, end) = (words[first].0, words[last].1);
        let Ok(span) = Span::new(&doc, start, end) else {
            continue;
        };
        let label = Label::ALL[m.label % Label::ALL.len()];
        let status = [Status::Accepted, Status::Pending, Status::Rejected][m.status];
        anns.push(Annotation {
            id: anns.len() as u64 + 1,
            span,
            label,
            origin: Origin::Manual,
            status,
            note: if m.note {
                "ملاحظة «مهمة»".to_owned()
            } else {
                String::new()
            },
            canonical: doc.slice(start, end).to_owned(),
            facts: Facts::default(),
        });
    }
    for i in 0..anns.len() {
        if anns[i].label == Label::Quote
            && anns[i].status == Status::Accepted
            && let Some(p) = anns[..i]
                .iter()
                .rposition(|a| a.label == Label::Person && a.status == Status::Accepted)
        {
            let speaker = &anns[p];
            anns[i].facts.speaker = Some(SpeakerLink {
                entity: EntityId::new(Label::Person, speaker.canonical.clone()),
                mention: Some(speaker.id),
            });
        }
    }
    (doc, anns)
}

/// What a reader should see: `(rank in text order, text of the span, label, status,
/// note)` of every annotation the format carries, and the speaker links as `(quote,
/// speaker)` by their ranks.
type Seen = (
    BTreeSet<(usize, String, Label, &'static str, String)>,
    BTreeSet<(usize, usize)>,
);

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Accepted => "accepted",
        Status::Pending => "pending",
        Status::Rejected => "rejected",
    }
}

fn seen(
    doc: &Document,
    anns: &[Annotation],
    left_out: &[LeftOut],
    as_read: bool,
    notes_back: bool,
) -> Seen {
    let says = |f: fn(&LeftOut) -> bool| left_out.iter().any(f);
    let pending = !says(|l| matches!(l, LeftOut::Pending(_)));
    let rejected = !says(|l| matches!(l, LeftOut::Rejected(_)));
    let notes = notes_back && !says(|l| matches!(l, LeftOut::Notes(_)));
    let speakers = !says(|l| matches!(l, LeftOut::Speakers(_)));
    let kept: Vec<&Annotation> = anns
        .iter()
        .filter(|a| match a.status {
            Status::Accepted => true,
            Status::Pending => pending || as_read,
            Status::Rejected => rejected || as_read,
        })
        .collect();
    // each span by its rank in text order (CoNLL keeps tokens, not the text's spacing, so
    // offsets differ there)
    let mut order: Vec<(usize, usize)> = kept
        .iter()
        .map(|a| (a.span.start(), a.span.end()))
        .collect();
    order.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    let rank = |a: &Annotation| {
        order
            .iter()
            .position(|&o| o == (a.span.start(), a.span.end()))
            .unwrap_or(usize::MAX)
    };
    let spans = kept
        .iter()
        .map(|a| {
            (
                rank(a),
                doc.slice(a.span.start(), a.span.end()).to_owned(),
                a.label,
                status_name(a.status),
                if notes { a.note.clone() } else { String::new() },
            )
        })
        .collect();
    let links = if speakers {
        kept.iter()
            .filter_map(|a| {
                let to = a.facts.speaker.as_ref()?.mention?;
                let s = kept.iter().find(|b| b.id == to)?;
                Some((rank(a), rank(s)))
            })
            .collect()
    } else {
        BTreeSet::new()
    };
    (spans, links)
}

fn check(format: FormatId, doc: &Document, anns: &[Annotation]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let exported = convert::exporter(format, ExportOptions::default()).export(doc, anns);
    let path = dir.path().join(format!("a{}", format.extension()));
    convert::write_exported(&path, &exported).unwrap();
    let mut files = vec![path.clone()];
    if std::str::from_utf8(&exported.bytes).is_ok() {
        let bom = dir.path().join(format!("bom{}", format.extension()));
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend_from_slice(&exported.bytes);
        std::fs::write(&bom, bytes).unwrap();
        if format == FormatId::Brat {
            std::fs::copy(path.with_extension("txt"), bom.with_extension("txt")).unwrap();
        }
        files.push(bom);
    }
    // a pending or rejected annotation may come back with the status the format gives
    // what it carries; compare statuses only for the formats that keep them
    let keeps_status = !matches!(
        format,
        FormatId::Conll | FormatId::Prodigy | FormatId::LabelStudioMin
    );
    // doccano holds the notes as the document's `Comments`, which name no span: they
    // reach doccano but cannot be put back on their annotations
    let notes_back = format != FormatId::Doccano;
    let want = seen(doc, anns, &exported.left_out, false, notes_back);
    for file in files {
        let (found, docs) = convert::read(&file, None, &LabelMap::default(), Unknown::Skip, None)
            .map_err(|e| TestCaseError::fail(format!("{format:?}: {e}")))?;
        prop_assert_eq!(found, format);
        prop_assert_eq!(docs.len(), 1);
        let got = &docs[0];
        prop_assert!(got.problems.is_empty(), "{:?}: {:?}", format, got.problems);
        if format != FormatId::Conll {
            prop_assert_eq!(got.document.text(), doc.text(), "{:?}", format);
        }
        let mut have = seen(&got.document, &got.annotations, &[], true, notes_back);
        let mut want = want.clone();
        if format == FormatId::Conll {
            // CoNLL keeps the tokens, not the spacing between them
            let unspaced = |s: &mut Seen| {
                s.0 =
                    s.0.iter()
                        .map(|(w, t, l, st, n)| {
                            let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
                            (*w, t, *l, *st, n.clone())
                        })
                        .collect();
            };
            unspaced(&mut have);
            unspaced(&mut want);
        }
        if !keeps_status {
            let plain = |s: &mut Seen| {
                s.0 =
                    s.0.iter()
                        .map(|(w, t, l, _, n)| (*w, t.clone(), *l, "accepted", n.clone()))
                        .collect();
            };
            plain(&mut have);
            plain(&mut want);
        }
        prop_assert_eq!(have, want, "{:?}", format);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_format_reads_back_what_it_carries(
        pieces in prop::collection::vec(piece(), 3..14),
        marks in prop::collection::vec(mark(), 0..6),
    ) {
        let (doc, anns) = article(&pieces, &marks);
        for format in FormatId::ALL {
            check(format, &doc, &anns)?;
        }
    }
}
