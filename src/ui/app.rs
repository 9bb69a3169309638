//! The application: holds the open article, applies [`Command`]s, autosaves, and lays out
//! the panels.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use egui::{Color32, Ui};

use crate::settings::{Settings, Theme};
use taliq_core::extract::ProjectLexicon;
use taliq_core::extract::lexicon::{Lesson, TaughtLexicon};
use taliq_core::model::annotation::{Entity, Facts, Origin, PersonAttributes, Status};
use taliq_core::model::document::Document;
use taliq_core::model::label::Label;
use taliq_core::model::span::Span;
use taliq_core::session::{Edit, Session};
use taliq_core::workspace::corpus::{Corpus, LEXICON_FILE, Progress};
use taliq_core::workspace::export_log::{ExportLog, records_fingerprint, work_fingerprint};
use taliq_core::workspace::journal::{AutosavePolicy, Autosaver, Saved};
use taliq_core::workspace::lexicon::write_merged;
use taliq_core::workspace::notice::OpenNotice;
use taliq_core::workspace::open::{self, OnDisk, Opened};
use taliq_core::workspace::storage;
use taliq_text::{SystemFonts, TextEngine, TextStyle};

use super::article::ArticleView;
use super::command::Command;
use super::corpus::CorpusPanel;
use super::facts::FactsPanel;
use super::panels::SidePanels;
use super::status;

pub use super::messages::Severity;
use super::messages::{StatusLine, Weight};

/// An open article: the session and where its work is saved.
pub(super) struct OpenArticle {
    pub session: Session,
    pub path: PathBuf,
    /// Where and when the work is saved (sidecar and journal, see [`taliq_core::workspace::journal`]).
    autosave: Autosaver,
    exported_revision: Option<u64>,
    /// The session revision when the article was opened: later revisions are changes of
    /// this run.
    opened_revision: u64,
    /// Where this article was last exported in this run.
    export_path: Option<PathBuf>,
    /// Changed earlier in this run (before it was left and opened again) and not exported
    /// since.
    carried_unexported: bool,
    /// The project lexicon of the article's folder with the lessons of this run's
    /// decisions (undone with them), and its file; `None` for the file when it could not
    /// be read (it is then never overwritten).
    lexicon: TaughtLexicon,
    lexicon_file: Option<PathBuf>,
    /// This window's lexicon when it last read or wrote the file: the base of the
    /// three-way merge that writes only this window's changes since, keeping what another
    /// window or the annotator wrote there ([`ProjectLexicon::merged`]).
    lexicon_on_disk: ProjectLexicon,
    /// The last write of the lexicon failed: decisions of `lexicon` that differ from
    /// `lexicon_on_disk` are not in the file yet, and every later lexicon write, the
    /// switch to another article and the close retry them.
    lexicon_unsaved: bool,
    /// Cached entity grouping and review counts, and the session revision they were
    /// computed at (recomputed once per change, not every frame: a 1 MB article has more
    /// than 10,000 suggestions).
    entities: (u64, Vec<Entity>, ReviewCounts),
    /// How many other mentions [`Command::RelabelAll`] would change for an annotation:
    /// `(revision, id, count)`, computed once per change of either.
    other_mentions: Option<(u64, u64, usize)>,
}

/// Project lexicon decisions of an article that was left while its lexicon file could not
/// be written: kept in memory, retried with every later lexicon write and on close, and
/// folded into the lexicon of the next article opened in the same folder.
struct PendingLexicon {
    path: PathBuf,
    /// The file as last read or written.
    base: ProjectLexicon,
    /// The lexicon with the decisions not yet written.
    ours: ProjectLexicon,
}

/// How many annotations of an article await review, were accepted or rejected, and which
/// entities are wholly accepted.
#[derive(Debug, Clone, Default)]
pub(super) struct ReviewCounts {
    pub pending: usize,
    pub accepted: usize,
    pub rejected: usize,
    /// Ids of the entities whose every mention is accepted.
    pub accepted_entities: HashSet<String>,
}

impl OpenArticle {
    /// This article's entry for the close prompt, when it changed in this run since it
    /// was last exported.
    fn unexported(&self) -> Option<Unexported> {
        let since = self.exported_revision.unwrap_or(self.opened_revision);
        (self.carried_unexported || self.session.revision() != since).then(|| Unexported {
            article: self.path.clone(),
            sidecar: self.autosave.sidecar().to_path_buf(),
            export_path: self.export_path.clone(),
        })
    }

    /// How many other mentions of annotation `id`'s text [`Command::RelabelAll`] would
    /// relabel or add (cached per revision).
    pub(super) fn other_mentions(&mut self, id: u64) -> usize {
        let rev = self.session.revision();
        if let Some((r, i, n)) = self.other_mentions
            && r == rev
            && i == id
        {
            return n;
        }
        let n = self.session.get(id).map_or(0, |a| {
            let doc = self.session.document();
            let text = doc.slice(a.span.start(), a.span.end());
            let mut s = self.session.clone();
            mentions_of(doc.text(), text, a.label)
                .iter()
                .filter(|m| {
                    s.edits_at_mentions(&[**m], a.label, "", Status::Accepted, Some(id))
                        .1
                        > 0
                })
                .count()
        });
        self.other_mentions = Some((rev, id, n));
        n
    }

    pub(super) fn entities(&mut self) -> &[Entity] {
        self.refresh_entities();
        &self.entities.1
    }

    /// The review counts of the current state.
    pub(super) fn review_counts(&mut self) -> &ReviewCounts {
        self.refresh_entities();
        &self.entities.2
    }

    fn refresh_entities(&mut self) {
        if self.entities.0 == self.session.revision() {
            return;
        }
        let entities = self.session.entities();
        let mut counts = ReviewCounts::default();
        for a in self.session.annotations() {
            match a.status {
                Status::Pending => counts.pending += 1,
                Status::Accepted => counts.accepted += 1,
                Status::Rejected => counts.rejected += 1,
            }
        }
        counts.accepted_entities = entities
            .iter()
            .filter(|e| {
                e.mentions
                    .iter()
                    .filter_map(|id| self.session.get(*id))
                    .all(|a| a.status == Status::Accepted)
            })
            .map(|e| e.id.clone())
            .collect();
        self.entities = (self.session.revision(), entities, counts);
    }
}

/// An article changed in this run whose changes are in its sidecar but not yet in an
/// exported JSON file.
#[derive(Debug, Clone)]
struct Unexported {
    article: PathBuf,
    sidecar: PathBuf,
    /// Where it was last exported, if it was (in this run or, through the export log, an
    /// earlier one).
    export_path: Option<PathBuf>,
}

