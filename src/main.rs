//! The `slate` command: parses arguments, calls the library, prints.

mod cli;

/// Loading a catalogue allocates many small strings; mimalloc handles that
/// markedly faster than the system allocator (see benches/catalog_check.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    slate::tuning::no_huge_pages();
    cli::main()
}
