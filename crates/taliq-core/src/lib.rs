//! The domain of Taliq (تعليق), the desktop tool for annotating Arabic news articles: no
//! GUI crate in its dependency tree, testable without a window.
//!
//! Layers, each importing only the layers before it (and siblings of a layer never
//! importing each other; `tests/layers.rs` checks it):
//!
//! | layer | what |
//! |---|---|
//! | [`model`] | document (text and its offset indexes), span, label, annotation |
//! | [`session`] | an open article's annotations and the undoable edits on them |
//! | [`extract`] | analysis, recognizers, facts, the project lexicon: suggestions |
//! | [`formats`], [`eval`] | files of Taliq and of other tools, article decoding; scores against gold files |
//! | [`workspace`] | the only layer that touches the file system |
//!
//! `ARCHITECTURE.md` at the top of the repository says where each kind of change goes.

pub mod eval;
pub mod extract;
pub mod formats;
pub mod model;
pub mod session;
pub mod workspace;

/// The bundled sample article (`seeds/putin-trump-call.ar.txt`), for tests.
#[cfg(test)]
pub(crate) const SAMPLE_TEXT: &str = include_str!("../../../seeds/putin-trump-call.ar.txt");
