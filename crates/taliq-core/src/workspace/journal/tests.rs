use super::*;
use crate::formats::taliq::AnnotationRecord;
use crate::model::annotation::{Origin, Status};
use crate::model::document::Document;
use crate::model::label::Label;
use crate::model::span::Span;
use crate::session::Edit;

const TEXT: &str = "قال بوتين إن ترامب وافق على لقاء في موسكو";

fn session() -> Session {
    let doc = Document::from_text(TEXT, "a.txt", "UTF-8");
    let mut s = Session::restore(doc.clone(), &ExportFile::new(&doc, &[])).unwrap();
    for (start, end, label) in [(4, 9, Label::Person), (13, 18, Label::Person)] {
        let span = Span::new(s.document(), start, end).unwrap();
        let a = s.manual_annotation(span, label);
        s.apply(Edit::Add(a)).unwrap();
    }
    s
}

/// A policy that journals every change of any document and never rewrites on its own.
fn journal_always() -> AutosavePolicy {
    AutosavePolicy {
        immediate_max_bytes: 0,
        idle: Duration::from_hours(1),
        max_delay: Duration::from_hours(1),
        max_entries: usize::MAX,
    }
}

fn setup() -> (tempfile::TempDir, PathBuf, Autosaver, Session) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, TEXT).unwrap();
    let saver = Autosaver::new(&article, storage::sidecar_path(&article), journal_always());
    (dir, article, saver, session())
}

fn reopened(article: &Path) -> Vec<Annotation> {
    let notes = recover(article);
    assert!(
        notes
            .iter()
            .all(|n| matches!(n, OpenNotice::JournalReplayed { .. })),
        "{notes:?}"
    );
    let file = storage::read_sidecar(&storage::sidecar_path(article))
        .unwrap()
        .unwrap();
    let doc = Document::from_text(TEXT, "a.txt", "UTF-8");
    let mut anns = file.annotations_for(&doc).unwrap();
    anns.sort_by_key(|a| a.id);
    anns
}

fn sorted(s: &Session) -> Vec<Annotation> {
    let mut v = s.annotations().to_vec();
    v.sort_by_key(|a| a.id);
    v
}

fn journal_lines(article: &Path) -> usize {
    let j = journal_path(&storage::sidecar_path(article));
    std::fs::read(j).map_or(0, |b| parse(&b).entries.len())
}

/// The journal holds annotation changes only: a done mark, even on a big article,
/// rewrites the sidecar, so it is never lost.
#[test]
fn a_done_mark_is_written_to_the_sidecar_even_when_changes_are_journaled() {
    let (_dir, article, mut saver, mut s) = setup();
    let now = Instant::now();
    for note in ["a", "b"] {
        s.apply(Edit::SetNote {
            id: 1,
            note: note.into(),
        })
        .unwrap();
        saver.changed(&s, now).unwrap();
    }
    assert_eq!(journal_lines(&article), 1);
    s.apply(Edit::SetDone(Some(true))).unwrap();
    assert!(matches!(
        saver.changed(&s, now).unwrap(),
        Saved::Sidecar { .. }
    ));
    let file = storage::read_sidecar(&storage::sidecar_path(&article))
        .unwrap()
        .unwrap();
    assert_eq!(file.done, Some(true));
    // and annotation changes after it are journaled again
    s.apply(Edit::SetNote {
        id: 2,
        note: "x".into(),
    })
    .unwrap();
    assert_eq!(saver.changed(&s, now).unwrap(), Saved::Journal);
}

#[test]
fn fresh_suggestions_write_nothing_until_the_first_change() {
    let (_dir, article, mut saver, mut s) = setup();
    let sidecar = storage::sidecar_path(&article);
    saver.fresh(&s);
    assert!(saver.is_durable(&s), "nothing to lose");
    let now = Instant::now();
    assert_eq!(saver.changed(&s, now).unwrap(), Saved::Nothing);
    assert_eq!(saver.flush(&s).unwrap(), Saved::Nothing);
    assert!(
        !sidecar.exists(),
        "an article only looked at gets no sidecar"
    );
    // the first decision is written whole, at once
    s.apply(Edit::SetStatus {
        id: s.annotations()[0].id,
        status: Status::Accepted,
    })
    .unwrap();
    assert!(!saver.is_durable(&s));
    assert!(matches!(
        saver.changed(&s, now).unwrap(),
        Saved::Sidecar { .. }
    ));
    assert!(saver.is_durable(&s) && sidecar.exists());
    assert_eq!(reopened(&article), sorted(&s));
}

