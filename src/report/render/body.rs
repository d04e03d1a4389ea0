//! The report's body: header block, title, sections I–V, end block and the
//! appendix, composed from the aggregated data and the texts file. Layout
//! (sizes, indents, widths) lives here; wording comes only from [`Texts`].

use chrono::{Datelike, NaiveDate};

use super::package::{HEADER_FIRST_EMPTY, HEADER_PAGE_NUMBER};
use super::page;
use super::xml::{text_width, Align, Block, Cell, Font, Para, Row, Table};
use crate::plan::{Coordinating, Plan};
use crate::report::aggregate::{ReportData, TaskResult, TaskStatus, Totals};
use crate::report::exclusion::{Exclusion, Reason};
use crate::report::texts::{fill, Texts};
use crate::text::dmy;

/// Sizes in half-points.
const S11: u32 = 22;
const S12: u32 = 24;
const S13: u32 = 26;
const S14: u32 = 28;
pub const PAGE_NUMBER_SIZE: u32 = S13;

/// Body paragraphs: first-line indent 1.27 cm, 6 pt after, 1.2 lines.
const FIRST_LINE: i32 = 720;
const AFTER: u32 = 120;
const LINE: u32 = 288;

/// Header table columns: 7.0 cm and 10.2 cm.
const HEADER_LEFT: u32 = 3969;
const HEADER_RIGHT: u32 = 5783;
/// Cell margins left + right (see `Table::write`).
const CELL_MARGINS: u32 = 170;

/// Blank left for the clerk: the document number and, without `--date`, the day.
const BLANK: &str = "      ";
/// Activities quoted per unit in a task's results.
const EXAMPLES: usize = 3;

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

fn body_para(text: impl Into<String>) -> Para {
    Para::new(Align::Both, S14)
        .spacing(0, AFTER)
        .line(LINE)
        .indent(0, 0, FIRST_LINE)
        .text(text, Font::new(S14))
}

fn heading(text: impl Into<String>) -> Para {
    Para::new(Align::Both, S14)
        .spacing(0, AFTER)
        .line(LINE)
        .indent(0, 0, FIRST_LINE)
        .keep_next()
        .text(text, Font::new(S14).bold())
}

/// An empty paragraph whose bottom border is a centred solid line `width` long
/// inside a space `room` wide.
fn rule(width: u32, room: u32) -> Para {
    let side = (room.saturating_sub(width) / 2) as i32;
    Para::new(Align::Center, 2)
        .exact_line(80)
        .indent(side, side, 0)
        .bottom_rule()
}

fn centered(text: impl Into<String>, font: Font) -> Para {
    Para::new(Align::Center, font.size).text(text, font)
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
}

impl Ctx<'_> {
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
}

/// The whole `w:body` content.
pub fn body(data: &ReportData, plan: &Plan, texts: &Texts, date: Option<NaiveDate>) -> String {
    let cx = Ctx {
        data,
        plan,
        texts,
        year: plan.year.to_string(),
        next_year: (plan.year + 1).to_string(),
    };
    let mut blocks: Vec<Block> = Vec::new();
    header_block(&cx, date, &mut blocks);
    title_block(&cx, &mut blocks);
    for p in &texts.opening {
        blocks.push(Block::Para(body_para(cx.standing(p))));
    }
    section_direction(&cx, &mut blocks);
    section_results(&cx, &mut blocks);
    section_assessment(&cx, &mut blocks);
    section_next_steps(&cx, &mut blocks);
    section_proposals(&cx, &mut blocks);
    end_block(&cx, &mut blocks);
    // The portrait section ends here; the appendix is a landscape section.
    blocks.push(Block::Para(
        Para::new(Align::Left, 2).section(portrait_section()),
    ));
    appendix(&cx, date, &mut blocks);

    // Each block is dropped once written: the structure and the XML of a large
    // appendix are not both held whole (see docs/performance.md).
    let mut out = String::new();
    for b in blocks {
        b.write(&mut out);
    }
    out.push_str(&landscape_section());
    out
}

