//! The first layer: what an annotation is about and what it is.
//!
//! A [`document::Document`] is an article's text with its offset indexes; a
//! [`span::Span`] a validated range of it; a [`label::Label`] one of the guideline labels;
//! an [`annotation::Annotation`] a labelled span with its status, origin and facts; a
//! [`entity_id::EntityId`] the label and canonical name that group mentions into one
//! entity; a [`format::FormatId`] the tool a file is of; a [`lesson::Lesson`] what a decision on one teaches the project lexicon.

pub mod annotation;
pub mod document;
pub mod entity_id;
pub mod format;
pub mod label;
pub mod lesson;
pub mod span;
