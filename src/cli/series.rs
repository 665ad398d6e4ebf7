//! `slate series suggest`: themed series the catalogue can carry.

use clap::{Args, Subcommand};

use slate::recommend::series::{suggest, SeriesQuery};

use super::output::{csv, emit, json, Format};
use super::{build_graph, load_catalogue, require_films, Cli, CmdResult};

#[derive(Subcommand)]
pub enum SeriesCommand {
    /// Propose themed series found as communities of the theme graph
    #[command(after_help = "Examples:\n  slate series suggest\n  \
        slate series suggest -n 3 --min-films 5 --max-runtime-total 600\n  \
        slate series suggest --seed 7 --format json")]
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
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(cli: &Cli, cmd: &SeriesCommand) -> CmdResult {
    let SeriesCommand::Suggest(args) = cmd;
    let loaded = load_catalogue(cli)?;
    let cat = &loaded.catalogue;
    require_films(cli, cat)?;
    let graph = build_graph(cat);
    let query = SeriesQuery {
        n: args.n as usize,
        min_films: args.min_films as usize,
        max_films: args.max_films.max(args.min_films) as usize,
        max_runtime_total: args.max_runtime_total,
        seed: args.seed,
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
        Format::Json => json(&series),
        Format::Csv => {
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
        Format::Table => {
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
