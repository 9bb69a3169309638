//! Data-carrying actions: what panels, prompts and tests ask the app to do with an
//! annotation, a path, a note or a setting value. [`super::TaliqApp::apply`] carries each
//! out in one place; a bindable [`UiCommand`] becomes an action with [`From`].

use std::path::PathBuf;

use crate::settings::{LineSpacing, Theme};
use taliq_core::extract::lexicon::Rule;
use taliq_core::model::annotation::PersonAttributes;
use taliq_core::model::entity_id::EntityId;
use taliq_core::model::label::Label;
use taliq_core::workspace::convert::FormatId;

pub use super::command::UiCommand;
use super::words::commands as words;

/// What the close prompt was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseChoice {
    /// Export the changed articles first, and stay open if that fails.
    ExportFirst,
    /// Close without exporting (the work stays in the autosaved sidecars).
    WithoutExport,
}

/// A user action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A bindable command (menu entry, shortcut, button).
    Command(UiCommand),
    /// Open this article file (a folder is opened as with [`Action::OpenFolder`]).
    OpenPath(PathBuf),
    /// List the articles of this folder with their progress and open the first one not
    /// done.
    OpenFolder(PathBuf),
    /// Decode the open article's file again with this encoding.
    ReloadAs(&'static encoding_rs::Encoding),
    /// Export JSON to this path (asking first when the file there holds another
    /// article's annotations or is not a Taliq export).
    ExportTo(PathBuf),
    /// File ▸ Export as ▸ a format: ask where to write it (a save dialog).
    ExportAs(FormatId),
    /// Export the open article in this format to this path.
    ExportFormatTo(FormatId, PathBuf),
    /// Import the annotations of this file into the open article.
    ImportFrom(PathBuf),
    /// Import the file the label prompt is about, with the labels as mapped there.
    ImportMapped,
    /// Close the label prompt without importing.
    CancelImport,
    /// Export JSON to this path, over whatever is there (the answer to that question).
    ExportOverwrite(PathBuf),
    /// Do not export over the file the overwrite prompt names.
    CancelOverwrite,
    /// Close the window after the close prompt.
    ConfirmClose(CloseChoice),
    /// Dismiss the close prompt and keep working.
    KeepOpen,
    /// Select the chars `start..end` of the article (as a mouse drag would).
    SelectRange(usize, usize),
    /// Accept a suggestion (annotation id).
    Accept(u64),
    /// Reject a suggestion (annotation id).
    Reject(u64),
    /// Give an annotation another label (this also accepts it).
    Relabel(u64, Label),
    /// Delete an annotation (manual ones; suggestions are rejected instead).
    Delete(u64),
    /// Reject a suggestion and never suggest its text with its label again in the
    /// folder's articles ([`Rule::Never`] in the project lexicon).
    NeverSuggest(u64),
    /// Replace an annotation's note.
    SetNote(u64, String),
    /// Replace an annotation's note with what is typed in the note box in one edit
    /// session (from when the box takes the keyboard focus to when it loses it; the
    /// second `u64` numbers the session): the saves of one session, at each pause in
    /// typing, make one undo step.
    TypeNote(u64, String, u64),
    /// Correct the speaker of a QUOTE annotation: the entity id (`LABEL:canonical`) of a
    /// PERSON or ORGANIZATION of the article, or `None` for no speaker. Like a relabel,
    /// this also accepts the annotation.
    SetSpeaker(u64, Option<EntityId>),
    /// Correct the role and nationality of a PERSON annotation (a value `None` clears
    /// it). Like a relabel, this also accepts the annotation.
    SetAttributes(u64, PersonAttributes),
    /// Give every other mention of this annotation's text in the article (clitic-aware)
    /// the annotation's label, and accept them: existing annotations are relabelled,
    /// unannotated mentions are added.
    RelabelAll(u64),
    /// Accept every mention of an entity (entity id).
    AcceptEntity(EntityId),
    /// Reject every mention of an entity (entity id).
    RejectEntity(EntityId),
    /// Relabel every mention of an entity.
    RelabelEntity(EntityId, Label),
    /// Focus an annotation: scroll to it, flash it and show it in the inspector.
    Focus(u64),
    /// Scroll to the next mention of an entity and flash all its mentions.
    RevealEntity(EntityId),
    /// Switch learning from decisions on or off for the open article's folder.
    SetLearning(bool),
    /// Set the rule of a project lexicon item (surface, label, rule).
    SetLexiconRule(String, Label, Rule),
    /// Forget a project lexicon item (surface, label) with its counts.
    ForgetLexiconItem(String, Label),
    /// Line spacing.
    SetLineSpacing(LineSpacing),
    /// Colour theme.
    SetTheme(Theme),
    /// Set the Arabic text in this installed font family; `None` is the bundled Noto Naskh
    /// Arabic. A view setting: kept for next time, not undoable.
    SetFont(Option<String>),
}

