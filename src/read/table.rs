//! Finding the table in a grid: the title block (unit, report date), the header row
//! (one or two rows, labels matched loosely), the data rows (group, total, blank and
//! signature rows handled) and the unit's remarks below the table.
//!
//! Decisions beyond the spec (`shared/spec/input-spreadsheet.md`):
//! - **Header**: the first row naming three required columns by their labels
//!   (`templates/vocabulary.json`); the rest are then found by their values or
//!   reported missing (`columns.rs`). A row must itself name at least one column; it is read with the row
//!   below as a two-row header when one of its cells is merged downwards or the row
//!   below names a column where it names none. A cell merged across columns that
//!   have sub-headers below is a parent (`Kết quả thực hiện` over `Số lượng` |
//!   `Đơn vị tính` is not the activity column). Labels also drop a trailing `*` or
//!   `.`; `Số thứ tự`, `Số nhiệm vụ`, `D.V.T` are accepted too.
//! - **Title block**: only rows above the header; the first unit and date labels
//!   win; the value to the right is not taken when it is itself a label.
//! - **Blank rows**: a row whose only cells are row numbers (`1`, `IV.`, `a)`) or
//!   numbers outside the table is skipped like a blank row. The `(1) (2) (3)…` row
//!   right under the header is skipped.
//! - **Total rows**: the first cell is `Tổng`, `Tổng cộng`, `Tổng số`, `Tổng:`; any
//!   other text starting with the word `Tổng` (`Tổng kết …`) is a total only when the
//!   row has neither time nor status.
//! - **Group rows**: a row with no data cells (activity, quantity, unit, time,
//!   status, content, evidence) and a task cell or a heading in any other column;
//!   or a row with one text cell merged across several columns; or one numbered text
//!   (`4. Tổ chức …`) alone outside the activity column. A numbered text alone in an
//!   unmerged activity cell is a data row (with errors), as the spec asks. A heading
//!   without a task number (`Tổ chức tuyên truyền …`, `Nhiệm vụ phối hợp`) starts a
//!   group too: the checker matches its title against the plan's tasks, or reports
//!   it, rather than leave the rows below to the previous group's task.
//! - **End of data**: a signature label in the row's first cell (`Người lập biểu`,
//!   `KT. GIÁM ĐỐC`, `Xác nhận của …`; `Giám đốc Sở chủ trì …` is an activity), a
//!   remarks label in the first cell that is not a row number, or a row of only
//!   place-and-date lines (`Quảng Ngãi, ngày … tháng … năm …`).
//! - **Merged cells**: a merge that starts in the data area fills the first
//!   recognised column it covers, in every row it covers; merges from the header do
//!   not leak into data.
//! - **Remarks**: read from the row that ended the data down to the signature
//!   block; a value below its label stops at the next label, the signature or a date
//!   line; each line is a point (bullets `-`, `+`, `•` removed); `Không`,
//!   `Không có` are dropped.

use std::collections::BTreeMap;

use super::{CellValue, Rect, Workbook};

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
    /// The heading cell of the nearest group row above that has a task number (read
    /// with `parse_task_ref`, leading number wins); it applies when this row's own
    /// task cell is empty. The heading may sit in any column.
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
    /// The header's texts, the columns taken by their values (W009) and the
    /// required columns missing (E008).
    pub header: HeaderReading,
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

mod columns;
mod labels;

pub use columns::{ByValues, HeaderReading, Missing};

use std::collections::{BTreeSet, HashMap};

pub use labels::{header_column, header_columns, labels_of, suggested_label};

use super::Grid;
use crate::text::squash_spaces;
use crate::value::parse_task_ref;
use crate::vocabulary::Vocabulary;
use labels::{
    is_column_number, is_none_remark, is_place_date, is_row_number, is_signature, is_total,
    labelled, DATE_LABELS, DIFFICULTY_LABELS, PROPOSAL_LABELS, UNIT_LABELS,
};

/// The header row is searched in the first this many rows of a sheet.
pub const HEADER_SEARCH_ROWS: u32 = 30;
/// How many of [`Column::REQUIRED`] a row must name to be the header row
/// (`shared/spec/decisions.md`); the others are then looked for by their values.
pub const MIN_REQUIRED_COLUMNS: usize = 3;

