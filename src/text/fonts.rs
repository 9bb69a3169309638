//! The bundled fonts and the font database the text engine shapes with.
//!
//! Noto Naskh Arabic (Arabic text face with full mark positioning) and Noto Sans (Latin
//! companion: Noto Naskh has no Latin letters) are embedded in the binary; both are © The
//! Noto Project Authors under the SIL Open Font License 1.1 (see `fonts/OFL.txt`).
//! `build.rs` checks that they are present and parse. System fonts are loaded after them,
//! as a fallback for scripts the bundled faces lack.

use cosmic_text::{FontSystem, fontdb};

/// Noto Naskh Arabic Regular (OFL 1.1).
pub const NASKH_REGULAR: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf");
/// Noto Naskh Arabic Bold (OFL 1.1).
pub const NASKH_BOLD: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf");
/// Noto Sans Regular (OFL 1.1), the Latin companion face.
pub const SANS_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");

/// Family name of the bundled Arabic face, as declared in its name table.
pub const ARABIC_FAMILY: &str = "Noto Naskh Arabic";
/// Family name of the bundled Latin face.
pub const LATIN_FAMILY: &str = "Noto Sans";

/// Which fonts the database holds besides the bundled ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SystemFonts {
    /// Load the installed system fonts as fallbacks (the app).
    Load,
    /// Bundled fonts only, so layout is the same on every machine (tests, benchmarks).
    Skip,
}

/// Builds the font system: bundled faces first, then (optionally) the system's fonts.
/// The sans-serif and serif generic families map to the bundled faces, so Latin runs inside
/// Arabic text fall back to Noto Sans before any system font.
#[must_use]
pub fn font_system(system: SystemFonts) -> FontSystem {
    let mut db = fontdb::Database::new();
    for data in [NASKH_REGULAR, NASKH_BOLD, SANS_REGULAR] {
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
