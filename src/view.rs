//! The sheet view: a window of the unit's sheet around its table, with the values as
//! the user reads them, the merged regions, and the cells that have findings (code,
//! message, hint in the user's language). Plain data, serialised as JSON; the server
//! page and the offline page draw it with the same script (`assets/sheet-view.js`).
//!
//! No server or browser dependency lives here: bytes in, data out.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use serde::Serialize;

use crate::check::{check_bytes, check_table, CheckedFile, Rules};
use crate::finding::{Finding, Severity};
use crate::messages::{self, Lang};
use crate::read::table::{find_table, UnitTable};
use crate::read::{column_letters, open_bytes, Grid, Limits};

/// Most rows and columns a view shows; a larger table is cut (`truncated`), its
/// findings still listed beside the view.
pub const MAX_ROWS: u32 = 400;
pub const MAX_COLS: u32 = 30;
/// Longest text shown in one cell of the view, in characters.
const MAX_CELL_CHARS: usize = 300;

/// A window of one sheet, ready to draw.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetView {
    /// The sheet's name as in the workbook.
    pub sheet: String,
    /// Column letters of the window, left to right (`A`, `B`, …).
    pub columns: Vec<String>,
    /// The window's rows, top to bottom (every row, empty ones included).
    pub rows: Vec<ViewRow>,
    /// Merged regions inside the window, in window positions (0-based, inclusive).
    pub merges: Vec<Span>,
    /// 1-based sheet rows of the table's header (first, last).
    pub header_rows: (u32, u32),
    /// Whether the sheet goes on past the window (rows or columns cut).
    pub truncated: bool,
    /// Findings on the sheet with no cell, and findings on cells outside the window.
    pub unplaced: Vec<Mark>,
}

/// One row of the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewRow {
    /// The row's number as the user sees it (1-based).
    pub number: u32,
    /// One entry per window column.
    pub cells: Vec<ViewCell>,
}

/// One cell of the window: its value as shown and the findings on it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ViewCell {
    pub text: String,
    /// Findings on this cell, errors first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
}

/// A finding placed on the view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mark {
    pub code: String,
    pub severity: Severity,
    /// A1 address, when the finding has a cell.
    pub cell: Option<String>,
    pub message: String,
    pub hint: String,
}

/// A merged region in window positions (0-based row and column indexes of
/// [`SheetView::rows`] and [`SheetView::columns`]), inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub row: u32,
    pub col: u32,
    pub rows: u32,
    pub cols: u32,
}

/// Checks a file's content exactly as [`crate::api::check_bytes`] does and, when its
/// table was found, returns the view of the sheet around it. A file that could not be
/// read, or with no table, has no view (its findings say why).
pub fn check_bytes_with_view(
    rules: &Rules<'_>,
    name: &str,
    bytes: Vec<u8>,
    forced_unit: Option<&str>,
    limits: &Limits,
    lang: Lang,
) -> (CheckedFile, Option<SheetView>) {
    // The reader consumes the bytes; a copy serves the unreadable path, which words
    // the failure exactly as `check_bytes` does.
    let copy = bytes.clone();
    let opened = open_bytes(bytes, limits);
    let Ok(wb) = opened else {
        return (check_bytes(rules, name, copy, forced_unit, limits), None);
    };
    let found = catch_unwind(AssertUnwindSafe(|| {
        find_table(&wb, rules.vocabulary, &rules.plan.units_of_measure)
    }));
    let Ok(Ok(table)) = found else {
        return (check_bytes(rules, name, copy, forced_unit, limits), None);
    };
    let file = check_table(rules, Path::new(name), &wb, &table, forced_unit);
    let view = wb
        .sheets
        .get(table.sheet_index)
        .map(|grid| sheet_view(grid, &table, &file.findings, lang));
    (file, view)
}

