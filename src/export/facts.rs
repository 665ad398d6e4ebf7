//! What every published output says about a screening besides its films:
//! when each film of a multi-film screening starts, the introduction, the
//! discussion and the guests, a fixed screening's note, its language,
//! access provisions, price and tickets, and the other occurrences of a
//! repeated programme.
//!
//! The calendars, the page, the printed programme and `slate plan`'s table
//! and CSV read these facts here, so they never disagree; each output only
//! decides how to write them. Plans written before these facts existed lack
//! some of them: a screening without `intro` has the plan's, a film without
//! `start` starts after the introduction, the films before it and the
//! intervals between them.

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use super::markdown::clock;
use crate::schedule::{Plan, Screening};
use crate::text::plural;

/// Each film's start (RFC 3339, with the zone's offset): the plan's, else
/// computed from the screening's start; None when the plan's times or zone
/// cannot be read.
pub fn film_starts(plan: &Plan, s: &Screening) -> Vec<Option<String>> {
    // Plans carry each film's start; it is computed only for older ones.
    if s.films.iter().all(|f| f.start.is_some()) {
        return s.films.iter().map(|f| f.start.clone()).collect();
    }
    let tz = TimeZone::get(&plan.timezone).ok();
    let start = s.start.parse::<Timestamp>().ok();
    let mut at = start.map(|t| t + mins(s.intro_minutes(plan.intro)));
    s.films
        .iter()
        .map(|f| {
            let computed = match (at, &tz) {
                (Some(t), Some(tz)) => Some(rfc3339(t, tz)),
                _ => None,
            };
            at = at.map(|t| t + mins(f.runtime + plan.interval));
            f.start.clone().or(computed)
        })
        .collect()
}

fn mins(m: u32) -> SignedDuration {
    SignedDuration::from_mins(i64::from(m))
}

fn rfc3339(t: Timestamp, tz: &TimeZone) -> String {
    t.to_zoned(tz.clone())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// "Sat 1 May" from "2027-05-01".
pub fn short_day(day: &str) -> String {
    match day.parse::<jiff::civil::Date>() {
        Ok(d) => d.strftime("%a %-d %b").to_string(),
        Err(_) => day.to_string(),
    }
}

/// "Sat 1 May, 14:15".
pub fn short_when(s: &Screening) -> String {
    format!("{}, {}", short_day(&s.day), clock(&s.start))
}

/// "Ana Ribeiro", "Ana Ribeiro and João Lopes", "A, B and C".
pub fn names(list: &[String]) -> String {
    match list {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Another occurrence of a repeated programme, seen from one occurrence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Occurrence<'p> {
    pub screening: &'p Screening,
    /// It is the first occurrence, of which the one seen from is a repeat.
    pub original: bool,
}

impl Occurrence<'_> {
    /// "Repeat of Sat 22 May, 18:00 at Cinemateca" or "Also screened …".
    pub fn text(&self) -> String {
        format!(
            "{} {} at {}",
            self.lead(),
            short_when(self.screening),
            self.screening.venue_name
        )
    }

    /// "Repeat of" or "Also screened".
    pub fn lead(&self) -> &'static str {
        if self.original {
            "Repeat of"
        } else {
            "Also screened"
        }
    }
}

/// The other occurrences of the screening's programme (the original and its
/// repeats, found through `repeat_of`), in start order; the original first
/// when it is among them.
pub fn occurrences<'p>(plan: &'p Plan, s: &Screening) -> Vec<Occurrence<'p>> {
    let original = s.repeat_of.as_deref().unwrap_or(&s.id);
    let mut out: Vec<Occurrence> = plan
        .group(original)
        .iter()
        .map(|&i| &plan.screenings[i])
        .filter(|o| o.id != s.id)
        .filter(|o| o.id == original || o.repeat_of.as_deref() == Some(original))
        .map(|o| Occurrence {
            screening: o,
            original: o.id == original,
        })
        .collect();
    out.sort_by(|a, b| (!a.original, &a.screening.start).cmp(&(!b.original, &b.screening.start)));
    out
}

