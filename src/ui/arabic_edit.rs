//! A text field on Taliq's text engine, so Arabic typed into notes is shaped and
//! bidi-ordered while it is typed (egui's own `TextEdit` does no bidi reordering).
//!
//! Caret movement is visual (see [`taliq_text::edit`]): Left/Right move one grapheme
//! cluster on the screen, across mixed Arabic/Latin runs; Ctrl (or Alt) moves by words;
//! Home/End go to the visual line's start/end in reading order (the right end starts a
//! right-to-left line), Ctrl+Home/End to the text's; Up/Down move between wrapped lines
//! keeping the screen x. Shift extends the (logical) selection. The mouse places the caret,
//! drags a selection, double-clicks a word and triple-clicks a paragraph. Copy, cut, paste and select all work on the
//! selection. An input method's pre-edit text is shown inline at the caret, shaped and
//! bidi-ordered with the rest and underlined, and enters the buffer only when committed.

use egui::{
    Event, EventFilter, IMEPurpose, Id, ImeEvent, Key, Modifiers, Pos2, Rect, Response, Sense,
    Stroke, Ui, WidgetInfo, pos2, vec2,
};

use taliq_text::edit::{EditBuffer, Motion, Selecting, VisualCarets};
use taliq_text::{TextEngine, TextStyle};

/// Inner padding of the field (points).
const PAD: f32 = 6.0;

/// Colour of a field's text, typed or filled in (such as a role inferred from the
/// article): egui's own text-field colour, so a value reads as a value.
#[must_use]
pub fn value_color(visuals: &egui::Visuals) -> egui::Color32 {
    visuals
        .override_text_color
        .unwrap_or_else(|| visuals.widgets.inactive.text_color())
}

/// Colour of the hint shown in an empty field: egui's weak text colour, fainter than
/// [`value_color`] so an empty field never looks filled in.
#[must_use]
pub fn hint_color(visuals: &egui::Visuals) -> egui::Color32 {
    visuals.weak_text_color()
}

/// Options of an [`arabic_text_edit`] field.
pub struct EditOptions<'a> {
    /// Grey text shown while the field is empty.
    pub hint: &'a str,
    /// Minimum height in text rows.
    pub min_rows: usize,
    /// Enter does not insert a line break (the caller reads it, e.g. "find next").
    pub single_line: bool,
    /// Give the field keyboard focus this frame.
    pub request_focus: bool,
}

/// What the field remembers between frames besides its [`EditBuffer`] (egui temporary
/// memory, keyed by the field's id).
#[derive(Clone, Debug, Default)]
struct FieldState {
    /// The input method's uncommitted pre-edit text, shown at the caret.
    preedit: String,
    /// Cursor inside the pre-edit text (chars).
    preedit_cursor: usize,
    /// Screen x (physical px) kept across consecutive Up/Down presses.
    goal_x: Option<f32>,
}

impl FieldState {
    /// The text shown: the buffer with the pre-edit text inserted at the caret.
    fn display(&self, buffer: &EditBuffer) -> String {
        if self.preedit.is_empty() {
            return buffer.text().to_owned();
        }
        let text = buffer.text();
        let b = text
            .char_indices()
            .nth(buffer.caret())
            .map_or(text.len(), |(b, _)| b);
        format!("{}{}{}", &text[..b], self.preedit, &text[b..])
    }

    /// Converts an offset in the shown text to one in the buffer (an offset inside the
    /// pre-edit text becomes the caret).
    fn to_buffer(&self, buffer: &EditBuffer, shown: usize) -> usize {
        let (caret, n) = (buffer.caret(), self.preedit.chars().count());
        if shown <= caret {
            shown
        } else if shown >= caret + n {
            shown - n
        } else {
            caret
        }
    }
}

