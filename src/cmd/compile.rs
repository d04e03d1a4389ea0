//! `baocao compile`.

use anyhow::Result;

use crate::args::{CompileArgs, GlobalArgs};

pub fn compile(args: &CompileArgs, global: &GlobalArgs) -> Result<i32> {
    let _ = (args, global);
    anyhow::bail!("`compile` is not implemented yet")
}
