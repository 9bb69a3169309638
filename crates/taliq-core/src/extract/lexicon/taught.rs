//! The decisions of one editing session counted in the project lexicon, kept so that
//! undoing a decision takes it back out and redoing it counts it again.

use rustc_hash::FxHashMap;

use super::{Learnable, ProjectLexicon, Rule, learnable_surface, learns_label, surface_key};
use crate::model::annotation::{Annotation, Status};
use crate::model::label::Label;

/// What one annotator decision teaches the project lexicon: one decision counted for a
/// label and surface form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lesson {
    /// An accepted or manual annotation: one acceptance of `surface` as `label`.
    Accepted {
        /// The surface learned ([`learnable_surface`] of the annotated text).
        surface: String,
        /// Its label.
        label: Label,
        /// The canonical name of the entity.
        canonical: String,
    },
    /// A rejected suggestion: one rejection ("wrong here").
    Rejected {
        /// The suggested text.
        surface: String,
        /// The suggested label.
        label: Label,
    },
    /// A suggestion rejected with "Never suggest this": one rejection, and the pair is
    /// never suggested again in the folder ([`Rule::Never`]).
    Never {
        /// The suggested text.
        surface: String,
        /// The suggested label.
        label: Label,
    },
}

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

    /// The surface form the lesson is about.
    #[must_use]
    pub fn surface(&self) -> &str {
        match self {
            Lesson::Accepted { surface, .. }
            | Lesson::Rejected { surface, .. }
            | Lesson::Never { surface, .. } => surface,
        }
    }

    /// The label the lesson is about.
    #[must_use]
    pub fn label(&self) -> Label {
        match self {
            Lesson::Accepted { label, .. }
            | Lesson::Rejected { label, .. }
            | Lesson::Never { label, .. } => *label,
        }
    }

    /// Counts this lesson in `lexicon` (`add`) or takes it back out; returns whether the
    /// lexicon changed. Taking back a [`Lesson::Never`] leaves the rule: the owner
    /// rebuilds from a base that does not have it ([`TaughtLexicon`]).
    pub(super) fn apply(&self, lexicon: &mut ProjectLexicon, add: bool) -> bool {
        match self {
            Lesson::Accepted {
                surface,
                label,
                canonical,
            } => lexicon.count(surface, *label, Some(canonical), add),
            Lesson::Rejected { surface, label } => lexicon.count(surface, *label, None, add),
            Lesson::Never { surface, label } => {
                let counted = lexicon.count(surface, *label, None, add);
                let ruled = add && lexicon.set_rule(surface, *label, Rule::Never);
                counted || ruled
            }
        }
    }

    fn key(&self) -> (Label, String) {
        (self.label(), surface_key(self.surface()))
    }
}

/// The lesson in force of an annotation decided in this session (`None`: it now teaches
/// nothing), numbered in teaching order.
type Numbered = (u64, Option<Lesson>);

/// One annotation's lesson before and after an undoable step (`None`: not decided in
/// this session, its lesson at open time stands).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Change {
    id: u64,
    before: Option<Numbered>,
    after: Option<Numbered>,
}

/// A project lexicon as loaded from its file plus the decisions of one editing session,
/// kept so that undoing a decision takes it back out and redoing it counts it again.
///
/// # Rule
///
/// The file already counts the decisions the article's annotations held when it was
/// opened (their *initial* lessons, [`Lesson::of_annotation`]; counted by the session
/// that made them). The lexicon in force is the *base* (the file as read) where, for
/// every annotation decided again in this session, its initial lesson is taken out and
/// its latest lesson counted instead, in the order they were taught. So changing one
/// mention from accepted to rejected moves one count, and re-deciding it the same way
/// changes nothing. Undoing a step gives each annotation it touched the lesson it had
/// before the step, and the lexicon is rebuilt: after an undo it is exactly what it was
/// before the step.
///
/// The owner calls [`Self::begin_step`] for every undoable step it applies, then
/// [`Self::teach`] for the decisions of that step, and [`Self::undo`] / [`Self::redo`]
/// in step with its own history. Nothing is taught while learning is off
/// ([`ProjectLexicon::learning`]).
#[derive(Debug, Clone, Default)]
pub struct TaughtLexicon {
    base: ProjectLexicon,
    current: ProjectLexicon,
    /// The lesson of each annotation decided when the article was opened.
    initial: FxHashMap<u64, Lesson>,
    /// The lesson in force of each annotation decided in this session.
    lessons: FxHashMap<u64, Numbered>,
    next_seq: u64,
    undo: Vec<Vec<Change>>,
    redo: Vec<Vec<Change>>,
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

    /// Opens a new undoable step (and forgets the steps that could be redone).
    pub fn begin_step(&mut self) {
        self.undo.push(Vec::new());
        self.redo.clear();
    }

