//! `slate export ics | html | md`: publish a plan as iCalendar files, a web
//! page with calendars beside it, or a printed programme.

use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use slate::atomic_file::Batch;
use slate::export::frab;
use slate::export::ical::previous::Previous;
use slate::export::ical::{calendar, events, publish, split, Options, Split};
use slate::export::site::{self, SiteOptions};
use slate::export::ExportError;
use slate::export::{markdown, screenings_csv};
use slate::schedule::Plan;
use slate::text::plural;

use super::output::{directory_output, write_failure, write_file};
use super::plan::{checked_plan, make_plan};
use super::{load_catalogue, Cli, CmdResult, Failure};

#[derive(Subcommand)]
pub enum ExportCommand {
    /// iCalendar (.ics) files that calendar clients import or subscribe to
    #[command(
        after_help = "From a programme file slate plans first (with its seed); a plan JSON \
        written by `slate plan --format json` is checked against the catalogue and the hard \
        rules first (as `slate check` does), and nothing is written when it fails.\n\n\
        Re-publishing: pass the file published last time with --previous; unchanged screenings \
        keep their SEQUENCE, changed ones get SEQUENCE+1, a screening moved (same series and \
        films, another slot) keeps its UID with SEQUENCE+1, screenings that are gone are \
        published as cancelled; the summary counts what this run changed. A previous file that \
        is not this programme's calendar is refused (set the programme's `id`, or pass \
        --new-identity to start a new calendar on purpose). DTSTAMP comes from --now, else \
        SOURCE_DATE_EPOCH, else the clock.\n\n\
        Examples:\n  slate export ics programmes/weekend.toml -o weekend.ics\n  \
        slate export ics plan.json --previous published.ics -o published.ics\n  \
        slate export ics plan.json --split venue -o calendars/"
    )]
    Ics(IcsArgs),
    /// A self-contained web page (index.html) with calendar files beside it
    #[command(
        after_help = "Writes DIR/index.html, one page with inline style and pictures and no \
        script: a day × venue grid (on a phone, an agenda of each day's screenings first), the \
        series with their films and why they belong together, an A–Z film index and the theme \
        map of the programme's films. Beside it, DIR/calendars/ \
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
    /// The schedule festival and conference apps read (frab/pretalx
    /// schedule.xml or schedule.json)
    #[command(
        after_help = "Writes the plan in the schedule format of frab and pretalx, which apps such \
        as Giggity, EventFahrplan, ConfClerk and Fahrplan load from a URL: days, rooms (venues), \
        tracks (series) and one event per screening. Each event's guid is its calendar UID, so an \
        app that loads the schedule again replaces changed screenings instead of adding copies; \
        give --previous with the calendar published last time so moved screenings keep theirs. \
        The format follows -o's extension (.json: schedule.json) unless --format says.\n\n\
        Examples:\n  slate export frab programmes/festival.toml -o schedule.xml\n  \
        slate export frab plan.json --format json -o schedule.json\n  \
        slate export frab plan.json --previous site/calendars/programme.ics -o schedule.xml"
    )]
    Frab(FrabArgs),
    /// One row per film screened, for a box office or a spreadsheet (CSV)
    #[command(
        after_help = "The same columns as `slate plan --format csv` (ids and times first, for \
        scripts), followed by what a person reads: venue name, series title, the film's own \
        start and end, directors, year and countries. Works from a plan JSON too, so the box \
        office gets exactly the published plan.\n\n\
        Examples:\n  slate export csv programmes/festival.toml -o screenings.csv\n  \
        slate export csv plan.json -o -"
    )]
    Csv(CsvArgs),
}

#[derive(Args)]
pub struct CsvArgs {
    #[command(flatten)]
    input: Input,
    /// Output file (`-` for standard output)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
}

