//! The words of the project lexicon: what a decision taught the folder (the status
//! line), and the Project ▸ Learned names window.

use std::fmt::Write as _;

use taliq_core::extract::lexicon::{Effect, LexiconChange, LexiconItem, Rule};
use taliq_core::model::label::Label;
use taliq_text::isolate;

/// "accepted 3×, rejected 1×"
fn tally(accepted: u32, rejected: u32) -> String {
    format!("accepted {accepted}×, rejected {rejected}×")
}

/// The status line for what one decision changed in the folder's lexicon, and whether it
/// must stay there against later Info messages (it says what every article of the
/// folder now gets). `trimmed`: the annotated text and the surface learned from it,
/// when a title was left out; `applied`: suggestions added and rejected in the open
/// article. `None` when nothing the annotator sees changed.
#[must_use]
pub(crate) fn describe_changes(
    changes: &[LexiconChange],
    trimmed: Option<&(String, String)>,
    applied: (usize, usize),
) -> Option<(String, bool)> {
    let c = changes.iter().find(|c| c.before != c.after)?;
    let name = isolate(&c.surface);
    let label = c.label;
    let mut msg = match (c.before, c.after) {
        (_, Effect::Suggested) => format!(
            "“{name}” will be suggested as {label} in this folder's articles ({})",
            tally(c.accepted, c.rejected)
        ),
        (_, Effect::Blocked) if c.rule == Rule::Never => {
            format!("“{name}” as {label} will never be suggested in this folder's articles")
        }
        (_, Effect::Blocked) => format!(
            "“{name}” as {label} is no longer suggested in this folder's articles: {}",
            tally(c.accepted, c.rejected)
        ),
        (_, Effect::Held) => format!(
            "“{name}” is a very common word: it is not learned as {label} for this folder's articles; confirm it in Project ▸ Learned names"
        ),
        (Effect::Suggested, _) => format!(
            "“{name}” is no longer learned as {label} for this folder's articles ({}); the extractor may still suggest it",
            tally(c.accepted, c.rejected)
        ),
        (Effect::Blocked, _) => {
            format!("“{name}” as {label} may be suggested again in this folder's articles")
        }
        _ => return None,
    };
    if let Some((text, learned)) = trimmed
        && c.after == Effect::Suggested
    {
        let _ = write!(
            msg,
            "; learned as “{}” without the title of “{}” (guideline 3)",
            isolate(learned),
            isolate(text)
        );
    }
    match applied {
        (0, 0) => {}
        (added, 0) => {
            let _ = write!(msg, "; {added} more mention(s) here are suggested");
        }
        (0, rejected) => {
            let _ = write!(msg, "; {rejected} more here rejected");
        }
        (added, rejected) => {
            let _ = write!(
                msg,
                "; {added} mention(s) here suggested, {rejected} rejected"
            );
        }
    }
    msg.push_str(if c.rule == Rule::Never {
        " (Ctrl+Z undoes; Project ▸ Learned names changes it)"
    } else {
        " (Ctrl+Z undoes)"
    });
    Some((msg, true))
}

/// The status line when "Never suggest this" finds the pair blocked already.
#[must_use]
pub(crate) fn already_never(surface: &str, label: Label) -> String {
    format!(
        "“{}” as {label} is already never suggested in this folder",
        isolate(surface)
    )
}

/// What a rejection with `R` said when the folder's lexicon did not change its effect.
#[must_use]
pub(crate) fn rejected_here(surface: &str, label: Label) -> String {
    format!(
        "Rejected here only: “{}” as {label} is still suggested in other articles; Shift+R never suggests it",
        isolate(surface)
    )
}

/// The words for an item's effect in the pane, and why it has it (its hover text).
pub(crate) fn effect_words(item: &LexiconItem) -> (&'static str, &'static str) {
    match item.effect() {
        Effect::Suggested => (
            "suggested",
            "Its mentions are suggested in every article of the folder",
        ),
        Effect::Blocked => (
            "not suggested",
            "The extractor's suggestions with this text and label are left out in the folder",
        ),
        Effect::Held => (
            "held: common word",
            "Accepted more often than rejected, but a very common word: not suggested until you confirm it (Always)",
        ),
        Effect::Undecided => (
            "no effect",
            "Too few decisions either way: the extractor decides",
        ),
    }
}

/// The title of a rule in the pane's drop-down.
pub(crate) fn rule_title(rule: Rule) -> &'static str {
    match rule {
        Rule::ByDecisions => "by decisions",
        Rule::Always => "always",
        Rule::Never => "never",
    }
}

/// The window's title.
pub(crate) const WINDOW_TITLE: &str = "Learned names";
/// The window with no article open.
pub(crate) const NO_ARTICLE: &str = "Open an article first: each folder learns on its own.";
/// The check box that switches learning on and off.
pub(crate) const LEARN_CHECKBOX: &str = "Learn from my decisions in this folder";
/// The window with nothing learned.
pub(crate) const NOTHING_LEARNED: &str = "Nothing learned yet.";

/// How the folder learns, and where its lexicon is kept (`file_name`).
#[must_use]
pub(crate) fn how_it_learns(file_name: &str) -> String {
    format!(
        "Kept in {file_name} next to the articles. A name is suggested once it is accepted more often than rejected, and left out once rejected 3 times and 3 times as often as accepted; Always and Never override the counts."
    )
}

/// The headings of the items' grid, one per column (the last column, of the Forget
/// buttons, has none).
pub(crate) const COLUMNS: [&str; 7] = ["label", "name", "✔", "✖", "effect", "rule", ""];
/// The caption before an item's entity (canonical name), on hover.
pub(crate) const ENTITY: &str = "entity:";
/// The hover text of an item's count of acceptances.
pub(crate) const ACCEPTED_COUNT: &str = "accepted or labelled by hand, in this folder";
/// The hover text of an item's count of rejections.
pub(crate) const REJECTED_COUNT: &str = "rejected, in this folder";
/// The button that forgets an item.
pub(crate) const FORGET: &str = "Forget";
