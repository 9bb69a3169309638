use serde_json::{Value, json};

use super::{QUOTE_CONTEXT, WebAnnotation, looks_like, source_iri};
use crate::formats::exchange::testing::{char_span, kept, link_speaker, marked, placed};
use crate::formats::exchange::{
    Exporter, Importer, LeftOut, ReadError, SpanProblem, in_text_order,
};
use crate::formats::offsets::{OffsetUnit, to_unit};
use crate::model::annotation::{Annotation, DateValue, PersonAttributes, Status};
use crate::model::document::Document;
use crate::model::label::Label;
use crate::session::{Edit, Session};

const HARD: &str = "💩 قال الرئيسُ عبد الفتاح السيسي:\r\n«لن نتراجع» في القاهرة لألأ مُحَمَّد";

/// The hard text: a person with a note and facts, a quote he said, a pending place, a
/// name with harakat as the last word, a rejected lam-alef.
fn hard() -> (Document, Vec<Annotation>) {
    let doc = Document::from_text(HARD, "hard.txt", "UTF-8");
    let at = |s| char_span(HARD, s);
    let spans = [
        ("عبد الفتاح السيسي", Label::Person, Status::Accepted),
        ("لن نتراجع", Label::Quote, Status::Accepted),
        ("القاهرة", Label::Location, Status::Pending),
        ("مُحَمَّد", Label::Person, Status::Accepted),
        ("لألأ", Label::Misc, Status::Rejected),
    ];
    let spans: Vec<_> = spans
        .iter()
        .map(|&(s, l, st)| (at(s).0, at(s).1, l, st))
        .collect();
    let mut anns = marked(&doc, &spans);
    anns[0].note = "رئيس مصر\nسطر \"ثان\"".into();
    anns[0].facts.attributes = Some(PersonAttributes::typed("الرئيس", "مصر"));
    anns[0].canonical = "عبد الفتاح السيسي (مصر)".into();
    link_speaker(&mut anns, 1, 0);
    (doc, anns)
}

/// The sample article with its suggestions: the first half accepted, one rejected, a note.
fn sample() -> (Document, Vec<Annotation>) {
    let text = include_str!("../../../../../seeds/putin-trump-call.ar.txt");
    let doc = Document::from_text(text, "putin-trump-call.ar.txt", "UTF-8");
    let mut session = Session::with_extraction(doc);
    let ids: Vec<u64> = session.annotations().iter().map(|a| a.id).collect();
    for (i, id) in ids.iter().enumerate() {
        let status = match i {
            1 => Status::Rejected,
            i if i < ids.len() / 2 => Status::Accepted,
            _ => continue,
        };
        session.apply(Edit::SetStatus { id: *id, status }).unwrap();
    }
    let mut anns = session.annotations().to_vec();
    anns[0].note = "ملاحظة".into();
    (session.document().clone(), anns)
}

/// What the reader must give back: the annotations not rejected, in text order.
fn written(anns: &[Annotation]) -> Vec<Annotation> {
    in_text_order(anns)
        .into_iter()
        .filter(|a| a.status != Status::Rejected)
        .cloned()
        .collect()
}

/// Exports, reads back over nothing but the file, places; checks the spans, labels,
/// statuses, notes and which mention each quote's speaker is.
fn round_trip(doc: &Document, anns: &[Annotation]) {
    let out = WebAnnotation::default().export(doc, anns);
    let docs = WebAnnotation::default().import(&out.bytes).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].text, doc.text());
    let back = Document::from_text(&docs[0].text, "back.txt", "UTF-8");
    let placed = placed(
        &back,
        &docs[0],
        crate::model::format::FormatId::WebAnnotation,
    );
    assert!(placed.problems.is_empty(), "{:?}", placed.problems);
    let want = written(anns);
    assert_eq!(kept(&placed.annotations), kept(&want));
    let speaker_span = |all: &[Annotation], a: &Annotation| {
        let to = a.facts.speaker.as_ref()?.mention?;
        all.iter().find(|b| b.id == to).map(|b| b.span)
    };
    for (got, w) in placed.annotations.iter().zip(&want) {
        let expected = speaker_span(anns, w).filter(|s| want.iter().any(|b| b.span == *s));
        assert_eq!(speaker_span(&placed.annotations, got), expected);
        // the facts and canonical names come back from the taliq: properties
        assert_eq!(got.facts.attributes, w.facts.attributes);
        assert_eq!(got.facts.value, w.facts.value);
        assert_eq!(got.canonical, w.canonical);
        assert_eq!(
            got.facts.speaker.as_ref().map(|l| &l.entity),
            w.facts.speaker.as_ref().map(|l| &l.entity)
        );
    }
}

