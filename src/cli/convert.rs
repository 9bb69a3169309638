//! `taliq convert IN --to G [--from F] [-o OUT]`: annotation files from one tool's format
//! to another's, with every span that cannot be converted named on stderr and what the
//! target format cannot carry said.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use taliq_core::formats::exchange::{LabelMap, SpanProblem, Unknown};
use taliq_core::model::annotation::Annotation;
use taliq_core::model::document::Document;
use taliq_core::workspace::convert::{self, ExportOptions, FormatId};

use crate::ui::words::interchange as words;

/// What `taliq convert` is asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConvertArgs {
    /// The file read.
    pub input: PathBuf,
    /// Its format, detected when `None`.
    pub from: Option<FormatId>,
    /// The format written.
    pub to: FormatId,
    /// The file written; stdout when `None`.
    pub output: Option<PathBuf>,
    /// How the target format is written (doccano's relation form, pending suggestions).
    pub options: ExportOptions,
    /// Labels the label map does not know: MISC or skipped.
    pub unknown: Unknown,
    /// A label map file (`--labels`, `formats::label_map`) on top of the common names.
    pub labels: Option<PathBuf>,
    /// The article the annotations are of (`--article`), for a Web Annotation file that
    /// does not hold its text.
    pub article: Option<PathBuf>,
}

/// The usage of `taliq convert`.
pub const CONVERT_USAGE: &str = "usage: taliq convert IN --to FORMAT [--from FORMAT] [-o OUT] \
[--relations] [--pending] [--labels FILE] [--unknown-labels misc|skip] [--article FILE]\n       FORMAT: taliq, doccano, label-studio, label-studio-min, brat, conll, prodigy, spacy, inception, webanno-tsv, web-annotation";

/// The formats' names as `--format` and `--to` take them.
pub(super) const FORMAT_NAMES: &str = "taliq, doccano, label-studio, label-studio-min, brat, conll, prodigy, spacy, inception, webanno-tsv, web-annotation";

/// The format named by the value of `option`.
pub(super) fn format_arg(option: &str, value: Option<&&str>) -> Result<FormatId> {
    let v = value.with_context(|| format!("{option} needs a format\n\n{CONVERT_USAGE}"))?;
    FormatId::from_name(v)
        .with_context(|| format!("{option}: unknown format {v:?}\n\n{CONVERT_USAGE}"))
}

/// Parses the arguments after `convert`.
///
/// # Errors
/// A message with the usage for a missing or unknown argument.
pub fn parse_convert(rest: &[&str], raw: &[std::ffi::OsString]) -> Result<ConvertArgs> {
    let mut input = None;
    let (mut from, mut to, mut output) = (None, None, None);
    let mut options = ExportOptions::default();
    let mut unknown = Unknown::AsMisc;
    let mut labels = None;
    let mut article = None;
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            "--from" => {
                i += 1;
                from = Some(format_arg("--from", rest.get(i))?);
            }
            "--to" => {
                i += 1;
                to = Some(format_arg("--to", rest.get(i))?);
            }
            "-o" | "--output" => {
                i += 1;
                let p = raw
                    .get(i)
                    .with_context(|| format!("-o needs a file\n\n{CONVERT_USAGE}"))?;
                output = Some(PathBuf::from(p));
            }
            "--labels" => {
                i += 1;
                let p = raw
                    .get(i)
                    .with_context(|| format!("--labels needs a file\n\n{CONVERT_USAGE}"))?;
                labels = Some(PathBuf::from(p));
            }
            "--article" => {
                i += 1;
                let p = raw
                    .get(i)
                    .with_context(|| format!("--article needs a file\n\n{CONVERT_USAGE}"))?;
                article = Some(PathBuf::from(p));
            }
            "--relations" => options.relations = true,
            "--pending" => options.pending = true,
            "--unknown-labels" => {
                i += 1;
                unknown = match rest.get(i) {
                    Some(&"misc") => Unknown::AsMisc,
                    Some(&"skip") => Unknown::Skip,
                    _ => bail!("--unknown-labels takes misc or skip\n\n{CONVERT_USAGE}"),
                };
            }
            opt if opt.starts_with('-') && opt.len() > 1 => {
                bail!("unknown option {opt}\n\n{CONVERT_USAGE}")
            }
            _ if input.is_none() => input = Some(PathBuf::from(&raw[i])),
            _ => bail!("too many arguments\n\n{CONVERT_USAGE}"),
        }
        i += 1;
    }
    match (input, to) {
        (Some(input), Some(to)) => Ok(ConvertArgs {
            input,
            from,
            to,
            output,
            options,
            unknown,
            labels,
            article,
        }),
        _ => bail!("{CONVERT_USAGE}"),
    }
}

