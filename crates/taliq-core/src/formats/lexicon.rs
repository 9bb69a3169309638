//! The project lexicon file, `taliq-lexicon.txt` in the folder of the articles: plain
//! UTF-8 text, one item a line, meant to be read, edited and shared by people.
//!
//! ```text
//! # taliq-lexicon 2
//! ~ PERSON<TAB>بوتين<TAB>فلاديمير بوتين<TAB>10<TAB>1
//! + ORGANIZATION<TAB>ساسكتل
//! - PERSON<TAB>الرئيس
//! ! learning off
//! ```
//!
//! (`<TAB>` stands for one tab character.)
//!
//! - The first line is the header `# taliq-lexicon 2` (format name and version); a
//!   UTF-8 byte order mark before it is allowed. Files of version 1 are read too (below).
//! - Empty lines and lines starting with `#` are comments.
//! - `~ LABEL<TAB>surface<TAB>canonical<TAB>accepted<TAB>rejected`: decisions counted in
//!   the folder; the item acts by their balance ([`Rule::ByDecisions`]).
//! - `+ LABEL<TAB>surface[<TAB>canonical[<TAB>accepted<TAB>rejected]]`: always suggested
//!   ([`Rule::Always`]); `- LABEL<TAB>surface[…]`: never suggested
//!   ([`Rule::Never`]). The counts are optional on these lines.
//! - The canonical name may be empty or left out: it is then the surface.
//! - `! learning off` stops learning from decisions in this folder (`! learning on`, or
//!   no such line, learns).
//! - `LABEL` is a guideline label name (`PERSON`, `ORGANIZATION`, `LOCATION`, `DATE`,
//!   `NUMBER`, `MISC`); fields are separated by one tab, and spaces around a field are
//!   ignored.
//!
//! Version 1 files (header `# taliq-lexicon 1`) had `+ LABEL<TAB>surface<TAB>canonical`
//! for a name learned from one acceptance and `- LABEL<TAB>surface` for a suggestion
//! rejected once (the last decision won). They are read as what they record: one
//! acceptance, or one rejection, counted by the balance rule; so a name one rejection had
//! blocked in version 1 is suggested again. The file is written as version 2 the next
//! time Taliq rewrites it.
//!
//! Surfaces are stored as written (diacritics and tatweel removed, runs of whitespace
//! collapsed); matching normalizes them. [`ProjectLexicon::to_file_text`] is a new file: the
//! header, a short comment, the items in the order they were learned.
//! [`ProjectLexicon::to_file_text_over`] (what the app writes) rewrites an existing file in place:
//! comments, blank lines and the order of hand-written items are kept, changed items are
//! updated on their line, forgotten ones removed and new ones appended.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::extract::lexicon::{LexiconItem, ProjectLexicon, Rule, clean, surface_key};
use crate::model::label::Label;

/// The header line of a lexicon file of the current version.
pub const HEADER: &str = "# taliq-lexicon 2";
/// The header line of a version 1 file.
const HEADER_V1: &str = "# taliq-lexicon 1";

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

/// The version of a file from its first line: 1, 2, or `None` when it is not a lexicon.
fn version(text: &str) -> Option<u8> {
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    match body.lines().next().map(str::trim_end) {
        Some(HEADER) => Some(2),
        Some(HEADER_V1) => Some(1),
        _ => None,
    }
}

/// One item line as read: its kind char, label, fields.
struct ItemLine {
    rule: Rule,
    label: Label,
    surface: String,
    canonical: Option<String>,
    counts: Option<(u32, u32)>,
}

