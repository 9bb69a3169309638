//! Word documents (`.docx`, Office Open XML WordprocessingML, ECMA-376 Part 1 §17): the
//! text of the main document part `word/document.xml`, read with the `zip` crate (zip-rs)
//! and `quick-xml` (both MIT). Full docx object models (docx-rs) were not used: they parse
//! styles, numbering and images the annotator does not need, and are known to panic or hang
//! on files Word opens; this reader needs a dozen elements and never panics.
//!
//! The text is what a reader of the article sees, in reading order:
//!
//! - each paragraph (`w:p`) is one line; paragraphs are joined with `"\n"`;
//! - runs (`w:r`) are concatenated as they are, so a word split across runs (say half of it
//!   bold) comes out whole;
//! - `w:tab` and `w:ptab` in a run become `"\t"`; `w:br` (line, page or column break) and
//!   `w:cr` become `"\n"`; `w:noBreakHyphen` becomes U+2011;
//! - the cells of a table row are separated by `"\t"`, rows end with `"\n"`; a cell with
//!   several paragraphs keeps its `"\n"`s;
//! - tracked changes are read as if accepted: insertions (`w:ins`, `w:moveTo`) are kept,
//!   deletions (`w:del`, `w:delText`, `w:moveFrom`) dropped;
//! - field codes (`w:instrText`) are dropped, their displayed results kept;
//! - text boxes (`w:txbxContent`) come after the paragraph that anchors them; the legacy
//!   copy Word writes for older readers (`mc:Fallback`) is skipped, so nothing is doubled;
//! - headers, footers, footnotes and comments (other parts of the package) and list
//!   numbers (computed from `numbering.xml`) are not part of the text;
//! - trailing line and cell breaks at the end of the document are removed.
//!
//! Right-to-left runs (`w:rtl`, `w:bidi`) need nothing special: the bidi order is computed
//! when the text is displayed (UAX #9), and the text is stored in logical order.

use std::io::Read;

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use thiserror::Error;

/// The first bytes of a ZIP local file header, which start every `.docx` package.
pub const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// The main document part of a WordprocessingML package, where the body text is.
pub const MAIN_PART: &str = "word/document.xml";

/// Largest unpacked size of the main part (bytes). The XML of a Word file is roughly ten
/// times its text; 256 MiB covers a 25 MB article and stops a "zip bomb" from filling the
/// memory.
pub const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// WordprocessingML namespaces: transitional (what Word writes) and strict ISO 29500.
const W_NAMESPACES: [&[u8]; 2] = [
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
/// Markup compatibility (ECMA-376 Part 3), which wraps `mc:Choice` / `mc:Fallback`.
const MC_NAMESPACE: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Why no text could be read from a Word document. Each message is written for the user.
#[derive(Debug, Error)]
pub enum DocxError {
    /// The bytes are not a readable ZIP package (a `.docx` is one).
    #[error(
        "it cannot be read as a Word document, which is a ZIP package ({0}); the file may be damaged or cut short"
    )]
    NotZip(String),
    /// A ZIP package without `word/document.xml`: another kind of archive or office file.
    #[error("it is a ZIP package but not a Word document (no word/document.xml)")]
    NotWord,
    /// The main part is in the package but cannot be unpacked (damaged, encrypted …).
    #[error("the Word document is damaged: word/document.xml cannot be unpacked ({0})")]
    Damaged(String),
    /// The main part unpacks to more than [`MAX_PART_BYTES`].
    #[error("the Word document's text part unpacks to more than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// The main part is not well-formed XML (or not UTF-8/UTF-16).
    #[error("the Word document is damaged: its text is not well-formed XML ({0})")]
    Xml(String),
}

