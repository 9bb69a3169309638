//! The article view: the text laid out by the engine, annotation highlights under it,
//! mouse selection mapped to logical offsets, hover labels, scroll-to and flash.

mod find_bar;

use std::collections::HashMap;
use std::time::Duration;

use egui::{Align, CursorIcon, Pos2, Rect, Sense, Stroke, Ui, vec2};

use crate::settings::Settings;
use taliq_core::extract::search::SearchIndex;
use taliq_core::model::annotation::Status;
use taliq_core::model::document::is_arabic_mark;
use taliq_core::model::entity_id::EntityId;
use taliq_core::model::span::Span;
use taliq_core::session::Session;
use taliq_text::edit::EditBuffer;
use taliq_text::{DocLayout, TextEngine, TextStyle};

use super::arabic_edit::{EditOptions, arabic_text_edit};

use super::action::{Action, UiCommand};
use super::app::label_color;
use super::words::article as words;

/// Margin around the article text (points); narrow panes get narrower side margins,
/// down to [`MIN_SIDE_MARGIN`].
const MARGIN: f32 = 28.0;
/// Narrowest side margin (points), in a very narrow pane.
const MIN_SIDE_MARGIN: f32 = 8.0;
/// Widest text column (points); wider windows centre the column for readable lines.
const MAX_COLUMN: f32 = 900.0;
/// How long a flash lasts.
const FLASH: Duration = Duration::from_millis(1600);

/// A keyboard scroll of the article, read from the keys pressed this frame.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ScrollStep {
    /// This many text lines down (negative: up): the arrow keys.
    Lines(f32),
    /// This many screens down (negative: up), keeping one line of the last screen in
    /// view: PageDown / PageUp.
    Pages(f32),
    /// The start of the article: Home or Ctrl+Home.
    Top,
    /// The end of the article: End or Ctrl+End.
    Bottom,
}

/// The keyboard scroll asked for this frame (the keys are consumed), or `None`. Only when
/// no widget has keyboard focus: in the find bar or a note the keys move the caret.
/// Ctrl+PageUp / Ctrl+PageDown are not read here: they move to the previous / next
/// article (`UiCommand::PreviousArticle`, `UiCommand::NextArticle`). Home and End without
/// Ctrl go to the start and end of the article as with Ctrl, as in a browser or a
/// document viewer: the article has no caret to move to a line's start.
fn keyboard_scroll(ui: &Ui) -> Option<ScrollStep> {
    use egui::{Key, Modifiers};
    if ui.ctx().egui_wants_keyboard_input() {
        return None;
    }
    ui.input_mut(|i| {
        let mut count = |m: Modifiers, k: Key| i.count_and_consume_key(m, k) as f32;
        let top = count(Modifiers::COMMAND, Key::Home) + count(Modifiers::NONE, Key::Home);
        let bottom = count(Modifiers::COMMAND, Key::End) + count(Modifiers::NONE, Key::End);
        let pages = count(Modifiers::NONE, Key::PageDown) - count(Modifiers::NONE, Key::PageUp);
        let lines = count(Modifiers::NONE, Key::ArrowDown) - count(Modifiers::NONE, Key::ArrowUp);
        if bottom > 0.0 {
            Some(ScrollStep::Bottom)
        } else if top > 0.0 {
            Some(ScrollStep::Top)
        } else if pages != 0.0 {
            Some(ScrollStep::Pages(pages))
        } else if lines != 0.0 {
            Some(ScrollStep::Lines(lines))
        } else {
            None
        }
    })
}

/// View state of the article: selection, focus, flash, scroll requests, and the geometry
/// of the last frame (for hit-testing in tests).
#[derive(Default)]
pub(super) struct ArticleView {
    anchor: Option<usize>,
    head: Option<usize>,
    focused: Option<u64>,
    flash: Option<(Vec<u64>, f64)>,
    /// A span to bring into view, and whether to centre it (else: scroll only if hidden).
    scroll_to: Option<((usize, usize), bool)>,
    reveal_cycle: HashMap<EntityId, usize>,
    /// The article's lazy layout and where it was last drawn.
    doc: Option<DocView>,
    find: Option<FindBar>,
    /// Search index of the open document, keyed by its sha256.
    index: Option<(String, SearchIndex)>,
}

