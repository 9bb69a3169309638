//! Data-carrying actions: what panels, prompts and tests ask the app to do with an
//! annotation, a path, a note or a setting value. [`super::TaliqApp::apply`] carries each
//! out in one place; a bindable [`UiCommand`] becomes an action with [`From`].

use std::path::PathBuf;

use crate::settings::{Settings, Theme};
use taliq_core::extract::lexicon::Rule;
use taliq_core::model::annotation::PersonAttributes;
use taliq_core::model::entity_id::EntityId;
use taliq_core::model::label::Label;

pub use super::command::UiCommand;

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
    /// Line spacing: an index into [`Settings::LINE_SPACINGS`].
    SetLineSpacing(usize),
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

    /// The settings of the View menu after [`UiCommand::VIEW_MENU`]: the line spacings,
    /// then the themes.
    #[must_use]
    pub fn view_settings() -> Vec<Action> {
        let mut v: Vec<Action> = (0..Settings::LINE_SPACINGS.len())
            .map(Action::SetLineSpacing)
            .collect();
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

    /// Menu and button text.
    #[must_use]
    pub fn title(&self) -> String {
        match self {
            Action::Command(c) => c.title(),
            Action::OpenPath(p) => format!("Open {}", p.display()),
            Action::OpenFolder(p) => format!("Open folder {}", p.display()),
            Action::ConfirmClose(CloseChoice::ExportFirst) => "Export and close".into(),
            Action::ConfirmClose(CloseChoice::WithoutExport) => "Close without exporting".into(),
            Action::KeepOpen => "Keep working".into(),
            Action::ReloadAs(e) => e.name().to_owned(),
            Action::ExportTo(p) => format!("Export to {}", p.display()),
            Action::ExportOverwrite(p) => format!("Overwrite {}", p.display()),
            Action::CancelOverwrite => "Cancel".into(),
            Action::SelectRange(s, e) => format!("Select {s}–{e}"),
            Action::Accept(_) | Action::AcceptEntity(_) => "Accept".into(),
            Action::Reject(_) | Action::RejectEntity(_) => "Reject".into(),
            Action::Relabel(_, l) | Action::RelabelEntity(_, l) => format!("Relabel as {l}"),
            Action::RelabelAll(_) => "Relabel all mentions".into(),
            Action::Delete(_) => "Delete".into(),
            Action::NeverSuggest(_) => "Never suggest this".into(),
            Action::SetLearning(true) => "Learn from decisions".into(),
            Action::SetLearning(false) => "Stop learning from decisions".into(),
            Action::SetLexiconRule(..) => "Set rule".into(),
            Action::ForgetLexiconItem(..) => "Forget".into(),
            Action::SetNote(..) | Action::TypeNote(..) => "Set note".into(),
            Action::SetSpeaker(_, Some(_)) => "Set speaker".into(),
            Action::SetSpeaker(_, None) => "Clear speaker".into(),
            Action::SetAttributes(..) => "Set role and nationality".into(),
            Action::Focus(_) => "Show in text".into(),
            Action::RevealEntity(_) => "Show mentions".into(),
            Action::SetLineSpacing(i) => format!(
                "{} line spacing",
                Settings::LINE_SPACINGS
                    .get(*i)
                    .map_or("Normal", |(n, _)| *n)
            ),
            Action::SetTheme(Theme::System) => "System theme".into(),
            Action::SetTheme(Theme::Light) => "Light theme".into(),
            Action::SetTheme(Theme::Dark) => "Dark theme".into(),
            Action::SetFont(None) => format!("{} (bundled)", taliq_text::fonts::ARABIC_FAMILY),
            Action::SetFont(Some(family)) => family.clone(),
        }
    }

    /// Hover text explaining the action (a command's with its shortcut).
    #[must_use]
    pub fn tooltip(&self) -> String {
        let what = match self {
            Action::Command(c) => return c.tooltip(),
            Action::OpenPath(_) => UiCommand::OpenDialog.description(),
            Action::OpenFolder(_) => UiCommand::OpenFolderDialog.description(),
            Action::ConfirmClose(CloseChoice::ExportFirst) => {
                "Export the changed articles, then close (stays open if an export fails)"
            }
            Action::ConfirmClose(CloseChoice::WithoutExport) => {
                "Close now: your work stays in the autosaved sidecars and comes back when you reopen"
            }
            Action::KeepOpen => "Do not close",
            Action::ReloadAs(_) => {
                "Read the file again with this encoding (when the detected one is wrong)"
            }
            Action::ExportOverwrite(_) => "Write the export over this file",
            Action::CancelOverwrite => "Do not overwrite the file",
            Action::ExportTo(_) => UiCommand::ExportDialog.description(),
            Action::SelectRange(..) => "Select a range of the article",
            Action::Accept(_) => "Mark this suggestion as correct",
            Action::Reject(_) => "Mark this suggestion as wrong here",
            Action::NeverSuggest(_) => UiCommand::NeverSuggestFocused.description(),
            Action::SetLearning(_) => {
                "Whether your decisions in this folder teach the suggestions of its other articles"
            }
            Action::SetLexiconRule(..) => {
                "By decisions: the counts decide; always: always suggested; never: never suggested"
            }
            Action::ForgetLexiconItem(..) => {
                "Forget this name and every decision counted for it in this folder"
            }
            Action::AcceptEntity(_) => "Accept every mention of this entity",
            Action::RejectEntity(_) => "Reject every mention of this entity",
            Action::Relabel(..) | Action::RelabelEntity(..) => "Change the label (and accept)",
            Action::RelabelAll(_) => {
                "Give every other mention of this text in the article this label and accept them (with proclitics outside, as guideline 1 says)"
            }
            Action::Delete(_) => {
                "Delete this manual annotation (a suggestion is rejected instead, so it is not suggested here again)"
            }
            Action::SetNote(..) | Action::TypeNote(..) => "Attach a note to the annotation",
            Action::SetSpeaker(..) => {
                "Who said this quote: a person or organization of the article (this also accepts the quote)"
            }
            Action::SetAttributes(..) => {
                "The person's role and nationality as the text gives them; empty clears (this also accepts the mention)"
            }
            Action::Focus(_) => "Scroll to this mention in the text",
            Action::RevealEntity(_) => "Scroll to the next mention and flash all mentions",
            Action::SetLineSpacing(_) => "Space between lines of the article (kept for next time)",
            Action::SetTheme(_) => "Colours of the window (kept for next time)",
            Action::SetFont(None) => {
                "Set Arabic text in the font that comes with Taliq (kept for next time)"
            }
            Action::SetFont(Some(_)) => {
                "Set Arabic text in this installed font; Latin words stay in Noto Sans (kept for next time)"
            }
        };
        what.to_owned()
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
