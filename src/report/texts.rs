//! Every fixed text of the report, from a data file the office edits
//! (`templates/texts.json`, see `docs/texts-file.md`): agency lines, standing
//! paragraphs, headings, the phrases the generated parts are built from, status
//! words, quantity wording per unit of measure, the distribution list and the
//! signer. The renderer writes no prose of its own.
//!
//! Phrases are templates with `{name}` placeholders; loading checks that each
//! template uses only the placeholders the renderer fills, so a typo is an error
//! naming its JSON path instead of a `{lead}` printed in the report.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// Fills `{name}` placeholders; texts are validated on load, so each has a value.
pub use crate::datafile::fill;

/// The texts file shipped with the program.
/// The default texts file, relative to the working folder (or the executable).
pub const DEFAULT_PATH: &str = "templates/texts.json";

pub const SHIPPED: &str = include_str!("../../templates/texts.json");

/// The report's fixed texts (validated).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub header: HeaderTexts,
    /// The author written into the document properties.
    pub author: String,
    /// `BÁO CÁO`.
    pub title: String,
    /// The subject line under the title; `{year}`.
    pub subject: String,
    /// Opening paragraphs; `{year}`.
    pub opening: Vec<String>,
    pub headings: Headings,
    /// Standing paragraphs of section I; `{year}`, `{next_year}`.
    pub direction: Vec<String>,
    /// Standing paragraphs of section IV; `{year}`, `{next_year}`.
    pub next_steps: Vec<String>,
    /// The Department's proposals to UBND tỉnh (section V); the units' own
    /// proposals go to the Director, not here. May be empty.
    #[serde(default)]
    pub proposals: Vec<String>,
    /// The closing sentence before the end block; `{year}`.
    pub closing: String,
    pub phrases: Phrases,
    /// A content area with fewer activities than this (but some) is named as
    /// thinly covered.
    pub thin_coverage: u32,
    /// Abbreviations, spelled out at their first use in the body.
    #[serde(default)]
    pub abbreviations: Vec<Abbreviation>,
    pub status: StatusWords,
    /// How a quantity of each unit of measure is written, keyed by the plan's spelling.
    pub measures: BTreeMap<String, MeasureText>,
    /// For a unit of measure missing from `measures`.
    pub measure_default: MeasureText,
    pub summary_table: SummaryTable,
    pub appendix: Appendix,
    pub recipients: Recipients,
    pub signer: Signer,
    /// The words of the workbook beside the report (for the Director).
    pub workbook: WorkbookTexts,
}

/// Sheet names and column headings of the workbook beside the report.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WorkbookTexts {
    /// Rows, totals, remarks, roster.
    pub sheets: [String; 4],
    /// STT · Đơn vị · Nhiệm vụ · Vai trò · Nội dung thực hiện · Nội dung tuyên
    /// truyền · Số lượng · ĐVT · Thời gian · Tình trạng · Minh chứng · Tệp · Trang
    /// tính · Dòng.
    pub rows_headers: [String; 14],
    /// Nhiệm vụ · Tên nhiệm vụ · ĐVT · Đơn vị chủ trì · Đơn vị phối hợp.
    pub totals_headers: [String; 5],
    /// Đơn vị · Loại · Nội dung.
    pub remarks_headers: [String; 3],
    /// Lead, coordinating.
    pub roles: [String; 2],
    /// Difficulty, proposal.
    pub remark_kinds: [String; 2],
    /// Đơn vị · Tệp · Trang tính · Ngày báo cáo · Tình trạng gửi · Số dòng · Số
    /// dòng đưa vào báo cáo · Lỗi · Cảnh báo · Phát hiện.
    pub roster_headers: [String; 10],
    /// On time, late, undated, left out of the report, not sent.
    pub roster_states: [String; 5],
}

