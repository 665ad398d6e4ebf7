//! Property tests: whatever text is pasted — any Unicode, labels, titles,
//! credit lines and separators in any mix, letters whose lower case is
//! longer than themselves ("İ"), control characters — the importer reads it
//! and decides what to do with it against the bundled catalogue without
//! panicking, and what it writes is a catalogue that loads.

mod common;

use std::path::PathBuf;

use proptest::prelude::*;

use slate::catalogue::load::load;
use slate::catalogue::LoadOptions;
use slate::import::listing::parse;
use slate::import::plan::plan;
use slate::import::runtime;
use slate::import::write::write;
use slate::Catalogue;

fn bundled() -> &'static Catalogue {
    &common::bundled().0
}

/// Awkward characters: case changes that change length, combining marks,
/// wide characters, separators slate reads.
fn awkward() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("İ".to_string()),
        Just("ẞ".to_string()),
        Just("K".to_string()),
        Just("ﬁ".to_string()),
        Just("e\u{301}".to_string()),
        Just("東京".to_string()),
        Just("’".to_string()),
        Just(" / ".to_string()),
        Just(" | ".to_string()),
        Just(" · ".to_string()),
        Just(", ".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("**".to_string()),
        Just("\t".to_string()),
        "[0-9]{1,4}",
        "\\PC{0,6}",
    ]
}

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(awkward(), 0..12).prop_map(|w| w.concat())
}

/// A line as listings have them, filled with awkward text.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            prop_oneof![
                Just("Directed by"),
                Just("Dir."),
                Just("Director"),
                Just("Running Time"),
                Just("Runtime"),
                Just("Synopsis"),
                Just("Description"),
                Just("Fact"),
                Just("Country"),
                Just("Year"),
                Just("Starring"),
                Just("Genre"),
                Just("LANGUAGE"),
            ],
            words()
        )
            .prop_map(|(l, w)| format!("{l}: {w}")),
        (words(), words()).prop_map(|(t, c)| format!("{t} ({c})")),
        (words(), "[0-9]{4}", "[0-9]{2,3}").prop_map(|(w, y, m)| format!("{w} / {y} / {m}'")),
        (words(), words()).prop_map(|(a, b)| format!("{a} | {b} | 1999 | 90 minutes")),
        (1u32..40, words()).prop_map(|(n, w)| format!("{n}. {w}")),
        words().prop_map(|w| format!("## {w}")),
        words(),
        Just(String::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_is_read_without_panicking(text in "\\PC{0,300}") {
        let entries = parse(&text);
        let _ = plan(bundled(), &[("x".to_string(), entries)], "test");
    }

    #[test]
    fn listing_like_text_is_read_without_panicking(lines in prop::collection::vec(line(), 0..25)) {
        let text = lines.join("\n");
        let entries = parse(&text);
        for e in &entries {
            prop_assert!(e.line >= 1 && e.line <= lines.len().max(1), "line {} of {}", e.line, lines.len());
        }
        let _ = plan(bundled(), &[("x".to_string(), entries)], "test");
    }

    #[test]
    fn what_an_import_writes_loads(
        lines in prop::collection::vec(line(), 1..12),
        control in "[\\x00-\\x1f\\x7f\"\\\\]{0,4}",
    ) {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).unwrap();
        let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
        for f in ["themes.toml", "films.toml"] {
            std::fs::copy(fixture.join(f), data.join(f)).unwrap();
        }
        let cat = load(&data, &LoadOptions::default(), &|_| {}).unwrap().catalogue;
        let text = format!("{}\n{control}", lines.join("\n"));
        let entries = parse(&text);
        let decided = plan(&cat, &[("x".to_string(), entries)], "test \"listing\"");
        write(&cat, &decided, &data.join("films/imported.toml"), &data).unwrap();
        let reloaded = load(&data, &LoadOptions::default(), &|_| {});
        prop_assert!(reloaded.is_ok(), "{:?}\n{text}", reloaded.err().map(|e| e.diagnostics));
        prop_assert_eq!(
            reloaded.unwrap().catalogue.len(),
            cat.len() + decided.new_films.len()
        );
    }

    #[test]
    fn runtimes_of_any_text(text in "\\PC{0,40}") {
        if let Some(m) = runtime::parse(&text) {
            prop_assert!(m > 0);
        }
    }
}

/// Found by `what_an_import_writes_loads`: a control character in a
/// synopsis was written, and the catalogue then refused to load.
#[test]
fn a_control_character_in_a_listing_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    for f in ["themes.toml", "films.toml"] {
        std::fs::copy(fixture.join(f), data.join(f)).unwrap();
    }
    let cat = load(&data, &LoadOptions::default(), &|_| {})
        .unwrap()
        .catalogue;
    for text in ["İ ( |  | )\n\u{e}", "\u{e}\u{1b} (1999)\nA synopsis\u{7}."] {
        let decided = plan(&cat, &[("x".to_string(), parse(text))], "test");
        write(&cat, &decided, &data.join("films/imported.toml"), &data).unwrap();
        let reloaded = load(&data, &LoadOptions::default(), &|_| {});
        assert!(
            reloaded.is_ok(),
            "{:?}",
            reloaded.err().map(|e| e.diagnostics)
        );
    }
}
