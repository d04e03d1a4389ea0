//! Prose: what the report says. From the aggregated figures, the plan and the
//! texts file, the report as plain structured text — headings, paragraphs, the
//! summary table's cells and the appendix rows, all as strings — so the wording
//! can be tested without Word. `render` lays this out as WordprocessingML and adds
//! no words of its own.
//!
//! The rules of `report.md` ("Writing the results") live here: a task's figures
//! are its lead units'; coordinating units' rows are contributions, never added
//! in; each result is the unit's own activity phrase with its figure; totals only
//! within a family of measures; each thing said once; units by full name in the
//! body and short name in tables, never by code or file name; abbreviations
//! spelled out at first use; counts below 10 with a leading zero.

use chrono::{Datelike, NaiveDate};

use crate::check::ResultRow;
use crate::plan::{Coordinating, Plan};
use crate::report::aggregate::{ReportData, TaskResult, TaskStatus};
use crate::report::texts::{fill, Texts, TimeWords};
use crate::text::{dmy, fold, nfc};
use crate::value::Period;

/// Blank left for the clerk: the document number and, without `--date`, the day.
pub const BLANK: &str = "      ";
/// Main outputs named per task in the summary table and in `Ưu điểm`.
const MAIN_OUTPUTS: usize = 2;

/// One block of the report's body, between the title and the end block.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading (`I. …`), upper case, bold.
    Section(String),
    /// A heading (`1. …`), bold.
    Heading(String),
    /// A sub-heading (`a) …`), plain.
    SubHeading(String),
    /// A body paragraph (list items are paragraphs beginning `- `).
    Para(String),
    /// The summary table of the tasks (its header row is in the texts file).
    Summary(Vec<SummaryRow>),
    /// The closing sentence, kept on the page of the end block.
    Closing(String),
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
pub struct AppendixRow<'a> {
    pub number: String,
    /// The unit's short name.
    pub unit: &'a str,
    pub task: String,
    pub activity: &'a str,
    pub quantity: String,
    pub measure: &'a str,
    pub time: String,
    pub status: &'a str,
    pub evidence: &'a str,
}

/// A line of the appendix table: a task's group row, or a data row.
#[derive(Debug, Clone, PartialEq)]
pub enum AppendixLine<'a> {
    Group(String),
    Row(AppendixRow<'a>),
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
    /// Opening to the closing sentence.
    pub body: Vec<Block>,
    /// `(Kèm theo Báo cáo số … ngày …)`.
    pub appendix_subtitle: String,
}

impl Prose {
    /// The body's text, one block a line (the summary table's rows as cells
    /// joined by ` | `): what tests read.
    pub fn body_text(&self) -> String {
        let mut out = String::new();
        for b in &self.body {
            match b {
                Block::Section(s)
                | Block::Heading(s)
                | Block::SubHeading(s)
                | Block::Para(s)
                | Block::Closing(s) => {
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

/// A count in prose: below 10 with a leading zero (`02 lớp`), else `1.234`.
pub fn count(n: u64) -> String {
    if n < 10 {
        format!("{n:02}")
    } else {
        vn_number(n)
    }
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
            let s = trim_end_punct(&s).to_string();
            format!("{s}{}", if i + 1 == n { "." } else { ";" })
        })
        .collect()
}

/// Drops a trailing ellipsis, full stop, semicolon or comma.
fn trim_end_punct(s: &str) -> &str {
    s.trim_end()
        .trim_end_matches(['.', ';', ',', '…'])
        .trim_end()
}

/// Lower-cases the first letter of a phrase used mid-sentence
/// (`Thường xuyên trong năm` → `thường xuyên trong năm`), but not of a word
/// written in capitals (`TTHC`, `ISO`).
fn mid_sentence(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => {
            let second_upper = s.chars().nth(1).is_some_and(char::is_uppercase);
            if second_upper {
                s.to_string()
            } else {
                f.to_lowercase().chain(c).collect()
            }
        }
        None => String::new(),
    }
}

/// Task letters: `a`, `b`, … `z`, then `aa`.
fn letter(i: usize) -> String {
    const L: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    if i < L.len() {
        (L[i] as char).to_string()
    } else {
        format!("{}{}", letter(i / L.len() - 1), letter(i % L.len()))
    }
}

struct Ctx<'a> {
    data: &'a ReportData<'a>,
    plan: &'a Plan,
    texts: &'a Texts,
    year: String,
    next_year: String,
    out: Vec<Block>,
}

impl<'a> Ctx<'a> {
    fn new(data: &'a ReportData<'a>, plan: &'a Plan, texts: &'a Texts) -> Ctx<'a> {
        Ctx {
            data,
            plan,
            texts,
            year: plan.year.to_string(),
            next_year: (plan.year + 1).to_string(),
            out: Vec::new(),
        }
    }

    fn section(&mut self, s: impl Into<String>) {
        self.out.push(Block::Section(s.into()));
    }

    fn heading(&mut self, s: impl Into<String>) {
        self.out.push(Block::Heading(s.into()));
    }

    fn para(&mut self, s: impl Into<String>) {
        self.out.push(Block::Para(s.into()));
    }

    fn standing(&self, s: &str) -> String {
        fill(s, &[("year", &self.year), ("next_year", &self.next_year)])
    }

