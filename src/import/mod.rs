//! Importing pasted film listings: splitting them into entries
//! ([`listing`]), reading runtimes ([`runtime`]), tagging themes from the
//! text (`themes::tagging`) and matching entries against each other and the
//! catalogue ([`matching`]).
//!
//! Work in progress: `slate import` reports what it would do (`--dry-run`);
//! writing the catalogue comes next.

pub mod listing;
pub mod matching;
pub mod runtime;
