//! Help ▸ About Taliq: the version, the licence and the notice of every bundled work of
//! others (`NOTICE` at the top of the repository).

use egui::Sense;
use taliq_text::{TextEngine, TextStyle};

use super::words::about as words;

/// The `NOTICE` file: Taliq's licence and the works of others it holds.
pub(super) const NOTICE: &str = include_str!("../../NOTICE");

/// The About window; sets `open` to false when closed. The notice names Taliq in Arabic,
/// so it goes through the text engine.
pub(super) fn about_window(ctx: &egui::Context, engine: &mut TextEngine, open: &mut bool) {
    egui::Window::new(words::WINDOW_TITLE)
        .open(open)
        .default_size([620.0, 520.0])
        .resizable(true)
        .show(ctx, |ui| {
            ui.heading(words::heading(env!("CARGO_PKG_VERSION")));
            ui.label(words::WHAT);
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let color = ui.visuals().text_color();
                    for paragraph in NOTICE.split("\n\n") {
                        engine.label(ui, paragraph, &TextStyle::ui(), color, Sense::hover());
                        ui.add_space(6.0);
                    }
                });
        });
}
