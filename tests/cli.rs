//! `taliq extract FILE` as a script would use it.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

mod support;

use serde_json::Value;
use support::{assert_offsets_slice_the_text, char_offset, run_with_stdin, taliq};

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
    let text = json["document"]["text"].as_str().unwrap();
    let anns = json["annotations"].as_array().unwrap();
    let has = |start: usize, end: usize, label: &str| {
        anns.iter()
            .any(|a| a["start"] == start && a["end"] == end && a["label"] == label)
    };
    assert_offsets_slice_the_text(&json);
    // offsets as in the gold of this article (shared/corpus/dev-gold.jsonl, seed-000)
    let find = |needle: &str| char_offset(text, needle);
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

/// Stray invalid bytes in a UTF-8 article are replaced (as in the app) and counted in a
/// warning, not passed over in silence (found by a break-it test).
#[test]
fn extract_warns_about_replaced_invalid_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    let mut bytes = "قال بوتين ".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xff\xfe");
    bytes.extend_from_slice(" في موسكو\n".as_bytes());
    std::fs::write(&path, bytes).unwrap();
    let out = taliq().arg("extract").arg(&path).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning") && err.contains("2 invalid byte sequence(s)"),
        "{err}"
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json["annotations"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
}

#[test]
fn unknown_options_exit_with_usage() {
    let out = taliq().arg("--bogus").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage"));
}

#[test]
fn eval_scores_the_dev_gold_file() {
    let gold = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/dev-gold.jsonl"
    );
    if !std::path::Path::new(gold).is_file() {
        eprintln!("skipping: {gold} is absent");
        return;
    }
    let out = taliq().args(["eval", gold]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    for label in [
        "PERSON",
        "ORGANIZATION",
        "LOCATION",
        "DATE",
        "NUMBER",
        "micro",
    ] {
        let row = table
            .lines()
            .find(|l| l.split_whitespace().next() == Some(label))
            .unwrap_or_else(|| panic!("no {label} row in\n{table}"));
        // label tp fp fn P R F1
        let f1: f64 = row.split_whitespace().nth(6).unwrap().parse().unwrap();
        assert!((0.0..=1.0).contains(&f1), "{row}");
        if label == "micro" {
            assert!(f1 > 0.8, "{table}");
        }
    }
}

#[test]
fn eval_of_a_malformed_file_names_the_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(
        &gold,
        "{\"doc\":\"a\",\"text\":\"موسكو\",\"spans\":[]}\n{\"doc\":\"b\",\"text\":\n",
    )
    .unwrap();
    let out = taliq().arg("eval").arg(&gold).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2"), "{err}");

    let out = taliq()
        .args(["eval", "/nonexistent/gold.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/gold.jsonl"));
}

