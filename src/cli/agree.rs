//! `taliq agree A B [C …] [--json] [--include-pending]`: inter-annotator agreement of the
//! annotation files (or folders of them) of two or more annotators
//! ([`taliq_core::eval::agreement::report`]), as a text table or JSON.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde_json::json;
use taliq_core::eval::agreement::report::{Kind, Layer, Report, report};
use taliq_core::eval::agreement::{Mark, PairCounts};
use taliq_core::formats::exchange::{LabelMap, Unknown};
use taliq_core::model::annotation::Status;
use taliq_core::workspace::convert;

/// The usage of `taliq agree`.
pub const AGREE_USAGE: &str = "usage: taliq agree A B [C …] [--json] [--include-pending]\n       A, B, …: an annotation file (any format convert reads) or a folder of them, one an annotator";

/// What `taliq agree` is asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreeArgs {
    /// Each annotator's file or folder.
    pub layers: Vec<PathBuf>,
    /// Write JSON instead of the table.
    pub json: bool,
    /// Count pending suggestions too (by default only decisions count).
    pub include_pending: bool,
}

/// Parses the arguments after `agree`.
///
/// # Errors
/// A message with the usage for an unknown option or fewer than two annotators.
pub fn parse_agree(rest: &[&str], raw: &[std::ffi::OsString]) -> Result<AgreeArgs> {
    let mut args = AgreeArgs {
        layers: Vec::new(),
        json: false,
        include_pending: false,
    };
    for (i, a) in rest.iter().enumerate() {
        match *a {
            "--json" => args.json = true,
            "--include-pending" => args.include_pending = true,
            opt if opt.starts_with('-') && opt.len() > 1 => {
                bail!("unknown option {opt}\n\n{AGREE_USAGE}")
            }
            _ => args.layers.push(PathBuf::from(&raw[i])),
        }
    }
    if args.layers.len() < 2 {
        bail!("agreement needs two annotators or more\n\n{AGREE_USAGE}");
    }
    Ok(args)
}

/// The annotation files of `path`: itself, or every annotation file of the folder.
fn files_of(path: &Path) -> Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| format!("cannot read the folder {}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| convert::detect_file(p).is_some())
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("{} holds no annotation file Taliq reads", path.display());
    }
    Ok(files)
}

/// The documents of `layer` whose text is not the first annotator's document of the same
/// name (another version: CRLF, an edited sentence) are paired with that one by name:
/// their annotations re-anchored onto its text as a changed sidecar is
/// ([`taliq_core::workspace::reanchor::carry_over`]), with a warning on `err` naming the
/// document and how many spans could not be placed.
fn pair_by_name(first: &Layer, layer: &mut Layer, err: &mut dyn Write) -> Result<()> {
    use taliq_core::formats::taliq::ExportFile;
    use taliq_core::model::annotation::{Annotation, Facts, Origin};
    use taliq_core::model::span::Span;
    for (doc, marks) in &mut layer.documents {
        if first
            .documents
            .iter()
            .any(|(d, _)| d.sha256() == doc.sha256())
        {
            continue;
        }
        let Some((theirs, _)) = first
            .documents
            .iter()
            .find(|(d, _)| d.source_name() == doc.source_name())
        else {
            continue;
        };
        let annotations: Vec<Annotation> = marks
            .iter()
            .zip(1..)
            .filter_map(|(&(s, e, label), id)| {
                Some(Annotation {
                    id,
                    span: Span::new(doc, s, e).ok()?,
                    label,
                    origin: Origin::Manual,
                    status: Status::Accepted,
                    note: String::new(),
                    canonical: doc.slice(s, e).to_owned(),
                    facts: Facts::default(),
                })
            })
            .collect();
        let moved = taliq_core::workspace::reanchor::carry_over(
            &ExportFile::new(doc, &annotations),
            theirs,
        );
        match moved {
            Ok(r) => {
                writeln!(
                    err,
                    "taliq: warning: {} of {} has another text than in {}: paired by name, {} span(s) re-anchored, {} not placed",
                    doc.source_name(),
                    layer.name,
                    first.name,
                    r.placed.len(),
                    r.lost.len()
                )
                .context("cannot write to stderr")?;
                *marks = r
                    .placed
                    .iter()
                    .map(|a| (a.span.start(), a.span.end(), a.label))
                    .collect();
                *doc = theirs.clone();
            }
            Err(why) => {
                writeln!(
                    err,
                    "taliq: warning: {} of {} is not paired: {why}",
                    doc.source_name(),
                    layer.name
                )
                .context("cannot write to stderr")?;
            }
        }
    }
    Ok(())
}