/// The two-column header block.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderTexts {
    pub agency_parent: String,
    pub agency: String,
    pub country: String,
    pub motto: String,
    pub number_label: String,
    pub number_suffix: String,
    pub place: String,
    /// `{place}, ngày {day} tháng {month} năm {year}`.
    pub date_line: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    pub direction: String,
    pub results: String,
    /// II.1.
    pub tasks: String,
    /// `{letter}) {title}` for each task.
    pub task: String,
    /// II.2.
    pub coverage: String,
    pub assessment: String,
    pub strengths: String,
    pub shortcomings: String,
    pub next_steps: String,
    pub proposals: String,
}

/// Templates of the generated sentences (placeholders in `docs/texts-file.md`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Phrases {
    pub assignment: String,
    pub assignment_no_coordinating: String,
    pub lead_result: String,
    pub result_item: String,
    pub contributions_intro: String,
    /// The intro with the contributions added up where a reader adds them.
    pub contributions_intro_total: String,
    /// The intro when a single unit contributed (`đơn vị`, not `các đơn vị`).
    pub contributions_intro_one: String,
    pub contribution: String,
    pub task_no_rows: String,
    pub leads_not_reported: String,
    pub task_status: String,
    pub status_on_schedule: String,
    pub status_continuous: String,
    pub on_schedule_note: String,
    pub summary_intro: String,
    pub summary_no_figures: String,
    pub coverage_intro: String,
    pub coverage_item: String,
    pub coverage_note: String,
    pub coverage_none: String,
    pub coverage_thin: String,
    pub coverage_all: String,
    pub area_ref: String,
    pub strengths_tasks: String,
    pub strengths_on_schedule: String,
    pub strengths_no_task_done: String,
    pub strengths_outputs_intro: String,
    pub strengths_output: String,
    pub strengths_coverage: String,
    pub task_ref: String,
    pub task_in_progress: String,
    pub task_not_started: String,
    pub task_not_reported: String,
    pub causes_intro: String,
    pub difficulty: String,
    pub no_shortcomings: String,
    pub reporting: String,
    pub reporting_late: String,
    pub late_unit: String,
    pub reporting_missing: String,
    pub file_excluded: String,
    pub file_excluded_no_unit: String,
    pub rows_excluded: String,
    pub remaining_intro: String,
    pub remaining_task: String,
    pub remaining_task_continuous: String,
    pub no_proposals: String,
    /// The Department's plan number while the plan file lacks it (`…/KH-SKHCN`).
    pub plan_number_blank: String,
    /// Its date while the plan file lacks it (`…/…/{year}`).
    pub plan_date_blank: String,
    pub appendix_group: String,
    pub list_separator: String,
    pub list_last_separator: String,
    pub totals_separator: String,
}

/// Status words.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StatusWords {
    pub done: String,
    pub in_progress: String,
    pub not_started: String,
    pub not_reported: String,
}

/// How a quantity is written: `verb` before it in prose (`đăng tải`), `quantity`
/// with `{n}` (and `{measure}`), e.g. `{n} tin, bài`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureText {
    #[serde(default)]
    pub verb: String,
    pub quantity: String,
    /// The measure this one is added to in totals (`tin` and `bài` to `tin/bài`):
    /// a reader adds them up; measures of different families stay apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
}

/// An abbreviation and what it stands for (`CCHC`, `cải cách hành chính`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Abbreviation {
    pub short: String,
    pub full: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryTable {
    /// STT · Nhiệm vụ · Đơn vị chủ trì · Thời gian · Kết quả · Tình trạng.
    pub headers: [String; 6],
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    pub label: String,
    pub title: String,
    /// `{number}`, `{date}`.
    pub subtitle: String,
    /// STT · Đơn vị · Nhiệm vụ · Nội dung thực hiện · Số lượng · ĐVT · Thời gian ·
    /// Tình trạng · Minh chứng.
    pub headers: [String; 9],
    /// How the `Thời gian` column writes a period, whatever way the unit wrote it.
    pub time: TimeWords,
}

