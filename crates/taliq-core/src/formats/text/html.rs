//! Saved web pages: the charset of the page, then the main article text without
//! navigation, sidebars or footers, found by dom_smoothie (a Rust port of Mozilla's
//! Readability, MIT licence). Entities are decoded by the HTML parser.
//!
//! The extracted text is the headline (the article's `<h1>`, or the `<title>` without the
//! site name when there is no `<h1>`; a junk title such as `windows-1256` or a file name
//! is left out: see [`headline`]), then the paragraphs, separated by blank lines; a `<br>`
//! is a single line break inside its paragraph. Offsets of annotations refer to this
//! extracted text, which the export carries in `document.text`. Earlier versions put the
//! `<title>` first, site name and all, and started a paragraph at each `<br>`: a sidecar
//! written then for a page whose text now comes out differently no longer matches its
//! text, and its annotations are carried over on opening as for a changed article
//! ([`crate::workspace::reanchor`]).

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

/// The main article of a page: its headline (see [`headline`]), then its paragraphs,
/// separated by blank lines (`"\n\n"`). A `<br>` inside a paragraph (and a list item or
/// table row inside a block) is a single `"\n"`, a line break within the paragraph.
/// White space inside a line is collapsed to single spaces.
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
    // read before `parse`, which strips the page down to the article
    let head = page_headline(&readability);
    let raw_title = normalize_line(&readability.doc.select_single("title").text());
    let article = readability
        .parse()
        .map_err(|e| HtmlError::Readability(e.to_string()))?;
    let mut paragraphs: Vec<String> = Vec::new();
    if let Some(h) = &head {
        paragraphs.push(h.clone());
    }
    let body = article.text_content.to_string();
    let mut seen = 0;
    for block in body.split("\n\n") {
        let lines: Vec<String> = block
            .split('\n')
            .map(normalize_line)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        let p = lines.join("\n");
        seen += 1;
        // readability often keeps the headline (or the whole <title>) as the first
        // heading of the article: it is not said twice
        if seen <= 2 && (head.as_ref() == Some(&p) || p == raw_title) {
            continue;
        }
        paragraphs.push(p);
    }
    if paragraphs.len() <= usize::from(head.is_some()) {
        return Err(HtmlError::Empty);
    }
    Ok(paragraphs.join("\n\n"))
}

/// One line of text with its white space collapsed to single spaces and trimmed.
fn normalize_line(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The headline of a page, by these rules, in order:
///
/// 1. the first `<h1>` inside the page's `<article>` or `<main>`;
/// 2. else the first `<h1>` whose text is part of the `<title>`;
/// 3. else the first `<h1>` outside the page's `<header>`, `<nav>`, `<aside>` and
///    `<footer>` (a site's logo is often an `<h1>` in its header);
/// 4. else the `<title>` with the site name stripped (see [`strip_site_name`]).
///
/// An empty or junk candidate (see [`is_junk_title`]) is skipped. `None` when nothing is
/// left: the article text then starts with its first paragraph. White space is collapsed.
#[must_use]
pub fn headline(html: &str) -> Option<String> {
    page_headline(&dom_smoothie::Readability::from(html))
}

fn page_headline(page: &dom_smoothie::Readability) -> Option<String> {
    let doc = &page.doc;
    let title = normalize_line(&doc.select_single("title").text());
    let site = normalize_line(
        &doc.select_single(r#"meta[property="og:site_name"]"#)
            .attr("content")
            .unwrap_or_default(),
    );
    let h1s: Vec<(String, bool, bool)> = doc
        .select("h1")
        .nodes()
        .iter()
        .map(|h| {
            (
                normalize_line(&h.text()),
                h.is("article h1, main h1, [role=main] h1"),
                h.is("header h1, nav h1, aside h1, footer h1"),
            )
        })
        .filter(|(text, _, _)| !is_junk_title(text, &site))
        .collect();
    let in_article = h1s.iter().find(|(_, article, _)| *article);
    let headline_part = strip_site_name(&title, &site);
    let in_title = || {
        h1s.iter()
            .find(|(text, _, _)| headline_part.contains(text.as_str()))
    };
    let outside_chrome = || h1s.iter().find(|(_, _, chrome)| !chrome);
    if let Some((text, _, _)) = in_article.or_else(in_title).or_else(outside_chrome) {
        return Some(text.clone());
    }
    (!is_junk_title(headline_part, &site)).then(|| headline_part.to_owned())
}

/// Separators between a page title's headline and its site (or section) name. `-` is
/// also a hyphen inside headlines («بوتين - ترامب»), so at most one part is cut at it.
const STRONG_SEPARATORS: [&str; 7] = ["|", "–", "—", "::", "»", "«", "•"];

/// A page title without its site name: «بوتين يزور الصين | الجزيرة نت» and «بوتين يزور
/// الصين - BBC News عربي» give «بوتين يزور الصين».
///
/// When the page names its site (`<meta property="og:site_name">`, passed as `site`), a
/// first or last part equal to it is dropped. Otherwise a last part of at most four words,
/// shorter than what is before it, is dropped; at `|`, `–`, `—`, `::`, `»`, `«`, `•` this
/// repeats (a section name before the site's), at ` - ` it happens once. A first part of
/// at most four words followed by `|` («عاجل | …») is dropped too when the rest is longer.
/// Parts are separated by one of those separators with white space on both sides.
#[must_use]
pub fn strip_site_name<'a>(title: &'a str, site: &str) -> &'a str {
    let mut parts = title_parts(title);
    if parts.len() < 2 {
        return title.trim();
    }
    let words = |p: &(usize, usize, &str)| title[p.0..p.1].split_whitespace().count();
    let text = |p: &(usize, usize, &str)| normalize_line(&title[p.0..p.1]);
    if site.is_empty() {
        while parts.len() > 1 {
            let last = parts[parts.len() - 1];
            let before: usize = parts[..parts.len() - 1].iter().map(words).sum();
            if words(&last) > 4 || before <= words(&last) {
                break;
            }
            parts.pop();
            if last.2 == "-" {
                break;
            }
        }
        if parts.len() > 1 && parts[1].2 == "|" {
            let rest: usize = parts[1..].iter().map(words).sum();
            if words(&parts[0]) <= 4 && rest > words(&parts[0]) {
                parts.remove(0);
            }
        }
    } else {
        if parts.last().is_some_and(|p| text(p) == site) {
            parts.pop();
        }
        if parts.len() > 1 && text(&parts[0]) == site {
            parts.remove(0);
        }
    }
    match (parts.first(), parts.last()) {
        (Some(first), Some(last)) => title[first.0..last.1].trim(),
        _ => title.trim(),
    }
}

