//! The day × venue time grid of the HTML page.
//!
//! Each day is a `<table>`: a header row naming the venues and one row of
//! lanes, one lane per venue, in which every slot is a box placed by its
//! start and sized by its length (in minutes from the day's first hour, as
//! CSS variables `--t` and `--h`, so print and phone styles can change the
//! scale). A screening is a block inside its slot's box, as long as it
//! really runs (introduction, films and intervals); on the internal page
//! the rest of the slot is hatched and labelled as free. Slots the plan
//! left empty are drawn open.
//! Lengths come from absolute times, so a day that changes its clocks and a
//! late show that ends after midnight are drawn as long as they last; a day
//! that changes its clocks gets a table of its own, whose hour labels follow
//! the clock change.

use std::fmt::Write as _;

use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::{anchor, short_day, SeriesStyle};
use crate::export::facts::{facts, film_starts, occurrences, Fact, Shown};
use crate::export::markdown::{clock, day_heading};
use crate::export::{instant, zone, ExportError};
use std::collections::BTreeMap;

use crate::schedule::{Plan, Screening};
use crate::text::escape_markup as e;

/// A venue column.
pub(super) struct VenueColumn {
    pub id: String,
    pub name: String,
    pub address: Option<String>,
    pub url: Option<String>,
}

/// The plan's venues, in [`Plan::venue_order`], with what the screenings
/// and empty slots say of them.
pub(super) fn venues(plan: &Plan) -> Vec<VenueColumn> {
    plan.venue_order()
        .into_iter()
        .map(|id| {
            let mut here = plan.screenings.iter().filter(|s| s.venue == id);
            let first = here.clone().next();
            VenueColumn {
                id: id.to_string(),
                name: first
                    .map(|s| s.venue_name.clone())
                    .or_else(|| {
                        plan.open_slots
                            .iter()
                            .find(|o| o.venue == id)
                            .map(|o| o.venue_name.clone())
                    })
                    .unwrap_or_else(|| id.to_string()),
                address: here.clone().find_map(|s| s.venue_address.clone()),
                url: here.find_map(|s| s.venue_url.clone()),
            }
        })
        .collect()
}

fn minutes(from: Timestamp, to: Timestamp) -> i64 {
    (to.as_second() - from.as_second()).div_euclid(60)
}

/// A box in a lane: a slot with its screening, or an open slot.
struct Item<'p> {
    venue: &'p str,
    start: Timestamp,
    slot_end: Timestamp,
    filled: Filled<'p>,
}

/// What a slot holds.
enum Filled<'p> {
    /// A screening, and when it really ends.
    Screening(&'p Screening, Timestamp),
    /// Nothing: the open slot's id.
    Open(&'p str),
}

/// Most day × venue columns in one table: a one-venue weekend reads as one
/// table with a column per day, a three-venue festival as two days a table.
const MAX_COLUMNS: usize = 6;

/// Writes the grids of all days, several days to a table when venues are few.
pub(super) fn days(
    out: &mut String,
    plan: &Plan,
    days: &[&str],
    venues: &[VenueColumn],
    style: &SeriesStyle,
    internal: bool,
) -> Result<(), ExportError> {
    let tz = zone(plan)?;
    let grid = Grid {
        venues,
        style,
        tz: &tz,
        internal,
        // Found once for the whole plan, said in the table of their day.
        clock_changes: super::super::facts::clock_changes(plan),
    };
    let per_table = (MAX_COLUMNS / venues.len().max(1)).max(1);
    // A day on which the clocks change gets a table of its own, so its
    // hour labels are its own.
    let mut chunk: Vec<DayColumn> = Vec::new();
    for column in day_columns(plan, days)? {
        let alone = clocks_change(&column, &tz);
        if (alone || chunk.len() == per_table) && !chunk.is_empty() {
            table(out, std::mem::take(&mut chunk), &grid);
        }
        chunk.push(column);
        if alone {
            table(out, std::mem::take(&mut chunk), &grid);
        }
    }
    if !chunk.is_empty() {
        table(out, chunk, &grid);
    }
    Ok(())
}

/// One day's boxes and where its time axis starts.
struct DayColumn<'p> {
    plan: &'p Plan,
    day: &'p str,
    /// In start order.
    items: Vec<Item<'p>>,
    origin: Timestamp,
}

