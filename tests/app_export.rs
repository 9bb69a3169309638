//! Exporting from the app, driven headless with egui_kittest: what an export holds and
//! reopening after it, where exports go and when writing over a file asks first, the log of
//! exports, and work not exported counted across a restart.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

mod support;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::{WINDOW, char_offset, harness, harness_with, sample_in_tempdir, settings_in};
use taliq::ui::{Action, TaliqApp, UiCommand};
use taliq_core::formats::taliq::ExportFile;
use taliq_core::model::annotation::{Origin, Status};
use taliq_core::model::label::Label;
use taliq_core::session::Provenance;
use taliq_text::SystemFonts;

#[test]
fn export_slices_back_and_reopening_restores_every_decision() {
    let (dir, path) = sample_in_tempdir();
    let out = dir.path().join("export.json");
    let (kept_id, rejected_id, manual_span);
    {
        let mut h = harness(&path);
        let s = h.state().session().unwrap();
        let anns = s.annotations().to_vec();
        kept_id = anns[0].id;
        rejected_id = anns[1].id;
        let doc_text = s.document().text().to_owned();
        let a = char_offset(&doc_text, "أجهزة التنفس");
        manual_span = (a, a + "أجهزة التنفس".chars().count());
        let app = h.state_mut();
        app.apply(Action::Accept(kept_id));
        app.apply(Action::Reject(rejected_id));
        app.apply(Action::SetNote(kept_id, "تحقق من الاسم".into()));
        app.apply(Action::SelectRange(manual_span.0, manual_span.1));
        app.apply(UiCommand::LabelSelection(Label::Misc));
        h.run_steps(2);
        h.state_mut().apply(Action::ExportTo(out.clone()));
        h.run_steps(1);
    }
    let json = std::fs::read_to_string(&out).unwrap();
    let file = ExportFile::from_json(&json).unwrap();
    assert_eq!(file.offset_unit, "unicode_scalar_value");
    assert_eq!(file.labels.len(), 7);
    let chars: Vec<char> = file.document.text.chars().collect();
    assert!(!file.annotations.is_empty());
    for a in &file.annotations {
        assert_eq!(
            chars[a.start..a.end].iter().collect::<String>(),
            a.text,
            "annotation {}",
            a.id
        );
    }
    let kept = file.annotations.iter().find(|a| a.id == kept_id).unwrap();
    assert_eq!(kept.status, Status::Accepted);
    assert_eq!(kept.note, "تحقق من الاسم");
    assert!(
        file.annotations
            .iter()
            .any(|a| a.origin == Origin::Manual && a.text == "أجهزة التنفس")
    );

    // reopen: every decision comes back from the sidecar
    let h = harness(&path);
    let s = h.state().session().unwrap();
    assert_eq!(s.provenance(), Provenance::Restored);
    assert_eq!(s.get(kept_id).unwrap().status, Status::Accepted);
    assert_eq!(s.get(kept_id).unwrap().note, "تحقق من الاسم");
    assert_eq!(s.get(rejected_id).unwrap().status, Status::Rejected);
    let manual = s
        .annotations()
        .iter()
        .find(|a| (a.span.start(), a.span.end()) == manual_span)
        .expect("manual annotation restored");
    assert_eq!((manual.label, manual.origin), (Label::Misc, Origin::Manual));
}

