//! `baocao explain CODE`: the long form of a finding code. An unknown code is a
//! mistake in the command line: exit 2, listing the valid codes.

use std::io::Write;

use anyhow::Result;

use crate::cli::args::{ExplainArgs, GlobalArgs};
use crate::cli::cmd::{EXIT_FAILURE, EXIT_OK};
use crate::finding::Code;
use crate::messages::{explain as explanation, ui, ui_fill};

pub fn explain(args: &ExplainArgs, global: &GlobalArgs) -> Result<i32> {
    let lang = global.lang;
    match Code::parse(&args.code) {
        Some(code) => {
            let mut out = std::io::stdout().lock();
            write!(out, "{}", explanation(code, lang))?;
            Ok(EXIT_OK)
        }
        None => {
            let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
            let msg = ui_fill(
                lang,
                "explain.unknown",
                &[("code", args.code.clone()), ("codes", codes.join(", "))],
            );
            writeln!(std::io::stderr(), "{}: {msg}", ui(lang, "error"))?;
            Ok(EXIT_FAILURE)
        }
    }
}
