//! The page's schema.org `ScreeningEvent`s (JSON-LD), read back as JSON-LD
//! by `tests/jsonld_check.py` (pyld, schema.org's context served locally)
//! and held to Google's required and recommended event properties; after a
//! re-publication, moved screenings are `EventRescheduled` and dropped ones
//! `EventCancelled`.

mod common;

use std::path::Path;

use common::{present, root, slate};

fn pyld() -> bool {
    present(
        std::process::Command::new("python3")
            .args(["-c", "import pyld"])
            .output()
            .is_ok_and(|o| o.status.success()),
        "the JSON-LD check",
        "`python3 -m pip install pyld`",
    )
}

/// Runs the checker on a page; returns its counts line.
fn check(page: &Path, expected: usize) -> String {
    let o = std::process::Command::new("python3")
        .arg(root().join("tests/jsonld_check.py"))
        .arg(page)
        .arg(expected.to_string())
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        o.status.success() && report.contains("jsonld_check: PASS"),
        "{report}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    report
}

fn export(input: &Path, dir: &Path) {
    slate()
        .args(["export", "html"])
        .arg(input)
        .arg("-o")
        .arg(dir)
        .args(["--now", "2027-04-01T12:00:00Z"])
        .assert()
        .success();
}

#[test]
fn every_screening_of_the_festival_is_a_screening_event() {
    let dir = tempfile::tempdir().unwrap();
    export(&root().join("programmes/festival.toml"), dir.path());
    let page = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert_eq!(page.matches("application/ld+json").count(), 1);
    // No text can close the block early.
    let block = common::jsonld_block(&page);
    assert!(!block.contains('<'), "{block}");
    if pyld() {
        let report = check(&dir.path().join("index.html"), 74);
        assert!(report.contains("\"EventScheduled\": 74"), "{report}");
        // The programme's tickets and price reach every screening.
        assert!(report.contains("\"offers\": 74"), "{report}");
    }
}

#[test]
fn after_republishing_moved_screenings_are_rescheduled_and_dropped_ones_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    export(&root().join(common::FESTIVAL_PLAN), &site);
    // The same plan, one screening moved a day later, another dropped.
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(common::FESTIVAL_PLAN)).unwrap())
            .unwrap();
    let screenings = plan["screenings"].as_array_mut().unwrap();
    screenings.retain(|s| s["id"] != "machines@ideal-20270522-2100");
    let moved = screenings
        .iter_mut()
        .find(|s| s["id"] == "machines@cinemateca-20270523-1500")
        .unwrap();
    let text = serde_json::to_string(moved)
        .unwrap()
        .replace("20270523", "20270524")
        .replace("2027-05-23", "2027-05-24");
    *moved = serde_json::from_str(&text).unwrap();
    let changed = dir.path().join("plan.json");
    std::fs::write(&changed, serde_json::to_string_pretty(&plan).unwrap()).unwrap();
    let out = slate()
        .args(["export", "html"])
        .arg(&changed)
        .arg("-o")
        .arg(&site)
        .args(["--now", "2027-04-02T12:00:00Z"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("1 moved") && stderr.contains("1 cancelled"),
        "{stderr}"
    );
    let page = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(
        page.contains("\"previousStartDate\":\"2027-05-23T15:00:00+01:00\""),
        "{page}"
    );
    if pyld() {
        let report = check(&site.join("index.html"), 5);
        assert!(
            report.contains("\"EventCancelled\": 1")
                && report.contains("\"EventRescheduled\": 1")
                && report.contains("\"EventScheduled\": 3"),
            "{report}"
        );
    }
}
