//! An open article with its annotations and the undoable edits applied to them.
//!
//! Every change to the annotation set goes through [`Session::apply`], which records the
//! inverse edit, so undo and redo cover every annotation action. What a decision teaches
//! the project lexicon is an edit too ([`Edit::Teach`]), joined to the decision's step:
//! one history undoes both, and the lexicon model reads the lessons in force from here
//! ([`Session::lessons`]).

use std::collections::HashSet;

use rustc_hash::FxHashMap;
use thiserror::Error;

use crate::model::annotation::{
    Annotation, Entity, Facts, Origin, SpeakerLink, Status, group_entities,
};
use crate::model::document::Document;
use crate::model::entity_id::EntityId;
use crate::model::label::Label;
use crate::model::lesson::{Lesson, Taught};
use crate::model::span::Span;

/// Why an edit could not be applied. The annotation set is unchanged when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    /// No annotation has this id.
    #[error("no annotation with id {0}")]
    UnknownId(u64),
    /// An annotation with this id already exists.
    #[error("annotation id {0} is already used")]
    DuplicateId(u64),
}

/// One undoable change to the annotation set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Insert an annotation (its id must be unused).
    Add(Annotation),
    /// Delete the annotation with this id.
    Remove(u64),
    /// Set the review status.
    SetStatus {
        /// Annotation id.
        id: u64,
        /// New status.
        status: Status,
    },
    /// Change the label. The facts found for the old label (a person's role and
    /// nationality, a quote's speaker, a date's value) no longer apply and are cleared when
    /// the label really changes; undo brings them back.
    SetLabel {
        /// Annotation id.
        id: u64,
        /// New label.
        label: Label,
    },
    /// Replace the facts (what undoing a relabel restores).
    SetFacts {
        /// Annotation id.
        id: u64,
        /// New facts.
        facts: Facts,
    },
    /// Replace the note.
    SetNote {
        /// Annotation id.
        id: u64,
        /// New note text.
        note: String,
    },
    /// Mark the whole article done (`Some(true)`), not done (`Some(false)`), or leave its
    /// progress to the decisions (`None`; see [`crate::workspace::corpus::Progress::with_mark`]).
    SetDone(Option<bool>),
    /// Record what annotation `id` now teaches the project lexicon (`None`: it was not
    /// decided in this session, so its lesson at open time stands). Made by
    /// [`Session::teaching`]; it changes no annotation.
    Teach {
        /// Annotation id (the annotation need not exist: a removed one teaches nothing).
        id: u64,
        /// The lesson in force.
        taught: Option<Taught>,
    },
    /// Several edits undone and redone as one step, applied in order.
    Batch(Vec<Edit>),
}

impl Edit {
    /// Calls `f` with the lesson of every [`Edit::Teach`] in this edit (batches
    /// included).
    fn visit_teach(&mut self, f: &mut impl FnMut(&mut Option<Taught>)) {
        match self {
            Edit::Teach { taught, .. } => f(taught),
            Edit::Batch(edits) => {
                for e in edits {
                    e.visit_teach(f);
                }
            }
            _ => {}
        }
    }
}

/// How the annotations of a session were obtained when the article was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provenance {
    /// Freshly extracted (no sidecar).
    Extracted,
    /// Restored from a sidecar written for this exact text.
    Restored,
    /// Carried over from a sidecar written for an earlier version of the text.
    Reanchored,
}

/// An article, its annotations, and the undo history.
#[derive(Debug, Clone)]
pub struct Session {
    doc: Document,
    annotations: Vec<Annotation>,
    /// Position of each annotation in `annotations` by id (kept in step with it), so
    /// lookups by id stay O(1) with tens of thousands of suggestions.
    positions: FxHashMap<u64, usize>,
    next_id: u64,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    deleted: HashSet<u64>,
    revision: u64,
    provenance: Provenance,
    /// The annotator's mark on the article ([`Edit::SetDone`]).
    done: Option<bool>,
    /// The lesson in force of each annotation decided in this session ([`Edit::Teach`]).
    lessons: FxHashMap<u64, Taught>,
    /// The last lesson number given by [`Session::teaching`].
    lesson_seq: u64,
}

