//! End-to-end tests of `slate catalog …` and `slate themes` on the fixtures
//! under tests/fixtures/ and on the bundled data.

mod common;
use common::slate;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Each bad catalogue: the message, the `file:line:column` it must point at,
/// and a piece of the help it must give.
const BAD: &[(&str, &str, &str, &str)] = &[
    (
        "unknown-key",
        "unknown key `runtme` in film `a-film`",
        "films.toml:15:1",
        "did you mean `runtime`?",
    ),
    (
        "unknown-theme",
        "unknown theme `strikez` in film `a-film`",
        "films.toml:5:19",
        "did you mean `strikes`?",
    ),
    (
        "runtime-zero",
        "runtime 0 of film `a-film` is outside 1..=1500 minutes",
        "films.toml:4:11",
        "whole minutes",
    ),
    (
        "runtime-too-long",
        "runtime 2000 of film `a-film` is outside 1..=1500",
        "films.toml:4:11",
        "whole minutes",
    ),
    (
        "year-too-early",
        "year 1850 of film `a-film` is before 1878, earlier than any film",
        "films.toml:4:8",
        "year of first release",
    ),
    (
        "year-in-future",
        "year 2999 of film `a-film` is after ",
        "films.toml:4:8",
        "year of first release",
    ),
    (
        "empty-title",
        "film `a-film` has an empty title",
        "films.toml:3:9",
        "a film needs a title",
    ),
    (
        "missing-title",
        "film `a-film` has no `title`",
        "films.toml:1:1",
        "title = ",
    ),
    (
        "year-as-string",
        "`year` in film `a-film` must be an integer, found a string",
        "films.toml:4:8",
        "year = 1976",
    ),
    (
        "directors-not-array",
        "`directors` in film `a-film` must be an array of strings",
        "films.toml:4:13",
        "directors = [\"Barbara Kopple\"]",
    ),
    (
        "unknown-kind",
        "unknown kind `docu` in film `a-film`",
        "films.toml:4:8",
        "did you mean `documentary`?",
    ),
    (
        "unknown-country",
        "unknown country `Untied States` in film `a-film`",
        "films.toml:4:14",
        "did you mean `United States`?",
    ),
    ("invalid-toml", "invalid TOML", "films.toml:5:", ""),
    (
        "id-not-slug",
        "film id `Harlan County` is not a slug",
        "films.toml:2:6",
        "use id = \"harlan-county\"",
    ),
    (
        "misspelt-table",
        "unexpected top-level key `flim`",
        "films.toml:1:3",
        "did you mean `film`?",
    ),
    (
        "duplicate-id",
        "duplicate film id `harlan-county-usa`",
        "films/more.toml:3:6",
        "already used at",
    ),
    (
        "not-utf8",
        "is not valid UTF-8: invalid byte sequence \\xE9",
        "films.toml:3:13",
        "save the file as UTF-8",
    ),
    (
        "theme-duplicate",
        "duplicate theme id `mining`",
        "themes.toml:17:6",
        "already defined on line 7",
    ),
    (
        "theme-broader-unknown",
        "theme `coal` has broader theme `minning`, which is not defined",
        "themes.toml:14:11",
        "did you mean `mining`?",
    ),
    ("no-themes-file", "no theme vocabulary", "", "themes.toml"),
    (
        "control-character",
        "`title` in film `a-film` holds the control character U+001B",
        "films.toml:3:17",
        "remove it: text may not hold control characters",
    ),
];

