//! The command-line entry points that run without a window.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

mod agree;
mod convert;
mod jsonl;

pub use agree::{AGREE_USAGE, AgreeArgs, parse_agree, run_agree};
pub use convert::{CONVERT_USAGE, ConvertArgs, parse_convert, run_convert};
pub use jsonl::{OUTPUT_FIELDS, doc_in_raw_text, extract_jsonl};
use taliq_core::workspace::convert::ExportOptions;
use taliq_core::workspace::convert::FormatId;

use taliq_core::eval;
use taliq_core::model::document::Document;
use taliq_core::session::Session;

/// Usage text printed by `taliq --help`.
pub const USAGE: &str = "\
Taliq — annotate Arabic news articles

Usage:
  taliq                 open the bundled sample article
  taliq FILE            open FILE (plain text: UTF-8, UTF-16, Windows-1256, ISO-8859-6;
                        a saved web page, whose article text is taken; or a Word .docx)
  taliq FILE --import ANNOTATIONS
                        open FILE and import ANNOTATIONS into it (any format convert
                        reads: another tool's pre-annotations or finished work), as
                        File ▸ Import annotations does
  taliq FOLDER          list the articles of FOLDER with their progress and open the
                        first one not done
  taliq extract FILE    print the extracted annotations of FILE as Taliq JSON, with
                        the project lexicon of FILE's folder (taliq-lexicon.txt) applied
                        as the app applies it
  taliq extract --jsonl read JSON Lines {\"doc\": ID, \"text\": ...} on stdin and write
                        one line per document: {\"doc\": ID, ...other input fields,
                        ...Taliq JSON fields}, or {\"doc\": ID, \"line\": N, \"error\": ...}
                        for a bad line (ID null only when unreadable); an input field
                        named like a Taliq field is written as input_NAME; repeated
                        IDs are warned about on stderr
    --lexicon PATH      apply the project lexicon PATH (for --jsonl, which has no
                        folder; for FILE, instead of the folder's)
    --no-lexicon        apply no project lexicon
    --format FORMAT     for FILE: write the suggestions as FORMAT (any of convert's
                        but brat) instead of Taliq JSON
  taliq convert IN --to FORMAT [--from FORMAT] [-o OUT]
                        convert an annotation file between Taliq JSON (taliq), doccano
                        JSON Lines (doccano), Label Studio JSON (label-studio) and JSON-MIN
                        (label-studio-min), brat
                        standoff (brat: NAME.ann with NAME.txt beside it; -o needed),
                        CoNLL IOB2 token lines (conll), Prodigy JSON Lines (prodigy),
                        spaCy DocBin (spacy), INCEpTION UIMA CAS JSON (inception),
                        WebAnno TSV 3.3 (webanno-tsv) and W3C Web Annotation JSON-LD
                        (web-annotation); IN's format is detected unless --from gives
                        it; IN may be a folder (a brat folder: every annotation file in
                        it), and -o a folder for brat and INCEpTION (a file an article); every span that cannot be converted is named on stderr, and
                        the exit status is 1 if there was one
    --relations         doccano: write the relation form (entities, relations)
    --pending           doccano, conll, inception, webanno-tsv: write pending
                        suggestions too, as labels
    --labels FILE       map other tools' label names with FILE (lines NAME = LABEL or
                        NAME = skip; the common names are known without it)
    --article FILE      the article the annotations are of, for a W3C Web Annotation
                        file that does not hold its text (as Hypothesis or Recogito
                        write them): spans are found by their quotes
    --unknown-labels misc|skip
                        what to do with a label Taliq does not know (default misc)
  taliq agree A B [C …] [--json] [--include-pending]
                        inter-annotator agreement of two or more annotators' files
                        (any format convert reads, or folders of them): documents
                        paired by their text (else by name, re-anchored, warned); exact and overlap F1 per label, Cohen's
                        and Fleiss' kappa and Krippendorff's alpha over IOB2 tokens, the
                        label confusions and every disagreement of annotators 1 and 2;
                        decisions only unless --include-pending
  taliq eval GOLD.jsonl score the extractor against a gold file: precision, recall
                        and F1 per label and micro-averaged (exact span match)
  taliq layout FILE --width PX --font-size PX
                        print the text engine's visual lines and glyphs as JSON
  taliq --help | --version
";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Invocation {
    /// Open the window, on this article or on the sample.
    Gui(Option<PathBuf>),
    /// `taliq FILE --import ANNOTATIONS`: open the window on the article FILE and import
    /// the annotation file into it.
    GuiImport {
        /// The article.
        article: PathBuf,
        /// The annotation file imported.
        annotations: PathBuf,
    },
    /// `taliq extract FILE [--no-lexicon | --lexicon PATH]`.
    Extract {
        /// The article.
        path: PathBuf,
        /// Which project lexicon to apply.
        lexicon: LexiconChoice,
        /// The format written (`--format`; Taliq JSON by default).
        format: FormatId,
    },
    /// `taliq convert IN --to FORMAT …`.
    Convert(ConvertArgs),
    /// `taliq agree A B [C …]`.
    Agree(AgreeArgs),
    /// `taliq extract --jsonl [--lexicon PATH]`: documents on stdin, one result a line
    /// on stdout.
    ExtractJsonl {
        /// Which project lexicon to apply ([`LexiconChoice::Folder`] is never given: the
        /// input has no folder).
        lexicon: LexiconChoice,
    },
    /// `taliq eval GOLD.jsonl`.
    Eval(PathBuf),
    /// `taliq layout FILE --width PX --font-size PX`.
    Layout {
        /// The article.
        path: PathBuf,
        /// Wrap width in pixels.
        width: f32,
        /// Font size in pixels.
        font_size: f32,
    },
    /// `--help`.
    Help,
    /// `--version`.
    Version,
}

/// Which project lexicon (see [`taliq_core::extract::lexicon`]) `taliq extract` applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LexiconChoice {
    /// The lexicon of the article's folder, found as the app finds it
    /// ([`taliq_core::workspace::corpus::lexicon_path_of`]); none when that file does not exist.
    Folder,
    /// No lexicon (`--no-lexicon`).
    Skip,
    /// The lexicon file at this path (`--lexicon PATH`); it must exist.
    File(PathBuf),
}

/// Loads the lexicon `choice` names for `article` (`None` for `--jsonl` input).
///
/// # Errors
/// When the lexicon file exists but cannot be read or parsed (the message names the
/// file and line), or a `--lexicon PATH` file is missing.
pub fn load_lexicon(
    choice: &LexiconChoice,
    article: Option<&Path>,
) -> Result<taliq_core::extract::ProjectLexicon> {
    use taliq_core::extract::ProjectLexicon;
    match (choice, article) {
        (LexiconChoice::Skip, _) | (LexiconChoice::Folder, None) => Ok(ProjectLexicon::new()),
        (LexiconChoice::Folder, Some(article)) => {
            let path = taliq_core::workspace::corpus::lexicon_path_of(article);
            ProjectLexicon::load_or_new(&path).context(
                "the project lexicon of the article's folder is invalid (fix it, or pass \
                 --no-lexicon)",
            )
        }
        (LexiconChoice::File(path), _) => {
            ProjectLexicon::load(path).context("the project lexicon given by --lexicon")
        }
    }
}

/// Parses the arguments after `extract`.
fn parse_extract(rest: &[&str], raw: &[std::ffi::OsString]) -> Result<Invocation> {
    const USE: &str = "usage: taliq extract FILE [--no-lexicon | --lexicon PATH] [--format FORMAT]\n       \
                       taliq extract --jsonl [--no-lexicon | --lexicon PATH]";
    let mut path = None;
    let mut jsonl = false;
    let mut lexicon = None;
    let mut format = None;
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            "--format" if format.is_none() => {
                i += 1;
                format = Some(
                    rest.get(i)
                        .and_then(|f| FormatId::from_name(f))
                        .with_context(|| {
                            format!("--format needs one of {}\n\n{USE}", convert::FORMAT_NAMES)
                        })?,
                );
            }
            "--jsonl" if !jsonl => jsonl = true,
            "--no-lexicon" if lexicon.is_none() => lexicon = Some(LexiconChoice::Skip),
            "--lexicon" if lexicon.is_none() => {
                i += 1;
                let p = raw
                    .get(i)
                    .with_context(|| format!("--lexicon needs a path\n\n{USE}"))?;
                lexicon = Some(LexiconChoice::File(PathBuf::from(p)));
            }
            "--lexicon" | "--no-lexicon" => {
                bail!("give --lexicon or --no-lexicon once\n\n{USE}")
            }
            opt if opt.starts_with('-') && opt.len() > 1 => bail!("unknown option {opt}\n\n{USE}"),
            _ if path.is_none() => path = Some(PathBuf::from(&raw[i])),
            _ => bail!("too many arguments\n\n{USE}"),
        }
        i += 1;
    }
    match (jsonl, path) {
        (true, None) if format.is_some() => bail!("--format is for FILE only\n\n{USE}"),
        (true, None) => Ok(Invocation::ExtractJsonl {
            lexicon: lexicon.unwrap_or(LexiconChoice::Skip),
        }),
        (false, Some(path)) => Ok(Invocation::Extract {
            path,
            lexicon: lexicon.unwrap_or(LexiconChoice::Folder),
            format: format.unwrap_or(FormatId::Taliq),
        }),
        _ => bail!("{USE}"),
    }
}

