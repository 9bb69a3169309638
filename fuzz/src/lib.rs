//! What the importer fuzz targets share: feeding bytes to an [`Importer`] and, when it
//! reads them, placing every document it returns on an article of its own text, the way
//! `taliq convert` and File ▸ Import do (`workspace::convert::read`).
//!
//! Besides "no panic", each placed annotation is checked to be a span inside its article
//! that starts before it ends, and ids are checked to be distinct.

use std::collections::HashSet;

use taliq_core::formats::brat::BratAnn;
use taliq_core::formats::conll::Conll;
use taliq_core::formats::doccano::Doccano;
use taliq_core::formats::exchange::{ForeignDocument, Importer, LabelMap, Unknown, place};
use taliq_core::formats::inception::cas_json::UimaCasJson;
use taliq_core::formats::inception::tsv::WebAnnoTsv;
use taliq_core::formats::label_studio::LabelStudio;
use taliq_core::formats::label_studio::min::LabelStudioMin;
use taliq_core::formats::prodigy::Prodigy;
use taliq_core::formats::spacy::SpacyDocBin;
use taliq_core::formats::taliq::ExportFile;
use taliq_core::formats::web_annotation::WebAnnotation;
use taliq_core::model::annotation::Annotation;
use taliq_core::model::document::Document;
use taliq_core::workspace::convert::FormatId;

/// The input cut at its first NUL byte: what comes before it, and what comes after it
/// when there is a NUL (`None` when there is none).
#[must_use]
pub fn split_at_nul(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    }
}

/// Reads `bytes` with `importer` as a file of format `tool`; on success places every
/// document on an article of its own text with the default [`LabelMap`], once with
/// unknown labels as MISC and once skipping them, and checks what was placed
/// ([`check`]; and that every span was placed or reported as a problem).
pub fn import_and_place(importer: &dyn Importer, bytes: &[u8], tool: FormatId) {
    let Ok(docs) = importer.import(bytes) else {
        return;
    };
    place_all(&docs, tool);
}

/// Places each of `docs` as [`import_and_place`] does.
pub fn place_all(docs: &[ForeignDocument], tool: FormatId) {
    let labels = LabelMap::default();
    for foreign in docs {
        let doc = Document::from_text(&foreign.text, "fuzz.txt", "UTF-8");
        for unknown in [Unknown::AsMisc, Unknown::Skip] {
            let placed = place(&doc, foreign, &labels, unknown, 1, tool);
            check(&doc, &placed.annotations);
            // nothing dropped without a problem: each span is placed, or said why not
            assert!(
                placed.annotations.len() + placed.problems.len() >= foreign.spans.len(),
                "a span was dropped without a problem"
            );
        }
    }
}

/// Every annotation of `anns` is a non-empty span inside `doc`, and no two share an id.
pub fn check(doc: &Document, anns: &[Annotation]) {
    let mut ids = HashSet::new();
    for a in anns {
        let (s, e) = (a.span.start(), a.span.end());
        assert!(
            s < e && e <= doc.char_len(),
            "span {s}..{e} outside the article"
        );
        assert!(ids.insert(a.id), "id {} twice", a.id);
        // slicing must not panic either (char offsets to bytes)
        let _ = doc.slice(s, e);
    }
}

/// Taliq's own JSON read from `bytes`: the file and its own document, with its
/// annotations restored against that document when they restore. `None` for bytes that
/// are not such a file.
pub fn taliq_file(
    bytes: &[u8],
) -> Option<(
    ExportFile,
    Document,
    Option<Vec<taliq_core::model::annotation::Annotation>>,
)> {
    let file = ExportFile::from_json(std::str::from_utf8(bytes).ok()?).ok()?;
    let rec = &file.document;
    let doc = Document::from_text(&rec.text, &rec.source, &rec.encoding);
    let anns = file.annotations_for(&doc).ok();
    Some((file, doc, anns))
}

/// Reads Taliq's own JSON from `bytes`: the file, then its annotations restored against
/// the file's own document, and checks them.
pub fn import_taliq(bytes: &[u8]) {
    if let Some((_, doc, Some(anns))) = taliq_file(bytes) {
        check(&doc, &anns);
    }
}

/// Reads brat standoff from `ann` over the text `txt` (its `.txt` companion; not UTF-8
/// bytes are replaced with U+FFFD as no reader would, so that the mutator can reach
/// both halves) and places the documents.
pub fn import_brat(ann: &[u8], txt: &[u8]) {
    let text = String::from_utf8_lossy(txt).into_owned();
    import_and_place(&BratAnn { text }, ann, FormatId::Brat);
}

/// Reads a W3C Web Annotation file on its own and, when `over` is given, also over that
/// article text.
pub fn import_web_annotation(file: &[u8], over: Option<&[u8]>) {
    import_and_place(&WebAnnotation::default(), file, FormatId::WebAnnotation);
    if let Some(text) = over {
        let over = Some(String::from_utf8_lossy(text).into_owned());
        import_and_place(&WebAnnotation { over }, file, FormatId::WebAnnotation);
    }
}

/// Reads `bytes` as `format`, with the importer `workspace::convert::read` builds for it
/// (brat over the text after the first NUL, or an empty text).
pub fn import_as(format: FormatId, bytes: &[u8]) {
    match format {
        FormatId::Taliq => import_taliq(bytes),
        FormatId::Doccano => import_and_place(&Doccano::default(), bytes, format),
        FormatId::LabelStudio => import_and_place(&LabelStudio, bytes, format),
        FormatId::LabelStudioMin => import_and_place(&LabelStudioMin, bytes, format),
        FormatId::Conll => import_and_place(&Conll::default(), bytes, format),
        FormatId::Prodigy => import_and_place(&Prodigy, bytes, format),
        FormatId::Spacy => import_and_place(&SpacyDocBin, bytes, format),
        FormatId::Inception => import_and_place(&UimaCasJson::default(), bytes, format),
        FormatId::WebannoTsv => import_and_place(&WebAnnoTsv::default(), bytes, format),
        FormatId::WebAnnotation => {
            let (file, over) = split_at_nul(bytes);
            import_web_annotation(file, over);
        }
        FormatId::Brat => {
            let (ann, txt) = split_at_nul(bytes);
            import_brat(ann, txt.unwrap_or_default());
        }
    }
}

/// The file names the `detect` target picks from with its first byte: every ending
/// detection looks at, and some it does not.
pub const DETECT_NAMES: [&str; 12] = [
    "x.json",
    "x.jsonl",
    "x.jsonld",
    "x.ann",
    "x.conll",
    "x.iob",
    "x.bio",
    "x.spacy",
    "x.tsv",
    "x.txt",
    "x.label-studio-min.json",
    "x",
];
