//! Writing files safely, end to end: modes a web server can serve, modes
//! kept, `-o -`, devices and links written through (never replaced), inputs
//! never overwritten, a site written whole or not at all.

mod common;

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{root, slate};

const NOW: &str = "2027-01-01T12:00:00Z";

/// `slate ARGS…` under `umask MASK`, from the repository root.
fn slate_with_umask(mask: &str, args: &[&str]) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("slate");
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {mask} && exec \"$0\" \"$@\""))
        .arg(bin)
        .args(args)
        .env_remove("SLATE_DATA")
        .current_dir(root())
        .output()
        .unwrap()
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().mode() & 0o7777
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn is_root() -> bool {
    unsafe { libc::geteuid() == 0 }
}

/// A temporary directory others may enter (tempdir makes 0700 ones).
fn open_tempdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

#[test]
fn a_published_site_is_readable_by_a_web_server() {
    let tmp = open_tempdir();
    let site = tmp.path().join("site");
    let out = slate_with_umask(
        "022",
        &[
            "export",
            "html",
            "programmes/festival.toml",
            "--now",
            NOW,
            "-o",
            site.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = files_under(&site);
    assert!(files.len() > 50, "a page and its calendars");
    for f in &files {
        assert_eq!(mode(f), 0o644, "{}", f.display());
    }
    assert_eq!(mode(&site.join("calendars")), 0o755);
    // Another user (as a web server's) reads the page and a calendar.
    if is_root() && Command::new("runuser").arg("--help").output().is_ok() {
        for f in [
            site.join("index.html"),
            site.join("calendars/programme.ics"),
        ] {
            let read = Command::new("runuser")
                .args(["-u", "nobody", "--", "cat"])
                .arg(&f)
                .output()
                .unwrap();
            assert!(read.status.success(), "nobody cannot read {}", f.display());
            assert_eq!(read.stdout, fs::read(&f).unwrap());
        }
    }
}

#[test]
fn new_files_follow_the_umask_and_replaced_files_keep_their_mode() {
    let tmp = tempfile::tempdir().unwrap();
    let fresh = tmp.path().join("fresh.ics");
    let args = |o: &Path| -> Vec<String> {
        [
            "export",
            "ics",
            "programmes/weekend.toml",
            "--now",
            NOW,
            "-o",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([o.to_str().unwrap().to_string()])
        .collect()
    };
    let run = |mask: &str, o: &Path| {
        let a = args(o);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let out = slate_with_umask(mask, &a);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run("027", &fresh);
    assert_eq!(mode(&fresh), 0o640);
    // Replaced under another umask: the file keeps the mode it had.
    fs::set_permissions(&fresh, fs::Permissions::from_mode(0o604)).unwrap();
    run("077", &fresh);
    assert_eq!(mode(&fresh), 0o604);
}

#[test]
fn import_keeps_the_mode_of_the_catalogue_files_it_rewrites() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    common::copy_dir(&root().join("data"), &data);
    let films: Vec<PathBuf> = files_under(&data.join("films"));
    for f in &films {
        fs::set_permissions(f, fs::Permissions::from_mode(0o664)).unwrap();
    }
    // A listing of films the catalogue has: their files get a new source.
    let listing = root().join("tests/fixtures/listings/numbered-list.txt");
    let out = slate_with_umask(
        "077",
        &[
            "--data",
            data.to_str().unwrap(),
            "import",
            listing.to_str().unwrap(),
            "--source",
            "https://example.org/listing",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let changed: Vec<&PathBuf> = films
        .iter()
        .filter(|f| {
            fs::read_to_string(f)
                .unwrap()
                .contains("https://example.org/listing")
        })
        .collect();
    assert!(!changed.is_empty(), "catalogue files rewritten");
    for f in &films {
        assert_eq!(mode(f), 0o664, "{}", f.display());
    }
}

#[test]
fn dash_means_standard_output_for_one_file_and_is_refused_for_a_directory() {
    for args in [
        vec![
            "plan",
            "programmes/weekend.toml",
            "--format",
            "json",
            "-o",
            "-",
        ],
        vec![
            "export",
            "ics",
            "programmes/weekend.toml",
            "--now",
            NOW,
            "-o",
            "-",
        ],
        vec!["export", "md", "programmes/weekend.toml", "-o", "-"],
        vec!["graph", "--theme", "mining", "--format", "svg", "-o", "-"],
    ] {
        let out = slate().args(&args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.len() > 100, "{args:?} printed its output");
        assert!(!root().join("-").exists(), "{args:?} wrote a file named -");
    }
    for args in [
        vec!["export", "html", "programmes/weekend.toml", "-o", "-"],
        vec![
            "export",
            "ics",
            "programmes/weekend.toml",
            "--split",
            "venue",
            "-o",
            "-",
        ],
    ] {
        let out = slate().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("standard output"));
    }
}

#[test]
fn an_input_named_as_output_is_refused_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let programme = tmp.path().join("weekend.toml");
    fs::copy(root().join("programmes/weekend.toml"), &programme).unwrap();
    let plan = tmp.path().join("plan.json");
    let out = slate()
        .args(["plan", "--format", "json", "-o"])
        .arg(&plan)
        .arg(&programme)
        .output()
        .unwrap();
    assert!(out.status.success());
    let before_plan = fs::read(&plan).unwrap();
    let before_programme = fs::read(&programme).unwrap();
    // Another spelling of the same file is caught too.
    let same_plan = tmp.path().join(".").join("plan.json");
    for (input, output) in [(&programme, &programme), (&plan, &same_plan)] {
        for cmd in [vec!["export", "md"], vec!["export", "ics"], vec!["plan"]] {
            if cmd == ["plan"] && input == &plan {
                continue;
            }
            let out = slate()
                .args(&cmd)
                .arg(input)
                .args(
                    ["--now", NOW]
                        .iter()
                        .filter(|_| cmd[0] == "export" && cmd[1] == "ics"),
                )
                .arg("-o")
                .arg(output)
                .output()
                .unwrap();
            assert_eq!(
                out.status.code(),
                Some(2),
                "{cmd:?} {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(String::from_utf8_lossy(&out.stderr).contains("is an input"));
        }
    }
    assert_eq!(fs::read(&plan).unwrap(), before_plan);
    assert_eq!(fs::read(&programme).unwrap(), before_programme);
}

#[test]
fn a_symbolic_link_is_written_through_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let real = tmp.path().join("published.ics");
    fs::write(&real, "old").unwrap();
    let link = tmp.path().join("link.ics");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    slate()
        .args([
            "export",
            "ics",
            "programmes/weekend.toml",
            "--now",
            NOW,
            "-o",
        ])
        .arg(&link)
        .assert()
        .success();
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(fs::read_to_string(&real)
        .unwrap()
        .starts_with("BEGIN:VCALENDAR"));
}

#[test]
fn a_device_is_written_through_never_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    // A fresh null device in a temporary directory (as root), never the
    // machine's /dev/null; a FIFO otherwise.
    let node = tmp.path().join("null");
    let c = std::ffi::CString::new(node.to_str().unwrap()).unwrap();
    let made_device = is_root()
        && unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) } == 0;
    if made_device {
        for args in [
            vec!["graph", "--theme", "mining", "--format", "svg", "-o"],
            vec!["export", "md", "programmes/weekend.toml", "-o"],
            vec!["plan", "programmes/weekend.toml", "-o"],
        ] {
            slate().args(&args).arg(&node).assert().success();
            let t = fs::symlink_metadata(&node).unwrap().file_type();
            assert!(t.is_char_device(), "{args:?} replaced the device");
        }
    } else {
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let reader = {
            let node = node.clone();
            std::thread::spawn(move || fs::read(node).unwrap())
        };
        slate()
            .args(["export", "md", "programmes/weekend.toml", "-o"])
            .arg(&node)
            .assert()
            .success();
        assert!(reader.join().unwrap().len() > 100);
        assert!(fs::symlink_metadata(&node).unwrap().file_type().is_fifo());
    }
    // Nothing else appeared beside it (no temporary left behind).
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
}

