//! W3C Web Annotation (crates/taliq-core/src/formats/web_annotation.rs): the input is the
//! JSON-LD file, then optionally a NUL byte and the open article's text; the file is read
//! on its own and, with a text, also over that text, and each document placed.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (file, over) = taliq_fuzz::split_at_nul(data);
    taliq_fuzz::import_web_annotation(file, over);
});
