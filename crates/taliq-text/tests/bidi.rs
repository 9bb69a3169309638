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

use std::collections::BTreeSet;
use std::ops::Range;

use cosmic_text::FontSystem;
use taliq_text::fonts::{self, SystemFonts};
use taliq_text::layout::VisualLine;
use taliq_text::{LayoutParams, TextLayout, layout_text};
use unicode_segmentation::UnicodeSegmentation;

const SIZE: f32 = 24.0;

struct Engine(FontSystem);

impl Engine {
    fn new() -> Self {
        Self(fonts::font_system(SystemFonts::Skip))
    }

    fn lay(&mut self, text: &str, width: Option<f32>) -> TextLayout {
        let params = LayoutParams {
            font_size: SIZE,
            line_spacing: 1.8,
            width,
            family: fonts::ARABIC_FAMILY.to_owned(),
            latin_family: Some(fonts::LATIN_FAMILY.to_owned()),
        };
        layout_text(&mut self.0, text, &params)
    }
}

/// Char range of the first occurrence of `needle` in `text`.
fn range_of(text: &str, needle: &str) -> Range<usize> {
    let b = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let start = text[..b].chars().count();
    start..start + needle.chars().count()
}

/// The glyph clusters of a line in visual order, left to right (each cluster once).
fn visual_clusters(line: &VisualLine) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for g in &line.glyphs {
        if out.last() != Some(&g.chars) {
            out.push(g.chars.clone());
        }
    }
    out
}

/// Asserts that the one-line layout `l` shows its clusters in the visual order `vtol`
/// (visual position → logical char index).
fn assert_visual_order(l: &TextLayout, vtol: &[usize]) {
    assert_eq!(l.lines.len(), 1, "one line expected");
    let line = &l.lines[0];
    assert_eq!(vtol.len(), l.char_len, "table covers every char");
    let got = visual_clusters(line);
    let mut want: Vec<Range<usize>> = Vec::new();
    for &c in vtol {
        let cluster = got
            .iter()
            .find(|r| r.contains(&c))
            .unwrap_or_else(|| panic!("char {c} has no glyph"))
            .clone();
        if want.last() != Some(&cluster) {
            want.push(cluster);
        }
    }
    assert_eq!(got, want, "visual cluster order differs from FriBidi");
}

/// Left and right edges of the visible glyphs of the cluster holding char `c`, and whether
/// it is right-to-left.
fn cluster_box(l: &TextLayout, c: usize) -> (f32, f32, bool) {
    let gs: Vec<_> = l
        .lines
        .iter()
        .flat_map(|line| &line.glyphs)
        .filter(|g| g.chars.contains(&c) && g.w > 0.0)
        .collect();
    assert!(!gs.is_empty(), "char {c} has no visible glyph");
    let lo = gs.iter().map(|g| g.x).fold(f32::MAX, f32::min);
    let hi = gs.iter().map(|g| g.x + g.w).fold(f32::MIN, f32::max);
    (lo, hi, gs[0].rtl)
}

/// The id of the visible glyph (the base, not a mark) of the cluster holding char `c`.
fn glyph_id(l: &TextLayout, c: usize) -> u16 {
    l.lines
        .iter()
        .flat_map(|line| &line.glyphs)
        .find(|g| g.chars.contains(&c) && g.w > 0.0)
        .unwrap_or_else(|| panic!("char {c} has no visible glyph"))
        .cache_key
        .glyph_id
}

/// Selects `range` on a one-line layout the way a user drags: press inside the first
/// glyph of the range near its logical start, release inside the last glyph near its
/// logical end; returns the selected logical range.
fn drag(l: &TextLayout, range: &Range<usize>) -> Range<usize> {
    let y = l.lines[0].top + l.lines[0].height / 2.0;
    let (lo, hi, rtl) = cluster_box(l, range.start);
    let x0 = if rtl { hi - 1.0 } else { lo + 1.0 };
    let (lo, hi, rtl) = cluster_box(l, range.end - 1);
    let x1 = if rtl { lo + 1.0 } else { hi - 1.0 };
    let (a, b) = (l.hit(x0, y), l.hit(x1, y));
    a.min(b)..a.max(b)
}