#[test]
fn the_hard_text_comes_back_with_its_spans_labels_notes_statuses_and_speaker() {
    let (doc, anns) = hard();
    round_trip(&doc, &anns);
    let out = WebAnnotation::default().export(&doc, &anns);
    assert_eq!(out.left_out, [LeftOut::Rejected(1)]);
}

#[test]
fn the_sample_article_comes_back_the_same() {
    let (doc, anns) = sample();
    assert!(
        anns.iter().any(|a| a.facts.speaker.is_some()),
        "a quote with a speaker"
    );
    round_trip(&doc, &anns);
}

/// The collection's shape (WADM §5): context, one embedded page without its own context,
/// one annotation a span and one a speaker link, selectors in code points, quotes of at
/// most 32 code points of context cut at grapheme cluster boundaries, the facts.
#[test]
fn the_export_is_a_collection_with_one_page_and_both_selectors() {
    let (doc, mut anns) = hard();
    anns[3].facts.value = Some(DateValue {
        value: "2019".into(),
        hijri: None,
    });
    let out = WebAnnotation::default().export(&doc, &anns);
    let c: Value = serde_json::from_slice(&out.bytes).unwrap();
    assert_eq!(
        c["@context"],
        json!([super::ANNO_CONTEXT, {"taliq": "urn:taliq:ns#"}])
    );
    assert_eq!(c["type"], "AnnotationCollection");
    assert_eq!(c["total"], 5);
    assert_eq!(c["taliq:articles"][0]["taliq:text"], HARD);
    let page = &c["first"];
    assert!(page.get("@context").is_none());
    assert_eq!(page["type"], "AnnotationPage");
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 5); // four spans, one link
    let person = &items[0];
    assert_eq!(
        person["body"][0],
        json!({"type": "TextualBody", "purpose": "tagging", "value": "PERSON"})
    );
    assert_eq!(person["body"][1]["purpose"], "commenting");
    assert_eq!(person["taliq:role"], "الرئيس");
    assert_eq!(person["taliq:canonical"], "عبد الفتاح السيسي (مصر)");
    assert_eq!(person["target"]["source"], source_iri(&doc));
    let (s, e) = char_span(HARD, "عبد الفتاح السيسي");
    assert_eq!(
        person["target"]["selector"][0],
        json!({"type": "TextPositionSelector", "start": s, "end": e})
    );
    assert_eq!(items[1]["taliq:speaker"], "PERSON:عبد الفتاح السيسي (مصر)");
    assert_eq!(items[2]["taliq:status"], "pending");
    assert_eq!(items[3]["taliq:dateValue"], "2019");
    let link = &items[4];
    assert_eq!(link["motivation"], "linking");
    assert_eq!(link["target"], items[1]["id"]);
    assert_eq!(link["body"][0]["source"], person["id"]);
    for item in &items[..4] {
        let quote = &item["target"]["selector"][1];
        let start = item["target"]["selector"][0]["start"].as_u64().unwrap() as usize;
        let end = item["target"]["selector"][0]["end"].as_u64().unwrap() as usize;
        assert_eq!(quote["exact"], doc.slice(start, end));
        let prefix = quote["prefix"].as_str().unwrap_or("");
        let suffix = quote["suffix"].as_str().unwrap_or("");
        assert!(prefix.chars().count() <= QUOTE_CONTEXT && suffix.chars().count() <= QUOTE_CONTEXT);
        assert!(doc.is_grapheme_boundary(start - prefix.chars().count()));
        assert!(doc.is_grapheme_boundary(end + suffix.chars().count()));
        assert_eq!(doc.slice(start - prefix.chars().count(), start), prefix);
    }
    // the last word has no suffix, the emoji starts the first prefix
    assert!(items[3]["target"]["selector"][1].get("suffix").is_none());
    assert!(
        person["target"]["selector"][1]["prefix"]
            .as_str()
            .unwrap()
            .starts_with('💩')
    );
}

