//! Plans checked before they are published, and `slate check`: a plan JSON
//! edited by hand is held to the catalogue and the hard rules; every problem
//! is reported at its line and column, and nothing is written.

mod common;

use std::path::{Path, PathBuf};

use common::{root, slate, stdout_of};
use serde_json::Value;

const NOW: &str = "2027-01-01T12:00:00Z";

/// The festival's plan as JSON, and where it was written.
fn festival_plan(dir: &Path) -> (Value, PathBuf) {
    let path = dir.join("plan.json");
    stdout_of(
        slate()
            .args(["plan", "programmes/festival.toml", "--format", "json", "-o"])
            .arg(&path),
    );
    let plan: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    (plan, path)
}

fn write_plan(path: &Path, plan: &Value) {
    std::fs::write(path, serde_json::to_string_pretty(plan).unwrap()).unwrap();
}

/// The 1-based line of the first occurrence of `needle` in the file.
fn line_of(path: &Path, needle: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

/// Every exporter refuses the plan, names the place, and writes nothing.
fn assert_refused(plan: &Path, out_dir: &Path, expected: &[&str]) -> String {
    let mut stderr = String::new();
    for (kind, out) in [
        ("ics", out_dir.join("x.ics")),
        ("md", out_dir.join("x.md")),
        ("html", out_dir.join("site")),
    ] {
        let mut cmd = slate();
        cmd.args(["export", kind]);
        if kind != "md" {
            cmd.args(["--now", NOW]);
        }
        let o = cmd.arg(plan).arg("-o").arg(&out).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(1), "export {kind}: {err}");
        assert!(!out.exists(), "export {kind} wrote {}", out.display());
        for e in expected {
            assert!(err.contains(e), "export {kind} does not say `{e}`:\n{err}");
        }
        assert!(err.contains("nothing was written"), "{err}");
        stderr = err;
    }
    stderr
}

#[test]
fn a_long_film_in_a_short_slot_is_refused_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut plan, path) = festival_plan(tmp.path());
    // Hand-edit: the first screening (a 150-minute slot) now shows Comrades
    // (183 min in the catalogue) with the old film's runtime and times.
    let s = &mut plan["screenings"][0];
    s["films"][0]["id"] = "comrades".into();
    write_plan(&path, &plan);
    // The slot error stands at the first screening's films.
    let line = line_of(&path, "\"films\": [");
    let err = assert_refused(
        &path,
        tmp.path(),
        &[
            &format!("plan.json:{line}:"),
            "`comrades` runs 183 min in the catalogue",
            "the films end at",
            "-min slot",
        ],
    );
    assert!(err.contains("the screening occupies"), "{err}");
}

#[test]
fn a_film_screened_twice_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut plan, path) = festival_plan(tmp.path());
    let first = plan["screenings"][0]["films"][0].clone();
    let first_id = plan["screenings"][0]["id"].as_str().unwrap().to_string();
    // Put the same film (with its runtime) in the last screening.
    let n = plan["screenings"].as_array().unwrap().len();
    let last = &mut plan["screenings"][n - 1];
    last["films"][0] = first;
    write_plan(&path, &plan);
    assert_refused(
        &path,
        tmp.path(),
        &[&format!("is also screened in `{first_id}`")],
    );
}

#[test]
fn a_slot_nine_hundred_years_long_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut plan, path) = festival_plan(tmp.path());
    plan["screenings"][3]["slot_end"] = "2927-05-22T00:00:00+01:00".into();
    write_plan(&path, &plan);
    let line = line_of(&path, "2927-05-22");
    assert_refused(
        &path,
        tmp.path(),
        &[&format!("plan.json:{line}:"), "a slot lasts at most a day"],
    );
}

