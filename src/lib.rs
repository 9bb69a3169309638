//! Taliq (تعليق): a desktop tool for annotating Arabic news articles. This crate is the
//! app: the command line ([`cli`]) and the egui shell ([`ui`]); the domain is the
//! `taliq-core` crate and the Arabic text engine `taliq-text` (see `ARCHITECTURE.md`).

pub mod cli;
pub mod date_text;
pub mod settings;
pub mod ui;
