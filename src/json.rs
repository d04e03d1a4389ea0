//! The JSON document of `shared/spec/validation.md` (`check --format json`,
//! `compile --format json`, the server's answers): files, their findings worded in
//! the user's language, batch findings and the summary. Field names are a contract.

use serde::Serialize;

use crate::check::CheckedFile;
use crate::finding::{Finding, Severity};
use crate::messages::{self, Lang};

/// The JSON document printed by `check --format json` and `compile --format json`.
#[derive(Debug, Serialize)]
pub struct Document {
    pub files: Vec<FileReport>,
    /// Batch-level findings (E3xx, W304).
    pub findings: Vec<BatchFinding>,
    pub summary: Summary,
    /// `compile` only: the report written, or `null` when none was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<Option<String>>,
    /// `compile` only: the workbook written beside the report, or `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workbook: Option<Option<String>>,
}

#[derive(Debug, Serialize)]
pub struct FileReport {
    pub path: String,
    pub unit: Option<String>,
    pub sheet: Option<String>,
    pub rows: usize,
    pub findings: Vec<FileFinding>,
}

#[derive(Debug, Serialize)]
pub struct FileFinding {
    pub code: String,
    pub severity: Severity,
    pub sheet: Option<String>,
    pub cell: Option<String>,
    pub row: Option<u32>,
    pub message: String,
    pub hint: String,
}

#[derive(Debug, Serialize)]
pub struct BatchFinding {
    pub code: String,
    pub severity: Severity,
    pub unit: Option<String>,
    pub message: String,
    pub hint: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub rows: usize,
    pub rows_included: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    /// Counts over the files and batch findings.
    pub fn new(files: &[CheckedFile], batch: &[Finding], rows_included: usize) -> Summary {
        let batch_errors = batch.iter().filter(|f| f.is_error()).count();
        Summary {
            files: files.len(),
            rows: files.iter().map(|f| f.rows_total).sum(),
            rows_included,
            errors: files.iter().map(CheckedFile::errors).sum::<usize>() + batch_errors,
            warnings: files.iter().map(CheckedFile::warnings).sum::<usize>() + batch.len()
                - batch_errors,
        }
    }
}

/// Rows that would reach the report when files and rows in error are left out
/// (what `compile --partial` includes; `check` reports this number).
pub fn rows_included(files: &[CheckedFile]) -> usize {
    files
        .iter()
        .filter(|f| !f.has_file_error())
        .map(|f| f.rows.len())
        .sum()
}

impl Document {
    /// The document for these files and batch findings. `output` is `None` for
    /// `check` (no field) and `Some(path or None)` for `compile`.
    pub fn new(
        files: &[CheckedFile],
        batch: &[Finding],
        rows_included: usize,
        output: Option<Option<String>>,
        lang: Lang,
    ) -> Document {
        Document {
            files: files.iter().map(|f| file_report(f, lang)).collect(),
            findings: batch.iter().map(|f| batch_finding(f, lang)).collect(),
            summary: Summary::new(files, batch, rows_included),
            output,
            workbook: None,
        }
    }

    /// The document as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain data serialises")
    }
}

fn file_report(f: &CheckedFile, lang: Lang) -> FileReport {
    FileReport {
        path: f.path.display().to_string(),
        unit: f.unit.clone(),
        sheet: f.sheet.clone(),
        rows: f.rows_total,
        findings: f
            .findings
            .iter()
            .map(|x| {
                let w = messages::wording(x, lang);
                FileFinding {
                    code: x.code().to_string(),
                    severity: x.severity(),
                    sheet: x.sheet.clone(),
                    cell: x.cell_a1(),
                    row: x.row_number(),
                    message: w.message,
                    hint: w.hint,
                }
            })
            .collect(),
    }
}

fn batch_finding(f: &Finding, lang: Lang) -> BatchFinding {
    let w = messages::wording(f, lang);
    BatchFinding {
        code: f.code().to_string(),
        severity: f.severity(),
        unit: f.unit.clone(),
        message: w.message,
        hint: w.hint,
        paths: f.paths.iter().map(|p| p.display().to_string()).collect(),
    }
}
