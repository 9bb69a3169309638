//! Letters joined across direction marks, ZWNJ/ZWJ and tatweel, offsets kept through
//! marks, and lines wrapped only at UAX #14 break opportunities, laid out by the text
//! engine with the bundled fonts only (the companion of `bidi.rs`).

#![allow(
    clippy::unwrap_used,
    reason = "a test that cannot set up its input fails there, with the error"
)]

mod support;

use std::collections::BTreeSet;

use support::*;
use taliq_text::TextLayout;

/// Glyph id of the letter beh in a given joining form, from unambiguous contexts.
struct BehForms {
    init: u16,
    medi: u16,
    fina: u16,
}

fn beh_forms(eng: &mut Engine) -> BehForms {
    let two = eng.lay("بب", None);
    let three = eng.lay("ببب", None);
    let forms = BehForms {
        init: glyph_id(&two, 0),
        medi: glyph_id(&three, 1),
        fina: glyph_id(&two, 1),
    };
    let iso = glyph_id(&eng.lay("ب", None), 0);
    let all = BTreeSet::from([forms.init, forms.medi, forms.fina, iso]);
    assert_eq!(all.len(), 4, "four distinct forms");
    forms
}

/// Lays out `بب{mark}بب` and checks what every invisible mark must do: no .notdef, no
/// width of its own, every char in some glyph cluster, grapheme-safe hits around it.
fn lay_with_mark(eng: &mut Engine, mark: char) -> TextLayout {
    let t = format!("بب{mark}بب");
    let l = eng.lay(&t, None);
    assert_eq!(l.lines.len(), 1);
    let line = &l.lines[0];
    for g in &line.glyphs {
        assert_ne!(
            g.cache_key.glyph_id, 0,
            "U+{:04X}: .notdef drawn",
            mark as u32
        );
        if g.chars == (2..3) {
            assert!(g.w.abs() < 0.01, "U+{:04X} has an advance", mark as u32);
        }
    }
    for c in 0..5 {
        assert!(
            line.glyphs.iter().any(|g| g.chars.contains(&c)),
            "U+{:04X}: char {c} has no glyph cluster",
            mark as u32
        );
    }
    let bounds = grapheme_boundaries(&t);
    let hits = sweep_hits(&l);
    assert!(
        hits.is_subset(&bounds),
        "U+{:04X}: hits {hits:?}",
        mark as u32
    );
    // carets at grapheme boundaries never move left to right
    let xs: Vec<f32> = bounds.iter().map(|&b| l.caret_x(b).1).collect();
    assert!(
        xs.windows(2).all(|w| w[0] >= w[1] - 0.01),
        "U+{:04X}: carets {xs:?}",
        mark as u32
    );
    // the word after the mark is still where its offsets say
    assert_eq!(assert_highlight_exact(&l, &(3..5)), 1);
    assert_eq!(drag(&l, &(3..5)), 3..5);
    l
}

#[test]
fn direction_marks_are_invisible_and_keep_letters_joined() {
    let mut eng = Engine::new();
    let f = beh_forms(&mut eng);
    let plain_w = eng.lay("بببب", None).lines[0].extent;
    for mark in ['\u{200F}', '\u{061C}'] {
        // RLM and ALM are strong R/AL like the letters around them: same run, and as
        // Cf characters they are transparent to Arabic joining
        let l = lay_with_mark(&mut eng, mark);
        assert_eq!(glyph_id(&l, 1), f.medi, "U+{:04X}", mark as u32);
        assert_eq!(glyph_id(&l, 3), f.medi, "U+{:04X}", mark as u32);
        let w = l.lines[0].extent;
        assert!(
            ((w.1 - w.0) - (plain_w.1 - plain_w.0)).abs() < 0.05,
            "no extra width"
        );
        // a caret before and after the mark: two offsets, one place
        assert!((l.caret_x(2).1 - l.caret_x(3).1).abs() < 0.01);
    }
    // LRM is a strong L char, which by UAX #9 alone would be a run of its own inside the
    // Arabic word; the word stays joined as hb-shape draws it, with no extra width
    let l = lay_with_mark(&mut eng, '\u{200E}');
    assert_eq!(glyph_id(&l, 1), f.medi, "beh before LRM stays joined");
    assert_eq!(glyph_id(&l, 3), f.medi, "beh after LRM stays joined");
    let w = l.lines[0].extent;
    assert!(((w.1 - w.0) - (plain_w.1 - plain_w.0)).abs() < 0.05);
    assert!((l.caret_x(2).1 - l.caret_x(3).1).abs() < 0.01);
    // between a letter and a Latin word the LRM still sets direction: «بب‎G7» keeps G7
    // left of the Arabic in a right-to-left line
    let l = eng.lay("بب\u{200E}G7 بب", None);
    let x = |c: usize| {
        l.lines[0]
            .glyphs
            .iter()
            .find(|g| g.chars.contains(&c))
            .map(|g| g.x)
            .unwrap()
    };
    assert!(x(3) < x(0), "G7 sits left of the first word");
    assert_eq!(
        glyph_id(&l, 1),
        f.fina,
        "beh before LRM + Latin ends its word"
    );
}

