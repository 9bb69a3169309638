//! The editing model behind Taliq's Arabic text fields: a string, a caret and an optional
//! selection anchor, all as char offsets kept on grapheme cluster boundaries (UAX #29), so
//! a haraka is never separated from its letter by typing, deleting or moving.
//!
//! Pure logic, no GUI; the widget in `ui` feeds it keyboard and mouse input and draws it
//! with the text engine.
//!
//! Caret movement on the screen ([`VisualCarets`], [`Motion`]) is derived from a
//! [`crate::layout::TextLayout`]: the grapheme clusters of each visual line in left-to-right screen order,
//! with their logical char ranges and bidi levels. Where a logical offset sits at the
//! boundary of two bidi runs it has two possible screen positions; Taliq shows (and walks
//! through) the one next to the text of the lower embedding level (the "strong" caret of
//! Pango/GTK and of UAX #9 implementations), i.e. where a letter in the paragraph's own
//! direction would appear when typed. Each screen position between two clusters therefore
//! belongs to exactly one offset, and Left/Right walk the screen positions one cluster at
//! a time.

use std::ops::Range;

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

use taliq_core::model::document::is_arabic_mark;

use super::carets::is_word_char;
pub use super::carets::{CaretLine, CaretStop, Motion, VisualCarets};

/// Whether a caret move carries the selection with it ([`Selecting::Extend`]: the
/// selection grows from its anchor, as with Shift held) or moves the caret alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selecting {
    /// The caret moves alone; a selection is dropped (or collapses, see the moves).
    Move,
    /// The selection runs from its anchor (set where the caret was) to the caret.
    Extend,
}

impl Selecting {
    /// [`Selecting::Extend`] when Shift is held, as every text field does.
    #[must_use]
    pub fn with_shift(shift: bool) -> Selecting {
        if shift {
            Selecting::Extend
        } else {
            Selecting::Move
        }
    }
}

/// A direction in logical (reading) order: toward the start or the end of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toward {
    /// Toward offset 0.
    Start,
    /// Toward the last offset.
    End,
}

/// Text being edited, with caret and selection (char offsets), and the field's own undo
/// history ([`EditBuffer::undo`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EditBuffer {
    text: String,
    caret: usize,
    anchor: Option<usize>,
    /// Texts and carets before each change, the latest last.
    undo: Vec<(String, usize)>,
    /// Texts and carets undone, the latest last.
    redo: Vec<(String, usize)>,
    /// The last change typed a letter: the next letter joins its undo step (a word is
    /// undone at once).
    typing: bool,
}

impl EditBuffer {
    /// A buffer holding `text` with the caret at its end.
    #[must_use]
    pub fn new(text: &str) -> EditBuffer {
        EditBuffer {
            text: text.to_owned(),
            caret: text.chars().count(),
            anchor: None,
            ..EditBuffer::default()
        }
    }

