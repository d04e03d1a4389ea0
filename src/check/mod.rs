//! The checks of `shared/spec/validation.md` for one file: file-, row- and unit-level
//! findings, and the rows that pass them ([`ResultRow`]), ready for aggregation.
//!
//! By job: `file` reads a file (a reader error is a file-level finding) and reports
//! the text the reader converted (W203); `unit` finds whose file it is (E004,
//! E005) and checks it as a whole (E201, W202); `row` checks each data row, one
//! function per column; `batch` checks a folder of files. This module ties them
//! together ([`check_table`]).

pub mod batch;
mod file;
mod row;
mod unit;

#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::finding::{Finding, Kind, Level};
use crate::plan::{Plan, Role};
use crate::read::table::{suggested_label, Column, UnitTable};
use crate::read::{CellValue, Workbook};
use crate::text::squash_spaces;
use crate::value::{Period, Status};
use crate::vocabulary::Vocabulary;

pub use file::{check_bytes, check_file, read_error_finding};

/// What a file is checked against: the year's plan and the words units write
/// (header labels, statuses, periods, units of measure). Every check takes it, so
/// the office's own vocabulary file is used end to end, never a built-in copy.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    pub plan: &'a Plan,
    pub vocabulary: &'a Vocabulary,
}

impl<'a> Rules<'a> {
    pub fn new(plan: &'a Plan, vocabulary: &'a Vocabulary) -> Rules<'a> {
        Rules { plan, vocabulary }
    }
}

/// One checked data row, as it goes into the report. The unit, file and sheet
/// are the same for every row of a file: shared, not copied per row (a province's
/// 10^6 rows would otherwise hold 3 × 10^6 copies).
#[derive(Debug, Clone, PartialEq)]
pub struct ResultRow {
    /// The unit's code.
    pub unit: Arc<str>,
    pub path: Arc<Path>,
    pub sheet: Arc<str>,
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
            .any(|f| f.is_error() && f.code().level() == Level::File)
    }
}

/// The stable identifier of a column (`quantity`), for programs and logs; users
/// read the column's name in their language (`messages::column_label`).
pub fn column_id(c: Column) -> &'static str {
    match c {
        Column::RowNumber => "row_number",
        Column::Task => "task",
        Column::Activity => "activity",
        Column::Quantity => "quantity",
        Column::Measure => "measure",
        Column::Time => "time",
        Column::Status => "status",
        Column::ContentAreas => "content_areas",
        Column::Evidence => "evidence",
    }
}

/// Where a row's finding goes: the row's cell in a column, or the sheet when the
/// column is not in the header (optional columns).
struct At<'a> {
    sheet: &'a str,
    table: &'a UnitTable,
}

impl At<'_> {
    fn cell(&self, f: Finding, row: u32, col: Column) -> Finding {
        match self.table.columns.get(&col) {
            Some(&c) => f.at(self.sheet, row, c),
            None => f.in_sheet(self.sheet),
        }
    }
}

/// The checks of one table, pure: no file access. `check_file` reads, this judges.
pub fn check_table(
    rules: &Rules<'_>,
    path: &Path,
    wb: &Workbook,
    table: &UnitTable,
    forced_unit: Option<&str>,
) -> CheckedFile {
    let plan = rules.plan;
    let sheet = table.sheet.as_str();
    let at = At { sheet, table };
    let mut findings = Vec::new();

    let unit = unit::resolve_unit(plan, path, table, forced_unit, &mut findings);

    header_findings(rules.vocabulary, table, &mut findings);
    if table.rows.is_empty() {
        let col = table.columns.values().min().copied().unwrap_or(0);
        findings.push(Finding::new(Kind::NoDataRows).at(sheet, table.header_rows.0, col));
    }

    let mut rows = Vec::new();
    let source = unit.as_deref().map(|unit| row::Source {
        unit: Arc::from(unit),
        path: Arc::from(path),
        sheet: Arc::from(sheet),
    });
    let mut tasks_reported: BTreeSet<u32> = BTreeSet::new();
    let mut duplicates = row::Duplicates::default();
    let mut memo = row::Memo::default();
    for raw in &table.rows {
        let before = findings.len();
        let row = row::check_row(rules, unit.as_deref(), raw, &at, &mut memo, &mut findings);
        tasks_reported.extend(row.task);
        duplicates.check(&row, raw, &at, &mut findings);
        let row_has_error = findings[before..].iter().any(Finding::is_error);
        if let (false, Some(source)) = (row_has_error, &source) {
            if let Some(r) = row.into_result(plan, source, raw) {
                rows.push(r);
            }
        }
    }

    // Without a task column (E008) every lead task would look unreported.
    let task_column = table.columns.contains_key(&Column::Task);
    if let (Some(code), true) = (&unit, task_column) {
        unit::missing_lead_tasks(plan, code, &tasks_reported, sheet, &mut findings);
    }
    let report_date = unit::report_date(rules, table, &mut findings);
    if let Some(grid) = wb.sheets.get(table.sheet_index) {
        findings.extend(file::text_fix_finding(sheet, &grid.fixes));
    }

    sort_findings(&mut findings);
    // Rows under one bad group row share its task cell: say it once.
    findings.dedup();
    CheckedFile {
        path: path.to_path_buf(),
        unit,
        sheet: Some(table.sheet.clone()),
        rows_total: table.rows.len(),
        rows,
        findings,
        report_date,
        difficulties: table.difficulties.iter().map(|l| l.value.clone()).collect(),
        proposals: table.proposals.iter().map(|l| l.value.clone()).collect(),
        ignored_sheets: table.ignored_sheets.clone(),
    }
}

/// W009 for each required column taken by its values, at its header cell; E008
/// for each still missing, at the header row.
fn header_findings(vocabulary: &Vocabulary, table: &UnitTable, findings: &mut Vec<Finding>) {
    let sheet = table.sheet.as_str();
    let first_col = table.columns.values().min().copied().unwrap_or(0);
    for b in &table.header.by_values {
        let kind = Kind::ColumnByValues {
            column: b.column,
            header: b.header.clone(),
            label: suggested_label(vocabulary, b.column).to_string(),
        };
        let row = if b.row == u32::MAX {
            table.header_rows.0
        } else {
            b.row
        };
        findings.push(Finding::new(kind).at(sheet, row, b.col));
    }
    for m in &table.header.missing {
        let kind = Kind::MissingColumn {
            column: m.column,
            found: table.header.labels.clone(),
            nearest: m.nearest.clone(),
        };
        findings.push(Finding::new(kind).at(sheet, table.header_rows.0, first_col));
    }
}

/// File-level findings first, then by (row, column, code).
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by_key(|f| (f.cell.is_some(), f.cell, f.code()));
}

/// A cell's text as stored and printed, runs of spaces squashed (the reader has
/// already made all text NFC).
fn clean_text(v: &CellValue) -> String {
    match v {
        CellValue::Text(s) => squash_spaces(s),
        v => squash_spaces(&v.display()),
    }
}
