//! The checks of `shared/spec/validation.md` for one file: file-, row- and unit-level
//! findings, and the rows that pass them ([`ResultRow`]), ready for aggregation.
//!
//! By job: `file` reads a file (a reader error is a file-level finding) and reports
//! the text the reader converted (W203); `unit` finds whose file it is (E004,
//! E005) and checks it as a whole (E201, W202); `row` checks each data row, one
//! function per column; `batch` checks a folder of files. This module ties them
//! together ([`check_table`]).

pub mod batch;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::finding::{Finding, Kind, Level};
use crate::plan::{Plan, Role};
use crate::read::table::{Column, UnitTable};
use crate::read::{CellValue, Workbook};
use crate::text::squash_spaces;
use crate::value::{Period, Status};

pub use file::{check_file, read_error_finding};

/// One checked data row, as it goes into the report.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultRow {
    /// The unit's code.
    pub unit: String,
    pub path: PathBuf,
    pub sheet: String,
    /// 1-based sheet row, as the user sees it.
    pub row: u32,
    pub task: u32,
    pub role: Option<Role>,
    pub activity: String,
    pub quantity: Option<u64>,
    /// Unit of measure in the plan's spelling, or as written when unknown (W114).
    pub measure: Option<String>,
    /// The time as written (or `dd/mm/yyyy` for a date cell).
    pub time_text: String,
    pub period: Period,
    pub status: Status,
    pub content_areas: Vec<u32>,
    pub evidence: Option<String>,
}

/// The outcome of checking one file.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedFile {
    pub path: PathBuf,
    /// The plan's unit code, `None` when E004/E005 (or unreadable).
    pub unit: Option<String>,
    /// The sheet read, if any.
    pub sheet: Option<String>,
    /// Data rows found in the sheet.
    pub rows_total: usize,
    /// Rows without any error finding, in sheet order.
    pub rows: Vec<ResultRow>,
    pub findings: Vec<Finding>,
    pub report_date: Option<NaiveDate>,
    /// The unit's remarks (`Khó khăn, vướng mắc`, `Đề xuất, kiến nghị`).
    pub difficulties: Vec<String>,
    pub proposals: Vec<String>,
    /// Sheets not read (for verbose output).
    pub ignored_sheets: Vec<String>,
}

impl CheckedFile {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }

    /// Whether a file-level error (E0xx) keeps the whole file out of the report.
    pub fn has_file_error(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.is_error() && f.code().level() == Level::File)
    }
}

/// The stable identifier of a column (`quantity`), for programs and logs; users
/// read the column's name in their language (`messages::column_label`).
pub fn column_id(c: Column) -> &'static str {
    match c {
        Column::RowNumber => "row_number",
        Column::Task => "task",
        Column::Activity => "activity",
        Column::Quantity => "quantity",
        Column::Measure => "measure",
        Column::Time => "time",
        Column::Status => "status",
        Column::ContentAreas => "content_areas",
        Column::Evidence => "evidence",
    }
}

/// Where a row's finding goes: the row's cell in a column, or the sheet when the
/// column is not in the header (optional columns).
struct At<'a> {
    sheet: &'a str,
    table: &'a UnitTable,
}

impl At<'_> {
    fn cell(&self, f: Finding, row: u32, col: Column) -> Finding {
        match self.table.columns.get(&col) {
            Some(&c) => f.at(self.sheet, row, c),
            None => f.in_sheet(self.sheet),
        }
    }
}

/// The checks of one table, pure: no file access. `check_file` reads, this judges.
pub fn check_table(
    plan: &Plan,
    path: &Path,
    wb: &Workbook,
    table: &UnitTable,
    forced_unit: Option<&str>,
) -> CheckedFile {
    let sheet = table.sheet.as_str();
    let at = At { sheet, table };
    let mut findings = Vec::new();

    let unit = unit::resolve_unit(plan, path, table, forced_unit, &mut findings);

    if table.rows.is_empty() {
        let col = table.columns.values().min().copied().unwrap_or(0);
        findings.push(Finding::new(Kind::NoDataRows).at(sheet, table.header_rows.0, col));
    }

    let mut rows = Vec::new();
    let mut tasks_reported: BTreeSet<u32> = BTreeSet::new();
    let mut duplicates = row::Duplicates::default();
    for raw in &table.rows {
        let before = findings.len();
        let row = row::check_row(plan, unit.as_deref(), raw, &at, &mut findings);
        tasks_reported.extend(row.task);
        duplicates.check(&row, raw, &at, &mut findings);
        let row_has_error = findings[before..].iter().any(Finding::is_error);
        if let (false, Some(unit)) = (row_has_error, &unit) {
            if let Some(r) = row.into_result(plan, unit, path, sheet, raw) {
                rows.push(r);
            }
        }
    }

    if let Some(code) = &unit {
        unit::missing_lead_tasks(plan, code, &tasks_reported, sheet, &mut findings);
    }
    let report_date = unit::report_date(plan, table, &mut findings);
    if let Some(grid) = wb.sheets.get(table.sheet_index) {
        findings.extend(file::text_fix_finding(sheet, &grid.fixes));
    }

    sort_findings(&mut findings);
    // Rows under one bad group row share its task cell: say it once.
    findings.dedup();
    CheckedFile {
        path: path.to_path_buf(),
        unit,
        sheet: Some(table.sheet.clone()),
        rows_total: table.rows.len(),
        rows,
        findings,
        report_date,
        difficulties: table.difficulties.iter().map(|l| l.value.clone()).collect(),
        proposals: table.proposals.iter().map(|l| l.value.clone()).collect(),
        ignored_sheets: table.ignored_sheets.clone(),
    }
}

/// File-level findings first, then by (row, column, code).
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by_key(|f| (f.cell.is_some(), f.cell, f.code()));
}

