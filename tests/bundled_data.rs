//! The bundled catalogue under data/: it must pass `catalog check`, be big
//! and varied enough, and hold every film of the seed listings exactly once
//! with the facts checked by hand.

use std::path::Path;

use slate::catalogue::load::load;
use slate::catalogue::stats::Stats;
use slate::catalogue::LoadOptions;
use slate::text::title_key;
use slate::Catalogue;

fn bundled() -> Catalogue {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    match load(&dir, &LoadOptions::default(), &|_| {}) {
        Ok(l) => {
            assert!(
                l.warnings.is_empty(),
                "bundled data has warnings:\n{}",
                slate::diagnostics::render(&l.warnings)
            );
            l.catalogue
        }
        Err(e) => panic!("{}", slate::diagnostics::render(&e.diagnostics)),
    }
}

#[test]
fn bundled_data_passes_catalog_check() {
    assert_cmd::Command::cargo_bin("slate")
        .unwrap()
        .env_remove("SLATE_DATA")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["catalog", "check"])
        .assert()
        .success();
}

#[test]
fn bundled_data_is_big_and_varied() {
    let cat = bundled();
    let st = Stats::of(&cat);
    assert!(st.films >= 270, "{} films", st.films);
    assert!(st.themes >= 25, "{} themes", st.themes);
    assert!(st.countries >= 30, "{} countries", st.countries);
    assert!(st.shorts >= 30, "{} shorts", st.shorts);
    assert!(st.earliest.unwrap() < 1930 && st.latest.unwrap() >= 2015);
    let kinds: Vec<&str> = st.by_kind.iter().map(|c| c.key.as_str()).collect();
    assert!(kinds.contains(&"documentary") && kinds.contains(&"fiction"));
    // Every theme is used by at least one film.
    for c in &st.by_theme {
        assert!(c.films > 0, "theme `{}` is carried by no film", c.key);
    }
}

#[test]
fn every_film_is_sourced_and_described() {
    for f in bundled().films() {
        assert!(!f.sources.is_empty(), "{} has no sources", f.id);
        assert!(f.synopsis.is_some(), "{} has no synopsis", f.id);
        // A fact no source states is left out, and the notes say what is
        // known instead (a collective, an unnamed crew).
        if f.directors.is_empty() || f.kind.is_none() {
            assert!(
                f.notes.as_ref().is_some_and(|n| n.len() >= 20),
                "{} lacks a director or kind and its notes do not say why",
                f.id
            );
        }
    }
}

#[test]
fn no_film_is_entered_twice() {
    let cat = bundled();
    let films = cat.films();
    for (i, a) in films.iter().enumerate() {
        for b in &films[i + 1..] {
            let same_title = title_key(&a.title) == title_key(&b.title);
            let close = match (a.year, b.year) {
                (Some(x), Some(y)) => (x - y).abs() <= 1,
                _ => true,
            };
            assert!(
                !(same_title && close),
                "{} and {} look like the same film",
                a.id,
                b.id
            );
        }
    }
}

/// A seed film's checked facts: id, title, year, first director, runtime
/// (empty or None: not asserted).
type Seed = (
    &'static str,
    &'static str,
    Option<i32>,
    &'static str,
    Option<u32>,
);

const SEEDS: &[Seed] = &[
    (
        "harlan-county-usa",
        "Harlan County, USA",
        Some(1976),
        "Barbara Kopple",
        Some(103),
    ),
    (
        "bringing-it-all-back-home",
        "Bringing It All Back Home",
        None,
        "Chrissie Stansfield",
        Some(48),
    ),
    (
        "strike-1925",
        "Strike",
        Some(1925),
        "Sergei Eisenstein",
        Some(82),
    ),
    (
        "rough-side-of-the-mountain",
        "Rough Side of the Mountain",
        Some(1997),
        "Anne Lewis",
        Some(57),
    ),
    (
        "lathe-joshi",
        "Lathe Joshi",
        Some(2016),
        "Mangesh Joshi",
        None,
    ),
    ("pyme", "", Some(2004), "Alejandro Malowicki", Some(96)),
    (
        "industria-argentina",
        "",
        Some(2011),
        "Ricardo Díaz Iacoponi",
        None,
    ),
    (
        "the-nothing-factory",
        "The Nothing Factory",
        Some(2017),
        "Pedro Pinho",
        Some(177),
    ),
    (
        "the-miner-2017",
        "The Miner",
        Some(2017),
        "Hanna Slak",
        None,
    ),
    ("the-vow", "The Vow", Some(1946), "", None),
    (
        "the-road-to-life",
        "The Road to Life",
        Some(1931),
        "Nikolai Ekk",
        None,
    ),
    (
        "the-iron-stream",
        "The Iron Stream",
        Some(1967),
        "Yefim Dzigan",
        None,
    ),
    (
        "the-big-ore",
        "The Big Ore",
        Some(1964),
        "Vasili Ordynsky",
        None,
    ),
    (
        "the-first-echelon",
        "The First Echelon",
        Some(1956),
        "Mikhail Kalatozov",
        None,
    ),
    (
        "the-height",
        "The Height",
        Some(1957),
        "Aleksandr Zarkhi",
        None,
    ),
    (
        "the-red-tent",
        "The Red Tent",
        Some(1969),
        "Mikhail Kalatozov",
        None,
    ),
    (
        "the-optimistic-tragedy",
        "The Optimistic Tragedy",
        Some(1963),
        "Samson Samsonov",
        None,
    ),
    (
        "the-ascent",
        "The Ascent",
        Some(1977),
        "Larisa Shepitko",
        None,
    ),
];

#[test]
fn every_seed_film_is_there_once_with_its_facts() {
    let cat = bundled();
    for &(id, title, year, director, runtime) in SEEDS {
        let f = cat
            .get(id)
            .unwrap_or_else(|| panic!("seed film `{id}` missing"));
        if !title.is_empty() {
            assert_eq!(f.title, title, "{id}");
        }
        if year.is_some() {
            assert_eq!(f.year, year, "{id}");
        }
        if !director.is_empty() {
            assert_eq!(f.directors[0], director, "{id}");
        }
        if runtime.is_some() {
            assert_eq!(f.runtime, runtime, "{id}");
        }
        assert!(
            f.notes.as_deref().unwrap_or("").contains("Seed listing"),
            "{id} does not say which seed listing it comes from"
        );
    }
    // The listings' wrong descriptions are not carried over as labour themes.
    assert!(cat.get("the-red-tent").unwrap().themes.is_empty());
    assert!(!cat
        .get("the-ascent")
        .unwrap()
        .themes
        .iter()
        .any(|t| t == "factory-work" || t == "wartime-production"));
    assert!(cat
        .get("the-iron-stream")
        .unwrap()
        .themes
        .iter()
        .all(|t| t != "steel"));
}