#[test]
fn an_article_without_annotations_is_a_collection_without_a_page_and_reads_back() {
    let doc = Document::from_text("نص بلا أسماء", "empty.txt", "UTF-8");
    let out = WebAnnotation::default().export(&doc, &[]);
    let c: Value = serde_json::from_slice(&out.bytes).unwrap();
    assert_eq!(c["total"], 0);
    assert!(c.get("first").is_none());
    let docs = WebAnnotation::default().import(&out.bytes).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].text, doc.text());
    assert!(docs[0].spans.is_empty());
}

#[test]
fn several_articles_in_one_collection_come_back_as_several_documents() {
    let (a, aa) = hard();
    let (b, bb) = sample();
    let all = WebAnnotation::default()
        .export_all(&[(&a, &aa), (&b, &bb)])
        .unwrap();
    let docs = WebAnnotation::default().import(&all.bytes).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1].text, b.text());
    assert_eq!(docs[1].name.as_deref(), Some("putin-trump-call.ar.txt"));
    assert_eq!(docs[0].spans.len(), written(&aa).len());
    assert_eq!(docs[0].speakers, [(1, 0)]);
}

/// A JavaScript tool's file (no text of its own, positions counted in UTF-16 code units,
/// so every span after the emoji is one unit late): read over the open article, each span
/// is re-anchored by its quote; a quote that is nowhere is named by `place`.
#[test]
fn a_file_that_counted_utf16_is_rescued_by_its_quotes() {
    let doc = Document::from_text(HARD, "hard.txt", "UTF-8");
    let unit = |c| to_unit(&doc, c, OffsetUnit::Utf16).unwrap();
    let item = |id: &str, needle: &str, label: &str| {
        let (s, e) = char_span(HARD, needle);
        json!({"id": id, "type": "Annotation", "motivation": "tagging",
               "body": {"type": "TextualBody", "purpose": "classifying", "value": label},
               "target": {"source": "https://example.org/news/1",
                          "selector": [{"type": "TextPositionSelector", "start": unit(s), "end": unit(e)},
                                       {"type": "TextQuoteSelector", "exact": needle,
                                        "prefix": doc.slice(s.saturating_sub(5), s),
                                        "suffix": doc.slice(e, e + 3)}]}})
    };
    let file = json!({"@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationPage",
        "items": [item("x1", "عبد الفتاح السيسي", "PER"), item("x2", "لن نتراجع", "QUOTE"),
                  item("x3", "مُحَمَّد", "PER"),
                  {"type": "Annotation", "motivation": "commenting", "bodyValue": "لا مكان لها",
                   "body": {"type": "TextualBody", "purpose": "tagging", "value": "LOC"},
                   "target": {"source": "https://example.org/news/1",
                              "selector": {"type": "TextQuoteSelector", "exact": "دمشق"}}},
                  {"type": "Annotation", "motivation": "linking", "body": "x1", "target": "x2"}]});
    let bytes = file.to_string().into_bytes();
    assert!(looks_like(&bytes));
    // without the open article there is no text to read it over
    assert!(matches!(
        WebAnnotation::default().import(&bytes),
        Err(ReadError::Syntax { line: 0, .. })
    ));
    let docs = WebAnnotation::over(HARD).import(&bytes).unwrap();
    assert_eq!(docs.len(), 1);
    // the stated positions are wrong: the first is one unit late
    let (s, _) = char_span(HARD, "عبد الفتاح السيسي");
    assert_eq!(unit(s), s + 1);
    let placed = placed(
        &doc,
        &docs[0],
        crate::model::format::FormatId::WebAnnotation,
    );
    let spans: Vec<(usize, usize, Label)> = placed
        .annotations
        .iter()
        .map(|a| (a.span.start(), a.span.end(), a.label))
        .collect();
    let at = |n, l| {
        let (s, e) = char_span(HARD, n);
        (s, e, l)
    };
    assert_eq!(
        spans,
        [
            at("عبد الفتاح السيسي", Label::Person),
            at("لن نتراجع", Label::Quote),
            at("مُحَمَّد", Label::Person)
        ]
    );
    assert_eq!(placed.problems, [SpanProblem::OutsideText { index: 3 }]);
    assert_eq!(
        placed.annotations[1]
            .facts
            .speaker
            .as_ref()
            .unwrap()
            .mention,
        Some(1)
    );
    assert_eq!(docs[0].spans[3].note, "لا مكان لها");
}

