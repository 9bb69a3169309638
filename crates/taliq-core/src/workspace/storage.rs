//! The autosave sidecar: `<article file name>.taliq.json` next to the article, in the
//! [`crate::formats::taliq`] format, written atomically (temp file in the same folder, fsync,
//! rename) so a crash leaves either the old or the new file, never half of one.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::formats::taliq::{ExportFile, ImportError};

/// Suffix appended to the article's file name to name its sidecar.
pub const SIDECAR_SUFFIX: &str = ".taliq.json";

/// Why a sidecar could not be read or written.
#[derive(Debug, Error)]
pub enum StorageError {
    /// File system error while reading or writing `path`.
    #[error("cannot read or write {path}: {reason}")]
    Io {
        /// The file involved.
        path: String,
        /// The operating system's error.
        reason: std::io::Error,
    },
    /// The sidecar exists but is not a valid Taliq file; it is left untouched.
    #[error("{path} is damaged or not a Taliq file ({reason}); it was left untouched")]
    Broken {
        /// The sidecar path.
        path: String,
        /// What is wrong with it.
        reason: ImportError,
    },
    /// A file written beside an export (brat's `.txt`) is there already with another
    /// text; it is left untouched, and the export is not written.
    #[error("{path} is there already with another text; it was left untouched")]
    OtherText {
        /// The file.
        path: String,
    },
    /// Writing would drop annotations that the file on disk holds and that were not
    /// deleted on purpose in this session (another program, or a bug, changed them).
    #[error("{path} holds {missing} annotation(s) this session did not delete; not overwriting it")]
    WouldShrink {
        /// The sidecar path.
        path: String,
        /// How many stored annotations would be lost.
        missing: usize,
    },
}

/// The sidecar path for an article path: `dir/article.txt` → `dir/article.txt.taliq.json`.
#[must_use]
pub fn sidecar_path(article: &Path) -> PathBuf {
    let mut name = article.file_name().unwrap_or_default().to_os_string();
    name.push(SIDECAR_SUFFIX);
    article.with_file_name(name)
}

/// Reads a sidecar. `Ok(None)` when there is none.
///
/// # Errors
/// [`StorageError::Io`] when it exists but cannot be read, [`StorageError::Broken`] when it
/// does not parse as a Taliq file.
pub fn read_sidecar(path: &Path) -> Result<Option<ExportFile>, StorageError> {
    let json = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            return Err(StorageError::Broken {
                path: path.display().to_string(),
                reason: ImportError::Json(serde_json::Error::io(e)),
            });
        }
        Err(reason) => {
            return Err(StorageError::Io {
                path: path.display().to_string(),
                reason,
            });
        }
    };
    ExportFile::from_json(&json)
        .map(Some)
        .map_err(|reason| StorageError::Broken {
            path: path.display().to_string(),
            reason,
        })
}

/// The complete annotations of a damaged sidecar cut short ([`ExportFile::salvage`]),
/// read without changing it; a cut inside a multi-byte char is ignored. `None` when the
/// file cannot be read or nothing can be salvaged.
#[must_use]
pub fn salvage_sidecar(path: &Path) -> Option<ExportFile> {
    let bytes = std::fs::read(path).ok()?;
    let valid = match std::str::from_utf8(&bytes) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).ok()?,
    };
    ExportFile::salvage(valid)
}

/// Writes `contents` to `path` atomically: a temporary file in the same folder is written,
/// flushed to disk, and renamed over `path`, then the folder is synced. The file keeps its
/// permissions; a new one is readable by all and writable by its owner (0644 on Unix).
///
/// # Errors
/// [`StorageError::Io`] on any file system failure; `path` is then unchanged.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), StorageError> {
    let io = |reason| StorageError::Io {
        path: path.display().to_string(),
        reason,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".taliq-").suffix(".tmp");
    // the file keeps the permissions it had; a new one gets the usual ones for a
    // document (read for all, write for the owner), not the temporary file's owner-only
    // ones: a project lexicon or an export is meant to be shared
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::metadata(path).map_or_else(
            |_| std::fs::Permissions::from_mode(0o644),
            |m| m.permissions(),
        ));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    tmp.write_all(contents).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    // Make the rename itself durable where the platform allows syncing a directory.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// What [`save_sidecar`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// [`content_fingerprint`] of the bytes written.
    pub fingerprint: u64,
    /// Their length in bytes.
    pub bytes: usize,
}

