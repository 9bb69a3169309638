//! The native file dialogs, shown after a frame's actions are carried out (never inside
//! [`TaliqApp::run`]), each turned into an action.

#[allow(
    clippy::wildcard_imports,
    reason = "the parent module's imports, as if in one file"
)]
use super::*;
use crate::ui::words::dialogs::Instead;
use taliq_core::workspace::convert::FormatId;

/// A native dialog a command asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dialog {
    /// File ▸ Open: pick an article.
    Open,
    /// File ▸ Open folder: pick a folder of articles.
    OpenFolder,
    /// File ▸ Export JSON: pick where to write the export.
    Export,
    /// File ▸ Export as ▸ a format: pick where to write it.
    ExportAs(FormatId),
    /// File ▸ Import annotations: pick the file.
    Import,
}

impl TaliqApp {
    /// Shows `dialog` (blocking, as native dialogs are) and carries out what was picked.
    pub(super) fn show_dialog(&mut self, dialog: Dialog) {
        match dialog {
            Dialog::Open => {
                let shown_at = Instant::now();
                let picked = rfd::FileDialog::new()
                    .set_title(words::dialogs::OPEN_TITLE)
                    .add_filter(
                        words::dialogs::ARTICLES_FILTER,
                        &taliq_core::workspace::corpus::ARTICLE_EXTENSIONS,
                    )
                    .add_filter(words::dialogs::ALL_FILES_FILTER, &["*"])
                    .pick_file();
                match picked {
                    Some(p) => self.apply(Action::OpenPath(p)),
                    None => self.dialog_unavailable(shown_at, Instead::OpenFile),
                }
            }
            Dialog::OpenFolder => {
                let shown_at = Instant::now();
                let mut dialog =
                    rfd::FileDialog::new().set_title(words::dialogs::OPEN_FOLDER_TITLE);
                if let Some(dir) = self.article.as_ref().and_then(|a| a.path.parent()) {
                    dialog = dialog.set_directory(dir);
                }
                match dialog.pick_folder() {
                    Some(p) => self.open_folder(&p),
                    None => self.dialog_unavailable(shown_at, Instead::OpenFolder),
                }
            }
            Dialog::ExportAs(format) => {
                let Some(a) = &self.article else {
                    self.say(Severity::Warning, words::review::Msg::NoArticle);
                    return;
                };
                let name = taliq_core::workspace::convert::export_file_name(&a.path, format);
                let mut dialog = rfd::FileDialog::new()
                    .set_title(words::interchange::export_as_title(format))
                    .set_file_name(&name);
                if let Some(d) = a.path.parent() {
                    dialog = dialog.set_directory(d);
                }
                let shown_at = Instant::now();
                let beside = a.path.with_file_name(&name);
                match dialog.save_file() {
                    Some(p) => self.apply(Action::ExportFormatTo(format, p)),
                    // no dialog here: next to the article, under the name it proposed
                    None if dialog_never_shown(shown_at) => {
                        self.apply(Action::ExportFormatTo(format, beside));
                    }
                    None => {}
                }
            }
            Dialog::Import => {
                let shown_at = Instant::now();
                let mut dialog = rfd::FileDialog::new()
                    .set_title(words::interchange::IMPORT_TITLE)
                    .add_filter(
                        words::interchange::ANNOTATION_FILES_FILTER,
                        &[
                            "json", "jsonl", "jsonld", "spacy", "tsv", "ann", "conll", "iob", "bio",
                        ],
                    )
                    .add_filter(words::dialogs::ALL_FILES_FILTER, &["*"]);
                if let Some(d) = self.article.as_ref().and_then(|a| a.path.parent()) {
                    dialog = dialog.set_directory(d);
                }
                match dialog.pick_file() {
                    Some(p) => self.apply(Action::ImportFrom(p)),
                    None => self.dialog_unavailable(shown_at, Instead::Import),
                }
            }
            Dialog::Export => {
                let Some(a) = &self.article else {
                    self.say(Severity::Warning, words::review::Msg::NoArticle);
                    return;
                };
                let proposed = default_export_path(&a.path);
                let dir = a.path.parent().map(Path::to_path_buf);
                let mut dialog = rfd::FileDialog::new()
                    .set_title(words::dialogs::EXPORT_TITLE)
                    .set_file_name(file_name(&proposed))
                    .add_filter(words::dialogs::JSON_FILTER, &["json"]);
                if let Some(d) = dir {
                    dialog = dialog.set_directory(d);
                }
                // where the dialog would have proposed: the last export, else next to it
                let fallback = a
                    .export_path
                    .clone()
                    .unwrap_or_else(|| default_export_path(&a.path));
                let shown_at = Instant::now();
                match dialog.save_file() {
                    Some(p) => self.apply(Action::ExportTo(p)),
                    None if dialog_never_shown(shown_at) => {
                        self.export(&fallback);
                        // (unless the overwrite prompt asks first)
                        if self.overwrite_prompt.is_none()
                            && self.article.as_ref().is_some_and(|a| {
                                a.exported_revision == Some(a.session.revision())
                                    && a.export_path.as_ref() == Some(&fallback)
                            })
                        {
                            self.say(
                                Severity::Info,
                                words::dialogs::Msg::ExportedInstead { to: &fallback },
                            );
                        }
                    }
                    None => {}
                }
            }
        }
    }

    /// A native dialog that returns at once without a choice was never shown (no
    /// xdg-desktop-portal, say); a person cancelling takes longer. Tell the user what to do.
    pub(super) fn dialog_unavailable(&mut self, shown_at: Instant, instead: Instead) {
        if dialog_never_shown(shown_at) {
            self.say(Severity::Warning, words::dialogs::Msg::Unavailable(instead));
        }
    }
}

/// True when a native dialog opened at `shown_at` returned without a choice too soon for a
/// person to have cancelled it: it was never shown (no xdg-desktop-portal, say).
pub(super) fn dialog_never_shown(shown_at: Instant) -> bool {
    shown_at.elapsed() < std::time::Duration::from_millis(150)
}
