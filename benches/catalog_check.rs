//! Benchmark: `slate catalog check` on generated catalogues.
//!
//! Run with `cargo bench --bench catalog_check` (sizes default to 10k, 100k
//! and 1M films; override with `SLATE_BENCH_SIZES=10000,100000`). For each size
//! it writes a catalogue under `target/bench-data/`, runs the release binary
//! several times and prints a table of the best wall time and the peak memory
//! (max RSS of the child process, from `wait4`).
//!
//! `SLATE_BENCH_PER_FILE` sets films per file (default 10,000; set it to the
//! size itself to measure one single big file).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    slate::tuning::no_huge_pages();
    let sizes = common::sizes();
    let per_file: usize = std::env::var("SLATE_BENCH_PER_FILE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_slate"));
    println!(
        "slate catalog check on generated catalogues ({} cores)",
        cores()
    );
    println!(
        "{:>10} {:>6} {:>9} {:>9} {:>12} {:>12}",
        "films", "files", "MB", "best s", "films/s", "peak MiB"
    );
    for &n in &sizes {
        let dir = common::catalogue(n, per_file);
        let files = slate::catalogue::load::film_files(&dir).expect("list files");
        let bytes: u64 = files
            .iter()
            .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
            .sum();
        let runs = if n >= 1_000_000 { 3 } else { 5 };
        let mut best = f64::MAX;
        let mut peak = 0u64;
        for _ in 0..runs {
            let (secs, rss) = run(&exe, &dir);
            best = best.min(secs);
            peak = peak.max(rss);
        }
        println!(
            "{:>10} {:>6} {:>9.1} {:>9.3} {:>12.0} {:>12.1}",
            n,
            files.len(),
            bytes as f64 / 1e6,
            best,
            n as f64 / best,
            peak as f64 / 1024.0
        );
    }
}

fn cores() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// Runs one check; returns wall seconds and the child's max RSS in KiB.
fn run(exe: &Path, dir: &Path) -> (f64, u64) {
    let (secs, rss, _) = common::run(
        Command::new(exe)
            .arg("--data")
            .arg(dir)
            .args(["catalog", "check"]),
    );
    (secs, rss)
}