impl Session {
    /// Opens `doc` with `annotations` (sorted here), obtained as `p` says; the
    /// constructors of the layers above ([`crate::extract`]: fresh suggestions,
    /// [`crate::formats::taliq`]: a saved file) build on this.
    #[must_use]
    pub fn with_annotations(
        doc: Document,
        mut annotations: Vec<Annotation>,
        p: Provenance,
    ) -> Session {
        annotations.sort_by_key(|a| (a.span.start(), a.span.end(), a.id));
        let next_id = annotations.iter().map(|a| a.id).max().unwrap_or(0) + 1;
        let mut positions = FxHashMap::default();
        for (i, a) in annotations.iter().enumerate().rev() {
            positions.insert(a.id, i); // the first one wins when ids repeat
        }
        Session {
            doc,
            annotations,
            positions,
            next_id,
            undo: Vec::new(),
            redo: Vec::new(),
            deleted: HashSet::new(),
            revision: 0,
            provenance: p,
            done: None,
            lessons: FxHashMap::default(),
            lesson_seq: 0,
        }
    }

    /// The document.
    #[must_use]
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// All annotations (rejected included), sorted by start, then end.
    #[must_use]
    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    /// The annotation with this id.
    #[must_use]
    pub fn get(&self, id: u64) -> Option<&Annotation> {
        self.positions.get(&id).map(|&i| &self.annotations[i])
    }

    /// Entities over the non-rejected annotations (see [`group_entities`]).
    #[must_use]
    pub fn entities(&self) -> Vec<Entity> {
        group_entities(&self.annotations)
    }

    /// The link that makes the entity `entity_id` (an entity of
    /// [`Session::entities`] whose label [`Label::can_speak`]) the speaker of the QUOTE
    /// annotation `quote`: the entity and its mention nearest before the quote; when it is
    /// only named after the quote, its first mention after it (`«…»، قال بوتين`), one
    /// inside the quote only when there is no other. `None` when `quote` is not a QUOTE
    /// or the entity is not a speaker entity of the document.
    #[must_use]
    pub fn speaker_link(&self, quote: u64, entity_id: &EntityId) -> Option<SpeakerLink> {
        let q = self.get(quote).filter(|q| q.label == Label::Quote)?;
        let entity = self
            .entities()
            .into_iter()
            .find(|e| e.id == *entity_id && e.label().can_speak())?;
        let spans = entity
            .mentions
            .iter()
            .filter_map(|id| self.get(*id).map(|m| (*id, m.span)));
        let before = spans
            .clone()
            .filter(|(_, s)| s.start() < q.span.start())
            .max_by_key(|(_, s)| s.start());
        let after = spans
            .filter(|(_, s)| s.start() >= q.span.start())
            .min_by_key(|(_, s)| (s.start() < q.span.end(), s.start()));
        Some(SpeakerLink {
            entity: entity.id,
            mention: before.or(after).map(|(id, _)| id),
        })
    }

    /// How the annotations were obtained at open time.
    #[must_use]
    pub fn provenance(&self) -> Provenance {
        self.provenance
    }

    /// Increments on every applied edit, undo and redo; lets views and autosave notice
    /// changes cheaply.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Ids deleted on purpose in this session (for the sidecar's no-shrink guard).
    #[must_use]
    pub fn deleted_ids(&self) -> &HashSet<u64> {
        &self.deleted
    }

    /// A new unused annotation id.
    pub fn fresh_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Builds a manual, accepted annotation for `span` (canonical name = its text).
    pub fn manual_annotation(&mut self, span: Span, label: Label) -> Annotation {
        Annotation {
            id: self.fresh_id(),
            span,
            label,
            origin: Origin::Manual,
            status: Status::Accepted,
            note: String::new(),
            canonical: self.doc.slice(span.start(), span.end()).to_owned(),
            facts: Facts::default(),
        }
    }