/// Finds the table: the first sheet with a header row. Header labels and the
/// values that tell a column are the vocabulary's; `measures` are the plan's units
/// of measure, also known by their values.
///
/// Never panics, whatever the grid; linear in the number of cells and merges.
pub fn find_table(
    wb: &Workbook,
    vocabulary: &Vocabulary,
    measures: &[String],
) -> Result<UnitTable, NoHeader> {
    let mut best: Option<Candidate> = None;
    for (index, grid) in wb.sheets.iter().enumerate() {
        match find_header(grid, vocabulary) {
            Ok(header) => {
                let kinds = columns::Kinds::new(vocabulary, measures);
                return Ok(read_sheet(wb, index, header, &kinds));
            }
            Err(Some(c)) => {
                if best.as_ref().is_none_or(|b| c.found > b.found) {
                    best = Some(c);
                }
            }
            Err(None) => {}
        }
    }
    Err(NoHeader {
        missing: best.map_or_else(|| Column::REQUIRED.to_vec(), |b| b.missing),
    })
}

/// A header row found in a sheet.
#[derive(Debug)]
struct Header<'v> {
    first: u32,
    last: u32,
    /// Sheet column → the columns its label names (two when the values decide).
    by_col: BTreeMap<u32, &'v [Column]>,
    /// Sheet column → the row and text of its header cell.
    texts: BTreeMap<u32, (u32, String)>,
}

/// The best row that was not a header, for the E003 message.
#[derive(Debug)]
struct Candidate {
    found: usize,
    missing: Vec<Column>,
}

fn is_blank(v: &CellValue) -> bool {
    matches!(v, CellValue::Text(s) if s.trim().is_empty())
}

fn is_valid_rect(m: &Rect) -> bool {
    m.first_row <= m.last_row && m.first_col <= m.last_col
}

/// The recognised header labels of one row: sheet column → the columns named.
fn row_labels<'v>(
    cells: &BTreeMap<u32, CellValue>,
    vocabulary: &'v Vocabulary,
) -> BTreeMap<u32, &'v [Column]> {
    cells
        .iter()
        .filter_map(|(&c, v)| {
            let names = header_columns(vocabulary, v.as_text()?);
            (!names.is_empty()).then_some((c, names))
        })
        .collect()
}

/// The header texts of a row: sheet column → (row, text), squashed.
fn row_texts(r: u32, cells: Option<&BTreeMap<u32, CellValue>>) -> BTreeMap<u32, (u32, String)> {
    cells
        .into_iter()
        .flatten()
        .filter_map(|(&c, v)| {
            let t = squash_spaces(v.as_text()?);
            (!t.is_empty()).then_some((c, (r, t)))
        })
        .collect()
}

/// The required columns a header row names, counting a label that names two
/// columns once; and the required columns it does not name.
fn required_found(by_col: &BTreeMap<u32, &[Column]>) -> (usize, Vec<Column>) {
    let mut found: BTreeSet<Column> = BTreeSet::new();
    for names in by_col.values() {
        if let [one] = names {
            found.insert(*one);
        }
    }
    let mut count = found
        .iter()
        .filter(|c| Column::REQUIRED.contains(c))
        .count();
    for names in by_col.values().filter(|n| n.len() > 1) {
        let new: Vec<Column> = names
            .iter()
            .copied()
            .filter(|c| Column::REQUIRED.contains(c) && !found.contains(c))
            .collect();
        if !new.is_empty() {
            count += 1;
            found.extend(new);
        }
    }
    let missing = Column::REQUIRED
        .iter()
        .copied()
        .filter(|c| !found.contains(c))
        .collect();
    (count, missing)
}

