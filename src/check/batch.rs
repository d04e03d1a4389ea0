//! A folder of unit spreadsheets checked as one batch: which files to read, each
//! file checked on its own (in parallel), then the batch-level findings — a lead
//! unit that sent nothing (E301), another unit that sent nothing (W302), two files
//! claiming one unit (E303), a stray non-spreadsheet file (W304).

use std::collections::{BTreeMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};

use crate::par::*;

use crate::check::{check_file, CheckedFile, Rules};
use crate::finding::{Code, Finding, Kind, UnitName};
use crate::plan::Plan;
use crate::read::Limits;

/// Extensions read as spreadsheets (the content decides the real format).
const SPREADSHEET_EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// The files of an input folder, sorted by name.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Inputs {
    pub spreadsheets: Vec<PathBuf>,
    /// Files that are not spreadsheets (W304).
    pub strays: Vec<PathBuf>,
}

/// Lists an input folder: spreadsheets by extension (case-insensitive), other files
/// as strays. Office lock files (`~$…`), hidden files and sub-folders are skipped
/// without a word. A pipe, socket or device (or a link to nothing) is a stray
/// whatever its name: it is never opened.
pub fn list_inputs(dir: &Path) -> io::Result<Inputs> {
    let mut inputs = Inputs::default();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        let path = entry.path();
        // Follows a link, as opening would; looks, never opens.
        let meta = std::fs::metadata(&path).ok();
        if meta.as_ref().is_some_and(|m| m.is_dir()) {
            continue;
        }
        let regular = meta.is_some_and(|m| m.is_file());
        if regular && is_spreadsheet_name(&path) {
            inputs.spreadsheets.push(path);
        } else {
            inputs.strays.push(path);
        }
    }
    inputs.spreadsheets.sort();
    inputs.strays.sort();
    Ok(inputs)
}

fn is_spreadsheet_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        SPREADSHEET_EXTENSIONS
            .iter()
            .any(|s| e.eq_ignore_ascii_case(s))
    })
}

/// A checked batch.
#[derive(Debug, Clone)]
pub struct Batch {
    /// Every spreadsheet, checked, in file-name order.
    pub files: Vec<CheckedFile>,
    /// Batch-level findings (E301, W302, E303, W304).
    pub findings: Vec<Finding>,
    /// Files named by an E303 (a unit claimed twice), looked up once per file.
    conflicts: HashSet<PathBuf>,
}

impl Batch {
    pub fn new(files: Vec<CheckedFile>, findings: Vec<Finding>) -> Batch {
        let conflicts = findings
            .iter()
            .filter(|f| f.code() == Code::E303)
            .flat_map(|f| f.paths.iter().cloned())
            .collect();
        Batch {
            files,
            findings,
            conflicts,
        }
    }