#[test]
fn zwnj_breaks_joining_and_zwj_keeps_it() {
    let mut eng = Engine::new();
    let f = beh_forms(&mut eng);
    let l = lay_with_mark(&mut eng, '\u{200C}');
    assert_eq!(glyph_id(&l, 1), f.fina, "beh before ZWNJ ends its word");
    assert_eq!(glyph_id(&l, 3), f.init, "beh after ZWNJ starts a word");
    let l = lay_with_mark(&mut eng, '\u{200D}');
    assert_eq!(glyph_id(&l, 1), f.medi, "beh before ZWJ stays joined");
    assert_eq!(glyph_id(&l, 3), f.medi, "beh after ZWJ stays joined");
    // ZWJ alone after a letter gives it a joining form (as in abbreviations)
    let l = eng.lay("ب\u{200D}", None);
    assert_eq!(glyph_id(&l, 0), f.init);
}

#[test]
fn tatweel_is_a_visible_kashida_between_joined_letters() {
    let mut eng = Engine::new();
    let f = beh_forms(&mut eng);
    let t = "ببـبب";
    let l = eng.lay(t, None);
    let k = l.lines[0]
        .glyphs
        .iter()
        .find(|g| g.chars == (2..3))
        .expect("tatweel has its own glyph");
    assert_ne!(k.cache_key.glyph_id, 0);
    assert!(k.w > 1.0, "kashida has width");
    assert_eq!(glyph_id(&l, 1), f.medi);
    assert_eq!(glyph_id(&l, 3), f.medi);
    assert_eq!(sweep_hits(&l), grapheme_boundaries(t));
    assert_eq!(assert_highlight_exact(&l, &(2..3)), 1);
    assert_eq!(drag(&l, &(2..3)), 2..3);
}

#[test]
fn marks_inside_a_sentence_keep_offsets_of_the_original_text() {
    let t = "قال\u{200F} إن \u{200E}G7\u{200E} و\u{200C}ـ\u{200D}الخ";
    let mut eng = Engine::new();
    let l = eng.lay(t, None);
    for g in &l.lines[0].glyphs {
        assert_ne!(g.cache_key.glyph_id, 0);
    }
    let covered: BTreeSet<usize> = l.lines[0]
        .glyphs
        .iter()
        .flat_map(|g| g.chars.clone())
        .collect();
    assert_eq!(covered, (0..l.char_len).collect());
    assert_eq!(assert_selects(&l, t, "G7"), 1);
    assert_eq!(assert_selects(&l, t, "إن"), 1);
    assert!(sweep_hits(&l).is_subset(&grapheme_boundaries(t)));
}

// ---------------------------------------------------------------------------------------
// Line breaking (UAX #14)

/// Checks every wrap of `text` at every width from its widest unbreakable piece to its
/// full width: each line boundary is a UAX #14 break opportunity, no line ends with one
/// of `openers` and none starts with one of `closers`; lines cover the text; every char
/// keeps its glyph.
fn assert_wraps_respect_uax14(eng: &mut Engine, text: &str, openers: &[usize], closers: &[usize]) {
    let breaks: BTreeSet<usize> = unicode_linebreak::linebreaks(text)
        .map(|(b, _)| text[..b].chars().count())
        .collect();
    let full = eng.lay(text, None).width;
    let narrow = text
        .split(' ')
        .map(|w| eng.lay(w, None).width)
        .fold(0.0f32, f32::max)
        .ceil();
    let mut w = narrow;
    let mut wrapped_somewhere = false;
    while w <= full + 1.0 {
        let l = eng.lay(text, Some(w));
        for pair in l.lines.windows(2) {
            let p = pair[0].chars.end;
            assert_eq!(p, pair[1].chars.start);
            assert!(
                breaks.contains(&p),
                "width {w}: line break at {p}, not a UAX #14 break"
            );
            let ink_end = text
                .chars()
                .take(p)
                .collect::<String>()
                .trim_end()
                .chars()
                .count();
            assert!(
                !openers.contains(&(ink_end - 1)),
                "width {w}: line ends with an opener"
            );
            assert!(
                !closers.contains(&p),
                "width {w}: line starts with a closer"
            );
            wrapped_somewhere = true;
        }
        for line in &l.lines {
            let (left, right) = line.extent;
            assert!(left >= -0.05 && right <= w + 0.05, "width {w}: overflow");
        }
        let covered: BTreeSet<usize> = l
            .lines
            .iter()
            .flat_map(|line| &line.glyphs)
            .flat_map(|g| g.chars.clone())
            .collect();
        let ink: BTreeSet<usize> = text
            .chars()
            .enumerate()
            .filter(|(_, c)| !c.is_whitespace())
            .map(|(i, _)| i)
            .collect();
        assert!(
            ink.is_subset(&covered),
            "width {w}: chars {:?} lost their glyphs in {text:?}: {:?}",
            ink.difference(&covered).collect::<Vec<_>>(),
            l.lines.iter().map(|l| l.chars.clone()).collect::<Vec<_>>()
        );
        w += 1.0;
    }
    assert!(wrapped_somewhere, "{text:?} never wrapped");
}

