//! Choosing the Arabic font (View ▸ Font, routed as `Action::SetFont`) with egui_kittest:
//! the article is laid out again in the chosen family, Latin runs stay in Noto Sans, the
//! choice is kept for the next run, and a saved font that is gone gives way to the bundled
//! face.
//!
//! The first test needs an installed font that covers Arabic (`.ci/run` installs
//! fonts-hosny-amiri); it fails, saying so, on a machine without one.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

mod support;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use taliq::settings::Settings;
use taliq::ui::{Action, Severity, TaliqApp};
use taliq_text::fonts::{ARABIC_FAMILY, LATIN_FAMILY};
use taliq_text::{SystemFonts, TextStyle};

/// The sample article in a fresh folder, and where settings are kept.
fn sample_with_settings() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (dir, path) = support::sample_in_tempdir();
    let settings = support::settings_in(dir.path());
    (dir, path, settings)
}

/// The app opened on `path` with `fonts`, keeping its settings in `settings`.
fn harness(path: &Path, settings: &Path, fonts: SystemFonts) -> Harness<'static, TaliqApp> {
    support::harness_with(
        Some(path.to_path_buf()),
        support::WINDOW,
        fonts,
        Some(settings.to_path_buf()),
    )
}

/// The families of the faces the glyphs of `text` are set in, split into the glyphs of
/// Arabic letters and those of ASCII letters and digits, laid out as the article is.
fn faces_used(app: &mut TaliqApp, text: &str) -> (Vec<String>, Vec<String>) {
    let engine = app.text_engine();
    let layout = engine.layout(text, &TextStyle::arabic(21.0), None, 1.0);
    let chars: Vec<char> = text.chars().collect();
    let (mut arabic, mut latin) = (Vec::new(), Vec::new());
    let db = engine.font_system().db();
    for g in layout.lines.iter().flat_map(|l| &l.glyphs) {
        let family = db
            .face(g.cache_key.font_id)
            .map(|f| f.families[0].0.clone())
            .unwrap_or_default();
        let c = chars[g.chars.start];
        if ('\u{0621}'..='\u{064A}').contains(&c) {
            arabic.push(family);
        } else if c.is_ascii_alphanumeric() {
            latin.push(family);
        }
    }
    (arabic, latin)
}

#[test]
fn a_chosen_font_sets_the_article_and_is_kept_for_the_next_run() {
    let (_dir, path, settings) = sample_with_settings();
    let mut h = harness(&path, &settings, SystemFonts::Load);
    let installed = h
        .state_mut()
        .text_engine()
        .installed_arabic_families()
        .to_vec();
    // Amiri when it is there (fonts-hosny-amiri), else any installed Arabic font
    let family = installed
        .iter()
        .find(|f| *f == "Amiri")
        .or(installed.first())
        .cloned()
        .expect(
            "no installed font covers Arabic: install one (apt-get install fonts-hosny-amiri) \
             to test choosing a font",
        );
    assert!(
        installed
            .windows(2)
            .all(|w| w[0].to_lowercase() <= w[1].to_lowercase()),
        "the installed families are listed sorted: {installed:?}"
    );
    assert!(
        !installed.iter().any(|f| f == LATIN_FAMILY),
        "Noto Sans has no Arabic"
    );

    let title_len = "بوتين وترامب".chars().count();
    let before = h.state().article_rects(0, title_len);
    assert!(!before.is_empty(), "the title is on screen");

    // View ▸ Font lists the bundled face first, then the installed ones; picking one
    // queues Action::SetFont
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Font").hover();
    h.run_steps(2);
    h.get_by_label("Noto Naskh Arabic (bundled)");
    h.get_by_label(&family).click();
    h.run_steps(3);
    assert_eq!(h.state().settings().font_family.as_deref(), Some(&*family));
    assert_eq!(h.state_mut().text_engine().arabic_family(), family);
    // the article was laid out again: the first words now have the new face's widths
    let after = h.state().article_rects(0, title_len);
    assert!(!after.is_empty());
    assert_ne!(before, after, "the title was laid out again in {family}");
    // Arabic letters are set in the chosen family, "G7" stays in the Latin face
    let title = taliq::cli::SAMPLE_TEXT.lines().next().unwrap();
    let (arabic, latin) = faces_used(h.state_mut(), title);
    assert!(
        !arabic.is_empty() && arabic.iter().all(|f| *f == family),
        "{arabic:?}"
    );
    assert_eq!(latin, [LATIN_FAMILY, LATIN_FAMILY], "G7");

    // kept in settings.json for the next run
    let saved = Settings::load(&settings).unwrap();
    assert_eq!(saved.font_family.as_deref(), Some(&*family));
    drop(h);
    let mut h = harness(&path, &settings, SystemFonts::Load);
    assert_eq!(h.state().settings().font_family.as_deref(), Some(&*family));
    assert_eq!(h.state_mut().text_engine().arabic_family(), family);
    assert_eq!(h.state().article_rects(0, title_len), after);

    // and back to the bundled face
    h.state_mut().queue(Action::SetFont(None));
    h.run_steps(3);
    assert_eq!(Settings::load(&settings).unwrap().font_family, None);
    let (arabic, _) = faces_used(h.state_mut(), title);
    assert!(arabic.iter().all(|f| f == ARABIC_FAMILY), "{arabic:?}");
    assert_eq!(h.state().article_rects(0, title_len), before);
}

#[test]
fn a_saved_font_that_is_no_longer_installed_falls_back_to_the_bundled_face() {
    let (_dir, path, settings) = sample_with_settings();
    let kept = Settings {
        font_size: 25.0,
        font_family: Some("Uninstalled Naskh".to_owned()),
        ..Settings::default()
    };
    kept.save(&settings).unwrap();
    let mut h = harness(&path, &settings, SystemFonts::Skip);
    assert_eq!(h.state().settings().font_family, None);
    assert!((h.state().settings().font_size - 25.0).abs() < f32::EPSILON);
    let (severity, msg) = h.state().status().expect("a message");
    assert_eq!(severity, Severity::Warning);
    assert!(
        msg.contains("Uninstalled Naskh") && msg.contains("Noto Naskh Arabic (bundled)"),
        "{msg}"
    );
    assert_eq!(h.state_mut().text_engine().arabic_family(), ARABIC_FAMILY);
    let title = taliq::cli::SAMPLE_TEXT.lines().next().unwrap();
    let (arabic, _) = faces_used(h.state_mut(), title);
    assert!(arabic.iter().all(|f| f == ARABIC_FAMILY), "{arabic:?}");
    // the file keeps the choice until a setting changes (the font may come back)
    assert_eq!(Settings::load(&settings).unwrap(), kept);
}

#[test]
fn choosing_a_font_that_is_not_installed_changes_nothing() {
    let (_dir, path, settings) = sample_with_settings();
    let mut h = harness(&path, &settings, SystemFonts::Skip);
    assert!(
        h.state_mut()
            .text_engine()
            .installed_arabic_families()
            .is_empty(),
        "only the bundled fonts are loaded"
    );
    h.state_mut()
        .queue(Action::SetFont(Some("Uninstalled Naskh".to_owned())));
    h.run_steps(3);
    assert_eq!(h.state().settings().font_family, None);
    assert_eq!(h.state_mut().text_engine().arabic_family(), ARABIC_FAMILY);
    let (severity, msg) = h.state().status().expect("a message");
    assert_eq!(severity, Severity::Warning);
    assert!(msg.contains("Uninstalled Naskh"), "{msg}");
    assert!(!settings.exists(), "nothing was saved");
}