/// Writes `articles` in `to` to `output` (atomically) or `out`, and says on `err` what the
/// format left out. A format that holds one article a file (brat, INCEpTION) writes
/// several articles into the folder `output`, a file each (`NAME.brat.ann` with its
/// `.txt`, …), made when missing.
///
/// # Errors
/// When the format holds one article and there are several with no `-o` folder, or a
/// file cannot be written.
pub(super) fn write_as(
    to: FormatId,
    options: ExportOptions,
    articles: &[(&Document, &[Annotation])],
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let format = convert::exporter(to, options);
    let Some(exported) = format.export_all(articles) else {
        let Some(dir) = output.filter(|d| !d.is_file()) else {
            bail!(
                "{} holds one article a file, and there are {}: give -o FOLDER (a file an article), or convert to a JSON Lines format",
                to.name(),
                articles.len()
            );
        };
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot make the folder {}", dir.display()))?;
        let mut left = Vec::new();
        let mut used = std::collections::HashSet::new();
        for (doc, annotations) in articles {
            let one = format.export(doc, annotations);
            let mut name = convert::export_file_name(Path::new(doc.source_name()), to);
            let mut n = 1;
            while !used.insert(name.clone()) {
                n += 1;
                let stem = Path::new(doc.source_name())
                    .file_stem()
                    .map_or_else(|| "article".into(), |s| s.to_string_lossy());
                name = format!("{stem}-{n}{}", to.extension());
            }
            convert::write_exported(&dir.join(&name), &one)?;
            left = taliq_core::formats::exchange::merged(&left, &one.left_out);
        }
        writeln!(
            err,
            "taliq: wrote {} article(s) into {}",
            articles.len(),
            dir.display()
        )
        .context("cannot write to stderr")?;
        if let Some(w) = words::left_out_note(to, &left) {
            writeln!(err, "taliq: {w}").context("cannot write to stderr")?;
        }
        return Ok(());
    };
    match output {
        Some(path) => {
            let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
            if let Some(folder) = folder.filter(|f| !f.is_dir()) {
                bail!(
                    "cannot write {}: the folder {} does not exist",
                    path.display(),
                    folder.display()
                );
            }
            // the error names the file
            convert::write_exported(path, &exported)?;
        }
        None if !exported.companions.is_empty() => bail!(
            "{} writes several files (NAME{} and the files beside it): give -o NAME{}",
            to.name(),
            to.extension(),
            to.extension()
        ),
        None => out
            .write_all(&exported.bytes)
            .context("cannot write the result")?,
    }
    if let Some(w) = words::left_out_note(to, &exported.left_out) {
        writeln!(err, "taliq: {w}").context("cannot write to stderr")?;
    }
    Ok(())
}