#[test]
fn a_site_that_cannot_be_written_whole_is_not_written_at_all() {
    let tmp = tempfile::tempdir().unwrap();
    let first = tmp.path().join("first");
    let export = |dir: &Path| {
        slate()
            .args([
                "export",
                "html",
                "programmes/weekend.toml",
                "--now",
                NOW,
                "-o",
            ])
            .arg(dir)
            .output()
            .unwrap()
    };
    assert!(export(&first).status.success());
    let page = fs::read(first.join("index.html")).unwrap();
    // Block one calendar late in the write with a non-empty directory of
    // the same name: the whole publication fails, the old site stays.
    let blocked = files_under(&first.join("calendars/screenings"))
        .pop()
        .unwrap();
    let old_programme = fs::read(first.join("calendars/programme.ics")).unwrap();
    fs::remove_file(&blocked).unwrap();
    fs::create_dir(&blocked).unwrap();
    fs::write(blocked.join("x"), "x").unwrap();
    fs::write(first.join("index.html"), "old page").unwrap();
    let out = export(&first);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        fs::read_to_string(first.join("index.html")).unwrap(),
        "old page"
    );
    assert_eq!(
        fs::read(first.join("calendars/programme.ics")).unwrap(),
        old_programme
    );
    // No temporary or backup file is left behind.
    for f in files_under(&first) {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.starts_with(".slate-"), "left behind: {}", f.display());
    }
    assert_ne!(page, b"old page");
}
