//! Preparing a text for shaping: its paragraphs, the Latin runs set in the Latin face,
//! the direction of each paragraph (UAX #9 P2–P3, [`first_strong_rtl`]), direction marks
//! that cannot change a bidi level made inert, line separators, and the index of the
//! shaped words of a paragraph.

use std::ops::Range;

use cosmic_text::{ShapeSpan, ShapeWord};

/// Line separators that end a line inside a paragraph (UAX #14 class BK besides the
/// paragraph separators): they are never drawn.
pub(crate) fn is_invisible_break(c: char) -> bool {
    matches!(c, '\u{000B}' | '\u{000C}' | '\u{2028}')
}

/// A word of a shaped span: its byte range in the paragraph and its index in
/// `ShapeSpan::words`.
pub(crate) type WordAt = (Range<usize>, usize);

/// The words of each span of a shaped paragraph in logical order, with their byte
/// ranges, so that the words of one line are found by binary search.
pub(crate) struct WordIndex {
    /// Per span: its byte range and its words in logical order.
    spans: Vec<(Range<usize>, Vec<WordAt>)>,
}

impl WordIndex {
    pub(crate) fn new(spans: &[ShapeSpan]) -> Self {
        let spans = spans
            .iter()
            .map(|s| {
                let mut words: Vec<WordAt> = s
                    .words
                    .iter()
                    .enumerate()
                    .filter_map(|(i, w)| {
                        let start = w.glyphs.iter().map(|g| g.start).min()?;
                        let end = w.glyphs.iter().map(|g| g.end).max()?;
                        Some((start..end, i))
                    })
                    .collect();
                words.sort_by_key(|(r, _)| r.start);
                let range = match (words.first(), words.last()) {
                    (Some(f), Some(l)) => f.0.start..l.0.end,
                    _ => 0..0,
                };
                (range, words)
            })
            .collect();
        Self { spans }
    }

    /// The spans and words of `spans` restricted to the glyphs whose cluster starts in
    /// `bytes`, with their bidi levels (resolved over the whole paragraph) and cosmic-text's
    /// storage order (the words of a span against the line's direction reversed) kept.
    pub(crate) fn within(&self, spans: &[ShapeSpan], bytes: &Range<usize>) -> Vec<ShapeSpan> {
        let mut out = Vec::new();
        for ((range, words), span) in self.spans.iter().zip(spans) {
            if range.end <= bytes.start || range.start >= bytes.end {
                continue;
            }
            let first = words.partition_point(|(r, _)| r.end <= bytes.start);
            let mut picked: Vec<usize> = words[first..]
                .iter()
                .take_while(|(r, _)| r.start < bytes.end)
                .map(|&(_, i)| i)
                .collect();
            picked.sort_unstable();
            let words: Vec<ShapeWord> = picked
                .into_iter()
                .filter_map(|i| {
                    let w = &span.words[i];
                    let glyphs: Vec<_> = w
                        .glyphs
                        .iter()
                        .filter(|g| bytes.contains(&g.start))
                        .cloned()
                        .collect();
                    (!glyphs.is_empty()).then_some(ShapeWord {
                        blank: w.blank,
                        glyphs,
                    })
                })
                .collect();
            if !words.is_empty() {
                out.push(ShapeSpan {
                    level: span.level,
                    words,
                    decoration_spans: Vec::new(),
                });
            }
        }
        out
    }
}

pub(crate) const RLM: char = '\u{200F}';

/// LEFT-TO-RIGHT MARK: a strong L character that is never drawn.
pub(crate) const LRM: char = '\u{200E}';

/// WORD JOINER: bidi class BN (removed by UAX #9 rule X9, so it takes its neighbours'
/// level), Arabic joining type T (transparent), default-ignorable (never drawn).
pub(crate) const WORD_JOINER: char = '\u{2060}';

