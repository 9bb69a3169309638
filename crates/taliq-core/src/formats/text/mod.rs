//! Article text from file bytes: the encoding detected (or chosen), a saved web page's
//! article ([`html`]), a Word document's paragraphs ([`docx`]). The document made keeps
//! the text exactly as decoded (BOM removed); see [`Document`].

pub mod docx;
pub mod html;

use thiserror::Error;

use crate::model::document::Document;

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
    /// A web page in which no article text was found.
    #[error("{path}: {reason}")]
    Html {
        /// The path as given.
        path: String,
        /// What went wrong.
        reason: html::HtmlError,
    },
    /// A Word document (`.docx`) whose text could not be read.
    #[error("{path}: {reason}")]
    Docx {
        /// The path as given.
        path: String,
        /// What went wrong.
        reason: docx::DocxError,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error(
        "{path} is {:.1} MB, larger than the {} MB limit for an article",
        *size as f64 / 1_048_576.0,
        limit / 1_048_576
    )]
    TooLarge {
        /// The path as given.
        path: String,
        /// The file size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The bytes look like a binary format (PDF, image, archive …), not text.
    #[error(
        "{path} is not a text file (it looks like {kind}); open a text, web page or Word (.docx) article"
    )]
    Binary {
        /// The path as given.
        path: String,
        /// What the magic bytes suggest, e.g. "a PDF document".
        kind: &'static str,
    },
}

impl Document {
    /// Decodes file bytes as an article, detecting the encoding: a byte order mark
    /// (UTF-8, UTF-16LE, UTF-16BE) first, then strict UTF-8, then a guess by chardetng
    /// (which covers Windows-1256 and ISO-8859-6). Invalid byte sequences become U+FFFD and
    /// are counted ([`Document::replacements`]). Line endings are kept as they are.
    /// Errors carry `name` as their path.
    ///
    /// # Errors
    /// [`LoadError::Empty`] or [`LoadError::Binary`].
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Document, LoadError> {
        Document::decode(bytes, name, None)
    }

    /// Decodes file bytes with a given encoding (the user's "reload as…" choice), or with
    /// detection when `forced` is `None` (see [`Document::from_bytes`]). A BOM, if present,
    /// is removed.
    ///
    /// A Word document (a ZIP package holding `word/document.xml`, whatever its name, or a
    /// file named `.docx`) gives the text of its paragraphs (see [`docx`]); its
    /// encoding is reported as `"DOCX"` and `forced` does not apply. Other ZIP files are
    /// refused as binary.
    ///
    /// # Errors
    /// [`LoadError::Empty`], [`LoadError::Binary`], [`LoadError::Html`] or
    /// [`LoadError::Docx`].
    pub fn decode(
        bytes: &[u8],
        name: &str,
        forced: Option<&'static encoding_rs::Encoding>,
    ) -> Result<Document, LoadError> {
        if let Some(text) = docx_text(bytes, name)? {
            if text.trim().is_empty() {
                return Err(LoadError::Empty {
                    path: name.to_owned(),
                });
            }
            return Ok(Document::from_text(&text, name, DOCX_FORMAT));
        }
        let bom = encoding_rs::Encoding::for_bom(bytes);
        if bom.is_none()
            && forced.is_none()
            && let Some(kind) = binary_kind(bytes)
        {
            return Err(LoadError::Binary {
                path: name.to_owned(),
                kind,
            });
        }
        let is_html = html::looks_like_html(bytes, name);
        let declared = if is_html && forced.is_none() && bom.is_none() {
            html::declared_charset(bytes)
        } else {
            None
        };
        // A page saved as UTF-8 often keeps the `<meta charset>` of the page it was saved
        // from: a declared legacy encoding loses to bytes that are well-formed UTF-8 with
        // letters beyond ASCII (legacy Arabic text is almost never that).
        let declared = declared.filter(|enc| {
            *enc == encoding_rs::UTF_8 || std::str::from_utf8(bytes).map_or(true, str::is_ascii)
        });
        let (encoding, body, mut label) = match (forced.or(declared), bom) {
            (Some(enc), Some((bom_enc, len))) if enc == bom_enc => {
                (enc, &bytes[len..], format!("{} (BOM)", enc.name()))
            }
            (Some(enc), _) => (enc, bytes, enc.name().to_owned()),
            (None, Some((enc, len))) => (enc, &bytes[len..], format!("{} (BOM)", enc.name())),
            (None, None) if std::str::from_utf8(bytes).is_ok() || mostly_utf8(bytes) => {
                (encoding_rs::UTF_8, bytes, "UTF-8".to_owned())
            }
            (None, None) => {
                let mut detector =
                    chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                detector.feed(bytes, true);
                let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
                (enc, bytes, enc.name().to_owned())
            }
        };
        let (text, _) = encoding.decode_without_bom_handling(body);
        let replacements = text.chars().filter(|&c| c == '\u{fffd}').count()
            - count_fffd_in_source(body, encoding);
        let text = if is_html {
            label.push_str(", HTML");
            std::borrow::Cow::Owned(html::article_text(&text).map_err(|reason| {
                LoadError::Html {
                    path: name.to_owned(),
                    reason,
                }
            })?)
        } else {
            text
        };
        if text.trim().is_empty() {
            return Err(LoadError::Empty {
                path: name.to_owned(),
            });
        }
        Ok(Document::from_text(&text, name, &label).with_replacements(replacements))
    }
}

