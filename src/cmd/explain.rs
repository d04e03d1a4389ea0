//! `baocao explain`.

use anyhow::Result;

use crate::args::{ExplainArgs, GlobalArgs};

pub fn explain(args: &ExplainArgs, global: &GlobalArgs) -> Result<i32> {
    let _ = (args, global);
    anyhow::bail!("`explain` is not implemented yet")
}
