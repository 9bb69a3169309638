//! The bindable commands of the interface: one list ([`UiCommand::all`]) of what a menu
//! entry, a keyboard shortcut or a toolbar button can do, each with its title, tooltip and
//! shortcuts. Menus, shortcut dispatch ([`UiCommand::bindings`]), the clash test below and
//! (later) the help overlay and the command palette are read from it. What carries data (an
//! annotation id, a path, a note) is an [`super::action::Action`]; a command becomes one
//! with [`From`].

use egui::{Key, KeyboardShortcut, Modifiers};

use taliq_core::model::label::Label;

use super::words::commands as words;

/// A bindable command: no data beyond the label of a label key, so every command can be
/// listed ([`UiCommand::all`]), bound to keys and shown in a menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiCommand {
    /// Show the native open dialog.
    OpenDialog,
    /// Show the native folder dialog and open the chosen folder of articles.
    OpenFolderDialog,
    /// Open the next article of the open folder (saving the current one first).
    NextArticle,
    /// Open the previous article of the open folder (saving the current one first).
    PreviousArticle,
    /// Show the native open dialog and import another tool's annotations (Taliq JSON,
    /// doccano, Label Studio) into the open article, as one undoable step.
    ImportDialog,
    /// Show the native save dialog and export JSON.
    ExportDialog,
    /// Export every article changed since its last export in this run: to the file it
    /// was last exported to, else next to it as `NAME.EXT.annotations.json` (never over
    /// a file written for another article).
    ExportChanged,
    /// Undo the last annotation action.
    Undo,
    /// Redo the last undone annotation action.
    Redo,
    /// Label the current text selection (a manual annotation).
    LabelSelection(Label),
    /// Clear the text selection and the focused annotation (or close the find bar first).
    ClearSelection,
    /// Accept the focused annotation and go on to the next suggestion.
    AcceptFocused,
    /// Reject the focused annotation and go on to the next suggestion.
    RejectFocused,
    /// Delete the focused annotation if it is manual, reject it if it is a suggestion.
    DeleteFocused,
    /// Reject the focused suggestion and never suggest its text with its label again in
    /// the folder's articles (`Rule::Never` in the project lexicon), then go on to the
    /// next suggestion.
    NeverSuggestFocused,
    /// Focus the next pending suggestion in text order (wrapping around).
    NextPending,
    /// Focus the previous pending suggestion in text order (wrapping around).
    PreviousPending,
    /// Mark the open article done, or not done when it is (Project ▸ Mark as done): an
    /// article is done when the annotator says so, or when every suggestion is decided
    /// and at least one decision was made.
    ToggleDone,
    /// Show Project ▸ Learned names: what the folder's project lexicon learned.
    ShowLearnedNames,
    /// Show Help ▸ About Taliq: the version, the licence and the bundled works of others.
    ShowAbout,
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
    /// Show or hide the facts panel (it also collapses by itself in a window too narrow
    /// for it beside the article). A view setting for this run, not undoable.
    ToggleFactsPanel,
    /// Quit the application (work is autosaved).
    Quit,
}

/// Where a command's shortcuts work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Also while a text field (find, note, role) has the keyboard or a prompt is up.
    Everywhere,
    /// Only when no text field has the keyboard and no prompt is up: single letter
    /// keys review annotations, and Ctrl+Z in a text field belongs to the field.
    Article,
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
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

/// How many modifiers a shortcut holds (Ctrl/Cmd counted once): a press of Ctrl+Shift+Z
/// also matches the pattern Ctrl+Z (egui ignores Shift and Alt a pattern does not name),
/// so the shortcut with more modifiers is tried first.
fn modifier_count(m: Modifiers) -> usize {
    usize::from(m.alt) + usize::from(m.shift) + usize::from(m.command || m.ctrl || m.mac_cmd)
}

