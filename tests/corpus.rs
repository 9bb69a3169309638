//! Folder (corpus) mode driven headless with egui_kittest: a folder of three articles in
//! three formats, their listed progress, switching articles without losing anything, and
//! the prompt shown when closing with changes not exported.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

mod support;

use std::path::{Path, PathBuf};

use egui::{Event, Modifiers, ViewportCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::{fixture, request_close, sent};
use taliq::ui::{Action, TaliqApp, UiCommand};
use taliq_core::formats::taliq::ExportFile;
use taliq_core::model::annotation::Status;
use taliq_core::model::document::Document;
use taliq_core::session::{Edit, Session};
use taliq_core::workspace::corpus::Progress;
use taliq_core::workspace::storage;
use taliq_text::SystemFonts;

const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>لافروف في موسكو</title></head>
<body><nav><a href="/">الرئيسية</a></nav><article><h1>لافروف في موسكو</h1>
<p>استقبل وزير الخارجية الروسي سيرغي لافروف في موسكو نظيره التركي مولود جاويش أوغلو، وبحث الجانبان الأوضاع في سوريا وليبيا والتعاون الاقتصادي بين البلدين.</p>
<p>وقال لافروف في مؤتمر صحافي إن روسيا وتركيا متفقتان على مواصلة التنسيق.</p></article></body></html>"#;

/// Writes a sidecar for `article` as if the annotator had decided the first `decide`
/// suggestions (all of them when `None`) by rejecting them.
fn annotate(article: &Path, decide: Option<usize>) {
    let mut session = Session::with_extraction(Document::load(article).unwrap());
    let ids: Vec<u64> = session.annotations().iter().map(|a| a.id).collect();
    assert!(ids.len() >= 2, "{} has suggestions", article.display());
    for id in ids.iter().take(decide.unwrap_or(ids.len())) {
        session
            .apply(Edit::SetStatus {
                id: *id,
                status: Status::Rejected,
            })
            .unwrap();
    }
    storage::save_sidecar(
        &storage::sidecar_path(article),
        &session.to_export(),
        &std::collections::HashSet::new(),
    )
    .unwrap();
}

/// A folder with `1-putin.txt` (never opened), `2-word.docx` (one decision made),
/// `3-page.html` (every suggestion decided) and `4-cut.docx` (a damaged Word file), plus
/// files that are not articles.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("أخبار");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(d.join("1-putin.txt"), taliq::cli::SAMPLE_TEXT).unwrap();
    std::fs::copy(fixture("arabic-article.docx"), d.join("2-word.docx")).unwrap();
    std::fs::write(d.join("3-page.html"), PAGE).unwrap();
    std::fs::copy(fixture("truncated.docx"), d.join("4-cut.docx")).unwrap();
    std::fs::write(d.join("scan.pdf"), b"%PDF-1.7").unwrap();
    annotate(&d.join("2-word.docx"), Some(1));
    annotate(&d.join("3-page.html"), None);
    (dir, d)
}

/// A folder dropped on the window.
#[derive(Debug)]
struct DroppedFolder(PathBuf);

impl egui::DroppedFile for DroppedFolder {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        Err("a folder has no bytes".into())
    }
}

/// The app opened on `path` (a folder, or nothing) in a window wide enough for the
/// folder panel.
fn harness(path: Option<PathBuf>) -> Harness<'static, TaliqApp> {
    support::harness_with(path, egui::vec2(1400.0, 860.0), SystemFonts::Skip, None)
}

fn open_name(h: &Harness<'_, TaliqApp>) -> String {
    h.state()
        .session()
        .unwrap()
        .document()
        .source_name()
        .to_owned()
}

fn progress(h: &Harness<'_, TaliqApp>) -> Vec<Progress> {
    let c = h.state().corpus().expect("a folder is open");
    c.articles.iter().map(|a| a.progress.clone()).collect()
}

