//! `slate import FILE…`: turn pasted listings into catalogue entries.

use std::io::Read;
use std::path::PathBuf;

use clap::Args;

use slate::import::listing::{read, Knowledge, Skipped};
use slate::import::plan::{plan, Outcome};
use slate::import::write::{check_into, write};
use slate::import::{binary_reason, decode, drop_controls};
use slate::text::escape_controls;

use super::output::{csv, emit, emit_json, table, Format};
use super::{load_catalogue_for_writing_with, load_catalogue_with, Cli, CmdResult, Failure};
use slate::catalogue::LoadOptions;

#[derive(Args)]
#[command(
    after_help = "Each entry becomes a new film, is merged into the catalogue film it \
    repeats (its source is added; facts that disagree are reported and the catalogue's kept), or \
    is reported as untitled (never written: a film needs a title).\n\nExamples:\n  \
    slate import listing.txt --dry-run\n  \
    slate import festival-2026.txt --source \"Festival catalogue 2026\"\n  \
    pbpaste | slate import - --format json"
)]
pub struct ImportArgs {
    /// Listing files (`-` for standard input)
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Name of the source recorded on every film (default: the file name)
    #[arg(long)]
    source: Option<String>,
    /// Report what would happen and write nothing
    #[arg(long)]
    dry_run: bool,
    /// File new films are appended to (default: films/imported.toml in the data directory)
    #[arg(long, value_name = "FILE")]
    into: Option<PathBuf>,
    /// Also write the entries the reader is unsure of (reported as
    /// `uncertain` otherwise: a title alone, a title that looks like a name)
    #[arg(long)]
    accept_uncertain: bool,
    /// Report format (CSV: one row per entry or skipped span)
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(cli: &Cli, args: &ImportArgs) -> CmdResult {
    // A writing import holds the writers' lock from reading the catalogue
    // to committing its files: a second import waits, then sees this one's.
    let into = args
        .into
        .clone()
        .unwrap_or_else(|| cli.data.join("films").join("imported.toml"));
    if !args.dry_run {
        check_into(&cli.data, &into).map_err(|e| Failure::Usage(e.to_string()))?;
    }
    // Importing starts a catalogue: a data directory with its themes and no
    // film file yet is an empty catalogue, not an error.
    let options = LoadOptions {
        allow_no_films: true,
        ..LoadOptions::default()
    };
    let (_lock, loaded) = if args.dry_run {
        (None, load_catalogue_with(cli, &options)?)
    } else {
        let (lock, loaded) = load_catalogue_for_writing_with(cli, &options)?;
        (Some(lock), loaded)
    };
    let cat = &loaded.catalogue;
    let knowledge = Knowledge::of_catalogue(cat);
    let mut files = Vec::new();
    let mut skipped: Vec<(String, Skipped)> = Vec::new();
    for path in &args.files {
        let (name, bytes) = if path.as_os_str() == "-" {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .map_err(|e| Failure::Data(format!("error: cannot read standard input: {e}")))?;
            ("stdin".to_string(), b)
        } else {
            let b = std::fs::read(path).map_err(|e| {
                Failure::Data(format!("error: cannot read {}: {e}", path.display()))
            })?;
            (path.display().to_string(), b)
        };
        if let Some(why) = binary_reason(&bytes) {
            return Err(Failure::Data(format!(
                "error: {name} is not a text listing: {why}; slate imports listings pasted \
                 from pages, catalogues and spreadsheets (text, CSV, TSV)"
            )));
        }
        let (text, fallback) = decode(&bytes);
        if fallback {
            say!("warning: {name} is not UTF-8; read as Windows-1252");
        }
        let (text, dropped) = drop_controls(&text);
        if dropped > 0 {
            say!(
                "warning: {}: dropped {dropped} control character{} (terminal escapes, \
                 bidirectional-text marks), which catalogue text may not hold",
                escape_controls(&name, &[]),
                if dropped == 1 { "" } else { "s" }
            );
        }
        let mut reading = read(&text, &knowledge);
        if reading.entries.is_empty() {
            say!("warning: {name}: no film entry recognised");
        }
        let uncertain = reading
            .entries
            .iter()
            .filter(|e| e.uncertain.is_some())
            .count();
        say!(
            "read {}: {} lines: {} in {} entries{}, {} skipped, {} blank",
            escape_controls(&name, &[]),
            reading.lines,
            reading.entry_lines(),
            reading.entries.len(),
            if uncertain > 0 {
                format!(
                    " ({uncertain} uncertain{})",
                    if args.accept_uncertain {
                        ", accepted"
                    } else {
                        ": add --accept-uncertain to write them"
                    }
                )
            } else {
                String::new()
            },
            reading.skipped_lines(),
            reading.blank
        );
        if args.accept_uncertain {
            for e in &mut reading.entries {
                e.uncertain = None;
            }
        }
        skipped.extend(reading.skipped.into_iter().map(|s| (name.clone(), s)));
        files.push((name, reading.entries));
    }
    let source = args.source.clone().unwrap_or_else(|| {
        files
            .iter()
            .map(|(n, _)| {
                std::path::Path::new(n)
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_else(|| n.clone())
            })
            .collect::<Vec<_>>()
            .join(", ")
    });
    // The source is written into every film: it may not hold what film text may not.
    let (source, _) = drop_controls(&source);
    let decided = plan(cat, &files, &source);
    // Nothing recognised is an error, reported after the lines skipped
    // and why, so the reader can see what it made of the input.
    let nothing = decided.reported.is_empty();
    match args.format {
        Format::Json => {
            // Entries, then the lines no entry took, each with its reason.
            #[derive(serde::Serialize)]
            #[serde(untagged)]
            enum Row<'a> {
                Entry(&'a slate::import::plan::Reported),
                Skipped {
                    file: &'a str,
                    status: &'static str,
                    line: usize,
                    last_line: usize,
                    reason: &'a str,
                },
            }
            let rows: Vec<Row> = decided
                .reported
                .iter()
                .map(Row::Entry)
                .chain(skipped.iter().map(|(file, s)| Row::Skipped {
                    file,
                    status: "skipped",
                    line: s.line,
                    last_line: s.last_line,
                    reason: &s.reason,
                }))
                .collect();
            emit_json(&rows)?
        }
        Format::Csv | Format::Table => {
            let mut rows: Vec<Vec<String>> = decided
                .reported
                .iter()
                .map(|r| {
                    let (status, detail) = match &r.outcome {
                        Outcome::New { id } => ("new".to_string(), id.clone()),
                        Outcome::Merged {
                            id,
                            conflicts,
                            filled,
                        } => {
                            let mut detail = id.clone();
                            if !filled.is_empty() {
                                detail.push_str(&format!(" (filled: {})", filled.join(", ")));
                            }
                            if conflicts.is_empty() {
                                ("merged".to_string(), detail)
                            } else {
                                let c = conflicts.join("; ");
                                ("conflict".to_string(), format!("{detail}: {c}"))
                            }
                        }
                        Outcome::Untitled => ("untitled".to_string(), "needs a title".to_string()),
                        Outcome::Uncertain { reason } => (
                            "uncertain".to_string(),
                            format!("not written ({reason}); --accept-uncertain writes it"),
                        ),
                        Outcome::Repeated { line } => (
                            "repeated".to_string(),
                            format!("same untitled entry as line {line}"),
                        ),
                    };
                    let detail = if r.dropped.is_empty() {
                        detail
                    } else {
                        format!("{detail}; left out: {}", r.dropped.join("; "))
                    };
                    let e = &r.entry;
                    vec![
                        format!("{}:{}", r.file, e.line),
                        status,
                        e.title.clone().unwrap_or_else(|| "—".into()),
                        e.year.map(|y| y.to_string()).unwrap_or_default(),
                        e.directors.join(", "),
                        e.runtime.map(|r| r.to_string()).unwrap_or_default(),
                        r.tags
                            .iter()
                            .map(|t| format!("{} ({})", t.theme, t.words.join(", ")))
                            .collect::<Vec<_>>()
                            .join("; "),
                        detail,
                    ]
                })
                .collect();
            rows.extend(skipped.iter().map(|(file, s)| {
                let lines = if s.line == s.last_line {
                    format!("{file}:{}", s.line)
                } else {
                    format!("{file}:{}-{}", s.line, s.last_line)
                };
                vec![
                    lines,
                    "skipped".to_string(),
                    "—".to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    s.reason.clone(),
                ]
            }));
            if args.format == Format::Csv {
                let header = [
                    "entry",
                    "status",
                    "title",
                    "year",
                    "directors",
                    "runtime",
                    "themes",
                    "detail",
                ];
                emit(&csv(&header, &rows))?
            } else {
                let header = [
                    "ENTRY",
                    "STATUS",
                    "TITLE",
                    "YEAR",
                    "DIRECTORS",
                    "MIN",
                    "THEMES (WORDS)",
                    "DETAIL",
                ];
                emit(&table(&header, &rows))?
            }
        }
    }
    if nothing {
        return Err(Failure::Data(
            "error: nothing to import: no film entry was recognised in the input \
             (the report lists each line it skipped and why)"
                .into(),
        ));
    }
    let new = decided.new_films.len();
    let merged = decided
        .reported
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Merged { .. }))
        .count();
    if args.dry_run {
        say!("dry run: {new} new, {merged} merged; nothing written");
        return Ok(());
    }
    let written =
        write(cat, &decided, &into, &cli.data).map_err(|e| Failure::Data(format!("error: {e}")))?;
    say!(
        "imported: {new} new, {merged} merged; wrote {}",
        written
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(())
}