#[derive(Args)]
pub struct FrabArgs {
    #[command(flatten)]
    input: Input,
    /// Output file (`-` for standard output)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
    /// xml (schedule.xml) or json (schedule.json); default: from -o's extension, else xml
    #[arg(long, value_enum)]
    format: Option<FrabFormat>,
    /// The calendar published last time, whose UIDs moved screenings keep
    #[arg(long, value_name = "OLD.ics")]
    previous: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FrabFormat {
    Xml,
    Json,
}

#[derive(Args)]
pub struct Input {
    /// A programme file (TOML) or a plan (JSON)
    input: PathBuf,
    /// Seed of the search when planning a programme
    #[arg(long)]
    seed: Option<u64>,
    /// Stop searching after this many seconds when planning a programme
    /// (more than 0, at most 86400); without it the plan is reproducible
    #[arg(long, value_name = "SECS", value_parser = super::plan::time_limit_arg)]
    time_limit: Option<f64>,
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
    /// Output file (`-` for standard output), or directory with --split
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
    /// One calendar per venue, series, day or screening (plus all.ics), in the -o directory
    #[arg(long, value_enum)]
    split: Option<SplitArg>,
    /// The calendar published last time (for SEQUENCE, moves and cancellations)
    #[arg(long, value_name = "OLD.ics")]
    previous: Option<PathBuf>,
    /// Publish a new calendar on purpose although --previous is another
    /// programme's (or identity's) calendar: its events are all cancelled
    #[arg(long)]
    new_identity: bool,
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
    /// Time of this publication (RFC 3339), for reproducible files: the
    /// calendars' time stamp, and the day the phone agenda opens on when it
    /// falls within the festival
    #[arg(long, value_name = "TIME")]
    now: Option<String>,
    /// Write only the page, no calendar files and no calendar links
    #[arg(long)]
    no_calendars: bool,
    /// The team's own copy: also show the minutes left free in each slot,
    /// why each series' films belong together, its coherence and shortfall
    #[arg(long)]
    internal: bool,
    /// Publish new calendars on purpose although DIR's calendars are of
    /// another programme (or identity): their events are all cancelled
    #[arg(long)]
    new_identity: bool,
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
        ExportCommand::Frab(args) => frab_feed(cli, args),
        ExportCommand::Csv(args) => screenings(cli, args),
    }
}

/// Reads the calendar published last time (`--previous`).
fn read_previous(p: &Path) -> Result<Previous, Failure> {
    let bytes = std::fs::read(p).map_err(|e| {
        Failure::Data(format!(
            "error: cannot read {} (--previous, the calendar published last time): {e}\n\
             help: the first time, publish without --previous",
            p.display()
        ))
    })?;
    let previous = Previous::parse(&bytes).map_err(|e| {
        Failure::Data(format!(
            "error: {} (--previous) is not an iCalendar file slate can read: {e}",
            p.display()
        ))
    })?;
    for w in &previous.warnings {
        say!("warning: {}: {w}", p.display());
    }
    Ok(previous)
}

fn frab_feed(cli: &Cli, args: &FrabArgs) -> CmdResult {
    let previous = args.previous.as_deref().map(read_previous).transpose()?;
    let (plan, cat) = obtain(cli, &args.input)?;
    // The calendar's UIDs, settled against the previous calendar as
    // `export ics` settles them.
    let (events, _) = events(
        &plan,
        Some(&cat),
        &Options {
            now: jiff::Timestamp::UNIX_EPOCH,
            previous: previous.as_ref(),
            new_identity: false,
        },
    )
    .map_err(|e| match (&e, &args.previous) {
        (ExportError::Identity(i), Some(p)) => {
            Failure::Data(format!("error: {}", i.message(&p.display().to_string())))
        }
        _ => export_failure(&args.input.input, &e),
    })?;
    let uids: std::collections::HashMap<String, String> = events
        .iter()
        .filter(|e| !e.cancelled)
        .filter_map(|e| Some((e.screening()?, e.uid.clone())))
        .collect();
    let identity = slate::export::ical::identity(&plan).to_string();
    let guid = |s: &slate::schedule::Screening| {
        uids.get(&s.id)
            .cloned()
            .unwrap_or_else(|| slate::export::ical::uid(&identity, &s.id))
    };
    let schedule = frab::schedule(&plan, Some(&cat), &guid)
        .map_err(|e| export_failure(&args.input.input, &e))?;
    let json = match args.format {
        Some(f) => f == FrabFormat::Json,
        None => args
            .output
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json")),
    };
    let text = if json {
        frab::json(&schedule)
    } else {
        frab::xml(&schedule)
    };
    if write_file(&args.output, &text, &[&args.input.input])? {
        let events: usize = schedule
            .days
            .iter()
            .flat_map(|d| d.rooms.iter())
            .map(|(_, e)| e.len())
            .sum();
        say!(
            "wrote {} ({}, {} in {}, {} rooms)",
            args.output.display(),
            if json {
                "schedule.json format"
            } else {
                "schedule.xml format"
            },
            plural(events, "event", "events"),
            plural(schedule.days.len(), "day", "days"),
            schedule.rooms.len()
        );
    }
    Ok(())
}

