//! Prose: what the report says. From the aggregated figures, the plan and the
//! texts file, the report as plain structured text — headings, paragraphs, the
//! summary table's cells and the appendix rows, all as strings — so the wording
//! can be tested without Word. `render` lays this out as WordprocessingML and adds
//! no words of its own.

use chrono::{Datelike, NaiveDate};

use crate::plan::{Coordinating, Plan};
use crate::report::aggregate::{ReportData, TaskResult, TaskStatus, Totals};
use crate::report::exclusion::{Exclusion, Reason};
use crate::report::texts::{fill, Texts};
use crate::text::dmy;

/// Blank left for the clerk: the document number and, without `--date`, the day.
pub const BLANK: &str = "      ";
/// Activities quoted per unit in a task's results.
const EXAMPLES: usize = 3;

/// One block of the report's body, between the title and the end block.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading (`I. …`, `1. …`).
    Heading(String),
    /// A body paragraph (list items are paragraphs beginning `- `).
    Para(String),
    /// The summary table of the tasks (its header row is in the texts file).
    Summary(Vec<SummaryRow>),
}

/// One task's row of the summary table.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    pub number: String,
    pub title: String,
    /// Lead units by short name, one per line.
    pub leads: Vec<String>,
    pub timeline: String,
    pub result: String,
    pub status: String,
}

/// One row of the appendix table, cell by cell in the order of its headers.
#[derive(Debug, Clone, PartialEq)]
pub struct AppendixRow {
    pub number: String,
    pub unit: String,
    pub task: String,
    pub activity: String,
    pub quantity: String,
    pub measure: String,
    pub time: String,
    pub status: String,
    pub evidence: String,
}

/// The report's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Prose {
    /// `Số:      /BC-SKHCN`.
    pub number_line: String,
    /// `Quảng Ngãi, ngày 28 tháng 11 năm 2024`.
    pub date_line: String,
    /// The subject under `BÁO CÁO`.
    pub subject: String,
    /// Opening to section V.
    pub body: Vec<Block>,
    /// `(Kèm theo Báo cáo số … ngày …)`.
    pub appendix_subtitle: String,
    pub appendix: Vec<AppendixRow>,
}

impl Prose {
    /// The body's text, one block a line (the summary table's rows as cells
    /// joined by ` | `): what tests read.
    pub fn body_text(&self) -> String {
        let mut out = String::new();
        for b in &self.body {
            match b {
                Block::Heading(s) | Block::Para(s) => {
                    out.push_str(s);
                    out.push('\n');
                }
                Block::Summary(rows) => {
                    for r in rows {
                        out.push_str(
                            &[
                                r.number.as_str(),
                                &r.title,
                                &r.leads.join(", "),
                                &r.timeline,
                                &r.result,
                                &r.status,
                            ]
                            .join(" | "),
                        );
                        out.push('\n');
                    }
                }
            }
        }
        out
    }
}

/// Writes a number in Vietnamese style: `1.234`.
pub fn vn_number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Day and month as written in a date line: a day below 10 and months 1 and 2
/// take a leading zero.
fn day_text(day: u32) -> String {
    format!("{day:02}")
}

fn month_text(month: u32) -> String {
    if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

/// `Quảng Ngãi, ngày 05 tháng 01 năm 2024`; without a date the day is blank and
/// month and year are those of `fallback`.
pub fn date_line(texts: &Texts, date: Option<NaiveDate>, fallback: NaiveDate) -> String {
    let (day, month, year) = match date {
        Some(d) => (day_text(d.day()), month_text(d.month()), d.year()),
        None => (
            BLANK.to_string(),
            month_text(fallback.month()),
            fallback.year(),
        ),
    };
    fill(
        &texts.header.date_line,
        &[
            ("place", &texts.header.place),
            ("day", &day),
            ("month", &month),
            ("year", &year.to_string()),
        ],
    )
}

/// Ends every item but the last with `;` and the last with `.`.
fn punctuate_list(items: Vec<String>) -> Vec<String> {
    let n = items.len();
    items
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let s = s.trim_end().trim_end_matches(['.', ';', ',']).to_string();
            format!("{s}{}", if i + 1 == n { "." } else { ";" })
        })
        .collect()
}

