//! Reading and checking a plan JSON against the bundled catalogue: a plan
//! or located errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let path = common::file("plan.json", data);
    if let Err(diags) = slate::schedule::check::read(&path, common::catalogue()) {
        assert!(diags.iter().any(|d| d.is_error()));
    }
    // The locator alone, on any text.
    if let Ok(text) = std::str::from_utf8(data) {
        let paths = slate::json_paths::JsonPaths::new(text);
        if let Some(span) = paths.span("") {
            assert!(span.end <= text.len());
        }
    }
});