/// The plan to publish, and the catalogue (for synopses and themes).
fn obtain(cli: &Cli, input: &Input) -> Result<(Plan, slate::Catalogue), Failure> {
    let cat = ManuallyDrop::into_inner(load_catalogue(cli)?).catalogue;
    let is_json = input
        .input
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let plan = if is_json {
        checked_plan(&input.input, &cat)?
    } else {
        make_plan(&cat, &input.input, input.seed, input.time_limit, None, None)?
    };
    Ok((plan, cat))
}

/// An export error, located: in a plan JSON at the line and column of the
/// offending value, otherwise naming the input file.
fn export_failure(input: &Path, e: &ExportError) -> Failure {
    let quoted = format!("\"{}\"", e.value());
    let place = std::fs::read_to_string(input)
        .ok()
        .filter(|_| {
            input
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("json"))
        })
        .and_then(|text| {
            let at = text.find(&quoted)?;
            let line = text[..at].matches('\n').count() + 1;
            let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
            Some(format!(":{line}:{column}"))
        })
        .unwrap_or_default();
    Failure::Data(format!("error: {}{place}: {e}", input.display()))
}

/// The latest DTSTAMP a calendar can carry: 9999-12-31T23:59:59Z.
const LAST_SECOND: i64 = 253_402_300_799;

/// The time stamp of this publication: `--now`, else `SOURCE_DATE_EPOCH`,
/// else the clock. Times before 1970 or after 9999 are usage errors (an
/// RFC 5545 DATE-TIME has four year digits, and SOURCE_DATE_EPOCH counts
/// from 1970).
fn now(arg: Option<&str>) -> Result<jiff::Timestamp, Failure> {
    let in_range = |t: jiff::Timestamp| (0..=LAST_SECOND).contains(&t.as_second());
    if let Some(t) = arg {
        return t
            .parse::<jiff::Timestamp>()
            .ok()
            .filter(|t| in_range(*t))
            .ok_or_else(|| {
                Failure::Usage(format!(
                    "--now `{t}` is not an RFC 3339 time between 1970 and 9999, \
                     like 2027-04-01T12:00:00Z"
                ))
            });
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        return epoch
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|s| (0..=LAST_SECOND).contains(s))
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .ok_or_else(|| {
                Failure::Usage(format!(
                    "SOURCE_DATE_EPOCH `{epoch}` is not a number of seconds since 1970 \
                     (0 to {LAST_SECOND}, the end of year 9999)"
                ))
            });
    }
    Ok(jiff::Timestamp::now())
}

fn ics(cli: &Cli, args: &IcsArgs) -> CmdResult {
    let now = now(args.now.as_deref())?;
    let previous = args.previous.as_deref().map(read_previous).transpose()?;
    let (plan, cat) = obtain(cli, &args.input)?;
    let published = publish(
        &plan,
        Some(&cat),
        &Options {
            now,
            previous: previous.as_ref(),
            new_identity: args.new_identity,
        },
    )
    .map_err(|e| match (&e, &args.previous) {
        (ExportError::Identity(i), Some(p)) => {
            Failure::Data(format!("error: {}", i.message(&p.display().to_string())))
        }
        _ => export_failure(&args.input.input, &e),
    })?;
    let (evs, whole, changes) = (&published.events, &published.calendar, &published.changes);
    match args.split {
        None => {
            if !write_file(&args.output, whole, &[&args.input.input])? {
                return Ok(());
            }
            say!("wrote {}: {changes}", args.output.display());
        }
        Some(by) => {
            directory_output(&args.output)?;
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
            let mut batch = Batch::protecting(&[&args.input.input]);
            batch
                .add(&args.output.join("all.ics"), whole.as_bytes())
                .map_err(write_failure)?;
            let parts = split(&plan, evs, by);
            for (stem, (name, part)) in &parts {
                let text = calendar(&plan, name, part, now)
                    .map_err(|e| export_failure(&args.input.input, &e))?;
                batch
                    .add(&args.output.join(format!("{stem}.ics")), text.as_bytes())
                    .map_err(write_failure)?;
            }
            batch.commit().map_err(write_failure)?;
            say!(
                "wrote {} calendars to {} (all.ics and one per {}): {changes}",
                parts.len() + 1,
                args.output.display(),
                match by {
                    Split::Venue => "venue",
                    Split::Series => "series",
                    Split::Day => "day",
                    Split::Screening => "screening",
                },
            );
        }
    }
    Ok(())
}

