//! Property test: on randomly generated programmes over the bundled
//! catalogue, a plan either keeps every hard rule or is refused with
//! located reasons — never a broken plan, never a panic.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use proptest::prelude::*;

use slate::catalogue::load::load;
use slate::catalogue::LoadOptions;
use slate::graph::ThemeGraph;
use slate::schedule::rules::violations;
use slate::schedule::{plan, PlanOptions};
use slate::Catalogue;

fn bundled() -> &'static (Catalogue, ThemeGraph) {
    static B: OnceLock<(Catalogue, ThemeGraph)> = OnceLock::new();
    B.get_or_init(|| {
        let cat = load(
            &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data"),
            &LoadOptions::default(),
            &|_| {},
        )
        .unwrap_or_else(|e| panic!("{:?}", e.diagnostics))
        .catalogue;
        let graph = ThemeGraph::build(&cat);
        (cat, graph)
    })
}

const THEMES: &[&str] = &[
    "strikes",
    "mining",
    "coal",
    "textiles",
    "womens-work",
    "automation",
    "migrant-labour",
    "cooperatives",
    "labour-process",
    "deindustrialisation",
    "transport",
    "steel",
];
const PINS: &[&str] = &[
    "harlan-county-usa",
    "matewan",
    "the-take",
    "lathe-joshi",
    "brassed-off",
    "coal-face",
    "strike-1925",
    "norma-rae",
];

/// A random series: theme, second theme, screenings, pin, max_runtime.
type SeriesSpec = (usize, usize, u32, Option<usize>, Option<u32>);

#[derive(Debug, Clone)]
struct Spec {
    venues: usize,
    days: usize,
    times: Vec<(u32, u32)>, // (start minute of day, length)
    series: Vec<SeriesSpec>,
    intro: u32,
    interval: u32,
    seed: u64,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        1usize..=3,
        1usize..=3,
        prop::collection::vec((600u32..1380, 30u32..240), 1..4),
        prop::collection::vec(
            (
                0..THEMES.len(),
                0..THEMES.len(),
                1u32..6,
                prop::option::weighted(0.3, 0..PINS.len()),
                prop::option::weighted(0.2, 20u32..120),
            ),
            1..6,
        ),
        0u32..20,
        0u32..10,
        any::<u64>(),
    )
        .prop_map(
            |(venues, days, times, series, intro, interval, seed)| Spec {
                venues,
                days,
                times,
                series,
                intro,
                interval,
                seed,
            },
        )
}

/// The programme file for a spec; overlapping slots of one venue are dropped
/// so the file is valid (overlaps are tested elsewhere).
fn programme_text(s: &Spec) -> String {
    let mut t = format!(
        "name = \"Random\"\ntimezone = \"Europe/Lisbon\"\nintro = {}\ninterval = {}\nchangeover = 10\n",
        s.intro, s.interval
    );
    for v in 0..s.venues {
        t.push_str(&format!(
            "\n[[venue]]\nid = \"v{v}\"\nname = \"Venue {v}\"\n"
        ));
    }
    let mut times = s.times.clone();
    times.sort();
    let mut kept: Vec<(u32, u32)> = Vec::new();
    for (start, len) in times {
        let len = len.max(s.intro + 1);
        if kept.last().is_none_or(|&(a, l)| start >= a + l + 10) {
            kept.push((start, len));
        }
    }
    for v in 0..s.venues {
        for d in 0..s.days {
            for &(start, len) in &kept {
                t.push_str(&format!(
                    "\n[[slot]]\nvenue = \"v{v}\"\nstart = 2027-06-{:02}T{:02}:{:02}:00\nlength = {len}\n",
                    d + 10,
                    start / 60,
                    start % 60
                ));
            }
        }
    }
    let mut pinned = std::collections::HashSet::new();
    for (i, (a, b, n, pin, max)) in s.series.iter().enumerate() {
        t.push_str(&format!(
            "\n[[series]]\nid = \"s{i}\"\ntitle = \"Series {i}\"\nthemes = [\"{}\", \"{}\"]\nscreenings = {n}\n",
            THEMES[*a], THEMES[*b]
        ));
        if let Some(m) = max {
            t.push_str(&format!("max_runtime = {m}\n"));
        }
        if let Some(p) = pin {
            // Half the time a film of the series' first theme (so usually
            // placeable), otherwise a fixed film (often not qualifying).
            let (cat, _) = bundled();
            let fitting: Vec<&str> = cat
                .films()
                .iter()
                .filter(|f| {
                    f.themes
                        .iter()
                        .any(|t| cat.vocabulary().implies(t, THEMES[*a]))
                })
                .filter(|f| f.runtime.is_some_and(|r| r <= 120))
                .map(|f| f.id.as_str())
                .collect();
            let id = if p % 2 == 0 && !fitting.is_empty() {
                fitting[p % fitting.len()]
            } else {
                PINS[*p]
            };
            if pinned.insert(id) {
                t.push_str(&format!("pin = [\"{id}\"]\n"));
            }
        }
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn plans_keep_every_hard_rule(s in spec()) {
        let (cat, graph) = bundled();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("random.toml");
        std::fs::write(&path, programme_text(&s)).unwrap();
        let programme = match slate::programme::load(&path, cat) {
            Ok((p, _)) => p,
            Err(diags) => {
                // Refused (a pin that does not qualify or fit): located, and an error.
                prop_assert!(diags.iter().any(|d| d.is_error() && d.line.is_some()), "{diags:?}");
                return Ok(());
            }
        };
        let result = plan(&programme, cat, graph, &PlanOptions {
            seed: s.seed,
            time_limit: Duration::from_secs(60),
            iterations: Some(150),
            keep: None,
            progress: &|_, _| {},
        });
        match result {
            Ok(p) => {
                let broken = violations(&programme, cat, &p);
                prop_assert!(broken.is_empty(), "{broken:#?}\n{}", programme_text(&s));
                // Every series short of its screenings says why.
                for o in &p.series {
                    if o.screenings < o.requested {
                        prop_assert!(o.shortfall.is_some(), "{} has no reason", o.id);
                    }
                }
            }
            Err(e) => {
                prop_assert!(!e.diagnostics.is_empty());
                prop_assert!(e.diagnostics.iter().all(|d| d.line.is_some() && d.help.is_some()));
            }
        }
    }
}
