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

use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::formats::taliq::{AnnotationRecord, ExportFile, ImportError};
use crate::model::annotation::Annotation;
use crate::model::document::Document;
use crate::model::span::Span;
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

/// One line of the journal: the effect of one action on the annotation set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// The sidecar this line applies on: [`storage::content_fingerprint`] of its bytes,
    /// as 16 lowercase hex digits.
    pub base: String,
    /// Annotations added or changed, whole, as the export writes them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub upsert: Vec<AnnotationRecord>,
    /// Ids of the annotations removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove: Vec<u64>,
}

/// The `base` text of a fingerprint.
#[must_use]
pub fn base_of(fingerprint: u64) -> String {
    format!("{fingerprint:016x}")
}

impl JournalEntry {
    /// What changed from `before` to `after` (annotations of `doc`) on top of the sidecar
    /// with fingerprint `base`; `None` when nothing did. Both lists are walked once in the
    /// order [`Session::annotations`] keeps (start, end, id): an annotation found in both
    /// with the same key and contents is unchanged, any other is upserted or removed. The
    /// result is right for lists in any order (an id may then be both removed and
    /// upserted, which replays to the upserted record), and small for sorted ones.
    #[must_use]
    pub fn diff(
        doc: &Document,
        before: &[Annotation],
        after: &[Annotation],
        base: u64,
    ) -> Option<JournalEntry> {
        let key = |a: &Annotation| (a.span.start(), a.span.end(), a.id);
        let (mut upsert, mut remove) = (Vec::new(), Vec::new());
        let (mut old, mut new) = (before.iter().peekable(), after.iter().peekable());
        loop {
            match (old.peek(), new.peek()) {
                (None, None) => break,
                (Some(b), Some(a)) if key(b) == key(a) => {
                    if b != a {
                        upsert.push(AnnotationRecord::of(doc, a));
                    }
                    old.next();
                    new.next();
                }
                (Some(b), a) if a.is_none_or(|a| key(b) < key(a)) => {
                    remove.push(b.id);
                    old.next();
                }
                (_, Some(a)) => {
                    upsert.push(AnnotationRecord::of(doc, a));
                    new.next();
                }
                (Some(_), None) => unreachable!("handled by the arm above"),
            }
        }
        (!upsert.is_empty() || !remove.is_empty()).then(|| JournalEntry {
            base: base_of(base),
            upsert,
            remove,
        })
    }

    /// Applies this line to `anns` (by id): removals first, then the records, each checked
    /// against `doc` like a sidecar's; returns how many records did not fit and were
    /// skipped, and whether the line changed `anns` (a line whose effect `anns` already
    /// holds changes nothing).
    fn apply_to(&self, doc: &Document, anns: &mut BTreeMap<u64, Annotation>) -> (usize, bool) {
        let mut changed = false;
        for id in &self.remove {
            changed |= anns.remove(id).is_some();
        }
        let mut invalid = 0;
        for r in &self.upsert {
            match Span::new(doc, r.start, r.end) {
                Ok(span) if doc.slice(r.start, r.end) == r.text => {
                    let a = r.to_annotation(span);
                    if anns.get(&r.id) != Some(&a) {
                        anns.insert(r.id, a);
                        changed = true;
                    }
                }
                _ => invalid += 1,
            }
        }
        (invalid, changed)
    }
}

/// A journal as read back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JournalContents {
    /// The lines that parsed, in order.
    pub entries: Vec<JournalEntry>,
    /// Lines that are not valid entries, not counting a last line cut short by a crash.
    pub damaged_lines: usize,
    /// True when the last line was cut short (no newline, not valid JSON): the action it
    /// held was never reported saved.
    pub torn_tail: bool,
}

