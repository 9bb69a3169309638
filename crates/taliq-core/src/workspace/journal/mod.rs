//! Autosave that survives `kill -9`: full sidecar rewrites plus an append-only journal.
//!
//! The sidecar ([`crate::workspace::storage`]) is always rewritten whole and atomically. For a small
//! document that is done after every change. For a big one (a sidecar over
//! [`AutosavePolicy::immediate_max_bytes`]) a rewrite takes long (about 0.5 s for a 1 MB
//! article in a debug build), so each change is instead appended to the journal, one JSON
//! line per action, flushed to disk (`fdatasync`) before the action counts as saved; the
//! rewrite follows once the annotator pauses ([`AutosavePolicy::idle`]), at the latest
//! [`AutosavePolicy::max_delay`] after the first change it covers, when the journal holds
//! [`AutosavePolicy::max_entries`] lines, and when the article is closed. After a rewrite
//! the journal is removed.
//!
//! The journal sits next to its sidecar: `a.txt.taliq.json` → `a.txt.taliq.journal`
//! ([`journal_path`]). Each line ([`JournalEntry`]) holds the annotation records the action
//! added or changed, whole, and the ids it removed, so replaying a line twice changes
//! nothing. Each line also names the sidecar it applies on: the fingerprint
//! ([`storage::content_fingerprint`]) of the sidecar's bytes when the line was written.
//! [`recover`], called when an article is opened, replays the lines written on top of the
//! sidecar as it is, rewrites the sidecar and removes the journal. Lines written on top of
//! another version of the sidecar are dropped when the sidecar already holds their effect
//! (a crash between a rewrite and the journal's removal), and kept aside in
//! `….journal.unapplied` otherwise (another program or window rewrote the sidecar).
//! A last line cut short by a crash, and any line that is not valid JSON, are skipped.

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::formats::taliq::ExportFile;
pub use crate::formats::taliq::journal::{
    JournalContents, JournalEntry, Replay, base_of, parse, replay,
};
use crate::model::annotation::Annotation;
use crate::session::Session;
use crate::workspace::notice::OpenNotice;
use crate::workspace::storage::{self, StorageError};

/// The journal of a sidecar: its path with the extension `journal` instead of `json`
/// (`dir/a.txt.taliq.json` → `dir/a.txt.taliq.journal`, `a.txt.taliq.2.json` →
/// `a.txt.taliq.2.journal`).
#[must_use]
pub fn journal_path(sidecar: &Path) -> PathBuf {
    sidecar.with_extension("journal")
}

/// Where a journal whose lines could not be applied is kept: `….journal.unapplied`.
#[must_use]
pub fn unapplied_path(journal: &Path) -> PathBuf {
    let mut name = journal.file_name().unwrap_or_default().to_os_string();
    name.push(".unapplied");
    journal.with_file_name(name)
}

/// Appends `entry` as one line to the journal at `path` (created if missing) and flushes
/// it to disk before returning. When the file ends in a line cut short by a crash, a
/// newline is written first so that the new line stays whole.
///
/// # Errors
/// [`StorageError::Io`] on any file system failure; the action is then not saved.
pub fn append(path: &Path, entry: &JournalEntry) -> Result<(), StorageError> {
    let io = |reason| StorageError::Io {
        path: path.display().to_string(),
        reason,
    };
    let mut line = serde_json::to_string(entry).map_err(|e| io(e.into()))?;
    line.push('\n');
    let existed = path.exists();
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .read(true)
        .open(path)
        .map_err(io)?;
    if f.metadata().map_err(io)?.len() > 0 {
        let mut lastb = [0u8];
        f.seek(SeekFrom::End(-1)).map_err(io)?;
        f.read_exact(&mut lastb).map_err(io)?;
        if lastb[0] != b'\n' {
            line.insert(0, '\n');
        }
    }
    f.write_all(line.as_bytes()).map_err(io)?;
    f.sync_data().map_err(io)?;
    if !existed {
        sync_dir(path);
    }
    Ok(())
}

