//! One row per film screened, as CSV: the plan's own view (`slate plan
//! --format csv`) and the box office's (`slate export csv`), one file for
//! both. The first eighteen columns are ids and times for scripts; the
//! columns after them name things as a person reads them (venue name,
//! series title, the film's own end, its credits), then the screening's
//! ticketing and access facts, for a ticketing system or a spreadsheet.
//!
//! Columns are a stable interface: new ones go at the end, never between
//! (docs/output-formats.md).

use super::facts::film_starts;
use crate::catalogue::Catalogue;
use crate::schedule::Plan;

/// The header, in column order.
pub const COLUMNS: &[&str] = &[
    "screening",
    "day",
    "start",
    "end",
    "venue",
    "series",
    "position",
    "film",
    "title",
    "runtime",
    "film_start",
    "format",
    "intro",
    "discussion",
    "guests",
    "repeat_of",
    "note",
    "tags",
    "venue_name",
    "series_title",
    "film_end",
    "directors",
    "year",
    "countries",
    "tickets",
    "price",
    "language",
    "subtitles",
    "captions",
    "audio_description",
    "relaxed",
    "age",
];

/// "yes", "no" or empty (not said), for an access provision.
fn yes(flag: Option<bool>) -> &'static str {
    match flag {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

/// The CSV of a plan. Countries come from the catalogue (a plan does not
/// carry them); without it, or for a film it lacks, the cell is empty.
pub fn render(plan: &Plan, catalogue: Option<&Catalogue>) -> String {
    let tz = jiff::tz::TimeZone::get(&plan.timezone).ok();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS).expect("in-memory write");
    for s in &plan.screenings {
        let starts = film_starts(plan, s);
        let a = &s.audience;
        for (i, (f, film_start)) in s.films.iter().zip(starts).enumerate() {
            let film_end = match (film_start.as_deref(), &tz) {
                (Some(t), Some(tz)) => t
                    .parse::<jiff::Timestamp>()
                    .map(|t| {
                        (t + jiff::SignedDuration::from_mins(i64::from(f.runtime)))
                            .to_zoned(tz.clone())
                            .strftime("%Y-%m-%dT%H:%M:%S%:z")
                            .to_string()
                    })
                    .unwrap_or_default(),
                _ => String::new(),
            };
            let countries = catalogue
                .and_then(|c| c.get(&f.id))
                .map(|x| x.countries.join("; "))
                .unwrap_or_default();
            w.write_record([
                s.id.as_str(),
                &s.day,
                &s.start,
                &s.end,
                &s.venue,
                &s.series,
                &(i + 1).to_string(),
                &f.id,
                &f.title,
                &f.runtime.to_string(),
                film_start.as_deref().unwrap_or_default(),
                f.format.as_deref().unwrap_or_default(),
                &s.intro_minutes(plan.intro).to_string(),
                &s.discussion.to_string(),
                &s.guests.join("; "),
                s.repeat_of.as_deref().unwrap_or_default(),
                s.note.as_deref().unwrap_or_default(),
                &s.tags.join("; "),
                &s.venue_name,
                &s.series_title,
                &film_end,
                &f.directors.join("; "),
                &f.year.map(|y| y.to_string()).unwrap_or_default(),
                &countries,
                a.tickets.as_deref().unwrap_or_default(),
                a.price.as_deref().unwrap_or_default(),
                &a.languages().join("; "),
                &a.subtitle_languages().join("; "),
                yes(a.captions),
                yes(a.audio_description),
                yes(a.relaxed),
                a.age.as_deref().unwrap_or_default(),
            ])
            .expect("in-memory write");
        }
    }
    String::from_utf8(w.into_inner().expect("in-memory flush")).expect("utf-8 input")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn festival() -> Plan {
        serde_json::from_str(include_str!(
            "../../tests/fixtures/plans/festival-constraints.json"
        ))
        .unwrap()
    }

    fn opening_venue_name(plan: &Plan) -> String {
        plan.screenings[0].venue_name.clone()
    }

    #[test]
    fn csv_keeps_its_columns_and_adds_the_festival_facts_at_the_end() {
        let text = render(&festival(), None);
        let mut r = ::csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(
            header,
            [
                "screening",
                "day",
                "start",
                "end",
                "venue",
                "series",
                "position",
                "film",
                "title",
                "runtime",
                "film_start",
                "format",
                "intro",
                "discussion",
                "guests",
                "repeat_of",
                "note",
                "tags",
                "venue_name",
                "series_title",
                "film_end",
                "directors",
                "year",
                "countries",
                "tickets",
                "price",
                "language",
                "subtitles",
                "captions",
                "audio_description",
                "relaxed",
                "age"
            ]
        );
        let rows: Vec<Vec<String>> = r
            .records()
            .map(|x| x.unwrap().iter().map(String::from).collect())
            .collect();
        assert_eq!(rows.len(), 8);
        let opening = &rows[0];
        assert_eq!(
            opening[10..18],
            [
                "2027-05-21T21:20:00+01:00",
                "DCP",
                "20",
                "40",
                "Ana Ribeiro",
                "",
                "Opening night, with a reception in the foyer",
                "gala"
            ]
        );
        let repeat_second_film = rows
            .iter()
            .find(|x| x[0] == "strikes@ideal-20270523-1800" && x[6] == "2")
            .unwrap();
        assert_eq!(
            repeat_second_film[10..18],
            [
                "2027-05-23T19:58:00+01:00",
                "16mm",
                "10",
                "30",
                "",
                "strikes@cinemateca-20270522-1800",
                "",
                "evening"
            ]
        );
        let shorts = rows.iter().find(|x| x[7] == "philips-radio").unwrap();
        assert_eq!(shorts[14], "João Lopes; Marta Sousa");
        // The box office's columns: names, the film's own end, its credits.
        assert_eq!(opening[18], opening_venue_name(&festival()));
        let harlan = rows.iter().find(|x| x[7] == "harlan-county-usa").unwrap();
        assert_eq!(harlan[21], "Barbara Kopple");
        assert_eq!(harlan[22], "1976");
        let start: jiff::Timestamp = harlan[10].parse().unwrap();
        let end: jiff::Timestamp = harlan[20].parse().unwrap();
        assert_eq!(end.duration_since(start).as_mins(), 103, "{harlan:?}");
        assert_eq!(&harlan[20][19..], "+01:00", "local time, with its offset");
    }

    #[test]
    fn csv_of_an_old_plan_computes_each_films_start() {
        let mut plan = festival();
        for s in &mut plan.screenings {
            s.intro = None;
            for f in &mut s.films {
                f.start = None;
            }
        }
        let text = render(&plan, None);
        // The plan's intro (10), the first film (103) and the interval (5).
        assert!(
            text.contains(
                ",2,misere-au-borinage,Misère au Borinage,34,2027-05-22T19:58:00+01:00,16mm,10,"
            ),
            "{text}"
        );
    }
}
