//! File ▸ Import annotations: another tool's file (any format of
//! [`super::convert::FormatId`]) brought into the open article as one undoable step that
//! never overwrites a decision already made.
//!
//! The file's document is the one whose text is the article's; when the file holds one
//! document whose text differs (another version of the article, CRLF line ends, a BOM),
//! its spans are re-anchored by quote and context as a changed sidecar is
//! ([`super::reanchor`]), and the ones that cannot be placed are counted. Then, span by
//! span: the same span and label already there is left (a pending suggestion the file
//! accepts becomes accepted); a finished annotation of the file takes the place of the
//! pending suggestions it overlaps; one that overlaps a decision (accepted, or made by
//! hand) with another span or label is a conflict and is not brought in; a prediction of
//! the file that overlaps anything is left out as a suggestion already covered.

use std::path::Path;

use thiserror::Error;

use crate::formats::exchange::{LabelMap, SpanProblem, Unknown};
use crate::formats::taliq::ExportFile;
use crate::model::annotation::{Annotation, Origin, Status};
use crate::session::{Edit, Session};
use crate::workspace::convert::{ConvertError, Converted, FormatId, read};
use crate::workspace::reanchor::{Foreign, carry_over};
use crate::workspace::storage::{StorageError, write_atomic};

/// What importing a file into the open article will do: the edits (applied together as one
/// undo step) and what became of each span of the file, counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPlan {
    /// The format the file was read as.
    pub format: FormatId,
    /// The edits, in order; empty when the file brings nothing new.
    pub edits: Vec<Edit>,
    /// Annotations added.
    pub added: usize,
    /// Pending suggestions the file accepts, now accepted.
    pub accepted: usize,
    /// Pending suggestions replaced by an overlapping finished annotation of the file.
    pub replaced: usize,
    /// Spans already there with their label.
    pub already: usize,
    /// Finished annotations of the file that overlap a decision made here with another
    /// span or label: not brought in (`(text, the file's label, the decision's label)`).
    pub conflicts: Vec<(String, String, String)>,
    /// Predictions of the file that overlap an annotation here: not brought in.
    pub covered: usize,
    /// Spans of the file that could not be placed in its own text (see
    /// [`crate::formats::exchange::SpanProblem`]) or, re-anchored, in the article's.
    pub unplaced: usize,
    /// Spans whose label the label map did not know, brought in as MISC.
    pub as_misc: usize,
    /// The labels the label map did not know, each with how many spans had it, by name:
    /// the annotator maps them and imports again ([`plan_import`] with a map that knows
    /// them), or lets them in as MISC.
    pub unknown: Vec<(String, usize)>,
    /// Spans left out because the label map skips their label.
    pub skipped: usize,
    /// The file's text is another version of the article's: its spans were re-anchored.
    pub reanchored: bool,
    /// Every annotation of the file as placed in this article, conflicts included: the
    /// other tool's layer, kept apart when it conflicts with decisions here
    /// ([`keep_apart`]) for a later comparison.
    pub incoming: Vec<Annotation>,
}

