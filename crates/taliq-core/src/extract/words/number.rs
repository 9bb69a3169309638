//! The number words and the number phrase, shared by the NUMBER and DATE recognizers
//! (a number with its scale word and unit, `103,7 مليون دولار`; a duration after `منذ`,
//! `منذ عامين`): the word lists (normalized) and [`number_phrase`], which reads them from
//! the word bits of [`vocab`]. The lists are in `data/number_*.txt`, each with its source.

use std::sync::LazyLock;

use super::super::doc::Doc;
use super::super::tokenize::TokenKind;
use super::super::vocab;
use super::{WordList, entries};

/// Number words (normalized), cardinals and multiples; `الف` alone is left out because
/// `ألّف` (to write) has the same letters.
///
/// `data/number_words.txt`, in file order.
pub(crate) static NUMBER_WORDS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/number_words.txt")));

/// Tens that are numbers with the article too (`العشرين من عمرها`).
///
/// `data/number_tens.txt`, in file order.
pub(crate) static TENS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/number_tens.txt")));

/// Scale words that follow a number (`103,7 مليون`).
///
/// `data/number_scales.txt`, in file order.
pub(crate) static SCALES: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/number_scales.txt")));

/// Currencies and units kept inside the number.
///
/// `data/number_units.txt`, in file order.
pub(crate) static UNITS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/number_units.txt")));

/// Time units, shared with the date recognizer (durations anchored by `منذ`).
///
/// `data/number_time_units.txt`, in file order.
pub static TIME_UNITS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/number_time_units.txt")));

/// Dual nouns that are a quantity on their own (`عامين`, `درجتين`).
///
/// `data/number_duals.txt`, in file order.
pub static DUALS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/number_duals.txt")));

/// Words that may follow a currency or unit as part of it.
///
/// `data/number_unit_modifiers.txt`, in file order.
pub(crate) static UNIT_MODIFIERS: WordList = LazyLock::new(|| {
    entries(include_str!(
        "../../../../../data/number_unit_modifiers.txt"
    ))
});

/// [`NUMBER_WORDS`], [`TENS`] and [`DUALS`] in one set.
pub(crate) static NUMBER_VOCAB: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| {
        NUMBER_WORDS
            .iter()
            .chain(TENS.iter())
            .chain(DUALS.iter())
            .copied()
            .collect()
    });

/// Whether token `i` is Arabic and some reading, with or without `ال`, is in
/// [`NUMBER_VOCAB`]: the quick test before the lists.
fn is_number_vocab(doc: &Doc, i: usize) -> bool {
    doc.is_arabic(i) && doc.any_bits(i) & vocab::NUMBER_VOCAB != 0
}

/// Whether a (normalized) word is a number word, in its unsegmented reading or after a
/// proclitic; returns the proclitic length.
fn number_word_at(doc: &Doc, i: usize) -> Option<usize> {
    if !is_number_vocab(doc, i) {
        return None;
    }
    for st in doc.stems_with_bits(i) {
        if st.lal {
            continue;
        }
        if st.bits & vocab::NUMBER_WORD != 0 {
            return Some(st.skip);
        }
        if st.bits & vocab::AL_TENS != 0 && st.skip == 0 {
            return Some(0);
        }
    }
    None
}

/// Dual time nouns (a DATE after `منذ`).
///
/// `data/number_dual_times.txt`, in file order.
pub(crate) static DUAL_TIMES: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/number_dual_times.txt")));

/// Dual scale words (`مليونا`/`مليوني` "two million", `مليارا`/`ملياري` "two billion",
/// `ألفا`/`ألفي` "two thousand"), normalized, in the construct state used before a
/// counted noun. `مليونا`/`مليارا`/`الفا` are also accusative singulars, so the dual is
/// read only before a currency or unit.
///
/// `data/number_dual_scales.txt`, in file order.
pub(crate) static DUAL_SCALES: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/number_dual_scales.txt")));

