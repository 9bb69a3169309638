//! The window around the article driven headless with egui_kittest: keyboard scrolling,
//! narrow windows, popup menus, the status line, and zoom, line spacing and theme kept for
//! the next run.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

mod support;

use std::path::PathBuf;

use egui::{Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::{
    WINDOW, article_in_tempdir, harness_sized, harness_with, press_and_settle, sample_in_tempdir,
    settings_in,
};
use taliq::settings::LineSpacing;
use taliq::ui::{Action, TaliqApp};
use taliq_text::SystemFonts;

/// Screen rectangle of the article's first char.
fn first_char(h: &Harness<'_, TaliqApp>) -> Rect {
    h.state().article_rects(0, 1)[0]
}

#[test]
fn page_keys_arrows_and_home_end_scroll_a_long_article() {
    let text = [taliq::cli::SAMPLE_TEXT; 3].join("\n");
    let (_dir, path) = article_in_tempdir(&text);
    let mut h = harness_sized(&path, WINDOW);
    let top = first_char(&h).top();
    let y = |h: &Harness<'_, TaliqApp>| first_char(h).top();

    press_and_settle(&mut h, Modifiers::NONE, Key::PageDown);
    let page = top - y(&h);
    assert!(page > 400.0, "PageDown scrolls about a screen: {page}");
    press_and_settle(&mut h, Modifiers::NONE, Key::ArrowDown);
    let line = top - y(&h) - page;
    assert!(
        (20.0..80.0).contains(&line),
        "Down scrolls about a line: {line}"
    );
    press_and_settle(&mut h, Modifiers::NONE, Key::ArrowUp);
    assert!((top - y(&h) - page).abs() < 1.0, "Up scrolls the line back");
    press_and_settle(&mut h, Modifiers::NONE, Key::PageUp);
    assert!((y(&h) - top).abs() < 1.0, "PageUp goes back a screen");

    // Ctrl+End: the last char is in view; Ctrl+Home: back at the start
    let n = text.chars().count();
    press_and_settle(&mut h, Modifiers::COMMAND, Key::End);
    let last = h.state().article_rects(n - 2, n - 1);
    assert!(
        last.first()
            .is_some_and(|r| r.bottom() < 860.0 && r.top() > 0.0),
        "the end of the article is shown: {last:?}"
    );
    press_and_settle(&mut h, Modifiers::COMMAND, Key::Home);
    assert!((y(&h) - top).abs() < 1.0, "Ctrl+Home goes to the start");
    // End and Home without Ctrl do the same
    press_and_settle(&mut h, Modifiers::NONE, Key::End);
    assert!(top - y(&h) > 2.0 * page, "End goes to the end");
    press_and_settle(&mut h, Modifiers::NONE, Key::Home);
    assert!((y(&h) - top).abs() < 1.0, "Home goes to the start");

    // Ctrl+PageDown is still "next article" (no folder here: nothing happens), not a scroll
    press_and_settle(&mut h, Modifiers::COMMAND, Key::PageDown);
    assert!((y(&h) - top).abs() < 1.0, "Ctrl+PageDown does not scroll");
}

#[test]
fn scroll_keys_belong_to_the_find_field_while_it_has_focus() {
    let text = [taliq::cli::SAMPLE_TEXT; 3].join("\n");
    let (_dir, path) = article_in_tempdir(&text);
    let mut h = harness_sized(&path, WINDOW);
    press_and_settle(&mut h, Modifiers::COMMAND, Key::F);
    let top = first_char(&h).top();
    for key in [Key::PageDown, Key::ArrowDown, Key::End] {
        press_and_settle(&mut h, Modifiers::NONE, key);
        assert!(
            (first_char(&h).top() - top).abs() < 1.0,
            "{key:?} in the find field does not scroll"
        );
    }
    // Esc closes the find bar; then the keys scroll again
    press_and_settle(&mut h, Modifiers::NONE, Key::Escape);
    let top = first_char(&h).top();
    press_and_settle(&mut h, Modifiers::NONE, Key::PageDown);
    assert!(top - first_char(&h).top() > 400.0);
}

/// Asserts that every rectangle of the article's first 300 chars lies between `left` and
/// `right` (screen points).
fn assert_text_between(h: &Harness<'_, TaliqApp>, left: f32, right: f32) {
    let rects = h.state().article_rects(0, 300);
    assert!(rects.len() > 5, "{rects:?}");
    for r in rects {
        assert!(
            r.left() >= left && r.right() <= right,
            "text at {r:?} outside {left}..{right}"
        );
    }
}

#[test]
fn in_a_500_px_window_the_facts_panel_collapses_and_every_arabic_line_start_is_visible() {
    let (_dir, path) = article_in_tempdir(taliq::cli::SAMPLE_TEXT);
    let mut h = harness_sized(&path, egui::vec2(500.0, 700.0));
    h.run_steps(20);
    assert_text_between(&h, 0.0, 500.0);
    assert!(
        h.query_by_label("Facts").is_none(),
        "the facts panel is collapsed"
    );
    // the strip's button shows the panel; the article still fits beside it
    h.get_by_label("⏵").click();
    h.run_steps(20);
    h.get_by_label("Facts");
    let facts_right = h.get_by_label("Facts").rect().left() + 250.0;
    assert_text_between(&h, facts_right, 500.0);
    // F9 hides it again
    press_and_settle(&mut h, Modifiers::NONE, Key::F9);
    h.run_steps(20);
    assert!(h.query_by_label("Facts").is_none());
    assert_text_between(&h, 0.0, 500.0);
}

#[test]
fn f9_hides_and_shows_the_facts_panel_in_a_wide_window() {
    let (_dir, path) = article_in_tempdir(taliq::cli::SAMPLE_TEXT);
    let mut h = harness_sized(&path, WINDOW);
    h.get_by_label("Facts");
    let wide_left = h.state().article_rects(0, 300)[0].left();
    press_and_settle(&mut h, Modifiers::NONE, Key::F9);
    h.run_steps(20);
    assert!(h.query_by_label("Facts").is_none());
    press_and_settle(&mut h, Modifiers::NONE, Key::F9);
    h.run_steps(20);
    h.get_by_label("Facts");
    assert!((h.state().article_rects(0, 300)[0].left() - wide_left).abs() < 1.0);
}

/// A folder of two articles (the sample twice), opened as a folder at `size`.
fn folder_harness(size: egui::Vec2) -> (tempfile::TempDir, Harness<'static, TaliqApp>) {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.txt"] {
        std::fs::write(dir.path().join(name), taliq::cli::SAMPLE_TEXT).unwrap();
    }
    let h = harness_sized(dir.path(), size);
    (dir, h)
}