/// `taliq convert`: reads the input, writes it in the target format, names every span not
/// converted on `err`. Returns how many spans were not converted as they were.
///
/// # Errors
/// When the input cannot be read or is not of its format, or the output cannot be
/// written.
pub fn run_convert(args: &ConvertArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<usize> {
    let map = match &args.labels {
        Some(path) => {
            if !path.is_file() {
                bail!("--labels: {} is not a file", path.display());
            }
            taliq_core::workspace::labels::read(path)?
        }
        None => LabelMap::default(),
    };
    if let Some(out) = &args.output
        && let (Ok(a), Ok(b)) = (out.canonicalize(), args.input.canonicalize())
        && a == b
    {
        bail!(
            "-o {} is the input file: give another name (the input is never written over)",
            out.display()
        );
    }
    let article = match &args.article {
        Some(path) => Some(Document::load(path)?),
        None => None,
    };
    // a folder in: every annotation file in it (a brat folder: each NAME.ann with its .txt)
    let inputs: Vec<PathBuf> = if args.input.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&args.input)
            .with_context(|| format!("cannot read the folder {}", args.input.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                convert::detect_file(p).is_some_and(|f| args.from.is_none_or(|from| from == f))
            })
            .collect();
        files.sort_by(|a, b| {
            taliq_core::workspace::corpus::natural_cmp(
                &a.file_name().unwrap_or_default().to_string_lossy(),
                &b.file_name().unwrap_or_default().to_string_lossy(),
            )
        });
        if files.is_empty() {
            bail!(
                "{} holds no annotation file Taliq reads",
                args.input.display()
            );
        }
        files
    } else {
        vec![args.input.clone()]
    };
    let mut converted = Vec::new();
    for input in &inputs {
        let (_, mut more) = convert::read(
            input,
            args.from,
            &map,
            args.unknown,
            article.as_ref().map(Document::text),
        )?;
        converted.append(&mut more);
    }
    let mut problems = 0;
    for c in &converted {
        for p in &c.problems {
            writeln!(
                err,
                "taliq: {}",
                words::span_problem(c.document.source_name(), p)
            )
            .context("cannot write to stderr")?;
            // a label the map skips is the user's choice, not a failure
            if !matches!(p, SpanProblem::SkippedLabel { .. }) {
                problems += 1;
            }
        }
    }
    let articles: Vec<(&Document, &[Annotation])> = converted
        .iter()
        .map(|c| (&c.document, c.annotations.as_slice()))
        .collect();
    write_as(
        args.to,
        args.options,
        &articles,
        args.output.as_deref(),
        out,
        err,
    )?;
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<std::ffi::OsString> {
        a.iter().map(std::ffi::OsString::from).collect()
    }

    #[test]
    fn parses_convert_and_refuses_what_it_does_not_know() {
        let raw = args(&["in.json", "--to", "doccano", "-o", "out.jsonl"]);
        let strs: Vec<&str> = raw.iter().map(|a| a.to_str().unwrap()).collect();
        let a = parse_convert(&strs, &raw).unwrap();
        assert_eq!(a.to, FormatId::Doccano);
        assert_eq!(a.output.as_deref(), Some(Path::new("out.jsonl")));
        assert_eq!(a.from, None);
        for bad in [
            &["in.json"][..],
            &["in.json", "--to", "brat2"],
            &["in.json", "--to"],
            &["in.json", "--to", "taliq", "--unknown-labels", "drop"],
            &["a", "b", "--to", "taliq"],
        ] {
            let raw = args(bad);
            let strs: Vec<&str> = raw.iter().map(|a| a.to_str().unwrap()).collect();
            assert!(parse_convert(&strs, &raw).is_err(), "{bad:?}");
        }
    }

    /// A doccano file with a span past the text and an unknown label converts to Label
    /// Studio with both named, and the count of problems returned.
    #[test]
    fn convert_names_every_span_it_cannot_convert() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.jsonl");
        std::fs::write(
            &input,
            "{\"text\": \"قال بوتين في موسكو\", \"label\": [[4, 9, \"PER\"], [13, 18, \"GPE\"], [13, 99, \"LOC\"], [0, 3, \"VERB\"]]}\n",
        )
        .unwrap();
        let output = dir.path().join("out.json");
        let a = ConvertArgs {
            input,
            from: None,
            to: FormatId::LabelStudio,
            output: Some(output.clone()),
            options: ExportOptions::default(),
            unknown: Unknown::Skip,
            labels: None,
            article: None,
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run_convert(&a, &mut out, &mut err).unwrap(), 2);
        let err = String::from_utf8(err).unwrap();
        assert!(
            err.contains("span 3: its offsets are outside the text"),
            "{err}"
        );
        assert!(
            err.contains("span 4: unknown label \"VERB\"; not converted"),
            "{err}"
        );
        let tasks: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(output).unwrap()).unwrap();
        let result = &tasks[0]["annotations"][0]["result"];
        assert_eq!(result[0]["value"]["labels"][0], "PERSON");
        assert_eq!(result[1]["value"]["labels"][0], "LOCATION");
        assert_eq!(result[1]["value"]["text"], "موسكو");
    }

    /// `--labels FILE` maps the file's own names; a skipped one is said but is not a
    /// failure; a bad map file is refused before anything is written.
    #[test]
    fn a_label_map_file_maps_and_skips() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.jsonl");
        std::fs::write(
            &input,
            "{\"text\": \"قال بوتين في موسكو\", \"label\": [[4, 9, \"HUMAN\"], [0, 3, \"VERB\"]]}\n",
        )
        .unwrap();
        let map = dir.path().join("labels.txt");
        std::fs::write(&map, "HUMAN = PERSON\nverb = skip\n").unwrap();
        let output = dir.path().join("out.json");
        let mut a = ConvertArgs {
            input,
            from: None,
            to: FormatId::Doccano,
            output: Some(output.clone()),
            options: ExportOptions::default(),
            unknown: Unknown::AsMisc,
            labels: Some(map.clone()),
            article: None,
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run_convert(&a, &mut out, &mut err).unwrap(), 0);
        let err = String::from_utf8(err).unwrap();
        assert!(
            err.contains("\"VERB\" is skipped by the label map"),
            "{err}"
        );
        let line = std::fs::read_to_string(&output).unwrap();
        assert!(line.contains("[4,9,\"PERSON\"]"), "{line}");
        std::fs::write(&map, "HUMAN => PERSON\n").unwrap();
        std::fs::remove_file(&output).unwrap();
        let e = run_convert(&a, &mut Vec::new(), &mut Vec::new()).unwrap_err();
        assert!(format!("{e:#}").contains("line 1"), "{e:#}");
        assert!(!output.exists());
        a.labels = Some(dir.path().join("missing.txt"));
        assert!(run_convert(&a, &mut Vec::new(), &mut Vec::new()).is_err());
    }

    /// A brat folder in (each `NAME.ann` with its `.txt`), one JSON Lines file or a
    /// folder of one-article files out.
    #[test]
    fn a_brat_folder_converts_to_one_file_and_to_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let brat = dir.path().join("brat");
        std::fs::create_dir(&brat).unwrap();
        for (name, text, ann) in [
            ("a", "قال بوتين", "T1\tPER 4 9\tبوتين\n"),
            ("b", "زار ترامب القاهرة", "T1\tGPE 10 17\tالقاهرة\n"),
        ] {
            std::fs::write(brat.join(format!("{name}.txt")), text).unwrap();
            std::fs::write(brat.join(format!("{name}.ann")), ann).unwrap();
        }
        let args = |to: FormatId, output: PathBuf| ConvertArgs {
            input: brat.clone(),
            from: None,
            to,
            output: Some(output),
            options: ExportOptions::default(),
            unknown: Unknown::Skip,
            labels: None,
            article: None,
        };
        let jsonl = dir.path().join("all.doccano.jsonl");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(
            run_convert(&args(FormatId::Doccano, jsonl.clone()), &mut out, &mut err).unwrap(),
            0
        );
        let lines = std::fs::read_to_string(&jsonl).unwrap();
        assert_eq!(lines.lines().count(), 2);
        assert!(lines.contains("[4,9,\"PERSON\"]") && lines.contains("[10,17,\"LOCATION\"]"));
        let folder = dir.path().join("out");
        run_convert(&args(FormatId::Brat, folder.clone()), &mut out, &mut err).unwrap();
        assert_eq!(
            std::fs::read_to_string(folder.join("b.brat.ann")).unwrap(),
            "T1\tLOCATION 10 17\tالقاهرة\n"
        );
        assert_eq!(
            std::fs::read_to_string(folder.join("a.brat.txt")).unwrap(),
            "قال بوتين"
        );
        assert!(folder.join("annotation.conf").is_file());
        run_convert(
            &args(FormatId::Inception, folder.clone()),
            &mut out,
            &mut err,
        )
        .unwrap();
        assert!(
            folder.join("a.inception.json").is_file() && folder.join("b.inception.json").is_file()
        );
    }
}
