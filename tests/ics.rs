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

/// Whether Python's icalendar and vobject can be used (CI installs them; a
/// developer machine may not have them).
fn python_icalendar() -> bool {
    static OK: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *OK.get_or_init(|| {
        common::present(
            std::process::Command::new("python3")
                .args(["-c", "import icalendar, vobject"])
                .output()
                .is_ok_and(|o| o.status.success()),
            "reading calendars with Python's icalendar and vobject (the ical crate reads them alone)",
            "`python3 -m pip install icalendar vobject` (.ci/run does)",
        )
    })
}

/// Events as Python's icalendar reads them, once tests/verify_ics.py has
/// checked that vobject reads them the same and this function that the
/// `ical` crate does (or, without them outside CI, as the ical crate reads
/// them, with times resolved by jiff).
fn python_events(path: &Path) -> Vec<Value> {
    let ours = crate_events_json(&std::fs::read_to_string(path).unwrap());
    if !python_icalendar() {
        return ours;
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
    let theirs: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // The ical crate reads the same events: UIDs, summaries, instants, places.
    let key = |e: &Value| ["uid", "summary", "start", "end", "location"].map(|k| e[k].clone());
    assert_eq!(
        ours.iter().map(key).collect::<Vec<_>>(),
        theirs.iter().map(key).collect::<Vec<_>>(),
        "the ical crate and Python's icalendar read {} differently",
        path.display()
    );
    theirs
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
    // The calendar of the very plan it is compared with: a search cut by its
    // time limit on a loaded machine may plan differently the next time.
    let plan = plan_json(programme);
    let plan_file = dir.path().join("plan.json");
    std::fs::write(&plan_file, plan.to_string()).unwrap();
    let text = export(plan_file.to_str().unwrap(), &ics, &[]);
    let screenings = plan["screenings"].as_array().unwrap();
    // Structure: CRLF everywhere, no line over 75 octets.
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "bare LF in {programme}"
    );
    let lines: Vec<&str> = text.split("\r\n").collect();
    for (i, line) in lines.iter().enumerate() {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        // A fold never separates a backslash from the character it escapes.
        if lines.get(i + 1).is_some_and(|next| next.starts_with(' ')) {
            let trailing = line.len() - line.trim_end_matches('\\').len();
            assert!(trailing % 2 == 0, "a fold inside an escape: {line:?}");
        }
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
    // New York: 01:30 on 7 November happens twice; the screening at its first
    // occurrence (EDT) is written as that instant, in UTC form — a TZID form
    // would mean it too, but vobject reads such a time as the second — and so
    // is one ending in the repeated hour's second pass.
    let ny = dir.path().join("ny.ics");
    let text = export("tests/fixtures/programmes/dst-new-york.toml", &ny, &[]);
    assert!(text.contains("\r\nDTSTART:20271107T053000Z\r\n"), "{text}");
    assert!(!text.contains("TZID=America/New_York:20271107T01"));
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

/// Runs `slate export ics` and returns its standard error (it must succeed).
fn export_saying(input: &Path, out: &Path, extra: &[&str]) -> String {
    let o = slate()
        .args(["export", "ics"])
        .arg(input)
        .arg("-o")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stderr).unwrap()
}

/// The weekend's plan, planned once for the tests that compare calendars of
/// it (a search cut by its time limit on a loaded machine could plan
/// differently twice).
fn weekend_plan() -> Value {
    static PLAN: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    PLAN.get_or_init(|| plan_json("programmes/weekend.toml"))
        .clone()
}

/// Writes a plan as `dir/name` and returns its path.
fn plan_file(dir: &Path, name: &str, plan: &Value) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, plan.to_string()).unwrap();
    path
}

