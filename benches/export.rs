//! Benchmark: exporting a calendar of 10,000 screenings (in process: building
//! the events and writing the calendar, with a previous calendar of the same
//! size to compare against; target: under 0.5 s), and the web page of the
//! same plan (`export::html::render`, without catalogue or picture). Run with
//! `cargo bench --bench export`.

use std::time::Instant;

use slate::export::ical::previous::Previous;
use slate::export::ical::{calendar, events, Options};
use slate::schedule::{Metrics, Plan, ScreenedFilm, Screening};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn plan(n: usize) -> Plan {
    let start: jiff::Timestamp = "2027-03-01T10:00:00Z".parse().unwrap();
    let tz = jiff::tz::TimeZone::get("Europe/Lisbon").unwrap();
    let screenings = (0..n)
        .map(|i| {
            let s = start + jiff::SignedDuration::from_mins(97 * i as i64);
            let e = s + jiff::SignedDuration::from_mins(95);
            let fmt = |t: jiff::Timestamp| {
                t.to_zoned(tz.clone())
                    .strftime("%Y-%m-%dT%H:%M:%S%:z")
                    .to_string()
            };
            Screening {
                id: format!("series-{}@slot-{i}", i % 40),
                slot: format!("slot-{i}"),
                venue: format!("v{}", i % 8),
                venue_name: format!("Cinema {} – Sala {}", i % 8, i % 3),
                venue_address: Some("Avenida da Liberdade 175, 1250-141 Lisboa".into()),
                venue_url: None,
                day: slate::programme::Slot::festival_day(
                    s.to_zoned(tz.clone()).datetime(),
                    slate::programme::values::DAY_STARTS,
                )
                .to_string(),
                start: fmt(s),
                end: fmt(e),
                slot_end: fmt(e),
                series: format!("series-{}", i % 40),
                series_title: format!("Series {} — Strikes, Solidarity; and the Factory", i % 40),
                films: vec![ScreenedFilm {
                    id: format!("film-{i}"),
                    title: format!("A Fábrica de Nada, part {i}"),
                    runtime: 85,
                    year: Some(2017),
                    directors: vec!["Pedro Pinho".into()],
                    ..Default::default()
                }],
                minutes: 95,
                free_minutes: 0,
                kept: false,
                ..Default::default()
            }
        })
        .collect();
    Plan {
        programme: "Benchmark festival".into(),
        timezone: "Europe/Lisbon".into(),
        intro: 10,
        interval: 5,
        screenings,
        metrics: Metrics {
            slots: n,
            slots_used: n,
            screenings_requested: n as u32,
            screenings: n as u32,
            ..Metrics::default()
        },
        ..Plan::default()
    }
}

fn main() {
    slate::tuning::no_huge_pages();
    let n = 10_000;
    let p = plan(n);
    let now: jiff::Timestamp = "2027-01-15T08:00:00Z".parse().unwrap();
    let mut best_first = f64::MAX;
    let mut best_again = f64::MAX;
    let mut bytes = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let (evs, _) = events(
            &p,
            None,
            &Options {
                now,
                previous: None,
                new_identity: false,
            },
        )
        .unwrap();
        let all: Vec<&_> = evs.iter().collect();
        let text = calendar(&p, &p.programme, &all, now).unwrap();
        best_first = best_first.min(t.elapsed().as_secs_f64());
        bytes = text.len();
        // Re-publishing against the first file (parse + compare + write).
        let t = Instant::now();
        let previous = Previous::parse(text.as_bytes()).unwrap();
        let (evs, changes) = events(
            &p,
            None,
            &Options {
                now,
                previous: Some(&previous),
                new_identity: false,
            },
        )
        .unwrap();
        assert_eq!(changes.unchanged, n);
        let all: Vec<&_> = evs.iter().collect();
        let again = calendar(&p, &p.programme, &all, now).unwrap();
        best_again = best_again.min(t.elapsed().as_secs_f64());
        assert_eq!(again, text);
    }
    let mut best_page = f64::MAX;
    let mut page_bytes = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let page = slate::export::html::render(&slate::export::html::Page {
            plan: &p,
            catalogue: None,
            picture: None,
            calendars: Default::default(),
            status: Default::default(),
            internal: true,
            now: None,
        })
        .unwrap();
        best_page = best_page.min(t.elapsed().as_secs_f64());
        page_bytes = page.len();
    }
    // The frab feeds: the schedule model, then each writing.
    let (mut best_xml, mut best_json) = (f64::MAX, f64::MAX);
    let (mut xml_bytes, mut json_bytes) = (0, 0);
    let guid = |s: &slate::schedule::Screening| slate::export::ical::uid(&p.programme, &s.id);
    for _ in 0..5 {
        let t = Instant::now();
        let schedule = slate::export::frab::schedule(&p, None, &guid).unwrap();
        let xml = slate::export::frab::xml(&schedule);
        best_xml = best_xml.min(t.elapsed().as_secs_f64());
        xml_bytes = xml.len();
        let t = Instant::now();
        let schedule = slate::export::frab::schedule(&p, None, &guid).unwrap();
        let json = slate::export::frab::json(&schedule);
        best_json = best_json.min(t.elapsed().as_secs_f64());
        json_bytes = json.len();
    }
    println!(
        "calendar export of {n} screenings ({:.1} MB); web page {:.1} MB; schedule.xml {:.1} MB, schedule.json {:.1} MB",
        bytes as f64 / 1e6,
        page_bytes as f64 / 1e6,
        xml_bytes as f64 / 1e6,
        json_bytes as f64 / 1e6
    );
    println!("{:>28} {:>9}", "", "best s");
    println!("{:>28} {:>9.3}", "export", best_first);
    println!("{:>28} {:>9.3}", "re-publish with --previous", best_again);
    println!("{:>28} {:>9.3}", "html page", best_page);
    println!("{:>28} {:>9.3}", "frab schedule.xml", best_xml);
    println!("{:>28} {:>9.3}", "frab schedule.json", best_json);
}
