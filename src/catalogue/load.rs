//! Loading a data directory: finding its files, parsing them in parallel,
//! and validating every film against the vocabulary, with each problem
//! reported as a located [`Diagnostic`] and all of them reported at once.
//!
//! Layout of a data directory (key names are a public interface):
//! - `themes.toml` — `[[theme]]` tables (see [`crate::themes`]);
//! - `films.toml` and/or `films/*.toml` — `[[film]]` tables (found by
//!   `files`, which reports entries that are not readable film files).
//!
//! Files are read in name order (`films.toml` first), so load order, and with
//! it every listing's tie-breaking, is deterministic.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::Datelike;
use rayon::prelude::*;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::references::{read_references, Vocabularies};
use super::{companions, files, split, Catalogue, Film, Kind, Origin, FILM_KEYS, MULTILINE_KEYS};
use crate::countries;
use crate::diagnostics::{summary, Diagnostic, SourceFile};
use crate::events::Events;
use crate::festivals::Festivals;
use crate::text::{did_you_mean, is_slug, slugify};
use crate::themes::Vocabulary;
use crate::toml_fields::{array_of_tables, parse_part, Fields};
use crate::toml_plain;

/// Earliest plausible release year (Roundhay Garden Scene is 1888; Muybridge's
/// sequences date from 1878).
pub const MIN_YEAR: i32 = 1878;
/// Longest plausible runtime in minutes (the longest released films run ~25 hours).
pub const MAX_RUNTIME: i64 = 1500;

/// Settings of a load.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Latest accepted year (default: next calendar year, for announced films).
    pub max_year: i32,
    /// Whether a data directory without any film file is an empty
    /// catalogue rather than an error (importing starts a catalogue).
    pub allow_no_films: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_year: chrono::Local::now().year() + 1,
            allow_no_films: false,
        }
    }
}

/// A catalogue that could not be loaded, with every problem found.
#[derive(Debug, thiserror::Error)]
#[error("the catalogue has {}", summary(.diagnostics))]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
}

/// A loaded catalogue with the warnings its loading produced.
pub struct Loaded {
    pub catalogue: Catalogue,
    pub warnings: Vec<Diagnostic>,
}

pub use super::files::film_files;

/// What one file yields.
struct FileResult {
    films: Vec<ReadFilm>,
    diags: Vec<Diagnostic>,
}

/// One film as read from its file.
struct ReadFilm {
    film: Film,
    origin: Origin,
    /// Byte offset of its id.
    id_at: usize,
    /// Where each of its companions is written, as an error to fill in.
    companion_at: Vec<Diagnostic>,
}

