//! `slate plan PROGRAMME`: choose the films and place them in the slots.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use slate::diagnostics::{render, summary};
use slate::export::facts;
use slate::export::{markdown, screenings_csv};
use slate::schedule::{plan, Plan, PlanOptions, ScreenedFilm, Screening};

use super::output::{emit, json, table, write_file};
use super::{build_graph, load_catalogue, Cli, CmdResult, Failure};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PlanFormat {
    /// Day by day, for reading
    Table,
    /// The plan for scripts and for --keep
    Json,
    /// One row per film screened
    Csv,
    /// A printed programme in Markdown
    Md,
}

#[derive(Args)]
#[command(
    after_help = "Exit status: 0 with a plan (shortfalls are reported, not fatal), 1 when \
    a hard requirement cannot be met (a pin that cannot be placed, a reference to nothing, a slot \
    in a daylight-saving gap), 2 for usage errors.\n\nExamples:\n  \
    slate plan programmes/weekend.toml\n  \
    slate plan programmes/festival.toml --format json -o plan.json\n  \
    slate plan programmes/festival.toml --keep plan.json --format md -o programme.md"
)]
pub struct PlanArgs {
    /// Programme file (TOML)
    programme: PathBuf,
    /// Seed of the search, 0 to 2^64−1 (default: the programme's `seed`)
    #[arg(long)]
    seed: Option<u64>,
    /// Stop searching after this many seconds (more than 0, at most 86400).
    /// Without it the search runs its fixed budget and the plan is the same
    /// on every machine; with it, it may not be
    #[arg(long, value_name = "SECS", value_parser = time_limit_arg)]
    time_limit: Option<f64>,
    /// Iterations of the search, 1 to 1000000 (default: scaled to the programme)
    #[arg(long, hide = true, value_parser = clap::value_parser!(u64).range(1..=MAX_ITERATIONS))]
    iterations: Option<u64>,
    /// A plan published before (JSON): keep its screenings where possible
    #[arg(long, value_name = "PREVIOUS.json")]
    keep: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = PlanFormat::Table)]
    format: PlanFormat,
    /// Write to this file instead of standard output (`-` for standard output)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

/// The longest `--time-limit`, in seconds: a day.
pub const MAX_TIME_LIMIT: f64 = 86_400.0;
/// The most `--iterations`.
pub const MAX_ITERATIONS: u64 = 1_000_000;

/// Parses `--time-limit SECS`: more than 0 and at most [`MAX_TIME_LIMIT`]
/// seconds (a larger value would overflow a `Duration`; none is useful).
pub fn time_limit_arg(s: &str) -> Result<f64, String> {
    let secs: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number of seconds"))?;
    if secs > 0.0 && secs <= MAX_TIME_LIMIT {
        Ok(secs)
    } else {
        Err(format!(
            "{s} is outside the time limits allowed: more than 0 and at most {MAX_TIME_LIMIT} seconds"
        ))
    }
}

pub fn run(cli: &Cli, args: &PlanArgs) -> CmdResult {
    let loaded = load_catalogue(cli)?;
    let cat = &loaded.catalogue;
    let previous: Option<Plan> = match &args.keep {
        None => None,
        Some(path) => Some(read_plan(path)?),
    };
    let plan = make_plan(
        cat,
        &args.programme,
        args.seed,
        args.time_limit,
        args.iterations.map(|n| n as usize),
        previous.as_ref(),
    )?;
    let text = match args.format {
        PlanFormat::Json => json(&plan),
        PlanFormat::Md => markdown::render(&plan),
        PlanFormat::Csv => screenings_csv::render(&plan, Some(cat)),
        PlanFormat::Table => plan_table(&plan),
    };
    let Some(path) = &args.output else {
        return emit(&text);
    };
    // The programme is an input; the --keep plan may be replaced by its
    // successor (as --previous calendars are).
    if write_file(path, &text, &[&args.programme])? {
        say!(
            "wrote {}: {} screenings in {} slots, fill {:.0}%",
            path.display(),
            plan.metrics.screenings,
            plan.metrics.slots,
            plan.metrics.fill * 100.0
        );
    }
    Ok(())
}