/// Parses the arguments after the program name.
///
/// # Errors
/// A message for unknown options, a missing file argument, or a lone word that is no
/// file and looks like a subcommand (see `looks_like_a_command`); the caller prints it
/// and exits with status 2.
pub fn parse_args(args: &[std::ffi::OsString]) -> Result<Invocation> {
    let strs: Vec<&str> = args.iter().map(|a| a.to_str().unwrap_or("")).collect();
    match strs.as_slice() {
        [] => Ok(Invocation::Gui(None)),
        ["-h" | "--help"] => Ok(Invocation::Help),
        ["-V" | "--version"] => Ok(Invocation::Version),
        ["extract", rest @ ..] => parse_extract(rest, &args[1..]),
        ["convert", rest @ ..] => Ok(Invocation::Convert(parse_convert(rest, &args[1..])?)),
        ["agree", rest @ ..] => Ok(Invocation::Agree(parse_agree(rest, &args[1..])?)),
        ["eval", opt] if opt.starts_with('-') && opt.len() > 1 => {
            bail!("unknown option {opt}\n\nusage: taliq eval GOLD.jsonl")
        }
        ["eval", _] => Ok(Invocation::Eval(PathBuf::from(&args[1]))),
        ["eval", ..] => bail!("usage: taliq eval GOLD.jsonl"),
        ["layout", rest @ ..] => parse_layout(rest),
        [opt] if opt.starts_with('-') && opt.len() > 1 => bail!("unknown option {opt}\n\n{USAGE}"),
        [word] if looks_like_a_command(&args[0]) => {
            bail!("unknown command {word:?} (and no file of that name)\n\n{USAGE}")
        }
        [_] => Ok(Invocation::Gui(Some(PathBuf::from(&args[0])))),
        [_, "--import", _] | ["--import", _, _] => {
            let (article, annotations) = if strs[0] == "--import" {
                (&args[2], &args[1])
            } else {
                (&args[0], &args[2])
            };
            Ok(Invocation::GuiImport {
                article: PathBuf::from(article),
                annotations: PathBuf::from(annotations),
            })
        }
        _ => bail!("too many arguments\n\n{USAGE}"),
    }
}

