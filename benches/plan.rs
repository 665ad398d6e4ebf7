//! Benchmark: planning at festival scale.
//!
//! Run with `cargo bench --bench plan`. It writes a generated catalogue of
//! 5,000 films and a programme of 10 days × 8 venues × 4 slots (320 slots,
//! 16 series asking for 20 screenings each) under `target/bench-data/`, then
//! runs `slate plan` on it three times and prints the best wall time (load +
//! graph + plan, end to end), peak memory and the plan's figures. The target
//! is 5 s on 2 cores. `SLATE_BENCH_FILMS` changes the catalogue size.

mod common;

use std::path::PathBuf;
use std::process::Command;

fn main() {
    let films: usize = std::env::var("SLATE_BENCH_FILMS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5000);
    let data = common::catalogue(films, films);
    let programme = data.join("festival-10x8x4.toml");
    std::fs::write(
        &programme,
        festival(10, 8, &["11:00", "14:00", "17:30", "21:00"], 16, 20),
    )
    .expect("write programme");
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_slate"));
    let (best, peak, out) = common::best_of(3, || {
        let mut c = Command::new(&exe);
        c.arg("--data")
            .arg(&data)
            .arg("plan")
            .arg(&programme)
            .args(["--format", "json"]);
        c
    });
    let v: serde_json::Value = serde_json::from_str(&out).expect("plan JSON");
    let m = &v["metrics"];
    println!(
        "slate plan at festival scale (10 days × 8 venues × 4 slots, {films} films, 16 series)"
    );
    println!(
        "{:>7} {:>11} {:>8} {:>10} {:>6} {:>10} {:>9} {:>9}",
        "slots", "screenings", "asked", "film min", "fill", "iterations", "best s", "peak MiB"
    );
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

/// A programme over the generated catalogue's themes.
fn festival(days: usize, venues: usize, times: &[&str], series: usize, screenings: u32) -> String {
    let mut t = String::from(
        "name = \"Generated festival\"\ntimezone = \"Europe/Berlin\"\nintro = 10\ninterval = 5\nchangeover = 20\nseed = 1\n",
    );
    for v in 0..venues {
        t.push_str(&format!(
            "\n[[venue]]\nid = \"v{v}\"\nname = \"Venue {v}\"\n"
        ));
    }
    let dates: Vec<String> = (0..days).map(|d| format!("2027-06-{:02}", d + 1)).collect();
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
