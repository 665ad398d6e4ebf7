//! Who may touch a data directory, and when: one writer at a time, readers
//! never in the middle of a write.
//!
//! A command that writes the catalogue (`slate import`) holds an exclusive
//! lock on `DATA/.slate.lock` from before it reads the catalogue until its
//! files are committed, so two imports run one after the other and the
//! second sees the first's films (before, both read the same catalogue and
//! the second's write lost the first's films). A command that only reads
//! holds a shared lock while it loads, so it never reads half a commit.
//! Whoever waits says so.
//!
//! Taking the writers' lock also finishes what a run cut short left behind:
//! a commit [journal](crate::atomic_file::journal) is recovered and stale
//! temporary files are removed. A reader that finds a journal takes the
//! writers' lock to recover it first. The locks are `flock`s: the kernel
//! drops them when a process dies, so a killed run never leaves the
//! directory locked. Readers never create the lock file: where there is
//! none (no slate run ever wrote this catalogue) or it cannot be opened
//! (read-only media), they go on without a lock.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::atomic_file::journal::{self, Recovery};

/// The lock file, in the data directory.
pub const LOCK_FILE: &str = ".slate.lock";
/// The commit journal of catalogue writes, in the data directory.
pub const JOURNAL_FILE: &str = ".slate-journal";

/// A held lock on a data directory; released when dropped.
#[derive(Debug)]
pub struct DataLock {
    _file: File,
}

/// The journal of the data directory `dir`.
pub fn journal_path(dir: &Path) -> PathBuf {
    dir.join(JOURNAL_FILE)
}

/// Which process holds the lock, as it wrote in the file.
fn holder(file: &mut File) -> String {
    let mut text = String::new();
    let _ = file.rewind().and_then(|_| file.read_to_string(&mut text));
    match text.trim().parse::<u32>() {
        Ok(pid) => format!(" (process {pid})"),
        Err(_) => String::new(),
    }
}

/// Takes the lock, exclusive or shared, saying through `waiting` when
/// another process holds it.
fn take(mut file: File, exclusive: bool, dir: &Path, waiting: &dyn Fn(&str)) -> io::Result<File> {
    let tried = if exclusive {
        file.try_lock()
    } else {
        file.try_lock_shared()
    };
    match tried {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            waiting(&format!(
                "waiting for another slate command{} {} the catalogue in {}…",
                holder(&mut file),
                if exclusive { "using" } else { "writing" },
                dir.display()
            ));
            if exclusive {
                file.lock()?;
            } else {
                file.lock_shared()?;
            }
        }
        Err(TryLockError::Error(e)) => return Err(e),
    }
    Ok(file)
}

/// The exclusive writers' lock on `dir`, with a journal left by a run cut
/// short recovered and stale temporary files removed. Returns the lock and
/// what was repaired, as sentences.
pub fn for_writing(dir: &Path, waiting: &dyn Fn(&str)) -> io::Result<(DataLock, Vec<String>)> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.join(LOCK_FILE))?;
    let mut file = take(file, true, dir, waiting)?;
    file.set_len(0)?;
    file.rewind()?;
    let _ = write!(file, "{}", std::process::id());
    let mut repaired = Vec::new();
    match journal::recover(&journal_path(dir))? {
        Recovery::Clean => {}
        Recovery::Finished(n) => repaired.push(format!(
            "finished an import into {} that was cut short ({n} files put in place)",
            dir.display()
        )),
        Recovery::Discarded => repaired.push(format!(
            "discarded an import into {} that was cut short before it changed anything",
            dir.display()
        )),
    }
    let stale = journal::remove_stale(dir) + journal::remove_stale(&dir.join("films"));
    if stale > 0 {
        repaired.push(format!(
            "removed {stale} temporary files left in {} by a run cut short",
            dir.display()
        ));
    }
    Ok((DataLock { _file: file }, repaired))
}

/// A shared lock on `dir` for reading: after any commit in progress, and
/// with a journal of a run cut short recovered first. None where no lock
/// can be had (read-only media): the reader goes on without one.
pub fn for_reading(dir: &Path, waiting: &dyn Fn(&str)) -> (Option<DataLock>, Vec<String>) {
    let mut repaired = Vec::new();
    if journal_path(dir).exists() {
        // A commit in progress (wait for it) or cut short (finish it).
        if let Ok((_, notes)) = for_writing(dir, waiting) {
            repaired = notes;
        }
    } else if journal::has_stale(dir) || journal::has_stale(&dir.join("films")) {
        // Left by a run killed while preparing: removed when no writer is
        // at work (never waiting for one).
        let idle = OpenOptions::new()
            .read(true)
            .write(true)
            .open(dir.join(LOCK_FILE))
            .ok()
            .filter(|f| f.try_lock().is_ok());
        if idle.is_some() {
            let n = journal::remove_stale(dir) + journal::remove_stale(&dir.join("films"));
            if n > 0 {
                repaired.push(format!(
                    "removed {n} temporary files left in {} by a run cut short",
                    dir.display()
                ));
            }
        }
    }
    // Readers do not create the lock file (a catalogue never written by
    // slate has no writer to wait for, and stays as its owner left it).
    let lock = File::open(dir.join(LOCK_FILE))
        .ok()
        .and_then(|f| take(f, false, dir, waiting).ok())
        .map(|f| DataLock { _file: f });
    (lock, repaired)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn a_second_writer_waits_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let (first, _) = for_writing(dir.path(), &|_| {}).unwrap();
        let (tx, rx) = mpsc::channel();
        let path = dir.path().to_path_buf();
        let second = std::thread::spawn(move || {
            let said = std::sync::Mutex::new(String::new());
            let (_lock, _) =
                for_writing(&path, &|m| *said.lock().unwrap() = m.to_string()).unwrap();
            tx.send(()).unwrap();
            said.into_inner().unwrap()
        });
        // The second is still waiting while the first holds the lock.
        assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
        drop(first);
        rx.recv_timeout(Duration::from_secs(10)).unwrap();
        let said = second.join().unwrap();
        assert!(said.contains("waiting for another slate command"), "{said}");
        assert!(
            said.contains(&format!("process {}", std::process::id())),
            "{said}"
        );
    }

    #[test]
    fn readers_share_and_a_reader_finishes_a_cut_short_commit() {
        let dir = tempfile::tempdir().unwrap();
        drop(for_writing(dir.path(), &|_| {}).unwrap());
        let (a, _) = for_reading(dir.path(), &|_| panic!("readers do not wait for readers"));
        let (b, _) = for_reading(dir.path(), &|_| panic!("readers do not wait for readers"));
        assert!(a.is_some() && b.is_some());
        drop((a, b));
        // A journal of a commit cut short after its journal was written.
        let target = dir.path().join("films.toml");
        let temp = dir.path().join(".slate-x.tmp");
        std::fs::write(&temp, "new").unwrap();
        let hex = |p: &Path| -> String {
            use std::os::unix::ffi::OsStrExt;
            p.as_os_str()
                .as_bytes()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect()
        };
        std::fs::write(
            journal_path(dir.path()),
            format!(
                "slate commit journal 1\n{} {}\nend\n",
                hex(&temp),
                hex(&target)
            ),
        )
        .unwrap();
        let (_lock, repaired) = for_reading(dir.path(), &|_| {});
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(repaired.len(), 1, "{repaired:?}");
    }
}
