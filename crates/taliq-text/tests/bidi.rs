//! Bidi, selection, invisible characters and line breaking of the text engine
//! (`taliq_text::layout`), with the bundled fonts only.
//!
//! Visual orders are checked against GNU FriBidi 1.0.8 (`fribidi --nopad --vtol`, an
//! independent UAX #9 implementation with bracket pairs): each `VTOL_*` table below is its
//! visual-to-logical char map for the sentence next to it, pasted so the test needs no
//! external tool. FriBidi leaves a combining mark after its base (no L3), which is why a
//! mark's index may follow its base in a table; the comparison is per glyph cluster, so
//! this does not matter. Glyph forms are checked against the forms the same engine gives
//! in unambiguous contexts (an isolated letter, a letter at a word's end), which are the
//! forms `hb-shape` gives for Noto Naskh Arabic.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

mod support;

use std::ops::Range;

use support::*;
use taliq_text::TextLayout;

const BRACKETS: &str = "قال إنه سعيد (جدًا) بالنتيجة";
const VTOL_BRACKETS: [usize; 28] = [
    27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 15, 16, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2,
    1, 0,
];

#[test]
fn parentheses_in_arabic_are_mirrored_around_their_content() {
    let mut eng = Engine::new();
    let l = eng.lay(BRACKETS, None);
    assert_visual_order(&l, &VTOL_BRACKETS);
    let open = range_of(BRACKETS, "(").start;
    let close = range_of(BRACKETS, ")").start;
    let inner = range_of(BRACKETS, "جدًا");
    // the opening parenthesis is read first: it is at the right of the content
    assert!(cluster_box(&l, open).0 >= cluster_box(&l, inner.start).1 - 0.01);
    assert!(cluster_box(&l, close).1 <= cluster_box(&l, inner.end - 1).0 + 0.01);
    // and mirrored (UAX #9 L4): "(" at an odd level is drawn with the glyph of ")"
    let ltr = eng.lay("a (b)", None);
    assert_eq!(glyph_id(&l, open), glyph_id(&ltr, 4), "( shows as )");
    assert_eq!(glyph_id(&l, close), glyph_id(&ltr, 2), ") shows as (");
    assert_eq!(assert_selects(&l, BRACKETS, "(جدًا)"), 1);
    assert_eq!(assert_selects(&l, BRACKETS, "جدًا"), 1);
    assert_eq!(assert_selects(&l, BRACKETS, "سعيد (جدًا)"), 1);
}

const GUILLEMETS: &str = "وصف الخبر بأنه «مفاجئ جدا» أمس";
const VTOL_GUILLEMETS: [usize; 30] = [
    29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5,
    4, 3, 2, 1, 0,
];

#[test]
fn guillemets_in_arabic_are_mirrored_around_their_content() {
    let mut eng = Engine::new();
    let l = eng.lay(GUILLEMETS, None);
    assert_visual_order(&l, &VTOL_GUILLEMETS);
    let open = range_of(GUILLEMETS, "«").start;
    let close = range_of(GUILLEMETS, "»").start;
    let inner = range_of(GUILLEMETS, "مفاجئ جدا");
    assert!(cluster_box(&l, open).0 >= cluster_box(&l, inner.start).1 - 0.01);
    assert!(cluster_box(&l, close).1 <= cluster_box(&l, inner.end - 1).0 + 0.01);
    // « and » are Bidi_Mirrored: at an odd level each shows the other's glyph
    let ltr = eng.lay("a «b» c", None);
    assert_eq!(glyph_id(&l, open), glyph_id(&ltr, 4));
    assert_eq!(glyph_id(&l, close), glyph_id(&ltr, 2));
    assert_eq!(assert_selects(&l, GUILLEMETS, "«مفاجئ جدا»"), 1);
    assert_eq!(assert_selects(&l, GUILLEMETS, "مفاجئ جدا"), 1);
}

const DIGITS: &str = "عاش بين ١٨٩٤-١٩٦٢ في القاهرة";
const VTOL_DIGITS: [usize; 28] = [
    27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 13, 14, 15, 16, 12, 8, 9, 10, 11, 7, 6, 5, 4, 3, 2,
    1, 0,
];

