//! Reviewing: the undoable edits of decisions, relabels, notes and manual labels, and moving through the suggestions.

#[allow(
    clippy::wildcard_imports,
    reason = "the parent module's imports, as if in one file"
)]
use super::*;

impl TaliqApp {
    /// Applies `edit` as one undo step (what it teaches the lexicon joins it: see
    /// [`Self::learn`]); returns whether it applied.
    pub(super) fn edit(&mut self, edit: Edit) -> bool {
        let Some(a) = &mut self.article else {
            return false;
        };
        match a.session.apply(edit) {
            Ok(()) => true,
            Err(e) => {
                self.say(Severity::Error, words::review::Msg::NotDone(&e));
                false
            }
        }
    }

    /// Undoes or redoes the last step, with what it taught the project lexicon (one
    /// history: the lessons are edits of the step, see [`TaughtLexicon`]; a name stays
    /// learned while another decision still teaches it).
    pub(super) fn undo_redo(&mut self, way: History) {
        let Some(a) = &mut self.article else { return };
        let undo = way == History::Undo;
        let done = match way {
            History::Undo => a.session.undo(),
            History::Redo => a.session.redo(),
        };
        if done && a.lexicon.refresh(&a.session) {
            self.save_lexicon();
        }
        self.say(Severity::Info, words::review::Msg::UndoRedo { undo, done });
    }

    /// Changes the facts of the annotation `id`, which must have `label`, with `change`,
    /// and accepts it in the same undo step: an annotator who corrects what a suggestion
    /// says means the suggestion, as with a relabel (which also accepts). Nothing happens
    /// when the facts stay the same.
    pub(super) fn correct_facts(&mut self, id: u64, label: Label, change: impl FnOnce(&mut Facts)) {
        let Some(a) = self.session().and_then(|s| s.get(id)) else {
            return;
        };
        if a.label != label {
            let msg = words::review::Msg::WrongLabel {
                is: a.label,
                wanted: label,
            };
            self.say(Severity::Warning, msg);
            return;
        }
        let mut facts = a.facts.clone();
        change(&mut facts);
        if facts == a.facts {
            return;
        }
        let mut edits = vec![Edit::SetFacts { id, facts }];
        if a.status != Status::Accepted {
            edits.push(Edit::SetStatus {
                id,
                status: Status::Accepted,
            });
        }
        if self.edit(Edit::Batch(edits)) {
            self.learn(&[id], Teach::Learn);
        }
    }

    /// [`Action::TypeNote`]: saves what is typed in the note box of annotation `id`; a
    /// save of the same edit session (`typing`) right after the previous one (nothing
    /// else changed since) joins its undo step, so one Ctrl+Z takes back the whole note
    /// edit.
    pub(super) fn type_note(&mut self, id: u64, note: String, typing: u64) {
        let Some(a) = &mut self.article else { return };
        if a.session.get(id).is_none_or(|x| x.note == note) {
            return;
        }
        let joins = self.last_note == Some((id, typing, a.session.revision()));
        let applied = if joins {
            a.session.apply_joined(Edit::SetNote { id, note }).is_ok()
        } else {
            self.edit(Edit::SetNote { id, note })
        };
        if applied && let Some(a) = &self.article {
            self.last_note = Some((id, typing, a.session.revision()));
        }
    }

    /// [`Action::RelabelAll`]: the other mentions of annotation `id`'s text get its label
    /// and are accepted, in one undo step, and count as decisions for the folder.
    pub(super) fn relabel_all(&mut self, id: u64) {
        let Some(a) = &mut self.article else { return };
        let Some(ann) = a.session.get(id).cloned() else {
            return;
        };
        let text = a
            .session
            .document()
            .slice(ann.span.start(), ann.span.end())
            .to_owned();
        let mentions = mentions_of(a.session.document().text(), &text, ann.label);
        let (edits, n) = a.session.edits_at_mentions(
            &mentions,
            ann.label,
            &ann.canonical,
            Status::Accepted,
            Some(id),
        );
        if n == 0 {
            self.say(
                Severity::Info,
                words::review::Msg::NoOtherMention { text: &text },
            );
            return;
        }
        let ids: Vec<u64> = edits
            .iter()
            .filter_map(|e| match e {
                Edit::Add(x) => Some(x.id),
                Edit::SetLabel { id, .. } | Edit::SetStatus { id, .. } => Some(*id),
                _ => None,
            })
            .collect();
        if self.edit(Edit::Batch(edits)) {
            self.say(
                Severity::Info,
                words::review::Msg::Relabelled {
                    n,
                    text: &text,
                    label: ann.label,
                },
            );
            self.learn(&ids, Teach::Learn);
        }
    }

    pub(super) fn entity_edit(&mut self, entity_id: &EntityId, make: impl Fn(u64) -> Edit) {
        let Some(a) = &mut self.article else { return };
        let ids: Vec<u64> = a
            .entities()
            .iter()
            .find(|e| e.id == *entity_id)
            .map(|e| e.mentions.clone())
            .unwrap_or_default();
        if ids.is_empty() {
            return;
        }
        if self.edit(Edit::Batch(ids.iter().copied().map(make).collect())) {
            self.learn(&ids, Teach::Learn);
        }
    }

