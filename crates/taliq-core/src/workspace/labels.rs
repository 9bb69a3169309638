//! The label map file of an article's folder (`taliq-labels.txt`,
//! [`crate::formats::label_map`]): read when annotations of another tool are imported
//! there, and added to when the annotator maps a label the map did not know and asks for
//! it to be remembered.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::formats::label_map::{FILE_NAME, LabelMap, LabelMapError, target_word};
use crate::model::label::Label;
use crate::workspace::storage::{StorageError, write_atomic};

/// Why a label map file cannot be used.
#[derive(Debug, Error)]
pub enum LabelsError {
    /// The file is there but cannot be read.
    #[error("cannot read {path}: {reason}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's error.
        reason: std::io::Error,
    },
    /// The file is not UTF-8.
    #[error("{path} is not UTF-8 text")]
    NotUtf8 {
        /// The file.
        path: String,
    },
    /// A line is not a mapping.
    #[error("{path}: {reason}")]
    Line {
        /// The file.
        path: String,
        /// Which line, and why.
        reason: LabelMapError,
    },
    /// The file cannot be written; it is unchanged.
    #[error(transparent)]
    Write(#[from] StorageError),
}

/// The label map file of the folder of `article` (which need not exist).
#[must_use]
pub fn file_for(article: &Path) -> PathBuf {
    article
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(FILE_NAME)
}

/// Reads the label map file `path`: the default map when there is none, the default with
/// the file's mappings on top when there is one ([`LabelMap::parse`]).
///
/// # Errors
/// [`LabelsError`] when the file is there but cannot be read or has a bad line.
pub fn read(path: &Path) -> Result<LabelMap, LabelsError> {
    let shown = || path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(LabelMap::default()),
        Err(reason) => {
            return Err(LabelsError::Io {
                path: shown(),
                reason,
            });
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| LabelsError::NotUtf8 { path: shown() })?;
    LabelMap::parse(&text).map_err(|reason| LabelsError::Line {
        path: shown(),
        reason,
    })
}

/// Adds the mappings `entries` (`(name, target)`, `None` to skip) at the end of the label
/// map file `path`, made when missing (atomically: the file is whole before or after).
/// The file must read ([`read`]) before; its lines are kept as they are.
///
/// # Errors
/// [`LabelsError`] when the file cannot be read or written; it is unchanged then.
pub fn remember(path: &Path, entries: &[(String, Option<Label>)]) -> Result<(), LabelsError> {
    read(path)?;
    let mut text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            "# Label names of other tools' files and the Taliq label each becomes\n\
             # (NAME = PERSON, ORGANIZATION, LOCATION, DATE, NUMBER, QUOTE, MISC or skip)\n"
                .to_owned()
        }
        Err(reason) => {
            return Err(LabelsError::Io {
                path: path.display().to_string(),
                reason,
            });
        }
    };
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for (name, target) in entries {
        let _ = writeln!(text, "{} = {}", name.trim(), target_word(*target));
    }
    write_atomic(path, text.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{LabelsError, file_for, read, remember};
    use crate::model::label::Label;

    #[test]
    fn a_folder_without_a_file_has_the_default_map_and_remembering_makes_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = file_for(&dir.path().join("a.txt"));
        assert_eq!(read(&path).unwrap().get("PER"), Some(Label::Person));
        assert!(read(&path).unwrap().get("NORP").is_none());
        remember(&path, &[("NORP".into(), Some(Label::Misc))]).unwrap();
        remember(&path, &[("TITLE".into(), None)]).unwrap();
        let map = read(&path).unwrap();
        assert_eq!(map.get("norp"), Some(Label::Misc));
        assert!(map.skips("title"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with('#') && text.ends_with("TITLE = skip\n"),
            "{text}"
        );
    }

    #[test]
    fn a_bad_file_is_named_and_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("taliq-labels.txt");
        std::fs::write(&path, "PER = PEOPLE\n").unwrap();
        assert!(matches!(read(&path), Err(LabelsError::Line { .. })));
        assert!(remember(&path, &[("X".into(), None)]).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "PER = PEOPLE\n");
    }
}
