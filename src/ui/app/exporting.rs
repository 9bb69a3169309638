//! Export to JSON, "Export changed articles", and the prompts before an overwrite and on close.

#[allow(
    clippy::wildcard_imports,
    reason = "the parent module's imports, as if in one file"
)]
use super::*;

use taliq_core::workspace::export::{self, ChangedExport, ChangedOutcome, ExportError, Overwrite};
pub(super) use taliq_core::workspace::export::{Unexported, default_export_path};

impl TaliqApp {
    /// Exports the open article to `path`, unless a file there holds another article's
    /// annotations or is not a Taliq export: then asks first ([`Self::overwrite_prompt`]).
    pub(super) fn export(&mut self, path: &Path) {
        self.export_as(path, Overwrite::IfOurs);
    }

    /// Exports the open article to `path`, whatever is there.
    pub(super) fn export_unchecked(&mut self, path: &Path) {
        self.export_as(path, Overwrite::Anyway);
    }

    /// Exports the open article to `path` ([`export::export_article`]) and says so, or
    /// asks before an overwrite.
    fn export_as(&mut self, path: &Path, overwrite: Overwrite) {
        let Some(a) = &mut self.article else {
            self.say(Severity::Warning, words::review::Msg::NoArticle);
            return;
        };
        match export::export_article(
            &mut self.export_log,
            self.export_log_path.as_deref(),
            &a.path,
            &a.session,
            path,
            overwrite,
        ) {
            Ok(done) => {
                a.exported_revision = Some(a.session.revision());
                a.export_path = Some(path.to_path_buf());
                a.carried_unexported = false;
                self.say(Severity::Info, words::export::Msg::Exported(&done));
            }
            Err(ExportError::Conflict(conflict)) => {
                self.overwrite_prompt = Some((path.to_path_buf(), conflict));
            }
            Err(ExportError::Write(e)) => self.say(Severity::Error, words::export::Msg::Failed(&e)),
        }
    }

    /// Every article changed in this run and not exported since, the open one first.
    pub(super) fn all_unexported(&self) -> Vec<Unexported> {
        let current = self.article.as_ref().and_then(OpenArticle::unexported);
        current
            .into_iter()
            .chain(self.unexported.iter().cloned())
            .collect()
    }

    /// Adds the open folder's other articles whose saved work (from this run or an earlier
    /// one) is not in their last export (see [`ExportLog`], [`export::unexported_in`]) to
    /// the unexported list, so that closing asks about them and Export changed articles
    /// writes them.
    pub(super) fn note_folder_unexported(&mut self) {
        let Some(panel) = &self.corpus else { return };
        let current = self.article.as_ref().map(|a| a.path.as_path());
        let known = &self.unexported;
        let found = export::unexported_in(panel.corpus(), &self.export_log, |p| {
            current == Some(p) || known.iter().any(|u| u.article == p)
        });
        self.unexported.extend(found);
    }

    /// Exports every changed article (see [`UiCommand::ExportChanged`],
    /// [`export::export_changed`]): the open one from its session, the others from their
    /// sidecars (which are in the export format). Returns false when any export failed
    /// (each failure is named in the status line).
    pub(super) fn export_changed(&mut self) -> bool {
        self.note_folder_unexported();
        let list = self.all_unexported();
        if list.is_empty() {
            self.say(Severity::Info, words::export::Msg::NothingChanged);
            return true;
        }
        let open = self
            .article
            .as_ref()
            .map(|a| (a.path.as_path(), &a.session));
        let done = export::export_changed(
            &mut self.export_log,
            self.export_log_path.as_deref(),
            &list,
            open,
        );
        for d in &done {
            let ChangedOutcome::Written { to, .. } = &d.outcome else {
                continue;
            };
            match self.article.as_mut().filter(|a| a.path == d.article) {
                Some(a) => {
                    a.exported_revision = Some(a.session.revision());
                    a.export_path = Some(to.clone());
                    a.carried_unexported = false;
                }
                None => self.unexported.retain(|x| x.article != d.article),
            }
        }
        let severity = export_changed_severity(&done);
        let msg = String::from(words::export::Msg::Changed(&done));
        if severity == Severity::Warning {
            self.say_pinned(severity, msg);
        } else {
            self.say(severity, msg);
        }
        severity != Severity::Error
    }

