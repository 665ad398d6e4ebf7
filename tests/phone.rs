//! The page on a phone: it opens on an agenda (each day's screenings in
//! time order across venues, with time, venue, films, series and a calendar
//! link; the day of publication first when it falls within the festival),
//! the grid still below; nothing clips (a short screening's block keeps its
//! series letter beside the time, a day's name stays beside the sticky time
//! column); checked in headless Chromium at 390×844 by
//! tests/browser_check.py, which also holds every page of tests/html.rs to
//! the same.

mod common;

use std::path::{Path, PathBuf};

use common::{browser, check_in_browser, slate};

fn publish(programme: &str, dir: &Path, now: &str) -> (PathBuf, PathBuf, String) {
    let site = dir.join("site");
    slate()
        .args(["export", "html", programme, "-o"])
        .arg(&site)
        .args(["--now", now])
        .assert()
        .success();
    let plan = dir.join("plan.json");
    slate()
        .args(["plan", programme, "--format", "json", "-o"])
        .arg(&plan)
        .assert()
        .success();
    let page = std::fs::read_to_string(site.join("index.html")).unwrap();
    (site.join("index.html"), plan, page)
}

#[test]
fn the_agenda_opens_on_the_day_of_publication_or_the_first_day() {
    let dir = tempfile::tempdir().unwrap();
    // Published on the festival's third day, at noon.
    let (_, _, page) = publish(
        "programmes/festival.toml",
        dir.path(),
        "2027-05-23T12:00:00Z",
    );
    let at = |needle: &str| page.find(needle).unwrap_or_else(|| panic!("no {needle}"));
    let agenda = at("<section id=\"agenda\"");
    assert!(
        agenda < at("<section id=\"schedule\""),
        "the agenda comes first"
    );
    let sunday = at("id=\"agenda-2027-05-23\"");
    let earlier = at("<details class=\"earlier\"><summary>Earlier days</summary>");
    let friday = at("id=\"agenda-2027-05-21\"");
    assert!(agenda < sunday && sunday < at("id=\"agenda-2027-05-30\""));
    assert!(at("id=\"agenda-2027-05-30\"") < earlier && earlier < friday);
    assert!(page.contains("<a href=\"#agenda-2027-05-23\" aria-current=\"date\">Sun 23 May</a>"));
    // Each entry: time, venue, the films (linked to the screening), the
    // series, the screening's calendar.
    let entry = &page[sunday..];
    let entry = &entry[entry.find("<li class=\"agenda-entry").unwrap()..];
    let entry = &entry[..entry.find("</li>").unwrap()];
    for part in [
        "<p class=\"time\"><time datetime=\"2027-05-23T15:00:00+01:00\">15:00</time>–",
        "<span class=\"venue\">Cinema São Jorge – Sala 1</span>",
        "<p class=\"films\"><a href=\"#screening-",
        "<p class=\"series\"><span class=\"key\">",
        "download>+ calendar<span class=\"sr\">",
    ] {
        assert!(entry.contains(part), "{part} in {entry}");
    }
    // Published before the festival: it opens on the first day, in order.
    let (_, _, before) = publish(
        "programmes/festival.toml",
        dir.path(),
        "2027-04-01T12:00:00Z",
    );
    let first = before.find("<section class=\"agenda-day\"").unwrap();
    assert!(before[first..].starts_with("<section class=\"agenda-day\" id=\"agenda-2027-05-21\""));
    assert!(!before.contains("class=\"earlier\"") && !before.contains("aria-current=\"date\""));
}

#[test]
fn a_late_show_is_in_the_agenda_of_the_evening_it_follows() {
    let dir = tempfile::tempdir().unwrap();
    // 00:30 on Saturday belongs to Friday's festival day; published at
    // 02:00 on Saturday, it is still Friday's agenda that opens.
    let (_, _, page) = publish(
        "tests/fixtures/programmes/night-owls.toml",
        dir.path(),
        "2027-05-08T01:00:00Z",
    );
    let friday = page.find("id=\"agenda-2027-05-07\"").unwrap();
    let saturday = page.find("id=\"agenda-2027-05-08\"").unwrap();
    let late = page
        .find("datetime=\"2027-05-08T00:30:00+01:00\">00:30</time>")
        .unwrap();
    assert!(friday < late && late < saturday, "{page}");
    assert!(page.contains("<a href=\"#agenda-2027-05-07\" aria-current=\"date\">"));
}

#[test]
fn short_screenings_keep_their_series_and_nothing_clips_on_a_phone() {
    let dir = tempfile::tempdir().unwrap();
    let (page_path, plan, page) = publish(
        "tests/fixtures/programmes/lunchtime-shorts.toml",
        dir.path(),
        "2027-06-04T09:00:00Z",
    );
    // Every 30-minute block is short: its series letter stands in its
    // first line.
    assert_eq!(page.matches("<div class=\"screening s").count(), 13);
    assert_eq!(
        page.matches(" short\" id=\"screening-").count(),
        12,
        "the twelve lunchtime blocks are short, the evening one is not"
    );
    assert!(page.contains("<p class=\"time\"><span class=\"key\" aria-hidden=\"true\">"));
    if browser() {
        let festival = dir.path().join("festival");
        let (festival_page, festival_plan, _) = publish(
            "programmes/festival.toml",
            &festival,
            "2027-05-23T12:00:00Z",
        );
        for (page, plan, name) in [
            (page_path, plan, "lunchtime-shorts"),
            (festival_page, festival_plan, "festival-agenda"),
        ] {
            let figures = check_in_browser(&page, &plan, name, &[]);
            assert_eq!(figures["phone_clipped"], 0, "{figures}");
            assert_eq!(figures["phone_page_overflow_px"], 0, "{figures}");
            let expected =
                serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(&plan).unwrap())
                    .unwrap()["screenings"]
                    .as_array()
                    .unwrap()
                    .len();
            assert_eq!(figures["phone_agenda_entries"], expected, "{figures}");
        }
    }
}
