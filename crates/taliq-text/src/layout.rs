//! Paragraph layout on cosmic-text: shaping (HarfBuzz-compatible harfrust), Unicode bidi
//! (UAX #9 via unicode-bidi, with bracket pairs), line breaking (UAX #14) and wrapping.
//!
//! The result, [`TextLayout`], is plain data in physical pixels: visual lines in reading
//! order, each with its glyphs in visual (left-to-right screen) order and the logical char
//! range of each glyph's cluster. Hit-testing and highlight geometry work on it directly.
//! Nothing here depends on egui.

use std::ops::Range;

use cosmic_text::{
    Attrs, AttrsList, CacheKey, Family, FontSystem, Hinting, ShapeLine, ShapeSpan, ShapeWord,
    Shaping, Wrap,
};
use unicode_segmentation::UnicodeSegmentation;

/// What a layout depends on besides the text. All lengths are physical pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutParams {
    /// Font size in physical pixels (em size).
    pub font_size: f32,
    /// Line height as a multiple of the font size (Arabic with marks reads well at 1.7–2.0).
    pub line_spacing: f32,
    /// Wrap width in physical pixels; `None` lays each paragraph on one line.
    pub width: Option<f32>,
    /// Font family name to shape with (falls back per script when a glyph is missing).
    pub family: String,
    /// Font family for runs of Latin letters (with the digits and joiners inside them), so
    /// "Crew Dragon" or "G7" inside Arabic is set in a Latin face; `None` uses `family`.
    pub latin_family: Option<String>,
}

/// One glyph placed on a visual line.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    /// Rasterization key (font, glyph id, size, subpixel bin) for the glyph atlas.
    pub cache_key: CacheKey,
    /// Integer pen position (physical px) of the glyph origin, relative to the layout's
    /// top-left; the rasterized image is placed relative to it.
    pub pen: [i32; 2],
    /// Left edge of the glyph's advance box (physical px from the layout's left).
    pub x: f32,
    /// Advance width (physical px).
    pub w: f32,
    /// Logical char range of the cluster this glyph belongs to (absolute in the text).
    pub chars: Range<usize>,
    /// Byte range of the cluster (absolute in the text).
    pub bytes: Range<usize>,
    /// True when the glyph sits at an odd (right-to-left) bidi level.
    pub rtl: bool,
}

/// One visual line.
#[derive(Debug, Clone, PartialEq)]
pub struct VisualLine {
    /// Logical char range covered by the line (its paragraph's line ending excluded).
    pub chars: Range<usize>,
    /// Top of the line box (physical px from the layout's top).
    pub top: f32,
    /// Height of the line box.
    pub height: f32,
    /// True when the line's paragraph has right-to-left base direction.
    pub rtl: bool,
    /// Glyphs in visual order, left to right.
    pub glyphs: Vec<PlacedGlyph>,
    /// Left and right edges of the line's content (physical px).
    pub extent: (f32, f32),
    /// True when the paragraph continues on the next visual line (a soft wrap).
    pub wrapped: bool,
}

/// A laid-out text: visual lines in reading order (top to bottom).
#[derive(Debug, Clone, PartialEq)]
pub struct TextLayout {
    /// The visual lines.
    pub lines: Vec<VisualLine>,
    /// Total height (physical px).
    pub height: f32,
    /// Widest line, or the wrap width when given (physical px).
    pub width: f32,
    /// Length of the laid-out text in chars.
    pub char_len: usize,
    /// The text itself, for grapheme lookups during hit-testing.
    text: String,
    /// Byte offset of each char, plus `text.len()` at the end.
    char_bytes: Vec<u32>,
}

/// A highlight rectangle in physical px: `[left, top, right, bottom]`.
pub type PxRect = [f32; 4];

/// Lays out `text` (any line endings; `\r\n`, `\n`, `\r` and the other paragraph
/// separators of UAX #9 — U+001C..U+001E, NEL U+0085, PS U+2029 — each end a paragraph and
/// still count in char offsets). Each paragraph takes its base direction from its first
/// strong character (UAX #9 rules P2–P3, [`first_strong_rtl`]): an English paragraph with
/// one Arabic word in it is left-to-right, an Arabic paragraph starting with "G7" too
/// (an RLM in front makes it right-to-left). A paragraph with no strong character (digits,
/// punctuation, an empty line) takes the direction of the paragraph before it, the first
/// ones that of the first paragraph that has one, and a text with no strong character at
/// all is right-to-left, as in an Arabic document (UAX #9 HL1 allows a higher-level
/// protocol here). Each line is aligned to its paragraph's start side: right for a
/// right-to-left paragraph, left for a left-to-right one.
///
/// Each paragraph is shaped once and its bidi levels are resolved once over the whole
/// paragraph (cosmic-text); lines are then broken only at the UAX #14 break opportunities
/// of the whole paragraph (mandatory ones included: U+2028, VT, FF), falling back to
/// breaking between glyph clusters only when one unbreakable piece is wider than the line.
/// Each line is reordered by UAX #9 L2 from the paragraph's levels.
#[must_use]
pub fn layout_text(fs: &mut FontSystem, text: &str, params: &LayoutParams) -> TextLayout {
    layout_text_directed(fs, text, params, None)
}

