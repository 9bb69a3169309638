//! Exporting work to a JSON file ([`crate::formats::taliq`]): one article from its
//! session ([`export_article`]: never over a file that holds something else unless told
//! to, written atomically, noted in the [`ExportLog`]), the name an export gets by
//! default ([`default_export_path`]), and "Export changed articles" ([`export_changed`]:
//! the open article from its session, the others from their sidecars, which are in the
//! export format). What happened comes back as typed values; the interface words them.

use std::path::{Path, PathBuf};

use super::corpus::{Corpus, Progress};
use super::export_log::{ExportConflict, ExportLog, records_fingerprint, work_fingerprint};
use super::storage::{self, StorageError};
use crate::session::Session;

/// `dir/article.txt` → `dir/article.txt.annotations.json`, the name an export of the
/// article gets by default: the article's whole file name, extension included (as the
/// sidecar's), so that `a.txt` and `a.html` of one folder never export to the same file.
/// An article path without a file name gives `article.annotations.json` beside it.
#[must_use]
pub fn default_export_path(article: &Path) -> PathBuf {
    let name = article
        .file_name()
        .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
    article.with_file_name(format!("{name}.annotations.json"))
}

/// Whether an export may replace a file that holds something other than this article's
/// last export ([`ExportLog::conflict`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Only a missing file or this article's own export is replaced; anything else is a
    /// [`ExportError::Conflict`] (the interface asks first).
    IfOurs,
    /// Whatever is there is replaced (the annotator said so).
    Anyway,
}

/// What [`export_article`] wrote.
#[derive(Debug)]
pub struct Exported {
    /// How many annotations the file holds.
    pub annotations: usize,
    /// The file written, as given.
    pub path: PathBuf,
    /// Why the export could not be noted in the export log's file (it is noted in
    /// memory all the same; the only cost is being asked again in a later run).
    pub not_noted: Option<StorageError>,
}

/// Why [`export_article`] wrote nothing.
#[derive(Debug)]
pub enum ExportError {
    /// The file holds something else ([`Overwrite::IfOurs`] only); it is untouched.
    Conflict(ExportConflict),
    /// The file could not be written; it is unchanged.
    Write(StorageError),
}

/// Exports the work of `session`, the article at `article`, to `target`: checks that
/// `target` holds nothing else (with [`Overwrite::IfOurs`]), writes it atomically
/// ([`storage::write_atomic`]) and notes it in `log` (written to `log_path` when one is
/// given).
///
/// # Errors
/// [`ExportError::Conflict`] when the file holds another article's annotations or is not
/// a Taliq export, [`ExportError::Write`] when it cannot be written; nothing is written
/// or noted then.
pub fn export_article(
    log: &mut ExportLog,
    log_path: Option<&Path>,
    article: &Path,
    session: &Session,
    target: &Path,
    overwrite: Overwrite,
) -> Result<Exported, ExportError> {
    if overwrite == Overwrite::IfOurs
        && let Some(conflict) = log.conflict(target, article, session.document().sha256())
    {
        return Err(ExportError::Conflict(conflict));
    }
    let json = session.to_export().to_json();
    storage::write_atomic(target, json.as_bytes()).map_err(ExportError::Write)?;
    let not_noted = log
        .record(
            log_path,
            article,
            target,
            work_fingerprint(session.annotations()),
        )
        .err();
    Ok(Exported {
        annotations: session.annotations().len(),
        path: target.to_path_buf(),
        not_noted,
    })
}

/// An article whose work is in its sidecar but not in an exported JSON file (changed in
/// this run and not exported since, or saved work of an earlier run never exported).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unexported {
    /// The article file.
    pub article: PathBuf,
    /// The work file its work is in (the sidecar, or an alternative one).
    pub sidecar: PathBuf,
    /// Where it was last exported, if it was (in this run or, through the export log, an
    /// earlier one).
    pub export_path: Option<PathBuf>,
}

impl Unexported {
    /// Where "Export changed articles" writes it: where it was last exported, else
    /// [`default_export_path`].
    #[must_use]
    pub fn target(&self) -> PathBuf {
        self.export_path
            .clone()
            .unwrap_or_else(|| default_export_path(&self.article))
    }
}

