//! `baocao plan`: the plan as people read it (tasks, who leads and coordinates,
//! timelines, content areas, deadlines, and what each unit must report), or as JSON:
//! the plan's fields plus `assignments`, one entry per unit.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::cli::args::{Format, GlobalArgs, PlanArgs};
use crate::cli::cmd::{load_plan, EXIT_OK};
use crate::messages::Lang;
use crate::messages::{ui, ui_fill};
use crate::plan::{Coordinating, Plan, Role};

/// What one unit must report: the tasks it leads (a missing row is E201) and the
/// tasks it coordinates.
#[derive(Debug, Serialize)]
pub struct Assignment {
    pub unit: String,
    pub name: String,
    pub lead: Vec<u32>,
    pub coordinating: Vec<u32>,
}

/// Every unit's assignment, in roster order.
pub fn assignments(plan: &Plan) -> Vec<Assignment> {
    plan.units
        .iter()
        .map(|u| {
            let of = |role: Role| {
                plan.assignments(&u.code)
                    .filter(|(_, r)| *r == role)
                    .map(|(t, _)| t.number)
                    .collect()
            };
            Assignment {
                unit: u.code.clone(),
                name: u.name.clone(),
                lead: of(Role::Lead),
                coordinating: of(Role::Coordinating),
            }
        })
        .collect()
}

#[derive(Serialize)]
struct PlanDocument<'a> {
    #[serde(flatten)]
    plan: &'a Plan,
    assignments: Vec<Assignment>,
}

pub fn plan(args: &PlanArgs, global: &GlobalArgs) -> Result<i32> {
    let plan = load_plan(global)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            let doc = PlanDocument {
                plan: &plan,
                assignments: assignments(&plan),
            };
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        Format::Text => write!(out, "{}", plan_text(&plan, global.lang))?,
    }
    Ok(EXIT_OK)
}

/// The plan as text.
pub fn plan_text(plan: &Plan, lang: Lang) -> String {
    let day = crate::text::dmy;
    let name = |code: &str| match plan.unit(code) {
        Some(u) => format!("{} ({code})", u.name),
        None => code.to_string(),
    };
    let mut s = String::new();
    let mut line = |l: String| {
        s.push_str(&l);
        s.push('\n');
    };
    line(ui_fill(
        lang,
        "plan.heading",
        &[
            ("title", plan.title.clone()),
            ("agency", plan.agency.clone()),
            ("year", plan.year.to_string()),
        ],
    ));
    line(ui_fill(
        lang,
        "plan.compiling",
        &[("unit", name(&plan.compiling_unit))],
    ));
    line(ui_fill(
        lang,
        "plan.units_report",
        &[("date", day(plan.deadlines.units_report))],
    ));
    line(ui_fill(
        lang,
        "plan.department_report",
        &[("date", day(plan.deadlines.department_report))],
    ));
    line(String::new());
    line(ui(lang, "plan.tasks").to_string());
    for t in &plan.tasks {
        line(format!("{:>3}. {}", t.number, t.title));
        let lead: Vec<String> = t.lead_units.iter().map(|c| name(c)).collect();
        line(format!(
            "     {}: {}",
            ui(lang, "plan.lead"),
            lead.join("; ")
        ));
        let coordinating = match &t.coordinating_units {
            Coordinating::All => ui(lang, "plan.all_units").to_string(),
            Coordinating::Units(list) if list.is_empty() => ui(lang, "plan.none").to_string(),
            Coordinating::Units(list) => {
                list.iter().map(|c| name(c)).collect::<Vec<_>>().join("; ")
            }
        };
        line(format!(
            "     {}: {coordinating}",
            ui(lang, "plan.coordinating")
        ));
        line(format!(
            "     {}: {}",
            ui(lang, "plan.timeline"),
            t.timeline_text
        ));
    }
    line(String::new());
    line(ui(lang, "plan.content_areas").to_string());
    for c in &plan.content_areas {
        line(format!("{:>3}. {}", c.number, c.title));
    }
    line(String::new());
    line(format!(
        "{}: {}",
        ui(lang, "plan.measures"),
        plan.units_of_measure.join(", ")
    ));
    line(String::new());
    line(ui(lang, "plan.units").to_string());
    let list = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    for a in assignments(plan) {
        line(format!("  {} — {}", a.unit, a.name));
        if a.lead.is_empty() && a.coordinating.is_empty() {
            line(format!("     {}", ui(lang, "plan.nothing")));
        }
        if !a.lead.is_empty() {
            line(format!(
                "     {}: {}",
                ui(lang, "plan.must_lead"),
                list(&a.lead)
            ));
        }
        if !a.coordinating.is_empty() {
            line(format!(
                "     {}: {}",
                ui(lang, "plan.may_coordinate"),
                list(&a.coordinating)
            ));
        }
    }
    s
}
