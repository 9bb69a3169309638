//! The application: holds the open article, applies [`Command`]s, autosaves, and lays out
//! the panels.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use egui::{Color32, Ui};

use crate::annotation::{Entity, Origin, Status};
use crate::document::Document;
use crate::extract::ProjectLexicon;
use crate::journal::{AutosavePolicy, Autosaver, Saved};
use crate::label::Label;
use crate::session::{Edit, Session};
use crate::settings::{Settings, Theme};
use crate::span::Span;
use crate::storage;
use crate::text::{SystemFonts, TextEngine, TextStyle};

use super::article::ArticleView;
use super::command::Command;
use super::facts::FactsPanel;

/// How serious a status-line message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Something happened as asked.
    Info,
    /// Done, but the user should know something.
    Warning,
    /// Not done.
    Error,
}

/// An open article: the session and where its work is saved.
pub(super) struct OpenArticle {
    pub session: Session,
    pub path: PathBuf,
    /// Where and when the work is saved (sidecar and journal, see [`crate::journal`]).
    autosave: Autosaver,
    exported_revision: Option<u64>,
    /// The project lexicon of the article's folder and its file; `None` for the file
    /// when it could not be read (it is then never overwritten).
    lexicon: ProjectLexicon,
    lexicon_file: Option<PathBuf>,
    /// Cached entity grouping and the session revision it was computed at.
    entities: (u64, Vec<Entity>),
}

impl OpenArticle {
    pub fn entities(&mut self) -> &[Entity] {
        if self.entities.0 != self.session.revision() {
            self.entities = (self.session.revision(), self.session.entities());
        }
        &self.entities.1
    }
}

/// The Taliq application state. Create it with [`TaliqApp::new`] and hand it to eframe (or
/// to egui_kittest in tests).
pub struct TaliqApp {
    engine: TextEngine,
    article: Option<OpenArticle>,
    view: ArticleView,
    facts: FactsPanel,
    status: Option<(Severity, String, Instant)>,
    queue: Vec<Command>,
    title_shown: String,
    ctx: egui::Context,
    settings: Settings,
    /// Where settings are kept; `None` keeps them for this run only (tests).
    settings_path: Option<PathBuf>,
    /// When sidecars are rewritten whole and when changes are journaled first.
    autosave_policy: AutosavePolicy,
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
        let mut app = TaliqApp {
            engine: TextEngine::new(system_fonts),
            article: None,
            view: ArticleView::default(),
            facts: FactsPanel::default(),
            status: None,
            queue: Vec::new(),
            title_shown: String::new(),
            ctx: ctx.clone(),
            settings,
            settings_path,
            autosave_policy: AutosavePolicy::default(),
        };
        app.apply_theme();
        if let Some(p) = path {
            app.apply(Command::OpenPath(p));
        }
        if let Some(msg) = settings_problem {
            app.say(Severity::Warning, msg);
        }
        app
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
        self.status.as_ref().map(|(s, m, _)| (*s, m.as_str()))
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

    /// Queues a command to run at the start of the next frame.
    pub fn queue(&mut self, cmd: Command) {
        self.queue.push(cmd);
    }

    fn say(&mut self, severity: Severity, msg: impl Into<String>) {
        self.status = Some((severity, msg.into(), Instant::now()));
    }