/// Finds the header row (one or two rows) in the first [`HEADER_SEARCH_ROWS`] rows.
/// `Err` carries the best candidate row, if any row named a required column.
fn find_header<'v>(
    grid: &Grid,
    vocabulary: &'v Vocabulary,
) -> Result<Header<'v>, Option<Candidate>> {
    let merges: Vec<Rect> = grid
        .merges
        .iter()
        .filter(|m| is_valid_rect(m) && m.first_row <= HEADER_SEARCH_ROWS)
        .copied()
        .collect();
    let mut best: Option<Candidate> = None;
    for (&r, cells) in grid.rows.range(..HEADER_SEARCH_ROWS) {
        let upper = row_labels(cells, vocabulary);
        if upper.is_empty() {
            continue;
        }
        let lower = grid
            .rows
            .get(&(r + 1))
            .map(|cells| row_labels(cells, vocabulary))
            .unwrap_or_default();
        let vertical = merges
            .iter()
            .any(|m| m.first_row == r && m.last_row > r && cells.contains_key(&m.first_col));
        let two_row = vertical || lower.keys().any(|c| !upper.contains_key(c));
        let by_col = if two_row {
            combine_header(r, &upper, &lower, &merges)
        } else {
            upper.clone()
        };
        let (found, missing) = required_found(&by_col);
        if found >= MIN_REQUIRED_COLUMNS {
            let mut texts = row_texts(r, Some(cells));
            if two_row {
                // A sub-header's text stands for its column when the row above
                // names none there (empty, unrecognised, or a parent).
                for (c, t) in row_texts(r + 1, grid.rows.get(&(r + 1))) {
                    if lower.contains_key(&c) || !upper.contains_key(&c) {
                        texts.insert(c, t);
                    }
                }
            }
            let last = if two_row { r + 1 } else { r };
            return Ok(Header {
                first: r,
                last,
                by_col,
                texts,
            });
        }
        if best.as_ref().is_none_or(|b| found > b.found) {
            best = Some(Candidate { found, missing });
        }
    }
    Err(best)
}

/// Merges the labels of a two-row header: a column takes the lower row's label when
/// the upper cell is empty, unrecognised, or a parent merged across columns that have
/// sub-headers below it (`Kết quả thực hiện` over `Số lượng` | `Đơn vị tính`).
fn combine_header<T: Copy>(
    r: u32,
    upper: &BTreeMap<u32, T>,
    lower: &BTreeMap<u32, T>,
    merges: &[Rect],
) -> BTreeMap<u32, T> {
    let cols: BTreeSet<u32> = upper.keys().chain(lower.keys()).copied().collect();
    // Cells of this row merged across columns: first column → last column.
    let wide: HashMap<u32, u32> = merges
        .iter()
        .filter(|m| m.first_row == r && m.last_col > m.first_col)
        .map(|m| (m.first_col, m.last_col))
        .collect();
    let mut out = BTreeMap::new();
    for c in cols {
        let chosen = match (upper.get(&c), lower.get(&c)) {
            (None, low) => low,
            (Some(up), low) => {
                let parent = wide
                    .get(&c)
                    .is_some_and(|&last| lower.range(c..=last).next().is_some());
                if parent {
                    low
                } else {
                    Some(up)
                }
            }
        };
        if let Some(&column) = chosen {
            out.insert(c, column);
        }
    }
    out
}

fn read_sheet(wb: &Workbook, index: usize, header: Header, kinds: &columns::Kinds) -> UnitTable {
    let grid = &wb.sheets[index];
    let (unit, report_date) = title_block(grid, header.first);
    let data_start = header.last.saturating_add(1);
    let (columns, reading) =
        columns::assign(grid, kinds, &header.by_col, &header.texts, data_start);
    let (rows, end) = match header.last.checked_add(1) {
        Some(start) => data_rows(grid, &columns, start),
        None => (Vec::new(), None),
    };
    let (difficulties, proposals) = match end {
        Some(from) => remarks(grid, from),
        None => (Vec::new(), Vec::new()),
    };
    UnitTable {
        sheet_index: index,
        sheet: grid.name.clone(),
        ignored_sheets: wb
            .sheets
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index)
            .map(|(_, g)| g.name.clone())
            .collect(),
        unit,
        report_date,
        header_rows: (header.first, header.last),
        columns,
        header: reading,
        rows,
        difficulties,
        proposals,
    }
}

fn is_title_label(v: &CellValue) -> bool {
    v.as_text()
        .is_some_and(|t| labelled(t, &UNIT_LABELS).is_some() || labelled(t, &DATE_LABELS).is_some())
}