/// Shows an editable field for `buffer`. Returns the response; `changed()` is set
/// when the text changed this frame.
pub fn arabic_text_edit(
    ui: &mut Ui,
    engine: &mut TextEngine,
    buffer: &mut EditBuffer,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    options: &EditOptions<'_>,
) -> Response {
    let EditOptions {
        hint,
        min_rows,
        single_line,
        request_focus,
    } = *options;
    let id = ui.make_persistent_id(id_salt);
    if request_focus {
        ui.memory_mut(|m| m.request_focus(id));
    }
    let mut state: FieldState = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    if !ui.memory(|m| m.has_focus(id)) {
        // composition ends with focus (egui stops asking for the input method)
        state.preedit.clear();
        state.goal_x = None;
    }
    let ppp = ui.ctx().pixels_per_point();
    let style = TextStyle::arabic(16.0);
    // never wider than what is visible, so the right (start) edge of Arabic text shows
    let visible = ui.clip_rect().right() - ui.cursor().min.x - 1.0;
    let width = ui.available_width().min(visible).max(60.0);
    let inner_w = width - 2.0 * PAD;
    let layout = engine.layout(&state.display(buffer), &style, Some(inner_w), ppp);
    let row = style.size * style.line_spacing;
    let height = (layout.height / ppp).max(row * min_rows as f32) + 2.0 * PAD;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let mut response = ui.interact(rect, id, Sense::click_and_drag());
    let origin = rect.min + vec2(PAD, PAD);
    let to_px = |p: Pos2| {
        (
            p.x * ppp - (origin.x * ppp).round(),
            p.y * ppp - (origin.y * ppp).round(),
        )
    };
    let before = buffer.text().to_owned();
    let selection_before = buffer.selection();

    pointer_input(ui, &mut response, buffer, &mut state, &layout, to_px);

    let focused = response.has_focus();
    if focused {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            );
        });
        keyboard_input(ui, engine, buffer, &mut state, &style, inner_w, single_line);
    }
    if buffer.text() != before {
        response.mark_changed();
    }

    // Paint: field, selection, text (or hint), pre-edit underline, caret.
    let shown = state.display(buffer);
    let layout = engine.layout(&shown, &style, Some(inner_w), ppp);
    let carets = VisualCarets::new(&layout);
    let visuals = ui.visuals();
    let stroke = if focused {
        visuals.selection.stroke
    } else {
        visuals.widgets.inactive.bg_stroke
    };
    let painter = ui.painter_at(rect.expand(2.0));
    painter.rect_filled(rect, 3.0, visuals.extreme_bg_color);
    painter.rect_stroke(rect, 3.0, stroke, egui::StrokeKind::Inside);
    if let Some((s, e)) = buffer.selection() {
        let rects = layout.highlight_rects(s..e);
        TextEngine::paint_rects(&painter, origin, &rects, visuals.selection.bg_fill);
    }
    let text_color = value_color(visuals);
    if shown.is_empty() {
        let hint_layout = engine.layout(hint, &style, Some(inner_w), ppp);
        engine.paint_glyphs(&painter, &hint_layout, origin, hint_color(visuals), rect);
    } else {
        engine.paint_glyphs(&painter, &layout, origin, text_color, rect);
    }
    let caret = buffer.caret();
    let preedit_len = state.preedit.chars().count();
    if preedit_len > 0 {
        // underline the pre-edit text just below the glyphs' baseline
        for r in layout.highlight_rects(caret..caret + preedit_len) {
            let baseline = layout
                .lines
                .get(layout.line_at_y(f32::midpoint(r[1], r[3])))
                .and_then(|l| l.glyphs.first())
                .map_or(r[3] - 4.0, |g| g.pen[1] as f32);
            let y = baseline + style.size * ppp * 0.35;
            let a = TextEngine::px_rect_to_points(origin, [r[0], y, r[2], y], ppp);
            painter.line_segment(
                [a.min, pos2(a.max.x, a.min.y)],
                Stroke::new(1.5, text_color),
            );
        }
    }
    let shown_caret = caret + state.preedit_cursor.min(preedit_len);
    let (line_i, caret_x) = carets.x_of(shown_caret);
    let (top, h) = carets
        .lines()
        .get(line_i)
        .map_or((0.0, row * ppp), |l| (l.top, l.height));
    let caret_rect = Rect::from_min_size(
        pos2(
            ((origin.x * ppp).round() + caret_x) / ppp,
            ((origin.y * ppp).round() + top) / ppp,
        ),
        vec2(1.5, h / ppp),
    );
    if focused {
        painter.line_segment(
            [caret_rect.center_top(), caret_rect.center_bottom()],
            Stroke::new(1.5, visuals.text_cursor.stroke.color),
        );
        // the input method's candidate window goes next to the caret
        let to_global = ui
            .ctx()
            .layer_transform_to_global(ui.layer_id())
            .unwrap_or_default();
        ui.output_mut(|o| {
            o.ime = Some(egui::output::IMEOutput {
                purpose: IMEPurpose::Normal,
                rect: to_global * rect,
                cursor_rect: to_global * caret_rect,
                should_interrupt_composition: false,
            });
        });
    }
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
    }
    let text = buffer.text().to_owned();
    response.widget_info(|| WidgetInfo::text_edit(true, &before, &text, hint));
    if buffer.selection() != selection_before && !ui.input(|i| i.pointer.any_down()) {
        let (s, e) = buffer.selection().unwrap_or((caret, caret));
        response.widget_info(|| {
            WidgetInfo::text_selection_changed(
                true,
                egui::text::CharIndex(s)..egui::text::CharIndex(e),
                &text,
            )
        });
    }
    store(ui, id, state);
    response
}