/// The visible glyph boxes of the chars in `range` on `line`, merged where they touch.
fn ink(line: &VisualLine, range: &Range<usize>) -> Vec<(f32, f32)> {
    let mut boxes: Vec<(f32, f32)> = line
        .glyphs
        .iter()
        .filter(|g| g.w > 0.0 && range.start <= g.chars.start && g.chars.end <= range.end)
        .map(|g| (g.x, g.x + g.w))
        .collect();
    boxes.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f32, f32)> = Vec::new();
    for (l, r) in boxes {
        match merged.last_mut() {
            Some(last) if l <= last.1 + 0.5 => last.1 = last.1.max(r),
            _ => merged.push((l, r)),
        }
    }
    merged
}

/// Asserts that the highlight of `range` covers exactly the glyphs of its chars (whole
/// clusters only: `range` must not cut a cluster) and no other visible glyph, and returns
/// the number of rectangles.
fn assert_highlight_exact(l: &TextLayout, range: &Range<usize>) -> usize {
    let rects = l.highlight_rects(range.clone());
    let mut want = Vec::new();
    for line in &l.lines {
        for (a, b) in ink(line, range) {
            want.push([a, line.top, b, line.top + line.height]);
        }
    }
    assert_eq!(rects.len(), want.len(), "rects {rects:?}, glyphs {want:?}");
    for (r, w) in rects.iter().zip(&want) {
        for k in 0..4 {
            assert!((r[k] - w[k]).abs() < 0.05, "rect {r:?} != glyph box {w:?}");
        }
    }
    for line in &l.lines {
        for g in line.glyphs.iter().filter(|g| g.w > 0.0) {
            if range.start <= g.chars.start && g.chars.end <= range.end {
                continue;
            }
            for r in &rects {
                let overlap = (g.x + g.w).min(r[2]) - g.x.max(r[0]);
                let same_line = r[1] < line.top + line.height && line.top < r[3];
                assert!(
                    !same_line || overlap < 0.05,
                    "glyph of chars {:?} outside {range:?} is highlighted",
                    g.chars
                );
            }
        }
    }
    rects.len()
}

/// Drag-selects `needle` in `text` and checks the logical range and its highlight;
/// returns the number of highlight rectangles.
fn assert_selects(l: &TextLayout, text: &str, needle: &str) -> usize {
    let r = range_of(text, needle);
    assert_eq!(drag(l, &r), r, "dragging over {needle:?}");
    assert_highlight_exact(l, &r)
}

/// Caret offsets from hitting every 0.25 px across the first line.
fn sweep_hits(l: &TextLayout) -> BTreeSet<usize> {
    let line = &l.lines[0];
    let y = line.top + line.height / 2.0;
    let mut seen = BTreeSet::new();
    let mut x = line.extent.0 - 2.0;
    while x < line.extent.1 + 2.0 {
        seen.insert(l.hit(x, y));
        x += 0.25;
    }
    seen
}