/// The open article's layout (laid out lazily, piece by piece) and the geometry of the
/// last frame.
struct DocView {
    /// Identifies the laid-out text (from the document's SHA-256).
    text_id: u64,
    layout: DocLayout,
    /// Where the document's top-left was drawn (points).
    origin: Pos2,
    ppp: f32,
    /// Scroll offset of the last frame (points).
    offset: f32,
    /// Scroll correction (points) for the next frame: content above the view changed height.
    shift: f32,
}

/// The find bar: query, hits (char ranges) and the current hit.
struct FindBar {
    query: EditBuffer,
    searched: Option<String>,
    hits: Vec<(usize, usize)>,
    current: usize,
    focus: bool,
}

impl ArticleView {
    /// The selection as an ordered, non-empty char range.
    pub(super) fn selection(&self) -> Option<(usize, usize)> {
        match (self.anchor, self.head) {
            (Some(a), Some(h)) if a != h => Some((a.min(h), a.max(h))),
            _ => None,
        }
    }

    pub(super) fn select(&mut self, start: usize, end: usize) {
        self.anchor = Some(start);
        self.head = Some(end);
    }

    pub(super) fn clear(&mut self) {
        self.anchor = None;
        self.head = None;
        self.focused = None;
    }

    pub(super) fn focused(&self) -> Option<u64> {
        self.focused
    }

    pub(super) fn unfocus(&mut self, id: u64) {
        if self.focused == Some(id) {
            self.focused = None;
        }
    }

    /// Focuses `id` and flashes `flash` (the mentions of an entity). `scroll`: `None` leaves
    /// the view where it is, `Some(false)` scrolls only if the span is hidden,
    /// `Some(true)` centres it.
    pub(super) fn focus(&mut self, id: u64, span: Span, flash: Vec<u64>, scroll: Option<bool>) {
        self.focused = Some(id);
        if let Some(center) = scroll {
            self.scroll_to = Some(((span.start(), span.end()), center));
        }
        let ids = if flash.is_empty() { vec![id] } else { flash };
        self.flash = Some((ids, f64::NAN));
    }

    /// Opens the find bar, or focuses it when open.
    pub(super) fn open_find(&mut self) {
        match &mut self.find {
            Some(f) => f.focus = true,
            None => {
                self.find = Some(FindBar {
                    query: EditBuffer::new(""),
                    searched: None,
                    hits: Vec::new(),
                    current: 0,
                    focus: true,
                });
            }
        }
    }

    /// `(current hit index, number of hits)` while the find bar is open.
    pub(super) fn find_position(&self) -> Option<(usize, usize)> {
        self.find.as_ref().map(|f| (f.current, f.hits.len()))
    }

    pub(super) fn close_find(&mut self) {
        self.find = None;
    }

    /// Moves to the next or previous hit and scrolls to it; returns a status message.
    pub(super) fn step_find(&mut self, forward: bool) -> Option<String> {
        let f = self.find.as_mut()?;
        if f.hits.is_empty() {
            return Some(words::NO_MATCH.into());
        }
        let n = f.hits.len();
        f.current = if forward {
            (f.current + 1) % n
        } else {
            (f.current + n - 1) % n
        };
        self.scroll_to = Some((f.hits[f.current], true));
        None
    }

    /// The index of the next mention to reveal for an entity with `n` mentions.
    pub(super) fn next_reveal(&mut self, entity: &EntityId, n: usize) -> usize {
        let c = self
            .reveal_cycle
            .entry(entity.clone())
            .or_insert(usize::MAX);
        *c = c.wrapping_add(1) % n.max(1);
        *c
    }