/// Issue 13: exports of `a.txt` and `a.html` in one folder went to the same
/// `a.annotations.json`, the second silently over the first.
#[test]
fn exports_of_two_articles_with_one_stem_never_collide_and_never_overwrite_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("a.txt");
    let html = dir.path().join("a.html");
    std::fs::write(&txt, taliq::cli::SAMPLE_TEXT).unwrap();
    std::fs::write(
        &html,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>خبر</title></head><body><article><h1>قمة العشرين</h1><p>قال الرئيس الروسي فلاديمير بوتين إن روسيا مستعدة للحوار مع الولايات المتحدة في أوساكا.</p><p>وأضاف بوتين أن الاتفاق مهم.</p></article></body></html>",
    )
    .unwrap();
    let accept_first = |h: &mut Harness<'_, TaliqApp>| {
        let id = h.state().session().unwrap().annotations()[0].id;
        h.state_mut().apply(Action::Accept(id));
    };
    let source_of = |p: &Path| {
        ExportFile::from_json(&std::fs::read_to_string(p).unwrap())
            .unwrap()
            .document
            .source
    };
    let mut h = harness(&txt);
    accept_first(&mut h);
    h.state_mut().apply(UiCommand::ExportChanged);
    h.state_mut().apply(Action::OpenPath(html.clone()));
    accept_first(&mut h);
    h.state_mut().apply(UiCommand::ExportChanged);
    let txt_export = dir.path().join("a.txt.annotations.json");
    let html_export = dir.path().join("a.html.annotations.json");
    assert_eq!(source_of(&txt_export), "a.txt");
    assert_eq!(source_of(&html_export), "a.html");

    // an export to a file written for another article asks first
    let other = dir.path().join("a.annotations.json");
    std::fs::copy(&txt_export, &other).unwrap();
    let before = std::fs::read(&other).unwrap();
    h.state_mut().apply(Action::ExportTo(other.clone()));
    h.run_steps(2);
    assert!(h.state().overwrite_prompt_shown());
    h.get_by_label_contains("holds the annotations of another article");
    assert_eq!(
        std::fs::read(&other).unwrap(),
        before,
        "nothing written yet"
    );
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(!h.state().overwrite_prompt_shown());
    // Esc answers it too (found by a tester)
    h.state_mut().apply(Action::ExportTo(other.clone()));
    h.run_steps(2);
    assert!(h.state().overwrite_prompt_shown());
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.state().overwrite_prompt_shown());
    assert_eq!(std::fs::read(&other).unwrap(), before);
    h.state_mut().apply(Action::ExportTo(other.clone()));
    h.run_steps(2);
    h.get_by_label("Overwrite it").click();
    h.run_steps(2);
    assert_eq!(source_of(&other), "a.html");
}

/// Found by a tester: `taliq f2` recorded its export as `f2/a.txt.annotations.json`, so a
/// later run started in another folder wrote over that folder's `f2/…` without asking.
#[test]
fn exports_are_recorded_with_absolute_paths_when_the_article_was_given_relative() {
    let (dir, path) = sample_in_tempdir();
    let cwd = std::env::current_dir().unwrap();
    let relative = pathdiff(&path, &cwd);
    assert!(relative.is_relative(), "{}", relative.display());
    let settings = settings_in(dir.path());
    let mut h = harness_with(Some(relative), WINDOW, SystemFonts::Skip, Some(settings));
    let id = h.state().session().unwrap().annotations()[0].id;
    h.state_mut().apply(Action::Accept(id));
    h.state_mut().apply(UiCommand::ExportChanged);
    let log: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("data/exports.json")).unwrap())
            .unwrap();
    let recorded: Vec<&str> = log["articles"]
        .as_object()
        .unwrap()
        .values()
        .map(|r| r["export"].as_str().unwrap())
        .collect();
    assert_eq!(recorded.len(), 1);
    assert!(Path::new(recorded[0]).is_absolute(), "{recorded:?}");
    assert!(
        dir.path()
            .join("putin-trump-call.ar.txt.annotations.json")
            .exists()
    );
}

/// `path` relative to `base` (both absolute): `../..` up to their common folder, then down.
fn pathdiff(path: &Path, base: &Path) -> PathBuf {
    let p: Vec<_> = path.components().collect();
    let b: Vec<_> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c);
    }
    out
}

#[test]
fn work_never_exported_is_still_unexported_after_a_restart() {
    let (dir, path) = sample_in_tempdir();
    let settings = settings_in(dir.path());
    let start = |path: &Path, settings: &Path| {
        harness_with(
            Some(path.to_path_buf()),
            WINDOW,
            SystemFonts::Skip,
            Some(settings.to_path_buf()),
        )
    };
    let mut h = start(&path, &settings);
    let id = h.state().session().unwrap().annotations()[0].id;
    assert!(
        h.state().unexported_articles().is_empty(),
        "suggestions only"
    );
    h.state_mut().apply(Action::Accept(id));
    h.run_steps(1);
    drop(h); // closed without exporting

    // the next run still counts the work as changed since its (missing) export
    let mut h = start(&path, &settings);
    assert_eq!(h.state().unexported_articles(), vec![path.clone()]);
    let export = dir.path().join("out.json");
    h.state_mut().apply(Action::ExportTo(export.clone()));
    assert!(h.state().unexported_articles().is_empty());
    drop(h);

    // exported: nothing to ask about after a restart, and the export path is remembered
    let mut h = start(&path, &settings);
    assert!(h.state().unexported_articles().is_empty());
    h.state_mut().apply(Action::Reject(id));
    h.run_steps(1);
    assert_eq!(h.state().unexported_articles(), vec![path.clone()]);
}
