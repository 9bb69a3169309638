//! A session from a Taliq file, and a session's Taliq file.

use super::{ExportFile, ImportError};
use crate::extract::ProjectLexicon;
use crate::extract::suggest::with_suggestions_beside;
use crate::model::document::Document;
use crate::session::{Provenance, Session};

impl Session {
    /// Opens `doc` with annotations restored from a saved file written for the same text.
    ///
    /// # Errors
    /// [`ImportError`] when a stored annotation does not fit the document.
    pub fn restore(doc: Document, file: &ExportFile) -> Result<Session, ImportError> {
        let anns = file.annotations_for(&doc)?;
        let mut s = Session::with_annotations(doc, anns, Provenance::Restored);
        s.set_saved_done(file.done);
        Ok(s)
    }

    /// Opens `doc` with annotations restored from a saved file written for the same text,
    /// as [`Session::restore`]; when the file was never run through the extractor
    /// ([`ExportFile::never_extracted`]: a hand-made file), the extractor's suggestions
    /// (with `lexicon`) are added, pending, wherever they overlap no loaded annotation of
    /// the same layer (QUOTE or names), as [`Session::reanchored`] adds them.
    ///
    /// # Errors
    /// [`ImportError`] when a stored annotation does not fit the document.
    pub fn restore_using(
        doc: Document,
        file: &ExportFile,
        lexicon: &ProjectLexicon,
    ) -> Result<Session, ImportError> {
        let mut anns = file.annotations_for(&doc)?;
        if file.never_extracted() {
            anns = with_suggestions_beside(&doc, anns, lexicon);
        }
        let mut s = Session::with_annotations(doc, anns, Provenance::Restored);
        s.set_saved_done(file.done);
        Ok(s)
    }

    /// The export of the current state.
    #[must_use]
    pub fn to_export(&self) -> ExportFile {
        let mut file = ExportFile::new(self.document(), self.annotations());
        file.done = self.done();
        file
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{Annotation, Origin, Status};
    use crate::model::label::Label;
    use crate::model::span::Span;
    use crate::session::Edit;

    #[test]
    fn a_never_extracted_file_gets_suggestions_beside_its_annotations_and_a_taliq_file_does_not() {
        let doc = Document::from_text(
            "قال الرئيس فلاديمير بوتين إن بوتين سيزور الكرملين",
            "a.txt",
            "UTF-8",
        );
        let lexicon = ProjectLexicon::new();
        // by hand: «الرئيس فلاديمير بوتين», title and all, as one PERSON
        let mut hand = Session::with_annotations(doc.clone(), Vec::new(), Provenance::Restored);
        let a = hand.manual_annotation(Span::new(&doc, 4, 25).unwrap(), Label::Person);
        hand.apply(Edit::Add(a)).unwrap();
        let file = hand.to_export();
        assert!(file.never_extracted());
        let s = Session::restore_using(doc.clone(), &file, &lexicon).unwrap();
        assert_eq!(s.provenance(), Provenance::Restored);
        let extracted: Vec<&Annotation> = s
            .annotations()
            .iter()
            .filter(|a| a.origin == Origin::Extracted)
            .collect();
        assert!(
            extracted.iter().all(|a| a.status == Status::Pending
                && !a.span.overlaps(Span::new(&doc, 4, 25).unwrap())),
            "{extracted:?}"
        );
        let texts: Vec<&str> = extracted
            .iter()
            .map(|a| doc.slice(a.span.start(), a.span.end()))
            .collect();
        assert!(
            texts.contains(&"بوتين") && texts.contains(&"الكرملين"),
            "{texts:?}"
        );
        assert!(
            extracted.iter().all(|a| a.id > 1),
            "ids after the loaded ones"
        );
        // the same work once extracted (a file Taliq wrote): restored as it is
        let taliq = s.to_export();
        assert!(!taliq.never_extracted());
        let again = Session::restore_using(doc, &taliq, &lexicon).unwrap();
        assert_eq!(again.annotations(), s.annotations());
    }
}
