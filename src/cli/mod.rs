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
    quiet_reader_panics();
    let g = &cli.global;
    // Exit 2 with `--format json`: stdout still holds a JSON document.
    let json_error = match &cli.command {
        Command::Check(a) => matches!(a.format, args::Format::Json).then_some(false),
        Command::Compile(a) => matches!(a.format, args::Format::Json).then_some(true),
        _ => None,
    };
    let result = match &cli.command {
        Command::Check(a) => cmd::check::check(a, g),
        Command::Compile(a) => cmd::compile::compile(a, g),
        Command::Template(a) => cmd::template::template(a, g),
        Command::Plan(a) => cmd::plan::plan(a, g),
        Command::Explain(a) => cmd::explain::explain(a, g),
        #[cfg(feature = "serve")]
        Command::Serve(a) => cmd::serve::serve(a, g),
        Command::Page(a) => cmd::page::page(a, g),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => cmd::EXIT_OK,
        Err(e) => {
            let message = describe(&e, g.lang);
            if let Some(compile) = json_error {
                let _ = writeln!(std::io::stdout(), "{}", error_document(&message, compile));
            }
            let label = match g.lang {
                Lang::Vi => "lỗi",
                Lang::En => "error",
            };
            let _ = writeln!(std::io::stderr(), "{label}: {message}");
            cmd::EXIT_FAILURE
        }
    }
}

/// The JSON document of a run that could not proceed (`decisions.md`):
/// `{"error": …, "files": [], "findings": [], "summary": null}`, and
/// `"output": null` for compile.
pub fn error_document(message: &str, compile: bool) -> String {
    let mut doc = serde_json::json!({
        "error": message,
        "files": [],
        "findings": [],
        "summary": null,
    });
    if compile {
        doc["output"] = serde_json::Value::Null;
    }
    doc.to_string()
}

/// A run error in the user's language: the report's file-system errors are data
/// (`fsutil::FsError`), worded here; others are already worded by the command.
fn describe(e: &anyhow::Error, lang: Lang) -> String {
    match e.downcast_ref::<crate::fsutil::FsError>() {
        Some(fs) => {
            let (key, values) = fs.key();
            crate::messages::ui_fill(lang, key, &values)
        }
        None => format!("{e:#}"),
    }
}

/// A panic of a third-party reader on a hostile file is caught and becomes E001
/// for that file (`read::open`): the default hook's `thread 'main' panicked at …`
/// would tell the user of a crash that did not happen. Other panics — real bugs —
/// are still printed.
fn quiet_reader_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !crate::read::in_reader_guard() {
            default(info);
        }
    }));
}

/// Output piped into `head` is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
