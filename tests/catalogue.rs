//! Every string the annotator reads comes from the catalogue `src/ui/words/`: this test
//! reads the sources of `src/ui/` outside it and fails on a string literal that looks
//! like English words for the user.
//!
//! A literal counts as words when, with its escapes and `{…}` placeholders taken out, it
//! holds a word followed by a space or a colon, a space followed by a word, or starts
//! with a capitalised word (`"Undo"`, `"Find:"`, `"no match"`, `"{n} chars"`). Not read:
//! comments and doc comments, attributes (`reason = "…"`, `#[expect(…)]`), `#[cfg(test)]`
//! items, and the arguments of `expect`, `id_salt`, `from_id_salt`, `include_str!`,
//! `env!`, `panic!` and `unreachable!`. A single lowercase word (`"none"`) looks like an
//! egui Id salt (`"facts"`) and is let through: the heuristic's one gap.

use std::path::{Path, PathBuf};

/// A token of Rust source, as far as this test needs: string literals (with the line
/// they start on), identifiers and single punctuation characters.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Str(String, usize),
    Ident(String),
    Punct(char),
}

/// The tokens of `src`, without comments, char literals and lifetimes.
fn tokens(src: &str) -> Vec<Token> {
    let c: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if c[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if ch == '"' {
            let start = line;
            let (s, next) = plain_string(&c, i + 1, &mut line);
            out.push(Token::Str(s, start));
            i = next;
        } else if ch == '\'' {
            // a char literal ('x', '\n', '\u{202A}') or a lifetime ('a)
            if c.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
                while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                    i += 1;
                }
            }
        } else if ch.is_alphabetic() || ch == '_' {
            let s = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            let ident: String = c[s..i].iter().collect();
            let prefix = matches!(ident.as_str(), "r" | "b" | "br" | "c" | "cr");
            if prefix && matches!(c.get(i), Some('"' | '#')) && ident.contains('r') {
                let hashes = c[i..].iter().take_while(|x| **x == '#').count();
                if c.get(i + hashes) == Some(&'"') {
                    let start = line;
                    let mut j = i + hashes + 1;
                    let closing: Vec<char> = std::iter::once('"')
                        .chain(std::iter::repeat_n('#', hashes))
                        .collect();
                    let from = j;
                    while j < c.len() && !c[j..].starts_with(&closing) {
                        if c[j] == '\n' {
                            line += 1;
                        }
                        j += 1;
                    }
                    out.push(Token::Str(c[from..j].iter().collect(), start));
                    i = j + closing.len();
                    continue;
                }
            }
            if prefix && c.get(i) == Some(&'"') {
                let start = line;
                let (s, next) = plain_string(&c, i + 1, &mut line);
                out.push(Token::Str(s, start));
                i = next;
                continue;
            }
            out.push(Token::Ident(ident));
        } else {
            out.push(Token::Punct(ch));
            i += 1;
        }
    }
    out
}

/// The text of a string literal whose opening quote is before `c[i]`, as written
/// (escapes kept), and the index after its closing quote.
fn plain_string(c: &[char], mut i: usize, line: &mut usize) -> (String, usize) {
    let mut s = String::new();
    while i < c.len() && c[i] != '"' {
        if c[i] == '\n' {
            *line += 1;
        }
        if c[i] == '\\' && i + 1 < c.len() {
            s.push(c[i]);
            i += 1;
            if c[i] == '\n' {
                *line += 1;
            }
        }
        s.push(c[i]);
        i += 1;
    }
    (s, i + 1)
}

/// The index after the bracket that closes the one at `tokens[open]`.
fn matching(tokens: &[Token], open: usize, (o, cl): (char, char)) -> usize {
    let mut depth = 0;
    for (k, t) in tokens.iter().enumerate().skip(open) {
        if *t == Token::Punct(o) {
            depth += 1;
        } else if *t == Token::Punct(cl) {
            depth -= 1;
            if depth == 0 {
                return k + 1;
            }
        }
    }
    tokens.len()
}

/// Calls whose string argument is never shown to the annotator.
const NOT_WORDS_OF: [&str; 7] = [
    "expect",
    "id_salt",
    "from_id_salt",
    "include_str",
    "env",
    "panic",
    "unreachable",
];