/// Of several occurrences of a quote, the one its prefix and suffix match.
#[test]
fn the_quote_is_placed_where_its_context_matches() {
    let t = "قال بوتين أمس، ثم قال بوتين اليوم";
    let file = json!({"type": "Annotation", "body": [{"purpose": "tagging", "value": "PERSON"}],
        "target": {"source": "urn:x", "selector": [
            {"type": "TextPositionSelector", "start": 0, "end": 3},
            {"type": "TextQuoteSelector", "exact": "بوتين", "prefix": "ثم قال ", "suffix": " اليوم"}]}});
    let docs = WebAnnotation::over(t)
        .import(file.to_string().as_bytes())
        .unwrap();
    let (s, e) = char_span(t, "بوتين اليوم");
    assert_eq!(
        (docs[0].spans[0].start, docs[0].spans[0].end),
        (s, e - " اليوم".chars().count())
    );
}

#[test]
fn garbage_and_cut_files_are_read_errors() {
    let (doc, anns) = hard();
    let out = WebAnnotation::default().export(&doc, &anns);
    let cut = &out.bytes[..out.bytes.len() / 2];
    let is_syntax = |r: Result<_, ReadError>| matches!(r, Err(ReadError::Syntax { .. }));
    let r = WebAnnotation::default();
    assert!(is_syntax(r.import(cut)));
    assert!(is_syntax(r.import(b"not json at all")));
    assert!(is_syntax(r.import(br#"{"something": "else"}"#)));
    assert!(is_syntax(r.import(b"42")));
    assert!(is_syntax(r.import(b"[]")));
    assert_eq!(r.import(b"\xff\xfe{}"), Err(ReadError::NotUtf8));
    assert!(!looks_like(cut));
    assert!(!looks_like(br#"[{"data": {"text": "x"}}]"#));
    assert!(looks_like(&out.bytes));
    // odd but well-formed: positions past the text, wrong types, a page given by IRI only
    let odd = json!({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
        "first": "https://example.org/page1"});
    assert!(r.import(odd.to_string().as_bytes()).is_err());
    let past = json!({"type": "Annotation", "body": {"purpose": "tagging", "value": "PER"},
        "target": {"source": "urn:x", "selector": {"type": "TextPositionSelector", "start": -1, "end": "x"}}});
    let docs = WebAnnotation::over("قال بوتين")
        .import(past.to_string().as_bytes())
        .unwrap();
    let d = Document::from_text("قال بوتين", "t.txt", "UTF-8");
    let placed = placed(&d, &docs[0], crate::model::format::FormatId::WebAnnotation);
    assert_eq!(placed.problems, [SpanProblem::OutsideText { index: 0 }]);
}