/// The weekend's plan with its third screening's slot (and its films) moved
/// 15 minutes later (as moving a `[[slot]]` template does: a new slot id, so
/// a new screening id) and its last screening gone.
fn weekend_moved_and_cut() -> Value {
    let mut plan = weekend_plan();
    let screenings = plan["screenings"].as_array_mut().unwrap();
    screenings.pop();
    let s = &mut screenings[2];
    let later = |v: &Value| {
        let t: jiff::Zoned = v
            .as_str()
            .unwrap()
            .parse::<jiff::Zoned>()
            .unwrap_or_else(|_| {
                v.as_str()
                    .unwrap()
                    .parse::<jiff::Timestamp>()
                    .unwrap()
                    .to_zoned(jiff::tz::TimeZone::get("Europe/Lisbon").unwrap())
            });
        let t = t.checked_add(jiff::SignedDuration::from_mins(15)).unwrap();
        (
            t.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            t.strftime("%Y%m%d-%H%M").to_string(),
        )
    };
    let (start, stamp) = later(&s["start"]);
    let slot = format!("{}-{stamp}", s["venue"].as_str().unwrap());
    s["start"] = start.into();
    s["end"] = later(&s["end"]).0.into();
    s["slot_end"] = later(&s["slot_end"]).0.into();
    // Each film starts 15 minutes later too (the plan check holds them to it).
    for f in s["films"].as_array_mut().unwrap() {
        if f.get("start").is_some_and(|v| !v.is_null()) {
            f["start"] = later(&f["start"]).0.into();
        }
    }
    s["id"] = format!("{}@{slot}", s["series"].as_str().unwrap()).into();
    s["slot"] = slot.into();
    plan
}

#[test]
fn a_moved_slot_keeps_its_uid_and_the_summary_counts_this_run_only() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("published.ics");
    let weekend = plan_file(dir.path(), "weekend.json", &weekend_plan());
    let said = export_saying(&weekend, &first, &[]);
    let n = python_events(&first).len();
    assert_eq!(
        said.trim(),
        format!("wrote {}: {n} events: first publication", first.display())
    );
    let plan = dir.path().join("moved.json");
    std::fs::write(&plan, weekend_moved_and_cut().to_string()).unwrap();
    let second = dir.path().join("second.ics");
    let previous = [
        "--previous",
        first.to_str().unwrap(),
        "--now",
        "2027-03-01T09:00:00Z",
    ];
    let said = export_saying(&plan, &second, &previous);
    assert_eq!(
        said.trim(),
        format!(
            "wrote {}: {n} events: 1 moved, 1 cancelled, {} unchanged",
            second.display(),
            n - 2
        )
    );
    let before = python_events(&first);
    let after = python_events(&second);
    // Every UID carries on: the moved screening under its old UID, with its
    // new time and SEQUENCE 1; the cut one cancelled.
    let uids = |evs: &[Value]| {
        let mut u: Vec<String> = evs.iter().map(|e| e["uid"].to_string()).collect();
        u.sort();
        u
    };
    assert_eq!(uids(&before), uids(&after));
    let moved = after.iter().find(|e| e["uid"] == before[2]["uid"]).unwrap();
    assert_eq!(moved["status"], "CONFIRMED");
    assert_eq!(moved["sequence"], 1);
    assert_ne!(moved["start"], before[2]["start"]);
    let cut = after
        .iter()
        .find(|e| e["uid"] == before[n - 1]["uid"])
        .unwrap();
    assert_eq!(cut["status"], "CANCELLED");
    // Once more, nothing changes, and the cancellation is not counted again.
    let third = dir.path().join("third.ics");
    let again = [
        "--previous",
        second.to_str().unwrap(),
        "--now",
        "2027-03-02T09:00:00Z",
    ];
    let said = export_saying(&plan, &third, &again);
    assert_eq!(
        said.trim(),
        format!(
            "wrote {}: {n} events: {} unchanged, 1 still cancelled",
            third.display(),
            n - 1
        )
    );
    assert_eq!(
        python_events(&third),
        after,
        "a third publication is the second again"
    );
    // Split calendars say the same.
    let parts = dir.path().join("parts");
    let said = export_saying(
        &plan,
        &parts,
        &[&previous[..], &["--split", "venue"]].concat(),
    );
    assert!(
        said.trim().ends_with(&format!(
            "(all.ics and one per venue): {n} events: 1 moved, 1 cancelled, {} unchanged",
            n - 2
        )),
        "{said}"
    );
}

#[test]
fn a_previous_file_that_is_not_a_calendar_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.ics");
    std::fs::write(&empty, "").unwrap();
    let text = dir.path().join("notes.ics");
    std::fs::write(&text, "Remember to publish the calendar.\n").unwrap();
    for (file, why) in [
        (
            Path::new("/bin/ls"),
            "it does not start with BEGIN:VCALENDAR",
        ),
        (empty.as_path(), "the file is empty"),
        (
            text.as_path(),
            "it does not start with BEGIN:VCALENDAR (it starts with \"Remember to publish",
        ),
    ] {
        let out = dir.path().join("out.ics");
        slate()
            .args(["export", "ics", "programmes/weekend.toml", "-o"])
            .arg(&out)
            .arg("--previous")
            .arg(file)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "error: {} (--previous) is not an iCalendar file slate can read: {why}",
                file.display()
            )));
        assert!(!out.exists(), "nothing is written");
    }
}