    /// A unit's full name; a code the plan does not know is kept (it cannot
    /// reach the report: unknown units are findings).
    fn unit_name(&self, code: &str) -> String {
        self.plan
            .unit(code)
            .map_or_else(|| code.to_string(), |u| u.name.clone())
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

    /// A quantity in a measure's words: `02 lớp`, `121 tin, bài`.
    fn quantity(&self, n: u64, measure: &str) -> String {
        fill(
            &self.texts.measure(measure).quantity,
            &[("n", &count(n)), ("measure", measure)],
        )
    }

    /// The coordinating units' figures added up only where a reader adds them: a
    /// family of measures (texts file) two or more of them report. Never added to
    /// the lead's figures.
    fn contribution_totals(&self, task: &TaskResult) -> String {
        let mut families: Vec<(&str, u64, usize)> = Vec::new();
        for u in task.units.iter().filter(|u| !u.lead) {
            let mut counted: Vec<&str> = Vec::new();
            for (m, n) in &u.totals {
                if !self.texts.adds_up(m) {
                    continue;
                }
                let f = self.texts.family(m);
                let first_of_unit = !counted.contains(&f);
                counted.push(f);
                match families.iter_mut().find(|(g, ..)| *g == f) {
                    Some((_, total, units)) => {
                        *total += n;
                        *units += usize::from(first_of_unit);
                    }
                    None => families.push((f, *n, 1)),
                }
            }
        }
        let v: Vec<String> = families
            .into_iter()
            .filter(|(_, _, units)| *units >= 2)
            .map(|(f, n, _)| self.quantity(n, f))
            .collect();
        v.join(&self.texts.phrases.totals_separator)
    }

    /// The one or two main outputs of a task: of its lead units' family totals,
    /// those most of the lead rows report (then the larger figure), in plan
    /// order of measures.
    fn main_outputs(&self, task: &TaskResult) -> String {
        let lead_rows: Vec<&ResultRow> = task
            .rows
            .iter()
            .zip(&task.repeated)
            .filter(|(r, rep)| !**rep && task.units.iter().any(|u| u.lead && *u.unit == *r.unit))
            .map(|(r, _)| *r)
            .collect();
        let mut families: Vec<(&str, u64, usize, usize)> = Vec::new();
        for (rank, (m, n)) in task.lead_totals.iter().enumerate() {
            let f = self.texts.family(m);
            let rows = lead_rows
                .iter()
                .filter(|r| {
                    r.measure
                        .as_deref()
                        .is_some_and(|x| self.texts.family(x) == f)
                })
                .count();
            match families.iter_mut().find(|(g, ..)| *g == f) {
                Some((_, total, count, _)) => {
                    *total += n;
                    *count = rows;
                }
                None => families.push((f, *n, rows, rank)),
            }
        }
        let mut chosen = families.clone();
        chosen.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)).then(a.3.cmp(&b.3)));
        chosen.truncate(MAIN_OUTPUTS);
        chosen.sort_by_key(|c| c.3);
        let v: Vec<String> = chosen
            .into_iter()
            .map(|(f, n, ..)| self.quantity(n, f))
            .collect();
        v.join(&self.texts.phrases.totals_separator)
    }

    /// A unit's results in its own words: each activity phrase (first letter
    /// lower-cased) with its figure, `; ` between.
    /// A row that repeats an event another lead unit reports is written
    /// without its figure.
    fn results(&self, task: &TaskResult, unit: &str) -> String {
        let ph = &self.texts.phrases;
        let items: Vec<String> = task
            .rows
            .iter()
            .zip(&task.repeated)
            .filter(|(r, _)| &*r.unit == unit)
            .map(|(r, repeated)| {
                let activity = mid_sentence(trim_end_punct(r.activity.trim()));
                match (r.quantity, &r.measure) {
                    (Some(q), Some(m)) if !repeated => fill(
                        &ph.result_item,
                        &[("activity", &activity), ("figure", &self.quantity(q, m))],
                    ),
                    _ => activity,
                }
            })
            .collect();
        items.join(&ph.totals_separator)
    }

    fn status_text(&self, t: &TaskResult) -> String {
        let word = self.texts.status_word(t.status);
        let ph = &self.texts.phrases;
        if t.on_schedule {
            fill(&ph.status_on_schedule, &[("status", word)])
        } else if t.continuous && t.status == TaskStatus::Done {
            fill(&ph.status_continuous, &[("status", word)])
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

    /// Content areas with some activities but fewer than the texts' threshold.
    fn thin_areas(&self) -> Vec<u32> {
        self.data
            .coverage
            .iter()
            .filter(|c| c.activities > 0 && (c.activities as u32) < self.texts.thin_coverage)
            .map(|c| c.number)
            .collect()
    }
}

/// The report's text: the aggregated figures in the words of the texts file.
/// `date` is the signing date; without it the day is left blank.
pub fn prose(data: &ReportData, plan: &Plan, texts: &Texts, date: Option<NaiveDate>) -> Prose {
    let mut cx = Ctx::new(data, plan, texts);
    section_opening(&mut cx);
    section_direction(&mut cx);
    section_results(&mut cx);
    section_assessment(&mut cx);
    section_next_steps(&mut cx);
    section_proposals(&mut cx);
    let closing = cx.standing(&texts.closing);
    cx.out.push(Block::Closing(closing));
    spell_out_abbreviations(&mut cx.out, texts);
    let h = &texts.header;
    Prose {
        number_line: format!("{}{BLANK}{}", h.number_label, h.number_suffix),
        date_line: date_line(texts, date, plan.deadlines.department_report),
        subject: cx.standing(&texts.subject),
        appendix_subtitle: appendix_subtitle(&cx, date),
        body: cx.out,
    }
}

/// The opening: the plans and guidance the report answers, the Department's own
/// plan by its number and date (left `…` while the plan file lacks them).
fn section_opening(cx: &mut Ctx<'_>) {
    let ph = &cx.texts.phrases;
    let number = match &cx.plan.number {
        Some(n) => n.clone(),
        None => cx.standing(&ph.plan_number_blank),
    };
    let date = match cx.plan.issued {
        Some(d) => d.format("%d/%m/%Y").to_string(),
        None => cx.standing(&ph.plan_date_blank),
    };
    for p in &cx.texts.opening {
        let s = fill(
            p,
            &[
                ("year", &cx.year),
                ("next_year", &cx.next_year),
                ("plan_number", &number),
                ("plan_date", &date),
            ],
        );
        cx.para(s);
    }
}

fn section_direction(cx: &mut Ctx<'_>) {
    cx.section(&cx.texts.headings.direction);
    for p in &cx.texts.direction {
        let s = cx.standing(p);
        cx.para(s);
    }
}

fn assignment(cx: &Ctx<'_>, number: u32) -> Option<String> {
    let ph = &cx.texts.phrases;
    let plan_task = cx.plan.task(number)?;
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
    Some(if coordinating.is_empty() {
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
    })
}

fn section_results(cx: &mut Ctx<'_>) {
    let t = cx.texts;
    let ph = &t.phrases;
    let data = cx.data;
    cx.section(&t.headings.results);
    cx.heading(&t.headings.tasks);
    for (i, task) in data.tasks.iter().enumerate() {
        let h = fill(
            &t.headings.task,
            &[
                ("letter", &letter(i)),
                ("number", &task.number.to_string()),
                ("title", &cx.task_title(task.number, false)),
            ],
        );
        cx.out.push(Block::SubHeading(h));
        if let Some(a) = assignment(cx, task.number) {
            cx.para(a);
        }
        if task.rows.is_empty() {
            cx.para(&ph.task_no_rows);
        } else {
            // The lead units' results are the task's.
            for u in task.units.iter().filter(|u| u.lead) {
                let s = fill(
                    &ph.lead_result,
                    &[
                        ("unit", &cx.unit_name(&u.unit)),
                        ("results", &cx.results(task, &u.unit)),
                    ],
                );
                cx.para(s);
            }
            let missing = task.leads_not_reported();
            if !missing.is_empty() {
                let s = fill(&ph.leads_not_reported, &[("units", &cx.names(&missing))]);
                cx.para(s);
            }
            // Coordinating units' rows: contributions, never added in.
            let contributions: Vec<String> = task
                .units
                .iter()
                .filter(|u| !u.lead)
                .map(|u| {
                    fill(
                        &ph.contribution,
                        &[
                            ("unit", &cx.unit_name(&u.unit)),
                            ("results", &cx.results(task, &u.unit)),
                        ],
                    )
                })
                .collect();
            if !contributions.is_empty() {
                let totals = cx.contribution_totals(task);
                if contributions.len() == 1 {
                    cx.para(&ph.contributions_intro_one);
                } else if totals.is_empty() {
                    cx.para(&ph.contributions_intro);
                } else {
                    cx.para(fill(&ph.contributions_intro_total, &[("totals", &totals)]));
                }
                for l in punctuate_list(contributions) {
                    cx.para(l);
                }
            }
        }
        let s = fill(&ph.task_status, &[("status", &cx.status_text(task))]);
        cx.para(s);
        if task.on_schedule && !task.continuous {
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
    cx.para(&ph.summary_intro);
    let rows = summary_rows(cx);
    cx.out.push(Block::Summary(rows));
    cx.heading(&t.headings.coverage);
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
                .map(|t| {
                    t.lead_units
                        .iter()
                        .map(|u| cx.plan.short_name(u).to_string())
                        .collect()
                })
                .unwrap_or_default();
            let mut result = cx.main_outputs(task);
            if result.is_empty() && !task.rows.is_empty() {
                result = cx.texts.phrases.summary_no_figures.clone();
            }
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
                        ("activities", &count(c.activities as u64)),
                    ],
                )
            })
            .collect();
        for i in punctuate_list(items) {
            cx.para(i);
        }
        cx.para(&ph.coverage_note);
    }
    let none = cx.data.areas_not_covered();
    if none.is_empty() {
        cx.para(&ph.coverage_all);
    } else {
        let s = fill(&ph.coverage_none, &[("areas", &cx.area_refs(&none))]);
        cx.para(s);
    }
    let thin = cx.thin_areas();
    if !thin.is_empty() {
        let s = fill(&ph.coverage_thin, &[("areas", &cx.area_refs(&thin))]);
        cx.para(s);
    }
}

