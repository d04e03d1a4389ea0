//! `baocao check`: each file checked on its own (in parallel), printed in argument
//! order. A path that does not exist is a mistake in the command line, not a
//! finding about a spreadsheet: the run stops with exit 2 before checking anything.

use std::io::Write;

use crate::api::{check_files, Rules};
use crate::check::batch::list_inputs;
use crate::cli::args::{CheckArgs, Format, GlobalArgs};
use crate::cli::cmd::{leave_to_exit, load_plan, load_vocabulary, EXIT_FINDINGS, EXIT_OK};
use crate::cli::output::{use_color, write_text, Style};
use crate::json::{rows_included, Document};
use crate::messages::ui_fill;
use crate::read::Limits;
use anyhow::{Context, Result};

pub fn check(args: &CheckArgs, global: &GlobalArgs) -> Result<i32> {
    let plan = load_plan(global)?;
    let vocabulary = load_vocabulary(global)?;
    let mut paths = Vec::new();
    for path in &args.files {
        if !path.exists() {
            anyhow::bail!(ui_fill(
                global.lang,
                "check.missing",
                &[("path", path.display().to_string())]
            ));
        }
        // A folder stands for its spreadsheets, as `compile` reads them.
        if path.is_dir() {
            let inputs = list_inputs(path).with_context(|| {
                ui_fill(
                    global.lang,
                    "compile.input",
                    &[("dir", path.display().to_string())],
                )
            })?;
            paths.extend(inputs.spreadsheets);
        } else {
            paths.push(path.clone());
        }
    }
    let limits = Limits::default();
    let files = check_files(
        &Rules::new(&plan, &vocabulary),
        &paths,
        args.unit.as_deref(),
        &limits,
    );
    let included = rows_included(&files);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => {
            let doc = Document::new(&files, &[], included, None, global.lang);
            writeln!(out, "{}", doc.to_json())?;
        }
        Format::Text => {
            let style = Style {
                color: use_color(&std::io::stdout()),
            };
            write_text(
                &mut out,
                &files,
                &[],
                included,
                args.verbose,
                style,
                global.lang,
            )?;
        }
    }
    out.flush()?;
    let code = if files.iter().any(|f| f.errors() > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    leave_to_exit(files);
    Ok(code)
}