#[test]
fn an_arabic_indic_year_range_reads_first_year_on_the_right() {
    // Arabic-Indic digits are AN; the hyphen between two ANs is a neutral (W4 joins ANs
    // only across CS) resolved to R. So each year keeps its digits left to right, and the
    // first year (1894) stands right of the hyphen, read first: ١٩٦٢-١٨٩٤ on screen.
    let mut eng = Engine::new();
    let l = eng.lay(DIGITS, None);
    assert_visual_order(&l, &VTOL_DIGITS);
    let y1 = range_of(DIGITS, "١٨٩٤");
    let y2 = range_of(DIGITS, "١٩٦٢");
    let dash = range_of(DIGITS, "-").start;
    for y in [&y1, &y2] {
        for c in y.start..y.end - 1 {
            assert!(
                cluster_box(&l, c).0 < cluster_box(&l, c + 1).0,
                "digits left to right"
            );
        }
    }
    assert!(cluster_box(&l, y1.start).0 > cluster_box(&l, dash).0);
    assert!(cluster_box(&l, dash).0 > cluster_box(&l, y2.start).0);
    assert_eq!(assert_selects(&l, DIGITS, "١٨٩٤-١٩٦٢"), 1);
    assert_eq!(assert_selects(&l, DIGITS, "١٨٩٤"), 1);
    assert_eq!(assert_selects(&l, DIGITS, "١٩٦٢"), 1);
    assert_eq!(assert_selects(&l, DIGITS, "بين ١٨٩٤"), 1);
}

const LATIN_PARENS: &str = "رسالة من John (Work)";
const VTOL_LATIN_PARENS: [usize; 20] = [
    9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 8, 7, 6, 5, 4, 3, 2, 1, 0,
];

#[test]
fn a_bracket_pair_around_latin_after_latin_takes_latin_direction() {
    // UAX #9 N0: the pair holds L and the context before it is L, so both brackets are L
    // (N1 alone would make ")" R, as it is followed by the end of an R paragraph).
    let mut eng = Engine::new();
    let l = eng.lay(LATIN_PARENS, None);
    assert_visual_order(&l, &VTOL_LATIN_PARENS);
    let open = range_of(LATIN_PARENS, "(").start;
    let close = range_of(LATIN_PARENS, ")").start;
    assert!(
        !cluster_box(&l, open).2 && !cluster_box(&l, close).2,
        "brackets are LTR"
    );
    let w = range_of(LATIN_PARENS, "Work");
    assert!(cluster_box(&l, open).1 <= cluster_box(&l, w.start).0 + 0.01);
    assert!(cluster_box(&l, close).0 >= cluster_box(&l, w.end - 1).1 - 0.01);
    // not mirrored
    let ltr = eng.lay("a (b)", None);
    assert_eq!(glyph_id(&l, open), glyph_id(&ltr, 2));
    assert_eq!(glyph_id(&l, close), glyph_id(&ltr, 4));
    assert_eq!(assert_selects(&l, LATIN_PARENS, "(Work)"), 1);
    assert_eq!(assert_selects(&l, LATIN_PARENS, "John (Work)"), 1);
    // logically contiguous, visually split: John sits at the far left, من in the middle
    assert_eq!(assert_selects(&l, LATIN_PARENS, "من John"), 2);
}

const PERCENT: &str = "ارتفع بنسبة 3.5% إلى 123,037 دولاراً";
const VTOL_PERCENT: [usize; 36] = [
    34, 35, 33, 32, 31, 30, 29, 28, 21, 22, 23, 24, 25, 26, 27, 20, 19, 18, 17, 16, 15, 12, 13, 14,
    11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
];
const ARABIC_PERCENT: &str = "بلغ النمو 103,7 ٪ و٣٫٥٪ هذا العام";
const VTOL_ARABIC_PERCENT: [usize; 33] = [
    32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 19, 20, 21, 18, 17, 16, 15, 10, 11, 12, 13, 14, 9,
    8, 7, 6, 5, 4, 3, 2, 1, 0,
];

