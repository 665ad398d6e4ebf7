//! `slate check [FILE…]`: validate the catalogue, programme files and plan
//! JSONs without writing anything — the checks `plan` and `export` make,
//! in one report. Every problem is printed, located; exit 1 when any is an
//! error.

use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;

use slate::catalogue::load::load;
use slate::catalogue::LoadOptions;
use slate::diagnostics::{render, summary, Diagnostic};
use slate::text::plural;
use slate::Catalogue;

use super::output::{diagnostics_csv, emit, json, Format};
use super::{read_lock, Cli, CmdResult, Failure};

#[derive(Args)]
#[command(
    after_help = "The catalogue (--data) is always checked; each FILE is a programme \
    (.toml) or a plan written by `slate plan --format json` (.json), checked against it. A plan \
    is held to the catalogue and the planner's hard rules (films exist, runtimes, end times and \
    free minutes follow from the catalogue, each screening fits its slot, no film twice, a \
    series' screenings never overlap, slots never overlap within a venue), as `slate export` \
    holds it before publishing; given with the programme it was planned from, it is also held \
    to every rule of that programme (fixed screenings, where series may go, criteria, repeats, \
    copies, guests, max_per_director).\n\nExit status: 0 when nothing is wrong (warnings allowed), \
    1 when anything is.\n\nExamples:\n  slate check\n  slate check programmes/*.toml plan.json\n  \
    slate check plan.json --format json"
)]
pub struct CheckArgs {
    /// Programme files (TOML) and plans (JSON)
    files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// What was checked in one file.
#[derive(Serialize)]
struct Checked {
    file: String,
    /// `catalogue`, `programme` or `plan`.
    kind: &'static str,
    ok: bool,
    errors: usize,
    warnings: usize,
    /// What it holds, in a few words ("92 slots, 10 series").
    holds: String,
}

#[derive(Serialize)]
struct Report<'a> {
    ok: bool,
    checked: &'a [Checked],
    diagnostics: &'a [Diagnostic],
}

fn counted(file: &Path, kind: &'static str, holds: String, diagnostics: &[Diagnostic]) -> Checked {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    Checked {
        file: file.display().to_string(),
        kind,
        ok: errors == 0,
        errors,
        warnings: diagnostics.len() - errors,
        holds,
    }
}

/// What a file turned out to hold, when it loaded.
enum Loaded {
    Programme(Box<slate::programme::Programme>),
    Plan(Box<slate::schedule::Plan>),
    Nothing,
}

/// Checks one programme or plan file against the catalogue.
fn check_file(path: &Path, catalogue: &Catalogue) -> (Checked, Vec<Diagnostic>, Loaded) {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("json") => {
            let (holds, diags, loaded) = match slate::schedule::check::read(path, catalogue) {
                Ok((plan, warnings)) => (
                    format!(
                        "{}, {} series",
                        plural(plan.screenings.len(), "screening", "screenings"),
                        plan.series.len()
                    ),
                    warnings,
                    Loaded::Plan(Box::new(plan)),
                ),
                Err(diags) => (String::new(), diags, Loaded::Nothing),
            };
            (counted(path, "plan", holds, &diags), diags, loaded)
        }
        Some("toml") => {
            let (holds, diags, loaded) = match slate::programme::load(path, catalogue) {
                Ok((p, warnings)) => (
                    format!(
                        "{}, {}, {} series",
                        plural(p.venues.len(), "venue", "venues"),
                        plural(p.slots.len(), "slot", "slots"),
                        p.series.len()
                    ),
                    warnings,
                    Loaded::Programme(Box::new(p)),
                ),
                Err(diags) => (String::new(), diags, Loaded::Nothing),
            };
            (counted(path, "programme", holds, &diags), diags, loaded)
        }
        _ => {
            let d = vec![Diagnostic::error(
                "not a programme (.toml) or a plan (.json): slate checks these by their extension",
            )
            .in_file(path)];
            (
                counted(path, "unknown", String::new(), &d),
                d,
                Loaded::Nothing,
            )
        }
    }
}

