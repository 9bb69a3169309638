//! The project lexicon file on disk: loaded, written atomically, and merged with what
//! another window wrote there since ([`write_merged`]). Its format is
//! [`crate::formats::lexicon`].

use std::path::Path;

use crate::extract::lexicon::ProjectLexicon;
use crate::formats::lexicon::LexiconError;

impl ProjectLexicon {
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::extract::lexicon::{ProjectLexicon, Rule};
    use crate::formats::lexicon::LexiconError;
    use crate::model::label::Label;

    /// A lexicon where `surface` was accepted `accepted` times and rejected `rejected` times
    /// as `label`.
    fn counted(surface: &str, label: Label, accepted: u32, rejected: u32) -> ProjectLexicon {
        let mut lx = ProjectLexicon::new();
        for _ in 0..accepted {
            lx.count(surface, label, Some(surface), true);
        }
        for _ in 0..rejected {
            lx.count(surface, label, None, true);
        }
        lx
    }

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
}