#[test]
fn numbers_with_separators_and_percent_signs_keep_their_order() {
    let mut eng = Engine::new();
    let l = eng.lay(PERCENT, None);
    assert_visual_order(&l, &VTOL_PERCENT);
    // after Arabic letters, European digits become AN (W2), so "%" is a neutral resolved
    // to R and stands at the left of the number: %3.5 on screen, as Arabic print has it
    let n = range_of(PERCENT, "3.5%");
    assert!(cluster_box(&l, n.start + 3).1 <= cluster_box(&l, n.start).0 + 0.01);
    let big = range_of(PERCENT, "123,037");
    for c in big.start..big.end - 1 {
        assert!(
            cluster_box(&l, c).0 < cluster_box(&l, c + 1).0,
            "123,037 in order"
        );
    }
    assert_eq!(assert_selects(&l, PERCENT, "3.5%"), 1);
    assert_eq!(assert_selects(&l, PERCENT, "123,037"), 1);
    assert_eq!(assert_selects(&l, PERCENT, "بنسبة 3.5%"), 1);
    assert_eq!(assert_selects(&l, PERCENT, "123,037 دولاراً"), 1);

    let l = eng.lay(ARABIC_PERCENT, None);
    assert_visual_order(&l, &VTOL_ARABIC_PERCENT);
    let n = range_of(ARABIC_PERCENT, "103,7");
    for c in n.start..n.end - 1 {
        assert!(
            cluster_box(&l, c).0 < cluster_box(&l, c + 1).0,
            "103,7 in order"
        );
    }
    assert_eq!(assert_selects(&l, ARABIC_PERCENT, "103,7"), 1);
    assert_eq!(assert_selects(&l, ARABIC_PERCENT, "103,7 ٪"), 1);
    assert_eq!(assert_selects(&l, ARABIC_PERCENT, "٣٫٥٪"), 1);
}

const SUMMIT: &str = "انعقدت قمة G7 في فرنسا";
const VTOL_SUMMIT: [usize; 22] = [
    21, 20, 19, 18, 17, 16, 15, 14, 13, 11, 12, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
];

#[test]
fn a_selection_from_arabic_into_latin_covers_both_runs_and_no_more() {
    let mut eng = Engine::new();
    let l = eng.lay(SUMMIT, None);
    assert_visual_order(&l, &VTOL_SUMMIT);
    assert_eq!(assert_selects(&l, SUMMIT, "قمة G7"), 1);
    assert_eq!(assert_selects(&l, SUMMIT, "G7 في"), 1);
    assert_eq!(assert_selects(&l, SUMMIT, "G7"), 1);
}

#[test]
fn dragging_over_the_first_three_words_of_the_basmala() {
    let t = "بسم الله الرحمن الرحيم";
    let vtol: Vec<usize> = (0..22).rev().collect();
    let mut eng = Engine::new();
    let l = eng.lay(t, None);
    assert_visual_order(&l, &vtol);
    assert_eq!(assert_selects(&l, t, "بسم الله الرحمن"), 1);
}

const VTOL_QUOTED: [usize; 43] = [
    42, 41, 40, 39, 38, 37, 36, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 24, 23, 22, 21, 20, 19,
    18, 17, 16, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 4, 3, 2, 1, 0,
];

#[test]
fn quotation_marks_around_latin_stay_around_it() {
    let mut eng = Engine::new();
    let l = eng.lay(QUOTED, None);
    assert_visual_order(&l, &VTOL_QUOTED);
    assert_eq!(assert_selects(&l, QUOTED, "\"Crew Dragon\""), 1);
    assert_eq!(assert_selects(&l, QUOTED, "«Crew Dragon»"), 1);
}

// ---------------------------------------------------------------------------------------
// Grapheme clusters and ligatures

#[test]
fn selection_edges_never_split_a_grapheme_cluster() {
    let t = "قال مُحَمَّد إنّ الكتابَ";
    let mut eng = Engine::new();
    let l = eng.lay(t, None);
    let bounds = grapheme_boundaries(t);
    let hits = sweep_hits(&l);
    assert!(
        hits.is_subset(&bounds),
        "hits {hits:?} not all in {bounds:?}"
    );
    assert_eq!(hits, bounds, "every grapheme boundary can be hit");
    // the name with its shadda + fatha: each letter with its marks is one unit
    let name = range_of(t, "مُحَمَّد");
    assert_eq!(assert_selects(&l, t, "مُحَمَّد"), 1);
    // carets at the name's grapheme boundaries run right to left, strictly
    let xs: Vec<f32> = bounds
        .range(name.start..=name.end)
        .map(|&b| l.caret_x(b).1)
        .collect();
    assert_eq!(xs.len(), 5, "م ح م د with their marks: {xs:?}");
    assert!(xs.windows(2).all(|w| w[0] > w[1]), "carets {xs:?}");
    // a highlight of one letter with its marks covers its marks too
    let mim = name.start + 4..name.start + 7; // مَّ
    assert_eq!(
        &t.chars().collect::<Vec<_>>()[mim.clone()],
        &['م', 'َ', 'ّ'][..]
    );
    assert_eq!(assert_highlight_exact(&l, &mim), 1);
}

