//! The project lexicon: names the annotator has taught the extractor.
//!
//! A [`ProjectLexicon`] holds learned entries — a surface form, its label and the
//! canonical name of the entity — taken from accepted and manual annotations, and the
//! rejected `(surface form, label)` pairs that must not be suggested again.
//! [`extract_with`] runs the normal pipeline ([`super::extract`]) and then applies the
//! lexicon.
//!
//! # Matching
//!
//! Surface forms are compared in their normalized form ([`super::normalize`]: no
//! tashkeel or tatweel, alef and ya variants folded, `ة` → `ه`, Latin lower case) word by
//! word. An entry matches whole tokens of the text, and the first word may carry the
//! proclitics of guideline rule 1 (`و`, `ف`, `ب`, `ك`, `ل` and their combinations, the
//! `لل` contraction), which stay outside the span: after learning `ساسكتل`, the text
//! `وساسكتل` gives the span `ساسكتل`. At each token the longest entry wins. A lexicon
//! match replaces the pipeline suggestions it overlaps when none of them is longer; a
//! longer overlapping pipeline suggestion wins (QUOTE spans are a separate layer and
//! never conflict). A pipeline suggestion whose normalized text and label were rejected
//! is dropped; so is a lexicon match whose pair is rejected.
//!
//! # File format
//!
//! Plain UTF-8 text, one item a line, meant to be read, edited and shared by people:
//!
//! ```text
//! # taliq-lexicon 1
//! # Learned names, then rejected suggestions.
//! + PERSON<TAB>بوتين<TAB>فلاديمير بوتين
//! + ORGANIZATION<TAB>ساسكتل
//! - LOCATION<TAB>البيت الأبيض
//! ```
//!
//! (`<TAB>` stands for one tab character.)
//!
//! - The first line is the header `# taliq-lexicon 1` (format name and version); a
//!   UTF-8 byte order mark before it is allowed.
//! - Empty lines and lines starting with `#` are comments.
//! - `+ LABEL<TAB>surface<TAB>canonical` is a learned entry; the canonical name may be
//!   left out (it is then the surface).
//! - `- LABEL<TAB>surface` is a rejected suggestion.
//! - `LABEL` is a guideline label name (`PERSON`, `ORGANIZATION`, `LOCATION`, `DATE`,
//!   `NUMBER`, `MISC`); fields are separated by one tab, and spaces around a field are
//!   ignored.
//!
//! Surfaces are stored as written (diacritics and tatweel removed, runs of whitespace
//! collapsed); matching normalizes them. [`ProjectLexicon::save`] writes a new file: the
//! header, a short comment, the entries in the order they were learned and then the
//! rejections. [`ProjectLexicon::save_over`] (what the app uses) rewrites an existing file
//! in place: comments, blank lines and the order of hand-written items are kept, changed
//! items are updated on their line, retracted ones removed and new ones appended.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use rustc_hash::{FxHashMap, FxHashSet};

use super::doc::{Candidate, Doc};
use super::gazetteer::PhraseTable;
use super::normalize::{display_form, normalize};
use super::tokenize::tokenize;
use super::{Mention, PIECE_BYTES, extract_adjusted};
use crate::label::Label;

/// The header line of a lexicon file.
pub const HEADER: &str = "# taliq-lexicon 1";

/// An error loading or saving a lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file could not be read or written.
    #[error("{}: {error}", path.display())]
    Io {
        /// The lexicon file.
        path: PathBuf,
        /// The underlying error (in the message, not chained as a source, so that a
        /// report of the whole chain does not say it twice).
        error: std::io::Error,
    },
    /// The file is not UTF-8.
    #[error("{}: not UTF-8 text", path.display())]
    NotUtf8 {
        /// The lexicon file.
        path: PathBuf,
    },
    /// The first line is not the format header.
    #[error("{}: line 1: expected the header \"{HEADER}\"", path.display())]
    Header {
        /// The lexicon file.
        path: PathBuf,
    },
    /// A line does not follow the format.
    #[error("{}: line {line}: {message}", path.display())]
    Line {
        /// The lexicon file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// One learned entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconEntry {
    /// The surface form as written (diacritics removed, whitespace collapsed).
    pub surface: String,
    /// The label.
    pub label: Label,
    /// The canonical name of the entity.
    pub canonical: String,
}

/// Whether decisions on mentions of `label` are learned: names are (PERSON,
/// ORGANIZATION, LOCATION, MISC), because a name means the same entity wherever it
/// recurs; DATE, NUMBER and QUOTE are not, because whether such a text is a mention,
/// and its value, depend on its context (rejecting the relative date `اليوم الاثنين`
/// in one article must not hide it in every other). Lines of those labels written by
/// hand are still read and applied.
#[must_use]
pub fn learns_label(label: Label) -> bool {
    matches!(
        label,
        Label::Person | Label::Organization | Label::Location | Label::Misc
    )
}

/// Learned entries and rejected suggestions of one project (see the module doc).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectLexicon {
    entries: Vec<LexiconEntry>,
    /// Rejected pairs as written, in the order they were rejected.
    rejected: Vec<(String, Label)>,
}

/// The matching key of a surface form: its normalized words joined by one space.
#[must_use]
pub fn surface_key(surface: &str) -> String {
    let n = normalize(surface);
    let mut key = String::with_capacity(n.text.len());
    for t in tokenize(&n) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(n.slice(t.start, t.end));
    }
    key
}

/// The surface as stored: no diacritics, tatweel or directional marks, whitespace
/// (tabs and line breaks included) collapsed to single spaces.
fn clean(s: &str) -> String {
    display_form(s.trim())
}