#[test]
fn a_renamed_programme_or_another_programmes_calendar_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("published.ics");
    let plan = weekend_plan();
    export(
        plan_file(dir.path(), "weekend.json", &plan)
            .to_str()
            .unwrap(),
        &first,
        &[],
    );
    // The same plan under another name.
    let name = "Working Lives: a Weekend at the São Jorge";
    assert_eq!(plan["programme"], name);
    let mut other = plan.clone();
    other["programme"] = "Working Lives: the São Jorge Weekend".into();
    let renamed = plan_file(dir.path(), "renamed.json", &other);
    let out = dir.path().join("out.ics");
    let n = python_events(&first).len();
    slate()
        .args(["export", "ics"])
        .arg(&renamed)
        .arg("-o")
        .arg(&out)
        .arg("--previous")
        .arg(&first)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "error: none of the {n} events of {} keeps its UID: the programme's name or id changed? \
             set `id = \"{name}\"` in the programme to the old identity, or pass --new-identity",
            first.display()
        )));
    assert!(!out.exists());
    // On purpose: the old events cancelled, the new ones new.
    let said = export_saying(
        &renamed,
        &out,
        &["--previous", first.to_str().unwrap(), "--new-identity"],
    );
    assert!(
        said.contains(&format!("{} events: {n} new, {n} cancelled", 2 * n)),
        "{said}"
    );
    // Another programme's calendar.
    let festival = dir.path().join("festival.ics");
    export("programmes/festival.toml", &festival, &[]);
    slate()
        .args(["export", "ics", "programmes/weekend.toml", "-o"])
        .arg(&out)
        .arg("--previous")
        .arg(&festival)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{} is the calendar of `",
            festival.display()
        )))
        .stderr(predicate::str::contains(
            "--new-identity to replace it on purpose",
        ));
    // The page refuses the same, and --new-identity overrides there too.
    let site = dir.path().join("site");
    std::fs::create_dir_all(site.join("calendars")).unwrap();
    std::fs::copy(&festival, site.join("calendars/programme.ics")).unwrap();
    let page = |extra: &[&str]| {
        slate()
            .args(["export", "html", "programmes/weekend.toml", "-o"])
            .arg(&site)
            .args(extra)
            .assert()
    };
    page(&[]).code(1).stderr(predicate::str::contains(
        "calendars/programme.ics is the calendar of `",
    ));
    page(&["--new-identity"])
        .success()
        .stderr(predicate::str::contains("calendars: "))
        .stderr(predicate::str::contains(" cancelled"));
}