/// The view of `grid` around `table`, with `findings` placed on their cells.
pub fn sheet_view(grid: &Grid, table: &UnitTable, findings: &[Finding], lang: Lang) -> SheetView {
    // Rows: from the sheet's top (the title block names the unit and date) to the
    // last used row, at most MAX_ROWS. Columns: from A to the last used column of the
    // table's rows or a finding's cell.
    let used_last_row = grid.rows.keys().next_back().copied().unwrap_or(0);
    let mut last_col = table.columns.values().copied().max().unwrap_or(0);
    for (&r, cells) in &grid.rows {
        if r >= table.header_rows.0.saturating_sub(1) {
            if let Some(&c) = cells.keys().next_back() {
                last_col = last_col.max(c);
            }
        }
    }
    for f in findings
        .iter()
        .filter(|f| f.sheet.as_deref() == Some(&grid.name))
    {
        if let Some((_, c)) = f.cell {
            last_col = last_col.max(c);
        }
    }
    let last_row = used_last_row.min(MAX_ROWS - 1);
    let cut_col = last_col.min(MAX_COLS - 1);
    let truncated = last_row < used_last_row || cut_col < last_col;
    let last_col = cut_col;

    let mut marks: BTreeMap<(u32, u32), Vec<Mark>> = BTreeMap::new();
    let mut unplaced = Vec::new();
    let mut ordered: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.sheet.is_none() || f.sheet.as_deref() == Some(&grid.name))
        .collect();
    ordered.sort_by_key(|f| f.severity());
    for f in ordered {
        let m = mark(f, lang);
        match f.cell {
            Some((r, c)) if r <= last_row && c <= last_col => {
                marks.entry((r, c)).or_default().push(m)
            }
            _ => unplaced.push(m),
        }
    }

    let rows = (0..=last_row)
        .map(|r| ViewRow {
            number: r + 1,
            cells: (0..=last_col)
                .map(|c| ViewCell {
                    text: grid
                        .get(r, c)
                        .map(|v| shown(&v.display()))
                        .unwrap_or_default(),
                    marks: marks.remove(&(r, c)).unwrap_or_default(),
                })
                .collect(),
        })
        .collect();

    let merges = grid
        .merges
        .iter()
        .filter(|m| m.first_row <= last_row && m.first_col <= last_col)
        .map(|m| Span {
            row: m.first_row,
            col: m.first_col,
            rows: m.last_row.min(last_row) - m.first_row + 1,
            cols: m.last_col.min(last_col) - m.first_col + 1,
        })
        .filter(|s| s.rows > 1 || s.cols > 1)
        .collect();

    SheetView {
        sheet: grid.name.clone(),
        columns: (0..=last_col).map(column_letters).collect(),
        rows,
        merges,
        header_rows: (table.header_rows.0 + 1, table.header_rows.1 + 1),
        truncated,
        unplaced,
    }
}

fn mark(f: &Finding, lang: Lang) -> Mark {
    let w = messages::wording(f, lang);
    Mark {
        code: f.code().to_string(),
        severity: f.severity(),
        cell: f.cell_a1(),
        message: w.message,
        hint: w.hint,
    }
}

/// A cell's text cut to what a view cell can show.
fn shown(s: &str) -> String {
    if s.chars().count() <= MAX_CELL_CHARS {
        return s.to_string();
    }
    let mut t: String = s.chars().take(MAX_CELL_CHARS).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;
    use crate::vocabulary::Vocabulary;

    fn plan() -> Plan {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plan-2024.json");
        Plan::load(Path::new(path)).unwrap()
    }

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/check/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(path).unwrap()
    }

    #[test]
    fn same_findings_as_check_bytes_and_cells_marked() {
        let plan = plan();
        let rules = Rules::new(&plan, Vocabulary::shipped());
        let limits = Limits::default();
        for name in [
            "rows.xlsx",
            "rows.ods",
            "rows.xls",
            "ket-qua.xlsx",
            "w203.xlsx",
        ] {
            let bytes = fixture(name);
            let plain = check_bytes(&rules, name, bytes.clone(), None, &limits);
            let (file, view) = check_bytes_with_view(&rules, name, bytes, None, &limits, Lang::Vi);
            assert_eq!(file, plain, "{name}");
            let view = view.expect("a table was found");
            let placed: usize = view
                .rows
                .iter()
                .flat_map(|r| &r.cells)
                .map(|c| c.marks.len())
                .sum();
            let on_sheet = file
                .findings
                .iter()
                .filter(|f| f.sheet.as_deref().is_none_or(|s| s == view.sheet))
                .count();
            assert_eq!(placed + view.unplaced.len(), on_sheet, "{name}");
            let here = |f: &&Finding| f.sheet.as_deref() == Some(view.sheet.as_str());
            for f in file
                .findings
                .iter()
                .filter(here)
                .filter(|f| f.cell.is_some())
            {
                let (r, c) = f.cell.unwrap();
                let cell = &view.rows[r as usize].cells[c as usize];
                assert!(
                    cell.marks.iter().any(|m| m.code == f.code().to_string()),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn unreadable_file_has_no_view() {
        let plan = plan();
        let rules = Rules::new(&plan, Vocabulary::shipped());
        let (file, view) = check_bytes_with_view(
            &rules,
            "x.xlsx",
            b"not a spreadsheet".to_vec(),
            None,
            &Limits::default(),
            Lang::Vi,
        );
        assert!(view.is_none());
        assert_eq!(file.errors(), 1);
    }

    #[test]
    fn header_and_values_shown() {
        let plan = plan();
        let rules = Rules::new(&plan, Vocabulary::shipped());
        let (_, view) = check_bytes_with_view(
            &rules,
            "rows.xlsx",
            fixture("rows.xlsx"),
            None,
            &Limits::default(),
            Lang::Vi,
        );
        let view = view.unwrap();
        assert!(view.header_rows.0 >= 1);
        assert_eq!(view.rows[0].number, 1);
        assert!(view.columns.len() >= 9);
        assert!(view
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .any(|c| !c.text.is_empty()));
        let json = serde_json::to_string(&view).unwrap();
        assert!(json.contains("\"header_rows\""));
    }
}
