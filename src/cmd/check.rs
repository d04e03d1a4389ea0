//! `baocao check`.

use anyhow::Result;

use crate::args::{CheckArgs, GlobalArgs};

pub fn check(args: &CheckArgs, global: &GlobalArgs) -> Result<i32> {
    let _ = (args, global);
    anyhow::bail!("`check` is not implemented yet")
}