/// III: strengths, shortcomings with their causes, then the reporting paragraph.
fn section_assessment(cx: &mut Ctx<'_>) {
    let t = cx.texts;
    cx.section(&t.headings.assessment);
    cx.heading(&t.headings.strengths);
    strengths(cx);
    cx.heading(&t.headings.shortcomings);
    shortcomings(cx);
    reporting(cx);
}

/// III.1: tasks done out of all (and those on schedule), each task's main
/// outputs, the content areas covered. Never a sum across tasks.
fn strengths(cx: &mut Ctx<'_>) {
    let t = cx.texts;
    let ph = &t.phrases;
    let data = cx.data;
    let planned: Vec<&TaskResult> = data.tasks.iter().filter(|t| t.in_plan).collect();
    let refs = |pick: &dyn Fn(&TaskResult) -> bool| -> Vec<String> {
        planned
            .iter()
            .filter(|t| pick(t))
            .map(|t| fill(&ph.task_ref, &[("number", &t.number.to_string())]))
            .collect()
    };
    let done = refs(&|t| t.status == TaskStatus::Done);
    let on_schedule = refs(&|t| t.status == TaskStatus::InProgress && t.on_schedule);
    let mut sentence = if done.is_empty() {
        ph.strengths_no_task_done.clone()
    } else {
        fill(
            &ph.strengths_tasks,
            &[
                ("done", &count(done.len() as u64)),
                ("total", &count(planned.len() as u64)),
                ("tasks", &t.join_list(&done)),
            ],
        )
    };
    if !on_schedule.is_empty() {
        sentence.push_str(&ph.totals_separator);
        sentence.push_str(&fill(
            &ph.strengths_on_schedule,
            &[("tasks", &t.join_list(&on_schedule))],
        ));
    }
    sentence.push('.');
    cx.para(sentence);
    let outputs: Vec<String> = planned
        .iter()
        .filter_map(|task| {
            let result = cx.main_outputs(task);
            (!result.is_empty()).then(|| {
                fill(
                    &ph.strengths_output,
                    &[
                        ("number", &task.number.to_string()),
                        ("title", &cx.task_title(task.number, true)),
                        ("result", &result),
                    ],
                )
            })
        })
        .collect();
    if !outputs.is_empty() {
        cx.para(&ph.strengths_outputs_intro);
        for l in punctuate_list(outputs) {
            cx.para(l);
        }
    }
    if data.activities > 0 {
        let covered = data.coverage.iter().filter(|c| c.activities > 0).count();
        cx.para(fill(
            &ph.strengths_coverage,
            &[
                ("covered", &count(covered as u64)),
                ("total", &count(data.coverage.len() as u64)),
            ],
        ));
    }
}

