//! The words of the article view: the selection bar above the text, the find bar, and
//! what hovering the text shows (an annotation, an invisible bidi control).

use taliq_core::model::annotation::{Origin, Status};

/// The caption before the label buttons.
pub(crate) const LABEL_SELECTION: &str = "Label selection:";
/// The hover text of a label button with nothing selected.
pub(crate) const SELECT_FIRST: &str =
    "Select text in the article first (drag, or double-click a word)";
/// The caption before the text size buttons.
pub(crate) const SIZE: &str = "Size";

/// The caption before the selected text: `"Selected S–E:"` (char offsets).
#[must_use]
pub(crate) fn selected(start: usize, end: usize) -> String {
    format!("Selected {start}–{end}:")
}

/// The row under the selection bar with nothing selected.
pub(crate) const NO_SELECTION: &str = "No selection: drag over the text or double-click a word.";

/// An annotation under the pointer: `"pending · suggested · S–E"`.
#[must_use]
pub(crate) fn annotation_hover(status: Status, origin: Origin, start: usize, end: usize) -> String {
    format!(
        "{} · {} · {start}–{end}",
        super::status(status),
        super::origin(origin)
    )
}

/// An invisible bidi control character under the pointer: its code point and Unicode
/// name, and what it does.
#[must_use]
pub(crate) fn bidi_control(c: char) -> String {
    let name = match c {
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        _ => "POP DIRECTIONAL ISOLATE",
    };
    let code = c as u32;
    format!(
        "Invisible bidi control U+{code:04X} {name}: it changes the display order of the text around it"
    )
}

/// The caption of the find field.
pub(crate) const FIND: &str = "Find:";
/// The find field's hint when empty.
pub(crate) const FIND_HINT: &str = "Search the article";

/// The find bar's count: `"N / M"` (the hit shown, from 1, of the hits), `"no match"`, or
/// nothing while the query is blank.
#[must_use]
pub(crate) fn find_count(current: usize, hits: usize, blank: bool) -> String {
    match hits {
        0 if blank => String::new(),
        0 => "no match".into(),
        n => format!("{} / {n}", current + 1),
    }
}

/// The status line when Find next or previous has no hit to go to.
pub(crate) const NO_MATCH: &str = "No match";