/// Why a whole file stays out, in words fit for the report: the finding's message
/// without its code, continued mid-sentence after "do …".
fn exclusion_reason(e: &Exclusion, t: &Texts) -> String {
    match &e.reason {
        Some(Reason::Finding(f)) => {
            let m = crate::messages::message(f, crate::messages::Lang::Vi);
            mid_sentence(m.trim_end().trim_end_matches('.'))
        }
        Some(Reason::UnitUnknown) => t.phrases.reason_unit_unknown.clone(),
        None => String::new(),
    }
}

/// Lower-cases the first letter of a plan phrase used mid-sentence
/// (`Thường xuyên trong năm` → `thường xuyên trong năm`).
fn mid_sentence(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

struct Ctx<'a> {
    data: &'a ReportData,
    plan: &'a Plan,
    texts: &'a Texts,
    year: String,
    next_year: String,
    out: Vec<Block>,
}

impl Ctx<'_> {
    fn heading(&mut self, s: impl Into<String>) {
        self.out.push(Block::Heading(s.into()));
    }

    fn para(&mut self, s: impl Into<String>) {
        self.out.push(Block::Para(s.into()));
    }

    fn standing(&self, s: &str) -> String {
        fill(s, &[("year", &self.year), ("next_year", &self.next_year)])
    }

    fn unit_name(&self, code: &str) -> String {
        self.plan
            .unit(code)
            .map_or_else(|| code.to_string(), |u| u.name.clone())
    }

    fn unit_short(&self, code: &str) -> String {
        self.plan
            .unit(code)
            .map_or_else(|| code.to_string(), |u| u.short_name.clone())
    }

    fn names(&self, codes: &[&str]) -> String {
        let v: Vec<String> = codes.iter().map(|c| self.unit_name(c)).collect();
        self.texts.join_list(&v)
    }

    fn task_title(&self, number: u32, short: bool) -> String {
        match self.plan.task(number) {
            Some(t) if short => t.short_title.clone(),
            Some(t) => t.title.clone(),
            None => number.to_string(),
        }
    }

    fn timeline(&self, number: u32) -> String {
        self.plan
            .task(number)
            .map(|t| t.timeline_text.clone())
            .unwrap_or_default()
    }

    /// `đăng tải 145 tin, bài; 36 văn bản; công khai 53 thủ tục hành chính`: a verb
    /// is written once for consecutive measures that share it, as a person would.
    fn totals_prose(&self, totals: &Totals) -> String {
        let mut previous_verb = "";
        let parts: Vec<String> = totals
            .iter()
            .map(|(m, n)| {
                let t = self.texts.measure(m);
                let q = fill(&t.quantity, &[("n", &vn_number(*n)), ("measure", m)]);
                let verb = t.verb.trim();
                let repeated = verb == previous_verb;
                previous_verb = verb;
                if verb.is_empty() || repeated {
                    q
                } else {
                    format!("{verb} {q}")
                }
            })
            .collect();
        parts.join(&self.texts.phrases.totals_separator)
    }

    /// `145 tin, bài; 53 thủ tục hành chính` (for table cells).
    fn totals_short(&self, totals: &Totals) -> String {
        let parts: Vec<String> = totals
            .iter()
            .map(|(m, n)| {
                fill(
                    &self.texts.measure(m).quantity,
                    &[("n", &vn_number(*n)), ("measure", m)],
                )
            })
            .collect();
        parts.join(&self.texts.phrases.totals_separator)
    }

    fn status_text(&self, t: &TaskResult) -> String {
        let word = self.texts.status_word(t.status);
        if t.on_schedule {
            fill(&self.texts.phrases.status_on_schedule, &[("status", word)])
        } else {
            word.to_string()
        }
    }

    fn area_refs(&self, numbers: &[u32]) -> String {
        let refs: Vec<String> = numbers
            .iter()
            .map(|n| {
                let title = self
                    .plan
                    .content_area(*n)
                    .map(|a| a.short_title.clone())
                    .unwrap_or_default();
                fill(
                    &self.texts.phrases.area_ref,
                    &[("number", &n.to_string()), ("title", &title)],
                )
            })
            .collect();
        self.texts.join_list(&refs)
    }
}

