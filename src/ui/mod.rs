//! The egui shell: a thin layer over [`taliq_core::session::Session`] and [`taliq_text`].

mod about;
pub mod action;
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
pub(crate) mod words;

pub use action::{Action, CloseChoice};
pub use app::{Severity, TaliqApp};
pub use command::UiCommand;
