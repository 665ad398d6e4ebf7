//! The catalogue under concurrent and interrupted writers: two imports at
//! once both land; an import killed at any point leaves the old catalogue
//! or the new one (finished by the next run), never a mix, and no
//! temporary files.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{copy_dir, root, slate};
use serde_json::Value;

/// A CSV listing of `n` films that the catalogue does not have, with a
/// title prefix of its own.
fn listing(dir: &Path, prefix: &str, n: usize) -> PathBuf {
    let mut text = String::from("title,year,director,runtime\n");
    for i in 0..n {
        text.push_str(&format!(
            "{prefix} Ledger {i:05},2001,Ana {prefix} Lopes {i},90\n"
        ));
    }
    let path = dir.join(format!("{prefix}.csv"));
    std::fs::write(&path, text).unwrap();
    path
}

/// A listing that merges into several catalogue files and adds new films:
/// a commit of several files.
fn mixed_listing(dir: &Path, n: usize) -> PathBuf {
    let path = listing(dir, "Mixed", n);
    let mut text = std::fs::read_to_string(&path).unwrap();
    // Films of four catalogue files (their sources get a new entry).
    for known in [
        "Harlan County USA,1976,Barbara Kopple,103",
        "Tout va bien,1972,Jean-Luc Godard,95",
        "Brassed Off,1996,Mark Herman,107",
        "Salt of the Earth,1954,Herbert J. Biberman,94",
    ] {
        text.push_str(known);
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn data_copy(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    copy_dir(&root().join("data"), &data);
    data
}

fn film_count(data: &Path) -> u64 {
    let out = slate()
        .arg("--data")
        .arg(data)
        .args(["catalog", "check", "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["ok"],
        true,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    report["films"].as_u64().unwrap()
}

fn leftovers(data: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for dir in [data.to_path_buf(), data.join("films")] {
        for e in std::fs::read_dir(dir).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            if name.starts_with(".slate-") {
                out.push(name);
            }
        }
    }
    out
}

fn import(data: &Path, listing: &Path) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("slate"));
    c.env_remove("SLATE_DATA")
        .arg("--data")
        .arg(data)
        .arg("import")
        .arg(listing)
        .args(["--source", "https://example.org/listing"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

#[test]
fn two_imports_at_once_both_land() {
    let tmp = tempfile::tempdir().unwrap();
    let a = listing(tmp.path(), "Alpha", 300);
    let b = listing(tmp.path(), "Beta", 300);
    for round in 0..6 {
        let data = tmp.path().join(format!("round{round}"));
        copy_dir(&root().join("data"), &data);
        let before = film_count(&data);
        let first = import(&data, &a).spawn().unwrap();
        let second = import(&data, &b).spawn().unwrap();
        let (x, y) = (
            first.wait_with_output().unwrap(),
            second.wait_with_output().unwrap(),
        );
        assert!(x.status.success(), "{}", String::from_utf8_lossy(&x.stderr));
        assert!(y.status.success(), "{}", String::from_utf8_lossy(&y.stderr));
        assert_eq!(
            film_count(&data),
            before + 600,
            "round {round}: an import was lost"
        );
        assert!(leftovers(&data).is_empty());
    }
}

#[test]
// The crash points are compiled only with debug assertions (see
// `atomic_file::batch`): a release build has nothing to cut short.
#[cfg_attr(
    not(debug_assertions),
    ignore = "crash points exist only in debug builds"
)]
fn an_import_cut_short_at_each_step_leaves_old_or_new() {
    let tmp = tempfile::tempdir().unwrap();
    let listing = mixed_listing(tmp.path(), 50);
    let fresh = data_copy(&tmp.path().join("fresh"));
    let old = film_count(&fresh);
    // The whole import: how many files it writes.
    let full = tmp.path().join("full");
    copy_dir(&fresh, &full);
    let out = import(&full, &listing).output().unwrap();
    assert!(out.status.success());
    let new = film_count(&full);
    assert_eq!(new, old + 50);
    let files_written = String::from_utf8_lossy(&out.stderr)
        .matches(".toml")
        .count();
    assert!(files_written >= 3, "a commit of several files");
    let mut points = vec!["journaled".to_string()];
    points.extend((1..=files_written).map(|k| format!("renamed:{k}")));
    for point in points {
        let data = tmp.path().join(format!("cut-{point}").replace(':', "-"));
        copy_dir(&fresh, &data);
        let out = import(&data, &listing)
            .env("SLATE_TEST_CRASH", &point)
            .output()
            .unwrap();
        assert!(
            !out.status.success(),
            "{point}: the import was not cut short"
        );
        // The next run (a reader) finishes the commit: all new.
        assert_eq!(film_count(&data), new, "{point}");
        assert!(
            leftovers(&data).is_empty(),
            "{point}: {:?}",
            leftovers(&data)
        );
        // Every merged film's file got its source exactly once.
        let sources: usize = std::fs::read_dir(data.join("films"))
            .unwrap()
            .map(|e| {
                std::fs::read_to_string(e.unwrap().path())
                    .unwrap()
                    .matches("https://example.org/listing")
                    .count()
            })
            .sum();
        assert_eq!(sources, 54, "{point}: 50 new films and 4 merged ones");
    }
}

#[test]
fn an_import_killed_at_random_moments_leaves_old_or_new() {
    let tmp = tempfile::tempdir().unwrap();
    let listing = mixed_listing(tmp.path(), 600);
    let fresh = data_copy(&tmp.path().join("fresh"));
    let old = film_count(&fresh);
    let new = old + 600;
    let (mut olds, mut news) = (0, 0);
    // 40 kills, spread over the run (about half a second in a debug build;
    // deterministic delays).
    for k in 0..40u64 {
        let data = tmp.path().join(format!("kill{k}"));
        copy_dir(&fresh, &data);
        let mut child = import(&data, &listing).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(10 + k * 37 % 500));
        let _ = child.kill();
        let _ = child.wait();
        let count = film_count(&data);
        assert!(
            count == old || count == new,
            "kill {k}: {count} films, a mix"
        );
        if count == old {
            olds += 1;
        } else {
            news += 1;
        }
        assert!(
            leftovers(&data).is_empty(),
            "kill {k}: {:?}",
            leftovers(&data)
        );
        // Whatever state it is in, the next import completes it.
        let out = import(&data, &listing).output().unwrap();
        assert!(
            out.status.success(),
            "kill {k}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(film_count(&data), new, "kill {k}");
    }
    eprintln!("40 kills: {olds} left the old catalogue, {news} the new one");
}
