//! The egui shell: a thin layer over [`taliq_core::session::Session`] and [`taliq_text`].

mod about;
mod app;
mod arabic_combo;
pub mod arabic_edit;
mod article;
pub mod command;
mod corpus;
mod facts;
mod lexicon;
mod messages;
mod panels;
mod status;
mod words;

pub use app::{Severity, TaliqApp};
pub use command::Command;
