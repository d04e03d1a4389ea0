//! baocao: the plan → read → check → aggregate → render pipeline that turns the
//! units' results spreadsheets into one official report, and the commands over it.

pub mod aggregate;
pub mod args;
pub mod batch;
pub mod check;
pub mod cmd;
pub mod finding;
pub mod fsutil;
pub mod legacy;
pub mod messages;
pub mod output;
pub mod parse;
pub mod plan;
pub mod read;
pub mod render;
pub mod template;
pub mod text;
pub mod texts;

use std::io::Write;

use crate::args::{Cli, Command};

/// Runs the command line and returns the process exit code
/// (0 no errors, 1 errors found, 2 could not run).
pub fn run() -> i32 {
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
                args::Lang::Vi => "lỗi",
                args::Lang::En => "error",
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