/// Loads and validates the catalogue in `dir`. `progress` is called with the
/// number of bytes of each film file as it is finished (for progress bars).
pub fn load(
    dir: &Path,
    options: &LoadOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Loaded, LoadError> {
    let fail = |d: Diagnostic| LoadError {
        diagnostics: vec![d],
    };
    if !dir.is_dir() {
        return Err(fail(
            Diagnostic::error(format!("data directory `{}` not found", dir.display()))
                .value(dir.display().to_string())
                .help("pass --data DIR or set SLATE_DATA to a directory holding themes.toml and films.toml or films/*.toml"),
        ));
    }
    let themes_path = dir.join("themes.toml");
    if !themes_path.is_file() {
        return Err(fail(
            Diagnostic::error(format!(
                "no theme vocabulary: `{}` not found",
                themes_path.display()
            ))
            .help("a data directory needs a themes.toml with [[theme]] tables"),
        ));
    }
    let (themes, mut diags) = Vocabulary::load(&themes_path);
    let (events, event_diags) = Events::load(&dir.join("events.toml"));
    let (festivals, festival_diags) = Festivals::load(&dir.join("festivals.toml"));
    let vocabs = Vocabularies {
        themes,
        events_failed: event_diags.iter().any(Diagnostic::is_error),
        events,
        festivals_failed: festival_diags.iter().any(Diagnostic::is_error),
        festivals,
    };
    diags.extend(event_diags);
    diags.extend(festival_diags);
    let found = files::find(dir);
    let misplaced = found.diags.iter().any(Diagnostic::is_error);
    diags.extend(found.diags);
    let files = found.files;
    if files.is_empty() && !misplaced && !options.allow_no_films {
        diags.push(
            Diagnostic::error(format!("no films in `{}`", dir.display()))
                .help("add films.toml or films/*.toml with [[film]] tables"),
        );
    }
    let results: Vec<FileResult> = files
        .par_iter()
        .enumerate()
        .map(|(i, path)| {
            let r = load_file(i, path, &vocabs, options);
            progress(std::fs::metadata(path).map(|m| m.len()).unwrap_or(0));
            r
        })
        .collect();

    // Sequential part: ids must be unique across files. The index built here
    // becomes the catalogue's own.
    let total: usize = results.iter().map(|r| r.films.len()).sum();
    let mut films = Vec::with_capacity(total);
    let mut origins: Vec<Origin> = Vec::with_capacity(total);
    let mut by_id: HashMap<String, usize> = HashMap::with_capacity(total);
    // Files read again to show the lines of duplicate ids, each read once.
    let mut reread: HashMap<usize, Option<SourceFile>> = HashMap::new();
    let mut companion_at = Vec::with_capacity(total);
    for r in results {
        diags.extend(r.diags);
        for ReadFilm {
            film,
            origin,
            id_at,
            companion_at: at,
        } in r.films
        {
            if let Some(&prev) = by_id.get(&film.id) {
                let src = reread
                    .entry(origin.file)
                    .or_insert_with(|| SourceFile::read(&files[origin.file]).ok());
                diags.push(duplicate_id(
                    &film.id,
                    &files,
                    src.as_ref(),
                    origin,
                    origins[prev],
                    id_at,
                ));
                continue;
            }
            by_id.insert(film.id.clone(), films.len());
            films.push(film);
            origins.push(origin);
            companion_at.push(at);
        }
    }
    diags.extend(companions::check(&films, &by_id, &companion_at));
    if films.is_empty() && !files.is_empty() {
        diags.push(
            Diagnostic::warning(format!("the catalogue in `{}` has no films", dir.display()))
                .help("its film files hold no [[film]] tables yet"),
        );
    }
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    if diags.iter().any(Diagnostic::is_error) {
        return Err(LoadError { diagnostics: diags });
    }
    let warnings = diags;
    let Vocabularies {
        themes,
        events,
        festivals,
        ..
    } = vocabs;
    Ok(Loaded {
        catalogue: Catalogue::with_index(films, origins, files, themes, by_id)
            .with_vocabularies(events, festivals),
        warnings,
    })
}

/// A film id used twice, shown on its line when the file could be read again.
fn duplicate_id(
    id: &str,
    files: &[PathBuf],
    src: Option<&SourceFile>,
    at: Origin,
    prev: Origin,
    id_at: usize,
) -> Diagnostic {
    let message = format!("duplicate film id `{id}`");
    let located = match src {
        Some(src) => {
            let len = src.text[id_at..].find('\n').unwrap_or(0);
            Diagnostic::error(message).at(src, id_at..id_at + len)
        }
        None => Diagnostic::error(message).in_file(&files[at.file]),
    };
    let mut d = located.value(id).help(format!(
        "`{id}` is already used at {}:{}:{}; ids must be unique across all film files",
        files[prev.file].display(),
        prev.line,
        prev.column
    ));
    d.line = Some(at.line as usize);
    d.column = Some(at.column as usize);
    d
}

/// Files larger than 1.5 × this are parsed in parallel parts (see [`split`]).
const PART_BYTES: usize = 1 << 20;

fn load_file(index: usize, path: &Path, vocab: &Vocabularies, options: &LoadOptions) -> FileResult {
    match SourceFile::read(path) {
        Ok(src) => load_source(index, &src, vocab, options, PART_BYTES),
        Err(d) => FileResult {
            films: Vec::new(),
            diags: vec![*d],
        },
    }
}

/// Loads one film file, in parts of about `part_bytes` when it is big. The
/// parts are used only when each parses on its own and holds nothing but
/// `[[film]]` tables (see [`split`]); otherwise the file is parsed whole, so
/// what is accepted and reported never depends on the split.
fn load_source(
    index: usize,
    src: &SourceFile,
    vocab: &Vocabularies,
    options: &LoadOptions,
    part_bytes: usize,
) -> FileResult {
    let ranges = split::parts(&src.text, part_bytes);
    if ranges.len() > 1 {
        let results: Vec<Option<FileResult>> = ranges
            .into_par_iter()
            .map(|r| {
                let base = r.start;
                if let Some(read) = read_plain(index, src, r.clone(), vocab, options) {
                    return Some(read);
                }
                let root = parse_part(src, r).ok()?;
                split::only_films(&root).then(|| read_part(index, src, base, &root, vocab, options))
            })
            .collect();
        if results.iter().all(Option::is_some) {
            let mut all = FileResult {
                films: Vec::new(),
                diags: Vec::new(),
            };
            for r in results.into_iter().flatten() {
                all.films.extend(r.films);
                all.diags.extend(r.diags);
            }
            return all;
        }
    } else if let Some(read) = read_plain(index, src, 0..src.text.len(), vocab, options) {
        return read;
    }
    match parse_part(src, 0..src.text.len()) {
        Ok(root) => read_part(index, src, 0, &root, vocab, options),
        Err(diags) => FileResult {
            films: Vec::new(),
            diags,
        },
    }
}

/// Reads the films of one parsed part (the whole file when `base` is 0 and
/// the part is all of it).
fn read_part(
    index: usize,
    src: &SourceFile,
    base: usize,
    root: &Spanned<DeTable<'_>>,
    vocab: &Vocabularies,
    options: &LoadOptions,
) -> FileResult {
    let mut diags = Vec::new();
    let tables = array_of_tables(root, src, base, "film", &mut diags);
    read_tables(index, src, base, tables, diags, vocab, options)
}

/// Reads the films of a part written in plain TOML ([`toml_plain`]), or
/// `None` when the part is not plain and must be parsed.
fn read_plain(
    index: usize,
    src: &SourceFile,
    part: Range<usize>,
    vocab: &Vocabularies,
    options: &LoadOptions,
) -> Option<FileResult> {
    let base = part.start;
    let mut reader = FilmReader::new(index, src, base, Vec::new());
    toml_plain::for_each_table(&src.text[part], "film", |table, span| {
        reader.read(table, span.start + base..span.end + base, vocab, options)
    })
    .then(|| reader.finish())
}

/// Reads the films of a part's `[[film]]` tables (spans absolute), adding
/// to the part's diagnostics so far.
fn read_tables<'t, 'i: 't>(
    index: usize,
    src: &SourceFile,
    base: usize,
    tables: impl IntoIterator<Item = (&'t DeTable<'i>, Range<usize>)>,
    diags: Vec<Diagnostic>,
    vocab: &Vocabularies,
    options: &LoadOptions,
) -> FileResult {
    let mut reader = FilmReader::new(index, src, base, diags);
    for (table, span) in tables {
        reader.read(table, span, vocab, options);
    }
    reader.finish()
}

