//! The W3C Web Annotation Data Model (WADM, W3C Recommendation 2017-02-23) in its JSON-LD
//! serialization: an `AnnotationCollection` (WADM §5.1) whose embedded `first`
//! `AnnotationPage` (§5.2, no `@context` of its own) holds one `Annotation` (§3.1) a span:
//!
//! ```text
//! {"@context": ["http://www.w3.org/ns/anno.jsonld", {"taliq": "urn:taliq:ns#"}],
//!  "id": "urn:taliq:collection:<hex>", "type": "AnnotationCollection", "total": 2,
//!  "taliq:articles": [{"id": "urn:taliq:sha256:<hex>", "type": "Text",
//!                      "taliq:name": "news.txt", "taliq:text": "…"}],
//!  "first": {"id": "urn:taliq:collection:<hex>#page1", "type": "AnnotationPage",
//!            "startIndex": 0, "items": [
//!   {"id": "urn:taliq:sha256:<hex>#a1", "type": "Annotation", "motivation": "tagging",
//!    "taliq:status": "accepted",
//!    "body": [{"type": "TextualBody", "purpose": "tagging", "value": "PERSON"},
//!             {"type": "TextualBody", "purpose": "commenting", "value": "رئيس مصر",
//!              "format": "text/plain"}],
//!    "target": {"type": "SpecificResource", "source": "urn:taliq:sha256:<hex>",
//!               "selector": [{"type": "TextPositionSelector", "start": 11, "end": 28},
//!                            {"type": "TextQuoteSelector", "exact": "عبد الفتاح السيسي",
//!                             "prefix": "قال الرئيس ", "suffix": ": «لن"}]}},
//!   {"id": "urn:taliq:sha256:<hex>#s2", "type": "Annotation", "motivation": "linking",
//!    "body": [{"type": "SpecificResource", "source": "urn:taliq:sha256:<hex>#a1",
//!              "purpose": "linking"},
//!             {"type": "TextualBody", "purpose": "tagging", "value": "speaker"}],
//!    "target": "urn:taliq:sha256:<hex>#a2"}]}}
//! ```
//!
//! - The article is `urn:taliq:sha256:<hex>`, the SHA-256 of its text
//!   ([`Document::sha256`]; a second article of the same text in one collection `…:2`,
//!   [`source_iris`]), its annotations `<article>#a<id>`, its speaker links
//!   `<article>#s<quote id>`. WADM never embeds the annotated text; Taliq does, as the
//!   extension `taliq:articles` on the collection (its name and text), because a file is
//!   read without the article beside it. A file without it (another tool's) is read over
//!   the open article's text ([`WebAnnotation::over`]).
//! - `TextPositionSelector` (§4.2.4) counts code points, start included, end excluded;
//!   `TextQuoteSelector` (§4.2.5) gives `exact` and up to [`QUOTE_CONTEXT`] code points of
//!   `prefix` and `suffix`, cut at grapheme cluster boundaries (§4.2.4: a selection SHOULD
//!   NOT split a cluster), left out when empty (at the ends of the text).
//! - The label is a `TextualBody` with `purpose: tagging` (§3.3.5; `classifying` is read
//!   too), the note one with `purpose: commenting`; motivation `tagging` (§3.3.5).
//! - Accepted and pending annotations are written, with the extension property
//!   `taliq:status` (`accepted`, `pending`: §3.3.1 allows properties beyond the model's
//!   given a context for them); rejected ones are left out
//!   ([`crate::formats::exchange::LeftOut::Rejected`]).
//! - A quote's speaker is an annotation of its own with `motivation: linking` (§3.3.5):
//!   its body the speaker's annotation (a `SpecificResource` whose `source` is that
//!   annotation's `id`: annotations are resources, §3.1), tagged `speaker`, and its target
//!   the quote's annotation. The speaker's entity id is also on the quote as
//!   `taliq:speaker` (`PERSON:canonical`), for a speaker found by name only.
//! - Role, nationality, date values (Gregorian and Hijri) and a canonical name other than
//!   the text are the extension properties `taliq:role`, `taliq:nationality`,
//!   `taliq:dateValue`, `taliq:hijri`, `taliq:canonical` of the annotation. They are
//!   written but not read back: [`ForeignSpan`] has no place for them.
//! - An article with no annotation gives a collection with `total: 0` and no `first`
//!   (§5.1: `first` is required only when there are annotations; §5.2: `items` MUST NOT
//!   be empty).
//!
//! Read: a collection (its embedded `first` page and the embedded `next` pages after it),
//! a page, a bare list of annotations, or one annotation. Each span's position is checked
//! against its quote: when `exact` is not the text at `start`/`end` (a JavaScript tool
//! that counted UTF-16 code units, the interop reference §5 pitfall, or another version
//! of the text), the span is re-anchored at the occurrence of `exact` that best matches
//! `prefix` and `suffix`, nearest the stated position; the quote stays its stated text,
//! so [`crate::formats::exchange::place`] names a span whose quote is nowhere.