fn screenings(cli: &Cli, args: &CsvArgs) -> CmdResult {
    let (plan, cat) = obtain(cli, &args.input)?;
    let text = screenings_csv::render(&plan, Some(&cat));
    if write_file(&args.output, &text, &[&args.input.input])? {
        say!("wrote {}", args.output.display());
    }
    Ok(())
}

fn md(cli: &Cli, args: &MdArgs) -> CmdResult {
    let (plan, _) = obtain(cli, &args.input)?;
    let text = markdown::render(&plan);
    if write_file(&args.output, &text, &[&args.input.input])? {
        say!("wrote {}", args.output.display());
    }
    Ok(())
}

fn html_page(cli: &Cli, args: &HtmlArgs) -> CmdResult {
    let now = now(args.now.as_deref())?;
    let dir = &args.output;
    directory_output(dir)?;
    if dir.is_file() {
        return Err(Failure::Usage(format!(
            "-o {} is a file; give a directory for index.html and its calendars",
            dir.display()
        )));
    }
    let (plan, cat) = obtain(cli, &args.input)?;
    // The programme's calendar published last time, if this directory has one.
    let previous_path = dir.join(site::PROGRAMME_CALENDAR);
    let previous = match std::fs::read(&previous_path) {
        Ok(bytes) if !args.no_calendars => {
            let previous = Previous::parse(&bytes).map_err(|e| {
                Failure::Data(format!(
                    "error: {} (published last time) is not an iCalendar file slate can read: {e}; \
                     move it away to publish afresh",
                    previous_path.display()
                ))
            })?;
            for w in &previous.warnings {
                say!("warning: {}: {w}", previous_path.display());
            }
            Some(previous)
        }
        _ => None,
    };
    let picture = (site::programme_films(&plan, &cat).len() >= 2)
        .then(|| site::picture(&plan, &cat, &super::build_graph(&cat)))
        .flatten();
    let published = site::build(
        &plan,
        &cat,
        SiteOptions {
            now,
            previous: previous.as_ref(),
            new_identity: args.new_identity,
            calendars: !args.no_calendars,
            picture,
            internal: args.internal,
        },
    )
    .map_err(|e| match &e {
        ExportError::Identity(i) => Failure::Data(format!(
            "error: {}",
            i.message(&previous_path.display().to_string())
        )),
        _ => export_failure(&args.input.input, &e),
    })?;
    std::fs::create_dir_all(if args.no_calendars {
        dir.clone()
    } else {
        dir.join(site::CALENDARS).join("screenings")
    })
    .map_err(|e| Failure::Data(format!("error: cannot create {}: {e}", dir.display())))?;
    // The whole site or nothing of it.
    let mut batch = Batch::protecting(&[&args.input.input]);
    for (path, text) in &published.files {
        batch
            .add(&dir.join(path), text.as_bytes())
            .map_err(write_failure)?;
    }
    batch.commit().map_err(write_failure)?;
    let links = &published.calendars;
    say!(
        "wrote {} ({}){}",
        dir.join("index.html").display(),
        plural(plan.screenings.len(), "screening", "screenings"),
        if args.no_calendars {
            String::new()
        } else {
            format!(
                " and calendars in {}: the programme, {}, {} and {}",
                dir.join(site::CALENDARS).display(),
                plural(links.series.len(), "series", "series"),
                plural(links.venues.len(), "venue", "venues"),
                plural(links.screenings.len(), "screening", "screenings")
            )
        }
    );
    if let Some(changes) = &published.changes {
        say!("calendars: {changes}");
    }
    Ok(())
}
