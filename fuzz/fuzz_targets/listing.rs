//! The listing importer on any bytes: decoding, parsing and matching
//! against the bundled catalogue, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if slate::import::binary_reason(data).is_some() {
        return;
    }
    let (text, _) = slate::import::decode(data);
    let entries = slate::import::listing::parse(&text);
    let _ = slate::import::plan::plan(
        common::catalogue(),
        &[("fuzz".to_string(), entries)],
        "https://example.org/fuzz",
    );
});
