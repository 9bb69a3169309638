//! A loaded article: its text exactly as read (BOM removed, nothing else changed), and the
//! indexes that map between Unicode scalar value offsets, UTF-8 byte offsets and grapheme
//! cluster boundaries.

use std::path::Path;

use sha2::{Digest, Sha256};
use thiserror::Error;
use unicode_segmentation::UnicodeSegmentation;

/// Files larger than this are refused (bytes). Arabic news articles are a few tens of kB;
/// 50 MB leaves room for whole archives without letting a stray video file freeze the UI.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Why a file could not be opened as an article. Each message is written for the user.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be read (missing, permissions, a directory …).
    #[error("cannot read {path}: {reason}")]
    Io {
        /// The path as given.
        path: String,
        /// The operating system's error.
        reason: std::io::Error,
    },
    /// The file has no text at all.
    #[error("{path} is empty: there is no text to annotate")]
    Empty {
        /// The path as given.
        path: String,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{path} is {size} bytes, larger than the {limit} byte limit for an article")]
    TooLarge {
        /// The path as given.
        path: String,
        /// The file size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The bytes look like a binary format (PDF, image, archive …), not text.
    #[error("{path} is not a text file (it looks like {kind}); open a plain-text article")]
    Binary {
        /// The path as given.
        path: String,
        /// What the magic bytes suggest, e.g. "a PDF document".
        kind: &'static str,
    },
    /// The bytes are not valid UTF-8 (other encodings are not supported yet).
    #[error(
        "{path} is not valid UTF-8 (first invalid byte at offset {byte_offset}); save it as UTF-8 and open it again"
    )]
    NotUtf8 {
        /// The path as given.
        path: String,
        /// Byte offset of the first invalid sequence.
        byte_offset: usize,
    },
}

/// An article's text and its offset indexes.
///
/// Offsets everywhere in Taliq are Unicode scalar values (`char`s) unless a name says
/// `byte`. The text is kept exactly as loaded, minus a leading BOM (guidelines, "Offsets").
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    source_name: String,
    encoding: String,
    sha256: String,
    /// `char_to_byte[i]` is the byte offset of char `i`; one extra entry holds `text.len()`.
    char_to_byte: Vec<u32>,
    /// `grapheme_start[i]` is true when char offset `i` begins an extended grapheme cluster
    /// (UAX #29); one extra entry (true) for the end of the text.
    grapheme_start: Vec<bool>,
}

impl Document {
    /// Makes a document from text already decoded. `source_name` is the file name shown to
    /// the user and exported; `encoding` the name of the encoding it was decoded from.
    /// A leading U+FEFF (BOM) is removed.
    #[must_use]
    pub fn from_text(text: &str, source_name: &str, encoding: &str) -> Document {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).to_owned();
        let sha256 = hex(&Sha256::digest(text.as_bytes()));
        let mut char_to_byte = Vec::with_capacity(text.len() / 2 + 1);
        for (b, _) in text.char_indices() {
            char_to_byte.push(b as u32);
        }
        char_to_byte.push(text.len() as u32);
        let mut grapheme_start = vec![false; char_to_byte.len()];
        let mut ci = 0usize;
        for g in text.graphemes(true) {
            grapheme_start[ci] = true;
            ci += g.chars().count();
        }
        grapheme_start[ci] = true;
        Document {
            text,
            source_name: source_name.to_owned(),
            encoding: encoding.to_owned(),
            sha256,
            char_to_byte,
            grapheme_start,
        }
    }

    /// Reads a UTF-8 article from `path` (BOM optional).
    ///
    /// # Errors
    /// [`LoadError`] for unreadable, empty, oversized, binary or non-UTF-8 files; the
    /// message names the file and says what to do.
    pub fn load(path: &Path) -> Result<Document, LoadError> {
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
        Document::from_bytes(&bytes, &name).map_err(|e| e.with_path(&shown))
    }

    /// Decodes file bytes as a UTF-8 article. Errors carry `name` as their path.
    ///
    /// # Errors
    /// [`LoadError::Empty`], [`LoadError::Binary`] or [`LoadError::NotUtf8`].
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Document, LoadError> {
        if let Some(kind) = binary_kind(bytes) {
            return Err(LoadError::Binary {
                path: name.to_owned(),
                kind,
            });
        }
        let (body, encoding) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) => (rest, "UTF-8 (BOM)"),
            None => (bytes, "UTF-8"),
        };
        let text = std::str::from_utf8(body).map_err(|e| LoadError::NotUtf8 {
            path: name.to_owned(),
            byte_offset: e.valid_up_to() + (bytes.len() - body.len()),
        })?;
        if text.trim().is_empty() {
            return Err(LoadError::Empty {
                path: name.to_owned(),
            });
        }
        Ok(Document::from_text(text, name, encoding))
    }

    /// The text, exactly as loaded minus the BOM.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The file name the text came from (no directory).
    #[must_use]
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    /// The name of the encoding the text was decoded from, e.g. `"UTF-8"`.
    #[must_use]
    pub fn encoding(&self) -> &str {
        &self.encoding
    }

    /// Lowercase hex SHA-256 of the text's UTF-8 bytes (after BOM removal).
    #[must_use]
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// Length of the text in Unicode scalar values.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.char_to_byte.len() - 1
    }

    /// Byte offset of char offset `char_offset`; `None` past the end.
    #[must_use]
    pub fn byte_offset(&self, char_offset: usize) -> Option<usize> {
        self.char_to_byte.get(char_offset).map(|&b| b as usize)
    }

    /// Char offset of byte offset `byte_offset`, which must be on a char boundary.
    #[must_use]
    pub fn char_offset(&self, byte_offset: usize) -> Option<usize> {
        self.char_to_byte.binary_search(&(byte_offset as u32)).ok()
    }

    /// True when `char_offset` is a grapheme cluster boundary (0 and the end included).
    #[must_use]
    pub fn is_grapheme_boundary(&self, char_offset: usize) -> bool {
        self.grapheme_start
            .get(char_offset)
            .copied()
            .unwrap_or(false)
    }

    /// The nearest grapheme boundary at or before `char_offset` (clamped to the text).
    #[must_use]
    pub fn grapheme_floor(&self, char_offset: usize) -> usize {
        let mut i = char_offset.min(self.char_len());
        while !self.grapheme_start[i] {
            i -= 1;
        }
        i
    }

    /// The nearest grapheme boundary at or after `char_offset` (clamped to the text).
    #[must_use]
    pub fn grapheme_ceil(&self, char_offset: usize) -> usize {
        let mut i = char_offset.min(self.char_len());
        while !self.grapheme_start[i] {
            i += 1;
        }
        i
    }

    /// The text between two char offsets; empty when the range is out of bounds.
    #[must_use]
    pub fn slice(&self, start: usize, end: usize) -> &str {
        match (self.byte_offset(start), self.byte_offset(end)) {
            (Some(a), Some(b)) if a <= b => &self.text[a..b],
            _ => "",
        }
    }
}

