//! baocao: the plan → read → check → aggregate → render pipeline that turns the
//! units' results spreadsheets into one official report, and the commands over it.

pub mod args;
pub mod finding;
pub mod legacy;
pub mod read;
pub mod text;

use clap::Parser;

/// Runs the command line and returns the process exit code
/// (0 no errors, 1 errors found, 2 could not run).
pub fn run() -> i32 {
    let cli = args::Cli::parse();
    let _ = cli;
    eprintln!("not implemented yet");
    2
}
