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
use slate::import::listing::{parse, read, Knowledge};
use slate::import::plan::plan;
use slate::import::runtime;
use slate::import::write::write;
use slate::Catalogue;

fn bundled() -> &'static Catalogue {
    &common::bundled().0
}

fn knowledge() -> &'static Knowledge {
    static K: std::sync::OnceLock<Knowledge> = std::sync::OnceLock::new();
    K.get_or_init(|| Knowledge::of_catalogue(bundled()))
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
        // The shapes the readers of records and running text cut at a
        // place found in lower case.
        (words(), words()).prop_map(|(a, b)| format!(
            "Cybernetica 20 min, 1972 Production: {a} Credits: {b} Sims, Peter (Directed by)"
        )),
        (words(), words()).prop_map(|(a, b)| format!(
            "{a} the film club recommended: {b} and Matewan; the director {a} Loach, il film di {b} Title"
        )),
        (words(), words()).prop_map(|(a, b)| format!(
            "{a} con la cinta {b} (1954) dirigida por {a}. {b} was made for {a} in 1967"
        )),
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

    /// Whatever the text, no entry the import would write is titled with
    /// a date, a number, a country or the name of a director the catalogue
    /// has; and every line is accounted for.
    #[test]
    fn no_entry_is_titled_with_what_is_not_a_title(
        lines in prop::collection::vec(prop_oneof![
            line(),
            Just("Sunday 3 May, 6.30pm – upstairs bar".to_string()),
            Just("Strand: Women at Work".to_string()),
            Just("1979".to_string()),
            Just("France".to_string()),
            Just("United Kingdom, 1996".to_string()),
            Just("Ken Loach".to_string()),
            Just("Barbara Kopple".to_string()),
            Just("Dir. Mike Nichols/USA/1983/128 min".to_string()),
            Just("Thursday 6th October 5:30pm".to_string()),
            Just("12 mars 2019".to_string()),
            Just("20:30".to_string()),
            "[0-9]{1,6}",
            (1u32..31, prop_oneof![Just("May"), Just("octobre"), Just("März")]).prop_map(|(d, m)| format!("{d} {m}")),
            Just("French".to_string()),
            Just("Book tickets".to_string()),
        ], 0..25)
    ) {
        let text = lines.join("\n");
        let knowledge = knowledge();
        let reading = read(&text, knowledge);
        prop_assert_eq!(
            reading.lines,
            reading.blank + reading.entry_lines() + reading.skipped_lines(),
            "{}", text
        );
        let directors: std::collections::HashSet<String> = bundled()
            .films()
            .iter()
            .flat_map(|f| f.directors.iter().map(|d| slate::text::fold(d)))
            .collect();
        for e in reading.entries.iter().filter(|e| e.uncertain.is_none()) {
            let Some(title) = &e.title else { continue };
            let t = title.trim();
            prop_assert!(t.chars().any(char::is_alphabetic), "a number: {t:?} in {text:?}");
            prop_assert!(slate::countries::canonical(t).is_none(), "a country: {t:?} in {text:?}");
            prop_assert!(!directors.contains(&slate::text::fold(t)) || bundled().films().iter().any(|f| slate::text::fold(&f.title) == slate::text::fold(t)),
                "a director: {t:?} in {text:?}");
            let words: Vec<&str> = t.split_whitespace().collect();
            let date = words.iter().all(|w| {
                let f = slate::text::fold(w);
                w.bytes().all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
                    || ["may", "octobre", "marz", "mars", "sunday", "thursday", "pm", "am"].contains(&f.as_str())
            });
            prop_assert!(!date, "a date: {t:?} in {text:?}");
        }
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

/// Found by the `listing` fuzz target: a tab-separated table whose rows the
/// CSV reader placed on a blank line was counted twice in the totals.
#[test]
fn a_table_with_odd_bytes_is_accounted_line_by_line() {
    let (text, _) = slate::import::decode(
        b"Title\tYear\tDirector\tRunt\n\n\xaa\xaa\xaaountry\nMatewan\t1987\toSnah Jylet\t114 min\tUSA\n",
    );
    let r = read(&text, knowledge());
    assert_eq!(
        r.lines,
        r.blank + r.entry_lines() + r.skipped_lines(),
        "{r:#?}"
    );
}