/// A cell's text as stored and printed, runs of spaces squashed (the reader has
/// already made all text NFC).
fn clean_text(v: &CellValue) -> String {
    squash_spaces(&v.display())
}

mod file {
    //! Reading one file for the checks: a file the reader gives up on is one
    //! file-level finding (E001, E002, E003, E006), never a crash; text the reader
    //! converted is reported once per file (W203).

    use std::panic::{catch_unwind, AssertUnwindSafe};
    use std::path::Path;

    use super::{check_table, CheckedFile};
    use crate::finding::{Finding, Kind};
    use crate::plan::Plan;
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
        plan: &Plan,
        path: &Path,
        forced_unit: Option<&str>,
        limits: &Limits,
    ) -> CheckedFile {
        let wb = match crate::read::open(path, limits) {
            Ok(wb) => wb,
            Err(e) => return unreadable(path, read_error_finding(&e)),
        };
        let found = catch_unwind(AssertUnwindSafe(|| find_table(&wb)));
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
        check_table(plan, path, &wb, &table, forced_unit)
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
}

mod unit {
    //! Whose file it is (E004, E005) and the checks of the file as the unit's report:
    //! a task it leads with no row (E201), a late report date (W202).

    use std::collections::BTreeSet;
    use std::path::Path;

    use chrono::NaiveDate;

    use crate::finding::{Finding, Kind, UnitName};
    use crate::plan::{Plan, Unit, UnitMatch};
    use crate::read::table::UnitTable;
    use crate::read::CellValue;
    use crate::text::{fold, squash_spaces};
    use crate::value::parse_time_text;

    /// The unit of the file: `--unit`, else the title block, else the file name.
    pub(super) fn resolve_unit(
        plan: &Plan,
        path: &Path,
        table: &UnitTable,
        forced_unit: Option<&str>,
        findings: &mut Vec<Finding>,
    ) -> Option<String> {
        let names = |near: &[&Unit]| {
            near.iter()
                .map(|u| UnitName {
                    code: u.code.clone(),
                    name: u.name.clone(),
                })
                .collect()
        };
        if let Some(forced) = forced_unit {
            return match plan.match_unit(forced) {
                UnitMatch::Found(u) => Some(u.code.clone()),
                UnitMatch::Unknown(near) => {
                    let kind = Kind::ForcedUnitNotInPlan {
                        code: forced.to_string(),
                        suggestions: names(&near),
                    };
                    findings.push(Finding::new(kind).in_sheet(&table.sheet));
                    None
                }
            };
        }
        if let Some(written) = table.unit.as_ref().filter(|u| !u.value.trim().is_empty()) {
            return match plan.match_unit(&written.value) {
                UnitMatch::Found(u) => Some(u.code.clone()),
                UnitMatch::Unknown(near) => {
                    let kind = Kind::UnitNotInPlan {
                        written: squash_spaces(&written.value),
                        suggestions: names(&near),
                    };
                    findings.push(Finding::new(kind).at(&table.sheet, written.row, written.col));
                    None
                }
            };
        }
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        if let Some(u) = stem.as_deref().and_then(|s| plan.unit_from_file_stem(s)) {
            return Some(u.code.clone());
        }
        let kind = Kind::UnitUnknown {
            file_stem: stem.unwrap_or_default(),
        };
        findings.push(Finding::new(kind).in_sheet(&table.sheet));
        None
    }

    /// E201: one finding per task the unit leads that no row reports.
    pub(super) fn missing_lead_tasks(
        plan: &Plan,
        unit: &str,
        tasks_reported: &BTreeSet<u32>,
        sheet: &str,
        findings: &mut Vec<Finding>,
    ) {
        for task in plan.lead_tasks(unit) {
            if !tasks_reported.contains(&task.number) {
                let kind = Kind::LeadTaskMissing {
                    task: task.number,
                    title: task.short_title.clone(),
                };
                findings.push(Finding::new(kind).in_sheet(sheet));
            }
        }
    }

    /// The report date of the title block, if readable; W202 when it is after the
    /// units' deadline.
    pub(super) fn report_date(
        plan: &Plan,
        table: &UnitTable,
        findings: &mut Vec<Finding>,
    ) -> Option<NaiveDate> {
        let d = table.report_date.as_ref()?;
        let date = report_date_of(&d.value)?;
        let deadline = plan.deadlines.units_report;
        if date > deadline {
            let kind = Kind::LateReport { date, deadline };
            findings.push(Finding::new(kind).at(&table.sheet, d.row, d.col));
        }
        Some(date)
    }