fn portrait_section() -> String {
    format!(
        r#"<w:sectPr><w:headerReference w:type="default" r:id="{HEADER_PAGE_NUMBER}"/><w:headerReference w:type="first" r:id="{HEADER_FIRST_EMPTY}"/><w:pgSz w:w="{}" w:h="{}"/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/><w:pgNumType w:start="1"/><w:cols w:space="720"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>"#,
        page::WIDTH,
        page::HEIGHT,
        page::TOP,
        page::RIGHT,
        page::BOTTOM,
        page::LEFT,
        page::HEADER,
        page::HEADER,
    )
}

fn landscape_section() -> String {
    let m = page::LANDSCAPE_MARGIN;
    format!(
        r#"<w:sectPr><w:headerReference w:type="default" r:id="{HEADER_PAGE_NUMBER}"/><w:type w:val="nextPage"/><w:pgSz w:w="{}" w:h="{}" w:orient="landscape"/><w:pgMar w:top="{m}" w:right="{m}" w:bottom="{m}" w:left="{m}" w:header="{}" w:footer="{}" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>"#,
        page::HEIGHT,
        page::WIDTH,
        page::HEADER,
        page::HEADER,
    )
}

fn header_block(cx: &Ctx<'_>, date: Option<NaiveDate>, blocks: &mut Vec<Block>) {
    let h = &cx.texts.header;
    let left_room = HEADER_LEFT - CELL_MARGINS;
    let right_room = HEADER_RIGHT - CELL_MARGINS;
    let agency_w = text_width(&h.agency, S12, true).min(left_room);
    let motto_w = text_width(&h.motto, S14, true).min(right_room);
    let top = Row {
        cells: vec![
            Cell::new(vec![
                centered(&h.agency_parent, Font::new(S12)),
                centered(&h.agency, Font::new(S12).bold()),
                rule(agency_w * 2 / 5, left_room),
            ]),
            Cell::new(vec![
                centered(&h.country, Font::new(S12).bold()),
                centered(&h.motto, Font::new(S14).bold()),
                rule(motto_w, right_room),
            ]),
        ],
        header: false,
        cant_split: true,
    };
    let number = format!("{}{BLANK}{}", h.number_label, h.number_suffix);
    let bottom = Row {
        cells: vec![
            Cell::new(vec![Para::new(Align::Center, S13)
                .spacing(120, 0)
                .text(number, Font::new(S13))]),
            Cell::new(vec![Para::new(Align::Center, S14).spacing(120, 0).text(
                date_line(cx.texts, date, cx.plan.deadlines.department_report),
                Font::new(S14).italic(),
            )]),
        ],
        header: false,
        cant_split: true,
    };
    blocks.push(Block::Table(Table {
        widths: vec![HEADER_LEFT, HEADER_RIGHT],
        borders: false,
        centered: true,
        rows: vec![top, bottom],
    }));
}

fn title_block(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let subject = cx.standing(&cx.texts.subject);
    let subject_w = text_width(&subject, S14, true).min(page::TEXT_WIDTH);
    blocks.push(Block::Para(
        Para::new(Align::Center, S14)
            .spacing(360, 0)
            .keep_next()
            .text(&cx.texts.title, Font::new(S14).bold()),
    ));
    blocks.push(Block::Para(
        Para::new(Align::Center, S14)
            .keep_next()
            .text(subject, Font::new(S14).bold()),
    ));
    blocks.push(Block::Para(rule(subject_w / 3, page::TEXT_WIDTH)));
    // Space between the title block and the opening.
    blocks.push(Block::Para(Para::new(Align::Left, S14).spacing(0, 120)));
}

fn section_direction(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    blocks.push(Block::Para(heading(&cx.texts.headings.direction)));
    for p in &cx.texts.direction {
        blocks.push(Block::Para(body_para(cx.standing(p))));
    }
}