/// The parts of a title between separators, as (start, end, separator before the part)
/// byte ranges; the first part's separator is `""`.
fn title_parts(title: &str) -> Vec<(usize, usize, &'static str)> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut sep_before: &'static str = "";
    let mut i = 0;
    while i < title.len() {
        let rest = &title[i..];
        let spaced = |s: &str| {
            rest.starts_with(s)
                && title[..i].ends_with(char::is_whitespace)
                && title[i + s.len()..].starts_with(char::is_whitespace)
        };
        let hit = STRONG_SEPARATORS
            .iter()
            .chain(std::iter::once(&"-"))
            .find(|s| spaced(s) || (**s == "|" && rest.starts_with('|')));
        if let Some(sep) = hit {
            parts.push((start, i, sep_before));
            sep_before = sep;
            i += sep.len();
            start = i;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    parts.push((start, title.len(), sep_before));
    parts.retain(|p| !title[p.0..p.1].trim().is_empty());
    parts
}

/// True when a title or heading carries no headline: it is empty or has no letter; it is
/// the name of a character encoding (`windows-1256`, `utf-8`: editors put the charset
/// there); it is one token that looks like a file name, path or address
/// (`article_123.html`, `http://…`); it is only the site's name (`site`, from
/// `og:site_name`); or it is a placeholder (`Untitled`, `Document`, `بدون عنوان`, …).
#[must_use]
pub fn is_junk_title(title: &str, site: &str) -> bool {
    let t = title.trim();
    let lower = t.to_lowercase();
    let one_token = !t.contains(char::is_whitespace);
    !t.chars().any(char::is_alphabetic)
        || encoding_rs::Encoding::for_label(lower.as_bytes()).is_some()
        || (one_token && t.contains(['.', '/', '\\', '_', ':', '=']))
        || lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || (!site.is_empty() && normalize_line(t) == site)
        || [
            "untitled",
            "untitled document",
            "new document",
            "document",
            "new page",
            "index",
            "home",
            "بدون عنوان",
            "صفحة جديدة",
        ]
        .contains(&lower.as_str())
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

    /// Two paragraphs of a realistic report, long enough for readability to take them as
    /// the article.
    const BODY: &str = "<p>وصل الرئيس الروسي فلاديمير بوتين إلى العاصمة الصينية بكين صباح اليوم الثلاثاء في زيارة رسمية تستمر يومين، يلتقي خلالها نظيره الصيني شي جين بينغ لبحث العلاقات الثنائية والتعاون الاقتصادي بين البلدين.</p>
<p>وقال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين إن الزعيمين سيوقعان عددا من الاتفاقيات في مجالات الطاقة والتجارة والنقل، مضيفا أن المحادثات ستتناول أيضا الأوضاع الدولية والإقليمية.</p>";

    fn page(head: &str, body: &str) -> String {
        format!(
            r#"<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">{head}</head>
<body><header><a href="/"><h1 class="logo">الجزيرة</h1></a><nav><a href="/">الرئيسية</a> | <a href="/news">أخبار</a></nav></header>
{body}
<footer>جميع الحقوق محفوظة © 2024</footer></body></html>"#
        )
    }

    #[test]
    fn the_headline_is_the_articles_h1_not_the_title_with_the_site_name() {
        let html = page(
            "<title>بوتين يصل إلى بكين في زيارة رسمية | الجزيرة نت</title>",
            &format!(
                "<main><article><header><h1>بوتين يصل إلى بكين في زيارة رسمية تستمر يومين</h1></header>{BODY}</article></main>"
            ),
        );
        let text = article_text(&html).unwrap();
        assert!(
            text.starts_with("بوتين يصل إلى بكين في زيارة رسمية تستمر يومين\n\nوصل الرئيس"),
            "{text}"
        );
        assert!(!text.contains("الجزيرة"), "no site name, no logo: {text}");
        assert_eq!(text.matches("بوتين يصل").count(), 1, "said once: {text}");
    }

    #[test]
    fn without_an_h1_the_headline_is_the_title_without_the_site_name() {
        for (title, headline) in [
            (
                "الكرملين: بوتين يصل إلى بكين في زيارة رسمية - BBC News عربي",
                "الكرملين: بوتين يصل إلى بكين في زيارة رسمية",
            ),
            // short: readability alone keeps such a title whole
            ("بوتين في بكين | الجزيرة نت", "بوتين في بكين"),
        ] {
            let html = page(
                &format!("<title>{title}</title>"),
                &format!("<div class=\"story\">{BODY}</div>"),
            )
            .replace("<h1 class=\"logo\">الجزيرة</h1>", "<img alt=\"\">");
            let text = article_text(&html).unwrap();
            assert!(
                text.starts_with(&format!("{headline}\n\nوصل الرئيس")),
                "{text}"
            );
            assert!(!text.contains("BBC") && !text.contains("الجزيرة"), "{text}");
        }
    }

    #[test]
    fn a_junk_title_is_not_put_into_the_text() {
        for junk in [
            "windows-1256",
            "news_2020_06_01.htm",
            "Untitled",
            "https://example.com/a?id=3",
        ] {
            let html = page(
                &format!("<title>{junk}</title>"),
                &format!("<article>{BODY}</article>"),
            )
            .replace("<h1 class=\"logo\">الجزيرة</h1>", "");
            let text = article_text(&html).unwrap();
            assert!(text.starts_with("وصل الرئيس الروسي"), "{junk}: {text}");
            assert!(!text.contains(junk), "{junk}: {text}");
        }
    }

    #[test]
    fn a_br_is_a_line_break_not_a_paragraph_break() {
        let html = page(
            "<title>بيان الكرملين</title>",
            &format!(
                "<article><h1>بيان الكرملين</h1>{BODY}<p>موسكو - الكرملين<br>الثلاثاء 14 أيار/ مايو 2024<br/>  الساعة 10:45</p></article>"
            ),
        );
        let text = article_text(&html).unwrap();
        assert!(
            text.ends_with(
                "النقل، مضيفا أن المحادثات ستتناول أيضا الأوضاع الدولية والإقليمية.\n\nموسكو - الكرملين\nالثلاثاء 14 أيار/ مايو 2024\nالساعة 10:45"
            ),
            "{text}"
        );
    }

    #[test]
    fn the_site_name_is_cut_from_either_end_of_a_title() {
        assert_eq!(
            strip_site_name("بوتين يصل إلى بكين | الجزيرة نت", ""),
            "بوتين يصل إلى بكين"
        );
        assert_eq!(
            strip_site_name("بوتين يصل إلى بكين - BBC News عربي", ""),
            "بوتين يصل إلى بكين"
        );
        assert_eq!(
            strip_site_name("بوتين يصل إلى بكين | سياسة | الجزيرة نت", ""),
            "بوتين يصل إلى بكين"
        );
        assert_eq!(
            strip_site_name("عاجل | بوتين يصل إلى بكين", ""),
            "بوتين يصل إلى بكين"
        );
        // a hyphen inside the headline stays
        assert_eq!(
            strip_site_name("قمة بوتين - ترامب في هلسنكي - RT Arabic", ""),
            "قمة بوتين - ترامب في هلسنكي"
        );
        assert_eq!(
            strip_site_name("اندبندنت عربية | بوتين يصل إلى بكين", "اندبندنت عربية"),
            "بوتين يصل إلى بكين"
        );
        assert_eq!(
            strip_site_name("بوتين يصل إلى بكين", ""),
            "بوتين يصل إلى بكين"
        );
        assert!(is_junk_title("windows-1256", ""));
        assert!(is_junk_title("index.html", ""));
        assert!(is_junk_title("الجزيرة نت", "الجزيرة نت"));
        assert!(!is_junk_title("بوتين يصل إلى بكين", ""));
    }
}
