//! `taliq extract --jsonl`: documents as JSON Lines on stdin, one result a line on stdout.
//!
//! Each input line is read as an object whose fields are kept in their input order and
//! their exact input text (serde_json's `RawValue`), so that fields other than `"text"`
//! go to the output unchanged. A line that is not a good document is answered with an
//! error line in the user's terms (what is wrong, where, and what to do), and its `"doc"`
//! id is still named when it can be read, even from a line that is cut off.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::io::{BufRead, Write};

use anyhow::{Context, Result};
use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::value::RawValue;

use taliq_core::formats::taliq::ExportFile;
use taliq_core::model::document::Document;
use taliq_core::session::Session;

/// The names of the fields Taliq itself writes on an output line: `doc`, the fields of
/// the export ([`ExportFile`]) on a good line, `line` and `error` on a bad one. An input
/// field of one of these names (other than `doc`) is written as `input_NAME` instead
/// (see [`extract_jsonl`]).
pub const OUTPUT_FIELDS: [&str; 10] = [
    "doc",
    "format",
    "version",
    "document",
    "offset_unit",
    "labels",
    "annotations",
    "entities",
    "line",
    "error",
];

/// The input fields of one line that go to the output as they are, in input order,
/// each under its output name.
#[derive(Default)]
struct Passed<'a> {
    fields: Vec<(String, &'a RawValue)>,
    /// (input name, output name) of the fields renamed because the name is Taliq's.
    renamed: Vec<(String, String)>,
}

impl Serialize for Passed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.fields.len()))?;
        for (name, value) in &self.fields {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// One output line for a good input line: the document id, the passed-through input
/// fields, then the fields of the export.
#[derive(Serialize)]
struct JsonlResult<'a> {
    doc: &'a RawValue,
    #[serde(flatten)]
    passed: &'a Passed<'a>,
    #[serde(flatten)]
    export: &'a ExportFile,
}

/// One output line for a bad input line.
#[derive(Serialize)]
struct JsonlError<'a> {
    /// `null` when the id cannot be read.
    doc: Option<&'a RawValue>,
    #[serde(flatten)]
    passed: &'a Passed<'a>,
    line: usize,
    error: &'a str,
}

/// The top-level fields of one input object, in input order, as their raw JSON text.
struct Fields<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for Fields<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut m: M,
            ) -> std::result::Result<Fields<'de>, M::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = m.next_entry::<String, &'de RawValue>()? {
                    fields.push(entry);
                }
                Ok(Fields(fields))
            }
        }
        d.deserialize_map(Visit)
    }
}

/// What a good input line holds.
struct Input<'a> {
    doc: &'a RawValue,
    text: String,
    passed: Passed<'a>,
}

/// Why an input line is no document, with whatever of it could still be read.
struct Bad<'a> {
    doc: Option<&'a RawValue>,
    passed: Passed<'a>,
    error: String,
}

