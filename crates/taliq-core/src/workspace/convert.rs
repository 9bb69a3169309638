//! The interchange formats by name ([`FormatId`]: a new format is its module in
//! `formats/` and its entry here), and converting annotation files between them (`taliq convert`, `taliq extract
//! --format`): which format a file is in, reading any of them into articles with their
//! annotations (Taliq JSON as it is, the others placed through
//! [`crate::formats::exchange::place`]), and the exporter of each format.

use std::path::Path;

use thiserror::Error;

use crate::formats::brat::{Brat, BratAnn};
use crate::formats::conll::Conll;
use crate::formats::doccano::Doccano;
use crate::formats::exchange::{
    Exporter, Importer, LabelMap, ReadError, SpanProblem, Unknown, place,
};
use crate::formats::inception::cas_json::UimaCasJson;
use crate::formats::inception::tsv::WebAnnoTsv;
use crate::formats::label_studio::LabelStudio;
use crate::formats::label_studio::min::{LabelStudioMin, is_min_record};
use crate::formats::prodigy::Prodigy;
use crate::formats::spacy::{SpacyDocBin, looks_like_docbin};
use crate::formats::taliq::{ExportFile, FORMAT_NAME, ImportError, TaliqJson};
use crate::formats::web_annotation::{self, WebAnnotation};
use crate::model::annotation::Annotation;
use crate::model::document::Document;
pub use crate::model::format::FormatId;

/// How an export is written, for the formats that offer a choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// doccano: the relation form, with speakers ([`Doccano::relations`]).
    pub relations: bool,
    /// doccano, CoNLL and INCEpTION: pending suggestions too, as pre-annotations
    /// ([`Doccano::pending`], [`Conll::pending`], [`UimaCasJson::pending`],
    /// [`WebAnnoTsv::pending`]).
    pub pending: bool,
}

/// The exporter of `format`, written as `options` say.
#[must_use]
pub fn exporter(format: FormatId, options: ExportOptions) -> Box<dyn Exporter> {
    match format {
        FormatId::Taliq => Box::new(TaliqJson),
        FormatId::Doccano => Box::new(Doccano {
            relations: options.relations,
            pending: options.pending,
        }),
        FormatId::LabelStudio => Box::new(LabelStudio),
        FormatId::LabelStudioMin => Box::new(LabelStudioMin),
        FormatId::Brat => Box::new(Brat),
        FormatId::Conll => Box::new(Conll {
            pending: options.pending,
        }),
        FormatId::Prodigy => Box::new(Prodigy),
        FormatId::Spacy => Box::new(SpacyDocBin),
        FormatId::Inception => Box::new(UimaCasJson {
            pending: options.pending,
        }),
        FormatId::WebannoTsv => Box::new(WebAnnoTsv {
            pending: options.pending,
        }),
        FormatId::WebAnnotation => Box::new(WebAnnotation::default()),
    }
}

/// Writes `doc` and `annotations` to `path` in `format` (atomically: a temporary file
/// renamed over it, [`super::storage::write_atomic`]); returns what the format left out.
///
/// # Errors
/// [`super::storage::StorageError`] when the file cannot be written; it is unchanged then.
pub fn write_export(
    format: FormatId,
    options: ExportOptions,
    doc: &Document,
    annotations: &[Annotation],
    path: &Path,
) -> Result<Vec<crate::formats::exchange::LeftOut>, super::storage::StorageError> {
    let exported = exporter(format, options).export(doc, annotations);
    write_exported(path, &exported)?;
    Ok(exported.left_out)
}

