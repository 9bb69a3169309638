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
    unescaped(s, |rest, out| {
        if rest.starts_with("->") {
            out.push_str("->");
            return Some(2);
        }
        out.push(match rest.chars().next()? {
            e @ ('\\' | '[' | ']' | '|' | '_' | ';' | '*') => e,
            't' => '\t',
            'n' => '\n',
            _ => return None,
        });
        Some(1)
    })
}

/// `s` with its escapes undone: at each `\`, `escape` is given the rest of `s` after it;
/// it pushes onto the output what an escape there stands for and gives how many bytes
/// it took, or `None` and the `\` is kept.
fn unescaped(s: &str, escape: impl Fn(&str, &mut String) -> Option<usize>) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        match escape(rest, &mut out) {
            Some(taken) => rest = &rest[taken..],
            None => out.push('\\'),
        }
    }
    out.push_str(rest);
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
    unescaped(s, |rest, out| {
        let n = rest.chars().next()?;
        let plain = ['\t', '\n', '\u{c}', '\r', '\u{8}', '\\']
            .into_iter()
            .find(|&p| named_escape(p) == Some(n))
            .or_else(|| bare_control(n).then_some(n))?;
        out.push(plain);
        Some(n.len_utf8())
    })
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