/// Reads one item line (`line` trimmed, not a comment) of a file of `version`; `Err` says
/// what is wrong.
fn read_item(line: &str, version: u8) -> Result<ItemLine, String> {
    let (kind, rest) = match line.chars().next() {
        Some(k @ ('+' | '-' | '~')) => (k, &line[1..]),
        _ => {
            return Err(format!(
                "expected \"~ LABEL<TAB>surface<TAB>canonical<TAB>accepted<TAB>rejected\", \"+ LABEL<TAB>surface\" or \"- LABEL<TAB>surface\", found {line:?}"
            ));
        }
    };
    if kind == '~' && version == 1 {
        return Err("\"~\" lines need the header \"# taliq-lexicon 2\"".to_owned());
    }
    let fields: Vec<&str> = rest.split('\t').map(str::trim).collect();
    let label =
        Label::from_name(fields[0]).ok_or_else(|| format!("unknown label {:?}", fields[0]))?;
    if label == Label::Quote {
        return Err("QUOTE cannot be a lexicon label".to_owned());
    }
    let surface = fields.get(1).copied().unwrap_or("");
    if surface_key(surface).is_empty() {
        return Err("missing surface form (after a tab)".to_owned());
    }
    let max = if version == 1 {
        if kind == '+' { 3 } else { 2 }
    } else {
        5
    };
    if fields.len() > max {
        return Err(if version == 1 && kind == '-' {
            "a rejection has no canonical name (too many fields)".to_owned()
        } else {
            "too many tab-separated fields".to_owned()
        });
    }
    let counts = match (fields.get(3), fields.get(4)) {
        (None, None) => None,
        (Some(a), Some(r)) => {
            let n = |s: &str| {
                s.parse::<u32>()
                    .map_err(|_| format!("{s:?} is not a count (a whole number ≥ 0)"))
            };
            Some((n(a)?, n(r)?))
        }
        _ => return Err("give both counts, accepted and rejected, or neither".to_owned()),
    };
    let (rule, counts) = match (version, kind) {
        // version 1 recorded the last decision: one acceptance or one rejection
        (1, '+') => (Rule::ByDecisions, Some((1, 0))),
        (1, _) => (Rule::ByDecisions, Some((0, 1))),
        (_, '+') => (Rule::Always, counts),
        (_, '-') => (Rule::Never, counts),
        _ => (Rule::ByDecisions, counts),
    };
    Ok(ItemLine {
        rule,
        label,
        surface: clean(surface),
        canonical: fields.get(2).map(|c| clean(c)).filter(|c| !c.is_empty()),
        counts,
    })
}

/// The line of an item as written.
fn item_line(item: &LexiconItem) -> String {
    let kind = match item.rule {
        Rule::ByDecisions => '~',
        Rule::Always => '+',
        Rule::Never => '-',
    };
    let mut line = format!("{kind} {}\t{}", item.label.as_str(), item.surface);
    let counted = item.accepted > 0 || item.rejected > 0;
    if item.rule == Rule::ByDecisions || counted || item.canonical != item.surface {
        let _ = write!(line, "\t{}", item.canonical);
    }
    if item.rule == Rule::ByDecisions || counted {
        let _ = write!(line, "\t{}\t{}", item.accepted, item.rejected);
    }
    line
}

/// The directive line for the learning switch.
fn learning_line(on: bool) -> &'static str {
    if on {
        "! learning on"
    } else {
        "! learning off"
    }
}

impl ProjectLexicon {
    /// Parses the text of a lexicon file (version 2, or 1: see the module doc); `path`
    /// only names the file in errors. A second line for the same label and surface
    /// replaces the first.
    pub fn parse(text: &str, path: &Path) -> Result<ProjectLexicon, LexiconError> {
        let Some(version) = version(text) else {
            return Err(LexiconError::Header {
                path: path.to_path_buf(),
            });
        };
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut lx = ProjectLexicon::new();
        for (n, raw) in text.lines().enumerate().skip(1) {
            let err = |message: String| LexiconError::Line {
                path: path.to_path_buf(),
                line: n + 1,
                message,
            };
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(directive) = line.strip_prefix('!') {
                match directive.split_whitespace().collect::<Vec<_>>().as_slice() {
                    ["learning", "on"] => {
                        lx.set_learning(true);
                    }
                    ["learning", "off"] => {
                        lx.set_learning(false);
                    }
                    _ => {
                        return Err(err(format!(
                            "unknown directive {line:?} (expected \"! learning on\" or \"! learning off\")"
                        )));
                    }
                }
                continue;
            }
            let item = read_item(line, version).map_err(err)?;
            lx.forget(&item.surface, item.label);
            let Some(it) = lx.item_mut(&item.surface, item.label) else {
                continue;
            };
            it.rule = item.rule;
            if let Some(c) = item.canonical {
                it.canonical = c;
            }
            if let Some((a, r)) = item.counts {
                it.accepted = a;
                it.rejected = r;
            }
        }
        Ok(lx)
    }

