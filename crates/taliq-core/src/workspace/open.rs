//! Opening an article with its saved work: the journal of a run that was killed replayed
//! first, the encoding chosen earlier remembered, the sidecar to write chosen (the regular
//! one, unless it is damaged, holds another article's work, or holds work on an older text
//! that cannot be backed up), and the session made from the newest work written for this
//! exact text, or carried over from an earlier text, or salvaged from a damaged sidecar,
//! or fresh suggestions. What was found comes back as [`OpenNotice`]s.

use std::path::{Path, PathBuf};

use super::notice::{OpenNotice, file_name};
use super::{journal, reanchor, storage};
use crate::extract::lexicon::ProjectLexicon;
use crate::formats::taliq::ExportFile;
use crate::model::document::Document;
use crate::session::Session;

/// What is on disk for an opened article, for the autosaver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnDisk {
    /// Nothing was on disk: the session holds only suggestions, which opening the article
    /// again gives the same; no sidecar is written until the first decision.
    Fresh,
    /// The sidecar written to holds the session as it is.
    InSidecar,
    /// The session is to be written (carried over, salvaged, restored from another file).
    ToWrite,
}

/// An opened article ([`open_article`]).
#[derive(Debug)]
pub struct Opened {
    /// The session.
    pub session: Session,
    /// Where new work is written.
    pub sidecar: PathBuf,
    /// What is on disk already.
    pub on_disk: OnDisk,
    /// What was found, in the order it was found.
    pub notices: Vec<OpenNotice>,
}