/// True when the lone argument `arg` reads as a mistyped subcommand rather than an
/// article: no extension, no path separator, and nothing of that name exists.
fn looks_like_a_command(arg: &std::ffi::OsStr) -> bool {
    let path = Path::new(arg);
    let s = arg.to_string_lossy();
    !s.is_empty()
        && path.extension().is_none()
        && !s.contains('/')
        && !s.contains(std::path::MAIN_SEPARATOR)
        && !path.exists()
}

fn parse_layout(rest: &[&str]) -> Result<Invocation> {
    const USE: &str = "usage: taliq layout FILE --width PX --font-size PX";
    let mut path = None;
    let (mut width, mut font_size) = (None, None);
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        let mut number = |name: &str| -> Result<f32> {
            let v = it
                .next()
                .with_context(|| format!("{name} needs a value\n{USE}"))?;
            match v.parse::<f32>() {
                Ok(n) if n.is_finite() && n > 0.0 => Ok(n),
                _ => bail!("{name} must be a positive number of pixels, not {v:?}\n{USE}"),
            }
        };
        match *a {
            "--width" => width = Some(number("--width")?),
            "--font-size" => font_size = Some(number("--font-size")?),
            opt if opt.starts_with("--") => bail!("unknown option {opt}\n{USE}"),
            file if path.is_none() => path = Some(PathBuf::from(file)),
            _ => bail!("too many arguments\n{USE}"),
        }
    }
    match (path, width, font_size) {
        (Some(path), Some(width), Some(font_size)) => Ok(Invocation::Layout {
            path,
            width,
            font_size,
        }),
        _ => bail!("{USE}"),
    }
}

