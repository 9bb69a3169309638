//! What the annotator's decisions teach the project lexicon ([`teach`]), and what the
//! folder now does differently applied to the open article ([`apply_lessons_here`]):
//! computed on the session and the [`TaughtLexicon`], in memory (writing the lexicon file
//! is the workspace's: `crate::workspace::lexicon`). The interface words the
//! [`Teaching`] it gets back.

use super::{Effect, LexiconChange, ProjectLexicon, Rule, TaughtLexicon, changes, surface_key};
use super::{matches_in, taught::Lesson};
use crate::model::annotation::Status;
use crate::model::label::Label;
use crate::session::{Edit, EditError, Session};

/// What a rejection among the decisions teaches ([`teach`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Teach {
    /// Each decision as it is: an acceptance counts as one, a rejection as one
    /// rejection ("wrong here").
    Learn,
    /// As [`Teach::Learn`], but a rejection also says "never suggest this pair in the
    /// folder" ([`Lesson::Never`]).
    Never,
}

/// How the edits that apply lessons to the open article enter the undo history
/// ([`apply_lessons_here`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndoStep {
    /// As part of the step just applied (a decision and what it taught are undone
    /// together).
    JoinLast,
    /// As a step of their own (a rule set in Project ▸ Learned names).
    Own,
}

/// What lessons applied to the open article changed there ([`apply_lessons_here`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    /// Mentions of a name newly suggested that became pending suggestions.
    pub added: usize,
    /// Pending suggestions of a pair newly blocked that were rejected.
    pub rejected: usize,
}

/// A `(surface, label)` pair of the lexicon, the surface as annotated.
pub type Pair = (String, Label);

/// What [`teach`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Teaching {
    /// The lexicon in force did not change (nothing learnable, learning off, or the
    /// lessons change no count that matters); nothing is to be written.
    Unchanged {
        /// With [`Teach::Never`]: the first pair taught, which is then already never
        /// suggested in the folder. `None` otherwise.
        already_never: Option<Pair>,
    },
    /// The lexicon in force changed: its file is to be written.
    Changed {
        /// What the folder now does differently, per pair taught
        /// ([`super::changes`]).
        news: Vec<LexiconChange>,
        /// An acceptance that was learned without part of its text (a PERSON span's
        /// titles): `(the annotated text, the surface learned)`.
        trimmed: Option<(String, String)>,
        /// What [`apply_lessons_here`] changed in the open article.
        applied: Applied,
        /// The last plain rejection taught ([`Teach::Learn`]): said when the news says
        /// nothing ("rejected here only").
        rejected: Option<Pair>,
    },
}

/// Teaches `lexicon` the annotator's decisions on the annotations `ids` of `session`, as
/// part of the step just applied (the lessons join that step: see [`TaughtLexicon`]):
/// accepted ones count as acceptances, rejected ones as rejections (with
/// [`Teach::Never`], the pair is never suggested again in the folder), pending or removed
/// ones as nothing. What the folder now does differently is applied to the open article
/// in the same undo step ([`apply_lessons_here`] with [`UndoStep::JoinLast`]).
pub fn teach(
    session: &mut Session,
    lexicon: &mut TaughtLexicon,
    ids: &[u64],
    how: Teach,
) -> Teaching {
    let before = lexicon.lexicon().clone();
    let mut taught: Vec<Pair> = Vec::new();
    let mut trimmed: Option<(String, String)> = None;
    let mut lesson_edits = Vec::new();
    let mut rejected = None;
    for &id in ids {
        let lesson = session.get(id).and_then(|ann| {
            let text = session.document().slice(ann.span.start(), ann.span.end());
            let lesson = Lesson::of_annotation(ann, text)?;
            if let Lesson::Accepted { surface, .. } = &lesson
                && surface_key(surface) != surface_key(text)
            {
                trimmed = Some((text.to_owned(), surface.clone()));
            }
            Some(match lesson {
                Lesson::Rejected { surface, label } if how == Teach::Never => {
                    Lesson::Never { surface, label }
                }
                l => l,
            })
        });
        if let Some(Lesson::Rejected { surface, label }) = &lesson {
            rejected = Some((surface.clone(), *label));
        }
        if let Some(l) = &lesson
            && !taught
                .iter()
                .any(|(s, lb)| s == l.surface() && *lb == l.label())
        {
            taught.push((l.surface().to_owned(), l.label()));
        }
        lesson_edits.extend(lexicon.lesson_edit(session, id, lesson));
    }
    // the lessons join the decision's undo step: one history undoes both
    let changed = !lesson_edits.is_empty()
        && session.apply_joined(Edit::Batch(lesson_edits)).is_ok()
        && lexicon.refresh(session);
    if !changed {
        return Teaching::Unchanged {
            already_never: taught.into_iter().next().filter(|_| how == Teach::Never),
        };
    }
    let news = changes(&before, lexicon.lexicon(), &taught);
    // (joined: the step just applied exists, so the edits fit; a failure changes nothing)
    let (applied, _) = apply_lessons_here(session, &news, UndoStep::JoinLast);
    Teaching::Changed {
        news,
        trimmed,
        applied,
        rejected,
    }
}