#[test]
fn a_previous_calendar_is_cleaned_before_it_is_published_again() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("published.ics");
    let weekend = plan_file(dir.path(), "weekend.json", &weekend_plan());
    let text = export(weekend.to_str().unwrap(), &first, &[]);
    // A duplicated event (once with a higher SEQUENCE), a SEQUENCE past the
    // 32-bit range, and foreign properties on the event that will be cancelled.
    let events: Vec<&str> = text.split("BEGIN:VEVENT\r\n").collect();
    let last = events
        .last()
        .unwrap()
        .replace("\r\nEND:VCALENDAR\r\n", "\r\n");
    let twice = events[1].replace("SEQUENCE:0", "SEQUENCE:3");
    let hostile = last.replace("SEQUENCE:0", "SEQUENCE:4294967296").replace(
        "TRANSP:OPAQUE\r\n",
        "TRANSP:OPAQUE\r\nRRULE:FREQ=DAILY\r\nATTENDEE:mailto:a@example.org\r\n\
             ORGANIZER:mailto:b@example.org\r\nATTACH:https://example.org/a\r\n\
             URL:javascript:alert(1)\r\nCOMMENT:bare\rCR\r\n",
    );
    let mut damaged = text.replace(&format!("BEGIN:VEVENT\r\n{}", events.last().unwrap()), "");
    damaged.push_str(&format!(
        "BEGIN:VEVENT\r\n{twice}BEGIN:VEVENT\r\n{hostile}END:VCALENDAR\r\n"
    ));
    let previous = dir.path().join("damaged.ics");
    std::fs::write(&previous, &damaged).unwrap();
    let mut plan = weekend_plan();
    plan["screenings"].as_array_mut().unwrap().pop();
    let plan_file = dir.path().join("plan.json");
    std::fs::write(&plan_file, plan.to_string()).unwrap();
    let out = dir.path().join("out.ics");
    let said = export_saying(
        &plan_file,
        &out,
        &["--previous", previous.to_str().unwrap()],
    );
    assert!(
        said.contains(&format!("warning: {}: UID ", previous.display()))
            && said.contains("appears 2 times; kept the event of SEQUENCE 3"),
        "{said}"
    );
    let written = std::fs::read_to_string(&out).unwrap();
    let evs = python_events(&out);
    let mut uids: Vec<&str> = evs.iter().map(|e| e["uid"].as_str().unwrap()).collect();
    let n = uids.len();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), n, "no duplicate UID");
    for foreign in [
        "RRULE",
        "ATTENDEE",
        "ORGANIZER",
        "ATTACH",
        "javascript",
        "COMMENT",
        "\rCR",
    ] {
        assert!(!written.contains(foreign), "{foreign} republished");
    }
    let cancelled = evs.iter().find(|e| e["status"] == "CANCELLED").unwrap();
    assert_eq!(cancelled["sequence"], 2147483647, "capped, not wrapped");
    assert_eq!(
        evs[0]["sequence"], 3,
        "the duplicate's highest SEQUENCE, kept (nothing changed)"
    );
    strict_check(&[out]);
}

#[test]
fn ids_that_slug_alike_get_calendars_of_their_own_and_the_page_links_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = plan_json("programmes/weekend.toml");
    let venue = plan["screenings"][0]["venue"].as_str().unwrap().to_string();
    plan["screenings"][0]["venue"] = venue.to_uppercase().into();
    let plan_file = dir.path().join("plan.json");
    std::fs::write(&plan_file, plan.to_string()).unwrap();
    let parts = dir.path().join("parts");
    export_saying(&plan_file, &parts, &["--split", "venue"]);
    let one = std::fs::read_to_string(parts.join(format!("venue-{venue}.ics"))).unwrap();
    let two = std::fs::read_to_string(parts.join(format!("venue-{venue}-2.ics"))).unwrap();
    let upper = format!("X-SLATE-VENUE:{}\r\n", venue.to_uppercase());
    assert_eq!(two.matches(&upper).count(), 1, "{two}");
    assert!(!one.contains(&upper));
    let site = dir.path().join("site");
    slate()
        .args(["export", "html"])
        .arg(&plan_file)
        .arg("-o")
        .arg(&site)
        .assert()
        .success();
    let page = std::fs::read_to_string(site.join("index.html")).unwrap();
    for file in [format!("venue-{venue}.ics"), format!("venue-{venue}-2.ics")] {
        assert!(
            page.contains(&format!("href=\"calendars/{file}\"")),
            "{file}"
        );
        assert!(site.join("calendars").join(&file).exists());
    }
    let two = std::fs::read_to_string(site.join(format!("calendars/venue-{venue}-2.ics"))).unwrap();
    assert_eq!(two.matches("BEGIN:VEVENT").count(), 1);
}

#[test]
fn calendars_publish_only_web_addresses() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = plan_json("programmes/weekend.toml");
    let screenings = plan["screenings"].as_array_mut().unwrap();
    screenings[0]["venue_url"] = "javascript:alert(1)".into();
    screenings[1]["venue_url"] = "http://".into();
    screenings[2]["venue_url"] = "https://cinemateca.example/programa".into();
    let plan_file = dir.path().join("plan.json");
    std::fs::write(&plan_file, plan.to_string()).unwrap();
    let out = dir.path().join("out.ics");
    export_saying(&plan_file, &out, &[]);
    let text = std::fs::read_to_string(&out).unwrap();
    let urls: Vec<&str> = text
        .split("\r\n")
        .filter(|l| l.starts_with("URL"))
        .collect();
    assert!(urls.iter().all(|u| u.starts_with("URL:http")), "{urls:?}");
    assert!(!text.contains("javascript") && !text.contains("URL:http://\r\n"));
    assert!(text.contains("URL:https://cinemateca.example/programa\r\n"));
}

