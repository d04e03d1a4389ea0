//! Reading a unit's results spreadsheet: `open` turns a file of any supported
//! format into a [`Workbook`] of sparse [`Grid`]s (guarding against hostile files),
//! and `table` finds the title block, header, data rows and remarks in a grid.

pub mod legacy;
pub mod open;
pub mod table;

use std::collections::BTreeMap;

pub use crate::value::CellValue;
pub use open::{in_reader_guard, open, open_bytes, panic_message, Limits};

/// The container format found by sniffing the file's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    /// Excel binary workbook (.xlsb), read with calamine's cell reader.
    Xlsb,
    Xls,
    Ods,
}

/// A rectangle of cells, 0-based inclusive (a merged region).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub first_row: u32,
    pub first_col: u32,
    pub last_row: u32,
    pub last_col: u32,
}

impl Rect {
    pub fn contains(&self, row: u32, col: u32) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_col..=self.last_col).contains(&col)
    }
}

/// Why a cell's text was rewritten while reading (reported as W203).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFix {
    /// Decomposed Unicode (NFD) composed to NFC.
    Decomposed,
    /// TCVN3 (ABC, `.VnTime` fonts) converted to Unicode.
    Tcvn3,
    /// VNI-Windows (`VNI-Times` fonts) converted to Unicode.
    Vni,
}

/// One worksheet: only its non-empty cells, row-major, 0-based (row, col).
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub name: String,
    pub rows: BTreeMap<u32, BTreeMap<u32, CellValue>>,
    pub merges: Vec<Rect>,
    /// Cells whose text was rewritten while reading, in reading order.
    pub fixes: Vec<(u32, u32, TextFix)>,
}

impl Grid {
    pub fn get(&self, row: u32, col: u32) -> Option<&CellValue> {
        self.rows.get(&row).and_then(|r| r.get(&col))
    }

    /// The merged region that covers this cell, if any.
    pub fn merge_at(&self, row: u32, col: u32) -> Option<&Rect> {
        self.merges.iter().find(|m| m.contains(row, col))
    }

    /// Number of non-empty cells.
    pub fn cell_count(&self) -> usize {
        self.rows.values().map(BTreeMap::len).sum()
    }
}

/// A whole file: its sheets in workbook order.
#[derive(Debug, Clone)]
pub struct Workbook {
    pub format: Format,
    pub sheets: Vec<Grid>,
}

/// A safety limit a file went over (E006).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitKind {
    /// Size of the file on disk, bytes.
    FileSize,
    /// Total uncompressed size of the package's parts, bytes.
    Uncompressed,
    /// Non-empty cells in one sheet.
    Cells,
    /// Cells in the rectangle from a sheet's first to its last used cell (what a
    /// dense reader would allocate).
    Area,
    /// Highest row number used in a sheet.
    Rows,
    /// Highest column number used in a sheet.
    Columns,
    /// Characters in one cell.
    TextLength,
}

/// A kind of file that is not a spreadsheet we read, recognised by its content
/// (named to the user in their language by `messages`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Rtf,
    Text,
    Html,
    Xml,
    /// Excel 2003 XML spreadsheet (unsupported).
    Excel2003Xml,
    Csv,
    /// Excel binary workbook: no longer refused (it is read), kept for callers
    /// that name it.
    Xlsb,
    Docx,
    Doc,
    Pptx,
    Ppt,
    Odt,
    Odp,
    /// A gzip-compressed file: what Gnumeric saves (compressed XML).
    Gzip,
}

impl FileKind {
    /// Every kind, for tests and listings.
    pub const ALL: [FileKind; 15] = [
        FileKind::Pdf,
        FileKind::Rtf,
        FileKind::Text,
        FileKind::Html,
        FileKind::Xml,
        FileKind::Excel2003Xml,
        FileKind::Csv,
        FileKind::Xlsb,
        FileKind::Docx,
        FileKind::Doc,
        FileKind::Pptx,
        FileKind::Ppt,
        FileKind::Odt,
        FileKind::Odp,
        FileKind::Gzip,
    ];

    /// A stable id, used as a finding argument and translated by `messages`.
    pub fn id(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Rtf => "rtf",
            FileKind::Text => "text",
            FileKind::Html => "html",
            FileKind::Xml => "xml",
            FileKind::Excel2003Xml => "excel2003xml",
            FileKind::Csv => "csv",
            FileKind::Xlsb => "xlsb",
            FileKind::Docx => "docx",
            FileKind::Doc => "doc",
            FileKind::Pptx => "pptx",
            FileKind::Ppt => "ppt",
            FileKind::Odt => "odt",
            FileKind::Odp => "odp",
            FileKind::Gzip => "gzip",
        }
    }
}

/// Why a file could not be read at all: a file-level finding, never a crash.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// E001: corrupt, truncated or unreadable; `detail` is for verbose output.
    Corrupt { detail: String },
    /// E001: a known non-spreadsheet format under a spreadsheet name.
    NotSpreadsheet { found: FileKind },
    /// E001: a pipe, socket or device under a spreadsheet's name; never opened.
    NotRegularFile,
    /// E001: the program may not read the file (permissions).
    NoPermission,
    /// E001: an Excel 2.x–4.0 worksheet (BIFF2–4), which nothing here reads.
    OldExcel,
    /// E002: encrypted / password protected.
    Encrypted,
    /// E006: over a safety limit.
    Limit {
        kind: LimitKind,
        max: u64,
        found: u64,
    },
}

/// Converts a 0-based column to its letters (0 → `A`, 27 → `AB`).
pub fn column_letters(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

/// The A1 address the user sees for a 0-based (row, col).
pub fn a1(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_addresses() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(11, 5), "F12");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(16383), "XFD");
    }
}
