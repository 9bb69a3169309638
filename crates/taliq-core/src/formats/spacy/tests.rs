use super::{OVERLAP_GROUP, PENDING_GROUP, SpacyDocBin, docbin, looks_like_docbin, tokens};
use crate::formats::exchange::testing::{char_span, marked, placed, sample_half_accepted};
use crate::formats::exchange::{
    Exporter, Importer, LabelMap, LeftOut, ReadError, Unknown, in_text_order, place,
};
use crate::model::annotation::{Annotation, Status};
use crate::model::document::Document;
use crate::model::label::Label;
use crate::model::span::Span;

/// The hard text of the interop test (emoji before the spans, CRLF, harakat, lam-alef, an
/// Arabic word last), with a double space, a proclitic before a span and a nested span.
fn hard() -> (Document, Vec<Annotation>) {
    let t = "💩 قال الرئيسُ عبد  الفتاح السيسي:\r\n«لن نتراجع» في بالقاهرة لألأ مُحَمَّد";
    let doc = Document::from_text(t, "hard.txt", "UTF-8");
    let at = |s: &str| char_span(t, s);
    let spans = [
        ("عبد  الفتاح السيسي", Label::Person, Status::Accepted),
        ("لن نتراجع", Label::Quote, Status::Accepted),
        ("نتراجع", Label::Misc, Status::Accepted),
        ("القاهرة", Label::Location, Status::Pending),
        ("مُحَمَّد", Label::Person, Status::Accepted),
        ("لألأ", Label::Misc, Status::Rejected),
    ];
    let spans: Vec<_> = spans
        .iter()
        .map(|&(s, l, st)| {
            let (a, b) = at(s);
            (a, b, l, st)
        })
        .collect();
    let anns = marked(&doc, &spans);
    (doc, anns)
}

/// What a round trip keeps: span, label, status of the accepted and pending ones.
fn kept(anns: &[Annotation]) -> Vec<(Span, Label, Status)> {
    let mut v: Vec<_> = in_text_order(anns)
        .into_iter()
        .filter(|a| a.status != Status::Rejected)
        .map(|a| (a.span, a.label, a.status))
        .collect();
    v.sort_by_key(|&(s, l, st)| (s, l, st == Status::Pending));
    v
}

#[test]
fn the_sample_and_the_hard_text_come_back_with_the_same_spans() {
    let articles = [sample_half_accepted("ملاحظة"), hard()];
    let refs: Vec<(&Document, &[Annotation])> =
        articles.iter().map(|(d, a)| (d, a.as_slice())).collect();
    let out = SpacyDocBin.export_all(&refs).unwrap();
    assert!(
        out.left_out.contains(&LeftOut::Rejected(1)),
        "{:?}",
        out.left_out
    );
    assert!(
        out.left_out.contains(&LeftOut::Notes(1)),
        "{:?}",
        out.left_out
    );
    assert!(
        !out.left_out
            .iter()
            .any(|l| matches!(l, LeftOut::Pending(_)))
    );
    assert!(looks_like_docbin(&out.bytes));
    let docs = SpacyDocBin.import(&out.bytes).unwrap();
    assert_eq!(docs.len(), 2);
    for ((doc, anns), foreign) in articles.iter().zip(&docs) {
        assert_eq!(foreign.text, doc.text());
        assert_eq!(foreign.name.as_deref(), Some(doc.source_name()));
        let placed = placed(doc, foreign, crate::model::format::FormatId::Spacy);
        assert_eq!(placed.problems, []);
        assert_eq!(kept(&placed.annotations), kept(anns));
    }
    // one article alone is the same DocBin of one Doc
    let one = SpacyDocBin.export(&articles[1].0, &articles[1].1);
    assert_eq!(SpacyDocBin.import(&one.bytes).unwrap()[0], docs[1]);
}

/// The hard text's Doc: whitespace that is not one space is a token of its own, the
/// proclitic is cut off, the nested span makes the `sc` group, the pending one its group.
#[test]
fn the_hard_text_has_whitespace_tokens_ents_and_groups() {
    let (doc, anns) = hard();
    let out = SpacyDocBin.export(&doc, &anns);
    let raw = &docbin::decode(&out.bytes).unwrap()[0];
    let pairs: Vec<(&str, bool)> = raw
        .words
        .iter()
        .map(String::as_str)
        .zip(raw.spaces.iter().copied())
        .collect();
    assert_eq!(
        &pairs[..8],
        [
            ("💩", true),
            ("قال", true),
            ("الرئيسُ", true),
            ("عبد", true),
            (" ", false),
            ("الفتاح", true),
            ("السيسي", false),
            (":", false),
        ]
    );
    assert!(pairs.contains(&("\r\n", false)));
    assert!(pairs.contains(&("ب", false)) && pairs.contains(&("القاهرة", true)));
    assert_eq!(pairs.last(), Some(&("مُحَمَّد", false)));
    let keys: Vec<&str> = raw.groups.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, [OVERLAP_GROUP, PENDING_GROUP]);
    assert_eq!(raw.groups[0].1.len(), 4);
    // the ents: the person, the quote (not the word inside it), the last person
    let starts: Vec<(&str, &str)> = (0..raw.words.len())
        .filter(|&i| raw.iob[i] == super::IOB_B)
        .map(|i| (raw.words[i].as_str(), raw.ent_types[i].as_str()))
        .collect();
    assert_eq!(
        starts,
        [("عبد", "PERSON"), ("لن", "QUOTE"), ("مُحَمَّد", "PERSON")]
    );
}

