//! The checks of `shared/spec/validation.md` for one file: file-, row- and unit-level
//! findings, and the rows that pass them ([`ResultRow`]), ready for aggregation.

pub mod batch;

use std::collections::{BTreeSet, HashMap};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::finding::{Code, Finding, Level};
use crate::plan::{Plan, Role, UnitMatch};
use crate::read::table::{find_table, Column, Located, RawRow, UnitTable};
use crate::read::{panic_message, Limits};
use crate::read::{CellValue, LimitKind, ReadError, TextFix, Workbook};
use crate::text::{dmy, fold, squash_spaces};
use crate::value::{
    parse_content_areas, parse_quantity, parse_status, parse_task_ref, parse_time, parse_time_text,
    Period, QuantityError, Status, TimeError,
};

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
            .any(|f| f.is_error() && f.code.level() == Level::File)
    }
}

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
    check_opened(plan, path, crate::read::open(path, limits), forced_unit)
}

/// Checks a file's content (an upload, a file the browser holds) as [`check_file`]
/// checks a file; `name` is the file's name as the user knows it (it may name the
/// unit, as a file name does).
pub fn check_bytes(
    plan: &Plan,
    name: &str,
    bytes: Vec<u8>,
    forced_unit: Option<&str>,
    limits: &Limits,
) -> CheckedFile {
    let path = Path::new(name);
    check_opened(
        plan,
        path,
        crate::read::open_bytes(bytes, limits),
        forced_unit,
    )
}