#[test]
fn in_narrow_windows_the_article_text_stays_clear_of_the_folder_panel() {
    for (w, h_) in [(500.0, 700.0), (800.0, 600.0)] {
        let (_dir, mut h) = folder_harness(egui::vec2(w, h_));
        h.run_steps(20);
        assert!(h.state().session().is_some(), "{w}: an article is open");
        let folder_left = h.get_by_label("Articles").rect().left();
        assert!(folder_left < w - 150.0, "{w}: the folder panel is shown");
        assert_text_between(&h, 0.0, folder_left);
    }
}

#[test]
fn esc_closes_an_open_menu_and_a_drop_down_list_before_it_clears_the_focus() {
    let (_dir, path) = article_in_tempdir(taliq::cli::SAMPLE_TEXT);
    let mut h = harness_sized(&path, WINDOW);
    h.get_by_label("View").click();
    h.run_steps(3);
    h.get_by_label_contains("Larger text");
    press_and_settle(&mut h, Modifiers::NONE, Key::Escape);
    assert!(
        h.query_by_label_contains("Larger text").is_none(),
        "Esc closed the View menu"
    );

    // the Speaker list of a focused quote: Esc closes the list, the quote stays focused
    let quote = h
        .state()
        .session()
        .unwrap()
        .annotations()
        .iter()
        .find(|a| a.label == taliq_core::model::label::Label::Quote)
        .expect("the sample has a quote")
        .id;
    h.state_mut().apply(taliq::ui::Action::Focus(quote));
    h.run_steps(2);
    h.get_by_role_and_label(egui::Role::ComboBox, "Speaker")
        .click();
    h.run_steps(2);
    h.get_by_role_and_label(egui::Role::ListBoxOption, "no speaker");
    press_and_settle(&mut h, Modifiers::NONE, Key::Escape);
    assert!(
        h.query_by_role_and_label(egui::Role::ListBoxOption, "no speaker")
            .is_none(),
        "Esc closed the list"
    );
    h.get_by_role_and_label(egui::Role::ComboBox, "Speaker");
    // a second Esc clears the focus, as before
    press_and_settle(&mut h, Modifiers::NONE, Key::Escape);
    assert!(
        h.query_by_role_and_label(egui::Role::ComboBox, "Speaker")
            .is_none()
    );
}

/// The status line's message node (its label is the whole message).
fn status_message(h: &Harness<'_, TaliqApp>) -> Rect {
    let msg = h.state().status().expect("a message").1.to_owned();
    h.get_by_label(&msg).rect()
}

#[test]
fn a_long_status_message_keeps_its_start_in_view_on_a_row_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(
        "a-long-article-name-about-the-phone-call-between-putin-and-trump-on-the-g7-summit.txt",
    );
    std::fs::write(&path, taliq::cli::SAMPLE_TEXT).unwrap();
    for (w, h_) in [(1280.0, 860.0), (800.0, 600.0), (500.0, 700.0)] {
        let mut h = harness_sized(&path, egui::vec2(w, h_));
        h.run_steps(3);
        let msg = h.state().status().unwrap().1.to_owned();
        assert!(msg.starts_with("Opened a-long-article-name"), "{msg}");
        let r = status_message(&h);
        assert!(r.left() >= 0.0 && r.right() <= w, "{w}: message at {r:?}");
        assert!(r.bottom() <= h_, "{w}: message below the window: {r:?}");
        assert!(
            r.width() > (w - 60.0).min(300.0),
            "{w}: the start of the message is readable: {r:?}"
        );
        let row = h.get_by_label("UTF-8").rect();
        assert!(
            r.top() >= row.bottom() - 1.0,
            "{w}: on a row of its own below"
        );
    }
    // a message that fits stays on the row of the document facts
    let (_dir, path) = article_in_tempdir(taliq::cli::SAMPLE_TEXT);
    let h = harness_sized(&path, WINDOW);
    let r = status_message(&h);
    let row = h.get_by_label("UTF-8").rect();
    assert!(
        (r.center().y - row.center().y).abs() < 4.0,
        "inline when it fits"
    );
}