/// Reads films one table at a time, in file order, locating each film's id
/// by counting lines from the previous one (not through the whole file's
/// line index, which parts read in parallel would wait for).
struct FilmReader<'s> {
    index: usize,
    src: &'s SourceFile,
    /// Offset of the part the tables were parsed from.
    base: usize,
    films: Vec<ReadFilm>,
    diags: Vec<Diagnostic>,
    /// A byte offset whose 1-based line is known, and that line's start.
    at: usize,
    line: usize,
    line_start: usize,
}

impl<'s> FilmReader<'s> {
    fn new(index: usize, src: &'s SourceFile, base: usize, diags: Vec<Diagnostic>) -> Self {
        let bytes = &src.text.as_bytes()[..base];
        FilmReader {
            index,
            src,
            base,
            films: Vec::new(),
            diags,
            at: base,
            line: 1 + memchr::memchr_iter(b'\n', bytes).count(),
            line_start: memchr::memrchr(b'\n', bytes).map_or(0, |p| p + 1),
        }
    }

    /// The 1-based line and character column of `offset`, at or after the
    /// last offset located.
    fn locate(&mut self, offset: usize) -> (usize, usize) {
        let text = &self.src.text;
        if offset < self.at {
            let (line, column, _) = self.src.locate(offset);
            return (line, column);
        }
        let between = &text.as_bytes()[self.at..offset];
        self.line += memchr::memchr_iter(b'\n', between).count();
        if let Some(p) = memchr::memrchr(b'\n', between) {
            self.line_start = self.at + p + 1;
        }
        self.at = offset;
        let column = text[self.line_start..offset].chars().count() + 1;
        (self.line, column)
    }