fn section_results(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let t = cx.texts;
    let ph = &t.phrases;
    blocks.push(Block::Para(heading(&t.headings.results)));
    for task in &cx.data.tasks {
        let number = task.number.to_string();
        blocks.push(Block::Para(heading(fill(
            &t.headings.task,
            &[
                ("number", &number),
                ("title", &cx.task_title(task.number, false)),
            ],
        ))));
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
            blocks.push(Block::Para(body_para(text)));
        }
        if task.rows.is_empty() {
            blocks.push(Block::Para(body_para(&ph.task_no_rows)));
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
            blocks.push(Block::Para(body_para(text)));
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
                blocks.push(Block::Para(body_para(l)));
            }
            let missing = task.leads_not_reported();
            if !missing.is_empty() {
                blocks.push(Block::Para(body_para(fill(
                    &ph.leads_not_reported,
                    &[("units", &cx.names(&missing))],
                ))));
            }
        }
        blocks.push(Block::Para(body_para(fill(
            &ph.task_status,
            &[("status", &cx.status_text(task))],
        ))));
        if task.on_schedule {
            blocks.push(Block::Para(body_para(fill(
                &ph.on_schedule_note,
                &[
                    ("timeline", &mid_sentence(&cx.timeline(task.number))),
                    ("deadline", &dmy(cx.plan.deadlines.units_report)),
                ],
            ))));
        }
    }
    let next = cx.data.tasks.len() + 1;
    blocks.push(Block::Para(heading(fill(
        &t.headings.summary,
        &[("number", &next.to_string())],
    ))));
    blocks.push(Block::Table(summary_table(cx)));
    blocks.push(Block::Para(Para::new(Align::Left, S14).spacing(0, AFTER)));
    blocks.push(Block::Para(heading(fill(
        &t.headings.coverage,
        &[("number", &(next + 1).to_string())],
    ))));
    coverage(cx, blocks);
}

fn cell_para(text: impl Into<String>, align: Align, font: Font) -> Para {
    Para::new(align, font.size).spacing(40, 40).text(text, font)
}

fn header_row(headers: &[String]) -> Row {
    Row {
        cells: headers
            .iter()
            .map(|h| {
                let mut c = Cell::new(vec![cell_para(h, Align::Center, Font::new(S12).bold())]);
                c.center_vertically = true;
                c
            })
            .collect(),
        header: true,
        cant_split: true,
    }
}

fn summary_table(cx: &Ctx<'_>) -> Table {
    let f = Font::new(S12);
    let mut rows = vec![header_row(&cx.texts.summary_table.headers)];
    for task in &cx.data.tasks {
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
        let cells = vec![
            Cell::new(vec![cell_para(task.number.to_string(), Align::Center, f)]),
            Cell::new(vec![cell_para(
                cx.task_title(task.number, true),
                Align::Left,
                f,
            )]),
            Cell::new(
                leads
                    .into_iter()
                    .map(|l| cell_para(l, Align::Left, f))
                    .collect(),
            ),
            Cell::new(vec![cell_para(cx.timeline(task.number), Align::Left, f)]),
            Cell::new(vec![cell_para(result, Align::Left, f)]),
            Cell::new(vec![cell_para(cx.status_text(task), Align::Left, f)]),
        ];
        rows.push(Row {
            cells,
            header: false,
            cant_split: true,
        });
    }
    // 1.0 + 4.6 + 3.4 + 2.2 + 3.0 + 2.3 cm ≈ the text width.
    let widths = vec![737, 2438, 1928, 1247, 1701, 1304];
    debug_assert_eq!(widths.iter().sum::<u32>(), page::TEXT_WIDTH);
    Table {
        widths,
        borders: true,
        centered: true,
        rows,
    }
}

