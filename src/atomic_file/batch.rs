//! A [`Batch`]: files written together, all or nothing.
//!
//! Every file is prepared first (a synced temporary file beside its
//! target), then all are renamed into place. A rename that fails part-way
//! is undone from hard-linked backups, so an error leaves the old files.
//! A crash (power loss, `kill -9`) between two renames is covered by a
//! [journal](super::journal) when the caller keeps one: written and synced
//! after every file is prepared and before the first rename, it lets the
//! next run finish the commit (roll forward), so the files are then all new.

use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempPath;

use super::journal::Journal;
use super::{parent_dir, prepare, resolve, same_file, Resolved, WriteError};

/// A file prepared for a batch: its contents are in a temporary file beside
/// the target.
struct Prepared {
    /// As the caller named it (for messages).
    named: PathBuf,
    /// Where it goes, symbolic links followed.
    target: PathBuf,
    temp: TempPath,
}

/// Files written together, all or nothing: [`add`](Batch::add) each, then
/// [`commit`](Batch::commit).
#[derive(Default)]
pub struct Batch {
    inputs: Vec<PathBuf>,
    files: Vec<Prepared>,
}

impl Batch {
    pub fn new() -> Batch {
        Batch::default()
    }

    /// A batch that refuses to write over any of `inputs`.
    pub fn protecting(inputs: &[&Path]) -> Batch {
        Batch {
            inputs: inputs.iter().map(|p| p.to_path_buf()).collect(),
            files: Vec::new(),
        }
    }

    /// Checks that `path` may be written by this batch: not an input, and
    /// (followed through links) a regular file or nothing yet.
    pub fn check(&self, path: &Path) -> Result<PathBuf, WriteError> {
        if self.inputs.iter().any(|i| same_file(i, path)) {
            return Err(WriteError::OverwritesInput(path.to_path_buf()));
        }
        match resolve(path)? {
            Resolved::File(target) => Ok(target),
            Resolved::Special(_) => Err(WriteError::refused(
                path,
                "it is a device, FIFO or socket, which cannot be replaced with the other files \
                 all or nothing",
            )),
        }
    }

    /// Prepares `bytes` for `path`; nothing is visible until
    /// [`commit`](Batch::commit). The parent directory must exist.
    pub fn add(&mut self, path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
        let target = self.check(path)?;
        let temp = prepare(path, &target, bytes)?;
        self.files.push(Prepared {
            named: path.to_path_buf(),
            target,
            temp,
        });
        Ok(())
    }

    /// Puts every prepared file in place. When one fails, those already
    /// replaced are restored (or removed, when they are new) and the error
    /// is returned: the old files stay, never a mix.
    pub fn commit(self) -> Result<(), WriteError> {
        self.commit_inner(None)
    }

    /// [`commit`](Batch::commit), crash-safe: the renames are written to a
    /// journal at `journal` first, so a run cut short between two renames is
    /// finished by [`journal::recover`](super::journal::recover) on the next
    /// run. The journal is removed once every file is in place.
    pub fn commit_journaled(self, journal: &Path) -> Result<(), WriteError> {
        self.commit_inner(Some(journal))
    }

    fn commit_inner(self, journal: Option<&Path>) -> Result<(), WriteError> {
        let written = match journal {
            None => None,
            Some(path) => Some(Journal::write(
                path,
                self.files
                    .iter()
                    .map(|p| (p.temp.to_path_buf(), p.target.clone())),
            )?),
        };
        crash_point("journaled");
        let mut done: Vec<(PathBuf, Option<TempPath>)> = Vec::new();
        for p in self.files {
            // A backup of the file being replaced, by hard link (no copy).
            let backup = if p.target.exists() {
                backup_of(&p.target)
            } else {
                None
            };
            if let Err(e) = p.temp.persist(&p.target) {
                let error = WriteError::io(&p.named, e.error);
                drop(backup);
                // Undo, not finish: the journal goes first.
                if let Some(j) = written {
                    j.remove();
                }
                roll_back(done);
                return Err(error);
            }
            done.push((p.target, backup));
            crash_point("renamed");
        }
        if let Some(j) = written {
            j.finish()?;
        }
        // Committed: the backups go (dropping a TempPath removes it).
        Ok(())
    }
}

/// A hard link to `target` under a temporary name beside it, removed when
/// dropped; None where the file system has no hard links (no rollback then).
fn backup_of(target: &Path) -> Option<TempPath> {
    tempfile::Builder::new()
        .prefix(".slate-")
        .suffix(".bak")
        .make_in(parent_dir(target), |name| fs::hard_link(target, name))
        .ok()
        .map(|linked| linked.into_temp_path())
}

/// Undoes the renames of a failed commit, newest first.
fn roll_back(done: Vec<(PathBuf, Option<TempPath>)>) {
    for (target, backup) in done.into_iter().rev() {
        match backup {
            Some(b) => {
                let _ = b.persist(&target);
            }
            None => {
                let _ = fs::remove_file(&target);
            }
        }
    }
}

/// For the crash tests: `SLATE_TEST_CRASH=journaled` aborts the process
/// right after the journal is written, `renamed:N` after the N-th rename —
/// as a `kill -9` there would. Only debug builds read it.
fn crash_point(at: &str) {
    if !cfg!(debug_assertions) {
        return;
    }
    use std::sync::atomic::{AtomicUsize, Ordering};
    static RENAMES: AtomicUsize = AtomicUsize::new(0);
    let Ok(want) = std::env::var("SLATE_TEST_CRASH") else {
        return;
    };
    let here = if at == "renamed" {
        format!("renamed:{}", RENAMES.fetch_add(1, Ordering::SeqCst) + 1)
    } else {
        at.to_string()
    };
    if want == here {
        std::process::abort();
    }
}
