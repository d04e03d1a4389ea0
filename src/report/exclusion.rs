//! What stays out of the report, and why, as data: a whole file (with the finding
//! that keeps it out) or some rows of an included file. The report's texts word it
//! (`render`); nothing here is a sentence.

use std::path::PathBuf;

use crate::check::batch::Batch;
use crate::check::CheckedFile;
use crate::finding::{Code, Finding};
use crate::plan::Plan;

/// Why a whole file stays out of the report.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// Its first error (or the E303 that names it).
    Finding(Box<Finding>),
    /// No error says why, and its unit could not be told.
    UnitUnknown,
}

/// A file kept out of the report, or the rows of an included file left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Exclusion {
    pub path: PathBuf,
    pub unit: Option<String>,
    /// The rows left out (1-based), or empty when the whole file is left out.
    pub rows: Vec<u32>,
    /// Why the whole file is left out (`None` for rows: each has its own finding).
    pub reason: Option<Reason>,
}

impl Exclusion {
    /// The order and identity the report lists exclusions by.
    pub fn key(&self) -> (&PathBuf, &Option<String>, &Vec<u32>) {
        (&self.path, &self.unit, &self.rows)
    }
}

/// Why each file, or some of its rows, stays out of the report: files with a
/// file-level error or a unit claimed twice, and rows in error of the files that
/// are included. A file excluded as a whole has, when its unit is unknown, the unit
/// its name names.
pub fn exclusions(batch: &Batch, plan: &Plan) -> Vec<Exclusion> {
    let mut out = Vec::new();
    for f in &batch.files {
        if !batch.is_includable(f) {
            let first_error = batch
                .findings
                .iter()
                .filter(|x| x.code() == Code::E303 && x.paths.contains(&f.path))
                .chain(f.findings.iter().filter(|x| x.is_error()))
                .next();
            let reason = match first_error {
                Some(x) => Reason::Finding(Box::new(x.clone())),
                None => Reason::UnitUnknown,
            };
            out.push(Exclusion {
                path: f.path.clone(),
                unit: file_unit(plan, f),
                rows: Vec::new(),
                reason: Some(reason),
            });
            continue;
        }
        let mut bad_rows: Vec<u32> = f
            .findings
            .iter()
            .filter(|x| x.is_error())
            .filter_map(|x| x.row_number())
            .collect();
        bad_rows.sort_unstable();
        bad_rows.dedup();
        if !bad_rows.is_empty() {
            out.push(Exclusion {
                path: f.path.clone(),
                unit: f.unit.clone(),
                rows: bad_rows,
                reason: None,
            });
        }
    }
    out
}

/// The file's unit, or for a file whose unit could not be read (a corrupt
/// `QLKH.xlsx`) the unit its name names: that unit did send something, as
/// `batch_findings` already counts it.
pub fn file_unit(plan: &Plan, f: &CheckedFile) -> Option<String> {
    f.unit.clone().or_else(|| {
        let stem = f.path.file_stem()?.to_string_lossy();
        plan.unit_from_file_stem(&stem).map(|u| u.code.clone())
    })
}

/// The files of `files` that belong to each unit of the plan ([`file_unit`],
/// worked out once per file), in the plan's unit order, then those of no unit.
pub fn files_by_unit<'b>(
    plan: &Plan,
    files: &'b [CheckedFile],
) -> (Vec<Vec<&'b CheckedFile>>, Vec<&'b CheckedFile>) {
    let mut by_unit = vec![Vec::new(); plan.units.len()];
    let mut none = Vec::new();
    for f in files {
        let unit = file_unit(plan, f);
        match unit.and_then(|u| plan.units.iter().position(|p| p.code == u)) {
            Some(i) => by_unit[i].push(f),
            None => none.push(f),
        }
    }
    (by_unit, none)
}
