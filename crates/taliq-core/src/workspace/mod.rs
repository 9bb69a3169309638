//! The only layer that touches the file system: sidecars, journals and backups of an
//! article's work ([`storage`], [`journal`]), the folder of articles ([`corpus`]), the log
//! of exports ([`export_log`]) and the exports themselves ([`export`]), the project
//! lexicon file with its retried writes ([`lexicon`]), carrying work over to a changed
//! text ([`reanchor`]), converting annotation files between formats ([`convert`]), importing one into the
//! open article ([`import`]) or into the articles of a folder ([`folder_import`]) and the folder's label map file ([`labels`]).

pub mod convert;
pub mod corpus;
pub mod export;
pub mod export_log;
pub mod folder_import;
pub mod import;
pub mod journal;
pub mod labels;
pub mod lexicon;
pub mod notice;
pub mod open;
pub mod reanchor;
pub mod storage;

use std::path::Path;

use crate::formats::text::{LoadError, MAX_FILE_BYTES};
use crate::model::document::Document;

impl Document {
    /// Reads a UTF-8 article from `path` (BOM optional).
    ///
    /// # Errors
    /// [`LoadError`] for unreadable, empty, oversized, binary or non-UTF-8 files; the
    /// message names the file and says what to do.
    pub fn load(path: &Path) -> Result<Document, LoadError> {
        Document::load_as(path, None)
    }

    /// Reads an article from `path` decoded with `encoding` (the user's "reload as…"
    /// choice), or with detection when `None` (see [`Document::from_bytes`]).
    ///
    /// # Errors
    /// As [`Document::load`].
    pub fn load_as(
        path: &Path,
        encoding: Option<&'static encoding_rs::Encoding>,
    ) -> Result<Document, LoadError> {
        let shown = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|reason| LoadError::Io {
            path: shown.clone(),
            reason,
        })?;
        if meta.is_dir() {
            return Err(LoadError::Io {
                path: shown,
                reason: std::io::Error::other("it is a folder, not a file"),
            });
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(LoadError::TooLarge {
                path: shown,
                size: meta.len(),
                limit: MAX_FILE_BYTES,
            });
        }
        let bytes = std::fs::read(path).map_err(|reason| LoadError::Io {
            path: shown.clone(),
            reason,
        })?;
        let name = path
            .file_name()
            .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
        Document::decode(&bytes, &name, encoding).map_err(|e| e.with_path(&shown))
    }
}
