//! brat standoff (crates/taliq-core/src/formats/brat.rs): the input is the `.ann` file, a
//! NUL byte, then its `.txt` text (an empty text when there is no NUL); each document read
//! is placed on an article of its own text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (ann, txt) = taliq_fuzz::split_at_nul(data);
    taliq_fuzz::import_brat(ann, txt.unwrap_or_default());
});
