//! Lazy layout of a whole document, paragraph by paragraph.
//!
//! A 1 MB article takes more than half a second to lay out in full, so the article view
//! never does that on the UI thread in one go. [`DocLayout`] splits the text into
//! paragraphs (and very long paragraphs into pieces), lays out only what is asked for —
//! the visible band first — and estimates the height of the rest from its length. A
//! background pass ([`DocLayout::advance`]) lays out the remaining pieces a few
//! milliseconds per frame, so the scroll bar becomes exact within a second or two, and it
//! reports how far the content above a given point moved so the caller can keep the view
//! still (scroll anchoring, as browsers do with CSS `overflow-anchor`).
//!
//! Glyph data is kept only for the pieces near the view (bounded memory); the heights of
//! all laid-out pieces are kept, so the geometry stays exact after an eviction.
//!
//! All lengths are physical pixels; offsets are char (Unicode scalar value) offsets into
//! the whole document. Nothing here depends on egui.

use std::ops::Range;
use std::sync::Arc;
use std::time::{Duration, Instant};

use cosmic_text::FontSystem;

use super::layout::{LayoutParams, PxRect, TextLayout, first_strong_rtl, layout_text_directed};

/// Paragraphs longer than this many chars are laid out in pieces (so a 100,000-char line
/// with no line break never blocks the UI for long). Each piece ends at a sentence end or
/// a space; a piece boundary also ends a visual line.
pub const MAX_PIECE_CHARS: usize = 6_000;

/// Chars of laid-out glyph data kept before pieces far from the view are evicted (their
/// heights are kept). 400,000 chars of Arabic is about 40 MB of glyph data.
const RETAINED_CHARS: usize = 400_000;

/// One unit of layout: a paragraph, or a piece of a very long one.
#[derive(Debug, Clone)]
struct Piece {
    /// Byte range in the document (line ending excluded).
    bytes: Range<usize>,
    /// Char range in the document.
    chars: Range<usize>,
    /// The piece's layout (offsets relative to `chars.start`), when retained.
    layout: Option<Arc<TextLayout>>,
    /// True when `height` comes from a layout at the current parameters.
    exact: bool,
    /// Sum of the advance widths of the piece's glyphs from its last layout (physical px),
    /// which predicts its line count at any other width.
    natural_width: Option<f32>,
    /// Base direction of the piece's paragraph (right-to-left when true), resolved over the
    /// whole document: see [`DocLayout::new`].
    rtl: bool,
}

/// A document laid out lazily, piece by piece; see the module documentation.
#[derive(Debug, Clone)]
pub struct DocLayout {
    params: LayoutParams,
    pieces: Vec<Piece>,
    /// `tops[i]` is the top of piece `i`; `tops[n]` the total height (physical px).
    tops: Vec<f32>,
    /// Heights of the pieces (exact or estimated).
    heights: Vec<f32>,
    /// First index whose `tops` entry is stale.
    dirty_from: usize,
    line_height: f32,
    /// Advance per char measured so far (physical px), for estimates.
    px_per_char: f32,
    char_len: usize,
    /// Next piece the background pass looks at.
    cursor: usize,
    /// Pieces with exact heights.
    exact_count: usize,
    /// Chars of retained glyph data.
    retained_chars: usize,
}

