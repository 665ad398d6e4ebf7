//! Recommendations on the bundled catalogue: films about the same struggle
//! find each other, explanations name real shared themes, discovery is
//! diverse, series are well formed — and bad input gets clear answers.

mod common;
use common::{json_of, slate, stdout_of};

use std::path::Path;

use predicates::prelude::*;

use slate::catalogue::load::load;
use slate::catalogue::query::Filter;
use slate::catalogue::LoadOptions;
use slate::graph::{Scratch, ThemeGraph};
use slate::recommend::discover::discover;
use slate::recommend::related::{related, Query};
use slate::recommend::series::{suggest, SeriesQuery};
use slate::Catalogue;

fn bundled() -> (Catalogue, ThemeGraph) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let cat = load(&dir, &LoadOptions::default(), &|_| {})
        .unwrap_or_else(|e| panic!("{:?}", e.diagnostics))
        .catalogue;
    let graph = ThemeGraph::build(&cat);
    (cat, graph)
}

fn top(cat: &Catalogue, graph: &ThemeGraph, id: &str, n: usize) -> Vec<String> {
    let film = cat.position(id).unwrap_or_else(|| panic!("no film {id}"));
    let mut scratch = Scratch::new(graph);
    let q = Query {
        n,
        ..Query::default()
    };
    related(cat, graph, &mut scratch, film, &q)
        .items
        .into_iter()
        .map(|r| r.id)
        .collect()
}

/// Films about the same struggle, from film history: each must be in the
/// other's top 10.
const SAME_STRUGGLE: &[(&str, &str, &str)] = &[
    (
        "workers-80",
        "man-of-iron",
        "the August 1980 Gdańsk shipyard strike",
    ),
    (
        "workers-80",
        "strike-2006",
        "Solidarity at the Lenin Shipyard",
    ),
    (
        "man-of-iron",
        "strike-2006",
        "Solidarity at the Lenin Shipyard",
    ),
    (
        "pride",
        "still-the-enemy-within",
        "the 1984–85 British miners' strike",
    ),
    (
        "pride",
        "which-side-are-you-on",
        "the 1984–85 British miners' strike",
    ),
    (
        "the-battle-of-orgreave",
        "still-the-enemy-within",
        "the 1984–85 British miners' strike",
    ),
    (
        "the-take",
        "grissinopoli",
        "Argentina's recovered factories after 2001",
    ),
    (
        "industria-argentina",
        "pyme",
        "Argentine factories turned cooperatives",
    ),
    (
        "the-nothing-factory",
        "the-take",
        "workers keeping an abandoned factory running",
    ),
    (
        "american-factory",
        "gung-ho",
        "a foreign owner in an American car town",
    ),
    (
        "made-in-bangladesh",
        "china-blue",
        "women in export garment factories",
    ),
    (
        "strike-1925",
        "mother-1926",
        "pre-revolutionary Russian factory strikes",
    ),
    (
        "the-molly-maguires",
        "matewan",
        "Appalachian coal miners against the company",
    ),
    (
        "salt-of-the-earth",
        "matewan",
        "mining strikes in company towns",
    ),
    (
        "the-stars-look-down",
        "how-green-was-my-valley",
        "coal communities and pit disasters of the 1930s",
    ),
    (
        "rosetta",
        "two-days-one-night",
        "the Dardennes' precarious workers of Seraing",
    ),
    (
        "tout-va-bien",
        "coup-pour-coup",
        "French factory occupations after May 68",
    ),
    ("the-big-flame", "dockers", "Liverpool dockers' strikes"),
];

