//! Finding the film files of a data directory: `films.toml` and
//! `films/*.toml`, in load order, and saying so when an entry that looks like
//! a film file cannot be read as one, instead of skipping it silently.
//!
//! - `films.toml` that exists but is not a readable regular file (a
//!   directory, a dangling or looping symbolic link) is an error: the user
//!   clearly meant a film file there. So is a `films` that is not a directory.
//! - An entry `films/NAME.toml` that is not a readable regular file is
//!   skipped with a warning naming it and why ("a directory", "a symbolic
//!   link that loops", "a symbolic link that points to a missing file").
//! - A symbolic link to a regular file is read like the file. Entries whose
//!   names do not end in `.toml` are not film files and are ignored.

use std::collections::HashSet;
use std::fs::{self, Metadata};
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// The film files of a data directory and what was said about its entries.
pub struct FilmFiles {
    /// Readable regular files, in load order (`films.toml` first, then
    /// `films/*.toml` in name order).
    pub files: Vec<PathBuf>,
    /// Errors and warnings about entries that are not film files.
    pub diags: Vec<Diagnostic>,
}

/// The film files of a data directory, in load order (without the
/// diagnostics; see [`find`]).
pub fn film_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    Ok(find(dir).files)
}

/// Finds the film files of `dir`, with a diagnostic for each entry that
/// looks like one but cannot be read as one (see the module documentation).
pub fn find(dir: &Path) -> FilmFiles {
    let mut found = FilmFiles {
        files: Vec::new(),
        diags: Vec::new(),
    };
    let single = dir.join("films.toml");
    if exists(&single) {
        match fs::metadata(&single) {
            Ok(m) if m.is_file() => found.files.push(single),
            other => found.diags.push(
                Diagnostic::error(format!(
                    "`{}` is not a film file: it is {}",
                    single.display(),
                    what_instead(&single, other)
                ))
                .in_file(&single)
                .help("films.toml must be a file of [[film]] tables; put several in films/*.toml"),
            ),
        }
    }
    let sub = dir.join("films");
    if !exists(&sub) {
        return found;
    }
    match fs::metadata(&sub) {
        Ok(m) if m.is_dir() => {}
        other => {
            found.diags.push(
                Diagnostic::error(format!(
                    "`{}` is not a directory of film files: it is {}",
                    sub.display(),
                    what_instead(&sub, other)
                ))
                .in_file(&sub)
                .help(
                    "films/ must be a directory of *.toml film files; a single file is films.toml",
                ),
            );
            return found;
        }
    }
    let entries = match fs::read_dir(&sub) {
        Ok(entries) => entries,
        Err(e) => {
            found.diags.push(
                Diagnostic::error(format!("cannot list `{}`: {e}", sub.display())).in_file(&sub),
            );
            return found;
        }
    };
    let mut more = Vec::new();
    for entry in entries {
        let path = match entry {
            Ok(e) => e.path(),
            Err(e) => {
                found.diags.push(
                    Diagnostic::error(format!("cannot list `{}`: {e}", sub.display()))
                        .in_file(&sub),
                );
                continue;
            }
        };
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        match fs::metadata(&path) {
            Ok(m) if m.is_file() => more.push(path),
            other => found.diags.push(
                Diagnostic::warning(format!(
                    "skipped `{}`: it is {}",
                    path.display(),
                    what_instead(&path, other)
                ))
                .in_file(&path)
                .help("only regular files (or links to them) under films/ are read as film files"),
            ),
        }
    }
    more.sort();
    found.files.extend(more);
    found
}

/// Whether anything (even a dangling link) is at `path`.
fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// What is at `path` instead of a regular file (or directory), given the
/// result of following it: "a directory", "a symbolic link that loops", ….
fn what_instead(path: &Path, followed: io::Result<Metadata>) -> String {
    match followed {
        Ok(m) if m.is_dir() => "a directory".into(),
        Ok(m) if m.is_file() => "a regular file".into(),
        Ok(_) => "not a regular file (a device, pipe or socket)".into(),
        Err(e) => {
            let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            if !link {
                format!("unreadable ({e})")
            } else if loops(path) {
                "a symbolic link that loops".into()
            } else if e.kind() == io::ErrorKind::NotFound {
                match fs::read_link(path) {
                    Ok(target) => format!(
                        "a symbolic link that points to a missing file (`{}`)",
                        target.display()
                    ),
                    Err(_) => "a symbolic link that points to a missing file".into(),
                }
            } else {
                format!("a symbolic link that cannot be followed ({e})")
            }
        }
    }
}

/// Whether following the symbolic link `path` comes back to a link already
/// seen (or goes on longer than any system follows).
fn loops(path: &Path) -> bool {
    let mut seen = HashSet::new();
    let mut at = path.to_path_buf();
    for _ in 0..64 {
        let Ok(target) = fs::read_link(&at) else {
            return false;
        };
        let next = match at.parent() {
            Some(parent) if target.is_relative() => parent.join(target),
            _ => target,
        };
        let key = next.canonicalize().unwrap_or_else(|_| next.clone());
        if !seen.insert(key) {
            return true;
        }
        at = next;
    }
    true
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn messages(f: &FilmFiles) -> Vec<String> {
        f.diags.iter().map(|d| d.message.clone()).collect()
    }

    #[test]
    fn entries_that_are_not_film_files_are_named_with_why() {
        let dir = tempfile::tempdir().unwrap();
        let films = dir.path().join("films");
        fs::create_dir(&films).unwrap();
        fs::write(films.join("a.toml"), "").unwrap();
        fs::write(films.join("notes.txt"), "").unwrap();
        fs::create_dir(films.join("dir.toml")).unwrap();
        symlink("loop.toml", films.join("loop.toml")).unwrap();
        symlink("gone.toml", films.join("dangling.toml")).unwrap();
        symlink("a.toml", films.join("link.toml")).unwrap();
        let f = find(dir.path());
        assert_eq!(f.files, [films.join("a.toml"), films.join("link.toml")]);
        assert!(f.diags.iter().all(|d| !d.is_error()));
        let m = messages(&f).join("\n");
        assert!(
            m.contains(
                "dangling.toml`: it is a symbolic link that points to a missing file (`gone.toml`)"
            ),
            "{m}"
        );
        assert!(m.contains("dir.toml`: it is a directory"), "{m}");
        assert!(
            m.contains("loop.toml`: it is a symbolic link that loops"),
            "{m}"
        );
        assert_eq!(f.diags.len(), 3, "{m}");
    }

    #[test]
    fn a_films_toml_directory_or_a_films_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("films.toml")).unwrap();
        fs::write(dir.path().join("films"), "").unwrap();
        let f = find(dir.path());
        assert!(f.files.is_empty());
        let m = messages(&f);
        assert!(
            m[0].ends_with("films.toml` is not a film file: it is a directory"),
            "{m:?}"
        );
        assert!(
            m[1].ends_with("films` is not a directory of film files: it is a regular file"),
            "{m:?}"
        );
        assert!(f.diags.iter().all(Diagnostic::is_error));
    }
}
