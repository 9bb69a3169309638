//! The words of other tools' formats: File ▸ Import annotations, File ▸ Export as, and
//! `taliq convert` on the command line (which shares them): what a format left out, why a
//! span could not be brought in, what an import did.

use std::fmt::Write as _;
use std::path::Path;

use taliq_core::formats::exchange::{LeftOut, SpanProblem};
use taliq_core::workspace::convert::FormatId;
use taliq_core::workspace::folder_import::FolderImport;
use taliq_core::workspace::import::{ImportIntoError, ImportPlan};
use taliq_core::workspace::labels::LabelsError;
use taliq_core::workspace::storage::StorageError;

/// The name of a format in menus and messages.
#[must_use]
pub(crate) fn format_title(format: FormatId) -> &'static str {
    match format {
        FormatId::Taliq => "Taliq JSON",
        FormatId::Doccano => "doccano JSON Lines",
        FormatId::LabelStudio => "Label Studio JSON",
        FormatId::LabelStudioMin => "Label Studio JSON-MIN",
        FormatId::Brat => "brat standoff",
        FormatId::Conll => "CoNLL (IOB2)",
        FormatId::Prodigy => "Prodigy JSON Lines",
        FormatId::Spacy => "spaCy DocBin",
        FormatId::Inception => "INCEpTION UIMA CAS JSON",
        FormatId::WebannoTsv => "WebAnno TSV 3.3",
        FormatId::WebAnnotation => "W3C Web Annotation",
    }
}

