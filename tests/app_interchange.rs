//! Other tools' formats in the app, driven headless with egui_kittest: a Label Studio file
//! with a finished annotation and predictions imported into the sample article (one undo
//! step, shown in the facts panel, never over a decision), then exported to doccano and
//! Label Studio.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

mod support;

use egui_kittest::kittest::Queryable;
use support::{char_span, harness, sample_in_tempdir};
use taliq::ui::{Action, UiCommand};
use taliq_core::model::annotation::{Origin, Status};
use taliq_core::model::label::Label;
use taliq_core::workspace::convert::FormatId;

#[test]
fn a_label_studio_file_comes_in_as_one_step_and_goes_out_to_doccano() {
    let (dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    let text = h.state().session().unwrap().document().text().to_owned();
    let before = h.state().session().unwrap().annotations().to_vec();
    let (b0, b1) = char_span(&text, "أجهزة التنفس");
    let (s0, s1) = char_span(&text, "الاستقرار الاستراتيجي");
    let tasks = serde_json::json!([{
        "data": {"text": text},
        "annotations": [{"result": [
            {"id": "r1", "type": "labels", "from_name": "label", "to_name": "text",
             "value": {"start": s0, "end": s1, "labels": ["MISC"]}},
            {"id": "r1", "type": "textarea", "from_name": "note", "to_name": "text",
             "value": {"start": s0, "end": s1, "text": ["من فريق التحقق"]}}]}],
        "predictions": [{"model_version": "other", "result": [
            {"id": "p1", "type": "labels", "from_name": "label", "to_name": "text",
             "value": {"start": b0, "end": b1, "labels": ["PRODUCT"]}}]}]
    }]);
    let file = dir.path().join("tasks.json");
    std::fs::write(&file, tasks.to_string()).unwrap();
    h.state_mut().apply(Action::ImportFrom(file));
    h.run_steps(3);
    let (severity, said) = h.state().status().unwrap();
    assert!(
        said.starts_with("Imported Label Studio JSON (same text): 2 annotation(s) added"),
        "{said} ({severity:?})"
    );
    let s = h.state().session().unwrap();
    let find = |start, end| {
        s.annotations()
            .iter()
            .find(|a| a.span.start() == start && a.span.end() == end)
            .unwrap()
            .clone()
    };
    let finished = find(s0, s1);
    assert_eq!(
        (finished.origin, finished.status, finished.label),
        (
            Origin::Imported(Some(taliq_core::workspace::convert::FormatId::LabelStudio)),
            Status::Accepted,
            Label::Misc
        )
    );
    assert_eq!(finished.note, "من فريق التحقق");
    let predicted = find(b0, b1);
    assert_eq!(
        (predicted.status, predicted.label),
        (Status::Pending, Label::Misc)
    );
    // the facts panel lists them
    h.get_by_label("أجهزة التنفس");
    h.get_by_label("الاستقرار الاستراتيجي");

    // exported to doccano: the accepted one, in UTF-16 units (the same here: no emoji)
    let out = dir.path().join("out.doccano.jsonl");
    h.state_mut()
        .apply(Action::ExportFormatTo(FormatId::Doccano, out.clone()));
    let line: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&out).unwrap().trim_end()).unwrap();
    assert_eq!(line["entities"][0]["start_offset"], s0);
    assert_eq!(line["Comments"][0], "من فريق التحقق");
    let (severity, said) = h.state().status().unwrap();
    assert!(said.contains("has no place for"), "{said} ({severity:?})");

    // one Undo takes the import back
    h.state_mut().apply(UiCommand::Undo);
    assert_eq!(
        h.state().session().unwrap().annotations(),
        before.as_slice()
    );

    // a file that is not of a known format is refused, and nothing changes
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"something\": 1}").unwrap();
    h.state_mut().apply(Action::ImportFrom(bad));
    let (_, said) = h.state().status().unwrap();
    assert!(said.starts_with("Import failed"), "{said}");
    assert_eq!(
        h.state().session().unwrap().annotations(),
        before.as_slice()
    );
}

