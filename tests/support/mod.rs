//! What the app's integration tests share: articles written into fresh folders, the app
//! started headless in an egui_kittest harness, char offsets of a phrase, pointer and key
//! input, window close requests, and the `taliq` binary for the command-line tests.
//!
//! Each test file includes it with `mod support;`.

#![allow(dead_code, reason = "each test binary uses some of the helpers")]
#![allow(
    clippy::unwrap_used,
    reason = "a test that cannot set up its input fails there, with the error"
)]

use std::ops::Range;
use std::path::{Path, PathBuf};

use egui::{
    Event, Key, Modifiers, PointerButton, Pos2, ViewportCommand, ViewportEvent, ViewportId,
};
use egui_kittest::Harness;
use taliq::ui::{Action, TaliqApp};
use taliq_text::SystemFonts;

/// The file name the sample article is written under.
pub(crate) const SAMPLE_NAME: &str = "putin-trump-call.ar.txt";

/// The window size of most tests (points).
pub(crate) const WINDOW: egui::Vec2 = egui::vec2(1280.0, 860.0);

/// Writes `text` as the article `name` into `dir` and returns its path.
pub(crate) fn write_article(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Copies the sample article into a fresh folder, so sidecars, the lexicon and exports
/// land there.
pub(crate) fn sample_in_tempdir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = write_article(dir.path(), SAMPLE_NAME, taliq::cli::SAMPLE_TEXT);
    (dir, path)
}

/// Writes `text` as `article.txt` into a fresh folder, so sidecars land there.
pub(crate) fn article_in_tempdir(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = write_article(dir.path(), "article.txt", text);
    (dir, path)
}

/// Where a test keeps the app's settings (and its log of exports, `exports.json` beside
/// them): `dir/data/settings.json`, its folder created.
pub(crate) fn settings_in(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    data.join("settings.json")
}

/// The app opened on `path` (an article or a folder; nothing when `None`) in a `size`
/// window, with `fonts`, keeping its settings in `settings` (none when `None`: defaults,
/// nothing saved), after its first frames.
pub(crate) fn harness_with(
    path: Option<PathBuf>,
    size: egui::Vec2,
    fonts: SystemFonts,
    settings: Option<PathBuf>,
) -> Harness<'static, TaliqApp> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(20)
        .build_eframe(move |cc| TaliqApp::with_settings(&cc.egui_ctx, path, fonts, settings));
    h.run_steps(3);
    h
}

/// The app opened on `path` in a `size` window, bundled fonts only, no settings file.
pub(crate) fn harness_sized(path: &Path, size: egui::Vec2) -> Harness<'static, TaliqApp> {
    harness_with(Some(path.to_path_buf()), size, SystemFonts::Skip, None)
}

/// The app opened on `path` in a [`WINDOW`]-sized window, bundled fonts only, no
/// settings file.
pub(crate) fn harness(path: &Path) -> Harness<'static, TaliqApp> {
    harness_sized(path, WINDOW)
}

/// The char offset (Unicode scalar values, as the app counts) of the first `needle` in
/// `text`.
pub(crate) fn char_offset(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].chars().count()
}

/// The char range of the first `needle` in `text`, as `(start, end)`.
pub(crate) fn char_span(text: &str, needle: &str) -> (usize, usize) {
    let start = char_offset(text, needle);
    (start, start + needle.chars().count())
}

/// The char range of the last `needle` in `text`.
pub(crate) fn last_char_range(text: &str, needle: &str) -> Range<usize> {
    let byte = text.rfind(needle).expect("word in text");
    let start = text[..byte].chars().count();
    start..start + needle.chars().count()
}

/// Moves the pointer to `pos` and presses (or releases) the primary button there, in one
/// frame.
pub(crate) fn pointer_button<S>(h: &mut Harness<'_, S>, pos: Pos2, pressed: bool) {
    h.event(Event::PointerMoved(pos));
    h.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
    h.step();
}

/// Drags with the primary button from `from` to `to`, in six moves of one frame each.
pub(crate) fn drag<S>(h: &mut Harness<'_, S>, from: Pos2, to: Pos2) {
    pointer_button(h, from, true);
    for i in 1..=6 {
        let t = i as f32 / 6.0;
        h.event(Event::PointerMoved(from + (to - from) * t));
        h.step();
    }
    h.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.step();
}

/// Presses `key` with `modifiers` and runs one frame.
pub(crate) fn press<S>(h: &mut Harness<'_, S>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.step();
}

/// Presses `key` with `modifiers` and lets the scroll animation finish (30 frames).
pub(crate) fn press_and_settle<S>(h: &mut Harness<'_, S>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run_steps(30);
}

/// Applies `cmd` as the menus and keys do, then runs one frame.
pub(crate) fn apply(h: &mut Harness<'_, TaliqApp>, cmd: impl Into<Action>) {
    h.state_mut().apply(cmd);
    h.run_steps(1);
}

/// Asks to close the window, as its close button does, and runs one frame.
pub(crate) fn request_close<S>(h: &mut Harness<'_, S>) {
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    h.step();
}

/// True when the last frame sent `cmd` to the root window.
pub(crate) fn sent<S>(h: &Harness<'_, S>, cmd: &ViewportCommand) -> bool {
    h.output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(cmd))
}

/// The `taliq` binary of this build, as a script would run it.
pub(crate) fn taliq() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_taliq"))
}

/// Runs taliq with `args`, writes all of `input` to its stdin, closes it and waits.
pub(crate) fn run_with_stdin(
    args: impl IntoIterator<Item = impl AsRef<std::ffi::OsStr>>,
    input: &str,
) -> std::process::Output {
    use std::io::Write as _;
    use std::process::Stdio;
    let mut child = taliq()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// The path of the test fixture `tests/data/NAME`.
pub(crate) fn fixture(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Asserts that each annotation of an export printed by `taliq extract` (JSON) holds the
/// text its offsets cut out of the document text (offsets in Unicode scalar values).
pub(crate) fn assert_offsets_slice_the_text(json: &serde_json::Value) {
    let chars: Vec<char> = json["document"]["text"].as_str().unwrap().chars().collect();
    for a in json["annotations"].as_array().unwrap() {
        let (s, e) = (
            a["start"].as_u64().unwrap() as usize,
            a["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            a["text"].as_str().unwrap()
        );
    }
}
