//! The app driven headless with egui_kittest on the sample article: reviewing the
//! suggestions and labelling by hand. The facts panel, the inspector's buttons, a selection
//! by mouse, the label and review keys, undo and redo, find, and Help ▸ About.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

mod support;

use egui::{Event, Modifiers, Pos2};
use egui_kittest::kittest::Queryable;
use support::{char_offset, drag, harness, sample_in_tempdir};
use taliq::ui::{Action, UiCommand};
use taliq_core::formats::taliq::ExportFile;
use taliq_core::model::annotation::{Origin, Status};
use taliq_core::model::label::Label;
use taliq_core::session::Provenance;

#[test]
fn sample_loads_and_facts_panel_lists_putin_as_a_person() {
    let (_dir, path) = sample_in_tempdir();
    let h = harness(&path);
    let session = h.state().session().expect("article open");
    assert_eq!(session.provenance(), Provenance::Extracted);
    assert!(session.document().text().starts_with("بوتين وترامب"));
    let putin = session
        .entities()
        .into_iter()
        .find(|e| e.label() == Label::Person && e.canonical().contains("بوتين"))
        .expect("بوتين is a PERSON entity");
    // the facts panel shows the entity (painted by the text engine, exposed to accesskit)
    h.get_by_label(putin.canonical());
    assert!(putin.mentions.len() >= 5, "بوتين is mentioned often");
}