impl DocLayout {
    /// Splits `text` into pieces and estimates their heights; nothing is shaped yet.
    /// Line endings (`\r\n`, `\n`, `\r`) end paragraphs and count in offsets, as in
    /// [`super::layout_text`], and paragraph directions are those it gives the whole text:
    /// each paragraph's from its first strong character (UAX #9 P2–P3), a paragraph with
    /// none takes the direction of the one before it (the first ones that of the first
    /// paragraph that has one; right-to-left when none has), and every piece of a long
    /// paragraph keeps the paragraph's direction.
    #[must_use]
    pub fn new(text: &str, params: LayoutParams) -> DocLayout {
        let mut pieces = Vec::new();
        let mut char_pos = 0;
        let bytes = text.as_bytes();
        let mut start = 0;
        let mut i = 0;
        // (first piece, own direction) of each paragraph
        let mut own: Vec<(usize, Option<bool>)> = Vec::new();
        let mut push_paragraph = |range: Range<usize>, char_pos: &mut usize| {
            own.push((pieces.len(), first_strong_rtl(&text[range.clone()])));
            for piece in split_long(text, range) {
                let n = text[piece.clone()].chars().count();
                pieces.push(Piece {
                    bytes: piece,
                    chars: *char_pos..*char_pos + n,
                    layout: None,
                    exact: false,
                    natural_width: None,
                    rtl: true,
                });
                *char_pos += n;
            }
        };
        while i < bytes.len() {
            let ending = match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
                b'\n' | b'\r' => 1,
                _ => 0,
            };
            if ending == 0 {
                i += 1;
                continue;
            }
            push_paragraph(start..i, &mut char_pos);
            char_pos += ending; // "\r\n" is two chars
            i += ending;
            start = i;
        }
        push_paragraph(start..bytes.len(), &mut char_pos);
        let mut previous = own.iter().find_map(|o| o.1).unwrap_or(true);
        for (k, &(first, dir)) in own.iter().enumerate() {
            let rtl = dir.unwrap_or(previous);
            previous = rtl;
            let end = own.get(k + 1).map_or(pieces.len(), |o| o.0);
            for p in &mut pieces[first..end] {
                p.rtl = rtl;
            }
        }
        let line_height = (params.font_size * params.line_spacing).round().max(1.0);
        let n = pieces.len();
        let mut doc = DocLayout {
            px_per_char: params.font_size * 0.42,
            params,
            pieces,
            tops: vec![0.0; n + 1],
            heights: vec![line_height; n],
            dirty_from: 0,
            line_height,
            char_len: char_pos,
            cursor: 0,
            exact_count: 0,
            retained_chars: 0,
        };
        doc.estimate_all();
        doc
    }

    /// Changes the layout parameters (a resize, zoom or font change): every piece is marked
    /// for layout again and heights are re-estimated from each piece's previous natural
    /// width, so the document keeps nearly its shape until the new layout arrives.
    pub fn set_params(&mut self, params: LayoutParams) {
        if params == self.params {
            return;
        }
        if params.font_size.to_bits() != self.params.font_size.to_bits() {
            let scale = params.font_size / self.params.font_size;
            self.px_per_char *= scale;
            for p in &mut self.pieces {
                p.natural_width = p.natural_width.map(|w| w * scale);
            }
        }
        self.line_height = (params.font_size * params.line_spacing).round().max(1.0);
        self.params = params;
        for p in &mut self.pieces {
            p.layout = None;
            p.exact = false;
        }
        self.exact_count = 0;
        self.retained_chars = 0;
        self.cursor = 0;
        self.estimate_all();
    }

    /// The parameters the document is laid out with.
    #[must_use]
    pub fn params(&self) -> &LayoutParams {
        &self.params
    }

    /// Total height (physical px), exact once [`DocLayout::is_complete`].
    #[must_use]
    pub fn height(&self) -> f32 {
        self.tops[self.pieces.len()]
    }

    /// Length of the document in chars.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Number of layout pieces (paragraphs, long ones split).
    #[must_use]
    pub fn piece_count(&self) -> usize {
        self.pieces.len()
    }

    /// True when every piece's height is exact at the current parameters.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.exact_count == self.pieces.len()
    }

    /// Fraction of the pieces laid out at the current parameters (0.0–1.0).
    #[must_use]
    pub fn progress(&self) -> f32 {
        if self.pieces.is_empty() {
            1.0
        } else {
            self.exact_count as f32 / self.pieces.len() as f32
        }
    }

    /// Index of the piece at vertical position `y` (clamped to the first/last piece).
    #[must_use]
    pub fn piece_at_y(&self, y: f32) -> usize {
        let n = self.pieces.len();
        let i = self.tops[1..=n].partition_point(|&bottom| bottom <= y);
        i.min(n.saturating_sub(1))
    }

    /// Index of the piece holding char `offset` (a piece's end offset belongs to it, so a
    /// caret at the end of a paragraph stays on its line).
    #[must_use]
    pub fn piece_of_offset(&self, offset: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.chars.end < offset);
        i.min(self.pieces.len().saturating_sub(1))
    }

    /// Top of piece `i` (physical px).
    #[must_use]
    pub fn piece_top(&self, i: usize) -> f32 {
        self.tops[i.min(self.pieces.len())]
    }

    /// Lays out piece `i` if its glyphs are not retained; returns its layout.
    pub fn ensure(&mut self, fs: &mut FontSystem, text: &str, i: usize) -> Arc<TextLayout> {
        if let Some(l) = &self.pieces[i].layout {
            return Arc::clone(l);
        }
        let p = &self.pieces[i];
        let layout = Arc::new(layout_text_directed(
            fs,
            &text[p.bytes.clone()],
            &self.params,
            Some(p.rtl),
        ));
        let natural: f32 = layout
            .lines
            .iter()
            .map(|l| l.glyphs.iter().map(|g| g.w).sum::<f32>())
            .sum();
        let n_chars = p.chars.len();
        if n_chars > 40 {
            // running estimate of the advance per char, weighted towards recent pieces
            let measured = natural / n_chars as f32;
            self.px_per_char = 0.8 * self.px_per_char + 0.2 * measured;
        }
        let p = &mut self.pieces[i];
        p.natural_width = Some(natural);
        if !p.exact {
            p.exact = true;
            self.exact_count += 1;
        }
        self.retained_chars += p.chars.len();
        p.layout = Some(Arc::clone(&layout));
        self.set_height(i, layout.height);
        layout
    }

    /// Lays out every piece intersecting the band `y0..y1` (physical px), in order from
    /// the top, so the band is exact when drawn. Pieces below the first one move as the
    /// estimates above them become exact; the first piece's top does not move.
    pub fn ensure_band(&mut self, fs: &mut FontSystem, text: &str, y0: f32, y1: f32) {
        self.refresh_tops();
        if self.pieces.is_empty() {
            return;
        }
        let first = self.piece_at_y(y0);
        let mut i = first;
        while i < self.pieces.len() && (self.tops[i] < y1 || i == first) {
            self.ensure(fs, text, i);
            self.refresh_tops();
            i += 1;
        }
    }

    /// Background pass: lays out pieces not yet exact, in document order from the top,
    /// for at most `budget`, then evicts glyph data far from `keep_y` (physical px, the
    /// view's top). Returns how far the content at `keep_y` moved down (physical px;
    /// negative: up) because pieces above it changed height: the caller adds it to its
    /// scroll offset so the view stays still.
    pub fn advance(
        &mut self,
        fs: &mut FontSystem,
        text: &str,
        keep_y: f32,
        budget: Duration,
    ) -> f32 {
        self.refresh_tops();
        if self.pieces.is_empty() {
            return 0.0;
        }
        let anchor = self.piece_at_y(keep_y);
        let anchor_top = self.tops[anchor];
        let t = Instant::now();
        while self.cursor < self.pieces.len() && t.elapsed() < budget {
            let i = self.cursor;
            self.cursor += 1;
            if self.pieces[i].exact {
                continue;
            }
            self.ensure(fs, text, i);
            // keep glyphs only near the view; the height is what the pass is for
            if i.abs_diff(anchor) > 64 {
                self.evict(i);
            }
        }
        self.refresh_tops();
        if self.retained_chars > RETAINED_CHARS {
            self.evict_far_from(anchor);
        }
        self.tops[anchor] - anchor_top
    }

    /// The laid-out pieces intersecting `y0..y1` (physical px): `(piece index, top, layout,
    /// first char offset)`. Call [`DocLayout::ensure_band`] first; pieces whose glyphs are
    /// not retained are skipped.
    #[must_use]
    pub fn visible(&self, y0: f32, y1: f32) -> Vec<(usize, f32, Arc<TextLayout>, usize)> {
        let mut out = Vec::new();
        if self.pieces.is_empty() {
            return out;
        }
        let mut i = self.piece_at_y(y0);
        while i < self.pieces.len() && self.tops[i] < y1 {
            if let Some(l) = &self.pieces[i].layout {
                out.push((i, self.tops[i], Arc::clone(l), self.pieces[i].chars.start));
            }
            i += 1;
        }
        out
    }

    /// Char range shown in the band `y0..y1` (physical px), from the pieces' ranges.
    #[must_use]
    pub fn chars_in(&self, y0: f32, y1: f32) -> Range<usize> {
        if self.pieces.is_empty() {
            return 0..0;
        }
        let a = self.piece_at_y(y0);
        let mut b = a;
        while b + 1 < self.pieces.len() && self.tops[b + 1] < y1 {
            b += 1;
        }
        self.pieces[a].chars.start..self.pieces[b].chars.end
    }

    /// The caret offset nearest to `(x, y)` (physical px from the document's top-left), or
    /// `None` when the piece there is not laid out. See [`TextLayout::hit`].
    #[must_use]
    pub fn hit(&self, x: f32, y: f32) -> Option<usize> {
        let index = self.piece_at_y(y);
        let piece = self.pieces.get(index)?;
        let layout = piece.layout.as_ref()?;
        Some(piece.chars.start + layout.hit(x, y - self.tops[index]))
    }

    /// Highlight rectangles for the chars `range` (physical px from the document's
    /// top-left), over the pieces that are laid out. See [`TextLayout::highlight_rects`].
    #[must_use]
    pub fn highlight_rects(&self, range: Range<usize>) -> Vec<PxRect> {
        let mut out = Vec::new();
        if range.start >= range.end || self.pieces.is_empty() {
            return out;
        }
        let mut i = self.pieces.partition_point(|p| p.chars.end <= range.start);
        while let Some(p) = self.pieces.get(i) {
            if p.chars.start >= range.end {
                break;
            }
            if let Some(l) = &p.layout {
                let s = range.start.max(p.chars.start) - p.chars.start;
                let e = range.end.min(p.chars.end) - p.chars.start;
                let top = self.tops[i];
                out.extend(
                    l.highlight_rects(s..e)
                        .into_iter()
                        .map(|[x0, y0, x1, y1]| [x0, y0 + top, x1, y1 + top]),
                );
            }
            i += 1;
        }
        out
    }

    /// The caret at `offset` as `(x, line top, line height)` in physical px, when its piece
    /// is laid out. See [`TextLayout::caret_x`].
    #[must_use]
    pub fn caret(&self, offset: usize) -> Option<(f32, f32, f32)> {
        let i = self.piece_of_offset(offset);
        let p = self.pieces.get(i)?;
        let l = p.layout.as_ref()?;
        let (li, x) = l.caret_x(offset.clamp(p.chars.start, p.chars.end) - p.chars.start);
        let line = l.lines.get(li)?;
        Some((x, self.tops[i] + line.top, line.height))
    }

    /// Lays out the piece holding `offset` and returns the rectangles of `range` in it:
    /// for scrolling to a span far from the view.
    pub fn locate(&mut self, fs: &mut FontSystem, text: &str, range: Range<usize>) -> Vec<PxRect> {
        if self.pieces.is_empty() {
            return Vec::new();
        }
        let i = self.piece_of_offset(range.start);
        self.ensure(fs, text, i);
        self.refresh_tops();
        self.highlight_rects(range)
    }

    /// Number of pieces whose glyph data is retained.
    #[must_use]
    pub fn retained_pieces(&self) -> usize {
        self.pieces.iter().filter(|p| p.layout.is_some()).count()
    }

    fn evict(&mut self, i: usize) {
        if self.pieces[i].layout.take().is_some() {
            self.retained_chars -= self.pieces[i].chars.len();
        }
    }

    fn evict_far_from(&mut self, anchor: usize) {
        let mut order: Vec<usize> = (0..self.pieces.len())
            .filter(|&i| self.pieces[i].layout.is_some())
            .collect();
        order.sort_by_key(|&i| std::cmp::Reverse(i.abs_diff(anchor)));
        for i in order {
            if self.retained_chars <= RETAINED_CHARS / 2 || i.abs_diff(anchor) <= 64 {
                break;
            }
            self.evict(i);
        }
    }

    fn set_height(&mut self, i: usize, h: f32) {
        if self.heights[i].to_bits() != h.to_bits() {
            self.heights[i] = h;
            self.dirty_from = self.dirty_from.min(i + 1);
        }
    }

    fn estimate_all(&mut self) {
        for i in 0..self.pieces.len() {
            let h = self.estimate(i);
            self.heights[i] = h;
        }
        self.dirty_from = 0;
        self.refresh_tops();
    }

    /// Estimated height of a piece not laid out at the current parameters: its natural
    /// width (measured earlier, or its length times the running advance per char) divided
    /// into lines of the wrap width.
    fn estimate(&self, i: usize) -> f32 {
        let p = &self.pieces[i];
        let natural = p
            .natural_width
            .unwrap_or(p.chars.len() as f32 * self.px_per_char);
        let lines = match self.params.width {
            Some(w) if w > 1.0 => (natural / (w * 0.97)).ceil().max(1.0),
            _ => 1.0,
        };
        lines * self.line_height
    }

    /// Recomputes the stale part of `tops` (from `dirty_from` on).
    fn refresh_tops(&mut self) {
        let n = self.pieces.len();
        let from = self.dirty_from;
        if from > n {
            return;
        }
        let mut y = if from == 0 {
            0.0
        } else {
            self.tops[from - 1] + self.heights[from - 1]
        };
        for i in from..=n {
            self.tops[i] = y;
            if i < n {
                y += self.heights[i];
            }
        }
        self.dirty_from = n + 1;
    }
}

