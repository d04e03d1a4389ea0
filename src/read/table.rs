//! Finding the table in a grid: the title block (unit, report date), the header row
//! (one or two rows, labels matched loosely), the data rows (group, total, blank and
//! signature rows handled) and the unit's remarks below the table.

use std::collections::BTreeMap;

use super::{CellValue, Workbook};

/// A column of the results table (see `shared/spec/input-spreadsheet.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    RowNumber,
    Task,
    Activity,
    Quantity,
    Measure,
    Time,
    Status,
    ContentAreas,
    Evidence,
}

impl Column {
    /// The columns a header row must have.
    pub const REQUIRED: [Column; 6] = [
        Column::Task,
        Column::Activity,
        Column::Quantity,
        Column::Measure,
        Column::Time,
        Column::Status,
    ];
}

/// A value and the 0-based cell it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub row: u32,
    pub col: u32,
    pub value: T,
}

/// One data row: the non-empty cells of recognised columns.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// 0-based sheet row.
    pub row: u32,
    pub cells: BTreeMap<Column, CellValue>,
    /// The task cell of the nearest group row above, which applies when this row's
    /// own task cell is empty.
    pub group_task: Option<Located<CellValue>>,
}

/// The table found in a workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitTable {
    /// Index of the sheet read in `Workbook::sheets`.
    pub sheet_index: usize,
    pub sheet: String,
    /// Other sheets, not read (for verbose output).
    pub ignored_sheets: Vec<String>,
    /// The unit as written in the title block (`Đơn vị: …`), and its cell.
    pub unit: Option<Located<String>>,
    /// The report date as written (`Ngày báo cáo: …`): a date cell or text, and its cell.
    pub report_date: Option<Located<CellValue>>,
    /// 0-based first and last rows of the header (equal for a one-row header).
    pub header_rows: (u32, u32),
    /// 0-based column of each recognised column.
    pub columns: BTreeMap<Column, u32>,
    pub rows: Vec<RawRow>,
    /// The unit's remarks below the table; `Không` (none) is left out.
    pub difficulties: Vec<Located<String>>,
    pub proposals: Vec<Located<String>>,
}

/// No sheet has a header row (E003): the required columns never found together.
#[derive(Debug, Clone, PartialEq)]
pub struct NoHeader {
    /// Required columns not recognised in the best candidate row.
    pub missing: Vec<Column>,
}

/// Finds the table: the first sheet with a header row.
pub fn find_table(wb: &Workbook) -> Result<UnitTable, NoHeader> {
    let _ = wb;
    todo!("read::table::find_table")
}