#[test]
fn films_about_the_same_struggle_find_each_other() {
    let (cat, graph) = bundled();
    let mut failures = Vec::new();
    for (a, b, what) in SAME_STRUGGLE {
        for (x, y) in [(a, b), (b, a)] {
            if !top(&cat, &graph, x, 10).iter().any(|id| id == y) {
                failures.push(format!("{y} is not in the top 10 of {x} ({what})"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn explanations_name_themes_both_films_carry() {
    let (cat, graph) = bundled();
    let vocab = cat.vocabulary();
    for (a, _, _) in SAME_STRUGGLE {
        let film = cat.position(a).unwrap();
        let mut scratch = Scratch::new(&graph);
        let answer = related(
            &cat,
            &graph,
            &mut scratch,
            film,
            &Query {
                n: 10,
                ..Query::default()
            },
        );
        for r in &answer.items {
            assert!(!r.why.is_empty());
            for t in &r.reasons.themes {
                let carries = |f: &slate::Film| f.themes.iter().any(|c| vocab.implies(c, &t.id));
                assert!(carries(&cat.films()[film]), "{a} does not carry {}", t.id);
                assert!(
                    carries(&cat.films()[r.film]),
                    "{} does not carry {}",
                    r.id,
                    t.id
                );
                if t.implied_by.is_none() {
                    assert!(
                        r.why.contains(&t.label.to_lowercase()) || r.reasons.themes.len() > 3,
                        "`{}` does not name {}",
                        r.why,
                        t.label
                    );
                }
            }
        }
    }
    // A concrete line.
    let (cat, graph) = bundled();
    let film = cat.position("workers-80").unwrap();
    let mut scratch = Scratch::new(&graph);
    let answer = related(
        &cat,
        &graph,
        &mut scratch,
        film,
        &Query {
            n: 1,
            ..Query::default()
        },
    );
    assert_eq!(answer.items[0].id, "man-of-iron");
    let why = &answer.items[0].why;
    // Strikes is said through its narrower theme, occupations and sit-ins.
    assert!(
        why.contains("shipyards") && why.contains("occupations"),
        "{why}"
    );
    assert!(why.contains("both from Poland"), "{why}");
}

#[test]
fn related_is_ranked_filtered_and_deterministic() {
    let (cat, graph) = bundled();
    let film = cat.position("harlan-county-usa").unwrap();
    let mut scratch = Scratch::new(&graph);
    let q = Query {
        n: 25,
        filter: Filter {
            max_runtime: Some(100),
            ..Filter::default()
        },
        exclude_director: true,
    };
    let a = related(&cat, &graph, &mut scratch, film, &q);
    let b = related(&cat, &graph, &mut scratch, film, &q);
    let ids = |r: &slate::recommend::related::Related| {
        r.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b));
    assert!(!a.fallback);
    for w in a.items.windows(2) {
        assert!(
            w[0].score > w[1].score || (w[0].score == w[1].score && w[0].id < w[1].id),
            "not ranked: {} {} / {} {}",
            w[0].id,
            w[0].score,
            w[1].id,
            w[1].score
        );
    }
    for r in &a.items {
        assert_ne!(r.id, "harlan-county-usa");
        assert!(cat.films()[r.film].runtime.unwrap() <= 100);
        assert!(!cat.films()[r.film]
            .directors
            .contains(&"Barbara Kopple".to_string()));
    }
}

#[test]
fn a_film_without_themes_falls_back_to_director_and_years() {
    let (cat, graph) = bundled();
    let film = cat.position("the-red-tent").unwrap();
    assert!(cat.films()[film].themes.is_empty());
    let mut scratch = Scratch::new(&graph);
    let answer = related(
        &cat,
        &graph,
        &mut scratch,
        film,
        &Query {
            n: 5,
            ..Query::default()
        },
    );
    assert!(answer.fallback);
    // Kalatozov's other films come first.
    let first: Vec<&str> = answer.items.iter().take(2).map(|r| r.id.as_str()).collect();
    assert!(first.contains(&"the-first-echelon"), "{first:?}");
    assert!(answer.items[0]
        .why
        .contains("same director (Mikhail Kalatozov)"));
}

#[test]
fn discovery_is_diverse_and_explained() {
    let (cat, graph) = bundled();
    let seeds: Vec<usize> = ["harlan-county-usa", "matewan", "the-take"]
        .iter()
        .map(|id| cat.position(id).unwrap())
        .collect();
    let found = discover(&cat, &graph, &seeds, 20, &Filter::default()).unwrap();
    // The answer says how diversifying changed it, and the figures agree
    // with the films' ranks by relevance.
    let d = &found.diversity;
    assert!(d.relevance_kept > 0.5 && d.relevance_kept <= 1.0, "{d:?}");
    let replaced = found
        .items
        .iter()
        .filter(|r| r.relevance_rank.is_none_or(|k| k > 20))
        .count();
    assert_eq!(d.replaced, replaced);
    assert!(d.moved >= d.replaced);
    let items = found.items;
    assert_eq!(items.len(), 20);
    let mut per_director = std::collections::HashMap::new();
    let mut per_decade = std::collections::HashMap::new();
    for r in &items {
        assert!(!seeds.contains(&r.film));
        let f = &cat.films()[r.film];
        for d in &f.directors {
            *per_director.entry(d.clone()).or_insert(0) += 1;
        }
        *per_decade.entry(f.decade()).or_insert(0) += 1;
        let via = r.reasons.via.as_ref().expect("every discovery has a path");
        assert!(["harlan-county-usa", "matewan", "the-take"].contains(&via.seed.as_str()));
        assert!(r.why.starts_with("via "), "{}", r.why);
    }
    assert!(per_director.values().all(|&n| n <= 2), "{per_director:?}");
    assert!(per_decade.values().all(|&n| n <= 7), "{per_decade:?}");
    // Both struggles are represented: mining and recovered factories.
    assert!(items
        .iter()
        .any(|r| cat.films()[r.film].themes.iter().any(|t| t == "coal")));
    assert!(items.iter().any(|r| cat.films()[r.film]
        .themes
        .iter()
        .any(|t| t == "cooperatives")));
    // Deterministic.
    let again = discover(&cat, &graph, &seeds, 20, &Filter::default()).unwrap();
    assert_eq!(
        items.iter().map(|r| &r.id).collect::<Vec<_>>(),
        again.items.iter().map(|r| &r.id).collect::<Vec<_>>()
    );
}

#[test]
fn series_are_well_formed() {
    let (cat, graph) = bundled();
    let q = SeriesQuery {
        n: 6,
        min_films: 4,
        max_films: 7,
        max_runtime_total: Some(700),
        seed: 3,
        ..SeriesQuery::default()
    };
    let series = suggest(&cat, &graph, &q);
    assert_eq!(series.len(), 6, "{series:#?}");
    let mut seen = std::collections::HashSet::new();
    for s in &series {
        assert!(s.films.len() >= 4 && s.films.len() <= 7, "{}", s.title);
        assert!(s.total_runtime <= 700, "{}: {}", s.title, s.total_runtime);
        assert_eq!(s.unknown_runtimes, 0);
        assert!(
            s.coherence > 0.3 && s.coherence <= 1.0,
            "{}: {}",
            s.title,
            s.coherence
        );
        for &f in &s.films {
            assert!(seen.insert(f), "{} is in two series", cat.films()[f].id);
        }
        // Title themes are carried by most of the films; running order is chronological.
        let anchor = &s.themes[0];
        let carrying = s
            .films
            .iter()
            .filter(|&&f| {
                cat.films()[f]
                    .themes
                    .iter()
                    .any(|t| cat.vocabulary().implies(t, anchor))
            })
            .count();
        assert!(carrying * 2 > s.films.len(), "{}", s.title);
        let years: Vec<i32> = s
            .films
            .iter()
            .filter_map(|&f| cat.films()[f].year)
            .collect();
        assert!(years.windows(2).all(|w| w[0] <= w[1]), "{}", s.title);
    }
    let again = suggest(&cat, &graph, &q);
    assert_eq!(
        series.iter().map(|s| &s.film_ids).collect::<Vec<_>>(),
        again.iter().map(|s| &s.film_ids).collect::<Vec<_>>()
    );
}

#[test]
fn cli_related_lists_and_explains() {
    slate()
        .args(["related", "workers '80", "-n", "3"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Man of Iron"))
        .stdout(predicate::str::contains("shares"));
    let v: serde_json::Value =
        json_of(slate().args(["related", "pride", "-n", "5", "--format", "json"]));
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 5);
    for key in ["id", "title", "score", "why", "rank"] {
        assert!(items[0].get(key).is_some(), "no {key}");
    }
    slate()
        .args(["related", "pride", "-n", "2", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "rank,id,title,year,score,why,shared_themes\n",
        ));
    slate()
        .args(["related", "brassed off", "-n", "2", "--why"])
        .assert()
        .success()
        .stdout(predicate::str::contains("carried by"));
}

#[test]
fn cli_bad_input_is_explained() {
    slate()
        .args(["related", "harlen county"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no film matches `harlen county`"))
        .stderr(predicate::str::contains("harlan-county-usa"));
    slate()
        .args(["related", "harlan-county-usa", "-n", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("0"));
    slate()
        .args(["related", "the red tent"])
        .assert()
        .success()
        .stderr(predicate::str::contains("carries no themes"));
    slate()
        .args(["discover", "the red tent"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "none of the seed films carries a theme",
        ));
    slate().args(["discover"]).assert().code(2);
    slate()
        .args(["series", "suggest", "--min-films", "400"])
        .assert()
        .success()
        .stderr(predicate::str::contains("no series of at least 400 films"));
}

#[test]
fn cli_series_suggest_is_deterministic_for_a_seed() {
    let run = |seed: &str| {
        slate()
            .args(["series", "suggest", "--seed", seed, "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("7"), run("7"));
    let v: serde_json::Value = serde_json::from_slice(&run("7")).unwrap();
    let first = &v[0];
    for key in [
        "title",
        "themes",
        "film_ids",
        "total_runtime",
        "coherence",
        "why",
    ] {
        assert!(first.get(key).is_some(), "no {key}");
    }
}

#[test]
fn an_empty_catalogue_is_said_to_be_empty() {
    let empty = format!("{}/tests/fixtures/empty", env!("CARGO_MANIFEST_DIR"));
    slate()
        .args(["--data", &empty, "catalog", "check"])
        .assert()
        .success()
        .stderr(predicate::str::contains("has no films"));
    for args in [
        vec!["related", "anything"],
        vec!["discover", "anything"],
        vec!["series", "suggest"],
        vec!["graph", "--format", "svg", "-o", "-"],
    ] {
        let mut all = vec!["--data", empty.as_str()];
        all.extend(args.iter().copied());
        slate()
            .args(&all)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "has no films; add [[film]] tables",
            ));
    }
}

/// Every companion of a film is among its first related films: in its top 3,
/// or, for a film with more companions than that, ahead of every other film.
#[test]
fn companions_come_first() {
    let (cat, graph) = bundled();
    let mut checked = 0;
    let mut failures = Vec::new();
    for (i, f) in cat.films().iter().enumerate() {
        let companions = cat.companions(i);
        if companions.is_empty() {
            continue;
        }
        let n = companions.len().max(3);
        let got = top(&cat, &graph, &f.id, n);
        for l in companions {
            checked += 1;
            let other = &cat.films()[l.film as usize].id;
            if !got.contains(other) {
                failures.push(format!(
                    "{other} ({}) is not in the top {n} of {}: {got:?}",
                    l.relation, f.id
                ));
            }
        }
    }
    assert!(checked >= 40, "only {checked} companion links");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// For every event carried by at least 3 films, each of those films has
/// another film of the event in its top 5.
#[test]
fn films_of_one_event_find_each_other() {
    let (cat, graph) = bundled();
    let mut events = 0;
    let mut failures = Vec::new();
    for (p, e) in cat.events().all().iter().enumerate() {
        let films = cat.event_films(p);
        if films.len() < 3 {
            continue;
        }
        events += 1;
        for &f in films {
            let id = &cat.films()[f as usize].id;
            let got = top(&cat, &graph, id, 5);
            let mates = films
                .iter()
                .filter(|&&g| g != f)
                .map(|&g| &cat.films()[g as usize].id);
            if !mates.clone().any(|m| got.contains(m)) {
                failures.push(format!(
                    "no other film of {} in the top 5 of {id}: {got:?}",
                    e.id
                ));
            }
        }
    }
    assert!(events >= 15, "only {events} events with 3 films");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn companions_and_events_are_explained() {
    let (cat, graph) = bundled();
    let film = cat.position("man-of-iron").unwrap();
    let mut scratch = Scratch::new(&graph);
    let q = Query {
        n: 3,
        ..Query::default()
    };
    let answer = related(&cat, &graph, &mut scratch, film, &q);
    assert_eq!(answer.items[0].id, "man-of-marble");
    assert!(
        answer.items[0]
            .why
            .starts_with("followed by its sequel Man of Iron"),
        "{}",
        answer.items[0].why
    );
    let film = cat.position("billy-elliot").unwrap();
    let answer = related(
        &cat,
        &graph,
        &mut scratch,
        film,
        &Query {
            n: 5,
            ..Query::default()
        },
    );
    let about: Vec<&str> = answer
        .items
        .iter()
        .filter(|r| r.why.contains("both about the 1984–85 UK miners' strike"))
        .map(|r| r.id.as_str())
        .collect();
    assert!(about.len() >= 3, "{about:?}");
    assert!(about.contains(&"pride"), "{about:?}");
}

#[test]
fn series_can_be_steered_and_pasted_into_a_programme() {
    // By event: the series is the strike's, titled by it.
    let v: serde_json::Value = json_of(slate().args([
        "series",
        "suggest",
        "--event",
        "uk-miners-strike-1984",
        "--min-films",
        "3",
        "--format",
        "json",
    ]));
    assert_eq!(v[0]["title"], "1984–85 UK miners' strike");
    let (cat, _) = bundled();
    for id in v[0]["film_ids"].as_array().unwrap() {
        let f = cat.get(id.as_str().unwrap()).unwrap();
        assert!(
            f.events.iter().any(|e| e == "uk-miners-strike-1984"),
            "{id}"
        );
    }
    // Around a film, with a runtime cap and a country: every series holds
    // the film, and every film meets the caps.
    let v: serde_json::Value = json_of(slate().args([
        "series",
        "suggest",
        "--around",
        "man-of-iron",
        "--max-film-runtime",
        "160",
        "--country",
        "Poland",
        "--min-films",
        "3",
        "--format",
        "json",
    ]));
    assert!(!v.as_array().unwrap().is_empty());
    for s in v.as_array().unwrap() {
        let ids: Vec<&str> = s["film_ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap())
            .collect();
        assert!(ids.contains(&"man-of-iron"), "{ids:?}");
        for id in ids {
            let f = cat.get(id).unwrap();
            assert!(
                f.runtime.is_some_and(|r| r <= 160) && f.countries.iter().any(|c| c == "Poland"),
                "{id}"
            );
        }
    }
    // By theme: the first theme anchors every series.
    let v: serde_json::Value = json_of(slate().args([
        "series", "suggest", "--theme", "textiles", "-n", "3", "--format", "json",
    ]));
    for s in v.as_array().unwrap() {
        assert_eq!(s["themes"][0], "textiles", "{s:#}");
    }
    // TOML blocks paste into a programme file that checks.
    let blocks = String::from_utf8(stdout_of(
        slate().args(["series", "suggest", "-n", "3", "--format", "toml"]),
    ))
    .unwrap();
    assert_eq!(blocks.matches("[[series]]").count(), 3, "{blocks}");
    let weekend = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("programmes/weekend.toml"),
    )
    .unwrap();
    let head = weekend.split("[[series]]").next().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let programme = dir.path().join("p.toml");
    std::fs::write(&programme, format!("{head}\n{blocks}")).unwrap();
    slate().arg("check").arg(&programme).assert().success();
    slate()
        .args(["series", "suggest", "--event", "uk-miners-strike"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean `uk-miners-strike-1984`?",
        ));
}
