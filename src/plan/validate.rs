//! `RawPlan` → `Plan`: each part of the plan file checked by its own function, the
//! first problem named by its JSON path and a typed [`Problem`] (worded in
//! `messages::plan`).

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};

use super::{
    err, ContentArea, Coordinating, Deadlines, Plan, PlanError, RawContentArea, RawCoordinating,
    RawDeadlines, RawPlan, RawTask, RawUnit, Task, Unit,
};
use crate::datafile::Unreadable;
use crate::text::{fold, nfc};
use crate::value::{parse_time_text, TimeError};
use crate::vocabulary::Vocabulary;

/// What is wrong at a place of the plan file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file cannot be read.
    Unreadable(Unreadable),
    /// Not the plan's JSON shape (serde's own words).
    Json(String),
    ImplausibleYear(i64),
    NotADate(String),
    NoUnits,
    NotAUnitCode(String),
    UnitWithoutName,
    /// A name, short name or alias already used by another unit.
    NameTaken {
        name: String,
        unit: String,
    },
    UnknownUnit(String),
    TaskNumberTaken(u32),
    TaskWithoutTitle,
    NoLeadUnit,
    NotAllNorList(String),
    NotAQuarter(String),
    EmptyTimeline(String),
    NotAPeriod(String),
    NoTasks,
    AreaNumberTaken(u32),
    EmptyMeasure,
    /// The plan's own number is not of the form `<số>/<ký hiệu>`.
    NotAPlanNumber(String),
    /// The plan's date of issue is not in its year (or the year before) or comes
    /// after the Department's report.
    ImplausibleIssueDate(String),
}

pub(super) fn validate(raw: RawPlan) -> Result<Plan, PlanError> {
    if !(2000..=2100).contains(&raw.year) {
        return Err(err("year", Problem::ImplausibleYear(raw.year.into())));
    }
    let deadlines = deadlines(&raw.deadlines)?;
    let (units, unit_names) = units(&raw.units)?;
    let known = |code: &str| units.iter().any(|u| u.code == code);
    if !known(&raw.compiling_unit) {
        return Err(err(
            "compiling_unit",
            Problem::UnknownUnit(raw.compiling_unit.clone()),
        ));
    }
    let tasks = tasks(&raw.tasks, raw.year, &known)?;
    let content_areas = content_areas(&raw.content_areas)?;
    let measures = measures(&raw.units_of_measure)?;
    let (number, issued) = reference(&raw, &deadlines)?;
    Ok(Plan {
        year: raw.year,
        title: nfc(raw.title.trim()),
        number,
        issued,
        agency: nfc(raw.agency.trim()),
        compiling_unit: raw.compiling_unit,
        deadlines,
        units,
        tasks,
        content_areas,
        slogans: raw.slogans.iter().map(|s| nfc(s.trim())).collect(),
        units_of_measure: raw.units_of_measure.iter().map(|s| nfc(s.trim())).collect(),
        unit_names,
        measures,
    })
}

fn deadlines(raw: &RawDeadlines) -> Result<Deadlines, PlanError> {
    let date = |path: &str, s: &str| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|_| err(path, Problem::NotADate(s.to_string())))
    };
    Ok(Deadlines {
        units_report: date("deadlines.units_report", &raw.units_report)?,
        department_report: date("deadlines.department_report", &raw.department_report)?,
    })
}

/// The plan's own number and date of issue: both optional (the office fills them
/// in once the plan is signed); when given, the number reads `<số>/<ký hiệu>` and
/// the date falls in the plan's year or the year before, not after the report.
fn reference(
    raw: &RawPlan,
    deadlines: &Deadlines,
) -> Result<(Option<String>, Option<NaiveDate>), PlanError> {
    let number = match raw.number.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(n) => {
            let (left, right) = n.split_once('/').unwrap_or(("", ""));
            let ok = !left.trim().is_empty()
                && !right.trim().is_empty()
                && !n.contains(['{', '}', '\n']);
            if !ok {
                return Err(err("number", Problem::NotAPlanNumber(n.to_string())));
            }
            Some(nfc(n))
        }
    };
    let issued = match raw.issued.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => {
            let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| err("issued", Problem::NotADate(s.to_string())))?;
            let year = i64::from(raw.year);
            let in_range = (year - 1..=year).contains(&i64::from(d.year()))
                && d <= deadlines.department_report;
            if !in_range {
                return Err(err("issued", Problem::ImplausibleIssueDate(s.to_string())));
            }
            Some(d)
        }
    };
    Ok((number, issued))
}