/// `text` with each direction mark that cannot change any bidi level but its own replaced
/// by [`WORD_JOINER`] (same UTF-8 length, so byte offsets are kept); `None` when there is
/// none.
///
/// An LRM between two right-to-left letters (R or AL, combining marks skipped), as in a
/// word typed with a stray mark, would by UAX #9 form a level-2 run of its own inside the
/// word. Shaping is done per bidi run, so the word would be cut in two and its letters
/// drawn unjoined, whereas HarfBuzz shaping the whole word keeps it joined (the mark is a
/// Cf character, joining type T in Unicode's ArabicShaping.txt). With strong characters
/// of the same direction on both sides, the mark changes nothing else: no weak or
/// neutral character lies between it and them (rules W1–W7, N1–N2). The same holds for
/// an RLM between two L letters. The mark still counts in offsets and hit-testing.
pub(crate) fn inert_direction_marks(text: &str) -> Option<String> {
    use unicode_bidi::{BidiClass, bidi_class};
    if !text.contains([LRM, RLM]) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let strong = |c: char| match bidi_class(c) {
        BidiClass::R | BidiClass::AL => Some(true),
        BidiClass::L => Some(false),
        _ => None,
    };
    let neighbour = |mut it: Box<dyn Iterator<Item = &char> + '_>| {
        it.find(|&&c| bidi_class(c) != BidiClass::NSM)
            .and_then(|&c| strong(c))
    };
    let mut out: Option<Vec<char>> = None;
    for (i, &c) in chars.iter().enumerate() {
        let rtl_sides = match c {
            LRM => true,
            RLM => false,
            _ => continue,
        };
        let before = neighbour(Box::new(chars[..i].iter().rev()));
        let after = neighbour(Box::new(chars[i + 1..].iter()));
        if before == Some(rtl_sides) && after == Some(rtl_sides) {
            out.get_or_insert_with(|| chars.clone())[i] = WORD_JOINER;
        }
    }
    out.map(|v| v.into_iter().collect())
}

/// The base direction of the paragraph that starts `text` by UAX #9 rules P2–P3:
/// `Some(true)` when its first strong character is right-to-left (class R or AL: Arabic
/// and Hebrew letters, RLM, ALM), `Some(false)` when it is left-to-right (class L: Latin
/// letters, LRM), `None` when the paragraph has none (digits, punctuation, spaces only).
/// Characters between an isolate initiator (LRI, RLI, FSI) and its matching PDI are
/// skipped, as P2 says; the search ends at the paragraph's end (a character of class B:
/// a line ending, U+001C..U+001E, NEL, PS).
#[must_use]
pub fn first_strong_rtl(text: &str) -> Option<bool> {
    use unicode_bidi::{BidiClass, bidi_class};
    let mut isolates = 0usize;
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::B => return None,
            BidiClass::LRI | BidiClass::RLI | BidiClass::FSI => isolates += 1,
            BidiClass::PDI => isolates = isolates.saturating_sub(1),
            BidiClass::L if isolates == 0 => return Some(false),
            BidiClass::R | BidiClass::AL if isolates == 0 => return Some(true),
            _ => {}
        }
    }
    None
}

/// Byte ranges of runs of Latin-script letters, extended over the ASCII digits and the
/// joiners (space, `-`, `.`, `'`, `&`, `/`) between or after them: "G7", "Crew Dragon".
pub(crate) fn latin_runs(text: &str) -> Vec<Range<usize>> {
    let is_letter = |c: char| c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c);
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut cur: Option<Range<usize>> = None;
    let mut pending_end: Option<usize> = None; // end of the run before trailing joiners
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        match cur.as_mut() {
            None if is_letter(c) => {
                cur = Some(i..end);
                pending_end = None;
            }
            None => {}
            Some(r) if is_letter(c) || c.is_ascii_digit() => {
                r.end = end;
                pending_end = None;
            }
            Some(r) if matches!(c, ' ' | '-' | '.' | '\'' | '&' | '/') => {
                pending_end.get_or_insert(r.end);
                r.end = end;
            }
            Some(r) => {
                if let Some(e) = pending_end.take() {
                    r.end = e;
                }
                runs.push(r.clone());
                cur = None;
            }
        }
    }
    if let Some(mut r) = cur {
        if let Some(e) = pending_end {
            r.end = e;
        }
        runs.push(r);
    }
    runs
}

/// Byte ranges of the paragraphs of `text`, paragraph separators excluded: `\r\n`, `\n`,
/// `\r` and the other characters of bidi class B (UAX #9: U+001C..U+001E, NEL U+0085,
/// PS U+2029). A text ending in a separator has a final empty paragraph, as an editor
/// shows it. (cosmic-text must never see a class B character: it would start a second
/// bidi paragraph inside one line, which it does not support.)
pub(crate) fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\r' => {
                out.push(start..i);
                start = i + 1;
                if let Some(&(j, '\n')) = chars.peek() {
                    chars.next();
                    start = j + 1;
                }
            }
            '\n' | '\u{1C}'..='\u{1E}' | '\u{85}' | '\u{2029}' => {
                out.push(start..i);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(start..text.len());
    out
}
