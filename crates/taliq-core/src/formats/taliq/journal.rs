//! The autosave journal's format: one JSON line per action ([`JournalEntry`]), its
//! reading ([`parse`]: a last line cut short and damaged lines skipped) and its replay on
//! a sidecar ([`replay`]). Writing it, and when, is [`crate::workspace::journal`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{AnnotationRecord, ExportFile, ImportError};
use crate::model::annotation::Annotation;
use crate::model::document::Document;
use crate::model::span::Span;

/// One line of the journal: the effect of one action on the annotation set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// The sidecar this line applies on: [`super::content_fingerprint`] of its bytes,
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
    /// order [`crate::session::Session::annotations`] keeps (start, end, id): an annotation found in both
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