impl LoadError {
    /// The same error naming `path` (the file as the user gave it) instead of the file name.
    pub(crate) fn with_path(self, path: &str) -> LoadError {
        let path = path.to_owned();
        match self {
            LoadError::Empty { .. } => LoadError::Empty { path },
            LoadError::Binary { kind, .. } => LoadError::Binary { path, kind },
            LoadError::Html { reason, .. } => LoadError::Html { path, reason },
            LoadError::Docx { reason, .. } => LoadError::Docx { path, reason },
            other => other,
        }
    }
}

/// Why the article file `name` of `size` bytes, whose bytes are `bytes` (the whole file
/// for a Word package, else at least its first 8 KiB), cannot be opened, when a quick
/// look shows it: empty, larger than [`MAX_FILE_BYTES`], a binary format, a `.docx` that
/// is no Word package. `None` does not promise that it opens (decoding may still fail).
#[must_use]
pub fn quick_check(bytes: &[u8], size: u64, name: &str) -> Option<LoadError> {
    let path = name.to_owned();
    if size == 0 {
        return Some(LoadError::Empty { path });
    }
    if size > MAX_FILE_BYTES {
        return Some(LoadError::TooLarge {
            path,
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let zip = bytes.starts_with(docx::ZIP_MAGIC);
    if docx::has_docx_extension(name) || zip {
        return docx_text_check(bytes, name).err();
    }
    if encoding_rs::Encoding::for_bom(bytes).is_none()
        && let Some(kind) = binary_kind(bytes)
    {
        return Some(LoadError::Binary { path, kind });
    }
    None
}

/// [`docx_text`] without unpacking the text: the package checked only.
fn docx_text_check(bytes: &[u8], name: &str) -> Result<(), LoadError> {
    let named = docx::has_docx_extension(name);
    let zip = bytes.starts_with(docx::ZIP_MAGIC);
    if !zip && let Some(kind) = binary_kind(bytes) {
        return Err(LoadError::Binary {
            path: name.to_owned(),
            kind,
        });
    }
    match docx::check_package(bytes) {
        Ok(()) => Ok(()),
        // another ZIP archive not named .docx: refused as binary when opened
        Err(docx::DocxError::NotZip(_) | docx::DocxError::NotWord) if !named => {
            Err(LoadError::Binary {
                path: name.to_owned(),
                kind: "a ZIP archive that is not a Word document",
            })
        }
        Err(reason) => Err(LoadError::Docx {
            path: name.to_owned(),
            reason,
        }),
    }
}

/// What [`Document::encoding`] says for text read from a Word document.
pub const DOCX_FORMAT: &str = "DOCX";

/// The text of `bytes` when they are a Word document; `Ok(None)` when they are not one
/// (a ZIP archive that is not named `.docx` and has no `word/document.xml` is left to the
/// binary check). A file named `.docx` that is an old binary Word file or an encrypted one
/// (both OLE compound files) is refused as binary with that reason.
fn docx_text(bytes: &[u8], name: &str) -> Result<Option<String>, LoadError> {
    let named = docx::has_docx_extension(name);
    let zip = bytes.starts_with(docx::ZIP_MAGIC);
    if !named && !zip {
        return Ok(None);
    }
    if !zip && let Some(kind) = binary_kind(bytes) {
        return Err(LoadError::Binary {
            path: name.to_owned(),
            kind,
        });
    }
    match docx::article_text(bytes) {
        Ok(text) => Ok(Some(text)),
        Err(docx::DocxError::NotZip(_) | docx::DocxError::NotWord) if !named => Ok(None),
        Err(reason) => Err(LoadError::Docx {
            path: name.to_owned(),
            reason,
        }),
    }
}

/// Recognises common binary formats by their magic bytes, and anything with NUL bytes in
/// its first 8 kB (which no UTF-8 text article has).
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 10] = [
        (b"%PDF", "a PDF document"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an old Word (.doc) or encrypted Office file; save it as .docx without a password",
        ),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive that is not a Word document"),
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

/// True when `bytes` are UTF-8 with a few damaged sequences: at least 4 well-formed
/// multi-byte characters, and at least 4 of them for each ill-formed sequence. Text in a
/// legacy single-byte encoding (Windows-1256, ISO-8859-6, Windows-1252) read as UTF-8 is
/// almost all ill-formed sequences, with well-formed ones only by accident, so it is left
/// to the detector; a UTF-8 article with a few broken bytes is decoded as UTF-8, the
/// broken bytes becoming U+FFFD (counted in [`Document::replacements`] and reported),
/// rather than turned whole into mojibake by a detector that only ever answers UTF-8 for
/// flawless input.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good >= 4 && good >= 4 * bad
}

/// U+FFFD characters already present in the source (encoded as such), which are text, not
/// decoding errors. Only UTF-8 and UTF-16 can encode U+FFFD.
fn count_fffd_in_source(body: &[u8], encoding: &'static encoding_rs::Encoding) -> usize {
    let pattern: &[u8] = if encoding == encoding_rs::UTF_8 {
        "\u{fffd}".as_bytes()
    } else if encoding == encoding_rs::UTF_16LE {
        &[0xFD, 0xFF]
    } else if encoding == encoding_rs::UTF_16BE {
        &[0xFF, 0xFD]
    } else {
        return 0;
    };
    let step = if pattern.len() == 2 { 2 } else { 1 };
    (0..body.len().saturating_sub(pattern.len() - 1))
        .step_by(step)
        .filter(|&i| body[i..].starts_with(pattern))
        .count()
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
        let d = Document::decode(b"abc\xE1\xff", "w.txt", Some(encoding_rs::UTF_8)).unwrap();
        assert_eq!(d.replacements(), 2);
        assert!(d.text().starts_with("abc"));
    }

    #[test]
    fn utf8_with_a_few_broken_bytes_stays_utf8_and_counts_them() {
        let article = include_str!("../../../../../seeds/putin-trump-call.ar.txt");
        let mut bytes = article.as_bytes().to_vec();
        // seven broken sequences: stray continuation bytes, a cut lead byte, 0xFF
        // (inserted from the end, so that the earlier offsets stay char boundaries)
        for (k, at) in [3500, 2800, 2100, 1500, 900, 400, 40]
            .into_iter()
            .enumerate()
        {
            let at = (at..article.len())
                .find(|&i| article.is_char_boundary(i))
                .unwrap();
            let bad: &[u8] = [&b"\x80"[..], b"\xC3", b"\xFF"][k % 3];
            bytes.splice(at..at, bad.iter().copied());
        }
        let d = Document::from_bytes(&bytes, "a.txt").unwrap();
        assert_eq!(d.encoding(), "UTF-8");
        assert_eq!(d.replacements(), 7);
        assert_eq!(d.text().replace('\u{fffd}', ""), article);
        // while a legacy single-byte file is still told apart
        if let Some(cp1256) = sample("putin-trump-call.cp1256.txt") {
            let d = Document::from_bytes(&cp1256, "b.txt").unwrap();
            assert_eq!(d.encoding(), "windows-1256");
        }
    }

    fn sample(name: &str) -> Option<Vec<u8>> {
        let p = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .join("../shared/corpus/encodings")
            .join(name);
        std::fs::read(p).ok()
    }

    #[test]
    fn every_sample_encoding_decodes_to_the_same_article() {
        let reference = include_str!("../../../../../seeds/putin-trump-call.ar.txt");
        let cases = [
            ("putin-trump-call.utf8-bom.txt", "UTF-8 (BOM)"),
            ("putin-trump-call.utf16le-bom-crlf.txt", "UTF-16LE (BOM)"),
            ("putin-trump-call.cp1256.txt", "windows-1256"),
            ("putin-trump-call.iso8859-6.txt", "ISO-8859-6"),
            ("putin-trump-call.mixed-eol.txt", "UTF-8"),
        ];
        for (file, encoding) in cases {
            let Some(bytes) = sample(file) else { continue };
            let d = Document::from_bytes(&bytes, file).unwrap();
            assert_eq!(d.encoding(), encoding, "{file}");
            assert_eq!(d.replacements(), 0, "{file}");
            // same words; line endings and the bullet (absent from ISO-8859-6) may differ
            let norm = |t: &str| t.replace("\r\n", "\n").replace('•', "*");
            assert_eq!(norm(d.text()), norm(reference), "{file}");
        }
    }

    #[test]
    fn bidi_overrides_and_isolates_are_found_but_marks_are_not() {
        let d = Document::from_text(
            "قال \u{202E}abc\u{202C} و\u{2067}x\u{2069} \u{200F}\u{200D}",
            "t",
            "UTF-8",
        );
        assert_eq!(d.bidi_controls(), vec![4, 8, 11, 13]);
    }

    #[test]
    fn a_page_saved_as_utf8_with_its_old_meta_charset_is_read_as_utf8() {
        let page = "<!DOCTYPE html><html><head><meta charset=\"windows-1256\"></head><body><article><h1>قمة العشرين</h1><p>قال الرئيس الروسي فلاديمير بوتين إن روسيا مستعدة للحوار مع الولايات المتحدة.</p></article></body></html>";
        let doc = Document::from_bytes(page.as_bytes(), "a.html").unwrap();
        assert!(doc.text().contains("فلاديمير بوتين"), "{}", doc.text());
        assert!(doc.encoding().starts_with("UTF-8"), "{}", doc.encoding());
    }

    #[test]
    fn a_saved_web_page_gives_its_article_in_the_declared_charset() {
        let Some(bytes) = sample("putin-trump-call.cp1256.html") else {
            return;
        };
        let d = Document::from_bytes(&bytes, "page.html").unwrap();
        assert_eq!(d.encoding(), "windows-1256, HTML");
        assert_eq!(d.replacements(), 0);
        let text = d.text();
        assert!(
            text.starts_with("بوتين وترامب يبحثان مكافحة كورونا"),
            "{}",
            &text[..200]
        );
        assert!(text.contains("وأفاد الكرملين بأن بوتين وترامب أجريا"));
        assert!(text.contains("إلى الولايات المتحدة الأميركية فيها إمدادات ومعدات طبية"));
        assert!(
            text.contains("\n\nوأفاد الكرملين"),
            "paragraphs are separated"
        );
    }

    fn fixture(name: &str) -> std::path::PathBuf {
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .join("tests/data")
            .join(name)
    }

    #[test]
    fn a_word_document_gives_its_paragraphs_with_split_words_whole() {
        let d = Document::load(&fixture("arabic-article.docx")).unwrap();
        let expected = std::fs::read_to_string(fixture("arabic-article.expected.txt")).unwrap();
        assert_eq!(d.text(), expected);
        assert_eq!(d.encoding(), DOCX_FORMAT);
        assert_eq!(d.source_name(), "arabic-article.docx");
        // "بوت" is bold and "ين،" is not: one word in the text, at a char offset
        let at = d.text()[..d.text().find("بوتين،").unwrap()].chars().count();
        assert_eq!(d.slice(at, at + 5), "بوتين");
        // a "Reload as" choice does not apply to a Word document
        let bytes = std::fs::read(fixture("arabic-article.docx")).unwrap();
        let forced = Document::decode(&bytes, "a.docx", Some(encoding_rs::WINDOWS_1256)).unwrap();
        assert_eq!(forced.sha256(), d.sha256());
        // the package is recognised by its contents, whatever its name
        let renamed = Document::from_bytes(&bytes, "article.bin").unwrap();
        assert_eq!(renamed.text(), expected);
    }

    #[test]
    fn damaged_or_foreign_word_files_are_refused_with_reasons() {
        let err = Document::load(&fixture("truncated.docx")).unwrap_err();
        assert!(
            matches!(
                &err,
                LoadError::Docx {
                    reason: crate::formats::text::docx::DocxError::NotZip(_),
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("truncated.docx"), "{err}");
        assert!(err.to_string().contains("cut short"), "{err}");
        let err = Document::load(&fixture("not-word.docx")).unwrap_err();
        assert!(
            matches!(
                &err,
                LoadError::Docx {
                    reason: crate::formats::text::docx::DocxError::NotWord,
                    ..
                }
            ),
            "{err}"
        );
        // a ZIP archive that is not a Word document and not named like one is binary
        let zip = std::fs::read(fixture("not-word.docx")).unwrap();
        assert!(matches!(
            Document::from_bytes(&zip, "photos.zip"),
            Err(LoadError::Binary { .. })
        ));
        // an old binary .doc (OLE compound file) renamed .docx
        let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest of an OLE file";
        let err = Document::from_bytes(ole, "old.docx").unwrap_err();
        assert!(err.to_string().contains(".doc"), "{err}");
        // a .docx holding plain text
        assert!(matches!(
            Document::from_bytes("نص عادي".as_bytes(), "renamed.docx"),
            Err(LoadError::Docx { .. })
        ));
    }

    #[test]
    fn corrupted_word_documents_never_panic() {
        let bytes = std::fs::read(fixture("arabic-article.docx")).unwrap();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            // xorshift64: a fixed pseudo-random sequence, the same on every run
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut refused = 0;
        for _ in 0..300 {
            let mut b = bytes.clone();
            for _ in 0..=next() % 8 {
                let at = (next() % b.len() as u64) as usize;
                b[at] = next() as u8;
            }
            let cut = b.len() - (next() % 64) as usize;
            if next() % 4 == 0 {
                b.truncate(cut);
            }
            refused += usize::from(Document::from_bytes(&b, "x.docx").is_err());
        }
        assert!(refused > 0);
    }

    #[test]
    fn crlf_is_kept_and_counted_in_offsets() {
        let d = Document::from_bytes("سطر\r\nثان\nثالث".as_bytes(), "e.txt").unwrap();
        assert_eq!(d.slice(3, 5), "\r\n");
        assert_eq!(d.slice(5, 8), "ثان");
    }

    #[test]
    fn sha256_is_of_the_text_without_bom() {
        let a = Document::from_text("\u{feff}نص", "a", "UTF-8");
        let b = Document::from_text("نص", "b", "UTF-8");
        assert_eq!(a.sha256(), b.sha256());
        assert_eq!(a.sha256().len(), 64);
    }
}