    /// Keeps the text as it is before a change, for [`Self::undo`]; `typed` says the
    /// change types a letter, which joins the step of the letter typed before it.
    fn remember(&mut self, typed: bool) {
        if !(typed && self.typing) {
            self.undo.push((self.text.clone(), self.caret));
            if self.undo.len() > 200 {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.typing = typed;
    }

    /// Takes back the last change typed in the field (Ctrl+Z in the field); returns
    /// whether there was one. A word typed is one change.
    pub fn undo(&mut self) -> bool {
        let Some((text, caret)) = self.undo.pop() else {
            return false;
        };
        self.redo
            .push((std::mem::replace(&mut self.text, text), self.caret));
        self.caret = caret;
        self.anchor = None;
        self.typing = false;
        true
    }

    /// Does again the change last taken back ([`Self::undo`]); returns whether there was
    /// one.
    pub fn redo(&mut self) -> bool {
        let Some((text, caret)) = self.redo.pop() else {
            return false;
        };
        self.undo
            .push((std::mem::replace(&mut self.text, text), self.caret));
        self.caret = caret;
        self.anchor = None;
        self.typing = false;
        true
    }

    /// The text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The caret (char offset).
    #[must_use]
    pub fn caret(&self) -> usize {
        self.caret
    }

    /// The selected char range, if any (start < end).
    #[must_use]
    pub fn selection(&self) -> Option<(usize, usize)> {
        self.anchor
            .filter(|a| *a != self.caret)
            .map(|a| (a.min(self.caret), a.max(self.caret)))
    }

    /// The selected text, if any.
    #[must_use]
    pub fn selected_text(&self) -> Option<&str> {
        self.selection()
            .map(|(s, e)| &self.text[self.byte(s)..self.byte(e)])
    }

    fn byte(&self, char_offset: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_offset)
            .map_or(self.text.len(), |(b, _)| b)
    }

    fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    /// The grapheme boundary after (`forward`) or before char offset `at`.
    fn step(&self, at: usize, forward: bool) -> usize {
        let b = self.byte(at);
        let mut cursor = GraphemeCursor::new(b, self.text.len(), true);
        let next = if forward {
            cursor.next_boundary(&self.text, 0)
        } else {
            cursor.prev_boundary(&self.text, 0)
        };
        match next {
            Ok(Some(nb)) => self.text[..nb].chars().count(),
            _ => at,
        }
    }

    /// Snaps a char offset to the nearest grapheme boundary at or before it.
    fn snap(&self, at: usize) -> usize {
        let at = at.min(self.char_len());
        let b = self.byte(at);
        let mut cursor = GraphemeCursor::new(b, self.text.len(), true);
        if cursor.is_boundary(&self.text, 0).unwrap_or(true) {
            at
        } else {
            self.step(at, false)
        }
    }

    /// Replaces the selection (or inserts at the caret) with `s`; the caret goes after it.
    pub fn insert(&mut self, s: &str) {
        let letter = self.selection().is_none()
            && s.chars().count() == 1
            && !s.chars().all(char::is_whitespace);
        self.remember(letter);
        self.cut_selection();
        let b = self.byte(self.caret);
        self.text.insert_str(b, s);
        self.caret += s.chars().count();
        self.caret = self.snap(self.caret);
    }

    /// Deletes the selection; returns false when there was none.
    pub fn delete_selection(&mut self) -> bool {
        if self.selection().is_some() {
            self.remember(false);
        }
        self.cut_selection()
    }

    /// [`Self::delete_selection`] without an undo step of its own (a part of a change).
    fn cut_selection(&mut self) -> bool {
        let Some((s, e)) = self.selection() else {
            self.anchor = None;
            return false;
        };
        let (bs, be) = (self.byte(s), self.byte(e));
        self.text.replace_range(bs..be, "");
        self.caret = s;
        self.anchor = None;
        true
    }

    /// Backspace: deletes the selection, or the char before the caret. A combining mark
    /// is removed alone (so a mistyped haraka can be corrected), a base letter with its
    /// marks.
    pub fn backspace(&mut self) {
        if self.selection().is_some() || self.caret > 0 {
            self.remember(false);
        }
        if self.cut_selection() || self.caret == 0 {
            return;
        }
        let prev_char = self.text[..self.byte(self.caret)].chars().next_back();
        let start = if prev_char.is_some_and(is_arabic_mark) {
            self.caret - 1
        } else {
            self.step(self.caret, false)
        };
        let (bs, be) = (self.byte(start), self.byte(self.caret));
        self.text.replace_range(bs..be, "");
        self.caret = self.snap(start);
    }

    /// Delete: deletes the selection, or the grapheme cluster after the caret.
    pub fn delete_forward(&mut self) {
        if self.selection().is_some() || self.caret < self.char_len() {
            self.remember(false);
        }
        if self.cut_selection() {
            return;
        }
        let end = self.step(self.caret, true);
        let (bs, be) = (self.byte(self.caret), self.byte(end));
        self.text.replace_range(bs..be, "");
    }

    /// Moves the caret one grapheme cluster in logical order, `toward` the end or the
    /// start of the text; with [`Selecting::Extend`], the selection grows from its anchor.
    /// With [`Selecting::Move`], a selection collapses to its start or end.
    pub fn move_logical(&mut self, toward: Toward, selecting: Selecting) {
        self.typing = false;
        let forward = toward == Toward::End;
        if selecting == Selecting::Move
            && let Some((s, e)) = self.selection()
        {
            self.caret = if forward { e } else { s };
            self.anchor = None;
            return;
        }
        self.begin_move(selecting);
        self.caret = self.step(self.caret, forward);
    }

    fn begin_move(&mut self, selecting: Selecting) {
        match selecting {
            Selecting::Extend => {
                self.anchor.get_or_insert(self.caret);
            }
            Selecting::Move => self.anchor = None,
        }
    }

    /// Moves the caret to the start or end of the text (`toward`).
    pub fn move_to_edge(&mut self, toward: Toward, selecting: Selecting) {
        self.typing = false;
        self.begin_move(selecting);
        self.caret = match toward {
            Toward::End => self.char_len(),
            Toward::Start => 0,
        };
    }

    /// Places the caret at `at` (chars, snapped to a grapheme boundary); with
    /// [`Selecting::Extend`], keeps or sets the anchor so the selection runs from it to
    /// the caret.
    pub fn place(&mut self, at: usize, selecting: Selecting) {
        self.typing = false;
        self.begin_move(selecting);
        self.caret = self.snap(at);
    }

    /// Selects everything.
    pub fn select_all(&mut self) {
        self.typing = false;
        self.anchor = Some(0);
        self.caret = self.char_len();
    }

    /// Places the caret at `caret` with the anchor at `anchor` (both snapped to grapheme
    /// boundaries): the selection `anchor..caret`, or none when they are equal.
    pub fn set_selection(&mut self, anchor: usize, caret: usize) {
        self.typing = false;
        self.anchor = Some(self.snap(anchor));
        self.caret = self.snap(caret);
    }

    /// Selects the word (UAX #29 word segment) that holds the char at `at`; when `at` is a
    /// space or punctuation next to a word (or the end of the text), that word instead.
    /// Returns the selected range.
    pub fn select_word_at(&mut self, at: usize) -> Range<usize> {
        let at = at.min(self.char_len());
        let mut segments: Vec<(Range<usize>, bool)> = Vec::new();
        let mut c = 0;
        for seg in self.text.split_word_bounds() {
            let n = seg.chars().count();
            segments.push((c..c + n, seg.chars().any(is_word_char)));
            c += n;
        }
        let hit = segments.iter().position(|(r, _)| r.contains(&at));
        let chosen = match hit {
            Some(i) if segments[i].1 => Some(i),
            Some(i) if i > 0 && segments[i - 1].1 && segments[i - 1].0.end == at => Some(i - 1),
            Some(i) => Some(i),
            None => segments.len().checked_sub(1),
        };
        let range = chosen.map_or(at..at, |i| segments[i].0.clone());
        self.set_selection(range.start, range.end);
        range
    }

    /// Selects the paragraph (the text between line breaks) that holds char offset `at`.
    pub fn select_paragraph_at(&mut self, at: usize) -> Range<usize> {
        let at = at.min(self.char_len());
        let mut start = 0;
        for (i, c) in self.text.chars().enumerate() {
            if c == '\n' || c == '\r' {
                if i >= at {
                    self.set_selection(start, i);
                    return start..i;
                }
                start = i + 1;
            }
        }
        let end = self.char_len();
        self.set_selection(start, end);
        start..end
    }

    /// Deletes `before` chars before the caret and `after` chars after it (an input
    /// method's "delete surrounding text"), widened to whole grapheme clusters.
    pub fn delete_surrounding(&mut self, before: usize, after: usize) {
        self.remember(false);
        self.anchor = None;
        let start = self.snap(self.caret.saturating_sub(before));
        let mut end = (self.caret + after).min(self.char_len());
        if self.snap(end) != end {
            end = self.step(end, true);
        }
        let (bs, be) = (self.byte(start), self.byte(end));
        self.text.replace_range(bs..be, "");
        self.caret = start;
    }

    /// Moves the caret on the screen as laid out in `carets` (which must describe this
    /// buffer's text); with [`Selecting::Extend`] the selection grows from its anchor and
    /// stays a logical range. With [`Selecting::Move`], Left/Right collapse a selection to its left or
    /// right end on the screen. Up/Down carry the goal x, which the caller keeps across
    /// consecutive vertical moves.
    pub fn move_visual(&mut self, carets: &VisualCarets, motion: Motion, selecting: Selecting) {
        self.typing = false;
        let target = match motion {
            Motion::Left | Motion::Right
                if selecting == Selecting::Move && self.selection().is_some() =>
            {
                let (s, e) = self.selection().unwrap_or((self.caret, self.caret));
                let right = motion == Motion::Right;
                let (ls, xs) = carets.x_of(s);
                let (le, xe) = carets.x_of(e);
                let rtl = carets.line_is_rtl(ls);
                // the selection end further in the key's direction on the screen
                if ls == le {
                    if (xe > xs) == right { e } else { s }
                } else if right != rtl {
                    e
                } else {
                    s
                }
            }
            Motion::Left => carets.step(self.caret, false),
            Motion::Right => carets.step(self.caret, true),
            Motion::WordLeft => carets.word_step(self.caret, false),
            Motion::WordRight => carets.word_step(self.caret, true),
            Motion::LineStart => carets.line_edge(self.caret, false),
            Motion::LineEnd => carets.line_edge(self.caret, true),
            Motion::Up(goal) => carets.vertical(self.caret, goal, false),
            Motion::Down(goal) => carets.vertical(self.caret, goal, true),
            Motion::TextStart => 0,
            Motion::TextEnd => self.char_len(),
        };
        self.begin_move(selecting);
        self.caret = self.snap(target);
    }
}

#[cfg(test)]
mod tests {
    /// Found by a tester: Ctrl+Z in the note, role or nationality field did nothing.
    #[test]
    fn the_field_undoes_a_word_at_a_time_and_redoes_it() {
        let mut b = EditBuffer::new("");
        for c in "قال بوتين".chars() {
            b.insert(&c.to_string());
        }
        assert!(b.undo());
        assert_eq!(b.text(), "قال ");
        assert!(b.undo());
        assert_eq!(b.text(), "قال");
        assert!(b.undo());
        assert_eq!(b.text(), "");
        assert!(!b.undo());
        assert!(b.redo() && b.redo());
        assert_eq!(b.text(), "قال ");
        b.backspace();
        assert_eq!(b.text(), "قال");
        assert!(
            !b.redo(),
            "a change after an undo drops what could be redone"
        );
        assert!(b.undo());
        assert_eq!(b.text(), "قال ");
        b.select_all();
        b.insert("x");
        assert!(b.undo());
        assert_eq!(b.text(), "قال ");
    }