    /// On a close request: when changes are not exported (or not saved), keeps the
    /// window open once and shows the close prompt. A second request while the prompt is
    /// shown closes: the user is never trapped.
    pub(super) fn hold_close_for_prompt(&mut self, ctx: &egui::Context) {
        if self.close_confirmed || self.close_prompt {
            return;
        }
        self.note_folder_unexported();
        if self.all_unexported().is_empty()
            && self.is_saved()
            && self.unsaved_lexicon_decisions() == 0
        {
            return;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        self.close_prompt = true;
    }

    pub(super) fn close_prompt_ui(&mut self, ui: &Ui, out: &mut Vec<Action>) {
        let list = self.all_unexported();
        let saved = self.is_saved();
        let lexicon_waiting = self.unsaved_lexicon_decisions();
        let mut names: Vec<String> = list.iter().take(6).map(|u| file_name(&u.article)).collect();
        if list.len() > 6 {
            names.truncate(5);
            names.push(words::export::and_more(list.len() - 5));
        }
        let names = names.join(", ");
        // where the open article's work really is (an alternative sidecar after a damaged
        // file or a second window)
        let work_file = self
            .article
            .as_ref()
            .map(|a| file_name(a.autosave.sidecar()));
        let engine = &mut self.engine;
        let modal = egui::Modal::new(egui::Id::unique("close-prompt")).show(ui.ctx(), |ui| {
            ui.set_max_width(460.0);
            ui.heading(words::export::CLOSE_TITLE);
            ui.add_space(4.0);
            if saved {
                let said = words::export::close_saved(work_file.as_deref(), lexicon_waiting > 0);
                engine.label(
                    ui,
                    &said,
                    &TextStyle::ui(),
                    ui.visuals().text_color(),
                    egui::Sense::hover(),
                );
            } else {
                ui.colored_label(ui.visuals().error_fg_color, words::export::CLOSE_UNSAVED);
            }
            if lexicon_waiting > 0 {
                ui.add_space(4.0);
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    words::export::close_lexicon_waiting(lexicon_waiting, LEXICON_FILE),
                );
            }
            if !list.is_empty() {
                ui.add_space(4.0);
                ui.label(words::export::CHANGED_SINCE_EXPORT);
                let color = ui.visuals().strong_text_color();
                engine.label(ui, &names, &TextStyle::ui(), color, egui::Sense::hover());
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                for cmd in [
                    Action::ConfirmClose(CloseChoice::ExportFirst),
                    Action::ConfirmClose(CloseChoice::WithoutExport),
                    Action::KeepOpen,
                ] {
                    if ui
                        .button(cmd.title())
                        .on_hover_text(cmd.tooltip())
                        .clicked()
                    {
                        out.push(cmd);
                    }
                }
            });
            ui.weak(words::export::CLOSE_AGAIN);
        });
        if modal.should_close() {
            out.push(Action::KeepOpen);
        }
    }
}

/// The prompt shown before an export overwrites `path`, which holds `conflict`: overwrite
/// it, export to the article's own name `own` instead (when that is another file), or
/// cancel.
pub(super) fn overwrite_prompt_ui(
    ui: &Ui,
    engine: &mut TextEngine,
    path: &Path,
    conflict: &taliq_core::workspace::export_log::ExportConflict,
    own: Option<PathBuf>,
    out: &mut Vec<Action>,
) {
    let what = words::export::overwrite_what(path, conflict);
    let modal = egui::Modal::new(egui::Id::unique("overwrite-prompt")).show(ui.ctx(), |ui| {
        ui.set_max_width(460.0);
        ui.heading(words::export::OVERWRITE_TITLE);
        ui.add_space(4.0);
        // file names may be Arabic
        engine.label(
            ui,
            &what,
            &TextStyle::ui(),
            ui.visuals().text_color(),
            egui::Sense::hover(),
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(words::export::OVERWRITE_IT).clicked() {
                out.push(Action::ExportOverwrite(path.to_path_buf()));
            }
            if let Some(own) = own.filter(|o| o != path) {
                let title = words::export::export_instead(&own);
                if ui.button(title).clicked() {
                    out.push(Action::CancelOverwrite);
                    out.push(Action::ExportTo(own));
                }
            }
            if ui.button(words::export::CANCEL).clicked() {
                out.push(Action::CancelOverwrite);
            }
        });
    });
    if modal.should_close() {
        out.push(Action::CancelOverwrite);
    }
}

/// The severity of what File ▸ Export changed articles did (`done`): an error when an
/// export failed, a warning when an article went to its own name because its file holds
/// another article's, else information.
fn export_changed_severity(done: &[ChangedExport]) -> Severity {
    if done.iter().any(|d| d.outcome.failed()) {
        Severity::Error
    } else if done.iter().any(|d| d.outcome.moved()) {
        Severity::Warning
    } else {
        Severity::Info
    }
}
