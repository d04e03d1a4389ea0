//! `baocao template`: writes the blank results spreadsheet of one unit (`--unit`)
//! or of every unit (`--all`), refusing to overwrite files unless `--force`.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::cli::args::{GlobalArgs, TemplateArgs};
use crate::cli::cmd::{data_file, load_plan, load_vocabulary, EXIT_OK};
use crate::form::{self, FormTexts};
use crate::messages::ui_fill;
use crate::messages::Lang;
use crate::plan::{Plan, Role, Unit};

/// Default folder of `--unit` when `--output` is not given.
pub const DEFAULT_DIR: &str = "output";

pub fn template(args: &TemplateArgs, global: &GlobalArgs) -> Result<i32> {
    let plan = load_plan(global)?;
    let vocabulary = load_vocabulary(global)?;
    let texts = load_form_texts()?;
    let lang = global.lang;
    let targets = targets(&plan, args, lang)?;
    if !args.force {
        let existing: Vec<String> = targets
            .iter()
            .filter(|(_, p)| p.exists())
            .map(|(_, p)| format!("  {}", p.display()))
            .collect();
        if !existing.is_empty() {
            bail!(ui_fill(
                lang,
                "template.exists",
                &[("files", existing.join("\n"))]
            ));
        }
    }
    let mut out = std::io::stdout().lock();
    for (unit, path) in &targets {
        let bytes = form::to_bytes(&plan, unit, &texts, &vocabulary)
            .with_context(|| format!("{} ({})", path.display(), unit.code))?;
        write_file(path, &bytes, args.force).with_context(|| {
            ui_fill(
                lang,
                "template.cannot_write",
                &[("path", path.display().to_string())],
            )
        })?;
        let roles: Vec<Role> = plan.assignments(&unit.code).map(|(_, r)| r).collect();
        let lead = roles.iter().filter(|r| **r == Role::Lead).count();
        writeln!(
            out,
            "{}",
            ui_fill(
                lang,
                "template.written",
                &[
                    ("path", path.display().to_string()),
                    ("tasks", roles.len().to_string()),
                    ("lead", lead.to_string()),
                    ("coordinating", (roles.len() - lead).to_string()),
                ],
            )
        )?;
    }
    Ok(EXIT_OK)
}

/// The form's texts: `templates/form.json` in the working folder, else beside the
/// executable (found as the plan and the report texts are); without either, the
/// copy compiled into the program.
fn load_form_texts() -> Result<FormTexts> {
    let default = form::texts::DEFAULT_PATH;
    let path = data_file(Path::new(default), default);
    if !path.is_file() {
        return Ok(FormTexts::shipped().clone());
    }
    FormTexts::load(&path).with_context(|| path.display().to_string())
}

/// The units to write and where: `--unit` to `--output` (a file, or a folder that
/// exists) or `output/<default name>`; `--all` into the `--output` folder.
fn targets<'a>(
    plan: &'a Plan,
    args: &TemplateArgs,
    lang: Lang,
) -> Result<Vec<(&'a Unit, PathBuf)>> {
    if args.all {
        let dir = args.output.clone().unwrap_or_else(|| DEFAULT_DIR.into());
        return Ok(plan
            .units
            .iter()
            .map(|u| (u, dir.join(form::file_name(plan, u))))
            .collect());
    }
    let code = args.unit.as_deref().unwrap_or_default();
    let Some(unit) = plan
        .units
        .iter()
        .find(|u| u.code.eq_ignore_ascii_case(code.trim()))
    else {
        let codes: Vec<&str> = plan.units.iter().map(|u| u.code.as_str()).collect();
        bail!(ui_fill(
            lang,
            "template.unknown_unit",
            &[("code", code.to_string()), ("codes", codes.join(", "))]
        ));
    };
    let name = form::file_name(plan, unit);
    let path = match &args.output {
        Some(p) if p.is_dir() => p.join(name),
        Some(p) => p.clone(),
        None => Path::new(DEFAULT_DIR).join(name),
    };
    Ok(vec![(unit, path)])
}

/// Writes the file, creating its folder; without `force` never replaces a file
/// that appeared since the check.
fn write_file(path: &Path, bytes: &[u8], force: bool) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    options.open(path)?.write_all(bytes)
}
