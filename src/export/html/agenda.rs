//! The agenda: what the page opens on on a phone. Each festival day's
//! screenings in time order across venues, one to a line — time, venue,
//! the films, the series and a calendar link — because a grid of venue
//! columns does not fit a narrow screen and a festival-goer on the street
//! asks "what is on next", not "what is on in Sala 3".
//!
//! It opens on the day the page was published when that falls within the
//! festival (the days before it follow, folded, under "Earlier days"), else
//! on the first day; a link to `#agenda-YYYY-MM-DD` opens any day. The page
//! runs no script (its Content-Security-Policy forbids them), so "today" is
//! the publication's: a festival that re-publishes each morning has an
//! agenda that opens on the day. On wide screens the agenda is hidden (the
//! grid shows the same), so nothing is read twice.

use std::collections::HashMap;
use std::fmt::Write as _;

use jiff::Timestamp;

use super::{anchor, e, Page, SeriesStyle};
use crate::export::facts::short_day;
use crate::export::markdown::{clock, day_heading};
use crate::schedule::Screening;
use crate::text::push_escaped;

/// The festival day `now` falls on, in the plan's zone and with its
/// `day_starts` (a late night belongs to the evening before).
fn festival_day(page: &Page, now: Timestamp) -> Option<String> {
    let tz = jiff::tz::TimeZone::get(&page.plan.timezone).ok()?;
    let local = now.to_zoned(tz).datetime();
    Some(crate::programme::Slot::festival_day(local, page.plan.day_starts.0).to_string())
}

/// The agenda section, for `days` (in order).
pub(super) fn agenda(out: &mut String, page: &Page, style: &SeriesStyle, days: &[&str]) {
    let plan = page.plan;
    if plan.screenings.is_empty() {
        return;
    }
    // Screenings by day, each day in start order (then venue, as the plan
    // lists them).
    let mut order: Vec<(Timestamp, usize)> = plan
        .screenings
        .iter()
        .enumerate()
        .map(|(i, s)| (s.start.parse().unwrap_or(Timestamp::MIN), i))
        .collect();
    order.sort();
    let today = page
        .now
        .and_then(|now| festival_day(page, now))
        .and_then(|t| days.iter().position(|d| *d == t));
    let first = today.unwrap_or(0);
    out.push_str(
        "<section id=\"agenda\" class=\"agenda\" aria-labelledby=\"agenda-h\">\n<h2 id=\"agenda-h\">Agenda</h2>\n",
    );
    out.push_str("<nav class=\"agenda-days\" aria-label=\"Days\"><ul>\n");
    for (i, day) in days.iter().enumerate() {
        let _ = writeln!(
            out,
            "<li><a href=\"#agenda-{}\"{}>{}</a></li>",
            e(day),
            if Some(i) == today {
                " aria-current=\"date\""
            } else {
                ""
            },
            e(&short_day(day))
        );
    }
    out.push_str("</ul></nav>\n");
    let mut by_day: HashMap<&str, Vec<&Screening>> = HashMap::new();
    for &(_, i) in &order {
        let s = &plan.screenings[i];
        by_day.entry(s.day.as_str()).or_default().push(s);
    }
    let shown = |out: &mut String, day: &str| {
        let list = by_day.get(day).map(Vec::as_slice).unwrap_or_default();
        day_list(out, page, style, day, list);
    };
    for day in &days[first..] {
        shown(out, day);
    }
    if first > 0 {
        out.push_str("<details class=\"earlier\"><summary>Earlier days</summary>\n");
        for day in &days[..first] {
            shown(out, day);
        }
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n");
}

fn day_list(out: &mut String, page: &Page, style: &SeriesStyle, day: &str, list: &[&Screening]) {
    let id = format!("agenda-{}", e(day));
    let _ = write!(
        out,
        "<section class=\"agenda-day\" id=\"{id}\" aria-labelledby=\"{id}-h\">\n<h3 id=\"{id}-h\">{}</h3>\n",
        e(&day_heading(day))
    );
    if list.is_empty() {
        out.push_str("<p>No screenings.</p>\n</section>\n");
        return;
    }
    out.push_str("<ol class=\"agenda-list\">\n");
    // Written piece by piece, escaping into the page: a festival of
    // thousands of screenings has an agenda of megabytes.
    for s in list {
        out.push_str("<li class=\"agenda-entry ");
        out.push_str(&style.class(&s.series));
        out.push_str("\" data-screening=\"");
        push_escaped(out, &s.id);
        out.push_str("\"><p class=\"time\"><time datetime=\"");
        push_escaped(out, &s.start);
        out.push_str("\">");
        push_escaped(out, clock(&s.start));
        out.push_str("</time>–<time datetime=\"");
        push_escaped(out, &s.end);
        out.push_str("\">");
        push_escaped(out, clock(&s.end));
        out.push_str("</time> · <span class=\"venue\">");
        push_escaped(out, &s.venue_name);
        out.push_str("</span></p><p class=\"films\"><a href=\"#");
        out.push_str(&anchor("screening-", &s.id));
        out.push_str("\">");
        let titles_start = out.len();
        for (i, f) in s.films.iter().enumerate() {
            if i > 0 {
                out.push_str(" + ");
            }
            push_escaped(out, &f.title);
        }
        let titles = out[titles_start..].to_string();
        out.push_str("</a></p><p class=\"series\">");
        out.push_str(&style.labelled(&s.series, &s.series_title));
        out.push_str("</p>");
        if let Some(path) = page.calendars.screenings.get(&s.id) {
            let _ = write!(
                out,
                "<p class=\"add\"><a href=\"{}\" download>+ calendar<span class=\"sr\">: {titles} at {}</span></a></p>",
                e(path),
                e(clock(&s.start))
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
}
