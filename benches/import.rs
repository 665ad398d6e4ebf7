//! Benchmark: importing a generated 10 MB listing (about 20,000 entries in
//! labelled blocks, half of them films the catalogue has) against a
//! generated 100,000-film catalogue, end to end (`slate import --dry-run`:
//! load, parse, tag, match, report). Target: under 3 s. Run with
//! `cargo bench --bench import`.

mod common;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    slate::tuning::no_huge_pages();
    let data = common::catalogue(100_000, 10_000);
    let cat = slate::catalogue::load::load(&data, &Default::default(), &|_| {})
        .expect("generated catalogue loads")
        .catalogue;
    let mut listing = String::from("Category Archives: Generated\n\n");
    let mut n = 0;
    while listing.len() < 10_000_000 {
        let f = &cat.films()[(n * 7919) % cat.len()];
        let known = n % 2 == 0;
        let title = if known {
            f.title.clone()
        } else {
            format!("Unlisted Work {n}")
        };
        let _ = write!(
            listing,
            "{title} ({})\n\nDirected by: {}\nRunning Time: {} min\nStarring: N/A\n\nSynopsis: Workers at the {} strike when the owners close the mine; the union organises a picket line and the town's women run the soup kitchen through the winter. {}\n\n\n",
            f.year.unwrap_or(1970),
            if known { f.directors[0].clone() } else { format!("Someone {n}") },
            f.runtime.unwrap_or(90),
            ["factory", "steel mill", "shipyard", "colliery"][n % 4],
            "A long and careful portrait of work and its end. ".repeat(5)
        );
        n += 1;
    }
    let path = data.join("listing-10mb.txt");
    std::fs::write(&path, &listing).expect("write listing");
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_slate"));
    let (best, peak, out) = common::best_of(3, || {
        let mut c = Command::new(&exe);
        c.arg("--data")
            .arg(&data)
            .arg("import")
            .arg(&path)
            .args(["--dry-run", "--format", "json"]);
        c
    });
    let report: serde_json::Value = serde_json::from_str(&out).expect("report JSON");
    let entries = report.as_array().map(Vec::len).unwrap_or(0);
    let merged = report
        .as_array()
        .map(|r| r.iter().filter(|e| e["status"] == "merged").count())
        .unwrap_or(0);
    println!(
        "slate import --dry-run: {:.1} MB listing against {} films",
        listing.len() as f64 / 1e6,
        cat.len()
    );
    println!(
        "{:>9} {:>8} {:>9} {:>9}",
        "entries", "merged", "best s", "peak MiB"
    );
    println!(
        "{:>9} {:>8} {:>9.2} {:>9.0}",
        entries,
        merged,
        best,
        peak as f64 / 1024.0
    );
}
