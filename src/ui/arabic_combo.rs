//! A drop-down list whose choices are Arabic (entity names), painted by Taliq's text
//! engine so they are shaped, joined and right-to-left; egui's own `ComboBox` draws its
//! text with egui's text layout, which does no bidi reordering.

use egui::{Margin, Role, Sense, Shape, Ui, WidgetInfo};

use taliq_text::{TextEngine, TextStyle};

/// An entry of an [`arabic_combo`] list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Entry {
    /// The first entry, for no choice (interface text).
    Nothing,
    /// The choice with this index.
    Choice(usize),
}

/// Size of the names in the button and the list (points).
const NAME_SIZE: f32 = 15.0;

/// Shows a button with the chosen entry (`selected`: [`Entry::Nothing`] shows `none`,
/// interface text; [`Entry::Choice`] an index into `choices`) that opens the list of
/// `choices` below it, `none` first. `name` is the accessible name of the button (screen
/// readers, tests).
///
/// Returns the entry clicked this frame, `None` when nothing was clicked.
pub(super) fn arabic_combo(
    ui: &mut Ui,
    engine: &mut TextEngine,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    none: &str,
    choices: &[String],
    selected: Entry,
) -> Option<Entry> {
    let chosen = match selected {
        Entry::Choice(i) => choices.get(i),
        Entry::Nothing => None,
    };
    let id = ui.make_persistent_id(id_salt);
    let width = ui.available_width().min(300.0);
    let margin = Margin::symmetric(6, 3);
    let mut frame = egui::Frame::new()
        .inner_margin(margin)
        .corner_radius(ui.visuals().widgets.inactive.corner_radius)
        .begin(ui);
    {
        let ui = &mut frame.content_ui;
        ui.set_width(width - f32::from(margin.left + margin.right));
        ui.horizontal(|ui| {
            ui.label("⏷");
            match chosen {
                Some(text) => {
                    let color = ui.visuals().strong_text_color();
                    engine.label_line(ui, text, &TextStyle::arabic_label(NAME_SIZE), color);
                }
                None => {
                    ui.weak(none);
                }
            }
        });
    }
    let rect = frame.content_ui.min_rect() + margin;
    let button = ui.interact(rect, id, Sense::click());
    let look = ui.style().interact(&button);
    frame.frame.fill = look.weak_bg_fill;
    frame.frame.stroke = look.bg_stroke;
    frame.end(ui);
    let shown = chosen.map_or(none, String::as_str);
    button.widget_info(|| {
        let mut info = WidgetInfo::labeled(Role::ComboBox, true, name);
        info.current_text_value = Some(shown.to_owned());
        info
    });

    let mut picked = None;
    egui::Popup::menu(&button).width(rect.width()).show(|ui| {
        ui.set_min_width(rect.width());
        let off = selected == Entry::Nothing;
        let r = ui.selectable_label(off, none);
        r.widget_info(|| WidgetInfo::selected(Role::ListBoxOption, true, off, none));
        if r.clicked() {
            picked = Some(Entry::Nothing);
        }
        for (i, text) in choices.iter().enumerate() {
            // the background goes under the glyphs, so it is painted into a slot kept first
            let slot = ui.painter().add(Shape::Noop);
            let color = if selected == Entry::Choice(i) {
                ui.visuals().selection.stroke.color
            } else {
                ui.visuals().text_color()
            };
            let r = engine.label(
                ui,
                text,
                &TextStyle::arabic_label(NAME_SIZE),
                color,
                Sense::click(),
            );
            let on = selected == Entry::Choice(i);
            r.widget_info(|| WidgetInfo::selected(Role::ListBoxOption, true, on, text));
            let fill = if on {
                Some(ui.visuals().selection.bg_fill)
            } else if r.hovered() {
                Some(ui.visuals().widgets.hovered.weak_bg_fill)
            } else {
                None
            };
            if let Some(fill) = fill {
                ui.painter()
                    .set(slot, Shape::rect_filled(r.rect.expand(1.0), 2.0, fill));
            }
            if r.clicked() {
                picked = Some(Entry::Choice(i));
            }
        }
    });
    picked
}