impl UiCommand {
    /// The File menu, in order (Reload as sits before Quit).
    pub const FILE_MENU: [UiCommand; 8] = [
        UiCommand::OpenDialog,
        UiCommand::OpenFolderDialog,
        UiCommand::PreviousArticle,
        UiCommand::NextArticle,
        UiCommand::ImportDialog,
        UiCommand::ExportDialog,
        UiCommand::ExportChanged,
        UiCommand::Quit,
    ];
    /// The Edit menu, in order.
    pub const EDIT_MENU: [UiCommand; 12] = [
        UiCommand::Find,
        UiCommand::FindNext,
        UiCommand::FindPrevious,
        UiCommand::Undo,
        UiCommand::Redo,
        UiCommand::NextPending,
        UiCommand::PreviousPending,
        UiCommand::AcceptFocused,
        UiCommand::RejectFocused,
        UiCommand::NeverSuggestFocused,
        UiCommand::DeleteFocused,
        UiCommand::ClearSelection,
    ];
    /// The commands at the top of the View menu (the settings follow).
    pub const VIEW_MENU: [UiCommand; 3] =
        [UiCommand::ZoomIn, UiCommand::ZoomOut, UiCommand::ZoomReset];

    /// Every command, in menu order (the label keys in [`Label::ALL`] order): the one
    /// list that shortcuts, menus, help and the palette read.
    #[must_use]
    pub fn all() -> Vec<UiCommand> {
        let mut v = UiCommand::FILE_MENU.to_vec();
        v.extend(UiCommand::EDIT_MENU);
        v.push(UiCommand::CloseFind);
        v.extend(UiCommand::VIEW_MENU);
        v.extend([
            UiCommand::ToggleFactsPanel,
            UiCommand::ToggleDone,
            UiCommand::ShowLearnedNames,
        ]);
        v.extend(Label::ALL.map(UiCommand::LabelSelection));
        v.push(UiCommand::ShowAbout);
        v
    }

    /// Where the command's shortcuts work.
    #[must_use]
    pub fn scope(self) -> Scope {
        match self {
            UiCommand::Undo
            | UiCommand::Redo
            | UiCommand::LabelSelection(_)
            | UiCommand::ClearSelection
            | UiCommand::AcceptFocused
            | UiCommand::RejectFocused
            | UiCommand::DeleteFocused
            | UiCommand::NeverSuggestFocused
            | UiCommand::NextPending
            | UiCommand::PreviousPending => Scope::Article,
            _ => Scope::Everywhere,
        }
    }