    /// Carries out one command. This is the only place that changes the session.
    pub fn apply(&mut self, cmd: Command) {
        match cmd {
            Command::OpenDialog => {
                let shown_at = Instant::now();
                let picked = rfd::FileDialog::new()
                    .set_title("Open an Arabic article")
                    .add_filter("Articles", &["txt", "text", "md", "html", "htm"])
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
            Command::OpenPath(p) => self.open(&p, None),
            Command::ReloadAs(enc) => match self.article.as_ref().map(|a| a.path.clone()) {
                Some(p) => self.open(&p, Some(enc)),
                None => self.say(Severity::Warning, "Open an article first"),
            },
            Command::ExportDialog => {
                let Some(a) = &self.article else {
                    self.say(Severity::Warning, "Open an article first");
                    return;
                };
                let stem = a
                    .path
                    .file_stem()
                    .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
                let dir = a.path.parent().map(Path::to_path_buf);
                let mut dialog = rfd::FileDialog::new()
                    .set_title("Export annotations as JSON")
                    .set_file_name(format!("{stem}.annotations.json"))
                    .add_filter("JSON", &["json"]);
                if let Some(d) = dir {
                    dialog = dialog.set_directory(d);
                }
                let shown_at = Instant::now();
                match dialog.save_file() {
                    Some(p) => self.apply(Command::ExportTo(p)),
                    None => self.dialog_unavailable(
                        shown_at,
                        "use `taliq extract FILE` or copy the autosaved sidecar",
                    ),
                }
            }
            Command::ExportTo(p) => self.export(&p),
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
                self.edit(Edit::SetStatus {
                    id,
                    status: Status::Accepted,
                });
                self.learn(&[id]);
            }
            Command::Reject(id) => {
                self.edit(Edit::SetStatus {
                    id,
                    status: Status::Rejected,
                });
                self.learn(&[id]);
            }
            Command::Relabel(id, label) => {
                self.edit(Edit::Batch(vec![
                    Edit::SetLabel { id, label },
                    Edit::SetStatus {
                        id,
                        status: Status::Accepted,
                    },
                ]));
                self.learn(&[id]);
            }
            Command::Delete(id) => {
                self.edit(Edit::Remove(id));
                self.view.unfocus(id);
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
            Command::AcceptFocused | Command::RejectFocused | Command::DeleteFocused => {
                let Some(id) = self.view.focused() else {
                    self.say(
                        Severity::Info,
                        "Click an annotation first, or press N for the next suggestion",
                    );
                    return;
                };
                let manual = self
                    .session()
                    .and_then(|s| s.get(id))
                    .is_some_and(|a| a.origin == Origin::Manual);
                match cmd {
                    Command::AcceptFocused => self.apply(Command::Accept(id)),
                    Command::DeleteFocused if manual => self.apply(Command::Delete(id)),
                    _ => self.apply(Command::Reject(id)),
                }
                // review flow: move on to the next suggestion that awaits a decision
                self.step_pending(true, false);
            }
            Command::Find => self.view.open_find(),
            Command::FindNext | Command::FindPrevious => {
                if let Some(msg) = self.view.step_find(cmd == Command::FindNext) {
                    self.say(Severity::Info, msg);
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
            Command::NextPending => self.step_pending(true, true),
            Command::PreviousPending => self.step_pending(false, true),
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
        // Work journaled but not yet in a sidecar when Taliq was killed goes in first.
        let mut notes = crate::journal::recover(path);
        // An encoding chosen earlier with "Reload as" is remembered in the saved work:
        // when detection gives another text, decode as the work was annotated.
        let doc = if encoding.is_none() {
            remembered_encoding(path, doc)
        } else {
            doc
        };
        if doc.replacements() > 0 {
            notes.push(format!(
                "{} invalid byte sequence(s) in the file were replaced by � (decoded as {})",
                doc.replacements(),
                doc.encoding()
            ));
        }
        // The project lexicon of this folder: names taught by accepting, suggestions
        // unlearned by rejecting, applied to every article opened afterwards.
        let lexicon_path = path.with_file_name(LEXICON_FILE);
        let (lexicon, lexicon_file) = match ProjectLexicon::load(&lexicon_path) {
            Ok(l) => (l, Some(lexicon_path)),
            Err(e) if !lexicon_path.exists() => {
                let _ = e;
                (ProjectLexicon::new(), Some(lexicon_path))
            }
            Err(e) => {
                notes.push(format!("{e}; the project lexicon is not used or changed"));
                (ProjectLexicon::new(), None)
            }
        };
        let controls = doc.bidi_controls().len();
        if controls > 0 {
            notes.push(format!(
                "the text holds {controls} invisible bidi control character(s) (U+202A–202E, U+2066–2069) that can make it display differently from what it says; they are marked in red"
            ));
        }
        let regular = storage::sidecar_path(path);
        // Where new work is written: the regular sidecar, unless it is damaged or belongs to
        // an older text that cannot be moved aside.
        let mut sidecar = regular.clone();
        // Work written for an earlier version of this text, to carry over.
        let mut earlier: Option<crate::export::ExportFile> = None;
        match storage::read_sidecar(&regular) {
            Ok(Some(file)) if file.document.sha256 != doc.sha256() => {
                // The text changed since this sidecar was written: keep the old work as a
                // backup (it is found again if the text comes back) and carry its
                // annotations over to the new text below.
                if encoding.is_none() {
                    earlier = Some(file.clone());
                }
                let backup = backup_path(&regular, &file.document.sha256);
                match std::fs::copy(&regular, &backup)
                    .and_then(|_| std::fs::remove_file(&regular))
                {
                    Ok(()) if encoding.is_some() => notes.push(format!(
                        "decoding as {} gives another text; the {} annotation(s) made on the {} text are kept in {} and come back if you reload as {}",
                        doc.encoding(),
                        file.annotations.len(),
                        file.document.encoding,
                        file_name(&backup),
                        file.document.encoding
                    )),
                    Ok(()) => notes.push(format!(
                        "the article text changed since it was annotated; the {} earlier annotation(s) are kept in {}",
                        file.annotations.len(),
                        file_name(&backup)
                    )),
                    Err(e) => {
                        sidecar = storage::alternative_sidecar_path(path);
                        notes.push(format!(
                            "the article text changed and {} could not be backed up ({e}); it is left untouched and new work goes to {}",
                            file_name(&regular),
                            file_name(&sidecar)
                        ));
                    }
                }
            }
            Ok(_) => {}
            Err(e) => {
                sidecar = storage::alternative_sidecar_path(path);
                notes.push(format!("{e}; new work goes to {}", file_name(&sidecar)));
            }
        }
        // Where earlier work comes from: the newest file written for exactly this text,
        // be it the sidecar, an alternative or a backup.
        let session = match storage::find_saved_work(path, doc.sha256()) {
            Some((source, file)) => match Session::restore(doc.clone(), &file) {
                Ok(s) => {
                    notes.push(format!(
                        "restored {} annotation(s) from {}",
                        s.annotations().len(),
                        file_name(&source)
                    ));
                    if source != regular && !is_backup(&source) {
                        sidecar = source; // keep writing where the work already is
                    }
                    s
                }
                Err(e) => {
                    if source == sidecar {
                        sidecar = storage::alternative_sidecar_path(path);
                    }
                    notes.push(format!(
                        "{} could not be restored ({e}); it is kept untouched and new work goes to {}",
                        file_name(&source),
                        file_name(&sidecar)
                    ));
                    Session::with_extraction_using(doc, &lexicon)
                }
            },
            None => match earlier {
                Some(old) => {
                    let r = crate::reanchor::reanchor(&old, &doc);
                    let mut note = format!(
                        "{} of {} annotation(s) were carried over to the changed text",
                        r.placed.len(),
                        old.annotations.len()
                    );
                    if !r.lost.is_empty() {
                        let lost: Vec<String> = r
                            .lost
                            .iter()
                            .take(5)
                            .map(|a| format!("“{}” ({})", a.text, a.label))
                            .collect();
                        let _ = write!(
                            note,
                            "; {} could not be placed: {}{}",
                            r.lost.len(),
                            lost.join(", "),
                            if r.lost.len() > 5 { ", …" } else { "" }
                        );
                    }
                    notes.push(note);
                    Session::reanchored(doc, r.placed, &lexicon)
                }
                None => Session::with_extraction_using(doc, &lexicon),
            },
        };
        let n = session.annotations().len();
        self.article = Some(OpenArticle {
            lexicon,
            lexicon_file,
            autosave: Autosaver::new(path, sidecar, self.autosave_policy),
            exported_revision: None,
            entities: (u64::MAX, Vec::new()),
            session,
            path: path.to_path_buf(),
        });
        self.view = ArticleView::default();
        self.facts = FactsPanel::default();
        let severity = if notes
            .iter()
            .any(|n| !(n.starts_with("restored") || n.starts_with("recovered")))
        {
            Severity::Warning
        } else {
            Severity::Info
        };
        let mut msg = format!("Opened {} ({n} annotations)", file_name(path));
        for note in notes {
            msg.push_str("; ");
            msg.push_str(&note);
        }
        self.say(severity, msg);
        self.autosave();
    }

    /// A native dialog that returns at once without a choice was never shown (no
    /// xdg-desktop-portal, say); a person cancelling takes longer. Tell the user what to do.
    fn dialog_unavailable(&mut self, shown_at: Instant, instead: &str) {
        if shown_at.elapsed() < std::time::Duration::from_millis(150) {
            self.say(
                Severity::Warning,
                format!("The system file dialog is not available here; {instead}"),
            );
        }
    }

    fn export(&mut self, path: &Path) {
        let Some(a) = &mut self.article else {
            self.say(Severity::Warning, "Open an article first");
            return;
        };
        let json = a.session.to_export().to_json();
        match storage::write_atomic(path, json.as_bytes()) {
            Ok(()) => {
                a.exported_revision = Some(a.session.revision());
                let n = a.session.annotations().len();
                self.say(
                    Severity::Info,
                    format!("Exported {n} annotations to {}", path.display()),
                );
            }
            Err(e) => self.say(Severity::Error, format!("Export failed: {e}")),
        }
    }

    fn edit(&mut self, edit: Edit) {
        let Some(a) = &mut self.article else { return };
        match a.session.apply(edit) {
            Ok(()) => self.autosave(),
            Err(e) => self.say(Severity::Error, format!("Not done: {e}")),
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let Some(a) = &mut self.article else { return };
        let done = if undo {
            a.session.undo()
        } else {
            a.session.redo()
        };
        if done {
            self.autosave();
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
        self.edit(Edit::Batch(ids.iter().copied().map(make).collect()));
        self.learn(&ids);
    }

    /// Focuses the next (or previous) pending suggestion after the focused annotation, in
    /// text order, wrapping around. `announce_none` says so when none is left.
    fn step_pending(&mut self, forward: bool, announce_none: bool) {
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
                self.say(Severity::Info, format!("{left} suggestion(s) await review"));
            }
            None if announce_none => self.say(Severity::Info, "No suggestion awaits review"),
            None => self.say(Severity::Info, "All suggestions reviewed"),
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
            self.say(
                Severity::Info,
                format!("Mention {} of {} ({})", next + 1, e.mentions.len(), e.label),
            );
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
        // Annotation is flat (guideline rule 6): the annotator's span replaces pending
        // suggestions it overlaps; overlaps with accepted ones are pointed out. QUOTE is
        // its own layer and overlaps freely.
        let mut replaced = 0;
        let mut clashes = Vec::new();
        if label != Label::Quote {
            for other in a.session.annotations() {
                if other.id == id
                    || other.label == Label::Quote
                    || other.status == Status::Rejected
                    || !other.span.overlaps(span)
                {
                    continue;
                }
                if other.status == Status::Pending {
                    edits.push(Edit::SetStatus {
                        id: other.id,
                        status: Status::Rejected,
                    });
                    replaced += 1;
                } else {
                    clashes.push(other.label.as_str());
                }
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
        self.edit(edit);
        self.learn(&[id]);
        self.view.clear();
        self.view.focus(id, span, vec![], None);
        let mut msg = format!("Labelled “{text}” as {label}");
        if replaced > 0 {
            let _ = write!(msg, "; it replaces {replaced} overlapping suggestion(s)");
        }
        if clashes.is_empty() {
            self.say(Severity::Info, msg);
        } else {
            let _ = write!(
                msg,
                "; it overlaps accepted {} (annotation is flat: reject one of them)",
                clashes.join(", ")
            );
            self.say(Severity::Warning, msg);
        }
    }

    /// Teaches the project lexicon the annotator's decisions on these annotations:
    /// accepted ones become learned names, rejected ones are not suggested again. The
    /// lexicon file is rewritten (atomically) when it changed.
    fn learn(&mut self, ids: &[u64]) {
        let Some(a) = &mut self.article else { return };
        let mut changed = false;
        for id in ids {
            let Some(ann) = a.session.get(*id) else {
                continue;
            };
            let text = a.session.document().slice(ann.span.start(), ann.span.end());
            changed |= match ann.status {
                Status::Accepted => a.lexicon.learn_accepted(text, ann.label, &ann.canonical),
                Status::Rejected => a.lexicon.learn_rejected(text, ann.label),
                Status::Pending => false,
            };
        }
        if changed
            && let Some(path) = &a.lexicon_file
            && let Err(e) = a.lexicon.save(path)
        {
            let msg = format!("The project lexicon was not saved: {e}");
            self.say(Severity::Warning, msg);
        }
    }

    /// Saves the session after a change: on disk before this returns, to the sidecar or,
    /// for big documents, to its journal (see [`crate::journal`]). Failures are shown and
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
                self.say(Severity::Warning, msg);
            }
            Ok(_) => {}
            Err(e) => {
                let msg =
                    format!("Autosave failed: {e}. Your work is still open; export it to keep it.");
                self.say(Severity::Error, msg);
            }
        }
    }

    /// Saves everything: a note still being typed, then the whole sidecar.
    fn flush_autosave(&mut self) {
        if let Some(a) = &self.article
            && let Some(cmd) = self.facts.take_unsaved_note(a)
        {
            self.apply(cmd);
        }
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
        let typing = ctx.egui_wants_keyboard_input();
        let mut candidates = Command::global_shortcuts();
        if typing {
            // Ctrl+Z in a text field belongs to the field, not to the annotation history.
            candidates.retain(|c| !matches!(c, Command::Undo | Command::Redo));
        } else {
            candidates.extend(Command::plain_key_commands());
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
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                let open = self.article.is_some();
                for cmd in Command::FILE_MENU {
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
                    let mut button = egui::Button::selectable(selected, cmd.title());
                    if let Some(sc) = cmd.shortcut() {
                        button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
                    }
                    if ui.add(button).on_hover_text(cmd.tooltip()).clicked() {
                        self.queue.push(cmd);
                        ui.close();
                    }
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
        });
    }

    fn status_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            if let Some(a) = &self.article {
                let doc = a.session.document();
                let anns = a.session.annotations();
                let count = |s: Status| anns.iter().filter(|x| x.status == s).count();
                let name = doc.source_name().to_owned();
                let color = ui.visuals().text_color();
                let w = self
                    .engine
                    .layout(&name, &TextStyle::ui(), None, ui.ctx().pixels_per_point())
                    .width
                    / ui.ctx().pixels_per_point();
                ui.allocate_ui(egui::vec2(w + 2.0, 20.0), |ui| {
                    self.engine
                        .label(ui, &name, &TextStyle::ui(), color, egui::Sense::hover());
                });
                ui.separator();
                ui.label(doc.encoding());
                ui.separator();
                ui.label(format!("{} chars", doc.char_len()));
                ui.separator();
                ui.label(format!(
                    "{} pending · {} accepted · {} rejected",
                    count(Status::Pending),
                    count(Status::Accepted),
                    count(Status::Rejected)
                ));
                ui.separator();
                let saved = a.autosave.is_durable(&a.session);
                let sidecar = a.autosave.sidecar().display().to_string();
                let engine = &mut self.engine;
                ui.label(if saved { "✔ saved" } else { "• unsaved" })
                    .on_hover_ui(|ui| {
                        ui.label("Every change is saved automatically to");
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
            if let Some((sev, msg, _)) = &self.status {
                let color = match sev {
                    Severity::Info => ui.visuals().text_color(),
                    Severity::Warning => ui.visuals().warn_fg_color,
                    Severity::Error => ui.visuals().error_fg_color,
                };
                // Messages may quote Arabic text or file names: they go through the engine.
                let (resp, cut) = self.engine.label_line(ui, msg, &TextStyle::ui(), color);
                if cut {
                    let engine = &mut self.engine;
                    resp.on_hover_ui(|ui| {
                        ui.set_max_width(600.0);
                        engine.label(ui, msg, &TextStyle::ui(), color, egui::Sense::hover());
                    });
                }
            }
        });
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
        egui::Panel::left("facts")
            .default_size(380.0)
            .size_range(300.0..=700.0)
            .show(ui, |ui| {
                self.facts.ui(
                    ui,
                    &mut self.engine,
                    self.article.as_mut(),
                    &self.view,
                    &mut cmds,
                );
            });
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

/// The document decoded as the newest saved work for `path` was: when that work was
/// written for another text and its recorded encoding reproduces that text exactly, the
/// file is decoded with it ("Reload as" is remembered); otherwise `doc` as detected.
fn remembered_encoding(path: &Path, doc: Document) -> Document {
    for candidate in storage::sidecar_candidates(path) {
        let Ok(Some(file)) = storage::read_sidecar(&candidate) else {
            continue;
        };
        if file.document.sha256 == doc.sha256() {
            return doc;
        }
        let label = file.document.encoding.split(' ').next().unwrap_or("");
        if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes())
            && let Ok(other) = Document::load_as(path, Some(enc))
            && other.sha256() == file.document.sha256
        {
            return other;
        }
    }
    doc
}

/// File name of the project lexicon kept in an article's folder (see
/// [`crate::extract::lexicon`] for its format).
pub const LEXICON_FILE: &str = "taliq-lexicon.txt";

fn is_backup(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("bak"))
}

fn backup_path(sidecar: &Path, old_sha: &str) -> PathBuf {
    let name = file_name(sidecar);
    let short = old_sha.get(..8).unwrap_or(old_sha);
    sidecar.with_file_name(format!("{name}.{short}.bak"))
}