/// The report's text: the aggregated figures in the words of the texts file.
/// `date` is the signing date; without it the day is left blank.
pub fn prose(data: &ReportData, plan: &Plan, texts: &Texts, date: Option<NaiveDate>) -> Prose {
    let mut cx = Ctx {
        data,
        plan,
        texts,
        year: plan.year.to_string(),
        next_year: (plan.year + 1).to_string(),
        out: Vec::new(),
    };
    for p in &texts.opening {
        let s = cx.standing(p);
        cx.para(s);
    }
    section_direction(&mut cx);
    section_results(&mut cx);
    section_assessment(&mut cx);
    section_next_steps(&mut cx);
    section_proposals(&mut cx);
    let h = &texts.header;
    Prose {
        number_line: format!("{}{BLANK}{}", h.number_label, h.number_suffix),
        date_line: date_line(texts, date, plan.deadlines.department_report),
        subject: cx.standing(&texts.subject),
        appendix_subtitle: appendix_subtitle(&cx, date),
        appendix: appendix_rows(&cx),
        body: cx.out,
    }
}

fn section_direction(cx: &mut Ctx<'_>) {
    cx.heading(&cx.texts.headings.direction);
    for p in &cx.texts.direction {
        let s = cx.standing(p);
        cx.para(s);
    }
}

fn section_results(cx: &mut Ctx<'_>) {
    let t = cx.texts;
    let ph = &t.phrases;
    cx.heading(&t.headings.results);
    for task in &cx.data.tasks {
        let number = task.number.to_string();
        let h = fill(
            &t.headings.task,
            &[
                ("number", &number),
                ("title", &cx.task_title(task.number, false)),
            ],
        );
        cx.heading(h);
        if let Some(plan_task) = cx.plan.task(task.number) {
            let lead: Vec<&str> = plan_task.lead_units.iter().map(String::as_str).collect();
            let coordinating = if !plan_task.coordinating_text.is_empty() {
                mid_sentence(&plan_task.coordinating_text)
            } else {
                match &plan_task.coordinating_units {
                    Coordinating::All => String::new(),
                    Coordinating::Units(list) => {
                        let v: Vec<&str> = list.iter().map(String::as_str).collect();
                        cx.names(&v)
                    }
                }
            };
            let timeline = mid_sentence(&plan_task.timeline_text);
            let text = if coordinating.is_empty() {
                fill(
                    &ph.assignment_no_coordinating,
                    &[("lead", &cx.names(&lead)), ("timeline", &timeline)],
                )
            } else {
                fill(
                    &ph.assignment,
                    &[
                        ("lead", &cx.names(&lead)),
                        ("coordinating", &coordinating),
                        ("timeline", &timeline),
                    ],
                )
            };
            cx.para(text);
        }
        if task.rows.is_empty() {
            cx.para(&ph.task_no_rows);
        } else {
            let activities = vn_number(task.rows.len() as u64);
            let text = if task.totals.is_empty() {
                fill(&ph.task_result_no_totals, &[("activities", &activities)])
            } else {
                fill(
                    &ph.task_result,
                    &[
                        ("activities", &activities),
                        ("totals", &cx.totals_prose(&task.totals)),
                    ],
                )
            };
            cx.para(text);
            let lines: Vec<String> = task
                .units
                .iter()
                .map(|u| {
                    let mut examples = u
                        .activity_texts
                        .iter()
                        .take(EXAMPLES)
                        .map(|a| a.trim_end_matches(['.', ';', ',']).to_string())
                        .collect::<Vec<_>>()
                        .join(&ph.totals_separator);
                    if u.activity_texts.len() > EXAMPLES {
                        examples = fill(&ph.more_examples, &[("examples", &examples)]);
                    }
                    let unit = cx.unit_name(&u.unit);
                    let activities = vn_number(u.activities as u64);
                    if u.totals.is_empty() {
                        fill(
                            &ph.unit_result_no_totals,
                            &[
                                ("unit", &unit),
                                ("activities", &activities),
                                ("examples", &examples),
                            ],
                        )
                    } else {
                        fill(
                            &ph.unit_result,
                            &[
                                ("unit", &unit),
                                ("activities", &activities),
                                ("totals", &cx.totals_short(&u.totals)),
                                ("examples", &examples),
                            ],
                        )
                    }
                })
                .collect();
            for l in punctuate_list(lines) {
                cx.para(l);
            }
            let missing = task.leads_not_reported();
            if !missing.is_empty() {
                let s = fill(&ph.leads_not_reported, &[("units", &cx.names(&missing))]);
                cx.para(s);
            }
        }
        let s = fill(&ph.task_status, &[("status", &cx.status_text(task))]);
        cx.para(s);
        if task.on_schedule {
            let s = fill(
                &ph.on_schedule_note,
                &[
                    ("timeline", &mid_sentence(&cx.timeline(task.number))),
                    ("deadline", &dmy(cx.plan.deadlines.units_report)),
                ],
            );
            cx.para(s);
        }
    }
    let next = cx.data.tasks.len() + 1;
    cx.heading(fill(&t.headings.summary, &[("number", &next.to_string())]));
    let rows = summary_rows(cx);
    cx.out.push(Block::Summary(rows));
    cx.heading(fill(
        &t.headings.coverage,
        &[("number", &(next + 1).to_string())],
    ));
    coverage(cx);
}

