//! The commit journal of a [`Batch`](super::Batch): which prepared
//! temporary file goes to which target, written (and synced) before the
//! first rename and removed after the last.
//!
//! A journal on disk therefore means a commit was cut short after every new
//! file was complete: [`recover`] finishes it, renaming the temporary files
//! still there (those already renamed are gone). A journal that was itself
//! cut short (no closing line) means no rename had started: its temporary
//! files are removed instead. Either way the files end all new or all old.
//!
//! The journal is a small text file: a header line, one line per file with
//! the two paths hex-encoded (any byte a path holds survives), and a closing
//! line. Stale temporary and backup files (`.slate-*.tmp`, `.slate-*.bak`)
//! that a killed run left beside its targets are removed by
//! [`remove_stale`] — only ever under the writers' lock, when no other run
//! can be preparing them.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use super::WriteError;

const HEADER: &str = "slate commit journal 1";
const END: &str = "end";

/// A journal on disk, for the commit in progress.
pub struct Journal {
    path: PathBuf,
    dirs: Vec<PathBuf>,
}

fn hex(path: &Path) -> String {
    path.as_os_str()
        .as_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn unhex(text: &str) -> Option<PathBuf> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect();
    Some(PathBuf::from(OsString::from_vec(bytes?)))
}

/// Syncs a directory, so renames and removals in it are on disk.
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

impl Journal {
    /// Writes the journal of `renames` (temporary file, target) at `path`,
    /// synced, appearing whole (written beside it, then renamed).
    pub(super) fn write(
        path: &Path,
        renames: impl Iterator<Item = (PathBuf, PathBuf)>,
    ) -> Result<Journal, WriteError> {
        let fail = |e| WriteError::io(path, e);
        let mut text = format!("{HEADER}\n");
        let mut dirs: Vec<PathBuf> = Vec::new();
        for (temp, target) in renames {
            text.push_str(&format!("{} {}\n", hex(&temp), hex(&target)));
            let dir = super::parent_dir(&target).to_path_buf();
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
        text.push_str(END);
        text.push('\n');
        let dir = super::parent_dir(path);
        let mut temp = tempfile::Builder::new()
            .prefix(".slate-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(fail)?;
        temp.write_all(text.as_bytes()).map_err(fail)?;
        temp.as_file().sync_all().map_err(fail)?;
        temp.persist(path).map_err(|e| fail(e.error))?;
        sync_dir(dir).map_err(fail)?;
        Ok(Journal {
            path: path.to_path_buf(),
            dirs,
        })
    }

    /// Every rename is done: sync the directories, then drop the journal.
    pub(super) fn finish(self) -> Result<(), WriteError> {
        for d in &self.dirs {
            sync_dir(d).map_err(|e| WriteError::io(d, e))?;
        }
        fs::remove_file(&self.path).map_err(|e| WriteError::io(&self.path, e))?;
        let _ = sync_dir(super::parent_dir(&self.path));
        Ok(())
    }

    /// The commit is being undone: the journal must not finish it later.
    pub(super) fn remove(self) {
        let _ = fs::remove_file(&self.path);
        let _ = sync_dir(super::parent_dir(&self.path));
    }
}

/// What [`recover`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recovery {
    /// No journal: nothing was cut short.
    Clean,
    /// A commit cut short was finished: this many files were put in place.
    Finished(usize),
    /// A journal cut short while being written: nothing had been renamed;
    /// its temporary files were removed.
    Discarded,
}

/// Finishes (or discards) a commit that a journal at `path` says was cut
/// short. Call it under the writers' lock, before reading what the commit
/// wrote.
pub fn recover(path: &Path) -> io::Result<Recovery> {
    let text = match fs::read(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Recovery::Clean),
        Err(e) => return Err(e),
    };
    let text = String::from_utf8_lossy(&text);
    let lines: Vec<&str> = text.lines().collect();
    let complete = lines.first() == Some(&HEADER) && lines.last() == Some(&END);
    let entries: Vec<(PathBuf, PathBuf)> = lines
        .iter()
        .skip(1)
        .filter_map(|l| {
            let (a, b) = l.split_once(' ')?;
            Some((unhex(a)?, unhex(b)?))
        })
        .collect();
    let outcome = if complete {
        let mut finished = 0;
        for (temp, target) in &entries {
            if temp.exists() {
                fs::rename(temp, target)?;
                finished += 1;
            }
        }
        for dir in entries.iter().map(|(_, t)| super::parent_dir(t)) {
            let _ = sync_dir(dir);
        }
        Recovery::Finished(finished)
    } else {
        for (temp, _) in &entries {
            let _ = fs::remove_file(temp);
        }
        Recovery::Discarded
    };
    fs::remove_file(path)?;
    let _ = sync_dir(super::parent_dir(path));
    Ok(outcome)
}