impl LoadError {
    fn with_path(self, path: &str) -> LoadError {
        let path = path.to_owned();
        match self {
            LoadError::Empty { .. } => LoadError::Empty { path },
            LoadError::Binary { kind, .. } => LoadError::Binary { path, kind },
            LoadError::NotUtf8 { byte_offset, .. } => LoadError::NotUtf8 { path, byte_offset },
            other => other,
        }
    }
}

/// Recognises common binary formats by their magic bytes, and anything with NUL bytes in
/// its first 8 kB (which no UTF-8 text article has).
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 9] = [
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive or office document"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\x7FELF", "a program"),
        (b"MZ", "a Windows program"),
        (b"RIFF", "a media file"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let utf16_bom = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    if !utf16_bom && head.contains(&0) {
        return Some("binary data");
    }
    None
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_removed_and_offsets_count_chars() {
        let d = Document::from_bytes("\u{feff}بوتين G7".as_bytes(), "a.txt").unwrap();
        assert_eq!(d.text(), "بوتين G7");
        assert_eq!(d.char_len(), 8);
        assert_eq!(d.slice(0, 5), "بوتين");
        assert_eq!(d.slice(6, 8), "G7");
        assert_eq!(d.encoding(), "UTF-8 (BOM)");
    }

    #[test]
    fn harakat_and_shadda_stay_in_their_cluster() {
        // شدّد: shin, dal, shadda, dal
        let d = Document::from_text("شدّد", "x", "UTF-8");
        assert!(d.is_grapheme_boundary(1));
        assert!(!d.is_grapheme_boundary(2)); // between dal and its shadda
        assert_eq!(d.grapheme_floor(2), 1);
        assert_eq!(d.grapheme_ceil(2), 3);
    }

    #[test]
    fn binary_empty_and_invalid_files_are_refused_with_reasons() {
        assert!(matches!(
            Document::from_bytes(b"%PDF-1.7 ...", "a.pdf"),
            Err(LoadError::Binary { .. })
        ));
        assert!(matches!(
            Document::from_bytes(b"  \n", "e.txt"),
            Err(LoadError::Empty { .. })
        ));
        let err = Document::from_bytes(b"abc\xE1\xff", "w.txt").unwrap_err();
        assert!(err.to_string().contains("offset 3"), "{err}");
    }

    #[test]
    fn sha256_is_of_the_text_without_bom() {
        let a = Document::from_text("\u{feff}نص", "a", "UTF-8");
        let b = Document::from_text("نص", "b", "UTF-8");
        assert_eq!(a.sha256(), b.sha256());
        assert_eq!(a.sha256().len(), 64);
    }
}
