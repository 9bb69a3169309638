//! Caret movement on the screen: the grapheme clusters of each visual line of a
//! [`TextLayout`] in left-to-right screen order, with their logical char ranges and bidi
//! levels ([`VisualCarets`]), and the motions the keyboard asks for ([`Motion`]). See
//! [`crate::edit`] for which of the two screen positions of an offset at a run boundary
//! is shown.

use std::ops::Range;

use taliq_core::model::document::is_arabic_mark;
use unicode_bidi::{BidiInfo, Level};
use unicode_segmentation::UnicodeSegmentation;

use super::layout::TextLayout;

/// A caret movement on the screen, as the keyboard asks for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Motion {
    /// One grapheme cluster to the left on the screen (Left arrow).
    Left,
    /// One grapheme cluster to the right on the screen (Right arrow).
    Right,
    /// To the left edge of the next word on the left (Ctrl+Left).
    WordLeft,
    /// To the right edge of the next word on the right (Ctrl+Right).
    WordRight,
    /// To the start of the visual line in reading order: its right end when the line is
    /// right-to-left (Home).
    LineStart,
    /// To the end of the visual line in reading order: its left end when right-to-left (End).
    LineEnd,
    /// To the previous visual line, nearest to the goal x (physical px) (Up arrow).
    Up(f32),
    /// To the next visual line, nearest to the goal x (physical px) (Down arrow).
    Down(f32),
    /// To the start of the text (Ctrl+Home).
    TextStart,
    /// To the end of the text (Ctrl+End).
    TextEnd,
}

/// One caret position on a visual line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CaretStop {
    /// Logical char offset of the caret (a grapheme cluster boundary).
    pub offset: usize,
    /// Screen x of the caret (physical px from the layout's left).
    pub x: f32,
    /// True when the stretch between this stop and the next one to its right shows a word
    /// character (letter, digit or mark); false for spaces and punctuation.
    word_after: bool,
}

/// The caret stops of one visual line.
#[derive(Debug, Clone, PartialEq)]
pub struct CaretLine {
    /// Stops from left to right on the screen; never empty.
    pub stops: Vec<CaretStop>,
    /// True when the line's paragraph is right-to-left.
    pub rtl: bool,
    /// Top of the line box (physical px).
    pub top: f32,
    /// Height of the line box (physical px).
    pub height: f32,
    /// Grapheme clusters in screen order: logical char range, left and right x.
    clusters: Vec<(Range<usize>, f32, f32)>,
}

impl CaretLine {
    /// Index of the stop at the start of the line in reading order (rightmost when RTL).
    fn start_index(&self) -> usize {
        if self.rtl { self.stops.len() - 1 } else { 0 }
    }

    /// Index of the stop at the end of the line in reading order (leftmost when RTL).
    fn end_index(&self) -> usize {
        if self.rtl { 0 } else { self.stops.len() - 1 }
    }

    /// Index of the stop nearest to `x`.
    fn nearest(&self, x: f32) -> usize {
        let mut best = 0;
        for (i, s) in self.stops.iter().enumerate() {
            if (s.x - x).abs() < (self.stops[best].x - x).abs() {
                best = i;
            }
        }
        best
    }
}

/// Every caret position of a [`TextLayout`] in screen order, line by line: the model behind
/// visual (on-screen) caret movement, caret drawing and mouse hits in the edit field.
///
/// Built from the layout's glyphs (visual order, cluster char ranges) and the UAX #9
/// embedding levels of the text (unicode-bidi, rule L1 applied per line). A glyph cluster
/// that covers several grapheme clusters (a lam-alef ligature) is split evenly among them,
/// and a cluster edge inside a grapheme cluster (a letter and its shadda) is never a stop.
/// At a run boundary the offset of the cluster with the lower embedding level is taken
/// (see the module documentation), so each stop has one offset and each offset, on a line
/// without explicit embeddings, one stop.
#[derive(Debug, Clone, PartialEq)]
pub struct VisualCarets {
    lines: Vec<CaretLine>,
    char_len: usize,
}

/// A grapheme cluster placed on a line, as used while building stops.
struct Slot {
    chars: Range<usize>,
    left: f32,
    right: f32,
    rtl: bool,
    level: u8,
    word: bool,
}

impl Slot {
    fn left_offset(&self) -> usize {
        if self.rtl {
            self.chars.end
        } else {
            self.chars.start
        }
    }
    fn right_offset(&self) -> usize {
        if self.rtl {
            self.chars.start
        } else {
            self.chars.end
        }
    }
}