    /// The keyboard shortcuts, the one shown in menus and tooltips first; empty when the
    /// command has none.
    #[must_use]
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        match self {
            UiCommand::OpenDialog => vec![ctrl(Key::O)],
            UiCommand::OpenFolderDialog => vec![ctrl_shift(Key::O)],
            UiCommand::NextArticle => vec![ctrl(Key::PageDown)],
            UiCommand::PreviousArticle => vec![ctrl(Key::PageUp)],
            UiCommand::ExportDialog => vec![ctrl(Key::E)],
            UiCommand::ImportDialog => vec![ctrl(Key::I)],
            UiCommand::ToggleDone => vec![ctrl(Key::D)],
            UiCommand::Undo => vec![ctrl(Key::Z)],
            UiCommand::Redo => vec![ctrl_shift(Key::Z), ctrl(Key::Y)],
            UiCommand::Quit => vec![ctrl(Key::Q)],
            UiCommand::Find => vec![ctrl(Key::F)],
            // Ctrl+= is where Ctrl++ sits on most keyboards.
            UiCommand::ZoomIn => vec![ctrl(Key::Plus), ctrl(Key::Equals)],
            UiCommand::ZoomOut => vec![ctrl(Key::Minus)],
            UiCommand::ZoomReset => vec![ctrl(Key::Num0)],
            UiCommand::ToggleFactsPanel => vec![plain(Key::F9)],
            UiCommand::FindNext => vec![plain(Key::F3)],
            UiCommand::FindPrevious => vec![shift(Key::F3)],
            UiCommand::LabelSelection(l) => {
                vec![plain(LABEL_KEYS[usize::from(l.shortcut_digit()) - 1])]
            }
            UiCommand::AcceptFocused => vec![plain(Key::A)],
            UiCommand::RejectFocused => vec![plain(Key::R)],
            UiCommand::NeverSuggestFocused => vec![shift(Key::R)],
            UiCommand::DeleteFocused => vec![plain(Key::Delete)],
            UiCommand::NextPending => vec![plain(Key::N)],
            UiCommand::PreviousPending => vec![plain(Key::P)],
            UiCommand::ClearSelection => vec![plain(Key::Escape)],
            UiCommand::ExportChanged
            | UiCommand::ShowLearnedNames
            | UiCommand::ShowAbout
            | UiCommand::CloseFind => Vec::new(),
        }
    }

    /// The shortcut shown in menus and tooltips.
    #[must_use]
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.shortcuts().into_iter().next()
    }

    /// Every shortcut that works now, with its command, in the order a key press is
    /// tried: more modifiers first, so Ctrl+Shift+Z is Redo and not Undo, Shift+R is
    /// Never suggest and not Reject. `typing`: a text field has the keyboard or a prompt
    /// is up, so only [`Scope::Everywhere`] commands are bound.
    #[must_use]
    pub fn bindings(typing: bool) -> Vec<(KeyboardShortcut, UiCommand)> {
        let mut v: Vec<(KeyboardShortcut, UiCommand)> = UiCommand::all()
            .into_iter()
            .filter(|c| !typing || c.scope() == Scope::Everywhere)
            .flat_map(|c| c.shortcuts().into_iter().map(move |sc| (sc, c)))
            .collect();
        v.sort_by_key(|(sc, _)| std::cmp::Reverse(modifier_count(sc.modifiers)));
        v
    }

    /// Menu and button text (worded in [`crate::ui::words::commands`]).
    #[must_use]
    pub fn title(self) -> String {
        words::command_title(self)
    }

    /// What the command does, without its shortcut ([`UiCommand::tooltip`] adds it;
    /// worded in [`crate::ui::words::commands`]).
    #[must_use]
    pub fn description(self) -> &'static str {
        words::command_description(self)
    }

    /// Hover text explaining the command, with its shortcut.
    #[must_use]
    pub fn tooltip(self) -> String {
        let shortcut = self
            .shortcut()
            .map(|sc| sc.format(&egui::ModifierNames::NAMES, false));
        words::with_shortcut(self.description(), shortcut.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a press of `press` would be taken by the pattern `pattern` (egui's
    /// `consume_key`: Shift and Alt a pattern does not name are ignored).
    fn taken_by(press: KeyboardShortcut, pattern: KeyboardShortcut) -> bool {
        press.logical_key == pattern.logical_key
            && press.modifiers.matches_logically(pattern.modifiers)
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, UiCommand)> = Vec::new();
        for cmd in UiCommand::all() {
            for sc in cmd.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(s, _)| *s == sc) {
                    panic!("{cmd:?} and {other:?} are both bound to {sc:?}");
                }
                seen.push((sc, cmd));
            }
        }
        assert!(seen.len() > 25, "{} shortcuts", seen.len());
    }

    #[test]
    fn every_press_reaches_its_own_command_first() {
        for typing in [false, true] {
            let bindings = UiCommand::bindings(typing);
            for (sc, cmd) in &bindings {
                let first = bindings.iter().find(|(pattern, _)| taken_by(*sc, *pattern));
                assert_eq!(
                    first.map(|(_, c)| c),
                    Some(cmd),
                    "{sc:?} would run {first:?} instead of {cmd:?}"
                );
            }
        }
    }

    #[test]
    fn single_keys_and_undo_are_off_while_typing() {
        let typing: Vec<UiCommand> = UiCommand::bindings(true)
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        assert!(typing.contains(&UiCommand::OpenDialog));
        assert!(typing.contains(&UiCommand::FindNext));
        for off in [
            UiCommand::Undo,
            UiCommand::AcceptFocused,
            UiCommand::LabelSelection(Label::Person),
        ] {
            assert!(!typing.contains(&off), "{off:?}");
        }
        // and no single letter or digit is bound while typing
        for (sc, c) in UiCommand::bindings(true) {
            assert!(
                !sc.modifiers.is_none() || !matches!(sc.logical_key.name().len(), 1),
                "{c:?} on {sc:?}"
            );
        }
    }

    #[test]
    fn every_command_is_listed_once_with_words() {
        let all = UiCommand::all();
        for (i, c) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(c), "{c:?} twice");
            assert!(!c.title().is_empty() && !c.description().is_empty());
        }
        for c in UiCommand::FILE_MENU
            .into_iter()
            .chain(UiCommand::EDIT_MENU)
            .chain(UiCommand::VIEW_MENU)
        {
            assert!(all.contains(&c), "{c:?} is in a menu but not in the list");
        }
    }

    #[test]
    fn label_commands_use_number_keys_one_to_seven() {
        assert_eq!(
            UiCommand::LabelSelection(Label::Person).shortcut(),
            Some(plain(Key::Num1))
        );
        assert_eq!(
            UiCommand::LabelSelection(Label::Quote).shortcut(),
            Some(plain(Key::Num7))
        );
    }
}
