//! The printed programme as Markdown: day by day and venue by venue, then
//! series by series, for booklets and websites. Each screening lists its
//! films (with each film's start when there are several, and the copy's
//! format) and its facts ([`super::facts`]): an introduction that differs
//! from the plan's (said once, at the top), the discussion and guests, a
//! fixed screening's note and the other occurrences of a repeat. One-off
//! events (an opening night) are listed among the series as such.
//!
//! It is printed for the audience: the programme's and each series'
//! `description` are its words, and the planner's reasons (why a series'
//! films belong together) are left to `slate plan`'s own table.

use std::fmt::Write as _;

use super::facts::{
    clock_changes, facts, film_starts, paragraphs, series_summary, time_phrase, Fact, Shown,
};
use crate::schedule::{Plan, Screening};

/// "Sat 1 May 2027" from "2027-05-01".
pub fn day_heading(day: &str) -> String {
    match day.parse::<jiff::civil::Date>() {
        Ok(d) => d.strftime("%A %-d %B %Y").to_string(),
        Err(_) => day.to_string(),
    }
}

/// "14:00" from an RFC 3339 time.
pub fn clock(rfc3339: &str) -> &str {
    rfc3339.get(11..16).unwrap_or(rfc3339)
}

/// A text as one line of Markdown: inline markup escaped, and line breaks
/// and other control characters turned into spaces, so no text from the
/// catalogue or the plan can start a heading, a list item or a new line.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
            if !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The films, " + " between them: each with its year, directors, runtime
