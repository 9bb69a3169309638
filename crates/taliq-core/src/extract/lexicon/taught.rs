//! The decisions of one editing session counted in the project lexicon: the session
//! keeps their lessons in its undo history ([`crate::session::Edit::Teach`]), so undoing
//! a decision takes it back out and redoing it counts it again, and [`TaughtLexicon`]
//! counts the lessons in force.

use rustc_hash::FxHashMap;

use super::{Learnable, ProjectLexicon, Rule, Tally, learnable_surface, learns_label, surface_key};
use crate::model::annotation::{Annotation, Status};
use crate::model::label::Label;
pub use crate::model::lesson::Lesson;
use crate::session::{Edit, Session};

impl Lesson {
    /// The lesson of annotation `a` of a document whose text at its span is `text`:
    /// accepted (or manual) → [`Lesson::Accepted`] of its [`learnable_surface`];
    /// rejected → [`Lesson::Rejected`]; pending, or a label that is not learned, or a
    /// span that is only a title → `None`.
    #[must_use]
    pub fn of_annotation(a: &Annotation, text: &str) -> Option<Lesson> {
        if !learns_label(a.label) {
            return None;
        }
        match a.status {
            Status::Pending => None,
            Status::Rejected => Some(Lesson::Rejected {
                surface: text.to_owned(),
                label: a.label,
            }),
            Status::Accepted => match learnable_surface(text, a.label) {
                Learnable::As(surface) => {
                    let canonical = if surface_key(&surface) == surface_key(text) {
                        a.canonical.clone()
                    } else {
                        surface.clone()
                    };
                    Some(Lesson::Accepted {
                        surface,
                        label: a.label,
                        canonical,
                    })
                }
                Learnable::NotAName | Learnable::OnlyATitle | Learnable::TooLong => None,
            },
        }
    }

    /// Counts this lesson in `lexicon` or takes it back out (`tally`); returns whether the
    /// lexicon changed. Taking back a [`Lesson::Never`] leaves the rule: the owner
    /// rebuilds from a base that does not have it ([`TaughtLexicon`]).
    pub(super) fn apply(&self, lexicon: &mut ProjectLexicon, tally: Tally) -> bool {
        match self {
            Lesson::Accepted {
                surface,
                label,
                canonical,
            } => lexicon.count(surface, *label, Some(canonical), tally),
            Lesson::Rejected { surface, label } => lexicon.count(surface, *label, None, tally),
            Lesson::Never { surface, label } => {
                let counted = lexicon.count(surface, *label, None, tally);
                let ruled = tally == Tally::Add && lexicon.set_rule(surface, *label, Rule::Never);
                counted || ruled
            }
        }
    }

    fn key(&self) -> (Label, String) {
        (self.label(), surface_key(self.surface()))
    }
}

/// A project lexicon as loaded from its file plus the decisions of one editing session.
///
/// # Rule
///
/// The file already counts the decisions the article's annotations held when it was
/// opened (their *initial* lessons, [`Lesson::of_annotation`]; counted by the session
/// that made them). The lexicon in force is the *base* (the file as read) where, for
/// every annotation decided again in this session ([`Session::lessons`]), its initial
/// lesson is taken out and its latest lesson counted instead, in the order they were
/// taught. So changing one mention from accepted to rejected moves one count, and
/// re-deciding it the same way changes nothing. The lessons are edits of the session's
/// one undo history ([`Edit::Teach`]), so after an undo the lexicon is exactly what it
/// was before the step: [`Self::refresh`] recounts it from the session.
///
/// Nothing is taught while learning is off ([`ProjectLexicon::learning`]).
#[derive(Debug, Clone, Default)]
pub struct TaughtLexicon {
    base: ProjectLexicon,
    current: ProjectLexicon,
    /// The lesson of each annotation decided when the article was opened.
    initial: FxHashMap<u64, Lesson>,
}

impl TaughtLexicon {
    /// `base` with nothing taught yet, for an article without earlier decisions.
    #[must_use]
    pub fn new(base: ProjectLexicon) -> TaughtLexicon {
        TaughtLexicon {
            current: base.clone(),
            base,
            ..TaughtLexicon::default()
        }
    }

