//! The application: holds the open article, applies [`Action`]s, autosaves, and lays out
//! the panels.

mod chrome;
mod commands;
mod dialogs;
mod exporting;
mod interchange;
mod opening;
mod review;
mod saving;
mod state;
mod teaching;

use self::exporting::{Unexported, default_export_path, overwrite_prompt_ui};
pub(in crate::ui) use self::state::{OpenArticle, ReviewCounts};
use self::teaching::{FolderLexicon, LexiconFile, LexiconWrites, Teach, mentions_of};

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use egui::{Color32, Ui};

use crate::settings::{LineSpacing, Settings, Theme};
use taliq_core::extract::lexicon::{TaughtLexicon, UndoStep};
use taliq_core::model::annotation::{Entity, Facts, Origin, PersonAttributes, Status};
use taliq_core::model::document::Document;
use taliq_core::model::entity_id::EntityId;
use taliq_core::model::label::Label;
use taliq_core::model::span::Span;
use taliq_core::session::{Edit, Session};
use taliq_core::workspace::corpus::{Corpus, LEXICON_FILE, Progress};
use taliq_core::workspace::export_log::ExportLog;
use taliq_core::workspace::journal::{AutosavePolicy, Autosaver, Saved};
use taliq_core::workspace::notice::OpenNotice;
use taliq_core::workspace::open::{self, OnDisk, Opened};
use taliq_core::workspace::storage;
use taliq_text::{SystemFonts, TextEngine, TextStyle};

use super::action::{Action, CloseChoice, UiCommand};
use super::article::ArticleView;
use super::corpus::CorpusPanel;
use super::facts::FactsPanel;
use super::panels::SidePanels;
use super::status;
use super::words;
use super::words::file_name;

pub use super::messages::Severity;
use super::messages::{StatusLine, Weight};

/// The Taliq application state. Create it with [`TaliqApp::new`] and hand it to eframe (or
/// to egui_kittest in tests).
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent states of the window: close prompt shown, close confirmed, lexicon warning pinned, lexicon to write, Learned names and About shown"
)]
pub struct TaliqApp {
    engine: TextEngine,
    article: Option<OpenArticle>,
    view: ArticleView,
    facts: FactsPanel,
    /// Which side panels are shown, sized for the window (`super::panels`).
    panels: SidePanels,
    /// The status line and its history.
    line: StatusLine,
    queue: Vec<Action>,
    /// The native dialog a command asked for, shown once the frame's actions are done.
    dialog: Option<dialogs::Dialog>,
    title_shown: String,
    ctx: egui::Context,
    settings: Settings,
    /// Where settings are kept; `None` keeps them for this run only (tests).
    settings_path: Option<PathBuf>,
    /// The open folder of articles, if one was opened.
    corpus: Option<CorpusPanel>,
    /// Articles changed in this run, left for another, and not exported since.
    unexported: Vec<Unexported>,
    /// The close prompt is shown (a close was requested with unexported changes).
    close_prompt: bool,
    /// Lexicon decisions of articles left while their lexicon file could not be written.
    pending_lexicons: LexiconWrites,
    /// The user chose to close: the next close request is let through.
    close_confirmed: bool,
    /// Project ▸ Learned names is shown.
    learned_names_open: bool,
    /// Help ▸ About Taliq is shown.
    about_open: bool,
    /// The lexicon was taught and is to be written ([`TaliqApp::save_taught_lexicon`]).
    lexicon_to_save: bool,
    /// The last note save of the note box: annotation id, edit session and the session
    /// revision after it ([`TaliqApp::type_note`]).
    last_note: Option<(u64, u64, u64)>,
    /// An export asked for would overwrite this file, which holds something else: the
    /// prompt asks before ([`TaliqApp::export`]).
    overwrite_prompt: Option<(PathBuf, taliq_core::workspace::export_log::ExportConflict)>,
    /// The question before importing a file with labels Taliq does not know.
    label_prompt: Option<interchange::LabelPrompt>,
    /// When sidecars are rewritten whole and when changes are journaled first.
    autosave_policy: AutosavePolicy,
    /// The last export of each article, kept between runs (`exports.json` beside the
    /// settings), so that work never exported stays "changed" after a restart.
    export_log: ExportLog,
    /// Where the export log is kept; `None` keeps it for this run only (tests).
    export_log_path: Option<PathBuf>,
}

