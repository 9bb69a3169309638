//! [`TaliqApp::run`]: every [`Command`] carried out, in one place.

#[allow(
    clippy::wildcard_imports,
    reason = "the parent module's imports, as if in one file"
)]
use super::*;

impl TaliqApp {
    /// [`Self::apply`] without the save.
    pub(super) fn run(&mut self, cmd: Command) {
        match cmd {
            Command::OpenDialog => {
                let shown_at = Instant::now();
                let picked = rfd::FileDialog::new()
                    .set_title("Open an Arabic article")
                    .add_filter(
                        "Articles",
                        &taliq_core::workspace::corpus::ARTICLE_EXTENSIONS,
                    )
                    .add_filter("All files", &["*"])
                    .pick_file();
                match picked {
                    Some(p) => self.apply(Command::OpenPath(p)),
                    None => self.dialog_unavailable(
                        shown_at,
                        "drop the file on the window or pass its path: taliq FILE",
                    ),
                }
            }
            // paths are kept absolute: what is written down (the export log, where work
            // goes) must name the same file in the next run, whatever folder it starts in
            Command::OpenPath(p) if p.is_relative() => {
                self.run(Command::OpenPath(std::path::absolute(&p).unwrap_or(p)));
            }
            Command::OpenPath(p) if p.is_dir() => self.open_folder(&p),
            Command::OpenPath(p) => {
                self.open(&p, None);
                self.note_open_result(&p);
                self.refresh_corpus();
            }
            Command::OpenFolderDialog => {
                let shown_at = Instant::now();
                let mut dialog = rfd::FileDialog::new().set_title("Open a folder of articles");
                if let Some(dir) = self.article.as_ref().and_then(|a| a.path.parent()) {
                    dialog = dialog.set_directory(dir);
                }
                match dialog.pick_folder() {
                    Some(p) => self.open_folder(&p),
                    None => self.dialog_unavailable(
                        shown_at,
                        "drop the folder on the window or pass its path: taliq FOLDER",
                    ),
                }
            }
            Command::OpenFolder(p) => self.open_folder(&std::path::absolute(&p).unwrap_or(p)),
            Command::NextArticle => self.step_article(true),
            Command::PreviousArticle => self.step_article(false),
            Command::ExportChanged => {
                self.export_changed();
            }
            Command::ConfirmClose(export) => {
                self.flush_autosave();
                if export && !self.export_changed() {
                    return; // the failure is in the status line; the prompt stays
                }
                self.close_prompt = false;
                self.close_confirmed = true;
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::KeepOpen => self.close_prompt = false,
            Command::ReloadAs(enc) => match self.article.as_ref().map(|a| a.path.clone()) {
                Some(p) => self.open(&p, Some(enc)),
                None => self.say(Severity::Warning, "Open an article first"),
            },
            Command::ExportDialog => {
                let Some(a) = &self.article else {
                    self.say(Severity::Warning, "Open an article first");
                    return;
                };
                let proposed = default_export_path(&a.path);
                let dir = a.path.parent().map(Path::to_path_buf);
                let mut dialog = rfd::FileDialog::new()
                    .set_title("Export annotations as JSON")
                    .set_file_name(file_name(&proposed))
                    .add_filter("JSON", &["json"]);
                if let Some(d) = dir {
                    dialog = dialog.set_directory(d);
                }
                // where the dialog would have proposed: the last export, else next to it
                let fallback = a
                    .export_path
                    .clone()
                    .unwrap_or_else(|| default_export_path(&a.path));
                let shown_at = Instant::now();
                match dialog.save_file() {
                    Some(p) => self.apply(Command::ExportTo(p)),
                    None if dialog_never_shown(shown_at) => {
                        self.export(&fallback);
                        // (unless the overwrite prompt asks first)
                        if self.overwrite_prompt.is_none()
                            && self.article.as_ref().is_some_and(|a| {
                                a.exported_revision == Some(a.session.revision())
                                    && a.export_path.as_ref() == Some(&fallback)
                            })
                        {
                            self.say(
                                Severity::Info,
                                format!(
                                    "The system file dialog is not available here, so the annotations were exported to {}",
                                    fallback.display()
                                ),
                            );
                        }
                    }
                    None => {}
                }
            }
            Command::ExportTo(p) => self.export(&std::path::absolute(&p).unwrap_or(p)),
            Command::ExportOverwrite(p) => {
                self.overwrite_prompt = None;
                self.export_unchecked(&p);
            }
            Command::CancelOverwrite => self.overwrite_prompt = None,
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::LabelSelection(label) => self.label_selection(label),
            // Escape closes the innermost thing: the find bar, else the selection and focus.
            Command::ClearSelection if self.view.find_position().is_some() => {
                self.view.close_find();
            }
            Command::ClearSelection => self.view.clear(),
            Command::SelectRange(start, end) => self.view.select(start, end),
            Command::Accept(id) => {
                if self.edit(Edit::SetStatus {
                    id,
                    status: Status::Accepted,
                }) {
                    self.learn(&[id], false);
                }
            }
            Command::Reject(id) => {
                if self.edit(Edit::SetStatus {
                    id,
                    status: Status::Rejected,
                }) {
                    self.learn(&[id], false);
                }
            }
            Command::Relabel(id, label) => {
                if self.edit(Edit::Batch(vec![
                    Edit::SetLabel { id, label },
                    Edit::SetStatus {
                        id,
                        status: Status::Accepted,
                    },
                ])) {
                    self.learn(&[id], false);
                }
            }
            Command::Delete(id) => {
                let manual = self
                    .session()
                    .and_then(|s| s.get(id))
                    .map(|a| a.origin == Origin::Manual);
                match manual {
                    Some(true) => {
                        self.edit(Edit::Remove(id));
                        self.view.unfocus(id);
                    }
                    // a suggestion is kept as rejected, so it is not suggested here again
                    Some(false) => {
                        self.apply(Command::Reject(id));
                        self.say(
                            Severity::Info,
                            "Rejected: Delete keeps a suggestion as rejected, so it is not suggested here again (only manual annotations are deleted)",
                        );
                    }
                    None => {}
                }
            }
            Command::NeverSuggest(id) => {
                if self.edit(Edit::SetStatus {
                    id,
                    status: Status::Rejected,
                }) {
                    self.learn(&[id], true);
                }
            }
            Command::ShowLearnedNames => self.learned_names_open = true,
            Command::ShowAbout => self.about_open = true,
            Command::SetLearning(on) => {
                if let Some(a) = &mut self.article
                    && a.lexicon.set_learning(on)
                {
                    self.save_lexicon();
                    self.say(
                        Severity::Info,
                        if on {
                            "Your decisions in this folder teach its other articles again"
                        } else {
                            "Learning is off: your decisions in this folder no longer change the suggestions of its other articles (what was learned still applies)"
                        },
                    );
                }
            }
            Command::SetLexiconRule(surface, label, rule) => {
                let Some(a) = &mut self.article else { return };
                let before = a.lexicon.lexicon().clone();
                if a.lexicon.set_rule(&surface, label, rule) {
                    let after = a.lexicon.lexicon().clone();
                    let changes = taliq_core::extract::lexicon::changes(
                        &before,
                        &after,
                        &[(surface.clone(), label)],
                    );
                    let applied = self.apply_lessons_here(&changes, false);
                    let words = crate::ui::lexicon::describe_changes(&changes, None, applied);
                    self.save_lexicon();
                    if let Some((msg, _)) = words {
                        self.say(Severity::Info, msg);
                    }
                }
            }
            Command::ForgetLexiconItem(surface, label) => {
                let Some(a) = &mut self.article else { return };
                if a.lexicon.forget(&surface, label) {
                    self.save_lexicon();
                    self.say(
                        Severity::Info,
                        format!(
                            "Forgot “{}” as {label} and the decisions counted for it in this folder",
                            taliq_text::isolate(&surface)
                        ),
                    );
                }
            }
            Command::SetNote(id, note) => {
                if self
                    .session()
                    .and_then(|s| s.get(id))
                    .is_some_and(|a| a.note != note)
                {
                    self.edit(Edit::SetNote { id, note });
                }
            }
            Command::TypeNote(id, note, typing) => self.type_note(id, note, typing),
            Command::SetSpeaker(id, entity) => {
                let link = entity
                    .as_deref()
                    .and_then(|eid| self.session().and_then(|s| s.speaker_link(id, eid)));
                if let (Some(eid), None) = (&entity, &link) {
                    let name = eid.split_once(':').map_or(eid.as_str(), |(_, n)| n);
                    let msg = format!(
                        "Not done: “{}” is not a person or organization of this article",
                        taliq_text::isolate(name)
                    );
                    self.say(Severity::Warning, msg);
                    return;
                }
                self.correct_facts(id, Label::Quote, |f| f.speaker = link);
            }
            Command::SetAttributes(id, attributes) => {
                let attributes = PersonAttributes::typed(
                    attributes.role.as_deref().unwrap_or_default(),
                    attributes.nationality.as_deref().unwrap_or_default(),
                );
                self.correct_facts(id, Label::Person, |f| {
                    f.attributes = (!attributes.is_empty()).then_some(attributes);
                });
            }
            Command::RelabelAll(id) => self.relabel_all(id),
            Command::ToggleDone => {
                let Some(a) = &self.article else {
                    self.say(Severity::Warning, "Open an article first");
                    return;
                };
                let by_decisions = Progress::from_decisions(
                    a.session.annotations().iter().map(|x| (x.status, x.origin)),
                );
                let want = !live_progress(&a.session).is_done();
                let mark = (by_decisions.is_done() != want).then_some(want);
                let name = file_name(&a.path);
                if self.edit(Edit::SetDone(mark)) {
                    let msg = if want {
                        format!("{name} is marked done (Ctrl+Z undoes)")
                    } else {
                        format!("{name} is marked not done (Ctrl+Z undoes)")
                    };
                    self.say(Severity::Info, msg);
                }
            }
            Command::AcceptEntity(eid) => self.entity_edit(&eid, |id| Edit::SetStatus {
                id,
                status: Status::Accepted,
            }),
            Command::RejectEntity(eid) => self.entity_edit(&eid, |id| Edit::SetStatus {
                id,
                status: Status::Rejected,
            }),
            Command::RelabelEntity(eid, label) => self.entity_edit(&eid, |id| {
                Edit::Batch(vec![
                    Edit::SetLabel { id, label },
                    Edit::SetStatus {
                        id,
                        status: Status::Accepted,
                    },
                ])
            }),
            Command::Focus(id) => {
                if let Some(a) = self.session().and_then(|s| s.get(id)) {
                    let span = a.span;
                    self.view.focus(id, span, vec![id], Some(false));
                }
            }
            Command::RevealEntity(eid) => self.reveal_entity(&eid),
            Command::AcceptFocused
            | Command::RejectFocused
            | Command::DeleteFocused
            | Command::NeverSuggestFocused => {
                let Some(id) = self.view.focused() else {
                    self.say(
                        Severity::Info,
                        "Click an annotation first, or press N for the next suggestion",
                    );
                    return;
                };
                let before = Instant::now();
                match cmd {
                    Command::AcceptFocused => self.apply(Command::Accept(id)),
                    Command::DeleteFocused => self.apply(Command::Delete(id)),
                    Command::NeverSuggestFocused => self.apply(Command::NeverSuggest(id)),
                    _ => self.apply(Command::Reject(id)),
                }
                // what the decision said (unless held) goes on the line with the progress
                let said = (!self.line.is_held())
                    .then(|| self.line.said_since(before).map(str::to_owned))
                    .flatten();
                // review flow: move on to the next suggestion that awaits a decision
                self.step_pending(true, false, said);
            }
            Command::Find => self.view.open_find(),
            Command::FindNext | Command::FindPrevious => {
                if let Some(msg) = self.view.step_find(cmd == Command::FindNext) {
                    self.say_progress(msg);
                }
            }
            Command::CloseFind => self.view.close_find(),
            Command::ZoomIn => self.change_settings(|s| s.font_size += 2.0),
            Command::ZoomOut => self.change_settings(|s| s.font_size -= 2.0),
            Command::ZoomReset => self.change_settings(|s| s.font_size = Settings::DEFAULT_FONT),
            Command::SetLineSpacing(i) => {
                if let Some((_, v)) = Settings::LINE_SPACINGS.get(i) {
                    self.change_settings(|s| s.line_spacing = *v);
                }
            }
            Command::SetTheme(t) => self.change_settings(|s| s.theme = t),
            Command::ToggleFactsPanel => self.panels.toggle_facts(),
            Command::SetFont(Some(f)) if !self.engine.has_arabic_family(&f) => self.say(
                Severity::Warning,
                format!("The font “{f}” is not installed or has no Arabic letters"),
            ),
            Command::SetFont(f) => self.change_settings(|s| s.font_family = f),
            Command::NextPending => self.step_pending(true, true, None),
            Command::PreviousPending => self.step_pending(false, true, None),
            Command::Quit => {
                self.flush_autosave();
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }
}