/// `taliq extract --jsonl`: streams documents through the extractor, with the project
/// lexicon `lexicon` applied (an empty one applies nothing).
///
/// Input (`input`): JSON Lines, one object `{"doc": ID, "text": "…", …}` a line, where ID
/// is any JSON value (usually a string) and `text` the article; blank lines are skipped.
/// A UTF-8 BOM at the start of the input is skipped.
///
/// Output (`out`): one compact JSON object a line, in input order, flushed after each
/// line. For a good line it is `{"doc": ID, …}`: the ID as given, then every other input
/// field except `text`, unchanged and in input order, then the fields that
/// `taliq extract FILE` writes (`format`, `version`, `document`, `offset_unit`, `labels`,
/// `annotations`, `entities`; see [`taliq_core::formats::taliq`]), with `document.source` the ID (its
/// JSON text when not a string) and offsets in chars of `text` (a leading BOM removed).
/// Taliq's own fields ([`OUTPUT_FIELDS`]) are never overwritten: an input field of such a
/// name is written as `input_NAME` (`input_input_NAME` if the input has an `input_NAME`
/// too, and so on), and a warning on `errors` says so the first time each name occurs.
///
/// For a bad line (not UTF-8, not JSON or cut off, not an object, no `doc`, no string
/// `text`, a field given twice) it is `{"doc": ID or null, …passed fields, "line": N,
/// "error": "…"}` with the 1-based input line number; the ID is recovered from the raw
/// text when the line is cut off or invalid after it (see `doc_in_raw_text`), and
/// `null` only when it cannot be read. The same message goes to `errors` as
/// `taliq: input line N: …`; processing continues.
///
/// A doc ID given on more than one line is processed each time, with a warning on
/// `errors` naming the ID and the line numbers of its first and latest occurrence.
///
/// Returns the number of bad lines.
///
/// # Errors
/// When `input` cannot be read or `out` cannot be written.
pub fn extract_jsonl(
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    errors: &mut dyn Write,
    lexicon: &taliq_core::extract::ProjectLexicon,
) -> Result<usize> {
    let mut failed = 0;
    let mut buf = Vec::new();
    let mut line_no = 0;
    // each doc id (as compact JSON) → the line that first gave it
    let mut seen: HashMap<String, usize> = HashMap::new();
    // input field names already reported as renamed
    let mut renamed: Vec<String> = Vec::new();
    loop {
        buf.clear();
        if input
            .read_until(b'\n', &mut buf)
            .context("cannot read the input")?
            == 0
        {
            break;
        }
        line_no += 1;
        // a UTF-8 BOM before the first line (as some editors and PowerShell write it)
        let bytes = if line_no == 1 {
            buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf)
        } else {
            &buf
        };
        let lossy;
        let parsed = match std::str::from_utf8(bytes) {
            Ok(l) if l.trim().is_empty() => continue,
            Ok(l) => read_line(l.trim()),
            Err(e) => {
                // the id may still be readable when the bad bytes are elsewhere
                lossy = String::from_utf8_lossy(bytes).into_owned();
                Err(Bad {
                    doc: doc_in_raw_text(&lossy).filter(|d| !d.get().contains('\u{fffd}')),
                    passed: Passed::default(),
                    error: format!(
                        "not UTF-8 text: byte {} of the line is not valid UTF-8 (save the \
                         input as UTF-8)",
                        e.valid_up_to() + 1
                    ),
                })
            }
        };
        let doc = match &parsed {
            Ok(input) => Some(input.doc),
            Err(bad) => bad.doc,
        };
        if let Some(doc) = doc {
            warn_repeated(&mut seen, doc, line_no, errors);
        }
        let kept = match &parsed {
            Ok(input) => &input.passed,
            Err(bad) => &bad.passed,
        };
        for (original, name) in &kept.renamed {
            if !renamed.contains(original) {
                renamed.push(original.clone());
                let _ = writeln!(
                    errors,
                    "taliq: warning: input line {line_no}: the input field \"{original}\" has the \
                     name of a field Taliq writes; it is written as \"{name}\""
                );
            }
        }
        let json = match &parsed {
            Ok(input) => {
                let source = match serde_json::from_str::<serde_json::Value>(input.doc.get()) {
                    Ok(serde_json::Value::String(s)) => s,
                    _ => input.doc.get().to_owned(),
                };
                let document = Document::from_text(&input.text, &source, "UTF-8");
                let export = Session::with_extraction_using(document, lexicon).to_export();
                serde_json::to_string(&JsonlResult {
                    doc: input.doc,
                    passed: &input.passed,
                    export: &export,
                })
                .context("cannot serialize the result")?
            }
            Err(bad) => {
                failed += 1;
                let json = serde_json::to_string(&JsonlError {
                    doc: bad.doc,
                    passed: &bad.passed,
                    line: line_no,
                    error: &bad.error,
                })
                .context("cannot serialize the error")?;
                // a closed stderr must not stop the stream
                let _ = writeln!(errors, "taliq: input line {line_no}: {}", bad.error);
                json
            }
        };
        writeln!(out, "{json}").context("cannot write the result")?;
        out.flush().context("cannot write the result")?;
    }
    Ok(failed)
}

