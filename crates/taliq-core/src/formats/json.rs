//! The words of a JSON error, shared by every format that reads JSON.

/// What is wrong with JSON that serde_json refused, said in terms of the file rather than
/// of Rust types: `“person” is not one of PERSON, ORGANIZATION, … (line 3, column 40)`
/// for serde's "unknown variant `person`, expected one of …". Messages it does not know
/// are kept as serde_json gives them.
#[must_use]
pub fn json_error_words(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m);
    let ticked = |s: &str| s.replace('`', "");
    let plain = if let Some(rest) = message.strip_prefix("unknown variant ") {
        match rest.split_once(", expected ") {
            Some((v, exp)) => format!(
                "“{}” is not {}",
                ticked(v),
                ticked(exp).replace("one of ", "one of: ")
            ),
            None => format!("“{}” is not a known value", ticked(rest)),
        }
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        match rest.split_once(", expected ") {
            Some((found, expected)) => {
                let expected = match expected {
                    "u64" | "u32" | "usize" => "a whole number (0 or more)",
                    "i64" | "i32" => "a whole number",
                    "a string" | "a borrowed string" => "a string",
                    other => other,
                };
                // serde names JSON values by its data model: `string "x"`, `map`, …
                let found = [
                    ("string ", "a string "),
                    ("integer ", "the number "),
                    ("floating point ", "the number "),
                    ("boolean ", ""),
                    ("map", "an object"),
                    ("sequence", "an array"),
                    ("null", "null"),
                ]
                .iter()
                .find_map(|(serde, ours)| found.strip_prefix(serde).map(|v| format!("{ours}{v}")))
                .unwrap_or_else(|| found.to_owned());
                format!("found {found} where {expected} is expected")
            }
            None => message.to_owned(),
        }
    } else if let Some(f) = message.strip_prefix("missing field ") {
        format!("the field “{}” is missing", ticked(f))
    } else if let Some(f) = message.strip_prefix("duplicate field ") {
        format!("the field “{}” is given twice", ticked(f))
    } else if message.contains("surrogate") || message.contains("hex escape") {
        "a \\u escape is half a character (a lone UTF-16 surrogate) or cut short".to_owned()
    } else if e.classify() == serde_json::error::Category::Eof {
        "the file ends before its JSON is closed (cut short?)".to_owned()
    } else {
        message.to_owned()
    };
    if e.line() > 0 {
        format!("{plain} (line {}, column {})", e.line(), e.column())
    } else {
        plain
    }
}
