//! `slate related FILM`: ranked related films, each with why.

use clap::Args;
use serde::Serialize;

use slate::graph::Scratch;
use slate::recommend::related::{related, Query, COUNTRY_BONUS, DIRECTOR_BONUS};
use slate::recommend::Recommendation;

use super::filters::FilmFilters;
use super::output::{csv, emit, json, table, Format};
use super::{build_graph, load_catalogue, require_films, resolve_film, Cli, CmdResult};

#[derive(Args)]
#[command(
    after_help = "The score is the thematic similarity (0–1; a shared theme counts more the \
    fewer films carry it), plus 0.10 for a shared director, 0.05 for a shared country and up to \
    0.05 for films made close together.\n\nExamples:\n  slate related harlan-county-usa\n  \
    slate related \"brassed off\" -n 5 --why\n  \
    slate related matewan --decade 1970s --exclude-director --format json"
)]
pub struct RelatedArgs {
    /// Film id or title
    film: String,
    /// How many films
    #[arg(short = 'n', long = "number", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    n: u32,
    /// Show how each score is made up
    #[arg(long)]
    why: bool,
    /// Leave out films by the same director
    #[arg(long)]
    exclude_director: bool,
    #[command(flatten)]
    filters: FilmFilters,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(cli: &Cli, args: &RelatedArgs) -> CmdResult {
    let loaded = load_catalogue(cli)?;
    let cat = &loaded.catalogue;
    require_films(cli, cat)?;
    let film = resolve_film(cat, &args.film)?;
    let graph = build_graph(cat);
    let mut scratch = Scratch::new(&graph);
    let query = Query {
        n: args.n as usize,
        filter: args.filters.filter(),
        exclude_director: args.exclude_director,
    };
    let answer = related(cat, &graph, &mut scratch, film, &query);
    let f = &cat.films()[film];
    if answer.fallback {
        say!(
            "note: {} carries no themes; related films are matched on director, country and years only",
            f.display_title()
        );
    }
    if answer.items.is_empty() && args.format == Format::Table {
        say!(
            "no related films for {} with these filters",
            f.display_title()
        );
    }
    let detail = if args.why {
        Detail::Score
    } else {
        Detail::Line
    };
    emit(&render(&answer.items, args.format, detail, cat.len()))
}

#[derive(Serialize)]
struct Item<'a> {
    rank: usize,
    #[serde(flatten)]
    rec: &'a Recommendation,
}

/// How much of a score to explain with `--why`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// The one-line explanation only.
    Line,
    /// Shared themes and their weights.
    Themes,
    /// Shared themes and every bonus: the whole score of a related film.
    Score,
}

/// Recommendations as a table (with more detail on request), JSON or CSV.
pub fn render(items: &[Recommendation], format: Format, detail: Detail, total: usize) -> String {
    match format {
        Format::Json => json(
            &items
                .iter()
                .enumerate()
                .map(|(i, rec)| Item { rank: i + 1, rec })
                .collect::<Vec<_>>(),
        ),
        Format::Csv => csv(
            &[
                "rank",
                "id",
                "title",
                "year",
                "score",
                "why",
                "shared_themes",
            ],
            &items
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    vec![
                        (i + 1).to_string(),
                        r.id.clone(),
                        r.title.clone(),
                        r.year.map(|y| y.to_string()).unwrap_or_default(),
                        format!("{:.3}", r.score),
                        r.why.clone(),
                        r.reasons
                            .themes
                            .iter()
                            .map(|t| t.id.as_str())
                            .collect::<Vec<_>>()
                            .join("; "),
                    ]
                })
                .collect::<Vec<_>>(),
        ),
        Format::Table => {
            let rows: Vec<Vec<String>> = items
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    vec![
                        (i + 1).to_string(),
                        format!("{:.2}", r.score),
                        r.title.clone(),
                        r.year.map(|y| y.to_string()).unwrap_or_default(),
                        r.why.clone(),
                    ]
                })
                .collect();
            let mut s = table(&["#", "SCORE", "TITLE", "YEAR", "WHY"], &rows);
            if detail != Detail::Line {
                for (i, r) in items.iter().enumerate() {
                    s.push_str(&format!("\n{}. {} ({})\n", i + 1, r.title, r.id));
                    let mut rows: Vec<Vec<String>> = r
                        .reasons
                        .themes
                        .iter()
                        .map(|t| {
                            vec![
                                format!("{}{}", t.label, if t.direct { "" } else { " (broader)" }),
                                format!("carried by {} of {total} films", t.films),
                                format!("+{:.3}", t.contribution),
                            ]
                        })
                        .collect();
                    if let (Detail::Score, Some(d)) = (detail, &r.reasons.same_director) {
                        rows.push(vec![
                            "same director".into(),
                            d.clone(),
                            format!("+{DIRECTOR_BONUS:.3}"),
                        ]);
                    }
                    if let (Detail::Score, Some(c)) = (detail, &r.reasons.same_country) {
                        rows.push(vec![
                            "same country".into(),
                            c.clone(),
                            format!("+{COUNTRY_BONUS:.3}"),
                        ]);
                    }
                    let why = &r.reasons;
                    if let (Detail::Score, Some(c)) = (detail, &why.companion) {
                        rows.push(vec![
                            "companion".into(),
                            c.relation.phrase(&c.title),
                            format!("+{:.3}", why.companion_bonus),
                        ]);
                    }
                    if detail == Detail::Score && !why.events.is_empty() {
                        rows.push(vec![
                            "same event".into(),
                            why.events
                                .iter()
                                .map(|e| e.label.as_str())
                                .collect::<Vec<_>>()
                                .join("; "),
                            format!("+{:.3}", why.events_bonus),
                        ]);
                    }
                    if detail == Detail::Score && why.words_bonus > 0.0005 {
                        rows.push(vec![
                            "synopsis words".into(),
                            why.words.join(", "),
                            format!("+{:.3}", why.words_bonus),
                        ]);
                    }
                    let bonus = r.score
                        - why.companion_bonus
                        - why.events_bonus
                        - why.words_bonus
                        - r.reasons.themes.iter().map(|t| t.contribution).sum::<f32>()
                        - if r.reasons.same_director.is_some() {
                            DIRECTOR_BONUS
                        } else {
                            0.0
                        }
                        - if r.reasons.same_country.is_some() {
                            COUNTRY_BONUS
                        } else {
                            0.0
                        };
                    if detail == Detail::Score && bonus > 0.0005 {
                        rows.push(vec![
                            "made close together".into(),
                            match r.reasons.year_gap {
                                Some(0) => "same year".into(),
                                Some(1) => "a year apart".into(),
                                Some(g) => format!("{g} years apart"),
                                None => String::new(),
                            },
                            format!("+{bonus:.3}"),
                        ]);
                    }
                    for line in table(&["", "", ""], &rows).lines().skip(1) {
                        s.push_str("  ");
                        s.push_str(line);
                        s.push('\n');
                    }
                    if let Some(via) = &r.reasons.via {
                        match &via.through_title {
                            Some(t) => s.push_str(&format!(
                                "   reached from {} through {}\n",
                                via.seed_title, t
                            )),
                            None => s.push_str(&format!("   reached from {}\n", via.seed_title)),
                        }
                    }
                }
            }
            s
        }
    }
}
