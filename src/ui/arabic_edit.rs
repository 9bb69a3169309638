//! A text field on Taliq's text engine, so Arabic typed into notes is shaped and
//! bidi-ordered while it is typed (egui's own `TextEdit` does no bidi reordering).

use egui::{
    Event, EventFilter, IMEPurpose, ImeEvent, Key, Rect, Response, Sense, Stroke, Ui, WidgetInfo,
    pos2, vec2,
};

use crate::text::edit::EditBuffer;
use crate::text::{TextEngine, TextStyle};

/// Inner padding of the field (points).
const PAD: f32 = 6.0;

/// Options of an [`arabic_text_edit`] field.
pub(super) struct EditOptions<'a> {
    /// Grey text shown while the field is empty.
    pub hint: &'a str,
    /// Minimum height in text rows.
    pub min_rows: usize,
    /// Enter does not insert a line break (the caller reads it, e.g. "find next").
    pub single_line: bool,
    /// Give the field keyboard focus this frame.
    pub request_focus: bool,
}

/// Shows an editable field for `buffer`. Returns the response; `changed()` is set
/// when the text changed this frame.
pub(super) fn arabic_text_edit(
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
    let ppp = ui.ctx().pixels_per_point();
    let style = TextStyle::arabic(16.0);
    let width = ui.available_width().max(60.0);
    let inner_w = width - 2.0 * PAD;
    let layout = engine.layout(buffer.text(), &style, Some(inner_w), ppp);
    let row = style.size * style.line_spacing;
    let height = (layout.height / ppp).max(row * min_rows as f32) + 2.0 * PAD;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let mut response = ui.interact(rect, id, Sense::click_and_drag());
    let origin = rect.min + vec2(PAD, PAD);
    let to_px = |p: egui::Pos2| {
        (
            p.x * ppp - (origin.x * ppp).round(),
            p.y * ppp - (origin.y * ppp).round(),
        )
    };
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
        buffer.place(layout.hit(x, y), shift);
    }
    if response.dragged()
        && let Some(p) = latest
    {
        let (x, y) = to_px(p);
        buffer.place(layout.hit(x, y), true);
    }

    let focused = response.has_focus();
    let before = buffer.text().to_owned();
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
        let rtl_here = layout
            .lines
            .get(layout.line_of_offset(buffer.caret()))
            .is_some_and(|l| l.rtl);
        let events = ui.input(|i| i.events.clone());
        for event in events {
            match event {
                Event::Text(t) if !t.chars().any(char::is_control) => buffer.insert(&t),
                Event::Paste(t) => buffer.insert(&t.replace("\r\n", "\n")),
                Event::Ime(ImeEvent::Commit(t)) => buffer.insert(&t),
                Event::Copy | Event::Cut => {
                    if let Some(s) = buffer.selected_text() {
                        ui.ctx().copy_text(s.to_owned());
                    }
                    if matches!(event, Event::Cut) {
                        buffer.delete_selection();
                    }
                }
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => match key {
                    Key::Backspace => buffer.backspace(),
                    Key::Delete => buffer.delete_forward(),
                    Key::Enter if !single_line => buffer.insert("\n"),
                    // In a right-to-left line the left arrow moves forward in the text.
                    Key::ArrowLeft => buffer.move_logical(rtl_here, modifiers.shift),
                    Key::ArrowRight => buffer.move_logical(!rtl_here, modifiers.shift),
                    Key::Home | Key::ArrowUp => buffer.move_to_edge(false, modifiers.shift),
                    Key::End | Key::ArrowDown => buffer.move_to_edge(true, modifiers.shift),
                    Key::A if modifiers.command => buffer.select_all(),
                    _ => {}
                },
                _ => {}
            }
        }
    }
    if buffer.text() != before {
        response.mark_changed();
    }

    // Paint: field, selection, text (or hint), caret.
    let layout = engine.layout(buffer.text(), &style, Some(inner_w), ppp);
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
    if buffer.text().is_empty() {
        let hint_layout = engine.layout(hint, &style, Some(inner_w), ppp);
        engine.paint_glyphs(
            &painter,
            &hint_layout,
            origin,
            visuals.weak_text_color(),
            rect,
        );
    } else {
        engine.paint_glyphs(&painter, &layout, origin, visuals.text_color(), rect);
    }
    let (line_i, caret_x) = layout.caret_x(buffer.caret());
    let (top, h) = layout
        .lines
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
        ui.output_mut(|o| {
            o.ime = Some(egui::output::IMEOutput {
                purpose: IMEPurpose::Normal,
                rect,
                cursor_rect: caret_rect,
                should_interrupt_composition: false,
            });
        });
    }
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
    }
    let text = buffer.text().to_owned();
    response.widget_info(|| WidgetInfo::text_edit(true, &before, &text, hint));
    response
}
