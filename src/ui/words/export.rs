//! The words of exporting: File ▸ Export JSON and Export changed articles, the prompt
//! before an export overwrites a file, and the prompt on closing with work not exported.

use std::fmt::Write as _;
use std::path::Path;

use taliq_core::workspace::export::{ChangedExport, ChangedOutcome, Exported};
use taliq_core::workspace::export_log::ExportConflict;
use taliq_core::workspace::storage::StorageError;

use super::file_name;

/// A status-line message of exporting; worded by [`From`] (into `String`).
#[derive(Debug)]
pub(crate) enum Msg<'a> {
    /// File ▸ Export JSON wrote the file.
    Exported(&'a Exported),
    /// File ▸ Export JSON could not write the file.
    Failed(&'a StorageError),
    /// Export changed articles found none.
    NothingChanged,
    /// What Export changed articles did, article by article.
    Changed(&'a [ChangedExport]),
}

impl From<Msg<'_>> for String {
    fn from(m: Msg<'_>) -> String {
        match m {
            Msg::Exported(done) => {
                let mut msg = format!(
                    "Exported {} annotations to {}",
                    done.annotations,
                    done.path.display()
                );
                if let Some(e) = &done.not_noted {
                    let _ = write!(msg, " (it could not be noted in exports.json: {e})");
                }
                msg
            }
            Msg::Failed(e) => format!("Export failed: {e}"),
            Msg::NothingChanged => "Nothing changed since the last export".to_owned(),
            Msg::Changed(done) => changed(done),
        }
    }
}

/// Export changed articles: every failure when one failed, else what was written and
/// which articles went to their own name because their file holds another article's.
fn changed(done: &[ChangedExport]) -> String {
    let mut written = Vec::new();
    let mut failed = Vec::new();
    let mut moved = Vec::new();
    for d in done {
        let article = file_name(&d.article);
        match &d.outcome {
            ChangedOutcome::Written { to, instead_of } => {
                if let Some(target) = instead_of {
                    moved.push(format!(
                        "{article} to {} ({} holds another article's)",
                        file_name(to),
                        file_name(target)
                    ));
                }
                written.push(to.display().to_string());
            }
            ChangedOutcome::SidecarMissing { sidecar } => {
                failed.push(format!("{article}: {} is missing", file_name(sidecar)));
            }
            ChangedOutcome::Unreadable(e) | ChangedOutcome::WriteFailed(e) => {
                failed.push(format!("{article}: {e}"));
            }
            ChangedOutcome::BothTaken { target, own } => failed.push(format!(
                "{article}: {} and {} hold other files; export it with File ▸ Export JSON",
                file_name(target),
                file_name(own)
            )),
        }
    }
    if !failed.is_empty() {
        return format!("Export failed for {}", failed.join("; "));
    }
    let mut msg = format!(
        "Exported {} article(s) to {}",
        written.len(),
        written.join(", ")
    );
    if !moved.is_empty() {
        let _ = write!(msg, "; exported {}", moved.join("; "));
    }
    msg
}

/// The close prompt's heading.
pub(crate) const CLOSE_TITLE: &str = "Close Taliq?";
/// The close prompt when a save failed.
pub(crate) const CLOSE_UNSAVED: &str = "Some changes could not be saved to the sidecar (see the status line): export them to keep them.";
/// The close prompt's heading of the list of articles not exported.
pub(crate) const CHANGED_SINCE_EXPORT: &str = "Changed since the last JSON export:";
/// The close prompt's last line.
pub(crate) const CLOSE_AGAIN: &str = "Closing the window again closes it without asking.";

/// The close prompt when everything is saved: where the open article's work is
/// (`work_file`, its sidecar's file name, when an article is open), and whether project
/// lexicon decisions wait (then only the annotations are said to be saved).
#[must_use]
pub(crate) fn close_saved(work_file: Option<&str>, lexicon_waiting: bool) -> String {
    let place = match work_file {
        Some(f) => format!("this article's in {f}"),
        None => "in the sidecar next to each article".to_owned(),
    };
    if lexicon_waiting {
        format!(
            "Your annotations are saved ({place}) and come back when you open the article again."
        )
    } else {
        format!(
            "All your work is saved: every decision is kept ({place}) and comes back when you open the article again."
        )
    }
}

/// The close prompt when `n` project lexicon decisions could not be written to `file`.
#[must_use]
pub(crate) fn close_lexicon_waiting(n: usize, file: &str) -> String {
    format!(
        "{n} project lexicon decision(s) could not be written to {file} (see the status line). Make the file writable, then close: they are written on close (if the write fails again, closing loses them)."
    )
}

/// The last entry of a list of names cut short: `n` names more.
#[must_use]
pub(crate) fn and_more(n: usize) -> String {
    format!("and {n} more")
}

/// The overwrite prompt's heading.
pub(crate) const OVERWRITE_TITLE: &str = "Overwrite this file?";
/// The overwrite prompt's button that overwrites.
pub(crate) const OVERWRITE_IT: &str = "Overwrite it";
/// The overwrite prompt's button that cancels.
pub(crate) const CANCEL: &str = "Cancel";

/// What the file at `path` holds that an export would overwrite.
#[must_use]
pub(crate) fn overwrite_what(path: &Path, conflict: &ExportConflict) -> String {
    let name = file_name(path);
    match conflict {
        ExportConflict::OtherArticle(source) => {
            format!("{name} holds the annotations of another article, {source}.")
        }
        ExportConflict::OtherText(source) => format!(
            "{name} holds the annotations of another article named {source}, with another text (from another folder?)."
        ),
        ExportConflict::NotAnExport => format!("{name} exists and is not a Taliq export."),
    }
}

/// The overwrite prompt's button that exports to the article's own name `own` instead.
#[must_use]
pub(crate) fn export_instead(own: &Path) -> String {
    format!("Export to {} instead", file_name(own))
}