impl VisualCarets {
    /// The caret stops of `layout`.
    #[must_use]
    pub fn new(layout: &TextLayout) -> VisualCarets {
        let text = layout.text();
        let char_bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let char_len = char_bytes.len() - 1;
        let mut boundary = vec![false; char_len + 1];
        let mut c = 0;
        for g in text.graphemes(true) {
            boundary[c] = true;
            c += g.chars().count();
        }
        boundary[char_len] = true;
        let levels = char_levels(layout, &char_bytes);
        let lines = layout
            .lines
            .iter()
            .map(|line| {
                let para = u8::from(line.rtl);
                let slots = line_slots(text, &char_bytes, line, &levels, para);
                let end_ok = |o: usize| {
                    o >= line.chars.start
                        && (o < line.chars.end || (!line.wrapped && o == line.chars.end))
                };
                let valid = |o: usize| boundary.get(o).copied().unwrap_or(false) && end_ok(o);
                let stops = line_stops(&slots, line, para, &valid);
                CaretLine {
                    stops,
                    rtl: line.rtl,
                    top: line.top,
                    height: line.height,
                    clusters: slots
                        .iter()
                        .map(|s| (s.chars.clone(), s.left, s.right))
                        .collect(),
                }
            })
            .collect();
        VisualCarets { lines, char_len }
    }

    /// The lines, top to bottom.
    #[must_use]
    pub fn lines(&self) -> &[CaretLine] {
        &self.lines
    }

    /// Whether visual line `line` is right-to-left (false past the last line).
    #[must_use]
    pub fn line_is_rtl(&self, line: usize) -> bool {
        self.lines.get(line).is_some_and(|l| l.rtl)
    }

    /// The line and stop index where a caret at `offset` is shown: the stop with that
    /// offset on the first line that has one, else the stop on its line with the nearest
    /// offset (for offsets that are not grapheme boundaries).
    #[must_use]
    pub fn position(&self, offset: usize) -> (usize, usize) {
        for (li, line) in self.lines.iter().enumerate() {
            if let Some(i) = line.stops.iter().position(|s| s.offset == offset) {
                return (li, i);
            }
        }
        // not a stop: the nearest one on the line whose range holds it
        let li = self
            .lines
            .iter()
            .position(|l| l.stops.iter().any(|s| s.offset >= offset))
            .unwrap_or(self.lines.len().saturating_sub(1));
        let Some(line) = self.lines.get(li) else {
            return (0, 0);
        };
        let i = (0..line.stops.len())
            .min_by_key(|&i| line.stops[i].offset.abs_diff(offset))
            .unwrap_or(0);
        (li, i)
    }

    /// The visual line index and screen x (physical px) of a caret at `offset`.
    #[must_use]
    pub fn x_of(&self, offset: usize) -> (usize, f32) {
        let (li, i) = self.position(offset);
        (li, self.lines.get(li).map_or(0.0, |l| l.stops[i].x))
    }

    fn offset_at(&self, li: usize, i: usize) -> usize {
        self.lines[li].stops[i].offset
    }

    /// The offset one grapheme cluster to the right (`right`) or left of `offset` on the
    /// screen. Past a line's end in reading order the caret goes to the start of the next
    /// line, past its start to the end of the previous one; at the ends of the text it
    /// stays.
    #[must_use]
    pub fn step(&self, offset: usize, right: bool) -> usize {
        if self.lines.is_empty() {
            return offset;
        }
        let (li, i) = self.position(offset);
        let line = &self.lines[li];
        if right && i + 1 < line.stops.len() {
            return self.offset_at(li, i + 1);
        }
        if !right && i > 0 {
            return self.offset_at(li, i - 1);
        }
        // beyond the line's edge: forward in reading order when the edge is its end
        let forward = right != line.rtl;
        self.cross_line(li, forward).unwrap_or(offset)
    }

    /// The start of the next line (`forward`) or the end of the previous one.
    fn cross_line(&self, li: usize, forward: bool) -> Option<usize> {
        if forward {
            let next = self.lines.get(li + 1)?;
            Some(next.stops[next.start_index()].offset)
        } else {
            let prev = self.lines.get(li.checked_sub(1)?)?;
            Some(prev.stops[prev.end_index()].offset)
        }
    }