/// and copy format, and its own start when the screening has several.
fn films_line(plan: &Plan, s: &Screening) -> String {
    let starts = film_starts(plan, s);
    s.films
        .iter()
        .zip(&starts)
        .map(|(f, start)| {
            let mut t = String::new();
            if let (true, Some(at)) = (s.films.len() > 1, start) {
                let _ = write!(t, "{} ", clock(at));
            }
            let _ = write!(t, "*{}*", md(&f.title));
            if let Some(y) = f.year {
                let _ = write!(t, " ({y})");
            }
            if !f.directors.is_empty() {
                let _ = write!(t, ", {}", md(&f.directors.join(", ")));
            }
            let _ = write!(t, ", {} min", f.runtime);
            if let Some(format) = f.format.as_deref().filter(|x| !x.trim().is_empty()) {
                let _ = write!(t, ", {}", md(format.trim()));
            }
            t
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The films, then the screening's facts (introduction where it differs
/// from the plan's, discussion and guests, note, other occurrences), " · "
/// between them.
fn screening_line(plan: &Plan, s: &Screening) -> String {
    let mut line = films_line(plan, s);
    for fact in facts(plan, s, Shown::WhereDifferent) {
        match fact {
            Fact::Tickets(url) => {
                let _ = write!(line, " · [Tickets]({})", link_target(url));
            }
            _ => {
                let _ = write!(line, " · {}", md(&fact.text()));
            }
        }
    }
    line
}

/// A link destination in angle brackets, which may hold any character but
/// the brackets themselves and line breaks (CommonMark).
fn link_target(url: &str) -> String {
    let safe: String = url
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .replace('<', "%3C")
        .replace('>', "%3E");
    format!("<{safe}>")
}

/// The whole printed programme.
pub fn render(plan: &Plan) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&plan.programme));
    let _ = write!(
        out,
        "{} screenings of {} films in {}. {}",
        plan.screenings.len(),
        plan.film_count(),
        series_summary(plan),
        time_phrase(plan)
    );
    if plan.intro > 0 && !plan.screenings.is_empty() {
        let _ = write!(
            out,
            " Screenings open with a {}-minute introduction unless said otherwise.",
            plan.intro
        );
    }
    out.push_str("\n\n");
    for p in plan
        .description
        .as_deref()
        .map(paragraphs)
        .unwrap_or_default()
    {
        let _ = writeln!(out, "{}\n", md(&p));
    }
    // What the programme says once for every screening; tickets as a link.
    let mut box_office: Vec<String> = plan.audience.summary().iter().map(|p| md(p)).collect();
    if let Some(url) = plan.audience.tickets.as_deref() {
        box_office.push(format!("[Buy tickets]({})", link_target(url)));
    }
    if !box_office.is_empty() {
        let _ = writeln!(
            out,
            "Every screening, unless said otherwise: {}\n",
            box_office.join(" · ")
        );
    }
    let mut days: Vec<&str> = plan.screenings.iter().map(|s| s.day.as_str()).collect();
    days.dedup();
    let changes = clock_changes(plan);
    for day in days {
        let _ = writeln!(out, "## {}\n", day_heading(day));
        for (_, note) in changes.iter().filter(|(d, _)| d == day) {
            let _ = writeln!(out, "*{}*\n", md(note));
        }
        // Venues in the plan's order (the programme file's), as on the page.
        for venue in plan.venue_order() {
            let Some(name) = plan
                .screenings
                .iter()
                .find(|s| s.day == day && s.venue == venue)
                .map(|s| s.venue_name.as_str())
            else {
                continue;
            };
            let _ = writeln!(out, "### {}\n", md(name));
            for s in plan
                .screenings
                .iter()
                .filter(|s| s.day == day && s.venue == venue)
            {
                // The festival day runs past midnight (`day_starts`): a
                // screening may start or end on the next calendar day.
                let when = if s.start.get(..10) != Some(day) {
                    " (after midnight)"
                } else if s.end.get(..10) != Some(day) {
                    " (next day)"
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "- **{}–{}{}** · {} — {}",
                    clock(&s.start),
                    clock(&s.end),
                    when,
                    md(&s.series_title),
                    screening_line(plan, s)
                );
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "## Series\n");
    for series in plan.series.iter().filter(|s| s.screenings > 0) {
        let _ = writeln!(out, "### {}\n", md(&series.title));
        let described = series
            .description
            .as_deref()
            .map(paragraphs)
            .unwrap_or_default();
        if series.one_off {
            let _ = writeln!(out, "A one-off event.\n");
        }
        for p in &described {
            let _ = writeln!(out, "{}\n", md(p));
        }
        for s in plan.screenings.iter().filter(|s| s.series == series.id) {
            let _ = writeln!(
                out,
                "- {} {}, {} — {}",
                day_heading(&s.day),
                clock(&s.start),
                md(&s.venue_name),
                screening_line(plan, s)
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{ScreenedFilm, Screening};

    fn screening(venue: &str, name: &str, start: &str, title: &str) -> Screening {
        Screening {
            id: format!("s@{venue}-{start}"),
            venue: venue.into(),
            venue_name: name.into(),
            day: start[..10].into(),
            start: start.into(),
            end: start.into(),
            series: "s".into(),
            series_title: "Series".into(),
            films: vec![ScreenedFilm {
                id: "f".into(),
                title: title.into(),
                runtime: 90,
                year: None,
                directors: vec![],
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn text_never_starts_a_line_of_its_own() {
        let plan = Plan {
            programme: "P\n# Injected".into(),
            screenings: vec![screening(
                "a",
                "Hall\r\n- item",
                "2027-05-01T18:00:00+01:00",
                "Title\n## Heading\u{2028}x",
            )],
            ..Default::default()
        };
        let out = render(&plan);
        for line in out.lines() {
            assert!(
                !line.starts_with("# Injected")
                    && !line.starts_with("## Heading")
                    && !line.starts_with("- item"),
                "{out}"
            );
        }
        assert!(out.contains("*Title \\#\\# Heading x*"), "{out}");
    }

    #[test]
    fn venues_in_the_plan_order_not_by_id() {
        let plan = Plan {
            screenings: vec![
                screening("zeta", "Zeta Hall", "2027-05-01T14:00:00+01:00", "A"),
                screening("alpha", "Alpha Room", "2027-05-01T16:00:00+01:00", "B"),
            ],
            ..Default::default()
        };
        let out = render(&plan);
        assert!(out.find("### Zeta Hall").unwrap() < out.find("### Alpha Room").unwrap());
    }

    #[test]
    fn facts_follow_the_films_escaped() {
        let mut s = screening("a", "Hall", "2027-05-01T18:00:00+01:00", "A");
        s.films.push(ScreenedFilm {
            id: "g".into(),
            title: "B".into(),
            runtime: 20,
            format: Some("16mm".into()),
            ..Default::default()
        });
        s.intro = Some(0);
        s.discussion = 15;
        s.note = Some("Free *entry*\n# not a heading".into());
        let plan = Plan {
            timezone: "Europe/Lisbon".into(),
            intro: 10,
            interval: 5,
            screenings: vec![s],
            ..Default::default()
        };
        let out = render(&plan);
        assert!(
            out.contains(
                "18:00 *A*, 90 min + 19:35 *B*, 20 min, 16mm · No introduction · \
                 Discussion (15 min) · Free \\*entry\\* \\# not a heading\n"
            ),
            "{out}"
        );
    }
}
