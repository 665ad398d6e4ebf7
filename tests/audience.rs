//! Ticketing and access facts (`tickets`, `price`, `language`, `subtitles`,
//! `captions`, `audio_description`, `relaxed`, `age`): given at the
//! programme, a series, a slot or a fixed screening, the most specific wins
//! key by key, and every output carries them: the plan JSON, the printed
//! programme, the page (and its JSON-LD offers and languages), the
//! calendar, the frab feeds and the box office CSV.

mod common;

use std::path::{Path, PathBuf};

use common::{present, root, slate, stdout_of};
use slate::schedule::Plan;

const PROGRAMME: &str = "tests/fixtures/programmes/tickets-and-access.toml";

fn plan() -> Plan {
    common::json_of(slate().args(["plan", "--format", "json", PROGRAMME]))
}

fn by_slot<'p>(plan: &'p Plan, slot: &str) -> &'p slate::schedule::Screening {
    plan.screenings.iter().find(|s| s.slot == slot).unwrap()
}

#[test]
fn the_most_specific_level_wins_key_by_key() {
    let plan = plan();
    assert_eq!(
        plan.audience.tickets.as_deref(),
        Some("https://films.example.org/box-office")
    );
    // The fixed screening: its own price, tickets, language, no subtitles.
    let opening = by_slot(&plan, "opening");
    let a = &opening.audience;
    assert_eq!(
        a.tickets.as_deref(),
        Some("https://films.example.org/opening")
    );
    assert_eq!(a.price.as_deref(), Some("£12"));
    assert_eq!(a.languages(), ["en"]);
    assert_eq!(a.subtitles, Some(vec![]));
    assert_eq!((a.captions, a.age.as_deref()), (Some(true), Some("15")));
    assert_eq!(a.audio_description, None, "a one-off is not in the series");
    // A series screening in a relaxed, free slot.
    let saturday = &by_slot(&plan, "saturday").audience;
    assert_eq!(saturday.price.as_deref(), Some("Free"));
    assert_eq!(saturday.relaxed, Some(true));
    assert_eq!(saturday.languages(), ["en", "cy"]);
    assert_eq!(saturday.subtitle_languages(), ["en"]);
    assert_eq!(saturday.audio_description, Some(true));
    // The programme's price and tickets where nothing narrower speaks.
    let sunday = &by_slot(&plan, "sunday").audience;
    assert_eq!(sunday.price.as_deref(), Some("£8, £6 concessions"));
    assert_eq!(sunday.relaxed, None);
    assert_eq!(
        sunday.tickets.as_deref(),
        Some("https://films.example.org/box-office")
    );
}

#[test]
fn the_printed_programme_says_the_common_facts_once_and_each_difference_where_it_is() {
    let md = String::from_utf8(stdout_of(
        slate().args(["plan", "--format", "md", PROGRAMME]),
    ))
    .unwrap();
    assert!(md.contains(
        "Every screening, unless said otherwise: English subtitles · £8, £6 concessions · \
         [Buy tickets](<https://films.example.org/box-office>)"
    ));
    assert!(md.contains(
        "· In English without subtitles · open captions · age 15 · £12 · \
         [Tickets](<https://films.example.org/opening>)"
    ));
    assert!(md.contains("· In English and Welsh · audio description · relaxed screening · Free\n"));
    // Sunday's screening says only what differs from the programme.
    let sunday = md
        .lines()
        .find(|l| l.contains("*The Miners' Hymns*"))
        .unwrap();
    assert!(
        sunday.ends_with("· In English and Welsh · audio description"),
        "{sunday}"
    );
}

fn publish(dir: &Path) -> (String, String) {
    slate()
        .args(["export", "html", PROGRAMME, "-o"])
        .arg(dir.join("site"))
        .args(["--now", "2027-04-01T12:00:00Z"])
        .assert()
        .success();
    slate()
        .args(["export", "ics", PROGRAMME, "-o"])
        .arg(dir.join("all.ics"))
        .args(["--now", "2027-04-01T12:00:00Z"])
        .assert()
        .success();
    (
        std::fs::read_to_string(dir.join("site/index.html")).unwrap(),
        std::fs::read_to_string(dir.join("all.ics")).unwrap(),
    )
}

#[test]
fn the_page_and_the_calendar_carry_the_facts() {
    let dir = tempfile::tempdir().unwrap();
    let (page, ics) = publish(dir.path());
    assert!(page.contains(
        "<p class=\"box-office\">Every screening, unless said otherwise: English subtitles · \
         £8, £6 concessions · <a class=\"tickets\" href=\"https://films.example.org/box-office\">Buy tickets</a></p>"
    ));
    assert!(page.contains(
        "<span class=\"access\">In English without subtitles · open captions · age 15 · £12</span> · \
         <a class=\"tickets\" href=\"https://films.example.org/opening\">Tickets</a>"
    ));
    // A calendar event stands alone: it says everything, the programme's
    // facts included.
    let unfolded = ics.replace("\r\n ", "");
    let events: Vec<&str> = unfolded.split("BEGIN:VEVENT").skip(1).collect();
    let opening = events.iter().find(|e| e.contains("Opening Night")).unwrap();
    assert!(opening.contains(
        "In English without subtitles · open captions · age 15 · £12.\\nTickets: https://films.example.org/opening."
    ), "{opening}");
    let sunday = events.iter().find(|e| e.contains("Miners' Hymns")).unwrap();
    assert!(sunday.contains(
        "In English and Welsh with English subtitles · audio description · £8\\, £6 concessions.\\nTickets: https://films.example.org/box-office."
    ), "{sunday}");
    // What a strict calendar checker says of it, when it is here.
    let checker = root().join("../shared/tools/ics_check.py");
    if present(checker.exists(), "ics_check.py", "../shared/tools") {
        let o = std::process::Command::new("python3")
            .arg(&checker)
            .arg(dir.path().join("all.ics"))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    }
}