/// `taliq layout FILE --width PX --font-size PX`: the text engine's layout of FILE as JSON,
/// for checking shaping and bidi against a reference. One object per visual line, in
/// reading order: `{"line", "chars": [start, end], "rtl", "glyphs": [{"id", "font", "x",
/// "advance", "cluster", "rtl"}]}`; glyphs in visual order (left to right), `x` and
/// `advance` in pixels, `cluster` the char offset where the glyph's cluster starts, `font`
/// the font file name. Uses the bundled fonts only (no system fonts), so the output is the
/// same on every machine.
///
/// # Errors
/// When FILE cannot be read as an article, or `out` cannot be written.
pub fn layout(path: &Path, width: f32, font_size: f32, out: &mut dyn Write) -> Result<()> {
    use taliq_text::fonts::{self, SystemFonts};
    use taliq_text::{LayoutParams, layout_text};
    let doc = Document::load(path)?;
    let mut fs = fonts::font_system(SystemFonts::Skip);
    let params = LayoutParams {
        font_size,
        line_spacing: 1.8,
        width: Some(width),
        family: fonts::ARABIC_FAMILY.to_owned(),
        latin_family: Some(fonts::LATIN_FAMILY.to_owned()),
    };
    let l = layout_text(&mut fs, doc.text(), &params);
    let lines: Vec<serde_json::Value> = l
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let glyphs: Vec<serde_json::Value> = line
                .glyphs
                .iter()
                .map(|g| {
                    serde_json::json!({
                        "id": g.cache_key.glyph_id,
                        "font": fonts::face_file_name(&fs, g.cache_key.font_id),
                        "x": g.x,
                        "advance": g.w,
                        "cluster": g.chars.start,
                        "rtl": g.rtl,
                    })
                })
                .collect();
            serde_json::json!({
                "line": i,
                "chars": [line.chars.start, line.chars.end],
                "rtl": line.rtl,
                "glyphs": glyphs,
            })
        })
        .collect();
    let json = serde_json::to_string_pretty(&lines).context("cannot encode the layout")?;
    writeln!(out, "{json}").context("cannot write the result")?;
    Ok(())
}

/// `taliq extract FILE`: writes to `out` the same JSON that File ▸ Export writes, for the
/// extractor's suggestions on FILE with the project lexicon `lexicon` applied (by
/// default the folder's, as the app applies it when it opens FILE with no earlier work),
/// or the same suggestions in `format` (doccano with the suggestions as labels, Label
/// Studio as predictions). Invalid byte sequences in FILE are replaced by U+FFFD, as in
/// the app, and counted in a warning on stderr.
///
/// # Errors
/// When FILE cannot be read as an article, the lexicon is invalid or missing (see
/// [`load_lexicon`]), or `out` cannot be written.
pub fn extract(
    path: &Path,
    lexicon: &LexiconChoice,
    format: FormatId,
    out: &mut dyn Write,
) -> Result<()> {
    let doc = Document::load(path)?;
    if doc.replacements() > 0 {
        // the text is still annotated (offsets count each � as one char), as the app does
        eprintln!(
            "taliq: warning: {}: {} invalid byte sequence(s) were replaced by U+FFFD (decoded as {})",
            path.display(),
            doc.replacements(),
            doc.encoding()
        );
    }
    let lexicon = load_lexicon(lexicon, Some(path))?;
    let session = Session::with_extraction_using(doc, &lexicon);
    if format == FormatId::Taliq {
        out.write_all(session.to_export().to_json().as_bytes())
            .context("cannot write the result")?;
        return Ok(());
    }
    if format == FormatId::Brat {
        bail!(
            "brat writes several files: write Taliq JSON, then `taliq convert FILE.json --to brat -o NAME.brat.ann`"
        );
    }
    let options = ExportOptions {
        relations: false,
        pending: true,
    };
    let article = [(session.document(), session.annotations())];
    convert::write_as(format, options, &article, None, out, &mut std::io::stderr())
}

