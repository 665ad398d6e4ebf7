//! The programme as one self-contained HTML page: a day × venue time grid,
//! the series with the programmer's words and their films, an A–Z film
//! index, the theme graph picture, links to the calendar files, and the
//! screenings as schema.org events ([`jsonld`]).
//!
//! The page speaks to the audience; with [`Page::internal`] it is the
//! team's copy and adds what only the programmer needs: the minutes each
//! slot leaves free, why each series' films belong together, its coherence
//! and shortfall.
//!
//! The page is a single file with inline CSS and SVG and no script at all:
//! it makes no network request, works from `file://`, and its
//! Content-Security-Policy forbids scripts and remote resources, as a second
//! line of defence behind escaping. Every text that comes from a programme,
//! a plan or the catalogue goes through [`escape`]; links to the outside
//! (venue websites) are written only when they are `http(s)` URLs.
//!
//! Layout decisions, for programmers who print the page as it is:
//! - the grid is a real `<table>` per day: one column per venue, one row of
//!   lanes in which each screening is a block placed and sized by its real
//!   start and length ([`grid`]); on the internal page the slot time left
//!   free is hatched and labelled; empty slots are drawn as open;
//! - series are told apart by colour *and* by a letter key and their title in
//!   every block, so colour never carries identity alone;
//! - on a phone the grid scrolls sideways and the sections stack; in print
//!   each day's grid and the series start on a new page, colours are kept and
//!   the navigation and calendar links are left out.

mod agenda;
mod grid;
pub mod jsonld;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::facts::{
    facts, film_starts, paragraphs, series_summary, short_day, short_when, time_phrase, Fact, Shown,
};
use super::markdown::{clock, day_heading};
use super::ExportError;
// Links from outside data: one check for the page and the calendars.
use super::web_url;
use crate::catalogue::{Catalogue, Film};
use crate::schedule::{Plan, ScreenedFilm, Screening};
use crate::text::{escape_markup as e, plural, title_key};

const STYLE: &str = include_str!("style.css");

/// Calendar files written beside the page, as paths relative to it.
#[derive(Debug, Clone, Default)]
pub struct CalendarLinks {
    /// The whole programme.
    pub all: Option<String>,
    /// Series id → file.
    pub series: BTreeMap<String, String>,
    /// Venue id → file.
    pub venues: BTreeMap<String, String>,
    /// Screening id → file.
    pub screenings: BTreeMap<String, String>,
}

/// What the page shows besides the plan.
pub struct Page<'a> {
    pub plan: &'a Plan,
    /// Film details (country, synopsis, themes); a plan's films missing from
    /// it are shown with what the plan itself carries.
    pub catalogue: Option<&'a Catalogue>,
    /// The theme graph picture of the programme's films, as SVG.
    pub picture: Option<String>,
    pub calendars: CalendarLinks,
    /// What changed since the last publication (for the events' status).
    pub status: jsonld::Status,
    /// The team's own copy: also what only the programmer needs (the
    /// minutes a screening leaves free in its slot, why a series' films
    /// belong together and its coherence, a series' shortfall). The public
    /// page (false) leaves them out.
    pub internal: bool,
    /// When the page is published: the phone agenda opens on that day when
    /// it falls within the festival (else on the first day).
    pub now: Option<jiff::Timestamp>,
}

impl Page<'_> {
    /// The catalogue's record of a film of the plan, if it has one.
    fn film(&self, id: &str) -> Option<&Film> {
        self.catalogue.and_then(|c| c.get(id))
    }
}

/// The fragment identifier of a screening on the page (`#screening-…`),
/// which feeds link to.
pub fn screening_anchor(id: &str) -> String {
    anchor("screening-", id)
}

/// A fragment identifier made of a slug-like id (kept readable, never raw).
fn anchor(prefix: &str, id: &str) -> String {
    let mut out = String::from(prefix);
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else {
            let _ = write!(out, "_{:x}", c as u32);
        }
    }
    out
}

