//! The words of reviewing: decisions, undo and redo, labelling a selection, relabelling,
//! the speaker of a quote, marking an article done, and where the review is.

use std::fmt::Write as _;

use taliq_core::model::label::Label;
use taliq_core::model::span::SpanError;
use taliq_core::session::EditError;
use taliq_text::isolate;

/// A status-line message of reviewing; worded by [`From`] (into `String`). Quoted texts
/// are the raw text of the article (isolated here).
#[derive(Debug)]
pub(crate) enum Msg<'a> {
    /// A command that needs an open article, with none open.
    NoArticle,
    /// An edit the session refused.
    NotDone(&'a EditError),
    /// Undo (`undo`) or redo, and whether there was a step to take (`done`).
    UndoRedo {
        /// Undo rather than redo.
        undo: bool,
        /// A step was undone or redone.
        done: bool,
    },
    /// A fact of one label asked for on an annotation of another.
    WrongLabel {
        /// The annotation's label.
        is: Label,
        /// The label the fact belongs to.
        wanted: Label,
    },
    /// Relabel all found no other mention of `text`.
    NoOtherMention {
        /// The annotated text.
        text: &'a str,
    },
    /// `n` more mentions of `text` were relabelled as `label`.
    Relabelled {
        /// How many mentions changed.
        n: usize,
        /// The annotated text.
        text: &'a str,
        /// Their label now.
        label: Label,
    },
    /// Where the review is: `left` (≥ 1) suggestions await a decision.
    Awaiting {
        /// How many suggestions are pending.
        left: usize,
    },
    /// Next or previous suggestion asked for with none pending.
    NoneAwaits,
    /// The review moved on and no suggestion is pending any more.
    AllReviewed,
    /// What a decision said (`said`), with where the review is: `left` suggestions await
    /// a decision (0: all are reviewed).
    Then {
        /// The status line of the decision.
        said: &'a str,
        /// How many suggestions are pending.
        left: usize,
    },
    /// The entity's mention `n` (from 1) of `of` is shown.
    Mention {
        /// Which mention, from 1.
        n: usize,
        /// How many mentions the entity has.
        of: usize,
        /// The entity's label.
        label: Label,
    },
    /// A label key pressed with no selection and no annotation focused.
    SelectFirst,
    /// The selection cannot be a span.
    CannotLabel(&'a SpanError),
    /// The selection runs across a line break and `label` is not QUOTE.
    AcrossLineBreak {
        /// The label asked for.
        label: Label,
    },
    /// The selection `text` was labelled `label`.
    Labelled {
        /// The selected text.
        text: &'a str,
        /// The label it got.
        label: Label,
        /// How many pending suggestions it replaced (the flat layer).
        replaced: usize,
        /// What the folder's lexicon learned from it, worded ([`super::lexicon`]).
        taught: Option<&'a str>,
        /// The accepted annotations it replaced: their label and text.
        replaced_accepted: &'a [(Label, String)],
    },
    /// Delete of a suggestion rejected it instead.
    DeleteRejects,
    /// Learning from decisions was switched on (`true`) or off.
    Learning(bool),
    /// An item of the lexicon was forgotten.
    Forgot {
        /// The item's surface text.
        surface: &'a str,
        /// Its label.
        label: Label,
    },
    /// A speaker was asked for that is not a person or organization of the article.
    NotASpeaker {
        /// The canonical name asked for.
        name: &'a str,
    },
    /// The article `file` (its file name) was marked done (`done`) or not done.
    MarkedDone {
        /// The article's file name.
        file: &'a str,
        /// Marked done rather than not done.
        done: bool,
    },
    /// A decision key pressed with no annotation focused.
    NoFocus,
}

impl From<Msg<'_>> for String {
    fn from(m: Msg<'_>) -> String {
        match m {
            Msg::NoArticle => "Open an article first".into(),
            Msg::NotDone(e) => format!("Not done: {e}"),
            Msg::UndoRedo { undo, done } => match (undo, done) {
                (true, true) => "Undone",
                (false, true) => "Redone",
                (true, false) => "Nothing to undo",
                (false, false) => "Nothing to redo",
            }
            .into(),
            Msg::WrongLabel { is, wanted } => format!("Not done: this is a {is}, not a {wanted}"),
            Msg::NoOtherMention { text } => {
                format!("No other mention of “{}” to relabel", isolate(text))
            }
            Msg::Relabelled { n, text, label } => format!(
                "Relabelled {n} more mention(s) of “{}” as {label} (Ctrl+Z undoes)",
                isolate(text)
            ),
            Msg::Awaiting { left } => awaiting(left),
            Msg::NoneAwaits => "No suggestion awaits review".into(),
            Msg::AllReviewed => "All suggestions reviewed".into(),
            Msg::Then { said, left: 0 } => format!("{said}; all suggestions reviewed"),
            Msg::Then { said, left } => format!("{said}; {}", awaiting(left)),
            Msg::Mention { n, of, label } => format!("Mention {n} of {of} ({label})"),
            Msg::SelectFirst => {
                "Select some text in the article first, then press a label key (1–7)".into()
            }
            Msg::CannotLabel(e) => format!("Cannot label this selection: {e}"),
            Msg::AcrossLineBreak { label } => format!(
                "Not labelled: the selection runs across a line break, which {} {label} never does; select within one line (a QUOTE may span lines)",
                super::a_or_an(label)
            ),
            Msg::Labelled {
                text,
                label,
                replaced,
                taught,
                replaced_accepted,
            } => {
                let mut s = format!("Labelled “{}” as {label}", isolate(text));
                if replaced > 0 {
                    let _ = write!(s, "; it replaces {replaced} overlapping suggestion(s)");
                }
                if let Some(taught) = taught {
                    let _ = write!(s, ". {taught}");
                }
                if !replaced_accepted.is_empty() {
                    let named: Vec<String> = replaced_accepted
                        .iter()
                        .map(|(l, t)| format!("{} “{}”", l.as_str(), isolate(t)))
                        .collect();
                    let _ = write!(
                        s,
                        "; it replaces the accepted {} (annotation is flat; Ctrl+Z undoes)",
                        named.join(", ")
                    );
                }
                s
            }
            Msg::DeleteRejects => "Rejected: Delete keeps a suggestion as rejected, so it is not suggested here again (only manual annotations are deleted)".into(),
            Msg::Learning(true) => "Your decisions in this folder teach its other articles again".into(),
            Msg::Learning(false) => "Learning is off: your decisions in this folder no longer change the suggestions of its other articles (what was learned still applies)".into(),
            Msg::Forgot { surface, label } => format!(
                "Forgot “{}” as {label} and the decisions counted for it in this folder",
                isolate(surface)
            ),
            Msg::NotASpeaker { name } => format!(
                "Not done: “{}” is not a person or organization of this article",
                isolate(name)
            ),
            Msg::MarkedDone { file, done: true } => {
                format!("{file} is marked done (Ctrl+Z undoes)")
            }
            Msg::MarkedDone { file, done: false } => {
                format!("{file} is marked not done (Ctrl+Z undoes)")
            }
            Msg::NoFocus => "Click an annotation first, or press N for the next suggestion".into(),
        }
    }
}

/// "`left` suggestion(s) await review".
fn awaiting(left: usize) -> String {
    format!("{left} suggestion(s) await review")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_review_progress_follows_the_decision() {
        let s: String = Msg::Then {
            said: "Accepted",
            left: 2,
        }
        .into();
        assert_eq!(s, "Accepted; 2 suggestion(s) await review");
        let s: String = Msg::Then {
            said: "Accepted",
            left: 0,
        }
        .into();
        assert_eq!(s, "Accepted; all suggestions reviewed");
    }

    #[test]
    fn a_line_break_names_the_label_with_its_article() {
        let s: String = Msg::AcrossLineBreak {
            label: Label::Organization,
        }
        .into();
        assert!(s.contains("which an ORGANIZATION never does"), "{s}");
        let s: String = Msg::AcrossLineBreak {
            label: Label::Person,
        }
        .into();
        assert!(s.contains("which a PERSON never does"), "{s}");
    }
}