impl TaliqApp {
    /// Creates the app with default settings that are not saved (tests, previews); see
    /// [`TaliqApp::with_settings`].
    #[must_use]
    pub fn new(ctx: &egui::Context, path: Option<PathBuf>, system_fonts: SystemFonts) -> TaliqApp {
        TaliqApp::with_settings(ctx, path, system_fonts, None)
    }

    /// Creates the app, loading display settings from `settings_path` (and saving them
    /// there when they change), and opens `path` if given. Errors while opening are shown in
    /// the status line; the window still opens.
    #[must_use]
    pub fn with_settings(
        ctx: &egui::Context,
        path: Option<PathBuf>,
        system_fonts: SystemFonts,
        settings_path: Option<PathBuf>,
    ) -> TaliqApp {
        let (settings, settings_problem) = match settings_path.as_deref().map(Settings::load) {
            None | Some(Ok(_)) if settings_path.is_none() => (Settings::default(), None),
            Some(Ok(s)) => (s, None),
            Some(Err((s, msg))) => (s, Some(msg)),
            None => (Settings::default(), None),
        };
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let export_log_path = settings_path
            .as_deref()
            .map(|p| p.with_file_name("exports.json"));
        let export_log = export_log_path
            .as_deref()
            .map(ExportLog::load)
            .unwrap_or_default();
        let mut app = TaliqApp {
            engine: TextEngine::new(system_fonts),
            article: None,
            view: ArticleView::default(),
            facts: FactsPanel::default(),
            panels: SidePanels::default(),
            line: StatusLine::default(),
            queue: Vec::new(),
            dialog: None,
            title_shown: String::new(),
            ctx: ctx.clone(),
            settings,
            settings_path,
            corpus: None,
            unexported: Vec::new(),
            close_prompt: false,
            pending_lexicons: LexiconWrites::default(),
            close_confirmed: false,
            learned_names_open: false,
            about_open: false,
            lexicon_to_save: false,
            last_note: None,
            overwrite_prompt: None,
            label_prompt: None,
            autosave_policy: AutosavePolicy::default(),
            export_log,
            export_log_path,
        };
        app.apply_theme();
        if let Some(p) = path {
            app.apply(Action::OpenPath(p));
        }
        if let Some(msg) = settings_problem {
            app.say(Severity::Warning, msg);
        }
        app.restore_font();
        app
    }

    /// Sets the text engine in the saved font; a family that is no longer installed (or
    /// has no Arabic letters) gives way to the bundled face, with a warning. The settings file
    /// is left as it is until a setting changes.
    fn restore_font(&mut self) {
        let Some(family) = self.settings.font_family.clone() else {
            return;
        };
        if self.engine.has_arabic_family(&family) {
            self.engine.set_arabic_family(Some(&family));
        } else {
            self.settings.font_family = None;
            let instead = Action::SetFont(None).title();
            self.say(
                Severity::Warning,
                words::chrome::Msg::FontGone {
                    family: &family,
                    instead: &instead,
                },
            );
        }
    }

    /// The text engine (font database, layout cache), for tests and diagnostics.
    pub fn text_engine(&mut self) -> &mut TextEngine {
        &mut self.engine
    }

