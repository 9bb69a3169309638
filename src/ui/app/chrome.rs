//! The window's chrome: keyboard input, the menu bar, the status bar and menu entries.

#[allow(
    clippy::wildcard_imports,
    reason = "the parent module's imports, as if in one file"
)]
use super::*;
use crate::ui::words::chrome::Menu;

impl TaliqApp {
    pub(super) fn handle_input(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(p) = dropped.into_iter().next() {
            // another tool's annotations dropped on an open article are imported into it
            let annotations =
                self.article.is_some() && taliq_core::workspace::convert::detect_file(&p).is_some();
            self.queue.push(if annotations {
                Action::ImportFrom(p)
            } else {
                Action::OpenPath(p)
            });
        }
        // Esc answers a prompt: keep working, do not overwrite
        let prompt =
            self.close_prompt || self.overwrite_prompt.is_some() || self.label_prompt.is_some();
        if prompt && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            self.queue.push(if self.label_prompt.is_some() {
                Action::CancelImport
            } else if self.overwrite_prompt.is_some() {
                Action::CancelOverwrite
            } else {
                Action::KeepOpen
            });
        }
        // while a prompt is up, letter keys do not review annotations behind it
        let typing = ctx.egui_wants_keyboard_input() || prompt;
        let popup_open = egui::Popup::is_any_open(ctx);
        for (sc, cmd) in UiCommand::bindings(typing) {
            // Esc closes the open menu or list (egui reads it there) before it clears the
            // selection
            if popup_open && cmd == UiCommand::ClearSelection {
                continue;
            }
            // every press counts, even several within one frame (fast review)
            let presses = ctx.input_mut(|i| i.count_and_consume_key(sc.modifiers, sc.logical_key));
            self.queue
                .extend(std::iter::repeat_n(Action::Command(cmd), presses));
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            self.flush_autosave();
            self.hold_close_for_prompt(ctx);
        }
    }

    pub(super) fn menu_bar(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(words::chrome::menu(Menu::File), |ui| {
                let open = self.article.is_some();
                let in_folder = self.corpus.is_some();
                for cmd in UiCommand::FILE_MENU {
                    if matches!(cmd, UiCommand::OpenFolderDialog | UiCommand::ImportDialog) {
                        ui.separator();
                    }
                    if cmd == UiCommand::ExportChanged {
                        ui.menu_button(words::chrome::menu(Menu::ExportAs), |ui| {
                            for a in Action::export_formats() {
                                command_button(ui, a, open, &mut self.queue);
                            }
                        });
                    }
                    if matches!(cmd, UiCommand::NextArticle | UiCommand::PreviousArticle) {
                        command_button(ui, cmd, in_folder, &mut self.queue);
                        continue;
                    }
                    if cmd == UiCommand::Quit {
                        ui.menu_button(words::chrome::menu(Menu::ReloadAs), |ui| {
                            for enc in Action::RELOAD_ENCODINGS {
                                command_button(ui, Action::ReloadAs(enc), open, &mut self.queue);
                            }
                        });
                        ui.separator();
                    }
                    command_button(ui, cmd, true, &mut self.queue);
                }
            });
            ui.menu_button(words::chrome::menu(Menu::Edit), |ui| {
                let (can_undo, can_redo) = self
                    .session()
                    .map_or((false, false), |s| (s.can_undo(), s.can_redo()));
                for cmd in UiCommand::EDIT_MENU {
                    let enabled = match cmd {
                        UiCommand::Undo => can_undo,
                        UiCommand::Redo => can_redo,
                        UiCommand::AcceptFocused
                        | UiCommand::RejectFocused
                        | UiCommand::DeleteFocused => self.view.focused().is_some(),
                        _ => true,
                    };
                    command_button(ui, cmd, enabled, &mut self.queue);
                }
            });
            ui.menu_button(words::chrome::menu(Menu::View), |ui| {
                for cmd in UiCommand::VIEW_MENU {
                    command_button(ui, cmd, true, &mut self.queue);
                }
                for cmd in Action::view_settings() {
                    let selected = match &cmd {
                        Action::SetTheme(t) => *t == self.settings.theme,
                        Action::SetLineSpacing(l) => l.is(self.settings.line_spacing),
                        _ => false,
                    };
                    if matches!(
                        cmd,
                        Action::SetLineSpacing(LineSpacing::Compact)
                            | Action::SetTheme(Theme::System)
                    ) {
                        ui.separator();
                    }
                    selectable_command_button(ui, cmd, selected, &mut self.queue);
                }
                ui.separator();
                let facts = self.panels.facts_visible();
                selectable_command_button(ui, UiCommand::ToggleFactsPanel, facts, &mut self.queue);
                ui.separator();
                ui.menu_button(words::chrome::menu(Menu::Font), |ui| {
                    // listed once per run (the font files are read on the first opening)
                    let installed = self.engine.installed_arabic_families().to_vec();
                    for cmd in Action::font_menu(&installed) {
                        let selected =
                            matches!(&cmd, Action::SetFont(f) if *f == self.settings.font_family);
                        selectable_command_button(ui, cmd, selected, &mut self.queue);
                    }
                    if installed.is_empty() {
                        ui.weak(words::chrome::NO_ARABIC_FONT);
                    }
                });
            });
            ui.menu_button(words::chrome::menu(Menu::Project), |ui| {
                let open = self.article.is_some();
                let done = self
                    .article
                    .as_ref()
                    .is_some_and(|a| live_progress(&a.session).is_done());
                let mut button = egui::Button::selectable(done, UiCommand::ToggleDone.title());
                if let Some(sc) = UiCommand::ToggleDone.shortcut() {
                    button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
                }
                if ui
                    .add_enabled(open, button)
                    .on_hover_text(UiCommand::ToggleDone.tooltip())
                    .clicked()
                {
                    self.queue.push(UiCommand::ToggleDone.into());
                    ui.close();
                }
                ui.separator();
                command_button(ui, UiCommand::ShowLearnedNames, true, &mut self.queue);
                let learning = self
                    .article
                    .as_ref()
                    .is_none_or(|a| a.lexicon.lexicon().learning());
                let mut on = learning;
                if ui
                    .add_enabled(
                        open,
                        egui::Checkbox::new(&mut on, words::chrome::LEARN_CHECKBOX),
                    )
                    .on_hover_text(Action::SetLearning(!learning).tooltip())
                    .changed()
                {
                    self.queue.push(Action::SetLearning(on));
                    ui.close();
                }
            });
            ui.menu_button(words::chrome::menu(Menu::Label), |ui| {
                let has_sel = self.view.selection().is_some();
                for label in Label::ALL {
                    command_button(
                        ui,
                        UiCommand::LabelSelection(label),
                        has_sel,
                        &mut self.queue,
                    );
                }
            });
            ui.menu_button(words::chrome::menu(Menu::Help), |ui| {
                command_button(ui, UiCommand::ShowAbout, true, &mut self.queue);
            });
        });
    }

    pub(super) fn status_bar(&mut self, ui: &mut Ui) {
        let counts = self.article.as_mut().map(|a| {
            let c = a.review_counts();
            (c.pending, c.accepted, c.rejected)
        });
        let mut message_row = false;
        // wrapped: in a narrow window the document facts take two rows, not the window edge
        ui.horizontal_wrapped(|ui| {
            if let (Some(a), Some((pending, accepted, rejected))) = (&self.article, counts) {
                let doc = a.session.document();
                let name = doc.source_name().to_owned();
                let color = ui.visuals().text_color();
                // a long name is cut with "…" at half the row (the whole name on hover)
                let max = (ui.available_width() / 2.0).max(80.0);
                let engine = &mut self.engine;
                ui.allocate_ui(egui::vec2(max, 20.0), |ui| {
                    let (resp, cut) = engine.label_line(ui, &name, &TextStyle::ui(), color);
                    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
                    if cut {
                        resp.on_hover_ui(|ui| {
                            engine.label(ui, &name, &TextStyle::ui(), color, egui::Sense::hover());
                        });
                    }
                });
                ui.separator();
                ui.label(doc.encoding());
                ui.separator();
                ui.label(words::chrome::chars(doc.char_len()));
                ui.separator();
                ui.label(words::chrome::counts(pending, accepted, rejected));
                ui.separator();
                let saved = a.autosave.is_durable(&a.session);
                let sidecar = a.autosave.sidecar().display().to_string();
                let engine = &mut self.engine;
                ui.label(words::chrome::saved(saved)).on_hover_ui(|ui| {
                    ui.label(words::chrome::saved_to(saved));
                    // the path may hold Arabic folder or file names
                    ui.set_min_width(360.0);
                    engine.label(
                        ui,
                        &sidecar,
                        &TextStyle::ui(),
                        ui.visuals().text_color(),
                        egui::Sense::hover(),
                    );
                });
                if let Some((s, e)) = self.view.selection() {
                    ui.separator();
                    ui.label(words::chrome::selection(s, e));
                }
                ui.separator();
            }
            // the message on this row when it fits, else on a row of its own below
            if let Some((sev, msg, _)) = &self.line.shown {
                let ppp = ui.ctx().pixels_per_point();
                message_row =
                    self.engine.line_width(msg, &TextStyle::ui(), ppp) > ui.available_width() - 4.0;
                if !message_row {
                    status::message(ui, &mut self.engine, *sev, msg, &self.line.history);
                }
            }
        });
        if message_row && let Some((sev, msg, _)) = &self.line.shown {
            ui.horizontal(|ui| {
                status::message(ui, &mut self.engine, *sev, msg, &self.line.history);
            });
        }
    }
}

/// A menu entry for `cmd`, with its shortcut and tooltip.
pub(super) fn command_button(
    ui: &mut Ui,
    cmd: impl Into<Action>,
    enabled: bool,
    out: &mut Vec<Action>,
) {
    let cmd: Action = cmd.into();
    let mut button = egui::Button::new(cmd.title());
    if let Some(sc) = cmd.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(cmd.tooltip())
        .clicked()
    {
        out.push(cmd);
        ui.close();
    }
}

/// A View menu entry for a setting, ticked when `selected`.
pub(super) fn selectable_command_button(
    ui: &mut Ui,
    cmd: impl Into<Action>,
    selected: bool,
    out: &mut Vec<Action>,
) {
    let cmd: Action = cmd.into();
    let mut button = egui::Button::selectable(selected, cmd.title());
    if let Some(sc) = cmd.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
    }
    if ui.add(button).on_hover_text(cmd.tooltip()).clicked() {
        out.push(cmd);
        ui.close();
    }
}
