//! The words of opening: what opening an article found ([`OpenNotice`], typed by the
//! domain), opening a folder, and moving between the articles of a folder ([`Msg`]).

use std::fmt::Write as _;

use taliq_core::formats::text::LoadError;
use taliq_core::workspace::corpus::CorpusError;
use taliq_core::workspace::notice::OpenNotice;
use taliq_text::isolate;

/// A status-line message of opening an article or a folder; worded by [`From`] (into
/// `String`), so `say(severity, Msg::…)` takes it as it is.
#[derive(Debug)]
pub(crate) enum Msg<'a> {
    /// The article could not be loaded; the article open before stays open.
    CouldNotOpen(&'a LoadError),
    /// The article `file` (its file name) is open with `annotations` annotations, and
    /// what opening it found, in order.
    Opened {
        /// The article's file name.
        file: &'a str,
        /// How many annotations it has now (restored or suggested).
        annotations: usize,
        /// What opening it found.
        notices: &'a [OpenNotice],
    },
    /// The folder could not be listed.
    CouldNotOpenFolder(&'a CorpusError),
    /// The folder holds no article file.
    EmptyFolder,
    /// A folder of `articles` articles, `done` of them done, opened; `opened` is what
    /// opening its first article said.
    FolderOpened {
        /// How many articles the folder holds.
        articles: usize,
        /// How many of them are done.
        done: usize,
        /// The status line of opening the first article (may be empty).
        opened: &'a str,
    },
    /// The folder could not be listed again: the panel shows an older list.
    ListNotUpToDate(&'a CorpusError),
    /// Next or previous article asked for with no folder open.
    NoFolder,
    /// Stepping forward (`true`) or back found no further article.
    NoFurtherArticle {
        /// The direction of the step: `true` for the next article.
        forward: bool,
    },
    /// Every article stepped to failed to open: what each said, in order.
    AllSkipped(&'a [String]),
}

impl From<Msg<'_>> for String {
    fn from(m: Msg<'_>) -> String {
        match m {
            Msg::CouldNotOpen(e) => format!("Could not open: {e}"),
            Msg::Opened {
                file,
                annotations,
                notices,
            } => {
                let mut s = format!("Opened {file} ({annotations} annotations)");
                for note in notices {
                    s.push_str("; ");
                    s.push_str(&open_notice(note));
                }
                s
            }
            Msg::CouldNotOpenFolder(e) => format!("Could not open the folder: {e}"),
            Msg::EmptyFolder => "This folder holds no articles (.txt, .html or .docx files)".into(),
            Msg::FolderOpened {
                articles,
                done,
                opened,
            } => format!("Folder of {articles} article(s), {done} done. {opened}"),
            Msg::ListNotUpToDate(e) => format!("The article list is not up to date: {e}"),
            Msg::NoFolder => {
                "Open a folder of articles first: File ▸ Open folder… (or drop a folder on the window)"
                    .into()
            }
            Msg::NoFurtherArticle { forward: true } => {
                "This is the last article of the folder".into()
            }
            Msg::NoFurtherArticle { forward: false } => {
                "This is the first article of the folder".into()
            }
            Msg::AllSkipped(said) => said.join("; "),
        }
    }
}

/// What is added to the status line of the article a step reached when the articles
/// before it could not be opened: `"; skipped: "` and what each said.
#[must_use]
pub(crate) fn skipped(said: &[String]) -> String {
    format!("; skipped: {}", said.join("; "))
}

/// The status-line words for one thing opening an article found.
#[must_use]
pub(crate) fn open_notice(n: &OpenNotice) -> String {
    match n {
        OpenNotice::JournalUnreadable { journal, error } => {
            format!("{journal} could not be read ({error})")
        }
        OpenNotice::JournalNotApplied {
            journal,
            sidecar,
            error,
        } => format!(
            "{journal} could not be applied to {sidecar} ({error}); both are left as they are"
        ),
        OpenNotice::JournalReplayed {
            actions,
            journal,
            sidecar,
        } => format!("replayed {actions} journaled action(s) from {journal} into {sidecar}"),
        OpenNotice::JournalLeftOver {
            actions,
            sidecar,
            kept_in,
        } => {
            let mut s = format!(
                "{actions} journaled action(s) did not fit {sidecar} (written over another version of it, or damaged) and were not applied"
            );
            if let Some(k) = kept_in {
                let _ = write!(s, "; they are kept in {k}");
            }
            s
        }
        OpenNotice::InvalidBytes { count, encoding } => format!(
            "{count} invalid byte sequence(s) in the file were replaced by � (decoded as {encoding})"
        ),
        OpenNotice::LexiconUnreadable { error } => {
            format!("{error}; the project lexicon is not used or changed")
        }
        OpenNotice::BidiControls { count } => format!(
            "the text holds {count} invisible bidi control character(s) (U+202A–202E, U+2066–2069) that can make it display differently from what it says; they are marked in red"
        ),
        OpenNotice::OtherArticlesWork {
            sidecar,
            why,
            annotations,
            new_work_in,
        } => format!(
            "{sidecar} seems to hold the work on another article ({why}); it is kept untouched and none of its {annotations} annotation(s) were moved in; new work goes to {new_work_in}"
        ),
        OpenNotice::ReloadedAs {
            encoding,
            annotations,
            made_on,
            kept_in,
        } => format!(
            "decoding as {encoding} gives another text; the {annotations} annotation(s) made on the {made_on} text are kept in {kept_in} and come back if you reload as {made_on}"
        ),
        OpenNotice::TextChanged {
            annotations,
            kept_in,
        } => format!(
            "the article text changed since it was annotated; the {annotations} earlier annotation(s) are kept in {kept_in}"
        ),
        OpenNotice::BackupFailed {
            sidecar,
            error,
            new_work_in,
        } => format!(
            "the article text changed and {sidecar} could not be backed up ({error}); it is left untouched; new work goes to {new_work_in}"
        ),
        OpenNotice::Damaged { error, new_work_in } => {
            format!("{error}; new work goes to {new_work_in}")
        }
        OpenNotice::Restored {
            annotations,
            from,
            suggestions_added,
        } => {
            let mut s = format!("restored {annotations} annotation(s) from {from}");
            if *suggestions_added > 0 {
                let _ = write!(
                    s,
                    " (it held no suggestion: {suggestions_added} suggestion(s) of the extractor added beside them)"
                );
            }
            s
        }
        OpenNotice::OtherWindowsWork { files } => format!(
            "{} also hold(s) work on this text with other decisions (from another window?); kept as it is, not merged",
            files.join(", ")
        ),
        OpenNotice::RestoreFailed {
            from,
            error,
            new_work_in,
        } => format!(
            "{from} could not be restored ({error}); it is kept untouched; new work goes to {new_work_in}"
        ),
        OpenNotice::CarriedOver { placed, of, lost } => {
            let mut s =
                format!("{placed} of {of} annotation(s) were carried over to the changed text");
            if !lost.is_empty() {
                let names: Vec<String> = lost
                    .iter()
                    .take(5)
                    .map(|a| format!("“{}” ({})", isolate(&a.text), a.label))
                    .collect();
                let _ = write!(
                    s,
                    "; {} could not be placed: {}{}",
                    lost.len(),
                    names.join(", "),
                    if lost.len() > 5 { ", …" } else { "" }
                );
            }
            s
        }
        OpenNotice::Salvaged { annotations, from } => format!(
            "recovered {annotations} complete annotation(s) from the damaged {from} (the rest of it is cut off)"
        ),
        OpenNotice::SalvageFailed { from, error } => {
            format!("nothing could be recovered from {from} ({error})")
        }
    }
}
