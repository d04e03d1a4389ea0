//! The workbook beside the report (`decisions.md`): for the Director, every row
//! that reached the report with its source (file, sheet, row), the totals per task
//! and family of measures (lead units' and contributions apart), the units'
//! difficulties and proposals — which the official report does not carry — and the
//! roster: who sent what, the report date written in the file, what the check
//! found. Written in rust_xlsxwriter's constant-memory mode (rows streamed to
//! disk), header frozen, filters on, words from the texts file, byte-identical for
//! the same inputs (document dates from the plan).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::check::batch::Batch;
use crate::check::CheckedFile;
use crate::finding::Finding;
use crate::messages::Lang;
use crate::plan::Plan;
use crate::report::aggregate::{ReportData, TaskResult, TaskStatus};
use crate::report::exclusion::files_by_unit;
use crate::report::texts::{Texts, WorkbookTexts};

/// Excel's limit on the characters of one cell.
const CELL_LIMIT: usize = 32_767;

/// Where a unit stands in the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterState {
    /// Sent, dated on or before the units' deadline.
    OnTime,
    /// Sent, dated after the units' deadline.
    Late,
    /// Sent without a report date.
    Undated,
    /// Sent, but the file stays out of the report (a file-level error, its unit
    /// unknown or claimed twice).
    Excluded,
    /// Nothing sent.
    NotSent,
}

impl RosterState {
    fn index(self) -> usize {
        match self {
            RosterState::OnTime => 0,
            RosterState::Late => 1,
            RosterState::Undated => 2,
            RosterState::Excluded => 3,
            RosterState::NotSent => 4,
        }
    }
}

/// One line of the roster sheet: a unit of the plan and a file it sent (a line
/// per file), or that it sent nothing; files of no known unit come last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterLine {
    /// The unit's full name; empty when the file's unit is unknown.
    pub unit: String,
    pub file: Option<String>,
    pub sheet: Option<String>,
    /// The report date written in the unit's file (never a file time).
    pub report_date: Option<NaiveDate>,
    pub state: RosterState,
    pub rows: usize,
    pub rows_included: usize,
    pub errors: usize,
    pub warnings: usize,
    /// One line per finding: `E104 Sheet1!F11: <message>`.
    pub findings: String,
}

/// The roster of a checked batch, in the plan's unit order.
pub fn roster(plan: &Plan, batch: &Batch) -> Vec<RosterLine> {
    let mut lines = Vec::new();
    let (by_unit, no_unit) = files_by_unit(plan, &batch.files);
    for (unit, files) in plan.units.iter().zip(by_unit) {
        if files.is_empty() {
            let findings: Vec<&Finding> = batch
                .findings
                .iter()
                .filter(|x| x.unit.as_deref() == Some(unit.code.as_str()))
                .collect();
            lines.push(RosterLine {
                unit: unit.name.clone(),
                file: None,
                sheet: None,
                report_date: None,
                state: RosterState::NotSent,
                rows: 0,
                rows_included: 0,
                errors: 0,
                warnings: 0,
                findings: worded(findings),
            });
        }
        for f in files {
            lines.push(roster_line(plan, batch, f, &unit.name));
        }
    }
    for f in no_unit {
        lines.push(roster_line(plan, batch, f, ""));
    }
    lines
}

fn roster_line(plan: &Plan, batch: &Batch, f: &CheckedFile, unit: &str) -> RosterLine {
    let included = batch.is_includable(f);
    let state = if !included {
        RosterState::Excluded
    } else {
        match f.report_date {
            None => RosterState::Undated,
            Some(d) if d > plan.deadlines.units_report => RosterState::Late,
            Some(_) => RosterState::OnTime,
        }
    };
    let findings = f
        .findings
        .iter()
        .chain(batch.findings.iter().filter(|x| x.paths.contains(&f.path)))
        .collect();
    RosterLine {
        unit: unit.to_string(),
        file: Some(crate::fsutil::file_name(&f.path)),
        sheet: f.sheet.clone(),
        report_date: f.report_date,
        state,
        rows: f.rows_total,
        rows_included: if included { f.rows.len() } else { 0 },
        errors: f.errors(),
        warnings: f.warnings(),
        findings: worded(findings),
    }
}