/// The one style for periods in the appendix (days are `dd/mm/yyyy`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TimeWords {
    /// `{month}`, `{year}`: `Tháng 5/2024`.
    pub month: String,
    /// `{quarter}`, `{year}`: `Quý II/2024`.
    pub quarter: String,
    /// `{first}`, `{last}`, `{year}`: `Quý I - II/2024`.
    pub quarters: String,
    /// `{year}`: `Năm 2024`.
    pub year: String,
    /// A whole year written as a continuous activity (`Thường xuyên`, `thường
    /// xuyên trong năm`) reads this.
    pub continuous: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Recipients {
    pub label: String,
    pub list: Vec<String>,
}

/// Who signs: `title` alone (`GIÁM ĐỐC`), or `authority` over `title`
/// (`KT. GIÁM ĐỐC` / `PHÓ GIÁM ĐỐC`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    #[serde(default)]
    pub authority: Option<String>,
    pub title: String,
    pub name: String,
}

/// Why a texts file cannot be used: the JSON path and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextsError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for TextsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for TextsError {}

impl Texts {
    /// The shipped texts (`templates/texts.json`).
    pub fn shipped() -> Texts {
        Texts::from_json(SHIPPED).expect("the shipped texts file is valid")
    }

    /// Reads and validates a texts file.
    pub fn load(path: &Path) -> Result<Texts, TextsError> {
        let text = std::fs::read_to_string(path).map_err(|e| TextsError {
            path: String::new(),
            message: format!("cannot read {}: {e}", path.display()),
        })?;
        Texts::from_json(&text)
    }

    /// Parses and validates texts JSON.
    pub fn from_json(json: &str) -> Result<Texts, TextsError> {
        let de = &mut serde_json::Deserializer::from_str(json);
        let texts: Texts = serde_path_to_error::deserialize(de).map_err(|e| TextsError {
            path: e.path().to_string().trim_start_matches('.').to_string(),
            message: e.inner().to_string(),
        })?;
        texts.validate()?;
        Ok(texts)
    }

    fn validate(&self) -> Result<(), TextsError> {
        for (m, t) in &self.measures {
            if let Some(f) = &t.family {
                if !self.measures.contains_key(f) {
                    return Err(TextsError {
                        path: format!("measures.{m}.family"),
                        message: format!("\"{f}\" is not a measure of this file"),
                    });
                }
            }
        }
        for (i, a) in self.abbreviations.iter().enumerate() {
            if a.short.trim().is_empty() || a.full.trim().is_empty() {
                return Err(TextsError {
                    path: format!("abbreviations[{i}]"),
                    message: "short and full must not be empty".into(),
                });
            }
        }
        for (path, text, allowed) in self.templates() {
            crate::datafile::check_placeholders(text, allowed)
                .map_err(|message| TextsError { path, message })?;
        }
        for (path, text) in self.required() {
            if text.trim().is_empty() {
                return Err(TextsError {
                    path,
                    message: "must not be empty".into(),
                });
            }
        }
        Ok(())
    }