    /// The edits that make the char spans `mentions` (the mentions of one name in this
    /// document, e.g. [`crate::extract::lexicon::matches_in`]) annotations labelled
    /// `label` with canonical name `canonical` and status `status`, for what the folder
    /// just learned ([`Status::Pending`]: suggestions) or "relabel all mentions"
    /// ([`Status::Accepted`]). At each mention:
    /// - no annotation of the flat layer overlaps it: a new one (origin extracted when
    ///   pending, manual when accepted);
    /// - a rejected annotation of `label` has exactly its span (wrong here): nothing;
    ///   other rejected annotations do not count;
    /// - an annotation has exactly its span: it takes `label` (and `status`), unless it is
    ///   `skip` or decided when `status` is pending (a decision is never undone by a
    ///   suggestion);
    /// - pending suggestions that are the mention with its proclitic in front (`وزرقلوف`
    ///   for `زرقلوف`, guideline 1) are rejected and replaced by the mention;
    /// - anything else (a longer name over it, a decided annotation) is left alone.
    ///
    /// Returns the edits (apply them as one batch) and how many mentions they change.
    pub fn edits_at_mentions(
        &mut self,
        mentions: &[(usize, usize)],
        label: Label,
        canonical: &str,
        status: Status,
        skip: Option<u64>,
    ) -> (Vec<Edit>, usize) {
        let mut edits = Vec::new();
        let mut changed = 0;
        for &(start, end) in mentions {
            let Ok(span) = Span::new(&self.doc, start, end) else {
                continue;
            };
            // rejected annotations are not there, but one of this label at exactly this
            // span says "wrong here"
            if self
                .annotations
                .iter()
                .any(|a| a.status == Status::Rejected && a.span == span && a.label == label)
            {
                continue;
            }
            let over: Vec<&Annotation> = self
                .annotations
                .iter()
                .filter(|a| {
                    a.label != Label::Quote && a.status != Status::Rejected && a.span.overlaps(span)
                })
                .collect();
            let make_new = over.is_empty()
                || over.iter().all(|a| {
                    a.status == Status::Pending
                        && a.span.end() == end
                        && a.span.start() < start
                        && start - a.span.start() <= 3
                });
            if make_new {
                for a in &over {
                    edits.push(Edit::SetStatus {
                        id: a.id,
                        status: Status::Rejected,
                    });
                }
                let mut a = self.manual_annotation(span, label);
                if status == Status::Pending {
                    a.origin = Origin::Extracted;
                }
                a.status = status;
                canonical.clone_into(&mut a.canonical);
                edits.push(Edit::Add(a));
                changed += 1;
                continue;
            }
            let [a] = over.as_slice() else { continue };
            let decided_kept = status == Status::Pending && a.status != Status::Pending;
            if a.span != span
                || Some(a.id) == skip
                || decided_kept
                || (a.label == label && a.status == status)
            {
                continue;
            }
            let id = a.id;
            if a.label != label {
                edits.push(Edit::SetLabel { id, label });
            }
            if a.status != status {
                edits.push(Edit::SetStatus { id, status });
            }
            changed += 1;
        }
        (edits, changed)
    }

    /// Sets the annotator's mark as read from a saved file (not an edit: nothing to undo).
    pub fn set_saved_done(&mut self, done: Option<bool>) {
        self.done = done;
    }

    /// The annotator's mark on the article: done, not done, or not marked (`None`).
    #[must_use]
    pub fn done(&self) -> Option<bool> {
        self.done
    }