impl ProjectLexicon {
    /// An empty lexicon.
    #[must_use]
    pub fn new() -> ProjectLexicon {
        ProjectLexicon::default()
    }

    /// The learned entries, in the order they were learned.
    #[must_use]
    pub fn entries(&self) -> &[LexiconEntry] {
        &self.entries
    }

    /// The rejected `(surface, label)` pairs, in the order they were rejected.
    #[must_use]
    pub fn rejected(&self) -> &[(String, Label)] {
        &self.rejected
    }

    /// Whether the lexicon has neither entries nor rejections.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.rejected.is_empty()
    }

    /// Whether `(surface, label)` is rejected (compared in normalized form).
    #[must_use]
    pub fn is_rejected(&self, surface: &str, label: Label) -> bool {
        let key = surface_key(surface);
        self.rejected
            .iter()
            .any(|(s, l)| *l == label && surface_key(s) == key)
    }

    /// Learns an accepted or manual annotation: `surface` (the annotated text) is a
    /// `label` mention of the entity `canonical` (the surface when empty). An entry with
    /// the same normalized surface and label takes the new canonical name, and a
    /// rejection of the pair is withdrawn. Only names are learned ([`learns_label`]);
    /// empty surfaces are not. Returns whether the lexicon changed.
    pub fn learn_accepted(&mut self, surface: &str, label: Label, canonical: &str) -> bool {
        let surface = clean(surface);
        let key = surface_key(&surface);
        if key.is_empty() || !learns_label(label) {
            return false;
        }
        let canonical = match clean(canonical) {
            c if c.is_empty() => surface.clone(),
            c => c,
        };
        let before = self.rejected.len();
        self.rejected
            .retain(|(s, l)| !(*l == label && surface_key(s) == key));
        let mut changed = before != self.rejected.len();
        if let Some(e) = self
            .entries
            .iter_mut()
            .find(|e| e.label == label && surface_key(&e.surface) == key)
        {
            if e.canonical != canonical {
                e.canonical = canonical;
                changed = true;
            }
        } else {
            self.entries.push(LexiconEntry {
                surface,
                label,
                canonical,
            });
            changed = true;
        }
        changed
    }

    /// Learns a rejected suggestion: `(surface, label)` is not suggested again, and a
    /// learned entry for the pair is forgotten. Only names are learned
    /// ([`learns_label`]). Returns whether the lexicon changed.
    pub fn learn_rejected(&mut self, surface: &str, label: Label) -> bool {
        let surface = clean(surface);
        let key = surface_key(&surface);
        if key.is_empty() || !learns_label(label) {
            return false;
        }
        let before = self.entries.len();
        self.entries
            .retain(|e| !(e.label == label && surface_key(&e.surface) == key));
        let mut changed = before != self.entries.len();
        if !self
            .rejected
            .iter()
            .any(|(s, l)| *l == label && surface_key(s) == key)
        {
            self.rejected.push((surface, label));
            changed = true;
        }
        changed
    }

    /// A three-way merge for writing the shared file: what `ours` changed since `base`
    /// (the file as this window last read or wrote it) applied to `theirs` (the file as
    /// it is now, perhaps changed by another window or by hand). Entries and rejections
    /// are keyed by label and normalized surface; entries learned, re-named or forgotten
    /// here and rejections added or withdrawn here are carried over, everything else of
    /// `theirs` is kept. So two windows teaching the same folder never erase each other's
    /// lessons.
    #[must_use]
    pub fn merged(
        base: &ProjectLexicon,
        ours: &ProjectLexicon,
        theirs: &ProjectLexicon,
    ) -> ProjectLexicon {
        let entry_key = |e: &LexiconEntry| (e.label, surface_key(&e.surface));
        let base_entries: std::collections::HashMap<_, &LexiconEntry> =
            base.entries.iter().map(|e| (entry_key(e), e)).collect();
        let our_entries: std::collections::HashMap<_, &LexiconEntry> =
            ours.entries.iter().map(|e| (entry_key(e), e)).collect();
        let reject_key = |(s, l): &(String, Label)| (*l, surface_key(s));
        let base_rejected: std::collections::HashSet<_> =
            base.rejected.iter().map(reject_key).collect();
        let our_rejected: std::collections::HashSet<_> =
            ours.rejected.iter().map(reject_key).collect();
        let mut out = theirs.clone();
        // forgotten here (and not rejected here, which forgets them below anyway)
        for (key, e) in &base_entries {
            if !our_entries.contains_key(key) {
                out.entries
                    .retain(|x| !(x.label == e.label && surface_key(&x.surface) == key.1));
            }
        }
        // withdrawn rejections
        for (s, l) in &base.rejected {
            let key = (*l, surface_key(s));
            if !our_rejected.contains(&key) {
                out.rejected
                    .retain(|(x, xl)| !(*xl == *l && surface_key(x) == key.1));
            }
        }
        // learned or re-named here
        for e in &ours.entries {
            if base_entries.get(&entry_key(e)).is_none_or(|b| *b != e) {
                out.learn_accepted(&e.surface, e.label, &e.canonical);
            }
        }
        // rejected here
        for r in &ours.rejected {
            if !base_rejected.contains(&reject_key(r)) {
                out.learn_rejected(&r.0, r.1);
            }
        }
        out
    }

    /// Parses the text of a lexicon file; `path` only names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<ProjectLexicon, LexiconError> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut lines = text.lines();
        if lines.next().map(str::trim_end) != Some(HEADER) {
            return Err(LexiconError::Header {
                path: path.to_path_buf(),
            });
        }
        let mut lx = ProjectLexicon::new();
        for (n, raw) in lines.enumerate() {
            let line_no = n + 2;
            let err = |message: String| LexiconError::Line {
                path: path.to_path_buf(),
                line: line_no,
                message,
            };
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (kind, rest) = if let Some(r) = line.strip_prefix('+') {
                ("+", r)
            } else if let Some(r) = line.strip_prefix('-') {
                ("-", r)
            } else {
                return Err(err(format!(
                    "expected \"+ LABEL<TAB>surface<TAB>canonical\" or \"- LABEL<TAB>surface\", found {line:?}"
                )));
            };
            let fields: Vec<&str> = rest.split('\t').map(str::trim).collect();
            let label = Label::from_name(fields[0])
                .ok_or_else(|| err(format!("unknown label {:?}", fields[0])))?;
            if label == Label::Quote {
                return Err(err("QUOTE cannot be a lexicon label".to_string()));
            }
            let surface = fields.get(1).copied().unwrap_or("");
            if surface_key(surface).is_empty() {
                return Err(err("missing surface form (after a tab)".to_string()));
            }
            if kind == "+" {
                if fields.len() > 3 {
                    return Err(err("too many tab-separated fields".to_string()));
                }
                lx.learn_accepted(surface, label, fields.get(2).copied().unwrap_or(""));
            } else {
                if fields.len() > 2 {
                    return Err(err(
                        "a rejection has no canonical name (too many fields)".to_string()
                    ));
                }
                lx.learn_rejected(surface, label);
            }
        }
        Ok(lx)
    }

    /// Loads a lexicon file.
    pub fn load(path: &Path) -> Result<ProjectLexicon, LexiconError> {
        let bytes = std::fs::read(path).map_err(|error| LexiconError::Io {
            path: path.to_path_buf(),
            error,
        })?;
        let text = String::from_utf8(bytes).map_err(|_| LexiconError::NotUtf8 {
            path: path.to_path_buf(),
        })?;
        ProjectLexicon::parse(&text, path)
    }

    /// The file text of the lexicon (see the module doc).
    #[must_use]
    pub fn to_file_text(&self) -> String {
        let mut out = String::new();
        out.push_str(HEADER);
        out.push('\n');
        out.push_str(
            "# Taliq project lexicon. \"+ LABEL<TAB>surface<TAB>canonical\" is a learned name,\n\
             # \"- LABEL<TAB>surface\" a suggestion that is not made again.\n",
        );
        for e in &self.entries {
            let _ = writeln!(
                out,
                "+ {}\t{}\t{}",
                e.label.as_str(),
                e.surface,
                e.canonical
            );
        }
        for (s, l) in &self.rejected {
            let _ = writeln!(out, "- {}\t{s}", l.as_str());
        }
        out
    }

    /// The file text of the lexicon written over `old`, the file's current text, so that
    /// what the annotator wrote by hand stays as it was: the header, comment and blank
    /// lines and the order of the items are kept; an item line whose entry or rejection
    /// is unchanged is kept byte for byte, one whose decision changed (another canonical
    /// name, learned ↔ rejected) is rewritten in place, one no longer in the lexicon is
    /// removed (as is a second line for the same label and surface), and items not in
    /// `old` are appended at the end, entries before rejections. When `old` is not a
    /// lexicon file (no header) this is [`Self::to_file_text`].
    #[must_use]
    pub fn to_file_text_over(&self, old: &str) -> String {
        let body = old.strip_prefix('\u{FEFF}').unwrap_or(old);
        if body.lines().next().map(str::trim_end) != Some(HEADER) {
            return self.to_file_text();
        }
        let entry_line =
            |e: &LexiconEntry| format!("+ {}\t{}\t{}", e.label.as_str(), e.surface, e.canonical);
        let reject_line = |(s, l): &(String, Label)| format!("- {}\t{s}", l.as_str());
        let mut written: std::collections::HashSet<(Label, String)> =
            std::collections::HashSet::new();
        let mut out = String::with_capacity(old.len() + 64);
        for (n, raw) in old.lines().enumerate() {
            let line = raw.trim();
            let item = (n > 0)
                .then(|| {
                    let (kind, rest) = if let Some(r) = line.strip_prefix('+') {
                        ('+', r)
                    } else {
                        ('-', line.strip_prefix('-')?)
                    };
                    let fields: Vec<&str> = rest.split('\t').map(str::trim).collect();
                    let label = Label::from_name(fields[0])?;
                    let surface = clean(fields.get(1)?);
                    Some((kind, label, surface, fields.get(2).map(|c| clean(c))))
                })
                .flatten();
            // comments, blank lines, the header (and anything unreadable) stay
            let Some((kind, label, surface, canonical)) = item else {
                out.push_str(raw);
                out.push('\n');
                continue;
            };
            let key = surface_key(&surface);
            if !written.insert((label, key.clone())) {
                continue;
            }
            let entry = self
                .entries
                .iter()
                .find(|e| e.label == label && surface_key(&e.surface) == key);
            let rejection = self
                .rejected
                .iter()
                .find(|(s, l)| *l == label && surface_key(s) == key);
            let new_line = match (entry, rejection) {
                (Some(e), _) => {
                    let canonical = canonical
                        .filter(|c| !c.is_empty())
                        .unwrap_or_else(|| surface.clone());
                    let same = kind == '+' && e.surface == surface && e.canonical == canonical;
                    if same { raw.to_owned() } else { entry_line(e) }
                }
                (None, Some(r)) => {
                    if kind == '-' && r.0 == surface {
                        raw.to_owned()
                    } else {
                        reject_line(r)
                    }
                }
                (None, None) => continue,
            };
            out.push_str(&new_line);
            out.push('\n');
        }
        for e in &self.entries {
            if !written.contains(&(e.label, surface_key(&e.surface))) {
                out.push_str(&entry_line(e));
                out.push('\n');
            }
        }
        for r in &self.rejected {
            if !written.contains(&(r.1, surface_key(&r.0))) {
                out.push_str(&reject_line(r));
                out.push('\n');
            }
        }
        out
    }

    /// Saves the lexicon atomically over the file whose current text is `old` (see
    /// [`Self::to_file_text_over`]: hand-written comments and order are kept), or as a
    /// new file when `old` is `None`.
    ///
    /// # Errors
    /// [`LexiconError::Io`] when the file cannot be written.
    pub fn save_over(&self, path: &Path, old: Option<&str>) -> Result<(), LexiconError> {
        let text = match old {
            Some(old) => self.to_file_text_over(old),
            None => self.to_file_text(),
        };
        write_atomic(path, &text)
    }

    /// Saves the lexicon atomically: writes a temporary file in the same folder and
    /// renames it over `path`.
    pub fn save(&self, path: &Path) -> Result<(), LexiconError> {
        write_atomic(path, &self.to_file_text())
    }
}