/// III.2: only real shortcomings (a task on schedule was explained in II):
/// tasks behind or not reported, content areas not or thinly covered, then the
/// units' difficulties as causes, each with its unit.
fn shortcomings(cx: &mut Ctx<'_>) {
    let ph = &cx.texts.phrases;
    let data = cx.data;
    let planned: Vec<&TaskResult> = data.tasks.iter().filter(|t| t.in_plan).collect();
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
            TaskStatus::InProgress if task.on_schedule => {}
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
    if data.activities > 0 {
        let none = data.areas_not_covered();
        if !none.is_empty() {
            lines.push(fill(&ph.coverage_none, &[("areas", &cx.area_refs(&none))]));
        }
        let thin = cx.thin_areas();
        if !thin.is_empty() {
            lines.push(fill(&ph.coverage_thin, &[("areas", &cx.area_refs(&thin))]));
        }
    }
    let no_lines = lines.is_empty();
    for l in lines {
        cx.para(l);
    }
    if !data.difficulties.is_empty() {
        cx.para(&ph.causes_intro);
        let items: Vec<String> = data
            .difficulties
            .iter()
            .map(|r| {
                fill(
                    &ph.difficulty,
                    &[
                        ("unit", &cx.unit_name(&r.unit)),
                        ("text", trim_end_punct(&r.text)),
                    ],
                )
            })
            .collect();
        for i in punctuate_list(items) {
            cx.para(i);
        }
    } else if no_lines {
        cx.para(&ph.no_shortcomings);
    }
}

/// The paragraph on the reporting itself (plan section VI): the cut-off, who
/// reported on time, who late, who not at all, and whose report could not be
/// used — in administrative words, without codes or file names.
fn reporting(cx: &mut Ctx<'_>) {
    let t = cx.texts;
    let ph = &t.phrases;
    let data = cx.data;
    let total = cx.plan.units.len();
    let reported: std::collections::BTreeSet<&str> = data
        .tasks
        .iter()
        .flat_map(|t| t.rows.iter().map(|r| &*r.unit))
        .collect();
    // On time: units whose figures reached the report and that were not late.
    let on_time = cx
        .plan
        .units
        .iter()
        .filter(|u| reported.contains(u.code.as_str()))
        .filter(|u| !data.units_late.iter().any(|l| l.unit == u.code))
        .count();
    let mut text = fill(
        &ph.reporting,
        &[
            ("cutoff", &dmy(cx.plan.deadlines.units_report)),
            ("on_time", &count(on_time as u64)),
            ("total", &count(total as u64)),
        ],
    );
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
        text.push(' ');
        text.push_str(&fill(&ph.reporting_late, &[("units", &t.join_list(&late))]));
    }
    if !data.units_missing.is_empty() {
        let codes: Vec<&str> = data.units_missing.iter().map(String::as_str).collect();
        text.push(' ');
        text.push_str(&fill(
            &ph.reporting_missing,
            &[("units", &cx.names(&codes))],
        ));
    }
    // Whole reports left out: each unit once, whatever the number of its files.
    let mut units_out: Vec<&str> = Vec::new();
    let mut no_unit = 0usize;
    for e in data.exclusions.iter().filter(|e| e.rows.is_empty()) {
        match e.unit.as_deref() {
            Some(u) if !units_out.contains(&u) => units_out.push(u),
            Some(_) => {}
            None => no_unit += 1,
        }
    }
    if !units_out.is_empty() {
        text.push(' ');
        text.push_str(&fill(
            &ph.file_excluded,
            &[("units", &cx.names(&units_out))],
        ));
    }
    if no_unit > 0 {
        text.push(' ');
        text.push_str(&fill(
            &ph.file_excluded_no_unit,
            &[("count", &count(no_unit as u64))],
        ));
    }
    for e in data.exclusions.iter().filter(|e| !e.rows.is_empty()) {
        if let Some(u) = &e.unit {
            text.push(' ');
            text.push_str(&fill(
                &ph.rows_excluded,
                &[
                    ("unit", &cx.unit_name(u)),
                    ("count", &count(e.rows.len() as u64)),
                ],
            ));
        }
    }
    cx.para(text);
}

