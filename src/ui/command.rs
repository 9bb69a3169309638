//! Every user action is a [`Command`]. Panels emit commands; [`super::TaliqApp::apply`]
//! carries them out in one place. Menus, keyboard shortcuts and tooltips are read from
//! [`Command::title`], [`Command::shortcut`] and [`Command::tooltip`].

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::settings::{Settings, Theme};
use taliq_core::extract::lexicon::Rule;
use taliq_core::model::annotation::PersonAttributes;
use taliq_core::model::label::Label;

/// A user action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Show the native open dialog.
    OpenDialog,
    /// Open this article file (a folder is opened as with [`Command::OpenFolder`]).
    OpenPath(PathBuf),
    /// Show the native folder dialog and open the chosen folder of articles.
    OpenFolderDialog,
    /// List the articles of this folder with their progress and open the first one not
    /// done.
    OpenFolder(PathBuf),
    /// Open the next article of the open folder (saving the current one first).
    NextArticle,
    /// Open the previous article of the open folder (saving the current one first).
    PreviousArticle,
    /// Decode the open article's file again with this encoding.
    ReloadAs(&'static encoding_rs::Encoding),
    /// Show the native save dialog and export JSON.
    ExportDialog,
    /// Export JSON to this path (asking first when the file there holds another
    /// article's annotations or is not a Taliq export).
    ExportTo(PathBuf),
    /// Export JSON to this path, over whatever is there (the answer to that question).
    ExportOverwrite(PathBuf),
    /// Do not export over the file the overwrite prompt names.
    CancelOverwrite,
    /// Export every article changed since its last export in this run: to the file it
    /// was last exported to, else next to it as `NAME.EXT.annotations.json` (never over
    /// a file written for another article).
    ExportChanged,
    /// Close the window after the close prompt: `true` exports the changed articles first
    /// (and stays open if that fails), `false` closes without exporting.
    ConfirmClose(bool),
    /// Dismiss the close prompt and keep working.
    KeepOpen,
    /// Undo the last annotation action.
    Undo,
    /// Redo the last undone annotation action.
    Redo,
    /// Label the current text selection (a manual annotation).
    LabelSelection(Label),
    /// Clear the text selection and the focused annotation.
    ClearSelection,
    /// Select the chars `start..end` of the article (as a mouse drag would).
    SelectRange(usize, usize),
    /// Accept a suggestion.
    Accept(u64),
    /// Reject a suggestion.
    Reject(u64),
    /// Give an annotation another label (this also accepts it).
    Relabel(u64, Label),
    /// Delete an annotation (manual ones; suggestions are rejected instead).
    Delete(u64),
    /// Replace an annotation's note.
    SetNote(u64, String),
    /// Replace an annotation's note with what is typed in the note box in one edit
    /// session (from when the box takes the keyboard focus to when it loses it; the
    /// `u64` numbers the session): the saves of one session, at each pause in typing,
    /// make one undo step.
    TypeNote(u64, String, u64),
    /// Correct the speaker of a QUOTE annotation: the entity id (`LABEL:canonical`) of a
    /// PERSON or ORGANIZATION of the article, or `None` for no speaker. Like a relabel,
    /// this also accepts the annotation.
    SetSpeaker(u64, Option<String>),
    /// Correct the role and nationality of a PERSON annotation (a value `None` clears
    /// it). Like a relabel, this also accepts the annotation.
    SetAttributes(u64, PersonAttributes),
    /// Give every other mention of this annotation's text in the article (clitic-aware)
    /// the annotation's label, and accept them: existing annotations are relabelled,
    /// unannotated mentions are added.
    RelabelAll(u64),
    /// Accept every mention of an entity (entity id).
    AcceptEntity(String),
    /// Reject every mention of an entity (entity id).
    RejectEntity(String),
    /// Relabel every mention of an entity.
    RelabelEntity(String, Label),
    /// Focus an annotation: scroll to it, flash it and show it in the inspector.
    Focus(u64),
    /// Scroll to the next mention of an entity and flash all its mentions.
    RevealEntity(String),
    /// Accept the focused annotation.
    AcceptFocused,
    /// Reject the focused annotation.
    RejectFocused,
    /// Delete the focused annotation if it is manual, reject it if it is a suggestion.
    DeleteFocused,
    /// Reject the focused suggestion and never suggest its text with its label again in
    /// the folder's articles ([`Rule::Never`] in the project lexicon), then go on to the
    /// next suggestion.
    NeverSuggestFocused,
    /// Reject a suggestion and never suggest its text with its label again in the
    /// folder's articles.
    NeverSuggest(u64),
    /// Mark the open article done, or not done when it is (Project ▸ Mark as done): an
    /// article is done when the annotator says so, or when every suggestion is decided
    /// and at least one decision was made.
    ToggleDone,
    /// Show Help ▸ About Taliq: the version, the licence and the bundled works of others.
    ShowAbout,
    /// Show Project ▸ Learned names: what the folder's project lexicon learned.
    ShowLearnedNames,
    /// Switch learning from decisions on or off for the open article's folder.
    SetLearning(bool),
    /// Set the rule of a project lexicon item (surface, label, rule).
    SetLexiconRule(String, Label, Rule),
    /// Forget a project lexicon item (surface, label) with its counts.
    ForgetLexiconItem(String, Label),
    /// Focus the next pending suggestion in text order (wrapping around).
    NextPending,
    /// Focus the previous pending suggestion in text order (wrapping around).
    PreviousPending,
    /// Open the find bar (or focus it).
    Find,
    /// Go to the next search hit.
    FindNext,
    /// Go to the previous search hit.
    FindPrevious,
    /// Close the find bar and its highlights.
    CloseFind,
    /// Larger article text.
    ZoomIn,
    /// Smaller article text.
    ZoomOut,
    /// Article text at the default size.
    ZoomReset,
    /// Line spacing: an index into [`crate::settings::Settings::LINE_SPACINGS`].
    SetLineSpacing(usize),
    /// Colour theme.
    SetTheme(Theme),
    /// Show or hide the facts panel (it also collapses by itself in a window too narrow
    /// for it beside the article). A view setting for this run, not undoable.
    ToggleFactsPanel,
    /// Set the Arabic text in this installed font family; `None` is the bundled Noto Naskh
    /// Arabic. A view setting: kept for next time, not undoable.
    SetFont(Option<String>),
    /// Quit the application (work is autosaved).
    Quit,
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

/// Number keys bound to the labels, in [`Label::ALL`] order.
pub const LABEL_KEYS: [Key; 7] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
];