fn summary_rows(cx: &Ctx<'_>) -> Vec<SummaryRow> {
    cx.data
        .tasks
        .iter()
        .map(|task| {
            let leads: Vec<String> = cx
                .plan
                .task(task.number)
                .map(|t| t.lead_units.iter().map(|u| cx.unit_short(u)).collect())
                .unwrap_or_default();
            let result = if task.totals.is_empty() {
                fill(
                    &cx.texts.phrases.activities,
                    &[("activities", &vn_number(task.rows.len() as u64))],
                )
            } else {
                cx.totals_short(&task.totals)
            };
            SummaryRow {
                number: task.number.to_string(),
                title: cx.task_title(task.number, true),
                leads,
                timeline: cx.timeline(task.number),
                result,
                status: cx.status_text(task),
            }
        })
        .collect()
}

fn coverage(cx: &mut Ctx<'_>) {
    let ph = &cx.texts.phrases;
    let covered: Vec<_> = cx
        .data
        .coverage
        .iter()
        .filter(|c| c.activities > 0)
        .collect();
    let total = cx.data.coverage.len().to_string();
    if !covered.is_empty() {
        let s = fill(
            &ph.coverage_intro,
            &[("covered", &covered.len().to_string()), ("total", &total)],
        );
        cx.para(s);
        let items: Vec<String> = covered
            .iter()
            .map(|c| {
                let title = cx
                    .plan
                    .content_area(c.number)
                    .map(|a| a.short_title.clone())
                    .unwrap_or_default();
                fill(
                    &ph.coverage_item,
                    &[
                        ("number", &c.number.to_string()),
                        ("title", &title),
                        ("activities", &vn_number(c.activities as u64)),
                    ],
                )
            })
            .collect();
        for i in punctuate_list(items) {
            cx.para(i);
        }
    }
    let none = cx.data.areas_not_covered();
    if none.is_empty() {
        cx.para(&ph.coverage_all);
    } else {
        let s = fill(&ph.coverage_none, &[("areas", &cx.area_refs(&none))]);
        cx.para(s);
    }
}

