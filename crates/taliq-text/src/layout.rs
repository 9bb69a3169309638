//! Paragraph layout on cosmic-text: shaping (HarfBuzz-compatible harfrust), Unicode bidi
//! (UAX #9 via unicode-bidi, with bracket pairs), line breaking (UAX #14) and wrapping.
//!
//! The result, [`TextLayout`], is plain data in physical pixels: visual lines in reading
//! order, each with its glyphs in visual (left-to-right screen) order and the logical char
//! range of each glyph's cluster. Hit-testing and highlight geometry work on it directly.
//! Nothing here depends on egui.

use std::ops::Range;

use cosmic_text::{
    Attrs, AttrsList, CacheKey, Family, FontSystem, Hinting, ShapeLine, ShapeSpan, Shaping, Wrap,
};
use unicode_segmentation::UnicodeSegmentation;

pub use crate::runs::first_strong_rtl;
use crate::runs::{
    LRM, RLM, WordIndex, inert_direction_marks, is_invisible_break, latin_runs, paragraphs,
};

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
    pub(crate) text: String,
    /// Byte offset of each char, plus `text.len()` at the end.
    pub(crate) char_bytes: Vec<u32>,
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