/// Writes `text` to `path` atomically: a temporary file in the same folder, synced, then
/// renamed over `path`.
fn write_atomic(path: &Path, text: &str) -> Result<(), LexiconError> {
    let io = |error: std::io::Error| LexiconError::Io {
        path: path.to_path_buf(),
        error,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    tmp.write_all(text.as_bytes()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// What one annotator decision teaches the project lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lesson {
    /// An accepted or manual annotation: [`ProjectLexicon::learn_accepted`].
    Accepted {
        /// The annotated text.
        surface: String,
        /// Its label.
        label: Label,
        /// The canonical name of the entity.
        canonical: String,
    },
    /// A rejected suggestion: [`ProjectLexicon::learn_rejected`].
    Rejected {
        /// The suggested text.
        surface: String,
        /// The suggested label.
        label: Label,
    },
}

impl Lesson {
    /// Teaches `lexicon` this lesson; returns whether it changed.
    fn teach(&self, lexicon: &mut ProjectLexicon) -> bool {
        match self {
            Lesson::Accepted {
                surface,
                label,
                canonical,
            } => lexicon.learn_accepted(surface, *label, canonical),
            Lesson::Rejected { surface, label } => lexicon.learn_rejected(surface, *label),
        }
    }
}

/// The lesson an annotation teaches, numbered in teaching order.
type Numbered = Option<(u64, Lesson)>;

/// One annotation's lesson before and after an undoable step.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Change {
    id: u64,
    before: Numbered,
    after: Numbered,
}

/// A project lexicon as loaded from its file plus the decisions of one editing session
/// that taught it, kept so that undoing a decision unteaches it and redoing it teaches
/// it again.
///
/// # Rule
///
/// The lexicon in force is the *base* (the file as read when the article was opened,
/// which holds what earlier sessions and other articles taught) with the lesson of every
/// annotation decided in this session applied on top, in the order they were taught.
/// Each annotation (by id) teaches at most one lesson, the one of its latest decision
/// (accepted or manual → learned name; rejected → not suggested again). Undoing a step
/// gives each annotation it touched the lesson it had before the step, and the lexicon
/// is rebuilt; redoing restores the lessons of the step. So a name stays learned while
/// any decision still teaches it — another annotation accepted with the same text and
/// label in this article, or the base (another article, an earlier session) — and is
/// forgotten when the undone decision was its only teacher. After an undo the lexicon
/// is exactly what it was before the step.
///
/// The owner calls [`Self::begin_step`] for every undoable step it applies, then
/// [`Self::teach`] for the decisions of that step, and [`Self::undo`] / [`Self::redo`]
/// in step with its own history.
#[derive(Debug, Clone, Default)]
pub struct TaughtLexicon {
    base: ProjectLexicon,
    current: ProjectLexicon,
    /// The lesson in force of each annotation decided in this session.
    lessons: FxHashMap<u64, (u64, Lesson)>,
    next_seq: u64,
    undo: Vec<Vec<Change>>,
    redo: Vec<Vec<Change>>,
}

impl TaughtLexicon {
    /// `base` with nothing taught yet.
    #[must_use]
    pub fn new(base: ProjectLexicon) -> TaughtLexicon {
        TaughtLexicon {
            current: base.clone(),
            base,
            ..TaughtLexicon::default()
        }
    }

    /// The lexicon in force.
    #[must_use]
    pub fn lexicon(&self) -> &ProjectLexicon {
        &self.current
    }

    /// Opens a new undoable step (and forgets the steps that could be redone).
    pub fn begin_step(&mut self) {
        self.undo.push(Vec::new());
        self.redo.clear();
    }

    /// Records that annotation `id`, in the current step, now teaches `lesson` (`None`:
    /// nothing, e.g. back to pending or removed). Returns whether the lexicon changed.
    /// Without an open step (before any [`Self::begin_step`]) the lesson is kept but
    /// cannot be undone.
    pub fn teach(&mut self, id: u64, lesson: Option<Lesson>) -> bool {
        let after = lesson.map(|l| {
            self.next_seq += 1;
            (self.next_seq, l)
        });
        let before = self.set(id, after.clone());
        if let Some(step) = self.undo.last_mut() {
            // a second lesson of the same annotation in one step keeps the first `before`
            match step.iter_mut().find(|c| c.id == id) {
                Some(c) => c.after = after,
                None => step.push(Change { id, before, after }),
            }
        }
        self.rebuild()
    }

    /// Undoes the last step's lessons; returns whether the lexicon changed. A step
    /// without lessons is popped too, keeping this history in step with the owner's.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        for c in step.iter().rev() {
            self.set(c.id, c.before.clone());
        }
        self.redo.push(step);
        self.rebuild()
    }

    /// Redoes the last undone step's lessons; returns whether the lexicon changed.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        for c in &step {
            self.set(c.id, c.after.clone());
        }
        self.undo.push(step);
        self.rebuild()
    }

    /// Drops the last undoable (`undo`) or redoable step without applying it, when the
    /// owner's history lost that step. Returns whether there was one.
    pub fn forget_step(&mut self, undo: bool) -> bool {
        if undo {
            self.undo.pop().is_some()
        } else {
            self.redo.pop().is_some()
        }
    }

    fn set(&mut self, id: u64, lesson: Numbered) -> Numbered {
        match lesson {
            Some(l) => self.lessons.insert(id, l),
            None => self.lessons.remove(&id),
        }
    }

    /// Rebuilds the lexicon in force from the base and the lessons; returns whether it
    /// changed.
    fn rebuild(&mut self) -> bool {
        let mut order: Vec<&(u64, Lesson)> = self.lessons.values().collect();
        order.sort_by_key(|(seq, _)| *seq);
        let mut lexicon = self.base.clone();
        for (_, lesson) in order {
            lesson.teach(&mut lexicon);
        }
        if lexicon == self.current {
            false
        } else {
            self.current = lexicon;
            true
        }
    }
}

