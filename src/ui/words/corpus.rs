//! The words of the folder panel: its heading and counts, and an article's progress
//! ([`Progress`], typed by the domain).

use taliq_core::workspace::corpus::Progress;

/// The panel's heading.
pub(crate) const HEADING: &str = "Articles";

/// How many of the folder's `articles` are done; `unopenable` of them cannot be opened
/// and are not counted as work to do.
#[must_use]
pub(crate) fn done_count(done: usize, articles: usize, unopenable: usize) -> String {
    if unopenable == 0 {
        format!("{done} of {articles} done")
    } else {
        format!(
            "{done} of {} done ({unopenable} cannot be opened)",
            articles - unopenable
        )
    }
}

/// The panel of a folder with no article file.
pub(crate) const NO_ARTICLES: &str = "No articles here: Taliq lists .txt, .html and .docx files.";

/// The row of an article that cannot be opened (why is on hover).
pub(crate) const CANNOT_BE_OPENED: &str = "⚠ cannot be opened";

/// The hover text of an article's name.
pub(crate) const OPEN_ROW: &str = "Open this article (the open one is saved first)";

/// An article's progress in a few words, for lists and tooltips, e.g.
/// `"in progress: 4 of 12 decided"`.
#[must_use]
pub(crate) fn progress(p: &Progress) -> String {
    match p {
        Progress::NotStarted { pending: 0 } => "not started".into(),
        Progress::NotStarted { pending } => {
            format!("not started: {pending} suggestion(s) to review")
        }
        Progress::InProgress {
            decided,
            pending: 0,
        } => format!("in progress: all {decided} decided, marked not done"),
        Progress::InProgress { decided, pending } => {
            format!("in progress: {decided} of {} decided", decided + pending)
        }
        Progress::Done { decided } => format!("done: {decided} decided"),
        Progress::Unreadable(why) => format!("saved work unreadable: {why}"),
    }
}

/// An article's row under its name: its progress symbol ([`Progress::symbol`]) and words.
#[must_use]
pub(crate) fn progress_row(p: &Progress) -> String {
    format!("{} {}", p.symbol(), progress(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_worded_for_every_state() {
        let cases = [
            (Progress::NotStarted { pending: 0 }, "not started"),
            (
                Progress::NotStarted { pending: 3 },
                "not started: 3 suggestion(s) to review",
            ),
            (
                Progress::InProgress {
                    decided: 4,
                    pending: 8,
                },
                "in progress: 4 of 12 decided",
            ),
            (
                Progress::InProgress {
                    decided: 1,
                    pending: 0,
                },
                "in progress: all 1 decided, marked not done",
            ),
            (Progress::Done { decided: 5 }, "done: 5 decided"),
            (
                Progress::Unreadable("bad JSON".into()),
                "saved work unreadable: bad JSON",
            ),
        ];
        for (p, words) in cases {
            assert_eq!(progress(&p), words);
        }
    }

    #[test]
    fn an_article_marked_not_done_says_so() {
        let all = Progress::from_decisions([(
            taliq_core::model::annotation::Status::Accepted,
            taliq_core::model::annotation::Origin::Extracted,
        )]);
        assert_eq!(
            progress(&all.with_mark(Some(false))),
            "in progress: all 1 decided, marked not done"
        );
    }

    #[test]
    fn counts_leave_out_what_cannot_be_opened() {
        assert_eq!(done_count(1, 3, 0), "1 of 3 done");
        assert_eq!(done_count(1, 3, 1), "1 of 2 done (1 cannot be opened)");
    }
}