use std::fmt::Write as _;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::formats::exchange::{
    Carries, Exported, Exporter, ForeignDocument, ForeignSpan, Importer, ReadError, file_text,
    in_text_order, json_value, left_out, merged, some_documents,
};
use crate::formats::offsets::OffsetUnit;
use crate::model::annotation::{
    Annotation, DateValue, Facts, PersonAttributes, SpeakerLink, Status,
};
use crate::model::document::Document;
use crate::model::entity_id::EntityId;

/// The JSON-LD context of the Web Annotation vocabulary (WADM §1.3 and Appendix A), the
/// first `@context` of every file written.
pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The namespace of Taliq's extension properties, the prefix `taliq` of the second context.
pub const TALIQ_NS: &str = "urn:taliq:ns#";
/// The media type of a file (WADM §1.3).
pub const MEDIA_TYPE: &str = "application/ld+json;profile=\"http://www.w3.org/ns/anno.jsonld\"";
/// How many code points of text before and after a span its `TextQuoteSelector` gives at
/// most (fewer at the ends of the text or to end on a grapheme cluster boundary).
pub const QUOTE_CONTEXT: usize = 32;
/// The tag of a speaker link.
const SPEAKER: &str = "speaker";

/// The IRI of an article: `urn:taliq:sha256:<lowercase hex SHA-256 of its text>`.
#[must_use]
pub fn source_iri(doc: &Document) -> String {
    format!("urn:taliq:sha256:{}", doc.sha256())
}

/// The IRIs of the articles of one collection, in order: each its [`source_iri`], but
/// the second, third, … article of a text already there `urn:taliq:sha256:<hex>:2`, `:3`,
/// … (two articles of one text are still two sets of annotations).
#[must_use]
pub fn source_iris(articles: &[&Document]) -> Vec<String> {
    articles
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let before = articles[..i]
                .iter()
                .filter(|p| p.sha256() == d.sha256())
                .count();
            match before {
                0 => source_iri(d),
                n => format!("{}:{}", source_iri(d), n + 1),
            }
        })
        .collect()
}

/// The Web Annotation format, both ways. Written by [`Exporter`]; read by [`Importer`],
/// with `over` the text of the open article for files that hold no text of their own.
#[derive(Debug, Clone, Default)]
pub struct WebAnnotation {
    /// The open article's text, for annotations whose source text the file does not hold:
    /// used for the source whose IRI is its [`source_iri`], or for the file's only source.
    pub over: Option<String>,
}

impl WebAnnotation {
    /// A reader of files whose annotations are of `text` (the open article).
    #[must_use]
    pub fn over(text: &str) -> WebAnnotation {
        WebAnnotation {
            over: Some(text.to_owned()),
        }
    }
}

/// Whether `bytes` look like a Web Annotation file: a JSON object, or a list whose first
/// item is one, with [`ANNO_CONTEXT`] in its `@context` or of type `Annotation`,
/// `AnnotationCollection` or `AnnotationPage`.
#[must_use]
pub fn looks_like(bytes: &[u8]) -> bool {
    let Ok(text) = file_text(bytes) else {
        return false;
    };
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return false;
    };
    let first = match &value {
        Value::Array(list) => list.first().unwrap_or(&Value::Null),
        v => v,
    };
    let context = match first.get("@context") {
        Some(Value::String(c)) => is_anno_context(c),
        Some(Value::Array(cs)) => cs.iter().filter_map(Value::as_str).any(is_anno_context),
        _ => false,
    };
    context
        || types(first)
            .iter()
            .any(|t| matches!(*t, "Annotation" | "AnnotationCollection" | "AnnotationPage"))
}