    pub fn errors(&self) -> usize {
        self.files.iter().map(CheckedFile::errors).sum::<usize>()
            + self.findings.iter().filter(|f| f.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.files.iter().map(CheckedFile::warnings).sum::<usize>()
            + self.findings.iter().filter(|f| !f.is_error()).count()
    }

    /// Whether a file's rows may reach the report: no file-level error, and its unit
    /// not claimed by another file.
    pub fn is_includable(&self, file: &CheckedFile) -> bool {
        file.unit.is_some() && !file.has_file_error() && !self.conflicts.contains(&file.path)
    }
}

/// Checks every spreadsheet (in parallel; `on_done` is called after each file, for
/// a progress bar) and adds the batch-level findings.
pub fn check_batch(
    rules: &Rules<'_>,
    inputs: &Inputs,
    limits: &Limits,
    on_done: &(dyn Fn() + Sync),
) -> Batch {
    let files: Vec<CheckedFile> = inputs
        .spreadsheets
        .par_iter()
        .map(|p| {
            let f = check_file(rules, p, None, limits);
            on_done();
            f
        })
        .collect();
    let findings = batch_findings(rules.plan, &files, &inputs.strays);
    Batch::new(files, findings)
}

/// E303 for every unit claimed by two or more files, E301/W302 for units that sent
/// nothing, W304 for strays. A file whose unit is unknown but whose name names a
/// unit (a corrupt `TTUD.xlsx`) counts as that unit having sent something: it
/// already has its own error, and "did not send" would be false.
pub fn batch_findings(plan: &Plan, files: &[CheckedFile], strays: &[PathBuf]) -> Vec<Finding> {
    let mut by_unit: BTreeMap<&str, Vec<&Path>> = BTreeMap::new();
    let mut sent_something: Vec<&str> = Vec::new();
    for f in files {
        match &f.unit {
            Some(code) => {
                by_unit.entry(code.as_str()).or_default().push(&f.path);
                sent_something.push(code);
            }
            None => {
                let stem = f
                    .path
                    .file_stem()
                    .map(|s| s.to_string_lossy())
                    .unwrap_or_default();
                if let Some(u) = plan.unit_from_file_stem(&stem) {
                    sent_something.push(&u.code);
                }
            }
        }
    }
    let mut out = Vec::new();
    for (unit, paths) in &by_unit {
        if paths.len() > 1 {
            let kind = Kind::UnitClaimedTwice {
                unit: unit.to_string(),
                files: paths.iter().map(|p| p.to_path_buf()).collect(),
            };
            let mut f = Finding::new(kind).unit(unit);
            for p in paths {
                f = f.path(*p);
            }
            out.push(f);
        }
    }
    let leads = plan.lead_unit_codes();
    for unit in &plan.units {
        if sent_something.contains(&unit.code.as_str()) {
            continue;
        }
        let name = UnitName {
            code: unit.code.clone(),
            name: unit.name.clone(),
        };
        let kind = if leads.contains(unit.code.as_str()) {
            let tasks = plan.lead_tasks(&unit.code).map(|t| t.number).collect();
            Kind::LeadUnitMissing { unit: name, tasks }
        } else {
            Kind::UnitMissing { unit: name }
        };
        out.push(Finding::new(kind).unit(&unit.code));
    }
    for p in strays {
        let kind = Kind::StrayFile { path: p.clone() };
        out.push(Finding::new(kind).path(p));
    }
    out.sort_by(|a, b| (a.code(), &a.unit).cmp(&(b.code(), &b.unit)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fsutil::file_name;

    fn file(path: &str, unit: Option<&str>) -> CheckedFile {
        CheckedFile {
            path: PathBuf::from(path),
            unit: unit.map(str::to_string),
            sheet: None,
            rows_total: 0,
            rows: Vec::new(),
            findings: Vec::new(),
            report_date: None,
            difficulties: Vec::new(),
            proposals: Vec::new(),
            ignored_sheets: Vec::new(),
        }
    }

    fn codes(fs: &[Finding]) -> Vec<(Code, Option<&str>)> {
        fs.iter().map(|f| (f.code(), f.unit.as_deref())).collect()
    }

    #[test]
    fn missing_units_are_e301_for_leads_and_w302_for_others() {
        let p = Plan::shipped();
        let files = [
            file("in/TTUD.xlsx", Some("TTUD")),
            file("in/HCTH.xlsx", Some("HCTH")),
            file("in/QLKH.xlsx", Some("QLKH")),
            file("in/QLCN.xlsx", Some("QLCN")),
        ];
        let got = batch_findings(&p, &files, &[]);
        assert_eq!(
            codes(&got),
            [
                (Code::E301, Some("CCTC")),
                (Code::E301, Some("QLTC")),
                (Code::W302, Some("TTRA")),
            ]
        );
        assert!(
            matches!(&got[0].kind, Kind::LeadUnitMissing { tasks, .. } if tasks == &[6]),
            "{:?}",
            got[0]
        );
    }

    #[test]
    fn two_files_for_one_unit_is_e303_naming_both() {
        let p = Plan::shipped();
        let files: Vec<CheckedFile> = ["HCTH", "TTUD", "QLTC", "CCTC", "TTRA", "QLKH", "QLCN"]
            .iter()
            .map(|u| file(&format!("in/{u}.xlsx"), Some(u)))
            .chain([file("in/TTUD-ban-2.xlsx", Some("TTUD"))])
            .collect();
        let got = batch_findings(&p, &files, &[PathBuf::from("in/notes.pdf")]);
        assert_eq!(
            codes(&got),
            [(Code::E303, Some("TTUD")), (Code::W304, None)]
        );
        assert_eq!(got[0].paths.len(), 2);
        let batch = Batch::new(files, got);
        assert!(!batch.is_includable(&batch.files[1]));
        assert!(batch.is_includable(&batch.files[0]));
    }

    #[test]
    fn an_unreadable_file_named_for_a_unit_counts_as_sent() {
        let p = Plan::shipped();
        let files: Vec<CheckedFile> = ["HCTH", "QLTC", "CCTC", "TTRA", "QLKH", "QLCN"]
            .iter()
            .map(|u| file(&format!("in/{u}.xlsx"), Some(u)))
            .chain([file("in/TTUD.xlsx", None)])
            .collect();
        assert!(batch_findings(&p, &files, &[]).is_empty());
    }

    #[test]
    fn listing_skips_lock_and_hidden_files() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "TTUD.XLSX",
            "b.ods",
            "c.xls",
            "~$TTUD.xlsx",
            ".hidden.xlsx",
            "notes.txt",
        ] {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        std::fs::create_dir(dir.path().join("old")).unwrap();
        let got = list_inputs(dir.path()).unwrap();
        let names = |v: &[PathBuf]| v.iter().map(|p| file_name(p)).collect::<Vec<_>>();
        assert_eq!(names(&got.spreadsheets), ["TTUD.XLSX", "b.ods", "c.xls"]);
        assert_eq!(names(&got.strays), ["notes.txt"]);
    }
}
