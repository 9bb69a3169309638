//! The bundled fonts and the font database the text engine shapes with.
//!
//! Noto Naskh Arabic (Arabic text face with full mark positioning) and Noto Sans (Latin
//! companion: Noto Naskh has no Latin letters) are embedded in the binary; both are © The
//! Noto Project Authors under the SIL Open Font License 1.1 (see `fonts/OFL.txt`).
//! Noto Emoji (monochrome outlines, © Google LLC, OFL 1.1 too) is embedded as well: the
//! other faces have no emoji, and cosmic-text's font fallback picks it for them, so emoji
//! in an article are not drawn as boxes on a machine without an emoji font. (egui's own
//! copy of Noto Emoji, for its interface labels, is version 1.05 of 2013: no skin tones,
//! no ZWJ sequences, none of the emoji of the last ten years; this one is 3.006.)
//! `build.rs` checks that they are present and parse. System fonts are loaded after them,
//! as a fallback for scripts the bundled faces lack, and the installed ones that cover
//! Arabic ([`installed_arabic_families`]) can be chosen as the Arabic text face instead of
//! Noto Naskh Arabic.

use cosmic_text::{FontSystem, fontdb};

/// Noto Naskh Arabic Regular (OFL 1.1).
pub const NASKH_REGULAR: &[u8] = include_bytes!("../../../fonts/NotoNaskhArabic-Regular.ttf");
/// Noto Naskh Arabic Bold (OFL 1.1).
pub const NASKH_BOLD: &[u8] = include_bytes!("../../../fonts/NotoNaskhArabic-Bold.ttf");
/// Noto Sans Regular (OFL 1.1), the Latin companion face.
pub const SANS_REGULAR: &[u8] = include_bytes!("../../../fonts/NotoSans-Regular.ttf");

/// Noto Emoji Regular 3.006 (OFL 1.1), monochrome emoji with skin tones, flags and ZWJ
/// sequences: the text engine's fallback for emoji. An installed colour emoji font
/// ("Noto Color Emoji", "Segoe UI Emoji", "Apple Color Emoji") comes before it in
/// cosmic-text's fallback list when there is one.
pub const EMOJI_REGULAR: &[u8] = include_bytes!("../../../fonts/NotoEmoji-Regular.ttf");

/// Family name of the bundled emoji face.
pub const EMOJI_FAMILY: &str = "Noto Emoji";

/// Family name of the bundled Arabic face, as declared in its name table.
pub const ARABIC_FAMILY: &str = "Noto Naskh Arabic";
/// Family name of the bundled Latin face.
pub const LATIN_FAMILY: &str = "Noto Sans";

/// Arabic letters a face must map in its `cmap` table to count as an Arabic text face:
/// the 28 letters of the alphabet (U+0627–U+064A) plus hamza, teh marbuta and alef maksura,
/// from the Unicode Arabic block (U+0600–U+06FF). A face with only a few Arabic symbols (a
/// Latin face with U+060C ARABIC COMMA, say) does not count.
pub const ARABIC_CORE_LETTERS: &str = "ءابتثجحخدذرزسشصضطظعغفقكلمنهويةى";

/// True when the font face `index` of the font file `data` (TrueType/OpenType, or a
/// collection) maps every one of [`ARABIC_CORE_LETTERS`] to a glyph. A file that does not
/// parse covers nothing.
#[must_use]
pub fn covers_arabic(data: &[u8], index: u32) -> bool {
    ttf_parser::Face::parse(data, index).is_ok_and(|face| {
        ARABIC_CORE_LETTERS
            .chars()
            .all(|c| face.glyph_index(c).is_some_and(|g| g.0 != 0))
    })
}

/// True when a face loaded from a file (not a bundled one) belongs to `family`.
fn is_installed_face_of(face: &fontdb::FaceInfo, family: &str) -> bool {
    !matches!(face.source, fontdb::Source::Binary(_))
        && face.families.iter().any(|(name, _)| name == family)
}

/// The families of the installed (not bundled) fonts in `db` that cover Arabic
/// ([`covers_arabic`]), by their first (English) family name, sorted case-insensitively,
/// without duplicates. Each font file is memory-mapped and its `cmap` read once per call, so
/// callers keep the result (the app asks once per run).
#[must_use]
pub fn installed_arabic_families(db: &fontdb::Database) -> Vec<String> {
    let mut checked: std::collections::HashMap<&str, bool> = std::collections::HashMap::new();
    for face in db.faces() {
        if matches!(face.source, fontdb::Source::Binary(_)) {
            continue;
        }
        let Some((family, _)) = face.families.first() else {
            continue;
        };
        if checked.get(family.as_str()).copied().unwrap_or(false) {
            continue;
        }
        let covers = db.with_face_data(face.id, covers_arabic).unwrap_or(false);
        checked.insert(family.as_str(), covers);
    }
    let mut families: Vec<String> = checked
        .into_iter()
        .filter(|&(_, covers)| covers)
        .map(|(family, _)| family.to_owned())
        .collect();
    families.sort_by_cached_key(|f| (f.to_lowercase(), f.clone()));
    families
}

/// True when `family` is installed in `db` (loaded from a file, not bundled) and one of its
/// faces covers Arabic ([`covers_arabic`]). Reads only that family's fonts.
#[must_use]
pub fn is_installed_arabic_family(db: &fontdb::Database, family: &str) -> bool {
    db.faces()
        .filter(|face| is_installed_face_of(face, family))
        .any(|face| db.with_face_data(face.id, covers_arabic).unwrap_or(false))
}

