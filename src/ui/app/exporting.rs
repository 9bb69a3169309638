//! Export to JSON, "Export changed articles", and the prompts before an overwrite and on close.

#[allow(
    clippy::wildcard_imports,
    reason = "the parent module's imports, as if in one file"
)]
use super::*;

impl TaliqApp {
    /// Exports the open article to `path`, unless a file there holds another article's
    /// annotations or is not a Taliq export: then asks first ([`Self::overwrite_prompt`]).
    pub(super) fn export(&mut self, path: &Path) {
        let Some(a) = &self.article else {
            self.say(Severity::Warning, "Open an article first");
            return;
        };
        if let Some(conflict) =
            self.export_log
                .conflict(path, &a.path, a.session.document().sha256())
        {
            self.overwrite_prompt = Some((path.to_path_buf(), conflict));
            return;
        }
        self.export_unchecked(path);
    }

    /// Exports the open article to `path`, whatever is there.
    pub(super) fn export_unchecked(&mut self, path: &Path) {
        let Some(a) = &mut self.article else {
            self.say(Severity::Warning, "Open an article first");
            return;
        };
        let json = a.session.to_export().to_json();
        match storage::write_atomic(path, json.as_bytes()) {
            Ok(()) => {
                a.exported_revision = Some(a.session.revision());
                a.export_path = Some(path.to_path_buf());
                a.carried_unexported = false;
                let n = a.session.annotations().len();
                let noted = self.export_log.record(
                    self.export_log_path.as_deref(),
                    &a.path,
                    path,
                    work_fingerprint(a.session.annotations()),
                );
                let mut msg = format!("Exported {n} annotations to {}", path.display());
                if let Err(e) = noted {
                    let _ = write!(msg, " (it could not be noted in exports.json: {e})");
                }
                self.say(Severity::Info, msg);
            }
            Err(e) => self.say(Severity::Error, format!("Export failed: {e}")),
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

    /// Exports every changed article (see [`UiCommand::ExportChanged`]): the open one from
    /// its session, the others from their sidecars (which are in the export format).
    /// Returns false when any export failed (each failure is named in the status line).
    /// Adds the open folder's other articles whose saved work (from this run or an earlier
    /// one) is not in their last export (see [`ExportLog`]) to the unexported list, so
    /// that closing asks about them and Export changed articles writes them.
    pub(super) fn note_folder_unexported(&mut self) {
        let Some(panel) = &self.corpus else { return };
        let current = self.article.as_ref().map(|a| a.path.clone());
        let mut found = Vec::new();
        for art in &panel.corpus().articles {
            let decided = match art.progress {
                Progress::InProgress { decided, .. } | Progress::Done { decided } => decided,
                _ => 0,
            };
            if decided == 0
                || current.as_ref() == Some(&art.path)
                || self.unexported.iter().any(|u| u.article == art.path)
            {
                continue;
            }
            // the newest work file, as opening the article would take it
            let Some((sidecar, file)) = storage::work_files(&art.path).next() else {
                continue;
            };
            if self
                .export_log
                .records_unexported(&art.path, &file.annotations)
            {
                found.push(Unexported {
                    article: art.path.clone(),
                    sidecar,
                    export_path: self
                        .export_log
                        .export_path(&art.path)
                        .map(Path::to_path_buf),
                });
            }
        }
        self.unexported.extend(found);
    }

    pub(super) fn export_changed(&mut self) -> bool {
        self.note_folder_unexported();
        let list = self.all_unexported();
        if list.is_empty() {
            self.say(Severity::Info, "Nothing changed since the last export");
            return true;
        }
        let mut written = Vec::new();
        let mut failed = Vec::new();
        let mut moved = Vec::new();
        for u in list {
            let open = self.article.as_ref().filter(|a| a.path == u.article);
            let json = match open {
                Some(a) => Ok((
                    a.session.to_export().to_json(),
                    work_fingerprint(a.session.annotations()),
                    a.session.document().sha256().to_owned(),
                )),
                None => match storage::read_sidecar(&u.sidecar) {
                    Ok(Some(file)) => Ok((
                        file.to_json(),
                        records_fingerprint(&file.annotations),
                        file.document.sha256.clone(),
                    )),
                    Ok(None) => Err(format!("{} is missing", file_name(&u.sidecar))),
                    Err(e) => Err(e.to_string()),
                },
            };
            let json = match json {
                Ok(j) => j,
                Err(e) => {
                    failed.push(format!("{}: {e}", file_name(&u.article)));
                    continue;
                }
            };
            // never over a file written for another article: the article's own name
            // instead, or not at all
            let mut target = u.target();
            if self
                .export_log
                .conflict(&target, &u.article, &json.2)
                .is_some()
            {
                let own = default_export_path(&u.article);
                if self
                    .export_log
                    .conflict(&own, &u.article, &json.2)
                    .is_some()
                {
                    failed.push(format!(
                        "{}: {} and {} hold other files; export it with File ▸ Export JSON",
                        file_name(&u.article),
                        file_name(&target),
                        file_name(&own)
                    ));
                    continue;
                }
                moved.push(format!(
                    "{} to {} ({} holds another article's)",
                    file_name(&u.article),
                    file_name(&own),
                    file_name(&target)
                ));
                target = own;
            }
            let open = self.article.as_mut().filter(|a| a.path == u.article);
            match Ok::<_, String>((json.0, json.1)).and_then(|(j, fingerprint)| {
                storage::write_atomic(&target, j.as_bytes()).map_err(|e| e.to_string())?;
                // (not being able to note it only means being asked again)
                let _ = self.export_log.record(
                    self.export_log_path.as_deref(),
                    &u.article,
                    &target,
                    fingerprint,
                );
                Ok(())
            }) {
                Ok(()) => {
                    if let Some(a) = open {
                        a.exported_revision = Some(a.session.revision());
                        a.export_path = Some(target.clone());
                        a.carried_unexported = false;
                    } else {
                        self.unexported.retain(|x| x.article != u.article);
                    }
                    written.push(target.display().to_string());
                }
                Err(e) => failed.push(format!("{}: {e}", file_name(&u.article))),
            }
        }
        if failed.is_empty() {
            let mut msg = format!(
                "Exported {} article(s) to {}",
                written.len(),
                written.join(", ")
            );
            if moved.is_empty() {
                self.say(Severity::Info, msg);
            } else {
                let _ = write!(msg, "; exported {}", moved.join("; "));
                self.say_pinned(Severity::Warning, msg);
            }
            true
        } else {
            self.say(
                Severity::Error,
                format!("Export failed for {}", failed.join("; ")),
            );
            false
        }
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
            names.push(format!("and {} more", list.len() - 5));
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
            ui.heading("Close Taliq?");
            ui.add_space(4.0);
            if saved {
                let place = match &work_file {
                    Some(f) => format!("this article's in {f}"),
                    None => "in the sidecar next to each article".to_owned(),
                };
                let said = if lexicon_waiting == 0 {
                    format!(
                        "All your work is saved: every decision is kept ({place}) and comes back when you open the article again."
                    )
                } else {
                    format!(
                        "Your annotations are saved ({place}) and come back when you open the article again."
                    )
                };
                engine.label(
                    ui,
                    &said,
                    &TextStyle::ui(),
                    ui.visuals().text_color(),
                    egui::Sense::hover(),
                );
            } else {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    "Some changes could not be saved to the sidecar (see the status line): export them to keep them.",
                );
            }
            if lexicon_waiting > 0 {
                ui.add_space(4.0);
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!(
                        "{lexicon_waiting} project lexicon decision(s) could not be written to {LEXICON_FILE} (see the status line). Make the file writable, then close: they are written on close (if the write fails again, closing loses them)."
                    ),
                );
            }
            if !list.is_empty() {
                ui.add_space(4.0);
                ui.label("Changed since the last JSON export:");
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
                    if ui.button(cmd.title()).on_hover_text(cmd.tooltip()).clicked() {
                        out.push(cmd);
                    }
                }
            });
            ui.weak("Closing the window again closes it without asking.");
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
    let what = match conflict {
        taliq_core::workspace::export_log::ExportConflict::OtherArticle(source) => format!(
            "{} holds the annotations of another article, {source}.",
            file_name(path)
        ),
        taliq_core::workspace::export_log::ExportConflict::OtherText(source) => format!(
            "{} holds the annotations of another article named {source}, with another text (from another folder?).",
            file_name(path)
        ),
        taliq_core::workspace::export_log::ExportConflict::NotAnExport => {
            format!("{} exists and is not a Taliq export.", file_name(path))
        }
    };
    let modal = egui::Modal::new(egui::Id::unique("overwrite-prompt")).show(ui.ctx(), |ui| {
        ui.set_max_width(460.0);
        ui.heading("Overwrite this file?");
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
            if ui.button("Overwrite it").clicked() {
                out.push(Action::ExportOverwrite(path.to_path_buf()));
            }
            if let Some(own) = own.filter(|o| o != path) {
                let title = format!("Export to {} instead", file_name(&own));
                if ui.button(title).clicked() {
                    out.push(Action::CancelOverwrite);
                    out.push(Action::ExportTo(own));
                }
            }
            if ui.button("Cancel").clicked() {
                out.push(Action::CancelOverwrite);
            }
        });
    });
    if modal.should_close() {
        out.push(Action::CancelOverwrite);
    }
}

/// `dir/article.txt` → `dir/article.txt.annotations.json`, the name File ▸ Export
/// proposes: the article's whole file name, extension included (as the sidecar's), so
/// that `a.txt` and `a.html` of one folder never export to the same file.
pub(super) fn default_export_path(article: &Path) -> PathBuf {
    let name = article
        .file_name()
        .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
    article.with_file_name(format!("{name}.annotations.json"))
}

/// An article changed in this run whose changes are in its sidecar but not yet in an
/// exported JSON file.
#[derive(Debug, Clone)]
pub(super) struct Unexported {
    pub(super) article: PathBuf,
    pub(super) sidecar: PathBuf,
    /// Where it was last exported, if it was (in this run or, through the export log, an
    /// earlier one).
    pub(super) export_path: Option<PathBuf>,
}

impl Unexported {
    /// Where "Export now" writes it: where it was last exported, else next to the article
    /// with the name File ▸ Export proposes.
    pub(super) fn target(&self) -> PathBuf {
        self.export_path
            .clone()
            .unwrap_or_else(|| default_export_path(&self.article))
    }
}
