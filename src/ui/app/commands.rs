//! [`TaliqApp::run`]: every [`Action`] carried out, in one place ([`TaliqApp::run_command`]
//! for the bindable commands). No dialog is shown here: a command that needs one asks
//! for it ([`TaliqApp::dialog`]), and the frame shows it after the actions are done.

use super::dialogs::Dialog;
#[allow(
    clippy::wildcard_imports,
    reason = "the parent module's imports, as if in one file"
)]
use super::*;

impl TaliqApp {
    /// [`Self::apply`] without the save.
    pub(super) fn run(&mut self, action: Action) {
        match action {
            Action::Command(cmd) => self.run_command(cmd),
            // paths are kept absolute: what is written down (the export log, where work
            // goes) must name the same file in the next run, whatever folder it starts in
            Action::OpenPath(p) if p.is_relative() => {
                self.run(Action::OpenPath(std::path::absolute(&p).unwrap_or(p)));
            }
            Action::OpenPath(p) if p.is_dir() => self.open_folder(&p),
            Action::OpenPath(p) => {
                self.open(&p, None);
                self.note_open_result(&p);
                self.refresh_corpus();
            }
            Action::OpenFolder(p) => self.open_folder(&std::path::absolute(&p).unwrap_or(p)),
            Action::ConfirmClose(choice) => {
                self.flush_autosave();
                if choice == CloseChoice::ExportFirst && !self.export_changed() {
                    return; // the failure is in the status line; the prompt stays
                }
                self.close_prompt = false;
                self.close_confirmed = true;
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Action::KeepOpen => self.close_prompt = false,
            Action::ReloadAs(enc) => match self.article.as_ref().map(|a| a.path.clone()) {
                Some(p) => self.open(&p, Some(enc)),
                None => self.say(Severity::Warning, words::review::Msg::NoArticle),
            },
            Action::ExportTo(p) => self.export(&std::path::absolute(&p).unwrap_or(p)),
            Action::ExportAs(format) => self.dialog = Some(Dialog::ExportAs(format)),
            Action::ExportFormatTo(format, p) => {
                self.export_format(format, &std::path::absolute(&p).unwrap_or(p));
            }
            Action::ImportFrom(p) => self.import(&p),
            Action::ImportMapped => self.import_mapped(),
            Action::CancelImport => self.label_prompt = None,
            Action::ExportOverwrite(p) => {
                self.overwrite_prompt = None;
                self.export_unchecked(&p);
            }
            Action::CancelOverwrite => self.overwrite_prompt = None,
            Action::SelectRange(start, end) => self.view.select(start, end),
            Action::Accept(id) => {
                if self.edit(Edit::SetStatus {
                    id,
                    status: Status::Accepted,
                }) {
                    self.learn(&[id], Teach::Learn);
                }
            }
            Action::Reject(id) => {
                if self.edit(Edit::SetStatus {
                    id,
                    status: Status::Rejected,
                }) {
                    self.learn(&[id], Teach::Learn);
                }
            }
            Action::Relabel(id, label) => {
                if self.edit(Edit::Batch(vec![
                    Edit::SetLabel { id, label },
                    Edit::SetStatus {
                        id,
                        status: Status::Accepted,
                    },
                ])) {
                    self.learn(&[id], Teach::Learn);
                }
            }
            Action::Delete(id) => {
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
                        self.apply(Action::Reject(id));
                        self.say(Severity::Info, words::review::Msg::DeleteRejects);
                    }
                    None => {}
                }
            }
            Action::NeverSuggest(id) => {
                if self.edit(Edit::SetStatus {
                    id,
                    status: Status::Rejected,
                }) {
                    self.learn(&[id], Teach::Never);
                }
            }
            Action::SetLearning(on) => {
                if let Some(a) = &mut self.article
                    && a.lexicon.set_learning(&a.session, on)
                {
                    self.save_lexicon();
                    self.say(Severity::Info, words::review::Msg::Learning(on));
                }
            }
            Action::SetLexiconRule(surface, label, rule) => {
                let Some(a) = &mut self.article else { return };
                let before = a.lexicon.lexicon().clone();
                if a.lexicon.set_rule(&mut a.session, &surface, label, rule) {
                    let after = a.lexicon.lexicon().clone();
                    let changes = taliq_core::extract::lexicon::changes(
                        &before,
                        &after,
                        &[(surface.clone(), label)],
                    );
                    let applied = self.apply_lessons_here(&changes, UndoStep::Own);
                    let words = crate::ui::lexicon::describe_changes(&changes, None, applied);
                    self.save_lexicon();
                    if let Some((msg, _)) = words {
                        self.say(Severity::Info, msg);
                    }
                }
            }
            Action::ForgetLexiconItem(surface, label) => {
                let Some(a) = &mut self.article else { return };
                if a.lexicon.forget(&mut a.session, &surface, label) {
                    self.save_lexicon();
                    self.say(
                        Severity::Info,
                        words::review::Msg::Forgot {
                            surface: &surface,
                            label,
                        },
                    );
                }
            }
            Action::SetNote(id, note) => {
                if self
                    .session()
                    .and_then(|s| s.get(id))
                    .is_some_and(|a| a.note != note)
                {
                    self.edit(Edit::SetNote { id, note });
                }
            }
            Action::TypeNote(id, note, typing) => self.type_note(id, note, typing),
            Action::SetSpeaker(id, entity) => {
                let link = entity
                    .as_ref()
                    .and_then(|eid| self.session().and_then(|s| s.speaker_link(id, eid)));
                if let (Some(eid), None) = (&entity, &link) {
                    let name = eid.canonical();
                    self.say(Severity::Warning, words::review::Msg::NotASpeaker { name });
                    return;
                }
                self.correct_facts(id, Label::Quote, |f| f.speaker = link);
            }
            Action::SetAttributes(id, attributes) => {
                let attributes = PersonAttributes::typed(
                    attributes.role.as_deref().unwrap_or_default(),
                    attributes.nationality.as_deref().unwrap_or_default(),
                );
                self.correct_facts(id, Label::Person, |f| {
                    f.attributes = (!attributes.is_empty()).then_some(attributes);
                });
            }
            Action::RelabelAll(id) => self.relabel_all(id),
            Action::AcceptEntity(eid) => self.entity_edit(&eid, |id| Edit::SetStatus {
                id,
                status: Status::Accepted,
            }),
            Action::RejectEntity(eid) => self.entity_edit(&eid, |id| Edit::SetStatus {
                id,
                status: Status::Rejected,
            }),
            Action::RelabelEntity(eid, label) => self.entity_edit(&eid, |id| {
                Edit::Batch(vec![
                    Edit::SetLabel { id, label },
                    Edit::SetStatus {
                        id,
                        status: Status::Accepted,
                    },
                ])
            }),
            Action::Focus(id) => {
                if let Some(a) = self.session().and_then(|s| s.get(id)) {
                    let span = a.span;
                    self.view.focus(id, span, vec![id], Some(false));
                }
            }
            Action::RevealEntity(eid) => self.reveal_entity(&eid),
            Action::SetLineSpacing(l) => self.change_settings(|s| s.line_spacing = l.factor()),
            Action::SetTheme(t) => self.change_settings(|s| s.theme = t),
            Action::SetFont(Some(f)) if !self.engine.has_arabic_family(&f) => self.say(
                Severity::Warning,
                words::chrome::Msg::FontMissing { family: &f },
            ),
            Action::SetFont(f) => self.change_settings(|s| s.font_family = f),
        }
    }

    /// Carries out a bindable command.
    fn run_command(&mut self, cmd: UiCommand) {
        match cmd {
            UiCommand::OpenDialog => self.dialog = Some(Dialog::Open),
            UiCommand::OpenFolderDialog => self.dialog = Some(Dialog::OpenFolder),
            UiCommand::ExportDialog => self.dialog = Some(Dialog::Export),
            UiCommand::ImportDialog => self.dialog = Some(Dialog::Import),
            UiCommand::NextArticle => self.step_article(Step::Next),
            UiCommand::PreviousArticle => self.step_article(Step::Previous),
            UiCommand::ExportChanged => {
                self.export_changed();
            }
            UiCommand::Undo => self.undo_redo(History::Undo),
            UiCommand::Redo => self.undo_redo(History::Redo),
            UiCommand::LabelSelection(label) => self.label_selection(label),
            // Escape closes the innermost thing: the find bar, else the selection and focus.
            UiCommand::ClearSelection if self.view.find_position().is_some() => {
                self.view.close_find();
            }
            UiCommand::ClearSelection => self.view.clear(),
            UiCommand::ShowLearnedNames => self.learned_names_open = true,
            UiCommand::ShowAbout => self.about_open = true,
            UiCommand::ToggleDone => {
                let Some(a) = &self.article else {
                    self.say(Severity::Warning, words::review::Msg::NoArticle);
                    return;
                };
                let by_decisions = Progress::from_decisions(
                    a.session.annotations().iter().map(|x| (x.status, x.origin)),
                );
                let want = !live_progress(&a.session).is_done();
                let mark = (by_decisions.is_done() != want).then_some(want);
                let name = file_name(&a.path);
                if self.edit(Edit::SetDone(mark)) {
                    let msg = words::review::Msg::MarkedDone {
                        file: &name,
                        done: want,
                    };
                    self.say(Severity::Info, msg);
                }
            }
            UiCommand::AcceptFocused
            | UiCommand::RejectFocused
            | UiCommand::DeleteFocused
            | UiCommand::NeverSuggestFocused => {
                let Some(id) = self.view.focused() else {
                    self.say(Severity::Info, words::review::Msg::NoFocus);
                    return;
                };
                let before = Instant::now();
                match cmd {
                    UiCommand::AcceptFocused => self.apply(Action::Accept(id)),
                    UiCommand::DeleteFocused => self.apply(Action::Delete(id)),
                    UiCommand::NeverSuggestFocused => self.apply(Action::NeverSuggest(id)),
                    _ => self.apply(Action::Reject(id)),
                }
                // what the decision said (unless held) goes on the line with the progress
                let said = (!self.line.is_held())
                    .then(|| self.line.said_since(before).map(str::to_owned))
                    .flatten();
                // review flow: move on to the next suggestion that awaits a decision
                self.step_pending(Step::Next, Asked::AfterDecision, said);
            }
            UiCommand::Find => self.view.open_find(),
            UiCommand::FindNext | UiCommand::FindPrevious => {
                if let Some(msg) = self.view.step_find(cmd == UiCommand::FindNext) {
                    self.say_progress(msg);
                }
            }
            UiCommand::CloseFind => self.view.close_find(),
            UiCommand::ZoomIn => self.change_settings(|s| s.font_size += 2.0),
            UiCommand::ZoomOut => self.change_settings(|s| s.font_size -= 2.0),
            UiCommand::ZoomReset => self.change_settings(|s| s.font_size = Settings::DEFAULT_FONT),
            UiCommand::ToggleFactsPanel => self.panels.toggle_facts(),
            UiCommand::NextPending => self.step_pending(Step::Next, Asked::ByCommand, None),
            UiCommand::PreviousPending => self.step_pending(Step::Previous, Asked::ByCommand, None),
            UiCommand::Quit => {
                self.flush_autosave();
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }
}