    /// Records that annotation `id`, in the current step, now teaches `lesson` (`None`:
    /// nothing, e.g. back to pending or removed). Returns whether the lexicon changed.
    /// Without an open step (before any [`Self::begin_step`]) the lesson is kept but
    /// cannot be undone. While learning is off nothing is recorded.
    pub fn teach(&mut self, id: u64, lesson: Option<Lesson>) -> bool {
        if !self.base.learning() {
            return false;
        }
        self.next_seq += 1;
        let after = Some((self.next_seq, lesson));
        let before = self.set(id, after.clone());
        if let Some(step) = self.undo.last_mut() {
            // a second lesson of the same annotation in one step keeps the first `before`
            match step.iter_mut().find(|c| c.id == id) {
                Some(c) => c.after = after,
                None => step.push(Change { id, before, after }),
            }
        }
        self.rebuild()
    }

    /// Undoes the last step's lessons; returns whether the lexicon changed. A step
    /// without lessons is popped too, keeping this history in step with the owner's.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        for c in step.iter().rev() {
            self.set(c.id, c.before.clone());
        }
        self.redo.push(step);
        self.rebuild()
    }

    /// Redoes the last undone step's lessons; returns whether the lexicon changed.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        for c in &step {
            self.set(c.id, c.after.clone());
        }
        self.undo.push(step);
        self.rebuild()
    }

    /// Drops the last undoable (`undo`) or redoable step without applying it, when the
    /// owner's history lost that step. Returns whether there was one.
    pub fn forget_step(&mut self, undo: bool) -> bool {
        if undo {
            self.undo.pop().is_some()
        } else {
            self.redo.pop().is_some()
        }
    }

    /// Sets the rule of `(surface, label)` in the project (Project ▸ Learned names: not
    /// part of the undo history); a "Never suggest this" of this session on the pair
    /// then counts as a plain rejection. Returns whether the lexicon changed.
    pub fn set_rule(&mut self, surface: &str, label: Label, rule: Rule) -> bool {
        let key = (label, surface_key(surface));
        let soften = |l: &mut Option<Lesson>| {
            if let Some(Lesson::Never { surface, label }) = l
                && (*label, surface_key(surface)) == key
            {
                *l = Some(Lesson::Rejected {
                    surface: std::mem::take(surface),
                    label: *label,
                });
            }
        };
        for (_, l) in self.lessons.values_mut() {
            soften(l);
        }
        for c in self.undo.iter_mut().chain(&mut self.redo).flatten() {
            for (_, l) in c.before.iter_mut().chain(c.after.iter_mut()) {
                soften(l);
            }
        }
        self.base.set_rule(surface, label, rule);
        self.rebuild()
    }

    /// Forgets `(surface, label)` in the project with every decision counted for it, this
    /// session's included (Project ▸ Learned names: not part of the undo history).
    /// Returns whether the lexicon changed.
    pub fn forget(&mut self, surface: &str, label: Label) -> bool {
        let key = (label, surface_key(surface));
        let about = |l: &Lesson| l.key() == key;
        self.initial.retain(|_, l| !about(l));
        self.lessons
            .retain(|_, (_, l)| !l.as_ref().is_some_and(about));
        for step in self.undo.iter_mut().chain(&mut self.redo) {
            step.retain(|c| {
                !c.before
                    .iter()
                    .chain(&c.after)
                    .any(|(_, l)| l.as_ref().is_some_and(about))
            });
        }
        self.base.forget(surface, label);
        self.rebuild()
    }

    /// Switches learning on or off for the project; returns whether it changed.
    pub fn set_learning(&mut self, on: bool) -> bool {
        self.base.set_learning(on);
        self.rebuild()
    }

    /// Confirms `(surface, label)` as a name (Project ▸ Learned names, for a common word
    /// held back: [`super::Effect::Held`]), i.e. [`Rule::Always`].
    pub fn confirm(&mut self, surface: &str, label: Label) -> bool {
        self.set_rule(surface, label, Rule::Always)
    }

    fn set(&mut self, id: u64, lesson: Option<Numbered>) -> Option<Numbered> {
        match lesson {
            Some(l) => self.lessons.insert(id, l),
            None => self.lessons.remove(&id),
        }
    }

    /// Rebuilds the lexicon in force from the base and the lessons; returns whether it
    /// changed.
    fn rebuild(&mut self) -> bool {
        let mut order: Vec<(&u64, &Numbered)> = self.lessons.iter().collect();
        order.sort_by_key(|(_, (seq, _))| *seq);
        let mut lexicon = self.base.clone();
        for (id, (_, lesson)) in order {
            if let Some(initial) = self.initial.get(id) {
                initial.apply(&mut lexicon, false);
            }
            if let Some(l) = lesson {
                l.apply(&mut lexicon, true);
            }
        }
        if lexicon == self.current {
            false
        } else {
            self.current = lexicon;
            true
        }
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