#[test]
fn a_folder_lists_its_articles_with_progress_and_switching_keeps_every_decision() {
    let (_tmp, dir) = folder();
    let mut h = harness(Some(dir.clone()));

    // listed in name order, without the PDF, the sidecars or the lexicon
    let names: Vec<String> = h
        .state()
        .corpus()
        .unwrap()
        .articles
        .iter()
        .map(|a| a.name.clone())
        .collect();
    assert_eq!(
        names,
        ["1-putin.txt", "2-word.docx", "3-page.html", "4-cut.docx"]
    );
    let p = progress(&h);
    // opened but nothing decided yet: an article only looked at gets no sidecar
    assert!(matches!(p[0], Progress::NotStarted { .. }), "{p:?}");
    assert!(!storage::sidecar_path(&dir.join("1-putin.txt")).exists());
    assert!(
        matches!(p[1], Progress::InProgress { decided: 1, pending } if pending > 0),
        "{p:?}"
    );
    assert!(
        matches!(p[2], Progress::Done { decided } if decided >= 2),
        "{p:?}"
    );
    // the first article not done is open, and the panel shows every row
    assert_eq!(open_name(&h), "1-putin.txt");
    h.get_by_label("2-word.docx");
    h.get_by_label("3-page.html");
    h.get_by_label_contains("in progress: 1 of");
    h.get_by_label_contains("done:");

    // a decision, then a note still being typed when the annotator moves on
    let id = h.state().session().unwrap().annotations()[0].id;
    h.state_mut().apply(Action::Accept(id));
    h.state_mut().apply(Action::Focus(id));
    h.run_steps(2);
    h.get_by_label("Note:").click();
    h.run_steps(2);
    h.event(Event::Text("راجع".into()));
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::PageDown);
    h.run_steps(3);

    // the Word document is open; its format shows in the status bar
    assert_eq!(open_name(&h), "2-word.docx");
    h.get_by_label("DOCX");
    let p = progress(&h);
    assert!(
        matches!(p[0], Progress::InProgress { decided: 1, .. }),
        "the article left shows its saved progress: {p:?}"
    );
    let saved = storage::read_sidecar(&storage::sidecar_path(&dir.join("1-putin.txt")))
        .unwrap()
        .unwrap();
    let ann = saved.annotations.iter().find(|a| a.id == id).unwrap();
    assert_eq!(ann.status, Status::Accepted);
    assert_eq!(
        ann.note, "راجع",
        "the note being typed was saved before switching"
    );

    // and back: every decision is restored
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::PageUp);
    h.run_steps(3);
    assert_eq!(open_name(&h), "1-putin.txt");
    let a = h.state().session().unwrap().get(id).unwrap().clone();
    assert_eq!((a.status, a.note.as_str()), (Status::Accepted, "راجع"));
    // there is nothing before the first article
    h.state_mut().apply(UiCommand::PreviousArticle);
    assert_eq!(open_name(&h), "1-putin.txt");
    assert!(h.state().status().unwrap().1.contains("first article"));

    // clicking a row opens that article
    h.get_by_label("3-page.html").click();
    h.run_steps(3);
    assert_eq!(open_name(&h), "3-page.html");
    assert!(progress(&h)[2].is_done());

    // the damaged Word file cannot be opened: the article stays, the row says why
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::PageDown);
    h.run_steps(3);
    assert_eq!(open_name(&h), "3-page.html");
    let (sev, msg) = h.state().status().unwrap();
    assert_eq!(sev, taliq::ui::Severity::Error);
    assert!(
        msg.contains("4-cut.docx") && msg.contains("Word document"),
        "{msg}"
    );
    h.get_by_label("⚠ cannot be opened");
}