    /// Every template with its JSON path and the placeholders it may use.
    fn templates(&self) -> Vec<(String, &str, &'static [&'static str])> {
        const NONE: &[&str] = &[];
        const YEAR: &[&str] = &["year", "next_year"];
        let h = &self.header;
        let hd = &self.headings;
        let p = &self.phrases;
        let mut out: Vec<(String, &str, &'static [&'static str])> = vec![
            ("header.agency_parent".into(), &h.agency_parent, NONE),
            ("header.agency".into(), &h.agency, NONE),
            ("header.country".into(), &h.country, NONE),
            ("header.motto".into(), &h.motto, NONE),
            ("header.number_label".into(), &h.number_label, NONE),
            ("header.number_suffix".into(), &h.number_suffix, NONE),
            ("header.place".into(), &h.place, NONE),
            (
                "header.date_line".into(),
                &h.date_line,
                &["place", "day", "month", "year"],
            ),
            ("author".into(), &self.author, NONE),
            ("title".into(), &self.title, NONE),
            ("subject".into(), &self.subject, YEAR),
            ("headings.direction".into(), &hd.direction, NONE),
            ("headings.results".into(), &hd.results, NONE),
            ("headings.tasks".into(), &hd.tasks, NONE),
            (
                "headings.task".into(),
                &hd.task,
                &["letter", "number", "title"],
            ),
            ("headings.coverage".into(), &hd.coverage, NONE),
            ("closing".into(), &self.closing, YEAR),
            ("headings.assessment".into(), &hd.assessment, NONE),
            ("headings.strengths".into(), &hd.strengths, NONE),
            ("headings.shortcomings".into(), &hd.shortcomings, NONE),
            ("headings.next_steps".into(), &hd.next_steps, NONE),
            ("headings.proposals".into(), &hd.proposals, NONE),
            ("status.done".into(), &self.status.done, NONE),
            ("status.in_progress".into(), &self.status.in_progress, NONE),
            ("status.not_started".into(), &self.status.not_started, NONE),
            (
                "status.not_reported".into(),
                &self.status.not_reported,
                NONE,
            ),
            ("appendix.label".into(), &self.appendix.label, NONE),
            ("appendix.title".into(), &self.appendix.title, NONE),
            (
                "appendix.subtitle".into(),
                &self.appendix.subtitle,
                &["number", "date"],
            ),
            (
                "appendix.time.month".into(),
                &self.appendix.time.month,
                &["month", "year"],
            ),
            (
                "appendix.time.quarter".into(),
                &self.appendix.time.quarter,
                &["quarter", "year"],
            ),
            (
                "appendix.time.quarters".into(),
                &self.appendix.time.quarters,
                &["first", "last", "year"],
            ),
            (
                "appendix.time.year".into(),
                &self.appendix.time.year,
                &["year"],
            ),
            (
                "appendix.time.continuous".into(),
                &self.appendix.time.continuous,
                NONE,
            ),
            ("recipients.label".into(), &self.recipients.label, NONE),
            ("signer.title".into(), &self.signer.title, NONE),
            ("signer.name".into(), &self.signer.name, NONE),
            (
                "measure_default.quantity".into(),
                &self.measure_default.quantity,
                &["n", "measure"],
            ),
            (
                "measure_default.verb".into(),
                &self.measure_default.verb,
                NONE,
            ),
        ];
        for (i, s) in self.opening.iter().enumerate() {
            out.push((
                format!("opening[{i}]"),
                s,
                &["year", "next_year", "plan_number", "plan_date"],
            ));
        }
        let lists = [
            ("direction", &self.direction),
            ("next_steps", &self.next_steps),
            ("proposals", &self.proposals),
        ];
        for (name, list) in lists {
            for (i, s) in list.iter().enumerate() {
                out.push((format!("{name}[{i}]"), s, YEAR));
            }
        }
        for (i, a) in self.abbreviations.iter().enumerate() {
            out.push((format!("abbreviations[{i}].short"), &a.short, NONE));
            out.push((format!("abbreviations[{i}].full"), &a.full, NONE));
        }
        for (i, s) in self.recipients.list.iter().enumerate() {
            out.push((format!("recipients.list[{i}]"), s, NONE));
        }
        for (i, s) in self.summary_table.headers.iter().enumerate() {
            out.push((format!("summary_table.headers[{i}]"), s, NONE));
        }
        for (i, s) in self.appendix.headers.iter().enumerate() {
            out.push((format!("appendix.headers[{i}]"), s, NONE));
        }
        let w = &self.workbook;
        let lists: [(&str, &[String]); 8] = [
            ("sheets", &w.sheets),
            ("roster_headers", &w.roster_headers),
            ("roster_states", &w.roster_states),
            ("rows_headers", &w.rows_headers),
            ("totals_headers", &w.totals_headers),
            ("remarks_headers", &w.remarks_headers),
            ("roles", &w.roles),
            ("remark_kinds", &w.remark_kinds),
        ];
        for (name, list) in lists {
            for (i, s) in list.iter().enumerate() {
                out.push((format!("workbook.{name}[{i}]"), s, NONE));
            }
        }
        if let Some(a) = &self.signer.authority {
            out.push(("signer.authority".into(), a, NONE));
        }
        for (m, t) in &self.measures {
            out.push((
                format!("measures.{m}.quantity"),
                &t.quantity,
                &["n", "measure"],
            ));
            out.push((format!("measures.{m}.verb"), &t.verb, NONE));
        }
        const TASK: &[&str] = &["number", "title", "timeline"];
        let phrases: &[(&str, &str, &'static [&'static str])] = &[
            (
                "assignment",
                &p.assignment,
                &["lead", "coordinating", "timeline"],
            ),
            (
                "assignment_no_coordinating",
                &p.assignment_no_coordinating,
                &["lead", "timeline"],
            ),
            ("lead_result", &p.lead_result, &["unit", "results"]),
            ("result_item", &p.result_item, &["activity", "figure"]),
            ("contributions_intro", &p.contributions_intro, NONE),
            (
                "contributions_intro_total",
                &p.contributions_intro_total,
                &["totals"],
            ),
            ("contributions_intro_one", &p.contributions_intro_one, NONE),
            ("contribution", &p.contribution, &["unit", "results"]),
            ("task_no_rows", &p.task_no_rows, NONE),
            ("leads_not_reported", &p.leads_not_reported, &["units"]),
            ("task_status", &p.task_status, &["status"]),
            ("status_on_schedule", &p.status_on_schedule, &["status"]),
            ("status_continuous", &p.status_continuous, &["status"]),
            (
                "on_schedule_note",
                &p.on_schedule_note,
                &["timeline", "deadline"],
            ),
            ("summary_intro", &p.summary_intro, NONE),
            ("summary_no_figures", &p.summary_no_figures, NONE),
            ("coverage_intro", &p.coverage_intro, &["covered", "total"]),
            (
                "coverage_item",
                &p.coverage_item,
                &["number", "title", "activities"],
            ),
            ("coverage_note", &p.coverage_note, NONE),
            ("coverage_none", &p.coverage_none, &["areas"]),
            ("coverage_thin", &p.coverage_thin, &["areas"]),
            ("coverage_all", &p.coverage_all, NONE),
            ("area_ref", &p.area_ref, &["number", "title"]),
            (
                "strengths_tasks",
                &p.strengths_tasks,
                &["done", "total", "tasks"],
            ),
            (
                "strengths_on_schedule",
                &p.strengths_on_schedule,
                &["tasks"],
            ),
            ("strengths_no_task_done", &p.strengths_no_task_done, NONE),
            ("strengths_outputs_intro", &p.strengths_outputs_intro, NONE),
            (
                "strengths_output",
                &p.strengths_output,
                &["number", "title", "result"],
            ),
            (
                "strengths_coverage",
                &p.strengths_coverage,
                &["covered", "total"],
            ),
            ("task_ref", &p.task_ref, &["number"]),
            ("task_in_progress", &p.task_in_progress, TASK),
            ("task_not_started", &p.task_not_started, TASK),
            (
                "task_not_reported",
                &p.task_not_reported,
                &["number", "title", "timeline", "units"],
            ),
            ("causes_intro", &p.causes_intro, NONE),
            ("difficulty", &p.difficulty, &["unit", "text"]),
            ("no_shortcomings", &p.no_shortcomings, NONE),
            ("reporting", &p.reporting, &["cutoff", "on_time", "total"]),
            ("reporting_late", &p.reporting_late, &["units"]),
            ("late_unit", &p.late_unit, &["unit", "date"]),
            ("reporting_missing", &p.reporting_missing, &["units"]),
            ("file_excluded", &p.file_excluded, &["units"]),
            (
                "file_excluded_no_unit",
                &p.file_excluded_no_unit,
                &["count"],
            ),
            ("rows_excluded", &p.rows_excluded, &["unit", "count"]),
            ("remaining_intro", &p.remaining_intro, NONE),
            (
                "remaining_task",
                &p.remaining_task,
                &["number", "title", "timeline", "remaining"],
            ),
            (
                "remaining_task_continuous",
                &p.remaining_task_continuous,
                &["number", "title", "timeline", "remaining"],
            ),
            ("no_proposals", &p.no_proposals, NONE),
            ("plan_number_blank", &p.plan_number_blank, YEAR),
            ("plan_date_blank", &p.plan_date_blank, YEAR),
            ("appendix_group", &p.appendix_group, &["number", "title"]),
            ("list_separator", &p.list_separator, NONE),
            ("list_last_separator", &p.list_last_separator, NONE),
            ("totals_separator", &p.totals_separator, NONE),
        ];
        for &(name, text, allowed) in phrases {
            out.push((format!("phrases.{name}"), text, allowed));
        }
        out
    }

    /// Texts that must not be empty.
    fn required(&self) -> Vec<(String, &str)> {
        let h = &self.header;
        vec![
            ("header.agency".into(), h.agency.as_str()),
            ("header.number_suffix".into(), &h.number_suffix),
            ("header.date_line".into(), &h.date_line),
            ("title".into(), &self.title),
            ("subject".into(), &self.subject),
            ("closing".into(), &self.closing),
            ("workbook.sheets[0]".into(), &self.workbook.sheets[0]),
            ("workbook.sheets[1]".into(), &self.workbook.sheets[1]),
            ("workbook.sheets[2]".into(), &self.workbook.sheets[2]),
            ("workbook.sheets[3]".into(), &self.workbook.sheets[3]),
            ("signer.title".into(), &self.signer.title),
            ("signer.name".into(), &self.signer.name),
            ("appendix.time.month".into(), &self.appendix.time.month),
            ("appendix.time.quarter".into(), &self.appendix.time.quarter),
            (
                "appendix.time.quarters".into(),
                &self.appendix.time.quarters,
            ),
            ("appendix.time.year".into(), &self.appendix.time.year),
            (
                "appendix.time.continuous".into(),
                &self.appendix.time.continuous,
            ),
            (
                "measure_default.quantity".into(),
                &self.measure_default.quantity,
            ),
        ]
    }

    /// The measure `measure` is added to in totals: its family, or itself.
    pub fn family<'a>(&'a self, measure: &'a str) -> &'a str {
        self.measures
            .get(measure)
            .and_then(|t| t.family.as_deref())
            .unwrap_or(measure)
    }

    /// Whether quantities of `measure` are added up across rows: it belongs to a
    /// family of measures (`tin`, `bài` → `tin/bài`) or is one.
    pub fn adds_up(&self, measure: &str) -> bool {
        self.measures.iter().any(|(m, t)| {
            t.family
                .as_deref()
                .is_some_and(|f| m == measure || f == measure)
        })
    }

    /// The wording of a quantity of `measure` (plan spelling): `(verb, quantity)`.
    pub fn measure(&self, measure: &str) -> &MeasureText {
        self.measures.get(measure).unwrap_or(&self.measure_default)
    }

    /// The status word.
    pub fn status_word(&self, status: crate::report::aggregate::TaskStatus) -> &str {
        use crate::report::aggregate::TaskStatus;
        match status {
            TaskStatus::Done => &self.status.done,
            TaskStatus::InProgress => &self.status.in_progress,
            TaskStatus::NotStarted => &self.status.not_started,
            TaskStatus::NotReported => &self.status.not_reported,
        }
    }

    /// Joins items as a Vietnamese list: `a, b và c`.
    pub fn join_list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!(
                "{}{}{}",
                init.join(&self.phrases.list_separator),
                self.phrases.list_last_separator,
                last
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(edit: impl Fn(&mut serde_json::Value)) -> Result<Texts, TextsError> {
        let mut v: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
        edit(&mut v);
        Texts::from_json(&v.to_string())
    }

    #[test]
    fn shipped_texts_are_valid() {
        let t = Texts::shipped();
        assert_eq!(t.header.agency, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
        assert_eq!(t.header.number_suffix, "/BC-SKHCN");
        assert_eq!(t.recipients.list.len(), 5);
        assert_eq!(t.signer.name, "Nguyễn Văn Thành");
        assert_eq!(t.measure("tin/bài").quantity, "{n} tin, bài");
        assert_eq!(t.measure("km").quantity, "{n} {measure}");
    }

    #[test]
    fn shipped_texts_cover_the_plan_measures() {
        let plan = crate::plan::Plan::load(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/plan-2024.json"
        )))
        .unwrap();
        let t = Texts::shipped();
        for m in &plan.units_of_measure {
            assert!(t.measures.contains_key(m), "no wording for {m}");
        }
    }

    #[test]
    fn errors_name_the_json_path() {
        let e = with(|v| v["signer"]["rank"] = "x".into()).unwrap_err();
        assert_eq!(e.path, "signer.rank");
        let e = with(|v| v["phrases"]["assignment"] = "Chủ trì: {leader}.".into()).unwrap_err();
        assert_eq!(e.path, "phrases.assignment");
        assert!(e.message.contains("{leader}"), "{e}");
        let e = with(|v| v["measures"]["lớp"]["quantity"] = "{n lớp".into()).unwrap_err();
        assert_eq!(e.path, "measures.lớp.quantity");
        let e = with(|v| v["opening"][0] = "năm {nam}".into()).unwrap_err();
        assert_eq!(e.path, "opening[0]");
        let e = with(|v| v["title"] = " ".into()).unwrap_err();
        assert_eq!(e.path, "title");
        let e = with(|v| v["summary_table"]["headers"] = serde_json::json!(["a"])).unwrap_err();
        assert_eq!(e.path, "summary_table.headers");
        let e = with(|v| {
            v["phrases"]
                .as_object_mut()
                .unwrap()
                .remove("difficulty")
                .map(|_| ())
                .unwrap()
        })
        .unwrap_err();
        assert_eq!(e.path, "phrases");
        let e = with(|v| v["measures"]["tin"]["family"] = "tin-bai".into()).unwrap_err();
        assert_eq!(e.path, "measures.tin.family");
        let e = with(|v| v["closing"] = "Trên đây {nam}".into()).unwrap_err();
        assert_eq!(e.path, "closing");
    }

    #[test]
    fn every_phrase_is_validated() {
        // A phrase added to the file and the struct but not to `templates()` would
        // escape the placeholder check.
        let v: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
        let in_file: std::collections::BTreeSet<String> = v["phrases"]
            .as_object()
            .unwrap()
            .keys()
            .map(|k| format!("phrases.{k}"))
            .collect();
        let checked: std::collections::BTreeSet<String> = Texts::shipped()
            .templates()
            .into_iter()
            .map(|(path, _, _)| path)
            .filter(|p| p.starts_with("phrases."))
            .collect();
        assert_eq!(in_file, checked);
    }

    #[test]
    fn kt_signer_is_accepted() {
        let t = with(|v| {
            v["signer"]["authority"] = "KT. GIÁM ĐỐC".into();
            v["signer"]["title"] = "PHÓ GIÁM ĐỐC".into();
        })
        .unwrap();
        assert_eq!(t.signer.authority.as_deref(), Some("KT. GIÁM ĐỐC"));
    }

    #[test]
    fn fill_and_join() {
        assert_eq!(fill("{a} và {b}.", &[("a", "1"), ("b", "2")]), "1 và 2.");
        assert_eq!(fill("{x}", &[]), "{x}");
        let t = Texts::shipped();
        let l = |v: &[&str]| t.join_list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&["A"]), "A");
        assert_eq!(l(&["A", "B", "C"]), "A, B và C");
    }
}