    fn read(
        &mut self,
        table: &DeTable<'_>,
        span: Range<usize>,
        vocab: &Vocabularies,
        options: &LoadOptions,
    ) {
        let mut f = Fields::new(table, span, self.src, self.base, "a film of this file")
            .plain_text(MULTILINE_KEYS);
        if let Some((film, id_at, companion_at)) =
            read_film(&mut f, vocab, options, &mut self.diags)
        {
            let (line, column) = self.locate(id_at);
            self.films.push(ReadFilm {
                film,
                origin: Origin {
                    file: self.index,
                    line: line as u32,
                    column: column as u32,
                },
                id_at,
                companion_at,
            });
        }
    }

    fn finish(self) -> FileResult {
        FileResult {
            films: self.films,
            diags: self.diags,
        }
    }
}

/// Non-empty trimmed strings of a list, reporting empty ones.
fn names(f: &Fields, key: &str, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    let Some(list) = f.str_list(key, diags) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(list.len());
    for (s, span) in list {
        let t = s.trim();
        if t.is_empty() {
            diags.push(
                Diagnostic::error(format!("empty entry in `{key}` of {}", f.what))
                    .at(f.source, span)
                    .value("\"\""),
            );
        } else {
            out.push(t.to_string());
        }
    }
    out
}

