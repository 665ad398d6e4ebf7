//! The festival rules end to end (issue 13): a programme using fixed
//! screenings, criteria, restrictions, repeats, copies and guests plans
//! within every rule and says what it could not do; each key's bad value is
//! refused at its line and column (exit 1); `slate check PROGRAMME PLAN`
//! holds a hand-edited plan to the programme's rules.

mod common;

use common::{slate, stdout_of};
use serde_json::Value;

const PROGRAMME: &str = "tests/fixtures/programmes/festival-rules.toml";

fn planned() -> Value {
    let out = stdout_of(slate().args(["plan", PROGRAMME, "--format", "json"]));
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn a_festival_plans_within_its_rules() {
    let plan = planned();
    let screenings = plan["screenings"].as_array().unwrap();
    // The fixed opening night, as written, with its note and discussion.
    let opening = screenings.iter().find(|s| s["slot"] == "opening").unwrap();
    assert_eq!(opening["fixed"], true);
    assert_eq!(opening["series"], "opening-night");
    assert_eq!(opening["note"], "With reception");
    assert_eq!(opening["discussion"], 45);
    assert_eq!(opening["films"][0]["id"], "harlan-county-usa");
    assert_eq!(opening["tags"][0], "gala");
    let one_off = plan["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "opening-night")
        .unwrap();
    assert_eq!(one_off["one_off"], true);
    // Soviet films only, 1925–1960, only at the small venue, each twice on
    // different days.
    let soviet: Vec<&Value> = screenings
        .iter()
        .filter(|s| s["series"] == "soviet")
        .collect();
    assert_eq!(soviet.len(), 6);
    for s in &soviet {
        assert_eq!(s["venue"], "small");
        assert_eq!(s["discussion"], 10);
        if let Some(first) = s["repeat_of"].as_str() {
            let orig = screenings.iter().find(|o| o["id"] == first).unwrap();
            let ids = |v: &Value| -> Vec<String> {
                v["films"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f["id"].to_string())
                    .collect()
            };
            assert_eq!(ids(orig), ids(s));
            assert_ne!(orig["day"], s["day"]);
        }
    }
    assert_eq!(
        soviet.iter().filter(|s| s["repeat_of"].is_null()).count(),
        3
    );
    // Shorts at lunch only.
    for s in screenings.iter().filter(|s| s["series"] == "shorts") {
        assert!(s["slot"].as_str().unwrap().starts_with("lunch-"));
    }
    // Per-film starts in a double bill: intro, first film, interval.
    let double = screenings
        .iter()
        .find(|s| s["films"].as_array().unwrap().len() == 2)
        .unwrap();
    let t = |v: &Value| v.as_str().unwrap().parse::<jiff::Timestamp>().unwrap();
    let first = &double["films"][0];
    let gap = t(&double["films"][1]["start"]) - t(&first["start"]);
    assert_eq!(
        gap.get_seconds() / 60,
        first["runtime"].as_i64().unwrap() + 5
    );
    // Excluded and one-per-director: never Turksib; one Vertov film at most.
    let ids: Vec<&str> = screenings
        .iter()
        .flat_map(|s| s["films"].as_array().unwrap())
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&"turksib"));
    let vertov = [
        "man-with-a-movie-camera",
        "enthusiasm-symphony-of-the-donbass",
    ];
    let mut vertov_films: Vec<&&str> = ids.iter().filter(|i| vertov.contains(i)).collect();
    vertov_films.dedup();
    assert!(vertov_films.len() <= 1);
}

#[test]
fn check_holds_an_edited_plan_to_its_programme() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = planned();
    let good = dir.path().join("good.json");
    std::fs::write(&good, serde_json::to_string_pretty(&plan).unwrap()).unwrap();
    stdout_of(slate().args(["check", PROGRAMME]).arg(&good));
    // A guest added where they are not in town.
    let s = plan["screenings"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|s| s["series"] == "strikes")
        .unwrap();
    s["guests"] = serde_json::json!(["Ana Ribeiro"]);
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, serde_json::to_string_pretty(&plan).unwrap()).unwrap();
    let out = slate()
        .args(["check", PROGRAMME])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("guest `Ana Ribeiro` is not in town"), "{err}");
    assert!(err.contains("bad.json:"), "{err}");
}