/// True when `name` ends in a Word OOXML extension: `.docx`, `.docm` (with macros, which
/// are never run), `.dotx`, `.dotm` (templates); case-insensitive.
#[must_use]
pub fn has_docx_extension(name: &str) -> bool {
    std::path::Path::new(name).extension().is_some_and(|e| {
        ["docx", "docm", "dotx", "dotm"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// The article text of a `.docx` package given as its bytes (see the module
/// documentation for what the text holds).
///
/// # Errors
/// [`DocxError::NotZip`] or [`DocxError::NotWord`] when the bytes are not a Word package,
/// [`DocxError::Damaged`], [`DocxError::TooLarge`] or [`DocxError::Xml`] when it is one
/// that cannot be read.
pub fn article_text(bytes: &[u8]) -> Result<String, DocxError> {
    let xml = main_part(bytes)?;
    document_text(&xml)
}

/// Checks that `bytes` are a Word package without unpacking its text: a readable ZIP
/// directory holding `word/document.xml`.
///
/// # Errors
/// [`DocxError::NotZip`] or [`DocxError::NotWord`].
pub fn check_package(bytes: &[u8]) -> Result<(), DocxError> {
    let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| DocxError::NotZip(e.to_string()))?;
    archive
        .index_for_name(MAIN_PART)
        .map(|_| ())
        .ok_or(DocxError::NotWord)
}

/// The unpacked main part (`word/document.xml`) as text.
fn main_part(bytes: &[u8]) -> Result<String, DocxError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| DocxError::NotZip(e.to_string()))?;
    if archive.index_for_name(MAIN_PART).is_none() {
        return Err(DocxError::NotWord);
    }
    let part = archive
        .by_name(MAIN_PART)
        .map_err(|e| DocxError::Damaged(e.to_string()))?;
    if part.size() > MAX_PART_BYTES {
        return Err(DocxError::TooLarge {
            limit: MAX_PART_BYTES,
        });
    }
    let mut raw = Vec::with_capacity(part.size() as usize);
    // the declared size may lie: never read more than the limit
    part.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut raw)
        .map_err(|e| DocxError::Damaged(e.to_string()))?;
    if raw.len() as u64 > MAX_PART_BYTES {
        return Err(DocxError::TooLarge {
            limit: MAX_PART_BYTES,
        });
    }
    // XML parts are UTF-8 or UTF-16 with a BOM (ECMA-376 Part 2 §8.1.2).
    let (encoding, body) = match encoding_rs::Encoding::for_bom(&raw) {
        Some((enc, len)) => (enc, &raw[len..]),
        None => (encoding_rs::UTF_8, &raw[..]),
    };
    encoding
        .decode_without_bom_handling_and_without_replacement(body)
        .map(std::borrow::Cow::into_owned)
        .ok_or_else(|| DocxError::Xml(format!("it is not valid {}", encoding.name())))
}

/// Elements whose place in the tree matters to the text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    Paragraph,
    Run,
    Text,
    Cell,
    Row,
    TextBox,
    Other,
}

/// Text being collected: the body, or a text box whose paragraphs are placed after the
/// paragraph that anchors it.
#[derive(Default)]
struct Buffer {
    text: String,
    /// Text boxes met inside the current paragraph, in order.
    after_paragraph: String,
}

