//! Geometry of a [`TextLayout`]: hit-testing (which char is at a point), the rectangles
//! of a char range for highlights and selections, and cluster boxes of a line.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::layout::{PlacedGlyph, PxRect, TextLayout, VisualLine};
use super::runs::is_invisible_break;

impl TextLayout {
    /// The text that was laid out.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Index of the visual line at vertical position `y` (clamped to the first/last line).
    #[must_use]
    pub fn line_at_y(&self, y: f32) -> usize {
        let i = self.lines.partition_point(|l| l.top + l.height <= y);
        i.min(self.lines.len().saturating_sub(1))
    }

    /// Index of the visual line that shows char offset `offset` (a caret at a wrap point
    /// belongs to the later line).
    #[must_use]
    pub fn line_of_offset(&self, offset: usize) -> usize {
        let i = self.lines.partition_point(|l| l.chars.end <= offset);
        i.min(self.lines.len().saturating_sub(1))
    }

    /// Range of visual lines intersecting the vertical band `y0..y1` (physical px).
    #[must_use]
    pub fn lines_in(&self, y0: f32, y1: f32) -> Range<usize> {
        let a = self.lines.partition_point(|l| l.top + l.height <= y0);
        let b = self.lines.partition_point(|l| l.top < y1);
        a..b.max(a)
    }

    /// The caret offset (a grapheme cluster boundary) nearest to the point `(x, y)`
    /// (physical px relative to the layout's top-left).
    ///
    /// A glyph cluster's box is the union of its glyphs' advance boxes (its base letter;
    /// the zero-width marks on it add nothing). Inside a cluster, the box is divided evenly
    /// among its grapheme clusters (so each letter of a ligature such as "ffi" gets a
    /// caret position); the half of a grapheme nearer to its logical start (the right half
    /// in right-to-left runs) gives its start offset. An offset that falls inside a
    /// grapheme of the text (a cluster that ends before a ZWNJ, which extends the grapheme
    /// of the letter before it) moves to that grapheme's edge on the same side. Beyond a
    /// line's ends, the caret goes to the line's visual start or end according to its
    /// paragraph direction.
    #[must_use]
    pub fn hit(&self, x: f32, y: f32) -> usize {
        let Some(line) = self.lines.get(self.line_at_y(y)) else {
            return 0;
        };
        if line.glyphs.is_empty() {
            return line.chars.start;
        }
        let (lo, hi) = line.extent;
        if x < lo || x >= hi {
            let at_visual_left = x < lo;
            return if at_visual_left == line.rtl {
                self.line_end_caret(line)
            } else {
                line.chars.start
            };
        }
        let c = cluster_boxes(line)
            .find(|c| x >= c.left && x < c.right)
            .or_else(|| cluster_boxes(line).min_by(|a, b| a.dist(x).total_cmp(&b.dist(x))));
        let Some(c) = c else {
            return line.chars.start;
        };
        for (gs, ge, left, right) in self.grapheme_slots(&c) {
            if x >= left && x < right || (x - left).abs() < f32::EPSILON {
                let left_half = x < f32::midpoint(left, right);
                // logical start is on the right for RTL glyphs, on the left for LTR
                return if left_half == c.rtl {
                    self.snap_to_grapheme(ge, true)
                } else {
                    self.snap_to_grapheme(gs, false)
                };
            }
        }
        self.snap_to_grapheme(c.chars.start, false)
    }

    /// `offset` if it is a grapheme cluster boundary of the text, else the next boundary
    /// after it (`forward`) or before it.
    fn snap_to_grapheme(&self, offset: usize, forward: bool) -> usize {
        use unicode_segmentation::GraphemeCursor;
        let Some(&b) = self.char_bytes.get(offset) else {
            return offset;
        };
        let mut cursor = GraphemeCursor::new(b as usize, self.text.len(), true);
        if cursor.is_boundary(&self.text, 0).unwrap_or(true) {
            return offset;
        }
        let next = if forward {
            cursor.next_boundary(&self.text, 0)
        } else {
            cursor.prev_boundary(&self.text, 0)
        };
        match next {
            Ok(Some(nb)) => self
                .char_bytes
                .binary_search(&(nb as u32))
                .unwrap_or(offset),
            _ => offset,
        }
    }

    /// The last caret position of a visual line: its end, or just before the trailing
    /// whitespace that a wrap left at its end.
    fn line_end_caret(&self, line: &VisualLine) -> usize {
        let mut end = line.chars.end;
        if line.wrapped {
            while end > line.chars.start
                && self
                    .char_at(end - 1)
                    .is_some_and(|c| c.is_whitespace() || is_invisible_break(c))
            {
                end -= 1;
            }
        }
        end
    }

    fn char_at(&self, offset: usize) -> Option<char> {
        let b = *self.char_bytes.get(offset)? as usize;
        self.text[b..].chars().next()
    }