/// `taliq eval GOLD.jsonl`: runs the extractor on every document of the gold file and
/// writes to `out` the table of [`eval::Scores`] (tp, fp, fn, precision, recall and F1
/// per scored label, then micro-averaged).
///
/// # Errors
/// When the file cannot be read, is not UTF-8, has a bad line (named by its 1-based
/// number, see [`eval::try_evaluate`]) or holds no document; or `out` cannot be written.
pub fn eval(path: &Path, out: &mut dyn Write) -> Result<()> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = std::str::from_utf8(&bytes)
        .with_context(|| format!("{} is not UTF-8 text", path.display()))?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let scores = eval::try_evaluate(text).with_context(|| format!("{}", path.display()))?;
    if scores.documents == 0 {
        bail!("{}: no gold document", path.display());
    }
    writeln!(out, "{scores}").context("cannot write the result")?;
    Ok(())
}

/// The sample article bundled with Taliq (UTF-8).
pub const SAMPLE_TEXT: &str = include_str!("../seeds/putin-trump-call.ar.txt");
/// File name of the bundled sample.
pub const SAMPLE_NAME: &str = "putin-trump-call.ar.txt";

/// A writable path of the sample article: `seeds/` of the source tree when running from
/// it, otherwise a copy in the user's data folder (written on first use), so that its
/// autosave sidecar can be written next to it.
///
/// # Errors
/// When neither exists and the copy cannot be written.
pub fn sample_path() -> Result<PathBuf> {
    let in_tree = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(SAMPLE_NAME);
    if in_tree.is_file() {
        return Ok(in_tree);
    }
    let dir = data_dir().join("samples");
    let path = dir.join(SAMPLE_NAME);
    if !path.is_file() {
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        std::fs::write(&path, SAMPLE_TEXT)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(path)
}

/// The per-user data folder: `$XDG_DATA_HOME/taliq`, `~/.local/share/taliq`, or
/// `%APPDATA%\Taliq` on Windows; the temp folder as a last resort.
#[must_use]
pub fn data_dir() -> PathBuf {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(windows)
        && let Some(p) = env("APPDATA")
    {
        return p.join("Taliq");
    }
    if let Some(p) = env("XDG_DATA_HOME") {
        return p.join("taliq");
    }
    if let Some(h) = env("HOME") {
        return h.join(".local").join("share").join("taliq");
    }
    std::env::temp_dir().join("taliq")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_usage_names_every_format() {
        let names: Vec<&str> = FormatId::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(convert::FORMAT_NAMES, names.join(", "));
        assert!(CONVERT_USAGE.contains(convert::FORMAT_NAMES));
    }

    #[test]
    fn parses_the_documented_forms() {
        assert_eq!(parse_args(&args(&[])).unwrap(), Invocation::Gui(None));
        assert_eq!(
            parse_args(&args(&["a.txt", "--import", "t.json"])).unwrap(),
            Invocation::GuiImport {
                article: "a.txt".into(),
                annotations: "t.json".into()
            }
        );
        assert_eq!(
            parse_args(&args(&["a.txt"])).unwrap(),
            Invocation::Gui(Some("a.txt".into()))
        );
        assert_eq!(
            parse_args(&args(&["extract", "a.txt"])).unwrap(),
            Invocation::Extract {
                path: "a.txt".into(),
                lexicon: LexiconChoice::Folder,
                format: FormatId::Taliq,
            }
        );
        assert_eq!(
            parse_args(&args(&["extract", "a.txt", "--format", "label-studio"])).unwrap(),
            Invocation::Extract {
                path: "a.txt".into(),
                lexicon: LexiconChoice::Folder,
                format: FormatId::LabelStudio,
            }
        );
        assert!(parse_args(&args(&["extract", "a.txt", "--format", "spacy"])).is_ok());
        assert!(parse_args(&args(&["extract", "a.txt", "--format", "excel"])).is_err());
        assert!(parse_args(&args(&["extract", "--jsonl", "--format", "doccano"])).is_err());
        assert_eq!(
            parse_args(&args(&["extract", "a.txt", "--no-lexicon"])).unwrap(),
            Invocation::Extract {
                path: "a.txt".into(),
                lexicon: LexiconChoice::Skip,
                format: FormatId::Taliq,
            }
        );
        assert_eq!(
            parse_args(&args(&["extract", "--jsonl", "--lexicon", "l.txt"])).unwrap(),
            Invocation::ExtractJsonl {
                lexicon: LexiconChoice::File("l.txt".into())
            }
        );
        assert!(parse_args(&args(&["extract", "--jsonl", "--lexicon"])).is_err());
        assert!(
            parse_args(&args(&[
                "extract",
                "a.txt",
                "--no-lexicon",
                "--lexicon",
                "l"
            ]))
            .is_err()
        );
        assert!(parse_args(&args(&["extract"])).is_err());
        assert!(parse_args(&args(&["--frobnicate"])).is_err());
        assert_eq!(
            parse_args(&args(&["extract", "--jsonl"])).unwrap(),
            Invocation::ExtractJsonl {
                lexicon: LexiconChoice::Skip
            }
        );
        assert!(parse_args(&args(&["extract", "--json"])).is_err());
        assert!(parse_args(&args(&["extract", "--jsonl", "a.txt"])).is_err());
        assert_eq!(
            parse_args(&args(&["eval", "gold.jsonl"])).unwrap(),
            Invocation::Eval("gold.jsonl".into())
        );
        assert!(parse_args(&args(&["eval"])).is_err());
        assert!(parse_args(&args(&["eval", "a", "b"])).is_err());
        assert!(parse_args(&args(&["eval", "--x"])).is_err());
    }

    #[test]
    fn a_lone_word_that_is_no_file_is_an_unknown_command() {
        let dir = tempfile::tempdir().unwrap();
        let word = dir.path().join("bogus").to_string_lossy().into_owned();
        // a word: no separator, no extension, nothing of that name
        let err = parse_args(&args(&["bogus-subcommand"]))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("unknown command") && err.contains("Usage"),
            "{err}"
        );
        // paths and names with an extension stay files, existing or not
        for file in ["missing.txt", "notes/article", word.as_str()] {
            assert_eq!(
                parse_args(&args(&[file])).unwrap(),
                Invocation::Gui(Some(file.into())),
                "{file}"
            );
        }
        // an existing folder (or file) without extension opens; tests run in the crate root
        assert_eq!(
            parse_args(&args(&["src"])).unwrap(),
            Invocation::Gui(Some("src".into())),
            "the crate's src folder exists in the test's working directory"
        );
    }

    #[test]
    fn eval_prints_scores_and_names_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        let gold = dir.path().join("gold.jsonl");
        let line = r#"{"doc":"a","text":"التقى بوتين في موسكو","spans":[{"start":6,"end":11,"label":"PERSON","text":"بوتين"},{"start":15,"end":20,"label":"LOCATION","text":"موسكو"}]}"#;
        std::fs::write(&gold, format!("{line}\n")).unwrap();
        let mut out = Vec::new();
        eval(&gold, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        for l in [
            "PERSON",
            "ORGANIZATION",
            "LOCATION",
            "DATE",
            "NUMBER",
            "micro",
        ] {
            assert!(out.lines().any(|x| x.starts_with(l)), "{l}: {out}");
        }
        assert!(out.contains("(1 documents)"), "{out}");

        std::fs::write(&gold, format!("{line}\n{{\"doc\":\"b\",\"text\":3}}\n")).unwrap();
        let err = format!("{:#}", eval(&gold, &mut Vec::new()).unwrap_err());
        assert!(err.contains("line 2"), "{err}");
        assert!(err.contains("gold.jsonl"), "{err}");

        std::fs::write(&gold, "\n").unwrap();
        assert!(eval(&gold, &mut Vec::new()).is_err());
        std::fs::write(&gold, b"\xff\xfe{").unwrap();
        assert!(eval(&gold, &mut Vec::new()).is_err());
        let missing = dir.path().join("missing.jsonl");
        let err = format!("{:#}", eval(&missing, &mut Vec::new()).unwrap_err());
        assert!(err.contains("missing.jsonl"), "{err}");
    }

    #[test]
    fn extract_of_missing_file_is_an_error_naming_it() {
        let mut out = Vec::new();
        let err = extract(
            Path::new("/nonexistent/x.txt"),
            &LexiconChoice::Folder,
            FormatId::Taliq,
            &mut out,
        )
        .unwrap_err();
        assert!(err.to_string().contains("/nonexistent/x.txt"));
        assert!(out.is_empty());
    }
}
