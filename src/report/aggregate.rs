//! Aggregation: from the plan and the checked files that reach the report, the
//! figures the report states — per task (rows, totals per unit and per unit of
//! measure, status), coverage of the content areas, who did not report or reported
//! late, the files left out, and the units' remarks. Pure and deterministic: the
//! same inputs give the same [`ReportData`], whatever the order of the files.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::check::{CheckedFile, ResultRow};
use crate::plan::Plan;
use crate::value::{Period, Status};

pub use crate::report::exclusion::Exclusion;

/// A task's status in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TaskStatus {
    /// A lead unit sent no row for the task.
    NotReported,
    NotStarted,
    InProgress,
    Done,
}

impl From<Status> for TaskStatus {
    fn from(s: Status) -> Self {
        match s {
            Status::NotStarted => TaskStatus::NotStarted,
            Status::InProgress => TaskStatus::InProgress,
            Status::Done => TaskStatus::Done,
        }
    }
}

/// Quantities per unit of measure (plan spelling), in the plan's order of measures.
pub type Totals = Vec<(String, u64)>;

/// One unit's part in a task.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitResult {
    pub unit: String,
    /// Rows (activities) the unit reported for the task.
    pub activities: usize,
    pub totals: Totals,
    /// Whether the unit leads the task (its figures are the task's); otherwise
    /// its rows are contributions, never added to the lead's figures.
    pub lead: bool,
}

/// The results of one task.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskResult<'a> {
    pub number: u32,
    /// Whether the plan has this task (rows naming another number are kept too,
    /// so that every included row reaches the appendix).
    pub in_plan: bool,
    /// The task's rows, by unit (plan order), file and sheet row.
    pub rows: Vec<&'a ResultRow>,
    /// Per unit, in plan order.
    pub units: Vec<UnitResult>,
    /// Across units (every row: for the workbook, never for the report's prose).
    pub totals: Totals,
    /// The lead units' rows only, each event once: the task's own figures.
    pub lead_totals: Totals,
    /// Per row (same order as `rows`): the row reports the same event as an
    /// earlier row of another lead unit (one conference run by two lead units),
    /// so its figure is not counted again.
    pub repeated: Vec<bool>,
    /// Each lead unit's status ([`combine`] over its rows), `NotReported`
    /// without rows.
    pub lead_status: Vec<(String, TaskStatus)>,
    /// The lead units' statuses combined the same way; `NotReported` when one
    /// of them sent no row.
    pub status: TaskStatus,
    /// In progress while the task's timeline ends after the units' deadline (a
    /// continuous task, or one due in Q4): expected, not a shortcoming.
    pub on_schedule: bool,
    /// The task runs the whole year (`Thường xuyên`).
    pub continuous: bool,
}

impl TaskResult<'_> {
    /// Lead units that sent no row for the task.
    pub fn leads_not_reported(&self) -> Vec<&str> {
        self.lead_status
            .iter()
            .filter(|(_, s)| *s == TaskStatus::NotReported)
            .map(|(u, _)| u.as_str())
            .collect()
    }
}

/// How many activities covered one content area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaCoverage {
    pub number: u32,
    pub activities: usize,
}

/// A unit that sent its file after the deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LateUnit {
    pub unit: String,
    pub report_date: NaiveDate,
}

/// A remark (difficulty or proposal) attributed to its unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remark {
    pub unit: String,
    pub text: String,
}

/// Everything the report states that comes from the units' files.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportData<'a> {
    pub year: i32,
    /// Plan tasks in plan order, then any other task numbers found, ascending.
    pub tasks: Vec<TaskResult<'a>>,
    /// All rows.
    pub activities: usize,
    /// Across all tasks.
    pub totals: Totals,
    /// Every content area of the plan, in plan order.
    pub coverage: Vec<AreaCoverage>,
    /// Plan units with no included file and no excluded file, in plan order.
    pub units_missing: Vec<String>,
    /// Units whose file is dated after the units' deadline, in plan order.
    pub units_late: Vec<LateUnit>,
    pub exclusions: Vec<Exclusion>,
    pub difficulties: Vec<Remark>,
    pub proposals: Vec<Remark>,
    /// Number of rows in the appendix: the sum of the included files' rows.
    pub rows_included: usize,
}

