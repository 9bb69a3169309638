//! The words of the window around the article: its title, the menu bar, the status bar,
//! the empty window, and what the display settings and fonts report.

use taliq_core::workspace::storage::StorageError;

/// A status-line message about the display settings; worded by [`From`] (into
/// `String`).
#[derive(Debug)]
pub(crate) enum Msg<'a> {
    /// The font chosen is not installed or has no Arabic letters.
    FontMissing {
        /// The family asked for.
        family: &'a str,
    },
    /// The font kept from last time is gone; Arabic is set in `instead`.
    FontGone {
        /// The family kept in the settings.
        family: &'a str,
        /// The title of the font used instead (the bundled face).
        instead: &'a str,
    },
    /// The settings could not be written.
    SettingsNotKept(&'a StorageError),
}

impl From<Msg<'_>> for String {
    fn from(m: Msg<'_>) -> String {
        match m {
            Msg::FontMissing { family } => {
                format!("The font “{family}” is not installed or has no Arabic letters")
            }
            Msg::FontGone { family, instead } => format!(
                "The font “{family}” is no longer installed; Arabic text is set in {instead}"
            ),
            Msg::SettingsNotKept(e) => format!("Settings not kept for next time: {e}"),
        }
    }
}

/// The window title: `"Taliq"`, or `"NAME — Taliq"` with an article open.
#[must_use]
pub(crate) fn window_title(article: Option<&str>) -> String {
    match article {
        Some(name) => format!("{name} — Taliq"),
        None => "Taliq".to_owned(),
    }
}

/// What the empty window says.
pub(crate) const NOTHING_OPEN: &str =
    "Open an article with File › Open (Ctrl+O) or drop a file on the window";

/// A menu of the menu bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Menu {
    /// File.
    File,
    /// File ▸ Reload as (a submenu).
    ReloadAs,
    /// File ▸ Export as (a submenu).
    ExportAs,
    /// Edit.
    Edit,
    /// View.
    View,
    /// View ▸ Font (a submenu).
    Font,
    /// Project.
    Project,
    /// Label.
    Label,
    /// Help.
    Help,
}

/// The title of a menu.
#[must_use]
pub(crate) fn menu(m: Menu) -> &'static str {
    match m {
        Menu::File => "File",
        Menu::ReloadAs => "Reload as",
        Menu::ExportAs => "Export as",
        Menu::Edit => "Edit",
        Menu::View => "View",
        Menu::Font => "Font",
        Menu::Project => "Project",
        Menu::Label => "Label",
        Menu::Help => "Help",
    }
}

/// View ▸ Font when no installed font covers Arabic.
pub(crate) const NO_ARABIC_FONT: &str = "No installed font covers Arabic";

/// The Project menu's check box for learning from decisions.
pub(crate) const LEARN_CHECKBOX: &str = "Learn from decisions";

/// The status bar's length of the article: `"N chars"`.
#[must_use]
pub(crate) fn chars(n: usize) -> String {
    format!("{n} chars")
}

/// The status bar's review counts: `"P pending · A accepted · R rejected"`.
#[must_use]
pub(crate) fn counts(pending: usize, accepted: usize, rejected: usize) -> String {
    format!("{pending} pending · {accepted} accepted · {rejected} rejected")
}

/// The status bar's save state: `"✔ saved"` or `"• unsaved"`.
#[must_use]
pub(crate) fn saved(saved: bool) -> &'static str {
    if saved { "✔ saved" } else { "• unsaved" }
}

/// The save state's hover text, before the sidecar's path (shown after it).
#[must_use]
pub(crate) fn saved_to(saved: bool) -> &'static str {
    if saved {
        "Every change is saved automatically to"
    } else {
        "Not saved: the last save failed (see the status line; it is tried again with every change, and Export keeps your work elsewhere). Work goes to"
    }
}

/// The status bar's selection: `"selection S–E"` (char offsets).
#[must_use]
pub(crate) fn selection(start: usize, end: usize) -> String {
    format!("selection {start}–{end}")
}

/// The heading of the status line's history, on hover.
pub(crate) const EARLIER_MESSAGES: &str = "Earlier messages:";
