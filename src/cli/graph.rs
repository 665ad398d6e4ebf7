//! `slate graph`: a picture of the theme graph as SVG, DOT or JSON.

use std::path::PathBuf;

use clap::Args;

use slate::picture::{dot, select, svg, PictureQuery};

use super::filters::check_themes;
use super::output::{json, write_file};
use super::{build_graph, load_catalogue, require_films, resolve_film, Cli, CmdResult, Failure};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PictureFormat {
    /// A drawing made by slate itself (no Graphviz needed)
    Svg,
    /// Graphviz DOT, to lay out with sfdp or neato
    Dot,
    /// Nodes with positions, edges and legend, for scripts
    Json,
}

#[derive(Args)]
#[command(
    after_help = "Each film is linked to its four most similar films in the picture; \
    colours mark the themes that best tell the films apart.\n\nExamples:\n  \
    slate graph --theme mining --format svg -o mining.svg\n  \
    slate graph --around harlan-county-usa --depth 2 --format dot -o harlan.dot\n  \
    slate graph --theme textiles --theme womens-work --max-nodes 40 --format json -o -"
)]
pub struct GraphArgs {
    /// Only films carrying this theme or a narrower one (repeatable: any of them)
    #[arg(long = "theme", value_name = "THEME")]
    themes: Vec<String>,
    /// Draw the neighbourhood of this film (id or title)
    #[arg(long, value_name = "FILM")]
    around: Option<String>,
    /// How many links deep the neighbourhood goes
    #[arg(long, default_value_t = 2, requires = "around")]
    depth: usize,
    /// At most this many films (the best-connected are kept)
    #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u32).range(1..=5000))]
    max_nodes: u32,
    /// Seed of the layout: the same seed draws the same picture
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, value_enum)]
    format: PictureFormat,
    /// Output file (`-` for standard output)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
}

pub fn run(cli: &Cli, args: &GraphArgs) -> CmdResult {
    let loaded = load_catalogue(cli)?;
    let cat = &loaded.catalogue;
    require_films(cli, cat)?;
    check_themes(cat, &args.themes)?;
    let around = args
        .around
        .as_deref()
        .map(|q| resolve_film(cat, q))
        .transpose()?;
    let graph = build_graph(cat);
    let picture = select(
        cat,
        &graph,
        &PictureQuery {
            themes: args.themes.clone(),
            around,
            depth: args.depth,
            max_nodes: args.max_nodes as usize,
            seed: args.seed,
        },
    );
    if picture.nodes.is_empty() {
        return Err(Failure::Data(
            "error: no films to draw: no film carries these themes".into(),
        ));
    }
    let text = match args.format {
        PictureFormat::Svg => svg::render(&picture),
        PictureFormat::Dot => dot::render(&picture),
        PictureFormat::Json => json(&picture),
    };
    if !write_file(&args.output, &text, &[])? {
        return Ok(());
    }
    say!(
        "wrote {} ({} films, {} links{})",
        args.output.display(),
        picture.nodes.len(),
        picture.edges.len(),
        if picture.left_out > 0 {
            format!(
                "; {} more films left out, raise --max-nodes to draw them",
                picture.left_out
            )
        } else {
            String::new()
        }
    );
    Ok(())
}
