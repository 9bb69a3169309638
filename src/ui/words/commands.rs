//! The words of the commands and actions: menu and button titles, what each does (its
//! description), and the tooltip that adds the shortcut. [`UiCommand::title`],
//! [`UiCommand::description`], [`Action::title`] and [`Action::tooltip`] read them here;
//! the commands' ids, shortcuts and scopes stay in `src/ui/command.rs`.

use crate::settings::{LineSpacing, Theme};
use crate::ui::action::{Action, CloseChoice, UiCommand};
use taliq_core::workspace::convert::FormatId;

/// The menu and button text of `cmd`, e.g. `"Open…"`, `"1 PERSON"`.
#[must_use]
pub(crate) fn command_title(cmd: UiCommand) -> String {
    match cmd {
        UiCommand::OpenDialog => "Open…".into(),
        UiCommand::OpenFolderDialog => "Open folder…".into(),
        UiCommand::NextArticle => "Next article".into(),
        UiCommand::PreviousArticle => "Previous article".into(),
        UiCommand::ExportChanged => "Export changed articles".into(),
        UiCommand::ExportDialog => "Export JSON…".into(),
        UiCommand::ImportDialog => "Import annotations…".into(),
        UiCommand::Undo => "Undo".into(),
        UiCommand::Redo => "Redo".into(),
        UiCommand::LabelSelection(l) => format!("{} {}", l.shortcut_digit(), l.as_str()),
        UiCommand::ClearSelection => "Clear selection".into(),
        UiCommand::AcceptFocused => "Accept".into(),
        UiCommand::RejectFocused => "Reject".into(),
        UiCommand::DeleteFocused => "Delete".into(),
        UiCommand::NeverSuggestFocused => "Never suggest this".into(),
        UiCommand::ShowLearnedNames => "Learned names…".into(),
        UiCommand::ShowAbout => "About Taliq".into(),
        UiCommand::ToggleDone => "Mark as done".into(),
        UiCommand::NextPending => "Next suggestion".into(),
        UiCommand::PreviousPending => "Previous suggestion".into(),
        UiCommand::Find => "Find…".into(),
        UiCommand::FindNext => "Find next".into(),
        UiCommand::FindPrevious => "Find previous".into(),
        UiCommand::CloseFind => "Close find".into(),
        UiCommand::ZoomIn => "Larger text".into(),
        UiCommand::ZoomOut => "Smaller text".into(),
        UiCommand::ZoomReset => "Default text size".into(),
        UiCommand::ToggleFactsPanel => "Facts panel".into(),
        UiCommand::Quit => "Quit".into(),
    }
}

