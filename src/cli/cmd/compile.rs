//! `baocao compile`: check every spreadsheet of the input folder, add the
//! batch-level findings, and — when nothing blocks it, or with `--partial` — write
//! the consolidated report atomically. Prints what arrived, unit by unit, what is
//! wrong and what is missing (text), or the summary document (JSON).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};

use crate::api::{self, CompileOptions};
use crate::check::batch::{check_batch, list_inputs, Batch};
use crate::check::CheckedFile;
use crate::cli::args::{CompileArgs, Format, GlobalArgs};
use crate::cli::cmd::{
    leave_to_exit, load_plan, load_texts, load_vocabulary, EXIT_FINDINGS, EXIT_OK,
};
use crate::cli::output::{use_color, write_text, Style};
use crate::fsutil::{check_output_path, file_name, write_atomic};
use crate::json::Document;
use crate::messages::Lang;
use crate::messages::{ui, ui_fill};
use crate::plan::Plan;
use crate::read::Limits;
use crate::report::exclusion::files_by_unit;

/// Batches at least this large get a progress bar (on a terminal).
const PROGRESS_MIN_FILES: usize = 8;

pub fn compile(args: &CompileArgs, global: &GlobalArgs) -> Result<i32> {
    let lang = global.lang;
    let plan = load_plan(global)?;
    let vocabulary = load_vocabulary(global)?;
    let texts = load_texts(global)?;
    let inputs = list_inputs(&args.input).with_context(|| {
        ui_fill(
            lang,
            "compile.input",
            &[("dir", args.input.display().to_string())],
        )
    })?;
    let output = args.output.clone().unwrap_or_else(|| default_output(&plan));
    check_output_path(&output, &args.input, &inputs.spreadsheets)?;

    let progress = progress_bar(inputs.spreadsheets.len());
    let batch = check_batch(
        &api::Rules::new(&plan, &vocabulary),
        &inputs,
        &Limits::default(),
        &|| progress.inc(1),
    );
    progress.finish_and_clear();

    let options = CompileOptions {
        partial: args.partial,
        date: args.date,
        workbook: !args.no_workbook,
    };
    let compiled = api::compile(&plan, &texts, &batch, &options)?;
    let written = match &compiled.docx {
        Some(bytes) => {
            write_atomic(&output, bytes)?;
            Some(output.clone())
        }
        None => None,
    };
    // The workbook beside the report (same name, `.xlsx`), for the Director
    // (`decisions.md`).
    let workbook = match &compiled.workbook {
        Some(bytes) => {
            let path = output.with_extension("xlsx");
            write_atomic(&path, bytes)?;
            Some(path)
        }
        None => None,
    };
    let outcome = Outcome {
        rows_included: compiled.rows_included,
        plan_reference_missing: compiled.plan_reference_missing,
        written,
        workbook,
    };
    print_outcome(args, lang, &plan, &batch, &outcome)?;
    let code = if batch.errors() > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    leave_to_exit(batch);
    Ok(code)
}

/// What a run wrote.
struct Outcome {
    rows_included: usize,
    /// The plan file lacks the Department's plan number or date (the opening keeps "…").
    plan_reference_missing: bool,
    /// The report, when written.
    written: Option<PathBuf>,
    /// The workbook beside it, when written.
    workbook: Option<PathBuf>,
}