/// The longest a slot is drawn: a day.
const MAX_DRAWN: jiff::SignedDuration = jiff::SignedDuration::from_hours(24);

/// Each day's boxes (days without any left out), read from the plan in one
/// pass over its screenings and open slots.
fn day_columns<'p>(plan: &'p Plan, days: &[&'p str]) -> Result<Vec<DayColumn<'p>>, ExportError> {
    let mut by_day: BTreeMap<&str, Vec<Item>> = BTreeMap::new();
    for s in &plan.screenings {
        let start = instant(&s.id, &s.start)?;
        let end = instant(&s.id, &s.end)?;
        // The drawn slot is bounded by the screening: at most a day (the
        // longest slot), whatever a hand-edited slot_end says, so one wrong
        // value cannot stretch the axis over centuries.
        let slot_end = instant(&s.id, &s.slot_end)?
            .max(end)
            .min(end.max(start + MAX_DRAWN));
        by_day.entry(&s.day).or_default().push(Item {
            venue: &s.venue,
            start,
            slot_end,
            filled: Filled::Screening(s, end),
        });
    }
    for o in &plan.open_slots {
        by_day.entry(&o.day).or_default().push(Item {
            venue: &o.venue,
            start: instant(&o.id, &o.start)?,
            slot_end: {
                let start = instant(&o.id, &o.start)?;
                instant(&o.id, &o.end)?.clamp(start, start + MAX_DRAWN)
            },
            filled: Filled::Open(&o.id),
        });
    }
    Ok(days
        .iter()
        .filter_map(|&day| {
            let mut items = by_day.remove(day)?;
            items.sort_by_key(|i| i.start);
            Some(DayColumn {
                plan,
                day,
                origin: items[0].start,
                items,
            })
        })
        .collect())
}

/// Whether the zone's offset differs between the times of a day's slots.
fn clocks_change(column: &DayColumn, tz: &TimeZone) -> bool {
    let mut offsets = column
        .items
        .iter()
        .flat_map(|i| [i.start, i.slot_end])
        .map(|t| tz.to_offset(t));
    let first = offsets.next();
    offsets.any(|o| Some(o) != first)
}

/// Writes one table: days side by side, each with its venues.
/// What every table of the page shares.
struct Grid<'g> {
    venues: &'g [VenueColumn],
    style: &'g SeriesStyle,
    tz: &'g TimeZone,
    internal: bool,
    /// (festival day, note) for each clock change during the programme.
    clock_changes: Vec<(String, String)>,
}