    /// The offset one word to the right (`right`) or left of `offset` on the screen: spaces
    /// and punctuation are passed, then the word after them, so the caret lands on the far
    /// edge of that word. At a line's edge it goes on to the adjacent line.
    #[must_use]
    pub fn word_step(&self, offset: usize, right: bool) -> usize {
        if self.lines.is_empty() {
            return offset;
        }
        let (li, mut i) = self.position(offset);
        let stops = &self.lines[li].stops;
        // the stretch crossed when moving from stop i in the key's direction
        let next_is_word = |i: usize| -> Option<bool> {
            if right {
                (i + 1 < stops.len()).then(|| stops[i].word_after)
            } else {
                (i > 0).then(|| stops[i - 1].word_after)
            }
        };
        let advance = |i: usize| if right { i + 1 } else { i - 1 };
        if next_is_word(i).is_none() {
            return self.step(offset, right);
        }
        while next_is_word(i) == Some(false) {
            i = advance(i);
        }
        while next_is_word(i) == Some(true) {
            i = advance(i);
        }
        stops[i].offset
    }

    /// The start (`end` false) or end of the visual line of `offset` in reading order: the
    /// right end of a right-to-left line is its start.
    #[must_use]
    pub fn line_edge(&self, offset: usize, end: bool) -> usize {
        if self.lines.is_empty() {
            return offset;
        }
        let (li, _) = self.position(offset);
        let line = &self.lines[li];
        let i = if end {
            line.end_index()
        } else {
            line.start_index()
        };
        line.stops[i].offset
    }

    /// The offset on the line below (`down`) or above that of `offset` whose caret is
    /// nearest to `goal_x` (physical px). Above the first line is the start of the text,
    /// below the last its end.
    #[must_use]
    pub fn vertical(&self, offset: usize, goal_x: f32, down: bool) -> usize {
        let (li, _) = self.position(offset);
        let target = if down {
            li + 1
        } else {
            match li.checked_sub(1) {
                Some(t) => t,
                None => return 0,
            }
        };
        match self.lines.get(target) {
            Some(line) => line.stops[line.nearest(goal_x)].offset,
            None => self.char_len,
        }
    }

    /// Index of the line at height `y` (physical px), clamped to the first and last line.
    fn line_at_y(&self, y: f32) -> usize {
        let i = self.lines.partition_point(|l| l.top + l.height <= y);
        i.min(self.lines.len().saturating_sub(1))
    }

    /// The caret offset for a pointer at `(x, y)` (physical px from the layout's
    /// top-left): the stop nearest to `x` on the line at `y`, so the caret is drawn where
    /// the pointer was.
    #[must_use]
    pub fn hit(&self, x: f32, y: f32) -> usize {
        let Some(line) = self.lines.get(self.line_at_y(y)) else {
            return 0;
        };
        line.stops[line.nearest(x)].offset
    }

    /// The first char of the grapheme cluster under `(x, y)` (physical px), or the caret
    /// offset nearest to it when the point is beside the text.
    #[must_use]
    pub fn char_at(&self, x: f32, y: f32) -> usize {
        let Some(line) = self.lines.get(self.line_at_y(y)) else {
            return 0;
        };
        line.clusters
            .iter()
            .find(|(_, l, r)| x >= *l && x < *r)
            .map_or_else(|| self.hit(x, y), |(c, _, _)| c.start)
    }
}

/// The resolved UAX #9 embedding level of every char (index = char offset), line by line
/// with rule L1, for the paragraph direction the layout chose. Levels that disagree with
/// the direction of the glyph the shaper placed are corrected by the caller.
fn char_levels(layout: &TextLayout, char_bytes: &[usize]) -> Vec<u8> {
    let text = layout.text();
    let mut levels = vec![0u8; char_bytes.len()];
    let mut li = 0;
    while li < layout.lines.len() {
        let mut last = li;
        while layout.lines[last].wrapped && last + 1 < layout.lines.len() {
            last += 1;
        }
        let (first_line, last_line) = (&layout.lines[li], &layout.lines[last]);
        let pc = first_line.chars.start..last_line.chars.end;
        let pb = char_bytes[pc.start]..char_bytes[pc.end];
        let para_level = if first_line.rtl {
            Level::rtl()
        } else {
            Level::ltr()
        };
        let info = BidiInfo::new(&text[pb.clone()], Some(para_level));
        if let [para] = info.paragraphs.as_slice() {
            for line in &layout.lines[li..=last] {
                let lb =
                    char_bytes[line.chars.start] - pb.start..char_bytes[line.chars.end] - pb.start;
                let by_byte = info.reordered_levels(para, lb);
                for c in line.chars.clone() {
                    levels[c] = by_byte[char_bytes[c] - pb.start].number();
                }
            }
        } else {
            // a paragraph separator inside (U+2029 and the like): the paragraph level only
            for c in pc {
                levels[c] = para_level.number();
            }
        }
        li = last + 1;
    }
    levels
}

