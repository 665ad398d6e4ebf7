//! Shared by the fuzz targets: the bundled catalogue, loaded once, and a
//! scratch directory for loaders that read files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The repository's bundled catalogue.
pub fn catalogue() -> &'static slate::Catalogue {
    static CAT: OnceLock<slate::Catalogue> = OnceLock::new();
    CAT.get_or_init(|| {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        slate::catalogue::load::load(&data, &Default::default(), &|_| {})
            .expect("the bundled catalogue loads")
            .catalogue
    })
}

/// A directory of this process's, alive as long as the process.
pub fn scratch() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary directory"))
        .path()
}

/// Writes `bytes` to `name` in the scratch directory.
pub fn file(name: &str, bytes: &[u8]) -> PathBuf {
    let p = scratch().join(name);
    std::fs::write(&p, bytes).expect("write fuzz input");
    p
}