/// Writes `exported` to `path` and its companions beside it (each atomically,
/// [`super::storage::write_atomic`]; the companions first, so the main file is never
/// there without them). A companion named after `path` (brat's `.txt`) is never written
/// over a file with another text (an article next to it, say); a shared one (brat's
/// `annotation.conf`) already there is kept as it is, the folder's own.
///
/// # Errors
/// [`super::storage::StorageError`] for the first file that cannot be written, and
/// [`super::storage::StorageError::OtherText`] for a companion there with another text.
pub fn write_exported(
    path: &Path,
    exported: &crate::formats::exchange::Exported,
) -> Result<(), super::storage::StorageError> {
    for (name, text) in &exported.companions {
        let (beside, own) = match name.strip_prefix('.') {
            Some(ending) => (path.with_extension(ending), true),
            None => (path.with_file_name(name), false),
        };
        match std::fs::read(&beside) {
            // the same text, or the folder's own shared file: kept as it is
            Ok(there) if there == text.as_bytes() || !own => {}
            Ok(_) => {
                return Err(super::storage::StorageError::OtherText {
                    path: beside.display().to_string(),
                });
            }
            Err(_) => super::storage::write_atomic(&beside, text.as_bytes())?,
        }
    }
    super::storage::write_atomic(path, &exported.bytes)
}

/// The file name an article's export in `format` is proposed under: the article's name
/// with the format's [`FormatId::extension`] (`news.txt` → `news.doccano.jsonl`).
#[must_use]
pub fn export_file_name(article: &Path, format: FormatId) -> String {
    let stem = article
        .file_stem()
        .map_or_else(|| "article".into(), |s| s.to_string_lossy());
    format!("{stem}{}", format.extension())
}

/// The format of the annotation file `path` when it is one: a `.json`, `.jsonl`,
/// `.jsonld`, `.spacy` or `.tsv` file that [`detect`] recognizes (an article is never taken for one). `None` for anything
/// else, and for a file that cannot be read.
#[must_use]
pub fn detect_file(path: &Path) -> Option<FormatId> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    if ext == "ann" && path.with_extension("txt").is_file() {
        return Some(FormatId::Brat);
    }
    if !matches!(ext.as_str(), "json" | "jsonl" | "jsonld" | "spacy" | "tsv") {
        return None;
    }
    detect(path, &std::fs::read(path).ok()?)
}

/// The format of the file `path` holding `bytes`: spaCy for a `.spacy` name or a zlib
/// stream of a DocBin ([`looks_like_docbin`]), WebAnno TSV for a first line
/// `#FORMAT=WebAnno TSV 3…`, INCEpTION's CAS JSON for an object with
/// `%FEATURE_STRUCTURES`, W3C Web Annotation for the Web Annotation context or types
/// ([`web_annotation::looks_like`]), Taliq JSON when it says so in its `format` field,
/// Label Studio's JSON-MIN for a list of records with regions ([`is_min_record`]) or a
/// list named `NAME.label-studio-min.json`,
/// Label Studio for another JSON list or a task with `data`, Prodigy for JSON Lines whose first
/// task has `spans`, doccano for other JSON Lines (several lines, or a `.jsonl` name).
/// `None` when it is none of these.
#[must_use]
pub fn detect(path: &Path, bytes: &[u8]) -> Option<FormatId> {
    let ext = |x: &str| path.extension().is_some_and(|e| e.eq_ignore_ascii_case(x));
    if ext("ann") {
        return Some(FormatId::Brat);
    }
    if ext("conll") || ext("iob") || ext("bio") {
        return Some(FormatId::Conll);
    }
    if ext("spacy") || looks_like_docbin(bytes) {
        return Some(FormatId::Spacy);
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).trim_start();
    if text.starts_with("#FORMAT=WebAnno TSV 3") {
        return Some(FormatId::WebannoTsv);
    }
    if web_annotation::looks_like(bytes) {
        return Some(FormatId::WebAnnotation);
    }
    let jsonl = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
    if text.starts_with('[') {
        let first = serde_json::from_str::<Vec<serde_json::Value>>(text)
            .ok()
            .and_then(|l| l.into_iter().next());
        let named_min = path.file_name().is_some_and(|n| {
            n.to_string_lossy()
                .ends_with(FormatId::LabelStudioMin.extension())
        });
        if named_min || first.as_ref().is_some_and(is_min_record) {
            return Some(FormatId::LabelStudioMin);
        }
        return Some(FormatId::LabelStudio);
    }
    if !text.starts_with('{') {
        return None;
    }
    let first = text.lines().next().unwrap_or("");
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(first)
        && v.get("spans").is_some()
        && v.get("text").is_some()
    {
        return Some(FormatId::Prodigy);
    }
    if jsonl {
        return Some(FormatId::Doccano);
    }
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) if v.get("%FEATURE_STRUCTURES").is_some() => Some(FormatId::Inception),
        Ok(v) if v.get("format").and_then(|f| f.as_str()) == Some(FORMAT_NAME) => {
            Some(FormatId::Taliq)
        }
        Ok(v) if v.get("data").is_some() => Some(FormatId::LabelStudio),
        Ok(v) if v.get("text").is_some() => Some(FormatId::Doccano),
        Ok(_) => None,
        // not one JSON value: cut short, or several, one a line; the start says whose
        Err(_) => {
            let head: String = text.chars().take(400).collect();
            if head.contains(FORMAT_NAME) {
                Some(FormatId::Taliq)
            } else if head.contains("\"%TYPES\"") || head.contains("\"%FEATURE_STRUCTURES\"") {
                Some(FormatId::Inception)
            } else if head.contains("anno.jsonld") {
                Some(FormatId::WebAnnotation)
            } else {
                Some(FormatId::Doccano)
            }
        }
    }
}

