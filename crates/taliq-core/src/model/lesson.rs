//! What one annotator decision teaches the project lexicon, as data: the session keeps
//! the lessons of its decisions in its undo history
//! ([`crate::session::Edit::Teach`]), and the lexicon model
//! ([`crate::extract::lexicon::TaughtLexicon`]) counts them.

use super::label::Label;

/// What one annotator decision teaches the project lexicon: one decision counted for a
/// label and surface form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lesson {
    /// An accepted or manual annotation: one acceptance of `surface` as `label`.
    Accepted {
        /// The surface learned (the annotated text without the titles of a PERSON
        /// span: `crate::extract::lexicon::learnable_surface`).
        surface: String,
        /// Its label.
        label: Label,
        /// The canonical name of the entity.
        canonical: String,
    },
    /// A rejected suggestion: one rejection ("wrong here").
    Rejected {
        /// The suggested text.
        surface: String,
        /// The suggested label.
        label: Label,
    },
    /// A suggestion rejected with "Never suggest this": one rejection, and the pair is
    /// never suggested again in the folder.
    Never {
        /// The suggested text.
        surface: String,
        /// The suggested label.
        label: Label,
    },
}

impl Lesson {
    /// The surface form the lesson is about.
    #[must_use]
    pub fn surface(&self) -> &str {
        match self {
            Lesson::Accepted { surface, .. }
            | Lesson::Rejected { surface, .. }
            | Lesson::Never { surface, .. } => surface,
        }
    }

    /// The label the lesson is about.
    #[must_use]
    pub fn label(&self) -> Label {
        match self {
            Lesson::Accepted { label, .. }
            | Lesson::Rejected { label, .. }
            | Lesson::Never { label, .. } => *label,
        }
    }
}

/// The lesson in force of an annotation decided in an editing session, numbered in
/// teaching order (the order the lexicon counts them in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taught {
    /// Teaching order: larger is later (numbered by the session).
    pub seq: u64,
    /// What the annotation teaches now; `None`: nothing (back to pending, removed), so
    /// the lesson it taught when the article was opened no longer counts either.
    pub lesson: Option<Lesson>,
}
