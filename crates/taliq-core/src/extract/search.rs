//! Find in article: every occurrence of a query, matched on the normalized forms of
//! [`crate::extract::normalize`] so that a search ignores diacritics and tatweel and
//! treats the alef forms (أ إ آ ٱ → ا), alef maqsura and yeh (ى → ي), teh marbuta and heh
//! (ة → ه), Persian yeh and keheh, and Arabic-Indic digits as the same letters.

use crate::extract::normalize::{Normalized, normalize, normalize_str};

/// A searchable view of a document's text, built once per document.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    norm: Normalized,
}

impl SearchIndex {
    /// Normalizes `text` for searching (O(n), done once per opened article).
    #[must_use]
    pub fn new(text: &str) -> SearchIndex {
        SearchIndex {
            norm: normalize(text),
        }
    }

    /// All matches of `query` as `[start, end)` char ranges of the original text, in text
    /// order and non-overlapping. A hit never ends inside a grapheme cluster: trailing
    /// combining marks of the last letter are included. An empty (or all-diacritic) query
    /// finds nothing.
    #[must_use]
    pub fn find_all(&self, query: &str) -> Vec<(usize, usize)> {
        let q = normalize_str(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        let qlen = q.chars().count();
        self.norm
            .text
            .match_indices(&q)
            .filter_map(|(byte, _)| {
                let start = self
                    .norm
                    .bytes()
                    .binary_search(&u32::try_from(byte).ok()?)
                    .ok()?;
                Some(self.norm.to_original(start, start + qlen))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let byte = |c: usize| chars.get(c).map_or(text.len(), |(b, _)| *b);
        SearchIndex::new(text)
            .find_all(query)
            .into_iter()
            .map(|(s, e)| &text[byte(s)..byte(e)])
            .collect()
    }

    #[test]
    fn matches_across_diacritics_tatweel_and_letter_variants() {
        let t = "قال الرئيسُ إنّ الأمـــم المتحدة ومدرسة مدرسه أكد";
        assert_eq!(hits(t, "الرئيس"), vec!["الرئيسُ"]);
        assert_eq!(hits(t, "ان"), vec!["إنّ"]);
        assert_eq!(hits(t, "الامم"), vec!["الأمـــم"]);
        assert_eq!(hits(t, "مدرسة"), vec!["مدرسة", "مدرسه"]);
        assert_eq!(hits(t, "اكد"), vec!["أكد"]);
    }

    #[test]
    fn arabic_indic_digits_match_ascii_and_empty_queries_find_nothing() {
        let t = "في ٢٠١٩ و2019";
        assert_eq!(hits(t, "2019"), vec!["٢٠١٩", "2019"]);
        assert!(hits(t, "").is_empty());
        assert!(hits(t, "\u{064E}").is_empty());
    }
}