/// One annotator's layer read from `path`.
fn layer(path: &Path, include_pending: bool) -> Result<Layer> {
    let mut documents = Vec::new();
    for file in files_of(path)? {
        let (_, docs) = convert::read(&file, None, &LabelMap::default(), Unknown::AsMisc, None)?;
        for c in docs {
            let marks: Vec<Mark> = c
                .annotations
                .iter()
                .filter(|a| {
                    a.status == Status::Accepted || include_pending && a.status == Status::Pending
                })
                .map(|a| (a.span.start(), a.span.end(), a.label))
                .collect();
            documents.push((c.document, marks));
        }
    }
    Ok(Layer {
        name: path.display().to_string(),
        documents,
    })
}

/// `taliq agree`: reads every annotator's files and writes the report to `out`
/// (warnings on `err`).
///
/// # Errors
/// When a file cannot be read or is not of a format Taliq reads, the same file is given
/// twice, or no document is annotated by every annotator.
pub fn run_agree(args: &AgreeArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    for (i, a) in args.layers.iter().enumerate() {
        if args.layers[..i]
            .iter()
            .any(|b| b.canonicalize().ok() == a.canonicalize().ok())
        {
            bail!(
                "{} is given twice: give each annotator's work once",
                a.display()
            );
        }
    }
    let mut layers: Vec<Layer> = args
        .layers
        .iter()
        .map(|p| layer(p, args.include_pending))
        .collect::<Result<_>>()?;
    if let Some((first, rest)) = layers.split_first_mut() {
        for l in rest {
            pair_by_name(first, l, err)?;
        }
    }
    let r = report(&layers);
    if r.paired == 0 {
        bail!("no document is annotated by every annotator (documents are paired by their text)");
    }
    let text = if args.json {
        as_json(&r, &layers)
    } else {
        as_table(&r, &layers)
    };
    out.write_all(text.as_bytes())
        .context("cannot write the result")
}

fn f1_row(name: &str, c: &taliq_core::eval::Counts) -> String {
    format!(
        "  {name:<14} {:>6.3} {:>6.3} {:>6.3}  ({} agreed, {} only second, {} only first)\n",
        c.precision(),
        c.recall(),
        c.f1(),
        c.tp,
        c.fp,
        c.fn_
    )
}

fn table(title: &str, counts: &PairCounts) -> String {
    let mut s = format!(
        "{title}\n  {:<14} {:>6} {:>6} {:>6}\n",
        "label", "P", "R", "F1"
    );
    for (l, c) in &counts.per_label {
        s.push_str(&f1_row(l.as_str(), c));
    }
    s.push_str(&f1_row("all (micro)", &counts.all));
    s
}

fn shown(x: Option<f64>) -> String {
    x.map_or_else(|| "undefined".to_owned(), |v| format!("{v:.4}"))
}

fn mark_words(layers: &[Layer], doc: &str, m: Option<Mark>) -> String {
    let Some((s, e, l)) = m else {
        return "—".to_owned();
    };
    let text = layers[0]
        .documents
        .iter()
        .find(|(d, _)| d.source_name() == doc)
        .map(|(d, _)| d.slice(s, e).to_owned())
        .unwrap_or_default();
    format!("{l} {s}–{e} \u{2068}{text}\u{2069}", l = l.as_str())
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Label => "label",
        Kind::Boundary => "boundary",
        Kind::Both => "label and boundary",
        Kind::Missing => "only one",
    }
}

