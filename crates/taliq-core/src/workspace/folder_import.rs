//! File ▸ Import annotations with a folder open: a file holding many documents (a Label
//! Studio or doccano export of a whole project, a spaCy DocBin, a Web Annotation
//! collection) brought into the articles of the folder at once. Each document of the file
//! goes to the article with the same text (by sha256), else to the article named as the
//! document is (re-anchored as a changed text is); the open article's part is returned to
//! be applied as one undoable step, every other article's is applied to its saved work and
//! written to its sidecar (never dropping a decision: [`super::storage::save_sidecar`]).
//! Documents that match no article are listed; a file of one document that matches none
//! is taken for the open article's (re-anchored), as without a folder.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::extract::lexicon::ProjectLexicon;
use crate::formats::exchange::Unknown;
use crate::formats::label_map::LabelMap;
use crate::model::document::Document;
use crate::session::{Edit, Session};
use crate::workspace::convert::{ConvertError, FormatId, read};
use crate::workspace::import::{ImportIntoError, ImportPlan, plan_converted};
use crate::workspace::open::open_article;
use crate::workspace::storage::{StorageError, save_sidecar};

/// What a folder import did.
#[derive(Debug)]
pub struct FolderImport {
    /// The format the file was read as.
    pub format: FormatId,
    /// The plan for the open article (to apply as one undo step), when the file holds a
    /// document of it.
    pub open: Option<ImportPlan>,
    /// The other articles brought in, with what each gets (written by
    /// [`FolderImport::write`]).
    pub written: Vec<(PathBuf, ImportPlan)>,
    /// Articles whose part could not be brought in or written, with why (their work is
    /// unchanged).
    pub failed: Vec<(PathBuf, FolderImportError)>,
    /// The names of the file's documents that match no article of the folder.
    pub unmatched: Vec<String>,
    /// The other articles opened with their saved work, in the order of `written`, each
    /// with its sidecar: what [`FolderImport::write`] applies the plans to.
    opened: Vec<(Session, PathBuf)>,
}

impl FolderImport {
    /// Applies each other article's plan to its saved work and writes its sidecar
    /// ([`save_sidecar`]: never dropping a stored decision). An article that cannot be
    /// written moves to [`FolderImport::failed`], its work unchanged; the open article's
    /// plan is left for the caller.
    pub fn write(&mut self) {
        let planned = std::mem::take(&mut self.written);
        let opened = std::mem::take(&mut self.opened);
        for ((article, plan), (mut session, sidecar)) in planned.into_iter().zip(opened) {
            if plan.edits.is_empty() {
                self.written.push((article, plan));
                continue;
            }
            let done = session
                .apply(Edit::Batch(plan.edits.clone()))
                .map_err(FolderImportError::from)
                .and_then(|()| {
                    let deleted = session.deleted_ids().clone();
                    save_sidecar(&sidecar, &session.to_export(), &deleted)
                        .map(|_| ())
                        .map_err(FolderImportError::from)
                });
            match done {
                Ok(()) => self.written.push((article, plan)),
                Err(e) => self.failed.push((article, e)),
            }
        }
    }

    /// Every plan made, the open article's first.
    pub fn plans(&self) -> impl Iterator<Item = &ImportPlan> {
        self.open.iter().chain(self.written.iter().map(|(_, p)| p))
    }

    /// The labels no map knew, over all articles, with their span counts, by name.
    #[must_use]
    pub fn unknown(&self) -> Vec<(String, usize)> {
        let mut all: Vec<(String, usize)> = Vec::new();
        for (name, n) in self.plans().flat_map(|p| p.unknown.iter()) {
            match all.iter_mut().find(|(m, _)| m == name) {
                Some((_, c)) => *c += n,
                None => all.push((name.clone(), *n)),
            }
        }
        all.sort();
        all
    }
}

