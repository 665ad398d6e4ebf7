//! `slate export ics`: every example exports to calendars that the `ical`
//! crate and Python's `icalendar` (an independent implementation, installed
//! by .ci/run) both read back event for event — summaries, times (across
//! daylight-saving changes and midnight), places and UIDs matching the plan;
//! output is byte-identical for identical input (a golden file); injected
//! text stays inside its property; re-publishing bumps SEQUENCE only where
//! something changed and cancels what is gone.

mod common;
use common::root;

use std::io::BufReader;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const EPOCH: &str = "1800000000"; // 2027-01-15T08:00:00Z

/// `slate`, with DTSTAMP fixed by SOURCE_DATE_EPOCH.
fn slate() -> Command {
    let mut c = common::slate();
    c.env("SOURCE_DATE_EPOCH", EPOCH);
    c
}

fn plan_json(programme: &str) -> Value {
    let out = slate()
        .args(["plan", programme, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn export(input: &str, out: &Path, extra: &[&str]) -> String {
    let o = slate()
        .args(["export", "ics", input, "-o"])
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::read_to_string(out).unwrap()
}

/// Whether Python's icalendar can be used (CI installs it; a developer
/// machine may not have it).
fn python_icalendar() -> bool {
    static OK: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *OK.get_or_init(|| {
        let ok = std::process::Command::new("python3")
            .args(["-c", "import icalendar"])
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            assert!(
                std::env::var_os("CI").is_none(),
                "Python's icalendar is missing: .ci/run installs it (python3 -m pip install icalendar)"
            );
            eprintln!(
                "note: Python's icalendar is not installed; reading calendars with the ical crate only \
                 (python3 -m pip install icalendar for the independent check)"
            );
        }
        ok
    })
}

/// Events as Python's icalendar reads them (or, without it outside CI, as
/// the ical crate reads them, with times resolved by jiff).
fn python_events(path: &Path) -> Vec<Value> {
    if !python_icalendar() {
        return crate_events_json(&std::fs::read_to_string(path).unwrap());
    }
    let out = std::process::Command::new("python3")
        .arg(root().join("tests/verify_ics.py"))
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "python icalendar failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The fallback reader: the same JSON as tests/verify_ics.py, from the ical crate.
fn crate_events_json(text: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for cal in ical::IcalParser::new(BufReader::new(text.as_bytes())) {
        for e in cal.unwrap().events {
            let prop = |name: &str| e.properties.iter().find(|p| p.name == name);
            let value = |name: &str| {
                prop(name)
                    .and_then(|p| p.value.clone())
                    .map(|v| slate::export::ical::lines::unescape(&v))
                    .unwrap_or_default()
            };
            let time = |name: &str| {
                let p = prop(name).unwrap();
                let v = p.value.clone().unwrap();
                if let Some(utc) = v.strip_suffix('Z') {
                    let dt: jiff::civil::DateTime = jiff::fmt::strtime::parse("%Y%m%dT%H%M%S", utc)
                        .unwrap()
                        .to_datetime()
                        .unwrap();
                    return dt
                        .to_zoned(jiff::tz::TimeZone::UTC)
                        .unwrap()
                        .timestamp()
                        .strftime("%Y-%m-%dT%H:%M:%SZ")
                        .to_string();
                }
                let tzid = p
                    .params
                    .as_ref()
                    .unwrap()
                    .iter()
                    .find(|(k, _)| k == "TZID")
                    .unwrap()
                    .1[0]
                    .clone();
                let dt: jiff::civil::DateTime = jiff::fmt::strtime::parse("%Y%m%dT%H%M%S", &v)
                    .unwrap()
                    .to_datetime()
                    .unwrap();
                let tz = jiff::tz::TimeZone::get(&tzid).unwrap();
                tz.to_ambiguous_zoned(dt)
                    .earlier()
                    .unwrap()
                    .timestamp()
                    .strftime("%Y-%m-%dT%H:%M:%SZ")
                    .to_string()
            };
            out.push(serde_json::json!({
                "uid": value("UID"),
                "summary": value("SUMMARY"),
                "start": time("DTSTART"),
                "end": time("DTEND"),
                "location": value("LOCATION"),
                "status": value("STATUS"),
                "sequence": value("SEQUENCE").parse::<i64>().unwrap_or(0),
                "description": value("DESCRIPTION"),
            }));
        }
    }
    out
}

/// Events as the `ical` crate reads them: UID → properties.
fn crate_events(text: &str) -> Vec<Vec<(String, String)>> {
    let mut out = Vec::new();
    for cal in ical::IcalParser::new(BufReader::new(text.as_bytes())) {
        let cal = cal.expect("the ical crate parses slate's output");
        for e in cal.events {
            out.push(
                e.properties
                    .into_iter()
                    .map(|p| (p.name, p.value.unwrap_or_default()))
                    .collect(),
            );
        }
    }
    out
}

fn utc(rfc3339: &str) -> String {
    rfc3339
        .parse::<jiff::Timestamp>()
        .unwrap()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

fn check_against_plan(programme: &str) {
    let dir = tempfile::tempdir().unwrap();
    let ics = dir.path().join("out.ics");
    let text = export(programme, &ics, &[]);
    let plan = plan_json(programme);
    let screenings = plan["screenings"].as_array().unwrap();
    // Structure: CRLF everywhere, no line over 75 octets.
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "bare LF in {programme}"
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    // The ical crate.
    let crate_evs = crate_events(&text);
    assert_eq!(crate_evs.len(), screenings.len(), "{programme}");
    // Python's icalendar.
    let py = python_events(&ics);
    assert_eq!(py.len(), screenings.len(), "{programme}");
    let mut uids = std::collections::HashSet::new();
    for (s, e) in screenings.iter().zip(&py) {
        assert!(
            uids.insert(e["uid"].as_str().unwrap().to_string()),
            "duplicate UID"
        );
        assert_eq!(e["start"], utc(s["start"].as_str().unwrap()), "{}", s["id"]);
        assert_eq!(e["end"], utc(s["end"].as_str().unwrap()), "{}", s["id"]);
        let films = s["films"].as_array().unwrap();
        let summary = e["summary"].as_str().unwrap();
        assert!(
            summary.contains(films[0]["title"].as_str().unwrap())
                || summary.starts_with("Shorts programme"),
            "{summary}"
        );
        assert!(e["location"]
            .as_str()
            .unwrap()
            .starts_with(s["venue_name"].as_str().unwrap()));
        assert_eq!(e["status"], "CONFIRMED");
        assert_eq!(e["sequence"], 0);
        for f in films {
            assert!(e["description"]
                .as_str()
                .unwrap()
                .contains(f["title"].as_str().unwrap()));
        }
    }
    // The crate sees the same UIDs.
    for (ev, p) in crate_evs.iter().zip(&py) {
        let uid = ev.iter().find(|(n, _)| n == "UID").map(|(_, v)| v.as_str());
        assert_eq!(uid, p["uid"].as_str());
    }
}

#[test]
fn examples_export_to_calendars_both_parsers_read_back() {
    check_against_plan("programmes/weekend.toml");
    check_against_plan("programmes/festival.toml");
}

#[test]
fn times_are_right_across_daylight_saving_changes_and_midnight() {
    for programme in [
        "tests/fixtures/programmes/dst-lisbon.toml",
        "tests/fixtures/programmes/dst-new-york.toml",
        "tests/fixtures/programmes/no-dst-kolkata.toml",
        "tests/fixtures/programmes/ambiguous-time.toml",
    ] {
        check_against_plan(programme);
    }
    let dir = tempfile::tempdir().unwrap();
    let ics = dir.path().join("lisbon.ics");
    let text = export("tests/fixtures/programmes/dst-lisbon.toml", &ics, &[]);
    // The spring-forward onset is at 01:00 local (not an hour late).
    assert!(text.contains(
        "BEGIN:DAYLIGHT\r\nDTSTART:20270328T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100"
    ));
    let py = python_events(&ics);
    let starts: Vec<&str> = py.iter().map(|e| e["start"].as_str().unwrap()).collect();
    // 00:30 WET and 02:30 WEST on Sunday 28 March: an hour apart in real time.
    assert_eq!(
        starts,
        [
            "2027-03-27T23:00:00Z",
            "2027-03-28T00:30:00Z",
            "2027-03-28T01:30:00Z"
        ]
    );
    // New York: 01:30 on 7 November is its first occurrence (EDT); a screening
    // ending in the repeated hour's second pass ends in UTC form.
    let ny = dir.path().join("ny.ics");
    let text = export("tests/fixtures/programmes/dst-new-york.toml", &ny, &[]);
    assert!(text.contains("DTSTART;TZID=America/New_York:20271107T013000"));
    let py = python_events(&ny);
    assert_eq!(py[1]["start"], "2027-11-07T05:30:00Z");
    // The Saturday 23:00 screening ends after midnight.
    assert!(py[0]["end"].as_str().unwrap().starts_with("2027-11-07"));
}

#[test]
fn output_is_byte_identical_and_matches_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = export("programmes/weekend.toml", &dir.path().join("a.ics"), &[]);
    let b = export("programmes/weekend.toml", &dir.path().join("b.ics"), &[]);
    assert_eq!(a, b);
    let golden = root().join("tests/golden/weekend.ics");
    if std::env::var_os("SLATE_BLESS").is_some() {
        std::fs::write(&golden, &a).unwrap();
    }
    assert!(
        a == std::fs::read_to_string(&golden).unwrap_or_default(),
        "the weekend calendar changed; check it, then run `SLATE_BLESS=1 cargo test --test ics`"
    );
    // --now overrides SOURCE_DATE_EPOCH.
    let c = export(
        "programmes/weekend.toml",
        &dir.path().join("c.ics"),
        &["--now", "2027-02-01T10:00:00Z"],
    );
    assert!(c.contains("DTSTAMP:20270201T100000Z"));
}

#[test]
fn injected_text_stays_inside_its_property() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    std::fs::write(
        dir.path().join("data/themes.toml"),
        "[[theme]]\nid = \"strikes\"\nlabel = \"Strikes; walkouts, lockouts\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("data/films.toml"),
        "[[film]]\nid = \"evil\"\ntitle = \"Evil, Inc.; Part 1\"\nruntime = 90\nthemes = [\"strikes\"]\nsources = [\"x\"]\n\
         synopsis = \"Line one\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT\\r\\nSUMMARY:Injected\\nraw \\\\ backslash\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("p.toml"),
        "name = \"Inject\"\ntimezone = \"Europe/Lisbon\"\n[[venue]]\nid = \"v\"\nname = \"Hall: A, B; C\"\n\
         [[slot]]\nvenue = \"v\"\nstart = 2027-05-01T20:00:00\nlength = 120\n\
         [[series]]\nid = \"s\"\ntitle = \"S\"\nthemes = [\"strikes\"]\nscreenings = 1\n",
    )
    .unwrap();
    let ics = dir.path().join("out.ics");
    slate()
        .arg("--data")
        .arg(dir.path().join("data"))
        .args(["export", "ics"])
        .arg(dir.path().join("p.toml"))
        .arg("-o")
        .arg(&ics)
        .assert()
        .success();
    let text = std::fs::read_to_string(&ics).unwrap();
    // The text "END:VEVENT" may appear inside the escaped description; as a
    // line of its own it appears once.
    assert_eq!(
        text.split("\r\n").filter(|l| *l == "BEGIN:VEVENT").count(),
        1,
        "{text}"
    );
    assert_eq!(text.split("\r\n").filter(|l| *l == "END:VEVENT").count(), 1);
    let py = python_events(&ics);
    assert_eq!(py.len(), 1);
    assert_eq!(py[0]["summary"], "Evil, Inc.; Part 1");
    assert_eq!(py[0]["location"], "Hall: A, B; C");
    let description = py[0]["description"].as_str().unwrap();
    assert!(
        description
            .contains("Line one\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Injected\nraw \\ backslash"),
        "{description}"
    );
    assert_eq!(crate_events(&text).len(), 1);
}

#[test]
fn republishing_bumps_sequence_only_where_something_changed() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("published.ics");
    export("programmes/weekend.toml", &first, &[]);
    let plan = plan_json("programmes/weekend.toml");
    // Edit: the Sunday closing screening moves from 21:00 to 21:30 (its slot
    // keeps its id, written out, so its screening keeps its identity), and
    // the Saturday late show is cancelled (its slot removed).
    let text = std::fs::read_to_string(root().join("programmes/weekend.toml")).unwrap();
    let edited = text
        .replace(
            "start = 2027-05-02T21:00:00",
            "id = \"sao-jorge-20270502-2100\"\nstart = 2027-05-02T21:30:00",
        )
        .replace(
            "[[slot]]\nvenue = \"sao-jorge\"\nstart = 2027-05-01T23:45:00\nlength = 120\n",
            "",
        );
    assert_ne!(edited, text);
    let prog = dir.path().join("weekend.toml");
    std::fs::write(&prog, edited).unwrap();
    // Keep the published screenings (so only the edits change), then export.
    let old_plan = dir.path().join("plan.json");
    std::fs::write(&old_plan, serde_json::to_vec(&plan).unwrap()).unwrap();
    let out = slate()
        .args([
            "plan",
            prog.to_str().unwrap(),
            "--keep",
            old_plan.to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let new_plan = dir.path().join("new.json");
    std::fs::write(&new_plan, &out.stdout).unwrap();
    let second = dir.path().join("second.ics");
    let later = [
        "--now",
        "2027-03-01T09:00:00Z",
        "--previous",
        first.to_str().unwrap(),
    ];
    let text = export(new_plan.to_str().unwrap(), &second, &later);
    let before = python_events(&first);
    let after = python_events(&second);
    let by_uid = |evs: &[Value], uid: &str| evs.iter().find(|e| e["uid"] == uid).cloned();
    let mut unchanged = 0;
    let mut bumped = 0;
    let mut cancelled = 0;
    for old in &before {
        let uid = old["uid"].as_str().unwrap();
        let new = by_uid(&after, uid).expect("every published event is published again");
        if new["status"] == "CANCELLED" {
            cancelled += 1;
            assert_eq!(new["sequence"], 1);
            assert!(new["summary"].as_str().unwrap().starts_with("Cancelled: "));
        } else if new["start"] == old["start"]
            && new["end"] == old["end"]
            && new["summary"] == old["summary"]
        {
            unchanged += 1;
            assert_eq!(new["sequence"], 0, "{uid}");
        } else {
            bumped += 1;
            assert_eq!(new["sequence"], 1, "{uid}");
        }
    }
    assert_eq!(cancelled, 1, "the late show is cancelled");
    assert_eq!(bumped, 1, "the moved screening changes, and only it");
    assert!(unchanged >= 7);
    // Unchanged events keep their LAST-MODIFIED; changed ones get the new one.
    assert!(text.contains("LAST-MODIFIED:20270301T090000Z"));
    assert!(text.contains("LAST-MODIFIED:20270115T080000Z"));
    // Publishing the same again changes nothing more.
    let third = dir.path().join("third.ics");
    let again = export(
        new_plan.to_str().unwrap(),
        &third,
        &[
            "--now",
            "2027-03-02T09:00:00Z",
            "--previous",
            second.to_str().unwrap(),
        ],
    );
    let strip = |t: &str| {
        t.lines()
            .filter(|l| !l.starts_with("DTSTAMP"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&again), strip(&text));
}

#[test]
fn split_writes_one_calendar_per_venue_series_and_day() {
    let dir = tempfile::tempdir().unwrap();
    slate()
        .args([
            "export",
            "ics",
            "programmes/festival.toml",
            "--split",
            "venue",
            "-o",
        ])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("one per venue"));
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "all.ics",
            "venue-cinemateca.ics",
            "venue-sao-jorge-1.ics",
            "venue-sao-jorge-3.ics"
        ]
    );
    let all = python_events(&dir.path().join("all.ics")).len();
    let parts: usize = names[1..]
        .iter()
        .map(|n| python_events(&dir.path().join(n)).len())
        .sum();
    assert_eq!(all, parts);
    let days = tempfile::tempdir().unwrap();
    slate()
        .args([
            "export",
            "ics",
            "programmes/weekend.toml",
            "--split",
            "day",
            "-o",
        ])
        .arg(days.path())
        .assert()
        .success();
    // The late show after midnight is in Saturday's calendar.
    let saturday = std::fs::read_to_string(days.path().join("day-2027-05-01.ics")).unwrap();
    assert!(saturday.contains("DTSTART;TZID=Europe/Lisbon:20270501T234500"));
}

#[test]
fn bad_input_is_explained() {
    slate()
        .args([
            "export",
            "ics",
            "programmes/weekend.toml",
            "-o",
            "/nonexistent-dir/x.ics",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cannot write /nonexistent-dir/x.ics",
        ));
    slate()
        .args([
            "export",
            "ics",
            "programmes/weekend.toml",
            "-o",
            "x.ics",
            "--now",
            "yesterday",
        ])
        .assert()
        .code(2);
    slate()
        .args([
            "export",
            "ics",
            "programmes/weekend.toml",
            "-o",
            "/tmp/slate-x.ics",
            "--previous",
            "Cargo.toml",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "is not an iCalendar file slate can read",
        ));
}

mod corrupted_previous {
    use proptest::prelude::*;
    use slate::export::ical::previous::Previous;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// A calendar published last time, however damaged, is read or
        /// refused with a reason — never a panic.
        #[test]
        fn a_damaged_previous_calendar_never_panics(
            cut in 0usize..20_000,
            junk in proptest::collection::vec(any::<u8>(), 0..24),
        ) {
            let golden = std::fs::read(super::root().join("tests/golden/weekend.ics")).unwrap();
            let cut = cut.min(golden.len());
            let mut bytes = golden[..cut].to_vec();
            bytes.extend(&junk);
            bytes.extend(&golden[cut..]);
            match Previous::parse(&bytes) {
                Ok(p) => prop_assert!(p.events.len() <= 20),
                Err(e) => prop_assert!(!e.is_empty()),
            }
        }
    }
}
