//! UIMA CAS JSON 0.4.0, INCEpTION's `jsoncas` format (the Apache UIMA JSON CAS
//! specification; read and written the same way by dkpro-cassis `to_json` and
//! `load_cas_from_json`). One CAS, one document, a file:
//!
//! ```json
//! {"%TYPES": {"de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity": {…},
//!             "webanno.custom.Speaker": {…}},
//!  "%FEATURE_STRUCTURES": [
//!    {"%ID": 1, "%TYPE": "uima.cas.Sofa", "sofaNum": 1, "sofaID": "_InitialView",
//!     "sofaString": "👍 قال عبد الفتاح السيسي: «لن نتراجع»"},
//!    {"%ID": 2, "%TYPE": "…NamedEntity", "@sofa": 1, "begin": 7, "end": 24, "value": "PERSON"},
//!    {"%ID": 3, "%TYPE": "…NamedEntity", "@sofa": 1, "begin": 26, "end": 37, "value": "QUOTE"},
//!    {"%ID": 4, "%TYPE": "webanno.custom.Speaker", "@sofa": 1, "begin": 7, "end": 24,
//!     "@Governor": 3, "@Dependent": 2, "value": "speaker"}],
//!  "%VIEWS": {"_InitialView": {"%SOFA": 1, "%MEMBERS": [2, 3, 4]}}}
//! ```
//!
//! `begin`/`end` count UTF-16 code units of the Sofa's `sofaString` (cassis converts them
//! to code points when it reads, and back when it writes); a key with `@` refers to
//! another feature structure's `%ID`. `%TYPES` declares the two types the file uses
//! (cassis then needs no `typesystem=`), the speaker type only when a speaker is written.
//! The layers and what is written: [`super`].
//!
//! Read: the Sofa of the view `_InitialView` (or the first Sofa); every annotation of that
//! Sofa whose type is [`NAMED_ENTITY`] or a subtype of it by `%TYPES` (DKPro's `Person`,
//! `Location`, …), its label the `value` feature (the type's short name when a subtype has
//! none); every [`SPEAKER_LAYER`] relation between two of them (`@Governor`,
//! `@Dependent`). Everything else (tokens, sentences, metadata, other layers) is skipped,
//! but for the document's name, taken from DKPro's `DocumentMetaData` (`documentTitle`).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::{Map, Value, json};

use super::{NAMED_ENTITY, SPEAKER_LAYER, SPEAKER_VALUE, select, speaker_pair};
use crate::formats::exchange::{
    Exported, Exporter, ForeignDocument, ForeignSpan, Importer, ReadError, json_value, one_article,
};
use crate::formats::offsets::{OffsetUnit, to_unit};
use crate::model::annotation::Annotation;
use crate::model::document::Document;

/// UIMA CAS JSON 0.4.0, one article a file (`export_all` of several articles is `None`).
#[derive(Debug, Clone, Copy, Default)]
pub struct UimaCasJson {
    /// Write the pending suggestions too, as named entities beside the accepted ones (to
    /// pre-annotate in INCEpTION); otherwise they are left out and counted.
    pub pending: bool,
}

/// The UIMA type of a Sofa (subject of analysis: the text).
const SOFA: &str = "uima.cas.Sofa";
/// The view INCEpTION annotates.
const INITIAL_VIEW: &str = "_InitialView";
/// DKPro Core's document metadata type.
const METADATA: &str = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData";

/// The file's three sections in the specification's order (a struct keeps it; a
/// `serde_json` map would sort them).
#[derive(Serialize)]
struct CasFile {
    #[serde(rename = "%TYPES")]
    types: Value,
    #[serde(rename = "%FEATURE_STRUCTURES")]
    structures: Vec<Value>,
    #[serde(rename = "%VIEWS")]
    views: Value,
}

