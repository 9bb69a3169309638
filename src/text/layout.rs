//! Paragraph layout on cosmic-text: shaping (HarfBuzz-compatible harfrust), Unicode bidi
//! (UAX #9 via unicode-bidi, with bracket pairs), line breaking (UAX #14) and wrapping.
//!
//! The result, [`TextLayout`], is plain data in physical pixels: visual lines in reading
//! order, each with its glyphs in visual (left-to-right screen) order and the logical char
//! range of each glyph's cluster. Hit-testing and highlight geometry work on it directly.
//! Nothing here depends on egui.

use std::ops::Range;

use cosmic_text::{
    Attrs, AttrsList, BufferLine, CacheKey, Ellipsize, Family, FontSystem, Hinting, LineEnding,
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

/// Lays out `text` (any line endings; `\r\n`, `\n` and `\r` each end a paragraph and still
/// count in char offsets). Each paragraph takes its base direction from its first strong
/// character (UAX #9 rules P2–P3) and is aligned to its start side (right for Arabic).
#[must_use]
pub fn layout_text(fs: &mut FontSystem, text: &str, params: &LayoutParams) -> TextLayout {
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

    for para in paragraphs(text) {
        let para_text = &text[para.clone()];
        // A paragraph that holds Arabic but starts with digits or Latin ("G7 تعقد ...")
        // is still a right-to-left paragraph in an Arabic article: a leading RLM (a strong
        // R character, UAX #9 P2) sets its direction. It is laid out but never shown and
        // never counted: glyph offsets are shifted back past it below.
        let lead = if needs_rtl_mark(para_text) {
            RLM.len_utf8()
        } else {
            0
        };
        let marked;
        let shaped_text = if lead > 0 {
            marked = format!("{RLM}{para_text}");
            marked.as_str()
        } else {
            para_text
        };
        let mut attrs_list = AttrsList::new(&attrs);
        if let Some(latin) = &params.latin_family {
            let latin_attrs = Attrs::new().family(Family::Name(latin));
            for run in latin_runs(para_text) {
                attrs_list.add_span(run.start + lead..run.end + lead, &latin_attrs);
            }
        }
        let mut bl = BufferLine::new(shaped_text, LineEnding::None, attrs_list, Shaping::Advanced);
        let rtl = bl.shape(fs, 8).rtl;
        let layout_lines = bl.layout(
            fs,
            params.font_size,
            params.width,
            Wrap::WordOrGlyph,
            Ellipsize::None,
            None,
            8,
            Hinting::Disabled,
        );
        let para_chars = char_of_byte(para.start)..char_of_byte(para.end);
        if layout_lines.is_empty() || para_text.is_empty() {
            lines.push(VisualLine {
                chars: para_chars.clone(),
                top,
                height: line_height,
                rtl,
                glyphs: Vec::new(),
                extent: (0.0, 0.0),
                wrapped: false,
            });
            top += line_height;
            continue;
        }
        let n = layout_lines.len();
        let mut next_start = para_chars.start;
        for (li, ll) in layout_lines.iter().enumerate() {
            let glyph_h = ll.max_ascent + ll.max_descent;
            let baseline = top + ((line_height - glyph_h) / 2.0).max(0.0) + ll.max_ascent;
            let mut glyphs = Vec::with_capacity(ll.glyphs.len());
            let (mut lo, mut hi) = (f32::MAX, f32::MIN);
            let mut cmax = next_start;
            for g in &ll.glyphs {
                if g.start < lead {
                    continue; // the direction mark
                }
                let phys = g.physical((0.0, baseline), 1.0);
                let bytes = para.start + g.start - lead..para.start + g.end - lead;
                let chars = char_of_byte(bytes.start)..char_of_byte(bytes.end);
                cmax = cmax.max(chars.end);
                lo = lo.min(g.x);
                hi = hi.max(g.x + g.w);
                glyphs.push(PlacedGlyph {
                    cache_key: phys.cache_key,
                    pen: [phys.x, phys.y],
                    x: g.x,
                    w: g.w,
                    chars,
                    bytes,
                    rtl: g.level.is_rtl(),
                });
            }
            // cosmic-text lists the glyphs of a right-to-left line from right to left;
            // keep them left to right (HarfBuzz's visual output order) everywhere.
            if rtl {
                glyphs.reverse();
            }
            // A visual line covers chars up to where the next one starts; the last one
            // reaches the paragraph end (trailing spaces included).
            let end = if li + 1 == n { para_chars.end } else { cmax };
            max_w = max_w.max(ll.w);
            lines.push(VisualLine {
                chars: next_start..end.max(next_start),
                top,
                height: line_height,
                rtl,
                glyphs,
                extent: if lo <= hi { (lo, hi) } else { (0.0, 0.0) },
                wrapped: li + 1 < n,
            });
            next_start = end.max(next_start);
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

const RLM: char = '\u{200F}';

/// True when a paragraph contains right-to-left letters but its first strong character is
/// left-to-right (or it has none before them), so UAX #9's default rule would make it a
/// left-to-right paragraph.
fn needs_rtl_mark(text: &str) -> bool {
    use unicode_bidi::{BidiClass, bidi_class};
    let mut strong = text
        .chars()
        .map(bidi_class)
        .filter(|c| matches!(c, BidiClass::L | BidiClass::R | BidiClass::AL));
    match strong.next() {
        Some(BidiClass::L) => strong.any(|c| c != BidiClass::L),
        _ => false,
    }
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

/// Byte ranges of the paragraphs of `text`, line endings excluded. A text ending in a line
/// break has a final empty paragraph, as an editor shows it.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(start..i);
                i += 1;
                start = i;
            }
            b'\r' => {
                out.push(start..i);
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    out.push(start..bytes.len());
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
    /// Inside a glyph, the cluster is divided evenly among its grapheme clusters (so both
    /// halves of a lam-alef ligature get a caret position); the half of a grapheme nearer
    /// to its logical start (the right half in right-to-left runs) gives its start offset.
    /// Beyond a line's ends, the caret goes to the line's visual start or end according to
    /// its paragraph direction.
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
        let g = line
            .glyphs
            .iter()
            .find(|g| x >= g.x && x < g.x + g.w)
            .or_else(|| {
                line.glyphs.iter().min_by(|a, b| {
                    dist(a, x)
                        .partial_cmp(&dist(b, x))
                        .unwrap_or(std::cmp::Ordering::Equal)
                })
            });
        let Some(g) = g else {
            return line.chars.start;
        };
        for (gs, ge, left, right) in self.grapheme_slots(g) {
            if x >= left && x < right || (x - left).abs() < f32::EPSILON {
                let left_half = x < f32::midpoint(left, right);
                // logical start is on the right for RTL glyphs, on the left for LTR
                return if left_half == g.rtl { ge } else { gs };
            }
        }
        g.chars.start
    }

    /// The last caret position of a visual line: its end, or just before the trailing
    /// whitespace that a wrap left at its end.
    fn line_end_caret(&self, line: &VisualLine) -> usize {
        let mut end = line.chars.end;
        if line.wrapped {
            while end > line.chars.start && self.char_at(end - 1).is_some_and(char::is_whitespace) {
                end -= 1;
            }
        }
        end
    }

    fn char_at(&self, offset: usize) -> Option<char> {
        let b = *self.char_bytes.get(offset)? as usize;
        self.text[b..].chars().next()
    }

    /// The grapheme clusters of a glyph's cluster with their visual x intervals:
    /// `(char_start, char_end, left, right)`, split evenly across the advance.
    fn grapheme_slots(&self, g: &PlacedGlyph) -> Vec<(usize, usize, f32, f32)> {
        let cluster = self.text.get(g.bytes.clone()).unwrap_or("");
        let graphemes: Vec<usize> = cluster.graphemes(true).map(|s| s.chars().count()).collect();
        let n = graphemes.len().max(1);
        let slot = g.w / n as f32;
        let mut out = Vec::with_capacity(n);
        let mut c = g.chars.start;
        for (k, len) in graphemes.iter().enumerate() {
            let (left, right) = if g.rtl {
                (
                    g.x + g.w - (k + 1) as f32 * slot,
                    g.x + g.w - k as f32 * slot,
                )
            } else {
                (g.x + k as f32 * slot, g.x + (k + 1) as f32 * slot)
            };
            out.push((c, c + len, left, right));
            c += len;
        }
        if out.is_empty() {
            out.push((g.chars.start, g.chars.end, g.x, g.x + g.w));
        }
        out
    }

    /// Rectangles covering the chars `range` (physical px), one or more per visual line
    /// (several when bidi reordering splits the range visually). Adjacent pieces are merged.
    /// The rectangles only mark areas; drawing them under the glyphs leaves shaping intact.
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
            for g in &line.glyphs {
                if g.chars.end <= range.start || g.chars.start >= range.end {
                    continue;
                }
                if range.start <= g.chars.start && g.chars.end <= range.end {
                    spans.push((g.x, g.x + g.w));
                } else {
                    for (gs, ge, l, r) in self.grapheme_slots(g) {
                        if gs < range.end && ge > range.start {
                            spans.push((l, r));
                        }
                    }
                }
            }
            spans.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
            let mut merged: Vec<(f32, f32)> = Vec::new();
            for (l, r) in spans {
                match merged.last_mut() {
                    Some(last) if l <= last.1 + 0.5 => last.1 = last.1.max(r),
                    _ => merged.push((l, r)),
                }
            }
            for (l, r) in merged {
                out.push([l, line.top, r, line.top + line.height]);
            }
        }
        out
    }

    /// The visual x position (physical px) of a caret at `offset` on its line, and the
    /// line index. Used to draw carets and to scroll to offsets.
    #[must_use]
    pub fn caret_x(&self, offset: usize) -> (usize, f32) {
        let li = self.line_of_offset(offset);
        let Some(line) = self.lines.get(li) else {
            return (0, 0.0);
        };
        for g in &line.glyphs {
            for (gs, ge, l, r) in self.grapheme_slots(g) {
                if gs == offset {
                    return (li, if g.rtl { r } else { l });
                }
                if ge == offset && offset == line.chars.end {
                    return (li, if g.rtl { l } else { r });
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

fn dist(g: &PlacedGlyph, x: f32) -> f32 {
    if x < g.x {
        g.x - x
    } else {
        (x - (g.x + g.w)).max(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fonts::{ARABIC_FAMILY, SystemFonts, font_system};

    fn lay(text: &str, width: Option<f32>) -> TextLayout {
        let mut fs = font_system(SystemFonts::Skip);
        let params = LayoutParams {
            font_size: 24.0,
            line_spacing: 1.8,
            width,
            family: ARABIC_FAMILY.to_owned(),
            latin_family: Some(crate::text::fonts::LATIN_FAMILY.to_owned()),
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
        assert_eq!(face.families[0].0, crate::text::fonts::LATIN_FAMILY);
        let a = l.lines[0]
            .glyphs
            .iter()
            .find(|g| g.chars.start == 0)
            .unwrap();
        let face = fs.db().face(a.cache_key.font_id).unwrap();
        assert_eq!(face.families[0].0, ARABIC_FAMILY);
    }

    #[test]
    fn a_paragraph_starting_with_latin_but_holding_arabic_is_right_to_left() {
        let t = "G7 تعقد قمتها في فرنسا\nCrew Dragon is a spacecraft.";
        let l = lay(t, Some(600.0));
        assert_eq!(l.lines.len(), 2);
        assert!(l.lines[0].rtl, "Arabic paragraph starting with G7");
        assert!(x_of(&l, 0) > x_of(&l, 3), "G7 is read first, at the right");
        assert_eq!(l.lines[0].chars, 0..22);
        assert_eq!(l.highlight_rects(0..2).len(), 1);
        let y = l.lines[0].height / 2.0;
        assert_eq!(
            l.hit(l.lines[0].extent.1 + 10.0, y),
            0,
            "right edge is the start"
        );
        assert!(
            !l.lines[1].rtl,
            "an all-Latin paragraph stays left-to-right"
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
        let doc = crate::document::Document::from_text(t, "t", "UTF-8");
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
}
