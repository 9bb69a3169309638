//! Other tools' formats in the app: File ▸ Import annotations (also a dropped annotation
//! file) and File ▸ Export as.

#[allow(
    clippy::wildcard_imports,
    reason = "the parent module's imports, as if in one file"
)]
use super::*;

use taliq_core::workspace::convert::{self, ExportOptions, FormatId};
use taliq_core::workspace::import::plan_import;

impl TaliqApp {
    /// Exports the open article in `format` to `path` and says what the format left out.
    pub(super) fn export_format(&mut self, format: FormatId, path: &Path) {
        let Some(a) = &self.article else {
            self.say(Severity::Warning, words::review::Msg::NoArticle);
            return;
        };
        let options = ExportOptions {
            relations: format == FormatId::Doccano,
            pending: false,
        };
        match convert::write_export(
            format,
            options,
            a.session.document(),
            a.session.annotations(),
            path,
        ) {
            Ok(left_out) => {
                let severity = if left_out.is_empty() {
                    Severity::Info
                } else {
                    Severity::Warning
                };
                self.say(
                    severity,
                    words::interchange::Msg::ExportedAs {
                        format,
                        path,
                        left_out: &left_out,
                    },
                );
            }
            Err(e) => self.say(Severity::Error, words::interchange::Msg::ExportAsFailed(&e)),
        }
    }

    /// Imports the annotations of `path` into the open article as one undo step
    /// ([`plan_import`]), and says what came in and what did not.
    pub(super) fn import(&mut self, path: &Path) {
        let Some(a) = &mut self.article else {
            self.say(Severity::Warning, words::review::Msg::NoArticle);
            return;
        };
        match plan_import(&mut a.session, path) {
            Ok(plan) => {
                if !plan.edits.is_empty() && !self.edit(Edit::Batch(plan.edits.clone())) {
                    return; // the failure is said
                }
                let severity = if plan.conflicts.is_empty() && plan.unplaced == 0 {
                    Severity::Info
                } else {
                    Severity::Warning
                };
                self.say_pinned(severity, words::interchange::Msg::Imported(&plan));
            }
            Err(e) => self.say(Severity::Error, words::interchange::Msg::ImportFailed(&e)),
        }
    }
}
