//! The words of Help ▸ About Taliq (the notice of the bundled works of others is the
//! `NOTICE` file, shown as it is).

/// The About window's title.
pub(crate) const WINDOW_TITLE: &str = "About Taliq";

/// The About window's heading: the name and `version`.
#[must_use]
pub(crate) fn heading(version: &str) -> String {
    format!("Taliq {version}")
}

/// What Taliq is, under the heading.
pub(crate) const WHAT: &str = "A desktop tool for annotating Arabic news articles.";