/// What `cmd` does, without its shortcut (one sentence, for its tooltip).
#[must_use]
pub(crate) fn command_description(cmd: UiCommand) -> &'static str {
    match cmd {
        UiCommand::OpenDialog => {
            "Open an article: plain text (UTF-8, UTF-16, Windows-1256, ISO-8859-6), a saved web page or a Word document (you can also drop a file on the window)"
        }
        UiCommand::OpenFolderDialog => {
            "Open a folder of articles: lists its .txt, .html and .docx files with how far each is annotated (you can also drop a folder on the window)"
        }
        UiCommand::NextArticle => "Save and open the next article of the folder",
        UiCommand::PreviousArticle => "Save and open the previous article of the folder",
        UiCommand::ExportChanged => {
            "Export every article changed since its last export: to where it was last exported, else next to it as NAME.EXT.annotations.json (never over another article's export)"
        }
        UiCommand::ExportDialog => {
            "Write the text and all annotations as Taliq JSON (offsets in Unicode scalar values)"
        }
        UiCommand::ImportDialog => {
            "Bring another tool's annotations into this article (Taliq JSON, doccano JSON Lines, Label Studio JSON): finished ones come in accepted, predictions as suggestions; your decisions are never overwritten, and one Undo takes it all back"
        }
        UiCommand::Undo => "Undo the last annotation action",
        UiCommand::Redo => "Redo the last undone annotation action",
        UiCommand::LabelSelection(_) => "Label the selected text",
        UiCommand::ClearSelection => "Clear the text selection",
        UiCommand::AcceptFocused => {
            "Mark the focused annotation as correct and go to the next suggestion"
        }
        UiCommand::RejectFocused => {
            "Mark the focused annotation as wrong here and go to the next suggestion (other articles of the folder still get it suggested, unless it is rejected again and again)"
        }
        UiCommand::NeverSuggestFocused => {
            "Reject this suggestion and never suggest its text with this label in the folder's articles again"
        }
        UiCommand::ToggleDone => {
            "Mark the article done (ticked), or not done; the folder list shows it, and opening the folder starts at the first article not done"
        }
        UiCommand::ShowAbout => {
            "Taliq's version, licence, and the fonts and word lists of others it holds"
        }
        UiCommand::ShowLearnedNames => {
            "What this folder learned from your decisions: names suggested or left out, with their counts; change or forget them"
        }
        UiCommand::DeleteFocused => {
            "Delete the focused manual annotation; a suggestion is rejected instead (kept as rejected, so it is not suggested here again)"
        }
        UiCommand::NextPending => "Go to the next suggestion that awaits review",
        UiCommand::PreviousPending => "Go to the previous suggestion that awaits review",
        UiCommand::Find => {
            "Find in the article, ignoring diacritics, tatweel and alef/yeh/teh marbuta variants"
        }
        UiCommand::FindNext => "Go to the next match (Enter in the find field)",
        UiCommand::FindPrevious => "Go to the previous match (Shift+Enter in the find field)",
        UiCommand::CloseFind => "Close the find bar",
        UiCommand::ZoomIn | UiCommand::ZoomOut | UiCommand::ZoomReset => {
            "Change the size of the article text (kept for next time)"
        }
        UiCommand::ToggleFactsPanel => {
            "Show or hide the facts panel (in a narrow window it collapses by itself, so the article keeps its room)"
        }
        UiCommand::Quit => "Quit Taliq (your work is saved automatically)",
    }
}

/// A tooltip: what a command does (`what`), with its shortcut as the platform writes it
/// (`"Undo the last annotation action (Ctrl+Z)"`).
#[must_use]
pub(crate) fn with_shortcut(what: &str, shortcut: Option<&str>) -> String {
    match shortcut {
        Some(sc) => format!("{what} ({sc})"),
        None => what.to_owned(),
    }
}

/// The menu and button text of `action` (a command's title for a command).
#[must_use]
pub(crate) fn action_title(action: &Action) -> String {
    match action {
        Action::Command(c) => c.title(),
        Action::OpenPath(p) => format!("Open {}", p.display()),
        Action::OpenFolder(p) => format!("Open folder {}", p.display()),
        Action::ConfirmClose(CloseChoice::ExportFirst) => "Export and close".into(),
        Action::ConfirmClose(CloseChoice::WithoutExport) => "Close without exporting".into(),
        Action::KeepOpen => "Keep working".into(),
        Action::ReloadAs(e) => e.name().to_owned(),
        Action::ExportTo(p) => format!("Export to {}", p.display()),
        Action::ExportAs(f) => format!("{}…", super::interchange::format_title(*f)),
        Action::ExportFormatTo(f, p) => {
            format!(
                "Export as {} to {}",
                super::interchange::format_title(*f),
                p.display()
            )
        }
        Action::ImportFrom(p) => format!("Import {}", p.display()),
        Action::ImportMapped => "Import".into(),
        Action::ExportOverwrite(p) => format!("Overwrite {}", p.display()),
        Action::CancelOverwrite | Action::CancelImport => "Cancel".into(),
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
        Action::SetLineSpacing(LineSpacing::Compact) => "Compact line spacing".into(),
        Action::SetLineSpacing(LineSpacing::Normal) => "Normal line spacing".into(),
        Action::SetLineSpacing(LineSpacing::Relaxed) => "Relaxed line spacing".into(),
        Action::SetTheme(Theme::System) => "System theme".into(),
        Action::SetTheme(Theme::Light) => "Light theme".into(),
        Action::SetTheme(Theme::Dark) => "Dark theme".into(),
        Action::SetFont(None) => format!("{} (bundled)", taliq_text::fonts::ARABIC_FAMILY),
        Action::SetFont(Some(family)) => family.clone(),
    }
}