fn section_next_steps(cx: &mut Ctx<'_>) {
    let t = cx.texts;
    let ph = &t.phrases;
    cx.section(&t.headings.next_steps);
    for p in &t.next_steps {
        let s = cx.standing(p);
        cx.para(s);
    }
    // The tasks still open, with what remains (the lead units' unfinished rows)
    // and by when.
    let items: Vec<String> = cx
        .data
        .tasks
        .iter()
        .filter(|t| {
            t.in_plan && matches!(t.status, TaskStatus::InProgress | TaskStatus::NotStarted)
        })
        .filter_map(|task| {
            let open: Vec<&ResultRow> = task
                .rows
                .iter()
                .filter(|r| task.lead_status.iter().any(|(u, _)| **u == *r.unit))
                .filter(|r| TaskStatus::from(r.status) != TaskStatus::Done)
                .copied()
                .collect();
            if open.is_empty() {
                return None;
            }
            let remaining: Vec<String> = open
                .iter()
                .map(|r| mid_sentence(trim_end_punct(r.activity.trim())))
                .collect();
            let template = if task.continuous {
                &ph.remaining_task_continuous
            } else {
                &ph.remaining_task
            };
            Some(fill(
                template,
                &[
                    ("number", &task.number.to_string()),
                    ("title", &cx.task_title(task.number, true)),
                    ("timeline", &mid_sentence(&cx.timeline(task.number))),
                    ("remaining", &remaining.join(&ph.totals_separator)),
                ],
            ))
        })
        .collect();
    if !items.is_empty() {
        cx.para(&ph.remaining_intro);
        for l in punctuate_list(items) {
            cx.para(l);
        }
    }
}

fn section_proposals(cx: &mut Ctx<'_>) {
    let t = cx.texts;
    cx.section(&t.headings.proposals);
    for p in &t.proposals {
        let s = cx.standing(p);
        cx.para(s);
    }
    if t.proposals.is_empty() {
        cx.para(&t.phrases.no_proposals);
    }
}

/// Spells each abbreviation out at its first use in the body's prose: where
/// the full form comes first, the abbreviation is added after it
/// (`cải cách hành chính (CCHC)`); where the abbreviation comes first, the full
/// form is written before it. An abbreviation never used is not introduced.
/// Headings (the plan's titles, quoted) and tables are not changed.
fn spell_out_abbreviations(blocks: &mut [Block], texts: &Texts) {
    for a in &texts.abbreviations {
        let mut first: Option<(usize, usize, bool)> = None;
        let mut short_used = false;
        for (i, b) in blocks.iter().enumerate() {
            // Headings quote the plan's titles as they are.
            let s = match b {
                Block::Para(s) | Block::Closing(s) => s,
                _ => continue,
            };
            let short_at = find_word(s, &a.short);
            if short_at.is_some() {
                short_used = true;
            }
            if first.is_none() {
                let full_at = find_word(s, &a.full);
                first = match (full_at, short_at) {
                    (Some(f), Some(sh)) if f <= sh => Some((i, f, true)),
                    (_, Some(sh)) => Some((i, sh, false)),
                    (Some(f), None) => Some((i, f, true)),
                    (None, None) => None,
                };
            }
            if short_used && first.is_some() {
                break;
            }
        }
        let (Some((i, at, full_first)), true) = (first, short_used) else {
            continue;
        };
        if let Block::Para(s) | Block::Closing(s) = &mut blocks[i] {
            if full_first {
                let end = at + a.full.len();
                if !s[end..].starts_with(&format!(" ({})", a.short)) {
                    s.insert_str(end, &format!(" ({})", a.short));
                }
            } else {
                s.insert_str(at, &format!("{} (", a.full));
                let end = at + a.full.len() + 2 + a.short.len();
                s.insert(end, ')');
            }
        }
    }
}