    /// The display settings in force.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    fn apply_theme(&self) {
        self.ctx.set_theme(match self.settings.theme {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        });
    }

    /// Changes the settings and keeps them for next time.
    fn change_settings(&mut self, change: impl FnOnce(&mut Settings)) {
        change(&mut self.settings);
        self.settings = self.settings.clone().clamped();
        self.apply_theme();
        self.engine
            .set_arabic_family(self.settings.font_family.as_deref());
        if let Some(p) = &self.settings_path
            && let Err(e) = self.settings.save(p)
        {
            self.say(Severity::Warning, words::chrome::Msg::SettingsNotKept(&e));
        }
    }

    /// The open session, if an article is open.
    #[must_use]
    pub fn session(&self) -> Option<&Session> {
        self.article.as_ref().map(|a| &a.session)
    }

    /// The sidecar path of the open article.
    #[must_use]
    pub fn sidecar_path(&self) -> Option<&Path> {
        self.article.as_ref().map(|a| a.autosave.sidecar())
    }

    /// The current status-line message.
    #[must_use]
    pub fn status(&self) -> Option<(Severity, &str)> {
        self.line.shown.as_ref().map(|(s, m, _)| (*s, m.as_str()))
    }

    /// The current text selection as a char range (start ≤ end), if any.
    #[must_use]
    pub fn selection(&self) -> Option<(usize, usize)> {
        self.view.selection()
    }

    /// Screen rectangles (points) where the chars `start..end` of the article were drawn in
    /// the last frame; empty when not visible. Lets tests point at text.
    #[must_use]
    pub fn article_rects(&self, start: usize, end: usize) -> Vec<egui::Rect> {
        self.view.screen_rects(start, end)
    }

    /// `(current hit index, number of hits)` of the find bar, when it is open.
    #[must_use]
    pub fn find_position(&self) -> Option<(usize, usize)> {
        self.view.find_position()
    }

    /// The open folder's articles with their progress as last listed, when a folder is
    /// open.
    #[must_use]
    pub fn corpus(&self) -> Option<&Corpus> {
        self.corpus.as_ref().map(CorpusPanel::corpus)
    }

    /// True while the prompt before overwriting a file that holds something else (another
    /// article's annotations) is shown.
    #[must_use]
    pub fn overwrite_prompt_shown(&self) -> bool {
        self.overwrite_prompt.is_some()
    }

    /// True while the close prompt (changes not exported) is shown.
    #[must_use]
    pub fn close_prompt_shown(&self) -> bool {
        self.close_prompt
    }

    /// The articles changed in this run and not exported since (the open one first), as
    /// the close prompt lists them.
    #[must_use]
    pub fn unexported_articles(&self) -> Vec<PathBuf> {
        self.all_unexported()
            .into_iter()
            .map(|u| u.article)
            .collect()
    }

    /// Queues a command to run at the start of the next frame.
    pub fn queue(&mut self, action: impl Into<Action>) {
        self.queue.push(action.into());
    }

    /// Says `msg` in the status line (see [`StatusLine`] for when it is shown).
    fn say(&mut self, severity: Severity, msg: impl Into<String>) {
        self.line.say(severity, msg.into(), Weight::Result);
    }

    /// Says where the review is (`msg`): shown unless a held message is there.
    fn say_progress(&mut self, msg: impl Into<String>) {
        self.line.say(Severity::Info, msg.into(), Weight::Progress);
    }

    /// Says `msg` and holds it for [`super::messages::HOLD_FOR`], whatever its severity:
    /// for news the annotator must not miss, such as what the folder's lexicon now does
    /// for every article.
    fn say_kept(&mut self, severity: Severity, msg: impl Into<String>) {
        if self.line.say(severity, msg.into(), Weight::Kept) {
            self.ctx.request_repaint_after(super::messages::HOLD_FOR);
        }
    }

    /// Says `msg` and, for a warning or an error, holds it: for warnings the annotator
    /// must not miss (work moved to another file, annotations that could not be carried
    /// over).
    fn say_pinned(&mut self, severity: Severity, msg: impl Into<String>) {
        if severity == Severity::Info {
            self.say(severity, msg);
        } else {
            self.say_kept(severity, msg);
        }
    }

    /// Carries out one command, then saves what it changed, once: an action made of
    /// several edits (a decision and what the folder learned from it, applied in the open
    /// article) reaches the disk whole, so a `kill -9` never leaves half of it. This is
    /// the only place that changes the session.
    pub fn apply(&mut self, action: impl Into<Action>) {
        self.run(action.into());
        self.autosave();
    }
}

