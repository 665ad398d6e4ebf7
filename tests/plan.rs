//! `slate plan`: the example programmes plan within every hard rule; bad
//! programme files get located errors; output is deterministic; screenings
//! crossing midnight stay on their day; `--keep` keeps what it can.

mod common;
use common::{root, slate};

use std::path::Path;
use std::time::Duration;

use predicates::prelude::*;
use serde_json::Value;

use slate::catalogue::load::load;
use slate::catalogue::LoadOptions;
use slate::graph::ThemeGraph;
use slate::schedule::rules::violations;
use slate::schedule::{plan, Plan, PlanOptions};
use slate::Catalogue;

fn bundled() -> Catalogue {
    load(&root().join("data"), &LoadOptions::default(), &|_| {})
        .unwrap_or_else(|e| panic!("{:?}", e.diagnostics))
        .catalogue
}

fn plan_file(cat: &Catalogue, graph: &ThemeGraph, path: &Path, keep: Option<&Plan>) -> Plan {
    let (programme, _) = slate::programme::load(path, cat).unwrap_or_else(|d| panic!("{d:?}"));
    let p = plan(
        &programme,
        cat,
        graph,
        &PlanOptions {
            seed: programme.seed,
            time_limit: None,
            iterations: None,
            keep,
            progress: &|_, _| {},
        },
    )
    .unwrap_or_else(|e| panic!("{:?}", e.diagnostics));
    let broken = violations(&programme, cat, &p);
    assert!(broken.is_empty(), "{}: {broken:#?}", path.display());
    p
}

#[test]
fn example_programmes_plan_within_the_rules() {
    let cat = bundled();
    let graph = ThemeGraph::build(&cat);
    let weekend = plan_file(&cat, &graph, &root().join("programmes/weekend.toml"), None);
    assert_eq!(weekend.metrics.slots, 10);
    assert_eq!(
        weekend.metrics.screenings,
        weekend.metrics.screenings_requested
    );
    assert!(weekend.metrics.fill > 0.8, "{}", weekend.metrics.fill);
    let festival = plan_file(&cat, &graph, &root().join("programmes/festival.toml"), None);
    assert!(festival.metrics.slots >= 90);
    assert!(festival.series.len() >= 8);
    assert_eq!(
        festival.metrics.screenings,
        festival.metrics.screenings_requested
    );
    // Every series' films carry its themes, so the series explain themselves.
    for s in &festival.series {
        assert!(s.why.contains("carry"), "{}: {}", s.id, s.why);
        assert!(s.coherence > 0.2, "{}: {}", s.id, s.coherence);
    }
}

