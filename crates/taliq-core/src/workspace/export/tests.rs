//! The file behaviour of exports: the default name, an export refused over another
//! article's file and written when told to, noted in the export log (or not, when its
//! file cannot be written), and "Export changed articles" from sessions and sidecars.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::*;
use crate::formats::taliq::ExportFile;
use crate::model::annotation::Status;
use crate::model::document::Document;
use crate::session::Edit;
use crate::workspace::corpus::ProgressCache;

const TEXT: &str = "قال بوتين إن ترامب وافق";

/// Writes the article `name` (with [`TEXT`] and `extra` after it) into `dir`, and
/// returns its path and a session of it with its first suggestion accepted.
fn article(dir: &Path, name: &str, extra: &str) -> (PathBuf, Session) {
    let path = dir.join(name);
    let text = format!("{TEXT}{extra}");
    std::fs::write(&path, &text).unwrap();
    let mut session = Session::with_extraction(Document::from_text(&text, name, "UTF-8"));
    let id = session.annotations()[0].id;
    session
        .apply(Edit::SetStatus {
            id,
            status: Status::Accepted,
        })
        .unwrap();
    (path, session)
}

/// Saves `session` as the sidecar of `path`, as the autosaver does.
fn save(path: &Path, session: &Session) -> PathBuf {
    let sidecar = storage::sidecar_path(path);
    storage::save_sidecar(&sidecar, &session.to_export(), &HashSet::new()).unwrap();
    sidecar
}

