//! The open article and what the app keeps about it.

#[allow(
    clippy::wildcard_imports,
    reason = "the parent module's imports, as if in one file"
)]
use super::*;

/// An open article: the session and where its work is saved.
pub(in crate::ui) struct OpenArticle {
    pub session: Session,
    pub path: PathBuf,
    /// Where and when the work is saved (sidecar and journal, see [`taliq_core::workspace::journal`]).
    pub(super) autosave: Autosaver,
    pub(super) exported_revision: Option<u64>,
    /// The session revision when the article was opened: later revisions are changes of
    /// this run.
    pub(super) opened_revision: u64,
    /// Where this article was last exported in this run.
    pub(super) export_path: Option<PathBuf>,
    /// Changed earlier in this run (before it was left and opened again) and not exported
    /// since.
    pub(super) carried_unexported: bool,
    /// The project lexicon of the article's folder with the lessons of this run's
    /// decisions (undone with them).
    pub(super) lexicon: TaughtLexicon,
    /// Its file, as this window last read or wrote it; when a write fails, every later
    /// lexicon write, the switch to another article and the close retry it.
    pub(super) lexicon_file: LexiconFile,
    /// Cached entity grouping and review counts, and the session revision they were
    /// computed at (recomputed once per change, not every frame: a 1 MB article has more
    /// than 10,000 suggestions).
    pub(super) entities: (u64, Vec<Entity>, ReviewCounts),
    /// How many other mentions [`Action::RelabelAll`] would change for an annotation:
    /// `(revision, id, count)`, computed once per change of either.
    pub(super) other_mentions: Option<(u64, u64, usize)>,
}

/// How many annotations of an article await review, were accepted or rejected, and which
/// entities are wholly accepted.
#[derive(Debug, Clone, Default)]
pub(in crate::ui) struct ReviewCounts {
    pub pending: usize,
    pub accepted: usize,
    pub rejected: usize,
    /// Ids of the entities whose every mention is accepted.
    pub accepted_entities: HashSet<EntityId>,
}

impl OpenArticle {
    /// This article's entry for the close prompt, when it changed in this run since it
    /// was last exported.
    pub(super) fn unexported(&self) -> Option<Unexported> {
        let since = self.exported_revision.unwrap_or(self.opened_revision);
        (self.carried_unexported || self.session.revision() != since).then(|| Unexported {
            article: self.path.clone(),
            sidecar: self.autosave.sidecar().to_path_buf(),
            export_path: self.export_path.clone(),
        })
    }

    /// How many other mentions of annotation `id`'s text [`Action::RelabelAll`] would
    /// relabel or add (cached per revision).
    pub(in crate::ui) fn other_mentions(&mut self, id: u64) -> usize {
        let rev = self.session.revision();
        if let Some((r, i, n)) = self.other_mentions
            && r == rev
            && i == id
        {
            return n;
        }
        let n = self.session.get(id).map_or(0, |a| {
            let doc = self.session.document();
            let text = doc.slice(a.span.start(), a.span.end());
            let mut s = self.session.clone();
            mentions_of(doc.text(), text, a.label)
                .iter()
                .filter(|m| {
                    s.edits_at_mentions(&[**m], a.label, "", Status::Accepted, Some(id))
                        .1
                        > 0
                })
                .count()
        });
        self.other_mentions = Some((rev, id, n));
        n
    }

    pub(in crate::ui) fn entities(&mut self) -> &[Entity] {
        self.refresh_entities();
        &self.entities.1
    }

    /// The review counts of the current state.
    pub(in crate::ui) fn review_counts(&mut self) -> &ReviewCounts {
        self.refresh_entities();
        &self.entities.2
    }

    pub(super) fn refresh_entities(&mut self) {
        if self.entities.0 == self.session.revision() {
            return;
        }
        let entities = self.session.entities();
        let mut counts = ReviewCounts::default();
        for a in self.session.annotations() {
            match a.status {
                Status::Pending => counts.pending += 1,
                Status::Accepted => counts.accepted += 1,
                Status::Rejected => counts.rejected += 1,
            }
        }
        counts.accepted_entities = entities
            .iter()
            .filter(|e| {
                e.mentions
                    .iter()
                    .filter_map(|id| self.session.get(*id))
                    .all(|a| a.status == Status::Accepted)
            })
            .map(|e| e.id.clone())
            .collect();
        self.entities = (self.session.revision(), entities, counts);
    }
}