/// Warns on `errors` when `doc` was already given on an earlier line.
fn warn_repeated(
    seen: &mut HashMap<String, usize>,
    doc: &RawValue,
    line: usize,
    errors: &mut dyn Write,
) {
    // the same id however it is written (`"a"` and `"\u0061"`)
    let key = serde_json::from_str::<serde_json::Value>(doc.get())
        .map_or_else(|_| doc.get().to_owned(), |v| v.to_string());
    match seen.entry(key) {
        Entry::Occupied(first) => {
            let _ = writeln!(
                errors,
                "taliq: warning: input line {line}: doc {} was already given on line {}; \
                 both are processed (the results are in input order)",
                doc.get(),
                first.get()
            );
        }
        Entry::Vacant(v) => {
            v.insert(line);
        }
    }
}

/// Reads one non-blank input line as a document.
fn read_line(line: &str) -> std::result::Result<Input<'_>, Bad<'_>> {
    let fields = match serde_json::from_str::<Fields>(line) {
        Ok(f) => f.0,
        Err(e) => {
            return Err(Bad {
                doc: doc_in_raw_text(line),
                passed: Passed::default(),
                error: syntax_error(line, &e),
            });
        }
    };
    let mut doc = None;
    let mut text = None;
    let mut passed = Vec::new();
    let mut twice = None;
    for (name, value) in fields {
        match name.as_str() {
            "doc" if doc.is_some() => twice = twice.or(Some(name)),
            "doc" => doc = Some(value),
            "text" if text.is_some() => twice = twice.or(Some(name)),
            "text" => text = Some(value),
            _ if passed.iter().any(|(n, _): &(String, _)| *n == name) => {
                twice = twice.or(Some(name));
            }
            _ => passed.push((name, value)),
        }
    }
    // Taliq's own names are not overwritten: a clashing input field gets a free name
    let taken: Vec<String> = passed.iter().map(|(n, _)| n.clone()).collect();
    let mut renamed = Vec::new();
    for (name, _) in &mut passed {
        if OUTPUT_FIELDS.contains(&name.as_str()) {
            let mut new = format!("input_{name}");
            while taken.contains(&new) {
                new.insert_str(0, "input_");
            }
            renamed.push((std::mem::replace(name, new.clone()), new));
        }
    }
    let passed = Passed {
        fields: passed,
        renamed,
    };
    let bad = |doc, passed, error: String| Err(Bad { doc, passed, error });
    if let Some(name) = twice {
        return bad(doc, passed, format!("the field \"{name}\" is given twice"));
    }
    let Some(doc) = doc else {
        return bad(
            None,
            passed,
            "no \"doc\" field (each line needs {\"doc\": ID, \"text\": \"…\"})".into(),
        );
    };
    let Some(text) = text else {
        return bad(
            Some(doc),
            passed,
            "no \"text\" field (the article goes in \"text\")".into(),
        );
    };
    match serde_json::from_str::<serde_json::Value>(text.get()) {
        Ok(serde_json::Value::String(text)) => Ok(Input { doc, text, passed }),
        Ok(other) => bad(
            Some(doc),
            passed,
            format!("\"text\" must be a string, found {}", kind(&other)),
        ),
        Err(e) => bad(
            Some(doc),
            passed,
            format!("\"text\" cannot be read: {}", json_words(&e)),
        ),
    }
}

/// [`taliq_core::formats::json::json_error_words`] without the position: a line of JSON
/// Lines is line 1 to serde, which says nothing.
fn json_words(e: &serde_json::Error) -> String {
    let words = taliq_core::formats::json::json_error_words(e);
    match words.rsplit_once(" (line ") {
        Some((w, _)) => w.to_owned(),
        None => words,
    }
}