/// Prints the run: the summary document (JSON), or the findings, the roster and
/// what was written (text).
fn print_outcome(
    args: &CompileArgs,
    lang: Lang,
    plan: &Plan,
    batch: &Batch,
    outcome: &Outcome,
) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => {
            let path = outcome.written.as_ref().map(|p| p.display().to_string());
            let mut doc = Document::new(
                &batch.files,
                &batch.findings,
                outcome.rows_included,
                Some(path),
                lang,
            );
            doc.workbook = Some(outcome.workbook.as_ref().map(|p| p.display().to_string()));
            writeln!(out, "{}", doc.to_json())?;
        }
        Format::Text => {
            let style = Style {
                color: use_color(&std::io::stdout()),
            };
            write_text(
                &mut out,
                &batch.files,
                &batch.findings,
                outcome.rows_included,
                args.verbose,
                style,
                lang,
            )?;
            write_roster(&mut out, plan, batch, lang)?;
            write_written(&mut out, batch, outcome, lang)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The closing lines: the report written (complete or partial) or blocked, and the
/// workbook.
fn write_written(
    out: &mut impl Write,
    batch: &Batch,
    outcome: &Outcome,
    lang: Lang,
) -> std::io::Result<()> {
    let (key, values) = match &outcome.written {
        Some(p) => (
            if batch.errors() > 0 {
                "compile.partial"
            } else {
                "compile.written"
            },
            vec![
                ("path", p.display().to_string()),
                ("rows", outcome.rows_included.to_string()),
            ],
        ),
        None => (
            "compile.blocked",
            vec![("errors", batch.errors().to_string())],
        ),
    };
    writeln!(out, "{}", ui_fill(lang, key, &values))?;
    if let Some(p) = &outcome.workbook {
        writeln!(
            out,
            "{}",
            ui_fill(
                lang,
                "compile.workbook",
                &[("path", p.display().to_string())]
            )
        )?;
    }
    if outcome.plan_reference_missing {
        writeln!(out, "{}", ui(lang, "compile.plan_reference_missing"))?;
    }
    Ok(())
}

/// `output/bao-cao-cchc-<year>.docx`.
pub fn default_output(plan: &Plan) -> PathBuf {
    Path::new("output").join(format!("bao-cao-cchc-{}.docx", plan.year))
}

fn progress_bar(files: usize) -> ProgressBar {
    if files < PROGRESS_MIN_FILES || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// One line per unit of the plan: the file it sent (rows, errors, warnings), or
/// that it sent nothing.
fn write_roster(
    out: &mut impl Write,
    plan: &Plan,
    batch: &Batch,
    lang: Lang,
) -> std::io::Result<()> {
    writeln!(out, "{}", ui(lang, "compile.roster"))?;
    let width = plan.units.iter().map(|u| u.code.len()).max().unwrap_or(4);
    let (by_unit, _) = files_by_unit(plan, &batch.files);
    for (unit, files) in plan.units.iter().zip(by_unit) {
        let line = if files.is_empty() {
            // E301 or W302: the batch findings say which.
            let code = batch
                .findings
                .iter()
                .find(|x| x.unit.as_deref() == Some(unit.code.as_str()))
                .map(|x| x.code().to_string())
                .unwrap_or_default();
            ui_fill(lang, "compile.roster_missing", &[("code", code)])
        } else {
            files
                .iter()
                .map(|f| roster_file(f, batch, lang))
                .collect::<Vec<_>>()
                .join("; ")
        };
        writeln!(out, "  {:width$}  {}: {line}", unit.code, unit.name)?;
    }
    Ok(())
}

/// `TTRA.xlsx — 5 dòng, 1 cảnh báo (W202)`, with the codes found, and whether the
/// file reaches the report.
fn roster_file(f: &CheckedFile, batch: &Batch, lang: Lang) -> String {
    let mut codes: Vec<String> = f.findings.iter().map(|x| x.code().to_string()).collect();
    codes.extend(
        batch
            .findings
            .iter()
            .filter(|x| x.paths.contains(&f.path))
            .map(|x| x.code().to_string()),
    );
    codes.sort();
    codes.dedup();
    let key = if !batch.is_includable(f) {
        "compile.roster_excluded"
    } else if f.errors() > 0 {
        "compile.roster_errors"
    } else if f.warnings() > 0 {
        "compile.roster_warnings"
    } else {
        "compile.roster_ok"
    };
    ui_fill(
        lang,
        key,
        &[
            ("file", file_name(&f.path)),
            ("rows", f.rows_total.to_string()),
            ("errors", f.errors().to_string()),
            ("warnings", f.warnings().to_string()),
            ("codes", codes.join(", ")),
        ],
    )
}
