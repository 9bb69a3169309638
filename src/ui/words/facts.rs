//! The words of the facts panel: the groups of entities, the rejected suggestions, the
//! inspector of the focused annotation (its decisions, label, note, a person's role and
//! nationality, a quote's speaker) and the facts shown under a name.

use taliq_core::model::annotation::{Origin, Status};
use taliq_core::model::label::Label;

/// The panel's heading.
pub(crate) const HEADING: &str = "Facts";
/// The panel with no article open.
pub(crate) const NO_ARTICLE: &str = "No article open.";
/// The inspector with no annotation focused: how to review.
pub(crate) const HOW_TO_INSPECT: &str = "Click a highlight or a name to inspect it. N: next suggestion, A: accept, R: reject. Drag over text and press 1–7 to add a label.";

/// The heading of a label's group, e.g. `"People"`.
#[must_use]
pub(crate) const fn group_title(label: Label) -> &'static str {
    match label {
        Label::Person => "People",
        Label::Organization => "Organizations",
        Label::Location => "Places",
        Label::Date => "Dates",
        Label::Number => "Numbers",
        Label::Misc => "Other names",
        Label::Quote => "Quotes",
    }
}

/// A label's group with its counts: `"People (3 · 7 mentions)"`.
#[must_use]
pub(crate) fn group(label: Label, entities: usize, mentions: usize) -> String {
    format!("{} ({entities} · {mentions} mentions)", group_title(label))
}

/// A group with no entity.
pub(crate) const EMPTY_GROUP: &str = "none";

/// The group of rejected suggestions, with their count.
#[must_use]
pub(crate) fn rejected_group(n: usize) -> String {
    format!("Rejected ({n})")
}

/// The hover text of a rejected suggestion's restore button.
pub(crate) const RESTORE: &str = "Restore (accept) this suggestion";
/// The hover text of an entity's button that shows its mentions.
pub(crate) const SHOW_MENTIONS: &str = "Show the mentions";

/// The hover text of an entity's count: whether every mention is accepted.
#[must_use]
pub(crate) fn entity_state(all_accepted: bool) -> &'static str {
    if all_accepted {
        "all mentions accepted"
    } else {
        "some mentions await review"
    }
}

/// An entity's count of mentions, after a mark of whether all are accepted: `"✔ ×3"`,
/// `"• ×3"`.
#[must_use]
pub(crate) fn entity_count(all_accepted: bool, mentions: usize) -> String {
    let mark = if all_accepted { "✔" } else { "•" };
    format!("{mark} ×{mentions}")
}

/// A label in the inspector's drop-down, with its number key: `"1 PERSON"`.
#[must_use]
pub(crate) fn label_entry(label: Label) -> String {
    format!("{} {label}", label.shortcut_digit())
}

/// Where a mention is: `"chars S–E"`.
#[must_use]
pub(crate) fn chars(start: usize, end: usize) -> String {
    format!("chars {start}–{end}")
}

/// The inspector's line under the label: `"pending · suggested · chars S–E"`.
#[must_use]
pub(crate) fn annotation_line(status: Status, origin: Origin, start: usize, end: usize) -> String {
    format!(
        "{} · {} · {}",
        super::status(status),
        super::origin(origin),
        chars(start, end)
    )
}

/// The caption before an annotation's entity (canonical name).
pub(crate) const ENTITY: &str = "entity:";
/// The inspector's accept button.
pub(crate) const ACCEPT: &str = "✔ Accept";
/// The inspector's reject button.
pub(crate) const REJECT: &str = "✖ Reject";
/// The inspector's delete button.
pub(crate) const DELETE: &str = "🗑 Delete";
/// The hover text of the delete button on a suggestion (which it rejects).
pub(crate) const DELETE_REJECTS: &str = "Reject this suggestion: Delete keeps a suggestion as rejected, so it is not suggested here again (only manual annotations are deleted)";

/// The inspector's label drop-down: `"Label: PERSON"`.
#[must_use]
pub(crate) fn label_choice(label: Label) -> String {
    format!("Label: {label}")
}

/// The button that gives the `others` other mentions the label `label`.
#[must_use]
pub(crate) fn relabel_others(others: usize, label: Label) -> String {
    format!("Relabel all {others} other mention(s) as {label}")
}

/// The caption of the note box.
pub(crate) const NOTE: &str = "Note:";
/// The note box's hint when empty.
pub(crate) const NOTE_HINT: &str = "Add a note for this annotation";
/// The button that saves the note.
pub(crate) const SAVE_NOTE: &str = "Save note";
/// Under a note typed and not saved yet.
pub(crate) const NOTE_UNSAVED: &str =
    "unsaved note (saved when you pause typing or leave the field)";

/// The caption of a person's role field.
pub(crate) const ROLE: &str = "Role:";
/// The role field's hint when empty.
pub(crate) const ROLE_HINT: &str = "title or role, as written";
/// The caption of a person's nationality field.
pub(crate) const NATIONALITY: &str = "Nationality:";
/// The nationality field's hint when empty.
pub(crate) const NATIONALITY_HINT: &str = "country";
/// Under a role or nationality the extractor read, not yet decided.
pub(crate) const INFERRED: &str = "inferred from the text: correct it here, or accept it";
/// Before the role and nationality another mention of the entity gives.
pub(crate) const ANOTHER_MENTION: &str = "Another mention gives:";
/// The hover text of the link to that mention.
pub(crate) const SHOW_THAT_MENTION: &str = "Show that mention, to correct them there";
/// Under a role or nationality typed and not saved yet.
pub(crate) const ATTRIBUTES_UNSAVED: &str = "unsaved (saved on Enter or when you leave the field)";

/// The caption of a quote's speaker.
pub(crate) const SPEAKER_CAPTION: &str = "Speaker:";
/// The speaker drop-down's accessible name.
pub(crate) const SPEAKER_NAME: &str = "Speaker";
/// The speaker drop-down's first entry: no speaker.
pub(crate) const NO_SPEAKER: &str = "no speaker";

/// The hover text of a person's facts line.
pub(crate) const ATTRIBUTES_LINE: &str = "role · nationality, as the text gives them";

/// A quote's facts line: `"— SPEAKER"`, opened by an RLM so the dash starts the line on
/// the right, as Arabic reads.
#[must_use]
pub(crate) fn speaker_line(name: &str) -> String {
    format!("\u{200F}— {name}")
}

/// The hover text of a quote's facts line.
pub(crate) const SPEAKER_LINE: &str = "speaker";

/// The hover text of a date's facts line: its normalized `value` (and the Hijri one, when
/// the text gives a Hijri date).
#[must_use]
pub(crate) fn date_value(value: &str, hijri: Option<&str>) -> String {
    let raw = match hijri {
        Some(h) => format!("{value}, Hijri {h}"),
        None => value.to_owned(),
    };
    format!("normalized value: {raw} (TIMEX3-like; see the README)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_a_group_title() {
        let titles: Vec<&str> = Label::ALL.into_iter().map(group_title).collect();
        assert_eq!(
            titles,
            [
                "People",
                "Organizations",
                "Places",
                "Dates",
                "Numbers",
                "Other names",
                "Quotes"
            ]
        );
        assert_eq!(group(Label::Misc, 2, 5), "Other names (2 · 5 mentions)");
    }

    #[test]
    fn a_hijri_date_shows_both_values() {
        assert_eq!(
            date_value("2024-03-11", Some("1445-09-01")),
            "normalized value: 2024-03-11, Hijri 1445-09-01 (TIMEX3-like; see the README)"
        );
    }
}