fn area_refs(cx: &Ctx<'_>, numbers: &[u32]) -> String {
    let refs: Vec<String> = numbers
        .iter()
        .map(|n| {
            let title = cx
                .plan
                .content_area(*n)
                .map(|a| a.short_title.clone())
                .unwrap_or_default();
            fill(
                &cx.texts.phrases.area_ref,
                &[("number", &n.to_string()), ("title", &title)],
            )
        })
        .collect();
    cx.texts.join_list(&refs)
}

fn coverage(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let ph = &cx.texts.phrases;
    let covered: Vec<_> = cx
        .data
        .coverage
        .iter()
        .filter(|c| c.activities > 0)
        .collect();
    let total = cx.data.coverage.len().to_string();
    if !covered.is_empty() {
        blocks.push(Block::Para(body_para(fill(
            &ph.coverage_intro,
            &[("covered", &covered.len().to_string()), ("total", &total)],
        ))));
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
            blocks.push(Block::Para(body_para(i)));
        }
    }
    let none = cx.data.areas_not_covered();
    if none.is_empty() {
        blocks.push(Block::Para(body_para(&ph.coverage_all)));
    } else {
        blocks.push(Block::Para(body_para(fill(
            &ph.coverage_none,
            &[("areas", &area_refs(cx, &none))],
        ))));
    }
}

fn section_assessment(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let t = cx.texts;
    let ph = &t.phrases;
    let data = cx.data;
    blocks.push(Block::Para(heading(&t.headings.assessment)));
    blocks.push(Block::Para(heading(&t.headings.strengths)));
    let planned: Vec<&TaskResult> = data.tasks.iter().filter(|t| t.in_plan).collect();
    let done: Vec<String> = planned
        .iter()
        .filter(|t| t.status == TaskStatus::Done)
        .map(|t| fill(&ph.task_ref, &[("number", &t.number.to_string())]))
        .collect();
    if done.is_empty() {
        blocks.push(Block::Para(body_para(&ph.strengths_no_task_done)));
    } else {
        blocks.push(Block::Para(body_para(fill(
            &ph.strengths_tasks,
            &[
                ("done", &done.len().to_string()),
                ("total", &planned.len().to_string()),
                ("tasks", &t.join_list(&done)),
            ],
        ))));
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
        blocks.push(Block::Para(body_para(text)));
        let covered = data.coverage.iter().filter(|c| c.activities > 0).count();
        blocks.push(Block::Para(body_para(fill(
            &ph.strengths_coverage,
            &[
                ("covered", &covered.to_string()),
                ("total", &data.coverage.len().to_string()),
            ],
        ))));
    }

    blocks.push(Block::Para(heading(&t.headings.shortcomings)));
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
        lines.push(fill(&ph.coverage_none, &[("areas", &area_refs(cx, &none))]));
    }
    for l in &lines {
        blocks.push(Block::Para(body_para(l)));
    }
    if !data.difficulties.is_empty() {
        blocks.push(Block::Para(body_para(&ph.difficulties_intro)));
        remarks(cx, &data.difficulties, blocks);
    } else if lines.is_empty() {
        blocks.push(Block::Para(body_para(&ph.no_shortcomings)));
    }
}

fn remarks(cx: &Ctx<'_>, list: &[crate::report::aggregate::Remark], blocks: &mut Vec<Block>) {
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
        blocks.push(Block::Para(body_para(i)));
    }
}

fn section_next_steps(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    blocks.push(Block::Para(heading(&cx.texts.headings.next_steps)));
    for p in &cx.texts.next_steps {
        blocks.push(Block::Para(body_para(cx.standing(p))));
    }
}

fn section_proposals(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let t = cx.texts;
    blocks.push(Block::Para(heading(&t.headings.proposals)));
    for p in &t.proposals {
        blocks.push(Block::Para(body_para(cx.standing(p))));
    }
    if !cx.data.proposals.is_empty() {
        blocks.push(Block::Para(body_para(&t.phrases.proposals_intro)));
        remarks(cx, &cx.data.proposals, blocks);
    } else if t.proposals.is_empty() {
        blocks.push(Block::Para(body_para(&t.phrases.no_proposals)));
    }
}