/// A dual scale word at `i` (after an optional `و`/`ب` proclitic) directly followed by a
/// currency or a measure unit on the same line (`ملياري جنيه`, `ألفي دولار`, guideline
/// rule 8: the currency stays inside): its proclitic length.
fn dual_scale_amount(doc: &Doc, i: usize) -> Option<usize> {
    if !doc.is_arabic(i) || !doc.same_line(i + 1) {
        return None;
    }
    let b = doc.bits(i + 1);
    if b & vocab::UNIT == 0 || b & vocab::TIME_UNIT != 0 {
        return None;
    }
    let w = doc.text(i);
    if DUAL_SCALES.contains(&w) {
        return Some(0);
    }
    let rest = w.strip_prefix('و').or_else(|| w.strip_prefix('ب'))?;
    DUAL_SCALES.contains(&rest).then_some(1)
}

/// A dual noun at token `i`: `(proclitic length, is a time noun)`.
fn is_dual_at(doc: &Doc, i: usize) -> Option<(usize, bool)> {
    if !is_number_vocab(doc, i) {
        return None;
    }
    for st in doc.stems_with_bits(i) {
        if st.bits & vocab::DUAL != 0 && !st.lal {
            return Some((st.skip, st.bits & vocab::DUAL_TIME != 0));
        }
    }
    None
}

/// A number phrase starting at token `i`: `(skip, end_token, ends_with_time_unit)`.
///
/// `skip` is the proclitic length in the first token. Shared with the date recognizer.
///
/// Inlined for the quick "no" of most tokens, which costs its callers (every token of the
/// number and date recognizers) no call: not a number, no reading in
/// [`vocab::NUMBER_VOCAB`]
/// and no unit next (the first tests of [`number_word_at`], [`is_dual_at`] and
/// [`dual_scale_amount`]).
#[must_use]
#[inline]
pub fn number_phrase(doc: &Doc, i: usize) -> Option<(usize, usize, bool)> {
    let tok = doc.tokens.get(i)?;
    if tok.kind != TokenKind::Number
        && !is_number_vocab(doc, i)
        && doc.bits(i + 1) & vocab::UNIT == 0
    {
        return None;
    }
    number_phrase_at(doc, i)
}

/// [`number_phrase`] after its quick "no".
#[inline(never)]
fn number_phrase_at(doc: &Doc, i: usize) -> Option<(usize, usize, bool)> {
    let tok = doc.tokens.get(i)?;
    let mut j;
    let skip;
    let mut time = false;
    if tok.kind == TokenKind::Number {
        if doc.text(i).contains(':') {
            return None;
        }
        skip = 0;
        j = i + 1;
        if doc.same_line(j) && doc.is_punct(j, '%') {
            return Some((0, j + 1, false));
        }
    } else if let Some(s) = number_word_at(doc, i) {
        skip = s;
        j = i + 1;
        // a teen: خمس عشرة, ثلاثة عشر, أحد عشر (the unit and عشر/عشرة are one number)
        if doc.same_line(j) && matches!(doc.text_or_empty(j), "عشر" | "عشره") {
            j += 1;
        }
        // compound: خمسة وعشرون, مئة وخمسون
        while j < doc.tokens.len() && doc.same_line(j) && doc.is_arabic(j) {
            let w = doc.text(j);
            match w.strip_prefix('و') {
                Some(r) if NUMBER_WORDS.contains(&r) => j += 1,
                _ => break,
            }
        }
    } else if let Some(s) = dual_scale_amount(doc, i) {
        // ملياري جنيه إسترليني: a dual scale word with its currency
        let mut j = i + 2;
        if doc.same_line(j) && doc.bits(j) & vocab::UNIT_MODIFIER != 0 {
            j += 1;
        }
        return Some((s, j, false));
    } else if let Some((s, time)) = is_dual_at(doc, i) {
        let mut j = i + 1;
        if doc.same_line(j) && doc.bits(j) & vocab::UNIT_MODIFIER != 0 {
            j += 1;
        }
        return Some((s, j, time));
    } else {
        return None;
    }
    while j < doc.tokens.len() && doc.same_line(j) && doc.bits(j) & vocab::SCALE != 0 {
        j += 1;
    }
    if j < doc.tokens.len() && doc.same_line(j) {
        let w = doc.text(j);
        let b = doc.bits(j);
        if b & vocab::UNIT != 0 {
            time = b & vocab::TIME_UNIT != 0;
            j += 1;
            if doc.same_line(j) && doc.bits(j) & vocab::UNIT_MODIFIER != 0 {
                j += 1;
            }
        } else if w == "في" && matches!(doc.text_or_empty(j + 1), "المئه" | "المائه") {
            j += 2;
        }
    }
    Some((skip, j, time))
}
