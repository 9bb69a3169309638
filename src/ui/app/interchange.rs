//! Other tools' formats in the app: File ▸ Import annotations (also a dropped annotation
//! file) and File ▸ Export as.

#[allow(
    clippy::wildcard_imports,
    reason = "the parent module's imports, as if in one file"
)]
use super::*;

use taliq_core::formats::label_map::LabelMap;
use taliq_core::model::label::Label;
use taliq_core::workspace::convert::{self, ExportOptions, FormatId};
use taliq_core::workspace::folder_import::import_into_folder;
use taliq_core::workspace::import::{keep_apart, plan_import};
use taliq_core::workspace::labels;

impl TaliqApp {
    /// Exports the open article in `format` to `path` and says what the format left out.
    pub(super) fn export_format(&mut self, format: FormatId, path: &Path) {
        let Some(a) = &self.article else {
            self.say(Severity::Warning, words::review::Msg::NoArticle);
            return;
        };
        let options = ExportOptions {
            relations: format == FormatId::Doccano,
            pending: false,
        };
        match convert::write_export(
            format,
            options,
            a.session.document(),
            a.session.annotations(),
            path,
        ) {
            Ok(left_out) => {
                let severity = if left_out.is_empty() {
                    Severity::Info
                } else {
                    Severity::Warning
                };
                self.say(
                    severity,
                    words::interchange::Msg::ExportedAs {
                        format,
                        path,
                        left_out: &left_out,
                    },
                );
            }
            Err(e) => self.say(Severity::Error, words::interchange::Msg::ExportAsFailed(&e)),
        }
    }

    /// Imports the annotations of `path` into the open article as one undo step
    /// ([`plan_import`]), labels mapped by the folder's label map file
    /// ([`taliq_core::workspace::labels`]), and says what came in and what did not. When
    /// the file has labels the map does not know, asks first what each becomes
    /// ([`LabelPrompt`]).
    pub(super) fn import(&mut self, path: &Path) {
        let Some(a) = &self.article else {
            self.say(Severity::Warning, words::review::Msg::NoArticle);
            return;
        };
        let map_file = labels::file_for(&a.path);
        let map = match labels::read(&map_file) {
            Ok(map) => map,
            Err(e) => {
                self.say(Severity::Error, words::interchange::Msg::LabelsFailed(&e));
                return;
            }
        };
        self.import_with(path, &map, true);
    }

    /// Imports `path` with `map`; with `ask`, a file with labels the map does not know
    /// opens the label prompt instead. With a folder open, the file's documents go to the
    /// folder's articles ([`Self::import_into_folder`]).
    fn import_with(&mut self, path: &Path, map: &LabelMap, ask: bool) {
        if self.corpus.is_some() {
            self.import_into_folder(path, map, ask);
            return;
        }
        let Some(a) = &mut self.article else {
            self.say(Severity::Warning, words::review::Msg::NoArticle);
            return;
        };
        match plan_import(&mut a.session, path, map) {
            Ok(plan) if ask && !plan.unknown.is_empty() => {
                self.label_prompt = Some(LabelPrompt {
                    path: path.to_path_buf(),
                    choices: plan
                        .unknown
                        .iter()
                        .map(|(name, n)| (name.clone(), *n, Some(Label::Misc)))
                        .collect(),
                    map: map.clone(),
                    remember: false,
                });
            }
            Ok(plan) => {
                // the other tool's layer is kept whole when some of it stays out
                let kept = if plan.conflicts.is_empty() {
                    None
                } else {
                    Some(keep_apart(&a.path, a.session.document(), &plan))
                };
                if !plan.edits.is_empty() && !self.edit(Edit::Batch(plan.edits.clone())) {
                    return; // the failure is said
                }
                let severity = if plan.conflicts.is_empty() && plan.unplaced == 0 {
                    Severity::Info
                } else {
                    Severity::Warning
                };
                let kept = kept.as_ref().map(|k| k.as_deref());
                self.say_pinned(
                    severity,
                    words::interchange::Msg::Imported { plan: &plan, kept },
                );
            }
            Err(e) => self.say(Severity::Error, words::interchange::Msg::ImportFailed(&e)),
        }
    }

