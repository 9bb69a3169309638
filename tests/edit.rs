//! The Arabic edit field driven headless with egui_kittest, alone in a window: typing,
//! visual caret movement across mixed Arabic/Latin/digit runs, selection, clipboard and
//! input-method composition.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

use egui::output::OutputCommand;
mod support;

use egui::{Event, ImeEvent, Key, Modifiers, Pos2, Rect};
use egui_kittest::Harness;
use support::{pointer_button, press};
use taliq::ui::arabic_edit::{EditOptions, arabic_text_edit};
use taliq_text::edit::EditBuffer;
use taliq_text::{SystemFonts, TextEngine};

struct Field {
    engine: TextEngine,
    buffer: EditBuffer,
    focus: bool,
    rect: Rect,
    changes: usize,
}

fn harness(text: &str) -> Harness<'static, Field> {
    let field = Field {
        engine: TextEngine::new(SystemFonts::Skip),
        buffer: EditBuffer::new(text),
        focus: true,
        rect: Rect::NOTHING,
        changes: 0,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(420.0, 240.0))
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
            |ui, f: &mut Field| {
                let resp = arabic_text_edit(
                    ui,
                    &mut f.engine,
                    &mut f.buffer,
                    "field",
                    &EditOptions {
                        hint: "Note",
                        min_rows: 2,
                        single_line: false,
                        request_focus: std::mem::take(&mut f.focus),
                    },
                );
                f.rect = resp.rect;
                f.changes += usize::from(resp.changed());
            },
            field,
        );
    h.run_steps(2);
    h
}

fn caret(h: &Harness<'_, Field>) -> usize {
    h.state().buffer.caret()
}

/// Caret offsets met by pressing `key` `n` times from the current caret.
fn walk(h: &mut Harness<'_, Field>, key: Key, n: usize) -> Vec<usize> {
    let mut out = vec![caret(h)];
    for _ in 0..n {
        press(h, Modifiers::NONE, key);
        out.push(caret(h));
    }
    out
}

fn copied(h: &Harness<'_, Field>) -> Option<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
}

#[test]
fn arabic_is_typed_key_by_key_and_as_one_text_event() {
    let mut h = harness("");
    for c in "سلام".chars() {
        h.event(Event::Text(c.to_string()));
        h.step();
    }
    h.key_press(Key::Space);
    h.event(Event::Text(" ".into()));
    h.step();
    h.event(Event::Text("عليكم".into()));
    h.step();
    // a haraka typed after its letter stays with it; Backspace removes it alone
    h.event(Event::Text("\u{064F}".into()));
    h.step();
    assert_eq!(h.state().buffer.text(), "سلام عليكمُ");
    press(&mut h, Modifiers::NONE, Key::Backspace);
    assert_eq!(h.state().buffer.text(), "سلام عليكم");
    assert!(
        h.state().changes >= 7,
        "every edit marks the response changed"
    );
    // Left reads forward in Arabic: from the end it stays at the end, Right goes back
    assert_eq!(caret(&h), 10);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(caret(&h), 9);
}

#[test]
fn arrows_walk_a_mixed_line_in_screen_order() {
    // ر0 … ة4, space 5, من 6-7, space 8, John 9-12, space 13, (Work) 14-19, space 20,
    // اليوم 21-25
    let mut h = harness("رسالة من John (Work) اليوم");
    press(&mut h, Modifiers::NONE, Key::Home);
    assert_eq!(caret(&h), 0, "Home: the right end of a right-to-left line");
    let expected = vec![
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 20, 21, 22, 23, 24,
        25, 26,
    ];
    assert_eq!(walk(&mut h, Key::ArrowLeft, 26), expected);
    press(&mut h, Modifiers::NONE, Key::ArrowLeft);
    assert_eq!(caret(&h), 26, "the left end stays put");
    let mut back = walk(&mut h, Key::ArrowRight, 26);
    back.reverse();
    assert_eq!(back, expected);
    // words: Ctrl+Left from the start
    let mut words = vec![];
    for _ in 0..5 {
        press(&mut h, Modifiers::CTRL, Key::ArrowLeft);
        words.push(caret(&h));
    }
    assert_eq!(words, vec![5, 8, 15, 20, 26]);
    press(&mut h, Modifiers::NONE, Key::End);
    assert_eq!(caret(&h), 26);
}

#[test]
fn arrows_walk_digits_inside_arabic_left_to_right() {
    let mut h = harness("عام 2019 كان");
    press(&mut h, Modifiers::NONE, Key::Home);
    assert_eq!(
        walk(&mut h, Key::ArrowLeft, 12),
        vec![0, 1, 2, 3, 4, 7, 6, 5, 8, 9, 10, 11, 12]
    );
}

#[test]
fn shift_arrows_select_then_copy_cut_and_paste() {
    let mut h = harness("رسالة من John (Work) اليوم");
    press(&mut h, Modifiers::NONE, Key::Home);
    for _ in 0..5 {
        press(&mut h, Modifiers::SHIFT, Key::ArrowLeft);
    }
    assert_eq!(h.state().buffer.selected_text(), Some("رسالة"));
    h.event(Event::Copy);
    h.step();
    assert_eq!(copied(&h).as_deref(), Some("رسالة"));
    // across the Latin run: the selection stays a logical range
    press(&mut h, Modifiers::NONE, Key::End);
    for _ in 0..7 {
        press(&mut h, Modifiers::SHIFT, Key::ArrowRight);
    }
    // 26 → 25 … 21 (اليوم) → 20 (left of J) → 10 (right of J)
    assert_eq!(h.state().buffer.selection(), Some((10, 26)));
    h.event(Event::Cut);
    h.step();
    assert_eq!(copied(&h).as_deref(), Some("ohn (Work) اليوم"));
    assert_eq!(h.state().buffer.text(), "رسالة من J");
    h.event(Event::Paste("ohn".into()));
    h.step();
    assert_eq!(h.state().buffer.text(), "رسالة من John");
    press(&mut h, Modifiers::COMMAND, Key::A);
    h.event(Event::Copy);
    h.step();
    assert_eq!(copied(&h).as_deref(), Some("رسالة من John"));
}

