//! What the annotator's decisions teach the folder's project lexicon, applied to the open article and written to its file.

#[allow(
    clippy::wildcard_imports,
    reason = "the parent module's imports, as if in one file"
)]
use super::*;

impl TaliqApp {
    /// Teaches the project lexicon the annotator's decisions on these annotations, as
    /// part of the step just applied (its lessons join that step: see [`TaughtLexicon`]): accepted ones count as
    /// acceptances, rejected ones as rejections ("wrong here"; with `never`, the pair is
    /// never suggested again in the folder), pending or removed ones as nothing. What the
    /// folder now does differently is applied to the open article in the same undo step
    /// (a name newly suggested is suggested at its other mentions here; a pair newly
    /// blocked has its pending suggestions here rejected), said in the status line (kept
    /// there like the warnings about where work goes), and the lexicon file is rewritten
    /// (atomically).
    pub(super) fn learn(&mut self, ids: &[u64], never: bool) {
        match self.teach(ids, never) {
            Some((msg, true)) => self.say_kept(Severity::Info, msg),
            Some((msg, false)) => self.say(Severity::Info, msg),
            None => {}
        }
        self.save_taught_lexicon();
    }

    /// Writes the lexicon when [`Self::teach`] changed it, after its news was said (so
    /// that what the write says, a failure or "saved again", comes last).
    pub(super) fn save_taught_lexicon(&mut self) {
        if std::mem::take(&mut self.lexicon_to_save) {
            self.save_lexicon();
        }
    }

    /// [`Self::learn`] without saying it or writing the file (call
    /// [`Self::save_taught_lexicon`] after): returns the status line, and whether it must
    /// stay (what the folder now does differently).
    pub(super) fn teach(&mut self, ids: &[u64], never: bool) -> Option<(String, bool)> {
        let Some(a) = &mut self.article else {
            return None;
        };
        let before = a.lexicon.lexicon().clone();
        let mut taught: Vec<(String, Label)> = Vec::new();
        let mut trimmed: Option<(String, String)> = None;
        let mut lesson_edits = Vec::new();
        let mut rejected_one = None;
        for &id in ids {
            let lesson = a.session.get(id).and_then(|ann| {
                let text = a.session.document().slice(ann.span.start(), ann.span.end());
                let lesson = Lesson::of_annotation(ann, text)?;
                if let Lesson::Accepted { surface, .. } = &lesson
                    && taliq_core::extract::lexicon::surface_key(surface)
                        != taliq_core::extract::lexicon::surface_key(text)
                {
                    trimmed = Some((text.to_owned(), surface.clone()));
                }
                Some(match lesson {
                    Lesson::Rejected { surface, label } if never => {
                        Lesson::Never { surface, label }
                    }
                    l => l,
                })
            });
            if let Some(Lesson::Rejected { surface, label }) = &lesson {
                rejected_one = Some((surface.clone(), *label));
            }
            if let Some(l) = &lesson
                && !taught
                    .iter()
                    .any(|(s, lb)| s == l.surface() && *lb == l.label())
            {
                taught.push((l.surface().to_owned(), l.label()));
            }
            lesson_edits.extend(a.lexicon.lesson_edit(&mut a.session, id, lesson));
        }
        // the lessons join the decision's undo step: one history undoes both
        let changed = !lesson_edits.is_empty()
            && a.session.apply_joined(Edit::Batch(lesson_edits)).is_ok()
            && a.lexicon.refresh(&a.session);
        if !changed {
            return taught.first().filter(|_| never).map(|(surface, label)| {
                (crate::ui::lexicon::already_never(surface, *label), false)
            });
        }
        let after = a.lexicon.lexicon().clone();
        let news = taliq_core::extract::lexicon::changes(&before, &after, &taught);
        let applied = self.apply_lessons_here(&news, true);
        let words = crate::ui::lexicon::describe_changes(&news, trimmed.as_ref(), applied);
        self.lexicon_to_save = true;
        words.or_else(|| {
            rejected_one
                .map(|(surface, label)| (crate::ui::lexicon::rejected_here(&surface, label), false))
        })
    }

