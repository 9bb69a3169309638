//! What the annotator's decisions teach the folder's project lexicon, applied to the open article and written to its file.

#[allow(
    clippy::wildcard_imports,
    reason = "the parent module's imports, as if in one file"
)]
use super::*;

use taliq_core::extract::lexicon::{self as lexicon, Teaching, UndoStep};
pub(super) use taliq_core::extract::lexicon::{Teach, mentions_of};
use taliq_core::workspace::lexicon::LexiconWrite;
pub(super) use taliq_core::workspace::lexicon::{FolderLexicon, LexiconFile, LexiconWrites};

impl TaliqApp {
    /// Teaches the project lexicon the annotator's decisions on these annotations, as
    /// part of the step just applied ([`lexicon::teach`]: its lessons join that step, see
    /// [`TaughtLexicon`]): accepted ones count as acceptances, rejected ones as rejections
    /// ("wrong here"; with [`Teach::Never`], the pair is never suggested again in the
    /// folder), pending or removed ones as nothing. What the folder now does differently
    /// is applied to the open article in the same undo step, said in the status line
    /// (kept there like the warnings about where work goes), and the lexicon file is
    /// rewritten (atomically).
    pub(super) fn learn(&mut self, ids: &[u64], how: Teach) {
        match self.teach(ids, how) {
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
    pub(super) fn teach(&mut self, ids: &[u64], how: Teach) -> Option<(String, bool)> {
        let a = self.article.as_mut()?;
        match lexicon::teach(&mut a.session, &mut a.lexicon, ids, how) {
            Teaching::Unchanged { already_never } => already_never.map(|(surface, label)| {
                (crate::ui::lexicon::already_never(&surface, label), false)
            }),
            Teaching::Changed {
                news,
                trimmed,
                applied,
                rejected,
            } => {
                self.lexicon_to_save = true;
                crate::ui::lexicon::describe_changes(
                    &news,
                    trimmed.as_ref(),
                    (applied.added, applied.rejected),
                )
                .or_else(|| {
                    rejected.map(|(surface, label)| {
                        (crate::ui::lexicon::rejected_here(&surface, label), false)
                    })
                })
            }
        }
    }

    /// Applies what the folder's lexicon now does differently (`changes`) to the open
    /// article, entering the undo history as `step` says ([`lexicon::apply_lessons_here`];
    /// edits that do not fit are said, as any edit's). Returns how many annotations were
    /// added and how many rejected.
    pub(super) fn apply_lessons_here(
        &mut self,
        changes: &[taliq_core::extract::lexicon::LexiconChange],
        step: UndoStep,
    ) -> (usize, usize) {
        let Some(a) = &mut self.article else {
            return (0, 0);
        };
        let (applied, done) = lexicon::apply_lessons_here(&mut a.session, changes, step);
        if let Err(e) = done
            && step == UndoStep::Own
        {
            self.say(Severity::Error, words::saving::Msg::LessonsNotApplied(&e));
        }
        (applied.added, applied.rejected)
    }

    /// Writes the project lexicon to its file, with the decisions earlier writes could
    /// not write (of this article and of articles left since: [`LexiconWrites::write`]);
    /// a failure is shown and pinned until a write succeeds, and the decisions stay in
    /// memory for the next try.
    pub(super) fn save_lexicon(&mut self) {
        let open = self
            .article
            .as_mut()
            .map(|a| (&mut a.lexicon_file, a.lexicon.lexicon()));
        match self.pending_lexicons.write(open) {
            LexiconWrite::Failed { error, waiting } => {
                self.line.warning_gone(); // this warning replaces the last one
                self.say_pinned(
                    Severity::Warning,
                    words::saving::Msg::LexiconNotSaved {
                        error: &error,
                        waiting,
                    },
                );
                self.line.warning_stands();
            }
            LexiconWrite::WrittenAgain => {
                self.line.warning_gone();
                self.line.release();
                self.say(
                    Severity::Info,
                    words::saving::Msg::LexiconSavedAgain { file: LEXICON_FILE },
                );
            }
            LexiconWrite::Written => {}
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
    /// memory and retried ([`LexiconWrites::waiting`]).
    #[must_use]
    pub fn unsaved_lexicon_decisions(&self) -> usize {
        let open = self
            .article
            .as_ref()
            .map(|a| (&a.lexicon_file, a.lexicon.lexicon()));
        self.pending_lexicons.waiting(open)
    }
}
