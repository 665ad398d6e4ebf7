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
    static KNOWLEDGE: std::sync::OnceLock<slate::import::listing::Knowledge> =
        std::sync::OnceLock::new();
    let knowledge = KNOWLEDGE
        .get_or_init(|| slate::import::listing::Knowledge::of_catalogue(common::catalogue()));
    let reading = slate::import::listing::read(&text, knowledge);
    assert_eq!(
        reading.lines,
        reading.blank + reading.entry_lines() + reading.skipped_lines(),
        "every line is accounted for"
    );
    let entries = reading.entries;
    let _ = slate::import::plan::plan(
        common::catalogue(),
        &[("fuzz".to_string(), entries)],
        "https://example.org/fuzz",
    );
});