/// Reads the unit and the report date above the header row.
fn title_block(
    grid: &Grid,
    header_first: u32,
) -> (Option<Located<String>>, Option<Located<CellValue>>) {
    let mut unit = None;
    let mut date = None;
    for (&r, cells) in grid.rows.range(..header_first) {
        for (&c, v) in cells {
            let Some(text) = v.as_text() else { continue };
            // The next non-empty cell to the right, unless it is another label.
            let right = || {
                cells
                    .range(c + 1..)
                    .find(|(_, v)| !is_blank(v))
                    .filter(|(_, v)| !is_title_label(v))
            };
            if unit.is_none() {
                if let Some(rest) = labelled(text, &UNIT_LABELS) {
                    if !rest.is_empty() {
                        unit = Some(Located {
                            row: r,
                            col: c,
                            value: squash_spaces(rest),
                        });
                    } else if let Some((&c2, v2)) = right() {
                        unit = Some(Located {
                            row: r,
                            col: c2,
                            value: squash_spaces(&v2.display()),
                        });
                    }
                    continue;
                }
            }
            if date.is_none() {
                if let Some(rest) = labelled(text, &DATE_LABELS) {
                    if !rest.is_empty() {
                        date = Some(Located {
                            row: r,
                            col: c,
                            value: CellValue::Text(rest.to_string()),
                        });
                    } else if let Some((&c2, v2)) = right() {
                        date = Some(Located {
                            row: r,
                            col: c2,
                            value: v2.clone(),
                        });
                    }
                }
            }
        }
    }
    (unit, date)
}

/// Vertically merged cells in the data area, by the recognised column they fill:
/// the value of a merge's top-left cell applies to every row it covers.
struct MergeIndex {
    /// Per column: (first row, last row, source row, source column), by first row.
    by_col: HashMap<u32, Vec<(u32, u32, u32, u32)>>,
    /// Top-left cells of merges spanning several columns → their last column.
    wide: HashMap<(u32, u32), u32>,
}

impl MergeIndex {
    fn new(grid: &Grid, col_of: &BTreeMap<u32, Column>, data_start: u32) -> Self {
        let mut by_col: HashMap<u32, Vec<(u32, u32, u32, u32)>> = HashMap::new();
        let mut wide = HashMap::new();
        for m in &grid.merges {
            if !is_valid_rect(m) || m.first_row < data_start {
                continue;
            }
            if m.last_col > m.first_col {
                wide.insert((m.first_row, m.first_col), m.last_col);
            }
            if m.first_row == m.last_row && m.first_col == m.last_col {
                continue;
            }
            // The value belongs to the first recognised column the merge covers.
            let Some((&c, _)) = col_of.range(m.first_col..=m.last_col).next() else {
                continue;
            };
            if m.first_row == m.last_row && c == m.first_col {
                continue;
            }
            by_col
                .entry(c)
                .or_default()
                .push((m.first_row, m.last_row, m.first_row, m.first_col));
        }
        for v in by_col.values_mut() {
            v.sort_unstable();
        }
        MergeIndex { by_col, wide }
    }

    /// The cell whose value fills (row, col), if a merge covers it.
    fn source(&self, row: u32, col: u32) -> Option<(u32, u32)> {
        let v = self.by_col.get(&col)?;
        let i = v.partition_point(|e| e.0 <= row);
        let e = v.get(i.checked_sub(1)?)?;
        (e.1 >= row).then_some((e.2, e.3))
    }

    fn is_wide(&self, row: u32, col: u32) -> bool {
        self.wide.contains_key(&(row, col))
    }
}

/// Whether a row ends the data: a signature block, the unit's remarks, or a
/// place-and-date line.
fn ends_data(own: &[(u32, &CellValue)]) -> bool {
    if own[0].1.as_text().is_some_and(is_signature) {
        return true;
    }
    // Remarks may be numbered in a cell of their own (`2.` | `Khó khăn: …`).
    if let Some((_, v)) = own.iter().find(|(_, v)| !is_row_number(v)) {
        if remark_label(v).is_some() {
            return true;
        }
    }
    own.iter().all(|(_, v)| {
        v.as_text()
            .is_some_and(|t| is_place_date(t) || is_signature(t))
    })
}

fn has_letters(v: &CellValue) -> bool {
    v.as_text()
        .is_some_and(|t| t.chars().any(char::is_alphabetic))
}