/// "a number", "an array", … for a JSON value, as an error message names it.
fn kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "true or false",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// What is wrong with a line that is no JSON object, in the user's terms: the line is
/// cut off, or what the JSON syntax expected at which column (serde_json's message is
/// kept, after a plain explanation, only when it is not one of the usual ones).
fn syntax_error(line: &str, e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => {
            "not valid JSON: the line ends before the object is closed (cut off?)".into()
        }
        Category::Data => {
            // valid JSON, but not an object
            let found = serde_json::from_str::<serde_json::Value>(line)
                .map_or("something else", |v| kind(&v));
            format!(
                "not a JSON object: the line holds {found}; each line must be an object \
                 {{\"doc\": ID, \"text\": \"…\"}}"
            )
        }
        Category::Syntax | Category::Io => {
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m);
            let plain = match message {
                "expected ident" | "expected value" => {
                    "a JSON value was expected (strings need double quotes; true, false and \
                     null are lowercase)"
                }
                "key must be a string" => "a field name must be in double quotes",
                "expected `:`" => "a `:` is missing after a field name",
                "expected `,` or `}`" => "a `,` between fields or the closing `}` is missing",
                "expected `,` or `]`" => "a `,` between items or the closing `]` is missing",
                "trailing comma" => "a `,` stands before a closing bracket",
                "trailing characters" => {
                    "there is more after the end of the object (two objects on one line?)"
                }
                "invalid escape" => "a string holds an invalid escape (write a backslash as \\\\)",
                "invalid number" | "number out of range" => "a number is not valid JSON",
                m if m.starts_with("control character") => {
                    "a string holds a raw control character (write a tab as \\t and a line \
                     break as \\n)"
                }
                m if m.contains("surrogate") || m.contains("hex escape") => {
                    "a \\u escape is half a character (a lone UTF-16 surrogate) or cut short"
                }
                _ => {
                    return format!("not valid JSON at column {}: {}", e.column(), json_words(e));
                }
            };
            format!("not valid JSON at column {}: {plain}", e.column())
        }
    }
}

