//! The saved-web-page path: HTML sniffing, the declared charset, and the readability
//! extraction of the main article text (src/html.rs) on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use taliq_core::formats::text::html;

fuzz_target!(|data: &[u8]| {
    let _ = html::looks_like_html(data, "page");
    let _ = html::declared_charset(data);
    let page = String::from_utf8_lossy(data);
    if let Ok(text) = html::article_text(&page) {
        assert!(!text.trim().is_empty());
    }
});
