//! `slate export ics | html | md`: publish a plan as iCalendar files, a web
//! page with calendars beside it, or a printed programme.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use slate::atomic_file::write_atomic;
use slate::export::html::{self, CalendarLinks, Page};
use slate::export::ical::previous::Previous;
use slate::export::ical::{calendar, events, split, Options, Split};
use slate::export::markdown;
use slate::schedule::Plan;

use super::plan::{make_plan, read_plan};
use super::{load_catalogue, Cli, CmdResult, Failure};

#[derive(Subcommand)]
pub enum ExportCommand {
    /// iCalendar (.ics) files that calendar clients import or subscribe to
    #[command(
        after_help = "From a programme file slate plans first (with its seed); from a plan \
        JSON written by `slate plan --format json` it plans nothing.\n\n\
        Re-publishing: pass the file published last time with --previous; unchanged screenings \
        keep their SEQUENCE, changed ones get SEQUENCE+1, screenings that are gone are published \
        as cancelled. DTSTAMP comes from --now, else SOURCE_DATE_EPOCH, else the clock.\n\n\
        Examples:\n  slate export ics programmes/weekend.toml -o weekend.ics\n  \
        slate export ics plan.json --previous published.ics -o published.ics\n  \
        slate export ics plan.json --split venue -o calendars/"
    )]
    Ics(IcsArgs),
    /// A self-contained web page (index.html) with calendar files beside it
    #[command(
        after_help = "Writes DIR/index.html, one page with inline style and pictures and no \
        script: a day × venue grid, the series with their films and why they belong together, \
        an A–Z film index and the theme map of the programme's films. Beside it, DIR/calendars/ \
        holds programme.ics, one calendar per series and per venue, and screenings/ one per \
        screening, all linked from the page. \
        Exporting again into the same DIR reads the calendars published last time, so \
        subscribed calendars update cleanly (changed screenings get a new SEQUENCE, removed \
        ones are cancelled).\n\n\
        Examples:\n  slate export html programmes/festival.toml -o site/\n  \
        slate export html plan.json -o site/ --now 2027-04-01T12:00:00Z"
    )]
    Html(HtmlArgs),
    /// The printed programme as Markdown (day by day, then series)
    #[command(
        after_help = "Examples:\n  slate export md programmes/festival.toml -o programme.md"
    )]
    Md(MdArgs),
}