#[test]
fn closing_with_changes_not_exported_asks_once_and_can_export_them() {
    let (_tmp, dir) = folder();
    // start empty and drop the folder on the window
    let mut h = harness(None);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedFolder(dir.clone())));
    h.run_steps(3);
    assert_eq!(open_name(&h), "1-putin.txt");

    // two articles hold decisions of an earlier session that were never exported: Export
    // changed articles writes them too, though neither is open
    h.state_mut().apply(UiCommand::ExportChanged);
    let (_, msg) = h.state().status().unwrap();
    assert!(msg.contains("Exported 2 article(s)"), "{msg}");
    for name in ["2-word.docx", "3-page.html"] {
        assert!(
            dir.join(format!("{name}.annotations.json")).exists(),
            "{name}"
        );
    }

    // nothing changed since: closing closes
    request_close(&mut h);
    assert!(!sent(&h, &ViewportCommand::CancelClose));
    assert!(!h.state().close_prompt_shown());

    // a change in the first article and one in the second, none exported
    let id = h.state().session().unwrap().annotations()[0].id;
    h.state_mut().apply(Action::Reject(id));
    h.state_mut().apply(UiCommand::NextArticle);
    let id2 = h.state().session().unwrap().annotations()[1].id;
    h.state_mut().apply(Action::Accept(id2));
    h.run_steps(2);
    assert_eq!(
        h.state().unexported_articles(),
        [dir.join("2-word.docx"), dir.join("1-putin.txt")]
    );

    // the close is held once, with the prompt
    request_close(&mut h);
    assert!(sent(&h, &ViewportCommand::CancelClose));
    assert!(h.state().close_prompt_shown());
    h.run_steps(2);
    h.get_by_label_contains("All your work is saved");
    // a second close request while it shows is let through: nobody is trapped
    request_close(&mut h);
    assert!(!sent(&h, &ViewportCommand::CancelClose));

    // "Export and close" writes both exports next to the articles, then closes
    h.get_by_label("Export and close").click();
    let mut closed = false;
    for _ in 0..3 {
        h.step();
        closed |= sent(&h, &ViewportCommand::Close);
    }
    assert!(closed, "the window is asked to close");
    assert!(!h.state().close_prompt_shown());
    for (name, id, status) in [
        ("1-putin.txt", id, Status::Rejected),
        ("2-word.docx", id2, Status::Accepted),
    ] {
        let json = std::fs::read_to_string(dir.join(format!("{name}.annotations.json")))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let file = ExportFile::from_json(&json).unwrap();
        assert_eq!(
            file.annotations.iter().find(|a| a.id == id).unwrap().status,
            status
        );
    }
    assert!(h.state().unexported_articles().is_empty());
}

/// Issue 13: an article with no suggestions counted as done though nobody opened it, and
/// an unopenable file counted in "n of m". Mark as done (Ctrl+D) says when an article is
/// done; only what was reviewed counts.
#[test]
fn only_reviewed_or_marked_articles_are_done_and_unopenable_ones_are_not_counted() {
    let (_tmp, dir) = folder();
    // an article in which the extractor finds nothing
    std::fs::write(dir.join("5-empty.txt"), "kkk xxx").unwrap();
    // and a link to a file that is gone
    std::os::unix::fs::symlink(dir.join("gone.txt"), dir.join("6-link.txt")).unwrap();
    let mut h = harness(Some(dir.clone()));
    let p = progress(&h);
    assert_eq!(p[4], Progress::NotStarted { pending: 0 }, "{p:?}");
    // the damaged Word file and the broken link leave the count from the first listing,
    // before anyone tries them (found by a tester: they counted until tried)
    h.get_by_label_contains("1 of 4 done (2 cannot be opened)");
    h.state_mut()
        .apply(Action::OpenPath(dir.join("4-cut.docx")));
    h.run_steps(3);
    h.get_by_label_contains("1 of 4 done (2 cannot be opened)");
    // the empty article, opened: still not done until marked
    h.state_mut()
        .apply(Action::OpenPath(dir.join("5-empty.txt")));
    h.run_steps(3);
    assert_eq!(open_name(&h), "5-empty.txt");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::D);
    h.run_steps(3);
    assert!(h.state().status().unwrap().1.contains("marked done"));
    h.get_by_label_contains("2 of 4 done (2 cannot be opened)");
    // kept in the sidecar, so the next listing and the next run see it
    let saved = storage::read_sidecar(&storage::sidecar_path(&dir.join("5-empty.txt")))
        .unwrap()
        .unwrap();
    assert_eq!(saved.done, Some(true));
    // and comes back with the article
    h.state_mut()
        .apply(Action::OpenPath(dir.join("1-putin.txt")));
    h.state_mut()
        .apply(Action::OpenPath(dir.join("5-empty.txt")));
    h.run_steps(3);
    assert_eq!(h.state().session().unwrap().done(), Some(true));
    // a done article can be marked not done, and Ctrl+Z takes the mark back
    h.state_mut()
        .apply(Action::OpenPath(dir.join("3-page.html")));
    h.run_steps(3);
    h.state_mut().apply(UiCommand::ToggleDone);
    h.run_steps(3);
    h.get_by_label_contains("1 of 4 done");
    assert!(
        h.query_all_by_label_contains("marked not done")
            .next()
            .is_some()
    );
    h.state_mut().apply(UiCommand::Undo);
    h.run_steps(3);
    h.get_by_label_contains("2 of 4 done (2 cannot be opened)");
}