#[test]
fn extract_jsonl_streams_one_result_per_line() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;

    let mut child = taliq()
        .args(["extract", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    // streaming: the result of the first line arrives before stdin is closed
    writeln!(
        stdin,
        r#"{{"doc":"a","text":"التقى بوتين بترامب في موسكو"}}"#
    )
    .unwrap();
    stdin.flush().unwrap();
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let first: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(first["doc"], "a");
    assert_eq!(first["format"], "taliq-annotations");
    let anns = first["annotations"].as_array().unwrap();
    let has = |s: u64, e: u64, l: &str| {
        anns.iter()
            .any(|a| a["start"] == s && a["end"] == e && a["label"] == l)
    };
    assert!(has(6, 11, "PERSON") && has(13, 18, "PERSON") && has(22, 27, "LOCATION"));

    writeln!(stdin, "{{\"doc\": \"b\", \"text\": 5}}").unwrap();
    writeln!(stdin, r#"{{"doc":"c","text":"قال الكرملين"}}"#).unwrap();
    drop(stdin);
    let rest: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(rest.len(), 2);
    assert_eq!(rest[0]["doc"], "b");
    assert!(rest[0]["error"].is_string());
    assert_eq!(rest[1]["doc"], "c");
    assert_eq!(rest[1]["annotations"][0]["label"], "ORGANIZATION");
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"));

    // all good lines: success
    let out = run_with_stdin(
        ["extract", "--jsonl"],
        "{\"doc\":\"x\",\"text\":\"روسيا\"}\n",
    );
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn eval_refuses_malformed_gold_naming_line_and_span() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    let first_doc =
        r#"{"doc":"a","text":"قال بوتين في موسكو","spans":[{"start":4,"end":9,"label":"PERSON"}]}"#;
    let overlapping = r#"{"doc":"b","text":"قال بوتين في موسكو","spans":[{"start":4,"end":9,"label":"PERSON"},{"start":7,"end":12,"label":"LOCATION"}]}"#;
    std::fs::write(&gold, format!("{first_doc}\n{overlapping}\n")).unwrap();
    let out = taliq().arg("eval").arg(&gold).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 2") && err.contains("span 2 (7..12"),
        "{err}"
    );
    assert!(err.contains("overlaps"), "{err}");

    std::fs::write(&gold, format!("{first_doc}\n{first_doc}\n")).unwrap();
    let out = taliq().arg("eval").arg(&gold).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("duplicate doc id"));
}

#[test]
fn extract_jsonl_skips_a_bom_and_names_the_column_not_serdes_line_1() {
    let input = "\u{feff}{\"doc\":\"a\",\"text\":\"التقى بوتين في موسكو\"}\n{\"doc\":\"b\"}\n{\"doc\":\"c\" \"text\":\"x\"}\n";
    let out = run_with_stdin(["extract", "--jsonl"], input);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(lines[0]["doc"], "a", "the BOM line is a good document");
    assert!(lines[0].get("error").is_none(), "{stdout}");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(
        lines[1]["error"],
        "no \"text\" field (the article goes in \"text\")"
    );
    let error = lines[2]["error"].as_str().unwrap();
    assert!(error.contains("column 12"), "{error}");
    assert!(!error.contains("line 1"), "{error}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("input line 2: no \"text\" field"),
        "{stderr}"
    );
    assert!(!stderr.contains("line 1 column"), "{stderr}");
}

/// Issue 13, item 12: a cut-off line, a text that is no string, a repeated id and extra
/// fields, as a script feeding a corpus would meet them.
#[test]
fn a_cut_off_jsonl_line_keeps_its_doc_id_and_extra_fields_pass_through() {
    let input = concat!(
        "{\"doc\": \"a-17\", \"url\": \"https://ex.am/a-17\", \"text\": \"قال بوتين إن\n",
        "{\"doc\": \"b\", \"text\": 5}\n",
        "{\"doc\": \"a-17\", \"url\": \"https://ex.am/a-17\", \"section\": {\"id\": 3}, \"text\": \"قال بوتين في موسكو\"}\n",
        "{\"doc\": \"c\", \"labels\": [\"mine\"], \"text\": \"روسيا\"}\n",
    );
    let out = run_with_stdin(["extract", "--jsonl"], input);
    assert_eq!(out.status.code(), Some(1), "two bad lines");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert_eq!(
        lines[0]["doc"], "a-17",
        "the id of a cut-off line is readable"
    );
    assert_eq!(
        lines[0]["error"],
        "not valid JSON: the line ends before the object is closed (cut off?)"
    );
    assert_eq!(
        lines[1]["error"],
        "\"text\" must be a string, found a number"
    );
    // extra fields pass through unchanged, right after the id
    assert!(
        stdout.lines().nth(2).unwrap().starts_with(
            r#"{"doc":"a-17","url":"https://ex.am/a-17","section":{"id": 3},"format":"#
        ),
        "{stdout}"
    );
    assert!(lines[2]["annotations"].as_array().unwrap().len() >= 2);
    // Taliq's own field is not overwritten; the input's is renamed
    assert_eq!(lines[3]["input_labels"][0], "mine");
    assert_eq!(lines[3]["labels"][0], "PERSON");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "input line 1: not valid JSON: the line ends before the object is closed (cut off?)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("input line 3: doc \"a-17\" was already given on line 1"),
        "{stderr}"
    );
    assert!(
        stderr.contains("\"labels\"") && stderr.contains("\"input_labels\""),
        "{stderr}"
    );
}

