//! `slate export frab`: the frab/pretalx schedule feeds (schedule.xml and
//! schedule.json) validated against the C3VOC schedule project's XSD and
//! JSON schema in `../shared/schemas` (with Python's lxml and jsonschema,
//! which CI installs), their guids checked against the calendar's UIDs.

mod common;

use std::path::{Path, PathBuf};

use common::{check_feeds, root, slate};

/// Writes the feeds and the calendar of `input` into `dir`.
fn export(input: &Path, dir: &Path, extra: &[&str]) -> (PathBuf, PathBuf, PathBuf) {
    let (xml, json, ics) = (
        dir.join("schedule.xml"),
        dir.join("schedule.json"),
        dir.join("programme.ics"),
    );
    for out in [&xml, &json] {
        slate()
            .args(["export", "frab"])
            .arg(input)
            .arg("-o")
            .arg(out)
            .args(extra)
            .assert()
            .success();
    }
    slate()
        .args(["export", "ics"])
        .arg(input)
        .arg("-o")
        .arg(&ics)
        .args(["--now", "2027-04-01T12:00:00Z"])
        .assert()
        .success();
    (xml, json, ics)
}

#[test]
fn the_festival_examples_feeds_validate_and_name_the_calendars_events() {
    let dir = tempfile::tempdir().unwrap();
    let (xml, json, ics) = export(&root().join("programmes/festival.toml"), dir.path(), &[]);
    check_feeds(&xml, &json, &ics);
    let text = std::fs::read_to_string(&xml).unwrap();
    assert_eq!(text.matches("<event ").count(), 74);
    assert!(text.contains("<type>screening</type>"));
    // The series' description reaches each event's description.
    assert!(
        text.contains("workers who kept the machines running"),
        "{text}"
    );
    // The programme's url gives each event an address on the page.
    assert!(text.contains("<url>https://"), "{text}");
    let j: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let conf = &j["schedule"]["conference"];
    assert_eq!(conf["time_zone_name"], "Europe/Lisbon");
    assert_eq!(conf["daysCount"], conf["days"].as_array().unwrap().len());
}

#[test]
fn guests_notes_and_repeats_of_a_plan_reach_the_feeds() {
    let dir = tempfile::tempdir().unwrap();
    let (xml, json, ics) = export(&root().join(common::FESTIVAL_PLAN), dir.path(), &[]);
    check_feeds(&xml, &json, &ics);
    let plan = common::festival_plan();
    let text = std::fs::read_to_string(&xml).unwrap();
    for s in &plan.screenings {
        for g in &s.guests {
            assert!(
                text.contains(&format!("<person>{g}</person>")),
                "{g}: {text}"
            );
        }
    }
    assert!(text.contains("Repeat of"), "{text}");
}

#[test]
fn feeds_are_byte_identical_from_run_to_run() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let input = root().join("programmes/weekend.toml");
    let (xa, ja, _) = export(&input, a.path(), &[]);
    let (xb, jb, _) = export(&input, b.path(), &[]);
    assert_eq!(std::fs::read(xa).unwrap(), std::fs::read(xb).unwrap());
    assert_eq!(std::fs::read(ja).unwrap(), std::fs::read(jb).unwrap());
}

#[test]
fn format_follows_the_extension_unless_told() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("feed.txt");
    slate()
        .args([
            "export",
            "frab",
            "programmes/weekend.toml",
            "--format",
            "json",
            "-o",
        ])
        .arg(&out)
        .current_dir(root())
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with('{'), "{text}");
    slate()
        .args(["export", "frab", "programmes/weekend.toml", "-o", "-"])
        .current_dir(root())
        .assert()
        .success()
        .stdout(predicates::str::starts_with("<?xml"));
}
