//! The checks of `shared/spec/validation.md` for one file: file-, row- and unit-level
//! findings, and the rows that pass them ([`ResultRow`]), ready for aggregation.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::finding::{Finding, Level};
use crate::parse::{Period, Status};
use crate::plan::{Plan, Role};
use crate::read::Limits;

/// One checked data row, as it goes into the report.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultRow {
    /// The unit's code.
    pub unit: String,
    pub path: PathBuf,
    pub sheet: String,
    /// 1-based sheet row, as the user sees it.
    pub row: u32,
    pub task: u32,
    pub role: Option<Role>,
    pub activity: String,
    pub quantity: Option<u64>,
    /// Unit of measure in the plan's spelling, or as written when unknown (W114).
    pub measure: Option<String>,
    /// The time as written (or `dd/mm/yyyy` for a date cell).
    pub time_text: String,
    pub period: Period,
    pub status: Status,
    pub content_areas: Vec<u32>,
    pub evidence: Option<String>,
}

/// The outcome of checking one file.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedFile {
    pub path: PathBuf,
    /// The plan's unit code, `None` when E004/E005 (or unreadable).
    pub unit: Option<String>,
    /// The sheet read, if any.
    pub sheet: Option<String>,
    /// Data rows found in the sheet.
    pub rows_total: usize,
    /// Rows without any error finding, in sheet order.
    pub rows: Vec<ResultRow>,
    pub findings: Vec<Finding>,
    pub report_date: Option<NaiveDate>,
    /// The unit's remarks (`Khó khăn, vướng mắc`, `Đề xuất, kiến nghị`).
    pub difficulties: Vec<String>,
    pub proposals: Vec<String>,
    /// Sheets not read (for verbose output).
    pub ignored_sheets: Vec<String>,
}

impl CheckedFile {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }

    /// Whether a file-level error (E0xx) keeps the whole file out of the report.
    pub fn has_file_error(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.is_error() && f.code.level() == Level::File)
    }
}

/// Checks one file against the plan. Never panics on bad input: every problem is a
/// finding. `forced_unit` is `check --unit CODE`.
pub fn check_file(
    plan: &Plan,
    path: &Path,
    forced_unit: Option<&str>,
    limits: &Limits,
) -> CheckedFile {
    let _ = (plan, path, forced_unit, limits);
    todo!("check::check_file")
}
