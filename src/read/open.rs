//! Opening a spreadsheet file of any supported format, chosen by content, into a
//! [`Workbook`], with safety limits checked before anything large is allocated.

use std::path::Path;

use super::{ReadError, Workbook};

/// Safety limits a real unit file never reaches (E006 names the one exceeded).
#[derive(Debug, Clone)]
pub struct Limits {
    pub file_size: u64,
    pub uncompressed: u64,
    pub cells: u64,
    pub rows: u64,
    pub columns: u64,
    pub text_length: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_size: 50 * 1024 * 1024,
            uncompressed: 200 * 1024 * 1024,
            cells: 1_000_000,
            rows: 100_000,
            columns: 200,
            text_length: 32_767,
        }
    }
}

/// Reads the file into a workbook, or says why it cannot be read.
pub fn open(path: &Path, limits: &Limits) -> Result<Workbook, ReadError> {
    let _ = (path, limits);
    todo!("read::open")
}