fn is_anno_context(c: &str) -> bool {
    c.trim_start_matches("https://")
        .trim_start_matches("http://")
        == "www.w3.org/ns/anno.jsonld"
}

// ---------------------------------------------------------------------------------------
// Export

impl Exporter for WebAnnotation {
    fn export(&self, doc: &Document, annotations: &[Annotation]) -> Exported {
        collection(&[(doc, annotations)])
    }

    /// One collection for all the articles: their annotations on one page, told apart by
    /// their target's `source`, and every article in `taliq:articles`.
    fn export_all(&self, articles: &[(&Document, &[Annotation])]) -> Option<Exported> {
        Some(collection(articles))
    }
}

fn collection(articles: &[(&Document, &[Annotation])]) -> Exported {
    let mut items = Vec::new();
    let mut all_left_out = Vec::new();
    let mut described = Vec::new();
    let mut hashes = Sha256::new();
    let docs: Vec<&Document> = articles.iter().map(|(d, _)| *d).collect();
    for ((doc, annotations), source) in articles.iter().zip(source_iris(&docs)) {
        items.extend(article_items(doc, &source, annotations));
        all_left_out = merged(&all_left_out, &left_out(doc, annotations, CARRIES));
        described.push(json!({"id": source, "type": "Text",
                              "taliq:name": doc.source_name(), "taliq:text": doc.text()}));
        hashes.update(doc.sha256().as_bytes());
        hashes.update(b"\n");
    }
    let hex = hashes.finalize().iter().fold(String::new(), |mut h, b| {
        let _ = write!(h, "{b:02x}");
        h
    });
    let id = match articles {
        [(doc, _)] => format!("urn:taliq:collection:{}", doc.sha256()),
        _ => format!("urn:taliq:collection:{hex}"),
    };
    let mut c = json!({
        "@context": [ANNO_CONTEXT, {"taliq": TALIQ_NS}],
        "id": id,
        "type": "AnnotationCollection",
        "total": items.len(),
        "taliq:articles": described,
    });
    if let [(doc, _)] = articles {
        c["label"] = json!(doc.source_name());
    }
    if !items.is_empty() {
        c["first"] = json!({"id": format!("{id}#page1"), "type": "AnnotationPage",
                            "startIndex": 0, "items": items});
    }
    let text = serde_json::to_string_pretty(&c).unwrap_or_default();
    Exported {
        bytes: (text + "\n").into_bytes(),
        left_out: all_left_out,
        companions: Vec::new(),
    }
}

/// What the format carries beyond decided labelled spans.
const CARRIES: &[Carries] = &[
    Carries::Pending,
    Carries::Notes,
    Carries::Speakers,
    Carries::Attributes,
    Carries::DateValues,
    Carries::CanonicalNames,
];

/// The annotations of one article: one per span (not rejected), in text order, then one
/// per speaker link.
fn article_items(doc: &Document, source: &str, annotations: &[Annotation]) -> Vec<Value> {
    let kept: Vec<&Annotation> = in_text_order(annotations)
        .into_iter()
        .filter(|a| a.status != Status::Rejected)
        .collect();
    let id_of = |id: u64| format!("{source}#a{id}");
    let mut out: Vec<Value> = kept
        .iter()
        .map(|a| span_item(doc, source, &id_of(a.id), a))
        .collect();
    for a in &kept {
        if let Some(to) = a.facts.speaker.as_ref().and_then(|l| l.mention)
            && kept.iter().any(|b| b.id == to)
        {
            out.push(json!({
                "id": format!("{source}#s{}", a.id),
                "type": "Annotation",
                "motivation": "linking",
                "body": [{"type": "SpecificResource", "source": id_of(to), "purpose": "linking"},
                         {"type": "TextualBody", "purpose": "tagging", "value": SPEAKER}],
                "target": id_of(a.id),
            }));
        }
    }
    out
}

