//! Typing in the inspector's fields, driven headless with egui_kittest on the sample
//! article: an annotation's note (Arabic typing, saved when typing pauses and on quit, undo
//! inside the field and of a whole note edit), a quote's speaker, and a person's role and
//! nationality.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

mod support;

use egui::{Event, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::{harness, sample_in_tempdir};
use taliq::ui::{Action, TaliqApp, UiCommand};
use taliq_core::formats::taliq::ExportFile;
use taliq_core::model::annotation::Status;
use taliq_core::model::label::Label;

#[test]
fn arabic_note_is_typed_into_the_engine_field_and_saved() {
    let (_dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    let id = h.state().session().unwrap().annotations()[0].id;
    h.state_mut().apply(Action::Focus(id));
    h.run_steps(2);
    h.get_by_label("Note:").click();
    h.run_steps(2);
    h.event(Event::Text("اسم ثلاثي".into()));
    h.run_steps(1);
    // the plain-key shortcuts stay quiet while the field has focus
    h.key_press(egui::Key::Num1);
    h.run_steps(1);
    h.get_by_label("Save note").click();
    h.run_steps(3);
    let s = h.state().session().unwrap();
    assert_eq!(s.get(id).unwrap().note, "اسم ثلاثي");
    assert!(h.state().is_saved());

    // Ctrl+Z while typing belongs to the field, not to the annotation history
    h.get_by_label("Note:").click();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(1);
    assert_eq!(
        h.state().session().unwrap().get(id).unwrap().note,
        "اسم ثلاثي"
    );
    // … where it takes back the typing (found by a tester: it did nothing), and
    // Ctrl+Shift+Z brings it back
    assert_eq!(h.get_by_label("Note:").value().unwrap_or_default(), "");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::Z);
    h.run_steps(1);
    assert_eq!(
        h.get_by_label("Note:").value().unwrap_or_default(),
        "اسم ثلاثي"
    );

    // a note being typed is saved once typing pauses, without leaving the field, so a
    // crash loses at most the last second of typing
    h.event(Event::Text(" جدا".into()));
    h.run_steps(1);
    assert_eq!(
        h.state().session().unwrap().get(id).unwrap().note,
        "اسم ثلاثي"
    );
    std::thread::sleep(std::time::Duration::from_millis(1100));
    h.run_steps(2);
    assert_eq!(
        h.state().session().unwrap().get(id).unwrap().note,
        "اسم ثلاثي جدا"
    );
    assert!(h.state().is_saved(), "and it is on disk");
    h.key_press(egui::Key::Backspace);
    h.key_press(egui::Key::Backspace);
    h.key_press(egui::Key::Backspace);
    h.key_press(egui::Key::Backspace);
    h.run_steps(1);

    // a note still being typed is saved when the app quits
    h.event(Event::Text(" كامل".into()));
    h.run_steps(1);
    h.state_mut().apply(UiCommand::Quit);
    let sidecar = h.state().sidecar_path().unwrap().to_path_buf();
    let file = ExportFile::from_json(&std::fs::read_to_string(sidecar).unwrap()).unwrap();
    let saved = file.annotations.iter().find(|a| a.id == id).unwrap();
    assert_eq!(saved.note, "اسم ثلاثي كامل");
}

#[test]
fn a_long_note_wraps_and_keeps_every_word_in_order() {
    let (_dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    let id = h.state().session().unwrap().annotations()[0].id;
    h.state_mut().apply(Action::Focus(id));
    h.run_steps(2);
    h.get_by_label("Note:").click();
    h.run_steps(2);
    // the mouse rests over the field while typing (Space must not move the caret there)
    h.get_by_label("Note:").hover();
    h.run_steps(1);
    let words = [
        "one",
        " two",
        " three",
        " four",
        " five",
        " six",
        " seven",
        " eight",
        " nine",
        " ten",
        " eleven",
        " twelve",
        " ملاحظة",
        " طويلة",
        " جداً",
        " تلتف",
        " على",
        " عدة",
        " أسطر",
    ];
    for w in words {
        for c in w.chars() {
            if c == ' ' {
                // a real keyboard sends the key as well as the text
                h.key_press(egui::Key::Space);
            }
            h.event(Event::Text(c.to_string()));
            h.run_steps(1);
        }
    }
    h.get_by_label("Save note").click();
    h.run_steps(2);
    assert_eq!(
        h.state().session().unwrap().get(id).unwrap().note,
        words.concat()
    );
}

/// Issue 13: "Type AAA, pause, type BBB, pause, click outside, Ctrl+Z: the sidecar holds
/// AAA but the Note box still shows AAA BBB as unsaved and writes it back on the next
/// move." One note edit is one undo step, and the box follows undo and redo.
#[test]
fn one_note_edit_is_one_undo_step_and_the_note_box_follows_undo() {
    let (_dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    let id = h.state().session().unwrap().annotations()[0].id;
    let stored =
        |h: &Harness<'_, TaliqApp>| h.state().session().unwrap().get(id).unwrap().note.clone();
    let in_box = |h: &Harness<'_, TaliqApp>| h.get_by_label("Note:").value().unwrap_or_default();
    h.state_mut().apply(Action::Focus(id));
    h.run_steps(2);
    h.get_by_label("Note:").click();
    h.run_steps(2);
    for typed in ["AAA", " BBB"] {
        h.event(Event::Text(typed.into()));
        h.run_steps(1);
        // a pause in typing saves
        std::thread::sleep(std::time::Duration::from_millis(1100));
        h.run_steps(3);
    }
    assert_eq!(stored(&h), "AAA BBB");
    // click outside the field, then undo once
    h.get_by_label("Facts").click();
    h.run_steps(3);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(stored(&h), "", "one Ctrl+Z takes back the whole note edit");
    assert_eq!(in_box(&h), "", "the box shows the note as it is now");
    // moving on writes nothing back
    h.key_press(egui::Key::N);
    h.run_steps(3);
    assert_eq!(stored(&h), "");
    assert!(h.state().is_saved());
    // and redo brings the whole edit back
    h.state_mut().apply(Action::Focus(id));
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(stored(&h), "AAA BBB");
    assert_eq!(in_box(&h), "AAA BBB");
}

#[test]
fn a_quotes_speaker_is_picked_in_the_inspector_undone_and_exported() {
    let (dir, path) = sample_in_tempdir();
    let out = dir.path().join("export.json");
    let mut h = harness(&path);
    let s = h.state().session().unwrap();
    let quote = s
        .annotations()
        .iter()
        .find(|a| a.label == Label::Quote && a.facts.speaker.is_none())
        .expect("the sample has a quote without a speaker (أشار الجانبان)")
        .clone();
    let putin = s
        .entities()
        .into_iter()
        .find(|e| e.label() == Label::Person && e.canonical().contains("بوتين"))
        .unwrap();
    // the mention of بوتين nearest before the quote
    let nearest = putin
        .mentions
        .iter()
        .copied()
        .filter(|id| s.get(*id).unwrap().span.start() < quote.span.start())
        .max_by_key(|id| s.get(*id).unwrap().span.start())
        .unwrap();
    assert_eq!(quote.status, Status::Pending);
    h.state_mut().apply(Action::Focus(quote.id));
    h.run_steps(2);
    let combo = h.get_by_role_and_label(egui::Role::ComboBox, "Speaker");
    assert_eq!(combo.value().as_deref(), Some("no speaker"));
    combo.click();
    h.run_steps(2);
    // the list offers the people and organizations, by canonical name
    h.get_by_role_and_label(egui::Role::ListBoxOption, "الكرملين");
    h.get_by_role_and_label(egui::Role::ListBoxOption, putin.canonical())
        .click();
    h.run_steps(2);
    let q = h.state().session().unwrap().get(quote.id).unwrap().clone();
    let link = q.facts.speaker.expect("speaker set");
    assert_eq!(link.entity, putin.id);
    assert_eq!(link.mention, Some(nearest));
    assert_eq!(
        q.status,
        Status::Accepted,
        "correcting a suggestion accepts it"
    );
    assert!(h.state().is_saved(), "the correction reached the sidecar");
    assert_eq!(
        h.get_by_role_and_label(egui::Role::ComboBox, "Speaker")
            .value()
            .as_deref(),
        Some(putin.canonical())
    );

    // one undo step takes back both the speaker and the acceptance
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    let q = h.state().session().unwrap().get(quote.id).unwrap().clone();
    assert_eq!(q.facts.speaker, None);
    assert_eq!(q.status, Status::Pending);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::Z);
    h.run_steps(2);

    h.state_mut().apply(Action::ExportTo(out.clone()));
    h.run_steps(1);
    let json = std::fs::read_to_string(&out).unwrap();
    let file = ExportFile::from_json(&json).unwrap();
    let exported = file.annotations.iter().find(|a| a.id == quote.id).unwrap();
    let speaker = exported.facts.speaker.as_ref().expect("speaker exported");
    assert_eq!(speaker.entity, putin.id);
    assert_eq!(speaker.mention, Some(nearest));

    // "no speaker" clears it again
    h.get_by_role_and_label(egui::Role::ComboBox, "Speaker")
        .click();
    h.run_steps(2);
    h.get_by_role_and_label(egui::Role::ListBoxOption, "no speaker")
        .click();
    h.run_steps(2);
    let q = h.state().session().unwrap().get(quote.id).unwrap();
    assert_eq!(q.facts.speaker, None);
    assert_eq!(q.status, Status::Accepted);
}

#[test]
fn a_persons_role_and_nationality_are_typed_in_arabic_fields_and_undone() {
    let (dir, path) = sample_in_tempdir();
    let out = dir.path().join("export.json");
    let mut h = harness(&path);
    let person = h
        .state()
        .session()
        .unwrap()
        .annotations()
        .iter()
        .find(|a| {
            a.label == Label::Person
                && a.facts.attributes.as_ref().and_then(|x| x.role.as_deref()) == Some("الرئيس")
        })
        .expect("the sample names a president")
        .clone();
    let before = person.facts.attributes.clone().unwrap();
    assert!(before.nationality.is_some());
    h.state_mut().apply(Action::Focus(person.id));
    h.run_steps(2);
    let role = h.get_by_label("Role:");
    // the field shows the stored role and takes Arabic typing
    assert_eq!(role.value().as_deref(), Some("الرئيس"));
    role.click();
    h.run_steps(1);
    h.key_press(egui::Key::End);
    h.event(Event::Text(" السابق".into()));
    h.run_steps(1);
    // the plain-key shortcuts stay quiet while the field has focus
    h.key_press(egui::Key::R);
    h.run_steps(1);
    let a = h.state().session().unwrap().get(person.id).unwrap();
    assert_eq!(a.status, Status::Pending);
    assert_eq!(a.facts.attributes.as_ref(), Some(&before), "saved on Enter");
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    let a = h.state().session().unwrap().get(person.id).unwrap().clone();
    let attrs = a.facts.attributes.clone().unwrap();
    assert_eq!(attrs.role.as_deref(), Some("الرئيس السابق"));
    assert_eq!(attrs.nationality, before.nationality);
    assert_eq!(
        a.status,
        Status::Accepted,
        "correcting a suggestion accepts it"
    );
    assert!(h.state().is_saved());

    // emptying the nationality clears it
    h.get_by_label("Nationality:").click();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    let attrs = h
        .state()
        .session()
        .unwrap()
        .get(person.id)
        .unwrap()
        .facts
        .attributes
        .clone()
        .unwrap();
    assert_eq!(attrs.nationality, None);
    assert_eq!(attrs.role.as_deref(), Some("الرئيس السابق"));

    h.state_mut().apply(Action::ExportTo(out.clone()));
    h.run_steps(1);
    let json = std::fs::read_to_string(&out).unwrap();
    let file = ExportFile::from_json(&json).unwrap();
    let exported = file.annotations.iter().find(|a| a.id == person.id).unwrap();
    let attrs = exported.facts.attributes.clone().unwrap();
    assert_eq!(attrs.role.as_deref(), Some("الرئيس السابق"));
    assert_eq!(attrs.nationality, None);

    // undo restores the nationality, then the role and the pending state; the fields follow
    h.state_mut().apply(UiCommand::Undo);
    h.run_steps(2);
    assert_eq!(
        h.get_by_label("Nationality:").value(),
        before.nationality.clone()
    );
    h.state_mut().apply(UiCommand::Undo);
    h.run_steps(2);
    let a = h.state().session().unwrap().get(person.id).unwrap();
    assert_eq!(a.facts.attributes.as_ref(), Some(&before));
    assert_eq!(a.status, Status::Pending);
    assert_eq!(h.get_by_label("Role:").value().as_deref(), Some("الرئيس"));

    // what is typed is kept when the annotator moves on without Enter
    h.get_by_label("Role:").click();
    h.run_steps(1);
    h.key_press(egui::Key::End);
    h.event(Event::Text(" الروسي".into()));
    h.run_steps(1);
    let other = h.state().session().unwrap().annotations()[0].id;
    assert_ne!(other, person.id);
    h.state_mut().apply(Action::Focus(other));
    h.run_steps(2);
    let a = h.state().session().unwrap().get(person.id).unwrap();
    let attrs = a.facts.attributes.clone().unwrap();
    assert_eq!(attrs.role.as_deref(), Some("الرئيس الروسي"));
}
