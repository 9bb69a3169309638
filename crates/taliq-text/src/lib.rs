//! The Arabic text engine: cosmic-text lays out (shaping, bidi, line breaking, hit-testing
//! geometry) and egui only paints (glyph quads from a packed atlas, highlight rectangles
//! under them). Every Arabic string in the UI goes through [`TextEngine`]; egui's own text
//! is used for the Latin interface chrome only, because egui does no bidi reordering.

pub mod atlas;
pub mod carets;
pub mod doc_layout;
pub mod edit;
pub mod fonts;
mod geometry;
pub mod layout;
mod runs;

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use cosmic_text::FontSystem;
use egui::{Color32, Mesh, Painter, Pos2, Rect, Response, Sense, Shape, Ui, Vec2, pos2, vec2};

pub use doc_layout::DocLayout;
pub use fonts::SystemFonts;
pub use layout::{LayoutParams, PxRect, TextLayout, first_strong_rtl, layout_text};

use atlas::GlyphAtlas;

/// Text style of a layout, in logical points (egui units).
#[derive(Debug, Clone, PartialEq)]
pub struct TextStyle {
    /// Font size in points.
    pub size: f32,
    /// Line height as a multiple of the font size.
    pub line_spacing: f32,
    /// Font family name. [`fonts::ARABIC_FAMILY`] (what the constructors give) stands for
    /// the Arabic text face the reader chose ([`TextEngine::set_arabic_family`]); any other
    /// name is used as it is.
    pub family: String,
    /// Labels only ([`TextEngine::label`]): lay the text out in a right-to-left paragraph
    /// even when it starts with digits or Latin ("3%", "G7"), as inside an Arabic
    /// document, so it is right-aligned and ordered as it reads in the article.
    pub rtl_base: bool,
}

impl TextStyle {
    /// Interface text (status line, small labels) that may contain Arabic: 14 points,
    /// single-line spacing.
    #[must_use]
    pub fn ui() -> TextStyle {
        TextStyle {
            size: 14.0,
            line_spacing: 1.45,
            family: fonts::ARABIC_FAMILY.to_owned(),
            rtl_base: false,
        }
    }

    /// The bundled Arabic face at `size` points with comfortable Arabic line spacing.
    #[must_use]
    pub fn arabic(size: f32) -> TextStyle {
        TextStyle {
            size,
            line_spacing: 1.8,
            family: fonts::ARABIC_FAMILY.to_owned(),
            rtl_base: false,
        }
    }

    /// A name or phrase from an Arabic document shown on its own (facts panel, inspector):
    /// right-to-left base direction, see [`TextStyle::rtl_base`].
    #[must_use]
    pub fn arabic_label(size: f32) -> TextStyle {
        TextStyle {
            rtl_base: true,
            ..TextStyle::arabic(size)
        }
    }
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct CacheKey {
    text_hash: u64,
    text_len: usize,
    width_px: Option<u32>,
    size_bits: u32,
    spacing_bits: u32,
    family: String,
}

/// Font database, glyph atlas and layout cache. One per application.
pub struct TextEngine {
    fs: FontSystem,
    atlas: GlyphAtlas,
    cache: FxHashMap<CacheKey, Arc<TextLayout>>,
    /// The family Arabic styles are set in (the bundled face unless the reader chose one).
    arabic_family: String,
    /// Installed families that cover Arabic, listed on first use.
    installed_arabic: Option<Vec<String>>,
}

/// Layouts kept in the cache before it is emptied (small strings of the facts panel
/// and the article itself; re-laying out a dropped entry is cheap).
const CACHE_LIMIT: usize = 4096;

impl TextEngine {
    /// An engine with the bundled fonts and, if asked, the system's fonts as fallback.
    #[must_use]
    pub fn new(system: SystemFonts) -> TextEngine {
        TextEngine {
            fs: fonts::font_system(system),
            atlas: GlyphAtlas::new(),
            cache: FxHashMap::default(),
            arabic_family: fonts::ARABIC_FAMILY.to_owned(),
            installed_arabic: None,
        }
    }

    /// Sets Arabic text styles (family [`fonts::ARABIC_FAMILY`]) in `family` from now on;
    /// `None` is the bundled Noto Naskh Arabic. Layouts are cached per family, so the next
    /// frame lays the text out again in the new face. The caller checks that the family is
    /// installed ([`TextEngine::has_arabic_family`]); a missing one falls back per glyph.
    pub fn set_arabic_family(&mut self, family: Option<&str>) {
        family
            .unwrap_or(fonts::ARABIC_FAMILY)
            .clone_into(&mut self.arabic_family);
    }

