//! The year's plan, loaded from a data file the office edits (never from code).
//! Loading is two steps: [`RawPlan`] is the JSON as written; [`Plan`] is the
//! validated plan with parsed timelines and lookup helpers, the only kind the rest
//! of the program sees. An invalid plan names the JSON path of the problem.

mod validate;

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::datafile;
use crate::text::fold;
use crate::value::Period;

pub use validate::Problem;

/// The default plan file, relative to the working folder (or the executable).
pub const DEFAULT_PATH: &str = "templates/plan.json";

/// The plan file exactly as written (see `docs/plan-file.md`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    pub year: i32,
    pub title: String,
    /// The plan's own number as written in its header (`25/KH-SKHCN`); absent or
    /// `null` while unknown.
    #[serde(default)]
    pub number: Option<String>,
    /// The plan's date of issue (`YYYY-MM-DD`); absent or `null` while unknown.
    #[serde(default)]
    pub issued: Option<String>,
    pub agency: String,
    pub compiling_unit: String,
    pub deadlines: RawDeadlines,
    pub units: Vec<RawUnit>,
    pub tasks: Vec<RawTask>,
    pub content_areas: Vec<RawContentArea>,
    #[serde(default)]
    pub slogans: Vec<String>,
    pub units_of_measure: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeadlines {
    pub units_report: String,
    pub department_report: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    pub code: String,
    pub name: String,
    pub short_name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTask {
    pub number: u32,
    pub title: String,
    pub short_title: Option<String>,
    pub lead_units: Vec<String>,
    pub coordinating_units: RawCoordinating,
    #[serde(default)]
    pub coordinating_text: String,
    pub timeline: String,
}

/// `"all"` or a list of unit codes.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawCoordinating {
    Keyword(String),
    Units(Vec<String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContentArea {
    pub number: u32,
    pub title: String,
    pub short_title: Option<String>,
}

/// A unit of the department.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub aliases: Vec<String>,
}

/// Which units coordinate a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Coordinating {
    /// Every unit of the department (`Các phòng, đơn vị thuộc Sở`).
    #[serde(serialize_with = "serialize_all")]
    All,
    Units(Vec<String>),
}

fn serialize_all<S: serde::Serializer>(s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str("all")
}

/// A task of plan section IV.
#[derive(Debug, Clone, Serialize)]
pub struct Task {
    pub number: u32,
    pub title: String,
    pub short_title: String,
    pub lead_units: Vec<String>,
    pub coordinating_units: Coordinating,
    pub coordinating_text: String,
    /// The timeline as written in the plan (`Quý II/2024`).
    pub timeline_text: String,
    pub timeline: Period,
}

/// A content area of plan section II.
#[derive(Debug, Clone, Serialize)]
pub struct ContentArea {
    pub number: u32,
    pub title: String,
    pub short_title: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Deadlines {
    /// Units send their results to the compiling unit by this day.
    pub units_report: NaiveDate,
    /// The department reports to the province by this day.
    pub department_report: NaiveDate,
}

/// A unit's part in a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Lead,
    Coordinating,
}

/// The validated plan.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub year: i32,
    pub title: String,
    /// The plan's own number (`25/KH-SKHCN`), when the plan file gives it.
    pub number: Option<String>,
    /// The plan's date of issue, when the plan file gives it.
    pub issued: Option<NaiveDate>,
    pub agency: String,
    pub compiling_unit: String,
    pub deadlines: Deadlines,
    pub units: Vec<Unit>,
    pub tasks: Vec<Task>,
    pub content_areas: Vec<ContentArea>,
    pub slogans: Vec<String>,
    pub units_of_measure: Vec<String>,
    #[serde(skip)]
    unit_names: HashMap<String, usize>,
    #[serde(skip)]
    measures: HashMap<String, usize>,
}

/// Why a plan file cannot be used: the JSON path and what is wrong there. Worded
/// in the user's language by `messages::plan_problem`; `Display` is the English form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError {
    pub path: String,
    pub problem: Problem,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(crate::messages::Lang::En))
    }
}