/// `E104 Sheet1!F11: <message>`, one a line, in Vietnamese (the workbook is the
/// office's), within Excel's cell limit.
fn worded(findings: Vec<&Finding>) -> String {
    let mut out = String::new();
    for f in findings {
        let mut line = f.code().to_string();
        match (&f.sheet, f.cell) {
            (Some(s), Some((r, c))) => line.push_str(&format!(" {s}!{}", crate::read::a1(r, c))),
            (None, Some((r, c))) => line.push_str(&format!(" {}", crate::read::a1(r, c))),
            _ => {}
        }
        line.push_str(": ");
        line.push_str(&crate::messages::message(f, Lang::Vi));
        if out.chars().count() + line.chars().count() + 2 > CELL_LIMIT {
            out.push_str("\n…");
            break;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line);
    }
    out
}

/// The workbook's bytes.
pub fn workbook_xlsx(
    data: &ReportData,
    plan: &Plan,
    texts: &Texts,
    roster: &[RosterLine],
) -> Result<Vec<u8>, XlsxError> {
    let w = &texts.workbook;
    let mut book = Workbook::new();
    let year = u16::try_from(plan.year).unwrap_or(2024);
    book.set_properties(
        &DocProperties::new()
            .set_title(&w.sheets[0])
            .set_author(&texts.author)
            .set_creation_datetime(&ExcelDateTime::from_ymd(year, 1, 1)?),
    );
    let bold = Format::new().set_bold();
    rows_sheet(&mut book, &bold, data, plan, texts)?;
    totals_sheet(&mut book, &bold, data, plan, texts)?;
    remarks_sheet(&mut book, &bold, data, plan, w)?;
    roster_sheet(&mut book, &bold, roster, w)?;
    book.save_to_buffer()
}

/// Every row that reached the report, in the appendix's order, with its source.
fn rows_sheet(
    book: &mut Workbook,
    bold: &Format,
    data: &ReportData,
    plan: &Plan,
    texts: &Texts,
) -> Result<(), XlsxError> {
    let w = &texts.workbook;
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name(&w.sheets[0])?;
    header(sheet, &w.rows_headers, bold)?;
    let mut r = 0u32;
    for task in &data.tasks {
        for row in &task.rows {
            r += 1;
            let lead = task.units.iter().any(|u| u.lead && *u.unit == *row.unit);
            let areas: Vec<String> = row.content_areas.iter().map(u32::to_string).collect();
            let unit = plan.short_name(&row.unit);
            sheet.write_number(r, 0, f64::from(r))?;
            sheet.write_string(r, 1, unit)?;
            sheet.write_number(r, 2, f64::from(row.task))?;
            sheet.write_string(r, 3, &w.roles[usize::from(!lead)])?;
            sheet.write_string(r, 4, &row.activity)?;
            sheet.write_string(r, 5, areas.join(", "))?;
            if let Some(q) = row.quantity {
                sheet.write_number(r, 6, q as f64)?;
            }
            sheet.write_string(r, 7, row.measure.as_deref().unwrap_or_default())?;
            sheet.write_string(r, 8, &row.time_text)?;
            sheet.write_string(r, 9, texts.status_word(TaskStatus::from(row.status)))?;
            sheet.write_string(r, 10, row.evidence.as_deref().unwrap_or_default())?;
            sheet.write_string(r, 11, crate::fsutil::file_name(&row.path))?;
            sheet.write_string(r, 12, &*row.sheet)?;
            sheet.write_number(r, 13, f64::from(row.row))?;
        }
    }
    finish(
        sheet,
        r,
        w.rows_headers.len(),
        &[
            6.0, 28.0, 9.0, 10.0, 60.0, 12.0, 10.0, 10.0, 16.0, 16.0, 40.0, 28.0, 16.0, 7.0,
        ],
    )
}

/// A task's sums per family of measures: `(family, lead, contributions)`, in the
/// order first met. A lead row repeating another lead's event is not added.
fn family_sums(task: &TaskResult, texts: &Texts) -> Vec<(String, u64, u64)> {
    let mut sums: Vec<(String, u64, u64)> = Vec::new();
    for (row, repeated) in task.rows.iter().zip(&task.repeated) {
        let (Some(q), Some(m)) = (row.quantity, &row.measure) else {
            continue;
        };
        let lead = task.units.iter().any(|u| u.lead && *u.unit == *row.unit);
        let family = texts.family(m).to_string();
        let i = match sums.iter().position(|(f, ..)| *f == family) {
            Some(i) => i,
            None => {
                sums.push((family, 0, 0));
                sums.len() - 1
            }
        };
        if lead && !repeated {
            sums[i].1 += q;
        } else if !lead {
            sums[i].2 += q;
        }
    }
    sums
}