/// Makes a new directory entry durable where the platform allows syncing a directory.
fn sync_dir(path: &Path) {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Brings every saved-work file of `article` up to date with its journal, before the
/// article is opened: the journal is replayed ([`replay`]), the sidecar rewritten
/// atomically when that changed it, and the journal removed (or kept as
/// `….journal.unapplied` when some of its lines could not be applied). Returns what it
/// found ([`OpenNotice`]); problems leave the files as they are and are named there.
#[must_use]
pub fn recover(article: &Path) -> Vec<OpenNotice> {
    let mut notes = Vec::new();
    for sidecar in storage::sidecar_candidates(article) {
        if sidecar.extension().is_none_or(|e| e != "json") {
            continue; // backups have no journal
        }
        let journal = journal_path(&sidecar);
        let name = |p: &Path| {
            p.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        };
        let bytes = match std::fs::read(&journal) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                notes.push(OpenNotice::JournalUnreadable {
                    journal: name(&journal),
                    error: e.to_string(),
                });
                continue;
            }
        };
        let contents = parse(&bytes);
        let Ok(side_bytes) = std::fs::read(&sidecar) else {
            continue;
        };
        let Ok(file) = std::str::from_utf8(&side_bytes)
            .map_err(|_| ())
            .and_then(|s| ExportFile::from_json(s).map_err(|_| ()))
        else {
            continue; // a damaged sidecar is reported and left alone by the open path
        };
        let Ok(r) = replay(
            &file,
            storage::content_fingerprint(&side_bytes),
            &contents.entries,
        ) else {
            continue;
        };
        if r.changed {
            if let Err(e) = storage::write_atomic(&sidecar, r.file.to_json().as_bytes()) {
                notes.push(OpenNotice::JournalNotApplied {
                    journal: name(&journal),
                    sidecar: name(&sidecar),
                    error: e.to_string(),
                });
                continue;
            }
            // The actions were saved (journaled) before Taliq stopped; only the sidecar
            // lacked them. Lines whose effect it already held are not counted.
            notes.push(OpenNotice::JournalReplayed {
                actions: r.effective,
                journal: name(&journal),
                sidecar: name(&sidecar),
            });
        }
        if r.foreign.is_empty() && contents.damaged_lines == 0 && r.invalid_records == 0 {
            let _ = std::fs::remove_file(&journal);
        } else {
            let aside = unapplied_path(&journal);
            let kept = std::fs::rename(&journal, &aside).is_ok();
            notes.push(OpenNotice::JournalLeftOver {
                actions: r.foreign.len() + contents.damaged_lines + r.invalid_records,
                sidecar: name(&sidecar),
                kept_in: kept.then(|| name(&aside)),
            });
        }
    }
    notes
}

/// When the sidecar is rewritten whole and when changes go to the journal first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AutosavePolicy {
    /// While the last full sidecar was at most this many bytes, every change rewrites it
    /// at once (the journal is not used).
    pub immediate_max_bytes: usize,
    /// A deferred rewrite happens when no change came for this long…
    pub idle: Duration,
    /// …or at the latest this long after the first change it covers…
    pub max_delay: Duration,
    /// …or when the journal holds this many lines.
    pub max_entries: usize,
}

impl Default for AutosavePolicy {
    /// 256 KiB (a sidecar of about 100 kB of Arabic text with its annotations is
    /// rewritten in a few milliseconds), 2 s idle, 30 s at most, 1000 lines.
    fn default() -> Self {
        AutosavePolicy {
            immediate_max_bytes: 256 * 1024,
            idle: Duration::from_secs(2),
            max_delay: Duration::from_secs(30),
            max_entries: 1000,
        }
    }
}

/// What an autosave call did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Nothing needed saving.
    Nothing,
    /// The change was appended to the journal (and is on disk).
    Journal,
    /// The sidecar was rewritten whole.
    Sidecar {
        /// When the sidecar had been changed by another window or program since this
        /// autosaver last read or wrote it: that file, left as it is (the work went to
        /// [`Autosaver::sidecar`], an alternative sidecar, instead).
        moved_from: Option<PathBuf>,
    },
}

