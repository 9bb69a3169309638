//! What the workspace found while opening an article, as typed values: the interface
//! words them (`src/ui/words/` in the app), so the domain builds no sentences.
//! File names are given as they are shown (the file name alone, not the folder).

use crate::formats::taliq::AnnotationRecord;
use crate::workspace::reanchor::Foreign;

/// One thing opening an article found ([`super::open::open_article`],
/// [`super::journal::recover`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenNotice {
    /// The autosave journal could not be read; it is left as it is.
    JournalUnreadable {
        /// The journal's file name.
        journal: String,
        /// The operating system's error.
        error: String,
    },
    /// The journal's actions could not be written into the sidecar; both are left as
    /// they are.
    JournalNotApplied {
        /// The journal's file name.
        journal: String,
        /// The sidecar's file name.
        sidecar: String,
        /// The error of the write.
        error: String,
    },
    /// Actions saved in the journal, which the sidecar lacked, were written into it
    /// (Taliq had stopped before its deferred rewrite).
    JournalReplayed {
        /// Actions that changed the sidecar.
        actions: usize,
        /// The journal's file name.
        journal: String,
        /// The sidecar's file name.
        sidecar: String,
    },
    /// Journal lines that did not fit the sidecar (written over another version of it,
    /// or damaged) were not applied.
    JournalLeftOver {
        /// How many lines.
        actions: usize,
        /// The sidecar's file name.
        sidecar: String,
        /// The file the lines were moved to, when the move worked.
        kept_in: Option<String>,
    },
    /// Invalid byte sequences of the file were replaced by U+FFFD.
    InvalidBytes {
        /// How many.
        count: usize,
        /// The encoding the file was decoded as.
        encoding: String,
    },
    /// The folder's project lexicon cannot be read: it is neither used nor changed.
    LexiconUnreadable {
        /// What is wrong with it.
        error: String,
    },
    /// The text holds explicit bidi controls (U+202A–202E, U+2066–2069), which can make it
    /// display differently from what it says.
    BidiControls {
        /// How many.
        count: usize,
    },
    /// The sidecar holds work on another article; it is kept untouched.
    OtherArticlesWork {
        /// The sidecar's file name.
        sidecar: String,
        /// Why it is taken for another article's.
        why: Foreign,
        /// Its annotations, none moved in.
        annotations: usize,
        /// Where new work goes instead.
        new_work_in: String,
    },
    /// "Reload as" gave another text: the work made on the text of the other encoding is
    /// kept in a backup and comes back when the file is reloaded as that encoding.
    ReloadedAs {
        /// The encoding decoded with now.
        encoding: String,
        /// The annotations made on the other text.
        annotations: usize,
        /// The encoding of the text they were made on.
        made_on: String,
        /// The backup's file name.
        kept_in: String,
    },
    /// The text changed since it was annotated; the earlier work is kept in a backup.
    TextChanged {
        /// The earlier annotations.
        annotations: usize,
        /// The backup's file name.
        kept_in: String,
    },
    /// The text changed and the sidecar could not be backed up; it is left untouched.
    BackupFailed {
        /// The sidecar's file name.
        sidecar: String,
        /// The error.
        error: String,
        /// Where new work goes instead.
        new_work_in: String,
    },
    /// The sidecar is damaged or not a Taliq file; it is left untouched.
    Damaged {
        /// What the storage layer said.
        error: String,
        /// Where new work goes instead.
        new_work_in: String,
    },
    /// The work was restored from a file written for this exact text.
    Restored {
        /// The annotations restored.
        annotations: usize,
        /// The file's name.
        from: String,
        /// Suggestions of the extractor added beside them (a hand-made file held none).
        suggestions_added: usize,
    },
    /// Other files hold work on this text with other decisions (another window?); they
    /// are kept as they are, not merged.
    OtherWindowsWork {
        /// Their file names.
        files: Vec<String>,
    },
    /// The newest work file for this text could not be restored; it is kept untouched.
    RestoreFailed {
        /// The file's name.
        from: String,
        /// Why.
        error: String,
        /// Where new work goes instead.
        new_work_in: String,
    },
    /// Work on an earlier version of the text was carried over to this one.
    CarriedOver {
        /// Annotations placed.
        placed: usize,
        /// Annotations there were.
        of: usize,
        /// The ones that could not be placed.
        lost: Vec<AnnotationRecord>,
    },
    /// The complete annotations of a damaged sidecar cut short were recovered.
    Salvaged {
        /// How many.
        annotations: usize,
        /// The sidecar's file name.
        from: String,
    },
    /// Nothing could be recovered from a damaged sidecar.
    SalvageFailed {
        /// The sidecar's file name.
        from: String,
        /// Why.
        error: String,
    },
}

impl OpenNotice {
    /// Whether the annotator must know it (the status line shows it as a warning and keeps
    /// it): everything but work restored, replayed or recovered as it was.
    #[must_use]
    pub fn is_warning(&self) -> bool {
        !matches!(
            self,
            OpenNotice::Restored { .. }
                | OpenNotice::JournalReplayed { .. }
                | OpenNotice::Salvaged { .. }
        )
    }

    /// Sets where new work goes, on the notices that name it.
    pub(crate) fn set_new_work_in(&mut self, file: &str) {
        if let OpenNotice::OtherArticlesWork { new_work_in, .. }
        | OpenNotice::BackupFailed { new_work_in, .. }
        | OpenNotice::Damaged { new_work_in, .. }
        | OpenNotice::RestoreFailed { new_work_in, .. } = self
        {
            file.clone_into(new_work_in);
        }
    }
}

/// The file name of `path` as shown (the whole path when it has none).
#[must_use]
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
