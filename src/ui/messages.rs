//! The status line's messages and which one is shown: the rules that keep a message the
//! annotator must not miss readable however fast they work.
//!
//! A message has a severity ([`Severity`]) and a weight ([`Weight`]). While a message is
//! held (for [`HOLD_FOR`] after it was said), a new one replaces it only when it is more
//! severe, or as severe and not of less weight: a warning about where the work goes is
//! replaced by another warning or an error, never by information; a kept notice (what the
//! folder's lexicon now does) by the result of another command, never by the progress of
//! the review ("49 suggestion(s) await review"). Every message goes to the history, shown
//! on hover.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// How serious a status-line message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something happened as asked.
    Info,
    /// Done, but the user should know something.
    Warning,
    /// Not done.
    Error,
}

/// How much a message counts against the one held in the status line, and whether it is
/// held itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Weight {
    /// Where the review is (next suggestion, mention n of m): never replaces a held
    /// message.
    Progress,
    /// The result of a command.
    Result,
    /// The result of a command the annotator must not miss (what the folder's lexicon now
    /// does, work moved to another file): held for [`HOLD_FOR`].
    Kept,
}

/// How many messages the history keeps.
const HISTORY_LEN: usize = 30;
/// How long a held message stays against the ones that do not replace it.
pub(super) const HOLD_FOR: Duration = Duration::from_secs(10);

/// The status line: the message shown, until when it is held, and the earlier ones.
#[derive(Debug, Default)]
pub(super) struct StatusLine {
    /// The message shown, its severity and when it was said.
    pub shown: Option<(Severity, String, Instant)>,
    /// The message shown is held until then.
    held_until: Option<Instant>,
    /// The last messages, newest last.
    pub history: VecDeque<(Severity, String)>,
    /// A warning stands until its cause is gone (an unwritable lexicon): Info messages go
    /// to the history only.
    warning_stands: bool,
}

impl StatusLine {
    /// Says `msg`: to the history, and to the status line unless the message held there
    /// outweighs it (see the module doc) or a warning stands ([`Self::warning_stands`])
    /// and `msg` is Info; [`Weight::Kept`] holds it for [`HOLD_FOR`]. Returns whether it
    /// is shown.
    pub(super) fn say(&mut self, severity: Severity, msg: String, weight: Weight) -> bool {
        if self.history.len() == HISTORY_LEN {
            self.history.pop_front();
        }
        self.history.push_back((severity, msg.clone()));
        let now = Instant::now();
        if self.warning_stands && severity == Severity::Info {
            return false;
        }
        if self.held_until.is_some_and(|t| now < t)
            && let Some((held, ..)) = &self.shown
            && (severity < *held || (severity == *held && weight == Weight::Progress))
        {
            return false; // kept in the history, shown on hover
        }
        self.held_until = (weight == Weight::Kept).then(|| now + HOLD_FOR);
        self.shown = Some((severity, msg, now));
        true
    }

    /// Lets the warning shown stand until [`Self::warning_gone`]: Info messages are kept
    /// off the line meanwhile.
    pub(super) fn warning_stands(&mut self) {
        self.warning_stands = true;
    }

    /// The cause of a standing warning is gone: Info messages show again.
    pub(super) fn warning_gone(&mut self) {
        self.warning_stands = false;
    }

    /// Lets the next message replace the one shown, whatever it is (what is said about an
    /// article just opened replaces what was held about the last one).
    pub(super) fn release(&mut self) {
        self.held_until = None;
    }

    /// The message shown when it was said at or after `since`.
    #[must_use]
    pub(super) fn said_since(&self, since: Instant) -> Option<&str> {
        self.shown
            .as_ref()
            .filter(|(_, _, t)| *t >= since)
            .map(|(_, m, _)| m.as_str())
    }

    /// Whether the message shown is held now.
    #[must_use]
    pub(super) fn is_held(&self) -> bool {
        self.held_until.is_some_and(|t| Instant::now() < t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(l: &StatusLine) -> &str {
        l.shown.as_ref().map_or("", |(_, m, _)| m.as_str())
    }

    /// Found by a tester: an autosave error was replaced by a lexicon warning; a folder
    /// notice hid the result of Undo and went stale; a rejection's own message was
    /// replaced in the same frame by the review's progress.
    #[test]
    fn a_held_message_yields_only_to_a_more_severe_one_or_a_result_of_its_severity() {
        let mut l = StatusLine::default();
        l.say(Severity::Error, "autosave failed".into(), Weight::Kept);
        l.say(Severity::Warning, "lexicon not saved".into(), Weight::Kept);
        assert_eq!(shown(&l), "autosave failed");
        l.say(Severity::Error, "export failed".into(), Weight::Kept);
        assert_eq!(shown(&l), "export failed");
        let mut l = StatusLine::default();
        l.say(Severity::Info, "the folder learned".into(), Weight::Kept);
        l.say(Severity::Info, "49 await review".into(), Weight::Progress);
        assert_eq!(shown(&l), "the folder learned");
        l.say(Severity::Info, "Undone".into(), Weight::Result);
        assert_eq!(shown(&l), "Undone");
        // nothing held: progress shows
        l.say(Severity::Info, "48 await review".into(), Weight::Progress);
        assert_eq!(shown(&l), "48 await review");
        assert_eq!(l.history.len(), 4);
        // a warning that must stay keeps Info off the line, until its cause is gone
        l.warning_stands();
        l.say(Severity::Info, "x".into(), Weight::Result);
        assert_eq!(shown(&l), "48 await review");
        l.warning_gone();
        l.say(Severity::Info, "y".into(), Weight::Result);
        assert_eq!(shown(&l), "y");
    }
}