/// A fact about a screening besides its films and times.
#[derive(Debug, Clone, PartialEq)]
pub enum Fact<'p> {
    /// The clocks change while the screening runs: "The clocks go forward
    /// during this screening: it ends at 02:20 summer time (WEST)".
    ClockChange(String),
    /// Minutes of introduction (0: none, said only where the plan's differs).
    Intro(u32),
    /// Minutes of discussion after the films (0: the guests come without
    /// one), and who leads it.
    Discussion { minutes: u32, guests: &'p [String] },
    /// A fixed screening's note.
    Note(&'p str),
    /// Language, subtitles, access provisions, age and price, as short
    /// phrases (see [`crate::programme::AudienceFacts::summary`]).
    Audience(Vec<String>),
    /// Where to buy tickets.
    Tickets(&'p str),
    /// Another occurrence of the same programme.
    Occurrence(Occurrence<'p>),
}

impl Fact<'_> {
    /// The fact as a phrase, capitalised, without a final full stop:
    /// "Introduced (15 min)", "Discussion with Ana Ribeiro (40 min)",
    /// "With Ana Ribeiro", the note, "Repeat of Sat 22 May, 18:00 at …".
    pub fn text(&self) -> String {
        match self {
            Fact::Intro(0) => "No introduction".to_string(),
            Fact::Intro(m) => format!("Introduced ({m} min)"),
            Fact::Discussion { minutes: 0, guests } => format!("With {}", names(guests)),
            Fact::Discussion {
                minutes,
                guests: [],
            } => format!("Discussion ({minutes} min)"),
            Fact::Discussion { minutes, guests } => {
                format!("Discussion with {} ({minutes} min)", names(guests))
            }
            Fact::ClockChange(text) => text.clone(),
            Fact::Note(n) => n.trim().to_string(),
            Fact::Audience(parts) => parts.join(" · "),
            Fact::Tickets(url) => format!("Tickets: {url}"),
            Fact::Occurrence(o) => o.text(),
        }
    }
}

/// When an output says a screening's introduction and its ticketing and
/// access facts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shown {
    /// Whenever there is one (an event that stands alone: a calendar's).
    Always,
    /// Only where it differs from the plan's (said once for all, as a
    /// printed programme does).
    WhereDifferent,
}

/// The facts of a screening, in the order outputs show them: a clock change
/// during it, introduction, discussion and guests, note, language and
/// access, tickets, other occurrences.
pub fn facts<'p>(plan: &'p Plan, s: &'p Screening, shown: Shown) -> Vec<Fact<'p>> {
    let mut out = Vec::new();
    if let Some(text) = clock_change_during(plan, s) {
        out.push(Fact::ClockChange(text));
    }
    let minutes = s.intro_minutes(plan.intro);
    let said = match shown {
        Shown::Always => minutes > 0,
        Shown::WhereDifferent => minutes != plan.intro,
    };
    if said {
        out.push(Fact::Intro(minutes));
    }
    if s.discussion > 0 || !s.guests.is_empty() {
        out.push(Fact::Discussion {
            minutes: s.discussion,
            guests: &s.guests,
        });
    }
    if let Some(n) = s.note.as_deref().filter(|n| !n.trim().is_empty()) {
        out.push(Fact::Note(n));
    }
    // A calendar event says every fact; a list, only what the programme
    // does not say once for all (no copy of the facts in the first case).
    let own = match shown {
        Shown::Always => std::borrow::Cow::Borrowed(&s.audience),
        Shown::WhereDifferent => std::borrow::Cow::Owned(s.audience.beyond(&plan.audience)),
    };
    let audience = own.summary();
    if !audience.is_empty() {
        out.push(Fact::Audience(audience));
    }
    // The link itself is borrowed from the screening (`own` is local).
    if own.tickets.is_some() {
        if let Some(url) = s.audience.tickets.as_deref() {
            out.push(Fact::Tickets(url));
        }
    }
    out.extend(occurrences(plan, s).into_iter().map(Fact::Occurrence));
    out
}

/// The paragraphs of a programmer's text (a `description`): split at blank
/// lines, each paragraph's lines joined by spaces, empty ones dropped. Every
/// output writes them its own way (`<p>`, Markdown paragraphs, lines of a
/// calendar's DESCRIPTION).
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim).chain(std::iter::once("")) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    out
}

