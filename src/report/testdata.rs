//! Small checked files for the report's unit tests (aggregate and prose).

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::check::{CheckedFile, ResultRow};
use crate::value::{Period, Status};

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A row of `unit` for `task` with an activity text.
pub fn row(
    unit: &str,
    task: u32,
    activity: &str,
    q: Option<u64>,
    m: &str,
    status: Status,
) -> ResultRow {
    ResultRow {
        unit: unit.into(),
        path: PathBuf::from(format!("{unit}.xlsx")).into(),
        sheet: "Sheet1".into(),
        row: 0,
        task,
        role: None,
        activity: activity.into(),
        quantity: q,
        measure: (!m.is_empty()).then(|| m.to_string()),
        time_text: "05/03/2024".into(),
        period: Period::day(d("2024-03-05")),
        status,
        content_areas: vec![1],
        evidence: None,
    }
}

/// A unit's file dated `date` holding `rows` (numbered from sheet row 6).
pub fn file(unit: &str, date: &str, mut rows: Vec<ResultRow>) -> CheckedFile {
    for (i, r) in rows.iter_mut().enumerate() {
        r.row = 6 + i as u32;
    }
    CheckedFile {
        path: PathBuf::from(format!("{unit}.xlsx")),
        unit: Some(unit.into()),
        sheet: Some("Sheet1".into()),
        rows_total: rows.len(),
        rows,
        findings: vec![],
        report_date: Some(d(date)),
        difficulties: vec![],
        proposals: vec![],
        ignored_sheets: vec![],
    }
}
