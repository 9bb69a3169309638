//! The command-line entry points that run without a window.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::document::Document;
use crate::session::Session;

/// Usage text printed by `taliq --help`.
pub const USAGE: &str = "\
Taliq — annotate Arabic news articles

Usage:
  taliq                 open the bundled sample article
  taliq FILE            open FILE (UTF-8 plain text)
  taliq extract FILE    print the extracted annotations of FILE as Taliq JSON
  taliq --help | --version
";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invocation {
    /// Open the window, on this article or on the sample.
    Gui(Option<PathBuf>),
    /// `taliq extract FILE`.
    Extract(PathBuf),
    /// `--help`.
    Help,
    /// `--version`.
    Version,
}

/// Parses the arguments after the program name.
///
/// # Errors
/// A message for unknown options or a missing file argument.
pub fn parse_args(args: &[std::ffi::OsString]) -> Result<Invocation> {
    let strs: Vec<&str> = args.iter().map(|a| a.to_str().unwrap_or("")).collect();
    match strs.as_slice() {
        [] => Ok(Invocation::Gui(None)),
        ["-h" | "--help"] => Ok(Invocation::Help),
        ["-V" | "--version"] => Ok(Invocation::Version),
        ["extract", _] => Ok(Invocation::Extract(PathBuf::from(&args[1]))),
        ["extract", ..] => bail!("usage: taliq extract FILE"),
        [opt] if opt.starts_with('-') && opt.len() > 1 => bail!("unknown option {opt}\n\n{USAGE}"),
        [_] => Ok(Invocation::Gui(Some(PathBuf::from(&args[0])))),
        _ => bail!("too many arguments\n\n{USAGE}"),
    }
}

/// `taliq extract FILE`: writes to `out` the same JSON that File ▸ Export writes, for the
/// extractor's suggestions on FILE.
///
/// # Errors
/// When FILE cannot be read as an article, or `out` cannot be written.
pub fn extract(path: &Path, out: &mut dyn Write) -> Result<()> {
    let doc = Document::load(path)?;
    let session = Session::with_extraction(doc);
    out.write_all(session.to_export().to_json().as_bytes())
        .context("cannot write the result")?;
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
    fn parses_the_documented_forms() {
        assert_eq!(parse_args(&args(&[])).unwrap(), Invocation::Gui(None));
        assert_eq!(
            parse_args(&args(&["a.txt"])).unwrap(),
            Invocation::Gui(Some("a.txt".into()))
        );
        assert_eq!(
            parse_args(&args(&["extract", "a.txt"])).unwrap(),
            Invocation::Extract("a.txt".into())
        );
        assert!(parse_args(&args(&["extract"])).is_err());
        assert!(parse_args(&args(&["--frobnicate"])).is_err());
    }

    #[test]
    fn extract_of_missing_file_is_an_error_naming_it() {
        let mut out = Vec::new();
        let err = extract(Path::new("/nonexistent/x.txt"), &mut out).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/x.txt"));
        assert!(out.is_empty());
    }
}
