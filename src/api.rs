//! The library's entry points: what the command line, the server and the offline
//! page call. Nothing here prints, exits or keeps global state — data in, data out;
//! every caller words the results with `messages` and `json` in the user's language.
//!
//! | need | call |
//! |---|---|
//! | what files are checked against: the plan and the vocabulary | [`Rules`] |
//! | check one file given as bytes and its name | [`check_bytes`] |
//! | check files on disk, each on its own | [`check_files`] |
//! | check a folder as one batch (E3xx, W304 too) | [`check_folder`] |
//! | check chosen files as one batch (each with its unit, as the server does) | [`check_inputs`] |
//! | compile a checked batch into the report's bytes | [`compile`] |
//! | the JSON document of a run | [`crate::json::Document`] |

use std::io;
use std::path::{Path, PathBuf};

use crate::par::*;

use crate::check::batch::{batch_findings, list_inputs};
pub use crate::check::batch::{Batch, Inputs};
pub use crate::check::{check_bytes, check_file, CheckedFile, Rules};
use crate::plan::Plan;
pub use crate::read::Limits;
use crate::report::aggregate::aggregate;
pub use crate::report::exclusion::{exclusions, Exclusion};
use crate::report::render::report_docx;
pub use crate::report::texts::Texts;

/// One spreadsheet of a batch: where it is, and the unit it belongs to when the
/// caller knows it (the server knows the submitter's unit; a folder does not).
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub path: PathBuf,
    pub unit: Option<String>,
}

/// Checks files on disk, each on its own, in parallel; results in the given order.
/// `forced_unit` is `check --unit CODE`.
pub fn check_files(
    rules: &Rules<'_>,
    paths: &[PathBuf],
    forced_unit: Option<&str>,
    limits: &Limits,
) -> Vec<CheckedFile> {
    paths
        .par_iter()
        .map(|p| check_file(rules, p, forced_unit, limits))
        .collect()
}

/// Checks every spreadsheet of a folder as one batch: each file in parallel
/// (`on_done` after each, for a progress bar), then the batch-level findings.
pub fn check_folder(
    rules: &Rules<'_>,
    dir: &Path,
    limits: &Limits,
    on_done: &(dyn Fn() + Sync),
) -> io::Result<Batch> {
    let inputs = list_inputs(dir)?;
    Ok(crate::check::batch::check_batch(
        rules, &inputs, limits, on_done,
    ))
}

/// Checks the given files as one batch, each with its unit when given.
pub fn check_inputs(rules: &Rules<'_>, inputs: &[Input], limits: &Limits) -> Batch {
    let files: Vec<CheckedFile> = inputs
        .par_iter()
        .map(|i| check_file(rules, &i.path, i.unit.as_deref(), limits))
        .collect();
    let findings = batch_findings(rules.plan, &files, &[]);
    Batch::new(files, findings)
}

/// How to compile: with errors in the batch, `partial` still writes the report
/// from what can be included; `date` is the report's date (default: the plan's
/// deadline for the Department's report); `workbook` also makes the workbook
/// beside the report (`decisions.md`), from the same figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CompileOptions {
    pub partial: bool,
    pub date: Option<chrono::NaiveDate>,
    pub workbook: bool,
}

/// A compiled batch: the report's .docx bytes, or `None` when errors block it
/// (no `partial`), the workbook's .xlsx bytes when asked for and the report is
/// made, and the rows they hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compiled {
    pub docx: Option<Vec<u8>>,
    pub workbook: Option<Vec<u8>>,
    pub rows_included: usize,
    /// The plan file lacks the Department's own plan number or date: the report's
    /// opening keeps `…` for the office to fill in (callers warn).
    pub plan_reference_missing: bool,
}

/// Compiles a checked batch: the files it can include and, for the rest, why they
/// stay out. The report and the workbook are made from one aggregation, which
/// borrows the batch's rows. Writes nothing; the caller stores the bytes.
pub fn compile(
    plan: &Plan,
    texts: &Texts,
    batch: &Batch,
    options: &CompileOptions,
) -> anyhow::Result<Compiled> {
    let included = || batch.files.iter().filter(|f| batch.is_includable(f));
    let rows_included = included().map(|f| f.rows.len()).sum();
    if batch.errors() > 0 && !options.partial {
        return Ok(Compiled {
            docx: None,
            workbook: None,
            rows_included,
            plan_reference_missing: false,
        });
    }
    let data = aggregate(plan, included(), &exclusions(batch, plan));
    // The report and the workbook are independent: made side by side.
    let (docx, workbook) = crate::par::join(
        || report_docx(&data, plan, texts, options.date),
        || {
            options
                .workbook
                .then(|| {
                    let roster = crate::report::workbook::roster(plan, batch);
                    crate::report::workbook::workbook_xlsx(&data, plan, texts, &roster)
                })
                .transpose()
        },
    );
    let (docx, workbook) = (docx?, workbook?);
    Ok(Compiled {
        docx: Some(docx),
        workbook,
        rows_included,
        plan_reference_missing: plan.number.is_none() || plan.issued.is_none(),
    })
}