/// The errors of planning an edited copy of the programme (exit 1 asserted).
fn plan_errors(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::write(&path, text).unwrap();
    let out = slate().arg("plan").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A programme with extra lines after `anchor`, refused at the line of the
/// extra text's last line, with `expected` in the message.
fn refused(extra: &str, anchor: &str, expected: &str) {
    let text = std::fs::read_to_string(PROGRAMME).unwrap();
    let at = text.find(anchor).unwrap_or_else(|| panic!("{anchor}")) + anchor.len();
    let text = format!("{}\n{extra}{}", &text[..at], &text[at..]);
    let last = extra.lines().last().unwrap();
    let line = text[..text.find(last).unwrap()].matches('\n').count() + 1;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::write(&path, &text).unwrap();
    let out = slate().arg("plan").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{extra}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(expected), "{extra}: {err}");
    assert!(
        err.contains(&format!("p.toml:{line}:")),
        "{extra} at {line}: {err}"
    );
}

#[test]
fn bad_values_of_every_new_key_are_located() {
    let series = "id = \"strikes\"";
    refused("years = \"1990..1980\"", series, "starts after it ends");
    refused(
        "countries = [\"Atlantis\"]",
        series,
        "unknown country `Atlantis`",
    );
    refused("kinds = [\"musical\"]", series, "unknown kind `musical`");
    refused("directors = [\"Dziga Vertof\"]", series, "Dziga Vertov");
    refused("venues = [\"nowhere\"]", series, "unknown venue `nowhere`");
    refused("tags = [\"brunch\"]", series, "may use no slot");
    refused("repeats = 11", series, "`repeats` must be between 1 and 10");
    refused(
        "films = [\"no-such-film\"]",
        series,
        "unknown film `no-such-film`",
    );
    let fixed = "slot = \"opening\"";
    // The fixed film is not Soviet: refused at the film, below the new line.
    let text = std::fs::read_to_string(PROGRAMME)
        .unwrap()
        .replace(fixed, "slot = \"opening\"\nseries = \"soviet\"");
    let err = plan_errors(&text);
    let films_line = text[..text.find("films = [\"harlan-county-usa\"]").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert!(
        err.contains("does not qualify for series `soviet`: it is from United States"),
        "{err}"
    );
    assert!(err.contains(&format!("p.toml:{films_line}:")), "{err}");
    assert!(
        err.contains("series `soviet` may not use slot `opening`"),
        "{err}"
    );
    refused("intro = 500", fixed, "`intro` must be between 0 and 240");
    let end = "until = 2027-05-03T23:59:00 }]";
    refused(
        "\n[[copy]]\nfilm = \"turksib\"\nformat = \"35mm\"\nfrom = 2027-05-05\nuntil = 2027-05-01",
        end,
        "it ends before it begins",
    );
    refused(
        "\n[[guest]]\nname = \"Bo\"\nfilms = [\"earth-1930\"]\navailable = [{ from = 2027-05-03T10:00:00, until = 2027-05-02T10:00:00 }]",
        end,
        "the window ends before it begins",
    );
}

#[test]
fn a_fixed_screening_that_does_not_fit_is_refused() {
    let text = std::fs::read_to_string(PROGRAMME)
        .unwrap()
        .replace("discussion = 45", "discussion = 120");
    let err = plan_errors(&text);
    assert!(err.contains("needs 233 min"), "{err}");
}

#[test]
fn a_series_without_any_criterion_is_refused() {
    let text = std::fs::read_to_string(PROGRAMME)
        .unwrap()
        .replace("themes = [\"strikes\"]\n", "");
    let err = plan_errors(&text);
    assert!(
        err.contains("says nothing about which films it wants"),
        "{err}"
    );
}
