//! Property tests: invariants that must hold for any input.

use proptest::prelude::*;
use slate::catalogue::load::load;
use slate::catalogue::LoadOptions;
use slate::text::{fold, is_slug, slugify, title_key};

const THEMES: &str = "[[theme]]\nid = \"strikes\"\nlabel = \"Strikes\"\n";
const FILM: &str =
    "[[film]]\nid = \"harlan-county-usa\"\ntitle = \"Harlan County, USA\"\nyear = 1976\n\
directors = [\"Barbara Kopple\"]\ncountries = [\"United States\"]\nruntime = 103\n\
kind = \"documentary\"\nthemes = [\"strikes\"]\nsources = [\"https://example.org\"]\n";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any corruption of a valid film file (control characters and TOML
    /// escapes included) gives either a catalogue or located diagnostics —
    /// never a panic, never an unlocated file error.
    #[test]
    fn loading_never_panics_and_errors_are_located(
        cut in 0usize..FILM.len(),
        junk in "[\\[\\]=\"a-z0-9 \\n,é\\\\\u{202e}\u{85}\u{7f}]{0,12}",
    ) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("themes.toml"), THEMES).unwrap();
        let mut cut = cut;
        while !FILM.is_char_boundary(cut) { cut -= 1; }
        let text = format!("{}{}{}", &FILM[..cut], junk, &FILM[cut..]);
        std::fs::write(dir.path().join("films.toml"), &text).unwrap();
        match load(dir.path(), &LoadOptions { max_year: 2027, ..LoadOptions::default() }, &|_| {}) {
            Ok(l) => prop_assert!(l.catalogue.len() <= 1),
            Err(e) => {
                prop_assert!(!e.diagnostics.is_empty());
                for d in e.diagnostics.iter().filter(|d| d.is_error()) {
                    prop_assert!(d.line.is_some() && d.column.is_some(), "{d:?}");
                    let line = d.line.unwrap();
                    prop_assert!(line <= text.lines().count() + 1, "{d:?}");
                }
            }
        }
    }

    /// Slugs made from any title are valid ids (or empty for titles with no letters).
    #[test]
    fn slugify_gives_slugs(title in "\\PC{0,40}") {
        let s = slugify(&title);
        prop_assert!(s.is_empty() || is_slug(&s), "{s:?}");
    }

    /// Folding is idempotent, and title keys ignore case (for Latin scripts,
    /// where upper- and lowercase letters transliterate alike).
    #[test]
    fn folding_is_stable(title in "[a-zA-Z0-9 àéíóúçãõñüÀÉÍÓÚÇÃÕÑÜ,.'’-]{0,40}") {
        let f = fold(&title);
        prop_assert_eq!(fold(&f), f.clone());
        prop_assert_eq!(title_key(&title.to_uppercase()), title_key(&title.to_lowercase()));
    }
}