/// One article read from a file, with its annotations and the spans that could not be
/// placed.
#[derive(Debug, Clone)]
pub struct Converted {
    /// The article: the file's text, named after the document's name in the file or the
    /// file itself (`name#2` for the second document of a file that names none).
    pub document: Document,
    /// Its annotations (ids from 1).
    pub annotations: Vec<Annotation>,
    /// The spans not placed as they were ([`SpanProblem`]), in file order.
    pub problems: Vec<SpanProblem>,
}

/// Why a file could not be converted.
#[derive(Debug, Error)]
pub enum ConvertError {
    /// The file cannot be read.
    #[error("cannot read {path}: {reason}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's error.
        reason: std::io::Error,
    },
    /// Its format is not one Taliq knows (and none was given).
    #[error("{path}: not a file of a format Taliq reads (give --from)")]
    UnknownFormat {
        /// The file.
        path: String,
    },
    /// The file is not of the format (given or detected).
    #[error("{path}: not a valid {format} file: {reason}")]
    Read {
        /// The file.
        path: String,
        /// The format's name ([`FormatId::name`]).
        format: &'static str,
        /// Why.
        reason: ReadError,
    },
    /// A Taliq file that does not load.
    #[error("{path}: {reason}")]
    Taliq {
        /// The file.
        path: String,
        /// Why.
        reason: ImportError,
    },
}

