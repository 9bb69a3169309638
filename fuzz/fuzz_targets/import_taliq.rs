//! Taliq's own JSON (crates/taliq-core/src/formats/taliq/): `ExportFile::from_json`, then
//! `annotations_for` against the file's own document, each annotation checked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    taliq_fuzz::import_taliq(data);
});
