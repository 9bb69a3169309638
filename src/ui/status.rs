//! The status line's message: the last message, cut with "…" when even a row of its own
//! is too narrow (its start, which says what happened, stays visible), and on hover the
//! whole message with the earlier ones.

use std::collections::VecDeque;

use egui::{Color32, Ui};

use taliq_text::{TextEngine, TextStyle};

use super::app::Severity;

/// Colour of a message of `severity`.
fn color(ui: &Ui, severity: Severity, info: Color32) -> Color32 {
    match severity {
        Severity::Info => info,
        Severity::Warning => ui.visuals().warn_fg_color,
        Severity::Error => ui.visuals().error_fg_color,
    }
}

/// Shows `msg` (of `severity`) on one line in the space left in `ui`; hovering it shows
/// the whole message, then up to 12 earlier messages of `history` (oldest first in
/// `history`, shown newest first). Messages may quote Arabic text or file names, so they
/// go through the text engine. The label is exposed to accessibility (and tests) with
/// the whole message as its text.
pub(super) fn message(
    ui: &mut Ui,
    engine: &mut TextEngine,
    severity: Severity,
    msg: &str,
    history: &VecDeque<(Severity, String)>,
) {
    let c = color(ui, severity, ui.visuals().text_color());
    let (resp, _cut) = engine.label_line(ui, msg, &TextStyle::ui(), c);
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, msg));
    resp.on_hover_ui(|ui| {
        ui.set_max_width(640.0);
        engine.label(ui, msg, &TextStyle::ui(), c, egui::Sense::hover());
        let earlier: Vec<_> = history
            .iter()
            .rev()
            .filter(|(_, m)| m != msg)
            .take(12)
            .collect();
        if !earlier.is_empty() {
            ui.separator();
            ui.weak(super::words::chrome::EARLIER_MESSAGES);
            for (sev, m) in earlier {
                let c = color(ui, *sev, ui.visuals().weak_text_color());
                engine.label(ui, m, &TextStyle::ui(), c, egui::Sense::hover());
            }
        }
    });
}