fn span_item(doc: &Document, source: &str, id: &str, a: &Annotation) -> Value {
    let (s, e) = (a.span.start(), a.span.end());
    let exact = doc.slice(s, e);
    let mut quote = json!({"type": "TextQuoteSelector", "exact": exact});
    let prefix = doc.slice(doc.grapheme_ceil(s.saturating_sub(QUOTE_CONTEXT)), s);
    let suffix = doc.slice(e, doc.grapheme_floor(e.saturating_add(QUOTE_CONTEXT)));
    if !prefix.is_empty() {
        quote["prefix"] = json!(prefix);
    }
    if !suffix.is_empty() {
        quote["suffix"] = json!(suffix);
    }
    let mut body = vec![json!({"type": "TextualBody", "purpose": "tagging",
                               "value": a.label.as_str()})];
    if !a.note.is_empty() {
        body.push(
            json!({"type": "TextualBody", "purpose": "commenting", "value": a.note,
                         "format": "text/plain"}),
        );
    }
    let status = if a.status == Status::Pending {
        "pending"
    } else {
        "accepted"
    };
    let mut item = json!({
        "id": id,
        "type": "Annotation",
        "motivation": "tagging",
        "taliq:status": status,
        "body": body,
        "target": {"type": "SpecificResource", "source": source,
                   "selector": [{"type": "TextPositionSelector", "start": s, "end": e}, quote]},
    });
    let mut extra = |key: &str, value: Option<&str>| {
        if let Some(v) = value {
            item[key] = json!(v);
        }
    };
    let facts = &a.facts;
    let attributes = facts.attributes.as_ref();
    extra("taliq:role", attributes.and_then(|p| p.role.as_deref()));
    extra(
        "taliq:nationality",
        attributes.and_then(|p| p.nationality.as_deref()),
    );
    extra(
        "taliq:dateValue",
        facts.value.as_ref().map(|v| v.value.as_str()),
    );
    extra(
        "taliq:hijri",
        facts.value.as_ref().and_then(|v| v.hijri.as_deref()),
    );
    extra(
        "taliq:canonical",
        Some(a.canonical.as_str()).filter(|c| *c != exact),
    );
    let speaker = facts.speaker.as_ref().map(|l| l.entity.to_string());
    extra("taliq:speaker", speaker.as_deref());
    item
}

// ---------------------------------------------------------------------------------------
// Import

/// The facts Taliq writes as extension properties of an annotation (`taliq:role`,
/// `taliq:nationality`, `taliq:dateValue`, `taliq:hijri`, `taliq:speaker`), read back.
fn extension_facts(a: &Value) -> Facts {
    let text = |k: &str| a.get(k).and_then(Value::as_str).map(str::to_owned);
    let (role, nationality) = (text("taliq:role"), text("taliq:nationality"));
    Facts {
        attributes: (role.is_some() || nationality.is_some())
            .then_some(PersonAttributes { role, nationality }),
        speaker: text("taliq:speaker")
            .and_then(|e| e.parse::<EntityId>().ok())
            .map(|entity| SpeakerLink {
                entity,
                mention: None,
            }),
        value: text("taliq:dateValue").map(|value| DateValue {
            value,
            hijri: text("taliq:hijri"),
        }),
    }
}

/// The local name of each `type` of `v` (`oa:Annotation`, the full IRI and `Annotation`
/// all give `Annotation`).
fn types(v: &Value) -> Vec<&str> {
    let list: Vec<&Value> = match v.get("type").or_else(|| v.get("@type")) {
        Some(Value::Array(ts)) => ts.iter().collect(),
        Some(t) => vec![t],
        None => Vec::new(),
    };
    list.into_iter()
        .filter_map(Value::as_str)
        .map(local)
        .collect()
}

/// `oa:tagging`, `http://www.w3.org/ns/oa#tagging` → `tagging`.
fn local(term: &str) -> &str {
    term.rsplit(['#', ':', '/']).next().unwrap_or(term)
}

