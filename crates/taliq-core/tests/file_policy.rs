//! The file policy of an article's saved work, tested against the workspace alone (no
//! window): which files opening an article ([`open::open_article`]) and saving its work
//! ([`Autosaver`]) write, keep and read, and which [`OpenNotice`]s say so, when the text
//! changed, a second window works on the same article, the sidecar is damaged, cut short
//! or another article's, the article is only looked at, or it is reloaded as another
//! encoding.
//!
//! The app's side of the same flows (the notices shown in the status line, the article
//! open with its work) is tested with egui_kittest in the app's `tests/app_saved_work.rs`.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use taliq_core::extract::ProjectLexicon;
use taliq_core::formats::taliq::ExportFile;
use taliq_core::model::annotation::Status;
use taliq_core::model::document::Document;
use taliq_core::model::label::Label;
use taliq_core::session::{Edit, Provenance, Session};
use taliq_core::workspace::journal::{AutosavePolicy, Autosaver, Saved};
use taliq_core::workspace::notice::OpenNotice;
use taliq_core::workspace::open::{self, OnDisk};
use taliq_core::workspace::reanchor::Foreign;
use taliq_core::workspace::storage;

/// The bundled sample article (the app's `taliq::cli::SAMPLE_TEXT`).
const SAMPLE_TEXT: &str = include_str!("../../../seeds/putin-trump-call.ar.txt");
/// The file name the sample is written under, as in the app's tests.
const SAMPLE_NAME: &str = "putin-trump-call.ar.txt";
/// The first alternative sidecar of the sample, where work goes when the regular one
/// must be left alone.
const ALT_2: &str = "putin-trump-call.ar.txt.taliq.2.json";
/// The next one, which no test may need.
const ALT_3: &str = "putin-trump-call.ar.txt.taliq.3.json";

/// The file name of the sample's regular sidecar, as notices name it.
fn regular_name() -> String {
    format!("{SAMPLE_NAME}{}", storage::SIDECAR_SUFFIX)
}

/// Copies the sample article into a fresh folder, so its saved work lands there.
fn sample_in_tempdir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(SAMPLE_NAME);
    std::fs::write(&path, SAMPLE_TEXT).unwrap();
    (dir, path)
}

/// An article open as one window of the app holds it: the session, its autosaver, and
/// what opening found. Opened the way `src/ui/app/opening.rs` opens it (journal
/// replayed, encoding detected, then [`open::open_article`], the autosaver told what is
/// on disk), with the default autosave policy and an empty project lexicon.
struct Window {
    session: Session,
    saver: Autosaver,
    /// Where `open_article` chose to write new work.
    sidecar: PathBuf,
    /// What `open_article` said is on disk.
    on_disk: OnDisk,
    /// Every notice of the open, the journal's first.
    notices: Vec<OpenNotice>,
}

impl Window {
    fn open(path: &Path) -> Window {
        Window::open_as(path, None)
    }

    /// Opens `path` decoded with `encoding` (File ▸ Reload as), or detected when `None`.
    fn open_as(path: &Path, encoding: Option<&'static encoding_rs::Encoding>) -> Window {
        let doc = Document::load_as(path, encoding).unwrap();
        let (doc, mut notices) = open::recover_and_decode(path, doc, encoding);
        let opened = open::open_article(path, doc, encoding, &ProjectLexicon::new());
        notices.extend(opened.notices);
        let mut saver = Autosaver::new(path, opened.sidecar.clone(), AutosavePolicy::default());
        match opened.on_disk {
            OnDisk::Fresh => saver.fresh(&opened.session),
            OnDisk::InSidecar => saver.restored(&opened.session),
            OnDisk::ToWrite => {
                saver.changed(&opened.session, Instant::now()).unwrap();
            }
        }
        Window {
            session: opened.session,
            saver,
            sidecar: opened.sidecar,
            on_disk: opened.on_disk,
            notices,
        }
    }

    /// The ids of the annotations, in text order.
    fn ids(&self) -> Vec<u64> {
        self.session.annotations().iter().map(|a| a.id).collect()
    }

    fn status(&self, id: u64) -> Status {
        self.session.get(id).unwrap().status
    }

    /// Accepts or rejects annotation `id` and saves, as the app does after each change.
    fn decide(&mut self, id: u64, status: Status) -> Saved {
        self.session.apply(Edit::SetStatus { id, status }).unwrap();
        self.saver.changed(&self.session, Instant::now()).unwrap()
    }