#[test]
fn input_method_preedit_is_shown_at_the_caret_and_committed_once() {
    let mut h = harness("قال ");
    let ime_caret = |h: &Harness<'_, Field>| {
        h.output()
            .platform_output
            .ime
            .expect("the focused field asks for the input method")
            .cursor_rect
    };
    let start = ime_caret(&h);
    assert!(h.state().rect.contains(start.center()));
    for pre in ["س", "سل", "سلا"] {
        h.event(Event::Ime(ImeEvent::Preedit {
            text: pre.into(),
            active_range_chars: None,
        }));
        h.step();
        assert_eq!(
            h.state().buffer.text(),
            "قال ",
            "pre-edit is not in the buffer"
        );
    }
    // the pre-edit text is laid out right to left with the rest: the caret (and the
    // candidate window) moved left by its width
    let composing = ime_caret(&h);
    assert!(
        composing.left() < start.left() - 10.0,
        "{start:?} -> {composing:?}"
    );
    // keys belong to the input method while it composes
    press(&mut h, Modifiers::NONE, Key::Backspace);
    assert_eq!(h.state().buffer.text(), "قال ");
    h.event(Event::Ime(ImeEvent::Preedit {
        text: String::new(),
        active_range_chars: None,
    }));
    h.event(Event::Ime(ImeEvent::Commit("سلام".into())));
    h.step();
    h.step();
    assert_eq!(h.state().buffer.text(), "قال سلام");
    assert_eq!(caret(&h), 8);
    // a composition replaces the selection, as typing does
    press(&mut h, Modifiers::CTRL | Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(h.state().buffer.selected_text(), Some("سلام"));
    h.event(Event::Ime(ImeEvent::Preedit {
        text: "ك".into(),
        active_range_chars: Some(1..1),
    }));
    h.event(Event::Ime(ImeEvent::Commit("كلام".into())));
    h.step();
    assert_eq!(h.state().buffer.text(), "قال كلام");
}

#[test]
fn mouse_drag_selects_and_double_click_selects_a_word() {
    let mut h = harness("قال بوتين اليوم");
    let r = h.state().rect;
    let y = r.top() + 20.0;
    // a drag from the right edge leftwards over the whole text
    pointer_button(&mut h, Pos2::new(r.right() - 3.0, y), true);
    for x in [400.0, 300.0, 200.0, 100.0, 10.0] {
        h.event(Event::PointerMoved(Pos2::new(x, y)));
        h.step();
    }
    pointer_button(&mut h, Pos2::new(10.0, y), false);
    assert_eq!(h.state().buffer.selection(), Some((0, 15)));
    // a moment later, double-click the first (rightmost) word
    h.run_steps(40);
    let word_x = r.right() - 14.0;
    pointer_button(&mut h, Pos2::new(word_x, y), true);
    pointer_button(&mut h, Pos2::new(word_x, y), false);
    pointer_button(&mut h, Pos2::new(word_x, y), true);
    pointer_button(&mut h, Pos2::new(word_x, y), false);
    assert_eq!(
        h.state().buffer.selected_text(),
        Some("قال"),
        "{:?} {:?}",
        h.state().buffer,
        r
    );
    h.event(Event::Copy);
    h.step();
    assert_eq!(copied(&h).as_deref(), Some("قال"));
    // a third click selects the paragraph
    pointer_button(&mut h, Pos2::new(word_x, y), true);
    pointer_button(&mut h, Pos2::new(word_x, y), false);
    assert_eq!(h.state().buffer.selection(), Some((0, 15)));
}

#[test]
fn up_and_down_move_between_wrapped_lines_keeping_x() {
    let text = "بحث الرئيس الروسي فلاديمير بوتين ونظيره الأميركي دونالد ترامب مكافحة فيروس كورونا والتعاون في الفضاء وعقد القمة المرتقبة لمجموعة السبع في الولايات المتحدة";
    let mut h = harness(text);
    assert!(
        h.state().rect.height() > 90.0,
        "the text wraps: {:?}",
        h.state().rect
    );
    press(&mut h, Modifiers::COMMAND, Key::Home);
    assert_eq!(caret(&h), 0);
    for _ in 0..4 {
        press(&mut h, Modifiers::NONE, Key::ArrowLeft);
    }
    let x0 = h.output().platform_output.ime.unwrap().cursor_rect.left();
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    let after_down = caret(&h);
    let ime = h.output().platform_output.ime.unwrap().cursor_rect;
    assert!(after_down > 20, "on the second line: {after_down}");
    assert!(
        (ime.left() - x0).abs() < 15.0,
        "x kept: {x0} -> {}",
        ime.left()
    );
    press(&mut h, Modifiers::NONE, Key::ArrowUp);
    assert_eq!(caret(&h), 4, "back to the same place");
    // Home/End on the second line stay on it
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    press(&mut h, Modifiers::NONE, Key::Home);
    let line2_start = caret(&h);
    press(&mut h, Modifiers::NONE, Key::End);
    let line2_end = caret(&h);
    assert!(line2_start > 4 && line2_end > line2_start);
    assert!(line2_end < text.chars().count());
    press(&mut h, Modifiers::COMMAND, Key::End);
    assert_eq!(caret(&h), text.chars().count());
}