/// The units, and every name each goes by (folded) → its index.
fn units(raw: &[RawUnit]) -> Result<(Vec<Unit>, HashMap<String, usize>), PlanError> {
    if raw.is_empty() {
        return Err(err("units", Problem::NoUnits));
    }
    let mut units = Vec::new();
    let mut unit_names: HashMap<String, usize> = HashMap::new();
    for (i, u) in raw.iter().enumerate() {
        let p = format!("units[{i}]");
        let code = u.code.trim().to_string();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(err(
                format!("{p}.code"),
                Problem::NotAUnitCode(u.code.clone()),
            ));
        }
        if u.name.trim().is_empty() {
            return Err(err(format!("{p}.name"), Problem::UnitWithoutName));
        }
        let unit = Unit {
            code,
            name: nfc(u.name.trim()),
            short_name: nfc(u.short_name.as_deref().unwrap_or(&u.name).trim()),
            aliases: u.aliases.iter().map(|a| nfc(a.trim())).collect(),
        };
        let names = [&unit.code, &unit.name, &unit.short_name]
            .into_iter()
            .chain(unit.aliases.iter());
        for (j, name) in names.enumerate() {
            let key = fold(name);
            if let Some(&other) = unit_names.get(&key) {
                if other != i {
                    let field = match j {
                        0 => "code".to_string(),
                        1 => "name".to_string(),
                        2 => "short_name".to_string(),
                        k => format!("aliases[{}]", k - 3),
                    };
                    return Err(err(
                        format!("{p}.{field}"),
                        Problem::NameTaken {
                            name: name.clone(),
                            unit: raw[other].code.clone(),
                        },
                    ));
                }
            }
            unit_names.insert(key, i);
        }
        units.push(unit);
    }
    Ok((units, unit_names))
}

fn tasks(raw: &[RawTask], year: i32, known: &dyn Fn(&str) -> bool) -> Result<Vec<Task>, PlanError> {
    let mut tasks: Vec<Task> = Vec::new();
    for (i, t) in raw.iter().enumerate() {
        let p = format!("tasks[{i}]");
        if t.number == 0 || tasks.iter().any(|o| o.number == t.number) {
            return Err(err(
                format!("{p}.number"),
                Problem::TaskNumberTaken(t.number),
            ));
        }
        if t.title.trim().is_empty() {
            return Err(err(format!("{p}.title"), Problem::TaskWithoutTitle));
        }
        if t.lead_units.is_empty() {
            return Err(err(format!("{p}.lead_units"), Problem::NoLeadUnit));
        }
        unit_codes(&t.lead_units, &format!("{p}.lead_units"), known)?;
        let coordinating_units = match &t.coordinating_units {
            RawCoordinating::Keyword(k) if k == "all" => Coordinating::All,
            RawCoordinating::Keyword(k) => {
                return Err(err(
                    format!("{p}.coordinating_units"),
                    Problem::NotAllNorList(k.clone()),
                ))
            }
            RawCoordinating::Units(list) => {
                unit_codes(list, &format!("{p}.coordinating_units"), known)?;
                Coordinating::Units(list.clone())
            }
        };
        let timeline = parse_time_text(&t.timeline, year, Vocabulary::shipped()).map_err(|e| {
            let problem = match e {
                TimeError::NotAQuarter => Problem::NotAQuarter(t.timeline.clone()),
                TimeError::Empty => Problem::EmptyTimeline(t.timeline.clone()),
                _ => Problem::NotAPeriod(t.timeline.clone()),
            };
            err(format!("{p}.timeline"), problem)
        })?;
        tasks.push(Task {
            number: t.number,
            title: nfc(t.title.trim()),
            short_title: nfc(t.short_title.as_deref().unwrap_or(&t.title).trim()),
            lead_units: t.lead_units.clone(),
            coordinating_units,
            coordinating_text: nfc(t.coordinating_text.trim()),
            timeline_text: nfc(t.timeline.trim()),
            timeline,
        });
    }
    if tasks.is_empty() {
        return Err(err("tasks", Problem::NoTasks));
    }
    Ok(tasks)
}

/// Every code of a task's unit list is a unit of the plan.
fn unit_codes(codes: &[String], path: &str, known: &dyn Fn(&str) -> bool) -> Result<(), PlanError> {
    match codes.iter().enumerate().find(|(_, c)| !known(c)) {
        Some((j, code)) => Err(err(
            format!("{path}[{j}]"),
            Problem::UnknownUnit(code.clone()),
        )),
        None => Ok(()),
    }
}

fn content_areas(raw: &[RawContentArea]) -> Result<Vec<ContentArea>, PlanError> {
    let mut seen = BTreeSet::new();
    for (i, c) in raw.iter().enumerate() {
        if c.number == 0 || !seen.insert(c.number) {
            return Err(err(
                format!("content_areas[{i}].number"),
                Problem::AreaNumberTaken(c.number),
            ));
        }
    }
    Ok(raw
        .iter()
        .map(|c| ContentArea {
            number: c.number,
            title: nfc(c.title.trim()),
            short_title: nfc(c.short_title.as_deref().unwrap_or(&c.title).trim()),
        })
        .collect())
}

/// The accepted units of measure, folded → index.
fn measures(raw: &[String]) -> Result<HashMap<String, usize>, PlanError> {
    let mut measures = HashMap::new();
    for (i, m) in raw.iter().enumerate() {
        if m.trim().is_empty() {
            return Err(err(format!("units_of_measure[{i}]"), Problem::EmptyMeasure));
        }
        measures.insert(fold(m), i);
    }
    Ok(measures)
}
