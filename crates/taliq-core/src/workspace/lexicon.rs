//! The project lexicon file on disk: loaded, written atomically, and merged with what
//! another window wrote there since ([`write_merged`]); the writes that failed kept in
//! memory and retried ([`LexiconWrites`]). Its format is [`crate::formats::lexicon`].

use std::path::{Path, PathBuf};

use crate::extract::lexicon::ProjectLexicon;
use crate::formats::lexicon::LexiconError;
use crate::workspace::corpus::lexicon_path_of;
use crate::workspace::notice::OpenNotice;

impl ProjectLexicon {
    /// Loads the lexicon file `path`, or an empty lexicon when there is no file there yet
    /// (a folder's lexicon starts empty).
    ///
    /// # Errors
    /// As [`ProjectLexicon::load`], for a file that exists and cannot be read.
    pub fn load_or_new(path: &Path) -> Result<ProjectLexicon, LexiconError> {
        match ProjectLexicon::load(path) {
            Err(_) if !path.exists() => Ok(ProjectLexicon::new()),
            loaded => loaded,
        }
    }

    /// Loads a lexicon file.
    pub fn load(path: &Path) -> Result<ProjectLexicon, LexiconError> {
        let bytes = std::fs::read(path).map_err(|error| LexiconError::Io {
            path: path.to_path_buf(),
            error,
        })?;
        let text = String::from_utf8(bytes).map_err(|_| LexiconError::NotUtf8 {
            path: path.to_path_buf(),
        })?;
        ProjectLexicon::parse(&text, path)
    }

    /// Saves the lexicon atomically over the file whose current text is `old` (see
    /// [`Self::to_file_text_over`]: hand-written comments and order are kept), or as a
    /// new file when `old` is `None`.
    ///
    /// # Errors
    /// [`LexiconError::Io`] when the file cannot be written.
    pub fn save_over(&self, path: &Path, old: Option<&str>) -> Result<(), LexiconError> {
        let text = match old {
            Some(old) => self.to_file_text_over(old),
            None => self.to_file_text(),
        };
        write_atomic(path, &text)
    }

    /// Saves the lexicon atomically as a new file ([`Self::to_file_text`]).
    ///
    /// # Errors
    /// [`LexiconError::Io`] when the file cannot be written.
    pub fn save(&self, path: &Path) -> Result<(), LexiconError> {
        write_atomic(path, &self.to_file_text())
    }
}

/// Writes `text` to `path` atomically ([`super::storage::write_atomic`]: a temporary file
/// in the same folder, synced, renamed over `path`, the folder synced).
fn write_atomic(path: &Path, text: &str) -> Result<(), LexiconError> {
    super::storage::write_atomic(path, text.as_bytes()).map_err(|e| LexiconError::Io {
        path: path.to_path_buf(),
        error: match e {
            super::storage::StorageError::Io { reason, .. } => reason,
            other => std::io::Error::other(other.to_string()),
        },
    })
}

/// Writes the lessons of `ours` (read from the file as `base`) into the lexicon file at
/// `path` as it is now: read once, merged three ways ([`ProjectLexicon::merged`]) so that
/// what another window or the annotator wrote there since is kept, and rewritten in place
/// ([`ProjectLexicon::save_over`]) unless it already says it. Returns what the file now
/// holds.
///
/// # Errors
/// [`LexiconError`] when the file cannot be read (it is then not written) or written.
pub fn write_merged(
    path: &Path,
    base: &ProjectLexicon,
    ours: &ProjectLexicon,
) -> Result<ProjectLexicon, LexiconError> {
    let (theirs, text) = match std::fs::read(path) {
        Err(_) if !path.exists() => (ProjectLexicon::new(), None),
        Err(error) => {
            return Err(LexiconError::Io {
                path: path.to_path_buf(),
                error,
            });
        }
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|_| LexiconError::NotUtf8 {
                path: path.to_path_buf(),
            })?;
            (ProjectLexicon::parse(&text, path)?, Some(text))
        }
    };
    let merged = ProjectLexicon::merged(base, ours, &theirs);
    if let Some(text) = &text
        && merged.to_file_text_over(text) == *text
    {
        return Ok(merged); // the file already says it
    }
    merged.save_over(path, text.as_deref())?;
    Ok(merged)
}