/// The autosave state of one open article: where its work goes and what is on disk.
/// Pure file logic, driven by the app after each change ([`Autosaver::changed`]), once a
/// frame ([`Autosaver::tick`]) and on close ([`Autosaver::flush`]).
#[derive(Debug, Clone)]
pub struct Autosaver {
    article: PathBuf,
    sidecar: PathBuf,
    policy: AutosavePolicy,
    /// Session revision whose state the sidecar holds.
    saved_revision: Option<u64>,
    /// Session revision whose state is on disk (sidecar, or sidecar plus journal).
    durable_revision: Option<u64>,
    /// Session revision whose state needs no file: fresh suggestions of an article with no
    /// earlier work, which opening the article again gives the same (see
    /// [`Autosaver::fresh`]).
    reproducible_revision: Option<u64>,
    /// Fingerprint of the sidecar as this autosaver last read or wrote it.
    disk_fingerprint: Option<u64>,
    /// Size of the last sidecar written.
    last_bytes: usize,
    /// The annotations as they are on disk (sidecar plus journal).
    on_disk: Vec<Annotation>,
    /// The article's done mark as the sidecar holds it (the journal does not hold
    /// marks: a change of mark rewrites the sidecar).
    on_disk_done: Option<bool>,
    journal_lines: usize,
    /// When the oldest change that the sidecar lacks was journaled.
    behind_since: Option<Instant>,
    last_change: Option<Instant>,
}

impl Autosaver {
    /// The autosaver of `article`, whose work goes to `sidecar` (which may not exist yet).
    #[must_use]
    pub fn new(article: &Path, sidecar: PathBuf, policy: AutosavePolicy) -> Autosaver {
        Autosaver {
            article: article.to_path_buf(),
            disk_fingerprint: storage::file_fingerprint(&sidecar),
            sidecar,
            policy,
            saved_revision: None,
            durable_revision: None,
            reproducible_revision: None,
            last_bytes: 0,
            on_disk: Vec::new(),
            on_disk_done: None,
            journal_lines: 0,
            behind_since: None,
            last_change: None,
        }
    }

    /// Where the work is written.
    #[must_use]
    pub fn sidecar(&self) -> &Path {
        &self.sidecar
    }

    /// Changes the policy from now on.
    pub fn set_policy(&mut self, policy: AutosavePolicy) {
        self.policy = policy;
    }

    /// Notes that the session's current state holds no decision, only the suggestions
    /// that opening the article again recomputes: nothing is written for it (an article
    /// only looked at gets no sidecar) until the first change.
    pub fn fresh(&mut self, session: &Session) {
        self.reproducible_revision = Some(session.revision());
    }

    /// Notes that the session was just restored from this autosaver's own sidecar, which
    /// therefore holds its current state: nothing is rewritten until the first change
    /// (opening an article only to look at it leaves its file as it was).
    pub fn restored(&mut self, session: &Session) {
        self.last_bytes = std::fs::metadata(&self.sidecar)
            .map_or(0, |m| usize::try_from(m.len()).unwrap_or(usize::MAX));
        self.saved_revision = Some(session.revision());
        self.durable_revision = self.saved_revision;
        sync(&mut self.on_disk, session.annotations());
        self.on_disk_done = session.done();
    }

    /// True when the session's current state is on disk (sidecar, or sidecar plus journal)
    /// or needs no file ([`Autosaver::fresh`]): a crash now loses nothing.
    #[must_use]
    pub fn is_durable(&self, session: &Session) -> bool {
        let now = Some(session.revision());
        self.durable_revision == now || self.reproducible_revision == now
    }

    /// True when the sidecar alone holds the session's current state.
    #[must_use]
    pub fn is_in_sidecar(&self, session: &Session) -> bool {
        self.saved_revision == Some(session.revision())
    }

    /// When [`Autosaver::tick`] has a deferred rewrite to do; `None` when none is pending.
    #[must_use]
    pub fn next_due(&self) -> Option<Instant> {
        let since = self.behind_since?;
        let idle = self.last_change.unwrap_or(since) + self.policy.idle;
        Some(idle.min(since + self.policy.max_delay))
    }

