//! Saved web pages: the charset of the page, then the main article text without
//! navigation, sidebars or footers, found by dom_smoothie (a Rust port of Mozilla's
//! Readability, MIT licence). Entities are decoded by the HTML parser; the title is kept
//! as the first paragraph. Offsets of annotations refer to this extracted text, which the
//! export carries in `document.text`.

use thiserror::Error;

/// Why no article text could be taken from a page.
#[derive(Debug, Error)]
pub enum HtmlError {
    /// The readability algorithm failed on the page.
    #[error("no article text could be found in this web page ({0})")]
    Readability(String),
    /// The page has no text in its main content.
    #[error("the web page has no article text")]
    Empty,
}

/// True when the bytes are an HTML document: the file name ends in `.html`/`.htm`, or the
/// text starts (after a BOM and white space) with `<!DOCTYPE html` or `<html`.
#[must_use]
pub fn looks_like_html(bytes: &[u8], name: &str) -> bool {
    let ext = std::path::Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if matches!(ext.as_deref(), Some("html" | "htm" | "xhtml")) {
        return true;
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let head: Vec<u8> = body[start..body.len().min(start + 15)].to_ascii_lowercase();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// The encoding a page declares in its first 2 kB: `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
#[must_use]
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"charset=") {
        let at = from + i + b"charset=".len();
        let value: Vec<u8> = lower[at..]
            .iter()
            .copied()
            .skip_while(|b| *b == b'"' || *b == b'\'' || b.is_ascii_whitespace())
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
            .collect();
        if let Some(enc) = encoding_rs::Encoding::for_label(&value) {
            return Some(enc);
        }
        from = at;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The main article of a page: its title, then its paragraphs, separated by blank lines.
///
/// # Errors
/// [`HtmlError`] when no article text can be found.
pub fn article_text(html: &str) -> Result<String, HtmlError> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut readability = dom_smoothie::Readability::new(html, None, Some(cfg))
        .map_err(|e| HtmlError::Readability(e.to_string()))?;
    let article = readability
        .parse()
        .map_err(|e| HtmlError::Readability(e.to_string()))?;
    let mut paragraphs: Vec<String> = Vec::new();
    let title = article.title.trim();
    if !title.is_empty() {
        paragraphs.push(title.to_owned());
    }
    let body = article.text_content.to_string();
    for p in body.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
        // readability often repeats the title as the first heading
        if paragraphs.len() == 1 && p == title {
            continue;
        }
        paragraphs.push(p.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    if paragraphs.len() <= usize::from(!title.is_empty()) {
        return Err(HtmlError::Empty);
    }
    Ok(paragraphs.join("\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_comes_from_the_meta_tag() {
        let page = br#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head>"#;
        assert_eq!(declared_charset(page), Some(encoding_rs::WINDOWS_1256));
        assert_eq!(
            declared_charset(b"<meta charset='utf-8'>"),
            Some(encoding_rs::UTF_8)
        );
        assert_eq!(declared_charset(b"<p>no charset</p>"), None);
    }

    #[test]
    fn the_article_is_kept_and_the_chrome_dropped() {
        let page = r#"<!DOCTYPE html><html><head><title>بوتين وترامب يبحثان مكافحة كورونا</title></head>
<body><nav><a href="/">الرئيسية</a> | <a href="/world">العالم</a></nav>
<article><h1>بوتين وترامب يبحثان مكافحة كورونا</h1>
<p>بحث الرئيس الروسي فلاديمير بوتين، ونظيره الأميركي دونالد ترامب، مكافحة فيروس كورونا والتعاون في الفضاء وعقد القمة المرتقبة، إضافة إلى أسعار النفط والحوار الاستراتيجي.</p>
<p>وأفاد الكرملين بأن بوتين وترامب أجريا، اليوم الاثنين، اتصالاً هاتفياً بمبادرة من الجانب الأميركي &amp; بحثا التعاون.</p></article>
<footer>جميع الحقوق محفوظة &copy; 2020</footer></body></html>"#;
        assert!(looks_like_html(page.as_bytes(), "page.txt"));
        let text = article_text(page).unwrap();
        assert!(
            text.starts_with("بوتين وترامب يبحثان مكافحة كورونا\n\nبحث الرئيس"),
            "{text}"
        );
        assert!(text.contains("الأميركي & بحثا"), "entities decoded: {text}");
        assert!(
            !text.contains("الرئيسية") && !text.contains("محفوظة"),
            "{text}"
        );
    }
}
