//! The command line: one caller of the library. `args` declares it, `cmd` holds one
//! thin file per command, `output` prints findings as text or JSON.

pub mod args;
pub mod cmd;
pub mod console;
pub mod output;

use std::io::Write;

use crate::cli::args::{Cli, Command};
use crate::messages::Lang;

/// Runs the command line and returns the process exit code
/// (0 no errors, 1 errors found, 2 could not run).
pub fn run() -> i32 {
    console::init();
    let cli = match Cli::parse_args(std::env::args_os()) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                cmd::EXIT_FAILURE
            } else {
                cmd::EXIT_OK
            };
        }
    };
    let g = &cli.global;
    let result = match &cli.command {
        Command::Check(a) => cmd::check::check(a, g),
        Command::Compile(a) => cmd::compile::compile(a, g),
        Command::Template(a) => cmd::template::template(a, g),
        Command::Plan(a) => cmd::plan::plan(a, g),
        Command::Explain(a) => cmd::explain::explain(a, g),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => cmd::EXIT_OK,
        Err(e) => {
            let label = match g.lang {
                Lang::Vi => "lỗi",
                Lang::En => "error",
            };
            let _ = writeln!(std::io::stderr(), "{label}: {e:#}");
            cmd::EXIT_FAILURE
        }
    }
}

/// Output piped into `head` is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