/// The strict checker shared by the project's developers
/// (`<repo>/../shared/tools/ics_check.py`), when it and the Python modules
/// it reads calendars with are here; CI must have them.
fn checker() -> Option<std::path::PathBuf> {
    let path = root().join("../shared/tools/ics_check.py");
    let modules = std::process::Command::new("python3")
        .args(["-c", "import icalendar, vobject, ics"])
        .output()
        .is_ok_and(|o| o.status.success());
    common::present(
        path.exists() && modules,
        "the strict calendar checker",
        "../shared/tools/ics_check.py and `python3 -m pip install icalendar vobject ics`",
    )
    .then_some(path)
}

/// Each calendar passes the strict checker, and Python's icalendar, vobject
/// and the ical crate read it the same.
fn strict_check(files: &[std::path::PathBuf]) {
    checked(files, true);
}

/// The strict checker, with or without its ics-py step: ics-py's grammar
/// hits Python's recursion limit on long calendars, so the checker hands it
/// ten events at a time, each batch in a process of its own — a thousand
/// processes and a quarter of an hour for 10,000 events on a busy 2-core
/// machine (where it passes). The huge calendar is checked without that
/// step (its events are slate's same events, which ics-py reads in every
/// other calendar here).
fn checked(files: &[std::path::PathBuf], with_ics_py: bool) {
    for f in files {
        python_events(f);
    }
    let Some(checker) = checker() else {
        return;
    };
    for f in files {
        let mut cmd = std::process::Command::new("python3");
        if with_ics_py {
            cmd.arg(&checker).arg(f);
        } else {
            cmd.args([
                "-c",
                "import runpy, sys; sys.modules['ics'] = None; sys.argv = sys.argv[1:]; \
                 runpy.run_path(sys.argv[0], run_name='__main__')",
            ])
            .arg(&checker)
            .arg(f);
        }
        let o = cmd.output().unwrap();
        let report = String::from_utf8_lossy(&o.stdout);
        assert!(
            o.status.success() && report.trim_end().ends_with("ics_check: PASS"),
            "{} fails the checker:\n{report}{}",
            f.display(),
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            report.contains("icalendar: ok") && report.contains("vobject: ok"),
            "{report}"
        );
        if with_ics_py {
            assert!(report.contains("ics: ok"), "{report}");
        }
    }
}

#[test]
fn every_example_and_fixture_calendar_passes_the_strict_checker() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for programme in [
        "programmes/weekend.toml",
        "programmes/festival.toml",
        "tests/fixtures/programmes/dst-lisbon.toml",
        "tests/fixtures/programmes/dst-new-york.toml",
        "tests/fixtures/programmes/no-dst-kolkata.toml",
        "tests/fixtures/programmes/ambiguous-time.toml",
    ] {
        let name = Path::new(programme).file_stem().unwrap().to_str().unwrap();
        let out = dir.path().join(format!("{name}.ics"));
        export(programme, &out, &[]);
        files.push(out);
    }
    let examples: Vec<_> = std::fs::read_dir(root().join("programmes"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    for p in examples {
        let out = dir.path().join(format!(
            "example-{}.ics",
            p.file_stem().unwrap().to_str().unwrap()
        ));
        if !files.iter().any(|f| f.file_name() == out.file_name()) {
            export(p.to_str().unwrap(), &out, &[]);
            files.push(out);
        }
    }
    strict_check(&files);
}

#[test]
fn split_and_republished_calendars_pass_the_strict_checker() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for by in ["venue", "series"] {
        let parts = dir.path().join(by);
        export_saying(
            Path::new("programmes/festival.toml"),
            &parts,
            &["--split", by],
        );
        let mut names: Vec<_> = std::fs::read_dir(&parts)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        files.extend(names);
    }
    let screenings = dir.path().join("screenings");
    export_saying(
        Path::new("programmes/weekend.toml"),
        &screenings,
        &["--split", "screening"],
    );
    let mut names: Vec<_> = std::fs::read_dir(&screenings)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.ends_with("all.ics"))
        .collect();
    names.sort();
    files.extend(names.into_iter().take(2));
    // Re-published with a move and a cancellation, and once more.
    let first = dir.path().join("published.ics");
    let weekend = plan_file(dir.path(), "weekend.json", &weekend_plan());
    export(weekend.to_str().unwrap(), &first, &[]);
    let plan = dir.path().join("moved.json");
    std::fs::write(&plan, weekend_moved_and_cut().to_string()).unwrap();
    let second = dir.path().join("second.ics");
    export_saying(&plan, &second, &["--previous", first.to_str().unwrap()]);
    let third = dir.path().join("third.ics");
    export_saying(&plan, &third, &["--previous", second.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&second)
        .unwrap()
        .contains("STATUS:CANCELLED"));
    files.extend([second, third]);
    strict_check(&files);
}