    /// The file text of the lexicon (see the module doc); blank items are left out.
    #[must_use]
    pub fn to_file_text(&self) -> String {
        let mut out = String::new();
        out.push_str(HEADER);
        out.push('\n');
        out.push_str(
            "# Taliq project lexicon: what the decisions in this folder taught the extractor.\n\
             # \"~ LABEL<TAB>surface<TAB>canonical<TAB>accepted<TAB>rejected\": counted decisions (a\n\
             # name accepted more often than rejected is suggested; one rejected 3 times and 3 times\n\
             # as often as accepted is not); \"+ …\" always suggested, \"- …\" never suggested.\n",
        );
        if !self.learning() {
            out.push_str(learning_line(false));
            out.push('\n');
        }
        for item in self.items().iter().filter(|i| !i.is_blank()) {
            out.push_str(&item_line(item));
            out.push('\n');
        }
        out
    }

    /// The file text of the lexicon written over `old`, the file's current text, so that
    /// what the annotator wrote by hand stays as it was: comment and blank lines and the
    /// order of the items are kept; an item line whose item is unchanged is kept byte for
    /// byte, one whose item changed is rewritten in place, one no longer in the lexicon
    /// (forgotten, or blank) is removed (as is a second line for the same label and
    /// surface), and items not in `old` are appended at the end. A version 1 file gets
    /// the version 2 header and all its item lines rewritten. When `old` is not a lexicon
    /// file (no header) this is [`Self::to_file_text`].
    #[must_use]
    pub fn to_file_text_over(&self, old: &str) -> String {
        let Some(version) = version(old) else {
            return self.to_file_text();
        };
        let mut written: std::collections::HashSet<(Label, String)> =
            std::collections::HashSet::new();
        let mut learning_written = false;
        let mut out = String::with_capacity(old.len() + 64);
        for (n, raw) in old.lines().enumerate() {
            if n == 0 {
                out.push_str(if version == 2 { raw } else { HEADER });
                out.push('\n');
                if !self.learning() && !old.contains(learning_line(false)) {
                    out.push_str(learning_line(false));
                    out.push('\n');
                    learning_written = true;
                }
                continue;
            }
            let line = raw.trim();
            if line.starts_with('!') {
                if !learning_written && line.starts_with("! learning") {
                    learning_written = true;
                    let now = learning_line(self.learning());
                    if line == now {
                        out.push_str(raw);
                        out.push('\n');
                    } else if !self.learning() {
                        out.push_str(now);
                        out.push('\n');
                    }
                }
                continue;
            }
            // comments, blank lines (and anything unreadable) stay
            let Ok(read) = read_item(line, version) else {
                out.push_str(raw);
                out.push('\n');
                continue;
            };
            let key = surface_key(&read.surface);
            if !written.insert((read.label, key)) {
                continue;
            }
            let Some(item) = self
                .get(&read.surface, read.label)
                .filter(|i| !i.is_blank())
            else {
                continue;
            };
            let same = version == 2
                && read.rule == item.rule
                && read.surface == item.surface
                && read.canonical.as_deref().unwrap_or(&read.surface) == item.canonical
                && read.counts.unwrap_or((0, 0)) == (item.accepted, item.rejected);
            if same {
                out.push_str(raw);
            } else {
                out.push_str(&item_line(item));
            }
            out.push('\n');
        }
        for item in self.items().iter().filter(|i| !i.is_blank()) {
            if !written.contains(&(item.label, surface_key(&item.surface))) {
                out.push_str(&item_line(item));
                out.push('\n');
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::{Effect, Lesson, Tally, counted};

    /// Found by tests/kill9.rs: rejecting a QUOTE suggestion wrote a `- QUOTE` line that
    /// `parse` refuses, so the folder's lexicon could no longer be read or changed.
    #[test]
    fn quotes_are_never_learned_so_the_file_always_reads_back() {
        let q = crate::model::annotation::Annotation {
            id: 1,
            span: {
                let doc = crate::model::document::Document::from_text("ببببب", "t", "UTF-8");
                crate::model::span::Span::new(&doc, 0, 5).unwrap()
            },
            label: Label::Quote,
            origin: crate::model::annotation::Origin::Extracted,
            status: crate::model::annotation::Status::Rejected,
            note: String::new(),
            canonical: String::new(),
            facts: crate::model::annotation::Facts::default(),
        };
        assert_eq!(Lesson::of_annotation(&q, "\"قال إنه مستعد\""), None);
        let lx = counted("ساسكتل", Label::Person, 0, 1);
        let back = ProjectLexicon::parse(&lx.to_file_text(), Path::new("x")).unwrap();
        assert_eq!(back, lx);
        assert!(
            ProjectLexicon::parse("# taliq-lexicon 2\n- QUOTE\tنعم\n", Path::new("x")).is_err()
        );
    }

    /// Version 1 recorded the last decision on each name; it is read as that one decision.
    #[test]
    fn a_version_1_file_reads_as_one_decision_a_line_and_is_rewritten_as_version_2() {
        let old = "# taliq-lexicon 1\n# mine\n+ PERSON\tبوتين\tفلاديمير بوتين\n- PERSON\tترامب\n";
        let lx = ProjectLexicon::parse(old, Path::new("x")).unwrap();
        let putin = lx.get("بوتين", Label::Person).unwrap();
        assert_eq!(
            (putin.accepted, putin.rejected, putin.rule),
            (1, 0, Rule::ByDecisions)
        );
        assert_eq!(putin.canonical, "فلاديمير بوتين");
        assert_eq!(lx.effect_of("ترامب", Label::Person), Effect::Undecided);
        assert_eq!(
            lx.to_file_text_over(old),
            "# taliq-lexicon 2\n# mine\n~ PERSON\tبوتين\tفلاديمير بوتين\t1\t0\n~ PERSON\tترامب\tترامب\t0\t1\n"
        );
    }

    #[test]
    fn rewriting_over_a_hand_edited_file_keeps_its_comments_and_order() {
        let old = "# taliq-lexicon 2\n\
                   # my notes\n\
                   + PERSON\tزيد\n\
                   \n\
                   # places\n\
                   ~ LOCATION\t موسكو \tموسكو\t2\t0\n\
                   - LOCATION\tالبيت الأبيض\n\
                   + ORGANIZATION\tساسكتل\tشركة ساسكتل\n\
                   ~ MISC\tفلان\tفلان\t1\t0\n";
        let path = Path::new("taliq-lexicon.txt");
        let base = ProjectLexicon::parse(old, path).unwrap();
        let mut ours = base.clone();
        ours.forget("زيد", Label::Person);
        ours.set_canonical("ساسكتل", Label::Organization, "ساسكتل للاتصالات");
        ours.count("فلان", Label::Misc, Some("فلان"), Tally::TakeBack);
        ours.count("عمرو", Label::Person, Some("عمرو"), Tally::Add);
        ours.set_learning(false);
        let merged = ProjectLexicon::merged(&base, &ours, &base);
        let text = merged.to_file_text_over(old);
        assert_eq!(
            text,
            "# taliq-lexicon 2\n\
             ! learning off\n\
             # my notes\n\
             \n\
             # places\n\
             ~ LOCATION\t موسكو \tموسكو\t2\t0\n\
             - LOCATION\tالبيت الأبيض\n\
             + ORGANIZATION\tساسكتل\tساسكتل للاتصالات\n\
             ~ PERSON\tعمرو\tعمرو\t1\t0\n"
        );
        assert_eq!(ProjectLexicon::parse(&text, path).unwrap(), merged);
        // nothing changed: the file is kept byte for byte
        assert_eq!(base.to_file_text_over(old), old);
        // not a lexicon file: written anew
        assert_eq!(merged.to_file_text_over("junk"), merged.to_file_text());
    }
}