/// A file with labels Taliq does not know asks first what each becomes; the choices made
/// there are used, and remembered in the folder's `taliq-labels.txt` when asked, so the
/// next import of such a file asks nothing.
#[test]
fn unknown_labels_are_asked_about_and_remembered_for_the_folder() {
    let (dir, path) = sample_in_tempdir();
    let mut h = harness(&path);
    let text = h.state().session().unwrap().document().text().to_owned();
    let before = h.state().session().unwrap().annotations().to_vec();
    let (s0, s1) = char_span(&text, "الاستقرار الاستراتيجي");
    let (b0, b1) = char_span(&text, "أجهزة التنفس");
    let tasks = serde_json::json!([{
        "data": {"text": text},
        "annotations": [{"result": [
            {"id": "r1", "type": "labels", "from_name": "label", "to_name": "text",
             "value": {"start": s0, "end": s1, "labels": ["TOPIC"]}},
            {"id": "r2", "type": "labels", "from_name": "label", "to_name": "text",
             "value": {"start": b0, "end": b1, "labels": ["DEVICE"]}}]}]
    }]);
    let file = dir.path().join("tasks.json");
    std::fs::write(&file, tasks.to_string()).unwrap();
    h.state_mut().apply(Action::ImportFrom(file.clone()));
    h.run_steps(3);
    // asked, nothing imported yet
    h.get_by_label("Labels Taliq does not know");
    assert_eq!(
        h.state().session().unwrap().annotations(),
        before.as_slice()
    );
    // DEVICE is left out; TOPIC comes in as MISC; remembered
    // the rows are in name order: DEVICE, then TOPIC, each MISC to begin with
    h.get_by_role_and_label(egui::Role::ComboBox, "What DEVICE becomes")
        .click();
    h.run_steps(2);
    h.get_by_label("skip (leave out)").click();
    h.run_steps(2);
    h.get_by_label("Remember these choices for this folder (in taliq-labels.txt)")
        .click();
    h.run_steps(2);
    h.get_by_label("Import").click();
    h.run_steps(3);
    let (severity, said) = h.state().status().unwrap();
    assert!(
        said.contains("1 annotation(s) added"),
        "{said} ({severity:?})"
    );
    let map = std::fs::read_to_string(dir.path().join("taliq-labels.txt")).unwrap();
    assert!(
        map.contains("TOPIC = MISC") && map.contains("DEVICE = skip"),
        "{map}"
    );
    let s = h.state().session().unwrap();
    assert!(
        s.annotations()
            .iter()
            .any(|a| a.span.start() == s0 && a.label == Label::Misc)
    );
    assert!(
        !s.annotations()
            .iter()
            .any(|a| a.span.start() == b0 && a.origin.is_imported())
    );
    // the second import of the same kind of file asks nothing
    h.state_mut().apply(UiCommand::Undo);
    h.state_mut().apply(Action::ImportFrom(file));
    h.run_steps(3);
    assert!(h.query_by_label("Labels Taliq does not know").is_none());
}

/// With a folder open, a project export of several documents reaches every article it
/// holds: the open one as one undo step, the others in their sidecars; a document of no
/// article here is named.
#[test]
fn a_project_export_imports_into_every_article_of_the_open_folder() {
    use taliq_core::workspace::storage::{read_sidecar, sidecar_path};
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let (ta, tb) = ("قال الرئيس بوتين في موسكو", "زار ترامب القاهرة أمس");
    std::fs::write(dir.join("1-a.txt"), ta).unwrap();
    std::fs::write(dir.join("2-b.txt"), tb).unwrap();
    let region = |(s, e): (usize, usize), l: &str| {
        serde_json::json!({"id": format!("r{s}"), "type": "labels", "from_name": "label",
                           "to_name": "text", "value": {"start": s, "end": e, "labels": [l]}})
    };
    let tasks = serde_json::json!([
        {"data": {"text": ta}, "annotations": [{"result": [region(char_span(ta, "الرئيس"), "TITLE")]}]},
        {"data": {"text": tb}, "annotations": [{"result": [region(char_span(tb, "أمس"), "DATE")]}]},
        {"data": {"text": "نص آخر"}, "annotations": [{"result": []}]}
    ]);
    let file = dir.join("project.json");
    std::fs::write(&file, tasks.to_string()).unwrap();
    let mut h = support::harness_with(
        Some(dir.clone()),
        egui::vec2(1400.0, 860.0),
        taliq_text::SystemFonts::Skip,
        None,
    );
    let before = h.state().session().unwrap().annotations().to_vec();
    h.state_mut().apply(Action::ImportFrom(file));
    h.run_steps(3);
    // TITLE is not known: asked first, nothing written yet
    h.get_by_label("Labels Taliq does not know");
    assert!(!sidecar_path(&dir.join("2-b.txt")).exists());
    h.get_by_label("Import").click();
    h.run_steps(3);
    let (_, said) = h.state().status().unwrap();
    assert!(
        said.starts_with("Imported Label Studio JSON into 2 article(s) of the folder"),
        "{said}"
    );
    assert!(
        said.contains("1 document(s) of the file match no article"),
        "{said}"
    );
    let b = read_sidecar(&sidecar_path(&dir.join("2-b.txt")))
        .unwrap()
        .unwrap();
    assert!(
        b.annotations
            .iter()
            .any(|r| r.text == "أمس" && r.label == Label::Date && r.status == Status::Accepted)
    );
    assert!(
        h.state()
            .session()
            .unwrap()
            .annotations()
            .iter()
            .any(|a| a.origin.is_imported() && a.label == Label::Misc)
    );
    h.state_mut().apply(UiCommand::Undo);
    assert_eq!(
        h.state().session().unwrap().annotations(),
        before.as_slice()
    );
}