/// Why a file cannot be imported into the open article.
#[derive(Debug, Error)]
pub enum ImportIntoError {
    /// The file cannot be read or is not of a format Taliq reads.
    #[error(transparent)]
    Convert(#[from] ConvertError),
    /// None of the file's documents is this article (it holds several, none with this
    /// text).
    #[error("none of the {documents} documents of the file has this article's text")]
    NoSuchDocument {
        /// How many documents the file holds.
        documents: usize,
    },
    /// The file's one document is another text, and most of its spans cannot be placed in
    /// this article: it is taken for another article's work.
    #[error("the file's text is not this article's: {0}")]
    OtherText(Foreign),
}

/// Reads `path` and plans bringing its annotations into `session` (taking fresh ids of
/// it, nothing else changes), their labels mapped by `labels` (the folder's label map,
/// [`super::labels`]); labels it does not know come in as MISC and are listed
/// ([`ImportPlan::unknown`]).
///
/// # Errors
/// [`ImportIntoError`] when the file cannot be read, or holds no document of this article.
pub fn plan_import(
    session: &mut Session,
    path: &Path,
    labels: &LabelMap,
) -> Result<ImportPlan, ImportIntoError> {
    let (format, docs) = read(
        path,
        None,
        labels,
        Unknown::AsMisc,
        Some(session.document().text()),
    )?;
    let sha = session.document().sha256().to_owned();
    let documents = docs.len();
    let mut docs = docs;
    let same = docs.iter().position(|c| c.document.sha256() == sha);
    let (converted, reanchored) = match same {
        Some(i) => (docs.swap_remove(i), false),
        None if documents == 1 => (docs.remove(0), true),
        None => return Err(ImportIntoError::NoSuchDocument { documents }),
    };
    plan_converted(session, format, converted, reanchored)
}

/// Plans bringing `converted` (one document of a file in `format`) into `session`:
/// re-anchored first when `reanchored` (its text is another version of the article's).
///
/// # Errors
/// [`ImportIntoError::OtherText`] when re-anchoring finds it is another article's work.
pub fn plan_converted(
    session: &mut Session,
    format: FormatId,
    converted: Converted,
    reanchored: bool,
) -> Result<ImportPlan, ImportIntoError> {
    let Converted {
        document,
        annotations,
        problems,
    } = converted;
    let as_misc = problems
        .iter()
        .filter(|p| matches!(p, SpanProblem::UnknownLabel { placed: true, .. }))
        .count();
    let mut unknown: Vec<(String, usize)> = Vec::new();
    for p in &problems {
        if let SpanProblem::UnknownLabel { label, .. } = p {
            match unknown.iter_mut().find(|(n, _)| n == label) {
                Some((_, count)) => *count += 1,
                None => unknown.push((label.clone(), 1)),
            }
        }
    }
    unknown.sort();
    let repeats = problems
        .iter()
        .filter(|p| matches!(p, SpanProblem::Duplicate { .. }))
        .count();
    let skipped = problems
        .iter()
        .filter(|p| matches!(p, SpanProblem::SkippedLabel { .. }))
        .count();
    let mut unplaced = problems.len() - as_misc - repeats - skipped;
    let incoming = if reanchored {
        let mut old = ExportFile::new(&document, &annotations);
        old.document.source.clear(); // the file's name is not the article's: not a reason
        let r = carry_over(&old, session.document()).map_err(ImportIntoError::OtherText)?;
        unplaced += r.lost.len();
        r.placed
    } else {
        annotations
    };
    let mut plan = ImportPlan {
        format,
        edits: Vec::new(),
        added: 0,
        accepted: 0,
        replaced: 0,
        already: 0,
        conflicts: Vec::new(),
        covered: 0,
        unplaced,
        as_misc,
        unknown,
        skipped,
        reanchored,
        incoming: incoming.clone(),
    };
    let mut removed = std::collections::HashSet::new();
    for a in incoming {
        let here: Vec<&Annotation> = session
            .annotations()
            .iter()
            .filter(|h| h.status != Status::Rejected && !removed.contains(&h.id))
            .filter(|h| h.span.overlaps(a.span))
            .collect();
        if let Some(same) = here.iter().find(|h| h.span == a.span && h.label == a.label) {
            if same.status == Status::Pending && a.status == Status::Accepted {
                plan.edits.push(Edit::SetStatus {
                    id: same.id,
                    status: Status::Accepted,
                });
                plan.accepted += 1;
            } else {
                plan.already += 1;
            }
            continue;
        }
        if a.status == Status::Pending {
            if here.is_empty() {
                plan.edits.push(Edit::Add(Annotation {
                    id: session.fresh_id(),
                    origin: Origin::Imported(a.origin.tool().or(Some(format))),
                    ..a
                }));
                plan.added += 1;
            } else {
                plan.covered += 1;
            }
            continue;
        }
        if let Some(decided) = here.iter().find(|h| h.status == Status::Accepted) {
            let text = session
                .document()
                .slice(a.span.start(), a.span.end())
                .to_owned();
            plan.conflicts.push((
                text,
                a.label.as_str().to_owned(),
                decided.label.as_str().to_owned(),
            ));
            continue;
        }
        let pending: Vec<u64> = here.iter().map(|h| h.id).collect();
        for id in pending {
            removed.insert(id);
            plan.edits.push(Edit::Remove(id));
            plan.replaced += 1;
        }
        plan.edits.push(Edit::Add(Annotation {
            id: session.fresh_id(),
            origin: Origin::Imported(a.origin.tool().or(Some(format))),
            ..a
        }));
        plan.added += 1;
    }
    Ok(plan)
}

/// Writes the file's whole layer (`plan.incoming`, as placed in the article `doc` at
/// `article`) as a Taliq JSON export beside the article, `NAME.TOOL-import.json`
/// (`NAME.TOOL-import.2.json`, … when that name holds something else), so the conflicts an
/// import left out are not lost: they can be compared with the decisions made here.
/// Returns the file written.
///
/// # Errors
/// [`StorageError`] when the file cannot be written (nothing is written then).
pub fn keep_apart(
    article: &Path,
    doc: &crate::model::document::Document,
    plan: &ImportPlan,
) -> Result<std::path::PathBuf, StorageError> {
    let json = ExportFile::new(doc, &plan.incoming).to_json();
    let name = article
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let dir = article.parent().unwrap_or_else(|| Path::new("."));
    let mut n = 1;
    let path = loop {
        let candidate = if n == 1 {
            dir.join(format!("{name}.{}-import.json", plan.format.name()))
        } else {
            dir.join(format!("{name}.{}-import.{n}.json", plan.format.name()))
        };
        match std::fs::read_to_string(&candidate) {
            Ok(there) if there != json => n += 1,
            _ => break candidate,
        }
    };
    write_atomic(&path, json.as_bytes())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::plan_import;
    use crate::formats::label_map::LabelMap;
    use crate::model::annotation::Status;
    use crate::model::document::Document;
    use crate::model::label::Label;
    use crate::session::{Edit, Session};

    /// A Label Studio file over the article's text: a finished annotation replaces the
    /// pending suggestion it overlaps, one over a decision is a conflict, a prediction over
    /// a suggestion is covered, a new one is added; all one undo step.
    #[test]
    fn import_never_overwrites_a_decision_and_is_one_undo_step() {
        let t = "قال الرئيس الروسي فلاديمير بوتين إن موسكو مستعدة للحوار مع واشنطن";
        let doc = Document::from_text(t, "a.txt", "UTF-8");
        let mut session = Session::with_extraction(doc);
        let find = |s: &str| crate::formats::exchange::testing::char_span(t, s);
        // the annotator accepted موسكو
        let moscow = session
            .annotations()
            .iter()
            .find(|a| session.document().slice(a.span.start(), a.span.end()) == "موسكو")
            .unwrap()
            .id;
        session
            .apply(Edit::SetStatus {
                id: moscow,
                status: Status::Accepted,
            })
            .unwrap();
        let before = session.annotations().to_vec();
        let (p0, p1) = find("بوتين");
        let (m0, m1) = find("موسكو");
        let (w0, w1) = find("واشنطن");
        let (r0, r1) = find("الرئيس");
        let file = serde_json::json!([{
            "data": {"text": t},
            "annotations": [{"result": [
                {"id": "a", "type": "labels", "from_name": "label", "to_name": "text",
                 "value": {"start": p0, "end": p1, "labels": ["PER"]}},
                {"id": "b", "type": "labels", "from_name": "label", "to_name": "text",
                 "value": {"start": m0, "end": m1, "labels": ["ORG"]}},
                {"id": "c", "type": "labels", "from_name": "label", "to_name": "text",
                 "value": {"start": r0, "end": r1, "labels": ["TITLE"]}}]}],
            "predictions": [{"result": [
                {"id": "d", "type": "labels", "from_name": "label", "to_name": "text",
                 "value": {"start": w0, "end": w1, "labels": ["LOC"]}}]}]
        }]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tasks.json");
        std::fs::write(&path, file.to_string()).unwrap();
        let plan = plan_import(&mut session, &path, &LabelMap::default()).unwrap();
        assert!(!plan.reanchored);
        assert_eq!(plan.conflicts.len(), 1, "{plan:?}");
        assert_eq!(plan.conflicts[0].0, "موسكو");
        assert_eq!(plan.as_misc, 1);
        session.apply(Edit::Batch(plan.edits.clone())).unwrap();
        let putin = session
            .annotations()
            .iter()
            .find(|a| a.span.start() == p0 && a.span.end() == p1 && a.label == Label::Person)
            .unwrap();
        assert_eq!(putin.status, Status::Accepted);
        assert!(
            session
                .annotations()
                .iter()
                .any(|a| a.origin.is_imported() && a.label == Label::Misc)
        );
        // the decision on موسكو is untouched
        assert_eq!(session.get(moscow).unwrap().status, Status::Accepted);
        assert_eq!(session.get(moscow).unwrap().label, Label::Location);
        session.undo();
        assert_eq!(session.annotations(), before.as_slice());
        assert_eq!(plan.unknown, vec![("TITLE".to_owned(), 1)]);
        // the conflicting layer kept apart, whole, beside the article
        let article = dir.path().join("a.txt");
        let kept = super::keep_apart(&article, session.document(), &plan).unwrap();
        assert_eq!(kept, dir.path().join("a.txt.label-studio-import.json"));
        assert_eq!(
            super::keep_apart(&article, session.document(), &plan).unwrap(),
            kept
        );
        let (_, docs) = crate::workspace::convert::read(
            &kept,
            None,
            &LabelMap::default(),
            crate::formats::exchange::Unknown::Skip,
            None,
        )
        .unwrap();
        assert_eq!(docs[0].annotations.len(), plan.incoming.len());
        assert!(
            docs[0]
                .annotations
                .iter()
                .any(|a| a.span.start() == m0 && a.span.end() == m1)
        );
        // mapped by the annotator: TITLE skipped, nothing unknown
        let mut map = LabelMap::default();
        map.set("title", None);
        let plan = plan_import(&mut session, &path, &map).unwrap();
        assert!(plan.unknown.is_empty());
        assert_eq!((plan.as_misc, plan.skipped, plan.unplaced), (0, 1, 0));
        map.set("title", Some(Label::Person));
        let plan = plan_import(&mut session, &path, &map).unwrap();
        assert_eq!((plan.as_misc, plan.skipped), (0, 0));
        session.apply(Edit::Batch(plan.edits)).unwrap();
        assert!(
            session
                .annotations()
                .iter()
                .any(|a| a.span.start() == r0 && a.span.end() == r1 && a.label == Label::Person)
        );
    }

    /// A file written over another version of the text (CRLF line ends, a word added) is
    /// re-anchored; one over another article is refused.
    #[test]
    fn a_file_over_another_version_is_reanchored_and_another_article_refused() {
        let t = "قال بوتين في موسكو.\nوقال ترامب في واشنطن.";
        let mut session = Session::with_extraction(Document::from_text(t, "a.txt", "UTF-8"));
        let other = "قال بوتين في موسكو.\r\nوقال ترامب أمس في واشنطن.";
        let start = other
            .find("واشنطن")
            .map(|b| other[..b].chars().count())
            .unwrap();
        let line = serde_json::json!({"text": other, "label": [[start, start + 6, "LOC"]]});
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        std::fs::write(&path, format!("{line}\n")).unwrap();
        let plan = plan_import(&mut session, &path, &LabelMap::default()).unwrap();
        assert!(plan.reanchored);
        assert_eq!(plan.unplaced, 0);
        let far =
            serde_json::json!({"text": "نص آخر تماما عن موضوع مختلف", "label": [[0, 2, "LOC"]]});
        std::fs::write(&path, format!("{far}\n")).unwrap();
        assert!(matches!(
            plan_import(&mut session, &path, &LabelMap::default()),
            Err(super::ImportIntoError::OtherText(_))
        ));
    }
}