    /// The family Arabic text styles are set in.
    #[must_use]
    pub fn arabic_family(&self) -> &str {
        &self.arabic_family
    }

    /// Installed font families that cover Arabic, sorted
    /// ([`fonts::installed_arabic_families`]); the font files are read on the first call
    /// only. Empty when system fonts were not loaded ([`SystemFonts::Skip`]).
    pub fn installed_arabic_families(&mut self) -> &[String] {
        self.installed_arabic
            .get_or_insert_with(|| fonts::installed_arabic_families(self.fs.db()))
    }

    /// True when `family` is an installed font family that covers Arabic. Uses the list
    /// when it was already made, otherwise reads that family's fonts only.
    #[must_use]
    pub fn has_arabic_family(&self, family: &str) -> bool {
        match &self.installed_arabic {
            Some(list) => list.iter().any(|f| f == family),
            None => fonts::is_installed_arabic_family(self.fs.db(), family),
        }
    }

    /// The layout parameters (physical px) for text in `style` wrapped at `width` points
    /// (`None`: no wrapping) at `pixels_per_point`, with Arabic styles set in the chosen
    /// family ([`TextEngine::set_arabic_family`]) and Latin runs in the bundled Latin face.
    #[must_use]
    pub fn layout_params(
        &self,
        style: &TextStyle,
        width: Option<f32>,
        pixels_per_point: f32,
    ) -> LayoutParams {
        let mut params = layout_params(style, width, pixels_per_point);
        if style.family == fonts::ARABIC_FAMILY {
            params.family.clone_from(&self.arabic_family);
        }
        params
    }

    /// The font system (for direct layout calls, e.g. from tests).
    pub fn font_system(&mut self) -> &mut FontSystem {
        &mut self.fs
    }

    /// Lays out `text` wrapped at `width` points (`None`: no wrapping) at the display's
    /// `pixels_per_point`, reusing a cached layout for the same inputs.
    pub fn layout(
        &mut self,
        text: &str,
        style: &TextStyle,
        width: Option<f32>,
        pixels_per_point: f32,
    ) -> Arc<TextLayout> {
        let mut h = FxHasher::default();
        text.hash(&mut h);
        self.layout_identified(h.finish(), text, style, width, pixels_per_point)
    }

    /// Like [`TextEngine::layout`], with the caller vouching that `text_id` identifies
    /// `text` (e.g. from the document's SHA-256), so a long article is not hashed again
    /// every frame.
    pub fn layout_identified(
        &mut self,
        text_id: u64,
        text: &str,
        style: &TextStyle,
        width: Option<f32>,
        pixels_per_point: f32,
    ) -> Arc<TextLayout> {
        let width_px = width.map(|w| (w * pixels_per_point).floor().max(1.0));
        let family = if style.family == fonts::ARABIC_FAMILY {
            &self.arabic_family
        } else {
            &style.family
        };
        let key = CacheKey {
            text_hash: text_id,
            text_len: text.len(),
            width_px: width_px.map(|w| w as u32),
            size_bits: (style.size * pixels_per_point).to_bits(),
            spacing_bits: style.line_spacing.to_bits(),
            family: family.clone(),
        };
        if let Some(l) = self.cache.get(&key) {
            return Arc::clone(l);
        }
        if self.cache.len() >= CACHE_LIMIT {
            self.cache.clear();
        }
        let params = self.layout_params(style, width, pixels_per_point);
        let l = Arc::new(layout_text(&mut self.fs, text, &params));
        self.cache.insert(key, Arc::clone(&l));
        l
    }

