//! Test helpers: inline span markup such as `قال [بوتين]{PERSON} إن ...`.
//!
//! `[text]{LABEL}` marks a span with its label, `[text]` a span whose label is not
//! checked (recognizer tests). Offsets are chars of the plain text.

use super::doc::{Candidate, Doc};
use super::resolve;
use crate::model::label::Label;

/// A span parsed from markup: `[start, end)` in chars and the label if one was given.
pub type MarkedSpan = (usize, usize, Option<Label>);

/// Parses markup into the plain text and its spans (sorted by start).
///
/// # Panics
/// On malformed markup (unbalanced brackets, unknown label).
#[must_use]
pub fn parse_markup(marked: &str) -> (String, Vec<MarkedSpan>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut pos = 0usize;
    let mut open: Option<usize> = None;
    let mut chars = marked.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '[' => {
                assert!(open.is_none(), "nested [ in markup");
                open = Some(pos);
            }
            ']' => {
                let start = open.take().expect("] without [");
                let mut label = None;
                if chars.peek() == Some(&'{') {
                    chars.next();
                    let name: String = chars.by_ref().take_while(|&c| c != '}').collect();
                    label = Some(
                        Label::from_name(&name).unwrap_or_else(|| panic!("unknown label {name}")),
                    );
                }
                spans.push((start, pos, label));
            }
            _ => {
                text.push(c);
                pos += 1;
            }
        }
    }
    assert!(open.is_none(), "unclosed [ in markup");
    (text, spans)
}

fn show(text: &str, spans: &[MarkedSpan]) -> String {
    let chars: Vec<char> = text.chars().collect();
    spans
        .iter()
        .map(|&(s, e, l)| {
            let t: String = chars[s..e].iter().collect();
            format!("{t}{{{}}}@{s}", l.map_or("?", Label::as_str))
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Asserts that one recognizer, after overlap resolution, finds exactly the marked spans
/// (labels checked only where the markup gives one).
///
/// # Panics
/// When the spans differ.
pub fn assert_recognizes(recognize: fn(&Doc, &mut Vec<Candidate>), marked: &str) {
    let (text, want) = parse_markup(marked);
    let doc = Doc::new(&text);
    let mut cands = Vec::new();
    recognize(&doc, &mut cands);
    let got: Vec<MarkedSpan> = resolve::resolve(&doc, cands)
        .iter()
        .map(|c| {
            let (s, e) = doc.to_original(c.start, c.end);
            (s, e, Some(c.label))
        })
        .collect();
    let same = got.len() == want.len()
        && got
            .iter()
            .zip(&want)
            .all(|(g, w)| g.0 == w.0 && g.1 == w.1 && (w.2.is_none() || w.2 == g.2));
    assert!(
        same,
        "\n  text: {text}\n  want: {}\n  got:  {}",
        show(&text, &want),
        show(&text, &got)
    );
}

/// Asserts that [`super::extract`] finds exactly the marked spans and labels. QUOTE and
/// MISC mentions are compared only if the markup contains that label.
///
/// # Panics
/// When the mentions differ.
pub fn assert_extracts(marked: &str) {
    assert_extracts_by(marked, super::extract);
}

/// [`assert_extracts`] for any extraction function (e.g. one using a project lexicon).
///
/// # Panics
/// When the mentions differ.
pub fn assert_extracts_by(marked: &str, extract: impl FnOnce(&str) -> Vec<super::Mention>) {
    let (text, want) = parse_markup(marked);
    let has = |l: Label| want.iter().any(|w| w.2 == Some(l));
    let got: Vec<MarkedSpan> = extract(&text)
        .into_iter()
        .filter(|m| {
            (m.label != Label::Quote || has(Label::Quote))
                && (m.label != Label::Misc || has(Label::Misc))
        })
        .map(|m| (m.start, m.end, Some(m.label)))
        .collect();
    assert_eq!(show(&text, &got), show(&text, &want), "\n  text: {text}");
}

/// Runs [`super::extract`] on the markup's text and returns the mentions with, for each
/// marked span in order, the index of the mention at exactly that span (and label, when
/// the markup gives one).
///
/// # Panics
/// When a marked span has no such mention.
#[must_use]
pub fn extract_marked(marked: &str) -> (Vec<super::Mention>, Vec<usize>) {
    let (text, want) = parse_markup(marked);
    let ms = super::extract(&text);
    let at = want
        .iter()
        .map(|&(s, e, l)| {
            ms.iter()
                .position(|m| m.start == s && m.end == e && l.is_none_or(|l| l == m.label))
                .unwrap_or_else(|| {
                    let got: Vec<MarkedSpan> =
                        ms.iter().map(|m| (m.start, m.end, Some(m.label))).collect();
                    panic!(
                        "\n  text: {text}\n  no mention at {}\n  got: {}",
                        show(&text, &[(s, e, l)]),
                        show(&text, &got)
                    )
                })
        })
        .collect();
    (ms, at)
}

#[test]
fn parses_markup() {
    let (t, s) = parse_markup("التقى [بوتين]{PERSON} ب[ترامب]");
    assert_eq!(t, "التقى بوتين بترامب");
    assert_eq!(s, vec![(6, 11, Some(Label::Person)), (13, 18, None)]);
}