    /// Saves what is not in the sidecar yet, as the app does on quit.
    fn close(&mut self) -> Saved {
        self.saver.flush(&self.session).unwrap()
    }

    /// The first notice `pick` takes.
    fn notice<T>(&self, pick: impl Fn(&OpenNotice) -> Option<T>) -> T {
        self.notices
            .iter()
            .find_map(pick)
            .unwrap_or_else(|| panic!("no such notice in {:?}", self.notices))
    }
}

/// The saved work in `path`.
fn read(path: &Path) -> ExportFile {
    storage::read_sidecar(path)
        .unwrap()
        .expect("a saved-work file")
}

/// The status annotation `id` has in the saved work `file`.
fn saved_status(file: &ExportFile, id: u64) -> Status {
    file.annotations.iter().find(|a| a.id == id).unwrap().status
}

/// The names of the files in `dir` that end in `.bak`.
fn backups(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| {
            Path::new(n)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("bak"))
        })
        .collect()
}

/// The text is edited outside Taliq: the earlier work is kept in a backup, carried over to
/// the new text and saved to a fresh sidecar; when the edit is undone, the work comes back
/// from the backup. (The app's side: `changed_article_keeps_the_old_work_as_a_backup_and_says_so`.)
#[test]
fn a_changed_text_keeps_the_old_work_as_a_backup_and_carries_it_over() {
    let (dir, path) = sample_in_tempdir();
    let sidecar = storage::sidecar_path(&path);
    let mut w = Window::open(&path);
    assert_eq!(w.on_disk, OnDisk::Fresh);
    let id = w.ids()[0];
    w.decide(id, Status::Accepted);
    let earlier = w.session.annotations().len();
    drop(w);

    // a word added at the top, أوساكا renamed
    let edited = format!("عاجل: {}", SAMPLE_TEXT.replace("أوساكا", "طوكيو"));
    std::fs::write(&path, &edited).unwrap();
    let w = Window::open(&path);
    let kept_in = w.notice(|n| match n {
        OpenNotice::TextChanged {
            annotations,
            kept_in,
        } => Some((*annotations, kept_in.clone())),
        _ => None,
    });
    assert_eq!(kept_in.0, earlier);
    assert!(w.notices.iter().any(OpenNotice::is_warning));
    // the decisions are carried over to the new text; what vanished is named
    let lost = w.notice(|n| match n {
        OpenNotice::CarriedOver { lost, .. } => Some(lost.clone()),
        _ => None,
    });
    assert!(
        lost.iter()
            .any(|a| a.text == "أوساكا" && a.label == Label::Location),
        "{lost:?}"
    );
    assert_eq!(w.session.provenance(), Provenance::Reanchored);
    let moved = w.session.get(id).unwrap();
    assert_eq!(moved.status, Status::Accepted);
    assert_eq!(moved.span.start(), 6, "shifted by the added word");
    assert_eq!(
        w.session
            .document()
            .slice(moved.span.start(), moved.span.end()),
        "بوتين"
    );
    // the earlier work, in the one backup named
    let bak = backups(dir.path());
    assert_eq!(bak, std::slice::from_ref(&kept_in.1));
    assert_eq!(
        saved_status(&read(&dir.path().join(&bak[0])), id),
        Status::Accepted
    );
    // the carried-over work is saved to a fresh sidecar, for the new text
    assert_eq!(w.on_disk, OnDisk::ToWrite);
    assert_eq!(w.sidecar, sidecar);
    assert!(w.saver.is_durable(&w.session));
    let fresh = read(&sidecar);
    assert_eq!(fresh.document.sha256, w.session.document().sha256());
    assert_eq!(saved_status(&fresh, id), Status::Accepted);
    drop(w);

    // the edit is undone outside Taliq: the earlier work comes back from the backup
    std::fs::write(&path, SAMPLE_TEXT).unwrap();
    let w = Window::open(&path);
    assert_eq!(w.session.provenance(), Provenance::Restored);
    assert_eq!(w.status(id), Status::Accepted);
    let from = w.notice(|n| match n {
        OpenNotice::Restored { from, .. } => Some(from.clone()),
        _ => None,
    });
    assert_eq!(from, kept_in.1);
}

