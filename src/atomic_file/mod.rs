//! Writing output files safely. Every file slate writes goes through here,
//! so the rules hold everywhere, not command by command:
//!
//! - **All or nothing.** A [`Batch`] prepares every file first (each in a
//!   temporary file beside its target, written and synced), then commits
//!   them by renaming; when a rename fails part-way, the files already
//!   replaced are put back from hard-linked backups (or removed when they
//!   are new), so a failure leaves the old set, never a mix. A reader never
//!   sees a half-written file.
//! - **Modes people expect.** A new file gets `0666 & !umask` (the mode is
//!   given to `open`, so the kernel applies the umask, as for `>` in a
//!   shell); a replaced file keeps its mode (and, where allowed, owner and
//!   group). The temporary file's own 0600 never reaches the target — a web
//!   server can serve what slate publishes.
//! - **Never rename over what is not a regular file.** A symbolic link is
//!   followed and its target replaced (the link stays); a device, FIFO or
//!   socket given as a single output (`-o /dev/stdout`) is written through,
//!   in place; inside a batch it is refused, since it cannot be replaced
//!   all or nothing. A directory is refused.
//! - **Never over an input.** A batch can be told the command's inputs; a
//!   target that is one of them (same file, by device and inode, whatever
//!   the path says) is refused before anything is written.

use std::fs::{self, File, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use tempfile::TempPath;

mod batch;
pub mod journal;

pub use batch::Batch;

/// The longest file name most file systems take (NAME_MAX).
const NAME_MAX: usize = 255;
/// Symbolic links followed before giving up (as the kernel's ELOOP).
const MAX_LINKS: usize = 40;

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The target is one of the command's inputs.
    #[error("{} is an input of this command; writing it would destroy the input", .0.display())]
    OverwritesInput(PathBuf),
    /// The target cannot be replaced (a directory, a special file in a batch,
    /// a symbolic link loop, a name too long).
    #[error("cannot write {}: {reason}", path.display())]
    Refused { path: PathBuf, reason: String },
    /// The file system said no.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl WriteError {
    fn io(path: &Path, source: io::Error) -> WriteError {
        // The message names the target, never the temporary file beside it.
        let source = io::Error::new(source.kind(), source.kind().to_string());
        WriteError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    fn refused(path: &Path, reason: impl Into<String>) -> WriteError {
        WriteError::Refused {
            path: path.to_path_buf(),
            reason: reason.into(),
        }
    }

    /// Whether the command line asked for it (exit 2) rather than the file
    /// system refusing (exit 1).
    pub fn is_usage(&self) -> bool {
        matches!(self, WriteError::OverwritesInput(_))
    }
}

/// What a path names once symbolic links are followed.
enum Resolved {
    /// A regular file (existing or not) at this path.
    File(PathBuf),
    /// A device, FIFO or socket: written through, never replaced.
    Special(PathBuf),
}

/// Follows symbolic links (also dangling ones: the link's target is then
/// created) and says what the path names.
fn resolve(path: &Path) -> Result<Resolved, WriteError> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let meta = match fs::symlink_metadata(&current) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Resolved::File(current)),
            Err(e) => return Err(WriteError::io(path, e)),
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            let target = fs::read_link(&current).map_err(|e| WriteError::io(path, e))?;
            current = match current.parent() {
                Some(dir) if target.is_relative() => dir.join(target),
                _ => target,
            };
        } else if kind.is_dir() {
            return Err(WriteError::refused(path, "it is a directory"));
        } else if kind.is_file() {
            return Ok(Resolved::File(current));
        } else {
            return Ok(Resolved::Special(current));
        }
    }
    Err(WriteError::refused(
        path,
        "too many levels of symbolic links (a loop?)",
    ))
}

/// Whether two paths name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` into a temporary file beside `target`, synced, with the
/// mode the target will have.
fn prepare(named: &Path, target: &Path, bytes: &[u8]) -> Result<TempPath, WriteError> {
    let dir = parent_dir(target);
    if !dir.is_dir() {
        return Err(WriteError::Io {
            path: named.to_path_buf(),
            source: io::Error::new(
                io::ErrorKind::NotFound,
                format!("directory {} does not exist", dir.display()),
            ),
        });
    }
    if let Some(name) = target.file_name() {
        if name.len() > NAME_MAX {
            return Err(WriteError::refused(
                named,
                format!(
                    "the file name is {} bytes long; file systems take at most {NAME_MAX}",
                    name.len()
                ),
            ));
        }
    }
    let existing = fs::metadata(target).ok();
    // New files: 0666, less the umask (the kernel applies it at open).
    let mut temp = tempfile::Builder::new()
        .prefix(".slate-")
        .suffix(".tmp")
        .permissions(Permissions::from_mode(0o666))
        .tempfile_in(dir)
        .map_err(|e| WriteError::io(named, e))?;
    temp.write_all(bytes)
        .map_err(|e| WriteError::io(named, e))?;
    if let Some(old) = &existing {
        // A replaced file keeps its mode, and its owner where we may set it.
        let file: &File = temp.as_file();
        file.set_permissions(Permissions::from_mode(old.mode() & 0o7777))
            .map_err(|e| WriteError::io(named, e))?;
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    }
    temp.as_file()
        .sync_all()
        .map_err(|e| WriteError::io(named, e))?;
    Ok(temp.into_temp_path())
}

