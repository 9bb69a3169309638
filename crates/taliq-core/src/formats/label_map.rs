//! How other tools' label names become Taliq's: the [`LabelMap`] (the common names by
//! default, and the annotator's own choices, from a label map file or the import
//! dialog), and what to do with a name it does not know ([`Unknown`]).
//!
//! A label map file is UTF-8 text, one mapping a line, `NAME = TARGET`, where NAME is the
//! other tool's label (any case) and TARGET a Taliq label (`PERSON`, `ORGANIZATION`,
//! `LOCATION`, `DATE`, `NUMBER`, `QUOTE`, `MISC`) or `skip` (spans with that label are
//! not brought in); blank lines and lines starting with `#` are comments:
//!
//! ```text
//! # labels of our Label Studio project
//! PERS = PERSON
//! NORP = MISC
//! TITLE = skip
//! ```

use std::collections::BTreeMap;

use thiserror::Error;

use crate::model::label::Label;

/// Maps other tools' label names to Taliq's, or to skipping. The default knows the common
/// names of CoNLL-2003, OntoNotes/spaCy and the Arabic corpora (ANERcorp `PERS`,
/// NewsFANE): `PER`/`PERS`/`PERSON`, `ORG`, `LOC`/`GPE`/`FAC`, `DATE`/`TIME`,
/// `CARDINAL`/`MONEY`/`PERCENT`/`QUANTITY`/`NUM`, `MISC`/`EVENT`/`PRODUCT`/`LAW`/
/// `WORK_OF_ART`, `QUOTE`; case does not matter. What it does not know is placed or not
/// as [`Unknown`] says (`formats::exchange::place`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelMap {
    /// Upper-cased name → the label, `None` for a name to skip.
    names: BTreeMap<String, Option<Label>>,
}

impl Default for LabelMap {
    fn default() -> Self {
        let mut names = BTreeMap::new();
        for l in Label::ALL {
            names.insert(l.as_str().to_owned(), Some(l));
        }
        let common: [(&str, Label); 19] = [
            ("PER", Label::Person),
            ("PERS", Label::Person),
            ("ORG", Label::Organization),
            ("LOC", Label::Location),
            ("GPE", Label::Location),
            ("FAC", Label::Location),
            ("TIME", Label::Date),
            ("CARDINAL", Label::Number),
            ("MONEY", Label::Number),
            ("PERCENT", Label::Number),
            ("QUANTITY", Label::Number),
            ("NUM", Label::Number),
            ("EVENT", Label::Misc),
            ("PRODUCT", Label::Misc),
            ("LAW", Label::Misc),
            ("WORK_OF_ART", Label::Misc),
            ("ORGANISATION", Label::Organization),
            ("PLACE", Label::Location),
            ("QUOTATION", Label::Quote),
        ];
        for (n, l) in common {
            names.insert(n.to_owned(), Some(l));
        }
        LabelMap { names }
    }
}

/// The key a name is kept under: trimmed, ASCII upper case.
fn key(name: &str) -> String {
    name.trim().to_ascii_uppercase()
}

/// The target word of a label map file line for `target`: the label's name, or `skip`.
#[must_use]
pub fn target_word(target: Option<Label>) -> &'static str {
    target.map_or(SKIP, Label::as_str)
}

/// The word of a label map file that skips a name.
pub const SKIP: &str = "skip";

/// The usual name of a label map file in an article's folder.
pub const FILE_NAME: &str = "taliq-labels.txt";

/// A line of a label map file that cannot be read (1-based `line`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LabelMapError {
    /// No `=` between the name and the target.
    #[error("line {line}: NAME = TARGET expected")]
    NoEquals {
        /// The line.
        line: usize,
    },
    /// Nothing before the `=`.
    #[error("line {line}: no label name before =")]
    EmptyName {
        /// The line.
        line: usize,
    },
    /// The same name (any case) was given another target on an earlier line.
    #[error("line {line}: {name} is given another label on line {earlier}")]
    Conflicting {
        /// The line.
        line: usize,
        /// The name as written.
        name: String,
        /// The earlier line.
        earlier: usize,
    },
    /// The target is neither a Taliq label nor `skip`.
    #[error("line {line}: {target} is not a Taliq label (or skip)")]
    UnknownTarget {
        /// The line.
        line: usize,
        /// The target as written.
        target: String,
    },
}