/// Applies what the folder's lexicon now does differently (`changes`) to the article of
/// `session`, entering the undo history as `step` says: for a name newly suggested, its
/// mentions here that no annotation of the flat layer covers become pending suggestions
/// ([`Session::edits_at_mentions`]); for a pair newly blocked, its pending suggestions
/// here are rejected. Returns what the edits change (zero when there are none) and
/// whether they were applied.
///
/// # Errors
/// The second value is the [`EditError`] of edits that did not fit (nothing changed
/// then; the counts are what they would have changed).
pub fn apply_lessons_here(
    session: &mut Session,
    changes: &[LexiconChange],
    step: UndoStep,
) -> (Applied, Result<(), EditError>) {
    let mut edits = Vec::new();
    let mut applied = Applied::default();
    for c in changes
        .iter()
        .filter(|c| c.after == Effect::Suggested && c.before != Effect::Suggested)
    {
        let mentions = mentions_of(session.document().text(), &c.surface, c.label);
        let (more, n) =
            session.edits_at_mentions(&mentions, c.label, &c.canonical, Status::Pending, None);
        edits.extend(more);
        applied.added += n;
    }
    let blocked: Vec<(String, Label)> = changes
        .iter()
        .filter(|c| c.after == Effect::Blocked && c.before != Effect::Blocked)
        .map(|c| (surface_key(&c.surface), c.label))
        .collect();
    if !blocked.is_empty() {
        for x in session.annotations() {
            if x.status == Status::Pending
                && blocked.iter().any(|(k, l)| {
                    *l == x.label
                        && *k == surface_key(session.document().slice(x.span.start(), x.span.end()))
                })
            {
                edits.push(Edit::SetStatus {
                    id: x.id,
                    status: Status::Rejected,
                });
                applied.rejected += 1;
            }
        }
    }
    if edits.is_empty() {
        return (Applied::default(), Ok(()));
    }
    let done = match step {
        UndoStep::JoinLast => session.apply_joined(Edit::Batch(edits)),
        UndoStep::Own => session.apply(Edit::Batch(edits)),
    };
    (applied, done)
}

