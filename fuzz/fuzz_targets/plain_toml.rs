//! The plain-TOML scanner against the real parser (differential): whatever
//! the scanner reads, the parser reads without error into the same tables
//! with the same spans.
#![no_main]

use libfuzzer_sys::fuzz_target;
use toml::de::{DeTable, DeValue};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut scanned = Vec::new();
    if !slate::toml_plain::for_each_table(text, "film", |t, span| {
        scanned.push((t.clone(), span))
    }) {
        return;
    }
    let (root, errors) = DeTable::parse_recoverable(text);
    assert!(errors.is_empty(), "the scanner read what the parser refuses: {errors:?}");
    let root = root.into_inner();
    let parsed: Vec<(DeTable<'_>, std::ops::Range<usize>)> = match root.get("film") {
        Some(v) => match v.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .map(|t| match t.get_ref() {
                    DeValue::Table(table) => (table.clone(), t.span()),
                    other => panic!("not a table: {other:?}"),
                })
                .collect(),
            other => panic!("not an array: {other:?}"),
        },
        None => Vec::new(),
    };
    assert_eq!(root.len(), usize::from(root.contains_key("film")));
    assert_eq!(format!("{scanned:#?}"), format!("{parsed:#?}"));
});