#[derive(Args)]
pub struct Input {
    /// A programme file (TOML) or a plan (JSON)
    input: PathBuf,
    /// Seed of the search when planning a programme
    #[arg(long)]
    seed: Option<u64>,
    /// Most seconds to search when planning a programme
    #[arg(long, default_value_t = 10.0, value_name = "SECS")]
    time_limit: f64,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum SplitArg {
    Venue,
    Series,
    Day,
    Screening,
}

#[derive(Args)]
pub struct IcsArgs {
    #[command(flatten)]
    input: Input,
    /// Output file, or directory with --split
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
    /// One calendar per venue, series, day or screening (plus all.ics), in the -o directory
    #[arg(long, value_enum)]
    split: Option<SplitArg>,
    /// The calendar published last time (for SEQUENCE and cancellations)
    #[arg(long, value_name = "OLD.ics")]
    previous: Option<PathBuf>,
    /// Time stamp of this publication (RFC 3339), for reproducible files
    #[arg(long, value_name = "TIME")]
    now: Option<String>,
}

#[derive(Args)]
pub struct HtmlArgs {
    #[command(flatten)]
    input: Input,
    /// Directory to write index.html and calendars/ into (created if missing)
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    output: PathBuf,
    /// Time stamp of the calendars (RFC 3339), for reproducible files
    #[arg(long, value_name = "TIME")]
    now: Option<String>,
    /// Write only the page, no calendar files and no calendar links
    #[arg(long)]
    no_calendars: bool,
}

#[derive(Args)]
pub struct MdArgs {
    #[command(flatten)]
    input: Input,
    /// Output file (`-` for standard output)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
}

pub fn run(cli: &Cli, cmd: &ExportCommand) -> CmdResult {
    match cmd {
        ExportCommand::Ics(args) => ics(cli, args),
        ExportCommand::Html(args) => html_page(cli, args),
        ExportCommand::Md(args) => md(cli, args),
    }
}

/// The plan to publish, and the catalogue (for synopses and themes).
fn obtain(cli: &Cli, input: &Input) -> Result<(Plan, slate::Catalogue), Failure> {
    if !(input.time_limit > 0.0 && input.time_limit.is_finite()) {
        return Err(Failure::Usage(
            "--time-limit must be a positive number of seconds".into(),
        ));
    }
    let loaded = load_catalogue(cli)?;
    let cat = loaded.catalogue;
    let is_json = input
        .input
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let plan = if is_json {
        read_plan(&input.input)?
    } else {
        make_plan(&cat, &input.input, input.seed, input.time_limit, None, None)?
    };
    Ok((plan, cat))
}

fn now(arg: Option<&str>) -> Result<jiff::Timestamp, Failure> {
    if let Some(t) = arg {
        return t.parse::<jiff::Timestamp>().map_err(|_| {
            Failure::Usage(format!(
                "--now `{t}` is not an RFC 3339 time like 2027-04-01T12:00:00Z"
            ))
        });
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        return epoch
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .ok_or_else(|| {
                Failure::Usage(format!(
                    "SOURCE_DATE_EPOCH `{epoch}` is not a number of seconds"
                ))
            });
    }
    Ok(jiff::Timestamp::now())
}

fn write(path: &Path, text: &str) -> Result<(), Failure> {
    write_atomic(path, text.as_bytes())
        .map_err(|e| Failure::Data(format!("error: cannot write {}: {e}", path.display())))
}

/// The plan's events (re-published against the calendar published last
/// time, if any) and the calendar of them all.
fn publish(
    plan: &Plan,
    cat: &slate::Catalogue,
    now: jiff::Timestamp,
    previous: Option<&Previous>,
) -> Result<(Vec<slate::export::ical::Event>, String), Failure> {
    let evs = events(plan, Some(cat), &Options { now, previous })
        .map_err(|e| Failure::Data(format!("error: {e}")))?;
    let all: Vec<&_> = evs.iter().collect();
    let whole = calendar(plan, &plan.programme, &all, now)
        .map_err(|e| Failure::Data(format!("error: {e}")))?;
    Ok((evs, whole))
}

fn ics(cli: &Cli, args: &IcsArgs) -> CmdResult {
    let now = now(args.now.as_deref())?;
    let previous = match &args.previous {
        None => None,
        Some(p) => {
            let bytes = std::fs::read(p)
                .map_err(|e| Failure::Data(format!("error: cannot read {}: {e}", p.display())))?;
            Some(Previous::parse(&bytes).map_err(|e| {
                Failure::Data(format!(
                    "error: {} is not an iCalendar file slate can read: {e}",
                    p.display()
                ))
            })?)
        }
    };
    let (plan, cat) = obtain(cli, &args.input)?;
    let (evs, whole) = publish(&plan, &cat, now, previous.as_ref())?;
    let cancelled = evs.iter().filter(|e| e.cancelled).count();
    let changed = evs
        .iter()
        .filter(|e| !e.cancelled && e.sequence > 0)
        .count();
    match args.split {
        None => {
            write(&args.output, &whole)?;
            say!(
                "wrote {}: {} events ({} changed since the previous calendar, {} cancelled)",
                args.output.display(),
                evs.len(),
                changed,
                cancelled
            );
        }
        Some(by) => {
            let by = match by {
                SplitArg::Venue => Split::Venue,
                SplitArg::Series => Split::Series,
                SplitArg::Day => Split::Day,
                SplitArg::Screening => Split::Screening,
            };
            std::fs::create_dir_all(&args.output).map_err(|e| {
                Failure::Data(format!(
                    "error: cannot create {}: {e}",
                    args.output.display()
                ))
            })?;
            write(&args.output.join("all.ics"), &whole)?;
            let parts = split(&plan, &evs, by);
            for (stem, (name, part)) in &parts {
                let text = calendar(&plan, name, part, now)
                    .map_err(|e| Failure::Data(format!("error: {e}")))?;
                write(&args.output.join(format!("{stem}.ics")), &text)?;
            }
            say!(
                "wrote {} calendars to {} (all.ics and one per {}): {} events, {} cancelled",
                parts.len() + 1,
                args.output.display(),
                match by {
                    Split::Venue => "venue",
                    Split::Series => "series",
                    Split::Day => "day",
                    Split::Screening => "screening",
                },
                evs.len(),
                cancelled
            );
        }
    }
    Ok(())
}

fn md(cli: &Cli, args: &MdArgs) -> CmdResult {
    let (plan, _) = obtain(cli, &args.input)?;
    let text = markdown::render(&plan);
    if args.output.as_os_str() == "-" {
        return super::output::emit(&text);
    }
    write(&args.output, &text)?;
    say!("wrote {}", args.output.display());
    Ok(())
}

/// Where the page's calendars go, relative to the page.
const CALENDARS: &str = "calendars";

fn html_page(cli: &Cli, args: &HtmlArgs) -> CmdResult {
    let now = now(args.now.as_deref())?;
    let dir = &args.output;
    if dir.is_file() {
        return Err(Failure::Usage(format!(
            "-o {} is a file; give a directory for index.html and its calendars",
            dir.display()
        )));
    }
    let (plan, cat) = obtain(cli, &args.input)?;
    // Everything is rendered before anything is written.
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let mut links = CalendarLinks::default();
    if !args.no_calendars {
        let whole_path = dir.join(CALENDARS).join("programme.ics");
        let previous = match std::fs::read(&whole_path) {
            Ok(bytes) => Some(Previous::parse(&bytes).map_err(|e| {
                Failure::Data(format!(
                    "error: {} (published last time) is not an iCalendar file slate can read: {e}; \
                     move it away to publish afresh",
                    whole_path.display()
                ))
            })?),
            Err(_) => None,
        };
        let (evs, whole) = publish(&plan, &cat, now, previous.as_ref())?;
        files.push((whole_path, whole));
        links.all = Some(format!("{CALENDARS}/programme.ics"));
        for (by, map) in [
            (Split::Series, &mut links.series),
            (Split::Venue, &mut links.venues),
            (Split::Screening, &mut links.screenings),
        ] {
            for (stem, (name, part)) in split(&plan, &evs, by) {
                let text = calendar(&plan, &name, &part, now)
                    .map_err(|e| Failure::Data(format!("error: {e}")))?;
                let first = part[0];
                // One file per screening, in a folder of their own.
                let (key, file) = match by {
                    Split::Series => (first.series.clone(), format!("{stem}.ics")),
                    Split::Venue => (first.venue.clone(), format!("{stem}.ics")),
                    _ => (
                        first.screening().unwrap_or_default(),
                        format!(
                            "screenings/{}.ics",
                            stem.strip_prefix("screening-").unwrap_or(&stem)
                        ),
                    ),
                };
                map.insert(key, format!("{CALENDARS}/{file}"));
                files.push((dir.join(CALENDARS).join(file), text));
            }
        }
    }
    let calendar_counts = (
        links.series.len(),
        links.venues.len(),
        links.screenings.len(),
    );
    let picture = {
        let films: Vec<usize> = plan
            .screenings
            .iter()
            .flat_map(|s| s.films.iter())
            .filter_map(|f| cat.position(&f.id))
            .collect();
        (films.len() >= 2).then(|| {
            let graph = super::build_graph(&cat);
            let p = slate::picture::select_films(
                &cat,
                &graph,
                &films,
                &format!("The films of {}", plan.programme),
                plan.metrics.seed,
            );
            slate::picture::svg::render(&p)
        })
    };
    let page = html::render(&Page {
        plan: &plan,
        catalogue: Some(&cat),
        picture,
        calendars: links,
    })
    .map_err(|e| Failure::Data(format!("error: {e}")))?;
    files.push((dir.join("index.html"), page));
    std::fs::create_dir_all(if args.no_calendars {
        dir.clone()
    } else {
        dir.join(CALENDARS).join("screenings")
    })
    .map_err(|e| Failure::Data(format!("error: cannot create {}: {e}", dir.display())))?;
    for (path, text) in &files {
        write(path, text)?;
    }
    say!(
        "wrote {} ({} screening{}){}",
        dir.join("index.html").display(),
        plan.screenings.len(),
        if plan.screenings.len() == 1 { "" } else { "s" },
        if args.no_calendars {
            String::new()
        } else {
            let n = |m: usize, one: &str, many: &str| {
                format!("{m} {}", if m == 1 { one } else { many })
            };
            format!(
                " and calendars in {}: the programme, {}, {} and {}",
                dir.join(CALENDARS).display(),
                n(calendar_counts.0, "series", "series"),
                n(calendar_counts.1, "venue", "venues"),
                n(calendar_counts.2, "screening", "screenings")
            )
        }
    );
    Ok(())
}