impl Command {
    /// The File menu, in order.
    pub const FILE_MENU: [Command; 7] = [
        Command::OpenDialog,
        Command::OpenFolderDialog,
        Command::PreviousArticle,
        Command::NextArticle,
        Command::ExportDialog,
        Command::ExportChanged,
        Command::Quit,
    ];
    /// The Edit menu, in order.
    pub const EDIT_MENU: [Command; 12] = [
        Command::Find,
        Command::FindNext,
        Command::FindPrevious,
        Command::Undo,
        Command::Redo,
        Command::NextPending,
        Command::PreviousPending,
        Command::AcceptFocused,
        Command::RejectFocused,
        Command::NeverSuggestFocused,
        Command::DeleteFocused,
        Command::ClearSelection,
    ];

    /// The encodings offered by File ▸ Reload as.
    pub const RELOAD_ENCODINGS: [&'static encoding_rs::Encoding; 5] = [
        encoding_rs::UTF_8,
        encoding_rs::UTF_16LE,
        encoding_rs::UTF_16BE,
        encoding_rs::WINDOWS_1256,
        encoding_rs::ISO_8859_6,
    ];

    /// The View menu, in order.
    #[must_use]
    pub fn view_menu() -> Vec<Command> {
        let mut v = vec![Command::ZoomIn, Command::ZoomOut, Command::ZoomReset];
        v.extend((0..Settings::LINE_SPACINGS.len()).map(Command::SetLineSpacing));
        v.extend([Theme::System, Theme::Light, Theme::Dark].map(Command::SetTheme));
        v
    }

    /// The View ▸ Font submenu: the bundled face first, then `installed` (the installed
    /// families that cover Arabic, already sorted).
    #[must_use]
    pub fn font_menu(installed: &[String]) -> Vec<Command> {
        std::iter::once(Command::SetFont(None))
            .chain(installed.iter().cloned().map(|f| Command::SetFont(Some(f))))
            .collect()
    }