/// The values of `key`, a single value or a list.
fn many<'v>(v: &'v Value, key: &str) -> Vec<&'v Value> {
    match v.get(key) {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(one) => vec![one],
    }
}

/// An IRI given as a string or as an object's `id`.
fn iri(v: &Value) -> Option<&str> {
    v.as_str()
        .or_else(|| v.get("id").or_else(|| v.get("@id")).and_then(Value::as_str))
}

/// What the reader gathers from the file before it knows the texts.
#[derive(Default)]
struct Gathered<'v> {
    /// Annotations, in file order.
    annotations: Vec<&'v Value>,
    /// `(source IRI, name, text)` of `taliq:articles`.
    articles: Vec<(String, Option<String>, String)>,
    /// Whether anything of the model was seen (a collection, a page, an annotation).
    recognized: bool,
}

fn gather<'v>(v: &'v Value, out: &mut Gathered<'v>) {
    match v {
        Value::Array(list) => list.iter().for_each(|x| gather(x, out)),
        Value::Object(map) => {
            for a in many(v, "taliq:articles") {
                if let (Some(id), Some(text)) =
                    (iri(a), a.get("taliq:text").and_then(Value::as_str))
                {
                    let name = a
                        .get("taliq:name")
                        .and_then(Value::as_str)
                        .map(str::to_owned);
                    out.articles.push((id.to_owned(), name, text.to_owned()));
                }
            }
            let ts = types(v);
            if ts.contains(&"Annotation") || (ts.is_empty() && map.contains_key("target")) {
                out.recognized = true;
                out.annotations.push(v);
                return;
            }
            if ts
                .iter()
                .any(|t| t.contains("Collection") || t.contains("Page"))
                || map.contains_key("items")
            {
                out.recognized = true;
            }
            for key in ["first", "items", "next"] {
                for x in many(v, key) {
                    if x.is_object() || x.is_array() {
                        gather(x, out);
                    }
                }
            }
        }
        _ => {}
    }
}

fn syntax(reason: String) -> ReadError {
    ReadError::Syntax { line: 0, reason }
}

/// A span target: its source and the selectors that say where.
struct Selected {
    source: String,
    position: Option<(usize, usize)>,
    exact: Option<String>,
    prefix: String,
    suffix: String,
}

fn selected(target: &Value) -> Option<Selected> {
    let source = target.get("source").and_then(iri)?.to_owned();
    let mut s = Selected {
        source,
        position: None,
        exact: None,
        prefix: String::new(),
        suffix: String::new(),
    };
    let mut selectors = many(target, "selector");
    // a Choice of selectors (drafts of the model): its items
    let choices: Vec<&Value> = selectors
        .iter()
        .flat_map(|x| many(x, "items").into_iter().chain(many(x, "members")))
        .collect();
    selectors.extend(choices);
    for sel in selectors {
        let ts = types(sel);
        let text = |k: &str| sel.get(k).and_then(Value::as_str).map(str::to_owned);
        if ts.contains(&"TextPositionSelector") && s.position.is_none() {
            let n = |k: &str| {
                sel.get(k)
                    .and_then(Value::as_u64)
                    .map(|x| usize::try_from(x).unwrap_or(usize::MAX))
            };
            if let (Some(a), Some(b)) = (n("start"), n("end")) {
                s.position = Some((a, b));
            }
        }
        if ts.contains(&"TextQuoteSelector") && s.exact.is_none() {
            s.exact = text("exact").filter(|x| !x.is_empty());
            s.prefix = text("prefix").unwrap_or_default();
            s.suffix = text("suffix").unwrap_or_default();
        }
    }
    Some(s)
}

/// Where a selection is in `doc`: its position when the quote is the text there (or there
/// is no quote), else the best occurrence of the quote, else the stated position (which
/// [`crate::formats::exchange::place`] will find does not hold the quote); `usize::MAX`
/// for a quote found nowhere with no position (outside the text).
fn resolve(doc: &Document, s: &Selected) -> (usize, usize) {
    let Some(exact) = &s.exact else {
        return s.position.unwrap_or((usize::MAX, usize::MAX));
    };
    if let Some((a, b)) = s.position
        && a <= b
        && b <= doc.char_len()
        && doc.slice(a, b) == exact
    {
        return (a, b);
    }
    find_quote(doc, exact, &s.prefix, &s.suffix, s.position.map(|p| p.0))
        .or(s.position)
        .unwrap_or((usize::MAX, usize::MAX))
}

