//! The programme loader on any programme file, against the bundled
//! catalogue: a programme or located errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let path = common::file("programme.toml", data);
    if let Err(diags) = slate::programme::load(&path, common::catalogue()) {
        assert!(diags.iter().any(|d| d.is_error()));
    }
});