    /// Commands with global keyboard shortcuts (the label keys are among
    /// [`Command::plain_key_commands`]). Redo is listed before Undo so Ctrl+Shift+Z wins.
    #[must_use]
    pub fn global_shortcuts() -> Vec<Command> {
        vec![
            // before Open, so that Ctrl+Shift+O is not taken for Ctrl+O
            Command::OpenFolderDialog,
            Command::OpenDialog,
            Command::NextArticle,
            Command::PreviousArticle,
            Command::ExportDialog,
            Command::ToggleDone,
            Command::Find,
            Command::FindPrevious,
            Command::FindNext,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ZoomReset,
            Command::ToggleFactsPanel,
            Command::Redo,
            Command::Undo,
            Command::Quit,
        ]
    }

    /// Commands bound to single keys, active only when no text field has focus.
    #[must_use]
    pub fn plain_key_commands() -> Vec<Command> {
        let mut v: Vec<Command> = Label::ALL
            .into_iter()
            .map(Command::LabelSelection)
            .collect();
        v.extend([
            Command::AcceptFocused,
            // before Reject, so that Shift+R is not taken for R
            Command::NeverSuggestFocused,
            Command::RejectFocused,
            Command::DeleteFocused,
            Command::NextPending,
            Command::PreviousPending,
            Command::ClearSelection,
        ]);
        v
    }

    /// Menu and button text.
    #[must_use]
    pub fn title(&self) -> String {
        match self {
            Command::OpenDialog => "Open…".into(),
            Command::OpenPath(p) => format!("Open {}", p.display()),
            Command::OpenFolderDialog => "Open folder…".into(),
            Command::OpenFolder(p) => format!("Open folder {}", p.display()),
            Command::NextArticle => "Next article".into(),
            Command::PreviousArticle => "Previous article".into(),
            Command::ExportChanged => "Export changed articles".into(),
            Command::ConfirmClose(true) => "Export and close".into(),
            Command::ConfirmClose(false) => "Close without exporting".into(),
            Command::KeepOpen => "Keep working".into(),
            Command::ReloadAs(e) => e.name().to_owned(),
            Command::ExportDialog => "Export JSON…".into(),
            Command::ExportTo(p) => format!("Export to {}", p.display()),
            Command::ExportOverwrite(p) => format!("Overwrite {}", p.display()),
            Command::CancelOverwrite => "Cancel".into(),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
            Command::LabelSelection(l) => format!("{} {}", l.shortcut_digit(), l.as_str()),
            Command::ClearSelection => "Clear selection".into(),
            Command::SelectRange(s, e) => format!("Select {s}–{e}"),
            Command::Accept(_) | Command::AcceptEntity(_) | Command::AcceptFocused => {
                "Accept".into()
            }
            Command::Reject(_) | Command::RejectEntity(_) | Command::RejectFocused => {
                "Reject".into()
            }
            Command::Relabel(_, l) | Command::RelabelEntity(_, l) => format!("Relabel as {l}"),
            Command::RelabelAll(_) => "Relabel all mentions".into(),
            Command::Delete(_) | Command::DeleteFocused => "Delete".into(),
            Command::NeverSuggest(_) | Command::NeverSuggestFocused => "Never suggest this".into(),
            Command::ShowLearnedNames => "Learned names…".into(),
            Command::ShowAbout => "About Taliq".into(),
            Command::ToggleDone => "Mark as done".into(),
            Command::SetLearning(true) => "Learn from decisions".into(),
            Command::SetLearning(false) => "Stop learning from decisions".into(),
            Command::SetLexiconRule(..) => "Set rule".into(),
            Command::ForgetLexiconItem(..) => "Forget".into(),
            Command::SetNote(..) | Command::TypeNote(..) => "Set note".into(),
            Command::SetSpeaker(_, Some(_)) => "Set speaker".into(),
            Command::SetSpeaker(_, None) => "Clear speaker".into(),
            Command::SetAttributes(..) => "Set role and nationality".into(),
            Command::Focus(_) => "Show in text".into(),
            Command::RevealEntity(_) => "Show mentions".into(),
            Command::NextPending => "Next suggestion".into(),
            Command::PreviousPending => "Previous suggestion".into(),
            Command::Find => "Find…".into(),
            Command::FindNext => "Find next".into(),
            Command::FindPrevious => "Find previous".into(),
            Command::CloseFind => "Close find".into(),
            Command::ZoomIn => "Larger text".into(),
            Command::ZoomOut => "Smaller text".into(),
            Command::ZoomReset => "Default text size".into(),
            Command::SetLineSpacing(i) => format!(
                "{} line spacing",
                Settings::LINE_SPACINGS
                    .get(*i)
                    .map_or("Normal", |(n, _)| *n)
            ),
            Command::SetTheme(Theme::System) => "System theme".into(),
            Command::SetTheme(Theme::Light) => "Light theme".into(),
            Command::SetTheme(Theme::Dark) => "Dark theme".into(),
            Command::ToggleFactsPanel => "Facts panel".into(),
            Command::SetFont(None) => format!("{} (bundled)", taliq_text::fonts::ARABIC_FAMILY),
            Command::SetFont(Some(family)) => family.clone(),
            Command::Quit => "Quit".into(),
        }
    }