/// Totals per task and family of measures: lead units' and contributions.
fn totals_sheet(
    book: &mut Workbook,
    bold: &Format,
    data: &ReportData,
    plan: &Plan,
    texts: &Texts,
) -> Result<(), XlsxError> {
    let w = &texts.workbook;
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name(&w.sheets[1])?;
    header(sheet, &w.totals_headers, bold)?;
    let mut r = 0u32;
    for task in &data.tasks {
        let title = plan
            .task(task.number)
            .map_or(String::new(), |t| t.short_title.clone());
        for (family, lead, contributions) in family_sums(task, texts) {
            r += 1;
            sheet.write_number(r, 0, f64::from(task.number))?;
            sheet.write_string(r, 1, &title)?;
            sheet.write_string(r, 2, &family)?;
            sheet.write_number(r, 3, lead as f64)?;
            sheet.write_number(r, 4, contributions as f64)?;
        }
    }
    finish(
        sheet,
        r,
        w.totals_headers.len(),
        &[10.0, 50.0, 12.0, 16.0, 16.0],
    )
}

/// The units' difficulties and proposals, for the Director, in plan unit order.
fn remarks_sheet(
    book: &mut Workbook,
    bold: &Format,
    data: &ReportData,
    plan: &Plan,
    w: &WorkbookTexts,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name(&w.sheets[2])?;
    header(sheet, &w.remarks_headers, bold)?;
    let mut by_unit: BTreeMap<usize, Vec<(usize, &str)>> = BTreeMap::new();
    let rank = |code: &str| {
        plan.units
            .iter()
            .position(|u| u.code == code)
            .unwrap_or(usize::MAX)
    };
    for (kind, list) in [&data.difficulties, &data.proposals]
        .into_iter()
        .enumerate()
    {
        for remark in list {
            by_unit
                .entry(rank(&remark.unit))
                .or_default()
                .push((kind, &remark.text));
        }
    }
    let mut r = 0u32;
    for (rank, items) in by_unit {
        let name = plan.units.get(rank).map_or("", |u| u.name.as_str());
        for (kind, text) in items {
            r += 1;
            sheet.write_string(r, 0, name)?;
            sheet.write_string(r, 1, &w.remark_kinds[kind])?;
            sheet.write_string(r, 2, text)?;
        }
    }
    finish(sheet, r, w.remarks_headers.len(), &[40.0, 20.0, 90.0])
}

/// Who sent what: a line per unit and file, the report date written in the
/// file, whether it is on time, its rows and what the check found.
fn roster_sheet(
    book: &mut Workbook,
    bold: &Format,
    roster: &[RosterLine],
    w: &WorkbookTexts,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name(&w.sheets[3])?;
    header(sheet, &w.roster_headers, bold)?;
    let wrap = Format::new().set_text_wrap();
    let mut r = 0u32;
    for line in roster {
        r += 1;
        sheet.write_string(r, 0, &line.unit)?;
        sheet.write_string(r, 1, line.file.as_deref().unwrap_or_default())?;
        sheet.write_string(r, 2, line.sheet.as_deref().unwrap_or_default())?;
        let date = line.report_date.map(crate::text::dmy).unwrap_or_default();
        sheet.write_string(r, 3, date)?;
        sheet.write_string(r, 4, &w.roster_states[line.state.index()])?;
        sheet.write_number(r, 5, line.rows as f64)?;
        sheet.write_number(r, 6, line.rows_included as f64)?;
        sheet.write_number(r, 7, line.errors as f64)?;
        sheet.write_number(r, 8, line.warnings as f64)?;
        sheet.write_string_with_format(r, 9, &line.findings, &wrap)?;
    }
    finish(
        sheet,
        r,
        w.roster_headers.len(),
        &[40.0, 28.0, 16.0, 14.0, 20.0, 9.0, 12.0, 7.0, 9.0, 90.0],
    )
}

fn header(sheet: &mut Worksheet, headers: &[String], bold: &Format) -> Result<(), XlsxError> {
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, bold)?;
    }
    Ok(())
}

/// Freezes the header row, turns filters on and sets the column widths.
fn finish(
    sheet: &mut Worksheet,
    last_row: u32,
    columns: usize,
    widths: &[f64],
) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, (columns - 1) as u16)?;
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, *w)?;
    }
    Ok(())
}