/// Splits the paragraph `range` of `text` into pieces of at most about
/// [`MAX_PIECE_CHARS`] chars, each ending after a sentence end (". ", "؟ ", "! ") or
/// else after a space, so no piece boundary falls inside a word.
fn split_long(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let para = &text[range.clone()];
    // cheap check first: few paragraphs are long
    if para.len() <= MAX_PIECE_CHARS {
        return vec![range];
    }
    let mut out = Vec::new();
    let mut start = 0; // byte offset in para
    let mut count = 0;
    let mut last_sentence = None;
    let mut last_space = None;
    for (b, c) in para.char_indices() {
        count += 1;
        if c == ' ' {
            let after = b + 1;
            let prev = para[start..b].chars().next_back();
            if matches!(prev, Some('.' | '؟' | '?' | '!' | '۔' | '؛')) {
                last_sentence = Some(after);
            }
            last_space = Some(after);
        }
        if count >= MAX_PIECE_CHARS {
            if let Some(cut) = last_sentence.or(last_space).filter(|&c| c > start) {
                out.push(range.start + start..range.start + cut);
                count = para[cut..b + c.len_utf8()].chars().count();
                start = cut;
                last_sentence = None;
                last_space = None;
            } else if count >= 2 * MAX_PIECE_CHARS {
                // no space at all: cut at a grapheme boundary
                let cut = next_grapheme_boundary(para, b);
                out.push(range.start + start..range.start + cut);
                count = 0;
                start = cut;
            }
        }
    }
    if start < para.len() || out.is_empty() {
        out.push(range.start + start..range.end);
    }
    out
}