#[test]
fn quotes_stay_with_their_word_at_every_width() {
    let mut eng = Engine::new();
    let title = "بوتين وترامب يبحثان مكافحة كورونا وقمة \"G7\"";
    let q = range_of(title, "\"G7\"");
    assert_wraps_respect_uax14(&mut eng, title, &[q.start], &[q.end - 1]);
    let q1 = range_of(QUOTED, "\"Crew");
    let q2 = range_of(QUOTED, "Dragon\"");
    let g1 = range_of(QUOTED, "«");
    let g2 = range_of(QUOTED, "»");
    assert_wraps_respect_uax14(
        &mut eng,
        QUOTED,
        &[q1.start, g1.start],
        &[q2.end - 1, g2.start],
    );
    // LB13: no line starts with a comma or full stop that follows a Latin word, and
    // LB30: "(Work)" stays with its brackets
    let t = "التقى زعماء G7، ثم كتبوا إلى John (Work). وانتهت القمة";
    let comma = range_of(t, "،").start;
    let stop = range_of(t, ".").start;
    let open = range_of(t, "(").start;
    let close = range_of(t, ")").start;
    assert_wraps_respect_uax14(&mut eng, t, &[open], &[comma, stop, close]);
}

#[test]
fn the_seed_article_wraps_only_at_break_opportunities() {
    let seed = include_str!("../../../seeds/putin-trump-call.ar.txt");
    let title = seed.lines().next().unwrap();
    let mut eng = Engine::new();
    let q = range_of(title, "\"G7\"");
    assert_wraps_respect_uax14(&mut eng, title, &[q.start], &[q.end - 1]);
    // the whole article at a few widths: every wrap inside a paragraph is allowed
    let breaks: BTreeSet<usize> = unicode_linebreak::linebreaks(seed)
        .map(|(b, _)| seed[..b].chars().count())
        .collect();
    for w in [180.0, 260.0, 333.0, 420.0, 640.0] {
        let l = eng.lay(seed, Some(w));
        let mut wraps = 0;
        for line in l.lines.iter().filter(|line| line.wrapped) {
            assert!(
                breaks.contains(&line.chars.end),
                "width {w}: {:?}",
                line.chars
            );
            wraps += 1;
        }
        assert!(wraps > 3, "width {w}: the article wraps");
    }
}

#[test]
fn a_word_wider_than_the_line_is_split_between_glyph_clusters() {
    let t = "مكافحة كورونا";
    let mut eng = Engine::new();
    let l = eng.lay(t, Some(20.0));
    assert!(l.lines.len() > 3, "{} lines", l.lines.len());
    let covered: BTreeSet<usize> = l
        .lines
        .iter()
        .flat_map(|line| &line.glyphs)
        .flat_map(|g| g.chars.clone())
        .collect();
    let ink: BTreeSet<usize> = t
        .chars()
        .enumerate()
        .filter(|(_, c)| *c != ' ')
        .map(|(i, _)| i)
        .collect();
    assert!(ink.is_subset(&covered));
    let bounds = grapheme_boundaries(t);
    for line in &l.lines {
        assert!(bounds.contains(&line.chars.start) && bounds.contains(&line.chars.end));
    }
}

#[test]
fn paragraph_and_line_separators_never_panic_or_draw_notdef() {
    let mut eng = Engine::new();
    for sep in [
        '\u{2029}', '\u{0085}', '\u{001C}', '\u{2028}', '\u{000B}', '\u{000C}',
    ] {
        let t = format!("مرحبا بكم{sep}hello world{sep}G7 في فرنسا");
        let l = eng.lay(&t, Some(400.0));
        assert_eq!(l.lines.len(), 3, "U+{:04X} ends a line", sep as u32);
        for g in l.lines.iter().flat_map(|line| &line.glyphs) {
            assert_ne!(g.cache_key.glyph_id, 0, "U+{:04X}: .notdef", sep as u32);
            assert!(!g.chars.contains(&9), "the separator is not drawn");
        }
        assert_eq!(l.lines[1].chars.start, 10);
        assert!(l.lines[0].rtl);
        // UAX #9 P2: after a paragraph separator the first strong letter, G, makes the
        // paragraph left-to-right; after a line separator (U+2028, VT, FF) the line is
        // still in the Arabic paragraph
        let paragraph_separator = matches!(sep, '\u{2029}' | '\u{0085}' | '\u{001C}');
        assert_eq!(
            l.lines[2].rtl, !paragraph_separator,
            "G7 في فرنسا after U+{:04X}",
            sep as u32
        );
    }
}