/// Reads the data rows from `start`; returns them and the row that ended them
/// (signature, remarks or date line), if any. Blank rows, the `(1) (2) (3)…`
/// numbering row, total rows and lone row numbers are skipped; a heading starts a
/// group for the rows below.
fn data_rows(
    grid: &Grid,
    columns: &BTreeMap<Column, u32>,
    start: u32,
) -> (Vec<RawRow>, Option<u32>) {
    let col_of: BTreeMap<u32, Column> = columns.iter().map(|(&k, &c)| (c, k)).collect();
    let merges = MergeIndex::new(grid, &col_of, start);
    let mut out = Vec::new();
    let mut group: Option<Located<CellValue>> = None;
    let mut first = true;
    for (&r, cells) in grid.rows.range(start..) {
        let own: Vec<(u32, &CellValue)> = cells
            .iter()
            .filter(|(_, v)| !is_blank(v))
            .map(|(&c, v)| (c, v))
            .collect();
        if own.is_empty() {
            continue;
        }
        if ends_data(&own) {
            return (out, Some(r));
        }
        let was_first = std::mem::replace(&mut first, false);
        if was_first && own.len() >= 3 && own.iter().all(|(_, v)| is_column_number(v)) {
            continue; // `(1) (2) (3)…` under the header
        }
        let sorted = SortedRow::new(&own, &col_of);
        if sorted.is_total(own[0].1) {
            continue;
        }
        match sorted.kind(&merges, r) {
            RowKind::Skip => {}
            RowKind::Heading(c, v) => {
                // Every heading starts a group, numbered or not: the checker reads
                // its number or matches its title against the plan, and otherwise
                // says so at the heading. Keeping the previous group would silently
                // give the rows below to the wrong task.
                if parse_task_ref(v).is_some() || has_letters(v) {
                    group = Some(Located {
                        row: r,
                        col: c,
                        value: v.clone(),
                    });
                }
            }
            RowKind::Data => out.push(RawRow {
                row: r,
                cells: sorted.cells(grid, columns, &merges, r),
                group_task: group.clone(),
            }),
        }
    }
    (out, None)
}