/// Which fonts the database holds besides the bundled ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SystemFonts {
    /// Load the installed system fonts as fallbacks (the app).
    Load,
    /// Bundled fonts only, so layout is the same on every machine (tests, benchmarks).
    Skip,
}

/// Builds the font system: bundled faces first (Arabic, Latin, then the emoji fallback
/// [`EMOJI_REGULAR`]), then (optionally) the system's fonts.
/// The sans-serif and serif generic families map to the bundled faces, so Latin runs inside
/// Arabic text fall back to Noto Sans before any system font.
#[must_use]
pub fn font_system(system: SystemFonts) -> FontSystem {
    let mut db = fontdb::Database::new();
    for data in [NASKH_REGULAR, NASKH_BOLD, SANS_REGULAR, EMOJI_REGULAR] {
        db.load_font_data(data.to_vec());
    }
    if system == SystemFonts::Load {
        db.load_system_fonts();
    }
    db.set_sans_serif_family(LATIN_FAMILY);
    db.set_serif_family(ARABIC_FAMILY);
    let locale = "ar".to_owned();
    FontSystem::new_with_locale_and_db(locale, db)
}

/// The file name of the font face `id` in `fs`: the file it was loaded from, or for the
/// bundled faces (loaded from memory) their file name in `fonts/`.
#[must_use]
pub fn face_file_name(fs: &FontSystem, id: fontdb::ID) -> String {
    let Some(face) = fs.db().face(id) else {
        return String::from("?");
    };
    match &face.source {
        fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        fontdb::Source::Binary(_) => format!("{}.ttf", face.post_script_name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_coverage_tells_an_arabic_face_from_a_latin_one() {
        assert!(covers_arabic(NASKH_REGULAR, 0));
        assert!(covers_arabic(NASKH_BOLD, 0));
        // Noto Sans has Latin, Greek and Cyrillic but no Arabic letters
        assert!(!covers_arabic(SANS_REGULAR, 0));
        // not a font at all, or a face index past the end
        assert!(!covers_arabic(b"not a font", 0));
        assert!(!covers_arabic(NASKH_REGULAR, 3));
    }

    #[test]
    fn bundled_faces_are_never_listed_as_installed() {
        let fs = font_system(SystemFonts::Skip);
        assert!(installed_arabic_families(fs.db()).is_empty());
        assert!(!is_installed_arabic_family(fs.db(), ARABIC_FAMILY));
    }

    #[test]
    fn installed_fonts_are_listed_only_when_they_cover_arabic() {
        // The bundled files written to disk and loaded as installed fonts would be.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("naskh.ttf"), NASKH_REGULAR).unwrap();
        std::fs::write(dir.path().join("sans.ttf"), SANS_REGULAR).unwrap();
        let mut db = fontdb::Database::new();
        db.load_fonts_dir(dir.path());
        assert_eq!(db.len(), 2);
        assert_eq!(
            installed_arabic_families(&db),
            vec![ARABIC_FAMILY.to_owned()]
        );
        assert!(is_installed_arabic_family(&db, ARABIC_FAMILY));
        assert!(!is_installed_arabic_family(&db, LATIN_FAMILY));
        assert!(!is_installed_arabic_family(&db, "No Such Family"));
    }

    /// Issue 13, item 14: emoji in an Arabic line were boxes (.notdef, glyph 0) on a
    /// machine without an emoji font; they are set in the bundled Noto Emoji.
    #[test]
    fn emoji_in_arabic_text_are_set_in_the_bundled_emoji_font_not_as_notdef() {
        use crate::{LayoutParams, layout_text};
        let mut fs = font_system(SystemFonts::Skip);
        let params = LayoutParams {
            font_size: 20.0,
            line_spacing: 1.8,
            width: Some(600.0),
            family: ARABIC_FAMILY.to_owned(),
            latin_family: Some(LATIN_FAMILY.to_owned()),
        };
        // a face, a waving hand with a skin tone, a heart with the emoji presentation
        // selector, a flag
        let text = "قال بوتين 😀 إن 👋🏽 و❤️ في 🇷🇺 موسكو";
        let chars: Vec<char> = text.chars().collect();
        let layout = layout_text(&mut fs, text, &params);
        let glyphs: Vec<_> = layout.lines.iter().flat_map(|l| &l.glyphs).collect();
        for emoji in ["😀", "👋🏽", "❤️", "🇷🇺"] {
            let at = text[..text.find(emoji).unwrap()].chars().count();
            let of_emoji: Vec<_> = glyphs.iter().filter(|g| g.chars.start == at).collect();
            assert!(!of_emoji.is_empty(), "{emoji}: no glyph at {at}");
            for g in of_emoji {
                assert_ne!(g.cache_key.glyph_id, 0, "{emoji} is .notdef");
                let face = fs.db().face(g.cache_key.font_id).unwrap();
                assert_eq!(face.families[0].0, EMOJI_FAMILY, "{emoji}");
            }
        }
        // the Arabic around them is still Noto Naskh Arabic
        let b = glyphs.iter().find(|g| chars[g.chars.start] == 'ب').unwrap();
        assert_eq!(
            fs.db().face(b.cache_key.font_id).unwrap().families[0].0,
            ARABIC_FAMILY
        );
    }
}
