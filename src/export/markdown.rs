//! The printed programme as Markdown: day by day and venue by venue, then
//! series by series, for booklets and websites.

use std::fmt::Write as _;

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

/// Escapes Markdown's inline markup in a title.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
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

fn films_line(s: &Screening) -> String {
    s.films
        .iter()
        .map(|f| {
            let mut t = format!("*{}*", md(&f.title));
            if let Some(y) = f.year {
                let _ = write!(t, " ({y})");
            }
            if !f.directors.is_empty() {
                let _ = write!(t, ", {}", md(&f.directors.join(", ")));
            }
            let _ = write!(t, ", {} min", f.runtime);
            t
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The whole printed programme.
pub fn render(plan: &Plan) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&plan.programme));
    let _ = writeln!(
        out,
        "{} screenings of {} films in {} series. Times are local ({}).\n",
        plan.screenings.len(),
        plan.film_count(),
        plan.series.iter().filter(|s| s.screenings > 0).count(),
        plan.timezone
    );
    let mut days: Vec<&str> = plan.screenings.iter().map(|s| s.day.as_str()).collect();
    days.dedup();
    for day in days {
        let _ = writeln!(out, "## {}\n", day_heading(day));
        let mut venues: Vec<(&str, &str)> = plan
            .screenings
            .iter()
            .filter(|s| s.day == day)
            .map(|s| (s.venue.as_str(), s.venue_name.as_str()))
            .collect();
        venues.sort();
        venues.dedup();
        for (venue, name) in venues {
            let _ = writeln!(out, "### {}\n", md(name));
            for s in plan
                .screenings
                .iter()
                .filter(|s| s.day == day && s.venue == venue)
            {
                let ends_next_day = s.end.get(..10) != Some(day);
                let _ = writeln!(
                    out,
                    "- **{}–{}{}** · {} — {}",
                    clock(&s.start),
                    clock(&s.end),
                    if ends_next_day { " (next day)" } else { "" },
                    md(&s.series_title),
                    films_line(s)
                );
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "## Series\n");
    for series in plan.series.iter().filter(|s| s.screenings > 0) {
        let _ = writeln!(out, "### {}\n", md(&series.title));
        let _ = writeln!(out, "{}.\n", md(&series.why));
        for s in plan.screenings.iter().filter(|s| s.series == series.id) {
            let _ = writeln!(
                out,
                "- {} {}, {} — {}",
                day_heading(&s.day),
                clock(&s.start),
                md(&s.venue_name),
                films_line(s)
            );
        }
        out.push('\n');
    }
    out
}