#[test]
fn journaled_changes_come_back_on_open_and_the_journal_goes() {
    let (_d, article, mut saver, mut s) = setup();
    let now = Instant::now();
    assert!(matches!(saver.changed(&s, now), Ok(Saved::Sidecar { .. })));
    let sidecar_before = std::fs::read(storage::sidecar_path(&article)).unwrap();
    let edits = [
        Edit::SetStatus {
            id: 1,
            status: Status::Rejected,
        },
        Edit::SetNote {
            id: 2,
            note: "ملاحظة\n\"مقتبسة\"".into(),
        },
        Edit::Remove(1),
    ];
    for e in edits {
        s.apply(e).unwrap();
        assert!(matches!(saver.changed(&s, now), Ok(Saved::Journal)));
        assert!(saver.is_durable(&s) && !saver.is_in_sidecar(&s));
    }
    let span = Span::new(s.document(), 35, 40).unwrap();
    let a = s.manual_annotation(span, Label::Location);
    s.apply(Edit::Add(a)).unwrap();
    assert!(matches!(saver.changed(&s, now), Ok(Saved::Journal)));
    // the sidecar was not rewritten; the journal holds one line per action
    assert_eq!(
        std::fs::read(storage::sidecar_path(&article)).unwrap(),
        sidecar_before
    );
    assert_eq!(journal_lines(&article), 4);
    // kill -9 here: reopening replays the journal
    assert_eq!(reopened(&article), sorted(&s));
    assert!(!journal_path(&storage::sidecar_path(&article)).exists());
    assert!(
        recover(&article).is_empty(),
        "a second open has nothing to do"
    );
}

#[test]
fn the_replay_counts_only_journaled_actions_the_sidecar_lacked_and_calls_them_saved() {
    let (_d, article, mut saver, mut s) = setup();
    let now = Instant::now();
    saver.changed(&s, now).unwrap();
    for id in [1, 2] {
        s.apply(Edit::SetStatus {
            id,
            status: Status::Rejected,
        })
        .unwrap();
        assert_eq!(saver.changed(&s, now).unwrap(), Saved::Journal);
        assert!(saver.is_durable(&s), "the action is saved (in the journal)");
    }
    // a line whose effect the sidecar already holds (annotation 2 as it was saved)
    let sidecar = storage::sidecar_path(&article);
    let journal = journal_path(&sidecar);
    let side_bytes = std::fs::read(&sidecar).unwrap();
    let file = ExportFile::from_json(std::str::from_utf8(&side_bytes).unwrap()).unwrap();
    let unchanged = file.annotations.iter().find(|r| r.id == 1).unwrap().clone();
    let noop = JournalEntry {
        base: base_of(storage::content_fingerprint(&side_bytes)),
        upsert: vec![unchanged],
        remove: vec![99],
    };
    let mut lines = std::fs::read(&journal).unwrap();
    lines.splice(
        0..0,
        format!("{}\n", serde_json::to_string(&noop).unwrap()).bytes(),
    );
    std::fs::write(&journal, lines).unwrap();
    // kill -9, reopen
    assert_eq!(
        recover(&article),
        [OpenNotice::JournalReplayed {
            actions: 2,
            journal: "a.txt.taliq.journal".into(),
            sidecar: "a.txt.taliq.json".into()
        }]
    );
}

#[test]
fn an_undo_back_to_the_saved_state_writes_nothing_and_is_durable() {
    let (_d, article, mut saver, mut s) = setup();
    let now = Instant::now();
    saver.changed(&s, now).unwrap();
    s.apply(Edit::SetLabel {
        id: 1,
        label: Label::Location,
    })
    .unwrap();
    saver.changed(&s, now).unwrap();
    s.undo();
    assert!(!saver.is_durable(&s));
    assert!(matches!(saver.changed(&s, now), Ok(Saved::Journal)));
    assert!(saver.is_durable(&s));
    assert_eq!(journal_lines(&article), 2, "the undo is a line of its own");
    assert_eq!(reopened(&article), sorted(&s));
}

#[test]
fn a_deferred_rewrite_comes_when_the_annotator_pauses_or_the_journal_is_long() {
    let (_d, article, mut saver, mut s) = setup();
    saver.set_policy(AutosavePolicy {
        immediate_max_bytes: 0,
        idle: Duration::from_secs(2),
        max_delay: Duration::from_secs(30),
        max_entries: 3,
    });
    let t0 = Instant::now();
    saver.changed(&s, t0).unwrap();
    assert_eq!(saver.next_due(), None);
    s.apply(Edit::SetNote {
        id: 1,
        note: "a".into(),
    })
    .unwrap();
    assert!(matches!(saver.changed(&s, t0), Ok(Saved::Journal)));
    assert_eq!(saver.next_due(), Some(t0 + Duration::from_secs(2)));
    assert!(matches!(
        saver.tick(&s, t0 + Duration::from_secs(1)),
        Ok(Saved::Nothing)
    ));
    assert!(matches!(
        saver.tick(&s, t0 + Duration::from_secs(2)),
        Ok(Saved::Sidecar { moved_from: None })
    ));
    assert!(saver.is_in_sidecar(&s) && saver.next_due().is_none());
    assert_eq!(journal_lines(&article), 0);
    // a long journal is folded into the sidecar
    for i in 0..4 {
        s.apply(Edit::SetNote {
            id: 1,
            note: i.to_string(),
        })
        .unwrap();
        let outcome = saver.changed(&s, t0).unwrap();
        assert_eq!(outcome == Saved::Journal, i < 3, "{i}: {outcome:?}");
    }
    assert_eq!(journal_lines(&article), 0);
    // small sidecars are rewritten at once with the default policy
    saver.set_policy(AutosavePolicy::default());
    s.apply(Edit::Remove(2)).unwrap();
    assert!(matches!(saver.changed(&s, t0), Ok(Saved::Sidecar { .. })));
    assert_eq!(reopened(&article), sorted(&s));
}

