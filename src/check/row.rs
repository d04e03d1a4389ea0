//! The checks of one data row, one function per column (E101–E115, W103–W114),
//! and of rows against each other (W110).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::Rules;
use super::{clean_text, At, ResultRow};
use crate::finding::{Finding, Kind};
use crate::plan::Plan;
use crate::read::table::{Column, Located, RawRow};
use crate::read::CellValue;
use crate::text::fold;
use crate::value::{
    parse_content_areas, parse_quantity, parse_task_ref, parse_time, parse_time_text,
    split_quantity_measure, Period, QuantityError, Status, TimeError,
};
use crate::vocabulary::{StatusReading, Vocabulary};

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

/// Where a file's rows come from: one copy shared by all of them.
pub(super) struct Source {
    pub unit: Arc<str>,
    pub path: Arc<Path>,
    pub sheet: Arc<str>,
}

/// Readings of the values a sheet repeats row after row (times, statuses,
/// units of measure, content areas), made once per distinct text
/// ([`crate::memo`]), at most [`MEMO_ENTRIES`] texts of each kind.
pub(super) struct Memo {
    times: crate::memo::Memo<Result<Period, TimeError>>,
    statuses: crate::memo::Memo<Option<StatusReading>>,
    measures: crate::memo::Memo<Option<String>>,
    content_areas: crate::memo::Memo<Result<Vec<u32>, String>>,
}

const MEMO_ENTRIES: usize = 512;

impl Default for Memo {
    fn default() -> Memo {
        use crate::memo::Memo as M;
        Memo {
            times: M::new(MEMO_ENTRIES),
            statuses: M::new(MEMO_ENTRIES),
            measures: M::new(MEMO_ENTRIES),
            content_areas: M::new(MEMO_ENTRIES),
        }
    }
}