fn check_opened(
    plan: &Plan,
    path: &Path,
    opened: Result<Workbook, ReadError>,
    forced_unit: Option<&str>,
) -> CheckedFile {
    let wb = match opened {
        Ok(wb) => wb,
        Err(e) => return unreadable(path, read_error_finding(&e)),
    };
    let found = catch_unwind(AssertUnwindSafe(|| find_table(&wb)));
    let table = match found {
        Ok(Ok(t)) => t,
        Ok(Err(no_header)) => {
            let missing: Vec<&str> = no_header.missing.iter().map(|c| column_id(*c)).collect();
            let f = Finding::new(Code::E003).arg("columns", missing.join(","));
            let mut file = unreadable(path, f);
            file.ignored_sheets = wb.sheets.iter().map(|s| s.name.clone()).collect();
            return file;
        }
        Err(panic) => {
            let f = Finding::new(Code::E001).variant("corrupt").arg(
                "detail",
                format!("internal error while reading: {}", panic_message(&*panic)),
            );
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
    match e {
        ReadError::Corrupt { detail } => Finding::new(Code::E001)
            .variant("corrupt")
            .arg("detail", detail.clone()),
        ReadError::NotSpreadsheet { found } => Finding::new(Code::E001)
            .variant("not_spreadsheet")
            .arg("found", found.id()),
        ReadError::Encrypted => Finding::new(Code::E002),
        ReadError::Limit { kind, max, found } => {
            let (variant, bytes) = match kind {
                LimitKind::FileSize => ("file_size", true),
                LimitKind::Uncompressed => ("uncompressed", true),
                LimitKind::Cells => ("cells", false),
                LimitKind::Area => ("area", false),
                LimitKind::Rows => ("rows", false),
                LimitKind::Columns => ("columns", false),
                LimitKind::TextLength => ("text_length", false),
            };
            let show = |n: u64| if bytes { megabytes(n) } else { n.to_string() };
            Finding::new(Code::E006)
                .variant(variant)
                .arg("limit", show(*max))
                .arg("found", show(*found))
        }
    }
}

fn megabytes(n: u64) -> String {
    let mb = n as f64 / (1024.0 * 1024.0);
    if mb >= 10.0 || mb.fract() == 0.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

/// The stable identifier of a column, used in finding args (`column`, `columns`)
/// and turned into the column's name in the user's language by `messages`.
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

    let unit = resolve_unit(plan, path, table, forced_unit, &mut findings);

    if table.rows.is_empty() {
        let col = table.columns.values().min().copied().unwrap_or(0);
        findings.push(Finding::new(Code::W007).at(sheet, table.header_rows.0, col));
    }

    let mut rows = Vec::new();
    let mut tasks_reported: BTreeSet<u32> = BTreeSet::new();
    // (task, folded activity, period) → 1-based row of its first occurrence.
    let mut seen: HashMap<(u32, String, Period), u32> = HashMap::new();
    for raw in &table.rows {
        let before = findings.len();
        let row = check_row(plan, unit.as_deref(), raw, &at, &mut findings);
        if let Some(task) = row.task {
            tasks_reported.insert(task);
        }
        if let (Some(task), Some(activity), Some(period)) = (row.task, &row.activity, row.period) {
            let key = (task, fold(activity), period);
            if let Some(&first) = seen.get(&key) {
                findings.push(
                    at.cell(Finding::new(Code::W110), raw.row, Column::Activity)
                        .arg("first_row", first.to_string())
                        .arg("task", task.to_string()),
                );
            } else {
                seen.insert(key, raw.row + 1);
            }
        }
        let row_has_error = findings[before..].iter().any(Finding::is_error);
        if let (false, Some(unit)) = (row_has_error, &unit) {
            if let Some(r) = row.into_result(plan, unit, path, sheet, raw) {
                rows.push(r);
            }
        }
    }

    if let Some(code) = &unit {
        for task in plan.lead_tasks(code) {
            if !tasks_reported.contains(&task.number) {
                findings.push(
                    Finding::new(Code::E201)
                        .in_sheet(sheet)
                        .arg("task", task.number.to_string())
                        .arg("title", task.short_title.clone()),
                );
            }
        }
    }

    let report_date = table.report_date.as_ref().and_then(|d| {
        let date = report_date_of(&d.value)?;
        if date > plan.deadlines.units_report {
            findings.push(
                Finding::new(Code::W202)
                    .at(sheet, d.row, d.col)
                    .arg("date", dmy(date))
                    .arg("deadline", dmy(plan.deadlines.units_report)),
            );
        }
        Some(date)
    });

    if let Some(grid) = wb.sheets.get(table.sheet_index) {
        if let Some(f) = text_fix_finding(sheet, &grid.fixes) {
            findings.push(f);
        }
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
    findings.sort_by_key(|f| (f.cell.is_some(), f.cell, f.code));
}

/// The unit of the file: `--unit`, else the title block, else the file name.
fn resolve_unit(
    plan: &Plan,
    path: &Path,
    table: &UnitTable,
    forced_unit: Option<&str>,
    findings: &mut Vec<Finding>,
) -> Option<String> {
    let suggest = |near: &[&crate::plan::Unit]| {
        near.iter()
            .map(|u| format!("{} ({})", u.code, u.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(forced) = forced_unit {
        return match plan.match_unit(forced) {
            UnitMatch::Found(u) => Some(u.code.clone()),
            UnitMatch::Unknown(near) => {
                findings.push(
                    Finding::new(Code::E005)
                        .variant("forced")
                        .in_sheet(&table.sheet)
                        .arg("value", forced)
                        .arg("suggestions", suggest(&near)),
                );
                None
            }
        };
    }
    if let Some(written) = table.unit.as_ref().filter(|u| !u.value.trim().is_empty()) {
        return match plan.match_unit(&written.value) {
            UnitMatch::Found(u) => Some(u.code.clone()),
            UnitMatch::Unknown(near) => {
                findings.push(
                    Finding::new(Code::E005)
                        .variant("title")
                        .at(&table.sheet, written.row, written.col)
                        .arg("value", squash_spaces(&written.value))
                        .arg("suggestions", suggest(&near)),
                );
                None
            }
        };
    }
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    if let Some(u) = stem.as_deref().and_then(|s| plan.unit_from_file_stem(s)) {
        return Some(u.code.clone());
    }
    findings.push(
        Finding::new(Code::E004)
            .in_sheet(&table.sheet)
            .arg("file", stem.unwrap_or_default()),
    );
    None
}

/// What the checks of one row made of it; `None` where a value is unusable.
struct CheckedRow {
    task: Option<u32>,
    activity: Option<String>,
    quantity: Option<u64>,
    measure: Option<String>,
    time_text: String,
    period: Option<Period>,
    status: Option<Status>,
    content_areas: Vec<u32>,
}

impl CheckedRow {
    fn into_result(
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

/// A cell's text as stored and printed, runs of spaces squashed (the reader has
/// already made all text NFC).
fn clean_text(v: &CellValue) -> String {
    squash_spaces(&v.display())
}

/// A cell that is empty or holds only spaces counts as absent.
fn present(v: Option<&CellValue>) -> Option<&CellValue> {
    v.filter(|v| !matches!(v, CellValue::Text(s) if s.trim().is_empty()))
}

fn check_row(
    plan: &Plan,
    unit: Option<&str>,
    raw: &RawRow,
    at: &At<'_>,
    findings: &mut Vec<Finding>,
) -> CheckedRow {
    let r = raw.row;
    let cell = |c: Column| present(raw.cells.get(&c));

    // E111 first: a formula error makes that cell unusable for every other check.
    for (col, v) in &raw.cells {
        if let CellValue::Error(e) = v {
            findings.push(
                at.cell(Finding::new(Code::E111), r, *col)
                    .arg("column", column_id(*col))
                    .arg("value", e.clone()),
            );
        }
    }
    let is_error = |v: &CellValue| matches!(v, CellValue::Error(_));

    // Task: the row's own cell, else the group row's.
    let task = match (cell(Column::Task), &raw.group_task) {
        (Some(v), _) if is_error(v) => None,
        (Some(v), _) => check_task(
            plan,
            unit,
            v,
            at.cell(Finding::new(Code::E102), r, Column::Task),
            findings,
        ),
        (None, Some(Located { row, col, value })) => {
            if is_error(value) {
                None
            } else {
                let f = Finding::new(Code::E102).at(at.sheet, *row, *col);
                check_task(plan, unit, value, f, findings)
            }
        }
        (None, None) => {
            findings.push(at.cell(Finding::new(Code::E101), r, Column::Task));
            None
        }
    };

    let activity = match cell(Column::Activity) {
        Some(v) if is_error(v) => None,
        Some(v) => Some(clean_text(v)),
        None => {
            findings.push(at.cell(Finding::new(Code::E112), r, Column::Activity));
            None
        }
    };

    let quantity_cell = cell(Column::Quantity);
    let quantity = match quantity_cell {
        Some(v) if is_error(v) => None,
        v => match parse_quantity(v) {
            Ok(q) => q,
            Err(e) => {
                let variant = match e {
                    QuantityError::NotNumber => "not_number",
                    QuantityError::Negative => "negative",
                    QuantityError::Fractional => "fractional",
                };
                findings.push(
                    at.cell(
                        Finding::new(Code::E104).variant(variant),
                        r,
                        Column::Quantity,
                    )
                    .arg("value", v.map(CellValue::display).unwrap_or_default()),
                );
                None
            }
        },
    };

    let measure = match cell(Column::Measure) {
        Some(v) if is_error(v) => None,
        Some(v) => {
            let written = clean_text(v);
            match plan.measure(&written) {
                Some(m) => Some(m.to_string()),
                None => {
                    findings.push(
                        at.cell(Finding::new(Code::W114), r, Column::Measure)
                            .arg("value", written.clone())
                            .arg("measures", plan.units_of_measure.join(", ")),
                    );
                    Some(written)
                }
            }
        }
        None => {
            if let Some(q) = quantity.filter(|&q| q > 0) {
                findings.push(
                    at.cell(Finding::new(Code::E115), r, Column::Measure)
                        .arg("value", q.to_string()),
                );
            }
            None
        }
    };

    let status = match cell(Column::Status) {
        Some(v) if is_error(v) => None,
        Some(v) => {
            let s = match v {
                CellValue::Text(t) => parse_status(t),
                _ => None,
            };
            if s.is_none() {
                findings.push(
                    at.cell(
                        Finding::new(Code::E105).variant("unknown"),
                        r,
                        Column::Status,
                    )
                    .arg("value", clean_text(v)),
                );
            }
            s
        }
        None => {
            findings.push(at.cell(Finding::new(Code::E105).variant("empty"), r, Column::Status));
            None
        }
    };

    if status == Some(Status::Done) && matches!(quantity, None | Some(0)) {
        // Only when the quantity cell itself is fine: E104/E111 already said it.
        let quantity_ok = quantity.is_some() || quantity_cell.is_none();
        if quantity_ok {
            let variant = if quantity.is_some() { "zero" } else { "empty" };
            findings.push(at.cell(
                Finding::new(Code::W109).variant(variant),
                r,
                Column::Quantity,
            ));
        }
    }

    let (time_text, period) = match cell(Column::Time) {
        Some(v) if is_error(v) => (String::new(), None),
        v => check_time(plan, task, v, r, at, findings),
    };

    let content_areas = match cell(Column::ContentAreas) {
        Some(v) if is_error(v) => Vec::new(),
        Some(v) => match parse_content_areas(v) {
            Ok(list) => {
                let (known, unknown): (Vec<u32>, Vec<u32>) = list
                    .into_iter()
                    .partition(|n| plan.content_area(*n).is_some());
                if !unknown.is_empty() {
                    let shown: Vec<String> = unknown.iter().map(u32::to_string).collect();
                    findings.push(
                        at.cell(
                            Finding::new(Code::W113).variant("not_in_plan"),
                            r,
                            Column::ContentAreas,
                        )
                        .arg("value", shown.join(", "))
                        .arg("count", plan.content_areas.len().to_string()),
                    );
                }
                known
            }
            Err(item) => {
                findings.push(
                    at.cell(
                        Finding::new(Code::W113).variant("unreadable"),
                        r,
                        Column::ContentAreas,
                    )
                    .arg("value", item)
                    .arg("count", plan.content_areas.len().to_string()),
                );
                Vec::new()
            }
        },
        None => Vec::new(),
    };

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

/// E102 / W103 for a task reference; `base` is an E102 finding placed at the cell.
fn check_task(
    plan: &Plan,
    unit: Option<&str>,
    v: &CellValue,
    base: Finding,
    findings: &mut Vec<Finding>,
) -> Option<u32> {
    // The plan's task numbers, for the message: built only when a finding needs it.
    let tasks = || {
        plan.tasks
            .iter()
            .map(|t| t.number.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let by_title = || {
        v.as_text()
            .and_then(|t| plan.task_by_title(t))
            .map(|t| t.number)
    };
    let Some(n) = parse_task_ref(v).or_else(by_title) else {
        findings.push(
            base.variant("no_number")
                .arg("value", clean_text(v))
                .arg("tasks", tasks()),
        );
        return None;
    };
    let Some(task) = plan.task(n) else {
        findings.push(
            base.variant("not_in_plan")
                .arg("value", clean_text(v))
                .arg("task", n.to_string())
                .arg("tasks", tasks()),
        );
        return None;
    };
    if let Some(unit) = unit {
        if plan.role(task, unit).is_none() {
            let mut w = base;
            w.code = Code::W103;
            findings.push(w.arg("task", n.to_string()).arg("unit", unit));
        }
    }
    Some(n)
}

/// E106 / W107 / W108 for a time cell; returns the text as shown and the period.
fn check_time(
    plan: &Plan,
    task: Option<u32>,
    v: Option<&CellValue>,
    r: u32,
    at: &At<'_>,
    findings: &mut Vec<Finding>,
) -> (String, Option<Period>) {
    let text = v.map(clean_text).unwrap_or_default();
    let parsed = match v {
        None => Err(TimeError::Empty),
        Some(v) => parse_time(v, plan.year),
    };
    let period = match parsed {
        Ok(p) => p,
        Err(e) => {
            let variant = match e {
                TimeError::Empty => "empty",
                TimeError::Unreadable => "unreadable",
                TimeError::MonthFirst => "month_first",
                TimeError::NotAQuarter => "not_a_quarter",
                TimeError::NoSuchDate => "no_such_date",
                TimeError::Reversed => "reversed",
            };
            let mut f = at
                .cell(Finding::new(Code::E106).variant(variant), r, Column::Time)
                .arg("value", text.clone());
            if e == TimeError::MonthFirst {
                f = f.arg("suggestion", swap_day_month(&text));
            }
            findings.push(f);
            return (text, None);
        }
    };
    let year = plan.year_period();
    if !period.within(&year) {
        findings.push(
            at.cell(Finding::new(Code::W107), r, Column::Time)
                .arg("value", text.clone())
                .arg("year", plan.year.to_string()),
        );
    } else if let Some(t) = task.and_then(|n| plan.task(n)) {
        // A period not wholly inside the task's timeline is reported: "Thường
        // xuyên" for a Q2 task too, since the plan set that task in Q2.
        if !period.within(&t.timeline) {
            findings.push(
                at.cell(Finding::new(Code::W108), r, Column::Time)
                    .arg("value", text.clone())
                    .arg("task", t.number.to_string())
                    .arg("timeline", t.timeline_text.clone()),
            );
        }
    }
    (text, Some(period))
}

/// `05/18/2024` → `18/05/2024`, the day-first spelling the user probably meant.
fn swap_day_month(text: &str) -> String {
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    match parts.as_slice() {
        [m, d, y] => format!("{d}/{m}/{y}"),
        _ => text.to_string(),
    }
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

/// W203: one finding per file for the text the reader converted.
fn text_fix_finding(sheet: &str, fixes: &[(u32, u32, TextFix)]) -> Option<Finding> {
    let legacy: Vec<_> = fixes
        .iter()
        .filter(|(_, _, k)| *k != TextFix::Decomposed)
        .collect();
    if let Some(&&(row, col, kind)) = legacy.first() {
        let encoding = if kind == TextFix::Vni { "VNI" } else { "TCVN3" };
        return Some(
            Finding::new(Code::W203)
                .variant("legacy")
                .at(sheet, row, col)
                .arg("count", legacy.len().to_string())
                .arg("encoding", encoding),
        );
    }
    let &(row, col, _) = fixes.first()?;
    Some(
        Finding::new(Code::W203)
            .variant("decomposed")
            .at(sheet, row, col)
            .arg("count", fixes.len().to_string()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;
    use crate::read::{Format, Grid};
    use std::collections::BTreeMap;

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
                        x.code,
                        x.variant
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
                    x.code.to_string(),
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
        assert_eq!(f.findings[0].get("file"), Some("ket-qua"));
    }

    #[test]
    fn e005_unknown_unit_at_the_title_cell_with_suggestions() {
        let f = run(&table(
            Some("Phòng Quản lý Khoa hoc và Công nghệ"),
            ttud_rows(HEADER),
        ));
        assert!(has(&f, "E005", "A3"), "{:?}", codes(&f));
        let s = f.findings[0].get("suggestions").unwrap();
        assert!(s.contains("QLKH") || s.contains("QLCN"), "{s}");
        let f = run_with(
            &table(None, ttud_rows(HEADER)),
            Some("XYZ"),
            "TTUD.xlsx",
            &wb(),
        );
        assert_eq!(f.findings[0].variant, Some("forced"));
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
        assert_eq!(f.findings[0].variant, Some("not_in_plan"));
        assert_eq!(f.findings[1].variant, Some("no_number"));
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
        for (v, variant) in [
            ("12,5", "fractional"),
            ("-3", "negative"),
            ("mười", "not_number"),
        ] {
            let f = with_rows(vec![q(v)]);
            assert_eq!(codes(&f), vec![("E104".into(), "C7".into())], "{v}");
            assert_eq!(f.findings[0].variant, Some(variant));
            assert_eq!(f.findings[0].get("value"), Some(v));
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
        for (v, variant) in [
            ("", "empty"),
            ("hôm qua", "unreadable"),
            ("05/18/2024", "month_first"),
            ("Quý V/2024", "not_a_quarter"),
            ("31/02/2024", "no_such_date"),
            ("20/5/2024 - 15/5/2024", "reversed"),
        ] {
            let f = with_rows(vec![tm(v)]);
            assert_eq!(codes(&f), vec![("E106".into(), "E7".into())], "{v}");
            assert_eq!(f.findings[0].variant, Some(variant), "{v}");
        }
        let f = with_rows(vec![tm("05/18/2024")]);
        assert_eq!(f.findings[0].get("suggestion"), Some("18/05/2024"));
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
        assert_eq!(f.findings[0].get("first_row"), Some("7"));
    }

    #[test]
    fn e111_formula_error_at_that_cell() {
        let mut r = good(6, "1");
        r.cells
            .insert(Column::Quantity, CellValue::Error("#REF!".into()));
        let f = with_rows(vec![r]);
        assert_eq!(codes(&f), vec![("E111".into(), "C7".into())]);
        assert_eq!(f.findings[0].get("column"), Some("quantity"));
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
        let e201: Vec<_> = f.findings.iter().filter(|x| x.code == Code::E201).collect();
        assert_eq!(e201.len(), 3);
        assert!(e201.iter().all(|x| x.cell.is_none()));
        // File-level findings come first.
        assert_eq!(f.findings[0].code, Code::E201);
        // A row in error still counts as reporting the task.
        let f = run(&table(
            Some("CCTC"),
            vec![row(
                6,
                ["6", "", "1", "cuộc", "Quý IV/2024", "Đang thực hiện"],
            )],
        ));
        assert!(!f.findings.iter().any(|x| x.code == Code::E201));
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
        assert_eq!(f.findings[0].variant, Some("legacy"));
        assert_eq!(f.findings[0].get("count"), Some("2"));
        assert_eq!(f.findings[0].get("encoding"), Some("TCVN3"));
        w.sheets[0].fixes = vec![(0, 0, TextFix::Decomposed)];
        let f = run_with(&tbl, None, "x.xlsx", &w);
        assert_eq!(f.findings[0].variant, Some("decomposed"));
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
        assert_eq!((f.code, f.variant), (Code::E006, Some("file_size")));
        assert_eq!(f.get("limit"), Some("50 MB"));
        assert_eq!(read_error_finding(&ReadError::Encrypted).code, Code::E002);
        let f = read_error_finding(&ReadError::NotSpreadsheet {
            found: crate::read::FileKind::Docx,
        });
        assert_eq!((f.code, f.variant), (Code::E001, Some("not_spreadsheet")));
    }
}
