//! Property test over random festival programmes that use every key of
//! issue 13 — fixed screenings, series criteria (countries, years, kinds,
//! languages, directors, curated films) and restrictions (venues, days,
//! tags), intro and discussion at every level, repeats, copies and venue
//! formats, guests with windows, `exclude` and `max_per_director`: a plan
//! either keeps every hard rule (checked by `schedule::rules`, which looks
//! only at the plan) and passes the plan-JSON check, or is refused with
//! located reasons — never a broken plan, never a panic.

mod common;

use common::bundled;
use proptest::prelude::*;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use slate::schedule::rules::violations;
use slate::schedule::{plan, PlanOptions};

const THEMES: &[&str] = &[
    "strikes",
    "mining",
    "textiles",
    "womens-work",
    "automation",
    "steel",
];
const FORMATS: &[&str] = &["DCP", "35mm", "16mm"];
const TAGS: &[&str] = &["late", "lunch", "shorts"];

/// A random festival programme over the bundled catalogue.
fn festival(seed: u64) -> String {
    let (cat, _) = bundled();
    let films = cat.films();
    let mut rng = StdRng::seed_from_u64(seed);
    let venues = rng.random_range(1..=3usize);
    let days = rng.random_range(2..=4usize);
    let mut t = format!(
        "name = \"Random festival\"\ntimezone = \"Europe/Lisbon\"\nintro = {}\ninterval = {}\nchangeover = {}\ndiscussion = {}\n",
        rng.random_range(0..=10),
        rng.random_range(0..=5),
        rng.random_range(0..=20),
        [0, 0, 10, 20][rng.random_range(0..4)],
    );
    if rng.random_bool(0.4) {
        t.push_str(&format!("max_per_director = {}\n", rng.random_range(1..=2)));
    }
    if rng.random_bool(0.4) {
        let ex: Vec<String> = (0..3)
            .map(|_| format!("\"{}\"", films[rng.random_range(0..films.len())].id))
            .collect();
        t.push_str(&format!("exclude = [{}]\n", ex.join(", ")));
    }
    for v in 0..venues {
        t.push_str(&format!(
            "\n[[venue]]\nid = \"v{v}\"\nname = \"Venue {v}\"\n"
        ));
        if rng.random_bool(0.5) {
            let f: Vec<String> = FORMATS
                .iter()
                .filter(|_| rng.random_bool(0.6))
                .map(|f| format!("\"{f}\""))
                .collect();
            if !f.is_empty() {
                t.push_str(&format!("formats = [{}]\n", f.join(", ")));
            }
        }
    }
    // Slot times that never overlap within a venue.
    let times = [
        (12 * 60, 70),
        (15 * 60, 120),
        (18 * 60, 150),
        (21 * 60 + 30, 160),
    ];
    let mut slot_ids = Vec::new();
    for v in 0..venues {
        for d in 0..days {
            for &(start, len) in &times {
                if rng.random_bool(0.25) {
                    continue;
                }
                let id = format!("v{v}-d{d}-{start}");
                t.push_str(&format!(
                    "\n[[slot]]\nid = \"{id}\"\nvenue = \"v{v}\"\nstart = 2027-06-{:02}T{:02}:{:02}:00\nlength = {len}\n",
                    d + 10,
                    start / 60,
                    start % 60
                ));
                if rng.random_bool(0.4) {
                    t.push_str(&format!(
                        "tags = [\"{}\"]\n",
                        TAGS.choose(&mut rng).unwrap()
                    ));
                }
                slot_ids.push((id, len));
            }
        }
    }
    let n_series = rng.random_range(1..=4);
    // Films the series name outright: copies and guests mostly go to them, so
    // that they are screened (a film drawn from the whole catalogue rarely is).
    let mut named: Vec<String> = Vec::new();
    for s in 0..n_series {
        t.push_str(&format!(
            "\n[[series]]\nid = \"s{s}\"\ntitle = \"Series {s}\"\nscreenings = {}\n",
            rng.random_range(1..=3)
        ));
        let film = &films[rng.random_range(0..films.len())];
        match rng.random_range(0..7) {
            0 | 1 => t.push_str(&format!(
                "themes = [\"{}\"]\n",
                THEMES.choose(&mut rng).unwrap()
            )),
            2 if !film.countries.is_empty() => {
                t.push_str(&format!("countries = [\"{}\"]\n", film.countries[0]))
            }
            3 if film.year.is_some() => {
                let y = film.year.unwrap();
                t.push_str(&format!("years = \"{}..{}\"\n", y - 10, y + 10));
                t.push_str(&format!(
                    "themes = [\"{}\"]\n",
                    THEMES.choose(&mut rng).unwrap()
                ));
            }
            4 => t.push_str(&format!(
                "kinds = [\"{}\"]\nthemes = [\"{}\"]\n",
                ["documentary", "fiction"][rng.random_range(0..2)],
                THEMES.choose(&mut rng).unwrap()
            )),
            5 if !film.languages.is_empty() => {
                t.push_str(&format!("languages = [\"{}\"]\n", film.languages[0]))
            }
            _ => {
                let ids: Vec<String> = (0..6)
                    .map(|_| films[rng.random_range(0..films.len())].id.clone())
                    .collect();
                named.extend(ids.iter().cloned());
                let list: Vec<String> = ids.iter().map(|id| format!("\"{id}\"")).collect();
                t.push_str(&format!("films = [{}]\n", list.join(", ")));
            }
        }
        if rng.random_bool(0.3) {
            t.push_str(&format!(
                "venues = [\"v{}\"]\n",
                rng.random_range(0..venues)
            ));
        }
        if rng.random_bool(0.2) {
            t.push_str(&format!("days = [2027-06-{:02}, 2027-06-{:02}]\n", 10, 11));
        }
        if rng.random_bool(0.2) {
            t.push_str(&format!(
                "tags = [\"{}\"]\n",
                TAGS.choose(&mut rng).unwrap()
            ));
        }
        if rng.random_bool(0.3) {
            t.push_str(&format!("intro = {}\n", rng.random_range(0..=15)));
        }
        if rng.random_bool(0.3) {
            t.push_str(&format!("discussion = {}\n", rng.random_range(0..=30)));
        }
        if rng.random_bool(0.4) {
            t.push_str("repeats = 2\n");
        }
        if rng.random_bool(0.15) {
            t.push_str(&format!("max_runtime = {}\n", rng.random_range(30..=110)));
        }
    }
    // Copies for some films.
    let pick = |rng: &mut StdRng| -> String {
        match named.choose(rng) {
            Some(id) if rng.random_bool(0.8) => id.clone(),
            _ => films[rng.random_range(0..films.len())].id.clone(),
        }
    };
    for _ in 0..rng.random_range(0..=12) {
        let id = pick(&mut rng);
        t.push_str(&format!(
            "\n[[copy]]\nfilm = \"{}\"\nformat = \"{}\"\n",
            id,
            FORMATS.choose(&mut rng).unwrap()
        ));
        if rng.random_bool(0.5) {
            t.push_str(&format!(
                "from = 2027-06-{:02}\n",
                rng.random_range(10..=11)
            ));
        }
        if rng.random_bool(0.5) {
            t.push_str(&format!(
                "until = 2027-06-{:02}\n",
                rng.random_range(11..=13)
            ));
        }
    }
    // Guests.
    for g in 0..rng.random_range(0..=2) {
        let list: Vec<String> = (0..rng.random_range(1..=3))
            .map(|_| format!("\"{}\"", pick(&mut rng)))
            .collect();
        t.push_str(&format!(
            "\n[[guest]]\nname = \"Guest {g}\"\nfilms = [{}]\ndiscussion = {}\n",
            list.join(", "),
            rng.random_range(0..=40)
        ));
        if rng.random_bool(0.7) {
            let d = rng.random_range(10..=12);
            t.push_str(&format!(
                "available = [{{ from = 2027-06-{d:02}T14:00:00, until = 2027-06-{:02}T23:59:00 }}]\n",
                d + rng.random_range(0..=1)
            ));
        }
    }
    // A fixed one-off: a short enough film in a random slot.
    if rng.random_bool(0.5) && !slot_ids.is_empty() {
        let (slot, len) = slot_ids.choose(&mut rng).unwrap().clone();
        let fitting: Vec<&str> = films
            .iter()
            .filter(|f| f.runtime.is_some_and(|r| r + 60 <= len))
            .map(|f| f.id.as_str())
            .collect();
        if let Some(f) = fitting.choose(&mut rng) {
            t.push_str(&format!(
                "\n[[fixed]]\nslot = \"{slot}\"\nfilms = [\"{f}\"]\ntitle = \"Opening night\"\nnote = \"With reception\"\n"
            ));
        }
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(80))]

    #[test]
    fn festival_plans_keep_every_hard_rule(seed in any::<u64>()) {
        let (cat, graph) = bundled();
        let text = festival(seed);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("festival.toml");
        std::fs::write(&path, &text).unwrap();
        let programme = match slate::programme::load(&path, cat) {
            Ok((p, _)) => p,
            Err(diags) => {
                // Refused: every error located at a line.
                prop_assert!(diags.iter().any(|d| d.is_error()), "{diags:?}");
                for d in diags.iter().filter(|d| d.is_error()) {
                    prop_assert!(d.line.is_some(), "{d:?}\n{text}");
                }
                return Ok(());
            }
        };
        let result = plan(&programme, cat, graph, &PlanOptions {
            seed,
            time_limit: None,
            iterations: Some(120),
            keep: None,
            progress: &|_, _| {},
        });
        match result {
            Ok(p) => {
                let broken = violations(&programme, cat, &p);
                prop_assert!(broken.is_empty(), "{broken:#?}\n{text}");
                // The plan JSON passes the check every export makes.
                let json = dir.path().join("plan.json");
                std::fs::write(&json, serde_json::to_string_pretty(&p).unwrap()).unwrap();
                let checked = slate::schedule::check::read(&json, cat);
                prop_assert!(checked.is_ok(), "{:?}\n{text}", checked.err());
                for o in &p.series {
                    if o.screenings < o.requested {
                        prop_assert!(o.shortfall.is_some(), "{} has no reason", o.id);
                    }
                }
            }
            Err(e) => {
                prop_assert!(!e.diagnostics.is_empty());
                prop_assert!(e.diagnostics.iter().all(|d| d.line.is_some() && d.help.is_some()), "{:?}", e.diagnostics);
            }
        }
    }
}

