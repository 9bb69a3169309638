//! Any bytes as a file for the `Doccano` importer
//! (crates/taliq-core/src/formats/doccano.rs), each document it reads placed on an article
//! of its own text (`taliq_fuzz::import_and_place`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use taliq_core::formats::doccano::Doccano;
use taliq_core::workspace::convert::FormatId;

fuzz_target!(|data: &[u8]| {
    taliq_fuzz::import_and_place(&Doccano::default(), data, FormatId::Doccano);
});