fn read(path: &Path) -> ExportFile {
    ExportFile::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_default_export_name_keeps_the_whole_file_name() {
    let d = Path::new("/x/f");
    assert_eq!(
        default_export_path(&d.join("a.txt")),
        d.join("a.txt.annotations.json")
    );
    assert_ne!(
        default_export_path(&d.join("a.txt")),
        default_export_path(&d.join("a.html"))
    );
    assert_eq!(
        default_export_path(Path::new("/")),
        Path::new("/article.annotations.json")
    );
}

/// An export is written and noted; over another article's export it is refused unless
/// told to overwrite, which takes the file's record from that article.
#[test]
fn an_export_is_refused_over_another_articles_file_unless_told() {
    let dir = tempfile::tempdir().unwrap();
    let log_file = dir.path().join("data").join("exports.json");
    let (a, sa) = article(dir.path(), "a.txt", "");
    let (b, sb) = article(dir.path(), "b.txt", " أمس");
    let mut log = ExportLog::default();
    let target = default_export_path(&a);
    let done = export_article(
        &mut log,
        Some(&log_file),
        &a,
        &sa,
        &target,
        Overwrite::IfOurs,
    )
    .unwrap();
    assert_eq!(done.annotations, sa.annotations().len());
    assert_eq!(done.path, target);
    assert!(done.not_noted.is_none());
    assert_eq!(read(&target).document.source, "a.txt");
    assert!(!ExportLog::load(&log_file).is_unexported(&a, sa.annotations()));
    // again over its own export: no question
    export_article(&mut log, None, &a, &sa, &target, Overwrite::IfOurs).unwrap();

    let before = std::fs::read(&target).unwrap();
    match export_article(&mut log, None, &b, &sb, &target, Overwrite::IfOurs) {
        Err(ExportError::Conflict(ExportConflict::OtherArticle(source))) => {
            assert_eq!(source, "a.txt");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read(&target).unwrap(), before, "untouched");
    assert!(log.export_path(&b).is_none(), "nothing noted");
    export_article(&mut log, None, &b, &sb, &target, Overwrite::Anyway).unwrap();
    assert_eq!(read(&target).document.source, "b.txt");
    assert!(log.export_path(&a).is_none(), "the file is b's export now");
    assert!(log.is_unexported(&a, sa.annotations()));

    // a file that is not an export is not overwritten without asking
    let notes = dir.path().join("notes.json");
    std::fs::write(&notes, "{}").unwrap();
    assert!(matches!(
        export_article(&mut log, None, &a, &sa, &notes, Overwrite::IfOurs),
        Err(ExportError::Conflict(ExportConflict::NotAnExport))
    ));
    // a folder that is not there: nothing written, nothing noted
    let nowhere = dir.path().join("missing").join("a.json");
    assert!(matches!(
        export_article(&mut log, None, &a, &sa, &nowhere, Overwrite::IfOurs),
        Err(ExportError::Write(_))
    ));
    assert!(log.export_path(&a).is_none());
}

/// The export is written even when the export log's file cannot be: the record is kept
/// in memory and the failure said.
#[test]
fn an_export_whose_log_cannot_be_written_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("data");
    std::fs::write(&blocked, "a file where the data folder should be").unwrap();
    let (a, sa) = article(dir.path(), "a.txt", "");
    let mut log = ExportLog::default();
    let target = default_export_path(&a);
    let done = export_article(
        &mut log,
        Some(&blocked.join("exports.json")),
        &a,
        &sa,
        &target,
        Overwrite::IfOurs,
    )
    .unwrap();
    assert!(matches!(done.not_noted, Some(StorageError::Io { .. })));
    assert_eq!(read(&target).annotations.len(), sa.annotations().len());
    assert!(!log.is_unexported(&a, sa.annotations()));
}

/// "Export changed articles": the open article from its session, the others from their
/// sidecars; an article whose file holds another article's export goes to its own name,
/// one with both taken and one with no sidecar are not written.
#[test]
fn export_changed_writes_the_open_article_and_the_others_from_their_sidecars() {
    let dir = tempfile::tempdir().unwrap();
    let (art_a, sa) = article(dir.path(), "a.txt", "");
    let (art_b, sb) = article(dir.path(), "b.txt", " أمس");
    let (art_c, _) = article(dir.path(), "c.txt", " اليوم");
    let (art_d, sd) = article(dir.path(), "d.txt", " غدا");
    let (art_e, se) = article(dir.path(), "e.txt", " الآن");
    // the open article has no sidecar yet: it is exported from its session
    let a_sidecar = storage::sidecar_path(&art_a);
    let b_sidecar = save(&art_b, &sb);
    let d_sidecar = save(&art_d, &sd);
    let e_sidecar = save(&art_e, &se);
    // a file that holds another article's export, and e's own name taken by a non-export
    let shared = dir.path().join("shared.json");
    std::fs::write(&shared, sa.to_export().to_json()).unwrap();
    std::fs::write(default_export_path(&art_e), "not an export").unwrap();
    let entry = |article: &Path, sidecar: &Path, export_path: Option<&Path>| Unexported {
        article: article.to_path_buf(),
        sidecar: sidecar.to_path_buf(),
        export_path: export_path.map(Path::to_path_buf),
    };
    let list = [
        entry(&art_a, &a_sidecar, None),
        entry(&art_b, &b_sidecar, None),
        entry(&art_c, &storage::sidecar_path(&art_c), None),
        entry(&art_d, &d_sidecar, Some(&shared)),
        entry(&art_e, &e_sidecar, Some(&shared)),
    ];
    let log_file = dir.path().join("exports.json");
    let mut log = ExportLog::default();
    let done = export_changed(&mut log, Some(&log_file), &list, Some((&art_a, &sa)));
    let articles: Vec<&Path> = done.iter().map(|x| x.article.as_path()).collect();
    assert_eq!(articles, [&art_a, &art_b, &art_c, &art_d, &art_e]);
    match &done[0].outcome {
        ChangedOutcome::Written { to, instead_of } => {
            assert_eq!((to, instead_of), (&default_export_path(&art_a), &None));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(read(&default_export_path(&art_a)), sa.to_export());
    assert!(
        matches!(&done[1].outcome, ChangedOutcome::Written { to, .. } if *to == default_export_path(&art_b))
    );
    assert_eq!(
        std::fs::read_to_string(default_export_path(&art_b)).unwrap(),
        read(&b_sidecar).to_json(),
        "b is exported from its sidecar"
    );
    assert!(
        matches!(&done[2].outcome, ChangedOutcome::SidecarMissing { sidecar } if *sidecar == storage::sidecar_path(&art_c))
    );
    match &done[3].outcome {
        ChangedOutcome::Written { to, instead_of } => {
            assert_eq!(to, &default_export_path(&art_d));
            assert_eq!(instead_of.as_deref(), Some(shared.as_path()));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(read(&shared).document.source, "a.txt", "left as it was");
    match &done[4].outcome {
        ChangedOutcome::BothTaken { target, own } => {
            assert_eq!((target, own), (&shared, &default_export_path(&art_e)));
        }
        other => panic!("{other:?}"),
    }
    // what was written is noted, in the file too; what was not is not
    let log = ExportLog::load(&log_file);
    assert!(!log.is_unexported(&art_a, sa.annotations()));
    assert!(!log.records_unexported(&art_b, &read(&b_sidecar).annotations));
    assert!(!log.records_unexported(&art_d, &read(&d_sidecar).annotations));
    assert!(log.records_unexported(&art_e, &read(&e_sidecar).annotations));
    assert!(log.export_path(&art_c).is_none());
}

/// The articles of a folder with saved decisions not in their last export are found;
/// the exported ones, and the ones already known, are not.
#[test]
fn the_folders_unexported_articles_are_found_from_their_sidecars() {
    let dir = tempfile::tempdir().unwrap();
    let (a, sa) = article(dir.path(), "a.txt", "");
    let (b, sb) = article(dir.path(), "b.txt", " أمس");
    let (c, sc) = article(dir.path(), "c.txt", " اليوم");
    article(dir.path(), "d.txt", " غدا"); // no saved work
    save(&a, &sa);
    let b_sidecar = save(&b, &sb);
    save(&c, &sc);
    let mut log = ExportLog::default();
    export_article(
        &mut log,
        None,
        &a,
        &sa,
        &default_export_path(&a),
        Overwrite::IfOurs,
    )
    .unwrap();
    let corpus = Corpus::scan(dir.path(), &mut ProgressCache::default()).unwrap();
    let found = unexported_in(&corpus, &log, |p| p == c);
    assert_eq!(
        found,
        [Unexported {
            article: b.clone(),
            sidecar: b_sidecar,
            export_path: None,
        }]
    );
    assert_eq!(found[0].target(), default_export_path(&b));
}