/// The char spans `(start, end)` of the mentions of `surface` as `label` in `text`,
/// clitic-aware (as the project lexicon matches a learned name: [`matches_in`]), in text
/// order.
#[must_use]
pub fn mentions_of(text: &str, surface: &str, label: Label) -> Vec<(usize, usize)> {
    let mut only = ProjectLexicon::new();
    only.set_rule(surface, label, Rule::Always);
    matches_in(text, &only)
        .into_iter()
        .map(|(s, e, _)| (s, e))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{Annotation, Facts, Origin};
    use crate::model::document::Document;
    use crate::model::span::Span;
    use crate::session::Provenance;

    /// `بوتين` at 4..9, 13..18 and (after the clitic `و`) 32..37; `ترامب` at 38..43 and
    /// 47..52.
    const TEXT: &str = "قال بوتين إن بوتين سيزور موسكو وبوتين ترامب مع ترامب";

    /// A session of [`TEXT`] with pending PERSON suggestions at `spans` (ids 1, 2, …).
    fn session_with(spans: &[(usize, usize)]) -> Session {
        let doc = Document::from_text(TEXT, "a.txt", "UTF-8");
        let anns = spans
            .iter()
            .zip(1..)
            .map(|(&(s, e), id)| Annotation {
                id,
                span: Span::new(&doc, s, e).unwrap(),
                label: Label::Person,
                origin: Origin::Extracted,
                status: Status::Pending,
                note: String::new(),
                canonical: doc.slice(s, e).to_owned(),
                facts: Facts::default(),
            })
            .collect();
        Session::with_annotations(doc, anns, Provenance::Extracted)
    }

    fn decide(session: &mut Session, id: u64, status: Status) {
        session.apply(Edit::SetStatus { id, status }).unwrap();
    }

    fn spans_of(session: &Session, label: Label, status: Status) -> Vec<(usize, usize)> {
        let mut v: Vec<_> = session
            .annotations()
            .iter()
            .filter(|a| a.label == label && a.status == status)
            .map(|a| (a.span.start(), a.span.end()))
            .collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn mentions_are_found_clitic_aware() {
        assert_eq!(
            mentions_of(TEXT, "بوتين", Label::Person),
            vec![(4, 9), (13, 18), (32, 37)]
        );
        assert!(mentions_of(TEXT, "بايدن", Label::Person).is_empty());
    }

    /// An acceptance teaches the name; its other mentions here become suggestions in the
    /// same undo step, and one undo takes back the decision and all it taught.
    #[test]
    fn an_accepted_name_is_suggested_at_its_other_mentions_in_the_same_step() {
        let mut session = session_with(&[(4, 9)]);
        let mut lexicon = TaughtLexicon::new(ProjectLexicon::new());
        decide(&mut session, 1, Status::Accepted);
        let Teaching::Changed {
            news,
            trimmed,
            applied,
            rejected,
        } = teach(&mut session, &mut lexicon, &[1], Teach::Learn)
        else {
            panic!("the lexicon changed");
        };
        assert_eq!(news.len(), 1);
        assert_eq!(
            (news[0].before, news[0].after),
            (Effect::Undecided, Effect::Suggested)
        );
        assert_eq!((trimmed, rejected), (None, None));
        assert_eq!(
            applied,
            Applied {
                added: 2,
                rejected: 0
            }
        );
        assert_eq!(
            spans_of(&session, Label::Person, Status::Pending),
            vec![(13, 18), (32, 37)]
        );
        assert_eq!(
            lexicon
                .lexicon()
                .get("بوتين", Label::Person)
                .unwrap()
                .accepted,
            1
        );
        assert!(session.undo());
        assert!(lexicon.refresh(&session));
        assert!(lexicon.lexicon().is_empty());
        assert_eq!(
            spans_of(&session, Label::Person, Status::Pending),
            vec![(4, 9)]
        );
    }

    /// "Never suggest this" blocks the pair: its other pending suggestions here are
    /// rejected; a plain rejection only counts ("rejected here only").
    #[test]
    fn never_blocks_the_pair_here_and_a_plain_rejection_only_counts() {
        // the first of two mentions of ترامب rejected, then taught `how`
        let rejected_first = |how| {
            let mut session = session_with(&[(38, 43), (47, 52)]);
            let mut lexicon = TaughtLexicon::new(ProjectLexicon::new());
            decide(&mut session, 1, Status::Rejected);
            let taught = teach(&mut session, &mut lexicon, &[1], how);
            (session, taught)
        };
        let (session, taught) = rejected_first(Teach::Learn);
        let Teaching::Changed {
            news,
            applied,
            rejected,
            ..
        } = taught
        else {
            panic!("a rejection is counted");
        };
        assert_eq!(news[0].before, news[0].after);
        assert_eq!(applied, Applied::default());
        assert_eq!(rejected, Some(("ترامب".to_owned(), Label::Person)));
        assert_eq!(
            spans_of(&session, Label::Person, Status::Pending),
            vec![(47, 52)]
        );

        let (session, taught) = rejected_first(Teach::Never);
        let Teaching::Changed {
            news,
            applied,
            rejected,
            ..
        } = taught
        else {
            panic!("the pair is blocked");
        };
        assert_eq!(
            (news[0].after, news[0].rule),
            (Effect::Blocked, Rule::Never)
        );
        assert_eq!(
            applied,
            Applied {
                added: 0,
                rejected: 1
            }
        );
        assert_eq!(rejected, None, "a Never is not a plain rejection");
        assert!(spans_of(&session, Label::Person, Status::Pending).is_empty());
    }

    /// With learning off nothing is taught; "Never suggest this" then names the pair.
    #[test]
    fn with_learning_off_nothing_changes() {
        let mut base = ProjectLexicon::new();
        base.set_learning(false);
        for how in [Teach::Learn, Teach::Never] {
            let mut session = session_with(&[(38, 43)]);
            let mut lexicon = TaughtLexicon::new(base.clone());
            decide(&mut session, 1, Status::Rejected);
            let already_never = (how == Teach::Never).then(|| ("ترامب".to_owned(), Label::Person));
            assert_eq!(
                teach(&mut session, &mut lexicon, &[1], how),
                Teaching::Unchanged { already_never }
            );
        }
    }

    /// Lessons applied as a step of their own (a rule set by hand) are undone alone.
    #[test]
    fn lessons_applied_as_their_own_step_are_undone_alone() {
        let mut session = session_with(&[(4, 9)]);
        decide(&mut session, 1, Status::Accepted);
        let before = ProjectLexicon::new();
        let mut after = ProjectLexicon::new();
        after.set_rule("بوتين", Label::Person, Rule::Always);
        let news = changes(&before, &after, &[("بوتين".to_owned(), Label::Person)]);
        let (applied, done) = apply_lessons_here(&mut session, &news, UndoStep::Own);
        assert_eq!(
            (applied, done),
            (
                Applied {
                    added: 2,
                    rejected: 0
                },
                Ok(())
            )
        );
        assert!(session.undo());
        assert_eq!(
            spans_of(&session, Label::Person, Status::Accepted),
            vec![(4, 9)]
        );
        assert!(spans_of(&session, Label::Person, Status::Pending).is_empty());
        // nothing new: no edit, no step
        let (applied, done) = apply_lessons_here(&mut session, &[], UndoStep::Own);
        assert_eq!((applied, done), (Applied::default(), Ok(())));
    }
}
