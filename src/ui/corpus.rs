//! The article list of an open folder (corpus mode): every article with its progress, the
//! open one marked, previous / next buttons. Clicking an article opens it. The listing
//! and progress come from [`taliq_core::workspace::corpus`]; this panel only shows them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Color32, RichText, Role, Sense, Ui, WidgetInfo};

use taliq_core::workspace::corpus::{Article, Corpus, CorpusError, Progress, ProgressCache};
use taliq_text::{TextEngine, TextStyle};

use super::action::{Action, UiCommand};
use super::words::corpus as words;

/// How often the folder is listed again while it is open, to show articles added or
/// annotated elsewhere (sidecars that did not change are not read again).
const RESCAN_EVERY: Duration = Duration::from_secs(3);

/// An open folder and its article list.
pub(super) struct CorpusPanel {
    corpus: Corpus,
    cache: ProgressCache,
    scanned_at: Instant,
    /// Scroll the open article into view on the next frame (after switching).
    reveal_current: bool,
    /// Articles that could not be opened in this run, with the reason.
    /// The articles tried in this run: why one could not be opened (`None`: it opened,
    /// whatever a look at the file said).
    tried: HashMap<PathBuf, Option<String>>,
}

impl CorpusPanel {
    /// Lists `dir`.
    pub(super) fn open(dir: &Path) -> Result<CorpusPanel, CorpusError> {
        let mut cache = ProgressCache::default();
        let corpus = Corpus::scan(dir, &mut cache)?;
        Ok(CorpusPanel {
            corpus,
            cache,
            scanned_at: Instant::now(),
            reveal_current: true,
            tried: HashMap::new(),
        })
    }

    /// The folder's articles as last listed.
    pub(super) fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// Lists the folder again now (after a switch, so the article left shows its saved
    /// progress), and scrolls the open article into view.
    pub(super) fn rescan(&mut self) -> Result<(), CorpusError> {
        self.scanned_at = Instant::now();
        self.reveal_current = true;
        self.corpus = Corpus::scan(&self.corpus.dir, &mut self.cache)?;
        Ok(())
    }

    /// Records whether opening `path` worked: `Some(reason)` marks its row as unopenable
    /// (until it opens), `None` clears the mark (also one a look at the file had made).
    pub(super) fn note_open_result(&mut self, path: &Path, error: Option<String>) {
        self.tried.insert(path.to_path_buf(), error);
    }

    /// Why the article cannot be opened: what the last try to open it said, else what a
    /// look at the file shows ([`Article::problem`]).
    fn problem_of<'a>(&'a self, article: &'a Article) -> Option<&'a String> {
        match self.tried.get(&article.path) {
            Some(tried) => tried.as_ref(),
            None => article.problem.as_ref(),
        }
    }

    /// Lists the folder again when the last listing is older than [`RESCAN_EVERY`] and
    /// the folder changed since (see [`Corpus::may_have_changed`]); a folder that became
    /// unreadable keeps its last listing.
    pub(super) fn rescan_if_stale(&mut self) {
        if self.scanned_at.elapsed() >= RESCAN_EVERY {
            self.scanned_at = Instant::now();
            if !self.corpus.may_have_changed() {
                return;
            }
            if let Ok(c) = Corpus::scan(&self.corpus.dir, &mut self.cache) {
                self.corpus = c;
            }
        }
    }

