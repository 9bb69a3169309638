//! Opening an article or a folder of articles, and moving between the articles of a folder.

#[allow(
    clippy::wildcard_imports,
    reason = "the parent module's imports, as if in one file"
)]
use super::*;

impl TaliqApp {
    /// Opens an article: loads the text, restores the sidecar when it was written for the
    /// same text, otherwise extracts suggestions. The current article stays open on error.
    pub(super) fn open(&mut self, path: &Path, encoding: Option<&'static encoding_rs::Encoding>) {
        let doc = match Document::load_as(path, encoding) {
            Ok(d) => d,
            Err(e) => {
                self.say(Severity::Error, words::open::Msg::CouldNotOpen(&e));
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
        if let Some(a) = &mut self.article {
            self.pending_lexicons
                .leave(&mut a.lexicon_file, a.lexicon.lexicon());
        }
        let (folder, unreadable) = self.pending_lexicons.open_for(path);
        notes.extend(unreadable);
        let FolderLexicon {
            lexicon,
            file: lexicon_file,
        } = folder;
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
            lexicon: TaughtLexicon::for_annotations(lexicon, session.annotations(), |x| {
                session
                    .document()
                    .slice(x.span.start(), x.span.end())
                    .to_owned()
            }),
            lexicon_file,
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
        let msg = words::open::Msg::Opened {
            file: &file_name(path),
            annotations: n,
            notices: &notes,
        };
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

    /// Opens a folder of articles: lists them in the side panel and opens the first one
    /// not done (or keeps the open article if it is in that folder).
    pub(super) fn open_folder(&mut self, dir: &Path) {
        let panel = match CorpusPanel::open(dir) {
            Ok(p) => p,
            Err(e) => {
                self.say(Severity::Error, words::open::Msg::CouldNotOpenFolder(&e));
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
            self.say(Severity::Warning, words::open::Msg::EmptyFolder);
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
            words::open::Msg::FolderOpened {
                articles: n,
                done,
                opened: &opened,
            },
        );
        self.refresh_corpus();
    }

    /// Marks `path` in the article list as unopenable (with the status line's reason)
    /// when it is not the open article after an attempt to open it, or clears the mark.
    pub(super) fn note_open_result(&mut self, path: &Path) {
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
    pub(super) fn refresh_corpus(&mut self) {
        if let Some(panel) = &mut self.corpus
            && let Err(e) = panel.rescan()
        {
            self.say(Severity::Warning, words::open::Msg::ListNotUpToDate(&e));
        }
    }

    /// Saves the open article, then opens the next (or previous) article of the folder;
    /// articles that cannot be opened are skipped and named.
    pub(super) fn step_article(&mut self, step: Step) {
        if self.corpus.is_none() {
            self.say(Severity::Info, words::open::Msg::NoFolder);
            return;
        }
        self.flush_autosave();
        self.refresh_corpus();
        let Some(panel) = &self.corpus else { return };
        let corpus = panel.corpus();
        let here = self.article.as_ref().and_then(|a| corpus.position(&a.path));
        let candidates: Vec<PathBuf> = corpus
            .neighbours(here, step == Step::Next)
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
                    msg.push_str(&words::open::skipped(&skipped));
                }
                self.refresh_corpus();
                return;
            }
            skipped.push(self.status().map(|(_, m)| m.to_owned()).unwrap_or_default());
        }
        if skipped.is_empty() {
            self.say(
                Severity::Info,
                words::open::Msg::NoFurtherArticle {
                    forward: step == Step::Next,
                },
            );
        } else {
            self.say(Severity::Error, words::open::Msg::AllSkipped(&skipped));
        }
    }
}
