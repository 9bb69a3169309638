//! The words of the native file dialogs: their titles and filters, and what is said when
//! the system has no file dialog.

use std::path::Path;

/// File ▸ Open's dialog title.
pub(crate) const OPEN_TITLE: &str = "Open an Arabic article";
/// File ▸ Open's filter of article files.
pub(crate) const ARTICLES_FILTER: &str = "Articles";
/// File ▸ Open's filter of every file.
pub(crate) const ALL_FILES_FILTER: &str = "All files";
/// File ▸ Open folder's dialog title.
pub(crate) const OPEN_FOLDER_TITLE: &str = "Open a folder of articles";
/// File ▸ Export JSON's dialog title.
pub(crate) const EXPORT_TITLE: &str = "Export annotations as JSON";
/// File ▸ Export JSON's filter of JSON files.
pub(crate) const JSON_FILTER: &str = "JSON";

/// What a dialog that could not be shown was for: what to do instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Instead {
    /// Opening an article: drop it or pass its path.
    OpenFile,
    /// Opening a folder: drop it or pass its path.
    OpenFolder,
    /// Importing annotations: drop the file on the article.
    Import,
}

/// A status-line message of a dialog; worded by [`From`] (into `String`).
#[derive(Debug)]
pub(crate) enum Msg<'a> {
    /// The system shows no file dialog: what to do instead.
    Unavailable(Instead),
    /// The system shows no file dialog, so the export went where the dialog would have
    /// proposed.
    ExportedInstead {
        /// The file written.
        to: &'a Path,
    },
}

impl From<Msg<'_>> for String {
    fn from(m: Msg<'_>) -> String {
        match m {
            Msg::Unavailable(instead) => {
                let instead = match instead {
                    Instead::OpenFile => "drop the file on the window or pass its path: taliq FILE",
                    Instead::OpenFolder => {
                        "drop the folder on the window or pass its path: taliq FOLDER"
                    }
                    Instead::Import => "drop the annotation file on the open article",
                };
                format!("The system file dialog is not available here; {instead}")
            }
            Msg::ExportedInstead { to } => format!(
                "The system file dialog is not available here, so the annotations were exported to {}",
                to.display()
            ),
        }
    }
}
