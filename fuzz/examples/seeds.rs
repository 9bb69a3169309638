//! Writes the seed corpora of the importer targets: Taliq's own exports, in every format,
//! of the lead of the sample article (`seeds/putin-trump-call.ar.txt`) and of a hard text
//! (emoji, CRLF, harakat and shadda, lam-alef, a Latin word), with the extractor's
//! suggestions as annotations (accepted, one pending, one rejected, a note).
//!
//! `cargo run --example seeds` from `fuzz/`; writes `corpus/<target>/seed-<name>`.

use std::io::Read;
use std::path::{Path, PathBuf};

use taliq_core::extract::extract;
use taliq_core::extract::suggest::annotations_of;
use taliq_core::model::annotation::{Annotation, Status};
use taliq_core::model::document::Document;
use taliq_core::workspace::convert::{ExportOptions, FormatId, exporter};

/// The hard text: each line a trap for offsets (UTF-16 pairs, CRLF, combining marks).
const HARD: &str = "💩 قال الرئيسُ مُحَمَّد بن سلمان في الرياض: «لا لألأ» 👍🏽\r\n\
وزارة الخارجيّة في القاهرة، وTrump في واشنطن يوم ٢٠١٩/٠٣/١٢.\r\n\
شدّ الرئيس عبد الفتاح السيسي على يد ترامب.";

fn main() -> std::io::Result<()> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let article = std::fs::read_to_string(here.join("../seeds/putin-trump-call.ar.txt"))?;
    // the title and first paragraphs: long enough for every label, short enough to mutate
    let lead: String = article.lines().take(9).collect::<Vec<_>>().join("\n");
    let out = here.join("corpus");
    for (name, text) in [("lead", lead.as_str()), ("hard", HARD)] {
        let doc = Document::from_text(text, &format!("{name}.txt"), "UTF-8");
        let anns = annotated(&doc);
        write_all(&out, name, &doc, &anns)?;
        if name == "hard" {
            // and with no annotation at all
            write_all(&out, "empty", &doc, &[])?;
        }
    }
    Ok(())
}

/// The extractor's suggestions on `doc`, decided: all accepted but the second (left
/// pending) and the third (rejected); the first carries a note.
fn annotated(doc: &Document) -> Vec<Annotation> {
    let mut anns = annotations_of(doc, &extract(doc.text()));
    for (i, a) in anns.iter_mut().enumerate() {
        a.status = match i {
            1 => Status::Pending,
            2 => Status::Rejected,
            _ => Status::Accepted,
        };
        if i == 0 {
            a.note = "ملاحظة «مهمة»\nسطر ثانٍ".to_owned();
        }
    }
    anns
}

/// The target reading `format`.
fn target(format: FormatId) -> &'static str {
    match format {
        FormatId::Taliq => "import_taliq",
        FormatId::Doccano => "import_doccano",
        FormatId::LabelStudio => "import_label_studio",
        FormatId::LabelStudioMin => "import_label_studio_min",
        FormatId::Brat => "import_brat",
        FormatId::Conll => "import_conll",
        FormatId::Prodigy => "import_prodigy",
        FormatId::Spacy => "import_spacy",
        FormatId::Inception => "import_inception",
        FormatId::WebannoTsv => "import_webanno_tsv",
        FormatId::WebAnnotation => "import_web_annotation",
    }
}

/// `doc` with `anns` in every format and option, as seeds of each format's target, and in
/// every format with the default options as seeds of the `detect` target (behind the
/// byte picking the format's file ending).
fn write_all(out: &Path, name: &str, doc: &Document, anns: &[Annotation]) -> std::io::Result<()> {
    let options = [
        ("", ExportOptions::default()),
        (
            "-pending",
            ExportOptions {
                relations: false,
                pending: true,
            },
        ),
        (
            "-relations",
            ExportOptions {
                relations: true,
                pending: false,
            },
        ),
    ];
    for format in FormatId::ALL {
        let mut previous: Vec<Vec<u8>> = Vec::new();
        for (suffix, opts) in options {
            let exported = exporter(format, opts).export(doc, anns);
            if previous.contains(&exported.bytes) {
                continue; // the format has no such option
            }
            previous.push(exported.bytes.clone());
            let mut input = exported.bytes.clone();
            match format {
                FormatId::Brat => {
                    input.push(0);
                    for (companion, text) in &exported.companions {
                        if companion == ".txt" {
                            input.extend_from_slice(text.as_bytes());
                        }
                    }
                }
                FormatId::WebAnnotation => {
                    // also over the open article's text
                    let mut over = input.clone();
                    over.push(0);
                    over.extend_from_slice(doc.text().as_bytes());
                    write(out, target(format), &format!("{name}{suffix}-over"), &over)?;
                }
                _ => {}
            }
            write(out, target(format), &format!("{name}{suffix}"), &input)?;
            if format == FormatId::Spacy {
                // the msgpack inside, for the target that deflates its input
                let mut msgpack = Vec::new();
                flate2::read::ZlibDecoder::new(input.as_slice()).read_to_end(&mut msgpack)?;
                write(
                    out,
                    "import_spacy_msgpack",
                    &format!("{name}{suffix}"),
                    &msgpack,
                )?;
            }
            if suffix.is_empty() && name != "empty" {
                let mut detect = vec![detect_pick(format)];
                detect.extend_from_slice(&input);
                write(out, "detect", &format!("{}-{name}", format.name()), &detect)?;
            }
        }
    }
    Ok(())
}

/// The first byte of a `detect` input naming the file as Taliq names an export of
/// `format` (an index into `taliq_fuzz::DETECT_NAMES`).
fn detect_pick(format: FormatId) -> u8 {
    let ending = match format {
        FormatId::Brat => "x.ann",
        FormatId::Conll => "x.conll",
        FormatId::Spacy => "x.spacy",
        FormatId::WebannoTsv => "x.tsv",
        FormatId::WebAnnotation => "x.jsonld",
        FormatId::Doccano | FormatId::Prodigy => "x.jsonl",
        FormatId::LabelStudioMin => "x.label-studio-min.json",
        _ => "x.json",
    };
    taliq_fuzz::DETECT_NAMES
        .iter()
        .position(|n| *n == ending)
        .map_or(0, |i| i as u8)
}

fn write(out: &Path, target: &str, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    let dir: PathBuf = out.join(target);
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join(format!("seed-{name}")), bytes)
}
