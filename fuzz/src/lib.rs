//! Taliq's domain modules, compiled from the main crate's own source files (`../src`)
//! without its window, text-engine and CLI modules, so that the fuzz build does not have to
//! instrument eframe, wgpu, winit and cosmic-text: with them the sanitizer build takes over
//! an hour on a 2-core machine, without them a few minutes. The modules below reach only
//! each other (`crate::…`) and the crates listed in `Cargo.toml`; a domain module that
//! starts using the GUI fails this build loudly. Targets `use taliq::…` as they would the
//! real crate.
#![allow(dead_code, unused_imports)]

#[path = "../../src/annotation.rs"]
pub mod annotation;
#[path = "../../src/document.rs"]
pub mod document;
#[path = "../../src/docx.rs"]
pub mod docx;
#[path = "../../src/export.rs"]
pub mod export;
#[path = "../../src/export_log.rs"]
pub mod export_log;
#[path = "../../src/extract/mod.rs"]
pub mod extract;
#[path = "../../src/html.rs"]
pub mod html;
#[path = "../../src/journal.rs"]
pub mod journal;
#[path = "../../src/label.rs"]
pub mod label;
#[path = "../../src/reanchor.rs"]
pub mod reanchor;
#[path = "../../src/session.rs"]
pub mod session;
#[path = "../../src/span.rs"]
pub mod span;
#[path = "../../src/storage.rs"]
pub mod storage;
