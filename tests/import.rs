//! `slate import`: the seed listings into an empty catalogue give exactly
//! the titled seed films once each, as the listings state them; into the
//! bundled catalogue they add nothing and merge each; files are edited
//! without disturbing them; bad input is explained.

mod common;
use common::{assert_catalogue_loads, copy_dir, json_of, root, slate};

use predicates::prelude::*;
use serde_json::Value;

fn seeds() -> Vec<String> {
    ["seed-000.txt", "seed-001.txt", "seed-002.txt"]
        .iter()
        .map(|s| {
            root()
                .join("tests/fixtures/listings")
                .join(s)
                .display()
                .to_string()
        })
        .collect()
}

#[test]
fn seeds_into_an_empty_catalogue_give_each_titled_film_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&root().join("tests/fixtures/import-empty"), &data);
    let report: Vec<Value> = json_of(
        slate()
            .arg("--data")
            .arg(&data)
            .arg("import")
            .args(seeds())
            .args(["--source", "seed listings", "--format", "json"]),
    );
    let count = |s: &str| report.iter().filter(|r| r["status"] == s).count();
    assert_eq!(count("new"), 15);
    assert_eq!(
        count("untitled"),
        3,
        "Pinho, Slak and Joshi's films, reported once each"
    );
    assert_eq!(count("repeated"), 1);
    // The written catalogue checks, and holds the facts the listings state.
    assert_catalogue_loads(&data);
    let films: Vec<Value> = json_of(
        slate()
            .arg("--data")
            .arg(&data)
            .args(["catalog", "list", "--format", "json"]),
    );
    assert_eq!(films.len(), 15);
    let get = |title: &str| {
        films
            .iter()
            .find(|f| f["title"] == title)
            .unwrap_or_else(|| panic!("{title}"))
    };
    assert_eq!(get("Harlan County USA")["runtime"], 103);
    assert_eq!(get("Harlan County USA")["year"], 1976);
    assert_eq!(get("Harlan County USA")["directors"][0], "Barbara Kopple");
    assert_eq!(get("Strike")["runtime"], 82);
    assert_eq!(get("Rough Side Of The Mountain")["year"], 1999);
    assert_eq!(get("Pyme")["runtime"], 96);
    assert_eq!(get("The Ascent")["year"], 1977);
    assert!(get("Harlan County USA")["themes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t == "strikes"));
    assert_eq!(get("Strike")["sources"][0], "seed listings");
    // The comment of the file imported into survives.
    let text = std::fs::read_to_string(data.join("films/imported.toml")).unwrap();
    assert!(text.contains("[[film]]"));
    let kept = std::fs::read_to_string(data.join("films/catalogue.toml")).unwrap();
    assert!(kept.starts_with("# Films imported by the tests"));
}

#[test]
fn seeds_into_the_bundled_catalogue_add_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&root().join("data"), &data);
    let before = std::fs::read_to_string(data.join("films/seeds.toml")).unwrap();
    let report: Vec<Value> = json_of(
        slate()
            .arg("--data")
            .arg(&data)
            .arg("import")
            .args(seeds())
            .args(["--source", "seed listings (re-import)", "--format", "json"]),
    );
    assert!(report.iter().all(|r| r["status"] != "new"), "{report:#?}");
    let merged: Vec<&Value> = report.iter().filter(|r| r["status"] == "merged").collect();
    assert_eq!(merged.len(), 20);
    // The year the listing gets wrong is reported, and the catalogue keeps its own.
    let rough = merged
        .iter()
        .find(|r| r["id"] == "rough-side-of-the-mountain")
        .unwrap();
    assert!(rough["conflicts"][0].as_str().unwrap().contains("1999"));
    assert!(!data.join("films/imported.toml").exists());
    // Sources were added in place; everything else in the file is as it was.
    let after = std::fs::read_to_string(data.join("films/seeds.toml")).unwrap();
    assert_ne!(before, after);
    assert_eq!(after.matches("seed listings (re-import)").count(), 15);
    assert_eq!(before.lines().count(), after.lines().count());
    assert_catalogue_loads(&data);
    let v: Value = json_of(
        slate()
            .arg("--data")
            .arg(&data)
            .args(["catalog", "stats", "--format", "json"]),
    );
    // Nothing was added: the count is the bundled catalogue's.
    let bundled: usize = std::fs::read_dir(root().join("data/films"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .map(|t| t.matches("[[film]]").count())
        .sum();
    assert_eq!(v["films"], bundled);
}

#[test]
fn dry_run_writes_nothing_and_bad_input_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&root().join("tests/fixtures/import-empty"), &data);
    slate()
        .arg("--data")
        .arg(&data)
        .arg("import")
        .args(seeds())
        .arg("--dry-run")
        .assert()
        .success()
        .stderr(predicate::str::contains("dry run: 15 new"));
    assert!(!data.join("films/imported.toml").exists());
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    slate()
        .arg("--data")
        .arg(&data)
        .arg("import")
        .arg(&empty)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nothing to import"));
    // With nothing recognised, the report still says why each line was
    // left.
    let dates = dir.path().join("dates.txt");
    std::fs::write(
        &dates,
        "Sunday 3 May, 6.30pm

Tickets £5 on the door
",
    )
    .unwrap();
    slate()
        .arg("--data")
        .arg(&data)
        .args(["import", "--dry-run", "--format", "csv"])
        .arg(&dates)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("skipped"))
        .stdout(predicate::str::contains("a date and time line"))
        .stderr(predicate::str::contains("nothing to import"));
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(
        &latin1,
        b"Caf\xe9 Workers (1999)\nDirected by: Jos\xe9 Ruiz\nRunning Time: 90 min\n",
    )
    .unwrap();
    let out = slate()
        .arg("--data")
        .arg(&data)
        .arg("import")
        .arg(&latin1)
        .args(["--dry-run", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("read as Windows-1252"));
    let v: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["title"], "Café Workers");
    assert_eq!(v[0]["directors"][0], "José Ruiz");
}