/// Writes one file: atomically for a regular file (or a link to one), in
/// place for a device, FIFO or socket (`-o /dev/stdout`). The parent
/// directory must exist.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_output(path, bytes, &[])
}

/// [`write_atomic`], refusing to write over any of `inputs`.
pub fn write_output(path: &Path, bytes: &[u8], inputs: &[&Path]) -> Result<(), WriteError> {
    if inputs.iter().any(|i| same_file(i, path)) {
        return Err(WriteError::OverwritesInput(path.to_path_buf()));
    }
    match resolve(path)? {
        Resolved::Special(device) => {
            let mut f = fs::OpenOptions::new()
                .write(true)
                .open(&device)
                .map_err(|e| WriteError::io(path, e))?;
            f.write_all(bytes)
                .and_then(|_| f.flush())
                .map_err(|e| WriteError::io(path, e))
        }
        Resolved::File(_) => {
            let mut batch = Batch::protecting(inputs);
            batch.add(path, bytes)?;
            batch.commit()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.svg");
        fs::write(&p, "old").unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(names(dir.path()), ["out.svg"]);
    }

    #[test]
    fn fails_cleanly_without_a_directory() {
        let e = write_atomic(Path::new("/nonexistent-dir/x.svg"), b"x").unwrap_err();
        assert!(e
            .to_string()
            .contains("directory /nonexistent-dir does not exist"));
    }

    #[test]
    fn a_replaced_file_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("cal.ics");
        fs::write(&p, "old").unwrap();
        fs::set_permissions(&p, Permissions::from_mode(0o640)).unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(fs::metadata(&p).unwrap().mode() & 0o7777, 0o640);
    }

    #[test]
    fn a_symbolic_link_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ics");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.ics");
        symlink("real.ics", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        // A dangling link creates its target.
        let dangling = dir.path().join("dangling.ics");
        symlink("made.ics", &dangling).unwrap();
        write_atomic(&dangling, b"made").unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("made.ics")).unwrap(),
            "made"
        );
    }

    #[test]
    fn a_link_loop_and_a_directory_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        symlink("b", &a).unwrap();
        symlink("a", dir.path().join("b")).unwrap();
        assert!(write_atomic(&a, b"x")
            .unwrap_err()
            .to_string()
            .contains("symbolic links"));
        assert!(write_atomic(dir.path(), b"x")
            .unwrap_err()
            .to_string()
            .contains("directory"));
    }

    #[test]
    fn a_fifo_is_written_through_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let c = std::ffi::CString::new(fifo.as_os_str().to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        write_atomic(&fifo, b"through").unwrap();
        assert_eq!(reader.join().unwrap(), "through");
        assert!(!fs::metadata(&fifo).unwrap().is_file());
    }

    #[test]
    fn an_input_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("plan.json");
        fs::write(&input, "{}").unwrap();
        let other_name = dir.path().join(".").join("plan.json");
        let e = write_output(&other_name, b"x", &[&input]).unwrap_err();
        assert!(e.is_usage());
        assert_eq!(fs::read_to_string(&input).unwrap(), "{}");
    }

    #[test]
    fn a_failed_batch_leaves_the_old_files() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.html");
        fs::write(&a, "old a").unwrap();
        let mut batch = Batch::new();
        batch.add(&a, b"new a").unwrap();
        batch.add(&dir.path().join("b.ics"), b"new b").unwrap();
        // The third target turns into a directory after preparing: its
        // rename fails, and the first two are undone.
        let c = dir.path().join("c.ics");
        batch.add(&c, b"new c").unwrap();
        fs::create_dir(&c).unwrap();
        fs::write(c.join("keep"), "x").unwrap();
        assert!(batch.commit().is_err());
        assert_eq!(fs::read_to_string(&a).unwrap(), "old a");
        assert!(!dir.path().join("b.ics").exists());
        assert_eq!(names(dir.path()), ["a.html", "c.ics"]);
    }

    #[test]
    fn a_name_too_long_is_refused_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let mut batch = Batch::new();
        batch.add(&dir.path().join("index.html"), b"x").unwrap();
        let long = dir.path().join(format!("{}.ics", "x".repeat(300)));
        assert!(batch.add(&long, b"y").is_err());
        drop(batch);
        assert!(names(dir.path()).is_empty());
    }
}