/// Replays the journal of a killed run ([`journal::recover`]), then decodes `doc` again
/// with the encoding its saved work was made with when detection gave another text (File
/// ▸ Reload as is remembered through the work; `encoding` is the user's choice now,
/// `None` for detection). Returns the document to open and what was found.
#[must_use]
pub fn recover_and_decode(
    path: &Path,
    doc: Document,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> (Document, Vec<OpenNotice>) {
    let mut notices = journal::recover(path);
    let doc = if encoding.is_none() {
        remembered_encoding(path, doc)
    } else {
        doc
    };
    if doc.replacements() > 0 {
        notices.push(OpenNotice::InvalidBytes {
            count: doc.replacements(),
            encoding: doc.encoding().to_owned(),
        });
    }
    (doc, notices)
}

/// Opens `doc`, the article at `path` (as [`recover_and_decode`] gave it; `encoding` the
/// user's choice of encoding, `None` for detection), with its saved work, the project
/// lexicon `lexicon` applied to fresh suggestions. See the module doc.
#[must_use]
pub fn open_article(
    path: &Path,
    doc: Document,
    encoding: Option<&'static encoding_rs::Encoding>,
    lexicon: &ProjectLexicon,
) -> Opened {
    let mut notices = Vec::new();
    let controls = doc.bidi_controls().len();
    if controls > 0 {
        notices.push(OpenNotice::BidiControls { count: controls });
    }
    let regular = storage::sidecar_path(path);
    // where new work is written
    let mut sidecar = regular.clone();
    // work written for an earlier version of this text, and its annotations carried over
    let mut earlier: Option<(ExportFile, reanchor::Reanchored)> = None;
    // the complete annotations of a damaged sidecar cut short, written for this text
    let mut salvaged: Option<ExportFile> = None;
    match storage::read_sidecar(&regular) {
        Ok(Some(file)) if file.document.sha256 != doc.sha256() => {
            // Another article's work (another source name, or mostly not placeable) is
            // left alone; an earlier version of this article's is kept as a backup (it
            // is found again if the text comes back) and carried over below.
            let verdict = match reanchor::other_source(&file, &doc) {
                Some(foreign) => Err(foreign),
                None if encoding.is_none() => reanchor::carry_over(&file, &doc).map(Some),
                None => Ok(None),
            };
            match verdict {
                Err(why) => {
                    sidecar = storage::alternative_sidecar_path(path);
                    notices.push(OpenNotice::OtherArticlesWork {
                        sidecar: file_name(&regular),
                        why,
                        annotations: file.annotations.len(),
                        new_work_in: String::new(),
                    });
                }
                Ok(carried) => {
                    let backup = backup_path(&regular, &file.document.sha256);
                    match std::fs::copy(&regular, &backup)
                        .and_then(|_| std::fs::remove_file(&regular))
                    {
                        Ok(()) if encoding.is_some() => notices.push(OpenNotice::ReloadedAs {
                            encoding: doc.encoding().to_owned(),
                            annotations: file.annotations.len(),
                            made_on: file.document.encoding.clone(),
                            kept_in: file_name(&backup),
                        }),
                        Ok(()) => notices.push(OpenNotice::TextChanged {
                            annotations: file.annotations.len(),
                            kept_in: file_name(&backup),
                        }),
                        Err(e) => {
                            sidecar = storage::alternative_sidecar_path(path);
                            notices.push(OpenNotice::BackupFailed {
                                sidecar: file_name(&regular),
                                error: e.to_string(),
                                new_work_in: String::new(),
                            });
                        }
                    }
                    earlier = carried.map(|r| (file, r));
                }
            }
        }
        Ok(_) => {}
        Err(e) => {
            sidecar = storage::alternative_sidecar_path(path);
            salvaged = storage::salvage_sidecar(&regular)
                .filter(|f| f.document.sha256 == doc.sha256() && !f.annotations.is_empty());
            notices.push(OpenNotice::Damaged {
                error: e.to_string(),
                new_work_in: String::new(),
            });
        }
    }
    // Where earlier work comes from: the newest file written for exactly this text, be it
    // the sidecar, an alternative or a backup.
    let saved_work = storage::find_saved_work(path, doc.sha256());
    let mut restored_from: Option<PathBuf> = None;
    let fresh =
        saved_work.is_none() && earlier.is_none() && salvaged.is_none() && encoding.is_none();
    let session = match saved_work {
        Some((source, file)) => match Session::restore_using(doc.clone(), &file, lexicon) {
            Ok(s) => {
                // a hand-made file (never extracted) gets suggestions beside its work
                notices.push(OpenNotice::Restored {
                    annotations: file.annotations.len(),
                    from: file_name(&source),
                    suggestions_added: s.annotations().len() - file.annotations.len(),
                });
                // another window's work on the same text is not merged: name it
                let others = storage::other_saved_work(path, doc.sha256(), &file);
                if !others.is_empty() {
                    notices.push(OpenNotice::OtherWindowsWork {
                        files: others.iter().map(|p| file_name(p)).collect(),
                    });
                }
                if source != regular && !storage::is_backup(&source) {
                    sidecar.clone_from(&source); // keep writing where the work already is
                }
                restored_from = Some(source);
                s
            }
            Err(e) => {
                if source == sidecar {
                    sidecar = storage::alternative_sidecar_path(path);
                }
                notices.push(OpenNotice::RestoreFailed {
                    from: file_name(&source),
                    error: e.to_string(),
                    new_work_in: String::new(),
                });
                Session::with_extraction_using(doc, lexicon)
            }
        },
        None => match (earlier, salvaged) {
            (Some((old, r)), _) => {
                notices.push(OpenNotice::CarriedOver {
                    placed: r.placed.len(),
                    of: old.annotations.len(),
                    lost: r.lost,
                });
                Session::reanchored(doc, r.placed, lexicon)
            }
            (None, Some(file)) => match file.annotations_for(&doc) {
                Ok(anns) => {
                    notices.push(OpenNotice::Salvaged {
                        annotations: anns.len(),
                        from: file_name(&regular),
                    });
                    Session::reanchored(doc, anns, lexicon)
                }
                Err(e) => {
                    notices.push(OpenNotice::SalvageFailed {
                        from: file_name(&regular),
                        error: e.to_string(),
                    });
                    Session::with_extraction_using(doc, lexicon)
                }
            },
            (None, None) => Session::with_extraction_using(doc, lexicon),
        },
    };
    let new_file = file_name(&sidecar);
    for n in &mut notices {
        n.set_new_work_in(&new_file);
    }
    let on_disk = if fresh {
        OnDisk::Fresh
    } else if restored_from.as_deref() == Some(sidecar.as_path()) {
        OnDisk::InSidecar
    } else {
        OnDisk::ToWrite
    };
    Opened {
        session,
        sidecar,
        on_disk,
        notices,
    }
}

/// The document decoded as the newest saved work for `path` was: when that work was
/// written for another text and its recorded encoding reproduces that text exactly, the
/// file is decoded with it ("Reload as" is remembered); otherwise `doc` as detected.
fn remembered_encoding(path: &Path, doc: Document) -> Document {
    for candidate in storage::sidecar_candidates(path) {
        let Ok(Some(file)) = storage::read_sidecar(&candidate) else {
            continue;
        };
        if file.document.sha256 == doc.sha256() {
            return doc;
        }
        let label = file.document.encoding.split(' ').next().unwrap_or("");
        if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes())
            && let Ok(other) = Document::load_as(path, Some(enc))
            && other.sha256() == file.document.sha256
        {
            return other;
        }
    }
    doc
}

/// The backup of `sidecar` written for the text whose SHA-256 is `old_sha`:
/// `NAME.taliq.json.SHA8.bak`.
fn backup_path(sidecar: &Path, old_sha: &str) -> PathBuf {
    let name = file_name(sidecar);
    let short = old_sha.get(..8).unwrap_or(old_sha);
    sidecar.with_file_name(format!("{name}.{short}.bak"))
}