impl ReportData<'_> {
    pub fn task(&self, number: u32) -> Option<&TaskResult<'_>> {
        self.tasks.iter().find(|t| t.number == number)
    }

    /// Content areas no activity covered.
    pub fn areas_not_covered(&self) -> Vec<u32> {
        self.coverage
            .iter()
            .filter(|c| c.activities == 0)
            .map(|c| c.number)
            .collect()
    }
}

/// Builds the report's figures from the plan, the included files and the exclusions.
pub fn aggregate<'a>(
    plan: &Plan,
    included: impl IntoIterator<Item = &'a CheckedFile>,
    exclusions: &[Exclusion],
) -> ReportData<'a> {
    let unit_rank = |code: &str| {
        plan.units
            .iter()
            .position(|u| u.code == code)
            .unwrap_or(usize::MAX)
    };
    let files = sorted_files(included, &unit_rank);
    let rows = sorted_rows(&files, &unit_rank);
    let tasks: Vec<TaskResult<'a>> = task_numbers(plan, &rows)
        .into_iter()
        .map(|number| {
            let task_rows: Vec<&ResultRow> =
                rows.iter().filter(|r| r.task == number).copied().collect();
            task_result(plan, number, task_rows, &unit_rank)
        })
        .collect();

    let all_rows: Vec<&ResultRow> = tasks.iter().flat_map(|t| t.rows.iter().copied()).collect();
    let totals = sum_totals(plan, all_rows.iter().copied());
    let coverage = coverage(plan, &all_rows);
    let units_missing = units_missing(plan, &files, exclusions);
    let units_late = units_late(plan, &files, &unit_rank);
    let difficulties = remarks(&files, |f| &f.difficulties);
    let proposals = remarks(&files, |f| &f.proposals);

    let mut exclusions = exclusions.to_vec();
    exclusions.sort_by(|a, b| a.key().cmp(&b.key()));
    exclusions.dedup_by(|a, b| a.key() == b.key());

    ReportData {
        year: plan.year,
        activities: all_rows.len(),
        rows_included: all_rows.len(),
        tasks,
        totals,
        coverage,
        units_missing,
        units_late,
        exclusions,
        difficulties,
        proposals,
    }
}

/// The included files in a stable order (plan unit order, then path), whatever
/// order they were read in.
fn sorted_files<'a>(
    included: impl IntoIterator<Item = &'a CheckedFile>,
    unit_rank: &dyn Fn(&str) -> usize,
) -> Vec<&'a CheckedFile> {
    let mut files: Vec<&CheckedFile> = included.into_iter().collect();
    files.sort_by(|a, b| {
        let ua = a.unit.as_deref().unwrap_or("");
        let ub = b.unit.as_deref().unwrap_or("");
        (unit_rank(ua), ua, &a.path).cmp(&(unit_rank(ub), ub, &b.path))
    });
    files
}

/// Every row of the files, by task, then unit (plan order), then source.
fn sorted_rows<'a>(
    files: &[&'a CheckedFile],
    unit_rank: &dyn Fn(&str) -> usize,
) -> Vec<&'a ResultRow> {
    let rows: Vec<&ResultRow> = files.iter().flat_map(|f| f.rows.iter()).collect();
    // The order is (task, unit rank, unit, path, sheet, row). A file's rows share
    // their unit, path and sheet (one `Arc` each): each run of rows from one
    // source is ranked once among the sources, and the rows are sorted by
    // (task, source rank, row) — numbers, where comparing the whole key asked
    // the unit's rank and compared paths at every step.
    type Source<'r> = (usize, &'r str, &'r Path, &'r str);
    let mut sources: Vec<Source<'_>> = Vec::new();
    let mut source_of: Vec<usize> = Vec::with_capacity(rows.len());
    for r in &rows {
        let same = sources.last().is_some_and(|&(_, unit, path, sheet)| {
            std::ptr::eq(unit, &*r.unit)
                && std::ptr::eq(path, &*r.path)
                && std::ptr::eq(sheet, &*r.sheet)
        });
        if !same {
            sources.push((unit_rank(&r.unit), &r.unit, &r.path, &r.sheet));
        }
        source_of.push(sources.len() - 1);
    }
    let mut by_order: Vec<usize> = (0..sources.len()).collect();
    by_order.sort_by(|&a, &b| sources[a].cmp(&sources[b]));
    let mut rank = vec![0; sources.len()];
    for (i, pair) in by_order.windows(2).enumerate() {
        let step = usize::from(sources[pair[0]] != sources[pair[1]]);
        rank[pair[1]] = rank[by_order[i]] + step;
    }
    let mut keyed: Vec<((u32, usize, u32), &ResultRow)> = rows
        .into_iter()
        .zip(source_of)
        .map(|(r, s)| ((r.task, rank[s], r.row), r))
        .collect();
    // Stable, as the sort by the whole key was: rows equal in it keep their order.
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, r)| r).collect()
}