impl LabelMap {
    /// Taliq's label for the tool's `name`, `None` when the map does not know it or skips
    /// it ([`Self::skips`]).
    #[must_use]
    pub fn get(&self, name: &str) -> Option<Label> {
        self.names.get(&key(name)).copied().flatten()
    }

    /// Whether the map says to leave spans with the label `name` out.
    #[must_use]
    pub fn skips(&self, name: &str) -> bool {
        matches!(self.names.get(&key(name)), Some(None))
    }

    /// Whether the map says something of `name` (a label or skipping it).
    #[must_use]
    pub fn knows(&self, name: &str) -> bool {
        self.names.contains_key(&key(name))
    }

    /// Maps `name` (any case) to `target` (`None`: skip it), in place of what the map
    /// said.
    pub fn set(&mut self, name: &str, target: Option<Label>) {
        self.names.insert(key(name), target);
    }

    /// The default map with the mappings of a label map file's text (see the module
    /// documentation) on top.
    ///
    /// # Errors
    /// [`LabelMapError`] for the first line that is not a mapping or a comment.
    pub fn parse(text: &str) -> Result<LabelMap, LabelMapError> {
        let mut map = LabelMap::default();
        // the line and target of each name the file gives
        let mut given: BTreeMap<String, (usize, Option<Label>)> = BTreeMap::new();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (n, line) in text.lines().enumerate() {
            let line_no = n + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, target) = line
                .split_once('=')
                .ok_or(LabelMapError::NoEquals { line: line_no })?;
            let (name, target) = (name.trim(), target.trim());
            if name.is_empty() {
                return Err(LabelMapError::EmptyName { line: line_no });
            }
            let target = if target.eq_ignore_ascii_case(SKIP) {
                None
            } else {
                Some(
                    Label::from_name(&target.to_ascii_uppercase()).ok_or_else(|| {
                        LabelMapError::UnknownTarget {
                            line: line_no,
                            target: target.to_owned(),
                        }
                    })?,
                )
            };
            match given.get(&key(name)) {
                Some(&(earlier, t)) if t != target => {
                    return Err(LabelMapError::Conflicting {
                        line: line_no,
                        name: name.to_owned(),
                        earlier,
                    });
                }
                Some(_) => {}
                None => {
                    given.insert(key(name), (line_no, target));
                }
            }
            map.set(name, target);
        }
        Ok(map)
    }
}

/// What `formats::exchange::place` does with a span whose label the [`LabelMap`] does
/// not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// Placed as MISC (and listed).
    AsMisc,
    /// Not placed (and listed).
    Skip,
}

#[cfg(test)]
mod tests {
    use super::{LabelMap, LabelMapError, target_word};
    use crate::model::label::Label;

    #[test]
    fn a_file_maps_names_on_top_of_the_common_ones() {
        let map =
            LabelMap::parse("\u{feff}# ours\n\nnorp = misc\n  TITLE=skip  \nPER = LOCATION\n")
                .unwrap();
        assert_eq!(map.get("NORP"), Some(Label::Misc));
        assert_eq!(map.get("Norp"), Some(Label::Misc));
        assert!(map.skips("title") && map.get("title").is_none() && map.knows("TITLE"));
        assert_eq!(map.get("per"), Some(Label::Location), "the file wins");
        assert_eq!(
            map.get("GPE"),
            Some(Label::Location),
            "the common names stay"
        );
        assert!(!map.knows("ROLE") && !map.skips("ROLE"));
        assert_eq!(target_word(None), "skip");
        assert_eq!(target_word(Some(Label::Date)), "DATE");
    }

    #[test]
    fn a_bad_line_is_named() {
        assert_eq!(
            LabelMap::parse("A = PERSON\nB PERSON\n"),
            Err(LabelMapError::NoEquals { line: 2 })
        );
        assert_eq!(
            LabelMap::parse("= PERSON"),
            Err(LabelMapError::EmptyName { line: 1 })
        );
        assert_eq!(
            LabelMap::parse("A = MISC\nb = skip\na = QUOTE"),
            Err(LabelMapError::Conflicting {
                line: 3,
                name: "a".into(),
                earlier: 1
            })
        );
        assert!(
            LabelMap::parse("A = MISC\na = misc").is_ok(),
            "the same twice is no conflict"
        );
        assert_eq!(
            LabelMap::parse("# x\nA = PEOPLE"),
            Err(LabelMapError::UnknownTarget {
                line: 2,
                target: "PEOPLE".into()
            })
        );
    }
}
