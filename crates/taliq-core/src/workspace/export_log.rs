//! What was exported last, per article, kept between runs in `exports.json` beside
//! `settings.json` in the user's data folder (the app's data folder), so that work done
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

use crate::formats::taliq::AnnotationRecord;
use crate::model::annotation::{Annotation, Origin, Status};
use crate::model::label::Label;
use crate::workspace::storage::{self, StorageError};

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
    /// Article path (canonical, absolute) → its last export.
    #[serde(default)]
    pub articles: BTreeMap<PathBuf, ExportRecord>,
}

/// At most this many articles are remembered; the oldest names (in path order) are
/// dropped first, which only makes an old article count as unexported.
const MAX_ARTICLES: usize = 20_000;

impl ExportLog {
    /// Reads the log at `path`; a missing or damaged file gives an empty log (the worst
    /// outcome is being asked to export work that was exported already).
    ///
    /// When several articles are recorded as exported to the same file (versions before
    /// 2026-12 named the export of `a.txt` and `a.html` alike), only the article whose
    /// export the file holds keeps its record ([`ExportLog::conflict`]); the others count as
    /// unexported again.
    #[must_use]
    pub fn load(path: &Path) -> ExportLog {
        let mut log: ExportLog = std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        // an export path kept relative (before 2026-12) is relative to a folder no longer
        // known: the article counts as unexported, so it is exported again
        log.articles.retain(|_, r| r.export.is_absolute());
        let mut claims: BTreeMap<PathBuf, usize> = BTreeMap::new();
        for r in log.articles.values() {
            *claims.entry(key(&r.export)).or_default() += 1;
        }
        if claims.values().any(|&n| n > 1) {
            log.articles.retain(|article, r| {
                claims.get(&key(&r.export)).is_none_or(|&n| n == 1)
                    || conflict_of(&r.export, article, None, true).is_none()
            });
        }
        log
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
        // kept absolute: a path relative to the folder Taliq was started in would name
        // another file in the next run
        let export = &std::path::absolute(export).unwrap_or_else(|_| export.to_path_buf());
        // the file now holds this article's export, not the one of any other article
        // that was last exported there (it counts as unexported again)
        let here = key(article);
        let written = key(export);
        self.articles
            .retain(|a, r| *a == here || key(&r.export) != written);
        self.articles.insert(
            key(article),
            ExportRecord {
                export: export.clone(),
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
        self.unexported_by(
            article,
            work_fingerprint(annotations),
            annotations
                .iter()
                .any(|a| a.status != Status::Pending || a.origin == Origin::Manual),
        )
    }

    /// [`ExportLog::is_unexported`] for the annotations of a saved file (a sidecar of an
    /// article that is not open).
    #[must_use]
    pub fn records_unexported(&self, article: &Path, records: &[AnnotationRecord]) -> bool {
        self.unexported_by(
            article,
            records_fingerprint(records),
            records
                .iter()
                .any(|r| r.status != Status::Pending || r.origin == Origin::Manual),
        )
    }

    fn unexported_by(&self, article: &Path, fingerprint: u64, decided: bool) -> bool {
        match self.articles.get(&key(article)) {
            Some(r) => r.fingerprint != format!("{fingerprint:016x}"),
            None => decided,
        }
    }

    /// Where `article` was last exported, if it was.
    #[must_use]
    pub fn export_path(&self, article: &Path) -> Option<&Path> {
        self.articles.get(&key(article)).map(|r| r.export.as_path())
    }
}

/// Why writing an article's export to a file would overwrite something else
/// ([`ExportLog::conflict`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportConflict {
    /// The file holds the Taliq annotations of another article, named by its source
    /// file name (`document.source`).
    OtherArticle(String),
    /// The file holds the annotations of an article with the same file name but another
    /// text, not written for this article (an article of the same name in another
    /// folder, say).
    OtherText(String),
    /// The file is not a Taliq annotations file (or cannot be read as one).
    NotAnExport,
}

/// What the existing file `target` would lose if the export of `article` were written
/// over it: `None` when there is no file there, or when it holds an export of an article
/// with `article`'s file name and, when `text` is given, that text's SHA-256 (an export
/// of another version of the text counts as this article's only when `ours` says this
/// article was exported there).
fn conflict_of(
    target: &Path,
    article: &Path,
    text: Option<&str>,
    ours: bool,
) -> Option<ExportConflict> {
    let bytes = std::fs::read(target).ok()?;
    let Ok(file) = crate::formats::taliq::ExportFile::from_json(&String::from_utf8_lossy(&bytes))
    else {
        return Some(ExportConflict::NotAnExport);
    };
    let name = article
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if file.document.source != name {
        return Some(ExportConflict::OtherArticle(file.document.source));
    }
    (text.is_some_and(|sha| sha != file.document.sha256) && !ours)
        .then_some(ExportConflict::OtherText(file.document.source))
}

impl ExportLog {
    /// What writing the export of `article` (whose text has the SHA-256 `text_sha256`) to
    /// `target` would overwrite that is not this article's last export: another article's
    /// annotations, the annotations of another text of the same name that this log does
    /// not record as this article's, or a file that is not a Taliq export. `None` when
    /// there is no file there or it is this article's.
    #[must_use]
    pub fn conflict(
        &self,
        target: &Path,
        article: &Path,
        text_sha256: &str,
    ) -> Option<ExportConflict> {
        let ours = self
            .export_path(article)
            .is_some_and(|p| key(p) == key(target));
        conflict_of(target, article, Some(text_sha256), ours)
    }
}

/// The key of an article: its canonical absolute path, so that `taliq a.txt` started in
/// two folders names two articles (the path as given when it cannot be resolved).
fn key(article: &Path) -> PathBuf {
    std::fs::canonicalize(article).unwrap_or_else(|_| article.to_path_buf())
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
    use crate::model::document::Document;
    use crate::session::Session;

    fn doc_sha(text: &str) -> String {
        Document::from_text(text, "a.txt", "UTF-8")
            .sha256()
            .to_owned()
    }

    /// Issue 13: `exports.json` recorded `a.txt` and `a.html` as exported to the same file,
    /// so "Export changed articles" never wrote the one the file did not hold.
    #[test]
    fn one_file_is_the_export_of_one_article_only() {
        let dir = tempfile::tempdir().unwrap();
        let (txt, html) = (dir.path().join("a.txt"), dir.path().join("a.html"));
        let shared = dir.path().join("a.annotations.json");
        let doc = Document::from_text("قال بوتين", "a.txt", "UTF-8");
        std::fs::write(&shared, Session::with_extraction(doc).to_export().to_json()).unwrap();
        let log_file = dir.path().join("exports.json");
        let mut log = ExportLog::default();
        log.record(None, &html, &shared, 1).unwrap();
        assert!(log.export_path(&html).is_some());
        // the file now holds a.txt's export: a.html's record goes
        log.record(Some(&log_file), &txt, &shared, 2).unwrap();
        assert!(log.export_path(&html).is_none());
        assert!(
            !log.is_unexported(&html, &[]),
            "no decisions: nothing to export"
        );
        // an old log where both claim the file keeps the one the file holds
        let mut old = log.clone();
        old.articles.insert(
            key(&html),
            ExportRecord {
                export: shared.clone(),
                fingerprint: "1".into(),
            },
        );
        std::fs::write(&log_file, serde_json::to_vec(&old).unwrap()).unwrap();
        let back = ExportLog::load(&log_file);
        assert_eq!(back.export_path(&txt), Some(shared.as_path()));
        assert_eq!(back.export_path(&html), None);
        let sha = doc_sha("قال بوتين");
        assert_eq!(
            back.conflict(&shared, &html, &sha),
            Some(ExportConflict::OtherArticle("a.txt".into()))
        );
        assert_eq!(back.conflict(&shared, &txt, &sha), None);
        assert_eq!(
            back.conflict(&dir.path().join("none.json"), &txt, &sha),
            None
        );
        assert_eq!(
            back.conflict(&log_file, &txt, &sha),
            Some(ExportConflict::NotAnExport)
        );
        // a.txt of another folder, another text: its export here is not ours to overwrite
        let elsewhere = dir.path().join("other").join("a.txt");
        let other_sha = doc_sha("قال ترامب");
        assert_eq!(
            back.conflict(&shared, &elsewhere, &other_sha),
            Some(ExportConflict::OtherText("a.txt".into()))
        );
        // this article's own export of an earlier version of its text is
        assert_eq!(back.conflict(&shared, &txt, &other_sha), None);
        // an export path kept relative by an older version names no known file
        let mut old = ExportLog::default();
        old.articles.insert(
            key(&txt),
            ExportRecord {
                export: PathBuf::from("f2/a.txt.annotations.json"),
                fingerprint: "2".into(),
            },
        );
        std::fs::write(&log_file, serde_json::to_vec(&old).unwrap()).unwrap();
        assert_eq!(ExportLog::load(&log_file).export_path(&txt), None);
        // and what is recorded now is absolute
        let mut log = ExportLog::default();
        log.record(None, &txt, Path::new("rel.json"), 3).unwrap();
        assert!(log.export_path(&txt).unwrap().is_absolute());
    }

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