/// The plan's task numbers in plan order, then any other number rows name.
fn task_numbers(plan: &Plan, rows: &[&ResultRow]) -> Vec<u32> {
    let mut numbers: Vec<u32> = plan.tasks.iter().map(|t| t.number).collect();
    let extra: BTreeSet<u32> = rows
        .iter()
        .map(|r| r.task)
        .filter(|n| plan.task(*n).is_none())
        .collect();
    numbers.extend(extra);
    numbers
}

/// How many activities serve each content area of the plan (an activity once
/// per area, however often it names it).
fn coverage(plan: &Plan, rows: &[&ResultRow]) -> Vec<AreaCoverage> {
    let mut area_counts: BTreeMap<u32, usize> = BTreeMap::new();
    for r in rows {
        let distinct: BTreeSet<u32> = r.content_areas.iter().copied().collect();
        for a in distinct {
            *area_counts.entry(a).or_default() += 1;
        }
    }
    plan.content_areas
        .iter()
        .map(|c| AreaCoverage {
            number: c.number,
            activities: area_counts.get(&c.number).copied().unwrap_or(0),
        })
        .collect()
}

/// Plan units with neither an included file nor a file left out whole.
fn units_missing(plan: &Plan, files: &[&CheckedFile], exclusions: &[Exclusion]) -> Vec<String> {
    let reporting: BTreeSet<&str> = files.iter().filter_map(|f| f.unit.as_deref()).collect();
    let excluded: BTreeSet<&str> = exclusions
        .iter()
        .filter(|e| e.rows.is_empty())
        .filter_map(|e| e.unit.as_deref())
        .collect();
    plan.units
        .iter()
        .map(|u| u.code.as_str())
        .filter(|c| !reporting.contains(c) && !excluded.contains(c))
        .map(str::to_string)
        .collect()
}

/// Units whose file is dated after the units' deadline (the latest date), in
/// plan order.
fn units_late(
    plan: &Plan,
    files: &[&CheckedFile],
    unit_rank: &dyn Fn(&str) -> usize,
) -> Vec<LateUnit> {
    let deadline = plan.deadlines.units_report;
    let mut late: BTreeMap<(usize, String), NaiveDate> = BTreeMap::new();
    for f in files {
        if let (Some(unit), Some(date)) = (&f.unit, f.report_date) {
            if date > deadline {
                let e = late.entry((unit_rank(unit), unit.clone())).or_insert(date);
                *e = (*e).max(date);
            }
        }
    }
    late.into_iter()
        .map(|((_, unit), report_date)| LateUnit { unit, report_date })
        .collect()
}

/// The units' remarks picked by `pick`, each unit's text once, in file order.
fn remarks(files: &[&CheckedFile], pick: fn(&CheckedFile) -> &Vec<String>) -> Vec<Remark> {
    let mut seen = HashSet::new();
    let mut out: Vec<Remark> = Vec::new();
    for f in files {
        let unit = f.unit.as_deref().unwrap_or_default();
        for text in pick(f) {
            let text = text.trim();
            if text.is_empty() || !seen.insert((unit, text)) {
                continue;
            }
            out.push(Remark {
                unit: unit.to_string(),
                text: text.to_string(),
            });
        }
    }
    out
}

