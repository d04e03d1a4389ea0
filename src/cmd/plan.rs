//! `baocao plan`.

use anyhow::Result;

use crate::args::{GlobalArgs, PlanArgs};

pub fn plan(args: &PlanArgs, global: &GlobalArgs) -> Result<i32> {
    let _ = (args, global);
    anyhow::bail!("`plan` is not implemented yet")
}