/// Project lexicon decisions of an article that was left while its lexicon file could
/// not be written: kept in memory ([`LexiconWrites`]), retried with every later lexicon
/// write and on close, and folded into the lexicon of the next article opened in the same
/// folder ([`LexiconWrites::take`]).
#[derive(Debug, Clone)]
pub struct PendingLexicon {
    /// The lexicon file.
    pub path: PathBuf,
    /// The file as last read or written: the base of the three-way merge.
    pub base: ProjectLexicon,
    /// The lexicon with the decisions not yet written.
    pub ours: ProjectLexicon,
}

/// The project lexicon file of the open article, as this window last saw it: where it
/// is, what it held when this window last read or wrote it, and whether decisions are
/// not in it because the last write failed. Made by [`LexiconWrites::open_for`], written
/// by [`LexiconWrites::write`], handed over by [`LexiconWrites::leave`].
#[derive(Debug, Clone)]
pub struct LexiconFile {
    /// The file ([`lexicon_path_of`]); `None` when it exists but could not be read: the
    /// lexicon is then neither used nor changed.
    path: Option<PathBuf>,
    /// This window's lexicon when it last read or wrote the file: the base of the
    /// three-way merge that writes only this window's changes since, keeping what
    /// another window or the annotator wrote there ([`ProjectLexicon::merged`]).
    on_disk: ProjectLexicon,
    /// The decisions of the lexicon in force that differ from `on_disk` are not in the
    /// file (its last write failed, or they were kept in memory for it).
    unsaved: bool,
}

impl LexiconFile {
    /// The file, or `None` when it could not be read (it is then never written).
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether decisions of the lexicon in force are not in the file yet.
    #[must_use]
    pub fn is_unsaved(&self) -> bool {
        self.unsaved
    }

    /// What the file held when this window last read or wrote it.
    #[must_use]
    pub fn on_disk(&self) -> &ProjectLexicon {
        &self.on_disk
    }
}

/// The project lexicon of an article's folder as opening the article finds it
/// ([`LexiconWrites::open_for`]).
#[derive(Debug, Clone)]
pub struct FolderLexicon {
    /// The lexicon in force: the file's (empty when there is none or it is unreadable),
    /// with the decisions kept for it in memory folded in.
    pub lexicon: ProjectLexicon,
    /// The file, as read.
    pub file: LexiconFile,
}

/// What [`LexiconWrites::write`] did.
#[derive(Debug)]
pub enum LexiconWrite {
    /// Everything was written (or there was nothing to write), and no write had failed
    /// before, or decisions still wait.
    Written,
    /// A write failed: `error` is the last failure (the open article's when it failed);
    /// `waiting` decisions ([`LexiconWrites::waiting`]) stay in memory for the next try.
    Failed {
        /// Why the (last) failing write failed.
        error: LexiconError,
        /// How many decisions are not in their file.
        waiting: usize,
    },
    /// Everything was written after an earlier write had failed: the decisions that
    /// waited are in their files.
    WrittenAgain,
}

/// The project lexicon writes of a window: the decisions of articles left while their
/// file could not be written ([`PendingLexicon`]), retried with every write
/// ([`Self::write`]), and whether a write failed and none has succeeded since.
#[derive(Debug, Default)]
pub struct LexiconWrites {
    pending: Vec<PendingLexicon>,
    failing: bool,
}

impl LexiconWrites {
    /// Keeps the decisions of an article being left that its file did not take, in place
    /// of any kept for the same file.
    pub fn keep(&mut self, pending: PendingLexicon) {
        self.pending.retain(|p| p.path != pending.path);
        self.pending.push(pending);
    }

    /// Takes the decisions kept for the lexicon file `path` (to fold them into the
    /// lexicon of an article opened in that folder: [`ProjectLexicon::merged`]).
    pub fn take(&mut self, path: &Path) -> Option<PendingLexicon> {
        let i = self.pending.iter().position(|p| p.path == path)?;
        Some(self.pending.remove(i))
    }