/// One row's non-blank cells sorted: those in recognised columns, and the
/// headings (text outside them, or in the row-number column, that is not a row
/// number).
struct SortedRow<'g> {
    rec: BTreeMap<Column, (u32, &'g CellValue)>,
    headings: Vec<(u32, &'g CellValue)>,
}

/// What a row is, once sorted.
enum RowKind<'g> {
    /// A row number alone, or numbers outside the table.
    Skip,
    /// A group heading at this cell.
    Heading(u32, &'g CellValue),
    Data,
}

impl<'g> SortedRow<'g> {
    fn new(own: &[(u32, &'g CellValue)], col_of: &BTreeMap<u32, Column>) -> SortedRow<'g> {
        let mut rec: BTreeMap<Column, (u32, &CellValue)> = BTreeMap::new();
        let mut headings: Vec<(u32, &CellValue)> = Vec::new();
        for &(c, v) in own {
            match col_of.get(&c) {
                Some(&column) if column != Column::RowNumber => {
                    rec.insert(column, (c, v));
                }
                found => {
                    if let Some(&column) = found {
                        rec.insert(column, (c, v));
                    }
                    if !is_row_number(v) {
                        headings.push((c, v));
                    }
                }
            }
        }
        SortedRow { rec, headings }
    }

    /// A total row, told by its first cell (`Tổng cộng`; a looser `Tổng …` only
    /// without time or status).
    fn is_total(&self, first: &CellValue) -> bool {
        first.as_text().is_some_and(|t| {
            let loose =
                !self.rec.contains_key(&Column::Time) && !self.rec.contains_key(&Column::Status);
            is_total(t, loose)
        })
    }

    /// A heading (no data cells and a task cell or other text; or one cell alone
    /// merged across the table, or a numbered title outside the activity column),
    /// a data row, or nothing.
    fn kind(&self, merges: &MergeIndex, r: u32) -> RowKind<'g> {
        let data: Vec<(Column, u32, &CellValue)> = self
            .rec
            .iter()
            .filter(|(k, _)| !matches!(k, Column::RowNumber | Column::Task))
            .map(|(&k, &(c, v))| (k, c, v))
            .collect();
        let task = self.rec.get(&Column::Task).copied();
        if data.is_empty() {
            return match task.or_else(|| self.headings.first().copied()) {
                Some((c, v)) => RowKind::Heading(c, v),
                None => RowKind::Skip,
            };
        }
        if let ([(column, c, v)], None, true) = (data.as_slice(), task, self.headings.is_empty()) {
            // One cell alone: a heading when merged across the table, or a numbered
            // title outside the activity column; otherwise an incomplete data row.
            let wide = merges.is_wide(r, *c) && has_letters(v);
            let numbered =
                *column != Column::Activity && has_letters(v) && parse_task_ref(v).is_some();
            if wide || numbered {
                return RowKind::Heading(*c, v);
            }
        }
        RowKind::Data
    }

    /// The row's cells by column, with the values that merges from above fill in.
    fn cells(
        &self,
        grid: &Grid,
        columns: &BTreeMap<Column, u32>,
        merges: &MergeIndex,
        r: u32,
    ) -> BTreeMap<Column, CellValue> {
        let mut cells: BTreeMap<Column, CellValue> = self
            .rec
            .iter()
            .map(|(&k, &(_, v))| (k, v.clone()))
            .collect();
        for (&column, &c) in columns {
            if cells.contains_key(&column) {
                continue;
            }
            if let Some(v) = merges
                .source(r, c)
                .and_then(|(sr, sc)| grid.get(sr, sc))
                .filter(|v| !is_blank(v))
            {
                cells.insert(column, v.clone());
            }
        }
        cells
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Remark {
    Difficulty,
    Proposal,
}

fn remark_label(v: &CellValue) -> Option<(Remark, &str)> {
    let t = v.as_text()?;
    if let Some(rest) = labelled(t, &DIFFICULTY_LABELS) {
        return Some((Remark::Difficulty, rest));
    }
    labelled(t, &PROPOSAL_LABELS).map(|rest| (Remark::Proposal, rest))
}

/// Splits a remark into points: one per line, bullets removed, `Không` dropped.
fn push_points(out: &mut Vec<Located<String>>, row: u32, col: u32, text: &str) {
    for line in text.lines() {
        let line = line
            .trim()
            .trim_start_matches(['-', '+', '•', '*', '–', '—', '·'])
            .trim();
        if line.is_empty() || is_none_remark(line) {
            continue;
        }
        out.push(Located {
            row,
            col,
            value: squash_spaces(line),
        });
    }
}

/// Reads the unit's remarks from `from` down to the signature block.
fn remarks(grid: &Grid, from: u32) -> (Vec<Located<String>>, Vec<Located<String>>) {
    let mut lists: [Vec<Located<String>>; 2] = [Vec::new(), Vec::new()];
    let idx = |k: Remark| if k == Remark::Difficulty { 0 } else { 1 };
    let mut pending: Option<Remark> = None;
    for (&r, cells) in grid.rows.range(from..) {
        let own: Vec<(u32, &CellValue)> = cells
            .iter()
            .filter(|(_, v)| !is_blank(v))
            .map(|(&c, v)| (c, v))
            .collect();
        let Some(&(_, first)) = own.first() else {
            continue;
        };
        if first.as_text().is_some_and(is_signature) {
            break;
        }
        let mut any_label = false;
        let mut i = 0;
        while i < own.len() {
            let (c, v) = own[i];
            i += 1;
            let Some((kind, rest)) = remark_label(v) else {
                continue;
            };
            any_label = true;
            pending = None;
            let list = &mut lists[idx(kind)];
            if !rest.is_empty() {
                push_points(list, r, c, rest);
                continue;
            }
            let mut got = false;
            while let Some(&(c2, v2)) = own.get(i) {
                if remark_label(v2).is_some() {
                    break;
                }
                push_points(list, r, c2, &v2.display());
                got = true;
                i += 1;
            }
            if !got {
                pending = Some(kind);
            }
        }
        if any_label {
            continue;
        }
        if own
            .iter()
            .all(|(_, v)| v.as_text().is_some_and(is_place_date))
        {
            pending = None;
            continue;
        }
        if let Some(kind) = pending {
            let numbered = own.len() > 1 && is_row_number(own[0].1);
            for &(c, v) in &own[usize::from(numbered)..] {
                push_points(&mut lists[idx(kind)], r, c, &v.display());
            }
        }
    }
    let [difficulties, proposals] = lists;
    (difficulties, proposals)
}
