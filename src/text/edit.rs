//! The editing model behind Taliq's Arabic text fields: a string, a caret and an optional
//! selection anchor, all as char offsets kept on grapheme cluster boundaries (UAX #29), so
//! a haraka is never separated from its letter by typing, deleting or moving.
//!
//! Pure logic, no GUI; the widget in `ui` feeds it keyboard and mouse input and draws it
//! with the text engine.

use unicode_segmentation::GraphemeCursor;

/// Text being edited, with caret and selection (char offsets).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EditBuffer {
    text: String,
    caret: usize,
    anchor: Option<usize>,
}

impl EditBuffer {
    /// A buffer holding `text` with the caret at its end.
    #[must_use]
    pub fn new(text: &str) -> EditBuffer {
        EditBuffer {
            text: text.to_owned(),
            caret: text.chars().count(),
            anchor: None,
        }
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
        self.delete_selection();
        let b = self.byte(self.caret);
        self.text.insert_str(b, s);
        self.caret += s.chars().count();
        self.caret = self.snap(self.caret);
    }

    /// Deletes the selection; returns false when there was none.
    pub fn delete_selection(&mut self) -> bool {
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
        if self.delete_selection() || self.caret == 0 {
            return;
        }
        let prev_char = self.text[..self.byte(self.caret)].chars().next_back();
        let start = if prev_char.is_some_and(is_combining_mark) {
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
        if self.delete_selection() {
            return;
        }
        let end = self.step(self.caret, true);
        let (bs, be) = (self.byte(self.caret), self.byte(end));
        self.text.replace_range(bs..be, "");
    }

    /// Moves the caret one grapheme cluster in logical order; with `extend`, the selection
    /// grows from its anchor. Without `extend`, a selection collapses to its start or end.
    pub fn move_logical(&mut self, forward: bool, extend: bool) {
        if !extend && let Some((s, e)) = self.selection() {
            self.caret = if forward { e } else { s };
            self.anchor = None;
            return;
        }
        self.begin_move(extend);
        self.caret = self.step(self.caret, forward);
    }

    fn begin_move(&mut self, extend: bool) {
        if extend {
            self.anchor.get_or_insert(self.caret);
        } else {
            self.anchor = None;
        }
    }

    /// Moves the caret to the start or end of the text.
    pub fn move_to_edge(&mut self, end: bool, extend: bool) {
        self.begin_move(extend);
        self.caret = if end { self.char_len() } else { 0 };
    }

    /// Places the caret at `at` (snapped to a grapheme boundary); with `extend`, keeps or
    /// sets the anchor so the selection runs from it to the caret.
    pub fn place(&mut self, at: usize, extend: bool) {
        self.begin_move(extend);
        self.caret = self.snap(at);
    }

    /// Selects everything.
    pub fn select_all(&mut self) {
        self.anchor = Some(0);
        self.caret = self.char_len();
    }
}

/// Combining marks (general category Mn) common in Arabic: harakat, shadda, sukun,
/// superscript alef, Quranic annotation signs.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_arabic_with_harakat_keeps_clusters_together() {
        let mut b = EditBuffer::new("");
        for piece in ["ش", "د", "\u{0651}", "د"] {
            b.insert(piece);
        }
        assert_eq!(b.text(), "شدّد");
        assert_eq!(b.caret(), 4);
        b.move_logical(false, false);
        assert_eq!(b.caret(), 3);
        b.move_logical(false, false); // over د + shadda as one cluster
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
        b.place(0, false);
        for _ in 0..5 {
            b.move_logical(true, true);
        }
        assert_eq!(b.selected_text(), Some("بوتين"));
        b.insert("ترامب");
        assert_eq!(b.text(), "ترامب وترامب");
        b.select_all();
        b.move_logical(false, false);
        assert_eq!((b.caret(), b.selection()), (0, None));
        b.move_to_edge(true, true);
        assert_eq!(b.selection(), Some((0, 12)));
        b.delete_forward();
        assert_eq!(b.text(), "");
    }

    #[test]
    fn placing_inside_a_cluster_snaps_to_its_start() {
        let mut b = EditBuffer::new("شدّد");
        b.place(3, false);
        assert_eq!(b.caret(), 3);
        b.place(2, false);
        assert_eq!(b.caret(), 1);
    }
}
