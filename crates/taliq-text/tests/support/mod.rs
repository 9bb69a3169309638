//! What the bidi and shaping tests share: an engine with the bundled fonts only, and
//! readings of a layout (visual order of clusters, carets, highlights, hits).

#![allow(dead_code, reason = "each test file uses some of the helpers")]
#![allow(
    clippy::unwrap_used,
    reason = "a test that cannot set up its input fails there, with the error"
)]

use std::collections::BTreeSet;
use std::ops::Range;

use cosmic_text::FontSystem;
use taliq_text::fonts::{self, SystemFonts};
use taliq_text::layout::VisualLine;
use taliq_text::{LayoutParams, TextLayout, layout_text};
use unicode_segmentation::UnicodeSegmentation;

pub(crate) const SIZE: f32 = 24.0;

pub(crate) struct Engine(pub(crate) FontSystem);

impl Engine {
    pub(crate) fn new() -> Self {
        Self(fonts::font_system(SystemFonts::Skip))
    }

    pub(crate) fn lay(&mut self, text: &str, width: Option<f32>) -> TextLayout {
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
pub(crate) fn range_of(text: &str, needle: &str) -> Range<usize> {
    let b = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let start = text[..b].chars().count();
    start..start + needle.chars().count()
}

/// The glyph clusters of a line in visual order, left to right (each cluster once).
pub(crate) fn visual_clusters(line: &VisualLine) -> Vec<Range<usize>> {
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
pub(crate) fn assert_visual_order(l: &TextLayout, vtol: &[usize]) {
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
pub(crate) fn cluster_box(l: &TextLayout, c: usize) -> (f32, f32, bool) {
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
pub(crate) fn glyph_id(l: &TextLayout, c: usize) -> u16 {
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
pub(crate) fn drag(l: &TextLayout, range: &Range<usize>) -> Range<usize> {
    let y = l.lines[0].top + l.lines[0].height / 2.0;
    let (lo, hi, rtl) = cluster_box(l, range.start);
    let x0 = if rtl { hi - 1.0 } else { lo + 1.0 };
    let (lo, hi, rtl) = cluster_box(l, range.end - 1);
    let x1 = if rtl { lo + 1.0 } else { hi - 1.0 };
    let (a, b) = (l.hit(x0, y), l.hit(x1, y));
    a.min(b)..a.max(b)
}

/// The visible glyph boxes of the chars in `range` on `line`, merged where they touch.
pub(crate) fn ink(line: &VisualLine, range: &Range<usize>) -> Vec<(f32, f32)> {
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
pub(crate) fn assert_highlight_exact(l: &TextLayout, range: &Range<usize>) -> usize {
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
pub(crate) fn assert_selects(l: &TextLayout, text: &str, needle: &str) -> usize {
    let r = range_of(text, needle);
    assert_eq!(drag(l, &r), r, "dragging over {needle:?}");
    assert_highlight_exact(l, &r)
}

/// Caret offsets from hitting every 0.25 px across the first line.
pub(crate) fn sweep_hits(l: &TextLayout) -> BTreeSet<usize> {
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

pub(crate) fn grapheme_boundaries(text: &str) -> BTreeSet<usize> {
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

/// Latin in straight quotes and in guillemets inside Arabic.
pub(crate) const QUOTED: &str = "وصف \"Crew Dragon\" بأنها «Crew Dragon» اليوم";