/// Every span edge is a token edge and the tokens cover the text, whatever the spans.
#[test]
fn tokens_cover_the_text_and_every_span_edge() {
    let t = "  أ  ب\t\tج \r\n ـد  ";
    let doc = Document::from_text(t, "t.txt", "UTF-8");
    let n = doc.char_len();
    let mut spans = Vec::new();
    for s in 0..n {
        for e in s + 1..=n {
            if Span::new(&doc, s, e).is_ok() {
                spans.push((s, e, Label::Misc, Status::Accepted));
            }
        }
    }
    for (s, e, _, _) in &spans {
        let anns = marked(&doc, &[(*s, *e, Label::Misc, Status::Accepted)]);
        let refs: Vec<&Annotation> = anns.iter().collect();
        let toks = tokens(&doc, &refs);
        let mut text = String::new();
        for t in &toks {
            text.push_str(doc.slice(t.start, t.end));
            if t.space {
                text.push(' ');
            }
        }
        assert_eq!(text, t);
        assert!(toks.iter().any(|t| t.start == *s), "{s}..{e}");
        assert!(toks.iter().any(|t| t.end == *e), "{s}..{e}");
        let out = SpacyDocBin.export(&doc, &anns);
        let back = &SpacyDocBin.import(&out.bytes).unwrap()[0];
        assert_eq!(back.text, t);
        assert_eq!((back.spans[0].start, back.spans[0].end), (*s, *e));
    }
}

#[test]
fn an_empty_article_and_an_empty_docbin() {
    let doc = Document::from_text("", "e.txt", "UTF-8");
    let out = SpacyDocBin.export(&doc, &[]);
    let docs = SpacyDocBin.import(&out.bytes).unwrap();
    assert_eq!((docs[0].text.as_str(), docs[0].spans.len()), ("", 0));
    let none = SpacyDocBin.export_all(&[]).unwrap();
    assert_eq!(SpacyDocBin.import(&none.bytes), Err(ReadError::Empty));
    assert!(!looks_like_docbin(b"{\"text\": 1}"));
    assert!(matches!(
        SpacyDocBin.import(&out.bytes[..out.bytes.len() - 1]),
        Err(ReadError::Damaged { .. })
    ));
}

/// A DocBin spaCy made (`tests/interop/spacy_made.py --fixture`: `spacy.blank("ar")`
/// docs, default attrs, `doc.ents` set, overlapping spans in `doc.spans["sc"]`) reads to
/// the text and the spans spaCy had: the expected file is what spaCy printed.
#[test]
fn a_docbin_spacy_made_reads_as_spacy_had_it() {
    let bytes = include_bytes!("../../../tests/fixtures/spacy-blank-ar.spacy");
    let want: serde_json::Value =
        serde_json::from_str(include_str!("../../../tests/fixtures/spacy-blank-ar.json")).unwrap();
    let docs = SpacyDocBin.import(bytes).unwrap();
    let want = want.as_array().unwrap();
    assert_eq!(docs.len(), want.len());
    for (d, w) in docs.iter().zip(want) {
        assert_eq!(d.text, w["text"].as_str().unwrap());
        let got: Vec<serde_json::Value> = d
            .spans
            .iter()
            .map(|s| serde_json::json!([s.start, s.end, s.label, s.id.as_deref().unwrap_or("")]))
            .collect();
        let mut wanted: Vec<serde_json::Value> = Vec::new();
        for (key, list) in [("ents", &w["ents"]), ("sc", &w["sc"])] {
            for (k, s) in list.as_array().unwrap().iter().enumerate() {
                let seen = wanted
                    .iter()
                    .any(|x| x[0] == s[0] && x[1] == s[1] && x[2] == s[2]);
                if !seen {
                    wanted.push(serde_json::json!([s[0], s[1], s[2], format!("{key}[{k}]")]));
                }
            }
        }
        assert_eq!(got, wanted);
        let doc = Document::from_text(&d.text, "t.txt", "UTF-8");
        let placed = place(
            &doc,
            d,
            &LabelMap::default(),
            Unknown::AsMisc,
            1,
            crate::model::format::FormatId::Spacy,
        );
        assert!(
            placed.problems.iter().all(|p| matches!(
                p,
                crate::formats::exchange::SpanProblem::UnknownLabel { .. }
            )),
            "{:?}",
            placed.problems
        );
    }
}