    /// Saves the session after a change: to the journal when the sidecar is big and a
    /// journal can be written on top of it, else by rewriting the sidecar. Either way the
    /// change is on disk when this returns `Ok`.
    ///
    /// # Errors
    /// [`StorageError`] when neither could be written; the work stays in memory and is
    /// tried again on the next call.
    pub fn changed(&mut self, session: &Session, now: Instant) -> Result<Saved, StorageError> {
        if self.is_durable(session) {
            return Ok(Saved::Nothing);
        }
        self.last_change = Some(now);
        let journal_ok = self.saved_revision.is_some()
            && session.done() == self.on_disk_done
            && self.last_bytes > self.policy.immediate_max_bytes
            && self.journal_lines < self.policy.max_entries;
        if journal_ok
            && let Some(base) = self.disk_fingerprint
            && self.append(session, base).is_ok()
        {
            self.behind_since.get_or_insert(now);
            return Ok(Saved::Journal);
        }
        self.save_full(session)
    }

    fn append(&mut self, session: &Session, base: u64) -> Result<(), StorageError> {
        if let Some(entry) = JournalEntry::diff(
            session.document(),
            &self.on_disk,
            session.annotations(),
            base,
        ) {
            append(&journal_path(&self.sidecar), &entry)?;
            self.journal_lines += 1;
            sync(&mut self.on_disk, session.annotations());
        }
        self.durable_revision = Some(session.revision());
        Ok(())
    }

    /// Does the deferred rewrite of the sidecar when it is due (see [`AutosavePolicy`]).
    /// A rewrite that fails is tried again [`AutosavePolicy::idle`] later (the changes
    /// stay in the journal meanwhile).
    ///
    /// # Errors
    /// As [`Autosaver::changed`].
    pub fn tick(&mut self, session: &Session, now: Instant) -> Result<Saved, StorageError> {
        match self.next_due() {
            Some(due) if now >= due && !self.is_in_sidecar(session) => {
                let saved = self.save_full(session);
                if saved.is_err() {
                    self.behind_since = Some(now);
                    self.last_change = Some(now);
                }
                saved
            }
            _ => Ok(Saved::Nothing),
        }
    }

    /// Rewrites the sidecar now unless it already holds the current state (on close, on
    /// opening another article, on quit).
    ///
    /// # Errors
    /// As [`Autosaver::changed`].
    pub fn flush(&mut self, session: &Session) -> Result<Saved, StorageError> {
        if self.is_in_sidecar(session) || self.reproducible_revision == Some(session.revision()) {
            return Ok(Saved::Nothing);
        }
        self.save_full(session)
    }

    /// Rewrites the sidecar whole and atomically, then removes the journal. A sidecar
    /// changed by someone else since this autosaver last read or wrote it is left as it is
    /// and the work goes to an alternative sidecar.
    fn save_full(&mut self, session: &Session) -> Result<Saved, StorageError> {
        let mut moved_from = None;
        if storage::file_fingerprint(&self.sidecar) != self.disk_fingerprint {
            let to = storage::alternative_sidecar_path(&self.article);
            moved_from = Some(std::mem::replace(&mut self.sidecar, to));
            self.disk_fingerprint = storage::file_fingerprint(&self.sidecar);
            // lines journaled so far stay with the old sidecar (see `recover`)
            self.journal_lines = 0;
        }
        let file = session.to_export();
        let written = storage::save_sidecar(&self.sidecar, &file, session.deleted_ids())?;
        self.disk_fingerprint = Some(written.fingerprint);
        self.last_bytes = written.bytes;
        self.saved_revision = Some(session.revision());
        self.durable_revision = self.saved_revision;
        sync(&mut self.on_disk, session.annotations());
        self.on_disk_done = session.done();
        self.behind_since = None;
        if self.journal_lines > 0 || moved_from.is_none() {
            // Its lines are all in the sidecar now. Should removing it fail or not
            // survive a crash, its lines name the previous sidecar and are dropped by
            // `recover` as already applied.
            let _ = std::fs::remove_file(journal_path(&self.sidecar));
        }
        self.journal_lines = 0;
        Ok(Saved::Sidecar { moved_from })
    }
}

/// Makes `copy` equal to `from`, cloning only the annotations that differ when the lengths
/// match (a status, label or note change: the common case, cheap for 10 000 annotations).
fn sync(copy: &mut Vec<Annotation>, from: &[Annotation]) {
    if copy.len() == from.len() {
        for (c, f) in copy.iter_mut().zip(from) {
            if c != f {
                c.clone_from(f);
            }
        }
    } else {
        *copy = from.to_vec();
    }
}

#[cfg(test)]
mod tests;
