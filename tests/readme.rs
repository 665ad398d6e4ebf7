//! The README's walkthrough and the reference pages in `docs/` must stay
//! true: every ```console block that starts with `$ slate …` is run, and its
//! output must begin with the lines shown (up to a line holding only "…",
//! which marks an excerpt).

use assert_cmd::Command;

/// Splits a shell-like command line (double quotes only, as the README uses).
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Runs every console block of a Markdown file; returns how many ran.
fn check_console_blocks(path: &str) -> usize {
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/{path}")).unwrap();
    let mut checked = 0;
    for block in text.split("```console\n").skip(1) {
        let block = block.split("```").next().unwrap();
        let mut lines = block.lines();
        let Some(cmd) = lines.next().and_then(|l| l.strip_prefix("$ slate ")) else {
            continue;
        };
        // What a command writes under `target/` goes to a fresh directory,
        // so that a first run's output ("first publication") is what the
        // block shows however often the tests ran before; the output names
        // it `target/` again.
        let scratch = tempfile::tempdir().unwrap();
        let scratch_target = scratch.path().join("target");
        let args: Vec<String> = words(cmd)
            .into_iter()
            .map(|a| match a.strip_prefix("target/") {
                Some(rest) => scratch_target.join(rest).to_string_lossy().into_owned(),
                None => a,
            })
            .collect();
        let out = Command::cargo_bin("slate")
            .unwrap()
            .env_remove("SLATE_DATA")
            .env("COLUMNS", "200")
            .current_dir(root)
            .args(&args)
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
        .replace(&*scratch_target.to_string_lossy(), "target");
        let mut actual = text.lines();
        for expected in lines {
            if expected.trim() == "…" {
                break;
            }
            assert_eq!(
                actual.next(),
                Some(expected),
                "{path} block `$ slate {cmd}` is out of date; actual output:\n{text}"
            );
        }
        checked += 1;
    }
    checked
}

#[test]
fn readme_walkthrough_shows_real_output() {
    let checked = check_console_blocks("README.md");
    assert!(checked >= 5, "only {checked} console blocks found");
}

#[test]
fn reference_pages_show_real_output() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut pages: Vec<String> = std::fs::read_dir(format!("{root}/docs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    pages.sort();
    let checked: usize = pages
        .iter()
        .map(|p| check_console_blocks(&format!("docs/{p}")))
        .sum();
    assert!(checked >= 1, "no console block in docs/");
}

#[test]
fn the_readme_stays_an_entry_page() {
    let root = env!("CARGO_MANIFEST_DIR");
    let size = std::fs::metadata(format!("{root}/README.md"))
        .unwrap()
        .len();
    assert!(
        size <= 32 * 1024,
        "README.md is {size} bytes: move reference material into docs/"
    );
}