impl Unexported {
    /// Where "Export now" writes it: where it was last exported, else next to the article
    /// with the name File ▸ Export proposes.
    fn target(&self) -> PathBuf {
        self.export_path
            .clone()
            .unwrap_or_else(|| default_export_path(&self.article))
    }
}

/// True when a native dialog opened at `shown_at` returned without a choice too soon for a
/// person to have cancelled it: it was never shown (no xdg-desktop-portal, say).
fn dialog_never_shown(shown_at: Instant) -> bool {
    shown_at.elapsed() < std::time::Duration::from_millis(150)
}

/// `dir/article.txt` → `dir/article.txt.annotations.json`, the name File ▸ Export
/// proposes: the article's whole file name, extension included (as the sidecar's), so
/// that `a.txt` and `a.html` of one folder never export to the same file.
fn default_export_path(article: &Path) -> PathBuf {
    let name = article
        .file_name()
        .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
    article.with_file_name(format!("{name}.annotations.json"))
}

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
    queue: Vec<Command>,
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
    pending_lexicons: Vec<PendingLexicon>,
    /// A lexicon write failed and no write has succeeded since: the warning stays in the
    /// status line (Info messages go to the history only).
    lexicon_warning: bool,
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
            title_shown: String::new(),
            ctx: ctx.clone(),
            settings,
            settings_path,
            corpus: None,
            unexported: Vec::new(),
            close_prompt: false,
            pending_lexicons: Vec::new(),
            lexicon_warning: false,
            close_confirmed: false,
            learned_names_open: false,
            about_open: false,
            lexicon_to_save: false,
            last_note: None,
            overwrite_prompt: None,
            autosave_policy: AutosavePolicy::default(),
            export_log,
            export_log_path,
        };
        app.apply_theme();
        if let Some(p) = path {
            app.apply(Command::OpenPath(p));
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
            self.say(
                Severity::Warning,
                format!(
                    "The font “{family}” is no longer installed; Arabic text is set in {}",
                    Command::SetFont(None).title()
                ),
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
            self.say(
                Severity::Warning,
                format!("Settings not kept for next time: {e}"),
            );
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
    pub fn queue(&mut self, cmd: Command) {
        self.queue.push(cmd);
    }

    /// Says `msg` in the status line (see [`StatusLine`] for when it is shown).
    fn say(&mut self, severity: Severity, msg: impl Into<String>) {
        let quiet = self.lexicon_warning;
        self.line
            .say(severity, msg.into(), Weight::Result, false, quiet);
    }

    /// Says where the review is (`msg`): shown unless a held message is there.
    fn say_progress(&mut self, msg: impl Into<String>) {
        let quiet = self.lexicon_warning;
        self.line
            .say(Severity::Info, msg.into(), Weight::Progress, false, quiet);
    }

    /// Says `msg` and holds it for [`super::messages::HOLD_FOR`], whatever its severity:
    /// for news the annotator must not miss, such as what the folder's lexicon now does
    /// for every article.
    fn say_kept(&mut self, severity: Severity, msg: impl Into<String>) {
        let quiet = self.lexicon_warning;
        if self
            .line
            .say(severity, msg.into(), Weight::Result, true, quiet)
        {
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
    pub fn apply(&mut self, cmd: Command) {
        self.run(cmd);
        self.autosave();
    }

    /// [`Self::apply`] without the save.
    fn run(&mut self, cmd: Command) {
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
                    let words = super::lexicon::describe_changes(&changes, None, applied);
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

impl TaliqApp {
    /// Opens an article: loads the text, restores the sidecar when it was written for the
    /// same text, otherwise extracts suggestions. The current article stays open on error.
    fn open(&mut self, path: &Path, encoding: Option<&'static encoding_rs::Encoding>) {
        let doc = match Document::load_as(path, encoding) {
            Ok(d) => d,
            Err(e) => {
                self.say(Severity::Error, format!("Could not open: {e}"));
                return;
            }
        };
        self.flush_autosave();
        // Work journaled but not yet in a sidecar when Taliq was killed goes in first; an
        // encoding chosen earlier with "Reload as" is remembered in the saved work.
        let (doc, mut notes) = open::recover_and_decode(path, doc, encoding);
        // The project lexicon of this folder: names taught by accepting, suggestions
        // unlearned by rejecting, applied to every article opened afterwards.
        // lexicon decisions of the article being left that its file did not take wait
        // in memory (and go into this article's lexicon when it is in the same folder)
        if let Some(a) = &mut self.article
            && a.lexicon_unsaved
            && let Some(file) = &a.lexicon_file
        {
            a.lexicon_unsaved = false;
            let pending = PendingLexicon {
                path: file.clone(),
                base: a.lexicon_on_disk.clone(),
                ours: a.lexicon.lexicon().clone(),
            };
            self.pending_lexicons.retain(|p| p.path != pending.path);
            self.pending_lexicons.push(pending);
        }
        let lexicon_path = taliq_core::workspace::corpus::lexicon_path_of(path);
        let (lexicon, lexicon_file) = match ProjectLexicon::load(&lexicon_path) {
            Ok(l) => (l, Some(lexicon_path)),
            Err(e) if !lexicon_path.exists() => {
                let _ = e;
                (ProjectLexicon::new(), Some(lexicon_path))
            }
            Err(e) => {
                notes.push(OpenNotice::LexiconUnreadable {
                    error: e.to_string(),
                });
                (ProjectLexicon::new(), None)
            }
        };
        let lexicon_on_disk = lexicon.clone();
        let mut lexicon = lexicon;
        let mut lexicon_unsaved = false;
        if let Some(file) = &lexicon_file
            && let Some(i) = self.pending_lexicons.iter().position(|p| &p.path == file)
        {
            let p = self.pending_lexicons.remove(i);
            lexicon = ProjectLexicon::merged(&p.base, &p.ours, &lexicon);
            lexicon_unsaved = true;
        }
        let Opened {
            session,
            sidecar,
            on_disk,
            notices,
        } = open::open_article(path, doc, encoding, &lexicon);
        notes.extend(notices);
        let n = session.annotations().len();
        // Changes of the article being left that are not exported are named on close;
        // they come back with the article if it is opened again.
        if let Some(u) = self.article.as_ref().and_then(OpenArticle::unexported) {
            self.unexported.retain(|x| x.article != u.article);
            self.unexported.push(u);
        }
        let earlier_changes = self
            .unexported
            .iter()
            .position(|u| u.article == path)
            .map(|i| self.unexported.remove(i));
        self.article = Some(OpenArticle {
            lexicon_on_disk,
            lexicon: TaughtLexicon::for_annotations(lexicon, session.annotations(), |x| {
                session
                    .document()
                    .slice(x.span.start(), x.span.end())
                    .to_owned()
            }),
            lexicon_file,
            lexicon_unsaved,
            autosave: Autosaver::new(path, sidecar, self.autosave_policy),
            exported_revision: None,
            opened_revision: session.revision(),
            // changed in this run and left, or work of an earlier run never exported
            carried_unexported: earlier_changes.is_some()
                || self.export_log.is_unexported(path, session.annotations()),
            export_path: earlier_changes
                .and_then(|u| u.export_path)
                .or_else(|| self.export_log.export_path(path).map(Path::to_path_buf)),
            entities: (u64::MAX, Vec::new(), ReviewCounts::default()),
            other_mentions: None,
            session,
            path: path.to_path_buf(),
        });
        self.view = ArticleView::default();
        self.facts = FactsPanel::default();
        let severity = if notes.iter().any(OpenNotice::is_warning) {
            Severity::Warning
        } else {
            Severity::Info
        };
        // what is said about the article opened replaces what was kept about the last
        // one (it stays in the history)
        self.line.release();
        let mut msg = format!("Opened {} ({n} annotations)", file_name(path));
        for note in &notes {
            msg.push_str("; ");
            msg.push_str(&super::words::open_notice(note));
        }
        self.say_pinned(severity, msg);
        if let Some(a) = &mut self.article {
            match on_disk {
                // only suggestions: no sidecar until the first decision
                OnDisk::Fresh => a.autosave.fresh(&a.session),
                // the file it came from holds it: nothing to write
                OnDisk::InSidecar => a.autosave.restored(&a.session),
                OnDisk::ToWrite => self.autosave(),
            }
        }
    }

    /// A native dialog that returns at once without a choice was never shown (no
    /// xdg-desktop-portal, say); a person cancelling takes longer. Tell the user what to do.
    fn dialog_unavailable(&mut self, shown_at: Instant, instead: &str) {
        if dialog_never_shown(shown_at) {
            self.say(
                Severity::Warning,
                format!("The system file dialog is not available here; {instead}"),
            );
        }
    }

    /// Exports the open article to `path`, unless a file there holds another article's
    /// annotations or is not a Taliq export: then asks first ([`Self::overwrite_prompt`]).
    fn export(&mut self, path: &Path) {
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
    fn export_unchecked(&mut self, path: &Path) {
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

    /// Applies `edit` as one undo step (and opens the lexicon's step for what it
    /// teaches); returns whether it applied.
    fn edit(&mut self, edit: Edit) -> bool {
        let Some(a) = &mut self.article else {
            return false;
        };
        match a.session.apply(edit) {
            Ok(()) => {
                a.lexicon.begin_step();
                true
            }
            Err(e) => {
                self.say(Severity::Error, format!("Not done: {e}"));
                false
            }
        }
    }

    /// Undoes or redoes the last step, with what it taught the project lexicon (see
    /// [`TaughtLexicon`]: a name stays learned while another decision still teaches it).
    fn undo_redo(&mut self, undo: bool) {
        let Some(a) = &mut self.article else { return };
        let had = if undo {
            a.session.can_undo()
        } else {
            a.session.can_redo()
        };
        let done = if undo {
            a.session.undo()
        } else {
            a.session.redo()
        };
        let taught = if done {
            if undo {
                a.lexicon.undo()
            } else {
                a.lexicon.redo()
            }
        } else {
            // the session drops a history entry that no longer applies: so do we
            if had {
                a.lexicon.forget_step(undo);
            }
            false
        };
        if taught {
            self.save_lexicon();
        }
        if done {
            self.say(Severity::Info, if undo { "Undone" } else { "Redone" });
        } else {
            self.say(
                Severity::Info,
                if undo {
                    "Nothing to undo"
                } else {
                    "Nothing to redo"
                },
            );
        }
    }

    /// Changes the facts of the annotation `id`, which must have `label`, with `change`,
    /// and accepts it in the same undo step: an annotator who corrects what a suggestion
    /// says means the suggestion, as with a relabel (which also accepts). Nothing happens
    /// when the facts stay the same.
    fn correct_facts(&mut self, id: u64, label: Label, change: impl FnOnce(&mut Facts)) {
        let Some(a) = self.session().and_then(|s| s.get(id)) else {
            return;
        };
        if a.label != label {
            let msg = format!("Not done: this is a {}, not a {label}", a.label);
            self.say(Severity::Warning, msg);
            return;
        }
        let mut facts = a.facts.clone();
        change(&mut facts);
        if facts == a.facts {
            return;
        }
        let mut edits = vec![Edit::SetFacts { id, facts }];
        if a.status != Status::Accepted {
            edits.push(Edit::SetStatus {
                id,
                status: Status::Accepted,
            });
        }
        if self.edit(Edit::Batch(edits)) {
            self.learn(&[id], false);
        }
    }

    /// [`Command::TypeNote`]: saves what is typed in the note box of annotation `id`; a
    /// save of the same edit session (`typing`) right after the previous one (nothing
    /// else changed since) joins its undo step, so one Ctrl+Z takes back the whole note
    /// edit.
    fn type_note(&mut self, id: u64, note: String, typing: u64) {
        let Some(a) = &mut self.article else { return };
        if a.session.get(id).is_none_or(|x| x.note == note) {
            return;
        }
        let joins = self.last_note == Some((id, typing, a.session.revision()));
        let applied = if joins {
            a.session.apply_joined(Edit::SetNote { id, note }).is_ok()
        } else {
            self.edit(Edit::SetNote { id, note })
        };
        if applied && let Some(a) = &self.article {
            self.last_note = Some((id, typing, a.session.revision()));
        }
    }

    /// [`Command::RelabelAll`]: the other mentions of annotation `id`'s text get its label
    /// and are accepted, in one undo step, and count as decisions for the folder.
    fn relabel_all(&mut self, id: u64) {
        let Some(a) = &mut self.article else { return };
        let Some(ann) = a.session.get(id).cloned() else {
            return;
        };
        let text = a
            .session
            .document()
            .slice(ann.span.start(), ann.span.end())
            .to_owned();
        let mentions = mentions_of(a.session.document().text(), &text, ann.label);
        let (edits, n) = a.session.edits_at_mentions(
            &mentions,
            ann.label,
            &ann.canonical,
            Status::Accepted,
            Some(id),
        );
        if n == 0 {
            let msg = format!(
                "No other mention of “{}” to relabel",
                taliq_text::isolate(&text)
            );
            self.say(Severity::Info, msg);
            return;
        }
        let ids: Vec<u64> = edits
            .iter()
            .filter_map(|e| match e {
                Edit::Add(x) => Some(x.id),
                Edit::SetLabel { id, .. } | Edit::SetStatus { id, .. } => Some(*id),
                _ => None,
            })
            .collect();
        if self.edit(Edit::Batch(edits)) {
            self.say(
                Severity::Info,
                format!(
                    "Relabelled {n} more mention(s) of “{}” as {} (Ctrl+Z undoes)",
                    taliq_text::isolate(&text),
                    ann.label
                ),
            );
            self.learn(&ids, false);
        }
    }

    fn entity_edit(&mut self, entity_id: &str, make: impl Fn(u64) -> Edit) {
        let Some(a) = &mut self.article else { return };
        let ids: Vec<u64> = a
            .entities()
            .iter()
            .find(|e| e.id == entity_id)
            .map(|e| e.mentions.clone())
            .unwrap_or_default();
        if ids.is_empty() {
            return;
        }
        if self.edit(Edit::Batch(ids.iter().copied().map(make).collect())) {
            self.learn(&ids, false);
        }
    }

    /// Focuses the next (or previous) pending suggestion after the focused annotation, in
    /// text order, wrapping around. `announce_none` says so when none is left; `said`, what
    /// the decision just made said, goes on the line with where the review is.
    fn step_pending(&mut self, forward: bool, announce_none: bool, said: Option<String>) {
        let Some(a) = &self.article else { return };
        let anns = a.session.annotations();
        let here = self
            .view
            .focused()
            .and_then(|id| anns.iter().position(|x| x.id == id));
        let n = anns.len();
        let order: Vec<usize> = match (here, forward) {
            (Some(i), true) => (i + 1..n).chain(0..=i).collect(),
            (Some(i), false) => (0..i).rev().chain((i..n).rev()).collect(),
            (None, true) => (0..n).collect(),
            (None, false) => (0..n).rev().collect(),
        };
        let next = order
            .into_iter()
            .map(|i| &anns[i])
            .find(|x| x.status == Status::Pending)
            .map(|x| (x.id, x.span));
        let left = anns.iter().filter(|x| x.status == Status::Pending).count();
        match next {
            Some((id, span)) => {
                self.view.focus(id, span, vec![id], Some(false));
                let progress = format!("{left} suggestion(s) await review");
                match said {
                    Some(said) => self.say(Severity::Info, format!("{said}; {progress}")),
                    None => self.say_progress(progress),
                }
            }
            None if announce_none => self.say_progress("No suggestion awaits review"),
            None => match said {
                Some(said) => self.say(Severity::Info, format!("{said}; all suggestions reviewed")),
                None => self.say_progress("All suggestions reviewed"),
            },
        }
    }

    fn reveal_entity(&mut self, entity_id: &str) {
        let Some(a) = &mut self.article else { return };
        let Some(e) = a.entities().iter().find(|e| e.id == entity_id).cloned() else {
            return;
        };
        let next = self.view.next_reveal(entity_id, e.mentions.len());
        let id = e.mentions[next];
        if let Some(span) = a.session.get(id).map(|m| m.span) {
            self.view.focus(id, span, e.mentions.clone(), Some(true));
            self.say_progress(format!(
                "Mention {} of {} ({})",
                next + 1,
                e.mentions.len(),
                e.label
            ));
        }
    }

    fn label_selection(&mut self, label: Label) {
        let Some(a) = &mut self.article else { return };
        let Some((s, e)) = self.view.selection() else {
            // no selection: the label key relabels the focused annotation
            if let Some(id) = self.view.focused() {
                self.apply(Command::Relabel(id, label));
                return;
            }
            self.say(
                Severity::Info,
                "Select some text in the article first, then press a label key (1–7)",
            );
            return;
        };
        let span = match Span::trimmed(a.session.document(), s, e) {
            Ok(span) => span,
            Err(err) => {
                self.say(
                    Severity::Warning,
                    format!("Cannot label this selection: {err}"),
                );
                return;
            }
        };
        // A name, place, date or number never runs across a line or paragraph break (a
        // drag that went one line too far); a quote may.
        let doc = a.session.document();
        if label != Label::Quote
            && doc
                .slice(span.start(), span.end())
                .contains(['\n', '\r', '\u{2028}', '\u{2029}'])
        {
            self.say(
                Severity::Warning,
                format!(
                    "Not labelled: the selection runs across a line break, which {} {label} never does; select within one line (a QUOTE may span lines)",
                    if label == Label::Organization { "an" } else { "a" }
                ),
            );
            return;
        }
        let existing = a
            .session
            .annotations()
            .iter()
            .filter(|x| x.span == span)
            .min_by_key(|x| x.status == Status::Rejected)
            .map(|x| x.id);
        let (mut edits, id) = if let Some(id) = existing {
            (
                vec![
                    Edit::SetLabel { id, label },
                    Edit::SetStatus {
                        id,
                        status: Status::Accepted,
                    },
                ],
                id,
            )
        } else {
            let ann = a.session.manual_annotation(span, label);
            let id = ann.id;
            (vec![Edit::Add(ann)], id)
        };
        // Annotation is flat (guideline rule 6): the annotator's span replaces the
        // annotations of the flat layer it overlaps, in the same undo step: pending and
        // accepted suggestions become rejected (kept, so they are not suggested again for
        // this article; the project lexicon learns nothing from it), manual ones are
        // removed. QUOTE is its own layer and overlaps freely.
        let mut replaced = 0;
        let mut replaced_accepted = Vec::new();
        if label != Label::Quote {
            for other in a.session.annotations() {
                if other.id == id
                    || other.label == Label::Quote
                    || other.status == Status::Rejected
                    || !other.span.overlaps(span)
                {
                    continue;
                }
                if other.status == Status::Accepted {
                    replaced_accepted.push(format!(
                        "{} “{}”",
                        other.label.as_str(),
                        taliq_text::isolate(
                            a.session
                                .document()
                                .slice(other.span.start(), other.span.end())
                        )
                    ));
                } else {
                    replaced += 1;
                }
                edits.push(if other.origin == Origin::Manual {
                    Edit::Remove(other.id)
                } else {
                    Edit::SetStatus {
                        id: other.id,
                        status: Status::Rejected,
                    }
                });
            }
        }
        let edit = if edits.len() == 1 {
            edits.remove(0)
        } else {
            Edit::Batch(edits)
        };
        let text = a
            .session
            .document()
            .slice(span.start(), span.end())
            .to_owned();
        let taught = if self.edit(edit) {
            self.teach(&[id], false)
        } else {
            None
        };
        self.view.clear();
        self.view.focus(id, span, vec![], None);
        let mut msg = format!("Labelled “{}” as {label}", taliq_text::isolate(&text));
        if replaced > 0 {
            let _ = write!(msg, "; it replaces {replaced} overlapping suggestion(s)");
        }
        // what the folder learned from it comes after, and keeps the line
        let keep = match taught {
            Some((words, keep)) => {
                let _ = write!(msg, ". {words}");
                keep
            }
            None => false,
        };
        if replaced_accepted.is_empty() {
            if keep {
                self.say_kept(Severity::Info, msg);
            } else {
                self.say(Severity::Info, msg);
            }
        } else {
            // an accepted decision was undone by this one: say which, and how to get it back
            let _ = write!(
                msg,
                "; it replaces the accepted {} (annotation is flat; Ctrl+Z undoes)",
                replaced_accepted.join(", ")
            );
            self.say(Severity::Warning, msg);
        }
        self.save_taught_lexicon();
    }

    /// Teaches the project lexicon the annotator's decisions on these annotations, as
    /// part of the step just applied (see [`TaughtLexicon`]): accepted ones count as
    /// acceptances, rejected ones as rejections ("wrong here"; with `never`, the pair is
    /// never suggested again in the folder), pending or removed ones as nothing. What the
    /// folder now does differently is applied to the open article in the same undo step
    /// (a name newly suggested is suggested at its other mentions here; a pair newly
    /// blocked has its pending suggestions here rejected), said in the status line (kept
    /// there like the warnings about where work goes), and the lexicon file is rewritten
    /// (atomically).
    fn learn(&mut self, ids: &[u64], never: bool) {
        match self.teach(ids, never) {
            Some((msg, true)) => self.say_kept(Severity::Info, msg),
            Some((msg, false)) => self.say(Severity::Info, msg),
            None => {}
        }
        self.save_taught_lexicon();
    }

    /// Writes the lexicon when [`Self::teach`] changed it, after its news was said (so
    /// that what the write says, a failure or "saved again", comes last).
    fn save_taught_lexicon(&mut self) {
        if std::mem::take(&mut self.lexicon_to_save) {
            self.save_lexicon();
        }
    }

    /// [`Self::learn`] without saying it or writing the file (call
    /// [`Self::save_taught_lexicon`] after): returns the status line, and whether it must
    /// stay (what the folder now does differently).
    fn teach(&mut self, ids: &[u64], never: bool) -> Option<(String, bool)> {
        let Some(a) = &mut self.article else {
            return None;
        };
        let before = a.lexicon.lexicon().clone();
        let mut taught: Vec<(String, Label)> = Vec::new();
        let mut trimmed: Option<(String, String)> = None;
        let mut changed = false;
        let mut rejected_one = None;
        for &id in ids {
            let lesson = a.session.get(id).and_then(|ann| {
                let text = a.session.document().slice(ann.span.start(), ann.span.end());
                let lesson = Lesson::of_annotation(ann, text)?;
                if let Lesson::Accepted { surface, .. } = &lesson
                    && taliq_core::extract::lexicon::surface_key(surface)
                        != taliq_core::extract::lexicon::surface_key(text)
                {
                    trimmed = Some((text.to_owned(), surface.clone()));
                }
                Some(match lesson {
                    Lesson::Rejected { surface, label } if never => {
                        Lesson::Never { surface, label }
                    }
                    l => l,
                })
            });
            if let Some(Lesson::Rejected { surface, label }) = &lesson {
                rejected_one = Some((surface.clone(), *label));
            }
            if let Some(l) = &lesson
                && !taught
                    .iter()
                    .any(|(s, lb)| s == l.surface() && *lb == l.label())
            {
                taught.push((l.surface().to_owned(), l.label()));
            }
            changed |= a.lexicon.teach(id, lesson);
        }
        if !changed {
            return taught
                .first()
                .filter(|_| never)
                .map(|(surface, label)| (super::lexicon::already_never(surface, *label), false));
        }
        let after = a.lexicon.lexicon().clone();
        let news = taliq_core::extract::lexicon::changes(&before, &after, &taught);
        let applied = self.apply_lessons_here(&news, true);
        let words = super::lexicon::describe_changes(&news, trimmed.as_ref(), applied);
        self.lexicon_to_save = true;
        words.or_else(|| {
            rejected_one
                .map(|(surface, label)| (super::lexicon::rejected_here(&surface, label), false))
        })
    }

    /// Applies what the folder's lexicon now does differently (`changes`) to the open
    /// article, joined to the undo step just applied: for a name newly suggested, its
    /// mentions here that no annotation of the flat layer covers become pending
    /// suggestions; for a pair newly blocked, its pending suggestions here are rejected.
    /// Returns how many annotations were added and how many rejected.
    fn apply_lessons_here(
        &mut self,
        changes: &[taliq_core::extract::lexicon::LexiconChange],
        join: bool,
    ) -> (usize, usize) {
        use taliq_core::extract::lexicon::{Effect, surface_key};
        let Some(a) = &mut self.article else {
            return (0, 0);
        };
        let mut edits = Vec::new();
        let (mut added, mut rejected) = (0, 0);
        for c in changes
            .iter()
            .filter(|c| c.after == Effect::Suggested && c.before != Effect::Suggested)
        {
            let mentions = mentions_of(a.session.document().text(), &c.surface, c.label);
            let (more, n) = a.session.edits_at_mentions(
                &mentions,
                c.label,
                &c.canonical,
                Status::Pending,
                None,
            );
            edits.extend(more);
            added += n;
        }
        let blocked: Vec<(String, Label)> = changes
            .iter()
            .filter(|c| c.after == Effect::Blocked && c.before != Effect::Blocked)
            .map(|c| (surface_key(&c.surface), c.label))
            .collect();
        if !blocked.is_empty() {
            for x in a.session.annotations() {
                if x.status == Status::Pending
                    && blocked.iter().any(|(k, l)| {
                        *l == x.label
                            && *k
                                == surface_key(
                                    a.session.document().slice(x.span.start(), x.span.end()),
                                )
                    })
                {
                    edits.push(Edit::SetStatus {
                        id: x.id,
                        status: Status::Rejected,
                    });
                    rejected += 1;
                }
            }
        }
        if edits.is_empty() {
            return (0, 0);
        }
        if join {
            let _ = a.session.apply_joined(Edit::Batch(edits));
        } else {
            self.edit(Edit::Batch(edits));
        }
        (added, rejected)
    }

    /// Writes the project lexicon to its file, with the decisions earlier writes could
    /// not write (of this article and of articles left since); a failure is shown and
    /// pinned until a write succeeds, and the decisions stay in memory for the next try.
    fn save_lexicon(&mut self) {
        let mut failure = None;
        let mut pending = std::mem::take(&mut self.pending_lexicons);
        pending.retain(|p| match write_merged(&p.path, &p.base, &p.ours) {
            Ok(_) => false,
            Err(e) => {
                failure = Some(e.to_string());
                true
            }
        });
        self.pending_lexicons = pending;
        if let Some(a) = &mut self.article
            && let Some(path) = &a.lexicon_file
        {
            match write_merged(path, &a.lexicon_on_disk, a.lexicon.lexicon()) {
                Ok(_) => {
                    // this window's view when it wrote: the base of the next write, so
                    // the next write carries only this window's changes since
                    a.lexicon_on_disk = a.lexicon.lexicon().clone();
                    a.lexicon_unsaved = false;
                }
                Err(e) => {
                    a.lexicon_unsaved = true;
                    failure = Some(e.to_string());
                }
            }
        }
        let waiting = self.unsaved_lexicon_decisions();
        if let Some(e) = failure {
            self.lexicon_warning = false; // this warning replaces the last one
            self.say_pinned(
                Severity::Warning,
                format!(
                    "The project lexicon was not saved: {e}. {waiting} decision(s) wait in memory and are written with the next lexicon change, on switching articles or on close"
                ),
            );
            self.lexicon_warning = true;
        } else if self.lexicon_warning && waiting == 0 {
            self.lexicon_warning = false;
            self.line.release();
            self.say(
                Severity::Info,
                format!("The project lexicon is saved again ({LEXICON_FILE}): the decisions that waited are written"),
            );
        }
    }

    /// Retries the lexicon decisions not yet written, if any.
    fn retry_lexicon(&mut self) {
        if self.unsaved_lexicon_decisions() > 0 {
            self.save_lexicon();
        }
    }

    /// How many project lexicon decisions (learned names, rejections, and their undoing)
    /// are not in their lexicon file because its last write failed; they are kept in
    /// memory and retried.
    #[must_use]
    pub fn unsaved_lexicon_decisions(&self) -> usize {
        let open = self
            .article
            .as_ref()
            .filter(|a| a.lexicon_unsaved)
            .map_or(0, |a| a.lexicon_on_disk.changes_to(a.lexicon.lexicon()));
        let left: usize = self
            .pending_lexicons
            .iter()
            .map(|p| p.base.changes_to(&p.ours))
            .sum();
        open + left
    }

    /// Saves the session after a change: on disk before this returns, to the sidecar or,
    /// for big documents, to its journal (see [`taliq_core::workspace::journal`]). Failures are shown and
    /// retried on the next change; the in-memory work is never discarded.
    fn autosave(&mut self) {
        let Some(a) = &mut self.article else { return };
        let saved = a.autosave.changed(&a.session, Instant::now());
        self.report_autosave(saved);
    }

    /// Once a frame: rewrites the sidecar when a deferred rewrite is due, and asks for a
    /// frame then.
    pub fn autosave_tick(&mut self) {
        let Some(a) = &mut self.article else { return };
        let saved = a.autosave.tick(&a.session, Instant::now());
        if let Some(due) = a.autosave.next_due() {
            self.ctx
                .request_repaint_after(due.saturating_duration_since(Instant::now()));
        }
        self.report_autosave(saved);
    }

    fn report_autosave(&mut self, saved: Result<Saved, storage::StorageError>) {
        match saved {
            Ok(Saved::Sidecar {
                moved_from: Some(from),
            }) => {
                let to = self
                    .article
                    .as_ref()
                    .map(|a| file_name(a.autosave.sidecar()))
                    .unwrap_or_default();
                let msg = format!(
                    "{} was changed by another window or program; it is left as it is and this window's work now goes to {to}",
                    file_name(&from),
                );
                self.say_pinned(Severity::Warning, msg);
            }
            Ok(_) => {}
            Err(e) => {
                let msg =
                    format!("Autosave failed: {e}. Your work is still open; export it to keep it.");
                self.say_pinned(Severity::Error, msg);
            }
        }
    }

    /// Saves everything: a note or person attributes still being typed, then the whole
    /// sidecar.
    fn flush_autosave(&mut self) {
        if let Some(a) = &self.article {
            for cmd in self.facts.take_unsaved(a) {
                self.apply(cmd);
            }
        }
        self.retry_lexicon();
        let Some(a) = &mut self.article else { return };
        let saved = a.autosave.flush(&a.session);
        self.report_autosave(saved);
    }

    /// True when every change is on disk (in the sidecar, or in its journal until the
    /// sidecar is next rewritten): a crash now loses nothing.
    #[must_use]
    pub fn is_saved(&self) -> bool {
        self.article
            .as_ref()
            .is_none_or(|a| a.autosave.is_durable(&a.session))
    }

    /// Sets when sidecars are rewritten whole and when changes are journaled first, for
    /// the open article and the ones opened later.
    pub fn set_autosave_policy(&mut self, policy: AutosavePolicy) {
        self.autosave_policy = policy;
        if let Some(a) = &mut self.article {
            a.autosave.set_policy(policy);
        }
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(p) = dropped.into_iter().next() {
            self.queue.push(Command::OpenPath(p));
        }
        // Esc answers a prompt: keep working, do not overwrite
        if (self.close_prompt || self.overwrite_prompt.is_some())
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.queue.push(if self.overwrite_prompt.is_some() {
                Command::CancelOverwrite
            } else {
                Command::KeepOpen
            });
        }
        // while a prompt is up, letter keys do not review annotations behind it
        let typing =
            ctx.egui_wants_keyboard_input() || self.close_prompt || self.overwrite_prompt.is_some();
        let mut candidates = Command::global_shortcuts();
        if typing {
            // Ctrl+Z in a text field belongs to the field, not to the annotation history.
            candidates.retain(|c| !matches!(c, Command::Undo | Command::Redo));
        } else {
            candidates.extend(Command::plain_key_commands());
        }
        if egui::Popup::is_any_open(ctx) {
            // Esc closes the open menu or list (egui reads it there) before it clears the
            // selection
            candidates.retain(|c| *c != Command::ClearSelection);
        }
        // Ctrl+= is where Ctrl++ sits on most keyboards.
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Equals)) {
            self.queue.push(Command::ZoomIn);
        }
        for cmd in candidates {
            if let Some(sc) = cmd.shortcut() {
                // every press counts, even several within one frame (fast review)
                let presses =
                    ctx.input_mut(|i| i.count_and_consume_key(sc.modifiers, sc.logical_key));
                self.queue.extend(std::iter::repeat_n(cmd, presses));
            }
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            self.flush_autosave();
            self.hold_close_for_prompt(ctx);
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                let open = self.article.is_some();
                let in_folder = self.corpus.is_some();
                for cmd in Command::FILE_MENU {
                    if matches!(cmd, Command::OpenFolderDialog | Command::ExportDialog) {
                        ui.separator();
                    }
                    if matches!(cmd, Command::NextArticle | Command::PreviousArticle) {
                        command_button(ui, &cmd, in_folder, &mut self.queue);
                        continue;
                    }
                    if cmd == Command::Quit {
                        ui.menu_button("Reload as", |ui| {
                            for enc in Command::RELOAD_ENCODINGS {
                                command_button(ui, &Command::ReloadAs(enc), open, &mut self.queue);
                            }
                        });
                        ui.separator();
                    }
                    command_button(ui, &cmd, true, &mut self.queue);
                }
            });
            ui.menu_button("Edit", |ui| {
                let (can_undo, can_redo) = self
                    .session()
                    .map_or((false, false), |s| (s.can_undo(), s.can_redo()));
                for cmd in Command::EDIT_MENU {
                    let enabled = match cmd {
                        Command::Undo => can_undo,
                        Command::Redo => can_redo,
                        Command::AcceptFocused
                        | Command::RejectFocused
                        | Command::DeleteFocused => self.view.focused().is_some(),
                        _ => true,
                    };
                    command_button(ui, &cmd, enabled, &mut self.queue);
                }
            });
            ui.menu_button("View", |ui| {
                for cmd in Command::view_menu() {
                    let selected = match &cmd {
                        Command::SetTheme(t) => *t == self.settings.theme,
                        Command::SetLineSpacing(i) => Settings::LINE_SPACINGS
                            .get(*i)
                            .is_some_and(|(_, v)| (*v - self.settings.line_spacing).abs() < 0.01),
                        _ => false,
                    };
                    if matches!(
                        cmd,
                        Command::SetLineSpacing(0) | Command::SetTheme(Theme::System)
                    ) {
                        ui.separator();
                    }
                    selectable_command_button(ui, cmd, selected, &mut self.queue);
                }
                ui.separator();
                let facts = self.panels.facts_visible();
                selectable_command_button(ui, Command::ToggleFactsPanel, facts, &mut self.queue);
                ui.separator();
                ui.menu_button("Font", |ui| {
                    // listed once per run (the font files are read on the first opening)
                    let installed = self.engine.installed_arabic_families().to_vec();
                    for cmd in Command::font_menu(&installed) {
                        let selected =
                            matches!(&cmd, Command::SetFont(f) if *f == self.settings.font_family);
                        selectable_command_button(ui, cmd, selected, &mut self.queue);
                    }
                    if installed.is_empty() {
                        ui.weak("No installed font covers Arabic");
                    }
                });
            });
            ui.menu_button("Project", |ui| {
                let open = self.article.is_some();
                let done = self
                    .article
                    .as_ref()
                    .is_some_and(|a| live_progress(&a.session).is_done());
                let mut button = egui::Button::selectable(done, Command::ToggleDone.title());
                if let Some(sc) = Command::ToggleDone.shortcut() {
                    button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
                }
                if ui
                    .add_enabled(open, button)
                    .on_hover_text(Command::ToggleDone.tooltip())
                    .clicked()
                {
                    self.queue.push(Command::ToggleDone);
                    ui.close();
                }
                ui.separator();
                command_button(ui, &Command::ShowLearnedNames, true, &mut self.queue);
                let learning = self
                    .article
                    .as_ref()
                    .is_none_or(|a| a.lexicon.lexicon().learning());
                let mut on = learning;
                if ui
                    .add_enabled(open, egui::Checkbox::new(&mut on, "Learn from decisions"))
                    .on_hover_text(Command::SetLearning(!learning).tooltip())
                    .changed()
                {
                    self.queue.push(Command::SetLearning(on));
                    ui.close();
                }
            });
            ui.menu_button("Label", |ui| {
                let has_sel = self.view.selection().is_some();
                for label in Label::ALL {
                    command_button(
                        ui,
                        &Command::LabelSelection(label),
                        has_sel,
                        &mut self.queue,
                    );
                }
            });
            ui.menu_button("Help", |ui| {
                command_button(ui, &Command::ShowAbout, true, &mut self.queue);
            });
        });
    }

    fn status_bar(&mut self, ui: &mut Ui) {
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
                ui.label(format!("{} chars", doc.char_len()));
                ui.separator();
                ui.label(format!(
                    "{pending} pending · {accepted} accepted · {rejected} rejected"
                ));
                ui.separator();
                let saved = a.autosave.is_durable(&a.session);
                let sidecar = a.autosave.sidecar().display().to_string();
                let engine = &mut self.engine;
                ui.label(if saved { "✔ saved" } else { "• unsaved" })
                    .on_hover_ui(|ui| {
                        ui.label(if saved {
                            "Every change is saved automatically to"
                        } else {
                            "Not saved: the last save failed (see the status line; it is tried again with every change, and Export keeps your work elsewhere). Work goes to"
                        });
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
                    ui.label(format!("selection {s}–{e}"));
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

/// Folder mode and closing with changes not exported.
impl TaliqApp {
    /// Opens a folder of articles: lists them in the side panel and opens the first one
    /// not done (or keeps the open article if it is in that folder).
    fn open_folder(&mut self, dir: &Path) {
        let panel = match CorpusPanel::open(dir) {
            Ok(p) => p,
            Err(e) => {
                self.say(Severity::Error, format!("Could not open the folder: {e}"));
                return;
            }
        };
        let corpus = panel.corpus();
        let (n, done) = (corpus.articles.len(), corpus.done_count());
        let keep = self
            .article
            .as_ref()
            .is_some_and(|a| corpus.position(&a.path).is_some());
        let first = corpus
            .first_to_open()
            .map(|i| corpus.articles[i].path.clone());
        self.corpus = Some(panel);
        let Some(first) = first else {
            self.say(
                Severity::Warning,
                "This folder holds no articles (.txt, .html or .docx files)",
            );
            return;
        };
        if !keep {
            self.open(&first, None);
            self.note_open_result(&first);
        }
        let (severity, opened) = self
            .status()
            .map_or((Severity::Info, String::new()), |(s, m)| (s, m.to_owned()));
        // the folder's count and what opening its first article said, together
        self.line.release();
        self.say(
            severity,
            format!("Folder of {n} article(s), {done} done. {opened}"),
        );
        self.refresh_corpus();
    }

    /// Marks `path` in the article list as unopenable (with the status line's reason)
    /// when it is not the open article after an attempt to open it, or clears the mark.
    fn note_open_result(&mut self, path: &Path) {
        let opened = self.article.as_ref().is_some_and(|a| a.path == path);
        // the row names the file: its folder is left out of the reason
        let why = (!opened).then(|| {
            let msg = self.status().map(|(_, m)| m.to_owned()).unwrap_or_default();
            msg.replace(&path.display().to_string(), &file_name(path))
        });
        if let Some(panel) = &mut self.corpus {
            panel.note_open_result(path, why);
        }
    }

    /// Lists the open folder again (after a switch or a save elsewhere).
    fn refresh_corpus(&mut self) {
        if let Some(panel) = &mut self.corpus
            && let Err(e) = panel.rescan()
        {
            self.say(
                Severity::Warning,
                format!("The article list is not up to date: {e}"),
            );
        }
    }

    /// Saves the open article, then opens the next (or previous) article of the folder;
    /// articles that cannot be opened are skipped and named.
    fn step_article(&mut self, forward: bool) {
        if self.corpus.is_none() {
            self.say(
                Severity::Info,
                "Open a folder of articles first: File ▸ Open folder… (or drop a folder on the window)",
            );
            return;
        }
        self.flush_autosave();
        self.refresh_corpus();
        let Some(panel) = &self.corpus else { return };
        let corpus = panel.corpus();
        let here = self.article.as_ref().and_then(|a| corpus.position(&a.path));
        let candidates: Vec<PathBuf> = corpus
            .neighbours(here, forward)
            .into_iter()
            .map(|i| corpus.articles[i].path.clone())
            .collect();
        let mut skipped: Vec<String> = Vec::new();
        for path in candidates {
            self.open(&path, None);
            self.note_open_result(&path);
            if self.article.as_ref().is_some_and(|a| a.path == path) {
                if !skipped.is_empty()
                    && let Some((sev, msg, _)) = &mut self.line.shown
                {
                    *sev = Severity::Warning;
                    let _ = write!(msg, "; skipped: {}", skipped.join("; "));
                }
                self.refresh_corpus();
                return;
            }
            skipped.push(self.status().map(|(_, m)| m.to_owned()).unwrap_or_default());
        }
        if skipped.is_empty() {
            let msg = if forward {
                "This is the last article of the folder"
            } else {
                "This is the first article of the folder"
            };
            self.say(Severity::Info, msg);
        } else {
            self.say(Severity::Error, skipped.join("; "));
        }
    }

    /// Every article changed in this run and not exported since, the open one first.
    fn all_unexported(&self) -> Vec<Unexported> {
        let current = self.article.as_ref().and_then(OpenArticle::unexported);
        current
            .into_iter()
            .chain(self.unexported.iter().cloned())
            .collect()
    }

    /// Exports every changed article (see [`Command::ExportChanged`]): the open one from
    /// its session, the others from their sidecars (which are in the export format).
    /// Returns false when any export failed (each failure is named in the status line).
    /// Adds the open folder's other articles whose saved work (from this run or an earlier
    /// one) is not in their last export (see [`ExportLog`]) to the unexported list, so
    /// that closing asks about them and Export changed articles writes them.
    fn note_folder_unexported(&mut self) {
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

    fn export_changed(&mut self) -> bool {
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
    fn hold_close_for_prompt(&mut self, ctx: &egui::Context) {
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

    fn close_prompt_ui(&mut self, ui: &Ui, out: &mut Vec<Command>) {
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
                    Command::ConfirmClose(true),
                    Command::ConfirmClose(false),
                    Command::KeepOpen,
                ] {
                    if ui.button(cmd.title()).on_hover_text(cmd.tooltip()).clicked() {
                        out.push(cmd);
                    }
                }
            });
            ui.weak("Closing the window again closes it without asking.");
        });
        if modal.should_close() {
            out.push(Command::KeepOpen);
        }
    }
}

impl eframe::App for TaliqApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.handle_input(&ctx);
        for cmd in std::mem::take(&mut self.queue) {
            self.apply(cmd);
        }
        self.autosave_tick();
        let title = self.article.as_ref().map_or_else(
            || "Taliq".to_owned(),
            |a| format!("{} — Taliq", a.session.document().source_name()),
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
                    ui.label(
                        "Open an article with File › Open (Ctrl+O) or drop a file on the window",
                    );
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

/// The prompt shown before an export overwrites `path`, which holds `conflict`: overwrite
/// it, export to the article's own name `own` instead (when that is another file), or
/// cancel.
fn overwrite_prompt_ui(
    ui: &Ui,
    engine: &mut TextEngine,
    path: &Path,
    conflict: &taliq_core::workspace::export_log::ExportConflict,
    own: Option<PathBuf>,
    out: &mut Vec<Command>,
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
                out.push(Command::ExportOverwrite(path.to_path_buf()));
            }
            if let Some(own) = own.filter(|o| o != path) {
                let title = format!("Export to {} instead", file_name(&own));
                if ui.button(title).clicked() {
                    out.push(Command::CancelOverwrite);
                    out.push(Command::ExportTo(own));
                }
            }
            if ui.button("Cancel").clicked() {
                out.push(Command::CancelOverwrite);
            }
        });
    });
    if modal.should_close() {
        out.push(Command::CancelOverwrite);
    }
}