/// The string literals of `src` that are read (see the module doc), with their line.
fn read_strings(src: &str) -> Vec<(usize, String)> {
    let toks = tokens(src);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Token::Punct('#') => {
                let mut k = i + 1;
                if toks.get(k) == Some(&Token::Punct('!')) {
                    k += 1;
                }
                if toks.get(k) != Some(&Token::Punct('[')) {
                    i += 1;
                    continue;
                }
                let end = matching(&toks, k, ('[', ']'));
                let is_cfg_test = toks[k..end]
                    == [
                        Token::Punct('['),
                        Token::Ident("cfg".into()),
                        Token::Punct('('),
                        Token::Ident("test".into()),
                        Token::Punct(')'),
                        Token::Punct(']'),
                    ];
                i = end;
                if is_cfg_test {
                    // the item: up to its `;`, or its `{…}` block
                    while i < toks.len()
                        && toks[i] != Token::Punct(';')
                        && toks[i] != Token::Punct('{')
                    {
                        i += 1;
                    }
                    i = if toks.get(i) == Some(&Token::Punct('{')) {
                        matching(&toks, i, ('{', '}'))
                    } else {
                        i + 1
                    };
                }
            }
            Token::Str(text, line) => {
                // `name("…")` or `name!("…")`
                let mut k = i;
                let called = k >= 2 && toks[k - 1] == Token::Punct('(') && {
                    k -= 2;
                    if toks[k] == Token::Punct('!') && k > 0 {
                        k -= 1;
                    }
                    matches!(&toks[k], Token::Ident(name) if NOT_WORDS_OF.contains(&name.as_str()))
                };
                if !called {
                    out.push((*line, text.clone()));
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Whether a string literal's text (as written) reads as words for the user.
fn is_words(literal: &str) -> bool {
    // escapes and placeholders out: "\u{200F}— {name}" is "— "
    let mut text = String::new();
    let mut chars = literal.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => {
                if chars.next() == Some('u') {
                    for x in chars.by_ref() {
                        if x == '}' {
                            break;
                        }
                    }
                }
                text.push(' ');
            }
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
            }
            '{' => {
                for x in chars.by_ref() {
                    if x == '}' {
                        break;
                    }
                }
            }
            _ => text.push(ch),
        }
    }
    let c: Vec<char> = text.chars().collect();
    let word_at = |i: usize| c.get(i).is_some_and(|x| x.is_alphabetic());
    let two_letters_before = |i: usize| i >= 2 && word_at(i - 1) && word_at(i - 2);
    for (i, ch) in c.iter().enumerate() {
        // a word followed by a space or a colon
        if (*ch == ' ' || *ch == ':') && two_letters_before(i) {
            return true;
        }
        // a space followed by a word
        if *ch == ' ' && word_at(i + 1) && word_at(i + 2) {
            return true;
        }
    }
    // a capitalised word
    c.first().is_some_and(|x| x.is_uppercase()) && c.get(1).is_some_and(|x| x.is_lowercase())
}

/// The `.rs` files under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_user_facing_string_comes_from_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ui = root.join("src/ui");
    let mut files = Vec::new();
    sources(&ui, &mut files);
    assert!(files.len() > 20, "{} files under src/ui", files.len());
    let mut found = Vec::new();
    for file in files {
        let rel = file
            .strip_prefix(root)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("src/ui/words/") {
            continue;
        }
        let src = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{rel}: {e}"));
        for (line, s) in read_strings(&src) {
            if is_words(&s) {
                found.push(format!("{rel}:{line}: \"{s}\""));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words for the user outside src/ui/words/ (word them in words/<area>.rs and call that):\n{}",
        found.join("\n")
    );
}

#[test]
fn words_are_told_from_ids_and_formats() {
    for words in [
        "Undo",
        "Find:",
        "no match",
        "{n} chars",
        "✔ saved",
        "entity:",
        "Open an article first",
        "{} — Taliq",
    ] {
        assert!(is_words(words), "{words}");
    }
    for not in [
        "facts",
        "taliq-article-text",
        "{} {l}",
        "{mark} ×{}",
        "\\u{200F}— {}",
        "\\n\\n",
        "PERSON",
        "CARGO_PKG_VERSION",
        "; ",
        "",
    ] {
        assert!(!is_words(not), "{not}");
    }
}

#[test]
fn comments_attributes_tests_and_expect_are_not_read() {
    let src = r##"
        //! Module doc with words.
        /// Item doc with words.
        #[expect(clippy::x, reason = "some words here")]
        fn f() {
            // a comment with words
            /* a block with "Quoted Words" */
            let c = '"';
            let l: &'static str = "Shown to the user";
            x.expect("a reason that never shows");
            egui::Id::new("salt").id_salt("salt two");
            let r = r#"Raw words here"#;
            let _ = include_str!("../../NOTICE File");
        }
        #[cfg(test)]
        mod tests {
            fn g() { let _ = "Test words"; }
        }
        fn h() { let _ = "After tests"; }
    "##;
    let read: Vec<String> = read_strings(src).into_iter().map(|(_, s)| s).collect();
    assert_eq!(
        read,
        ["Shown to the user", "salt", "Raw words here", "After tests"]
    );
    let lines: Vec<usize> = read_strings(src).into_iter().map(|(l, _)| l).collect();
    assert_eq!(lines[0], 9);
}