#[test]
fn search_engines_read_offers_and_languages() {
    let dir = tempfile::tempdir().unwrap();
    let (page, _) = publish(dir.path());
    let block = common::jsonld_block(&page);
    let doc: serde_json::Value = serde_json::from_str(block).unwrap();
    let events = doc["@graph"].as_array().unwrap();
    let named = |needle: &str| {
        events
            .iter()
            .find(|e| e["name"].as_str().unwrap().contains(needle))
            .unwrap()
    };
    let opening = named("Pride");
    assert_eq!(
        opening["offers"],
        serde_json::json!({"@type": "Offer", "url": "https://films.example.org/opening",
                           "price": "12", "priceCurrency": "GBP"})
    );
    assert_eq!(opening["inLanguage"], "en");
    assert_eq!(opening["typicalAgeRange"], "15-");
    assert!(opening.get("subtitleLanguage").is_none());
    let free = events
        .iter()
        .find(|e| e["isAccessibleForFree"] == true)
        .expect("the free screening");
    assert_eq!(free["offers"]["price"], "0");
    assert_eq!(free["inLanguage"], serde_json::json!(["en", "cy"]));
    assert_eq!(free["subtitleLanguage"], "en");
    let checker = root().join("tests/jsonld_check.py");
    let pyld = std::process::Command::new("python3")
        .args(["-c", "import pyld"])
        .output()
        .is_ok_and(|o| o.status.success());
    if present(pyld, "the JSON-LD check", "`python3 -m pip install pyld`") {
        let o = std::process::Command::new("python3")
            .arg(&checker)
            .arg(dir.path().join("site/index.html"))
            .arg("3")
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&o.stdout);
        assert!(report.contains("jsonld_check: PASS"), "{report}");
        assert!(report.contains("\"offers\": 3"), "{report}");
    }
}

#[test]
fn the_feeds_and_the_box_office_csv_carry_them() {
    let feed: serde_json::Value =
        common::json_of(slate().args(["export", "frab", "--format", "json", "-o", "-", PROGRAMME]));
    let rooms = &feed["schedule"]["conference"]["days"][0]["rooms"]["Miners' Hall"];
    let opening = &rooms[0];
    assert_eq!(opening["language"], "en");
    assert_eq!(
        opening["links"][0],
        serde_json::json!({"type": "web", "url": "https://films.example.org/opening", "title": "Tickets"})
    );
    let xml = String::from_utf8(stdout_of(
        slate().args(["export", "frab", "-o", "-", PROGRAMME]),
    ))
    .unwrap();
    assert!(xml.contains("<language>en</language>"), "{xml}");
    // Both feeds, with languages and ticket links, still fit the schemas.
    let dir = tempfile::tempdir().unwrap();
    let (xml_path, json_path, ics_path) = (
        dir.path().join("schedule.xml"),
        dir.path().join("schedule.json"),
        dir.path().join("programme.ics"),
    );
    for path in [&xml_path, &json_path] {
        slate()
            .args(["export", "frab", PROGRAMME, "-o"])
            .arg(path)
            .assert()
            .success();
    }
    slate()
        .args([
            "export",
            "ics",
            PROGRAMME,
            "--now",
            "2027-04-01T12:00:00Z",
            "-o",
        ])
        .arg(&ics_path)
        .assert()
        .success();
    common::check_feeds(&xml_path, &json_path, &ics_path);
    assert!(xml.contains("<link href=\"https://films.example.org/opening\">Tickets</link>"));

    let csv = String::from_utf8(stdout_of(
        slate().args(["export", "csv", "-o", "-", PROGRAMME]),
    ))
    .unwrap();
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let pride = rows.iter().find(|r| &r[col("film")] == "pride").unwrap();
    assert_eq!(&pride[col("price")], "£12");
    assert_eq!(&pride[col("language")], "en");
    assert_eq!(&pride[col("subtitles")], "");
    assert_eq!(&pride[col("captions")], "yes");
    assert_eq!(&pride[col("relaxed")], "");
    assert_eq!(&pride[col("age")], "15");
    let coal = rows
        .iter()
        .find(|r| &r[col("film")] == "coal-face")
        .unwrap();
    assert_eq!(&coal[col("language")], "en; cy");
    assert_eq!(&coal[col("relaxed")], "yes");
}

fn with(dir: &Path, extra: &str) -> PathBuf {
    let text = std::fs::read_to_string(root().join(PROGRAMME)).unwrap();
    let path = dir.join("programme.toml");
    std::fs::write(
        &path,
        text.replacen("seed = 7\n", &format!("seed = 7\n{extra}"), 1),
    )
    .unwrap();
    path
}

#[test]
fn bad_facts_are_refused_where_they_are_written_all_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = with(
        dir.path(),
        "language = \"English\"\ncaptions = \"yes\"\nage = \"\"\n",
    );
    // The file's own `tickets` line comes after; a second bad one replaces it.
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "https://films.example.org/box-office",
        "films.example.org/box office",
    );
    std::fs::write(&path, text).unwrap();
    let out = slate().arg("plan").arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for says in [
        "programme.toml:7:12",
        "`language` of the programme is not a language tag",
        "English",
        "language = \"en\"",
        "programme.toml:8:12",
        "`captions`",
        "true or false",
        "programme.toml:9:7",
        "`age` of the programme is empty",
        "`tickets` of the programme",
        "4 errors",
    ] {
        assert!(stderr.contains(says), "{says}: {stderr}");
    }
    assert!(!stderr.contains("panicked"));
}
