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

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn main() {
    let sizes: Vec<usize> = std::env::var("SLATE_BENCH_SIZES")
        .unwrap_or_else(|_| "10000,100000,1000000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let per_file: usize = std::env::var("SLATE_BENCH_PER_FILE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_slate"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    println!(
        "slate catalog check on generated catalogues ({} cores)",
        cores()
    );
    println!(
        "{:>10} {:>6} {:>9} {:>9} {:>12} {:>12}",
        "films", "files", "MB", "best s", "films/s", "peak MiB"
    );
    for &n in &sizes {
        let dir = root.join(format!("zipf-{n}-per-{per_file}"));
        if !dir.join("themes.toml").exists() {
            let spec = slate::synthetic::Spec {
                per_file: per_file.min(n),
                ..slate::synthetic::Spec::new(n)
            };
            slate::synthetic::write_catalogue(&dir, &spec).expect("write generated catalogue");
        }
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
// The child is reaped by wait4 (which also gives its rusage), not Child::wait.
#[allow(clippy::zombie_processes)]
fn run(exe: &Path, dir: &Path) -> (f64, u64) {
    let start = Instant::now();
    let child = Command::new(exe)
        .args(["--data"])
        .arg(dir)
        .args(["catalog", "check"])
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("start slate");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(r, pid, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "slate catalog check failed on {}",
        dir.display()
    );
    (secs, usage.ru_maxrss as u64)
}