/// The grapheme clusters of a visual line in screen order, from its glyphs: glyphs of one
/// shaping cluster are merged (a letter and its marks), and a cluster of several grapheme
/// clusters (a ligature) is divided evenly across its advance.
fn line_slots(
    text: &str,
    char_bytes: &[usize],
    line: &super::layout::VisualLine,
    levels: &[u8],
    para: u8,
) -> Vec<Slot> {
    let mut clusters: Vec<(Range<usize>, f32, f32, bool)> = Vec::new();
    for g in &line.glyphs {
        match clusters.last_mut() {
            Some((chars, l, r, _)) if *chars == g.chars => {
                *l = l.min(g.x);
                *r = r.max(g.x + g.w);
            }
            _ => clusters.push((g.chars.clone(), g.x, g.x + g.w, g.rtl)),
        }
    }
    let mut slots = Vec::new();
    for (chars, left, right, rtl) in clusters {
        let cluster = text
            .get(char_bytes[chars.start]..char_bytes[chars.end])
            .unwrap_or("");
        let parts: Vec<(usize, bool)> = cluster
            .graphemes(true)
            .map(|g| (g.chars().count(), g.chars().any(is_word_char)))
            .collect();
        let n = parts.len().max(1);
        let width = (right - left) / n as f32;
        let level = levels.get(chars.start).copied().unwrap_or(para);
        // trust the shaper's direction when the two disagree
        let level = if (level % 2 == 1) == rtl {
            level
        } else if rtl == (para == 1) {
            para
        } else {
            para + 1
        };
        if parts.is_empty() {
            slots.push(Slot {
                chars,
                left,
                right,
                rtl,
                level,
                word: false,
            });
            continue;
        }
        let mut c = chars.start;
        let mut parts_in_visual = Vec::with_capacity(n);
        for (len, word) in parts {
            parts_in_visual.push((c..c + len, word));
            c += len;
        }
        if rtl {
            parts_in_visual.reverse();
        }
        for (k, (chars, word)) in parts_in_visual.into_iter().enumerate() {
            slots.push(Slot {
                chars,
                left: left + k as f32 * width,
                right: left + (k + 1) as f32 * width,
                rtl,
                level,
                word,
            });
        }
    }
    slots
}

/// The caret stops of a line from its slots: one per edge between clusters (and at both
/// ends), each taking the offset of the lower-level side, skipping offsets rejected by
/// `valid` (inside a grapheme cluster, or the wrap point that belongs to the next line).
fn line_stops(
    slots: &[Slot],
    line: &super::layout::VisualLine,
    para: u8,
    valid: &dyn Fn(usize) -> bool,
) -> Vec<CaretStop> {
    let (line_start, line_end) = (line.chars.start, line.chars.end);
    if slots.is_empty() {
        let x = if line.rtl {
            line.extent.1
        } else {
            line.extent.0
        };
        return vec![CaretStop {
            offset: line_start,
            x,
            word_after: false,
        }];
    }
    // the text beyond either edge of the line counts as paragraph-level context
    let (left_edge, right_edge) = if line.rtl {
        (line_end, line_start)
    } else {
        (line_start, line_end)
    };
    let n = slots.len();
    let mut stops: Vec<CaretStop> = Vec::with_capacity(n + 1);
    let mut word_since_stop = false;
    for k in 0..=n {
        let from_left = if k == 0 {
            (para, left_edge)
        } else {
            (slots[k - 1].level, slots[k - 1].right_offset())
        };
        let from_right = if k == n {
            (para, right_edge)
        } else {
            (slots[k].level, slots[k].left_offset())
        };
        let x = if k == n {
            slots[n - 1].right
        } else {
            slots[k].left
        };
        let mut candidates = [from_left, from_right];
        candidates.sort_by_key(|c| c.0);
        let chosen = candidates.iter().map(|c| c.1).find(|&o| valid(o));
        if let Some(offset) = chosen {
            match stops.last_mut() {
                Some(last) if last.offset == offset => last.word_after |= word_since_stop,
                Some(last) => {
                    last.word_after = word_since_stop;
                    stops.push(CaretStop {
                        offset,
                        x,
                        word_after: false,
                    });
                }
                None => stops.push(CaretStop {
                    offset,
                    x,
                    word_after: false,
                }),
            }
            word_since_stop = false;
        }
        if k < n {
            word_since_stop |= slots[k].word;
        }
    }
    if stops.is_empty() {
        stops.push(CaretStop {
            offset: line_start,
            x: if line.rtl {
                slots[n - 1].right
            } else {
                slots[0].left
            },
            word_after: false,
        });
    }
    stops
}

/// Letters, digits and combining marks: what a word is made of for word-wise movement and
/// double-click selection.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_arabic_mark(c)
}