/// Series letter keys: A–Z, then AA, AB, …
fn series_key(i: usize) -> String {
    let mut n = i;
    let mut out = Vec::new();
    loop {
        out.push((b'A' + (n % 26) as u8) as char);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.iter().rev().collect()
}

/// Number of series colours in the stylesheet (`.s0` … `.s9`).
const COLOURS: usize = 10;

/// The first sentence of a synopsis (at most about 200 characters).
fn short_note(synopsis: &str) -> String {
    let text = synopsis.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut end = None;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') && i >= 40 {
            let next = text[i + c.len_utf8()..].chars().next();
            if next.is_none_or(|n| n == ' ') {
                end = Some(i + c.len_utf8());
                break;
            }
        }
    }
    let cut = end.unwrap_or(text.len());
    if text[..cut].chars().count() <= 220 {
        return text[..cut].to_string();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() > 200 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let kept = out.trim_end_matches([',', ';', ':', '-', '–', '—']).len();
    out.truncate(kept);
    out.push('…');
    out
}

/// Series in the plan that have screenings, with their colour index and key.
struct SeriesStyle {
    index: BTreeMap<String, usize>,
}

impl SeriesStyle {
    fn new(plan: &Plan) -> Self {
        let index = plan
            .series
            .iter()
            .filter(|s| s.screenings > 0)
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        SeriesStyle { index }
    }
    fn class(&self, series: &str) -> String {
        match self.index.get(series) {
            Some(i) => format!("s{}", i % COLOURS),
            None => "s-none".into(),
        }
    }
    /// The series' letter key and title, as HTML.
    fn labelled(&self, series: &str, title: &str) -> String {
        format!(
            "<span class=\"key\">{}</span> {}",
            self.key(series),
            e(title)
        )
    }
    fn key(&self, series: &str) -> String {
        self.index
            .get(series)
            .map(|&i| series_key(i))
            .unwrap_or_else(|| "?".into())
    }
}

/// "Dir. Ken Loach · 1969 · United Kingdom · 110 min": as screened, with
/// the countries the catalogue knows.
fn credits(f: &ScreenedFilm, details: Option<&Film>) -> String {
    let mut parts = Vec::new();
    if !f.directors.is_empty() {
        parts.push(format!("Dir. {}", f.directors.join(", ")));
    }
    if let Some(y) = f.year {
        parts.push(y.to_string());
    }
    if let Some(d) = details.filter(|d| !d.countries.is_empty()) {
        parts.push(d.countries.join(", "));
    }
    if f.runtime > 0 {
        parts.push(format!("{} min", f.runtime));
    }
    parts.join(" · ")
}

/// The whole page.
pub fn render(page: &Page) -> Result<String, ExportError> {
    let plan = page.plan;
    let style = SeriesStyle::new(plan);
    let mut days: Vec<&str> = plan
        .screenings
        .iter()
        .map(|s| s.day.as_str())
        .chain(plan.open_slots.iter().map(|s| s.day.as_str()))
        .collect();
    days.sort_unstable();
    days.dedup();
    let venues = grid::venues(plan);
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"generator\" content=\"slate\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n{}</head>\n<body>\n",
        e(&plan.programme),
        jsonld::block(page)
    );
    masthead(&mut out, page, &days, &venues);
    out.push_str("<main>\n");
    agenda::agenda(&mut out, page, &style, &days);
    schedule(&mut out, plan, &style, &days, &venues, page.internal)?;
    series_sections(&mut out, page, &style);
    film_index(&mut out, page, &style);
    if let Some(svg) = &page.picture {
        out.push_str("<section id=\"theme-map\" aria-labelledby=\"map-h\">\n<h2 id=\"map-h\">Theme map</h2>\n");
        out.push_str("<p>The programme's films linked by the themes they share: the wider a link, the more two films have in common.</p>\n<figure class=\"map\">\n");
        out.push_str(svg);
        out.push_str("</figure>\n</section>\n");
    }
    calendars_section(&mut out, page, &venues);
    out.push_str("</main>\n<footer>\n");
    let _ = writeln!(
        out,
        "<p>Times are local to {}. Made with slate from the programme “{}”.</p>",
        e(&plan.timezone),
        e(&plan.programme)
    );
    out.push_str("</footer>\n</body>\n</html>\n");
    Ok(out)
}

