//! The escaping of WebAnno TSV 3.3 (INCEpTION's `Escaping`: `escapeValue`,
//! `unescapeValue`, `escapeText`, `unescapeText` for 3.2 and later), and the split of a
//! column into its stacked entries. Written from the documentation and that class's
//! behaviour: in a feature value `\ [ ] | _ -> ; *`, tab and line break are escaped with
//! `\`; in a `#Text=` line the backslash, tab, line break, form feed, `\r` and backspace
//! get their readable escape (`\\`, `\t`, `\n`, `\f`, `\r`, `\b`) and the other C0
//! controls but 11 (vertical tab) a `\` before themselves.

/// A value escaped for a feature column (`Escaping.escapeValue`).
pub(super) fn escape_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '[' | ']' | '|' | '_' | ';' | '*' => {
                out.push('\\');
                out.push(c);
            }
            '-' if chars.peek() == Some(&'>') => {
                chars.next();
                out.push_str("\\->");
            }
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

/// The value of a feature column's entry (`Escaping.unescapeValue`); a `\` before
/// anything else is kept.
pub(super) fn unescape_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some(e @ ('\\' | '[' | ']' | '|' | '_' | ';' | '*')) => {
                chars.next();
                out.push(e);
            }
            Some('t') => {
                chars.next();
                out.push('\t');
            }
            Some('n') => {
                chars.next();
                out.push('\n');
            }
            Some('-') => {
                let mut ahead = chars.clone();
                ahead.next();
                if ahead.peek() == Some(&'>') {
                    chars.next();
                    chars.next();
                    out.push_str("->");
                } else {
                    out.push('\\');
                }
            }
            _ => out.push('\\'),
        }
    }
    out
}

/// The readable escape of a control char in a `#Text=` line, if it has one.
const fn named_escape(c: char) -> Option<char> {
    match c {
        '\t' => Some('t'),
        '\n' => Some('n'),
        '\u{c}' => Some('f'),
        '\r' => Some('r'),
        '\u{8}' => Some('b'),
        '\\' => Some('\\'),
        _ => None,
    }
}

/// Whether `c` is a C0 control written as `\` and itself (all but 8 to 13).
fn bare_control(c: char) -> bool {
    (c as u32) < 32 && !(8..=13).contains(&(c as u32))
}

/// One line of a sentence's text escaped for `#Text=` (`Escaping.escapeText`).
pub(super) fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if let Some(e) = named_escape(c) {
            out.push('\\');
            out.push(e);
        } else {
            if bare_control(c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// A `#Text=` line's text (`Escaping.unescapeText`, TSV 3.2 and later).
pub(super) fn unescape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let next = chars.peek().copied();
        let plain = next.and_then(|n| {
            ['\t', '\n', '\u{c}', '\r', '\u{8}', '\\']
                .into_iter()
                .find(|&p| named_escape(p) == Some(n))
                .or_else(|| bare_control(n).then_some(n))
        });
        match plain {
            Some(p) => {
                chars.next();
                out.push(p);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The entries of a column joined by unescaped `|` (stacked annotations).
pub(super) fn stacked(raw: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut prev = None;
    for (i, c) in raw.char_indices() {
        if c == '|' && prev != Some('\\') {
            out.push(&raw[from..i]);
            from = i + 1;
        }
        prev = Some(c);
    }
    out.push(&raw[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::{escape_text, escape_value, stacked, unescape_text, unescape_value};

    #[test]
    fn escaping_round_trips_and_follows_inception() {
        for v in [
            "a|b",
            "x_y",
            "->",
            "a;b*c",
            "[1]",
            "\\",
            "tab\there",
            "two\nlines",
            "-",
        ] {
            assert_eq!(unescape_value(&escape_value(v)), v);
        }
        assert_eq!(escape_value("a->b|c_"), "a\\->b\\|c\\_");
        assert_eq!(unescape_value("\\x\\"), "\\x\\");
        for t in ["a\r", "tab\t", "\\n", "\u{1}\u{c}\u{8}\u{b}", "«نعم»"] {
            assert_eq!(unescape_text(&escape_text(t)), t);
        }
        assert_eq!(escape_text("a\\b\r\u{1}"), "a\\\\b\\r\\\u{1}");
        assert_eq!(stacked("A\\|B|C"), ["A\\|B", "C"]);
    }
}
