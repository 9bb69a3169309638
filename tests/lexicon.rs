//! Undo and redo of the annotator's decisions also unteach and reteach the folder's
//! project lexicon (`taliq-lexicon.txt`), driven headless with egui_kittest.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use taliq::annotation::Status;
use taliq::label::Label;
use taliq::text::SystemFonts;
use taliq::ui::{Command, TaliqApp};

/// Copies the sample article into a fresh folder, so the sidecar and lexicon land there.
fn sample_in_tempdir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("putin-trump-call.ar.txt");
    std::fs::write(&path, taliq::cli::SAMPLE_TEXT).unwrap();
    (dir, path)
}

fn harness(path: &Path) -> Harness<'static, TaliqApp> {
    let path = path.to_path_buf();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 860.0))
        .with_max_steps(20)
        .build_eframe(move |cc| TaliqApp::new(&cc.egui_ctx, Some(path), SystemFonts::Skip));
    h.run_steps(3);
    h
}

/// The lexicon file's text ("" while it does not exist).
fn lexicon(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("taliq-lexicon.txt")).unwrap_or_default()
}

/// The ids of the pending suggestions with this label and text, in text order.
fn pending(h: &Harness<'_, TaliqApp>, label: Label, text: &str) -> Vec<u64> {
    let s = h.state().session().unwrap();
    s.annotations()
        .iter()
        .filter(|a| {
            a.label == label
                && a.status == Status::Pending
                && s.document().slice(a.span.start(), a.span.end()) == text
        })
        .map(|a| a.id)
        .collect()
}

fn apply(h: &mut Harness<'_, TaliqApp>, cmd: Command) {
    h.state_mut().apply(cmd);
    h.run_steps(1);
}

#[test]
fn undo_unteaches_a_decision_and_redo_teaches_it_again() {
    let (dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    let learned = "+ PERSON\tترامب\t";
    let rejected = "- ORGANIZATION\tالكرملين\n";

    // accept a name → learned; undo → gone from the file; redo → back
    let trump = pending(&h, Label::Person, "ترامب");
    assert!(trump.len() >= 2, "{trump:?}");
    apply(&mut h, Command::Accept(trump[0]));
    assert!(
        lexicon(dir.path()).contains(learned),
        "{}",
        lexicon(dir.path())
    );
    apply(&mut h, Command::Undo);
    let text = lexicon(dir.path());
    assert!(text.starts_with("# taliq-lexicon 1"), "{text}");
    assert!(!text.contains("ترامب"), "{text}");
    apply(&mut h, Command::Redo);
    assert!(
        lexicon(dir.path()).contains(learned),
        "{}",
        lexicon(dir.path())
    );

    // reject a suggestion → listed as rejected; undo → no longer rejected
    let kremlin = pending(&h, Label::Organization, "الكرملين");
    assert!(!kremlin.is_empty());
    apply(&mut h, Command::Reject(kremlin[0]));
    assert!(
        lexicon(dir.path()).contains(rejected),
        "{}",
        lexicon(dir.path())
    );
    // and the annotator is told that it acts on the whole folder
    let msg = h.state().status().unwrap().1.to_owned();
    assert!(
        msg.contains("no longer be suggested") && msg.contains("Ctrl+Z"),
        "{msg}"
    );
    apply(&mut h, Command::Undo);
    let text = lexicon(dir.path());
    assert!(!text.contains("الكرملين"), "{text}");
    // the earlier, still applied decision keeps teaching
    assert!(text.contains(learned), "{text}");
    apply(&mut h, Command::Redo);
    assert!(
        lexicon(dir.path()).contains(rejected),
        "{}",
        lexicon(dir.path())
    );
}

#[test]
fn a_name_taught_twice_stays_until_both_decisions_are_undone() {
    let (dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    let learned = "+ PERSON\tترامب\t";
    let trump = pending(&h, Label::Person, "ترامب");
    assert!(trump.len() >= 2, "{trump:?}");
    apply(&mut h, Command::Accept(trump[0]));
    apply(&mut h, Command::Accept(trump[1]));
    assert!(lexicon(dir.path()).contains(learned));
    // the second mention still teaches the name
    apply(&mut h, Command::Undo);
    assert!(
        lexicon(dir.path()).contains(learned),
        "{}",
        lexicon(dir.path())
    );
    apply(&mut h, Command::Undo);
    assert!(
        !lexicon(dir.path()).contains("ترامب"),
        "{}",
        lexicon(dir.path())
    );
    // a new decision after an undo is not undone by a stale redo
    apply(&mut h, Command::Accept(trump[1]));
    apply(&mut h, Command::Redo);
    assert!(
        lexicon(dir.path()).contains(learned),
        "{}",
        lexicon(dir.path())
    );
}