impl PlanError {
    /// `path: what is wrong`, in the language.
    pub fn describe(&self, lang: crate::messages::Lang) -> String {
        let message = crate::messages::plan_problem(&self.problem, lang);
        if self.path.is_empty() {
            message
        } else {
            format!("{}: {message}", self.path)
        }
    }
}

impl std::error::Error for PlanError {}

fn err(path: impl Into<String>, problem: Problem) -> PlanError {
    PlanError {
        path: path.into(),
        problem,
    }
}

/// Outcome of matching a written unit name against the roster.
#[derive(Debug, Clone, PartialEq)]
pub enum UnitMatch<'a> {
    Found(&'a Unit),
    /// Not a name of any unit; the nearest units, best first.
    Unknown(Vec<&'a Unit>),
}

impl Plan {
    /// Reads and validates a plan file.
    pub fn load(path: &Path) -> Result<Plan, PlanError> {
        let text = datafile::read_text(path).map_err(|u| err("", Problem::Unreadable(u)))?;
        Plan::from_json(&text)
    }

    /// Parses and validates a plan from JSON text.
    pub fn from_json(text: &str) -> Result<Plan, PlanError> {
        let raw: RawPlan =
            datafile::parse(text).map_err(|e| err(e.path, Problem::Json(e.message)))?;
        Plan::validate(raw)
    }

    /// Turns the raw plan into a plan, or names the first problem.
    pub fn validate(raw: RawPlan) -> Result<Plan, PlanError> {
        validate::validate(raw)
    }

    pub fn task(&self, number: u32) -> Option<&Task> {
        self.tasks.iter().find(|t| t.number == number)
    }

    pub fn unit(&self, code: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.code == code)
    }

    /// The unit's short name, or the code itself for a unit the plan does not
    /// list (which only reaches a report as a finding).
    pub fn short_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.unit(code).map_or(code, |u| &u.short_name)
    }

    pub fn content_area(&self, number: u32) -> Option<&ContentArea> {
        self.content_areas.iter().find(|c| c.number == number)
    }

    /// The whole plan year as a period.
    pub fn year_period(&self) -> Period {
        Period::year(self.year).expect("validated year")
    }

    /// Matches a written unit name (code, full name, short name or alias; case,
    /// diacritics and spacing ignored). Only whole names match.
    pub fn match_unit(&self, written: &str) -> UnitMatch<'_> {
        let key = fold(written.trim().trim_end_matches(['.', ';', ',']));
        if let Some(&i) = self.unit_names.get(&key) {
            return UnitMatch::Found(&self.units[i]);
        }
        let mut scored: Vec<(usize, usize)> = self
            .unit_names
            .iter()
            .map(|(name, &i)| (edit_distance(&key, name), i))
            .collect();
        scored.sort();
        let mut nearest: Vec<&Unit> = Vec::new();
        for (_, i) in scored {
            if !nearest.iter().any(|u| u.code == self.units[i].code) {
                nearest.push(&self.units[i]);
            }
            if nearest.len() == 2 {
                break;
            }
        }
        UnitMatch::Unknown(nearest)
    }

    /// Finds the unit a file name names: the whole stem, one of its parts
    /// (`TTUD.xlsx`, `bao-cao_TTUD_2024.xls`), or — as a person reads
    /// `Báo cáo CCHC - Thanh tra Sở.xlsx` — a unit name, short name or alias
    /// among its words, when the names found all belong to one unit.
    pub fn unit_from_file_stem(&self, stem: &str) -> Option<&Unit> {
        if let UnitMatch::Found(u) = self.match_unit(stem) {
            return Some(u);
        }
        let by_code = stem.split(|c: char| !c.is_alphanumeric()).find_map(|part| {
            self.units
                .iter()
                .find(|u| u.code.eq_ignore_ascii_case(part))
        });
        by_code.or_else(|| self.unit_named_within(stem))
    }

    /// The one unit whose name appears, as whole words, within `text`; `None`
    /// when no unit's or several units' names do.
    fn unit_named_within(&self, text: &str) -> Option<&Unit> {
        let words = |s: &str| -> String {
            fold(s)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let text = format!(" {} ", words(text));
        let mut found = self
            .unit_names
            .iter()
            .filter(|(name, _)| {
                let name = words(name);
                !name.is_empty() && text.contains(&format!(" {name} "))
            })
            .map(|(_, &i)| i);
        let first = found.next()?;
        let code = &self.units[first].code;
        found
            .all(|i| &self.units[i].code == code)
            .then(|| &self.units[first])
    }

    /// The task a heading names by its title alone (`Tổ chức tuyên truyền về công
    /// tác CCHC …`, possibly cut short or followed by a remark such as
    /// `(chủ trì)`): its full or short title, folded, equals the text, begins it, or
    /// — for at least 20 characters — is begun by it. Only a single match counts.
    pub fn task_by_title(&self, written: &str) -> Option<&Task> {
        let key = fold(written);
        let key = key.trim_matches(|c: char| c.is_ascii_punctuation() || c == ' ');
        if key.is_empty() {
            return None;
        }
        let matches = |title: &str| {
            let title = fold(title);
            key == title
                || key.starts_with(&title)
                || (key.chars().count() >= 20 && title.starts_with(key))
        };
        let mut found = self
            .tasks
            .iter()
            .filter(|t| matches(&t.title) || matches(&t.short_title));
        match (found.next(), found.next()) {
            (Some(t), None) => Some(t),
            _ => None,
        }
    }

    /// The unit's part in a task, if any.
    pub fn role(&self, task: &Task, unit: &str) -> Option<Role> {
        if task.lead_units.iter().any(|u| u == unit) {
            Some(Role::Lead)
        } else {
            match &task.coordinating_units {
                Coordinating::All => Some(Role::Coordinating),
                Coordinating::Units(list) if list.iter().any(|u| u == unit) => {
                    Some(Role::Coordinating)
                }
                Coordinating::Units(_) => None,
            }
        }
    }

    /// The 2024 plan frozen for unit tests (`tests/fixtures/plan-2024.json`), so
    /// next year's `templates/plan.json` leaves the tests as they are.
    #[cfg(test)]
    pub(crate) fn shipped() -> Plan {
        Plan::load(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/plan-2024.json"
        )))
        .expect("the shipped plan is valid")
    }

    /// Tasks the unit leads.
    pub fn lead_tasks<'a>(&'a self, unit: &'a str) -> impl Iterator<Item = &'a Task> + 'a {
        self.tasks
            .iter()
            .filter(move |t| t.lead_units.iter().any(|u| u == unit))
    }

    /// Tasks the unit leads or coordinates, with its role.
    pub fn assignments<'a>(&'a self, unit: &'a str) -> impl Iterator<Item = (&'a Task, Role)> + 'a {
        self.tasks
            .iter()
            .filter_map(move |t| self.role(t, unit).map(|r| (t, r)))
    }

    /// The plan's spelling of a unit of measure written loosely (`Tin/bài` → `tin/bài`).
    pub fn measure(&self, written: &str) -> Option<&str> {
        self.measures
            .get(&fold(written))
            .map(|&i| self.units_of_measure[i].as_str())
    }

    /// Units that lead at least one task.
    pub fn lead_unit_codes(&self) -> BTreeSet<&str> {
        self.tasks
            .iter()
            .flat_map(|t| t.lead_units.iter().map(String::as_str))
            .collect()
    }
}