/// Title, dates and counts, venues, and the navigation.
fn masthead(out: &mut String, page: &Page, days: &[&str], venues: &[grid::VenueColumn]) {
    let plan = page.plan;
    let span = match (days.first(), days.last()) {
        (Some(a), Some(b)) if a == b => format!("{}. ", day_heading(a)),
        (Some(a), Some(b)) => format!("{} – {}. ", day_heading(a), day_heading(b)),
        _ => String::new(),
    };
    let _ = write!(
        out,
        "<header class=\"masthead\">\n<h1>{}</h1>\n<p class=\"summary\">{}{}, {}, {}. {}{}</p>\n",
        e(&plan.programme),
        e(&span),
        plural(plan.screenings.len(), "screening", "screenings"),
        plural(plan.film_count(), "film", "films"),
        series_summary(plan),
        e(&time_phrase(plan)),
        if plan.intro > 0 && !plan.screenings.is_empty() {
            format!(
                " Screenings open with a {}-minute introduction unless said otherwise.",
                plan.intro
            )
        } else {
            String::new()
        }
    );
    for p in plan
        .description
        .as_deref()
        .map(paragraphs)
        .unwrap_or_default()
    {
        let _ = writeln!(out, "<p class=\"description\">{}</p>", e(&p));
    }
    // What the programme says once for every screening; tickets as a link.
    let mut box_office: Vec<String> = plan.audience.summary().iter().map(|p| e(p)).collect();
    if let Some(url) = plan.audience.tickets.as_deref().and_then(web_url) {
        box_office.push(format!(
            "<a class=\"tickets\" href=\"{}\">Buy tickets</a>",
            e(url)
        ));
    }
    if !box_office.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"box-office\">Every screening, unless said otherwise: {}</p>",
            box_office.join(" · ")
        );
    }
    if !venues.is_empty() {
        out.push_str("<ul class=\"venues\">\n");
        for v in venues {
            let _ = write!(out, "<li><strong>{}</strong>", e(&v.name));
            if let Some(a) = &v.address {
                let _ = write!(out, " · {}", e(a));
            }
            if let Some(u) = v.url.as_deref().and_then(web_url) {
                let _ = write!(
                    out,
                    " · <a href=\"{}\" rel=\"noopener noreferrer\">website</a>",
                    e(u)
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<nav aria-label=\"Sections\"><ul>\n");
    if !plan.screenings.is_empty() {
        out.push_str("<li class=\"narrow\"><a href=\"#agenda\">Agenda</a></li>\n");
    }
    out.push_str("<li><a href=\"#schedule\">Schedule</a></li>\n<li><a href=\"#series\">Series</a></li>\n<li><a href=\"#films\">Films A–Z</a></li>\n");
    if page.picture.is_some() {
        out.push_str("<li><a href=\"#theme-map\">Theme map</a></li>\n");
    }
    if page.calendars.all.is_some() {
        out.push_str("<li><a href=\"#calendars\">Add to calendar</a></li>\n");
    }
    out.push_str("</ul></nav>\n</header>\n");
}

/// The series legend and the grid, day by day.
fn schedule(
    out: &mut String,
    plan: &Plan,
    style: &SeriesStyle,
    days: &[&str],
    venues: &[grid::VenueColumn],
    internal: bool,
) -> Result<(), ExportError> {
    out.push_str("<section id=\"schedule\" aria-labelledby=\"schedule-h\">\n<h2 id=\"schedule-h\">Schedule</h2>\n");
    if days.is_empty() {
        out.push_str("<p>Nothing is scheduled.</p>\n");
    }
    if !style.index.is_empty() {
        out.push_str("<p class=\"sr\">Series, by letter:</p>\n<ul class=\"legend\">\n");
        for s in plan.series.iter().filter(|s| s.screenings > 0) {
            let _ = writeln!(
                out,
                "<li class=\"{}\"><a href=\"#{}\">{}</a></li>",
                style.class(&s.id),
                anchor("series-", &s.id),
                style.labelled(&s.id, &s.title)
            );
        }
        out.push_str("</ul>\n");
    }
    grid::days(out, plan, days, venues, style, internal)?;
    out.push_str("</section>\n");
    Ok(())
}

/// Each series: why its films belong together, the themes they share, its
/// calendar, and its screenings with their films.
fn series_sections(out: &mut String, page: &Page, style: &SeriesStyle) {
    let plan = page.plan;
    out.push_str(
        "<section id=\"series\" aria-labelledby=\"series-h\">\n<h2 id=\"series-h\">Series</h2>\n",
    );
    if style.index.is_empty() {
        out.push_str("<p>No series has a screening.</p>\n");
    }
    for s in plan.series.iter().filter(|s| s.screenings > 0) {
        let id = anchor("series-", &s.id);
        let _ = write!(
            out,
            "<section class=\"series {}\" id=\"{id}\" aria-labelledby=\"{id}-h\">\n<h3 id=\"{id}-h\">{}</h3>\n",
            style.class(&s.id),
            style.labelled(&s.id, &s.title)
        );
        if s.one_off {
            out.push_str("<p class=\"why\">A one-off event.</p>\n");
        } else if page.internal {
            let _ = writeln!(
                out,
                "<p class=\"why\">{}. Coherence {:.2}.</p>",
                e(&capitalise(&s.why)),
                s.coherence
            );
        }
        for p in s.description.as_deref().map(paragraphs).unwrap_or_default() {
            let _ = writeln!(out, "<p class=\"description\">{}</p>", e(&p));
        }
        let shared = shared_themes(page.catalogue, &s.films);
        if !shared.is_empty() {
            out.push_str("<p class=\"themes\"><span class=\"label\">Shared themes:</span> ");
            let chips: Vec<String> = shared
                .iter()
                .map(|(label, n)| {
                    format!(
                        "<span class=\"chip\">{} <span class=\"count\">{n} of {}</span></span>",
                        e(label),
                        s.films.len()
                    )
                })
                .collect();
            out.push_str(&chips.join(" "));
            out.push_str("</p>\n");
        }
        if let Some(path) = page.calendars.series.get(&s.id) {
            let _ = writeln!(
                out,
                "<p class=\"cal\"><a href=\"{}\" download>Add “{}” to your calendar</a> (.ics)</p>",
                e(path),
                e(&s.title)
            );
        }
        out.push_str("<ol class=\"programme\">\n");
        for sc in plan.screenings.iter().filter(|x| x.series == s.id) {
            programme_entry(out, page, sc);
        }
        out.push_str("</ol>\n");
        if let Some(short) = s.shortfall.as_ref().filter(|_| page.internal) {
            let _ = writeln!(out, "<p class=\"shortfall\">{}</p>", e(short));
        }
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");
}

/// One screening of a series: when and where, its facts, and its films
/// (each with its start when there are several, and the copy's format).
fn programme_entry(out: &mut String, page: &Page, sc: &Screening) {
    let plan = page.plan;
    let when = e(&short_when(sc));
    let _ = write!(
        out,
        "<li><p class=\"when\"><a href=\"#{}\">{when}</a> · {}",
        anchor("screening-", &sc.id),
        e(&sc.venue_name)
    );
    if let Some(path) = page.calendars.screenings.get(&sc.id) {
        let _ = write!(
            out,
            " <a class=\"add\" href=\"{}\" download>+ calendar<span class=\"sr\">: the screening of {when}</span></a>",
            e(path)
        );
    }
    out.push_str("</p>\n");
    let facts = facts(plan, sc, Shown::WhereDifferent);
    let (notes, others): (Vec<&Fact>, Vec<&Fact>) =
        facts.iter().partition(|f| matches!(f, Fact::Note(_)));
    if !others.is_empty() {
        let parts: Vec<String> = others.iter().map(|f| fact_html(f)).collect();
        let _ = writeln!(out, "<p class=\"extras\">{}</p>", parts.join(" · "));
    }
    for n in notes {
        let _ = writeln!(out, "<p class=\"event-note\">{}</p>", e(&n.text()));
    }
    out.push_str("<ul class=\"films\">\n");
    let starts = film_starts(plan, sc);
    for (f, start) in sc.films.iter().zip(&starts) {
        let details = page.film(&f.id);
        let at = match (sc.films.len() > 1, start) {
            (true, Some(at)) => format!("<time datetime=\"{}\">{}</time> ", e(at), e(clock(at))),
            _ => String::new(),
        };
        let _ = write!(
            out,
            "<li><h4>{at}<a href=\"#{}\">{}</a></h4>\n<p class=\"credits\">{}{}</p>\n",
            anchor("film-", &f.id),
            e(&f.title),
            e(&credits(f, details)),
            format_badge(f)
        );
        if let Some(syn) = details.and_then(|d| d.synopsis.as_deref()) {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", e(&short_note(syn)));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul></li>\n");
}

/// A fact as HTML: other occurrences link to their screening.
fn fact_html(fact: &Fact) -> String {
    match fact {
        Fact::Occurrence(o) => format!(
            "<span class=\"repeat\">{} <a href=\"#{}\">{}</a> at {}</span>",
            o.lead(),
            anchor("screening-", &o.screening.id),
            e(&short_when(o.screening)),
            e(&o.screening.venue_name)
        ),
        Fact::Tickets(url) => match web_url(url) {
            Some(url) => format!("<a class=\"tickets\" href=\"{}\">Tickets</a>", e(url)),
            None => e(&fact.text()),
        },
        Fact::Audience(parts) => format!("<span class=\"access\">{}</span>", e(&parts.join(" · "))),
        other => e(&other.text()),
    }
}

/// " <span class=\"badge\">35mm</span>": the copy's format, when given.
fn format_badge(f: &ScreenedFilm) -> String {
    match f.format.as_deref().map(str::trim).filter(|x| !x.is_empty()) {
        Some(format) => format!(
            " <span class=\"badge\"><span class=\"sr\">Format: </span>{}</span>",
            e(format)
        ),
        None => String::new(),
    }
}

/// Every film A–Z by title (articles aside), with where and when.
fn film_index(out: &mut String, page: &Page, style: &SeriesStyle) {
    out.push_str("<section id=\"films\" aria-labelledby=\"films-h\">\n<h2 id=\"films-h\">Films A–Z</h2>\n<ul class=\"index\">\n");
    // Film id → (the film as screened, its screenings).
    let mut films: BTreeMap<&str, (&ScreenedFilm, Vec<&Screening>)> = BTreeMap::new();
    for sc in &page.plan.screenings {
        for f in &sc.films {
            films.entry(&f.id).or_insert((f, Vec::new())).1.push(sc);
        }
    }
    let mut order: Vec<(String, &str)> = films
        .iter()
        .map(|(id, (f, _))| (format!("{}\u{0}{id}", title_key(&f.title)), *id))
        .collect();
    order.sort();
    if order.is_empty() {
        out.push_str("<li>No film is screened.</li>\n");
    }
    for (_, id) in order {
        let (f, screenings) = &films[id];
        let _ = write!(
            out,
            "<li id=\"{}\"><span class=\"title\">{}</span> <span class=\"credits\">{}</span><br>",
            anchor("film-", id),
            e(&f.title),
            e(&credits(f, page.film(id)))
        );
        if let Some(film) = page.film(id) {
            for (name, href) in crate::catalogue::links(film) {
                let label = match name {
                    "wikidata" => "Wikidata",
                    "imdb" => "IMDb",
                    _ => "Website",
                };
                let _ = write!(
                    out,
                    " <a class=\"ext\" rel=\"external noopener\" href=\"{}\">{label}</a>",
                    e(&href)
                );
            }
        }
        let when: Vec<String> =
            screenings
                .iter()
                .map(|sc| {
                    format!(
                    "<a href=\"#{}\">{}, {}</a>{} <span class=\"key {}\" title=\"{}\">{}</span>",
                    anchor("screening-", &sc.id),
                    e(&short_when(sc)),
                    e(&sc.venue_name),
                    if sc.repeat_of.is_some() { " (repeat)" } else { "" },
                    style.class(&sc.series),
                    e(&sc.series_title),
                    style.key(&sc.series)
                )
                })
                .collect();
        out.push_str(&when.join("; "));
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

/// Links to the calendars: the whole programme, each series, each venue.
fn calendars_section(out: &mut String, page: &Page, venues: &[grid::VenueColumn]) {
    let plan = page.plan;
    let Some(all) = &page.calendars.all else {
        return;
    };
    out.push_str("<section id=\"calendars\" aria-labelledby=\"cal-h\">\n<h2 id=\"cal-h\">Add to calendar</h2>\n");
    out.push_str("<p>Open a file in your calendar app, or subscribe to its address where this page is published: when the programme changes, subscribed calendars update.</p>\n<ul class=\"calendars\">\n");
    let _ = writeln!(
        out,
        "<li><a href=\"{}\" download>The whole programme</a> ({} screenings)</li>",
        e(all),
        plan.screenings.len()
    );
    for s in plan.series.iter().filter(|s| s.screenings > 0) {
        if let Some(p) = page.calendars.series.get(&s.id) {
            let n = plan.screenings.iter().filter(|x| x.series == s.id).count();
            let _ = writeln!(
                out,
                "<li><a href=\"{}\" download>{}: {}</a> ({})</li>",
                e(p),
                if s.one_off { "Event" } else { "Series" },
                e(&s.title),
                plural(n, "screening", "screenings")
            );
        }
    }
    for v in venues {
        if let Some(p) = page.calendars.venues.get(&v.id) {
            let n = plan.screenings.iter().filter(|s| s.venue == v.id).count();
            let _ = writeln!(
                out,
                "<li><a href=\"{}\" download>Venue: {}</a> ({})</li>",
                e(p),
                e(&v.name),
                plural(n, "screening", "screenings")
            );
        }
    }
    out.push_str("</ul>\n</section>\n");
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Themes carried by at least two of the films (a narrower theme counting
/// for its broader ones), most shared first, at most six. A broader theme
/// carried by no more films than a narrower one already listed says nothing
/// more and is left out (a strikes series is not shown as "unions" and
/// "class struggle" too, unless more of its films carry those).
fn shared_themes(catalogue: Option<&Catalogue>, films: &[String]) -> Vec<(String, usize)> {
    let Some(cat) = catalogue else {
        return Vec::new();
    };
    let vocab = cat.vocabulary();
    let carried: Vec<BTreeSet<&str>> = films
        .iter()
        .filter_map(|id| cat.get(id))
        .map(|f| {
            f.themes
                .iter()
                .flat_map(|t| std::iter::once(t.as_str()).chain(vocab.ancestors(t)))
                .collect()
        })
        .collect();
    let mut counts: Vec<(&str, &str, usize, usize, usize)> = vocab
        .themes()
        .iter()
        .enumerate()
        .map(|(pos, t)| {
            let n = carried.iter().filter(|c| c.contains(t.id.as_str())).count();
            let depth = vocab.ancestors(&t.id).count();
            (t.id.as_str(), t.label.as_str(), n, depth, pos)
        })
        .filter(|c| c.2 >= 2)
        .collect();
    // Most shared first; among equals, the narrowest first.
    counts.sort_by(|a, b| b.2.cmp(&a.2).then(b.3.cmp(&a.3)).then(a.4.cmp(&b.4)));
    let mut kept: Vec<(&str, &str, usize)> = Vec::new();
    for (id, label, n, _, _) in counts {
        let implied = kept
            .iter()
            .any(|(k, _, m)| *m == n && *k != id && vocab.implies(k, id));
        if !implied && kept.len() < 6 {
            kept.push((id, label, n));
        }
    }
    kept.into_iter()
        .map(|(_, label, n)| (label.to_string(), n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_run_past_z() {
        assert_eq!(series_key(0), "A");
        assert_eq!(series_key(25), "Z");
        assert_eq!(series_key(26), "AA");
        assert_eq!(series_key(27), "AB");
    }

    #[test]
    fn anchors_never_carry_markup() {
        assert_eq!(anchor("film-", "strike-1925"), "film-strike-1925");
        let a = anchor("film-", "x\"><script>");
        assert!(!a.contains('"') && !a.contains('<'), "{a}");
    }

    #[test]
    fn only_web_links_are_links() {
        assert_eq!(
            web_url("https://example.org/"),
            Some("https://example.org/")
        );
        assert_eq!(web_url("javascript:alert(1)"), None);
        assert_eq!(web_url(" JavaScript:alert(1)"), None);
        assert_eq!(web_url("data:text/html,<b>"), None);
    }

    #[test]
    fn notes_stop_at_the_first_sentence() {
        let s = "Miners in Harlan County strike for a union contract. Their wives join the line.";
        assert_eq!(
            short_note(s),
            "Miners in Harlan County strike for a union contract."
        );
        let long = "word ".repeat(100);
        let n = short_note(&long);
        assert!(n.ends_with('…') && n.chars().count() <= 202, "{n}");
        // "Dr. " early on is not a sentence end.
        assert!(short_note(
            "Dr. Strangelove learns to stop worrying and love the bomb, then it drops."
        )
        .ends_with("drops."));
    }

    proptest::proptest! {
        #[test]
        fn notes_and_anchors_of_any_text(text in "\\PC{0,400}") {
            let n = short_note(&text);
            proptest::prop_assert!(n.chars().count() <= 221, "{n}");
            let a = anchor("film-", &text);
            proptest::prop_assert!(a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
            let escaped = e(&text);
            proptest::prop_assert!(!escaped.contains('<') && !escaped.contains('"'));
        }
    }
}
