//! The commands: thin layers that load what they need, call the library and print.
//! Each returns the process exit code on success; an `Err` means the run itself
//! could not proceed (exit 2).

pub mod check;
pub mod compile;
pub mod explain;
pub mod page;
pub mod plan;
#[cfg(feature = "serve")]
pub mod serve;
pub mod template;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::cli::args::GlobalArgs;
use crate::messages::ui_fill;
use crate::plan::Plan;
use crate::report::texts::Texts;
use crate::vocabulary::Vocabulary;

/// Exit code: no errors (warnings allowed).
pub const EXIT_OK: i32 = 0;
/// Exit code: errors found.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit code: the run could not proceed.
pub const EXIT_FAILURE: i32 = 2;

/// Leaves a command's checked files to the process exit, which follows: the
/// system takes the memory back at once, where freeing a large batch row by row
/// would be the last thing the run waits for, on one thread (2 % of `check` over
/// 200 files). Only for what the command holds until it returns.
pub fn leave_to_exit<T>(value: T) {
    std::mem::forget(value);
}

/// Loads the plan named by `--plan`, with the file and JSON path in the error.
pub fn load_plan(global: &GlobalArgs) -> Result<Plan> {
    let path = data_file(&global.plan, crate::plan::DEFAULT_PATH);
    Plan::load(&path)
        .map_err(|e| anyhow::anyhow!(e.describe(global.lang)))
        .with_context(|| {
            ui_fill(
                global.lang,
                "load.plan",
                &[("path", path.display().to_string())],
            )
        })
}

/// Loads the vocabulary named by `--vocabulary`, with the file and JSON path in
/// the error, in the user's language.
pub fn load_vocabulary(global: &GlobalArgs) -> Result<Vocabulary> {
    let path = data_file(&global.vocabulary, crate::vocabulary::DEFAULT_PATH);
    Vocabulary::load(&path)
        .map_err(|e| anyhow::anyhow!(e.describe(global.lang)))
        .with_context(|| {
            ui_fill(
                global.lang,
                "load.vocabulary",
                &[("path", path.display().to_string())],
            )
        })
}

/// Loads the report's texts named by `--texts`.
pub fn load_texts(global: &GlobalArgs) -> Result<Texts> {
    let path = data_file(&global.texts, crate::report::texts::DEFAULT_PATH);
    Texts::load(&path).with_context(|| {
        ui_fill(
            global.lang,
            "load.texts",
            &[("path", path.display().to_string())],
        )
    })
}

/// Where a data file is: the path as given; or, for the default path when it is not
/// in the working folder, the same path beside the executable or one of its parent
/// folders (an installed `baocao` with `templates/` next to it, or
/// `target/release/baocao` inside the repository), so a unit can run the program
/// from any folder.
pub fn data_file(given: &Path, default: &str) -> PathBuf {
    if given != Path::new(default) || given.exists() {
        return given.to_path_buf();
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| {
            exe.ancestors()
                .skip(1)
                .take(4)
                .map(|dir| dir.join(default))
                .find(|p| p.is_file())
        })
        .unwrap_or_else(|| given.to_path_buf())
}