/// The articles of `corpus` with decisions whose newest work file (as opening the
/// article would take it) holds work not in their last export according to `log`,
/// leaving out those `known` says are accounted for already (the open article, the ones
/// listed before). In the corpus's order.
pub fn unexported_in(
    corpus: &Corpus,
    log: &ExportLog,
    known: impl Fn(&Path) -> bool,
) -> Vec<Unexported> {
    let mut found = Vec::new();
    for art in &corpus.articles {
        let decided = match art.progress {
            Progress::InProgress { decided, .. } | Progress::Done { decided } => decided,
            _ => 0,
        };
        if decided == 0 || known(&art.path) {
            continue;
        }
        let Some((sidecar, file)) = storage::work_files(&art.path).next() else {
            continue;
        };
        if log.records_unexported(&art.path, &file.annotations) {
            found.push(Unexported {
                article: art.path.clone(),
                sidecar,
                export_path: log.export_path(&art.path).map(Path::to_path_buf),
            });
        }
    }
    found
}

/// What "Export changed articles" did with one article ([`export_changed`]).
#[derive(Debug)]
pub struct ChangedExport {
    /// The article.
    pub article: PathBuf,
    /// What became of it.
    pub outcome: ChangedOutcome,
}

/// What became of one article of "Export changed articles".
#[derive(Debug)]
pub enum ChangedOutcome {
    /// Its export was written to `to`; when `instead_of` is given, that file (where it
    /// was to go) holds another article's export and is untouched, and `to` is the
    /// article's own [`default_export_path`]. Not being able to note it in the export
    /// log's file is left out: it only means being asked again in a later run.
    Written {
        /// The file written.
        to: PathBuf,
        /// The file it was to go to, which holds something else.
        instead_of: Option<PathBuf>,
    },
    /// Its work file is gone; nothing was written.
    SidecarMissing {
        /// The work file.
        sidecar: PathBuf,
    },
    /// Its work file cannot be read; nothing was written.
    Unreadable(StorageError),
    /// Both where it was to go and its own default name hold something else; nothing was
    /// written (the annotator exports it by hand, choosing the file).
    BothTaken {
        /// Where it was to go.
        target: PathBuf,
        /// Its default name.
        own: PathBuf,
    },
    /// The export could not be written; the file is unchanged.
    WriteFailed(StorageError),
}

impl ChangedOutcome {
    /// Nothing was written for the article.
    #[must_use]
    pub fn failed(&self) -> bool {
        !matches!(self, ChangedOutcome::Written { .. })
    }

    /// Its export was written to its own name, not where it was to go.
    #[must_use]
    pub fn moved(&self) -> bool {
        matches!(
            self,
            ChangedOutcome::Written {
                instead_of: Some(_),
                ..
            }
        )
    }
}

/// Exports every article of `list` (see [`Unexported::target`]): the one open in
/// `open` (its path and session) from its session, the others from their work files,
/// never over a file that holds something else (the article's own default name instead,
/// or not at all), each noted in `log` (written to `log_path` when given). One outcome
/// per article, in `list`'s order.
pub fn export_changed(
    log: &mut ExportLog,
    log_path: Option<&Path>,
    list: &[Unexported],
    open: Option<(&Path, &Session)>,
) -> Vec<ChangedExport> {
    list.iter()
        .map(|u| ChangedExport {
            article: u.article.clone(),
            outcome: export_one(log, log_path, u, open.filter(|(p, _)| *p == u.article)),
        })
        .collect()
}

/// [`export_changed`] for one article; `open` its session when it is the open one.
fn export_one(
    log: &mut ExportLog,
    log_path: Option<&Path>,
    u: &Unexported,
    open: Option<(&Path, &Session)>,
) -> ChangedOutcome {
    let (json, fingerprint, sha256) = match open {
        Some((_, session)) => (
            session.to_export().to_json(),
            work_fingerprint(session.annotations()),
            session.document().sha256().to_owned(),
        ),
        None => match storage::read_sidecar(&u.sidecar) {
            Ok(Some(file)) => (
                file.to_json(),
                records_fingerprint(&file.annotations),
                file.document.sha256.clone(),
            ),
            Ok(None) => {
                return ChangedOutcome::SidecarMissing {
                    sidecar: u.sidecar.clone(),
                };
            }
            Err(e) => return ChangedOutcome::Unreadable(e),
        },
    };
    // never over a file written for another article: the article's own name instead, or
    // not at all
    let mut target = u.target();
    let mut instead_of = None;
    if log.conflict(&target, &u.article, &sha256).is_some() {
        let own = default_export_path(&u.article);
        if log.conflict(&own, &u.article, &sha256).is_some() {
            return ChangedOutcome::BothTaken { target, own };
        }
        instead_of = Some(std::mem::replace(&mut target, own));
    }
    if let Err(e) = storage::write_atomic(&target, json.as_bytes()) {
        return ChangedOutcome::WriteFailed(e);
    }
    // (not being able to note it only means being asked again)
    let _ = log.record(log_path, &u.article, &target, fingerprint);
    ChangedOutcome::Written {
        to: target,
        instead_of,
    }
}

#[cfg(test)]
mod tests;