/// Saves `file` to the sidecar at `path`, refusing to drop stored annotations silently:
/// every annotation id in the file currently on disk must be either in `file` or in
/// `deleted` (ids the annotator deleted on purpose).
///
/// # Errors
/// [`StorageError::WouldShrink`] when the guard trips (nothing is written),
/// [`StorageError::Broken`] when the existing file is not a Taliq file (it is never
/// overwritten), [`StorageError::Io`] on write failure.
pub fn save_sidecar<S: std::hash::BuildHasher>(
    path: &Path,
    file: &ExportFile,
    deleted: &HashSet<u64, S>,
) -> Result<Written, StorageError> {
    if let Some(old) = read_sidecar(path)? {
        let new_ids: HashSet<u64> = file.annotations.iter().map(|a| a.id).collect();
        let same_text = old.document.sha256 == file.document.sha256;
        let missing = old
            .annotations
            .iter()
            .filter(|a| !(new_ids.contains(&a.id) || same_text && deleted.contains(&a.id)))
            .count();
        if missing > 0 {
            return Err(StorageError::WouldShrink {
                path: path.display().to_string(),
                missing,
            });
        }
    }
    let json = file.to_json();
    write_atomic(path, json.as_bytes())?;
    Ok(Written {
        fingerprint: content_fingerprint(json.as_bytes()),
        bytes: json.len(),
    })
}

/// Every saved-work file that may belong to `article`, existing ones only: the regular
/// sidecar, the alternatives (`….taliq.N.json`) and the backups kept when the text changed
/// (`….taliq.json.SHA8.bak`), newest first.
#[must_use]
pub fn sidecar_candidates(article: &Path) -> Vec<PathBuf> {
    let Some(name) = article
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
    else {
        return Vec::new();
    };
    let dir = article
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let regular = format!("{name}{SIDECAR_SUFFIX}");
    let alt_prefix = format!("{name}.taliq.");
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            let is_alt = n
                .strip_prefix(&alt_prefix)
                .and_then(|rest| rest.strip_suffix(".json"))
                .is_some_and(|num| num.chars().all(|c| c.is_ascii_digit()) && !num.is_empty());
            let is_backup = n.starts_with(&regular) && n.len() > regular.len() && is_bak(&n);
            (n == regular || is_alt || is_backup).then(|| {
                let t = e
                    .metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                (t, e.path())
            })
        })
        .collect();
    found.sort_by_key(|(t, _)| std::cmp::Reverse(*t));
    found.into_iter().map(|(_, p)| p).collect()
}

fn is_bak(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("bak"))
}

/// The newest saved-work file for `article` written for the text with hash `sha256`, with
/// its contents: where reopened work comes from, even when it sits in an alternative or
/// backup file. Unreadable candidates are skipped.
#[must_use]
pub fn find_saved_work(article: &Path, sha256: &str) -> Option<(PathBuf, ExportFile)> {
    sidecar_candidates(article)
        .into_iter()
        .find_map(|p| match read_sidecar(&p) {
            Ok(Some(f)) if f.document.sha256 == sha256 => Some((p, f)),
            _ => None,
        })
}

/// The other saved-work files of `article` (sidecar or alternatives, not backups) written
/// for the same text (hash `sha256`) as `chosen`, whose annotations say something else:
/// work of a second window on the same article, which reopening does not merge. The
/// caller names them so that no decision is left behind unseen.
#[must_use]
pub fn other_saved_work(article: &Path, sha256: &str, chosen: &ExportFile) -> Vec<PathBuf> {
    let ours = crate::workspace::export_log::records_fingerprint(&chosen.annotations);
    work_files(article)
        .filter(|(_, f)| {
            f.document.sha256 == sha256
                && crate::workspace::export_log::records_fingerprint(&f.annotations) != ours
        })
        .map(|(p, _)| p)
        .collect()
}

/// The readable work files of `article` (sidecar and alternatives, not backups), newest
/// first, with their contents; unreadable ones are skipped.
pub fn work_files(article: &Path) -> impl Iterator<Item = (PathBuf, ExportFile)> {
    sidecar_candidates(article)
        .into_iter()
        .filter(|p| !is_backup(p))
        .filter_map(|p| match read_sidecar(&p) {
            Ok(Some(f)) => Some((p, f)),
            _ => None,
        })
}

/// True when `path` is a backup of earlier work (`….bak`), kept when the text changed.
#[must_use]
pub fn is_backup(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| is_bak(&n.to_string_lossy()))
}

pub use crate::formats::taliq::content_fingerprint;

/// The fingerprint of the file at `path` now; `None` when it does not exist or cannot be read.
#[must_use]
pub fn file_fingerprint(path: &Path) -> Option<u64> {
    std::fs::read(path).ok().map(|b| content_fingerprint(&b))
}