impl eframe::App for TaliqApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.handle_input(&ctx);
        for action in std::mem::take(&mut self.queue) {
            self.apply(action);
        }
        // after the actions, never inside one: a native dialog blocks
        if let Some(dialog) = self.dialog.take() {
            self.show_dialog(dialog);
        }
        self.autosave_tick();
        let title = words::chrome::window_title(
            self.article
                .as_ref()
                .map(|a| a.session.document().source_name()),
        );
        if title != self.title_shown {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_shown = title;
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        let mut cmds = Vec::new();
        self.panels.begin(ui, self.corpus.is_some());
        if let Some(panel) = &mut self.corpus {
            panel.rescan_if_stale();
            let current = self
                .article
                .as_ref()
                .map(|a| (a.path.as_path(), live_progress(&a.session)));
            let engine = &mut self.engine;
            self.panels
                .show_folder(ui, |ui| panel.ui(ui, engine, current, &mut cmds));
        }
        if self.close_prompt {
            self.close_prompt_ui(ui, &mut cmds);
        }
        if let Some((path, conflict)) = &self.overwrite_prompt {
            let own = self.article.as_ref().map(|a| default_export_path(&a.path));
            overwrite_prompt_ui(ui, &mut self.engine, path, conflict, own, &mut cmds);
        }
        if let Some(prompt) = &mut self.label_prompt {
            interchange::label_prompt_ui(ui, &mut self.engine, prompt, &mut cmds);
        }
        if self.about_open {
            super::about::about_window(&ctx, &mut self.engine, &mut self.about_open);
        }
        if self.learned_names_open {
            let lexicon = self.article.as_ref().map(|a| a.lexicon.lexicon());
            super::lexicon::learned_names_window(
                &ctx,
                &mut self.engine,
                lexicon,
                LEXICON_FILE,
                &mut self.learned_names_open,
                &mut cmds,
            );
        }
        let mut panel_cmds = Vec::new();
        self.panels.show_facts(ui, &mut panel_cmds, |ui| {
            self.facts.ui(
                ui,
                &mut self.engine,
                self.article.as_mut(),
                &self.view,
                &mut cmds,
            );
        });
        cmds.extend(panel_cmds);
        egui::CentralPanel::default().show(ui, |ui| match &self.article {
            Some(a) => self
                .view
                .ui(ui, &mut self.engine, &a.session, &self.settings, &mut cmds),
            None => {
                ui.centered_and_justified(|ui| {
                    ui.label(words::chrome::NOTHING_OPEN);
                });
            }
        });
        self.queue.extend(cmds);
        if !self.queue.is_empty() {
            ctx.request_repaint();
        }
    }

    fn on_exit(&mut self) {
        self.flush_autosave();
    }
}

/// Which way a step through the article's suggestions or the folder's articles goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// To the next one (wrapping around).
    Next,
    /// To the previous one (wrapping around).
    Previous,
}

/// Why the review steps to a pending suggestion: what is said when none is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asked {
    /// By Next/Previous suggestion: "No suggestion awaits review".
    ByCommand,
    /// After a decision moved on: "All suggestions reviewed".
    AfterDecision,
}

/// Which way through the undo history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum History {
    /// Undo the last step.
    Undo,
    /// Redo the last step undone.
    Redo,
}

/// A label's highlight colour with the given alpha (0–255).
#[must_use]
pub(super) fn label_color(label: Label, alpha: u8) -> Color32 {
    let [r, g, b] = label.rgb();
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

/// The progress of the open article from its session: its decisions and its mark.
fn live_progress(session: &Session) -> Progress {
    Progress::from_decisions(session.annotations().iter().map(|x| (x.status, x.origin)))
        .with_mark(session.done())
}