/// Reads the annotation file `path` in `format` (detected when `None`): every document
/// it holds, placed with `labels` and `unknown` ([`place`]). `article` is the text of
/// the open article, for a Web Annotation file that holds no text of its own
/// ([`WebAnnotation::over`]).
///
/// # Errors
/// [`ConvertError`] when the file cannot be read, its format is unknown, or it is not of
/// that format.
pub fn read(
    path: &Path,
    format: Option<FormatId>,
    labels: &LabelMap,
    unknown: Unknown,
    article: Option<&str>,
) -> Result<(FormatId, Vec<Converted>), ConvertError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|reason| ConvertError::Io {
        path: shown.clone(),
        reason,
    })?;
    let format =
        format
            .or_else(|| detect(path, &bytes))
            .ok_or_else(|| ConvertError::UnknownFormat {
                path: shown.clone(),
            })?;
    // a brat article is its .txt
    let named = if format == FormatId::Brat {
        path.with_extension("txt")
    } else {
        path.to_path_buf()
    };
    let file_name = named
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    let (brat, wadm);
    let importer: &dyn Importer = match format {
        FormatId::Taliq => {
            let taliq = |reason| ConvertError::Taliq {
                path: shown.clone(),
                reason,
            };
            let text = String::from_utf8(bytes).map_err(|_| ConvertError::Read {
                path: shown.clone(),
                format: format.name(),
                reason: ReadError::NotUtf8,
            })?;
            let file = ExportFile::from_json(&text).map_err(taliq)?;
            let d = &file.document;
            let document = Document::from_text(&d.text, &d.source, &d.encoding);
            let annotations = file.annotations_for(&document).map_err(taliq)?;
            return Ok((
                format,
                vec![Converted {
                    document,
                    annotations,
                    problems: Vec::new(),
                }],
            ));
        }
        FormatId::Doccano => &Doccano::default(),
        FormatId::LabelStudio => &LabelStudio,
        FormatId::LabelStudioMin => &LabelStudioMin,
        FormatId::Conll => &Conll::default(),
        FormatId::Prodigy => &Prodigy,
        FormatId::Spacy => &SpacyDocBin,
        FormatId::Inception => &UimaCasJson::default(),
        FormatId::WebannoTsv => &WebAnnoTsv::default(),
        FormatId::WebAnnotation => {
            wadm = WebAnnotation {
                over: article.map(str::to_owned),
            };
            &wadm
        }
        FormatId::Brat => {
            let beside = path.with_extension("txt");
            let bytes = std::fs::read(&beside).map_err(|reason| ConvertError::Io {
                path: beside.display().to_string(),
                reason,
            })?;
            let text = String::from_utf8(bytes).map_err(|_| ConvertError::Read {
                path: beside.display().to_string(),
                format: format.name(),
                reason: ReadError::NotUtf8,
            })?;
            brat = BratAnn { text };
            &brat
        }
    };
    let docs: Vec<_> = importer
        .import(&bytes)
        .map_err(|reason| ConvertError::Read {
            path: shown.clone(),
            format: format.name(),
            reason,
        })?
        .into_iter()
        .map(crate::formats::exchange::ForeignDocument::without_bom)
        .collect();
    let several = docs.len() > 1;
    let converted = docs
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let name = match &f.name {
                Some(n) => n.clone(),
                None if several => format!("{file_name}#{}", i + 1),
                None => file_name.clone(),
            };
            let document = Document::from_text(&f.text, &name, "UTF-8");
            let placed = place(&document, f, labels, unknown, 1, format);
            Converted {
                document,
                annotations: placed.annotations,
                problems: placed.problems,
            }
        })
        .collect();
    Ok((format, converted))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{FormatId, detect, exporter, read};
    use crate::formats::exchange::{LabelMap, Unknown};
    use crate::model::annotation::Annotation;

    #[test]
    fn detects_each_format_by_its_shape() {
        let p = Path::new("x.json");
        assert_eq!(
            detect(p, br#"{"format": "taliq-annotations", "version": 1}"#),
            Some(FormatId::Taliq)
        );
        assert_eq!(
            detect(p, br#"[{"data": {"text": "x"}}]"#),
            Some(FormatId::LabelStudio)
        );
        assert_eq!(
            detect(p, br#"{"data": {"text": "x"}}"#),
            Some(FormatId::LabelStudio)
        );
        assert_eq!(
            detect(p, b"{\"text\": \"x\"}\n{\"text\": \"y\"}\n"),
            Some(FormatId::Doccano)
        );
        assert_eq!(
            detect(Path::new("x.jsonl"), br#"{"text": "x"}"#),
            Some(FormatId::Doccano)
        );
        assert_eq!(detect(p, br#"{"something": "else"}"#), None);
        assert_eq!(detect(p, b"plain text"), None);
    }

    /// A text that starts with a byte order mark inside the file (the tool counted it)
    /// reads with every offset moved back by it; brat's `.txt` with a mark too.
    #[test]
    fn a_mark_at_the_start_of_a_tools_text_moves_no_span() {
        let dir = tempfile::tempdir().unwrap();
        let doccano = dir.path().join("a.jsonl");
        std::fs::write(
            &doccano,
            "{\"text\": \"\u{feff}قال بوتين\", \"label\": [[5, 10, \"PER\"]]}\n",
        )
        .unwrap();
        let brat = dir.path().join("b.ann");
        std::fs::write(dir.path().join("b.txt"), "\u{feff}قال بوتين").unwrap();
        std::fs::write(&brat, "T1\tPER 5 10\tبوتين\n").unwrap();
        for path in [doccano, brat] {
            let (_, docs) = read(&path, None, &LabelMap::default(), Unknown::Skip, None).unwrap();
            assert!(
                docs[0].problems.is_empty(),
                "{path:?} {:?}",
                docs[0].problems
            );
            let a = &docs[0].annotations[0];
            assert_eq!(
                docs[0].document.slice(a.span.start(), a.span.end()),
                "بوتين"
            );
        }
    }

    /// brat's `.txt` is never written over another text, and a folder's own
    /// `annotation.conf` is kept.
    #[test]
    fn a_companion_never_overwrites_another_text() {
        use crate::formats::exchange::Exporter;
        let dir = tempfile::tempdir().unwrap();
        let doc = crate::model::document::Document::from_text("قال بوتين", "a.txt", "UTF-8");
        let exported = crate::formats::brat::Brat.export(&doc, &[]);
        std::fs::write(dir.path().join("annotation.conf"), "[entities]\nPER\n").unwrap();
        std::fs::write(dir.path().join("a.brat.txt"), "نص آخر").unwrap();
        let path = dir.path().join("a.brat.ann");
        assert!(matches!(
            super::write_exported(&path, &exported),
            Err(crate::workspace::storage::StorageError::OtherText { .. })
        ));
        assert!(!path.exists());
        std::fs::remove_file(dir.path().join("a.brat.txt")).unwrap();
        super::write_exported(&path, &exported).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.brat.txt")).unwrap(),
            "قال بوتين"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("annotation.conf")).unwrap(),
            "[entities]\nPER\n"
        );
    }

    /// Every format read back gives the annotations written, through files.
    #[test]
    fn each_format_converts_to_each_other_through_files() {
        let dir = tempfile::tempdir().unwrap();
        let doc = crate::model::document::Document::from_text(
            "👍 قال الرئيس عبد الفتاح السيسي: «لن نتراجع»",
            "t.txt",
            "UTF-8",
        );
        let anns = crate::formats::exchange::testing::marked(
            &doc,
            &[
                (
                    13,
                    30,
                    crate::model::label::Label::Person,
                    crate::model::annotation::Status::Accepted,
                ),
                (
                    33,
                    42,
                    crate::model::label::Label::Quote,
                    crate::model::annotation::Status::Accepted,
                ),
            ],
        );
        for from in FormatId::ALL {
            let path = dir.path().join(format!("a{}", from.extension()));
            let exported = exporter(from, super::ExportOptions::default()).export(&doc, &anns);
            super::write_exported(&path, &exported).unwrap();
            let (found, docs) =
                read(&path, None, &LabelMap::default(), Unknown::Skip, None).unwrap();
            assert_eq!(found, from);
            assert_eq!(docs.len(), 1);
            // CoNLL keeps the tokens, not the text: compare the labelled texts
            let labelled = |d: &crate::model::document::Document, a: &[Annotation]| {
                a.iter()
                    .map(|a| (d.slice(a.span.start(), a.span.end()).to_owned(), a.label))
                    .collect::<Vec<_>>()
            };
            let got = &docs[0];
            assert_eq!(
                labelled(&got.document, &got.annotations),
                labelled(&doc, &anns),
                "{from:?}"
            );
            if from != FormatId::Conll {
                assert_eq!(got.document.text(), doc.text());
                let spans: Vec<_> = got.annotations.iter().map(|a| a.span).collect();
                let want: Vec<_> = anns.iter().map(|a| a.span).collect();
                assert_eq!(spans, want, "{from:?}");
            }
        }
    }
}