    use super::*;

    use crate::fonts::{ARABIC_FAMILY, LATIN_FAMILY, SystemFonts, font_system};
    use crate::layout::{LayoutParams, layout_text};

    fn carets(text: &str, width: Option<f32>) -> VisualCarets {
        let mut fs = font_system(SystemFonts::Skip);
        let params = LayoutParams {
            font_size: 24.0,
            line_spacing: 1.8,
            width,
            family: ARABIC_FAMILY.to_owned(),
            latin_family: Some(LATIN_FAMILY.to_owned()),
        };
        VisualCarets::new(&layout_text(&mut fs, text, &params))
    }

    /// Offsets visited by pressing the arrow `right` (or left) from `from` until the caret
    /// stops moving.
    fn walk(c: &VisualCarets, from: usize, right: bool) -> Vec<usize> {
        let mut out = vec![from];
        loop {
            let next = c.step(*out.last().unwrap(), right);
            if next == *out.last().unwrap() || out.len() > 500 {
                return out;
            }
            out.push(next);
        }
    }

    /// Each line's stops go left to right and every offset has one stop.
    fn assert_consistent(c: &VisualCarets) {
        let mut seen = std::collections::BTreeSet::new();
        for line in c.lines() {
            for w in line.stops.windows(2) {
                assert!(w[0].x <= w[1].x + 0.01, "stops out of screen order: {w:?}");
            }
            for s in &line.stops {
                assert!(seen.insert(s.offset), "offset {} has two stops", s.offset);
            }
        }
    }