/// Two windows on one article: the second to save finds the sidecar changed under it and
/// writes to a file of its own; reopening restores the newer work and names the other
/// file. (The app's side: `a_second_window_on_the_same_article_never_overwrites_the_first`.)
#[test]
fn a_second_window_on_the_same_article_writes_to_a_file_of_its_own() {
    let (dir, path) = sample_in_tempdir();
    let regular = storage::sidecar_path(&path);
    let alt = dir.path().join(ALT_2);
    let mut a = Window::open(&path);
    let mut b = Window::open(&path);
    let ids = a.ids();
    assert_eq!(
        b.decide(ids[0], Status::Accepted),
        Saved::Sidecar { moved_from: None }
    );
    assert_eq!(
        a.decide(ids[1], Status::Accepted),
        Saved::Sidecar {
            moved_from: Some(regular.clone())
        },
        "the sidecar changed under the first window: left as it is"
    );
    assert_eq!(a.saver.sidecar(), alt);
    // the first window keeps writing there
    assert_eq!(
        a.decide(ids[2], Status::Accepted),
        Saved::Sidecar { moved_from: None }
    );
    let in_regular = read(&regular);
    assert_eq!(saved_status(&in_regular, ids[0]), Status::Accepted);
    assert_eq!(saved_status(&in_regular, ids[1]), Status::Pending);
    let moved = read(&alt);
    assert_eq!(saved_status(&moved, ids[1]), Status::Accepted);
    assert_eq!(saved_status(&moved, ids[2]), Status::Accepted);

    // reopened later: the newer work comes back, and the other window's file is named
    drop((a, b));
    let w = Window::open(&path);
    let files = w.notice(|n| match n {
        OpenNotice::OtherWindowsWork { files } => Some(files.clone()),
        _ => None,
    });
    assert_eq!(files, [regular_name()]);
    assert!(w.notices.iter().any(OpenNotice::is_warning));
    assert_eq!(w.status(ids[1]), Status::Accepted);
    assert_eq!(w.sidecar, alt, "new work goes on where the work is");
}

/// A sidecar that is not a Taliq file is never written; the work goes to `….2.json`, and
/// reopening finds it there and keeps writing there, never in a `….3.json`. (The app's
/// side: `damaged_sidecar_is_left_alone_and_work_goes_to_a_new_file`.)
#[test]
fn a_damaged_sidecar_is_left_alone_and_work_goes_to_a_new_file() {
    let (dir, path) = sample_in_tempdir();
    let sidecar = storage::sidecar_path(&path);
    std::fs::write(&sidecar, "{ this is not json").unwrap();
    let mut w = Window::open(&path);
    let new_work_in = w.notice(|n| match n {
        OpenNotice::Damaged { new_work_in, .. } => Some(new_work_in.clone()),
        _ => None,
    });
    assert_eq!(new_work_in, ALT_2);
    assert!(w.notices.iter().any(OpenNotice::is_warning));
    assert_eq!(w.sidecar, dir.path().join(ALT_2));
    let id = w.ids()[0];
    w.decide(id, Status::Rejected);
    assert_eq!(
        std::fs::read_to_string(&sidecar).unwrap(),
        "{ this is not json"
    );
    assert_eq!(
        saved_status(&read(&dir.path().join(ALT_2)), id),
        Status::Rejected
    );
    drop(w);

    // reopening finds that work again and keeps writing there, and says so (the tester
    // was told "new work goes to ….3.json" while it went on into ….2.json)
    let mut w = Window::open(&path);
    let new_work_in = w.notice(|n| match n {
        OpenNotice::Damaged { new_work_in, .. } => Some(new_work_in.clone()),
        _ => None,
    });
    assert_eq!(new_work_in, ALT_2);
    let from = w.notice(|n| match n {
        OpenNotice::Restored { from, .. } => Some(from.clone()),
        _ => None,
    });
    assert_eq!(from, ALT_2);
    assert_eq!(w.status(id), Status::Rejected);
    assert_eq!(w.sidecar, dir.path().join(ALT_2));
    assert_eq!(w.saver.sidecar(), dir.path().join(ALT_2));
    w.decide(id, Status::Accepted);
    assert_eq!(
        saved_status(&read(&dir.path().join(ALT_2)), id),
        Status::Accepted
    );
    assert!(!dir.path().join(ALT_3).exists());
    assert_eq!(
        std::fs::read_to_string(&sidecar).unwrap(),
        "{ this is not json"
    );
}