    /// Hover text explaining the command, with its shortcut.
    #[must_use]
    pub fn tooltip(&self) -> String {
        let what = match self {
            Command::OpenDialog | Command::OpenPath(_) => {
                "Open an article: plain text (UTF-8, UTF-16, Windows-1256, ISO-8859-6), a saved web page or a Word document (you can also drop a file on the window)"
            }
            Command::OpenFolderDialog | Command::OpenFolder(_) => {
                "Open a folder of articles: lists its .txt, .html and .docx files with how far each is annotated (you can also drop a folder on the window)"
            }
            Command::NextArticle => "Save and open the next article of the folder",
            Command::PreviousArticle => "Save and open the previous article of the folder",
            Command::ExportChanged => {
                "Export every article changed since its last export: to where it was last exported, else next to it as NAME.EXT.annotations.json (never over another article's export)"
            }
            Command::ConfirmClose(true) => {
                "Export the changed articles, then close (stays open if an export fails)"
            }
            Command::ConfirmClose(false) => {
                "Close now: your work stays in the autosaved sidecars and comes back when you reopen"
            }
            Command::KeepOpen => "Do not close",
            Command::ReloadAs(_) => {
                "Read the file again with this encoding (when the detected one is wrong)"
            }
            Command::ExportOverwrite(_) => "Write the export over this file",
            Command::CancelOverwrite => "Do not overwrite the file",
            Command::ExportDialog | Command::ExportTo(_) => {
                "Write the text and all annotations as Taliq JSON (offsets in Unicode scalar values)"
            }
            Command::Undo => "Undo the last annotation action",
            Command::Redo => "Redo the last undone annotation action",
            Command::LabelSelection(_) => "Label the selected text",
            Command::ClearSelection => "Clear the text selection",
            Command::SelectRange(..) => "Select a range of the article",
            Command::Accept(_) => "Mark this suggestion as correct",
            Command::Reject(_) => "Mark this suggestion as wrong here",
            Command::AcceptFocused => {
                "Mark the focused annotation as correct and go to the next suggestion"
            }
            Command::RejectFocused => {
                "Mark the focused annotation as wrong here and go to the next suggestion (other articles of the folder still get it suggested, unless it is rejected again and again)"
            }
            Command::NeverSuggest(_) | Command::NeverSuggestFocused => {
                "Reject this suggestion and never suggest its text with this label in the folder's articles again"
            }
            Command::ToggleDone => {
                "Mark the article done (ticked), or not done; the folder list shows it, and opening the folder starts at the first article not done"
            }
            Command::ShowAbout => {
                "Taliq's version, licence, and the fonts and word lists of others it holds"
            }
            Command::ShowLearnedNames => {
                "What this folder learned from your decisions: names suggested or left out, with their counts; change or forget them"
            }
            Command::SetLearning(_) => {
                "Whether your decisions in this folder teach the suggestions of its other articles"
            }
            Command::SetLexiconRule(..) => {
                "By decisions: the counts decide; always: always suggested; never: never suggested"
            }
            Command::ForgetLexiconItem(..) => {
                "Forget this name and every decision counted for it in this folder"
            }
            Command::AcceptEntity(_) => "Accept every mention of this entity",
            Command::RejectEntity(_) => "Reject every mention of this entity",
            Command::Relabel(..) | Command::RelabelEntity(..) => "Change the label (and accept)",
            Command::RelabelAll(_) => {
                "Give every other mention of this text in the article this label and accept them (with proclitics outside, as guideline 1 says)"
            }
            Command::Delete(_) => {
                "Delete this manual annotation (a suggestion is rejected instead, so it is not suggested here again)"
            }
            Command::SetNote(..) | Command::TypeNote(..) => "Attach a note to the annotation",
            Command::SetSpeaker(..) => {
                "Who said this quote: a person or organization of the article (this also accepts the quote)"
            }
            Command::SetAttributes(..) => {
                "The person's role and nationality as the text gives them; empty clears (this also accepts the mention)"
            }
            Command::Focus(_) => "Scroll to this mention in the text",
            Command::RevealEntity(_) => "Scroll to the next mention and flash all mentions",
            Command::DeleteFocused => {
                "Delete the focused manual annotation; a suggestion is rejected instead (kept as rejected, so it is not suggested here again)"
            }
            Command::NextPending => "Go to the next suggestion that awaits review",
            Command::PreviousPending => "Go to the previous suggestion that awaits review",
            Command::Find => {
                "Find in the article, ignoring diacritics, tatweel and alef/yeh/teh marbuta variants"
            }
            Command::FindNext => "Go to the next match (Enter in the find field)",
            Command::FindPrevious => "Go to the previous match (Shift+Enter in the find field)",
            Command::CloseFind => "Close the find bar",
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => {
                "Change the size of the article text (kept for next time)"
            }
            Command::SetLineSpacing(_) => "Space between lines of the article (kept for next time)",
            Command::SetTheme(_) => "Colours of the window (kept for next time)",
            Command::ToggleFactsPanel => {
                "Show or hide the facts panel (in a narrow window it collapses by itself, so the article keeps its room)"
            }
            Command::SetFont(None) => {
                "Set Arabic text in the font that comes with Taliq (kept for next time)"
            }
            Command::SetFont(Some(_)) => {
                "Set Arabic text in this installed font; Latin words stay in Noto Sans (kept for next time)"
            }
            Command::Quit => "Quit Taliq (your work is saved automatically)",
        };
        match self.shortcut() {
            Some(sc) => format!("{what} ({})", sc.format(&egui::ModifierNames::NAMES, false)),
            None => what.to_owned(),
        }
    }

