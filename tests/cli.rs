//! `taliq extract FILE` as a script would use it.

use std::process::Command;

use serde_json::Value;

fn taliq() -> Command {
    Command::new(env!("CARGO_BIN_EXE_taliq"))
}

#[test]
fn extract_prints_the_export_json_with_the_guideline_spans_of_the_sample() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/putin-trump-call.ar.txt");
    let out = taliq().args(["extract", sample]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["format"], "taliq-annotations");
    assert_eq!(json["offset_unit"], "unicode_scalar_value");
    let text: Vec<char> = json["document"]["text"].as_str().unwrap().chars().collect();
    let anns = json["annotations"].as_array().unwrap();
    let has = |start: usize, end: usize, label: &str| {
        anns.iter()
            .any(|a| a["start"] == start && a["end"] == end && a["label"] == label)
    };
    for a in anns {
        let (s, e) = (
            a["start"].as_u64().unwrap() as usize,
            a["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..e].iter().collect::<String>(),
            a["text"].as_str().unwrap()
        );
    }
    // offsets as in the gold of this article (shared/corpus/dev-gold.jsonl, seed-000)
    let find = |needle: &str| -> usize {
        let s: String = text.iter().collect();
        s[..s.find(needle).unwrap()].chars().count()
    };
    assert!(has(0, 5, "PERSON"), "بوتين");
    assert!(has(7, 12, "PERSON"), "ترامب");
    let russia = find("روسيا");
    assert!(has(russia, russia + 5, "LOCATION"), "روسيا");
    let usa = find("الولايات المتحدة الأميركية");
    assert!(has(usa, usa + 26, "LOCATION"), "الولايات المتحدة الأميركية");
    let kremlin = find("الكرملين");
    assert!(has(kremlin, kremlin + 8, "ORGANIZATION"), "الكرملين");
    let date = find("28 حزيران/ يونيو 2019");
    assert!(has(date, date + 21, "DATE"), "28 حزيران/ يونيو 2019");
}

#[test]
fn extract_of_unreadable_input_fails_with_a_message() {
    let out = taliq()
        .args(["extract", "/nonexistent/article.txt"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/article.txt"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("photo.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    let out = taliq().arg("extract").arg(&png).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a text file"));
}

#[test]
fn unknown_options_exit_with_usage() {
    let out = taliq().arg("--bogus").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage"));
}