fn as_table(r: &Report, layers: &[Layer]) -> String {
    let mut s = String::new();
    for (i, a) in r.annotators.iter().enumerate() {
        let _ = writeln!(s, "annotator {}: {a}", i + 1);
    }
    let _ = writeln!(
        s,
        "documents annotated by all: {}; tokens: {}",
        r.paired, r.tokens
    );
    for (who, doc) in &r.unpaired {
        let _ = writeln!(s, "  not paired: {doc} (only in {who})");
    }
    for (((i, j), e), (_, o)) in r.exact.iter().zip(&r.overlap) {
        s.push('\n');
        s.push_str(&table(
            &format!("exact spans, annotator {} against {}", j + 1, i + 1),
            e,
        ));
        s.push_str(&table(
            &format!(
                "overlapping spans (same label), annotator {} against {}",
                j + 1,
                i + 1
            ),
            o,
        ));
    }
    let _ = writeln!(
        s,
        "\nover tokens (IOB2): Cohen's kappa {}, Fleiss' kappa {}, Krippendorff's alpha {}",
        shown(r.cohen),
        shown(r.fleiss),
        shown(r.alpha)
    );
    if !r.confusion.is_empty() {
        s.push_str("\nlabels of overlapping spans (annotator 1 → annotator 2):\n");
        for ((a, b), n) in &r.confusion {
            let _ = writeln!(s, "  {} → {}: {n}", a.as_str(), b.as_str());
        }
    }
    let count = |k: Kind| r.disagreements.iter().filter(|d| d.kind == k).count();
    let _ = writeln!(
        s,
        "\ndisagreements of annotators 1 and 2: {} (label {}, boundary {}, both {}, only one {})",
        r.disagreements.len(),
        count(Kind::Label),
        count(Kind::Boundary),
        count(Kind::Both),
        count(Kind::Missing)
    );
    for d in &r.disagreements {
        let _ = writeln!(
            s,
            "  {}: {} | {} ({})",
            d.document,
            mark_words(layers, &d.document, d.first),
            mark_words(layers, &d.document, d.second),
            kind_name(d.kind)
        );
    }
    s
}

fn counts_json(c: &PairCounts) -> serde_json::Value {
    let row = |c: &taliq_core::eval::Counts| {
        json!({"tp": c.tp, "fp": c.fp, "fn": c.fn_, "precision": c.precision(),
               "recall": c.recall(), "f1": c.f1()})
    };
    let per: serde_json::Map<String, serde_json::Value> = c
        .per_label
        .iter()
        .map(|(l, c)| (l.as_str().to_owned(), row(c)))
        .collect();
    json!({"per_label": per, "micro": row(&c.all)})
}

