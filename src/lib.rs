//! slate: catalogue, link, plan and publish themed film programmes.
//!
//! The library holds the domain; the `slate` binary is a thin layer over it.
//!
//! - [`catalogue`]: films, loading and validation of a data directory
//! - [`themes`]: the theme vocabulary
//! - [`events`]: the historical events films are about
//! - [`festivals`]: the festivals films were drawn from
//! - [`addresses`]: shapes of web addresses and external ids
//! - [`indexed`]: vocabulary entries looked up by id
//! - [`countries`]: canonical country names
//! - [`diagnostics`]: located errors and warnings
//! - [`toml_fields`]: reading TOML tables with every problem located
//! - [`text`]: folding, slugs, title keys, suggestions
//! - [`synthetic`]: generated catalogues for benchmarks and tests

pub mod addresses;
pub mod atomic_file;
pub mod catalogue;
pub mod countries;
pub mod diagnostics;
pub mod events;
pub mod export;
pub mod festivals;
pub mod graph;
pub mod import;
pub mod indexed;
pub mod json_paths;
pub mod languages;
pub mod picture;
pub mod programme;
pub mod recommend;
pub mod schedule;
pub mod synthetic;
pub mod text;
pub mod themes;
pub mod toml_fields;
pub mod toml_plain;
pub mod tuning;

pub use catalogue::{Catalogue, Film, Kind};
pub use diagnostics::{Diagnostic, Severity};
pub use themes::{Theme, Vocabulary};
