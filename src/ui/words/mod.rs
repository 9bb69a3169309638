//! The words of the interface: every string the annotator reads (status-line messages,
//! menu and button titles, tooltips, headings, prompts) comes from here, in English, one
//! submodule per area of the window.
//!
//! A plain typed catalogue, not a message-file format (Fluent, gettext): each message is a
//! function, or a variant of an area's message enum worded by one `match`, whose
//! placeholders are typed arguments (a count is a `usize`, a path a `&Path`, a label a
//! [`Label`](taliq_core::model::label::Label)). So the compiler checks that every message
//! has its words and every placeholder its value of the right type; a second language
//! (issue 18) is a second set of these functions, checked the same way, with no key that
//! can be missing or misspelt at run time.
//!
//! The rest of `src/ui/` says *what* to show (`words::review::Msg::NoFocus`), never *how*
//! in English; `tests/catalogue.rs` fails on an English string literal outside this
//! module. Arabic quoted in a message (a name, a file name) is wrapped in bidi isolates
//! here ([`taliq_text::isolate`]), so the call sites pass the raw text.
//!
//! | area | module |
//! |---|---|
//! | opening an article or a folder, moving between articles | [`open`] |
//! | decisions, undo, labels, the review's progress | [`review`] |
//! | what the folder's lexicon learned, the Learned names window | [`lexicon`] |
//! | the facts panel and the annotation inspector | [`facts`] |
//! | the folder panel and an article's progress | [`corpus`] |
//! | the article view: selection bar, find bar, hover texts | [`article`] |
//! | command and action titles, descriptions and tooltips | [`commands`] |
//! | the native file dialogs | [`dialogs`] |
//! | exporting, and the prompts before an overwrite and on close | [`export`] |
//! | other tools' formats: Import annotations, Export as, `taliq convert` | [`interchange`] |
//! | saving the work and the folder's lexicon | [`saving`] |
//! | the window: title, menus, status bar, settings and fonts | [`chrome`] |
//! | Help ▸ About Taliq | [`about`] |

pub(crate) mod about;
pub(crate) mod article;
pub(crate) mod chrome;
pub(crate) mod commands;
pub(crate) mod corpus;
pub(crate) mod dialogs;
pub(crate) mod export;
pub(crate) mod facts;
pub(crate) mod interchange;
pub(crate) mod lexicon;
pub(crate) mod open;
pub(crate) mod review;
pub(crate) mod saving;

use taliq_core::model::annotation::{Origin, Status};

/// The name of the file at a path as shown to the annotator (the whole path when it has
/// no file name).
pub(crate) use taliq_core::workspace::notice::file_name;

/// An annotation's status in words: `"pending"`, `"accepted"` or `"rejected"`.
#[must_use]
pub(crate) fn status(status: Status) -> &'static str {
    match status {
        Status::Pending => "pending",
        Status::Accepted => "accepted",
        Status::Rejected => "rejected",
    }
}

/// Where an annotation comes from in words: `"manual"` (labelled by hand),
/// `"suggested"` (by the extractor or the folder's lexicon) or `"imported from Label
/// Studio"` (from another tool's file; `"imported"` when the tool is not known).
#[must_use]
pub(crate) fn origin(origin: Origin) -> std::borrow::Cow<'static, str> {
    match origin {
        Origin::Manual => "manual".into(),
        Origin::Extracted => "suggested".into(),
        Origin::Imported(None) => "imported".into(),
        Origin::Imported(Some(tool)) => {
            format!("imported from {}", interchange::format_title(tool)).into()
        }
    }
}

/// The indefinite article before a label's name: `"an"` before ORGANIZATION, else `"a"`.
#[must_use]
pub(crate) fn a_or_an(label: taliq_core::model::label::Label) -> &'static str {
    if label == taliq_core::model::label::Label::Organization {
        "an"
    } else {
        "a"
    }
}
