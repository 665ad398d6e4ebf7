//! `slate import` on listings laid out like real pages: every line is in an
//! entry or reported skipped with its reason (the totals add up), no date,
//! heading, country or known director becomes a film, an uncertain entry is
//! written only with `--accept-uncertain`, and a data directory with no
//! film file yet is a catalogue to start.

mod common;

use common::*;
use serde_json::Value;

const PAGE: &str = "\
Strand: Women at Work

Sunday 3 May, 6.30pm – upstairs bar

Made in Dagenham
Dir. Nigel Cole / UK / 2010 / 113 min
Sewing machinists at Ford's Dagenham plant strike for equal pay.

Book tickets

Thursday 7 May 2026 20:30
Norma Rae
Martin Ritt, USA, 1979, 114'

Ken Loach

France

Bread and Roses
";

fn report(dir: &std::path::Path, args: &[&str]) -> (Vec<Value>, String) {
    let listing = dir.join("page.txt");
    std::fs::write(&listing, PAGE).unwrap();
    let out = slate()
        .arg("--data")
        .arg(dir.join("data"))
        .arg("import")
        .arg(&listing)
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        serde_json::from_slice(&out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_line_is_accounted_for_and_nothing_is_invented() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &dir.path().join("data"));
    let (rows, stderr) = report(dir.path(), &["--dry-run"]);
    let titles: Vec<&str> = rows
        .iter()
        .filter(|r| r["status"] != "skipped" && r["status"] != "uncertain")
        .filter_map(|r| r["title"].as_str())
        // A title alone is a film only when the catalogue knows it (it does
        // since catalogue v2; checked below).
        .filter(|t| *t != "Bread and Roses")
        .collect();
    assert_eq!(titles, ["Made in Dagenham", "Norma Rae"], "{rows:#?}");
    let dagenham = &rows[0];
    assert_eq!(dagenham["directors"][0], "Nigel Cole");
    assert_eq!(
        (dagenham["year"].as_u64(), dagenham["runtime"].as_u64()),
        (Some(2010), Some(113))
    );
    // The synopsis is the sentence, never the credit line.
    assert!(dagenham["synopsis"]
        .as_str()
        .unwrap()
        .starts_with("Sewing machinists"));
    // Skipped runs say why, with their lines.
    let reasons: Vec<(u64, &str)> = rows
        .iter()
        .filter(|r| r["status"] == "skipped")
        .map(|r| (r["line"].as_u64().unwrap(), r["reason"].as_str().unwrap()))
        .collect();
    assert!(reasons.contains(&(1, "a heading")), "{reasons:?}");
    assert!(
        reasons.contains(&(3, "a date and time line")),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&(9, "a ticket, guest or event note")),
        "{reasons:?}"
    );
    // Totals on stderr add up to the input's lines.
    let totals = stderr.lines().find(|l| l.starts_with("read ")).unwrap();
    // "read FILE: N lines: E in K entries (…), S skipped, B blank".
    let number_before = |marker: &str| -> usize {
        let head = &totals[..totals
            .find(marker)
            .unwrap_or_else(|| panic!("{marker}: {totals}"))];
        head.rsplit(' ').next().unwrap().parse().unwrap()
    };
    let number_after = |marker: &str| -> usize {
        let tail = &totals[totals.find(marker).unwrap() + marker.len()..];
        tail.split(' ').next().unwrap().parse().unwrap()
    };
    let lines = PAGE.lines().count();
    assert_eq!(number_before(" lines: "), lines, "{totals}");
    let in_entries = number_after(" lines: ");
    assert_eq!(
        in_entries + number_before(" skipped") + number_before(" blank"),
        lines,
        "{totals}"
    );
    // A known director's name and a country are never films; the line
    // alone is uncertain.
    for r in &rows {
        assert_ne!(r["title"], "Ken Loach", "{r:#?}");
        assert_ne!(r["title"], "France", "{r:#?}");
    }
    let bread = rows.iter().find(|r| r["title"] == "Bread and Roses");
    assert!(
        bread.is_none_or(|r| r["status"] == "uncertain" || r["status"] == "merged"),
        "{bread:#?}"
    );
}

#[test]
fn uncertain_entries_are_written_only_when_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    // Themes and no film file yet: importing starts the catalogue.
    std::fs::copy(root().join("data/themes.toml"), data.join("themes.toml")).unwrap();
    let (rows, _) = report(dir.path(), &[]);
    let uncertain: Vec<&Value> = rows.iter().filter(|r| r["status"] == "uncertain").collect();
    assert!(!uncertain.is_empty(), "{rows:#?}");
    assert!(uncertain.iter().all(|r| r["reason"].is_string()));
    let list = |data: &std::path::Path| -> Vec<String> {
        let films: Vec<Value> = json_of(
            slate()
                .arg("--data")
                .arg(data)
                .args(["catalog", "list", "--format", "json"]),
        );
        films
            .iter()
            .map(|f| f["title"].as_str().unwrap().to_string())
            .collect()
    };
    let written = list(&data);
    assert_eq!(written, ["Made in Dagenham", "Norma Rae"]);
    assert_catalogue_loads(&data);
    // Accepted, they are written too.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::copy(root().join("data/themes.toml"), data.join("themes.toml")).unwrap();
    report(dir.path(), &["--accept-uncertain"]);
    let written = list(&data);
    assert!(written.len() > 2, "{written:?}");
    assert_catalogue_loads(&data);
}