    /// Paints the glyphs of the lines of `layout` that intersect `clip` (points), with the
    /// layout's top-left at `origin` (points). Glyph positions are snapped to physical
    /// pixels so the atlas images are drawn 1:1.
    pub fn paint_glyphs(
        &mut self,
        painter: &Painter,
        layout: &TextLayout,
        origin: Pos2,
        color: Color32,
        clip: Rect,
    ) {
        let ctx = painter.ctx().clone();
        let ppp = ctx.pixels_per_point();
        let ox = (origin.x * ppp).round();
        let oy = (origin.y * ppp).round();
        let band = layout.lines_in(clip.min.y * ppp - oy, clip.max.y * ppp - oy);
        let uv = GlyphAtlas::uv_scale();
        let mut meshes: FxHashMap<usize, Mesh> = FxHashMap::default();
        for line in &layout.lines[band] {
            for g in &line.glyphs {
                let Some(e) = self.atlas.entry(&ctx, &mut self.fs, g.cache_key) else {
                    continue;
                };
                let x0 = ox + (g.pen[0] + e.offset[0]) as f32;
                let y0 = oy + (g.pen[1] + e.offset[1]) as f32;
                let [tx, ty, tw, th] = e.texel;
                let rect = Rect::from_min_size(
                    pos2(x0 / ppp, y0 / ppp),
                    vec2(tw as f32 / ppp, th as f32 / ppp),
                );
                let uv_rect = Rect::from_min_size(
                    pos2(tx as f32 * uv, ty as f32 * uv),
                    vec2(tw as f32 * uv, th as f32 * uv),
                );
                let mesh = meshes.entry(e.page).or_insert_with(|| {
                    Mesh::with_texture(self.atlas.texture_id(e.page).unwrap_or_default())
                });
                mesh.add_rect_with_uv(rect, uv_rect, if e.color { Color32::WHITE } else { color });
            }
        }
        for (_, mesh) in meshes {
            painter.add(Shape::mesh(mesh));
        }
    }

    /// Fills highlight rectangles (physical px relative to the layout origin at `origin`
    /// points) with `fill`. Call before [`TextEngine::paint_glyphs`] so they lie under the text.
    pub fn paint_rects(painter: &Painter, origin: Pos2, rects: &[PxRect], fill: Color32) {
        let ppp = painter.ctx().pixels_per_point();
        let ox = (origin.x * ppp).round();
        let oy = (origin.y * ppp).round();
        for r in rects {
            let rect = Rect::from_min_max(
                pos2((ox + r[0]) / ppp, (oy + r[1]) / ppp),
                pos2((ox + r[2]) / ppp, (oy + r[3]) / ppp),
            );
            painter.rect_filled(rect, 2.0, fill);
        }
    }

    /// Converts a layout rectangle to screen points for a layout placed at `origin`.
    #[must_use]
    pub fn px_rect_to_points(origin: Pos2, r: PxRect, pixels_per_point: f32) -> Rect {
        let ox = (origin.x * pixels_per_point).round();
        let oy = (origin.y * pixels_per_point).round();
        Rect::from_min_max(
            pos2(
                (ox + r[0]) / pixels_per_point,
                (oy + r[1]) / pixels_per_point,
            ),
            pos2(
                (ox + r[2]) / pixels_per_point,
                (oy + r[3]) / pixels_per_point,
            ),
        )
    }

    /// A wrapped, direction-aware text label (Arabic or mixed) using the full available
    /// width; right-to-left paragraphs are right-aligned. Returns the widget response
    /// (hover/click sensing per `sense`).
    pub fn label(
        &mut self,
        ui: &mut Ui,
        text: &str,
        style: &TextStyle,
        color: Color32,
        sense: Sense,
    ) -> Response {
        self.label_highlighted(ui, text, None, style, color, sense)
    }

    /// Like [`TextEngine::label`], with the chars `highlight.0` (a char range of `text`)
    /// marked by a background of colour `highlight.1` drawn under the glyphs: a mention
    /// shown in its context.
    pub fn label_highlighted(
        &mut self,
        ui: &mut Ui,
        text: &str,
        highlight: Option<(std::ops::Range<usize>, Color32)>,
        style: &TextStyle,
        color: Color32,
        sense: Sense,
    ) -> Response {
        let ppp = ui.ctx().pixels_per_point();
        let width = ui.available_width().max(20.0);
        // A leading direction mark sets the paragraph direction (UAX #9, P2) without
        // changing what is drawn; highlight offsets are shifted past it.
        let marked;
        let (shown, shift) = match direction_mark(text, style.rtl_base) {
            Some(mark) => {
                marked = format!("{mark}{text}");
                (marked.as_str(), 1)
            }
            None => (text, 0),
        };
        let layout = self.layout(shown, style, Some(width), ppp);
        let (rect, response) = ui.allocate_exact_size(Vec2::new(width, layout.height / ppp), sense);
        // screen readers (and egui_kittest queries) read the text as a plain label
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
        if ui.is_rect_visible(rect) {
            let painter = ui.painter_at(rect.expand(4.0));
            if let Some((range, fill)) = highlight {
                let rects = layout.highlight_rects(range.start + shift..range.end + shift);
                TextEngine::paint_rects(&painter, rect.min, &rects, fill);
            }
            self.paint_glyphs(&painter, &layout, rect.min, color, ui.clip_rect());
        }
        response
    }