    /// The keyboard shortcut, if the command has one.
    #[must_use]
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        Some(match self {
            Command::OpenDialog => ctrl(Key::O),
            Command::OpenFolderDialog => {
                KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O)
            }
            Command::NextArticle => ctrl(Key::PageDown),
            Command::PreviousArticle => ctrl(Key::PageUp),
            Command::ExportDialog => ctrl(Key::E),
            Command::ToggleDone => ctrl(Key::D),
            Command::Undo => ctrl(Key::Z),
            Command::Redo => {
                KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z)
            }
            Command::Quit => ctrl(Key::Q),
            Command::Find => ctrl(Key::F),
            Command::ZoomIn => ctrl(Key::Plus),
            Command::ZoomOut => ctrl(Key::Minus),
            Command::ZoomReset => ctrl(Key::Num0),
            Command::ToggleFactsPanel => plain(Key::F9),
            Command::FindNext => plain(Key::F3),
            Command::FindPrevious => KeyboardShortcut::new(Modifiers::SHIFT, Key::F3),
            Command::LabelSelection(l) => plain(LABEL_KEYS[usize::from(l.shortcut_digit()) - 1]),
            Command::AcceptFocused => plain(Key::A),
            Command::RejectFocused => plain(Key::R),
            Command::NeverSuggestFocused => KeyboardShortcut::new(Modifiers::SHIFT, Key::R),
            Command::DeleteFocused => plain(Key::Delete),
            Command::NextPending => plain(Key::N),
            Command::PreviousPending => plain(Key::P),
            Command::ClearSelection => plain(Key::Escape),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_unique() {
        let mut all = Command::global_shortcuts();
        all.extend(Command::plain_key_commands());
        let keys: Vec<_> = all.iter().filter_map(Command::shortcut).collect();
        for (i, a) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(a), "duplicate shortcut {a:?}");
        }
        assert_eq!(keys.len(), all.len());
    }

    #[test]
    fn font_menu_lists_the_bundled_face_first() {
        let menu = Command::font_menu(&["Amiri".to_owned(), "KacstBook".to_owned()]);
        let titles: Vec<String> = menu.iter().map(Command::title).collect();
        assert_eq!(
            titles,
            ["Noto Naskh Arabic (bundled)", "Amiri", "KacstBook"].map(String::from)
        );
        assert_eq!(menu[0], Command::SetFont(None));
    }

    #[test]
    fn label_commands_use_number_keys_one_to_seven() {
        assert_eq!(
            Command::LabelSelection(Label::Person).shortcut(),
            Some(plain(Key::Num1))
        );
        assert_eq!(
            Command::LabelSelection(Label::Quote).shortcut(),
            Some(plain(Key::Num7))
        );
    }
}