#[test]
fn reopening_after_a_kill_says_the_saved_journaled_actions_were_replayed_not_that_they_were_unsaved()
 {
    let (dir, path) = article_in_tempdir(taliq::cli::SAMPLE_TEXT);
    let journal = dir.path().join("article.txt.taliq.journal");
    {
        let mut h = harness_sized(&path, WINDOW);
        // every change journaled, as for a big article
        h.state_mut()
            .set_autosave_policy(taliq_core::workspace::journal::AutosavePolicy {
                immediate_max_bytes: 0,
                idle: std::time::Duration::from_hours(1),
                max_delay: std::time::Duration::from_hours(1),
                max_entries: usize::MAX,
            });
        // N, then A four times: the first decision writes the sidecar, three are journaled
        press_and_settle(&mut h, Modifiers::NONE, Key::N);
        for _ in 0..4 {
            press_and_settle(&mut h, Modifiers::NONE, Key::A);
        }
        assert!(h.state().is_saved(), "every decision is on disk");
        assert!(journal.exists(), "the last three are in the journal");
        // killed here: the harness is dropped without closing the app
    }
    let h = harness_sized(&path, WINDOW);
    let (severity, msg) = h.state().status().unwrap();
    assert!(
        msg.contains(
            "replayed 3 journaled action(s) from article.txt.taliq.journal into article.txt.taliq.json"
        ),
        "{msg}"
    );
    assert!(!msg.contains("unsaved"), "{msg}");
    assert_eq!(severity, taliq::ui::Severity::Info);
    let accepted = h
        .state()
        .session()
        .unwrap()
        .annotations()
        .iter()
        .filter(|a| a.status == taliq_core::model::annotation::Status::Accepted)
        .count();
    assert_eq!(accepted, 4);
}

#[test]
fn an_inferred_role_and_nationality_are_shown_as_values_said_to_come_from_the_text() {
    use taliq_core::model::annotation::Status;
    let (_dir, path) = article_in_tempdir(taliq::cli::SAMPLE_TEXT);
    let mut h = harness_sized(&path, WINDOW);
    let caption = "inferred from the text: correct it here, or accept it";
    let s = h.state().session().unwrap();
    let person = |with: bool| {
        s.annotations()
            .iter()
            .find(|a| {
                a.label == taliq_core::model::label::Label::Person
                    && a.facts.attributes.as_ref().is_some_and(|x| !x.is_empty()) == with
            })
            .unwrap()
            .clone()
    };
    let (inferred, plain) = (person(true), person(false));
    assert_eq!(inferred.status, Status::Pending);
    let attrs = inferred.facts.attributes.clone().unwrap();
    // a mention without attributes: empty fields, no caption
    h.state_mut().apply(taliq::ui::Action::Focus(plain.id));
    h.run_steps(2);
    assert!(h.query_by_label(caption).is_none());
    // the inferred ones: in the fields as values, with the caption
    h.state_mut().apply(taliq::ui::Action::Focus(inferred.id));
    h.run_steps(2);
    h.get_by_label(caption);
    assert_eq!(h.get_by_label("Role:").value(), attrs.role, "in its field");
    assert_eq!(h.get_by_label("Nationality:").value(), attrs.nationality);
    // once decided, the values are the annotator's: no caption
    h.get_by_label("✔ Accept").click();
    h.run_steps(3);
    assert_eq!(
        h.state()
            .session()
            .unwrap()
            .get(inferred.id)
            .unwrap()
            .status,
        Status::Accepted
    );
    assert!(h.query_by_label(caption).is_none());
}

#[test]
fn zoom_line_spacing_and_theme_are_kept_for_the_next_run() {
    let (dir, path) = sample_in_tempdir();
    let settings = settings_in(dir.path());
    let make = |settings: PathBuf, path: PathBuf| {
        harness_with(Some(path), WINDOW, SystemFonts::Skip, Some(settings))
    };
    let mut h = make(settings.clone(), path.clone());
    let before = h.state().settings().font_size;
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Plus);
    h.run_steps(1);
    h.state_mut()
        .apply(Action::SetLineSpacing(LineSpacing::Relaxed));
    h.state_mut()
        .apply(Action::SetTheme(taliq::settings::Theme::Light));
    h.run_steps(1);
    assert!(h.state().settings().font_size > before);
    drop(h);
    let h = make(settings, path);
    let s = h.state().settings();
    assert!(s.font_size > before);
    assert!((s.line_spacing - 2.2).abs() < 1e-6);
    assert_eq!(s.theme, taliq::settings::Theme::Light);
}