/// Extracts mentions from `text` like [`super::extract`], then applies `lexicon`: adds
/// matches of learned entries and drops rejected suggestions (see the module doc).
/// With an empty lexicon the result is the same as [`super::extract`].
#[must_use]
pub fn extract_with(text: &str, lexicon: &ProjectLexicon) -> Vec<Mention> {
    if lexicon.is_empty() {
        return super::extract(text);
    }
    let rejected: FxHashSet<(String, Label)> = lexicon
        .rejected
        .iter()
        .map(|(s, l)| (surface_key(s), *l))
        .collect();
    let mut table: PhraseTable<usize> = PhraseTable::default();
    for (k, e) in lexicon.entries.iter().enumerate() {
        if rejected.contains(&(surface_key(&e.surface), e.label)) {
            continue;
        }
        let words = surface_key(&e.surface)
            .split(' ')
            .map(str::to_string)
            .collect();
        table.insert(words, k);
    }
    // the lexicon entry behind each candidate, in the order of the mentions
    let mut entries: Vec<Option<usize>> = Vec::new();
    let mut mentions = extract_adjusted(text, PIECE_BYTES, |doc, resolved| {
        let (cands, from) = apply_to_piece(doc, resolved, lexicon, &rejected, &table);
        entries.extend(from);
        cands
    });
    for (m, entry) in mentions.iter_mut().zip(&entries) {
        if let Some(k) = entry {
            m.canonical.clone_from(&lexicon.entries[*k].canonical);
        }
    }
    mentions
}

