//! A packed glyph atlas: each glyph is rasterized once by swash and copied into a shared
//! egui texture page (shelf packing), then drawn as a textured quad.

use rustc_hash::FxHashMap;

use cosmic_text::{CacheKey, FontSystem, SwashCache, SwashContent};
use egui::{Color32, ColorImage, Context, TextureHandle, TextureOptions};

/// Side length of one atlas page (texels).
const PAGE_SIZE: usize = 1024;
/// Empty texels kept around each glyph so linear sampling never bleeds into a neighbour.
const PADDING: usize = 1;

/// Where a rasterized glyph lives in the atlas and how to place it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AtlasEntry {
    /// Index of the texture page.
    pub page: usize,
    /// Texel rectangle `[x, y, w, h]` in the page.
    pub texel: [usize; 4],
    /// Offset of the image's top-left from the glyph pen position (physical px, y down).
    pub offset: [i32; 2],
    /// True for colour bitmaps (emoji), drawn untinted.
    pub color: bool,
}

struct Page {
    texture: TextureHandle,
    shelf_y: usize,
    shelf_h: usize,
    cursor_x: usize,
}

/// The glyph atlas. Holds the rasterizer cache and the texture pages.
pub struct GlyphAtlas {
    swash: SwashCache,
    pages: Vec<Page>,
    entries: FxHashMap<CacheKey, Option<AtlasEntry>>,
}

impl Default for GlyphAtlas {
    fn default() -> Self {
        GlyphAtlas::new()
    }
}

impl GlyphAtlas {
    /// An empty atlas; pages are created on first use.
    #[must_use]
    pub fn new() -> GlyphAtlas {
        GlyphAtlas {
            swash: SwashCache::new(),
            pages: Vec::new(),
            entries: FxHashMap::default(),
        }
    }

    /// Number of glyph images stored.
    #[must_use]
    pub fn glyph_count(&self) -> usize {
        self.entries.values().filter(|e| e.is_some()).count()
    }

    /// The texture of page `page`.
    #[must_use]
    pub fn texture_id(&self, page: usize) -> Option<egui::TextureId> {
        self.pages.get(page).map(|p| p.texture.id())
    }

    /// Returns the atlas entry for a glyph, rasterizing and uploading it on first use.
    /// `None` for glyphs with no ink (spaces) or that cannot be rasterized.
    pub fn entry(
        &mut self,
        ctx: &Context,
        fs: &mut FontSystem,
        key: CacheKey,
    ) -> Option<AtlasEntry> {
        if let Some(e) = self.entries.get(&key) {
            return *e;
        }
        let entry = self.rasterize(ctx, fs, key);
        self.entries.insert(key, entry);
        entry
    }

    fn rasterize(
        &mut self,
        ctx: &Context,
        fs: &mut FontSystem,
        key: CacheKey,
    ) -> Option<AtlasEntry> {
        let image = self.swash.get_image_uncached(fs, key)?;
        let (w, h) = (
            image.placement.width as usize,
            image.placement.height as usize,
        );
        if w == 0 || h == 0 || w + 2 * PADDING > PAGE_SIZE || h + 2 * PADDING > PAGE_SIZE {
            return None;
        }
        let (pixels, color) = match image.content {
            SwashContent::Mask => (
                image
                    .data
                    .iter()
                    .map(|&a| Color32::from_white_alpha(a))
                    .collect::<Vec<_>>(),
                false,
            ),
            SwashContent::Color => (
                image
                    .data
                    .chunks_exact(4)
                    .map(|p| Color32::from_rgba_unmultiplied(p[0], p[1], p[2], p[3]))
                    .collect(),
                true,
            ),
            SwashContent::SubpixelMask => (
                image
                    .data
                    .chunks_exact(4)
                    .map(|p| Color32::from_white_alpha(p[0].max(p[1]).max(p[2])))
                    .collect(),
                false,
            ),
        };
        if pixels.len() != w * h {
            return None;
        }
        let (page, x, y) = self.allocate(ctx, w + 2 * PADDING, h + 2 * PADDING);
        let glyph_image = ColorImage::new([w, h], pixels);
        self.pages[page].texture.set_partial(
            [x + PADDING, y + PADDING],
            glyph_image,
            TextureOptions::LINEAR,
        );
        Some(AtlasEntry {
            page,
            texel: [x + PADDING, y + PADDING, w, h],
            offset: [image.placement.left, -image.placement.top],
            color,
        })
    }

    /// Finds room for a `w`×`h` box on the last page (new shelf if needed) or a new page.
    fn allocate(&mut self, ctx: &Context, w: usize, h: usize) -> (usize, usize, usize) {
        let last = self.pages.len().wrapping_sub(1);
        if let Some(p) = self.pages.last_mut() {
            if p.cursor_x + w > PAGE_SIZE {
                p.shelf_y += p.shelf_h;
                p.shelf_h = 0;
                p.cursor_x = 0;
            }
            if p.shelf_y + h <= PAGE_SIZE {
                let pos = (last, p.cursor_x, p.shelf_y);
                p.cursor_x += w;
                p.shelf_h = p.shelf_h.max(h);
                return pos;
            }
        }
        let texture = ctx.load_texture(
            format!("taliq-glyphs-{}", self.pages.len()),
            ColorImage::filled([PAGE_SIZE, PAGE_SIZE], Color32::TRANSPARENT),
            TextureOptions::LINEAR,
        );
        self.pages.push(Page {
            texture,
            shelf_y: 0,
            shelf_h: h,
            cursor_x: w,
        });
        (self.pages.len() - 1, 0, 0)
    }

    /// The texel-to-UV factor (1 / page size).
    #[must_use]
    pub fn uv_scale() -> f32 {
        1.0 / PAGE_SIZE as f32
    }
}