    /// The project lexicon of the folder of `article`, for the article being opened: the
    /// file read (none yet is an empty lexicon), with the decisions kept for it folded in
    /// ([`Self::take`], [`ProjectLexicon::merged`]). A file that cannot be read gives an
    /// empty lexicon with no file, and [`OpenNotice::LexiconUnreadable`].
    pub fn open_for(&mut self, article: &Path) -> (FolderLexicon, Option<OpenNotice>) {
        let path = lexicon_path_of(article);
        let (on_disk, file, notice) = match ProjectLexicon::load_or_new(&path) {
            Ok(l) => (l, Some(path), None),
            Err(e) => (
                ProjectLexicon::new(),
                None,
                Some(OpenNotice::LexiconUnreadable {
                    error: e.to_string(),
                }),
            ),
        };
        let kept = file.as_deref().and_then(|f| self.take(f));
        let folder = FolderLexicon {
            lexicon: kept.as_ref().map_or_else(
                || on_disk.clone(),
                |p| ProjectLexicon::merged(&p.base, &p.ours, &on_disk),
            ),
            file: LexiconFile {
                unsaved: kept.is_some(),
                on_disk,
                path: file,
            },
        };
        (folder, notice)
    }

    /// The open article whose lexicon is `ours` is left: when its file does not hold all
    /// of `ours` ([`LexiconFile::is_unsaved`]), the decisions are kept in memory
    /// ([`Self::keep`]) to be retried and folded into the next article of that folder.
    pub fn leave(&mut self, file: &mut LexiconFile, ours: &ProjectLexicon) {
        if let (true, Some(path)) = (file.unsaved, &file.path) {
            file.unsaved = false;
            self.keep(PendingLexicon {
                path: path.clone(),
                base: file.on_disk.clone(),
                ours: ours.clone(),
            });
        }
    }

    /// Writes the decisions kept ([`write_merged`]; the ones written are dropped, the
    /// others kept), then the open article's lexicon `ours` into its file (`open`, when
    /// there is one and it could be read). A success makes `ours` the file's base for the
    /// next merge; a failure marks the file unsaved.
    pub fn write(&mut self, open: Option<(&mut LexiconFile, &ProjectLexicon)>) -> LexiconWrite {
        let mut failure = None;
        self.pending
            .retain(|p| match write_merged(&p.path, &p.base, &p.ours) {
                Ok(_) => false,
                Err(e) => {
                    failure = Some(e);
                    true
                }
            });
        let mut open_waiting = 0;
        if let Some((file, ours)) = open
            && let Some(path) = &file.path
        {
            match write_merged(path, &file.on_disk, ours) {
                Ok(_) => {
                    ours.clone_into(&mut file.on_disk);
                    file.unsaved = false;
                }
                Err(e) => {
                    file.unsaved = true;
                    open_waiting = file.on_disk.changes_to(ours);
                    failure = Some(e);
                }
            }
        }
        let waiting = open_waiting + self.pending_waiting();
        match failure {
            Some(error) => {
                self.failing = true;
                LexiconWrite::Failed { error, waiting }
            }
            None if self.failing && waiting == 0 => {
                self.failing = false;
                LexiconWrite::WrittenAgain
            }
            None => LexiconWrite::Written,
        }
    }

    /// How many decisions (learned names, rejections, and their undoing) are not in
    /// their lexicon file because its last write failed: the ones kept, and the open
    /// article's (`open`: its file and the lexicon in force) when its file is unsaved.
    #[must_use]
    pub fn waiting(&self, open: Option<(&LexiconFile, &ProjectLexicon)>) -> usize {
        open.filter(|(file, _)| file.unsaved)
            .map_or(0, |(file, ours)| file.on_disk.changes_to(ours))
            + self.pending_waiting()
    }