/// An occurrence of a quote: (on cluster boundaries, context matched, nearness), the span.
type Candidate = ((bool, usize, std::cmp::Reverse<usize>), (usize, usize));

/// The occurrence of `exact` in `doc` on grapheme cluster boundaries first, then with the
/// most code points of `prefix` (read backwards) and `suffix` matching around it, then
/// nearest `near`: as `(start, end)` in code points.
fn find_quote(
    doc: &Document,
    exact: &str,
    prefix: &str,
    suffix: &str,
    near: Option<usize>,
) -> Option<(usize, usize)> {
    let text = doc.text();
    let len = exact.chars().count();
    let mut best: Option<Candidate> = None;
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|t| t.find(exact)) {
        let b = from + at;
        let Some(start) = doc.char_offset(b) else {
            break;
        };
        let end = start + len;
        let before = text[..b].chars().rev().zip(prefix.chars().rev());
        let after = text[b + exact.len()..].chars().zip(suffix.chars());
        let context =
            before.take_while(|(x, y)| x == y).count() + after.take_while(|(x, y)| x == y).count();
        let whole = doc.is_grapheme_boundary(start) && doc.is_grapheme_boundary(end);
        let distance = near.map_or(0, |n| n.abs_diff(start));
        let key = (whole, context, std::cmp::Reverse(distance));
        if best.as_ref().is_none_or(|(k, _)| key > *k) {
            best = Some((key, (start, end)));
        }
        from = b + text[b..].chars().next().map_or(1, char::len_utf8);
    }
    best.map(|(_, span)| span)
}

/// The label bodies (tagging or classifying), the note and the linked resources of an
/// annotation.
struct Bodies {
    labels: Vec<String>,
    note: Vec<String>,
    links: Vec<String>,
}

fn bodies(a: &Value) -> Bodies {
    let motivations: Vec<&str> = many(a, "motivation")
        .into_iter()
        .filter_map(Value::as_str)
        .map(local)
        .collect();
    let tagged = motivations
        .iter()
        .any(|m| matches!(*m, "tagging" | "classifying"));
    let mut out = Bodies {
        labels: Vec::new(),
        note: Vec::new(),
        links: Vec::new(),
    };
    if let Some(v) = a.get("bodyValue").and_then(Value::as_str) {
        out.note.push(v.to_owned());
    }
    for b in many(a, "body") {
        let purposes: Vec<&str> = many(b, "purpose")
            .into_iter()
            .filter_map(Value::as_str)
            .map(local)
            .collect();
        let value = b.get("value").and_then(Value::as_str);
        let is = |p: &str| purposes.contains(&p);
        match value {
            Some(v) if is("tagging") || is("classifying") || (purposes.is_empty() && tagged) => {
                out.labels.push(v.to_owned());
            }
            Some(v) if is("commenting") || purposes.is_empty() => out.note.push(v.to_owned()),
            Some(_) => {}
            None => {
                if let Some(to) = b.get("source").and_then(iri).or_else(|| b.as_str()) {
                    out.links.push(to.to_owned());
                }
            }
        }
    }
    out
}