/// A menu entry for `cmd`, with its shortcut and tooltip.
pub(super) fn command_button(ui: &mut Ui, cmd: &Command, enabled: bool, out: &mut Vec<Command>) {
    let mut button = egui::Button::new(cmd.title());
    if let Some(sc) = cmd.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(cmd.tooltip())
        .clicked()
    {
        out.push(cmd.clone());
        ui.close();
    }
}

/// A View menu entry for a setting, ticked when `selected`.
fn selectable_command_button(ui: &mut Ui, cmd: Command, selected: bool, out: &mut Vec<Command>) {
    let mut button = egui::Button::selectable(selected, cmd.title());
    if let Some(sc) = cmd.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
    }
    if ui.add(button).on_hover_text(cmd.tooltip()).clicked() {
        out.push(cmd);
        ui.close();
    }
}

/// A label's highlight colour with the given alpha (0–255).
#[must_use]
pub(super) fn label_color(label: Label, alpha: u8) -> Color32 {
    let [r, g, b] = label.rgb();
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The progress of the open article from its session: its decisions and its mark.
fn live_progress(session: &Session) -> Progress {
    Progress::from_decisions(session.annotations().iter().map(|x| (x.status, x.origin)))
        .with_mark(session.done())
}

/// The char spans of the mentions of `surface` as `label` in `text`, clitic-aware (as
/// the project lexicon matches a learned name: [`taliq_core::extract::lexicon::matches_in`]).
fn mentions_of(text: &str, surface: &str, label: Label) -> Vec<(usize, usize)> {
    let mut only = ProjectLexicon::new();
    only.set_rule(surface, label, taliq_core::extract::lexicon::Rule::Always);
    taliq_core::extract::lexicon::matches_in(text, &only)
        .into_iter()
        .map(|(s, e, _)| (s, e))
        .collect()
}
