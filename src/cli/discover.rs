//! `slate discover FILM…`: films to discover from several seeds.

use clap::Args;

use slate::recommend::discover::discover;

use super::filters::FilmFilters;
use super::output::{emit, Format};
use super::related::{render, Detail};
use super::{build_graph, load_catalogue, require_films, resolve_film, Cli, CmdResult, Failure};

#[derive(Args)]
#[command(
    after_help = "A random walk with restart from the seed films reaches films that \
    share themes with the seeds' neighbours, not only with the seeds; the answer is diversified \
    (at most two films per director, few from one decade).\n\nExamples:\n  \
    slate discover harlan-county-usa matewan\n  \
    slate discover \"salt of the earth\" \"norma rae\" -n 10 --format json"
)]
pub struct DiscoverArgs {
    /// Seed films (ids or titles)
    #[arg(required = true, num_args = 1..)]
    films: Vec<String>,
    /// How many films
    #[arg(short = 'n', long = "number", default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..))]
    n: u32,
    /// Show how each film was reached and what it shares
    #[arg(long)]
    why: bool,
    #[command(flatten)]
    filters: FilmFilters,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(cli: &Cli, args: &DiscoverArgs) -> CmdResult {
    let loaded = load_catalogue(cli)?;
    let cat = &loaded.catalogue;
    require_films(cli, cat)?;
    let mut seeds = Vec::new();
    for q in &args.films {
        let f = resolve_film(cat, q)?;
        if !seeds.contains(&f) {
            seeds.push(f);
        }
    }
    let graph = build_graph(cat);
    for &s in &seeds {
        if !graph.has_themes(s as u32) {
            say!(
                "note: {} carries no themes; the walk cannot start from it",
                cat.films()[s].display_title()
            );
        }
    }
    let found = discover(cat, &graph, &seeds, args.n as usize, &args.filters.filter())
        .map_err(|e| Failure::Data(format!("error: {e}")))?;
    let detail = if args.why {
        Detail::Themes
    } else {
        Detail::Line
    };
    let mut text = render(&found.items, args.format, detail, cat.len());
    if args.format == Format::Table && !found.items.is_empty() {
        text.push_str(&format!("\n{}\n", found.diversity.line(found.items.len())));
    }
    emit(&text)
}
