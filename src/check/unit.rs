//! Whose file it is (E004, E005) and the checks of the file as the unit's report:
//! a task it leads with no row (E201), a late report date (W202).

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;

use super::Rules;
use crate::finding::{Finding, Kind, UnitName};
use crate::plan::{Plan, Unit, UnitMatch};
use crate::read::table::UnitTable;
use crate::read::CellValue;
use crate::text::{fold, squash_spaces};
use crate::value::parse_time_text;
use crate::vocabulary::Vocabulary;

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
    rules: &Rules<'_>,
    table: &UnitTable,
    findings: &mut Vec<Finding>,
) -> Option<NaiveDate> {
    let plan = rules.plan;
    let d = table.report_date.as_ref()?;
    let date = report_date_of(&d.value, rules.vocabulary)?;
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
fn report_date_of(v: &CellValue, vocabulary: &Vocabulary) -> Option<NaiveDate> {
    match v {
        CellValue::Date(d) => Some(*d),
        CellValue::Text(s) => {
            if let Ok(p) = parse_time_text(s, 0, vocabulary) {
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