impl CheckedRow {
    /// The row as it goes into the report, if every value it needs is usable.
    pub fn into_result(self, plan: &Plan, source: &Source, raw: &RawRow) -> Option<ResultRow> {
        let task = self.task?;
        let role = plan.task(task).and_then(|t| plan.role(t, &source.unit));
        Some(ResultRow {
            unit: Arc::clone(&source.unit),
            path: Arc::clone(&source.path),
            sheet: Arc::clone(&source.sheet),
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
    rules: &Rules<'_>,
    unit: Option<&str>,
    raw: &RawRow,
    at: &At<'_>,
    memo: &mut Memo,
    findings: &mut Vec<Finding>,
) -> CheckedRow {
    let mut c = RowChecks {
        plan: rules.plan,
        vocabulary: rules.vocabulary,
        unit,
        raw,
        at,
        memo,
        findings,
    };
    // E111 first: a formula error makes that cell unusable for every other check.
    c.formula_errors();
    let task = c.task();
    let activity = c.activity();
    let (quantity, implied_measure) = c.quantity();
    let measure = c.measure(quantity, implied_measure);
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
    vocabulary: &'a Vocabulary,
    unit: Option<&'a str>,
    raw: &'a RawRow,
    at: &'a At<'a>,
    memo: &'a mut Memo,
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
        // A required column missing from the header is one E008, not a finding
        // on every row.
        if Column::REQUIRED.contains(&col) && !self.at.table.columns.contains_key(&col) {
            return;
        }
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
    fn task_ref(&mut self, v: &CellValue, place: impl Fn(&Self, Kind) -> Finding) -> Option<u32> {
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

    /// The quantity (E104); empty is fine. A number with its unit (`02 lớp`) is
    /// read as both when the unit cell is empty or says the same (W116); the
    /// unit so read is returned when the unit cell is empty.
    fn quantity(&mut self) -> (Option<u64>, Option<String>) {
        let v = self.cell(Column::Quantity);
        if v.is_some_and(is_error) {
            return (None, None);
        }
        match parse_quantity(v) {
            Ok(q) => (q, None),
            Err(e) => {
                let value = v.map(clean_text).unwrap_or_default();
                if let Some(read) = self.quantity_with_measure(&value) {
                    return read;
                }
                let kind = match e {
                    QuantityError::NotNumber => Kind::QuantityNotNumber { value },
                    QuantityError::Negative => Kind::QuantityNegative { value },
                    QuantityError::Fractional => Kind::QuantityFractional { value },
                };
                self.report(kind, Column::Quantity);
                (None, None)
            }
        }
    }

    /// `02 lớp`: the number and a unit of measure the plan accepts, read (W116)
    /// when the unit cell is empty or names the same unit, E104 when it names
    /// another; `None` when the text is not a number and a known unit.
    fn quantity_with_measure(&mut self, value: &str) -> Option<(Option<u64>, Option<String>)> {
        let (n, written) = split_quantity_measure(value)?;
        let measure = self.known_measure(written)?;
        let in_cell = self
            .cell(Column::Measure)
            .filter(|v| !is_error(v))
            .map(clean_text);
        match in_cell {
            Some(other) if self.known_measure(&other).as_deref() != Some(&measure) => {
                let kind = Kind::QuantityMeasureDiffers {
                    value: value.to_string(),
                    in_quantity: written.to_string(),
                    in_measure: other,
                };
                self.report(kind, Column::Quantity);
                Some((None, None))
            }
            in_cell => {
                let kind = Kind::QuantityWithMeasure {
                    value: value.to_string(),
                    quantity: n,
                    measure: measure.clone(),
                };
                self.report(kind, Column::Quantity);
                Some((Some(n), in_cell.is_none().then_some(measure)))
            }
        }
    }

    /// The unit of measure in the plan's spelling, or as written (W114); none
    /// for a quantity above 0 is E115, unless the quantity cell gave it
    /// (`implied`, from `02 lớp`).
    fn measure(&mut self, quantity: Option<u64>, implied: Option<String>) -> Option<String> {
        match self.cell(Column::Measure) {
            Some(v) if is_error(v) => None,
            Some(v) => {
                let written = clean_text(v);
                match self.known_measure(&written) {
                    Some(m) => Some(m),
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
            None if implied.is_some() => implied,
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
                let vocabulary = self.vocabulary;
                let reading = match v {
                    CellValue::Text(t) => self.memo.statuses.get(t, |t| vocabulary.read_status(t)),
                    _ => None,
                };
                match reading {
                    None => {
                        let kind = Kind::StatusUnknown {
                            value: clean_text(v),
                        };
                        self.report(kind, Column::Status);
                    }
                    Some(r) if r.judged => {
                        let kind = Kind::StatusJudged {
                            value: clean_text(v),
                            reading: vocabulary.label(r.status).to_string(),
                        };
                        self.report(kind, Column::Status);
                    }
                    Some(_) => {}
                }
                reading.map(|r| r.status)
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
        let vocabulary = self.vocabulary;
        let parsed = match v {
            None => Err(TimeError::Empty),
            Some(CellValue::Text(t)) => self
                .memo
                .times
                .get(t, |t| parse_time_text(t, plan.year, vocabulary)),
            Some(v) => parse_time(v, plan.year, vocabulary),
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

    /// [`known_measure`], remembered for the sheet.
    fn known_measure(&mut self, written: &str) -> Option<String> {
        let (plan, vocabulary) = (self.plan, self.vocabulary);
        self.memo
            .measures
            .get(written, |w| known_measure(plan, vocabulary, w))
    }

    /// The content areas of plan section II the row names (W113).
    fn content_areas(&mut self) -> Vec<u32> {
        let Some(v) = self.cell(Column::ContentAreas).filter(|v| !is_error(v)) else {
            return Vec::new();
        };
        let count = self.plan.content_areas.len();
        let parsed = match v {
            CellValue::Text(t) => self.memo.content_areas.get(t, |_| parse_content_areas(v)),
            v => parse_content_areas(v),
        };
        match parsed {
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

/// A unit of measure in the plan's spelling: as the plan writes it, or a
/// spelling the vocabulary knows (`tin bài` → `tin/bài`) of a unit the plan
/// accepts.
fn known_measure(plan: &Plan, vocabulary: &Vocabulary, written: &str) -> Option<String> {
    plan.measure(written)
        .or_else(|| {
            vocabulary
                .measure(written)
                .and_then(|name| plan.measure(name))
        })
        .map(str::to_string)
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