/// The text of a WordprocessingML main part (`word/document.xml`), as described in the
/// module documentation.
///
/// # Errors
/// [`DocxError::Xml`] when the XML is not well-formed or ends before its root closes.
pub fn document_text(xml: &str) -> Result<String, DocxError> {
    let mut reader = NsReader::from_str(xml);
    let mut open: Vec<Tag> = Vec::new();
    // > 0 while inside an element whose content is not text (deletions, field codes …)
    let mut skip = 0usize;
    let mut body = Buffer::default();
    // text boxes being read, innermost last
    let mut boxes: Vec<Buffer> = Vec::new();
    let xml_error =
        |e: &dyn std::fmt::Display, at: u64| DocxError::Xml(format!("{e} at byte {at}"));
    loop {
        let at = reader.buffer_position();
        let (ns, event) = reader
            .read_resolved_event()
            .map_err(|e| xml_error(&e, at))?;
        let is_w = matches!(&ns, ResolveResult::Bound(n) if W_NAMESPACES.contains(&n.0));
        let is_mc = matches!(&ns, ResolveResult::Bound(n) if n.0 == MC_NAMESPACE);
        let buf = boxes.last_mut().unwrap_or(&mut body);
        match event {
            Event::Start(e) => {
                let local = e.local_name();
                let name = local.as_ref();
                if skip > 0 || (is_w && skipped(name)) || (is_mc && name == b"Fallback") {
                    skip += 1;
                    continue;
                }
                let tag = match (is_w, name) {
                    (true, b"p") => Tag::Paragraph,
                    (true, b"r") => Tag::Run,
                    (true, b"t") => Tag::Text,
                    (true, b"tc") => Tag::Cell,
                    (true, b"tr") => Tag::Row,
                    (true, b"txbxContent") => Tag::TextBox,
                    _ => Tag::Other,
                };
                if tag == Tag::TextBox {
                    boxes.push(Buffer::default());
                }
                open.push(tag);
            }
            Event::Empty(e) => {
                let local = e.local_name();
                if skip > 0 || !is_w {
                    continue;
                }
                let in_run = open.last() == Some(&Tag::Run);
                match local.as_ref() {
                    b"p" => end_paragraph(buf),
                    b"tab" | b"ptab" if in_run => buf.text.push('\t'),
                    b"br" | b"cr" if in_run => buf.text.push('\n'),
                    b"noBreakHyphen" if in_run => buf.text.push('\u{2011}'),
                    _ => {}
                }
            }
            Event::End(_) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let Some(tag) = open.pop() else {
                    return Err(xml_error(&"a closing tag without an opening one", at));
                };
                match tag {
                    Tag::Cell => {
                        if buf.text.ends_with('\n') {
                            buf.text.pop();
                        }
                        buf.text.push('\t');
                    }
                    Tag::Row => {
                        if buf.text.ends_with('\t') {
                            buf.text.pop();
                        }
                        buf.text.push('\n');
                    }
                    Tag::TextBox => {
                        let mut inner = boxes.pop().unwrap_or_default();
                        end_paragraph_boxes(&mut inner);
                        let outer = boxes.last_mut().unwrap_or(&mut body);
                        outer.after_paragraph.push_str(&inner.text);
                    }
                    Tag::Paragraph => end_paragraph(buf),
                    _ => {}
                }
            }
            Event::Text(t) if skip == 0 && open.last() == Some(&Tag::Text) => {
                let s = t.xml10_content().map_err(|e| xml_error(&e, at))?;
                buf.text.push_str(&s);
            }
            Event::CData(t) if skip == 0 && open.last() == Some(&Tag::Text) => {
                let s = t.decode().map_err(|e| xml_error(&e, at))?;
                buf.text.push_str(&s);
            }
            Event::GeneralRef(r) if skip == 0 && open.last() == Some(&Tag::Text) => {
                if let Some(c) = r.resolve_char_ref().map_err(|e| xml_error(&e, at))? {
                    buf.text.push(c);
                } else {
                    let name = r.decode().map_err(|e| xml_error(&e, at))?;
                    if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
                        buf.text.push_str(s);
                    } else {
                        // OOXML forbids DTDs, so no other entity can be defined: keep the
                        // reference as written rather than lose it
                        buf.text.push('&');
                        buf.text.push_str(&name);
                        buf.text.push(';');
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !open.is_empty() || skip > 0 || !boxes.is_empty() {
        return Err(DocxError::Xml(
            "it ends before the document is closed (the file may be cut short)".into(),
        ));
    }
    end_paragraph_boxes(&mut body);
    let trimmed = body.text.trim_end_matches(['\n', '\t', '\r']).len();
    body.text.truncate(trimmed);
    Ok(body.text)
}

/// WordprocessingML elements whose content is not part of the text read: deleted text and
/// moved-from text of tracked changes, field instructions, and paragraph and run
/// properties (which hold tab stop definitions named `w:tab`, never text).
fn skipped(local: &[u8]) -> bool {
    matches!(
        local,
        b"del" | b"delText" | b"moveFrom" | b"instrText" | b"delInstrText" | b"pPr" | b"rPr"
    )
}

fn end_paragraph(buf: &mut Buffer) {
    buf.text.push('\n');
    end_paragraph_boxes(buf);
}

fn end_paragraph_boxes(buf: &mut Buffer) {
    if !buf.after_paragraph.is_empty() {
        let boxes = std::mem::take(&mut buf.after_paragraph);
        buf.text.push_str(&boxes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn body(inner: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{inner}<w:sectPr/></w:body></w:document>"#
        )
    }

    #[test]
    fn paragraphs_are_lines_and_a_word_split_across_runs_is_whole() {
        let xml = body(
            r#"<w:p><w:pPr><w:bidi/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
                 <w:r><w:rPr><w:b/><w:rtl/></w:rPr><w:t>بوت</w:t></w:r><w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">ين يلتقي</w:t></w:r></w:p>
               <w:p><w:r><w:t>سطر</w:t><w:br/><w:t>ثان</w:t><w:tab/><w:t>بعد جدولة</w:t></w:r></w:p>
               <w:p/>
               <w:p><w:r><w:t>أ &amp; ب &#x41;</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            document_text(&xml).unwrap(),
            "بوتين يلتقي\nسطر\nثان\tبعد جدولة\n\nأ & ب A"
        );
    }

    #[test]
    fn tracked_changes_read_as_accepted_and_field_codes_are_dropped() {
        let xml = body(
            r#"<w:p><w:r><w:t>قال </w:t></w:r>
                 <w:del w:id="1"><w:r><w:delText>الرئيس </w:delText></w:r></w:del>
                 <w:ins w:id="2"><w:r><w:t>الوزير </w:t></w:r></w:ins>
                 <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r>
                 <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:hyperlink><w:r><w:t>لافروف</w:t></w:r></w:hyperlink>
                 <w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
        );
        assert_eq!(document_text(&xml).unwrap(), "قال الوزير لافروف");
    }

    #[test]
    fn table_cells_are_tab_separated_and_rows_are_lines() {
        let xml = body(
            r"<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>المدينة</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>دمشق</w:t></w:r></w:p></w:tc></w:tr>
                     <w:tr><w:tc><w:p><w:r><w:t>السكان</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>٢</w:t></w:r></w:p><w:p><w:r><w:t>مليون</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
               <w:p><w:r><w:t>بعد الجدول</w:t></w:r></w:p>",
        );
        assert_eq!(
            document_text(&xml).unwrap(),
            "المدينة\tدمشق\nالسكان\t٢\nمليون\nبعد الجدول"
        );
    }

    #[test]
    fn a_text_box_follows_its_paragraph_once() {
        let xml = body(
            r#"<w:p><w:r><w:t>قبل</w:t></w:r><w:r><mc:AlternateContent>
                 <mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>في الإطار</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
                 <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>في الإطار</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>
               </mc:AlternateContent></w:r><w:r><w:t> بعد</w:t></w:r></w:p><w:p><w:r><w:t>تال</w:t></w:r></w:p>"#,
        );
        assert_eq!(document_text(&xml).unwrap(), "قبل بعد\nفي الإطار\nتال");
    }

    #[test]
    fn strict_ooxml_and_other_prefixes_are_read_by_namespace() {
        let xml = r#"<x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main" xmlns:a="urn:other"><x:body>
            <x:p><x:r><x:t>نص</x:t></x:r><a:t>ليس نصا</a:t></x:p></x:body></x:document>"#;
        assert_eq!(document_text(xml).unwrap(), "نص");
    }

    #[test]
    fn malformed_or_cut_xml_is_an_error_not_a_panic() {
        let xml = body("<w:p><w:r><w:t>نص</w:t></w:r></w:p>");
        for cut in [10, 80, 200, xml.len() - 5] {
            let mut end = cut.min(xml.len());
            while !xml.is_char_boundary(end) {
                end -= 1;
            }
            assert!(document_text(&xml[..end]).is_err(), "cut at {end}");
        }
        assert!(document_text("<w:p></w:r>").is_err());
        assert!(matches!(
            article_text(b"PK\x03\x04 not really"),
            Err(DocxError::NotZip(_))
        ));
        assert!(matches!(article_text(b""), Err(DocxError::NotZip(_))));
    }

    #[test]
    fn extensions() {
        assert!(has_docx_extension("خبر.DOCX"));
        assert!(has_docx_extension("a.docm"));
        assert!(!has_docx_extension("a.doc"));
        assert!(!has_docx_extension("docx"));
    }
}