    #[test]
    fn arrows_walk_pure_arabic_from_right_to_left() {
        let t = "سلام عليكم";
        let c = carets(t, None);
        assert_consistent(&c);
        // the start is the right end; Left reads forward
        assert_eq!(c.line_edge(5, false), 0);
        assert_eq!(c.line_edge(5, true), 10);
        assert_eq!(walk(&c, 0, false), (0..=10).collect::<Vec<_>>());
        assert_eq!(walk(&c, 10, true), (0..=10).rev().collect::<Vec<_>>());
        let (_, x0) = c.x_of(0);
        let (_, x10) = c.x_of(10);
        assert!(x0 > x10, "offset 0 at the right edge");
    }

    #[test]
    fn arrows_walk_pure_latin_from_left_to_right() {
        let t = "hello world";
        let c = carets(t, None);
        assert_consistent(&c);
        assert_eq!(walk(&c, 0, true), (0..=11).collect::<Vec<_>>());
        assert_eq!(walk(&c, 11, false), (0..=11).rev().collect::<Vec<_>>());
        assert_eq!(c.line_edge(4, false), 0);
        assert_eq!(c.word_step(0, true), 5);
        assert_eq!(c.word_step(5, true), 11);
        assert_eq!(c.word_step(11, false), 6);
    }

