//! The words of saving: the autosave of the article's work and the writes of the folder's
//! project lexicon.

use std::path::Path;

use taliq_core::formats::lexicon::LexiconError;
use taliq_core::session::EditError;
use taliq_core::workspace::storage::StorageError;

use super::file_name;

/// A status-line message of saving; worded by [`From`] (into `String`).
#[derive(Debug)]
pub(crate) enum Msg<'a> {
    /// The sidecar `from` was changed by another window or program: the work now goes to
    /// the sidecar `to`.
    MovedAside {
        /// The sidecar left as it is.
        from: &'a Path,
        /// The file the work now goes to (its name).
        to: &'a str,
    },
    /// The autosave failed.
    AutosaveFailed(&'a StorageError),
    /// The lessons of a decision could not be applied to the article.
    LessonsNotApplied(&'a EditError),
    /// The project lexicon could not be written: `waiting` decisions wait in memory.
    LexiconNotSaved {
        /// Why the write failed.
        error: &'a LexiconError,
        /// How many decisions are not in their file.
        waiting: usize,
    },
    /// The project lexicon `file` is written again after a failure.
    LexiconSavedAgain {
        /// The lexicon's file name.
        file: &'a str,
    },
}

impl From<Msg<'_>> for String {
    fn from(m: Msg<'_>) -> String {
        match m {
            Msg::MovedAside { from, to } => format!(
                "{} was changed by another window or program; it is left as it is and this window's work now goes to {to}",
                file_name(from),
            ),
            Msg::AutosaveFailed(e) => {
                format!("Autosave failed: {e}. Your work is still open; export it to keep it.")
            }
            Msg::LessonsNotApplied(e) => format!("Not done: {e}"),
            Msg::LexiconNotSaved { error, waiting } => format!(
                "The project lexicon was not saved: {error}. {waiting} decision(s) wait in memory and are written with the next lexicon change, on switching articles or on close"
            ),
            Msg::LexiconSavedAgain { file } => format!(
                "The project lexicon is saved again ({file}): the decisions that waited are written"
            ),
        }
    }
}