/// Why one article's part of a folder import did not land.
#[derive(Debug, thiserror::Error)]
pub enum FolderImportError {
    /// The article cannot be read.
    #[error(transparent)]
    Load(#[from] crate::formats::text::LoadError),
    /// Its part does not fit it (another article's text).
    #[error(transparent)]
    Plan(#[from] ImportIntoError),
    /// The edits were refused (a bug: they were planned on this very session).
    #[error("the edits did not apply: {0}")]
    Edit(#[from] crate::session::EditError),
    /// Its sidecar cannot be written.
    #[error(transparent)]
    Write(#[from] StorageError),
}

/// Reads `file` and brings its documents into the folder's `articles` (`open`: the open
/// article's path and session, which is only planned for, not changed), labels mapped by
/// `labels`, fresh suggestions of an article without saved work made with `lexicon`.
/// Nothing is written yet: [`FolderImport::write`] does it (after asking about unknown
/// labels, say).
///
/// # Errors
/// [`ConvertError`] when the file cannot be read at all; a problem of one article is in
/// [`FolderImport::failed`].
pub fn import_into_folder(
    file: &Path,
    articles: &[PathBuf],
    open: Option<(&Path, &mut Session)>,
    labels: &LabelMap,
    lexicon: &ProjectLexicon,
) -> Result<FolderImport, ConvertError> {
    let (format, docs) = read(file, None, labels, Unknown::AsMisc, None)?;
    let (open_path, mut open_session) = match open {
        Some((p, s)) => (Some(p.to_path_buf()), Some(s)),
        None => (None, None),
    };
    // each article's text hash and name (an article that cannot be read is matched by name)
    let mut by_sha: HashMap<String, PathBuf> = HashMap::new();
    let mut by_name: HashMap<String, PathBuf> = HashMap::new();
    for path in articles {
        if let Some(name) = path.file_name() {
            by_name.insert(name.to_string_lossy().into_owned(), path.clone());
        }
        let sha = if open_path.as_deref() == Some(path.as_path()) {
            open_session
                .as_ref()
                .map(|s| s.document().sha256().to_owned())
        } else {
            Document::load(path).ok().map(|d| d.sha256().to_owned())
        };
        if let Some(sha) = sha {
            by_sha.insert(sha, path.clone());
        }
    }
    let mut out = FolderImport {
        format,
        open: None,
        written: Vec::new(),
        failed: Vec::new(),
        unmatched: Vec::new(),
        opened: Vec::new(),
    };
    let one = docs.len() == 1;
    for converted in docs {
        let (article, reanchored) = match by_sha.get(converted.document.sha256()) {
            Some(p) => (p.clone(), false),
            None => match by_name.get(converted.document.source_name()) {
                Some(p) => (p.clone(), true),
                // a file of one document is taken for the open article's work, as
                // importing it with no folder open does
                None if one && open_path.is_some() => (open_path.clone().unwrap_or_default(), true),
                None => {
                    out.unmatched
                        .push(converted.document.source_name().to_owned());
                    continue;
                }
            },
        };
        if open_path.as_deref() == Some(article.as_path())
            && let Some(session) = open_session.as_deref_mut()
        {
            match plan_converted(session, format, converted, reanchored) {
                Ok(plan) => out.open = Some(plan),
                Err(e) => out.failed.push((article, e.into())),
            }
            continue;
        }
        match plan_into(&article, format, converted, reanchored, lexicon) {
            Ok((plan, session, sidecar)) => {
                out.written.push((article, plan));
                out.opened.push((session, sidecar));
            }
            Err(e) => out.failed.push((article, e)),
        }
    }
    Ok(out)
}

/// Opens `article` with its saved work and plans `converted` into it; returns the plan,
/// the session and where its work is written.
fn plan_into(
    article: &Path,
    format: FormatId,
    converted: crate::workspace::convert::Converted,
    reanchored: bool,
    lexicon: &ProjectLexicon,
) -> Result<(ImportPlan, Session, PathBuf), FolderImportError> {
    let doc = Document::load(article)?;
    let mut opened = open_article(article, doc, None, lexicon);
    let plan = plan_converted(&mut opened.session, format, converted, reanchored)?;
    Ok((plan, opened.session, opened.sidecar))
}

#[cfg(test)]
mod tests {
    use super::import_into_folder;
    use crate::extract::lexicon::ProjectLexicon;
    use crate::formats::label_map::LabelMap;
    use crate::model::annotation::Status;
    use crate::model::document::Document;
    use crate::model::label::Label;
    use crate::session::Session;
    use crate::workspace::storage::{read_sidecar, sidecar_path};

    /// A Label Studio export of three documents into a folder of two articles, one open:
    /// the open one is planned, the other written to its sidecar, the third document is
    /// named as matching no article.
    #[test]
    fn a_project_export_lands_in_each_article_of_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let (ta, tb) = ("قال بوتين في موسكو", "زار ترامب القاهرة أمس");
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        std::fs::write(&a, ta).unwrap();
        std::fs::write(&b, tb).unwrap();
        let span = |t: &str, s: &str| crate::formats::exchange::testing::char_span(t, s);
        let region = |(s, e): (usize, usize), l: &str| {
            serde_json::json!({"id": format!("r{s}"), "type": "labels", "from_name": "label",
                               "to_name": "text", "value": {"start": s, "end": e, "labels": [l]}})
        };
        let tasks = serde_json::json!([
            {"data": {"text": ta}, "annotations": [{"result": [region(span(ta, "بوتين"), "PER")]}]},
            {"data": {"text": tb}, "annotations": [{"result": [region(span(tb, "القاهرة"), "GPE")]}]},
            {"data": {"text": "نص لا مقال له"}, "annotations": [{"result": []}]}
        ]);
        let file = dir.path().join("project.json");
        std::fs::write(&file, tasks.to_string()).unwrap();
        let mut open = Session::with_annotations(
            Document::from_text(ta, "a.txt", "UTF-8"),
            Vec::new(),
            crate::session::Provenance::Extracted,
        );
        let articles = vec![a.clone(), b.clone()];
        let lexicon = ProjectLexicon::default();
        let labels = LabelMap::default();
        let import = |open: &mut Session, dry_run: bool| {
            let mut done =
                import_into_folder(&file, &articles, Some((&a, open)), &labels, &lexicon).unwrap();
            if !dry_run {
                done.write();
            }
            done
        };
        // a plan not written writes nothing
        let dry = import(&mut open, true);
        assert_eq!(dry.written.len(), 1);
        assert!(!sidecar_path(&b).exists());
        let done = import(&mut open, false);
        assert_eq!(done.open.as_ref().unwrap().added, 1);
        assert!(
            open.annotations().is_empty(),
            "the open article is only planned for"
        );
        assert_eq!(done.written.len(), 1);
        assert_eq!(done.unmatched.len(), 1);
        assert!(done.failed.is_empty(), "{:?}", done.failed);
        let saved = read_sidecar(&sidecar_path(&b)).unwrap().unwrap();
        let cairo = saved
            .annotations
            .iter()
            .find(|r| r.text == "القاهرة")
            .unwrap();
        assert_eq!(
            (cairo.label, cairo.status),
            (Label::Location, Status::Accepted)
        );
        // a second import changes nothing more
        let again = import(&mut open, false);
        assert_eq!(again.written[0].1.added, 0);
        assert_eq!(again.written[0].1.already, 1);
    }
}