    /// The report date of the title block: a date cell, a day written as text
    /// (`10/11/2024`), or `ngày 10 tháng 11 năm 2024`. Anything else is ignored: the
    /// date is optional and only used for lateness (W202).
    fn report_date_of(v: &CellValue) -> Option<NaiveDate> {
        match v {
            CellValue::Date(d) => Some(*d),
            CellValue::Text(s) => {
                if let Ok(p) = parse_time_text(s, 0) {
                    return (p.start == p.end).then_some(p.start);
                }
                let f = fold(s);
                let nums: Vec<u32> = f
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|p| !p.is_empty())
                    .filter_map(|p| p.parse().ok())
                    .collect();
                match (f.contains("ngay") && f.contains("thang"), nums.as_slice()) {
                    (true, [d, m, y]) => NaiveDate::from_ymd_opt(*y as i32, *m, *d),
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

mod row {
    //! The checks of one data row, one function per column (E101–E115, W103–W114),
    //! and of rows against each other (W110).

    use std::collections::HashMap;
    use std::path::Path;

    use super::{clean_text, At, ResultRow};
    use crate::finding::{Finding, Kind};
    use crate::plan::Plan;
    use crate::read::table::{Column, Located, RawRow};
    use crate::read::CellValue;
    use crate::text::fold;
    use crate::value::{
        parse_content_areas, parse_quantity, parse_status, parse_task_ref, parse_time, Period,
        QuantityError, Status, TimeError,
    };

    /// What the checks of one row made of it; `None` where a value is unusable.
    pub(super) struct CheckedRow {
        pub task: Option<u32>,
        activity: Option<String>,
        quantity: Option<u64>,
        measure: Option<String>,
        time_text: String,
        period: Option<Period>,
        status: Option<Status>,
        content_areas: Vec<u32>,
    }

    impl CheckedRow {
        /// The row as it goes into the report, if every value it needs is usable.
        pub fn into_result(
            self,
            plan: &Plan,
            unit: &str,
            path: &Path,
            sheet: &str,
            raw: &RawRow,
        ) -> Option<ResultRow> {
            let task = self.task?;
            let role = plan.task(task).and_then(|t| plan.role(t, unit));
            Some(ResultRow {
                unit: unit.to_string(),
                path: path.to_path_buf(),
                sheet: sheet.to_string(),
                row: raw.row + 1,
                task,
                role,
                activity: self.activity?,
                quantity: self.quantity,
                measure: self.measure,
                time_text: self.time_text,
                period: self.period?,
                status: self.status?,
                content_areas: self.content_areas,
                evidence: raw
                    .cells
                    .get(&Column::Evidence)
                    .map(clean_text)
                    .filter(|s| !s.is_empty()),
            })
        }
    }

    /// Checks one data row, adding its findings.
    pub(super) fn check_row(
        plan: &Plan,
        unit: Option<&str>,
        raw: &RawRow,
        at: &At<'_>,
        findings: &mut Vec<Finding>,
    ) -> CheckedRow {
        let mut c = RowChecks {
            plan,
            unit,
            raw,
            at,
            findings,
        };
        // E111 first: a formula error makes that cell unusable for every other check.
        c.formula_errors();
        let task = c.task();
        let activity = c.activity();
        let quantity = c.quantity();
        let measure = c.measure(quantity);
        let status = c.status();
        c.done_without_quantity(status, quantity);
        let (time_text, period) = c.time(task);
        let content_areas = c.content_areas();
        CheckedRow {
            task,
            activity,
            quantity,
            measure,
            time_text,
            period,
            status,
            content_areas,
        }
    }

    /// One row being checked, and where its findings go.
    struct RowChecks<'a> {
        plan: &'a Plan,
        unit: Option<&'a str>,
        raw: &'a RawRow,
        at: &'a At<'a>,
        findings: &'a mut Vec<Finding>,
    }

    /// A cell that holds a formula error (already E111).
    fn is_error(v: &CellValue) -> bool {
        matches!(v, CellValue::Error(_))
    }

    impl<'a> RowChecks<'a> {
        /// The row's cell in a column; `None` when empty or only spaces.
        fn cell(&self, col: Column) -> Option<&'a CellValue> {
            self.raw
                .cells
                .get(&col)
                .filter(|v| !matches!(v, CellValue::Text(s) if s.trim().is_empty()))
        }

        /// The finding at the row's cell in a column.
        fn finding(&self, kind: Kind, col: Column) -> Finding {
            self.at.cell(Finding::new(kind), self.raw.row, col)
        }

        fn report(&mut self, kind: Kind, col: Column) {
            let f = self.finding(kind, col);
            self.findings.push(f);
        }

        /// E111 at every cell holding a formula error.
        fn formula_errors(&mut self) {
            for (&column, v) in &self.raw.cells {
                if let CellValue::Error(e) = v {
                    let kind = Kind::FormulaError {
                        column,
                        error: e.clone(),
                    };
                    self.report(kind, column);
                }
            }
        }

        /// Task: the row's own cell, else the group row's (E101, E102, W103).
        fn task(&mut self) -> Option<u32> {
            let raw = self.raw;
            match (self.cell(Column::Task), &raw.group_task) {
                (Some(v), _) if is_error(v) => None,
                (Some(v), _) => self.task_ref(v, |s, kind| s.finding(kind, Column::Task)),
                (None, Some(Located { row, col, value })) => {
                    if is_error(value) {
                        None
                    } else {
                        let (row, col) = (*row, *col);
                        self.task_ref(value, move |s, kind| {
                            Finding::new(kind).at(s.at.sheet, row, col)
                        })
                    }
                }
                (None, None) => {
                    self.report(Kind::NoTask, Column::Task);
                    None
                }
            }
        }

        /// E102 / W103 for a task reference; `place` puts a finding at its cell.
        fn task_ref(
            &mut self,
            v: &CellValue,
            place: impl Fn(&Self, Kind) -> Finding,
        ) -> Option<u32> {
            let plan = self.plan;
            // The plan's task numbers, for the message: built only when a finding needs it.
            let tasks = || plan.tasks.iter().map(|t| t.number).collect::<Vec<_>>();
            let by_title = || {
                v.as_text()
                    .and_then(|t| plan.task_by_title(t))
                    .map(|t| t.number)
            };
            let Some(n) = parse_task_ref(v).or_else(by_title) else {
                let kind = Kind::TaskNoNumber {
                    written: clean_text(v),
                    tasks: tasks(),
                };
                let f = place(self, kind);
                self.findings.push(f);
                return None;
            };
            let Some(task) = plan.task(n) else {
                let kind = Kind::TaskNotInPlan {
                    written: clean_text(v),
                    task: n,
                    tasks: tasks(),
                };
                let f = place(self, kind);
                self.findings.push(f);
                return None;
            };
            if let Some(unit) = self.unit {
                if plan.role(task, unit).is_none() {
                    let kind = Kind::TaskNotAssigned {
                        task: n,
                        unit: unit.to_string(),
                    };
                    let f = place(self, kind);
                    self.findings.push(f);
                }
            }
            Some(n)
        }

        /// The activity (E112).
        fn activity(&mut self) -> Option<String> {
            match self.cell(Column::Activity) {
                Some(v) if is_error(v) => None,
                Some(v) => Some(clean_text(v)),
                None => {
                    self.report(Kind::NoActivity, Column::Activity);
                    None
                }
            }
        }

        /// The quantity (E104); empty is fine.
        fn quantity(&mut self) -> Option<u64> {
            let v = self.cell(Column::Quantity);
            if v.is_some_and(is_error) {
                return None;
            }
            match parse_quantity(v) {
                Ok(q) => q,
                Err(e) => {
                    let value = v.map(CellValue::display).unwrap_or_default();
                    let kind = match e {
                        QuantityError::NotNumber => Kind::QuantityNotNumber { value },
                        QuantityError::Negative => Kind::QuantityNegative { value },
                        QuantityError::Fractional => Kind::QuantityFractional { value },
                    };
                    self.report(kind, Column::Quantity);
                    None
                }
            }
        }

        /// The unit of measure in the plan's spelling, or as written (W114); none
        /// for a quantity above 0 is E115.
        fn measure(&mut self, quantity: Option<u64>) -> Option<String> {
            match self.cell(Column::Measure) {
                Some(v) if is_error(v) => None,
                Some(v) => {
                    let written = clean_text(v);
                    match self.plan.measure(&written) {
                        Some(m) => Some(m.to_string()),
                        None => {
                            let kind = Kind::MeasureUnknown {
                                value: written.clone(),
                                measures: self.plan.units_of_measure.clone(),
                            };
                            self.report(kind, Column::Measure);
                            Some(written)
                        }
                    }
                }
                None => {
                    if let Some(quantity) = quantity.filter(|&q| q > 0) {
                        self.report(Kind::NoMeasure { quantity }, Column::Measure);
                    }
                    None
                }
            }
        }

        /// The status (E105).
        fn status(&mut self) -> Option<Status> {
            match self.cell(Column::Status) {
                Some(v) if is_error(v) => None,
                Some(v) => {
                    let s = match v {
                        CellValue::Text(t) => parse_status(t),
                        _ => None,
                    };
                    if s.is_none() {
                        let kind = Kind::StatusUnknown {
                            value: clean_text(v),
                        };
                        self.report(kind, Column::Status);
                    }
                    s
                }
                None => {
                    self.report(Kind::StatusEmpty, Column::Status);
                    None
                }
            }
        }

        /// W109: done, with an empty or zero quantity — only when the quantity cell
        /// itself is fine (E104/E111 already said what is wrong with it).
        fn done_without_quantity(&mut self, status: Option<Status>, quantity: Option<u64>) {
            if status != Some(Status::Done) || !matches!(quantity, None | Some(0)) {
                return;
            }
            let quantity_ok = quantity.is_some() || self.cell(Column::Quantity).is_none();
            if quantity_ok {
                let kind = if quantity.is_some() {
                    Kind::DoneWithZeroQuantity
                } else {
                    Kind::DoneWithoutQuantity
                };
                self.report(kind, Column::Quantity);
            }
        }

        /// The time as shown and its period (E106, W107, W108).
        fn time(&mut self, task: Option<u32>) -> (String, Option<Period>) {
            let v = self.cell(Column::Time);
            if v.is_some_and(is_error) {
                return (String::new(), None);
            }
            let plan = self.plan;
            let text = v.map(clean_text).unwrap_or_default();
            let parsed = match v {
                None => Err(TimeError::Empty),
                Some(v) => parse_time(v, plan.year),
            };
            let period = match parsed {
                Ok(p) => p,
                Err(e) => {
                    let value = text.clone();
                    let kind = match e {
                        TimeError::Empty => Kind::TimeEmpty,
                        TimeError::Unreadable => Kind::TimeUnreadable { value },
                        TimeError::MonthFirst => Kind::TimeMonthFirst {
                            suggestion: swap_day_month(&value),
                            value,
                        },
                        TimeError::NotAQuarter => Kind::TimeNotAQuarter { value },
                        TimeError::NoSuchDate => Kind::TimeNoSuchDate { value },
                        TimeError::Reversed => Kind::TimeReversed { value },
                    };
                    self.report(kind, Column::Time);
                    return (text, None);
                }
            };
            if !period.within(&plan.year_period()) {
                let kind = Kind::OutsideYear {
                    value: text.clone(),
                    year: plan.year,
                };
                self.report(kind, Column::Time);
            } else if let Some(t) = task.and_then(|n| plan.task(n)) {
                // A period not wholly inside the task's timeline is reported: "Thường
                // xuyên" for a Q2 task too, since the plan set that task in Q2.
                if !period.within(&t.timeline) {
                    let kind = Kind::OutsideTimeline {
                        value: text.clone(),
                        task: t.number,
                        timeline: t.timeline_text.clone(),
                    };
                    self.report(kind, Column::Time);
                }
            }
            (text, Some(period))
        }

        /// The content areas of plan section II the row names (W113).
        fn content_areas(&mut self) -> Vec<u32> {
            let Some(v) = self.cell(Column::ContentAreas).filter(|v| !is_error(v)) else {
                return Vec::new();
            };
            let count = self.plan.content_areas.len();
            match parse_content_areas(v) {
                Ok(list) => {
                    let plan = self.plan;
                    let (known, unknown): (Vec<u32>, Vec<u32>) = list
                        .into_iter()
                        .partition(|n| plan.content_area(*n).is_some());
                    if !unknown.is_empty() {
                        let kind = Kind::ContentAreasNotInPlan {
                            areas: unknown,
                            count,
                        };
                        self.report(kind, Column::ContentAreas);
                    }
                    known
                }
                Err(item) => {
                    self.report(
                        Kind::ContentAreaUnreadable { item, count },
                        Column::ContentAreas,
                    );
                    Vec::new()
                }
            }
        }
    }

    /// `05/18/2024` → `18/05/2024`, the day-first spelling the user probably meant.
    fn swap_day_month(text: &str) -> String {
        let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
        match parts.as_slice() {
            [m, d, y] => format!("{d}/{m}/{y}"),
            _ => text.to_string(),
        }
    }

    /// W110: rows that repeat an earlier one (same task, activity and time).
    #[derive(Default)]
    pub(super) struct Duplicates {
        /// (task, folded activity, period) → 1-based row of its first occurrence.
        seen: HashMap<(u32, String, Period), u32>,
    }

    impl Duplicates {
        /// W110 at the row's activity when it repeats an earlier row.
        pub fn check(
            &mut self,
            row: &CheckedRow,
            raw: &RawRow,
            at: &At<'_>,
            findings: &mut Vec<Finding>,
        ) {
            let (Some(task), Some(activity), Some(period)) = (row.task, &row.activity, row.period)
            else {
                return;
            };
            let key = (task, fold(activity), period);
            if let Some(&first_row) = self.seen.get(&key) {
                let kind = Kind::DuplicateRow { first_row, task };
                findings.push(at.cell(Finding::new(kind), raw.row, Column::Activity));
            } else {
                self.seen.insert(key, raw.row + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;

    use chrono::NaiveDate;

    use super::*;
    use crate::finding::{Code, Kind};
    use crate::messages::Lang;
    use crate::plan::Role;
    use crate::read::legacy::Encoding;
    use crate::read::table::{Located, RawRow};
    use crate::read::{Format, Grid, LimitKind, ReadError, TextFix};

    const SHEET: &str = "Kết quả";
    const HEADER: u32 = 5;

    fn t(s: &str) -> CellValue {
        CellValue::Text(s.into())
    }

    /// A data row at 0-based sheet row `row`: task, activity, quantity, measure,
    /// time, status (empty strings left out).
    fn row(row: u32, cells: [&str; 6]) -> RawRow {
        let cols = [
            Column::Task,
            Column::Activity,
            Column::Quantity,
            Column::Measure,
            Column::Time,
            Column::Status,
        ];
        RawRow {
            row,
            cells: cols
                .into_iter()
                .zip(cells)
                .filter(|(_, v)| !v.is_empty())
                .map(|(c, v)| (c, t(v)))
                .collect(),
            group_task: None,
        }
    }

    fn good(r: u32, task: &str) -> RawRow {
        row(
            r,
            [task, "Đăng tin CCHC", "12", "tin", "05/2024", "Hoàn thành"],
        )
    }

    fn table(unit: Option<&str>, rows: Vec<RawRow>) -> UnitTable {
        let columns: BTreeMap<Column, u32> = [
            (Column::Task, 0),
            (Column::Activity, 1),
            (Column::Quantity, 2),
            (Column::Measure, 3),
            (Column::Time, 4),
            (Column::Status, 5),
            (Column::ContentAreas, 6),
            (Column::Evidence, 7),
        ]
        .into_iter()
        .collect();
        UnitTable {
            sheet_index: 0,
            sheet: SHEET.into(),
            ignored_sheets: Vec::new(),
            unit: unit.map(|u| Located {
                row: 2,
                col: 0,
                value: u.to_string(),
            }),
            report_date: None,
            header_rows: (HEADER, HEADER),
            columns,
            rows,
            difficulties: Vec::new(),
            proposals: Vec::new(),
        }
    }

    fn wb() -> Workbook {
        Workbook {
            format: Format::Xlsx,
            sheets: vec![Grid {
                name: SHEET.into(),
                ..Grid::default()
            }],
        }
    }

    /// TTUD's rows for all its lead tasks, so no E201 unless a test wants it.
    fn ttud_rows(from: u32) -> Vec<RawRow> {
        (1..=4)
            .map(|n| {
                let mut r = good(from + n, &n.to_string());
                r.cells
                    .insert(Column::Activity, t(&format!("Hoạt động {n}")));
                r
            })
            .collect()
    }

    fn run(tbl: &UnitTable) -> CheckedFile {
        run_with(tbl, None, "ket-qua.xlsx", &wb())
    }

    fn run_with(tbl: &UnitTable, forced: Option<&str>, name: &str, wb: &Workbook) -> CheckedFile {
        let f = check_table(&Plan::shipped(), Path::new(name), wb, tbl, forced);
        // Every finding reads without a placeholder left, in both languages.
        for x in &f.findings {
            for lang in [Lang::Vi, Lang::En] {
                for s in [
                    crate::messages::message(x, lang),
                    crate::messages::hint(x, lang),
                ] {
                    assert!(
                        crate::text::placeholders(&s).is_empty(),
                        "{} {:?}: {s}",
                        x.code(),
                        x.kind
                    );
                }
            }
        }
        f
    }

    /// (code, A1 cell or "-") of each finding.
    fn codes(f: &CheckedFile) -> Vec<(String, String)> {
        f.findings
            .iter()
            .map(|x| {
                (
                    x.code().to_string(),
                    x.cell_a1().unwrap_or_else(|| "-".into()),
                )
            })
            .collect()
    }

    fn has(f: &CheckedFile, code: &str, cell: &str) -> bool {
        codes(f).contains(&(code.to_string(), cell.to_string()))
    }

    fn with_rows(mut rows: Vec<RawRow>) -> CheckedFile {
        rows.extend(ttud_rows(100));
        run(&table(Some("TTUD"), rows))
    }

    #[test]
    fn a_clean_file_has_no_findings_and_all_rows() {
        let f = run(&table(Some("Trung tâm Ứng dụng"), ttud_rows(HEADER)));
        assert_eq!(codes(&f), vec![]);
        assert_eq!(f.unit.as_deref(), Some("TTUD"));
        assert_eq!(f.rows_total, 4);
        assert_eq!(f.rows.len(), 4);
        let r = &f.rows[0];
        assert_eq!((r.row, r.task, r.quantity), (7, 1, Some(12)));
        assert_eq!(r.role, Some(Role::Lead));
        assert_eq!(r.measure.as_deref(), Some("tin"));
        assert_eq!(r.time_text, "05/2024");
        assert_eq!(r.status, Status::Done);
    }

    #[test]
    fn unit_from_forced_code_title_or_file_name() {
        let f = run_with(
            &table(None, ttud_rows(HEADER)),
            Some("ttud"),
            "x.xlsx",
            &wb(),
        );
        assert_eq!(f.unit.as_deref(), Some("TTUD"));
        let f = run_with(&table(None, ttud_rows(HEADER)), None, "in/TTUD.xlsx", &wb());
        assert_eq!(f.unit.as_deref(), Some("TTUD"));
        // --unit wins over the title block.
        let f = run_with(
            &table(Some("Thanh tra Sở"), ttud_rows(HEADER)),
            Some("TTUD"),
            "x.xlsx",
            &wb(),
        );
        assert_eq!(f.unit.as_deref(), Some("TTUD"));
    }

    #[test]
    fn e004_no_unit_anywhere() {
        let f = run(&table(None, ttud_rows(HEADER)));
        assert_eq!(codes(&f), vec![("E004".into(), "-".into())]);
        assert!(f.unit.is_none() && f.rows.is_empty() && f.has_file_error());
        assert_eq!(
            f.findings[0].kind,
            Kind::UnitUnknown {
                file_stem: "ket-qua".into()
            }
        );
    }

    #[test]
    fn e005_unknown_unit_at_the_title_cell_with_suggestions() {
        let f = run(&table(
            Some("Phòng Quản lý Khoa hoc và Công nghệ"),
            ttud_rows(HEADER),
        ));
        assert!(has(&f, "E005", "A3"), "{:?}", codes(&f));
        let Kind::UnitNotInPlan { suggestions, .. } = &f.findings[0].kind else {
            panic!("{:?}", f.findings[0]);
        };
        assert!(suggestions
            .iter()
            .any(|u| u.code == "QLKH" || u.code == "QLCN"));
        let f = run_with(
            &table(None, ttud_rows(HEADER)),
            Some("XYZ"),
            "TTUD.xlsx",
            &wb(),
        );
        assert!(matches!(
            f.findings[0].kind,
            Kind::ForcedUnitNotInPlan { .. }
        ));
        assert!(f.unit.is_none());
    }

    #[test]
    fn w007_no_data_rows_at_the_header() {
        let f = run(&table(Some("QLKH"), vec![]));
        assert_eq!(codes(&f), vec![("W007".into(), "A6".into())]);
    }

    #[test]
    fn e101_task_empty_and_group_task_used() {
        let f = with_rows(vec![row(
            6,
            ["", "Đăng tin", "1", "tin", "05/2024", "Hoàn thành"],
        )]);
        assert!(has(&f, "E101", "A7"), "{:?}", codes(&f));
        let mut r = row(6, ["", "Đăng tin", "1", "tin", "05/2024", "Hoàn thành"]);
        r.group_task = Some(Located {
            row: 5,
            col: 0,
            value: t("4. Tổ chức tuyên truyền"),
        });
        let f = with_rows(vec![r]);
        assert_eq!(codes(&f), vec![]);
        assert_eq!(f.rows[0].task, 4);
    }

    #[test]
    fn e102_task_not_in_plan_or_no_number() {
        let f = with_rows(vec![good(6, "7"), good(7, "Tổ chức hội nghị")]);
        assert!(
            has(&f, "E102", "A7") && has(&f, "E102", "A8"),
            "{:?}",
            codes(&f)
        );
        assert!(matches!(f.findings[0].kind, Kind::TaskNotInPlan { .. }));
        assert!(matches!(f.findings[1].kind, Kind::TaskNoNumber { .. }));
        assert_eq!(f.rows.len(), 4, "rows in error are left out");
    }

    #[test]
    fn e102_from_a_bad_group_row_is_said_once() {
        let mut a = good(7, "");
        a.cells.remove(&Column::Task);
        a.group_task = Some(Located {
            row: 6,
            col: 0,
            value: t("9. Khác"),
        });
        let mut b = a.clone();
        b.row = 8;
        let f = with_rows(vec![a, b]);
        assert_eq!(codes(&f), vec![("E102".into(), "A7".into())]);
    }

    #[test]
    fn a_heading_without_a_number_is_matched_by_title_or_reported() {
        let under = |heading: &str| {
            let mut a = good(7, "");
            a.cells.remove(&Column::Task);
            a.group_task = Some(Located {
                row: 6,
                col: 1,
                value: t(heading),
            });
            with_rows(vec![a])
        };
        let f = under("Tổ chức tuyên truyền về công tác CCHC 2024 thông qua tổ chức các hoạt động nhân Ngày khoa học và công nghệ Việt Nam 18/5");
        assert_eq!(codes(&f), vec![]);
        let row = f
            .rows
            .iter()
            .find(|r| r.row == 8)
            .expect("the row is included");
        assert_eq!(row.task, 4);
        // A heading that names no task is reported at the heading, and the row is
        // not given to another task.
        let f = under("Nhiệm vụ phối hợp");
        assert_eq!(codes(&f), vec![("E102".into(), "B7".into())]);
        assert!(!f.rows.iter().any(|r| r.row == 8), "the row is left out");
    }

    #[test]
    fn w103_task_not_assigned() {
        let tbl = table(Some("QLKH"), vec![good(6, "5")]);
        let f = run(&tbl);
        assert_eq!(codes(&f), vec![("W103".into(), "A7".into())]);
        assert_eq!(f.rows.len(), 1);
        assert_eq!(f.rows[0].role, None);
    }

    #[test]
    fn e104_quantity_variants() {
        let q = |v: &str| row(6, ["1", "Đăng tin", v, "tin", "05/2024", "Đang thực hiện"]);
        let value = |v: &str| v.to_string();
        for (v, kind) in [
            (
                "12,5",
                Kind::QuantityFractional {
                    value: value("12,5"),
                },
            ),
            ("-3", Kind::QuantityNegative { value: value("-3") }),
            (
                "mười",
                Kind::QuantityNotNumber {
                    value: value("mười"),
                },
            ),
        ] {
            let f = with_rows(vec![q(v)]);
            assert_eq!(codes(&f), vec![("E104".into(), "C7".into())], "{v}");
            assert_eq!(f.findings[0].kind, kind);
        }
        let f = with_rows(vec![q("1.234")]);
        assert_eq!(f.rows[0].quantity, Some(1234));
    }

    #[test]
    fn e105_status_empty_or_unknown() {
        let f = with_rows(vec![
            row(6, ["1", "a", "1", "tin", "05/2024", ""]),
            row(7, ["1", "b", "1", "tin", "05/2024", "Xong"]),
        ]);
        assert!(
            has(&f, "E105", "F7") && has(&f, "E105", "F8"),
            "{:?}",
            codes(&f)
        );
    }

    #[test]
    fn e106_time_variants() {
        let tm = |v: &str| row(6, ["1", "a", "1", "tin", v, "Hoàn thành"]);
        let value = |v: &str| v.to_string();
        for (v, kind) in [
            ("", Kind::TimeEmpty),
            (
                "hôm qua",
                Kind::TimeUnreadable {
                    value: value("hôm qua"),
                },
            ),
            (
                "05/18/2024",
                Kind::TimeMonthFirst {
                    value: value("05/18/2024"),
                    suggestion: value("18/05/2024"),
                },
            ),
            (
                "Quý V/2024",
                Kind::TimeNotAQuarter {
                    value: value("Quý V/2024"),
                },
            ),
            (
                "31/02/2024",
                Kind::TimeNoSuchDate {
                    value: value("31/02/2024"),
                },
            ),
            (
                "20/5/2024 - 15/5/2024",
                Kind::TimeReversed {
                    value: value("20/5/2024 - 15/5/2024"),
                },
            ),
        ] {
            let f = with_rows(vec![tm(v)]);
            assert_eq!(codes(&f), vec![("E106".into(), "E7".into())], "{v}");
            assert_eq!(f.findings[0].kind, kind, "{v}");
        }
        // A date cell is shown day-first.
        let mut r = tm("x");
        r.cells.insert(
            Column::Time,
            CellValue::Date(NaiveDate::from_ymd_opt(2024, 5, 18).unwrap()),
        );
        let f = with_rows(vec![r]);
        assert_eq!(f.rows[0].time_text, "18/05/2024");
    }

    #[test]
    fn w107_outside_year_and_w108_outside_timeline() {
        let f = with_rows(vec![
            row(6, ["1", "a", "1", "tin", "20/12/2023", "Hoàn thành"]),
            row(7, ["4", "b", "1", "tin", "15/08/2024", "Hoàn thành"]),
            row(8, ["4", "c", "1", "tin", "Quý II/2024", "Hoàn thành"]),
        ]);
        assert_eq!(
            codes(&f)[..2],
            [("W107".into(), "E7".into()), ("W108".into(), "E8".into())]
        );
        assert_eq!(codes(&f).len(), 2);
    }

    #[test]
    fn w109_done_without_quantity() {
        let f = with_rows(vec![
            row(6, ["1", "a", "", "tin", "05/2024", "Hoàn thành"]),
            row(7, ["1", "b", "0", "tin", "05/2024", "HT"]),
            row(8, ["1", "c", "", "", "05/2024", "Đang thực hiện"]),
        ]);
        assert_eq!(
            codes(&f),
            vec![("W109".into(), "C7".into()), ("W109".into(), "C8".into())]
        );
    }

    #[test]
    fn w110_duplicate_at_the_later_rows_activity() {
        let f = with_rows(vec![
            row(
                6,
                ["1", "Đăng tin CCHC", "3", "tin", "05/2024", "Hoàn thành"],
            ),
            row(
                9,
                [
                    "1",
                    "  đăng TIN cchc ",
                    "4",
                    "bài",
                    "tháng 5/2024",
                    "Hoàn thành",
                ],
            ),
        ]);
        assert_eq!(codes(&f), vec![("W110".into(), "B10".into())]);
        assert_eq!(
            f.findings[0].kind,
            Kind::DuplicateRow {
                first_row: 7,
                task: 1
            }
        );
    }

    #[test]
    fn e111_formula_error_at_that_cell() {
        let mut r = good(6, "1");
        r.cells
            .insert(Column::Quantity, CellValue::Error("#REF!".into()));
        let f = with_rows(vec![r]);
        assert_eq!(codes(&f), vec![("E111".into(), "C7".into())]);
        assert_eq!(
            f.findings[0].kind,
            Kind::FormulaError {
                column: Column::Quantity,
                error: "#REF!".into()
            }
        );
        assert_eq!(column_id(Column::Quantity), "quantity");
        assert_eq!(f.rows.len(), 4);
    }

    #[test]
    fn e112_activity_empty() {
        let f = with_rows(vec![row(
            6,
            ["1", " ", "1", "tin", "05/2024", "Hoàn thành"],
        )]);
        assert_eq!(codes(&f), vec![("E112".into(), "B7".into())]);
    }

    #[test]
    fn w113_content_areas() {
        let mut a = good(6, "1");
        a.cells.insert(Column::ContentAreas, t("1, 12"));
        let mut b = good(7, "2");
        b.cells.insert(Column::ContentAreas, t("cải cách"));
        let mut c = good(8, "3");
        c.cells.insert(Column::ContentAreas, t("II.1; 4"));
        let f = with_rows(vec![a, b, c]);
        assert_eq!(
            codes(&f),
            vec![("W113".into(), "G7".into()), ("W113".into(), "G8".into())]
        );
        assert_eq!(f.rows[0].content_areas, vec![1]);
        assert_eq!(f.rows[2].content_areas, vec![1, 4]);
    }

    #[test]
    fn w114_unknown_measure_kept_as_written_and_plan_spelling_otherwise() {
        let f = with_rows(vec![
            row(6, ["1", "a", "1", "cái", "05/2024", "Hoàn thành"]),
            row(7, ["1", "b", "1", "Tin/Bài", "05/2024", "Hoàn thành"]),
        ]);
        assert_eq!(codes(&f), vec![("W114".into(), "D7".into())]);
        assert_eq!(f.rows[0].measure.as_deref(), Some("cái"));
        assert_eq!(f.rows[1].measure.as_deref(), Some("tin/bài"));
    }

    #[test]
    fn e115_quantity_without_measure() {
        let f = with_rows(vec![row(6, ["1", "a", "3", "", "05/2024", "Hoàn thành"])]);
        assert_eq!(codes(&f), vec![("E115".into(), "D7".into())]);
    }

    #[test]
    fn e201_one_per_missing_lead_task_at_file_level() {
        let f = run(&table(Some("TTUD"), vec![good(6, "1"), good(7, "5")]));
        let e201: Vec<_> = f
            .findings
            .iter()
            .filter(|x| x.code() == Code::E201)
            .collect();
        assert_eq!(e201.len(), 3);
        assert!(e201.iter().all(|x| x.cell.is_none()));
        // File-level findings come first.
        assert_eq!(f.findings[0].code(), Code::E201);
        // A row in error still counts as reporting the task.
        let f = run(&table(
            Some("CCTC"),
            vec![row(
                6,
                ["6", "", "1", "cuộc", "Quý IV/2024", "Đang thực hiện"],
            )],
        ));
        assert!(!f.findings.iter().any(|x| x.code() == Code::E201));
    }

    #[test]
    fn w202_late_report_date_at_its_cell() {
        let mut tbl = table(Some("QLKH"), vec![good(6, "1")]);
        tbl.report_date = Some(Located {
            row: 3,
            col: 4,
            value: t("20/11/2024"),
        });
        let f = run(&tbl);
        assert_eq!(codes(&f), vec![("W202".into(), "E4".into())]);
        tbl.report_date = Some(Located {
            row: 3,
            col: 4,
            value: t("ngày 10 tháng 11 năm 2024"),
        });
        let f = run(&tbl);
        assert_eq!(codes(&f), vec![]);
        assert_eq!(f.report_date, NaiveDate::from_ymd_opt(2024, 11, 10));
        tbl.report_date = Some(Located {
            row: 3,
            col: 4,
            value: t("sắp tới"),
        });
        assert_eq!(codes(&run(&tbl)), vec![]);
    }

    #[test]
    fn w203_once_per_file_with_count_and_first_cell() {
        let mut w = wb();
        w.sheets[0].fixes = vec![
            (0, 0, TextFix::Decomposed),
            (7, 1, TextFix::Tcvn3),
            (8, 1, TextFix::Tcvn3),
        ];
        let tbl = table(Some("QLKH"), vec![good(6, "1")]);
        let f = run_with(&tbl, None, "x.xlsx", &w);
        assert_eq!(codes(&f), vec![("W203".into(), "B8".into())]);
        assert_eq!(
            f.findings[0].kind,
            Kind::LegacyText {
                count: 2,
                encoding: Encoding::Tcvn3
            }
        );
        w.sheets[0].fixes = vec![(0, 0, TextFix::Decomposed)];
        let f = run_with(&tbl, None, "x.xlsx", &w);
        assert_eq!(f.findings[0].kind, Kind::DecomposedText { count: 1 });
    }

    #[test]
    fn optional_column_absent_puts_the_finding_at_file_level() {
        let mut tbl = table(Some("QLKH"), vec![good(6, "1")]);
        tbl.columns.remove(&Column::ContentAreas);
        tbl.rows[0].cells.insert(Column::ContentAreas, t("12"));
        let f = run(&tbl);
        assert_eq!(codes(&f), vec![("W113".into(), "-".into())]);
    }

    #[test]
    fn findings_sorted_by_row_then_column() {
        let f = with_rows(vec![
            row(8, ["9", "", "x", "tin", "", ""]),
            row(6, ["1", "a", "1,5", "tin", "05/2024", "Xong"]),
        ]);
        let got = codes(&f);
        let cells: Vec<&str> = got.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(cells, ["C7", "F7", "A9", "B9", "C9", "E9", "F9"]);
    }

    #[test]
    fn reader_errors_become_file_findings() {
        let f = read_error_finding(&ReadError::Limit {
            kind: LimitKind::FileSize,
            max: 50 * 1024 * 1024,
            found: 60 * 1024 * 1024,
        });
        assert_eq!(
            f.kind,
            Kind::FileTooLarge {
                limit: 50 * 1024 * 1024,
                found: 60 * 1024 * 1024
            }
        );
        assert_eq!(f.code(), Code::E006);
        assert!(crate::messages::message(&f, Lang::En).contains("over the limit of 50 MB"));
        assert_eq!(read_error_finding(&ReadError::Encrypted).code(), Code::E002);
        let f = read_error_finding(&ReadError::NotSpreadsheet {
            found: crate::read::FileKind::Docx,
        });
        assert_eq!(
            f.kind,
            Kind::NotSpreadsheet {
                found: crate::read::FileKind::Docx
            }
        );
        assert_eq!(f.code(), Code::E001);
    }
}