/// The `%TYPES` entries of the named entity type (as DKPro Core declares it) and, when
/// `speaker`, of the speaker relation.
fn types(speaker: bool) -> Value {
    let string = |name: &str| json!({"%NAME": name, "%RANGE": "uima.cas.String"});
    let entity = |name: &str| json!({"%NAME": name, "%RANGE": NAMED_ENTITY});
    let mut types = Map::new();
    types.insert(
        NAMED_ENTITY.to_owned(),
        json!({"%NAME": NAMED_ENTITY, "%SUPER_TYPE": "uima.tcas.Annotation",
               "value": string("value"), "identifier": string("identifier")}),
    );
    if speaker {
        types.insert(
            SPEAKER_LAYER.to_owned(),
            json!({"%NAME": SPEAKER_LAYER, "%SUPER_TYPE": "uima.tcas.Annotation",
                   "Governor": entity("Governor"), "Dependent": entity("Dependent"),
                   "value": string("value")}),
        );
    }
    Value::Object(types)
}

impl Exporter for UimaCasJson {
    fn export(&self, doc: &Document, annotations: &[Annotation]) -> Exported {
        let sel = select(doc, annotations, self.pending);
        let utf16 = |c: usize| to_unit(doc, c, OffsetUnit::Utf16).unwrap_or_default();
        let mut structures = vec![json!({"%ID": 1, "%TYPE": SOFA, "sofaNum": 1,
                                         "sofaID": INITIAL_VIEW, "sofaString": doc.text()})];
        // the named entities take the ids 2, 3, … in text order
        let ne_id = |i: usize| i + 2;
        for (i, a) in sel.spans.iter().enumerate() {
            structures.push(json!({"%ID": ne_id(i), "%TYPE": NAMED_ENTITY, "@sofa": 1,
                                   "begin": utf16(a.span.start()), "end": utf16(a.span.end()),
                                   "value": a.label.as_str()}));
        }
        for (k, &(quote, speaker)) in sel.links.iter().enumerate() {
            let s = sel.spans[speaker].span;
            structures.push(
                json!({"%ID": ne_id(sel.spans.len()) + k, "%TYPE": SPEAKER_LAYER,
                                   "@sofa": 1, "begin": utf16(s.start()), "end": utf16(s.end()),
                                   "@Governor": ne_id(quote), "@Dependent": ne_id(speaker),
                                   "value": SPEAKER_VALUE}),
            );
        }
        let members: Vec<usize> = (2..=structures.len()).collect();
        let file = CasFile {
            types: types(!sel.links.is_empty()),
            structures,
            views: json!({INITIAL_VIEW: {"%SOFA": 1, "%MEMBERS": members}}),
        };
        let text = serde_json::to_string_pretty(&file).unwrap_or_default();
        Exported {
            bytes: (text + "\n").into_bytes(),
            left_out: sel.left_out,
            companions: Vec::new(),
        }
    }

    /// The one article's file; `None` for several (a CAS holds one document).
    fn export_all(&self, articles: &[(&Document, &[Annotation])]) -> Option<Exported> {
        one_article(self, articles)
    }
}

/// Whether the type `t` is [`NAMED_ENTITY`] or, by the `%SUPER_TYPE`s declared, one of
/// its subtypes (a chain bounded against a cycle).
fn is_entity<'a>(supertypes: &HashMap<&str, &'a str>, mut t: &'a str) -> bool {
    for _ in 0..32 {
        if t == NAMED_ENTITY {
            return true;
        }
        match supertypes.get(t) {
            Some(up) => t = up,
            None => return false,
        }
    }
    false
}

/// A feature structure's `%TYPE`, empty when it has none.
fn type_of(fs: &Value) -> &str {
    fs.get("%TYPE").and_then(Value::as_str).unwrap_or("")
}

fn syntax(reason: impl Into<String>) -> ReadError {
    ReadError::Syntax {
        line: 0,
        reason: reason.into(),
    }
}

