//! Build script for Taliq.
//!
//! The app embeds its fonts into the binary (`include_bytes!` on the files in
//! `fonts/`), so a missing, truncated or wrong font file would only show up at run
//! time as boxes ("tofu") instead of Arabic letters. This script catches that at
//! build time instead:
//!
//! * each bundled font must exist in `fonts/` and parse as an OpenType/TrueType face
//!   (`ttf_parser::Face::parse`);
//! * each face must map the character it is there for: the Arabic faces must have a
//!   glyph for 'ب' (U+0628 ARABIC LETTER BEH), the Latin companion one for 'G', the
//!   emoji fallback one for '😀' (U+1F600 GRINNING FACE).
//!
//! Every problem is reported as a `cargo::error=` line naming the file and what to
//! do, and the script then exits non-zero, which fails the build.
//!
//! It also tells Cargo to re-run it only when something in `fonts/` or `assets/`
//! changes (or this file itself, which Cargo always watches).
//!
//! Nothing here is platform specific: Windows builds need nothing extra (the
//! `windows_subsystem` attribute lives in `src/main.rs`).

use std::path::Path;
use std::process::ExitCode;

/// A font the app embeds, and the character that proves it is the right font.
struct BundledFont {
    /// File name inside `fonts/`.
    file: &'static str,
    /// What the font is for, used in error messages.
    role: &'static str,
    /// A character the face must have a glyph for.
    must_have: char,
}

/// The fonts embedded in the binary. Keep in sync with `fonts/README.md` and with
/// the `include_bytes!` calls in `src/`.
const FONTS: &[BundledFont] = &[
    BundledFont {
        file: "NotoNaskhArabic-Regular.ttf",
        role: "Arabic text face, regular weight",
        must_have: 'ب',
    },
    BundledFont {
        file: "NotoNaskhArabic-Bold.ttf",
        role: "Arabic text face, bold weight",
        must_have: 'ب',
    },
    BundledFont {
        file: "NotoSans-Regular.ttf",
        role: "Latin companion face",
        must_have: 'G',
    },
    BundledFont {
        file: "NotoEmoji-Regular.ttf",
        role: "emoji fallback face",
        must_have: '😀',
    },
];

/// What to tell the developer when a font is missing or broken.
const HOW_TO_FIX: &str = "restore it from git (`git checkout -- fonts/`), or see fonts/README.md \
     for which npm package and file it comes from";

fn main() -> ExitCode {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".to_owned());
    let fonts_dir = Path::new(&manifest_dir).join("fonts");

    // Re-run when a font or an asset changes. Naming a directory makes Cargo watch
    // every file under it; the individual fonts are also named so that a deleted
    // file is noticed even if the directory's own timestamp is not updated.
    println!("cargo::rerun-if-changed=fonts");
    println!("cargo::rerun-if-changed=assets");
    for font in FONTS {
        println!("cargo::rerun-if-changed=fonts/{}", font.file);
    }

    let mut failed = false;
    for font in FONTS {
        if let Err(problem) = check_font(&fonts_dir.join(font.file), font) {
            // `cargo::error=` shows the message in Cargo's own error output and
            // marks the build as failed; all problems are listed, not just the first.
            println!(
                "cargo::error=fonts/{} ({}): {problem}; {HOW_TO_FIX}",
                font.file, font.role
            );
            failed = true;
        }
    }

    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Checks that `path` exists, parses as a font face and maps `font.must_have`.
fn check_font(path: &Path, font: &BundledFont) -> Result<(), String> {
    let data =
        std::fs::read(path).map_err(|err| format!("cannot read {}: {err}", path.display()))?;
    let face = ttf_parser::Face::parse(&data, 0)
        .map_err(|err| format!("not a valid TrueType/OpenType font ({err})"))?;
    if face.glyph_index(font.must_have).is_none() {
        return Err(format!(
            "the font has no glyph for {:?} (U+{:04X}): wrong or damaged font file",
            font.must_have, font.must_have as u32
        ));
    }
    Ok(())
}
