//! Writing an import into the data directory, keeping existing files' order,
//! comments and formatting (toml_edit): new films are appended to one file,
//! merged films get the new source added to their `sources` in the file
//! that defines them. The files are written as one
//! [`Batch`](crate::atomic_file::Batch): every file is prepared first, then
//! all are put in place, and a failure on the way leaves the old files.

use std::path::{Path, PathBuf};

use toml_edit::{value, Array, ArrayOfTables, DocumentMut, Item, Table};

use super::plan::{Fill, ImportPlan};
use crate::atomic_file::Batch;
use crate::catalogue::{Catalogue, Film};

/// Why the import could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not TOML slate can edit: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("cannot create the directory of {path}: {source}")]
    Directory {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Write(#[from] crate::atomic_file::WriteError),
    #[error("--into {}: {why}", path.display())]
    Into { path: PathBuf, why: String },
    #[error("film `{0}` was not found in the file that defines it")]
    Missing(String),
}

/// Text as the catalogue loader accepts it, whatever a listing held:
/// control characters dropped; line breaks (CRLF as LF) and tabs kept where
/// `multiline` (synopsis, notes), turned into spaces elsewhere. So an import
/// never writes a catalogue that does not load.
fn catalogue_text(s: &str, multiline: bool) -> String {
    let s = s.replace("\r\n", "\n");
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\t' if multiline => Some(c),
            '\n' | '\t' | '\r' => Some(' '),
            c if crate::text::is_control(c) => None,
            c => Some(c),
        })
        .collect()
}

fn strings(items: &[String]) -> Array {
    items.iter().map(|s| catalogue_text(s, false)).collect()
}

fn film_table(f: &Film) -> Table {
    let mut t = Table::new();
    t["id"] = value(f.id.as_str());
    let title = catalogue_text(&f.title, false);
    let title = if title.trim().is_empty() {
        f.id.clone()
    } else {
        title
    };
    t["title"] = value(title);
    if let Some(y) = f.year {
        t["year"] = value(y as i64);
    }
    if !f.directors.is_empty() {
        t["directors"] = value(strings(&f.directors));
    }
    if !f.countries.is_empty() {
        t["countries"] = value(strings(&f.countries));
    }
    if !f.languages.is_empty() {
        t["languages"] = value(strings(&f.languages));
    }
    if f.silent {
        t["silent"] = value(true);
    }
    if let Some(r) = f.runtime {
        t["runtime"] = value(r as i64);
    }
    if let Some(k) = f.kind {
        t["kind"] = value(k.as_str());
    }
    t["themes"] = value(strings(&f.themes));
    if !f.events.is_empty() {
        t["events"] = value(strings(&f.events));
    }
    if !f.festivals.is_empty() {
        t["festivals"] = value(strings(&f.festivals));
    }
    if let Some(s) = &f.synopsis {
        t["synopsis"] = value(catalogue_text(s, true));
    }
    t["sources"] = value(strings(&f.sources));
    if let Some(n) = &f.notes {
        t["notes"] = value(catalogue_text(n, true));
    }
    if !f.cast.is_empty() {
        t["cast"] = value(strings(&f.cast));
    }
    t
}

