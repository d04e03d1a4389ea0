//! The commands: thin layers that load what they need, call the library and print.
//! Each returns the process exit code on success; an `Err` means the run itself
//! could not proceed (exit 2).

pub mod check;
pub mod compile;
pub mod explain;
pub mod plan;
pub mod template;

use anyhow::{Context, Result};

use crate::args::GlobalArgs;
use crate::plan::Plan;

/// Exit code: no errors (warnings allowed).
pub const EXIT_OK: i32 = 0;
/// Exit code: errors found.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit code: the run could not proceed.
pub const EXIT_FAILURE: i32 = 2;

/// Loads the plan named by `--plan`, with the file and JSON path in the error.
pub fn load_plan(global: &GlobalArgs) -> Result<Plan> {
    Plan::load(&global.plan).with_context(|| format!("plan file {}", global.plan.display()))
}
