//! Paragraph base direction and alignment in the text engine (`taliq_text::layout`):
//! the first strong character of each paragraph decides (UAX #9 rules P2–P3), a
//! paragraph with none follows the paragraph before it, and each line is aligned to its
//! paragraph's start side. Bundled fonts only.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

use cosmic_text::FontSystem;
use taliq_text::fonts::{self, SystemFonts};
use taliq_text::{DocLayout, LayoutParams, TextLayout, layout_text};

const WIDTH: f32 = 900.0;

fn params() -> LayoutParams {
    LayoutParams {
        font_size: 24.0,
        line_spacing: 1.8,
        width: Some(WIDTH),
        family: fonts::ARABIC_FAMILY.to_owned(),
        latin_family: Some(fonts::LATIN_FAMILY.to_owned()),
    }
}

fn lay(fs: &mut FontSystem, text: &str) -> TextLayout {
    layout_text(fs, text, &params())
}

fn offset_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].chars().count()
}

/// Left edge of the glyph holding char `c` on line `line`.
fn x_of(l: &TextLayout, line: usize, c: usize) -> f32 {
    l.lines[line]
        .glyphs
        .iter()
        .find(|g| g.chars.contains(&c))
        .map_or_else(|| panic!("no glyph for char {c}"), |g| g.x)
}

#[test]
fn an_english_paragraph_with_one_arabic_word_is_left_to_right_with_its_period_at_the_right_end() {
    let mut fs = fonts::font_system(SystemFonts::Skip);
    let t = "The talks in Moscow were about بوتين and the summit.";
    let l = lay(&mut fs, t);
    assert_eq!(l.lines.len(), 1);
    let line = &l.lines[0];
    assert!(!line.rtl, "first strong letter T: left-to-right");
    assert!(line.extent.0 < 1.0, "left-aligned: {:?}", line.extent);
    assert!(
        line.extent.1 < WIDTH - 100.0,
        "not stretched to the right edge"
    );
    let period = t.chars().count() - 1;
    let rightmost = line.glyphs.last().unwrap();
    assert!(
        rightmost.chars.contains(&period),
        "the final period is the rightmost glyph"
    );
    assert!(
        line.glyphs[0].chars.contains(&0),
        "«The» starts at the left"
    );
    // the English words keep their order around the Arabic word
    let arabic = offset_of(t, "بوتين");
    assert!(x_of(&l, 0, offset_of(t, "about")) < x_of(&l, 0, arabic));
    assert!(x_of(&l, 0, arabic) < x_of(&l, 0, offset_of(t, "and the")));
}

#[test]
fn an_arabic_paragraph_is_right_to_left_and_right_aligned() {
    let mut fs = fonts::font_system(SystemFonts::Skip);
    let t = "قال بوتين إن قمة G7 ستعقد في الصيف.";
    let l = lay(&mut fs, t);
    let line = &l.lines[0];
    assert!(line.rtl);
    assert!(
        line.extent.1 > WIDTH - 2.0,
        "right-aligned: {:?}",
        line.extent
    );
    assert!(
        line.glyphs.last().unwrap().chars.contains(&0),
        "قال at the right"
    );
    let period = t.chars().count() - 1;
    assert!(
        line.glyphs[0].chars.contains(&period),
        "the final period at the left end"
    );
}

#[test]
fn paragraphs_of_one_text_each_take_their_own_direction_and_alignment() {
    let mut fs = fonts::font_system(SystemFonts::Skip);
    let t = "Reuters reported on Monday.\nقال الرئيس الروسي.\n2020\nThe summit (G7) met.\n(3)\n\nG7 تعقد قمتها\n\u{200F}G7 تعقد قمتها";
    let l = lay(&mut fs, t);
    let dirs: Vec<bool> = l.lines.iter().map(|line| line.rtl).collect();
    // 2020, (3) and the empty line have no strong letter: the paragraph before decides
    assert_eq!(
        dirs,
        vec![false, true, true, false, false, false, false, true]
    );
    for line in l.lines.iter().filter(|line| !line.glyphs.is_empty()) {
        if line.rtl {
            assert!(line.extent.1 > WIDTH - 2.0, "RTL right-aligned");
        } else {
            assert!(line.extent.0 < 1.0, "LTR left-aligned");
        }
    }
    // the lazy article layout gives every paragraph the same direction
    let mut doc = DocLayout::new(t, params());
    let lazy: Vec<bool> = (0..doc.piece_count())
        .map(|i| doc.ensure(&mut fs, t, i).lines[0].rtl)
        .collect();
    assert_eq!(lazy, dirs);
}

#[test]
fn every_paragraph_of_the_sample_article_stays_right_to_left() {
    let mut fs = fonts::font_system(SystemFonts::Skip);
    let text = include_str!("../../../seeds/putin-trump-call.ar.txt");
    let mut doc = DocLayout::new(text, params());
    let mut checked = 0;
    for i in 0..doc.piece_count() {
        let piece = doc.ensure(&mut fs, text, i);
        for line in piece.lines.iter().filter(|l| !l.glyphs.is_empty()) {
            assert!(line.rtl, "piece {i} is right-to-left");
            assert!(line.extent.1 > WIDTH - 2.0, "piece {i} is right-aligned");
            checked += 1;
        }
    }
    assert!(checked > 20, "{checked} lines checked");
}
