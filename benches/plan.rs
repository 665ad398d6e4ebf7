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
//! - the same festival under every rule of a real one: half the series
//!   with `repeats = 2`, copies with windows and formats for a third of the
//!   films, venues projecting only some formats, 20 guests with windows and
//!   10 fixed screenings (best of three; target 5 s);
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
    slate::tuning::no_huge_pages();
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
    // The same festival with every rule of a real one (issue 13): half the
    // series repeated, copies for a third of the films, 20 guests, 10 fixed
    // screenings, venues that project only some formats.
    let constrained = data.join("festival-10x8x4-constrained.toml");
    let mut text = programme(10, 8, &["11:00", "14:00", "17:30", "21:00"], 16, 20)
        .replace(
            "name = \"Venue 1\"\n",
            "name = \"Venue 1\"\nformats = [\"DCP\"]\n",
        )
        .replace(
            "name = \"Venue 3\"\n",
            "name = \"Venue 3\"\nformats = [\"DCP\"]\n",
        );
    for s in (0..16).step_by(2) {
        text = text.replace(
            &format!("id = \"s{s}\"\n"),
            &format!("id = \"s{s}\"\nrepeats = 2\n"),
        );
    }
    text.push_str(&constraints(&data, 10, 8, films));
    std::fs::write(&constrained, text).expect("write programme");
    bench(&data, &constrained, 3);
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

/// Runtimes and themes of the generated films, by number (`film-N`).
fn runtimes(data: &Path) -> Vec<(usize, u32, Vec<String>)> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(data.join("films"))
        .expect("generated films")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).expect("film file");
        let (mut id, mut runtime) = (None, None);
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("id = \"film-") {
                id = rest.trim_end_matches('"').parse::<usize>().ok();
            } else if let Some(r) = line.strip_prefix("runtime = ") {
                runtime = r.parse().ok();
            } else if let (Some(n), Some(r), Some(t)) =
                (id, runtime, line.strip_prefix("themes = "))
            {
                let themes = t
                    .trim_matches(|c| c == '[' || c == ']')
                    .split(',')
                    .map(|x| x.trim().trim_matches('"').to_string())
                    .collect();
                out.push((n, r, themes));
            }
        }
    }
    out
}

/// The keys of a real festival for the generated programme: formats,
/// repeats, copies, guests and fixed screenings (deterministic).
fn constraints(data: &Path, days: usize, venues: usize, films: usize) -> String {
    let mut t = String::new();
    let first = jiff::civil::date(2027, 6, 1);
    let day = |d: usize| {
        first
            .checked_add(jiff::Span::new().days(d as i64))
            .expect("in range")
    };
    for k in (0..films).step_by(3) {
        let from = k % days;
        let until = (from + 4).min(days - 1);
        t.push_str(&format!(
            "\n[[copy]]\nfilm = \"film-{k}\"\nformat = \"{}\"\nfrom = {}\nuntil = {}\n",
            if k % 2 == 0 { "DCP" } else { "35mm" },
            day(from),
            day(until)
        ));
    }
    let runtimes = runtimes(data);
    let fitting: Vec<usize> = runtimes
        .iter()
        .filter(|(n, r, _)| *r <= 150 && n % 3 != 0)
        .map(|(n, _, _)| *n)
        .collect();
    // Guests come for films their series may screen: films carrying a
    // series' first theme (see `programme`).
    let series_themes: Vec<String> = (0..16)
        .map(|s| format!("theme-{}", 20 + (s * 7) % 160))
        .collect();
    let guest_films: Vec<usize> = runtimes
        .iter()
        .filter(|(n, r, t)| *r <= 150 && n % 3 != 0 && t.iter().any(|x| series_themes.contains(x)))
        .map(|(n, _, _)| *n)
        .collect();
    // Guests' films and fixed films apart (a fixed film's guest would have
    // to be in town for it).
    let half = guest_films.len() / 2;
    for g in 0..20 {
        let d = (g * 3) % (days - 2);
        t.push_str(&format!(
            "\n[[guest]]\nname = \"Guest {g}\"\nfilms = [\"film-{}\", \"film-{}\"]\ndiscussion = 20\navailable = [{{ from = {}T10:00:00, until = {}T23:59:00 }}]\n",
            guest_films[(g * 37) % half],
            guest_films[(g * 53 + 11) % half],
            day(d),
            day(d + 2)
        ));
    }
    for f in 0..10 {
        let v = f % venues;
        let d = f % days;
        t.push_str(&format!(
            "\n[[fixed]]\nslot = \"v{v}-{}-2100\"\nfilms = [\"film-{}\"]\ntitle = \"Gala {f}\"\ndiscussion = 30\n",
            day(d).strftime("%Y%m%d"),
            fitting
                .iter()
                .filter(|x| !guest_films[..half].contains(x))
                .nth((f * 101 + 7) % (fitting.len() - half))
                .expect("enough films")
        ));
    }
    t
}