fn as_json(r: &Report, _layers: &[Layer]) -> String {
    let mark =
        |m: Option<Mark>| m.map(|(s, e, l)| json!({"start": s, "end": e, "label": l.as_str()}));
    let pairs: Vec<serde_json::Value> = r
        .exact
        .iter()
        .zip(&r.overlap)
        .map(|(((i, j), e), (_, o))| {
            json!({"reference": i, "other": j, "exact": counts_json(e), "overlap": counts_json(o)})
        })
        .collect();
    let value = json!({
        "annotators": r.annotators,
        "paired_documents": r.paired,
        "unpaired": r.unpaired.iter().map(|(w, d)| json!({"annotator": w, "document": d})).collect::<Vec<_>>(),
        "tokens": r.tokens,
        "pairs": pairs,
        "cohen_kappa": r.cohen,
        "fleiss_kappa": r.fleiss,
        "krippendorff_alpha": r.alpha,
        "confusion": r.confusion.iter().map(|((a, b), n)| json!({"first": a.as_str(), "second": b.as_str(), "count": n})).collect::<Vec<_>>(),
        "disagreements": r.disagreements.iter().map(|d| json!({"document": d.document, "first": mark(d.first), "second": mark(d.second), "kind": kind_name(d.kind)})).collect::<Vec<_>>(),
    });
    let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::{AgreeArgs, run_agree};
    use taliq_core::formats::taliq::ExportFile;
    use taliq_core::model::annotation::Status;
    use taliq_core::model::document::Document;
    use taliq_core::model::label::Label;
    use taliq_core::session::Session;

    /// Two annotators of the sample: one accepts every suggestion, the other rejects two
    /// names and relabels a place; the table and the JSON say so, and a file given twice
    /// or a lone annotator is refused.
    #[test]
    fn two_exports_of_the_sample_give_the_table_and_the_json() {
        let dir = tempfile::tempdir().unwrap();
        let text = include_str!("../../seeds/putin-trump-call.ar.txt");
        let doc = Document::from_text(text, "putin-trump-call.ar.txt", "UTF-8");
        let session = Session::with_extraction(doc.clone());
        let mut all = session.annotations().to_vec();
        for a in &mut all {
            a.status = Status::Accepted;
        }
        let mut other = all.clone();
        let people: Vec<usize> = (0..other.len())
            .filter(|&i| other[i].label == Label::Person)
            .collect();
        other[people[0]].status = Status::Rejected;
        other[people[1]].status = Status::Rejected;
        let place = (0..other.len())
            .find(|&i| other[i].label == Label::Location)
            .unwrap();
        other[place].label = Label::Organization;
        let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
        std::fs::write(&a, ExportFile::new(&doc, &all).to_json()).unwrap();
        std::fs::write(&b, ExportFile::new(&doc, &other).to_json()).unwrap();
        let mut args = AgreeArgs {
            layers: vec![a.clone(), b],
            json: false,
            include_pending: false,
        };
        let mut out = Vec::new();
        run_agree(&args, &mut out, &mut Vec::new()).unwrap();
        let table = String::from_utf8(out).unwrap();
        assert!(table.contains("LOCATION → ORGANIZATION: 1"), "{table}");
        assert!(
            table.contains(
                "disagreements of annotators 1 and 2: 3 (label 1, boundary 0, both 0, only one 2)"
            ),
            "{table}"
        );
        args.json = true;
        let mut out = Vec::new();
        run_agree(&args, &mut out, &mut Vec::new()).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["paired_documents"], 1);
        assert!(v["cohen_kappa"].as_f64().unwrap() < 1.0);
        assert_eq!(v["disagreements"].as_array().unwrap().len(), 3);
        args.layers[1] = a;
        assert!(run_agree(&args, &mut Vec::new(), &mut Vec::new()).is_err());
    }

    /// Another version of the text under the same name (CRLF line ends) is paired by
    /// name, its spans re-anchored, with a warning.
    #[test]
    fn another_version_of_the_text_is_paired_by_name_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let text = include_str!("../../seeds/putin-trump-call.ar.txt");
        let doc = Document::from_text(text, "putin-trump-call.ar.txt", "UTF-8");
        let mut anns = Session::with_extraction(doc.clone()).annotations().to_vec();
        for a in &mut anns {
            a.status = Status::Accepted;
        }
        let crlf = Document::from_text(
            &text.replace('\n', "\r\n"),
            "putin-trump-call.ar.txt",
            "UTF-8",
        );
        let moved = Session::with_extraction(crlf.clone())
            .annotations()
            .to_vec();
        let moved: Vec<_> = moved
            .into_iter()
            .map(|mut a| {
                a.status = Status::Accepted;
                a
            })
            .collect();
        let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
        std::fs::write(&a, ExportFile::new(&doc, &anns).to_json()).unwrap();
        std::fs::write(&b, ExportFile::new(&crlf, &moved).to_json()).unwrap();
        let args = AgreeArgs {
            layers: vec![a, b],
            json: true,
            include_pending: false,
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        run_agree(&args, &mut out, &mut err).unwrap();
        let err = String::from_utf8(err).unwrap();
        assert!(err.contains("paired by name"), "{err}");
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["paired_documents"], 1);
        assert!(v["krippendorff_alpha"].as_f64().unwrap() > 0.99, "{v}");
    }
}