fn section_assessment(cx: &mut Ctx<'_>) {
    let t = cx.texts;
    let ph = &t.phrases;
    let data = cx.data;
    cx.heading(&t.headings.assessment);
    cx.heading(&t.headings.strengths);
    let planned: Vec<&TaskResult> = data.tasks.iter().filter(|t| t.in_plan).collect();
    let done: Vec<String> = planned
        .iter()
        .filter(|t| t.status == TaskStatus::Done)
        .map(|t| fill(&ph.task_ref, &[("number", &t.number.to_string())]))
        .collect();
    if done.is_empty() {
        cx.para(&ph.strengths_no_task_done);
    } else {
        cx.para(fill(
            &ph.strengths_tasks,
            &[
                ("done", &done.len().to_string()),
                ("total", &planned.len().to_string()),
                ("tasks", &t.join_list(&done)),
            ],
        ));
    }
    if data.activities > 0 {
        let activities = vn_number(data.activities as u64);
        let text = if data.totals.is_empty() {
            fill(
                &ph.strengths_totals_no_measure,
                &[("activities", &activities)],
            )
        } else {
            fill(
                &ph.strengths_totals,
                &[
                    ("activities", &activities),
                    ("totals", &cx.totals_prose(&data.totals)),
                ],
            )
        };
        cx.para(text);
        let covered = data.coverage.iter().filter(|c| c.activities > 0).count();
        cx.para(fill(
            &ph.strengths_coverage,
            &[
                ("covered", &covered.to_string()),
                ("total", &data.coverage.len().to_string()),
            ],
        ));
    }

    cx.heading(&t.headings.shortcomings);
    let mut lines: Vec<String> = Vec::new();
    for task in &planned {
        let number = task.number.to_string();
        let title = cx.task_title(task.number, true);
        let timeline = mid_sentence(&cx.timeline(task.number));
        let vals = [
            ("number", number.as_str()),
            ("title", title.as_str()),
            ("timeline", timeline.as_str()),
        ];
        match task.status {
            TaskStatus::Done => {}
            TaskStatus::InProgress if task.on_schedule => {
                lines.push(fill(&ph.task_on_schedule, &vals));
            }
            TaskStatus::InProgress => lines.push(fill(&ph.task_in_progress, &vals)),
            TaskStatus::NotStarted => lines.push(fill(&ph.task_not_started, &vals)),
            TaskStatus::NotReported => {
                let units = cx.names(&task.leads_not_reported());
                let mut v = vals.to_vec();
                v.push(("units", &units));
                lines.push(fill(&ph.task_not_reported, &v));
            }
        }
    }
    if !data.units_missing.is_empty() {
        let codes: Vec<&str> = data.units_missing.iter().map(String::as_str).collect();
        lines.push(fill(&ph.units_missing, &[("units", &cx.names(&codes))]));
    }
    if !data.units_late.is_empty() {
        let late: Vec<String> = data
            .units_late
            .iter()
            .map(|l| {
                fill(
                    &ph.late_unit,
                    &[
                        ("unit", &cx.unit_name(&l.unit)),
                        ("date", &dmy(l.report_date)),
                    ],
                )
            })
            .collect();
        lines.push(fill(
            &ph.units_late,
            &[
                ("units", &t.join_list(&late)),
                ("deadline", &dmy(cx.plan.deadlines.units_report)),
            ],
        ));
    }
    for e in &data.exclusions {
        let file = crate::fsutil::file_name(&e.path);
        let reason = exclusion_reason(e, t);
        let reason = reason.trim().trim_end_matches('.');
        let rows: Vec<String> = e.rows.iter().map(u32::to_string).collect();
        lines.push(match &e.unit {
            Some(u) if !rows.is_empty() => fill(
                &ph.rows_excluded,
                &[
                    ("unit", &cx.unit_name(u)),
                    ("file", &file),
                    ("count", &rows.len().to_string()),
                    ("rows", &t.join_list(&rows)),
                ],
            ),
            Some(u) => fill(
                &ph.file_excluded,
                &[
                    ("unit", &cx.unit_name(u)),
                    ("file", &file),
                    ("reason", reason),
                ],
            ),
            None => fill(
                &ph.file_excluded_no_unit,
                &[("file", &file), ("reason", reason)],
            ),
        });
    }
    let none = data.areas_not_covered();
    if !none.is_empty() && data.activities > 0 {
        lines.push(fill(&ph.coverage_none, &[("areas", &cx.area_refs(&none))]));
    }
    let no_lines = lines.is_empty();
    for l in lines {
        cx.para(l);
    }
    if !data.difficulties.is_empty() {
        cx.para(&ph.difficulties_intro);
        remarks(cx, &data.difficulties);
    } else if no_lines {
        cx.para(&ph.no_shortcomings);
    }
}

fn remarks(cx: &mut Ctx<'_>, list: &[crate::report::aggregate::Remark]) {
    let items: Vec<String> = list
        .iter()
        .map(|r| {
            fill(
                &cx.texts.phrases.remark,
                &[("unit", &cx.unit_name(&r.unit)), ("text", &r.text)],
            )
        })
        .collect();
    for i in punctuate_list(items) {
        cx.para(i);
    }
}

fn section_next_steps(cx: &mut Ctx<'_>) {
    cx.heading(&cx.texts.headings.next_steps);
    for p in &cx.texts.next_steps {
        let s = cx.standing(p);
        cx.para(s);
    }
}

fn section_proposals(cx: &mut Ctx<'_>) {
    let t = cx.texts;
    cx.heading(&t.headings.proposals);
    for p in &t.proposals {
        let s = cx.standing(p);
        cx.para(s);
    }
    if !cx.data.proposals.is_empty() {
        cx.para(&t.phrases.proposals_intro);
        remarks(cx, &cx.data.proposals);
    } else if t.proposals.is_empty() {
        cx.para(&t.phrases.no_proposals);
    }
}

fn appendix_subtitle(cx: &Ctx<'_>, date: Option<NaiveDate>) -> String {
    let t = cx.texts;
    let number = format!("{BLANK}{}", t.header.number_suffix);
    let when = match date {
        Some(d) => dmy(d),
        None => {
            let d = cx.plan.deadlines.department_report;
            format!("{BLANK}/{:02}/{}", d.month(), d.year())
        }
    };
    fill(
        &t.appendix.subtitle,
        &[("number", &number), ("date", &when)],
    )
}