#[test]
fn overlapping_slots_and_series_screenings_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut plan, path) = festival_plan(tmp.path());
    let screenings = plan["screenings"].as_array_mut().unwrap();
    // Two screenings of one series at the same venue: move the second onto
    // the first's times (keeping their lengths consistent).
    let a = screenings[0].clone();
    let b_index = screenings
        .iter()
        .position(|s| s["series"] == a["series"] && s["id"] != a["id"])
        .unwrap();
    let b = &mut screenings[b_index];
    let shift = |v: &Value| v.as_str().unwrap().to_string();
    b["start"] = shift(&a["start"]).into();
    b["day"] = a["day"].clone();
    b["venue"] = a["venue"].clone();
    // Its end follows its own films from the new start: recompute from the
    // minutes (intro included) by parsing nothing — reuse a's slot end and
    // let the check recompute the rest.
    b["slot_end"] = a["slot_end"].clone();
    write_plan(&path, &plan);
    let out = slate().args(["check"]).arg(&path).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("overlaps slot"), "{err}");
    assert!(err.contains("of series"), "{err}");
}

#[test]
fn check_reports_programmes_plans_and_the_catalogue_in_one_run() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut plan, path) = festival_plan(tmp.path());
    let good = stdout_of(
        slate()
            .args([
                "check",
                "programmes/festival.toml",
                "programmes/weekend.toml",
            ])
            .arg(&path),
    );
    let good = String::from_utf8(good).unwrap();
    assert!(good.contains("ok: catalogue data"), "{good}");
    assert!(
        good.contains("ok: programme programmes/festival.toml"),
        "{good}"
    );
    assert!(good.contains("ok: plan"), "{good}");
    // A broken plan and a broken programme: both reported, located, exit 1.
    plan["screenings"][0]["films"][0]["runtime"] = 1.into();
    write_plan(&path, &plan);
    let bad_programme = root().join("tests/fixtures/programmes/unknown-film.toml");
    let out = slate()
        .args(["check", "--format", "json"])
        .arg(&path)
        .arg(&bad_programme)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], false);
    let checked = report["checked"].as_array().unwrap();
    assert_eq!(checked.len(), 3);
    assert_eq!(checked[1]["kind"], "plan");
    assert_eq!(checked[1]["ok"], false);
    assert_eq!(checked[2]["kind"], "programme");
    assert_eq!(checked[2]["ok"], false);
    let diags = report["diagnostics"].as_array().unwrap();
    assert!(diags
        .iter()
        .any(|d| d["file"].as_str().unwrap().ends_with("plan.json")
            && d["line"].as_u64().is_some()
            && d["column"].as_u64().is_some()));
    // Nothing was written by check.
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
}

#[test]
fn a_plan_that_is_not_json_is_located() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("plan.json");
    std::fs::write(&path, "{\n  \"programme\": \"x\",\n  oops\n}\n").unwrap();
    let out = slate().args(["check"]).arg(&path).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("plan.json:3:"), "{err}");
    assert!(err.contains("not a plan written by"), "{err}");
}

#[test]
fn a_publication_time_out_of_range_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out_file = tmp.path().join("x.ics");
    for epoch in ["-378691200000", "-1", "253402300800", "soon"] {
        let o = slate()
            .env("SOURCE_DATE_EPOCH", epoch)
            .args(["export", "ics", "programmes/weekend.toml", "-o"])
            .arg(&out_file)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "SOURCE_DATE_EPOCH={epoch}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("SOURCE_DATE_EPOCH"));
        assert!(!out_file.exists());
    }
    let o = slate()
        .args([
            "export",
            "ics",
            "programmes/weekend.toml",
            "--now",
            "10000-01-01T00:00:00Z",
            "-o",
        ])
        .arg(&out_file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn keep_with_another_programmes_plan_says_so_once() {
    let tmp = tempfile::tempdir().unwrap();
    let weekend = tmp.path().join("weekend.json");
    stdout_of(
        slate()
            .args(["plan", "programmes/weekend.toml", "--format", "json", "-o"])
            .arg(&weekend),
    );
    let plan: Value = serde_json::from_slice(&stdout_of(
        slate()
            .args([
                "plan",
                "programmes/festival.toml",
                "--format",
                "json",
                "--keep",
            ])
            .arg(&weekend),
    ))
    .unwrap();
    let kept: Vec<&Value> = plan["unscheduled"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["kind"] == "kept")
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let reason = kept[0]["reason"].as_str().unwrap();
    assert!(reason.contains("another programme"), "{reason}");
    assert!(reason.contains("none of its 10 screenings"), "{reason}");
}