    /// Imports `path` into the articles of the open folder ([`import_into_folder`]): the
    /// open article's part as one undo step, the others' written to their sidecars; with
    /// `ask`, labels no map knows open the label prompt first (nothing written).
    fn import_into_folder(&mut self, path: &Path, map: &LabelMap, ask: bool) {
        let (Some(a), Some(panel)) = (&mut self.article, &self.corpus) else {
            self.say(Severity::Warning, words::review::Msg::NoArticle);
            return;
        };
        let articles: Vec<PathBuf> = panel
            .corpus()
            .articles
            .iter()
            .filter(|x| x.problem.is_none())
            .map(|x| x.path.clone())
            .collect();
        let planned = import_into_folder(
            path,
            &articles,
            Some((&a.path, &mut a.session)),
            map,
            a.lexicon.lexicon(),
        );
        let done = match planned {
            Ok(plan) if ask && !plan.unknown().is_empty() => {
                // nothing written: asked first, planned again with the answers
                self.label_prompt = Some(LabelPrompt {
                    path: path.to_path_buf(),
                    choices: plan
                        .unknown()
                        .into_iter()
                        .map(|(name, n)| (name, n, Some(Label::Misc)))
                        .collect(),
                    map: map.clone(),
                    remember: false,
                });
                return;
            }
            Ok(mut plan) => {
                plan.write();
                Ok(plan)
            }
            Err(e) => Err(e),
        };
        match done {
            Ok(done) => {
                if let Some(plan) = &done.open
                    && !plan.edits.is_empty()
                    && !self.edit(Edit::Batch(plan.edits.clone()))
                {
                    return; // the failure is said
                }
                let clean = done.failed.is_empty()
                    && done.unmatched.is_empty()
                    && done
                        .plans()
                        .all(|p| p.conflicts.is_empty() && p.unplaced == 0);
                let severity = if clean {
                    Severity::Info
                } else {
                    Severity::Warning
                };
                self.say_pinned(severity, words::interchange::Msg::FolderImported(&done));
            }
            Err(e) => {
                let e = taliq_core::workspace::import::ImportIntoError::from(e);
                self.say(Severity::Error, words::interchange::Msg::ImportFailed(&e));
            }
        }
    }

    /// The label prompt's Import: the choices made there on top of the folder's map
    /// (remembered in its file when asked), then the import.
    pub(super) fn import_mapped(&mut self) {
        let Some(prompt) = self.label_prompt.take() else {
            return;
        };
        let mut map = prompt.map;
        let entries: Vec<(String, Option<Label>)> = prompt
            .choices
            .iter()
            .map(|(name, _, target)| (name.clone(), *target))
            .collect();
        for (name, target) in &entries {
            map.set(name, *target);
        }
        if prompt.remember
            && let Some(a) = &self.article
            && let Err(e) = labels::remember(&labels::file_for(&a.path), &entries)
        {
            self.say(Severity::Warning, words::interchange::Msg::LabelsFailed(&e));
        }
        self.import_with(&prompt.path, &map, false);
    }
}

/// The question asked before importing a file with labels the folder's label map does not
/// know: what each becomes (a Taliq label, MISC by default, or skipped), and whether to
/// remember the choices in the folder's label map file.
#[derive(Debug, Clone)]
pub(super) struct LabelPrompt {
    /// The file to import.
    path: PathBuf,
    /// Each unknown label as the file spells it, how many spans have it, and what it
    /// becomes (`None`: skipped).
    choices: Vec<(String, usize, Option<Label>)>,
    /// The folder's map the choices go on top of.
    map: LabelMap,
    /// Write the choices into the folder's label map file.
    remember: bool,
}

/// The label prompt ([`LabelPrompt`]); its choices change in place, its buttons push
/// [`Action::ImportMapped`] or [`Action::CancelImport`].
pub(super) fn label_prompt_ui(
    ui: &Ui,
    engine: &mut TextEngine,
    prompt: &mut LabelPrompt,
    out: &mut Vec<Action>,
) {
    let modal = egui::Modal::new(egui::Id::unique("label-prompt")).show(ui.ctx(), |ui| {
        ui.set_max_width(520.0);
        ui.heading(words::interchange::LABELS_TITLE);
        ui.add_space(4.0);
        // the file name may be Arabic
        engine.label(
            ui,
            &words::interchange::labels_intro(&prompt.path),
            &TextStyle::ui(),
            ui.visuals().text_color(),
            egui::Sense::hover(),
        );
        ui.add_space(6.0);
        egui::Grid::new("label-prompt-grid")
            .num_columns(2)
            .min_col_width(220.0)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (i, (name, spans, target)) in prompt.choices.iter_mut().enumerate() {
                    // the other tool's label may be in any script
                    engine.label(
                        ui,
                        &words::interchange::labels_row(name, *spans),
                        &TextStyle::ui(),
                        ui.visuals().text_color(),
                        egui::Sense::hover(),
                    );
                    let shown = target.map_or(words::interchange::SKIP_LABEL, Label::as_str);
                    let combo = egui::ComboBox::from_id_salt(("label-choice", i))
                        .selected_text(shown)
                        .show_ui(ui, |ui| {
                            for l in Label::ALL {
                                ui.selectable_value(target, Some(l), l.as_str());
                            }
                            ui.selectable_value(target, None, words::interchange::SKIP_LABEL);
                        });
                    let said = words::interchange::labels_choice(name);
                    combo.response.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &said)
                    });
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
        ui.checkbox(
            &mut prompt.remember,
            words::interchange::labels_remember(taliq_core::formats::label_map::FILE_NAME),
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(words::interchange::LABELS_IMPORT).clicked() {
                out.push(Action::ImportMapped);
            }
            if ui.button(words::interchange::LABELS_CANCEL).clicked() {
                out.push(Action::CancelImport);
            }
        });
    });
    if modal.should_close() {
        out.push(Action::CancelImport);
    }
}