/// A generated plan of `n` screenings in 40 series and eight venues that
/// screen side by side every 97 minutes (as benches/export.rs makes them,
/// but in parallel: 10,000 take 84 days) from September 2027, over the
/// autumn clock change.
fn generated_plan(n: usize) -> slate::schedule::Plan {
    use slate::schedule::{Plan, ScreenedFilm, Screening};
    let start: jiff::Timestamp = "2027-09-01T10:00:00Z".parse().unwrap();
    let tz = jiff::tz::TimeZone::get("Europe/Lisbon").unwrap();
    let fmt = |t: jiff::Timestamp| {
        t.to_zoned(tz.clone())
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string()
    };
    let screenings = (0..n)
        .map(|i| {
            let s = start + jiff::SignedDuration::from_mins(97 * (i / 8) as i64);
            let e = s + jiff::SignedDuration::from_mins(95);
            Screening {
                id: format!("series-{}@slot-{i}", i % 40),
                slot: format!("slot-{i}"),
                venue: format!("v{}", i % 8),
                venue_name: format!("Cinema {} – Sala {}", i % 8, i % 3),
                venue_address: Some("Avenida da Liberdade 175, 1250-141 Lisboa".into()),
                venue_url: (i % 5 == 0).then(|| "https://cinema.example/".into()),
                // The festival day: a screening before 05:00 belongs to the
                // evening before.
                day: slate::programme::Slot::festival_day(
                    s.to_zoned(tz.clone()).datetime(),
                    slate::programme::values::DAY_STARTS,
                )
                .to_string(),
                start: fmt(s),
                end: fmt(e),
                slot_end: fmt(e),
                series: format!("series-{}", i % 40),
                series_title: format!("Series {} — Strikes, Solidarity; and the Factory", i % 40),
                films: vec![ScreenedFilm {
                    id: format!("film-{i}"),
                    title: format!("A Fábrica de Nada, part {i}: \\ “quoted”; and, so on"),
                    runtime: 85,
                    year: Some(2017),
                    directors: vec!["Pedro Pinho".into()],
                    ..Default::default()
                }],
                minutes: 95,
                ..Screening::default()
            }
        })
        .collect();
    Plan {
        programme: "Generated festival".into(),
        timezone: "Europe/Lisbon".into(),
        intro: 10,
        interval: 5,
        screenings,
        series: (0..40)
            .map(|k| slate::schedule::SeriesOutcome {
                id: format!("series-{k}"),
                title: format!("Series {k} — Strikes, Solidarity; and the Factory"),
                description: None,
                requested: 250,
                screenings: 250,
                coherence: 1.0,
                films: Vec::new(),
                why: String::new(),
                shortfall: None,
                one_off: false,
                repeats: 1,
            })
            .collect(),
        ..Plan::default()
    }
}

/// A data directory whose catalogue holds the generated plan's films, so
/// the plan passes the check every export makes.
fn generated_catalogue(dir: &Path, plan: &slate::schedule::Plan) -> std::path::PathBuf {
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::copy(root().join("data/themes.toml"), data.join("themes.toml")).unwrap();
    let mut films = String::new();
    for f in plan.screenings.iter().flat_map(|s| &s.films) {
        films.push_str(&format!(
            "[[film]]\nid = {:?}\ntitle = {}\nyear = 2017\nruntime = {}\ndirectors = [\"Pedro Pinho\"]\nthemes = [\"strikes\"]\nsources = [\"https://example.org/generated\"]\n\n",
            f.id,
            toml::Value::String(f.title.clone()),
            f.runtime
        ));
    }
    std::fs::write(data.join("films.toml"), films).unwrap();
    data
}

