//! Shared by the benchmark harnesses (each uses what it needs): the sizes
//! to run, generated
//! catalogues, and running a command with its wall time and peak memory.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Sizes from `SLATE_BENCH_SIZES` (comma-separated), default 10k, 100k, 1M.
pub fn sizes() -> Vec<usize> {
    std::env::var("SLATE_BENCH_SIZES")
        .unwrap_or_else(|_| "10000,100000,1000000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

/// A generated catalogue of `n` films, `per_file` a file, written once under
/// `target/bench-data/`.
pub fn catalogue(n: usize, per_file: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-data")
        .join(format!("zipf-{n}-per-{per_file}"));
    if !dir.join("themes.toml").exists() {
        let spec = slate::synthetic::Spec {
            per_file: per_file.min(n),
            ..slate::synthetic::Spec::new(n)
        };
        slate::synthetic::write_catalogue(&dir, &spec).expect("write generated catalogue");
    }
    dir
}

/// Runs a command; returns wall seconds, the child's max RSS in KiB (from
/// `wait4`, so this child's alone) and its stdout. Panics if it fails.
// The child is reaped by wait4 (which also gives its rusage), not Child::wait.
#[allow(clippy::zombie_processes)]
pub fn run(cmd: &mut Command) -> (f64, u64, String) {
    use std::io::Read;
    let start = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start command");
    let mut out = String::new();
    child
        .stdout
        .take()
        .expect("piped stdout")
        .read_to_string(&mut out)
        .expect("read output");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(r, pid, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "command failed: {cmd:?}"
    );
    (secs, usage.ru_maxrss as u64, out)
}

/// Runs a command `n` times; returns the best wall seconds, the highest peak
/// memory (KiB) and the last run's stdout.
pub fn best_of(n: usize, mut make: impl FnMut() -> Command) -> (f64, u64, String) {
    let mut best = f64::MAX;
    let mut peak = 0;
    let mut out = String::new();
    for _ in 0..n {
        let (secs, rss, stdout) = run(&mut make());
        best = best.min(secs);
        peak = peak.max(rss);
        out = stdout;
    }
    (best, peak, out)
}
