//! .xlsx / .xlsm: cells streamed with calamine's cell reader into a sparse grid
//! (never `worksheet_range`, which allocates the dense bounding box).

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx, XlsxError};

use super::{convert, corrupt, worksheet_names, GridBuilder, Limits};
use crate::read::{Format, ReadError, Workbook};

fn err(e: XlsxError) -> ReadError {
    match e {
        XlsxError::Password => ReadError::Encrypted,
        e => corrupt(format!("xlsx: {e}")),
    }
}

pub(super) fn read(bytes: Vec<u8>, limits: &Limits) -> Result<Workbook, ReadError> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(err)?;
    let sheets = worksheet_names(book.sheets_metadata());
    let mut out = Vec::with_capacity(sheets.len());
    for name in sheets {
        let mut grid = GridBuilder::new(name.clone(), limits);
        {
            let mut cells = book.worksheet_cells_reader(&name).map_err(err)?;
            // Font names of the style palette (`styles.xml`, already parsed by
            // calamine at open): only legacy fonts are kept as evidence.
            let fonts: Vec<Option<String>> = cells
                .styles()
                .iter()
                .map(|st| {
                    st.font
                        .as_ref()
                        .and_then(|f| f.name.as_deref())
                        .filter(|n| crate::read::legacy::font_encoding(n).is_some())
                        .map(str::to_string)
                })
                .collect();
            while let Some((cell, style)) = cells.next_cell_with_style_id().map_err(err)? {
                let (row, col) = cell.get_position();
                // Formatting is not data: a styled empty cell far from the table
                // (row 150 000, column GZ) is not counted against the limits.
                if let DataRef::Empty = cell.get_value() {
                    continue;
                }
                grid.check_pos(row, col)?;
                // Refuse an over-long string before copying it.
                if let DataRef::String(t) = cell.get_value() {
                    grid.check_text_len(t)?;
                } else if let DataRef::SharedString(t) = cell.get_value() {
                    grid.check_text_len(t)?;
                }
                if let Some(raw) = convert(cell.get_value().clone()) {
                    let font = fonts.get(style).and_then(|f| f.as_deref());
                    grid.push_font(row, col, raw, font)?;
                }
            }
        }
        let merges = book.merge_cells_by_sheet_name(&name).map_err(err)?;
        grid.add_merges(&merges);
        out.push(grid.finish());
    }
    Ok(Workbook {
        format: Format::Xlsx,
        sheets: out,
    })
}
