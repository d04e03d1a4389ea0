//! .xls (BIFF5/BIFF8): a cheap pre-scan of the BIFF record stream guards against
//! what calamine would allocate, then calamine reads the values.

use std::io::Cursor;

use calamine::{Data, DataRef, Reader, SheetType, Xls, XlsError};

use super::{convert, corrupt, limit, GridBuilder, Limits};
use crate::read::{Format, LimitKind, ReadError, Rect, Workbook};

fn err(e: XlsError) -> ReadError {
    match e {
        XlsError::Password => ReadError::Encrypted,
        e => corrupt(format!("xls: {e}")),
    }
}

/// Per-substream statistics of cell records.
#[derive(Default)]
struct Stats {
    cells: u64,
    min_row: u32,
    max_row: u32,
    min_col: u32,
    max_col: u32,
}

impl Stats {
    fn add(&mut self, row: u32, col: u32, n: u64) {
        if self.cells == 0 {
            (self.min_row, self.max_row, self.min_col, self.max_col) = (row, row, col, col);
        }
        self.cells += n;
        self.min_row = self.min_row.min(row);
        self.max_row = self.max_row.max(row);
        self.min_col = self.min_col.min(col);
        self.max_col = self.max_col.max(col);
    }

    fn check(&self, limits: &Limits) -> Result<(), ReadError> {
        if self.cells == 0 {
            return Ok(());
        }
        if u64::from(self.max_row) + 1 > limits.rows {
            return Err(limit(
                LimitKind::Rows,
                limits.rows,
                u64::from(self.max_row) + 1,
            ));
        }
        if u64::from(self.max_col) + 1 > limits.columns {
            return Err(limit(
                LimitKind::Columns,
                limits.columns,
                u64::from(self.max_col) + 1,
            ));
        }
        if self.cells > limits.cells {
            return Err(limit(LimitKind::Cells, limits.cells, self.cells));
        }
        let area =
            u64::from(self.max_row - self.min_row + 1) * u64::from(self.max_col - self.min_col + 1);
        if area > limits.dense_area() {
            return Err(limit(LimitKind::Cells, limits.dense_area(), area));
        }
        Ok(())
    }
}

fn u16_at(d: &[u8], i: usize) -> Option<u32> {
    d.get(i..i + 2)
        .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
}

/// Walks the BIFF records of the Workbook stream: FILEPASS means encrypted; cell
/// records (the ones calamine stores) are counted per sheet substream and their
/// bounding box checked, so calamine's dense ranges stay small.
pub(super) fn prescan(stream: &[u8], limits: &Limits) -> Result<(), ReadError> {
    let mut pos = 0usize;
    let mut depth = 0u32;
    let mut stats = Stats::default();
    while pos + 4 <= stream.len() {
        let typ = u16::from_le_bytes([stream[pos], stream[pos + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[pos + 2], stream[pos + 3]]));
        let data = &stream[pos + 4..(pos + 4 + len).min(stream.len())];
        pos += 4 + len;
        match typ {
            0x0809 => {
                depth += 1;
                stats = Stats::default();
            }
            0x000A => {
                stats.check(limits)?;
                stats = Stats::default();
                depth = depth.saturating_sub(1);
            }
            0x002F if depth <= 1 => return Err(ReadError::Encrypted),
            // Number, Label, RString, BoolErr, Rk, LabelSst, Formula.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let (Some(r), Some(c)) = (u16_at(data, 0), u16_at(data, 2)) {
                    stats.add(r, c, 1);
                }
            }
            // MulRk: row, first col, …, last col.
            0x00BD => {
                if let (Some(r), Some(c1), Some(c2)) = (
                    u16_at(data, 0),
                    u16_at(data, 2),
                    data.len().checked_sub(2).and_then(|i| u16_at(data, i)),
                ) {
                    if c2 >= c1 {
                        stats.add(r, c1, 0);
                        stats.add(r, c2, u64::from(c2 - c1 + 1));
                    }
                }
            }
            _ => {}
        }
        if stats.cells > limits.cells {
            return Err(limit(LimitKind::Cells, limits.cells, stats.cells));
        }
    }
    stats.check(limits)
}

fn data_ref(d: &Data) -> DataRef<'_> {
    match d {
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(t) => DataRef::DateTime(*t),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    }
}

/// Copies a calamine range's used cells into a grid; `font` gives a cell's font
/// name where the file tells it.
pub(super) fn fill<'f>(
    grid: &mut GridBuilder<'_>,
    range: &calamine::Range<Data>,
    font: impl Fn(u32, u32) -> Option<&'f str>,
) -> Result<(), ReadError> {
    for (r, c, v) in range.used_cells() {
        let Some((r0, c0)) = range.start() else {
            break;
        };
        let (row, col) = (r0 + r as u32, c0 + c as u32);
        if let Some(raw) = convert(data_ref(v)) {
            grid.push_font(row, col, raw, font(row, col))?;
        }
    }
    Ok(())
}

pub(super) fn read(bytes: Vec<u8>, limits: &Limits) -> Result<Workbook, ReadError> {
    let mut book: Xls<_> = Xls::new(Cursor::new(bytes)).map_err(err)?;
    let sheets: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    let mut out = Vec::with_capacity(sheets.len());
    for name in sheets {
        let mut grid = GridBuilder::new(name.clone(), limits);
        let range = book.worksheet_range(&name).map_err(err)?;
        fill(&mut grid, &range, |_, _| None)?;
        drop(range);
        let merges = book.merge_cells_by_sheet_name(&name).map_err(err)?;
        for d in merges.iter().take(limits.cells as usize) {
            grid.add_merge(Rect {
                first_row: d.start.0,
                first_col: d.start.1,
                last_row: d.end.0,
                last_col: d.end.1,
            });
        }
        out.push(grid.finish());
    }
    Ok(Workbook {
        format: Format::Xls,
        sheets: out,
    })
}