/// Like [`layout_text`], with the base direction of the text's first paragraph given by
/// the caller (`Some(true)`: right-to-left) instead of found from its own characters: for
/// a piece of a long paragraph, or a paragraph whose direction its document decides
/// ([`crate::DocLayout`] resolves the direction of paragraphs with no strong
/// character across the whole document). `None` behaves as [`layout_text`].
#[must_use]
pub fn layout_text_directed(
    fs: &mut FontSystem,
    text: &str,
    params: &LayoutParams,
    first_rtl: Option<bool>,
) -> TextLayout {
    let char_bytes: Vec<u32> = text
        .char_indices()
        .map(|(b, _)| b as u32)
        .chain(std::iter::once(text.len() as u32))
        .collect();
    let char_of_byte = |b: usize| -> usize {
        char_bytes
            .binary_search(&(b as u32))
            .unwrap_or_else(|i| i.saturating_sub(1))
    };
    let line_height = (params.font_size * params.line_spacing).round().max(1.0);
    let attrs = Attrs::new().family(Family::Name(&params.family));
    let mut lines = Vec::new();
    let mut top = 0.0f32;
    let mut max_w = 0.0f32;

    let pars = paragraphs(text);
    let own: Vec<Option<bool>> = pars
        .iter()
        .enumerate()
        .map(|(i, p)| match first_rtl {
            Some(rtl) if i == 0 => Some(rtl),
            _ => first_strong_rtl(&text[p.clone()]),
        })
        .collect();
    let mut previous = own.iter().flatten().next().copied().unwrap_or(true);
    for (para, own) in pars.into_iter().zip(own) {
        let para_text = &text[para.clone()];
        let rtl = own.unwrap_or(previous);
        previous = rtl;
        // A paragraph whose direction is not that of its own first strong character (it
        // has none, or the caller decided) starts with the direction mark that gives it
        // (a strong character, UAX #9 P2). The mark is laid out but never shown and never
        // counted: glyph offsets are shifted back past it below.
        let lead = if first_strong_rtl(para_text) == Some(rtl) {
            None
        } else {
            Some(if rtl { RLM } else { LRM })
        };
        let marked;
        let shaped_text = match (lead, inert_direction_marks(para_text)) {
            (None, None) => para_text,
            (Some(mark), None) => {
                marked = format!("{mark}{para_text}");
                marked.as_str()
            }
            (lead, Some(inert)) => {
                marked = match lead {
                    Some(mark) => format!("{mark}{inert}"),
                    None => inert,
                };
                marked.as_str()
            }
        };
        let lead = lead.map_or(0, char::len_utf8);
        let para_chars = char_of_byte(para.start)..char_of_byte(para.end);
        if para_text.is_empty() {
            // an empty line's caret sits at its paragraph's start side
            let x = match params.width {
                Some(w) if rtl => w,
                _ => 0.0,
            };
            lines.push(VisualLine {
                chars: para_chars.clone(),
                top,
                height: line_height,
                rtl,
                glyphs: Vec::new(),
                extent: (x, x),
                wrapped: false,
            });
            top += line_height;
            continue;
        }
        let mut attrs_list = AttrsList::new(&attrs);
        if let Some(latin) = &params.latin_family {
            let latin_attrs = Attrs::new().family(Family::Name(latin));
            for run in latin_runs(para_text) {
                attrs_list.add_span(run.start + lead..run.end + lead, &latin_attrs);
            }
        }
        let mut shape = ShapeLine::new(fs, shaped_text, &attrs_list, Shaping::Advanced, 8);
        debug_assert_eq!(
            shape.rtl, rtl,
            "the paragraph direction is the one resolved"
        );
        let rtl = shape.rtl;
        let spans = std::mem::take(&mut shape.spans);
        let breaks = break_lines(shaped_text, &spans, params.font_size, params.width);
        let index = WordIndex::new(&spans);
        // byte offset in the shaped paragraph → char offset in `text`
        let to_char = |b: usize| char_of_byte(para.start + b.max(lead) - lead);
        let n = breaks.len();
        for (li, piece) in breaks.iter().enumerate() {
            let mut sub = shape.clone();
            sub.spans = index.within(&spans, &piece.drawn);
            // With no width nothing wraps; (`Wrap::None` is not used: cosmic-text 0.19
            // drops a first span whose direction differs from the line's there.)
            let layout_lines = sub.layout(
                params.font_size,
                None,
                Wrap::WordOrGlyph,
                None,
                None,
                Hinting::Disabled,
            );
            let chars = to_char(piece.covered.start)..to_char(piece.covered.end);
            let Some(ll) = layout_lines.first() else {
                lines.push(VisualLine {
                    chars,
                    top,
                    height: line_height,
                    rtl,
                    glyphs: Vec::new(),
                    extent: (0.0, 0.0),
                    wrapped: li + 1 < n,
                });
                top += line_height;
                continue;
            };
            // A right-to-left line is aligned to the right edge of the wrap width.
            let shift = match params.width {
                Some(w) if rtl => w - ll.w,
                _ => 0.0,
            };
            let glyph_h = ll.max_ascent + ll.max_descent;
            let baseline = top + ((line_height - glyph_h) / 2.0).max(0.0) + ll.max_ascent;
            let mut glyphs = Vec::with_capacity(ll.glyphs.len());
            let (mut lo, mut hi) = (f32::MAX, f32::MIN);
            for g in &ll.glyphs {
                if g.start < lead {
                    continue; // the direction mark
                }
                let phys = g.physical((shift, baseline), 1.0);
                let bytes = para.start + g.start - lead..para.start + g.end - lead;
                let x = g.x + shift;
                lo = lo.min(x);
                hi = hi.max(x + g.w);
                glyphs.push(PlacedGlyph {
                    cache_key: phys.cache_key,
                    pen: [phys.x, phys.y],
                    x,
                    w: g.w,
                    chars: char_of_byte(bytes.start)..char_of_byte(bytes.end),
                    bytes,
                    rtl: g.level.is_rtl(),
                });
            }
            // cosmic-text lists the glyphs of a right-to-left line from right to left;
            // keep them left to right (HarfBuzz's visual output order) everywhere.
            if rtl {
                glyphs.reverse();
            }
            max_w = max_w.max(ll.w);
            lines.push(VisualLine {
                chars,
                top,
                height: line_height,
                rtl,
                glyphs,
                extent: if lo <= hi { (lo, hi) } else { (0.0, 0.0) },
                wrapped: li + 1 < n,
            });
            top += line_height;
        }
    }
    TextLayout {
        lines,
        height: top,
        width: params.width.unwrap_or(max_w),
        char_len: char_bytes.len() - 1,
        text: text.to_owned(),
        char_bytes,
    }
}