/// Holds each plan to the rules of its programme when that programme is
/// checked too (the plan names it: `programme_id`, else `programme`).
fn against_programmes(
    held: &[(&PathBuf, Loaded)],
    catalogue: &Catalogue,
    checked: &mut [Checked],
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (i, (path, loaded)) in held.iter().enumerate() {
        let Loaded::Plan(plan) = loaded else { continue };
        let programme = held.iter().find_map(|(_, l)| match l {
            Loaded::Programme(p)
                if p.name == plan.programme
                    && (plan.programme_id.is_none() || plan.programme_id == p.id) =>
            {
                Some(p)
            }
            _ => None,
        });
        let Some(programme) = programme else { continue };
        let found = slate::schedule::rules::diagnostics(path, plan, programme, catalogue);
        // The catalogue's entry is first; files follow in order.
        let c = &mut checked[i + 1];
        c.errors += found.len();
        c.ok &= found.is_empty();
        diagnostics.extend(found);
    }
}

pub fn run(cli: &Cli, args: &CheckArgs) -> CmdResult {
    let mut checked = Vec::new();
    let mut diagnostics = Vec::new();
    let lock = read_lock(cli);
    let loaded = load(&cli.data, &LoadOptions::default(), &|_| {});
    drop(lock);
    match loaded {
        Ok(loaded) => {
            checked.push(counted(
                &cli.data,
                "catalogue",
                format!(
                    "{} films, {} themes",
                    loaded.catalogue.len(),
                    loaded.catalogue.vocabulary().len()
                ),
                &loaded.warnings,
            ));
            diagnostics.extend(loaded.warnings);
            let mut held = Vec::new();
            for file in &args.files {
                let (c, d, l) = check_file(file, &loaded.catalogue);
                checked.push(c);
                diagnostics.extend(d);
                held.push((file, l));
            }
            against_programmes(&held, &loaded.catalogue, &mut checked, &mut diagnostics);
        }
        Err(e) => {
            checked.push(counted(
                &cli.data,
                "catalogue",
                String::new(),
                &e.diagnostics,
            ));
            diagnostics.extend(e.diagnostics);
            for file in &args.files {
                diagnostics.push(
                    Diagnostic::error("not checked: the catalogue it refers to does not load")
                        .in_file(file),
                );
                checked.push(counted(
                    file,
                    "unchecked",
                    String::new(),
                    &diagnostics[diagnostics.len() - 1..],
                ));
            }
        }
    }
    let ok = checked.iter().all(|c| c.ok);
    let text = match args.format {
        Format::Json => json(&Report {
            ok,
            checked: &checked,
            diagnostics: &diagnostics,
        }),
        Format::Csv => diagnostics_csv(&diagnostics),
        Format::Table => {
            if !diagnostics.is_empty() {
                say_raw!("{}", render(&diagnostics));
            }
            let mut out = String::new();
            for c in &checked {
                let state = if c.ok { "ok" } else { "FAILED" };
                let problems = match (c.errors, c.warnings) {
                    (0, 0) => String::new(),
                    _ => format!(
                        " — {}",
                        summary(
                            &diagnostics
                                .iter()
                                .filter(|d| d
                                    .file
                                    .as_deref()
                                    .is_some_and(|f| f.starts_with(&c.file)))
                                .cloned()
                                .collect::<Vec<_>>()
                        )
                    ),
                };
                let holds = if c.holds.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", c.holds)
                };
                out.push_str(&format!(
                    "{state}: {} {}{holds}{problems}\n",
                    c.kind, c.file
                ));
            }
            out
        }
    };
    emit(&text)?;
    if ok {
        Ok(())
    } else {
        Err(Failure::Data(format!("error: {}", summary(&diagnostics))))
    }
}