/// A feature structure's reference (`@…`) or `%ID`: a whole number, or a string of one.
fn fs_id(v: Option<&Value>) -> Option<u64> {
    match v? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// An offset feature: a whole number (0 when absent, the UIMA default); `usize::MAX` for
/// anything else, which [`crate::formats::exchange::place`] reports outside the text.
fn offset(fs: &Value, key: &str) -> usize {
    match fs.get(key) {
        None | Some(Value::Null) => 0,
        Some(v) => v
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(usize::MAX),
    }
}

impl Importer for UimaCasJson {
    fn import(&self, bytes: &[u8]) -> Result<Vec<ForeignDocument>, ReadError> {
        let value = json_value(bytes)?;
        let Some(file) = value.as_object() else {
            return Err(syntax("not a UIMA CAS JSON object"));
        };
        // the structures with their ids: an array, or an object keyed by id
        let structures: Vec<(u64, &Value)> = match file.get("%FEATURE_STRUCTURES") {
            Some(Value::Array(list)) => list
                .iter()
                .filter_map(|fs| fs_id(fs.get("%ID")).map(|id| (id, fs)))
                .collect(),
            Some(Value::Object(by_id)) => by_id
                .iter()
                .filter_map(|(k, fs)| {
                    fs_id(fs.get("%ID"))
                        .or_else(|| k.parse().ok())
                        .map(|id| (id, fs))
                })
                .collect(),
            _ => return Err(syntax("no %FEATURE_STRUCTURES list")),
        };
        let mut supertypes: HashMap<&str, &str> = HashMap::new();
        if let Some(types) = file.get("%TYPES").and_then(Value::as_object) {
            for (name, t) in types {
                if let Some(up) = t.get("%SUPER_TYPE").and_then(Value::as_str) {
                    supertypes.insert(name.as_str(), up);
                }
            }
        }
        let is_entity = |t: &str| is_entity(&supertypes, t);
        let view_sofa = fs_id(
            file.get("%VIEWS")
                .and_then(|v| v.get(INITIAL_VIEW))
                .and_then(|v| v.get("%SOFA")),
        );
        let sofas: Vec<&(u64, &Value)> = structures
            .iter()
            .filter(|(_, fs)| type_of(fs) == SOFA)
            .collect();
        let sofa = sofas
            .iter()
            .find(|(id, _)| Some(*id) == view_sofa)
            .or_else(|| {
                sofas
                    .iter()
                    .find(|(_, fs)| fs.get("sofaID").and_then(Value::as_str) == Some(INITIAL_VIEW))
            })
            .or_else(|| sofas.first())
            .ok_or(ReadError::Empty)?;
        let (sofa_id, sofa) = (sofa.0, sofa.1);
        let Some(sofa_text) = sofa.get("sofaString").and_then(Value::as_str) else {
            return Err(syntax(format!(
                "the Sofa {sofa_id} holds no text (sofaString)"
            )));
        };
        let on_sofa = |fs: &Value| fs_id(fs.get("@sofa")).is_none_or(|s| s == sofa_id);
        let mut doc = ForeignDocument {
            text: sofa_text.to_owned(),
            name: structures
                .iter()
                .find(|(_, fs)| type_of(fs) == METADATA)
                .and_then(|(_, fs)| {
                    ["documentTitle", "documentId"]
                        .iter()
                        .find_map(|k| fs.get(*k).and_then(Value::as_str))
                })
                .map(str::to_owned),
            unit: OffsetUnit::Utf16,
            spans: Vec::new(),
            speakers: Vec::new(),
        };
        let mut index_of: BTreeMap<u64, usize> = BTreeMap::new();
        for &(id, fs) in &structures {
            let t = type_of(fs);
            if !is_entity(t) || !on_sofa(fs) {
                continue;
            }
            let label = match fs.get("value").and_then(Value::as_str) {
                Some(v) => v.to_owned(),
                None if t != NAMED_ENTITY => t.rsplit('.').next().unwrap_or(t).to_owned(),
                None => String::new(),
            };
            index_of.insert(id, doc.spans.len());
            doc.spans.push(ForeignSpan {
                id: Some(id.to_string()),
                ..ForeignSpan::new(offset(fs, "begin"), offset(fs, "end"), label)
            });
        }
        for &(_, fs) in &structures {
            if type_of(fs) != SPEAKER_LAYER || !on_sofa(fs) {
                continue;
            }
            let end = |key: &str| fs_id(fs.get(key)).and_then(|id| index_of.get(&id).copied());
            if let (Some(g), Some(d)) = (end("@Governor"), end("@Dependent")) {
                doc.speakers.push(speaker_pair(&doc.spans, g, d));
            }
        }
        Ok(vec![doc])
    }
}

#[cfg(test)]
mod tests {
    use super::UimaCasJson;
    use crate::formats::exchange::testing::{char_span, kept, placed};
    use crate::formats::exchange::{Exporter, Importer, LeftOut, ReadError, in_text_order};
    use crate::formats::inception::testing::{HARD, hard, sample};

    #[test]
    fn writes_utf16_offsets_the_speaker_from_the_quote_and_reads_them_back() {
        let (doc, anns) = hard();
        let out = UimaCasJson::default().export(&doc, &anns);
        assert_eq!(out.left_out, [LeftOut::Pending(1), LeftOut::Rejected(1)]);
        let v: serde_json::Value = serde_json::from_str(&out.text()).unwrap();
        let fs = &v["%FEATURE_STRUCTURES"];
        assert_eq!(fs[0]["sofaString"], HARD);
        // PERSON starts at 14 code points, 15 UTF-16 units (the emoji counts 2)
        assert_eq!(char_span(HARD, "عبد الفتاح السيسي").0, 14);
        assert_eq!(
            (&fs[1]["begin"], &fs[1]["value"]),
            (&15.into(), &"PERSON".into())
        );
        let rel = &fs[4];
        assert_eq!(rel["%TYPE"], "webanno.custom.Speaker");
        assert_eq!(
            (&rel["@Governor"], &rel["@Dependent"]),
            (&3.into(), &2.into())
        );
        assert_eq!(rel["begin"], fs[1]["begin"]);
        assert_eq!(
            v["%VIEWS"]["_InitialView"]["%MEMBERS"],
            serde_json::json!([2, 3, 4, 5])
        );
        let text = out.text();
        let order: Vec<usize> = ["%TYPES", "%FEATURE_STRUCTURES", "%VIEWS"]
            .iter()
            .map(|k| text.find(k).unwrap())
            .collect();
        assert!(order.is_sorted(), "{order:?}");

        let docs = UimaCasJson::default().import(&out.bytes).unwrap();
        assert_eq!(docs[0].text, HARD);
        let placed = placed(&doc, &docs[0], crate::model::format::FormatId::Inception);
        assert!(placed.problems.is_empty(), "{:?}", placed.problems);
        let want: Vec<_> = [0, 1, 3].iter().map(|&i| anns[i].clone()).collect();
        assert_eq!(kept(&placed.annotations), kept(&want));

        let with_pending = UimaCasJson { pending: true }.export(&doc, &anns);
        assert_eq!(with_pending.left_out, [LeftOut::Rejected(1)]);
        let docs = UimaCasJson::default().import(&with_pending.bytes).unwrap();
        assert_eq!(docs[0].spans.len(), 4);
    }

    #[test]
    fn the_sample_article_comes_back_whole() {
        let (doc, anns) = sample();
        let out = UimaCasJson::default().export(&doc, &anns);
        let docs = UimaCasJson::default().import(&out.bytes).unwrap();
        let placed = placed(&doc, &docs[0], crate::model::format::FormatId::Inception);
        assert!(placed.problems.is_empty(), "{:?}", placed.problems);
        let want: Vec<_> = in_text_order(&anns).into_iter().cloned().collect();
        assert_eq!(kept(&placed.annotations), kept(&want));
        assert!(placed.annotations.iter().any(|a| a.facts.speaker.is_some()));
    }

    /// A CAS as cassis writes one from DKPro's type system: every type declared, a
    /// DKPro `Person` subtype without a value, a view's member list, metadata.
    #[test]
    fn reads_subtypes_metadata_and_a_speaker_linked_the_other_way() {
        let file = r#"{"%TYPES": {
            "de.tudarmstadt.ukp.dkpro.core.api.ner.type.Person": {
              "%NAME": "de.tudarmstadt.ukp.dkpro.core.api.ner.type.Person",
              "%SUPER_TYPE": "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"}},
          "%FEATURE_STRUCTURES": [
            {"%ID": 1, "%TYPE": "uima.cas.Sofa", "sofaNum": 1, "sofaID": "_InitialView",
             "sofaString": "قال بوتين: «نعم»"},
            {"%ID": 5, "%TYPE": "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData",
             "@sofa": 1, "begin": 0, "end": 16, "documentTitle": "a.txt"},
            {"%ID": 2, "%TYPE": "de.tudarmstadt.ukp.dkpro.core.api.ner.type.Person",
             "@sofa": 1, "begin": 4, "end": 9},
            {"%ID": 3, "%TYPE": "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity",
             "@sofa": 1, "begin": 12, "end": 15, "value": "QUOTE"},
            {"%ID": 4, "%TYPE": "webanno.custom.Speaker", "@sofa": 1, "begin": 12, "end": 15,
             "@Governor": 2, "@Dependent": 3}],
          "%VIEWS": {"_InitialView": {"%SOFA": 1, "%MEMBERS": [2, 3, 4, 5]}}}"#;
        let docs = UimaCasJson::default().import(file.as_bytes()).unwrap();
        let d = &docs[0];
        assert_eq!(d.name.as_deref(), Some("a.txt"));
        let labels: Vec<&str> = d.spans.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["Person", "QUOTE"]);
        assert_eq!(d.speakers, [(1, 0)]);
    }

    #[test]
    fn garbage_truncated_and_textless_files_are_read_errors() {
        let (doc, anns) = hard();
        let out = UimaCasJson::default().export(&doc, &anns);
        let cut = &out.bytes[..out.bytes.len() / 2];
        let r = UimaCasJson::default();
        assert!(matches!(r.import(cut), Err(ReadError::Syntax { .. })));
        assert!(matches!(r.import(b"\xff\xfe"), Err(ReadError::NotUtf8)));
        assert!(matches!(r.import(b"[1, 2]"), Err(ReadError::Syntax { .. })));
        assert!(matches!(r.import(b"{}"), Err(ReadError::Syntax { .. })));
        assert!(matches!(
            r.import(br#"{"%FEATURE_STRUCTURES": []}"#),
            Err(ReadError::Empty)
        ));
        let no_text = br#"{"%FEATURE_STRUCTURES": [{"%ID": 1, "%TYPE": "uima.cas.Sofa"}]}"#;
        assert!(matches!(r.import(no_text), Err(ReadError::Syntax { .. })));
        // offsets that are not numbers come in outside the text, reported by place
        let odd = br#"{"%FEATURE_STRUCTURES": [
            {"%ID": 1, "%TYPE": "uima.cas.Sofa", "sofaString": "abc"},
            {"%ID": 2, "%TYPE": "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity",
             "begin": "x", "end": -1, "value": "PER"}]}"#;
        let d = r.import(odd).unwrap();
        assert_eq!(
            (d[0].spans[0].start, d[0].spans[0].end),
            (usize::MAX, usize::MAX)
        );
        assert!(
            UimaCasJson::default()
                .export_all(&[(&doc, &anns), (&doc, &anns)])
                .is_none()
        );
    }
}