    /// Focuses the next (or previous) pending suggestion after the focused annotation, in
    /// text order, wrapping around; when none is left, what is said depends on why it was
    /// `asked`. `said`, what the decision just made said, goes on the line with where the
    /// review is.
    pub(super) fn step_pending(&mut self, step: Step, asked: Asked, said: Option<String>) {
        let Some(a) = &self.article else { return };
        let anns = a.session.annotations();
        let here = self
            .view
            .focused()
            .and_then(|id| anns.iter().position(|x| x.id == id));
        let n = anns.len();
        let order: Vec<usize> = match (here, step) {
            (Some(i), Step::Next) => (i + 1..n).chain(0..=i).collect(),
            (Some(i), Step::Previous) => (0..i).rev().chain((i..n).rev()).collect(),
            (None, Step::Next) => (0..n).collect(),
            (None, Step::Previous) => (0..n).rev().collect(),
        };
        let next = order
            .into_iter()
            .map(|i| &anns[i])
            .find(|x| x.status == Status::Pending)
            .map(|x| (x.id, x.span));
        let left = anns.iter().filter(|x| x.status == Status::Pending).count();
        match next {
            Some((id, span)) => {
                self.view.focus(id, span, vec![id], Some(false));
                match said {
                    Some(said) => {
                        self.say(
                            Severity::Info,
                            words::review::Msg::Then { said: &said, left },
                        );
                    }
                    None => self.say_progress(words::review::Msg::Awaiting { left }),
                }
            }
            None if asked == Asked::ByCommand => self.say_progress(words::review::Msg::NoneAwaits),
            None => match said {
                Some(said) => {
                    self.say(
                        Severity::Info,
                        words::review::Msg::Then {
                            said: &said,
                            left: 0,
                        },
                    );
                }
                None => self.say_progress(words::review::Msg::AllReviewed),
            },
        }
    }

    pub(super) fn reveal_entity(&mut self, entity_id: &EntityId) {
        let Some(a) = &mut self.article else { return };
        let Some(e) = a.entities().iter().find(|e| e.id == *entity_id).cloned() else {
            return;
        };
        let next = self.view.next_reveal(entity_id, e.mentions.len());
        let id = e.mentions[next];
        if let Some(span) = a.session.get(id).map(|m| m.span) {
            self.view.focus(id, span, e.mentions.clone(), Some(true));
            self.say_progress(words::review::Msg::Mention {
                n: next + 1,
                of: e.mentions.len(),
                label: e.label(),
            });
        }
    }

    pub(super) fn label_selection(&mut self, label: Label) {
        let Some(a) = &mut self.article else { return };
        let Some((s, e)) = self.view.selection() else {
            // no selection: the label key relabels the focused annotation
            if let Some(id) = self.view.focused() {
                self.apply(Action::Relabel(id, label));
                return;
            }
            self.say(Severity::Info, words::review::Msg::SelectFirst);
            return;
        };
        let span = match Span::trimmed(a.session.document(), s, e) {
            Ok(span) => span,
            Err(err) => {
                self.say(Severity::Warning, words::review::Msg::CannotLabel(&err));
                return;
            }
        };
        // A name, place, date or number never runs across a line or paragraph break (a
        // drag that went one line too far); a quote may.
        let doc = a.session.document();
        if label != Label::Quote
            && doc
                .slice(span.start(), span.end())
                .contains(['\n', '\r', '\u{2028}', '\u{2029}'])
        {
            self.say(
                Severity::Warning,
                words::review::Msg::AcrossLineBreak { label },
            );
            return;
        }
        let existing = a
            .session
            .annotations()
            .iter()
            .filter(|x| x.span == span)
            .min_by_key(|x| x.status == Status::Rejected)
            .map(|x| x.id);
        let (mut edits, id) = if let Some(id) = existing {
            (
                vec![
                    Edit::SetLabel { id, label },
                    Edit::SetStatus {
                        id,
                        status: Status::Accepted,
                    },
                ],
                id,
            )
        } else {
            let ann = a.session.manual_annotation(span, label);
            let id = ann.id;
            (vec![Edit::Add(ann)], id)
        };
        // Annotation is flat (guideline rule 6): the annotator's span replaces the
        // annotations of the flat layer it overlaps, in the same undo step: pending and
        // accepted suggestions become rejected (kept, so they are not suggested again for
        // this article; the project lexicon learns nothing from it), manual ones are
        // removed. QUOTE is its own layer and overlaps freely.
        let mut replaced = 0;
        let mut replaced_accepted = Vec::new();
        if label != Label::Quote {
            for other in a.session.annotations() {
                if other.id == id
                    || other.label == Label::Quote
                    || other.status == Status::Rejected
                    || !other.span.overlaps(span)
                {
                    continue;
                }
                if other.status == Status::Accepted {
                    replaced_accepted.push((
                        other.label,
                        a.session
                            .document()
                            .slice(other.span.start(), other.span.end())
                            .to_owned(),
                    ));
                } else {
                    replaced += 1;
                }
                edits.push(if other.origin == Origin::Manual {
                    Edit::Remove(other.id)
                } else {
                    Edit::SetStatus {
                        id: other.id,
                        status: Status::Rejected,
                    }
                });
            }
        }
        let edit = if edits.len() == 1 {
            edits.remove(0)
        } else {
            Edit::Batch(edits)
        };
        let text = a
            .session
            .document()
            .slice(span.start(), span.end())
            .to_owned();
        let taught = if self.edit(edit) {
            self.teach(&[id], Teach::Learn)
        } else {
            None
        };
        self.view.clear();
        self.view.focus(id, span, vec![], None);
        // what the folder learned from it comes after, and keeps the line; an accepted
        // decision undone by this one is named, with how to get it back
        let keep = taught.as_ref().is_some_and(|(_, keep)| *keep);
        let msg = words::review::Msg::Labelled {
            text: &text,
            label,
            replaced,
            taught: taught.as_ref().map(|(said, _)| said.as_str()),
            replaced_accepted: &replaced_accepted,
        };
        if !replaced_accepted.is_empty() {
            self.say(Severity::Warning, msg);
        } else if keep {
            self.say_kept(Severity::Info, msg);
        } else {
            self.say(Severity::Info, msg);
        }
        self.save_taught_lexicon();
    }
}