#[test]
fn screenings_after_midnight_belong_to_the_day_they_start() {
    let out = slate()
        .args(["plan", "programmes/weekend.toml", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let late = v["screenings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["slot"] == "sao-jorge-20270501-2345")
        .expect("the late show is planned");
    assert_eq!(late["day"], "2027-05-01");
    assert!(late["start"]
        .as_str()
        .unwrap()
        .starts_with("2027-05-01T23:45:00+01:00"));
    assert!(late["end"].as_str().unwrap().starts_with("2027-05-02T"));
    // In the printed programme it is under Saturday.
    let md = slate()
        .args(["plan", "programmes/weekend.toml", "--format", "md"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    let saturday = md.split("## Saturday 1 May 2027").nth(1).unwrap();
    let saturday = saturday.split("## Sunday").next().unwrap();
    assert!(saturday.contains("**23:45–"), "{saturday}");
    assert!(saturday.contains("(next day)"));
}

#[test]
fn json_is_stable_and_documented() {
    let run = || {
        slate()
            .args(["plan", "programmes/weekend.toml", "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    let a = run();
    assert_eq!(a, run(), "same inputs and seed must give the same bytes");
    let v: Value = serde_json::from_slice(&a).unwrap();
    for key in [
        "programme",
        "timezone",
        "screenings",
        "series",
        "unscheduled",
        "metrics",
    ] {
        assert!(v.get(key).is_some(), "no {key}");
    }
    let s = &v["screenings"][0];
    for key in ["id", "slot", "venue", "start", "end", "series", "films"] {
        assert!(s.get(key).is_some(), "no screenings[].{key}");
    }
    for key in ["id", "title", "runtime"] {
        assert!(s["films"][0].get(key).is_some(), "no films[].{key}");
    }
    assert_eq!(
        s["id"].as_str().unwrap(),
        format!(
            "{}@{}",
            s["series"].as_str().unwrap(),
            s["slot"].as_str().unwrap()
        )
    );
    for key in ["id", "title", "screenings", "coherence"] {
        assert!(v["series"][0].get(key).is_some(), "no series[].{key}");
    }
    for key in ["fill", "coherence"] {
        assert!(v["metrics"].get(key).is_some(), "no metrics.{key}");
    }
    // A different seed may find another plan, but never an invalid one.
    slate()
        .args([
            "plan",
            "programmes/weekend.toml",
            "--seed",
            "99",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "screening,day,start,end,venue,series,position,film,title,runtime,\
             film_start,format,intro,discussion,guests,repeat_of,note,tags,venue_name,series_title,film_end,directors,year,countries,\
             tickets,price,language,subtitles,captions,audio_description,relaxed,age\n",
        ));
}

#[test]
fn keep_holds_published_screenings() {
    let cat = bundled();
    let graph = ThemeGraph::build(&cat);
    let path = root().join("programmes/festival.toml");
    let first = plan_file(&cat, &graph, &path, None);
    // Edit the programme: drop the first day's 21:00 slot in one venue and ask
    // the machines series for one screening more.
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replace(
        "[[series]]\nid = \"machines\"\ntitle = \"Machines, Automation and the Future of Work\"\nthemes = [\"automation\"]\nscreenings = 6",
        "[[series]]\nid = \"machines\"\ntitle = \"Machines, Automation and the Future of Work\"\nthemes = [\"automation\"]\nscreenings = 7",
    );
    assert_ne!(text, edited);
    let dir = tempfile::tempdir().unwrap();
    let edited_path = dir.path().join("festival.toml");
    std::fs::write(&edited_path, edited).unwrap();
    let second = plan_file(&cat, &graph, &edited_path, Some(&first));
    // Every screening of the first plan is still there, unchanged.
    for sc in &first.screenings {
        let again = second
            .screenings
            .iter()
            .find(|s| s.id == sc.id)
            .expect("kept");
        assert_eq!(again.films, sc.films, "{}", sc.id);
        assert!(again.kept);
    }
    let machines = second.series.iter().find(|s| s.id == "machines").unwrap();
    assert!(machines.screenings >= 6);
}

#[test]
fn keep_drops_what_became_impossible_and_says_why() {
    let out = slate()
        .args(["plan", "programmes/weekend.toml", "--format", "json"])
        .output()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let prev = dir.path().join("plan.json");
    std::fs::write(&prev, &out.stdout).unwrap();
    // The late show is cancelled.
    let text = std::fs::read_to_string(root().join("programmes/weekend.toml")).unwrap();
    let edited = text.replace(
        "start = 2027-05-01T23:45:00\nlength = 120",
        "start = 2027-05-01T23:45:00\nlength = 20",
    );
    let path = dir.path().join("weekend.toml");
    std::fs::write(&path, edited).unwrap();
    let out = slate()
        .args([
            "plan",
            path.to_str().unwrap(),
            "--keep",
            prev.to_str().unwrap(),
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
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let dropped: Vec<&Value> = v["unscheduled"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["kind"] == "kept")
        .collect();
    assert_eq!(dropped.len(), 1, "{dropped:?}");
    assert!(dropped[0]["reason"]
        .as_str()
        .unwrap()
        .contains("now has 20"));
    slate()
        .args(["plan", "programmes/weekend.toml", "--keep", "Cargo.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "not a plan written by `slate plan --format json`",
        ));
}

/// Bad programmes: the message, where it points, and a piece of the help.
const BAD: &[(&str, &str, &str, &str)] = &[
    (
        "unknown-venue",
        "unknown venue `sala2`",
        "unknown-venue.toml:12:9",
        "did you mean `sala1`?",
    ),
    (
        "unknown-theme",
        "unknown theme `strikez` in series `strikes`",
        "unknown-theme.toml:19:11",
        "did you mean `strikes`?",
    ),
    (
        "unknown-film",
        "unknown film `harlan-county` in `pin` of series `strikes`",
        "unknown-film.toml:21:8",
        "did you mean `harlan-county-usa`?",
    ),
    (
        "dst-gap",
        "2027-03-28 01:30 does not exist in Europe/Lisbon",
        "dst-gap.toml:13:9",
        "skipped when the clocks go forward",
    ),
    (
        "overlap",
        "slots `sala1-20270501-1400` and `sala1-20270501-1600` overlap",
        "overlap.toml:16",
        "runs until 2027-05-01 16:30",
    ),
    (
        "changeover",
        "only 10 minutes between slots",
        "changeover.toml:16",
        "ends at 2027-05-01 16:00",
    ),
    (
        "pin-too-long",
        "pinned film `the-nothing-factory` runs 177 min",
        "pin-too-long.toml:21:8",
        "add a longer slot",
    ),
    (
        "pin-not-qualifying",
        "pinned film `lathe-joshi` does not qualify for series `strikes`",
        "pin-not-qualifying.toml:21:8",
        "it carries automation",
    ),
    (
        "bad-timezone",
        "unknown time zone `Europe/Lisbo`",
        "bad-timezone.toml:2:12",
        "did you mean `Europe/Lisbon`?",
    ),
    (
        "unknown-key",
        "unknown key `screening` in series `strikes`",
        "unknown-key.toml:20:1",
        "did you mean `screenings`?",
    ),
    (
        "pin-all-lacking",
        "pinned film `harlan-county-usa` does not qualify for series `strikes`: it lacks `automation`, `textiles`",
        "pin-all-lacking.toml:22:8",
        "with match = \"all\" a film must carry every theme: remove the pin, or drop those themes",
    ),
    (
        "pin-excluded",
        "film `harlan-county-usa` is both pinned and excluded in series `strikes`",
        "pin-excluded.toml:21:8",
        "remove it from `pin` or from `exclude`",
    ),
    (
        "empty-themes",
        "series `strikes` has no themes: `themes` is empty",
        "empty-themes.toml:19:10",
        "list at least one theme id",
    ),
    (
        "empty-title",
        "series `strikes` has an empty `title`",
        "empty-title.toml:18:9",
        "give it a title",
    ),
    (
        "control-character",
        "`title` in series `strikes` holds the bidirectional-text control U+202E",
        "control-character.toml:18:17",
        "remove it",
    ),
    (
        "bad-programme-id",
        "the programme's `id` is empty",
        "bad-programme-id.toml:1:6",
        "characters of text",
    ),
    (
        "abbreviated-timezone",
        "unknown time zone `BST`",
        "abbreviated-timezone.toml:2:12",
        "did you mean `Europe/London`?",
    ),
    (
        "duplicate-slot-id",
        "slot `eve-sala1-20270501` is defined twice",
        "duplicate-slot-id.toml:18:6",
        "lines 11 and 17 make the same slot",
    ),
    (
        "pins-cannot-share",
        "pinned film `harlan-county-usa` cannot be screened in series `strikes`",
        "pins-cannot-share.toml:26",
        "asks for 1 screening and pins 2 films",
    ),
];

#[test]
fn bad_programmes_get_located_errors_and_exit_1() {
    for (case, message, location, help) in BAD {
        let path = format!("tests/fixtures/programmes/{case}.toml");
        let out = slate().args(["plan", &path]).output().unwrap();
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
        assert!(stderr.contains(help), "{case}: no `{help}` in\n{stderr}");
        assert!(out.stdout.is_empty(), "{case}: a partial plan was printed");
    }
}

#[test]
fn an_ambiguous_time_is_taken_as_its_first_occurrence() {
    let out = slate()
        .args([
            "plan",
            "tests/fixtures/programmes/ambiguous-time.toml",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("happens twice in America/New_York"),
        "{stderr}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["screenings"][0]["start"]
        .as_str()
        .unwrap()
        .ends_with("01:30:00-04:00"));
}

#[test]
fn plan_writes_files_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.md");
    slate()
        .args(["plan", "programmes/weekend.toml", "--format", "md", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote"));
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.starts_with("# Working Lives"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// The number of errors `slate plan` reports for a bad programme file, and
/// its standard error.
fn plan_errors(case: &str) -> (usize, String) {
    let out = slate()
        .args(["plan", &format!("tests/fixtures/programmes/{case}.toml")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let n = stderr
        .split("cannot be planned: ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no summary in\n{stderr}"));
    (n, stderr)
}

#[test]
fn a_pinned_and_excluded_film_is_one_error() {
    // harlan-county-usa carries `strikes`: being excluded must not make it
    // "not qualify" on top of the one real conflict.
    let (n, stderr) = plan_errors("pin-excluded");
    assert_eq!(n, 1, "{stderr}");
    assert!(!stderr.contains("does not qualify"), "{stderr}");
}

#[test]
fn a_slot_overlapping_several_is_reported_with_each() {
    let (n, stderr) = plan_errors("overlap-many");
    assert_eq!(n, 3, "{stderr}");
    for later in ["1500", "1700", "1900"] {
        assert!(
            stderr.contains(&format!(
                "slots `sala1-20270501-1400` and `sala1-20270501-{later}` overlap in venue `sala1`"
            )),
            "{later}: {stderr}"
        );
    }
    assert!(!stderr.contains("20270502"), "{stderr}");
}

#[test]
fn an_abbreviation_is_never_answered_by_edit_distance() {
    let (_, stderr) = plan_errors("abbreviated-timezone");
    assert!(!stderr.contains("EST"), "{stderr}");
}

#[test]
fn a_fixed_offset_zone_is_a_located_warning_naming_regional_zones() {
    let out = slate()
        .args([
            "plan",
            "tests/fixtures/programmes/uk-gmt.toml",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("warning: time zone `GMT`"), "{stderr}");
    assert!(stderr.contains("uk-gmt.toml:2:12"), "{stderr}");
    assert!(
        stderr.contains("`Europe/London`, `Europe/Dublin` or `Europe/Lisbon`"),
        "{stderr}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["timezone"], "GMT");
}

#[test]
fn programme_id_and_template_ids_are_carried_into_the_plan() {
    let plan = |path: &str| -> Value {
        let out = slate()
            .args(["plan", path, "--format", "json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let v = plan("tests/fixtures/programmes/template-ids.toml");
    assert_eq!(v["programme_id"], "spring-2027");
    let mut slots: Vec<&str> = v["screenings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["slot"].as_str().unwrap())
        .chain(
            v["open_slots"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["id"].as_str().unwrap()),
        )
        .collect();
    slots.sort_unstable();
    // Several times a day: numbered in time order (18:00 is 1); one time: no number.
    assert_eq!(
        slots,
        [
            "eve-sala1-20270501-1",
            "eve-sala1-20270501-2",
            "eve-sala1-20270502-1",
            "eve-sala1-20270502-2",
            "late-sala1-20270501",
        ]
    );
    // Without `id` the plan has no programme_id at all.
    let weekend = plan("programmes/weekend.toml");
    assert!(weekend.get("programme_id").is_none());
    // Moving a template's times keeps its slots' ids.
    let text = std::fs::read_to_string(root().join("tests/fixtures/programmes/template-ids.toml"))
        .unwrap();
    let moved = text.replace(
        "times = [\"21:00\", \"18:00\"]",
        "times = [\"20:45\", \"17:45\"]",
    );
    assert_ne!(text, moved);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("moved.toml");
    std::fs::write(&path, moved).unwrap();
    let v = plan(path.to_str().unwrap());
    let start = v["screenings"]
        .as_array()
        .unwrap()
        .iter()
        .chain(v["open_slots"].as_array().unwrap())
        .find(|s| s["slot"] == "eve-sala1-20270501-1" || s["id"] == "eve-sala1-20270501-1")
        .map(|s| s["start"].as_str().unwrap().to_string())
        .expect("slot eve-sala1-20270501-1");
    assert!(start.starts_with("2027-05-01T17:45"), "{start}");
}

#[test]
fn every_out_of_range_value_is_one_located_error() {
    // Before: a slot ending after 9999-12-30 panicked, and a max_runtime
    // over u32::MAX was truncated (4294967386 became 90) and accepted.
    let (n, stderr) = plan_errors("out-of-range");
    assert_eq!(n, 8, "{stderr}");
    for (message, at) in [
        (
            "`intro` must be between 0 and 240 minutes, found 300",
            ":3:9",
        ),
        (
            "`interval` must be between 0 and 240 minutes, found -1",
            ":4:12",
        ),
        (
            "`changeover` must be between 0 and 720 minutes, found 100000",
            ":5:14",
        ),
        (
            "`seed` must be between 0 and 9223372036854775807, found -4",
            ":6:8",
        ),
        (
            "date 9999-12-30 is outside the dates a programme may use, 1900-01-01 to 9998-12-31",
            ":14:9",
        ),
        (
            "`length` must be between 1 and 1440 minutes, found 5000",
            ":20:10",
        ),
        (
            "`screenings` must be between 1 and 10000, found 20000",
            ":26:14",
        ),
        (
            "`max_runtime` must be between 1 and 1500 minutes, found 4294967386",
            ":27:15",
        ),
    ] {
        assert!(stderr.contains(message), "no `{message}` in\n{stderr}");
        assert!(
            stderr.contains(&format!("out-of-range.toml{at}")),
            "no `{at}` in\n{stderr}"
        );
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn times_are_whole_minutes_and_a_leap_second_is_refused() {
    // Before: the slot at 12:00:60 silently disappeared, and the template
    // times "12" and "12:00:60" were accepted.
    let (n, stderr) = plan_errors("bad-times");
    assert_eq!(n, 3, "{stderr}");
    for (value, at) in [
        ("slot start 2027-05-01T12:00:60", ":11:9"),
        ("template time \"12\"", ":17:10"),
        ("template time \"12:00:60\"", ":17:16"),
    ] {
        assert!(
            stderr.contains(&format!(
                "{value} is not a time of day: times are HH:MM, 00:00–23:59"
            )),
            "no `{value}` in\n{stderr}"
        );
        assert!(
            stderr.contains(&format!("bad-times.toml{at}")),
            "no `{at}` in\n{stderr}"
        );
    }
}

#[test]
fn a_slot_ending_past_the_calendar_is_an_error_not_a_panic() {
    // Before: 9999-12-30T21:00 + 150 min is past jiff's last instant, and
    // computing the slot's end panicked.
    let (n, stderr) = plan_errors("late-slot");
    assert_eq!(n, 1, "{stderr}");
    assert!(
        stderr.contains("date 9999-12-30 is outside the dates a programme may use"),
        "{stderr}"
    );
    assert!(stderr.contains("late-slot.toml:8:7"), "{stderr}");
}

#[test]
fn without_a_time_limit_the_search_runs_its_budget_and_is_reproducible() {
    // Before: a 10 s default time limit cut a large programme short after
    // a load-dependent number of iterations.
    let run = || {
        let out = slate()
            .args(["plan", "programmes/festival.toml", "--format", "json"])
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout
    };
    let first = run();
    assert_eq!(first, run(), "two runs differ");
    let v: Value = serde_json::from_slice(&first).unwrap();
    let slots = v["metrics"]["slots"].as_u64().unwrap() as usize;
    assert_eq!(
        v["metrics"]["iterations"].as_u64().unwrap() as usize,
        slate::schedule::search::default_iterations(slots)
    );
    assert_eq!(v["notes"], serde_json::json!([]));
}

#[test]
fn a_time_limit_makes_the_plan_say_it_is_not_reproducible() {
    let cat = bundled();
    let graph = ThemeGraph::build(&cat);
    let path = root().join("programmes/weekend.toml");
    let (programme, _) = slate::programme::load(&path, &cat).unwrap();
    let with = |limit: Duration| {
        plan(
            &programme,
            &cat,
            &graph,
            &PlanOptions {
                seed: programme.seed,
                time_limit: Some(limit),
                iterations: None,
                keep: None,
                progress: &|_, _| {},
            },
        )
        .unwrap()
    };
    let cut = with(Duration::ZERO);
    assert_eq!(cut.metrics.iterations, 0);
    assert_eq!(cut.notes.len(), 1, "{:?}", cut.notes);
    assert!(
        cut.notes[0].contains("stopped at the time limit after 0 of")
            && cut.notes[0].contains("not reproducible"),
        "{:?}",
        cut.notes
    );
    let whole = with(Duration::from_secs(3600));
    assert_eq!(whole.notes.len(), 1, "{:?}", whole.notes);
    assert!(whole.notes[0].contains("not reproducible in general"));
    // From the command line too, on standard error and in the plan.
    let out = slate()
        .args([
            "plan",
            "programmes/weekend.toml",
            "--time-limit",
            "0.000000001",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not reproducible"));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["notes"][0].as_str().unwrap().contains("not reproducible"));
}

#[test]
fn numeric_options_out_of_range_are_usage_errors_naming_the_value() {
    // Before: --time-limit 1e300 overflowed Duration::from_secs_f64 and
    // panicked, in `plan` and in `export`.
    for (command, value) in [
        (&["plan"][..], "1e300"),
        (&["plan"], "0"),
        (&["plan"], "NaN"),
        (&["plan"], "86401"),
        (&["export", "md"], "1e300"),
        (&["export", "ics"], "-1"),
    ] {
        let out = slate()
            .args(command)
            .args(["programmes/weekend.toml", "-o", "-"])
            .arg(format!("--time-limit={value}"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command:?} {value}: {stderr}");
        assert!(
            stderr.contains("--time-limit")
                && stderr.contains(value)
                && stderr.contains("at most 86400 seconds"),
            "{command:?} {value}: {stderr}"
        );
        assert!(
            !stderr.contains("panicked"),
            "{command:?} {value}: {stderr}"
        );
    }
    for (option, value) in [
        ("--iterations", "0"),
        ("--seed", "-1"),
        ("--seed", "18446744073709551616"),
    ] {
        let out = slate()
            .args(["plan", "programmes/weekend.toml"])
            .arg(format!("{option}={value}"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{option} {value}: {stderr}");
        assert!(
            stderr.contains(option) && stderr.contains(value),
            "{stderr}"
        );
    }
}

#[test]
fn forty_thousand_slots_plan_within_a_gibibyte_of_address_space() {
    // Before: a dense slots × slots overlap matrix, 1.6 GB for 40,000 slots,
    // so this run died of allocation failure. Memory is now linear in slots
    // plus overlapping pairs. (A limit on memory, not on time: the same on
    // every machine.)
    use std::os::unix::process::CommandExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.toml");
    let first = jiff::civil::date(2027, 1, 1);
    let dates: Vec<String> = (0..2500)
        .map(|d| {
            first
                .checked_add(jiff::Span::new().days(d))
                .unwrap()
                .to_string()
        })
        .collect();
    let mut text = String::from("name = \"Large\"\ntimezone = \"Europe/Lisbon\"\nintro = 10\n");
    for v in 0..4 {
        text.push_str(&format!("\n[[venue]]\nid = \"v{v}\"\nname = \"V{v}\"\n"));
    }
    text.push_str(&format!(
        "\n[[slots]]\nvenues = [\"v0\", \"v1\", \"v2\", \"v3\"]\ndates = [{}]\ntimes = [\"11:00\", \"14:00\", \"17:30\", \"21:00\"]\nlength = 150\n",
        dates.join(", ")
    ));
    text.push_str("\n[[series]]\nid = \"strikes\"\ntitle = \"Strikes\"\nthemes = [\"strikes\"]\nscreenings = 10000\n");
    std::fs::write(&path, text).unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_slate"));
    cmd.current_dir(root())
        .env_remove("SLATE_DATA")
        .args(["plan", "--iterations", "1", "--format", "json"])
        .arg(&path);
    // SAFETY: setrlimit is async-signal-safe; the child only sets its own limit.
    unsafe {
        cmd.pre_exec(|| {
            let gib = libc::rlimit {
                rlim_cur: 1 << 30,
                rlim_max: 1 << 30,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &gib) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["metrics"]["slots"], 40_000);
    assert!(v["metrics"]["screenings"].as_u64().unwrap() > 10);
    assert_eq!(
        v["open_slots"].as_array().unwrap().len() as u64,
        40_000 - v["metrics"]["screenings"].as_u64().unwrap()
    );
}

#[test]
fn too_many_overlapping_slots_are_refused_with_a_clear_error() {
    // 6,500 venues with a slot at the same time: 21,121,750 overlapping
    // pairs, over the 20,000,000 the planner holds. Counted, not built.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crowded.toml");
    let mut text = String::from("name = \"Crowded\"\ntimezone = \"Europe/Lisbon\"\n");
    let ids: Vec<String> = (0..6500).map(|v| format!("\"v{v}\"")).collect();
    for v in 0..6500 {
        text.push_str(&format!("\n[[venue]]\nid = \"v{v}\"\nname = \"V{v}\"\n"));
    }
    text.push_str(&format!(
        "\n[[slots]]\nvenues = [{}]\ndates = [2027-05-01]\ntimes = [\"21:00\"]\nlength = 120\n",
        ids.join(", ")
    ));
    text.push_str("\n[[series]]\nid = \"strikes\"\ntitle = \"Strikes\"\nthemes = [\"strikes\"]\nscreenings = 1\n");
    std::fs::write(&path, text).unwrap();
    let out = slate().arg("plan").arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "21121750 pairs of slots overlap in time; the planner handles at most 20000000"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("crowded.toml"), "{stderr}");
}