/// The description of the series a screening belongs to, if the plan has one.
pub fn series_description<'p>(plan: &'p Plan, s: &Screening) -> Option<&'p str> {
    plan.series
        .iter()
        .find(|x| x.id == s.series)
        .and_then(|x| x.description.as_deref())
        .filter(|d| !d.trim().is_empty())
}

/// "All times are London time (BST)." — how a person says which clock the
/// times are on: the zone's city and the abbreviations in use during the
/// programme ("GMT, then BST" across a change), the zone's name when it
/// has no city (`UTC`).
pub fn time_phrase(plan: &Plan) -> String {
    let Ok(tz) = TimeZone::get(&plan.timezone) else {
        return format!("Times are local ({}).", plan.timezone);
    };
    let city = plan
        .timezone
        .rsplit('/')
        .next()
        .filter(|_| plan.timezone.contains('/'))
        .map(|c| c.replace('_', " "));
    let mut abbreviations: Vec<String> = Vec::new();
    let mut times: Vec<Timestamp> = plan
        .screenings
        .iter()
        .flat_map(|s| [&s.start, &s.end])
        .filter_map(|t| t.parse().ok())
        .collect();
    times.sort();
    for t in times {
        let info = tz.to_offset_info(t);
        let abbr = info.abbreviation();
        if !abbreviations.iter().any(|a| a == abbr) {
            abbreviations.push(abbr.to_string());
        }
    }
    abbreviations.retain(|a| *a != plan.timezone);
    let clock = match abbreviations.len() {
        0 => String::new(),
        1 => format!(" ({})", abbreviations[0]),
        _ => format!(" ({})", abbreviations.join(", then ")),
    };
    match city {
        Some(city) => format!("All times are {city} time{clock}."),
        None => format!("All times are {}{clock}.", plan.timezone),
    }
}