    /// `base` for an article opened with `annotations` (of the document text `text`):
    /// their decisions are taken to be counted in `base` already. A rejected suggestion
    /// that overlaps an accepted annotation of the flat layer was replaced by it
    /// (guideline 6, the labelling rule) rather than judged, and counts for nothing.
    #[must_use]
    pub fn for_annotations(
        base: ProjectLexicon,
        annotations: &[Annotation],
        text_of: impl Fn(&Annotation) -> String,
    ) -> TaughtLexicon {
        let mut t = TaughtLexicon::new(base);
        for a in annotations {
            if a.status == Status::Rejected && replaced(a, annotations) {
                continue;
            }
            if a.status != Status::Pending
                && let Some(l) = Lesson::of_annotation(a, &text_of(a))
            {
                t.initial.insert(a.id, l);
            }
        }
        t
    }

    /// The lexicon in force.
    #[must_use]
    pub fn lexicon(&self) -> &ProjectLexicon {
        &self.current
    }

    /// The edit recording that annotation `id` of `session` now teaches `lesson`
    /// (`None`: nothing, e.g. back to pending or removed), to apply with the decision's
    /// step; `None` while learning is off. Call [`Self::refresh`] after applying it.
    pub fn lesson_edit(
        &self,
        session: &mut Session,
        id: u64,
        lesson: Option<Lesson>,
    ) -> Option<Edit> {
        self.base.learning().then(|| session.teaching(id, lesson))
    }

    /// Recounts the lexicon in force from the base and the lessons in force of `session`
    /// (after a step that taught, an undo or a redo); returns whether it changed.
    pub fn refresh(&mut self, session: &Session) -> bool {
        // lessons taught before learning was switched off keep counting
        let mut lexicon = self.base.clone();
        for (id, lesson) in session.lessons() {
            if let Some(initial) = self.initial.get(&id) {
                initial.apply(&mut lexicon, Tally::TakeBack);
            }
            if let Some(l) = lesson {
                l.apply(&mut lexicon, Tally::Add);
            }
        }
        if lexicon == self.current {
            false
        } else {
            self.current = lexicon;
            true
        }
    }

    /// Sets the rule of `(surface, label)` in the project (Project ▸ Learned names: not
    /// part of the undo history); a "Never suggest this" of this session on the pair
    /// then counts as a plain rejection. Returns whether the lexicon changed.
    pub fn set_rule(
        &mut self,
        session: &mut Session,
        surface: &str,
        label: Label,
        rule: Rule,
    ) -> bool {
        let key = (label, surface_key(surface));
        session.rewrite_lessons(|l| {
            if let Lesson::Never { surface, label } = l
                && (*label, surface_key(surface)) == key
            {
                *l = Lesson::Rejected {
                    surface: std::mem::take(surface),
                    label: *label,
                };
            }
        });
        self.base.set_rule(surface, label, rule);
        self.refresh(session)
    }

    /// Forgets `(surface, label)` in the project with every decision counted for it, this
    /// session's included (Project ▸ Learned names: not part of the undo history).
    /// Returns whether the lexicon changed.
    pub fn forget(&mut self, session: &mut Session, surface: &str, label: Label) -> bool {
        let key = (label, surface_key(surface));
        let about = |l: &Lesson| l.key() == key;
        self.initial.retain(|_, l| !about(l));
        session.forget_lessons(about);
        self.base.forget(surface, label);
        self.refresh(session)
    }

    /// Switches learning on or off for the project; returns whether it changed.
    pub fn set_learning(&mut self, session: &Session, on: bool) -> bool {
        self.base.set_learning(on);
        self.refresh(session)
    }

    /// Confirms `(surface, label)` as a name (Project ▸ Learned names, for a common word
    /// held back: [`super::Effect::Held`]), i.e. [`Rule::Always`].
    pub fn confirm(&mut self, session: &mut Session, surface: &str, label: Label) -> bool {
        self.set_rule(session, surface, label, Rule::Always)
    }
}

/// Whether the rejected annotation `a` was replaced by an accepted annotation of the same
/// layer that overlaps it (guideline 6: the annotator's span replaces what it overlaps).
fn replaced(a: &Annotation, all: &[Annotation]) -> bool {
    let quote = a.label == Label::Quote;
    all.iter().any(|b| {
        b.id != a.id
            && b.status == Status::Accepted
            && (b.label == Label::Quote) == quote
            && b.span.overlaps(a.span)
    })
}
