//! `slate graph`: the picture of the bundled catalogue's mining films is
//! stable (a golden file, also shown in the README), well formed, legible
//! (labels do not overlap), and every format is written atomically.

mod common;
use common::slate;

use std::path::Path;

use predicates::prelude::*;

fn attr(tag: &str, name: &str) -> Option<f32> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    tag[start..end].parse().ok()
}

#[test]
fn mining_picture_matches_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mining.svg");
    slate()
        .args([
            "graph", "--theme", "mining", "--format", "svg", "--seed", "1", "-o",
        ])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("films"));
    let svg = std::fs::read_to_string(&out).unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/mining-graph.svg");
    if std::env::var_os("SLATE_BLESS").is_some() {
        std::fs::write(&golden, &svg).unwrap();
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_default();
    assert!(
        svg == expected,
        "the mining picture changed; look at it, then run `SLATE_BLESS=1 cargo test --test picture` \
         to accept it (and re-render tests/golden/mining-graph.png for the README with \
         `rsvg-convert -w 1400 tests/golden/mining-graph.svg -o tests/golden/mining-graph.png`)"
    );
}

#[test]
fn labels_do_not_overlap() {
    let out = slate()
        .args(["graph", "--theme", "mining", "--format", "svg", "-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    // Label boxes (estimated as the renderer does) never overlap.
    let labels_group = svg.split("style=\"paint-order:stroke\">").nth(1).unwrap();
    let labels_group = labels_group.split("</g>").next().unwrap();
    let mut boxes = Vec::new();
    for line in labels_group.lines().filter(|l| l.starts_with("<text")) {
        let (x, y) = (attr(line, "x").unwrap(), attr(line, "y").unwrap());
        let text = line.split('>').nth(1).unwrap().split('<').next().unwrap();
        let w = text.chars().count() as f32 * 6.1 + 2.0;
        let x0 = if line.contains("\"start\"") {
            x
        } else if line.contains("\"end\"") {
            x - w
        } else {
            x - w / 2.0
        };
        boxes.push((x0, y - 11.0, x0 + w, y + 2.0));
    }
    assert!(boxes.len() >= 50, "{} labels", boxes.len());
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let overlap = a.0 < b.2 - 0.5 && b.0 < a.2 - 0.5 && a.1 < b.3 - 0.5 && b.1 < a.3 - 0.5;
            assert!(!overlap, "labels overlap: {a:?} {b:?}");
        }
    }
    // One node per film drawn (the films of the JSON form), with a legend.
    let json = slate()
        .args(["graph", "--theme", "mining", "--format", "json", "-o", "-"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let drawn = v["nodes"].as_array().unwrap().len();
    assert_eq!(
        svg.matches("<circle cx").count(),
        drawn + svg.matches("r=\"6\" fill").count()
    );
    assert!(svg.contains("Colour: theme"));
    assert!(svg.contains("Coal mining"));
}

#[test]
fn neighbourhood_in_dot_and_json() {
    let out = slate()
        .args([
            "graph",
            "--around",
            "harlan-county-usa",
            "--depth",
            "1",
            "--format",
            "dot",
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let dot = String::from_utf8(out.stdout).unwrap();
    assert!(dot.starts_with("graph slate {"));
    assert!(dot.contains("\"harlan-county-usa\" [xlabel=\"Harlan County, USA (1976)\""));
    assert!(dot.contains(" -- "));
    let out = slate()
        .args([
            "graph",
            "--around",
            "harlan-county-usa",
            "--depth",
            "2",
            "--max-nodes",
            "20",
            "--format",
            "json",
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let nodes = v["nodes"].as_array().unwrap();
    // A dense neighbourhood (the films near Harlan County are near each
    // other) can hold fewer films than the cap, never more.
    assert!((10..=20).contains(&nodes.len()), "{} nodes", nodes.len());
    assert!(nodes.iter().any(|n| n["id"] == "harlan-county-usa"));
    for n in nodes {
        let (x, y) = (n["x"].as_f64().unwrap(), n["y"].as_f64().unwrap());
        assert!((0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y));
    }
    for e in v["edges"].as_array().unwrap() {
        assert!(e["source"].as_u64().unwrap() < 20 && e["target"].as_u64().unwrap() < 20);
        assert!(e["weight"].as_f64().unwrap() >= 0.25);
    }
}

#[test]
fn bad_requests_are_explained() {
    slate()
        .args(["graph", "--theme", "minig", "--format", "svg", "-o", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `mining`?"));
    slate()
        .args([
            "graph",
            "--around",
            "nowhere film",
            "--format",
            "svg",
            "-o",
            "-",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no film matches"));
    slate()
        .args([
            "graph",
            "--format",
            "svg",
            "-o",
            "/nonexistent-dir/x.svg",
            "--theme",
            "coal",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cannot write /nonexistent-dir/x.svg",
        ));
    slate()
        .args(["graph", "--theme", "coal", "-o", "x.svg"])
        .assert()
        .code(2);
}

#[test]
fn titles_with_markup_are_escaped_in_svg_and_dot() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("themes.toml"),
        "[[theme]]\nid = \"strikes\"\nlabel = \"Strikes <b>&</b>\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("films.toml"),
        r#"[[film]]
id = "a"
title = "<script>alert(1)</script>"
themes = ["strikes"]
sources = ["x"]

[[film]]
id = "b"
title = "\"><img src=x onerror=alert(1)> \\ \"quoted\""
themes = ["strikes"]
sources = ["x"]
"#,
    )
    .unwrap();
    let run = |format: &str| {
        let out = slate()
            .arg("--data")
            .arg(dir.path())
            .args(["graph", "--format", format, "-o", "-"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let svg = run("svg");
    assert!(!svg.contains("<script>") && !svg.contains("<img"), "{svg}");
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(svg.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    let dot = run("dot");
    assert!(
        dot.contains(r#"xlabel="\"><img src=x onerror=alert(1)> \\ \"quoted\"""#),
        "{dot}"
    );
}