    fn pending_waiting(&self) -> usize {
        self.pending
            .iter()
            .map(|p| p.base.changes_to(&p.ours))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::extract::lexicon::{ProjectLexicon, Rule, counted};
    use crate::formats::lexicon::LexiconError;
    use crate::model::label::Label;

    #[test]
    fn file_round_trip_and_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("project.lexicon");
        let mut lx = counted("بوتين", Label::Person, 10, 1);
        lx.set_canonical("بوتين", Label::Person, "فلاديمير بوتين");
        lx.set_rule("شركة\tساسكتل", Label::Organization, Rule::Always);
        lx.set_rule("البيت الأبيض", Label::Location, Rule::Never);
        lx.set_learning(false);
        lx.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("# taliq-lexicon 2\n"), "{text}");
        assert!(text.contains("\n! learning off\n"), "{text}");
        assert!(
            text.contains("\n~ PERSON\tبوتين\tفلاديمير بوتين\t10\t1\n"),
            "{text}"
        );
        assert!(text.contains("\n+ ORGANIZATION\tشركة ساسكتل\n"), "{text}");
        assert!(text.contains("\n- LOCATION\tالبيت الأبيض\n"), "{text}");
        assert_eq!(ProjectLexicon::load(&path).unwrap(), lx);
        // no temporary file is left behind
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

        let hand = "\u{FEFF}# taliq-lexicon 2\n\n# comment\n+ PERSON\tبوتين\n  - LOCATION\tالبيت الأبيض  \r\n~ MISC\tكورونا\t\t3\t0\n";
        let lx = ProjectLexicon::parse(hand, Path::new("x")).unwrap();
        assert_eq!(lx.items()[0].canonical, "بوتين");
        assert_eq!(lx.items()[0].rule, Rule::Always);
        assert!(lx.is_rejected("البيت الابيض", Label::Location));
        assert_eq!(lx.get("كورونا", Label::Misc).unwrap().accepted, 3);

