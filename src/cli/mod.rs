//! Command-line interface: argument definitions (clap derive), one file per
//! subcommand, and the mapping of failures to exit codes:
//! 0 success, 1 bad data or nothing found, 2 usage errors.

/// `eprintln!` that ignores a closed stderr instead of panicking.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($t)*);
    }};
}

/// `eprint!` that ignores a closed stderr instead of panicking.
macro_rules! say_raw {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($t)*);
    }};
}

mod catalog;
mod check;
mod discover;
mod export;
mod filters;
mod graph;
mod import;
mod output;
pub mod plan;
mod related;
mod series;
mod themes;

use std::io::IsTerminal;
use std::mem::ManuallyDrop;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use slate::catalogue::load::{film_files, load, Loaded};
use slate::catalogue::lock::{self, DataLock};
use slate::catalogue::LoadOptions;
use slate::diagnostics::{render, summary};
use slate::text::escape_controls;

#[derive(Parser)]
#[command(
    name = "slate",
    version,
    about = "Catalogue, link, plan and publish themed film programmes",
    long_about = "slate keeps a catalogue of films tagged with themes (TOML under data/), \
                  links them by shared themes, plans themed series into screening slots \
                  from a programme file, and publishes the plan as calendars, a web page and a \
                  printed programme.",
    after_help = "Examples:\n  \
        slate plan programmes/weekend.toml\n  \
        slate export ics programmes/festival.toml -o festival.ics\n  \
        slate export html programmes/festival.toml -o site/\n  \
        slate related harlan-county-usa --why\n  \
        slate catalog list --theme strikes --decade 1970s\n  \
        slate import listing.txt --dry-run\n  \
        slate --data ~/festival/data catalog check"
)]
pub struct Cli {
    /// Data directory holding themes.toml and films.toml and/or films/*.toml
    #[arg(
        long,
        global = true,
        env = "SLATE_DATA",
        default_value = "data",
        value_name = "DIR"
    )]
    data: PathBuf,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check, list, show and summarise the film catalogue
    #[command(subcommand)]
    Catalog(catalog::CatalogCommand),
    /// List the theme vocabulary with film counts
    #[command(after_help = "Examples:\n  slate themes\n  slate themes --format csv > themes.csv")]
    Themes(themes::ThemesArgs),
    /// Films related to one film, ranked, each with why
    Related(related::RelatedArgs),
    /// Films to discover from several seed films, diversified, each with its path
    Discover(discover::DiscoverArgs),
    /// Themed series the catalogue can carry
    #[command(subcommand)]
    Series(series::SeriesCommand),
    /// Draw the theme graph as SVG, Graphviz DOT or JSON
    Graph(graph::GraphArgs),
    /// Plan a programme: choose themed series and fit them into the slots
    Plan(plan::PlanArgs),
    /// Publish a plan: iCalendar files, a web page, a printed programme
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// Check the catalogue, programme files and plans without writing anything
    Check(check::CheckArgs),
    /// Turn pasted film listings into catalogue entries (tagged, deduplicated)
    Import(import::ImportArgs),
}

/// Why a command failed, and so which exit code it ends with.
pub enum Failure {
    /// Bad input data or nothing found: exit 1. The message is already printed
    /// when empty.
    Data(String),
    /// The command line itself is wrong: exit 2.
    Usage(String),
}

pub type CmdResult = Result<(), Failure>;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Catalog(cmd) => catalog::run(&cli, cmd),
        Command::Themes(args) => themes::run(&cli, args),
        Command::Related(args) => related::run(&cli, args),
        Command::Discover(args) => discover::run(&cli, args),
        Command::Series(cmd) => series::run(&cli, cmd),
        Command::Graph(args) => graph::run(&cli, args),
        Command::Plan(args) => plan::run(&cli, args),
        Command::Export(cmd) => export::run(&cli, cmd),
        Command::Import(args) => import::run(&cli, args),
        Command::Check(args) => check::run(&cli, args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Data(msg)) => {
            if !msg.is_empty() {
                say!("{}", escape_controls(&msg, &['\n', '\t']));
            }
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => {
            let msg = escape_controls(&msg, &['\n', '\t']);
            say!("error: {msg}\n\nFor more information, try '--help'.");
            ExitCode::from(2)
        }
    }
}

/// Loads the catalogue of `--data`, with a progress bar on a terminal for big
/// catalogues. Problems are printed to stderr in full.
///
/// A command reads the catalogue once and uses it to the end, so it is
/// never dropped: the process exit returns its memory at once, where
/// freeing a large catalogue film by film took longer than answering the
/// query (3% of `slate related` at 100,000 films).
pub fn load_catalogue(cli: &Cli) -> Result<ManuallyDrop<Loaded>, Failure> {
    load_catalogue_with(cli, &LoadOptions::default())
}