    /// The grapheme clusters of a glyph cluster with their visual x intervals:
    /// `(char_start, char_end, left, right)`, split evenly across the cluster's box.
    fn grapheme_slots(&self, c: &ClusterBox) -> Vec<(usize, usize, f32, f32)> {
        let text = self.text.get(c.bytes.clone()).unwrap_or("");
        let graphemes: Vec<usize> = text.graphemes(true).map(|s| s.chars().count()).collect();
        let n = graphemes.len().max(1);
        let w = c.right - c.left;
        let slot = w / n as f32;
        let mut out = Vec::with_capacity(n);
        let mut k0 = c.chars.start;
        for (k, len) in graphemes.iter().enumerate() {
            let (left, right) = if c.rtl {
                (c.right - (k + 1) as f32 * slot, c.right - k as f32 * slot)
            } else {
                (c.left + k as f32 * slot, c.left + (k + 1) as f32 * slot)
            };
            out.push((k0, k0 + len, left, right));
            k0 += len;
        }
        if out.is_empty() {
            out.push((c.chars.start, c.chars.end, c.left, c.right));
        }
        out
    }

    /// Rectangles covering the chars `range` (physical px), one or more per visual line
    /// (several when bidi reordering splits the range visually). Adjacent pieces are merged;
    /// zero-width pieces (a direction mark, a joiner alone) are left out. A cluster only
    /// partly in `range` (one letter of a ligature) contributes its share of the cluster's
    /// box. The rectangles only mark areas; drawing them under the glyphs leaves shaping
    /// intact.
    #[must_use]
    pub fn highlight_rects(&self, range: Range<usize>) -> Vec<PxRect> {
        let mut out = Vec::new();
        if range.start >= range.end {
            return out;
        }
        let first = self.line_of_offset(range.start);
        for line in &self.lines[first..] {
            if line.chars.start >= range.end {
                break;
            }
            let mut spans: Vec<(f32, f32)> = Vec::new();
            for c in cluster_boxes(line) {
                if c.chars.end <= range.start || c.chars.start >= range.end {
                    continue;
                }
                if range.start <= c.chars.start && c.chars.end <= range.end {
                    spans.push((c.left, c.right));
                } else {
                    for (gs, ge, l, r) in self.grapheme_slots(&c) {
                        if gs < range.end && ge > range.start {
                            spans.push((l, r));
                        }
                    }
                }
            }
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut merged: Vec<(f32, f32)> = Vec::new();
            for (l, r) in spans {
                match merged.last_mut() {
                    Some(last) if l <= last.1 + 0.5 => last.1 = last.1.max(r),
                    _ => merged.push((l, r)),
                }
            }
            for (l, r) in merged.into_iter().filter(|(l, r)| r - l > 0.01) {
                out.push([l, line.top, r, line.top + line.height]);
            }
        }
        out
    }

    /// The visual x position (physical px) of a caret at `offset` on its line, and the
    /// line index: the logical-start edge of the grapheme that starts at `offset` (its
    /// right edge in a right-to-left run), or at a line's end the logical-end edge of the
    /// last grapheme. Used to draw carets and to scroll to offsets.
    #[must_use]
    pub fn caret_x(&self, offset: usize) -> (usize, f32) {
        let li = self.line_of_offset(offset);
        let Some(line) = self.lines.get(li) else {
            return (0, 0.0);
        };
        for c in cluster_boxes(line) {
            if offset < c.chars.start || offset > c.chars.end {
                continue;
            }
            for (gs, ge, l, r) in self.grapheme_slots(&c) {
                if gs == offset {
                    return (li, if c.rtl { r } else { l });
                }
                if ge == offset && offset == line.chars.end {
                    return (li, if c.rtl { l } else { r });
                }
            }
        }
        let (lo, hi) = line.extent;
        (
            li,
            if line.rtl == (offset <= line.chars.start) {
                hi
            } else {
                lo
            },
        )
    }
}

/// One glyph cluster of a visual line: the union of its glyphs' advance boxes (a zero-width
/// mark glyph adds nothing to its base's box).
pub(crate) struct ClusterBox {
    chars: Range<usize>,
    bytes: Range<usize>,
    left: f32,
    right: f32,
    rtl: bool,
}

impl ClusterBox {
    fn dist(&self, x: f32) -> f32 {
        if x < self.left {
            self.left - x
        } else {
            (x - self.right).max(0.0)
        }
    }
}

/// The glyph clusters of a line in visual order (a cluster's glyphs are adjacent).
pub(crate) fn cluster_boxes(line: &VisualLine) -> ClusterBoxes<'_> {
    ClusterBoxes {
        glyphs: &line.glyphs,
    }
}

/// Iterator behind [`cluster_boxes`].
pub(crate) struct ClusterBoxes<'a> {
    glyphs: &'a [PlacedGlyph],
}

impl Iterator for ClusterBoxes<'_> {
    type Item = ClusterBox;

    fn next(&mut self) -> Option<ClusterBox> {
        let (g, rest) = self.glyphs.split_first()?;
        let mut c = ClusterBox {
            chars: g.chars.clone(),
            bytes: g.bytes.clone(),
            left: g.x,
            right: g.x + g.w.max(0.0),
            rtl: g.rtl,
        };
        let n = rest.iter().take_while(|h| h.chars == g.chars).count();
        for h in &rest[..n] {
            if h.w > 0.0 {
                if c.right > c.left {
                    c.left = c.left.min(h.x);
                    c.right = c.right.max(h.x + h.w);
                } else {
                    (c.left, c.right) = (h.x, h.x + h.w);
                }
            }
        }
        self.glyphs = &rest[n..];
        Some(c)
    }
}