/// [`extract_with`] on one piece: its resolved candidates without the rejected ones and
/// with the matches of `table` (entries of `lexicon`), sorted by start, and for each
/// the entry it came from.
fn apply_to_piece(
    doc: &Doc,
    resolved: Vec<Candidate>,
    lexicon: &ProjectLexicon,
    rejected: &FxHashSet<(String, Label)>,
    table: &PhraseTable<usize>,
) -> (Vec<Candidate>, Vec<Option<usize>>) {
    let is_rejected = |c: &Candidate| {
        if c.label == Label::Quote {
            return false;
        }
        let key = surface_key(doc.norm.slice(c.start, c.end));
        rejected.contains(&(key.clone(), c.label))
            || (c.lal && rejected.contains(&(format!("ا{key}"), c.label)))
    };
    let mut kept: Vec<Candidate> = resolved.into_iter().filter(|c| !is_rejected(c)).collect();

    // lexicon matches, left to right, longest first
    let mut found: Vec<(Candidate, usize)> = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let Some(m) = table.match_at(doc, i) else {
            i += 1;
            continue;
        };
        let mut c =
            Candidate::from_tokens(doc, i, m.skip, m.end_token, lexicon.entries[m.tag].label, 4);
        c.lal = m.lal;
        found.push((c, m.tag));
        i = m.end_token;
    }

    // a lexicon match wins over the pipeline suggestions it overlaps unless one is longer
    let mut from_lexicon = Vec::new();
    for (c, entry) in found {
        let len = c.end - c.start;
        let overlaps =
            |p: &Candidate| p.label != Label::Quote && p.start < c.end && c.start < p.end;
        if kept.iter().any(|p| overlaps(p) && p.end - p.start > len) {
            continue;
        }
        kept.retain(|p| !overlaps(p));
        from_lexicon.push((c, entry));
    }
    let pipeline_count = kept.len();
    let mut all: Vec<(Candidate, Option<usize>)> = kept.into_iter().map(|c| (c, None)).collect();
    all.extend(from_lexicon.into_iter().map(|(c, e)| (c, Some(e))));
    if all.len() > pipeline_count {
        all.sort_by_key(|(c, _)| (c.start, c.label != Label::Quote, c.end));
    }
    all.into_iter().unzip()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testutil::assert_extracts_by;

    /// Asserts that [`extract_with`] finds exactly the marked spans and labels (QUOTE
    /// and MISC compared only when the markup has them).
    fn assert_extracts_with(lexicon: &ProjectLexicon, marked: &str) {
        assert_extracts_by(marked, |text| extract_with(text, lexicon));
    }

    #[test]
    fn two_windows_teaching_one_folder_keep_each_others_lessons() {
        let mut base = ProjectLexicon::new();
        base.learn_accepted("بوتين", Label::Person, "فلاديمير بوتين");
        base.learn_rejected("اليوم", Label::Date);
        // window A (ours) learns G7, forgets بوتين and withdraws the rejection
        let mut ours = base.clone();
        ours.learn_accepted("G7", Label::Organization, "G7");
        ours.entries.retain(|e| e.surface != "بوتين");
        ours.rejected.clear();
        // meanwhile window B wrote the file: it learned ترامب and rejected موسكو
        let mut theirs = base.clone();
        theirs.learn_accepted("ترامب", Label::Person, "دونالد ترامب");
        theirs.learn_rejected("موسكو", Label::Person);
        let m = ProjectLexicon::merged(&base, &ours, &theirs);
        let names: Vec<&str> = m.entries().iter().map(|e| e.surface.as_str()).collect();
        assert_eq!(
            names,
            ["ترامب", "G7"],
            "B's lesson kept, A's added and forgotten"
        );
        assert_eq!(m.rejected(), &[("موسكو".to_owned(), Label::Person)]);
        // and nothing changed here leaves the file as the other window wrote it
        assert_eq!(ProjectLexicon::merged(&base, &base, &theirs), theirs);
    }

    /// Found by tests/kill9.rs: rejecting a QUOTE suggestion wrote a `- QUOTE` line that
    /// `parse` refuses, so the folder's lexicon could no longer be read or changed.
    #[test]
    fn quotes_are_never_learned_so_the_file_always_reads_back() {
        let mut lx = ProjectLexicon::new();
        assert!(!lx.learn_rejected("\"قال إنه مستعد\"", Label::Quote));
        assert!(!lx.learn_accepted("\"قال إنه مستعد\"", Label::Quote, ""));
        assert!(lx.learn_rejected("ساسكتل", Label::Person));
        let back = ProjectLexicon::parse(&lx.to_file_text(), Path::new("x")).unwrap();
        assert_eq!(back.rejected().len(), 1);
    }

    #[test]
    fn learned_entries_are_extracted_with_proclitics_outside() {
        let mut lx = ProjectLexicon::new();
        let plain = "وقالت ساسكتل إن الخدمة عادت، وأكد متحدث باسم ساسكتل ذلك";
        assert!(
            !extract_with(plain, &lx)
                .iter()
                .any(|m| m.label == Label::Organization)
        );
        assert!(lx.learn_accepted("ساسكتل", Label::Organization, "ساسكتل"));
        assert!(!lx.learn_accepted("ساسكتل", Label::Organization, "ساسكتل"));
        assert_extracts_with(
            &lx,
            "وقالت [ساسكتل]{ORGANIZATION} إن الخدمة عادت، وأكد متحدث باسم [ساسكتل]{ORGANIZATION} ذلك",
        );
        assert_extracts_with(&lx, "ونفت و[ساسكتل]{ORGANIZATION} ل[ساسكتل]{ORGANIZATION}");
        // whole tokens only
        assert_extracts_with(&lx, "قالت ساسكتلية إن");
        let m = extract_with("وقالت ساسكتل", &lx);
        assert_eq!(m[0].canonical, "ساسكتل");
    }

    #[test]
    fn normalized_multiword_entries_and_canonical_names() {
        let mut lx = ProjectLexicon::new();
        lx.learn_accepted("هيئة الإذاعة الكندية", Label::Organization, "سي بي سي");
        // different hamza and ta marbuta spelling, with a proclitic
        let text = "وقالت لهيئه الاذاعة الكندية";
        let m = extract_with(text, &lx);
        let org: Vec<_> = m
            .iter()
            .filter(|m| m.label == Label::Organization)
            .collect();
        assert_eq!(org.len(), 1, "{m:?}");
        assert_eq!((org[0].start, org[0].end), (7, 27));
        assert_eq!(org[0].canonical, "سي بي سي");
    }

    #[test]
    fn lexicon_wins_over_shorter_or_equal_pipeline_spans_only() {
        let mut lx = ProjectLexicon::new();
        // the pipeline finds LOCATION روسيا; the entry is as long and wins
        lx.learn_accepted("روسيا", Label::Organization, "روسيا");
        assert_extracts_with(&lx, "قالت [روسيا]{ORGANIZATION} إن");
        // a longer pipeline name keeps its span
        let mut lx = ProjectLexicon::new();
        lx.learn_accepted("المتحدة", Label::Misc, "المتحدة");
        assert_extracts_with(&lx, "وصل إلى [الولايات المتحدة]{LOCATION} [أمس]{DATE}");
        // a longer entry replaces the pipeline span inside it
        let mut lx = ProjectLexicon::new();
        lx.learn_accepted("معهد بوتين للدراسات", Label::Organization, "");
        assert_extracts_with(&lx, "قال [معهد بوتين للدراسات]{ORGANIZATION} إن");
    }

    /// Dates, numbers and quotes depend on their context: deciding on one never acts
    /// on other articles.
    #[test]
    fn only_names_are_learned() {
        let mut lx = ProjectLexicon::new();
        assert!(!lx.learn_rejected("اليوم الاثنين", Label::Date));
        assert!(!lx.learn_rejected("30", Label::Number));
        assert!(!lx.learn_accepted("الأسبوع المقبل", Label::Date, ""));
        assert!(!lx.learn_accepted("«سنواصل العمل»", Label::Quote, ""));
        assert!(lx.is_empty());
        assert_extracts_with(&lx, "وصل الوفد [اليوم الاثنين]{DATE} إلى [روسيا]{LOCATION}");
        assert!(lx.learn_rejected("روسيا", Label::Location));
        assert!(lx.learn_accepted("كوفيد", Label::Misc, ""));
        assert_eq!(lx.rejected().len(), 1);
        assert_eq!(lx.entries().len(), 1);
    }

    #[test]
    fn rejected_suggestions_are_not_made_again() {
        let text = "قال الرئيس بوتين إن روسيا مستعدة. وأضاف بوتين";
        assert!(
            extract_with(text, &ProjectLexicon::new())
                .iter()
                .any(|m| m.label == Label::Person)
        );
        let mut lx = ProjectLexicon::new();
        assert!(lx.learn_rejected("بوتين", Label::Person));
        assert_extracts_with(
            &lx,
            "قال الرئيس بوتين إن [روسيا]{LOCATION} مستعدة. وأضاف بوتين",
        );
        // a rejected pair is never suggested, even when it was learned before
        let mut lx = ProjectLexicon::new();
        lx.learn_accepted("الرئيس", Label::Person, "الرئيس");
        assert_extracts_with(&lx, "قال [الرئيس]{PERSON} إن");
        lx.learn_rejected("الرئيس", Label::Person);
        assert!(lx.entries().is_empty());
        assert_extracts_with(&lx, "قال الرئيس إن [روسيا]{LOCATION} مستعدة");
        // accepting again withdraws the rejection
        lx.learn_accepted("الرئيس", Label::Person, "");
        assert!(lx.rejected().is_empty());
        // the label matters
        let mut lx = ProjectLexicon::new();
        lx.learn_rejected("روسيا", Label::Organization);
        assert_extracts_with(&lx, "قالت [روسيا]{LOCATION} إن");
    }

    fn accepted(surface: &str) -> Lesson {
        Lesson::Accepted {
            surface: surface.to_owned(),
            label: Label::Person,
            canonical: surface.to_owned(),
        }
    }

    fn rejected(surface: &str) -> Lesson {
        Lesson::Rejected {
            surface: surface.to_owned(),
            label: Label::Person,
        }
    }

    fn knows(t: &TaughtLexicon, surface: &str) -> bool {
        let key = surface_key(surface);
        t.lexicon()
            .entries()
            .iter()
            .any(|e| e.label == Label::Person && surface_key(&e.surface) == key)
    }

    #[test]
    fn undo_unteaches_and_redo_teaches_again() {
        let mut t = TaughtLexicon::new(ProjectLexicon::new());
        t.begin_step();
        assert!(t.teach(1, Some(accepted("كامبل"))));
        assert!(knows(&t, "كامبل"));
        assert!(t.undo());
        assert!(t.lexicon().is_empty());
        assert!(t.redo());
        assert!(knows(&t, "كامبل"));
        // a rejection, undone, is withdrawn and the name it had unlearned comes back
        t.begin_step();
        assert!(t.teach(1, Some(rejected("كامبل"))));
        assert!(t.lexicon().is_rejected("كامبل", Label::Person));
        assert!(!knows(&t, "كامبل"));
        assert!(t.undo());
        assert!(!t.lexicon().is_rejected("كامبل", Label::Person));
        assert!(knows(&t, "كامبل"));
        // nothing left to redo after a new step
        t.begin_step();
        assert!(!t.redo());
    }

    #[test]
    fn a_name_stays_while_another_decision_teaches_it() {
        // taught by two annotations of this article: undoing one keeps it
        let mut t = TaughtLexicon::new(ProjectLexicon::new());
        t.begin_step();
        t.teach(1, Some(accepted("ساندرز")));
        t.begin_step();
        assert!(!t.teach(2, Some(accepted("ساندرز"))));
        assert!(!t.undo());
        assert!(knows(&t, "ساندرز"));
        assert!(t.undo());
        assert!(!knows(&t, "ساندرز"));
        // taught before this session (another article, an earlier run): kept
        let mut base = ProjectLexicon::new();
        base.learn_accepted("ساندرز", Label::Person, "");
        let mut t = TaughtLexicon::new(base.clone());
        t.begin_step();
        t.teach(7, Some(accepted("ساندرز")));
        t.undo();
        assert_eq!(t.lexicon(), &base);
        // a rejection in this session of a name of the base: undo restores the base
        t.begin_step();
        t.teach(7, Some(rejected("ساندرز")));
        assert!(!knows(&t, "ساندرز"));
        t.undo();
        assert_eq!(t.lexicon(), &base);
    }

    #[test]
    fn undo_restores_the_lexicon_of_before_the_step() {
        let mut t = TaughtLexicon::new(ProjectLexicon::new());
        t.begin_step();
        t.teach(1, Some(accepted("ليفنغستون")));
        t.begin_step();
        t.teach(2, Some(rejected("ليفنغستون")));
        t.begin_step();
        // one step deciding several annotations (an entity), one of them twice
        t.teach(3, Some(accepted("بيرنز")));
        t.teach(4, Some(accepted("بيرنز")));
        t.teach(3, Some(rejected("بيرنز")));
        let after = t.lexicon().clone();
        assert!(after.is_rejected("بيرنز", Label::Person));
        t.undo();
        assert!(t.lexicon().is_rejected("ليفنغستون", Label::Person));
        assert!(!knows(&t, "بيرنز") && !t.lexicon().is_rejected("بيرنز", Label::Person));
        t.redo();
        assert_eq!(t.lexicon(), &after);
        t.undo();
        t.undo();
        assert!(knows(&t, "ليفنغستون"));
        // going back to pending teaches nothing
        t.begin_step();
        t.teach(1, None);
        assert!(t.lexicon().is_empty());
        assert!(t.forget_step(true));
        assert!(!t.forget_step(false));
        assert!(!t.undo() && t.lexicon().is_empty());
    }

    #[test]
    fn empty_lexicon_is_the_plain_pipeline() {
        let text = "بحث الرئيس الروسي فلاديمير بوتين مع ترامب في موسكو يوم الإثنين 28 حزيران/ يونيو 2019، وقال: \"نعم نحن مستعدون للحوار\"";
        assert_eq!(
            extract_with(text, &ProjectLexicon::new()),
            super::super::extract(text)
        );
    }

    #[test]
    fn file_round_trip_and_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("project.lexicon");
        let mut lx = ProjectLexicon::new();
        lx.learn_accepted("بوتين", Label::Person, "فلاديمير بوتين");
        lx.learn_accepted("شركة\tساسكتل", Label::Organization, "");
        lx.learn_rejected("البيت الأبيض", Label::Location);
        lx.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("# taliq-lexicon 1\n"), "{text}");
        assert!(text.contains("+ PERSON\tبوتين\tفلاديمير بوتين\n"), "{text}");
        assert!(
            text.contains("+ ORGANIZATION\tشركة ساسكتل\tشركة ساسكتل\n"),
            "{text}"
        );
        assert!(text.contains("- LOCATION\tالبيت الأبيض\n"), "{text}");
        assert_eq!(ProjectLexicon::load(&path).unwrap(), lx);
        // no temporary file is left behind
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

        let hand = "\u{FEFF}# taliq-lexicon 1\n\n# comment\n+ PERSON\tبوتين\n  - LOCATION\tالبيت الأبيض  \r\n";
        let lx = ProjectLexicon::parse(hand, Path::new("x")).unwrap();
        assert_eq!(lx.entries()[0].canonical, "بوتين");
        assert!(lx.is_rejected("البيت الابيض", Label::Location));

        let line_of = |text: &str| match ProjectLexicon::parse(text, Path::new("x")) {
            Err(LexiconError::Line { line, .. }) => line,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            line_of("# taliq-lexicon 1\n+ PERSON\tا\n+ PEOPLE\tبوتين\n"),
            3
        );
        assert_eq!(line_of("# taliq-lexicon 1\n# c\nبوتين\n"), 3);
        assert_eq!(line_of("# taliq-lexicon 1\n- PERSON\n"), 2);
        assert_eq!(line_of("# taliq-lexicon 1\n- PERSON\tبوتين\tبوتين\n"), 2);
        assert!(matches!(
            ProjectLexicon::parse("+ PERSON\tبوتين\n", Path::new("x")),
            Err(LexiconError::Header { .. })
        ));
        let e = ProjectLexicon::parse("# taliq-lexicon 1\n+ PEOPLE\tبوتين\n", Path::new("a.txt"))
            .unwrap_err();
        assert_eq!(e.to_string(), "a.txt: line 2: unknown label \"PEOPLE\"");
        assert!(matches!(
            ProjectLexicon::load(&dir.path().join("missing")),
            Err(LexiconError::Io { .. })
        ));
    }

    #[test]
    fn rewriting_over_a_hand_edited_file_keeps_its_comments_and_order() {
        let old = "# taliq-lexicon 1\n\
                   # my notes\n\
                   + PERSON\tزيد\n\
                   \n\
                   # places\n\
                   + LOCATION\t موسكو \n\
                   - LOCATION\tالبيت الأبيض\n\
                   + ORGANIZATION\tساسكتل\tشركة ساسكتل\n\
                   + MISC\tفلان\n";
        let path = Path::new("taliq-lexicon.txt");
        let base = ProjectLexicon::parse(old, path).unwrap();
        // زيد retracted, ساسكتل renamed, فلان now rejected, عمرو new
        let ours = ProjectLexicon::parse(
            "# taliq-lexicon 1\n\
             + PERSON\tعمرو\n\
             - MISC\tفلان\n\
             + ORGANIZATION\tساسكتل\tساسكتل للاتصالات\n\
             - LOCATION\tالبيت الأبيض\n\
             + LOCATION\tموسكو\n",
            path,
        )
        .unwrap();
        let merged = ProjectLexicon::merged(&base, &ours, &base);
        let text = merged.to_file_text_over(old);
        assert_eq!(
            text,
            "# taliq-lexicon 1\n\
             # my notes\n\
             \n\
             # places\n\
             + LOCATION\t موسكو \n\
             - LOCATION\tالبيت الأبيض\n\
             + ORGANIZATION\tساسكتل\tساسكتل للاتصالات\n\
             - MISC\tفلان\n\
             + PERSON\tعمرو\tعمرو\n"
        );
        assert_eq!(ProjectLexicon::parse(&text, path).unwrap(), merged);
        // nothing changed: the file is kept byte for byte
        assert_eq!(base.to_file_text_over(old), old);
        // not a lexicon file: written anew
        assert_eq!(merged.to_file_text_over("junk"), merged.to_file_text());
    }
}