fn table(out: &mut String, mut columns: Vec<DayColumn>, grid: &Grid) {
    let Grid {
        venues,
        style,
        tz,
        internal,
        ref clock_changes,
    } = *grid;
    // The axis starts at the earliest hour any of the days starts at, and
    // runs to the hour after the latest end.
    let first_hour = columns
        .iter()
        .map(|c| c.origin.to_zoned(tz.clone()).hour())
        .min()
        .unwrap_or(0);
    for c in &mut columns {
        let date = c.origin.to_zoned(tz.clone()).date();
        if let Ok(z) = date.at(first_hour, 0, 0, 0).to_zoned(tz.clone()) {
            c.origin = z.timestamp();
        }
    }
    let span = columns
        .iter()
        .map(|c| {
            let last = c.items.iter().map(|i| i.slot_end).max().unwrap_or(c.origin);
            minutes(c.origin, last)
        })
        .max()
        .unwrap_or(60);
    let span = ((span + 59) / 60).max(1) * 60;

    let first_day = columns[0].day;
    let last_day = columns[columns.len() - 1].day;
    let heading = if first_day == last_day {
        day_heading(first_day)
    } else {
        format!("{} – {}", day_heading(first_day), day_heading(last_day))
    };
    let table_id = anchor("days-", first_day);
    let one_venue = venues.len() == 1;
    // On a day the clocks change, say so under its heading.
    let changes: Vec<String> = clock_changes
        .iter()
        .filter(|(d, _)| columns.iter().any(|c| c.day == d.as_str()))
        .map(|(_, note)| format!("<p class=\"clock-change\">{}</p>\n", e(note)))
        .collect();
    let _ = write!(
        out,
        "<section class=\"day{}\" aria-labelledby=\"{table_id}\">\n<h3 id=\"{table_id}\">{}</h3>\n{}\
         <div class=\"scroll\" role=\"region\" aria-labelledby=\"{table_id}\" tabindex=\"0\">\n\
         <table class=\"grid\" style=\"--span:{span};--venues:{}\">\n\
         <caption class=\"sr\">Screenings by day and venue; in each column the screenings in time order</caption>\n\
         <thead><tr><th scope=\"col\" class=\"axis-h\"{}><span class=\"sr\">Time</span></th>",
        // Printed on a landscape page when more than four columns.
        if columns.len() * venues.len() > 4 { " wide" } else { "" },
        e(&heading),
        changes.concat(),
        columns.len() * venues.len(),
        if one_venue { "" } else { " rowspan=\"2\"" },
    );
    for c in &columns {
        if one_venue {
            let _ = write!(
                out,
                "<th scope=\"col\">{}<span class=\"venue-name\">{}</span></th>",
                e(&short_day(c.day)),
                e(&venues[0].name)
            );
        } else {
            let _ = write!(
                out,
                "<th scope=\"colgroup\" colspan=\"{}\" class=\"day-h\"><span>{}</span></th>",
                venues.len(),
                e(&short_day(c.day))
            );
        }
    }
    out.push_str("</tr>\n");
    if !one_venue {
        out.push_str("<tr>");
        for _ in &columns {
            for v in venues {
                let _ = write!(out, "<th scope=\"col\">{}</th>", e(&v.name));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</thead>\n<tbody><tr>\n");
    let axis_origin = columns[0].origin;
    let last = Timestamp::from_second(axis_origin.as_second() + span * 60).unwrap_or(axis_origin);
    let _ = write!(
        out,
        "<th scope=\"row\" class=\"axis\"><span class=\"sr\">{} to {}</span><div class=\"lane-box\" aria-hidden=\"true\">",
        clock_at(tz, axis_origin),
        clock_at(tz, last)
    );
    for h in 0..span / 60 {
        let at = Timestamp::from_second(axis_origin.as_second() + h * 3600).unwrap_or(axis_origin);
        let _ = write!(
            out,
            "<span class=\"hour\" style=\"--t:{}\">{}</span>",
            h * 60,
            clock_at(tz, at)
        );
    }
    out.push_str("</div></th>\n");
    for c in &columns {
        for (vi, v) in venues.iter().enumerate() {
            let lane: Vec<&Item> = c.items.iter().filter(|i| i.venue == v.id).collect();
            let class = if vi == 0 && columns.len() > 1 {
                "lane first"
            } else {
                "lane"
            };
            if lane.is_empty() {
                let _ = writeln!(
                    out,
                    "<td class=\"{class}\"><div class=\"lane-box\"><p class=\"sr\">No screenings</p></div></td>"
                );
                continue;
            }
            let _ = writeln!(out, "<td class=\"{class}\"><ol class=\"lane-box\">");
            for it in lane {
                lane_item(out, it, c, tz, style, internal);
            }
            out.push_str("</ol></td>\n");
        }
    }
    out.push_str("</tr></tbody>\n</table>\n</div>\n</section>\n");
}

/// Minutes under which a screening's block leaves its series' name to the
/// tooltip, screen readers and the agenda (every block shows the series'
/// letter beside its time).
const SHORT_BLOCK: i64 = 50;

/// One slot box in a lane.
/// One slot of a lane. The minutes a screening leaves free in its slot are
/// the programmer's business: labelled only on the `internal` page.
fn lane_item(
    out: &mut String,
    it: &Item,
    c: &DayColumn,
    tz: &TimeZone,
    style: &SeriesStyle,
    internal: bool,
) {
    let t = minutes(c.origin, it.start);
    let h = minutes(it.start, it.slot_end).max(1);
    let (s, end) = match it.filled {
        Filled::Screening(s, end) => (s, end),
        Filled::Open(id) => {
            let _ = writeln!(
                out,
                "<li class=\"slot open\" style=\"--t:{t};--h:{h}\" data-slot=\"{}\"><p><strong>Open slot</strong><br>{}–{}</p></li>",
                e(id),
                clock_at(tz, it.start),
                clock_at(tz, it.slot_end)
            );
            return;
        }
    };
    let used = minutes(it.start, end).clamp(1, h);
    let plan = c.plan;
    // The whole label, for blocks too short to show all of it.
    let mut tooltip = format!(
        "{}–{} {} ({})",
        clock(&s.start),
        clock(&s.end),
        s.films
            .iter()
            .map(|f| f.title.as_str())
            .collect::<Vec<_>>()
            .join(" + "),
        s.series_title
    );
    for fact in facts(plan, s, Shown::WhereDifferent) {
        tooltip.push_str(&format!(". {}", fact.text()));
    }
    let free = h - used;
    let _ = write!(
        out,
        "<li class=\"slot\" style=\"--t:{t};--h:{h}\">\
         <div class=\"screening {}{}{}\" id=\"{}\" style=\"--h:{used}\" data-day=\"{}\" data-venue=\"{}\" title=\"{}\">\
         <p class=\"time\"><span class=\"key\" aria-hidden=\"true\">{}</span><time datetime=\"{}\">{}</time>–<time datetime=\"{}\">{}</time></p>\n<p class=\"films\">",
        style.class(&s.series),
        // A programme of shorts lists many titles in a smaller face.
        if s.films.len() > 3 { " many" } else { "" },
        // The series' letter stands beside the time in every block, so a
        // block too short for more still says its series; a short one
        // leaves the series' name to screen readers, the tooltip and the
        // agenda.
        if used < SHORT_BLOCK { " short" } else { "" },
        anchor("screening-", &s.id),
        e(&s.day),
        e(&s.venue),
        e(&tooltip),
        style.key(&s.series),
        e(&s.start),
        e(clock(&s.start)),
        e(&s.end),
        e(clock(&s.end)),
    );
    let starts = film_starts(plan, s);
    let titles: Vec<String> = s
        .films
        .iter()
        .zip(&starts)
        .map(|(f, start)| {
            let year = f
                .year
                .map(|y| format!(" <span class=\"year\">({y})</span>"))
                .unwrap_or_default();
            // Each film's own start, when the screening has several.
            let at = match (s.films.len() > 1, start) {
                (true, Some(at)) => format!(
                    "<time class=\"at\" datetime=\"{}\">{}</time> ",
                    e(at),
                    e(clock(at))
                ),
                _ => String::new(),
            };
            format!(
                "{at}<a href=\"#{}\">{}</a>{year}",
                anchor("film-", &f.id),
                e(&f.title)
            )
        })
        .collect();
    out.push_str(&titles.join(" <span class=\"plus\">+</span> "));
    let _ = write!(out, "</p>\n<p class=\"series\">{}</p>", e(&s.series_title));
    let marks = marks(plan, s);
    if !marks.is_empty() {
        let _ = write!(out, "\n<p class=\"marks\">{}</p>", marks.join(" · "));
    }
    out.push_str("</div>");
    // Too short a stretch for a label is hatched only.
    if !internal {
    } else if free >= 12 {
        let _ = write!(
            out,
            "<p class=\"free\" style=\"--h:{free}\"><span>{free} min free</span></p>"
        );
    } else if free > 0 {
        let _ = write!(
            out,
            "<p class=\"free\" style=\"--h:{free}\"><span class=\"sr\">{free} min free</span></p>"
        );
    }
    out.push_str("</li>\n");
}

/// The block's markers, as HTML: the discussion and guests ("Discussion
/// with Ana Ribeiro (40 min)"), and for a repeated programme which
/// occurrence this is ("Repeat 2 of 2", linked to the first), in words,
/// never by colour alone.
fn marks(plan: &Plan, s: &Screening) -> Vec<String> {
    let mut out = Vec::new();
    for fact in facts(plan, s, Shown::WhereDifferent) {
        if let Fact::Discussion { .. } = fact {
            out.push(e(&fact.text()));
        }
    }
    let others = occurrences(plan, s);
    if !others.is_empty() {
        let n = others.len() + 1;
        let nth = others
            .iter()
            .filter(|o| o.screening.start < s.start)
            .count()
            + 1;
        out.push(match others.iter().find(|o| o.original) {
            Some(first) => format!(
                "<a class=\"repeat\" href=\"#{}\">Repeat</a> ({nth} of {n})",
                anchor("screening-", &first.screening.id)
            ),
            None => format!(
                "<a class=\"repeat\" href=\"#{}\">Repeated</a> ({nth} of {n})",
                anchor("screening-", &others[0].screening.id)
            ),
        });
    }
    out
}

fn clock_at(tz: &TimeZone, t: Timestamp) -> String {
    t.to_zoned(tz.clone()).strftime("%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{OpenSlot, ScreenedFilm, Screening};

    fn screening(id: &str, day: &str, start: &str, end: &str, slot_end: &str) -> Screening {
        Screening {
            id: id.into(),
            slot: id.into(),
            venue: "v".into(),
            venue_name: "Sala".into(),
            day: day.into(),
            start: start.into(),
            end: end.into(),
            slot_end: slot_end.into(),
            series: "s".into(),
            series_title: "Night".into(),
            films: vec![ScreenedFilm {
                id: "f".into(),
                title: "F".into(),
                runtime: 100,
                year: None,
                directors: vec![],
                ..Default::default()
            }],
            ..Screening::default()
        }
    }

    fn plan(screenings: Vec<Screening>, open: Vec<OpenSlot>) -> Plan {
        Plan {
            programme: "P".into(),
            timezone: "Europe/Lisbon".into(),
            screenings,
            open_slots: open,
            ..Plan::default()
        }
    }

    #[test]
    fn a_slot_end_centuries_away_does_not_stretch_the_axis() {
        let sane = render(&plan(
            vec![screening(
                "a",
                "2027-05-01",
                "2027-05-01T18:00:00+01:00",
                "2027-05-01T19:40:00+01:00",
                "2027-05-01T20:00:00+01:00",
            )],
            vec![],
        ));
        let wild = render(&plan(
            vec![screening(
                "a",
                "2027-05-01",
                "2027-05-01T18:00:00+01:00",
                "2027-05-01T19:40:00+01:00",
                "2927-05-01T20:00:00+01:00",
            )],
            vec![],
        ));
        assert!(wild.len() < sane.len() * 20, "{} bytes", wild.len());
        assert!(
            wild.contains("--span:1440") || wild.contains("--span:1500"),
            "{wild}"
        );
    }

    fn render(p: &Plan) -> String {
        let mut out = String::new();
        let style = SeriesStyle::new(p);
        let days: Vec<&str> = {
            let mut d: Vec<&str> = p.screenings.iter().map(|s| s.day.as_str()).collect();
            d.extend(p.open_slots.iter().map(|s| s.day.as_str()));
            d.sort_unstable();
            d.dedup();
            d
        };
        super::days(&mut out, p, &days, &venues(p), &style, true).unwrap();
        out
    }

    #[test]
    fn blocks_are_as_long_as_they_last_across_a_clock_change() {
        // Lisbon springs forward at 01:00 on 28 March 2027: 00:30 to 03:30 on
        // the clock is two hours.
        let p = plan(
            vec![screening(
                "night",
                "2027-03-28",
                "2027-03-28T00:30:00+00:00",
                "2027-03-28T03:30:00+01:00",
                "2027-03-28T03:45:00+01:00",
            )],
            vec![],
        );
        let html = render(&p);
        assert!(html.contains("style=\"--t:30;--h:135\""), "{html}");
        // Hour lines at real hours: 00:00, 02:00 (01:00 never happens), 03:00.
        assert!(html.contains("style=\"--t:60\">02:00</span>"), "{html}");
        assert!(html.contains("style=\"--h:120\""), "{html}");
        assert!(html.contains("<span>15 min free</span>"), "{html}");
    }

    #[test]
    fn a_late_show_after_midnight_stays_on_its_day_and_open_slots_show() {
        let p = plan(
            vec![
                screening(
                    "eve",
                    "2027-05-01",
                    "2027-05-01T21:00:00+01:00",
                    "2027-05-01T23:00:00+01:00",
                    "2027-05-01T23:30:00+01:00",
                ),
                screening(
                    "late",
                    "2027-05-01",
                    "2027-05-01T23:45:00+01:00",
                    "2027-05-02T01:45:00+01:00",
                    "2027-05-02T01:45:00+01:00",
                ),
            ],
            vec![OpenSlot {
                id: "v-20270501-1500".into(),
                venue: "v".into(),
                venue_name: "Sala".into(),
                day: "2027-05-01".into(),
                start: "2027-05-01T15:00:00+01:00".into(),
                end: "2027-05-01T17:00:00+01:00".into(),
            }],
        );
        let html = render(&p);
        // One table for the day, its axis from 15:00 to 02:00.
        assert_eq!(html.matches("<table").count(), 1);
        assert!(html.contains("--span:660"), "{html}");
        assert!(html.contains("style=\"--t:0;--h:120\" data-slot=\"v-20270501-1500\""));
        assert!(html.contains("style=\"--t:525;--h:120\""), "{html}");
        assert!(html.contains(">01:45</time>"));
        assert_eq!(html.matches("class=\"screening ").count(), 2);
    }

    #[test]
    fn a_day_that_changes_its_clocks_has_a_table_of_its_own() {
        let s = |id: &str, d: &str, a: &str, b: &str| screening(id, d, a, b, b);
        let p = plan(
            vec![
                s(
                    "a",
                    "2027-03-27",
                    "2027-03-27T20:00:00+00:00",
                    "2027-03-27T22:00:00+00:00",
                ),
                s(
                    "b",
                    "2027-03-28",
                    "2027-03-28T00:30:00+00:00",
                    "2027-03-28T03:30:00+01:00",
                ),
                s(
                    "c",
                    "2027-03-29",
                    "2027-03-29T20:00:00+01:00",
                    "2027-03-29T22:00:00+01:00",
                ),
            ],
            vec![],
        );
        let html = render(&p);
        assert_eq!(html.matches("<table").count(), 3, "{html}");
    }

    #[test]
    fn few_venues_share_a_table_across_days() {
        let days = [
            "2027-05-01",
            "2027-05-02",
            "2027-05-03",
            "2027-05-04",
            "2027-05-05",
            "2027-05-06",
            "2027-05-07",
        ];
        let screenings = days
            .iter()
            .map(|d| {
                screening(
                    &format!("s{d}"),
                    d,
                    &format!("{d}T20:00:00+01:00"),
                    &format!("{d}T22:00:00+01:00"),
                    &format!("{d}T22:00:00+01:00"),
                )
            })
            .collect();
        let html = render(&plan(screenings, vec![]));
        // One venue: six days to a table, then the seventh.
        assert_eq!(html.matches("<table").count(), 2);
        assert_eq!(html.matches("class=\"screening ").count(), 7);
    }

    proptest::proptest! {
        /// Any times a hand-edited plan holds: a grid or an error, never a
        /// panic; and when a grid, one block per screening.
        #[test]
        fn any_times_give_a_grid_or_an_error(
            items in proptest::collection::vec(
                (0i64..3_000, -200i64..2_000, -100i64..600, "\\PC{0,12}", 0usize..3),
                1..8,
            ),
            junk in proptest::option::of("\\PC{0,25}"),
        ) {
            let base: jiff::Timestamp = "2027-03-27T00:00:00Z".parse().unwrap();
            let tz = TimeZone::get("Europe/Lisbon").unwrap();
            let at = |m: i64| {
                Timestamp::from_second(base.as_second() + m * 60)
                    .unwrap()
                    .to_zoned(tz.clone())
                    .strftime("%Y-%m-%dT%H:%M:%S%:z")
                    .to_string()
            };
            let screenings: Vec<Screening> = items
                .iter()
                .enumerate()
                .map(|(i, (start, len, free, title, venue))| {
                    let mut s = screening(
                        &format!("s{i}"),
                        &at(*start)[..10],
                        &at(*start),
                        &at(start + len),
                        &at(start + len + free),
                    );
                    s.venue = format!("v{venue}");
                    s.films[0].title = title.clone();
                    s
                })
                .collect();
            let mut p = plan(screenings, vec![]);
            if let Some(j) = junk {
                p.screenings[0].start = j;
            }
            let mut out = String::new();
            let style = SeriesStyle::new(&p);
            let mut days: Vec<&str> = p.screenings.iter().map(|s| s.day.as_str()).collect();
            days.sort_unstable();
            days.dedup();
            if super::days(&mut out, &p, &days, &venues(&p), &style, true).is_ok() {
                proptest::prop_assert_eq!(
                    out.matches("class=\"screening ").count(),
                    p.screenings.len()
                );
            }
        }
    }
}