    pub(super) fn screen_rects(&self, start: usize, end: usize) -> Vec<Rect> {
        let Some(dv) = &self.doc else {
            return Vec::new();
        };
        dv.layout
            .highlight_rects(start..end)
            .into_iter()
            .map(|r| TextEngine::px_rect_to_points(dv.origin, r, dv.ppp))
            .collect()
    }

    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        session: &Session,
        settings: &Settings,
        out: &mut Vec<Action>,
    ) {
        self.selection_bar(ui, engine, session, out);
        ui.separator();
        let ppp = ui.ctx().pixels_per_point();
        let doc = session.document();
        let style = TextStyle {
            line_spacing: settings.line_spacing,
            ..TextStyle::arabic(settings.font_size)
        };
        // The text column is never wider than the pane (its right edge, where every
        // Arabic line starts, must stay in view): margins shrink first in a narrow pane.
        let avail = ui.available_width();
        let side = (avail * 0.06).clamp(MIN_SIDE_MARGIN, MARGIN);
        let column = (avail - 2.0 * side).clamp(40.0, MAX_COLUMN);
        // the document's SHA-256 identifies its text: no need to hash 1 MB every frame
        let text_id = u64::from_str_radix(doc.sha256().get(..16).unwrap_or("0"), 16).unwrap_or(0);
        let params = engine.layout_params(&style, Some(column), ppp);
        let mut area = egui::ScrollArea::vertical().auto_shrink([false, false]);
        let mut dv = match self.doc.take() {
            Some(mut dv) if dv.text_id == text_id && dv.layout.char_len() == doc.char_len() => {
                if *dv.layout.params() != params || dv.ppp.to_bits() != ppp.to_bits() {
                    // Resize, zoom or spacing: keep the text at the top of the view in place
                    // (scroll anchoring) while the document is laid out again.
                    let y0 = (dv.offset - MARGIN).max(0.0) * dv.ppp;
                    let a = dv.layout.piece_at_y(y0);
                    let top = dv.layout.piece_top(a);
                    let h = (dv.layout.piece_top(a + 1) - top).max(1.0);
                    let frac = ((y0 - top) / h).clamp(0.0, 1.0);
                    dv.layout.set_params(params);
                    dv.ppp = ppp;
                    dv.layout.ensure(engine.font_system(), doc.text(), a);
                    let top = dv.layout.piece_top(a);
                    let h = dv.layout.piece_top(a + 1) - top;
                    if dv.offset > MARGIN {
                        dv.shift = 0.0;
                        area = area.vertical_scroll_offset((top + frac * h) / ppp + MARGIN);
                    }
                }
                dv
            }
            _ => DocView {
                text_id,
                layout: DocLayout::new(doc.text(), params),
                origin: Pos2::ZERO,
                ppp,
                offset: 0.0,
                shift: 0.0,
            },
        };
        if dv.shift != 0.0 {
            area = area.vertical_scroll_offset((dv.offset + dv.shift).max(0.0));
            dv.shift = 0.0;
        }
        let scroll_key = keyboard_scroll(ui);
        let line_h = style.size * style.line_spacing;

        area.show(ui, |ui| {
            let height = dv.layout.height() / ppp + 2.0 * MARGIN;
            let (rect, _) =
                ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::hover());
            // A fixed id: widgets added above (e.g. in the selection bar) must not end a drag.
            let response = ui.interact(
                rect,
                egui::Id::unique("taliq-article-text"),
                Sense::click_and_drag(),
            );
            let left = rect.left() + ((rect.width() - column) / 2.0).max(side);
            let origin = Pos2::new(left, rect.top() + MARGIN);
            dv.origin = origin;
            let clip = ui.clip_rect();
            dv.offset = clip.top() - rect.top();
            if let Some(step) = scroll_key {
                let max = (rect.height() - clip.height()).max(0.0);
                let target = match step {
                    ScrollStep::Lines(n) => dv.offset + n * line_h,
                    ScrollStep::Pages(n) => dv.offset + n * (clip.height() - line_h).max(line_h),
                    ScrollStep::Top => 0.0,
                    ScrollStep::Bottom => max,
                };
                // a positive delta moves the content down (scrolls up)
                ui.scroll_with_delta(vec2(0.0, dv.offset - target.clamp(0.0, max)));
            }
            let band_y0 = clip.top() * ppp - (origin.y * ppp).round();
            let band_y1 = clip.bottom() * ppp - (origin.y * ppp).round();
            dv.layout
                .ensure_band(engine.font_system(), doc.text(), band_y0, band_y1);
            let to_px = |p: Pos2| {
                (
                    p.x * ppp - (origin.x * ppp).round(),
                    p.y * ppp - (origin.y * ppp).round(),
                )
            };
            let painter = ui.painter_at(rect);
            let now = ui.input(|i| i.time);

            // Scroll request (from the facts panel).
            if let Some(((start, end), center)) = self.scroll_to.take() {
                let rects = dv
                    .layout
                    .locate(engine.font_system(), doc.text(), start..end);
                if let Some(r) = rects.first() {
                    let target = TextEngine::px_rect_to_points(origin, *r, ppp);
                    ui.scroll_to_rect(target.expand(40.0), center.then_some(Align::Center));
                }
            }

            // Visible char range, to draw only the annotations that can be seen.
            let layout = &dv.layout;
            let visible = layout.chars_in(band_y0, band_y1);

            // Annotation highlights, under the glyphs.
            let anns = session.annotations();
            let first = anns.partition_point(|a| a.span.end() <= visible.start);
            let mut hover_rects: Vec<(u64, Rect)> = Vec::new();
            for a in anns[first..]
                .iter()
                .take_while(|a| a.span.start() < visible.end)
            {
                if a.status == Status::Rejected {
                    continue;
                }
                let alpha = if a.status == Status::Accepted {
                    120
                } else {
                    60
                };
                let rects = layout.highlight_rects(a.span.start()..a.span.end());
                TextEngine::paint_rects(&painter, origin, &rects, label_color(a.label, alpha));
                for r in &rects {
                    let pr = TextEngine::px_rect_to_points(origin, *r, ppp);
                    if a.status == Status::Pending {
                        // pending suggestions carry a dotted underline
                        let y = pr.bottom() - 2.0;
                        let mut x = pr.left();
                        while x < pr.right() {
                            painter.line_segment(
                                [Pos2::new(x, y), Pos2::new((x + 3.0).min(pr.right()), y)],
                                Stroke::new(1.5, label_color(a.label, 255)),
                            );
                            x += 6.0;
                        }
                    }
                    if self.focused == Some(a.id) {
                        painter.rect_stroke(
                            pr,
                            2.0,
                            Stroke::new(2.0, label_color(a.label, 255)),
                            egui::StrokeKind::Outside,
                        );
                    }
                    hover_rects.push((a.id, pr));
                }
            }

            // Flash (from the facts panel): a fading outline around the mentions.
            if let Some((ids, start)) = &mut self.flash {
                if start.is_nan() {
                    *start = now;
                }
                let t = ((now - *start) / FLASH.as_secs_f64()) as f32;
                if t >= 1.0 {
                    self.flash = None;
                } else {
                    let alpha = ((1.0 - t) * 255.0 * (0.6 + 0.4 * (t * 18.0).cos().abs())) as u8;
                    for id in ids.iter() {
                        if let Some(a) = session.get(*id) {
                            for r in layout.highlight_rects(a.span.start()..a.span.end()) {
                                let pr = TextEngine::px_rect_to_points(origin, r, ppp).expand(2.0);
                                painter.rect_stroke(
                                    pr,
                                    3.0,
                                    Stroke::new(3.0, label_color(a.label, alpha)),
                                    egui::StrokeKind::Outside,
                                );
                            }
                        }
                    }
                    ui.ctx().request_repaint();
                }
            }

            // Search hits: all visible ones, the current one outlined.
            if let Some(f) = &self.find {
                let first = f.hits.partition_point(|h| h.1 <= visible.start);
                for (i, &(s, e)) in f.hits.iter().enumerate().skip(first) {
                    if s >= visible.end {
                        break;
                    }
                    let rects = layout.highlight_rects(s..e);
                    let fill = egui::Color32::from_rgba_unmultiplied(255, 210, 0, 90);
                    TextEngine::paint_rects(&painter, origin, &rects, fill);
                    if i == f.current {
                        for r in rects {
                            let pr = TextEngine::px_rect_to_points(origin, r, ppp);
                            painter.rect_stroke(
                                pr.expand(1.0),
                                2.0,
                                Stroke::new(2.0, egui::Color32::from_rgb(255, 190, 0)),
                                egui::StrokeKind::Outside,
                            );
                        }
                    }
                }
            }

            // Text selection.
            if let Some((s, e)) = self.selection() {
                let rects = layout.highlight_rects(s..e);
                let sel = ui.visuals().selection.bg_fill.gamma_multiply(0.55);
                TextEngine::paint_rects(&painter, origin, &rects, sel);
            }

            let text_color = ui.visuals().text_color();
            for (_, top, piece, _) in layout.visible(band_y0, band_y1) {
                engine.paint_glyphs(
                    &painter,
                    &piece,
                    origin + vec2(0.0, top / ppp),
                    text_color,
                    clip,
                );
            }

            // Visible markers for the invisible bidi controls (Trojan Source).
            let mut control_marks: Vec<(Rect, char)> = Vec::new();
            for (i, c) in doc
                .slice(visible.start, visible.end)
                .chars()
                .enumerate()
                .filter(|(_, c)| taliq_core::model::document::is_bidi_control(*c))
            {
                let Some((x, top, height)) = layout.caret(visible.start + i) else {
                    continue;
                };
                let r = TextEngine::px_rect_to_points(
                    origin,
                    [x - 2.0 * ppp, top, x + 2.0 * ppp, top + height],
                    ppp,
                );
                painter.rect_filled(r, 1.0, ui.visuals().error_fg_color);
                control_marks.push((r.expand(3.0), c));
            }

            // Mouse: drag to select, click to focus an annotation, double-click a word.
            let latest = ui.input(|i| i.pointer.latest_pos());
            if response.drag_started()
                && let Some(press) = ui.input(|i| i.pointer.press_origin())
            {
                let (x, y) = to_px(press);
                self.anchor = layout.hit(x, y);
                self.head = self.anchor;
            }
            if response.dragged()
                && let Some(at) = latest
            {
                let (x, y) = to_px(at);
                if let Some(h) = layout.hit(x, y) {
                    self.head = Some(h);
                }
            }
            if response.double_clicked() {
                if let Some(p) = latest {
                    let (x, y) = to_px(p);
                    let (s, e) = layout.hit(x, y).map_or((0, 0), |h| word_at(doc.text(), h));
                    if s < e {
                        self.anchor = Some(s);
                        self.head = Some(e);
                    }
                }
            } else if response.clicked() && ui.input(|i| i.pointer.any_click()) {
                let hit = latest.and_then(|p| {
                    hover_rects
                        .iter()
                        .filter(|(_, r)| r.contains(p))
                        .min_by_key(|(id, _)| session.get(*id).map_or(usize::MAX, |a| a.span.len()))
                        .map(|(id, _)| *id)
                });
                self.anchor = None;
                self.head = None;
                match hit {
                    Some(id) => out.push(Action::Focus(id)),
                    None => self.focused = None,
                }
            }
            if response.hovered() {
                ui.ctx().set_cursor_icon(CursorIcon::Text);
            }
            if let Some(p) = response.hover_pos()
                && let Some((_, c)) = control_marks.iter().find(|(r, _)| r.contains(p))
            {
                response
                    .clone()
                    .on_hover_text_at_pointer(words::bidi_control(*c));
            }
            if let Some(p) = response.hover_pos() {
                let under: Vec<u64> = hover_rects
                    .iter()
                    .filter(|(_, r)| r.contains(p))
                    .map(|(id, _)| *id)
                    .collect();
                if !under.is_empty() && !response.dragged() {
                    response.clone().on_hover_ui_at_pointer(|ui| {
                        for id in under {
                            if let Some(a) = session.get(id) {
                                ui.label(
                                    egui::RichText::new(a.label.as_str())
                                        .strong()
                                        .color(label_color(a.label, 255)),
                                );
                                ui.label(words::annotation_hover(
                                    a.status,
                                    a.origin,
                                    a.span.start(),
                                    a.span.end(),
                                ));
                                if !a.note.is_empty() {
                                    ui.set_max_width(320.0);
                                    engine.label(
                                        ui,
                                        &a.note,
                                        &TextStyle::arabic(15.0),
                                        ui.visuals().text_color(),
                                        Sense::hover(),
                                    );
                                }
                            }
                        }
                    });
                }
            }

            // Lay out more of the document in the background, a few ms per frame, and
            // keep the view still when pieces above it change height.
            if !dv.layout.is_complete() {
                let moved = dv.layout.advance(
                    engine.font_system(),
                    doc.text(),
                    band_y0,
                    Duration::from_millis(6),
                );
                if dv.offset > MARGIN {
                    dv.shift += moved / ppp;
                }
                ui.ctx().request_repaint();
            }
        });
        self.doc = Some(dv);
    }

    /// The strip above the text: the selected text and a button per label.
    fn selection_bar(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        session: &Session,
        out: &mut Vec<Action>,
    ) {
        let sel = self.selection();
        ui.horizontal_wrapped(|ui| {
            ui.label(words::LABEL_SELECTION);
            for label in taliq_core::model::label::Label::ALL {
                let cmd = UiCommand::LabelSelection(label);
                let text = egui::RichText::new(cmd.title()).color(if sel.is_some() {
                    label_color(label, 255)
                } else {
                    ui.visuals().weak_text_color()
                });
                let b = ui
                    .add_enabled(
                        sel.is_some(),
                        egui::Button::new(text).stroke(Stroke::new(1.0, label_color(label, 160))),
                    )
                    .on_hover_text(cmd.tooltip())
                    .on_disabled_hover_text(words::SELECT_FIRST);
                if b.clicked() {
                    out.push(cmd.into());
                }
            }
            ui.separator();
            ui.label(words::SIZE);
            for (icon, cmd) in [("−", UiCommand::ZoomOut), ("+", UiCommand::ZoomIn)] {
                if ui.small_button(icon).on_hover_text(cmd.tooltip()).clicked() {
                    out.push(cmd.into());
                }
            }
        });
        self.find_bar(ui, engine, session, out);
        // Always one row high, so the text does not jump while a selection is made.
        ui.horizontal(|ui| {
            ui.set_min_height(26.0);
            match sel {
                Some((s, e)) => {
                    let doc = session.document();
                    // one line: line breaks shown as spaces, long selections shortened
                    let mut text: String = doc
                        .slice(s, e)
                        .chars()
                        .take(60)
                        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
                        .collect();
                    if e - s > 60 {
                        text.push('…');
                    }
                    let style = TextStyle::arabic_label(15.0);
                    let color = ui.visuals().strong_text_color();
                    ui.label(words::selected(s, e));
                    engine.label(ui, &text, &style, color, Sense::hover());
                }
                None => {
                    // cut with "…" in a narrow pane: a wider row would widen the article
                    ui.add(
                        egui::Label::new(egui::RichText::new(words::NO_SELECTION).weak())
                            .truncate(),
                    );
                }
            }
        });
    }
}

/// The word (letters, digits and their combining marks) around char offset `at`.
fn word_at(text: &str, at: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let is_word = |c: char| c.is_alphanumeric() || is_arabic_mark(c) || c == '\u{0640}';
    let mut s = at.min(chars.len());
    let mut e = s;
    if e < chars.len() && !is_word(chars[e]) && s > 0 && is_word(chars[s - 1]) {
        s -= 1;
        e = s;
    }
    while s > 0 && is_word(chars[s - 1]) {
        s -= 1;
    }
    while e < chars.len() && is_word(chars[e]) {
        e += 1;
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::word_at;

    #[test]
    fn double_click_word_keeps_marks_and_stops_at_spaces() {
        let t = "شدّد بوتين، الآن";
        assert_eq!(word_at(t, 1), (0, 4));
        assert_eq!(word_at(t, 7), (5, 10));
        assert_eq!(word_at(t, 10), (5, 10));
    }
}
