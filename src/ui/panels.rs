//! The side panels around the article — the facts panel on the left, the folder panel on
//! the right — sized so that the article keeps its room in a narrow window.
//!
//! As the window narrows, the panels shrink first (to [`FACTS_MIN`] and [`FOLDER_MIN`]),
//! then the facts panel collapses to a strip with a button that shows it again; the
//! article pane keeps at least [`ARTICLE_MIN`] points while the panels can give way.
//! View ▸ Facts panel (F9) and the buttons on the panel hide and show the facts panel at
//! any width; shown in a window too narrow for it, it takes its minimum width and the
//! article its remaining room (the article view never lays its text out wider than its
//! pane, so nothing is cut off).

use egui::{Panel, Ui, vec2};

use super::action::{Action, UiCommand};

/// Width (points) the article pane keeps while the side panels can shrink or collapse.
pub(super) const ARTICLE_MIN: f32 = 320.0;
/// Narrowest facts panel (points); with less room it collapses.
pub(super) const FACTS_MIN: f32 = 280.0;
const FACTS_DEFAULT: f32 = 380.0;
const FACTS_MAX: f32 = 700.0;
/// Narrowest folder panel (points).
pub(super) const FOLDER_MIN: f32 = 180.0;
const FOLDER_DEFAULT: f32 = 260.0;
const FOLDER_MAX: f32 = 500.0;
/// Width of the collapsed facts panel (points).
const STRIP: f32 = 30.0;

/// Whether the facts panel is shown, and the room the window gives this frame.
#[derive(Debug)]
pub(super) struct SidePanels {
    /// The annotator's choice (View ▸ Facts panel, F9, the panel's buttons).
    facts_open: bool,
    /// Shown although the window is too narrow for it: the annotator asked for it there.
    facts_forced: bool,
    /// The window has room for the facts panel at its minimum width beside the article
    /// (and the folder panel at its minimum, when a folder is open).
    room: bool,
}

impl Default for SidePanels {
    fn default() -> Self {
        SidePanels {
            facts_open: true,
            facts_forced: false,
            room: true,
        }
    }
}

impl SidePanels {
    /// True when the facts panel is shown (not collapsed) this frame.
    pub(super) fn facts_visible(&self) -> bool {
        self.facts_open && (self.room || self.facts_forced)
    }

    /// Hides the facts panel when it is shown, otherwise shows it (also in a window too
    /// narrow for it, until the window has room again).
    pub(super) fn toggle_facts(&mut self) {
        if self.facts_visible() {
            self.facts_open = false;
            self.facts_forced = false;
        } else {
            self.facts_open = true;
            self.facts_forced = !self.room;
        }
    }

    /// Measures the room in `ui` (the space left by the menu and status bars) for this
    /// frame; call before [`SidePanels::show_folder`] and [`SidePanels::show_facts`].
    pub(super) fn begin(&mut self, ui: &Ui, folder_open: bool) {
        let width = ui.available_rect_before_wrap().width();
        let folder = if folder_open { FOLDER_MIN } else { 0.0 };
        self.room = width - folder >= FACTS_MIN + ARTICLE_MIN;
        if self.room {
            self.facts_forced = false;
        }
    }

    /// The folder panel on the right, no wider than leaves the facts panel (or its strip)
    /// and the article their minimum widths.
    pub(super) fn show_folder(&self, ui: &mut Ui, add_contents: impl FnOnce(&mut Ui)) {
        let facts = if self.facts_visible() {
            FACTS_MIN
        } else {
            STRIP
        };
        let room = ui.available_rect_before_wrap().width() - facts - ARTICLE_MIN;
        Panel::right("corpus")
            .default_size(FOLDER_DEFAULT)
            .size_range(FOLDER_MIN..=room.clamp(FOLDER_MIN, FOLDER_MAX))
            .show(ui, add_contents);
    }

    /// The facts panel on the left, no wider than leaves the article its minimum width,
    /// with a button that hides it; collapsed, a strip with a button that shows it.
    /// Dragging its edge past its minimum width collapses it too.
    pub(super) fn show_facts(
        &mut self,
        ui: &mut Ui,
        out: &mut Vec<Action>,
        add_contents: impl FnOnce(&mut Ui),
    ) {
        let room = ui.available_rect_before_wrap().width() - ARTICLE_MIN;
        let visible = self.facts_visible();
        let mut expanded = visible;
        let collapsed = Panel::left("facts-collapsed")
            .exact_size(STRIP)
            .resizable(false);
        let full = Panel::left("facts")
            .default_size(FACTS_DEFAULT)
            .size_range(FACTS_MIN..=room.clamp(FACTS_MIN, FACTS_MAX));
        let tooltip = UiCommand::ToggleFactsPanel.tooltip();
        Panel::show_switched(ui, &mut expanded, collapsed, full, |ui, shown| {
            if shown {
                add_contents(ui);
                // the hide button in the top right corner, beside the panel's heading
                let r = ui.max_rect();
                let at =
                    egui::Rect::from_min_size(r.right_top() + vec2(-22.0, 0.0), vec2(22.0, 20.0));
                if ui
                    .put(at, egui::Button::new("⏴").small().frame(false))
                    .on_hover_text(&tooltip)
                    .clicked()
                {
                    out.push(UiCommand::ToggleFactsPanel.into());
                }
            } else if ui
                .add(egui::Button::new("⏵").small())
                .on_hover_text(&tooltip)
                .clicked()
            {
                out.push(UiCommand::ToggleFactsPanel.into());
            }
        });
        if visible && !expanded {
            // its edge was dragged closed
            self.toggle_facts();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_facts_panel_shown_in_a_narrow_window_stays_until_the_window_has_room() {
        let mut p = SidePanels {
            room: false,
            ..SidePanels::default()
        };
        assert!(!p.facts_visible(), "collapsed for lack of room");
        p.toggle_facts();
        assert!(p.facts_visible(), "shown on request");
        p.toggle_facts();
        assert!(!p.facts_visible());
        p.room = true;
        assert!(
            !p.facts_visible(),
            "hidden by the annotator: stays hidden when wide"
        );
        p.toggle_facts();
        assert!(p.facts_visible());
    }
}
