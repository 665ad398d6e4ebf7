//! Benchmark: the theme graph on generated catalogues, and `related`
//! against the same query in networkx.
//!
//! Run with `cargo bench --bench graph`. Sizes default to 10k, 100k and 1M
//! films (`SLATE_BENCH_SIZES=10000,100000` to change); catalogues have 200
//! themes with Zipf-distributed popularity and 2–8 themes a film (see
//! `slate::synthetic::Spec::new`) and are written once under
//! `target/bench-data/`. For each size it prints:
//!
//! - load and build: in-process wall time of loading the catalogue and of
//!   building the `ThemeGraph`;
//! - peak memory: max RSS of `slate related` (load + build + one query);
//! - `related` latency once built: median and 95th percentile over 200
//!   films drawn with a fixed seed;
//! - `discover` latency (3 seeds, 20 results): median of 5 runs;
//! - end to end: best of 3 runs of the `slate related` command, and of
//!   `python3 benches/networkx_related.py` (the same model in networkx), and
//!   their ratio. networkx runs up to `SLATE_BENCH_NETWORKX_MAX` films
//!   (default 100000; it needs minutes and many GB at 1M). It is installed
//!   with pip when missing.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use common::run;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use slate::catalogue::load::load;
use slate::catalogue::query::Filter;
use slate::catalogue::LoadOptions;
use slate::graph::{Scratch, ThemeGraph};
use slate::recommend::discover::discover;
use slate::recommend::related::{related, Query};

/// The same allocator as the `slate` binary, so in-process figures match it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    slate::tuning::no_huge_pages();
    let sizes = common::sizes();
    let nx_max: usize = std::env::var("SLATE_BENCH_NETWORKX_MAX")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_slate"));
    let nx_ready = sizes.iter().any(|&n| n <= nx_max) && ensure_networkx();
    println!(
        "theme graph on generated catalogues (200 themes, Zipf popularity, 2-8 themes a film)"
    );
    println!(
        "{:>9} {:>8} {:>8} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>7}",
        "films",
        "edges",
        "load s",
        "build s",
        "peak MiB",
        "rel p50",
        "rel p95",
        "disc p50",
        "slate s",
        "nx s",
        "nx/sl"
    );
    for &n in &sizes {
        let dir = common::catalogue(n, 10_000);
        let t = Instant::now();
        let cat = load(&dir, &LoadOptions::default(), &|_| {})
            .unwrap_or_else(|e| panic!("{:?}", &e.diagnostics[..e.diagnostics.len().min(3)]))
            .catalogue;
        let load_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let graph = ThemeGraph::build(&cat);
        let build_s = t.elapsed().as_secs_f64();
        let mut scratch = Scratch::new(&graph);
        let mut rng = StdRng::seed_from_u64(9);
        let query = Query {
            n: 10,
            ..Query::default()
        };
        let mut lat: Vec<f64> = (0..200)
            .map(|_| {
                let f = rng.random_range(0..cat.len());
                let t = Instant::now();
                let r = related(&cat, &graph, &mut scratch, f, &query);
                std::hint::black_box(r);
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        lat.sort_by(f64::total_cmp);
        let seeds: Vec<usize> = (0..3).map(|_| rng.random_range(0..cat.len())).collect();
        let mut disc: Vec<f64> = (0..5)
            .map(|_| {
                let t = Instant::now();
                let r = discover(&cat, &graph, &seeds, 20, &Filter::default());
                std::hint::black_box(r.ok());
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        disc.sort_by(f64::total_cmp);
        let probe = cat.films()[n / 2].id.clone();
        let edges = graph.edge_count();
        drop(graph);
        drop(cat);
        // End to end, as a user runs it.
        let mut slate_best = f64::MAX;
        let mut peak = 0;
        let mut slate_ids = String::new();
        for _ in 0..3 {
            let (secs, rss, out) = run(Command::new(&exe)
                .arg("--data")
                .arg(&dir)
                .args(["related", &probe, "-n", "10", "--format", "csv"]));
            slate_best = slate_best.min(secs);
            peak = peak.max(rss);
            slate_ids = out
                .lines()
                .skip(1)
                .filter_map(|l| l.split(',').nth(1))
                .collect::<Vec<_>>()
                .join("\n");
        }
        let (nx, ratio) = if nx_ready && n <= nx_max {
            let runs = if n >= 100_000 { 1 } else { 3 };
            let mut best = f64::MAX;
            let mut ids = String::new();
            for _ in 0..runs {
                let (secs, _, out) = run(Command::new("python3")
                    .arg(root.join("benches/networkx_related.py"))
                    .arg(&dir)
                    .args([&probe, "10"]));
                best = best.min(secs);
                ids = out.trim().to_string();
            }
            if ids != slate_ids {
                eprintln!("warning: networkx and slate disagree on the answer for {probe}:\n{ids}\n---\n{slate_ids}");
            }
            (format!("{best:.2}"), format!("{:.0}x", best / slate_best))
        } else {
            ("-".into(), "-".into())
        };
        println!(
            "{:>9} {:>7.1}M {:>8.2} {:>8.2} {:>9.0} {:>7.2}ms {:>7.2}ms {:>7.0}ms {:>9.2} {:>9} {:>7}",
            n,
            edges as f64 / 1e6,
            load_s,
            build_s,
            peak as f64 / 1024.0,
            lat[lat.len() / 2],
            lat[lat.len() * 95 / 100],
            disc[disc.len() / 2],
            slate_best,
            nx,
            ratio
        );
    }
}

/// Installs networkx with pip if it is missing; false if that fails.
fn ensure_networkx() -> bool {
    let ok = |c: &mut Command| {
        c.stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    ok(Command::new("python3").args(["-c", "import networkx"]))
        || ok(Command::new("python3").args(["-m", "pip", "install", "--quiet", "networkx"]))
}