impl Importer for WebAnnotation {
    fn import(&self, bytes: &[u8]) -> Result<Vec<ForeignDocument>, ReadError> {
        let value = json_value(bytes)?;
        let mut g = Gathered::default();
        gather(&value, &mut g);
        if !g.recognized && g.articles.is_empty() {
            return Err(syntax(
                "not a Web Annotation, page or collection (no type Annotation)".to_owned(),
            ));
        }
        // the documents: the file's articles, then the other sources its targets name
        let mut sources: Vec<(String, Option<String>, Option<String>)> = g
            .articles
            .iter()
            .map(|(id, name, text)| (id.clone(), name.clone(), Some(text.clone())))
            .collect();
        let mut seen = std::collections::HashSet::new();
        sources.retain(|(id, _, _)| seen.insert(id.clone()));
        let mut spans_of: Vec<(&Value, Selected)> = Vec::new();
        let mut links: Vec<&Value> = Vec::new();
        for a in &g.annotations {
            let targets: Vec<Selected> =
                many(a, "target").into_iter().filter_map(selected).collect();
            if targets.is_empty() {
                links.push(a);
            }
            for t in targets {
                if !sources.iter().any(|(id, _, _)| *id == t.source) {
                    sources.push((t.source.clone(), None, None));
                }
                spans_of.push((a, t));
            }
        }
        self.fill_texts(&mut sources)?;
        let mut docs = Vec::new();
        // (annotation id → (document, first span)) for the speaker links
        let mut at: Vec<(String, usize, usize)> = Vec::new();
        for (d, (source, name, text)) in sources.iter().enumerate() {
            let text = text.as_deref().unwrap_or_default();
            let doc = Document::from_text(text, source, "UTF-8");
            let mut f = ForeignDocument {
                text: doc.text().to_owned(),
                name: name.clone().or_else(|| Some(source.clone())),
                unit: OffsetUnit::CodePoint,
                spans: Vec::new(),
                speakers: Vec::new(),
            };
            for (a, sel) in spans_of.iter().filter(|(_, s)| s.source == *source) {
                let id = a.get("id").and_then(Value::as_str).map(str::to_owned);
                if let Some(id) = &id
                    && !at.iter().any(|(x, _, _)| x == id)
                {
                    at.push((id.clone(), d, f.spans.len()));
                }
                let b = bodies(a);
                let status = match a.get("taliq:status").and_then(Value::as_str) {
                    Some("pending") => Status::Pending,
                    _ => Status::Accepted,
                };
                let (start, end) = resolve(&doc, sel);
                let labels = if b.labels.is_empty() {
                    vec![String::new()]
                } else {
                    b.labels
                };
                for label in labels {
                    f.spans.push(ForeignSpan {
                        text: sel.exact.clone(),
                        status,
                        note: b.note.join("\n"),
                        id: id.clone(),
                        facts: extension_facts(a),
                        canonical: a
                            .get("taliq:canonical")
                            .and_then(Value::as_str)
                            .map(str::to_owned),
                        ..ForeignSpan::new(start, end, label)
                    });
                }
            }
            docs.push(f);
        }
        for l in links {
            let b = bodies(l);
            if !b.labels.is_empty() && !b.labels.iter().any(|x| x.eq_ignore_ascii_case(SPEAKER)) {
                continue;
            }
            let find = |id: &str| at.iter().find(|(x, _, _)| x == id).map(|&(_, d, i)| (d, i));
            for target in many(l, "target").into_iter().filter_map(iri) {
                for speaker in &b.links {
                    if let (Some((dq, q)), Some((ds, s))) = (find(target), find(speaker))
                        && dq == ds
                    {
                        docs[dq].speakers.push((q, s));
                    }
                }
            }
        }
        some_documents(docs)
    }
}

impl WebAnnotation {
    /// Gives every source without a text in the file the open article's text: the source
    /// that is its IRI, or the only one.
    ///
    /// # Errors
    /// [`ReadError::Syntax`] naming a source no text is known for.
    fn fill_texts(
        &self,
        sources: &mut [(String, Option<String>, Option<String>)],
    ) -> Result<(), ReadError> {
        let missing = sources.iter().filter(|s| s.2.is_none()).count();
        let over_iri = self
            .over
            .as_deref()
            .map(|t| source_iri(&Document::from_text(t, "", "UTF-8")));
        for (id, _, text) in sources.iter_mut().filter(|s| s.2.is_none()) {
            match &self.over {
                Some(t) if missing == 1 || over_iri.as_deref() == Some(id.as_str()) => {
                    *text = Some(t.clone());
                }
                _ => {
                    return Err(syntax(format!(
                        "the file does not hold the text of {id} (taliq:articles): \
                         read it over its article (File ▸ Import annotations into the \
                         open article, or taliq convert --article FILE)"
                    )));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