impl From<UiCommand> for Action {
    fn from(c: UiCommand) -> Self {
        Action::Command(c)
    }
}

impl PartialEq<UiCommand> for Action {
    fn eq(&self, other: &UiCommand) -> bool {
        *self == Action::Command(*other)
    }
}

impl Action {
    /// The encodings offered by File ▸ Reload as.
    pub const RELOAD_ENCODINGS: [&'static encoding_rs::Encoding; 5] = [
        encoding_rs::UTF_8,
        encoding_rs::UTF_16LE,
        encoding_rs::UTF_16BE,
        encoding_rs::WINDOWS_1256,
        encoding_rs::ISO_8859_6,
    ];

    /// The entries of File ▸ Export as: every format but Taliq's own (File ▸ Export JSON).
    #[must_use]
    pub fn export_formats() -> Vec<Action> {
        FormatId::ALL
            .into_iter()
            .filter(|f| *f != FormatId::Taliq)
            .map(Action::ExportAs)
            .collect()
    }

    /// The settings of the View menu after [`UiCommand::VIEW_MENU`]: the line spacings,
    /// then the themes.
    #[must_use]
    pub fn view_settings() -> Vec<Action> {
        let mut v: Vec<Action> = LineSpacing::ALL.map(Action::SetLineSpacing).to_vec();
        v.extend([Theme::System, Theme::Light, Theme::Dark].map(Action::SetTheme));
        v
    }

    /// The View ▸ Font submenu: the bundled face first, then `installed` (the installed
    /// families that cover Arabic, already sorted).
    #[must_use]
    pub fn font_menu(installed: &[String]) -> Vec<Action> {
        std::iter::once(Action::SetFont(None))
            .chain(installed.iter().cloned().map(|f| Action::SetFont(Some(f))))
            .collect()
    }

    /// The command, when the action is one.
    #[must_use]
    pub fn command(&self) -> Option<UiCommand> {
        match self {
            Action::Command(c) => Some(*c),
            _ => None,
        }
    }

    /// The shortcut shown beside the action in a menu: its command's, if it is one.
    #[must_use]
    pub fn shortcut(&self) -> Option<egui::KeyboardShortcut> {
        self.command().and_then(UiCommand::shortcut)
    }

    /// Menu and button text (worded in [`crate::ui::words::commands`]).
    #[must_use]
    pub fn title(&self) -> String {
        words::action_title(self)
    }

    /// Hover text explaining the action (a command's with its shortcut; worded in
    /// [`crate::ui::words::commands`]).
    #[must_use]
    pub fn tooltip(&self) -> String {
        words::action_tooltip(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_menu_lists_the_bundled_face_first() {
        let menu = Action::font_menu(&["Amiri".to_owned(), "KacstBook".to_owned()]);
        let titles: Vec<String> = menu.iter().map(Action::title).collect();
        assert_eq!(
            titles,
            ["Noto Naskh Arabic (bundled)", "Amiri", "KacstBook"].map(String::from)
        );
        assert_eq!(menu[0], Action::SetFont(None));
    }
}