#[test]
fn lam_alef_gives_both_letters_consistent_carets() {
    // Noto Naskh draws lam-alef as two contextual glyphs (rlig), one per letter
    let t = "السلام عليكم";
    let mut eng = Engine::new();
    let l = eng.lay(t, None);
    let la = range_of(t, "لا");
    let (l0, r0, _) = cluster_box(&l, la.start);
    let (l1, r1, _) = cluster_box(&l, la.start + 1);
    let (lo, hi) = (l0.min(l1), r0.max(r1));
    let x: Vec<f32> = (la.start..=la.end).map(|o| l.caret_x(o).1).collect();
    assert!(x[0] > x[1] && x[1] > x[2], "right to left: {x:?}");
    assert!(
        (x[0] - hi).abs() < 0.05 && (x[2] - lo).abs() < 0.05,
        "{x:?} vs {lo}..{hi}"
    );
    assert!(
        lo < x[1] && x[1] < hi,
        "the caret between lam and alef is inside the pair"
    );
    assert!(sweep_hits(&l).contains(&(la.start + 1)));
}

#[test]
fn a_latin_ligature_gives_each_letter_a_caret() {
    // Noto Sans ligates "ffi" into one glyph: one cluster of three letters
    let t = "مكتب office";
    let mut eng = Engine::new();
    let l = eng.lay(t, None);
    let ffi = range_of(t, "ffi");
    let g = l.lines[0]
        .glyphs
        .iter()
        .find(|g| g.chars.contains(&ffi.start))
        .unwrap();
    assert_eq!(g.chars, ffi, "one ligature glyph");
    let x: Vec<f32> = (ffi.start..=ffi.end).map(|o| l.caret_x(o).1).collect();
    assert!(x.windows(2).all(|w| w[0] < w[1]), "left to right: {x:?}");
    assert!((x[0] - g.x).abs() < 0.05 && (x[3] - (g.x + g.w)).abs() < 0.05);
    let hits = sweep_hits(&l);
    for o in ffi.start..=ffi.end {
        assert!(
            hits.contains(&o),
            "offset {o} inside the ligature is reachable"
        );
    }
    assert_eq!(l.highlight_rects(ffi.start + 1..ffi.start + 2).len(), 1);
}

#[test]
fn a_highlight_inside_a_joined_word_is_geometry_only() {
    let t = "بوتين وترامب يبحثان مكافحة كورونا";
    let mut eng = Engine::new();
    let l = eng.lay(t, None);
    let word = range_of(t, "يبحثان");
    let ids = |l: &TextLayout, r: &Range<usize>| -> Vec<u16> {
        l.lines[0]
            .glyphs
            .iter()
            .filter(|g| r.start <= g.chars.start && g.chars.end <= r.end)
            .map(|g| g.cache_key.glyph_id)
            .collect()
    };
    // the word inside the sentence has the glyphs of the word alone (joined forms) ...
    let alone = eng.lay("يبحثان", None);
    assert_eq!(ids(&l, &word), ids(&alone, &(0..6)));
    // ... which differ from the forms of its middle letters cut out (so a highlight that
    // re-shaped pieces would show)
    let cut = eng.lay("حث", None);
    assert_ne!(ids(&alone, &(2..4)), ids(&cut, &(0..2)));
    let (wl, wr) = (
        cluster_box(&l, word.end - 1).0,
        cluster_box(&l, word.start).1,
    );
    for part in [
        word.start + 2..word.start + 4,
        word.start..word.start + 1,
        word.end - 1..word.end,
    ] {
        let rects = l.highlight_rects(part.clone());
        assert_eq!(rects.len(), 1, "{part:?}");
        let [a, _, b, _] = rects[0];
        assert!(b - a > 1.0, "partial highlight has width");
        assert!(a >= wl - 0.05 && b <= wr + 0.05, "inside the word box");
        assert_eq!(assert_highlight_exact(&l, &part), 1);
        // layout does not depend on highlights
        assert_eq!(eng.lay(t, None), l);
    }
}

// ---------------------------------------------------------------------------------------
// Invisible characters