/// The generator exercises what it claims to: most programmes load, and
/// their plans hold repeats, guests, copies, fixed screenings and discussions.
#[test]
fn random_festivals_use_every_rule() {
    let (cat, graph) = bundled();
    let dir = tempfile::tempdir().unwrap();
    let (mut loaded, mut planned) = (0, 0);
    let (mut repeats, mut guests, mut formats, mut fixed, mut discussions) = (0, 0, 0, 0, 0);
    let mut refusals = Vec::new();
    for seed in 0..60u64 {
        let path = dir.path().join(format!("f{seed}.toml"));
        std::fs::write(&path, festival(seed)).unwrap();
        let programme = match slate::programme::load(&path, cat) {
            Ok((p, _)) => p,
            Err(d) => {
                refusals.push(d[0].message.clone());
                continue;
            }
        };
        loaded += 1;
        let Ok(p) = plan(
            &programme,
            cat,
            graph,
            &PlanOptions {
                seed,
                time_limit: None,
                iterations: Some(60),
                keep: None,
                progress: &|_, _| {},
            },
        ) else {
            continue;
        };
        planned += 1;
        let broken = violations(&programme, cat, &p);
        assert!(broken.is_empty(), "seed {seed}: {broken:#?}");
        repeats += p
            .screenings
            .iter()
            .filter(|s| s.repeat_of.is_some())
            .count();
        guests += p.screenings.iter().filter(|s| !s.guests.is_empty()).count();
        formats += p
            .screenings
            .iter()
            .flat_map(|s| &s.films)
            .filter(|f| f.format.is_some())
            .count();
        fixed += p.screenings.iter().filter(|s| s.fixed).count();
        discussions += p.screenings.iter().filter(|s| s.discussion > 0).count();
    }
    eprintln!(
        "{loaded} loaded, {planned} planned; {repeats} repeats, {guests} with guests, {formats} films from listed copies, {fixed} fixed, {discussions} with discussion; refusals: {refusals:#?}"
    );
    assert!(loaded >= 40, "only {loaded} of 60 load: {refusals:#?}");
    assert!(planned >= 35);
    assert!(repeats >= 10 && guests >= 3 && formats >= 3 && fixed >= 5 && discussions >= 10);
}