#[test]
fn a_journal_left_by_a_crash_after_the_rewrite_is_dropped_as_already_applied() {
    let (_d, article, mut saver, mut s) = setup();
    let now = Instant::now();
    saver.changed(&s, now).unwrap();
    for (id, status) in [
        (1, Status::Rejected),
        (2, Status::Rejected),
        (1, Status::Pending),
    ] {
        s.apply(Edit::SetStatus { id, status }).unwrap();
        saver.changed(&s, now).unwrap();
    }
    let journal = journal_path(&storage::sidecar_path(&article));
    let lines = std::fs::read(&journal).unwrap();
    saver.flush(&s).unwrap();
    assert!(!journal.exists());
    // the crash: the journal's removal did not reach the disk
    std::fs::write(&journal, lines).unwrap();
    assert_eq!(reopened(&article), sorted(&s));
    assert!(!journal.exists() && !unapplied_path(&journal).exists());
}

#[test]
fn lines_over_a_sidecar_rewritten_by_someone_else_are_kept_aside() {
    let (_d, article, mut saver, mut s) = setup();
    let now = Instant::now();
    saver.changed(&s, now).unwrap();
    s.apply(Edit::Remove(1)).unwrap();
    saver.changed(&s, now).unwrap();
    // another program rewrites the sidecar (here: with one more annotation)
    let sidecar = storage::sidecar_path(&article);
    let mut other = session();
    let span = Span::new(other.document(), 35, 40).unwrap();
    let a = other.manual_annotation(span, Label::Location);
    other.apply(Edit::Add(a)).unwrap();
    std::fs::write(&sidecar, other.to_export().to_json()).unwrap();
    let notes = recover(&article);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        matches!(&notes[0], OpenNotice::JournalLeftOver { kept_in: Some(k), .. } if k == "a.txt.taliq.journal.unapplied"),
        "{notes:?}"
    );
    let journal = journal_path(&sidecar);
    assert!(!journal.exists() && unapplied_path(&journal).exists());
    assert_eq!(
        storage::read_sidecar(&sidecar).unwrap().unwrap(),
        other.to_export(),
        "the other program's file is left as it is"
    );
    // this window, still open, sees the change and moves its work aside
    s.apply(Edit::Remove(2)).unwrap();
    saver.changed(&s, now).unwrap();
    assert!(matches!(
        saver.flush(&s),
        Ok(Saved::Sidecar { moved_from: Some(p) }) if p == sidecar
    ));
    assert!(saver.sidecar().ends_with("a.txt.taliq.2.json"));
}

#[test]
fn a_torn_last_line_and_damaged_lines_are_skipped() {
    let entry = |id| JournalEntry {
        base: base_of(7),
        upsert: Vec::new(),
        remove: vec![id],
    };
    let good = |id| serde_json::to_string(&entry(id)).unwrap();
    let bytes = format!(
        "{}\n\n{{\"base\": 12\n{}\n{}",
        good(1),
        good(2),
        &good(3)[..9]
    );
    let c = parse(bytes.as_bytes());
    assert_eq!(c.entries, vec![entry(1), entry(2)]);
    assert_eq!((c.damaged_lines, c.torn_tail), (1, true));
    // a line appended after a torn one stays whole
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.journal");
    std::fs::write(&path, &good(3)[..9]).unwrap();
    append(&path, &entry(4)).unwrap();
    let c = parse(&std::fs::read(&path).unwrap());
    assert_eq!(c.entries, vec![entry(4)]);
    assert_eq!((c.damaged_lines, c.torn_tail), (1, false));
}

#[test]
fn replay_is_idempotent_and_skips_records_that_do_not_fit_the_text() {
    let s = session();
    let file = ExportFile::new(s.document(), &[]);
    let mut bad = AnnotationRecord::of(s.document(), &s.annotations()[0]);
    bad.text = "غير".into();
    let e = JournalEntry {
        base: base_of(1),
        upsert: vec![AnnotationRecord::of(s.document(), &s.annotations()[1]), bad],
        remove: vec![99],
    };
    let once = replay(&file, 1, std::slice::from_ref(&e)).unwrap();
    assert_eq!((once.applied, once.invalid_records), (1, 1));
    assert_eq!(once.file.annotations.len(), 1);
    let twice = replay(&file, 1, &[e.clone(), e]).unwrap();
    assert_eq!(twice.file, once.file);
    assert_eq!(
        once.file.annotations[0].origin,
        Origin::Manual,
        "records are restored whole"
    );
}