    #[test]
    fn arrows_cross_latin_inside_arabic_in_screen_order() {
        // ر0 … ة4, space 5, من 6-7, space 8, John 9-12, space 13, (Work) 14-19, space 20,
        // اليوم 21-25. On screen, right to left: رسالة من, then "John (Work)" read left
        // to right, then اليوم at the left end.
        let t = "رسالة من John (Work) اليوم";
        let c = carets(t, None);
        assert_consistent(&c);
        let left = walk(&c, 0, false);
        let expected = vec![
            0, 1, 2, 3, 4, 5, 6, 7, 8, // Arabic, right to left
            9, // right of ")": the offset after the space before John, beside Arabic text
            19, 18, 17, 16, 15, 14, 13, 12, 11, 10, // through "(Work)" then "John" leftwards
            20, // left of "J": the offset after ")", beside the Arabic that follows
            21, 22, 23, 24, 25, 26,
        ];
        assert_eq!(left, expected);
        let mut back = walk(&c, 26, true);
        back.reverse();
        assert_eq!(back, expected, "Right retraces Left exactly");
        // every caret moves one cluster: x strictly decreasing along the walk
        let xs: Vec<f32> = left.iter().map(|&o| c.x_of(o).1).collect();
        assert!(xs.windows(2).all(|w| w[1] < w[0]), "{xs:?}");
        // words, visually: from the right end, Ctrl+Left passes رسالة, then من, then the
        // Latin words right to left on screen
        assert_eq!(c.word_step(0, false), 5);
        assert_eq!(c.word_step(5, false), 8);
        assert_eq!(c.word_step(8, false), 15, "left edge of Work");
        assert_eq!(
            c.word_step(15, false),
            20,
            "left edge of John (the stop of offset 20)"
        );
        assert_eq!(c.word_step(20, false), 26);
        assert_eq!(c.word_step(26, true), 21, "right edge of اليوم");
    }

    #[test]
    fn digits_inside_arabic_are_walked_left_to_right_within_the_number() {
        let t = "عام 2019 كان";
        let c = carets(t, None);
        assert_consistent(&c);
        assert_eq!(
            walk(&c, 0, false),
            vec![0, 1, 2, 3, 4, 7, 6, 5, 8, 9, 10, 11, 12]
        );
        assert_eq!(
            c.word_step(3, false),
            8,
            "Ctrl+Left passes the whole number"
        );
    }

