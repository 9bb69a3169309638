//! Taliq (تعليق): a desktop tool for annotating Arabic news articles.
//!
//! The domain (`document`, `span`, `label`, `annotation`, `date_text`, `extract`, `export`,
//! `storage`, `journal`, `session`) is pure Rust with no GUI types and is testable without a window. `text` is
//! the Arabic text engine (cosmic-text layout, egui painting) and `ui` the thin egui shell.

pub mod annotation;
pub mod cli;
pub mod corpus;
pub mod date_text;
pub mod document;
pub mod docx;
pub mod export;
pub mod export_log;
pub mod extract;
pub mod html;
pub mod journal;
pub mod label;
pub mod reanchor;
pub mod search;
pub mod session;
pub mod settings;
pub mod span;
pub mod storage;
pub mod text;
pub mod ui;
