//! `baocao page`: writes the offline check page for the current plan and vocabulary
//! (`output/kiem-tra-bieu-<year>.html` unless `--output`). The same plan gives the
//! same bytes. The page itself: `crate::page`, `docs/page.md`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::cli::args::{GlobalArgs, PageArgs};
use crate::cli::cmd::{data_file, load_plan, load_vocabulary, EXIT_OK};
use crate::fsutil::write_atomic;
use crate::messages::ui_fill;

/// Default folder of the page when `--output` is not given.
pub const DEFAULT_DIR: &str = "output";

pub fn page(args: &PageArgs, global: &GlobalArgs) -> Result<i32> {
    // Validated first (their errors worded as for every command), then embedded as
    // the office wrote them.
    let plan = load_plan(global)?;
    let path = data_file(&global.plan, crate::plan::DEFAULT_PATH);
    let text = std::fs::read_to_string(&path).with_context(|| {
        ui_fill(
            global.lang,
            "load.plan",
            &[("path", path.display().to_string())],
        )
    })?;
    load_vocabulary(global)?;
    let vocabulary_path = data_file(&global.vocabulary, crate::vocabulary::DEFAULT_PATH);
    let vocabulary = std::fs::read_to_string(&vocabulary_path).with_context(|| {
        ui_fill(
            global.lang,
            "load.vocabulary",
            &[("path", vocabulary_path.display().to_string())],
        )
    })?;
    let html = crate::page::page_html(&plan, &text, &vocabulary);
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DIR).join(crate::page::file_name(&plan)));
    write_atomic(&output, html.as_bytes()).with_context(|| {
        ui_fill(
            global.lang,
            "page.cannot_write",
            &[("path", output.display().to_string())],
        )
    })?;
    let size = format!("{:.1} MB", html.len() as f64 / 1_000_000.0);
    writeln!(
        std::io::stdout().lock(),
        "{}",
        ui_fill(
            global.lang,
            "page.written",
            &[
                ("path", output.display().to_string()),
                ("size", size),
                ("year", plan.year.to_string()),
            ]
        )
    )?;
    Ok(EXIT_OK)
}
