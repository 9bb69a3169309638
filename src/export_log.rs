//! What was exported last, per article, kept between runs in `exports.json` beside
//! `settings.json` in the user's data folder ([`crate::cli::data_dir`]), so that work done
//! in an earlier run and never exported still counts as "changed since its last export"
//! (the close prompt, File ▸ Export changed articles) after Taliq is restarted.
//!
//! The record of an article holds where it was exported and a fingerprint of the work
//! exported ([`work_fingerprint`]); work whose fingerprint differs, or that has decisions
//! and no record, is unexported.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::annotation::{Annotation, Origin, Status};
use crate::export::AnnotationRecord;
use crate::label::Label;
use crate::storage::{self, StorageError};

/// The last export of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRecord {
    /// The JSON file written.
    pub export: PathBuf,
    /// [`work_fingerprint`] of the annotations written, as 16 hex digits.
    pub fingerprint: String,
}

/// The last export of every article exported, by the article's path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportLog {
    /// Article path (as given when it was opened) → its last export.
    #[serde(default)]
    pub articles: BTreeMap<PathBuf, ExportRecord>,
}

/// At most this many articles are remembered; the oldest names (in path order) are
/// dropped first, which only makes an old article count as unexported.
const MAX_ARTICLES: usize = 20_000;

impl ExportLog {
    /// Reads the log at `path`; a missing or damaged file gives an empty log (the worst
    /// outcome is being asked to export work that was exported already).
    #[must_use]
    pub fn load(path: &Path) -> ExportLog {
        std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Notes that the work of `article` with fingerprint `fingerprint` ([`work_fingerprint`],
    /// [`records_fingerprint`]) was exported to `export`, and writes the log
    /// to `path` (atomically) when one is given.
    ///
    /// # Errors
    /// [`StorageError`] when the log cannot be written; the record is kept in memory.
    pub fn record(
        &mut self,
        path: Option<&Path>,
        article: &Path,
        export: &Path,
        fingerprint: u64,
    ) -> Result<(), StorageError> {
        self.articles.insert(
            article.to_path_buf(),
            ExportRecord {
                export: export.to_path_buf(),
                fingerprint: format!("{fingerprint:016x}"),
            },
        );
        while self.articles.len() > MAX_ARTICLES {
            self.articles.pop_first();
        }
        match path {
            Some(p) => {
                if let Some(dir) = p.parent() {
                    // the data folder of a first run may not exist yet
                    std::fs::create_dir_all(dir).map_err(|reason| StorageError::Io {
                        path: dir.display().to_string(),
                        reason,
                    })?;
                }
                let json = serde_json::to_vec_pretty(self).unwrap_or_default();
                storage::write_atomic(p, &json)
            }
            None => Ok(()),
        }
    }

    /// True when `annotations` of `article` hold work not in its last export: decisions
    /// (anything reviewed, or added by hand) and no export recorded, or an export of
    /// other work.
    #[must_use]
    pub fn is_unexported(&self, article: &Path, annotations: &[Annotation]) -> bool {
        match self.articles.get(article) {
            Some(r) => r.fingerprint != format!("{:016x}", work_fingerprint(annotations)),
            None => annotations
                .iter()
                .any(|a| a.status != Status::Pending || a.origin == Origin::Manual),
        }
    }

    /// Where `article` was last exported, if it was.
    #[must_use]
    pub fn export_path(&self, article: &Path) -> Option<&Path> {
        self.articles.get(article).map(|r| r.export.as_path())
    }
}

/// A fingerprint (64-bit FNV-1a, [`storage::content_fingerprint`]) of what an export of
/// `annotations` says: each annotation's id, span, label, status, origin and note, in
/// span order.
#[must_use]
pub fn work_fingerprint(annotations: &[Annotation]) -> u64 {
    fingerprint_of(annotations.iter().map(|a| {
        (
            a.span.start(),
            a.span.end(),
            a.id,
            a.label,
            a.status,
            a.origin,
            a.note.as_str(),
        )
    }))
}

/// [`work_fingerprint`] of the annotations of a sidecar or export file.
#[must_use]
pub fn records_fingerprint(records: &[AnnotationRecord]) -> u64 {
    fingerprint_of(records.iter().map(|r| {
        (
            r.start,
            r.end,
            r.id,
            r.label,
            r.status,
            r.origin,
            r.note.as_str(),
        )
    }))
}

type Item<'a> = (usize, usize, u64, Label, Status, Origin, &'a str);

fn fingerprint_of<'a>(items: impl Iterator<Item = Item<'a>>) -> u64 {
    let mut items: Vec<Item<'a>> = items.collect();
    items.sort_by_key(|&(start, end, id, ..)| (start, end, id));
    let mut s = String::with_capacity(items.len() * 24);
    for (start, end, id, label, status, origin, note) in items {
        let _ = writeln!(
            s,
            "{id} {start} {end} {} {status:?} {origin:?} {note:?}",
            label.as_str()
        );
    }
    storage::content_fingerprint(s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::session::Session;

    #[test]
    fn work_is_unexported_until_exported_and_again_after_a_change() {
        let doc = Document::from_text("قال بوتين إن ترامب وافق", "a.txt", "UTF-8");
        let mut session = Session::with_extraction(doc);
        let article = Path::new("/x/a.txt");
        let mut log = ExportLog::default();
        // suggestions only: nothing to export
        assert!(!log.is_unexported(article, session.annotations()));
        let id = session.annotations()[0].id;
        session
            .apply(crate::session::Edit::SetStatus {
                id,
                status: Status::Accepted,
            })
            .unwrap();
        assert!(log.is_unexported(article, session.annotations()));

        let dir = tempfile::tempdir().unwrap();
        // (in a data folder that does not exist yet)
        let file = dir.path().join("taliq").join("exports.json");
        log.record(
            Some(&file),
            article,
            Path::new("/x/a.annotations.json"),
            work_fingerprint(session.annotations()),
        )
        .unwrap();
        // read back, as in the next run; the file's records give the same fingerprint
        let log = ExportLog::load(&file);
        assert_eq!(
            records_fingerprint(&session.to_export().annotations),
            work_fingerprint(session.annotations())
        );
        assert!(!log.is_unexported(article, session.annotations()));
        assert_eq!(
            log.export_path(article),
            Some(Path::new("/x/a.annotations.json"))
        );
        session
            .apply(crate::session::Edit::SetNote {
                id,
                note: "راجع".into(),
            })
            .unwrap();
        assert!(log.is_unexported(article, session.annotations()));
        // a damaged log is an empty one
        std::fs::write(&file, b"{not json").unwrap();
        assert_eq!(ExportLog::load(&file), ExportLog::default());
    }
}
