//! Benchmark: planning at festival scale, and far beyond it.
//!
//! Run with `cargo bench --bench plan`. Over a generated catalogue of 5,000
//! films (`SLATE_BENCH_FILMS` changes it) under `target/bench-data/`, it
//! plans two generated programmes with `slate plan` and prints, for each,
//! the best wall time (load + graph + plan, end to end), the peak memory
//! (max RSS of the child, from `wait4`) and the plan's figures:
//!
//! - a festival of 10 days × 8 venues × 4 slots (320 slots, 16 series asking
//!   for 20 screenings each), best of three; the target is 5 s on 2 cores;
//! - 100,000 slots: 3,125 days × 8 venues × 4 slots (16 series asking for
//!   the most screenings allowed, 10,000 each, so most slots stay empty and
//!   every one is explained), run once; it must stay within 2 GiB.
//!   `SLATE_BENCH_PLAN_LARGE=0` skips it.
//!
//! Both run with the default settings: no time limit, the iteration budget
//! of `slate::schedule::search::default_iterations`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let films: usize = std::env::var("SLATE_BENCH_FILMS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5000);
    let data = common::catalogue(films, films);
    println!("slate plan over {films} generated films, 16 series, default settings");
    println!(
        "{:>7} {:>11} {:>8} {:>10} {:>6} {:>10} {:>9} {:>9}",
        "slots", "screenings", "asked", "film min", "fill", "iterations", "best s", "peak MiB"
    );
    let festival = data.join("festival-10x8x4.toml");
    std::fs::write(
        &festival,
        programme(10, 8, &["11:00", "14:00", "17:30", "21:00"], 16, 20),
    )
    .expect("write programme");
    bench(&data, &festival, 3);
    if std::env::var("SLATE_BENCH_PLAN_LARGE").as_deref() != Ok("0") {
        let large = data.join("large-3125x8x4.toml");
        std::fs::write(
            &large,
            programme(3125, 8, &["11:00", "14:00", "17:30", "21:00"], 16, 10_000),
        )
        .expect("write programme");
        bench(&data, &large, 1);
    }
}

/// Plans `programme` `runs` times and prints a row of figures.
fn bench(data: &Path, programme: &Path, runs: usize) {
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_slate"));
    let (best, peak, out) = common::best_of(runs, || {
        let mut c = Command::new(&exe);
        c.arg("--data")
            .arg(data)
            .arg("plan")
            .arg(programme)
            .args(["--format", "json"]);
        c
    });
    let v: serde_json::Value = serde_json::from_str(&out).expect("plan JSON");
    let m = &v["metrics"];
    println!(
        "{:>7} {:>11} {:>8} {:>10} {:>5.0}% {:>10} {:>9.2} {:>9.0}",
        m["slots"].as_u64().unwrap_or(0),
        m["screenings"].as_u64().unwrap_or(0),
        m["screenings_requested"].as_u64().unwrap_or(0),
        m["film_minutes"].as_u64().unwrap_or(0),
        m["fill"].as_f64().unwrap_or(0.0) * 100.0,
        m["iterations"].as_u64().unwrap_or(0),
        best,
        peak as f64 / 1024.0
    );
}

/// A programme over the generated catalogue's themes: `days` from
/// 2027-06-01, each venue with a slot at each of `times`.
fn programme(days: usize, venues: usize, times: &[&str], series: usize, screenings: u32) -> String {
    let mut t = String::from(
        "name = \"Generated festival\"\ntimezone = \"Europe/Berlin\"\nintro = 10\ninterval = 5\nchangeover = 20\nseed = 1\n",
    );
    for v in 0..venues {
        t.push_str(&format!(
            "\n[[venue]]\nid = \"v{v}\"\nname = \"Venue {v}\"\n"
        ));
    }
    let first = jiff::civil::date(2027, 6, 1);
    let dates: Vec<String> = (0..days)
        .map(|d| {
            first
                .checked_add(jiff::Span::new().days(d as i64))
                .expect("a date in range")
                .to_string()
        })
        .collect();
    let venue_ids: Vec<String> = (0..venues).map(|v| format!("\"v{v}\"")).collect();
    for time in times {
        let length = if time.starts_with('1') && *time < "17:00" {
            160
        } else {
            190
        };
        t.push_str(&format!(
            "\n[[slots]]\nvenues = [{}]\ndates = [{}]\ntimes = [\"{time}\"]\nlength = {length}\n",
            venue_ids.join(", "),
            dates.join(", ")
        ));
    }
    for s in 0..series {
        // Themes of middling popularity, two a series.
        let a = 20 + (s * 7) % 160;
        let b = 20 + (s * 13 + 5) % 160;
        t.push_str(&format!(
            "\n[[series]]\nid = \"s{s}\"\ntitle = \"Series {s}\"\nthemes = [\"theme-{a}\", \"theme-{b}\"]\nscreenings = {screenings}\n"
        ));
    }
    t
}