/// The first grapheme cluster boundary at or after byte `b` of `s`.
fn next_grapheme_boundary(s: &str, b: usize) -> usize {
    use unicode_segmentation::GraphemeCursor;
    let mut cur = GraphemeCursor::new(b, s.len(), true);
    if cur.is_boundary(s, 0).unwrap_or(true) {
        return b;
    }
    cur.next_boundary(s, 0).ok().flatten().unwrap_or(s.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{ARABIC_FAMILY, LATIN_FAMILY, SystemFonts, font_system};
    use crate::layout_text;

    const SAMPLE: &str = include_str!("../../../seeds/putin-trump-call.ar.txt");

    fn params(width: f32) -> LayoutParams {
        LayoutParams {
            font_size: 24.0,
            line_spacing: 1.8,
            width: Some(width),
            family: ARABIC_FAMILY.to_owned(),
            latin_family: Some(LATIN_FAMILY.to_owned()),
        }
    }

    fn complete(doc: &mut DocLayout, fs: &mut FontSystem, text: &str) {
        while !doc.is_complete() {
            doc.advance(fs, text, 0.0, Duration::from_secs(1));
        }
    }

    /// Direction of the first visual line of each piece, laying everything out.
    fn piece_directions(text: &str) -> Vec<bool> {
        let mut fs = font_system(SystemFonts::Skip);
        let mut doc = DocLayout::new(text, params(700.0));
        (0..doc.piece_count())
            .map(|i| doc.ensure(&mut fs, text, i).lines[0].rtl)
            .collect()
    }

    #[test]
    fn every_piece_of_a_long_paragraph_keeps_the_paragraphs_direction() {
        // an Arabic paragraph long enough to be cut, each piece starting with Latin
        let sentence = "Crew Dragon هي مركبة فضائية أطلقتها شركة سبيس إكس من فلوريدا. ";
        let arabic = sentence.repeat(2 * MAX_PIECE_CHARS / sentence.chars().count());
        let text = format!(
            "بدأ التقرير {arabic}\nThe report began {}",
            sentence.repeat(3)
        );
        let dirs = piece_directions(&text);
        assert!(dirs.len() > 3, "the paragraph is cut into pieces");
        let (last, arabic_pieces) = dirs.split_last().unwrap();
        assert!(arabic_pieces.iter().all(|&rtl| rtl), "{dirs:?}");
        assert!(!last, "the English paragraph is left-to-right");
    }

    #[test]
    fn a_paragraph_without_letters_follows_the_paragraph_before_it() {
        let text = "2020\nقال الرئيس\n(3)\n\nThe president said\n— 12 —\n";
        // 2020 comes before any letter: it takes the first paragraph with one (Arabic)
        assert_eq!(
            piece_directions(text),
            vec![true, true, true, true, false, false, false]
        );
        let mut fs = font_system(SystemFonts::Skip);
        let full = layout_text(&mut fs, text, &params(700.0));
        let whole: Vec<bool> = full.lines.iter().map(|l| l.rtl).collect();
        assert_eq!(
            whole,
            piece_directions(text),
            "as the whole text is laid out"
        );
        assert_eq!(
            piece_directions("12\n(3)"),
            vec![true, true],
            "no letter at all"
        );
    }

    #[test]
    fn completed_lazy_layout_has_the_geometry_of_the_full_layout() {
        let mut fs = font_system(SystemFonts::Skip);
        let text = format!("{SAMPLE}\r\n\r\n{SAMPLE}");
        let full = layout_text(&mut fs, &text, &params(700.0));
        let mut doc = DocLayout::new(&text, params(700.0));
        assert!(!doc.is_complete());
        complete(&mut doc, &mut fs, &text);
        doc.ensure_band(&mut fs, &text, 0.0, f32::MAX);
        assert_eq!(doc.char_len(), full.char_len);
        assert!(
            (doc.height() - full.height).abs() < 0.5,
            "{} vs {}",
            doc.height(),
            full.height
        );
        // same highlight geometry and hits for spans all over the text, CRLF included
        for start in (0..full.char_len - 12).step_by(97) {
            let r = start..start + 11;
            assert_eq!(doc.highlight_rects(r.clone()), full.highlight_rects(r));
        }
        for line in full.lines.iter().step_by(3) {
            for x in [5.0, 200.0, 450.0, 690.0] {
                let y = line.top + line.height / 2.0;
                assert_eq!(doc.hit(x, y), Some(full.hit(x, y)), "at ({x}, {y})");
            }
        }
        let (li, x) = full.caret_x(1000);
        let caret = doc.caret(1000).unwrap();
        assert!((caret.0 - x).abs() < 0.01);
        assert!((caret.1 - full.lines[li].top).abs() < 0.01);
    }

    #[test]
    fn only_the_requested_band_is_laid_out_and_estimates_are_close() {
        let mut fs = font_system(SystemFonts::Skip);
        let text = [SAMPLE; 40].join("\n");
        let mut doc = DocLayout::new(&text, params(900.0));
        doc.ensure_band(&mut fs, &text, 0.0, 900.0);
        let laid = doc.retained_pieces();
        assert!(
            laid > 0 && laid < doc.piece_count() / 10,
            "{laid} of {}",
            doc.piece_count()
        );
        let estimate = doc.height();
        complete(&mut doc, &mut fs, &text);
        let exact = doc.height();
        assert!(
            (estimate - exact).abs() / exact < 0.15,
            "estimated {estimate}, exact {exact}"
        );
        // glyph data of far pieces is not all kept, but heights are
        assert!(doc.progress() >= 1.0);
    }

    #[test]
    fn background_pass_reports_how_far_the_view_moved() {
        let mut fs = font_system(SystemFonts::Skip);
        let text = [SAMPLE; 20].join("\n");
        let mut doc = DocLayout::new(&text, params(600.0));
        // the user jumped to the middle: the band there is exact, all above is estimated
        let y = doc.height() / 2.0;
        doc.ensure_band(&mut fs, &text, y, y + 800.0);
        let anchor = doc.piece_at_y(y);
        let before = doc.piece_top(anchor);
        let mut moved = 0.0;
        while !doc.is_complete() {
            moved += doc.advance(&mut fs, &text, y + moved, Duration::from_millis(2));
        }
        let after = doc.piece_top(anchor);
        assert!(
            (after - before - moved).abs() < 0.5,
            "{before} {after} {moved}"
        );
    }

    #[test]
    fn a_resize_relayouts_only_what_is_asked_for() {
        let mut fs = font_system(SystemFonts::Skip);
        let text = [SAMPLE; 20].join("\n");
        let mut doc = DocLayout::new(&text, params(900.0));
        complete(&mut doc, &mut fs, &text);
        let wide = doc.height();
        doc.set_params(params(450.0));
        assert!(!doc.is_complete());
        assert_eq!(doc.retained_pieces(), 0);
        // re-estimated from the measured widths, close to the exact height
        let estimate = doc.height();
        assert!(estimate > wide * 1.3);
        doc.ensure_band(&mut fs, &text, 0.0, 600.0);
        assert!(doc.hit(10.0, 10.0).is_some());
        assert!(doc.retained_pieces() < doc.piece_count() / 10);
        complete(&mut doc, &mut fs, &text);
        let exact = doc.height();
        assert!(
            (estimate - exact).abs() / exact < 0.05,
            "{estimate} vs {exact}"
        );
    }

    #[test]
    fn a_very_long_line_is_laid_out_in_pieces_that_end_between_words() {
        let line = SAMPLE.replace(['\n', '\r'], " ").repeat(60);
        let n = line.chars().count();
        assert!(n > 100_000);
        let doc = DocLayout::new(&line, params(900.0));
        assert!(doc.piece_count() >= n / MAX_PIECE_CHARS);
        let mut next = 0;
        for p in &doc.pieces {
            assert_eq!(p.chars.start, next);
            assert!(p.chars.len() <= MAX_PIECE_CHARS + 1);
            next = p.chars.end;
            if p.chars.end < n {
                assert!(
                    line[..p.bytes.end].ends_with(' '),
                    "piece ends inside a word"
                );
            }
        }
        assert_eq!(next, n);
        let mut fs = font_system(SystemFonts::Skip);
        let mut doc = doc;
        doc.ensure_band(&mut fs, &line, 0.0, 1000.0);
        assert!(doc.retained_pieces() <= 2);
    }

    #[test]
    fn a_line_without_spaces_is_cut_between_grapheme_clusters() {
        let word = "مُحَمَّد".repeat(3000);
        let pieces = split_long(&word, 0..word.len());
        assert!(pieces.len() > 1);
        for p in &pieces {
            assert!(word.is_char_boundary(p.start));
            // a cut never separates a mark from its letter
            let first = word[p.clone()].chars().next().unwrap();
            assert!(
                !('\u{064B}'..='\u{0652}').contains(&first),
                "piece starts with a mark"
            );
        }
    }

    #[test]
    fn empty_text_and_trailing_line_breaks_have_pieces() {
        let doc = DocLayout::new("", params(500.0));
        assert_eq!(doc.piece_count(), 1);
        assert!(doc.height() > 0.0);
        let doc = DocLayout::new("سطر\r\n", params(500.0));
        assert_eq!(doc.piece_count(), 2);
        assert_eq!(doc.char_len(), 5);
        assert_eq!(doc.piece_of_offset(5), 1);
        assert_eq!(doc.piece_of_offset(3), 0);
    }
}