#[test]
fn every_layout_imports_into_the_bundled_catalogue_as_merges() {
    let mut reports = std::collections::HashMap::new();
    for (file, films) in [
        (
            "one-line-credits.txt",
            &["silkwood", "matewan", "norma-rae"][..],
        ),
        (
            "pipes.txt",
            &["brassed-off", "the-full-monty", "billy-elliot"][..],
        ),
        (
            "distributor.csv",
            &["salt-of-the-earth", "matewan", "american-factory"][..],
        ),
        (
            "festival-catalogue.txt",
            &[
                "salt-of-the-earth",
                "blue-collar",
                "tout-va-bien",
                "the-battle-of-chile-part-3",
            ][..],
        ),
        (
            "imdb-export.csv",
            &["salt-of-the-earth", "blue-collar", "norma-rae"][..],
        ),
        (
            "letterboxd-list.csv",
            &["matewan", "the-organizer", "tout-va-bien"][..],
        ),
        (
            "numbered-list.txt",
            &[
                "harlan-county-usa",
                "matewan",
                "brassed-off",
                "norma-rae",
                "salt-of-the-earth",
            ][..],
        ),
        ("blog-post.md", &["strike-1925", "the-take"][..]),
        ("spreadsheet.tsv", &["matewan", "norma-rae"][..]),
        (
            "compact-labels.txt",
            &["the-miner-2017", "coup-pour-coup"][..],
        ),
    ] {
        let report: Vec<Value> = json_of(slate().args([
            "import",
            &format!("tests/fixtures/listings/{file}"),
            "--dry-run",
            "--format",
            "json",
        ]));
        // Entries first, then the lines skipped, each with its reason.
        let (report, skipped): (Vec<Value>, Vec<Value>) =
            report.into_iter().partition(|r| r["status"] != "skipped");
        assert!(skipped
            .iter()
            .all(|r| r["reason"].is_string() && r["line"].is_u64()));
        let ids: Vec<&str> = report
            .iter()
            .map(|r| r["id"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(ids, films, "{file}: {report:#?}");
        assert!(
            report.iter().all(|r| r["status"] == "merged"),
            "{file}: {report:#?}"
        );
        reports.insert(file, report);
    }
    // The CSV's synopses are tagged.
    let report = &reports["distributor.csv"];
    let salt: Vec<&str> = report[0]["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["theme"].as_str().unwrap())
        .collect();
    assert!(
        salt.contains(&"strikes") && salt.contains(&"mining"),
        "{salt:?}"
    );
    assert_eq!(report[1]["runtime"], 133);
}

#[test]
fn a_merge_fills_facts_the_catalogue_lacks_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&root().join("tests/fixtures/good"), &data);
    let listing = dir.path().join("listing.txt");
    std::fs::write(
        &listing,
        "A Fábrica (2015)\nDirected by: Ana Núñez\nRunning Time: 12 min\n\nStrike (1925)\nDirected by: Sergei Eisenstein\nRunning Time: 95 min\n",
    )
    .unwrap();
    let report: Vec<Value> = json_of(
        slate()
            .arg("--data")
            .arg(&data)
            .arg("import")
            .arg(&listing)
            .args(["--format", "json"]),
    );
    assert_eq!(report[0]["id"], "la-fabrica");
    assert_eq!(report[0]["filled"][0], "runtime 12 min");
    // Strike has a runtime: the listing's 95 is a conflict, the catalogue's 82 stays.
    assert_eq!(report[1]["id"], "strike-1925");
    assert!(report[1]["conflicts"][0].as_str().unwrap().contains("95"));
    let shorts = std::fs::read_to_string(data.join("films/shorts.toml")).unwrap();
    assert!(shorts.contains("runtime = 12"), "{shorts}");
    let main = std::fs::read_to_string(data.join("films.toml")).unwrap();
    assert!(main.contains("runtime = 82") && !main.contains("runtime = 95"));
    assert_catalogue_loads(&data);
}

#[test]
fn facts_no_film_can_have_are_left_out_so_the_catalogue_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&root().join("tests/fixtures/good"), &data);
    let listing = dir.path().join("listing.txt");
    std::fs::write(
        &listing,
        "Tomorrow's Strike (Ann Example, 2031, 90 min)\nA strike that has not happened yet.\n\n\
         The Longest Shift\nDirected by: Bo Example\nRunning Time: 4000 min\n",
    )
    .unwrap();
    let report: Vec<Value> = json_of(
        slate()
            .arg("--data")
            .arg(&data)
            .arg("import")
            .arg(&listing)
            .args(["--format", "json"]),
    );
    assert_eq!(report.len(), 2, "{report:#?}");
    assert_eq!(report[0]["status"], "new");
    assert!(report[0]["year"].is_null());
    assert!(
        report[0]["dropped"][0]
            .as_str()
            .unwrap()
            .starts_with("year 2031"),
        "{report:#?}"
    );
    assert!(report[1]["runtime"].is_null());
    assert!(report[1]["dropped"][0]
        .as_str()
        .unwrap()
        .starts_with("runtime 4000"));
    assert_catalogue_loads(&data);
}

/// Issue 12: the catalogue refuses control characters in text, so import
/// drops them from listings (bidirectional marks pasted from web pages,
/// terminal escapes), says so, and what it writes still loads.
#[test]
fn control_characters_in_listings_are_dropped_so_the_catalogue_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&root().join("tests/fixtures/good"), &data);
    let listing = dir.path().join("listing.txt");
    std::fs::write(
        &listing,
        "La Gr\u{200e}ve \u{1b}[31m(Ann Ex\u{202e}ample, 1960, 90 min)\nA strike\u{9b}.\n",
    )
    .unwrap();
    let out = slate()
        .arg("--data")
        .arg(&data)
        .arg("import")
        .arg(&listing)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("dropped 4 control characters"), "{stderr}");
    assert_catalogue_loads(&data);
}
