//! spaCy's DocBin (crates/taliq-core/src/formats/spacy/docbin.rs) past its zlib layer: the
//! input is the msgpack payload, deflated here before the importer reads it, so that the
//! mutator works on the msgpack structure (mutating a zlib stream mostly breaks it).
#![no_main]

use std::io::Write;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use libfuzzer_sys::fuzz_target;
use taliq_core::formats::spacy::SpacyDocBin;
use taliq_core::workspace::convert::FormatId;

fuzz_target!(|data: &[u8]| {
    let mut z = ZlibEncoder::new(Vec::new(), Compression::fast());
    if z.write_all(data).is_err() {
        return;
    }
    let Ok(docbin) = z.finish() else {
        return;
    };
    taliq_fuzz::import_and_place(&SpacyDocBin, &docbin, FormatId::Spacy);
});