fn task_result<'a>(
    plan: &Plan,
    number: u32,
    rows: Vec<&'a ResultRow>,
    unit_rank: &dyn Fn(&str) -> usize,
) -> TaskResult<'a> {
    let task = plan.task(number);
    let mut unit_codes: Vec<&str> = rows.iter().map(|r| &*r.unit).collect();
    // Already in unit order when the rows come sorted: repeats go first.
    unit_codes.dedup();
    unit_codes.sort_by_key(|u| (unit_rank(u), *u));
    unit_codes.dedup();
    let leads: Vec<String> = match task {
        Some(t) => t.lead_units.clone(),
        None => unit_codes.iter().map(|s| s.to_string()).collect(),
    };
    let units = unit_codes
        .iter()
        .map(|&code| {
            let mine: Vec<&ResultRow> = rows.iter().filter(|r| &*r.unit == code).copied().collect();
            UnitResult {
                unit: code.to_string(),
                activities: mine.len(),
                totals: sum_totals(plan, mine.iter().copied()),
                lead: leads.iter().any(|l| l == code),
            }
        })
        .collect();
    let totals = sum_totals(plan, rows.iter().copied());
    let repeated = repeated_events(&rows, &leads);
    let lead_totals = sum_totals(
        plan,
        rows.iter()
            .zip(&repeated)
            .filter(|(r, rep)| leads.iter().any(|l| **l == *r.unit) && !**rep)
            .map(|(r, _)| *r),
    );
    let lead_status: Vec<(String, TaskStatus)> = leads
        .into_iter()
        .map(|lead| {
            let status = combine(
                rows.iter()
                    .filter(|r| *r.unit == *lead)
                    .map(|r| TaskStatus::from(r.status)),
            );
            (lead, status)
        })
        .collect();
    let status = combine(lead_status.iter().map(|(_, s)| *s));
    let on_schedule = status == TaskStatus::InProgress
        && task.is_some_and(|t| t.timeline.end > plan.deadlines.units_report);
    let continuous = task.is_some_and(|t| {
        let p = &t.timeline;
        p.start.ordinal() == 1 && p.end.month() == 12 && p.end.day() == 31
    });
    TaskResult {
        number,
        in_plan: task.is_some(),
        rows,
        units,
        totals,
        lead_totals,
        repeated,
        lead_status,
        status,
        on_schedule,
        continuous,
    }
}

/// Marks the lead rows that report an event an earlier lead row of another
/// unit already reports: same measure, quantity and period, and activity texts
/// sharing most of their words (`Chủ trì tổ chức Hội nghị nhân Ngày KH&CN …` and
/// `Tổ chức Hội nghị nhân Ngày KH&CN … (phối hợp Phòng HC-TH)`).
fn repeated_events(rows: &[&ResultRow], leads: &[String]) -> Vec<bool> {
    // Earlier lead rows with a quantity, by what must be equal (measure, quantity,
    // period): each row is compared with those only, not with every row before it.
    type Key<'r> = (Option<&'r str>, Option<u64>, Period);
    let mut earlier: HashMap<Key<'_>, Vec<usize>> = HashMap::new();
    let mut out = vec![false; rows.len()];
    // A row's words are made when it is first compared: most rows share their
    // key with no earlier row of another unit and are never compared.
    let mut words: Vec<Option<BTreeSet<String>>> = vec![None; rows.len()];
    for j in 0..rows.len() {
        let b = &rows[j];
        if b.quantity.is_none() || !leads.iter().any(|l| **l == *b.unit) {
            continue;
        }
        let key = (b.measure.as_deref(), b.quantity, b.period);
        let candidates = earlier.entry(key).or_default();
        for &i in candidates.iter() {
            if out[i] || rows[i].unit == b.unit {
                continue;
            }
            for k in [i, j] {
                if words[k].is_none() {
                    words[k] = Some(activity_words(&rows[k].activity));
                }
            }
            if let (Some(wi), Some(wj)) = (&words[i], &words[j]) {
                if same_activity(wi, wj) {
                    out[j] = true;
                    break;
                }
            }
        }
        candidates.push(j);
    }
    out
}

