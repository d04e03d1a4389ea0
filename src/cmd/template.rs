//! `baocao template`.

use anyhow::Result;

use crate::args::{GlobalArgs, TemplateArgs};

pub fn template(args: &TemplateArgs, global: &GlobalArgs) -> Result<i32> {
    let _ = (args, global);
    anyhow::bail!("`template` is not implemented yet")
}