/// The byte position of `word` in `s` where it is not part of a longer word.
fn find_word(s: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find(word) {
        let at = from + i;
        let before = s[..at].chars().next_back();
        let after = s[at + word.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if edge(before) && edge(after) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
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

/// The appendix table's lines — task group rows and data rows numbered from 1 —
/// made one at a time as they are read: a province's appendix has 10^5 rows and
/// more, and holding its text whole would double what the report takes in memory.
pub fn appendix<'a>(
    data: &'a ReportData<'a>,
    plan: &'a Plan,
    texts: &'a Texts,
) -> impl Iterator<Item = AppendixLine<'a>> + 'a {
    let cx = std::rc::Rc::new(Ctx::new(data, plan, texts));
    let starts = data
        .tasks
        .iter()
        .filter(|t| !t.rows.is_empty())
        .scan(0u64, |before, task| {
            let start = *before;
            *before += task.rows.len() as u64;
            Some((start, task))
        });
    starts.flat_map(move |(start, task)| {
        let group = AppendixLine::Group(appendix_group(&cx, task.number));
        let cx = std::rc::Rc::clone(&cx);
        let rows = task
            .rows
            .iter()
            .enumerate()
            .map(move |(i, r)| AppendixLine::Row(appendix_row(&cx, start + i as u64 + 1, r)));
        std::iter::once(group).chain(rows)
    })
}

/// A task's group row of the appendix (`Nhiệm vụ 1: …`).
fn appendix_group(cx: &Ctx<'_>, number: u32) -> String {
    fill(
        &cx.texts.phrases.appendix_group,
        &[
            ("number", &number.to_string()),
            ("title", &cx.task_title(number, true)),
        ],
    )
}

/// A data row of the appendix, numbered `stt`.
fn appendix_row<'a>(cx: &Ctx<'a>, stt: u64, r: &'a ResultRow) -> AppendixRow<'a> {
    let (t, plan) = (cx.texts, cx.plan);
    AppendixRow {
        number: vn_number(stt),
        unit: plan.short_name(&r.unit),
        task: r.task.to_string(),
        activity: &r.activity,
        quantity: r.quantity.map(vn_number).unwrap_or_default(),
        measure: r.measure.as_deref().unwrap_or_default(),
        time: appendix_time(&t.appendix.time, &r.time_text, &r.period),
        status: t.status_word(r.status.into()),
        evidence: r.evidence.as_deref().unwrap_or_default(),
    }
}

/// The `Thời gian` cell in one style whatever way the unit wrote it: a day
/// `dd/mm/yyyy`, a month `Tháng 5/2024`, quarters `Quý II/2024`, `Quý I - II/2024`,
/// a whole year `Năm 2024` (`Thường xuyên` when the unit wrote that); a range of
/// days `dd/mm/yyyy - dd/mm/yyyy`. Other spans of months (`Tháng 3, 6, 9/2024`
/// reads as March to September) keep the unit's words, which say more.
fn appendix_time(w: &TimeWords, written: &str, p: &Period) -> String {
    const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
    let (s, e) = (p.start, p.end);
    if s == e {
        return dmy(s);
    }
    let whole_months = s.day() == 1 && e.succ_opt().is_some_and(|n| n.day() == 1);
    if !whole_months || s.year() != e.year() {
        return format!("{} - {}", dmy(s), dmy(e));
    }
    let year = s.year().to_string();
    let (first, last) = (s.month(), e.month());
    if (first, last) == (1, 12) {
        if fold(written).starts_with(&fold(&w.continuous)) {
            return w.continuous.clone();
        }
        return fill(&w.year, &[("year", &year)]);
    }
    if first == last {
        return fill(&w.month, &[("month", &first.to_string()), ("year", &year)]);
    }
    if first % 3 == 1 && last % 3 == 0 {
        let (q1, q2) = (ROMAN[(first / 3) as usize], ROMAN[(last / 3 - 1) as usize]);
        return if q1 == q2 {
            fill(&w.quarter, &[("quarter", q1), ("year", &year)])
        } else {
            fill(&w.quarters, &[("first", q1), ("last", q2), ("year", &year)])
        };
    }
    nfc(written.trim())
}

#[cfg(test)]
mod time_tests {
    use super::*;

    #[test]
    fn appendix_times_are_written_in_one_style() {
        let w = Texts::shipped().appendix.time;
        let t = |written: &str| {
            let p = crate::value::parse_time_text(
                written,
                2024,
                crate::vocabulary::Vocabulary::shipped(),
            )
            .unwrap();
            appendix_time(&w, written, &p)
        };
        assert_eq!(t("15/3/2024"), "15/03/2024");
        assert_eq!(t("18/5"), "18/05/2024");
        assert_eq!(t("Ngày 05/6/2024"), "05/06/2024");
        assert_eq!(t("tháng 7/2024"), "Tháng 7/2024");
        assert_eq!(t("Tháng 07/2024"), "Tháng 7/2024");
        assert_eq!(t("Quý II/2024"), "Quý II/2024");
        assert_eq!(t("quý 2/2024"), "Quý II/2024");
        assert_eq!(t("6 tháng đầu năm 2024"), "Quý I - II/2024");
        assert_eq!(t("Quý IV/2024"), "Quý IV/2024");
        assert_eq!(t("Năm 2024"), "Năm 2024");
        assert_eq!(t("Cả năm"), "Năm 2024");
        assert_eq!(t("Thường xuyên"), "Thường xuyên");
        assert_eq!(t("thường xuyên trong năm"), "Thường xuyên");
        assert_eq!(t("15/5/2024 - 20/5/2024"), "15/05/2024 - 20/05/2024");
        assert_eq!(t("Tháng 3, 6, 9/2024"), "Tháng 3, 6, 9/2024");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::check::CheckedFile;
    use crate::report::exclusion::{Exclusion, Reason};
    use crate::report::testdata::{file, row};
    use crate::value::Status::{Done, InProgress};

    fn prose_of(files: &[CheckedFile], exclusions: &[Exclusion]) -> Prose {
        let plan = Plan::shipped();
        let texts = Texts::shipped();
        let data = crate::report::aggregate::aggregate(&plan, files, exclusions);
        prose(&data, &plan, &texts, None)
    }

    fn summary(p: &Prose) -> &[SummaryRow] {
        p.body
            .iter()
            .find_map(|b| match b {
                Block::Summary(rows) => Some(rows.as_slice()),
                _ => None,
            })
            .unwrap()
    }

    #[test]
    fn the_opening_cites_the_departments_plan_by_number_and_date() {
        let texts = Texts::shipped();
        let plan = Plan::shipped();
        let data = crate::report::aggregate::aggregate(&plan, &[], &[]);
        let opening = |p: &Plan| prose(&data, p, &texts, None).body_text();
        // Unknown in the plan file: left for the office to fill in.
        assert!(opening(&plan)
            .contains("và Kế hoạch số …/KH-SKHCN ngày …/…/2024 của Sở Khoa học và Công nghệ"));
        let mut known = plan.clone();
        known.number = Some("25/KH-SKHCN".into());
        known.issued = NaiveDate::from_ymd_opt(2024, 2, 5);
        let text = opening(&known);
        assert!(
            text.contains(
                "và Kế hoạch số 25/KH-SKHCN ngày 05/02/2024 của Sở Khoa học và Công nghệ"
            ),
            "{text}"
        );
        assert!(!text.contains('…'), "{text}");
    }

    #[test]
    fn contributions_are_summed_only_within_a_family_and_apart_from_the_lead() {
        // Task 1: TTUD posts 121 news items; two units supply 14 and 9 of a
        // family (`tin/bài`, `bài`); a third counts page views, never added.
        let p = prose_of(
            &[
                file(
                    "TTUD",
                    "2024-11-10",
                    vec![row(
                        "TTUD",
                        1,
                        "Đăng tải tin, bài",
                        Some(121),
                        "tin/bài",
                        Done,
                    )],
                ),
                file(
                    "HCTH",
                    "2024-11-10",
                    vec![row(
                        "HCTH",
                        1,
                        "Cung cấp tin, bài",
                        Some(14),
                        "tin/bài",
                        Done,
                    )],
                ),
                file(
                    "QLTC",
                    "2024-11-10",
                    vec![row("QLTC", 1, "Viết bài", Some(9), "bài", Done)],
                ),
                file(
                    "TTRA",
                    "2024-11-10",
                    vec![row("TTRA", 1, "Lượt truy cập", Some(1250), "lượt", Done)],
                ),
            ],
            &[],
        );
        let text = p.body_text();
        assert!(
            text.contains("Các phòng, đơn vị phối hợp thực hiện (tổng cộng 23 tin, bài):"),
            "{text}"
        );
        assert!(
            !text.contains("1.271") && !text.contains("144 tin"),
            "{text}"
        );
        assert!(text.contains("Trung tâm Ứng dụng và Dịch vụ khoa học và Công nghệ đăng tải tin, bài (121 tin, bài)."), "{text}");

        // One contributing unit: `đơn vị`, not `các đơn vị`; no total.
        let p = prose_of(
            &[
                file(
                    "TTUD",
                    "2024-11-10",
                    vec![row(
                        "TTUD",
                        1,
                        "Đăng tải tin, bài",
                        Some(121),
                        "tin/bài",
                        Done,
                    )],
                ),
                file(
                    "HCTH",
                    "2024-11-10",
                    vec![row(
                        "HCTH",
                        1,
                        "Cung cấp tin, bài",
                        Some(14),
                        "tin/bài",
                        Done,
                    )],
                ),
            ],
            &[],
        );
        let text = p.body_text();
        assert!(
            text.contains(
                "Đơn vị phối hợp thực hiện:\n- Phòng Hành chính - Tổng hợp cung cấp tin, bài (14 tin, bài)."
            ),
            "{text}"
        );
        assert!(!text.contains("Các phòng, đơn vị phối hợp"), "{text}");
    }

    #[test]
    fn the_task_figures_are_the_lead_units_and_contributions_are_not_added() {
        // Task 2: TTUD leads (53 procedures); QLTC and CCTC work on the same
        // procedures (12 and 14): the task has 53, never 79.
        let p = prose_of(
            &[
                file(
                    "TTUD",
                    "2024-11-10",
                    vec![row(
                        "TTUD",
                        2,
                        "Cập nhật, công khai TTHC của Sở",
                        Some(53),
                        "thủ tục",
                        Done,
                    )],
                ),
                file(
                    "QLTC",
                    "2024-11-10",
                    vec![row(
                        "QLTC",
                        2,
                        "Rà soát TTHC lĩnh vực tiêu chuẩn",
                        Some(12),
                        "thủ tục",
                        Done,
                    )],
                ),
                file(
                    "CCTC",
                    "2024-11-10",
                    vec![row(
                        "CCTC",
                        2,
                        "Niêm yết công khai TTHC",
                        Some(14),
                        "thủ tục",
                        Done,
                    )],
                ),
            ],
            &[],
        );
        let text = p.body_text();
        assert!(
            text.contains(
                "Trung tâm Ứng dụng và Dịch vụ khoa học và Công nghệ cập nhật, công khai \
             thủ tục hành chính (TTHC) của Sở (53 thủ tục hành chính)."
            ),
            "{text}"
        );
        assert!(text.contains("Các phòng, đơn vị phối hợp thực hiện:\n- Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng rà soát TTHC lĩnh vực tiêu chuẩn (12 thủ tục hành chính);\n"), "{text}");
        assert_eq!(summary(&p)[1].result, "53 thủ tục hành chính");
        assert!(!text.contains("79"), "{text}");
        assert!(!text.contains("hoạt động ("), "no row counts: {text}");
    }

    #[test]
    fn one_event_reported_by_two_lead_units_counts_once() {
        // Task 4 has two lead units; both report the same conference.
        let p = prose_of(
            &[
                file(
                    "HCTH",
                    "2024-11-10",
                    vec![row(
                        "HCTH",
                        4,
                        "Chủ trì tổ chức Hội nghị nhân Ngày KH&CN Việt Nam 18/5",
                        Some(1),
                        "hội nghị",
                        Done,
                    )],
                ),
                file(
                    "TTUD",
                    "2024-11-10",
                    vec![row(
                        "TTUD",
                        4,
                        "Tổ chức Hội nghị nhân Ngày KH&CN Việt Nam 18/5 (phối hợp Phòng HC-TH)",
                        Some(1),
                        "hội nghị",
                        Done,
                    )],
                ),
            ],
            &[],
        );
        assert_eq!(summary(&p)[3].result, "01 hội nghị");
        let text = p.body_text();
        assert!(
            text.contains("(phối hợp Phòng HC-TH)."),
            "the repeat has no figure: {text}"
        );
        assert!(!text.contains("02 hội nghị"), "{text}");
    }

    #[test]
    fn families_of_measures_add_up_and_others_stay_apart() {
        let p = prose_of(
            &[file(
                "TTUD",
                "2024-11-10",
                vec![
                    row("TTUD", 1, "Đăng tin", Some(1), "tin", Done),
                    row("TTUD", 1, "Đăng bài", Some(11), "bài", Done),
                    row("TTUD", 1, "Đăng tin, bài", Some(110), "tin/bài", Done),
                    row("TTUD", 1, "Lượt truy cập", Some(1250), "lượt", Done),
                ],
            )],
            &[],
        );
        // 1 + 11 + 110 are one family; views are not added to articles.
        assert_eq!(summary(&p)[0].result, "122 tin, bài; 1.250 lượt");
    }

    #[test]
    fn status_with_mixed_rows_is_in_progress_and_said_once() {
        let p = prose_of(
            &[file(
                "TTUD",
                "2024-11-10",
                vec![
                    row(
                        "TTUD",
                        3,
                        "Xuất bản Bản tin số 1, 2, 3/2024",
                        Some(3),
                        "số",
                        Done,
                    ),
                    row(
                        "TTUD",
                        3,
                        "Biên tập Bản tin số 4/2024",
                        Some(1),
                        "số",
                        InProgress,
                    ),
                ],
            )],
            &[],
        );
        assert_eq!(summary(&p)[2].status, "Đang thực hiện (đúng tiến độ)");
        let text = p.body_text();
        // Not among the tasks done; named on schedule; not a shortcoming.
        assert!(!text.contains("(nhiệm vụ 3"), "{text}");
        assert!(
            text.contains("nhiệm vụ 3 đang triển khai đúng tiến độ."),
            "{text}"
        );
        let iii2 = &text[text.find("2. Tồn tại").unwrap()..text.find("IV.").unwrap()];
        assert!(!iii2.contains("Nhiệm vụ 3"), "{iii2}");
        // IV names what remains.
        assert!(text.contains("- Nhiệm vụ 3 (Bản tin, chuyên mục khoa học và công nghệ): biên tập Bản tin số 4/2024; tiếp tục thực hiện thường xuyên."), "{text}");
    }

    #[test]
    fn the_reporting_paragraph_names_late_silent_and_unusable_reports() {
        let files = [
            file(
                "TTUD",
                "2024-11-10",
                vec![row("TTUD", 1, "Đăng tin", Some(12), "tin/bài", Done)],
            ),
            file(
                "TTRA",
                "2024-11-18",
                vec![row("TTRA", 1, "Cung cấp tin", Some(6), "tin/bài", Done)],
            ),
            file(
                "HCTH",
                "2024-11-12",
                vec![row("HCTH", 4, "Treo băng rôn", Some(6), "hoạt động", Done)],
            ),
        ];
        let exclusions = [
            Exclusion {
                path: "x/QLKH-sai.xlsx".into(),
                unit: Some("QLKH".into()),
                rows: vec![],
                reason: Some(Reason::UnitUnknown),
            },
            Exclusion {
                path: "x/HCTH.xlsx".into(),
                unit: Some("HCTH".into()),
                rows: vec![9, 10],
                reason: None,
            },
            Exclusion {
                path: "x/ai-do.xlsx".into(),
                unit: None,
                rows: vec![],
                reason: Some(Reason::UnitUnknown),
            },
        ];
        let p = prose_of(&files, &exclusions);
        let text = p.body_text();
        let line = text.lines().find(|l| l.starts_with("Số liệu")).unwrap();
        assert_eq!(
            line,
            "Số liệu trong báo cáo được tổng hợp đến ngày 15/11/2024; 02/07 phòng, đơn vị gửi \
             báo cáo đúng thời hạn. Thanh tra Sở (ngày 18/11/2024) gửi báo cáo sau thời hạn. \
             Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng, Chi cục Tiêu chuẩn Đo lường Chất lượng \
             và Phòng Quản lý Công nghệ và Chuyên ngành chưa gửi báo cáo. Báo cáo của Phòng \
             Quản lý Khoa học chưa đáp ứng yêu cầu tại thời điểm tổng hợp nên chưa được tổng \
             hợp. 01 báo cáo chưa xác định được đơn vị gửi nên chưa được tổng hợp. 02 nội dung \
             trong báo cáo của Phòng Hành chính - Tổng hợp chưa đáp ứng yêu cầu nên chưa được \
             tổng hợp."
        );
        // No code or file name anywhere in the official text.
        let mut all = text.clone();
        let plan = Plan::shipped();
        let texts = Texts::shipped();
        let data = crate::report::aggregate::aggregate(&plan, &files, &exclusions);
        for l in appendix(&data, &plan, &texts) {
            match l {
                AppendixLine::Group(g) => all.push_str(&g),
                AppendixLine::Row(r) => all.push_str(r.unit),
            }
        }
        for bad in ["QLKH", "HCTH", "TTUD", "TTRA", ".xlsx", "tệp", "dòng 9"] {
            assert!(!all.contains(bad), "{bad:?} in {all}");
        }
    }

    #[test]
    fn abbreviations_are_spelled_out_at_first_use_only() {
        let mut blocks = vec![
            Block::Para("Kế hoạch tuyên truyền cải cách hành chính năm 2024.".into()),
            Block::Para("Mục CCHC trên Trang TTĐT; công khai TTHC.".into()),
            Block::Para("Lại CCHC và TTHC.".into()),
        ];
        spell_out_abbreviations(&mut blocks, &Texts::shipped());
        assert_eq!(
            blocks,
            [
                Block::Para("Kế hoạch tuyên truyền cải cách hành chính (CCHC) năm 2024.".into()),
                Block::Para(
                    "Mục CCHC trên Trang Thông tin điện tử (Trang TTĐT); công khai thủ tục hành chính (TTHC).".into()
                ),
                Block::Para("Lại CCHC và TTHC.".into()),
            ]
        );
    }

    #[test]
    fn the_report_closes_and_v_carries_no_unit_proposals() {
        let mut f = file(
            "TTUD",
            "2024-11-10",
            vec![row("TTUD", 1, "Đăng tin", Some(12), "tin/bài", Done)],
        );
        f.proposals = vec!["Đề nghị Sở bố trí kinh phí".into()];
        let text = prose_of(&[f], &[]).body_text();
        assert!(!text.contains("Đề nghị Sở bố trí kinh phí"), "{text}");
        assert!(
            text.trim_end()
                .ends_with("(qua Sở Thông tin và Truyền thông) tổng hợp./."),
            "{text}"
        );
        assert!(text.contains("a) Duy trì mục tuyên truyền"), "{text}");
        assert!(
            text.contains("f) Tuyên truyền thông qua kiểm tra"),
            "{text}"
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
        assert!(text.contains(" chưa gửi báo cáo."), "{text}");
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