        let line_of = |text: &str| match ProjectLexicon::parse(text, Path::new("x")) {
            Err(LexiconError::Line { line, .. }) => line,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            line_of("# taliq-lexicon 2\n+ PERSON\tا\n+ PEOPLE\tبوتين\n"),
            3
        );
        assert_eq!(line_of("# taliq-lexicon 2\n# c\nبوتين\n"), 3);
        assert_eq!(line_of("# taliq-lexicon 2\n- PERSON\n"), 2);
        assert_eq!(line_of("# taliq-lexicon 2\n~ PERSON\tبوتين\tبوتين\t1\n"), 2);
        assert_eq!(
            line_of("# taliq-lexicon 2\n~ PERSON\tبوتين\tبوتين\tone\t0\n"),
            2
        );
        assert_eq!(line_of("# taliq-lexicon 2\n! learn nothing\n"), 2);
        assert_eq!(line_of("# taliq-lexicon 1\n- PERSON\tبوتين\tبوتين\n"), 2);
        assert!(matches!(
            ProjectLexicon::parse("+ PERSON\tبوتين\n", Path::new("x")),
            Err(LexiconError::Header { .. })
        ));
        let e = ProjectLexicon::parse("# taliq-lexicon 2\n+ PEOPLE\tبوتين\n", Path::new("a.txt"))
            .unwrap_err();
        assert_eq!(e.to_string(), "a.txt: line 2: unknown label \"PEOPLE\"");
        assert!(matches!(
            ProjectLexicon::load(&dir.path().join("missing")),
            Err(LexiconError::Io { .. })
        ));
    }

    /// A write that fails (the folder is a file) keeps the decisions in memory, and the
    /// retry after the folder is there writes them: failed, failed again, written again,
    /// written.
    #[test]
    fn a_failed_lexicon_write_waits_in_memory_and_is_retried() {
        use super::{LexiconFile, LexiconWrite, LexiconWrites, PendingLexicon};
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("folder");
        std::fs::write(&folder, "a file where the folder should be").unwrap();
        let path = folder.join("project.lexicon");
        let ours = counted("بوتين", Label::Person, 1, 0);
        let mut file = LexiconFile {
            path: Some(path.clone()),
            on_disk: ProjectLexicon::new(),
            unsaved: false,
        };
        let mut writes = LexiconWrites::default();
        match writes.write(Some((&mut file, &ours))) {
            LexiconWrite::Failed { error, waiting } => {
                assert!(matches!(error, LexiconError::Io { .. }), "{error}");
                assert_eq!(waiting, 1);
            }
            other => panic!("{other:?}"),
        }
        assert!(file.is_unsaved());
        assert!(
            file.on_disk().is_empty(),
            "the base stays what the file holds"
        );
        assert_eq!(writes.waiting(Some((&file, &ours))), 1);
        // the article is left: its decisions are kept (once), and fail again
        let mut left = file.clone();
        writes.leave(&mut left, &ours);
        assert!(!left.is_unsaved());
        assert_eq!(writes.waiting(Some((&left, &ours))), 1);
        writes.leave(&mut left, &ours);
        assert_eq!(writes.waiting(None), 1);
        assert!(matches!(
            writes.write(None),
            LexiconWrite::Failed { waiting: 1, .. }
        ));
        // kept for one file once: keeping again replaces it
        writes.keep(PendingLexicon {
            path: path.clone(),
            base: ProjectLexicon::new(),
            ours: ours.clone(),
        });
        assert_eq!(writes.waiting(None), 1);
        // the folder is there now: the retry writes them
        std::fs::remove_file(&folder).unwrap();
        std::fs::create_dir(&folder).unwrap();
        assert!(matches!(writes.write(None), LexiconWrite::WrittenAgain));
        assert_eq!(writes.waiting(None), 0);
        assert_eq!(ProjectLexicon::load(&path).unwrap(), ours);
        // the open article's write succeeds: its base is what it wrote
        assert!(matches!(
            writes.write(Some((&mut file, &ours))),
            LexiconWrite::Written
        ));
        assert!(!file.is_unsaved());
        assert_eq!(*file.on_disk(), ours);
        // a file that could not be read is never written
        let before = std::fs::read_to_string(&path).unwrap();
        let mut unreadable = LexiconFile {
            path: None,
            ..file.clone()
        };
        let other = counted("ترامب", Label::Person, 1, 0);
        assert!(matches!(
            writes.write(Some((&mut unreadable, &other))),
            LexiconWrite::Written
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
        assert!(writes.take(&path).is_none());
    }

    /// Decisions kept for a file are taken back by the next article of that folder.
    #[test]
    fn opening_finds_the_folders_lexicon_with_the_decisions_kept_for_it() {
        use super::{LexiconWrites, PendingLexicon};
        use crate::workspace::corpus::lexicon_path_of;
        use crate::workspace::notice::OpenNotice;
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        let mut writes = LexiconWrites::default();
        // no file yet: an empty lexicon, to be written there
        let (f, notice) = writes.open_for(&article);
        assert_eq!(f.file.path(), Some(lexicon_path_of(&article).as_path()));
        assert!(f.lexicon.is_empty() && !f.file.is_unsaved() && notice.is_none());
        // the file, with the decisions an article left in this folder could not write
        let on_disk = counted("بوتين", Label::Person, 1, 0);
        on_disk.save(&lexicon_path_of(&article)).unwrap();
        writes.keep(PendingLexicon {
            path: lexicon_path_of(&article),
            base: ProjectLexicon::new(),
            ours: counted("ترامب", Label::Person, 1, 0),
        });
        let (f, _) = writes.open_for(&article);
        assert!(f.file.is_unsaved());
        assert_eq!(f.file.on_disk().changes_to(&on_disk), 0);
        assert_eq!(
            f.file.on_disk().changes_to(&f.lexicon),
            1,
            "ترامب folded in"
        );
        assert!(writes.take(&lexicon_path_of(&article)).is_none(), "taken");
        // a file that cannot be read is neither used nor changed, and said
        std::fs::write(lexicon_path_of(&article), "not a lexicon\n").unwrap();
        let (f, notice) = writes.open_for(&article);
        assert!(f.file.path().is_none() && f.lexicon.is_empty());
        assert!(matches!(notice, Some(OpenNotice::LexiconUnreadable { .. })));
    }

    #[test]
    fn kept_decisions_are_taken_for_their_file_only() {
        use super::{LexiconWrites, PendingLexicon};
        let mut writes = LexiconWrites::default();
        writes.keep(PendingLexicon {
            path: "a/project.lexicon".into(),
            base: ProjectLexicon::new(),
            ours: counted("بوتين", Label::Person, 1, 0),
        });
        assert!(writes.take(Path::new("b/project.lexicon")).is_none());
        let p = writes.take(Path::new("a/project.lexicon")).unwrap();
        assert_eq!(p.ours.get("بوتين", Label::Person).unwrap().accepted, 1);
        assert_eq!(writes.waiting(None), 0);
    }
}