/// Reads journal bytes: one JSON object per `\n`-terminated line; blank lines are ignored.
/// Never fails: damaged lines are counted and skipped.
#[must_use]
pub fn parse(bytes: &[u8]) -> JournalContents {
    let mut out = JournalContents::default();
    let mut lines = bytes.split(|&b| b == b'\n').peekable();
    while let Some(line) = lines.next() {
        let last = lines.peek().is_none(); // no newline after it
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<JournalEntry>(line) {
            Ok(e) => out.entries.push(e),
            Err(_) if last => out.torn_tail = true,
            Err(_) => out.damaged_lines += 1,
        }
    }
    out
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

/// The outcome of replaying a journal on a sidecar.
#[derive(Debug, Clone)]
pub struct Replay {
    /// The sidecar with the journal applied.
    pub file: ExportFile,
    /// Lines applied.
    pub applied: usize,
    /// Lines applied that changed the annotations: the journaled actions the sidecar did
    /// not hold yet.
    pub effective: usize,
    /// True when `file` differs from the sidecar replayed on.
    pub changed: bool,
    /// Lines written on top of another version of the sidecar whose effect that sidecar
    /// does not hold (not applied).
    pub foreign: Vec<JournalEntry>,
    /// Records that did not fit the document (skipped).
    pub invalid_records: usize,
}

/// Replays `entries` on `file`, the sidecar whose bytes have fingerprint `base`: lines
/// with that base are applied in order; the others are applied only in a trial, and
/// reported in [`Replay::foreign`] when they would change something.
///
/// # Errors
/// [`ImportError`] when `file`'s own annotations do not fit its text (the sidecar is
/// damaged; nothing is replayed).
pub fn replay(
    file: &ExportFile,
    base: u64,
    entries: &[JournalEntry],
) -> Result<Replay, ImportError> {
    let rec = &file.document;
    let doc = Document::from_text(&rec.text, &rec.source, &rec.encoding);
    let original: BTreeMap<u64, Annotation> = file
        .annotations_for(&doc)?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let base = base_of(base);
    let mut anns = original.clone();
    let mut applied = 0;
    let mut effective = 0;
    let mut invalid_records = 0;
    let mut others = Vec::new();
    for e in entries {
        if e.base == base {
            let (invalid, changed) = e.apply_to(&doc, &mut anns);
            invalid_records += invalid;
            applied += 1;
            effective += usize::from(changed);
        } else {
            others.push(e.clone());
        }
    }
    let mut trial = anns.clone();
    for e in &others {
        e.apply_to(&doc, &mut trial);
    }
    let foreign = if trial == anns { Vec::new() } else { others };
    let changed = anns != original;
    let list: Vec<Annotation> = anns.into_values().collect();
    Ok(Replay {
        file: if changed {
            ExportFile::new(&doc, &list)
        } else {
            file.clone()
        },
        applied,
        effective,
        changed,
        foreign,
        invalid_records,
    })
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
mod tests {
    use super::*;
    use crate::model::annotation::{Origin, Status};
    use crate::model::label::Label;
    use crate::session::Edit;

    const TEXT: &str = "قال بوتين إن ترامب وافق على لقاء في موسكو";

    fn session() -> Session {
        let doc = Document::from_text(TEXT, "a.txt", "UTF-8");
        let mut s = Session::restore(doc.clone(), &ExportFile::new(&doc, &[])).unwrap();
        for (start, end, label) in [(4, 9, Label::Person), (13, 18, Label::Person)] {
            let span = Span::new(s.document(), start, end).unwrap();
            let a = s.manual_annotation(span, label);
            s.apply(Edit::Add(a)).unwrap();
        }
        s
    }

    /// A policy that journals every change of any document and never rewrites on its own.
    fn journal_always() -> AutosavePolicy {
        AutosavePolicy {
            immediate_max_bytes: 0,
            idle: Duration::from_hours(1),
            max_delay: Duration::from_hours(1),
            max_entries: usize::MAX,
        }
    }

    fn setup() -> (tempfile::TempDir, PathBuf, Autosaver, Session) {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        std::fs::write(&article, TEXT).unwrap();
        let saver = Autosaver::new(&article, storage::sidecar_path(&article), journal_always());
        (dir, article, saver, session())
    }

    fn reopened(article: &Path) -> Vec<Annotation> {
        let notes = recover(article);
        assert!(
            notes
                .iter()
                .all(|n| matches!(n, OpenNotice::JournalReplayed { .. })),
            "{notes:?}"
        );
        let file = storage::read_sidecar(&storage::sidecar_path(article))
            .unwrap()
            .unwrap();
        let doc = Document::from_text(TEXT, "a.txt", "UTF-8");
        let mut anns = file.annotations_for(&doc).unwrap();
        anns.sort_by_key(|a| a.id);
        anns
    }

    fn sorted(s: &Session) -> Vec<Annotation> {
        let mut v = s.annotations().to_vec();
        v.sort_by_key(|a| a.id);
        v
    }

    fn journal_lines(article: &Path) -> usize {
        let j = journal_path(&storage::sidecar_path(article));
        std::fs::read(j).map_or(0, |b| parse(&b).entries.len())
    }

    /// The journal holds annotation changes only: a done mark, even on a big article,
    /// rewrites the sidecar, so it is never lost.
    #[test]
    fn a_done_mark_is_written_to_the_sidecar_even_when_changes_are_journaled() {
        let (_dir, article, mut saver, mut s) = setup();
        let now = Instant::now();
        for note in ["a", "b"] {
            s.apply(Edit::SetNote {
                id: 1,
                note: note.into(),
            })
            .unwrap();
            saver.changed(&s, now).unwrap();
        }
        assert_eq!(journal_lines(&article), 1);
        s.apply(Edit::SetDone(Some(true))).unwrap();
        assert!(matches!(
            saver.changed(&s, now).unwrap(),
            Saved::Sidecar { .. }
        ));
        let file = storage::read_sidecar(&storage::sidecar_path(&article))
            .unwrap()
            .unwrap();
        assert_eq!(file.done, Some(true));
        // and annotation changes after it are journaled again
        s.apply(Edit::SetNote {
            id: 2,
            note: "x".into(),
        })
        .unwrap();
        assert_eq!(saver.changed(&s, now).unwrap(), Saved::Journal);
    }

    #[test]
    fn fresh_suggestions_write_nothing_until_the_first_change() {
        let (_dir, article, mut saver, mut s) = setup();
        let sidecar = storage::sidecar_path(&article);
        saver.fresh(&s);
        assert!(saver.is_durable(&s), "nothing to lose");
        let now = Instant::now();
        assert_eq!(saver.changed(&s, now).unwrap(), Saved::Nothing);
        assert_eq!(saver.flush(&s).unwrap(), Saved::Nothing);
        assert!(
            !sidecar.exists(),
            "an article only looked at gets no sidecar"
        );
        // the first decision is written whole, at once
        s.apply(Edit::SetStatus {
            id: s.annotations()[0].id,
            status: Status::Accepted,
        })
        .unwrap();
        assert!(!saver.is_durable(&s));
        assert!(matches!(
            saver.changed(&s, now).unwrap(),
            Saved::Sidecar { .. }
        ));
        assert!(saver.is_durable(&s) && sidecar.exists());
        assert_eq!(reopened(&article), sorted(&s));
    }

    #[test]
    fn journaled_changes_come_back_on_open_and_the_journal_goes() {
        let (_d, article, mut saver, mut s) = setup();
        let now = Instant::now();
        assert!(matches!(saver.changed(&s, now), Ok(Saved::Sidecar { .. })));
        let sidecar_before = std::fs::read(storage::sidecar_path(&article)).unwrap();
        let edits = [
            Edit::SetStatus {
                id: 1,
                status: Status::Rejected,
            },
            Edit::SetNote {
                id: 2,
                note: "ملاحظة\n\"مقتبسة\"".into(),
            },
            Edit::Remove(1),
        ];
        for e in edits {
            s.apply(e).unwrap();
            assert!(matches!(saver.changed(&s, now), Ok(Saved::Journal)));
            assert!(saver.is_durable(&s) && !saver.is_in_sidecar(&s));
        }
        let span = Span::new(s.document(), 35, 40).unwrap();
        let a = s.manual_annotation(span, Label::Location);
        s.apply(Edit::Add(a)).unwrap();
        assert!(matches!(saver.changed(&s, now), Ok(Saved::Journal)));
        // the sidecar was not rewritten; the journal holds one line per action
        assert_eq!(
            std::fs::read(storage::sidecar_path(&article)).unwrap(),
            sidecar_before
        );
        assert_eq!(journal_lines(&article), 4);
        // kill -9 here: reopening replays the journal
        assert_eq!(reopened(&article), sorted(&s));
        assert!(!journal_path(&storage::sidecar_path(&article)).exists());
        assert!(
            recover(&article).is_empty(),
            "a second open has nothing to do"
        );
    }

    #[test]
    fn the_replay_counts_only_journaled_actions_the_sidecar_lacked_and_calls_them_saved() {
        let (_d, article, mut saver, mut s) = setup();
        let now = Instant::now();
        saver.changed(&s, now).unwrap();
        for id in [1, 2] {
            s.apply(Edit::SetStatus {
                id,
                status: Status::Rejected,
            })
            .unwrap();
            assert_eq!(saver.changed(&s, now).unwrap(), Saved::Journal);
            assert!(saver.is_durable(&s), "the action is saved (in the journal)");
        }
        // a line whose effect the sidecar already holds (annotation 2 as it was saved)
        let sidecar = storage::sidecar_path(&article);
        let journal = journal_path(&sidecar);
        let side_bytes = std::fs::read(&sidecar).unwrap();
        let file = ExportFile::from_json(std::str::from_utf8(&side_bytes).unwrap()).unwrap();
        let unchanged = file.annotations.iter().find(|r| r.id == 1).unwrap().clone();
        let noop = JournalEntry {
            base: base_of(storage::content_fingerprint(&side_bytes)),
            upsert: vec![unchanged],
            remove: vec![99],
        };
        let mut lines = std::fs::read(&journal).unwrap();
        lines.splice(
            0..0,
            format!("{}\n", serde_json::to_string(&noop).unwrap()).bytes(),
        );
        std::fs::write(&journal, lines).unwrap();
        // kill -9, reopen
        assert_eq!(
            recover(&article),
            [OpenNotice::JournalReplayed {
                actions: 2,
                journal: "a.txt.taliq.journal".into(),
                sidecar: "a.txt.taliq.json".into()
            }]
        );
    }

    #[test]
    fn an_undo_back_to_the_saved_state_writes_nothing_and_is_durable() {
        let (_d, article, mut saver, mut s) = setup();
        let now = Instant::now();
        saver.changed(&s, now).unwrap();
        s.apply(Edit::SetLabel {
            id: 1,
            label: Label::Location,
        })
        .unwrap();
        saver.changed(&s, now).unwrap();
        s.undo();
        assert!(!saver.is_durable(&s));
        assert!(matches!(saver.changed(&s, now), Ok(Saved::Journal)));
        assert!(saver.is_durable(&s));
        assert_eq!(journal_lines(&article), 2, "the undo is a line of its own");
        assert_eq!(reopened(&article), sorted(&s));
    }

    #[test]
    fn a_deferred_rewrite_comes_when_the_annotator_pauses_or_the_journal_is_long() {
        let (_d, article, mut saver, mut s) = setup();
        saver.set_policy(AutosavePolicy {
            immediate_max_bytes: 0,
            idle: Duration::from_secs(2),
            max_delay: Duration::from_secs(30),
            max_entries: 3,
        });
        let t0 = Instant::now();
        saver.changed(&s, t0).unwrap();
        assert_eq!(saver.next_due(), None);
        s.apply(Edit::SetNote {
            id: 1,
            note: "a".into(),
        })
        .unwrap();
        assert!(matches!(saver.changed(&s, t0), Ok(Saved::Journal)));
        assert_eq!(saver.next_due(), Some(t0 + Duration::from_secs(2)));
        assert!(matches!(
            saver.tick(&s, t0 + Duration::from_secs(1)),
            Ok(Saved::Nothing)
        ));
        assert!(matches!(
            saver.tick(&s, t0 + Duration::from_secs(2)),
            Ok(Saved::Sidecar { moved_from: None })
        ));
        assert!(saver.is_in_sidecar(&s) && saver.next_due().is_none());
        assert_eq!(journal_lines(&article), 0);
        // a long journal is folded into the sidecar
        for i in 0..4 {
            s.apply(Edit::SetNote {
                id: 1,
                note: i.to_string(),
            })
            .unwrap();
            let outcome = saver.changed(&s, t0).unwrap();
            assert_eq!(outcome == Saved::Journal, i < 3, "{i}: {outcome:?}");
        }
        assert_eq!(journal_lines(&article), 0);
        // small sidecars are rewritten at once with the default policy
        saver.set_policy(AutosavePolicy::default());
        s.apply(Edit::Remove(2)).unwrap();
        assert!(matches!(saver.changed(&s, t0), Ok(Saved::Sidecar { .. })));
        assert_eq!(reopened(&article), sorted(&s));
    }

    #[test]
    fn a_journal_left_by_a_crash_after_the_rewrite_is_dropped_as_already_applied() {
        let (_d, article, mut saver, mut s) = setup();
        let now = Instant::now();
        saver.changed(&s, now).unwrap();
        for (id, status) in [
            (1, Status::Rejected),
            (2, Status::Rejected),
            (1, Status::Pending),
        ] {
            s.apply(Edit::SetStatus { id, status }).unwrap();
            saver.changed(&s, now).unwrap();
        }
        let journal = journal_path(&storage::sidecar_path(&article));
        let lines = std::fs::read(&journal).unwrap();
        saver.flush(&s).unwrap();
        assert!(!journal.exists());
        // the crash: the journal's removal did not reach the disk
        std::fs::write(&journal, lines).unwrap();
        assert_eq!(reopened(&article), sorted(&s));
        assert!(!journal.exists() && !unapplied_path(&journal).exists());
    }

    #[test]
    fn lines_over_a_sidecar_rewritten_by_someone_else_are_kept_aside() {
        let (_d, article, mut saver, mut s) = setup();
        let now = Instant::now();
        saver.changed(&s, now).unwrap();
        s.apply(Edit::Remove(1)).unwrap();
        saver.changed(&s, now).unwrap();
        // another program rewrites the sidecar (here: with one more annotation)
        let sidecar = storage::sidecar_path(&article);
        let mut other = session();
        let span = Span::new(other.document(), 35, 40).unwrap();
        let a = other.manual_annotation(span, Label::Location);
        other.apply(Edit::Add(a)).unwrap();
        std::fs::write(&sidecar, other.to_export().to_json()).unwrap();
        let notes = recover(&article);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            matches!(&notes[0], OpenNotice::JournalLeftOver { kept_in: Some(k), .. } if k == "a.txt.taliq.journal.unapplied"),
            "{notes:?}"
        );
        let journal = journal_path(&sidecar);
        assert!(!journal.exists() && unapplied_path(&journal).exists());
        assert_eq!(
            storage::read_sidecar(&sidecar).unwrap().unwrap(),
            other.to_export(),
            "the other program's file is left as it is"
        );
        // this window, still open, sees the change and moves its work aside
        s.apply(Edit::Remove(2)).unwrap();
        saver.changed(&s, now).unwrap();
        assert!(matches!(
            saver.flush(&s),
            Ok(Saved::Sidecar { moved_from: Some(p) }) if p == sidecar
        ));
        assert!(saver.sidecar().ends_with("a.txt.taliq.2.json"));
    }

    #[test]
    fn a_torn_last_line_and_damaged_lines_are_skipped() {
        let entry = |id| JournalEntry {
            base: base_of(7),
            upsert: Vec::new(),
            remove: vec![id],
        };
        let good = |id| serde_json::to_string(&entry(id)).unwrap();
        let bytes = format!(
            "{}\n\n{{\"base\": 12\n{}\n{}",
            good(1),
            good(2),
            &good(3)[..9]
        );
        let c = parse(bytes.as_bytes());
        assert_eq!(c.entries, vec![entry(1), entry(2)]);
        assert_eq!((c.damaged_lines, c.torn_tail), (1, true));
        // a line appended after a torn one stays whole
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.journal");
        std::fs::write(&path, &good(3)[..9]).unwrap();
        append(&path, &entry(4)).unwrap();
        let c = parse(&std::fs::read(&path).unwrap());
        assert_eq!(c.entries, vec![entry(4)]);
        assert_eq!((c.damaged_lines, c.torn_tail), (1, false));
    }

    #[test]
    fn replay_is_idempotent_and_skips_records_that_do_not_fit_the_text() {
        let s = session();
        let file = ExportFile::new(s.document(), &[]);
        let mut bad = AnnotationRecord::of(s.document(), &s.annotations()[0]);
        bad.text = "غير".into();
        let e = JournalEntry {
            base: base_of(1),
            upsert: vec![AnnotationRecord::of(s.document(), &s.annotations()[1]), bad],
            remove: vec![99],
        };
        let once = replay(&file, 1, std::slice::from_ref(&e)).unwrap();
        assert_eq!((once.applied, once.invalid_records), (1, 1));
        assert_eq!(once.file.annotations.len(), 1);
        let twice = replay(&file, 1, &[e.clone(), e]).unwrap();
        assert_eq!(twice.file, once.file);
        assert_eq!(
            once.file.annotations[0].origin,
            Origin::Manual,
            "records are restored whole"
        );
    }
}