/// Found by the tester (A7): another article's export placed as this article's sidecar
/// was taken for an earlier version of this text and 6 of its 10 annotations moved in. It
/// is kept as it is, nothing is carried over, and the work goes to `….2.json`. (The app's
/// side: `another_articles_sidecar_is_kept_and_nothing_is_moved_in`.)
#[test]
fn another_articles_sidecar_is_kept_and_nothing_is_moved_in() {
    let (dir, path) = sample_in_tempdir();
    let other = Document::from_text(
        "قال بوتين إن ترامب وافق على عقد قمة في أوساكا.",
        "other.txt",
        "UTF-8",
    );
    let anns = Session::with_extraction(other.clone());
    let foreign = ExportFile::new(&other, anns.annotations()).to_json();
    let sidecar = storage::sidecar_path(&path);
    std::fs::write(&sidecar, &foreign).unwrap();
    let mut w = Window::open(&path);
    let found = w.notice(|n| match n {
        OpenNotice::OtherArticlesWork {
            sidecar,
            why,
            annotations,
            new_work_in,
        } => Some((
            sidecar.clone(),
            why.clone(),
            *annotations,
            new_work_in.clone(),
        )),
        _ => None,
    });
    assert_eq!(found.0, regular_name());
    assert_eq!(
        found.1,
        Foreign::OtherSource {
            written_for: "other.txt".to_owned(),
            article: SAMPLE_NAME.to_owned(),
        }
    );
    assert_eq!(found.2, anns.annotations().len());
    assert_eq!(found.3, ALT_2);
    assert!(w.notices.iter().any(OpenNotice::is_warning));
    assert!(
        !w.notices
            .iter()
            .any(|n| matches!(n, OpenNotice::CarriedOver { .. })),
        "{:?}",
        w.notices
    );
    assert_ne!(w.session.provenance(), Provenance::Reanchored);
    assert_eq!(w.sidecar, dir.path().join(ALT_2));
    let id = w.ids()[0];
    w.decide(id, Status::Accepted);
    assert_eq!(std::fs::read_to_string(&sidecar).unwrap(), foreign);
    assert_eq!(
        saved_status(&read(&dir.path().join(ALT_2)), id),
        Status::Accepted
    );
    drop(w);

    let w = Window::open(&path);
    let new_work_in = w.notice(|n| match n {
        OpenNotice::OtherArticlesWork { new_work_in, .. } => Some(new_work_in.clone()),
        _ => None,
    });
    assert_eq!(new_work_in, ALT_2);
    assert_eq!(w.status(id), Status::Accepted);
    assert_eq!(w.sidecar, dir.path().join(ALT_2));
    assert_eq!(std::fs::read_to_string(&sidecar).unwrap(), foreign);
    assert!(!dir.path().join(ALT_3).exists());
}

/// Found by the tester (A8): a sidecar cut short was kept, but all its intact decisions
/// were dropped. Its complete annotations come back, the cut file is kept as it is and the
/// work is saved to `….2.json`. (The app's side:
/// `a_sidecar_cut_short_gives_back_its_complete_decisions`.)
#[test]
fn a_sidecar_cut_short_gives_back_its_complete_decisions() {
    let (dir, path) = sample_in_tempdir();
    let sidecar = storage::sidecar_path(&path);
    let id;
    {
        let mut w = Window::open(&path);
        id = w.ids()[0];
        w.decide(id, Status::Rejected);
        w.close();
    }
    let full = std::fs::read(&sidecar).unwrap();
    let total = ExportFile::from_json(std::str::from_utf8(&full).unwrap())
        .unwrap()
        .annotations
        .len();
    let cut = full[..full.len() * 2 / 3].to_vec();
    std::fs::write(&sidecar, &cut).unwrap();
    let w = Window::open(&path);
    let new_work_in = w.notice(|n| match n {
        OpenNotice::Damaged { new_work_in, .. } => Some(new_work_in.clone()),
        _ => None,
    });
    assert_eq!(new_work_in, ALT_2);
    let (salvaged, from) = w.notice(|n| match n {
        OpenNotice::Salvaged { annotations, from } => Some((*annotations, from.clone())),
        _ => None,
    });
    assert_eq!(from, regular_name());
    assert!(salvaged > 0 && salvaged < total, "{salvaged} of {total}");
    assert!(w.notices.iter().any(OpenNotice::is_warning));
    assert_eq!(w.status(id), Status::Rejected);
    assert!(w.session.annotations().len() >= total / 2);
    // written to the new file on opening; the cut one is kept as it is
    assert_eq!(w.on_disk, OnDisk::ToWrite);
    assert!(w.saver.is_durable(&w.session));
    assert_eq!(std::fs::read(&sidecar).unwrap(), cut);
    assert_eq!(
        saved_status(&read(&dir.path().join(ALT_2)), id),
        Status::Rejected
    );
}