fn read(path: &Path) -> Result<DocumentMut, WriteError> {
    if !path.exists() {
        return Ok(DocumentMut::new());
    }
    let text = std::fs::read_to_string(path).map_err(|source| WriteError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    text.parse::<DocumentMut>().map_err(|e| WriteError::Parse {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Whether `into` is a film file the catalogue in `data` loads:
/// `data/films.toml` or `data/films/NAME.toml`, a regular file or none yet.
/// Anything else (themes.toml, `films/new.txt`, a path outside the data
/// directory) would be written and then never read, or break the catalogue.
pub fn check_into(data: &Path, into: &Path) -> Result<(), WriteError> {
    let refuse = |why: &str| {
        Err(WriteError::Into {
            path: into.to_path_buf(),
            why: why.to_string(),
        })
    };
    let name = into.file_name().map(|n| n.to_string_lossy().into_owned());
    let Some(name) = name else {
        return refuse("it names no file");
    };
    if !name.ends_with(".toml") || name.starts_with('.') {
        return refuse("the catalogue reads only films.toml and films/*.toml");
    }
    let same_dir = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    };
    let parent = match into.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let in_films = parent.file_name().is_some_and(|n| n == "films")
        && parent.parent().is_some_and(|d| same_dir(d, data));
    let is_single = name == "films.toml" && same_dir(parent, data);
    if !(in_films || is_single) {
        return refuse(&format!(
            "it is not a film file of the catalogue in {}: give {}/films.toml or {}/films/NAME.toml",
            data.display(),
            data.display(),
            data.display()
        ));
    }
    match std::fs::symlink_metadata(into) {
        Ok(m) if !m.is_file() => refuse("it is not a regular file"),
        _ => Ok(()),
    }
}

/// Writes the plan: new films into `into`, sources into the merged films'
/// own files, all or nothing, through the data directory's commit journal
/// (a run cut short is finished by the next; see
/// [`lock`](crate::catalogue::lock)). Returns the files written.
pub fn write(
    catalogue: &Catalogue,
    plan: &ImportPlan,
    into: &Path,
    data: &Path,
) -> Result<Vec<PathBuf>, WriteError> {
    let mut docs: Vec<(PathBuf, DocumentMut)> = Vec::new();
    let doc_for =
        |path: &Path, docs: &mut Vec<(PathBuf, DocumentMut)>| -> Result<usize, WriteError> {
            if let Some(i) = docs.iter().position(|(p, _)| p == path) {
                return Ok(i);
            }
            docs.push((path.to_path_buf(), read(path)?));
            Ok(docs.len() - 1)
        };
    for (id, source) in &plan.merges {
        let Some(i) = catalogue.position(id) else {
            continue;
        };
        let file = catalogue
            .file_of(id)
            .map(Path::to_path_buf)
            .ok_or_else(|| WriteError::Missing(id.clone()))?;
        if catalogue.films()[i].sources.contains(source) {
            continue;
        }
        let d = doc_for(&file, &mut docs)?;
        let films = docs[d]
            .1
            .get_mut("film")
            .and_then(Item::as_array_of_tables_mut)
            .ok_or_else(|| WriteError::Missing(id.clone()))?;
        let table = films
            .iter_mut()
            .find(|t| t.get("id").and_then(|v| v.as_str()) == Some(id.as_str()))
            .ok_or_else(|| WriteError::Missing(id.clone()))?;
        match table.get_mut("sources").and_then(|s| s.as_array_mut()) {
            Some(arr) => arr.push(catalogue_text(source, false)),
            None => table["sources"] = value(strings(std::slice::from_ref(source))),
        }
    }
    for (id, fill) in &plan.fills {
        let file = catalogue
            .file_of(id)
            .map(Path::to_path_buf)
            .ok_or_else(|| WriteError::Missing(id.clone()))?;
        let d = doc_for(&file, &mut docs)?;
        let table = docs[d]
            .1
            .get_mut("film")
            .and_then(Item::as_array_of_tables_mut)
            .and_then(|films| {
                films
                    .iter_mut()
                    .find(|t| t.get("id").and_then(|v| v.as_str()) == Some(id.as_str()))
            })
            .ok_or_else(|| WriteError::Missing(id.clone()))?;
        let (key, item) = match fill {
            Fill::Year(y) => ("year", value(*y as i64)),
            Fill::Runtime(r) => ("runtime", value(*r as i64)),
            Fill::Directors(v) => ("directors", value(strings(v))),
            Fill::Countries(v) => ("countries", value(strings(v))),
            Fill::Languages(v) => ("languages", value(strings(v))),
            Fill::Kind(k) => ("kind", value(k.as_str())),
        };
        if table.get(key).is_none() {
            table[key] = item;
        }
    }
    if !plan.new_films.is_empty() {
        let d = doc_for(into, &mut docs)?;
        let doc = &mut docs[d].1;
        if doc.get("film").is_none() {
            doc.insert("film", Item::ArrayOfTables(ArrayOfTables::new()));
        }
        let films = doc
            .get_mut("film")
            .and_then(Item::as_array_of_tables_mut)
            .ok_or_else(|| WriteError::Parse {
                path: into.to_path_buf(),
                message: "`film` is not an array of tables".into(),
            })?;
        for f in &plan.new_films {
            films.push(film_table(f));
        }
    }
    // Every file prepared before any is replaced: all of the import or none.
    let mut batch = Batch::new();
    let mut written = Vec::new();
    for (path, doc) in docs {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|source| WriteError::Directory {
                path: path.clone(),
                source,
            })?;
        }
        batch.add(&path, doc.to_string().as_bytes())?;
        written.push(path);
    }
    batch.commit_journaled(&crate::catalogue::lock::journal_path(data))?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::catalogue_text;

    #[test]
    fn text_is_written_as_the_loader_accepts_it() {
        assert_eq!(
            catalogue_text("La\u{e} Gr\u{200e}eve\t(1)\r\n", false),
            "La Greve (1) "
        );
        assert_eq!(catalogue_text("a\r\nb\tc\u{1b}[1m", true), "a\nb\tc[1m");
    }
}