    /// Applies what the folder's lexicon now does differently (`changes`) to the open
    /// article, joined to the undo step just applied: for a name newly suggested, its
    /// mentions here that no annotation of the flat layer covers become pending
    /// suggestions; for a pair newly blocked, its pending suggestions here are rejected.
    /// Returns how many annotations were added and how many rejected.
    pub(super) fn apply_lessons_here(
        &mut self,
        changes: &[taliq_core::extract::lexicon::LexiconChange],
        join: bool,
    ) -> (usize, usize) {
        use taliq_core::extract::lexicon::{Effect, surface_key};
        let Some(a) = &mut self.article else {
            return (0, 0);
        };
        let mut edits = Vec::new();
        let (mut added, mut rejected) = (0, 0);
        for c in changes
            .iter()
            .filter(|c| c.after == Effect::Suggested && c.before != Effect::Suggested)
        {
            let mentions = mentions_of(a.session.document().text(), &c.surface, c.label);
            let (more, n) = a.session.edits_at_mentions(
                &mentions,
                c.label,
                &c.canonical,
                Status::Pending,
                None,
            );
            edits.extend(more);
            added += n;
        }
        let blocked: Vec<(String, Label)> = changes
            .iter()
            .filter(|c| c.after == Effect::Blocked && c.before != Effect::Blocked)
            .map(|c| (surface_key(&c.surface), c.label))
            .collect();
        if !blocked.is_empty() {
            for x in a.session.annotations() {
                if x.status == Status::Pending
                    && blocked.iter().any(|(k, l)| {
                        *l == x.label
                            && *k
                                == surface_key(
                                    a.session.document().slice(x.span.start(), x.span.end()),
                                )
                    })
                {
                    edits.push(Edit::SetStatus {
                        id: x.id,
                        status: Status::Rejected,
                    });
                    rejected += 1;
                }
            }
        }
        if edits.is_empty() {
            return (0, 0);
        }
        if join {
            let _ = a.session.apply_joined(Edit::Batch(edits));
        } else {
            self.edit(Edit::Batch(edits));
        }
        (added, rejected)
    }

    /// Writes the project lexicon to its file, with the decisions earlier writes could
    /// not write (of this article and of articles left since); a failure is shown and
    /// pinned until a write succeeds, and the decisions stay in memory for the next try.
    pub(super) fn save_lexicon(&mut self) {
        let mut failure = None;
        let mut pending = std::mem::take(&mut self.pending_lexicons);
        pending.retain(|p| match write_merged(&p.path, &p.base, &p.ours) {
            Ok(_) => false,
            Err(e) => {
                failure = Some(e.to_string());
                true
            }
        });
        self.pending_lexicons = pending;
        if let Some(a) = &mut self.article
            && let Some(path) = &a.lexicon_file
        {
            match write_merged(path, &a.lexicon_on_disk, a.lexicon.lexicon()) {
                Ok(_) => {
                    // this window's view when it wrote: the base of the next write, so
                    // the next write carries only this window's changes since
                    a.lexicon_on_disk = a.lexicon.lexicon().clone();
                    a.lexicon_unsaved = false;
                }
                Err(e) => {
                    a.lexicon_unsaved = true;
                    failure = Some(e.to_string());
                }
            }
        }
        let waiting = self.unsaved_lexicon_decisions();
        if let Some(e) = failure {
            self.lexicon_warning = false; // this warning replaces the last one
            self.say_pinned(
                Severity::Warning,
                format!(
                    "The project lexicon was not saved: {e}. {waiting} decision(s) wait in memory and are written with the next lexicon change, on switching articles or on close"
                ),
            );
            self.lexicon_warning = true;
        } else if self.lexicon_warning && waiting == 0 {
            self.lexicon_warning = false;
            self.line.release();
            self.say(
                Severity::Info,
                format!("The project lexicon is saved again ({LEXICON_FILE}): the decisions that waited are written"),
            );
        }
    }

    /// Retries the lexicon decisions not yet written, if any.
    pub(super) fn retry_lexicon(&mut self) {
        if self.unsaved_lexicon_decisions() > 0 {
            self.save_lexicon();
        }
    }

    /// How many project lexicon decisions (learned names, rejections, and their undoing)
    /// are not in their lexicon file because its last write failed; they are kept in
    /// memory and retried.
    #[must_use]
    pub fn unsaved_lexicon_decisions(&self) -> usize {
        let open = self
            .article
            .as_ref()
            .filter(|a| a.lexicon_unsaved)
            .map_or(0, |a| a.lexicon_on_disk.changes_to(a.lexicon.lexicon()));
        let left: usize = self
            .pending_lexicons
            .iter()
            .map(|p| p.base.changes_to(&p.ours))
            .sum();
        open + left
    }
}

/// The char spans of the mentions of `surface` as `label` in `text`, clitic-aware (as
/// the project lexicon matches a learned name: [`taliq_core::extract::lexicon::matches_in`]).
pub(super) fn mentions_of(text: &str, surface: &str, label: Label) -> Vec<(usize, usize)> {
    let mut only = ProjectLexicon::new();
    only.set_rule(surface, label, taliq_core::extract::lexicon::Rule::Always);
    taliq_core::extract::lexicon::matches_in(text, &only)
        .into_iter()
        .map(|(s, e, _)| (s, e))
        .collect()
}

/// Project lexicon decisions of an article that was left while its lexicon file could not
/// be written: kept in memory, retried with every later lexicon write and on close, and
/// folded into the lexicon of the next article opened in the same folder.
pub(super) struct PendingLexicon {
    pub(super) path: PathBuf,
    /// The file as last read or written.
    pub(super) base: ProjectLexicon,
    /// The lexicon with the decisions not yet written.
    pub(super) ours: ProjectLexicon,
}
