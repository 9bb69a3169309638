//! Format detection (`workspace::convert::detect`): the first byte picks a file name from
//! `taliq_fuzz::DETECT_NAMES`, the rest is the file; when a format is detected the bytes
//! are read as that format, as `taliq convert` does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

use taliq_core::workspace::convert::detect;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = taliq_fuzz::DETECT_NAMES[usize::from(pick) % taliq_fuzz::DETECT_NAMES.len()];
    if let Some(format) = detect(Path::new(name), bytes) {
        taliq_fuzz::import_as(format, bytes);
    }
});