#[test]
fn every_bad_catalogue_gives_a_located_message_and_exit_1() {
    assert!(BAD.len() >= 15);
    for (case, message, location, help) in BAD {
        let dir = fixture(&format!("bad/{case}"));
        let out = slate()
            .args(["--data", &dir, "catalog", "check"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{case}: {stderr}");
        assert!(
            stderr.contains(message),
            "{case}: no `{message}` in\n{stderr}"
        );
        assert!(
            stderr.contains(location),
            "{case}: no `{location}` in\n{stderr}"
        );
        assert!(
            stderr.contains(help),
            "{case}: no help `{help}` in\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{case}: {stderr}");
        assert!(out.stdout.is_empty(), "{case}: printed to stdout");
    }
}

#[test]
fn all_errors_of_a_run_are_reported_at_once() {
    let out = slate()
        .args(["--data", &fixture("bad/many-errors"), "catalog", "check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "unknown key `runtme`",
        "year 1700",
        "unknown theme `strike`",
        "empty title",
        "runtime -5",
        "5 errors",
    ] {
        assert!(stderr.contains(expected), "no `{expected}` in\n{stderr}");
    }
}

#[test]
fn check_json_lists_diagnostics_with_positions() {
    let out = slate()
        .args([
            "--data",
            &fixture("bad/unknown-theme"),
            "catalog",
            "check",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], false);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .unwrap();
    assert_eq!(d["severity"], "error");
    assert_eq!(d["line"], 5);
    assert_eq!(d["column"], 19);
    assert_eq!(d["value"], "strikez");
    assert!(d["file"].as_str().unwrap().ends_with("films.toml"));
}

#[test]
fn missing_data_dir_is_a_clear_error() {
    slate()
        .args(["--data", "/nonexistent/slate-data", "catalog", "check"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "data directory `/nonexistent/slate-data` not found",
        ));
}

#[test]
fn good_fixture_checks_and_lists() {
    slate()
        .args(["--data", &fixture("good"), "catalog", "check"])
        .assert()
        .success()
        .stdout(
            "ok: 5 films and 3 themes in ".to_string()
                + &fixture("good")
                + " (2 film files); 1 warning\n",
        )
        .stderr(predicate::str::contains(
            "warning: film `la-fabrica` names no sources",
        ))
        .stderr(predicate::str::contains("shorts.toml:13:6"));
    // SLATE_DATA works like --data.
    let out = Command::cargo_bin("slate")
        .unwrap()
        .env("SLATE_DATA", fixture("good"))
        .args(["catalog", "list", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    // Sorted by title ignoring a leading article ("A Fábrica" sorts as "Fabrica"),
    // then by year.
    assert_eq!(
        ids,
        [
            "coal-face",
            "la-fabrica",
            "harlan-county-usa",
            "strike-1925",
            "strike-2006"
        ]
    );
    assert_eq!(v[1]["short"], true);
    assert_eq!(v[1]["runtime"], Value::Null);
}

#[test]
fn list_filters_combine() {
    let run = |args: &[&str]| -> Vec<String> {
        let mut all = vec![
            "--data",
            &fixture("good"),
            "catalog",
            "list",
            "--format",
            "csv",
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
        all.extend(args.iter().map(|s| s.to_string()));
        let out = slate().args(&all).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut r = csv::Reader::from_reader(&out.stdout[..]);
        r.records().map(|rec| rec.unwrap()[0].to_string()).collect()
    };
    assert_eq!(
        run(&["--theme", "mining"]),
        ["coal-face", "harlan-county-usa"]
    );
    assert_eq!(
        run(&["--theme", "mining", "--theme", "strikes"]),
        ["harlan-county-usa"]
    );
    assert_eq!(run(&["--decade", "1930s"]), ["coal-face"]);
    assert_eq!(run(&["--country", "USSR"]), ["strike-1925"]);
    assert_eq!(run(&["--country", "uk", "--short"]), ["coal-face"]);
    assert_eq!(run(&["--kind", "fiction"]), ["strike-1925", "strike-2006"]);
    assert_eq!(
        run(&["--max-runtime", "90", "--sort", "year"]),
        ["strike-1925", "coal-face"]
    );
    assert_eq!(run(&["--director", "EISENSTEIN"]), ["strike-1925"]);
    assert_eq!(run(&["--director", "nunez"]), ["la-fabrica"]);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["catalog", "list", "--theme", "strikez"],
        vec!["catalog", "list", "--decade", "1975"],
        vec!["catalog", "list", "--country", "Atlantis"],
        vec!["catalog", "list", "--kind", "musical"],
        vec!["catalog", "list", "--format", "xml"],
        vec!["catalog", "frobnicate"],
    ] {
        let mut all = vec!["--data".to_string(), fixture("good")];
        all.extend(args.iter().map(|s| s.to_string()));
        let out = slate().args(&all).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    slate()
        .args([
            "--data",
            &fixture("good"),
            "catalog",
            "list",
            "--theme",
            "strikez",
        ])
        .assert()
        .stderr(predicate::str::contains("did you mean `strikes`?"));
}

#[test]
fn show_finds_by_title_ignoring_case_and_accents() {
    slate()
        .args(["--data", &fixture("good"), "catalog", "show", "a fabrica"])
        .assert()
        .success()
        .stdout(predicate::str::contains("id             la-fabrica"));
    let out = slate()
        .args([
            "--data",
            &fixture("good"),
            "catalog",
            "show",
            "STACHKA",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "strike-1925");
    assert_eq!(v["directors"][0], "Sergei Eisenstein");
}

#[test]
fn show_reports_ambiguity_and_absence_with_exit_1() {
    slate()
        .args([
            "--data",
            &fixture("good"),
            "catalog",
            "show",
            "harlen county",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no film matches `harlen county`"))
        .stderr(predicate::str::contains("harlan-county-usa"));
    slate()
        .args(["--data", &fixture("good"), "catalog", "show", "the strike"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("matches 2 films"))
        .stderr(predicate::str::contains("strike-1925"))
        .stderr(predicate::str::contains("Strike (2006)"))
        .stderr(predicate::str::contains("coal-face").not());
    slate()
        .args([
            "--data",
            &fixture("good"),
            "catalog",
            "show",
            "strike (2006)",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Volker Schlöndorff"));
}

#[test]
fn stats_and_themes_in_every_format() {
    let good = fixture("good");
    let out = slate()
        .args(["--data", &good, "catalog", "stats", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["films"], 5);
    assert_eq!(v["shorts"], 2);
    assert_eq!(v["runtime"]["median"], 92.5);
    assert_eq!(v["by_decade"][0]["label"], "1920s");
    let out = slate()
        .args(["--data", &good, "catalog", "stats", "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("section,key,label,films\n"));
    assert!(text.contains("country,United Kingdom,United Kingdom,1\n"));
    slate()
        .args(["--data", &good, "catalog", "stats"])
        .assert()
        .success()
        .stdout(predicate::str::contains("5 films (3 features, 2 shorts)"));
    let out = slate()
        .args(["--data", &good, "themes", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mining = v
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "mining")
        .unwrap();
    assert_eq!(mining["films"], 0);
    assert_eq!(mining["films_including_narrower"], 2);
    slate()
        .args(["--data", &good, "themes", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "id,label,broader,description,keywords,films,films_including_narrower\n",
        ));
}

#[test]
fn output_is_deterministic() {
    let run = || {
        slate()
            .args(["catalog", "list", "--format", "json"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn a_nation_within_a_country_is_read_as_the_country_and_said() {
    let note = "note: --country Scotland read as United Kingdom (the catalogue records countries, not nations within them)";
    for cmd in [
        vec!["catalog", "list"],
        vec!["related", "strike-1925"],
        vec!["discover", "strike-1925"],
    ] {
        let mut args = vec!["--data".to_string(), fixture("good")];
        args.extend(cmd.iter().map(|s| s.to_string()));
        args.extend(["--country".to_string(), "Scotland".to_string()]);
        slate()
            .args(&args)
            .assert()
            .success()
            .stderr(predicate::str::contains(note));
        // An alias of the country itself is read silently.
        let uk: Vec<String> = args
            .iter()
            .map(|a| {
                if a == "Scotland" {
                    "UK".into()
                } else {
                    a.clone()
                }
            })
            .collect();
        slate()
            .args(&uk)
            .assert()
            .success()
            .stderr(predicate::str::contains("note: --country").not());
    }
}

#[test]
fn theme_typos_on_the_command_line_get_the_programme_files_suggestion() {
    for (cmd, theme, hint) in [
        (
            vec!["catalog", "list"],
            "strikez",
            "unknown theme `strikez`; did you mean `strikes`?",
        ),
        (
            vec!["graph", "--format", "json", "-o", "-"],
            "minning",
            "unknown theme `minning`; did you mean `mining`?",
        ),
        // A label written for an id.
        (
            vec!["catalog", "list"],
            "coal mining",
            "did you mean `coal` (Coal mining)?",
        ),
        (
            vec!["graph", "--format", "json", "-o", "-"],
            "Strikes and lockouts",
            "did you mean `strikes` (Strikes and lockouts)?",
        ),
    ] {
        let mut args = vec!["--data".to_string(), fixture("good")];
        args.extend(cmd.iter().map(|s| s.to_string()));
        args.extend(["--theme".to_string(), theme.to_string()]);
        slate()
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(hint));
    }
}

/// A data directory in a temporary directory with the good fixture's
/// vocabulary and the given film files.
fn data_with(films: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("good/themes.toml"), dir.path().join("themes.toml")).unwrap();
    for (name, text) in films {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// An import-sized French listing after `prefix`: 6,600 films, 1.6 MB, with
/// the 1 MiB mark (where the splitter used to start looking for a cut)
/// inside an `é`.
fn big_french_file(prefix: &str) -> String {
    let mut text = prefix.to_string();
    let mut i = 0;
    while text.len() < 1_600_000 {
        text.push_str(&format!(
            "[[film]]\nid = \"film-{i}\"\ntitle = \"La Grève des mineurs de Décazeville nº {i}\"\n\
             year = 1951\nthemes = [\"strikes\"]\nsources = [\"https://example.org/\"]\n\
             synopsis = \"Une grève générale éclate à l'usine ; les ouvrières élisent un comité.\"\n\n"
        ));
        i += 1;
    }
    // Shift the films with blank lines so that an `é` straddles the mark.
    let mark = 1 << 20;
    let e = text[..mark].rfind('é').unwrap();
    text.insert_str(prefix.len(), &"\n".repeat(mark - 1 - e));
    assert!(!text.is_char_boundary(mark));
    text
}

/// Issue 12: a film file over 1.5 MiB with non-ASCII text crashed every
/// command (exit 101, "byte index … is not a char boundary").
#[test]
fn a_big_non_ascii_film_file_loads() {
    let data = data_with(&[("films/imported.toml", &big_french_file(""))]);
    let out = slate()
        .arg("--data")
        .arg(data.path())
        .args(["catalog", "check"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok: 6"));
}

/// Issue 12: what a big (split) file may hold is what a small one may.
#[test]
fn a_big_file_rejects_what_a_small_one_rejects() {
    let bad = big_french_file("film = [{ id = \"inline\", title = \"Inline\" }]\n");
    let data = data_with(&[("films.toml", &bad)]);
    slate()
        .arg("--data")
        .arg(data.path())
        .args(["catalog", "check"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("invalid TOML: duplicate key"))
        .stderr(predicate::str::contains("panicked").not());
}

const ONE_FILM: &str =
    "[[film]]\nid = \"a-film\"\ntitle = \"A Film\"\nthemes = []\nsources = [\"s\"]\n";

/// Issue 12: entries under films/ that are not readable film files were
/// skipped without a word; a link to a film file is read as before.
#[cfg(unix)]
#[test]
fn unreadable_film_entries_are_warned_about() {
    use std::os::unix::fs::symlink;
    let data = data_with(&[("films/real.toml", ONE_FILM)]);
    let films = data.path().join("films");
    std::fs::create_dir(films.join("x.toml")).unwrap();
    symlink("loop.toml", films.join("loop.toml")).unwrap();
    symlink("missing.toml", films.join("dangling.toml")).unwrap();
    symlink("real.toml", films.join("zz-link.toml")).unwrap();
    let out = slate()
        .arg("--data")
        .arg(data.path())
        .args(["catalog", "check"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The link is read: its film repeats the real file's id.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("duplicate film id `a-film`"), "{stderr}");
    for expected in [
        "warning: skipped `",
        "x.toml`: it is a directory",
        "loop.toml`: it is a symbolic link that loops",
        "dangling.toml`: it is a symbolic link that points to a missing file (`missing.toml`)",
    ] {
        assert!(stderr.contains(expected), "no `{expected}` in\n{stderr}");
    }
}

/// Issue 12: a `films.toml` directory or a `films` file is an error.
#[test]
fn a_films_toml_directory_is_an_error() {
    let data = data_with(&[("films/real.toml", ONE_FILM)]);
    std::fs::create_dir(data.path().join("films.toml")).unwrap();
    slate()
        .arg("--data")
        .arg(data.path())
        .args(["catalog", "check"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "films.toml` is not a film file: it is a directory",
        ));
    let data = data_with(&[("films.toml", ONE_FILM), ("films", "")]);
    slate()
        .arg("--data")
        .arg(data.path())
        .args(["catalog", "check"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "films` is not a directory of film files: it is a regular file",
        ));
}

/// Issue 12: terminal escape sequences and bidirectional-text controls in
/// catalogue text are refused, and what is printed about them is escaped
/// (in messages and in JSON).
#[test]
fn control_characters_in_data_never_reach_the_terminal() {
    let out = slate()
        .args([
            "--data",
            &fixture("bad/control-character"),
            "catalog",
            "list",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    for expected in [
        "error: `title` in film `a-film` holds the control character U+001B",
        "3 | title = \"A Film \\e[2J\\e[31mRED\"",
        "  |                 ^^",
        "error: `directors` in film `a-film` holds the bidirectional-text control U+202E",
        "5 | directors = [\"Ann \\u{202e}eroM\"]",
        "  |                   ^^^^^^^^",
    ] {
        assert!(stderr.contains(expected), "no `{expected}` in\n{stderr}");
    }
    assert!(
        !stderr
            .chars()
            .any(|c| slate::text::is_control(c) && c != '\n'),
        "{stderr:?}"
    );
    // The JSON report holds the value as data, escaped by JSON itself.
    let out = slate()
        .args([
            "--data",
            &fixture("bad/control-character"),
            "catalog",
            "check",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(r#""value": "A Film \u001b[2J\u001b[31mRED""#),
        "{text}"
    );
    // Beyond what JSON requires: DEL, C1 and bidirectional controls too.
    assert!(text.contains(r#""value": "Ann \u202eeroM""#), "{text}");
    assert!(!text
        .chars()
        .any(|c| slate::text::is_control(c) && c != '\n'));
}