/// The words of each lead row's activity (folded), `None` for other rows.
#[cfg(test)]
fn lead_words(rows: &[&ResultRow], leads: &[String]) -> Vec<Option<BTreeSet<String>>> {
    rows.iter()
        .map(|r| {
            leads
                .iter()
                .any(|l| **l == *r.unit)
                .then(|| activity_words(&r.activity))
        })
        .collect()
}

/// An activity's words, folded.
fn activity_words(activity: &str) -> BTreeSet<String> {
    crate::text::fold(activity)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Two activity texts name one event when they share 70 % of the shorter's words.
fn same_activity(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let shared = a.intersection(b).count();
    let smaller = a.len().min(b.len()).max(1);
    shared * 10 >= smaller * 7
}

/// The status rule of `report.md`: never more than the rows show. Done when
/// every part is done, not started when none has started, otherwise in progress;
/// a part not reported (or no part at all) makes the whole not reported.
pub fn combine(parts: impl IntoIterator<Item = TaskStatus>) -> TaskStatus {
    let mut any = false;
    let (mut all_done, mut none_started) = (true, true);
    for s in parts {
        any = true;
        match s {
            TaskStatus::NotReported => return TaskStatus::NotReported,
            TaskStatus::Done => none_started = false,
            TaskStatus::InProgress => {
                all_done = false;
                none_started = false;
            }
            TaskStatus::NotStarted => all_done = false,
        }
    }
    match (any, all_done, none_started) {
        (false, _, _) => TaskStatus::NotReported,
        (true, true, _) => TaskStatus::Done,
        (true, _, true) => TaskStatus::NotStarted,
        _ => TaskStatus::InProgress,
    }
}

/// Sums quantities per unit of measure; measures in the plan's order, then others
/// alphabetically. Rows without a quantity or a measure count as activities only.
fn sum_totals<'a>(plan: &Plan, rows: impl Iterator<Item = &'a ResultRow>) -> Totals {
    let mut sums: BTreeMap<(usize, String), u64> = BTreeMap::new();
    for r in rows {
        if let (Some(q), Some(m)) = (r.quantity, &r.measure) {
            let rank = plan
                .units_of_measure
                .iter()
                .position(|p| p == m)
                .unwrap_or(usize::MAX);
            *sums.entry((rank, m.clone())).or_default() += q;
        }
    }
    sums.into_iter().map(|((_, m), n)| (m, n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Finding, Kind};

    /// `repeated_events` as it was: every lead row against every earlier one.
    fn repeated_by_pairs(rows: &[&ResultRow], leads: &[String]) -> Vec<bool> {
        let lead_words = lead_words(rows, leads);
        let mut out = vec![false; rows.len()];
        for j in 0..rows.len() {
            let Some(wj) = &lead_words[j] else { continue };
            let b = &rows[j];
            if b.quantity.is_none() {
                continue;
            }
            out[j] = (0..j).any(|i| {
                let a = &rows[i];
                let Some(wi) = &lead_words[i] else {
                    return false;
                };
                if out[i] || a.unit == b.unit || a.measure != b.measure || a.quantity != b.quantity
                {
                    return false;
                }
                a.period == b.period && same_activity(wi, wj)
            });
        }
        out
    }

    #[test]
    fn repeated_events_by_key_agree_with_every_pair() {
        use crate::report::testdata::row;
        let units = ["HCTH", "TTUD", "QLKH"];
        let texts = [
            "Chủ trì tổ chức Hội nghị nhân Ngày KH&CN Việt Nam",
            "Tổ chức Hội nghị nhân Ngày KH&CN Việt Nam (phối hợp Phòng HC-TH)",
            "Đăng tin về cải cách thủ tục hành chính",
            "Đăng tin cải cách thủ tục hành chính",
        ];
        let rows: Vec<ResultRow> = (0..400)
            .map(|i| {
                let q = (i % 7 != 3).then_some(((i / 5) % 3) as u64);
                let m = ["tin", "hội nghị", ""][(i / 2) % 3];
                let mut r = row(units[i % 3], 4, texts[(i / 3) % 4], q, m, Status::Done);
                if i % 5 == 0 {
                    r.period = Period::day(crate::report::testdata::d("2024-05-18"));
                }
                r
            })
            .collect();
        let leads = vec!["HCTH".to_string(), "TTUD".to_string()];
        let refs: Vec<&ResultRow> = rows.iter().collect();
        let by_key = repeated_events(&refs, &leads);
        assert_eq!(by_key, repeated_by_pairs(&refs, &leads));
        assert!(by_key.iter().filter(|r| **r).count() > 10);
    }
    use crate::read::table::Column;
    use crate::report::exclusion::Reason;
    use crate::value::Period;
    use std::path::PathBuf;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn row(
        unit: &str,
        task: u32,
        q: Option<u64>,
        m: &str,
        status: Status,
        areas: &[u32],
    ) -> ResultRow {
        ResultRow {
            unit: unit.into(),
            path: PathBuf::from(format!("{unit}.xlsx")).into(),
            sheet: "Sheet1".into(),
            row: 0,
            task,
            role: None,
            activity: format!("Hoạt động {unit} {task}"),
            quantity: q,
            measure: (!m.is_empty()).then(|| m.to_string()),
            time_text: "05/03/2024".into(),
            period: Period::day(d("2024-03-05")),
            status,
            content_areas: areas.to_vec(),
            evidence: None,
        }
    }

    fn file(unit: &str, date: &str, mut rows: Vec<ResultRow>) -> CheckedFile {
        for (i, r) in rows.iter_mut().enumerate() {
            r.row = 6 + i as u32;
        }
        CheckedFile {
            path: PathBuf::from(format!("{unit}.xlsx")),
            unit: Some(unit.into()),
            sheet: Some("Sheet1".into()),
            rows_total: rows.len(),
            rows,
            findings: vec![],
            report_date: Some(d(date)),
            difficulties: vec![format!("Khó khăn của {unit}")],
            proposals: vec![],
            ignored_sheets: vec![],
        }
    }

    fn sample() -> Vec<CheckedFile> {
        use Status::*;
        vec![
            file(
                "TTUD",
                "2024-11-10",
                vec![
                    row("TTUD", 1, Some(100), "tin/bài", Done, &[1, 2]),
                    row("TTUD", 1, Some(45), "tin/bài", InProgress, &[2]),
                    row("TTUD", 2, Some(53), "thủ tục", Done, &[2]),
                    row("TTUD", 4, Some(3), "hoạt động", Done, &[8]),
                ],
            ),
            file(
                "HCTH",
                "2024-11-20",
                vec![
                    row("HCTH", 1, Some(9), "tin/bài", Done, &[]),
                    row("HCTH", 4, None, "", InProgress, &[8]),
                ],
            ),
            file(
                "CCTC",
                "2024-11-14",
                vec![row("CCTC", 6, Some(8), "cơ quan", InProgress, &[5])],
            ),
            file(
                "QLTC",
                "2024-11-14",
                vec![row("QLTC", 5, Some(2), "lớp", NotStarted, &[])],
            ),
        ]
    }

    #[test]
    fn totals_and_status_follow_the_rules() {
        let p = Plan::shipped();
        let files = sample();
        let data = aggregate(&p, &files, &[]);
        let t1 = data.task(1).unwrap();
        assert_eq!(t1.totals, vec![("tin/bài".to_string(), 154)]);
        assert_eq!(t1.units[0].unit, "HCTH");
        assert_eq!(t1.units[1].totals, vec![("tin/bài".to_string(), 145)]);
        // TTUD, the lead, has one row still in progress: the task is too.
        assert_eq!(t1.status, TaskStatus::InProgress);
        assert!(t1.on_schedule && t1.continuous);
        // The task's own figures are the lead's: HCTH's 9 are a contribution.
        assert_eq!(t1.lead_totals, vec![("tin/bài".to_string(), 145)]);
        assert!(!t1.units[0].lead && t1.units[1].lead);
        // Worst across lead units (HCTH in progress, TTUD done).
        assert_eq!(data.task(4).unwrap().status, TaskStatus::InProgress);
        assert!(!data.task(4).unwrap().on_schedule);
        // Q4 task in progress at report time is on schedule.
        assert_eq!(data.task(6).unwrap().status, TaskStatus::InProgress);
        assert!(data.task(6).unwrap().on_schedule);
        assert_eq!(data.task(5).unwrap().status, TaskStatus::NotStarted);
        assert_eq!(data.task(3).unwrap().status, TaskStatus::NotReported);
        assert_eq!(data.task(3).unwrap().leads_not_reported(), ["TTUD"]);
        assert_eq!(data.rows_included, 8);
        assert_eq!(data.activities, 8);
        assert_eq!(
            data.totals
                .iter()
                .map(|(m, _)| m.as_str())
                .collect::<Vec<_>>(),
            ["tin/bài", "thủ tục", "lớp", "cơ quan", "hoạt động"]
        );
    }

    #[test]
    fn the_status_rule_never_claims_more_than_the_rows() {
        use TaskStatus::*;
        assert_eq!(combine([Done, Done]), Done);
        assert_eq!(combine([Done, InProgress]), InProgress);
        assert_eq!(combine([Done, NotStarted]), InProgress);
        assert_eq!(combine([NotStarted, NotStarted]), NotStarted);
        assert_eq!(combine([Done, NotReported]), NotReported);
        assert_eq!(combine([]), NotReported);
    }

    #[test]
    fn a_lead_unit_without_rows_makes_the_task_not_reported() {
        let p = Plan::shipped();
        let files: Vec<CheckedFile> = sample()
            .into_iter()
            .filter(|f| f.unit.as_deref() != Some("HCTH"))
            .collect();
        let data = aggregate(&p, &files, &[]);
        let t4 = data.task(4).unwrap();
        assert_eq!(t4.status, TaskStatus::NotReported);
        assert_eq!(t4.leads_not_reported(), ["HCTH"]);
    }

    #[test]
    fn coverage_missing_late_and_remarks() {
        let p = Plan::shipped();
        let excl = [Exclusion {
            path: "QLKH.xlsx".into(),
            unit: Some("QLKH".into()),
            rows: Vec::new(),
            reason: Some(Reason::Finding(Box::new(Finding::new(Kind::NoHeader {
                missing: vec![Column::Task],
            })))),
        }];
        let files = sample();
        let data = aggregate(&p, &files, &excl);
        let cov: Vec<usize> = data.coverage.iter().map(|c| c.activities).collect();
        assert_eq!(cov, [1, 3, 0, 0, 1, 0, 0, 2, 0]);
        assert_eq!(data.areas_not_covered(), [3, 4, 6, 7, 9]);
        assert_eq!(data.units_missing, ["TTRA", "QLCN"]);
        assert_eq!(data.units_late.len(), 1);
        assert_eq!(data.units_late[0].unit, "HCTH");
        assert_eq!(data.difficulties.len(), 4);
        assert_eq!(data.difficulties[0].unit, "HCTH");
        assert_eq!(data.exclusions.len(), 1);
    }

    #[test]
    fn order_of_files_does_not_matter() {
        let p = Plan::shipped();
        let files = sample();
        let mut reversed = sample();
        reversed.reverse();
        let a = aggregate(&p, &files, &[]);
        let b = aggregate(&p, &reversed, &[]);
        assert_eq!(a, b);
    }

    #[test]
    fn rows_of_unknown_tasks_still_count() {
        let p = Plan::shipped();
        let files = vec![file(
            "TTUD",
            "2024-11-01",
            vec![row("TTUD", 9, Some(1), "tin", Status::Done, &[])],
        )];
        let data = aggregate(&p, &files, &[]);
        assert_eq!(data.tasks.last().unwrap().number, 9);
        assert!(!data.tasks.last().unwrap().in_plan);
        assert_eq!(data.rows_included, 1);
    }
}