/// Opening an article only to look at its work, and closing it, leaves the work file as
/// it was; the next decision is written as usual. (The app's side:
/// `reopening_to_look_leaves_the_work_file_as_it_was`.)
#[test]
fn reopening_to_look_leaves_the_work_file_as_it_was() {
    let (_dir, path) = sample_in_tempdir();
    let sidecar = storage::sidecar_path(&path);
    let ids;
    {
        let mut w = Window::open(&path);
        ids = w.ids();
        w.decide(ids[0], Status::Accepted);
    }
    let bytes = std::fs::read(&sidecar).unwrap();
    let before = std::fs::metadata(&sidecar).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut w = Window::open(&path);
    assert_eq!(w.on_disk, OnDisk::InSidecar);
    assert_eq!(w.status(ids[0]), Status::Accepted);
    assert!(w.saver.is_durable(&w.session));
    assert_eq!(w.close(), Saved::Nothing);
    assert_eq!(
        std::fs::metadata(&sidecar).unwrap().modified().unwrap(),
        before,
        "not rewritten"
    );
    assert_eq!(std::fs::read(&sidecar).unwrap(), bytes);
    drop(w);
    // the next decision is written as usual
    let mut w = Window::open(&path);
    assert_eq!(
        w.decide(ids[1], Status::Rejected),
        Saved::Sidecar { moved_from: None }
    );
    assert!(w.saver.is_durable(&w.session));
    assert_eq!(saved_status(&read(&sidecar), ids[1]), Status::Rejected);
}

/// File ▸ Reload as: the work made on the text of the other encoding is kept in a backup,
/// the choice is remembered through the saved work, and reloading as the first encoding
/// brings that work back. Needs the shared corpus beside the checkout. (The app's side:
/// `reload_as_another_encoding_is_remembered_and_reversible`.)
#[test]
fn reload_as_keeps_the_work_of_the_other_encoding_in_a_backup_and_remembers_the_choice() {
    let Ok(bytes) = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/encodings/putin-trump-call.cp1256.txt"
    )) else {
        eprintln!("skipped: shared corpus not found");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, bytes).unwrap();
    let sidecar = storage::sidecar_path(&path);
    let mut w = Window::open(&path);
    assert_eq!(w.session.document().encoding(), "windows-1256");
    let id = w.ids()[0];
    w.decide(id, Status::Accepted);
    drop(w);

    let w = Window::open_as(&path, Some(encoding_rs::ISO_8859_6));
    assert_eq!(w.session.document().encoding(), "ISO-8859-6");
    let (made_on, kept_in) = w.notice(|n| match n {
        OpenNotice::ReloadedAs {
            made_on, kept_in, ..
        } => Some((made_on.clone(), kept_in.clone())),
        _ => None,
    });
    assert!(made_on.starts_with("windows-1256"), "{made_on}");
    assert_eq!(backups(dir.path()), std::slice::from_ref(&kept_in));
    assert_eq!(
        saved_status(&read(&dir.path().join(&kept_in)), id),
        Status::Accepted
    );
    // the text of the new encoding gets a sidecar of its own
    assert_eq!(w.sidecar, sidecar);
    assert!(w.saver.is_durable(&w.session));
    assert_eq!(
        read(&sidecar).document.sha256,
        w.session.document().sha256()
    );
    drop(w);

    // the choice is remembered
    let w = Window::open(&path);
    assert_eq!(
        w.session.document().encoding(),
        "ISO-8859-6",
        "the choice is remembered"
    );
    drop(w);
    // and reloading as the first encoding brings the earlier work back
    let w = Window::open_as(&path, Some(encoding_rs::WINDOWS_1256));
    assert_eq!(w.session.document().encoding(), "windows-1256");
    assert_eq!(w.status(id), Status::Accepted, "earlier work is back");
    let from = w.notice(|n| match n {
        OpenNotice::Restored { from, .. } => Some(from.clone()),
        _ => None,
    });
    assert_eq!(from, kept_in);
}
