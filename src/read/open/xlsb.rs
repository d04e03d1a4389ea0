//! .xlsb (Excel binary workbook): the record parts' records are walked first
//! (a record may not claim more bytes than its part holds, so calamine never
//! sizes a buffer from a lying length), then cells are streamed with calamine's
//! cell reader into a sparse grid, as for .xlsx. A package calamine would refuse
//! is rewritten first (`xlsx::normalize`): the workbook part moved to
//! `xl/workbook.bin`, Excel 4.0 macro sheets set aside, UTF-16 XML parts.

use std::io::{self, Cursor, Read};

use calamine::{DataRef, Reader, Xlsb, XlsbError};

use super::{convert, corrupt, worksheet_names, GridBuilder, Limits};
use crate::read::{Format, ReadError, Workbook};

fn err(e: XlsbError) -> ReadError {
    match e {
        XlsbError::Password => ReadError::Encrypted,
        e => corrupt(format!("xlsb: {e}")),
    }
}

/// One variable-length number of a BIFF12 record header (`bytes` at most 7-bit
/// groups); `None` at the end of the part.
fn varint(r: &mut impl Read, bytes: usize) -> io::Result<Option<u64>> {
    let mut v = 0u64;
    for i in 0..bytes {
        let mut b = [0u8];
        if r.read(&mut b)? == 0 {
            return if i == 0 {
                Ok(None)
            } else {
                Err(io::ErrorKind::UnexpectedEof.into())
            };
        }
        v |= u64::from(b[0] & 0x7F) << (7 * i);
        if b[0] & 0x80 == 0 {
            break;
        }
    }
    Ok(Some(v))
}

/// Walks the records of one binary part: each declared length must be there.
fn walk(part: impl Read, name: &str) -> Result<(), ReadError> {
    let mut r = io::BufReader::new(part);
    let bad = |e: io::Error| corrupt(format!("xlsb {name}: {e}"));
    while varint(&mut r, 2).map_err(bad)?.is_some() {
        let len = varint(&mut r, 4)
            .map_err(bad)?
            .ok_or_else(|| corrupt(format!("xlsb {name}: record cut short")))?;
        let got = io::copy(&mut (&mut r).take(len), &mut io::sink()).map_err(bad)?;
        if got < len {
            return Err(corrupt(format!("xlsb {name}: record cut short")));
        }
    }
    Ok(())
}

fn prescan(bytes: &[u8]) -> Result<(), ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| corrupt(format!("broken zip package: {e}")))?;
    for i in 0..zip.len() {
        let f = zip
            .by_index(i)
            .map_err(|e| corrupt(format!("broken zip entry: {e}")))?;
        let name = f.name().map(|n| n.into_owned()).unwrap_or_default();
        // The record parts calamine reads (printer settings, VBA projects and
        // embeddings are other formats under the same extension).
        let lower = name.to_ascii_lowercase();
        let records = matches!(
            lower.as_str(),
            "xl/workbook.bin" | "xl/styles.bin" | "xl/sharedstrings.bin"
        ) || (lower.starts_with("xl/worksheets/") && lower.ends_with(".bin"));
        if records {
            walk(f, &name)?;
        }
    }
    Ok(())
}

pub(super) fn read(bytes: Vec<u8>, limits: &Limits) -> Result<Workbook, ReadError> {
    // calamine reads the workbook only at `xl/workbook.bin`; `_rels/.rels` may
    // name another place (Excel and LibreOffice follow it).
    let main = {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice()))
            .map_err(|e| corrupt(format!("broken zip package: {e}")))?;
        let names = super::entry_names(&zip);
        super::office_document(&mut zip, &names)
            .filter(|m| !m.eq_ignore_ascii_case("xl/workbook.bin"))
    };
    let bytes = super::xlsx::normalize(bytes, limits, main.as_deref())?.bytes;
    prescan(&bytes)?;
    let mut book: Xlsb<_> = Xlsb::new(Cursor::new(bytes)).map_err(err)?;
    let sheets = worksheet_names(book.sheets_metadata());
    let mut out = Vec::with_capacity(sheets.len());
    for name in sheets {
        let mut grid = GridBuilder::new(name.clone(), limits);
        {
            let mut cells = book.worksheet_cells_reader(&name).map_err(err)?;
            while let Some(cell) = cells.next_cell().map_err(err)? {
                let (row, col) = cell.get_position();
                // Formatting is not data: an empty styled cell is not counted.
                if let DataRef::Empty = cell.get_value() {
                    continue;
                }
                grid.check_pos(row, col)?;
                if let DataRef::String(t) = cell.get_value() {
                    grid.check_text_len(t)?;
                }
                if let Some(raw) = convert(cell.get_value().clone()) {
                    grid.push_font(row, col, raw, None)?;
                }
            }
        }
        // calamine 0.38 reads no merged regions from .xlsb.
        out.push(grid.finish());
    }
    Ok(Workbook {
        format: Format::Xlsb,
        sheets: out,
    })
}
