//! Any bytes as a file for the `Conll` importer (crates/taliq-core/src/formats/conll.rs),
//! each document it reads placed on an article of its own text
//! (`taliq_fuzz::import_and_place`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use taliq_core::formats::conll::Conll;
use taliq_core::workspace::convert::FormatId;

fuzz_target!(|data: &[u8]| {
    taliq_fuzz::import_and_place(&Conll::default(), data, FormatId::Conll);
});