#[test]
fn an_unknown_subcommand_exits_with_usage_instead_of_opening_a_window() {
    let dir = tempfile::tempdir().unwrap();
    let out = taliq()
        .arg("bogus-subcommand")
        .current_dir(dir.path())
        .env("DISPLAY", "")
        .env("WAYLAND_DISPLAY", "")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown command \"bogus-subcommand\""),
        "{err}"
    );
    assert!(err.contains("Usage"), "{err}");
}

#[test]
fn extract_applies_the_folders_project_lexicon_unless_told_not_to() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(&article, "قال زرقلوف إن موسكو ترحب بالاتفاق").unwrap();
    let lexicon = dir.path().join("taliq-lexicon.txt");
    std::fs::write(
        &lexicon,
        "# taliq-lexicon 2\n+ ORGANIZATION\tزرقلوف\n- LOCATION\tموسكو\n",
    )
    .unwrap();
    let labels = |stdout: &[u8]| -> Vec<(String, String)> {
        let json: Value = serde_json::from_slice(stdout).unwrap();
        json["annotations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["text"].as_str().unwrap().to_owned(),
                    a["label"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let learned = ("زرقلوف".to_owned(), "ORGANIZATION".to_owned());
    let rejected = ("موسكو".to_owned(), "LOCATION".to_owned());

    let out = taliq().arg("extract").arg(&article).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = labels(&out.stdout);
    assert!(got.contains(&learned), "{got:?}");
    assert!(!got.contains(&rejected), "{got:?}");

    let out = taliq()
        .arg("extract")
        .arg(&article)
        .arg("--no-lexicon")
        .output()
        .unwrap();
    assert!(out.status.success());
    let got = labels(&out.stdout);
    assert!(!got.contains(&learned), "{got:?}");
    assert!(got.contains(&rejected), "{got:?}");

    // --jsonl has no folder: the lexicon is given by path
    let out = run_with_stdin(
        [
            std::ffi::OsStr::new("extract"),
            "--jsonl".as_ref(),
            "--lexicon".as_ref(),
            lexicon.as_os_str(),
        ],
        "{\"doc\":1,\"text\":\"قال زرقلوف إن موسكو ترحب بالاتفاق\"}\n",
    );
    assert!(out.status.success());
    let got = labels(&out.stdout);
    assert!(
        got.contains(&learned) && !got.contains(&rejected),
        "{got:?}"
    );

    // an invalid lexicon is an error, as in the app, not silently ignored
    std::fs::write(&lexicon, "# taliq-lexicon 2\n+ PLACE\tموسكو\n").unwrap();
    let out = taliq().arg("extract").arg(&article).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("taliq-lexicon.txt") && err.contains("--no-lexicon"),
        "{err}"
    );
    let out = taliq()
        .args([
            "extract",
            "--jsonl",
            "--lexicon",
            "/nonexistent/lexicon.txt",
        ])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/lexicon.txt"));
}

/// Issue 13: after one R on one mention the old app wrote `- PERSON<TAB>بوتين`, and
/// `taliq extract` in that folder no longer suggested the lone بوتين. Such a line records
/// one rejection: it no longer blocks the name; three rejections do, as does a `-` line of
/// a version 2 file (Never suggest this).
#[test]
fn extract_in_a_folder_where_a_name_was_rejected_once_still_suggests_it() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(&article, "قال الرئيس فلاديمير بوتين إن بوتين سيزور الكرملين").unwrap();
    let lexicon = dir.path().join("taliq-lexicon.txt");
    let lone_putin = |lexicon_text: &str| {
        std::fs::write(&lexicon, lexicon_text).unwrap();
        let out = taliq().arg("extract").arg(&article).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        json["annotations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["start"] == 29 && a["end"] == 34 && a["label"] == "PERSON")
    };
    assert!(lone_putin("# taliq-lexicon 1\n- PERSON\tبوتين\n"));
    assert!(lone_putin(
        "# taliq-lexicon 2\n~ PERSON\tبوتين\tبوتين\t10\t1\n"
    ));
    assert!(!lone_putin(
        "# taliq-lexicon 2\n~ PERSON\tبوتين\tبوتين\t0\t3\n"
    ));
    assert!(!lone_putin("# taliq-lexicon 2\n- PERSON\tبوتين\n"));
}
