//! Catalogue v2 end to end: festivals, events, companions, external ids,
//! silent films and address checks, on small data directories written here
//! (good and bad), run through the `slate` binary.

mod common;
use common::{json_of, slate};

use std::path::Path;

use predicates::prelude::*;

const THEMES: &str = "[[theme]]\nid = \"strikes\"\nlabel = \"Strikes\"\nkeywords = [\"strike\"]\n";

const EVENTS: &str = r#"[[event]]
id = "gdansk-1980"
label = "Gdańsk shipyard strike, 1980"
years = [1980]
places = ["Poland"]
keywords = ["Lenin Shipyard"]
sources = ["https://example.org/gdansk"]
"#;

const FESTIVALS: &str = r#"[[festival]]
id = "reel-work"
name = "Reel Work"
country = "United States"
sources = ["https://example.org/reel-work"]
"#;

const GOOD: &str = r#"[[film]]
id = "man-of-marble"
title = "Man of Marble"
year = 1977
directors = ["Andrzej Wajda"]
themes = ["strikes"]
sources = ["https://example.org/marble"]

[[film]]
id = "man-of-iron"
title = "Man of Iron"
year = 1981
directors = ["Andrzej Wajda"]
themes = ["strikes"]
events = ["gdansk-1980"]
festivals = ["reel-work"]
companions = [{ film = "man-of-marble", relation = "sequel" }]
wikidata = "Q1068186"
imdb = "tt0082222"
website = "https://example.org/iron"
sources = ["https://example.org/iron"]

[[film]]
id = "workers-80"
title = "Workers '80"
year = 1980
themes = ["strikes"]
events = ["gdansk-1980"]
sources = ["https://example.org/w80"]
notes = "Directors left out on purpose for this fixture."

[[film]]
id = "strike-1925"
title = "Strike"
year = 1925
silent = true
themes = ["strikes"]
sources = ["https://example.org/strike"]
"#;

fn data_dir(films: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("themes.toml"), THEMES).unwrap();
    std::fs::write(d.join("events.toml"), EVENTS).unwrap();
    std::fs::write(d.join("festivals.toml"), FESTIVALS).unwrap();
    std::fs::write(d.join("films.toml"), films).unwrap();
    dir
}

/// The JSON a command prints on a data directory (it must succeed).
fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    json_of(slate().arg("--data").arg(dir).args(args))
}

fn run(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    slate().arg("--data").arg(dir).args(args).assert()
}

#[test]
fn a_good_catalogue_loads_and_shows_its_links_and_ties() {
    let dir = data_dir(GOOD);
    run(dir.path(), &["catalog", "check"]).success();
    run(dir.path(), &["catalog", "show", "man-of-marble"])
        .success()
        .stdout(predicate::str::contains(
            "companions     followed by its sequel Man of Iron (1981) [man-of-iron]",
        ));
    run(dir.path(), &["catalog", "show", "man-of-iron"])
        .success()
        .stdout(predicate::str::contains(
            "sequel of Man of Marble (1977) [man-of-marble]",
        ))
        .stdout(predicate::str::contains(
            "wikidata       https://www.wikidata.org/wiki/Q1068186",
        ))
        .stdout(predicate::str::contains(
            "imdb           https://www.imdb.com/title/tt0082222/",
        ))
        .stdout(predicate::str::contains(
            "website        https://example.org/iron",
        ))
        .stdout(predicate::str::contains("festivals      Reel Work"))
        .stdout(predicate::str::contains(
            "events         gdansk-1980 (Gdańsk shipyard strike, 1980)",
        ));
    run(
        dir.path(),
        &["catalog", "show", "strike", "--format", "json"],
    )
    .success()
    .stdout(predicate::str::contains("\"silent\": true"));
    // The companion ranks first and says why; the film of the same event next.
    let v = json(dir.path(), &["related", "man-of-iron", "--format", "json"]);
    assert_eq!(v[0]["id"], "man-of-marble");
    assert!(
        v[0]["why"]
            .as_str()
            .unwrap()
            .starts_with("followed by its sequel Man of Iron"),
        "{v:#}"
    );
    assert_eq!(v[1]["id"], "workers-80");
    assert!(v[1]["why"]
        .as_str()
        .unwrap()
        .contains("both about the Gdańsk shipyard strike, 1980"));
    let v = json(dir.path(), &["catalog", "stats", "--format", "json"]);
    assert_eq!(v["festivals"], 1);
    assert_eq!(v["films_from_festivals"], 1);
    assert_eq!(v["companion_pairs"], 1);
    assert_eq!(v["by_event"][0]["films"], 2);
    assert_eq!(v["by_festival_country"][0]["key"], "United States");
}