    /// Width (points) of `text` laid out on one line in `style`, as
    /// [`TextEngine::label_line`] shows it when it is not cut.
    pub fn line_width(&mut self, text: &str, style: &TextStyle, pixels_per_point: f32) -> f32 {
        let marked;
        let shown = match direction_mark(text, style.rtl_base) {
            Some(mark) => {
                marked = format!("{mark}{text}");
                marked.as_str()
            }
            None => text,
        };
        self.layout(shown, style, None, pixels_per_point).width / pixels_per_point
    }

    /// A single-line label (no wrapping) no wider than the available width; returns the
    /// response and whether the text was cut off. A text too long is cut between glyph
    /// clusters at its end side and an ellipsis "…" marks the cut, so its start stays
    /// visible (the left end of left-to-right text, the right end of right-to-left text).
    pub fn label_line(
        &mut self,
        ui: &mut Ui,
        text: &str,
        style: &TextStyle,
        color: Color32,
    ) -> (Response, bool) {
        let ppp = ui.ctx().pixels_per_point();
        let marked;
        let shown = match direction_mark(text, style.rtl_base) {
            Some(mark) => {
                marked = format!("{mark}{text}");
                marked.as_str()
            }
            None => text,
        };
        let layout = self.layout(shown, style, None, ppp);
        let full = layout.width / ppp;
        let width = full.min(ui.available_width().max(20.0));
        let cut = full > width + 0.5;
        let (rect, response) =
            ui.allocate_exact_size(Vec2::new(width, layout.height / ppp), Sense::hover());
        if ui.is_rect_visible(rect) {
            let painter = ui.painter_at(rect);
            // Right-to-left text keeps its start (right end) visible when cut.
            let rtl = layout.lines.first().is_some_and(|l| l.rtl);
            let shift = if rtl { width - full } else { 0.0 };
            let origin = rect.min + Vec2::new(shift, 0.0);
            let mut clip = rect;
            if cut {
                let ellipsis = self.layout("…", style, None, ppp);
                let ell_w = ellipsis.width / ppp;
                // the glyphs that fit whole beside the ellipsis, in screen points
                let glyphs = layout.lines.iter().flat_map(|l| &l.glyphs);
                let edges = glyphs.map(|g| (origin.x + g.x / ppp, origin.x + (g.x + g.w) / ppp));
                let at = if rtl {
                    let limit = rect.left() + ell_w;
                    let x = edges
                        .filter(|&(l, _)| l >= limit - 0.01)
                        .map(|(l, _)| l)
                        .fold(rect.right(), f32::min);
                    clip.min.x = x;
                    x - ell_w
                } else {
                    let limit = rect.right() - ell_w;
                    let x = edges
                        .filter(|&(_, r)| r <= limit + 0.01)
                        .map(|(_, r)| r)
                        .fold(rect.left(), f32::max);
                    clip.max.x = x;
                    x
                };
                self.paint_glyphs(&painter, &ellipsis, pos2(at, rect.top()), color, rect);
            }
            self.paint_glyphs(&painter.with_clip_rect(clip), &layout, origin, color, clip);
        }
        (response, cut)
    }

