//! The catalogue loader on any film file: located errors or a catalogue,
//! never a panic; what loads, loads again the same.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let dir = common::scratch().join("data");
    if !dir.join("themes.toml").exists() {
        std::fs::create_dir_all(&dir).unwrap();
        let themes = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/themes.toml");
        std::fs::copy(themes, dir.join("themes.toml")).unwrap();
    }
    std::fs::write(dir.join("films.toml"), data).unwrap();
    let options = slate::catalogue::LoadOptions::default();
    let first = slate::catalogue::load::load(&dir, &options, &|_| {});
    let again = slate::catalogue::load::load(&dir, &options, &|_| {});
    match (first, again) {
        (Ok(a), Ok(b)) => assert_eq!(a.catalogue.films(), b.catalogue.films()),
        (Err(a), Err(b)) => assert_eq!(a.diagnostics, b.diagnostics),
        _ => panic!("the same file loaded once and failed once"),
    }
});