fn text(f: &Fields, key: &str, diags: &mut Vec<Diagnostic>) -> Option<String> {
    f.str(key, diags)
        .map(|(s, _)| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Reads and validates one `[[film]]` table. Returns the film (if it has at
/// least a usable id), the byte offset of its id and where each of its
/// companions is written.
fn read_film(
    f: &mut Fields,
    vocab: &Vocabularies,
    options: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Film, usize, Vec<Diagnostic>)> {
    let src = f.source;
    // Named first, so that even messages about the id and title name the film.
    let raw = |key: &str| match f.get(key).map(|v| v.get_ref()) {
        Some(DeValue::String(s)) => Some(s.to_string()),
        _ => None,
    };
    if let Some(id) = raw("id") {
        f.set_what(format!("film `{id}`"));
    } else if let Some(t) = raw("title") {
        f.set_what(format!("film \"{t}\""));
    }
    let id = f.str("id", diags);
    let title = f.str("title", diags);
    f.unknown_keys(FILM_KEYS, diags);

    let mut film = Film::default();
    let id_at;
    match id {
        Some((id, span)) => {
            id_at = span.start;
            if !is_slug(id) {
                let fixed = slugify(id);
                diags.push(
                    Diagnostic::error(format!(
                        "film id `{id}` is not a slug (lowercase ASCII letters, digits and single hyphens)"
                    ))
                    .at(src, span)
                    .value(id)
                    .help(if fixed.is_empty() {
                        "ids look like \"harlan-county-usa\"".to_string()
                    } else {
                        format!("use id = \"{fixed}\"")
                    }),
                );
            }
            film.id = id.to_string();
        }
        None => {
            if f.get("id").is_none() {
                let example = title
                    .as_ref()
                    .map(|(t, _)| format!("id = \"{}\"", slugify(t)))
                    .unwrap_or_else(|| "id = \"harlan-county-usa\"".into());
                f.missing("id", &example, diags);
            }
            id_at = f.span.start;
        }
    }
    match title {
        Some((t, span)) if t.trim().is_empty() => diags.push(
            Diagnostic::error(format!("{} has an empty title", f.what))
                .at(src, span)
                .value(format!("\"{t}\""))
                .help("give the film's release title; a film needs a title"),
        ),
        Some((t, _)) => film.title = t.trim().to_string(),
        None => {
            if f.get("title").is_none() {
                f.missing("title", "title = \"Harlan County, USA\"", diags);
            }
        }
    }
    film.original_title = text(f, "original_title", diags);
    if let Some((y, span)) = f.int("year", diags) {
        let problem = if y < MIN_YEAR as i64 {
            Some(format!("is before {MIN_YEAR}, earlier than any film"))
        } else if y > options.max_year as i64 {
            Some(format!("is after {}, next year", options.max_year))
        } else {
            None
        };
        if let Some(problem) = problem {
            diags.push(
                Diagnostic::error(format!("year {y} of {} {problem}", f.what))
                    .at(src, span)
                    .value(y.to_string())
                    .help("give the year of first release, e.g. year = 1976"),
            );
        } else {
            film.year = Some(y as i32);
        }
    }
    film.directors = names(f, "directors", diags);
    film.languages = names(f, "languages", diags);
    film.cast = names(f, "cast", diags);
    film.sources = names(f, "sources", diags);
    if let Some(list) = f.str_list("countries", diags) {
        for (c, span) in list {
            if let Some(c) = countries::located(c, span, src, &f.what, diags) {
                film.countries.push(c.to_string());
            }
        }
    }
    if let Some((r, span)) = f.int("runtime", diags) {
        if !(1..=MAX_RUNTIME).contains(&r) {
            diags.push(
                Diagnostic::error(format!(
                    "runtime {r} of {} is outside 1..={MAX_RUNTIME} minutes",
                    f.what
                ))
                .at(src, span)
                .value(r.to_string())
                .help("runtime is in whole minutes; leave it out if unknown"),
            );
        } else {
            film.runtime = Some(r as u32);
        }
    }
    if let Some((k, span)) = f.str("kind", diags) {
        match Kind::parse(k.trim()) {
            Some(kind) => film.kind = Some(kind),
            None => {
                let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                diags.push(
                    Diagnostic::error(format!("unknown kind `{k}` in {}", f.what))
                        .at(src, span)
                        .value(k)
                        .help(
                            did_you_mean(k, all.iter().copied())
                                .unwrap_or_else(|| format!("kind is one of: {}", all.join(", "))),
                        ),
                );
            }
        }
    }
    film.short = f.bool("short", diags).map(|(b, _)| b);
    if let Some(list) = f.str_list("themes", diags) {
        for (t, span) in list {
            if !vocab.themes.contains(t) {
                if vocab.themes.is_empty() {
                    continue; // the vocabulary itself failed; its errors say why
                }
                diags.push(
                    Diagnostic::error(format!("unknown theme `{t}` in {}", f.what))
                        .at(src, span)
                        .value(t)
                        .help(vocab.themes.suggestion(t).unwrap_or_else(|| {
                            "themes are the ids defined in themes.toml (`slate themes` lists them)"
                                .into()
                        })),
                );
            } else if film.themes.iter().any(|x| x == t) {
                diags.push(
                    Diagnostic::warning(format!("theme `{t}` is listed twice in {}", f.what))
                        .at(src, span)
                        .value(t),
                );
            } else {
                film.themes.push(t.to_string());
            }
        }
    }
    film.synopsis = text(f, "synopsis", diags);
    film.notes = text(f, "notes", diags);
    let companion_at = read_references(f, &mut film, vocab, diags);
    if film.id.is_empty() || film.title.is_empty() {
        return None;
    }
    if f.get("sources").is_none() {
        diags.push(
            Diagnostic::warning(format!("{} names no sources", f.what))
                .at(src, id_at..id_at)
                .help("add sources = [\"https://…\"] naming where its facts were checked"),
        );
    }
    if f.get("themes").is_none() {
        diags.push(
            Diagnostic::warning(format!(
                "{} has no `themes`; it will not be linked to other films",
                f.what
            ))
            .at(src, id_at..id_at)
            .help("add themes = [...] with ids from themes.toml, or themes = [] if none applies"),
        );
    }
    Some((film, id_at, companion_at))
}

#[cfg(test)]
mod tests;