/// Levenshtein distance over chars (names are short; used for suggestions only).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn shipped_plan_has_the_2024_content() {
        let p = Plan::shipped();
        assert_eq!(p.year, 2024);
        assert_eq!(p.tasks.len(), 6);
        assert_eq!(p.content_areas.len(), 9);
        assert_eq!(p.slogans.len(), 9);
        assert_eq!(p.units.len(), 7);
        assert_eq!(p.task(4).unwrap().lead_units, ["HCTH", "TTUD"]);
        assert_eq!(p.task(4).unwrap().timeline.start.to_string(), "2024-04-01");
        assert_eq!(p.task(5).unwrap().timeline.end.to_string(), "2024-06-30");
        assert_eq!(p.deadlines.units_report.to_string(), "2024-11-15");
        assert_eq!(
            p.lead_unit_codes().into_iter().collect::<Vec<_>>(),
            ["CCTC", "HCTH", "QLTC", "TTUD"]
        );
    }

    #[test]
    fn unit_names_match_by_alias_capitals_and_nfd() {
        let p = Plan::shipped();
        let code = |s: &str| match p.match_unit(s) {
            UnitMatch::Found(u) => Some(u.code.clone()),
            UnitMatch::Unknown(_) => None,
        };
        assert_eq!(
            code("Trung tâm Ứng dụng và Dịch vụ KH&CN").as_deref(),
            Some("TTUD")
        );
        assert_eq!(code("TT Ứng dụng").as_deref(), Some("TTUD"));
        assert_eq!(code("PHÒNG HÀNH CHÍNH - TỔNG HỢP").as_deref(), Some("HCTH"));
        assert_eq!(code("Phòng HC-TH").as_deref(), Some("HCTH"));
        assert_eq!(code("Chi cục TĐC").as_deref(), Some("CCTC"));
        assert_eq!(code("chi cuc tcdlcl").as_deref(), Some("CCTC"));
        assert_eq!(code("ttra").as_deref(), Some("TTRA"));
        let nfd: String = "Phòng Quản lý Khoa học".nfd().collect();
        assert_eq!(code(&nfd).as_deref(), Some("QLKH"));
        // A name that merely resembles a unit is not taken.
        match p.match_unit("Phòng Quản lý Khoa hoc và Công nghệ") {
            UnitMatch::Unknown(near) => assert!(!near.is_empty()),
            UnitMatch::Found(u) => panic!("matched {}", u.code),
        }
    }

    #[test]
    fn tasks_are_found_by_their_titles() {
        let p = Plan::shipped();
        let n = |s: &str| p.task_by_title(s).map(|t| t.number);
        assert_eq!(
            n("Tổ chức tuyên truyền về công tác CCHC 2024 thông qua tổ chức các hoạt động nhân Ngày khoa học và công nghệ Việt Nam 18/5"),
            Some(4)
        );
        assert_eq!(
            n("TỔ CHỨC TUYÊN TRUYỀN VỀ CÔNG TÁC CCHC 2024 THÔNG QUA"),
            Some(4)
        );
        assert_eq!(
            n("Bản tin, chuyên mục khoa học và công nghệ (phối hợp)"),
            Some(3)
        );
        assert_eq!(n("Duy trì mục tuyên truyền CCHC trên Trang TTĐT"), Some(1));
        // Too short to be told apart, or shared by several tasks: no guess.
        assert_eq!(n("Tuyên truyền"), None);
        assert_eq!(n("Tuyên truyền thông qua"), None);
        assert_eq!(n("Nhiệm vụ phối hợp"), None);
        assert_eq!(n("I. NHIỆM VỤ CHỦ TRÌ"), None);
    }

    #[test]
    fn file_stems_name_units() {
        let p = Plan::shipped();
        assert_eq!(p.unit_from_file_stem("TTUD").unwrap().code, "TTUD");
        assert_eq!(
            p.unit_from_file_stem("bao-cao_qlkh_2024").unwrap().code,
            "QLKH"
        );
        assert!(p.unit_from_file_stem("ket-qua").is_none());
        let code = |stem: &str| p.unit_from_file_stem(stem).map(|u| u.code.as_str());
        // A name among other words, whole words only, in any spelling.
        assert_eq!(code("Báo cáo CCHC - Thanh tra Sở"), Some("TTRA"));
        assert_eq!(code("bao_cao_2024_phong_quan_ly_khoa_hoc"), Some("QLKH"));
        assert_eq!(code("KQ tuyên truyền (Chi cục TĐC)"), Some("CCTC"));
        assert_eq!(code("Thanh trang"), None);
        // Two units named: the file is the sender's or the recipient's, so none.
        assert_eq!(code("Thanh tra Sở gửi Văn phòng Sở"), None);
    }

    #[test]
    fn roles() {
        let p = Plan::shipped();
        assert_eq!(p.role(p.task(1).unwrap(), "TTUD"), Some(Role::Lead));
        assert_eq!(p.role(p.task(1).unwrap(), "QLKH"), Some(Role::Coordinating));
        assert_eq!(p.role(p.task(5).unwrap(), "QLKH"), None);
        assert_eq!(p.measure("Tin/Bài"), Some("tin/bài"));
        assert_eq!(p.measure("km"), None);
    }

    fn with(edit: impl Fn(&mut serde_json::Value)) -> Result<Plan, PlanError> {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/plan-2024.json"
        ))
        .unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        edit(&mut v);
        Plan::from_json(&v.to_string())
    }

    #[test]
    fn invalid_plans_name_the_json_path() {
        let e = with(|v| v["tasks"][3]["timeline"] = "Quý V/2024".into()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "tasks[3].timeline: \"Quý V/2024\" is not a quarter"
        );
        assert_eq!(
            e.describe(crate::messages::Lang::Vi),
            "tasks[3].timeline: \"Quý V/2024\" không phải là một quý"
        );
        let e = with(|v| v["tasks"][0]["lead_units"][0] = "XXXX".into()).unwrap_err();
        assert_eq!(e.path, "tasks[0].lead_units[0]");
        let e = with(|v| v["units"][2]["nickname"] = "x".into()).unwrap_err();
        assert_eq!(e.path, "units[2].nickname");
        assert!(e.to_string().contains("nickname"), "{e}");
        let e = with(|v| v["year"] = "2024".into()).unwrap_err();
        assert_eq!(e.path, "year");
        let e = with(|v| v["deadlines"]["units_report"] = "15/11/2024".into()).unwrap_err();
        assert_eq!(e.path, "deadlines.units_report");
    }

    #[test]
    fn the_plans_own_number_and_date_are_optional_and_checked() {
        let p = with(|_| {}).unwrap();
        assert_eq!((p.number, p.issued), (None, None));
        let p = with(|v| {
            v["number"] = "25/KH-SKHCN".into();
            v["issued"] = "2024-02-05".into();
        })
        .unwrap();
        assert_eq!(p.number.as_deref(), Some("25/KH-SKHCN"));
        assert_eq!(p.issued, NaiveDate::from_ymd_opt(2024, 2, 5));
        let p = with(|v| {
            v["number"] = serde_json::Value::Null;
            v["issued"] = "".into();
        })
        .unwrap();
        assert_eq!((p.number, p.issued), (None, None));
        let e = with(|v| v["number"] = "KH-SKHCN".into()).unwrap_err();
        assert_eq!(e.path, "number");
        assert_eq!(
            e.describe(crate::messages::Lang::Vi),
            "number: \"KH-SKHCN\" không phải là số, ký hiệu văn bản (ví dụ 25/KH-SKHCN)"
        );
        let e = with(|v| v["issued"] = "05/02/2024".into()).unwrap_err();
        assert_eq!(e.path, "issued");
        let e = with(|v| v["issued"] = "2022-12-30".into()).unwrap_err();
        assert_eq!(
            e.problem,
            Problem::ImplausibleIssueDate("2022-12-30".into())
        );
        let e = with(|v| v["issued"] = "2024-12-15".into()).unwrap_err();
        assert_eq!(e.path, "issued", "after the Department's report");
        assert!(with(|v| v["issued"] = "2023-12-28".into()).is_ok());
    }
}
