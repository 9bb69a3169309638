//! The find bar above the article (Ctrl+F): matches across diacritics, tatweel and letter
//! variants ([`taliq_core::extract::search`]).

#[allow(
    clippy::wildcard_imports,
    reason = "the parent module's imports, as if in one file"
)]
use super::*;

impl ArticleView {
    /// The find bar (when open): an Arabic text field, hit count and navigation.
    pub(super) fn find_bar(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        session: &Session,
        out: &mut Vec<Action>,
    ) {
        let doc = session.document();
        if self
            .index
            .as_ref()
            .is_none_or(|(sha, _)| sha != doc.sha256())
        {
            self.index = Some((doc.sha256().to_owned(), SearchIndex::new(doc.text())));
        }
        let Some(f) = &mut self.find else { return };
        // wrapped: in a narrow pane the count and buttons go to a second row rather than
        // widen the article
        ui.horizontal_wrapped(|ui| {
            ui.label(words::FIND);
            let request_focus = std::mem::take(&mut f.focus);
            let field_w = (ui.available_width() - 260.0).max(120.0);
            let resp = ui
                .allocate_ui(egui::vec2(field_w, 30.0), |ui| {
                    arabic_text_edit(
                        ui,
                        engine,
                        &mut f.query,
                        "find",
                        &EditOptions {
                            hint: words::FIND_HINT,
                            min_rows: 1,
                            single_line: true,
                            request_focus,
                        },
                    )
                })
                .inner;
            if f.searched.as_deref() != Some(f.query.text()) {
                let hits = self
                    .index
                    .as_ref()
                    .map(|(_, idx)| idx.find_all(f.query.text()))
                    .unwrap_or_default();
                f.hits = hits;
                f.current = 0;
                f.searched = Some(f.query.text().to_owned());
                if let Some(&h) = f.hits.first() {
                    self.scroll_to = Some((h, true));
                }
            }
            if resp.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                let back = ui.input(|i| i.modifiers.shift);
                out.push(
                    if back {
                        UiCommand::FindPrevious
                    } else {
                        UiCommand::FindNext
                    }
                    .into(),
                );
            }
            // egui drops focus on Escape before widgets run, hence `lost_focus`
            if (resp.has_focus() || resp.lost_focus())
                && ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                out.push(UiCommand::CloseFind.into());
            }
            let count =
                words::find_count(f.current, f.hits.len(), f.query.text().trim().is_empty());
            ui.label(count);
            for cmd in [
                UiCommand::FindPrevious,
                UiCommand::FindNext,
                UiCommand::CloseFind,
            ] {
                let icon = match cmd {
                    UiCommand::FindPrevious => "⏶",
                    UiCommand::FindNext => "⏷",
                    _ => "✖",
                };
                if ui.small_button(icon).on_hover_text(cmd.tooltip()).clicked() {
                    out.push(cmd.into());
                }
            }
        });
    }
}