fn store(ui: &Ui, id: Id, state: FieldState) {
    ui.data_mut(|d| d.insert_temp(id, state));
}

/// Mouse: a click places the caret (Shift+click extends), a drag selects, a double-click
/// selects the word under the pointer and a triple-click its paragraph.
fn pointer_input(
    ui: &Ui,
    response: &mut Response,
    buffer: &mut EditBuffer,
    state: &mut FieldState,
    layout: &taliq_text::TextLayout,
    to_px: impl Fn(Pos2) -> (f32, f32),
) {
    let pressed = response.clicked() || response.drag_started() || response.dragged();
    if !pressed {
        return;
    }
    let carets = VisualCarets::new(layout);
    let latest = ui.input(|i| i.pointer.latest_pos());
    let shift = ui.input(|i| i.modifiers.shift);
    // Only a real mouse click places the caret: egui also "clicks" a focused widget when
    // Space or Enter is pressed, which must type, not move the caret to the pointer.
    let mouse_click = response.clicked() && ui.input(|i| i.pointer.any_click());
    if (mouse_click || response.drag_started())
        && let Some(p) = ui.input(|i| i.pointer.press_origin()).or(latest)
    {
        response.request_focus();
        let (x, y) = to_px(p);
        let at = state.to_buffer(buffer, carets.hit(x, y));
        state.preedit.clear();
        state.goal_x = None;
        buffer.place(at, Selecting::with_shift(shift));
        let under = state.to_buffer(buffer, carets.char_at(x, y));
        if response.triple_clicked() {
            buffer.select_paragraph_at(under);
        } else if response.double_clicked() {
            buffer.select_word_at(under);
        }
    }
    if response.dragged()
        && let Some(p) = latest
    {
        let (x, y) = to_px(p);
        buffer.place(state.to_buffer(buffer, carets.hit(x, y)), Selecting::Extend);
    }
}