fn is_stale(name: &str) -> bool {
    name.starts_with(".slate-") && (name.ends_with(".tmp") || name.ends_with(".bak"))
}

/// Whether `dir` holds temporary or backup files of slate's.
pub fn has_stale(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| is_stale(&e.file_name().to_string_lossy()))
    })
}

/// Removes the temporary and backup files (`.slate-*.tmp`, `.slate-*.bak`)
/// that runs cut short left in `dir`. Only under the writers' lock, after
/// [`recover`]. Returns how many were removed.
pub fn remove_stale(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if is_stale(&name)
            && e.file_type().is_ok_and(|t| t.is_file())
            && fs::remove_file(e.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::super::Batch;
    use super::*;

    #[test]
    fn paths_survive_the_journal() {
        let p = PathBuf::from(OsString::from_vec(b"/tmp/a b\n\xff.toml".to_vec()));
        assert_eq!(unhex(&hex(&p)), Some(p));
        assert_eq!(unhex("abc"), None);
        assert_eq!(unhex("zz"), None);
    }

    #[test]
    fn a_commit_cut_short_is_finished() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.toml");
        let b = dir.path().join("b.toml");
        fs::write(&a, "old a").unwrap();
        fs::write(&b, "old b").unwrap();
        // As if cut after the journal and the first rename: prepare two
        // temporaries, journal them, rename the first by hand.
        let ta = dir.path().join(".slate-1.tmp");
        let tb = dir.path().join(".slate-2.tmp");
        fs::write(&ta, "new a").unwrap();
        fs::write(&tb, "new b").unwrap();
        let journal = dir.path().join(".slate-journal");
        let j = Journal::write(
            &journal,
            [(ta.clone(), a.clone()), (tb, b.clone())].into_iter(),
        )
        .unwrap();
        std::mem::forget(j);
        fs::rename(&ta, &a).unwrap();
        assert_eq!(recover(&journal).unwrap(), Recovery::Finished(1));
        assert_eq!(fs::read_to_string(&a).unwrap(), "new a");
        assert_eq!(fs::read_to_string(&b).unwrap(), "new b");
        assert!(!journal.exists());
        assert_eq!(recover(&journal).unwrap(), Recovery::Clean);
    }

    #[test]
    fn a_journal_cut_short_is_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.toml");
        fs::write(&a, "old a").unwrap();
        let ta = dir.path().join(".slate-1.tmp");
        fs::write(&ta, "new a").unwrap();
        let journal = dir.path().join(".slate-journal");
        fs::write(&journal, format!("{HEADER}\n{} {}\n", hex(&ta), hex(&a))).unwrap();
        assert_eq!(recover(&journal).unwrap(), Recovery::Discarded);
        assert_eq!(fs::read_to_string(&a).unwrap(), "old a");
        assert!(!ta.exists());
    }

    #[test]
    fn a_journaled_batch_leaves_no_journal_and_stale_files_go() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join(".slate-journal");
        let mut batch = Batch::new();
        batch.add(&dir.path().join("x.toml"), b"x").unwrap();
        batch.commit_journaled(&journal).unwrap();
        assert!(!journal.exists());
        fs::write(dir.path().join(".slate-abc.tmp"), "stale").unwrap();
        fs::write(dir.path().join(".slate-abc.bak"), "stale").unwrap();
        fs::write(dir.path().join("keep.toml"), "mine").unwrap();
        assert_eq!(remove_stale(dir.path()), 2);
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["keep.toml", "x.toml"]);
    }
}
