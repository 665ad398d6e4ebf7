//! `slate series suggest`: themed series the catalogue can carry.

use clap::{Args, Subcommand};

use slate::recommend::series::{suggest, SeriesQuery, Steering, SuggestedSeries};
use slate::Catalogue;

use super::filters::{check_events, check_themes, countries};
use super::output::{csv, emit, json};
use super::{build_graph, load_catalogue, require_films, resolve_film, Cli, CmdResult};

#[derive(Subcommand)]
pub enum SeriesCommand {
    /// Propose themed series found as communities of the theme graph
    #[command(after_help = "Examples:\n  slate series suggest\n  \
        slate series suggest -n 3 --min-films 5 --max-runtime-total 600\n  \
        slate series suggest --seed 7 --format json\n  \
        slate series suggest --event uk-miners-strike-1984 --min-films 3\n  \
        slate series suggest --around \"man of iron\" --max-film-runtime 120 --format toml\n  \
        slate series suggest --theme textiles --country Bangladesh --country India -n 2\n\n\
        --format toml prints [[series]] blocks to paste into a programme file.")]
    Suggest(SuggestArgs),
}

#[derive(Args)]
pub struct SuggestArgs {
    /// How many series
    #[arg(short = 'n', long = "number", default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..))]
    n: u32,
    /// Fewest films a series may have
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(2..))]
    min_films: u32,
    /// Most films a series may have
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(2..))]
    max_films: u32,
    /// Most minutes of film in one series (films of unknown runtime are then left out)
    #[arg(long, value_name = "MINUTES")]
    max_runtime_total: Option<u32>,
    /// Seed of the community search: the same seed gives the same series
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Only films carrying this theme (repeatable: all must hold); the first anchors the series
    #[arg(long = "theme", value_name = "THEME")]
    themes: Vec<String>,
    /// Only films about this event (repeatable: any); the series is titled by it
    #[arg(long = "event", value_name = "EVENT")]
    events: Vec<String>,
    /// Only films from this country (repeatable: any; aliases such as UK, USSR)
    #[arg(long = "country", value_name = "COUNTRY")]
    countries: Vec<String>,
    /// Series built around this film (id or title): it and the films related to it
    #[arg(long, value_name = "FILM")]
    around: Option<String>,
    /// Only films of at most this many minutes (films of unknown runtime are left out)
    #[arg(long, value_name = "MINUTES")]
    max_film_runtime: Option<u32>,
    #[arg(long, value_enum, default_value_t)]
    format: SeriesFormat,
}

/// `--format` of `series suggest`: the listing formats and TOML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SeriesFormat {
    /// Aligned columns for reading
    #[default]
    Table,
    /// JSON for scripts
    Json,
    /// CSV with a header row, one row per film
    Csv,
    /// [[series]] blocks ready to paste into a programme file
    Toml,
}

pub fn run(cli: &Cli, cmd: &SeriesCommand) -> CmdResult {
    let SeriesCommand::Suggest(args) = cmd;
    let loaded = load_catalogue(cli)?;
    let cat = &loaded.catalogue;
    require_films(cli, cat)?;
    check_themes(cat, &args.themes)?;
    check_events(cat, &args.events)?;
    let steer = Steering {
        themes: args.themes.clone(),
        events: args.events.clone(),
        countries: countries(&args.countries)?,
        around: args
            .around
            .as_deref()
            .map(|q| resolve_film(cat, q))
            .transpose()?,
        max_film_runtime: args.max_film_runtime,
    };
    let graph = build_graph(cat);
    let query = SeriesQuery {
        n: args.n as usize,
        min_films: args.min_films as usize,
        max_films: args.max_films.max(args.min_films) as usize,
        max_runtime_total: args.max_runtime_total,
        seed: args.seed,
        steer,
    };
    let series = suggest(cat, &graph, &query);
    if series.is_empty() {
        say!(
            "no series of at least {} films found; try a smaller --min-films",
            args.min_films
        );
    }
    let films = cat.films();
    let text = match args.format {
        SeriesFormat::Json => json(&series),
        SeriesFormat::Toml => toml_blocks(cat, &series),
        SeriesFormat::Csv => {
            let mut rows = Vec::new();
            for (i, s) in series.iter().enumerate() {
                for (pos, &f) in s.films.iter().enumerate() {
                    rows.push(vec![
                        (i + 1).to_string(),
                        s.title.clone(),
                        format!("{:.3}", s.coherence),
                        (pos + 1).to_string(),
                        films[f].id.clone(),
                        films[f].title.clone(),
                        films[f].year.map(|y| y.to_string()).unwrap_or_default(),
                        films[f].runtime.map(|r| r.to_string()).unwrap_or_default(),
                    ]);
                }
            }
            csv(
                &[
                    "series",
                    "title",
                    "coherence",
                    "position",
                    "id",
                    "film",
                    "year",
                    "runtime",
                ],
                &rows,
            )
        }
        SeriesFormat::Table => {
            let mut s = String::new();
            for (i, se) in series.iter().enumerate() {
                s.push_str(&format!(
                    "{}. {} — {} films, {} min{}, coherence {:.2}\n   {}\n",
                    i + 1,
                    se.title,
                    se.films.len(),
                    se.total_runtime,
                    if se.unknown_runtimes > 0 {
                        format!(" (+{} of unknown length)", se.unknown_runtimes)
                    } else {
                        String::new()
                    },
                    se.coherence,
                    se.why
                ));
                for &f in &se.films {
                    let film = &films[f];
                    s.push_str(&format!(
                        "   {:>4}  {:<44} {:>4} min  {}\n",
                        film.year.map(|y| y.to_string()).unwrap_or_default(),
                        film.title,
                        film.runtime
                            .map(|r| r.to_string())
                            .unwrap_or_else(|| "?".into()),
                        film.directors.join(", ")
                    ));
                }
                s.push('\n');
            }
            s
        }
    };
    emit(&text)
}

/// Minutes of film per screening assumed when proposing a series' number of
/// screenings in TOML (a two-hour slot); the programmer adjusts it.
const MINUTES_PER_SCREENING: u32 = 120;

/// The series as `[[series]]` blocks of a programme file: id, title, the
/// films by id, and a number of screenings (one per two hours of film), each
/// with a comment saying what holds it together.
fn toml_blocks(cat: &Catalogue, series: &[SuggestedSeries]) -> String {
    let quote = |s: &str| toml_edit::Value::from(s).to_string().trim().to_string();
    let mut out = String::from(
        "# Suggested by `slate series suggest`; screenings assume about two hours of film each.\n",
    );
    for s in series {
        let minutes = s.total_runtime.max(1);
        let screenings = minutes.div_ceil(MINUTES_PER_SCREENING).max(1);
        out.push_str(&format!(
            "\n# {} films, {} min; coherence {:.2}: {}\n",
            s.films.len(),
            s.total_runtime,
            s.coherence,
            s.why
        ));
        for &f in &s.films {
            out.push_str(&format!("#   {}\n", cat.films()[f].display_title()));
        }
        out.push_str("[[series]]\n");
        out.push_str(&format!("id = {}\n", quote(&s.id)));
        out.push_str(&format!("title = {}\n", quote(&s.title)));
        let ids: Vec<String> = s.film_ids.iter().map(|id| quote(id)).collect();
        out.push_str(&format!("films = [{}]\n", ids.join(", ")));
        out.push_str(&format!("screenings = {screenings}\n"));
    }
    out
}