fn appendix_rows(cx: &Ctx<'_>) -> Vec<AppendixRow> {
    let t = cx.texts;
    let mut rows = Vec::with_capacity(cx.data.rows_included);
    let mut stt = 0u64;
    for task in &cx.data.tasks {
        for r in &task.rows {
            stt += 1;
            rows.push(AppendixRow {
                number: vn_number(stt),
                unit: r.unit.clone(),
                task: r.task.to_string(),
                activity: r.activity.clone(),
                quantity: r.quantity.map(vn_number).unwrap_or_default(),
                measure: r.measure.clone().unwrap_or_default(),
                time: r.time_text.clone(),
                status: t.status_word(r.status.into()).to_string(),
                evidence: r.evidence.clone().unwrap_or_default(),
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_write_a_shared_verb_once() {
        let plan = Plan::shipped();
        let texts = Texts::shipped();
        let data = crate::report::aggregate::aggregate(&plan, &[], &[]);
        let ctx = Ctx {
            data: &data,
            plan: &plan,
            texts: &texts,
            year: "2024".into(),
            next_year: "2025".into(),
            out: Vec::new(),
        };
        let totals = vec![
            ("tin/bài".to_string(), 145),
            ("văn bản".to_string(), 1234),
            ("thủ tục".to_string(), 53),
            ("lượt".to_string(), 7),
        ];
        assert_eq!(
            ctx.totals_prose(&totals),
            "đăng tải 145 tin, bài; 1.234 văn bản; công khai 53 thủ tục hành chính; 7 lượt"
        );
    }

    fn body_of(files: &[crate::check::CheckedFile]) -> String {
        let plan = Plan::shipped();
        let texts = Texts::shipped();
        let data = crate::report::aggregate::aggregate(&plan, files, &[]);
        prose(&data, &plan, &texts, None).body_text()
    }

    #[test]
    fn a_task_without_rows_and_a_silent_unit_are_said() {
        use crate::report::testdata::{file, row};
        use crate::value::Status;
        let text = body_of(&[file(
            "TTUD",
            "2024-11-10",
            vec![row(
                "TTUD",
                1,
                "Đăng tin",
                Some(12),
                "tin/bài",
                Status::Done,
            )],
        )]);
        assert!(text.contains("Chưa có đơn vị báo cáo kết quả thực hiện nhiệm vụ này."));
        assert!(text.contains("Các đơn vị chưa gửi báo cáo kết quả thực hiện: "));
        assert!(text.contains("Thanh tra Sở"), "{text}");
        assert!(text.lines().any(|l| l == "II. KẾT QUẢ THỰC HIỆN"));
    }

    #[test]
    fn numbers_are_written_vietnamese_style() {
        assert_eq!(vn_number(0), "0");
        assert_eq!(vn_number(999), "999");
        assert_eq!(vn_number(1234), "1.234");
        assert_eq!(vn_number(1234567), "1.234.567");
    }

    #[test]
    fn date_lines_follow_the_leading_zero_rule() {
        let t = Texts::shipped();
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let fb = d(2024, 11, 30);
        assert_eq!(
            date_line(&t, Some(d(2024, 1, 5)), fb),
            "Quảng Ngãi, ngày 05 tháng 01 năm 2024"
        );
        assert_eq!(
            date_line(&t, Some(d(2024, 11, 25)), fb),
            "Quảng Ngãi, ngày 25 tháng 11 năm 2024"
        );
        assert_eq!(
            date_line(&t, Some(d(2025, 2, 12)), fb),
            "Quảng Ngãi, ngày 12 tháng 02 năm 2025"
        );
        assert_eq!(
            date_line(&t, Some(d(2024, 3, 9)), fb),
            "Quảng Ngãi, ngày 09 tháng 3 năm 2024"
        );
        assert_eq!(
            date_line(&t, None, fb),
            format!("Quảng Ngãi, ngày {BLANK} tháng 11 năm 2024")
        );
    }

    #[test]
    fn lists_end_with_semicolons_and_a_full_stop() {
        assert_eq!(
            punctuate_list(vec!["a.".into(), "b".into(), "c;".into()]),
            ["a;", "b;", "c."]
        );
    }
}