/// Reads a plan written by `slate plan --format json`.
pub fn read_plan(path: &std::path::Path) -> Result<Plan, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Data(format!("error: cannot read {}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| {
        Failure::Data(format!(
            "error: {}:{}:{}: not a plan written by `slate plan --format json`: {e}",
            path.display(),
            e.line(),
            e.column()
        ))
    })
}

/// Reads a plan JSON to publish, checked against the catalogue and the hard
/// rules: every problem is printed, located; any error fails the command
/// before anything is written.
pub fn checked_plan(path: &std::path::Path, cat: &slate::Catalogue) -> Result<Plan, Failure> {
    match slate::schedule::check::read(path, cat) {
        Ok((plan, warnings)) => {
            if !warnings.is_empty() {
                say_raw!("{}", render(&warnings));
            }
            Ok(plan)
        }
        Err(diags) => {
            say_raw!("{}", render(&diags));
            Err(Failure::Data(format!(
                "error: {} cannot be published: {}; nothing was written",
                path.display(),
                summary(&diags)
            )))
        }
    }
}

/// Reads a programme file and plans it (with a progress bar on a terminal
/// when it takes over a second). Problems are printed in full.
pub fn make_plan(
    cat: &slate::Catalogue,
    programme_path: &std::path::Path,
    seed: Option<u64>,
    time_limit: Option<f64>,
    iterations: Option<usize>,
    keep: Option<&Plan>,
) -> Result<Plan, Failure> {
    let (programme, warnings) = match slate::programme::load(programme_path, cat) {
        Ok(p) => p,
        Err(diags) => {
            say_raw!("{}", render(&diags));
            return Err(Failure::Data(format!(
                "error: {} cannot be planned: {}",
                programme_path.display(),
                summary(&diags)
            )));
        }
    };
    if !warnings.is_empty() {
        say_raw!("{}", render(&warnings));
    }
    let graph = build_graph(cat);
    let bar = ProgressBar::hidden();
    bar.set_style(
        ProgressStyle::with_template("planning {bar:40} {pos}/{len} ({eta})")
            .expect("valid template"),
    );
    let started = std::time::Instant::now();
    let terminal = std::io::stderr().is_terminal();
    let progress = |done: usize, planned: usize| {
        if terminal && bar.is_hidden() && started.elapsed() > Duration::from_secs(1) {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
        bar.set_length(planned as u64);
        bar.set_position(done as u64);
    };
    let result = plan(
        &programme,
        cat,
        &graph,
        &PlanOptions {
            seed: seed.unwrap_or(programme.seed),
            // In range by `time_limit_arg`, so this cannot overflow.
            time_limit: time_limit.and_then(|s| Duration::try_from_secs_f64(s).ok()),
            iterations,
            keep,
            progress: &progress,
        },
    );
    bar.finish_and_clear();
    match result {
        Ok(p) => {
            for note in &p.notes {
                say!("note: {note}");
            }
            Ok(p)
        }
        Err(e) => {
            say_raw!("{}", render(&e.diagnostics));
            Err(Failure::Data(format!(
                "error: {} cannot be planned: {}",
                programme_path.display(),
                summary(&e.diagnostics)
            )))
        }
    }
}

/// A film as the table shows it: "Title (1990, 69 min, 35mm)" (each
/// film's start is in the CSV; the table stays narrow).
fn table_film(f: &ScreenedFilm) -> String {
    let mut facts: Vec<String> = f.year.map(|y| y.to_string()).into_iter().collect();
    facts.push(format!("{} min", f.runtime));
    facts.extend(f.format.clone());
    format!("{} ({})", f.title, facts.join(", "))
}

/// The table's markers of a screening: "discussion 40 min", "with Ana Ribeiro",
/// "repeat of Sat 22 May, 18:00", "fixed" ("; " between them).
fn table_notes(plan: &Plan, s: &Screening) -> String {
    let mut notes = Vec::new();
    if s.discussion > 0 {
        notes.push(format!("discussion {} min", s.discussion));
    }
    if !s.guests.is_empty() {
        notes.push(format!("with {}", facts::names(&s.guests)));
    }
    if let Some(original) = &s.repeat_of {
        let when = plan
            .screenings
            .iter()
            .find(|o| &o.id == original)
            .map(facts::short_when)
            .unwrap_or_else(|| original.clone());
        notes.push(format!("repeat of {when}"));
    }
    if s.fixed {
        notes.push("fixed".to_string());
    }
    notes.join("; ")
}

fn plan_table(plan: &Plan) -> String {
    let mut out = format!(
        "{}\n{}\n",
        plan.programme,
        "=".repeat(plan.programme.chars().count())
    );
    // The NOTES column only for plans that have something to say in it.
    let noted = plan
        .screenings
        .iter()
        .any(|s| !table_notes(plan, s).is_empty());
    let mut days: Vec<&str> = plan.screenings.iter().map(|s| s.day.as_str()).collect();
    days.dedup();
    for day in days {
        out.push_str(&format!("\n{}\n", markdown::day_heading(day)));
        let rows: Vec<Vec<String>> = plan
            .screenings
            .iter()
            .filter(|s| s.day == day)
            .map(|s| {
                let mut row = vec![
                    format!("{}–{}", markdown::clock(&s.start), markdown::clock(&s.end)),
                    s.venue.clone(),
                    s.series.clone(),
                    s.films
                        .iter()
                        .map(table_film)
                        .collect::<Vec<_>>()
                        .join(" + "),
                ];
                if noted {
                    row.push(table_notes(plan, s));
                }
                row
            })
            .collect();
        let headers: &[&str] = if noted {
            &["TIME", "VENUE", "SERIES", "FILMS", "NOTES"]
        } else {
            &["TIME", "VENUE", "SERIES", "FILMS"]
        };
        out.push_str(&table(headers, &rows));
    }
    out.push_str("\nSeries\n");
    let rows: Vec<Vec<String>> = plan
        .series
        .iter()
        .map(|s| {
            vec![
                s.id.clone(),
                format!("{}/{}", s.screenings, s.requested),
                format!("{:.2}", s.coherence),
                if s.one_off {
                    "a one-off event".to_string()
                } else {
                    s.why.clone()
                },
            ]
        })
        .collect();
    out.push_str(&table(&["SERIES", "SCREENINGS", "COHERENCE", "WHY"], &rows));
    let m = &plan.metrics;
    out.push_str(&format!(
        "\n{} of {} slots used · {} of {} screenings asked for · {} film minutes, fill {:.0}% · coherence {:.2}\n",
        m.slots_used,
        m.slots,
        m.screenings,
        m.screenings_requested,
        m.film_minutes,
        m.fill * 100.0,
        m.coherence
    ));
    if !plan.unscheduled.is_empty() {
        out.push_str("\nNot done\n");
        for u in &plan.unscheduled {
            out.push_str(&format!("  {} {}: {}\n", u.kind, u.id, u.reason));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The festival-constraints plan of the end-to-end tests.
    fn festival() -> Plan {
        serde_json::from_str(include_str!(
            "../../tests/fixtures/plans/festival-constraints.json"
        ))
        .unwrap()
    }

    #[test]
    fn table_marks_discussion_guests_repeats_and_formats() {
        let text = plan_table(&festival());
        for mark in [
            "NOTES",
            "Daens (1992, 138 min, DCP)",
            "discussion 40 min; with Ana Ribeiro; fixed",
            "repeat of Sat 22 May, 18:00",
            "with João Lopes and Marta Sousa",
            "a one-off event",
        ] {
            assert!(text.contains(mark), "{mark:?} not in\n{text}");
        }
    }

    #[test]
    fn table_of_a_plan_without_festival_facts_has_no_notes_column() {
        let mut plan = festival();
        for s in &mut plan.screenings {
            s.discussion = 0;
            s.guests.clear();
            s.repeat_of = None;
            s.fixed = false;
        }
        assert!(!plan_table(&plan).contains("NOTES"));
    }
}
