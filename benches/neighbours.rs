//! Benchmark: the commands that ask every film for its nearest films —
//! `slate graph` (each drawn film's strongest links) and `slate series
//! suggest` (a k-nearest-neighbour film graph) — on generated catalogues,
//! including the worst case for a theme walk: every film on one theme.
//!
//! Run with `cargo bench --bench neighbours`. Catalogues are written once
//! under `target/bench-data/`. Cases (`SLATE_BENCH_NEIGHBOURS` = a comma list
//! of case names to run only some):
//!
//! - `zipf-100k`: 100,000 films, 200 themes of Zipf popularity, 2–8 a film
//!   (the other benchmarks' shape);
//! - `one-theme-20k`, `one-theme-100k`, `one-theme-440k`: every film on the
//!   same single theme.
//!
//! For each it prints the distinct membership vectors (signatures), the
//! recall of the 12 nearest films against scoring every film (1.0: exact),
//! and the wall time and peak memory of each command end to end (best of 2).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::best_of;

/// A generated catalogue of `n` films on one theme.
fn one_theme(n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-data")
        .join(format!("one-theme-{n}"));
    if !dir.join("themes.toml").exists() {
        let spec = slate::synthetic::Spec {
            themes: 1,
            min_themes: 1,
            max_themes: 1,
            ..slate::synthetic::Spec::new(n)
        };
        slate::synthetic::write_catalogue(&dir, &spec).expect("write generated catalogue");
    }
    dir
}

/// Distinct membership vectors, and the recall of the 12 nearest films
/// against scoring every film (over 200 films, every 1/200th): 1.0 where the
/// index is exact.
fn signatures_and_recall(data: &Path) -> (usize, f64) {
    use slate::graph::{nearest::NearestIndex, Scratch, ThemeGraph};
    let loaded =
        slate::catalogue::load::load(data, &slate::catalogue::LoadOptions::default(), &|_| {})
            .expect("generated catalogue loads");
    let graph = ThemeGraph::build(&loaded.catalogue);
    let index = NearestIndex::build(&graph);
    let mut sig_scratch = index.scratch();
    let mut scratch = Scratch::new(&graph);
    let n = graph.film_count() as u32;
    let (mut hits, mut total) = (0usize, 0usize);
    for f in (0..n).step_by((n as usize / 200).max(1)) {
        let fast = index.nearest(&graph, &mut sig_scratch, f, 12, |_| true);
        graph.similar_into(f, &mut scratch.scores, &mut scratch.touched);
        let mut all: Vec<(u32, f32)> = scratch
            .touched
            .iter()
            .filter(|&&g| g != f)
            .map(|&g| (g, scratch.scores[g as usize]))
            .collect();
        scratch.reset();
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        all.truncate(12);
        // A film counts as found when one of equal score was (ties).
        let kth = all.last().map_or(0.0, |x| x.1);
        hits += fast
            .iter()
            .filter(|x| x.1 >= kth - 1e-6)
            .count()
            .min(all.len());
        total += all.len();
    }
    (index.signature_count(), hits as f64 / total.max(1) as f64)
}

fn main() {
    slate::tuning::no_huge_pages();
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_slate"));
    let only: Option<Vec<String>> = std::env::var("SLATE_BENCH_NEIGHBOURS")
        .ok()
        .map(|s| s.split(',').map(|x| x.trim().to_string()).collect());
    // (name, films, on one theme?)
    let cases = [
        ("zipf-100k", 100_000, false),
        ("one-theme-20k", 20_000, true),
        ("one-theme-100k", 100_000, true),
        ("one-theme-440k", 440_000, true),
    ];
    println!("nearest films for every film: `slate graph` and `slate series suggest`, end to end (best of 2)");
    println!(
        "{:>16} {:>10} {:>9} {:>9} {:>9} {:>11} {:>11}",
        "case", "signatures", "recall@12", "graph s", "graph MiB", "suggest s", "suggest MiB"
    );
    for (name, films, single) in cases {
        if only.as_ref().is_some_and(|o| !o.iter().any(|x| x == name)) {
            continue;
        }
        let data = if single {
            one_theme(films)
        } else {
            common::catalogue(films, 10_000)
        };
        let (sigs, recall) = signatures_and_recall(&data);
        let (gs, gm, _) = best_of(2, || {
            let mut c = Command::new(&exe);
            c.arg("--data")
                .arg(&data)
                .args(["graph", "--theme", "theme-0", "--format", "json", "-o", "-"]);
            c
        });
        let (ss, sm, _) = best_of(2, || {
            let mut c = Command::new(&exe);
            c.arg("--data")
                .arg(&data)
                .args(["series", "suggest", "--format", "json"]);
            c
        });
        println!(
            "{name:>16} {sigs:>10} {recall:>9.3} {gs:>9.2} {:>9} {ss:>11.2} {:>11}",
            gm / 1024,
            sm / 1024
        );
    }
}
