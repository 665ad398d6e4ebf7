//! Property test: on randomly generated programmes over the bundled
//! catalogue, a plan either keeps every hard rule or is refused with
//! located reasons — never a broken plan, never a panic; and the web page of
//! a plan draws each slot once, inside its table, over no other; and a
//! corrupted programme file is refused with located errors, never a panic.

mod common;

use std::path::PathBuf;

use common::bundled;
use proptest::prelude::*;

use slate::schedule::rules::violations;
use slate::schedule::{plan, PlanOptions};

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

    /// Any corruption of the example programme gives a programme or located
    /// errors — never a panic, never an error without a line (but for a key
    /// missing from the whole file, which names the file).
    #[test]
    fn corrupted_programmes_are_refused_with_locations(
        cut in 0usize..4000,
        junk in "[\\[\\]=\"a-z0-9 \\n:,.TİZ-]{0,16}",
    ) {
        let (cat, _) = bundled();
        let text = std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("programmes/weekend.toml"),
        )
        .unwrap();
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let corrupted = format!("{}{}{}", &text[..cut], junk, &text[cut..]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, &corrupted).unwrap();
        if let Err(diags) = slate::programme::load(&path, cat) {
            prop_assert!(diags.iter().any(|d| d.is_error()));
            for d in diags.iter().filter(|d| d.is_error()) {
                // A key missing from the whole file has no line: it names
                // the file and says what to add.
                if d.message.contains(" has no `") {
                    prop_assert!(d.file.is_some() && d.help.is_some(), "{d:?}");
                    continue;
                }
                prop_assert!(d.line.is_some(), "{d:?}");
                prop_assert!(d.line.unwrap() <= corrupted.lines().count() + 1, "{d:?}");
            }
        }
    }

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
            time_limit: None,
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
                // Its web page draws every slot once, inside its day's
                // table, never over another slot of the venue.
                let page = slate::export::html::render(&slate::export::html::Page {
                    plan: &p,
                    catalogue: Some(cat),
                    picture: None,
                    calendars: Default::default(),
                    status: Default::default(),
                    internal: false,
                    now: None,
                })
                .unwrap();
                let problems = grid_problems(&page, p.screenings.len(), p.open_slots.len());
                prop_assert!(problems.is_empty(), "{problems:#?}\n{}", programme_text(&s));
            }
            Err(e) => {
                prop_assert!(!e.diagnostics.is_empty());
                prop_assert!(e.diagnostics.iter().all(|d| d.line.is_some() && d.help.is_some()));
            }
        }
    }
}

/// `--name:N` in a style attribute.
fn var(style: &str, name: &str) -> Option<i64> {
    let rest = &style[style.find(&format!("--{name}:"))? + name.len() + 3..];
    rest.split([';', '"']).next()?.parse().ok()
}

/// What is wrong with the page's grid: blocks per screening and open slots,
/// slots outside their table's span, slots over one another in a lane, a
/// screening longer than its slot.
fn grid_problems(page: &str, screenings: usize, open: usize) -> Vec<String> {
    let mut out = Vec::new();
    let blocks = page.matches("<div class=\"screening ").count();
    if blocks != screenings {
        out.push(format!("{blocks} blocks for {screenings} screenings"));
    }
    let opens = page.matches("<li class=\"slot open\"").count();
    if opens != open {
        out.push(format!("{opens} open slots drawn for {open}"));
    }
    for table in page.split("<table class=\"grid\"").skip(1) {
        let table = table.split("</table>").next().unwrap_or("");
        let Some(span) = var(table, "span") else {
            out.push("a table without --span".into());
            continue;
        };
        for lane in table.split("<td class=\"lane").skip(1) {
            let lane = lane.split("</td>").next().unwrap_or("");
            let mut last_end = i64::MIN;
            for item in lane.split("<li class=\"slot").skip(1) {
                let style = item.split("style=\"").nth(1).unwrap_or("");
                let (Some(t), Some(h)) = (var(style, "t"), var(style, "h")) else {
                    out.push(format!("a slot without --t/--h: {item:.80}"));
                    continue;
                };
                if t < 0 || t + h > span {
                    out.push(format!("slot {t}+{h} outside 0..{span}"));
                }
                if t < last_end {
                    out.push(format!(
                        "slot at {t} starts before the last ends ({last_end})"
                    ));
                }
                last_end = t + h;
                if let Some(block) = item.split("<div class=\"screening").nth(1) {
                    let inner = block.split("style=\"").nth(1).unwrap_or("");
                    match var(inner, "h") {
                        Some(used) if used <= h && used > 0 => {}
                        other => out.push(format!("screening of {other:?} min in a slot of {h}")),
                    }
                }
            }
        }
    }
    out
}

#[test]
fn the_grid_check_catches_what_it_looks_for() {
    let good = "<table class=\"grid\" style=\"--span:240;--venues:1\"><td class=\"lane\">\
        <li class=\"slot\" style=\"--t:0;--h:120\"><div class=\"screening s0\" id=\"a\" style=\"--h:100\"></div></li>\
        <li class=\"slot\" style=\"--t:130;--h:100\"><div class=\"screening s0\" id=\"b\" style=\"--h:90\"></div></li></td></table>";
    assert!(
        grid_problems(good, 2, 0).is_empty(),
        "{:?}",
        grid_problems(good, 2, 0)
    );
    let overlapping = good.replace("--t:130", "--t:110");
    assert_eq!(grid_problems(&overlapping, 2, 0).len(), 1);
    let outside = good.replace("--t:130;--h:100", "--t:200;--h:100");
    assert_eq!(grid_problems(&outside, 2, 0).len(), 1);
    let overfull = good.replace("--h:90", "--h:120");
    assert_eq!(grid_problems(&overfull, 2, 0).len(), 1);
    assert_eq!(grid_problems(good, 3, 0).len(), 1);
}