/// One visual line of a paragraph, as byte ranges of the shaped paragraph text.
#[derive(Debug, Clone, PartialEq)]
struct LinePiece {
    /// From the line's first byte up to where the next line starts.
    covered: Range<usize>,
    /// The bytes whose glyphs are drawn: `covered` less the whitespace (and mandatory
    /// break) a wrap leaves at its end.
    drawn: Range<usize>,
}

/// Breaks a shaped paragraph into lines no wider than `width` (px; `None`: one line unless
/// a mandatory break forces more).
///
/// Lines end only at the UAX #14 break opportunities of the whole paragraph text, found by
/// `unicode-linebreak`. cosmic-text's own wrapping cannot be used: it splits its words at
/// every bidi level change and may wrap between any two words, so in «وقمة "G7"» it would
/// wrap between the opening quote (an R-level neutral) and G7 (an L run), breaking LB19,
/// or put a comma or full stop that follows a Latin word at the start of a line (LB13).
/// A line takes segments while their width without trailing whitespace fits (trailing
/// whitespace hangs past the edge and is not drawn); a segment wider than a line by
/// itself is split between glyph clusters.
fn break_lines(
    text: &str,
    spans: &[ShapeSpan],
    font_size: f32,
    width: Option<f32>,
) -> Vec<LinePiece> {
    use unicode_linebreak::{BreakOpportunity, linebreaks};
    let max_w = width.unwrap_or(f32::INFINITY);
    // advance of each cluster, at its first byte
    let mut adv = vec![0.0f32; text.len() + 1];
    let mut cluster_start = vec![false; text.len() + 1];
    for g in spans.iter().flat_map(|s| &s.words).flat_map(|w| &w.glyphs) {
        if let Some(a) = adv.get_mut(g.start) {
            *a += g.width(font_size);
            cluster_start[g.start] = true;
        }
    }
    let width_of = |r: Range<usize>| -> f32 { adv[r].iter().sum() };
    let trim_end = |r: Range<usize>| -> usize {
        r.start
            + text[r]
                .trim_end_matches(|c: char| c.is_whitespace() || is_invisible_break(c))
                .len()
    };

    let mut out = Vec::new();
    let mut line_start = 0;
    let mut line_w = 0.0f32; // width of line_start..seg_start, trailing whitespace included
    let mut has_content = false;
    let mut seg_start = 0;
    for (seg_end, kind) in linebreaks(text) {
        let seg = seg_start..seg_end;
        seg_start = seg_end;
        let ink_end = trim_end(seg.clone());
        let ink_w = width_of(seg.start..ink_end);
        if has_content && line_w + ink_w > max_w {
            out.push(LinePiece {
                covered: line_start..seg.start,
                drawn: line_start..trim_end(line_start..seg.start),
            });
            line_start = seg.start;
            line_w = 0.0;
            has_content = false;
        }
        if line_w + ink_w > max_w {
            // one unbreakable piece wider than the line: break between glyph clusters that
            // are also grapheme cluster boundaries
            let cuts = text[seg.start..ink_end]
                .grapheme_indices(true)
                .map(|(i, _)| seg.start + i)
                .filter(|&c| c > seg.start && cluster_start[c])
                .chain(std::iter::once(ink_end));
            let mut prev = seg.start;
            for c in cuts {
                let w = width_of(prev..c);
                if line_w + w > max_w && prev > line_start {
                    out.push(LinePiece {
                        covered: line_start..prev,
                        drawn: line_start..prev,
                    });
                    line_start = prev;
                    line_w = 0.0;
                }
                line_w += w;
                prev = c;
            }
            line_w += width_of(ink_end..seg.end);
        } else {
            line_w += width_of(seg.clone());
        }
        has_content |= ink_end > seg.start;
        // (the end of the text is a mandatory break too; a line separator there still
        // starts an empty line, as a final line feed does)
        let forced = seg.end < text.len() || text[seg.clone()].ends_with(is_invisible_break);
        if kind == BreakOpportunity::Mandatory && forced {
            out.push(LinePiece {
                covered: line_start..seg.end,
                drawn: line_start..trim_end(line_start..seg.end),
            });
            line_start = seg.end;
            line_w = 0.0;
            has_content = false;
        }
    }
    // the last line keeps its trailing spaces (a caret can sit after them)
    let last_end = line_start
        + text[line_start..]
            .trim_end_matches(is_invisible_break)
            .len();
    out.push(LinePiece {
        covered: line_start..text.len(),
        drawn: line_start..last_end,
    });
    out
}