    #[test]
    fn mixed_paragraphs_with_latin_arabic_and_digits_visit_every_offset_once() {
        // a paragraph starting with an Arabic word is right to left (UAX #9 P2) with Latin
        // and digits inside; a Latin paragraph after it is left to right
        let t = "في Meeting عام 2019 today\nplain 2019 text";
        let c = carets(t, None);
        assert!(c.line_is_rtl(0) && !c.line_is_rtl(1));
        assert_consistent(&c);
        let n = t.chars().count();
        assert_eq!(c.line_edge(3, false), 0, "the start is the right end");
        let mut right = walk(&c, 0, false);
        right.truncate(right.iter().position(|&o| o == 26).unwrap());
        // the second line is entered at its start (left end) and read with Right; Left
        // there goes back to the end of the first line
        assert_eq!(c.step(25, false), 26);
        assert_eq!(c.step(26, false), 25);
        right.extend(walk(&c, 26, true));
        let mut sorted = right.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..=n).collect::<Vec<_>>(), "walk: {right:?}");
        assert_eq!(*right.last().unwrap(), n);
        // clicking where a caret is drawn gives that caret back
        let line = &c.lines()[0];
        let y = line.top + line.height / 2.0;
        for s in &line.stops {
            assert_eq!(c.hit(s.x, y), s.offset);
        }
    }

    #[test]
    fn carets_never_stop_inside_a_cluster() {
        // lam-alef is one glyph of two grapheme clusters: both get a stop
        let c = carets("الا", None);
        assert_consistent(&c);
        assert_eq!(walk(&c, 0, false), vec![0, 1, 2, 3]);
        // dal with shadda is one grapheme cluster: offset 2 is never a stop
        let t = "شدّد";
        let c = carets(t, None);
        assert_consistent(&c);
        assert_eq!(walk(&c, 0, false), vec![0, 1, 3, 4]);
        assert_eq!(walk(&c, 4, true), vec![4, 3, 1, 0]);
        // a haraka on each letter and a lam-alef with shadda
        let t = "كَتَبَ لاّ";
        let c = carets(t, None);
        assert_consistent(&c);
        let doc = taliq_core::model::document::Document::from_text(t, "t", "UTF-8");
        for o in walk(&c, 0, false) {
            assert!(doc.is_grapheme_boundary(o), "stop at {o} splits a cluster");
        }
    }

    #[test]
    fn wrapped_lines_are_walked_in_reading_order_and_up_down_keep_x() {
        let t = "بحث الرئيس الروسي فلاديمير بوتين ونظيره الأميركي دونالد ترامب مكافحة فيروس كورونا";
        let c = carets(t, Some(300.0));
        assert!(c.lines().len() >= 3);
        assert_consistent(&c);
        let n = t.chars().count();
        let left = walk(&c, 0, false);
        assert_eq!(*left.last().unwrap(), n);
        assert!(
            left.windows(2).all(|w| w[1] > w[0]),
            "Left reads forward: {left:?}"
        );
        // the end of the first line (its left end) then the start of the second
        let end1 = c.line_edge(0, true);
        let start2 = c.step(end1, false);
        assert_eq!(c.x_of(start2).0, 1);
        assert_eq!(c.line_edge(start2, false), start2);
        // Up/Down keep the screen x
        let mid = left[left.len() / 2];
        let (line, goal) = c.x_of(mid);
        let down = c.vertical(mid, goal, true);
        let (line2, x2) = c.x_of(down);
        assert_eq!(line2, line + 1);
        assert!((x2 - goal).abs() < 30.0, "x {goal} -> {x2}");
        assert_eq!(c.vertical(down, goal, false), mid);
        assert_eq!(c.vertical(0, 5.0, false), 0);
        assert_eq!(c.vertical(n, 5.0, true), n);
    }

    #[test]
    fn buffer_moves_visually_and_extends_a_logical_selection() {
        let t = "عام 2019 كان";
        let c = carets(t, None);
        let mut b = EditBuffer::new(t);
        b.move_visual(&c, Motion::LineStart, Selecting::Move);
        assert_eq!(b.caret(), 0);
        for _ in 0..5 {
            b.move_visual(&c, Motion::Left, Selecting::Extend);
        }
        // on screen the 5th step crosses the "9": the caret sits between "1" and "9"
        assert_eq!(b.caret(), 7);
        assert_eq!(b.selected_text(), Some("عام 201"));
        // without shift, Right collapses the selection to its right end on the screen
        b.move_visual(&c, Motion::Right, Selecting::Move);
        assert_eq!((b.caret(), b.selection()), (0, None));
        b.move_visual(&c, Motion::LineEnd, Selecting::Extend);
        assert_eq!(b.selection(), Some((0, 12)));
        b.move_visual(&c, Motion::Left, Selecting::Move);
        assert_eq!(b.caret(), 12);
    }

    #[test]
    fn clicks_select_a_word_or_a_paragraph_and_ime_deletes_around_the_caret() {
        let mut b = EditBuffer::new("قال بوتين، اليوم");
        assert_eq!(b.select_word_at(5), 4..9);
        assert_eq!(b.selected_text(), Some("بوتين"));
        assert_eq!(
            b.select_word_at(9),
            4..9,
            "the comma after a word picks the word"
        );
        let mut p = EditBuffer::new("سطر أول\r\nسطر ثان\nثالث");
        assert_eq!(p.select_paragraph_at(10), 9..16);
        assert_eq!(p.selected_text(), Some("سطر ثان"));
        assert_eq!(p.select_paragraph_at(17), 17..21);
        assert_eq!(p.select_paragraph_at(0), 0..7);
        b.place(9, Selecting::Move);
        b.delete_surrounding(2, 1);
        assert_eq!(b.text(), "قال بوت اليوم");
        assert_eq!(b.caret(), 7);
    }

    #[test]
    fn typing_arabic_with_harakat_keeps_clusters_together() {
        let mut b = EditBuffer::new("");
        for piece in ["ش", "د", "\u{0651}", "د"] {
            b.insert(piece);
        }
        assert_eq!(b.text(), "شدّد");
        assert_eq!(b.caret(), 4);
        b.move_logical(Toward::Start, Selecting::Move);
        assert_eq!(b.caret(), 3);
        b.move_logical(Toward::Start, Selecting::Move); // over د + shadda as one cluster
        assert_eq!(b.caret(), 1);
    }

    #[test]
    fn backspace_removes_a_mistyped_haraka_alone_then_whole_letters() {
        let mut b = EditBuffer::new("شدّ");
        b.backspace();
        assert_eq!(b.text(), "شد");
        b.backspace();
        assert_eq!(b.text(), "ش");
    }

    #[test]
    fn selection_is_replaced_by_typing_and_collapses_on_move() {
        let mut b = EditBuffer::new("بوتين وترامب");
        b.place(0, Selecting::Move);
        for _ in 0..5 {
            b.move_logical(Toward::End, Selecting::Extend);
        }
        assert_eq!(b.selected_text(), Some("بوتين"));
        b.insert("ترامب");
        assert_eq!(b.text(), "ترامب وترامب");
        b.select_all();
        b.move_logical(Toward::Start, Selecting::Move);
        assert_eq!((b.caret(), b.selection()), (0, None));
        b.move_to_edge(Toward::End, Selecting::Extend);
        assert_eq!(b.selection(), Some((0, 12)));
        b.delete_forward();
        assert_eq!(b.text(), "");
    }

    #[test]
    fn placing_inside_a_cluster_snaps_to_its_start() {
        let mut b = EditBuffer::new("شدّد");
        b.place(3, Selecting::Move);
        assert_eq!(b.caret(), 3);
        b.place(2, Selecting::Move);
        assert_eq!(b.caret(), 1);
    }
}