/// The `"doc"` value of a top-level object read from raw text that need not be valid JSON
/// (a line cut off, or broken after the id): the text is scanned with JSON's string and
/// nesting rules, and at depth 1 a key `"doc"` followed by `:` gives the one JSON value
/// after it, if that value is complete (a number must be followed by something: at the
/// end of the text it may be cut off itself). `None` when there is no such key or its
/// value is cut off or invalid.
#[must_use]
pub fn doc_in_raw_text(raw: &str) -> Option<&RawValue> {
    let bytes = raw.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    // true where a string would be a key: right after `{` or `,` at depth 1
    let mut key_position = false;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = (i + 1).min(bytes.len());
                if depth == 1 && key_position {
                    let key = serde_json::from_str::<String>(&raw[start..end]).ok();
                    let after = raw[end..].trim_start();
                    if key.as_deref() == Some("doc")
                        && let Some(value) = after.strip_prefix(':')
                    {
                        let mut stream =
                            serde_json::Deserializer::from_str(value).into_iter::<&RawValue>();
                        let found = stream.next().and_then(std::result::Result::ok)?;
                        // a number at the very end may be cut off itself (12 of 123)
                        let number = found
                            .get()
                            .starts_with(|c: char| c == '-' || c.is_ascii_digit());
                        let rest = value[stream.byte_offset()..].trim_start();
                        return (!number || !rest.is_empty()).then_some(found);
                    }
                }
                key_position = false;
                i = end;
                continue;
            }
            b'{' | b'[' => {
                depth += 1;
                key_position = bytes[i] == b'{';
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' => key_position = true,
            b if b.is_ascii_whitespace() => {}
            _ => key_position = false,
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &[u8]) -> (usize, Vec<serde_json::Value>, String) {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        let failed = extract_jsonl(
            &mut &input[..],
            &mut out,
            &mut errors,
            &taliq_core::extract::ProjectLexicon::new(),
        )
        .unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (failed, lines, String::from_utf8(errors).unwrap())
    }

    #[test]
    fn extract_jsonl_writes_one_line_per_document_and_reports_bad_lines() {
        let input = concat!(
            r#"{"doc":"a","text":"التقى بوتين في موسكو"}"#,
            "\n\n",
            "not json\n",
            r#"{"doc":7,"text":"ترامب"}"#,
            "\n",
            r#"{"doc":"c"}"#,
            "\nBAD\n",
            r#"{"doc":"d","text":"في روسيا"}"#,
        );
        // the line "BAD" becomes one that is not UTF-8
        let at = input.find("BAD").unwrap();
        let mut bytes = input.as_bytes()[..at].to_vec();
        bytes.push(0xff);
        bytes.extend_from_slice(&input.as_bytes()[at + 3..]);
        let (failed, lines, errors) = run(&bytes);
        assert_eq!(failed, 3);
        assert_eq!(lines.len(), 6);
        assert_eq!(lines[0]["doc"], "a");
        assert_eq!(lines[0]["format"], "taliq-annotations");
        assert_eq!(lines[0]["document"]["source"], "a");
        let anns = lines[0]["annotations"].as_array().unwrap();
        assert!(anns.iter().any(|a| a["start"] == 6
            && a["end"] == 11
            && a["label"] == "PERSON"
            && a["text"] == "بوتين"));
        assert_eq!(lines[1]["doc"], serde_json::Value::Null);
        assert_eq!(lines[1]["line"], 3);
        assert!(lines[1]["error"].is_string());
        assert_eq!(lines[2]["doc"], 7);
        assert_eq!(lines[2]["document"]["source"], "7");
        assert_eq!(lines[3]["doc"], "c");
        assert!(lines[3]["error"].as_str().unwrap().contains("text"));
        assert_eq!(lines[4]["line"], 6);
        assert_eq!(lines[5]["doc"], "d");
        assert!(lines[5].get("error").is_none());
        assert_eq!(errors.lines().count(), 3, "{errors}");
        assert!(errors.contains("line 3"), "{errors}");
    }

    #[test]
    fn a_cut_off_jsonl_line_keeps_its_doc_id() {
        let (failed, lines, errors) = run(concat!(
            "{\"doc\": \"a-17\", \"meta\": {\"doc\": 9}, \"text\": \"قال بوتين إن\n",
            "{\"text\": \"قال\", \"doc\": 42, \"x\": [1, 2\n",
            "{\"source\": \"doc\", \"doc\": \"b\"\n",
            "{\"doc\": \"cut\n",
            "{\"doc\": \"x\", \"text\": 5}\n",
        )
        .as_bytes());
        assert_eq!(failed, 5);
        assert_eq!(lines[0]["doc"], "a-17", "{errors}");
        assert_eq!(
            lines[0]["error"],
            "not valid JSON: the line ends before the object is closed (cut off?)"
        );
        assert_eq!(lines[1]["doc"], 42);
        assert_eq!(lines[2]["doc"], "b", "a \"doc\" value is no key");
        assert_eq!(
            lines[3]["doc"],
            serde_json::Value::Null,
            "the id itself is cut"
        );
        assert_eq!(lines[4]["doc"], "x");
        assert!(
            errors.contains("input line 1: not valid JSON: the line ends"),
            "{errors}"
        );
    }

    #[test]
    fn the_doc_id_is_found_in_raw_text_only_as_a_top_level_key() {
        let doc = |raw| doc_in_raw_text(raw).map(|d| d.get().to_owned());
        assert_eq!(doc(r#"{"doc":"a","text":"x"#).as_deref(), Some(r#""a""#));
        assert_eq!(
            doc(r#"{"t":"he said \"doc\": 1","doc" : [1, 2], "#).as_deref(),
            Some("[1, 2]")
        );
        assert_eq!(doc(r#"{"m":{"doc":1},"text":"#), None);
        assert_eq!(doc(r#"{"text":"doc","#), None);
        assert_eq!(doc(r#"{"d\u006fc": 3,"#).as_deref(), Some("3"));
        assert_eq!(doc(r#"{"doc": 12"#), None, "a number cut off may be longer");
        assert_eq!(doc(r#"{"doc": 12,"#).as_deref(), Some("12"));
        assert_eq!(doc(""), None);
        assert_eq!(doc(r#"{"doc"#), None);
    }

    #[test]
    fn repeated_doc_ids_are_warned_about_with_both_lines() {
        let (failed, lines, errors) = run(concat!(
            "{\"doc\": \"a\", \"text\": \"روسيا\"}\n",
            "{\"doc\": \"b\", \"text\": \"روسيا\"}\n",
            "{\"doc\": \"\\u0061\", \"text\": \"موسكو\"}\n",
        )
        .as_bytes());
        assert_eq!(failed, 0);
        assert_eq!(lines.len(), 3, "all still processed");
        assert!(
            errors.contains("input line 3: doc \"\\u0061\" was already given on line 1"),
            "{errors}"
        );
        assert_eq!(errors.lines().count(), 1, "{errors}");
    }

    #[test]
    fn extra_input_fields_are_passed_through_and_taliqs_fields_win() {
        let line = r#"{"url": "https://ex.am/1?a=b", "doc": "a", "n": 12345678901234567890123, "text": "قال بوتين", "annotations": [1], "input_annotations": 0, "date": {"y": 2020, "m": 6}}"#;
        let mut out = Vec::new();
        let mut errors = Vec::new();
        extract_jsonl(
            &mut format!("{line}\n{line}\n").as_bytes(),
            &mut out,
            &mut errors,
            &taliq_core::extract::ProjectLexicon::new(),
        )
        .unwrap();
        let out = String::from_utf8(out).unwrap();
        let first = out.lines().next().unwrap();
        // unchanged and in input order, right after the id; numbers keep their digits
        assert!(
            first.starts_with(r#"{"doc":"a","url":"https://ex.am/1?a=b","n":12345678901234567890123,"input_input_annotations":[1],"input_annotations":0,"date":{"y": 2020, "m": 6},"format":"taliq-annotations""#),
            "{first}"
        );
        let v: serde_json::Value = serde_json::from_str(first).unwrap();
        assert!(
            v["annotations"][0]["label"].is_string(),
            "Taliq's own field"
        );
        assert!(v.get("text").is_none(), "the text is in document.text");
        let errors = String::from_utf8(errors).unwrap();
        assert_eq!(
            errors.lines().count(),
            2,
            "one warning per name and a repeat: {errors}"
        );
        assert!(
            errors.contains("input field \"annotations\"")
                && errors.contains("written as \"input_input_annotations\""),
            "{errors}"
        );
    }

    #[test]
    fn bad_lines_say_what_is_wrong_in_the_users_terms() {
        let (failed, lines, _) = run(concat!(
            "{\"doc\": \"a\"}\n",
            "{\"doc\": \"b\", \"text\": 5}\n",
            "{\"doc\": \"c\", \"text\": [\"x\"]}\n",
            "{\"text\": \"x\"}\n",
            "[1, 2]\n",
            "{doc: 1}\n",
            "{\"doc\": \"d\" \"text\": \"x\"}\n",
            "{\"doc\": \"e\", \"text\": \"x\"} {}\n",
            "{\"doc\": \"f\", \"text\": \"x\", \"text\": \"y\"}\n",
            "{\"doc\": \"g\", \"text\": \"a\tb\"}\n",
            "{\"doc\": \"h\", \"text\": True}\n",
            "{\"doc\": \"i\", \"text\": \"\\ud800\"}\n",
        )
        .as_bytes());
        assert_eq!(failed, 12);
        // (found by a tester: a lone surrogate came back in serde's words)
        assert!(
            lines[11]["error"]
                .as_str()
                .unwrap()
                .contains("lone UTF-16 surrogate"),
            "{}",
            lines[11]
        );
        let error = |i: usize| lines[i]["error"].as_str().unwrap().to_owned();
        assert_eq!(error(0), "no \"text\" field (the article goes in \"text\")");
        assert_eq!(error(1), "\"text\" must be a string, found a number");
        assert_eq!(error(2), "\"text\" must be a string, found an array");
        assert!(error(3).starts_with("no \"doc\" field"), "{}", error(3));
        assert!(
            error(4).starts_with("not a JSON object: the line holds an array"),
            "{}",
            error(4)
        );
        assert_eq!(
            error(5),
            "not valid JSON at column 2: a field name must be in double quotes"
        );
        assert!(
            error(6).contains("column 13: a `,` between fields"),
            "{}",
            error(6)
        );
        assert!(
            error(7).contains("more after the end of the object"),
            "{}",
            error(7)
        );
        assert_eq!(error(8), "the field \"text\" is given twice");
        assert!(error(9).contains("raw control character"), "{}", error(9));
        assert!(error(10).contains("lowercase"), "{}", error(10));
        for l in &lines {
            let e = l["error"].as_str().unwrap();
            assert!(!e.contains("line 1") && !e.contains("missing field"), "{e}");
        }
        assert_eq!(lines[1]["doc"], "b");
        assert_eq!(lines[6]["doc"], "d", "read before the broken part");
    }
}