    /// True when there is something to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies `edit` as one undo step and clears the redo history.
    ///
    /// # Errors
    /// [`EditError`] when the edit does not fit the current set; nothing changes then.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let inverse = self.apply_raw(edit)?;
        self.undo.push(inverse);
        self.redo.clear();
        Ok(())
    }

    /// Applies `edit` as part of the last undo step (one Ctrl+Z undoes both; what a
    /// decision entails, or a note typed on after a pause), or as a step of its own when
    /// there is none. Clears the redo history.
    ///
    /// # Errors
    /// [`EditError`] when the edit does not fit the current set; nothing changes then.
    pub fn apply_joined(&mut self, edit: Edit) -> Result<(), EditError> {
        let inverse = self.apply_raw(edit)?;
        let joined = match self.undo.pop() {
            // undo the later edit first, then the step it joins
            Some(previous) => Edit::Batch(vec![inverse, previous]),
            None => inverse,
        };
        self.undo.push(joined);
        self.redo.clear();
        Ok(())
    }

    /// The edit that records that annotation `id` now teaches `lesson` (`None`: nothing),
    /// numbered after every lesson taught so far; apply it with the decision's step
    /// ([`Session::apply_joined`]).
    pub fn teaching(&mut self, id: u64, lesson: Option<Lesson>) -> Edit {
        self.lesson_seq += 1;
        Edit::Teach {
            id,
            taught: Some(Taught {
                seq: self.lesson_seq,
                lesson,
            }),
        }
    }

    /// The lessons in force of the annotations decided in this session, in teaching
    /// order: (annotation id, what it teaches now).
    #[must_use]
    pub fn lessons(&self) -> Vec<(u64, Option<&Lesson>)> {
        let mut v: Vec<(&u64, &Taught)> = self.lessons.iter().collect();
        v.sort_by_key(|(_, t)| t.seq);
        v.into_iter()
            .map(|(id, t)| (*id, t.lesson.as_ref()))
            .collect()
    }

    /// Changes every lesson of the session, those in force and those in the undo and
    /// redo history, with `f` (Project ▸ Learned names setting a rule back makes a
    /// "Never suggest this" of this session a plain rejection). Not an undoable step.
    pub fn rewrite_lessons(&mut self, mut f: impl FnMut(&mut Lesson)) {
        for t in self.lessons.values_mut() {
            if let Some(l) = &mut t.lesson {
                f(l);
            }
        }
        for edit in self.undo.iter_mut().chain(&mut self.redo) {
            edit.visit_teach(&mut |taught| {
                if let Some(Taught {
                    lesson: Some(l), ..
                }) = taught
                {
                    f(l);
                }
            });
        }
    }

    /// Forgets every lesson of the session for which `about` holds, in force and in the
    /// history (Project ▸ Learned names ▸ Forget): undo and redo never bring one back.
    /// Not an undoable step.
    pub fn forget_lessons(&mut self, about: impl Fn(&Lesson) -> bool) {
        self.lessons
            .retain(|_, t| !t.lesson.as_ref().is_some_and(&about));
        for edit in self.undo.iter_mut().chain(&mut self.redo) {
            edit.visit_teach(&mut |taught| {
                if taught
                    .as_ref()
                    .is_some_and(|t| t.lesson.as_ref().is_some_and(&about))
                {
                    *taught = None;
                }
            });
        }
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    fn step(&mut self, undo: bool) -> bool {
        let popped = if undo {
            self.undo.pop()
        } else {
            self.redo.pop()
        };
        let Some(edit) = popped else { return false };
        // History entries are inverses of edits that applied, so they apply too; if one
        // ever does not, it is dropped rather than left to fail forever.
        let Ok(inverse) = self.apply_raw(edit) else {
            return false;
        };
        if undo {
            self.redo.push(inverse);
        } else {
            self.undo.push(inverse);
        }
        true
    }

    /// Applies an edit and returns its inverse; on error the set is unchanged.
    fn apply_raw(&mut self, edit: Edit) -> Result<Edit, EditError> {
        let inverse = match edit {
            Edit::Add(a) => {
                if self.get(a.id).is_some() {
                    return Err(EditError::DuplicateId(a.id));
                }
                let id = a.id;
                self.next_id = self.next_id.max(id + 1);
                let pos = self.annotations.partition_point(|b| {
                    (b.span.start(), b.span.end(), b.id) < (a.span.start(), a.span.end(), a.id)
                });
                self.annotations.insert(pos, a);
                self.reindex_from(pos);
                self.deleted.remove(&id);
                Edit::Remove(id)
            }
            Edit::Remove(id) => {
                let pos = self.index(id)?;
                let a = self.annotations.remove(pos);
                self.positions.remove(&id);
                self.reindex_from(pos);
                self.deleted.insert(id);
                Edit::Add(a)
            }
            Edit::SetStatus { id, status } => {
                let i = self.index(id)?;
                let old = std::mem::replace(&mut self.annotations[i].status, status);
                Edit::SetStatus { id, status: old }
            }
            Edit::SetLabel { id, label } => {
                let i = self.index(id)?;
                let a = &mut self.annotations[i];
                let old = std::mem::replace(&mut a.label, label);
                if old == label || a.facts == Facts::default() {
                    Edit::SetLabel { id, label: old }
                } else {
                    let facts = std::mem::take(&mut a.facts);
                    Edit::Batch(vec![
                        Edit::SetLabel { id, label: old },
                        Edit::SetFacts { id, facts },
                    ])
                }
            }
            Edit::SetFacts { id, facts } => {
                let i = self.index(id)?;
                let old = std::mem::replace(&mut self.annotations[i].facts, facts);
                Edit::SetFacts { id, facts: old }
            }
            Edit::SetNote { id, note } => {
                let i = self.index(id)?;
                let old = std::mem::replace(&mut self.annotations[i].note, note);
                Edit::SetNote { id, note: old }
            }
            Edit::SetDone(done) => Edit::SetDone(std::mem::replace(&mut self.done, done)),
            Edit::Teach { id, taught } => {
                let old = match taught {
                    Some(t) => self.lessons.insert(id, t),
                    None => self.lessons.remove(&id),
                };
                Edit::Teach { id, taught: old }
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for e in edits {
                    match self.apply_raw(e) {
                        Ok(inv) => inverses.push(inv),
                        Err(err) => {
                            // roll back what this batch already did
                            for inv in inverses.into_iter().rev() {
                                let _ = self.apply_raw(inv);
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Edit::Batch(inverses)
            }
        };
        self.revision += 1;
        Ok(inverse)
    }

    fn index(&self, id: u64) -> Result<usize, EditError> {
        self.positions
            .get(&id)
            .copied()
            .ok_or(EditError::UnknownId(id))
    }

    /// Updates `positions` for the annotations from `pos` on (after an insert or removal).
    fn reindex_from(&mut self, pos: usize) {
        for (i, a) in self.annotations.iter().enumerate().skip(pos) {
            self.positions.insert(a.id, i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        let doc = Document::from_text("قال بوتين إن ترامب وافق", "t.txt", "UTF-8");
        Session::with_annotations(doc, Vec::new(), Provenance::Extracted)
    }

    #[test]
    fn a_decision_and_its_lesson_are_one_undo_step() {
        let mut s = session();
        let span = Span::new(s.document(), 4, 9).unwrap();
        let a = s.manual_annotation(span, Label::Person);
        let id = a.id;
        s.apply(Edit::Add(a)).unwrap();
        let lesson = Lesson::Rejected {
            surface: "بوتين".into(),
            label: Label::Person,
        };
        s.apply(Edit::SetStatus {
            id,
            status: Status::Rejected,
        })
        .unwrap();
        let teach = s.teaching(id, Some(lesson.clone()));
        s.apply_joined(teach).unwrap();
        assert_eq!(s.lessons(), vec![(id, Some(&lesson))]);
        assert!(s.undo());
        assert!(s.lessons().is_empty());
        assert_eq!(s.get(id).unwrap().status, Status::Accepted);
        assert!(s.redo());
        assert_eq!(s.lessons(), vec![(id, Some(&lesson))]);
        assert_eq!(s.get(id).unwrap().status, Status::Rejected);
        // forgetting the lesson takes it out of the history too
        s.forget_lessons(|l| l.surface() == "بوتين");
        assert!(s.undo() && s.redo());
        assert!(s.lessons().is_empty());
    }

    #[test]
    fn relabelling_drops_the_old_labels_facts_and_undo_restores_them() {
        let mut s = session();
        let span = Span::new(s.document(), 4, 9).unwrap();
        let mut a = s.manual_annotation(span, Label::Person);
        a.facts.attributes = Some(crate::model::annotation::PersonAttributes {
            role: Some("الرئيس".into()),
            nationality: Some("روسيا".into()),
        });
        let id = a.id;
        let facts = a.facts.clone();
        s.apply(Edit::Add(a)).unwrap();
        // the same label again keeps them
        s.apply(Edit::SetLabel {
            id,
            label: Label::Person,
        })
        .unwrap();
        assert_eq!(s.get(id).unwrap().facts, facts);
        s.apply(Edit::SetLabel {
            id,
            label: Label::Location,
        })
        .unwrap();
        assert!(s.get(id).unwrap().facts.is_empty(), "a place has no role");
        assert!(s.undo());
        assert_eq!(s.get(id).unwrap().label, Label::Person);
        assert_eq!(s.get(id).unwrap().facts, facts);
        assert!(s.redo());
        assert!(s.get(id).unwrap().facts.is_empty());
    }

    #[test]
    fn every_edit_undoes_and_redoes() {
        let mut s = session();
        let span = Span::new(s.document(), 4, 9).unwrap();
        let a = s.manual_annotation(span, Label::Person);
        let id = a.id;
        s.apply(Edit::Add(a)).unwrap();
        s.apply(Edit::SetLabel {
            id,
            label: Label::Location,
        })
        .unwrap();
        s.apply(Edit::SetNote {
            id,
            note: "ملاحظة".into(),
        })
        .unwrap();
        s.apply(Edit::SetStatus {
            id,
            status: Status::Rejected,
        })
        .unwrap();
        assert_eq!(s.get(id).unwrap().status, Status::Rejected);
        assert!(s.undo());
        assert!(s.undo());
        assert_eq!(s.get(id).unwrap().note, "");
        assert!(s.undo());
        assert_eq!(s.get(id).unwrap().label, Label::Person);
        assert!(s.redo());
        assert_eq!(s.get(id).unwrap().label, Label::Location);
        assert!(s.undo() && s.undo());
        assert!(s.get(id).is_none());
        assert!(!s.undo());
    }

    #[test]
    fn speaker_link_takes_the_nearest_mention_before_the_quote_else_one_after() {
        let text = "قال بوتين «ترامب وبوتين» ثم ترامب والكرملين";
        let doc = Document::from_text(text, "t.txt", "UTF-8");
        let at = |needle: &str, nth: usize| {
            let b = text.match_indices(needle).nth(nth).unwrap().0;
            let s = text[..b].chars().count();
            (s, s + needle.chars().count())
        };
        let mut next = 0;
        let mut mk = |(s, e): (usize, usize), label: Label| {
            next += 1;
            Annotation {
                id: next,
                span: Span::new(&doc, s, e).unwrap(),
                label,
                origin: Origin::Extracted,
                status: Status::Pending,
                note: String::new(),
                canonical: text.chars().skip(s).take(e - s).collect(),
                facts: Facts::default(),
            }
        };
        let anns = vec![
            mk(at("بوتين", 0), Label::Person),          // 1, before the quote
            mk(at("ترامب وبوتين", 0), Label::Quote),    // 2
            mk(at("ترامب", 0), Label::Person),          // 3, inside
            mk(at("بوتين", 1), Label::Person),          // 4, inside
            mk(at("ترامب", 1), Label::Person),          // 5, after
            mk(at("الكرملين", 0), Label::Organization), // 6, after
        ];
        let mut s = Session::with_annotations(doc, anns, Provenance::Extracted);
        let id = |e: &str| e.parse::<EntityId>().unwrap();
        let link = |s: &Session, e: &str| {
            s.speaker_link(2, &id(e))
                .map(|l| (l.entity.to_string(), l.mention))
        };
        assert_eq!(
            link(&s, "PERSON:بوتين"),
            Some(("PERSON:بوتين".into(), Some(1)))
        );
        assert_eq!(
            link(&s, "PERSON:ترامب"),
            Some(("PERSON:ترامب".into(), Some(5)))
        );
        assert_eq!(
            link(&s, "ORGANIZATION:الكرملين"),
            Some(("ORGANIZATION:الكرملين".into(), Some(6)))
        );
        // named after the quote only inside it: that mention
        s.apply(Edit::SetStatus {
            id: 5,
            status: Status::Rejected,
        })
        .unwrap();
        assert_eq!(
            link(&s, "PERSON:ترامب"),
            Some(("PERSON:ترامب".into(), Some(3)))
        );
        // not a speaker entity, not an entity, not a quote
        assert_eq!(s.speaker_link(2, &id("QUOTE:ترامب وبوتين")), None);
        assert_eq!(s.speaker_link(2, &id("PERSON:أوباما")), None);
        assert_eq!(s.speaker_link(1, &id("PERSON:بوتين")), None);
    }

    #[test]
    fn failed_batch_changes_nothing() {
        let mut s = session();
        let span = Span::new(s.document(), 4, 9).unwrap();
        let a = s.manual_annotation(span, Label::Person);
        let id = a.id;
        let before = s.annotations().to_vec();
        let err = s.apply(Edit::Batch(vec![Edit::Add(a), Edit::Remove(999)]));
        assert_eq!(err, Err(EditError::UnknownId(999)));
        assert_eq!(s.annotations(), &before[..]);
        assert!(s.get(id).is_none());
        assert!(!s.can_undo());
    }

    #[test]
    fn removal_is_recorded_for_the_no_shrink_guard_and_cleared_by_undo() {
        let mut s = session();
        let span = Span::new(s.document(), 13, 18).unwrap();
        let a = s.manual_annotation(span, Label::Person);
        let id = a.id;
        s.apply(Edit::Add(a)).unwrap();
        s.apply(Edit::Remove(id)).unwrap();
        assert!(s.deleted_ids().contains(&id));
        s.undo();
        assert!(!s.deleted_ids().contains(&id));
    }
}