fn grapheme_boundaries(text: &str) -> BTreeSet<usize> {
    let mut out = BTreeSet::from([0]);
    let mut c = 0;
    for g in text.graphemes(true) {
        c += g.chars().count();
        out.insert(c);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Bidi order and selection

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

const QUOTED: &str = "وصف \"Crew Dragon\" بأنها «Crew Dragon» اليوم";
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

/// Glyph id of the letter beh in a given joining form, from unambiguous contexts.
struct BehForms {
    init: u16,
    medi: u16,
    fina: u16,
}

fn beh_forms(eng: &mut Engine) -> BehForms {
    let two = eng.lay("بب", None);
    let three = eng.lay("ببب", None);
    let forms = BehForms {
        init: glyph_id(&two, 0),
        medi: glyph_id(&three, 1),
        fina: glyph_id(&two, 1),
    };
    let iso = glyph_id(&eng.lay("ب", None), 0);
    let all = BTreeSet::from([forms.init, forms.medi, forms.fina, iso]);
    assert_eq!(all.len(), 4, "four distinct forms");
    forms
}

/// Lays out `بب{mark}بب` and checks what every invisible mark must do: no .notdef, no
/// width of its own, every char in some glyph cluster, grapheme-safe hits around it.
fn lay_with_mark(eng: &mut Engine, mark: char) -> TextLayout {
    let t = format!("بب{mark}بب");
    let l = eng.lay(&t, None);
    assert_eq!(l.lines.len(), 1);
    let line = &l.lines[0];
    for g in &line.glyphs {
        assert_ne!(
            g.cache_key.glyph_id, 0,
            "U+{:04X}: .notdef drawn",
            mark as u32
        );
        if g.chars == (2..3) {
            assert!(g.w.abs() < 0.01, "U+{:04X} has an advance", mark as u32);
        }
    }
    for c in 0..5 {
        assert!(
            line.glyphs.iter().any(|g| g.chars.contains(&c)),
            "U+{:04X}: char {c} has no glyph cluster",
            mark as u32
        );
    }
    let bounds = grapheme_boundaries(&t);
    let hits = sweep_hits(&l);
    assert!(
        hits.is_subset(&bounds),
        "U+{:04X}: hits {hits:?}",
        mark as u32
    );
    // carets at grapheme boundaries never move left to right
    let xs: Vec<f32> = bounds.iter().map(|&b| l.caret_x(b).1).collect();
    assert!(
        xs.windows(2).all(|w| w[0] >= w[1] - 0.01),
        "U+{:04X}: carets {xs:?}",
        mark as u32
    );
    // the word after the mark is still where its offsets say
    assert_eq!(assert_highlight_exact(&l, &(3..5)), 1);
    assert_eq!(drag(&l, &(3..5)), 3..5);
    l
}

#[test]
fn direction_marks_are_invisible_and_keep_letters_joined() {
    let mut eng = Engine::new();
    let f = beh_forms(&mut eng);
    let plain_w = eng.lay("بببب", None).lines[0].extent;
    for mark in ['\u{200F}', '\u{061C}'] {
        // RLM and ALM are strong R/AL like the letters around them: same run, and as
        // Cf characters they are transparent to Arabic joining
        let l = lay_with_mark(&mut eng, mark);
        assert_eq!(glyph_id(&l, 1), f.medi, "U+{:04X}", mark as u32);
        assert_eq!(glyph_id(&l, 3), f.medi, "U+{:04X}", mark as u32);
        let w = l.lines[0].extent;
        assert!(
            ((w.1 - w.0) - (plain_w.1 - plain_w.0)).abs() < 0.05,
            "no extra width"
        );
        // a caret before and after the mark: two offsets, one place
        assert!((l.caret_x(2).1 - l.caret_x(3).1).abs() < 0.01);
    }
    // LRM is a strong L char, which by UAX #9 alone would be a run of its own inside the
    // Arabic word; the word stays joined as hb-shape draws it, with no extra width
    let l = lay_with_mark(&mut eng, '\u{200E}');
    assert_eq!(glyph_id(&l, 1), f.medi, "beh before LRM stays joined");
    assert_eq!(glyph_id(&l, 3), f.medi, "beh after LRM stays joined");
    let w = l.lines[0].extent;
    assert!(((w.1 - w.0) - (plain_w.1 - plain_w.0)).abs() < 0.05);
    assert!((l.caret_x(2).1 - l.caret_x(3).1).abs() < 0.01);
    // between a letter and a Latin word the LRM still sets direction: «بب‎G7» keeps G7
    // left of the Arabic in a right-to-left line
    let l = eng.lay("بب\u{200E}G7 بب", None);
    let x = |c: usize| {
        l.lines[0]
            .glyphs
            .iter()
            .find(|g| g.chars.contains(&c))
            .map(|g| g.x)
            .unwrap()
    };
    assert!(x(3) < x(0), "G7 sits left of the first word");
    assert_eq!(
        glyph_id(&l, 1),
        f.fina,
        "beh before LRM + Latin ends its word"
    );
}

#[test]
fn zwnj_breaks_joining_and_zwj_keeps_it() {
    let mut eng = Engine::new();
    let f = beh_forms(&mut eng);
    let l = lay_with_mark(&mut eng, '\u{200C}');
    assert_eq!(glyph_id(&l, 1), f.fina, "beh before ZWNJ ends its word");
    assert_eq!(glyph_id(&l, 3), f.init, "beh after ZWNJ starts a word");
    let l = lay_with_mark(&mut eng, '\u{200D}');
    assert_eq!(glyph_id(&l, 1), f.medi, "beh before ZWJ stays joined");
    assert_eq!(glyph_id(&l, 3), f.medi, "beh after ZWJ stays joined");
    // ZWJ alone after a letter gives it a joining form (as in abbreviations)
    let l = eng.lay("ب\u{200D}", None);
    assert_eq!(glyph_id(&l, 0), f.init);
}

#[test]
fn tatweel_is_a_visible_kashida_between_joined_letters() {
    let mut eng = Engine::new();
    let f = beh_forms(&mut eng);
    let t = "ببـبب";
    let l = eng.lay(t, None);
    let k = l.lines[0]
        .glyphs
        .iter()
        .find(|g| g.chars == (2..3))
        .expect("tatweel has its own glyph");
    assert_ne!(k.cache_key.glyph_id, 0);
    assert!(k.w > 1.0, "kashida has width");
    assert_eq!(glyph_id(&l, 1), f.medi);
    assert_eq!(glyph_id(&l, 3), f.medi);
    assert_eq!(sweep_hits(&l), grapheme_boundaries(t));
    assert_eq!(assert_highlight_exact(&l, &(2..3)), 1);
    assert_eq!(drag(&l, &(2..3)), 2..3);
}

#[test]
fn marks_inside_a_sentence_keep_offsets_of_the_original_text() {
    let t = "قال\u{200F} إن \u{200E}G7\u{200E} و\u{200C}ـ\u{200D}الخ";
    let mut eng = Engine::new();
    let l = eng.lay(t, None);
    for g in &l.lines[0].glyphs {
        assert_ne!(g.cache_key.glyph_id, 0);
    }
    let covered: BTreeSet<usize> = l.lines[0]
        .glyphs
        .iter()
        .flat_map(|g| g.chars.clone())
        .collect();
    assert_eq!(covered, (0..l.char_len).collect());
    assert_eq!(assert_selects(&l, t, "G7"), 1);
    assert_eq!(assert_selects(&l, t, "إن"), 1);
    assert!(sweep_hits(&l).is_subset(&grapheme_boundaries(t)));
}

// ---------------------------------------------------------------------------------------
// Line breaking (UAX #14)

/// Checks every wrap of `text` at every width from its widest unbreakable piece to its
/// full width: each line boundary is a UAX #14 break opportunity, no line ends with one
/// of `openers` and none starts with one of `closers`; lines cover the text; every char
/// keeps its glyph.
fn assert_wraps_respect_uax14(eng: &mut Engine, text: &str, openers: &[usize], closers: &[usize]) {
    let breaks: BTreeSet<usize> = unicode_linebreak::linebreaks(text)
        .map(|(b, _)| text[..b].chars().count())
        .collect();
    let full = eng.lay(text, None).width;
    let narrow = text
        .split(' ')
        .map(|w| eng.lay(w, None).width)
        .fold(0.0f32, f32::max)
        .ceil();
    let mut w = narrow;
    let mut wrapped_somewhere = false;
    while w <= full + 1.0 {
        let l = eng.lay(text, Some(w));
        for pair in l.lines.windows(2) {
            let p = pair[0].chars.end;
            assert_eq!(p, pair[1].chars.start);
            assert!(
                breaks.contains(&p),
                "width {w}: line break at {p}, not a UAX #14 break"
            );
            let ink_end = text
                .chars()
                .take(p)
                .collect::<String>()
                .trim_end()
                .chars()
                .count();
            assert!(
                !openers.contains(&(ink_end - 1)),
                "width {w}: line ends with an opener"
            );
            assert!(
                !closers.contains(&p),
                "width {w}: line starts with a closer"
            );
            wrapped_somewhere = true;
        }
        for line in &l.lines {
            let (left, right) = line.extent;
            assert!(left >= -0.05 && right <= w + 0.05, "width {w}: overflow");
        }
        let covered: BTreeSet<usize> = l
            .lines
            .iter()
            .flat_map(|line| &line.glyphs)
            .flat_map(|g| g.chars.clone())
            .collect();
        let ink: BTreeSet<usize> = text
            .chars()
            .enumerate()
            .filter(|(_, c)| !c.is_whitespace())
            .map(|(i, _)| i)
            .collect();
        assert!(
            ink.is_subset(&covered),
            "width {w}: chars {:?} lost their glyphs in {text:?}: {:?}",
            ink.difference(&covered).collect::<Vec<_>>(),
            l.lines.iter().map(|l| l.chars.clone()).collect::<Vec<_>>()
        );
        w += 1.0;
    }
    assert!(wrapped_somewhere, "{text:?} never wrapped");
}

#[test]
fn quotes_stay_with_their_word_at_every_width() {
    let mut eng = Engine::new();
    let title = "بوتين وترامب يبحثان مكافحة كورونا وقمة \"G7\"";
    let q = range_of(title, "\"G7\"");
    assert_wraps_respect_uax14(&mut eng, title, &[q.start], &[q.end - 1]);
    let q1 = range_of(QUOTED, "\"Crew");
    let q2 = range_of(QUOTED, "Dragon\"");
    let g1 = range_of(QUOTED, "«");
    let g2 = range_of(QUOTED, "»");
    assert_wraps_respect_uax14(
        &mut eng,
        QUOTED,
        &[q1.start, g1.start],
        &[q2.end - 1, g2.start],
    );
    // LB13: no line starts with a comma or full stop that follows a Latin word, and
    // LB30: "(Work)" stays with its brackets
    let t = "التقى زعماء G7، ثم كتبوا إلى John (Work). وانتهت القمة";
    let comma = range_of(t, "،").start;
    let stop = range_of(t, ".").start;
    let open = range_of(t, "(").start;
    let close = range_of(t, ")").start;
    assert_wraps_respect_uax14(&mut eng, t, &[open], &[comma, stop, close]);
}

#[test]
fn the_seed_article_wraps_only_at_break_opportunities() {
    let seed = include_str!("../../../seeds/putin-trump-call.ar.txt");
    let title = seed.lines().next().unwrap();
    let mut eng = Engine::new();
    let q = range_of(title, "\"G7\"");
    assert_wraps_respect_uax14(&mut eng, title, &[q.start], &[q.end - 1]);
    // the whole article at a few widths: every wrap inside a paragraph is allowed
    let breaks: BTreeSet<usize> = unicode_linebreak::linebreaks(seed)
        .map(|(b, _)| seed[..b].chars().count())
        .collect();
    for w in [180.0, 260.0, 333.0, 420.0, 640.0] {
        let l = eng.lay(seed, Some(w));
        let mut wraps = 0;
        for line in l.lines.iter().filter(|line| line.wrapped) {
            assert!(
                breaks.contains(&line.chars.end),
                "width {w}: {:?}",
                line.chars
            );
            wraps += 1;
        }
        assert!(wraps > 3, "width {w}: the article wraps");
    }
}

#[test]
fn a_word_wider_than_the_line_is_split_between_glyph_clusters() {
    let t = "مكافحة كورونا";
    let mut eng = Engine::new();
    let l = eng.lay(t, Some(20.0));
    assert!(l.lines.len() > 3, "{} lines", l.lines.len());
    let covered: BTreeSet<usize> = l
        .lines
        .iter()
        .flat_map(|line| &line.glyphs)
        .flat_map(|g| g.chars.clone())
        .collect();
    let ink: BTreeSet<usize> = t
        .chars()
        .enumerate()
        .filter(|(_, c)| *c != ' ')
        .map(|(i, _)| i)
        .collect();
    assert!(ink.is_subset(&covered));
    let bounds = grapheme_boundaries(t);
    for line in &l.lines {
        assert!(bounds.contains(&line.chars.start) && bounds.contains(&line.chars.end));
    }
}

#[test]
fn paragraph_and_line_separators_never_panic_or_draw_notdef() {
    let mut eng = Engine::new();
    for sep in [
        '\u{2029}', '\u{0085}', '\u{001C}', '\u{2028}', '\u{000B}', '\u{000C}',
    ] {
        let t = format!("مرحبا بكم{sep}hello world{sep}G7 في فرنسا");
        let l = eng.lay(&t, Some(400.0));
        assert_eq!(l.lines.len(), 3, "U+{:04X} ends a line", sep as u32);
        for g in l.lines.iter().flat_map(|line| &line.glyphs) {
            assert_ne!(g.cache_key.glyph_id, 0, "U+{:04X}: .notdef", sep as u32);
            assert!(!g.chars.contains(&9), "the separator is not drawn");
        }
        assert_eq!(l.lines[1].chars.start, 10);
        assert!(l.lines[0].rtl);
        // UAX #9 P2: after a paragraph separator the first strong letter, G, makes the
        // paragraph left-to-right; after a line separator (U+2028, VT, FF) the line is
        // still in the Arabic paragraph
        let paragraph_separator = matches!(sep, '\u{2029}' | '\u{0085}' | '\u{001C}');
        assert_eq!(
            l.lines[2].rtl, !paragraph_separator,
            "G7 في فرنسا after U+{:04X}",
            sep as u32
        );
    }
}