fn end_block(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let t = cx.texts;
    let mut left = vec![Para::new(Align::Left, S12)
        .spacing(240, 0)
        .text(&t.recipients.label, Font::new(S12).bold().italic())];
    for r in &t.recipients.list {
        left.push(Para::new(Align::Left, S11).text(r, Font::new(S11)));
    }
    let bold14 = Font::new(S14).bold();
    let mut right = Vec::new();
    if let Some(a) = &t.signer.authority {
        right.push(centered(a, bold14).spacing(240, 0));
        right.push(centered(&t.signer.title, bold14));
    } else {
        right.push(centered(&t.signer.title, bold14).spacing(240, 0));
    }
    // Room for the signature and the seal.
    right.push(Para::new(Align::Center, S14).spacing(1680, 0));
    right.push(centered(&t.signer.name, bold14));
    blocks.push(Block::Table(Table {
        widths: vec![4535, 4820],
        borders: false,
        centered: true,
        rows: vec![Row {
            cells: vec![Cell::new(left), Cell::new(right)],
            header: false,
            cant_split: true,
        }],
    }));
}

fn appendix(cx: &Ctx<'_>, date: Option<NaiveDate>, blocks: &mut Vec<Block>) {
    let t = cx.texts;
    let a = &t.appendix;
    let bold14 = Font::new(S14).bold();
    blocks.push(Block::Para(centered(&a.label, bold14).keep_next()));
    blocks.push(Block::Para(centered(&a.title, bold14).keep_next()));
    let number = format!("{BLANK}{}", t.header.number_suffix);
    let when = match date {
        Some(d) => dmy(d),
        None => {
            let d = cx.plan.deadlines.department_report;
            format!("{BLANK}/{:02}/{}", d.month(), d.year())
        }
    };
    blocks.push(Block::Para(
        centered(
            fill(&a.subtitle, &[("number", &number), ("date", &when)]),
            Font::new(S14).italic(),
        )
        .spacing(0, 240)
        .keep_next(),
    ));
    let f = Font::new(S12);
    let mut rows = vec![header_row(&a.headers)];
    let mut stt = 0u64;
    for task in &cx.data.tasks {
        for r in &task.rows {
            stt += 1;
            let cells = vec![
                Cell::new(vec![cell_para(vn_number(stt), Align::Center, f)]),
                Cell::new(vec![cell_para(&r.unit, Align::Center, f)]),
                Cell::new(vec![cell_para(r.task.to_string(), Align::Center, f)]),
                Cell::new(vec![cell_para(&r.activity, Align::Left, f)]),
                Cell::new(vec![cell_para(
                    r.quantity.map(vn_number).unwrap_or_default(),
                    Align::Right,
                    f,
                )]),
                Cell::new(vec![cell_para(
                    r.measure.clone().unwrap_or_default(),
                    Align::Left,
                    f,
                )]),
                Cell::new(vec![cell_para(&r.time_text, Align::Left, f)]),
                Cell::new(vec![cell_para(
                    t.status_word(r.status.into()),
                    Align::Left,
                    f,
                )]),
                Cell::new(vec![cell_para(
                    r.evidence.clone().unwrap_or_default(),
                    Align::Left,
                    f,
                )]),
            ];
            rows.push(Row {
                cells,
                header: false,
                cant_split: true,
            });
        }
    }
    // STT, Đơn vị, Nhiệm vụ, Nội dung, Số lượng, ĐVT, Thời gian, Tình trạng, Minh chứng.
    let widths = vec![700, 900, 900, 4700, 900, 1050, 1600, 1500, 2320];
    debug_assert_eq!(widths.iter().sum::<u32>(), page::LANDSCAPE_TEXT_WIDTH);
    blocks.push(Block::Table(Table {
        widths,
        borders: true,
        centered: true,
        rows,
    }));
    // A table may not end the body.
    blocks.push(Block::Para(Para::new(Align::Left, 2)));
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
