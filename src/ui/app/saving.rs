//! Autosave: every change on disk before the next frame (see `taliq_core::workspace::journal`).

#[allow(
    clippy::wildcard_imports,
    reason = "the parent module's imports, as if in one file"
)]
use super::*;

impl TaliqApp {
    /// Saves the session after a change: on disk before this returns, to the sidecar or,
    /// for big documents, to its journal (see [`taliq_core::workspace::journal`]). Failures are shown and
    /// retried on the next change; the in-memory work is never discarded.
    pub(super) fn autosave(&mut self) {
        let Some(a) = &mut self.article else { return };
        let saved = a.autosave.changed(&a.session, Instant::now());
        self.report_autosave(saved);
    }

    /// Once a frame: rewrites the sidecar when a deferred rewrite is due, and asks for a
    /// frame then.
    pub fn autosave_tick(&mut self) {
        let Some(a) = &mut self.article else { return };
        let saved = a.autosave.tick(&a.session, Instant::now());
        if let Some(due) = a.autosave.next_due() {
            self.ctx
                .request_repaint_after(due.saturating_duration_since(Instant::now()));
        }
        self.report_autosave(saved);
    }

    pub(super) fn report_autosave(&mut self, saved: Result<Saved, storage::StorageError>) {
        match saved {
            Ok(Saved::Sidecar {
                moved_from: Some(from),
            }) => {
                let to = self
                    .article
                    .as_ref()
                    .map(|a| file_name(a.autosave.sidecar()))
                    .unwrap_or_default();
                let msg = words::saving::Msg::MovedAside {
                    from: &from,
                    to: &to,
                };
                self.say_pinned(Severity::Warning, msg);
            }
            Ok(_) => {}
            Err(e) => {
                self.say_pinned(Severity::Error, words::saving::Msg::AutosaveFailed(&e));
            }
        }
    }

    /// Saves everything: a note or person attributes still being typed, then the whole
    /// sidecar.
    pub(super) fn flush_autosave(&mut self) {
        if let Some(a) = &self.article {
            for cmd in self.facts.take_unsaved(a) {
                self.apply(cmd);
            }
        }
        self.retry_lexicon();
        let Some(a) = &mut self.article else { return };
        let saved = a.autosave.flush(&a.session);
        self.report_autosave(saved);
    }

    /// True when every change is on disk (in the sidecar, or in its journal until the
    /// sidecar is next rewritten): a crash now loses nothing.
    #[must_use]
    pub fn is_saved(&self) -> bool {
        self.article
            .as_ref()
            .is_none_or(|a| a.autosave.is_durable(&a.session))
    }

    /// Sets when sidecars are rewritten whole and when changes are journaled first, for
    /// the open article and the ones opened later.
    pub fn set_autosave_policy(&mut self, policy: AutosavePolicy) {
        self.autosave_policy = policy;
        if let Some(a) = &mut self.article {
            a.autosave.set_policy(policy);
        }
    }
}
