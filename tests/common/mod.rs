//! Helpers shared by the end-to-end tests (each test file uses what it needs).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `slate` binary, run from the repository root, with no SLATE_DATA
/// from the environment.
pub fn slate() -> Command {
    let mut c = Command::cargo_bin("slate").unwrap();
    c.env_remove("SLATE_DATA").current_dir(root());
    c
}

/// Copies a directory tree (fixtures into a temporary directory).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// Runs a command that must succeed and returns its standard output; a
/// failure shows the command and its standard error.
pub fn stdout_of(cmd: &mut Command) -> Vec<u8> {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Runs a command that must succeed and reads its standard output as JSON.
pub fn json_of<T: serde::de::DeserializeOwned>(cmd: &mut Command) -> T {
    serde_json::from_slice(&stdout_of(cmd)).unwrap()
}

/// The catalogue in a data directory checks.
pub fn assert_catalogue_loads(data: &Path) {
    slate()
        .arg("--data")
        .arg(data)
        .args(["catalog", "check"])
        .assert()
        .success();
}

/// Whether a tool a test needs is here: outside CI a test without it is
/// skipped (and says so); in CI (CI=true) its absence fails.
pub fn present(ok: bool, what: &str, install: &str) -> bool {
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must run {what}: install {install}"
        );
        eprintln!("skipping {what}: {install} is missing here");
    }
    ok
}

/// The festival-constraints plan (tests/fixtures/plans): a one-off opening
/// night with a guest, a note and its own introduction, a double bill with
/// a discussion and copy formats screened twice (`repeat_of`), and a pair
/// of shorts with guests but no discussion — written as slate writes plans.
pub const FESTIVAL_PLAN: &str = "tests/fixtures/plans/festival-constraints.json";

/// The festival-constraints plan, read as the exports read plans.
pub fn festival_plan() -> slate::schedule::Plan {
    serde_json::from_str(&std::fs::read_to_string(root().join(FESTIVAL_PLAN)).unwrap()).unwrap()
}

/// The bundled catalogue (data/), loaded as the commands load it.
pub fn bundled_catalogue() -> slate::Catalogue {
    use slate::catalogue::{load::load, LoadOptions};
    match load(&root().join("data"), &LoadOptions::default(), &|_| {}) {
        Ok(l) => l.catalogue,
        Err(e) => panic!("{}", slate::diagnostics::render(&e.diagnostics)),
    }
}

/// The bundled catalogue and its theme graph, loaded once per test binary.
pub fn bundled() -> &'static (slate::Catalogue, slate::graph::ThemeGraph) {
    static B: std::sync::OnceLock<(slate::Catalogue, slate::graph::ThemeGraph)> =
        std::sync::OnceLock::new();
    B.get_or_init(|| {
        let cat = slate::catalogue::load::load(
            &root().join("data"),
            &slate::catalogue::LoadOptions::default(),
            &|_| {},
        )
        .unwrap_or_else(|e| panic!("{:?}", e.diagnostics))
        .catalogue;
        let graph = slate::graph::ThemeGraph::build(&cat);
        (cat, graph)
    })
}

/// Whether headless Chromium and playwright's Python driver are here; CI
/// (CI=true) installs both and must run the browser tests.
pub fn browser() -> bool {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    present(
        Path::new(&chromium).exists()
            && std::process::Command::new("python3")
                .args(["-c", "import playwright.sync_api"])
                .status()
                .is_ok_and(|s| s.success()),
        "the browser tests",
        "Debian's chromium and `pip install playwright`",
    )
}

pub fn shots() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-shots")
}

pub fn check_in_browser(
    page: &Path,
    plan: &Path,
    name: &str,
    expect: &[&str],
) -> serde_json::Value {
    let mut cmd = std::process::Command::new("python3");
    cmd.arg(root().join("tests/browser_check.py"))
        .arg(page)
        .arg(plan)
        .arg(shots())
        .arg(name);
    for t in expect {
        cmd.args(["--expect-text", t]);
    }
    let o = cmd.output().unwrap();
    assert!(
        o.status.success(),
        "browser check of {name} failed:\n{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let figures: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    eprintln!("{name}: {figures} (screenshots in {})", shots().display());
    figures
}

/// The shared schemas and the Python modules the checker needs, when here.
pub fn feed_schemas() -> Option<PathBuf> {
    let dir = root().join("../shared/schemas");
    let modules = std::process::Command::new("python3")
        .args(["-c", "import lxml, jsonschema, rfc3986_validator"])
        .output()
        .is_ok_and(|o| o.status.success());
    present(
        dir.join("schedule.xml.xsd").exists() && modules,
        "the schedule feed schemas",
        "../shared/schemas and `python3 -m pip install lxml 'jsonschema[format-nongpl]'`",
    )
    .then_some(dir)
}

/// Validates a programme's feeds against the schemas (tests/feeds_check.py):
/// XSD, JSON schema, the two files agreeing, guids among the calendar's UIDs.
pub fn check_feeds(xml: &Path, json: &Path, ics: &Path) {
    let Some(schemas) = feed_schemas() else {
        return;
    };
    let o = std::process::Command::new("python3")
        .arg(root().join("tests/feeds_check.py"))
        .arg(&schemas)
        .args([xml, json, ics])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success() && report.contains("feeds_check: PASS"),
        "{report}{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The text of a page's schema.org JSON-LD block (`<script
/// type="application/ld+json">`); panics when there is none.
pub fn jsonld_block(page: &str) -> &str {
    page.split("<script type=\"application/ld+json\">")
        .nth(1)
        .expect("a JSON-LD block")
        .split("</script>")
        .next()
        .expect("its end")
}