#[test]
fn suggestion_is_accepted_from_the_inspector() {
    let (_dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    let entity = h
        .state()
        .session()
        .unwrap()
        .entities()
        .into_iter()
        .find(|e| e.label() == Label::Person && e.canonical().contains("ترامب"))
        .unwrap();
    // clicking the name reveals (focuses) the first mention
    h.get_by_label(entity.canonical()).click();
    h.run_steps(3);
    h.get_by_label("✔ Accept").click();
    h.run_steps(3);
    let first = entity.mentions[0];
    let s = h.state().session().unwrap();
    assert_eq!(s.get(first).unwrap().status, Status::Accepted);
    assert!(h.state().is_saved(), "the decision reached the sidecar");
}

#[test]
fn selection_by_mouse_and_number_key_adds_a_manual_label() {
    let (_dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    let text = h.state().session().unwrap().document().text().to_owned();
    // a product the extractor does not suggest (MISC per the guidelines)
    let phrase = "أجهزة التنفس الاصطناعي";
    let start = char_offset(&text, phrase);
    let end = start + phrase.chars().count();
    assert!(
        !h.state()
            .session()
            .unwrap()
            .annotations()
            .iter()
            .any(|a| a.span.start() == start),
        "the phrase must not be a suggestion already"
    );
    // scroll it into view by focusing any annotation near it, then read its rectangles
    h.state_mut().queue(UiCommand::ClearSelection);
    let mut rects = h.state().article_rects(start, end);
    for _ in 0..10 {
        if rects.iter().all(|r| r.top() > 120.0 && r.bottom() < 800.0) && !rects.is_empty() {
            break;
        }
        h.event(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        h.event(Event::PointerMoved(Pos2::new(800.0, 400.0)));
        h.run_steps(3);
        rects = h.state().article_rects(start, end);
    }
    assert_eq!(rects.len(), 1, "phrase on one line: {rects:?}");
    let r = rects[0];
    // right-to-left: the phrase starts at its right edge
    drag(
        &mut h,
        Pos2::new(r.right() - 1.0, r.center().y),
        Pos2::new(r.left() + 1.0, r.center().y),
    );
    assert_eq!(h.state().selection(), Some((start, end)));
    h.key_press(egui::Key::Num6);
    h.run_steps(2);
    let s = h.state().session().unwrap();
    let ann = s
        .annotations()
        .iter()
        .find(|a| a.span.start() == start && a.span.end() == end)
        .expect("manual annotation added");
    assert_eq!(ann.label, Label::Misc);
    assert_eq!(ann.origin, Origin::Manual);
    assert_eq!(ann.status, Status::Accepted);
}

#[test]
fn undo_and_redo_shortcuts_cover_annotation_actions() {
    let (_dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    let id = h.state().session().unwrap().annotations()[0].id;
    h.state_mut().apply(Action::Reject(id));
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().session().unwrap().get(id).unwrap().status,
        Status::Pending
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().session().unwrap().get(id).unwrap().status,
        Status::Rejected
    );
}

#[test]
fn a_manual_span_replaces_the_pending_suggestions_it_overlaps_in_one_undo_step() {
    let (_dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    let text = h.state().session().unwrap().document().text().to_owned();
    let full = char_offset(&text, "دونالد ترامب");
    let suggestion = h
        .state()
        .session()
        .unwrap()
        .annotations()
        .iter()
        .find(|a| a.span.start() == full && a.span.len() == 12)
        .expect("دونالد ترامب is suggested")
        .id;
    let surname = full + 7;
    let app = h.state_mut();
    app.apply(Action::SelectRange(surname, surname + 5));
    app.apply(UiCommand::LabelSelection(Label::Person));
    let s = h.state().session().unwrap();
    assert_eq!(s.get(suggestion).unwrap().status, Status::Rejected);
    assert!(h.state().status().unwrap().1.contains("replaces 1"));
    // one undo step brings the suggestion back and removes the manual span
    h.state_mut().apply(UiCommand::Undo);
    let s = h.state().session().unwrap();
    assert_eq!(s.get(suggestion).unwrap().status, Status::Pending);
    assert!(!s.annotations().iter().any(|a| a.origin == Origin::Manual));
}

/// Labelling over an accepted annotation corrects it: the flat layer never holds two
/// overlapping accepted spans (guideline rule 6), the export has one, and one undo step
/// brings the first decision back.
#[test]
fn labelling_over_an_accepted_span_replaces_it_and_the_export_stays_flat() {
    let (dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    let text = h.state().session().unwrap().document().text().to_owned();
    let full = char_offset(&text, "دونالد ترامب");
    let app = h.state_mut();
    // accept a manual span on the given name only, then label the full name
    app.apply(Action::SelectRange(full, full + 6));
    app.apply(UiCommand::LabelSelection(Label::Person));
    app.apply(Action::SelectRange(full, full + 12));
    app.apply(UiCommand::LabelSelection(Label::Person));
    let (_, status) = h.state().status().unwrap();
    assert!(status.contains("replaces the accepted PERSON"), "{status}");
    let s = h.state().session().unwrap();
    let live: Vec<_> = s
        .annotations()
        .iter()
        .filter(|a| a.status == Status::Accepted && a.label != Label::Quote)
        .map(|a| (a.span.start(), a.span.end()))
        .collect();
    assert!(live.contains(&(full, full + 12)), "{live:?}");
    assert!(!live.contains(&(full, full + 6)), "{live:?}");
    for (i, a) in live.iter().enumerate() {
        for b in &live[i + 1..] {
            assert!(a.1 <= b.0 || b.1 <= a.0, "{a:?} overlaps {b:?}");
        }
    }
    let out = dir.path().join("flat.json");
    h.state_mut().apply(Action::ExportTo(out.clone()));
    let file: ExportFile = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let accepted: Vec<_> = file
        .annotations
        .iter()
        .filter(|a| a.status == Status::Accepted && a.label != Label::Quote)
        .map(|a| (a.start, a.end))
        .collect();
    for (i, a) in accepted.iter().enumerate() {
        for b in &accepted[i + 1..] {
            assert!(a.1 <= b.0 || b.1 <= a.0, "exported {a:?} overlaps {b:?}");
        }
    }
    // one undo step: the given-name span is back, the full name gone
    h.state_mut().apply(UiCommand::Undo);
    let s = h.state().session().unwrap();
    assert!(s.annotations().iter().any(|a| a.origin == Origin::Manual
        && a.status == Status::Accepted
        && (a.span.start(), a.span.end()) == (full, full + 6)));
    assert!(
        !s.annotations()
            .iter()
            .any(|a| a.origin == Origin::Manual
                && (a.span.start(), a.span.end()) == (full, full + 12))
    );
}

#[test]
fn a_label_key_relabels_the_focused_annotation_when_nothing_is_selected() {
    let (_dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    let id = h.state().session().unwrap().annotations()[0].id;
    h.state_mut().apply(Action::Focus(id));
    h.run_steps(1);
    h.key_press(egui::Key::Num6);
    h.run_steps(1);
    let a = h.state().session().unwrap().get(id).unwrap().clone();
    assert_eq!((a.label, a.status), (Label::Misc, Status::Accepted));
}

#[test]
fn keyboard_review_accepts_and_moves_to_the_next_suggestion() {
    let (_dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    let pending: Vec<u64> = h
        .state()
        .session()
        .unwrap()
        .annotations()
        .iter()
        .map(|a| a.id)
        .take(3)
        .collect();
    h.key_press(egui::Key::N);
    h.run_steps(1);
    h.key_press(egui::Key::A);
    h.run_steps(1);
    // what the folder learned from the acceptance stays over the review progress
    let msg = h.state().status().unwrap().1.to_owned();
    assert!(msg.contains("will be suggested as"), "{msg}");
    h.key_press(egui::Key::R);
    h.run_steps(1);
    let s = h.state().session().unwrap();
    assert_eq!(s.get(pending[0]).unwrap().status, Status::Accepted);
    assert_eq!(s.get(pending[1]).unwrap().status, Status::Rejected);
    assert_eq!(s.get(pending[2]).unwrap().status, Status::Pending);
    // a rejection says what it means ("wrong here"), with where the review is (found by
    // a tester: the review's progress replaced it in the same frame)
    let msg = h.state().status().unwrap().1.to_owned();
    assert!(
        msg.contains("Rejected here only") && msg.contains("await review"),
        "{msg}"
    );
    // so does Delete on a suggestion
    h.key_press(egui::Key::Delete);
    h.run_steps(1);
    let msg = h.state().status().unwrap().1.to_owned();
    assert!(
        msg.contains("Delete keeps a suggestion as rejected") && msg.contains("await review"),
        "{msg}"
    );
}

#[test]
fn several_key_presses_within_one_frame_all_count() {
    let (_dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    h.key_press(egui::Key::N);
    h.run_steps(1);
    for _ in 0..4 {
        h.key_press(egui::Key::A);
    }
    h.run_steps(1);
    let accepted = h
        .state()
        .session()
        .unwrap()
        .annotations()
        .iter()
        .filter(|a| a.status == Status::Accepted)
        .count();
    assert_eq!(accepted, 4);
}

#[test]
fn a_name_is_never_labelled_across_a_line_break_but_a_quote_may_be() {
    let (_dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    let text = h.state().session().unwrap().document().text().to_owned();
    // from «وقمة "G7"» in the title into the first word of the next paragraph
    let s = char_offset(&text, "وقمة");
    let e = char_offset(&text, "الرئيسان") + 3;
    let before = h.state().session().unwrap().annotations().len();
    h.state_mut().apply(Action::SelectRange(s, e));
    h.state_mut()
        .apply(UiCommand::LabelSelection(Label::Organization));
    let (sev, msg) = h.state().status().unwrap();
    assert_eq!(sev, taliq::ui::Severity::Warning);
    assert!(msg.contains("line break"), "{msg}");
    assert_eq!(h.state().session().unwrap().annotations().len(), before);
    // a quote may span lines; its message stays on one line
    h.state_mut().apply(Action::SelectRange(s, e));
    h.state_mut().apply(UiCommand::LabelSelection(Label::Quote));
    let (sev, msg) = h.state().status().unwrap();
    assert_eq!(sev, taliq::ui::Severity::Info, "{msg}");
    assert!(!msg.contains('\n'), "{msg}");
}

#[test]
fn find_matches_across_diacritics_and_letter_variants() {
    let (_dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::F);
    h.run_steps(2);
    // typed without hamza and with teh marbuta as heh: still finds الأوبئة (twice in the text)
    h.event(Event::Text("الاوبئه".into()));
    h.run_steps(2);
    assert_eq!(h.state().find_position(), Some((0, 2)));
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().find_position(), Some((1, 2)));
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().find_position(), None);
}

#[test]
fn dates_are_described_in_words_in_the_facts_panel() {
    let (_dir, path) = sample_in_tempdir();
    let h = harness(&path);
    // اليوم الاثنين, 28 حزيران/ يونيو 2019, أيار/ مايو الماضي
    h.get_by_label("Monday (relative: today)");
    h.get_by_label("28 June 2019");
    h.get_by_label("last May");
    assert!(h.query_by_label("relative:0d,weekday:MON").is_none());
}

/// Issue 14: Help ▸ About shows the licence and every bundled work of others.
#[test]
fn help_about_shows_the_notice_of_the_bundled_fonts_and_word_lists() {
    let (_dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    h.state_mut().apply(UiCommand::ShowAbout);
    h.run_steps(3);
    for needle in [
        "SIL Open Font License 1.1",
        "CC BY-SA 3.0",
        "Unicode License v3",
    ] {
        assert!(
            h.query_all_by_label_contains(needle).next().is_some(),
            "{needle}"
        );
    }
}