    /// Number of glyph images in the atlas (for diagnostics and benchmarks).
    #[must_use]
    pub fn atlas_glyph_count(&self) -> usize {
        self.atlas.glyph_count()
    }
}

/// The layout parameters (physical px) for text in `style` wrapped at `width` points
/// (`None`: no wrapping) on a display with `pixels_per_point`; Latin runs are set in the
/// bundled Latin face.
#[must_use]
pub fn layout_params(style: &TextStyle, width: Option<f32>, pixels_per_point: f32) -> LayoutParams {
    LayoutParams {
        font_size: style.size * pixels_per_point,
        line_spacing: style.line_spacing,
        width: width.map(|w| (w * pixels_per_point).floor().max(1.0)),
        family: style.family.clone(),
        latin_family: Some(fonts::LATIN_FAMILY.to_owned()),
    }
}

/// The direction mark a label's text needs in front: RLM for a right-to-left label
/// ([`TextStyle::rtl_base`]) that does not start with a right-to-left letter ("G7 …",
/// "3%"); LRM for interface text with no strong letter at all ("12", "—"), which the
/// engine would otherwise lay out right to left (and right-align) as in an Arabic
/// document. Other text gets its direction from its first strong letter (UAX #9 P2), so
/// interface text that holds Arabic ("Labelled “بوتين” …") stays left-to-right by
/// itself. The marks are invisible.
fn direction_mark(text: &str, rtl_base: bool) -> Option<char> {
    if rtl_base {
        return (!starts_right_to_left(text)).then_some('\u{200F}');
    }
    (!text.is_empty() && first_strong_rtl(text).is_none()).then_some('\u{200E}')
}

/// `s` between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069): for a
/// quotation of article text inside interface text ("Labelled “30 آذار/ مارس 2020” as
/// DATE"). By UAX #9 (rules X5c, BD13) the quotation is then laid out as a paragraph of
/// its own direction, taken from its first strong letter, and its digits and neutrals no
/// longer mix with the surrounding English: without it a left-to-right line shows
/// "30 2020 مارس /آذار". The two controls are invisible and not counted anywhere (they are
/// only in messages, never in article text). Line and paragraph breaks (a quote that
/// spans lines) become single spaces, so the message stays on one line.
#[must_use]
pub fn isolate(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 6);
    out.push('\u{2068}');
    let mut broke = false;
    for c in s.chars() {
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            if !broke {
                out.push(' ');
            }
            broke = true;
        } else {
            out.push(c);
            broke = false;
        }
    }
    out.push('\u{2069}');
    out
}

/// True when the first strong directional character of `text` is right-to-left (Hebrew or
/// Arabic letters, RLM, ALM), by the bidi classes of UAX #9.
fn starts_right_to_left(text: &str) -> bool {
    first_strong_rtl(text) == Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interface_text_with_arabic_inside_stays_left_to_right() {
        let msg = "Labelled “بوتين” as PERSON";
        assert_eq!(direction_mark(msg, false), None, "no mark needed");
        let mut engine = TextEngine::new(SystemFonts::Skip);
        let layout = engine.layout(msg, &TextStyle::ui(), Some(800.0), 1.0);
        assert!(
            !layout.lines[0].rtl,
            "the status line must read left to right"
        );
        assert!(layout.lines[0].extent.0 < 1.0, "and start at the left");
    }

    #[test]
    fn an_isolated_quotation_is_one_line() {
        assert_eq!(
            isolate("قمة \"G7\"\r\n\nالرئيسان"),
            "\u{2068}قمة \"G7\" الرئيسان\u{2069}"
        );
    }

    #[test]
    fn an_isolated_quotation_keeps_its_own_order_inside_english() {
        let quoted = "30 آذار/ مارس 2020";
        let msg = format!("Labelled “{}” as DATE", isolate(quoted));
        let mark = direction_mark(&msg, false)
            .map(String::from)
            .unwrap_or_default();
        let shown = format!("{mark}{msg}");
        let mut engine = TextEngine::new(SystemFonts::Skip);
        let layout = engine.layout(&shown, &TextStyle::ui(), Some(1200.0), 1.0);
        let line = &layout.lines[0];
        assert!(!line.rtl);
        let at = |needle: &str| {
            let c = shown[..shown.find(needle).unwrap()].chars().count();
            line.glyphs.iter().find(|g| g.chars.contains(&c)).unwrap().x
        };
        // read right to left inside the quotes: 30, آذار, مارس, 2020 — and all of it
        // between «Labelled» and «as»
        assert!(at("30") > at("آذار") && at("آذار") > at("مارس") && at("مارس") > at("2020"));
        assert!(at("Labelled") < at("2020") && at("30") < at("as DATE"));
        for g in &line.glyphs {
            assert_ne!(
                g.cache_key.glyph_id, 0,
                "no .notdef for the isolate controls"
            );
        }
    }

    #[test]
    fn labels_get_the_mark_their_direction_needs() {
        assert_eq!(direction_mark("G7 تعقد", true), Some('\u{200F}'));
        assert_eq!(direction_mark("3%", true), Some('\u{200F}'));
        assert_eq!(direction_mark("بوتين", true), None);
        assert_eq!(direction_mark("بوتين", false), None);
        assert_eq!(direction_mark("Opened file.txt", false), None);
        assert_eq!(direction_mark("12 مارس", false), None);
        assert_eq!(direction_mark("12", false), Some('\u{200E}'));
        assert_eq!(direction_mark("", false), None);
    }
}
