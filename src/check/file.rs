//! Reading one file for the checks: a file the reader gives up on is one
//! file-level finding (E001, E002, E003, E006), never a crash; text the reader
//! converted is reported once per file (W203).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use super::{check_table, CheckedFile, Rules};
use crate::finding::{Finding, Kind};
use crate::read::legacy::Encoding;
use crate::read::table::find_table;
use crate::read::{panic_message, LimitKind, Limits, ReadError, TextFix};

/// Checks one file against the plan. Never panics on bad input: every problem is a
/// finding. `forced_unit` is `check --unit CODE`.
///
/// The reader's errors become E001/E002/E006 (`read::open` also turns a panic in a
/// third-party reader into E001), and a panic while finding the table becomes E001
/// too, so one file never stops a batch.
pub fn check_file(
    rules: &Rules<'_>,
    path: &Path,
    forced_unit: Option<&str>,
    limits: &Limits,
) -> CheckedFile {
    check_opened(rules, path, crate::read::open(path, limits), forced_unit)
}

/// Checks a file's content (an upload, a file the browser holds) as [`check_file`]
/// checks a file; `name` is the file's name as the user knows it (it may name the
/// unit, as a file name does).
pub fn check_bytes(
    rules: &Rules<'_>,
    name: &str,
    bytes: Vec<u8>,
    forced_unit: Option<&str>,
    limits: &Limits,
) -> CheckedFile {
    let opened = crate::read::open_bytes(bytes, limits);
    check_opened(rules, Path::new(name), opened, forced_unit)
}

fn check_opened(
    rules: &Rules<'_>,
    path: &Path,
    opened: Result<crate::read::Workbook, crate::read::ReadError>,
    forced_unit: Option<&str>,
) -> CheckedFile {
    let wb = match opened {
        Ok(wb) => wb,
        Err(e) => return unreadable(path, read_error_finding(&e)),
    };
    let found = catch_unwind(AssertUnwindSafe(|| {
        find_table(&wb, rules.vocabulary, &rules.plan.units_of_measure)
    }));
    let table = match found {
        Ok(Ok(t)) => t,
        Ok(Err(no_header)) => {
            let f = Finding::new(Kind::NoHeader {
                missing: no_header.missing,
            });
            let mut file = unreadable(path, f);
            file.ignored_sheets = wb.sheets.iter().map(|s| s.name.clone()).collect();
            return file;
        }
        Err(panic) => {
            let f = Finding::new(Kind::Corrupt {
                detail: format!("internal error while reading: {}", panic_message(&*panic)),
            });
            return unreadable(path, f);
        }
    };
    check_table(rules, path, &wb, &table, forced_unit)
}

/// A file that could not be read at all: one file-level finding.
fn unreadable(path: &Path, finding: Finding) -> CheckedFile {
    CheckedFile {
        path: path.to_path_buf(),
        unit: None,
        sheet: None,
        rows_total: 0,
        rows: Vec::new(),
        findings: vec![finding],
        report_date: None,
        difficulties: Vec::new(),
        proposals: Vec::new(),
        ignored_sheets: Vec::new(),
    }
}

/// The finding for a file the reader gave up on.
pub fn read_error_finding(e: &ReadError) -> Finding {
    Finding::new(match e {
        ReadError::Corrupt { detail } => Kind::Corrupt {
            detail: detail.clone(),
        },
        ReadError::NotSpreadsheet { found } => Kind::NotSpreadsheet { found: *found },
        ReadError::NotRegularFile => Kind::NotRegularFile,
        ReadError::NoPermission => Kind::NoPermission,
        ReadError::OldExcel => Kind::OldExcel,
        ReadError::Encrypted => Kind::Encrypted,
        &ReadError::Limit {
            kind,
            max: limit,
            found,
        } => match kind {
            LimitKind::FileSize => Kind::FileTooLarge { limit, found },
            LimitKind::Uncompressed => Kind::UncompressedTooLarge { limit, found },
            LimitKind::Cells => Kind::TooManyCells { limit, found },
            LimitKind::Area => Kind::AreaTooLarge { limit, found },
            LimitKind::Rows => Kind::TooManyRows { limit, found },
            LimitKind::Columns => Kind::TooManyColumns { limit, found },
            LimitKind::TextLength => Kind::TextTooLong { limit, found },
        },
    })
}

/// W203: one finding per file for the text the reader converted, at the first
/// such cell: legacy encodings if any (named by the first one's), else composed
/// Unicode.
pub(super) fn text_fix_finding(sheet: &str, fixes: &[(u32, u32, TextFix)]) -> Option<Finding> {
    let legacy: Vec<_> = fixes
        .iter()
        .filter_map(|&(row, col, fix)| match fix {
            TextFix::Tcvn3 => Some((row, col, Encoding::Tcvn3)),
            TextFix::Vni => Some((row, col, Encoding::Vni)),
            TextFix::Decomposed => None,
        })
        .collect();
    if let Some(&(row, col, encoding)) = legacy.first() {
        let kind = Kind::LegacyText {
            count: legacy.len(),
            encoding,
        };
        return Some(Finding::new(kind).at(sheet, row, col));
    }
    let &(row, col, _) = fixes.first()?;
    let kind = Kind::DecomposedText { count: fixes.len() };
    Some(Finding::new(kind).at(sheet, row, col))
}