/// What a format left out, as a list (`"3 note(s), 2 speaker link(s)"`); `None` when
/// nothing.
#[must_use]
pub(crate) fn left_out_list(left_out: &[LeftOut]) -> Option<String> {
    let parts: Vec<String> = left_out
        .iter()
        .map(|l| match *l {
            LeftOut::Pending(n) => format!("{n} pending suggestion(s)"),
            LeftOut::Rejected(n) => format!("{n} rejected suggestion(s)"),
            LeftOut::Notes(n) => format!("{n} note(s)"),
            LeftOut::Attributes(n) => format!("{n} role/nationality fact(s)"),
            LeftOut::Speakers(n) => format!("{n} speaker link(s)"),
            LeftOut::DateValues(n) => format!("{n} date value(s)"),
            LeftOut::CanonicalNames(n) => format!("{n} canonical name(s)"),
            LeftOut::Overlapping(n) => format!("{n} overlapping annotation(s)"),
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The command line's note on what `format` left out.
#[must_use]
pub(crate) fn left_out_note(format: FormatId, left_out: &[LeftOut]) -> Option<String> {
    left_out_list(left_out)
        .map(|list| format!("note: {} has no place for {list}; left out", format.name()))
}

/// Why span `index` (from 0) of the document `source` was not converted as it was.
#[must_use]
pub(crate) fn span_problem(source: &str, p: &SpanProblem) -> String {
    let at = |i: &usize| format!("{source}: span {}", i + 1);
    match p {
        SpanProblem::OutsideText { index } => {
            format!(
                "{}: its offsets are outside the text; not converted",
                at(index)
            )
        }
        SpanProblem::Empty { index } => format!(
            "{}: empty, or no letters or digits; not converted",
            at(index)
        ),
        SpanProblem::SplitsCluster { index, offset } => format!(
            "{}: splits a letter from its mark at offset {offset}; not converted",
            at(index)
        ),
        SpanProblem::TextMismatch {
            index,
            stated,
            found,
        } => format!(
            "{}: the file says {stated:?} but the text there is {found:?}; not converted",
            at(index)
        ),
        SpanProblem::UnknownLabel {
            index,
            label,
            placed,
        } => format!(
            "{}: unknown label {label:?}; {}",
            at(index),
            if *placed {
                "converted as MISC"
            } else {
                "not converted"
            }
        ),
        SpanProblem::SkippedLabel { index, label } => format!(
            "{}: label {label:?} is skipped by the label map; not converted",
            at(index)
        ),
        SpanProblem::Duplicate { index } => {
            format!(
                "{}: the same span and label again; converted once",
                at(index)
            )
        }
    }
}

/// A status-line message of importing and exporting other tools' formats.
#[derive(Debug)]
pub(crate) enum Msg<'a> {
    /// File ▸ Export as wrote the file; `left_out` is what the format has no place for.
    ExportedAs {
        /// The format.
        format: FormatId,
        /// The file written.
        path: &'a Path,
        /// What was left out.
        left_out: &'a [LeftOut],
    },
    /// File ▸ Export as could not write the file.
    ExportAsFailed(&'a StorageError),
    /// File ▸ Import annotations read the file: what it brought in, and where the file's
    /// layer was kept when some of it conflicted (or why it could not be).
    Imported {
        /// What the import did.
        plan: &'a ImportPlan,
        /// The file the layer was written to.
        kept: Option<Result<&'a Path, &'a StorageError>>,
    },
    /// File ▸ Import annotations could not read the file, or it is another article's.
    ImportFailed(&'a ImportIntoError),
    /// File ▸ Import annotations with a folder open: what came into which articles.
    FolderImported(&'a FolderImport),
    /// The folder's label map file cannot be read (nothing is imported) or written (the
    /// choices are not remembered).
    LabelsFailed(&'a LabelsError),
}

impl From<Msg<'_>> for String {
    fn from(m: Msg<'_>) -> String {
        match m {
            Msg::ExportedAs {
                format,
                path,
                left_out,
            } => {
                let mut msg = format!("Exported as {} to {}", format_title(format), path.display());
                if let Some(list) = left_out_list(left_out) {
                    let _ = write!(msg, " (the format has no place for {list})");
                }
                msg
            }
            Msg::ExportAsFailed(e) => format!("Export failed: {e}"),
            Msg::Imported { plan, kept } => {
                let mut msg = imported(plan);
                match kept {
                    Some(Ok(path)) => {
                        let _ = write!(
                            msg,
                            "; all the file's annotations are kept in {} for comparison",
                            path.display()
                        );
                    }
                    Some(Err(e)) => {
                        let _ = write!(msg, "; the file's annotations could not be kept: {e}");
                    }
                    None => {}
                }
                msg
            }
            Msg::ImportFailed(e) => format!("Import failed: {e}"),
            Msg::FolderImported(done) => folder_imported(done),
            Msg::LabelsFailed(LabelsError::Write(e)) => {
                format!("The label choices were not remembered: {e}")
            }
            Msg::LabelsFailed(e) => format!("Nothing imported: the label map is not usable: {e}"),
        }
    }
}

/// What a folder import did: the articles it reached and what they got, the documents
/// that match no article, the articles it could not change.
fn folder_imported(done: &FolderImport) -> String {
    let reached = done.plans().count();
    let added: usize = done.plans().map(|p| p.added).sum();
    let accepted: usize = done.plans().map(|p| p.accepted).sum();
    let conflicts: usize = done.plans().map(|p| p.conflicts.len()).sum();
    let mut msg = format!(
        "Imported {} into {reached} article(s) of the folder: {added} annotation(s) added",
        format_title(done.format)
    );
    if accepted > 0 {
        let _ = write!(msg, ", {accepted} suggestion(s) accepted");
    }
    if conflicts > 0 {
        let _ = write!(
            msg,
            ", {conflicts} conflict(s) with your decisions kept yours"
        );
    }
    if let Some(p) = &done.open {
        let _ = write!(msg, " (this article: {} added)", p.added);
    }
    if !done.unmatched.is_empty() {
        let shown: Vec<String> = done
            .unmatched
            .iter()
            .take(3)
            .map(|n| taliq_text::isolate(n))
            .collect();
        let _ = write!(
            msg,
            "; {} document(s) of the file match no article here ({}{})",
            done.unmatched.len(),
            shown.join(", "),
            if done.unmatched.len() > 3 {
                ", …"
            } else {
                ""
            }
        );
    }
    for (path, e) in done.failed.iter().take(2) {
        let _ = write!(msg, "; {} unchanged: {e}", path.display());
    }
    if done.failed.len() > 2 {
        let _ = write!(msg, "; {} more unchanged", done.failed.len() - 2);
    }
    msg
}

/// What an import did, every kind of span counted that is not zero.
fn imported(p: &ImportPlan) -> String {
    let mut parts = vec![format!("{} annotation(s) added", p.added)];
    let mut add = |n: usize, what: &str| {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    };
    add(p.accepted, "suggestion(s) accepted");
    add(p.replaced, "suggestion(s) replaced");
    add(p.already, "already there");
    add(p.covered, "prediction(s) already covered by a suggestion");
    add(p.as_misc, "span(s) of unknown labels imported as MISC");
    add(p.skipped, "span(s) of skipped labels left out");
    add(p.unplaced, "span(s) that could not be placed");
    let mut msg = format!(
        "Imported {} ({}): {}",
        format_title(p.format),
        if p.reanchored {
            "another version of this text: re-anchored"
        } else {
            "same text"
        },
        parts.join(", ")
    );
    if !p.conflicts.is_empty() {
        let shown: Vec<String> = p
            .conflicts
            .iter()
            .take(3)
            .map(|(text, theirs, ours)| {
                format!(
                    "{} is {theirs} there, {ours} here",
                    taliq_text::isolate(text)
                )
            })
            .collect();
        let _ = write!(
            msg,
            "; {} conflict(s) with your decisions kept yours ({}{})",
            p.conflicts.len(),
            shown.join("; "),
            if p.conflicts.len() > 3 { "; …" } else { "" }
        );
    }
    msg
}

/// The import dialog's title.
pub(crate) const IMPORT_TITLE: &str = "Import annotations";
/// The import dialog's filter of annotation files.
pub(crate) const ANNOTATION_FILES_FILTER: &str = "Annotation files (Taliq, doccano, Label Studio, brat, CoNLL, Prodigy, spaCy, INCEpTION, Web Annotation)";

/// The label prompt's title.
pub(crate) const LABELS_TITLE: &str = "Labels Taliq does not know";
/// The label prompt's first line, for the file `path`.
#[must_use]
pub(crate) fn labels_intro(path: &Path) -> String {
    format!(
        "{} uses labels that are not Taliq's. Choose what each becomes before importing:",
        path.display()
    )
}
/// A row of the label prompt: the label as the file spells it and how many spans have it.
#[must_use]
pub(crate) fn labels_row(name: &str, spans: usize) -> String {
    format!("{name} ({spans} span(s))")
}
/// The accessible name of the choice of what the label `name` becomes.
#[must_use]
pub(crate) fn labels_choice(name: &str) -> String {
    format!("What {name} becomes")
}
/// What an unknown label can become besides a Taliq label: nothing.
pub(crate) const SKIP_LABEL: &str = "skip (leave out)";
/// The label prompt's check box, naming the folder's label map file.
#[must_use]
pub(crate) fn labels_remember(file: &str) -> String {
    format!("Remember these choices for this folder (in {file})")
}
/// The label prompt's import button.
pub(crate) const LABELS_IMPORT: &str = "Import";
/// The label prompt's cancel button.
pub(crate) const LABELS_CANCEL: &str = "Cancel";

/// The title of the Export as dialog for `format`.
#[must_use]
pub(crate) fn export_as_title(format: FormatId) -> String {
    format!("Export as {}", format_title(format))
}