#[test]
fn a_ten_thousand_screening_calendar_passes_the_strict_checker() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    let generated = generated_plan(10_000);
    let data = generated_catalogue(dir.path(), &generated);
    std::fs::write(&plan, serde_json::to_string(&generated).unwrap()).unwrap();
    let out = dir.path().join("generated.ics");
    let data_arg = data.to_string_lossy().into_owned();
    let said = export_saying(&plan, &out, &["--data", &data_arg]);
    assert!(said.contains("10000 events: first publication"), "{said}");
    // Some screenings start or end in the hour that happens twice on 31 October.
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("\r\nDTSTART:20271031T0") || text.contains("\r\nDTEND:20271031T0"),
        "no time in the repeated hour"
    );
    checked(&[out], false);
}

/// The event of a screening, as Python's icalendar (or the ical crate)
/// reads it back: its DESCRIPTION.
fn description_of<'a>(events: &'a [Value], summary: &str) -> Vec<&'a str> {
    events
        .iter()
        .filter(|e| e["summary"] == summary)
        .map(|e| e["description"].as_str().unwrap())
        .collect()
}

/// Asserts the festival-constraints calendar tells every fact of the plan.
fn assert_festival_facts(events: &[Value]) {
    assert_eq!(events.len(), 5);
    let opening = description_of(events, "Daens");
    assert_eq!(opening.len(), 1);
    let opening = opening[0];
    for fact in [
        "Opening night — Labour on Screen: a festival with guests\n",
        "Introduced (20 min).\n",
        "Discussion with Ana Ribeiro (40 min).\n",
        "Opening night, with a reception in the foyer.\n",
        "Daens (1992), directed by Stijn Coninx; Belgium, Netherlands, France; 138 min; DCP.",
    ] {
        assert!(opening.contains(fact), "{fact:?} not in {opening}");
    }
    // One film: no start of its own.
    assert!(!opening.contains("21:20"), "{opening}");
    let bills = description_of(
        events,
        "Double bill: Harlan County, USA + Misère au Borinage",
    );
    assert_eq!(bills.len(), 2);
    for (d, other) in [
        (bills[0], "Also screened Sun 23 May, 18:00 at Cinema Ideal."),
        (
            bills[1],
            "Repeat of Sat 22 May, 18:00 at Cinemateca Portuguesa – Sala Dr. Félix Ribeiro.",
        ),
    ] {
        for fact in [
            "Introduced (10 min).\nDiscussion (30 min).\n",
            other,
            "\n\n18:10 Harlan County, USA (1976), directed by Barbara Kopple; United States; 103 min; 35mm.",
            "\n\n19:58 Misère au Borinage (1934)",
            "; 34 min; 16mm.",
        ] {
            assert!(d.contains(fact), "{fact:?} not in {d}");
        }
    }
    let shorts = description_of(events, "Double bill: Philips Radio + Riders Not Heroes");
    assert!(
        shorts[0].contains(
            "Introduced (10 min).\nWith João Lopes and Marta Sousa.\n\n15:10 Philips Radio"
        ),
        "{}",
        shorts[0]
    );
    assert!(
        shorts[0].contains("\n\n15:51 Riders Not Heroes"),
        "{}",
        shorts[0]
    );
    let plain = description_of(events, "Lathe Joshi")[0];
    assert!(
        plain.starts_with("Machines and the Future of Work — Labour on Screen: a festival with guests\nIntroduced (10 min).\n\nLathe Joshi (2016)"),
        "{plain}"
    );
}

#[test]
fn festival_facts_are_in_every_event_and_the_calendar_passes_the_strict_checker() {
    let plan = common::festival_plan();
    let catalogue = common::bundled_catalogue();
    let now: jiff::Timestamp = "2027-01-15T08:00:00Z".parse().unwrap();
    let published = slate::export::ical::publish(
        &plan,
        Some(&catalogue),
        &slate::export::ical::Options {
            now,
            previous: None,
            new_identity: false,
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("festival.ics");
    std::fs::write(&path, &published.calendar).unwrap();
    let events = python_events(&path);
    assert_festival_facts(&events);
    // DTEND is the real end: the discussion included, past midnight.
    let opening = events.iter().find(|e| e["summary"] == "Daens").unwrap();
    assert_eq!(opening["end"], utc("2027-05-22T00:18:00+01:00"));
    strict_check(&[path]);
}

/// Through `slate export ics`: the plan check accepts a discussion, a
/// screening's own introduction and repeated films.
#[test]
fn festival_plan_exports_to_a_calendar_telling_every_fact() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("festival.ics");
    export(common::FESTIVAL_PLAN, &out, &[]);
    assert_festival_facts(&python_events(&out));
    strict_check(&[out]);
}
