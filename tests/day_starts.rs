//! `day_starts`: a festival day ends when the night does. A screening that
//! starts after midnight but before `day_starts` (default 05:00) belongs to
//! the evening before, in the plan, the printed programme, the day
//! calendars and the feeds.

mod common;

use std::path::Path;

use common::{root, slate, stdout_of};

const NIGHT_OWLS: &str = "tests/fixtures/programmes/night-owls.toml";

/// The night-owls programme with `day_starts` set (None: left out).
fn programme(dir: &Path, day_starts: Option<&str>) -> std::path::PathBuf {
    let text = std::fs::read_to_string(root().join(NIGHT_OWLS)).unwrap();
    let text = match day_starts {
        Some(d) => format!("day_starts = \"{d}\"\n{text}"),
        None => text,
    };
    let path = dir.join("night-owls.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn days_by_start(path: &Path) -> Vec<(String, String)> {
    let plan: slate::schedule::Plan = serde_json::from_slice(&stdout_of(
        slate().args(["plan", "--format", "json"]).arg(path),
    ))
    .unwrap();
    plan.screenings
        .iter()
        .map(|s| (s.start[..16].to_string(), s.day.clone()))
        .collect()
}

#[test]
fn a_screening_after_midnight_belongs_to_the_evening_before() {
    let dir = tempfile::tempdir().unwrap();
    let default = programme(dir.path(), None);
    assert_eq!(
        days_by_start(&default),
        [
            ("2027-05-07T20:00".to_string(), "2027-05-07".to_string()),
            ("2027-05-08T00:30".to_string(), "2027-05-07".to_string()),
            ("2027-05-08T18:00".to_string(), "2027-05-08".to_string()),
        ]
    );
    // Days that start at midnight are calendar days.
    let midnight = programme(dir.path(), Some("00:00"));
    assert_eq!(days_by_start(&midnight)[1].1, "2027-05-08");
}

#[test]
fn the_printed_programme_day_calendars_and_feeds_follow_the_festival_day() {
    let dir = tempfile::tempdir().unwrap();
    let input = root().join(NIGHT_OWLS);
    let md = String::from_utf8(stdout_of(
        slate().args(["export", "md", "-o", "-"]).arg(&input),
    ))
    .unwrap();
    let friday = md.find("## Friday 7 May 2027").unwrap();
    let saturday = md.find("## Saturday 8 May 2027").unwrap();
    let late = md.find("**00:30–03:00 (after midnight)**").unwrap();
    assert!(friday < late && late < saturday, "{md}");

    let days = dir.path().join("days");
    slate()
        .args(["export", "ics", "--split", "day", "-o"])
        .arg(&days)
        .arg(&input)
        .assert()
        .success();
    let count = |f: &str| {
        std::fs::read_to_string(days.join(f))
            .unwrap()
            .matches("BEGIN:VEVENT")
            .count()
    };
    assert_eq!(count("day-2027-05-07.ics"), 2);
    assert_eq!(count("day-2027-05-08.ics"), 1);

    let feed: serde_json::Value = serde_json::from_slice(&stdout_of(
        slate()
            .args(["export", "frab", "--format", "json", "-o", "-"])
            .arg(&input),
    ))
    .unwrap();
    let day1 = &feed["schedule"]["conference"]["days"][0];
    assert_eq!(day1["date"], "2027-05-07");
    assert_eq!(day1["day_start"], "2027-05-07T05:00:00+01:00");
    assert_eq!(day1["day_end"], "2027-05-08T05:00:00+01:00");
    assert_eq!(day1["rooms"]["The Ritzy"].as_array().unwrap().len(), 2);
}

#[test]
fn a_day_start_that_is_not_a_morning_time_is_refused_where_it_is_written() {
    let dir = tempfile::tempdir().unwrap();
    for (value, says) in [("13:00", "after noon"), ("5pm", "not a time of day")] {
        let path = programme(dir.path(), Some(value));
        let out = slate().arg("plan").arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(stderr.contains("night-owls.toml:1:14"), "{stderr}");
        assert!(stderr.contains(value), "{stderr}");
    }
}