/// The hover text of `action` (a command's tooltip, with its shortcut, for a command).
#[must_use]
pub(crate) fn action_tooltip(action: &Action) -> String {
    let what = match action {
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
        Action::ExportAs(FormatId::Doccano) | Action::ExportFormatTo(FormatId::Doccano, _) => {
            "Write the accepted annotations as doccano JSON Lines (offsets in UTF-16 units, as doccano's web interface counts; notes as comments)"
        }
        Action::ExportAs(FormatId::LabelStudio)
        | Action::ExportFormatTo(FormatId::LabelStudio, _) => {
            "Write a Label Studio task: accepted annotations as an annotation, pending suggestions as predictions, notes and speakers kept"
        }
        Action::ExportAs(FormatId::Brat) | Action::ExportFormatTo(FormatId::Brat, _) => {
            "Write brat standoff: NAME.ann with NAME.txt and annotation.conf beside it (pending suggestions marked Pending, notes and speakers kept)"
        }
        Action::ExportAs(FormatId::Prodigy) | Action::ExportFormatTo(FormatId::Prodigy, _) => {
            "Write the accepted annotations as a Prodigy task with Taliq's tokens (a proclitic outside a span is its own token) and speakers as relations"
        }
        Action::ExportAs(FormatId::Conll) | Action::ExportFormatTo(FormatId::Conll, _) => {
            "Write the accepted annotations as CoNLL token lines with IOB2 tags (a proclitic outside a span is its own token)"
        }
        Action::ExportAs(FormatId::LabelStudioMin)
        | Action::ExportFormatTo(FormatId::LabelStudioMin, _) => {
            "Write Label Studio's JSON-MIN: a record per article with its accepted annotations' regions (no notes, speakers or suggestions: JSON-MIN has no place for them)"
        }
        Action::ExportAs(FormatId::Spacy) | Action::ExportFormatTo(FormatId::Spacy, _) => {
            "Write a spaCy DocBin (.spacy) with Taliq's tokens: accepted annotations as doc.ents (overlaps also in the span group sc), pending suggestions in the span group taliq_pending"
        }
        Action::ExportAs(FormatId::Inception) | Action::ExportFormatTo(FormatId::Inception, _) => {
            "Write INCEpTION's UIMA CAS JSON: the accepted annotations as named entities (offsets in UTF-16 units), speakers as a Speaker relation"
        }
        Action::ExportAs(FormatId::WebannoTsv)
        | Action::ExportFormatTo(FormatId::WebannoTsv, _) => {
            "Write WebAnno TSV 3.3 for INCEpTION: Taliq's tokens and sentences, the accepted annotations as named entities, speakers as a Speaker relation"
        }
        Action::ExportAs(FormatId::WebAnnotation)
        | Action::ExportFormatTo(FormatId::WebAnnotation, _) => {
            "Write a W3C Web Annotation collection (JSON-LD): position and quote selectors, labels as tagging bodies, notes as commenting bodies, speakers as links"
        }
        Action::ExportAs(FormatId::Taliq) | Action::ExportFormatTo(FormatId::Taliq, _) => {
            UiCommand::ExportDialog.description()
        }
        Action::ImportFrom(_) => UiCommand::ImportDialog.description(),
        Action::ImportMapped => "Import the file with the labels mapped as chosen here",
        Action::CancelImport => "Do not import the file",
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