/// Keyboard, clipboard and input-method events of this frame, in order.
fn keyboard_input(
    ui: &Ui,
    engine: &mut TextEngine,
    buffer: &mut EditBuffer,
    state: &mut FieldState,
    style: &TextStyle,
    inner_w: f32,
    single_line: bool,
) {
    let ppp = ui.ctx().pixels_per_point();
    let events = ui.input(|i| i.events.clone());
    for event in events {
        match event {
            Event::Text(t) if !t.chars().any(char::is_control) => buffer.insert(&t),
            Event::Paste(t) => buffer.insert(&t.replace("\r\n", "\n")),
            Event::Copy | Event::Cut => {
                if let Some(s) = buffer.selected_text() {
                    ui.ctx().copy_text(s.to_owned());
                }
                if matches!(event, Event::Cut) {
                    buffer.delete_selection();
                }
            }
            Event::Ime(ime) => input_method(buffer, state, ime),
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } if state.preedit.is_empty() => {
                // the input method owns the keys while it composes
                let laid_out = |engine: &mut TextEngine, buffer: &EditBuffer| {
                    VisualCarets::new(&engine.layout(buffer.text(), style, Some(inner_w), ppp))
                };
                if let Some(motion) = motion_of(key, modifiers) {
                    let carets = laid_out(engine, buffer);
                    let motion = match motion {
                        Motion::Up(_) | Motion::Down(_) => {
                            let goal = state
                                .goal_x
                                .unwrap_or_else(|| carets.x_of(buffer.caret()).1);
                            state.goal_x = Some(goal);
                            if matches!(motion, Motion::Up(_)) {
                                Motion::Up(goal)
                            } else {
                                Motion::Down(goal)
                            }
                        }
                        m => {
                            state.goal_x = None;
                            m
                        }
                    };
                    buffer.move_visual(&carets, motion, Selecting::with_shift(modifiers.shift));
                    continue;
                }
                state.goal_x = None;
                match key {
                    Key::Backspace => buffer.backspace(),
                    Key::Delete => buffer.delete_forward(),
                    Key::Enter if !single_line => buffer.insert("\n"),
                    Key::A if modifiers.command => buffer.select_all(),
                    // the field's own history: Ctrl+Z here undoes typing, not a decision
                    Key::Z if modifiers.command && modifiers.shift => {
                        buffer.redo();
                    }
                    Key::Y if modifiers.command => {
                        buffer.redo();
                    }
                    Key::Z if modifiers.command => {
                        buffer.undo();
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

/// The caret motion a key press asks for, if any. Word moves take Ctrl (Alt on macOS),
/// text ends Ctrl+Home/End.
fn motion_of(key: Key, m: Modifiers) -> Option<Motion> {
    let word = m.ctrl || m.alt;
    Some(match key {
        Key::ArrowLeft if word => Motion::WordLeft,
        Key::ArrowRight if word => Motion::WordRight,
        Key::ArrowLeft => Motion::Left,
        Key::ArrowRight => Motion::Right,
        Key::Home if m.command => Motion::TextStart,
        Key::End if m.command => Motion::TextEnd,
        Key::Home => Motion::LineStart,
        Key::End => Motion::LineEnd,
        Key::ArrowUp => Motion::Up(0.0),
        Key::ArrowDown => Motion::Down(0.0),
        _ => return None,
    })
}

/// Applies an input-method event: pre-edit text is kept aside and shown, a commit is
/// inserted once, "delete surrounding" deletes around the caret.
fn input_method(buffer: &mut EditBuffer, state: &mut FieldState, ime: ImeEvent) {
    match ime {
        ImeEvent::Preedit {
            text,
            active_range_chars,
        } => {
            if text == "\n" || text == "\r" {
                return;
            }
            if !text.is_empty() && state.preedit.is_empty() {
                // the composition replaces the selection, as typing does
                buffer.delete_selection();
            }
            let n = text.chars().count();
            state.preedit_cursor = active_range_chars.map_or(n, |r| r.end.min(n));
            state.preedit = text;
        }
        ImeEvent::Commit(text) => {
            state.preedit.clear();
            state.preedit_cursor = 0;
            if !text.is_empty() && text != "\n" && text != "\r" {
                buffer.insert(&text);
            }
        }
        ImeEvent::DeleteSurrounding {
            before_chars,
            after_chars,
        } => buffer.delete_surrounding(before_chars, after_chars),
        #[expect(
            deprecated,
            reason = "egui 0.37 still sends these two IME events; nothing to do for them"
        )]
        ImeEvent::Enabled | ImeEvent::Disabled => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, Visuals};

    /// `c` (premultiplied, possibly translucent) painted over the opaque `bg`.
    fn over(c: Color32, bg: Color32) -> [f32; 3] {
        let a = 1.0 - f32::from(c.a()) / 255.0;
        let ch = |x: u8, b: u8| f32::from(x) + f32::from(b) * a;
        [ch(c.r(), bg.r()), ch(c.g(), bg.g()), ch(c.b(), bg.b())]
    }

    /// Mean distance of `c` from `bg` over the three channels (0–255).
    fn contrast(c: Color32, bg: Color32) -> f32 {
        let [r, g, b] = over(c, bg);
        ((r - f32::from(bg.r())).abs()
            + (g - f32::from(bg.g())).abs()
            + (b - f32::from(bg.b())).abs())
            / 3.0
    }

    #[test]
    fn a_value_in_a_field_stands_out_from_the_hint_of_an_empty_field() {
        for (theme, v) in [("dark", Visuals::dark()), ("light", Visuals::light())] {
            let bg = v.extreme_bg_color;
            let value = contrast(value_color(&v), bg);
            let hint = contrast(hint_color(&v), bg);
            assert!(
                value > hint + 80.0,
                "{theme}: value {value:.0} vs hint {hint:.0} (contrast with the field)"
            );
        }
    }
}