/// The clock changes during the programme, each on the festival day it
/// falls in: (day, "Clocks go forward one hour at 01:00: times from then on
/// are BST (UTC+01:00).").
pub fn clock_changes(plan: &Plan) -> Vec<(String, String)> {
    let Ok(tz) = TimeZone::get(&plan.timezone) else {
        return Vec::new();
    };
    let times: Vec<Timestamp> = plan
        .screenings
        .iter()
        .flat_map(|s| [&s.start, &s.end])
        .filter_map(|t| t.parse().ok())
        .collect();
    let (Some(&first), Some(&last)) = (times.iter().min(), times.iter().max()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for t in tz.following(first) {
        let at = t.timestamp();
        if at > last {
            break;
        }
        let before = tz.to_offset(at - SignedDuration::from_secs(1));
        let after = t.offset();
        let shift = after.seconds() - before.seconds();
        if shift == 0 {
            continue;
        }
        let local_before = at.to_zoned(TimeZone::fixed(before)).datetime();
        let day = crate::programme::Slot::festival_day(local_before, plan.day_starts.0);
        let amount = match shift.abs() {
            3600 => "one hour".to_string(),
            s if s % 3600 == 0 => format!("{} hours", s / 3600),
            s => format!("{} minutes", s / 60),
        };
        out.push((
            day.to_string(),
            format!(
                "Clocks go {} {amount} at {}: times from then on are {} (UTC{}).",
                if shift > 0 { "forward" } else { "back" },
                local_before.strftime("%H:%M"),
                t.abbreviation(),
                utc_offset(after.seconds())
            ),
        ));
    }
    out
}

/// When the clocks change between a screening's start and end (their
/// offsets differ), how it ends in the new time, as a person says it.
fn clock_change_during(plan: &Plan, s: &Screening) -> Option<String> {
    let offset = |t: &str| t.get(19..).map(str::to_string);
    if offset(&s.start) == offset(&s.end) {
        return None;
    }
    let tz = TimeZone::get(&plan.timezone).ok()?;
    let (start, end): (Timestamp, Timestamp) = (s.start.parse().ok()?, s.end.parse().ok()?);
    let before = tz.to_offset(start);
    let info = tz.to_offset_info(end);
    let forward = info.offset().seconds() > before.seconds();
    let season = if info.dst().is_dst() {
        "summer time"
    } else {
        "winter time"
    };
    let abbreviation = info.abbreviation();
    let named = if abbreviation.starts_with(['+', '-']) {
        season.to_string()
    } else {
        format!("{season} ({abbreviation})")
    };
    Some(format!(
        "The clocks go {} during this screening: it ends at {} {named}",
        if forward { "forward" } else { "back" },
        end.to_zoned(tz).strftime("%H:%M")
    ))
}

/// "+01:00", "-03:30" from seconds east of UTC.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let m = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

/// "3 series", "3 series and 1 one-off event": the series with
/// screenings, one-off events counted apart.
pub fn series_summary(plan: &Plan) -> String {
    let shown = plan.series.iter().filter(|s| s.screenings > 0);
    let events = shown.clone().filter(|s| s.one_off).count();
    let series = shown.count() - events;
    match events {
        0 => format!("{series} series"),
        n => format!(
            "{series} series and {}",
            plural(n, "one-off event", "one-off events")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::ScreenedFilm;

    fn film(id: &str, runtime: u32) -> ScreenedFilm {
        ScreenedFilm {
            id: id.into(),
            title: id.into(),
            runtime,
            ..Default::default()
        }
    }

    fn screening(id: &str, start: &str) -> Screening {
        Screening {
            id: id.into(),
            day: start[..10].into(),
            start: start.into(),
            venue_name: "Ideal".into(),
            films: vec![film("a", 69), film("b", 40)],
            ..Default::default()
        }
    }

    fn plan(screenings: Vec<Screening>) -> Plan {
        Plan {
            timezone: "Europe/Lisbon".into(),
            intro: 10,
            interval: 5,
            screenings,
            ..Default::default()
        }
    }

    #[test]
    fn film_starts_of_an_old_plan_are_computed_with_the_screenings_intro() {
        let mut s = screening("x", "2027-05-22T19:00:00+01:00");
        s.intro = Some(20);
        let p = plan(vec![s.clone()]);
        assert_eq!(
            film_starts(&p, &s),
            vec![
                Some("2027-05-22T19:20:00+01:00".to_string()),
                Some("2027-05-22T20:34:00+01:00".to_string())
            ]
        );
        // The plan's own starts win.
        s.films[1].start = Some("2027-05-22T20:40:00+01:00".into());
        assert_eq!(
            film_starts(&p, &s)[1].as_deref(),
            Some("2027-05-22T20:40:00+01:00")
        );
        // A time that cannot be read gives no computed start.
        let mut bad = screening("y", "2027-05-22T19:00:00+01:00");
        bad.start = "soon".into();
        assert_eq!(film_starts(&p, &bad), vec![None, None]);
    }

    #[test]
    fn occurrences_are_found_from_the_original_and_from_each_repeat() {
        let first = screening("s@a", "2027-05-22T18:00:00+01:00");
        let mut second = screening("s@b", "2027-05-23T15:00:00+01:00");
        second.repeat_of = Some("s@a".into());
        let mut third = screening("s@c", "2027-05-21T21:00:00+01:00");
        third.repeat_of = Some("s@a".into());
        let other = screening("t@d", "2027-05-21T15:00:00+01:00");
        let p = plan(vec![first.clone(), second.clone(), third.clone(), other]);
        let ids = |s: &Screening| -> Vec<(String, bool)> {
            occurrences(&p, s)
                .iter()
                .map(|o| (o.screening.id.clone(), o.original))
                .collect()
        };
        assert_eq!(
            ids(&first),
            [("s@c".to_string(), false), ("s@b".to_string(), false)]
        );
        assert_eq!(
            ids(&second),
            [("s@a".to_string(), true), ("s@c".to_string(), false)]
        );
        assert_eq!(
            occurrences(&p, &second)[0].text(),
            "Repeat of Sat 22 May, 18:00 at Ideal"
        );
        assert_eq!(
            occurrences(&p, &first)[0].text(),
            "Also screened Fri 21 May, 21:00 at Ideal"
        );
        assert!(occurrences(&p, &p.screenings[3]).is_empty());
    }

    #[test]
    fn times_are_named_as_a_person_would_and_clock_changes_said_on_their_day() {
        // A late show across the spring change in London.
        let mut s = screening("late", "2027-03-28T00:30:00+00:00");
        s.day = "2027-03-27".into();
        s.end = "2027-03-28T02:28:00+01:00".into();
        let mut p = plan(vec![screening("eve", "2027-03-27T20:00:00+00:00"), s]);
        p.timezone = "Europe/London".into();
        assert_eq!(
            time_phrase(&p),
            "All times are London time (GMT, then BST)."
        );
        assert_eq!(
            clock_changes(&p),
            [(
                "2027-03-27".to_string(),
                "Clocks go forward one hour at 01:00: times from then on are BST (UTC+01:00)."
                    .to_string()
            )]
        );
        p.timezone = "UTC".into();
        assert_eq!(time_phrase(&p), "All times are UTC.");
        assert!(clock_changes(&p).is_empty());
        assert_eq!(utc_offset(-12600), "-03:30");
    }

    #[test]
    fn paragraphs_are_split_at_blank_lines_and_joined_within() {
        assert_eq!(
            paragraphs("  Films of the pits.\nAnd of the towns.\n\n\n Second.  \n"),
            ["Films of the pits. And of the towns.", "Second."]
        );
        assert!(paragraphs(" \n\n").is_empty());
    }

    #[test]
    fn facts_read_as_phrases() {
        let mut s = screening("x", "2027-05-22T19:00:00+01:00");
        let p = plan(vec![]);
        assert_eq!(facts(&p, &s, Shown::Always), [Fact::Intro(10)]);
        assert!(facts(&p, &s, Shown::WhereDifferent).is_empty());
        s.intro = Some(0);
        s.discussion = 40;
        s.guests = vec!["Ana Ribeiro".into(), "João Lopes".into()];
        s.note = Some(" Opening night ".into());
        let texts: Vec<String> = facts(&p, &s, Shown::WhereDifferent)
            .iter()
            .map(Fact::text)
            .collect();
        assert_eq!(
            texts,
            [
                "No introduction",
                "Discussion with Ana Ribeiro and João Lopes (40 min)",
                "Opening night"
            ]
        );
        assert!(facts(&p, &s, Shown::Always)
            .iter()
            .all(|f| !matches!(f, Fact::Intro(_))));
        s.discussion = 0;
        assert_eq!(
            facts(&p, &s, Shown::Always)[0].text(),
            "With Ana Ribeiro and João Lopes"
        );
        s.guests.clear();
        s.discussion = 30;
        assert_eq!(
            facts(&p, &s, Shown::Always)[0].text(),
            "Discussion (30 min)"
        );
        assert_eq!(names(&["A".into(), "B".into(), "C".into()]), "A, B and C");
    }
}
