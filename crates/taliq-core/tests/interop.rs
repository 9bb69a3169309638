//! Taliq's exports read by the other tools' own readers, run in the Python virtual
//! environment `.ci/run` makes from `tests/interop/requirements.txt` (its interpreter in
//! `TALIQ_PYTHON`). Without `TALIQ_PYTHON` the readers are not run and the test says so;
//! `.ci/run` always sets it.

#![allow(
    clippy::unwrap_used,
    reason = "a test that cannot set up its input fails there, with the error"
)]

mod support;

use support::{python, script};

use std::path::{Path, PathBuf};

use taliq_core::formats::exchange::Exporter;
use taliq_core::formats::label_studio::{LABELING_CONFIG, LabelStudio};
use taliq_core::model::annotation::{Annotation, Status};
use taliq_core::model::document::Document;

/// The sample article with its suggestions, the first half accepted (one with a note),
/// the rest pending; and the hard text of `support`, its quote with its speaker.
fn articles() -> Vec<(Document, Vec<Annotation>)> {
    support::noted_articles(0)
}

/// The regions a reader must see: `[start, end, label, kind]` in code points.
fn expected(anns: &[Annotation]) -> serde_json::Value {
    anns.iter()
        .filter_map(|a| {
            let kind = match a.status {
                Status::Accepted => "annotation",
                Status::Pending => "prediction",
                Status::Rejected => return None,
            };
            Some(serde_json::json!([
                a.span.start(),
                a.span.end(),
                a.label.as_str(),
                kind
            ]))
        })
        .collect()
}

#[test]
fn label_studio_sdk_reads_the_export_with_the_same_regions() {
    let Some(python) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let articles = articles();
    let refs: Vec<(&Document, &[Annotation])> =
        articles.iter().map(|(d, a)| (d, a.as_slice())).collect();
    let tasks = LabelStudio.export_all(&refs).unwrap();
    let want: Vec<serde_json::Value> = articles.iter().map(|(_, a)| expected(a)).collect();
    let (t, c, e) = (
        dir.path().join("tasks.json"),
        dir.path().join("config.xml"),
        dir.path().join("expected.json"),
    );
    std::fs::write(&t, &tasks.bytes).unwrap();
    std::fs::write(&c, LABELING_CONFIG).unwrap();
    std::fs::write(&e, serde_json::to_string(&want).unwrap()).unwrap();
    let run = std::process::Command::new(python)
        .arg(script("label_studio.py"))
        .args([&t, &c, &e])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "label-studio-sdk refused Taliq's export:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}

/// Label Studio's converter turns Taliq's task list into JSON-MIN (as Label Studio's
/// Export ▸ JSON-MIN does); Taliq reads that file back to the accepted annotations, and
/// writes the same regions in its own JSON-MIN export.
#[test]
fn label_studio_json_min_from_the_sdk_reads_back_to_the_accepted_annotations() {
    use taliq_core::formats::exchange::{Importer, LabelMap, Unknown, place};
    use taliq_core::formats::label_studio::min::LabelStudioMin;
    use taliq_core::model::format::FormatId;
    let Some(python) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let articles = articles();
    let refs: Vec<(&Document, &[Annotation])> =
        articles.iter().map(|(d, a)| (d, a.as_slice())).collect();
    let (t, c, o) = (
        dir.path().join("tasks.json"),
        dir.path().join("config.xml"),
        dir.path().join("min.json"),
    );
    std::fs::write(&t, LabelStudio.export_all(&refs).unwrap().bytes).unwrap();
    std::fs::write(&c, LABELING_CONFIG).unwrap();
    let run = std::process::Command::new(python)
        .arg(script("label_studio_min.py"))
        .args([&t, &c, &o])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "label-studio-sdk could not convert Taliq's export:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let sdk = std::fs::read(&o).unwrap();
    let docs = LabelStudioMin.import(&sdk).unwrap();
    assert_eq!(docs.len(), articles.len());
    let ours: serde_json::Value =
        serde_json::from_slice(&LabelStudioMin.export_all(&refs).unwrap().bytes).unwrap();
    let theirs: serde_json::Value = serde_json::from_slice(&sdk).unwrap();
    for (i, ((doc, anns), foreign)) in articles.iter().zip(&docs).enumerate() {
        let placed = place(
            doc,
            foreign,
            &LabelMap::default(),
            Unknown::Skip,
            1,
            FormatId::LabelStudioMin,
        );
        assert!(placed.problems.is_empty(), "{:?}", placed.problems);
        let mut got: Vec<_> = placed
            .annotations
            .iter()
            .map(|a| (a.span, a.label))
            .collect();
        let mut want: Vec<_> = anns
            .iter()
            .filter(|a| a.status == Status::Accepted)
            .map(|a| (a.span, a.label))
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "article {i}");
        let regions = |v: &serde_json::Value| {
            let mut r: Vec<String> = v["label"]
                .as_array()
                .unwrap()
                .iter()
                .map(ToString::to_string)
                .collect();
            r.sort();
            r
        };
        assert_eq!(regions(&ours[i]), regions(&theirs[i]), "article {i}");
        assert_eq!(ours[i]["text"], theirs[i]["text"]);
    }
}

/// Every Taliq JSON export (the sample with its facts, the hard text, a file imported
/// from another tool) validates against `crates/taliq-core/schema/taliq-annotations.schema.json` with the
/// `jsonschema` package, and a file with an unknown label does not.
#[test]
fn taliq_exports_validate_against_the_json_schema() {
    use taliq_core::formats::taliq::TaliqJson;
    let Some(python) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/taliq-annotations.schema.json");
    let mut files = Vec::new();
    for (i, (doc, anns)) in articles().iter().enumerate() {
        let mut anns = anns.clone();
        if i == 1 {
            anns[0].origin = taliq_core::model::annotation::Origin::Imported(Some(
                taliq_core::model::format::FormatId::Brat,
            ));
        }
        let path = dir.path().join(format!("{i}.json"));
        std::fs::write(&path, TaliqJson.export(doc, &anns).bytes).unwrap();
        files.push(path);
    }
    let run = |files: &[PathBuf]| {
        std::process::Command::new(&python)
            .arg(script("taliq_schema.py"))
            .arg(&schema)
            .args(files)
            .output()
            .unwrap()
    };
    let ok = run(&files);
    assert!(
        ok.status.success(),
        "jsonschema refused Taliq's export:\n{}\n{}",
        String::from_utf8_lossy(&ok.stdout),
        String::from_utf8_lossy(&ok.stderr)
    );
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        text.replacen("\"label\": \"PERSON\"", "\"label\": \"PEOPLE\"", 1),
    )
    .unwrap();
    assert!(
        !run(&[bad]).status.success(),
        "an unknown label must fail the schema"
    );
}