/// [`load_catalogue`] with loading options.
pub fn load_catalogue_with(
    cli: &Cli,
    options: &LoadOptions,
) -> Result<ManuallyDrop<Loaded>, Failure> {
    let _lock = read_lock(cli);
    load_held(cli, options).map(ManuallyDrop::new)
}

/// The shared lock on `--data` while a command reads the catalogue (after
/// any write in progress); what it repaired is said on stderr.
pub fn read_lock(cli: &Cli) -> Option<DataLock> {
    let (lock, repaired) = lock::for_reading(&cli.data, &|m| say!("{m}"));
    for r in repaired {
        say!("note: {r}");
    }
    lock
}

/// The exclusive writers' lock on `--data` (say so while waiting), then the
/// catalogue read under it: what is written is based on what is there now.
pub fn load_catalogue_for_writing_with(
    cli: &Cli,
    options: &LoadOptions,
) -> Result<(DataLock, ManuallyDrop<Loaded>), Failure> {
    if !cli.data.is_dir() {
        // No directory to lock: the loader says what is wrong.
        load_held(cli, options)?;
    }
    let (lock, repaired) = lock::for_writing(&cli.data, &|m| say!("{m}")).map_err(|e| {
        Failure::Data(format!(
            "error: cannot lock the catalogue in {} for writing: {e}",
            cli.data.display()
        ))
    })?;
    for r in repaired {
        say!("note: {r}");
    }
    Ok((lock, ManuallyDrop::new(load_held(cli, options)?)))
}

/// Loads the catalogue under a lock the caller holds.
fn load_held(cli: &Cli, options: &LoadOptions) -> Result<Loaded, Failure> {
    let bar = progress_bar(&cli.data);
    let result = load(&cli.data, options, &|bytes| bar.inc(bytes));
    bar.finish_and_clear();
    match result {
        Ok(loaded) => {
            if !loaded.warnings.is_empty() {
                say_raw!("{}", render(&loaded.warnings));
            }
            Ok(loaded)
        }
        Err(e) => {
            say_raw!("{}", render(&e.diagnostics));
            Err(Failure::Data(format!(
                "error: could not load the catalogue in `{}`: {}",
                cli.data.display(),
                summary(&e.diagnostics)
            )))
        }
    }
}

/// Resolves what the user typed to a film's catalogue index; ambiguity and
/// absence are errors (exit 1) that list the candidates.
pub fn resolve_film(cat: &slate::Catalogue, query: &str) -> Result<usize, Failure> {
    use slate::catalogue::query::{find, Lookup};
    let list = |films: Vec<&slate::Film>| {
        films
            .iter()
            .map(|c| format!("  {:<32} {}\n", c.id, c.display_title()))
            .collect::<String>()
    };
    match find(cat, query) {
        Lookup::Found(f) => Ok(cat
            .position(&f.id)
            .expect("found films are in the catalogue")),
        Lookup::Ambiguous(candidates) => Err(Failure::Data(
            format!(
                "error: `{query}` matches {} films; give an id or add the year:\n{}",
                candidates.len(),
                list(candidates)
            )
            .trim_end()
            .to_string(),
        )),
        Lookup::NotFound(close) if close.is_empty() => {
            Err(Failure::Data(format!("error: no film matches `{query}`")))
        }
        Lookup::NotFound(close) => Err(Failure::Data(
            format!(
                "error: no film matches `{query}`; did you mean one of these?\n{}",
                list(close)
            )
            .trim_end()
            .to_string(),
        )),
    }
}

/// Commands that work on films need some.
pub fn require_films(cli: &Cli, cat: &slate::Catalogue) -> Result<(), Failure> {
    if cat.is_empty() {
        return Err(Failure::Data(format!(
            "error: the catalogue in `{}` has no films; add [[film]] tables to films.toml or films/*.toml",
            cli.data.display()
        )));
    }
    Ok(())
}

/// Builds the theme graph, with a spinner on a terminal for big catalogues.
pub fn build_graph(cat: &slate::Catalogue) -> slate::graph::ThemeGraph {
    let spinner = if std::io::stderr().is_terminal() && cat.len() >= 100_000 {
        let s = ProgressBar::new_spinner();
        s.set_message(format!("linking {} films by theme", cat.len()));
        s.enable_steady_tick(std::time::Duration::from_millis(120));
        s
    } else {
        ProgressBar::hidden()
    };
    let g = slate::graph::ThemeGraph::build(cat);
    spinner.finish_and_clear();
    g
}

/// A byte-counting bar over the film files, drawn only when stderr is a
/// terminal and there is enough to read for it to matter.
fn progress_bar(dir: &std::path::Path) -> ProgressBar {
    let total: u64 = film_files(dir)
        .unwrap_or_default()
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    if !std::io::stderr().is_terminal() || total < 8 << 20 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("loading catalogue {bar:40} {bytes}/{total_bytes} ({eta})")
            .expect("valid template"),
    );
    bar
}