#[test]
fn every_fault_is_reported_at_once_with_its_place() {
    let bad = r#"[[film]]
id = "a"
title = "A"
themes = ["strikes"]
languages = ["Silent"]
events = ["gdansk-1908"]
festivals = ["reel-wrok"]
companions = [{ film = "b", relation = "sequal" }, { film = "a", relation = "part" }, { film = "zz", relation = "part" }]
wikidata = "1068186"
imdb = "https://www.imdb.com/title/tt0082222/"
sources = ["http://advanceq.comwww.silentera.com/PSFL/data/G/Germinal1913.html", "https://europeanfilmawards.eu/en_EN/film/https%3A%2F%2Feuropeanfilmawards.eu%2Fen_EN%2Ffilm%2Fthe-full-monty.5448"]

[[film]]
id = "b"
title = "B"
silent = true
languages = ["French"]
themes = ["strikes"]
companions = [{ film = "c", relation = "sequel" }]
sources = ["https://example.org/b%2520c"]

[[film]]
id = "c"
title = "C"
themes = ["strikes"]
companions = [{ film = "b", relation = "sequel" }]
sources = ["https://example.org/c"]
"#;
    let dir = data_dir(bad);
    let out = run(dir.path(), &["catalog", "check"]).code(1);
    let text = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    for want in [
        "`Silent` in `languages` of film `a` is not a language",
        "films.toml:5:14",
        "unknown event `gdansk-1908` in film `a`",
        "films.toml:6:11",
        "did you mean `gdansk-1980`?",
        "unknown festival `reel-wrok` in film `a`",
        "films.toml:7:14",
        "films.toml:8:61",
        "unknown relation `sequal`",
        "film `a` names itself as a companion",
        "companion `zz` of film `a` is not a film",
        "`wikidata` of film `a` is not a Wikidata item id",
        "write \"tt0082222\"",
        "runs two addresses together",
        "write \"http://www.silentera.com/PSFL/data/G/Germinal1913.html\"",
        "holds another address, percent-encoded",
        "write \"https://europeanfilmawards.eu/en_EN/film/the-full-monty.5448\"",
        "film `b` is silent but lists the spoken language `French`",
        "is percent-encoded twice",
        "`c` says it is `sequel` of `b`, but `b` says it is `sequel` of `c`",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    assert!(!text.contains("panicked"));
}

#[test]
fn vocabulary_files_are_checked_too() {
    let dir = data_dir(GOOD);
    std::fs::write(
        dir.path().join("events.toml"),
        "[[event]]\nid = \"x\"\nlabel = \"X\"\nyears = [1990, 1980]\nplaces = [\"Yorkshire\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("festivals.toml"),
        "[[festival]]\nid = \"reel-work\"\nname = \"Reel Work\"\nwebsite = \"www.reelwork.org\"\n",
    )
    .unwrap();
    let out = run(dir.path(), &["catalog", "check"]).code(1);
    let text = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    for want in [
        "events.toml:4:9",
        "ends before it starts",
        "unknown country `Yorkshire`",
        "festivals.toml:4:11",
        "has no scheme",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    // A vocabulary that failed checks nothing: its own errors say why.
    assert!(!text.contains("unknown event"), "{text}");
}

#[test]
fn importing_learns_events_from_their_keywords() {
    let dir = data_dir(GOOD);
    let listing = dir.path().join("listing.txt");
    std::fs::write(
        &listing,
        "SHIPYARD NIGHTS\nDir. Anna Nowak / Poland / 2019 / 82 min\n\
         Welders at the Lenin Shipyard remember the August they stopped work.\n",
    )
    .unwrap();
    slate()
        .arg("--data")
        .arg(dir.path())
        .arg("import")
        .arg(&listing)
        .arg("--source")
        .arg("https://example.org/listing")
        .assert()
        .success();
    run(dir.path(), &["catalog", "show", "shipyard-nights"])
        .success()
        .stdout(predicate::str::contains("events         gdansk-1980"));
}

/// A listing's "Language: silent" makes a silent film, and a language never
/// fills in on a silent film: what an import writes always loads.
#[test]
fn importing_respects_silent_films() {
    let dir = data_dir(GOOD);
    let listing = dir.path().join("listing.txt");
    std::fs::write(
        &listing,
        "STRIKE\nDirector: Sergei Eisenstein\nYear: 1925\nLanguage: Russian\n\n\
         THE OLD FACTORY\nDirector: Jan Kowalski\nYear: 1928\nRunning time: 60 min\nLanguage: Silent\n",
    )
    .unwrap();
    slate()
        .arg("--data")
        .arg(dir.path())
        .arg("import")
        .arg(&listing)
        .args(["--source", "https://example.org/listing"])
        .assert()
        .success();
    run(dir.path(), &["catalog", "check"]).success();
    let v = json(dir.path(), &["catalog", "list", "--format", "json"]);
    let film = |id: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id)
            .cloned()
    };
    let strike = film("strike-1925").unwrap();
    assert_eq!(strike["silent"], true);
    assert_eq!(strike["languages"], serde_json::json!([]));
    let old = film("the-old-factory").expect("the new film");
    assert_eq!(old["silent"], true, "{old:#}");
    assert_eq!(old["languages"], serde_json::json!([]));
}