    /// Draws the list. `current` is the open article and its live progress (from the
    /// session, so the row changes with each decision, before the folder is listed again).
    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        current: Option<(&Path, Progress)>,
        out: &mut Vec<Action>,
    ) {
        let folder = super::words::file_name(&self.corpus.dir);
        let here = current.and_then(|(p, live)| self.corpus.position(p).map(|i| (i, live)));
        let n = self.corpus.articles.len();
        // files that cannot be opened are not part of the work to do
        let unopenable = self
            .corpus
            .articles
            .iter()
            .filter(|a| self.problem_of(a).is_some())
            .count();
        let done = self
            .corpus
            .articles
            .iter()
            .enumerate()
            .filter(|(i, a)| match &here {
                Some((h, live)) if h == i => live.is_done(),
                _ => a.progress.is_done(),
            })
            .count();
        ui.horizontal(|ui| {
            ui.heading(words::HEADING);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                for cmd in [UiCommand::NextArticle, UiCommand::PreviousArticle] {
                    let enabled = match (&cmd, &here) {
                        (UiCommand::NextArticle, Some((i, _))) => i + 1 < n,
                        (UiCommand::PreviousArticle, Some((i, _))) => *i > 0,
                        _ => n > 0,
                    };
                    let icon = if cmd == UiCommand::NextArticle {
                        "⏵"
                    } else {
                        "⏴"
                    };
                    if ui
                        .add_enabled(enabled, egui::Button::new(icon).small())
                        .on_hover_text(cmd.tooltip())
                        .clicked()
                    {
                        out.push(cmd.into());
                    }
                }
            });
        });
        let color = ui.visuals().text_color();
        let (folder_label, _) = engine.label_line(ui, &folder, &TextStyle::ui(), color);
        // folder paths may hold Arabic: shown by the engine, not egui's fonts
        let dir_path = self.corpus.dir.display().to_string();
        folder_label.on_hover_ui(|ui| {
            ui.set_max_width(500.0);
            engine.label(ui, &dir_path, &TextStyle::ui(), color, Sense::hover());
        });
        ui.label(words::done_count(done, n, unopenable));
        ui.separator();
        if n == 0 {
            ui.label(words::NO_ARTICLES);
            return;
        }
        let reveal = std::mem::take(&mut self.reveal_current);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width() - 12.0);
                for (i, article) in self.corpus.articles.iter().enumerate() {
                    let (is_current, progress) = match &here {
                        Some((h, live)) if *h == i => (true, live),
                        _ => (false, &article.progress),
                    };
                    let fill = if is_current {
                        ui.visuals().selection.bg_fill.gamma_multiply(0.5)
                    } else {
                        Color32::TRANSPARENT
                    };
                    let failed = self.problem_of(article);
                    let row = egui::Frame::new()
                        .fill(fill)
                        .inner_margin(egui::Margin::symmetric(4, 2))
                        .corner_radius(3.0)
                        .show(ui, |ui| {
                            let name = engine.label(
                                ui,
                                &article.name,
                                &TextStyle::ui(),
                                ui.visuals().strong_text_color(),
                                Sense::click(),
                            );
                            name.widget_info(|| {
                                WidgetInfo::labeled(Role::Button, true, &article.name)
                            });
                            let status = match failed {
                                Some(why) => {
                                    let error = ui.visuals().error_fg_color;
                                    ui.label(
                                        RichText::new(words::CANNOT_BE_OPENED).small().color(error),
                                    )
                                    .on_hover_ui(|ui| {
                                        ui.set_max_width(500.0);
                                        engine.label(
                                            ui,
                                            why,
                                            &TextStyle::ui(),
                                            error,
                                            Sense::hover(),
                                        );
                                    })
                                }
                                None => ui.label(
                                    RichText::new(words::progress_row(progress))
                                        .small()
                                        .color(progress_color(ui, progress)),
                                ),
                            };
                            (name, status)
                        });
                    let (name, _) = row.inner;
                    if name.on_hover_text(words::OPEN_ROW).clicked() && !is_current {
                        out.push(Action::OpenPath(article.path.clone()));
                    }
                    if is_current && reveal {
                        row.response.scroll_to_me(Some(egui::Align::Center));
                    }
                }
            });
    }
}

fn progress_color(ui: &Ui, progress: &Progress) -> Color32 {
    match progress {
        Progress::NotStarted { .. } => ui.visuals().weak_text_color(),
        Progress::InProgress { .. } => ui.visuals().warn_fg_color,
        Progress::Done { .. } => Color32::from_rgb(0x2e, 0x9e, 0x4f),
        Progress::Unreadable(_) => ui.visuals().error_fg_color,
    }
}