/// The first free alternative sidecar path, used when the regular one is broken or
/// foreign: `article.txt.taliq.2.json`, `…3.json`, ….
#[must_use]
pub fn alternative_sidecar_path(article: &Path) -> PathBuf {
    let base = article
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    (2..10_000)
        .map(|n| article.with_file_name(format!("{base}.taliq.{n}.json")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| sidecar_path(article))
}

#[cfg(test)]
mod tests {
    /// Found by a tester: sidecars, the lexicon and exports were written owner-only (the
    /// temporary file's 0600), though the lexicon is meant to be shared.
    #[cfg(unix)]
    #[test]
    fn an_atomic_write_keeps_the_files_permissions_and_gives_a_new_file_the_usual_ones() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("new.json");
        write_atomic(&new, b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&new), 0o644);
        std::fs::set_permissions(&new, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&new, b"y").unwrap();
        assert_eq!(mode(&new), 0o640);
        assert_eq!(std::fs::read(&new).unwrap(), b"y");
    }

    use super::*;
    use crate::model::annotation::{Annotation, Origin, Status};
    use crate::model::document::Document;
    use crate::model::label::Label;
    use crate::model::span::Span;

    fn file_with(ids: &[u64]) -> ExportFile {
        let d = Document::from_text("بوتين وترامب", "a.txt", "UTF-8");
        let anns: Vec<Annotation> = ids
            .iter()
            .map(|&id| Annotation {
                id,
                span: Span::new(&d, 0, 5).unwrap(),
                label: Label::Person,
                origin: Origin::Extracted,
                status: Status::Pending,
                note: String::new(),
                canonical: "بوتين".into(),
                facts: crate::model::annotation::Facts::default(),
            })
            .collect();
        ExportFile::new(&d, &anns)
    }

    #[test]
    fn save_refuses_to_drop_annotations_not_deleted_on_purpose() {
        let dir = tempfile::tempdir().unwrap();
        let path = sidecar_path(&dir.path().join("a.txt"));
        save_sidecar(&path, &file_with(&[1, 2, 3]), &HashSet::new()).unwrap();
        let err = save_sidecar(&path, &file_with(&[1]), &HashSet::from([2])).unwrap_err();
        assert!(matches!(err, StorageError::WouldShrink { missing: 1, .. }));
        save_sidecar(&path, &file_with(&[1]), &HashSet::from([2, 3])).unwrap();
        assert_eq!(read_sidecar(&path).unwrap().unwrap().annotations.len(), 1);
    }

    #[test]
    fn broken_sidecar_is_reported_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        let path = sidecar_path(&article);
        std::fs::write(&path, "{ not json").unwrap();
        assert!(matches!(
            read_sidecar(&path),
            Err(StorageError::Broken { .. })
        ));
        assert!(save_sidecar(&path, &file_with(&[1]), &HashSet::new()).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{ not json");
        assert!(alternative_sidecar_path(&article).ends_with("a.txt.taliq.2.json"));
    }

    #[test]
    fn saved_work_is_found_in_backups_and_alternatives_by_text_hash() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        let f = file_with(&[7]);
        let backup = dir.path().join("a.txt.taliq.json.12345678.bak");
        write_atomic(&backup, f.to_json().as_bytes()).unwrap();
        std::fs::write(sidecar_path(&article), "{ broken").unwrap();
        std::fs::write(dir.path().join("other.txt.taliq.json"), f.to_json()).unwrap();
        let (p, found) = find_saved_work(&article, &f.document.sha256).unwrap();
        assert_eq!(p, backup);
        assert_eq!(found.annotations[0].id, 7);
        assert!(find_saved_work(&article, "0000").is_none());
        assert_eq!(sidecar_candidates(&article).len(), 2);
    }

    #[test]
    fn a_sidecar_that_is_not_utf8_is_broken_not_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.taliq.json");
        std::fs::write(&path, b"\xff\xfe{").unwrap();
        assert!(matches!(
            read_sidecar(&path),
            Err(StorageError::Broken { .. })
        ));
    }

    #[test]
    fn missing_sidecar_reads_as_none_and_atomic_write_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.taliq.json");
        assert!(read_sidecar(&path).unwrap().is_none());
        write_atomic(&path, b"{}").unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    /// A sidecar the tester found cut short (inside an annotation): its complete
    /// annotations are read back, the file is not changed.
    #[test]
    fn a_truncated_sidecar_salvages_its_complete_annotations() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt.taliq.json");
        let bytes = include_bytes!("../../../../tests/data/reanchor/truncated-sidecar.json");
        std::fs::write(&path, bytes).unwrap();
        assert!(matches!(
            read_sidecar(&path),
            Err(StorageError::Broken { .. })
        ));
        let f = salvage_sidecar(&path).unwrap();
        assert_eq!(f.annotations.len(), 28, "the 29th is cut inside its text");
        let chars: Vec<char> = f.document.text.chars().collect();
        for a in &f.annotations {
            assert_eq!(chars[a.start..a.end].iter().collect::<String>(), a.text);
        }
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }
}