/// Line separators that end a line inside a paragraph (UAX #14 class BK besides the
/// paragraph separators): they are never drawn.
fn is_invisible_break(c: char) -> bool {
    matches!(c, '\u{000B}' | '\u{000C}' | '\u{2028}')
}

/// A word of a shaped span: its byte range in the paragraph and its index in
/// `ShapeSpan::words`.
type WordAt = (Range<usize>, usize);

/// The words of each span of a shaped paragraph in logical order, with their byte
/// ranges, so that the words of one line are found by binary search.
struct WordIndex {
    /// Per span: its byte range and its words in logical order.
    spans: Vec<(Range<usize>, Vec<WordAt>)>,
}

impl WordIndex {
    fn new(spans: &[ShapeSpan]) -> Self {
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
    fn within(&self, spans: &[ShapeSpan], bytes: &Range<usize>) -> Vec<ShapeSpan> {
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

const RLM: char = '\u{200F}';

/// LEFT-TO-RIGHT MARK: a strong L character that is never drawn.
const LRM: char = '\u{200E}';

/// WORD JOINER: bidi class BN (removed by UAX #9 rule X9, so it takes its neighbours'
/// level), Arabic joining type T (transparent), default-ignorable (never drawn).
const WORD_JOINER: char = '\u{2060}';

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
fn inert_direction_marks(text: &str) -> Option<String> {
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
fn latin_runs(text: &str) -> Vec<Range<usize>> {
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
fn paragraphs(text: &str) -> Vec<Range<usize>> {
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

impl TextLayout {
    /// The text that was laid out.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Index of the visual line at vertical position `y` (clamped to the first/last line).
    #[must_use]
    pub fn line_at_y(&self, y: f32) -> usize {
        let i = self.lines.partition_point(|l| l.top + l.height <= y);
        i.min(self.lines.len().saturating_sub(1))
    }

    /// Index of the visual line that shows char offset `offset` (a caret at a wrap point
    /// belongs to the later line).
    #[must_use]
    pub fn line_of_offset(&self, offset: usize) -> usize {
        let i = self.lines.partition_point(|l| l.chars.end <= offset);
        i.min(self.lines.len().saturating_sub(1))
    }

    /// Range of visual lines intersecting the vertical band `y0..y1` (physical px).
    #[must_use]
    pub fn lines_in(&self, y0: f32, y1: f32) -> Range<usize> {
        let a = self.lines.partition_point(|l| l.top + l.height <= y0);
        let b = self.lines.partition_point(|l| l.top < y1);
        a..b.max(a)
    }

    /// The caret offset (a grapheme cluster boundary) nearest to the point `(x, y)`
    /// (physical px relative to the layout's top-left).
    ///
    /// A glyph cluster's box is the union of its glyphs' advance boxes (its base letter;
    /// the zero-width marks on it add nothing). Inside a cluster, the box is divided evenly
    /// among its grapheme clusters (so each letter of a ligature such as "ffi" gets a
    /// caret position); the half of a grapheme nearer to its logical start (the right half
    /// in right-to-left runs) gives its start offset. An offset that falls inside a
    /// grapheme of the text (a cluster that ends before a ZWNJ, which extends the grapheme
    /// of the letter before it) moves to that grapheme's edge on the same side. Beyond a
    /// line's ends, the caret goes to the line's visual start or end according to its
    /// paragraph direction.
    #[must_use]
    pub fn hit(&self, x: f32, y: f32) -> usize {
        let Some(line) = self.lines.get(self.line_at_y(y)) else {
            return 0;
        };
        if line.glyphs.is_empty() {
            return line.chars.start;
        }
        let (lo, hi) = line.extent;
        if x < lo || x >= hi {
            let at_visual_left = x < lo;
            return if at_visual_left == line.rtl {
                self.line_end_caret(line)
            } else {
                line.chars.start
            };
        }
        let c = cluster_boxes(line)
            .find(|c| x >= c.left && x < c.right)
            .or_else(|| cluster_boxes(line).min_by(|a, b| a.dist(x).total_cmp(&b.dist(x))));
        let Some(c) = c else {
            return line.chars.start;
        };
        for (gs, ge, left, right) in self.grapheme_slots(&c) {
            if x >= left && x < right || (x - left).abs() < f32::EPSILON {
                let left_half = x < f32::midpoint(left, right);
                // logical start is on the right for RTL glyphs, on the left for LTR
                return if left_half == c.rtl {
                    self.snap_to_grapheme(ge, true)
                } else {
                    self.snap_to_grapheme(gs, false)
                };
            }
        }
        self.snap_to_grapheme(c.chars.start, false)
    }

    /// `offset` if it is a grapheme cluster boundary of the text, else the next boundary
    /// after it (`forward`) or before it.
    fn snap_to_grapheme(&self, offset: usize, forward: bool) -> usize {
        use unicode_segmentation::GraphemeCursor;
        let Some(&b) = self.char_bytes.get(offset) else {
            return offset;
        };
        let mut cursor = GraphemeCursor::new(b as usize, self.text.len(), true);
        if cursor.is_boundary(&self.text, 0).unwrap_or(true) {
            return offset;
        }
        let next = if forward {
            cursor.next_boundary(&self.text, 0)
        } else {
            cursor.prev_boundary(&self.text, 0)
        };
        match next {
            Ok(Some(nb)) => self
                .char_bytes
                .binary_search(&(nb as u32))
                .unwrap_or(offset),
            _ => offset,
        }
    }

    /// The last caret position of a visual line: its end, or just before the trailing
    /// whitespace that a wrap left at its end.
    fn line_end_caret(&self, line: &VisualLine) -> usize {
        let mut end = line.chars.end;
        if line.wrapped {
            while end > line.chars.start
                && self
                    .char_at(end - 1)
                    .is_some_and(|c| c.is_whitespace() || is_invisible_break(c))
            {
                end -= 1;
            }
        }
        end
    }

    fn char_at(&self, offset: usize) -> Option<char> {
        let b = *self.char_bytes.get(offset)? as usize;
        self.text[b..].chars().next()
    }

    /// The grapheme clusters of a glyph cluster with their visual x intervals:
    /// `(char_start, char_end, left, right)`, split evenly across the cluster's box.
    fn grapheme_slots(&self, c: &ClusterBox) -> Vec<(usize, usize, f32, f32)> {
        let text = self.text.get(c.bytes.clone()).unwrap_or("");
        let graphemes: Vec<usize> = text.graphemes(true).map(|s| s.chars().count()).collect();
        let n = graphemes.len().max(1);
        let w = c.right - c.left;
        let slot = w / n as f32;
        let mut out = Vec::with_capacity(n);
        let mut k0 = c.chars.start;
        for (k, len) in graphemes.iter().enumerate() {
            let (left, right) = if c.rtl {
                (c.right - (k + 1) as f32 * slot, c.right - k as f32 * slot)
            } else {
                (c.left + k as f32 * slot, c.left + (k + 1) as f32 * slot)
            };
            out.push((k0, k0 + len, left, right));
            k0 += len;
        }
        if out.is_empty() {
            out.push((c.chars.start, c.chars.end, c.left, c.right));
        }
        out
    }

    /// Rectangles covering the chars `range` (physical px), one or more per visual line
    /// (several when bidi reordering splits the range visually). Adjacent pieces are merged;
    /// zero-width pieces (a direction mark, a joiner alone) are left out. A cluster only
    /// partly in `range` (one letter of a ligature) contributes its share of the cluster's
    /// box. The rectangles only mark areas; drawing them under the glyphs leaves shaping
    /// intact.
    #[must_use]
    pub fn highlight_rects(&self, range: Range<usize>) -> Vec<PxRect> {
        let mut out = Vec::new();
        if range.start >= range.end {
            return out;
        }
        let first = self.line_of_offset(range.start);
        for line in &self.lines[first..] {
            if line.chars.start >= range.end {
                break;
            }
            let mut spans: Vec<(f32, f32)> = Vec::new();
            for c in cluster_boxes(line) {
                if c.chars.end <= range.start || c.chars.start >= range.end {
                    continue;
                }
                if range.start <= c.chars.start && c.chars.end <= range.end {
                    spans.push((c.left, c.right));
                } else {
                    for (gs, ge, l, r) in self.grapheme_slots(&c) {
                        if gs < range.end && ge > range.start {
                            spans.push((l, r));
                        }
                    }
                }
            }
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut merged: Vec<(f32, f32)> = Vec::new();
            for (l, r) in spans {
                match merged.last_mut() {
                    Some(last) if l <= last.1 + 0.5 => last.1 = last.1.max(r),
                    _ => merged.push((l, r)),
                }
            }
            for (l, r) in merged.into_iter().filter(|(l, r)| r - l > 0.01) {
                out.push([l, line.top, r, line.top + line.height]);
            }
        }
        out
    }

    /// The visual x position (physical px) of a caret at `offset` on its line, and the
    /// line index: the logical-start edge of the grapheme that starts at `offset` (its
    /// right edge in a right-to-left run), or at a line's end the logical-end edge of the
    /// last grapheme. Used to draw carets and to scroll to offsets.
    #[must_use]
    pub fn caret_x(&self, offset: usize) -> (usize, f32) {
        let li = self.line_of_offset(offset);
        let Some(line) = self.lines.get(li) else {
            return (0, 0.0);
        };
        for c in cluster_boxes(line) {
            if offset < c.chars.start || offset > c.chars.end {
                continue;
            }
            for (gs, ge, l, r) in self.grapheme_slots(&c) {
                if gs == offset {
                    return (li, if c.rtl { r } else { l });
                }
                if ge == offset && offset == line.chars.end {
                    return (li, if c.rtl { l } else { r });
                }
            }
        }
        let (lo, hi) = line.extent;
        (
            li,
            if line.rtl == (offset <= line.chars.start) {
                hi
            } else {
                lo
            },
        )
    }
}

/// One glyph cluster of a visual line: the union of its glyphs' advance boxes (a zero-width
/// mark glyph adds nothing to its base's box).
struct ClusterBox {
    chars: Range<usize>,
    bytes: Range<usize>,
    left: f32,
    right: f32,
    rtl: bool,
}

impl ClusterBox {
    fn dist(&self, x: f32) -> f32 {
        if x < self.left {
            self.left - x
        } else {
            (x - self.right).max(0.0)
        }
    }
}

/// The glyph clusters of a line in visual order (a cluster's glyphs are adjacent).
fn cluster_boxes(line: &VisualLine) -> ClusterBoxes<'_> {
    ClusterBoxes {
        glyphs: &line.glyphs,
    }
}

/// Iterator behind [`cluster_boxes`].
struct ClusterBoxes<'a> {
    glyphs: &'a [PlacedGlyph],
}

impl Iterator for ClusterBoxes<'_> {
    type Item = ClusterBox;

    fn next(&mut self) -> Option<ClusterBox> {
        let (g, rest) = self.glyphs.split_first()?;
        let mut c = ClusterBox {
            chars: g.chars.clone(),
            bytes: g.bytes.clone(),
            left: g.x,
            right: g.x + g.w.max(0.0),
            rtl: g.rtl,
        };
        let n = rest.iter().take_while(|h| h.chars == g.chars).count();
        for h in &rest[..n] {
            if h.w > 0.0 {
                if c.right > c.left {
                    c.left = c.left.min(h.x);
                    c.right = c.right.max(h.x + h.w);
                } else {
                    (c.left, c.right) = (h.x, h.x + h.w);
                }
            }
        }
        self.glyphs = &rest[n..];
        Some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{ARABIC_FAMILY, SystemFonts, font_system};

    fn lay(text: &str, width: Option<f32>) -> TextLayout {
        let mut fs = font_system(SystemFonts::Skip);
        let params = LayoutParams {
            font_size: 24.0,
            line_spacing: 1.8,
            width,
            family: ARABIC_FAMILY.to_owned(),
            latin_family: Some(crate::fonts::LATIN_FAMILY.to_owned()),
        };
        layout_text(&mut fs, text, &params)
    }

    fn offset_of(text: &str, needle: &str) -> usize {
        let b = text.find(needle).unwrap();
        text[..b].chars().count()
    }

    /// Left x of the glyph whose cluster holds char `c`.
    fn x_of(l: &TextLayout, c: usize) -> f32 {
        l.lines
            .iter()
            .flat_map(|line| &line.glyphs)
            .find(|g| g.chars.contains(&c))
            .map_or_else(|| panic!("no glyph for char {c}"), |g| g.x)
    }

    #[test]
    fn latin_run_sits_at_the_left_end_of_an_arabic_title() {
        let t = "بوتين وترامب يبحثان مكافحة كورونا وقمة \"G7\"";
        let l = lay(t, None);
        assert_eq!(l.lines.len(), 1);
        assert!(l.lines[0].rtl);
        let g = offset_of(t, "G7");
        let gx = x_of(&l, g);
        assert!(gx < x_of(&l, g + 1), "G before 7 from left to right");
        // every Arabic letter is to the right of the Latin run
        for (i, c) in t.chars().enumerate() {
            if ('\u{0600}'..='\u{06FF}').contains(&c) {
                assert!(x_of(&l, i) > gx, "Arabic char {i} left of G7");
            }
        }
        // the first word (بوتين) is at the right end
        assert!(x_of(&l, 0) > x_of(&l, offset_of(t, "وقمة")));
    }

    #[test]
    fn digits_keep_their_order_inside_right_to_left_text() {
        let t = "في 28 حزيران/ يونيو 2019 (أ ف ب)";
        let l = lay(t, None);
        let d28 = offset_of(t, "28");
        let d2019 = offset_of(t, "2019");
        assert!(x_of(&l, d28) < x_of(&l, d28 + 1), "28 must not read 82");
        for i in 0..3 {
            assert!(
                x_of(&l, d2019 + i) < x_of(&l, d2019 + i + 1),
                "2019 digit order"
            );
        }
        // logical order right to left: في, 28, حزيران, …, 2019
        assert!(x_of(&l, d28) > x_of(&l, offset_of(t, "حزيران")));
        assert!(x_of(&l, offset_of(t, "حزيران")) > x_of(&l, d2019));
    }

    #[test]
    fn wrapped_lines_come_in_reading_order_and_cover_the_text() {
        let t = "بحث الرئيس الروسي فلاديمير بوتين، ونظيره الأميركي دونالد ترامب، مكافحة فيروس كورونا والتعاون في الفضاء وعقد القمة المرتقبة";
        let l = lay(t, Some(300.0));
        assert!(
            l.lines.len() >= 3,
            "expected wrapping, got {} lines",
            l.lines.len()
        );
        for w in l.lines.windows(2) {
            assert_eq!(w[0].chars.end, w[1].chars.start);
            assert!(w[0].top < w[1].top);
        }
        assert_eq!(l.lines[0].chars.start, 0);
        assert_eq!(l.lines.last().unwrap().chars.end, t.chars().count());
        // right-aligned: each RTL line ends near the right edge
        for line in &l.lines {
            assert!(
                line.extent.1 > 300.0 - 2.0,
                "line not right-aligned: {:?}",
                line.extent
            );
        }
    }

    #[test]
    fn latin_runs_cover_words_digits_and_inner_joiners_only() {
        let t = "مركبة \"Crew Dragon\" وقمة G7، و A-1 .";
        let runs: Vec<&str> = latin_runs(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(runs, vec!["Crew Dragon", "G7", "A-1"]);
    }

    #[test]
    fn latin_runs_are_set_in_the_latin_face() {
        let t = "وقمة \"G7\"";
        let fs = font_system(SystemFonts::Skip);
        let l = lay(t, None);
        let g = l.lines[0]
            .glyphs
            .iter()
            .find(|g| g.chars.start == 6)
            .unwrap();
        let face = fs.db().face(g.cache_key.font_id).unwrap();
        assert_eq!(face.families[0].0, crate::fonts::LATIN_FAMILY);
        let a = l.lines[0]
            .glyphs
            .iter()
            .find(|g| g.chars.start == 0)
            .unwrap();
        let face = fs.db().face(a.cache_key.font_id).unwrap();
        assert_eq!(face.families[0].0, ARABIC_FAMILY);
    }

    #[test]
    fn a_paragraph_takes_the_direction_of_its_first_strong_letter() {
        // UAX #9 P2: "G7" comes first, so the paragraph is left-to-right; an RLM in front
        // (a strong R character that is never drawn) makes the same words right-to-left
        let t =
            "G7 تعقد قمتها في فرنسا\n\u{200F}G7 تعقد قمتها في فرنسا\nCrew Dragon is a spacecraft.";
        let l = lay(t, Some(600.0));
        assert_eq!(l.lines.len(), 3);
        assert!(!l.lines[0].rtl, "first strong letter G: left-to-right");
        assert!(x_of(&l, 0) < x_of(&l, 3), "G7 is read first, at the left");
        assert!(l.lines[0].extent.0 < 1.0, "left-aligned");
        assert_eq!(l.lines[0].chars, 0..22);
        let second = offset_of(t, "\u{200F}");
        assert!(l.lines[1].rtl, "an RLM first: right-to-left");
        assert!(
            x_of(&l, second + 1) > x_of(&l, second + 4),
            "G7 at the right"
        );
        assert!(l.lines[1].extent.1 > 599.0, "right-aligned");
        assert_eq!(l.highlight_rects(second + 1..second + 3).len(), 1);
        let y = l.lines[1].top + l.lines[1].height / 2.0;
        assert_eq!(
            l.hit(l.lines[1].extent.1 + 10.0, y),
            second,
            "right edge is the start"
        );
        assert!(!l.lines[2].rtl, "an all-Latin paragraph is left-to-right");
    }

    #[test]
    fn first_strong_rtl_skips_isolates_and_stops_at_the_paragraph_end() {
        assert_eq!(first_strong_rtl("Hello بوتين."), Some(false));
        assert_eq!(first_strong_rtl("«بوتين» said"), Some(true));
        assert_eq!(first_strong_rtl("2020 (3) — "), None);
        assert_eq!(first_strong_rtl("\u{2067}abc\u{2069} بوتين"), Some(true));
        assert_eq!(first_strong_rtl("\u{2068}بوتين\u{2069} said"), Some(false));
        assert_eq!(
            first_strong_rtl("12\nبوتين"),
            None,
            "the next paragraph is not read"
        );
        assert_eq!(
            first_strong_rtl("\u{200E}بوتين"),
            Some(false),
            "LRM is strong L"
        );
    }

    #[test]
    fn paragraphs_keep_crlf_in_offsets() {
        let t = "سطر أول\r\nسطر ثان\n\nG7";
        let l = lay(t, Some(400.0));
        assert_eq!(l.lines.len(), 4);
        assert_eq!(l.lines[1].chars.start, offset_of(t, "سطر ثان"));
        assert!(l.lines[2].glyphs.is_empty());
        assert_eq!(l.lines[3].chars, offset_of(t, "G7")..t.chars().count());
        assert!(!l.lines[3].rtl);
    }

    #[test]
    fn dragging_over_the_first_three_words_selects_exactly_them() {
        let t = "بسم الله الرحمن الرحيم";
        let l = lay(t, None);
        let y = l.lines[0].top + l.lines[0].height / 2.0;
        let (_, right) = l.lines[0].extent;
        let end = offset_of(t, " الرحيم");
        let (_, end_x) = l.caret_x(end);
        let from = l.hit(right - 1.0, y);
        let to = l.hit(end_x + 1.0, y);
        assert_eq!((from, to), (0, end));
        assert_eq!(&t[..t.find(" الرحيم").unwrap()], "بسم الله الرحمن");
        // beyond the right edge of an RTL line is its start; beyond the left, its end
        assert_eq!(l.hit(right + 50.0, y), 0);
        assert_eq!(l.hit(-50.0, y), t.chars().count());
    }

    #[test]
    fn hits_never_split_a_grapheme_cluster() {
        let t = "شدّد الكتابَ";
        let l = lay(t, None);
        let y = l.lines[0].height / 2.0;
        let doc = taliq_core::model::document::Document::from_text(t, "t", "UTF-8");
        let (lo, hi) = l.lines[0].extent;
        let mut x = lo;
        while x < hi {
            let off = l.hit(x, y);
            assert!(doc.is_grapheme_boundary(off), "hit at x={x} gave {off}");
            x += 0.5;
        }
    }

    #[test]
    fn highlight_of_a_word_after_a_proclitic_leaves_the_waw_out() {
        let t = "بوتين وترامب";
        let l = lay(t, None);
        let s = offset_of(t, "ترامب");
        let rects = l.highlight_rects(s..s + 5);
        assert_eq!(rects.len(), 1);
        let waw = l.lines[0]
            .glyphs
            .iter()
            .find(|g| g.chars.contains(&(s - 1)))
            .unwrap();
        let [left, _, right, _] = rects[0];
        assert!(right <= waw.x + 0.5, "highlight reaches into و");
        assert!(right - left > 10.0);
        // the highlight is geometry only: laying out again gives the same glyphs
        assert_eq!(lay(t, None).lines[0].glyphs, l.lines[0].glyphs);
    }

    #[test]
    fn lam_alef_ligature_gives_both_letters_a_caret_position() {
        let t = "الا";
        let l = lay(t, None);
        let y = l.lines[0].height / 2.0;
        let (lo, hi) = l.lines[0].extent;
        let mut seen = std::collections::BTreeSet::new();
        let mut x = lo;
        while x < hi {
            seen.insert(l.hit(x, y));
            x += 0.25;
        }
        assert_eq!(seen.into_iter().collect::<Vec<_>>(), vec![0, 1, 2, 3]);
    }

    #[test]
    fn paragraphs_split_at_every_bidi_paragraph_separator() {
        let t = "a\r\nb\rc\nd\u{85}e\u{2029}f\u{1C}g\u{2028}h";
        let p: Vec<&str> = paragraphs(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(p, vec!["a", "b", "c", "d", "e", "f", "g\u{2028}h"]);
        assert_eq!(paragraphs("x\n").len(), 2, "a final empty paragraph");
    }

    #[test]
    fn a_quoted_latin_word_is_never_split_from_its_quotes() {
        // cosmic-text's own wrapping broke «وقمة "» / «G7"»: the quote is an R-level
        // neutral and G7 an L run, and it may wrap between any two bidi runs
        let t = "بوتين وترامب يبحثان مكافحة كورونا وقمة \"G7\"";
        let q = offset_of(t, "\"G7\"");
        for w in 60..500 {
            let l = lay(t, Some(w as f32));
            for line in &l.lines {
                assert!(
                    !(q + 1..q + 4).contains(&line.chars.start),
                    "width {w}: a line starts inside \"G7\""
                );
            }
        }
    }

    #[test]
    fn a_line_separator_ends_a_line_but_not_the_paragraph() {
        // U+2028 is a mandatory break (UAX #14 BK) but not a bidi paragraph separator:
        // the Latin line after it stays in the right-to-left paragraph
        let t = "مرحبا\u{2028}G7 summit";
        let l = lay(t, None);
        assert_eq!(l.lines.len(), 2);
        assert_eq!(l.lines[0].chars, 0..6);
        assert!(l.lines[1].rtl);
        assert!(l.lines[0].glyphs.iter().all(|g| g.chars != (5..6)));
        let l = lay("مرحبا\u{2028}", None);
        assert_eq!(
            l.lines.len(),
            2,
            "a final line separator opens an empty line"
        );
        assert_eq!(l.lines[1].chars, 6..6);
    }
}
