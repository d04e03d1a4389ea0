//! The workbook beside the report (`decisions.md`): for the Director, every row
//! that reached the report with its source (file, sheet, row), the totals per task
//! and family of measures (lead units' and contributions apart), and the units'
//! difficulties and proposals — which the official report does not carry. Written
//! in rust_xlsxwriter's constant-memory mode (rows streamed to disk), header
//! frozen, filters on, words from the texts file, byte-identical for the same
//! inputs (document dates from the plan).

use std::collections::BTreeMap;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::plan::Plan;
use crate::report::aggregate::{ReportData, TaskStatus};
use crate::report::texts::Texts;

/// The workbook's bytes.
pub fn workbook_xlsx(data: &ReportData, plan: &Plan, texts: &Texts) -> Result<Vec<u8>, XlsxError> {
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

    // Every row that reached the report, in the appendix's order.
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name(&w.sheets[0])?;
    header(sheet, &w.rows_headers, &bold)?;
    let mut r = 0u32;
    for task in &data.tasks {
        for row in &task.rows {
            r += 1;
            let lead = task.units.iter().any(|u| u.lead && u.unit == row.unit);
            let areas: Vec<String> = row.content_areas.iter().map(u32::to_string).collect();
            let unit = plan
                .unit(&row.unit)
                .map_or(row.unit.as_str(), |u| u.short_name.as_str());
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
            sheet.write_string(r, 12, &row.sheet)?;
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
    )?;

    // Totals per task and family of measures: lead units' and contributions.
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name(&w.sheets[1])?;
    header(sheet, &w.totals_headers, &bold)?;
    let mut r = 0u32;
    for task in &data.tasks {
        // family → (lead, contributions), in the order first met.
        let mut sums: Vec<(String, u64, u64)> = Vec::new();
        for (row, repeated) in task.rows.iter().zip(&task.repeated) {
            let (Some(q), Some(m)) = (row.quantity, &row.measure) else {
                continue;
            };
            let lead = task.units.iter().any(|u| u.lead && u.unit == row.unit);
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
        let title = plan
            .task(task.number)
            .map_or(String::new(), |t| t.short_title.clone());
        for (family, lead, contributions) in sums {
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
    )?;

    // The units' difficulties and proposals, for the Director.
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name(&w.sheets[2])?;
    header(sheet, &w.remarks_headers, &bold)?;
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
    finish(sheet, r, w.remarks_headers.len(), &[40.0, 20.0, 90.0])?;

    book.save_to_buffer()
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
